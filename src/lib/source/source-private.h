/* Format-specific loaders behind evl_source_load_bytes(); never installed.
 * Each appends the documents it reads from @data to @out. */
#pragma once

#include "evl-private.h"

/* TimeML (TimeBank/AQUAINT .tml, TempEval-3 .TE3input, SemEval-2015 <s>
 * documents): DCT from <DCT><TIMEX3 value>, text from <TEXT>, inline
 * TIMEX3/EVENT kept as gold tags.  (source/timeml.c) */
gboolean evl_source_load_timeml (const char *name, const char *data, gsize len,
                                 const EvlLoadOptions *opts, GPtrArray *out,
                                 GError **error);

/* TRUE when @data looks like TimeML (a <TimeML root or <TEXT> element). */
gboolean evl_source_sniff_timeml (const char *data, gsize len);
