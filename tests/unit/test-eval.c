/* TempEval-3 scorer (eval/eval.c) on small hand-made gold/system pairs. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evl-private.h"
#include "../tmp-helpers.h"

TestSuite (eval, .fini = evl_test_tmp_cleanup);

/* "start-end:TYPE:VALUE;..." -> tags (strings point into @buf). */
static guint
parse_tags (const char *spec, const char *tag, EvlGoldTag *out, guint cap, char *buf)
{
  strcpy (buf, spec);
  guint n = 0;
  char *save = NULL;
  for (char *item = strtok_r (buf, ";", &save); item && n < cap; item = strtok_r (NULL, ";", &save))
    {
      char *type = strchr (item, ':');
      char *value = type ? strchr (type + 1, ':') : NULL;
      if (type)
        *type++ = '\0';
      if (value)
        *value++ = '\0';
      EvlGoldTag g = { { 0, 0 }, tag, NULL, type, value };
      g.span.start = (guint32) strtoul (item, &item, 10);
      g.span.end = (guint32) strtoul (item + 1, NULL, 10);
      out[n++] = g;
    }
  return n;
}

typedef struct {
  char name[40];
  char gold[120];
  char system[120];
  double strict[3];   /* P R F1 */
  double relaxed[3];
  double type_f1, value_f1, type_accuracy;
} ScoreCase;

