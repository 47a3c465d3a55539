/* report.html (export/report.c): structure, contents and escaping, read
 * back with libxml2's HTML parser. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

TestSuite (report);

/* A small story: three dated events and one undated, two documents,
 * three entities; @payload goes into every article-derived string. */
static EvlGraph *
story_graph (const char *payload)
{
  EvlGraph *g = evl_graph_new ();
  g_autofree char *title = g_strdup_printf ("Leaders meet %s", payload);
  EvlGraphDocument d1 = { "doc-a", NULL, "2023-09-14", "metadata", title, "javascript:alert(1)" };
  EvlGraphDocument d2 = { "doc-b", NULL, "2023-09-15", "metadata", "Second report",
                          "https://example.org/b" };
  guint a = evl_graph_add_document (g, &d1), b = evl_graph_add_document (g, &d2);
  g_autofree char *person = g_strdup_printf ("Ann %s Lee", payload);
  EvlGraphEntity e1 = { NULL, person, "ann lee", EVL_ENTITY_PERSON, NULL, 3, 2 };
  EvlGraphEntity e2 = { NULL, "Bob Ray", "bob ray", EVL_ENTITY_PERSON, NULL, 2, 1 };
  EvlGraphEntity e3 = { NULL, "Port Town", "port town", EVL_ENTITY_LOCATION, NULL, 1, 1 };
  guint ann = evl_graph_add_entity (g, &e1), bob = evl_graph_add_entity (g, &e2);
  guint town = evl_graph_add_entity (g, &e3);
  evl_graph_entity_add_alias (g, ann, "A. Lee");
  evl_graph_add_thread (g, "Talks");
  evl_graph_add_thread (g, "Launches");

  g_autofree char *summary = g_strdup_printf ("Ann Lee meets %s Bob Ray", payload);
  g_autofree char *quote = g_strdup_printf ("Ann Lee met Bob Ray %s in Port Town.", payload);
  struct {
    const char *summary, *type, *thread, *value, *begin, *end;
    EvlGrain grain;
    EvlPolarity pol;
    const char *modality;
  } evs[] = {
    { summary, "MEETING", "Talks", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY,
      EVL_POLARITY_POS, NULL },
    { "Bob Ray launches a rocket", "LAUNCH", "Launches", "2023-08", "2023-08-01", "2023-08-31",
      EVL_GRAIN_MONTH, EVL_POLARITY_NEG, NULL },
    { "Ann Lee signs a deal", "AGREEMENT", "Talks", "1950/1953", "1950-01-01", "1953-12-31",
      EVL_GRAIN_YEAR, EVL_POLARITY_POS, "may" },
    { "Bob Ray warns", "STATEMENT", "Talks", NULL, NULL, NULL, EVL_GRAIN_NONE,
      EVL_POLARITY_POS, NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (evs); i++)
    {
      EvlGraphEvent ev = { 0 };
      ev.type = evs[i].type;
      ev.thread = evs[i].thread;
      ev.summary = evs[i].summary;
      ev.trigger = "meet";
      ev.agent = (gint) (i % 2 ? bob : ann);
      ev.patient = ev.source = -1;
      ev.location = i == 0 ? (gint) town : -1;
      ev.polarity = evs[i].pol;
      ev.modality = evs[i].modality;
      ev.time.known = evs[i].value != NULL;
      ev.time.value = evs[i].value;
      ev.time.begin = evl_day_parse (evs[i].begin);
      ev.time.end = evl_day_parse (evs[i].end);
      ev.time.grain = evs[i].grain;
      guint k = evl_graph_add_event (g, &ev);
      evl_graph_event_add_participant (g, k, (guint) ev.agent);
      if (i == 0)
        {
          evl_graph_event_add_participant (g, k, bob);
          evl_graph_event_add_participant (g, k, town);
        }
      EvlGraphMention m = { i == 3 ? b : a, 0, 0, 4, "met", i == 0 ? quote : evs[i].summary,
                            NULL, 0, 0, 0, NULL };
      evl_graph_event_add_mention (g, k, &m);
      if (i == 0)
        {
          m.doc = b;
          m.quote = "Second paper: the two met.";
          evl_graph_event_add_mention (g, k, &m);
        }
    }
  EvlGraphRelation r = { 1, 0, EVL_REL_BEFORE, "dates", 0.9f };
  evl_graph_add_relation (g, &r);
  g_autofree char *chosen = g_strdup_printf ("2023-09-13 %s", payload);
  EvlGraphConflict c = { 0, "time", chosen, "2023-09-12", "two sources disagree" };
  evl_graph_add_conflict (g, &c);
  return g;
}

static htmlDocPtr
report_of (const EvlGraph *g, char **text_out)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  GError *error = NULL;
  cr_assert (evl_export_report (g, mem, &error), "%s", error ? error->message : "");
  cr_assert (g_output_stream_close (mem, NULL, NULL));
  gsize len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem));
  char *text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (mem));
  htmlDocPtr doc = htmlReadMemory (text, (int) len, NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  cr_assert_not_null (doc, "report does not parse as HTML");
  if (text_out)
    *text_out = text;
  else
    g_free (text);
  return doc;
}

