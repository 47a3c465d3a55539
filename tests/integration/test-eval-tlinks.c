/* eventline tag writes TLINKs that eventline eval tlinks reads back:
 * the two commands end to end on a small hand-written TimeML file. */
#include "cli-helpers.h"

#include <glib/gstdio.h>
#include <string.h>

TestSuite (eval_tlinks, .timeout = 120 * EVL_TIMEOUT_SCALE, .fini = evl_test_tmp_cleanup);

static const char gold[] =
  "<?xml version=\"1.0\"?>\n<TimeML>\n<DOCID>tl1</DOCID>\n"
  "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2021-03-05\" temporalFunction=\"false\" "
  "functionInDocument=\"CREATION_TIME\">2021-03-05</TIMEX3></DCT>\n<TEXT>\n"
  "The council <EVENT eid=\"e1\" class=\"OCCURRENCE\">voted</EVENT> on "
  "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2021-03-02\">Tuesday</TIMEX3> to close the bridge.  "
  "Engineers will <EVENT eid=\"e2\" class=\"OCCURRENCE\">inspect</EVENT> it next month.\n</TEXT>\n"
  "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\" aspect=\"NONE\" polarity=\"POS\" pos=\"VERB\"/>\n"
  "<MAKEINSTANCE eventID=\"e2\" eiid=\"ei2\" tense=\"FUTURE\" aspect=\"NONE\" polarity=\"POS\" pos=\"VERB\"/>\n"
  "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n"
  "<TLINK lid=\"l2\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>\n"
  "<TLINK lid=\"l3\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToTime=\"t0\"/>\n"
  "</TimeML>\n";

/* Tags the gold file @text (named @name.tml) into a fresh folder: the
 * system file in *@sys, `eval tlinks --json` of the two in *@json; the
 * two folders in *@gdir and *@sdir. */
static void
tag_and_score (const char *text, const char *name, char **sys, char **json, char **gdir, char **sdir)
{
  g_autofree char *dir = evl_test_tmpdir ();
  *gdir = g_build_filename (dir, "gold", NULL);
  *sdir = g_build_filename (dir, "sys", NULL);
  cr_assert_eq (g_mkdir (*gdir, 0755), 0);
  g_autofree char *file = g_strconcat (name, ".tml", NULL);
  g_autofree char *gfile = g_build_filename (*gdir, file, NULL);
  cr_assert (g_file_set_contents (gfile, text, -1, NULL));
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "tag", "-q", "-o", *sdir, gfile, NULL), 0, "%s", err);
  g_autofree char *sfile = g_build_filename (*sdir, file, NULL);
  cr_assert (g_file_get_contents (sfile, sys, NULL, NULL));
  g_clear_pointer (&err, g_free);
  cr_assert_eq (evl_test_run (json, &err, "eval", "tlinks", "--json", *gdir, *sdir, NULL), 0, "%s", err);
}

Test (eval_tlinks, tag_output_scores_against_gold)
{
  g_autofree char *sys = NULL, *out = NULL, *gdir = NULL, *sdir = NULL;
  tag_and_score (gold, "tl1", &sys, &out, &gdir, &sdir);
  cr_assert_not_null (strstr (sys, "<TLINK lid=\"l1\""), "%s", sys);
  cr_assert_not_null (strstr (out, "\"kind\" : \"tlinks\""), "%s", out);
  cr_assert_not_null (strstr (out, "\"gold_links\" : 3"), "%s", out);
  cr_assert_not_null (strstr (out, "\"event-DCT\""), "%s", out);
  /* The past vote BEFORE the DCT is what any reading of the tense gives. */
  g_autofree char *table = NULL;
  cr_assert_eq (evl_test_run (&table, NULL, "eval", "tlinks", gdir, sdir, NULL), 0);
  cr_assert_not_null (strstr (table, "awareness"), "%s", table);
  cr_assert_not_null (strstr (table, "pairwise"), "%s", table);
  g_autofree char *help = NULL;
  cr_assert_eq (evl_test_run (&help, NULL, "eval", "--help", NULL), 0);
  cr_assert_not_null (strstr (help, "tlinks"), "%s", help);
}

/* A duration and a date after 'since', linked by tag as the gold links
 * them: the event within the duration, the one 'since' a date begun by
 * it. */
static const char gold_bounds[] =
  "<?xml version=\"1.0\"?>\n<TimeML>\n<DOCID>tl2</DOCID>\n"
  "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2021-03-05\" temporalFunction=\"false\" "
  "functionInDocument=\"CREATION_TIME\">2021-03-05</TIMEX3></DCT>\n<TEXT>\n"
  "Sales <EVENT eid=\"e1\" class=\"OCCURRENCE\">rose</EVENT> 5% over "
  "<TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P2W\">two weeks</TIMEX3>.  The plant has "
  "<EVENT eid=\"e2\" class=\"OCCURRENCE\">operated</EVENT> since "
  "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998\">1998</TIMEX3>.\n</TEXT>\n"
  "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\" aspect=\"NONE\" polarity=\"POS\" pos=\"VERB\"/>\n"
  "<MAKEINSTANCE eventID=\"e2\" eiid=\"ei2\" tense=\"PRESENT\" aspect=\"PERFECTIVE\" polarity=\"POS\" pos=\"VERB\"/>\n"
  "<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>\n"
  "<TLINK lid=\"l2\" relType=\"BEGUN_BY\" eventInstanceID=\"ei2\" relatedToTime=\"t2\"/>\n"
  "</TimeML>\n";

Test (eval_tlinks, duration_and_since_links_match_gold)
{
  g_autofree char *sys = NULL, *out = NULL, *gdir = NULL, *sdir = NULL;
  tag_and_score (gold_bounds, "tl2", &sys, &out, &gdir, &sdir);
  cr_assert_not_null (strstr (sys, "relType=\"BEGUN_BY\""), "%s", sys);
  /* Both gold event-timex links found, no other made. */
  const char *k = strstr (out, "\"event-timex\"");
  cr_assert_not_null (k, "%s", out);
  const char *f1 = strstr (k, "\"f1\" : 1.0");
  cr_assert (f1 != NULL && f1 < strstr (k, "\"pairwise\""), "%s", out);
}
