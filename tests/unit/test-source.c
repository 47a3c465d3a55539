/* Input sniffing (source/load.c): which loader a file reaches by its
 * content and extension, and which files a folder expands to. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "evl-private.h"
#include "source/source-private.h"
#include "../tmp-helpers.h"

TestSuite (source, .fini = evl_test_tmp_cleanup);

typedef struct {
  char name[24];
  char data[200];
  guint n_docs;
  char expect[48];   /* in the first document's text */
  char absent[16];   /* never in it ("<": the markup was parsed away) */
} SniffCase;

static SniffCase sniff_cases[] = {
  /* HTML by its first markup, whatever the extension says */
  { "saved.txt", "<!-- saved from url=(0042)https://news.example.org/ -->\n<html><body>"
    "<p>A comment opens the saved page.</p></body></html>", 1, "A comment opens the saved page.", "<" },
  { "bom.txt", "\xEF\xBB\xBF  \n<head><title>T</title></head><body><p>A head first, no html element.</p></body>",
    1, "A head first, no html element.", "<" },
  { "meta.txt", "<meta charset=\"utf-8\"><p>A meta element opens this page.</p>", 1,
    "A meta element opens this page.", "<" },
  { "frag.txt", "\r\n\t<body class=\"article\"><p>A body element opens this fragment.</p></body>", 1,
    "A body element opens this fragment.", "<" },
  { "xhtml.txt", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- c -->\n<!DOCTYPE html>"
    "<html><body><p>XHTML with a declaration.</p></body></html>", 1, "XHTML with a declaration.", "<" },
  { "two.txt", "<!-- a --><!-- b -->\n<p>Two comments before a paragraph.</p>", 1,
    "Two comments before a paragraph.", "<" },
  /* ... but not a tag that merely starts like one, nor other text */
  { "notes.txt", "<headline> is a word here, not a tag of a page.", 1, "<headline> is a word", "" },
  { "heart.txt", "<3 to everyone who came to the fair on Sunday.", 1, "<3 to everyone", "" },
  /* JSON: an object per line, one pretty-printed object, an array */
  { "feed.json", "{\"maintext\": \"First line.\"}\n{\"maintext\": \"Second line.\"}\n", 2, "First line.", "{" },
  { "one.json", "{\n  \"title\": \"Dam opens\",\n  \"maintext\": \"The dam opened on Monday.\"\n}\n", 1,
    "The dam opened on Monday.", "{" },
  { "dump.txt", "\n[\n  {\"maintext\": \"An array of articles.\"},\n  {\"maintext\": \"Its second one.\"}\n]\n",
    2, "An array of articles.", "[" },
  { "list.txt", "[1] A footnote mark opens this plain text.", 1, "[1] A footnote mark", "" },
};

ParameterizedTestParameters (source, sniffing)
{
  return cr_make_param_array (SniffCase, sniff_cases, G_N_ELEMENTS (sniff_cases));
}

ParameterizedTest (SniffCase *c, source, sniffing)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  cr_assert (evl_source_load_bytes (c->name, c->data, strlen (c->data), NULL, docs, &error), "%s: %s",
             c->name, error ? error->message : "");
  cr_assert_eq (docs->len, c->n_docs, "%s: %u documents", c->name, docs->len);
  const char *text = evl_document_get_text (docs->pdata[0], NULL);
  cr_assert_not_null (strstr (text, c->expect), "%s: %s", c->name, text);
  if (c->absent[0])
    cr_assert_null (strstr (text, c->absent), "%s: '%s' left in: %s", c->name, c->absent, text);
}

/* A plain text's title, guessed from its first lines (load.c's
 * guess_title()): the first one not a date, a breadcrumb trail or
 * without letters; none when that one is long.  The trails sit on both
 * sides of a sixteen-byte boundary of the line. */
typedef struct {
  char data[240];
  char title[96];    /* "" = no title */
} TitleCase;

