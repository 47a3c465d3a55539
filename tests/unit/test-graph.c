/* EvlGraph: the container, its queries and its JSON persistence. */
#include "reason-fixture.h"
#include <criterion/parameterized.h>
#include <json-glib/json-glib.h>
#include "render/render-private.h"

TestSuite (graph);

static guint
entity (EvlGraph *g, const char *name, EvlEntityType type)
{
  EvlGraphEntity e = { 0 };
  e.name = name;
  e.key = name;
  e.type = type;
  return evl_graph_add_entity (g, &e);
}



static void
relate (EvlGraph *g, guint from, guint to, EvlRel rel)
{
  EvlGraphRelation r = { from, to, rel, "cue", 0.8f };
  evl_graph_add_relation (g, &r);
}

static const char *
id_at (const EvlGraph *g, const GArray *order, guint i)
{
  return evl_graph_get_event (g, g_array_index (order, guint, i))->id;
}

Test (graph, adds_records_with_generated_ids)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint a = entity (g, "Kim Jong Un", EVL_ENTITY_PERSON);
  guint e1 = fx_graph_event (g, "MEETING", NULL, NULL, NULL);
  guint e2 = fx_graph_event (g, "MEETING", NULL, NULL, NULL);
  cr_assert_str_eq (evl_graph_get_entity (g, a)->id, "ent1");
  cr_assert_str_eq (evl_graph_get_event (g, e1)->id, "ev1");
  cr_assert_str_eq (evl_graph_get_event (g, e2)->id, "ev2");
  EvlGraphEvent named = { 0 };
  named.id = "ev40";
  named.agent = named.patient = named.location = named.source = -1;
  evl_graph_add_event (g, &named);
  guint e4 = fx_graph_event (g, "MEETING", NULL, NULL, NULL);
  cr_assert_str_eq (evl_graph_get_event (g, e4)->id, "ev41", "explicit ids move the counter");
  cr_assert_eq (evl_graph_find_event (g, "ev40"), 2);
}

Test (graph, aliases_are_distinct_sorted_and_searchable)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint k = entity (g, "Kim Jong Un", EVL_ENTITY_PERSON);
  evl_graph_entity_add_alias (g, k, "Kim");
  evl_graph_entity_add_alias (g, k, "Kim Jong-un");
  evl_graph_entity_add_alias (g, k, "Kim");
  const EvlGraphEntity *e = evl_graph_get_entity (g, k);
  cr_assert_eq (e->aliases->len, 2);
  cr_assert_str_eq (e->aliases->pdata[0], "Kim");
  cr_assert_str_eq (e->aliases->pdata[1], "Kim Jong-un");
  cr_assert_eq (evl_graph_find_entity (g, "kim jong-UN"), (gint) k);
  cr_assert_eq (evl_graph_find_entity (g, "Putin"), -1);
}

Test (graph, mentions_count_distinct_sources_once)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint e = fx_graph_event (g, "MEETING", NULL, NULL, NULL);
  EvlGraphMention m = { 0, 3, 10, 13, "met", "Kim met Putin.", NULL, 0, 0, 0, NULL };
  evl_graph_event_add_mention (g, e, &m);
  evl_graph_event_add_mention (g, e, &m);
  m.start = 40;
  evl_graph_event_add_mention (g, e, &m);
  m.doc = 1;
  evl_graph_event_add_mention (g, e, &m);
  cr_assert_eq (evl_graph_get_event (g, e)->mentions->len, 3);
  cr_assert_eq (evl_graph_get_event (g, e)->n_sources, 2);
}

/* Past a few dozen mentions an event indexes them (a runaway document
 * folds millions into one event); the counts must not change, also after
 * events are dropped and their arrays freed. */
