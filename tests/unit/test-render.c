/* Renderers: table, formats, well-formed and escaped SVG, PNG signature,
 * determinism, empty graph, filters.  SVG is checked structurally. */
#include "render/render-private.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "../tmp-helpers.h"

TestSuite (render, .fini = evl_test_tmp_cleanup);

#define XSS "<script>alert(1)</script> \"quotes\" & <b>tags</b>"

static guint
ent (EvlGraph *g, const char *name, EvlEntityType t)
{
  EvlGraphEntity e = { .name = name, .key = name, .type = t };
  return evl_graph_add_entity (g, &e);
}

static guint
ev (EvlGraph *g, const char *type, const char *thread, const char *summary,
    EvlDay b, EvlDay e, EvlGrain grain, guint n_sources)
{
  EvlGraphEvent x = { .type = type, .thread = thread, .summary = summary, .trigger = "x",
                      .agent = -1, .patient = -1, .location = -1, .source = -1,
                      .n_sources = n_sources };
  x.time.known = b != 0;
  x.time.begin = b;
  x.time.end = e;
  x.time.grain = grain;
  guint i = evl_graph_add_event (g, &x);
  for (guint d = 0; d < n_sources; d++)
    {
      EvlGraphMention m = { .doc = d, .text = "x", .quote = summary };
      evl_graph_event_add_mention (g, i, &m);
    }
  return i;
}

static void
rel (EvlGraph *g, guint a, guint b, EvlRel r)
{
  EvlGraphRelation x = { .from = a, .to = b, .rel = r, .evidence = "cue" };
  evl_graph_add_relation (g, &x);
}

/* Shaped like the sample story. */
static EvlGraph *
fixture (gboolean hostile)
{
  EvlGraph *g = evl_graph_new ();
  for (guint d = 0; d < 5; d++)
    {
      g_autofree char *id = g_strdup_printf ("doc%u", d);
      EvlGraphDocument doc = { .id = id, .dct = "2023-09-14", .dct_source = "metadata" };
      evl_graph_add_document (g, &doc);
    }
  guint kim = ent (g, "Kim Jong Un", EVL_ENTITY_PERSON);
  guint putin = ent (g, "Vladimir Putin", EVL_ENTITY_PERSON);
  guint nk = ent (g, "North Korea", EVL_ENTITY_LOCATION);
  guint ru = ent (g, "Russia", EVL_ENTITY_LOCATION);
  guint vc = ent (g, "Vostochny Cosmodrome", EVL_ENTITY_LOCATION);
  ent (g, "United Nations", EVL_ENTITY_ORGANIZATION);
  EvlDay sep13 = evl_day_from_ymd (2023, 9, 13);
  guint summit = ev (g, "MEETING", "Summit & diplomacy",
                     hostile ? XSS : "Kim and Putin meet at the Vostochny Cosmodrome",
                     sep13, sep13, EVL_GRAIN_DAY, 5);
  EvlGraphEvent *s = evl_graph_peek_event (g, summit);
  s->agent = (gint) kim;
  s->location = (gint) vc;
  evl_graph_event_add_participant (g, summit, kim);
  evl_graph_event_add_participant (g, summit, putin);
  guint m1 = ev (g, "MISSILE_LAUNCH", "Missile launches", "North Korea fires a ballistic missile",
                 sep13, sep13, EVL_GRAIN_DAY, 3);
  guint m2 = ev (g, "MISSILE_LAUNCH", "Missile launches", "Second ballistic missile launch",
                 sep13, sep13, EVL_GRAIN_DAY, 2);
  evl_graph_peek_event (g, m1)->agent = (gint) nk;
  evl_graph_event_add_participant (g, m1, nk);
  rel (g, m1, summit, EVL_REL_BEFORE);
  rel (g, m2, summit, EVL_REL_BEFORE);
  guint sat1 = ev (g, "SATELLITE_LAUNCH", "Satellite launches", "Spy satellite launch fails",
                   evl_day_from_ymd (2023, 5, 1), evl_day_from_ymd (2023, 5, 31), EVL_GRAIN_MONTH, 2);
  guint sat2 = ev (g, "SATELLITE_LAUNCH", "Satellite launches", "Second spy satellite launch fails",
                   evl_day_from_ymd (2023, 8, 1), evl_day_from_ymd (2023, 8, 31), EVL_GRAIN_MONTH, 3);
  evl_graph_peek_event (g, sat1)->flags |= EVL_EVENT_FLAG_FAILED;
  evl_graph_peek_event (g, sat2)->flags |= EVL_EVENT_FLAG_FAILED;
  ev (g, "WEAPONS_TEST", "Missile launches", "Weapons tests since early 2022",
      evl_day_from_ymd (2022, 1, 1), evl_day_from_ymd (2022, 4, 30), EVL_GRAIN_MONTH, 1);
  guint prev = ev (g, "MEETING", "Summit & diplomacy", "Previous Kim-Putin meeting in Vladivostok",
                   evl_day_from_ymd (2019, 1, 1), evl_day_from_ymd (2019, 12, 31), EVL_GRAIN_YEAR, 2);
  evl_graph_event_add_participant (g, prev, kim);
  evl_graph_event_add_participant (g, prev, putin);
  guint war = ev (g, "CONFLICT", "Context", "Korean War",
                  evl_day_from_ymd (1950, 1, 1), evl_day_from_ymd (1953, 12, 31), EVL_GRAIN_YEAR, 2);
  evl_graph_event_add_participant (g, war, nk);
  guint hedge = ev (g, "ARMS_TRANSFER", "Summit & diplomacy", "Russia may supply weapons to North Korea",
                    sep13, sep13, EVL_GRAIN_DAY, 2);
  evl_graph_peek_event (g, hedge)->modality = evl_graph_intern (g, "may");
  evl_graph_peek_event (g, hedge)->agent = (gint) ru;
  evl_graph_event_add_participant (g, hedge, ru);
  evl_graph_event_add_participant (g, hedge, nk);
  guint neg = ev (g, "AGREEMENT", "Summit & diplomacy", "Formal documents signed",
                  sep13, sep13, EVL_GRAIN_DAY, 1);
  evl_graph_peek_event (g, neg)->polarity = EVL_POLARITY_NEG;
  guint tour = ev (g, "VISIT", "Summit & diplomacy", "Tour of the rocket launch facilities",
                   0, 0, EVL_GRAIN_NONE, 1);
  rel (g, summit, tour, EVL_REL_BEFORE);
  return g;
}

