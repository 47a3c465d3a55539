/* timelinejs.json: the events in Knight Lab TimelineJS3's JSON data
 * format, so the story opens as an interactive timeline.  TimelineJS
 * renders headline and text as HTML, so every article string is
 * HTML-escaped here; the little markup added (paragraphs, quotes) is ours.
 * Date parts are strings, as in the format's documentation; a date has
 * only the parts its granularity knows ("2023" for a year, no day for a
 * month). */
#include "evl-private.h"
#include "render/render-private.h"   /* evl_render_title() */

#include <json-glib/json-glib.h>

static void
set_str (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value ? value : "");
}

static void
set_int_str (JsonBuilder *b, const char *name, int v)
{
  char buf[16];
  g_snprintf (buf, sizeof buf, "%d", v);
  set_str (b, name, buf);
}

static void
add_date (JsonBuilder *b, const char *member, EvlDay day, EvlGrain grain)
{
  int y = 0, m = 0, d = 0;
  evl_day_to_ymd (day, &y, &m, &d);
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  set_int_str (b, "year", y);
  if (grain < EVL_GRAIN_YEAR)
    set_int_str (b, "month", m);
  /* Weeks and finer name a day; months, seasons, quarters do not. */
  if (grain <= EVL_GRAIN_WEEK)
    set_int_str (b, "day", d);
  json_builder_end_object (b);
}

static void
append_escaped (GString *s, const char *text)
{
  g_autofree char *e = g_markup_escape_text (text, -1);
  g_string_append (s, e);
}

/* The slide text: when, who, and one quote per source document. */
static char *
slide_text (const EvlGraph *g, const EvlGraphEvent *ev)
{
  g_autoptr (GString) s = g_string_new ("<p>");
  if (ev->time.known && ev->time.value)
    {
      append_escaped (s, ev->time.value);
      if (ev->time.text)
        {
          g_string_append (s, " (\xe2\x80\x9c");
          append_escaped (s, ev->time.text);
          g_string_append (s, "\xe2\x80\x9d)");
        }
    }
  else
    g_string_append (s, "Date not stated; placed by its relations to other events.");
  if (ev->type)
    {
      g_string_append (s, " \xc2\xb7 ");
      append_escaped (s, ev->type);
    }
  if (ev->polarity == EVL_POLARITY_NEG)
    g_string_append (s, " \xc2\xb7 did not happen");
  else if (ev->flags & EVL_EVENT_FLAG_PLANNED)
    g_string_append (s, " \xc2\xb7 planned, not yet happened");
  if (ev->polarity != EVL_POLARITY_NEG && (ev->flags & EVL_EVENT_FLAG_FAILED))
    g_string_append (s, " \xc2\xb7 failed");
  if (ev->modality)
    {
      g_string_append (s, " \xc2\xb7 ");
      append_escaped (s, ev->modality);
    }
  g_string_append (s, "</p>");
  guint nd = evl_graph_n_documents (g);
  g_autofree gboolean *seen = g_new0 (gboolean, nd + 1);
  for (guint j = 0; j < ev->mentions->len; j++)
    {
      const EvlGraphMention *m = &g_array_index (ev->mentions, EvlGraphMention, j);
      if (m->doc >= nd || seen[m->doc] || m->quote == NULL)
        continue;
      seen[m->doc] = TRUE;
      const EvlGraphDocument *d = evl_graph_get_document (g, m->doc);
      g_string_append (s, "<blockquote>");
      append_escaped (s, m->quote);
      g_string_append (s, "</blockquote><p>\xe2\x80\x94 ");
      append_escaped (s, d->title ? d->title : d->id);
      g_string_append (s, "</p>");
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static JsonNode *
timeline_node (const EvlGraph *g)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GArray) order = evl_graph_timeline (g);
  json_builder_begin_object (b);

  json_builder_set_member_name (b, "title");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_begin_object (b);
  /* The title the timeline diagram of the same graph carries: one
   * article's headline, else who the story is about. */
  EvlRenderOptions ro = EVL_RENDER_OPTIONS_INIT;
  g_autofree char *story = evl_render_title (g, &ro, "Timeline");
  g_autoptr (GString) escaped = g_string_new (NULL);
  append_escaped (escaped, story);
  set_str (b, "headline", escaped->str);
  guint nd = evl_graph_n_documents (g);
  g_autofree char *sub = g_strdup_printf ("%u events from %u document%s", order->len, nd,
                                          nd == 1 ? "" : "s");
  set_str (b, "text", sub);
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint k = 0; k < order->len; k++)
    {
      const EvlGraphEvent *ev = evl_graph_get_event (g, g_array_index (order, guint, k));
      const EvlGraphTime *t = &ev->time;
      EvlDay begin = t->known ? t->begin : t->earliest;
      EvlDay end = t->known ? t->end : t->latest;
      EvlGrain grain = t->known ? t->grain : EVL_GRAIN_DAY;
      const char *display = NULL;
      if (begin == 0 && ev->mentions->len)
        {
          /* TimelineJS needs a start date: the day it was reported. */
          guint d = g_array_index (ev->mentions, EvlGraphMention, 0).doc;
          if (d < evl_graph_n_documents (g))
            begin = evl_day_parse (evl_graph_get_document (g, d)->dct);
          end = 0;
          display = "Date not stated";
        }
      if (begin == 0)
        continue;
      json_builder_begin_object (b);
      if (display)
        set_str (b, "display_date", display);
      add_date (b, "start_date", begin, grain);
      if (end > begin)
        add_date (b, "end_date", end, grain);
      json_builder_set_member_name (b, "text");
      json_builder_begin_object (b);
      g_autofree char *headline = g_markup_escape_text (ev->summary ? ev->summary : ev->id, -1);
      set_str (b, "headline", headline);
      g_autofree char *text = slide_text (g, ev);
      set_str (b, "text", text);
      json_builder_end_object (b);
      if (ev->thread)
        set_str (b, "group", ev->thread);
      set_str (b, "unique_id", ev->id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
evl_export_timelinejs (const EvlGraph *g, GOutputStream *out, GError **error)
{
  g_return_val_if_fail (g != NULL && G_IS_OUTPUT_STREAM (out), FALSE);
  g_autoptr (JsonNode) root = timeline_node (g);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  return json_generator_to_stream (gen, out, NULL, error)
         && g_output_stream_write_all (out, "\n", 1, NULL, NULL, error);
}
