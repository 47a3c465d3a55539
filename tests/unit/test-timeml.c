/* TimeML reader (source/timeml.c) and writer (export/timeml.c). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "evl-private.h"
#include "reason-fixture.h"
#include "source/source-private.h"
#include "../tmp-helpers.h"

TestSuite (timeml, .fini = evl_test_tmp_cleanup);

static EvlDocument *
load (const char *name, const char *xml, GError **error)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  if (!evl_source_load_timeml (name, xml, strlen (xml), &opts, docs, error))
    return NULL;
  cr_assert_eq (docs->len, 1);
  return evl_document_ref (docs->pdata[0]);
}

static EvlDocument *
load_ok (const char *xml)
{
  GError *error = NULL;
  EvlDocument *doc = load ("doc.tml", xml, &error);
  cr_assert_not_null (doc, "%s", error ? error->message : "");
  return doc;
}


static const char tbaq[] =
  "<?xml version=\"1.0\" ?>\n"
  "<TimeML>\n<DOCID>X1</DOCID>\n"
  "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" temporalFunction=\"false\" "
  "functionInDocument=\"CREATION_TIME\">08/07/1998</TIMEX3></DCT>\n"
  "<TITLE>Storms &amp; floods</TITLE>\n"
  "<TEXT>\nRain <EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT> "
  "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-06\">Thursday</TIMEX3> &amp; "
  "officials <EVENT eid=\"e2\" class=\"REPORTING\">said</EVENT> it would "
  "<EVENT eid=\"e3\" class=\"OCCURRENCE\">last</EVENT> "
  "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2W\">two weeks</TIMEX3> in Zürich.\n</TEXT>\n"
  "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\"/>\n"
  "</TimeML>\n";

Test (timeml, text_is_text_content_without_tags)
{
  g_autoptr (EvlDocument) doc = load_ok (tbaq);
  const char *text = evl_document_get_text (doc, NULL);
  cr_assert_str_eq (text, "\nRain fell Thursday & officials said it would last two weeks in Zürich.\n");
  cr_assert_str_eq (evl_document_get_id (doc), "X1", "the id is the DOCID");
  cr_assert_str_eq (evl_document_get_title (doc), "Storms & floods");
}

Test (timeml, gold_spans_cover_their_words)
{
  g_autoptr (EvlDocument) doc = load_ok (tbaq);
  guint n = 0;
  const EvlGoldTag *g = evl_document_get_gold (doc, &n);
  cr_assert_eq (n, 5);
  static const char *const want[][5] = {
    /* an EVENT's value is its tense, from its first MAKEINSTANCE */
    { "EVENT", "e1", "OCCURRENCE", "PAST", "fell" },
    { "TIMEX3", "t1", "DATE", "1998-08-06", "Thursday" },
    { "EVENT", "e2", "REPORTING", NULL, "said" },
    { "EVENT", "e3", "OCCURRENCE", NULL, "last" },
    { "TIMEX3", "t2", "DURATION", "P2W", "two weeks" },
  };
  for (guint i = 0; i < n; i++)
    {
      cr_assert_str_eq (g[i].tag, want[i][0]);
      cr_assert_str_eq (g[i].id, want[i][1]);
      cr_assert_str_eq (g[i].type, want[i][2]);
      if (want[i][3])
        cr_assert_str_eq (g[i].value, want[i][3]);
      else
        cr_assert_null (g[i].value);
      cr_assert_str_eq (evl_document_span_text (doc, g[i].span), want[i][4]);
    }
}

Test (timeml, dct_comes_from_dct_element)
{
  g_autoptr (EvlDocument) doc = load_ok (tbaq);
  cr_assert_str_eq (evl_document_get_dct (doc), "1998-08-07");
  cr_assert_eq (evl_document_get_dct_source (doc), EVL_DCT_METADATA);
}

typedef struct {
  char dct[200];
  char want[24];
} DctCase;