static GBytes *
render (const char *name, const EvlGraph *g, EvlRenderOptions *o)
{
  const EvlRenderer *r = evl_renderer_lookup (name);
  cr_assert_not_null (r, "renderer %s", name);
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  gboolean ok = r->render (g, o, mem, &error);
  cr_assert (ok, "%s: %s", name, error ? error->message : "?");
  g_output_stream_close (mem, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

static xmlDoc *
parse_svg (GBytes *b)
{
  gsize len;
  const char *d = g_bytes_get_data (b, &len);
  xmlDoc *doc = xmlReadMemory (d, (int) len, "x.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  cr_assert_not_null (doc, "SVG is well-formed XML");
  return doc;
}

/* All text of the SVG (titles and <text>), joined. */
static char *
svg_text (xmlDoc *doc)
{
  xmlChar *c = xmlNodeGetContent (xmlDocGetRootElement (doc));
  char *s = g_strdup ((const char *) c);
  xmlFree (c);
  return s;
}

Test (render, lookup_and_list)
{
  cr_assert_not_null (evl_renderer_lookup ("timeline"));
  cr_assert_not_null (evl_renderer_lookup ("relations"));
  cr_assert_not_null (evl_renderer_lookup ("entities"));
  cr_assert_null (evl_renderer_lookup ("nope"));
  guint n = 0;
  for (const EvlRenderer *r = evl_renderer_list (); r->name; r++)
    n++;
  cr_assert_eq (n, 3);
}

typedef struct { char name[8]; int format; char ext[8]; } FormatCase;
ParameterizedTestParameters (render, formats)
{
  static FormatCase cases[] = { { "svg", EVL_IMAGE_SVG, "svg" }, { "PNG", EVL_IMAGE_PNG, "png" },
                                { "pdf", EVL_IMAGE_PDF, "pdf" }, { "dot", EVL_IMAGE_DOT, "dot" } };
  return cr_make_param_array (FormatCase, cases, G_N_ELEMENTS (cases));
}
ParameterizedTest (FormatCase *c, render, formats)
{
  EvlImageFormat f;
  cr_assert (evl_image_format_from_string (c->name, &f));
  cr_assert_eq ((int) f, c->format);
  cr_assert_str_eq (evl_image_format_extension (f), c->ext);
}

Test (render, unknown_format_is_rejected)
{
  EvlImageFormat f;
  cr_assert_not (evl_image_format_from_string ("bmp", &f));
}

typedef struct { char renderer[16]; char expect[64]; } SvgCase;
ParameterizedTestParameters (render, svg_well_formed)
{
  static SvgCase cases[] = {
    { "timeline", "Kim and Putin meet" }, { "timeline", "Missile" },
    { "timeline", "FAILED" }, { "timeline", "×5" }, { "timeline", "1950–53" },
    { "timeline", "Legend" }, { "relations", "Vostochny Cosmodrome" }, { "relations", "agent" },
    { "relations", "location" }, { "entities", "Vladimir Putin" }, { "entities", "Kim Jong Un" },
  };
  return cr_make_param_array (SvgCase, cases, G_N_ELEMENTS (cases));
}
ParameterizedTest (SvgCase *c, render, svg_well_formed)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render (c->renderer, g, &o);
  xmlDoc *doc = parse_svg (b);
  g_autofree char *all = svg_text (doc);
  cr_expect (strstr (all, c->expect) != NULL, "%s has '%s'", c->renderer, c->expect);
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *first = root->children;
  while (first && first->type != XML_ELEMENT_NODE)
    first = first->next;
  cr_expect (first && strcmp ((const char *) first->name, "title") == 0, "root starts with <title>");
  xmlFreeDoc (doc);
}

Test (render, png_signature)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.format = EVL_IMAGE_PNG;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  gsize len;
  const guchar *d = g_bytes_get_data (b, &len);
  cr_assert_gt (len, 8);
  cr_assert (memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0);
}

Test (render, svg_is_deterministic)
{
  const char *names[] = { "timeline", "relations", "entities" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (EvlGraph) g1 = fixture (FALSE);
      g_autoptr (EvlGraph) g2 = fixture (FALSE);
      EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
      g_autoptr (GBytes) a = render (names[i], g1, &o);
      g_autoptr (GBytes) b = render (names[i], g2, &o);
      cr_expect (g_bytes_equal (a, b), "%s is byte-identical", names[i]);
    }
}

/* One layout drawn in several formats gives each the bytes of its own
 * drawing: the SVG keeps its tooltips, the DOT text (drawn after it, from
 * the same graph) does not get them, PNG keeps its resolution.  PDF is left
 * out: cairo stamps it with the time. */
Test (render, formats_from_one_layout_match_single_renders)
{
  const char *names[] = { "timeline", "relations", "entities" };
  const EvlImageFormat fmts[] = { EVL_IMAGE_SVG, EVL_IMAGE_PNG, EVL_IMAGE_DOT, EVL_IMAGE_PNG };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (EvlGraph) g = fixture (FALSE);
      EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
      o.dpi = 72;
      GBytes *out[G_N_ELEMENTS (fmts)] = { NULL };
      g_autoptr (GError) error = NULL;
      cr_assert (evl_render_formats (evl_renderer_lookup (names[i]), g, &o, fmts,
                                     G_N_ELEMENTS (fmts), out, &error),
                 "%s: %s", names[i], error ? error->message : "");
      for (guint f = 0; f < G_N_ELEMENTS (fmts); f++)
        {
          o.format = fmts[f];
          g_autoptr (GBytes) single = render (names[i], g, &o);
          cr_expect (g_bytes_equal (out[f], single), "%s as %s differs from its single render",
                     names[i], evl_image_format_extension (fmts[f]));
        }
      g_autofree char *svg = g_strndup (g_bytes_get_data (out[0], NULL), g_bytes_get_size (out[0]));
      g_autofree char *dot = g_strndup (g_bytes_get_data (out[2], NULL), g_bytes_get_size (out[2]));
      if (i == 0)
        cr_expect (strstr (svg, "xlink:title") != NULL, "timeline SVG has tooltips");
      cr_expect (strstr (dot, "tooltip") == NULL, "%s DOT has no tooltips", names[i]);
      cr_expect (strstr (dot, "dpi") == NULL, "%s DOT has no PNG resolution", names[i]);
      for (guint f = 0; f < G_N_ELEMENTS (fmts); f++)
        g_bytes_unref (out[f]);
    }
}

typedef struct { char renderer[16]; int format; } EscCase;
ParameterizedTestParameters (render, hostile_text_is_escaped)
{
  static EscCase cases[] = { { "timeline", EVL_IMAGE_SVG }, { "timeline", EVL_IMAGE_DOT },
                             { "relations", EVL_IMAGE_SVG }, { "relations", EVL_IMAGE_DOT } };
  return cr_make_param_array (EscCase, cases, G_N_ELEMENTS (cases));
}
ParameterizedTest (EscCase *c, render, hostile_text_is_escaped)
{
  g_autoptr (EvlGraph) g = fixture (TRUE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.format = (EvlImageFormat) c->format;
  g_autoptr (GBytes) b = render (c->renderer, g, &o);
  g_autofree char *s = g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));
  cr_expect (strstr (s, "<script") == NULL, "no raw <script>");
  cr_expect (strstr (s, "<b>") == NULL, "no raw <b>");
  cr_expect (strstr (s, "&lt;script&gt;") != NULL, "escaped script present");
  if (c->format == EVL_IMAGE_SVG)
    {
      xmlDoc *doc = parse_svg (b);
      g_autofree char *all = svg_text (doc);
      cr_expect (strstr (all, "<script>alert(1)") != NULL, "text reads literally");
      xmlFreeDoc (doc);
    }
}

/* A story is named by who takes part in its events, not by the dateline
 * city every article opens with. */
Test (render, title_names_who_takes_part_in_events)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *id = g_strdup_printf ("doc%u", d);
      EvlGraphDocument doc = { .id = id, .dct = "2025-02-05", .dct_source = "metadata" };
      evl_graph_add_document (g, &doc);
    }
  EvlGraphEntity city = { .name = "Chicago", .key = "chicago", .type = EVL_ENTITY_LOCATION,
                          .n_mentions = 6, .n_documents = 2 };
  evl_graph_add_entity (g, &city);
  EvlGraphEntity who = { .name = "Jane Roe", .key = "jane roe", .type = EVL_ENTITY_PERSON,
                         .n_mentions = 2, .n_documents = 1 };
  guint roe = evl_graph_add_entity (g, &who);
  EvlDay feb5 = evl_day_from_ymd (2025, 2, 5);
  guint arrest = ev (g, "ARREST", "Courts & arrests", "Jane Roe arrested", feb5, feb5, EVL_GRAIN_DAY, 1);
  evl_graph_event_add_participant (g, arrest, roe);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autofree char *title = evl_render_title (g, &o, "Timeline");
  cr_assert_str_eq (title, "Timeline: Jane Roe and Chicago");
}

Test (render, empty_graph_draws_no_events)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  const char *names[] = { "timeline", "relations", "entities" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
      g_autoptr (GBytes) b = render (names[i], g, &o);
      xmlDoc *doc = parse_svg (b);
      g_autofree char *all = svg_text (doc);
      cr_expect (strstr (all, "No ") != NULL, "%s says there is nothing", names[i]);
      xmlFreeDoc (doc);
    }
}

static gboolean
has (GBytes *b, const char *needle)
{
  xmlDoc *doc = parse_svg (b);
  g_autofree char *all = svg_text (doc);
  xmlFreeDoc (doc);
  return strstr (all, needle) != NULL;
}

Test (render, date_filter_drops_events)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.from = evl_day_from_ymd (2023, 1, 1);
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  cr_expect_not (has (b, "Korean War"));
  cr_expect (has (b, "Spy satellite"));
}

Test (render, type_filter_drops_events)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.type = "SATELLITE_LAUNCH";
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  cr_expect_not (has (b, "Korean War"));
  cr_expect (has (b, "Spy satellite"));
}

Test (render, unknown_entity_is_an_error)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.entity = "Nobody Atall";
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  cr_assert_not (evl_renderer_lookup ("timeline")->render (g, &o, mem, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_INVALID_ARGUMENT));
}

Test (render, to_file_writes_png)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  const char *dir = g_getenv ("EVL_RENDER_OUT");
  g_autofree char *tmp = dir ? g_strdup (dir) : evl_test_tmp_make ("evl-render-XXXXXX");
  const char *names[] = { "timeline", "relations", "entities" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
      o.format = EVL_IMAGE_PNG;
      g_autofree char *file = g_strdup_printf ("%s.png", names[i]);
      g_autofree char *path = g_build_filename (tmp, file, NULL);
      g_autoptr (GError) error = NULL;
      cr_assert (evl_render_to_file (evl_renderer_lookup (names[i]), g, &o, path, &error),
                 "%s", error ? error->message : "");
      cr_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      if (!dir)
        g_unlink (path);
    }
  if (!dir)
    g_rmdir (tmp);
}

