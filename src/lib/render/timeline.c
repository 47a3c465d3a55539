/* The timeline diagram: time runs down a vertical axis on the left, one
 * column (lane) per story thread, each event a card at its date.
 *
 * Positions are computed here and pinned (neato with pos="x,y!"), because
 * no Graphviz engine knows about a time axis.  Spacing grows with the log
 * of the gap between dates, and gaps of more than two years get a visible
 * break, so '1950–53 … 2019 … 2022 … May 2023 … Sept 2023' fits one page
 * while dates a day apart stay distinguishable. */
#include "render-private.h"

#include <math.h>
#include <string.h>

#define AXIS_W 96.0        /* left column: date labels and the axis */
#define CARD_GAP 8.0
#define LINE_H 11.5

typedef struct {
  EvlDay day;              /* 0 = undated */
  double y;                /* top of the row (points, downwards) */
} Key;

static EvlDay
event_day (const EvlGraphEvent *ev)
{
  if (ev->time.known && ev->time.begin)
    return ev->time.begin;
  return ev->time.earliest;
}

typedef struct {
  const EvlGraph *g;
  const guint *pos;
} SortCtx;

static int
cmp_rows (gconstpointer a, gconstpointer b, gpointer data)
{
  const SortCtx *sc = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  EvlDay da = event_day (evl_graph_get_event (sc->g, ia));
  EvlDay db = event_day (evl_graph_get_event (sc->g, ib));
  if (da != db)
    {
      if (da == 0 || db == 0)
        return da == 0 ? 1 : -1;
      return da < db ? -1 : 1;
    }
  return sc->pos[ia] < sc->pos[ib] ? -1 : (sc->pos[ia] > sc->pos[ib]);
}