ParameterizedTestParameters (eval, timex_scores)
{
  static ScoreCase cases[] = {
    { "identical", "0-5:DATE:2020", "0-5:DATE:2020",
      { 1, 1, 1 }, { 1, 1, 1 }, 1, 1, 1 },
    { "partial overlap", "0-10:DATE:2020", "5-15:DATE:2020",
      { 0, 0, 0 }, { 1, 1, 1 }, 1, 1, 1 },
    { "one missed one spurious", "0-5:DATE:a;10-15:DATE:b", "0-5:DATE:a;20-25:DATE:c",
      { 0.5, 0.5, 0.5 }, { 0.5, 0.5, 0.5 }, 0.5, 0.5, 1 },
    { "one system covers two gold", "0-5:DATE:a;6-10:DATE:b", "0-10:DATE:a",
      { 0, 0, 0 }, { 1, 1, 1 }, 1, 2.0 / 3, 1 },
    { "wrong type, right value", "0-5:DATE:2020;10-15:DATE:2021", "0-5:DATE:2020;10-14:TIME:2021",
      { 0.5, 0.5, 0.5 }, { 1, 1, 1 }, 0.5, 1, 0.5 },
    { "three of four found", "0-2:DATE:a;3-5:DATE:b;6-8:DURATION:P1D;9-11:SET:P1W",
      "0-2:DATE:a;3-4:DATE:x;6-8:DURATION:P1D",
      { 2.0 / 3, 0.5, 4.0 / 7 }, { 1, 0.75, 6.0 / 7 }, 6.0 / 7, 4.0 / 7, 1 },
    { "empty system", "0-5:DATE:a", "",
      { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, 0 },
  };
  return cr_make_param_array (ScoreCase, cases, G_N_ELEMENTS (cases));
}

static void
assert_prf (const EvlPRF *p, const double want[3], const char *what, const char *name)
{
  cr_assert_float_eq (p->precision, want[0], 1e-9, "%s %s precision %f", name, what, p->precision);
  cr_assert_float_eq (p->recall, want[1], 1e-9, "%s %s recall %f", name, what, p->recall);
  cr_assert_float_eq (p->f1, want[2], 1e-9, "%s %s F1 %f", name, what, p->f1);
}

ParameterizedTest (ScoreCase *c, eval, timex_scores)
{
  EvlGoldTag gold[8], sys[8];
  char gbuf[120], sbuf[120];
  guint ng = parse_tags (c->gold, "TIMEX3", gold, 8, gbuf);
  guint ns = parse_tags (c->system, "TIMEX3", sys, 8, sbuf);
  EvlEvalCounts counts;
  evl_eval_counts_init (&counts, EVL_EVAL_TIMEX);
  evl_eval_add_tags (&counts, gold, ng, sys, ns);
  EvlEvalScores s;
  evl_eval_counts_score (&counts, &s);
  assert_prf (&s.strict, c->strict, "strict", c->name);
  assert_prf (&s.relaxed, c->relaxed, "relaxed", c->name);
  cr_assert_float_eq (s.attr[0].f1, c->type_f1, 1e-9, "%s type F1 %f", c->name, s.attr[0].f1);
  cr_assert_float_eq (s.attr[1].f1, c->value_f1, 1e-9, "%s value F1 %f", c->name, s.attr[1].f1);
  cr_assert_float_eq (s.attr_accuracy[0], c->type_accuracy, 1e-9, "%s", c->name);
  /* TempEval-3: attribute F1 = relaxed F1 x accuracy when matches pair up. */
  if (counts.relaxed_gold == counts.relaxed_system)
    cr_assert_float_eq (s.attr[0].f1, s.relaxed.f1 * s.attr_accuracy[0], 1e-9, "%s", c->name);
}

/* An EVENT's second attribute is its tense (the tag's value). */
Test (eval, event_tense_is_scored_apart_from_class)
{
  EvlGoldTag gold[] = {
    { { 0, 4 }, "EVENT", "e1", "OCCURRENCE", "PAST" },
    { { 5, 9 }, "EVENT", "e2", "OCCURRENCE", "NONE" },
  };
  EvlGoldTag sys[] = {
    { { 0, 4 }, "EVENT", "e1", "OCCURRENCE", "PRESENT" },
    { { 5, 9 }, "EVENT", "e2", "OCCURRENCE", "NONE" },
  };
  EvlEvalCounts c;
  evl_eval_counts_init (&c, EVL_EVAL_EVENT);
  evl_eval_add_tags (&c, gold, 2, sys, 2);
  cr_assert_eq (c.attr_gold[0], 2, "both classes agree");
  cr_assert_eq (c.attr_gold[1], 1, "one tense agrees");
  EvlEvalScores s;
  evl_eval_counts_score (&c, &s);
  cr_assert_float_eq (s.attr_accuracy[1], 0.5, 1e-9);
}

Test (eval, other_kinds_of_tag_are_ignored)
{
  EvlGoldTag gold[] = {
    { { 0, 4 }, "EVENT", "e1", "OCCURRENCE", NULL },
    { { 5, 9 }, "TIMEX3", "t1", "DATE", "2020" },
    { { 0, 9 }, "s", "1", NULL, NULL },
  };
  EvlGoldTag sys[] = {
    { { 0, 4 }, "EVENT", "e1", "STATE", NULL },
    { { 12, 14 }, "EVENT", "e2", "OCCURRENCE", NULL },
  };
  EvlEvalCounts c;
  evl_eval_counts_init (&c, EVL_EVAL_EVENT);
  evl_eval_add_tags (&c, gold, 3, sys, 2);
  cr_assert_eq (c.gold, 1);
  cr_assert_eq (c.system, 2);
  cr_assert_eq (c.strict_gold, 1);
  cr_assert_eq (c.strict_system, 1);
  cr_assert_eq (c.attr_gold[0], 0, "class differs");
  EvlEvalScores s;
  evl_eval_counts_score (&c, &s);
  cr_assert_float_eq (s.strict.f1, 2.0 / 3, 1e-9);
  cr_assert_float_eq (s.attr[0].f1, 0, 1e-9);
  cr_assert_str_eq (evl_eval_attr_name (EVL_EVAL_EVENT, 0), "class");
  cr_assert_str_eq (evl_eval_attr_name (EVL_EVAL_EVENT, 1), "tense");
  cr_assert_null (evl_eval_attr_name (EVL_EVAL_EVENT, 2));
  cr_assert_str_eq (evl_eval_attr_name (EVL_EVAL_TIMEX, 1), "value");
}

Test (eval, breakdown_by_category_uses_each_sides_label)
{
  EvlGoldTag gold[] = {
    { { 0, 5 }, "TIMEX3", NULL, "DATE", "2020" },
    { { 10, 15 }, "TIMEX3", NULL, "DATE", "2021" },
    { { 20, 25 }, "TIMEX3", NULL, "DURATION", "P1D" },
    { { 30, 35 }, "TIMEX3", NULL, "TEMPONYM", "X" },
  };
  EvlGoldTag sys[] = {
    { { 0, 5 }, "TIMEX3", NULL, "DATE", "2020" },
    { { 11, 15 }, "TIMEX3", NULL, "TIME", "2021" },
    { { 40, 45 }, "TIMEX3", NULL, "SET", "P1W" },
  };
  EvlEvalCounts c;
  evl_eval_counts_init (&c, EVL_EVAL_TIMEX);
  evl_eval_add_tags (&c, gold, 4, sys, 3);
  const EvlEvalCategoryCounts *date = &c.by_category[0], *time = &c.by_category[1],
                              *dur = &c.by_category[2], *set = &c.by_category[3],
                              *other = &c.by_category[4];
  cr_assert_str_eq (evl_eval_category_name (EVL_EVAL_TIMEX, 4), "other");
  cr_assert_null (evl_eval_category_name (EVL_EVAL_TIMEX, 5));
  cr_assert_eq (date->gold, 2);
  cr_assert_eq (date->gold_strict, 1);
  cr_assert_eq (date->gold_relaxed, 2);
  cr_assert_eq (date->gold_correct, 2, "values agree on both best matches");
  cr_assert_eq (date->system, 1);
  cr_assert_eq (time->system, 1);
  cr_assert_eq (time->system_relaxed, 1);
  cr_assert_eq (dur->gold, 1);
  cr_assert_eq (dur->gold_relaxed, 0);
  cr_assert_eq (set->system, 1);
  cr_assert_eq (set->system_relaxed, 0);
  cr_assert_eq (other->gold, 1, "unknown labels are 'other'");
}

Test (eval, counts_are_micro_averaged_over_documents)
{
  EvlGoldTag g1[] = { { { 0, 3 }, "TIMEX3", NULL, "DATE", "a" } };
  EvlGoldTag g2[] = { { { 0, 3 }, "TIMEX3", NULL, "DATE", "b" }, { { 4, 6 }, "TIMEX3", NULL, "DATE", "c" },
                      { { 7, 9 }, "TIMEX3", NULL, "DATE", "d" } };
  EvlEvalCounts c;
  evl_eval_counts_init (&c, EVL_EVAL_TIMEX);
  evl_eval_add_tags (&c, g1, 1, g1, 1);   /* perfect */
  evl_eval_add_tags (&c, g2, 3, NULL, 0); /* all missed */
  EvlEvalScores s;
  evl_eval_counts_score (&c, &s);
  cr_assert_float_eq (s.strict.precision, 1.0, 1e-9);
  cr_assert_float_eq (s.strict.recall, 0.25, 1e-9);
  cr_assert_float_eq (s.strict.f1, 0.4, 1e-9);
}

static const char gold_doc[] =
  "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2020-01-01\" "
  "functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>"
  "<TEXT>Rain <EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT> on "
  "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2019-12-30\">Monday</TIMEX3>.</TEXT></TimeML>";

static const char sys_doc[] =
  "<TimeML><TEXT>Rain fell on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2019-12-30\">"
  "Monday</TIMEX3>.</TEXT></TimeML>";

Test (eval, folders_pair_files_by_name)
{
  g_autofree char *root = evl_test_tmp_make ("evl-eval-XXXXXX");
  g_autofree char *gold = g_build_filename (root, "gold", NULL);
  g_autofree char *gsub = g_build_filename (gold, "TimeBank", NULL);
  g_autofree char *sys = g_build_filename (root, "sys", NULL);
  cr_assert_eq (g_mkdir_with_parents (gsub, 0755), 0);
  cr_assert_eq (g_mkdir_with_parents (sys, 0755), 0);
  const char *files[][2] = {
    { "gold/TimeBank/a.tml", gold_doc },
    { "gold/b.tml", gold_doc },
    { "gold/README.txt", "not TimeML at all" },
    { "sys/a.tml", sys_doc },
  };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *p = g_build_filename (root, files[i][0], NULL);
      cr_assert (g_file_set_contents (p, files[i][1], -1, NULL));
    }
  EvlEvalCounts c;
  evl_eval_counts_init (&c, EVL_EVAL_TIMEX);
  GError *error = NULL;
  cr_assert (evl_eval_dirs (&c, gold, sys, &error), "%s", error ? error->message : "");
  cr_assert_eq (c.n_docs, 2);
  cr_assert_eq (c.n_docs_missing, 1, "b.tml has no system file");
  cr_assert_eq (c.n_docs_mismatch, 0);
  cr_assert_eq (c.gold, 2, "the DCT is not scored");
  cr_assert_eq (c.system, 1);
  cr_assert_eq (c.strict_gold, 1);
  cr_assert_eq (c.attr_gold[1], 1);

  EvlEvalCounts e;
  evl_eval_counts_init (&e, EVL_EVAL_EVENT);
  cr_assert (evl_eval_dirs (&e, gold, sys, NULL));
  cr_assert_eq (e.gold, 2);
  cr_assert_eq (e.system, 0);

  const char *rm[] = { "gold/TimeBank/a.tml", "gold/b.tml", "gold/README.txt", "sys/a.tml",
                       "gold/TimeBank", "gold", "sys", "" };
  for (guint i = 0; i < G_N_ELEMENTS (rm); i++)
    {
      g_autofree char *p = g_build_filename (root, rm[i], NULL);
      g_remove (p);
    }
}

