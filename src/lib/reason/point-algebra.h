/* Point algebra networks with incremental path consistency (private).
 *
 * A relation between two time points is a subset of {<, =, >} (bits
 * EVL_PA_LT | EVL_PA_EQ | EVL_PA_GT).  For this algebra without '!=',
 * path consistency decides consistency and yields the minimal network, so
 * adding a constraint fails exactly when propagation empties a relation;
 * the network is then restored (trail) to its state before the call.
 * Intervals are point pairs: interval k is points 2k (start) and 2k + 1
 * (end). */
#pragma once

#include "evl-private.h"

enum { EVL_PA_LT = 1, EVL_PA_EQ = 2, EVL_PA_GT = 4, EVL_PA_ALL = 7 };

typedef struct _EvlPaNetwork EvlPaNetwork;

/* (transfer full) @n_points points, all pairs unconstrained. */
EvlPaNetwork *evl_pa_new (guint n_points);
void          evl_pa_free (EvlPaNetwork *net);
guint8        evl_pa_get (const EvlPaNetwork *net, guint i, guint j);
/* Constrains i REL j and propagates; FALSE (network unchanged) when
 * inconsistent. */
gboolean      evl_pa_add (EvlPaNetwork *net, guint i, guint j, guint8 rel);
/* Undo support: evl_pa_undo (net, mark) restores the state at mark. */
guint         evl_pa_mark (const EvlPaNetwork *net);
void          evl_pa_undo (EvlPaNetwork *net, guint mark);

/* Intervals: makes start <= end for intervals 0..n-1. */
void     evl_pa_init_intervals (EvlPaNetwork *net, guint n_intervals);
/* Adds the TimeML relation a REL b between intervals (BEFORE: end(a) <
 * start(b); INCLUDES: start(a) <= start(b), end(b) <= end(a);
 * SIMULTANEOUS: equal ends).  FALSE, unchanged, when inconsistent. */
gboolean evl_pa_add_interval (EvlPaNetwork *net, guint a, guint b, EvlRel rel);
/* The relation the network entails between intervals a and b, or -1. */
gint     evl_pa_entailed (const EvlPaNetwork *net, guint a, guint b);
