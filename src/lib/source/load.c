/* STUB */
#include "evl-private.h"
const char *evl_input_format_to_string (EvlInputFormat f) { (void) f; return "text"; }
gboolean evl_input_format_from_string (const char *name, EvlInputFormat *out) { (void) name; (void) out; return FALSE; }
gboolean evl_source_load_bytes (const char *name, const char *data, gsize len, const EvlLoadOptions *opts, GPtrArray *out, GError **error)
{ (void) opts; EvlDocument *d = evl_document_new (name, data, len, error); if (!d) return FALSE; g_ptr_array_add (out, d); return TRUE; }
gboolean evl_source_load_file (const char *path, const EvlLoadOptions *opts, GPtrArray *out, GError **error)
{ g_autofree char *c = NULL; gsize n; if (!g_file_get_contents (path, &c, &n, error)) return FALSE; return evl_source_load_bytes (path, c, n, opts, out, error); }
GPtrArray *evl_source_expand_paths (const char *const *paths, GError **error) { (void) error; GPtrArray *a = g_ptr_array_new_with_free_func (g_free); for (; *paths; paths++) g_ptr_array_add (a, g_strdup (*paths)); return a; }
