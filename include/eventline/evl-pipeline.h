#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-context.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* What a caller will read of an annotated document: the pipeline runs
 * the steps those layers depend on and may skip the others, whose fields
 * are then left unset or partly set (read only what was asked for).  The
 * flags may be combined; EVL_PIPELINE_NEEDS_TIMEML is always included. */
typedef enum {
  /* Tokens, sentences, timexes, entity mentions (with their cluster
   * indices; the cluster records only with EVL_PIPELINE_NEEDS_ALL), and
   * event mentions with their TimeML attributes (span, class, lemma,
   * tense, aspect, polarity, modality): all evl_export_timeml() writes
   * but its event-timex and event-event TLINKs, which read the anchors. */
  EVL_PIPELINE_NEEDS_TIMEML = 1 << 0,
  /* Each event mention's story type and CAMEO code. */
  EVL_PIPELINE_NEEDS_TYPES = 1 << 1,
  /* Time anchors (timex, anchor_method, cue_event, cue_rel) and the
   * implied event mentions anchoring appends ('first ... since 2019'),
   * with their types: with the above, all `eventline tag -f json` writes. */
  EVL_PIPELINE_NEEDS_ANCHORS = 1 << 2,
  /* Every field: also the entity cluster records (name, key, aliases,
   * role), arguments (agent, patient, location, source),
   * participants, flags (hedged, reported, generic, outcome) and
   * salience, as the graph and the extract format read them. */
  EVL_PIPELINE_NEEDS_ALL = 0xff
} EvlPipelineNeeds;

/* Runs segment -> timex -> entities -> events on @doc: every layer
 * (evl_pipeline_annotate_for() with EVL_PIPELINE_NEEDS_ALL). */
EVL_API void evl_pipeline_annotate (const EvlContext *ctx, EvlDocument *doc);

/* Like evl_pipeline_annotate(), but computes only what @needs asks for
 * (and what that depends on): the fields it asks for hold exactly what a
 * full annotation gives them.  The pipeline keeps no record of what it
 * skipped and never marks @doc annotated (evl_document_set_annotated()),
 * so a later call asking for more annotates @doc again, whole. */
EVL_API void evl_pipeline_annotate_for (const EvlContext *ctx, EvlDocument *doc,
                                        EvlPipelineNeeds needs);

/* Annotates every document of @docs (EvlDocument*) using up to @n_threads
 * threads (0 = number of processors).  Order of @docs is unchanged. */
EVL_API void evl_pipeline_annotate_all (const EvlContext *ctx, GPtrArray *docs,
                                        guint n_threads);

/* Called by evl_pipeline_annotate_stream() with document @index of the
 * array, annotated, in array order, on the calling thread.  The callback
 * may drop the array's reference (set the slot to NULL after
 * evl_document_unref()): the pipeline does not touch the document again. */
typedef void (*EvlPipelineSink) (EvlDocument *doc, guint index, gpointer user_data);

/* Like evl_pipeline_annotate_all(), but hands each document to @sink as
 * soon as it and all documents before it are annotated, with at most
 * @window (0 = 4 per thread) documents annotated ahead of the sink, so a
 * caller that writes and drops each document keeps memory bounded by the
 * window instead of the corpus.  Output order is the order of @docs
 * whatever the threads do. */
EVL_API void evl_pipeline_annotate_stream (const EvlContext *ctx, GPtrArray *docs,
                                           guint n_threads, guint window,
                                           EvlPipelineSink sink, gpointer user_data);

/* evl_pipeline_annotate_stream() computing only what @needs asks for
 * (evl_pipeline_annotate_for()). */
EVL_API void evl_pipeline_annotate_stream_for (const EvlContext *ctx, GPtrArray *docs,
                                               guint n_threads, guint window,
                                               EvlPipelineNeeds needs,
                                               EvlPipelineSink sink, gpointer user_data);

G_END_DECLS
