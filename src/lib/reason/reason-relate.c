/* Temporal reasoning over the merged events.
 *
 * Every event is an interval [s, e] with s <= e.  Evidence becomes point
 * constraints between interval ends, in the point algebra (relations are
 * subsets of {<, =, >}): BEFORE is e1 < s2, INCLUDES is s1 <= s2 and
 * e2 <= e1, SIMULTANEOUS is s1 = s2 and e1 = e2.  Evidence is added best
 * supported first (dates, cues, then narrative order); after each one
 * path consistency is propagated incrementally.  For the point algebra
 * without '!=' a path-consistent network is consistent and minimal, so a
 * constraint is inconsistent exactly when propagating it empties a
 * relation: it is then undone (trail) and reported as a conflict.
 *
 * The closure then narrows undated events' possible dates (earliest =
 * latest begin of a dated event that starts no later; latest = earliest
 * end of a dated event that ends no earlier).  Only a readable subset goes
 * back into the graph: the direct evidence, a chain of date relations
 * between consecutive dated events, and for undated events the closure
 * relations to the dated events that bound them. */
#include "reason-private.h"
#include "point-algebra.h"

#include <string.h>



/* Largest number of events put through the cubic closure; beyond it the
 * best connected ones are kept (others still get date relations). */
#define MAX_CLOSURE_EVENTS 200

/* ---- constraints ---- */

typedef struct {
  guint a, b;            /* local event indices */
  EvlRel rel;
  float conf;
  gint relation;         /* graph relation index, -1 for dates */
  guint order;           /* insertion order, for a stable sort */
} Constraint;

static int
cmp_constraint (gconstpointer pa, gconstpointer pb)
{
  const Constraint *a = pa, *b = pb;
  if (a->conf != b->conf)
    return a->conf > b->conf ? -1 : 1;
  return a->order < b->order ? -1 : (a->order > b->order);
}

/* ---- helpers over events ---- */

static gboolean
dated (const EvlGraphEvent *e)
{
  return e->time.known && e->time.begin != 0;
}

static gboolean
strongly_dated (const EvlGraphEvent *e)
{
  return dated (e) && evl_reason_anchor_strength (e->time.anchor) >= EVL_STRONG_TIME;
}

static EvlDay
t_end (const EvlGraphEvent *e)
{
  return e->time.end ? e->time.end : e->time.begin;
}

static char *
describe (const EvlGraph *g, guint ev)
{
  const EvlGraphEvent *e = evl_graph_get_event (g, ev);
  return g_strdup_printf ("'%s'", e->summary ? e->summary : e->trigger ? e->trigger : "?");
}

/* The cue phrase of a cue relation's evidence ("cue: hours before the
 * meeting" -> "hours before the meeting"), or NULL. */
static const char *
cue_phrase (const char *evidence)
{
  return evidence && g_str_has_prefix (evidence, "cue: ") ? evidence + 5 : NULL;
}

/* 'hours before X' / 'shortly after X': the event shares X's day. */
static gboolean
same_day_cue (const EvlContext *ctx, const char *phrase)
{
  const EvlLexicon *cues = evl_context_get_lexicon (ctx, "en/event-cues-story");
  if (cues == NULL || phrase == NULL)
    return FALSE;
  const char *sp = strchr (phrase, ' ');
  gsize n = sp ? (gsize) (sp - phrase) : strlen (phrase);
  const EvlLexEntry *e = evl_lexicon_lookup (cues, phrase, (gssize) n);
  return e && e->n_attrs > 0 && strcmp (e->attrs[0], "SAMEDAY") == 0;
}

/* Undated events related by a same-day cue to a day-dated event take its
 * day (anchor "cue"); repeated so chains resolve. */
static void
infer_cue_days (const EvlContext *ctx, EvlGraph *g)
{
  for (guint pass = 0; pass < 3; pass++)
    {
      gboolean changed = FALSE;
      for (guint i = 0; i < evl_graph_n_relations (g); i++)
        {
          const EvlGraphRelation *r = evl_graph_get_relation (g, i);
          const char *phrase = cue_phrase (r->evidence);
          if (!same_day_cue (ctx, phrase))
            continue;
          const EvlGraphEvent *to = evl_graph_get_event (g, r->to);
          EvlGraphEvent *from = evl_graph_peek_event (g, r->from);
          if (!strongly_dated (to) || to->time.begin != t_end (to))
            continue;
          /* A dated event is only refined: 'this year' -> the day. */
          if (strongly_dated (from)
              && (from->time.begin > to->time.begin || t_end (from) < to->time.begin
                  || from->time.begin == t_end (from)))
            continue;
          char day[11];
          evl_day_format (to->time.begin, day);
          from->time.known = TRUE;
          from->time.value = evl_graph_intern (g, day);
          from->time.begin = from->time.end = to->time.begin;
          from->time.grain = EVL_GRAIN_DAY;
          from->time.text = evl_graph_intern (g, phrase);
          from->time.anchor = evl_graph_intern (g, "cue");
          from->time.earliest = from->time.latest = 0;
          changed = TRUE;
        }
      if (!changed)
        break;
    }
}

