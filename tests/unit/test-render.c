#include <criterion/criterion.h>
#include <eventline/eventline.h>
#include <libxml/parser.h>
#include <string.h>

TestSuite (render, .timeout = 60);

static guint
add_entity (EvlGraph *g, const char *name, EvlEntityType type)
{
  EvlGraphEntity e = { 0 };
  e.name = name;
  e.key = name;
  e.type = type;
  return evl_graph_add_entity (g, &e);
}

static guint
add_event (EvlGraph *g, const char *type, const char *thread, const char *summary,
           const char *begin, const char *end, guint sources)
{
  EvlGraphEvent ev = { 0 };
  ev.type = type;
  ev.thread = thread;
  ev.summary = summary;
  ev.trigger = "x";
  ev.agent = ev.patient = ev.location = ev.source = -1;
  if (begin)
    {
      ev.time.known = TRUE;
      ev.time.value = begin;
      ev.time.begin = evl_day_parse (begin);
      ev.time.end = evl_day_parse (end);
      ev.time.grain = ev.time.begin == ev.time.end ? EVL_GRAIN_DAY : EVL_GRAIN_MONTH;
    }
  guint i = evl_graph_add_event (g, &ev);
  for (guint s = 0; s < sources; s++)
    {
      EvlGraphMention m = { 0 };
      m.doc = s;
      m.end = 1;
      m.text = "x";
      m.quote = "quote";
      evl_graph_event_add_mention (g, i, &m);
    }
  return i;
}

/* A graph shaped like the sample story. */
static EvlGraph *
story (void)
{
  EvlGraph *g = evl_graph_new ();
  for (guint d = 0; d < 5; d++)
    {
      char id[8];
      g_snprintf (id, sizeof id, "d%u", d);
      EvlGraphDocument doc = { 0 };
      doc.id = id;
      doc.dct = "2023-09-14";
      evl_graph_add_document (g, &doc);
    }
  guint kim = add_entity (g, "Kim Jong Un", EVL_ENTITY_PERSON);
  guint putin = add_entity (g, "Vladimir Putin", EVL_ENTITY_PERSON);
  guint nk = add_entity (g, "North Korea", EVL_ENTITY_LOCATION);
  guint vost = add_entity (g, "Vostochny Cosmodrome", EVL_ENTITY_LOCATION);
  evl_graph_add_thread (g, "Summit & diplomacy");
  evl_graph_add_thread (g, "Missile launches");
  evl_graph_add_thread (g, "Satellite launches");
  evl_graph_add_thread (g, "Context");
  add_event (g, "CONFLICT", "Context", "Korean War", "1950-01-01", "1953-12-31", 1);
  guint m19 = add_event (g, "MEETING", "Summit & diplomacy", "Kim and Putin meet", "2019-01-01", "2019-12-31", 1);
  guint may = add_event (g, "SATELLITE_LAUNCH", "Satellite launches", "Spy satellite plunges into the sea",
                         "2023-05-01", "2023-05-31", 1);
  evl_graph_peek_event (g, may)->flags |= EVL_EVENT_FLAG_FAILED;
  guint launch = add_event (g, "MISSILE_LAUNCH", "Missile launches", "North Korea launches two ballistic missiles",
                            "2023-09-13", "2023-09-13", 2);
  guint summit = add_event (g, "MEETING", "Summit & diplomacy", "Kim Jong Un and Vladimir Putin meet at Vostochny",
                            "2023-09-13", "2023-09-13", 5);
  EvlGraphEvent *s = evl_graph_peek_event (g, summit);
  s->agent = (gint) kim;
  s->location = (gint) vost;
  evl_graph_event_add_participant (g, summit, kim);
  evl_graph_event_add_participant (g, summit, putin);
  evl_graph_event_add_participant (g, m19, kim);
  evl_graph_event_add_participant (g, m19, putin);
  evl_graph_peek_event (g, launch)->agent = (gint) nk;
  guint neg = add_event (g, "AGREEMENT", "Summit & diplomacy", "No formal documents were signed", NULL, NULL, 1);
  evl_graph_peek_event (g, neg)->polarity = EVL_POLARITY_NEG;
  guint hedge = add_event (g, "ARMS_TRANSFER", "Summit & diplomacy", "Russia may supply weapons", NULL, NULL, 1);
  evl_graph_peek_event (g, hedge)->modality = evl_graph_intern (g, "may");
  EvlGraphRelation r = { 0 };
  r.from = launch;
  r.to = summit;
  r.rel = EVL_REL_BEFORE;
  r.evidence = "cue";
  evl_graph_add_relation (g, &r);
  return g;
}