Test (graph, many_mentions_count_like_few)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint drop = fx_graph_event (g, "OTHER", NULL, NULL, NULL);
  guint e = fx_graph_event (g, "MEETING", NULL, NULL, NULL);
  EvlGraphMention m = { 0, 3, 10, 13, "met", "Kim met Putin.", NULL, 0, 0, 0, NULL };
  for (guint i = 0; i < 40; i++)
    evl_graph_event_add_mention (g, drop, &m);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 300; i++)
      {
        m.doc = i % 7;
        m.start = 10 + 4 * (i % 50);
        m.end = m.start + 3;
        evl_graph_event_add_mention (g, e, &m);
      }
  /* 300 adds over doc = i % 7 and start = i % 50: gcd(7, 50) = 1, so the
   * pairs repeat every 350 and all 300 are distinct; round 2 adds none. */
  cr_assert_eq (evl_graph_get_event (g, e)->mentions->len, 300);
  cr_assert_eq (evl_graph_get_event (g, e)->n_sources, 7);
  gboolean keep[] = { FALSE, TRUE };
  evl_graph_retain_events (g, keep);
  guint f = fx_graph_event (g, "VISIT", NULL, NULL, NULL);
  m.doc = 0;
  m.start = 10;
  m.end = 13;
  for (guint i = 0; i < 40; i++)
    evl_graph_event_add_mention (g, f, &m);
  cr_assert_eq (evl_graph_get_event (g, f)->mentions->len, 1);
  cr_assert_eq (evl_graph_get_event (g, f)->n_sources, 1);
  evl_graph_event_add_mention (g, 0, &m);
  cr_assert_eq (evl_graph_get_event (g, 0)->mentions->len, 300, "already there");
}

Test (graph, duplicate_relations_and_conflicts_are_ignored)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint a = fx_graph_event (g, "X", NULL, NULL, NULL), b = fx_graph_event (g, "X", NULL, NULL, NULL);
  EvlGraphRelation r = { a, b, EVL_REL_BEFORE, "cue", 0.8f };
  cr_assert (evl_graph_add_relation (g, &r));
  cr_assert_not (evl_graph_add_relation (g, &r));
  r.rel = EVL_REL_INCLUDES;
  cr_assert (evl_graph_add_relation (g, &r));
  EvlGraphConflict c = { a, "time", "2023-09-13", "2023-09-12", "1 of 2" };
  evl_graph_add_conflict (g, &c);
  evl_graph_add_conflict (g, &c);
  cr_assert_eq (evl_graph_n_relations (g), 2);
  cr_assert_eq (evl_graph_n_conflicts (g), 1);
}

Test (graph, retain_renumbers_relations_and_conflicts)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint a = fx_graph_event (g, "A", NULL, NULL, NULL);
  guint b = fx_graph_event (g, "B", NULL, NULL, NULL);
  guint c = fx_graph_event (g, "C", NULL, NULL, NULL);
  relate (g, a, b, EVL_REL_BEFORE);
  relate (g, b, c, EVL_REL_BEFORE);
  EvlGraphConflict cf = { c, "time", "x", "y", NULL };
  evl_graph_add_conflict (g, &cf);
  cf.event = a;
  evl_graph_add_conflict (g, &cf);
  gboolean keep[] = { FALSE, TRUE, TRUE };
  evl_graph_retain_events (g, keep);
  cr_assert_eq (evl_graph_n_events (g), 2);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->type, "B");
  cr_assert_eq (evl_graph_n_relations (g), 1);
  const EvlGraphRelation *r = evl_graph_get_relation (g, 0);
  cr_assert_eq (r->from, 0);
  cr_assert_eq (r->to, 1);
  cr_assert_eq (evl_graph_n_conflicts (g), 1);
  cr_assert_eq (evl_graph_get_conflict (g, 0)->event, 1);
}

