#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>
#include "lexicon/lexicon-private.h"
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

/* Probes are folded like the file's forms: ASCII case, runs of spaces,
 * tabs and newlines, leading and trailing blanks; other bytes count.
 * evl_lexicon_lookup_key() on a prepared key gives the same entry. */
typedef struct {
  char probe[64];
  char canonical[48];      /* "" = not found */
} FoldCase;

ParameterizedTestParameters (lexicon, probes_fold_like_forms)
{
  static FoldCase cases[] = {
    { "Sept", "september" },
    { "  SEPT \n", "september" },
    { "SEPT\x01", "" },
    { "New Year's Day", "new year's day" },
    { "new\t\tyear's  \r\n day", "new year's day" },
    { "NEW  YEAR", "new year's day" },
    { "new years day", "" },
    { "THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "Democratic People's Republic of Korea" },
    { "the Democratic  People's Republic of Korea ", "Democratic People's Republic of Korea" },
    { "Democratic People's Republic of Kore", "" },
    { "north korea", "Democratic People's Republic of Korea" },
    { "", "" },
    { " \t ", "" },
  };
  return cr_make_param_array (FoldCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (FoldCase *c, lexicon, probes_fold_like_forms)
{
  GError *error = NULL;
  g_autoptr (EvlContext) ctx = context_with ("test-fold",
      "september|Sept\nnew year's day|new year\n"
      "Democratic People's Republic of Korea|north korea|the Democratic People's Republic of Korea\n",
      &error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  const EvlLexicon *lex = evl_context_get_lexicon (ctx, "en/test-fold");
  cr_assert_not_null (lex);
  const EvlLexEntry *e = evl_lexicon_lookup (lex, c->probe, -1);
  EvlLexKey k;
  gboolean ok = evl_lex_key_init (&k, c->probe, -1);
  cr_assert_eq (evl_lexicon_lookup_key (lex, &k), e, "'%s'", c->probe);
  if (c->canonical[0])
    {
      cr_assert (ok);
      cr_assert_not_null (e, "'%s' not found", c->probe);
      cr_assert_str_eq (e->canonical, c->canonical);
    }
  else
    cr_assert_null (e, "'%s' found", c->probe);
}

Test (lexicon, over_long_probe_is_absent)
{
  char probe[400];
  memset (probe, 'a', sizeof probe - 1);
  probe[sizeof probe - 1] = '\0';
  EvlLexKey k;
  cr_assert_not (evl_lex_key_init (&k, probe, -1));
  cr_assert_null (evl_lexicon_lookup_key (NULL, &k));
}

/* Folding and hashing run eight bytes at a time with a partial last word:
 * forms and probes of every length around the word boundaries, with a
 * capital, a space, a double space or a control byte at the boundary,
 * must fold exactly as the byte-by-byte rule says (UTF-8 bytes are not
 * case-folded). */
typedef struct {
  char probe[40];
  char canonical[40];      /* "" = not found */
} WordCase;

ParameterizedTestParameters (lexicon, probes_fold_across_word_boundaries)
{
  static WordCase cases[] = {
    { "A", "a" }, { "Ab", "ab" }, { "aBc", "abc" }, { "abcD", "abcd" },
    { "ABCDE", "abcde" }, { "abcdeF", "abcdef" }, { "Abcdefg", "abcdefg" },
    { "abcdefgH", "abcdefgh" }, { "ABCDEFGHI", "abcdefghi" },
    { "abcdefghijklmnoP", "abcdefghijklmnop" }, { "abcdefghijklmnopQ", "abcdefghijklmnopq" },
    { "abcdefg hij", "abcdefg hij" }, { "abcdefg  hij", "abcdefg hij" },
    { "abcdefgh  ij", "abcdefgh ij" }, { "abcdefg\thij", "abcdefg hij" },
    { "abcdefg hi\x01", "" }, { "abcdefg\x01hij", "" }, { "a\x7f", "" },
    { "ab c", "ab c" }, { "ab  c", "ab c" }, { "ab\nc", "ab c" },
    { "\xc3\x89t\xc3\xa9", "\xc3\x89t\xc3\xa9" }, { "\xc3\xa9t\xc3\xa9", "" },
    { "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" },
    { "abcdefgh", "abcdefgh" }, { "abcdefg", "abcdefg" }, { "abcdefghi", "abcdefghi" },
    { "abcdefgi", "" }, { "abcdefghj", "" }, { "abcdefghijklmnoq", "" },
  };
  return cr_make_param_array (WordCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (WordCase *c, lexicon, probes_fold_across_word_boundaries)
{
  GError *error = NULL;
  g_autoptr (EvlContext) ctx = context_with ("test-words",
      "a\nab\nabc\nabcd\nabcde\nabcdef\nabcdefg\nABCDEFGH\nabcdefghi\nabcdefghijklmnop\n"
      "abcdefghijklmnopq\nabcdefg hij\nabcdefgh ij\nab c\n\xc3\x89t\xc3\xa9\n"
      "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n", &error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  const EvlLexicon *lex = evl_context_get_lexicon (ctx, "en/test-words");
  cr_assert_eq (evl_lexicon_max_words (lex), 2);
  const EvlLexEntry *e = evl_lexicon_lookup (lex, c->probe, -1);
  EvlLexKey k;
  evl_lex_key_init (&k, c->probe, -1);
  cr_assert_eq (evl_lexicon_lookup_key (lex, &k), e, "'%s'", c->probe);
  if (c->canonical[0])
    {
      cr_assert_not_null (e, "'%s' not found", c->probe);
      g_autofree char *low = g_ascii_strdown (e->canonical, -1);
      cr_assert_str_eq (low, c->canonical);
    }
  else
    cr_assert_null (e, "'%s' found as '%s'", c->probe, e ? e->canonical : "");
}

/* A form of the longest foldable length (255 bytes) is found; one byte
 * more folds to nothing, in the file and in a probe. */
Test (lexicon, longest_key)
{
  char form[258];
  memset (form, 'x', sizeof form);
  GString *s = g_string_new (NULL);
  g_string_append_len (s, form, 255);
  g_string_append (s, "\ty\n");
  g_string_append_len (s, form, 256);
  g_string_append (s, "|short\tz\n");
  g_autoptr (EvlContext) ctx = context_with ("test-long", s->str, NULL);
  g_string_free (s, TRUE);
  const EvlLexicon *lex = evl_context_get_lexicon (ctx, "en/test-long");
  const EvlLexEntry *e = evl_lexicon_lookup (lex, form, 255);
  cr_assert_not_null (e);
  cr_assert_str_eq (e->attrs[0], "y");
  cr_assert_null (evl_lexicon_lookup (lex, form, 256));
  cr_assert_str_eq (evl_lexicon_lookup (lex, "SHORT", -1)->attrs[0], "z");
}

/* Attributes of every length around the eight-byte tab search, empty
 * ones, padded ones, and the last line without a newline. */
Test (lexicon, attributes_split_at_every_offset)
{
  GString *file = g_string_new ("");
  for (guint n = 0; n < 20; n++)
    {
      g_string_append_printf (file, "w%u", n);
      for (guint a = 0; a < 3; a++)
        {
          g_string_append_c (file, '\t');
          for (guint k = 0; k < n + a; k++)
            g_string_append_c (file, (char) ('a' + (k + a) % 26));
        }
      g_string_append (file, n % 2 ? "\n" : " \t x \n");
    }
  g_string_append (file, "last\t12345678\t123456789");
  GError *error = NULL;
  g_autoptr (EvlContext) ctx = context_with ("tabs", file->str, &error);
  g_string_free (file, TRUE);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  const EvlLexicon *lex = evl_context_get_lexicon (ctx, "en/tabs");
  for (guint n = 0; n < 20; n++)
    {
      char key[8];
      g_snprintf (key, sizeof key, "w%u", n);
      const EvlLexEntry *e = evl_lexicon_lookup (lex, key, -1);
      cr_assert_not_null (e, "%s", key);
      cr_assert_eq (e->n_attrs, n % 2 ? 3u : 4u, "%s", key);
      for (guint a = 0; a < 3; a++)
        {
          char want[32] = "";
          for (guint k = 0; k < n + a; k++)
            want[k] = (char) ('a' + (k + a) % 26);
          cr_assert_str_eq (e->attrs[a], want, "%s attr %u", key, a);
        }
      if (n % 2 == 0)
        cr_assert_str_eq (e->attrs[3], "x", "%s", key);
      cr_assert_null (e->attrs[e->n_attrs]);
    }
  const EvlLexEntry *e = evl_lexicon_lookup (lex, "last", -1);
  cr_assert_not_null (e);
  cr_assert_eq (e->n_attrs, 2);
  cr_assert_str_eq (e->attrs[0], "12345678");
  cr_assert_str_eq (e->attrs[1], "123456789");
}

/* Variants wherever bars fall: in comments, in attributes, on lines far
 * apart, doubled, and a file whose only bars are in comments. */
Test (lexicon, variants_split_wherever_bars_fall)
{
  GError *error = NULL;
  g_autoptr (EvlContext) ctx = context_with ("bars",
      "# a | comment | with bars\nplain\ta|b\nlong-line-one\t1\nlong-line-two\t2\n"
      "canon | var1 |var2\tx\n# | again\nx||y\nlast|final", &error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  const EvlLexicon *lex = evl_context_get_lexicon (ctx, "en/bars");
  cr_assert_eq (evl_lexicon_size (lex), 6);
  const EvlLexEntry *e = evl_lexicon_lookup (lex, "plain", -1);
  cr_assert_not_null (e);
  cr_assert_str_eq (e->attrs[0], "a|b", "a bar in an attribute is no variant");
  cr_assert_null (evl_lexicon_lookup (lex, "b", -1));
  cr_assert_null (evl_lexicon_lookup (lex, "comment", -1));
  cr_assert_str_eq (evl_lexicon_lookup (lex, "VAR1", -1)->canonical, "canon");
  cr_assert_str_eq (evl_lexicon_lookup (lex, "var2", -1)->canonical, "canon");
  cr_assert_str_eq (evl_lexicon_lookup (lex, "y", -1)->canonical, "x");
  cr_assert_str_eq (evl_lexicon_lookup (lex, "final", -1)->canonical, "last");
  cr_assert_str_eq (evl_lexicon_lookup (lex, "long-line-two", -1)->attrs[0], "2");
  g_autoptr (EvlContext) ctx2 = context_with ("nobars", "# x | y\none\t1\ntwo\t2\n", NULL);
  const EvlLexicon *lex2 = evl_context_get_lexicon (ctx2, "en/nobars");
  cr_assert_eq (evl_lexicon_size (lex2), 2);
  cr_assert_str_eq (evl_lexicon_lookup (lex2, "two", -1)->canonical, "two");
}

/* NULL when @a and @b hold the same entries in the same order and every
 * form of @text (the file both were made from), and every form with a
 * byte more or less, looks up to the same entry (or to none) in both;
 * else the first difference.  One assertion a lexicon, not one a form:
 * Criterion reports every assertion to its runner. */
static char *
lexicon_difference (const EvlLexicon *a, const EvlLexicon *b, const char *text)
{
  if (evl_lexicon_size (a) != evl_lexicon_size (b))
    return g_strdup_printf ("%u entries, %u", evl_lexicon_size (a), evl_lexicon_size (b));
  if (evl_lexicon_max_words (a) != evl_lexicon_max_words (b))
    return g_strdup ("max_words");
  for (guint i = 0; i < evl_lexicon_size (a); i++)
    {
      const EvlLexEntry *x = evl_lexicon_get (a, i), *y = evl_lexicon_get (b, i);
      gboolean same = strcmp (x->canonical, y->canonical) == 0 && x->line == y->line
                      && x->n_attrs == y->n_attrs && x->attrs[x->n_attrs] == NULL
                      && y->attrs[y->n_attrs] == NULL;
      for (guint k = 0; same && k < x->n_attrs; k++)
        same = strcmp (x->attrs[k], y->attrs[k]) == 0;
      if (!same)
        return g_strdup_printf ("entry %u (%s, %s)", i, x->canonical, y->canonical);
    }
  const EvlLexEntry *a0 = evl_lexicon_size (a) ? evl_lexicon_get (a, 0) : NULL;
  const EvlLexEntry *b0 = evl_lexicon_size (b) ? evl_lexicon_get (b, 0) : NULL;
  /* no allocation a form: ASan builds unwind the stack on every malloc */
  guint n_found = 0;
  for (const char *p = text; *p;)
    {
      gsize line_len = strcspn (p, "\n");
      gsize forms_len = strcspn (p, "\t\n");
      for (gsize f = 0; f <= forms_len;)
        {
          gsize n = strcspn (p + f, "|\t\n");
          n = MIN (n, forms_len - f);
          char probe[320];
          if (n + 1 < sizeof probe)
            {
              memcpy (probe, p + f, n);
              probe[n] = 's';
              for (gssize len = (gssize) n - 1; len <= (gssize) n + 1; len++)
                {
                  if (len < 0)
                    continue;
                  const EvlLexEntry *x = evl_lexicon_lookup (a, probe, len);
                  const EvlLexEntry *y = evl_lexicon_lookup (b, probe, len);
                  if ((x ? x - a0 : -1) != (y ? y - b0 : -1))
                    return g_strdup_printf ("lookup \"%.*s\"", (int) len, probe);
                  n_found += x != NULL;
                }
            }
          f += n + 1;
        }
      p += line_len + (p[line_len] == '\n');
    }
  if (n_found < evl_lexicon_size (a))
    return g_strdup_printf ("only %u forms found", n_found);
  return NULL;
}

/* The compiled-in lexicons come from the build-time index (no parsing at
 * start-up) and hold exactly what parsing their text gives: the context
 * over the source data dir parses every file. */
Test (lexicon, compiled_in_lexicons_are_mapped_and_match_their_text)
{
  const char *root = g_getenv ("EVL_SOURCE_ROOT");
  cr_assert_not_null (root, "EVL_SOURCE_ROOT is set by meson test");
  g_autofree char *data = g_build_filename (root, "data", NULL);
  g_autofree char *dir = g_build_filename (data, "lexicons", "en", NULL);
  GError *error = NULL;
  g_autoptr (EvlContext) mapped = evl_context_new (&error);
  cr_assert_not_null (mapped, "%s", error ? error->message : "");
  g_autoptr (EvlContext) parsed = evl_context_new_with_data_dir (data, &error);
  cr_assert_not_null (parsed, "%s", error ? error->message : "");
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  cr_assert_not_null (d);
  guint n = 0;
  for (const char *f; (f = g_dir_read_name (d)) != NULL;)
    {
      if (!g_str_has_suffix (f, ".txt"))
        continue;
      g_autofree char *name = g_strdup_printf ("en/%.*s", (int) strlen (f) - 4, f);
      const EvlLexicon *a = evl_context_get_lexicon (mapped, name);
      const EvlLexicon *b = evl_context_get_lexicon (parsed, name);
      if (a == NULL)
        continue;   /* a file not compiled in */
      cr_assert (evl_lexicon_is_mapped (a), "%s: index missing or out of date", name);
      cr_assert (!evl_lexicon_is_mapped (b), "%s: a data dir file is parsed", name);
      g_autofree char *path = g_build_filename (dir, f, NULL);
      g_autofree char *text = NULL;
      cr_assert (g_file_get_contents (path, &text, NULL, NULL));
      g_autofree char *diff = lexicon_difference (a, b, text);
      cr_assert_null (diff, "%s: %s", name, diff);
      n++;
    }
  cr_assert_geq (n, 30, "every compiled-in lexicon checked");
}

/* en/gazetteer-cities (scripts/derive-cities from tzdata) is compiled in
 * and indexed; each city names, by country=, a line of the countries
 * gazetteer ('Dar es Salaam' -> 'Tanzania'), and none is itself a form
 * of that gazetteer (a capital or a country keeps its own line). */
Test (lexicon, cities_name_their_country_line)
{
  GError *error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  const EvlLexicon *cities = evl_context_get_lexicon (ctx, "en/gazetteer-cities");
  const EvlLexicon *countries = evl_context_get_lexicon (ctx, "en/gazetteer-countries");
  cr_assert_not_null (cities);
  cr_assert_not_null (countries);
  cr_assert (evl_lexicon_is_mapped (cities), "read from the build-time index");
  cr_assert_geq (evl_lexicon_size (cities), 100);
  const EvlLexEntry *dar = evl_lexicon_lookup (cities, "dar es  SALAAM", -1);
  cr_assert_not_null (dar);
  cr_assert_str_eq (dar->canonical, "Dar es Salaam");
  cr_assert_eq (dar->n_attrs, 1);
  cr_assert_str_eq (dar->attrs[0], "country=Tanzania");
  for (guint i = 0; i < evl_lexicon_size (cities); i++)
    {
      const EvlLexEntry *c = evl_lexicon_get (cities, i);
      cr_assert (c->n_attrs == 1 && g_str_has_prefix (c->attrs[0], "country="), "%s", c->canonical);
      const EvlLexEntry *line = evl_lexicon_lookup (countries, c->attrs[0] + strlen ("country="), -1);
      cr_assert_not_null (line, "%s: %s is no country line", c->canonical, c->attrs[0]);
      cr_assert_str_eq (line->canonical, c->attrs[0] + strlen ("country="));
      cr_assert_null (evl_lexicon_lookup (countries, c->canonical, -1), "%s is a country form",
                      c->canonical);
    }
}

/* An index written from a tricky file maps to the same lexicon; it is
 * refused for a text of another length, an unknown name, or another
 * format. */
Test (lexicon, index_round_trip)
{
  static const char text[] =
      "# comment | with bar\n\nseptember|Sept|sep\t9\t month \r\n"
      "new year's day|new year\tholiday\nplain\na very long canonical form|lcf\tx\tx\tx\n"
      "may\tmonth\nmay\tmodal\nAbcdefgh|abcdefghi\t1|2\n";
  gsize len = sizeof text - 1;
  GError *error = NULL;
  EvlLexicon *parsed = evl_lexicon_parse ("t", text, len, &error);
  cr_assert_not_null (parsed, "%s", error ? error->message : "");
  EvlLexicon *other = evl_lexicon_parse ("o", "one\n", 4, NULL);
  g_autoptr (GByteArray) index = g_byte_array_new ();
  evl_lexicon_index_write (index, "en/other", other, 4);
  evl_lexicon_index_write (index, "en/t", parsed, len);
  evl_lexicon_index_finish (index);
  /* g_malloc'ed: aligned for any type */
  g_autofree guint8 *img = g_memdup2 (index->data, index->len);
  EvlLexicon *mapped = evl_lexicon_index_map (img, index->len, "en/t", len);
  cr_assert_not_null (mapped);
  cr_assert (evl_lexicon_is_mapped (mapped) && !evl_lexicon_is_mapped (parsed));
  g_autofree char *diff = lexicon_difference (mapped, parsed, text);
  cr_assert_null (diff, "%s", diff);
  /* The recognizer numbers entries by pointer difference (evl-context.h). */
  for (guint i = 0; i < evl_lexicon_size (parsed); i++)
    {
      cr_assert_eq (evl_lexicon_get (parsed, i), evl_lexicon_get (parsed, 0) + i);
      cr_assert_eq (evl_lexicon_get (mapped, i), evl_lexicon_get (mapped, 0) + i);
    }
  cr_assert_str_eq (evl_lexicon_lookup (mapped, "MAY", -1)->attrs[0], "month");
  cr_assert_str_eq (evl_lexicon_lookup (mapped, "abcdefghi", -1)->attrs[0], "1|2");
  EvlLexicon *o = evl_lexicon_index_map (img, index->len, "en/other", 4);
  cr_assert_str_eq (evl_lexicon_lookup (o, "ONE", -1)->canonical, "one");
  cr_assert_null (evl_lexicon_index_map (img, index->len, "en/t", len - 1));
  cr_assert_null (evl_lexicon_index_map (img, index->len, "en/none", len));
  cr_assert_null (evl_lexicon_index_map (img, index->len / 2, "en/t", len), "truncated");
  img[0] ^= 1;
  cr_assert_null (evl_lexicon_index_map (img, index->len, "en/t", len), "bad magic");
  evl_lexicon_free (o);
  evl_lexicon_free (mapped);
  evl_lexicon_free (other);
  evl_lexicon_free (parsed);
}

/* A mapped lexicon builds its entries on first use: threads that race to
 * use it first all get the same entries (one build), and a lexicon that is
 * never used is freed without them. */
typedef struct {
  const EvlLexicon *lex;
  const EvlLexEntry *hit;
  const EvlLexEntry *first;
} FirstUse;

static gpointer
first_use (gpointer p)
{
  FirstUse *u = p;
  u->hit = evl_lexicon_lookup (u->lex, "Sept", -1);
  u->first = evl_lexicon_get (u->lex, 0);
  return NULL;
}

Test (lexicon, mapped_entries_are_built_once_on_first_use)
{
  static const char text[] = "september|sept\tmonth\t9\nmay\tmonth\t5\n";
  gsize len = sizeof text - 1;
  EvlLexicon *parsed = evl_lexicon_parse ("t", text, len, NULL);
  cr_assert_not_null (parsed);
  g_autoptr (GByteArray) index = g_byte_array_new ();
  evl_lexicon_index_write (index, "en/t", parsed, len);
  evl_lexicon_index_finish (index);
  g_autofree guint8 *img = g_memdup2 (index->data, index->len);
  EvlLexicon *unused = evl_lexicon_index_map (img, index->len, "en/t", len);
  cr_assert_not_null (unused);
  cr_assert_eq (evl_lexicon_size (unused), 2);
  evl_lexicon_free (unused);
  for (guint round = 0; round < 20; round++)
    {
      EvlLexicon *mapped = evl_lexicon_index_map (img, index->len, "en/t", len);
      FirstUse u[4];
      GThread *t[4];
      for (guint i = 0; i < 4; i++)
        {
          u[i] = (FirstUse) { mapped, NULL, NULL };
          t[i] = g_thread_new ("first-use", first_use, &u[i]);
        }
      for (guint i = 0; i < 4; i++)
        g_thread_join (t[i]);
      for (guint i = 0; i < 4; i++)
        {
          cr_assert_not_null (u[i].hit);
          cr_assert_str_eq (u[i].hit->canonical, "september");
          cr_assert_str_eq (u[i].hit->attrs[1], "9");
          cr_assert_null (u[i].hit->attrs[2]);
          cr_assert_eq (u[i].hit, u[0].hit, "one build for every thread");
          cr_assert_eq (u[i].first, u[i].hit);
        }
      cr_assert_str_eq (evl_lexicon_get (mapped, 1)->attrs[0], "month");
      evl_lexicon_free (mapped);
    }
  evl_lexicon_free (parsed);
}
