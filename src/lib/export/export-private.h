/* export/: shared between the export sources and their tests; never
 * installed. */
#pragma once

#include "evl-private.h"

/* atomic.c: whether evl_export_stream_atomic() may create its temporary
 * as an unnamed O_TMPFILE (Linux) or must use the portable mkstemp path.
 * Both give the same bytes and guarantees; tests switch it off to cover
 * the fallback.  Default: on where the system has it. */
void evl_export_atomic_set_tmpfile (gboolean enabled);
