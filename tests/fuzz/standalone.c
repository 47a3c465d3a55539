/* Replays every file of the given folders (or files) through
 * LLVMFuzzerTestOneInput: the fuzz corpora and kept crashers run as
 * ordinary tests, with no libFuzzer needed. */
#include <glib.h>
#include <stdio.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static int
replay_file (const char *path)
{
  char *data = NULL;
  gsize len = 0;
  GError *error = NULL;
  if (!g_file_get_contents (path, &data, &len, &error))
    {
      g_printerr ("%s\n", error->message);
      g_error_free (error);
      return 1;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
  g_free (data);
  return 0;
}

int
main (int argc, char **argv)
{
  int failures = 0, n = 0;
  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          failures += replay_file (argv[i]);
          n++;
          continue;
        }
      GError *error = NULL;
      GDir *dir = g_dir_open (argv[i], 0, &error);
      if (!dir)
        {
          g_printerr ("%s\n", error->message);
          g_error_free (error);
          return 1;
        }
      GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
      for (const char *name; (name = g_dir_read_name (dir)); )
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_dir_close (dir);
      g_ptr_array_sort (names, compare_paths);
      for (guint k = 0; k < names->len; k++)
        {
          const char *p = g_ptr_array_index (names, k);
          printf ("replay %s\n", p);
          fflush (stdout);
          failures += replay_file (p);
          n++;
        }
      g_ptr_array_unref (names);
    }
  printf ("%d inputs replayed, %d unreadable\n", n, failures);
  return n == 0 || failures ? 1 : 0;
}
