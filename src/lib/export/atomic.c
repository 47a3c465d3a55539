/* Atomic file replacement for every writer: the bytes go to a temporary
 * file in the destination's folder (same file system, so rename(2) is
 * atomic) which is renamed over the target only once complete.  A failure
 * at any step removes the temporary and leaves the old file untouched.
 * Writers stream into the temporary file through a buffer, so an output
 * larger than memory is never held in memory. */
#include "evl-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Buffer between a writer and the temporary file: writers emit many small
 * pieces and a local file stream makes one write(2) per piece. */
#define ATOMIC_BUFFER_SIZE (64 * 1024)

gboolean
evl_export_stream_atomic (const char *path, EvlExportFunc func, gpointer user_data,
                          GError **error)
{
  g_return_val_if_fail (path != NULL && func != NULL, FALSE);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  int fd = g_mkstemp_full (tmp, O_WRONLY, 0644);
  if (fd < 0)
    {
      int errsv = errno;
      return evl_fail (error, EVL_ERROR_IO, "cannot create a file in %s: %s", dir,
                       g_strerror (errsv));
    }
  close (fd);
  /* The file mkstemp made (exclusively) is reopened as a stream. */
  g_autoptr (GFile) file = g_file_new_for_path (tmp);
  g_autoptr (GError) local = NULL;
  g_autoptr (GFileOutputStream) fout = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &local);
  g_autoptr (GOutputStream) out = fout
    ? g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (fout), ATOMIC_BUFFER_SIZE) : NULL;
  gboolean ok = out != NULL;
  if (ok && !func (out, user_data, error))
    {
      /* The writer's own error stands; only the temporary goes. */
      g_output_stream_close (out, NULL, NULL);
      g_unlink (tmp);
      return FALSE;
    }
  /* Closing flushes the buffer: a full disk shows here. */
  ok = ok && g_output_stream_close (out, NULL, &local);
  if (ok && g_rename (tmp, path) != 0)
    {
      int errsv = errno;
      g_set_error_literal (&local, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
      ok = FALSE;
    }
  if (!ok)
    {
      if (out)
        g_output_stream_close (out, NULL, NULL);
      g_unlink (tmp);
      return evl_fail (error, EVL_ERROR_IO, "cannot write %s: %s", path, local->message);
    }
  return TRUE;
}

typedef struct {
  const char *contents;
  gsize len;
} Bytes;

static gboolean
write_bytes (GOutputStream *out, gpointer user_data, GError **error)
{
  const Bytes *b = user_data;
  return g_output_stream_write_all (out, b->contents, b->len, NULL, NULL, error);
}

gboolean
evl_export_write_atomic (const char *path, const char *contents, gsize len,
                         GError **error)
{
  g_return_val_if_fail (path != NULL && (contents != NULL || len == 0), FALSE);
  Bytes b = { contents, len };
  g_autoptr (GError) local = NULL;
  if (evl_export_stream_atomic (path, write_bytes, &b, &local))
    return TRUE;
  /* A write failure is reported like a close failure: as I/O on @path. */
  if (local->domain == EVL_ERROR)
    g_propagate_error (error, g_steal_pointer (&local));
  else
    evl_fail (error, EVL_ERROR_IO, "cannot write %s: %s", path, local->message);
  return FALSE;
}

typedef struct {
  EvlStreamWriter writer;
  const EvlGraph *g;
} GraphWriter;

static gboolean
write_graph (GOutputStream *out, gpointer user_data, GError **error)
{
  const GraphWriter *w = user_data;
  return w->writer (w->g, out, error);
}

gboolean
evl_export_to_file (EvlStreamWriter writer, const EvlGraph *g, const char *path,
                    GError **error)
{
  g_return_val_if_fail (writer != NULL && g != NULL && path != NULL, FALSE);
  GraphWriter w = { writer, g };
  return evl_export_stream_atomic (path, write_graph, &w, error);
}