/* ---- big timelines: aggregation ---- */

/* @n events over @span_days from 1 Jan 2015 in 7 threads; sources 1..6
 * (most events have one), salience varies; deterministic. */
static EvlGraph *
big_graph (guint n, guint span_days)
{
  static const char *const threads[] = { "Summits", "Missile launches", "Sanctions", "Elections",
                                         "Trade", "Protests", "Courts" };
  EvlGraph *g = evl_graph_new ();
  for (guint d = 0; d < 6; d++)
    {
      g_autofree char *id = g_strdup_printf ("doc%u", d);
      EvlGraphDocument doc = { .id = id, .dct = "2024-01-01", .dct_source = "metadata" };
      evl_graph_add_document (g, &doc);
    }
  g_autoptr (GRand) rnd = g_rand_new_with_seed (7);
  EvlDay start = evl_day_from_ymd (2015, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      guint t = g_rand_int_range (rnd, 0, G_N_ELEMENTS (threads));
      EvlDay b = start + (EvlDay) g_rand_int_range (rnd, 0, (gint32) span_days);
      guint r = g_rand_int_range (rnd, 0, 1000);
      guint sources = r < 900 ? 1 : r < 980 ? 2 : r < 995 ? 4 : 6;
      g_autofree char *summary = g_strdup_printf ("%s event number %u", threads[t], i);
      guint e = ev (g, "OTHER", threads[t], summary, i % 97 == 0 ? 0 : b, i % 97 == 0 ? 0 : b,
                    EVL_GRAIN_DAY, sources);
      evl_graph_peek_event (g, e)->salience = (float) g_rand_double (rnd);
    }
  return g;
}

/* Sum of N over the "+N more event(s)" marks in @text; *marks_out counts them. */
static guint
hidden_total (const char *text, guint *marks_out)
{
  guint sum = 0, marks = 0;
  for (const char *p = strchr (text, '+'); p; p = strchr (p + 1, '+'))
    {
      guint v = 0;
      const char *q = p + 1;
      for (; g_ascii_isdigit (*q) || *q == ','; q++)
        if (*q != ',')
          v = v * 10 + (guint) (*q - '0');
      if (q > p + 1 && g_str_has_prefix (q, " more event"))
        {
          sum += v;
          marks++;
        }
    }
  *marks_out = marks;
  return sum;
}

/* Nodes titled @prefix and a number. */
static guint
count_titles (const char *s, const char *prefix)
{
  g_autofree char *open = g_strconcat ("<title>", prefix, NULL);
  guint n = 0;
  for (const char *p = strstr (s, open); p; p = strstr (p + 1, open))
    {
      const char *q = p + strlen (open);
      if (!g_ascii_isdigit (*q))
        continue;
      while (g_ascii_isdigit (*q))
        q++;
      n += g_str_has_prefix (q, "</title>");
    }
  return n;
}

Test (render, timeline_of_100000_events_is_aggregated, .timeout = 300 * EVL_TIMEOUT_SCALE)
{
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr (EvlGraph) g = big_graph (100000, 9 * 365);
  gint64 t1 = g_get_monotonic_time ();
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  gint64 t2 = g_get_monotonic_time ();
  gsize len = g_bytes_get_size (b);
  /* EVL_RENDER_OUT=DIR keeps the images to look at and reports the time. */
  const char *dir = g_getenv ("EVL_RENDER_OUT");
  if (dir)
    {
      g_autofree char *svg = g_build_filename (dir, "timeline-100000.svg", NULL);
      g_autofree char *png = g_build_filename (dir, "timeline-100000.png", NULL);
      g_file_set_contents (svg, g_bytes_get_data (b, NULL), (gssize) len, NULL);
      EvlRenderOptions po = EVL_RENDER_OPTIONS_INIT;
      po.format = EVL_IMAGE_PNG;
      gint64 t3 = g_get_monotonic_time ();
      cr_assert (evl_render_to_file (evl_renderer_lookup ("timeline"), g, &po, png, NULL));
      gint64 t4 = g_get_monotonic_time ();
      cr_log_warn ("100000 events: graph built in %.2f s, SVG rendered in %.2f s, PNG in %.2f s",
                   (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t4 - t3) / 1e6);
    }
  cr_assert_lt (len, 1024 * 1024, "SVG stays small: %" G_GSIZE_FORMAT " bytes", len);
  xmlDoc *doc = parse_svg (b);
  g_autofree char *all = svg_text (doc);
  xmlFreeDoc (doc);
  guint marks = 0, hidden = hidden_total (all, &marks);
  cr_assert_gt (marks, 3, "one summary mark per period");
  cr_assert_leq (marks, EVL_RENDER_MAX_EVENTS / 4 + 1);
  cr_assert_eq (hidden, 100000 - EVL_RENDER_MAX_EVENTS, "every event not drawn is counted once");
  cr_assert (strstr (all, "100000 events") || strstr (all, "100,000"), "the subtitle counts them all");
  g_autofree char *raw = g_strndup (g_bytes_get_data (b, NULL), len);
  /* (not the leader lines from a box aside to its mark: "ev1:s->mark_ev1") */
  cr_assert_eq (count_titles (raw, "ev"), EVL_RENDER_MAX_EVENTS, "one box per drawn event");
  cr_assert_eq (count_titles (raw, "more") + count_titles (raw, "moremark"), 2 * marks,
                "a box and a span bar per mark");
  cr_assert (strstr (all, "counted per year"), "%s", all);
  cr_assert (strstr (all, "undated"), "undated events get their mark too");
}

Test (render, under_the_threshold_nothing_is_aggregated)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  xmlDoc *doc = parse_svg (b);
  g_autofree char *all = svg_text (doc);
  xmlFreeDoc (doc);
  guint marks = 0;
  cr_assert_eq (hidden_total (all, &marks), 0);
  cr_assert_eq (marks, 0);
  cr_assert_null (strstr (all, "More events"));
  cr_assert_null (strstr (all, "counted per"));
}

Test (render, max_events_keeps_the_most_reported)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  guint n = evl_graph_n_events (g);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.max_events = 4;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  xmlDoc *doc = parse_svg (b);
  g_autofree char *all = svg_text (doc);
  xmlFreeDoc (doc);
  guint marks = 0;
  cr_assert_eq (hidden_total (all, &marks), n - 4, "%s", all);
  cr_assert_gt (marks, 0);
  cr_assert (strstr (all, "Kim and Putin meet"), "the event five sources report is drawn");
}

typedef struct {
  guint n, span_days, max;
  char grain[12];
} GrainCase;

ParameterizedTestParameters (render, aggregation_period_grain)
{
  static GrainCase cases[] = {
    { 100, 3, 60, "day" },          /* three days: a period per day */
    { 200, 20, 60, "week" },
    { 300, 100, 60, "week" },        /* 15 weeks */
    { 300, 400, 60, "month" },
    { 500, 1000, 60, "quarter" },
    { 500, 3000, 60, "year" },
    { 500, 3000, 400, "month" },    /* more boxes, finer periods */
    { 500, 30000, 60, "decade" },
  };
  return cr_make_param_array (GrainCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (GrainCase *c, render, aggregation_period_grain)
{
  g_autoptr (EvlGraph) g = big_graph (c->n, c->span_days);
  g_autoptr (GArray) sel = evl_graph_timeline (g);
  EvlGrain grain = EVL_GRAIN_NONE;
  g_autoptr (GArray) periods = evl_render_aggregate (g, sel, c->max, &grain);
  cr_assert_not_null (periods);
  cr_assert_leq (sel->len, c->max);
  cr_assert_geq (sel->len, MIN (c->max, 7u * 2), "some boxes in every lane");
  cr_assert_str_eq (evl_grain_to_string (grain), c->grain, "%u events over %u days: %s", c->n, c->span_days,
                    evl_grain_to_string (grain));
  cr_assert_leq (periods->len, MAX (c->max / 4, 1u) + 1, "a quarter as many periods as boxes, + undated");
  guint hidden = 0;
  for (guint p = 0; p < periods->len; p++)
    {
      const EvlRenderPeriod *rp = &g_array_index (periods, EvlRenderPeriod, p);
      hidden += rp->hidden;
      if (p > 0 && rp->b)
        cr_assert_gt (rp->b, g_array_index (periods, EvlRenderPeriod, p - 1).e, "periods in time order");
    }
  cr_assert_eq (hidden + sel->len, c->n);
  /* at most 3 boxes per thread and period, 2 when periods are days;
   * counted per thread and day, which is finer, so never above the cap */
  g_autoptr (GHashTable) per_day = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint k = 0; k < sel->len; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (sel, guint, k));
      char *key = g_strdup_printf ("%s/%u", e->thread, e->time.begin);
      guint v = GPOINTER_TO_UINT (g_hash_table_lookup (per_day, key)) + 1;
      cr_assert_leq (v, strcmp (c->grain, "day") == 0 ? 2u : 3u, "%s", key);
      g_hash_table_insert (per_day, key, GUINT_TO_POINTER (v));
    }
  /* the most reported events are never the ones hidden */
  guint top = 0, n_top = 0, top_kept = 0;
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    top = MAX (top, evl_graph_get_event (g, i)->n_sources);
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    n_top += evl_graph_get_event (g, i)->n_sources == top;
  for (guint k = 0; k < sel->len; k++)
    top_kept += evl_graph_get_event (g, g_array_index (sel, guint, k))->n_sources == top;
  cr_assert_gt (top, 1);
  cr_assert_eq (top_kept, MIN (n_top, c->max), "%u of %u events with %u sources kept", top_kept, n_top, top);
}

