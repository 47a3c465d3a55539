/* Helpers shared by the commands: errors, option parsing, input loading. */
#include "cli.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *
evl_cli_dir_slash (const char *dir)
{
  return g_str_has_suffix (dir, G_DIR_SEPARATOR_S) ? "" : G_DIR_SEPARATOR_S;
}

void
evl_cli_error (const char *what, const GError *error)
{
  evl_progress_suspend ();
  if (what)
    fprintf (stderr, "eventline: %s: %s\n", what, error ? error->message : "failed");
  else
    fprintf (stderr, "eventline: %s\n", error ? error->message : "failed");
}

void
evl_cli_errorf (const char *what, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  evl_progress_suspend ();
  if (what)
    fprintf (stderr, "eventline: %s: %s\n", what, msg);
  else
    fprintf (stderr, "eventline: %s\n", msg);
}

gboolean
evl_cli_parse (int *argc, char ***argv, const char *cmd, const char *params,
               const char *summary, const char *description,
               const GOptionEntry *entries)
{
  g_autofree char *p = g_strdup_printf ("%s", params);
  g_autoptr (GOptionContext) oc = g_option_context_new (p);
  g_autofree char *prg = g_strdup_printf ("eventline %s", cmd);
  g_set_prgname (prg);
  g_option_context_set_summary (oc, summary);
  if (description)
    g_option_context_set_description (oc, description);
  g_option_context_add_main_entries (oc, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (oc, argc, argv, &error))
    {
      fprintf (stderr, "eventline: %s: %s\nTry 'eventline %s --help'.\n", cmd,
               error->message, cmd);
      return FALSE;
    }
  return TRUE;
}

gboolean
evl_cli_check_dct (const char *cmd, const char *dct)
{
  if (dct == NULL)
    return TRUE;
  if (evl_day_parse (dct) == 0 || dct[10] != '\0')
    {
      evl_cli_errorf (cmd, "--dct: '%s' is not a date in YYYY-MM-DD form", dct);
      return FALSE;
    }
  return TRUE;
}

gboolean
evl_cli_check_writable_dir (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, ".eventline-probe-XXXXXX", NULL);
  int fd = g_mkstemp (probe);
  if (fd < 0)
    {
      evl_cli_errorf (dir, "cannot write files in this folder: %s; give another with -o DIR",
                      g_strerror (errno));
      return FALSE;
    }
  close (fd);
  g_unlink (probe);
  return TRUE;
}

gboolean
evl_cli_check_output_file (const char *cmd, const char *path)
{
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;
  evl_cli_errorf (cmd, "-o %s is a folder; -o names the output file (or '-' for standard "
                  "output)", path);
  return FALSE;
}

char **
evl_cli_split_list (const char *arg)
{
  char **items = g_strsplit (arg, ",", -1);
  for (guint i = 0; items[i]; i++)
    {
      g_strstrip (items[i]);
      for (char *c = items[i]; *c; c++)
        *c = g_ascii_tolower (*c);
    }
  return items;
}

gboolean
evl_cli_check_paths (const char *cmd, char **inputs, const char *output, const char *graph)
{
  const char *what = output && !*output ? "-o" : graph && !*graph ? "--graph" : NULL;
  for (guint i = 0; what == NULL && inputs && inputs[i]; i++)
    if (!*inputs[i])
      what = "an INPUT";
  if (what == NULL)
    return TRUE;
  evl_cli_errorf (cmd, "%s is an empty path (an unset shell variable?); give a file or folder",
                  what);
  return FALSE;
}

gboolean
evl_cli_check_threads (const char *cmd, gint threads)
{
  if (threads >= 0)
    return TRUE;
  evl_cli_errorf (cmd, "-j %d: give a number of worker threads, or 0 for one per processor",
                  threads);
  return FALSE;
}

/* Every input path expanded up front (a list of names: cheap even for
 * 100,000 files); files are then read in order, a batch at a time, so a
 * command that writes and drops each document holds two batches of texts
 * (the one annotated, the next one read meanwhile by a loader thread)
 * instead of the corpus. */
typedef struct {
  GPtrArray *docs;
  GArray *done_bytes;        /* guint64 per document, see evl_cli_inputs_done_bytes() */
  GPtrArray *errors;         /* GError*, reported when the batch is taken */
} Batch;

