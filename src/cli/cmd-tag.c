/* eventline tag: each input document as TimeML (TIMEX3 and EVENT tags
 * inserted into its text, then MAKEINSTANCEs and TLINKs) or as JSON annotations, for scorers and for
 * looking at what the timex and event stages found; for large corpora,
 * as JSON lines in one stream (-f jsonl). */
#include "cli.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

typedef enum { TAG_TIMEML, TAG_JSON, TAG_JSONL } TagFormat;

static const char *const timex_types[] = { "DATE", "TIME", "DURATION", "SET" };

static void
member_str (JsonBuilder *b, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
member_span (JsonBuilder *b, EvlDocument *doc, EvlSpan span)
{
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, span.start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, span.end);
  member_str (b, "text", evl_document_span_text (doc, span));
}

static void
add_timexes (JsonBuilder *b, EvlDocument *doc)
{
  guint n = 0;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  json_builder_set_member_name (b, "timexes");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tid = g_strdup_printf ("t%u", i + 1);
      json_builder_begin_object (b);
      member_str (b, "tid", tid);
      member_span (b, doc, t[i].span);
      member_str (b, "type", (guint) t[i].type < G_N_ELEMENTS (timex_types) ? timex_types[t[i].type] : NULL);
      member_str (b, "value", t[i].value);
      member_str (b, "mod", t[i].mod);
      member_str (b, "quant", t[i].quant);
      member_str (b, "freq", t[i].freq);
      if (t[i].anchor >= 0)
        {
          g_autofree char *anchor = g_strdup_printf ("t%d", t[i].anchor + 1);
          member_str (b, "anchorTimeID", anchor);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_events (JsonBuilder *b, EvlDocument *doc)
{
  guint n = 0;
  const EvlEventMention *e = evl_document_get_event_mentions (doc, &n);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *eid = g_strdup_printf ("e%u", i + 1);
      json_builder_begin_object (b);
      member_str (b, "eid", eid);
      member_span (b, doc, e[i].span);
      member_str (b, "class", evl_event_class_to_string (e[i].klass));
      member_str (b, "lemma", e[i].lemma);
      member_str (b, "type", e[i].type);
      member_str (b, "tense", e[i].tense);
      member_str (b, "aspect", e[i].aspect);
      member_str (b, "polarity", e[i].polarity == EVL_POLARITY_NEG ? "NEG" : "POS");
      member_str (b, "modality", e[i].modality);
      if (e[i].timex >= 0)
        {
          g_autofree char *tid = g_strdup_printf ("t%d", e[i].timex + 1);
          member_str (b, "timex", tid);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* -f json: a JsonBuilder tree, pretty-printed.  Kept as it was (json-glib
 * escapes the strings, so the files keep their bytes) rather than
 * re-reading the -f jsonl line, which cost 45 % more; the CLI tests check
 * that both carry the same members and values. */
static gboolean
write_json (EvlDocument *doc, GOutputStream *out, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  member_str (b, "id", evl_document_get_id (doc));
  member_str (b, "path", evl_document_get_path (doc));
  member_str (b, "title", evl_document_get_title (doc));
  member_str (b, "dct", evl_document_get_dct (doc));
  add_timexes (b, doc);
  add_events (b, doc);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  gsize len = 0;
  g_autofree char *s = json_generator_to_data (gen, &len);
  /* The newline takes the place of the terminating NUL: one piece. */
  s[len] = '\n';
  return g_output_stream_write_all (out, s, len + 1, NULL, NULL, error);
}

static gboolean
write_doc (EvlDocument *doc, TagFormat format, GOutputStream *out, GError **error)
{
  return format == TAG_JSON ? write_json (doc, out, error) : evl_export_timeml (doc, out, error);
}

/* The output file name: the input's file name with its extension
 * replaced (NAME.tml stays NAME.tml, NAME.TE3input becomes NAME.tml, so
 * scorers pair system and gold files by name); a file that held several
 * documents (JSONL) gives ID.tml per document.  Repeats get -2, -3, ... */
/* What the format writes (the pipeline skips what it would not): TimeML
 * (evl_export_timeml()) the TimeML layer; json and jsonl
 * (evl_export_tag_json_line()) also the story type, the anchor timex and
 * the implied events. */
static EvlPipelineNeeds
tag_needs (TagFormat format)
{
  /* TimeML's TLINKs take the story pass's anchors. */
  return format == TAG_TIMEML ? EVL_PIPELINE_NEEDS_TIMEML | EVL_PIPELINE_NEEDS_ANCHORS
                              : EVL_PIPELINE_NEEDS_TIMEML | EVL_PIPELINE_NEEDS_TYPES
                                | EVL_PIPELINE_NEEDS_ANCHORS;
}

static char *
output_name (EvlDocument *doc, TagFormat format, GHashTable *per_path, GHashTable *taken)
{
  const char *ext = format == TAG_JSON ? ".json" : ".tml";
  const char *path = evl_document_get_path (doc);
  g_autofree char *stem = NULL;
  if (path && GPOINTER_TO_UINT (g_hash_table_lookup (per_path, path)) == 1)
    {
      stem = g_path_get_basename (path);
      char *dot = strrchr (stem, '.');
      if (dot && dot != stem)
        *dot = '\0';
    }
  else
    stem = g_strdup (evl_document_get_id (doc));
  g_autofree char *name = g_strconcat (stem, ext, NULL);
  for (guint k = 2; g_hash_table_contains (taken, name); k++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u%s", stem, k, ext);
    }
  g_hash_table_add (taken, g_strdup (name));
  return g_steal_pointer (&name);
}

typedef struct {
  EvlDocument *doc;
  TagFormat format;
} DocWriter;

static gboolean
write_doc_to (GOutputStream *out, gpointer user_data, GError **error)
{
  DocWriter *w = user_data;
  return write_doc (w->doc, w->format, out, error);
}

/* Streamed into the temporary file that is renamed into place: a large
 * document's TimeML is never held whole in memory.  @prefix is what
 * g_build_filename (dir, NAME) puts before NAME (see dir_prefix()). */
static gboolean
write_to_dir (EvlDocument *doc, TagFormat format, const char *dir, const char *prefix,
              GHashTable *per_path, GHashTable *taken, char **path_out, GError **error)
{
  g_autofree char *name = output_name (doc, format, per_path, taken);
  *path_out = name[0] == G_DIR_SEPARATOR ? g_build_filename (dir, name, NULL)
                                         : g_strconcat (prefix, name, NULL);
  DocWriter w = { doc, format };
  return evl_export_stream_atomic (*path_out, write_doc_to, &w, error);
}

/* (transfer full) What g_build_filename (@dir, NAME, NULL) puts before a
 * NAME that does not start with a separator, made once instead of per
 * file (g_build_filename() took 1,250 instructions a file). */
static char *
dir_prefix (const char *dir)
{
  char *probe = g_build_filename (dir, "x", NULL);
  probe[strlen (probe) - 1] = '\0';
  return probe;
}

typedef struct {
  TagFormat format;
  const char *outdir, *prefix;
  GHashTable *per_path, *taken;
  guint written, n_errors;
} TagSink;

/* EvlCliBatchFunc: how many documents each file gave.  A file is read
 * whole into one batch, except JSON Lines on standard input, whose
 * counts add up over batches. */
static void
tag_batch (GPtrArray *docs, gpointer user_data)
{
  TagSink *ts = user_data;
  for (guint i = 0; i < docs->len; i++)
    {
      const char *path = evl_document_get_path (docs->pdata[i]);
      if (path)
        g_hash_table_insert (ts->per_path, g_strdup (path),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (ts->per_path, path)) + 1));
    }
}

/* EvlCliDocFunc: writes the document's file. */
static void
tag_sink (EvlDocument *doc, gpointer user_data)
{
  TagSink *ts = user_data;
  g_autofree char *path = NULL;
  g_autoptr (GError) werr = NULL;
  if (write_to_dir (doc, ts->format, ts->outdir, ts->prefix, ts->per_path, ts->taken, &path, &werr))
    ts->written++;
  else
    {
      evl_cli_error (path, werr);
      ts->n_errors++;
    }
}

/* EvlCliLineFunc for -f jsonl. */
static void
tag_line (GString *buf, EvlDocument *doc)
{
  evl_export_tag_json_line (buf, doc);
}

int
evl_cmd_tag (int argc, char **argv)
{
  g_autofree char *dct = NULL;
  g_autofree char *outdir = NULL;
  g_autofree char *format_arg = NULL;
  g_autofree char *input_format = NULL;
  g_autofree char *data_dir = NULL;
  gboolean strict = FALSE, quiet = FALSE;
  gint threads = 0;
  g_autofree char *max_size = NULL;
  const GOptionEntry entries[] = {
    { "dct", 0, 0, G_OPTION_ARG_STRING, &dct,
      "Creation date for documents that carry none of their own", "YYYY-MM-DD" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_arg,
      "Output format: timeml (default), json, or jsonl (all documents in one stream)", "FMT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &outdir,
      "Output folder, one file per document (created if needed); with -f jsonl, the output FILE "
      "('-': standard output, the default)", "DIR|FILE" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &input_format,
      "Force the input format: text, timeml, html, jsonl (default: detect)", "FMT" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
      "Data files here (same layout as data/) replace the compiled-in ones", "DIR" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      "Stop at the first input that cannot be read, before writing anything "
      "(reads every input first)", NULL },
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size,
      "Refuse inputs larger than SIZE: bytes or 64K, 200M, 2G (default: 64M); "
      "JSON Lines stream, SIZE bounds each line", "SIZE" },
    { "threads", 'j', 0, G_OPTION_ARG_INT, &threads,
      "Worker threads (default, or 0: one per processor)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "Print nothing but errors: no summary line, no progress line", NULL },
    G_OPTION_ENTRY_NULL,
  };
  const char *desc =
    "Runs the pipeline on each input and writes it as TimeML: the document's\n"
    "text inside <TEXT> with TIMEX3 (tid, type, value, mod, quant, freq,\n"
    "anchorTimeID) and EVENT (eid, class) tags inserted; the characters\n"
    "outside the tags are the input's, so TempEval-3 scorers align it with\n"
    "the gold file.  After the text come a MAKEINSTANCE per event (tense,\n"
    "aspect, polarity, pos, modality) and TLINKs: event to creation time,\n"
    "event to a date in its clause, event to event where a cue links them\n"
    "('eventline eval tlinks' scores them).  Gold tags in TimeML inputs are\n"
    "ignored.  With --format json, the same timexes and events as JSON\n"
    "(spans are byte offsets into the text; events with lemma, story type,\n"
    "tense, aspect, polarity);\n"
    "'eventline extract' gives everything: tokens, entities, their clusters\n"
    "and each event's arguments.\n"
    "\n"
    "With -o DIR, writes DIR/NAME.tml per input file NAME.EXT (NAME.tml keeps\n"
    "its name, so scorers pair it with the gold file; a JSONL file gives\n"
    "ID.tml per article); without -o, a single document goes to standard\n"
    "output.  DIR must not hold an input of the output's extension (.tml,\n"
    "or .json with -f json): tagging gold TimeML into its own folder would\n"
    "replace it, so it is refused.\n"
    "\n"
    "With --format jsonl, all documents go to one stream: a line per document,\n"
    "in input order (also with -j N), each a compact JSON object with the\n"
    "members of --format json (id and path join it back to its input).  Then\n"
    "-o names a FILE, written whole or not at all (an existing FILE is\n"
    "replaced only once every line is written); without -o, or with -o -,\n"
    "the lines go to standard output as they are made (64 KiB at a time).\n"
    "No file per document: the format for corpora of thousands.\n"
    "\n"
    "A document's creation date comes from its metadata, --dct or a dated\n"
    "dateline in its text.  Each input is tagged on its own, so a yearless\n"
    "dateline ('PORTO LENTO, March 4 (AP) -') stays undated: 'eventline\n"
    "build' and 'timeline' date it from the other articles of the set; here\n"
    "give --dct.\n"
    "\n"
    "On a terminal, a progress line on standard error shows the documents\n"
    "done, MB, rate and time left (never when standard error is not a\n"
    "terminal; --quiet turns it off).\n"
    "\n"
    "Example:\n"
    "  eventline tag -o /tmp/sys data/timeml/*/*.tml\n"
    "  eventline eval timex data/timeml /tmp/sys\n"
    "  eventline tag -f jsonl -o tags.jsonl articles/\n"
    "  eventline tag -q -f jsonl articles/ | jq -c '{path, n: (.events | length)}'\n"
    "\n"
    "Exit status: 0 success, 1 an input or output failed, 2 usage error.";
  if (!evl_cli_parse (&argc, &argv, "tag", "INPUT...",
                      "Write documents as TimeML with TIMEX3, EVENT and TLINK tags.", desc, entries))
    return EVL_EXIT_USAGE;
  if (argc < 2)
    {
      evl_cli_errorf ("tag", "no input given\nTry 'eventline tag --help'.");
      return EVL_EXIT_USAGE;
    }
  TagFormat format = TAG_TIMEML;
  if (format_arg && g_ascii_strcasecmp (format_arg, "json") == 0)
    format = TAG_JSON;
  else if (format_arg && g_ascii_strcasecmp (format_arg, "jsonl") == 0)
    format = TAG_JSONL;
  else if (format_arg && g_ascii_strcasecmp (format_arg, "timeml") != 0)
    {
      evl_cli_errorf ("tag", "--format: unknown format '%s' (timeml, json, jsonl)", format_arg);
      return EVL_EXIT_USAGE;
    }
  /* '-' is standard output for every format, as it is for jsonl: a
   * folder named '-' is never what was meant. */
  if (format != TAG_JSONL && outdir && strcmp (outdir, "-") == 0)
    g_clear_pointer (&outdir, g_free);
  EvlLoadOptions lopts;
  if (!evl_cli_load_options ("tag", dct, input_format, max_size, &lopts)
      || !evl_cli_check_threads ("tag", threads)
      || !evl_cli_check_paths ("tag", argv + 1, outdir, NULL))
    return EVL_EXIT_USAGE;
  /* Checked before any work: the lines would only fail to replace it. */
  if (format == TAG_JSONL && outdir && g_file_test (outdir, G_FILE_TEST_IS_DIR))
    {
      evl_cli_errorf (outdir, "is a folder; with -f jsonl, -o names the output file "
                      "(or '-' for standard output)");
      return EVL_EXIT_USAGE;
    }

  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new_with_data_dir (data_dir, &error);
  if (ctx == NULL)
    {
      evl_cli_error (data_dir ? data_dir : "data", error);
      return EVL_EXIT_INPUT;
    }
  g_autoptr (EvlProgress) progress = evl_progress_new ("tag", quiet);
  /* Inputs are read a batch at a time while earlier ones are written,
   * except when --strict promises that nothing is written unless every
   * input reads, and when a lone document goes to standard output (it
   * must be the only one). */
  gboolean whole = strict || (format != TAG_JSONL && outdir == NULL);
  g_autoptr (EvlCliInputs) in = evl_cli_inputs_new (argv + 1, &lopts, strict, progress != NULL, quiet,
                                                    outdir);
  /* Checked before any work: the tagged copy would replace the article. */
  const char *clobbered = NULL;
  if (format == TAG_JSONL)
    clobbered = outdir ? evl_cli_inputs_find (in, outdir) : NULL;
  else if (outdir)
    clobbered = evl_cli_inputs_in_folder (in, outdir, format == TAG_JSON ? ".json" : ".tml");
  if (clobbered)
    {
      evl_cli_errorf ("tag", "-o %s would replace the input %s; give another output %s",
                      outdir, clobbered, format == TAG_JSONL ? "file" : "folder");
      return EVL_EXIT_USAGE;
    }
  if (whole)
    evl_progress_phase (progress, "loading", 0, 0);
  guint first = evl_cli_inputs_load (in, whole ? 0 : EVL_CLI_BATCH_BYTES, whole ? progress : NULL);
  guint n_errors = evl_cli_inputs_errors (in);
  if (strict && n_errors)
    return EVL_EXIT_INPUT;
  if (first == 0)
    {
      /* Each unreadable input has had its one line already. */
      if (n_errors == 0)
        evl_cli_errorf ("tag", "no input documents");
      return EVL_EXIT_INPUT;
    }
  guint n_threads = threads > 0 ? (guint) threads : 0;
  if (format == TAG_JSONL)
    {
      guint written = 0;
      gboolean ok = evl_cli_write_lines (ctx, in, n_threads, tag_needs (format), progress,
                                         "tagging", tag_line, outdir, &written);
      g_clear_pointer (&progress, evl_progress_free);
      if (!ok)
        return EVL_EXIT_INPUT;
      if (!quiet)
        fprintf (stderr, "eventline: %u document%s tagged -> %s\n", written,
                 written == 1 ? "" : "s",
                 outdir == NULL || strcmp (outdir, "-") == 0 ? "standard output" : outdir);
      return evl_cli_inputs_errors (in) ? EVL_EXIT_INPUT : EVL_EXIT_OK;
    }
  if (outdir == NULL && first > 1)
    {
      evl_cli_errorf ("tag", "%u documents: give an output folder with -o DIR, "
                      "or stream them to standard output with -f jsonl", first);
      return EVL_EXIT_USAGE;
    }
  if (outdir && g_mkdir_with_parents (outdir, 0755) != 0)
    {
      evl_cli_errorf (outdir, "cannot create output folder: %s", g_strerror (errno));
      return EVL_EXIT_INPUT;
    }
  if (outdir && !evl_cli_check_writable_dir (outdir))
    return EVL_EXIT_INPUT;

  if (outdir == NULL)
    {
      g_clear_pointer (&progress, evl_progress_free);
      g_autoptr (GPtrArray) docs = evl_cli_inputs_next (in, 0);
      evl_pipeline_annotate_for (ctx, docs->pdata[0], tag_needs (format));
      g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
      if (!write_doc (docs->pdata[0], format, mem, &error) || !g_output_stream_close (mem, NULL, &error))
        {
          evl_cli_error ("stdout", error);
          return EVL_EXIT_INPUT;
        }
      GMemoryOutputStream *m = G_MEMORY_OUTPUT_STREAM (mem);
      gsize size = g_memory_output_stream_get_data_size (m);
      if (fwrite (g_memory_output_stream_get_data (m), 1, size, stdout) != size || fflush (stdout) != 0)
        {
          evl_cli_errorf ("stdout", "write failed: %s", g_strerror (errno));
          return EVL_EXIT_INPUT;
        }
      return n_errors ? EVL_EXIT_INPUT : EVL_EXIT_OK;
    }
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The keys are copies: each document (and its path) is freed once
   * written, and later lookups compare against the keys. */
  g_autoptr (GHashTable) per_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Each document is written and dropped as soon as it and those before
   * it are annotated: memory stays bounded by a batch of inputs. */
  g_autofree char *prefix = dir_prefix (outdir);
  TagSink ts = { format, outdir, prefix, per_path, taken, 0, 0 };
  evl_cli_annotate_inputs (ctx, in, n_threads, tag_needs (format), progress, "tagging", tag_batch,
                           tag_sink, &ts);
  g_clear_pointer (&progress, evl_progress_free);
  n_errors = evl_cli_inputs_errors (in) + ts.n_errors;
  guint written = ts.written;
  if (!quiet)
    fprintf (stderr, "eventline: %u document%s tagged -> %s%s\n", written,
             written == 1 ? "" : "s", outdir, evl_cli_dir_slash (outdir));
  return n_errors ? EVL_EXIT_INPUT : EVL_EXIT_OK;
}
