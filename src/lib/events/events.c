/* STUB: replaced by the events module (recognition). */
#include "events-private.h"
void evl_events_annotate (const EvlContext *ctx, EvlDocument *doc) { evl_document_clear_events (doc); evl_events_story_annotate (ctx, doc); }
char *evl_events_lemmatize (const EvlContext *ctx, const char *word, gssize len) { (void) ctx; return g_ascii_strdown (word, len); }
