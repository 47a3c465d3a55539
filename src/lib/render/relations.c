/* The relationship diagrams.  "relations": who and where, linked to the
 * events they take part in, edges labelled with the role (agent,
 * participant, patient, location, source), laid out left to right by dot.
 * "entities": entities only, linked by the events they share (edge weight
 * = shared events), laid out by neato.  Large graphs keep the most active
 * entities and fold the rest into one "other" node. */
#include "render-private.h"

#include <string.h>

#define MAX_ENTITIES 30

typedef enum { ROLE_AGENT, ROLE_PARTICIPANT, ROLE_PATIENT, ROLE_LOCATION, ROLE_SOURCE } Role;

static const char *const role_names[] = { "agent", "participant", "patient", "location", "source" };
static const char *const role_colors[] = { "#0072b2", "#56b4e9", "#cc79a7", "#009e73", "#888888" };

typedef void (*RoleFunc) (guint event, gint entity, Role role, gpointer data);

/* Calls @fn once per (event, entity) with the entity's strongest role. */
static void
for_each_role (const EvlGraphEvent *ev, guint event, RoleFunc fn, gpointer data)
{
  if (ev->agent >= 0)
    fn (event, ev->agent, ROLE_AGENT, data);
  if (ev->patient >= 0 && ev->patient != ev->agent)
    fn (event, ev->patient, ROLE_PATIENT, data);
  for (guint i = 0; ev->participants && i < ev->participants->len; i++)
    {
      gint p = (gint) g_array_index (ev->participants, guint, i);
      if (p != ev->agent && p != ev->patient && p != ev->location && p != ev->source)
        fn (event, p, ROLE_PARTICIPANT, data);
    }
  if (ev->location >= 0)
    fn (event, ev->location, ROLE_LOCATION, data);
  if (ev->source >= 0 && ev->source != ev->agent)
    fn (event, ev->source, ROLE_SOURCE, data);
}

static void
count_role (guint event, gint entity, Role role, gpointer data)
{
  (void) event;
  (void) role;
  guint *counts = data;
  counts[entity]++;
}

static int
cmp_entity (gconstpointer a, gconstpointer b, gpointer data)
{
  const guint *counts = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  if (counts[ia] != counts[ib])
    return counts[ia] > counts[ib] ? -1 : 1;
  return ia < ib ? -1 : 1;
}

/* keep[e]: TRUE for the MAX_ENTITIES most active entities. */
static gboolean *
top_entities (const EvlGraph *g, GArray *events, guint **counts_out)
{
  guint n = evl_graph_n_entities (g);
  guint *counts = g_new0 (guint, n + 1);
  for (guint i = 0; i < events->len; i++)
    {
      guint idx = g_array_index (events, guint, i);
      for_each_role (evl_graph_get_event (g, idx), idx, count_role, counts);
    }
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint e = 0; e < n; e++)
    if (counts[e])
      g_array_append_val (order, e);
  g_array_sort_with_data (order, cmp_entity, counts);
  gboolean *keep = g_new0 (gboolean, n + 1);
  for (guint i = 0; i < order->len && i < MAX_ENTITIES; i++)
    keep[g_array_index (order, guint, i)] = TRUE;
  *counts_out = counts;
  return keep;
}

static void
style_entity (Agnode_t *n, const EvlGraphEntity *e)
{
  switch (e->type)
    {
    case EVL_ENTITY_PERSON:
      evl_gv_set (n, "shape", "ellipse");
      evl_gv_set (n, "fillcolor", "#fff4d6");
      evl_gv_set (n, "color", "#b07d00");
      break;
    case EVL_ENTITY_ORGANIZATION:
      evl_gv_set (n, "shape", "box3d");
      evl_gv_set (n, "fillcolor", "#e8e1f5");
      evl_gv_set (n, "color", "#6a4c93");
      break;
    default:
      evl_gv_set (n, "shape", "house");
      evl_gv_set (n, "fillcolor", "#dff2ec");
      evl_gv_set (n, "color", "#007a5a");
      break;
    }
  evl_gv_set (n, "style", "filled");
  evl_gv_set (n, "label", e->name);
  evl_gv_set (n, "fontsize", "10");
}

