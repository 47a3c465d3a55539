/* The 'eval' suite: tags the 256 TimeBank + AQUAINT documents of
 * $EVL_SHARED_DIR/data/timeml with the eventline binary, scores TIMEX3 and
 * EVENT the TempEval-3 way through 'eventline eval --json', prints the
 * figures and fails below the guards in thresholds.h.  Skips when the
 * corpus is absent. */
#include "../integration/cli-helpers.h"
#include "thresholds.h"

#include <stdio.h>

TestSuite (corpus);

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
  cr_assert_eq (code, 0, "eventline tag failed: %s", err);

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

  json_node_unref (tn);
  json_node_unref (en);
  remove_tree (sys);
  g_free (sys);
  g_free (err);
  g_free (tb);
  g_free (aq);
  g_free (root);
}