Test (graph, collapse_redirects_relations_and_drops_self_loops)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint a = fx_graph_event (g, "A", NULL, NULL, NULL);
  guint b = fx_graph_event (g, "B", NULL, NULL, NULL);
  guint c = fx_graph_event (g, "C", NULL, NULL, NULL);
  relate (g, a, b, EVL_REL_BEFORE);
  relate (g, c, a, EVL_REL_AFTER);
  relate (g, b, c, EVL_REL_BEFORE);
  guint target[] = { 0, 1, 0 };   /* c is folded into a */
  evl_graph_collapse_events (g, target);
  cr_assert_eq (evl_graph_n_events (g), 2);
  cr_assert_eq (evl_graph_n_relations (g), 2);
  const EvlGraphRelation *r0 = evl_graph_get_relation (g, 0), *r1 = evl_graph_get_relation (g, 1);
  cr_assert (r0->from == 0 && r0->to == 1 && r0->rel == EVL_REL_BEFORE);
  cr_assert (r1->from == 1 && r1->to == 0 && r1->rel == EVL_REL_BEFORE);
}

Test (graph, timeline_orders_by_date_then_relations_then_undated)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint undated = fx_graph_event (g, "X", NULL, NULL, NULL);
  guint summit = fx_graph_event (g, "MEETING", "2023-09-13", "2023-09-13", "2023-09-13");
  guint aug = fx_graph_event (g, "LAUNCH", "2023-08", "2023-08-01", "2023-08-31");
  guint missiles = fx_graph_event (g, "LAUNCH", "2023-09-13", "2023-09-13", "2023-09-13");
  guint may = fx_graph_event (g, "LAUNCH", "2023-05", "2023-05-01", "2023-05-31");
  guint ranged = fx_graph_event (g, "X", NULL, NULL, NULL);
  evl_graph_peek_event (g, ranged)->time.earliest = evl_day_from_ymd (2023, 6, 1);
  relate (g, missiles, summit, EVL_REL_BEFORE);
  g_autoptr (GArray) order = evl_graph_timeline (g);
  guint expect[] = { may, ranged, aug, missiles, summit, undated };
  cr_assert_eq (order->len, 6);
  for (guint i = 0; i < 6; i++)
    cr_assert_eq (g_array_index (order, guint, i), expect[i], "position %u: %s", i, id_at (g, order, i));
}

Test (graph, queries_by_entity_type_and_dates)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint kim = entity (g, "Kim Jong Un", EVL_ENTITY_PERSON);
  guint place = entity (g, "Vostochny Cosmodrome", EVL_ENTITY_LOCATION);
  guint summit = fx_graph_event (g, "MEETING", "2023-09-13", "2023-09-13", "2023-09-13");
  guint may = fx_graph_event (g, "LAUNCH", "2023-05", "2023-05-01", "2023-05-31");
  fx_graph_event (g, "LAUNCH", NULL, NULL, NULL);
  evl_graph_event_add_participant (g, summit, kim);
  evl_graph_event_add_participant (g, summit, kim);
  evl_graph_peek_event (g, may)->location = (gint) place;
  cr_assert_eq (evl_graph_get_event (g, summit)->participants->len, 1);
  g_autoptr (GArray) of_kim = evl_graph_events_of_entity (g, kim);
  cr_assert_eq (of_kim->len, 1);
  cr_assert_eq (g_array_index (of_kim, guint, 0), summit);
  g_autoptr (GArray) at_place = evl_graph_events_of_entity (g, place);
  cr_assert_eq (at_place->len, 1);
  g_autoptr (GArray) launches = evl_graph_events_of_type (g, "launch");
  cr_assert_eq (launches->len, 2);
  g_autoptr (GArray) sept = evl_graph_events_between (g, evl_day_from_ymd (2023, 9, 1), 0);
  cr_assert_eq (sept->len, 1);
  g_autoptr (GArray) spring = evl_graph_events_between (g, evl_day_from_ymd (2023, 5, 31),
                                                        evl_day_from_ymd (2023, 6, 30));
  cr_assert_eq (spring->len, 1);
  cr_assert_eq (g_array_index (spring, guint, 0), may);
  relate (g, may, summit, EVL_REL_BEFORE);
  g_autoptr (GArray) near = evl_graph_relations_of_event (g, summit);
  cr_assert_eq (near->len, 1);
}

