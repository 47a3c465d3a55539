/* events.json and atomic file writing. */
#include "reason-fixture.h"
#include "export/export-private.h"

#include <criterion/parameterized.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../tmp-helpers.h"

TestSuite (export, .fini = evl_test_tmp_cleanup);

static EvlGraph *
seed_like_graph (EvlContext *ctx)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_ptr_array_add (docs, fx_summit_doc ("a", "Kim met Putin at the Vostochny Cosmodrome on Wednesday.",
                                        "Wednesday", "2023-09-13", "2023-09-13", "2023-09-13",
                                        EVL_GRAIN_DAY));
  g_ptr_array_add (docs, fx_summit_doc ("b", "The recently held meeting between Kim and Putin was historic.",
                                        NULL, NULL, NULL, NULL, 0));
  EvlDocument *d = fx_doc ("c", "North Korea failed to launch a satellite in August.", "2023-09-14");
  gint32 nk = fx_cluster (d, "North Korea", "north korea", EVL_ENTITY_LOCATION, "DPRK");
  FxEvent f = FX_EVENT ("SATELLITE_LAUNCH", "launch");
  f.tense = "PAST";
  f.flags = EVL_EVENT_FLAG_FAILED;
  f.agent = fx_entity (d, "North Korea", 0, nk);
  f.timex = fx_timex (d, "August", "2023-08", "2023-08-01", "2023-08-31", EVL_GRAIN_MONTH);
  fx_event (d, "launch", 0, &f);
  g_ptr_array_add (docs, d);
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  return evl_reason_build_graph (ctx, docs, &o);
}

static char *
export (const EvlGraph *g, gsize *len)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  GError *error = NULL;
  cr_assert (evl_export_json (g, mem, &error), "%s", error ? error->message : "");
  g_output_stream_close (mem, NULL, NULL);
  *len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (mem));
}

static JsonObject *
member_object (JsonObject *o, const char *name)
{
  cr_assert (json_object_has_member (o, name), "missing '%s'", name);
  return json_object_get_object_member (o, name);
}

static JsonArray *
member_array (JsonObject *o, const char *name)
{
  cr_assert (json_object_has_member (o, name), "missing '%s'", name);
  JsonArray *a = json_object_get_array_member (o, name);
  cr_assert_not_null (a, "'%s' is not an array", name);
  return a;
}

static void
require_members (JsonObject *o, const char *const *names)
{
  for (guint i = 0; names[i]; i++)
    cr_assert (json_object_has_member (o, names[i]), "missing member '%s'", names[i]);
}

