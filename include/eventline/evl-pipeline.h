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

G_END_DECLS
