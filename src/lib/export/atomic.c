/* Atomic file replacement for every writer: the bytes go to a temporary
 * file in the destination's folder (same file system, so the final link or
 * rename is atomic) which gets the target's name only once complete.  A
 * failure at any step removes the temporary and leaves the old file
 * untouched.  Writers stream into the temporary file through a buffer, so
 * an output larger than memory is never held in memory.
 *
 * `eventline tag` writes one small file per document, so the per-file cost
 * counts (it was 16% of tag's CPU time, mostly in the kernel):
 * - On Linux the temporary is an unnamed O_TMPFILE, linked under the
 *   target's name when complete: one directory insertion instead of
 *   creating a named temporary and renaming it.  An unlinked O_TMPFILE
 *   vanishes with its descriptor, so a failure (or a crash) leaves nothing
 *   behind.  When the target exists (linkat refuses to replace), the
 *   complete file is linked under a temporary name and renamed over it.
 *   Where O_TMPFILE is missing (other systems, file systems without it,
 *   no /proc), the temporary is made by mkstemp and renamed.
 * - The stream is a minimal GOutputStream on the descriptor with a 64 KiB
 *   buffer flushed by write(2), kept per thread for the next file: no GFile,
 *   no reopening of the temporary, no buffered stream and no buffer
 *   allocated per file. */
#include "export-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Buffer between a writer and the file: writers emit many small pieces
 * and an unbuffered file makes one write(2) per piece. */
#define ATOMIC_BUFFER_SIZE (64 * 1024)
/* A piece this large that would start the buffer is written as it is:
 * writers that assemble their own output (the TimeML writer, a rendered
 * SVG) hand over a whole file in one piece, which copying would only
 * slow down (the copy was 2.3 M of tag's instructions on 400 files). */
#define DIRECT_WRITE_SIZE (4 * 1024)

typedef struct {
  GOutputStream parent;
  int fd;      /* -1 while the stream is not lent to a writer */
  int err;     /* errno of the first failed write(2), 0 if none; later writes fail too */
  gsize len;   /* bytes waiting in buf */
  char *buf;   /* ATOMIC_BUFFER_SIZE bytes */
} FdStream;

typedef struct {
  GOutputStreamClass parent_class;
} FdStreamClass;

static GType fd_stream_get_type (void);
G_DEFINE_TYPE (FdStream, fd_stream, G_TYPE_OUTPUT_STREAM)

/* Writes @n bytes at @p to the descriptor; FALSE (s->err set) on failure,
 * or at once when an earlier write failed. */
static gboolean
write_fd (FdStream *s, const char *p, gsize n)
{
  while (n > 0 && s->err == 0)
    {
      ssize_t w = write (s->fd, p, MIN (n, (gsize) G_MAXSSIZE));
      if (w > 0)
        {
          p += w;
          n -= (gsize) w;
        }
      else if (w == 0)
        s->err = ENOSPC;   /* a regular file only writes nothing when full */
      else if (errno != EINTR)
        s->err = errno;
    }
  return s->err == 0;
}

static gboolean
drain (FdStream *s)
{
  gboolean ok = write_fd (s, s->buf, s->len);
  s->len = 0;
  return ok;
}

static gboolean
stream_failed (FdStream *s, GError **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (s->err), "Error writing to file: %s",
               g_strerror (s->err));
  return FALSE;
}

static gssize
fd_stream_write (GOutputStream *stream, const void *buffer, gsize count,
                 GCancellable *cancellable, GError **error)
{
  FdStream *s = (FdStream *) stream;
  count = MIN (count, (gsize) G_MAXSSIZE);
  if (count > ATOMIC_BUFFER_SIZE - s->len)
    drain (s);
  if (s->len == 0 && count >= DIRECT_WRITE_SIZE)
    write_fd (s, buffer, count);   /* nothing to join it to: no copy */
  else if (s->err == 0)
    {
      memcpy (s->buf + s->len, buffer, count);
      s->len += count;
    }
  if (s->err != 0)
    {
      stream_failed (s, error);
      return -1;
    }
  return (gssize) count;
}