Test (export, events_json_has_the_documented_structure)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (EvlGraph) g = seed_like_graph (ctx);
  gsize len = 0;
  g_autofree char *text = export (g, &len);
  g_autoptr (JsonParser) p = json_parser_new ();
  GError *error = NULL;
  cr_assert (json_parser_load_from_data (p, text, (gssize) len, &error), "%s",
             error ? error->message : "");
  JsonObject *root = json_node_get_object (json_parser_get_root (p));

  JsonArray *docs = member_array (root, "documents");
  cr_assert_eq (json_array_get_length (docs), 3);
  JsonObject *d0 = json_array_get_object_element (docs, 0);
  static const char *const doc_fields[] = { "id", "path", "dct", "title", NULL };
  require_members (d0, doc_fields);
  cr_assert_str_eq (json_object_get_string_member (d0, "id"), "a");
  cr_assert_str_eq (json_object_get_string_member (d0, "dct"), "2023-09-14");

  JsonArray *ents = member_array (root, "entities");
  cr_assert_eq (json_array_get_length (ents), 4);
  static const char *const ent_fields[] = { "id", "name", "type", "aliases", NULL };
  for (guint i = 0; i < json_array_get_length (ents); i++)
    require_members (json_array_get_object_element (ents, i), ent_fields);
  JsonObject *nk = json_array_get_object_element (ents, 3);
  cr_assert_str_eq (json_object_get_string_member (nk, "name"), "North Korea");
  cr_assert_str_eq (json_object_get_string_member (nk, "type"), "LOCATION");
  cr_assert_str_eq (json_array_get_string_element (member_array (nk, "aliases"), 0), "DPRK");

  JsonArray *events = member_array (root, "events");
  cr_assert_eq (json_array_get_length (events), 2);
  static const char *const ev_fields[] = {
    "id", "type", "class", "trigger", "summary", "time", "participants", "location",
    "polarity", "modality", "mentions", "sources", "thread", "cameo", "flags", NULL,
  };
  /* Timeline order: August's launch, then the summit. */
  JsonObject *launch = json_array_get_object_element (events, 0);
  JsonObject *summit = json_array_get_object_element (events, 1);
  require_members (launch, ev_fields);
  require_members (summit, ev_fields);
  cr_assert_str_eq (json_object_get_string_member (launch, "id"), "ev1");
  cr_assert_str_eq (json_object_get_string_member (summit, "id"), "ev2");
  cr_assert_str_eq (json_object_get_string_member (launch, "type"), "SATELLITE_LAUNCH");
  cr_assert_str_eq (json_array_get_string_element (member_array (launch, "flags"), 0), "failed");
  JsonObject *lt = member_object (launch, "time");
  cr_assert_str_eq (json_object_get_string_member (lt, "value"), "2023-08");
  cr_assert_str_eq (json_object_get_string_member (lt, "begin"), "2023-08-01");
  cr_assert_str_eq (json_object_get_string_member (lt, "end"), "2023-08-31");
  cr_assert_str_eq (json_object_get_string_member (lt, "granularity"), "month");
  cr_assert_str_eq (json_object_get_string_member (lt, "text"), "August");
  cr_assert_str_eq (json_object_get_string_member (lt, "anchor"), "clause");

  cr_assert_str_eq (json_object_get_string_member (summit, "polarity"), "POS");
  cr_assert_eq (json_object_get_int_member (summit, "sources"), 2);
  cr_assert_str_eq (json_object_get_string_member (summit, "class"), "OCCURRENCE");
  cr_assert_str_eq (json_object_get_string_member (summit, "location"), "ent3");
  JsonArray *parts = member_array (summit, "participants");
  cr_assert_eq (json_array_get_length (parts), 2);
  cr_assert_str_eq (json_array_get_string_element (parts, 0), "ent1");
  JsonArray *mentions = member_array (summit, "mentions");
  cr_assert_eq (json_array_get_length (mentions), 2);
  JsonObject *m = json_array_get_object_element (mentions, 0);
  static const char *const m_fields[] = { "doc", "sentence", "start", "end", "text", "quote", NULL };
  require_members (m, m_fields);
  cr_assert_str_eq (json_object_get_string_member (m, "doc"), "a");
  cr_assert_eq (json_object_get_int_member (m, "start"), 4);
  cr_assert_eq (json_object_get_int_member (m, "end"), 7);
  cr_assert_str_eq (json_object_get_string_member (m, "text"), "met");

  JsonArray *rels = member_array (root, "relations");
  cr_assert_geq (json_array_get_length (rels), 1);
  JsonObject *r = json_array_get_object_element (rels, 0);
  static const char *const r_fields[] = { "from", "to", "rel", "evidence", NULL };
  require_members (r, r_fields);
  cr_assert_str_eq (json_object_get_string_member (r, "from"), "ev1");
  cr_assert_str_eq (json_object_get_string_member (r, "to"), "ev2");
  cr_assert_str_eq (json_object_get_string_member (r, "rel"), "BEFORE");
  cr_assert_str_eq (json_object_get_string_member (r, "evidence"), "dates");
  member_array (root, "conflicts");
}

Test (export, undated_event_has_null_time_and_its_range)
{
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphEvent e = { 0 };
  e.agent = e.patient = e.location = e.source = -1;
  e.time.latest = evl_day_from_ymd (2023, 9, 14);
  evl_graph_add_event (g, &e);
  gsize len = 0;
  g_autofree char *text = export (g, &len);
  g_autoptr (JsonParser) p = json_parser_new ();
  cr_assert (json_parser_load_from_data (p, text, (gssize) len, NULL));
  JsonObject *root = json_node_get_object (json_parser_get_root (p));
  JsonObject *ev = json_array_get_object_element (member_array (root, "events"), 0);
  cr_assert (json_node_is_null (json_object_get_member (ev, "time")));
  cr_assert (json_node_is_null (json_object_get_member (ev, "location")));
  JsonObject *range = member_object (ev, "range");
  cr_assert (json_node_is_null (json_object_get_member (range, "earliest")));
  cr_assert_str_eq (json_object_get_string_member (range, "latest"), "2023-09-14");
  cr_assert_str_eq (json_object_get_string_member (range, "anchor"), "relation");
}

Test (export, same_input_gives_identical_bytes)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (EvlGraph) g1 = seed_like_graph (ctx);
  g_autoptr (EvlGraph) g2 = seed_like_graph (ctx);
  gsize l1 = 0, l2 = 0;
  g_autofree char *t1 = export (g1, &l1);
  g_autofree char *t2 = export (g2, &l2);
  cr_assert_eq (l1, l2);
  cr_assert_eq (memcmp (t1, t2, l1), 0);
}

Test (export, events_json_reloads_to_the_same_bytes)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (EvlGraph) g = seed_like_graph (ctx);
  gsize l1 = 0, l2 = 0;
  g_autofree char *t1 = export (g, &l1);
  GError *error = NULL;
  g_autoptr (EvlGraph) back = evl_graph_load_json_data (t1, (gssize) l1, &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");
  g_autofree char *t2 = export (back, &l2);
  cr_assert_eq (l1, l2);
  cr_assert_eq (memcmp (t1, t2, l1), 0);
}