/* ---- the closure ---- */

typedef struct {
  EvlGraph *g;
  guint n;               /* local events */
  guint *ev;             /* local -> graph event */
  gint *local;           /* graph event -> local or -1 */
  EvlPaNetwork *net;
} Closure;

/* Picks the events that go through the closure: those in non-derived
 * relations first, then dated events, capped. */
static void
closure_select (Closure *c)
{
  EvlGraph *g = c->g;
  guint n = evl_graph_n_events (g);
  c->local = g_new (gint, n);
  c->ev = g_new (guint, MIN (n, (guint) MAX_CLOSURE_EVENTS) + 1);
  c->n = 0;
  g_autofree gboolean *related = g_new0 (gboolean, n);
  for (guint i = 0; i < evl_graph_n_relations (g); i++)
    {
      const EvlGraphRelation *r = evl_graph_get_relation (g, i);
      related[r->from] = related[r->to] = TRUE;
    }
  for (guint i = 0; i < n; i++)
    c->local[i] = -1;
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n && c->n < MAX_CLOSURE_EVENTS; i++)
      {
        if (c->local[i] >= 0)
          continue;
        gboolean take = pass == 0 ? related[i] : dated (evl_graph_get_event (g, i));
        if (!take)
          continue;
        c->local[i] = (gint) c->n;
        c->ev[c->n++] = i;
      }
}

static void
report_dropped (EvlGraph *g, const Constraint *k, guint from, guint to, const char *evidence,
                Closure *c)
{
  g_autofree char *target = describe (g, to);
  g_autofree char *rejected = g_strdup_printf ("%s %s (%s)", evl_rel_to_string (k->rel),
                                               target, evidence ? evidence : "?");
  gint ent = evl_pa_entailed (c->net, (guint) c->local[from], (guint) c->local[to]);
  g_autofree char *chosen = ent >= 0
    ? g_strdup_printf ("%s %s", evl_rel_to_string ((EvlRel) ent), target)
    : g_strdup ("better-supported constraints");
  EvlGraphConflict cf = { from, "relation", chosen, rejected,
                          "inconsistent with better-supported temporal evidence" };
  evl_graph_add_conflict (g, &cf);
}

static void
run_closure (Closure *c, gboolean *drop_rel)
{
  EvlGraph *g = c->g;
  c->net = evl_pa_new (2 * c->n);
  evl_pa_init_intervals (c->net, c->n);

  g_autoptr (GArray) cons = g_array_new (FALSE, FALSE, sizeof (Constraint));
  guint order = 0;
  for (guint i = 0; i < evl_graph_n_relations (g); i++)
    {
      const EvlGraphRelation *r = evl_graph_get_relation (g, i);
      if (c->local[r->from] < 0 || c->local[r->to] < 0)
        continue;
      Constraint k = { (guint) c->local[r->from], (guint) c->local[r->to], r->rel,
                       r->confidence, (gint) i, order++ };
      g_array_append_val (cons, k);
    }
  for (guint a = 0; a < c->n; a++)
    for (guint b = 0; b < c->n; b++)
      {
        const EvlGraphEvent *ea = evl_graph_get_event (g, c->ev[a]);
        const EvlGraphEvent *eb = evl_graph_get_event (g, c->ev[b]);
        if (a == b || !dated (ea) || !dated (eb) || t_end (ea) >= eb->time.begin)
          continue;
        gboolean strong = strongly_dated (ea) && strongly_dated (eb);
        Constraint k = { a, b, EVL_REL_BEFORE,
                         strong ? EVL_CONF_DATES_STRONG : EVL_CONF_DATES_WEAK, -1, order++ };
        g_array_append_val (cons, k);
      }
  g_array_sort (cons, cmp_constraint);

  for (guint i = 0; i < cons->len; i++)
    {
      const Constraint *k = &g_array_index (cons, Constraint, i);
      if (evl_pa_add_interval (c->net, k->a, k->b, k->rel))
        continue;
      if (k->relation >= 0)
        {
          drop_rel[k->relation] = TRUE;
          report_dropped (g, k, c->ev[k->a], c->ev[k->b],
                          evl_graph_get_relation (g, (guint) k->relation)->evidence, c);
        }
      else if (k->conf >= EVL_CONF_DATES_STRONG)
        report_dropped (g, k, c->ev[k->a], c->ev[k->b], EVL_EVIDENCE_DATES, c);
      /* A creation-time guess overruled by a cue is not worth a report. */
    }
}

