/* The extra exports: events.csv, events.jsonl, timelinejs.json and the
 * per-document TimeML of `eventline build --export`, each read back and
 * checked for structure. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "../tmp-helpers.h"

TestSuite (export_formats, .fini = evl_test_tmp_cleanup);

/* ---- a graph whose strings need quoting ---- */

static EvlGraph *
tricky_graph (const char *summary)
{
  EvlGraph *g = evl_graph_new ();
  EvlGraphDocument d = { "d1", NULL, "2023-09-14", "metadata", "Title, with \"quotes\"", NULL };
  guint doc = evl_graph_add_document (g, &d);
  EvlGraphEntity smith = { NULL, "Smith, John", "smith john", EVL_ENTITY_PERSON, NULL, 1, 1 };
  EvlGraphEntity port = { NULL, "Port \"Old\" Town", "port old town", EVL_ENTITY_LOCATION, NULL,
                          1, 1 };
  guint s = evl_graph_add_entity (g, &smith), p = evl_graph_add_entity (g, &port);
  evl_graph_add_thread (g, "Talks & more");
  static const struct {
    const char *value, *begin, *end;
    EvlGrain grain;
  } times[] = {
    { "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY },
    { "2023-08", "2023-08-01", "2023-08-31", EVL_GRAIN_MONTH },
    { "1950/1953", "1950-01-01", "1953-12-31", EVL_GRAIN_YEAR },
  };
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      EvlGraphEvent ev = { 0 };
      ev.type = "MEETING";
      ev.thread = "Talks & more";
      ev.summary = i == 0 ? summary : (i == 1 ? "Second <b>event</b>" : "Third event");
      ev.agent = (gint) s;
      ev.location = (gint) p;
      ev.patient = ev.source = -1;
      ev.polarity = i == 1 ? EVL_POLARITY_NEG : EVL_POLARITY_POS;
      ev.modality = i == 2 ? "may" : NULL;
      ev.flags = i == 2 ? EVL_EVENT_FLAG_PLANNED : i == 0 ? EVL_EVENT_FLAG_FAILED : 0;
      ev.time.known = TRUE;
      ev.time.value = times[i].value;
      ev.time.begin = evl_day_parse (times[i].begin);
      ev.time.end = evl_day_parse (times[i].end);
      ev.time.grain = times[i].grain;
      guint k = evl_graph_add_event (g, &ev);
      evl_graph_event_add_participant (g, k, s);
      evl_graph_event_add_participant (g, k, p);
      EvlGraphMention m = { doc, i, 0, 3, "met", "Line one,\nline \"two\".", NULL, 0, 0, 0, NULL };
      evl_graph_event_add_mention (g, k, &m);
    }
  return g;
}

static char *
run_writer (EvlStreamWriter writer, const EvlGraph *g)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  GError *error = NULL;
  cr_assert (writer (g, mem, &error), "%s", error ? error->message : "");
  cr_assert (g_output_stream_write_all (mem, "", 1, NULL, NULL, NULL));
  cr_assert (g_output_stream_close (mem, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (mem));
}

/* ---- a minimal RFC 4180 reader ---- */

/* Rows of fields (GPtrArray of GPtrArray of char*); NULL when a quoted
 * field is unterminated or a record does not end in CRLF. */
static GPtrArray *
csv_read (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;
  while (*p)
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              if (*p == '\0')
                goto bad;
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
        }
      while (*p && *p != ',' && *p != '\r' && *p != '\n')
        g_string_append_c (field, *p++);
      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else if (p[0] == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        goto bad;
    }
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
bad:
  g_ptr_array_unref (row);
  g_ptr_array_unref (rows);
  g_string_free (field, TRUE);
  return NULL;
}

static const char *
cell (GPtrArray *rows, guint r, guint c)
{
  GPtrArray *row = rows->pdata[r];
  cr_assert_lt (c, row->len, "row %u has %u fields", r, row->len);
  return row->pdata[c];
}