/* ---- atomic writes ---- */

static char *
tmp_dir (void)
{
  return evl_test_tmp_make ("evl-export-XXXXXX");
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;
  while (g_dir_read_name (d))
    n++;
  return n;
}

static gboolean
failing_writer (const EvlGraph *g, GOutputStream *out, GError **error)
{
  (void) g;
  g_output_stream_write_all (out, "{\"partial\":", 11, NULL, NULL, NULL);
  g_set_error (error, EVL_ERROR, EVL_ERROR_IO, "disk on fire");
  return FALSE;
}

Test (export, atomic_write_replaces_the_file)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "events.json", NULL);
  cr_assert (evl_export_write_atomic (path, "old\n", 4, NULL));
  cr_assert (evl_export_write_atomic (path, "new\n", 4, NULL));
  g_autofree char *got = NULL;
  cr_assert (g_file_get_contents (path, &got, NULL, NULL));
  cr_assert_str_eq (got, "new\n");
  cr_assert_eq (count_files (dir), 1, "no temporary file left behind");
  g_unlink (path);
  g_rmdir (dir);
}

Test (export, failed_write_keeps_the_previous_file)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "events.json", NULL);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  cr_assert (evl_export_to_file (evl_export_json, g, path, NULL));
  g_autofree char *before = NULL;
  cr_assert (g_file_get_contents (path, &before, NULL, NULL));
  GError *error = NULL;
  cr_assert_not (evl_export_to_file (failing_writer, g, path, &error));
  cr_assert_not_null (error);
  g_clear_error (&error);
  /* Renaming over a folder fails after the data is written. */
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_mkdir (sub, 0755);
  g_autofree char *inner = g_build_filename (sub, "x", NULL);
  g_file_set_contents (inner, "x", 1, NULL);
  cr_assert_not (evl_export_write_atomic (sub, "data", 4, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_IO));
  g_clear_error (&error);
  g_autofree char *after = NULL;
  cr_assert (g_file_get_contents (path, &after, NULL, NULL));
  cr_assert_str_eq (after, before);
  cr_assert_eq (count_files (dir), 2, "only events.json and sub/");
  g_unlink (inner);
  g_rmdir (sub);
  g_unlink (path);
  g_rmdir (dir);
}

/* Writes @user_data's count of 1 KiB lines (several buffers' worth),
 * then fails when the count is odd. */
static gboolean
lines_writer (GOutputStream *out, gpointer user_data, GError **error)
{
  guint n = GPOINTER_TO_UINT (user_data);
  char line[1024];
  memset (line, 'x', sizeof line - 1);
  line[sizeof line - 1] = '\n';
  for (guint i = 0; i < n; i++)
    if (!g_output_stream_write_all (out, line, sizeof line, NULL, NULL, error))
      return FALSE;
  if (n % 2)
    {
      g_set_error (error, EVL_ERROR, EVL_ERROR_IO, "stopped after %u lines", n);
      return FALSE;
    }
  return TRUE;
}

Test (export, streamed_write_is_whole_or_nothing)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "big.txt", NULL);
  /* 2 MiB goes through the buffer to the temporary, then into place. */
  cr_assert (evl_export_stream_atomic (path, lines_writer, GUINT_TO_POINTER (2048), NULL));
  GStatBuf st;
  cr_assert_eq (g_stat (path, &st), 0);
  cr_assert_eq (st.st_size, 2048 * 1024);
  /* A writer failing after 3 MiB already flushed: the old file stays,
   * the temporary goes, and the writer's own error is returned. */
  GError *error = NULL;
  cr_assert_not (evl_export_stream_atomic (path, lines_writer, GUINT_TO_POINTER (3071), &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_IO));
  cr_assert_not_null (strstr (error->message, "stopped after 3071 lines"), "%s", error->message);
  g_clear_error (&error);
  cr_assert_eq (g_stat (path, &st), 0);
  cr_assert_eq (st.st_size, 2048 * 1024);
  cr_assert_eq (count_files (dir), 1, "no temporary file left behind");
  g_unlink (path);
  g_rmdir (dir);
}

Test (export, missing_or_unwritable_folder_is_an_io_error)
{
  GError *error = NULL;
  cr_assert_not (evl_export_write_atomic ("/nonexistent-evl/dir/events.json", "x", 1, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_IO));
  g_clear_error (&error);
  if (geteuid () == 0)
    return;   /* root writes anywhere */
  g_autofree char *dir = tmp_dir ();
  g_chmod (dir, 0555);
  g_autofree char *path = g_build_filename (dir, "events.json", NULL);
  cr_assert_not (evl_export_write_atomic (path, "x", 1, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_IO));
  g_clear_error (&error);
  g_chmod (dir, 0755);
  g_rmdir (dir);
}