static char *
save (const EvlGraph *g)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  GError *error = NULL;
  cr_assert (evl_graph_save_json (g, mem, &error), "%s", error ? error->message : "");
  g_output_stream_write_all (mem, "", 1, NULL, NULL, NULL);
  g_output_stream_close (mem, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (mem));
}

static EvlGraph *
story (void)
{
  EvlGraph *g = evl_graph_new ();
  EvlGraphDocument d = { "a", "input/a.txt", "2023-09-14", "metadata", "Summit", NULL };
  evl_graph_add_document (g, &d);
  guint kim = entity (g, "Kim Jong Un", EVL_ENTITY_PERSON);
  evl_graph_entity_add_alias (g, kim, "Kim");
  guint place = entity (g, "Vostochny Cosmodrome", EVL_ENTITY_LOCATION);
  guint summit = fx_graph_event (g, "MEETING", "2023-09-13", "2023-09-13", "2023-09-13");
  guint launch = fx_graph_event (g, "MISSILE_LAUNCH", NULL, NULL, NULL);
  EvlGraphEvent *e = evl_graph_peek_event (g, summit);
  e->agent = (gint) kim;
  e->location = (gint) place;
  e->modality = "may";
  e->flags = EVL_EVENT_FLAG_HEDGED | EVL_EVENT_FLAG_REPORTED;
  e->summary = "Kim Jong Un meets";
  e->salience = 0.7f;
  e->thread = evl_graph_intern (g, "Summit & diplomacy");
  evl_graph_add_thread (g, "Summit & diplomacy");
  evl_graph_event_add_participant (g, summit, kim);
  evl_graph_peek_event (g, launch)->time.latest = evl_day_from_ymd (2023, 9, 13);
  evl_graph_peek_event (g, launch)->polarity = EVL_POLARITY_NEG;
  EvlGraphMention m = { 0, 2, 10, 13, "met", "Kim met Putin.", "2023-09-13",
                        evl_day_from_ymd (2023, 9, 13), evl_day_from_ymd (2023, 9, 13),
                        EVL_GRAIN_DAY, "clause" };
  evl_graph_event_add_mention (g, summit, &m);
  relate (g, launch, summit, EVL_REL_BEFORE);
  EvlGraphConflict c = { summit, "time", "2023-09-13", "2023-09-12", "2 of 3" };
  evl_graph_add_conflict (g, &c);
  return g;
}

Test (graph, save_load_round_trips_byte_for_byte)
{
  g_autoptr (EvlGraph) g = story ();
  g_autofree char *first = save (g);
  GError *error = NULL;
  g_autoptr (EvlGraph) back = evl_graph_load_json_data (first, -1, &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");
  g_autofree char *second = save (back);
  cr_assert_str_eq (second, first);

  cr_assert_eq (evl_graph_n_events (back), 2);
  gint s = evl_graph_find_event (back, "ev1");
  cr_assert_geq (s, 0);
  const EvlGraphEvent *e = evl_graph_get_event (back, (guint) s);
  cr_assert_str_eq (evl_graph_get_entity (back, (guint) e->agent)->name, "Kim Jong Un");
  cr_assert_str_eq (e->modality, "may");
  cr_assert_eq (e->flags, EVL_EVENT_FLAG_HEDGED | EVL_EVENT_FLAG_REPORTED);
  cr_assert_eq (e->mentions->len, 1);
  const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, 0);
  cr_assert_str_eq (m->time_value, "2023-09-13");
  cr_assert_eq (m->time_grain, EVL_GRAIN_DAY);
  cr_assert_eq (evl_graph_get_entity (back, (guint) e->agent)->aliases->len, 1);
  const EvlGraphEvent *l = evl_graph_get_event (back, (guint) evl_graph_find_event (back, "ev2"));
  cr_assert_eq (l->time.latest, evl_day_from_ymd (2023, 9, 13));
  cr_assert_eq (l->polarity, EVL_POLARITY_NEG);
  cr_assert_eq (evl_graph_n_relations (back), 1);
  cr_assert_eq (evl_graph_n_conflicts (back), 1);
  cr_assert_eq (evl_graph_n_threads (back), 1);
  guint next = fx_graph_event (back, "X", NULL, NULL, NULL);
  cr_assert_str_eq (evl_graph_get_event (back, next)->id, "ev3");
}

