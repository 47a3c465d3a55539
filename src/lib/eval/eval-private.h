/* Shared by the scorers in eval/; never installed. */
#pragma once

#include "evl-private.h"

/* (transfer full) The regular files under @root (sub-folders too with
 * @recurse; hidden entries skipped) as paths relative to @root, sorted by
 * name.  NULL with EVL_ERROR_IO when @root cannot be read. */
GPtrArray *evl_eval_list_files (const char *root, gboolean recurse, GError **error);

/* ---- temporal graphs (tgraph.c) ---- */

/* Relations between intervals: TimeML's TLINK relTypes (DURING and
 * IDENTITY are SIMULTANEOUS, as TempEval-3 scores them) and WITHIN, the
 * non-strict inclusion of a TimeLine event in its date. */
typedef enum {
  EVL_TREL_BEFORE,
  EVL_TREL_AFTER,
  EVL_TREL_IBEFORE,
  EVL_TREL_IAFTER,
  EVL_TREL_INCLUDES,
  EVL_TREL_IS_INCLUDED,
  EVL_TREL_BEGINS,
  EVL_TREL_BEGUN_BY,
  EVL_TREL_ENDS,
  EVL_TREL_ENDED_BY,
  EVL_TREL_SIMULTANEOUS,
  EVL_TREL_WITHIN,
  EVL_TREL_N
} EvlTRel;

typedef struct {
  guint x, y;    /* node indices */
  EvlTRel rel;
} EvlTEdge;

/* Named interval nodes, the edges between them, and once closed
 * (evl_tgraph_close()) the order graph over their begin/end points. */
typedef struct {
  GHashTable *index;   /* node name -> index + 1 */
  GPtrArray *names;    /* index -> name (owned by index keys) */
  GArray *edges;       /* EvlTEdge */
  GArray *date_lo;     /* EvlDay per node, 0 when not a date */
  GArray *date_hi;
  guint n_points;      /* node k is points 2k (begin) and 2k + 1 (end) */
  GArray **arcs;       /* per point: the constraints leaving it */
  guint8 *seen;        /* scratch of the reachability search */
  GArray *stack;
} EvlTGraph;

void evl_tgraph_init (EvlTGraph *g);
void evl_tgraph_clear (EvlTGraph *g);
/* The node named @name, added with calendar bounds [@lo, @hi) (0, 0: not
 * a date) when new. */
guint evl_tgraph_node (EvlTGraph *g, const char *name, EvlDay lo, EvlDay hi);
/* -1 when @g has no node @name. */
gint evl_tgraph_lookup (const EvlTGraph *g, const char *name);
/* FALSE when @g already has this edge. */
gboolean evl_tgraph_add_edge (EvlTGraph *g, guint x, guint y, EvlTRel rel);
/* Drops the edges the others entail (the reduced graph, K-); unclosed. */
void evl_tgraph_reduce (EvlTGraph *g);
/* Builds the order graph (the closure, K+); edges that contradict the
 * ones before them add nothing. */
void evl_tgraph_close (EvlTGraph *g);
/* Whether the closed @to entails @e, an edge of @from (nodes matched by
 * name). */
gboolean evl_tgraph_entails (EvlTGraph *to, const EvlTGraph *from, const EvlTEdge *e);
/* How many edges of @from the closed @to entails. */
guint evl_tgraph_verified (const EvlTGraph *from, EvlTGraph *to);
/* Adds the dates of @from to @to (world knowledge both graphs share). */
void evl_tgraph_share_dates (EvlTGraph *to, const EvlTGraph *from);

/* ---- shared by the TimeML scorers (eval.c) ---- */

/* Reads @path as TimeML into a new document; NULL (with @error) on
 * failure.  With @skip_other, a file that is not TimeML (a README beside
 * the corpus) gives NULL without an error. */
EvlDocument *evl_eval_read_timeml (const char *path, gboolean skip_other, GError **error);

/* The tags of @tag ("TIMEX3", "EVENT") with a valid span, in a new array
 * of pointers into @tags. */
GPtrArray *evl_eval_select_tags (const char *tag, const EvlGoldTag *tags, guint n);

/* The tag of @other (EvlGoldTag pointers) that @a matches best: an
 * identical span first, then the largest overlap, then the earliest;
 * NULL when none overlaps.  *@exact_out (may be NULL): identical. */
const EvlGoldTag *evl_eval_best_match (const EvlGoldTag *a, GPtrArray *other, gboolean *exact_out);

/* One gold file and its system file (NULL path and document when there
 * is none), paired by evl_eval_pairs(); @rel is the gold file's path
 * under the gold folder.  FALSE (with @error) stops the walk. */
typedef gboolean (*EvlEvalPairFunc) (const char *rel, const char *gold_path, EvlDocument *gold,
                                     const char *system_path, EvlDocument *system,
                                     gpointer user_data, GError **error);

/* Pairs the files as evl_eval_dirs() describes and calls @func on each
 * pair, in file name order. */
gboolean evl_eval_pairs (const char *gold_dir, const char *system_dir, EvlEvalPairFunc func,
                         gpointer user_data, GError **error);

/* P = @matched_system / @system, R = @matched_gold / @gold, and their F1
 * (0 where undefined). */
EvlPRF evl_eval_prf (guint matched_system, guint system, guint matched_gold, guint gold);
