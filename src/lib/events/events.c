/* STUB: replaced by the events module. */
#include "evl-private.h"
void evl_events_annotate (const EvlContext *ctx, EvlDocument *doc) { (void) ctx; (void) doc; }
char *evl_events_lemmatize (const EvlContext *ctx, const char *word, gssize len) { (void) ctx; return g_ascii_strdown (word, len); }
