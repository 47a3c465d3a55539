#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <glib.h>
#include <eventline/evl-version.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* Scorers (TempEval-3 timex/event measures).  Owned by src/lib/eval/.
 *
 * Entity extents follow the TempEval-3 evaluation (UzZaman et al. 2013):
 *   strict  — a system entity matches a gold one with the identical span;
 *   relaxed — the spans overlap.
 * Precision = matched system entities / system entities, recall = matched
 * gold entities / gold entities, each side counted on its own.
 * Attribute scores (TIMEX3 type and value, EVENT class and tense): an entity counts
 * when its best relaxed match (identical span first, then the largest
 * overlap, then the earliest) has the same attribute; attribute P/R/F1 use
 * the same denominators, so attribute F1 = relaxed F1 x attribute accuracy
 * over the relaxed matches, as TempEval-3 reports it.
 *
 * Only entities inside <TEXT> are scored: the DCT (functionInDocument=
 * CREATION_TIME, which TimeML puts in <DCT>) never enters a document's gold
 * tags. */

typedef enum {
  EVL_EVAL_TIMEX,   /* gold tags "TIMEX3"; attributes type, value */
  EVL_EVAL_EVENT,   /* gold tags "EVENT"; attributes class, tense */
} EvlEvalKind;

#define EVL_EVAL_N_ATTRS 2
#define EVL_EVAL_N_CATEGORIES 8

/* Counts for one category (TIMEX3 type, EVENT class; see
 * evl_eval_category_name()), each side by its own label; 'correct' counts
 * gold entities whose value (TIMEX3) or class (EVENT) agrees on their best
 * match. */
typedef struct {
  guint gold, gold_strict, gold_relaxed, gold_correct;
  guint system, system_relaxed;
} EvlEvalCategoryCounts;

/* Raw counts, summed over documents (micro-averaging). */
typedef struct {
  EvlEvalKind kind;
  guint n_docs;             /* gold documents scored */
  guint n_docs_missing;     /* gold documents without a system file */
  guint n_docs_mismatch;    /* pairs whose texts differ (spans unreliable) */
  guint gold, system;       /* entities */
  guint strict_gold, strict_system;    /* entities with a strict match */
  guint relaxed_gold, relaxed_system;  /* entities with a relaxed match */
  guint attr_gold[EVL_EVAL_N_ATTRS];   /* ... whose attribute also agrees */
  guint attr_system[EVL_EVAL_N_ATTRS];
  EvlEvalCategoryCounts by_category[EVL_EVAL_N_CATEGORIES];
} EvlEvalCounts;

/* Category @i of @kind: "DATE", "TIME", "DURATION", "SET" / the TimeML
 * classes; the last one, "other", holds unknown labels.  NULL past it. */
EVL_API const char *evl_eval_category_name (EvlEvalKind kind, guint i);

typedef struct {
  double precision, recall, f1;
} EvlPRF;

typedef struct {
  EvlPRF strict, relaxed;
  EvlPRF attr[EVL_EVAL_N_ATTRS];        /* attribute P/R/F1 */
  double attr_accuracy[EVL_EVAL_N_ATTRS]; /* over relaxed-matched gold */
} EvlEvalScores;

/* Names of @kind's attributes ("type", "value" / "class", "tense"); NULL past the
 * last one. */
EVL_API const char *evl_eval_attr_name (EvlEvalKind kind, guint i);
EVL_API guint       evl_eval_n_attrs (EvlEvalKind kind);

EVL_API void evl_eval_counts_init (EvlEvalCounts *out, EvlEvalKind kind);

/* Adds one document's entities: @gold and @system are tag records (only
 * those whose tag is @c->kind's, "TIMEX3" or "EVENT", are used). */
EVL_API void evl_eval_add_tags (EvlEvalCounts *c, const EvlGoldTag *gold, guint n_gold,
                                const EvlGoldTag *system, guint n_system);

/* Adds a pair of documents read from TimeML: the gold tags of both. */
EVL_API void evl_eval_add_documents (EvlEvalCounts *c, const EvlDocument *gold,
                                     const EvlDocument *system);

/* Adds one document's own annotations (its timexes or event mentions, as
 * 'eventline tag' would write them) scored against its gold tags: scores a
 * TimeML document annotated in memory, e.g. for cross-validation. */