/* The key under the title: node shapes and edge colours. */
static char *
legend_html (gboolean roles)
{
  GString *s = g_string_new ("<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#444444\">"
                             "ellipse: person \xc2\xb7 house: place or country \xc2\xb7 "
                             "box: organisation");
  if (roles)
    {
      g_string_append (s, " \xc2\xb7 rounded box: event (lane colour) \xc2\xb7 edges: ");
      for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
        g_string_append_printf (s, "%s<FONT COLOR=\"%s\"><B>%s</B></FONT>", r ? ", " : "",
                                role_colors[r], role_names[r]);
    }
  else
    g_string_append (s, " \xc2\xb7 edge label: events shared");
  g_string_append (s, "</FONT>");
  return g_string_free (s, FALSE);
}

static Agraph_t *
new_graph (const char *name, const char *title_text, const EvlRenderOptions *opts)
{
  Agraph_t *ag = evl_gv_open (name);
  evl_gv_set (ag, "fontname", EVL_FONT);
  evl_gv_set (ag, "pad", "0.25");
  evl_gv_set (ag, "bgcolor", "white");
  evl_gv_set (ag, "labelloc", "t");
  agattr (ag, AGNODE, (char *) "fontname", (char *) EVL_FONT);
  agattr (ag, AGEDGE, (char *) "fontname", (char *) EVL_FONT);
  agattr (ag, AGEDGE, (char *) "fontsize", (char *) "8");
  g_autofree char *t = g_markup_escape_text (title_text, -1);
  g_autofree char *sub = g_markup_escape_text (opts->title ? opts->title : "", -1);
  g_autofree char *legend = legend_html (strcmp (name, "relations") == 0);
  g_autofree char *html = g_strdup_printf ("<FONT POINT-SIZE=\"15\"><B>%s</B></FONT>%s%s%s", t,
                                           *sub ? "<BR/>" : "", sub, legend);
  evl_gv_set_html (ag, "label", html);
  double w = opts->width_in > 0 ? opts->width_in : 8.27;
  evl_gv_setf (ag, "size", "%.2f,%.2f", w, w * 1.6);
  return ag;
}

typedef struct {
  const EvlGraph *g;
  Agraph_t *ag;
  const gboolean *keep;
  Agnode_t *other;
  guint n_other;
} EdgeCtx;

static Agnode_t *
entity_node (EdgeCtx *c, gint entity)
{
  const EvlGraphEntity *e = evl_graph_get_entity (c->g, (guint) entity);
  if (!c->keep[entity])
    {
      if (c->other == NULL)
        {
          c->other = evl_gv_node (c->ag, "other-entities");
          evl_gv_set (c->other, "shape", "note");
          evl_gv_set (c->other, "style", "filled");
          evl_gv_set (c->other, "fillcolor", "#f2f2f2");
          evl_gv_set (c->other, "fontsize", "9");
        }
      c->n_other++;
      return c->other;
    }
  Agnode_t *n = agnode (c->ag, (char *) e->id, 0);
  if (n == NULL)
    {
      n = evl_gv_node (c->ag, e->id);
      style_entity (n, e);
    }
  return n;
}

static void
add_role_edge (guint event, gint entity, Role role, gpointer data)
{
  EdgeCtx *c = data;
  const EvlGraphEvent *ev = evl_graph_get_event (c->g, event);
  Agnode_t *en = entity_node (c, entity);
  Agnode_t *vn = agnode (c->ag, (char *) ev->id, 0);
  g_autofree char *name = g_strdup_printf ("%s-%s-%s", ev->id, role_names[role],
                                           evl_graph_get_entity (c->g, (guint) entity)->id);
  Agedge_t *e = evl_gv_edge (c->ag, en, vn, name);
  evl_gv_set (e, "label", role_names[role]);
  evl_gv_set (e, "color", role_colors[role]);
  evl_gv_set (e, "fontcolor", role_colors[role]);
  if (role == ROLE_SOURCE)
    evl_gv_set (e, "style", "dashed");
}