static void
count_mismatch (const EvlEvalMismatch *m, gpointer user_data)
{
  GString *log = user_data;
  const EvlGoldTag *t = m->gold ? m->gold : m->system;
  const char *text = m->gold ? m->gold_text : m->system_text;
  g_string_append_printf (log, "%s:%d:%u:%.*s;", m->doc, m->kind, m->attr,
                          (int) (t->span.end - t->span.start), text + t->span.start);
}

Test (eval, mismatches_are_reported_once_each)
{
  g_autofree char *root = evl_test_tmp_make ("evl-eval-XXXXXX");
  g_autofree char *g = g_build_filename (root, "g", NULL);
  g_autofree char *s = g_build_filename (root, "s", NULL);
  g_mkdir (g, 0755);
  g_mkdir (s, 0755);
  g_autofree char *gf = g_build_filename (g, "x.tml", NULL);
  g_autofree char *sf = g_build_filename (s, "x.tml", NULL);
  cr_assert (g_file_set_contents (gf,
    "<TimeML><TEXT>On <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-01-03\">Friday</TIMEX3> "
    "and <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020-01\">last month</TIMEX3> "
    "and <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2019\">1999</TIMEX3> now.</TEXT></TimeML>", -1, NULL));
  cr_assert (g_file_set_contents (sf,
    "<TimeML><TEXT>On <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-01-03\">Friday</TIMEX3> "
    "and last <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2019-12\">month</TIMEX3> "
    "and 1999 <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"PRESENT_REF\">now</TIMEX3>.</TEXT></TimeML>", -1, NULL));
  EvlEvalCounts c;
  evl_eval_counts_init (&c, EVL_EVAL_TIMEX);
  g_autoptr (GString) log = g_string_new (NULL);
  cr_assert (evl_eval_dirs_full (&c, g, s, count_mismatch, log, NULL));
  /* Gold side first (partial, then its value), then the spurious one. */
  cr_assert_str_eq (log->str, "x.tml:2:0:last month;x.tml:3:1:last month;x.tml:0:0:1999;"
                              "x.tml:1:0:now;");
  g_remove (gf);
  g_remove (sf);
  g_rmdir (g);
  g_rmdir (s);
  g_rmdir (root);
}