/* Earliest/latest of undated events from the dated events the closure
 * puts before/after them; returns the bounding events through @lo/@hi. */
static void
narrow_ranges (Closure *c, gint *lo, gint *hi)
{
  EvlGraph *g = c->g;
  EvlPaNetwork *net = c->net;
  for (guint x = 0; x < c->n; x++)
    {
      lo[x] = hi[x] = -1;
      EvlGraphEvent *ex = evl_graph_peek_event (g, c->ev[x]);
      if (ex->time.known)
        continue;
      EvlDay earliest = 0, latest = 0;
      /* Only dated evidence bounds a range: a creation-time guess the
       * closure may have overruled must not. */
      for (guint a = 0; a < c->n; a++)
        {
          const EvlGraphEvent *ea = evl_graph_get_event (g, c->ev[a]);
          if (a == x || !strongly_dated (ea))
            continue;
          if ((evl_pa_get (net, 2 * a, 2 * x) & EVL_PA_GT) == 0 && ea->time.begin > earliest)
            {
              earliest = ea->time.begin;
              lo[x] = (gint) a;
            }
          if ((evl_pa_get (net, 2 * x + 1, 2 * a + 1) & EVL_PA_GT) == 0
              && (!latest || t_end (ea) < latest))
            {
              latest = t_end (ea);
              hi[x] = (gint) a;
            }
        }
      EvlDay e2 = MAX (earliest, ex->time.earliest);
      EvlDay l2 = latest && ex->time.latest ? MIN (latest, ex->time.latest)
                                            : MAX (latest, ex->time.latest);
      if (e2 && l2 && e2 > l2)
        {
          /* Tense bounds lose against the closure. */
          e2 = earliest;
          l2 = latest;
        }
      if (e2 && l2 && e2 > l2)
        e2 = l2 = 0;
      ex->time.earliest = e2;
      ex->time.latest = l2;
    }
}

/* ---- exported relations ---- */

/* Unordered event pairs that already have a relation. */
static guint64
pair_key (guint a, guint b)
{
  return a < b ? ((guint64) a << 32) | b : ((guint64) b << 32) | a;
}

static GHashTable *
related_pairs (const EvlGraph *g)
{
  GHashTable *h = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < evl_graph_n_relations (g); i++)
    {
      const EvlGraphRelation *r = evl_graph_get_relation (g, i);
      gint64 *k = g_new (gint64, 1);
      *k = (gint64) pair_key (r->from, r->to);
      g_hash_table_add (h, k);
    }
  return h;
}

/* Adds @r unless its pair is already related; records the pair. */
static void
add_new_pair (EvlGraph *g, GHashTable *pairs, const EvlGraphRelation *r)
{
  gint64 k = (gint64) pair_key (r->from, r->to);
  if (g_hash_table_contains (pairs, &k))
    return;
  evl_graph_add_relation (g, r);
  g_hash_table_add (pairs, g_memdup2 (&k, sizeof k));
}

static gint
date_relation (const EvlGraphEvent *a, const EvlGraphEvent *b)
{
  EvlDay ab = a->time.begin, ae = t_end (a), bb = b->time.begin, be = t_end (b);
  if (ae < bb)
    return EVL_REL_BEFORE;
  if (be < ab)
    return EVL_REL_AFTER;
  if (ab == bb && ae == be)
    return ab == ae ? EVL_REL_SIMULTANEOUS : -1;
  if (ab <= bb && be <= ae)
    return EVL_REL_INCLUDES;
  if (bb <= ab && ae <= be)
    return EVL_REL_IS_INCLUDED;
  return -1;
}

static int
cmp_dated (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const EvlGraph *g = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  const EvlGraphEvent *ea = evl_graph_get_event (g, a), *eb = evl_graph_get_event (g, b);
  if (ea->time.begin != eb->time.begin)
    return ea->time.begin < eb->time.begin ? -1 : 1;
  if (t_end (ea) != t_end (eb))
    return t_end (ea) > t_end (eb) ? -1 : 1;   /* containers first */
  return a < b ? -1 : (a > b);
}

