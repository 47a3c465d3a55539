/* STUB */
#include "evl-private.h"
void evl_segment_document (const EvlContext *ctx, EvlDocument *doc) { (void) ctx; (void) doc; }
