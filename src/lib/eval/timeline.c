/* SemEval-2015 Task 4 (TimeLine) measure: temporal awareness (UzZaman and
 * Allen 2011, as in TempEval-3) between a gold and a system timeline.
 *
 * A timeline file: the entity on the first line, then one line per event:
 * "ORDER<TAB>DATE<TAB>MENTION[<TAB>MENTION...]".  It becomes a temporal
 * graph over intervals:
 *   - mentions with the same ORDER (> 0) are SIMULTANEOUS (a chain in file
 *     order);
 *   - the groups of consecutive ORDER values are BEFORE one another (one
 *     edge between the groups' first mentions);
 *   - a group IS_INCLUDED in each calendar DATE its lines carry (YYYY,
 *     YYYY-MM, YYYY-MM-DD, with XX parts left open); date nodes are related
 *     by their calendar bounds (background knowledge shared by both
 *     graphs, not scored);
 *   - ORDER 0 (events the annotators could not place) adds no relation.
 * These edges are the graph's reduced form K-.  Its closure K+ is read off
 * an order graph over begin/end points: every relation here is a
 * conjunction of p < q, p <= q and p = q, and for such constraints p < q
 * is entailed exactly when a path p -> q crosses a strict arc, p <= q when
 * any path leads there (no matrix, so thousands of events stay fast).  An
 * edge that would close a cycle through a strict arc contradicts the graph
 * and is dropped, as TempEval-3's Timegraph drops violated relations.
 *
 *   precision = |Sys- verified in Gold+| / |Sys-|
 *   recall    = |Gold- verified in Sys+| / |Gold-|
 * summed over timelines (micro-average). */
#include "evl-private.h"
#include "eval-private.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  guint x, y;   /* node indices */
  EvlRel rel;   /* BEFORE, SIMULTANEOUS or IS_INCLUDED */
} Edge;

typedef struct {
  GHashTable *index;   /* node name -> index + 1 */
  GPtrArray *names;    /* index -> name (owned by index keys) */
  GArray *edges;       /* Edge: the reduced graph, scored */
  GArray *date_lo;     /* EvlDay per node, 0 for events */
  GArray *date_hi;
  /* The order graph: node k is points 2k (begin) and 2k + 1 (end). */
  guint n_points;
  GArray **arcs;       /* per point: Arc, the constraints leaving it */
  guint8 *seen;        /* reach() scratch, per point */
  GArray *stack;       /* reach() scratch */
} Graph;

typedef struct {
  guint to;
  gboolean strict;
} Arc;

static void
graph_clear (Graph *g)
{
  g_clear_pointer (&g->index, g_hash_table_unref);
  g_clear_pointer (&g->names, g_ptr_array_unref);
  g_clear_pointer (&g->edges, g_array_unref);
  g_clear_pointer (&g->date_lo, g_array_unref);
  g_clear_pointer (&g->date_hi, g_array_unref);
  for (guint i = 0; g->arcs && i < g->n_points; i++)
    g_array_unref (g->arcs[i]);
  g_clear_pointer (&g->arcs, g_free);
  g_clear_pointer (&g->seen, g_free);
  g_clear_pointer (&g->stack, g_array_unref);
}

static void
graph_init (Graph *g)
{
  memset (g, 0, sizeof *g);
  g->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->names = g_ptr_array_new ();
  g->edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g->date_lo = g_array_new (FALSE, TRUE, sizeof (EvlDay));
  g->date_hi = g_array_new (FALSE, TRUE, sizeof (EvlDay));
}

static guint
node (Graph *g, const char *name, EvlDay lo, EvlDay hi)
{
  gpointer v = g_hash_table_lookup (g->index, name);
  if (v)
    return GPOINTER_TO_UINT (v) - 1;
  char *key = g_strdup (name);
  g_hash_table_insert (g->index, key, GUINT_TO_POINTER (g->names->len + 1));
  g_ptr_array_add (g->names, key);
  g_array_append_val (g->date_lo, lo);
  g_array_append_val (g->date_hi, hi);
  return g->names->len - 1;
}

static gint
lookup (const Graph *g, const char *name)
{
  gpointer v = g_hash_table_lookup (g->index, name);
  return v ? (gint) GPOINTER_TO_UINT (v) - 1 : -1;
}

