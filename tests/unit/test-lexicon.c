#include <criterion/criterion.h>
#include <eventline/eventline.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite (lexicon);

/* A context whose data dir overlays one lexicon file written here. */
static EvlContext *
context_with (const char *kind, const char *contents, GError **error)
{
  char *dir = g_dir_make_tmp ("evl-lex-XXXXXX", NULL);
  char *sub = g_build_filename (dir, "lexicons", "en", NULL);
  g_mkdir_with_parents (sub, 0755);
  char *file = g_strdup_printf ("%s/%s.txt", sub, kind);
  g_file_set_contents (file, contents, -1, NULL);
  EvlContext *ctx = evl_context_new_with_data_dir (dir, error);
  g_unlink (file);
  g_rmdir (sub);
  char *en = g_path_get_dirname (sub);
  g_rmdir (en);
  g_rmdir (dir);
  g_free (en);
  g_free (file);
  g_free (sub);
  g_free (dir);
  return ctx;
}

Test (lexicon, forms_attributes_and_comments)
{
  GError *error = NULL;
  g_autoptr (EvlContext) ctx = context_with ("test-kind",
      "# comment\n\nseptember|Sept|sep\t9\t month \r\nnew year's day|new year\tholiday\n", &error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  const EvlLexicon *lex = evl_context_get_lexicon (ctx, "en/test-kind");
  cr_assert_not_null (lex);
  cr_assert_eq (evl_lexicon_size (lex), 2);
  const EvlLexEntry *e = evl_lexicon_lookup (lex, "SEPT", -1);
  cr_assert_not_null (e);
  cr_assert_str_eq (e->canonical, "september");
  cr_assert_eq (e->n_attrs, 2);
  cr_assert_str_eq (e->attrs[0], "9");
  cr_assert_str_eq (e->attrs[1], "month", "attributes are trimmed, CR dropped");
  cr_assert_null (e->attrs[2]);
  cr_assert_eq (e->line, 3);
  cr_assert_not_null (evl_lexicon_lookup (lex, "New   Year's\tDay", -1), "white space folds");
  cr_assert_eq (evl_lexicon_max_words (lex), 3);
  cr_assert_null (evl_lexicon_lookup (lex, "septembe", -1));
  cr_assert_null (evl_lexicon_lookup (lex, "", 0));
  cr_assert_eq (evl_lexicon_get (lex, 1)->n_attrs, 1);
}

Test (lexicon, first_definition_wins)
{
  g_autoptr (EvlContext) ctx = context_with ("dup", "may\tmonth\nmay\tmodal\n", NULL);
  const EvlLexEntry *e = evl_lexicon_lookup (evl_context_get_lexicon (ctx, "en/dup"), "May", 3);
  cr_assert_str_eq (e->attrs[0], "month");
}

Test (lexicon, empty_canonical_form_is_a_parse_error)
{
  GError *error = NULL;
  EvlContext *ctx = context_with ("bad", "ok\n|variant\n", &error);
  cr_assert_null (ctx);
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  cr_assert (strstr (error->message, "bad.txt:2") != NULL, "%s", error->message);
  g_error_free (error);
}

Test (lexicon, many_entries_stay_reachable)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (s, "word%u|W%u-alt\t%u\n", i, i, i);
  g_autoptr (EvlContext) ctx = context_with ("big", s->str, NULL);
  g_string_free (s, TRUE);
  const EvlLexicon *lex = evl_context_get_lexicon (ctx, "en/big");
  for (guint i = 0; i < 5000; i += 7)
    {
      char k[32];
      g_snprintf (k, sizeof k, "w%u-ALT", i);
      const EvlLexEntry *e = evl_lexicon_lookup (lex, k, -1);
      cr_assert_not_null (e, "%s", k);
      cr_assert_eq ((guint) atoi (e->attrs[0]), i);
    }
}
