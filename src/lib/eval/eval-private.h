/* Shared by the scorers in eval/; never installed. */
#pragma once

#include "evl-private.h"

/* (transfer full) The regular files under @root (sub-folders too with
 * @recurse; hidden entries skipped) as paths relative to @root, sorted by
 * name.  NULL with EVL_ERROR_IO when @root cannot be read. */
GPtrArray *evl_eval_list_files (const char *root, gboolean recurse, GError **error);