static const char *const csv_header[] = {
  "id", "date_begin", "date_end", "value", "type", "thread", "summary", "participants",
  "location", "polarity", "modality", "sources", "first_quote", "documents", "status",
};

static guint
column (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_header); i++)
    if (strcmp (csv_header[i], name) == 0)
      return i;
  cr_assert_fail ("no column %s", name);
  return 0;
}

Test (export_formats, csv_has_header_and_one_row_per_event)
{
  g_autoptr (EvlGraph) g = tricky_graph ("First event");
  g_autofree char *text = run_writer (evl_export_csv, g);
  g_autoptr (GPtrArray) rows = csv_read (text);
  cr_assert_not_null (rows, "not RFC 4180 CSV:\n%s", text);
  cr_assert_eq (rows->len, 1 + evl_graph_n_events (g));
  for (guint c = 0; c < G_N_ELEMENTS (csv_header); c++)
    cr_assert_str_eq (cell (rows, 0, c), csv_header[c]);
  g_autoptr (GArray) order = evl_graph_timeline (g);
  for (guint r = 1; r < rows->len; r++)
    {
      cr_assert_eq (((GPtrArray *) rows->pdata[r])->len, G_N_ELEMENTS (csv_header),
                    "row %u has %u fields", r, ((GPtrArray *) rows->pdata[r])->len);
      const EvlGraphEvent *ev = evl_graph_get_event (g, g_array_index (order, guint, r - 1));
      cr_assert_str_eq (cell (rows, r, column ("id")), ev->id, "rows not in timeline order");
    }
}

Test (export_formats, csv_fields_hold_the_graph_values)
{
  g_autoptr (EvlGraph) g = tricky_graph ("First event");
  g_autofree char *text = run_writer (evl_export_csv, g);
  g_autoptr (GPtrArray) rows = csv_read (text);
  cr_assert_not_null (rows);
  /* Timeline order: 1950-53, Aug 2023, 13 Sep 2023. */
  cr_assert_str_eq (cell (rows, 1, column ("date_begin")), "1950-01-01");
  cr_assert_str_eq (cell (rows, 1, column ("date_end")), "1953-12-31");
  cr_assert_str_eq (cell (rows, 1, column ("value")), "1950/1953");
  cr_assert_str_eq (cell (rows, 1, column ("modality")), "may");
  cr_assert_str_eq (cell (rows, 1, column ("status")), "planned");
  cr_assert_str_eq (cell (rows, 3, column ("status")), "failed");
  cr_assert_str_eq (cell (rows, 2, column ("status")), "");
  cr_assert_str_eq (cell (rows, 2, column ("polarity")), "NEG");
  cr_assert_str_eq (cell (rows, 3, column ("summary")), "First event");
  cr_assert_str_eq (cell (rows, 3, column ("participants")), "Smith, John; Port \"Old\" Town");
  cr_assert_str_eq (cell (rows, 3, column ("location")), "Port \"Old\" Town");
  cr_assert_str_eq (cell (rows, 3, column ("thread")), "Talks & more");
  cr_assert_str_eq (cell (rows, 3, column ("sources")), "1");
  cr_assert_str_eq (cell (rows, 3, column ("first_quote")), "Line one,\nline \"two\".");
  cr_assert_str_eq (cell (rows, 3, column ("documents")), "d1");
}

typedef struct {
  char summary[48];
} CsvCase;