static GBytes *
render (const EvlGraph *g, const char *name, EvlImageFormat f, const EvlRenderOptions *base)
{
  const EvlRenderer *r = evl_renderer_lookup (name);
  cr_assert_not_null (r, "renderer %s", name);
  EvlRenderOptions opts = EVL_RENDER_OPTIONS_INIT;
  if (base)
    opts = *base;
  opts.format = f;
  GOutputStream *mem = g_memory_output_stream_new_resizable ();
  GError *error = NULL;
  cr_assert (r->render (g, &opts, mem, &error), "%s: %s", name, error ? error->message : "");
  g_output_stream_close (mem, NULL, NULL);
  GBytes *b = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
  g_object_unref (mem);
  return b;
}

/* All text of a well-formed SVG document. */
static char *
svg_text (GBytes *b)
{
  gsize len;
  const char *data = g_bytes_get_data (b, &len);
  xmlDocPtr doc = xmlReadMemory (data, (int) len, "x.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  cr_assert_not_null (doc, "well-formed SVG");
  cr_assert_str_eq ((const char *) xmlDocGetRootElement (doc)->name, "svg");
  xmlChar *c = xmlNodeGetContent (xmlDocGetRootElement (doc));
  char *s = g_strdup ((const char *) c);
  xmlFree (c);
  xmlFreeDoc (doc);
  return s;
}

Test (render, table_lists_the_diagrams)
{
  cr_assert_not_null (evl_renderer_lookup ("timeline"));
  cr_assert_not_null (evl_renderer_lookup ("relations"));
  cr_assert_not_null (evl_renderer_lookup ("entities"));
  cr_assert_null (evl_renderer_lookup ("pie-chart"));
  guint n = 0;
  for (const EvlRenderer *r = evl_renderer_list (); r->name; r++)
    n++;
  cr_assert_eq (n, 3);
  EvlImageFormat f;
  cr_assert (evl_image_format_from_string ("PNG", &f));
  cr_assert_eq (f, EVL_IMAGE_PNG);
  cr_assert_str_eq (evl_image_format_extension (EVL_IMAGE_PDF), "pdf");
  cr_assert_not (evl_image_format_from_string ("gif", &f));
}

Test (render, timeline_svg_has_axis_lanes_legend_and_events)
{
  g_autoptr (EvlGraph) g = story ();
  g_autoptr (GBytes) b = render (g, "timeline", EVL_IMAGE_SVG, NULL);
  g_autofree char *text = svg_text (b);
  cr_assert (strstr (text, "Missile launches") && strstr (text, "Satellite launches")
             && strstr (text, "Summit & diplomacy") && strstr (text, "Context"), "lanes");
  cr_assert (strstr (text, "13 Sep 2023") && strstr (text, "May 2023") && strstr (text, "1950"), "axis");
  cr_assert (strstr (text, "years"), "a break in the axis between 1953 and 2019");
  cr_assert (strstr (text, "failed"), "failed outcome marked");
  cr_assert (strstr (text, "5 sources"), "source count");
  cr_assert (strstr (text, "not happening") && strstr (text, "unconfirmed"), "legend explains styles");
  gsize len;
  const char *svg = g_bytes_get_data (b, &len);
  cr_assert (g_strstr_len (svg, (gssize) len, "<desc>") != NULL, "accessible description");
}

Test (render, timeline_rows_follow_dates)
{
  g_autoptr (EvlGraph) g = story ();
  g_autoptr (GBytes) b = render (g, "timeline", EVL_IMAGE_SVG, NULL);
  gsize len;
  const char *svg = g_bytes_get_data (b, &len);
  /* SVG y grows downwards: earlier dates must come first in the file's
   * tick order and have smaller y. */
  const char *war = g_strstr_len (svg, (gssize) len, ">1950");
  const char *may = g_strstr_len (svg, (gssize) len, ">May 2023");
  const char *sep = g_strstr_len (svg, (gssize) len, ">13 Sep 2023");
  cr_assert (war && may && sep);
  cr_assert (war < may && may < sep);
}

Test (render, relations_link_entities_with_roles)
{
  g_autoptr (EvlGraph) g = story ();
  g_autoptr (GBytes) b = render (g, "relations", EVL_IMAGE_SVG, NULL);
  g_autofree char *text = svg_text (b);
  cr_assert (strstr (text, "Kim Jong Un") && strstr (text, "Vladimir Putin") && strstr (text, "Vostochny"));
  cr_assert (strstr (text, "agent") && strstr (text, "location") && strstr (text, "participant"));
  g_autoptr (GBytes) e = render (g, "entities", EVL_IMAGE_SVG, NULL);
  g_autofree char *etext = svg_text (e);
  cr_assert (strstr (etext, "Kim Jong Un") && strstr (etext, "Vladimir Putin"));
}

Test (render, png_pdf_and_dot_outputs)
{
  g_autoptr (EvlGraph) g = story ();
  g_autoptr (GBytes) png = render (g, "timeline", EVL_IMAGE_PNG, NULL);
  cr_assert (memcmp (g_bytes_get_data (png, NULL), "\x89PNG\r\n\x1a\n", 8) == 0);
  g_autoptr (GBytes) pdf = render (g, "relations", EVL_IMAGE_PDF, NULL);
  cr_assert (memcmp (g_bytes_get_data (pdf, NULL), "%PDF", 4) == 0);
  g_autoptr (GBytes) dot = render (g, "relations", EVL_IMAGE_DOT, NULL);
  cr_assert (g_strstr_len (g_bytes_get_data (dot, NULL), (gssize) g_bytes_get_size (dot), "digraph") != NULL);
}

Test (render, same_graph_same_svg_bytes)
{
  g_autoptr (EvlGraph) g = story ();
  for (guint k = 0; k < 2; k++)
    {
      const char *name = k ? "relations" : "timeline";
      g_autoptr (GBytes) a = render (g, name, EVL_IMAGE_SVG, NULL);
      g_autoptr (GBytes) b = render (g, name, EVL_IMAGE_SVG, NULL);
      cr_assert (g_bytes_equal (a, b), "%s is deterministic", name);
    }
}

Test (render, hostile_text_stays_text)
{
  EvlGraph *g = evl_graph_new ();
  EvlGraphDocument doc = { 0 };
  doc.id = "d";
  evl_graph_add_document (g, &doc);
  guint who = add_entity (g, "<b>Evil</b> & \"Co\" {label=x}", EVL_ENTITY_ORGANIZATION);
  guint e = add_event (g, "OTHER", "Other", "<script>alert(1)</script> \"quotes\" & <b>tags</b>",
                       "2024-01-02", "2024-01-02", 1);
  evl_graph_peek_event (g, e)->agent = (gint) who;
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr (GBytes) svg = render (g, k ? "relations" : "timeline", EVL_IMAGE_SVG, NULL);
      gsize len;
      const char *s = g_bytes_get_data (svg, &len);
      cr_assert_null (g_strstr_len (s, (gssize) len, "<script"), "no live script element");
      cr_assert_null (g_strstr_len (s, (gssize) len, "<b>"), "no live markup");
      g_autofree char *text = svg_text (svg);
      cr_assert (strstr (text, "<script>alert(1)</script>") != NULL, "shown literally");
    }
  g_autoptr (GBytes) dot = render (g, "relations", EVL_IMAGE_DOT, NULL);
  gsize len;
  const char *d = g_bytes_get_data (dot, &len);
  cr_assert_null (g_strstr_len (d, (gssize) len, "<script>"), "DOT escapes markup in labels");
  evl_graph_unref (g);
}

