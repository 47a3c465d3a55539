/* Internal interface between the parts of the reasoner (reason/):
 * reason-add.c (documents -> graph records), reason-merge.c (event
 * coreference), reason-relate.c (temporal closure), reason-threads.c
 * (lanes and the build entry points). */
#pragma once

#include "evl-private.h"

/* Confidence of each kind of temporal evidence; a constraint that
 * contradicts better-supported ones is dropped. */
#define EVL_CONF_DATES_STRONG 0.95f
#define EVL_CONF_CUE          0.80f
#define EVL_CONF_DATES_WEAK   0.45f
#define EVL_CONF_NARRATIVE    0.30f

/* How much a time anchored by @anchor (evl_anchor_method_to_string) can
 * be trusted: 3 a timex in the clause, 2 elsewhere in the sentence or
 * inherited through a cue, 1 the creation time or tense, 0 none.  Times
 * of strength >= 2 are "dated"; weaker ones never veto a merge. */
guint evl_reason_anchor_strength (const char *anchor);
#define EVL_STRONG_TIME 2

/* Evidence strings carried by relations; relate() recomputes the derived
 * ones and keeps the others as input constraints. */
#define EVL_EVIDENCE_DATES "dates"
#define EVL_EVIDENCE_CLOSURE "closure"
#define EVL_EVIDENCE_NARRATIVE "narrative"
gboolean evl_reason_evidence_is_derived (const char *evidence);

/* Recomputes @ev's summary line from its fields ("Kim Jong Un and
 * Vladimir Putin meet at Vostochny Cosmodrome").  @verb may be NULL (the
 * trigger is used); @object, @prep (the location's preposition) and
 * @patient_prep (the preposition written before a nominal's patient:
 * 'talks with X', 'sanctions against X'; "of" when NULL) too. */
char *evl_reason_summary (const EvlGraph *g, const EvlGraphEvent *ev,
                          const char *verb, gboolean verbal,
                          const char *object, const char *prep,
                          const char *patient_prep);

/* Day distance between two intervals (0 when they overlap). */
guint evl_reason_interval_gap (EvlDay b1, EvlDay e1, EvlDay b2, EvlDay e2);

/* Some document of @g was added with EvlReasonOptions.all_events: every
 * mention is kept, even one that makes no card of its own. */
gboolean evl_reason_keeps_all_events (EvlGraph *g);

/* Calls @fn with the TAB-separated fields of each non-comment line of a
 * data file (NULL: none). */
typedef void (*EvlReasonRecordFn) (char **fields, guint n, gpointer data);
void evl_reason_each_record (GBytes *bytes, EvlReasonRecordFn fn, gpointer data);

/* (transfer full) Story types that are catch-alls (taxonomy/threads.txt
 * 'loose' lanes): merged like untyped events, on the same trigger only. */
GHashTable *evl_reason_loose_types (const EvlContext *ctx);