Test (render, aggregation_at_the_ends_of_the_calendar)
{
  /* periods of the first and the last representable years, and undated */
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlDay days[] = { evl_day_from_ymd (1, 1, 1), evl_day_from_ymd (9999, 12, 31), 0 };
  for (guint i = 0; i < 30; i++)
    ev (g, "OTHER", "Edge", "An edge event", days[i % 3], days[i % 3], EVL_GRAIN_DAY, 1 + i % 2);
  g_autoptr (GArray) sel = evl_graph_timeline (g);
  EvlGrain grain = EVL_GRAIN_NONE;
  g_autoptr (GArray) periods = evl_render_aggregate (g, sel, 4, &grain);
  cr_assert_not_null (periods);
  cr_assert_eq (periods->len, 3, "two dated periods and the undated one");
  for (guint p = 0; p < periods->len; p++)
    {
      const EvlRenderPeriod *rp = &g_array_index (periods, EvlRenderPeriod, p);
      cr_assert (g_utf8_validate (rp->label, -1, NULL) && *rp->label);
      cr_assert_leq (rp->b, rp->e);
    }
  cr_assert_str_eq (evl_grain_to_string (grain), "century");
  cr_assert_str_eq (g_array_index (periods, EvlRenderPeriod, 0).label, "1–99");
  cr_assert_str_eq (g_array_index (periods, EvlRenderPeriod, 1).label, "9900–99");
  cr_assert_str_eq (g_array_index (periods, EvlRenderPeriod, 2).label, "undated");
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.max_events = 4;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  guint marks = 0;
  xmlDoc *doc = parse_svg (b);
  g_autofree char *all = svg_text (doc);
  xmlFreeDoc (doc);
  cr_assert_eq (hidden_total (all, &marks) + sel->len, 30);
  cr_assert_eq (marks, 3);
}

/* An XPath context over @doc where "s:" is the SVG namespace. */
static xmlXPathContext *
svg_xpath (xmlDoc *doc)
{
  xmlXPathContext *xc = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (xc, (const xmlChar *) "s", (const xmlChar *) "http://www.w3.org/2000/svg");
  return xc;
}

/* The fill of the SVG node with a text line @name ("" when none). */
static char *
node_fill (xmlDoc *doc, const char *name)
{
  xmlXPathContext *xc = svg_xpath (doc);
  xmlXPathObject *o = xmlXPathEvalExpression (
    (const xmlChar *) "//s:g[@class='node']", xc);
  char *fill = g_strdup ("");
  for (int i = 0; o && o->nodesetval && i < o->nodesetval->nodeNr; i++)
    {
      xmlNode *n = o->nodesetval->nodeTab[i];
      gboolean hit = FALSE;
      for (xmlNode *c = n->children; c && !hit; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcmp (c->name, (const xmlChar *) "text") == 0)
          {
            xmlChar *t = xmlNodeGetContent (c);
            hit = t && g_strcmp0 (g_strstrip ((char *) t), name) == 0;
            xmlFree (t);
          }
      if (!hit)
        continue;
      for (xmlNode *c = n->children; c; c = c->next)
        {
          xmlChar *f = c->type == XML_ELEMENT_NODE ? xmlGetProp (c, (const xmlChar *) "fill") : NULL;
          if (f && xmlStrcmp (f, (const xmlChar *) "none") != 0)
            {
              g_free (fill);
              fill = g_strdup ((const char *) f);
              xmlFree (f);
              break;
            }
          xmlFree (f);
        }
      break;
    }
  xmlXPathFreeObject (o);
  xmlXPathFreeContext (xc);
  return fill;
}

/* Both entity diagrams draw an entity alike: a location that acts in an
 * event (North Korea fires, Russia may supply) is a blue box like a
 * country, one that is only where events happen a green house. */
typedef struct { char renderer[16]; char name[32]; char fill[16]; } EntityStyleCase;
ParameterizedTestParameters (render, entity_styles_agree)
{
  static EntityStyleCase cases[] = {
    { "relations", "Vostochny", "#d5e8d4" }, { "entities", "Vostochny", "#d5e8d4" },
    { "relations", "North Korea", "#dae8fc" }, { "entities", "North Korea", "#dae8fc" },
    { "relations", "Russia", "#dae8fc" }, { "entities", "Russia", "#dae8fc" },
    { "relations", "Vladimir Putin", "#fff2cc" }, { "entities", "Vladimir Putin", "#fff2cc" },
  };
  return cr_make_param_array (EntityStyleCase, cases, G_N_ELEMENTS (cases));
}
ParameterizedTest (EntityStyleCase *c, render, entity_styles_agree)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render (c->renderer, g, &o);
  xmlDoc *doc = parse_svg (b);
  g_autofree char *fill = node_fill (doc, c->name);
  xmlFreeDoc (doc);
  cr_assert (g_ascii_strcasecmp (fill, c->fill) == 0, "%s: %s filled '%s', want %s",
             c->renderer, c->name, fill, c->fill);
}

/* A long story's relationship diagram draws the events that link people
 * and places, whatever their date: the earliest 40 would be background
 * years that name no one. */
Test (render, relations_keep_the_linked_events_of_a_long_story)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphDocument doc = { .id = "doc0", .dct = "2024-01-01", .dct_source = "metadata" };
  evl_graph_add_document (g, &doc);
  guint who = ent (g, "Anna Lindqvist", EVL_ENTITY_PERSON);
  guint where = ent (g, "Tromso", EVL_ENTITY_LOCATION);
  EvlDay start = evl_day_from_ymd (1990, 1, 1);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Background event %u", i);
      ev (g, "OTHER", "Other", summary, start + i * 30, start + i * 30, EVL_GRAIN_DAY, 1);
    }
  guint late = ev (g, "MEETING", "Summits", "Lindqvist meets in Tromso", evl_day_from_ymd (2023, 5, 2),
                   evl_day_from_ymd (2023, 5, 2), EVL_GRAIN_DAY, 1);
  evl_graph_peek_event (g, late)->agent = (gint) who;
  evl_graph_peek_event (g, late)->location = (gint) where;
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render ("relations", g, &o);
  xmlDoc *d = parse_svg (b);
  g_autofree char *all = svg_text (d);
  xmlFreeDoc (d);
  cr_assert (strstr (all, "Lindqvist meets in Tromso"), "the linked event is drawn");
  cr_assert (strstr (all, "Anna Lindqvist") && strstr (all, "Tromso"), "its people and places are drawn");
  cr_assert (strstr (all, "11 more events not shown"), "%s", all);
}

/* ---- timeline layout: dense stretches, rows, overlaps ---- */

typedef struct {
  double x0, y0, x1, y1;
} BBox;

/* Bounding box of every numeric coordinate in @s ("d" or "points"). */
static void
bbox_of_coords (const char *s, BBox *b)
{
  double v[2];
  guint k = 0;
  for (const char *p = s; *p;)
    {
      if (g_ascii_isdigit (*p) || *p == '-' || *p == '.')
        {
          char *end;
          double x = g_ascii_strtod (p, &end);
          if (end == p)
            {
              p++;
              continue;
            }
          v[k++ % 2] = x;
          if (k % 2 == 0)
            {
              b->x0 = MIN (b->x0, v[0]);
              b->x1 = MAX (b->x1, v[0]);
              b->y0 = MIN (b->y0, v[1]);
              b->y1 = MAX (b->y1, v[1]);
            }
          p = end;
        }
      else
        p++;
    }
}

