/* The graph as JSON: events.json is both the exported story and the saved
 * graph that `eventline build --graph` reloads.  Writing walks the events
 * in timeline order so that the file reads as a timeline and the same
 * graph always gives the same bytes; reading rebuilds every record through
 * the ordinary adders. */
#include "evl-private.h"
#include "export/json-cursor.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define FORMAT_NAME "eventline-graph"
#define FORMAT_VERSION 1

static const struct {
  guint32 flag;
  const char *name;
} flag_names[] = {
  { EVL_EVENT_FLAG_HEDGED, "hedged" },
  { EVL_EVENT_FLAG_REPORTED, "reported" },
  { EVL_EVENT_FLAG_FAILED, "failed" },
  { EVL_EVENT_FLAG_SUCCEEDED, "succeeded" },
  { EVL_EVENT_FLAG_GENERIC, "generic" },
  { EVL_EVENT_FLAG_PLANNED, "planned" },
};

/* ---- writing ----
 *
 * events.json is streamed, not built as a tree: one runaway document can
 * give an event hundreds of thousands of mentions, and a json-glib tree of
 * them (every quote copied into its node) plus the generated text took
 * four times the file's size in memory.  The bytes are those of
 * json-glib's pretty generator (indent 2) on the same tree, which is what
 * this file was written with before and what the reader parses: members
 * as "name" : value, one per line; empty arrays "[]", empty objects
 * "{  }".  Strings are escaped as the other writers escape them, which
 * differs from json-glib 1.6 only where it wrote invalid JSON: U+001F
 * raw, and a file name's bytes that are not UTF-8 copied as they are.
 * Pieces go through the JSON cursor of export/json-cursor.h, handed to
 * the stream every JW_FLUSH_AT bytes. */

#define JW_FLUSH_AT (64 * 1024)
#define JW_MAX_DEPTH 16

typedef struct {
  EvlJsonCursor c;
  GOutputStream *out;
  guint depth;
  gboolean has_items[JW_MAX_DEPTH];  /* per open container */
  GError *error;                     /* the first write failure */
} JsonWriter;

static void
jw_write (const char *data, gsize len, gpointer user_data)
{
  JsonWriter *w = user_data;
  if (w->error == NULL && len > 0)
    g_output_stream_write_all (w->out, data, len, NULL, NULL, &w->error);
}

/* Two spaces per level, as one run. */
static void
jw_indent (JsonWriter *w, guint depth)
{
  static const char spaces[2 * JW_MAX_DEPTH + 1] = "                                ";
  evl_json_put_bytes (&w->c, spaces, 2 * MIN (depth, (guint) JW_MAX_DEPTH));
}

/* The separator, indent and member name before a value. */
static void
jw_key (JsonWriter *w, const char *name)
{
  if (w->depth == 0)
    return;
  if (w->has_items[w->depth - 1])
    evl_json_put_char (&w->c, ',');
  evl_json_put_char (&w->c, '\n');
  w->has_items[w->depth - 1] = TRUE;
  jw_indent (w, w->depth);
  if (name)
    {
      gsize n = strlen (name);
      evl_json_reserve (&w->c, n + 5);
      char *d = w->c.p;
      *d++ = '"';
      memcpy (d, name, n);
      w->c.p = EVL_JSON_LIT_AT (d + n, "\" : ");
    }
}

static void
jw_done (JsonWriter *w)
{
  evl_json_cursor_flush_above (&w->c, JW_FLUSH_AT, jw_write, w);
}

static void
jw_begin (JsonWriter *w, const char *name, char open)
{
  g_assert (w->depth < JW_MAX_DEPTH);
  jw_key (w, name);
  evl_json_put_char (&w->c, open);
  w->has_items[w->depth++] = FALSE;
}

static void
jw_end (JsonWriter *w, char close)
{
  g_assert (w->depth > 0);
  w->depth--;
  if (!w->has_items[w->depth])
    {
      if (close == '}')
        EVL_JSON_LIT (&w->c, "  }");
      else
        evl_json_put_char (&w->c, ']');
    }
  else
    {
      evl_json_put_char (&w->c, '\n');
      jw_indent (w, w->depth);
      evl_json_put_char (&w->c, close);
    }
  jw_done (w);
}