/* The suites' own clean-up (tests/tmp-helpers.h) removes what a test may
 * leave in its folder: a tree whose paths are longer than PATH_MAX, a
 * chmod 000 file and folder, a read-only folder, and a link to a folder
 * elsewhere, which goes without what it points to. */
Test (export, test_folders_are_removed_whatever_they_hold)
{
  g_autofree char *outside = tmp_dir ();
  g_autofree char *kept = g_build_filename (outside, "kept.txt", NULL);
  cr_assert (g_file_set_contents (kept, "x", 1, NULL));
  g_autofree char *dir = tmp_dir ();
  g_autofree char *name = g_strnfill (200, 'd');
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  for (guint depth = 0; depth < 30; depth++)   /* 6 KB of path */
    {
      cr_assert_eq (mkdirat (fd, name, 0700), 0, "depth %u: %s", depth, g_strerror (errno));
      int child = openat (fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      cr_assert_geq (child, 0, "depth %u: %s", depth, g_strerror (errno));
      close (fd);
      fd = child;
    }
  cr_assert_eq (mkdirat (fd, "locked", 0700), 0);
  int leaf = openat (fd, "locked/leaf.txt", O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  cr_assert_geq (leaf, 0, "%s", g_strerror (errno));
  close (leaf);
  cr_assert_eq (fchmodat (fd, "locked", 0, 0), 0);
  close (fd);
  g_autofree char *ro = g_build_filename (dir, "ro", NULL);
  g_autofree char *in_ro = g_build_filename (ro, "x.txt", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  cr_assert_eq (g_mkdir (ro, 0700), 0);
  cr_assert (g_file_set_contents (in_ro, "x", 1, NULL));
  cr_assert_eq (g_chmod (ro, 0555), 0);
  cr_assert (g_file_set_contents (locked, "x", 1, NULL));
  cr_assert_eq (g_chmod (locked, 0), 0);
  cr_assert_eq (symlink (outside, link), 0);

  evl_test_rmtree (dir);
  cr_assert_not (g_file_test (dir, G_FILE_TEST_EXISTS), "%s is left", dir);
  cr_assert (g_file_test (kept, G_FILE_TEST_IS_REGULAR), "the link was followed");
  evl_test_rmtree (outside);
  cr_assert_not (g_file_test (outside, G_FILE_TEST_EXISTS));
}

/* ---- both ways of making the temporary: O_TMPFILE and mkstemp ---- */

typedef struct {
  gboolean tmpfile;
  gboolean link_refused;
  char name[32];
} AtomicMode;

static AtomicMode atomic_modes[] = {
  { TRUE, FALSE, "O_TMPFILE" },
  { FALSE, FALSE, "mkstemp" },
  { TRUE, TRUE, "O_TMPFILE, link refused" },
};

/* A test run once per AtomicMode *m. */
#define ON_BOTH_PATHS(name)                                                           \
  ParameterizedTestParameters (export, name)                                          \
  {                                                                                   \
    return cr_make_param_array (AtomicMode, atomic_modes, G_N_ELEMENTS (atomic_modes)); \
  }                                                                                   \
  ParameterizedTest (AtomicMode *m, export, name)

/* Selects @m's path; a new empty folder. */
static char *
mode_dir (const AtomicMode *m)
{
  evl_export_atomic_set_tmpfile (m->tmpfile, m->link_refused);
  return tmp_dir ();
}

static char *
read_file (const char *path)
{
  char *got = NULL;
  cr_assert (g_file_get_contents (path, &got, NULL, NULL), "%s unreadable", path);
  return got;
}

ON_BOTH_PATHS (atomic_guarantees_hold_on_both_paths)
{
  g_autofree char *dir = mode_dir (m);
  g_autofree char *path = g_build_filename (dir, "doc.tml", NULL);
  /* A new file, with the mode a created file gets. */
  cr_assert (evl_export_write_atomic (path, "old\n", 4, NULL), "%s", m->name);
  GStatBuf st;
  cr_assert_eq (g_stat (path, &st), 0);
  mode_t mask = umask (0);
  umask (mask);
  cr_assert_eq (st.st_mode & 0777, 0644 & ~mask, "%s: mode %o", m->name, st.st_mode & 0777);
  /* Replaced whole: several buffers' worth. */
  cr_assert (evl_export_stream_atomic (path, lines_writer, GUINT_TO_POINTER (200), NULL), "%s", m->name);
  cr_assert_eq (g_stat (path, &st), 0);
  cr_assert_eq (st.st_size, 200 * 1024, "%s", m->name);
  /* A failing writer: its error, the old file, no temporary. */
  GError *error = NULL;
  cr_assert_not (evl_export_stream_atomic (path, lines_writer, GUINT_TO_POINTER (129), &error));
  cr_assert_not_null (error);
  cr_assert_not_null (strstr (error->message, "stopped after 129 lines"), "%s", error->message);
  g_clear_error (&error);
  cr_assert_eq (g_stat (path, &st), 0);
  cr_assert_eq (st.st_size, 200 * 1024, "%s: old file kept", m->name);
  /* Renaming over a folder fails after the data is written. */
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  cr_assert_eq (g_mkdir (sub, 0755), 0);
  cr_assert_not (evl_export_write_atomic (sub, "data", 4, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_IO), "%s", m->name);
  cr_assert_not_null (strstr (error->message, sub), "%s", error->message);
  g_clear_error (&error);
  cr_assert_eq (count_files (dir), 2, "%s: only doc.tml and sub/", m->name);
  g_rmdir (sub);
  g_unlink (path);
  g_rmdir (dir);
}

/* Writes 256 KiB in 1 KiB pieces and claims success whatever happened. */
static gboolean
careless_writer (GOutputStream *out, gpointer user_data, GError **error)
{
  char line[1024];
  memset (line, 'y', sizeof line);
  for (guint i = 0; i < 256; i++)
    g_output_stream_write_all (out, line, sizeof line, NULL, NULL, NULL);
  return TRUE;
}

ON_BOTH_PATHS (a_failed_write_is_an_error_even_if_the_writer_ignores_it)
{
  g_autofree char *dir = mode_dir (m);
  g_autofree char *path = g_build_filename (dir, "doc.tml", NULL);
  cr_assert (evl_export_write_atomic (path, "old\n", 4, NULL));
  /* Files may not grow past 100 KB: write(2) fails with EFBIG (this test
   * runs in its own process). */
  signal (SIGXFSZ, SIG_IGN);
  struct rlimit lim = { 100 * 1000, 100 * 1000 };
  cr_assert_eq (setrlimit (RLIMIT_FSIZE, &lim), 0);
  GError *error = NULL;
  cr_assert_not (evl_export_stream_atomic (path, careless_writer, NULL, &error), "%s", m->name);
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_IO), "%s", m->name);
  cr_assert_not_null (strstr (error->message, path), "%s", error->message);
  cr_assert_not_null (strstr (error->message, g_strerror (EFBIG)), "%s", error->message);
  g_clear_error (&error);
  g_autofree char *got = read_file (path);
  cr_assert_str_eq (got, "old\n", "%s: old file kept", m->name);
  cr_assert_eq (count_files (dir), 1, "%s: no temporary file left behind", m->name);
  g_unlink (path);
  g_rmdir (dir);
}

/* Writes "junk" and fails: the next file must not start with it. */
static gboolean
junk_then_fail (GOutputStream *out, gpointer user_data, GError **error)
{
  g_output_stream_write_all (out, "junk", 4, NULL, NULL, NULL);
  g_set_error (error, EVL_ERROR, EVL_ERROR_IO, "gave up");
  return FALSE;
}

/* Writes @user_data (a path) atomically from inside another writer, then
 * its own text, and closes its stream. */
static gboolean
nesting_writer (GOutputStream *out, gpointer user_data, GError **error)
{
  return g_output_stream_write_all (out, "outer ", 6, NULL, NULL, error)
         && evl_export_write_atomic (user_data, "inner\n", 6, error)
         && g_output_stream_write_all (out, "text\n", 5, NULL, NULL, error)
         && g_output_stream_close (out, NULL, error);
}

ON_BOTH_PATHS (consecutive_and_nested_files_stay_apart)
{
  g_autofree char *dir = mode_dir (m);
  g_autofree char *a = g_build_filename (dir, "a.tml", NULL);
  g_autofree char *b = g_build_filename (dir, "b.tml", NULL);
  cr_assert_not (evl_export_stream_atomic (a, junk_then_fail, NULL, NULL));
  cr_assert (evl_export_write_atomic (a, "ok\n", 3, NULL));
  g_autofree char *got_a = read_file (a);
  cr_assert_str_eq (got_a, "ok\n", "%s", m->name);
  /* A writer that writes another file and closes its own stream. */
  GError *error = NULL;
  cr_assert (evl_export_stream_atomic (a, nesting_writer, b, &error), "%s: %s", m->name,
             error ? error->message : "");
  g_autofree char *outer = read_file (a);
  g_autofree char *inner = read_file (b);
  cr_assert_str_eq (outer, "outer text\n", "%s", m->name);
  cr_assert_str_eq (inner, "inner\n", "%s", m->name);
  /* And the files after it are whole. */
  for (guint i = 0; i < 3; i++)
    {
      cr_assert (evl_export_stream_atomic (b, lines_writer, GUINT_TO_POINTER (70), NULL));
      GStatBuf st;
      cr_assert_eq (g_stat (b, &st), 0);
      cr_assert_eq (st.st_size, 70 * 1024, "%s", m->name);
    }
  cr_assert_eq (count_files (dir), 2, "%s: no temporary file left behind", m->name);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

/* ---- TimeML writer: escaping wherever the character falls ---- */


/* The writer's rules, one byte at a time: for text, or (@attr) for
 * attribute values, where '"' is escaped too and every C0 control becomes
 * a space. */
static void
ref_escape (GString *s, const char *t, gsize n, gboolean attr)
{
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) t[i];
      if (c == '&')
        g_string_append (s, "&amp;");
      else if (c == '<')
        g_string_append (s, "&lt;");
      else if (c == '>')
        g_string_append (s, "&gt;");
      else if (c == '"' && attr)
        g_string_append (s, "&quot;");
      else if (c == '\r' && !attr)
        g_string_append (s, "&#13;");
      else if (c < 0x20 && (attr || (c != '\t' && c != '\n')))
        g_string_append_c (s, ' ');
      else if (c == 0xEF && !attr && i + 2 < n && (guchar) t[i + 1] == 0xBF
               && ((guchar) t[i + 2] == 0xBE || (guchar) t[i + 2] == 0xBF))
        {
          g_string_append (s, "   ");
          i += 2;
        }
      else
        g_string_append_c (s, (char) c);
    }
}

