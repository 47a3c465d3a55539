/* events.json: the story graph as JSON.  The serialisation lives with the
 * graph (graph/graph-json.c) because the same file is what
 * `eventline build --graph` reloads; this is the exporter's entry point. */
#include "evl-private.h"

gboolean
evl_export_json (const EvlGraph *g, GOutputStream *out, GError **error)
{
  g_return_val_if_fail (g != NULL && G_IS_OUTPUT_STREAM (out), FALSE);
  return evl_graph_save_json (g, out, error);
}