/* Member @name (NULL in an array) with string @value, or null. */
static void
jw_str (JsonWriter *w, const char *name, const char *value)
{
  jw_key (w, name);
  if (value)
    evl_json_put_str (&w->c, value);
  else
    EVL_JSON_LIT (&w->c, "null");
  jw_done (w);
}

static void
jw_int (JsonWriter *w, const char *name, gint64 value)
{
  jw_key (w, name);
  evl_json_put_int (&w->c, value);
  jw_done (w);
}

static void
set_day (JsonWriter *w, const char *name, EvlDay day)
{
  char buf[11];
  jw_str (w, name, evl_day_format (day, buf));
}

/* Scores are written as integer percentages: JSON doubles from floats
 * print as 0.69999998807907104, which is neither readable nor stable
 * across compilers' float rounding. */
static void
set_pct (JsonWriter *w, const char *name, float v)
{
  jw_int (w, name, (gint64) (v * 100.0f + 0.5f));
}

static void
set_entity_ref (JsonWriter *w, const EvlGraph *g, const char *name, gint entity)
{
  jw_str (w, name, entity >= 0 && (guint) entity < evl_graph_n_entities (g)
          ? evl_graph_get_entity (g, (guint) entity)->id : NULL);
}

static void
add_documents (JsonWriter *w, const EvlGraph *g)
{
  jw_begin (w, "documents", '[');
  for (guint i = 0; i < evl_graph_n_documents (g); i++)
    {
      const EvlGraphDocument *d = evl_graph_get_document (g, i);
      jw_begin (w, NULL, '{');
      jw_str (w, "id", d->id);
      jw_str (w, "path", d->path);
      jw_str (w, "dct", d->dct);
      jw_str (w, "dct_source", d->dct_source);
      jw_str (w, "title", d->title);
      jw_str (w, "url", d->url);
      jw_end (w, '}');
    }
  jw_end (w, ']');
}

static void
add_entities (JsonWriter *w, const EvlGraph *g)
{
  jw_begin (w, "entities", '[');
  for (guint i = 0; i < evl_graph_n_entities (g); i++)
    {
      const EvlGraphEntity *e = evl_graph_get_entity (g, i);
      jw_begin (w, NULL, '{');
      jw_str (w, "id", e->id);
      jw_str (w, "name", e->name);
      jw_str (w, "type", evl_entity_type_to_string (e->type));
      jw_begin (w, "aliases", '[');
      for (guint j = 0; j < e->aliases->len; j++)
        if (g_strcmp0 (e->aliases->pdata[j], e->name) != 0)
          jw_str (w, NULL, e->aliases->pdata[j]);
      jw_end (w, ']');
      jw_str (w, "key", e->key);
      jw_int (w, "mentions", e->n_mentions);
      jw_int (w, "documents", e->n_documents);
      if (evl_graph_entity_get_title (g, i))
        jw_str (w, "title", evl_graph_entity_get_title (g, i));
      guint nn = 0;
      const guint *near = evl_graph_entity_get_near (g, i, &nn);
      if (nn > 0)
        {
          jw_begin (w, "near", '[');
          for (guint j = 0; j < nn; j++)
            jw_str (w, NULL, evl_graph_get_entity (g, near[j])->id);
          jw_end (w, ']');
        }
      /* Only a split vote: one of a single type is every mention of the
       * entity's type, which is what a loader assumes without it. */
      const guint *votes = evl_graph_entity_get_type_votes (g, i);
      guint kinds = 0;
      for (guint t = 0; votes && t < EVL_ENTITY_N; t++)
        kinds += votes[t] > 0;
      if (kinds > 1)
        {
          jw_begin (w, "type_votes", '{');
          for (guint t = 0; t < EVL_ENTITY_N; t++)
            if (votes[t])
              jw_int (w, evl_entity_type_to_string ((EvlEntityType) t), votes[t]);
          jw_end (w, '}');
        }
      jw_end (w, '}');
    }
  jw_end (w, ']');
}

