/* STUB: replaced by the entities module. */
#include "evl-private.h"
void evl_entities_annotate (const EvlContext *ctx, EvlDocument *doc) { (void) ctx; (void) doc; }
char *evl_entity_normalize_key (const EvlContext *ctx, const char *name, EvlEntityType type) { (void) ctx; (void) type; return g_ascii_strdown (name, -1); }
