/* Renderer table (one line per diagram kind), image formats, atomic file
 * output and the text helpers every renderer shares. */
#include "render-private.h"

#include <string.h>

static gboolean
render_single (EvlRenderTargetsFunc f, const EvlGraph *g, const EvlRenderOptions *opts,
               GOutputStream *out, GError **error)
{
  EvlRenderTarget t = { opts->format, out };
  return f (g, opts, &t, 1, error);
}

static gboolean
timeline_single (const EvlGraph *g, const EvlRenderOptions *opts, GOutputStream *out, GError **error)
{
  return render_single (evl_render_timeline, g, opts, out, error);
}

static gboolean
relations_single (const EvlGraph *g, const EvlRenderOptions *opts, GOutputStream *out, GError **error)
{
  return render_single (evl_render_relations, g, opts, out, error);
}

static gboolean
entities_single (const EvlGraph *g, const EvlRenderOptions *opts, GOutputStream *out, GError **error)
{
  return render_single (evl_render_entities, g, opts, out, error);
}

static const EvlRenderer renderers[] = {
  { "timeline", "events on a time axis, one lane per story thread", timeline_single,
    evl_render_timeline },
  { "relations", "entities and events linked by their roles", relations_single,
    evl_render_relations },
  { "entities", "entities linked by the events they share", entities_single,
    evl_render_entities },
  { NULL, NULL, NULL, NULL },
};

const EvlRenderer *
evl_renderer_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  for (guint i = 0; renderers[i].name; i++)
    if (g_ascii_strcasecmp (renderers[i].name, name) == 0)
      return &renderers[i];
  return NULL;
}

const EvlRenderer *evl_renderer_list (void) { return renderers; }

static const char *const format_names[] = { "svg", "png", "pdf", "dot" };

gboolean
evl_image_format_from_string (const char *name, EvlImageFormat *out)
{
  g_return_val_if_fail (name != NULL && out != NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (format_names[i], name) == 0)
      {
        *out = (EvlImageFormat) i;
        return TRUE;
      }
  if (g_ascii_strcasecmp (name, "gv") == 0)
    {
      *out = EVL_IMAGE_DOT;
      return TRUE;
    }
  return FALSE;
}

const char *
evl_image_format_extension (EvlImageFormat f)
{
  return (guint) f < G_N_ELEMENTS (format_names) ? format_names[f] : "svg";
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
    return FALSE;
  GMemoryOutputStream *m = G_MEMORY_OUTPUT_STREAM (mem);
  return evl_export_write_atomic (path, g_memory_output_stream_get_data (m),
                                  g_memory_output_stream_get_data_size (m), error);
}

gboolean
evl_render_formats (const EvlRenderer *renderer, const EvlGraph *g,
                    const EvlRenderOptions *opts, const EvlImageFormat *formats, guint n_formats,
                    GBytes **out, GError **error)
{
  g_return_val_if_fail (renderer != NULL && g != NULL && (formats != NULL || n_formats == 0)
                        && out != NULL, FALSE);
  EvlRenderOptions defaults = EVL_RENDER_OPTIONS_INIT;
  g_autofree EvlRenderTarget *targets = g_new0 (EvlRenderTarget, MAX (n_formats, 1));
  g_autoptr (GPtrArray) streams = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_formats; i++)
    {
      GOutputStream *mem = g_memory_output_stream_new_resizable ();
      g_ptr_array_add (streams, mem);
      targets[i] = (EvlRenderTarget) { formats[i], mem };
    }
  if (!renderer->render_targets (g, opts ? opts : &defaults, targets, n_formats, error))
    return FALSE;
  for (guint i = 0; i < n_formats; i++)
    if (!g_output_stream_close (targets[i].out, NULL, error))
      return FALSE;
  for (guint i = 0; i < n_formats; i++)
    out[i] = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (targets[i].out));
  return TRUE;
}

/* ---- text ---- */

void
evl_render_escape (GString *out, const char *s)
{
  if (s == NULL)
    return;
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  for (const char *p = valid; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\\': g_string_append (out, "\\\\"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *p);
        }
    }
}

