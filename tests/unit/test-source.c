/* Input sniffing (source/load.c): which loader a file reaches by its
 * content and extension, and which files a folder expands to. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evl-private.h"

TestSuite (source);

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

static void
write_file (const char *dir, const char *name, const char *data)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cr_assert (g_file_set_contents (path, data, -1, NULL), "%s", path);
}

Test (source, folder_expansion_takes_json_articles_not_metadata)
{
  g_autofree char *dir = g_dir_make_tmp ("evl-source-XXXXXX", NULL);
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
