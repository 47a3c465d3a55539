/* Both diagrams are well-formed SVG (libxml2) and say what the story is. */
#include "cli-helpers.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

TestSuite (svg, .timeout = 180 * EVL_TIMEOUT_SCALE, .fini = evl_test_tmp_cleanup);

static char *outdir;

/* Called first in each test's body, not as its .init: a failed assertion
 * in a .init ends the test without any .fini, leaving outdir behind. */
static void
build (void)
{
  outdir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *err = NULL;
  int code = evl_test_run (NULL, &err, "build", "--quiet", "-o", outdir, input, NULL);
  cr_assert_eq (code, 0, "%s", err);
}

static void
cleanup (void)
{
  evl_test_rmtree (outdir);
  g_free (outdir);
}

/* All text content of the document (titles, labels) concatenated. */
static char *
svg_text (const char *name)
{
  g_autofree char *path = g_build_filename (outdir, name, NULL);
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  cr_assert_not_null (doc, "%s is not well-formed XML", name);
  xmlNodePtr root = xmlDocGetRootElement (doc);
  cr_assert_str_eq ((const char *) root->name, "svg");
  xmlChar *content = xmlNodeGetContent (root);
  char *s = g_strdup ((const char *) content);
  xmlFree (content);
  xmlFreeDoc (doc);
  return s;
}

Test (svg, timeline_is_wellformed_and_labelled, .fini = cleanup)
{
  build ();
  g_autofree char *text = svg_text ("timeline.svg");
  cr_assert (strstr (text, "2023"), "time axis labels");
  cr_assert (strstr (text, "Putin") || strstr (text, "Kim"), "event labels name the leaders");
  cr_assert (strstr (text, "Missile") || strstr (text, "missile"), "missile lane or label");
  cr_assert (strstr (text, "atellite"), "satellite lane or label");
}

Test (svg, relations_is_wellformed_and_labelled, .fini = cleanup)
{
  build ();
  g_autofree char *text = svg_text ("relations.svg");
  cr_assert (strstr (text, "Kim Jong Un"), "Kim Jong Un");
  cr_assert (strstr (text, "Vladimir Putin"), "Vladimir Putin");
  cr_assert (strstr (text, "Vostochny"), "the place");
  cr_assert (strstr (text, "North Korea"), "the country");
}

Test (svg, pngs_are_written, .fini = cleanup)
{
  build ();
  static const char *const names[] = { "timeline.png", "relations.png" };
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (outdir, names[i], NULL);
      g_autofree char *data = NULL;
      gsize len = 0;
      cr_assert (g_file_get_contents (path, &data, &len, NULL), "%s exists", names[i]);
      cr_assert_gt (len, 1000);
      cr_assert (memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0, "%s is a PNG", names[i]);
    }
}

/* The same input gives the same diagrams in every run: Graphviz ordered
 * subgraphs by the addresses of their names, so the layout of a story
 * large enough to split into parts changed from run to run. */
Test (svg, diagrams_are_the_same_in_every_run)
{
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  g_autofree char *corpus = shared ? g_build_filename (shared, "data", "timeml", "AQUAINT", NULL) : NULL;
  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    cr_skip_test ("no ../shared/data/timeml/AQUAINT: a story large enough to split is needed");
  static const char *const files[] = { "relations.dot", "timeline.dot", "entities.dot" };
  /* not g_autofree: on an array it frees only the first element */
  char *first[G_N_ELEMENTS (files)] = { NULL };
  for (guint run = 0; run < 4; run++)
    {
      g_autofree char *dir = evl_test_tmpdir ();
      g_autofree char *err = NULL;
      int code = evl_test_run (NULL, &err, "build", "--quiet", "-f", "dot", "-o", dir, corpus, NULL);
      cr_assert_eq (code, 0, "%s", err);
      for (guint f = 0; f < G_N_ELEMENTS (files); f++)
        {
          g_autofree char *path = g_build_filename (dir, files[f], NULL);
          char *text = NULL;
          cr_assert (g_file_get_contents (path, &text, NULL, NULL), "%s", path);
          if (run == 0)
            first[f] = text;
          else
            {
              cr_assert_str_eq (text, first[f], "%s differs in run %u", files[f], run + 1);
              g_free (text);
            }
        }
      evl_test_rmtree (dir);
    }
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    g_free (first[f]);
}

/* The plain text of a TimeML file: its <TEXT> without the markup. */
static char *
timeml_plain_text (const char *path)
{
  g_autofree char *xml = NULL;
  cr_assert (g_file_get_contents (path, &xml, NULL, NULL), "%s", path);
  const char *b = strstr (xml, "<TEXT>");
  const char *e = b ? strstr (b, "</TEXT>") : NULL;
  cr_assert (b && e, "%s has a <TEXT>", path);
  g_autofree char *inner = g_strndup (b + 6, (gsize) (e - b - 6));
  g_autoptr (GRegex) tag = g_regex_new ("<[^>]*>", 0, 0, NULL);
  g_autofree char *bare = g_regex_replace_literal (tag, inner, -1, 0, "", 0, NULL);
  static const char *const ent[][2] = {
    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" }, { "&amp;", "&" },
  };
  GString *s = g_string_new (g_strstrip (bare));
  for (guint i = 0; i < G_N_ELEMENTS (ent); i++)
    g_string_replace (s, ent[i][0], ent[i][1], 0);
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}

/* The file @name that `build -f FORMAT INPUT` writes, its length in
 * *@len. */