Test (render, empty_graph_says_so)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  g_autoptr (GBytes) b = render (g, "timeline", EVL_IMAGE_SVG, NULL);
  g_autofree char *text = svg_text (b);
  cr_assert (strstr (text, "No events"));
}

Test (render, filters_drop_events)
{
  g_autoptr (EvlGraph) g = story ();
  EvlRenderOptions opts = EVL_RENDER_OPTIONS_INIT;
  opts.from = evl_day_parse ("2023-01-01");
  g_autoptr (GBytes) b = render (g, "timeline", EVL_IMAGE_SVG, &opts);
  g_autofree char *text = svg_text (b);
  cr_assert_null (strstr (text, "Korean War"));
  cr_assert_not_null (strstr (text, "ballistic"));
  EvlRenderOptions t = EVL_RENDER_OPTIONS_INIT;
  t.type = "MEETING";
  g_autoptr (GBytes) b2 = render (g, "timeline", EVL_IMAGE_SVG, &t);
  g_autofree char *text2 = svg_text (b2);
  cr_assert_null (strstr (text2, "ballistic"));
  cr_assert_not_null (strstr (text2, "Vostochny"));
  EvlRenderOptions en = EVL_RENDER_OPTIONS_INIT;
  en.entity = "North Korea";
  g_autoptr (GBytes) b3 = render (g, "timeline", EVL_IMAGE_SVG, &en);
  g_autofree char *text3 = svg_text (b3);
  cr_assert_not_null (strstr (text3, "ballistic"));
  cr_assert_null (strstr (text3, "Korean War"));
}
