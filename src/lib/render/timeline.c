/* Timeline diagram: a pinned ("nop") Graphviz layout.  x is time on an
 * axis broken where a long gap would waste space; inside a segment the
 * scale blends linear time with the density of the events, so a busy few
 * weeks get the room their boxes need instead of a sliver of a long span.
 * y is one lane per story thread, with sub-rows so boxes never overlap.
 * Each event is a box above a time mark (a dot for a day, a bar for a
 * vague span); a box pushed aside by its neighbours keeps a leader line to
 * its mark, so the marks stay exactly at their dates.  Bars that would
 * collide stack in thin lines under their row, so a long span ('since
 * 1947') never claims a row of boxes for itself. */
#include "render-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BOX_W 112.0
#define BOX_H 58.0
#define ROW_H 80.0
/* Spacing of the stacked span bars (5 pt thick) under a row. */
#define BAR_STEP 8.0
#define LEFT 92.0
#define BREAK_W 22.0
#define MORE_COLOR "#8A8A8A"

/* The styles a drawing can use, each explained by the legend only when
 * some box or mark of the drawing has it: a key to styles not drawn sends
 * the reader looking for them. */
enum {
  KEY_ASSERTED = 1 << 0, KEY_NEGATED = 1 << 1, KEY_HEDGED = 1 << 2, KEY_FAILED = 1 << 3,
  KEY_SOURCES = 1 << 4, KEY_DAY = 1 << 5, KEY_SPAN = 1 << 6, KEY_PLACED = 1 << 7,
  KEY_BREAK = 1 << 8, KEY_PLANNED = 1 << 9,
};
/* A cell is shown when the drawing has all of @key and none of @unless. */
static const struct {
  guint key, unless;
  const char *attrs, *html;
} legend_keys[] = {
  { KEY_ASSERTED, 0, "", "solid box: asserted event" },
  { KEY_NEGATED, 0, " COLOR=\"#777777\"", "<S>grey, dashed</S> NOT: negated (did not happen)" },
  { KEY_HEDGED, 0, "", "<I>dashed, italic: hedged (may, reportedly)</I>" },
  { KEY_FAILED, 0, " COLOR=\"#C0392B\"", "<B>✗ FAILED</B>: failed outcome" },
  { KEY_SOURCES, 0, "", "×N: reported by N sources" },
  { KEY_DAY | KEY_SPAN, 0, "", "● exact day  ▬ vague date span" },
  { KEY_DAY, KEY_SPAN, "", "● exact day" },
  { KEY_SPAN, KEY_DAY, "", "▬ vague date span" },
  { KEY_PLACED, 0, "", "◆ dotted: undated, placed by relation" },
  { KEY_BREAK, 0, "", "//: break in the time axis" },
};
#define MAX_POSTER_W (24 * 72.0)
/* Share of a segment's width spread by event density rather than time. */
#define WARP 0.75
/* Smoothing of that density, as a fraction of the segment's span: the
 * scale then changes gradually, so the axis reads like a map's inset. */
#define WARP_SMOOTH (1.0 / 80)
#define BOX_GAP 6.0
/* How far a box may sit beside its mark before it takes a new row. */
#define MAX_SHIFT (1.25 * BOX_W)
#define TICK_GAP 36.0
/* Lanes taller than this many page widths make the default page wider. */
#define TALL 1.4

typedef struct {
  guint ev;
  gint period;          /* summary mark of periods[period]; -1 = an event */
  EvlDay b, e;          /* 0 = undated and unplaced */
  gboolean placed;      /* date inferred from a relation */
  guint lane, row, seg;
  guint bar_line;       /* 0: the row's mark line; k: k steps below it */
  double ry;            /* top of its row, from the top of its lane */
  double x, x0, x1;     /* mark centre, span ends */
  double bx;            /* box centre */
  double ax;            /* where its leader meets a bar below line 0 */
} Item;

typedef struct {
  EvlDay b, e;          /* visible days */
  double x0, x1;        /* pixels */
  guint n;
  gboolean undated;
  gboolean padded;      /* widened by 3 days each side (a short span) */
  Item *const *items;   /* its n items, in date order */
  double h;             /* density smoothing, days */
  double m0, m1;        /* density mass before b and up to e + 1 */
} Seg;

/* Smooth (C1) step from 0 at @lo to 1 at @hi. */
static double
smooth_step (double d, double lo, double hi)
{
  if (d <= lo)
    return 0;
  if (d >= hi)
    return 1;
  double t = (d - lo) / (hi - lo);
  return t * t * (3 - 2 * t);
}

/* Density mass of the segment's items before @day: each item's weight is
 * spread over its span widened by the smoothing. */
static double
seg_mass (const Seg *s, double day)
{
  double m = 0;
  for (guint k = 0; k < s->n; k++)
    {
      const Item *it = s->items[k];
      double b = (double) it->b, e = it->e > it->b ? (double) it->e + 1 : b;
      m += smooth_step (day, b - s->h, e + s->h);
    }
  return m;
}

/* Increasing in @day, so the axis keeps time's order: a tick, a mark and
 * a span bar go through the same mapping. */
static double
seg_x (const Seg *s, double day)
{
  if (s->undated || s->e <= s->b)
    return (s->x0 + s->x1) / 2;
  double pad = MIN (BOX_W / 2, (s->x1 - s->x0) / 4);
  double u = (day - s->b) / (double) (s->e + 1 - s->b);
  if (s->m1 > s->m0)
    u = (1 - WARP) * u + WARP * (seg_mass (s, day) - s->m0) / (s->m1 - s->m0);
  return s->x0 + pad + u * (s->x1 - s->x0 - 2 * pad);
}

static int
cmp_item (gconstpointer a, gconstpointer b)
{
  const Item *x = a, *y = b;
  if ((x->b == 0) != (y->b == 0))
    return x->b == 0 ? 1 : -1;
  if (x->b != y->b)
    return x->b < y->b ? -1 : 1;
  return x->ev < y->ev ? -1 : (x->ev > y->ev);
}

static void
pin (Agnode_t *n, double x, double y)
{
  char buf[80], xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
  g_snprintf (buf, sizeof buf, "%s,%s!", g_ascii_formatd (xs, sizeof xs, "%.1f", x),
              g_ascii_formatd (ys, sizeof ys, "%.1f", -y));
  evl_gv_set (n, "pos", buf);
}