static gboolean
fd_stream_flush (GOutputStream *stream, GCancellable *cancellable, GError **error)
{
  FdStream *s = (FdStream *) stream;
  return drain (s) || stream_failed (s, error);
}

/* Closing (by a writer, or by the last unref) only flushes: the
 * descriptor belongs to evl_export_stream_atomic(). */
static gboolean
fd_stream_close (GOutputStream *stream, GCancellable *cancellable, GError **error)
{
  return fd_stream_flush (stream, cancellable, error);
}

static void
fd_stream_finalize (GObject *object)
{
  g_free (((FdStream *) object)->buf);
  G_OBJECT_CLASS (fd_stream_parent_class)->finalize (object);
}

static void
fd_stream_class_init (FdStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_stream_finalize;
  GOutputStreamClass *out = G_OUTPUT_STREAM_CLASS (klass);
  out->write_fn = fd_stream_write;
  out->flush = fd_stream_flush;
  out->close_fn = fd_stream_close;
}

static void
fd_stream_init (FdStream *s)
{
  s->fd = -1;
  s->buf = g_malloc (ATOMIC_BUFFER_SIZE);
}

/* This thread's idle stream, if any: reused by the next file. */
static GPrivate spare_stream = G_PRIVATE_INIT (g_object_unref);

static FdStream *
stream_acquire (int fd)
{
  FdStream *s = g_private_get (&spare_stream);
  if (s)
    g_private_set (&spare_stream, NULL);   /* a nested call makes its own */
  else
    s = g_object_new (fd_stream_get_type (), NULL);
  s->fd = fd;
  s->err = 0;
  s->len = 0;
  return s;
}

/* Keeps @s for the next file unless a writer closed it, left an operation
 * pending or kept a reference (it must not reach the next file then). */
static void
stream_release (FdStream *s)
{
  s->fd = -1;
  s->len = 0;
  GOutputStream *out = (GOutputStream *) s;   /* our own type: no checked cast */
  if (g_atomic_int_get (&G_OBJECT (s)->ref_count) == 1 && !g_output_stream_is_closed (out)
      && !g_output_stream_has_pending (out) && g_private_get (&spare_stream) == NULL)
    g_private_set (&spare_stream, s);
  else
    g_object_unref (s);
}

/* close(2) as g_close() sees it: EINTR still closes on Linux. */
static gboolean
close_ok (int fd)
{
  return close (fd) == 0 || errno == EINTR;
}

/* "DIR/.BASE.XXXXXX" for @path. */
static char *
tmp_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  return g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
}

/* Copies @in from its start to @out; 0 or an errno. */
static int
copy_fd (int in, int out)
{
  if (lseek (in, 0, SEEK_SET) != 0)
    return errno;
  char buf[16 * 1024];
  for (;;)
    {
      ssize_t r = read (in, buf, sizeof buf);
      if (r == 0)
        return 0;
      if (r < 0)
        {
          if (errno != EINTR)
            return errno;
          continue;
        }
      for (ssize_t done = 0; done < r;)
        {
          ssize_t w = write (out, buf + done, (size_t) (r - done));
          if (w > 0)
            done += w;
          else if (w == 0)
            return ENOSPC;
          else if (errno != EINTR)
            return errno;
        }
    }
}

/* Is @path a device, a pipe or a socket ('-o /dev/null', '-o >(gzip)')?
 * Renaming over it would put a file in its place (for root, in /dev), so
 * such a target is written into instead.  Asked only when something
 * already has the target's name, or no temporary can be made beside it:
 * a new file costs no stat(). */
static gboolean
special_target (const char *path)
{
  struct stat st;
  return stat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode);
}

/* Copies the complete temporary @in into the special target @path and
 * closes @in; 0 or an errno. */
static int
write_into (int in, const char *path)
{
  int out = open (path, O_WRONLY | O_CLOEXEC);
  int errsv = out < 0 ? errno : copy_fd (in, out);
  close (in);
  if (out >= 0 && !close_ok (out) && errsv == 0)
    errsv = errno;
  return errsv;
}

/* Closes the complete temporary @fd named @tmp and renames it to @path
 * (or copies it into a special target, unless @plain says @path was
 * found to be none); 0 or an errno (the temporary removed). */
