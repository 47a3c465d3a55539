/* Point algebra networks as two reachability relations over bit sets.
 *
 * Every relation this algebra can hold without '!=' is convex, so a
 * network is a graph of 'a <= b' and 'a < b' edges, and its path-consistent
 * (= minimal, for convex relations) form is the transitive closure: i < j is
 * entailed exactly when a path from i to j crosses a strict edge, i <= j
 * when any path leads there, and the network is inconsistent exactly when
 * a cycle crosses a strict edge.  Storing that closure as bit rows
 * (le[i] = { j : i <= j }, lt[i] = { j : i < j }) and their transposes
 * makes adding 'u <= v' one OR of v's successor rows into each of u's
 * predecessor rows, O(n^2 / 64) at worst and O(1) when already entailed,
 * instead of the queue-driven path-consistency pass this replaced, which
 * revisited all n third points per narrowed pair (812 M of the 2,948 M
 * instructions of `build` over the 400-document corpus).  evl_pa_get()
 * returns what that pass returned: the minimal network is unique.
 *
 * Undo: every word that changes is put on a trail with its old value. */
#include "point-algebra.h"

#include <string.h>

enum { LT = EVL_PA_LT, EQ = EVL_PA_EQ, GT = EVL_PA_GT, ALL = EVL_PA_ALL };

/* The four relations, each n rows of `words` 64-bit words. */
enum { R_LE, R_LT, R_GE, R_GT, N_RELS };

struct _EvlPaNetwork {
  guint n;
  guint words;      /* per row */
  guint64 *bits;    /* N_RELS * n * words */
  GArray *trail;    /* Trail */
  guint64 *scratch; /* 8 rows: add_le()'s sets, taken before it changes rows */
};

typedef struct {
  gsize at;         /* word offset in bits */
  guint64 old;
} Trail;

static inline guint64 *
row (const EvlPaNetwork *net, guint rel, guint i)
{
  return net->bits + ((gsize) rel * net->n + i) * net->words;
}

static inline gboolean
has (const EvlPaNetwork *net, guint rel, guint i, guint j)
{
  return (row (net, rel, i)[j / 64] >> (j % 64)) & 1;
}

