/* TempEval-3 TLINK scorer: temporal awareness (tgraph.c) and pairwise
 * relation scores between the TLINKs of a gold and a system TimeML file;
 * see evl-eval.h for the definitions.
 *
 * The entities come from the TimeML reader (their spans in the text with
 * tags removed); MAKEINSTANCE and TLINK elements, which it does not keep,
 * are read here from a second, tree-only parse of the same bytes. */
#include "evl-private.h"
#include "source/source-private.h"
#include "eval-private.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static const char *const kind_names[EVL_TLINK_N_KINDS] = {
  "all", "event-DCT", "event-timex", "event-event", "timex-timex",
};

const char *
evl_eval_tlink_kind_name (EvlTlinkKind kind)
{
  return (guint) kind < EVL_TLINK_N_KINDS ? kind_names[kind] : NULL;
}

void
evl_eval_tlink_counts_init (EvlTlinkCounts *out)
{
  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
}

/* relType names, in EvlTRel order, then the ones scored as another. */
static const struct {
  const char *name;
  EvlTRel rel;
} rel_names[] = {
  { "BEFORE", EVL_TREL_BEFORE }, { "AFTER", EVL_TREL_AFTER },
  { "IBEFORE", EVL_TREL_IBEFORE }, { "IAFTER", EVL_TREL_IAFTER },
  { "INCLUDES", EVL_TREL_INCLUDES }, { "IS_INCLUDED", EVL_TREL_IS_INCLUDED },
  { "BEGINS", EVL_TREL_BEGINS }, { "BEGUN_BY", EVL_TREL_BEGUN_BY },
  { "ENDS", EVL_TREL_ENDS }, { "ENDED_BY", EVL_TREL_ENDED_BY },
  { "SIMULTANEOUS", EVL_TREL_SIMULTANEOUS }, { "DURING", EVL_TREL_SIMULTANEOUS },
  { "DURING_INV", EVL_TREL_SIMULTANEOUS }, { "IDENTITY", EVL_TREL_SIMULTANEOUS },
};

static gboolean
rel_from_name (const char *s, EvlTRel *out)
{
  for (guint i = 0; s && i < G_N_ELEMENTS (rel_names); i++)
    if (strcmp (s, rel_names[i].name) == 0)
      {
        *out = rel_names[i].rel;
        return TRUE;
      }
  return FALSE;
}

static EvlTRel
rel_inverse (EvlTRel r)
{
  static const EvlTRel inv[EVL_TREL_N] = {
    [EVL_TREL_BEFORE] = EVL_TREL_AFTER, [EVL_TREL_AFTER] = EVL_TREL_BEFORE,
    [EVL_TREL_IBEFORE] = EVL_TREL_IAFTER, [EVL_TREL_IAFTER] = EVL_TREL_IBEFORE,
    [EVL_TREL_INCLUDES] = EVL_TREL_IS_INCLUDED, [EVL_TREL_IS_INCLUDED] = EVL_TREL_INCLUDES,
    [EVL_TREL_BEGINS] = EVL_TREL_BEGUN_BY, [EVL_TREL_BEGUN_BY] = EVL_TREL_BEGINS,
    [EVL_TREL_ENDS] = EVL_TREL_ENDED_BY, [EVL_TREL_ENDED_BY] = EVL_TREL_ENDS,
    [EVL_TREL_SIMULTANEOUS] = EVL_TREL_SIMULTANEOUS, [EVL_TREL_WITHIN] = EVL_TREL_WITHIN,
  };
  return inv[r];
}

/* One TLINK as written: its ends are instance or timex ids. */
typedef struct {
  char *from, *to;
  gboolean from_event, to_event;
  char *rel;
} RawLink;

static void
raw_link_clear (gpointer p)
{
  RawLink *l = p;
  g_free (l->from);
  g_free (l->to);
  g_free (l->rel);
}

/* One side's file: its entities and links. */
typedef struct {
  EvlDocument *doc;
  GHashTable *instance;   /* eiid -> eventID (owned) */
  GHashTable *events;     /* eid -> EvlGoldTag (the document's) */
  GHashTable *timexes;    /* tid -> EvlGoldTag */
  char *dct;              /* the creation time's tid, or NULL */
  GArray *links;          /* RawLink */
} Side;

static void
side_clear (Side *s)
{
  g_clear_pointer (&s->doc, evl_document_unref);
  g_clear_pointer (&s->instance, g_hash_table_unref);
  g_clear_pointer (&s->events, g_hash_table_unref);
  g_clear_pointer (&s->timexes, g_hash_table_unref);
  g_clear_pointer (&s->dct, g_free);
  g_clear_pointer (&s->links, g_array_unref);
}