/* Is @rel between graph events a and b allowed by the closure? */
static gboolean
closure_allows (Closure *c, guint a, guint b, EvlRel rel)
{
  gint la = c->local[a], lb = c->local[b];
  if (la < 0 || lb < 0)
    return TRUE;
  guint mark = evl_pa_mark (c->net);
  gboolean ok = evl_pa_add_interval (c->net, (guint) la, (guint) lb, rel);
  evl_pa_undo (c->net, mark);
  return ok;
}

static void
add_date_chain (Closure *c, GHashTable *pairs)
{
  EvlGraph *g = c->g;
  g_autoptr (GArray) ds = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    if (strongly_dated (evl_graph_get_event (g, i)))
      g_array_append_val (ds, i);
  g_array_sort_with_data (ds, cmp_dated, g);
  for (guint k = 0; k + 1 < ds->len; k++)
    {
      guint a = g_array_index (ds, guint, k), b = g_array_index (ds, guint, k + 1);
      gint rel = date_relation (evl_graph_get_event (g, a), evl_graph_get_event (g, b));
      gint64 key = (gint64) pair_key (a, b);
      if (rel < 0 || g_hash_table_contains (pairs, &key) || !closure_allows (c, a, b, (EvlRel) rel))
        continue;
      EvlGraphRelation r = { a, b, (EvlRel) rel, EVL_EVIDENCE_DATES, EVL_CONF_DATES_STRONG };
      add_new_pair (g, pairs, &r);
    }
}

static void
add_bounds (Closure *c, GHashTable *pairs, const gint *lo, const gint *hi)
{
  EvlGraph *g = c->g;
  for (guint x = 0; x < c->n; x++)
    {
      guint ex = c->ev[x];
      if (lo[x] >= 0)
        {
          gint rel = evl_pa_entailed (c->net, x, (guint) lo[x]);
          EvlGraphRelation r = { ex, c->ev[lo[x]], rel >= 0 ? (EvlRel) rel : EVL_REL_AFTER,
                                 EVL_EVIDENCE_CLOSURE, 0.5f };
          if (rel == EVL_REL_AFTER || rel == EVL_REL_SIMULTANEOUS || rel == EVL_REL_IS_INCLUDED)
            add_new_pair (g, pairs, &r);
        }
      if (hi[x] >= 0 && hi[x] != lo[x])
        {
          gint rel = evl_pa_entailed (c->net, x, (guint) hi[x]);
          EvlGraphRelation r = { ex, c->ev[hi[x]], rel >= 0 ? (EvlRel) rel : EVL_REL_BEFORE,
                                 EVL_EVIDENCE_CLOSURE, 0.5f };
          if (rel == EVL_REL_BEFORE || rel == EVL_REL_SIMULTANEOUS || rel == EVL_REL_IS_INCLUDED)
            add_new_pair (g, pairs, &r);
        }
    }
}

void
evl_reason_relate (const EvlContext *ctx, EvlGraph *g)
{
  g_return_if_fail (ctx != NULL && g != NULL);
  /* Derived relations are recomputed; evidence (cues, narrative, loaded
   * relations) stays as input. */
  guint nr = evl_graph_n_relations (g);
  g_autofree gboolean *keep = g_new (gboolean, nr + 1);
  for (guint i = 0; i < nr; i++)
    keep[i] = !evl_reason_evidence_is_derived (evl_graph_get_relation (g, i)->evidence);
  evl_graph_retain_relations (g, keep);

  infer_cue_days (ctx, g);

  Closure c = { g, 0, NULL, NULL, NULL };
  closure_select (&c);
  nr = evl_graph_n_relations (g);
  g_autofree gboolean *drop = g_new0 (gboolean, nr + 1);
  run_closure (&c, drop);
  for (guint i = 0; i < nr; i++)
    keep[i] = !drop[i];
  evl_graph_retain_relations (g, keep);

  g_autofree gint *lo = g_new (gint, c.n + 1);
  g_autofree gint *hi = g_new (gint, c.n + 1);
  narrow_ranges (&c, lo, hi);
  g_autoptr (GHashTable) pairs = related_pairs (g);
  add_date_chain (&c, pairs);
  add_bounds (&c, pairs, lo, hi);

  evl_pa_free (c.net);
  g_free (c.ev);
  g_free (c.local);
}