struct _EvlCliInputs {
  EvlSourceLoader *loader;
  GPtrArray *files;          /* char*, in input order */
  guint64 *sizes;            /* per file, from stat(); NULL when not wanted */
  guint64 total_bytes;
  gboolean strict;
  /* Loading side (the loader thread while it runs): */
  guint next_file;
  guint load_errors;
  /* Taking side (the command's thread): */
  guint errors;              /* reported so far */
  Batch *pending;            /* read ahead by evl_cli_inputs_load() */
  Batch *current;            /* handed out by evl_cli_inputs_next() */
  /* The loader thread and its one-batch hand-over slot. */
  GThread *thread;
  GMutex lock;
  GCond cond;
  Batch *slot;
  gboolean slot_full;
};

static void
batch_free (Batch *b)
{
  if (b == NULL)
    return;
  if (b->docs)
    g_ptr_array_unref (b->docs);
  g_array_unref (b->done_bytes);
  g_ptr_array_unref (b->errors);
  g_free (b);
}

/* Names the subfolders of the input folders, which are not read, but
 * for the run's own output folder ('build . -o out') and those of earlier
 * builds (an events.json in them): they hold no articles. */
static void
note_subfolders (GPtrArray *sub, const char *outdir)
{
  g_autofree char *out = outdir ? g_canonicalize_filename (outdir, NULL) : NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  guint n = 0;
  for (guint i = 0; i < sub->len; i++)
    {
      const char *dir = sub->pdata[i];
      g_autofree char *canon = g_canonicalize_filename (dir, NULL);
      g_autofree char *events = g_build_filename (dir, "events.json", NULL);
      /* OUT/timeml is build --export timeml's. */
      g_autofree char *parent = g_path_get_dirname (canon);
      g_autofree char *name = g_path_get_basename (canon);
      if ((out && strcmp (canon, out) == 0) || g_file_test (events, G_FILE_TEST_IS_REGULAR)
          || (out && strcmp (parent, out) == 0 && strcmp (name, "timeml") == 0))
        continue;
      if (n++ < 3)
        g_string_append_printf (names, "%s%s" G_DIR_SEPARATOR_S, n > 1 ? ", " : "", dir);
    }
  if (n > 3)
    g_string_append_printf (names, " and %u more", n - 3);
  if (n)
    fprintf (stderr, "eventline: note: %u subfolder%s not read: %s (a folder's own files are "
             "read, not its subfolders'; give a subfolder as an input to read it)\n", n,
             n == 1 ? "" : "s", names->str);
}

gboolean
evl_cli_same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;
  return a && b && strcmp (a, "-") != 0 && strcmp (b, "-") != 0 && g_stat (a, &sa) == 0
         && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* TRUE when @name is a file 'eventline build' writes into its output
 * folder: none is an article, and 'build DIR -o DIR' run twice must not
 * read the first run's report.html as a web page. */