/* (transfer full) In GLib memory. */
static char *
prop (xmlNode *n, const char *name)
{
  xmlChar *v = xmlGetProp (n, (const xmlChar *) name);
  char *s = g_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

static void
collect (Side *s, xmlNode *n)
{
  for (; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || n->name == NULL)
        continue;
      const char *name = (const char *) n->name;
      if (strcmp (name, "MAKEINSTANCE") == 0)
        {
          char *eiid = prop (n, "eiid"), *eid = prop (n, "eventID");
          if (eiid && eid && !g_hash_table_contains (s->instance, eiid))
            g_hash_table_insert (s->instance, g_steal_pointer (&eiid), g_steal_pointer (&eid));
          g_free (eiid);
          g_free (eid);
        }
      else if (strcmp (name, "TLINK") == 0)
        {
          RawLink l = { prop (n, "eventInstanceID"), prop (n, "relatedToEventInstance"), TRUE, TRUE,
                        prop (n, "relType") };
          if (l.from == NULL)
            {
              l.from = prop (n, "timeID");
              l.from_event = FALSE;
            }
          if (l.to == NULL)
            {
              l.to = prop (n, "relatedToTime");
              l.to_event = FALSE;
            }
          if (l.from && l.to && l.rel)
            g_array_append_val (s->links, l);
          else
            raw_link_clear (&l);
        }
      else
        {
          if (s->dct == NULL && strcmp (name, "TIMEX3") == 0)
            {
              g_autofree char *fn = prop (n, "functionInDocument");
              if (fn && strcmp (fn, "CREATION_TIME") == 0)
                s->dct = prop (n, "tid");
            }
          collect (s, n->children);
        }
    }
}