/* Depth-first search over elements. */
typedef gboolean (*NodePred) (xmlNodePtr n, gconstpointer data);

static void
collect (xmlNodePtr n, NodePred pred, gconstpointer data, GPtrArray *out)
{
  for (; n; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE && pred (n, data))
        g_ptr_array_add (out, n);
      collect (n->children, pred, data, out);
    }
}

static gboolean
named (xmlNodePtr n, gconstpointer name)
{
  return xmlStrcasecmp (n->name, name) == 0;
}

static GPtrArray *
find_all (htmlDocPtr doc, const char *name)
{
  GPtrArray *out = g_ptr_array_new ();
  collect (xmlDocGetRootElement (doc), named, name, out);
  return out;
}

static gboolean
has_handler_or_bad_link (xmlNodePtr n, gconstpointer unused)
{
  (void) unused;
  for (xmlAttrPtr a = n->properties; a; a = a->next)
    {
      if (g_ascii_strncasecmp ((const char *) a->name, "on", 2) == 0
          || xmlStrcasecmp (a->name, (const xmlChar *) "src") == 0)
        return TRUE;
      xmlChar *v = xmlGetProp (n, a->name);
      gboolean bad = v && g_ascii_strncasecmp ((const char *) v, "javascript:", 11) == 0;
      xmlFree (v);
      if (bad)
        return TRUE;
    }
  return FALSE;
}

static char *
text_of (xmlNodePtr n)
{
  xmlChar *t = xmlNodeGetContent (n);
  char *s = g_strdup ((const char *) t);
  xmlFree (t);
  return s;
}

static gboolean
any_text_contains (GPtrArray *nodes, const char *needle)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      g_autofree char *t = text_of (nodes->pdata[i]);
      if (strstr (t, needle))
        return TRUE;
    }
  return FALSE;
}

Test (report, is_html5_with_generator_and_no_external_resources)
{
  g_autoptr (EvlGraph) g = story_graph ("");
  g_autofree char *text = NULL;
  htmlDocPtr doc = report_of (g, &text);
  cr_assert (g_str_has_prefix (text, "<!DOCTYPE html>"), "starts: %.40s", text);
  g_autoptr (GPtrArray) metas = find_all (doc, "meta");
  gboolean generator = FALSE;
  for (guint i = 0; i < metas->len; i++)
    {
      xmlChar *name = xmlGetProp (metas->pdata[i], (const xmlChar *) "name");
      generator = generator || (name && strcmp ((const char *) name, "generator") == 0);
      xmlFree (name);
    }
  cr_assert (generator, "no <meta name=\"generator\">");
  g_autoptr (GPtrArray) links = find_all (doc, "link");
  g_autoptr (GPtrArray) styles = find_all (doc, "style");
  cr_assert_eq (links->len, 0, "external stylesheet linked");
  cr_assert_eq (styles->len, 1, "expected one inline <style>");
  cr_assert (strstr (text, "@media print"), "no print CSS");
  xmlFreeDoc (doc);
}