EVL_API void evl_eval_add_annotated (EvlEvalCounts *c, const EvlDocument *doc);

/* Scores every regular file under @gold_dir (sub-folders included, hidden
 * files and files that are not TimeML skipped) against the file at the same relative path in
 * @system_dir, or else the file of the same name directly in @system_dir
 * (so a flat 'eventline tag -o DIR' output pairs with a gold tree).  A
 * missing system file counts every gold entity as missed.  When
 * @gold_dir is a file, scores it against @system_dir (a file, or the file
 * of the same name in that folder).  Fails (EVL_ERROR_IO/PARSE, prefixed with
 * the file name) when a folder or a file cannot be read. */
EVL_API gboolean evl_eval_dirs (EvlEvalCounts *c, const char *gold_dir,
                                const char *system_dir, GError **error);

/* One disagreement found while scoring, for error analysis. */
typedef enum {
  EVL_EVAL_MISSED,     /* a gold entity no system entity overlaps */
  EVL_EVAL_SPURIOUS,   /* a system entity no gold entity overlaps */
  EVL_EVAL_PARTIAL,    /* overlapping, but not the same extent */
  EVL_EVAL_ATTRIBUTE,  /* attribute @attr differs on the best match */
} EvlEvalMismatchKind;

typedef struct {
  const char *doc;           /* file name, relative to the gold folder */
  const char *gold_text;     /* the gold document's text: gold spans index it */
  gsize gold_len;
  const char *system_text;   /* the system document's text, NULL if none */
  gsize system_len;
  EvlEvalMismatchKind kind;
  guint attr;                /* ATTRIBUTE: index for evl_eval_attr_name() */
  const EvlGoldTag *gold;    /* NULL for SPURIOUS */
  const EvlGoldTag *system;  /* NULL for MISSED */
} EvlEvalMismatch;

/* Called once per mismatch; @m and what it points to are valid during
 * the call only. */
typedef void (*EvlEvalMismatchFunc) (const EvlEvalMismatch *m, gpointer user_data);

/* evl_eval_dirs(), reporting every mismatch to @func (may be NULL). */
EVL_API gboolean evl_eval_dirs_full (EvlEvalCounts *c, const char *gold_dir,
                                     const char *system_dir, EvlEvalMismatchFunc func,
                                     gpointer user_data, GError **error);

/* Precision, recall and F1 from the counts (0 where undefined). */
EVL_API void evl_eval_counts_score (const EvlEvalCounts *c, EvlEvalScores *out);

/* ---- SemEval-2015 Task 4 (TimeLine): temporal awareness ----
 *
 * A timeline file has the entity on its first line, then per event
 * "ORDER<TAB>DATE<TAB>MENTION[<TAB>MENTION...]" (MENTION = docid-sentence-
 * token).  Each timeline becomes a temporal graph: mentions of one ORDER
 * SIMULTANEOUS, each ORDER group BEFORE the next, a group IS_INCLUDED in
 * its DATE (YYYY, YYYY-MM, YYYY-MM-DD; XX parts open), ORDER 0 unrelated.
 * Precision is the share of the system graph's (reduced) relations that
 * the gold graph's transitive closure entails, recall the share of gold
 * relations the system closure entails (UzZaman and Allen 2011, as in
 * TempEval-3); micro-averaged over timelines. */
typedef struct {
  guint n_timelines;      /* gold timelines scored */
  guint n_missing;        /* ... without a system timeline */
  guint gold, system;     /* relations in the reduced graphs */
  guint gold_verified;    /* gold relations entailed by the system closure */
  guint system_verified;  /* system relations entailed by the gold closure */
} EvlTimelineCounts;

EVL_API void evl_eval_timeline_counts_init (EvlTimelineCounts *out);

/* Adds one timeline pair given as file contents; @system may be NULL
 * (nothing found).  @name labels parse errors (EVL_ERROR_PARSE). */
EVL_API gboolean evl_eval_timeline_add (EvlTimelineCounts *c, const char *gold,
                                        const char *system, const char *name,
                                        GError **error);

/* Pairs the files of @gold_dir with those of the same name in @system_dir. */
EVL_API gboolean evl_eval_timeline_dirs (EvlTimelineCounts *c, const char *gold_dir,
                                         const char *system_dir, GError **error);