/* (@br: the line break, left-aligned in boxes, centred in headings) */
static void
wrap (GString *out, const char *s, guint width, guint max_lines, const char *br)
{
  if (s == NULL)
    return;
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  g_auto (GStrv) words = g_strsplit_set (valid, " \t\r\n", -1);
  GString *line = g_string_new (NULL);
  guint lines = 0;
  gboolean truncated = FALSE;
  for (guint i = 0; words[i]; i++)
    {
      if (!*words[i])
        continue;
      glong wl = g_utf8_strlen (words[i], -1), ll = g_utf8_strlen (line->str, -1);
      if (line->len && ll + 1 + wl > (glong) width)
        {
          if (lines + 1 == max_lines)
            {
              truncated = TRUE;
              break;
            }
          if (lines)
            g_string_append (out, br);
          evl_render_escape (out, line->str);
          lines++;
          g_string_truncate (line, 0);
        }
      if (wl > (glong) width)
        {
          /* one overlong word: cut at a character boundary */
          const char *cut = g_utf8_offset_to_pointer (words[i], width - 1);
          g_string_append_len (line, words[i], cut - words[i]);
          g_string_append (line, "…");
          continue;
        }
      if (line->len)
        g_string_append_c (line, ' ');
      g_string_append (line, words[i]);
    }
  if (line->len)
    {
      if (lines)
        g_string_append (out, br);
      evl_render_escape (out, line->str);
      if (truncated)
        g_string_append (out, "…");
    }
  g_string_free (line, TRUE);
}

void
evl_render_wrapped (GString *out, const char *s, guint width, guint max_lines)
{
  wrap (out, s, width, max_lines, "<BR ALIGN=\"LEFT\"/>");
}

void
evl_render_title_lines (GString *out, const char *title, double width_in)
{
  /* 14-point bold DejaVu Sans runs ~9 pt a character: a longer title
   * widened the drawing beyond its page, which was then shrunk, boxes and
   * all, to fit (a takeover story's three long names: 0.71). */
  guint chars = MAX (30u, (guint) (width_in * 72 / 9.0));
  /* Lines of even length, the narrowest wrap that takes no more lines
   * than the widest: a last line of one name alone looks cut off. */
  g_autofree char *valid = g_utf8_make_valid (title ? title : "", -1);
  guint len = (guint) g_utf8_strlen (valid, -1), lines = (len + chars - 1) / MAX (chars, 1);
  GString *t = g_string_new (NULL);
  for (guint w = lines > 1 ? (len + lines - 1) / lines : chars; w <= chars; w++)
    {
      g_string_truncate (t, 0);
      wrap (t, valid, w, 3, "<BR/>");
      guint n = 1;
      for (const char *p = t->str; (p = strstr (p, "<BR/>")); p++)
        n++;
      if (n <= lines || w == chars)
        break;
    }
  g_string_append_len (out, t->str, (gssize) t->len);
  g_string_free (t, TRUE);
}

/* ---- selection ---- */

GArray *
evl_render_select (const EvlGraph *g, const EvlRenderOptions *opts, GError **error)
{
  gint entity = -1;
  if (opts->entity && *opts->entity)
    {
      entity = evl_graph_find_entity (g, opts->entity);
      if (entity < 0)
        {
          evl_fail (error, EVL_ERROR_INVALID_ARGUMENT, "no entity named '%s'", opts->entity);
          return NULL;
        }
    }
  g_autoptr (GArray) order = evl_graph_timeline (g);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      const EvlGraphEvent *e = evl_graph_get_event (g, i);
      if (opts->type && *opts->type && (e->type == NULL || g_ascii_strcasecmp (e->type, opts->type) != 0))
        continue;
      if (opts->from || opts->to)
        {
          if (!e->time.known || e->time.begin == 0)
            continue;
          EvlDay end = e->time.end ? e->time.end : e->time.begin;
          if ((opts->from && end < opts->from) || (opts->to && e->time.begin > opts->to))
            continue;
        }
      if (entity >= 0)
        {
          gboolean hit = e->location == entity || e->source == entity
                         || e->agent == entity || e->patient == entity;
          for (guint j = 0; !hit && e->participants && j < e->participants->len; j++)
            hit = g_array_index (e->participants, guint, j) == (guint) entity;
          if (!hit)
            continue;
        }
      g_array_append_val (out, i);
    }
  return out;
}

char *
evl_render_thread (const EvlGraphEvent *e)
{
  if (e->thread && *e->thread)
    return g_strdup (e->thread);
  if (e->type == NULL || !*e->type)
    return g_strdup ("Other");
  char *s = g_ascii_strdown (e->type, -1);
  for (char *p = s; *p; p++)
    if (*p == '_')
      *p = ' ';
  s[0] = g_ascii_toupper (s[0]);
  return s;
}

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static int
month_days (int y, int m)
{
  return g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
}

