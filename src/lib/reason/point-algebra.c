/* Point algebra networks: a dense n x n matrix of 3-bit relations,
 * narrowed with a queue-driven path-consistency pass (each cell narrows at
 * most three times, so a whole build is O(n^3) however constraints
 * arrive) and a trail of old values for undo. */
#include "point-algebra.h"

#include <string.h>

enum { LT = EVL_PA_LT, EQ = EVL_PA_EQ, GT = EVL_PA_GT, ALL = EVL_PA_ALL };

struct _EvlPaNetwork {
  guint n;
  guint8 *m;
  GArray *trail;    /* Trail */
  GArray *queue;    /* guint32 pairs */
};

typedef struct {
  guint32 i, j;
  guint8 old;
} Trail;

static guint8 compose_tab[8][8];

static void
init_compose (void)
{
  static gsize once = 0;
  if (!g_once_init_enter (&once))
    return;
  /* Composition of basic relations: < then < or = is <; < then > is
   * anything; = is neutral; symmetric for >. */
  static const guint8 base[3][3] = {
    { LT, LT, ALL },
    { LT, EQ, GT },
    { ALL, GT, GT },
  };
  for (guint a = 0; a < 8; a++)
    for (guint b = 0; b < 8; b++)
      {
        guint8 r = 0;
        for (guint i = 0; i < 3; i++)
          for (guint j = 0; j < 3; j++)
            if ((a & (1u << i)) && (b & (1u << j)))
              r |= base[i][j];
        compose_tab[a][b] = r;
      }
  g_once_init_leave (&once, 1);
}

#define M(net, i, j) ((net)->m[(gsize) (i) * (net)->n + (j)])

static guint8
inverse (guint8 r)
{
  return (guint8) ((r & EQ) | ((r & LT) ? GT : 0) | ((r & GT) ? LT : 0));
}

EvlPaNetwork *
evl_pa_new (guint n_points)
{
  init_compose ();
  EvlPaNetwork *net = g_new0 (EvlPaNetwork, 1);
  net->n = n_points;
  gsize size = (gsize) n_points * n_points;
  net->m = g_malloc (size ? size : 1);
  memset (net->m, ALL, size);
  for (guint i = 0; i < n_points; i++)
    M (net, i, i) = EQ;
  net->trail = g_array_new (FALSE, FALSE, sizeof (Trail));
  net->queue = g_array_new (FALSE, FALSE, sizeof (guint32));
  return net;
}

void
evl_pa_free (EvlPaNetwork *net)
{
  if (net == NULL)
    return;
  g_free (net->m);
  g_array_unref (net->trail);
  g_array_unref (net->queue);
  g_free (net);
}

guint8
evl_pa_get (const EvlPaNetwork *net, guint i, guint j)
{
  g_return_val_if_fail (i < net->n && j < net->n, ALL);
  return M (net, i, j);
}

guint
evl_pa_mark (const EvlPaNetwork *net)
{
  return net->trail->len;
}

void
evl_pa_undo (EvlPaNetwork *net, guint mark)
{
  while (net->trail->len > mark)
    {
      const Trail *t = &g_array_index (net->trail, Trail, net->trail->len - 1);
      M (net, t->i, t->j) = t->old;
      g_array_set_size (net->trail, net->trail->len - 1);
    }
}

/* Narrows (i, j) to r; FALSE when that empties it. */
static gboolean
narrow (EvlPaNetwork *net, guint i, guint j, guint8 r)
{
  guint8 cur = M (net, i, j);
  guint8 nr = cur & r;
  if (nr == cur)
    return TRUE;
  if (nr == 0)
    return FALSE;
  Trail t1 = { i, j, cur }, t2 = { j, i, M (net, j, i) };
  g_array_append_val (net->trail, t1);
  g_array_append_val (net->trail, t2);
  M (net, i, j) = nr;
  M (net, j, i) = inverse (nr);
  guint32 pair[2] = { i, j };
  g_array_append_vals (net->queue, pair, 2);
  return TRUE;
}

static gboolean
propagate (EvlPaNetwork *net)
{
  while (net->queue->len)
    {
      guint len = net->queue->len;
      guint i = g_array_index (net->queue, guint32, len - 2);
      guint j = g_array_index (net->queue, guint32, len - 1);
      g_array_set_size (net->queue, len - 2);
      guint8 rij = M (net, i, j);
      for (guint k = 0; k < net->n; k++)
        {
          if (k == i || k == j)
            continue;
          /* i -> j -> k and k -> i -> j */
          if (!narrow (net, i, k, compose_tab[rij][M (net, j, k)])
              || !narrow (net, k, j, compose_tab[M (net, k, i)][rij]))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
finish (EvlPaNetwork *net, gboolean ok, guint mark)
{
  if (ok)
    ok = propagate (net);
  if (!ok)
    {
      g_array_set_size (net->queue, 0);
      evl_pa_undo (net, mark);
    }
  return ok;
}

gboolean
evl_pa_add (EvlPaNetwork *net, guint i, guint j, guint8 rel)
{
  g_return_val_if_fail (i < net->n && j < net->n, FALSE);
  guint mark = evl_pa_mark (net);
  return finish (net, narrow (net, i, j, rel), mark);
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
    case EVL_REL_BEFORE: ok = narrow (net, ea, sb, LT); break;
    case EVL_REL_AFTER: ok = narrow (net, eb, sa, LT); break;
    case EVL_REL_INCLUDES:
      ok = narrow (net, sa, sb, LT | EQ) && narrow (net, eb, ea, LT | EQ);
      break;
    case EVL_REL_IS_INCLUDED:
      ok = narrow (net, sb, sa, LT | EQ) && narrow (net, ea, eb, LT | EQ);
      break;
    case EVL_REL_SIMULTANEOUS:
    default:
      ok = narrow (net, sa, sb, EQ) && narrow (net, ea, eb, EQ);
      break;
    }
  return finish (net, ok, mark);
}

gint
evl_pa_entailed (const EvlPaNetwork *net, guint a, guint b)
{
  guint sa = 2 * a, ea = 2 * a + 1, sb = 2 * b, eb = 2 * b + 1;
  if (M (net, ea, sb) == LT)
    return EVL_REL_BEFORE;
  if (M (net, eb, sa) == LT)
    return EVL_REL_AFTER;
  if (M (net, sa, sb) == EQ && M (net, ea, eb) == EQ)
    return EVL_REL_SIMULTANEOUS;
  if ((M (net, sa, sb) & GT) == 0 && (M (net, eb, ea) & GT) == 0)
    return EVL_REL_INCLUDES;
  if ((M (net, sb, sa) & GT) == 0 && (M (net, ea, eb) & GT) == 0)
    return EVL_REL_IS_INCLUDED;
  return -1;
}
