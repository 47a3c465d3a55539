/* lexicon/: shared by context.c, lexicon.c and the build-time index tool
 * (lexicon-index-tool.c); never installed. */
#pragma once

#include "evl-private.h"

/* (transfer full) Parses one lexicon file (@len bytes of @data; @name is
 * only used in error messages).  NULL with EVL_ERROR_PARSE when a line
 * has an empty canonical form. */
EvlLexicon *evl_lexicon_parse (const char *name, const char *data, gsize len, GError **error);
void evl_lexicon_free (EvlLexicon *lex);

/* The lexicon index: a flat, pointer-free image of parsed lexicons
 * (offsets from its start, native byte order, 8-byte aligned sections),
 * written at build time from the compiled-in text and embedded in the
 * library, so that a context looks lexicons up in place instead of parsing
 * ~3.4 MB of text at every start-up.
 *
 * evl_lexicon_index_write() appends lexicon @lex, parsed from a text of
 * @text_len bytes, under @name ("en/months") to @index (start with an empty
 * array); evl_lexicon_index_finish() completes it. */
void evl_lexicon_index_write (GByteArray *index, const char *name, const EvlLexicon *lex,
                              gsize text_len);
void evl_lexicon_index_finish (GByteArray *index);

/* (transfer full) The lexicon @name of @index (@index_len bytes, 8-byte
 * aligned, must outlive the result), the same entries in the same order
 * with the same lookup results as evl_lexicon_parse() of its text.  NULL
 * when @index is not a valid index for this build (byte order, layout),
 * has no lexicon @name, or has it for a text of another length than
 * @text_len: the caller then parses the text. */
EvlLexicon *evl_lexicon_index_map (const guint8 *index, gsize index_len, const char *name,
                                   gsize text_len);