static TitleCase title_cases[] = {
  { "  Dam opens on the river \t\r\nThe dam opened on Monday.", "Dam opens on the river" },
  { "\n \n\t\nDam opens\nThe dam opened on Monday.", "Dam opens" },
  { "Monday 14 September 2023\nDam opens\nThe dam opened on Monday.", "Dam opens" },
  { "12 34 56 78 90 12 34\nDam opens\nThe dam opened on Monday.", "Dam opens" },
  { "Home of the news site / World\nDam opens\nThe dam opened.", "Dam opens" },
  { "aaaaaaaaaaaaaaa / bbb\nDam opens\nThe dam opened.", "Dam opens" },
  { "aaaaaaaaaaaaaa > bbb\nDam opens\nThe dam opened.", "Dam opens" },
  { "aaaaaaaaaaaaaaaa / b\nDam opens\nThe dam opened.", "Dam opens" },
  { "Either/or choices and a>b for voters\nThe vote is on Monday.", "Either/or choices and a>b for voters" },
  { "Caf\xc3\xa9 owners / 2023\nCaf\xc3\xa9 opens\nThe caf\xc3\xa9 opened.", "Caf\xc3\xa9 opens" },
  { "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e\nDam opens", "" },
  { "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d\nDam opens",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d" },
  { "2023-09-14\n2023-09-15\n2023-09-16\n2023-09-17\nDam opens\nThe dam opened.", "" },
  /* a first line opening with a wire dateline is the lede: no headline */
  { "ALVIK, Norway, May 6, 2025 -- A jury on Thursday found the former mayor guilty of fraud.\nHe will appeal.",
    "" },
  { "NEW YORK (Harbour Wire) - The dam opened on Monday after a decade of work on it.\nIt cost a lot.", "" },
  { "ALVIK, May 6 \xe2\x80\x94 The dam opened on Monday after a decade of work on it and more.\nIt cost a lot.",
    "" },
  /* a headline opening with an acronym is none */
  { "NASA, partners delay the launch of the lunar lander again - sources say it slips a year\nText.",
    "NASA, partners delay the launch of the lunar lander again - sources say it slips a year" },
  { "EU, UK agree fishing deal\nThe deal was agreed on Monday.", "EU, UK agree fishing deal" },
};

ParameterizedTestParameters (source, plain_text_title_guess)
{
  return cr_make_param_array (TitleCase, title_cases, G_N_ELEMENTS (title_cases));
}

ParameterizedTest (TitleCase *c, source, plain_text_title_guess)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  cr_assert (evl_source_load_bytes ("story.txt", c->data, strlen (c->data), NULL, docs, &error), "%s",
             error ? error->message : "");
  cr_assert_eq (docs->len, 1);
  const char *title = evl_document_get_title (docs->pdata[0]);
  if (c->title[0])
    cr_assert_str_eq (title ? title : "(none)", c->title, "for: %s", c->data);
  else
    cr_assert_null (title, "'%s' for: %s", title, c->data);
}

/* The extension decides for a text no content sniffing claims, in any
 * case: a .JSON or .NdJson file is read as JSON lines (and this one has
 * none), a .Txt one as text. */
Test (source, extension_decides_in_any_case)
{
  static const char data[] = "Plain words, no markup and no JSON.";
  static const char *const json_names[] = { "a.JSON", "a.NdJson", "a.jsonL" };
  for (guint i = 0; i < G_N_ELEMENTS (json_names); i++)
    {
      g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      g_autoptr (GError) error = NULL;
      cr_assert_not (evl_source_load_bytes (json_names[i], data, strlen (data), NULL, docs, &error),
                     "%s read as text", json_names[i]);
    }
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  cr_assert (evl_source_load_bytes ("a.Txt", data, strlen (data), NULL, docs, NULL));
  cr_assert_eq (docs->len, 1);
}

/* A text's id is its file's base name without the last extension; a
 * name that is all extension keeps it. */
Test (source, text_id_is_the_base_name_without_extension)
{
  static const char *const cases[][2] = {
    { "some/dir/a.b.txt", "a.b" }, { "story", "story" }, { "dir.d/story", "story" },
    { "dir/.profile", ".profile" }, { "/abs/x.txt", "x" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      static const char data[] = "The council met on Monday.";
      cr_assert (evl_source_load_bytes (cases[i][0], data, strlen (data), NULL, docs, NULL), "%s", cases[i][0]);
      cr_assert_eq (docs->len, 1);
      cr_assert_str_eq (evl_document_get_id (docs->pdata[0]), cases[i][1], "for %s", cases[i][0]);
    }
}

static void
write_file (const char *dir, const char *name, const char *data)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cr_assert (g_file_set_contents (path, data, -1, NULL), "%s", path);
}

/* A listed file's path is g_build_filename() of the folder as given and
 * the name, however many separators end the folder. */
