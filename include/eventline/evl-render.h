#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <gio/gio.h>
#include <eventline/evl-graph.h>

G_BEGIN_DECLS

typedef enum {
  EVL_IMAGE_SVG,
  EVL_IMAGE_PNG,
  EVL_IMAGE_PDF,
  EVL_IMAGE_DOT,
} EvlImageFormat;

typedef struct {
  EvlImageFormat format;
  double dpi;              /* PNG resolution; 0 = 150 (sharp on an A4 print) */
  double width_in;         /* page width in inches; 0 = fits A4 (8.27) */
  EvlDay from, to;         /* 0 = open */
  const char *entity;      /* only events of this entity, or NULL */
  const char *type;        /* only events of this story type, or NULL */
  const char *title;       /* NULL = derived from the graph */
  guint max_events;        /* timeline: beyond this many events, the most reported
                              are drawn and the rest counted per period;
                              0 = EVL_RENDER_MAX_EVENTS */
} EvlRenderOptions;

/* Default of EvlRenderOptions.max_events for the timeline diagram. */
#define EVL_RENDER_MAX_EVENTS 60

#define EVL_RENDER_OPTIONS_INIT { EVL_IMAGE_SVG, 0, 0, 0, 0, NULL, NULL, NULL, 0 }

/* Draws @opts->format to @out. */
typedef gboolean (*EvlRenderFunc) (const EvlGraph *g, const EvlRenderOptions *opts,
                                   GOutputStream *out, GError **error);

/* One format of a diagram and the stream it is written to (transfer none). */
typedef struct {
  EvlImageFormat format;
  GOutputStream *out;
} EvlRenderTarget;

/* Builds and lays out the diagram once and draws it to each of @targets in
 * turn (@opts->format is not read); stops at the first that fails. */
typedef gboolean (*EvlRenderTargetsFunc) (const EvlGraph *g, const EvlRenderOptions *opts,
                                          const EvlRenderTarget *targets, guint n_targets,
                                          GError **error);

/* A diagram kind: "timeline", "relations", "entities". */
typedef struct {
  const char *name;
  const char *description;
  EvlRenderFunc render;
  EvlRenderTargetsFunc render_targets;
} EvlRenderer;

/* (transfer none) NULL when unknown. */
EVL_API const EvlRenderer *evl_renderer_lookup (const char *name);
/* (transfer none) The table, terminated by an entry with name NULL. */
EVL_API const EvlRenderer *evl_renderer_list (void);

EVL_API gboolean evl_image_format_from_string (const char *name, EvlImageFormat *out);
EVL_API const char *evl_image_format_extension (EvlImageFormat f);

/* Renders @renderer to @path atomically (temporary file + rename). */
EVL_API gboolean evl_render_to_file (const EvlRenderer *renderer, const EvlGraph *g,
                                     const EvlRenderOptions *opts, const char *path,
                                     GError **error);

/* Renders @renderer to each of @formats from one layout: what
 * evl_render_to_file writes for each format, at the cost of one.  On
 * success out[i] holds the bytes of formats[i] (transfer full: free each
 * with g_bytes_unref); on failure sets @error and leaves @out untouched. */
EVL_API gboolean evl_render_formats (const EvlRenderer *renderer, const EvlGraph *g,
                                     const EvlRenderOptions *opts,
                                     const EvlImageFormat *formats, guint n_formats,
                                     GBytes **out, GError **error);

G_END_DECLS