Test (report, holds_both_diagrams_every_event_and_the_entities)
{
  g_autoptr (EvlGraph) g = story_graph ("");
  htmlDocPtr doc = report_of (g, NULL);
  g_autoptr (GPtrArray) svgs = find_all (doc, "svg");
  cr_assert_eq (svgs->len, 2, "expected the timeline and relations SVGs, got %u", svgs->len);
  g_autoptr (GPtrArray) cells = find_all (doc, "td");
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    {
      const EvlGraphEvent *ev = evl_graph_get_event (g, i);
      cr_assert (any_text_contains (cells, ev->summary), "event '%s' missing", ev->summary);
    }
  for (guint i = 0; i < evl_graph_n_entities (g); i++)
    cr_assert (any_text_contains (cells, evl_graph_get_entity (g, i)->name), "entity '%s' missing",
               evl_graph_get_entity (g, i)->name);
  cr_assert (any_text_contains (cells, "A. Lee"), "alias missing");
  cr_assert (any_text_contains (cells, "Second paper: the two met."), "second source quote missing");
  cr_assert (any_text_contains (cells, "Second report"), "source document title missing");
  cr_assert (any_text_contains (cells, "two sources disagree"), "conflict missing");
  cr_assert (any_text_contains (cells, "BEFORE"), "temporal relation missing");
  xmlFreeDoc (doc);
}

Test (report, event_rows_follow_the_timeline_and_carry_ids)
{
  g_autoptr (EvlGraph) g = story_graph ("");
  htmlDocPtr doc = report_of (g, NULL);
  g_autoptr (GArray) order = evl_graph_timeline (g);
  g_autoptr (GPtrArray) rows = find_all (doc, "tr");
  guint k = 0;
  for (guint i = 0; i < rows->len && k < order->len; i++)
    {
      xmlChar *id = xmlGetProp (rows->pdata[i], (const xmlChar *) "id");
      const EvlGraphEvent *ev = evl_graph_get_event (g, g_array_index (order, guint, k));
      if (id && strcmp ((const char *) id, ev->id) == 0)
        k++;
      xmlFree (id);
    }
  cr_assert_eq (k, order->len, "only %u of %u events found in timeline order", k, order->len);
  xmlFreeDoc (doc);
}

Test (report, negated_and_hedged_events_are_styled)
{
  g_autoptr (EvlGraph) g = story_graph ("");
  htmlDocPtr doc = report_of (g, NULL);
  g_autoptr (GPtrArray) rows = find_all (doc, "tr");
  guint neg = 0, hedged = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      xmlChar *c = xmlGetProp (rows->pdata[i], (const xmlChar *) "class");
      g_autofree char *t = text_of (rows->pdata[i]);
      if (c && strstr ((const char *) c, "neg"))
        {
          neg++;
          cr_assert (strstr (t, "launches a rocket"), "wrong row marked negated: %s", t);
        }
      if (c && strstr ((const char *) c, "hedged"))
        {
          hedged++;
          cr_assert (strstr (t, "signs a deal"), "wrong row marked hedged: %s", t);
        }
      xmlFree (c);
    }
  cr_assert_eq (neg, 1);
  cr_assert_eq (hedged, 1);
  xmlFreeDoc (doc);
}

Test (report, links_only_to_web_urls)
{
  g_autoptr (EvlGraph) g = story_graph ("");
  htmlDocPtr doc = report_of (g, NULL);
  g_autoptr (GPtrArray) anchors = find_all (doc, "a");
  gboolean web = FALSE;
  for (guint i = 0; i < anchors->len; i++)
    {
      xmlChar *href = xmlGetProp (anchors->pdata[i], (const xmlChar *) "href");
      if (href == NULL)
        continue;
      cr_assert (href[0] == '#' || g_str_has_prefix ((const char *) href, "https://")
                 || g_str_has_prefix ((const char *) href, "http://"),
                 "unexpected link %s", href);
      web = web || strcmp ((const char *) href, "https://example.org/b") == 0;
      xmlFree (href);
    }
  cr_assert (web, "document URL not linked");
  xmlFreeDoc (doc);
}

/* ---- injection: article text stays text ---- */

typedef struct {
  char payload[64];
  char forbidden_element[16];
} Injection;