EvlPaNetwork *
evl_pa_new (guint n_points)
{
  EvlPaNetwork *net = g_new0 (EvlPaNetwork, 1);
  net->n = n_points;
  net->words = (n_points + 63) / 64;
  gsize total = (gsize) N_RELS * n_points * net->words;
  net->bits = g_new0 (guint64, total ? total : 1);
  net->scratch = g_new0 (guint64, 8 * net->words + 1);
  /* i <= i. */
  for (guint i = 0; i < n_points; i++)
    {
      row (net, R_LE, i)[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
      row (net, R_GE, i)[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }
  net->trail = g_array_new (FALSE, FALSE, sizeof (Trail));
  return net;
}

void
evl_pa_free (EvlPaNetwork *net)
{
  if (net == NULL)
    return;
  g_free (net->bits);
  g_free (net->scratch);
  g_array_unref (net->trail);
  g_free (net);
}

guint8
evl_pa_get (const EvlPaNetwork *net, guint i, guint j)
{
  g_return_val_if_fail (i < net->n && j < net->n, ALL);
  if (has (net, R_LT, i, j))
    return LT;
  if (has (net, R_LT, j, i))
    return GT;
  return (guint8) (EQ | (has (net, R_LE, i, j) ? 0 : GT) | (has (net, R_LE, j, i) ? 0 : LT));
}

guint
evl_pa_mark (const EvlPaNetwork *net)
{
  return net->trail->len;
}

void
evl_pa_undo (EvlPaNetwork *net, guint mark)
{
  for (guint k = net->trail->len; k > mark; k--)
    {
      const Trail *t = &g_array_index (net->trail, Trail, k - 1);
      net->bits[t->at] = t->old;
    }
  if (net->trail->len > mark)
    g_array_set_size (net->trail, mark);
}

/* dst |= src over a row, trailing the words that change. */
static void
or_row (EvlPaNetwork *net, guint64 *dst, const guint64 *src)
{
  for (guint w = 0; w < net->words; w++)
    {
      guint64 nv = dst[w] | src[w];
      if (nv == dst[w])
        continue;
      Trail t = { (gsize) (dst + w - net->bits), dst[w] };
      g_array_append_val (net->trail, t);
      dst[w] = nv;
    }
}

/* row @rel of x |= @src for every x in @set. */
static void
spread (EvlPaNetwork *net, const guint64 *set, guint rel, const guint64 *src)
{
  for (guint w = 0; w < net->words; w++)
    for (guint64 b = set[w]; b; b &= b - 1)
      or_row (net, row (net, rel, w * 64 + (guint) __builtin_ctzll (b)), src);
}

/* Adds u <= v (u < v when @strict); FALSE, nothing changed, when that
 * closes a cycle through a strict edge. */
static gboolean
add_le (EvlPaNetwork *net, guint u, guint v, gboolean strict)
{
  if (strict ? has (net, R_LE, v, u) : has (net, R_LT, v, u))
    return FALSE;
  if (strict ? has (net, R_LT, u, v) : has (net, R_LE, u, v))
    return TRUE;
  /* Every x <= u now precedes every y >= v, strictly when the new edge is
   * strict, x < u or v < y.  A row that already relates x to v (a column
   * that relates u to y) holds the closure through it, so only the others
   * are visited: the masks below, taken before anything changes. */
  guint nw = net->words;
  guint64 *pre = net->scratch, *pre_lt = pre + nw;
  guint64 *a = pre_lt + nw, *b = a + nw, *c = b + nw, *d = c + nw, *e = d + nw, *f = e + nw;
  const guint64 *ge_u = row (net, R_GE, u), *gt_u = row (net, R_GT, u);
  const guint64 *ge_v = row (net, R_GE, v), *gt_v = row (net, R_GT, v);
  const guint64 *le_u = row (net, R_LE, u), *lt_u = row (net, R_LT, u);
  const guint64 *le_v = row (net, R_LE, v), *lt_v = row (net, R_LT, v);
  const guint64 *succ_lt = strict ? le_v : lt_v;
  for (guint w = 0; w < nw; w++)
    {
      pre[w] = ge_u[w];
      pre_lt[w] = strict ? ge_u[w] : gt_u[w];
      a[w] = pre[w] & ~ge_v[w];                   /* le[x] |= le[v] */
      b[w] = pre_lt[w] & ~gt_v[w];                /* lt[x] |= le[v] */
      c[w] = pre[w] & ~pre_lt[w] & ~ge_v[w];      /* lt[x] |= lt[v] */
      d[w] = le_v[w] & ~le_u[w];                  /* ge[y] |= pre */
      e[w] = succ_lt[w] & ~lt_u[w];               /* gt[y] |= pre */
      f[w] = le_v[w] & ~succ_lt[w] & ~le_u[w];    /* gt[y] |= pre_lt */
    }
  spread (net, a, R_LE, le_v);
  spread (net, b, R_LT, le_v);
  spread (net, c, R_LT, lt_v);
  spread (net, d, R_GE, pre);
  spread (net, e, R_GT, pre);
  spread (net, f, R_GT, pre_lt);
  return TRUE;
}

/* Constrains i REL j for a convex REL; FALSE when inconsistent (the caller
 * undoes). */
static gboolean
constrain (EvlPaNetwork *net, guint i, guint j, guint8 rel)
{
  switch (rel)
    {
    case ALL: return TRUE;
    case LT: return add_le (net, i, j, TRUE);
    case LT | EQ: return add_le (net, i, j, FALSE);
    case GT: return add_le (net, j, i, TRUE);
    case GT | EQ: return add_le (net, j, i, FALSE);
    case EQ: return add_le (net, i, j, FALSE) && add_le (net, j, i, FALSE);
    default: return FALSE;   /* empty */
    }
}

static gboolean
finish (EvlPaNetwork *net, gboolean ok, guint mark)
{
  if (!ok)
    evl_pa_undo (net, mark);
  return ok;
}

gboolean
evl_pa_add (EvlPaNetwork *net, guint i, guint j, guint8 rel)
{
  g_return_val_if_fail (i < net->n && j < net->n, FALSE);
  g_return_val_if_fail (rel != (LT | GT) && rel <= ALL, FALSE);
  guint mark = evl_pa_mark (net);
  return finish (net, constrain (net, i, j, rel), mark);
}

void
evl_pa_init_intervals (EvlPaNetwork *net, guint n_intervals)
{
  for (guint k = 0; k < n_intervals && 2 * k + 1 < net->n; k++)
    evl_pa_add (net, 2 * k, 2 * k + 1, LT | EQ);
}

gboolean
evl_pa_add_interval (EvlPaNetwork *net, guint a, guint b, EvlRel rel)
{
  g_return_val_if_fail (2 * a + 1 < net->n && 2 * b + 1 < net->n, FALSE);
  guint sa = 2 * a, ea = 2 * a + 1, sb = 2 * b, eb = 2 * b + 1;
  guint mark = evl_pa_mark (net);
  gboolean ok;
  switch (rel)
    {
    case EVL_REL_BEFORE: ok = constrain (net, ea, sb, LT); break;
    case EVL_REL_AFTER: ok = constrain (net, eb, sa, LT); break;
    case EVL_REL_INCLUDES:
      ok = constrain (net, sa, sb, LT | EQ) && constrain (net, eb, ea, LT | EQ);
      break;
    case EVL_REL_IS_INCLUDED:
      ok = constrain (net, sb, sa, LT | EQ) && constrain (net, ea, eb, LT | EQ);
      break;
    case EVL_REL_SIMULTANEOUS:
    default:
      ok = constrain (net, sa, sb, EQ) && constrain (net, ea, eb, EQ);
      break;
    }
  return finish (net, ok, mark);
}

gint
evl_pa_entailed (const EvlPaNetwork *net, guint a, guint b)
{
  guint sa = 2 * a, ea = 2 * a + 1, sb = 2 * b, eb = 2 * b + 1;
  if (has (net, R_LT, ea, sb))
    return EVL_REL_BEFORE;
  if (has (net, R_LT, eb, sa))
    return EVL_REL_AFTER;
  if (has (net, R_LE, sa, sb) && has (net, R_LE, sb, sa)
      && has (net, R_LE, ea, eb) && has (net, R_LE, eb, ea))
    return EVL_REL_SIMULTANEOUS;
  if (has (net, R_LE, sa, sb) && has (net, R_LE, eb, ea))
    return EVL_REL_INCLUDES;
  if (has (net, R_LE, sb, sa) && has (net, R_LE, ea, eb))
    return EVL_REL_IS_INCLUDED;
  return -1;
}