EVL_API void evl_eval_timeline_score (const EvlTimelineCounts *c, EvlPRF *out);

/* ---- TempEval-3 TLINKs: temporal awareness ----
 *
 * Each TimeML file's TLINKs (eventInstanceID/timeID to
 * relatedToEventInstance/relatedToTime, through MAKEINSTANCE to the
 * EVENT) form a temporal graph over its events and timexes, the DCT one
 * node.  A system EVENT or TIMEX3 stands for the gold one it matches
 * best (as the entity scores match them: identical extent, else the
 * largest overlap); the DCTs match each other.  Only links whose two ends
 * are matched are scored; the others still take part in their graph's
 * closure.  With K- the reduced graph (links the others entail dropped)
 * and K+ the transitive closure (UzZaman and Allen 2011, as in
 * TempEval-3; DURING, DURING_INV and IDENTITY count as SIMULTANEOUS):
 *   precision = |Sys- entailed by Gold+| / |Sys-|
 *   recall    = |Gold- entailed by Sys+| / |Gold-|
 * micro-averaged over documents; per kind of link the same counts over
 * the links of that kind.  Pairwise: a link is correct when the other
 * side has a link between the same two entities with the same relation
 * (either direction, inverted). */
typedef enum {
  EVL_TLINK_ALL,
  EVL_TLINK_EVENT_DCT,
  EVL_TLINK_EVENT_TIMEX,    /* a timex of the text */
  EVL_TLINK_EVENT_EVENT,
  EVL_TLINK_TIMEX_TIMEX,    /* the DCT included */
  EVL_TLINK_N_KINDS
} EvlTlinkKind;

/* "all", "event-DCT", "event-timex", "event-event", "timex-timex". */
EVL_API const char *evl_eval_tlink_kind_name (EvlTlinkKind kind);

typedef struct {
  guint gold, system;                  /* links with both ends matched */
  guint gold_reduced, system_reduced;  /* ... left in K- */
  guint gold_verified, system_verified; /* ... of K- entailed by the other K+ */
  guint gold_pair_correct, system_pair_correct; /* pairwise, of gold, system */
} EvlTlinkKindCounts;

typedef struct {
  guint n_docs;            /* gold documents scored */
  guint n_docs_missing;    /* ... without a system file */
  guint gold_links, system_links;        /* TLINKs read (valid ends) */
  guint gold_unmatched, system_unmatched; /* ... with an end unmatched */
  EvlTlinkKindCounts kind[EVL_TLINK_N_KINDS];
} EvlTlinkCounts;

EVL_API void evl_eval_tlink_counts_init (EvlTlinkCounts *out);

/* One TLINK not entailed by the other side, for error analysis. */
typedef struct {
  const char *doc;          /* file name, relative to the gold folder */
  gboolean gold_side;       /* a gold link the system misses, else a system link gold does not entail */
  EvlTlinkKind kind;
  const char *rel;          /* its relType */
  const char *from, *to;    /* the ends' text ("DCT" for the creation time) */
} EvlTlinkMismatch;

typedef void (*EvlTlinkMismatchFunc) (const EvlTlinkMismatch *m, gpointer user_data);

/* Pairs files as evl_eval_dirs() does and adds their TLINK counts;
 * @func (may be NULL) hears of every link of K- the other side's
 * closure does not entail. */
EVL_API gboolean evl_eval_tlinks_dirs (EvlTlinkCounts *c, const char *gold_dir,
                                       const char *system_dir, EvlTlinkMismatchFunc func,
                                       gpointer user_data, GError **error);

/* Adds one pair given as TimeML file contents (@system may be NULL);
 * @name labels parse errors. */
EVL_API gboolean evl_eval_tlinks_add (EvlTlinkCounts *c, const char *gold, gsize gold_len,
                                      const char *system, gsize system_len, const char *name,
                                      GError **error);

/* Temporal awareness and pairwise P/R/F1 of @c's links of @kind. */
EVL_API void evl_eval_tlink_score (const EvlTlinkCounts *c, EvlTlinkKind kind,
                                   EvlPRF *awareness_out, EvlPRF *pairwise_out);

G_END_DECLS
