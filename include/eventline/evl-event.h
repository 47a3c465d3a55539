#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-context.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* Recognises TimeML events (verbs, event nominals, annotated states) with
 * class, tense, aspect, polarity and modality; types them with the story
 * taxonomy (data/taxonomy/story.txt); attaches agent, patient, location
 * and reported-speech source from entity mentions; anchors each to a timex
 * (clause, sentence, cue, tense) and scores its salience.  Requires
 * segment, timex and entities to have run.  Replaces earlier events. */
EVL_API void evl_events_annotate (const EvlContext *ctx, EvlDocument *doc);

/* The lemma of an inflected word form ("plunged" -> "plunge"),
 * (transfer full). */
EVL_API char *evl_events_lemmatize (const EvlContext *ctx, const char *word, gssize len);

G_END_DECLS