/* Reads one side from @data (@len bytes). */
static gboolean
side_load (Side *s, const char *data, gsize len, const char *name, GError **error)
{
  memset (s, 0, sizeof *s);
  s->instance = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->events = g_hash_table_new (g_str_hash, g_str_equal);
  s->timexes = g_hash_table_new (g_str_hash, g_str_equal);
  s->links = g_array_new (FALSE, TRUE, sizeof (RawLink));
  g_array_set_clear_func (s->links, raw_link_clear);
  if (len > G_MAXINT)
    return evl_fail (error, EVL_ERROR_TOO_LARGE, "%s: TimeML document larger than 2 GiB", name);
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  if (!evl_source_load_timeml (name, data, len, &opts, docs, error))
    return FALSE;
  s->doc = evl_document_ref (docs->pdata[0]);
  /* Well-formed: the reader above took it. */
  g_autoptr (xmlDoc) x = xmlReadMemory (data, (int) len, name, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (x)
    collect (s, xmlDocGetRootElement (x));
  guint n = 0;
  const EvlGoldTag *g = evl_document_get_gold (s->doc, &n);
  for (guint i = 0; i < n; i++)
    if (g[i].id && g[i].span.start < g[i].span.end)
      {
        if (strcmp (g[i].tag, "EVENT") == 0)
          g_hash_table_insert (s->events, (gpointer) g[i].id, (gpointer) &g[i]);
        else if (strcmp (g[i].tag, "TIMEX3") == 0)
          g_hash_table_insert (s->timexes, (gpointer) g[i].id, (gpointer) &g[i]);
      }
  return TRUE;
}

enum { N_EVENT, N_TIMEX, N_DCT };

/* What one end of a link stands for. */
typedef struct {
  const char *name;     /* its node name in the scoring graphs, NULL: none */
  guint type;           /* N_* */
  gboolean matched;     /* the other side has it too */
  const EvlGoldTag *tag;   /* NULL for the DCT */
} End;

/* The scoring of one pair of files. */
typedef struct {
  Side gold, sys;
  GPtrArray *gold_events, *gold_timexes;   /* EvlGoldTag pointers */
  GHashTable *hit;                         /* gold node names some system end matched */
  GStringChunk *names;
} Pair;

static const char *
intern (Pair *p, const char *prefix, const char *id)
{
  g_autofree char *s = g_strconcat (prefix, id, NULL);
  return g_string_chunk_insert_const (p->names, s);
}

/* The entity @id (an instance id when @event) of @side, as a node. */
static gboolean
resolve (Pair *p, gboolean gold_side, const char *id, gboolean event, End *out)
{
  Side *s = gold_side ? &p->gold : &p->sys;
  memset (out, 0, sizeof *out);
  if (!event && s->dct && strcmp (id, s->dct) == 0)
    {
      out->name = "DCT";
      out->type = N_DCT;
      out->matched = p->gold.dct && p->sys.dct;
      return TRUE;
    }
  const EvlGoldTag *t;
  if (event)
    {
      const char *eid = g_hash_table_lookup (s->instance, id);
      t = eid ? g_hash_table_lookup (s->events, eid) : NULL;
    }
  else
    t = g_hash_table_lookup (s->timexes, id);
  if (t == NULL)
    return FALSE;
  out->tag = t;
  out->type = event ? N_EVENT : N_TIMEX;
  const char *prefix = event ? "e:" : "t:";
  if (gold_side)
    {
      out->name = intern (p, prefix, t->id);
      out->matched = g_hash_table_contains (p->hit, out->name);
      return TRUE;
    }
  const EvlGoldTag *g = evl_eval_best_match (t, event ? p->gold_events : p->gold_timexes, NULL);
  out->matched = g != NULL;
  out->name = g ? intern (p, prefix, g->id) : intern (p, event ? "s:e:" : "s:t:", t->id);
  return TRUE;
}

static EvlTlinkKind
kind_of (const End *a, const End *b)
{
  if (a->type == N_EVENT && b->type == N_EVENT)
    return EVL_TLINK_EVENT_EVENT;
  if (a->type == N_EVENT || b->type == N_EVENT)
    return a->type == N_DCT || b->type == N_DCT ? EVL_TLINK_EVENT_DCT : EVL_TLINK_EVENT_TIMEX;
  return EVL_TLINK_TIMEX_TIMEX;
}

/* Per edge of a graph: the relType string, for reports. */
typedef struct {
  guint x, y;
  const char *rel;
} EdgeName;

/* A link's canonical key for the pairwise scores: names ordered, the
 * relation inverted to match. */
static char *
pair_key (const char *x, const char *y, EvlTRel r)
{
  if (strcmp (x, y) > 0)
    return g_strdup_printf ("%s|%s|%d", y, x, (int) rel_inverse (r));
  return g_strdup_printf ("%s|%s|%d", x, y, (int) r);
}

/* The graph of one side's links; @ends gets the End of each node,
 * @names the relType of each edge; @keys (may be NULL) the pair_key()
 * of each link with both ends matched.  Counts the links into @c. */
static void
build (Pair *p, gboolean gold_side, EvlTGraph *g, GArray *ends, GArray *names, GHashTable *keys,
       EvlTlinkCounts *c)
{
  Side *s = gold_side ? &p->gold : &p->sys;
  for (guint i = 0; i < s->links->len; i++)
    {
      const RawLink *l = &g_array_index (s->links, RawLink, i);
      End a, b;
      EvlTRel r;
      if (!rel_from_name (l->rel, &r) || !resolve (p, gold_side, l->from, l->from_event, &a)
          || !resolve (p, gold_side, l->to, l->to_event, &b) || strcmp (a.name, b.name) == 0)
        continue;
      guint x = evl_tgraph_node (g, a.name, 0, 0);
      if (x == ends->len)
        g_array_append_val (ends, a);
      guint y = evl_tgraph_node (g, b.name, 0, 0);
      if (y == ends->len)
        g_array_append_val (ends, b);
      if (!evl_tgraph_add_edge (g, x, y, r))
        continue;
      EdgeName en = { x, y, l->rel };
      g_array_append_val (names, en);
      if (gold_side)
        c->gold_links++;
      else
        c->system_links++;
      if (!(a.matched && b.matched))
        {
          if (gold_side)
            c->gold_unmatched++;
          else
            c->system_unmatched++;
          continue;
        }
      EvlTlinkKind k = kind_of (&a, &b);
      for (guint kk = 0; kk < 2; kk++)
        {
          EvlTlinkKindCounts *kc = &c->kind[kk ? k : EVL_TLINK_ALL];
          if (gold_side)
            kc->gold++;
          else
            kc->system++;
        }
      if (keys)
        g_hash_table_add (keys, pair_key (a.name, b.name, r));
    }
}

/* The pairwise counts: each matched link of @g whose key @other_keys has. */
static void
pairwise (Pair *p, gboolean gold_side, const EvlTGraph *g, const GArray *ends, GHashTable *other_keys,
          EvlTlinkCounts *c)
{
  for (guint k = 0; k < g->edges->len; k++)
    {
      const EvlTEdge *e = &g_array_index (g->edges, EvlTEdge, k);
      const End *a = &g_array_index (ends, End, e->x), *b = &g_array_index (ends, End, e->y);
      if (!(a->matched && b->matched))
        continue;
      g_autofree char *key = pair_key (a->name, b->name, e->rel);
      if (!g_hash_table_contains (other_keys, key))
        continue;
      EvlTlinkKind kind = kind_of (a, b);
      for (guint kk = 0; kk < 2; kk++)
        {
          EvlTlinkKindCounts *kc = &c->kind[kk ? kind : EVL_TLINK_ALL];
          if (gold_side)
            kc->gold_pair_correct++;
          else
            kc->system_pair_correct++;
        }
    }
}

static const char *
end_text (const Side *s, const End *e, char *buf, gsize size)
{
  if (e->tag == NULL)
    return "DCT";
  gsize len = 0;
  const char *text = evl_document_get_text (s->doc, &len);
  guint32 a = e->tag->span.start, b = MIN ((gsize) e->tag->span.end, len);
  g_snprintf (buf, size, "%.*s", (int) MIN (b > a ? b - a : 0, (guint32) size - 1), text + a);
  return buf;
}

/* The awareness counts of the reduced @g against the closed @other. */
static void
aware (Pair *p, gboolean gold_side, EvlTGraph *g, const GArray *ends, const GArray *names,
       EvlTGraph *other, EvlTlinkCounts *c, EvlTlinkMismatchFunc func, gpointer user_data,
       const char *doc)
{
  for (guint k = 0; k < g->edges->len; k++)
    {
      const EvlTEdge *e = &g_array_index (g->edges, EvlTEdge, k);
      const End *a = &g_array_index (ends, End, e->x), *b = &g_array_index (ends, End, e->y);
      if (!(a->matched && b->matched))
        continue;
      gboolean ok = evl_tgraph_entails (other, g, e);
      EvlTlinkKind kind = kind_of (a, b);
      for (guint kk = 0; kk < 2; kk++)
        {
          EvlTlinkKindCounts *kc = &c->kind[kk ? kind : EVL_TLINK_ALL];
          if (gold_side)
            {
              kc->gold_reduced++;
              kc->gold_verified += ok;
            }
          else
            {
              kc->system_reduced++;
              kc->system_verified += ok;
            }
        }
      if (ok || func == NULL)
        continue;
      const char *rel = "?";
      for (guint j = 0; j < names->len; j++)
        {
          const EdgeName *en = &g_array_index (names, EdgeName, j);
          if (en->x == e->x && en->y == e->y)
            rel = en->rel;
        }
      char fa[64], fb[64];
      const Side *s = gold_side ? &p->gold : &p->sys;
      EvlTlinkMismatch m = { doc, gold_side, kind, rel, end_text (s, a, fa, sizeof fa),
                             end_text (s, b, fb, sizeof fb) };
      func (&m, user_data);
    }
}

static void
pair_clear (Pair *p)
{
  side_clear (&p->gold);
  side_clear (&p->sys);
  g_clear_pointer (&p->gold_events, g_ptr_array_unref);
  g_clear_pointer (&p->gold_timexes, g_ptr_array_unref);
  g_clear_pointer (&p->hit, g_hash_table_unref);
  if (p->names)
    g_string_chunk_free (p->names);
  p->names = NULL;
}

/* Scores @p, both sides loaded (the system's document NULL when none). */
static void
score_pair (Pair *p, EvlTlinkCounts *c, const char *doc, EvlTlinkMismatchFunc func,
            gpointer user_data)
{
  guint ng = 0, ns = 0;
  const EvlGoldTag *gt = evl_document_get_gold (p->gold.doc, &ng);
  const EvlGoldTag *st = p->sys.doc ? evl_document_get_gold (p->sys.doc, &ns) : NULL;
  p->gold_events = evl_eval_select_tags ("EVENT", gt, ng);
  p->gold_timexes = evl_eval_select_tags ("TIMEX3", gt, ng);
  p->hit = g_hash_table_new (g_str_hash, g_str_equal);
  p->names = g_string_chunk_new (1024);
  /* The gold entities a system entity stands for. */
  g_autoptr (GPtrArray) se = evl_eval_select_tags ("EVENT", st, ns);
  g_autoptr (GPtrArray) sx = evl_eval_select_tags ("TIMEX3", st, ns);
  for (guint side = 0; side < 2; side++)
    {
      GPtrArray *mine = side ? sx : se, *gold = side ? p->gold_timexes : p->gold_events;
      for (guint i = 0; i < mine->len; i++)
        {
          const EvlGoldTag *g = evl_eval_best_match (mine->pdata[i], gold, NULL);
          if (g && g->id)
            g_hash_table_add (p->hit, (gpointer) intern (p, side ? "t:" : "e:", g->id));
        }
    }
  EvlTGraph gg, sg;
  evl_tgraph_init (&gg);
  evl_tgraph_init (&sg);
  g_autoptr (GArray) gends = g_array_new (FALSE, FALSE, sizeof (End));
  g_autoptr (GArray) sends = g_array_new (FALSE, FALSE, sizeof (End));
  g_autoptr (GArray) gnames = g_array_new (FALSE, FALSE, sizeof (EdgeName));
  g_autoptr (GArray) snames = g_array_new (FALSE, FALSE, sizeof (EdgeName));
  g_autoptr (GHashTable) gkeys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) skeys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build (p, TRUE, &gg, gends, gnames, gkeys, c);
  if (p->sys.doc)
    build (p, FALSE, &sg, sends, snames, skeys, c);
  pairwise (p, TRUE, &gg, gends, skeys, c);
  pairwise (p, FALSE, &sg, sends, gkeys, c);
  evl_tgraph_reduce (&gg);
  evl_tgraph_reduce (&sg);
  evl_tgraph_close (&gg);
  evl_tgraph_close (&sg);
  aware (p, TRUE, &gg, gends, gnames, &sg, c, func, user_data, doc);
  aware (p, FALSE, &sg, sends, snames, &gg, c, func, user_data, doc);
  evl_tgraph_clear (&gg);
  evl_tgraph_clear (&sg);
}

