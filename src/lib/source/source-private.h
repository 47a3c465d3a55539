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

/* ---- ingestion of real-world inputs (source/decode.c, html.c, jsonl.c) ---- */

/* Handles a byte-order mark at the start of *@data: a UTF-8 BOM is
 * skipped; UTF-16/32 input is converted to UTF-8 into a new buffer stored in
 * *@owned_out (g_free it; NULL when no conversion took place) and *@data,
 * *@len point into it.  EVL_ERROR_ENCODING when the conversion fails. */
gboolean evl_source_decode_bom (const char *name, const char **data, gsize *len,
                                char **owned_out, GError **error);

/* (transfer full) The lower-cased charset label declared in the first 4 KiB
 * (XML declaration encoding=, <meta charset>, http-equiv Content-Type);
 * NULL when none. */
char *evl_source_sniff_charset (const char *data, gsize len);

/* (transfer full) An HTML page as NUL-ended UTF-8 (*@out_len bytes), converted
 * from its declared charset with g_convert() (see decode.c for the rules).
 * EVL_ERROR_ENCODING for an unknown charset or undecodable bytes. */
char *evl_source_html_to_utf8 (const char *name, const char *data, gsize len,
                               gsize *out_len, GError **error);

/* Reads standard input to the end, refusing more than @max bytes
 * (EVL_ERROR_TOO_LARGE).  *@data_out is NUL-ended; g_free it. */
gboolean evl_source_read_stdin (gsize max, char **data_out, gsize *len_out, GError **error);

/* (transfer full) What a too-large error ends with, so that the reader
 * need not look the option up: "raise it with --max-size SIZE", SIZE the
 * smallest whole count of bytes, K, M or G (1024-based, as --max-size
 * reads them) that holds @need bytes. */
char *evl_source_max_size_advice (gsize need);

/* (transfer full) @name's basename without its extension: the document id
 * of a single-document file ("in/kim-putin.html" -> "kim-putin"). */
char *evl_source_name_stem (const char *name);

/* (transfer full) "YYYY-MM-DD" from a metadata date ("2023-09-14T08:00:00Z",
 * "2023-09-14 08:00:00", "2023/09/14", "20230914", "Thu, 14 Sep 2023
 * 08:00:00 GMT", "September 14, 2023"); the calendar date as written, time
 * zone ignored.  NULL when @s holds no valid date. */
char *evl_source_normalize_date (const char *s);

/* TRUE when JSON text @data nests arrays/objects at most @max levels deep
 * (json-glib parses recursively; deeper input is refused unparsed). */
gboolean evl_source_json_depth_ok (const char *data, gsize len, guint max);

/* HTML page -> one document: main text (boilerplate removed), title, URL
 * and DCT from the page's metadata; id = @name's basename without
 * extension.  (source/html.c) */
gboolean evl_source_load_html (const char *name, const char *data, gsize len,
                               const EvlLoadOptions *opts, GPtrArray *out, GError **error);

/* news-please JSON Lines -> one document per non-blank line.  A malformed
 * line does not stop the others: every good line is appended to @out, and
 * then FALSE is returned with an EVL_ERROR_PARSE naming the first bad line
 * ("NAME:LINE: ...") and how many more there were.  (source/jsonl.c) */
gboolean evl_source_load_jsonl (const char *name, const char *data, gsize len,
                                const EvlLoadOptions *opts, GPtrArray *out, GError **error);
/* JSON Lines a chunk at a time (standard input): the lines of
 * @data[0..len) numbered from @line_base + 1; articles are appended to
 * @out, bad lines (and lines longer than @max_line, unless 0) counted in
 * *@bad, the first kept in *@first. */
void evl_source_jsonl_lines (const char *name, const char *data, gsize len, guint line_base,
                             gsize max_line, GPtrArray *out, guint *good, guint *bad,
                             GError **first);
/* After the last chunk: the error for no lines or for bad ones. */
gboolean evl_source_jsonl_finish (const char *name, guint good, guint bad, GError **first,
                                  GError **error);
/* TRUE when @data starts with a complete line holding one object (JSON
 * Lines, not one pretty-printed article or an array). */
gboolean evl_source_jsonl_one_per_line (const char *data, gsize len);
