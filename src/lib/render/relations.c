/* Relationship diagram: people, countries/organisations and places linked
 * to the events they take part in by role-labelled edges (dot, left to
 * right: actors | events in date order | places and patients).  Of more
 * than 40 events, those linked to someone or somewhere and the most
 * reported are drawn (keep_linked()).  Entities beyond the most connected
 * ones merge into one 'other' node. */
#include "render-private.h"

#include <string.h>

#define MAX_ENTITIES 24
#define MAX_REL_EVENTS 40
/* Events per column: more are drawn as several columns side by side. */
#define STRIP_EVENTS 20
/* The page width one strip keeps its type size at (an A4 page's). */
#define STRIP_WIDTH_IN 8.27

typedef enum { ROLE_AGENT, ROLE_PARTICIPANT, ROLE_PATIENT, ROLE_LOCATION, ROLE_SOURCE } Role;
static const char *const role_names[] = { "agent", "participant", "patient", "location", "source" };
static const char *const role_colors[] = { "#1F4E79", "#555555", "#8E44AD", "#2E7D32", "#B9770E" };

static void
add_role (GArray *pairs, guint ent, Role role)
{
  for (guint i = 0; i < pairs->len; i += 2)
    if (g_array_index (pairs, guint, i) == ent)
      return;
  guint r = role;
  g_array_append_val (pairs, ent);
  g_array_append_val (pairs, r);
}

/* (entity, role) pairs of an event, strongest role first per entity. */
static GArray *
event_roles (const EvlGraphEvent *e)
{
  GArray *p = g_array_new (FALSE, FALSE, sizeof (guint));
  if (e->agent >= 0) add_role (p, (guint) e->agent, ROLE_AGENT);
  if (e->patient >= 0) add_role (p, (guint) e->patient, ROLE_PATIENT);
  if (e->location >= 0) add_role (p, (guint) e->location, ROLE_LOCATION);
  if (e->source >= 0) add_role (p, (guint) e->source, ROLE_SOURCE);
  for (guint j = 0; e->participants && j < e->participants->len; j++)
    add_role (p, g_array_index (e->participants, guint, j), ROLE_PARTICIPANT);
  return p;
}

typedef struct {
  guint ev, pos, links, sources;
} Ranked;

/* Linked events first (an event naming no one and nowhere draws a box
 * with no edge), then the most reported, then the most linked, then the
 * earliest. */
static int
cmp_ranked (gconstpointer a, gconstpointer b)
{
  const Ranked *x = a, *y = b;
  if ((x->links > 0) != (y->links > 0))
    return x->links > 0 ? -1 : 1;
  if (x->sources != y->sources)
    return x->sources > y->sources ? -1 : 1;
  if (x->links != y->links)
    return x->links > y->links ? -1 : 1;
  return x->pos < y->pos ? -1 : (x->pos > y->pos);
}

static int
cmp_pos (gconstpointer a, gconstpointer b)
{
  const Ranked *x = a, *y = b;
  return x->pos < y->pos ? -1 : (x->pos > y->pos);
}

/* Keeps the @max events of @sel (timeline order) that say most about who
 * did what where, in timeline order: the earliest @max would fill a
 * long story's diagram with its background years and no edges. */
static void
keep_linked (const EvlGraph *g, GArray *sel, guint max)
{
  g_autofree Ranked *r = g_new (Ranked, sel->len);
  for (guint k = 0; k < sel->len; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (sel, guint, k));
      g_autoptr (GArray) p = event_roles (e);
      r[k] = (Ranked) { g_array_index (sel, guint, k), k, p->len / 2, e->n_sources };
    }
  qsort (r, sel->len, sizeof *r, cmp_ranked);
  qsort (r, max, sizeof *r, cmp_pos);
  for (guint k = 0; k < max; k++)
    g_array_index (sel, guint, k) = r[k].ev;
  g_array_set_size (sel, max);
}

typedef struct {
  Agnode_t *head;       /* its heading, atop its events */
  EvlDay b, e;          /* dates of its dated events */
  gboolean undated;
} Strip;

