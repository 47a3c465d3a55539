/* Atomic file replacement for every writer: the bytes go to a temporary
 * file in the destination's folder (same file system, so rename(2) is
 * atomic) which is renamed over the target only once complete.  A failure
 * at any step removes the temporary and leaves the old file untouched. */
#include "evl-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static gboolean
write_fd (int fd, const char *contents, gsize len, int *errsv)
{
  while (len > 0)
    {
      gssize n = write (fd, contents, len);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *errsv = errno;
          return FALSE;
        }
      contents += n;
      len -= (gsize) n;
    }
  return TRUE;
}

gboolean
evl_export_write_atomic (const char *path, const char *contents, gsize len,
                         GError **error)
{
  g_return_val_if_fail (path != NULL && (contents != NULL || len == 0), FALSE);
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
  int errsv = 0;
  gboolean ok = write_fd (fd, contents, len, &errsv);
  if (close (fd) != 0 && ok)
    {
      errsv = errno;
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      errsv = errno;
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      return evl_fail (error, EVL_ERROR_IO, "cannot write %s: %s", path, g_strerror (errsv));
    }
  return TRUE;
}

gboolean
evl_export_to_file (EvlStreamWriter writer, const EvlGraph *g, const char *path,
                    GError **error)
{
  g_return_val_if_fail (writer != NULL && g != NULL && path != NULL, FALSE);
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  if (!writer (g, mem, error) || !g_output_stream_close (mem, NULL, error))
    return FALSE;
  GMemoryOutputStream *m = G_MEMORY_OUTPUT_STREAM (mem);
  return evl_export_write_atomic (path, g_memory_output_stream_get_data (m),
                                  g_memory_output_stream_get_data_size (m), error);
}