/* Calendar bounds [lo, hi) of a task date; FALSE for XXXX-XX-XX. */
static gboolean
parse_date (const char *s, EvlDay *lo, EvlDay *hi)
{
  g_auto (GStrv) parts = g_strsplit (s, "-", 3);
  guint n = g_strv_length (parts);
  if (n == 0 || strlen (parts[0]) != 4 || !g_ascii_isdigit (parts[0][0]))
    return FALSE;
  int y = atoi (parts[0]);
  int m = n > 1 && g_ascii_isdigit (parts[1][0]) ? atoi (parts[1]) : 0;
  int d = n > 2 && m && g_ascii_isdigit (parts[2][0]) ? atoi (parts[2]) : 0;
  if (y < 1 || m < 0 || m > 12)
    return FALSE;
  if (d)
    {
      *lo = evl_day_from_ymd (y, m, d);
      *hi = *lo ? *lo + 1 : 0;
    }
  else if (m)
    {
      *lo = evl_day_from_ymd (y, m, 1);
      *hi = m == 12 ? evl_day_from_ymd (y + 1, 1, 1) : evl_day_from_ymd (y, m + 1, 1);
    }
  else
    {
      *lo = evl_day_from_ymd (y, 1, 1);
      *hi = evl_day_from_ymd (y + 1, 1, 1);
    }
  return *lo != 0 && *hi > *lo;
}

static void
add_edge (Graph *g, guint x, guint y, EvlRel rel)
{
  /* A relation stated twice (two lines of one ORDER and DATE) counts once. */
  for (guint k = 0; k < g->edges->len; k++)
    {
      const Edge *o = &g_array_index (g->edges, Edge, k);
      if (o->x == x && o->y == y && o->rel == rel)
        return;
    }
  Edge e = { x, y, rel };
  g_array_append_val (g->edges, e);
}

typedef struct {
  guint order;
  guint first;          /* first mention's node */
} Group;

/* Builds the reduced graph of one timeline file's @text. */
static gboolean
graph_parse (Graph *g, const char *text, const char *name, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  for (guint ln = 1; lines[0] && lines[ln]; ln++)
    {
      char *line = g_strchomp (lines[ln]);
      if (*line == '\0')
        continue;
      g_auto (GStrv) f = g_strsplit (line, "\t", -1);
      char *end = NULL;
      guint64 order = g_ascii_strtoull (f[0], &end, 10);
      if (g_strv_length (f) < 3 || end == f[0] || *end != '\0')
        return evl_fail (error, EVL_ERROR_PARSE,
                         "%s:%u: expected ORDER<TAB>DATE<TAB>MENTION...", name, ln + 1);
      if (order == 0)
        {
          for (guint k = 2; f[k]; k++)
            node (g, f[k], 0, 0);
          continue;
        }
      Group *grp = groups->len ? &g_array_index (groups, Group, groups->len - 1) : NULL;
      guint prev = 0;
      gboolean chained = FALSE;
      if (grp && grp->order == order)
        {
          prev = grp->first;
          chained = TRUE;
        }
      for (guint k = 2; f[k]; k++)
        {
          if (*f[k] == '\0')
            continue;
          guint m = node (g, f[k], 0, 0);
          if (!chained)
            {
              Group ng = { (guint) order, m };
              g_array_append_val (groups, ng);
              grp = &g_array_index (groups, Group, groups->len - 1);
              chained = TRUE;
            }
          else if (m != prev)
            add_edge (g, prev, m, EVL_REL_SIMULTANEOUS);
          prev = m;
        }
      EvlDay lo = 0, hi = 0;
      if (grp && grp->order == order && parse_date (f[1], &lo, &hi))
        add_edge (g, grp->first, node (g, f[1], lo, hi), EVL_REL_IS_INCLUDED);
    }
  /* Groups in ORDER sequence, each BEFORE the next. */
  for (guint i = 1; i < groups->len; i++)
    for (guint j = i; j > 0; j--)
      {
        Group *a = &g_array_index (groups, Group, j - 1), *b = &g_array_index (groups, Group, j);
        if (a->order <= b->order)
          break;
        Group t = *a;
        *a = *b;
        *b = t;
      }
  for (guint i = 1; i < groups->len; i++)
    {
      const Group *a = &g_array_index (groups, Group, i - 1), *b = &g_array_index (groups, Group, i);
      if (a->order != b->order)
        add_edge (g, a->first, b->first, EVL_REL_BEFORE);
      else if (a->first != b->first)
        add_edge (g, a->first, b->first, EVL_REL_SIMULTANEOUS);
    }
  return TRUE;
}

/* ---- closure ---- */

enum { LT = 1, EQ = 2, LE = LT | EQ };

/* The point constraints x REL y states: up to two (p, q, allowed). */
static guint
edge_points (const Edge *e, guint pts[2][2], guint8 allowed[2])
{
  guint xb = 2 * e->x, xe = xb + 1, yb = 2 * e->y, ye = yb + 1;
  switch (e->rel)
    {
    case EVL_REL_BEFORE:
      pts[0][0] = xe; pts[0][1] = yb; allowed[0] = LT;
      return 1;
    case EVL_REL_SIMULTANEOUS:
      pts[0][0] = xb; pts[0][1] = yb; allowed[0] = EQ;
      pts[1][0] = xe; pts[1][1] = ye; allowed[1] = EQ;
      return 2;
    case EVL_REL_IS_INCLUDED:
    default:
      pts[0][0] = yb; pts[0][1] = xb; allowed[0] = LE;
      pts[1][0] = xe; pts[1][1] = ye; allowed[1] = LE;
      return 2;
    }
}