Test (source, folder_expansion_joins_paths_like_g_build_filename)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-source-XXXXXX");
  cr_assert_not_null (dir);
  write_file (dir, "a.txt", "The council met on Monday.\n");
  g_autofree char *slash = g_strconcat (dir, "/", NULL);
  g_autofree char *slashes = g_strconcat (dir, "//", NULL);
  const char *forms[] = { dir, slash, slashes };
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      const char *paths[] = { forms[i], NULL };
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) files = evl_source_expand_paths (paths, &error);
      cr_assert_not_null (files, "%s", error ? error->message : "");
      cr_assert_eq (files->len, 1);
      g_autofree char *want = g_build_filename (forms[i], "a.txt", NULL);
      cr_assert_str_eq (files->pdata[0], want);
    }
  g_autofree char *file = g_build_filename (dir, "a.txt", NULL);
  g_unlink (file);
}

Test (source, folder_expansion_takes_json_articles_not_metadata)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-source-XXXXXX");
  cr_assert_not_null (dir);
  write_file (dir, "b-article.json", "{\n  \"title\": \"Bridge reopens\",\n"
                                     "  \"maintext\": \"The bridge reopened on Wednesday.\"\n}\n");
  write_file (dir, "a.txt", "The council met on Monday.\n");
  write_file (dir, "a.txt.meta.json", "{\"dct\": \"2023-09-14\"}");
  write_file (dir, "eventline.json", "{\"defaults\": {\"dct\": \"2023-09-13\"}}");
  write_file (dir, "notes.md", "# notes\n");
  const char *paths[] = { dir, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = evl_source_expand_paths (paths, &error);
  cr_assert_not_null (files, "%s", error ? error->message : "");
  cr_assert_eq (files->len, 2, "the article files only, not manifest, sidecar or notes");
  g_autofree char *base0 = g_path_get_basename (files->pdata[0]);
  g_autofree char *base1 = g_path_get_basename (files->pdata[1]);
  cr_assert_str_eq (base0, "a.txt");
  cr_assert_str_eq (base1, "b-article.json");

  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  cr_assert (evl_source_load_file (files->pdata[1], NULL, docs, &error), "%s", error ? error->message : "");
  cr_assert_eq (docs->len, 1);
  cr_assert_str_eq (evl_document_get_id (docs->pdata[0]), "b-article");
  cr_assert_str_eq (evl_document_get_title (docs->pdata[0]), "Bridge reopens");
  cr_assert_str_eq (evl_document_get_dct (docs->pdata[0]), "2023-09-13", "the manifest dates it");
  for (guint i = 0; i < files->len; i++)
    g_unlink (files->pdata[i]);
  static const char *const rest[] = { "a.txt.meta.json", "eventline.json", "notes.md" };
  for (guint i = 0; i < G_N_ELEMENTS (rest); i++)
    {
      g_autofree char *p = g_build_filename (dir, rest[i], NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

/* ---- metadata through an EvlSourceLoader (manifest read once per
 * folder, sidecars known from the folder's listing) ---- */

/* A folder of four articles: a.txt dated by its sidecar, b.txt by its
 * manifest entry, c.txt by the manifest's defaults, d.txt by a sidecar
 * that is a symbolic link (the listing cannot tell it is a file). */
static char *
make_meta_folder (void)
{
  char *dir = evl_test_tmp_make ("evl-loader-XXXXXX");
  cr_assert_not_null (dir);
  write_file (dir, "a.txt", "The council met on Monday.\n");
  write_file (dir, "b.txt", "The bridge reopened on Wednesday.\n");
  write_file (dir, "c.txt", "The dam opened on Friday.\n");
  write_file (dir, "d.txt", "The port closed on Sunday.\n");
  write_file (dir, "a.txt.meta.json", "{\"dct\": \"2023-09-14\", \"title\": \"Sidecar title\"}");
  write_file (dir, "eventline.json",
              "{\"defaults\": {\"dct\": \"2023-09-13\"},"
              " \"documents\": {\"b.txt\": {\"dct\": \"2023-09-12\", \"title\": \"Manifest title\"}}}");
  write_file (dir, ".d-meta", "{\"dct\": \"2023-09-11\"}");
  g_autofree char *link = g_build_filename (dir, "d.txt.meta.json", NULL);
  cr_assert (symlink (".d-meta", link) == 0, "%s", link);
  return dir;
}

static void
remove_meta_folder (const char *dir)
{
  static const char *const names[] = { "a.txt", "b.txt", "c.txt", "d.txt", "a.txt.meta.json",
                                       "eventline.json", ".d-meta", "d.txt.meta.json" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (dir, names[i], NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

typedef struct {
  char file[8];
  char dct[12];
  char title[24];     /* "" = guessed from the text */
} MetaCase;

static const MetaCase meta_cases[] = {
  { "a.txt", "2023-09-14", "Sidecar title" },
  { "b.txt", "2023-09-12", "Manifest title" },
  { "c.txt", "2023-09-13", "" },
  { "d.txt", "2023-09-11", "" },
};

static void
check_meta (EvlDocument *doc, const MetaCase *c, const char *how)
{
  cr_assert_str_eq (evl_document_get_dct (doc), c->dct, "%s %s", how, c->file);
  cr_assert_eq (evl_document_get_dct_source (doc), EVL_DCT_METADATA, "%s %s", how, c->file);
  if (c->title[0])
    cr_assert_str_eq (evl_document_get_title (doc), c->title, "%s %s", how, c->file);
}

Test (source, loader_honours_sidecars_and_manifest_of_a_listed_folder)
{
  g_autofree char *dir = make_meta_folder ();
  g_autoptr (EvlSourceLoader) loader = evl_source_loader_new (NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = evl_source_loader_expand (loader, paths, &error);
  cr_assert_not_null (files, "%s", error ? error->message : "");
  cr_assert_eq (files->len, G_N_ELEMENTS (meta_cases), "articles only: %u files", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      cr_assert (evl_source_loader_load_file (loader, files->pdata[i], docs, &error), "%s",
                 error ? error->message : "");
      cr_assert_eq (docs->len, 1);
      check_meta (docs->pdata[0], &meta_cases[i], "listed");
      /* The same as the one-file loader, which asks the file system. */
      g_autoptr (GPtrArray) ref = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      cr_assert (evl_source_load_file (files->pdata[i], NULL, ref, &error));
      check_meta (ref->pdata[0], &meta_cases[i], "one file");
    }
  remove_meta_folder (dir);
}

Test (source, loader_honours_sidecars_and_manifest_of_files_given_one_by_one)
{
  g_autofree char *dir = make_meta_folder ();
  g_autoptr (EvlSourceLoader) loader = evl_source_loader_new (NULL);
  /* Twice over: the second round reads the cached manifest. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (meta_cases); i++)
      {
        g_autofree char *path = g_build_filename (dir, meta_cases[i].file, NULL);
        g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
        g_autoptr (GError) error = NULL;
        cr_assert (evl_source_loader_load_file (loader, path, docs, &error), "%s",
                   error ? error->message : "");
        check_meta (docs->pdata[0], &meta_cases[i], "given");
      }
  remove_meta_folder (dir);
}

Test (source, loader_reports_a_bad_manifest_for_every_file_like_the_one_file_loader)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-loader-XXXXXX");
  cr_assert_not_null (dir);
  write_file (dir, "a.txt", "The council met on Monday.\n");
  write_file (dir, "b.txt", "The bridge reopened on Wednesday.\n");
  write_file (dir, "eventline.json", "{\"defaults\": ");
  g_autoptr (EvlSourceLoader) loader = evl_source_loader_new (NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = evl_source_loader_expand (loader, paths, &error);
  cr_assert_not_null (files);
  cr_assert_eq (files->len, 2);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      g_autoptr (GError) e1 = NULL, e2 = NULL;
      cr_assert_not (evl_source_loader_load_file (loader, files->pdata[i], docs, &e1));
      cr_assert_not (evl_source_load_file (files->pdata[i], NULL, docs, &e2));
      cr_assert_eq (docs->len, 0);
      cr_assert (g_error_matches (e1, EVL_ERROR, EVL_ERROR_PARSE));
      cr_assert_str_eq (e1->message, e2->message);
      cr_assert_not_null (strstr (e1->message, "eventline.json"), "%s", e1->message);
    }
  static const char *const names[] = { "a.txt", "b.txt", "eventline.json" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (dir, names[i], NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

/* `eventline tag --format json`: the dct of each output, whether the
 * folder or its files one by one are given on the command line. */
static void
tag_and_check (const char *dir, gboolean one_by_one)
{
  const char *cli = g_getenv ("EVL_CLI");
  cr_assert_not_null (cli, "EVL_CLI is not set");
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *const head[] = { cli, "tag", "-q", "--format", "json", "-o", out };
  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    g_ptr_array_add (argv, g_strdup (head[i]));
  if (one_by_one)
    for (guint i = 0; i < G_N_ELEMENTS (meta_cases); i++)
      g_ptr_array_add (argv, g_build_filename (dir, meta_cases[i].file, NULL));
  else
    g_ptr_array_add (argv, g_strdup (dir));
  g_ptr_array_add (argv, NULL);
  gint status = -1;
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  cr_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                           NULL, &err, &status, &error), "%s", error ? error->message : "");
  cr_assert (g_spawn_check_wait_status (status, NULL), "tag failed: %s", err);
  for (guint i = 0; i < G_N_ELEMENTS (meta_cases); i++)
    {
      g_autofree char *stem = g_strndup (meta_cases[i].file, strlen (meta_cases[i].file) - 4);
      g_autofree char *name = g_strconcat (stem, ".json", NULL);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *json = NULL;
      cr_assert (g_file_get_contents (path, &json, NULL, NULL), "%s", path);
      g_autofree char *want = g_strdup_printf ("\"dct\" : \"%s\"", meta_cases[i].dct);
      cr_assert_not_null (strstr (json, want), "%s (%s): %s", name, one_by_one ? "given" : "listed", json);
      g_unlink (path);
    }
  g_rmdir (out);
}

Test (source, cli_dates_folders_and_files_by_sidecar_and_manifest)
{
  g_autofree char *dir = make_meta_folder ();
  tag_and_check (dir, FALSE);
  tag_and_check (dir, TRUE);
  remove_meta_folder (dir);
}

/* JSON Lines on standard input, and in a file larger than the limit or
 * than a read, are read a chunk at a time, so a stream far larger than
 * --max-size loads (the limit then bounds each line); the documents,
 * their ids (line numbers) and their order are those of the same lines
 * read whole, and an overlong line, even one that spans several reads,
 * is one bad line named by its number. */
static char *
write_stream (const char *dir, guint n_lines, guint long_line, gsize long_len)
{
  GString *s = g_string_new (NULL);
  for (guint i = 1; i <= n_lines; i++)
    {
      g_string_append_printf (s, "{\"url\": \"https://news.example.org/a/story-%u.html\", "
                              "\"date_publish\": \"2023-09-1%u\", \"maintext\": \"", i, i % 10);
      gsize want = i == long_line ? long_len : 200 + (i * 37) % 900;
      for (gsize start = s->len; s->len - start < want;)
        g_string_append_printf (s, "Story %u: the council met on Monday. ", i);
      g_string_append (s, "\"}\n");
      if (i % 50 == 0)
        g_string_append (s, "\n");   /* blank lines count as lines */
    }
  char *path = g_build_filename (dir, "stream.jsonl", NULL);
  cr_assert (g_file_set_contents (path, s->str, (gssize) s->len, NULL));
  g_string_free (s, TRUE);
  return path;
}

typedef struct {
  char from[8];   /* "stdin" ("-") or "file" (the path) */
} StreamFrom;

ParameterizedTestParameters (source, jsonl_streams_in_chunks)
{
  static StreamFrom from[] = { { "stdin" }, { "file" } };
  return cr_make_param_array (StreamFrom, from, G_N_ELEMENTS (from));
}

/* The input name load_some() is given for @path read as @f says. */
static const char *
stream_input (const StreamFrom *f, const char *path)
{
  if (strcmp (f->from, "stdin") != 0)
    return path;
  cr_assert_not_null (freopen (path, "rb", stdin));
  return "-";
}

ParameterizedTest (StreamFrom *f, source, jsonl_streams_in_chunks)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-src-XXXXXX");
  g_autofree char *path = write_stream (dir, 600, 0, 0);
  GStatBuf st;
  cr_assert_eq (g_stat (path, &st), 0);
  cr_assert_gt (st.st_size, 4 * 65536, "several chunks");

  EvlLoadOptions whole_opts = EVL_LOAD_OPTIONS_INIT;
  whole_opts.max_bytes = (gsize) st.st_size;
  g_autoptr (GPtrArray) want = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  cr_assert (evl_source_load_file (path, &whole_opts, want, NULL));
  cr_assert_eq (want->len, 600);

  const char *input = stream_input (f, path);
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  opts.max_bytes = 8192;   /* far below the stream, above every line */
  g_autoptr (EvlSourceLoader) loader = evl_source_loader_new (&opts);
  g_autoptr (GPtrArray) got = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  guint calls = 0, most = 0;
  gboolean more = TRUE;
  while (more)
    {
      g_autoptr (GError) error = NULL;
      guint before = got->len;
      cr_assert (evl_source_loader_load_some (loader, input, 65536, got, &more, &error), "%s",
                 error ? error->message : "");
      most = MAX (most, got->len - before);
      calls++;
    }
  cr_assert_gt (calls, 3, "%u calls", calls);
  cr_assert_lt (most, 200, "a call reads about a chunk, not the input: %u documents", most);
  cr_assert_eq (got->len, want->len);
  for (guint i = 0; i < got->len; i++)
    {
      cr_assert_str_eq (evl_document_get_id (got->pdata[i]), evl_document_get_id (want->pdata[i]));
      gsize a = 0, b = 0;
      const char *ta = evl_document_get_text (got->pdata[i], &a);
      const char *tb = evl_document_get_text (want->pdata[i], &b);
      cr_assert (a == b && memcmp (ta, tb, a) == 0, "document %u", i);
      cr_assert_str_eq (evl_document_get_dct (got->pdata[i]), evl_document_get_dct (want->pdata[i]));
      if (input != path)
        continue;
      cr_assert_str_eq (evl_document_get_path (got->pdata[i]), evl_document_get_path (want->pdata[i]));
    }
  g_autoptr (GError) again = NULL;
  if (input != path)
    cr_assert_not (evl_source_loader_load_some (loader, "-", 65536, got, &more, &again));
  else
    {
      /* Read whole, the file is over the limit. */
      g_autoptr (GPtrArray) whole = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      cr_assert_not (evl_source_load_file (path, &opts, whole, &again));
      cr_assert (g_error_matches (again, EVL_ERROR, EVL_ERROR_TOO_LARGE), "%s", again->message);
    }
  g_unlink (path);
  g_rmdir (dir);
}

ParameterizedTestParameters (source, jsonl_overlong_line_is_one_bad_line)
{
  static StreamFrom from[] = { { "stdin" }, { "file" } };
  return cr_make_param_array (StreamFrom, from, G_N_ELEMENTS (from));
}

ParameterizedTest (StreamFrom *f, source, jsonl_overlong_line_is_one_bad_line)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-src-XXXXXX");
  /* Line 300 holds 300 kB: longer than the limit and than one read. */
  g_autofree char *path = write_stream (dir, 400, 300, 300000);
  const char *input = stream_input (f, path);
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  opts.max_bytes = 8192;
  g_autoptr (EvlSourceLoader) loader = evl_source_loader_new (&opts);
  g_autoptr (GPtrArray) got = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  gboolean more = TRUE, ok = TRUE;
  while (more && ok)
    ok = evl_source_loader_load_some (loader, input, 65536, got, &more, &error);
  cr_assert_not (ok);
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_TOO_LARGE), "%s", error->message);
  g_autofree char *where = g_strdup_printf ("%s:305:", input == path ? path : "stdin");
  cr_assert (strstr (error->message, where), "line 300 after 5 blank lines: %s", error->message);
  cr_assert_eq (got->len, 399, "the other lines load: %u", got->len);
  /* The line after it keeps its number (ids end in the line number). */
  cr_assert_str_eq (evl_document_get_id (got->pdata[299]), "story-301-307");
  g_unlink (path);
  g_rmdir (dir);
}

/* The id of one document piped to standard input (@data written to a
 * file in @dir and redirected), read whole or through the loader. */
static char *
stdin_id (const char *dir, const char *data, gboolean loader_way, char **path_out)
{
  g_autofree char *path = g_build_filename (dir, "piped", NULL);
  cr_assert (g_file_set_contents (path, data, -1, NULL));
  cr_assert_not_null (freopen (path, "rb", stdin));
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  if (loader_way)
    {
      g_autoptr (EvlSourceLoader) loader = evl_source_loader_new (NULL);
      gboolean more = TRUE;
      while (more)
        cr_assert (evl_source_loader_load_some (loader, "-", 0, docs, &more, &error), "%s",
                   error->message);
    }
  else
    cr_assert (evl_source_load_file ("-", NULL, docs, &error), "%s", error->message);
  cr_assert_eq (docs->len, 1);
  if (path_out)
    *path_out = g_strdup (evl_document_get_path (docs->pdata[0]));
  return g_strdup (evl_document_get_id (docs->pdata[0]));
}

/* Piped articles were all "stdin", so a graph skipped a second one as
 * already held: the id now differs by content and stays the same for
 * the same bytes, and the path still says where it came from. */
Test (source, stdin_ids_differ_by_content_and_are_stable)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-src-XXXXXX");
  for (int way = 0; way < 2; way++)
    {
      g_autofree char *where = NULL;
      g_autofree char *a = stdin_id (dir, "The council met on Monday.", way, &where);
      g_autofree char *b = stdin_id (dir, "The dam opened on Friday.", way, NULL);
      g_autofree char *a2 = stdin_id (dir, "The council met on Monday.", way, NULL);
      cr_assert (g_str_has_prefix (a, "stdin-"), "%s", a);
      cr_assert_str_neq (a, b);
      cr_assert_str_eq (a, a2);
      cr_assert_str_eq (where, "stdin");
    }
}

/* Named by its hash to the loaders, standard input is still "stdin" in
 * what they say about it. */
Test (source, stdin_errors_name_stdin)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-src-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "piped", NULL);
  cr_assert (g_file_set_contents (path, "<TimeML><TEXT>never closed", -1, NULL));
  cr_assert_not_null (freopen (path, "rb", stdin));
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  cr_assert_not (evl_source_load_file ("-", NULL, docs, &error));
  cr_assert (g_str_has_prefix (error->message, "stdin:"), "%s", error->message);
}

