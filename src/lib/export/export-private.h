/* export/: shared between the export sources and their tests; never
 * installed. */
#pragma once

#include "evl-private.h"

/* atomic.c: whether evl_export_stream_atomic() may create its temporary
 * as an unnamed O_TMPFILE (Linux) or must use the portable mkstemp path.
 * Both give the same bytes and guarantees; tests switch it off to cover
 * the fallback.  Default: on where the system has it.  @link_refused
 * makes the link of the unnamed file fail (as a sandboxed /proc may), to
 * cover the copy into a named temporary that follows; it also switches
 * O_TMPFILE off for later files, as a real refusal does. */
void evl_export_atomic_set_tmpfile (gboolean enabled, gboolean link_refused);
