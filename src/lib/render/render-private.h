/* Shared by the renderers; never installed. */
#pragma once

#include "evl-private.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#define EVL_FONT "DejaVu Sans"

/* Graphviz 2.43 takes char * where it means const char *: these wrappers
 * keep the casts in one place. */
Agraph_t *evl_gv_open (const char *name);
Agnode_t *evl_gv_node (Agraph_t *g, const char *name);
Agedge_t *evl_gv_edge (Agraph_t *g, Agnode_t *a, Agnode_t *b, const char *name);
void evl_gv_set (void *obj, const char *attr, const char *value);
/* Sets an HTML-like label; @html must already be escaped markup. */
void evl_gv_set_html (void *obj, const char *attr, const char *html);
void evl_gv_setf (void *obj, const char *attr, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

/* Lays out @g with @engine ("dot", "neato") and renders it to @format;
 * for SVG, inserts an accessible <title>/<desc>.  Returns the bytes. */
GBytes *evl_gv_render (Agraph_t *g, const char *engine, const EvlRenderOptions *opts,
                       const char *title, const char *desc, GError **error);

/* Escaped text for an HTML-like label, wrapped at @width characters into
 * at most @max_lines lines joined by <BR/>; an ellipsis marks a cut. */
char *evl_gv_wrap (const char *text, guint width, guint max_lines);

/* Lane colours and event selection shared by the diagrams. */
typedef struct {
  const char *fill;
  const char *stroke;
} EvlLaneColor;

const EvlLaneColor *evl_render_lane_color (guint lane);
/* Lane (thread) index of @ev among the graph's threads, in display order. */
guint evl_render_lane_of (const EvlGraph *g, const EvlGraphEvent *ev, GPtrArray *lanes);
/* (transfer full) Lane names in display order: the graph's threads that
 * have events, else the events' thread names in first-seen order. */
GPtrArray *evl_render_lanes (const EvlGraph *g, GArray *events);
/* (transfer full) Event indices in timeline order that pass the options'
 * filters (from/to, entity, type), at most opts->max_events of them (the
 * best supported when cut). */
GArray *evl_render_select (const EvlGraph *g, const EvlRenderOptions *opts);
/* "13 Sep 2023", "Aug 2023", "2019", "1950–1953"; NULL when undated. */
char *evl_render_date_label (const EvlGraphEvent *ev);

gboolean evl_render_timeline (const EvlGraph *g, const EvlRenderOptions *opts,
                              GOutputStream *out, GError **error);
gboolean evl_render_relations (const EvlGraph *g, const EvlRenderOptions *opts,
                               GOutputStream *out, GError **error);
gboolean evl_render_entities (const EvlGraph *g, const EvlRenderOptions *opts,
                              GOutputStream *out, GError **error);