static void
arc_add (Graph *g, guint from, guint to, gboolean strict)
{
  Arc a = { to, strict };
  g_array_append_val (g->arcs[from], a);
}

/* How @to is reachable from @from: 0 not at all, 1 by non-strict arcs
 * only (from <= to), 2 through a strict arc (from < to). */
static guint8
reach (Graph *g, guint from, guint to)
{
  memset (g->seen, 0, g->n_points);
  g_array_set_size (g->stack, 0);
  g->seen[from] = 1;
  g_array_append_val (g->stack, from);
  while (g->stack->len)
    {
      guint p = g_array_index (g->stack, guint, g->stack->len - 1);
      g_array_set_size (g->stack, g->stack->len - 1);
      guint8 level = g->seen[p];
      const GArray *out = g->arcs[p];
      for (guint k = 0; k < out->len; k++)
        {
          const Arc *a = &g_array_index (out, Arc, k);
          guint8 l = a->strict ? 2 : level;
          if (l > g->seen[a->to])
            {
              g->seen[a->to] = l;
              g_array_append_val (g->stack, a->to);
            }
        }
    }
  return g->seen[to];
}

/* Adds p REL q (LT, EQ or LE) as arcs; returns how many. */
static guint
constrain (Graph *g, guint p, guint q, guint8 rel)
{
  if (rel == EQ)
    {
      arc_add (g, p, q, FALSE);
      arc_add (g, q, p, FALSE);
      return 2;
    }
  arc_add (g, p, q, rel == LT);
  return 1;
}

/* Whether the graph entails p REL q. */
static gboolean
entails (Graph *g, guint p, guint q, guint8 rel)
{
  guint8 pq = reach (g, p, q);
  if (rel == LT)
    return pq == 2;
  if (rel == EQ)
    return pq == 1 && reach (g, q, p) == 1;
  return pq >= 1;
}

/* Adds @e's constraints unless they close a cycle through a strict arc
 * (p < ... < p): then the graph stays as it was. */
static void
constrain_edge (Graph *g, const Edge *e)
{
  guint pts[2][2];
  guint8 allowed[2];
  guint k = edge_points (e, pts, allowed);
  guint added[4][2];
  guint n = 0;
  for (guint i = 0; i < k; i++)
    {
      guint c = constrain (g, pts[i][0], pts[i][1], allowed[i]);
      added[n][0] = pts[i][0];
      added[n++][1] = pts[i][1];
      if (c == 2)
        {
          added[n][0] = pts[i][1];
          added[n++][1] = pts[i][0];
        }
    }
  gboolean ok = TRUE;
  for (guint i = 0; i < n && ok; i++)
    {
      /* The new arc u -> v, back from v to u: a strict cycle? */
      const GArray *out = g->arcs[added[i][0]];
      gboolean strict = g_array_index (out, Arc, out->len - 1).strict;
      guint8 back = reach (g, added[i][1], added[i][0]);
      ok = !(back == 2 || (back == 1 && strict));
    }
  if (!ok)
    for (guint i = n; i > 0; i--)
      g_array_set_size (g->arcs[added[i - 1][0]], g->arcs[added[i - 1][0]]->len - 1);
}

typedef struct {
  EvlDay day;
  guint point;
} DatePoint;

static int
date_point_cmp (gconstpointer a, gconstpointer b)
{
  const DatePoint *x = a, *y = b;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->point < y->point ? -1 : (x->point > y->point);
}

static void
graph_close (Graph *g)
{
  guint n_nodes = g->names->len;
  g->n_points = 2 * n_nodes;
  g->arcs = g_new (GArray *, g->n_points ? g->n_points : 1);
  for (guint i = 0; i < g->n_points; i++)
    g->arcs[i] = g_array_new (FALSE, FALSE, sizeof (Arc));
  g->seen = g_malloc0 (g->n_points ? g->n_points : 1);
  g->stack = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_nodes; i++)
    constrain (g, 2 * i, 2 * i + 1, LE);
  /* Dates: their calendar bounds order their points; a chain between
   * neighbours in time is enough. */
  const EvlDay *lo = (const EvlDay *) (void *) g->date_lo->data;
  const EvlDay *hi = (const EvlDay *) (void *) g->date_hi->data;
  g_autoptr (GArray) pts = g_array_new (FALSE, FALSE, sizeof (DatePoint));
  for (guint i = 0; i < n_nodes; i++)
    if (lo[i])
      {
        DatePoint b = { lo[i], 2 * i }, e = { hi[i], 2 * i + 1 };
        g_array_append_val (pts, b);
        g_array_append_val (pts, e);
      }
  g_array_sort (pts, date_point_cmp);
  for (guint k = 1; k < pts->len; k++)
    {
      const DatePoint *a = &g_array_index (pts, DatePoint, k - 1);
      const DatePoint *b = &g_array_index (pts, DatePoint, k);
      constrain (g, a->point, b->point, a->day < b->day ? LT : EQ);
    }
  for (guint k = 0; k < g->edges->len; k++)
    constrain_edge (g, &g_array_index (g->edges, Edge, k));
}

