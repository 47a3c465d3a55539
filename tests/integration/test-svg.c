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
  g_autofree char *first[G_N_ELEMENTS (files)] = { NULL };
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
}