/* Scores the gold file @gold (@gold_len bytes) against @system (NULL:
 * none), named @gold_name and @system_name in errors, @doc in reports. */
static gboolean
add_pair (EvlTlinkCounts *c, const char *gold, gsize gold_len, const char *system,
          gsize system_len, const char *gold_name, const char *system_name, const char *doc,
          EvlTlinkMismatchFunc func, gpointer user_data, GError **error)
{
  Pair p;
  memset (&p, 0, sizeof p);
  gboolean ok = side_load (&p.gold, gold, gold_len, gold_name, error)
                && (system == NULL || side_load (&p.sys, system, system_len, system_name, error));
  if (ok)
    {
      c->n_docs++;
      if (system == NULL)
        {
          c->n_docs_missing++;
          p.sys.links = g_array_new (FALSE, TRUE, sizeof (RawLink));
          p.sys.instance = g_hash_table_new (g_str_hash, g_str_equal);
        }
      score_pair (&p, c, doc, func, user_data);
    }
  pair_clear (&p);
  return ok;
}

gboolean
evl_eval_tlinks_add (EvlTlinkCounts *c, const char *gold, gsize gold_len, const char *system,
                     gsize system_len, const char *name, GError **error)
{
  g_return_val_if_fail (c != NULL && gold != NULL, FALSE);
  if (name == NULL)
    name = "TimeML";
  return add_pair (c, gold, gold_len, system, system_len, name, name, name, NULL, NULL, error);
}

