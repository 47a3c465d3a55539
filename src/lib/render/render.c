/* STUB: replaced by the render module. */
#include "evl-private.h"
static const EvlRenderer table[] = { { NULL, NULL, NULL } };
const EvlRenderer *evl_renderer_lookup (const char *name) { (void) name; return NULL; }
const EvlRenderer *evl_renderer_list (void) { return table; }
gboolean evl_image_format_from_string (const char *name, EvlImageFormat *out) { (void) name; (void) out; return FALSE; }
const char *evl_image_format_extension (EvlImageFormat f) { (void) f; return "svg"; }
gboolean evl_render_to_file (const EvlRenderer *r, const EvlGraph *g, const EvlRenderOptions *o, const char *path, GError **error)
{ (void) r; (void) g; (void) o; return evl_fail (error, EVL_ERROR_RENDER, "%s: renderer not built", path); }
