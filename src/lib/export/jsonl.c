/* events.jsonl: the events of events.json, one compact object per line.
 * The objects are taken from the graph's own JSON serialisation, so the
 * two files can never disagree on a field. */
#include "evl-private.h"

#include <json-glib/json-glib.h>

gboolean
evl_export_jsonl (const EvlGraph *g, GOutputStream *out, GError **error)
{
  g_return_val_if_fail (g != NULL && G_IS_OUTPUT_STREAM (out), FALSE);
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  if (!evl_graph_save_json (g, mem, error) || !g_output_stream_close (mem, NULL, error))
    return FALSE;
  GMemoryOutputStream *m = G_MEMORY_OUTPUT_STREAM (mem);
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_data (parser, g_memory_output_stream_get_data (m),
                                   (gssize) g_memory_output_stream_get_data_size (m), &local))
    return evl_fail (error, EVL_ERROR_IO, "cannot re-read the graph: %s", local->message);
  JsonNode *root = json_parser_get_root (parser);
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *events = o && json_object_has_member (o, "events")
                      ? json_object_get_array_member (o, "events") : NULL;
  if (events == NULL)
    return evl_fail (error, EVL_ERROR_IO, "the graph has no event list");

  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, FALSE);
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      json_generator_set_root (gen, json_array_get_element (events, i));
      g_autofree char *line = json_generator_to_data (gen, NULL);
      g_string_append (text, line);
      g_string_append_c (text, '\n');
    }
  if (!g_output_stream_write_all (out, text->str, text->len, NULL, NULL, &local))
    return evl_fail (error, EVL_ERROR_IO, "cannot write JSON lines: %s", local->message);
  return TRUE;
}
