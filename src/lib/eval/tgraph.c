/* A temporal graph over intervals and its transitive closure, shared by
 * the TimeLine (timeline.c) and TLINK (tlinks.c) scorers: temporal
 * awareness (UzZaman and Allen 2011, as in TempEval-3).
 *
 * Nodes are named intervals; edges are relations between them.  The
 * closure is read off an order graph over begin/end points: every
 * relation here is a conjunction of p < q, p <= q and p = q, and for such
 * constraints p < q is entailed exactly when a path p -> q crosses a
 * strict arc, p <= q when any path leads there (no matrix, so thousands of
 * events stay fast).  An edge that would close a cycle through a strict
 * arc contradicts the graph and is dropped, as TempEval-3's Timegraph
 * drops violated relations.  Nodes with calendar bounds (dates) are
 * ordered by them: background knowledge, not scored. */
#include "evl-private.h"
#include "eval-private.h"

#include <string.h>

typedef struct {
  guint to;
  guint8 strict;
  guint8 off;      /* left out (evl_tgraph_reduce()) */
} Arc;

/* Where an edge's arcs are: up to four (point, index in its arcs). */
typedef struct {
  guint n;
  guint at[4][2];
} EdgeArcs;

/* Drops the order graph (the nodes and edges stay). */
static void
unclose (EvlTGraph *g)
{
  for (guint i = 0; g->arcs && i < g->n_points; i++)
    g_array_unref (g->arcs[i]);
  g_clear_pointer (&g->arcs, g_free);
  g_clear_pointer (&g->seen, g_free);
  g_clear_pointer (&g->stack, g_array_unref);
  g->n_points = 0;
}

void
evl_tgraph_clear (EvlTGraph *g)
{
  unclose (g);
  g_clear_pointer (&g->index, g_hash_table_unref);
  g_clear_pointer (&g->names, g_ptr_array_unref);
  g_clear_pointer (&g->edges, g_array_unref);
  g_clear_pointer (&g->date_lo, g_array_unref);
  g_clear_pointer (&g->date_hi, g_array_unref);
}

void
evl_tgraph_init (EvlTGraph *g)
{
  memset (g, 0, sizeof *g);
  g->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->names = g_ptr_array_new ();
  g->edges = g_array_new (FALSE, FALSE, sizeof (EvlTEdge));
  g->date_lo = g_array_new (FALSE, TRUE, sizeof (EvlDay));
  g->date_hi = g_array_new (FALSE, TRUE, sizeof (EvlDay));
}

guint
evl_tgraph_node (EvlTGraph *g, const char *name, EvlDay lo, EvlDay hi)
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

gint
evl_tgraph_lookup (const EvlTGraph *g, const char *name)
{
  gpointer v = g_hash_table_lookup (g->index, name);
  return v ? (gint) GPOINTER_TO_UINT (v) - 1 : -1;
}

gboolean
evl_tgraph_add_edge (EvlTGraph *g, guint x, guint y, EvlTRel rel)
{
  /* A relation stated twice counts once. */
  for (guint k = 0; k < g->edges->len; k++)
    {
      const EvlTEdge *o = &g_array_index (g->edges, EvlTEdge, k);
      if (o->x == x && o->y == y && o->rel == rel)
        return FALSE;
    }
  EvlTEdge e = { x, y, rel };
  g_array_append_val (g->edges, e);
  return TRUE;
}

/* ---- closure ---- */

enum { LT = 1, EQ = 2, LE = LT | EQ };

/* The point constraints x REL y states: up to two (p, q, allowed).  The
 * strict inclusions are TimeML's; EVL_TREL_WITHIN (the TimeLine task's
 * 'happened on DATE') allows equal ends. */
static guint
edge_points (const EvlTEdge *e, guint pts[2][2], guint8 allowed[2])
{
  guint xb = 2 * e->x, xe = xb + 1, yb = 2 * e->y, ye = yb + 1;
#define P(i, p, q, a) (pts[i][0] = (p), pts[i][1] = (q), allowed[i] = (a))
  switch (e->rel)
    {
    case EVL_TREL_BEFORE: P (0, xe, yb, LT); return 1;
    case EVL_TREL_AFTER: P (0, ye, xb, LT); return 1;
    case EVL_TREL_IBEFORE: P (0, xe, yb, EQ); return 1;
    case EVL_TREL_IAFTER: P (0, ye, xb, EQ); return 1;
    case EVL_TREL_INCLUDES: P (0, xb, yb, LT); P (1, ye, xe, LT); return 2;
    case EVL_TREL_IS_INCLUDED: P (0, yb, xb, LT); P (1, xe, ye, LT); return 2;
    case EVL_TREL_BEGINS: P (0, xb, yb, EQ); P (1, xe, ye, LT); return 2;
    case EVL_TREL_BEGUN_BY: P (0, xb, yb, EQ); P (1, ye, xe, LT); return 2;
    case EVL_TREL_ENDS: P (0, xe, ye, EQ); P (1, yb, xb, LT); return 2;
    case EVL_TREL_ENDED_BY: P (0, xe, ye, EQ); P (1, xb, yb, LT); return 2;
    case EVL_TREL_SIMULTANEOUS: P (0, xb, yb, EQ); P (1, xe, ye, EQ); return 2;
    case EVL_TREL_WITHIN:
    default: P (0, yb, xb, LE); P (1, xe, ye, LE); return 2;
    }
#undef P
}