char *
evl_render_format_range (EvlDay b, EvlDay e)
{
  if (b == 0)
    return g_strdup ("undated");
  if (e < b)
    e = b;
  int y1, m1, d1, y2, m2, d2;
  evl_day_to_ymd (b, &y1, &m1, &d1);
  evl_day_to_ymd (e, &y2, &m2, &d2);
  gboolean whole_months = d1 == 1 && d2 == month_days (y2, m2);
  if (b == e)
    return g_strdup_printf ("%d %s %d", d1, months[m1 - 1], y1);
  if (whole_months && m1 == 1 && m2 == 12)
    return y1 == y2 ? g_strdup_printf ("%d", y1)
                    : (y1 / 100 == y2 / 100 ? g_strdup_printf ("%d–%02d", y1, y2 % 100)
                                            : g_strdup_printf ("%d–%d", y1, y2));
  if (whole_months && y1 == y2)
    return m1 == m2 ? g_strdup_printf ("%s %d", months[m1 - 1], y1)
                    : g_strdup_printf ("%s–%s %d", months[m1 - 1], months[m2 - 1], y1);
  if (whole_months)
    return g_strdup_printf ("%s %d – %s %d", months[m1 - 1], y1, months[m2 - 1], y2);
  if (y1 == y2 && m1 == m2)
    return g_strdup_printf ("%d–%d %s %d", d1, d2, months[m1 - 1], y1);
  if (y1 == y2)
    return g_strdup_printf ("%d %s – %d %s %d", d1, months[m1 - 1], d2, months[m2 - 1], y1);
  return g_strdup_printf ("%d %s %d – %d %s %d", d1, months[m1 - 1], y1, d2, months[m2 - 1], y2);
}

char *
evl_render_event_date (const EvlGraphEvent *e)
{
  if (!e->time.known || e->time.begin == 0)
    return g_strdup ("undated");
  return evl_render_format_range (e->time.begin, e->time.end);
}

char *
evl_render_title (const EvlGraph *g, const EvlRenderOptions *opts, const char *kind)
{
  if (opts->title && *opts->title)
    return g_strdup (opts->title);
  /* One article: its headline.  A story from many articles is named by
   * the entities most of them report on, not by one article's headline. */
  if (evl_graph_n_documents (g) == 1)
    {
      const EvlGraphDocument *d = evl_graph_get_document (g, 0);
      if (d->title && *d->title)
        return g_strdup_printf ("%s: %s", kind, d->title);
    }
  /* Who the story is about takes part in its events: a dateline's city,
   * the wire service or the country in 'U.S. Attorney' are often in every
   * article but in few events.  Events first, then articles, then
   * mentions. */
  guint n_ent = evl_graph_n_entities (g);
  g_autofree guint *in_events = g_new0 (guint, n_ent + 1);
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    {
      const EvlGraphEvent *ev = evl_graph_get_event (g, i);
      for (guint k = 0; ev->participants && k < ev->participants->len; k++)
        {
          guint p = g_array_index (ev->participants, guint, k);
          if (p < n_ent)
            in_events[p]++;
        }
    }
  gint best[3] = { -1, -1, -1 };
  for (guint i = 0; i < n_ent; i++)
    {
      const EvlGraphEntity *e = evl_graph_get_entity (g, i);
      for (guint k = 0; k < 3; k++)
        {
          const EvlGraphEntity *b = best[k] >= 0 ? evl_graph_get_entity (g, (guint) best[k]) : NULL;
          guint ie = in_events[i], ib = b ? in_events[best[k]] : 0;
          if (b == NULL || ie > ib || (ie == ib && e->n_documents > b->n_documents)
              || (ie == ib && e->n_documents == b->n_documents && e->n_mentions > b->n_mentions))
            {
              for (guint m = 2; m > k; m--)
                best[m] = best[m - 1];
              best[k] = (gint) i;
              break;
            }
        }
    }
  if (best[0] < 0)
    return g_strdup (kind);
  GString *t = g_string_new (kind);
  g_string_append (t, ": ");
  for (guint k = 0; k < 3 && best[k] >= 0; k++)
    {
      if (k > 0)
        g_string_append (t, k == 2 || best[k + 1 < 3 ? k + 1 : k] < 0 ? " and " : ", ");
      g_string_append (t, evl_graph_get_entity (g, (guint) best[k])->name);
    }
  return g_string_free (t, FALSE);
}