/* One document repeating an event beyond the cap: the mentions past it
 * are counted (once each), not stored; another document's still are; the
 * count goes through events.json and back. */
Test (graph, mentions_beyond_the_cap_are_counted)
{
  g_autoptr (EvlGraph) g = story ();
  EvlGraphDocument d2 = { "b", "input/b.txt", NULL, "none", NULL, NULL };
  evl_graph_add_document (g, &d2);
  guint ev = fx_graph_event (g, "PROTEST", NULL, NULL, NULL);
  const guint extra = 250;
  for (guint i = 0; i < EVL_GRAPH_MENTIONS_PER_DOCUMENT + extra; i++)
    {
      EvlGraphMention m = { 0, i, 10 * i, 10 * i + 3, "met", "They met.", NULL, 0, 0,
                            EVL_GRAIN_NONE, NULL };
      evl_graph_event_add_mention (g, ev, &m);
      evl_graph_event_add_mention (g, ev, &m);   /* the same span again: no change */
    }
  const EvlGraphEvent *e = evl_graph_get_event (g, ev);
  cr_assert_eq (e->mentions->len, EVL_GRAPH_MENTIONS_PER_DOCUMENT);
  cr_assert_eq (evl_graph_event_n_more_mentions (g, ev), extra);
  cr_assert_eq (e->n_sources, 1);
  EvlGraphMention other = { 1, 0, 0, 3, "met", "They met.", NULL, 0, 0, EVL_GRAIN_NONE, NULL };
  evl_graph_event_add_mention (g, ev, &other);
  cr_assert_eq (e->mentions->len, EVL_GRAPH_MENTIONS_PER_DOCUMENT + 1);
  cr_assert_eq (e->n_sources, 2);
  cr_assert_eq (evl_graph_event_n_more_mentions (g, 0), 0);

  g_autofree char *saved = save (g);
  cr_assert_not_null (strstr (saved, "      \"more_mentions\" : 250,\n"));
  cr_assert_eq (strstr (strstr (saved, "more_mentions") + 1, "more_mentions"), NULL,
                "only the capped event has the field");
  GError *error = NULL;
  g_autoptr (EvlGraph) back = evl_graph_load_json_data (saved, -1, &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");
  gint b = evl_graph_find_event (back, e->id);
  cr_assert_geq (b, 0);
  cr_assert_eq (evl_graph_event_n_more_mentions (back, (guint) b), extra);
  g_autofree char *again = save (back);
  cr_assert_str_eq (again, saved);
}

/* events.json is streamed by hand; its bytes must stay those of
 * json-glib's pretty generator (indent 2) on the parsed tree, as when it
 * was generated from a tree. */
static char *
regenerate (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GError *error = NULL;
  cr_assert (json_parser_load_from_data (parser, json, -1, &error), "%s",
             error ? error->message : "");
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, json_parser_get_root (parser));
  g_autofree char *text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}