gboolean
evl_cli_is_build_output (const char *name)
{
  static const char *const files[] = { "events.json", "report.html", "events.csv",
                                       "events.jsonl", "timelinejs.json" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (strcmp (name, files[i]) == 0)
      return TRUE;
  static const char *const diagrams[] = { "timeline.", "relations.", "entities." };
  for (guint i = 0; i < G_N_ELEMENTS (diagrams); i++)
    if (g_str_has_prefix (name, diagrams[i]))
      for (EvlImageFormat f = EVL_IMAGE_SVG; f <= EVL_IMAGE_DOT; f++)
        if (strcmp (name + strlen (diagrams[i]), evl_image_format_extension (f)) == 0)
          return TRUE;
  return FALSE;
}

/* Drops from @files (char*) those of @outdir that a build wrote there. */
static void
drop_build_outputs (GPtrArray *files, const char *outdir)
{
  GStatBuf out;
  if (outdir == NULL || g_stat (outdir, &out) != 0 || !S_ISDIR (out.st_mode))
    return;
  guint kept = 0;
  for (guint i = 0; i < files->len; i++)
    {
      char *path = files->pdata[i];
      const char *base = strrchr (path, G_DIR_SEPARATOR);
      GStatBuf st;
      g_autofree char *dir = NULL;
      if (evl_cli_is_build_output (base ? base + 1 : path) && (dir = g_path_get_dirname (path))
          && g_stat (dir, &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
        g_free (path);
      else
        files->pdata[kept++] = path;
    }
  files->len = kept;
}

/* Drops @path (nullable), by whatever name, from @files (char*): the
 * story file of 'build --graph', which may sit among the articles. */
static void
drop_file (GPtrArray *files, const char *path)
{
  g_autofree char *name = path ? g_path_get_basename (path) : NULL;
  for (guint i = 0; name && i < files->len; i++)
    {
      const char *file = files->pdata[i];
      const char *base = strrchr (file, G_DIR_SEPARATOR);
      if (strcmp (base ? base + 1 : file, name) == 0 && evl_cli_same_file (file, path))
        g_ptr_array_remove_index (files, i--);
    }
}

EvlCliInputs *
evl_cli_inputs_new (char **paths, const EvlLoadOptions *opts, gboolean strict, gboolean sizes,
                    gboolean quiet, const char *outdir)
{
  EvlCliInputs *in = g_new0 (EvlCliInputs, 1);
  /* One loader for all inputs: a folder's manifest is read once, and its
   * listing says which files have a sidecar (two failed stat() calls per
   * file less). */
  in->loader = evl_source_loader_new (opts);
  in->files = g_ptr_array_new_with_free_func (g_free);
  in->strict = strict;
  g_mutex_init (&in->lock);
  g_cond_init (&in->cond);
  for (guint i = 0; paths && paths[i]; i++)
    {
      const char *one[] = { paths[i], NULL };
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) files = evl_source_loader_expand (in->loader, one, &error);
      if (files == NULL)
        {
          evl_cli_error (NULL, error);
          in->errors++;
          in->load_errors++;
          if (strict)
            break;
          continue;
        }
      for (guint j = 0; j < files->len; j++)
        g_ptr_array_add (in->files, g_steal_pointer (&files->pdata[j]));
    }
  drop_build_outputs (in->files, outdir);
  if (!quiet)
    note_subfolders (evl_source_loader_subfolders (in->loader), outdir);
  if (sizes)
    {
      /* Only for the progress line's total and time left: a file that
       * cannot be stat()ed (standard input) counts by its text. */
      in->sizes = g_new0 (guint64, in->files->len + 1);
      for (guint f = 0; f < in->files->len; f++)
        {
          GStatBuf st;
          const char *path = in->files->pdata[f];
          if (strcmp (path, "-") != 0 && g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
            in->sizes[f] = (guint64) st.st_size;
          in->total_bytes += in->sizes[f];
        }
    }
  return in;
}

/* Reads the next files into a new batch (see evl_cli_inputs_load());
 * NULL when none is left.  Touches only the loading side. */
static Batch *
read_batch (EvlCliInputs *in, guint64 batch_bytes, EvlProgress *loading)
{
  if (in->next_file >= in->files->len || (in->strict && in->load_errors))
    return NULL;
  Batch *b = g_new0 (Batch, 1);
  b->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  b->done_bytes = g_array_new (FALSE, TRUE, sizeof (guint64));
  b->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  guint64 text_bytes = 0;
  while (in->next_file < in->files->len && (batch_bytes == 0 || text_bytes < batch_bytes))
    {
      guint f = in->next_file;
      GError *error = NULL;
      guint before = b->docs->len;
      /* JSON Lines on standard input come a chunk at a time (more). */
      gboolean more = FALSE;
      gboolean loaded = evl_source_loader_load_some (in->loader, in->files->pdata[f],
                                                     batch_bytes ? batch_bytes - text_bytes : 0,
                                                     b->docs, &more, &error);
      if (!more)
        in->next_file++;
      guint64 bytes = evl_cli_documents_bytes (b->docs, before);
      text_bytes += bytes;
      evl_progress_add (loading, b->docs->len - before, bytes);
      /* The file counts as done with its last document. */
      g_array_set_size (b->done_bytes, b->docs->len);
      if (b->docs->len > before)
        g_array_index (b->done_bytes, guint64, b->docs->len - 1) =
          !more && in->sizes && in->sizes[f] ? in->sizes[f] : bytes;
      if (!loaded)
        {
          g_ptr_array_add (b->errors, error);
          in->load_errors++;
          if (in->strict)
            break;
        }
    }
  return b;
}

/* Prints the batch's load errors on the taking side, in input order. */
static void
report (EvlCliInputs *in, Batch *b)
{
  for (guint i = 0; b && i < b->errors->len; i++)
    {
      evl_cli_error (NULL, b->errors->pdata[i]);
      in->errors++;
    }
  if (b)
    g_ptr_array_set_size (b->errors, 0);
}

guint
evl_cli_inputs_load (EvlCliInputs *in, guint64 batch_bytes, EvlProgress *loading)
{
  g_return_val_if_fail (in->thread == NULL, 0);
  if (in->pending == NULL)
    {
      in->pending = read_batch (in, batch_bytes, loading);
      report (in, in->pending);
    }
  return in->pending ? in->pending->docs->len : 0;
}

/* The loader thread: reads batch after batch into the slot, one ahead of
 * the taker (it starts reading only once the slot is empty, so two
 * batches are held at most); a NULL batch ends it. */
static gpointer
loader_main (gpointer data)
{
  EvlCliInputs *in = data;
  for (;;)
    {
      g_mutex_lock (&in->lock);
      while (in->slot_full)
        g_cond_wait (&in->cond, &in->lock);
      g_mutex_unlock (&in->lock);
      Batch *b = read_batch (in, EVL_CLI_BATCH_BYTES, NULL);
      g_mutex_lock (&in->lock);
      in->slot = b;
      in->slot_full = TRUE;
      g_cond_broadcast (&in->cond);
      g_mutex_unlock (&in->lock);
      if (b == NULL)
        return NULL;
    }
}

/* Takes the loader thread's next batch; joins it after the last. */
static Batch *
take_from_loader (EvlCliInputs *in)
{
  g_mutex_lock (&in->lock);
  while (!in->slot_full)
    g_cond_wait (&in->cond, &in->lock);
  Batch *b = g_steal_pointer (&in->slot);
  in->slot_full = FALSE;
  g_cond_broadcast (&in->cond);
  g_mutex_unlock (&in->lock);
  if (b == NULL)
    g_clear_pointer (&in->thread, g_thread_join);
  return b;
}

/* Starts reading the batches after the pending one on a thread of its
 * own, so reading overlaps annotating (a tenth of a run's time over
 * 58,559 small files).  Nothing to start when everything is read. */
static void
start_loader (EvlCliInputs *in)
{
  if (in->thread == NULL && in->next_file < in->files->len
      && !(in->strict && in->load_errors))
    in->thread = g_thread_new ("evl-loader", loader_main, in);
}

GPtrArray *
evl_cli_inputs_next (EvlCliInputs *in, guint64 batch_bytes)
{
  g_clear_pointer (&in->current, batch_free);
  if (in->pending)
    in->current = g_steal_pointer (&in->pending);
  else if (in->thread)
    in->current = take_from_loader (in);
  else
    in->current = read_batch (in, batch_bytes, NULL);
  if (in->current == NULL)
    return NULL;
  report (in, in->current);
  return g_steal_pointer (&in->current->docs);
}

guint64
evl_cli_inputs_done_bytes (EvlCliInputs *in, guint i)
{
  GArray *a = in->current ? in->current->done_bytes : NULL;
  return a && i < a->len ? g_array_index (a, guint64, i) : 0;
}

void
evl_cli_inputs_free (EvlCliInputs *in)
{
  if (in == NULL)
    return;
  while (in->thread)
    batch_free (take_from_loader (in));
  batch_free (in->pending);
  batch_free (in->current);
  evl_source_loader_free (in->loader);
  g_ptr_array_unref (in->files);
  g_free (in->sizes);
  g_mutex_clear (&in->lock);
  g_cond_clear (&in->cond);
  g_free (in);
}

guint64
evl_cli_inputs_total_bytes (EvlCliInputs *in)
{
  return in->total_bytes;
}

guint
evl_cli_inputs_errors (EvlCliInputs *in)
{
  return in->errors;
}

const char *
evl_cli_inputs_find (EvlCliInputs *in, const char *path)
{
  /* Only a file of the same name is stat()ed (one call per input would
   * cost 0.2% of tagging small files); a link of another name to the
   * output is not caught. */
  g_autofree char *name = g_path_get_basename (path);
  for (guint i = 0; i < in->files->len; i++)
    {
      const char *file = in->files->pdata[i];
      const char *base = strrchr (file, G_DIR_SEPARATOR);
      if (strcmp (base ? base + 1 : file, name) == 0 && evl_cli_same_file (file, path))
        return file;
    }
  return NULL;
}

const char *
evl_cli_inputs_in_folder (EvlCliInputs *in, const char *dir, const char *ext)
{
  GStatBuf out;
  if (g_stat (dir, &out) != 0)
    return NULL;
  for (guint i = 0; i < in->files->len; i++)
    {
      const char *path = in->files->pdata[i];
      if (!g_str_has_suffix (path, ext))
        continue;
      g_autofree char *parent = g_path_get_dirname (path);
      GStatBuf st;
      if (g_stat (parent, &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
        return path;
    }
  return NULL;
}

GPtrArray *
evl_cli_load_inputs (char **paths, const EvlLoadOptions *opts, gboolean strict,
                     gboolean quiet, const char *outdir, const char *story, EvlProgress *progress,
                     guint *n_errors)
{
  /* A file may hold many documents (JSONL) and stdin has no size: the
   * loading phase counts up without a total. */
  evl_progress_phase (progress, "loading", 0, 0);
  g_autoptr (EvlCliInputs) in = evl_cli_inputs_new (paths, opts, strict, FALSE, quiet, outdir);
  drop_file (in->files, story);
  evl_cli_inputs_load (in, 0, progress);
  GPtrArray *docs = evl_cli_inputs_next (in, 0);
  if (docs == NULL)
    docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  *n_errors = in->errors;
  return docs;
}

/* A size as people write it: "65536", "64K", "200M", "2G", "1.5G",
 * "64MiB", "64 MB" (K, M, G, T are powers of 1024, as in the default
 * "64 MiB").  FALSE when it is not one, or 0, or too large. */
gboolean
evl_cli_parse_size (const char *text, guint64 *out)
{
  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text) && *text != '.')
    return FALSE;
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);
  if (end == text || !(v > 0))
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  static const char units[] = "KMGT";
  const char *u = *end ? strchr (units, g_ascii_toupper (*end)) : NULL;
  if (*end && u == NULL && g_ascii_strcasecmp (end, "B") != 0)
    return FALSE;
  if (u)
    {
      for (const char *k = units; k <= u; k++)
        v *= 1024;
      end++;
      if (*end && g_ascii_strcasecmp (end, "B") != 0 && g_ascii_strcasecmp (end, "iB") != 0)
        return FALSE;
    }
  if (v < 1 || v > 9.0e18)
    return FALSE;
  *out = (guint64) v;
  return TRUE;
}

gboolean
evl_cli_load_options (const char *cmd, const char *dct, const char *input_format,
                      const char *max_size, EvlLoadOptions *out)
{
  EvlLoadOptions init = EVL_LOAD_OPTIONS_INIT;
  *out = init;
  if (!evl_cli_check_dct (cmd, dct))
    return FALSE;
  out->default_dct = dct;
  guint64 max = 0;
  if (max_size && !evl_cli_parse_size (max_size, &max))
    {
      evl_cli_errorf (cmd, "--max-size: '%s' is not a size (bytes, or with K, M or G: 200M)",
                      max_size);
      return FALSE;
    }
  out->max_bytes = (gsize) MIN (max, (guint64) G_MAXSIZE);
  if (input_format && !evl_input_format_from_string (input_format, &out->format))
    {
      evl_cli_errorf (cmd, "--input-format: unknown format '%s' (text, timeml, html, jsonl)",
                      input_format);
      return FALSE;
    }
  return TRUE;
}

guint64
evl_cli_documents_bytes (GPtrArray *docs, guint from)
{
  guint64 total = 0;
  for (guint i = from; i < docs->len; i++)
    {
      gsize len = 0;
      if (docs->pdata[i])
        evl_document_get_text (docs->pdata[i], &len);
      total += len;
    }
  return total;
}

typedef struct {
  EvlCliInputs *in;
  EvlProgress *progress;
  GPtrArray *docs;
  EvlCliDocFunc sink;
  gpointer user_data;
} Run;

/* EvlPipelineSink: the caller's sink, then the document is dropped. */
static void
run_sink (EvlDocument *doc, guint i, gpointer data)
{
  Run *r = data;
  evl_progress_add (r->progress, 1, evl_cli_inputs_done_bytes (r->in, i));
  r->sink (doc, r->user_data);
  evl_document_unref (doc);
  r->docs->pdata[i] = NULL;
}

guint
evl_cli_annotate_inputs (const EvlContext *ctx, EvlCliInputs *in, guint threads,
                         EvlPipelineNeeds needs, EvlProgress *progress, const char *phase,
                         EvlCliBatchFunc batch, EvlCliDocFunc sink, gpointer user_data)
{
  Run r = { in, progress, NULL, sink, user_data };
  guint n = 0;
  /* No document total is known until the last file is read: the line
   * counts documents and measures progress in input bytes. */
  evl_progress_phase (progress, phase, 0, evl_cli_inputs_total_bytes (in));
  for (;;)
    {
      g_autoptr (GPtrArray) docs = evl_cli_inputs_next (in, EVL_CLI_BATCH_BYTES);
      if (docs == NULL)
        break;
      start_loader (in);
      if (batch)
        batch (docs, user_data);
      r.docs = docs;
      evl_pipeline_annotate_stream_for (ctx, docs, threads, 0, needs, run_sink, &r);
      n += docs->len;
    }
  return n;
}

/* ---- one line per document (tag -f jsonl, extract) ---- */

/* The lines of the documents written so far are joined in a buffer and
 * written in pieces of about this size: few write(2) calls, memory
 * bounded by one piece and one document's line. */
#define LINES_FLUSH_AT (64 * 1024)

typedef struct {
  const EvlContext *ctx;
  EvlCliInputs *in;
  guint threads;
  EvlPipelineNeeds needs;
  EvlProgress *progress;
  const char *phase;
  EvlCliLineFunc line;
  GString *buf;
  GOutputStream *out;   /* NULL: standard output */
  GError *error;        /* the first write failure; later lines are dropped */
  guint written;
} Lines;

static void
set_errno_error (GError **error)
{
  int errsv = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), "write failed: %s",
               g_strerror (errsv));
}

