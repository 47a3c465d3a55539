/* eventline build: the main job.  Inputs -> annotated documents -> story
 * graph -> events.json + timeline and relationship diagrams. */
#include "cli.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

/* Draws diagram @name once (one layout) in each of @formats and writes
 * DIR/NAME.EXT.  @svg_out (may be NULL) receives the SVG drawing for the
 * report (transfer full), drawn even when svg is not among @formats; NULL
 * when the diagram could not be drawn. */
static void
write_images (const EvlGraph *g, const char *dir, const char *name, char **formats,
              const EvlRenderOptions *base, GBytes **svg_out, guint *n_errors)
{
  const EvlRenderer *r = evl_renderer_lookup (name);
  g_autoptr (GArray) fmts = g_array_new (FALSE, FALSE, sizeof (EvlImageFormat));
  gint svg_at = -1;
  for (guint i = 0; formats[i]; i++)
    {
      EvlImageFormat f;
      evl_image_format_from_string (formats[i], &f);
      guint k = 0;
      while (k < fmts->len && g_array_index (fmts, EvlImageFormat, k) != f)
        k++;
      if (k < fmts->len)
        continue;   /* "svg,svg", "dot,gv": one file */
      if (f == EVL_IMAGE_SVG)
        svg_at = (gint) fmts->len;
      g_array_append_val (fmts, f);
    }
  guint n_files = fmts->len;
  if (svg_out && svg_at < 0)
    {
      EvlImageFormat f = EVL_IMAGE_SVG;
      svg_at = (gint) fmts->len;
      g_array_append_val (fmts, f);
    }
  if (fmts->len == 0)
    return;   /* -f "": no diagram files, and no report asking */
  g_autofree GBytes **data = g_new0 (GBytes *, fmts->len);
  g_autoptr (GError) error = NULL;
  gboolean drawn = evl_render_formats (r, g, base, (const EvlImageFormat *) (void *) fmts->data,
                                       fmts->len, data, &error);
  for (guint i = 0; i < n_files; i++)
    {
      EvlImageFormat f = g_array_index (fmts, EvlImageFormat, i);
      g_autofree char *file = g_strdup_printf ("%s.%s", name, evl_image_format_extension (f));
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr (GError) werr = NULL;
      if (!drawn)
        evl_cli_error (path, error);
      else if (!evl_export_write_atomic (path, g_bytes_get_data (data[i], NULL),
                                         g_bytes_get_size (data[i]), &werr))
        evl_cli_error (path, werr);
      else
        continue;
      (*n_errors)++;
    }
  if (svg_out)
    *svg_out = drawn ? g_bytes_ref (data[svg_at]) : NULL;
  for (guint i = 0; drawn && i < fmts->len; i++)
    g_bytes_unref (data[i]);
}

static void
list_formats (void)
{
  printf ("Diagrams:\n");
  for (const EvlRenderer *r = evl_renderer_list (); r->name; r++)
    printf ("  %-10s %s\n", r->name, r->description);
  printf ("Image formats:\n");
  for (EvlImageFormat f = EVL_IMAGE_SVG; f <= EVL_IMAGE_DOT; f++)
    printf ("  %s\n", evl_image_format_extension (f));
  printf ("Exports (--export):\n");
  printf ("  timelinejs  DIR/timelinejs.json, Knight Lab TimelineJS3 data\n"
          "  csv         DIR/events.csv, one row per event\n"
          "  jsonl       DIR/events.jsonl, one JSON object per event per line\n"
          "  timeml      DIR/timeml/NAME.tml, each document with its TIMEX3, EVENT and TLINK tags\n");
}

static const char *const export_names[] = { "timelinejs", "csv", "jsonl", "timeml" };

