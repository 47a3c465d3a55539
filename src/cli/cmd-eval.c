/* eventline eval: TempEval-3 scores of system TimeML against gold TimeML
 * (timex, events, tlinks) and SemEval-2015 temporal awareness of entity timelines,
 * printed as a table or JSON. */
#include "cli.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

/* Starts member @name as an object with P/R/F1; the caller may add
 * members and ends the object. */
static void
prf_json (JsonBuilder *b, const char *name, const EvlPRF *p)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "precision");
  json_builder_add_double_value (b, p->precision);
  json_builder_set_member_name (b, "recall");
  json_builder_add_double_value (b, p->recall);
  json_builder_set_member_name (b, "f1");
  json_builder_add_double_value (b, p->f1);
}

static void
count_json (JsonBuilder *b, const char *name, guint v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, v);
}

/* Ends @b's object and prints it. */
static void
put_json (JsonBuilder *b)
{
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = json_to_string (root, TRUE);
  printf ("%s\n", text);
}

static void
print_json (const EvlEvalCounts *c, const EvlEvalScores *s)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, c->kind == EVL_EVAL_TIMEX ? "timex" : "events");
  count_json (b, "documents", c->n_docs);
  count_json (b, "documents_without_system", c->n_docs_missing);
  count_json (b, "documents_text_mismatch", c->n_docs_mismatch);
  count_json (b, "gold", c->gold);
  count_json (b, "system", c->system);
  prf_json (b, "strict", &s->strict);
  count_json (b, "matched_gold", c->strict_gold);
  count_json (b, "matched_system", c->strict_system);
  json_builder_end_object (b);
  prf_json (b, "relaxed", &s->relaxed);
  count_json (b, "matched_gold", c->relaxed_gold);
  count_json (b, "matched_system", c->relaxed_system);
  json_builder_end_object (b);
  for (guint k = 0; k < evl_eval_n_attrs (c->kind); k++)
    {
      prf_json (b, evl_eval_attr_name (c->kind, k), &s->attr[k]);
      json_builder_set_member_name (b, "accuracy");
      json_builder_add_double_value (b, s->attr_accuracy[k]);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "by_category");
  json_builder_begin_object (b);
  for (guint k = 0; evl_eval_category_name (c->kind, k); k++)
    {
      if (c->by_category[k].gold == 0 && c->by_category[k].system == 0)
        continue;
      json_builder_set_member_name (b, evl_eval_category_name (c->kind, k));
      json_builder_begin_object (b);
      count_json (b, "gold", c->by_category[k].gold);
      count_json (b, "gold_strict", c->by_category[k].gold_strict);
      count_json (b, "gold_relaxed", c->by_category[k].gold_relaxed);
      count_json (b, "gold_correct", c->by_category[k].gold_correct);
      count_json (b, "system", c->by_category[k].system);
      count_json (b, "system_relaxed", c->by_category[k].system_relaxed);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  g_autofree char *text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

/* Prints @span of @text on one line (tabs and line breaks as spaces). */
static void
put_span (const char *text, gsize len, const EvlGoldTag *t)
{
  if (t == NULL || text == NULL || t->span.end > len || t->span.start > t->span.end)
    return;
  for (guint32 i = t->span.start; i < t->span.end; i++)
    putchar (text[i] == '\t' || text[i] == '\n' || text[i] == '\r' ? ' ' : text[i]);
}

static void
put_tag (const char *text, gsize len, const EvlGoldTag *t)
{
  putchar ('\t');
  put_span (text, len, t);
  printf ("\t%s\t%s", t && t->type ? t->type : "", t && t->value ? t->value : "");
}

/* --errors: one TSV line per mismatch. */
static void
print_mismatch (const EvlEvalMismatch *m, gpointer user_data)
{
  EvlEvalKind kind = *(const EvlEvalKind *) user_data;
  static const char *const names[] = { "MISSED", "SPURIOUS", "PARTIAL" };
  g_autofree char *what = m->kind == EVL_EVAL_ATTRIBUTE
                            ? g_ascii_strup (evl_eval_attr_name (kind, m->attr), -1)
                            : g_strdup (names[m->kind]);
  printf ("%s\t%s", m->doc, what);
  put_tag (m->gold_text, m->gold_len, m->gold);
  put_tag (m->system_text, m->system_len, m->system);
  putchar ('\n');
}

static double
pct (guint n, guint d)
{
  return d ? 100.0 * n / d : 0.0;
}

static void
row (const char *name, const EvlPRF *p, const char *extra)
{
  printf ("  %-9s %9.2f %9.2f %9.2f%s\n", name, 100 * p->precision, 100 * p->recall,
          100 * p->f1, extra ? extra : "");
}

static void
print_table (const EvlEvalCounts *c, const EvlEvalScores *s, const char *gold_dir,
             const char *sys_dir)
{
  printf ("%s: %s (gold) vs %s (system)\n", c->kind == EVL_EVAL_TIMEX ? "TIMEX3" : "EVENT",
          gold_dir, sys_dir);
  printf ("  %u documents, %u without a system file, %u with a different text\n",
          c->n_docs, c->n_docs_missing, c->n_docs_mismatch);
  printf ("  %u gold, %u system entities\n\n", c->gold, c->system);
  printf ("  %-9s %9s %9s %9s\n", "", "precision", "recall", "F1");
  g_autofree char *strict = g_strdup_printf ("   (%u gold, %u system matched)", c->strict_gold, c->strict_system);
  g_autofree char *relaxed = g_strdup_printf ("   (%u gold, %u system matched)", c->relaxed_gold, c->relaxed_system);
  row ("strict", &s->strict, strict);
  row ("relaxed", &s->relaxed, relaxed);
  for (guint k = 0; k < evl_eval_n_attrs (c->kind); k++)
    {
      g_autofree char *acc = g_strdup_printf ("   (accuracy %.2f over relaxed matches)",
                                              100 * s->attr_accuracy[k]);
      row (evl_eval_attr_name (c->kind, k), &s->attr[k], acc);
    }
  /* Where the errors are: recall and attribute accuracy per gold label,
   * relaxed precision per system label. */
  const char *attr = c->kind == EVL_EVAL_TIMEX ? "value" : "class";
  printf ("\n  %-11s %6s %9s %9s %9s %7s %9s\n", c->kind == EVL_EVAL_TIMEX ? "by type" : "by class",
          "gold", "strict R", "relaxed R", attr, "system", "relaxed P");
  for (guint k = 0; evl_eval_category_name (c->kind, k); k++)
    {
      const EvlEvalCategoryCounts *b = &c->by_category[k];
      if (b->gold == 0 && b->system == 0)
        continue;
      printf ("  %-11s %6u %9.2f %9.2f %9.2f %7u %9.2f\n", evl_eval_category_name (c->kind, k),
              b->gold, pct (b->gold_strict, b->gold), pct (b->gold_relaxed, b->gold),
              pct (b->gold_correct, b->gold_relaxed), b->system, pct (b->system_relaxed, b->system));
    }
}

/* Scores over no gold file, or with no system file at all, are zeros
 * that look like results: say why instead.  A SYSTEM folder that holds
 * none of the gold names is a wrong path or an untagged corpus.
 * EVL_EXIT_OK when @n_docs gold files were found and some paired. */
static int
check_pairs (const char *gold, const char *sys, guint n_docs, guint n_missing, const char *what)
{
  if (n_docs == 0)
    {
      evl_cli_errorf ("eval", "%s: no gold %s found (a folder of them, sub-folders included, "
                      "or one file)", gold, what);
      return EVL_EXIT_INPUT;
    }
  if (n_missing == n_docs)
    {
      evl_cli_errorf ("eval", "%s holds no file named as a gold file (%u gold file%s), so every "
                      "score is 0; write them there first (e.g. 'eventline tag -o %s %s')", sys,
                      n_docs, n_docs == 1 ? "" : "s", sys, gold);
      return EVL_EXIT_INPUT;
    }
  return EVL_EXIT_OK;
}

static int
eval_timeline (const char *gold_dir, const char *sys_dir, gboolean json)
{
  EvlTimelineCounts c;
  evl_eval_timeline_counts_init (&c);
  g_autoptr (GError) error = NULL;
  if (!evl_eval_timeline_dirs (&c, gold_dir, sys_dir, &error))
    {
      evl_cli_error (NULL, error);
      return EVL_EXIT_INPUT;
    }
  if (c.n_timelines == 0)
    return check_pairs (gold_dir, sys_dir, 0, 0, "timelines");
  EvlPRF p;
  evl_eval_timeline_score (&c, &p);
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, "timeline");
      count_json (b, "timelines", c.n_timelines);
      count_json (b, "timelines_without_system", c.n_missing);
      count_json (b, "gold_relations", c.gold);
      count_json (b, "system_relations", c.system);
      count_json (b, "gold_verified", c.gold_verified);
      count_json (b, "system_verified", c.system_verified);
      prf_json (b, "temporal_awareness", &p);
      json_builder_end_object (b);
      put_json (b);
      return check_pairs (gold_dir, sys_dir, c.n_timelines, c.n_missing, "timelines");
    }
  printf ("TimeLine: %s (gold) vs %s (system)\n", gold_dir, sys_dir);
  printf ("  %u timelines, %u without a system file\n", c.n_timelines, c.n_missing);
  printf ("  %u gold relations (%u entailed by the system), %u system relations (%u entailed by gold)\n\n",
          c.gold, c.gold_verified, c.system, c.system_verified);
  printf ("  %-9s %9s %9s %9s\n", "", "precision", "recall", "F1");
  row ("awareness", &p, NULL);
  fflush (stdout);
  return check_pairs (gold_dir, sys_dir, c.n_timelines, c.n_missing, "timelines");
}

