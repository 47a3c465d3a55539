/* EvlGraph: the story container.  Records live in GArrays addressed by
 * index; strings in one GStringChunk owned by the graph. */
#include "evl-private.h"

#include <string.h>

struct _EvlGraph {
  gatomicrefcount ref;
  GStringChunk *pool;
  GArray *documents;   /* EvlGraphDocument */
  GArray *entities;    /* EvlGraphEntity */
  GArray *events;      /* EvlGraphEvent */
  GArray *relations;   /* EvlGraphRelation */
  GArray *conflicts;   /* EvlGraphConflict */
  GPtrArray *threads;  /* interned names, lane order */
  GHashTable *rel_index; /* "from:to:rel" -> present */
  /* Interned document id -> first index + 1: `build` asks for every
   * incoming document whether the story holds it already, which scanned
   * all documents (O(n^2) string compares over 11,700 documents). */
  GHashTable *doc_index;
  guint next_event_id, next_entity_id;
  /* Per entity, the people and places named in its articles
   * (evl_graph_entity_add_near()): NULL or GArray of guint entities. */
  GPtrArray *near;
  /* Per entity, EVL_ENTITY_N mention counts by type
   * (evl_graph_entity_peek_type_votes()): TypeVotes, zero when unset. */
  GArray *type_votes;
  /* Per entity, the title of a bare surname (evl_graph_entity_set_title()):
   * interned, NULL when none. */
  GPtrArray *titles;
  gpointer reason_cache;        /* evl_graph_set_reason_cache() */
  GDestroyNotify reason_cache_free;
  /* Events with many mentions (a story told a thousand times, or one
   * runaway document) get an index of their mentions, keyed by their
   * mentions array, so adding one stays O(1) instead of a scan. */
  GHashTable *mention_index; /* GArray* -> MentionIndex* */
};

/* Below this many mentions the scan is cheaper than an index. */
#define MENTION_INDEX_MIN 32

typedef struct {
  guint doc, start, end;
} MentionKey;

typedef struct {
  GHashTable *spans; /* MentionKey* set, kept and counted mentions alike */
  GHashTable *docs;  /* GUINT_TO_POINTER (doc + 1) -> mentions kept from it */
  guint more;        /* distinct mentions counted but not kept */
} MentionIndex;

static guint
mention_key_hash (gconstpointer p)
{
  const MentionKey *k = p;
  return (k->doc * 2654435761u) ^ (k->start * 40503u) ^ k->end;
}

static gboolean
mention_key_equal (gconstpointer a, gconstpointer b)
{
  const MentionKey *x = a, *y = b;
  return x->doc == y->doc && x->start == y->start && x->end == y->end;
}

static void
mention_index_free (gpointer p)
{
  MentionIndex *mi = p;
  g_hash_table_unref (mi->spans);
  g_hash_table_unref (mi->docs);
  g_free (mi);
}

static void
mention_index_add (MentionIndex *mi, const EvlGraphMention *m, gboolean kept)
{
  MentionKey *k = g_new (MentionKey, 1);
  *k = (MentionKey) { m->doc, m->start, m->end };
  g_hash_table_add (mi->spans, k);
  gpointer doc = GUINT_TO_POINTER (m->doc + 1);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (mi->docs, doc));
  if (kept)
    g_hash_table_insert (mi->docs, doc, GUINT_TO_POINTER (n + 1));
  else
    mi->more++;
}

/* @e's index, made (from its mentions so far) when @create or when the
 * event has grown to MENTION_INDEX_MIN mentions; else NULL. */
static MentionIndex *
mention_index_get (EvlGraph *g, const EvlGraphEvent *e, gboolean create)
{
  MentionIndex *mi = g->mention_index ? g_hash_table_lookup (g->mention_index, e->mentions) : NULL;
  if (mi != NULL || (!create && e->mentions->len < MENTION_INDEX_MIN))
    return mi;
  if (g->mention_index == NULL)
    g->mention_index = g_hash_table_new_full (NULL, NULL, NULL, mention_index_free);
  mi = g_new0 (MentionIndex, 1);
  mi->spans = g_hash_table_new_full (mention_key_hash, mention_key_equal, g_free, NULL);
  mi->docs = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < e->mentions->len; i++)
    mention_index_add (mi, &g_array_index (e->mentions, EvlGraphMention, i), TRUE);
  g_hash_table_insert (g->mention_index, e->mentions, mi);
  return mi;
}

