/* JSON Lines loader (source/jsonl.c) and standard input. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "evl-private.h"
#include "source/source-private.h"

TestSuite (jsonl);

static char *
fixture_path (const char *name)
{
  const char *root = g_getenv ("EVL_SOURCE_ROOT");
  cr_assert_not_null (root, "EVL_SOURCE_ROOT is not set");
  return g_build_filename (root, "tests", "fixtures", "jsonl", name, NULL);
}

static GPtrArray *
new_docs (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
}

static EvlDocument *
doc_at (GPtrArray *docs, guint i)
{
  cr_assert_lt (i, docs->len);
  return docs->pdata[i];
}

Test (jsonl, news_please_fields)
{
  g_autofree char *path = fixture_path ("articles.jsonl");
  g_autoptr (GPtrArray) docs = new_docs ();
  g_autoptr (GError) error = NULL;
  cr_assert (evl_source_load_file (path, NULL, docs, &error), "%s", error ? error->message : "");
  cr_assert_eq (docs->len, 3, "blank line must be skipped, got %u documents", docs->len);

  EvlDocument *d = doc_at (docs, 0);
  cr_assert_str_eq (evl_document_get_id (d), "wetland-bird-count-1");
  cr_assert_str_eq (evl_document_get_title (d), "Wetland bird count rises for third year");
  cr_assert_str_eq (evl_document_get_url (d), "https://news.example.net/science/wetland-bird-count.html");
  cr_assert_str_eq (evl_document_get_dct (d), "2023-09-14");
  cr_assert_eq (evl_document_get_dct_source (d), EVL_DCT_METADATA);
  cr_assert_str_eq (evl_document_get_path (d), path);
  const char *t = evl_document_get_text (d, NULL);
  cr_assert (g_str_has_prefix (t, "Wetland bird count rises for third year\n\nVolunteers counted 12,400"), "%s", t);
  cr_assert_not_null (strstr (t, "earlier.\n\nThe count, held every September"), "paragraphs lost: %s", t);
  cr_assert_null (strstr (t, "more birds than last year"), "description used although maintext exists");
}

Test (jsonl, text_and_description_fallbacks)
{
  g_autofree char *path = fixture_path ("articles.jsonl");
  g_autoptr (GPtrArray) docs = new_docs ();
  cr_assert (evl_source_load_file (path, NULL, docs, NULL));
  EvlDocument *d = doc_at (docs, 1);
  /* line 3 (line 2 is blank): maintext null -> text; url ends in '/' */
  cr_assert_str_eq (evl_document_get_id (d), "library-hours-3");
  cr_assert_str_eq (evl_document_get_dct (d), "2023-09-12");
  cr_assert_not_null (strstr (evl_document_get_text (d, NULL), "stay open until nine"));
  d = doc_at (docs, 2);
  /* no url: slug from source_domain; null date_publish: no DCT */
  cr_assert_str_eq (evl_document_get_id (d), "sport-example-net-4");
  cr_assert_null (evl_document_get_dct (d));
  cr_assert_not_null (strstr (evl_document_get_text (d, NULL), "Organisers expect 5,000 runners"));
}