static void
add_time (JsonWriter *w, const EvlGraphEvent *e)
{
  const EvlGraphTime *t = &e->time;
  if (!t->known)
    {
      jw_str (w, "time", NULL);
      /* An undated event still shows the range the reasoner narrowed. */
      if (t->earliest || t->latest)
        {
          jw_begin (w, "range", '{');
          set_day (w, "earliest", t->earliest);
          set_day (w, "latest", t->latest);
          /* How it was placed (issue: record how each anchor was chosen):
           * no date of its own, bounds from the temporal closure over
           * its relations and the documents' creation dates. */
          jw_str (w, "anchor", "relation");
          jw_end (w, '}');
        }
      else
        jw_str (w, "range", NULL);
      return;
    }
  jw_begin (w, "time", '{');
  jw_str (w, "value", t->value);
  set_day (w, "begin", t->begin);
  set_day (w, "end", t->end);
  jw_str (w, "granularity", t->begin ? evl_grain_to_string (t->grain) : NULL);
  jw_str (w, "text", t->text);
  jw_str (w, "anchor", t->anchor);
  set_day (w, "earliest", t->earliest ? t->earliest : t->begin);
  set_day (w, "latest", t->latest ? t->latest : t->end);
  jw_end (w, '}');
}

static void
add_mentions (JsonWriter *w, const EvlGraph *g, const EvlGraphEvent *e)
{
  jw_begin (w, "mentions", '[');
  for (guint j = 0; j < e->mentions->len; j++)
    {
      const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, j);
      jw_begin (w, NULL, '{');
      jw_str (w, "doc", m->doc < evl_graph_n_documents (g)
              ? evl_graph_get_document (g, m->doc)->id : NULL);
      jw_int (w, "sentence", m->sentence);
      jw_int (w, "start", m->start);
      jw_int (w, "end", m->end);
      jw_str (w, "text", m->text);
      jw_str (w, "quote", m->quote);
      if (m->time_value)
        {
          jw_begin (w, "time", '{');
          jw_str (w, "value", m->time_value);
          set_day (w, "begin", m->time_begin);
          set_day (w, "end", m->time_end);
          jw_str (w, "granularity", evl_grain_to_string (m->time_grain));
          jw_str (w, "anchor", m->time_anchor);
          jw_end (w, '}');
        }
      jw_end (w, '}');
    }
  jw_end (w, ']');
}

static void
add_event (JsonWriter *w, const EvlGraph *g, guint index)
{
  const EvlGraphEvent *e = evl_graph_get_event (g, index);
  jw_begin (w, NULL, '{');
  jw_str (w, "id", e->id);
  jw_str (w, "type", e->type);
  jw_str (w, "class", evl_event_class_to_string (e->klass));
  jw_str (w, "trigger", e->trigger);
  jw_str (w, "summary", e->summary);
  jw_str (w, "thread", e->thread);
  jw_str (w, "cameo", e->cameo);
  add_time (w, e);
  jw_begin (w, "participants", '[');
  for (guint j = 0; j < e->participants->len; j++)
    {
      guint p = g_array_index (e->participants, guint, j);
      if (p < evl_graph_n_entities (g))
        jw_str (w, NULL, evl_graph_get_entity (g, p)->id);
    }
  jw_end (w, ']');
  set_entity_ref (w, g, "location", e->location);
  set_entity_ref (w, g, "agent", e->agent);
  set_entity_ref (w, g, "patient", e->patient);
  set_entity_ref (w, g, "source", e->source);
  jw_str (w, "polarity", e->polarity == EVL_POLARITY_NEG ? "NEG" : "POS");
  jw_str (w, "modality", e->modality);
  jw_begin (w, "flags", '[');
  for (guint j = 0; j < G_N_ELEMENTS (flag_names); j++)
    if (e->flags & flag_names[j].flag)
      jw_str (w, NULL, flag_names[j].name);
  jw_end (w, ']');
  add_mentions (w, g, e);
  /* Only on an event a document repeated beyond the cap, so that every
   * other events.json keeps its bytes. */
  guint more = evl_graph_event_n_more_mentions (g, index);
  if (more > 0)
    jw_int (w, "more_mentions", more);
  jw_int (w, "sources", e->n_sources);
  set_pct (w, "salience_pct", e->salience);
  jw_end (w, '}');
}

