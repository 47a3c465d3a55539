/* report.html: the story as one self-contained, printable HTML5 page.
 *
 * The page is a libxml2 HTML tree serialised once at the end.  Every
 * string taken from the articles (summaries, quotes, titles, names) enters
 * the tree as a text node or an attribute value, so the serialiser escapes
 * it and no article can add markup.  The diagrams are rendered to SVG in
 * memory, parsed as XML (no network, no entity substitution) and their
 * root element copied into the page; the copy is then stripped of
 * anything active (scripts, event handlers, foreign objects, non-web
 * links), so even a renderer bug cannot let an article inject script. */
#include "evl-private.h"

#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#define BEST_SUPPORTED 5
#define NBSP "\xc2\xa0"

static const char report_css[] =
  "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;color:#1a1a1a;"
  "max-width:60rem;margin:1.5rem auto;padding:0 1rem;font-size:14px;line-height:1.45}\n"
  "h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;"
  "border-bottom:2px solid #0072b2;padding-bottom:.15rem}\n"
  "header p{margin:.1rem 0;color:#444}.lead{font-size:1.05rem}\n"
  "ul.tight{margin:.3rem 0;padding-left:1.3rem}\n"
  "figure.diagram{margin:1rem 0;text-align:center}"
  "figure.diagram svg{max-width:100%;height:auto}\n"
  "figcaption{font-size:.85rem;color:#555;margin-top:.3rem}\n"
  "table{border-collapse:collapse;width:100%;font-size:.86rem}\n"
  "th,td{border-bottom:1px solid #ddd;padding:.35rem .4rem;text-align:left;vertical-align:top}\n"
  "th{background:#f2f5f8;font-weight:600}\n"
  "table.events{table-layout:fixed}td.id{color:#777;font-size:.78rem}\n"
  "col.c-id{width:2.6rem}col.c-when{width:7.5rem}col.c-thread{width:8rem}"
  "col.c-what{width:20%}col.c-who{width:15%}\n"
  "small{color:#666}\n"
  "blockquote{margin:.15rem 0 .4rem;padding-left:.5rem;border-left:3px solid #ccd;"
  "color:#333;font-style:italic}\n"
  "cite{font-style:normal;font-size:.8rem;color:#555}\n"
  ".tag{display:inline-block;font-size:.72rem;padding:0 .3rem;margin-left:.25rem;"
  "border-radius:.2rem;border:1px solid #999;color:#444;white-space:nowrap}\n"
  "tr.neg td.what{text-decoration:line-through;text-decoration-color:#d55e00}\n"
  ".tag.neg,.tag.failed{border-color:#d55e00;color:#a03a00}\n"
  "tr.hedged td.what{font-style:italic}.tag.hedged{border-style:dashed}\n"
  ".tag.planned{border-style:dashed;background:#fff}\n"
  "a{color:#0060a0}\n"
  "footer{margin-top:2rem;font-size:.8rem;color:#777}\n"
  "@page{size:A4;margin:14mm}\n"
  "@media print{body{max-width:none;margin:0;font-size:10pt}"
  "figure.diagram,tr{break-inside:avoid}thead{display:table-header-group}"
  "h2{break-after:avoid}a{color:inherit;text-decoration:none}}\n";

static const char *const month_abbr[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* ---- tree helpers: text always goes in as text nodes ---- */

static void
add_text (xmlNodePtr parent, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (g_utf8_validate (text, -1, NULL))
    xmlAddChild (parent, xmlNewText ((const xmlChar *) text));
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      xmlAddChild (parent, xmlNewText ((const xmlChar *) valid));
    }
}

static xmlNodePtr
el (xmlNodePtr parent, const char *name, const char *text)
{
  xmlNodePtr n = xmlNewChild (parent, NULL, (const xmlChar *) name, NULL);
  add_text (n, text);
  return n;
}

static xmlNodePtr
el_class (xmlNodePtr parent, const char *name, const char *klass, const char *text)
{
  xmlNodePtr n = el (parent, name, text);
  xmlNewProp (n, (const xmlChar *) "class", (const xmlChar *) klass);
  return n;
}

static void
set_attr (xmlNodePtr n, const char *name, const char *value)
{
  if (value && g_utf8_validate (value, -1, NULL))
    xmlNewProp (n, (const xmlChar *) name, (const xmlChar *) value);
}

