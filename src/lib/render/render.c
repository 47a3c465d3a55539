/* The renderer table and what the diagrams share: event selection,
 * lanes, colours, date labels, atomic file output. */
#include "render-private.h"

#include <string.h>

static const EvlRenderer renderers[] = {
  { "timeline", "events on a time axis in story lanes, with a legend", evl_render_timeline },
  { "relations", "people, places and organisations linked to the events they take part in",
    evl_render_relations },
  { "entities", "who acts with whom: entities linked by shared events", evl_render_entities },
  { NULL, NULL, NULL },
};

const EvlRenderer *
evl_renderer_lookup (const char *name)
{
  for (const EvlRenderer *r = renderers; name && r->name; r++)
    if (strcmp (r->name, name) == 0)
      return r;
  return NULL;
}

const EvlRenderer *
evl_renderer_list (void)
{
  return renderers;
}

static const char *const image_ext[] = { "svg", "png", "pdf", "dot" };

gboolean
evl_image_format_from_string (const char *name, EvlImageFormat *out)
{
  for (guint i = 0; name && i < G_N_ELEMENTS (image_ext); i++)
    if (g_ascii_strcasecmp (name, image_ext[i]) == 0)
      {
        if (out)
          *out = (EvlImageFormat) i;
        return TRUE;
      }
  if (name && g_ascii_strcasecmp (name, "gv") == 0)
    {
      if (out)
        *out = EVL_IMAGE_DOT;
      return TRUE;
    }
  return FALSE;
}

const char *
evl_image_format_extension (EvlImageFormat f)
{
  return image_ext[(guint) f < G_N_ELEMENTS (image_ext) ? f : 0];
}