typedef struct {
  char piece[8];   /* placed at every offset of a longer text */
} EscapeCase;

static EscapeCase escape_cases[] = {
  { "&" }, { "<" }, { ">" }, { "\"" }, { "\r" }, { "\r\n" }, { "\x01" }, { "\x0b" }, { "\x1f" },
  { "\t" }, { "\n" }, { "\x7f" }, { "\xc3\xa9" }, { "\xef\xbf\xbe" }, { "\xef\xbf\xbf" },
  { "\xef\xbc\x81" }, { "\xef\xbf\xbd" }, { "&<>" },
};

ParameterizedTestParameters (export, timeml_escapes_text_at_every_offset)
{
  return cr_make_param_array (EscapeCase, escape_cases, G_N_ELEMENTS (escape_cases));
}

/* The piece at offsets 0..40 of a 60-byte text (across the writer's
 * 16-byte blocks), alone and with an EVENT tag around it: the TEXT
 * element is exactly the text escaped by the rules. */
ParameterizedTest (EscapeCase *c, export, timeml_escapes_text_at_every_offset)
{
  static const char filler[] = "The leaders met again in the east; talks went on until late.";
  gsize plen = strlen (c->piece);
  for (guint k = 0; k <= 40; k++)
    for (guint tagged = 0; tagged < 2; tagged++)
      {
        g_autoptr (GString) text = g_string_new_len (filler, k);
        g_string_append (text, c->piece);
        g_string_append (text, filler + k);
        g_autoptr (EvlDocument) doc = evl_document_new ("esc", text->str, (gssize) text->len, NULL);
        guint32 a = k, b = (guint32) (k + plen + 3);
        if (tagged)
          {
            EvlEventMention e = { .span = { a, b }, .klass = EVL_EVENT_CLASS_STATE, .timex = -1,
                                  .agent = -1, .patient = -1, .location = -1, .source = -1,
                                  .cue_event = -1 };
            evl_document_add_event_mention (doc, &e);
          }
        g_autoptr (GString) want = g_string_new ("<TEXT>");
        if (tagged)
          {
            ref_escape (want, text->str, a, FALSE);
            g_string_append (want, "<EVENT eid=\"e1\" class=\"STATE\">");
            ref_escape (want, text->str + a, b - a, FALSE);
            g_string_append (want, "</EVENT>");
            ref_escape (want, text->str + b, text->len - b, FALSE);
          }
        else
          ref_escape (want, text->str, text->len, FALSE);
        g_string_append (want, "</TEXT>");
        g_autofree char *xml = fx_timeml_text (doc);
        cr_assert_not_null (strstr (xml, want->str), "piece %u bytes at %u%s:\n%s\nwant %s", (guint) plen,
                            k, tagged ? " (tagged)" : "", xml, want->str);
      }
}