typedef struct {
  EvlTlinkCounts *c;
  EvlTlinkMismatchFunc func;
  gpointer data;
} DirsTlinks;

static gboolean
dirs_pair (const char *rel, const char *gold_path, EvlDocument *gold, const char *system_path,
           EvlDocument *system, gpointer user_data, GError **error)
{
  DirsTlinks *d = user_data;
  g_autofree char *gdata = NULL, *sdata = NULL;
  gsize glen = 0, slen = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (gold_path, &gdata, &glen, &local)
      || (system_path && !g_file_get_contents (system_path, &sdata, &slen, &local)))
    return evl_fail (error, EVL_ERROR_IO, "%s", local->message);
  return add_pair (d->c, gdata, glen, sdata, slen, gold_path, system_path, rel, d->func, d->data,
                   error);
}

gboolean
evl_eval_tlinks_dirs (EvlTlinkCounts *c, const char *gold_dir, const char *system_dir,
                      EvlTlinkMismatchFunc func, gpointer user_data, GError **error)
{
  g_return_val_if_fail (c != NULL && gold_dir != NULL && system_dir != NULL, FALSE);
  DirsTlinks d = { c, func, user_data };
  return evl_eval_pairs (gold_dir, system_dir, dirs_pair, &d, error);
}

void
evl_eval_tlink_score (const EvlTlinkCounts *c, EvlTlinkKind kind, EvlPRF *awareness_out,
                      EvlPRF *pairwise_out)
{
  g_return_if_fail (c != NULL && (guint) kind < EVL_TLINK_N_KINDS);
  const EvlTlinkKindCounts *k = &c->kind[kind];
  if (awareness_out)
    *awareness_out = evl_eval_prf (k->system_verified, k->system_reduced, k->gold_verified, k->gold_reduced);
  if (pairwise_out)
    *pairwise_out = evl_eval_prf (k->system_pair_correct, k->system, k->gold_pair_correct, k->gold);
}