static char *
built_file (const char *format, const char *input, const char *name, gsize *len)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *err = NULL;
  int code = evl_test_run (NULL, &err, "build", "--quiet", "-f", format, "-o", dir, input, NULL);
  cr_assert_eq (code, 0, "%s", err);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *data = NULL;
  cr_assert (g_file_get_contents (path, &data, len, NULL), "%s", path);
  evl_test_rmtree (dir);
  return data;
}

/* The entity diagram's PNG is the same in every run: neato's overlap
 * removal sums in an order that follows the heap's layout, so the layout
 * differed in its last bits from run to run and an edge label of these
 * 400 wire texts (as plain text) was drawn one pixel over in about one
 * run in five. */
Test (svg, entities_png_is_the_same_in_every_run)
{
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  g_autofree char *silver = shared ? g_build_filename (shared, "data", "bench", "silver", NULL) : NULL;
  GDir *d = silver ? g_dir_open (silver, 0, NULL) : NULL;
  if (d == NULL)
    cr_skip_test ("no ../shared/data/bench/silver");
  g_autofree char *corpus = evl_test_tmpdir ();
  for (const char *f; (f = g_dir_read_name (d));)
    {
      if (!g_str_has_suffix (f, ".tml"))
        continue;
      g_autofree char *src = g_build_filename (silver, f, NULL);
      g_autofree char *text = timeml_plain_text (src);
      g_autofree char *base = g_strndup (f, strlen (f) - 4);
      g_autofree char *name = g_strconcat (base, ".txt", NULL);
      g_autofree char *dst = g_build_filename (corpus, name, NULL);
      cr_assert (g_file_set_contents (dst, text, -1, NULL), "%s", dst);
    }
  g_dir_close (d);
  gsize first_len = 0;
  g_autofree char *first = built_file ("png", corpus, "entities.png", &first_len);
  for (guint run = 1; run < 10; run++)
    {
      gsize len = 0;
      g_autofree char *png = built_file ("png", corpus, "entities.png", &len);
      cr_assert (len == first_len && memcmp (png, first, len) == 0, "entities.png differs in run %u", run + 1);
    }
  evl_test_rmtree (corpus);
}

/* The PDF @name of the sample story, built twice a second apart (cairo's
 * stamp of the clock would differ) and asserted the same both times. */
static char *
pdf_built_twice (const char *name, gsize *len)
{
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  gsize len2 = 0;
  char *pdf = built_file ("pdf", input, name, len);
  g_usleep (1100 * 1000);
  g_autofree char *again = built_file ("pdf", input, name, &len2);
  cr_assert (*len == len2 && memcmp (pdf, again, len2) == 0, "two builds, one %s", name);
  return pdf;
}

/* With SOURCE_DATE_EPOCH set, a PDF carries that date, not the time it
 * was drawn (cairo stamps the clock), and two builds write the same
 * bytes. */
Test (svg, pdf_takes_source_date_epoch)
{
  g_setenv ("SOURCE_DATE_EPOCH", "1694563200", TRUE);
  gsize len = 0;
  g_autofree char *pdf = pdf_built_twice ("timeline.pdf", &len);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  static const char stamp[] = "/CreationDate (D:20230913000000Z)";
  gboolean found = FALSE;
  for (gsize i = 0; i + sizeof stamp - 1 <= len && !found; i++)
    found = memcmp (pdf + i, stamp, sizeof stamp - 1) == 0;
  cr_assert (found, "the PDF carries SOURCE_DATE_EPOCH's date");
}

/* Without SOURCE_DATE_EPOCH, a PDF carries no date at all (cairo stamped
 * the time it was drawn, so two builds of one story differed), and its
 * cross-reference table still points at every object. */
Test (svg, pdf_is_the_same_in_every_run)
{
  g_unsetenv ("SOURCE_DATE_EPOCH");
  gsize len = 0;
  g_autofree char *pdf = pdf_built_twice ("relations.pdf", &len);
  static const char key[] = "/CreationDate";
  for (gsize i = 0; i + sizeof key - 1 <= len; i++)
    cr_assert (memcmp (pdf + i, key, sizeof key - 1) != 0, "no creation date at byte %zu", i);
  /* every in-use entry of the table: 'NNNNNNNNNN 00000 n' at the offset of 'K 0 obj' */
  /* (the streams hold NULs: no string search) */
  const char *sx = NULL;
  for (gsize i = len - 9; i > 0 && sx == NULL; i--)
    if (memcmp (pdf + i, "startxref", 9) == 0)
      sx = pdf + i;
  cr_assert_not_null (sx, "a startxref");
  gsize xref = (gsize) g_ascii_strtoull (sx + 9, NULL, 10);
  cr_assert (xref + 4 < len && memcmp (pdf + xref, "xref", 4) == 0, "startxref points at the table");
  char *p = pdf + xref + 4;
  guint64 first = g_ascii_strtoull (p, &p, 10), count = g_ascii_strtoull (p, &p, 10);
  for (guint64 k = 0; k < count; k++)
    {
      guint64 off = g_ascii_strtoull (p, &p, 10);
      g_ascii_strtoull (p, &p, 10);
      while (*p == ' ')
        p++;
      char kind = *p++;
      if (kind != 'n')
        continue;
      g_autofree char *obj = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj", first + k);
      cr_assert (off + strlen (obj) <= len && memcmp (pdf + off, obj, strlen (obj)) == 0,
                 "object %s at offset %" G_GUINT64_FORMAT, obj, off);
    }
}