static void
size_in (Agnode_t *n, double w_pt, double h_pt)
{
  char b[G_ASCII_DTOSTR_BUF_SIZE];
  evl_gv_set (n, "width", g_ascii_formatd (b, sizeof b, "%.3f", w_pt / 72.0));
  evl_gv_set (n, "height", g_ascii_formatd (b, sizeof b, "%.3f", h_pt / 72.0));
  evl_gv_set (n, "fixedsize", "true");
}

static Agnode_t *
rect (EvlGv *gv, const char *name, double cx, double cy, double w, double h, const char *fill)
{
  Agnode_t *n = evl_gv_node (gv, name);
  evl_gv_set (n, "shape", "box");
  evl_gv_set (n, "style", "filled");
  evl_gv_set (n, "penwidth", "0");
  evl_gv_set (n, "fillcolor", fill);
  evl_gv_set (n, "label", "");
  size_in (n, w, h);
  pin (n, cx, cy);
  return n;
}

static Agnode_t *
text (EvlGv *gv, const char *name, double cx, double cy, const char *html)
{
  Agnode_t *n = evl_gv_node (gv, name);
  evl_gv_set (n, "shape", "plaintext");
  evl_gv_set (n, "margin", "0");
  evl_gv_set_html (gv, n, "label", html);
  pin (n, cx, cy);
  return n;
}

/* Dates from relations for undated events: just before/after, or within,
 * a dated neighbour among the kept events. */
static void
place_undated (const EvlGraph *g, Item *items, guint n, GHashTable *index)
{
  for (guint pass = 0; pass < 3; pass++)
    for (guint r = 0; r < evl_graph_n_relations (g); r++)
      {
        const EvlGraphRelation *rel = evl_graph_get_relation (g, r);
        gpointer pf, pt;
        if (!g_hash_table_lookup_extended (index, GUINT_TO_POINTER (rel->from), NULL, &pf)
            || !g_hash_table_lookup_extended (index, GUINT_TO_POINTER (rel->to), NULL, &pt))
          continue;
        Item *a = &items[GPOINTER_TO_UINT (pf)], *b = &items[GPOINTER_TO_UINT (pt)];
        Item *undated = a->b == 0 ? a : (b->b == 0 ? b : NULL);
        Item *anchor = undated == a ? b : a;
        if (undated == NULL || anchor->b == 0)
          continue;
        undated->b = undated->e = anchor->b;
        undated->placed = TRUE;
      }
  (void) n;
}