static int
commit_named (int fd, const char *tmp, const char *path, gboolean plain)
{
  if (!plain && G_UNLIKELY (special_target (path)))
    {
      int in = open (tmp, O_RDONLY | O_CLOEXEC);
      int errsv = in < 0 ? errno : write_into (in, path);
      close (fd);
      g_unlink (tmp);
      return errsv;
    }
  if (close_ok (fd) && g_rename (tmp, path) == 0)
    return 0;
  int errsv = errno;
  g_unlink (tmp);
  return errsv;
}

#ifdef O_TMPFILE
/* g_path_get_dirname (@path) in @buf (@cap bytes), or NULL when it does
 * not fit: "." without a separator, "/" for a file at the root,
 * repeated separators before the base name dropped. */
static const char *
dirname_in (const char *path, char *buf, gsize cap)
{
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  if (slash == NULL)
    return ".";
  while (slash > path && slash[-1] == G_DIR_SEPARATOR)
    slash--;
  gsize n = (gsize) (slash - path);
  if (n == 0)
    return G_DIR_SEPARATOR_S;
  if (n >= cap)
    return NULL;
  memcpy (buf, path, n);
  buf[n] = '\0';
  return buf;
}

/* 0 not probed yet, 1 use O_TMPFILE, 2 don't. */
static gint tmpfile_state;

static gboolean
tmpfile_enabled (void)
{
  gint st = g_atomic_int_get (&tmpfile_state);
  if (G_UNLIKELY (st == 0))
    {
      /* Naming an unnamed file goes through /proc/self/fd (linkat with
       * AT_EMPTY_PATH needs a capability). */
      st = access ("/proc/self/fd", X_OK) == 0 ? 1 : 2;
      g_atomic_int_compare_and_exchange (&tmpfile_state, 0, st);
    }
  return st == 1;
}

static void
fill_random (char *x, guint n)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (guint i = 0; i < n; i++)
    x[i] = chars[g_random_int_range (0, (gint32) sizeof chars - 1)];
}

/* Test switch: the first linkat of commit_unnamed() fails with EPERM. */
static gint link_fails;

/* linkat through /proc can be refused where O_TMPFILE itself works (a
 * sandbox's /proc, a file system that cannot link an unnamed inode); the
 * data written so far is only in @fd, so it is copied into a named
 * temporary that is renamed to @path, and later files skip O_TMPFILE.
 * Closes @fd; 0 or an errno (nothing left behind). */
static int
copy_to_named (int fd, const char *path)
{
  g_atomic_int_set (&tmpfile_state, 2);
  /* a device or pipe takes the data straight from @fd, not through a
   * second temporary copied once more */
  if (G_UNLIKELY (special_target (path)))
    return write_into (fd, path);
  g_autofree char *tmp = tmp_template (path);
  int out = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  int errsv = out < 0 ? errno : copy_fd (fd, out);
  close (fd);
  if (out < 0)
    return errsv;
  if (errsv != 0)
    {
      close (out);
      g_unlink (tmp);
      return errsv;
    }
  return commit_named (out, tmp, path, TRUE);
}

/* Links the complete unnamed temporary @fd as @path and closes it; 0 or
 * an errno (nothing left behind: the unnamed file goes with @fd). */