ParameterizedTestParameters (export, timeml_escapes_attribute_values)
{
  return cr_make_param_array (EscapeCase, escape_cases, G_N_ELEMENTS (escape_cases));
}

ParameterizedTest (EscapeCase *c, export, timeml_escapes_attribute_values)
{
  for (guint k = 0; k <= 20; k++)
    {
      g_autoptr (GString) value = g_string_new (NULL);
      for (guint i = 0; i < k; i++)
        g_string_append_c (value, (char) ('0' + i % 10));
      g_string_append (value, c->piece);
      g_string_append (value, "-X");
      g_autoptr (EvlDocument) doc = evl_document_new ("attr", "It rained on Friday.", -1, NULL);
      EvlTimex t = { .span = { 13, 19 }, .type = EVL_TIMEX_SET, .value = value->str, .mod = value->str,
                     .anchor = -1 };
      evl_document_add_timex (doc, &t);
      EvlEventMention e = { .span = { 3, 9 }, .klass = EVL_EVENT_CLASS_OCCURRENCE, .timex = -1,
                            .agent = -1, .patient = -1, .location = -1, .source = -1, .cue_event = -1,
                            .tense = value->str, .modality = value->str };
      evl_document_add_event_mention (doc, &e);
      g_autoptr (GString) v = g_string_new (NULL);
      ref_escape (v, value->str, value->len, TRUE);
      g_autofree char *timex = g_strdup_printf ("<TIMEX3 tid=\"t1\" type=\"SET\" value=\"%s\" mod=\"%s\" "
                                                "temporalFunction=\"false\" functionInDocument=\"NONE\">"
                                                "Friday</TIMEX3>", v->str, v->str);
      g_autofree char *inst = g_strdup_printf ("<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"%s\" "
                                               "aspect=\"NONE\" polarity=\"POS\" pos=\"VERB\" "
                                               "modality=\"%s\"/>", v->str, v->str);
      g_autofree char *xml = fx_timeml_text (doc);
      cr_assert_not_null (strstr (xml, timex), "at %u:\n%s\nwant %s", k, xml, timex);
      cr_assert_not_null (strstr (xml, inst), "at %u:\n%s\nwant %s", k, xml, inst);
    }
}

