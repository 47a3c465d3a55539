/* eventline build: the main job.  Inputs -> annotated documents -> story
 * graph -> events.json + timeline and relationship diagrams. */
#include "cli.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

static gboolean
write_images (const EvlGraph *g, const char *dir, const char *name,
              char **formats, const EvlRenderOptions *base, guint *n_errors)
{
  const EvlRenderer *r = evl_renderer_lookup (name);
  if (r == NULL)
    {
      evl_cli_errorf (name, "no such diagram");
      (*n_errors)++;
      return FALSE;
    }
  for (guint i = 0; formats[i]; i++)
    {
      EvlRenderOptions opts = *base;
      evl_image_format_from_string (formats[i], &opts.format);
      g_autofree char *file = g_strdup_printf ("%s.%s", name, evl_image_format_extension (opts.format));
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr (GError) error = NULL;
      if (!evl_render_to_file (r, g, &opts, path, &error))
        {
          evl_cli_error (path, error);
          (*n_errors)++;
        }
    }
  return TRUE;
}

int
evl_cmd_build (int argc, char **argv)
{
  g_autofree char *dct = NULL;
  g_autofree char *outdir = NULL;
  g_autofree char *formats_arg = NULL;
  g_autofree char *input_format = NULL;
  gboolean strict = FALSE, all_events = FALSE, quiet = FALSE;
  gint threads = 0;
  const GOptionEntry entries[] = {
    { "dct", 0, 0, G_OPTION_ARG_STRING, &dct,
      "Creation date for documents that carry none of their own", "YYYY-MM-DD" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &outdir,
      "Output folder (created if needed; default: output)", "DIR" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &formats_arg,
      "Diagram formats, comma separated: svg,png,pdf,dot (default: svg,png)", "LIST" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &input_format,
      "Force the input format: text, timeml, html, jsonl (default: detect)", "FMT" },
    { "all-events", 0, 0, G_OPTION_ARG_NONE, &all_events,
      "Keep every event mention, not only the timeline-worthy ones", NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      "Stop at the first input that cannot be read", NULL },
    { "threads", 'j', 0, G_OPTION_ARG_INT, &threads,
      "Worker threads (default: one per processor)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print nothing but errors", NULL },
    { NULL },
  };
  const char *desc =
    "INPUT is a file or a folder of articles (.txt, .tml/.xml TimeML, .html,\n"
    ".jsonl).  A document's creation date comes, strongest first, from its\n"
    "metadata (front matter, a FILE.meta.json sidecar, an eventline.json\n"
    "manifest in its folder, TimeML DCT, HTML meta), then --dct, then a\n"
    "dateline guessed from the text.\n"
    "\n"
    "Writes DIR/events.json, DIR/timeline.svg, DIR/timeline.png,\n"
    "DIR/relations.svg and DIR/relations.png.  Files are replaced atomically.\n"
    "\n"
    "Example:\n"
    "  eventline build --dct 2023-09-14 input/ -o output/\n"
    "\n"
    "Exit status: 0 success, 1 an input or output failed, 2 usage error.";
  if (!evl_cli_parse (&argc, &argv, "build", "INPUT...",
                      "Build the story graph and its diagrams from articles.", desc, entries))
    return EVL_EXIT_USAGE;
  if (argc < 2)
    {
      evl_cli_errorf ("build", "no input given\nTry 'eventline build --help'.");
      return EVL_EXIT_USAGE;
    }
  if (!evl_cli_check_dct (dct))
    return EVL_EXIT_USAGE;
  EvlLoadOptions lopts = EVL_LOAD_OPTIONS_INIT;
  lopts.default_dct = dct;
  if (input_format && !evl_input_format_from_string (input_format, &lopts.format))
    {
      evl_cli_errorf ("build", "--input-format: unknown format '%s'", input_format);
      return EVL_EXIT_USAGE;
    }
  g_auto (GStrv) formats = g_strsplit (formats_arg ? formats_arg : "svg,png", ",", -1);
  for (guint i = 0; formats[i]; i++)
    {
      EvlImageFormat f;
      if (!evl_image_format_from_string (formats[i], &f))
        {
          evl_cli_errorf ("build", "--format: unknown image format '%s' (svg, png, pdf, dot)", formats[i]);
          return EVL_EXIT_USAGE;
        }
    }
  if (outdir == NULL)
    outdir = g_strdup ("output");

  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  if (ctx == NULL)
    {
      evl_cli_error ("data", error);
      return EVL_EXIT_INPUT;
    }

  guint n_errors = 0;
  g_autoptr (GPtrArray) docs = evl_cli_load_inputs (argv + 1, &lopts, strict, &n_errors);
  if (strict && n_errors)
    return EVL_EXIT_INPUT;
  if (docs->len == 0)
    {
      /* Each failed input has been named already. */
      if (n_errors == 0)
        evl_cli_errorf ("build", "no input documents");
      return EVL_EXIT_INPUT;
    }
  if (g_mkdir_with_parents (outdir, 0755) != 0)
    {
      evl_cli_errorf (outdir, "cannot create output folder: %s", g_strerror (errno));
      return EVL_EXIT_INPUT;
    }

  evl_pipeline_annotate_all (ctx, docs, threads > 0 ? (guint) threads : 0);
  EvlReasonOptions ropts = EVL_REASON_OPTIONS_INIT;
  ropts.all_events = all_events;
  g_autoptr (EvlGraph) graph = evl_reason_build_graph (ctx, docs, &ropts);

  g_autofree char *json_path = g_build_filename (outdir, "events.json", NULL);
  if (!evl_export_to_file (evl_export_json, graph, json_path, &error))
    {
      evl_cli_error (json_path, error);
      return EVL_EXIT_INPUT;
    }
  EvlRenderOptions base = EVL_RENDER_OPTIONS_INIT;
  write_images (graph, outdir, "timeline", formats, &base, &n_errors);
  write_images (graph, outdir, "relations", formats, &base, &n_errors);

  if (!quiet)
    fprintf (stderr, "eventline: %u document%s, %u events, %u entities, %u relations -> %s/\n",
             docs->len, docs->len == 1 ? "" : "s", evl_graph_n_events (graph),
             evl_graph_n_entities (graph), evl_graph_n_relations (graph), outdir);
  return n_errors ? EVL_EXIT_INPUT : EVL_EXIT_OK;
}
