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

/* Bounds on runaway input (a megabyte without a full stop or a newline):
 * a sentence never holds more than this many tokens (it is cut between
 * two lower-case words in its last 32 tokens, else at the cap, so that no
 * name or date is split), and a paragraph ends at the
 * first sentence end past this many tokens, so that per-sentence and
 * per-paragraph work downstream stays bounded.  News sentences run well
 * under 100 tokens and paragraphs under 300. */
#define EVL_SEGMENT_MAX_SENTENCE_TOKENS 256
#define EVL_SEGMENT_MAX_PARAGRAPH_TOKENS 4096

G_END_DECLS