static void
add_textf (xmlNodePtr parent, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
add_textf (xmlNodePtr parent, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *s = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  add_text (parent, s);
}

/* Only web links are followed: a document URL from article metadata could
 * otherwise be "javascript:...". */
static gboolean
is_web_url (const char *url)
{
  return url && (g_ascii_strncasecmp (url, "http://", 7) == 0
                 || g_ascii_strncasecmp (url, "https://", 8) == 0);
}

/* Header row; returns the tbody to fill. */
static xmlNodePtr
table_head (xmlNodePtr table, const char *const *heads)
{
  xmlNodePtr tr = el (el (table, "thead", NULL), "tr", NULL);
  for (guint i = 0; heads[i]; i++)
    el (tr, "th", heads[i]);
  return el (table, "tbody", NULL);
}

static xmlNodePtr
table_with_head (xmlNodePtr parent, const char *const *heads)
{
  return table_head (el (parent, "table", NULL), heads);
}

/* ---- dates ---- */

static char *
format_day (EvlDay day, EvlGrain grain)
{
  int y = 0, m = 0, d = 0;
  evl_day_to_ymd (day, &y, &m, &d);
  if (grain >= EVL_GRAIN_YEAR)
    return g_strdup_printf ("%d", y);
  if (grain >= EVL_GRAIN_MONTH || grain == EVL_GRAIN_WEEK)
    return g_strdup_printf ("%s" NBSP "%d", month_abbr[CLAMP (m, 1, 12) - 1], y);
  return g_strdup_printf ("%d" NBSP "%s" NBSP "%d", d, month_abbr[CLAMP (m, 1, 12) - 1], y);
}

/* "13 Sep 2023", "Aug 2023", "1950 – 1953", "Jul 2023 – Sep 2023". */
static char *
format_range (EvlDay begin, EvlDay end, EvlGrain grain)
{
  if (grain == EVL_GRAIN_WEEK)
    grain = EVL_GRAIN_DAY;
  g_autofree char *a = format_day (begin, grain);
  if (end == 0 || end == begin)
    return g_steal_pointer (&a);
  g_autofree char *b = format_day (end, grain);
  if (strcmp (a, b) == 0)
    return g_steal_pointer (&a);
  return g_strdup_printf ("%s \xe2\x80\x93 %s", a, b);
}

static char *
format_when (const EvlGraphTime *t)
{
  if (t->known && t->begin)
    return format_range (t->begin, t->end, t->grain);
  if (t->known && t->value)
    return g_strdup (t->value);
  /* Undated: the range the reasoner narrowed it to, if any. */
  g_autofree char *a = t->earliest ? format_day (t->earliest, EVL_GRAIN_DAY) : NULL;
  g_autofree char *b = t->latest ? format_day (t->latest, EVL_GRAIN_DAY) : NULL;
  if (a && b && t->earliest == t->latest)
    return g_strdup_printf ("undated, about %s", a);
  if (a && b)
    return g_strdup_printf ("undated, %s \xe2\x80\x93 %s", a, b);
  if (a)
    return g_strdup_printf ("undated, after %s", a);
  if (b)
    return g_strdup_printf ("undated, before %s", b);
  return g_strdup ("undated");
}

static const char *
doc_label (const EvlGraphDocument *d)
{
  return d->title && *d->title ? d->title : d->id;
}

static const char *
entity_name (const EvlGraph *g, gint i)
{
  return i >= 0 && (guint) i < evl_graph_n_entities (g) ? evl_graph_get_entity (g, (guint) i)->name
                                                       : NULL;
}

/* ---- SVG import ---- */

static gboolean
is_active_element (const xmlChar *name)
{
  static const char *const bad[] = { "script", "foreignObject", "iframe", "object",
                                     "embed", "style", "handler", "listener" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (xmlStrcasecmp (name, (const xmlChar *) bad[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_active_attr (xmlAttrPtr a)
{
  if (g_ascii_strncasecmp ((const char *) a->name, "on", 2) == 0)
    return TRUE;
  if (xmlStrcasecmp (a->name, (const xmlChar *) "href") != 0)
    return FALSE;
  xmlChar *v = xmlNodeListGetString (a->doc, a->children, 1);
  gboolean ok = v && (v[0] == '#' || is_web_url ((const char *) v));
  xmlFree (v);
  return !ok;
}

/* Removes comments, scripts, event handlers and non-web links. */
static void
sanitize_svg (xmlNodePtr n)
{
  xmlNodePtr child = n->children;
  while (child)
    {
      xmlNodePtr next = child->next;
      if (child->type == XML_COMMENT_NODE || child->type == XML_PI_NODE
          || child->type == XML_ENTITY_REF_NODE
          || (child->type == XML_ELEMENT_NODE && is_active_element (child->name)))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        sanitize_svg (child);
      child = next;
    }
  if (n->type != XML_ELEMENT_NODE)
    return;
  xmlAttrPtr a = n->properties;
  while (a)
    {
      xmlAttrPtr next = a->next;
      if (is_active_attr (a))
        xmlRemoveProp (a);
      a = next;
    }
}

/* The width the report's column holds a diagram at its type size, an A4
 * page's (8.27 in, as the diagrams' default page): 595 pt. */
#define REPORT_PAGE_IN 8.27

static xmlDocPtr
parse_svg (const char *name, GBytes *svg_bytes, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (svg_bytes, &len);
  if (len > G_MAXINT)
    {
      evl_fail (error, EVL_ERROR_RENDER, "%s diagram too large", name);
      return NULL;
    }
  xmlDocPtr svg = xmlReadMemory (data, (int) len, NULL, "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlNodePtr root = svg ? xmlDocGetRootElement (svg) : NULL;
  if (root == NULL || xmlStrcmp (root->name, (const xmlChar *) "svg") != 0)
    {
      const xmlError *e = xmlGetLastError ();
      g_autofree char *why = g_strchomp (g_strdup (e && e->message ? e->message : ""));
      evl_fail (error, EVL_ERROR_RENDER, "%s diagram is not valid SVG%s%s", name,
                *why ? ": " : "", why);
      xmlFreeDoc (svg);
      return NULL;
    }
  return svg;
}

/* Whether the SVG is drawn wider than the report's page ('1190pt'). */
static gboolean
wider_than_page (xmlDocPtr svg)
{
  xmlChar *w = xmlGetProp (xmlDocGetRootElement (svg), (const xmlChar *) "width");
  char *end = NULL;
  double pt = w ? g_ascii_strtod ((const char *) w, &end) : 0;
  gboolean wide = w && end && strcmp (end, "pt") == 0 && pt > REPORT_PAGE_IN * 72 + 1;
  xmlFree (w);
  return wide;
}

static GBytes *
draw_svg (const EvlGraph *g, const char *name, const EvlRenderOptions *opts, GError **error)
{
  const EvlRenderer *r = evl_renderer_lookup (name);
  if (r == NULL)
    {
      evl_fail (error, EVL_ERROR_RENDER, "no '%s' renderer", name);
      return NULL;
    }
  EvlImageFormat svg_format = EVL_IMAGE_SVG;
  GBytes *drawn = NULL;
  if (!evl_render_formats (r, g, opts, &svg_format, 1, &drawn, error))
    return NULL;
  return drawn;
}

/* The diagram's SVG root copied into @html and sanitised.  @svg: the
 * diagram already drawn as SVG with @base (the bytes of NAME.svg), or NULL
 * to draw it here.  Unless a width was asked for, a diagram that grew
 * wider than the page (a crowded timeline, the strips of a long story's
 * relations side by side) is drawn again for the page: shrunk into the
 * column, on screen or printed, it showed at half its type size. */
static xmlNodePtr
render_svg (const EvlGraph *g, const char *name, const EvlRenderOptions *base, GBytes *svg_bytes,
            xmlDocPtr html, GError **error)
{
  g_autoptr (GBytes) drawn = svg_bytes ? g_bytes_ref (svg_bytes) : draw_svg (g, name, base, error);
  if (drawn == NULL)
    return NULL;
  xmlDocPtr svg = parse_svg (name, drawn, error);
  if (svg && base->width_in <= 0 && wider_than_page (svg))
    {
      EvlRenderOptions page = *base;
      page.width_in = REPORT_PAGE_IN;
      g_autoptr (GBytes) narrow = draw_svg (g, name, &page, error);
      xmlFreeDoc (svg);
      svg = narrow ? parse_svg (name, narrow, error) : NULL;
    }
  if (svg == NULL)
    return NULL;
  xmlNodePtr copy = xmlDocCopyNode (xmlDocGetRootElement (svg), html, 1);
  xmlFreeDoc (svg);
  if (copy)
    sanitize_svg (copy);
  return copy;
}

static void
add_diagram (xmlNodePtr body, const EvlGraph *g, const char *name, const char *caption,
             const EvlRenderOptions *opts, GBytes *svg_bytes)
{
  xmlNodePtr fig = el_class (body, "figure", "diagram", NULL);
  g_autoptr (GError) error = NULL;
  xmlNodePtr svg = render_svg (g, name, opts, svg_bytes, body->doc, &error);
  if (svg)
    xmlAddChild (fig, svg);
  else
    add_textf (el (fig, "p", NULL), "The %s diagram could not be drawn: %s", name,
               error ? error->message : "unknown error");
  el (fig, "figcaption", caption);
}

/* ---- sections ---- */

typedef struct {
  const EvlGraph *g;
  GArray *order;          /* timeline order */
  guint *pos;             /* event index -> timeline position */
} Report;

static void
add_header (xmlNodePtr body, const Report *r, const EvlRenderOptions *opts)
{
  const EvlGraph *g = r->g;
  xmlNodePtr header = el (body, "header", NULL);
  el (header, "h1", opts->title ? opts->title : "Story report");
  /* Each end of the range is written at its own event's granularity:
   * "1950 to 13 Sep 2023", not "1 Jan 1950". */
  EvlDay lo = 0, hi = 0, dlo = 0, dhi = 0;
  EvlGrain lo_grain = EVL_GRAIN_DAY, hi_grain = EVL_GRAIN_DAY;
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    {
      const EvlGraphTime *t = &evl_graph_get_event (g, i)->time;
      if (!t->known || t->begin == 0)
        continue;
      EvlDay end = MAX (t->end, t->begin);
      if (lo == 0 || t->begin < lo || (t->begin == lo && t->grain < lo_grain))
        {
          lo = t->begin;
          lo_grain = t->grain;
        }
      if (end > hi || (end == hi && t->grain < hi_grain))
        {
          hi = end;
          hi_grain = t->grain;
        }
    }
  for (guint i = 0; i < evl_graph_n_documents (g); i++)
    {
      EvlDay d = evl_day_parse (evl_graph_get_document (g, i)->dct);
      if (d == 0)
        continue;
      dlo = dlo == 0 ? d : MIN (dlo, d);
      dhi = MAX (dhi, d);
    }
  g_autofree char *first = lo ? format_day (lo, lo_grain) : NULL;
  g_autofree char *last = hi ? format_day (hi, hi_grain) : NULL;
  if (first == NULL)
    el_class (header, "p", "lead", "No dated events");
  else if (strcmp (first, last) == 0)
    add_textf (el_class (header, "p", "lead", NULL), "Events of %s", first);
  else
    add_textf (el_class (header, "p", "lead", NULL), "Events from %s to %s", first, last);
  guint nd = evl_graph_n_documents (g);
  g_autofree char *published = dlo ? format_range (dlo, dhi, EVL_GRAIN_DAY) : NULL;
  if (published)
    add_textf (el (header, "p", NULL), "%u source document%s, published %s", nd,
               nd == 1 ? "" : "s", published);
  else
    add_textf (el (header, "p", NULL), "%u source document%s", nd, nd == 1 ? "" : "s");
}

/* All mentions of event @i, also those counted beyond the graph's
 * per-document cap. */
static guint
n_mentions (const EvlGraph *g, guint i)
{
  return evl_graph_get_event (g, i)->mentions->len + evl_graph_event_n_more_mentions (g, i);
}

static gint
cmp_support (gconstpointer a, gconstpointer b, gpointer data)
{
  const Report *r = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const EvlGraphEvent *x = evl_graph_get_event (r->g, i), *y = evl_graph_get_event (r->g, j);
  if (x->n_sources != y->n_sources)
    return x->n_sources > y->n_sources ? -1 : 1;
  guint mx = n_mentions (r->g, i), my = n_mentions (r->g, j);
  if (mx != my)
    return mx > my ? -1 : 1;
  if (x->salience != y->salience)
    return x->salience > y->salience ? -1 : 1;
  return r->pos[i] < r->pos[j] ? -1 : r->pos[i] > r->pos[j];
}

static void
add_event_link (xmlNodePtr parent, const EvlGraphEvent *ev)
{
  g_autofree char *href = g_strconcat ("#", ev->id, NULL);
  xmlNodePtr a = el (parent, "a", ev->summary ? ev->summary : ev->id);
  set_attr (a, "href", href);
}

static void
add_summary (xmlNodePtr body, const Report *r)
{
  const EvlGraph *g = r->g;
  el (body, "h2", "Summary");
  guint ne = evl_graph_n_events (g), nn = evl_graph_n_entities (g);
  guint nr = evl_graph_n_relations (g), nc = evl_graph_n_conflicts (g);
  add_textf (el (body, "p", NULL),
             "%u event%s, %u entit%s, %u temporal relation%s, %u conflict%s between sources.",
             ne, ne == 1 ? "" : "s", nn, nn == 1 ? "y" : "ies", nr, nr == 1 ? "" : "s",
             nc, nc == 1 ? "" : "s");

  if (evl_graph_n_threads (g) > 0)
    {
      el (body, "h3", "Main threads");
      xmlNodePtr ul = el_class (body, "ul", "tight", NULL);
      for (guint t = 0; t < evl_graph_n_threads (g); t++)
        {
          const char *name = evl_graph_get_thread (g, t);
          guint n = 0;
          EvlDay lo = 0, hi = 0;
          for (guint i = 0; i < ne; i++)
            {
              const EvlGraphEvent *ev = evl_graph_get_event (g, i);
              if (g_strcmp0 (ev->thread, name) != 0)
                continue;
              n++;
              if (ev->time.known && ev->time.begin)
                {
                  lo = lo == 0 ? ev->time.begin : MIN (lo, ev->time.begin);
                  hi = MAX (hi, MAX (ev->time.end, ev->time.begin));
                }
            }
          if (n == 0)
            continue;
          xmlNodePtr li = el (ul, "li", NULL);
          el (li, "strong", name);
          int y1 = 0, y2 = 0;
          evl_day_to_ymd (lo, &y1, NULL, NULL);
          evl_day_to_ymd (hi, &y2, NULL, NULL);
          g_autofree char *span = lo ? format_range (lo, hi, y2 - y1 > 1 ? EVL_GRAIN_YEAR
                                                                         : EVL_GRAIN_MONTH)
                                     : NULL;
          add_textf (li, ": %u event%s%s%s", n, n == 1 ? "" : "s", span ? ", " : "",
                     span ? span : "");
        }
    }

  if (ne == 0)
    return;
  el (body, "h3", "Best-supported events");
  g_autoptr (GArray) best = g_array_copy (r->order);
  g_array_sort_with_data (best, cmp_support, (gpointer) r);
  xmlNodePtr ul = el_class (body, "ul", "tight", NULL);
  for (guint k = 0; k < MIN (best->len, (guint) BEST_SUPPORTED); k++)
    {
      guint index = g_array_index (best, guint, k);
      const EvlGraphEvent *ev = evl_graph_get_event (g, index);
      guint nm = n_mentions (g, index);
      xmlNodePtr li = el (ul, "li", NULL);
      add_event_link (li, ev);
      g_autofree char *when = format_when (&ev->time);
      add_textf (li, " \xe2\x80\x94 %s; %u source%s, %u mention%s", when, ev->n_sources,
                 ev->n_sources == 1 ? "" : "s", nm, nm == 1 ? "" : "s");
    }
}

static void
add_tag (xmlNodePtr parent, const char *klass, const char *text)
{
  g_autofree char *c = g_strconcat ("tag ", klass, NULL);
  el_class (parent, "span", c, text);
}

static void
add_doc_cite (xmlNodePtr parent, const EvlGraphDocument *d)
{
  xmlNodePtr cite = el (parent, "cite", NULL);
  if (is_web_url (d->url))
    set_attr (el (cite, "a", doc_label (d)), "href", d->url);
  else
    add_text (cite, doc_label (d));
  if (d->dct)
    add_textf (cite, " (%s)", d->dct);
}

/* One entry per source document: its first quote and how often the event
 * is mentioned there. */
static void
add_sources (xmlNodePtr td, const EvlGraph *g, guint index)
{
  const EvlGraphEvent *ev = evl_graph_get_event (g, index);
  guint nd = evl_graph_n_documents (g);
  g_autofree guint *count = g_new0 (guint, nd + 1);
  for (guint j = 0; j < ev->mentions->len; j++)
    {
      const EvlGraphMention *m = &g_array_index (ev->mentions, EvlGraphMention, j);
      if (m->doc < nd)
        count[m->doc]++;
    }
  for (guint j = 0; j < ev->mentions->len; j++)
    {
      const EvlGraphMention *m = &g_array_index (ev->mentions, EvlGraphMention, j);
      if (m->doc >= nd || count[m->doc] == 0)
        continue;
      el (td, "blockquote", m->quote ? m->quote : m->text);
      xmlNodePtr p = el (td, "div", NULL);
      add_doc_cite (p, evl_graph_get_document (g, m->doc));
      if (count[m->doc] > 1)
        add_textf (el (p, "small", NULL), " \xc2\xb7 %u mentions", count[m->doc]);
      count[m->doc] = 0;
    }
  guint more = evl_graph_event_n_more_mentions (g, index);
  if (more > 0)
    add_textf (el (td, "div", NULL), "%u more mention%s not kept (over %u per document)", more,
               more == 1 ? "" : "s", (guint) EVL_GRAPH_MENTIONS_PER_DOCUMENT);
}

static void
add_participants (xmlNodePtr td, const EvlGraph *g, const EvlGraphEvent *ev)
{
  gboolean first = TRUE;
  for (guint j = 0; j < ev->participants->len; j++)
    {
      gint p = (gint) g_array_index (ev->participants, guint, j);
      const char *name = entity_name (g, p);
      if (name == NULL || p == ev->location)
        continue;
      if (!first)
        add_text (td, ", ");
      el (td, p == ev->agent ? "strong" : "span", name);
      first = FALSE;
    }
  const char *loc = entity_name (g, ev->location);
  if (loc)
    {
      if (!first)
        el (td, "br", NULL);
      add_textf (td, "at %s", loc);
    }
}

static void
add_events (xmlNodePtr body, const Report *r)
{
  const EvlGraph *g = r->g;
  el (body, "h2", "Events");
  el (body, "p",
      "In timeline order.  Struck-through events are reported as not having happened; "
      "italic ones are hedged (possible, planned, or reported with doubt).  "
      "Participants in bold are the agents.");
  static const char *const heads[] = { "#", "Date", "Thread / type", "Event", "Participants",
                                       "Sources", NULL };
  static const char *const cols[] = { "c-id", "c-when", "c-thread", "c-what", "c-who",
                                      "c-sources" };
  xmlNodePtr table = el_class (body, "table", "events", NULL);
  xmlNodePtr colgroup = el (table, "colgroup", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    set_attr (el (colgroup, "col", NULL), "class", cols[i]);
  xmlNodePtr tbody = table_head (table, heads);
  for (guint k = 0; k < r->order->len; k++)
    {
      guint index = g_array_index (r->order, guint, k);
      const EvlGraphEvent *ev = evl_graph_get_event (g, index);
      gboolean neg = ev->polarity == EVL_POLARITY_NEG;
      gboolean hedged = ev->modality != NULL || (ev->flags & EVL_EVENT_FLAG_HEDGED);
      xmlNodePtr tr = el (tbody, "tr", NULL);
      set_attr (tr, "id", ev->id);
      if (neg || hedged)
        set_attr (tr, "class", neg && hedged ? "neg hedged" : neg ? "neg" : "hedged");
      el_class (tr, "td", "id", ev->id);

      xmlNodePtr when = el_class (tr, "td", "when", NULL);
      g_autofree char *w = format_when (&ev->time);
      add_text (when, w);
      if (ev->time.text)
        {
          el (when, "br", NULL);
          add_textf (el (when, "small", NULL), "\xe2\x80\x9c%s\xe2\x80\x9d", ev->time.text);
        }

      xmlNodePtr type = el (tr, "td", ev->thread);
      if (ev->type)
        {
          el (type, "br", NULL);
          el (type, "small", ev->type);
        }

      xmlNodePtr what = el_class (tr, "td", "what", ev->summary ? ev->summary : ev->trigger);
      if (neg)
        add_tag (what, "neg", "negated");
      if (ev->modality)
        add_tag (what, "hedged", ev->modality);
      else if (ev->flags & EVL_EVENT_FLAG_HEDGED)
        add_tag (what, "hedged", "hedged");
      if (ev->flags & EVL_EVENT_FLAG_FAILED)
        add_tag (what, "failed", "failed");
      if (ev->flags & EVL_EVENT_FLAG_REPORTED)
        add_tag (what, "reported", "reported");
      if (ev->flags & EVL_EVENT_FLAG_GENERIC)
        add_tag (what, "generic", "generic");
      if (ev->flags & EVL_EVENT_FLAG_PLANNED)
        add_tag (what, "planned", "planned");

      add_participants (el (tr, "td", NULL), g, ev);
      add_sources (el (tr, "td", NULL), g, index);
    }
}

typedef struct {
  guint index, n_events, n_mentions;
} EntityRow;

static int
cmp_entity_rows (const void *a, const void *b)
{
  const EntityRow *x = a, *y = b;
  if (x->n_events != y->n_events)
    return x->n_events > y->n_events ? -1 : 1;
  if (x->n_mentions != y->n_mentions)
    return x->n_mentions > y->n_mentions ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
count_event_entity (EntityRow *rows, guint *seen, guint n, guint event, gint entity)
{
  if (entity < 0 || (guint) entity >= n || seen[entity] == event + 1)
    return;
  seen[entity] = event + 1;
  rows[entity].n_events++;
}

static void
add_entities (xmlNodePtr body, const EvlGraph *g)
{
  guint n = evl_graph_n_entities (g);
  if (n == 0)
    return;
  el (body, "h2", "Entities");
  static const char *const heads[] = { "Name", "Type", "Also called", "Events", "Mentions",
                                       "Documents", NULL };
  xmlNodePtr tbody = table_with_head (body, heads);
  /* Most involved first: events, then mentions, then graph order. */
  g_autofree EntityRow *rows = g_new (EntityRow, n);
  for (guint i = 0; i < n; i++)
    rows[i] = (EntityRow) { i, 0, evl_graph_get_entity (g, i)->n_mentions };
  /* Events per entity in one pass over the events (asking
   * evl_graph_events_of_entity per entity read every event for each);
   * @seen keeps an event counted once per entity, whatever its roles. */
  g_autofree guint *seen = g_new0 (guint, n);
  for (guint k = 0; k < evl_graph_n_events (g); k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, k);
      count_event_entity (rows, seen, n, k, e->location);
      count_event_entity (rows, seen, n, k, e->source);
      for (guint j = 0; e->participants && j < e->participants->len; j++)
        count_event_entity (rows, seen, n, k, (gint) g_array_index (e->participants, guint, j));
    }
  qsort (rows, n, sizeof *rows, cmp_entity_rows);
  for (guint k = 0; k < n; k++)
    {
      guint i = rows[k].index;
      const EvlGraphEntity *e = evl_graph_get_entity (g, i);
      xmlNodePtr tr = el (tbody, "tr", NULL);
      set_attr (tr, "id", e->id);
      el (tr, "td", e->name);
      el (tr, "td", evl_entity_type_to_string (e->type));
      xmlNodePtr aliases = el (tr, "td", NULL);
      gboolean first = TRUE;
      for (guint j = 0; e->aliases && j < e->aliases->len; j++)
        {
          const char *a = e->aliases->pdata[j];
          if (g_strcmp0 (a, e->name) == 0)
            continue;
          if (!first)
            add_text (aliases, ", ");
          add_text (aliases, a);
          first = FALSE;
        }
      add_textf (el (tr, "td", NULL), "%u", rows[k].n_events);
      add_textf (el (tr, "td", NULL), "%u", e->n_mentions);
      add_textf (el (tr, "td", NULL), "%u", e->n_documents);
    }
}

static void
add_event_cell (xmlNodePtr tr, const EvlGraph *g, guint event)
{
  xmlNodePtr td = el (tr, "td", NULL);
  if (event >= evl_graph_n_events (g))
    return;
  const EvlGraphEvent *ev = evl_graph_get_event (g, event);
  add_event_link (td, ev);
  add_textf (el (td, "small", NULL), " (%s)", ev->id);
}

static void
add_relations (xmlNodePtr body, const EvlGraph *g)
{
  el (body, "h2", "Temporal relations");
  guint n = evl_graph_n_relations (g);
  if (n == 0)
    {
      el (body, "p", "No temporal relations were found between events.");
      return;
    }
  static const char *const heads[] = { "Event", "Relation", "Event", "Evidence", "Confidence",
                                       NULL };
  xmlNodePtr tbody = table_with_head (body, heads);
  for (guint i = 0; i < n; i++)
    {
      const EvlGraphRelation *rel = evl_graph_get_relation (g, i);
      xmlNodePtr tr = el (tbody, "tr", NULL);
      add_event_cell (tr, g, rel->from);
      el (tr, "td", evl_rel_to_string (rel->rel));
      add_event_cell (tr, g, rel->to);
      el (tr, "td", rel->evidence);
      add_textf (el (tr, "td", NULL), "%d%%", (int) (rel->confidence * 100.0f + 0.5f));
    }
}

static void
add_conflicts (xmlNodePtr body, const EvlGraph *g)
{
  el (body, "h2", "Conflicts between sources");
  guint n = evl_graph_n_conflicts (g);
  if (n == 0)
    {
      el (body, "p", "The sources do not contradict each other on any event found.");
      return;
    }
  static const char *const heads[] = { "Event", "About", "Kept", "Set aside", "Why", NULL };
  xmlNodePtr tbody = table_with_head (body, heads);
  for (guint i = 0; i < n; i++)
    {
      const EvlGraphConflict *c = evl_graph_get_conflict (g, i);
      xmlNodePtr tr = el (tbody, "tr", NULL);
      add_event_cell (tr, g, c->event);
      el (tr, "td", c->field);
      el (tr, "td", c->chosen);
      el (tr, "td", c->rejected);
      el (tr, "td", c->detail);
    }
}

static void
add_documents (xmlNodePtr body, const EvlGraph *g)
{
  el (body, "h2", "Source documents");
  xmlNodePtr ol = el_class (body, "ol", "tight", NULL);
  for (guint i = 0; i < evl_graph_n_documents (g); i++)
    {
      const EvlGraphDocument *d = evl_graph_get_document (g, i);
      xmlNodePtr li = el (ol, "li", NULL);
      set_attr (li, "id", d->id);
      add_doc_cite (li, d);
      if (d->title)
        add_textf (el (li, "small", NULL), " \xc2\xb7 %s", d->id);
    }
}

static xmlDocPtr
build_report (const EvlGraph *g, const EvlRenderOptions *opts, GBytes *timeline_svg,
              GBytes *relations_svg)
{
  xmlDocPtr doc = htmlNewDocNoDtD (NULL, NULL);
  xmlCreateIntSubset (doc, (const xmlChar *) "html", NULL, NULL);
  xmlNodePtr html = xmlNewDocNode (doc, NULL, (const xmlChar *) "html", NULL);
  xmlDocSetRootElement (doc, html);
  set_attr (html, "lang", "en");

  xmlNodePtr head = el (html, "head", NULL);
  set_attr (el (head, "meta", NULL), "charset", "utf-8");
  xmlNodePtr gen = el (head, "meta", NULL);
  set_attr (gen, "name", "generator");
  set_attr (gen, "content", "eventline " EVL_VERSION_STRING);
  xmlNodePtr vp = el (head, "meta", NULL);
  set_attr (vp, "name", "viewport");
  set_attr (vp, "content", "width=device-width, initial-scale=1");
  el (head, "title", opts->title ? opts->title : "Story report");
  el (head, "style", report_css);

  xmlNodePtr body = el (html, "body", NULL);
  Report r = { g, evl_graph_timeline (g), g_new0 (guint, evl_graph_n_events (g) + 1) };
  for (guint k = 0; k < r.order->len; k++)
    r.pos[g_array_index (r.order, guint, k)] = k;

  add_header (body, &r, opts);
  add_summary (body, &r);
  el (body, "h2", "Timeline");
  add_diagram (body, g, "timeline", "Events on a time axis, one lane per story thread.", opts,
               timeline_svg);
  el (body, "h2", "Who and where");
  add_diagram (body, g, "relations",
               "People, places and organisations linked to the events they take part in.", opts,
               relations_svg);
  add_events (body, &r);
  add_entities (body, g);
  add_relations (body, g);
  add_conflicts (body, g);
  add_documents (body, g);
  add_textf (el (body, "footer", NULL), "Generated by eventline %s from %u document%s.",
             EVL_VERSION_STRING, evl_graph_n_documents (g),
             evl_graph_n_documents (g) == 1 ? "" : "s");

  g_array_unref (r.order);
  g_free (r.pos);
  return doc;
}

gboolean
evl_export_report_with_diagrams (const EvlGraph *g, const EvlRenderOptions *opts,
                                 GBytes *timeline_svg, GBytes *relations_svg,
                                 GOutputStream *out, GError **error)
{
  g_return_val_if_fail (g != NULL && G_IS_OUTPUT_STREAM (out), FALSE);
  EvlRenderOptions defaults = EVL_RENDER_OPTIONS_INIT;
  xmlDocPtr doc = build_report (g, opts ? opts : &defaults, timeline_svg, relations_svg);
  xmlChar *text = NULL;
  int len = 0;
  htmlDocDumpMemoryFormat (doc, &text, &len, 1);
  xmlFreeDoc (doc);
  if (text == NULL)
    return evl_fail (error, EVL_ERROR_IO, "cannot serialise the report");
  g_autoptr (GError) local = NULL;
  gboolean ok = g_output_stream_write_all (out, text, (gsize) len, NULL, NULL, &local);
  xmlFree (text);
  if (!ok)
    return evl_fail (error, EVL_ERROR_IO, "cannot write the report: %s", local->message);
  return TRUE;
}

gboolean
evl_export_report_with_options (const EvlGraph *g, const EvlRenderOptions *opts,
                                GOutputStream *out, GError **error)
{
  return evl_export_report_with_diagrams (g, opts, NULL, NULL, out, error);
}

gboolean
evl_export_report (const EvlGraph *g, GOutputStream *out, GError **error)
{
  return evl_export_report_with_options (g, NULL, out, error);
}
