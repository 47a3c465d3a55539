/* STUB: replaced by the reason module. */
#include "evl-private.h"
void evl_reason_add_document (const EvlContext *ctx, EvlGraph *g, const EvlDocument *doc, const EvlReasonOptions *opts)
{
  (void) ctx; (void) opts;
  EvlGraphDocument d = { evl_document_get_id (doc), evl_document_get_path (doc), evl_document_get_dct (doc), "none", evl_document_get_title (doc), evl_document_get_url (doc) };
  evl_graph_add_document (g, &d);
}
void evl_reason_merge (const EvlContext *ctx, EvlGraph *g) { (void) ctx; (void) g; }
void evl_reason_relate (const EvlContext *ctx, EvlGraph *g) { (void) ctx; (void) g; }
void evl_reason_assign_threads (const EvlContext *ctx, EvlGraph *g) { (void) ctx; (void) g; }
EvlGraph *evl_reason_build_graph (const EvlContext *ctx, GPtrArray *docs, const EvlReasonOptions *opts)
{
  EvlGraph *g = evl_graph_new ();
  for (guint i = 0; i < docs->len; i++)
    evl_reason_add_document (ctx, g, docs->pdata[i], opts);
  evl_reason_merge (ctx, g);
  evl_reason_relate (ctx, g);
  evl_reason_assign_threads (ctx, g);
  return g;
}
