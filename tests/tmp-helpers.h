/* Temporary folders for tests, removed however the test ends.
 *
 * evl_test_tmp_make() makes a folder under $TMPDIR (g_dir_make_tmp) and
 * records it; evl_test_tmp_cleanup(), set as the suite's .fini, removes
 * every folder recorded in the test's process.  Criterion runs each test
 * in a process of its own and calls the .fini after a failed assertion
 * too; cr_skip_test() skips the .fini but the process still exits, and
 * then the destructor below removes them.  Only a crash, a timeout or a
 * failed assertion in a .init (Criterion then ends the process at once)
 * leaves a folder behind, so tests make their folders in their body.
 *
 * evl_test_rmtree() removes a tree one folder at a time through file
 * descriptors (openat/unlinkat), so neither the depth nor the length of
 * the paths inside matters, and first gives back to each folder the
 * permissions a test may have taken away (chmod 000). */
#pragma once

#include <criterion/criterion.h>
#include <glib.h>
#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The folders evl_test_tmp_make() made in this process (char *). */
static GPtrArray *evl_test_tmp_dirs;

/* Lets us list, enter and empty the folder @name in @at (mode @st). */
static inline void
evl_test_rmtree_unlock (int at, const char *name, const struct stat *st)
{
  if ((st->st_mode & 0700) != 0700)
    fchmodat (at, name, (st->st_mode & 07777) | 0700, 0);
}

/* Unlinks everything in the folder @fd but its subfolders; returns the
 * name of the first subfolder (unlocked) or NULL when there is none, or
 * when the folder cannot be listed (*stuck is then set). */
static inline char *
evl_test_rmtree_files (int fd, gboolean *stuck)
{
  int scan = dup (fd);
  DIR *d = scan >= 0 ? fdopendir (scan) : NULL;
  if (!d)
    {
      if (scan >= 0)
        close (scan);
      *stuck = TRUE;
      return NULL;
    }
  char *sub = NULL;
  struct dirent *e;
  while ((e = readdir (d)))
    {
      struct stat st;
      if (!strcmp (e->d_name, ".") || !strcmp (e->d_name, "..")
          || fstatat (fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        continue;
      if (!S_ISDIR (st.st_mode))
        unlinkat (fd, e->d_name, 0);
      else if (!sub)
        {
          evl_test_rmtree_unlock (fd, e->d_name, &st);
          sub = g_strdup (e->d_name);
        }
    }
  closedir (d);
  return sub;
}

/* Removes @path (may be NULL) and everything under it (symbolic links are
 * removed, never followed); quietly leaves what cannot be removed. */
static inline void
evl_test_rmtree (const char *path)
{
  struct stat st;
  if (!path || lstat (path, &st) != 0)
    return;
  if (!S_ISDIR (st.st_mode))
    {
      unlink (path);
      return;
    }
  evl_test_rmtree_unlock (AT_FDCWD, path, &st);
  const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
  int fd = open (path, flags);
  /* The names of the folders from @path down to @fd's. */
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean stuck = FALSE;
  while (fd >= 0 && !stuck)
    {
      char *sub = evl_test_rmtree_files (fd, &stuck);
      if (sub)
        {
          /* Down into the subfolder, holding one descriptor only. */
          int child = openat (fd, sub, flags);
          close (fd);
          fd = child;
          g_ptr_array_add (names, sub);
        }
      else if (!stuck && names->len)
        {
          /* Empty: up to its parent, which removes it. */
          int parent = openat (fd, "..", flags);
          close (fd);
          fd = parent;
          stuck = fd < 0 || unlinkat (fd, g_ptr_array_index (names, names->len - 1), AT_REMOVEDIR) != 0;
          g_ptr_array_remove_index (names, names->len - 1);
        }
      else
        break;
    }
  if (fd >= 0)
    close (fd);
  rmdir (path);
}

/* A new folder under $TMPDIR named after @tmpl ("evl-NAME-XXXXXX"),
 * removed by evl_test_tmp_cleanup(); free with g_free(). */
static inline char *
evl_test_tmp_make (const char *tmpl)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);
  cr_assert_not_null (dir, "%s: %s", tmpl, error ? error->message : "");
  if (!evl_test_tmp_dirs)
    evl_test_tmp_dirs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (evl_test_tmp_dirs, g_strdup (dir));
  return dir;
}

/* Removes the folders evl_test_tmp_make() made in this process: the .fini
 * of every suite whose tests make one. */
static inline void
evl_test_tmp_cleanup (void)
{
  if (!evl_test_tmp_dirs)
    return;
  for (guint i = 0; i < evl_test_tmp_dirs->len; i++)
    evl_test_rmtree (g_ptr_array_index (evl_test_tmp_dirs, i));
  g_clear_pointer (&evl_test_tmp_dirs, g_ptr_array_unref);
}

/* The same at exit, for a test that was skipped after making a folder and
 * for a suite without the .fini. */
__attribute__ ((destructor)) static void
evl_test_tmp_cleanup_at_exit (void)
{
  evl_test_tmp_cleanup ();
}