/* Edges of @from whose relation @to's closure entails. */
static guint
verified (const Graph *from, Graph *to)
{
  guint n = 0;
  for (guint k = 0; k < from->edges->len; k++)
    {
      const Edge *e = &g_array_index (from->edges, Edge, k);
      gint x = lookup (to, from->names->pdata[e->x]);
      gint y = lookup (to, from->names->pdata[e->y]);
      if (x < 0 || y < 0)
        continue;
      Edge mapped = { (guint) x, (guint) y, e->rel };
      guint pts[2][2];
      guint8 allowed[2];
      guint np = edge_points (&mapped, pts, allowed);
      gboolean ok = TRUE;
      for (guint i = 0; i < np && ok; i++)
        ok = entails (to, pts[i][0], pts[i][1], allowed[i]);
      n += ok;
    }
  return n;
}

static void
share_dates (Graph *to, const Graph *from)
{
  for (guint i = 0; i < from->names->len; i++)
    {
      EvlDay lo = g_array_index (from->date_lo, EvlDay, i);
      if (lo)
        node (to, from->names->pdata[i], lo, g_array_index (from->date_hi, EvlDay, i));
    }
}

void
evl_eval_timeline_counts_init (EvlTimelineCounts *out)
{
  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
}

gboolean
evl_eval_timeline_add (EvlTimelineCounts *c, const char *gold, const char *system,
                       const char *name, GError **error)
{
  g_return_val_if_fail (c != NULL && gold != NULL, FALSE);
  if (name == NULL)
    name = "timeline";
  Graph g, s;
  graph_init (&g);
  graph_init (&s);
  gboolean ok = graph_parse (&g, gold, name, error)
                && (system == NULL || graph_parse (&s, system, name, error));
  if (ok)
    {
      /* Dates are world knowledge: each graph knows the other's dates, so
       * 'in 2008' entails 'on 2008-06-09' whoever wrote which. */
      share_dates (&g, &s);
      share_dates (&s, &g);
      graph_close (&g);
      graph_close (&s);
      c->n_timelines++;
      if (system == NULL)
        c->n_missing++;
      c->gold += g.edges->len;
      c->system += s.edges->len;
      c->gold_verified += verified (&g, &s);
      c->system_verified += verified (&s, &g);
    }
  graph_clear (&g);
  graph_clear (&s);
  return ok;
}

gboolean
evl_eval_timeline_dirs (EvlTimelineCounts *c, const char *gold_dir, const char *system_dir,
                        GError **error)
{
  g_return_val_if_fail (c != NULL && gold_dir != NULL && system_dir != NULL, FALSE);
  if (!g_file_test (system_dir, G_FILE_TEST_IS_DIR))
    return evl_fail (error, EVL_ERROR_IO, "%s: not a folder", system_dir);
  g_autoptr (GPtrArray) names = evl_eval_list_files (gold_dir, FALSE, error);
  if (names == NULL)
    return FALSE;
  g_autoptr (GError) local = NULL;
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *gpath = g_build_filename (gold_dir, names->pdata[i], NULL);
      g_autofree char *spath = g_build_filename (system_dir, names->pdata[i], NULL);
      g_autofree char *gtext = NULL, *stext = NULL;
      if (!g_file_get_contents (gpath, &gtext, NULL, &local))
        return evl_fail (error, EVL_ERROR_IO, "%s", local->message);
      if (g_file_test (spath, G_FILE_TEST_IS_REGULAR)
          && !g_file_get_contents (spath, &stext, NULL, &local))
        return evl_fail (error, EVL_ERROR_IO, "%s", local->message);
      if (!evl_eval_timeline_add (c, gtext, stext, names->pdata[i], error))
        return FALSE;
    }
  return TRUE;
}

void
evl_eval_timeline_score (const EvlTimelineCounts *c, EvlPRF *out)
{
  g_return_if_fail (c != NULL && out != NULL);
  out->precision = c->system ? (double) c->system_verified / c->system : 0.0;
  out->recall = c->gold ? (double) c->gold_verified / c->gold : 0.0;
  double sum = out->precision + out->recall;
  out->f1 = sum > 0 ? 2 * out->precision * out->recall / sum : 0.0;
}