static void
entity_clear (gpointer p)
{
  EvlGraphEntity *e = p;
  g_clear_pointer (&e->aliases, g_ptr_array_unref);
}

static void
event_clear (gpointer p)
{
  EvlGraphEvent *e = p;
  g_clear_pointer (&e->participants, g_array_unref);
  g_clear_pointer (&e->mentions, g_array_unref);
}

typedef struct {
  guint n[EVL_ENTITY_N];
} TypeVotes;

static void
near_free (gpointer p)
{
  if (p)
    g_array_unref (p);
}

EvlGraph *
evl_graph_new (void)
{
  EvlGraph *g = g_new0 (EvlGraph, 1);
  g_atomic_ref_count_init (&g->ref);
  g->pool = g_string_chunk_new (8192);
  g->documents = g_array_new (FALSE, TRUE, sizeof (EvlGraphDocument));
  g->entities = g_array_new (FALSE, TRUE, sizeof (EvlGraphEntity));
  g_array_set_clear_func (g->entities, entity_clear);
  g->near = g_ptr_array_new_with_free_func (near_free);
  g->type_votes = g_array_new (FALSE, TRUE, sizeof (TypeVotes));
  g->titles = g_ptr_array_new ();
  g->events = g_array_new (FALSE, TRUE, sizeof (EvlGraphEvent));
  g_array_set_clear_func (g->events, event_clear);
  g->relations = g_array_new (FALSE, TRUE, sizeof (EvlGraphRelation));
  g->conflicts = g_array_new (FALSE, TRUE, sizeof (EvlGraphConflict));
  g->threads = g_ptr_array_new ();
  g->rel_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->doc_index = g_hash_table_new (g_str_hash, g_str_equal);
  return g;
}

EvlGraph *
evl_graph_ref (EvlGraph *g)
{
  g_return_val_if_fail (g != NULL, NULL);
  g_atomic_ref_count_inc (&g->ref);
  return g;
}

void
evl_graph_unref (EvlGraph *g)
{
  if (g == NULL || !g_atomic_ref_count_dec (&g->ref))
    return;
  g_array_unref (g->documents);
  g_array_unref (g->entities);
  g_ptr_array_unref (g->near);
  g_array_unref (g->type_votes);
  g_ptr_array_unref (g->titles);
  g_array_unref (g->events);
  g_array_unref (g->relations);
  g_array_unref (g->conflicts);
  g_ptr_array_unref (g->threads);
  g_hash_table_unref (g->rel_index);
  g_hash_table_unref (g->doc_index);
  g_clear_pointer (&g->mention_index, g_hash_table_unref);
  if (g->reason_cache_free)
    g->reason_cache_free (g->reason_cache);
  g_string_chunk_free (g->pool);
  g_free (g);
}

gpointer
evl_graph_get_reason_cache (EvlGraph *g)
{
  return g->reason_cache;
}

void
evl_graph_set_reason_cache (EvlGraph *g, gpointer cache, GDestroyNotify free_func)
{
  if (g->reason_cache_free && g->reason_cache != cache)
    g->reason_cache_free (g->reason_cache);
  g->reason_cache = cache;
  g->reason_cache_free = free_func;
}

const char *
evl_graph_intern (EvlGraph *g, const char *s)
{
  return s ? g_string_chunk_insert_const (g->pool, s) : NULL;
}

guint
evl_graph_add_document (EvlGraph *g, const EvlGraphDocument *d)
{
  EvlGraphDocument c = {
    evl_graph_intern (g, d->id), evl_graph_intern (g, d->path),
    evl_graph_intern (g, d->dct), evl_graph_intern (g, d->dct_source),
    evl_graph_intern (g, d->title), evl_graph_intern (g, d->url),
  };
  g_array_append_val (g->documents, c);
  guint idx = g->documents->len - 1;
  if (c.id != NULL && !g_hash_table_contains (g->doc_index, c.id))
    g_hash_table_insert (g->doc_index, (gpointer) c.id, GUINT_TO_POINTER (idx + 1));
  return idx;
}