Test (jsonl, malformed_lines_are_reported_and_the_rest_load)
{
  g_autofree char *path = fixture_path ("malformed.jsonl");
  g_autoptr (GPtrArray) docs = new_docs ();
  g_autoptr (GError) error = NULL;
  cr_assert_not (evl_source_load_file (path, NULL, docs, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  g_autofree char *where = g_strdup_printf ("%s:2:", path);
  cr_assert (g_str_has_prefix (error->message, where), "%s", error->message);
  cr_assert_not_null (strstr (error->message, "1 more bad line"), "%s", error->message);
  cr_assert_eq (docs->len, 2);
  cr_assert_str_eq (evl_document_get_id (doc_at (docs, 0)), "museum-reopens-1");
  cr_assert_str_eq (evl_document_get_id (doc_at (docs, 1)), "festival-record-4");
  /* the loader's per-file metadata still reaches the good documents */
  cr_assert_str_eq (evl_document_get_path (doc_at (docs, 1)), path);
}

typedef struct {
  char label[32];
  char data[160];
  char message[48];   /* expected in the error */
} BadCase;

static BadCase bad_cases[] = {
  { "not-an-object", "[1, 2, 3]\n", "expected a JSON object" },
  { "line-not-an-object", "{\"maintext\": \"ok\"}\n\"a string\"\n", "x.jsonl:2: expected a JSON object" },
  { "no-text", "{\"title\": \"Only a title\"}\n", "no \"maintext\"" },
  { "truncated", "{\"maintext\": \"cut", "x.jsonl:1:" },
  { "second-line", "{\"maintext\": \"fine\"}\n{\"maintext\": 12}\n", "x.jsonl:2:" },
  { "bad-utf8", "{\"maintext\": \"caf\xE9\"}\n", "x.jsonl:1:" },
  { "only-blank", "\n  \n\n", "no JSON lines" },
};

ParameterizedTestParameters (jsonl, bad_input)
{
  return cr_make_param_array (BadCase, bad_cases, G_N_ELEMENTS (bad_cases));
}

ParameterizedTest (BadCase *c, jsonl, bad_input)
{
  g_autoptr (GPtrArray) docs = new_docs ();
  g_autoptr (GError) error = NULL;
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  opts.format = EVL_FORMAT_JSONL;
  cr_assert_not (evl_source_load_bytes ("x.jsonl", c->data, strlen (c->data), &opts, docs, &error),
                 "%s", c->label);
  cr_assert_not_null (error, "%s", c->label);
  cr_assert_not_null (strstr (error->message, c->message), "%s: %s", c->label, error->message);
}

Test (jsonl, deep_nesting_is_refused_without_parsing, .timeout = 30 * EVL_TIMEOUT_SCALE)
{
  g_autoptr (GString) line = g_string_new ("{\"maintext\": \"ok\", \"x\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (line, '[');
  g_string_append (line, "\n{\"maintext\": \"The next line still loads.\"}\n");
  g_autoptr (GPtrArray) docs = new_docs ();
  g_autoptr (GError) error = NULL;
  cr_assert_not (evl_source_load_jsonl ("deep.jsonl", line->str, line->len, NULL, docs, &error));
  cr_assert_not_null (strstr (error->message, "deep.jsonl:1: nested deeper"), "%s", error->message);
  cr_assert_eq (docs->len, 1);
}

Test (jsonl, ids_are_deterministic_and_distinct)
{
  const char *data = "{\"maintext\": \"a\", \"url\": \"https://x.org/p/same-slug?utm=1#top\"}\n"
                     "{\"maintext\": \"b\", \"url\": \"https://x.org/q/same-slug\"}\n"
                     "{\"maintext\": \"c\"}\n";
  g_autoptr (GPtrArray) one = new_docs ();
  g_autoptr (GPtrArray) two = new_docs ();
  cr_assert (evl_source_load_jsonl ("dump.jsonl", data, strlen (data), NULL, one, NULL));
  cr_assert (evl_source_load_jsonl ("dump.jsonl", data, strlen (data), NULL, two, NULL));
  cr_assert_str_eq (evl_document_get_id (doc_at (one, 0)), "same-slug-1");
  cr_assert_str_eq (evl_document_get_id (doc_at (one, 1)), "same-slug-2");
  cr_assert_str_eq (evl_document_get_id (doc_at (one, 2)), "dump-3");
  for (guint i = 0; i < 3; i++)
    cr_assert_str_eq (evl_document_get_id (doc_at (one, i)), evl_document_get_id (doc_at (two, i)));
}

Test (jsonl, one_pretty_printed_article_per_file)
{
  const char *data = "{\n  \"title\": \"Bridge reopens\",\n  \"maintext\": \"The bridge reopened on Wednesday.\",\n"
                     "  \"date_publish\": \"2023-09-13 10:00:00\",\n  \"url\": \"https://e.org/bridge\"\n}\n";
  g_autoptr (GPtrArray) docs = new_docs ();
  g_autoptr (GError) error = NULL;
  cr_assert (evl_source_load_bytes ("dir/https%3A%2F%2Fe.org%2Fbridge.json", data, strlen (data), NULL, docs, &error),
             "%s", error ? error->message : "");
  cr_assert_eq (docs->len, 1);
  cr_assert_str_eq (evl_document_get_id (doc_at (docs, 0)), "https%3A%2F%2Fe.org%2Fbridge");
  cr_assert_str_eq (evl_document_get_dct (doc_at (docs, 0)), "2023-09-13");
  cr_assert_str_eq (evl_document_get_text (doc_at (docs, 0), NULL), "Bridge reopens\n\nThe bridge reopened on Wednesday.");
}

Test (jsonl, array_of_articles)
{
  const char *data = "[\n {\"maintext\": \"First.\", \"url\": \"https://e.org/one\"},\n"
                     " {\"maintext\": \"Second.\", \"url\": \"https://e.org/two\"}\n]\n";
  g_autoptr (GPtrArray) docs = new_docs ();
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  opts.format = EVL_FORMAT_JSONL;
  cr_assert (evl_source_load_bytes ("a.json", data, strlen (data), &opts, docs, NULL));
  cr_assert_eq (docs->len, 2);
  cr_assert_str_eq (evl_document_get_id (doc_at (docs, 0)), "one-1");
  cr_assert_str_eq (evl_document_get_id (doc_at (docs, 1)), "two-2");
}

Test (jsonl, title_is_not_repeated_when_the_text_starts_with_it)
{
  const char *data = "{\"title\": \"Dam opens\", \"maintext\": \"Dam opens\\n\\nThe dam opened on Monday.\"}\n";
  g_autoptr (GPtrArray) docs = new_docs ();
  cr_assert (evl_source_load_jsonl ("t.jsonl", data, strlen (data), NULL, docs, NULL));
  cr_assert_str_eq (evl_document_get_text (doc_at (docs, 0), NULL), "Dam opens\n\nThe dam opened on Monday.");
}

/* `-` reads standard input (each Criterion test runs in its own process, so
 * redirecting stdin onto a fixture is local to the test). */
Test (jsonl, dash_reads_standard_input)
{
  g_autofree char *path = fixture_path ("articles.jsonl");
  FILE *in = freopen (path, "rb", stdin);
  cr_assert_not_null (in);
  g_autoptr (GPtrArray) docs = new_docs ();
  g_autoptr (GError) error = NULL;
  cr_assert (evl_source_load_file ("-", NULL, docs, &error), "%s", error ? error->message : "");
  cr_assert_eq (docs->len, 3);
  cr_assert_str_eq (evl_document_get_id (doc_at (docs, 0)), "wetland-bird-count-1");
  cr_assert_str_eq (evl_document_get_path (doc_at (docs, 0)), "stdin");
}

Test (jsonl, stdin_larger_than_the_limit_is_refused)
{
  g_autofree char *path = fixture_path ("articles.jsonl");
  cr_assert_not_null (freopen (path, "rb", stdin));
  g_autoptr (GPtrArray) docs = new_docs ();
  g_autoptr (GError) error = NULL;
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  opts.max_bytes = 100;
  cr_assert_not (evl_source_load_file ("-", &opts, docs, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_TOO_LARGE));
}

/* Articles with neither url nor domain piped a line at a time took their
 * ids from the name "stdin" and their line: another piped input's line 1
 * was the same id.  A hash of the article's text tells them apart. */
Test (jsonl, streamed_stdin_ids_without_url_differ_by_article)
{
  g_autofree char *dir = g_dir_make_tmp ("evl-jsonl-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "piped.jsonl", NULL);
  const char *inputs[] = { "{\"maintext\": \"The council met on Monday.\"}\n{\"maintext\": \"x y\"}\n",
                           "{\"maintext\": \"The dam opened on Friday.\"}\n{\"maintext\": \"x y\"}\n" };
  /* not g_autofree: on an array it frees only the first element */
  char *ids[2] = { NULL, NULL };
  for (guint k = 0; k < 2; k++)
    {
      cr_assert (g_file_set_contents (path, inputs[k], -1, NULL));
      cr_assert_not_null (freopen (path, "rb", stdin));
      g_autoptr (EvlSourceLoader) loader = evl_source_loader_new (NULL);
      g_autoptr (GPtrArray) docs = new_docs ();
      g_autoptr (GError) error = NULL;
      gboolean more = TRUE;
      while (more)
        cr_assert (evl_source_loader_load_some (loader, "-", 0, docs, &more, &error), "%s",
                   error->message);
      cr_assert_eq (docs->len, 2);
      ids[k] = g_strdup (evl_document_get_id (doc_at (docs, 0)));
      cr_assert (g_str_has_prefix (ids[k], "stdin-"), "%s", ids[k]);
      cr_assert (g_str_has_suffix (ids[k], "-1"), "still numbered by line: %s", ids[k]);
    }
  cr_assert_str_neq (ids[0], ids[1]);
  g_free (ids[0]);
  g_free (ids[1]);
  g_unlink (path);
  g_rmdir (dir);
}