/* Node title -> BBox of its shape, for every node of a rendered SVG. */
static GHashTable *
node_boxes (GBytes *svg)
{
  xmlDoc *doc = parse_svg (svg);
  xmlXPathContext *xc = svg_xpath (doc);
  xmlXPathObject *o = xmlXPathEvalExpression ((const xmlChar *) "//s:g[@class='node']", xc);
  GHashTable *boxes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int i = 0; o && o->nodesetval && i < o->nodesetval->nodeNr; i++)
    {
      xc->node = o->nodesetval->nodeTab[i];
      xmlXPathObject *t = xmlXPathEvalExpression ((const xmlChar *) "string(s:title)", xc);
      xmlXPathObject *shape = xmlXPathEvalExpression (
        (const xmlChar *) "(.//s:path | .//s:polygon | .//s:ellipse)[1]", xc);
      if (t && t->stringval && shape && shape->nodesetval && shape->nodesetval->nodeNr)
        {
          xmlNode *sh = shape->nodesetval->nodeTab[0];
          BBox *b = g_new (BBox, 1);
          *b = (BBox) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
          if (xmlStrcmp (sh->name, (const xmlChar *) "ellipse") == 0)
            {
              const char *attr[] = { "cx", "cy", "rx", "ry" };
              double v[4];
              for (guint a = 0; a < 4; a++)
                {
                  xmlChar *s = xmlGetProp (sh, (const xmlChar *) attr[a]);
                  v[a] = s ? g_ascii_strtod ((const char *) s, NULL) : 0;
                  xmlFree (s);
                }
              *b = (BBox) { v[0] - v[2], v[1] - v[3], v[0] + v[2], v[1] + v[3] };
            }
          else
            {
              xmlChar *s = xmlGetProp (sh, (const xmlChar *) (xmlStrcmp (sh->name, (const xmlChar *) "path") == 0
                                                               ? "d" : "points"));
              if (s)
                bbox_of_coords ((const char *) s, b);
              xmlFree (s);
            }
          g_hash_table_insert (boxes, g_strdup ((const char *) t->stringval), b);
        }
      xmlXPathFreeObject (shape);
      xmlXPathFreeObject (t);
    }
  xmlXPathFreeObject (o);
  xmlXPathFreeContext (xc);
  xmlFreeDoc (doc);
  return boxes;
}

static gboolean
is_box (const char *title)
{
  return (g_str_has_prefix (title, "ev") && g_ascii_isdigit (title[2]))
         || (g_str_has_prefix (title, "more") && g_ascii_isdigit (title[4]));
}

/* Event and summary boxes never overlap one another. */
static void
assert_no_box_overlaps (GHashTable *boxes)
{
  guint n;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (boxes, &n);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const char *a = keys[i], *b = keys[j];
        if (!is_box (a) || !is_box (b))
          continue;
        const BBox *p = g_hash_table_lookup (boxes, a), *q = g_hash_table_lookup (boxes, b);
        gboolean apart = p->x1 <= q->x0 || q->x1 <= p->x0 || p->y1 <= q->y0 || q->y1 <= p->y0;
        cr_assert (apart, "%s [%.0f,%.0f]x[%.0f,%.0f] overlaps %s [%.0f,%.0f]x[%.0f,%.0f]", a, p->x0,
                   p->x1, p->y0, p->y1, b, q->x0, q->x1, q->y0, q->y1);
      }
}

/* Rows the boxes of @ids take: distinct box tops. */
static guint
rows_of (GHashTable *boxes, GArray *ids, const EvlGraph *g)
{
  g_autoptr (GHashTable) tops = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < ids->len; k++)
    {
      const char *id = evl_graph_get_event (g, g_array_index (ids, guint, k))->id;
      const BBox *b = g_hash_table_lookup (boxes, id);
      cr_assert_not_null (b, "box of %s drawn", id);
      g_hash_table_add (tops, GINT_TO_POINTER ((gint) lround (b->y0)));
    }
  return g_hash_table_size (tops);
}

/* 20 events in one week of a thread; @context adds a monthly event over
 * the year before in another thread, so the week is a sliver of one long
 * axis segment instead of a segment of its own; @year_before adds one
 * event of the busy thread a year before the week. */
static EvlGraph *
dense_week (gboolean context, gboolean year_before, GArray *busy)
{
  EvlGraph *g = evl_graph_new ();
  EvlGraphDocument doc = { .id = "doc0", .dct = "2021-01-01", .dct_source = "metadata" };
  evl_graph_add_document (g, &doc);
  EvlDay week = evl_day_from_ymd (2020, 6, 1);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *s = g_strdup_printf ("Busy event %u", i);
      EvlDay d = week + (EvlDay) (i * 7 / 20);
      guint e = ev (g, "OTHER", "Busy", s, d, d, EVL_GRAIN_DAY, 1);
      g_array_append_val (busy, e);
    }
  if (year_before)
    {
      EvlDay d = week - 365;
      guint e = ev (g, "OTHER", "Busy", "A year before", d, d, EVL_GRAIN_DAY, 1);
      g_array_append_val (busy, e);
    }
  for (guint m = 0; context && m < 12; m++)
    {
      g_autofree char *s = g_strdup_printf ("Context event %u", m);
      EvlDay d = evl_day_from_ymd (2019, m + 1, 15);
      ev (g, "OTHER", "Context", s, d, d, EVL_GRAIN_DAY, 2);
    }
  return g;
}

typedef struct {
  gboolean context, year_before;
  double width_in;      /* 0: the default, which may widen */
  guint max_rows;
} DenseCase;

ParameterizedTestParameters (render, timeline_dense_week_takes_few_rows)
{
  /* On an A4-wide page the week's segment holds three boxes abreast, so 20
   * boxes need 7 rows; with the context lane sharing the width, a few more.
   * (The layout that put each day at its linear place took 9 and 15.) */
  static DenseCase cases[] = { { FALSE, TRUE, 8.27, 7 }, { TRUE, FALSE, 8.27, 10 }, { TRUE, TRUE, 8.27, 10 },
                               { FALSE, TRUE, 0, 7 }, { TRUE, FALSE, 0, 7 }, { TRUE, TRUE, 0, 7 } };
  return cr_make_param_array (DenseCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (DenseCase *c, render, timeline_dense_week_takes_few_rows)
{
  g_autoptr (GArray) busy = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (EvlGraph) g = dense_week (c->context, c->year_before, busy);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.width_in = c->width_in;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  g_autoptr (GHashTable) boxes = node_boxes (b);
  assert_no_box_overlaps (boxes);
  guint rows = rows_of (boxes, busy, g);
  cr_assert_leq (rows, c->max_rows, "context %d, year before %d, %.2f in: the busy thread takes %u rows",
                 c->context, c->year_before, c->width_in, rows);
}

/* A box pushed aside keeps a leader line to its mark, and marks keep time's
 * order: same day, same x; a later day, further right. */
Test (render, timeline_marks_keep_their_dates)
{
  g_autoptr (GArray) busy = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (EvlGraph) g = dense_week (TRUE, TRUE, busy);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  g_autoptr (GHashTable) boxes = node_boxes (b);
  g_autofree char *raw = g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));
  g_autoptr (GArray) sel = evl_graph_timeline (g);
  double last_x = -G_MAXDOUBLE;
  EvlDay last_day = 0;
  guint shifted = 0;
  for (guint k = 0; k < sel->len; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (sel, guint, k));
      g_autofree char *mn = g_strdup_printf ("mark_%s", e->id);
      const BBox *m = g_hash_table_lookup (boxes, mn), *bx = g_hash_table_lookup (boxes, e->id);
      cr_assert (m && bx, "%s drawn with its mark", e->id);
      double x = (m->x0 + m->x1) / 2;
      if (e->time.begin == last_day)
        cr_assert_float_eq (x, last_x, 0.6, "%s: same day, same x", e->id);
      else
        cr_assert_gt (x, last_x + 0.5, "%s: later day, further right", e->id);
      last_x = x;
      last_day = e->time.begin;
      if (fabs ((bx->x0 + bx->x1) / 2 - x) > 1.5)
        {
          g_autofree char *edge = g_strdup_printf ("<title>%s:s&#45;&gt;%s</title>", e->id, mn);
          cr_assert (strstr (raw, edge), "%s aside from its mark has a leader", e->id);
          shifted++;
        }
    }
  cr_assert_gt (shifted, 0, "same-day boxes sit side by side");
}

