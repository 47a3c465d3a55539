/* eventline eval: TempEval-3 scores of system TimeML against gold TimeML
 * (timex, events), printed as a table or JSON. */
#include "cli.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

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
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  g_autofree char *text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
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
}

int
evl_cmd_eval (int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the scores as JSON", NULL },
    { NULL },
  };
  const char *desc =
    "KIND is 'timex' (TIMEX3) or 'events' (EVENT).  Files under GOLD_DIR\n"
    "(sub-folders included) are paired with the file of the same name in\n"
    "SYSTEM_DIR; a gold file without a system file counts as all missed.\n"
    "\n"
    "TempEval-3 measures, micro-averaged: strict (identical extent) and\n"
    "relaxed (overlapping extent) precision, recall and F1; attribute F1\n"
    "(timex type and value, event class) = relaxed F1 x the attribute's\n"
    "accuracy over the relaxed matches.  Figures are percentages.\n"
    "\n"
    "Example:\n"
    "  eventline tag -o /tmp/sys data/timeml/*/*.tml\n"
    "  eventline eval timex data/timeml /tmp/sys\n"
    "\n"
    "Exit status: 0 success, 1 a file could not be read, 2 usage error.";
  if (!evl_cli_parse (&argc, &argv, "eval", "KIND GOLD_DIR SYSTEM_DIR",
                      "Score system TimeML against gold TimeML.", desc, entries))
    return EVL_EXIT_USAGE;
  if (argc != 4)
    {
      evl_cli_errorf ("eval", "expected KIND GOLD_DIR SYSTEM_DIR\nTry 'eventline eval --help'.");
      return EVL_EXIT_USAGE;
    }
  EvlEvalKind kind;
  if (strcmp (argv[1], "timex") == 0)
    kind = EVL_EVAL_TIMEX;
  else if (strcmp (argv[1], "events") == 0 || strcmp (argv[1], "event") == 0)
    kind = EVL_EVAL_EVENT;
  else
    {
      evl_cli_errorf ("eval", "unknown kind '%s' (timex, events)", argv[1]);
      return EVL_EXIT_USAGE;
    }
  EvlEvalCounts counts;
  evl_eval_counts_init (&counts, kind);
  g_autoptr (GError) error = NULL;
  if (!evl_eval_dirs (&counts, argv[2], argv[3], &error))
    {
      evl_cli_error (NULL, error);
      return EVL_EXIT_INPUT;
    }
  EvlEvalScores scores;
  evl_eval_counts_score (&counts, &scores);
  if (json)
    print_json (&counts, &scores);
  else
    print_table (&counts, &scores, argv[2], argv[3]);
  return EVL_EXIT_OK;
}
