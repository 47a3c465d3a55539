/* Internal interface between the two halves of the events stage. */
#pragma once

#include "evl-private.h"

/* Second half of evl_events_annotate(), after recognition (recognize.c)
 * has added TimeML event mentions with lemma, class, tense, aspect:
 * story typing (data/taxonomy/story.txt), agent/patient/location/source
 * from entity mentions, polarity and modality, time anchoring and
 * salience.  Edits the document's event mentions in place. (story.c) */
void evl_events_story_annotate (const EvlContext *ctx, EvlDocument *doc);
/* The same running only the rule families @needs depends on
 * (EvlPipelineNeeds): the fields @needs asks for come out as
 * evl_events_story_annotate() sets them. (story.c) */
void evl_events_story_annotate_for (const EvlContext *ctx, EvlDocument *doc, EvlPipelineNeeds needs);

/* evl_events_annotate() computing only what @needs asks for: recognition,
 * then evl_events_story_annotate_for(). (events.c) */
void evl_events_annotate_for (const EvlContext *ctx, EvlDocument *doc, EvlPipelineNeeds needs);

/* ---- recognition (recognize.c, lemma.c) ---- */

/* Longest lemma the recognizer handles; longer words are their own lemma. */
#define EVL_LEMMA_MAX 64

/* Writes the lower-cased lemma of @word (@len bytes) into @buf (@cap
 * bytes, at least EVL_LEMMA_MAX) and returns its length; never allocates.
 * Irregular table (en/irregular-verbs) first, then -ies/-ied/-ing/-ed/
 * -es/-s rules whose candidate stems are preferred when they are known
 * word forms (en/event-forms), then English spelling rules. */
gsize evl_events_lemma_into (const EvlContext *ctx, const char *word, gsize len,
                             char *buf, gsize cap);
/* The same with the two lexicons already looked up (hot path). */
gsize evl_events_lemma_with (const EvlLexicon *forms, const EvlLexicon *irregular,
                             const char *word, gsize len, char *buf, gsize cap);
/* The same when the caller has looked @word up in @irregular already
 * (@irr_known; @irr_entry the result, NULL: absent): the recognizer folds
 * and hashes a word once for all its lookups (evl_lex_key_init()). */
gsize evl_events_lemma_irr (const EvlLexicon *forms, const EvlLexicon *irregular,
                            const EvlLexEntry *irr_entry, gboolean irr_known, const char *word,
                            gsize len, char *buf, gsize cap);

/* Whether @data, the bytes of @path in the compiled-in resource @res,
 * are the resource's own (static data, the same at every lookup) rather
 * than a copy made for the lookup (a compressed resource): strings in
 * them outlive every document as literals do. (recognize.c) */
gboolean evl_events_resource_is_static (GResource *res, const char *path, gconstpointer data);

/* The bytes of the compiled-in known-words image (event-known.bin, an
 * uncompressed resource: static data), *@lo NULL when there is none.  A
 * lemma the recognizer took from it (a seen form's) points in there,
 * and stays the same string for the whole process. (recognize.c) */
void evl_events_known_image_range (const char **lo, const char **hi);

/* First half of evl_events_annotate(): appends one EvlEventMention per
 * TimeML event trigger token with lemma, class, tense and aspect. */
void evl_events_recognize (const EvlContext *ctx, EvlDocument *doc);
