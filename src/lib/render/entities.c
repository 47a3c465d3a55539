/* Entity-only view: entities linked when they take part in the same
 * events; edge width and label give the number of shared events.  The
 * most connected entities are kept, the rest merge into 'other'. */
#include "render-private.h"

#define MAX_ENTITIES 30

gboolean
evl_render_entities (const EvlGraph *g, const EvlRenderOptions *opts,
                     const EvlRenderTarget *targets, guint n_targets, GError **error)
{
  g_autoptr (GArray) sel = evl_render_select (g, opts, error);
  if (sel == NULL)
    return FALSE;
  guint ne = evl_graph_n_entities (g);
  g_autofree guint *count = g_new0 (guint, MAX (ne, 1));
  /* As in the relations diagram: a location is drawn as a place only when
   * it is never more than where an event happens. */
  g_autofree gboolean *acts = g_new0 (gboolean, MAX (ne, 1));
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint k = 0; k < sel->len; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (sel, guint, k));
      GArray *m = g_array_new (FALSE, FALSE, sizeof (guint));
      gint extra[] = { e->agent, e->patient, e->location, e->source };
      for (guint j = 0; e->participants && j < e->participants->len; j++)
        g_array_append_val (m, g_array_index (e->participants, guint, j));
      for (guint j = 0; j < G_N_ELEMENTS (extra); j++)
        if (extra[j] >= 0)
          {
            guint v = (guint) extra[j];
            g_array_append_val (m, v);
          }
      /* distinct */
      guint w = 0;
      for (guint a = 0; a < m->len; a++)
        {
          gboolean dup = FALSE;
          for (guint b = 0; b < w && !dup; b++)
            dup = g_array_index (m, guint, b) == g_array_index (m, guint, a);
          if (!dup)
            g_array_index (m, guint, w++) = g_array_index (m, guint, a);
        }
      g_array_set_size (m, w);
      for (guint a = 0; a < m->len; a++)
        {
          gint v = (gint) g_array_index (m, guint, a);
          count[v]++;
          if (v != e->location || v == e->agent || v == e->patient)
            acts[v] = TRUE;
        }
      g_ptr_array_add (members, m);
    }
  /* node id per entity: its own (top), or the shared 'other' = ne. */
  g_autofree guint *node_of = g_new0 (guint, MAX (ne, 1));
  g_autofree gboolean *shown = g_new0 (gboolean, MAX (ne, 1));
  for (guint c = 0; c < MAX_ENTITIES; c++)
    {
      gint best = -1;
      for (guint i = 0; i < ne; i++)
        if (!shown[i] && count[i] && (best < 0 || count[i] > count[best]))
          best = (gint) i;
      if (best < 0)
        break;
      shown[best] = TRUE;
    }
  guint n_other = 0;
  for (guint i = 0; i < ne; i++)
    {
      node_of[i] = shown[i] ? i : ne;
      n_other += !shown[i] && count[i];
    }
  guint nn = ne + 1;
  g_autofree guint *weight = g_new0 (guint, (gsize) nn * nn);
  for (guint k = 0; k < members->len; k++)
    {
      GArray *m = members->pdata[k];
      for (guint a = 0; a < m->len; a++)
        for (guint b = a + 1; b < m->len; b++)
          {
            guint x = node_of[g_array_index (m, guint, a)], y = node_of[g_array_index (m, guint, b)];
            if (x == y)
              continue;
            weight[(gsize) MIN (x, y) * nn + MAX (x, y)]++;
          }
    }

  guint n_drawn = n_other > 0, n_edges = 0;
  for (guint i = 0; i < ne; i++)
    n_drawn += shown[i];
  for (gsize i = 0; i < (gsize) nn * nn; i++)
    n_edges += weight[i] > 0;

  g_autoptr (EvlGv) gv = evl_gv_new ("entities", FALSE);
  Agraph_t *ag = evl_gv_graph (gv);
  evl_gv_set (ag, "fontname", EVL_RENDER_FONT);
  /* Overlaps removed by the least moves (vpsc) rather than by Graphviz's
   * default, which scales the whole layout up until no two nodes touch:
   * that spread a story of thirty entities to twice an A4 page, drawn at
   * half size (embassy set: 0.52 -> 0.92 of the type size). */
  evl_gv_set (ag, "overlap", "vpsc");
  evl_gv_set (ag, "sep", "+8");
  evl_gv_set (ag, "splines", "true");
  evl_gv_set (ag, "labelloc", "t");
  evl_render_graph_fonts (ag, "8");
  g_autofree char *title = evl_render_title (g, opts, "Who appears with whom");
  g_autofree char *subtitle = evl_render_subtitle (g, sel);
  GString *h = g_string_new (NULL);
  evl_render_heading (h, title, subtitle, opts->width_in > 0 ? opts->width_in : 8.27);
  /* (the edge legend of a drawing without edges would send the reader
   * looking for what is not there) */
  g_string_append (h, n_edges ? " · edge label = events shared</FONT>"
                              : n_drawn > 1 ? " · no two of them share an event</FONT>" : "</FONT>");
  evl_gv_set_html (gv, ag, "label", h->str);

  g_autofree Agnode_t **nodes = g_new0 (Agnode_t *, nn);
  for (guint i = 0; i < ne; i++)
    {
      if (!shown[i])
        continue;
      const EvlGraphEntity *x = evl_graph_get_entity (g, i);
      Agnode_t *n = nodes[i] = evl_gv_node (gv, x->id);
      g_string_truncate (h, 0);
      evl_render_wrapped (h, x->name, 18, 2);
      g_string_append_printf (h, "<BR/><FONT POINT-SIZE=\"7\">%u event%s</FONT>", count[i], count[i] == 1 ? "" : "s");
      evl_gv_set_html (gv, n, "label", h->str);
      evl_render_entity_style (n, x, !acts[i]);
    }
  if (n_other)
    {
      nodes[ne] = evl_gv_node (gv, "other");
      g_autofree char *lab = g_strdup_printf ("other (%u)", n_other);
      evl_gv_set (nodes[ne], "label", lab);
      evl_gv_set (nodes[ne], "shape", "box");
      evl_gv_set (nodes[ne], "style", "dashed");
    }
  /* Entities named only outside the events drawn are not drawn: without
   * this line such a story drew its title alone. */
  if (n_drawn == 0)
    {
      Agnode_t *n = evl_gv_node (gv, "empty");
      evl_gv_set (n, "shape", "plaintext");
      evl_gv_set (n, "label", sel->len ? "No one and nowhere is named in these events" : "No entities to show");
    }
  for (guint a = 0; a < nn; a++)
    for (guint b = a + 1; b < nn; b++)
      {
        guint w = weight[(gsize) a * nn + b];
        if (w == 0 || !nodes[a] || !nodes[b])
          continue;
        Agedge_t *e = evl_gv_edge (gv, nodes[a], nodes[b]);
        char buf[32];
        g_snprintf (buf, sizeof buf, "%u", w);
        evl_gv_set (e, "label", buf);
        evl_gv_set (e, "weight", buf);
        g_snprintf (buf, sizeof buf, "%u", MIN (1 + w, 6u));
        evl_gv_set (e, "penwidth", buf);
        evl_gv_set (e, "color", "#7F8C8D");
      }
  g_string_free (h, TRUE);
  g_autofree char *desc = g_strdup_printf ("%s. Entities linked by shared events.", subtitle);
  return evl_gv_render (gv, "neato", opts, title, desc, targets, n_targets, error);
}
