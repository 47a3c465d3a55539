/* STUB: replaced by the TimeML writer. */
#include "evl-private.h"
gboolean evl_export_timeml (const EvlDocument *doc, GOutputStream *out, GError **error) { (void) doc; (void) out; return evl_fail (error, EVL_ERROR_UNSUPPORTED_FORMAT, "not yet"); }