/* The sample-shaped story and an aggregated one: nothing overlaps. */
Test (render, timeline_boxes_never_overlap)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  g_autoptr (GHashTable) boxes = node_boxes (b);
  assert_no_box_overlaps (boxes);
  g_autoptr (EvlGraph) big = big_graph (300, 100);
  g_autoptr (GBytes) bb = render ("timeline", big, &o);
  g_autoptr (GHashTable) bboxes = node_boxes (bb);
  cr_assert (g_hash_table_contains (bboxes, "more0"), "summary marks are drawn");
  assert_no_box_overlaps (bboxes);
}

/* Long spans ('since 1947', 'the 1990s') share rows with the boxes of the
 * thread's days: their bars stack in thin lines under the row instead of
 * each taking a row of boxes (the layout that kept a row's marks in one
 * line gave each span a row of its own: 4 rows here).  Marks never
 * overlap, but for the same date. */
Test (render, timeline_spans_share_rows)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphDocument doc = { .id = "doc0", .dct = "2000-06-01", .dct_source = "metadata" };
  evl_graph_add_document (g, &doc);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  EvlDay dct = evl_day_from_ymd (2000, 6, 1);
  static const int since[] = { 1947, 1962, 1985 };
  for (guint i = 0; i < G_N_ELEMENTS (since); i++)
    {
      g_autofree char *s = g_strdup_printf ("Dispute since %d", since[i]);
      guint e = ev (g, "OTHER", "Dispute", s, evl_day_from_ymd (since[i], 1, 1), dct, EVL_GRAIN_YEAR, 1);
      g_array_append_val (ids, e);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *s = g_strdup_printf ("Talks round %u", i);
      EvlDay d = evl_day_from_ymd (1950 + 20 * (int) i, 3, 10);
      guint e = ev (g, "OTHER", "Dispute", s, d, d, EVL_GRAIN_DAY, 1);
      g_array_append_val (ids, e);
    }
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  g_autoptr (GHashTable) boxes = node_boxes (b);
  assert_no_box_overlaps (boxes);
  guint rows = rows_of (boxes, ids, g);
  cr_assert_leq (rows, 2, "3 spans and 3 days take %u rows", rows);
  for (guint i = 0; i < ids->len; i++)
    for (guint j = i + 1; j < ids->len; j++)
      {
        g_autofree char *mi = g_strdup_printf ("mark_%s", evl_graph_get_event (g, g_array_index (ids, guint, i))->id);
        g_autofree char *mj = g_strdup_printf ("mark_%s", evl_graph_get_event (g, g_array_index (ids, guint, j))->id);
        const BBox *p = g_hash_table_lookup (boxes, mi), *q = g_hash_table_lookup (boxes, mj);
        cr_assert (p && q, "marks drawn");
        gboolean apart = p->x1 <= q->x0 || q->x1 <= p->x0 || p->y1 <= q->y0 || q->y1 <= p->y0;
        cr_assert (apart, "%s overlaps %s", mi, mj);
      }
  /* the bars still start at their years: in the order of their dates */
  const BBox *bar[3];
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *mn = g_strdup_printf ("mark_%s", evl_graph_get_event (g, g_array_index (ids, guint, i))->id);
      bar[i] = g_hash_table_lookup (boxes, mn);
    }
  cr_assert (bar[0]->x0 < bar[1]->x0 && bar[1]->x0 < bar[2]->x0, "bars start in date order");
  cr_assert_float_eq (bar[0]->x1, bar[1]->x1, 0.6, "bars to the same date end together");
  cr_assert_float_eq (bar[1]->x1, bar[2]->x1, 0.6, "bars to the same date end together");
}

/* First and last point of the path of the edge titled @title. */
static gboolean
edge_ends (GBytes *svg, const char *title, double *x0, double *y0, double *x1, double *y1)
{
  xmlDoc *doc = parse_svg (svg);
  xmlXPathContext *xc = svg_xpath (doc);
  g_autofree char *q = g_strdup_printf ("string(//s:g[@class='edge'][s:title='%s']/s:path/@d)", title);
  xmlXPathObject *o = xmlXPathEvalExpression ((const xmlChar *) q, xc);
  gboolean found = FALSE;
  if (o && o->stringval && *o->stringval)
    {
      double v[64];
      guint n = 0;
      for (const char *p = (const char *) o->stringval; *p && n < G_N_ELEMENTS (v);)
        {
          char *end;
          double x = g_ascii_strtod (p, &end);
          if (end == p)
            p++;
          else
            {
              v[n++] = x;
              p = end;
            }
        }
      if (n >= 4)
        {
          *x0 = v[0], *y0 = v[1], *x1 = v[n - 2], *y1 = v[n - 1];
          found = TRUE;
        }
    }
  xmlXPathFreeObject (o);
  xmlXPathFreeContext (xc);
  xmlFreeDoc (doc);
  return found;
}

/* Two spans of one thread that both start in 1990, one to May 1996, one
 * to mid-2001: the shorter bar is on the mark line, the longer one under
 * it.  A leader aimed at the lower bar's middle would cut through the
 * upper bar and seem to point at it; it ends where the lower bar sticks
 * out instead, clear of the upper one.  (Where no such point exists, two
 * bars of nearly the same span, it keeps the middle.) */
Test (render, timeline_leader_misses_other_bars)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphDocument doc = { .id = "doc0", .dct = "2001-07-24", .dct_source = "metadata" };
  evl_graph_add_document (g, &doc);
  guint a = ev (g, "PROTEST", "Protest", "Protests to May", evl_day_from_ymd (1990, 1, 1),
                evl_day_from_ymd (1996, 5, 6), EVL_GRAIN_DAY, 2);
  guint b = ev (g, "PROTEST", "Protest", "Protests of the decade", evl_day_from_ymd (1990, 1, 1),
                evl_day_from_ymd (2001, 6, 30), EVL_GRAIN_MONTH, 1);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) svg = render ("timeline", g, &o);
  g_autoptr (GHashTable) boxes = node_boxes (svg);
  const guint ids[] = { a, b };
  guint leaders = 0;
  for (guint i = 0; i < 2; i++)
    {
      const char *id = evl_graph_get_event (g, ids[i])->id;
      const char *other = evl_graph_get_event (g, ids[1 - i])->id;
      g_autofree char *mo = g_strdup_printf ("mark_%s", other);
      const BBox *bar = g_hash_table_lookup (boxes, mo);
      cr_assert (bar, "%s drawn", mo);
      double x0, y0, x1, y1;
      g_autofree char *t1 = g_strdup_printf ("%s:s->mark_%s", id, id);
      g_autofree char *t2 = g_strdup_printf ("%s:s->mark_%s_at", id, id);
      if (!edge_ends (svg, t1, &x0, &y0, &x1, &y1) && !edge_ends (svg, t2, &x0, &y0, &x1, &y1))
        continue;
      leaders++;
      double ym = (bar->y0 + bar->y1) / 2;
      if ((ym - y0) * (ym - y1) >= 0)
        continue;   /* the other bar is not between this box and its mark */
      double xm = x0 + (x1 - x0) * (ym - y0) / (y1 - y0);
      cr_assert (xm < bar->x0 || xm > bar->x1, "the leader of %s crosses the bar of %s at x %.1f, bar [%.1f, %.1f]",
                 id, other, xm, bar->x0, bar->x1);
    }
  cr_assert_gt (leaders, 0, "the two boxes sit aside from their bars");
}

/* The lowest baseline of the text of node @title. */
static double
text_bottom (GBytes *svg, const char *title)
{
  xmlDoc *doc = parse_svg (svg);
  xmlXPathContext *xc = svg_xpath (doc);
  g_autofree char *q = g_strdup_printf ("//s:g[@class='node'][s:title='%s']//s:text", title);
  xmlXPathObject *o = xmlXPathEvalExpression ((const xmlChar *) q, xc);
  double y = -G_MAXDOUBLE;
  for (int i = 0; o && o->nodesetval && i < o->nodesetval->nodeNr; i++)
    {
      xmlChar *v = xmlGetProp (o->nodesetval->nodeTab[i], (const xmlChar *) "y");
      if (v)
        y = MAX (y, g_ascii_strtod ((const char *) v, NULL));
      xmlFree (v);
    }
  xmlXPathFreeObject (o);
  xmlXPathFreeContext (xc);
  xmlFreeDoc (doc);
  return y;
}

/* The legend's frame starts below the axis captions, also when it has the
 * extra '+N more' row of an aggregated timeline (it was centred where the
 * short legend sits, so the taller one ran into the captions). */
