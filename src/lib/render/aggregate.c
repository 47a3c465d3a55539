/* Aggregation for big timelines: beyond a number of events, keep the most
 * reported (then most salient) ones, at least one per calendar period, and
 * count the rest per period so the diagram can show a summary mark
 * ("+N more events, Sep 2023") instead of thousands of boxes.
 *
 * The period grain is the finest of day, week, month, quarter, year,
 * decade and century that leaves at most a quarter as many periods as
 * events to show, so each period can hold a few boxes.  A story thread
 * shows at most LANE_CAP boxes per period (LANE_CAP_DAY per day: boxes of
 * one day stack), so a busy day fills its mark, not a page of boxes.
 * O(n log n). */
#include "render-private.h"

#include <stdlib.h>

#define LANE_CAP 3
#define LANE_CAP_DAY 2

static const EvlGrain grains[] = { EVL_GRAIN_DAY, EVL_GRAIN_WEEK, EVL_GRAIN_MONTH, EVL_GRAIN_QUARTER,
                                   EVL_GRAIN_YEAR, EVL_GRAIN_DECADE, EVL_GRAIN_CENTURY };

/* The day before @next (a period's successor's first day), or the last
 * day there is when @next is beyond year 9999 (0). */
static EvlDay
day_before (EvlDay next)
{
  return next ? next - 1 : evl_day_from_ymd (9999, 12, 31);
}

/* First and last day of the @grain period holding @day. */
static void
period_bounds (EvlGrain grain, EvlDay day, EvlDay *b, EvlDay *e)
{
  int y, m, d;
  evl_day_to_ymd (day, &y, &m, &d);
  switch (grain)
    {
    case EVL_GRAIN_DAY:
      *b = *e = day;
      return;
    case EVL_GRAIN_WEEK:
      /* Day 1 (0001-01-01) was a Monday: weeks start on Mondays. */
      *b = day - (day - 1) % 7;
      *e = *b + 6;
      return;
    case EVL_GRAIN_MONTH:
      *b = evl_day_from_ymd (y, m, 1);
      *e = day_before (m == 12 ? evl_day_from_ymd (y + 1, 1, 1) : evl_day_from_ymd (y, m + 1, 1));
      return;
    case EVL_GRAIN_QUARTER:
      {
        int q = (m - 1) / 3 * 3 + 1;
        *b = evl_day_from_ymd (y, q, 1);
        *e = day_before (q == 10 ? evl_day_from_ymd (y + 1, 1, 1) : evl_day_from_ymd (y, q + 3, 1));
        return;
      }
    default:
      {
        int span = grain == EVL_GRAIN_YEAR ? 1 : grain == EVL_GRAIN_DECADE ? 10 : 100;
        int y0 = y / span * span;
        *b = evl_day_from_ymd (MAX (y0, 1), 1, 1);
        *e = day_before (evl_day_from_ymd (y0 + span, 1, 1));
        return;
      }
    }
}

static EvlDay
period_start (EvlGrain grain, EvlDay day)
{
  EvlDay b, e;
  period_bounds (grain, day, &b, &e);
  return b;
}

static int
cmp_day (const void *a, const void *b)
{
  EvlDay x = *(const EvlDay *) a, y = *(const EvlDay *) b;
  return x < y ? -1 : (x > y);
}

typedef struct {
  guint pos;        /* in the selection (timeline order) */
  guint period;     /* index into the period starts; n_starts = undated */
  guint lane;       /* story thread */
  guint sources;
  float salience;
} Cand;

static int
cmp_cand (const void *a, const void *b)
{
  const Cand *x = a, *y = b;
  if (x->sources != y->sources)
    return x->sources > y->sources ? -1 : 1;
  if (x->salience != y->salience)
    return x->salience > y->salience ? -1 : 1;
  return x->pos < y->pos ? -1 : (x->pos > y->pos);
}

static void
period_clear (gpointer p)
{
  g_free (((EvlRenderPeriod *) p)->label);
}

static char *
period_label (EvlGrain grain, EvlDay start)
{
  EvlDay b, e;
  period_bounds (grain, start, &b, &e);
  if (grain == EVL_GRAIN_DECADE)
    {
      int y, m, d;
      evl_day_to_ymd (b, &y, &m, &d);
      return g_strdup_printf ("%ds", y);
    }
  return evl_render_format_range (b, e);
}

