#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <gio/gio.h>
#include <eventline/evl-graph.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* events.json: {documents, entities, events, relations, conflicts}. */
EVL_API gboolean evl_export_json (const EvlGraph *g, GOutputStream *out, GError **error);

/* Writes @contents to @path through a temporary file renamed into place,
 * so a failure never leaves a partial file or destroys the old one. */
EVL_API gboolean evl_export_write_atomic (const char *path, const char *contents,
                                          gsize len, GError **error);

/* Runs @writer into memory and writes the result atomically to @path. */
typedef gboolean (*EvlStreamWriter) (const EvlGraph *g, GOutputStream *out, GError **error);
EVL_API gboolean evl_export_to_file (EvlStreamWriter writer, const EvlGraph *g,
                                     const char *path, GError **error);

/* The document as TimeML with the system's TIMEX3 and EVENT tags inserted
 * into TEXT; characters outside the tags are the input's. */
EVL_API gboolean evl_export_timeml (const EvlDocument *doc, GOutputStream *out,
                                    GError **error);

G_END_DECLS