Test (render, timeline_legend_clears_the_captions)
{
  for (guint big = 0; big < 2; big++)
    {
      g_autoptr (EvlGraph) g = big ? big_graph (300, 100) : fixture (FALSE);
      EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
      g_autoptr (GBytes) svg = render ("timeline", g, &o);
      g_autoptr (GHashTable) boxes = node_boxes (svg);
      const BBox *legend = g_hash_table_lookup (boxes, "legend");
      cr_assert (legend, "a legend is drawn");
      double cap = text_bottom (svg, "caption0");
      cr_assert_gt (cap, -G_MAXDOUBLE, "the axis has a caption");
      cr_assert_gt (legend->y0, cap + 3, "%s: legend top %.1f, caption baseline %.1f",
                    big ? "aggregated" : "sample", legend->y0, cap);
    }
}

/* 40 linked events over two years, a person and a place each. */
static EvlGraph *
linked_story (guint n, GArray *ids)
{
  EvlGraph *g = evl_graph_new ();
  EvlGraphDocument doc = { .id = "doc0", .dct = "2024-01-01", .dct_source = "metadata" };
  evl_graph_add_document (g, &doc);
  guint people[6], places[6];
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *p = g_strdup_printf ("Person Number%c", 'A' + i);
      g_autofree char *q = g_strdup_printf ("Town%c", 'A' + i);
      people[i] = ent (g, p, EVL_ENTITY_PERSON);
      places[i] = ent (g, q, EVL_ENTITY_LOCATION);
    }
  EvlDay start = evl_day_from_ymd (2022, 1, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *s = g_strdup_printf ("Talks meeting number %u", i);
      guint e = ev (g, "MEETING", i % 2 ? "Talks" : "Visits", s, start + i * 18, start + i * 18, EVL_GRAIN_DAY, 1);
      evl_graph_peek_event (g, e)->agent = (gint) people[i % 6];
      evl_graph_peek_event (g, e)->location = (gint) places[(i / 2) % 6];
      g_array_append_val (ids, e);
    }
  return g;
}

static void
svg_size (GBytes *b, double *w, double *h)
{
  xmlDoc *d = parse_svg (b);
  xmlNode *root = xmlDocGetRootElement (d);
  xmlChar *ws = xmlGetProp (root, (const xmlChar *) "width"), *hs = xmlGetProp (root, (const xmlChar *) "height");
  *w = g_ascii_strtod ((const char *) ws, NULL);
  *h = g_ascii_strtod ((const char *) hs, NULL);
  xmlFree (ws);
  xmlFree (hs);
  xmlFreeDoc (d);
}

/* A long story's relationship diagram fits a page: its events wrap into
 * strips of consecutive dates side by side (one column of 40 events was
 * ~3.5 times as tall as wide), each strip in date order top to bottom,
 * the earlier strip to the left, and every edge keeps its role label. */
Test (render, relations_of_a_long_story_fit_a_page)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (EvlGraph) g = linked_story (40, ids);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render ("relations", g, &o);
  double w, h;
  svg_size (b, &w, &h);
  cr_assert_leq (h / w, 1.6, "%.0f x %.0f pt: %.2f times as tall as wide", w, h, h / w);
  g_autoptr (GHashTable) boxes = node_boxes (b);
  double last_y = -G_MAXDOUBLE, strip_right = -G_MAXDOUBLE, strip_left = G_MAXDOUBLE;
  guint strips = 1;
  for (guint k = 0; k < ids->len; k++)
    {
      const char *id = evl_graph_get_event (g, g_array_index (ids, guint, k))->id;
      const BBox *bx = g_hash_table_lookup (boxes, id);
      cr_assert_not_null (bx, "%s drawn", id);
      if (bx->y0 < last_y)
        {
          cr_assert_gt (bx->x0, strip_right, "%s: a new strip starts right of the one before", id);
          strips++;
          strip_left = G_MAXDOUBLE;
        }
      strip_left = MIN (strip_left, bx->x0);
      strip_right = MAX (strip_right, bx->x1);
      last_y = bx->y0;
    }
  cr_assert_eq (strips, 2, "40 events in %u strips", strips);
  xmlDoc *d = parse_svg (b);
  g_autofree char *all = svg_text (d);
  xmlFreeDoc (d);
  cr_assert (strstr (all, "1 of 2") && strstr (all, "2 of 2"), "strips are headed: %s", all);
  guint labels = 0;
  for (const char *p = all; (p = strstr (p, "agent")); p++)
    labels++;
  cr_assert_geq (labels, 40, "every agent edge labelled (%u)", labels);

  /* a short story stays one column, as before */
  g_autoptr (GArray) few = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (EvlGraph) small = linked_story (12, few);
  g_autoptr (GBytes) sb = render ("relations", small, &o);
  xmlDoc *sd = parse_svg (sb);
  g_autofree char *stext = svg_text (sd);
  xmlFreeDoc (sd);
  cr_assert_null (strstr (stext, "1 of"), "no strips for 12 events");
}

/* The scale the drawing is shrunk by to fit its page (1: drawn at its
 * type size). */
static double
svg_scale (GBytes *b)
{
  xmlDoc *d = parse_svg (b);
  xmlXPathContext *xc = svg_xpath (d);
  xmlXPathObject *o = xmlXPathEvalExpression ((const xmlChar *) "string(//s:g[@id='graph0']/@transform)", xc);
  const char *t = o && o->stringval ? strstr ((const char *) o->stringval, "scale(") : NULL;
  double s = t ? g_ascii_strtod (t + 6, NULL) : 1;
  xmlXPathFreeObject (o);
  xmlXPathFreeContext (xc);
  xmlFreeDoc (d);
  return s;
}

/* Asked for an A4 page (--width 8.27), a long story's relationship
 * diagram stacks its strips, the later one under the earlier, instead of
 * shrinking two side by side to half their type size (scale 0.48: the
 * edge labels at 3.5 pt). */
Test (render, relations_strips_stack_on_a_narrow_page)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (EvlGraph) g = linked_story (40, ids);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.width_in = 8.27;
  g_autoptr (GBytes) b = render ("relations", g, &o);
  double scale = svg_scale (b);
  cr_assert_geq (scale, 0.75, "drawn at %.2f of its size", scale);
  g_autoptr (GHashTable) boxes = node_boxes (b);
  double first_bottom = -G_MAXDOUBLE, second_top = G_MAXDOUBLE;
  for (guint k = 0; k < ids->len; k++)
    {
      const char *id = evl_graph_get_event (g, g_array_index (ids, guint, k))->id;
      const BBox *bx = g_hash_table_lookup (boxes, id);
      cr_assert_not_null (bx, "%s drawn", id);
      if (k < ids->len / 2)
        first_bottom = MAX (first_bottom, bx->y1);
      else
        second_top = MIN (second_top, bx->y0);
    }
  cr_assert_gt (second_top, first_bottom, "the second strip (top %.0f) is under the first (bottom %.0f)",
                second_top, first_bottom);
  xmlDoc *d = parse_svg (b);
  g_autofree char *all = svg_text (d);
  xmlFreeDoc (d);
  cr_assert (strstr (all, "1 of 2") && strstr (all, "2 of 2"), "strips are headed: %s", all);

  /* a page wide enough for both keeps them side by side */
  o.width_in = 2 * 8.27;
  g_autoptr (GBytes) wide = render ("relations", g, &o);
  g_autoptr (GHashTable) wboxes = node_boxes (wide);
  const BBox *a = g_hash_table_lookup (wboxes, evl_graph_get_event (g, g_array_index (ids, guint, 0))->id);
  const BBox *z = g_hash_table_lookup (wboxes, evl_graph_get_event (g, g_array_index (ids, guint, 39))->id);
  cr_assert (a && z && z->x0 > a->x1, "two strips side by side on a 16.5-inch page");
}

static char *
rendered_text (const char *name, const EvlGraph *g)
{
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render (name, g, &o);
  xmlDoc *d = parse_svg (b);
  char *all = svg_text (d);
  xmlFreeDoc (d);
  return all;
}

/* A story whose events name no one and nowhere (its entities only in the
 * text around them) says so: the entity view drew its title alone, the
 * relationship diagram a key to shapes and edges it did not draw.  Two
 * entities that never share an event get no key to edge labels. */