/* "1 of 2 · 21 Dec 1988 – 31 Aug 1998": the heading of strip @s, first in
 * its events' column; returns it. */
static Agnode_t *
strip_head (EvlGv *gv, Agraph_t *evrank, Strip *st, guint s, guint n_strips, GString *h)
{
  g_autofree char *name = g_strdup_printf ("part%u_head", s);
  Agnode_t *n = agnode (evrank, name, 1);
  g_autofree char *range = st->b ? evl_render_format_range (st->b, st->e) : g_strdup ("");
  g_string_printf (h, "<FONT POINT-SIZE=\"9\" COLOR=\"#444444\"><B>%u of %u</B> · ", s + 1, n_strips);
  evl_render_escape (h, range);
  g_string_append (h, st->undated ? (st->b ? " and undated" : "undated") : "");
  g_string_append (h, "</FONT>");
  evl_gv_set (n, "shape", "plaintext");
  evl_gv_set_html (gv, n, "label", h->str);
  st->head = n;
  return n;
}

/* Strips of a row stand side by side: one invisible edge from each
 * heading to the next, three ranks long, so that a strip's actors rank
 * after the places of the strip before it, and heavy, so that the
 * headings are level.  A strip of a later row shares the ranks of the
 * strip above it and so stacks under it.  (Graphviz's own packing of
 * components, pack=true, drops every edge label in 2.43.) */
static void
order_strips (EvlGv *gv, const Strip *strips, guint n_strips, guint cols)
{
  for (guint s = 1; s < n_strips; s++)
    {
      if (s % cols == 0)
        continue;
      Agedge_t *ed = evl_gv_edge (gv, strips[s - 1].head, strips[s].head);
      evl_gv_set (ed, "style", "invis");
      evl_gv_set (ed, "minlen", "3");
      evl_gv_set (ed, "weight", "20");
    }
}