/* Messages that stop a run say what to do next, not only what failed. */
Test (source, loader_errors_say_what_to_do)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  static const char text[] = "The council met on Monday.";

  /* An article given where extraction lines are read (merge). */
  EvlLoadOptions ex = EVL_LOAD_OPTIONS_INIT;
  ex.format = EVL_FORMAT_EXTRACTED;
  g_autoptr (GError) e1 = NULL;
  cr_assert_not (evl_source_load_bytes ("a.txt", text, strlen (text), &ex, docs, &e1));
  cr_assert (strstr (e1->message, "a.txt:1: not a line of 'eventline extract' output"), "%s",
             e1->message);
  cr_assert (strstr (e1->message, "eventline extract ARTICLES"), "%s", e1->message);
  cr_assert_null (strstr (e1->message, "<data>"), "json-glib's own place: %s", e1->message);
  static const char article[] = "{\"title\": \"x\", \"maintext\": \"The council met.\"}\n";
  g_autoptr (GError) e2 = NULL;
  cr_assert_not (evl_source_load_bytes ("b.jsonl", article, strlen (article), &ex, docs, &e2));
  cr_assert (strstr (e2->message, "not a line of 'eventline extract' output"), "%s", e2->message);

  /* Too large: the option and a size that would do. */
  EvlLoadOptions small = EVL_LOAD_OPTIONS_INIT;
  small.max_bytes = 10;
  g_autoptr (GError) e3 = NULL;
  cr_assert_not (evl_source_load_bytes ("a.txt", text, strlen (text), &small, docs, &e3));
  cr_assert (strstr (e3->message, "raise it with --max-size 26"), "%s", e3->message);
  g_autofree char *k = evl_source_max_size_advice (300000);
  cr_assert_str_eq (k, "raise it with --max-size 293K");
  g_autofree char *m = evl_source_max_size_advice ((gsize) 64 << 20);
  cr_assert_str_eq (m, "raise it with --max-size 64M");

  /* A folder with nothing to read: which files would be read. */
  g_autofree char *dir = evl_test_tmp_make ("evl-src-XXXXXX");
  write_file (dir, "scan.pdf", "%PDF");
  const char *paths[] = { dir, NULL };
  g_autoptr (GError) e4 = NULL;
  g_autoptr (GPtrArray) files = evl_source_expand_paths (paths, &e4);
  cr_assert_null (files);
  cr_assert (strstr (e4->message, "folder contains no input files") && strstr (e4->message, ".txt")
             && strstr (e4->message, ".html") && strstr (e4->message, ".jsonl")
             && strstr (e4->message, ".tml"), "%s", e4->message);
}
