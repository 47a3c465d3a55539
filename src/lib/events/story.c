/* STUB: story typing, arguments, factuality, anchoring, salience. */
#include "events-private.h"
void evl_events_story_annotate (const EvlContext *ctx, EvlDocument *doc) { (void) ctx; (void) doc; }
