#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <glib.h>
#include <gio/gio.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* Input formats.  AUTO picks by content first, then extension. */
typedef enum {
  EVL_FORMAT_AUTO,
  EVL_FORMAT_TEXT,     /* plain UTF-8 text (optionally with front matter) */
  EVL_FORMAT_TIMEML,   /* TimeML: DCT + TEXT (gold tags kept as gold) */
  EVL_FORMAT_HTML,     /* a saved web page */
  EVL_FORMAT_JSONL,    /* news-please JSON Lines, one article per line */
  EVL_FORMAT_EXTRACTED,/* `eventline extract` output: annotated documents */
} EvlInputFormat;

EVL_API const char *evl_input_format_to_string (EvlInputFormat f);
/* Returns FALSE when @name is unknown. */
EVL_API gboolean evl_input_format_from_string (const char *name, EvlInputFormat *out);

typedef struct {
  EvlInputFormat format;
  gsize max_bytes;          /* refuse larger inputs (EVL_ERROR_TOO_LARGE); 0 = 64 MiB */
  const char *default_dct;  /* "YYYY-MM-DD" given to documents without one */
  gboolean guess_dct;       /* accept a dateline in the text as a guess */
} EvlLoadOptions;

#define EVL_LOAD_OPTIONS_INIT { EVL_FORMAT_AUTO, 0, NULL, TRUE }

/* (transfer full) Loads the documents in @path (a JSONL file yields many,
 * other formats one) and appends them to @out (a GPtrArray of EvlDocument*
 * with evl_document_unref as free func).  A manifest (eventline.json or
 * a sidecar FILE.meta.json, see README "Dating documents") supplies
 * metadata.  Errors are prefixed with the path. */
EVL_API gboolean evl_source_load_file (const char *path, const EvlLoadOptions *opts,
                                       GPtrArray *out, GError **error);

/* Loads from memory; @name is used for the id and error messages. */
EVL_API gboolean evl_source_load_bytes (const char *name, const char *data, gsize len,
                                        const EvlLoadOptions *opts, GPtrArray *out,
                                        GError **error);

/* Expands folders (non-recursive, sorted by name, hidden files and
 * manifests skipped) into a sorted list of file paths. (transfer full) */
EVL_API GPtrArray *evl_source_expand_paths (const char *const *paths, GError **error);

/* A loader for many inputs: each folder's eventline.json is read once
 * (not once per file), and a folder expanded through the loader tells
 * which files have a FILE.meta.json sidecar without asking the file
 * system per file.  Metadata files are seen as they were when first
 * needed (the listing, the first file of a folder).  @opts is copied;
 * the strings it points to must outlive the loader. */
typedef struct _EvlSourceLoader EvlSourceLoader;
EVL_API EvlSourceLoader *evl_source_loader_new (const EvlLoadOptions *opts);
EVL_API void evl_source_loader_free (EvlSourceLoader *loader);
/* As evl_source_expand_paths(), noting each listed folder's metadata files. */
EVL_API GPtrArray *evl_source_loader_expand (EvlSourceLoader *loader, const char *const *paths,
                                             GError **error);
/* The folders found inside the folders evl_source_loader_expand() listed
 * (hidden ones aside), each folder's sorted by name: their files were
 * not taken.
 * (transfer none) */
EVL_API GPtrArray *evl_source_loader_subfolders (EvlSourceLoader *loader);
/* As evl_source_load_file() with the loader's options. */
EVL_API gboolean evl_source_loader_load_file (EvlSourceLoader *loader, const char *path,
                                              GPtrArray *out, GError **error);
/* As evl_source_loader_load_file(), but JSON Lines (news-please articles
 * or `eventline extract` lines) on standard input ("-"), or in a file over
 * 4 MiB or over max_bytes, are read a chunk at a time: each call appends
 * the documents of about @chunk more bytes of whole lines (0: all of them)
 * and sets *@more while lines are left; call again with the same @path
 * until *@more is FALSE (another @path drops the rest).  --max-size
 * (max_bytes) then bounds each line, not the input.  Any other input is
 * read whole, *@more FALSE.  Bad lines do not stop the others: the error
 * that names the first comes with the last call.  Standard input can be
 * read once per loader. */
EVL_API gboolean evl_source_loader_load_some (EvlSourceLoader *loader, const char *path,
                                              gsize chunk, GPtrArray *out, gboolean *more,
                                              GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvlSourceLoader, evl_source_loader_free)

G_END_DECLS