/* Writes pieces of @user_data's sizes (0-terminated), each filled with
 * its own letter. */
static gboolean
sized_writer (GOutputStream *out, gpointer user_data, GError **error)
{
  const guint *sizes = user_data;
  for (guint i = 0; sizes[i]; i++)
    {
      g_autofree char *piece = g_malloc (sizes[i]);
      memset (piece, 'a' + (int) (i % 26), sizes[i]);
      if (!g_output_stream_write_all (out, piece, sizes[i], NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

ON_BOTH_PATHS (pieces_of_any_size_arrive_in_order)
{
  g_autofree char *dir = mode_dir (m);
  g_autofree char *path = g_build_filename (dir, "mixed.txt", NULL);
  /* Small pieces joined in the buffer, large ones written as they are,
   * a buffer filled to the brim and beyond. */
  static const guint sizes[] = { 3, 5000, 10, 4096, 70000, 1, 65535, 2, 65536, 4095, 131072, 7, 0 };
  cr_assert (evl_export_stream_atomic (path, sized_writer, (gpointer) sizes, NULL), "%s", m->name);
  g_autoptr (GString) want = g_string_new (NULL);
  for (guint i = 0; sizes[i]; i++)
    for (guint k = 0; k < sizes[i]; k++)
      g_string_append_c (want, (char) ('a' + (int) (i % 26)));
  g_autofree char *got = NULL;
  gsize len = 0;
  cr_assert (g_file_get_contents (path, &got, &len, NULL));
  cr_assert_eq (len, want->len, "%s: %zu bytes, want %zu", m->name, len, want->len);
  cr_assert (memcmp (got, want->str, len) == 0, "%s: bytes out of order", m->name);
  g_unlink (path);
  g_rmdir (dir);
}

/* The MAKEINSTANCE lines and EVENT tags of many events whose tense,
 * aspect and modality strings repeat under one pointer, repeat their
 * text under other pointers, differ, need escaping or are too long to
 * be kept by the writer's per-document memo; ids of one to three
 * digits.  Every line is the one the attribute rules give. */
Test (export, timeml_instances_of_many_events)
{
  static const char *const pool[] = {
    "PAST", "PRESENT", "PAST", "NONE", "PERFECTIVE_PROGRESSIVE", "a \"quoted\" & <odd> value",
    "a value long enough that the writer cannot keep it in a memo slot at all", "FUTURE", NULL,
  };
  enum { N_POOL = G_N_ELEMENTS (pool), N_EV = 130 };
  /* Each pool string under three pointers. */
  char *copies[3][N_POOL];
  for (guint c = 0; c < 3; c++)
    for (guint p = 0; p < N_POOL; p++)
      copies[c][p] = g_strdup (pool[p]);
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < N_EV; i++)
    g_string_append (text, "met ");
  g_autoptr (EvlDocument) doc = evl_document_new ("many", text->str, (gssize) text->len, NULL);
  for (guint i = 0; i < N_EV; i++)
    {
      EvlEventMention e = { .span = { 4 * i, 4 * i + 3 }, .klass = (EvlEventClass) (i % EVL_EVENT_CLASS_N),
                            .timex = -1, .agent = -1, .patient = -1, .location = -1, .source = -1,
                            .cue_event = -1, .polarity = i % 5 == 0 ? EVL_POLARITY_NEG : EVL_POLARITY_POS,
                            .tense = copies[i % 3][i % N_POOL], .aspect = copies[(i / 3) % 3][(i * 7) % N_POOL],
                            .modality = copies[0][(i * 5) % N_POOL] };
      evl_document_add_event_mention (doc, &e);
    }
  g_autofree char *xml = fx_timeml_text (doc);
  for (guint i = 0; i < N_EV; i++)
    {
      const char *tense = pool[i % N_POOL], *aspect = pool[(i * 7) % N_POOL], *modality = pool[(i * 5) % N_POOL];
      g_autoptr (GString) t = g_string_new (NULL), a = g_string_new (NULL), m = g_string_new (NULL);
      ref_escape (t, tense ? tense : "NONE", strlen (tense ? tense : "NONE"), TRUE);
      ref_escape (a, aspect ? aspect : "NONE", strlen (aspect ? aspect : "NONE"), TRUE);
      if (modality)
        {
          g_string_append (m, " modality=\"");
          ref_escape (m, modality, strlen (modality), TRUE);
          g_string_append_c (m, '"');
        }
      gboolean verb = tense && strcmp (tense, "NONE") != 0;
      g_autofree char *line = g_strdup_printf (
        "<MAKEINSTANCE eventID=\"e%u\" eiid=\"ei%u\" tense=\"%s\" aspect=\"%s\" polarity=\"%s\" pos=\"%s\"%s/>\n",
        i + 1, i + 1, t->str, a->str, i % 5 == 0 ? "NEG" : "POS", verb ? "VERB" : "NOUN", m->str);
      cr_assert_not_null (strstr (xml, line), "event %u: want %s in\n%s", i, line, xml);
      g_autofree char *tag = g_strdup_printf (
        "<EVENT eid=\"e%u\" class=\"%s\">met</EVENT>", i + 1,
        evl_event_class_to_string ((EvlEventClass) (i % EVL_EVENT_CLASS_N)));
      cr_assert_not_null (strstr (xml, tag), "event %u: want %s in\n%s", i, tag, xml);
    }
  for (guint c = 0; c < 3; c++)
    for (guint p = 0; p < N_POOL; p++)
      g_free (copies[c][p]);
}

/* The temporary goes to the target's folder however the path names it:
 * a bare file name (the current folder), doubled separators before the
 * base name, a folder name longer than a short buffer. */
ON_BOTH_PATHS (atomic_paths_of_every_shape)
{
  g_autofree char *dir = mode_dir (m);
  g_autofree char *cwd = g_get_current_dir ();
  cr_assert_eq (g_chdir (dir), 0);
  g_autofree char *longname = g_strnfill (200, 'd');
  g_autofree char *deep = g_build_filename (dir, longname, longname, longname, longname, longname, "sub", NULL);
  cr_assert_eq (g_mkdir_with_parents (deep, 0755), 0);
  g_autofree char *in_deep = g_build_filename (deep, "deep.txt", NULL);
  g_autofree char *doubled = g_strconcat (dir, G_DIR_SEPARATOR_S G_DIR_SEPARATOR_S "doubled.txt", NULL);
  const char *paths[] = { "bare.txt", doubled, in_deep };
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      for (guint round = 0; round < 2; round++)   /* new, then replaced */
        {
          g_autofree char *body = g_strdup_printf ("%u:%u", i, round);
          GError *error = NULL;
          cr_assert (evl_export_write_atomic (paths[i], body, strlen (body), &error), "%s: %s %s", m->name,
                     paths[i], error ? error->message : "");
          g_autofree char *got = read_file (paths[i]);
          cr_assert_str_eq (got, body, "%s: %s", m->name, paths[i]);
        }
    }
  cr_assert_eq (count_files (dir), 3, "%s: bare.txt, doubled.txt and the folder, no temporary", m->name);
  cr_assert_eq (count_files (deep), 1, "%s", m->name);
  cr_assert_eq (g_chdir (cwd), 0);
}

/* '-o /dev/null' or a pipe: the output goes into it, and the device or
 * pipe stays (renaming over it put a file in its place: as root, a file
 * instead of /dev/null). */
ON_BOTH_PATHS (a_device_or_pipe_is_written_into_not_replaced)
{
  g_autofree char *dir = mode_dir (m);
  g_autofree char *path = g_build_filename (dir, "pipe", NULL);
  cr_assert_eq (mkfifo (path, 0600), 0);
  /* A reader first, so that the writer's open() does not wait. */
  int rd = open (path, O_RDONLY | O_NONBLOCK);
  cr_assert_geq (rd, 0);
  cr_assert (evl_export_write_atomic (path, "through\n", 8, NULL), "%s", m->name);
  char got[16] = { 0 };
  cr_assert_eq (read (rd, got, sizeof got - 1), 8, "%s: nothing came through", m->name);
  cr_assert_str_eq (got, "through\n");
  close (rd);
  struct stat st;
  cr_assert_eq (lstat (path, &st), 0);
  cr_assert (S_ISFIFO (st.st_mode), "%s: the pipe was replaced by a file", m->name);
  cr_assert_eq (count_files (dir), 1, "%s: no temporary file left behind", m->name);
  g_unlink (path);
  g_rmdir (dir);
}