Test (render, diagrams_without_links_say_so)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphDocument doc = { .id = "doc0", .dct = "2025-07-14", .dct_source = "metadata" };
  evl_graph_add_document (g, &doc);
  guint town = ent (g, "Valley Town", EVL_ENTITY_LOCATION);
  guint chief = ent (g, "Fire Chief Person", EVL_ENTITY_PERSON);
  EvlDay d = evl_day_from_ymd (2025, 7, 13);
  guint e1 = ev (g, "DISASTER", "Disasters", "Blaze breaks out", d, d, EVL_GRAIN_DAY, 1);
  guint e2 = ev (g, "DISASTER", "Disasters", "Firefighter dies", d + 2, d + 2, EVL_GRAIN_DAY, 1);
  g_autofree char *ents = rendered_text ("entities", g);
  g_autofree char *rels = rendered_text ("relations", g);
  cr_assert (strstr (ents, "No one and nowhere is named"), "entities: %s", ents);
  cr_assert_null (strstr (ents, "edge label"), "entities: %s", ents);
  cr_assert (strstr (rels, "No one and nowhere is named"), "relations: %s", rels);
  cr_assert_null (strstr (rels, "ellipse: person"), "relations: %s", rels);

  evl_graph_peek_event (g, e1)->location = (gint) town;
  evl_graph_peek_event (g, e2)->agent = (gint) chief;
  g_autofree char *apart = rendered_text ("entities", g);
  g_autofree char *linked = rendered_text ("relations", g);
  cr_assert (strstr (apart, "no two of them share an event"), "entities: %s", apart);
  cr_assert_null (strstr (apart, "edge label"), "entities: %s", apart);
  cr_assert (strstr (linked, "ellipse: person"), "relations: %s", linked);
}

/* The timeline's legend explains the styles the drawing uses and no
 * other: a story of plain, dated, singly reported events had a key to
 * negated, hedged, failed, planned and relation-placed boxes and to axis
 * breaks it did not draw; the sample story, which draws them all, keeps
 * every entry. */
Test (render, timeline_legend_keys_only_what_is_drawn)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphDocument doc = { .id = "doc0", .dct = "2025-07-22", .dct_source = "metadata" };
  evl_graph_add_document (g, &doc);
  EvlDay d = evl_day_from_ymd (2025, 7, 13);
  for (guint i = 0; i < 4; i++)
    ev (g, "DISASTER", "Disasters", "Blaze spreads", d + i, d + i, EVL_GRAIN_DAY, 1);
  g_autofree char *plain = rendered_text ("timeline", g);
  cr_assert (strstr (plain, "Legend") && strstr (plain, "asserted event") && strstr (plain, "exact day"),
             "%s", plain);
  const char *absent[] = { "negated", "hedged", "FAILED", "PLANNED", "placed by relation",
                           "break in the time axis", "vague date span", "reported by N" };
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    cr_assert_null (strstr (plain, absent[i]), "'%s' in %s", absent[i], plain);

  g_autoptr (EvlGraph) sample = fixture (FALSE);
  g_autofree char *all = rendered_text ("timeline", sample);
  const char *present[] = { "negated", "hedged", "FAILED", "break in the time axis", "vague date span",
                            "reported by N", "exact day" };
  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    cr_assert (strstr (all, present[i]), "'%s' missing from %s", present[i], all);
}

/* A story of some thirty entities, a few hubs, pairs and loners: the
 * entity view fits an A4 page at 0.7 of its type size or
 * more, no two entities overlapping.  Graphviz's default overlap removal
 * spread such a graph to 0.57 (the embassy set's to twice the page: 0.52,
 * names at 4.7 pt). */
Test (render, entities_of_a_busy_story_stay_legible)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphDocument doc = { .id = "doc0", .dct = "1998-08-20", .dct_source = "metadata" };
  evl_graph_add_document (g, &doc);
  guint who[30];
  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s Longername%c", i % 3 ? "Person" : "Agency", 'A' + i);
      who[i] = ent (g, name, i % 3 ? EVL_ENTITY_PERSON : EVL_ENTITY_ORGANIZATION);
    }
  EvlDay d = evl_day_from_ymd (1998, 8, 7);
  for (guint i = 0; i < 24; i++)
    {
      guint e = ev (g, "MEETING", "Talks", "Officials meet", d + i, d + i, EVL_GRAIN_DAY, 1);
      /* hubs 0-3 with the next ones, a few pairs, loners from 26 on */
      guint a = i < 16 ? i % 4 : 2 * (i - 16) + 10, b = i < 16 ? 4 + i % 6 + (i / 4) : 2 * (i - 16) + 11;
      evl_graph_event_add_participant (g, e, who[a]);
      evl_graph_event_add_participant (g, e, who[MIN (b, 25)]);
    }
  for (guint i = 26; i < 30; i++)
    {
      guint e = ev (g, "STATEMENT", "Statements", "Someone speaks", d + i, d + i, EVL_GRAIN_DAY, 1);
      evl_graph_event_add_participant (g, e, who[i]);
    }
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  g_autoptr (GBytes) b = render ("entities", g, &o);
  double scale = svg_scale (b);
  cr_assert_geq (scale, 0.7, "drawn at %.2f of its size", scale);
  g_autoptr (GHashTable) boxes = node_boxes (b);
  g_autoptr (GList) all = g_hash_table_get_values (boxes);
  for (GList *p = all; p; p = p->next)
    for (GList *q = p->next; q; q = q->next)
      {
        const BBox *x = p->data, *y = q->data;
        gboolean apart = x->x1 <= y->x0 || y->x1 <= x->x0 || x->y1 <= y->y0 || y->y1 <= x->y0;
        cr_assert (apart, "two entities overlap: [%.0f,%.0f %.0f,%.0f] [%.0f,%.0f %.0f,%.0f]",
                   x->x0, x->y0, x->x1, x->y1, y->x0, y->y0, y->x1, y->y1);
      }
}

/* A title longer than the page wraps onto a second line instead of
 * widening the drawing, which was then shrunk to fit, boxes and all (a
 * takeover story named by three long names: its entity view at 0.71). */
Test (render, long_titles_wrap_to_the_page)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphDocument doc = { .id = "doc0", .dct = "2025-06-30", .dct_source = "metadata" };
  evl_graph_add_document (g, &doc);
  guint a = ent (g, "Kestrelford Pharmaceutical Holdings", EVL_ENTITY_ORGANIZATION);
  guint b = ent (g, "Aldane Therapeutics International", EVL_ENTITY_ORGANIZATION);
  guint c = ent (g, "Competition and Markets Authority", EVL_ENTITY_ORGANIZATION);
  EvlDay d = evl_day_from_ymd (2025, 1, 13);
  guint e1 = ev (g, "BUSINESS", "Business", "Takeover offer", d, d, EVL_GRAIN_DAY, 1);
  guint e2 = ev (g, "BUSINESS", "Business", "Regulator clears the merger", d + 90, d + 90, EVL_GRAIN_DAY, 1);
  evl_graph_event_add_participant (g, e1, a);
  evl_graph_event_add_participant (g, e1, b);
  evl_graph_event_add_participant (g, e2, a);
  evl_graph_event_add_participant (g, e2, c);
  const char *names[] = { "timeline", "relations", "entities" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
      g_autoptr (GBytes) svg = render (names[i], g, &o);
      double scale = svg_scale (svg);
      cr_assert_geq (scale, 0.95, "%s drawn at %.2f of its size", names[i], scale);
      xmlDoc *x = parse_svg (svg);
      g_autofree char *all = svg_text (x);
      xmlFreeDoc (x);
      cr_assert (strstr (all, "Competition and Markets Authority") || strstr (all, "Markets Authority"),
                 "%s: the title keeps every name: %s", names[i], all);
    }
}

/* A story over several periods (the sample: 1950-53, 2019, 2022, May
 * 2023, Aug-Sep 2023 and undated) keeps its type size on an A4 page: a
 * period's stretch of axis is as wide as its share of the events and its
 * caption, not a box.  At a box each the axis overran the page by a third
 * and the whole timeline was drawn at 0.7. */
Test (render, timeline_of_many_periods_fits_a4)
{
  g_autoptr (EvlGraph) g = fixture (FALSE);
  EvlRenderOptions o = EVL_RENDER_OPTIONS_INIT;
  o.width_in = 8.27;
  g_autoptr (GBytes) b = render ("timeline", g, &o);
  double scale = svg_scale (b);
  cr_assert_geq (scale, 0.9, "drawn at %.2f of its size", scale);
  g_autoptr (GHashTable) boxes = node_boxes (b);
  double last = -G_MAXDOUBLE;
  guint n = 0;
  for (guint s = 0;; s++)
    {
      g_autofree char *an = g_strdup_printf ("axis%u", s);
      const BBox *ax = g_hash_table_lookup (boxes, an);
      if (ax == NULL)
        break;
      cr_assert_gt (ax->x0, last, "%s starts right of the segment before", an);
      last = ax->x1;
      n++;
    }
  cr_assert_geq (n, 4, "%u periods", n);
}