static gboolean
check_exports (const char *cmd, char **exports)
{
  for (guint i = 0; exports[i]; i++)
    {
      gboolean known = FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (export_names); j++)
        known = known || strcmp (exports[i], export_names[j]) == 0;
      if (!known)
        {
          evl_cli_errorf (cmd, "--export: unknown export '%s' (timelinejs, csv, jsonl, timeml)",
                          exports[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_day_option (const char *cmd, const char *name, const char *text, EvlDay *out)
{
  if (text == NULL)
    return TRUE;
  *out = evl_day_parse (text);
  if (*out == 0 || strlen (text) != 10)
    {
      evl_cli_errorf (cmd, "%s: '%s' is not a date in YYYY-MM-DD form", name, text);
      return FALSE;
    }
  return TRUE;
}

/* --entity and --type that match nothing would leave every diagram
 * empty or failed: one line says so, naming what the story does hold.
 * FALSE when the entity is unknown (the diagrams cannot be drawn). */
static gboolean
check_selection (const char *cmd, const EvlGraph *g, const EvlRenderOptions *opts, gboolean quiet)
{
  if (opts->entity && *opts->entity && evl_graph_find_entity (g, opts->entity) < 0)
    {
      /* Names holding what was given ('Vladimir': 'Vladimir Putin'). */
      g_autofree char *want = g_utf8_casefold (opts->entity, -1);
      g_autoptr (GString) near = g_string_new (NULL);
      guint n_near = 0;
      for (guint i = 0; i < evl_graph_n_entities (g) && n_near < 3; i++)
        {
          const char *name = evl_graph_get_entity (g, i)->name;
          g_autofree char *folded = name ? g_utf8_casefold (name, -1) : NULL;
          if (folded && strstr (folded, want))
            g_string_append_printf (near, "%s'%s'", n_near++ ? ", " : "; did you mean ", name);
        }
      if (n_near)
        g_string_append_c (near, '?');
      evl_cli_errorf (cmd, "--entity '%s': no entity of the story has that name or alias, so "
                      "no diagram was drawn%s (events.json lists them: 'entities', 'aliases')",
                      opts->entity, near->str);
      return FALSE;
    }
  if (opts->type && *opts->type && !quiet)
    {
      g_autoptr (GArray) hits = evl_graph_events_of_type (g, opts->type);
      if (hits->len)
        return TRUE;
      g_autoptr (GString) types = g_string_new (NULL);
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < evl_graph_n_events (g); i++)
        {
          const char *t = evl_graph_get_event (g, i)->type;
          if (t && g_hash_table_add (seen, (gpointer) t))
            g_string_append_printf (types, "%s%s", types->len ? ", " : "", t);
        }
      evl_progress_suspend ();
      fprintf (stderr, "eventline: note: --type %s: no event of the story has that type, so the "
               "diagrams are empty; its types: %s\n", opts->type, types->len ? types->str : "none");
    }
  return TRUE;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Files of an earlier build in @dir that this run did not write (it drew
 * other formats or exports) describe an older story next to the new
 * one: a note names them rather than delete what may be wanted. */
static void
note_stale_outputs (const char *dir, char **formats, char **exports, gboolean drawn)
{
  g_autoptr (GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (written, g_strdup ("events.json"));
  g_hash_table_add (written, g_strdup ("report.html"));
  static const char *const diagrams[] = { "timeline", "relations", "entities" };
  for (guint i = 0; drawn && formats[i]; i++)
    {
      EvlImageFormat f;
      if (evl_image_format_from_string (formats[i], &f))
        for (guint d = 0; d < G_N_ELEMENTS (diagrams); d++)
          g_hash_table_add (written, g_strdup_printf ("%s.%s", diagrams[d],
                                                      evl_image_format_extension (f)));
    }
  static const char *const export_files[][2] = { { "timelinejs", "timelinejs.json" },
                                                 { "csv", "events.csv" },
                                                 { "jsonl", "events.jsonl" } };
  for (guint i = 0; exports[i]; i++)
    for (guint k = 0; k < G_N_ELEMENTS (export_files); k++)
      if (strcmp (exports[i], export_files[k][0]) == 0)
        g_hash_table_add (written, g_strdup (export_files[k][1]));
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; d && (name = g_dir_read_name (d));)
    if (evl_cli_is_build_output (name) && !g_hash_table_contains (written, name))
      g_ptr_array_add (stale, g_strdup (name));
  if (stale->len == 0)
    return;
  g_ptr_array_sort (stale, compare_names);
  g_ptr_array_add (stale, NULL);
  g_autofree char *list = g_strjoinv (", ", (char **) stale->pdata);
  fprintf (stderr, "eventline: note: %s%s also holds %s of an earlier run, not rewritten by this "
           "one (see --format, --export): they show the story as it was then\n",
           dir, evl_cli_dir_slash (dir), list);
}

static void
write_graph_file (EvlStreamWriter writer, const EvlGraph *g, const char *dir,
                  const char *name, guint *n_errors)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  if (!evl_export_to_file (writer, g, path, &error))
    {
      evl_cli_error (path, error);
      (*n_errors)++;
    }
}

static gboolean
write_timeml_doc (GOutputStream *out, gpointer doc, GError **error)
{
  return evl_export_timeml (doc, out, error);
}

/* DIR/timeml/NAME.tml per document; names come from document ids, made
 * safe as file names and unique. */
static void
write_timeml (GPtrArray *docs, const char *outdir, guint *n_errors)
{
  g_autofree char *dir = g_build_filename (outdir, "timeml", NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      evl_cli_errorf (dir, "cannot create folder: %s", g_strerror (errno));
      (*n_errors)++;
      return;
    }
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < docs->len; i++)
    {
      EvlDocument *doc = docs->pdata[i];
      g_autofree char *name = g_strdup (evl_document_get_id (doc));
      g_strdelimit (name, "/\\:", '_');
      if (name[0] == '.' || name[0] == '\0')
        {
          g_autofree char *old = g_steal_pointer (&name);
          name = g_strconcat ("_", old, NULL);
        }
      g_autofree char *file = g_strconcat (name, ".tml", NULL);
      for (guint k = 2; g_hash_table_contains (used, file); k++)
        {
          g_free (file);
          file = g_strdup_printf ("%s-%u.tml", name, k);
        }
      g_hash_table_add (used, g_strdup (file));
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr (GError) error = NULL;
      if (!evl_export_stream_atomic (path, write_timeml_doc, doc, &error))
        {
          evl_cli_error (path, error);
          (*n_errors)++;
        }
    }
}

/* What write_report passes on: the diagram options and the timeline and
 * relations SVG already drawn for their files. */
static struct {
  const EvlRenderOptions *opts;
  GBytes *timeline_svg, *relations_svg;
} report_input;

static gboolean
write_report (const EvlGraph *g, GOutputStream *out, GError **error)
{
  return evl_export_report_with_diagrams (g, report_input.opts, report_input.timeline_svg,
                                          report_input.relations_svg, out, error);
}

/* Adds each document to the graph as soon as it is annotated and drops
 * it (unless an export still needs it), so memory follows the graph, not
 * the corpus. */
typedef struct {
  const EvlContext *ctx;
  EvlGraph *graph;
  const EvlReasonOptions *ropts;
  GPtrArray *docs;
  gboolean keep;
  guint skipped;
  char *first_skipped;   /* the first skipped document's id */
  EvlProgress *progress;
  GArray *held;          /* guint: documents waiting for the set's dates */
} BuildSink;

static void
release (BuildSink *bs, guint index)
{
  if (!bs->keep)
    {
      evl_document_unref (bs->docs->pdata[index]);
      bs->docs->pdata[index] = NULL;
    }
}

static void
skip (BuildSink *bs, EvlDocument *doc)
{
  if (bs->skipped++ == 0)
    bs->first_skipped = g_strdup (evl_document_get_id (doc));
}

static void
build_sink (EvlDocument *doc, guint index, gpointer user_data)
{
  BuildSink *bs = user_data;
  EvlCliDateline dl;
  evl_progress_add_document (bs->progress, doc);
  /* An updated story already holds this document: adding it again would
   * count its sources twice. */
  if (evl_graph_find_document (bs->graph, evl_document_get_id (doc)) >= 0)
    skip (bs, doc);
  else if (evl_cli_yearless_dateline (doc, &dl))
    {
      /* Its year comes from the documents after it too: held back (few
       * are) and added once the stream is done. */
      g_array_append_val (bs->held, index);
      return;
    }
  else
    evl_reason_add_document (bs->ctx, bs->graph, doc, bs->ropts);
  release (bs, index);
}

/* Dates the held documents from the story's dated ones (a saved story's
 * too) and adds them, in input order whatever the threads did. */
static void
date_held (BuildSink *bs, GString *notes)
{
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (EvlDay));
  for (guint i = 0; bs->held->len && i < evl_graph_n_documents (bs->graph); i++)
    {
      /* The day of "2025-03-02" and "2025-03-02T10:00"; a bare month or
       * year is no day. */
      const char *dct = evl_graph_get_document (bs->graph, i)->dct;
      char day[11] = "";
      if (dct)
        g_strlcpy (day, dct, sizeof day);
      EvlDay d = evl_day_parse (day);
      if (d)
        g_array_append_val (days, d);
    }
  EvlDay median = evl_cli_dateline_median (days);
  for (guint k = 0; k < bs->held->len; k++)
    {
      guint index = g_array_index (bs->held, guint, k);
      EvlDocument *doc = bs->docs->pdata[index];
      EvlCliDateline dl;
      if (evl_graph_find_document (bs->graph, evl_document_get_id (doc)) >= 0)
        skip (bs, doc);
      else
        {
          if (median && evl_cli_yearless_dateline (doc, &dl))
            evl_cli_date_dateline (bs->ctx, doc, &dl, median, notes);
          evl_reason_add_document (bs->ctx, bs->graph, doc, bs->ropts);
        }
      release (bs, index);
    }
}

int
evl_cmd_build (int argc, char **argv)
{
  g_autofree char *dct = NULL;
  g_autofree char *outdir = NULL;
  g_autofree char *formats_arg = NULL;
  g_autofree char *input_format = NULL;
  g_autofree char *exports_arg = NULL;
  g_autofree char *graph_path = NULL;
  g_autofree char *from = NULL, *to = NULL, *entity = NULL, *type = NULL;
  gboolean strict = FALSE, all_events = FALSE, quiet = FALSE, list = FALSE;
  gint threads = 0, max_events = EVL_RENDER_MAX_EVENTS;
  g_autofree char *max_size = NULL;
  double dpi = 0, width = 0;
  /* build, or merge running build over extraction lines */
  const char *cmd = argv[0];
  const GOptionEntry entries[] = {
    { "dct", 0, 0, G_OPTION_ARG_STRING, &dct,
      "Creation date for documents that carry none of their own", "YYYY-MM-DD" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &outdir,
      "Output folder (created if needed; default: output)", "DIR" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &formats_arg,
      "Diagram formats, comma separated: svg,png,pdf,dot (default: svg,png)", "LIST" },
    { "export", 'e', 0, G_OPTION_ARG_STRING, &exports_arg,
      "Extra exports, comma separated: timelinejs,csv,jsonl,timeml", "LIST" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, "PNG resolution (default: 150)", "N" },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width,
      "Diagram width in inches (default: 8.27, fits an A4 page; a crowded timeline grows wider unless this is given)", "INCHES" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "Diagrams start at this date", "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "Diagrams end at this date", "YYYY-MM-DD" },
    { "entity", 0, 0, G_OPTION_ARG_STRING, &entity,
      "Diagrams show only the events of this entity (name or alias)", "NAME" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      "Diagrams show only events of this story type (e.g. MEETING)", "TYPE" },
    { "max-events", 0, 0, G_OPTION_ARG_INT, &max_events,
      "Timeline: draw at most N events, count the rest per period (default: 60)",
      "N" },
    { "graph", 'g', 0, G_OPTION_ARG_FILENAME, &graph_path,
      "Add the inputs to the story saved in FILE (created if absent) and save it back", "FILE" },
    { "list-formats", 0, 0, G_OPTION_ARG_NONE, &list,
      "List the diagrams, image formats and exports, then exit", NULL },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &input_format,
      "Force the input format: text, timeml, html, jsonl (default: detect)", "FMT" },
    { "all-events", 0, 0, G_OPTION_ARG_NONE, &all_events,
      "Keep every event mention, not only the timeline-worthy ones", NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      "Stop at the first input that cannot be read", NULL },
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
    "INPUT is a file or a folder of articles (.txt, .tml/.xml TimeML, .html,\n"
    ".jsonl/.json news-please articles, - for standard input).  A folder's\n"
    "own files are read (hidden ones, README, images skipped); its\n"
    "subfolders are named on standard error, not read.  The format\n"
    "is told by content and extension.  A document's creation date comes,\n"
    "strongest first, from its metadata (front matter, a FILE.meta.json\n"
    "sidecar, an eventline.json manifest in its folder, TimeML DCT, HTML\n"
    "meta), then --dct, then a dateline guessed from the text.  A yearless\n"
    "dateline ('PORTO LENTO, March 4 (AP) -') of an otherwise undated article\n"
    "takes its year from the other articles: the one that puts it nearest the\n"
    "middle of their dates, unless a weekday in the dateline or its sentence\n"
    "('on Tuesday') does not fit that year or no other article is dated.  A\n"
    "note on standard error names each such article, whose events.json\n"
    "document says dct_source 'guessed'.\n"
    "\n"
    "Writes DIR/events.json, DIR/report.html (a self-contained page with the\n"
    "summary, both diagrams, every event with its sources and quotes, the\n"
    "entities and the conflicts between sources), DIR/timeline.svg,\n"
    "DIR/timeline.png, DIR/relations.svg, DIR/relations.png and the entity-only\n"
    "view DIR/entities.svg, DIR/entities.png (who acts with whom).  --export adds\n"
    "DIR/timelinejs.json (Knight Lab TimelineJS3), DIR/events.csv,\n"
    "DIR/events.jsonl and DIR/timeml/NAME.tml per document.  Files are\n"
    "replaced atomically; DIR may be an INPUT folder, whose files build wrote\n"
    "are not read back as articles.  --dpi, --width, --from, --to, --entity\n"
    "and --type shape the diagrams (also those in the report); the event\n"
    "table and the exports always hold every event.  --graph FILE keeps the\n"
    "story between runs: documents already in it are skipped, new ones\n"
    "merged in.  Output is the same in every run, PDFs too: they carry no\n"
    "creation date unless SOURCE_DATE_EPOCH (seconds since 1970) gives one.\n"
    "\n"
    "A timeline of more than --max-events events draws at most that many,\n"
    "the most reported first, at least one per period and at most three per\n"
    "thread and period, and a '+N more events, PERIOD' mark for the rest of\n"
    "each period (day, week, month, quarter, year or decade, whichever\n"
    "keeps it legible).\n"
    "\n"
    "On a terminal, a progress line on standard error shows the documents\n"
    "done, MB, rate and time left; it is never written when standard error\n"
    "is not a terminal (pipes, files, CI) and --quiet turns it off.\n"
    "\n"
    "Examples:\n"
    "  eventline build --dct 2023-09-14 input/ -o output/\n"
    "  eventline build input/ -o out/ --export csv,timelinejs --from 2023-01-01\n"
    "  eventline build --list-formats\n"
    "  eventline build --graph story.json new-articles/ -o output/\n"
    "\n"
    "Exit status: 0 success, 1 an input or output failed, 2 usage error.";
  if (!evl_cli_parse (&argc, &argv, cmd, "INPUT...",
                      "Build the story graph and its diagrams from articles.", desc, entries))
    return EVL_EXIT_USAGE;
  if (list)
    {
      list_formats ();
      return EVL_EXIT_OK;
    }
  if (argc < 2)
    {
      evl_cli_errorf (cmd, "no input given\nTry 'eventline %s --help'.", cmd);
      return EVL_EXIT_USAGE;
    }
  EvlLoadOptions lopts;
  if (!evl_cli_load_options (cmd, dct, input_format, max_size, &lopts)
      || !evl_cli_check_threads (cmd, threads)
      || !evl_cli_check_paths (cmd, argv + 1, outdir, graph_path))
    return EVL_EXIT_USAGE;
  g_auto (GStrv) formats = evl_cli_split_list (formats_arg ? formats_arg : "svg,png");
  for (guint i = 0; formats[i]; i++)
    {
      EvlImageFormat f;
      if (!evl_image_format_from_string (formats[i], &f))
        {
          evl_cli_errorf (cmd, "--format: unknown image format '%s' (svg, png, pdf, dot)", formats[i]);
          return EVL_EXIT_USAGE;
        }
    }
  g_auto (GStrv) exports = evl_cli_split_list (exports_arg ? exports_arg : "");
  if (!check_exports (cmd, exports))
    return EVL_EXIT_USAGE;
  EvlRenderOptions base = EVL_RENDER_OPTIONS_INIT;
  if (!parse_day_option (cmd, "--from", from, &base.from)
      || !parse_day_option (cmd, "--to", to, &base.to))
    return EVL_EXIT_USAGE;
  if (base.from && base.to && base.from > base.to)
    {
      evl_cli_errorf (cmd, "--from %s is after --to %s", from, to);
      return EVL_EXIT_USAGE;
    }
  /* 0 is each option's default (150 dpi; 8.27 in, wider when crowded). */
  if (!(dpi == 0 || (dpi >= 1 && dpi <= 2400)))
    {
      evl_cli_errorf (cmd, "--dpi %g: give a PNG resolution from 1 to 2400 (default: 150)", dpi);
      return EVL_EXIT_USAGE;
    }
  if (!(width == 0 || (width >= 1 && width <= 200)))
    {
      evl_cli_errorf (cmd, "--width %g: give a diagram width from 1 to 200 inches "
                      "(default: 8.27, an A4 page)", width);
      return EVL_EXIT_USAGE;
    }
  if (max_events < 1)
    {
      evl_cli_errorf (cmd, "--max-events must be at least 1");
      return EVL_EXIT_USAGE;
    }
  base.max_events = (guint) max_events;
  base.dpi = dpi;
  base.width_in = width;
  base.entity = entity;
  base.type = type;
  if (outdir == NULL)
    outdir = g_strdup ("output");
  else if (strcmp (outdir, "-") == 0)
    {
      evl_cli_errorf (cmd, "-o names the output folder (events.json and the diagrams "
                      "are several files), not '-'");
      return EVL_EXIT_USAGE;
    }

  if (g_file_test (outdir, G_FILE_TEST_EXISTS) && !g_file_test (outdir, G_FILE_TEST_IS_DIR))
    {
      evl_cli_errorf (cmd, "-o %s is a file; -o names the output folder (events.json and "
                      "the diagrams are several files)", outdir);
      return EVL_EXIT_USAGE;
    }
  if (graph_path && g_file_test (graph_path, G_FILE_TEST_IS_DIR))
    {
      evl_cli_errorf (cmd, "--graph %s is a folder; --graph names the story's file "
                      "(e.g. story.json, created if absent)", graph_path);
      return EVL_EXIT_USAGE;
    }

  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  if (ctx == NULL)
    {
      evl_cli_error ("data", error);
      return EVL_EXIT_INPUT;
    }

  guint n_errors = 0;
  g_autoptr (EvlProgress) progress = evl_progress_new (cmd, quiet);
  g_autoptr (GPtrArray) docs = evl_cli_load_inputs (argv + 1, &lopts, strict, quiet, outdir,
                                                      graph_path, progress, &n_errors);
  if (strict && n_errors)
    return EVL_EXIT_INPUT;
  if (docs->len == 0)
    {
      /* Each failed input has been named already. */
      if (n_errors == 0)
        evl_cli_errorf (cmd, "no input documents");
      else if (lopts.format == EVL_FORMAT_EXTRACTED)
        evl_cli_errorf (cmd, "no input held lines of 'eventline extract' output, which merge "
                        "reads; to build the story from articles, use 'eventline build'");
      return EVL_EXIT_INPUT;
    }
  if (g_mkdir_with_parents (outdir, 0755) != 0)
    {
      evl_cli_errorf (outdir, "cannot create output folder: %s", g_strerror (errno));
      return EVL_EXIT_INPUT;
    }
  if (!evl_cli_check_writable_dir (outdir))
    return EVL_EXIT_INPUT;

  EvlReasonOptions ropts = EVL_REASON_OPTIONS_INIT;
  ropts.all_events = all_events;
  g_autoptr (EvlGraph) graph = NULL;
  gboolean updating = graph_path && g_file_test (graph_path, G_FILE_TEST_EXISTS);
  if (updating)
    {
      graph = evl_graph_load_json (graph_path, &error);
      if (graph == NULL)
        {
          evl_cli_error (graph_path, error);
          return EVL_EXIT_INPUT;
        }
    }
  else
    graph = evl_graph_new ();
  guint n_docs = docs->len;
  gboolean keep = FALSE;
  for (guint i = 0; exports[i]; i++)
    keep |= strcmp (exports[i], "timeml") == 0;
  g_autoptr (GArray) held = g_array_new (FALSE, FALSE, sizeof (guint));
  BuildSink bs = { ctx, graph, &ropts, docs, keep, 0, NULL, progress, held };
  evl_progress_phase (progress, lopts.format == EVL_FORMAT_EXTRACTED ? "merging" : "annotating",
                      docs->len, evl_cli_documents_bytes (docs, 0));
  evl_pipeline_annotate_stream (ctx, docs, threads > 0 ? (guint) threads : 0, 0, build_sink, &bs);
  g_autoptr (GString) notes = g_string_new (NULL);
  date_held (&bs, notes);
  g_autofree char *first_skipped = bs.first_skipped;
  evl_progress_stage (progress, "relating events");
  if (updating)
    {
      /* Merge, relate and thread again, keeping the saved event ids. */
      g_autoptr (GPtrArray) none = g_ptr_array_new ();
      evl_reason_update_graph (ctx, graph, none, &ropts);
    }
  else
    evl_reason_finish_graph (ctx, graph);
  if (graph_path && !evl_export_to_file (evl_graph_save_json, graph, graph_path, &error))
    {
      evl_cli_error (graph_path, error);
      return EVL_EXIT_INPUT;
    }

  evl_progress_stage (progress, "writing outputs");
  g_autofree char *json_path = g_build_filename (outdir, "events.json", NULL);
  if (!evl_export_to_file (evl_export_json, graph, json_path, &error))
    {
      evl_cli_error (json_path, error);
      return EVL_EXIT_INPUT;
    }
  /* The report embeds the very SVG written to timeline.svg and
   * relations.svg rather than drawing both diagrams again. */
  g_autoptr (GBytes) timeline_svg = NULL;
  g_autoptr (GBytes) relations_svg = NULL;
  gboolean drawable = check_selection (cmd, graph, &base, quiet);
  if (drawable)
    {
      write_images (graph, outdir, "timeline", formats, &base, &timeline_svg, &n_errors);
      write_images (graph, outdir, "relations", formats, &base, &relations_svg, &n_errors);
    }
  else
    n_errors++;
  report_input.opts = &base;
  report_input.timeline_svg = timeline_svg;
  report_input.relations_svg = relations_svg;
  write_graph_file (write_report, graph, outdir, "report.html", &n_errors);
  if (drawable)
    write_images (graph, outdir, "entities", formats, &base, NULL, &n_errors);
  for (guint i = 0; exports[i]; i++)
    {
      if (strcmp (exports[i], "timelinejs") == 0)
        write_graph_file (evl_export_timelinejs, graph, outdir, "timelinejs.json", &n_errors);
      else if (strcmp (exports[i], "csv") == 0)
        write_graph_file (evl_export_csv, graph, outdir, "events.csv", &n_errors);
      else if (strcmp (exports[i], "jsonl") == 0)
        write_graph_file (evl_export_jsonl, graph, outdir, "events.jsonl", &n_errors);
      else if (strcmp (exports[i], "timeml") == 0)
        write_timeml (docs, outdir, &n_errors);
    }

  g_clear_pointer (&progress, evl_progress_free);
  if (!quiet)
    fputs (notes->str, stderr);
  if (!quiet)
    note_stale_outputs (outdir, formats, exports, drawable);
  if (!quiet && bs.skipped && updating)
    fprintf (stderr, "eventline: %u document%s already in %s, skipped\n", bs.skipped,
             bs.skipped == 1 ? "" : "s", graph_path);
  else if (!quiet && bs.skipped)
    fprintf (stderr, "eventline: note: %u document%s skipped: the same id as an earlier input "
             "(first: '%s'); an article given twice, or as both NAME.txt and NAME.tml, counts "
             "once\n", bs.skipped, bs.skipped == 1 ? "" : "s", first_skipped);
  /* Undated articles lose most of their events without a word otherwise:
   * 'on Tuesday' cannot be placed, and an undated passing mention is not
   * kept. */
  guint n_undated = 0;
  for (guint i = 0; i < evl_graph_n_documents (graph); i++)
    {
      const char *doc_dct = evl_graph_get_document (graph, i)->dct;
      n_undated += doc_dct == NULL || *doc_dct == '\0';
    }
  if (!quiet && n_undated)
    fprintf (stderr, "eventline: note: no publication date for %u of %u document%s, so their "
             "relative dates ('on Tuesday') stay unresolved and fewer events are kept; give "
             "--dct YYYY-MM-DD or an eventline.json manifest (see --help)\n",
             n_undated, evl_graph_n_documents (graph), evl_graph_n_documents (graph) == 1 ? "" : "s");
  if (!quiet)
    {
      guint ne = evl_graph_n_events (graph), nt = evl_graph_n_entities (graph);
      guint nr = evl_graph_n_relations (graph);
      fprintf (stderr, "eventline: %u document%s, %u event%s, %u entit%s, %u relation%s -> %s%s\n",
               n_docs, n_docs == 1 ? "" : "s", ne, ne == 1 ? "" : "s", nt, nt == 1 ? "y" : "ies",
               nr, nr == 1 ? "" : "s", outdir, evl_cli_dir_slash (outdir));
    }
  return n_errors ? EVL_EXIT_INPUT : EVL_EXIT_OK;
}
