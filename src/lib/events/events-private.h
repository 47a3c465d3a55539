/* Internal interface between the two halves of the events stage. */
#pragma once

#include "evl-private.h"

/* Second half of evl_events_annotate(), after recognition (recognize.c)
 * has added TimeML event mentions with lemma, class, tense, aspect:
 * story typing (data/taxonomy/story.txt), agent/patient/location/source
 * from entity mentions, polarity and modality, time anchoring and
 * salience.  Edits the document's event mentions in place. (story.c) */
void evl_events_story_annotate (const EvlContext *ctx, EvlDocument *doc);