static char *
card_label (const EvlGraphEvent *ev, guint wrap, guint *lines_out)
{
  g_autofree char *date = evl_render_date_label (ev);
  g_autofree char *summary = evl_gv_wrap (ev->summary ? ev->summary : ev->trigger, wrap, 5);
  guint lines = 2;
  for (const char *p = summary; (p = strstr (p, "<BR/>")); p += 5)
    lines++;
  /* "SATELLITE_LAUNCH" reads as "Satellite launch". */
  g_autofree char *human = g_ascii_strdown (ev->type ? ev->type : "event", -1);
  g_strdelimit (human, "_", ' ');
  human[0] = g_ascii_toupper (human[0]);
  g_autofree char *type = g_markup_escape_text (human, -1);
  g_autofree char *d = g_markup_escape_text (date ? date : "undated", -1);
  GString *s = g_string_new ("<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
  g_string_append_printf (s,
                          "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"7.5\" COLOR=\"#444444\">%s</FONT></TD></TR>",
                          d);
  const char *open = "", *close = "";
  if (ev->polarity == EVL_POLARITY_NEG)
    open = "<S>", close = "</S>";
  else if (ev->modality || (ev->flags & EVL_EVENT_FLAG_HEDGED))
    open = "<I>", close = "</I>";
  g_string_append_printf (s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">%s%s%s</TD></TR>",
                          open, summary, close);
  GString *tags = g_string_new (NULL);
  g_string_append_printf (tags, "%s \xc2\xb7 <B>%u source%s</B>", type, ev->n_sources,
                          ev->n_sources == 1 ? "" : "s");
  if (ev->flags & EVL_EVENT_FLAG_FAILED)
    g_string_append (tags, "<BR/><FONT COLOR=\"#c0392b\"><B>\xe2\x9c\x97 failed</B></FONT>");
  if (ev->polarity == EVL_POLARITY_NEG)
    g_string_append (tags, "<BR/><FONT COLOR=\"#777777\">reported as not happening</FONT>");
  else if (ev->modality || (ev->flags & EVL_EVENT_FLAG_HEDGED))
    {
      g_autofree char *m = g_markup_escape_text (ev->modality ? ev->modality : "hedged", -1);
      g_string_append_printf (tags, "<BR/><FONT COLOR=\"#777777\">unconfirmed: %s</FONT>", m);
    }
  g_string_append_printf (s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"7\" COLOR=\"#555555\">%s</FONT></TD></TR>",
                          tags->str);
  if (strstr (tags->str, "<BR/>"))
    lines++;
  g_string_free (tags, TRUE);
  g_string_append (s, "</TABLE>");
  *lines_out = lines + 1;
  return g_string_free (s, FALSE);
}

static void
pin (Agnode_t *n, double x, double y)
{
  /* Graphviz's y axis points up; the layout here is computed downwards. */
  evl_gv_setf (n, "pos", "%.1f,%.1f!", x, -y);
}

static Agnode_t *
text_node (Agraph_t *g, const char *name, double x, double y, const char *html)
{
  Agnode_t *n = evl_gv_node (g, name);
  evl_gv_set (n, "shape", "plaintext");
  evl_gv_set (n, "margin", "0");
  evl_gv_set (n, "width", "0");
  evl_gv_set (n, "height", "0");
  evl_gv_set_html (n, "label", html);
  pin (n, x, y);
  return n;
}

static char *
legend_html (const EvlGraph *g, GPtrArray *lanes)
{
  (void) g;
  GString *s = g_string_new ("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"2\"><TR>");
  for (guint i = 0; i < lanes->len; i++)
    {
      const EvlLaneColor *c = evl_render_lane_color (i);
      g_autofree char *name = g_markup_escape_text (lanes->pdata[i], -1);
      g_string_append_printf (s, "<TD BGCOLOR=\"%s\" COLOR=\"%s\" BORDER=\"1\"><FONT POINT-SIZE=\"8\">%s</FONT></TD>",
                              c->fill, c->stroke, name);
    }
  g_string_append_printf (s, "</TR><TR><TD COLSPAN=\"%u\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"7.5\" COLOR=\"#333333\">"
                      "Solid card: reported as fact.  Dashed card, <I>italic</I>: unconfirmed (hedged, alleged, planned).<BR/>"
                      "Grey, <S>struck</S>: reported as not happening.  \xe2\x9c\x97 failed: the attempt failed.<BR/>"
                      "N sources: how many articles report it.  \xe2\x89\x88 N years: a break in the time axis."
                      "</FONT></TD></TR></TABLE>", MAX (lanes->len, 1u));
  return g_string_free (s, FALSE);
}

static char *
title_html (const EvlGraph *g, const EvlRenderOptions *opts, GArray *events, char **plain_out)
{
  EvlDay lo = 0, hi = 0;
  for (guint i = 0; i < events->len; i++)
    {
      const EvlGraphEvent *ev = evl_graph_get_event (g, g_array_index (events, guint, i));
      if (!ev->time.known || ev->time.begin == 0)
        continue;
      if (lo == 0 || ev->time.begin < lo)
        lo = ev->time.begin;
      if (ev->time.end > hi)
        hi = ev->time.end;
    }
  int y1 = 0, y2 = 0;
  evl_day_to_ymd (lo, &y1, NULL, NULL);
  evl_day_to_ymd (hi, &y2, NULL, NULL);
  const char *title = opts->title ? opts->title : "Story timeline";
  g_autofree char *range = lo ? (y1 == y2 ? g_strdup_printf ("%d", y1) : g_strdup_printf ("%d\xe2\x80\x93%d", y1, y2))
                              : g_strdup ("no dates");
  g_autofree char *sub = g_strdup_printf ("%u event%s from %u document%s \xc2\xb7 %s",
                                          events->len, events->len == 1 ? "" : "s",
                                          evl_graph_n_documents (g), evl_graph_n_documents (g) == 1 ? "" : "s",
                                          range);
  g_autofree char *t = g_markup_escape_text (title, -1);
  g_autofree char *st = g_markup_escape_text (sub, -1);
  *plain_out = g_strdup_printf ("%s: %s", title, sub);
  return g_strdup_printf ("<FONT POINT-SIZE=\"15\"><B>%s</B></FONT><BR/><FONT POINT-SIZE=\"9\" COLOR=\"#444444\">%s</FONT>",
                          t, st);
}

gboolean
evl_render_timeline (const EvlGraph *g, const EvlRenderOptions *opts, GOutputStream *out,
                     GError **error)
{
  g_autoptr (GArray) events = evl_render_select (g, opts);
  /* Rows go by date; the graph's timeline order breaks ties. */
  g_autofree guint *pos = g_new0 (guint, evl_graph_n_events (g) + 1);
  for (guint i = 0; i < events->len; i++)
    pos[g_array_index (events, guint, i)] = i;
  SortCtx sc = { g, pos };
  g_array_sort_with_data (events, cmp_rows, &sc);
  g_autoptr (GPtrArray) lanes = evl_render_lanes (g, events);
  guint n_lanes = MAX (lanes->len, 1u);
  double width = (opts->width_in > 0 ? opts->width_in : 8.27) * 72.0 - 20.0;
  double lane_w = (width - AXIS_W) / n_lanes;
  double card_w = lane_w - CARD_GAP;
  guint wrap = (guint) MAX (12.0, (card_w - 10) / 5.6);

  Agraph_t *ag = evl_gv_open ("timeline");
  evl_gv_set (ag, "fontname", EVL_FONT);
  evl_gv_set (ag, "splines", "line");
  evl_gv_set (ag, "outputorder", "edgesfirst");
  evl_gv_set (ag, "pad", "0.25");
  evl_gv_set (ag, "bgcolor", "white");
  evl_gv_set (ag, "labelloc", "t");
  evl_gv_set (ag, "inputscale", "72");
  agattr (ag, AGNODE, (char *) "fontname", (char *) EVL_FONT);
  agattr (ag, AGNODE, (char *) "fontsize", (char *) "9");
  agattr (ag, AGEDGE, (char *) "arrowhead", (char *) "none");
  g_autofree char *plain_title = NULL;
  g_autofree char *title = title_html (g, opts, events, &plain_title);
  evl_gv_set_html (ag, "label", title);

  /* Lane headers. */
  double y = 0;
  for (guint l = 0; l < lanes->len; l++)
    {
      const EvlLaneColor *c = evl_render_lane_color (l);
      g_autofree char *name = g_markup_escape_text (lanes->pdata[l], -1);
      g_autofree char *html = g_strdup_printf ("<FONT POINT-SIZE=\"10\" COLOR=\"%s\"><B>%s</B></FONT>", c->stroke, name);
      g_autofree char *id = g_strdup_printf ("lane%u", l);
      text_node (ag, id, AXIS_W + lane_w * l + lane_w / 2, y, html);
    }
  y += 22;
  double axis_top = y;

  if (events->len == 0)
    text_node (ag, "empty", width / 2, y + 20,
               "<FONT POINT-SIZE=\"10\" COLOR=\"#666666\">No events to show for this selection.</FONT>");

  g_autofree double *lane_free = g_new0 (double, n_lanes);
  for (guint l = 0; l < n_lanes; l++)
    lane_free[l] = y;
  EvlDay prev_day = 0;
  double prev_y = y - 30;
  gboolean undated_started = FALSE;
  double group_bottom = y;
  guint tick = 0;
  for (guint i = 0; i < events->len;)
    {
      const EvlGraphEvent *first = evl_graph_get_event (g, g_array_index (events, guint, i));
      EvlDay day = event_day (first);
      guint j = i;
      while (j < events->len && event_day (evl_graph_get_event (g, g_array_index (events, guint, j))) == day)
        j++;
      /* Row position: after the previous row by a log-scaled gap, and
       * below every card already placed in the lanes this row uses. */
      double row = prev_y + 30;
      if (day && prev_day)
        {
          double gap = (double) (day - prev_day);
          row = prev_y + 24 + 9 * log10 (1 + gap);
          if (gap > 730)
            {
              int y1, y2;
              evl_day_to_ymd (prev_day, &y1, NULL, NULL);
              evl_day_to_ymd (day, &y2, NULL, NULL);
              g_autofree char *id = g_strdup_printf ("break%u", tick);
              g_autofree char *html = g_strdup_printf (
                  "<FONT POINT-SIZE=\"8\" COLOR=\"#888888\">\xe2\x89\x88 %d years</FONT>", y2 - y1);
              double mid = MAX (row, prev_y + 34);
              for (guint l = 0; l < n_lanes; l++)
                mid = MAX (mid, lane_free[l] + 4);
              text_node (ag, id, AXIS_W / 2 - 4, mid - 12, html);
              row = mid + 8;
            }
        }
      if (!day && !undated_started)
        {
          undated_started = TRUE;
          double mid = prev_y + 34;
          for (guint l = 0; l < n_lanes; l++)
            mid = MAX (mid, lane_free[l] + 10);
          text_node (ag, "undated-head", AXIS_W / 2, mid,
                     "<FONT POINT-SIZE=\"8.5\" COLOR=\"#555555\"><B>Undated</B><BR/>order from<BR/>relations</FONT>");
          row = mid;
        }
      /* Below every card of the previous row, in any lane: a later date
       * never sits higher than an earlier one. */
      row = MAX (row, group_bottom);
      if (day)
        {
          /* The row's label: an exactly dated event's date if it has one. */
          for (guint k = i; k < j; k++)
            {
              const EvlGraphEvent *ev = evl_graph_get_event (g, g_array_index (events, guint, k));
              if (ev->time.known && ev->time.begin)
                {
                  first = ev;
                  break;
                }
            }
          g_autofree char *label = evl_render_date_label (first);
          g_autofree char *esc = g_markup_escape_text (label, -1);
          g_autofree char *html = g_strdup_printf ("<FONT POINT-SIZE=\"8.5\"><B>%s</B></FONT>", esc);
          g_autofree char *id = g_strdup_printf ("tick%u", tick);
          text_node (ag, id, AXIS_W / 2 - 6, row + 10, html);
          g_autofree char *dot_id = g_strdup_printf ("tickdot%u", tick);
          Agnode_t *dot = evl_gv_node (ag, dot_id);
          evl_gv_set (dot, "shape", "circle");
          evl_gv_set (dot, "style", "filled");
          evl_gv_set (dot, "fillcolor", "#333333");
          evl_gv_set (dot, "color", "#333333");
          evl_gv_set (dot, "width", "0.07");
          evl_gv_set (dot, "fixedsize", "true");
          evl_gv_set (dot, "label", "");
          pin (dot, AXIS_W - 8, row + 10);
        }
      tick++;
      for (guint k = i; k < j; k++)
        {
          guint idx = g_array_index (events, guint, k);
          const EvlGraphEvent *ev = evl_graph_get_event (g, idx);
          guint lane = evl_render_lane_of (g, ev, lanes);
          guint lines;
          g_autofree char *html = card_label (ev, wrap, &lines);
          double h = lines * LINE_H + 16;
          double top = MAX (row, lane_free[lane]);
          Agnode_t *n = evl_gv_node (ag, ev->id);
          const EvlLaneColor *c = evl_render_lane_color (lane);
          gboolean neg = ev->polarity == EVL_POLARITY_NEG;
          gboolean hedged = !neg && (ev->modality || (ev->flags & EVL_EVENT_FLAG_HEDGED));
          evl_gv_set (n, "shape", "box");
          evl_gv_set (n, "style", hedged ? "rounded,filled,dashed" : "rounded,filled");
          evl_gv_set (n, "fillcolor", neg ? "#f2f2f2" : c->fill);
          evl_gv_set (n, "color", neg ? "#9a9a9a" : c->stroke);
          evl_gv_set (n, "fontcolor", neg ? "#666666" : "#111111");
          evl_gv_set (n, "penwidth", ev->n_sources > 1 ? "1.6" : "1");
          evl_gv_setf (n, "width", "%.2f", card_w / 72.0);
          evl_gv_setf (n, "height", "%.2f", h / 72.0);
          evl_gv_set (n, "fixedsize", "true");
          evl_gv_set (n, "margin", "0.04,0.02");
          evl_gv_set_html (n, "label", html);
          evl_gv_set (n, "tooltip", ev->summary ? ev->summary : "");
          pin (n, AXIS_W + lane_w * lane + lane_w / 2, top + h / 2);
          lane_free[lane] = top + h + CARD_GAP;
          group_bottom = MAX (group_bottom, lane_free[lane]);
        }
      prev_y = row;
      prev_day = day ? day : prev_day;
      i = j;
    }

  double bottom = axis_top + 10;
  for (guint l = 0; l < n_lanes; l++)
    bottom = MAX (bottom, lane_free[l]);
  Agnode_t *top_n = evl_gv_node (ag, "axis-top");
  Agnode_t *bot_n = evl_gv_node (ag, "axis-bottom");
  for (Agnode_t *n = top_n; n; n = n == top_n ? bot_n : NULL)
    {
      evl_gv_set (n, "shape", "point");
      evl_gv_set (n, "width", "0.01");
      evl_gv_set (n, "label", "");
    }
  pin (top_n, AXIS_W - 8, axis_top);
  pin (bot_n, AXIS_W - 8, bottom);
  Agedge_t *axis = evl_gv_edge (ag, top_n, bot_n, "axis");
  evl_gv_set (axis, "color", "#555555");
  evl_gv_set (axis, "penwidth", "1.5");
  evl_gv_set (axis, "arrowhead", "normal");
  evl_gv_set (axis, "arrowsize", "0.6");

  g_autofree char *legend = legend_html (g, lanes);
  text_node (ag, "legend", width / 2, bottom + 34, legend);

  g_autofree char *desc = g_strdup_printf ("Timeline with %u lanes: %s.", lanes->len,
                                           lanes->len ? (const char *) lanes->pdata[0] : "none");
  g_autoptr (GBytes) bytes = evl_gv_render (ag, "neato", opts, plain_title, desc, error);
  agclose (ag);
  if (bytes == NULL)
    return FALSE;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return g_output_stream_write_all (out, data, len, NULL, NULL, error);
}