char *
evl_render_subtitle (const EvlGraph *g, GArray *events)
{
  EvlDay lo = 0, hi = 0;
  for (guint k = 0; k < events->len; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (events, guint, k));
      if (!e->time.known || e->time.begin == 0)
        continue;
      EvlDay end = e->time.end ? e->time.end : e->time.begin;
      if (lo == 0 || e->time.begin < lo)
        lo = e->time.begin;
      if (end > hi)
        hi = end;
    }
  guint nd = evl_graph_n_documents (g);
  g_autofree char *range = lo ? evl_render_format_range (lo, lo) : NULL;
  g_autofree char *range2 = hi ? evl_render_format_range (hi, hi) : NULL;
  return g_strdup_printf ("%u document%s · %u event%s%s%s%s%s", nd, nd == 1 ? "" : "s",
                          events->len, events->len == 1 ? "" : "s",
                          lo ? " · " : "", lo ? range : "", lo ? " – " : "", lo ? range2 : "");
}

/* Colour-blind-safe palette (Tableau 10 without red, kept for failures). */
static const char *const strong[] = { "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1",
                                      "#76B7B2", "#9C755F", "#EDC948", "#FF9DA7" };
static const char *const light[] = { "#DCE6F0", "#FCE4CC", "#DDEFD9", "#EEE0EB",
                                     "#E1F0EF", "#EBE2DB", "#FBF3D2", "#FFE8EB" };

const char *
evl_render_lane_color (guint i, gboolean is_light)
{
  return is_light ? light[i % G_N_ELEMENTS (light)] : strong[i % G_N_ELEMENTS (strong)];
}

guint
evl_render_lane_rank (const EvlGraph *g, GArray *sel, const char *thread)
{
  /* Same order as the timeline's lanes: most reported first, 'Other' last,
   * ties by first appearance; so a thread keeps its colour across views. */
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) weight = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint k = 0; k < sel->len; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (sel, guint, k));
      g_autofree char *th = evl_render_thread (e);
      guint l;
      for (l = 0; l < names->len && strcmp (names->pdata[l], th) != 0; l++)
        ;
      if (l == names->len)
        {
          g_ptr_array_add (names, g_steal_pointer (&th));
          g_array_set_size (weight, names->len);
        }
      g_array_index (weight, guint, l) += MAX (e->n_sources, 1u);
    }
  guint a;
  for (a = 0; a < names->len && strcmp (names->pdata[a], thread) != 0; a++)
    ;
  if (a == names->len)
    return 0;
  guint pos = 0;
  gboolean oa = strcmp (thread, "Other") == 0;
  guint wa = g_array_index (weight, guint, a);
  for (guint b = 0; b < names->len; b++)
    {
      gboolean ob = strcmp (names->pdata[b], "Other") == 0;
      guint wb = g_array_index (weight, guint, b);
      if (b != a && (oa > ob || (oa == ob && (wb > wa || (wb == wa && b < a)))))
        pos++;
    }
  return pos;
}

void
evl_render_heading (GString *h, const char *title, const char *subtitle, double width_in)
{
  g_string_append (h, "<FONT POINT-SIZE=\"14\"><B>");
  evl_render_title_lines (h, title, width_in);
  g_string_append (h, "</B></FONT><BR/><FONT POINT-SIZE=\"9\" COLOR=\"#444444\">");
  evl_render_escape (h, subtitle);
}

void
evl_render_graph_fonts (Agraph_t *ag, const char *edge_fontsize)
{
  agattr (ag, AGNODE, (char *) "fontname", EVL_RENDER_FONT);
  agattr (ag, AGNODE, (char *) "fontsize", (char *) "9");
  agattr (ag, AGEDGE, (char *) "fontname", EVL_RENDER_FONT);
  agattr (ag, AGEDGE, (char *) "fontsize", (char *) edge_fontsize);
}

void
evl_render_entity_style (Agnode_t *n, const EvlGraphEntity *x, gboolean place)
{
  static const char *const styles[][3] = {
    { "ellipse", "#FFF2CC", "#B7950B" },
    { "house", "#D5E8D4", "#2E7D32" },
    { "box", "#DAE8FC", "#1F4E79" },
  };
  guint k = x->type == EVL_ENTITY_PERSON ? 0 : x->type == EVL_ENTITY_LOCATION && place ? 1 : 2;
  evl_gv_set (n, "style", "filled");
  evl_gv_set (n, "shape", styles[k][0]);
  evl_gv_set (n, "fillcolor", styles[k][1]);
  evl_gv_set (n, "color", styles[k][2]);
}