/* --errors for tlinks: one TSV line per link the other side does not
 * entail. */
static void
print_tlink_mismatch (const EvlTlinkMismatch *m, gpointer user_data)
{
  printf ("%s\t%s\t%s\t%s\t%s\t%s\n", m->doc, m->gold_side ? "MISSED" : "WRONG",
          evl_eval_tlink_kind_name (m->kind), m->from, m->rel, m->to);
}

static int
eval_tlinks (const char *gold_dir, const char *sys_dir, gboolean json, gboolean errors)
{
  EvlTlinkCounts c;
  evl_eval_tlink_counts_init (&c);
  g_autoptr (GError) error = NULL;
  if (!evl_eval_tlinks_dirs (&c, gold_dir, sys_dir, errors ? print_tlink_mismatch : NULL, NULL,
                             &error))
    {
      evl_cli_error (NULL, error);
      return EVL_EXIT_INPUT;
    }
  if (c.n_docs == 0)
    return check_pairs (gold_dir, sys_dir, 0, 0, "TimeML files");
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, "tlinks");
      count_json (b, "documents", c.n_docs);
      count_json (b, "documents_without_system", c.n_docs_missing);
      count_json (b, "gold_links", c.gold_links);
      count_json (b, "system_links", c.system_links);
      count_json (b, "gold_unmatched", c.gold_unmatched);
      count_json (b, "system_unmatched", c.system_unmatched);
      for (guint k = 0; k < EVL_TLINK_N_KINDS; k++)
        {
          const EvlTlinkKindCounts *kc = &c.kind[k];
          EvlPRF aw, pw;
          evl_eval_tlink_score (&c, (EvlTlinkKind) k, &aw, &pw);
          json_builder_set_member_name (b, evl_eval_tlink_kind_name ((EvlTlinkKind) k));
          json_builder_begin_object (b);
          count_json (b, "gold", kc->gold);
          count_json (b, "system", kc->system);
          prf_json (b, "temporal_awareness", &aw);
          count_json (b, "gold_reduced", kc->gold_reduced);
          count_json (b, "system_reduced", kc->system_reduced);
          count_json (b, "gold_verified", kc->gold_verified);
          count_json (b, "system_verified", kc->system_verified);
          json_builder_end_object (b);
          prf_json (b, "pairwise", &pw);
          count_json (b, "gold_correct", kc->gold_pair_correct);
          count_json (b, "system_correct", kc->system_pair_correct);
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
      put_json (b);
      return check_pairs (gold_dir, sys_dir, c.n_docs, c.n_docs_missing, "TimeML files");
    }
  printf ("TLINK: %s (gold) vs %s (system)\n", gold_dir, sys_dir);
  printf ("  %u documents, %u without a system file\n", c.n_docs, c.n_docs_missing);
  printf ("  %u gold links (%u with an end the system lacks), %u system links (%u with an end gold lacks)\n\n",
          c.gold_links, c.gold_unmatched, c.system_links, c.system_unmatched);
  printf ("  %-12s %-9s %9s %9s %9s   %s\n", "", "", "precision", "recall", "F1", "gold/system links");
  for (guint k = 0; k < EVL_TLINK_N_KINDS; k++)
    {
      const EvlTlinkKindCounts *kc = &c.kind[k];
      EvlPRF aw, pw;
      evl_eval_tlink_score (&c, (EvlTlinkKind) k, &aw, &pw);
      const char *name = evl_eval_tlink_kind_name ((EvlTlinkKind) k);
      printf ("  %-12s %-9s %9.2f %9.2f %9.2f   %u/%u reduced\n", name, "awareness", 100 * aw.precision,
              100 * aw.recall, 100 * aw.f1, kc->gold_reduced, kc->system_reduced);
      printf ("  %-12s %-9s %9.2f %9.2f %9.2f   %u/%u\n", "", "pairwise", 100 * pw.precision,
              100 * pw.recall, 100 * pw.f1, kc->gold, kc->system);
    }
  fflush (stdout);
  return check_pairs (gold_dir, sys_dir, c.n_docs, c.n_docs_missing, "TimeML files");
}