static char *
event_label (const EvlGraph *g, const EvlGraphEvent *e, const Item *it, const char *border)
{
  GString *s = g_string_new ("<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
  gboolean neg = e->polarity == EVL_POLARITY_NEG;
  gboolean hedged = e->modality != NULL || (e->flags & EVL_EVENT_FLAG_HEDGED);
  gboolean planned = !neg && (e->flags & EVL_EVENT_FLAG_PLANNED);
  g_autofree char *date = evl_render_event_date (e);
  g_string_append (s, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"7\" COLOR=\"#555555\">");
  if (it->placed)
    g_string_append (s, "placed by relation");
  else
    evl_render_escape (s, date);
  g_string_append (s, "</FONT></TD><TD ALIGN=\"RIGHT\">");
  if (e->n_sources > 1)
    g_string_append_printf (s, "<FONT POINT-SIZE=\"8\" COLOR=\"%s\"><B>×%u</B></FONT>", border, e->n_sources);
  g_string_append (s, "</TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
  g_string_append_printf (s, "<FONT POINT-SIZE=\"8\"%s>", neg ? " COLOR=\"#777777\"" : "");
  if (neg) g_string_append (s, "<S>");
  if (hedged) g_string_append (s, "<I>");
  evl_render_wrapped (s, e->summary ? e->summary : (e->trigger ? e->trigger : e->id), 20, 3);
  if (hedged) g_string_append (s, "</I>");
  if (neg) g_string_append (s, "</S>");
  g_string_append (s, "</FONT></TD></TR>");
  GString *tags = g_string_new (NULL);
  if (e->flags & EVL_EVENT_FLAG_FAILED)
    g_string_append (tags, "<FONT COLOR=\"#C0392B\"><B>✗ FAILED</B></FONT> ");
  if (neg)
    g_string_append (tags, "<FONT COLOR=\"#777777\"><B>NOT</B> (negated)</FONT> ");
  if (planned)
    g_string_append (tags, "<FONT COLOR=\"#555555\"><B>PLANNED</B></FONT> ");
  if (hedged)
    {
      g_string_append (tags, "<FONT COLOR=\"#555555\"><I>hedged: ");
      evl_render_escape (tags, e->modality ? e->modality : "reportedly");
      g_string_append (tags, "</I></FONT>");
    }
  if (tags->len)
    g_string_append_printf (s, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"7\">%s</FONT></TD></TR>", tags->str);
  g_string_free (tags, TRUE);
  g_string_append (s, "</TABLE>");
  (void) g;
  return g_string_free (s, FALSE);
}

/* The coarsest tick level @day is on: 0-3 years (every 100, 10, 5, 1),
 * 4 quarters, 5 months, 6 the 15th, 7 the 8th and 22nd, 8 any day. */
static guint
tick_level (int y, int m, int d)
{
  if (m == 1 && d == 1)
    return y % 100 == 0 ? 0 : y % 10 == 0 ? 1 : y % 5 == 0 ? 2 : 3;
  if (d == 1)
    return (m - 1) % 3 == 0 ? 4 : 5;
  return d == 15 ? 6 : (d == 8 || d == 22) ? 7 : 8;
}

#define N_TICK_LEVELS 9

/* Ticks at calendar dates through the segment's own mapping, coarse levels
 * first and each kept only TICK_GAP from every other: where the scale is
 * spread, the ticks get finer (days), where it is compressed, coarser. */
static void
draw_ticks (EvlGv *gv, const Seg *s, guint si, double y)
{
  static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  EvlDay end = s->e + 1;
  /* Candidates: any day on short spans, first days of months on longer
   * ones, New Year's Days on centuries; bucketed by level. */
  EvlDay span = end - s->b;
  GArray *cand[N_TICK_LEVELS];
  for (guint l = 0; l < N_TICK_LEVELS; l++)
    cand[l] = g_array_new (FALSE, FALSE, sizeof (EvlDay));
  int y0, m0, d0;
  evl_day_to_ymd (s->b, &y0, &m0, &d0);
  if (span > 20000)
    for (int yy = y0 + (m0 > 1 || d0 > 1); yy <= 9999; yy++)
      {
        EvlDay day = evl_day_from_ymd (yy, 1, 1);
        if (day == 0 || day > end)
          break;
        g_array_append_val (cand[tick_level (yy, 1, 1)], day);
      }
  else if (span > 3000)
    for (int mi = (y0 * 12 + m0 - 1) + (d0 > 1); ; mi++)
      {
        int yy = mi / 12, mm = mi % 12 + 1;
        EvlDay day = yy <= 9999 ? evl_day_from_ymd (yy, mm, 1) : 0;
        if (day == 0 || day > end)
          break;
        g_array_append_val (cand[tick_level (yy, mm, 1)], day);
      }
  else
    for (EvlDay day = s->b; day <= end; day++)
      {
        int yy, mm, dd;
        evl_day_to_ymd (day, &yy, &mm, &dd);
        g_array_append_val (cand[tick_level (yy, mm, dd)], day);
      }
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (double));
  guint k = 0;
  for (guint l = 0; l < N_TICK_LEVELS; l++)
    for (guint c = 0; c < cand[l]->len; c++)
      {
        EvlDay day = g_array_index (cand[l], EvlDay, c);
        double x = seg_x (s, day);
        if (x < s->x0 || x > s->x1)
          continue;
        gboolean room = TRUE;
        for (guint j = 0; j < kept->len && room; j++)
          room = fabs (g_array_index (kept, double, j) - x) >= TICK_GAP;
        if (!room)
          continue;
        g_array_append_val (kept, x);
        int yy, mm, dd;
        evl_day_to_ymd (day, &yy, &mm, &dd);
        char lab[32];
        if (l <= 3)
          g_snprintf (lab, sizeof lab, "%d", yy);
        else if (l <= 5)
          g_snprintf (lab, sizeof lab, "%s", mon[mm - 1]);
        else
          g_snprintf (lab, sizeof lab, "%d %s", dd, mon[mm - 1]);
        g_autofree char *tn = g_strdup_printf ("tick%u_%u", si, k);
        rect (gv, tn, x, y + 3, 1, 6, "#444444");
        g_autofree char *ln = g_strdup_printf ("ticklabel%u_%u", si, k++);
        GString *h = g_string_new ("<FONT POINT-SIZE=\"7\" COLOR=\"#333333\">");
        evl_render_escape (h, lab);
        g_string_append (h, "</FONT>");
        text (gv, ln, x, y + 13, h->str);
        g_string_free (h, TRUE);
      }
  for (guint l = 0; l < N_TICK_LEVELS; l++)
    g_array_unref (cand[l]);
}

/* "100,000": digits grouped by thousands, whatever the locale. */
static char *
format_count (guint v)
{
  g_autofree char *digits = g_strdup_printf ("%u", v);
  GString *s = g_string_new (NULL);
  gsize len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

/* The time mark of @it (a bar for a span, else a @dot_shape) and its box,
 * pinned in its row of the lane at @lane_top, with a leader line when the
 * box sits aside from its mark; the caller styles the box. */
static Agnode_t *
item_box (EvlGv *gv, const Item *it, double lane_top, const char *mark_name,
          const char *box_name, const char *color, const char *dot_shape)
{
  double top = lane_top + it->ry + 4;
  /* low enough under the box for a leader to slope visibly */
  double my = top + BOX_H + 12 + it->bar_line * BAR_STEP;
  Agnode_t *mn;
  if (it->x1 - it->x0 > 3)
    mn = rect (gv, mark_name, it->x, my, it->x1 - it->x0, 5, color);
  else
    {
      mn = rect (gv, mark_name, it->x, my, 7, 7, color);
      evl_gv_set (mn, "shape", dot_shape);
    }
  Agnode_t *bn = evl_gv_node (gv, box_name);
  evl_gv_set (bn, "shape", "box");
  size_in (bn, BOX_W, BOX_H);
  pin (bn, it->bx, top + BOX_H / 2);
  double ax = it->bar_line > 0 ? it->ax : it->x;
  if (fabs (it->bx - ax) > 1)
    {
      Agnode_t *head = mn;
      if (ax != it->x)
        {
          /* an invisible point on the bar's top edge, off the centre the
           * edge would aim at */
          g_autofree char *an = g_strdup_printf ("%s_at", mark_name);
          head = evl_gv_node (gv, an);
          evl_gv_set (head, "shape", "point");
          evl_gv_set (head, "style", "invis");
          evl_gv_set (head, "width", "0.01");
          pin (head, ax, my - 2.5);
        }
      Agedge_t *le = evl_gv_edge (gv, bn, head);
      evl_gv_set (le, "dir", "none");
      evl_gv_set (le, "color", color);
      evl_gv_set (le, "penwidth", "0.8");
      evl_gv_set (le, "tailport", "s");
    }
  evl_gv_set (bn, "margin", "0.04,0.02");
  return bn;
}

/* A summary mark: the span bar of a period's hidden events and a grey,
 * dashed box "+N more events / PERIOD / e.g. <the most reported one>". */
static void
draw_summary (EvlGv *gv, const EvlGraph *g, const EvlRenderPeriod *rp, const Item *it,
              double lane_top)
{
  guint p = (guint) it->period;
  g_autofree char *mn = g_strdup_printf ("moremark%u", p);
  g_autofree char *bname = g_strdup_printf ("more%u", p);
  Agnode_t *bn = item_box (gv, it, lane_top, mn, bname, MORE_COLOR, "circle");
  evl_gv_set (bn, "style", "rounded,filled,dashed");
  evl_gv_set (bn, "fillcolor", "#F7F7F7");
  evl_gv_set (bn, "color", MORE_COLOR);
  evl_gv_set (bn, "penwidth", "1.2");
  const EvlGraphEvent *best = rp->top != G_MAXUINT ? evl_graph_get_event (g, rp->top) : NULL;
  const char *example = best ? (best->summary ? best->summary : best->trigger) : NULL;
  g_autofree char *count = format_count (rp->hidden);
  GString *s = g_string_new ("<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
  g_string_append_printf (s, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"#444444\"><B>+%s more event%s</B></FONT></TD></TR>"
                          "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"7\" COLOR=\"#555555\">",
                          count, rp->hidden == 1 ? "" : "s");
  evl_render_escape (s, rp->label);
  g_string_append (s, "</FONT></TD></TR>");
  if (example)
    {
      g_string_append (s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"7\" COLOR=\"#666666\"><I>e.g. ");
      evl_render_wrapped (s, example, 22, 2);
      g_string_append (s, "</I></FONT></TD></TR>");
    }
  g_string_append (s, "</TABLE>");
  evl_gv_set_html (gv, bn, "label", s->str);
  g_string_printf (s, "+%s more events, %s", count, rp->label);
  if (example)
    g_string_append_printf (s, "; most reported: %s", example);
  g_auto (GStrv) parts = g_strsplit (s->str, "\\", -1);
  g_autofree char *tip = g_strjoinv ("\\\\", parts);
  evl_gv_set_svg_only (gv, bn, "tooltip", tip);
  g_string_free (s, TRUE);
}

static void pack_rows (Item **items, guint n, double lo, double hi, double *lane_h);

/* The caption under a segment of the axis: "May 2023", "undated". */
static char *
seg_caption (const Seg *sg)
{
  if (sg->undated)
    return g_strdup ("undated");
  /* (as before the aggregation: only a padded one-day span is shown
   * unpadded; a padded 2-6 day span still shows the padding) */
  guint unpad = sg->padded && sg->e - sg->b < 7 ? 3 : 0;
  return evl_render_format_range (sg->b + unpad, sg->e - unpad);
}

/* Lays out the @segs over a page @W wide: segment extents, the marks of
 * the @n @sorted items, their boxes packed into rows (@lane_h: the height
 * of each lane).  Returns the right edge of the drawing. */
static double
place (GArray *segs, Item **sorted, guint n, double W, double *lane_h, guint nl_all)
{
  guint ns = segs->len;
  double avail = W - LEFT - 12 - (ns ? (ns - 1) * BREAK_W : 0);
  /* A segment's width is its share of the events, and at least its
   * caption's (9-point bold, ~6 pt a character), not a box's: the boxes
   * are placed over the whole axis.  Segments held at their least width
   * leave the rest to share among the others, so the axis fits the page
   * when the least widths do (a story of five periods, each a box wide,
   * overran an A4 page by a third and was shrunk to 0.7, its 8-point text
   * to 5.6). */
  g_autofree double *least = g_new (double, MAX (ns, 1));
  g_autofree gboolean *held = g_new0 (gboolean, MAX (ns, 1));
  for (guint s = 0; s < ns; s++)
    {
      g_autofree char *cap = seg_caption (&g_array_index (segs, Seg, s));
      least[s] = MAX (BOX_W / 2, 6.0 * g_utf8_strlen (cap, -1) + 6);
    }
  double share = 0;
  for (gboolean again = TRUE; again;)
    {
      double rest = avail;
      guint total = 0;
      for (guint s = 0; s < ns; s++)
        if (held[s])
          rest -= least[s];
        else
          total += g_array_index (segs, Seg, s).n + 1;
      share = total ? MAX (rest, 0) / total : 0;
      again = FALSE;
      for (guint s = 0; s < ns; s++)
        if (!held[s] && share * (g_array_index (segs, Seg, s).n + 1) < least[s])
          held[s] = again = TRUE;
    }
  double x = LEFT + 6;
  for (guint s = 0; s < ns; s++)
    {
      Seg *sg = &g_array_index (segs, Seg, s);
      double w = held[s] ? least[s] : share * (sg->n + 1);
      sg->x0 = x;
      sg->x1 = x + w;
      x += w + BREAK_W;
    }
  double right = MAX (W - 6, x - BREAK_W);
  for (guint k = 0; k < n; k++)
    {
      Item *it = sorted[k];
      const Seg *sg = &g_array_index (segs, Seg, it->seg);
      it->x0 = seg_x (sg, it->b);
      it->x1 = it->e > it->b ? seg_x (sg, it->e + 1) : it->x0;
      it->x = (it->x0 + it->x1) / 2;
    }
  for (guint l = 0; l < nl_all; l++)
    lane_h[l] = ROW_H;
  pack_rows (sorted, n, LEFT + 6 + BOX_W / 2, right - BOX_W / 2, lane_h);
  return right;
}

static double
lanes_height (const double *lane_h, guint nl_all)
{
  double h = 0;
  for (guint l = 0; l < nl_all; l++)
    h += lane_h[l];
  return h;
}

static int
cmp_lane_x (const void *a, const void *b)
{
  const Item *x = *(Item *const *) a, *y = *(Item *const *) b;
  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  if (x->x != y->x)
    return x->x < y->x ? -1 : 1;
  return cmp_item (x, y);
}

typedef struct {
  GArray *items;        /* Item *, in x order */
  double mark_end;      /* right end of its marks */
  double last_lo, last_hi; /* its last mark */
} Row;

/* Least-squares non-overlapping centres @pos for @n boxes (in order)
 * wanting centres @want, within [@lo, @hi]: boxes that would overlap merge
 * into a block centred on the mean of what its boxes want, so a cluster of
 * same-day boxes fans out around its day.  Returns the largest distance
 * of a box from where it wants to be. */
static double
relax_row (const double *want, double *pos, guint n, double lo, double hi)
{
  const double P = BOX_W + BOX_GAP;
  g_autofree guint *start = g_new (guint, MAX (n, 1));
  g_autofree double *sum = g_new (double, MAX (n, 1)), *bpos = g_new (double, MAX (n, 1));
  guint nb = 0;
  for (guint i = 0; i < n; i++)
    {
      start[nb] = i;
      sum[nb] = bpos[nb] = CLAMP (want[i], lo, hi);
      nb++;
      while (nb > 1)
        {
          guint cnt = i + 1 - start[nb - 1], pcnt = start[nb - 1] - start[nb - 2];
          if (bpos[nb - 2] + pcnt * P <= bpos[nb - 1] + 1e-6)
            break;
          sum[nb - 2] += sum[nb - 1] - (double) cnt * pcnt * P;
          nb--;
          guint all = i + 1 - start[nb - 1];
          bpos[nb - 1] = CLAMP (sum[nb - 1] / all, lo, hi - (all - 1) * P);
        }
    }
  double worst = 0;
  for (guint b = 0; b < nb; b++)
    {
      guint end = b + 1 < nb ? start[b + 1] : n;
      for (guint i = start[b]; i < end; i++)
        {
          pos[i] = bpos[b] + (i - start[b]) * P;
          worst = MAX (worst, fabs (pos[i] - want[i]));
        }
    }
  return worst;
}

/* Centres of the boxes of @row, and how far the farthest is from its mark. */
static double
relax_items (GArray *row, double lo, double hi, double *want, double *pos)
{
  for (guint i = 0; i < row->len; i++)
    want[i] = g_array_index (row, Item *, i)->x;
  return relax_row (want, pos, row->len, lo, hi);
}

typedef struct {
  GArray *rows, *bars;
  double *want, *pos;
} PackTmp;

static gboolean
is_dot (const Item *it)
{
  return it->x1 - it->x0 <= 3;
}

static int
cmp_bar (const void *a, const void *b)
{
  const Item *x = *(Item *const *) a, *y = *(Item *const *) b;
  if (x->x0 != y->x0)
    return x->x0 < y->x0 ? -1 : 1;
  if (x->x1 != y->x1)
    return x->x1 < y->x1 ? -1 : 1;
  return cmp_item (x, y);
}

static int
cmp_bar_length (const void *a, const void *b)
{
  const Item *x = *(Item *const *) a, *y = *(Item *const *) b;
  double lx = x->x1 - x->x0, ly = y->x1 - y->x0;
  if (lx != ly)
    return lx < ly ? -1 : 1;
  return cmp_bar (a, b);
}

/* Whether @it may go on line @l: clear (by 3 pt) of the first @k @bars
 * there and, on the mark line itself, of the row's dots (of @items); bars
 * of the same span may share, as same-day dots do. */
static gboolean
bar_fits (const Item *it, guint l, GArray *items, GArray *bars, guint k)
{
  for (guint j = 0; j < k; j++)
    {
      const Item *o = g_array_index (bars, Item *, j);
      if (o->bar_line == l && it->x0 < o->x1 + 3 && o->x0 < it->x1 + 3
          && !(it->x0 == o->x0 && it->x1 == o->x1))
        return FALSE;
    }
  for (guint i = 0; l == 0 && i < items->len; i++)
    {
      const Item *d = g_array_index (items, Item *, i);
      if (is_dot (d) && it->x0 < d->x + 7 && it->x1 > d->x - 7)
        return FALSE;
    }
  return TRUE;
}

/* Each of @bars, in that order, on the first line it fits; returns the
 * number of lines. */
static guint
first_fit (GArray *items, GArray *bars)
{
  guint lines = 1;
  for (guint k = 0; k < bars->len; k++)
    {
      Item *it = g_array_index (bars, Item *, k);
      guint l = 0;
      while (!bar_fits (it, l, items, bars, k))
        l++;
      it->bar_line = l;
      lines = MAX (lines, l + 1);
    }
  return lines;
}

/* Lines of the span bars of one row's @items: bars taken in order of
 * their left ends, first fit takes as few lines as their overlaps need;
 * shortest first puts the long bars lowest, so fewer leaders from the
 * boxes above cross a bar on their way down to their own: kept when it
 * takes no more lines.  Returns the number of lines. */
static guint
stack_bars (GArray *items, GArray *bars)
{
  g_array_set_size (bars, 0);
  for (guint i = 0; i < items->len; i++)
    {
      Item *it = g_array_index (items, Item *, i);
      it->bar_line = 0;
      if (!is_dot (it))
        g_array_append_val (bars, it);
    }
  if (bars->len < 2)
    return first_fit (items, bars);
  qsort (bars->data, bars->len, sizeof (Item *), cmp_bar_length);
  guint lines = first_fit (items, bars);
  qsort (bars->data, bars->len, sizeof (Item *), cmp_bar);
  guint by_left = first_fit (items, bars);
  if (by_left < lines)
    return by_left;
  qsort (bars->data, bars->len, sizeof (Item *), cmp_bar_length);
  return first_fit (items, bars);
}

/* Whether a leader from the bottom of a box centred at @bx down to @ax on
 * bar line @line crosses one of the @n @bars on a line above it. */
static gboolean
leader_crosses (Item *const *bars, guint n, double bx, double ax, guint line)
{
  for (guint j = 0; j < n; j++)
    {
      const Item *o = bars[j];
      if (o->bar_line >= line)
        continue;
      double t = (12 + o->bar_line * BAR_STEP) / (12 + line * BAR_STEP);
      double cx = bx + (ax - bx) * t;
      if (cx > o->x0 - 4 && cx < o->x1 + 4)
        return TRUE;
    }
  return FALSE;
}

/* Where the leader of each bar of a row below the mark line ends: its
 * centre unless the line from its box down to it would cut through a bar
 * above (the leader would seem to point at that bar), else the nearest
 * point of the bar that it reaches cleanly, if any. */
static void
place_leaders (GArray *bars)
{
  Item *const *b = (Item *const *) bars->data;
  for (guint k = 0; k < bars->len; k++)
    {
      Item *it = b[k];
      it->ax = it->x;
      if (it->bar_line == 0 || !leader_crosses (b, bars->len, it->bx, it->x, it->bar_line))
        continue;
      double lo = it->x0 + 3, hi = it->x1 - 3;
      for (guint step = 1; step <= 64; step++)
        {
          double d = (hi - lo) * step / 128.0;
          if (it->x + d <= hi && !leader_crosses (b, bars->len, it->bx, it->x + d, it->bar_line))
            {
              it->ax = it->x + d;
              break;
            }
          if (it->x - d >= lo && !leader_crosses (b, bars->len, it->bx, it->x - d, it->bar_line))
            {
              it->ax = it->x - d;
              break;
            }
        }
    }
}

/* Rows of one lane's @m @items (in x order), taken in that order or, if
 * @dots_first, the dots first and then the bars into the room left: a box
 * goes into the first row where, with the row's boxes spread apart around
 * their marks, none sits more than MAX_SHIFT from its mark, and where its
 * dot clears the row's dots (dots of the same date may share).  Span bars
 * do not decide the row: they stack under it (stack_bars()), a thin line
 * each where they would collide.  Boxes never overlap.  Sets row, ry,
 * bar_line and bx of the items; returns the height of the lane. */
static double
pack_lane (Item **items, guint m, gboolean dots_first, double lo, double hi, PackTmp *t)
{
  GArray *rows = t->rows;
  for (guint pass = 0; pass < 1u + dots_first; pass++)
    for (guint k = 0; k < m; k++)
      {
        Item *it = items[k];
        gboolean dot = is_dot (it);
        if (dots_first && dot != (pass == 0))
          continue;
        double mlo = it->x - 4, mhi = it->x + 4;
        guint r, at = 0;
        for (r = 0; r < rows->len; r++)
          {
            Row *w = &g_array_index (rows, Row, r);
            gboolean mark_ok = !dot || mlo >= w->mark_end + 3
                               || (mlo == w->last_lo && mhi == w->last_hi && w->mark_end <= mhi);
            if (!mark_ok || w->items->len * (BOX_W + BOX_GAP) > hi - lo)
              continue;
            /* the row stays in x order (bars may come after later dots) */
            for (at = w->items->len; at > 0 && cmp_lane_x (&g_array_index (w->items, Item *, at - 1), &it) > 0; at--)
              ;
            g_array_insert_val (w->items, at, it);
            if (relax_items (w->items, lo, hi, t->want, t->pos) <= MAX_SHIFT)
              break;
            g_array_remove_index (w->items, at);
          }
        if (r == rows->len)
          {
            Row w = { g_array_new (FALSE, FALSE, sizeof (Item *)), -G_MAXDOUBLE, 0, 0 };
            g_array_append_val (w.items, it);
            g_array_append_val (rows, w);
          }
        it->row = r;
        if (!dot)
          continue;
        Row *w = &g_array_index (rows, Row, r);
        w->mark_end = MAX (w->mark_end, mhi);
        w->last_lo = mlo;
        w->last_hi = mhi;
      }
  double ry = 0;
  for (guint r = 0; r < rows->len; r++)
    {
      GArray *row = g_array_index (rows, Row, r).items;
      relax_items (row, lo, hi, t->want, t->pos);
      guint lines = stack_bars (row, t->bars);
      for (guint i = 0; i < row->len; i++)
        {
          Item *it = g_array_index (row, Item *, i);
          it->bx = t->pos[i];
          it->ry = ry;
        }
      place_leaders (t->bars);
      ry += ROW_H + (lines - 1) * BAR_STEP;
      g_array_unref (row);
    }
  g_array_set_size (rows, 0);
  return MAX (ry, ROW_H);
}

/* Rows of each lane (pack_lane()), whichever of the two orders makes the
 * lane lower: in x order a long span's box comes early and may take room
 * that dots' boxes needed; taken last, spans may find no room and open
 * rows of their own.  Sets the height of each lane in @lane_h. */
static void
pack_rows (Item **items, guint n, double lo, double hi, double *lane_h)
{
  g_autofree Item **by = g_memdup2 (items, MAX (n, 1) * sizeof (Item *));
  qsort (by, n, sizeof (Item *), cmp_lane_x);
  g_autofree double *want = g_new (double, MAX (n, 1)), *pos = g_new (double, MAX (n, 1));
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr (GArray) bars = g_array_new (FALSE, FALSE, sizeof (Item *));
  PackTmp t = { rows, bars, want, pos };
  for (guint a = 0, z; a < n; a = z)
    {
      guint lane = by[a]->lane, spans = 0;
      for (z = a; z < n && by[z]->lane == lane; z++)
        spans += !is_dot (by[z]);
      double h = pack_lane (by + a, z - a, FALSE, lo, hi, &t);
      if (spans > 0 && spans < z - a)
        {
          double h2 = pack_lane (by + a, z - a, TRUE, lo, hi, &t);
          if (h2 < h)
            h = h2;
          else
            pack_lane (by + a, z - a, FALSE, lo, hi, &t);
        }
      lane_h[lane] = h;
    }
}

gboolean
evl_render_timeline (const EvlGraph *g, const EvlRenderOptions *opts,
                     const EvlRenderTarget *targets, guint n_targets, GError **error)
{
  g_autoptr (GArray) sel = evl_render_select (g, opts, error);
  if (sel == NULL)
    return FALSE;
  /* The subtitle counts every selected event; beyond max_events the
   * less-reported ones become one summary mark per period. */
  g_autofree char *subtitle = evl_render_subtitle (g, sel);
  guint n_selected = sel->len;
  EvlGrain grain = EVL_GRAIN_NONE;
  g_autoptr (GArray) periods = evl_render_aggregate (g, sel, opts->max_events ? opts->max_events
                                                                             : EVL_RENDER_MAX_EVENTS,
                                                     &grain);
  guint np = periods ? periods->len : 0;

  double W = (opts->width_in > 0 ? opts->width_in : 8.27) * 72.0;
  /* An aggregated timeline is a poster: unless a width was asked for, each
   * period gets room for one and a half boxes, so its events spread across
   * instead of stacking into a tall staircase, up to MAX_POSTER_W. */
  if (np && opts->width_in <= 0)
    W = MAX (W, MIN (LEFT + 12 + np * 1.5 * (BOX_W + 8), MAX_POSTER_W));
  guint n_ev = sel->len, n = n_ev + np;
  g_autofree Item *items = g_new0 (Item, MAX (n, 1));
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) lanes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) lane_weight = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint k = 0; k < n_ev; k++)
    {
      guint i = g_array_index (sel, guint, k);
      const EvlGraphEvent *e = evl_graph_get_event (g, i);
      items[k].ev = i;
      items[k].period = -1;
      if (e->time.known && e->time.begin)
        {
          items[k].b = e->time.begin;
          items[k].e = MAX (e->time.end, e->time.begin);
        }
      g_hash_table_insert (index, GUINT_TO_POINTER (i), GUINT_TO_POINTER (k));
      g_autofree char *th = evl_render_thread (e);
      guint l;
      for (l = 0; l < lanes->len; l++)
        if (strcmp (lanes->pdata[l], th) == 0)
          break;
      if (l == lanes->len)
        {
          g_ptr_array_add (lanes, g_steal_pointer (&th));
          g_array_set_size (lane_weight, lanes->len);
        }
      g_array_index (lane_weight, guint, l) += MAX (e->n_sources, 1u);
      items[k].lane = l;
    }
  place_undated (g, items, n_ev, index);
  /* Lanes ordered by how much they are reported, "Other" last; the
   * summary marks get a lane of their own below them all. */
  guint nl = lanes->len;
  guint nl_all = nl + (np > 0);
  for (guint p = 0; p < np; p++)
    {
      const EvlRenderPeriod *rp = &g_array_index (periods, EvlRenderPeriod, p);
      Item *it = &items[n_ev + p];
      it->ev = G_MAXUINT - np + p;
      it->period = (gint) p;
      it->b = rp->b;
      it->e = rp->e;
      it->lane = nl;
    }
  g_autofree guint *lane_pos = g_new0 (guint, MAX (nl_all, 1));
  if (np)
    lane_pos[nl] = nl;
  for (guint a = 0; a < nl; a++)
    for (guint b = 0; b < nl; b++)
      {
        guint wa = g_array_index (lane_weight, guint, a), wb = g_array_index (lane_weight, guint, b);
        gboolean oa = strcmp (lanes->pdata[a], "Other") == 0, ob = strcmp (lanes->pdata[b], "Other") == 0;
        if (b != a && (oa > ob || (oa == ob && (wb > wa || (wb == wa && b < a)))))
          lane_pos[a]++;
      }

  /* Segments. */
  g_autofree Item **sorted = g_new0 (Item *, MAX (n, 1));
  qsort (items, n, sizeof (Item), cmp_item);
  for (guint k = 0; k < n; k++)
    sorted[k] = &items[k];
  g_autoptr (GArray) segs = g_array_new (FALSE, TRUE, sizeof (Seg));
  for (guint k = 0; k < n; k++)
    {
      Item *it = sorted[k];
      Seg *last = segs->len ? &g_array_index (segs, Seg, segs->len - 1) : NULL;
      if (it->b == 0)
        {
          if (last == NULL || !last->undated)
            {
              Seg s = { 0, 0, 0, 0, 0, TRUE, FALSE, &sorted[k], 0, 0, 0 };
              g_array_append_val (segs, s);
              last = &g_array_index (segs, Seg, segs->len - 1);
            }
        }
      else
        {
          double gap = last ? (double) it->b - (double) last->e : 0;
          if (last == NULL || last->undated
              || (gap > 60 && gap > 0.5 * ((double) (last->e - last->b) + (it->e - it->b) + 2)))
            {
              Seg s = { it->b, it->e, 0, 0, 0, FALSE, FALSE, &sorted[k], 0, 0, 0 };
              g_array_append_val (segs, s);
              last = &g_array_index (segs, Seg, segs->len - 1);
            }
          last->e = MAX (last->e, it->e);
        }
      last->n++;
      it->seg = segs->len - 1;
    }
  guint ns = segs->len;
  for (guint s = 0; s < ns; s++)
    {
      Seg *sg = &g_array_index (segs, Seg, s);
      /* A short span gets room around it; an aggregated timeline's days
       * need all the width to keep their boxes apart. */
      if (!sg->undated && sg->e - sg->b < 6 && np == 0)
        {
          sg->b -= 3;
          sg->e += 3;
          sg->padded = TRUE;
        }
      if (!sg->undated)
        {
          sg->h = MAX (1.0, (sg->e + 1 - sg->b) * WARP_SMOOTH);
          sg->m0 = seg_mass (sg, sg->b);
          sg->m1 = seg_mass (sg, sg->e + 1);
        }
    }
  g_autofree double *lane_h = g_new0 (double, MAX (nl_all, 1));
  double right = place (segs, sorted, n, W, lane_h, nl_all);
  /* Unless a width was asked for, a page whose lanes would still be far
   * taller than wide grows wider (a poster, as for an aggregated one), so
   * the boxes spread across instead of stacking. */
  while (opts->width_in <= 0 && W < MAX_POSTER_W && lanes_height (lane_h, nl_all) > TALL * W)
    {
      W = MIN (W * 1.15, MAX_POSTER_W);
      right = place (segs, sorted, n, W, lane_h, nl_all);
    }

  g_autoptr (EvlGv) gv = evl_gv_new ("timeline", TRUE);
  Agraph_t *ag = evl_gv_graph (gv);
  evl_gv_set (ag, "fontname", EVL_RENDER_FONT);
  evl_gv_set (ag, "bgcolor", "white");
  evl_gv_set (ag, "outputorder", "nodesfirst");
  evl_gv_set (ag, "splines", "line");
  agattr (ag, AGNODE, (char *) "fontname", EVL_RENDER_FONT);
  agattr (ag, AGEDGE, (char *) "fontname", EVL_RENDER_FONT);

  g_autofree char *title = evl_render_title (g, opts, "Timeline");
  GString *h = g_string_new ("<TABLE BORDER=\"0\" CELLSPACING=\"0\"><TR><TD><FONT POINT-SIZE=\"14\"><B>");
  /* (centred over the lanes, right of their labels) */
  evl_render_title_lines (h, title, (W - LEFT) / 72.0);
  g_string_append (h, "</B></FONT></TD></TR><TR><TD><FONT POINT-SIZE=\"9\" COLOR=\"#444444\">");
  evl_render_escape (h, subtitle);
  if (np)
    {
      g_autofree char *shown = format_count (n_ev), *rest = format_count (n_selected - n_ev);
      g_string_append_printf (h, " · the %s most reported shown, %s more counted per %s",
                              shown, rest, evl_grain_to_string (grain));
    }
  g_string_append (h, "</FONT></TD></TR></TABLE>");
  text (gv, "title", (LEFT + right) / 2, 18, h->str);
  g_string_truncate (h, 0);

  /* Lanes. */
  double y = 48;
  g_autofree double *lane_y = g_new0 (double, MAX (nl_all, 1));
  for (guint p = 0; p < nl_all; p++)
    {
      guint l = 0;
      while (lane_pos[l] != p)
        l++;
      double hgt = lane_h[l];
      lane_y[l] = y;
      g_autofree char *bg = g_strdup_printf ("lane%u", p);
      rect (gv, bg, (4 + right) / 2, y + hgt / 2, right - 4, hgt - 2, p % 2 ? "#FFFFFF" : "#F4F4F4");
      g_string_printf (h, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\"><B>",
                       l == nl ? MORE_COLOR : evl_render_lane_color (p, FALSE));
      evl_render_wrapped (h, l == nl ? "More events" : lanes->pdata[l], 14, 3);
      g_string_append (h, "</B></FONT>");
      g_autofree char *ln = g_strdup_printf ("lanelabel%u", p);
      text (gv, ln, LEFT / 2, y + hgt / 2, h->str);
      y += hgt;
    }
  if (n == 0)
    {
      text (gv, "empty", (LEFT + right) / 2, y + 30,
            "<FONT POINT-SIZE=\"11\" COLOR=\"#666666\">No events to show</FONT>");
      y += 60;
    }
  /* Segment guides, marks, boxes. */
  guint drawn = ns > 1 ? KEY_BREAK : 0;
  for (guint k = 0; k < n; k++)
    {
      Item *it = sorted[k];
      if (it->period >= 0)
        {
          draw_summary (gv, g, &g_array_index (periods, EvlRenderPeriod, it->period), it,
                        lane_y[it->lane]);
          continue;
        }
      const EvlGraphEvent *e = evl_graph_get_event (g, it->ev);
      guint p = lane_pos[it->lane];
      const char *col = evl_render_lane_color (p, FALSE);
      gboolean neg = e->polarity == EVL_POLARITY_NEG;
      gboolean hedged = e->modality != NULL || (e->flags & EVL_EVENT_FLAG_HEDGED);
      /* Not happened when written: an empty (white) dashed box, so a plan
       * never looks like the lane's solid facts, hedged or not. */
      gboolean planned = !neg && (e->flags & EVL_EVENT_FLAG_PLANNED);
      drawn |= (neg ? KEY_NEGATED : 0) | (hedged ? KEY_HEDGED : 0) | (planned ? KEY_PLANNED : 0)
               | (e->flags & EVL_EVENT_FLAG_FAILED ? KEY_FAILED : 0)
               | (e->n_sources > 1 ? KEY_SOURCES : 0) | (is_dot (it) ? KEY_DAY : KEY_SPAN)
               | (it->placed ? KEY_PLACED : 0) | (neg || hedged || planned || it->placed ? 0 : KEY_ASSERTED);
      g_autofree char *mn = g_strdup_printf ("mark_%s", e->id);
      Agnode_t *bn = item_box (gv, it, lane_y[it->lane], mn, e->id, col,
                               it->placed ? "diamond" : "circle");
      evl_gv_set (bn, "style", neg || hedged || planned ? "rounded,filled,dashed"
                               : it->placed ? "rounded,filled,dotted" : "rounded,filled");
      evl_gv_set (bn, "fillcolor", neg ? "#EEEEEE" : planned ? "#FFFFFF" : evl_render_lane_color (p, TRUE));
      evl_gv_set (bn, "color", (e->flags & EVL_EVENT_FLAG_FAILED) ? "#C0392B" : neg ? "#999999" : col);
      evl_gv_set (bn, "penwidth", "1.4");
      g_autofree char *lab = event_label (g, e, it, col);
      evl_gv_set_html (gv, bn, "label", lab);
      g_string_truncate (h, 0);
      g_autofree char *date = evl_render_event_date (e);
      g_string_append_printf (h, "%s — %s (%u source%s)", date,
                              e->summary ? e->summary : e->id, e->n_sources, e->n_sources == 1 ? "" : "s");
      /* tooltips are escString: double backslashes so \N stays literal */
      g_auto (GStrv) parts = g_strsplit (h->str, "\\", -1);
      g_autofree char *tip = g_strjoinv ("\\\\", parts);
      evl_gv_set_svg_only (gv, bn, "tooltip", tip);
    }
  /* Axis. */
  double ay = y + 8;
  for (guint s = 0; s < ns; s++)
    {
      const Seg *sg = &g_array_index (segs, Seg, s);
      g_autofree char *an = g_strdup_printf ("axis%u", s);
      rect (gv, an, (sg->x0 + sg->x1) / 2, ay, sg->x1 - sg->x0, 2, "#444444");
      if (!sg->undated)
        draw_ticks (gv, sg, s, ay);
      g_autofree char *cap = seg_caption (sg);
      g_string_printf (h, "<FONT POINT-SIZE=\"9\"><B>");
      evl_render_escape (h, cap);
      g_string_append (h, "</B></FONT>");
      g_autofree char *cn = g_strdup_printf ("caption%u", s);
      text (gv, cn, (sg->x0 + sg->x1) / 2, ay + 28, h->str);
      if (s + 1 < ns)
        {
          const Seg *nx = &g_array_index (segs, Seg, s + 1);
          g_autofree char *bn = g_strdup_printf ("break%u", s);
          g_string_printf (h, "<FONT POINT-SIZE=\"10\" COLOR=\"#444444\"><B>//</B></FONT>");
          if (!nx->undated)
            {
              double years = (nx->b - sg->e) / 365.25;
              if (years >= 1)
                g_string_append_printf (h, "<BR/><FONT POINT-SIZE=\"6\" COLOR=\"#666666\">%.0f y</FONT>", years);
              else
                g_string_append_printf (h, "<BR/><FONT POINT-SIZE=\"6\" COLOR=\"#666666\">%.0f mo</FONT>", years * 12);
            }
          text (gv, bn, sg->x1 + BREAK_W / 2, ay + 6, h->str);
        }
    }
  /* Legend: the styles this drawing uses, four to a row. */
  guint rows = 0;
  if (drawn || np)
    {
      g_string_assign (h, "<TABLE BORDER=\"1\" COLOR=\"#BBBBBB\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
                       "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"4\"><FONT POINT-SIZE=\"8\"><B>Legend</B></FONT></TD></TR>");
      rows = 1;
      guint cells = 0;
      for (guint i = 0; i < G_N_ELEMENTS (legend_keys); i++)
        {
          if ((drawn & legend_keys[i].key) != legend_keys[i].key || (drawn & legend_keys[i].unless))
            continue;
          if (cells % 4 == 0)
            {
              g_string_append (h, cells ? "</TR><TR>" : "<TR>");
              rows++;
            }
          g_string_append_printf (h, "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"7\"%s>%s</FONT></TD>",
                                  legend_keys[i].attrs, legend_keys[i].html);
          cells++;
        }
      if (cells)
        g_string_append (h, "</TR>");
      if (drawn & KEY_PLANNED)
        {
          g_string_append (h, "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"4\"><FONT POINT-SIZE=\"7\">white, dashed, <B>PLANNED</B>: "
                           "had not happened when reported (planned, scheduled, expected, conditional or future)"
                           "</FONT></TD></TR>");
          rows++;
        }
      if (np)
        {
          g_string_append_printf (h, "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"4\"><FONT POINT-SIZE=\"7\" COLOR=\"%s\">"
                                  "grey, dashed: +N more events in that %s, less reported, not drawn "
                                  "(the bar spans their dates)</FONT></TD></TR>", MORE_COLOR,
                                  evl_grain_to_string (grain));
          rows++;
        }
      g_string_append (h, "</TABLE>");
      /* Placed by its top edge (12 pt a row): a taller legend centred
       * where a short one sits ran its frame into the axis captions. */
      text (gv, "legend", (LEFT + right) / 2, ay + 43 + (12.0 * rows - 6) / 2.0, h->str);
    }
  g_string_free (h, TRUE);

  g_autofree char *desc = g_strdup_printf ("%s. Timeline of %u events in %u story threads.", subtitle, n_ev, nl);
  EvlRenderOptions page = *opts;
  page.width_in = W / 72.0;
  return evl_gv_render (gv, "nop", np || opts->width_in <= 0 ? &page : opts, title, desc,
                        targets, n_targets, error);
}
