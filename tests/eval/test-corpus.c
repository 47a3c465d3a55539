/* The 'eval' suite: tags the 256 TimeBank + AQUAINT documents of
 * $EVL_SHARED_DIR/data/timeml with the eventline binary, scores TIMEX3 and
 * EVENT the TempEval-3 way through 'eventline eval --json', prints the
 * figures and fails below the guards in thresholds.h.  Likewise builds
 * each SemEval-2015 trial entity timeline from the raw trial documents
 * and scores it with 'eventline eval timeline'.  Each test skips when its
 * corpus is absent. */
#include "../integration/cli-helpers.h"
#include "thresholds.h"

#include <stdio.h>
#include <string.h>

TestSuite (corpus, .fini = evl_test_tmp_cleanup);

static char *
corpus_root (void)
{
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  return g_build_filename (shared ? shared : "../shared", "data", "timeml", NULL);
}

static double
f1_of (JsonObject *o, const char *member)
{
  JsonObject *m = json_object_get_object_member (o, member);
  cr_assert_not_null (m, "no '%s' in the scores", member);
  return 100.0 * json_object_get_double_member (m, "f1");
}

/* Runs 'eventline eval KIND' and returns the parsed JSON scores. */
static JsonNode *
score (const char *kind, const char *gold, const char *sys)
{
  char *out = NULL, *err = NULL;
  int code = evl_test_run (&out, &err, "eval", "--json", kind, gold, sys, NULL);
  cr_assert_eq (code, 0, "eventline eval %s failed: %s", kind, err);
  GError *error = NULL;
  JsonNode *node = json_from_string (out, &error);
  cr_assert_not_null (node, "bad JSON from eval: %s", error ? error->message : "");
  JsonObject *o = json_node_get_object (node);
  cr_assert_eq (json_object_get_int_member (o, "documents"), 256);
  cr_assert_eq (json_object_get_int_member (o, "documents_without_system"), 0);
  cr_assert_eq (json_object_get_int_member (o, "documents_text_mismatch"), 0);
  g_free (out);
  g_free (err);
  return node;
}

static void
remove_tree (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      char *p = g_build_filename (dir, name, NULL);
      g_remove (p);
      g_free (p);
    }
  if (d)
    g_dir_close (d);
  g_rmdir (dir);
}

#define GUARD(what, value, min)                                              \
  cr_expect_geq (value, min, "%s F1 %.2f fell below its guard %.2f (tests/eval/thresholds.h)", \
                 what, value, (double) (min))

Test (corpus, tempeval3_timex_and_events, .timeout = 1800)
{
  char *root = corpus_root ();
  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      fprintf (stderr, "eval: %s is absent; skipping the corpus scores\n", root);
      g_free (root);
      cr_skip_test ("TimeML corpus absent");
    }
  char *tb = g_build_filename (root, "TimeBank", NULL);
  char *aq = g_build_filename (root, "AQUAINT", NULL);
  char *sys = evl_test_tmpdir ();
  char *err = NULL;
  gint64 t0 = g_get_monotonic_time ();
  int code = evl_test_run (NULL, &err, "tag", "-q", "-o", sys, tb, aq, NULL);
  double secs = (g_get_monotonic_time () - t0) / 1e6;
  cr_assert_eq (code, 0, "eventline tag exited with %d (128+ is a signal): %s", code, err);

  JsonNode *tn = score ("timex", root, sys);
  JsonNode *en = score ("events", root, sys);
  JsonObject *t = json_node_get_object (tn), *e = json_node_get_object (en);
  double ts = f1_of (t, "strict"), tr = f1_of (t, "relaxed"), tt = f1_of (t, "type"),
         tv = f1_of (t, "value");
  double es = f1_of (e, "strict"), er = f1_of (e, "relaxed"), ec = f1_of (e, "class");
  fprintf (stderr,
           "eval: TimeBank+AQUAINT, 256 documents tagged in %.1f s\n"
           "eval: TIMEX3 F1  strict %6.2f  relaxed %6.2f  type %6.2f  value %6.2f\n"
           "eval: EVENT  F1  strict %6.2f  relaxed %6.2f  class %6.2f\n",
           secs, ts, tr, tt, tv, es, er, ec);
  GUARD ("TIMEX3 strict", ts, EVL_MIN_TIMEX_STRICT_F1);
  GUARD ("TIMEX3 relaxed", tr, EVL_MIN_TIMEX_RELAXED_F1);
  GUARD ("TIMEX3 type", tt, EVL_MIN_TIMEX_TYPE_F1);
  GUARD ("TIMEX3 value", tv, EVL_MIN_TIMEX_VALUE_F1);
  GUARD ("EVENT strict", es, EVL_MIN_EVENT_STRICT_F1);
  GUARD ("EVENT relaxed", er, EVL_MIN_EVENT_RELAXED_F1);
  GUARD ("EVENT class", ec, EVL_MIN_EVENT_CLASS_F1);

  /* TLINKs: 'eval tlinks' has its own JSON shape (no text-mismatch
   * count, scores per kind), so it is read here rather than by score(). */
  char *lout = NULL, *lerr = NULL;
  cr_assert_eq (evl_test_run (&lout, &lerr, "eval", "--json", "tlinks", root, sys, NULL), 0,
                "eventline eval tlinks failed: %s", lerr);
  JsonNode *ln = json_from_string (lout, NULL);
  cr_assert_not_null (ln, "bad JSON from eval tlinks");
  JsonObject *all = json_object_get_object_member (json_node_get_object (ln), "all");
  cr_assert_not_null (all, "no 'all' in the TLINK scores");
  double la = f1_of (all, "temporal_awareness");
  fprintf (stderr, "eval: TLINK  temporal awareness F1 %6.2f\n", la);
  GUARD ("TLINK temporal awareness", la, EVL_MIN_TLINK_AWARENESS_F1);
  json_node_unref (ln);
  g_free (lout);
  g_free (lerr);

  json_node_unref (tn);
  json_node_unref (en);
  remove_tree (sys);
  g_free (sys);
  g_free (err);
  g_free (tb);
  g_free (aq);
  g_free (root);
}