Test (eval, unreadable_system_file_is_an_error)
{
  g_autofree char *root = evl_test_tmp_make ("evl-eval-XXXXXX");
  g_autofree char *g = g_build_filename (root, "g", NULL);
  g_autofree char *s = g_build_filename (root, "s", NULL);
  g_mkdir (g, 0755);
  g_mkdir (s, 0755);
  g_autofree char *gf = g_build_filename (g, "x.tml", NULL);
  g_autofree char *sf = g_build_filename (s, "x.tml", NULL);
  cr_assert (g_file_set_contents (gf, gold_doc, -1, NULL));
  cr_assert (g_file_set_contents (sf, "<TimeML><TEXT>broken", -1, NULL));
  EvlEvalCounts c;
  evl_eval_counts_init (&c, EVL_EVAL_TIMEX);
  GError *error = NULL;
  cr_assert_not (evl_eval_dirs (&c, g, s, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  cr_assert_not_null (strstr (error->message, "x.tml"), "%s", error->message);
  g_error_free (error);
  g_remove (gf);
  g_remove (sf);
  g_rmdir (g);
  g_rmdir (s);
  g_rmdir (root);
}

Test (eval, annotated_document_scores_its_own_annotations)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("d", "Rain fell on Monday.", -1, NULL);
  EvlGoldTag g = { { 13, 19 }, "TIMEX3", "t1", "DATE", "2019-12-30" };
  evl_document_add_gold (doc, &g);
  EvlTimex t = { .span = { 13, 19 }, .type = EVL_TIMEX_DATE, .value = "2019-12-23", .anchor = -1 };
  evl_document_add_timex (doc, &t);
  EvlEvalCounts c;
  evl_eval_counts_init (&c, EVL_EVAL_TIMEX);
  evl_eval_add_annotated (&c, doc);
  cr_assert_eq (c.strict_gold, 1);
  cr_assert_eq (c.attr_gold[0], 1, "type agrees");
  cr_assert_eq (c.attr_gold[1], 0, "value differs");
}

/* ---- SemEval-2015 TimeLine: temporal awareness ---- */

typedef struct {
  char name[40];
  char gold[200];
  char system[200];
  gboolean no_system;
  double precision, recall;
} TimelineCase;

ParameterizedTestParameters (eval, timeline_awareness)
{
  static TimelineCase cases[] = {
    { "identical", "E\n1\t2008-06-09\ta-1-x\ta-2-y\n2\tXXXX-XX-XX\tb-1-z\n",
      "E\n1\t2008-06-09\ta-1-x\ta-2-y\n2\tXXXX-XX-XX\tb-1-z\n", FALSE, 1, 1 },
    { "no system timeline", "E\n1\t2008\ta-1-x\n2\t2009\tb-1-z\n", "", TRUE, 0, 0 },
    { "two swapped", "E\n1\tXXXX-XX-XX\tA\n2\tXXXX-XX-XX\tB\n3\tXXXX-XX-XX\tC\n",
      "E\n1\tXXXX-XX-XX\tB\n2\tXXXX-XX-XX\tA\n3\tXXXX-XX-XX\tC\n", FALSE, 0.5, 0.5 },
    { "dates at other grains", "E\n1\t2008-06-09\tA\n2\t2010\tB\n",
      "E\n1\t2008-06\tA\n2\t2010-06-07\tB\n", FALSE, 2.0 / 3, 2.0 / 3 },
    { "order contradicting dates", "E\n1\t2008\tB\n2\t2010\tA\n",
      "E\n1\t2010\tA\n2\t2008\tB\n", FALSE, 2.0 / 3, 1 },
    { "order zero adds nothing", "E\n0\tXXXX-XX-XX\tZ\n1\t2001\tA\n",
      "E\n0\tXXXX-XX-XX\tA\n1\t2001\tZ\n", FALSE, 0, 0 },
    { "coreferent mentions", "E\n1\t2003-04-28\tA\tB\n",
      "E\n1\t2003-04-28\tA\n1\t2003-04-28\tB\n", FALSE, 1, 1 },
  };
  return cr_make_param_array (TimelineCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (TimelineCase *c, eval, timeline_awareness)
{
  EvlTimelineCounts counts;
  evl_eval_timeline_counts_init (&counts);
  GError *error = NULL;
  cr_assert (evl_eval_timeline_add (&counts, c->gold, c->no_system ? NULL : c->system, c->name, &error),
             "%s", error ? error->message : "");
  EvlPRF p;
  evl_eval_timeline_score (&counts, &p);
  cr_assert_float_eq (p.precision, c->precision, 1e-9, "%s: precision %f (%u/%u)", c->name,
                      p.precision, counts.system_verified, counts.system);
  cr_assert_float_eq (p.recall, c->recall, 1e-9, "%s: recall %f (%u/%u)", c->name, p.recall,
                      counts.gold_verified, counts.gold);
  cr_assert_eq (counts.n_missing, c->no_system ? 1u : 0u);
}

Test (eval, timeline_rejects_malformed_lines)
{
  EvlTimelineCounts counts;
  evl_eval_timeline_counts_init (&counts);
  GError *error = NULL;
  cr_assert_not (evl_eval_timeline_add (&counts, "E\n1\t2008\tA\nfirst\tA\tB\n", NULL, "t.txt", &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  cr_assert_not_null (strstr (error->message, "t.txt:3"), "%s", error->message);
  g_error_free (error);
}

Test (eval, timeline_gold_scores_perfectly_against_itself)
{
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  g_autofree char *gold = g_build_filename (shared ? shared : "../shared", "data", "timeline-trial", "gold", NULL);
  if (!g_file_test (gold, G_FILE_TEST_IS_DIR))
    cr_skip_test ("no %s", gold);
  EvlTimelineCounts counts;
  evl_eval_timeline_counts_init (&counts);
  GError *error = NULL;
  cr_assert (evl_eval_timeline_dirs (&counts, gold, gold, &error), "%s", error ? error->message : "");
  cr_assert_eq (counts.n_timelines, 6);
  cr_assert_gt (counts.gold, 100);
  /* One gold mention sits at two ORDERs (two events, one word): its
   * contradicting relations are dropped from the closure, nothing else. */
  cr_assert_geq (counts.gold_verified + 4, counts.gold, "%u/%u", counts.gold_verified, counts.gold);
  cr_assert_eq (counts.system_verified, counts.gold_verified);
}

Test (eval, timeline_scoring_is_fast_on_long_timelines, .timeout = 20 * EVL_TIMEOUT_SCALE)
{
  g_autoptr (GString) t = g_string_new ("Entity\n");
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (t, "%u\t%u-%02u\td%u-%u-w\td%u-%u-v\n", i / 2 + 1, 1900 + i / 24,
                            1 + (i / 2) % 12, i % 9, i, i % 5, i);
  EvlTimelineCounts counts;
  evl_eval_timeline_counts_init (&counts);
  cr_assert (evl_eval_timeline_add (&counts, t->str, t->str, "long", NULL));
  cr_assert_gt (counts.gold, 3000);
  cr_assert_eq (counts.gold_verified, counts.gold);
  cr_assert_eq (counts.system_verified, counts.system);
}

/* ---- TempEval-3 TLINKs ---- */

/* A TimeML file over the text "Ships fell, rates rose and oil sank
 * today." with the given EVENT ids on fell/rose/sank (NULL: untagged),
 * a DCT t0, the timex 'today' t5 and the TLINK lines @links. */
static char *
tlink_doc (const char *e1, const char *e2, const char *e3, const char *links)
{
  const char *ids[3] = { e1, e2, e3 };
  const char *words[3] = { "fell", "rose", "sank" };
  const char *between[4] = { "Ships ", ", rates ", " and oil ",
                             (" <TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2001-02-03\">today</TIMEX3>.") };
  g_autoptr (GString) s = g_string_new ("<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2001-02-03\" "
                                        "functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT>");
  g_autoptr (GString) inst = g_string_new (NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_string_append (s, between[i]);
      if (ids[i])
        {
          g_string_append_printf (s, "<EVENT eid=\"%s\" class=\"OCCURRENCE\">%s</EVENT>", ids[i], words[i]);
          g_string_append_printf (inst, "<MAKEINSTANCE eventID=\"%s\" eiid=\"i%s\" tense=\"PAST\"/>\n", ids[i],
                                  ids[i]);
        }
      else
        g_string_append (s, words[i]);
    }
  g_string_append_printf (s, "%s</TEXT>\n%s%s</TimeML>\n", between[3], inst->str, links);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define TL(lid, rel, from, to) "<TLINK lid=\"" lid "\" relType=\"" rel "\" eventInstanceID=\"" from "\" " to "/>\n"
#define TO_EV(x) "relatedToEventInstance=\"" x "\""
#define TO_T(x) "relatedToTime=\"" x "\""

typedef struct {
  char name[32];
  char sys_ids[3][4];       /* "" for untagged */
  char sys_links[400];
  guint sys_reduced, sys_verified, gold_verified;   /* gold: 4 links, 4 reduced */
  guint sys_pair_ok, gold_pair_ok, sys_unmatched;
} TlinkCase;

ParameterizedTestParameters (eval, tlinks)
{
  static TlinkCase cases[] = {
    /* Entailed by gold's e1 < e2 < e3, and gold's e2 < e3 inverted. */
    { "entailed", { "a", "b", "c" },
      TL ("l1", "BEFORE", "ia", TO_EV ("ic")) TL ("l2", "AFTER", "ic", TO_EV ("ib")),
      2, 2, 1, 1, 1, 0 },
    /* a < c follows from the other two: reduced away. */
    { "redundant", { "a", "b", "c" },
      TL ("l1", "BEFORE", "ia", TO_EV ("ib")) TL ("l2", "BEFORE", "ib", TO_EV ("ic"))
      TL ("l3", "BEFORE", "ia", TO_EV ("ic")),
      2, 2, 2, 2, 2, 0 },
    { "wrong", { "a", "b", "c" }, TL ("l1", "AFTER", "ia", TO_EV ("ib")), 1, 0, 0, 0, 0, 0 },
    /* Ids differ: ends match by extent.  DCT and timex ends too;
     * DURING counts as SIMULTANEOUS (not entailed by IS_INCLUDED). */
    { "by_extent", { "x9", "x8", "x7" },
      TL ("l1", "BEFORE", "ix9", TO_T ("t0")) TL ("l2", "IS_INCLUDED", "ix7", TO_T ("t5"))
      TL ("l3", "DURING", "ix8", TO_T ("t5")),
      3, 2, 2, 2, 2, 0 },
    /* 'rates rose' untagged: the link to it is not scored. */
    { "unmatched_end", { "a", "", "c" },
      TL ("l1", "BEFORE", "ia", TO_EV ("ic")) TL ("l2", "BEFORE", "ia", TO_EV ("ib")),
      1, 1, 0, 0, 0, 0 },
  };
  return cr_make_param_array (TlinkCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (TlinkCase *tc, eval, tlinks)
{
  g_autofree char *gold = tlink_doc ("a", "b", "c",
                                     TL ("l1", "BEFORE", "ia", TO_EV ("ib")) TL ("l2", "BEFORE", "ib", TO_EV ("ic"))
                                     TL ("l3", "BEFORE", "ia", TO_T ("t0"))
                                     TL ("l4", "IS_INCLUDED", "ic", TO_T ("t5")));
  g_autofree char *sys = tlink_doc (*tc->sys_ids[0] ? tc->sys_ids[0] : NULL,
                                    *tc->sys_ids[1] ? tc->sys_ids[1] : NULL,
                                    *tc->sys_ids[2] ? tc->sys_ids[2] : NULL, tc->sys_links);
  EvlTlinkCounts c;
  evl_eval_tlink_counts_init (&c);
  GError *error = NULL;
  cr_assert (evl_eval_tlinks_add (&c, gold, strlen (gold), sys, strlen (sys), tc->name, &error), "%s",
             error ? error->message : "");
  const EvlTlinkKindCounts *k = &c.kind[EVL_TLINK_ALL];
  cr_assert_eq (c.gold_links, 4u, "%s", tc->name);
  cr_assert_eq (k->gold_reduced, tc->sys_ids[1][0] ? 4u : 2u, "%s: gold links to 'rose' unscored", tc->name);
  cr_assert_eq (k->system_reduced, tc->sys_reduced, "%s: %u", tc->name, k->system_reduced);
  cr_assert_eq (k->system_verified, tc->sys_verified, "%s: %u", tc->name, k->system_verified);
  cr_assert_eq (k->gold_verified, tc->gold_verified, "%s: %u", tc->name, k->gold_verified);
  cr_assert_eq (k->system_pair_correct, tc->sys_pair_ok, "%s: %u", tc->name, k->system_pair_correct);
  cr_assert_eq (k->gold_pair_correct, tc->gold_pair_ok, "%s: %u", tc->name, k->gold_pair_correct);
  cr_assert_eq (c.system_unmatched, tc->sys_unmatched, "%s", tc->name);
  EvlPRF aw, pw;
  evl_eval_tlink_score (&c, EVL_TLINK_ALL, &aw, &pw);
  cr_assert_float_eq (aw.precision, tc->sys_reduced ? (double) tc->sys_verified / tc->sys_reduced : 0.0, 1e-9);
  cr_assert_float_eq (aw.recall, (double) tc->gold_verified / k->gold_reduced, 1e-9);
}

Test (eval, tlinks_kinds_and_self_score)
{
  g_autofree char *gold = tlink_doc ("a", "b", "c",
                                     TL ("l1", "BEFORE", "ia", TO_EV ("ib")) TL ("l3", "BEFORE", "ia", TO_T ("t0"))
                                     TL ("l4", "IS_INCLUDED", "ic", TO_T ("t5")));
  EvlTlinkCounts c;
  evl_eval_tlink_counts_init (&c);
  cr_assert (evl_eval_tlinks_add (&c, gold, strlen (gold), gold, strlen (gold), "self", NULL));
  cr_assert_eq (c.kind[EVL_TLINK_EVENT_EVENT].gold, 1u);
  cr_assert_eq (c.kind[EVL_TLINK_EVENT_DCT].gold, 1u);
  cr_assert_eq (c.kind[EVL_TLINK_EVENT_TIMEX].gold, 1u);
  cr_assert_eq (c.kind[EVL_TLINK_TIMEX_TIMEX].gold, 0u);
  EvlPRF aw, pw;
  evl_eval_tlink_score (&c, EVL_TLINK_ALL, &aw, &pw);
  cr_assert_float_eq (aw.f1, 1.0, 1e-9);
  cr_assert_float_eq (pw.f1, 1.0, 1e-9);
  /* No system file: everything missed. */
  evl_eval_tlink_counts_init (&c);
  cr_assert (evl_eval_tlinks_add (&c, gold, strlen (gold), NULL, 0, "none", NULL));
  evl_eval_tlink_score (&c, EVL_TLINK_ALL, &aw, &pw);
  cr_assert_eq (c.n_docs_missing, 1u);
  cr_assert_float_eq (aw.recall, 0.0, 1e-9);
}
