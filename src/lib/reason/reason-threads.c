/* Story threads (timeline lanes) and the build entry points.
 *
 * An event's lane comes from its story type: taxonomy/story.txt gives each
 * type a LANE code (owned by the events stage), taxonomy/threads.txt
 * names the lanes and orders them.  Nothing here knows a type by name. */
#include "reason-private.h"

#include <string.h>

typedef struct {
  GHashTable *type_lane;   /* "MEETING" -> "diplomacy" */
  GHashTable *loose;       /* lane codes of catch-all types */
  GHashTable *lane_name;   /* "diplomacy" -> "Summit & diplomacy" */
  GPtrArray *order;        /* display names, file order, distinct */
  char *fallback;
} Threads;

static void
threads_clear (Threads *t)
{
  g_hash_table_unref (t->type_lane);
  g_hash_table_unref (t->loose);
  g_hash_table_unref (t->lane_name);
  g_ptr_array_unref (t->order);
  g_free (t->fallback);
}

void
evl_reason_each_record (GBytes *bytes, EvlReasonRecordFn fn, gpointer data)
{
  if (bytes == NULL)
    return;
  gsize len = 0;
  const char *raw = g_bytes_get_data (bytes, &len);
  g_autofree char *copy = g_strndup (raw, len);
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strchomp (lines[i]);
      if (*line == '\0' || *line == '#')
        continue;
      g_auto (GStrv) f = g_strsplit (line, "\t", -1);
      fn (f, g_strv_length (f), data);
    }
}

static void
story_record (char **f, guint n, gpointer data)
{
  Threads *t = data;
  if (n >= 4 && strcmp (f[0], "type") == 0)
    g_hash_table_insert (t->type_lane, g_strdup (f[1]), g_strdup (f[3]));
}

static void
add_name (Threads *t, const char *name)
{
  for (guint i = 0; i < t->order->len; i++)
    if (strcmp (t->order->pdata[i], name) == 0)
      return;
  g_ptr_array_add (t->order, g_strdup (name));
}

static void
thread_record (char **f, guint n, gpointer data)
{
  Threads *t = data;
  if (n >= 3 && strcmp (f[0], "lane") == 0)
    {
      g_hash_table_insert (t->lane_name, g_strdup (f[1]), g_strdup (f[2]));
      add_name (t, f[2]);
    }
  else if (n >= 2 && strcmp (f[0], "loose") == 0)
    g_hash_table_add (t->loose, g_strdup (f[1]));
  else if (n >= 2 && strcmp (f[0], "default") == 0)
    {
      g_free (t->fallback);
      t->fallback = g_strdup (f[1]);
      add_name (t, f[1]);
    }
}

static const char *
thread_of (const Threads *t, const char *type)
{
  const char *lane = type ? g_hash_table_lookup (t->type_lane, type) : NULL;
  const char *name = lane ? g_hash_table_lookup (t->lane_name, lane) : NULL;
  /* A type may itself be a lane code ('missiles'), e.g. in a loaded graph
   * built with another taxonomy. */
  if (name == NULL && type)
    {
      g_autofree char *low = g_ascii_strdown (type, -1);
      name = g_hash_table_lookup (t->lane_name, low);
    }
  return name ? name : t->fallback;
}

static void
threads_load (const EvlContext *ctx, Threads *t)
{
  t->type_lane = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  t->loose = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t->lane_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  t->order = g_ptr_array_new_with_free_func (g_free);
  t->fallback = g_strdup ("Other");
  evl_reason_each_record (evl_context_get_data (ctx, "taxonomy/story.txt"), story_record, t);
  evl_reason_each_record (evl_context_get_data (ctx, "taxonomy/threads.txt"), thread_record, t);
}

GHashTable *
evl_reason_loose_types (const EvlContext *ctx)
{
  Threads t;
  threads_load (ctx, &t);
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter it;
  gpointer type, lane;
  g_hash_table_iter_init (&it, t.type_lane);
  while (g_hash_table_iter_next (&it, &type, &lane))
    if (g_hash_table_contains (t.loose, lane))
      g_hash_table_add (out, g_strdup (type));
  threads_clear (&t);
  return out;
}

void
evl_reason_assign_threads (const EvlContext *ctx, EvlGraph *g)
{
  g_return_if_fail (ctx != NULL && g != NULL);
  Threads t;
  threads_load (ctx, &t);

  guint n = evl_graph_n_events (g);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      EvlGraphEvent *e = evl_graph_peek_event (g, i);
      names[i] = thread_of (&t, e->type);
      e->thread = evl_graph_intern (g, names[i]);
    }
  /* Lanes in the file's order, only those in use. */
  evl_graph_clear_threads (g);
  for (guint k = 0; k < t.order->len; k++)
    for (guint i = 0; i < n; i++)
      if (strcmp (names[i], t.order->pdata[k]) == 0)
        {
          evl_graph_add_thread (g, names[i]);
          break;
        }
  /* Lanes named only by the built-in fallback come last. */
  for (guint i = 0; i < n; i++)
    evl_graph_add_thread (g, names[i]);
  threads_clear (&t);
}

static void
finish (const EvlContext *ctx, EvlGraph *g)
{
  evl_reason_merge (ctx, g);
  evl_reason_relate (ctx, g);
  evl_reason_assign_threads (ctx, g);
}

EvlGraph *
evl_reason_build_graph (const EvlContext *ctx, GPtrArray *docs, const EvlReasonOptions *opts)
{
  g_return_val_if_fail (ctx != NULL && docs != NULL, NULL);
  EvlGraph *g = evl_graph_new ();
  for (guint i = 0; i < docs->len; i++)
    evl_reason_add_document (ctx, g, docs->pdata[i], opts);
  evl_reason_finish_graph (ctx, g);
  return g;
}

void
evl_reason_finish_graph (const EvlContext *ctx, EvlGraph *g)
{
  g_return_if_fail (ctx != NULL && g != NULL);
  finish (ctx, g);
  /* A fresh story numbers its events in timeline order. */
  g_autoptr (GArray) order = evl_graph_timeline (g);
  evl_graph_renumber_events (g, order);
}

guint
evl_reason_update_graph (const EvlContext *ctx, EvlGraph *g, GPtrArray *docs,
                         const EvlReasonOptions *opts)
{
  g_return_val_if_fail (ctx != NULL && g != NULL && docs != NULL, 0);
  guint added = 0;
  for (guint i = 0; i < docs->len; i++)
    {
      const EvlDocument *d = docs->pdata[i];
      if (evl_graph_find_document (g, evl_document_get_id (d)) >= 0)
        continue;
      evl_reason_add_document (ctx, g, d, opts);
      added++;
    }
  finish (ctx, g);
  return added;
}