ParameterizedTestParameters (report, article_markup_stays_text)
{
  static Injection cases[] = {
    { "<script>alert(1)</script>", "script" },
    { "\"><img src=x onerror=alert(1)>", "img" },
    { "<<B>x</B>>", "b" },
    { "</td></tr></table><iframe src=x>", "iframe" },
    { "]]><svg onload=alert(1)>", "" },
  };
  return cr_make_param_array (Injection, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (Injection *c, report, article_markup_stays_text)
{
  g_autoptr (EvlGraph) g = story_graph (c->payload);
  htmlDocPtr doc = report_of (g, NULL);
  if (c->forbidden_element[0])
    {
      g_autoptr (GPtrArray) bad = find_all (doc, c->forbidden_element);
      cr_assert_eq (bad->len, 0, "<%s> injected", c->forbidden_element);
    }
  g_autoptr (GPtrArray) scripts = find_all (doc, "script");
  cr_assert_eq (scripts->len, 0, "<script> in the report");
  g_autoptr (GPtrArray) active = g_ptr_array_new ();
  collect (xmlDocGetRootElement (doc), has_handler_or_bad_link, NULL, active);
  cr_assert_eq (active->len, 0, "<%s> carries a handler, src or javascript: link",
                active->len ? (const char *) ((xmlNodePtr) active->pdata[0])->name : "");
  /* Still exactly two diagrams: the payload did not open or close one. */
  g_autoptr (GPtrArray) svgs = find_all (doc, "svg");
  cr_assert_eq (svgs->len, 2, "%u <svg> elements", svgs->len);
  /* The payload is there, as text, in the summary, the entity and the
   * document title. */
  g_autoptr (GPtrArray) cells = find_all (doc, "td");
  g_autofree char *summary = g_strdup_printf ("Ann Lee meets %s Bob Ray", c->payload);
  g_autofree char *person = g_strdup_printf ("Ann %s Lee", c->payload);
  g_autofree char *title = g_strdup_printf ("Leaders meet %s", c->payload);
  cr_assert (any_text_contains (cells, summary), "summary text lost");
  cr_assert (any_text_contains (cells, person), "entity name lost");
  cr_assert (any_text_contains (cells, title), "document title lost");
  xmlFreeDoc (doc);
}

/* ---- dates as people write them ---- */

typedef struct {
  char value[24];
  char begin[11], end[11];
  EvlGrain grain;
  char expected[40];
} DateCase;

ParameterizedTestParameters (report, dates_are_written_at_their_granularity)
{
  static DateCase cases[] = {
    { "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, "13\xc2\xa0Sep\xc2\xa0" "2023" },
    { "2023-08", "2023-08-01", "2023-08-31", EVL_GRAIN_MONTH, "Aug\xc2\xa0" "2023" },
    { "1950/1953", "1950-01-01", "1953-12-31", EVL_GRAIN_YEAR, "1950 \xe2\x80\x93 1953" },
    { "2019", "2019-01-01", "2019-12-31", EVL_GRAIN_YEAR, "2019" },
    { "2023-09-11/2023-09-13", "2023-09-11", "2023-09-13", EVL_GRAIN_DAY,
      "11\xc2\xa0Sep\xc2\xa0" "2023 \xe2\x80\x93 13\xc2\xa0Sep\xc2\xa0" "2023" },
    { "", "", "", EVL_GRAIN_NONE, "undated" },
  };
  return cr_make_param_array (DateCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (DateCase *c, report, dates_are_written_at_their_granularity)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphEvent ev = { 0 };
  ev.summary = "Something happens";
  ev.agent = ev.patient = ev.location = ev.source = -1;
  ev.time.known = c->value[0] != '\0';
  ev.time.value = c->value[0] ? c->value : NULL;
  ev.time.begin = evl_day_parse (c->begin);
  ev.time.end = evl_day_parse (c->end);
  ev.time.grain = c->grain;
  evl_graph_add_event (g, &ev);
  htmlDocPtr doc = report_of (g, NULL);
  g_autoptr (GPtrArray) cells = find_all (doc, "td");
  gboolean found = FALSE;
  for (guint i = 0; i < cells->len && !found; i++)
    {
      xmlChar *klass = xmlGetProp (cells->pdata[i], (const xmlChar *) "class");
      if (klass && strcmp ((const char *) klass, "when") == 0)
        {
          g_autofree char *t = text_of (cells->pdata[i]);
          cr_assert (g_str_has_prefix (t, c->expected), "date cell '%s', expected '%s'", t,
                     c->expected);
          found = TRUE;
        }
      xmlFree (klass);
    }
  cr_assert (found, "no date cell");
  xmlFreeDoc (doc);
}

Test (report, empty_graph_still_gives_a_page)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  htmlDocPtr doc = report_of (g, NULL);
  g_autoptr (GPtrArray) h1 = find_all (doc, "h1");
  cr_assert_eq (h1->len, 1);
  g_autoptr (GPtrArray) ps = find_all (doc, "p");
  cr_assert (any_text_contains (ps, "No dated events"), "empty story not said");
  xmlFreeDoc (doc);
}

Test (report, options_title_names_the_page)
{
  g_autoptr (EvlGraph) g = story_graph ("");
  EvlRenderOptions opts = EVL_RENDER_OPTIONS_INIT;
  opts.title = "Harbour <talks>";
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  GError *error = NULL;
  cr_assert (evl_export_report_with_options (g, &opts, mem, &error), "%s",
             error ? error->message : "");
  g_output_stream_close (mem, NULL, NULL);
  const char *data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (mem));
  gsize len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem));
  htmlDocPtr doc = htmlReadMemory (data, (int) len, NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_autoptr (GPtrArray) h1 = find_all (doc, "h1");
  cr_assert_eq (h1->len, 1);
  g_autofree char *t = text_of (h1->pdata[0]);
  cr_assert_str_eq (t, "Harbour <talks>");
  xmlFreeDoc (doc);
}

/* Mentions counted beyond the graph's per-document cap still count: in
 * the most-reported list and under the event's sources. */
Test (report, mentions_beyond_the_cap_are_counted)
{
  g_autoptr (EvlGraph) g = story_graph ("");
  evl_graph_event_add_more_mentions (g, 3, 5000);
  char *text = NULL;
  htmlDocPtr doc = report_of (g, &text);
  g_autofree char *owned = text;
  g_autoptr (GPtrArray) li = find_all (doc, "li");
  cr_assert (any_text_contains (li, "Bob Ray warns"), "capped event not listed");
  cr_assert (any_text_contains (li, "5001 mentions"), "mentions beyond the cap not counted");
  cr_assert_not_null (strstr (owned, "5000 more mentions not kept"),
                      "the row does not say mentions were not kept");
  xmlFreeDoc (doc);
}

static GBytes *
report_bytes (const EvlGraph *g, const EvlRenderOptions *opts, GBytes *timeline_svg,
              GBytes *relations_svg)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  cr_assert (evl_export_report_with_diagrams (g, opts, timeline_svg, relations_svg, mem, &error),
             "%s", error ? error->message : "");
  cr_assert (g_output_stream_close (mem, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

static GBytes *
svg_of (const char *name, const EvlGraph *g, const EvlRenderOptions *opts)
{
  EvlImageFormat svg = EVL_IMAGE_SVG;
  GBytes *b = NULL;
  g_autoptr (GError) error = NULL;
  cr_assert (evl_render_formats (evl_renderer_lookup (name), g, opts, &svg, 1, &b, &error),
             "%s", error ? error->message : "");
  return b;
}

/* The report embeds the SVG a build writes to timeline.svg and
 * relations.svg, handed over instead of drawn again: the page is the one
 * it draws itself, byte for byte. */
Test (report, given_diagrams_give_the_page_it_draws_itself)
{
  g_autoptr (EvlGraph) g = story_graph ("");
  EvlRenderOptions opts = EVL_RENDER_OPTIONS_INIT;
  opts.width_in = 10;
  g_autoptr (GBytes) timeline = svg_of ("timeline", g, &opts);
  g_autoptr (GBytes) relations = svg_of ("relations", g, &opts);
  g_autoptr (GBytes) drawn = report_bytes (g, &opts, NULL, NULL);
  g_autoptr (GBytes) given = report_bytes (g, &opts, timeline, relations);
  cr_assert (g_bytes_equal (drawn, given), "report with the written SVG differs from its own");
}

/* What is handed over is what the page shows (not drawn again), and it is
 * sanitised like the report's own drawings. */
Test (report, given_diagrams_are_embedded_and_sanitised)
{
  g_autoptr (EvlGraph) g = story_graph ("");
  static const char tl[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
                           "<script>alert(2)</script><text>given-timeline</text></svg>";
  g_autoptr (GBytes) timeline = g_bytes_new_static (tl, sizeof tl - 1);
  g_autoptr (GBytes) page = report_bytes (g, NULL, timeline, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  cr_assert (strstr (text, "given-timeline") != NULL, "the given timeline is not in the page");
  cr_assert (strstr (text, "alert(") == NULL, "a given diagram's script survived");
  /* the relations diagram, not given, is still drawn */
  const char *second = strstr (text, "<svg");
  cr_assert (second != NULL && strstr (second + 1, "<svg") != NULL, "the relations SVG is missing");
  cr_assert (strstr (text, "could not be drawn") == NULL);
  g_autoptr (GBytes) bad = g_bytes_new_static ("not svg", 7);
  g_autoptr (GBytes) noted = report_bytes (g, NULL, bad, NULL);
  g_autofree char *t2 = g_strndup (g_bytes_get_data (noted, NULL), g_bytes_get_size (noted));
  cr_assert (strstr (t2, "The timeline diagram could not be drawn") != NULL);
}

/* 40 events, each with its own person and place: the relationship
 * diagram wraps into two strips. */
static EvlGraph *
long_story (void)
{
  EvlGraph *g = evl_graph_new ();
  EvlGraphDocument d = { "doc-a", NULL, "2024-01-01", "metadata", "Long story", NULL };
  guint doc = evl_graph_add_document (g, &d);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *who = g_strdup_printf ("Person Number%u", i % 7);
      g_autofree char *where = g_strdup_printf ("Town%u", i % 5);
      EvlGraphEntity p = { NULL, who, who, EVL_ENTITY_PERSON, NULL, 1, 1 };
      EvlGraphEntity t = { NULL, where, where, EVL_ENTITY_LOCATION, NULL, 1, 1 };
      g_autofree char *summary = g_strdup_printf ("Talks meeting number %u", i);
      EvlGraphEvent ev = { 0 };
      ev.type = "MEETING";
      ev.summary = summary;
      ev.trigger = "meet";
      ev.agent = (gint) evl_graph_add_entity (g, &p);
      ev.location = (gint) evl_graph_add_entity (g, &t);
      ev.patient = ev.source = -1;
      ev.time.known = TRUE;
      ev.time.begin = ev.time.end = evl_day_parse ("2022-01-03") + i * 11;
      ev.time.grain = EVL_GRAIN_DAY;
      guint k = evl_graph_add_event (g, &ev);
      EvlGraphMention m = { doc, 0, 0, 4, "met", summary, NULL, 0, 0, 0, NULL };
      evl_graph_event_add_mention (g, k, &m);
    }
  return g;
}

/* The widths (pt) of the page's inline diagrams, in order. */
static GArray *
inline_svg_widths (GBytes *page)
{
  GArray *w = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  for (const char *p = text; (p = strstr (p, "<svg")); p++)
    {
      const char *end = strchr (p, '>'), *a = strstr (p, " width=\"");
      double v = a && a < end ? g_ascii_strtod (a + 8, NULL) : 0;
      g_array_append_val (w, v);
    }
  return w;
}

/* Without --width, the relationship diagram of a long story puts its
 * strips side by side on a page twice as wide (relations.svg); the report
 * draws it again for its A4-wide column instead of shrinking it there to
 * half its type size.  A width asked for is kept. */
Test (report, diagrams_wider_than_the_page_are_drawn_for_it)
{
  g_autoptr (EvlGraph) g = long_story ();
  EvlRenderOptions opts = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) relations = svg_of ("relations", g, &opts);
  g_autofree char *rtext = g_strndup (g_bytes_get_data (relations, NULL), g_bytes_get_size (relations));
  const char *rw = strstr (rtext, " width=\"");
  cr_assert (rw && g_ascii_strtod (rw + 8, NULL) > 700, "relations.svg is two strips wide: %.40s", rw);
  g_autoptr (GBytes) page = report_bytes (g, &opts, NULL, relations);
  g_autoptr (GArray) w = inline_svg_widths (page);
  cr_assert_eq (w->len, 2, "two diagrams");
  for (guint i = 0; i < w->len; i++)
    cr_assert_leq (g_array_index (w, double, i), 596, "diagram %u is %.0f pt wide", i, g_array_index (w, double, i));

  opts.width_in = 20;
  g_autoptr (GBytes) wide = report_bytes (g, &opts, NULL, NULL);
  g_autoptr (GArray) ww = inline_svg_widths (wide);
  cr_assert_eq (ww->len, 2, "two diagrams");
  cr_assert_gt (g_array_index (ww, double, 1), 700, "--width 20 kept: %.0f pt", g_array_index (ww, double, 1));
}
