/* Shared by the renderers; never installed. */
#pragma once

#include "evl-private.h"
#include <graphviz/gvc.h>

/* Graphviz adapter: one GVC_t and one Agraph_t per diagram.  Graphviz keeps
 * global state (error handler), so all use is serialised by a lock taken in
 * evl_gv_new and released in evl_gv_free. */
typedef struct _EvlGv EvlGv;

EvlGv    *evl_gv_new (const char *name, gboolean directed);
void      evl_gv_free (EvlGv *gv);
Agraph_t *evl_gv_graph (EvlGv *gv);
void      evl_gv_set (void *obj, const char *attr, const char *value);
/* Sets an HTML-like label: @html must already be escaped markup. */
void      evl_gv_set_html (EvlGv *gv, void *obj, const char *attr, const char *html);
Agnode_t *evl_gv_node (EvlGv *gv, const char *name);
Agedge_t *evl_gv_edge (EvlGv *gv, Agnode_t *t, Agnode_t *h);
Agraph_t *evl_gv_subgraph (EvlGv *gv, const char *name);
/* Sets @attr of @obj for the SVG drawing only (a tooltip): the other
 * formats, DOT above all, are drawn without it. */
void      evl_gv_set_svg_only (EvlGv *gv, void *obj, const char *attr, const char *value);
/* Lays out once with @engine and draws each of @targets from that layout
 * (@opts->format is not read; @opts->dpi is PNG's).  SVG gets
 * <title>/<desc> inserted after the root element.  Stops at the first
 * target that fails. */
gboolean  evl_gv_render (EvlGv *gv, const char *engine, const EvlRenderOptions *opts,
                         const char *title, const char *desc,
                         const EvlRenderTarget *targets, guint n_targets, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvlGv, evl_gv_free)

#define EVL_RENDER_FONT "DejaVu Sans"

/* Appends @s escaped for a Graphviz HTML-like label (XML entities, and
 * backslashes doubled so Graphviz's \N escapes stay literal). */
void evl_render_escape (GString *out, const char *s);
/* Appends @s wrapped at @width characters, at most @max_lines lines joined
 * with <BR/>, escaped. */
void evl_render_wrapped (GString *out, const char *s, guint width, guint max_lines);

/* Events kept by the options' filters, in timeline order.  Fails only on an
 * unknown --entity. */
GArray *evl_render_select (const EvlGraph *g, const EvlRenderOptions *opts, GError **error);
/* The story thread (lane) of an event: its thread, else its humanised type. */
char *evl_render_thread (const EvlGraphEvent *e);
/* "13 Sep 2023", "May 2023", "2019", "1950–53", "Jan–Apr 2022". */
char *evl_render_format_range (EvlDay b, EvlDay e);
char *evl_render_event_date (const EvlGraphEvent *e);
/* Title and subtitle: documents, events, date range. */
char *evl_render_title (const EvlGraph *g, const EvlRenderOptions *opts, const char *kind);
char *evl_render_subtitle (const EvlGraph *g, GArray *events);
/* Appends @title escaped and wrapped, lines centred, to fit a page
 * @width_in inches wide in the 14-point bold of a heading. */
void evl_render_title_lines (GString *out, const char *title, double width_in);
/* Appends the diagram heading (bold title, wrapped to a page @width_in
 * inches wide, then the grey subtitle) to @h; the subtitle's <FONT> stays
 * open so the caller can add to it and must close it. */
void evl_render_heading (GString *h, const char *title, const char *subtitle, double width_in);
/* The node and edge font defaults every network diagram uses. */
void evl_render_graph_fonts (Agraph_t *ag, const char *edge_fontsize);
/* Fills entity node @n the same way in every diagram: persons as yellow
 * ellipses, @place (a location that is only ever where events happen, never
 * who acts in them) as a green house, countries, organisations and
 * locations acting as governments as blue boxes. */
void evl_render_entity_style (Agnode_t *n, const EvlGraphEntity *x, gboolean place);

/* A calendar period whose less-reported events a big timeline summarises. */
typedef struct {
  EvlDay b, e;          /* span of the hidden events; 0 = undated */
  char *label;          /* "Sep 2023", "Jul–Sep 2023", "2020s", "undated" */
  guint hidden;         /* events not drawn */
  guint top;            /* the most reported of them (event index) */
} EvlRenderPeriod;

/* When @sel (timeline order) holds more than @max events, keeps at most
 * @max of them in place (order kept): the most reported, then most
 * salient, at least one per period where the budget allows, at most 3
 * per story thread and period (2 when periods are days).  Returns the periods that
 * hide events, in time order with undated last (transfer full, labels
 * freed with the array), and the period grain; NULL when @sel fits.
 * (render/aggregate.c) */
GArray *evl_render_aggregate (const EvlGraph *g, GArray *sel, guint max, EvlGrain *grain_out);

/* Position of @thread among the lanes of @sel (the timeline's order). */
guint evl_render_lane_rank (const EvlGraph *g, GArray *sel, const char *thread);
/* Lane colours: border/strong and light fill. */
const char *evl_render_lane_color (guint i, gboolean light);

/* The renderer table's EvlRenderTargetsFunc: one graph, one layout,
 * every target drawn from it. */
gboolean evl_render_timeline (const EvlGraph *g, const EvlRenderOptions *opts,
                              const EvlRenderTarget *targets, guint n_targets, GError **error);
gboolean evl_render_relations (const EvlGraph *g, const EvlRenderOptions *opts,
                               const EvlRenderTarget *targets, guint n_targets, GError **error);
gboolean evl_render_entities (const EvlGraph *g, const EvlRenderOptions *opts,
                              const EvlRenderTarget *targets, guint n_targets, GError **error);