Test (graph, saved_json_is_json_glib_pretty_output)
{
  g_autoptr (EvlGraph) g = story ();
  /* Empty arrays, nulls, a quote with quotes and backslashes, non-ASCII. */
  guint bare = fx_graph_event (g, "PROTEST", NULL, NULL, NULL);
  EvlGraphMention m = { 0, 0, 0, 4, "sa\"id", "\"No,\" he said \\ « été » \xe2\x80\x94 ok",
                        NULL, 0, 0, EVL_GRAIN_NONE, NULL };
  evl_graph_event_add_mention (g, bare, &m);
  entity (g, "Lonely", EVL_ENTITY_ORGANIZATION);
  g_autofree char *saved = save (g);
  g_autofree char *again = regenerate (saved);
  cr_assert_str_eq (saved, again);
  cr_assert_not_null (strstr (saved, "\"aliases\" : [],\n"));
  cr_assert_not_null (strstr (saved, "\"range\" : null,\n"));
}

typedef struct {
  char text[24];
} Tricky;

/* The summary @text is saved as json-glib writes it wherever json-glib
 * 1.6 writes valid JSON (UTF-8 without U+001F), and always so that the
 * file is valid UTF-8 that json-glib reads. */
static void
assert_escapes_validly (const char *text)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint ev = fx_graph_event (g, "X", NULL, NULL, NULL);
  evl_graph_peek_event (g, ev)->summary = evl_graph_intern (g, text);
  g_autofree char *saved = save (g);
  cr_assert (g_utf8_validate (saved, -1, NULL), "not UTF-8:\n%s", saved);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, saved, -1, NULL), "not JSON:\n%s", saved);
  if (g_utf8_validate (text, -1, NULL) && strchr (text, 0x1f) == NULL)
    {
      g_autofree char *back = regenerate (saved);
      cr_assert_str_eq (saved, back);
      g_autoptr (JsonNode) node = json_node_init_string (json_node_alloc (), text);
      g_autoptr (JsonGenerator) gen = json_generator_new ();
      json_generator_set_root (gen, node);
      g_autofree char *want = json_generator_to_data (gen, NULL);
      g_autofree char *line = g_strdup_printf ("      \"summary\" : %s,\n", want);
      cr_assert_not_null (strstr (saved, line), "'%s' not in:\n%s", line, saved);
    }
  else
    cr_assert_null (strchr (saved, 0x1f), "U+001F escaped");
}

/* Held to the json-glib the tests link, so that a json-glib that escapes
 * otherwise shows up. */