gboolean
evl_render_to_file (const EvlRenderer *renderer, const EvlGraph *g,
                    const EvlRenderOptions *opts, const char *path, GError **error)
{
  g_return_val_if_fail (renderer != NULL && g != NULL && path != NULL, FALSE);
  EvlRenderOptions defaults = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  if (!renderer->render (g, opts ? opts : &defaults, mem, error)
      || !g_output_stream_close (mem, NULL, error))
    {
      if (error && *error)
        g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  GMemoryOutputStream *m = G_MEMORY_OUTPUT_STREAM (mem);
  return evl_export_write_atomic (path, g_memory_output_stream_get_data (m),
                                  g_memory_output_stream_get_data_size (m), error);
}

/* Colour-blind-safe pairs (Okabe-Ito hues, lightened fills). */
static const EvlLaneColor lane_colors[] = {
  { "#dbe9f6", "#0072b2" },  /* blue */
  { "#fbe3d6", "#d55e00" },  /* vermillion */
  { "#dff2ec", "#009e73" },  /* green */
  { "#f4e7f0", "#cc79a7" },  /* purple */
  { "#fdf3d0", "#e69f00" },  /* orange */
  { "#e1f3fb", "#56b4e9" },  /* sky */
  { "#ececec", "#555555" },  /* grey */
};

const EvlLaneColor *
evl_render_lane_color (guint lane)
{
  return &lane_colors[lane % G_N_ELEMENTS (lane_colors)];
}

GPtrArray *
evl_render_lanes (const EvlGraph *g, GArray *events)
{
  GPtrArray *lanes = g_ptr_array_new ();
  gboolean *used = g_new0 (gboolean, evl_graph_n_threads (g) + 1);
  for (guint i = 0; i < events->len; i++)
    {
      const EvlGraphEvent *ev = evl_graph_get_event (g, g_array_index (events, guint, i));
      gboolean known = FALSE;
      for (guint t = 0; t < evl_graph_n_threads (g); t++)
        if (g_strcmp0 (evl_graph_get_thread (g, t), ev->thread) == 0)
          {
            used[t] = known = TRUE;
            break;
          }
      if (!known)
        {
          const char *name = ev->thread ? ev->thread : "Other";
          gboolean seen = FALSE;
          for (guint k = 0; k < lanes->len; k++)
            seen |= strcmp (lanes->pdata[k], name) == 0;
          if (!seen)
            g_ptr_array_add (lanes, (gpointer) name);
        }
    }
  /* Graph threads first, in their display order. */
  GPtrArray *ordered = g_ptr_array_new ();
  for (guint t = 0; t < evl_graph_n_threads (g); t++)
    if (used[t])
      g_ptr_array_add (ordered, (gpointer) evl_graph_get_thread (g, t));
  for (guint k = 0; k < lanes->len; k++)
    g_ptr_array_add (ordered, lanes->pdata[k]);
  g_ptr_array_unref (lanes);
  g_free (used);
  return ordered;
}

guint
evl_render_lane_of (const EvlGraph *g, const EvlGraphEvent *ev, GPtrArray *lanes)
{
  (void) g;
  const char *name = ev->thread ? ev->thread : "Other";
  for (guint k = 0; k < lanes->len; k++)
    if (strcmp (lanes->pdata[k], name) == 0)
      return k;
  return 0;
}

static gboolean
event_has_entity (const EvlGraphEvent *ev, gint entity)
{
  if (ev->agent == entity || ev->patient == entity || ev->location == entity || ev->source == entity)
    return TRUE;
  for (guint i = 0; ev->participants && i < ev->participants->len; i++)
    if ((gint) g_array_index (ev->participants, guint, i) == entity)
      return TRUE;
  return FALSE;
}

static int
cmp_support (gconstpointer a, gconstpointer b, gpointer data)
{
  const EvlGraph *g = data;
  const EvlGraphEvent *ea = evl_graph_get_event (g, *(const guint *) a);
  const EvlGraphEvent *eb = evl_graph_get_event (g, *(const guint *) b);
  float sa = ea->n_sources + ea->salience, sb = eb->n_sources + eb->salience;
  if (sa != sb)
    return sa > sb ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

static int
cmp_position (gconstpointer a, gconstpointer b, gpointer data)
{
  const guint *rank = data;
  guint ra = rank[*(const guint *) a], rb = rank[*(const guint *) b];
  return ra < rb ? -1 : (ra > rb);
}

GArray *
evl_render_select (const EvlGraph *g, const EvlRenderOptions *opts)
{
  g_autoptr (GArray) order = evl_graph_timeline (g);
  gint entity = opts->entity ? evl_graph_find_entity (g, opts->entity) : -1;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < order->len; i++)
    {
      guint idx = g_array_index (order, guint, i);
      const EvlGraphEvent *ev = evl_graph_get_event (g, idx);
      if (opts->type && g_ascii_strcasecmp (opts->type, ev->type ? ev->type : "") != 0)
        continue;
      if (opts->entity && (entity < 0 || !event_has_entity (ev, entity)))
        continue;
      if ((opts->from || opts->to) && (!ev->time.known || ev->time.begin == 0))
        continue;
      if (opts->from && ev->time.end < opts->from)
        continue;
      if (opts->to && ev->time.begin > opts->to)
        continue;
      g_array_append_val (out, idx);
    }
  guint max = opts->max_events ? opts->max_events : 400;
  if (out->len > max)
    {
      /* Keep the best-supported events, then restore timeline order. */
      g_autofree guint *rank = g_new0 (guint, evl_graph_n_events (g));
      for (guint i = 0; i < out->len; i++)
        rank[g_array_index (out, guint, i)] = i;
      g_array_sort_with_data (out, cmp_support, (gpointer) g);
      g_array_set_size (out, max);
      g_array_sort_with_data (out, cmp_position, rank);
    }
  return out;
}

static const char *const months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static char *
short_day (EvlDay day, char buf[24])
{
  int y, m, d;
  evl_day_to_ymd (day, &y, &m, &d);
  g_snprintf (buf, 24, "%d %s %d", d, months[m - 1], y);
  return buf;
}

char *
evl_render_date_label (const EvlGraphEvent *ev)
{
  if (!ev->time.known || ev->time.begin == 0)
    {
      /* Only the range temporal reasoning narrowed it to. */
      char a[24], b[24];
      if (ev->time.earliest && ev->time.earliest == ev->time.latest)
        return g_strdup_printf ("\xe2\x89\x88 %s", short_day (ev->time.earliest, a));
      if (ev->time.earliest && ev->time.latest)
        return g_strdup_printf ("%s \xe2\x80\x93 %s", short_day (ev->time.earliest, a),
                                short_day (ev->time.latest, b));
      if (ev->time.earliest)
        return g_strdup_printf ("after %s", short_day (ev->time.earliest, a));
      if (ev->time.latest)
        return g_strdup_printf ("before %s", short_day (ev->time.latest, b));
      return NULL;
    }
  int y, m, d, y2, m2, d2;
  evl_day_to_ymd (ev->time.begin, &y, &m, &d);
  evl_day_to_ymd (ev->time.end, &y2, &m2, &d2);
  if (ev->time.begin == ev->time.end)
    return g_strdup_printf ("%d %s %d", d, months[m - 1], y);
  if (y == y2 && m == m2 && d == 1)
    return g_strdup_printf ("%s %d", months[m - 1], y);
  if (y == y2 && m == 1 && d == 1 && m2 == 12 && d2 == 31)
    return g_strdup_printf ("%d", y);
  if (y == y2)
    return g_strdup_printf ("%s\xe2\x80\x93%s %d", months[m - 1], months[m2 - 1], y);
  if (m == 1 && d == 1 && m2 == 12 && d2 == 31)
    return g_strdup_printf ("%d\xe2\x80\x93%d", y, y2);
  return g_strdup_printf ("%s %d \xe2\x80\x93 %s %d", months[m - 1], y, months[m2 - 1], y2);
}
