#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-context.h>
#include <eventline/evl-document.h>
#include <eventline/evl-graph.h>

G_BEGIN_DECLS

typedef struct {
  float min_salience;      /* event mentions below are not added (0.5) */
  gboolean all_events;     /* add every event mention regardless */
} EvlReasonOptions;

#define EVL_REASON_OPTIONS_INIT { 0.5f, FALSE }

/* Adds an annotated document to the graph: its metadata, its entity
 * clusters (merged with existing entities by key) and its timeline-worthy
 * event mentions (one graph event each, merged later).  Also records
 * within-document temporal cues as relations (evidence "cue: hours before
 * the meeting") and, between undated past-tense events of a paragraph,
 * narrative order (evidence "narrative", low confidence).  Mentions in
 * page-furniture sentences are skipped.  @opts may be NULL (defaults). */
EVL_API void evl_reason_add_document (const EvlContext *ctx, EvlGraph *g,
                                      const EvlDocument *doc,
                                      const EvlReasonOptions *opts);

/* Cross-document event coreference: merges compatible events (type,
 * participants, location, time at granularity, lexical similarity),
 * keeping all mentions; records conflicts. */
EVL_API void evl_reason_merge (const EvlContext *ctx, EvlGraph *g);

/* Derives temporal relations from anchored times and cues, computes the
 * closure, resolves inconsistencies (keeping the better-supported
 * constraint, reported as conflicts) and narrows undated events' ranges. */
EVL_API void evl_reason_relate (const EvlContext *ctx, EvlGraph *g);

/* Assigns each event its story thread (lane) from type and participants. */
EVL_API void evl_reason_assign_threads (const EvlContext *ctx, EvlGraph *g);

/* add_document for each, then merge, relate, assign_threads. */
EVL_API EvlGraph *evl_reason_build_graph (const EvlContext *ctx, GPtrArray *docs,
                                          const EvlReasonOptions *opts);

/* Finishes a story built one document at a time with
 * evl_reason_add_document() (e.g. from an evl_pipeline_annotate_stream()
 * sink, dropping each document once added: the graph copies what it
 * keeps): merge, relate, assign_threads, then numbers the events in
 * timeline order.  add_document for each + this = evl_reason_build_graph(). */
EVL_API void evl_reason_finish_graph (const EvlContext *ctx, EvlGraph *g);

/* Adds @docs (EvlDocument*) to an existing story @g (e.g. loaded with
 * evl_graph_load_json()), then merges, relates and assigns threads again.
 * Documents whose id is already in @g are skipped.  Existing event ids
 * are kept; new events continue the numbering.  Returns the number of
 * documents added. */
EVL_API guint evl_reason_update_graph (const EvlContext *ctx, EvlGraph *g,
                                       GPtrArray *docs,
                                       const EvlReasonOptions *opts);

G_END_DECLS