static int
cmp_str (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* Explicit ids of the generated form ("ev12") move the counter past them
 * so that a reloaded graph never hands out an id twice. */
static void
bump_counter (guint *next, const char *id, const char *prefix)
{
  gsize n = strlen (prefix);
  if (strncmp (id, prefix, n) != 0 || !g_ascii_isdigit (id[n]))
    return;
  char *end = NULL;
  guint64 v = g_ascii_strtoull (id + n, &end, 10);
  if (*end == '\0' && v > *next && v < G_MAXUINT)
    *next = (guint) v;
}

guint
evl_graph_add_entity (EvlGraph *g, const EvlGraphEntity *e)
{
  EvlGraphEntity c = *e;
  char idbuf[32];
  if (e->id == NULL)
    {
      g_snprintf (idbuf, sizeof idbuf, "ent%u", ++g->next_entity_id);
      c.id = idbuf;
    }
  else
    bump_counter (&g->next_entity_id, e->id, "ent");
  c.id = evl_graph_intern (g, c.id);
  c.name = evl_graph_intern (g, e->name);
  c.key = evl_graph_intern (g, e->key);
  c.aliases = g_ptr_array_new ();
  g_array_append_val (g->entities, c);
  guint idx = g->entities->len - 1;
  if (e->aliases)
    for (guint i = 0; i < e->aliases->len; i++)
      evl_graph_entity_add_alias (g, idx, e->aliases->pdata[i]);
  return idx;
}

void
evl_graph_entity_add_alias (EvlGraph *g, guint entity, const char *alias)
{
  g_return_if_fail (entity < g->entities->len && alias != NULL);
  EvlGraphEntity *e = &g_array_index (g->entities, EvlGraphEntity, entity);
  const char *a = evl_graph_intern (g, alias);
  /* Interned strings compare by pointer. */
  for (guint i = 0; i < e->aliases->len; i++)
    if (e->aliases->pdata[i] == a)
      return;
  g_ptr_array_add (e->aliases, (gpointer) a);
  g_ptr_array_sort (e->aliases, cmp_str);
}

void
evl_graph_entity_add_near (EvlGraph *g, guint entity, guint other)
{
  g_return_if_fail (entity < g->entities->len && other < g->entities->len);
  if (g->near->len <= entity)
    g_ptr_array_set_size (g->near, (gint) g->entities->len);
  GArray *a = g->near->pdata[entity];
  if (a == NULL)
    a = g->near->pdata[entity] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, guint, i) == other)
      return;
  g_array_append_val (a, other);
}

const guint *
evl_graph_entity_get_near (const EvlGraph *g, guint entity, guint *n)
{
  const GArray *a = entity < g->near->len ? g->near->pdata[entity] : NULL;
  *n = a ? a->len : 0;
  return a ? (const guint *) a->data : NULL;
}

guint *
evl_graph_entity_peek_type_votes (EvlGraph *g, guint entity)
{
  g_return_val_if_fail (entity < g->entities->len, NULL);
  if (g->type_votes->len <= entity)
    g_array_set_size (g->type_votes, g->entities->len);
  return g_array_index (g->type_votes, TypeVotes, entity).n;
}

const guint *
evl_graph_entity_get_type_votes (const EvlGraph *g, guint entity)
{
  if (entity >= g->type_votes->len)
    return NULL;
  const guint *v = g_array_index (g->type_votes, TypeVotes, entity).n;
  for (guint t = 0; t < EVL_ENTITY_N; t++)
    if (v[t])
      return v;
  return NULL;
}

void
evl_graph_entity_set_title (EvlGraph *g, guint entity, const char *title)
{
  g_return_if_fail (entity < g->entities->len);
  if (g->titles->len <= entity)
    {
      if (title == NULL)
        return;
      g_ptr_array_set_size (g->titles, (gint) g->entities->len);
    }
  g->titles->pdata[entity] = (gpointer) evl_graph_intern (g, title);
}

const char *
evl_graph_entity_get_title (const EvlGraph *g, guint entity)
{
  return entity < g->titles->len ? g->titles->pdata[entity] : NULL;
}