gboolean
evl_render_relations (const EvlGraph *g, const EvlRenderOptions *opts, GOutputStream *out,
                      GError **error)
{
  g_autoptr (GArray) events = evl_render_select (g, opts);
  g_autoptr (GPtrArray) lanes = evl_render_lanes (g, events);
  g_autofree guint *counts = NULL;
  g_autofree gboolean *keep = top_entities (g, events, &counts);

  Agraph_t *ag = new_graph ("relations", "Who takes part in what", opts);
  evl_gv_set (ag, "rankdir", "LR");
  evl_gv_set (ag, "nodesep", "0.12");
  evl_gv_set (ag, "ranksep", "1.2");
  guint n_events = 0;
  for (guint i = 0; i < events->len; i++)
    {
      const EvlGraphEvent *ev = evl_graph_get_event (g, g_array_index (events, guint, i));
      gboolean has_role = ev->agent >= 0 || ev->patient >= 0 || ev->location >= 0 || ev->source >= 0
                          || (ev->participants && ev->participants->len);
      if (!has_role)
        continue;
      n_events++;
      Agnode_t *n = evl_gv_node (ag, ev->id);
      const EvlLaneColor *c = evl_render_lane_color (evl_render_lane_of (g, ev, lanes));
      g_autofree char *date = evl_render_date_label (ev);
      g_autofree char *summary = evl_gv_wrap (ev->summary ? ev->summary : ev->trigger, 34, 3);
      g_autofree char *d = g_markup_escape_text (date ? date : "undated", -1);
      g_autofree char *html = g_strdup_printf ("<FONT POINT-SIZE=\"7.5\" COLOR=\"#444444\">%s \xc2\xb7 %u source%s</FONT><BR/>%s%s%s",
                                               d, ev->n_sources, ev->n_sources == 1 ? "" : "s",
                                               ev->polarity == EVL_POLARITY_NEG ? "<S>" : "", summary,
                                               ev->polarity == EVL_POLARITY_NEG ? "</S>" : "");
      evl_gv_set (n, "shape", "box");
      gboolean hedged = ev->polarity != EVL_POLARITY_NEG && (ev->modality || (ev->flags & EVL_EVENT_FLAG_HEDGED));
      evl_gv_set (n, "style", hedged ? "rounded,filled,dashed" : "rounded,filled");
      evl_gv_set (n, "fillcolor", ev->polarity == EVL_POLARITY_NEG ? "#f2f2f2" : c->fill);
      evl_gv_set (n, "color", c->stroke);
      evl_gv_set (n, "fontsize", "9");
      evl_gv_set_html (n, "label", html);
    }
  EdgeCtx ctx = { g, ag, keep, NULL, 0 };
  for (guint i = 0; i < events->len; i++)
    {
      guint idx = g_array_index (events, guint, i);
      const EvlGraphEvent *ev = evl_graph_get_event (g, idx);
      if (agnode (ag, (char *) ev->id, 0))
        for_each_role (ev, idx, add_role_edge, &ctx);
    }
  if (ctx.other)
    evl_gv_setf (ctx.other, "label", "%u more\nentities", ctx.n_other);
  if (n_events == 0)
    {
      Agnode_t *n = evl_gv_node (ag, "empty");
      evl_gv_set (n, "shape", "plaintext");
      evl_gv_set (n, "label", "No events with participants to show.");
    }
  g_autofree char *desc = g_strdup_printf ("%u events and the people, organisations and places taking part in them, "
                                           "edges labelled with roles.", n_events);
  g_autoptr (GBytes) bytes = evl_gv_render (ag, "dot", opts, "Who takes part in what", desc, error);
  agclose (ag);
  if (bytes == NULL)
    return FALSE;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return g_output_stream_write_all (out, data, len, NULL, NULL, error);
}