ParameterizedTestParameters (timeml, dct_forms)
{
  static DctCase cases[] = {
    { "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">Jan. 8</TIMEX3></DCT>", "1998-01-08" },
    { "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\" 19980108 \">x</TIMEX3></DCT>", "1998-01-08" },
    { "<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"1998-01-08T14:30\">x</TIMEX3></DCT>", "1998-01-08T14:30" },
    { "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\">1998-01-08</TIMEX3></DCT>", "1998-01-08" },
    { "<DCT>2001-09-11</DCT>", "2001-09-11" },
    { "<X><TIMEX3 tid=\"t0\" value=\"2003-04-28\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></X>", "2003-04-28" },
  };
  return cr_make_param_array (DctCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (DctCase *c, timeml, dct_forms)
{
  g_autofree char *xml = g_strdup_printf ("<TimeML>%s<TEXT>Hello.</TEXT></TimeML>", c->dct);
  g_autoptr (EvlDocument) doc = load_ok (xml);
  cr_assert_str_eq (evl_document_get_dct (doc), c->want, "%s", c->dct);
}

Test (timeml, te3input_has_dct_and_no_gold)
{
  g_autoptr (EvlDocument) doc = load_ok (
    "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>nyt_1</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-03-22\" functionInDocument=\"CREATION_TIME\">"
    "March 22, 2013</TIMEX3></DCT>\n<TEXT>\nMarkets rose on Friday.\n</TEXT>\n</TimeML>\n");
  guint n = 1;
  evl_document_get_gold (doc, &n);
  cr_assert_str_eq (evl_document_get_id (doc), "nyt_1");
  cr_assert_eq (n, 0);
  cr_assert_str_eq (evl_document_get_dct (doc), "2013-03-22");
  cr_assert_str_eq (evl_document_get_text (doc, NULL), "\nMarkets rose on Friday.\n");
}

Test (timeml, semeval_sentences_become_sentences_and_tokens)
{
  g_autoptr (EvlDocument) doc = load_ok (
    "<?xml version='1.0' encoding='utf-8'?>\n<TimeML><DOCID>77</DOCID>\n"
    "<DCT><TIMEX3 functionInDocument=\"CREATION_TIME\" tid=\"t0\" type=\"DATE\" value=\"2008-01-09\">"
    "2008-01-09</TIMEX3></DCT>\n<EXTRAINFO>Apple cuts prices</EXTRAINFO>\n"
    "<TEXT><s id=\"1\">January 09 , 2008</s><s id=\"2\"></s><s id=\"3\">Apple "
    "<EVENT eid=\"e1\">announced</EVENT> cuts .</s></TEXT>\n</TimeML>\n");
  cr_assert_str_eq (evl_document_get_title (doc), "Apple cuts prices");
  cr_assert_str_eq (evl_document_get_id (doc), "77");
  guint ns = 0, nt = 0, ng = 0;
  const EvlSentence *s = evl_document_get_sentences (doc, &ns);
  const EvlToken *t = evl_document_get_tokens (doc, &nt);
  const EvlGoldTag *g = evl_document_get_gold (doc, &ng);
  cr_assert_eq (ns, 2);
  cr_assert_eq (nt, 8);
  cr_assert_str_eq (evl_document_span_text (doc, s[0].span), "January 09 , 2008");
  cr_assert_str_eq (evl_document_span_text (doc, s[1].span), "Apple announced cuts .");
  cr_assert_eq (s[1].first_token, 4);
  cr_assert_eq (s[1].n_tokens, 4);
  cr_assert_str_eq (evl_document_span_text (doc, t[5].span), "announced");
  cr_assert_eq (t[5].sentence, 1);
  cr_assert (t[4].flags & EVL_TOKEN_SENT_START);
  cr_assert (t[4].flags & EVL_TOKEN_CAP);
  cr_assert (t[1].flags & EVL_TOKEN_NUMBER);
  cr_assert (t[2].flags & EVL_TOKEN_PUNCT);
  /* The k-th "s" gold tag carries sentence k's <s id>. */
  guint k = 0;
  const char *ids[] = { "1", "3" };
  for (guint i = 0; i < ng; i++)
    if (strcmp (g[i].tag, "s") == 0)
      {
        cr_assert_lt (k, 2);
        cr_assert_str_eq (g[i].id, ids[k]);
        cr_assert_eq (g[i].span.start, s[k].span.start);
        k++;
      }
  cr_assert_eq (k, 2);
  /* Sentences stay apart in the text. */
  cr_assert_not_null (strstr (evl_document_get_text (doc, NULL), "2008\n"));
}

Test (timeml, id_falls_back_to_the_file_name)
{
  GError *error = NULL;
  g_autoptr (EvlDocument) doc = load ("/data/APW1998.0261.tml", "<TimeML><TEXT>x</TEXT></TimeML>", &error);
  cr_assert_not_null (doc);
  cr_assert_str_eq (evl_document_get_id (doc), "APW1998.0261");
}

Test (timeml, malformed_xml_is_a_parse_error_with_line)
{
  GError *error = NULL;
  EvlDocument *doc = load ("bad.tml", "<TimeML>\n<TEXT>\nOne <EVENT eid=\"e1\">two</TIMEX3>\n</TEXT></TimeML>", &error);
  cr_assert_null (doc);
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  cr_assert_not_null (strstr (error->message, "bad.tml:3:"), "%s", error->message);
  g_error_free (error);
}

Test (timeml, missing_text_element_is_a_parse_error)
{
  GError *error = NULL;
  EvlDocument *doc = load ("x.tml", "<TimeML><DOCID>1</DOCID></TimeML>", &error);
  cr_assert_null (doc);
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  g_error_free (error);
}

Test (timeml, external_entities_are_never_resolved)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-timeml-XXXXXX");
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *dtd = g_build_filename (dir, "ext.dtd", NULL);
  cr_assert (g_file_set_contents (secret, "TOPSECRET-CONTENT", -1, NULL));
  cr_assert (g_file_set_contents (dtd, "<!ENTITY leak SYSTEM \"secret.txt\">", -1, NULL));
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE TimeML [\n"
    "  <!ENTITY leak SYSTEM \"file://%s\">\n"
    "  <!ENTITY %% ext SYSTEM \"file://%s\">\n"
    "  %%ext;\n"
    "]>\n"
    "<TimeML><TEXT>before &leak; after</TEXT></TimeML>\n", secret, dtd);
  GError *error = NULL;
  g_autoptr (EvlDocument) doc = load ("ent.tml", xml, &error);
  if (doc)
    {
      const char *text = evl_document_get_text (doc, NULL);
      cr_assert_null (strstr (text, "TOPSECRET"), "entity resolved: %s", text);
      cr_assert_str_eq (text, "before  after");
    }
  else
    cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  g_clear_error (&error);
  g_unlink (secret);
  g_unlink (dtd);
  g_rmdir (dir);
}

typedef struct {
  char data[160];
  gboolean timeml;
} SniffCase;

ParameterizedTestParameters (timeml, sniff)
{
  static SniffCase cases[] = {
    { "<?xml version=\"1.0\" ?>\n<TimeML>\n<TEXT>x</TEXT></TimeML>", TRUE },
    { "\xEF\xBB\xBF<?xml version='1.0'?><TimeML><DOCID>1</DOCID>", TRUE },
    { "  <DOC><TEXT>\nhello</TEXT></DOC>", TRUE },
    { "Plain news text mentioning <TEXT> in passing.", FALSE },
    { "<html><body><p>TimeML is a markup</p></body></html>", FALSE },
    { "", FALSE },
  };
  return cr_make_param_array (SniffCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (SniffCase *c, timeml, sniff)
{
  cr_assert_eq (evl_source_sniff_timeml (c->data, strlen (c->data)), c->timeml, "%s", c->data);
}

/* ---- writer ---- */

/* Copies @doc's gold tags into its system annotations. */
static void
gold_to_system (EvlDocument *doc)
{
  guint n = 0;
  const EvlGoldTag *g = evl_document_get_gold (doc, &n);
  for (guint i = 0; i < n; i++)
    {
      if (strcmp (g[i].tag, "TIMEX3") == 0)
        {
          EvlTimex t = { 0 };
          t.span = g[i].span;
          t.type = g_strcmp0 (g[i].type, "DURATION") == 0 ? EVL_TIMEX_DURATION
                   : g_strcmp0 (g[i].type, "TIME") == 0   ? EVL_TIMEX_TIME
                   : g_strcmp0 (g[i].type, "SET") == 0    ? EVL_TIMEX_SET
                                                           : EVL_TIMEX_DATE;
          t.value = g[i].value;
          t.anchor = -1;
          evl_document_add_timex (doc, &t);
        }
      else if (strcmp (g[i].tag, "EVENT") == 0)
        {
          EvlEventMention e = { 0 };
          e.span = g[i].span;
          int k = g[i].type ? evl_event_class_from_string (g[i].type) : -1;
          e.klass = k < 0 ? EVL_EVENT_CLASS_OCCURRENCE : (EvlEventClass) k;
          e.tense = g[i].value;
          e.timex = e.agent = e.patient = e.location = e.source = e.cue_event = -1;
          evl_document_add_event_mention (doc, &e);
        }
    }
}

static void
assert_same_gold (EvlDocument *a, EvlDocument *b)
{
  guint na = 0, nb = 0;
  const EvlGoldTag *ga = evl_document_get_gold (a, &na);
  const EvlGoldTag *gb = evl_document_get_gold (b, &nb);
  cr_assert_eq (na, nb);
  for (guint i = 0; i < na; i++)
    {
      cr_assert_str_eq (ga[i].tag, gb[i].tag);
      cr_assert_eq (ga[i].span.start, gb[i].span.start, "%s tag %u", evl_document_get_id (a), i);
      cr_assert_eq (ga[i].span.end, gb[i].span.end);
      if (strcmp (ga[i].tag, "s") != 0)
        cr_assert_str_eq (ga[i].type ? ga[i].type : "OCCURRENCE", gb[i].type);
      if (ga[i].value)
        cr_assert_str_eq (ga[i].value, gb[i].value);
    }
}

static void
round_trip (EvlDocument *doc)
{
  gold_to_system (doc);
  g_autofree char *xml = fx_timeml_text (doc);
  GError *error = NULL;
  g_autoptr (EvlDocument) back = load ("back.tml", xml, &error);
  cr_assert_not_null (back, "%s\n%s", error ? error->message : "", xml);
  gsize la = 0, lb = 0;
  const char *ta = evl_document_get_text (doc, &la);
  const char *tb = evl_document_get_text (back, &lb);
  cr_assert_eq (la, lb, "%s", evl_document_get_id (doc));
  cr_assert (memcmp (ta, tb, la) == 0, "%s", evl_document_get_id (doc));
  cr_assert_str_eq (evl_document_get_dct (back), evl_document_get_dct (doc));
  assert_same_gold (doc, back);
}

Test (timeml, writer_round_trips_text_and_spans)
{
  g_autoptr (EvlDocument) doc = load_ok (tbaq);
  round_trip (doc);
}

Test (timeml, writer_keeps_special_characters)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("plain", "a < b && c > d\r\nline \"two\"\x0c\xef\xbf\xbf\n", -1, NULL);
  evl_document_set_dct (doc, "2023-09-14", EVL_DCT_DEFAULT);
  EvlTimex t = { .span = { 2, 3 }, .type = EVL_TIMEX_DATE, .value = "2023", .anchor = -1 };
  evl_document_add_timex (doc, &t);
  g_autofree char *xml = fx_timeml_text (doc);
  cr_assert_not_null (strstr (xml, "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-09-14\""));
  cr_assert_not_null (strstr (xml, "functionInDocument=\"CREATION_TIME\""));
  g_autoptr (EvlDocument) back = load_ok (xml);
  cr_assert_str_eq (evl_document_get_text (back, NULL), "a < b && c > d\r\nline \"two\"    \n",
                    "form feed and U+FFFF become spaces, byte for byte");
  guint n = 0;
  const EvlGoldTag *g = evl_document_get_gold (back, &n);
  cr_assert_eq (n, 1);
  cr_assert_str_eq (evl_document_span_text (back, g[0].span), "<");
}

/* Special bytes far apart, before, inside and after tags, so that the
 * writer's look-ahead for the next special byte must skip plain pieces
 * and find the following one again after each. */
Test (timeml, writer_escapes_every_piece_around_tags)
{
  static const char text[] =
    "The first plain sentence runs on for well over sixty-four bytes here, "
    "then A&B met <x> and R&D grew\r\nwhile another plain stretch of text goes on "
    "for quite a while longer & ends";
  g_autoptr (EvlDocument) doc = evl_document_new ("esc", text, -1, NULL);
  const char *amp = strchr (text, '&');
  guint32 a = (guint32) (amp - text);   /* "A&B" */
  guint32 m = (guint32) (strstr (text, "met") - text);
  guint32 r = (guint32) (strstr (text, "R&D") - text);
  guint32 g = (guint32) (strstr (text, "grew") - text);
  guint32 e = (guint32) (strstr (text, "ends") - text);
  EvlEventMention ev[] = {
    { .span = { a - 1, a + 2 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1 },
    { .span = { m, m + 3 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1 },
    { .span = { r, r + 3 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1 },
    { .span = { g, g + 4 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1 },
    { .span = { e, e + 4 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (ev); i++)
    evl_document_add_event_mention (doc, &ev[i]);
  g_autofree char *xml = fx_timeml_text (doc);
  const char *want =
    "<TEXT>The first plain sentence runs on for well over sixty-four bytes here, "
    "then <EVENT eid=\"e1\" class=\"OCCURRENCE\">A&amp;B</EVENT> "
    "<EVENT eid=\"e2\" class=\"OCCURRENCE\">met</EVENT> &lt;x&gt; and "
    "<EVENT eid=\"e3\" class=\"OCCURRENCE\">R&amp;D</EVENT> "
    "<EVENT eid=\"e4\" class=\"OCCURRENCE\">grew</EVENT>&#13;\nwhile another plain stretch "
    "of text goes on for quite a while longer &amp; "
    "<EVENT eid=\"e5\" class=\"OCCURRENCE\">ends</EVENT></TEXT>";
  cr_assert_not_null (strstr (xml, want), "%s", xml);
}

Test (timeml, writer_never_nests_or_overlaps_tags)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("o", "on Friday morning they met", -1, NULL);
  EvlTimex t1 = { .span = { 3, 17 }, .type = EVL_TIMEX_TIME, .value = "XXXX-WXX-5TMO", .anchor = -1 };
  EvlTimex t2 = { .span = { 3, 9 }, .type = EVL_TIMEX_DATE, .value = "XXXX-WXX-5", .anchor = -1 };
  EvlTimex t3 = { .span = { 10, 22 }, .type = EVL_TIMEX_DATE, .value = "X", .anchor = 0 };
  evl_document_add_timex (doc, &t1);
  evl_document_add_timex (doc, &t2);
  evl_document_add_timex (doc, &t3);
  EvlEventMention inside = { .span = { 10, 17 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1 };
  EvlEventMention after = { .span = { 23, 26 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1 };
  EvlEventMention bad = { .span = { 20, 40 }, .klass = EVL_EVENT_CLASS_STATE, .timex = -1 };
  evl_document_add_event_mention (doc, &inside);
  evl_document_add_event_mention (doc, &after);
  evl_document_add_event_mention (doc, &bad);
  g_autofree char *xml = fx_timeml_text (doc);
  g_autoptr (EvlDocument) back = load_ok (xml);
  guint n = 0;
  const EvlGoldTag *g = evl_document_get_gold (back, &n);
  cr_assert_eq (n, 2, "%s", xml);
  cr_assert_str_eq (evl_document_span_text (back, g[0].span), "Friday morning");
  cr_assert_str_eq (g[0].id, "t1");
  cr_assert_str_eq (evl_document_span_text (back, g[1].span), "met");
  cr_assert_str_eq (g[1].id, "e2");
}

Test (timeml, writer_round_trips_the_corpus, .timeout = 120 * EVL_TIMEOUT_SCALE)
{
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  g_autofree char *root = g_build_filename (shared ? shared : "../shared", "data", "timeml", NULL);
  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    cr_skip_test ("no %s", root);
  guint seen = 0;
  const char *sub[] = { "TimeBank", "AQUAINT" };
  for (guint k = 0; k < G_N_ELEMENTS (sub); k++)
    {
      g_autofree char *dir = g_build_filename (root, sub[k], NULL);
      g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;
      while (d && (name = g_dir_read_name (d)) != NULL)
        {
          if (!g_str_has_suffix (name, ".tml"))
            continue;
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autofree char *data = NULL;
          cr_assert (g_file_get_contents (path, &data, NULL, NULL));
          GError *error = NULL;
          g_autoptr (EvlDocument) doc = load (path, data, &error);
          cr_assert_not_null (doc, "%s", error ? error->message : "");
          cr_assert_not_null (evl_document_get_dct (doc), "%s", name);
          round_trip (doc);
          seen++;
        }
    }
  cr_assert_eq (seen, 256);
}

/* ---- eventline tag (through the binary, $EVL_CLI) ---- */

static int
run_cli_err (char **out, char **err, const char *const *args)
{
  const char *cli = g_getenv ("EVL_CLI");
  if (cli == NULL)
    cr_skip_test ("EVL_CLI not set (run through meson test)");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  int status = 0;
  cr_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                           err ? G_SPAWN_DEFAULT : G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                           out, err, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

static int
run_cli (char **out, const char *const *args)
{
  return run_cli_err (out, NULL, args);
}

static char *
write_tmp (const char *dir, const char *name, const char *content)
{
  char *p = g_build_filename (dir, name, NULL);
  cr_assert (g_file_set_contents (p, content, -1, NULL));
  return p;
}

Test (timeml, tag_names_outputs_after_their_inputs)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-tag-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *te3 = write_tmp (dir, "nyt_1.TE3input",
    "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>other_id</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-03-22\" functionInDocument=\"CREATION_TIME\">"
    "2013-03-22</TIMEX3></DCT>\n<TEXT>\nMarkets &amp; banks rose on Friday.\n</TEXT>\n</TimeML>\n");
  g_autofree char *tml = write_tmp (dir, "wsj_2.tml", tbaq);
  g_autofree char *txt = write_tmp (dir, "story.txt", "Putin met Kim on Wednesday.\n");
  const char *args[] = { "tag", "-q", "--dct", "2023-09-14", "-o", out, te3, tml, txt, NULL };
  cr_assert_eq (run_cli (NULL, args), 0);
  const char *names[] = { "nyt_1.tml", "wsj_2.tml", "story.tml" };
  const char *texts[] = { "\nMarkets & banks rose on Friday.\n", NULL, "Putin met Kim on Wednesday.\n" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (out, names[i], NULL);
      g_autofree char *xml = NULL;
      cr_assert (g_file_get_contents (p, &xml, NULL, NULL), "no %s", names[i]);
      g_autoptr (EvlDocument) back = load_ok (xml);
      if (texts[i])
        cr_assert_str_eq (evl_document_get_text (back, NULL), texts[i]);
      cr_assert_not_null (evl_document_get_dct (back), "%s has a DCT", names[i]);
      g_remove (p);
    }
  g_rmdir (out);
  g_remove (te3);
  g_remove (tml);
  g_remove (txt);
  g_rmdir (dir);
}

Test (timeml, tag_writes_one_document_to_stdout)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-tag-XXXXXX");
  g_autofree char *txt = write_tmp (dir, "a.txt", "Rain fell & stopped.\n");
  g_autofree char *txt2 = write_tmp (dir, "b.txt", "More rain.\n");
  g_autofree char *out = NULL;
  const char *one[] = { "tag", "--dct", "2020-01-02", txt, NULL };
  cr_assert_eq (run_cli (&out, one), 0);
  g_autoptr (EvlDocument) back = load_ok (out);
  cr_assert_str_eq (evl_document_get_text (back, NULL), "Rain fell & stopped.\n");
  cr_assert_str_eq (evl_document_get_dct (back), "2020-01-02");
  g_autofree char *json = NULL;
  const char *js[] = { "tag", "--format", "json", txt, NULL };
  cr_assert_eq (run_cli (&json, js), 0);
  cr_assert_not_null (strstr (json, "\"timexes\""));
  cr_assert_not_null (strstr (json, "\"events\""));
  const char *two[] = { "tag", txt, txt2, NULL };
  cr_assert_eq (run_cli (NULL, two), 2, "several documents need -o");
  const char *bad[] = { "tag", "--format", "yaml", txt, NULL };
  cr_assert_eq (run_cli (NULL, bad), 2);
  g_autofree char *err = NULL;
  const char *missing[] = { "tag", "/nonexistent/x.tml", NULL };
  cr_assert_eq (run_cli_err (NULL, &err, missing), 1);
  cr_assert_not_null (strstr (err, "/nonexistent/x.tml"), "%s", err);
  cr_assert_eq (strchr (err, '\n'), strrchr (err, '\n'), "one line per error: %s", err);
  g_remove (txt);
  g_remove (txt2);
  g_rmdir (dir);
}

/* ---- robustness ---- */

Test (timeml, every_truncation_loads_or_fails_cleanly)
{
  gsize n = strlen (tbaq);
  for (gsize cut = 0; cut < n; cut++)
    {
      g_autofree char *part = g_strndup (tbaq, cut);
      g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
      GError *error = NULL;
      gboolean ok = evl_source_load_timeml ("cut.tml", part, cut, &opts, docs, &error);
      if (ok)
        cr_assert_eq (docs->len, 1);
      else
        {
          cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE), "cut at %zu", (size_t) cut);
          cr_assert_eq (docs->len, 0);
          g_error_free (error);
        }
    }
}

Test (timeml, deep_nesting_is_refused_not_crashed)
{
  g_autoptr (GString) s = g_string_new ("<TimeML><TEXT>");
  for (guint i = 0; i < 5000; i++)
    g_string_append (s, "<x>");
  g_string_append (s, "deep");
  for (guint i = 0; i < 5000; i++)
    g_string_append (s, "</x>");
  g_string_append (s, "</TEXT></TimeML>");
  GError *error = NULL;
  g_autoptr (EvlDocument) doc = load ("deep.tml", s->str, &error);
  if (doc)
    cr_assert_str_eq (evl_document_get_text (doc, NULL), "deep");
  else
    cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  g_clear_error (&error);
}

Test (timeml, writer_output_is_well_formed_whatever_the_spans)
{
  static const char text[] = "On 3 May, Kim met Putin; \xc3\xa9t\xc3\xa9 & <then> \"left\".\n";
  gsize len = strlen (text);
  GRand *rand = g_rand_new_with_seed (42);
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr (EvlDocument) doc = evl_document_new ("r", text, -1, NULL);
      for (guint k = 0; k < 6; k++)
        {
          guint32 a = (guint32) g_rand_int_range (rand, 0, (gint32) len + 3);
          guint32 b = (guint32) g_rand_int_range (rand, 0, (gint32) len + 3);
          EvlTimex t = { .span = { MIN (a, b), MAX (a, b) }, .type = EVL_TIMEX_DATE,
                         .value = "2023-05-03", .anchor = g_rand_int_range (rand, -1, 6) };
          evl_document_add_timex (doc, &t);
          a = (guint32) g_rand_int_range (rand, 0, (gint32) len + 3);
          b = (guint32) g_rand_int_range (rand, 0, (gint32) len + 3);
          EvlEventMention e = { .span = { MIN (a, b), MAX (a, b) }, .timex = -1 };
          evl_document_add_event_mention (doc, &e);
        }
      g_autofree char *xml = fx_timeml_text (doc);
      GError *error = NULL;
      g_autoptr (EvlDocument) back = load ("r.tml", xml, &error);
      cr_assert_not_null (back, "round %u: %s\n%s", round, error ? error->message : "", xml);
      cr_assert_str_eq (evl_document_get_text (back, NULL), text, "round %u", round);
      guint n = 0;
      const EvlGoldTag *g = evl_document_get_gold (back, &n);
      for (guint i = 1; i < n; i++)
        cr_assert_leq (g[i - 1].span.end, g[i].span.start, "round %u: tags overlap", round);
    }
  g_rand_free (rand);
}

/* Reference placement, as the writer did it with a byte map of the text:
 * timexes in (start, longer first, index) order, each kept when none of
 * its bytes is taken; then events the same way.  Fills @ids ("t3", "e1")
 * and @spans of the kept tags in text order; returns their number. */
typedef struct {
  guint32 start, end, index;
  char kind;
} RefItem;

static int
ref_cmp (const void *a, const void *b)
{
  const RefItem *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

static gboolean
ref_boundary (const char *text, gsize len, guint32 off)
{
  return off == len || (off < len && ((guchar) text[off] & 0xC0) != 0x80);
}

static guint
ref_place (const char *text, const EvlSpan *tx, guint n_tx, const EvlSpan *ev, guint n_ev,
           RefItem *kept)
{
  gsize len = strlen (text);
  g_autofree guint8 *used = g_malloc0 (len + 1);
  guint n_kept = 0;
  for (guint pass = 0; pass < 2; pass++)
    {
      const EvlSpan *sp = pass == 0 ? tx : ev;
      guint n = pass == 0 ? n_tx : n_ev, m = 0;
      RefItem items[16];
      for (guint i = 0; i < n; i++)
        if (sp[i].start < sp[i].end && sp[i].end <= len && ref_boundary (text, len, sp[i].start)
            && ref_boundary (text, len, sp[i].end))
          items[m++] = (RefItem) { sp[i].start, sp[i].end, i, pass == 0 ? 't' : 'e' };
      qsort (items, m, sizeof *items, ref_cmp);
      for (guint i = 0; i < m; i++)
        {
          if (memchr (used + items[i].start, 1, items[i].end - items[i].start))
            continue;
          memset (used + items[i].start, 1, items[i].end - items[i].start);
          kept[n_kept++] = items[i];
        }
    }
  qsort (kept, n_kept, sizeof *kept, ref_cmp);
  return n_kept;
}

/* The writer keeps exactly the tags the byte-map placement keeps, for
 * random spans added in any order: nested, overlapping, equal, empty,
 * out of range and splitting a UTF-8 character. */
Test (timeml, writer_places_tags_as_a_byte_map_would)
{
  static const char text[] = "Kim met Putin at Vostochny on 13 Sept; \xc3\xa9t\xc3\xa9 talks ended late.";
  gsize len = strlen (text);
  GRand *rand = g_rand_new_with_seed (7);
  for (guint round = 0; round < 500; round++)
    {
      g_autoptr (EvlDocument) doc = evl_document_new ("p", text, -1, NULL);
      EvlSpan tx[8], ev[8];
      guint n_tx = (guint) g_rand_int_range (rand, 0, 9), n_ev = (guint) g_rand_int_range (rand, 0, 9);
      for (guint k = 0; k < MAX (n_tx, n_ev); k++)
        {
          guint32 a = (guint32) g_rand_int_range (rand, 0, (gint32) len + 2);
          guint32 w = (guint32) g_rand_int_range (rand, 0, 14);
          if (k < n_tx)
            {
              tx[k] = (EvlSpan) { a, a + w };
              EvlTimex t = { .span = tx[k], .type = EVL_TIMEX_DATE, .value = "2023-09-13", .anchor = -1 };
              evl_document_add_timex (doc, &t);
            }
          a = (guint32) g_rand_int_range (rand, 0, (gint32) len + 2);
          w = (guint32) g_rand_int_range (rand, 0, 14);
          if (k < n_ev)
            {
              ev[k] = (EvlSpan) { a, a + w };
              EvlEventMention e = { .span = ev[k], .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1 };
              evl_document_add_event_mention (doc, &e);
            }
        }
      RefItem want[16];
      guint n_want = ref_place (text, tx, n_tx, ev, n_ev, want);
      g_autofree char *xml = fx_timeml_text (doc);
      g_autoptr (EvlDocument) back = load_ok (xml);
      guint n = 0;
      const EvlGoldTag *g = evl_document_get_gold (back, &n);
      cr_assert_eq (n, n_want, "round %u: %u tags, want %u\n%s", round, n, n_want, xml);
      for (guint i = 0; i < n; i++)
        {
          char id[16];
          g_snprintf (id, sizeof id, "%c%u", want[i].kind, want[i].index + 1);
          cr_assert_str_eq (g[i].id, id, "round %u tag %u\n%s", round, i, xml);
          cr_assert_eq (g[i].span.start, want[i].start, "round %u tag %u", round, i);
          cr_assert_eq (g[i].span.end, want[i].end, "round %u tag %u", round, i);
        }
    }
  g_rand_free (rand);
}

/* Ids of one, two and three digits (the writer has a short path for the
 * first two), and MAKEINSTANCE's pos by tense: VERB unless the tense is
 * absent or exactly "NONE". */
Test (timeml, writer_ids_and_pos_by_tense)
{
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < 120; i++)
    g_string_append (text, "ran ");
  g_autoptr (EvlDocument) doc = evl_document_new ("ids", text->str, -1, NULL);
  static const char *const tenses[] = { "PAST", "NONE", NULL, "NONEX", "NON" };
  for (guint i = 0; i < 120; i++)
    {
      EvlEventMention e = { .span = { 4 * i, 4 * i + 3 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1,
                            .tense = tenses[i % G_N_ELEMENTS (tenses)] };
      evl_document_add_event_mention (doc, &e);
    }
  g_autofree char *xml = fx_timeml_text (doc);
  g_autoptr (EvlDocument) back = load_ok (xml);
  guint n = 0;
  const EvlGoldTag *g = evl_document_get_gold (back, &n);
  cr_assert_eq (n, 120u);
  for (guint i = 0; i < n; i++)
    {
      char id[8];
      g_snprintf (id, sizeof id, "e%u", i + 1);
      cr_assert_str_eq (g[i].id, id);
      const char *tense = tenses[i % G_N_ELEMENTS (tenses)];
      gboolean verb = tense && strcmp (tense, "NONE") != 0;
      g_autofree char *inst = g_strdup_printf ("<MAKEINSTANCE eventID=\"e%u\" eiid=\"ei%u\" tense=\"%s\" "
                                               "aspect=\"NONE\" polarity=\"POS\" pos=\"%s\"/>",
                                               i + 1, i + 1, tense ? tense : "NONE",
                                               verb ? "VERB" : "NOUN");
      cr_assert_not_null (strstr (xml, inst), "%s not in\n%s", inst, xml);
    }
}

/* TLINKs from hand-set tense, aspect and anchors: one row per event. */
typedef struct {
  const char *tense, *aspect;
  EvlAnchorMethod method;
  gint32 timex, cue_event;
  EvlRel cue_rel;
  const char *want;     /* the TLINK lines of this event, "" for none */
} TlinkCase;

Test (timeml, writer_tlinks_from_tense_and_anchors)
{
  /* Words 0..7 are events, 50 bytes later three timexes: "on May 2",
   * "before June", "since March" (too far for nearest_timex()). */
  static const char text[] = "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss tt uu vv ww xx on "
                             "May 2 before June since March.";
  static const TlinkCase rows[] = {
    { "PAST", "NONE", EVL_ANCHOR_NONE, -1, -1, EVL_REL_BEFORE,
      "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n" },
    { "FUTURE", "NONE", EVL_ANCHOR_CLAUSE, 0, -1, EVL_REL_BEFORE,
      "<TLINK lid=\"l2\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToTime=\"t0\"/>\n"
      "<TLINK lid=\"l3\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei2\" relatedToTime=\"t1\"/>\n" },
    { "PRESENT", "NONE", EVL_ANCHOR_CLAUSE, 1, -1, EVL_REL_BEFORE,
      "<TLINK lid=\"l4\" relType=\"BEFORE\" eventInstanceID=\"ei3\" relatedToTime=\"t2\"/>\n" },
    /* 'since': the event begins then. */
    { "PRESENT", "PROGRESSIVE", EVL_ANCHOR_CLAUSE, 2, -1, EVL_REL_BEFORE,
      "<TLINK lid=\"l5\" relType=\"INCLUDES\" eventInstanceID=\"ei4\" relatedToTime=\"t0\"/>\n"
      "<TLINK lid=\"l6\" relType=\"BEGUN_BY\" eventInstanceID=\"ei4\" relatedToTime=\"t3\"/>\n" },
    /* A timex elsewhere in the sentence, far from it, makes no link. */
    { "PRESENT", "PERFECTIVE", EVL_ANCHOR_SENTENCE, 0, -1, EVL_REL_BEFORE,
      "<TLINK lid=\"l7\" relType=\"BEFORE\" eventInstanceID=\"ei5\" relatedToTime=\"t0\"/>\n" },
    { "NONE", "NONE", EVL_ANCHOR_CUE, -1, 0, EVL_REL_AFTER,
      "<TLINK lid=\"l8\" relType=\"AFTER\" eventInstanceID=\"ei6\" relatedToEventInstance=\"ei1\"/>\n" },
    { "INFINITIVE", "NONE", EVL_ANCHOR_CUE, -1, 6, EVL_REL_SIMULTANEOUS, "" },
    { NULL, NULL, EVL_ANCHOR_CUE, -1, 1, EVL_REL_SIMULTANEOUS,
      "<TLINK lid=\"l9\" relType=\"SIMULTANEOUS\" eventInstanceID=\"ei8\" relatedToEventInstance=\"ei2\"/>\n" },
  };
  g_autoptr (EvlDocument) doc = evl_document_new ("tl", text, -1, NULL);
  evl_document_set_dct (doc, "2020-05-10", EVL_DCT_METADATA);
  static const struct { guint32 start, end; EvlTimexType type; } tx[] = {
    { 75, 80, EVL_TIMEX_DATE }, { 88, 92, EVL_TIMEX_DATE }, { 99, 104, EVL_TIMEX_DATE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (tx); i++)
    {
      /* A value naming no interval: no timex-timex link. */
      EvlTimex t = { .span = { tx[i].start, tx[i].end }, .type = tx[i].type, .value = "PAST_REF", .anchor = -1 };
      evl_document_add_timex (doc, &t);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      EvlEventMention e = { .span = { 3 * i, 3 * i + 2 }, .klass = EVL_EVENT_CLASS_OCCURRENCE,
                            .tense = rows[i].tense, .aspect = rows[i].aspect,
                            .anchor_method = rows[i].method, .timex = rows[i].timex,
                            .cue_event = rows[i].cue_event, .cue_rel = rows[i].cue_rel,
                            .agent = -1, .patient = -1, .location = -1, .source = -1 };
      evl_document_add_event_mention (doc, &e);
    }
  g_autofree char *xml = fx_timeml_text (doc);
  g_autoptr (GString) want = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append (want, rows[i].want);
  const char *first = strstr (xml, "<TLINK");
  cr_assert_not_null (first, "%s", xml);
  cr_assert (g_str_has_prefix (first, want->str), "want\n%s\ngot\n%s", want->str, first);
  cr_assert_str_eq (first + want->len, "\n</TimeML>\n");
  /* Twice the same: deterministic, and the file still reads back. */
  g_autofree char *again = fx_timeml_text (doc);
  cr_assert_str_eq (xml, again);
  g_autoptr (EvlDocument) back = load_ok (xml);
  guint n = 0;
  evl_document_get_gold (back, &n);
  cr_assert_eq (n, 3u + G_N_ELEMENTS (rows));
}

/* Event-event TLINKs between neighbours in a sentence: two events per
 * row, the second's TLINK to the first (no DCT, so no other link). */
typedef struct {
  const char *text;
  const char *w1, *w2;          /* the two trigger words */
  EvlEventClass k1;
  const char *tense2, *aspect2;
  guint32 sent2;                /* the second event's sentence */
  const char *want;             /* relType, NULL for no link */
} NeighbourCase;

static const NeighbourCase neighbour_rows[] = {
  { "Officials said the army had fired.", "said", "fired", EVL_EVENT_CLASS_REPORTING, "PAST", "PERFECTIVE", 0, "BEFORE" },
  { "Officials told us the army has fired.", "told", "fired", EVL_EVENT_CLASS_REPORTING, "PRESENT", "PERFECTIVE", 0, "BEFORE" },
  { "Officials said Monday they will vote.", "said", "vote", EVL_EVENT_CLASS_REPORTING, "FUTURE", "NONE", 0, "AFTER" },
  { "Prices are expected to rise.", "expected", "rise", EVL_EVENT_CLASS_I_STATE, "INFINITIVE", "NONE", 0, "AFTER" },
  { "The bank decided TO cut rates.", "decided", "cut", EVL_EVENT_CLASS_I_ACTION, "INFINITIVE", "NONE", 0, "AFTER" },
  /* 'began to' splits in the gold; so do a past or present simple. */
  { "Talks began to stall.", "began", "stall", EVL_EVENT_CLASS_ASPECTUAL, "INFINITIVE", "NONE", 0, NULL },
  /* Up to three words before 'to', no punctuation. */
  { "Prices are expected soon to rise.", "expected", "rise", EVL_EVENT_CLASS_I_STATE, "INFINITIVE", "NONE", 0, "AFTER" },
  { "The bank decided not to cut rates.", "decided", "cut", EVL_EVENT_CLASS_I_ACTION, "INFINITIVE", "NONE", 0,
    "AFTER" },
  { "They agreed on Monday to pay.", "agreed", "pay", EVL_EVENT_CLASS_I_ACTION, "INFINITIVE", "NONE", 0, "AFTER" },
  { "They agreed on the first Monday to pay.", "agreed", "pay", EVL_EVENT_CLASS_I_ACTION, "INFINITIVE", "NONE", 0,
    NULL },
  { "They agreed, on Monday, to pay.", "agreed", "pay", EVL_EVENT_CLASS_I_ACTION, "INFINITIVE", "NONE", 0, NULL },
  { "Talks began again to stall.", "began", "stall", EVL_EVENT_CLASS_ASPECTUAL, "INFINITIVE", "NONE", 0, NULL },
  { "They agreed on Monday to pay.", "agreed", "pay", EVL_EVENT_CLASS_I_ACTION, "PRESENT", "NONE", 0, NULL },
  /* A past report and the past simple it reports: BEFORE; a present
   * simple splits. */
  { "Officials said the army fired.", "said", "fired", EVL_EVENT_CLASS_REPORTING, "PAST", "NONE", 0, "BEFORE" },
  { "Officials say the army fires.", "say", "fires", EVL_EVENT_CLASS_REPORTING, "PRESENT", "NONE", 0, NULL },
  /* A temporal conjunction between them, before any comma and within
   * four words of the second. */
  { "Troops fled after the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "BEFORE" },
  { "Troops fled before the big blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "AFTER" },
  { "Troops fled when shells fell.", "fled", "fell", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0, "SIMULTANEOUS" },
  { "Troops waited WHILE leaders met.", "waited", "met", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0, "SIMULTANEOUS" },
  { "Troops fled, after the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, NULL },
  { "Troops fled after the first of the three blasts.", "fled", "blasts", EVL_EVENT_CLASS_OCCURRENCE, "NONE",
    "NONE", 0, NULL },
  { "Troops fled after the shelling, the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE",
    0, NULL },
  /* A bound orders them too: 'since' and 'once' and 'following' the
   * second first, 'until' and 'then' the second after. */
  { "Troops stayed since the blast.", "stayed", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "BEFORE" },
  { "Troops waited until police came.", "waited", "came", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0, "AFTER" },
  { "Troops fired and then fled.", "fired", "fled", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0, "AFTER" },
  { "Talks resume once the fighting stops.", "resume", "stops", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", "NONE", 0,
    "BEFORE" },
  { "Troops fled FOLLOWING the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "BEFORE" },
  { "Troops fled, following the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, NULL },
  /* A cause before its effect. */
  { "Flights stopped because of the strike.", "stopped", "strike", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0,
    "BEFORE" },
  { "Flights stopped BECAUSE workers struck.", "stopped", "struck", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0,
    "BEFORE" },
  { "Flights stopped, because of the strike.", "stopped", "strike", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0,
    NULL },
  /* A clause opening the sentence with 'after' or 'once': the event
   * after its comma comes after; not another conjunction, nor one that
   * does not open the sentence. */
  { "After the talks collapsed, troops attacked.", "collapsed", "attacked", EVL_EVENT_CLASS_OCCURRENCE, "PAST",
    "NONE", 0, "AFTER" },
  { "Rain fell. \"Once the deal was signed, prices rose.", "signed", "rose", EVL_EVENT_CLASS_OCCURRENCE, "PAST",
    "NONE", 0, "AFTER" },
  { "When the talks collapsed, troops attacked.", "collapsed", "attacked", EVL_EVENT_CLASS_OCCURRENCE, "PAST",
    "NONE", 0, NULL },
  { "Police said after the talks collapsed, troops attacked.", "collapsed", "attacked",
    EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0, NULL },
  { "After the long and bitter talks finally collapsed, troops attacked.", "collapsed", "attacked",
    EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0, NULL },
  { "After the talks collapsed (again), troops attacked.", "collapsed", "attacked", EVL_EVENT_CLASS_OCCURRENCE,
    "PAST", "NONE", 0, NULL },
  { "Troops fled as the blast came.", "fled", "came", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0, NULL },
  { "Troops fled in the hours AFTER the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0,
    "BEFORE" },
  { "Troops fled, it seems, in the hours after the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE",
    "NONE", 0, NULL },
  /* The same after a long lead-in (64 bytes or more before the second
   * event: conjunction_rel()'s vector path). */
#define LEAD "Late on the evening of the tenth day of the long talks in the capital city "
  { LEAD "troops fled after the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "BEFORE" },
  { LEAD "troops fled in the hours before the big blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE",
    "NONE", 0, "AFTER" },
  { LEAD "troops fled, after the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, NULL },
  { LEAD "troops fled after the first of the three blasts.", "fled", "blasts", EVL_EVENT_CLASS_OCCURRENCE, "NONE",
    "NONE", 0, NULL },
  { LEAD "troops fled as the blast came.", "fled", "came", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0, NULL },
  { LEAD "troops fled in the hours following the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE, "NONE",
    "NONE", 0, "BEFORE" },
  { LEAD "troops fled, it seems, in the hours after the blast.", "fled", "blast", EVL_EVENT_CLASS_OCCURRENCE,
    "NONE", "NONE", 0, NULL },
  { LEAD "troops fled in the long and cold hours\tafter\nthe blast.", "fled", "blast",
    EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "BEFORE" },
  { "Troops fled in the long, long and very cold hours of that night WHEN the blast came.", "fled", "came",
    EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE", 0, NULL },
#undef LEAD
  /* A noun event as the object of an intention (later) or a report
   * (earlier): at most a determiner and two words between. */
  { "Leaders demanded an inquiry.", "demanded", "inquiry", EVL_EVENT_CLASS_I_ACTION, "NONE", "NONE", 0, "AFTER" },
  { "Police reported the attack.", "reported", "attack", EVL_EVENT_CLASS_REPORTING, "NONE", "NONE", 0, "BEFORE" },
  { "Leaders demanded inquiry.", "demanded", "inquiry", EVL_EVENT_CLASS_I_ACTION, "NONE", "NONE", 0, "AFTER" },
  { "Leaders demanded swift inquiry.", "demanded", "inquiry", EVL_EVENT_CLASS_I_ACTION, "NONE", "NONE", 0, NULL },
  { "Leaders demanded an open, fair inquiry.", "demanded", "inquiry", EVL_EVENT_CLASS_I_ACTION, "NONE", "NONE",
    0, NULL },
  { "Leaders demanded the long awaited full inquiry.", "demanded", "inquiry", EVL_EVENT_CLASS_I_ACTION, "NONE",
    "NONE", 0, NULL },
  /* A verb then 'in' or 'during' a noun event (inside it), or 'for' one
   * (before it), within three words. */
  { "Ten died in the attack.", "died", "attack", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "INCLUDES" },
  { "Ten died DURING the long siege.", "died", "siege", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "INCLUDES" },
  { "They pressed for early talks.", "pressed", "talks", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "AFTER" },
  { "Ten died in the long and bitter siege.", "died", "siege", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, NULL },
  { "Ten died in Gaza's attack.", "died", "attack", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "INCLUDES" },
  { "Ten died in (the) attack.", "died", "attack", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, NULL },
  { "Ten died in the city fighting.", "died", "fighting", EVL_EVENT_CLASS_OCCURRENCE, "PRESPART", "NONE", 0, NULL },
  /* A noun event within three plain words after a past OCCURRENCE or
   * REPORTING verb that no rule above relates: the noun's event first;
   * not after another class, tense or a longer or punctuated gap. */
  { "Troops stopped the attack.", "stopped", "attack", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "BEFORE" },
  { "He died of his wounds.", "died", "wounds", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "BEFORE" },
  { "Families fled from the fighting.", "fled", "fighting", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, "BEFORE" },
  { "Families fled the long heavy street fighting.", "fled", "fighting", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0,
    NULL },
  { "Families fled, fearing the fighting.", "fled", "fighting", EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE", 0, NULL },
  { "Officials saw the attack.", "saw", "attack", EVL_EVENT_CLASS_PERCEPTION, "NONE", "NONE", 0, NULL },
  { "Police reported heavy fighting.", "reported", "fighting", EVL_EVENT_CLASS_REPORTING, "NONE", "NONE", 0,
    "BEFORE" },
  { "Troops stopped the attacking.", "stopped", "attacking", EVL_EVENT_CLASS_OCCURRENCE, "PRESPART", "NONE", 0,
    NULL },
  /* Not a reporting event, punctuation between it and 'to', punctuation or
   * more than six words, or another sentence: none. */
  { "Troops arrived and will stay.", "arrived", "stay", EVL_EVENT_CLASS_OCCURRENCE, "FUTURE", "NONE", 0, NULL },
  { "Prices are expected soon, to rise.", "expected", "rise", EVL_EVENT_CLASS_I_STATE, "INFINITIVE", "NONE", 0, NULL },
  { "Officials said, again, they will vote.", "said", "vote", EVL_EVENT_CLASS_REPORTING, "FUTURE", "NONE", 0, NULL },
  { "Officials said the members of the new board will vote.", "said", "vote", EVL_EVENT_CLASS_REPORTING, "FUTURE",
    "NONE", 0, NULL },
  { "Officials said so. They will vote.", "said", "vote", EVL_EVENT_CLASS_REPORTING, "FUTURE", "NONE", 1, NULL },
};

static void
check_neighbours (const NeighbourCase *row)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("nb", row->text, -1, NULL);
  const char *a = strstr (row->text, row->w1), *b = strstr (row->text, row->w2);
  cr_assert (a && b && a < b);
  EvlEventMention e1 = { .span = { (guint32) (a - row->text), (guint32) (a - row->text + strlen (row->w1)) },
                         .klass = row->k1, .tense = "PAST", .aspect = "NONE", .timex = -1,
                         .cue_event = -1, .agent = -1, .patient = -1, .location = -1, .source = -1 };
  EvlEventMention e2 = e1;
  e2.span = (EvlSpan) { (guint32) (b - row->text), (guint32) (b - row->text + strlen (row->w2)) };
  e2.klass = EVL_EVENT_CLASS_OCCURRENCE;
  e2.tense = row->tense2;
  e2.aspect = row->aspect2;
  e2.sentence = row->sent2;
  evl_document_add_event_mention (doc, &e1);
  evl_document_add_event_mention (doc, &e2);
  g_autofree char *xml = fx_timeml_text (doc);
  const char *first = strstr (xml, "<TLINK");
  /* cr_expect: every row that fails is reported, not the first only. */
  if (row->want == NULL)
    {
      cr_expect_null (first, "%s: %s", row->text, xml);
      return;
    }
  g_autofree char *want = g_strdup_printf ("<TLINK lid=\"l1\" relType=\"%s\" eventInstanceID=\"ei2\" "
                                           "relatedToEventInstance=\"ei1\"/>\n\n</TimeML>\n",
                                           row->want);
  cr_expect_not_null (first, "%s: %s", row->text, xml);
  if (first)
    cr_expect_str_eq (first, want, "%s", row->text);
}

Test (timeml, writer_tlinks_between_neighbours)
{
  for (guint i = 0; i < G_N_ELEMENTS (neighbour_rows); i++)
    check_neighbours (&neighbour_rows[i]);
}

/* An event of class @k, tense @tense and aspect @aspect (NULL: NONE),
 * over the first @word of @text, in sentence @sent. */
static void
add_word_event_aspect (EvlDocument *doc, const char *text, const char *word, EvlEventClass k,
                       const char *tense, const char *aspect, guint32 sent)
{
  const char *w = strstr (text, word);
  cr_assert_not_null (w, "%s in %s", word, text);
  guint32 at = (guint32) (w - text);
  EvlEventMention e = { .span = { at, at + (guint32) strlen (word) }, .sentence = sent, .klass = k,
                        .tense = tense, .aspect = aspect ? aspect : "NONE", .timex = -1, .cue_event = -1, .agent = -1,
                        .patient = -1, .location = -1, .source = -1 };
  evl_document_add_event_mention (doc, &e);
}

static void
add_word_event (EvlDocument *doc, const char *text, const char *word, EvlEventClass k, const char *tense,
                guint32 sent)
{
  add_word_event_aspect (doc, text, word, k, tense, NULL, sent);
}

/* The TLINK lines of @xml, "" for none. */
static char *
tlink_lines (const char *xml)
{
  const char *first = strstr (xml, "<TLINK");
  if (first == NULL)
    return g_strdup ("");
  const char *end = strstr (first, "\n\n</TimeML>");
  cr_assert_not_null (end, "%s", xml);
  return g_strndup (first, (gsize) (end - first + 1));
}

/* A noun event after a past verb of lemma @lemma, three words between:
 * BEFORE it, but not after a light verb, whose object is its own event
 * ('made another raid'). */
Test (timeml, writer_tlinks_light_verb_object)
{
  static const struct {
    const char *text, *verb, *lemma, *want;
  } rows[] = {
    { "Rebels staged another raid.", "staged", "stage", "" },
    { "Rebels made another raid.", "made", "make", "" },
    { "Rebels fled another raid.", "fled", "flee",
      "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (EvlDocument) doc = evl_document_new ("lv", rows[i].text, -1, NULL);
      const char *text = rows[i].text;
      guint32 v = (guint32) (strstr (text, rows[i].verb) - text), n = (guint32) (strstr (text, "raid") - text);
      EvlEventMention e = { .span = { v, v + (guint32) strlen (rows[i].verb) }, .klass = EVL_EVENT_CLASS_OCCURRENCE,
                            .lemma = rows[i].lemma, .tense = "PAST", .aspect = "NONE", .timex = -1,
                            .cue_event = -1, .agent = -1, .patient = -1, .location = -1, .source = -1 };
      evl_document_add_event_mention (doc, &e);
      e.span = (EvlSpan) { n, n + 4 };
      e.lemma = "raid";
      e.tense = "NONE";
      evl_document_add_event_mention (doc, &e);
      g_autofree char *xml = fx_timeml_text (doc);
      g_autofree char *got = tlink_lines (xml);
      cr_expect_str_eq (got, rows[i].want, "%s", text);
    }
}

/* An event told with a modal auxiliary after the event before it
 * ('said they would appeal'): AFTER it, within three words counting the
 * modal and no punctuation; not a modal verb or adjective ('expected
 * to', 'likely'), which other rules weigh. */
typedef struct {
  const char *text, *w1, *w2;
  EvlEventClass k1;
  const char *modality2;
  const char *want;             /* relType, NULL for no link */
} ModalCase;

static const ModalCase modal_rows[] = {
  { "They said they would appeal.", "said", "appeal", EVL_EVENT_CLASS_REPORTING, "would", "AFTER" },
  { "Rebels warned they COULD strike.", "warned", "strike", EVL_EVENT_CLASS_OCCURRENCE, "could", "AFTER" },
  { "Leaders met and talks may resume.", "met", "resume", EVL_EVENT_CLASS_OCCURRENCE, "may", "AFTER" },
  { "Leaders met so talks can resume.", "met", "resume", EVL_EVENT_CLASS_OCCURRENCE, "can", "AFTER" },
  { "They said the two sides would resume.", "said", "resume", EVL_EVENT_CLASS_REPORTING, "would", NULL },
  { "They said, again, it would appeal.", "said", "appeal", EVL_EVENT_CLASS_REPORTING, "would", NULL },
  { "They thought talks likely resume.", "thought", "resume", EVL_EVENT_CLASS_I_STATE, "likely", NULL },
  { "They said so. They would appeal.", "said", "appeal", EVL_EVENT_CLASS_REPORTING, "would", NULL },
};

Test (timeml, writer_tlinks_modal_after_its_neighbour)
{
  for (guint i = 0; i < G_N_ELEMENTS (modal_rows); i++)
    {
      const ModalCase *row = &modal_rows[i];
      g_autoptr (EvlDocument) doc = evl_document_new ("md", row->text, -1, NULL);
      add_word_event (doc, row->text, row->w1, row->k1, "PAST", 0);
      const char *b = strstr (row->text, row->w2);
      cr_assert_not_null (b);
      guint32 at = (guint32) (b - row->text);
      EvlEventMention e = { .span = { at, at + (guint32) strlen (row->w2) },
                            .sentence = strchr (row->text, '.') < b ? 1 : 0, .klass = EVL_EVENT_CLASS_OCCURRENCE,
                            .tense = "NONE", .aspect = "NONE", .modality = row->modality2, .timex = -1,
                            .cue_event = -1, .agent = -1, .patient = -1, .location = -1, .source = -1 };
      evl_document_add_event_mention (doc, &e);
      g_autofree char *xml = fx_timeml_text (doc);
      g_autofree char *got = tlink_lines (xml);
      g_autofree char *want = row->want ? g_strdup_printf ("<TLINK lid=\"l1\" relType=\"%s\" eventInstanceID=\"ei2\" "
                                                           "relatedToEventInstance=\"ei1\"/>\n", row->want)
                                        : g_strdup ("");
      cr_expect_str_eq (got, want, "%s", row->text);
    }
}

/* A report in the present and the past simple it reports, on either
 * side: the event came first; a present simple it reports splits. */
Test (timeml, writer_tlinks_present_report)
{
  static const struct {
    const char *text, *tense;
    gboolean report_first;
    const char *want;
  } rows[] = {
    { "Officials say the rebels attacked.", "PAST", TRUE,
      "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n" },
    { "The rebels attacked, officials say.", "PAST", FALSE,
      "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToEventInstance=\"ei2\"/>\n" },
    { "Officials say the rebels attack.", "PRESENT", TRUE, "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (EvlDocument) doc = evl_document_new ("pr", rows[i].text, -1, NULL);
      const char *verb = rows[i].tense[1] == 'A' ? "attacked" : "attack";
      if (rows[i].report_first)
        add_word_event (doc, rows[i].text, "say", EVL_EVENT_CLASS_REPORTING, "PRESENT", 0);
      add_word_event (doc, rows[i].text, verb, EVL_EVENT_CLASS_OCCURRENCE, rows[i].tense, 0);
      if (!rows[i].report_first)
        add_word_event (doc, rows[i].text, "say", EVL_EVENT_CLASS_REPORTING, "PRESENT", 0);
      g_autofree char *xml = fx_timeml_text (doc);
      g_autofree char *got = tlink_lines (xml);
      cr_expect_str_eq (got, rows[i].want, "%s", rows[i].text);
    }
}

/* A present simple: a state holds at the DCT, a report falls in it, an
 * occurrence gets none (its gold relations split). */
Test (timeml, writer_tlinks_present_simple_dct)
{
  static const char text[] = "Experts believe it. Officials say so. Workers strike often.";
  g_autoptr (EvlDocument) doc = evl_document_new ("pr", text, -1, NULL);
  evl_document_set_dct (doc, "2020-05-10", EVL_DCT_METADATA);
  add_word_event (doc, text, "believe", EVL_EVENT_CLASS_I_STATE, "PRESENT", 0);
  add_word_event (doc, text, "say", EVL_EVENT_CLASS_REPORTING, "PRESENT", 1);
  add_word_event (doc, text, "strike", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", 2);
  g_autofree char *xml = fx_timeml_text (doc);
  g_autofree char *got = tlink_lines (xml);
  cr_assert_str_eq (got,
                    "<TLINK lid=\"l1\" relType=\"INCLUDES\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n"
                    "<TLINK lid=\"l2\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei2\" relatedToTime=\"t0\"/>\n");
}

/* The date or time nearest an event in its sentence, without a clause
 * anchor, within 50 bytes: one event, timexes over the words listed; no
 * DCT. */
typedef struct {
  const char *text, *event;
  const char *tx[2];            /* timex words, NULL-ended */
  EvlTimexType type;            /* of every timex */
  guint32 tx_sent;              /* the timexes' sentence (the event's: 0) */
  const char *want;             /* the TLINK line's relType and timex, NULL for none */
} NearCase;

static const NearCase near_rows[] = {
  { "Police said Friday.", "said", { "Friday" }, EVL_TIMEX_DATE, 0, "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  { "On Friday, police said so.", "said", { "Friday" }, EVL_TIMEX_DATE, 0, "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  { "Talks ended before noon.", "ended", { "noon" }, EVL_TIMEX_TIME, 0, "BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  /* A tie goes to the timex before it. */
  { "Friday police met police Monday.", "met", { "Friday", "Monday" }, EVL_TIMEX_DATE, 0,
    "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  { "Police met a week ago on Monday.", "met", { "week", "Monday" }, EVL_TIMEX_DATE, 0,
    "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  /* 'since' and 'from' a start, 'by' a deadline. */
  { "Troops stayed since May.", "stayed", { "May" }, EVL_TIMEX_DATE, 0, "BEGUN_BY\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  { "Troops stayed from May.", "stayed", { "May" }, EVL_TIMEX_DATE, 0, "BEGUN_BY\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  { "Troops left by May.", "left", { "May" }, EVL_TIMEX_DATE, 0, "BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  { "Talks slipped to May.", "slipped", { "May" }, EVL_TIMEX_DATE, 0, "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  /* A duration: within it. */
  { "Troops waited two days.", "waited", { "two days" }, EVL_TIMEX_DURATION, 0,
    "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  { "Prices rose in the past year.", "rose", { "the past year" }, EVL_TIMEX_DURATION, 0,
    "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  /* A set: within it too. */
  { "Police met daily.", "met", { "daily" }, EVL_TIMEX_SET, 0, "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  /* The end of an interval, more than 50 bytes away or another
   * sentence: none. */
  { "Troops stayed until May.", "stayed", { "May" }, EVL_TIMEX_DATE, 0, NULL },
  { "Troops stayed until two days later.", "stayed", { "two days later" }, EVL_TIMEX_DURATION, 0, NULL },
  { "Police said that one two three four five six seven eight nine ten May.", "said", { "May" }, EVL_TIMEX_DATE, 0, NULL },
  { "Police said that one two three four five six seven eight May.", "said", { "May" }, EVL_TIMEX_DATE, 0,
    "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" },
  { "Police said so. It was May.", "said", { "May" }, EVL_TIMEX_DATE, 1, NULL },
};

/* Checks @row with the event in @tense and of class @k. */
static void
check_near (const NearCase *row, const char *tense, EvlEventClass k)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("near", row->text, -1, NULL);
  for (guint t = 0; t < G_N_ELEMENTS (row->tx) && row->tx[t]; t++)
    {
      const char *w = strstr (row->text, row->tx[t]);
      cr_assert_not_null (w);
      guint32 at = (guint32) (w - row->text);
      /* A value naming no interval: no timex-timex link. */
      EvlTimex x = { .span = { at, at + (guint32) strlen (row->tx[t]) }, .sentence = row->tx_sent,
                     .type = row->type, .value = "PAST_REF", .anchor = -1 };
      evl_document_add_timex (doc, &x);
    }
  add_word_event (doc, row->text, row->event, k, tense, 0);
  g_autofree char *xml = fx_timeml_text (doc);
  g_autofree char *got = tlink_lines (xml);
  g_autofree char *want = row->want ? g_strdup_printf ("<TLINK lid=\"l1\" relType=\"%s\"/>\n", row->want)
                                    : g_strdup ("");
  cr_assert_str_eq (got, want, "%s", row->text);
}

Test (timeml, writer_tlinks_nearest_timex)
{
  for (guint i = 0; i < G_N_ELEMENTS (near_rows); i++)
    check_near (&near_rows[i], "PAST", EVL_EVENT_CLASS_OCCURRENCE);
}

/* By the event's form and class: an infinitive or a future the story
 * pass did not anchor takes no date only for being near it (the date
 * is mostly the main verb's), another tense does; a report or an
 * attitude takes no duration near it (what it tells does), a date
 * still. */
static const struct {
  NearCase c;
  const char *tense;
  EvlEventClass k;
} near_form_rows[] = {
  { { "Police agreed Friday to pay.", "pay", { "Friday" }, EVL_TIMEX_DATE, 0, NULL }, "INFINITIVE",
    EVL_EVENT_CLASS_OCCURRENCE },
  { { "Police said Friday they will pay.", "pay", { "Friday" }, EVL_TIMEX_DATE, 0, NULL }, "FUTURE",
    EVL_EVENT_CLASS_OCCURRENCE },
  { { "Police said Friday they pay.", "pay", { "Friday" }, EVL_TIMEX_DATE, 0,
      "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" }, "PRESENT", EVL_EVENT_CLASS_OCCURRENCE },
  { { "Police said Friday they were paying.", "paying", { "Friday" }, EVL_TIMEX_DATE, 0,
      "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" }, "PRESPART", EVL_EVENT_CLASS_OCCURRENCE },
  { { "Firms said sales rose in the past year.", "said", { "the past year" }, EVL_TIMEX_DURATION, 0, NULL },
    "PAST", EVL_EVENT_CLASS_REPORTING },
  { { "Firms expect growth over the next two years.", "expect", { "the next two years" }, EVL_TIMEX_DURATION, 0,
      NULL }, "PRESENT", EVL_EVENT_CLASS_I_STATE },
  { { "Firms said Friday.", "said", { "Friday" }, EVL_TIMEX_DATE, 0,
      "IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1" }, "PAST", EVL_EVENT_CLASS_REPORTING },
};

Test (timeml, writer_tlinks_nearest_timex_by_form)
{
  for (guint i = 0; i < G_N_ELEMENTS (near_form_rows); i++)
    check_near (&near_form_rows[i].c, near_form_rows[i].tense, near_form_rows[i].k);
}

/* Timex-timex links from the values alone: each DATE or TIME, in the
 * order of its interval's start, linked to the nearest before it that
 * it relates to; the rest by closure. */
Test (timeml, writer_tlinks_between_timexes)
{
  static const char text[] = "aa bb cc dd ee ff gg hh ii jj kk ll.";
  static const struct {
    const char *value, *mod;
    EvlTimexType type;
  } tx[] = {
    { "1998-03-17", NULL, EVL_TIMEX_DATE },       /* t1, a Tuesday */
    { "1998-W12", NULL, EVL_TIMEX_DATE },         /* t2, 16 to 22 March */
    { "PRESENT_REF", NULL, EVL_TIMEX_DATE },      /* t3, no interval */
    { "1998-03", "START", EVL_TIMEX_DATE },       /* t4, early March */
    { "1998-03", NULL, EVL_TIMEX_DATE },          /* t5 */
    { "1997", NULL, EVL_TIMEX_DATE },             /* t6 */
    { "1998-03-17", NULL, EVL_TIMEX_DATE },       /* t7 */
    { "1998-03-17T10:30", NULL, EVL_TIMEX_TIME }, /* t8 */
    { "199", NULL, EVL_TIMEX_DATE },              /* t9, the 1990s */
    { "1998-W12-WE", NULL, EVL_TIMEX_DATE },      /* t10, 21 and 22 March */
    { "1998-02-30", NULL, EVL_TIMEX_DATE },       /* t11, no such day */
    { "P1D", NULL, EVL_TIMEX_DURATION },          /* t12 */
  };
  g_autoptr (EvlDocument) doc = evl_document_new ("tt", text, -1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tx); i++)
    {
      EvlTimex t = { .span = { 3 * i, 3 * i + 2 }, .type = tx[i].type, .value = tx[i].value,
                     .mod = tx[i].mod, .anchor = -1 };
      evl_document_add_timex (doc, &t);
    }
  g_autofree char *xml = fx_timeml_text (doc);
  g_autofree char *got = tlink_lines (xml);
#define TT(n, rel, a, b) "<TLINK lid=\"l" #n "\" relType=\"" rel "\" timeID=\"t" #a "\" relatedToTime=\"t" #b "\"/>\n"
  cr_assert_str_eq (got,
                    TT (1, "INCLUDES", 9, 6) TT (2, "BEFORE", 6, 5)
                    /* Early March lies in March; what else lies in March
                     * need not lie in its early part. */
                    TT (3, "INCLUDES", 5, 4) TT (4, "INCLUDES", 5, 2)
                    TT (5, "INCLUDES", 2, 1) TT (6, "SIMULTANEOUS", 1, 7) TT (7, "INCLUDES", 7, 8)
                    TT (8, "BEFORE", 8, 10));
#undef TT
}

/* A noun event of @lemma over @text[@at, @at + @len) in sentence @sent. */
static void
add_noun_event (EvlDocument *doc, const char *lemma, guint32 at, guint32 len, guint32 sent)
{
  EvlEventMention e = { .span = { at, at + len }, .sentence = sent, .klass = EVL_EVENT_CLASS_OCCURRENCE,
                        .lemma = lemma, .tense = "NONE", .aspect = "NONE", .timex = -1, .cue_event = -1,
                        .agent = -1, .patient = -1, .location = -1, .source = -1 };
  evl_document_add_event_mention (doc, &e);
}

/* An event noun written again, singular or plural, is the same event
 * (IDENTITY, to the last mention before it); not another form of its
 * lemma ('bidding'), nor a mention dated apart from it. */
Test (timeml, writer_tlinks_same_noun)
{
  static const char text[] = "The bombing shook the city. Rescuers came after the bombings ended. "
                             "A bid came and bidding began. The bid failed.";
  g_autoptr (EvlDocument) doc = evl_document_new ("id", text, -1, NULL);
  add_noun_event (doc, "bombing", 4, 7, 0);
  add_word_event (doc, text, "shook", EVL_EVENT_CLASS_OCCURRENCE, "PAST", 0);
  add_noun_event (doc, "bombing", (guint32) (strstr (text, "bombings") - text), 8, 1);
  add_word_event (doc, text, "ended", EVL_EVENT_CLASS_OCCURRENCE, "PAST", 1);
  add_noun_event (doc, "bid", (guint32) (strstr (text, "bid ") - text), 3, 2);
  add_noun_event (doc, "bid", (guint32) (strstr (text, "bidding") - text), 7, 2);
  add_noun_event (doc, "bid", (guint32) (strstr (text, "bid failed") - text), 3, 3);
  g_autofree char *xml = fx_timeml_text (doc);
  g_autofree char *got = tlink_lines (xml);
  cr_assert_str_eq (got,
                    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n"
                    "<TLINK lid=\"l2\" relType=\"IDENTITY\" eventInstanceID=\"ei3\" relatedToEventInstance=\"ei1\"/>\n"
                    "<TLINK lid=\"l3\" relType=\"AFTER\" eventInstanceID=\"ei4\" relatedToEventInstance=\"ei3\"/>\n"
                    "<TLINK lid=\"l4\" relType=\"IDENTITY\" eventInstanceID=\"ei7\" relatedToEventInstance=\"ei5\"/>\n");

  static const char dated[] = "The vote in May passed. The vote in June failed.";
  g_autoptr (EvlDocument) apart = evl_document_new ("apart", dated, -1, NULL);
  static const struct { const char *w, *value; } tx[] = { { "May", "2020-05" }, { "June", "2020-06" } };
  for (guint i = 0; i < G_N_ELEMENTS (tx); i++)
    {
      guint32 at = (guint32) (strstr (dated, tx[i].w) - dated);
      EvlTimex t = { .span = { at, at + (guint32) strlen (tx[i].w) }, .sentence = i, .type = EVL_TIMEX_DATE,
                     .value = tx[i].value, .anchor = -1 };
      evl_document_add_timex (apart, &t);
    }
  add_noun_event (apart, "vote", 4, 4, 0);
  add_noun_event (apart, "vote", (guint32) (strstr (dated, "vote in June") - dated), 4, 1);
  g_autofree char *xml2 = fx_timeml_text (apart);
  g_autofree char *got2 = tlink_lines (xml2);
  /* The timex link first, then each vote in its month. */
  cr_assert_str_eq (got2,
                    "<TLINK lid=\"l1\" relType=\"BEFORE\" timeID=\"t1\" relatedToTime=\"t2\"/>\n"
                    "<TLINK lid=\"l2\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>\n"
                    "<TLINK lid=\"l3\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei2\" relatedToTime=\"t2\"/>\n");
}

/* A noun event whose lemma was not seen before names the event of the
 * last noun of its story type in its sentence or the one before
 * (IDENTITY); not one two sentences back, not a verb of the type, not
 * two nouns of type OTHER. */
Test (timeml, writer_tlinks_same_type_noun)
{
  static const char text[] = "The blast came. Then the bombing. Troops attacked. A raid. Then a raid. "
                             "The crash. The fall.";
  static const struct {
    const char *word, *lemma, *type, *tense;
    guint32 sent;
  } rows[] = {
    { "blast", "blast", "ATTACK", "NONE", 0 },    { "bombing", "bombing", "ATTACK", "NONE", 1 },
    { "attacked", "attack", "ATTACK", "PAST", 2 }, { "raid", "raid", "ATTACK", "NONE", 3 },
    { "crash", "crash", "OTHER", "NONE", 5 },     { "fall", "fall", "OTHER", "NONE", 6 },
  };
  g_autoptr (EvlDocument) doc = evl_document_new ("ty", text, -1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      guint32 at = (guint32) (strstr (text, rows[i].word) - text);
      EvlEventMention e = { .span = { at, at + (guint32) strlen (rows[i].word) }, .sentence = rows[i].sent,
                            .klass = EVL_EVENT_CLASS_OCCURRENCE, .lemma = rows[i].lemma, .type = rows[i].type,
                            .tense = rows[i].tense, .aspect = "NONE", .timex = -1, .cue_event = -1, .agent = -1,
                            .patient = -1, .location = -1, .source = -1 };
      evl_document_add_event_mention (doc, &e);
    }
  g_autofree char *xml = fx_timeml_text (doc);
  g_autofree char *got = tlink_lines (xml);
  /* 'raid' is three sentences after 'bombing', two after 'attacked'. */
  cr_assert_str_eq (got, "<TLINK lid=\"l1\" relType=\"IDENTITY\" eventInstanceID=\"ei2\" "
                         "relatedToEventInstance=\"ei1\"/>\n");
}

/* A clause opening its sentence with 'after' or 'once', in a document
 * split into sentences: the opening word found from the sentence's span
 * (the rows of writer_tlinks_between_neighbours have no sentences), also
 * after a dateline with no full stop.  The first sentence is the
 * first ten bytes of each. */
Test (timeml, writer_tlinks_fronted_clause_by_sentence)
{
  static const char *const texts[] = {
    "LIMA (AP)_ After the talks collapsed, troops attacked.",
    "Rain fell. \"Once the talks collapsed, troops attacked.",
    "Rain fell. When the talks collapsed, troops attacked.",
  };
  static const char *const want[] = {
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n",
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n",
    "",
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (EvlDocument) doc = evl_document_new ("fr", texts[i], -1, NULL);
      EvlSentence s[2] = { { .span = { 0, 10 } }, { .span = { 11, (guint32) strlen (texts[i]) } } };
      evl_document_add_sentences (doc, s, 2);
      add_word_event (doc, texts[i], "collapsed", EVL_EVENT_CLASS_OCCURRENCE, "PAST", 1);
      add_word_event (doc, texts[i], "attacked", EVL_EVENT_CLASS_OCCURRENCE, "PAST", 1);
      g_autofree char *xml = fx_timeml_text (doc);
      g_autofree char *got = tlink_lines (xml);
      cr_expect_str_eq (got, want[i], "%s", texts[i]);
    }
}

/* The first noun of a verb's lemma names the verb's event (IDENTITY) when
 * the verb is in the same sentence or the two before; a noun of the
 * lemma before it takes precedence, and a verb farther back gets none.
 * Each row: events of lemma 'attack' over the first 'attack' at or after
 * @at[k] (a verb, 'attacked', when @tense[k] is PAST), in @sent[k]. */
typedef struct {
  const char *text;
  const char *at[3];
  const char *tense[3];
  guint32 sent[3];
  const char *want;
} VerbNounCase;

static const VerbNounCase verb_noun_rows[] = {
  { "Troops attacked the town. Rain fell. The attack ended.", { "attacked", "attack ended" }, { "PAST", "NONE" },
    { 0, 2 }, "<TLINK lid=\"l1\" relType=\"IDENTITY\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n" },
  { "Troops attacked the town. Rain fell. Snow fell. The attack ended.", { "attacked", "attack ended" },
    { "PAST", "NONE" }, { 0, 3 }, "" },
  { "The attack began at dawn. Troops attacked again. The attack ended.", { "attack began", "attacked", "attack ended" },
    { "NONE", "PAST", "NONE" }, { 0, 1, 2 },
    "<TLINK lid=\"l1\" relType=\"IDENTITY\" eventInstanceID=\"ei3\" relatedToEventInstance=\"ei1\"/>\n" },
};

Test (timeml, writer_tlinks_noun_names_verb)
{
  for (guint i = 0; i < G_N_ELEMENTS (verb_noun_rows); i++)
    {
      const VerbNounCase *row = &verb_noun_rows[i];
      g_autoptr (EvlDocument) doc = evl_document_new ("vn", row->text, -1, NULL);
      for (guint k = 0; k < G_N_ELEMENTS (row->at) && row->at[k]; k++)
        {
          const char *w = strstr (row->text, row->at[k]);
          cr_assert_not_null (w, "%s in %s", row->at[k], row->text);
          guint32 at = (guint32) (w - row->text);
          guint32 len = strcmp (row->tense[k], "PAST") == 0 ? sizeof "attacked" - 1 : sizeof "attack" - 1;
          EvlEventMention e = { .span = { at, at + len }, .sentence = row->sent[k],
                                .klass = EVL_EVENT_CLASS_OCCURRENCE, .lemma = "attack", .tense = row->tense[k],
                                .aspect = "NONE", .timex = -1, .cue_event = -1, .agent = -1, .patient = -1,
                                .location = -1, .source = -1 };
          evl_document_add_event_mention (doc, &e);
        }
      g_autofree char *xml = fx_timeml_text (doc);
      g_autofree char *got = tlink_lines (xml);
      cr_expect_str_eq (got, row->want, "%s", row->text);
    }
}

/* Links within a sentence that need each event's tense: up to three
 * events per row, one sentence, no DCT.  First a past report and the
 * nearest finite verb on either side, up to another report. */
typedef struct {
  const char *text;
  const char *word[3];
  EvlEventClass klass[3];
  const char *tense[3];
  const char *want;             /* the TLINK lines */
  const char *aspect[3];        /* NULL: NONE */
} SentenceCase;

static const SentenceCase sentence_rows[] = {
  { "Troops fired and fled, officials said.", { "fired", "fled", "said" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_REPORTING }, { "PAST", "PAST", "PAST" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n"
    "<TLINK lid=\"l2\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei3\"/>\n",
    { NULL } },
  { "Troops fired, a witness told reporters officials said.", { "fired", "told", "said" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_REPORTING, EVL_EVENT_CLASS_REPORTING }, { "PAST", "PAST", "PAST" },
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToEventInstance=\"ei2\"/>\n",
    { NULL } },
  { "Troops fired and had fled, officials said.", { "fired", "fled", "said" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_REPORTING }, { "PAST", "PAST", "PAST" },
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n"
    "<TLINK lid=\"l2\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei3\"/>\n",
    { NULL, "PERFECTIVE", NULL } },
  { "Officials said the troops who fired have fled.", { "said", "fired", "fled" },
    { EVL_EVENT_CLASS_REPORTING, EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PRESENT", "PRESENT" },
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n",
    { NULL, "PERFECTIVE", NULL } },
  /* A present reported in the past: not by this rule. */
  { "Officials said, in a statement, that troops fire.", { "said", "fire" },
    { EVL_EVENT_CLASS_REPORTING, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PRESENT" }, "", { NULL } },
  /* A noun event and the finite verb it is the subject of: AFTER; not an
   * aspectual verb or a participle, nor with four words or punctuation
   * between. */
  { "The blast killed ten.", { "blast", "killed" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "NONE", "PAST" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "The talks soon resumed.", { "talks", "resumed" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "NONE", "PAST" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "The talks began.", { "talks", "began" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_ASPECTUAL },
    { "NONE", "PAST" }, "", { NULL } },
  { "The vote reflects fears.", { "vote", "reflects" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_I_STATE },
    { "NONE", "PRESENT" }, "", { NULL } },
  { "The talks very soon resumed.", { "talks", "resumed" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "NONE", "PAST" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "The attack on the embassy killed ten.", { "attack", "killed" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "NONE", "PAST" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "The talks in the capital very soon resumed.", { "talks", "resumed" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "NONE", "PAST" }, "", { NULL } },
  { "The talks, soon, resumed.", { "talks", "resumed" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "NONE", "PAST" }, "", { NULL } },
  /* A verb that only tells its subject came about names the same
   * event: IDENTITY, not AFTER ('took place', 'occurred', 'happens');
   * 'took' with another object is AFTER as before. */
  { "The attack took place at dawn.", { "attack", "took" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "NONE", "PAST" },
    "<TLINK lid=\"l1\" relType=\"IDENTITY\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "The blast occurred early.", { "blast", "occurred" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "NONE", "PAST" },
    "<TLINK lid=\"l1\" relType=\"IDENTITY\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "Such a vote rarely happens.", { "vote", "happens" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "NONE", "PRESENT" },
    "<TLINK lid=\"l1\" relType=\"IDENTITY\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "The raid took ten lives.", { "raid", "took" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "NONE", "PAST" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  /* A report's object: before a past report ('reported the attack');
   * none for a report in the present, whose object may be to come. */
  { "Officials reported the attack.", { "reported", "attack" },
    { EVL_EVENT_CLASS_REPORTING, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "NONE" },
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "Officials announce the sale.", { "announce", "sale" },
    { EVL_EVENT_CLASS_REPORTING, EVL_EVENT_CLASS_OCCURRENCE }, { "PRESENT", "NONE" }, "", { NULL } },
  /* 'by' and a noun or participle after a verb: the cause or means
   * first, BEFORE; not after a noun. */
  { "Ten were hurt by the collapse.", { "hurt", "collapse" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PASTPART", "NONE" },
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "The firm won by cutting costs.", { "won", "cutting" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PRESPART" },
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "The damage by the storm.", { "damage", "storm" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "NONE", "NONE" }, "", { NULL } },
  /* An event 'in' another after a noun: INCLUDES, as after a verb. */
  { "Deaths in the fighting.", { "Deaths", "fighting" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "NONE", "NONE" },
    "<TLINK lid=\"l1\" relType=\"INCLUDES\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  /* 'from': the source first, after a noun as well. */
  { "Losses from the storm.", { "Losses", "storm" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "NONE", "NONE" },
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "Markets recovering from the crash.", { "recovering", "crash" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PRESPART", "NONE" },
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "The talks resuming.", { "talks", "resuming" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "NONE", "PRESPART" }, "", { NULL } },  /* By the tenses alone: verbs of one tense and aspect joined by 'and'
   * in order; a past perfect before the past it follows or precedes; a
   * future after a present.  Not across punctuation, nor 'and' between
   * tenses or aspects that differ. */
  { "Troops have fired and fled.", { "fired", "fled" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "PRESENT", "PRESENT" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n",
    { "PERFECTIVE", "PERFECTIVE" } },
  { "Troops fire and fled.", { "fire", "fled" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "PRESENT", "PAST" }, "", { NULL } },
  { "Troops had fired and fled.", { "fired", "fled" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "PAST", "PAST" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n",
    { "PERFECTIVE", NULL } },
  { "Troops fired at the house the men had left.", { "fired", "left" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PAST" },
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n",
    { NULL, "PERFECTIVE" } },
  { "Troops fired; the men had left.", { "fired", "left" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PAST" }, "", { NULL, "PERFECTIVE" } },
  /* 'and' past the first verb's object, up to eight words between. */
  { "Troops stormed the building and freed them.", { "stormed", "freed" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PAST" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "Troops stormed the big old stone building in town and freed them.", { "stormed", "freed" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PAST" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "Troops stormed the big old grey stone building in town and freed them.", { "stormed", "freed" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PAST" }, "", { NULL } },
  { "Troops stormed the building, and freed them.", { "stormed", "freed" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PAST" }, "", { NULL } },
  { "Troops stormed the building and have freed them.", { "stormed", "freed" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PRESENT" }, "", { NULL, "PERFECTIVE" } },
  { "Troops stormed the sand-and freed them.", { "stormed", "freed" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "PAST", "PAST" }, "", { NULL } },
  /* Two infinitives: 'and' alone between them. */
  { "Leaders plan to meet and talk.", { "meet", "talk" }, { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE },
    { "INFINITIVE", "INFINITIVE" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
  { "Leaders plan to meet today and talk.", { "meet", "talk" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "INFINITIVE", "INFINITIVE" }, "", { NULL } },
  { "Leaders plan to meet and talking.", { "meet", "talking" },
    { EVL_EVENT_CLASS_OCCURRENCE, EVL_EVENT_CLASS_OCCURRENCE }, { "INFINITIVE", "PRESPART" }, "", { NULL } },
  { "Analysts expect prices will fall.", { "expect", "fall" },
    { EVL_EVENT_CLASS_I_STATE, EVL_EVENT_CLASS_OCCURRENCE }, { "PRESENT", "FUTURE" },
    "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n", { NULL } },
};

Test (timeml, writer_tlinks_in_a_sentence)
{
  for (guint i = 0; i < G_N_ELEMENTS (sentence_rows); i++)
    {
      const SentenceCase *row = &sentence_rows[i];
      g_autoptr (EvlDocument) doc = evl_document_new ("rp", row->text, -1, NULL);
      for (guint k = 0; k < G_N_ELEMENTS (row->word) && row->word[k]; k++)
        add_word_event_aspect (doc, row->text, row->word[k], row->klass[k], row->tense[k], row->aspect[k], 0);
      g_autofree char *xml = fx_timeml_text (doc);
      g_autofree char *got = tlink_lines (xml);
      cr_assert_str_eq (got, row->want, "%s", row->text);
    }
}

Test (timeml, writer_no_dct_no_dct_links)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("nodct", "aa fell.", -1, NULL);
  EvlEventMention e = { .span = { 3, 7 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .tense = "PAST",
                        .aspect = "NONE", .timex = -1, .cue_event = -1, .agent = -1, .patient = -1,
                        .location = -1, .source = -1 };
  evl_document_add_event_mention (doc, &e);
  g_autofree char *xml = fx_timeml_text (doc);
  cr_assert_null (strstr (xml, "<TLINK"), "%s", xml);
}

/* The path in a write error is the output folder and the file name
 * joined as g_build_filename() joins them, whatever separators the
 * folder was given with (a folder in the way of NAME.tml makes the
 * write fail). */
typedef struct {
  char suffix[8];   /* appended to the output folder's name */
} OutDirCase;

ParameterizedTestParameters (timeml, tag_error_names_the_joined_path)
{
  static OutDirCase cases[] = { { "" }, { "/" }, { "//" }, { "/./" } };
  return cr_make_param_array (OutDirCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (OutDirCase *c, timeml, tag_error_names_the_joined_path)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-tag-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *blocker = g_build_filename (out, "story.tml", NULL);
  cr_assert_eq (g_mkdir_with_parents (blocker, 0755), 0);
  g_autofree char *txt = write_tmp (dir, "story.txt", "Putin met Kim on Wednesday.\n");
  g_autofree char *outarg = g_strconcat (out, c->suffix, NULL);
  const char *args[] = { "tag", "-q", "-o", outarg, txt, txt, NULL };
  g_autofree char *err = NULL;
  cr_assert_eq (run_cli_err (NULL, &err, args), 1, "%s", err);
  g_autofree char *want_path = g_build_filename (outarg, "story.tml", NULL);
  g_autofree char *want = g_strdup_printf ("eventline: %s: ", want_path);
  cr_assert_not_null (strstr (err, want), "'%s' not in: %s", want, err);
  /* The second input is written as story-2.tml. */
  g_autofree char *second = g_build_filename (out, "story-2.tml", NULL);
  cr_assert (g_file_test (second, G_FILE_TEST_IS_REGULAR), "%s", err);
  g_remove (second);
  g_rmdir (blocker);
  g_rmdir (out);
  g_remove (txt);
  g_rmdir (dir);
}
