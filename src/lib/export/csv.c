/* events.csv: one row per event for spreadsheets, RFC 4180 style: CRLF
 * record ends, a header row, a field quoted (quotes doubled) whenever it
 * holds a comma, a quote, CR or LF, or starts or ends with a space. */
#include "evl-private.h"

#include <string.h>

static const char *const columns[] = {
  "id", "date_begin", "date_end", "value", "type", "thread", "summary", "participants",
  "location", "polarity", "modality", "sources", "first_quote", "documents",
  "status",   /* last: readers of the older columns by position still work */
};

static void
put_field (GString *row, const char *value, gboolean first)
{
  if (!first)
    g_string_append_c (row, ',');
  if (value == NULL || *value == '\0')
    return;
  gsize len = strlen (value);
  gboolean quote = strpbrk (value, ",\"\r\n") != NULL || value[0] == ' ' || value[len - 1] == ' ';
  if (!quote)
    {
      g_string_append_len (row, value, (gssize) len);
      return;
    }
  g_string_append_c (row, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

static void
put_entities (GString *row, const EvlGraph *g, const EvlGraphEvent *ev)
{
  g_autoptr (GString) names = g_string_new (NULL);
  for (guint j = 0; j < ev->participants->len; j++)
    {
      guint p = g_array_index (ev->participants, guint, j);
      if (p >= evl_graph_n_entities (g))
        continue;
      if (names->len)
        g_string_append (names, "; ");
      g_string_append (names, evl_graph_get_entity (g, p)->name);
    }
  put_field (row, names->str, FALSE);
  put_field (row, ev->location >= 0 && (guint) ev->location < evl_graph_n_entities (g)
                  ? evl_graph_get_entity (g, (guint) ev->location)->name : NULL, FALSE);
}

static void
put_documents (GString *row, const EvlGraph *g, const EvlGraphEvent *ev)
{
  g_autoptr (GString) ids = g_string_new (NULL);
  g_autofree gboolean *seen = g_new0 (gboolean, evl_graph_n_documents (g) + 1);
  for (guint j = 0; j < ev->mentions->len; j++)
    {
      guint d = g_array_index (ev->mentions, EvlGraphMention, j).doc;
      if (d >= evl_graph_n_documents (g) || seen[d])
        continue;
      seen[d] = TRUE;
      if (ids->len)
        g_string_append (ids, "; ");
      g_string_append (ids, evl_graph_get_document (g, d)->id);
    }
  put_field (row, ids->str, FALSE);
}

gboolean
evl_export_csv (const EvlGraph *g, GOutputStream *out, GError **error)
{
  g_return_val_if_fail (g != NULL && G_IS_OUTPUT_STREAM (out), FALSE);
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    put_field (text, columns[i], i == 0);
  g_string_append (text, "\r\n");

  g_autoptr (GArray) order = evl_graph_timeline (g);
  for (guint k = 0; k < order->len; k++)
    {
      const EvlGraphEvent *ev = evl_graph_get_event (g, g_array_index (order, guint, k));
      const EvlGraphTime *t = &ev->time;
      char begin[11], end[11], n[16];
      put_field (text, ev->id, TRUE);
      put_field (text, t->known ? evl_day_format (t->begin, begin) : NULL, FALSE);
      put_field (text, t->known ? evl_day_format (t->end, end) : NULL, FALSE);
      put_field (text, t->known ? t->value : NULL, FALSE);
      put_field (text, ev->type, FALSE);
      put_field (text, ev->thread, FALSE);
      put_field (text, ev->summary, FALSE);
      put_entities (text, g, ev);
      put_field (text, ev->polarity == EVL_POLARITY_NEG ? "NEG" : "POS", FALSE);
      put_field (text, ev->modality, FALSE);
      g_snprintf (n, sizeof n, "%u", ev->n_sources);
      put_field (text, n, FALSE);
      const EvlGraphMention *m = ev->mentions->len
                                 ? &g_array_index (ev->mentions, EvlGraphMention, 0) : NULL;
      put_field (text, m ? m->quote : NULL, FALSE);
      put_documents (text, g, ev);
      /* A failed launch must not read as a launch in a spreadsheet. */
      gboolean failed = (ev->flags & EVL_EVENT_FLAG_FAILED) != 0;
      gboolean planned = (ev->flags & EVL_EVENT_FLAG_PLANNED) != 0;
      put_field (text, failed && planned ? "planned; failed" : failed ? "failed" : planned ? "planned" : NULL,
                 FALSE);
      g_string_append (text, "\r\n");
    }
  g_autoptr (GError) local = NULL;
  if (!g_output_stream_write_all (out, text->str, text->len, NULL, NULL, &local))
    return evl_fail (error, EVL_ERROR_IO, "cannot write CSV: %s", local->message);
  return TRUE;
}