gboolean
evl_render_entities (const EvlGraph *g, const EvlRenderOptions *opts, GOutputStream *out,
                     GError **error)
{
  g_autoptr (GArray) events = evl_render_select (g, opts);
  g_autofree guint *counts = NULL;
  g_autofree gboolean *keep = top_entities (g, events, &counts);
  guint n = evl_graph_n_entities (g);
  /* Shared-event counts between kept entities, upper triangle. */
  g_autoptr (GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint *weights = NULL;
  GArray *w = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint i = 0; i < events->len; i++)
    {
      const EvlGraphEvent *ev = evl_graph_get_event (g, g_array_index (events, guint, i));
      GArray *who = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint k = 0; ev->participants && k < ev->participants->len; k++)
        g_array_append_val (who, g_array_index (ev->participants, guint, k));
      if (ev->agent >= 0)
        g_array_append_vals (who, &(guint){ (guint) ev->agent }, 1);
      for (guint a = 0; a < who->len; a++)
        for (guint b = 0; b < who->len; b++)
          {
            guint ea = g_array_index (who, guint, a), eb = g_array_index (who, guint, b);
            if (ea >= eb || !keep[ea] || !keep[eb])
              continue;
            gint64 key = ((gint64) ea << 32) | eb;
            gpointer slot;
            if (g_hash_table_lookup_extended (pairs, &key, NULL, &slot))
              g_array_index (w, guint, GPOINTER_TO_UINT (slot))++;
            else
              {
                g_array_append_val (keys, key);
                guint one = 1;
                g_array_append_val (w, one);
                g_hash_table_insert (pairs, g_memdup2 (&key, sizeof key),
                                     GUINT_TO_POINTER (w->len - 1));
              }
          }
      g_array_unref (who);
    }
  weights = (guint *) (void *) g_array_free (w, FALSE);

  Agraph_t *ag = new_graph ("entities", "Who acts with whom", opts);
  evl_gv_set (ag, "overlap", "prism");
  evl_gv_set (ag, "sep", "+8");
  evl_gv_set (ag, "splines", "true");
  guint shown = 0;
  for (guint e = 0; e < n; e++)
    if (keep[e])
      {
        Agnode_t *node = evl_gv_node (ag, evl_graph_get_entity (g, e)->id);
        style_entity (node, evl_graph_get_entity (g, e));
        shown++;
      }
  for (guint i = 0; i < keys->len; i++)
    {
      gint64 key = g_array_index (keys, gint64, i);
      guint ea = (guint) (key >> 32), eb = (guint) (key & 0xffffffff);
      Agnode_t *a = agnode (ag, (char *) evl_graph_get_entity (g, ea)->id, 0);
      Agnode_t *b = agnode (ag, (char *) evl_graph_get_entity (g, eb)->id, 0);
      Agedge_t *edge = evl_gv_edge (ag, a, b, NULL);
      evl_gv_set (edge, "dir", "none");
      evl_gv_setf (edge, "penwidth", "%.1f", 0.8 + weights[i]);
      evl_gv_setf (edge, "label", "%u", weights[i]);
      evl_gv_set (edge, "color", "#777777");
    }
  if (shown == 0)
    {
      Agnode_t *node = evl_gv_node (ag, "empty");
      evl_gv_set (node, "shape", "plaintext");
      evl_gv_set (node, "label", "No entities to show.");
    }
  g_autofree char *desc = g_strdup_printf ("%u entities linked by the events they share; edge labels count shared events.",
                                           shown);
  g_autoptr (GBytes) bytes = evl_gv_render (ag, "neato", opts, "Who acts with whom", desc, error);
  agclose (ag);
  if (bytes == NULL)
    return FALSE;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return g_output_stream_write_all (out, data, len, NULL, NULL, error);
}