static void
arc_add (EvlTGraph *g, guint from, guint to, gboolean strict)
{
  Arc a = { to, (guint8) strict, 0 };
  g_array_append_val (g->arcs[from], a);
}

/* How @to is reachable from @from: 0 not at all, 1 by non-strict arcs
 * only (from <= to), 2 through a strict arc (from < to). */
static guint8
reach (EvlTGraph *g, guint from, guint to)
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
          if (a->off)
            continue;
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
constrain (EvlTGraph *g, guint p, guint q, guint8 rel)
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
entails (EvlTGraph *g, guint p, guint q, guint8 rel)
{
  guint8 pq = reach (g, p, q);
  if (rel == LT)
    return pq == 2;
  if (rel == EQ)
    return pq == 1 && reach (g, q, p) == 1;
  return pq >= 1;
}

/* Adds @e's constraints unless they close a cycle through a strict arc
 * (p < ... < p): then the graph stays as it was.  *@where: the arcs
 * added. */
static void
constrain_edge (EvlTGraph *g, const EvlTEdge *e, EdgeArcs *where)
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
  where->n = 0;
  if (!ok)
    for (guint i = n; i > 0; i--)
      g_array_set_size (g->arcs[added[i - 1][0]], g->arcs[added[i - 1][0]]->len - 1);
  else
    for (guint i = 0; i < n; i++)
      {
        /* An EQ constraint's second arc is the last of its point too. */
        where->at[i][0] = added[i][0];
        where->at[i][1] = g->arcs[added[i][0]]->len - 1;
        for (guint j = i + 1; j < n; j++)
          where->at[i][1] -= added[j][0] == added[i][0];
        where->n++;
      }
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

/* The order graph of the nodes, dates and edges; @where (may be NULL):
 * room for each edge's arcs. */
static void
close_all (EvlTGraph *g, EdgeArcs *where)
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
    {
      EdgeArcs scratch;
      constrain_edge (g, &g_array_index (g->edges, EvlTEdge, k), where ? &where[k] : &scratch);
    }
}

void
evl_tgraph_close (EvlTGraph *g)
{
  unclose (g);
  close_all (g, NULL);
}

/* Whether the closed graph @to entails @e (node indices of @to). */
static gboolean
entails_edge (EvlTGraph *to, const EvlTEdge *e)
{
  guint pts[2][2];
  guint8 allowed[2];
  guint np = edge_points (e, pts, allowed);
  gboolean ok = TRUE;
  for (guint i = 0; i < np && ok; i++)
    ok = entails (to, pts[i][0], pts[i][1], allowed[i]);
  return ok;
}

static void
set_off (EvlTGraph *g, const EdgeArcs *w, guint8 off)
{
  for (guint i = 0; i < w->n; i++)
    g_array_index (g->arcs[w->at[i][0]], Arc, w->at[i][1]).off = off;
}

void
evl_tgraph_reduce (EvlTGraph *g)
{
  /* An edge the others entail is dropped, one at a time in order (its
   * arcs left out of the closure from then on), so that of two edges
   * entailing each other the later one stays. */
  guint n = g->edges->len;
  g_autofree EdgeArcs *where = g_new0 (EdgeArcs, n ? n : 1);
  unclose (g);
  close_all (g, where);
  guint m = 0;
  for (guint k = 0; k < n; k++)
    {
      const EvlTEdge *e = &g_array_index (g->edges, EvlTEdge, k);
      set_off (g, &where[k], 1);
      if (entails_edge (g, e))
        continue;
      set_off (g, &where[k], 0);
      g_array_index (g->edges, EvlTEdge, m++) = *e;
    }
  g_array_set_size (g->edges, m);
  unclose (g);
}

gboolean
evl_tgraph_entails (EvlTGraph *to, const EvlTGraph *from, const EvlTEdge *e)
{
  gint x = evl_tgraph_lookup (to, from->names->pdata[e->x]);
  gint y = evl_tgraph_lookup (to, from->names->pdata[e->y]);
  if (x < 0 || y < 0)
    return FALSE;
  EvlTEdge mapped = { (guint) x, (guint) y, e->rel };
  return entails_edge (to, &mapped);
}

guint
evl_tgraph_verified (const EvlTGraph *from, EvlTGraph *to)
{
  guint n = 0;
  for (guint k = 0; k < from->edges->len; k++)
    n += evl_tgraph_entails (to, from, &g_array_index (from->edges, EvlTEdge, k));
  return n;
}

void
evl_tgraph_share_dates (EvlTGraph *to, const EvlTGraph *from)
{
  for (guint i = 0; i < from->names->len; i++)
    {
      EvlDay lo = g_array_index (from->date_lo, EvlDay, i);
      if (lo)
        evl_tgraph_node (to, from->names->pdata[i], lo, g_array_index (from->date_hi, EvlDay, i));
    }
}