/* Writes the buffered lines; FALSE once a write has failed. */
static gboolean
lines_flush (Lines *ls)
{
  if (ls->error == NULL && ls->buf->len > 0)
    {
      if (ls->out)
        g_output_stream_write_all (ls->out, ls->buf->str, ls->buf->len, NULL, NULL, &ls->error);
      else if (fwrite (ls->buf->str, 1, ls->buf->len, stdout) != ls->buf->len)
        set_errno_error (&ls->error);
    }
  g_string_truncate (ls->buf, 0);
  return ls->error == NULL;
}

static void
line_sink (EvlDocument *doc, gpointer user_data)
{
  Lines *ls = user_data;
  if (ls->error)
    return;
  ls->line (ls->buf, doc);
  ls->written++;
  if (ls->buf->len >= LINES_FLUSH_AT)
    lines_flush (ls);
}

/* Annotates every input and writes its line to @out (NULL: standard
 * output). */
static gboolean
run_lines (GOutputStream *out, gpointer user_data, GError **error)
{
  Lines *ls = user_data;
  ls->out = out;
  evl_cli_annotate_inputs (ls->ctx, ls->in, ls->threads, ls->needs, ls->progress, ls->phase, NULL,
                           line_sink, ls);
  if (lines_flush (ls) && (out != NULL || fflush (stdout) == 0))
    return TRUE;
  if (ls->error == NULL)
    set_errno_error (&ls->error);
  g_propagate_error (error, g_steal_pointer (&ls->error));
  return FALSE;
}

gboolean
evl_cli_write_lines (const EvlContext *ctx, EvlCliInputs *in, guint threads,
                     EvlPipelineNeeds needs, EvlProgress *progress, const char *phase, EvlCliLineFunc line,
                     const char *path, guint *written)
{
  gboolean to_stdout = path == NULL || strcmp (path, "-") == 0;
  g_autoptr (GString) buf = g_string_sized_new (LINES_FLUSH_AT + 64 * 1024);
  Lines ls = { ctx, in, threads, needs, progress, phase, line, buf, NULL, NULL, 0 };
  g_autoptr (GError) error = NULL;
  gboolean ok = to_stdout ? run_lines (NULL, &ls, &error)
                          : evl_export_stream_atomic (path, run_lines, &ls, &error);
  g_clear_error (&ls.error);
  *written = ls.written;
  if (!ok)
    evl_cli_error (to_stdout ? "standard output" : path, error);
  return ok;
}