static void
write_graph (JsonWriter *w, const EvlGraph *g)
{
  jw_begin (w, NULL, '{');
  jw_str (w, "format", FORMAT_NAME);
  jw_int (w, "version", FORMAT_VERSION);
  add_documents (w, g);
  add_entities (w, g);

  jw_begin (w, "threads", '[');
  for (guint i = 0; i < evl_graph_n_threads (g); i++)
    jw_str (w, NULL, evl_graph_get_thread (g, i));
  jw_end (w, ']');

  g_autoptr (GArray) order = evl_graph_timeline (g);
  jw_begin (w, "events", '[');
  for (guint i = 0; i < order->len && w->error == NULL; i++)
    add_event (w, g, g_array_index (order, guint, i));
  jw_end (w, ']');

  jw_begin (w, "relations", '[');
  for (guint i = 0; i < evl_graph_n_relations (g); i++)
    {
      const EvlGraphRelation *r = evl_graph_get_relation (g, i);
      jw_begin (w, NULL, '{');
      jw_str (w, "from", evl_graph_get_event (g, r->from)->id);
      jw_str (w, "to", evl_graph_get_event (g, r->to)->id);
      jw_str (w, "rel", evl_rel_to_string (r->rel));
      jw_str (w, "evidence", r->evidence);
      set_pct (w, "confidence_pct", r->confidence);
      jw_end (w, '}');
    }
  jw_end (w, ']');

  jw_begin (w, "conflicts", '[');
  for (guint i = 0; i < evl_graph_n_conflicts (g); i++)
    {
      const EvlGraphConflict *c = evl_graph_get_conflict (g, i);
      jw_begin (w, NULL, '{');
      jw_str (w, "event", evl_graph_get_event (g, c->event)->id);
      jw_str (w, "field", c->field);
      jw_str (w, "chosen", c->chosen);
      jw_str (w, "rejected", c->rejected);
      jw_str (w, "detail", c->detail);
      jw_end (w, '}');
    }
  jw_end (w, ']');
  jw_end (w, '}');
  evl_json_put_char (&w->c, '\n');
}

gboolean
evl_graph_save_json (const EvlGraph *g, GOutputStream *out, GError **error)
{
  g_return_val_if_fail (g != NULL && G_IS_OUTPUT_STREAM (out), FALSE);
  JsonWriter w = { .out = out };
  evl_json_cursor_init (&w.c, g_string_sized_new (JW_FLUSH_AT + 4096));
  write_graph (&w, g);
  jw_write (w.c.s->str, evl_json_cursor_len (&w.c), &w);
  g_string_free (w.c.s, TRUE);
  if (w.error)
    {
      evl_fail (error, EVL_ERROR_IO, "cannot write JSON: %s", w.error->message);
      g_error_free (w.error);
      return FALSE;
    }
  return TRUE;
}

/* ---- reading ---- */

/* Element accessors that tolerate any JSON: a wrong type is "absent",
 * never a GLib critical. */