ParameterizedTestParameters (export_formats, csv_quoting_round_trips)
{
  static CsvCase cases[] = {
    { "plain words" },
    { "a, b and c" },
    { "he said \"no\"" },
    { "\"quoted at both ends\"" },
    { "two\nlines" },
    { "crlf\r\ninside" },
    { " leading and trailing " },
    { "\xc3\xa9t\xc3\xa9 \xe2\x80\x94 na\xc3\xafve" },
    { ",\",\"," },
  };
  return cr_make_param_array (CsvCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (CsvCase *c, export_formats, csv_quoting_round_trips)
{
  g_autoptr (EvlGraph) g = tricky_graph (c->summary);
  g_autofree char *text = run_writer (evl_export_csv, g);
  g_autoptr (GPtrArray) rows = csv_read (text);
  cr_assert_not_null (rows, "not RFC 4180 CSV:\n%s", text);
  cr_assert_eq (rows->len, 4);
  cr_assert_str_eq (cell (rows, 3, column ("summary")), c->summary);
}

/* ---- JSON lines ---- */

static JsonArray *
events_json_events (const EvlGraph *g, JsonParser *parser)
{
  g_autofree char *json = run_writer (evl_export_json, g);
  GError *error = NULL;
  cr_assert (json_parser_load_from_data (parser, json, -1, &error), "%s",
             error ? error->message : "");
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "events");
}

static void
assert_same_members (JsonObject *a, JsonObject *b)
{
  g_autoptr (GList) ma = json_object_get_members (a);
  cr_assert_eq (g_list_length (ma), json_object_get_size (b), "member counts differ");
  for (GList *l = ma; l; l = l->next)
    cr_assert (json_object_has_member (b, l->data), "member '%s' missing", (char *) l->data);
}

Test (export_formats, jsonl_is_one_event_object_per_line_as_in_events_json)
{
  g_autoptr (EvlGraph) g = tricky_graph ("First \"event\"\nwith a newline");
  g_autofree char *text = run_writer (evl_export_jsonl, g);
  g_autoptr (JsonParser) all = json_parser_new ();
  JsonArray *events = events_json_events (g, all);
  cr_assert (g_str_has_suffix (text, "\n"), "last line not terminated");
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines) - 1; /* after the final newline */
  cr_assert_eq (n, json_array_get_length (events), "%u lines for %u events", n,
                json_array_get_length (events));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JsonParser) p = json_parser_new ();
      GError *error = NULL;
      cr_assert (json_parser_load_from_data (p, lines[i], -1, &error), "line %u: %s", i + 1,
                 error ? error->message : "");
      JsonNode *root = json_parser_get_root (p);
      cr_assert (JSON_NODE_HOLDS_OBJECT (root), "line %u is not an object", i + 1);
      JsonObject *line = json_node_get_object (root);
      JsonObject *ev = json_array_get_object_element (events, i);
      cr_assert_str_eq (json_object_get_string_member (line, "id"),
                        json_object_get_string_member (ev, "id"));
      cr_assert_str_eq (json_object_get_string_member (line, "summary"),
                        json_object_get_string_member (ev, "summary"));
      assert_same_members (line, ev);
    }
}

/* ---- TimelineJS3 ---- */

static JsonObject *
member_object (JsonObject *o, const char *name)
{
  cr_assert (json_object_has_member (o, name), "missing '%s'", name);
  JsonObject *m = json_object_get_object_member (o, name);
  cr_assert_not_null (m, "'%s' is not an object", name);
  return m;
}