gboolean
evl_render_relations (const EvlGraph *g, const EvlRenderOptions *opts,
                      const EvlRenderTarget *targets, guint n_targets, GError **error)
{
  g_autoptr (GArray) sel = evl_render_select (g, opts, error);
  if (sel == NULL)
    return FALSE;
  guint max = MIN (opts->max_events ? opts->max_events : 400, MAX_REL_EVENTS);
  guint dropped = sel->len > max ? sel->len - max : 0;
  if (dropped)
    keep_linked (g, sel, max);
  guint ne = evl_graph_n_entities (g);
  g_autofree guint *degree = g_new0 (guint, MAX (ne, 1));
  g_autofree gboolean *is_place = g_new0 (gboolean, MAX (ne, 1));
  g_autofree gboolean *is_actor = g_new0 (gboolean, MAX (ne, 1));
  for (guint k = 0; k < sel->len; k++)
    {
      g_autoptr (GArray) p = event_roles (evl_graph_get_event (g, g_array_index (sel, guint, k)));
      for (guint i = 0; i < p->len; i += 2)
        {
          guint ent = g_array_index (p, guint, i);
          degree[ent]++;
          if (g_array_index (p, guint, i + 1) == ROLE_LOCATION)
            is_place[ent] = TRUE;
          else
            is_actor[ent] = TRUE;
        }
    }
  /* Top entities by degree (ties: index). */
  g_autofree gboolean *shown = g_new0 (gboolean, MAX (ne, 1));
  for (guint c = 0; c < MAX_ENTITIES; c++)
    {
      gint best = -1;
      for (guint i = 0; i < ne; i++)
        if (!shown[i] && degree[i] && (best < 0 || degree[i] > degree[best]))
          best = (gint) i;
      if (best < 0)
        break;
      shown[best] = TRUE;
    }

  g_autoptr (EvlGv) gv = evl_gv_new ("relations", TRUE);
  Agraph_t *ag = evl_gv_graph (gv);
  evl_gv_set (ag, "rankdir", "LR");
  evl_gv_set (ag, "fontname", EVL_RENDER_FONT);
  evl_gv_set (ag, "nodesep", "0.12");
  evl_gv_set (ag, "ranksep", "1.0");
  evl_gv_set (ag, "labelloc", "t");
  evl_render_graph_fonts (ag, "7");
  g_autofree char *title = evl_render_title (g, opts, "Who did what, where");
  g_autofree char *subtitle = evl_render_subtitle (g, sel);
  GString *h = g_string_new (NULL);
  guint n_strips = sel->len > STRIP_EVENTS ? (sel->len + STRIP_EVENTS - 1) / STRIP_EVENTS : 1;
  /* Unless a width was asked for, the page widens with the strips so they
   * keep the one column's type size (the drawing only ever shrinks to it).
   * A page too narrow for them all takes as many side by side as it holds
   * and stacks the rest below: shrunk to fit, two strips on an A4 page were
   * drawn at half size, their 7-point edge labels at 3.5. */
  EvlRenderOptions page = *opts;
  if (opts->width_in <= 0)
    page.width_in = STRIP_WIDTH_IN * n_strips;
  guint cols = CLAMP ((guint) (page.width_in / STRIP_WIDTH_IN + 0.01), 1, n_strips);
  evl_render_heading (h, title, subtitle, page.width_in);
  if (dropped)
    g_string_append_printf (h, " · %u more events not shown", dropped);
  gboolean linked = FALSE;
  for (guint i = 0; i < ne && !linked; i++)
    linked = degree[i] > 0;
  /* (a key to shapes and edges not drawn would send the reader looking
   * for them) */
  g_string_append (h, linked ? "</FONT><BR/><FONT POINT-SIZE=\"7\">ellipse: person · box: country / organisation · house: place · edges: role of the entity in the event</FONT>"
                             : sel->len ? "</FONT><BR/><FONT POINT-SIZE=\"9\">No one and nowhere is named in these events</FONT>"
                                        : "</FONT>");
  evl_gv_set_html (gv, ag, "label", h->str);

  /* A long story's events wrap into strips of consecutive dates, each an
   * actors | events | places diagram of its own (an entity is drawn again
   * in each strip it takes part in), laid side by side: one tall column
   * would not fit a page but shrunk to a sliver. */
  g_autofree Strip *strips = g_new0 (Strip, n_strips);
  g_autofree Agnode_t **last = g_new0 (Agnode_t *, n_strips);
  /* less room between columns: the strips are wide enough side by side */
  if (cols > 1)
    evl_gv_set (ag, "ranksep", "0.6");
  for (guint k = 0; k < sel->len; k++)
    {
      Strip *st = &strips[k * n_strips / sel->len];
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (sel, guint, k));
      if (!e->time.known || !e->time.begin)
        st->undated = TRUE;
      else
        {
          st->b = st->b ? MIN (st->b, e->time.begin) : e->time.begin;
          st->e = MAX (st->e, MAX (e->time.end, e->time.begin));
        }
    }
  Agraph_t *evrank = NULL;
  Agnode_t *prev = NULL;
  Agnode_t *other = NULL;
  guint cur = G_MAXUINT;
  if (sel->len == 0)
    {
      Agnode_t *n = evl_gv_node (gv, "empty");
      evl_gv_set (n, "shape", "plaintext");
      evl_gv_set (n, "label", "No events to show");
    }
  for (guint k = 0; k < sel->len; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (sel, guint, k));
      if (k * n_strips / sel->len != cur)
        {
          if (cur != G_MAXUINT)
            last[cur] = prev;
          cur = k * n_strips / sel->len;
          /* (a stacked strip's events join the rank of those above them,
           * in order after them) */
          guint col = cur % cols;
          g_autofree char *name = g_strdup_printf (col ? "events%u" : "events", col);
          evrank = agsubg (ag, name, 1);
          evl_gv_set (evrank, "rank", "same");
          prev = cur >= cols ? last[cur - cols] : NULL;
          other = NULL;
          if (n_strips > 1)
            {
              Agnode_t *head = strip_head (gv, evrank, &strips[cur], cur, n_strips, h);
              if (prev)
                evl_gv_set (agedge (evrank, prev, head, NULL, 1), "style", "invis");
              prev = head;
            }
        }
      g_autofree char *th = evl_render_thread (e);
      guint l = evl_render_lane_rank (g, sel, th);
      Agnode_t *en = agnode (evrank, (char *) e->id, 1);
      gboolean neg = e->polarity == EVL_POLARITY_NEG;
      gboolean hedged = e->modality != NULL || (e->flags & EVL_EVENT_FLAG_HEDGED);
      /* Styled as on the timeline: a plan is not drawn as a fact. */
      gboolean planned = !neg && (e->flags & EVL_EVENT_FLAG_PLANNED);
      evl_gv_set (en, "shape", "box");
      evl_gv_set (en, "style", neg || hedged || planned ? "rounded,filled,dashed" : "rounded,filled");
      evl_gv_set (en, "fillcolor", neg ? "#EEEEEE" : planned ? "#FFFFFF" : evl_render_lane_color (l, TRUE));
      evl_gv_set (en, "color", evl_render_lane_color (l, FALSE));
      g_autofree char *date = evl_render_event_date (e);
      g_string_assign (h, "<FONT POINT-SIZE=\"7\" COLOR=\"#555555\">");
      evl_render_escape (h, date);
      if (e->n_sources > 1)
        g_string_append_printf (h, " · ×%u", e->n_sources);
      g_string_append (h, "</FONT><BR/>");
      if (neg) g_string_append (h, "NOT: ");
      if (hedged) g_string_append (h, "<I>");
      evl_render_wrapped (h, e->summary ? e->summary : e->id, 26, 2);
      if (hedged) g_string_append (h, "</I>");
      if (e->flags & EVL_EVENT_FLAG_FAILED)
        g_string_append (h, " <FONT COLOR=\"#C0392B\"><B>✗ failed</B></FONT>");
      if (planned)
        g_string_append (h, " <FONT COLOR=\"#555555\"><B>planned</B></FONT>");
      evl_gv_set_html (gv, en, "label", h->str);
      if (prev)
        evl_gv_set (agedge (evrank, prev, en, NULL, 1), "style", "invis");
      prev = en;

      g_autoptr (GArray) p = event_roles (e);
      for (guint i = 0; i < p->len; i += 2)
        {
          guint ent = g_array_index (p, guint, i);
          Role role = g_array_index (p, guint, i + 1);
          Agnode_t *nn;
          if (shown[ent])
            {
              const EvlGraphEntity *x = evl_graph_get_entity (g, ent);
              g_autofree char *name = cur ? g_strdup_printf ("%s@%u", x->id, cur) : g_strdup (x->id);
              nn = evl_gv_node (gv, name);
              g_string_truncate (h, 0);
              evl_render_wrapped (h, x->name, 18, 2);
              evl_gv_set_html (gv, nn, "label", h->str);
              evl_render_entity_style (nn, x, is_place[ent] && !is_actor[ent]);
            }
          else
            {
              if (other == NULL)
                {
                  g_autofree char *name = cur ? g_strdup_printf ("other@%u", cur) : g_strdup ("other");
                  other = evl_gv_node (gv, name);
                  evl_gv_set (other, "shape", "box");
                  evl_gv_set (other, "style", "dashed");
                  evl_gv_set (other, "label", "other entities");
                }
              nn = other;
            }
          gboolean out_edge = role == ROLE_LOCATION || role == ROLE_PATIENT;
          Agedge_t *ed = out_edge ? evl_gv_edge (gv, en, nn) : evl_gv_edge (gv, nn, en);
          evl_gv_set (ed, "label", role_names[role]);
          evl_gv_set (ed, "color", role_colors[role]);
          evl_gv_set (ed, "fontcolor", role_colors[role]);
          evl_gv_set (ed, "arrowsize", "0.6");
          if (role == ROLE_SOURCE)
            evl_gv_set (ed, "style", "dashed");
        }
    }
  g_string_free (h, TRUE);
  order_strips (gv, strips, n_strips, cols);
  g_autofree char *desc = g_strdup_printf ("%s. Entities linked to events by role.", subtitle);
  return evl_gv_render (gv, "dot", &page, title, desc, targets, n_targets, error);
}