static JsonObject *
elem_object (JsonArray *a, guint i)
{
  JsonNode *n = json_array_get_element (a, i);
  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static const char *
elem_str (JsonArray *a, guint i)
{
  JsonNode *n = json_array_get_element (a, i);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static const char *
get_str (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  if (n == NULL || JSON_NODE_HOLDS_NULL (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static gint64
get_int (JsonObject *o, const char *name, gint64 fallback)
{
  JsonNode *n = json_object_get_member (o, name);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return fallback;
  GType t = json_node_get_value_type (n);
  if (t == G_TYPE_INT64)
    return json_node_get_int (n);
  if (t == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (n);
  return fallback;
}

static JsonArray *
get_array (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static JsonObject *
get_object (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static EvlGrain
grain_from_string (const char *s)
{
  for (int i = EVL_GRAIN_NONE; i <= EVL_GRAIN_CENTURY; i++)
    if (g_strcmp0 (evl_grain_to_string ((EvlGrain) i), s) == 0)
      return (EvlGrain) i;
  return EVL_GRAIN_NONE;
}

static EvlEntityType
entity_type_from_string (const char *s)
{
  for (int i = 0; i < EVL_ENTITY_N; i++)
    if (g_strcmp0 (evl_entity_type_to_string ((EvlEntityType) i), s) == 0)
      return (EvlEntityType) i;
  return EVL_ENTITY_ORGANIZATION;
}

static gboolean
rel_from_string (const char *s, EvlRel *out)
{
  for (int i = 0; i < EVL_REL_N; i++)
    if (g_strcmp0 (evl_rel_to_string ((EvlRel) i), s) == 0)
      {
        *out = (EvlRel) i;
        return TRUE;
      }
  return FALSE;
}

static float
get_pct (JsonObject *o, const char *name)
{
  return (float) get_int (o, name, 0) / 100.0f;
}

/* Entity ids -> indices, filled while loading entities. */
typedef struct {
  EvlGraph *g;
  GHashTable *entity_ids;  /* id -> GUINT_TO_POINTER (index + 1) */
} Loader;

static gint
entity_ref (Loader *ld, JsonObject *o, const char *name)
{
  const char *id = get_str (o, name);
  gpointer v = id ? g_hash_table_lookup (ld->entity_ids, id) : NULL;
  return v ? (gint) GPOINTER_TO_UINT (v) - 1 : -1;
}

static void
load_documents (Loader *ld, JsonArray *arr)
{
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonObject *o = elem_object (arr, i);
      if (o == NULL || get_str (o, "id") == NULL)
        continue;
      EvlGraphDocument d = {
        get_str (o, "id"), get_str (o, "path"), get_str (o, "dct"),
        get_str (o, "dct_source") ? get_str (o, "dct_source") : "none",
        get_str (o, "title"), get_str (o, "url"),
      };
      evl_graph_add_document (ld->g, &d);
    }
}

static void
load_entities (Loader *ld, JsonArray *arr)
{
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonObject *o = elem_object (arr, i);
      if (o == NULL || get_str (o, "id") == NULL || get_str (o, "name") == NULL)
        continue;
      EvlGraphEntity e = { 0 };
      e.id = get_str (o, "id");
      e.name = get_str (o, "name");
      e.key = get_str (o, "key");
      e.type = entity_type_from_string (get_str (o, "type"));
      e.n_mentions = (guint) get_int (o, "mentions", 0);
      e.n_documents = (guint) get_int (o, "documents", 0);
      guint idx = evl_graph_add_entity (ld->g, &e);
      g_hash_table_insert (ld->entity_ids, (gpointer) evl_graph_get_entity (ld->g, idx)->id,
                           GUINT_TO_POINTER (idx + 1));
      JsonArray *al = get_array (o, "aliases");
      for (guint j = 0; al && j < json_array_get_length (al); j++)
        {
          const char *a = elem_str (al, j);
          if (a)
            evl_graph_entity_add_alias (ld->g, idx, a);
        }
      evl_graph_entity_set_title (ld->g, idx, get_str (o, "title"));
      JsonObject *votes = get_object (o, "type_votes");
      for (guint t = 0; votes && t < EVL_ENTITY_N; t++)
        {
          gint64 n = get_int (votes, evl_entity_type_to_string ((EvlEntityType) t), 0);
          if (n > 0 && n <= G_MAXUINT)
            evl_graph_entity_peek_type_votes (ld->g, idx)[t] = (guint) n;
        }
    }
  /* Neighbours name entities loaded above, also later ones. */
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonObject *o = elem_object (arr, i);
      JsonArray *near = o ? get_array (o, "near") : NULL;
      guint self = o && get_str (o, "id") ? GPOINTER_TO_UINT (g_hash_table_lookup (ld->entity_ids, get_str (o, "id"))) : 0;
      for (guint j = 0; self && near && j < json_array_get_length (near); j++)
        {
          const char *id = elem_str (near, j);
          guint other = id ? GPOINTER_TO_UINT (g_hash_table_lookup (ld->entity_ids, id)) : 0;
          if (other)
            evl_graph_entity_add_near (ld->g, self - 1, other - 1);
        }
    }
}

static void
load_time (JsonObject *o, EvlGraphTime *t)
{
  JsonObject *to = get_object (o, "time");
  if (to)
    {
      t->known = TRUE;
      t->value = get_str (to, "value");
      t->begin = evl_day_parse (get_str (to, "begin"));
      t->end = evl_day_parse (get_str (to, "end"));
      t->grain = grain_from_string (get_str (to, "granularity"));
      t->text = get_str (to, "text");
      t->anchor = get_str (to, "anchor");
      t->earliest = evl_day_parse (get_str (to, "earliest"));
      t->latest = evl_day_parse (get_str (to, "latest"));
      /* Written as begin/end when not narrowed: keep "not narrowed". */
      if (t->earliest == t->begin)
        t->earliest = 0;
      if (t->latest == t->end)
        t->latest = 0;
    }
  else if ((to = get_object (o, "range")) != NULL)
    {
      t->earliest = evl_day_parse (get_str (to, "earliest"));
      t->latest = evl_day_parse (get_str (to, "latest"));
    }
}

static void
load_mentions (Loader *ld, guint ev, JsonArray *arr)
{
  for (guint j = 0; arr && j < json_array_get_length (arr); j++)
    {
      JsonObject *mo = elem_object (arr, j);
      const char *doc = mo ? get_str (mo, "doc") : NULL;
      gint d = doc ? evl_graph_find_document (ld->g, doc) : -1;
      if (d < 0)
        continue;
      EvlGraphMention m = { 0 };
      m.doc = (guint) d;
      m.sentence = (guint) get_int (mo, "sentence", 0);
      m.start = (guint) get_int (mo, "start", 0);
      m.end = (guint) get_int (mo, "end", 0);
      m.text = get_str (mo, "text");
      m.quote = get_str (mo, "quote");
      JsonObject *to = get_object (mo, "time");
      if (to)
        {
          m.time_value = get_str (to, "value");
          m.time_begin = evl_day_parse (get_str (to, "begin"));
          m.time_end = evl_day_parse (get_str (to, "end"));
          m.time_grain = grain_from_string (get_str (to, "granularity"));
          m.time_anchor = get_str (to, "anchor");
        }
      evl_graph_event_add_mention (ld->g, ev, &m);
    }
}

static void
load_events (Loader *ld, JsonArray *arr)
{
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonObject *o = elem_object (arr, i);
      if (o == NULL || get_str (o, "id") == NULL)
        continue;
      EvlGraphEvent e = { 0 };
      e.id = get_str (o, "id");
      e.type = get_str (o, "type");
      e.cameo = get_str (o, "cameo");
      e.thread = get_str (o, "thread");
      int k = evl_event_class_from_string (get_str (o, "class"));
      e.klass = k < 0 ? EVL_EVENT_CLASS_OCCURRENCE : (EvlEventClass) k;
      e.trigger = get_str (o, "trigger");
      e.summary = get_str (o, "summary");
      load_time (o, &e.time);
      e.agent = entity_ref (ld, o, "agent");
      e.patient = entity_ref (ld, o, "patient");
      e.location = entity_ref (ld, o, "location");
      e.source = entity_ref (ld, o, "source");
      e.polarity = g_strcmp0 (get_str (o, "polarity"), "NEG") == 0
                   ? EVL_POLARITY_NEG : EVL_POLARITY_POS;
      e.modality = get_str (o, "modality");
      JsonArray *fl = get_array (o, "flags");
      for (guint j = 0; fl && j < json_array_get_length (fl); j++)
        for (guint f = 0; f < G_N_ELEMENTS (flag_names); f++)
          if (g_strcmp0 (elem_str (fl, j), flag_names[f].name) == 0)
            e.flags |= flag_names[f].flag;
      e.salience = get_pct (o, "salience_pct");
      guint ev = evl_graph_add_event (ld->g, &e);
      JsonArray *parts = get_array (o, "participants");
      for (guint j = 0; parts && j < json_array_get_length (parts); j++)
        {
          const char *id = elem_str (parts, j);
          gpointer v = id ? g_hash_table_lookup (ld->entity_ids, id) : NULL;
          if (v)
            evl_graph_event_add_participant (ld->g, ev, GPOINTER_TO_UINT (v) - 1);
        }
      load_mentions (ld, ev, get_array (o, "mentions"));
      gint64 more = get_int (o, "more_mentions", 0);
      evl_graph_event_add_more_mentions (ld->g, ev, (guint) CLAMP (more, 0, G_MAXUINT));
    }
}

static void
load_relations (Loader *ld, JsonArray *arr)
{
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonObject *o = elem_object (arr, i);
      if (o == NULL)
        continue;
      const char *from = get_str (o, "from"), *to = get_str (o, "to");
      gint f = from ? evl_graph_find_event (ld->g, from) : -1;
      gint t = to ? evl_graph_find_event (ld->g, to) : -1;
      EvlGraphRelation r = { 0 };
      if (f < 0 || t < 0 || !rel_from_string (get_str (o, "rel"), &r.rel))
        continue;
      r.from = (guint) f;
      r.to = (guint) t;
      r.evidence = get_str (o, "evidence");
      r.confidence = get_pct (o, "confidence_pct");
      evl_graph_add_relation (ld->g, &r);
    }
}

static void
load_conflicts (Loader *ld, JsonArray *arr)
{
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonObject *o = elem_object (arr, i);
      const char *id = o ? get_str (o, "event") : NULL;
      gint ev = id ? evl_graph_find_event (ld->g, id) : -1;
      if (ev < 0)
        continue;
      EvlGraphConflict c = {
        (guint) ev, get_str (o, "field"), get_str (o, "chosen"),
        get_str (o, "rejected"), get_str (o, "detail"),
      };
      evl_graph_add_conflict (ld->g, &c);
    }
}

EvlGraph *
evl_graph_load_json_data (const char *data, gssize len, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_data (parser, data, len, &local))
    {
      evl_fail (error, EVL_ERROR_PARSE, "%s", local->message);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (o == NULL || get_array (o, "events") == NULL || get_array (o, "documents") == NULL)
    {
      evl_fail (error, EVL_ERROR_PARSE, "not an eventline graph (no documents/events)");
      return NULL;
    }
  if (get_int (o, "version", FORMAT_VERSION) > FORMAT_VERSION)
    {
      evl_fail (error, EVL_ERROR_PARSE, "graph format version %" G_GINT64_FORMAT
                " is newer than this program's (%d)", get_int (o, "version", 0),
                FORMAT_VERSION);
      return NULL;
    }
  g_autoptr (EvlGraph) g = evl_graph_new ();
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  Loader ld = { g, ids };
  load_documents (&ld, get_array (o, "documents"));
  load_entities (&ld, get_array (o, "entities"));
  JsonArray *threads = get_array (o, "threads");
  for (guint i = 0; threads && i < json_array_get_length (threads); i++)
    if (elem_str (threads, i))
      evl_graph_add_thread (g, elem_str (threads, i));
  load_events (&ld, get_array (o, "events"));
  load_relations (&ld, get_array (o, "relations"));
  load_conflicts (&ld, get_array (o, "conflicts"));
  return g_steal_pointer (&g);
}

EvlGraph *
evl_graph_load_json (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      evl_fail (error, EVL_ERROR_IO, "%s", local->message);
      return NULL;
    }
  g_autoptr (GError) perr = NULL;
  EvlGraph *g = evl_graph_load_json_data (data, (gssize) len, &perr);
  if (g == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&perr), "%s: ", path);
      return NULL;
    }
  return g;
}