Test (export_formats, timelinejs_has_title_and_slides)
{
  g_autoptr (EvlGraph) g = tricky_graph ("First event");
  g_autofree char *text = run_writer (evl_export_timelinejs, g);
  g_autoptr (JsonParser) p = json_parser_new ();
  GError *error = NULL;
  cr_assert (json_parser_load_from_data (p, text, -1, &error), "%s", error ? error->message : "");
  JsonObject *root = json_node_get_object (json_parser_get_root (p));
  JsonObject *title_text = member_object (member_object (root, "title"), "text");
  cr_assert (json_object_has_member (title_text, "headline"));
  cr_assert (json_object_has_member (title_text, "text"));
  JsonArray *events = json_object_get_array_member (root, "events");
  cr_assert_eq (json_array_get_length (events), evl_graph_n_events (g));
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *s = json_array_get_object_element (events, i);
      JsonObject *start = member_object (s, "start_date");
      const char *year = json_object_get_string_member (start, "year");
      cr_assert (year && g_ascii_isdigit (year[0]), "slide %u: bad year", i);
      JsonObject *t = member_object (s, "text");
      cr_assert (json_object_has_member (t, "headline") && json_object_has_member (t, "text"));
      cr_assert_str_eq (json_object_get_string_member (s, "group"), "Talks & more");
      const char *id = json_object_get_string_member (s, "unique_id");
      cr_assert_geq (evl_graph_find_event (g, id), 0, "unique_id %s is no event", id);
    }
  /* The planned event's slide says so; the others do not. */
  const char *planned = strstr (text, "planned, not yet happened");
  cr_assert_not_null (planned);
  cr_assert_null (strstr (planned + 1, "planned, not yet happened"));
  /* So does the failed one's. */
  const char *failed = strstr (text, "\xc2\xb7 failed");
  cr_assert_not_null (failed, "%s", text);
  cr_assert_null (strstr (failed + 1, "\xc2\xb7 failed"));
}

typedef struct {
  char id[8];
  char year[6], month[4], day[4];
  char end_year[6];
} SlideCase;

/* The parts of a date are those its granularity knows. */
ParameterizedTestParameters (export_formats, timelinejs_dates_keep_their_granularity)
{
  static SlideCase cases[] = {
    { "ev1", "2023", "9", "13", "" },
    { "ev2", "2023", "8", "", "2023" },
    { "ev3", "1950", "", "", "1953" },
  };
  return cr_make_param_array (SlideCase, cases, G_N_ELEMENTS (cases));
}

static void
assert_part (JsonObject *date, const char *name, const char *expected)
{
  if (expected[0] == '\0')
    cr_assert (!json_object_has_member (date, name), "unexpected '%s'", name);
  else
    cr_assert_str_eq (json_object_get_string_member (date, name), expected, "%s", name);
}

ParameterizedTest (SlideCase *c, export_formats, timelinejs_dates_keep_their_granularity)
{
  g_autoptr (EvlGraph) g = tricky_graph ("First event");
  g_autofree char *text = run_writer (evl_export_timelinejs, g);
  g_autoptr (JsonParser) p = json_parser_new ();
  cr_assert (json_parser_load_from_data (p, text, -1, NULL));
  JsonArray *events = json_object_get_array_member (json_node_get_object (json_parser_get_root (p)),
                                                    "events");
  JsonObject *slide = NULL;
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *s = json_array_get_object_element (events, i);
      if (strcmp (json_object_get_string_member (s, "unique_id"), c->id) == 0)
        slide = s;
    }
  cr_assert_not_null (slide, "no slide for %s", c->id);
  JsonObject *start = member_object (slide, "start_date");
  assert_part (start, "year", c->year);
  assert_part (start, "month", c->month);
  assert_part (start, "day", c->day);
  if (c->end_year[0])
    assert_part (member_object (slide, "end_date"), "year", c->end_year);
  else
    cr_assert (!json_object_has_member (slide, "end_date"), "one-day event has an end_date");
}

Test (export_formats, timelinejs_escapes_html_in_text)
{
  g_autoptr (EvlGraph) g = tricky_graph ("<script>alert(1)</script>");
  g_autofree char *text = run_writer (evl_export_timelinejs, g);
  g_autoptr (JsonParser) p = json_parser_new ();
  cr_assert (json_parser_load_from_data (p, text, -1, NULL));
  JsonArray *events = json_object_get_array_member (json_node_get_object (json_parser_get_root (p)),
                                                    "events");
  guint checked = 0;
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *t = member_object (json_array_get_object_element (events, i), "text");
      const char *headline = json_object_get_string_member (t, "headline");
      const char *body = json_object_get_string_member (t, "text");
      cr_assert_null (strstr (headline, "<script"), "raw markup in headline: %s", headline);
      cr_assert_null (strstr (headline, "<b>"), "raw markup in headline: %s", headline);
      cr_assert_null (strstr (body, "<script"), "raw markup in text: %s", body);
      if (strstr (headline, "&lt;script&gt;") || strstr (headline, "&lt;b&gt;"))
        checked++;
    }
  cr_assert_eq (checked, 2, "escaped headlines not found");
}

