#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-context.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* Splits the text into paragraphs, sentences and tokens (byte offsets),
 * knowing abbreviations (U.S., Mr., Gen.) from the "en/abbreviations"
 * lexicon.  Marks headings and page furniture (teasers, credits, bios,
 * comment prompts) on sentences.  A document that already has sentences
 * (pre-segmented TimeML) is left alone.  Never fails. */
EVL_API void evl_segment_document (const EvlContext *ctx, EvlDocument *doc);

G_END_DECLS