/* Reads the entity (first line) of a gold timeline file. */
static char *
timeline_entity (const char *path)
{
  char *text = NULL;
  cr_assert (g_file_get_contents (path, &text, NULL, NULL), "cannot read %s", path);
  char *nl = strchr (text, '\n');
  if (nl)
    *nl = '\0';
  g_strstrip (text);
  return text;
}

Test (corpus, semeval2015_timelines, .timeout = 1800)
{
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  char *root = g_build_filename (shared ? shared : "../shared", "data", "timeline-trial", NULL);
  char *gold = g_build_filename (root, "gold", NULL);
  char *docs = g_build_filename (root, "docs", NULL);
  if (!g_file_test (gold, G_FILE_TEST_IS_DIR) || !g_file_test (docs, G_FILE_TEST_IS_DIR))
    {
      fprintf (stderr, "eval: %s is absent; skipping the timeline scores\n", root);
      cr_skip_test ("timeline-trial corpus absent");
    }
  char *sys = evl_test_tmpdir ();
  GDir *d = g_dir_open (gold, 0, NULL);
  cr_assert_not_null (d);
  const char *name;
  guint n = 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (name[0] == '.')
        continue;
      char *gpath = g_build_filename (gold, name, NULL);
      char *entity = timeline_entity (gpath);
      char *out = NULL, *err = NULL;
      int code = evl_test_run (&out, &err, "timeline", "--entity", entity, "--format", "semeval",
                               docs, NULL);
      if (code == 2 && err && strstr (err, "not implemented"))
        {
          fprintf (stderr, "eval: 'eventline timeline' is not implemented yet; skipping\n");
          cr_skip_test ("eventline timeline not implemented");
        }
      cr_assert_eq (code, 0, "eventline timeline --entity '%s' failed: %s", entity, err);
      char *spath = g_build_filename (sys, name, NULL);
      cr_assert (g_file_set_contents (spath, out, -1, NULL));
      n++;
      g_free (spath);
      g_free (out);
      g_free (err);
      g_free (entity);
      g_free (gpath);
    }
  g_dir_close (d);
  cr_assert_gt (n, 0);

  char *out = NULL, *err = NULL;
  int code = evl_test_run (&out, &err, "eval", "--json", "timeline", gold, sys, NULL);
  cr_assert_eq (code, 0, "eventline eval timeline failed: %s", err);
  JsonNode *node = json_from_string (out, NULL);
  cr_assert_not_null (node, "bad JSON from eval timeline");
  JsonObject *o = json_node_get_object (node);
  JsonObject *ta = json_object_get_object_member (o, "temporal_awareness");
  double p = 100.0 * json_object_get_double_member (ta, "precision");
  double r = 100.0 * json_object_get_double_member (ta, "recall");
  double f = 100.0 * json_object_get_double_member (ta, "f1");
  fprintf (stderr, "eval: TimeLine (%u entities) temporal awareness  P %6.2f  R %6.2f  F1 %6.2f\n",
           n, p, r, f);
  GUARD ("TimeLine temporal awareness", f, EVL_MIN_TIMELINE_F1);
  json_node_unref (node);
  remove_tree (sys);
  g_free (sys);
  g_free (out);
  g_free (err);
  g_free (docs);
  g_free (gold);
  g_free (root);
}