guint
evl_graph_add_event (EvlGraph *g, const EvlGraphEvent *ev)
{
  EvlGraphEvent c = *ev;
  char idbuf[32];
  if (ev->id == NULL)
    {
      g_snprintf (idbuf, sizeof idbuf, "ev%u", ++g->next_event_id);
      c.id = idbuf;
    }
  else
    bump_counter (&g->next_event_id, ev->id, "ev");
  c.id = evl_graph_intern (g, c.id);
  c.type = evl_graph_intern (g, ev->type);
  c.cameo = evl_graph_intern (g, ev->cameo);
  c.thread = evl_graph_intern (g, ev->thread);
  c.trigger = evl_graph_intern (g, ev->trigger);
  c.summary = evl_graph_intern (g, ev->summary);
  c.modality = evl_graph_intern (g, ev->modality);
  c.time.value = evl_graph_intern (g, ev->time.value);
  c.time.text = evl_graph_intern (g, ev->time.text);
  c.time.anchor = evl_graph_intern (g, ev->time.anchor);
  c.participants = g_array_new (FALSE, FALSE, sizeof (guint));
  c.mentions = g_array_new (FALSE, TRUE, sizeof (EvlGraphMention));
  c.n_sources = 0;
  g_array_append_val (g->events, c);
  guint idx = g->events->len - 1;
  if (ev->participants)
    for (guint i = 0; i < ev->participants->len; i++)
      evl_graph_event_add_participant (g, idx, g_array_index (ev->participants, guint, i));
  if (ev->mentions)
    for (guint i = 0; i < ev->mentions->len; i++)
      evl_graph_event_add_mention (g, idx, &g_array_index (ev->mentions, EvlGraphMention, i));
  return idx;
}

void
evl_graph_event_add_participant (EvlGraph *g, guint event, guint entity)
{
  g_return_if_fail (event < g->events->len && entity < g->entities->len);
  EvlGraphEvent *e = &g_array_index (g->events, EvlGraphEvent, event);
  for (guint i = 0; i < e->participants->len; i++)
    if (g_array_index (e->participants, guint, i) == entity)
      return;
  g_array_append_val (e->participants, entity);
}

void
evl_graph_event_add_mention (EvlGraph *g, guint event, const EvlGraphMention *m)
{
  g_return_if_fail (event < g->events->len && m != NULL);
  EvlGraphEvent *e = &g_array_index (g->events, EvlGraphEvent, event);
  gboolean new_doc = TRUE;
  MentionIndex *mi = mention_index_get (g, e, FALSE);
  if (mi != NULL)
    {
      MentionKey k = { m->doc, m->start, m->end };
      if (g_hash_table_contains (mi->spans, &k))
        return;
      guint kept = GPOINTER_TO_UINT (g_hash_table_lookup (mi->docs, GUINT_TO_POINTER (m->doc + 1)));
      new_doc = kept == 0;
      /* Beyond the cap a mention is counted, not stored: its span still
       * goes into the set so that adding it again counts it once. */
      mention_index_add (mi, m, kept < EVL_GRAPH_MENTIONS_PER_DOCUMENT);
      if (kept >= EVL_GRAPH_MENTIONS_PER_DOCUMENT)
        return;
    }
  else
    for (guint i = 0; i < e->mentions->len; i++)
      {
        const EvlGraphMention *o = &g_array_index (e->mentions, EvlGraphMention, i);
        if (o->doc == m->doc)
          {
            new_doc = FALSE;
            if (o->start == m->start && o->end == m->end)
              return;
          }
      }
  EvlGraphMention c = *m;
  c.text = evl_graph_intern (g, m->text);
  c.quote = evl_graph_intern (g, m->quote);
  c.time_value = evl_graph_intern (g, m->time_value);
  c.time_anchor = evl_graph_intern (g, m->time_anchor);
  g_array_append_val (e->mentions, c);
  if (new_doc)
    e->n_sources++;
}

guint
evl_graph_event_n_more_mentions (const EvlGraph *g, guint event)
{
  g_return_val_if_fail (event < g->events->len, 0);
  const EvlGraphEvent *e = &g_array_index (g->events, EvlGraphEvent, event);
  const MentionIndex *mi = g->mention_index ? g_hash_table_lookup (g->mention_index, e->mentions)
                                            : NULL;
  return mi ? mi->more : 0;
}

void
evl_graph_event_add_more_mentions (EvlGraph *g, guint event, guint n)
{
  g_return_if_fail (event < g->events->len);
  if (n == 0)
    return;
  MentionIndex *mi = mention_index_get (g, &g_array_index (g->events, EvlGraphEvent, event), TRUE);
  mi->more = n > G_MAXUINT - mi->more ? G_MAXUINT : mi->more + n;
}

