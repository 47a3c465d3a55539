/* STUB: replaced by the export module. */
#include "evl-private.h"
gboolean evl_export_json (const EvlGraph *g, GOutputStream *out, GError **error) { (void) g; return g_output_stream_write_all (out, "{}\n", 3, NULL, NULL, error); }
gboolean evl_export_write_atomic (const char *path, const char *contents, gsize len, GError **error)
{ return g_file_set_contents (path, contents, (gssize) len, error); }
gboolean evl_export_to_file (EvlStreamWriter writer, const EvlGraph *g, const char *path, GError **error)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  if (!writer (g, mem, error) || !g_output_stream_close (mem, NULL, error)) return FALSE;
  return evl_export_write_atomic (path, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (mem)), g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem)), error);
}
