/* Helpers shared by the commands: errors, option parsing, input loading. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>

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
      fprintf (stderr, "eventline %s: %s\nTry 'eventline %s --help'.\n", cmd,
               error->message, cmd);
      return FALSE;
    }
  return TRUE;
}

gboolean
evl_cli_check_dct (const char *dct)
{
  if (dct == NULL)
    return TRUE;
  if (evl_day_parse (dct) == 0 || dct[10] != '\0')
    {
      evl_cli_errorf (NULL, "--dct: '%s' is not a date in YYYY-MM-DD form", dct);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
evl_cli_load_inputs (char **paths, const EvlLoadOptions *opts, gboolean strict,
                     EvlProgress *progress, guint *n_errors)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  guint errors = 0;
  /* A file may hold many documents (JSONL) and stdin has no size: the
   * loading phase counts up without a total. */
  evl_progress_phase (progress, "loading", 0, 0);
  /* One loader for all inputs: a folder's manifest is read once, and its
   * listing says which files have a sidecar (two failed stat() calls per
   * file less). */
  g_autoptr (EvlSourceLoader) loader = evl_source_loader_new (opts);
  for (guint i = 0; paths && paths[i]; i++)
    {
      const char *one[] = { paths[i], NULL };
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) files = evl_source_loader_expand (loader, one, &error);
      if (files == NULL)
        {
          evl_cli_error (NULL, error);
          errors++;
          if (strict)
            break;
          continue;
        }
      for (guint j = 0; j < files->len; j++)
        {
          g_autoptr (GError) ferr = NULL;
          guint before = docs->len;
          gboolean loaded = evl_source_loader_load_file (loader, files->pdata[j], docs, &ferr);
          if (progress)
            evl_progress_add (progress, docs->len - before, evl_cli_documents_bytes (docs, before));
          if (!loaded)
            {
              evl_cli_error (NULL, ferr);
              errors++;
              if (strict)
                break;
            }
        }
      if (strict && errors)
        break;
    }
  *n_errors = errors;
  return docs;
}

gboolean
evl_cli_load_options (const char *cmd, const char *dct, const char *input_format,
                      gint64 max_size, EvlLoadOptions *out)
{
  EvlLoadOptions init = EVL_LOAD_OPTIONS_INIT;
  *out = init;
  if (!evl_cli_check_dct (dct))
    return FALSE;
  out->default_dct = dct;
  if (max_size < 0)
    {
      evl_cli_errorf (cmd, "--max-size: must be a number of bytes");
      return FALSE;
    }
  out->max_bytes = (gsize) max_size;
  if (input_format && !evl_input_format_from_string (input_format, &out->format))
    {
      evl_cli_errorf (cmd, "--input-format: unknown format '%s'", input_format);
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