gboolean
evl_graph_add_relation (EvlGraph *g, const EvlGraphRelation *r)
{
  g_return_val_if_fail (r->from < g->events->len && r->to < g->events->len, FALSE);
  char *key = g_strdup_printf ("%u:%u:%d", r->from, r->to, r->rel);
  if (g_hash_table_contains (g->rel_index, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (g->rel_index, key);
  EvlGraphRelation c = *r;
  c.evidence = evl_graph_intern (g, r->evidence);
  g_array_append_val (g->relations, c);
  return TRUE;
}

void
evl_graph_add_conflict (EvlGraph *g, const EvlGraphConflict *c)
{
  g_return_if_fail (c != NULL && c->event < g->events->len);
  EvlGraphConflict k = {
    c->event, evl_graph_intern (g, c->field), evl_graph_intern (g, c->chosen),
    evl_graph_intern (g, c->rejected), evl_graph_intern (g, c->detail),
  };
  /* Re-running the reasoner must not repeat a report: interned strings
   * compare by pointer. */
  for (guint i = 0; i < g->conflicts->len; i++)
    {
      const EvlGraphConflict *o = &g_array_index (g->conflicts, EvlGraphConflict, i);
      if (o->event == k.event && o->field == k.field && o->chosen == k.chosen
          && o->rejected == k.rejected)
        return;
    }
  g_array_append_val (g->conflicts, k);
}

EvlGraphEvent *
evl_graph_peek_event (EvlGraph *g, guint i)
{
  g_return_val_if_fail (i < g->events->len, NULL);
  return &g_array_index (g->events, EvlGraphEvent, i);
}

EvlGraphEntity *
evl_graph_peek_entity (EvlGraph *g, guint i)
{
  g_return_val_if_fail (i < g->entities->len, NULL);
  return &g_array_index (g->entities, EvlGraphEntity, i);
}

void
evl_graph_clear_relations (EvlGraph *g)
{
  g_array_set_size (g->relations, 0);
  g_hash_table_remove_all (g->rel_index);
}

static void
rebuild_relations (EvlGraph *g, const guint *map, const gboolean *keep_rel)
{
  GArray *old = g->relations;
  g->relations = g_array_new (FALSE, TRUE, sizeof (EvlGraphRelation));
  g_hash_table_remove_all (g->rel_index);
  for (guint i = 0; i < old->len; i++)
    {
      EvlGraphRelation r = g_array_index (old, EvlGraphRelation, i);
      if (keep_rel && !keep_rel[i])
        continue;
      if (map)
        {
          if (map[r.from] == G_MAXUINT || map[r.to] == G_MAXUINT)
            continue;
          r.from = map[r.from];
          r.to = map[r.to];
          if (r.from == r.to)
            continue;
        }
      evl_graph_add_relation (g, &r);
    }
  g_array_unref (old);
}

void
evl_graph_collapse_events (EvlGraph *g, const guint *target)
{
  guint n = g->events->len;
  g_autofree guint *newpos = g_new (guint, n);
  g_autofree guint *map = g_new (guint, n);
  guint o = 0;
  for (guint i = 0; i < n; i++)
    newpos[i] = target[i] == i ? o++ : G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      guint t = target[i];
      map[i] = t < n ? newpos[t] : G_MAXUINT;
    }
  o = 0;
  for (guint i = 0; i < n; i++)
    {
      EvlGraphEvent *e = &g_array_index (g->events, EvlGraphEvent, i);
      if (newpos[i] != G_MAXUINT)
        {
          if (o != i)
            g_array_index (g->events, EvlGraphEvent, o) = *e;
          o++;
        }
      else
        {
          /* The array is freed: its address may come back for another event. */
          if (g->mention_index)
            g_hash_table_remove (g->mention_index, e->mentions);
          event_clear (e);
        }
    }
  /* The tail records were moved, not copied: drop them without clearing. */
  g_array_set_clear_func (g->events, NULL);
  g_array_set_size (g->events, o);
  g_array_set_clear_func (g->events, event_clear);

  rebuild_relations (g, map, NULL);

  guint kept = 0;
  for (guint i = 0; i < g->conflicts->len; i++)
    {
      EvlGraphConflict c = g_array_index (g->conflicts, EvlGraphConflict, i);
      if (map[c.event] == G_MAXUINT)
        continue;
      c.event = map[c.event];
      g_array_index (g->conflicts, EvlGraphConflict, kept++) = c;
    }
  g_array_set_size (g->conflicts, kept);
}

void
evl_graph_retain_events (EvlGraph *g, const gboolean *keep)
{
  guint n = g->events->len;
  g_autofree guint *target = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    target[i] = keep[i] ? i : G_MAXUINT;
  evl_graph_collapse_events (g, target);
}

void
evl_graph_retain_relations (EvlGraph *g, const gboolean *keep)
{
  rebuild_relations (g, NULL, keep);
}

void
evl_graph_renumber_events (EvlGraph *g, const GArray *order)
{
  char idbuf[32];
  g->next_event_id = 0;
  for (guint i = 0; i < order->len; i++)
    {
      guint ev = g_array_index (order, guint, i);
      g_return_if_fail (ev < g->events->len);
      g_snprintf (idbuf, sizeof idbuf, "ev%u", ++g->next_event_id);
      g_array_index (g->events, EvlGraphEvent, ev).id = evl_graph_intern (g, idbuf);
    }
}

guint
evl_graph_add_thread (EvlGraph *g, const char *name)
{
  g_return_val_if_fail (name != NULL, 0);
  const char *s = evl_graph_intern (g, name);
  for (guint i = 0; i < g->threads->len; i++)
    if (g->threads->pdata[i] == s)
      return i;
  g_ptr_array_add (g->threads, (gpointer) s);
  return g->threads->len - 1;
}

guint evl_graph_n_threads (const EvlGraph *g) { return g->threads->len; }

void
evl_graph_clear_threads (EvlGraph *g)
{
  g_ptr_array_set_size (g->threads, 0);
}

const char *
evl_graph_get_thread (const EvlGraph *g, guint i)
{
  g_return_val_if_fail (i < g->threads->len, NULL);
  return g->threads->pdata[i];
}

guint evl_graph_n_documents (const EvlGraph *g) { return g->documents->len; }
guint evl_graph_n_entities (const EvlGraph *g) { return g->entities->len; }
guint evl_graph_n_events (const EvlGraph *g) { return g->events->len; }
guint evl_graph_n_relations (const EvlGraph *g) { return g->relations->len; }
guint evl_graph_n_conflicts (const EvlGraph *g) { return g->conflicts->len; }

#define GET(fn, type, field)                                    \
  const type *fn (const EvlGraph *g, guint i)                   \
  {                                                             \
    g_return_val_if_fail (i < g->field->len, NULL);             \
    return &g_array_index (g->field, type, i);                  \
  }

GET (evl_graph_get_document, EvlGraphDocument, documents)
GET (evl_graph_get_entity, EvlGraphEntity, entities)
GET (evl_graph_get_event, EvlGraphEvent, events)
GET (evl_graph_get_relation, EvlGraphRelation, relations)
GET (evl_graph_get_conflict, EvlGraphConflict, conflicts)

/* ---- queries ---- */

typedef struct {
  const EvlGraph *g;
  guint *rank;   /* topological rank from BEFORE/AFTER relations */
} SortCtx;

static EvlDay
sort_day (const EvlGraphEvent *e)
{
  if (e->time.known && e->time.begin)
    return e->time.begin;
  if (e->time.earliest)
    return e->time.earliest;
  return 0;
}

static int
cmp_timeline (gconstpointer pa, gconstpointer pb, gpointer data)
{
  SortCtx *sc = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  const EvlGraphEvent *ea = &g_array_index (sc->g->events, EvlGraphEvent, a);
  const EvlGraphEvent *eb = &g_array_index (sc->g->events, EvlGraphEvent, b);
  EvlDay da = sort_day (ea), db = sort_day (eb);
  if (da != db)
    {
      if (da == 0) return 1;
      if (db == 0) return -1;
      return da < db ? -1 : 1;
    }
  /* Same start: the narrower (more precise) interval first. */
  EvlDay wa = ea->time.end ? ea->time.end - ea->time.begin : 0;
  EvlDay wb = eb->time.end ? eb->time.end - eb->time.begin : 0;
  if (sc->rank[a] != sc->rank[b])
    return sc->rank[a] < sc->rank[b] ? -1 : 1;
  if (wa != wb)
    return wa < wb ? -1 : 1;
  /* Then the order in which the sources told them. */
  if (ea->mentions->len && eb->mentions->len)
    {
      const EvlGraphMention *ma = &g_array_index (ea->mentions, EvlGraphMention, 0);
      const EvlGraphMention *mb = &g_array_index (eb->mentions, EvlGraphMention, 0);
      if (ma->doc != mb->doc)
        return ma->doc < mb->doc ? -1 : 1;
      if (ma->start != mb->start)
        return ma->start < mb->start ? -1 : 1;
    }
  return a < b ? -1 : (a > b);
}

GArray *
evl_graph_timeline (const EvlGraph *g)
{
  guint n = g->events->len;
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_autofree guint *rank = g_new0 (guint, n);
  /* Longest-path rank over BEFORE edges (bounded relaxation: cycles from
   * inconsistent input cannot loop forever). */
  for (guint pass = 0; pass < MIN (n, 64u); pass++)
    {
      gboolean changed = FALSE;
      for (guint i = 0; i < g->relations->len; i++)
        {
          const EvlGraphRelation *r = &g_array_index (g->relations, EvlGraphRelation, i);
          guint before, after;
          if (r->rel == EVL_REL_BEFORE) { before = r->from; after = r->to; }
          else if (r->rel == EVL_REL_AFTER) { before = r->to; after = r->from; }
          else continue;
          if (rank[after] < rank[before] + 1)
            {
              rank[after] = rank[before] + 1;
              changed = TRUE;
            }
        }
      if (!changed)
        break;
    }
  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  SortCtx sc = { g, rank };
  g_array_sort_with_data (order, cmp_timeline, &sc);
  return order;
}

GArray *
evl_graph_events_of_entity (const EvlGraph *g, guint entity)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < g->events->len; i++)
    {
      const EvlGraphEvent *e = &g_array_index (g->events, EvlGraphEvent, i);
      gboolean hit = (e->location >= 0 && (guint) e->location == entity)
                     || (e->source >= 0 && (guint) e->source == entity);
      for (guint j = 0; !hit && j < e->participants->len; j++)
        hit = g_array_index (e->participants, guint, j) == entity;
      if (hit)
        g_array_append_val (out, i);
    }
  return out;
}