ParameterizedTestParameters (graph, strings_escape_validly)
{
  static Tricky cases[] = {
    { "plain" }, { "" }, { "quote \" in" }, { "back\\slash" }, { "tab\there" },
    { "new\nline\r\n" }, { "bell\a\b\f\v" }, { "unit\x1f sep\x1e" }, { "del\x7f" },
    { "\x01start" }, { "caf\xc3\xa9 \xe2\x80\xa8" }, { "</script>&<>" },
    /* not UTF-8 (a file name): U+FFFD for each ill-formed part */
    { "caf\xe9 \xff\xc3" }, { "\xed\xa0\x80\x1f\"" },
  };
  return cr_make_param_array (Tricky, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (Tricky *c, graph, strings_escape_validly)
{
  assert_escapes_validly (c->text);
}

/* A stream that fails on every write. */
Test (graph, save_to_failing_stream_is_an_io_error)
{
  g_autoptr (EvlGraph) g = story ();
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_output_stream_close (mem, NULL, NULL);
  GError *error = NULL;
  cr_assert_not (evl_graph_save_json (g, mem, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_IO));
  g_clear_error (&error);
}

Test (graph, load_reports_io_and_parse_errors)
{
  GError *error = NULL;
  cr_assert_null (evl_graph_load_json ("/nonexistent/story.json", &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_IO));
  g_clear_error (&error);
  cr_assert_null (evl_graph_load_json_data ("{\"events\": ", -1, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  g_clear_error (&error);
  cr_assert_null (evl_graph_load_json_data ("[1, 2]", -1, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  g_clear_error (&error);
  cr_assert_null (evl_graph_load_json_data ("{\"documents\": [], \"events\": [], \"version\": 99}", -1, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  g_clear_error (&error);
  /* Wrong types inside are ignored, not fatal. */
  g_autoptr (EvlGraph) odd = evl_graph_load_json_data (
    "{\"documents\": [1, {\"id\": \"a\"}], \"entities\": [[], {\"id\": \"ent1\", \"name\": 5}],"
    " \"threads\": [3], \"events\": [\"x\", {\"id\": \"ev1\", \"participants\": [7, \"ent9\"],"
    " \"flags\": [1], \"mentions\": [2, {\"doc\": \"a\", \"start\": \"x\"}], \"time\": 4}],"
    " \"relations\": [{\"from\": 1}], \"conflicts\": [null]}", -1, &error);
  cr_assert_not_null (odd, "%s", error ? error->message : "");
  cr_assert_eq (evl_graph_n_documents (odd), 1);
  cr_assert_eq (evl_graph_n_entities (odd), 0);
  cr_assert_eq (evl_graph_n_events (odd), 1);
  cr_assert_eq (evl_graph_get_event (odd, 0)->mentions->len, 1);
  cr_assert_not (evl_graph_get_event (odd, 0)->time.known);
  g_clear_error (&error);
}

/* A control character after an escaped quote (escapes one after the
 * other in the byte loop). */
ParameterizedTestParameters (graph, late_control_characters_escape_validly)
{
  static Tricky cases[] = {
    { "say \"hi\"\there" }, { "back\\slash\x01" }, { "\"\x1f\"" }, { "end\\\n" },
  };
  return cr_make_param_array (Tricky, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (Tricky *c, graph, late_control_characters_escape_validly)
{
  assert_escapes_validly (c->text);
}

Test (graph, find_document_returns_the_first_with_the_id)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  static const char *const ids[] = { "a", "b", "a", "c" };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      EvlGraphDocument d = { ids[i], NULL, NULL, NULL, NULL, NULL };
      cr_assert_eq (evl_graph_add_document (g, &d), i);
    }
  EvlGraphDocument anonymous = { NULL, NULL, NULL, NULL, NULL, NULL };
  evl_graph_add_document (g, &anonymous);
  cr_assert_eq (evl_graph_find_document (g, "a"), 0);
  cr_assert_eq (evl_graph_find_document (g, "b"), 1);
  cr_assert_eq (evl_graph_find_document (g, "c"), 3);
  cr_assert_eq (evl_graph_find_document (g, "d"), -1);
  cr_assert_eq (evl_graph_find_document (g, ""), -1);
  char id[8] = "a";
  cr_assert_eq (evl_graph_find_document (g, id), 0, "found by content, not by pointer");
}

/* An event with an unknown end was dropped by any --from past 0 here
 * while the renderers' selection took it as lasting its begin day: both
 * now read it as the begin day. */
Test (graph, events_between_takes_an_unknown_end_as_the_begin_day)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint open = fx_graph_event (g, "LAUNCH", "2023-09-13", "2023-09-13", NULL);
  cr_assert_eq (evl_graph_get_event (g, open)->time.end, 0);
  g_autoptr (GArray) on = evl_graph_events_between (g, evl_day_from_ymd (2023, 9, 13), 0);
  cr_assert_eq (on->len, 1, "from its begin day: kept");
  g_autoptr (GArray) after = evl_graph_events_between (g, evl_day_from_ymd (2023, 9, 14), 0);
  cr_assert_eq (after->len, 0, "from the day after: not taken to last");

  EvlRenderOptions ro = EVL_RENDER_OPTIONS_INIT;
  for (int d = 13; d <= 14; d++)
    {
      ro.from = evl_day_from_ymd (2023, 9, d);
      g_autoptr (GArray) lib = evl_graph_events_between (g, ro.from, 0);
      g_autoptr (GArray) shown = evl_render_select (g, &ro, NULL);
      cr_assert_eq (lib->len, shown->len, "from 2023-09-%d", d);
    }
}