/* Index of @start among the sorted distinct @starts. */
static guint
find_start (const EvlDay *starts, guint n, EvlDay start)
{
  guint lo = 0, hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (starts[mid] < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
dated (const EvlGraphEvent *e)
{
  return e->time.known && e->time.begin != 0;
}

GArray *
evl_render_aggregate (const EvlGraph *g, GArray *sel, guint max, EvlGrain *grain_out)
{
  guint n = sel->len;
  if (max == 0 || n <= max)
    return NULL;
  g_autofree EvlDay *days = g_new (EvlDay, n);
  guint nd = 0;
  for (guint k = 0; k < n; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (sel, guint, k));
      if (dated (e))
        days[nd++] = e->time.begin;
    }
  qsort (days, nd, sizeof (EvlDay), cmp_day);

  /* The finest grain with few enough periods; the days are sorted, so
   * periods change monotonically along them. */
  guint target = MAX (max / 4, 1u);
  EvlGrain grain = grains[G_N_ELEMENTS (grains) - 1];
  for (guint gi = 0; gi < G_N_ELEMENTS (grains); gi++)
    {
      guint count = 0;
      EvlDay last = 0;
      for (guint k = 0; k < nd && count <= target; k++)
        {
          EvlDay s = period_start (grains[gi], days[k]);
          if (k == 0 || s != last)
            count++;
          last = s;
        }
      if (count <= target)
        {
          grain = grains[gi];
          break;
        }
    }
  /* Distinct period starts, in place over days. */
  guint ns = 0;
  for (guint k = 0; k < nd; k++)
    {
      EvlDay s = period_start (grain, days[k]);
      if (ns == 0 || days[ns - 1] != s)
        days[ns++] = s;
    }

  g_autofree Cand *cand = g_new (Cand, n);
  g_autofree guint *per_period = g_new0 (guint, ns + 1);
  /* Threads by their interned name (type when threadless, as the lanes). */
  g_autoptr (GHashTable) lanes = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < n; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (sel, guint, k));
      const char *th = e->thread && *e->thread ? e->thread : e->type;
      gpointer lane;
      if (!g_hash_table_lookup_extended (lanes, th, NULL, &lane))
        {
          lane = GUINT_TO_POINTER (g_hash_table_size (lanes));
          g_hash_table_insert (lanes, (gpointer) th, lane);
        }
      cand[k].lane = GPOINTER_TO_UINT (lane);
      cand[k].pos = k;
      cand[k].period = dated (e) ? find_start (days, ns, period_start (grain, e->time.begin)) : ns;
      cand[k].sources = e->n_sources;
      cand[k].salience = e->salience;
      per_period[cand[k].period]++;
    }
  qsort (cand, n, sizeof (Cand), cmp_cand);

  /* 1: the best event of each period; 2: the most reported, at most a
   * fair share more per period so one busy day does not take every box;
   * 3: whatever budget is left, most reported first. */
  g_autofree gboolean *keep = g_new0 (gboolean, n);
  g_autofree guint *shown = g_new0 (guint, ns + 1);
  guint kept = 0, busy = 0;
  for (guint p = 0; p <= ns; p++)
    busy += per_period[p] > 0;
  guint share = MAX (2u, 2 * max / MAX (busy, 1u));
  guint nl = g_hash_table_size (lanes);
  guint cap = grain == EVL_GRAIN_DAY ? LANE_CAP_DAY : LANE_CAP;
  g_autofree guint *in_lane = g_new0 (guint, (gsize) (ns + 1) * nl);
  for (guint pass = 0; pass < 3 && kept < max; pass++)
    for (guint c = 0; c < n && kept < max; c++)
      {
        Cand *x = &cand[c];
        guint *lane_count = &in_lane[(gsize) x->period * nl + x->lane];
        if (keep[x->pos] || *lane_count >= cap || (pass == 0 && shown[x->period] > 0)
            || (pass == 1 && shown[x->period] >= share))
          continue;
        keep[x->pos] = TRUE;
        shown[x->period]++;
        (*lane_count)++;
        kept++;
      }

  /* Periods that hide events: span of the hidden ones, count, best one. */
  g_autofree gint *slot = g_new (gint, ns + 1);
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (EvlRenderPeriod));
  g_array_set_clear_func (periods, period_clear);
  for (guint p = 0; p <= ns; p++)
    {
      slot[p] = -1;
      if (per_period[p] == shown[p])
        continue;
      EvlRenderPeriod rp = { 0 };
      rp.label = p == ns ? g_strdup ("undated") : period_label (grain, days[p]);
      rp.top = G_MAXUINT;
      slot[p] = (gint) periods->len;
      g_array_append_val (periods, rp);
    }
  for (guint c = 0; c < n; c++)
    {
      if (keep[cand[c].pos])
        continue;
      EvlRenderPeriod *rp = &g_array_index (periods, EvlRenderPeriod, slot[cand[c].period]);
      guint ev = g_array_index (sel, guint, cand[c].pos);
      const EvlGraphEvent *e = evl_graph_get_event (g, ev);
      if (rp->top == G_MAXUINT)
        rp->top = ev;
      rp->hidden++;
      if (dated (e))
        {
          EvlDay end = MAX (e->time.end, e->time.begin);
          rp->b = rp->b ? MIN (rp->b, e->time.begin) : e->time.begin;
          rp->e = MAX (rp->e, end);
        }
    }
  guint w = 0;
  for (guint k = 0; k < n; k++)
    if (keep[k])
      g_array_index (sel, guint, w++) = g_array_index (sel, guint, k);
  g_array_set_size (sel, w);
  if (grain_out)
    *grain_out = grain;
  return periods;
}