/* ---- atomic writing ---- */

Test (export_formats, failed_write_leaves_no_file)
{
  g_autoptr (EvlGraph) g = tricky_graph ("x");
  g_autofree char *dir = evl_test_tmp_make ("evl-fmt-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "missing", "events.csv", NULL);
  GError *error = NULL;
  cr_assert_not (evl_export_to_file (evl_export_csv, g, path, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_IO), "%s", error ? error->message : "");
  g_error_free (error);
  cr_assert_not (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* ---- the CLI wiring, on the sample articles ---- */

static int
run_cli (char **err, const char *a1, const char *a2, const char *a3, const char *a4,
         const char *a5, const char *a6)
{
  const char *cli = g_getenv ("EVL_CLI");
  cr_assert_not_null (cli, "EVL_CLI must be set (run through meson test)");
  const char *argv[] = { cli, a1, a2, a3, a4, a5, a6, NULL };
  int status = 0;
  GError *error = NULL;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                           NULL, err, &status, &error), "%s", error ? error->message : "");
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

static gboolean
has_descendant (xmlNodePtr n, const char *name)
{
  for (; n; n = n->next)
    if ((n->type == XML_ELEMENT_NODE && xmlStrcmp (n->name, (const xmlChar *) name) == 0)
        || has_descendant (n->children, name))
      return TRUE;
  return FALSE;
}

Test (export_formats, build_export_writes_every_format_for_the_samples, .timeout = 120 * EVL_TIMEOUT_SCALE)
{
  const char *root = g_getenv ("EVL_SOURCE_ROOT");
  cr_assert_not_null (root);
  g_autofree char *input = g_build_filename (root, "input", NULL);
  g_autofree char *out = evl_test_tmp_make ("evl-fmt-XXXXXX");
  g_autofree char *err = NULL;
  int code = run_cli (&err, "build", "-q", input, "-o", out, "--export=timelinejs,csv,jsonl,timeml");
  cr_assert_eq (code, 0, "build failed: %s", err);

  g_autofree char *json_path = g_build_filename (out, "events.json", NULL);
  g_autoptr (JsonParser) jp = json_parser_new ();
  cr_assert (json_parser_load_from_file (jp, json_path, NULL));
  JsonObject *graph = json_node_get_object (json_parser_get_root (jp));
  guint n_events = json_array_get_length (json_object_get_array_member (graph, "events"));
  JsonArray *docs = json_object_get_array_member (graph, "documents");

  g_autofree char *csv_path = g_build_filename (out, "events.csv", NULL);
  g_autofree char *csv = NULL;
  cr_assert (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_autoptr (GPtrArray) rows = csv_read (csv);
  cr_assert_not_null (rows);
  cr_assert_eq (rows->len, n_events + 1);

  g_autofree char *jsonl_path = g_build_filename (out, "events.jsonl", NULL);
  g_autofree char *jsonl = NULL;
  cr_assert (g_file_get_contents (jsonl_path, &jsonl, NULL, NULL));
  guint n_lines = 0;
  for (const char *c = jsonl; *c; c++)
    n_lines += *c == '\n';
  cr_assert_eq (n_lines, n_events, "%u lines for %u events", n_lines, n_events);

  g_autofree char *tl_path = g_build_filename (out, "timelinejs.json", NULL);
  g_autoptr (JsonParser) tp = json_parser_new ();
  cr_assert (json_parser_load_from_file (tp, tl_path, NULL));
  JsonArray *slides = json_object_get_array_member (json_node_get_object (json_parser_get_root (tp)),
                                                    "events");
  /* Every sample document has a creation date, so every event gets a
   * slide (undated ones on the day they were reported). */
  cr_assert_eq (json_array_get_length (slides), n_events);

  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (docs, i), "id");
      g_autofree char *file = g_strconcat (id, ".tml", NULL);
      g_autofree char *path = g_build_filename (out, "timeml", file, NULL);
      xmlDocPtr x = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      cr_assert_not_null (x, "%s missing or not XML", path);
      xmlNodePtr top = xmlDocGetRootElement (x);
      cr_assert_str_eq ((const char *) top->name, "TimeML");
      cr_assert (has_descendant (top, "TEXT"), "%s: no TEXT", file);
      if (n_events > 0)
        cr_assert (has_descendant (top, "EVENT"), "%s: no EVENT", file);
      cr_assert (has_descendant (top, "TIMEX3"), "%s: no TIMEX3", file);
      xmlFreeDoc (x);
    }
  g_autofree char *report = g_build_filename (out, "report.html", NULL);
  cr_assert (g_file_test (report, G_FILE_TEST_IS_REGULAR), "report.html not written");
  evl_test_rmtree (out);
}

typedef struct {
  char option[24];
  char value[24];
} BadOption;

ParameterizedTestParameters (export_formats, build_rejects_bad_options)
{
  static BadOption cases[] = {
    { "--export", "csv,pdf" },
    { "--from", "2023-13-01" },
    { "--to", "yesterday" },
    { "--dpi", "-5" },
    { "--width", "1000" },
  };
  return cr_make_param_array (BadOption, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (BadOption *c, export_formats, build_rejects_bad_options)
{
  g_autofree char *err = NULL;
  int code = run_cli (&err, "build", c->option, c->value, "no-such-input", NULL, NULL);
  cr_assert_eq (code, 2, "%s %s: exit %d (%s)", c->option, c->value, code, err);
  cr_assert (strstr (err, c->option), "error does not name %s: %s",
             c->option, err);
}

Test (export_formats, list_formats_names_every_renderer)
{
  const char *cli = g_getenv ("EVL_CLI");
  cr_assert_not_null (cli);
  const char *argv[] = { cli, "build", "--list-formats", NULL };
  g_autofree char *out = NULL;
  int status = 0;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                           &status, NULL));
  cr_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  for (const EvlRenderer *r = evl_renderer_list (); r->name; r++)
    cr_assert (strstr (out, r->name), "%s not listed", r->name);
  cr_assert (strstr (out, "svg") && strstr (out, "png") && strstr (out, "timelinejs"));
}

/* The headline of @g's TimelineJS title slide. */
static char *
timelinejs_headline (const EvlGraph *g)
{
  g_autofree char *text = run_writer (evl_export_timelinejs, g);
  g_autoptr (JsonParser) p = json_parser_new ();
  cr_assert (json_parser_load_from_data (p, text, -1, NULL));
  JsonObject *root = json_node_get_object (json_parser_get_root (p));
  JsonObject *title_text = member_object (member_object (root, "title"), "text");
  return g_strdup (json_object_get_string_member (title_text, "headline"));
}

/* The title slide read "Story timeline" whatever the story: it now has
 * the timeline diagram's title (one article's headline, else who the
 * story is about), HTML-escaped as every TimelineJS string. */
Test (export_formats, timelinejs_title_is_the_story_title)
{
  g_autoptr (EvlGraph) g = tricky_graph ("First event");
  g_autofree char *one = timelinejs_headline (g);
  cr_assert_str_eq (one, "Timeline: Title, with &quot;quotes&quot;");
  EvlGraphDocument d2 = { "d2", NULL, "2023-09-15", "metadata", "Another headline", NULL };
  evl_graph_add_document (g, &d2);
  g_autofree char *two = timelinejs_headline (g);
  cr_assert (g_str_has_prefix (two, "Timeline: ") && strstr (two, "Smith, John")
             && strstr (two, "Port &quot;Old&quot; Town"), "named by its entities: %s", two);
}
