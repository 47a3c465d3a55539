/* eventline extract / merge: the pipeline split for map/reduce.
 *
 * extract is a stateless mapper: documents in, one JSON line per document
 * out (its text, metadata and every annotation), so it runs under Apache
 * Spark's RDD.pipe or Hadoop Streaming.  merge is the reducer: it reads
 * those lines and builds the graph and every output exactly as build
 * would from the original documents. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

/* EvlCliLineFunc: the document, annotated, as one JSON line. */
static void
extract_line (GString *buf, EvlDocument *doc)
{
  g_autofree char *line = evl_document_to_json (doc);
  g_string_append (buf, line);
  g_string_append_c (buf, '\n');
}

int
evl_cmd_extract (int argc, char **argv)
{
  g_autofree char *dct = NULL;
  g_autofree char *input_format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data_dir = NULL;
  gboolean strict = FALSE, quiet = FALSE;
  gint threads = 0;
  g_autofree char *max_size = NULL;
  const GOptionEntry entries[] = {
    { "dct", 0, 0, G_OPTION_ARG_STRING, &dct, "Creation date for documents that carry none of their own", "YYYY-MM-DD" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &input_format,
      "Force the input format: text, timeml, html, jsonl (default: detect)", "FMT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write to FILE (replaced once every line is written) instead of standard output", "FILE" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Data files here replace the compiled-in ones", "DIR" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      "Stop at the first input that cannot be read, before writing anything "
      "(reads every input first)", NULL },
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size,
      "Refuse inputs larger than SIZE: bytes or 64K, 200M, 2G (default: 64M); "
      "JSON Lines stream, SIZE bounds each line", "SIZE" },
    { "threads", 'j', 0, G_OPTION_ARG_INT, &threads, "Worker threads (default, or 0: one per processor)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "No progress line (extract prints nothing else but errors)", NULL },
    G_OPTION_ENTRY_NULL,
  };
  const char *desc =
    "Runs the per-document stages (segment, timex, entities, events) and\n"
    "writes one JSON line per document: its text, metadata and annotations.\n"
    "No state is shared between documents, so extract can run as a mapper\n"
    "over shards; 'eventline merge' is the reducer.  INPUT '-' reads\n"
    "standard input (e.g. news-please JSON Lines).\n"
    "\n"
    "On a terminal, a progress line on standard error shows the documents\n"
    "done, MB, rate and time left; never on standard output, never when\n"
    "standard error is not a terminal (Spark, Hadoop), and not with --quiet.\n"
    "\n"
    "Examples:\n"
    "  eventline extract --dct 2023-09-14 input/ > shard.jsonl\n"
    "  eventline merge shard.jsonl -o output/\n"
    "  cat articles.jsonl | eventline extract --input-format jsonl - > shard.jsonl\n"
    "\n"
    "Exit status: 0 success, 1 an input or output failed, 2 usage error.";
  if (!evl_cli_parse (&argc, &argv, "extract", "INPUT...",
                      "Annotate documents, one JSON line each (map step).", desc, entries))
    return EVL_EXIT_USAGE;
  if (argc < 2)
    {
      evl_cli_errorf ("extract", "no input given\nTry 'eventline extract --help'.");
      return EVL_EXIT_USAGE;
    }
  EvlLoadOptions lopts;
  if (!evl_cli_load_options ("extract", dct, input_format, max_size, &lopts)
      || !evl_cli_check_threads ("extract", threads)
      || !evl_cli_check_paths ("extract", argv + 1, output, NULL)
      || !evl_cli_check_output_file ("extract", output))
    return EVL_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new_with_data_dir (data_dir, &error);
  if (ctx == NULL)
    {
      evl_cli_error ("data", error);
      return EVL_EXIT_INPUT;
    }
  g_autoptr (EvlProgress) progress = evl_progress_new ("extract", quiet);
  g_autoptr (EvlCliInputs) in = evl_cli_inputs_new (argv + 1, &lopts, strict, progress != NULL, quiet,
                                                    NULL);
  const char *clobbered = output ? evl_cli_inputs_find (in, output) : NULL;
  if (clobbered)
    {
      evl_cli_errorf ("extract", "-o %s would replace the input %s; give another output file",
                      output, clobbered);
      return EVL_EXIT_USAGE;
    }
  if (strict)
    {
      /* Nothing is written unless every input reads. */
      evl_progress_phase (progress, "loading", 0, 0);
      evl_cli_inputs_load (in, 0, progress);
      if (evl_cli_inputs_errors (in))
        return EVL_EXIT_INPUT;
    }
  /* Lines in input order whatever the threads do, written as they come
   * (to -o FILE only once all are written); inputs are read a batch at a
   * time, so memory stays bounded whatever the corpus size. */
  guint written = 0;
  gboolean ok = evl_cli_write_lines (ctx, in, threads > 0 ? (guint) threads : 0,
                                     EVL_PIPELINE_NEEDS_ALL, progress, "extracting", extract_line,
                                     output, &written);
  g_clear_pointer (&progress, evl_progress_free);
  return ok && evl_cli_inputs_errors (in) == 0 ? EVL_EXIT_OK : EVL_EXIT_INPUT;
}

int
evl_cmd_merge (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
      {
        printf ("Usage:\n  eventline merge [OPTION...] FILE...\n\n"
                "Build the story from 'eventline extract' output (reduce step).\n\n"
                "Reads JSON lines written by 'eventline extract' (files, or '-' for\n"
                "standard input) and writes the same outputs as 'eventline build'\n"
                "would from the original documents.  Every option of\n"
                "'eventline build' applies (see 'eventline build --help').\n\n"
                "Example:\n"
                "  eventline extract input/ > shard.jsonl\n"
                "  eventline merge shard.jsonl -o output/\n"
                "  cat shard-*.jsonl | eventline merge - -o output/\n\n"
                "Exit status: 0 success, 1 an input or output failed, 2 usage error.\n");
        return EVL_EXIT_OK;
      }
  /* merge is build over extraction lines: one code path, one result. */
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_ptr_array_add (args, (gpointer) "merge");
  g_ptr_array_add (args, (gpointer) "--input-format=extracted");
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);
  return evl_cmd_build ((int) args->len - 1, (char **) args->pdata);
}
