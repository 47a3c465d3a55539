#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-context.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* Runs segment -> timex -> entities -> events on @doc. */
EVL_API void evl_pipeline_annotate (const EvlContext *ctx, EvlDocument *doc);

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

G_END_DECLS
