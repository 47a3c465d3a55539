#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-context.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* Finds PERSON / ORGANIZATION / LOCATION mentions (gazetteer + title,
 * capitalisation and context rules) and clusters aliases within the
 * document ('Kim Jong-un', 'Kim', 'Mr. Kim', 'the North Korean leader').
 * Requires a segmented document.  Replaces earlier entity annotations. */
EVL_API void evl_entities_annotate (const EvlContext *ctx, EvlDocument *doc);

/* The cross-document merge key of a name: lower case, hyphens and dots
 * folded, known aliases mapped to their canonical entity ("DPRK" ->
 * "north korea", "Kim Jong-un" -> "kim jong un").  (transfer full) */
EVL_API char *evl_entity_normalize_key (const EvlContext *ctx, const char *name,
                                        EvlEntityType type);

G_END_DECLS