GArray *
evl_graph_events_between (const EvlGraph *g, EvlDay from, EvlDay to)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < g->events->len; i++)
    {
      const EvlGraphEvent *e = &g_array_index (g->events, EvlGraphEvent, i);
      if (!e->time.known || e->time.begin == 0)
        continue;
      /* An unknown end is the begin day, as the renderers' --from/--to
       * selection and every range drawn take it: an event only known to
       * begin on a day is not taken to last into every later window. */
      EvlDay end = e->time.end ? e->time.end : e->time.begin;
      if (from && end < from)
        continue;
      if (to && e->time.begin > to)
        continue;
      g_array_append_val (out, i);
    }
  return out;
}

GArray *
evl_graph_events_of_type (const EvlGraph *g, const char *type)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < g->events->len; i++)
    {
      const EvlGraphEvent *e = &g_array_index (g->events, EvlGraphEvent, i);
      if (e->type && type && g_ascii_strcasecmp (e->type, type) == 0)
        g_array_append_val (out, i);
    }
  return out;
}

gint
evl_graph_find_entity (const EvlGraph *g, const char *name)
{
  for (guint i = 0; i < g->entities->len; i++)
    {
      const EvlGraphEntity *e = &g_array_index (g->entities, EvlGraphEntity, i);
      if ((e->name && g_ascii_strcasecmp (e->name, name) == 0)
          || (e->key && g_ascii_strcasecmp (e->key, name) == 0))
        return (gint) i;
      for (guint j = 0; j < e->aliases->len; j++)
        if (g_ascii_strcasecmp (e->aliases->pdata[j], name) == 0)
          return (gint) i;
    }
  return -1;
}

gint
evl_graph_find_document (const EvlGraph *g, const char *id)
{
  g_return_val_if_fail (id != NULL, -1);
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (g->doc_index, id)) - 1;
}

gint
evl_graph_find_event (const EvlGraph *g, const char *id)
{
  g_return_val_if_fail (id != NULL, -1);
  for (guint i = 0; i < g->events->len; i++)
    if (g_strcmp0 (g_array_index (g->events, EvlGraphEvent, i).id, id) == 0)
      return (gint) i;
  return -1;
}

GArray *
evl_graph_relations_of_event (const EvlGraph *g, guint event)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < g->relations->len; i++)
    {
      const EvlGraphRelation *r = &g_array_index (g->relations, EvlGraphRelation, i);
      if (r->from == event || r->to == event)
        g_array_append_val (out, i);
    }
  return out;
}