int
evl_cmd_eval (int argc, char **argv)
{
  gboolean json = FALSE, errors = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the scores as JSON", NULL },
    { "errors", 0, 0, G_OPTION_ARG_NONE, &errors,
      "First list every mismatch, one per line (TSV)", NULL },
    G_OPTION_ENTRY_NULL,
  };
  const char *desc =
    "KIND is 'timex' (TIMEX3), 'events' (EVENT), 'tlinks' (TLINK) or\n"
    "'timeline'.  Files under\n"
    "GOLD_DIR (sub-folders included) are paired with the file of the same\n"
    "name in SYSTEM_DIR; a gold file without a system file counts as all\n"
    "missed.  GOLD and SYSTEM may also be two files.\n"
    "\n"
    "timex, events: TempEval-3 measures, micro-averaged: strict (identical\n"
    "extent) and relaxed (overlapping extent) precision, recall and F1;\n"
    "attribute F1 (timex type and value, event class and tense) = relaxed\n"
    "F1 x the attribute's accuracy over the relaxed matches (an event's\n"
    "tense is its own, else that of its first MAKEINSTANCE).\n"
    "\n"
    "tlinks: TempEval-3 temporal awareness of the TLINKs (UzZaman and\n"
    "Allen): each file's links form a graph over its events and timexes\n"
    "(the DCT one node); a system EVENT/TIMEX3 stands for the gold one its\n"
    "extent matches best, and only links whose two ends match are scored.\n"
    "Precision = system links (reduced: those the others entail dropped)\n"
    "entailed by the closure of the gold graph / reduced system links;\n"
    "recall = reduced gold links entailed by the system closure / reduced\n"
    "gold links.  DURING, DURING_INV and IDENTITY count as SIMULTANEOUS.\n"
    "A second line per kind gives plain pairwise scores: a link is right\n"
    "when the other side links the same two entities by the same relation.\n"
    "Rows: all links, then event-DCT, event-timex, event-event and\n"
    "timex-timex.\n"
    "\n"
    "timeline: SemEval-2015 Task 4 entity timelines (ORDER<TAB>DATE<TAB>\n"
    "MENTION...), scored by temporal awareness over the transitive closures\n"
    "of their temporal graphs (UzZaman and Allen), micro-averaged.\n"
    "\n"
    "Figures are percentages.  With --errors, each mismatch comes first as\n"
    "FILE<TAB>WHAT<TAB>gold text, type, value<TAB>system text, type, value,\n"
    "WHAT being MISSED, SPURIOUS, PARTIAL (extent) or the attribute (TYPE,\n"
    "VALUE, CLASS, TENSE) that differs; for tlinks,\n"
    "FILE<TAB>MISSED|WRONG<TAB>KIND<TAB>from<TAB>relType<TAB>to, MISSED a\n"
    "gold link the system does not entail, WRONG a system link gold does\n"
    "not entail.\n"
    "\n"
    "Example:\n"
    "  eventline tag -o /tmp/sys data/timeml/*/*.tml\n"
    "  eventline eval timex data/timeml /tmp/sys\n"
    "  eventline eval tlinks data/timeml /tmp/sys\n"
    "\n"
    "Exit status: 0 success, 1 a file could not be read, no gold file was\n"
    "found or none had a system file, 2 usage error.";
  if (!evl_cli_parse (&argc, &argv, "eval", "KIND GOLD_DIR SYSTEM_DIR",
                      "Score system TimeML against gold TimeML.", desc, entries))
    return EVL_EXIT_USAGE;
  if (argc != 4)
    {
      evl_cli_errorf ("eval", "expected KIND GOLD_DIR SYSTEM_DIR\nTry 'eventline eval --help'.");
      return EVL_EXIT_USAGE;
    }
  if (!evl_cli_check_paths ("eval", argv + 2, NULL, NULL))
    return EVL_EXIT_USAGE;
  if (json && errors)
    {
      /* TSV lines before a JSON document: neither a jq nor a cut reads it. */
      evl_cli_errorf ("eval", "--json and --errors both write standard output; give one "
                      "(run twice for both)");
      return EVL_EXIT_USAGE;
    }
  if (g_file_test (argv[2], G_FILE_TEST_IS_DIR) && g_file_test (argv[3], G_FILE_TEST_IS_REGULAR))
    {
      evl_cli_errorf ("eval", "%s is a folder and %s a file: give two folders (files paired by "
                      "name) or two files", argv[2], argv[3]);
      return EVL_EXIT_USAGE;
    }
  if (strcmp (argv[1], "timeline") == 0)
    return eval_timeline (argv[2], argv[3], json);
  if (strcmp (argv[1], "tlinks") == 0 || strcmp (argv[1], "tlink") == 0)
    return eval_tlinks (argv[2], argv[3], json, errors);
  EvlEvalKind kind;
  if (strcmp (argv[1], "timex") == 0)
    kind = EVL_EVAL_TIMEX;
  else if (strcmp (argv[1], "events") == 0 || strcmp (argv[1], "event") == 0)
    kind = EVL_EVAL_EVENT;
  else
    {
      evl_cli_errorf ("eval", "unknown kind '%s' (timex, events, tlinks, timeline)", argv[1]);
      return EVL_EXIT_USAGE;
    }
  EvlEvalCounts counts;
  evl_eval_counts_init (&counts, kind);
  g_autoptr (GError) error = NULL;
  if (!evl_eval_dirs_full (&counts, argv[2], argv[3], errors ? print_mismatch : NULL, &kind, &error))
    {
      evl_cli_error (NULL, error);
      return EVL_EXIT_INPUT;
    }
  if (counts.n_docs == 0)
    return check_pairs (argv[2], argv[3], 0, 0, "TimeML files");
  EvlEvalScores scores;
  evl_eval_counts_score (&counts, &scores);
  if (json)
    print_json (&counts, &scores);
  else
    print_table (&counts, &scores, argv[2], argv[3]);
  fflush (stdout);
  return check_pairs (argv[2], argv[3], counts.n_docs, counts.n_docs_missing, "TimeML files");
}