static int
commit_unnamed (int fd, const char *path)
{
  /* "/proc/self/fd/N" written by hand: g_snprintf() took 750
   * instructions a file. */
  char proc[48] = "/proc/self/fd/";
  char digits[16];
  guint nd = 0;
  for (guint v = (guint) fd; nd == 0 || v > 0; v /= 10)
    digits[nd++] = (char) ('0' + v % 10);
  gsize at = strlen (proc);
  while (nd > 0)
    proc[at++] = digits[--nd];
  proc[at] = '\0';
  int errsv;
  if (G_UNLIKELY (g_atomic_int_get (&link_fails)))
    errno = EPERM;
  else if (linkat (AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
    {
      if (close_ok (fd))
        return 0;
      errsv = errno;
      g_unlink (path);   /* the name is ours: nothing was there */
      return errsv;
    }
  if (errno == EEXIST)
    {
      if (G_UNLIKELY (special_target (path)))
        return write_into (fd, path);
      /* linkat never replaces: a temporary name, renamed over @path. */
      g_autofree char *tmp = tmp_template (path);
      gsize len = strlen (tmp);
      for (guint tries = 0; tries < 100; tries++)
        {
          fill_random (tmp + len - 6, 6);
          if (linkat (AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
            return commit_named (fd, tmp, path, TRUE);
          if (errno != EEXIST)
            break;
        }
    }
  else if (errno != EEXIST)
    return copy_to_named (fd, path);
  errsv = errno;
  close (fd);
  return errsv;
}
#endif

void
evl_export_atomic_set_tmpfile (gboolean enabled, gboolean link_refused)
{
#ifdef O_TMPFILE
  g_atomic_int_set (&tmpfile_state, enabled ? 0 : 2);
  g_atomic_int_set (&link_fails, link_refused);
#else
  (void) enabled;
  (void) link_refused;
#endif
}

/* Runs @func straight into @fd, opened on the special target @path. */
static gboolean
stream_into_special (int fd, const char *path, EvlExportFunc func, gpointer user_data,
                     GError **error)
{
  FdStream *s = stream_acquire (fd);
  gboolean ok = func ((GOutputStream *) s, user_data, error);
  int errsv = ok && !drain (s) ? s->err : 0;
  stream_release (s);
  if (!close_ok (fd) && ok && errsv == 0)
    errsv = errno;
  if (errsv != 0)
    return evl_fail (error, EVL_ERROR_IO, "cannot write %s: %s", path, g_strerror (errsv));
  return ok;
}

gboolean
evl_export_stream_atomic (const char *path, EvlExportFunc func, gpointer user_data,
                          GError **error)
{
  g_return_val_if_fail (path != NULL && func != NULL, FALSE);
  g_autofree char *tmp = NULL;   /* the temporary's name; NULL when unnamed */
  int fd = -1;
#ifdef O_TMPFILE
  if (tmpfile_enabled ())
    {
      /* The folder as g_path_get_dirname() gives it, on the stack when
       * it fits (an allocation per file otherwise). */
      char buf[1024];
      g_autofree char *heap = NULL;
      const char *dir = dirname_in (path, buf, sizeof buf);
      if (dir == NULL)
        dir = heap = g_path_get_dirname (path);
      /* Fails on file systems without O_TMPFILE: then mkstemp. */
      fd = open (dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);   /* RDWR: see copy_to_named() */
    }
#endif
  if (fd < 0)
    {
      tmp = tmp_template (path);
      fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
      /* No temporary beside a device ('/dev/null' for a user): the
       * output goes straight into it, there being no old file to keep. */
      if (fd < 0 && special_target (path))
        {
          g_clear_pointer (&tmp, g_free);
          fd = open (path, O_WRONLY | O_CLOEXEC);
          if (fd >= 0)
            return stream_into_special (fd, path, func, user_data, error);
        }
      if (fd < 0)
        {
          int errsv = errno;
          g_autofree char *dir = g_path_get_dirname (path);
          return evl_fail (error, EVL_ERROR_IO, "cannot create a file in %s: %s", dir,
                           g_strerror (errsv));
        }
    }
  FdStream *s = stream_acquire (fd);
  if (!func ((GOutputStream *) s, user_data, error))
    {
      /* The writer's own error stands; only the temporary goes. */
      stream_release (s);
      close (fd);
      if (tmp)
        g_unlink (tmp);
      return FALSE;
    }
  /* The last buffer: a full disk shows here. */
  int errsv = drain (s) ? 0 : s->err;
  stream_release (s);
  if (errsv != 0)
    {
      close (fd);
      if (tmp)
        g_unlink (tmp);
    }
  else
    {
#ifdef O_TMPFILE
      if (tmp == NULL)
        errsv = commit_unnamed (fd, path);
      else
#endif
        errsv = commit_named (fd, tmp, path, FALSE);
    }
  if (errsv != 0)
    return evl_fail (error, EVL_ERROR_IO, "cannot write %s: %s", path, g_strerror (errsv));
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
