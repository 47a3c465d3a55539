/* The command line as a newcomer meets it: help, errors, exit codes,
 * partial failures, dating without --dct. */
#include "cli-helpers.h"
#include <criterion/parameterized.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite (cli, .timeout = 120 * EVL_TIMEOUT_SCALE, .fini = evl_test_tmp_cleanup);

/* (transfer full) The root object of JSON file @path. */
static JsonObject *
load_root (const char *path)
{
  JsonObject *root;
  JsonParser *p = evl_test_load_json (path, &root);
  json_object_ref (root);
  g_object_unref (p);
  return root;
}

Test (cli, help_lists_commands_and_exit_codes)
{
  g_autofree char *out = NULL;
  cr_assert_eq (evl_test_run (&out, NULL, "--help", NULL), 0);
  cr_assert (strstr (out, "build") && strstr (out, "tag") && strstr (out, "eval"));
  cr_assert (strstr (out, "Exit status"));
  g_autofree char *bout = NULL;
  cr_assert_eq (evl_test_run (&bout, NULL, "build", "--help", NULL), 0);
  cr_assert (strstr (bout, "--dct") && strstr (bout, "events.json"), "%s", bout);
}

Test (cli, usage_errors_exit_2)
{
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "frobnicate", NULL), 2);
  cr_assert (strstr (err, "unknown command"), "%s", err);
  g_autofree char *err2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err2, "build", NULL), 2);
  cr_assert (strstr (err2, "no input"), "%s", err2);
  g_autofree char *err3 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err3, "build", "--dct", "14/09/2023", "input", NULL), 2);
  cr_assert (strstr (err3, "--dct"), "%s", err3);
  g_autofree char *err4 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err4, "build", "--no-such-option", "input", NULL), 2);
}

Test (cli, missing_input_is_named_and_exits_1)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-o", dir, "/nonexistent/article.txt", NULL), 1);
  cr_assert (strstr (err, "/nonexistent/article.txt"), "error names the file: %s", err);
  cr_assert_eq (strchr (err, '\n'), strrchr (err, '\n'), "one line per error: %s", err);
  evl_test_rmtree (dir);
}

/* (transfer full) DIR/in holding the readable @good and the invalid
 * UTF-8 file @bad. */
static char *
good_and_bad_inputs (const char *dir, const char *good, const char *bad)
{
  char *in = g_build_filename (dir, "in", NULL);
  g_mkdir (in, 0755);
  g_autofree char *g = g_build_filename (in, good, NULL);
  g_autofree char *b = g_build_filename (in, bad, NULL);
  cr_assert (g_file_set_contents (g, "Leaders met in Geneva on Monday. They signed a treaty.\n", -1, NULL));
  cr_assert (g_file_set_contents (b, "broken \xff\xfe text\n", -1, NULL));
  return in;
}

Test (cli, good_inputs_survive_a_bad_one)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *in = good_and_bad_inputs (dir, "good.txt", "bad.txt");
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *err = NULL;
  int code = evl_test_run (NULL, &err, "build", "--quiet", "--format", "svg", "--dct", "2024-01-10",
                           "-o", out, in, NULL);
  cr_assert_eq (code, 1, "exit 1 when one input failed: %s", err);
  cr_assert (strstr (err, "bad.txt") && strstr (err, "UTF-8"), "%s", err);
  g_autofree char *json = g_build_filename (out, "events.json", NULL);
  g_autoptr (JsonObject) root = load_root (json);
  cr_assert_eq (json_array_get_length (json_object_get_array_member (root, "documents")), 1);
  /* --strict stops instead. */
  g_autofree char *out2 = g_build_filename (dir, "out2", NULL);
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "--strict", "-o", out2, in, NULL), 1);
  g_autofree char *json2 = g_build_filename (out2, "events.json", NULL);
  cr_assert_not (g_file_test (json2, G_FILE_TEST_EXISTS));
  evl_test_rmtree (dir);
}

/* tag and extract read their inputs a batch at a time while writing;
 * --strict still promises nothing written when one input fails, even one
 * that sorts after good ones, and without it the good ones are written. */
Test (cli, strict_tag_and_extract_write_nothing)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *in = good_and_bad_inputs (dir, "a-good.txt", "z-bad.txt");
  g_autofree char *lines = g_build_filename (dir, "tags.jsonl", NULL);
  g_autofree char *outdir = g_build_filename (dir, "tml", NULL);
  g_autofree char *shard = g_build_filename (dir, "shard.jsonl", NULL);
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "tag", "-q", "--strict", "-f", "jsonl", "-o", lines, in, NULL), 1);
  cr_assert_eq (evl_test_run (NULL, &e2, "tag", "-q", "--strict", "-o", outdir, in, NULL), 1);
  cr_assert_eq (evl_test_run (NULL, &e3, "extract", "--strict", "-o", shard, in, NULL), 1);
  cr_assert (strstr (e1, "z-bad.txt") && strstr (e2, "z-bad.txt") && strstr (e3, "z-bad.txt"),
             "%s%s%s", e1, e2, e3);
  cr_assert_not (g_file_test (lines, G_FILE_TEST_EXISTS));
  cr_assert_not (g_file_test (outdir, G_FILE_TEST_EXISTS));
  cr_assert_not (g_file_test (shard, G_FILE_TEST_EXISTS));
  /* Without --strict: the good document is written, exit status 1. */
  cr_assert_eq (evl_test_run (NULL, NULL, "extract", "-o", shard, in, NULL), 1);
  g_autofree char *text = NULL;
  cr_assert (g_file_get_contents (shard, &text, NULL, NULL));
  cr_assert (strstr (text, "a-good.txt") && !strstr (text, "z-bad.txt"), "%s", text);
  cr_assert_eq (strchr (text, '\n') - text + 1, (long) strlen (text), "one line");
  evl_test_rmtree (dir);
}

Test (cli, unwritable_output_folder_exits_1)
{
  /* A folder below a regular file can't be created, even by root. */
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "plain-file", NULL);
  g_file_set_contents (file, "x", -1, NULL);
  g_autofree char *out = g_build_filename (file, "out", NULL);
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-o", out, input, NULL), 1);
  cr_assert (strstr (err, "out"), "%s", err);
  evl_test_rmtree (dir);
}

Test (cli, manifest_dates_input_without_dct)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "--quiet", "--format", "svg", "-o", dir, input, NULL), 0,
                "%s", err);
  g_autofree char *json = g_build_filename (dir, "events.json", NULL);
  g_autoptr (JsonObject) root = load_root (json);
  JsonArray *docs = json_object_get_array_member (root, "documents");
  cr_assert_eq (json_array_get_length (docs), 5);
  for (guint i = 0; i < 5; i++)
    cr_assert_str_eq (json_object_get_string_member (json_array_get_object_element (docs, i), "dct"),
                      "2023-09-14", "the page date line never overrides the manifest");
  evl_test_rmtree (dir);
}

Test (cli, dct_flag_never_overrides_metadata_but_beats_guesses)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "b.txt", NULL);
  g_file_set_contents (a, "---\ndate: 2020-02-02\n---\nThe council met on Monday.\n", -1, NULL);
  g_file_set_contents (b, "Tuesday, July 23 2024\n\nThe council met on Monday.\n", -1, NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "--quiet", "--format", "svg", "--dct", "2023-09-14",
                              "-o", out, a, b, NULL), 0);
  g_autofree char *json = g_build_filename (out, "events.json", NULL);
  g_autoptr (JsonObject) root = load_root (json);
  JsonArray *docs = json_object_get_array_member (root, "documents");
  cr_assert_str_eq (json_object_get_string_member (json_array_get_object_element (docs, 0), "dct"), "2020-02-02");
  cr_assert_str_eq (json_object_get_string_member (json_array_get_object_element (docs, 1), "dct"), "2023-09-14");
  evl_test_rmtree (dir);
}

Test (cli, entity_timeline_in_semeval_format)
{
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *out = NULL, *err = NULL;
  int code = evl_test_run (&out, &err, "timeline", "--entity", "Kim Jong Un", "--format", "semeval",
                           "--dct", "2023-09-14", input, NULL);
  cr_assert_eq (code, 0, "%s", err);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  cr_assert_str_eq (lines[0], "Kim Jong Un");
  guint dated = 0, last_order = 0;
  gboolean summit_day = FALSE;
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      cr_assert_geq (g_strv_length (f), 3, "ORDER, DATE, MENTION...: %s", lines[i]);
      guint order = (guint) g_ascii_strtoull (f[0], NULL, 10);
      cr_assert_geq (order, last_order, "orders never decrease: %s", lines[i]);
      last_order = order;
      if (order > 0)
        dated++;
      if (strcmp (f[1], "2023-09-13") == 0)
        summit_day = TRUE;
      /* docid-sentence-token */
      cr_assert (strchr (f[2], '-') != NULL && strrchr (f[2], '-') != strchr (f[2], '-'), "%s", f[2]);
    }
  cr_assert_gt (dated, 0);
  cr_assert (summit_day, "events on the summit day:\n%s", out);
  cr_assert_eq (evl_test_run (NULL, NULL, "timeline", input, NULL), 2, "--entity is required");
}

/* '-' means standard output wherever one file is written, and is refused
 * where a folder is: no command makes a folder or file named '-'. */
Test (cli, dash_output_is_standard_output_or_refused)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *doc = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *doc2 = g_build_filename (dir, "b.txt", NULL);
  /* A sentence longer than a text line, with a multi-byte letter where a
   * byte cut at 120 would fall. */
  const char *text = "On Monday the Harbour Board of Aalesund closed the northern ferry route after "
                     "a storm damaged the pier near the old fish market, said Torbj\xc3\xb8rn "
                     "Lie of the board.\n";
  cr_assert (g_file_set_contents (doc, text, -1, NULL));
  cr_assert (g_file_set_contents (doc2, text, -1, NULL));
  g_autofree char *cwd = g_get_current_dir ();
  cr_assert_eq (g_chdir (dir), 0);

  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (evl_test_run (&out, &err, "tag", "-f", "json", "--dct", "2024-05-07", "-o", "-", doc, NULL),
                0, "%s", err);
  cr_assert (strstr (out, "\"timexes\"") != NULL, "JSON on standard output: %s", out);
  g_autofree char *err2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err2, "tag", "-o", "-", doc, doc2, NULL), 2);
  cr_assert (strstr (err2, "-f jsonl") != NULL, "the error says how to stream: %s", err2);
  g_autofree char *err3 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err3, "build", "-o", "-", doc, NULL), 2);
  cr_assert (strstr (err3, "folder") != NULL, "%s", err3);
  g_autofree char *tl = NULL, *err4 = NULL;
  cr_assert_eq (evl_test_run (&tl, &err4, "timeline", "-e", "Aalesund", "--dct", "2024-05-07",
                              "-o", "-", doc, NULL), 0, "%s", err4);
  cr_assert (g_file_test ("-", G_FILE_TEST_EXISTS) == FALSE, "no file or folder named '-'");
  cr_assert (strstr (tl, "2024-05-06") != NULL, "%s", tl);
  cr_assert (g_utf8_validate (tl, -1, NULL), "a long sentence is cut on a character boundary");
  cr_assert (strstr (tl, "\xe2\x80\xa6  [") != NULL, "a cut sentence ends in an ellipsis: %s", tl);
  cr_assert (strstr (tl, " Torbj\xe2\x80\xa6") == NULL && strstr (tl, "pier near") != NULL,
             "cut between words: %s", tl);
  g_autofree char *js = NULL;
  cr_assert_eq (evl_test_run (&js, NULL, "timeline", "-e", "Aalesund", "-f", "json", "--dct", "2024-05-07",
                              doc, NULL), 0);
  cr_assert (strstr (js, "Lie of the board") != NULL, "JSON keeps the whole sentence: %s", js);
  cr_assert_eq (g_chdir (cwd), 0);
}

Test (cli, build_notes_documents_without_a_date)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *doc = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  cr_assert (g_file_set_contents (doc, "The port authority closed the harbour on Tuesday.\n", -1, NULL));
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-f", "dot", "-o", out, doc, NULL), 0, "%s", err);
  cr_assert (strstr (err, "no publication date for 1 of 1 document,") != NULL
             && strstr (err, "--dct") != NULL, "the note says what is missing and how to give it: %s", err);
  g_autofree char *err2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err2, "build", "-f", "dot", "--dct", "2024-05-07", "-o", out, doc, NULL),
                0, "%s", err2);
  cr_assert (strstr (err2, "publication date") == NULL, "no note once dated: %s", err2);
  g_autofree char *err3 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err3, "build", "-q", "-f", "dot", "-o", out, doc, NULL), 0);
  cr_assert_str_empty (err3, "--quiet silences the note: %s", err3);
}

Test (cli, extract_then_merge_equals_build)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *shard = g_build_filename (dir, "shard.jsonl", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "extract", "--dct", "2023-09-14", "-o", shard, input, NULL), 0,
                "%s", err);
  g_autofree char *lines = NULL;
  cr_assert (g_file_get_contents (shard, &lines, NULL, NULL));
  guint n = 0;
  for (const char *p = lines; (p = strchr (p, '\n')); p++)
    n++;
  cr_assert_eq (n, 5, "one line per document");
  g_autofree char *m = g_build_filename (dir, "merged", NULL);
  g_autofree char *b = g_build_filename (dir, "built", NULL);
  cr_assert_eq (evl_test_run (NULL, NULL, "merge", "-q", "--format", "svg", "-o", m, shard, NULL), 0);
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "-q", "--format", "svg", "--dct", "2023-09-14",
                              "-o", b, input, NULL), 0);
  g_autofree char *mj = g_build_filename (m, "events.json", NULL);
  g_autofree char *bj = g_build_filename (b, "events.json", NULL);
  g_autofree char *a = NULL, *c = NULL;
  cr_assert (g_file_get_contents (mj, &a, NULL, NULL) && g_file_get_contents (bj, &c, NULL, NULL));
  cr_assert_str_eq (a, c, "extract | merge gives build's events.json");
  evl_test_rmtree (dir);
}

Test (cli, merge_rejects_a_corrupt_line_but_keeps_the_others)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", "004_1a84743fc891a088.txt", NULL);
  g_autofree char *out = NULL;
  cr_assert_eq (evl_test_run (&out, NULL, "extract", "--dct", "2023-09-14", input, NULL), 0);
  g_autofree char *shard = g_build_filename (dir, "shard.jsonl", NULL);
  g_autofree char *both = g_strconcat (out, "{\"v\":1,\"id\":\"x\",\"text\":\"ab\",\"tokens\":[0,99,0,0]}\n", NULL);
  g_file_set_contents (shard, both, -1, NULL);
  g_autofree char *o = g_build_filename (dir, "o", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "merge", "-q", "--format", "svg", "-o", o, shard, NULL), 1);
  cr_assert (strstr (err, "shard.jsonl:2"), "names file and line: %s", err);
  g_autofree char *json = g_build_filename (o, "events.json", NULL);
  g_autoptr (JsonObject) root = load_root (json);
  cr_assert_eq (json_array_get_length (json_object_get_array_member (root, "documents")), 1);
  evl_test_rmtree (dir);
}

/* Number of events of @type in DIR/events.json and the largest source count. */
static guint
count_type (const char *dir, const char *type, guint *max_sources)
{
  g_autofree char *json = g_build_filename (dir, "events.json", NULL);
  g_autoptr (JsonObject) root = load_root (json);
  JsonArray *evs = json_object_get_array_member (root, "events");
  guint n = 0;
  *max_sources = 0;
  for (guint i = 0; i < json_array_get_length (evs); i++)
    {
      JsonObject *e = json_array_get_object_element (evs, i);
      if (g_strcmp0 (json_object_get_string_member (e, "type"), type) != 0)
        continue;
      n++;
      *max_sources = MAX (*max_sources, (guint) json_object_get_int_member (e, "sources"));
    }
  return n;
}

Test (cli, a_saved_story_grows_with_new_articles)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *first = g_build_filename (dir, "first", NULL);
  g_mkdir (first, 0755);
  static const char *const names[] = { "eventline.json", "000_8d3cbbc2162ee46e.txt",
                                       "001_494fae7860de2e21.txt" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *src = g_build_filename (evl_test_source_root (), "input", names[i], NULL);
      g_autofree char *dst = g_build_filename (first, names[i], NULL);
      g_autofree char *data = NULL;
      gsize len;
      cr_assert (g_file_get_contents (src, &data, &len, NULL));
      g_file_set_contents (dst, data, (gssize) len, NULL);
    }
  g_autofree char *story = g_build_filename (dir, "story.json", NULL);
  g_autofree char *o1 = g_build_filename (dir, "o1", NULL);
  g_autofree char *o2 = g_build_filename (dir, "o2", NULL);
  g_autofree char *o3 = g_build_filename (dir, "o3", NULL);
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "-q", "-f", "svg", "--graph", story, "-o", o1, first, NULL), 0);
  cr_assert (g_file_test (story, G_FILE_TEST_EXISTS), "the story is saved");
  guint s1, s2, s3;
  count_type (o1, "MEETING", &s1);
  cr_assert_eq (s1, 2, "two articles report the summit");
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-f", "svg", "--graph", story, "-o", o2, input, NULL), 0);
  cr_assert (strstr (err, "2 documents already in"), "%s", err);
  count_type (o2, "MEETING", &s2);
  cr_assert_eq (s2, 5, "the three new articles join the same summit event");
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "-q", "-f", "svg", "--graph", story, "-o", o3, input, NULL), 0);
  guint n2 = count_type (o2, "MEETING", &s2), n3 = count_type (o3, "MEETING", &s3);
  cr_assert_eq (n2, n3, "adding the same articles again changes nothing");
  cr_assert_eq (s3, 5);
  evl_test_rmtree (dir);
}

/* ---- progress line ---- */

/* Runs eventline with stderr on a new pseudo-terminal (TERM=xterm) and
 * stdout into @out_path; returns the exit status, *tty_out what the
 * terminal received. */
static int
run_on_tty (char **tty_out, const char *out_path, const char *const *args)
{
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  cr_assert_geq (master, 0, "posix_openpt: %s", g_strerror (errno));
  cr_assert (grantpt (master) == 0 && unlockpt (master) == 0);
  int slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  cr_assert_geq (slave, 0, "open pty slave: %s", g_strerror (errno));
  int out = open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  cr_assert_geq (out, 0);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) evl_test_cli ());
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "TERM", "xterm", TRUE);
  GPid pid;
  g_autoptr (GError) error = NULL;
  gboolean ok = g_spawn_async_with_fds (NULL, (char **) argv->pdata, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                        NULL, NULL, &pid, -1, out, slave, &error);
  cr_assert (ok, "spawn: %s", error ? error->message : "");
  close (slave);
  close (out);
  GString *tty = g_string_new (NULL);
  char buf[4096];
  ssize_t n;
  /* EIO once the child (the last holder of the slave) has exited. */
  while ((n = read (master, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (tty, buf, n);
  close (master);
  int status = 0;
  cr_assert_eq (waitpid (pid, &status, 0), pid);
  *tty_out = g_string_free (tty, FALSE);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

Test (cli, progress_line_on_a_terminal_only_on_stderr)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *stdout_path = g_build_filename (dir, "stdout", NULL);
  g_autofree char *tty = NULL, *so = NULL;
  const char *build[] = { "build", "-f", "svg", "-o", out, input, NULL };
  cr_assert_eq (run_on_tty (&tty, stdout_path, build), 0, "%s", tty);
  cr_assert (strstr (tty, "\reventline build: annotating ") && strstr (tty, "/5 docs"), "progress: %s", tty);
  cr_assert (strstr (tty, "\r\033[Keventline: 5 documents"), "the line is cleared before the summary: %s", tty);
  cr_assert (g_file_get_contents (stdout_path, &so, NULL, NULL));
  cr_assert_str_eq (so, "", "nothing on stdout");

  /* extract: JSON lines on stdout, the progress on the terminal only */
  g_autofree char *tty2 = NULL, *lines = NULL;
  const char *extract[] = { "extract", "--dct", "2023-09-14", input, NULL };
  cr_assert_eq (run_on_tty (&tty2, stdout_path, extract), 0, "%s", tty2);
  cr_assert (strstr (tty2, "eventline extract: extracting "), "%s", tty2);
  cr_assert (g_file_get_contents (stdout_path, &lines, NULL, NULL));
  cr_assert_null (strchr (lines, '\r'));
  cr_assert_null (strstr (lines, "docs"));
  cr_assert_eq (lines[0], '{');

  /* --quiet and -q: no progress and no summary on a terminal (a
   * sanitizer's own report may still be there) */
  g_autofree char *tty3 = NULL, *tty4 = NULL;
  const char *quiet[] = { "build", "--quiet", "-f", "svg", "-o", out, input, NULL };
  const char *q[] = { "extract", "-q", input, NULL };
  cr_assert_eq (run_on_tty (&tty3, stdout_path, quiet), 0);
  cr_assert_eq (run_on_tty (&tty4, stdout_path, q), 0);
  const char *quiet_ttys[] = { tty3, tty4 };
  for (guint i = 0; i < G_N_ELEMENTS (quiet_ttys); i++)
    {
      cr_assert_null (strchr (quiet_ttys[i], '\033'), "no line to clear: %s", quiet_ttys[i]);
      cr_assert_null (strstr (quiet_ttys[i], "eventline"), "%s", quiet_ttys[i]);
    }
  evl_test_rmtree (dir);
}

Test (cli, no_progress_when_stderr_is_not_a_terminal)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *tags = g_build_filename (dir, "tags", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *o3 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "build", "-f", "svg", "-o", out, input, NULL), 0);
  cr_assert_eq (evl_test_run (NULL, &e2, "tag", "-o", tags, input, NULL), 0);
  cr_assert_eq (evl_test_run (&o3, &e3, "extract", input, NULL), 0);
  const char *errs[] = { e1, e2, e3, o3 };
  for (guint i = 0; i < G_N_ELEMENTS (errs); i++)
    {
      cr_assert_null (strchr (errs[i], '\r'), "no carriage return: %s", errs[i]);
      cr_assert_null (strchr (errs[i], '\033'), "no terminal escape: %s", errs[i]);
      cr_assert_null (strstr (errs[i], " docs"), "no progress: %s", errs[i]);
    }
  cr_assert (strstr (e1, "eventline: 5 documents"), "the summary stays: %s", e1);
  cr_assert_null (strstr (e3, "eventline"), "extract prints nothing but errors: %s", e3);
  evl_test_rmtree (dir);
}

Test (cli, max_events_is_checked)
{
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "--max-events", "0", "input", NULL), 2);
  cr_assert (strstr (err, "--max-events"), "%s", err);
  g_autofree char *help = NULL;
  cr_assert_eq (evl_test_run (&help, NULL, "build", "--help", NULL), 0);
  cr_assert (strstr (help, "--max-events") && strstr (help, "progress"), "%s", help);
  /* the option reaches the diagram: 5 boxes, the rest in summary marks */
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *err2 = NULL, *svg = NULL, *full = NULL;
  cr_assert_eq (evl_test_run (NULL, &err2, "build", "-q", "-f", "svg", "--max-events", "5", "-o", dir, input,
                              NULL), 0, "%s", err2);
  g_autofree char *path = g_build_filename (dir, "timeline.svg", NULL);
  cr_assert (g_file_get_contents (path, &svg, NULL, NULL));
  cr_assert (strstr (svg, " more event") && strstr (svg, "More events"), "summary marks drawn");
  cr_assert (strstr (svg, "most reported shown"), "the subtitle says so");
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "-q", "-f", "svg", "-o", dir, input, NULL), 0);
  cr_assert (g_file_get_contents (path, &full, NULL, NULL));
  cr_assert_null (strstr (full, "More events"), "the sample story is under the default threshold");
  evl_test_rmtree (dir);
}

/* ---- tag -f jsonl: one stream of JSON lines ---- */

#include <signal.h>
#include <sys/resource.h>

/* Runs eventline with @args (NULL-terminated) and the command line's
 * output, as the arguments say, split into lines: *lines_out gets them
 * (the last one ended by a newline too, which is checked), the status is
 * returned. */
static int
run_lines (GStrv *lines_out, char **out_text, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) evl_test_cli ());
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;
  cr_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                           &status, &error), "spawn: %s", error ? error->message : "");
  int code = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
  cr_assert_eq (code, 0, "%s", err);
  gsize len = strlen (out);
  cr_assert (len > 0 && out[len - 1] == '\n', "every line ends with a newline");
  out[len - 1] = '\0';
  *lines_out = g_strsplit (out, "\n", -1);
  out[len - 1] = '\n';
  if (out_text)
    *out_text = g_steal_pointer (&out);
  return code;
}

/* (transfer full) @line parsed: an object, or the test fails. */
static JsonObject *
parse_line (const char *line)
{
  g_autoptr (JsonParser) p = json_parser_new ();
  g_autoptr (GError) error = NULL;
  cr_assert (json_parser_load_from_data (p, line, -1, &error), "not JSON (%s): %.200s",
             error ? error->message : "", line);
  JsonNode *root = json_parser_get_root (p);
  cr_assert (root && JSON_NODE_HOLDS_OBJECT (root), "not an object: %.200s", line);
  return json_object_ref (json_node_get_object (root));
}

/* @o written compactly by json-glib: equal strings mean equal members,
 * values and member order. */
static char *
canonical (JsonObject *o)
{
  g_autoptr (JsonNode) n = json_node_init_object (json_node_alloc (), o);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, n);
  return json_generator_to_data (gen, NULL);
}

Test (cli, tag_jsonl_one_line_per_document_in_input_order)
{
  /* Long documents first, so that with two threads later (short) ones
   * are done before them: the output must keep the input order anyway. */
  g_autofree char *dir = evl_test_tmpdir ();
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();   /* per expected line */
  const char *head[] = { "tag", "-q", "-f", "jsonl", "--dct", "2024-01-10", "-j", "2" };
  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    g_ptr_array_add (args, g_strdup (head[i]));
  guint first_input = args->len;
  for (guint k = 0; k < 24; k++)
    {
      /* names in reverse order of the arguments: the order is the command
       * line's, not the names' */
      char name[32];
      g_snprintf (name, sizeof name, "doc-%02u.txt", 23 - k);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GString) text = g_string_new (NULL);
      guint reps = k < 4 ? 400 : 1 + k % 3;
      for (guint r = 0; r < reps; r++)
        g_string_append_printf (text, "Delegates from %u nations met in Geneva on Monday. "
                                "They signed a treaty on %u June 2023.\n", k + 2, 1 + r % 28);
      cr_assert (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
      g_ptr_array_add (args, g_steal_pointer (&path));
      g_ptr_array_add (paths, args->pdata[args->len - 1]);
    }
  /* a JSON Lines input holds several documents: a line for each */
  g_autofree char *feed = g_build_filename (dir, "feed.jsonl", NULL);
  const char *articles =
    "{\"title\":\"Talks \\\"resume\\\"\",\"maintext\":\"The ministers met on Tuesday.\",\"date_publish\":\"2024-01-09\"}\n"
    "{\"title\":\"Caf\\u00e9 owners\\tprotest\",\"maintext\":\"Owners protested on 2 January.\",\"date_publish\":\"2024-01-09\"}\n"
    "{\"title\":\"Vote\",\"maintext\":\"Voters will decide next week.\",\"date_publish\":\"2024-01-08\"}\n";
  cr_assert (g_file_set_contents (feed, articles, -1, NULL));
  g_ptr_array_add (args, g_strdup (feed));
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (paths, args->pdata[args->len - 1]);
  guint n_inputs = args->len - first_input;
  g_ptr_array_add (args, NULL);

  g_auto (GStrv) lines = NULL;
  g_autofree char *text2 = NULL;
  run_lines (&lines, &text2, (const char *const *) args->pdata);
  cr_assert_eq (g_strv_length (lines), paths->len, "%u inputs, %u documents, one line each",
                n_inputs, paths->len);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr (JsonObject) o = parse_line (lines[i]);
      cr_assert_str_eq (json_object_get_string_member (o, "path"), paths->pdata[i], "line %u", i + 1);
      cr_assert (g_hash_table_add (ids, g_strdup (json_object_get_string_member (o, "id"))),
                 "ids are distinct: %s", json_object_get_string_member (o, "id"));
      cr_assert (json_object_has_member (o, "timexes") && json_object_has_member (o, "events"));
    }
  JsonObject *cafe = parse_line (lines[paths->len - 2]);
  cr_assert_str_eq (json_object_get_string_member (cafe, "title"), "Caf\xc3\xa9 owners\tprotest");
  json_object_unref (cafe);

  /* one thread gives the same bytes */
  g_free (args->pdata[7]);
  args->pdata[7] = g_strdup ("1");
  g_auto (GStrv) lines1 = NULL;
  g_autofree char *text1 = NULL;
  run_lines (&lines1, &text1, (const char *const *) args->pdata);
  cr_assert_str_eq (text1, text2, "-j 1 and -j 2 write the same lines");
  evl_test_rmtree (dir);
}

Test (cli, tag_jsonl_values_equal_tag_json)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "tag", "-q", "-f", "json", "-o", dir, input, NULL), 0, "%s", err);
  const char *args[] = { "tag", "-q", "-f", "jsonl", input, NULL };
  g_auto (GStrv) lines = NULL;
  run_lines (&lines, NULL, args);
  cr_assert_eq (g_strv_length (lines), 5);
  guint events = 0;
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr (JsonObject) line = parse_line (lines[i]);
      /* input/NAME.txt was written to DIR/NAME.json */
      g_autofree char *base = g_path_get_basename (json_object_get_string_member (line, "path"));
      *strrchr (base, '.') = '\0';
      g_autofree char *name = g_strconcat (base, ".json", NULL);
      g_autofree char *json = g_build_filename (dir, name, NULL);
      g_autoptr (JsonObject) doc = load_root (json);
      g_autofree char *a = canonical (line), *b = canonical (doc);
      cr_assert_str_eq (a, b, "%s: the line holds what -f json holds, in its order", name);
      cr_assert_str_eq (lines[i], b, "%s: a line is the compact form of -f json", name);
      events += json_array_get_length (json_object_get_array_member (line, "events"));
    }
  cr_assert_gt (events, 20, "the sample story has events to compare");
  evl_test_rmtree (dir);
}

static gint
cmp_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names in folder @dir, sorted, joined by spaces. */
static char *
listing (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  cr_assert_not_null (d);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *n; (n = g_dir_read_name (d));)
    g_ptr_array_add (names, g_strdup (n));
  g_ptr_array_sort (names, cmp_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

Test (cli, tag_jsonl_stdout_and_output_file_are_the_same_bytes)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *file = g_build_filename (dir, "tags.jsonl", NULL);
  g_autofree char *stdout_lines = NULL, *dash_lines = NULL, *file_lines = NULL, *o = NULL, *err = NULL;
  cr_assert_eq (evl_test_run (&stdout_lines, NULL, "tag", "-q", "-f", "jsonl", input, NULL), 0);
  cr_assert_eq (evl_test_run (&dash_lines, NULL, "tag", "-q", "-f", "jsonl", "-o", "-", input, NULL), 0);
  /* an existing file is replaced */
  cr_assert (g_file_set_contents (file, "old\n", -1, NULL));
  cr_assert_eq (evl_test_run (&o, &err, "tag", "-f", "jsonl", "-o", file, input, NULL), 0, "%s", err);
  cr_assert (g_file_get_contents (file, &file_lines, NULL, NULL));
  cr_assert_gt (strlen (stdout_lines), 1000);
  cr_assert_str_eq (dash_lines, stdout_lines, "-o - is standard output");
  cr_assert_str_eq (file_lines, stdout_lines, "-o FILE holds what standard output gets");
  cr_assert_str_eq (o, "", "nothing on standard output with -o FILE");
  cr_assert (strstr (err, "5 documents tagged") && strstr (err, "tags.jsonl"), "summary: %s", err);
  g_autofree char *names = listing (dir);
  cr_assert_str_eq (names, "tags.jsonl", "no temporary left behind");
  /* a folder is not an output file for jsonl */
  g_autofree char *err2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err2, "tag", "-f", "jsonl", "-o", dir, input, NULL), 2);
  cr_assert (strstr (err2, "is a folder") && strstr (err2, "-o"), "%s", err2);
  evl_test_rmtree (dir);
}

typedef struct {
  rlim_t max_file_size;   /* 0: no limit */
  int stdout_fd;          /* -1: keep */
} ChildLimits;

/* g_spawn child setup: writes beyond max_file_size fail with EFBIG (the
 * signal that would kill the process instead is ignored, and exec keeps
 * it ignored); standard output replaced. */
static void
limit_child (gpointer user_data)
{
  const ChildLimits *c = user_data;
  if (c->max_file_size)
    {
      struct rlimit rl = { c->max_file_size, c->max_file_size };
      setrlimit (RLIMIT_FSIZE, &rl);
      signal (SIGXFSZ, SIG_IGN);
    }
  if (c->stdout_fd >= 0)
    dup2 (c->stdout_fd, STDOUT_FILENO);
}

static int
run_limited (char **err, const ChildLimits *limits, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) evl_test_cli ());
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  int status = 0;
  g_autoptr (GError) error = NULL;
  cr_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, limit_child,
                           (gpointer) limits, NULL, err, &status, &error),
             "spawn: %s", error ? error->message : "");
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

Test (cli, tag_jsonl_unwritable_output_exits_1_without_a_partial_file)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  /* a file below a regular file cannot be created, even by root */
  g_autofree char *plain = g_build_filename (dir, "plain-file", NULL);
  cr_assert (g_file_set_contents (plain, "x", -1, NULL));
  g_autofree char *below = g_build_filename (plain, "tags.jsonl", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "tag", "-q", "-f", "jsonl", "-o", below, input, NULL), 1);
  cr_assert (strstr (err, "plain-file/tags.jsonl") && strstr (err, "cannot create"), "%s", err);
  cr_assert_eq (strchr (err, '\n'), strrchr (err, '\n'), "one line: %s", err);

  /* the disk fills up half-way (a 2 KiB file size limit): exit 1, the
   * error names the file, the old file stays as it was and nothing else
   * is left in its folder */
  g_autofree char *file = g_build_filename (dir, "tags.jsonl", NULL);
  cr_assert (g_file_set_contents (file, "old\n", -1, NULL));
  ChildLimits small = { 2048, -1 };
  const char *args[] = { "tag", "-q", "-f", "jsonl", "-o", file, input, NULL };
  g_autofree char *err2 = NULL, *kept = NULL;
  cr_assert_eq (run_limited (&err2, &small, args), 1, "%s", err2);
  cr_assert (strstr (err2, "eventline: ") && strstr (err2, "tags.jsonl: ") && strstr (err2, "too large"),
             "%s", err2);
  cr_assert (g_file_get_contents (file, &kept, NULL, NULL));
  cr_assert_str_eq (kept, "old\n", "the existing file is untouched");
  g_autofree char *names = listing (dir);
  cr_assert_str_eq (names, "plain-file tags.jsonl", "no partial or temporary file");

  /* standard output that cannot take the lines */
  int full = open ("/dev/full", O_WRONLY);
  if (full >= 0)
    {
      ChildLimits to_full = { 0, full };
      const char *args2[] = { "tag", "-q", "-f", "jsonl", input, NULL };
      g_autofree char *err3 = NULL;
      cr_assert_eq (run_limited (&err3, &to_full, args2), 1, "%s", err3);
      cr_assert (strstr (err3, "standard output") && strstr (err3, "write failed"), "%s", err3);
      close (full);
    }
  evl_test_rmtree (dir);
}

Test (cli, tag_help_explains_jsonl)
{
  g_autofree char *out = NULL;
  cr_assert_eq (evl_test_run (&out, NULL, "tag", "--help", NULL), 0);
  cr_assert (strstr (out, "jsonl") && strstr (out, "-o -") && strstr (out, "input order"), "%s", out);
  cr_assert (strstr (out, "eventline tag -f jsonl -o "), "an example: %s", out);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "tag", "-f", "yaml", "input", NULL), 2);
  cr_assert (strstr (err, "jsonl"), "the formats are listed: %s", err);
}

/* JSON Lines on standard input or in a file may exceed --max-size as a
 * whole (a Spark partition is 128 MB, a crawler's dump several GB): the
 * limit bounds each line.  Sizes take K, M, G suffixes. */
typedef struct {
  char from[8];        /* "stdin" or "file" */
  char max_size[16];
} LinesRun;

ParameterizedTestParameters (cli, jsonl_larger_than_max_size)
{
  static LinesRun runs[] = {
    { "stdin", "20000" }, { "file", "20000" }, { "file", "19.5K" }, { "stdin", "0.02M" },
  };
  return cr_make_param_array (LinesRun, runs, G_N_ELEMENTS (runs));
}

ParameterizedTest (LinesRun *r, cli, jsonl_larger_than_max_size)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *in = g_build_filename (dir, "articles.jsonl", NULL);
  GString *s = g_string_new (NULL);
  for (guint i = 1; i <= 400; i++)
    g_string_append_printf (s, "{\"url\": \"https://news.example.org/a/story-%u.html\", \"maintext\": "
                            "\"Leaders met in Geneva on Monday and agreed plan %u. They will meet "
                            "again on Friday, officials said on Tuesday.\"}\n", i, i);
  cr_assert (g_file_set_contents (in, s->str, (gssize) s->len, NULL));
  cr_assert_gt (s->len, 40000);
  g_string_free (s, TRUE);
  g_autofree char *cmd = strcmp (r->from, "stdin") == 0
    ? g_strdup_printf ("exec \"$EVL_CLI\" tag -q -f jsonl --max-size %s - < '%s'", r->max_size, in)
    : g_strdup_printf ("exec \"$EVL_CLI\" tag -q -f jsonl --max-size %s '%s'", r->max_size, in);
  const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
  char *out = NULL, *err = NULL;
  int status = 0;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                           &status, NULL));
  g_autofree char *o = out, *e = err;
  cr_assert (g_spawn_check_wait_status (status, NULL), "%s", e);
  g_auto (GStrv) lines = g_strsplit (o, "\n", -1);
  cr_assert_eq (g_strv_length (lines), 401, "%u lines: %s", g_strv_length (lines), e);
  cr_assert (strstr (lines[399], "\"id\":\"story-400-400\""), "%s", lines[399]);
  evl_test_rmtree (dir);
}

typedef struct {
  char max_size[16];
} BadSize;

ParameterizedTestParameters (cli, max_size_must_be_a_size)
{
  static BadSize bad[] = { { "0" }, { "-5" }, { "12Q" }, { "M" }, { "5MX" }, { "" } };
  return cr_make_param_array (BadSize, bad, G_N_ELEMENTS (bad));
}

ParameterizedTest (BadSize *b, cli, max_size_must_be_a_size)
{
  g_autofree char *arg = g_strdup_printf ("--max-size=%s", b->max_size);
  g_autofree char *err = NULL;
  int code = evl_test_run (NULL, &err, "tag", "-q", arg, "-o", "/dev/null", "input", NULL);
  cr_assert_eq (code, 2, "exit %d for '%s': %s", code, b->max_size, err);
  cr_assert (strstr (err, "--max-size") && strstr (err, "200M"), "%s", err);
}

/* Subfolders are not read, and the user is told so: articles filed in
 * folders by date must not vanish without a word. */
Test (cli, subfolders_are_named_not_read)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  g_autofree char *sub = g_build_filename (in, "2024-01", NULL);
  cr_assert_eq (g_mkdir_with_parents (sub, 0755), 0);
  g_autofree char *a = g_build_filename (in, "a.txt", NULL);
  g_autofree char *b = g_build_filename (sub, "b.txt", NULL);
  cr_assert (g_file_set_contents (a, "Leaders met in Geneva on Monday.\n", -1, NULL));
  cr_assert (g_file_set_contents (b, "Talks ended in Oslo on Friday.\n", -1, NULL));
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *err = NULL;
  int code = evl_test_run (NULL, &err, "build", "--format", "", "--dct", "2024-01-10", "-o", out,
                           in, NULL);
  cr_assert_eq (code, 0, "%s", err);
  cr_assert (strstr (err, "1 subfolder not read") && strstr (err, "2024-01"), "%s", err);
  g_autofree char *json = g_build_filename (out, "events.json", NULL);
  g_autoptr (JsonObject) root = load_root (json);
  cr_assert_eq (json_array_get_length (json_object_get_array_member (root, "documents")), 1);
  /* Output folders inside the input one, this run's and an earlier
   * build's, hold no articles and are not named. */
  g_autofree char *inner1 = g_build_filename (in, "out1", NULL);
  g_autofree char *inner2 = g_build_filename (in, "out2", NULL);
  g_autofree char *err_1 = NULL, *err_2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err_1, "build", "-f", "", "-o", inner1, in, NULL), 0);
  cr_assert (strstr (err_1, "1 subfolder not read") && strstr (err_1, "2024-01/ (a"), "%s", err_1);
  cr_assert_eq (evl_test_run (NULL, &err_2, "build", "-f", "", "-o", inner2, in, NULL), 0);
  cr_assert (strstr (err_2, "1 subfolder not read") && strstr (err_2, "2024-01/ (a"), "%s", err_2);
  /* --quiet: no note. */
  g_autofree char *err_q = NULL;
  cr_assert_eq (evl_test_run (NULL, &err_q, "build", "-q", "--format", "", "-o", out, in, NULL), 0);
  cr_assert_str_eq (err_q, "");
  /* A folder of folders only: the error says what to give instead. */
  g_autofree char *err_s = NULL;
  g_autofree char *only = g_build_filename (dir, "in2", "x", NULL);
  cr_assert_eq (g_mkdir_with_parents (only, 0755), 0);
  g_autofree char *in2 = g_path_get_dirname (only);
  cr_assert_eq (evl_test_run (NULL, &err_s, "build", "-q", "-o", out, in2, NULL), 1);
  cr_assert (strstr (err_s, "only 1 subfolder") && strstr (err_s, "in2/*/"), "%s", err_s);
  cr_assert_null (strstr (err_s, "note:"), "%s", err_s);
  evl_test_rmtree (dir);
}

/* ---- a newcomer's mistakes (cli27) ---- */

/* (transfer full) DIR/NAME holding @text. */
static char *
write_file (const char *dir, const char *name, const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  cr_assert (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static char *
read_text (const char *path)
{
  char *text = NULL;
  cr_assert (g_file_get_contents (path, &text, NULL, NULL), "%s unreadable", path);
  return text;
}

#define ARTICLE "Leaders met in Geneva on Monday. They signed a treaty.\n"

/* Tagging a folder of gold TimeML into itself, or naming an input as the
 * output file, would replace the articles with the system's output. */
Test (cli, an_output_never_replaces_an_input)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *gold = write_file (dir, "a.tml",
                                      "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2024-01-10\" "
                                      "functionInDocument=\"CREATION_TIME\">2024-01-10</TIMEX3></DCT>"
                                      "<TEXT>" ARTICLE "</TEXT></TimeML>\n");
  g_autofree char *txt = write_file (dir, "b.txt", ARTICLE);
  g_autofree char *before = read_text (gold);
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *e4 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "tag", "-q", "-o", dir, dir, NULL), 2, "%s", e1);
  cr_assert (strstr (e1, "would replace the input") && strstr (e1, "a.tml"), "%s", e1);
  cr_assert_eq (evl_test_run (NULL, &e2, "tag", "-q", "-f", "jsonl", "-o", txt, dir, NULL), 2, "%s", e2);
  cr_assert_eq (evl_test_run (NULL, &e3, "extract", "-q", "-o", txt, txt, NULL), 2, "%s", e3);
  cr_assert_eq (evl_test_run (NULL, &e4, "timeline", "-e", "Leaders", "-o", txt, txt, NULL), 2, "%s", e4);
  cr_assert (strstr (e2, "b.txt") && strstr (e3, "b.txt") && strstr (e4, "b.txt"), "%s%s%s", e2, e3, e4);
  g_autofree char *after = read_text (gold);
  g_autofree char *txt_after = read_text (txt);
  cr_assert_str_eq (after, before);
  cr_assert_str_eq (txt_after, ARTICLE);
  /* Another folder is fine. */
  g_autofree char *sys = g_build_filename (dir, "sys", NULL);
  cr_assert_eq (evl_test_run (NULL, NULL, "tag", "-q", "-o", sys, gold, NULL), 0);
  evl_test_rmtree (dir);
}

/* 'build DIR -o DIR' run twice must not read the first run's outputs
 * (report.html as a web page, events.json as an article). */
Test (cli, build_into_the_input_folder_twice)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *a = write_file (dir, "a.txt", ARTICLE);
  (void) a;
  for (int run = 0; run < 2; run++)
    {
      g_autofree char *err = NULL;
      cr_assert_eq (evl_test_run (NULL, &err, "build", "--dct", "2024-01-10", "-f", "svg,dot",
                                  "-e", "csv,jsonl,timelinejs,timeml", "-o", dir, dir, NULL), 0,
                    "run %d: %s", run, err);
      cr_assert (strstr (err, "1 document,"), "run %d: %s", run, err);
      cr_assert_null (strstr (err, "subfolder"), "run %d: timeml/ is build's: %s", run, err);
      g_autofree char *json = g_build_filename (dir, "events.json", NULL);
      g_autoptr (JsonObject) root = load_root (json);
      cr_assert_eq (json_array_get_length (json_object_get_array_member (root, "documents")), 1);
    }
  evl_test_rmtree (dir);
}

/* The same article twice (or as NAME.txt and NAME.tml) is read once, and
 * the note says so without a --graph file to name. */
Test (cli, a_repeated_input_is_named)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *a = write_file (dir, "a.txt", ARTICLE);
  (void) a;
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "--dct", "2024-01-10", "-f", "", "-o", out, a, a,
                              NULL), 0);
  cr_assert_null (strstr (err, "(null)"), "%s", err);
  cr_assert (strstr (err, "1 document skipped") && strstr (err, "'a'"), "%s", err);
  evl_test_rmtree (dir);
}

/* merge runs build's code but is not build: its errors say merge. */
Test (cli, merge_errors_name_merge)
{
  g_autofree char *e1 = NULL, *e2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "merge", "--no-such-option", "x.jsonl", NULL), 2);
  cr_assert_eq (evl_test_run (NULL, &e2, "merge", NULL), 2);
  cr_assert (strstr (e1, "eventline: merge:") && strstr (e1, "eventline merge --help"), "%s", e1);
  cr_assert (strstr (e2, "eventline: merge:") && strstr (e2, "eventline merge --help"), "%s", e2);
  cr_assert_null (strstr (e1, "build"), "%s", e1);
  cr_assert_null (strstr (e2, "build"), "%s", e2);
}

typedef struct {
  char cmd[12];
  char option[16];
  char value[16];
  char says[40];     /* in the message */
  char not_says[16]; /* not in it ("" none) */
} BadValue;

ParameterizedTestParameters (cli, a_bad_value_names_its_option)
{
  static BadValue bad[] = {
    { "build", "--dpi", "0.5", "--dpi 0.5", "--width" },
    { "build", "--dpi", "9999", "--dpi 9999", "--width" },
    { "build", "--width", "300", "--width 300", "--dpi" },
    { "build", "--width", "abc", "eventline: build: ", "" },
    { "build", "-j", "-2", "-j -2", "" },
    { "tag", "-j", "-1", "-j -1", "" },
    { "extract", "-j", "-1", "-j -1", "" },
    { "build", "--dct", "2024", "eventline: build: --dct", "" },
    { "build", "--input-format", "nope", "jsonl", "" },
  };
  return cr_make_param_array (BadValue, bad, G_N_ELEMENTS (bad));
}

ParameterizedTest (BadValue *b, cli, a_bad_value_names_its_option)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *err = NULL;
  int code = evl_test_run (NULL, &err, b->cmd, b->option, b->value, "-o", out, "input", NULL);
  cr_assert_eq (code, 2, "%s %s %s: exit %d: %s", b->cmd, b->option, b->value, code, err);
  cr_assert (strstr (err, b->says), "%s %s: %s", b->option, b->value, err);
  cr_assert (!*b->not_says || !strstr (err, b->not_says), "%s %s: %s", b->option, b->value, err);
  cr_assert_not (g_file_test (out, G_FILE_TEST_EXISTS), "refused before any work");
  evl_test_rmtree (dir);
}

/* -o FILE is written whole or not at all: a failed write keeps the old
 * timeline. */
Test (cli, timeline_output_file_is_replaced_whole)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *out = write_file (dir, "kim.txt", "the old timeline\n");
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  ChildLimits limits = { 64, -1 };
  const char *args[] = { "timeline", "-e", "Kim Jong Un", "-o", out, input, NULL };
  g_autofree char *err = NULL;
  cr_assert_eq (run_limited (&err, &limits, args), 1, "%s", err);
  cr_assert (strstr (err, "kim.txt"), "%s", err);
  g_autofree char *text = read_text (out);
  cr_assert_str_eq (text, "the old timeline\n");
  evl_test_rmtree (dir);
}

/* An entity no event names: a note says so (--quiet: nothing). */
Test (cli, timeline_of_an_unknown_entity_says_so)
{
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *e1 = NULL, *e2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "timeline", "-e", "Nobody Atall", input, NULL), 0);
  cr_assert (strstr (e1, "names 'Nobody Atall'"), "%s", e1);
  cr_assert_eq (evl_test_run (NULL, &e2, "timeline", "-q", "-e", "Nobody Atall", input, NULL), 0);
  cr_assert_str_eq (e2, "");
}

/* Zeros over no gold file or no system file look like scores. */
Test (cli, eval_without_pairs_is_an_error)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *gold = g_build_filename (dir, "gold", NULL);
  g_autofree char *sys = g_build_filename (dir, "sys", NULL);
  g_autofree char *none = g_build_filename (dir, "none", NULL);
  cr_assert_eq (g_mkdir_with_parents (gold, 0755), 0);
  cr_assert_eq (g_mkdir_with_parents (sys, 0755), 0);
  cr_assert_eq (g_mkdir_with_parents (none, 0755), 0);
  g_autofree char *g = write_file (gold, "a.tml", "<TimeML><TEXT>It rained on <TIMEX3 tid=\"t1\" "
                                   "type=\"DATE\" value=\"2024-01-08\">Monday</TIMEX3>.</TEXT></TimeML>\n");
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *e4 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "eval", "timex", gold, sys, NULL), 1);
  cr_assert (strstr (e1, "no file named as a gold file") && strstr (e1, "eventline tag -o"), "%s", e1);
  cr_assert_eq (evl_test_run (NULL, &e2, "eval", "tlinks", gold, sys, NULL), 1);
  cr_assert (strstr (e2, "no file named as a gold file"), "%s", e2);
  cr_assert_eq (evl_test_run (NULL, &e3, "eval", "events", none, sys, NULL), 1);
  cr_assert (strstr (e3, "no gold"), "%s", e3);
  cr_assert_eq (evl_test_run (NULL, &e4, "eval", "timex", gold, g, NULL), 2);
  cr_assert (strstr (e4, "two folders"), "%s", e4);
  /* Paired: exit 0. */
  g_autofree char *s = write_file (sys, "a.tml", "<TimeML><TEXT>It rained on Monday.</TEXT></TimeML>\n");
  (void) s;
  cr_assert_eq (evl_test_run (NULL, NULL, "eval", "timex", gold, sys, NULL), 0);
  evl_test_rmtree (dir);
}

/* --entity naming no one: one line, not one failure per diagram file;
 * --type matching nothing: the story's types are listed. */
Test (cli, diagram_filters_that_match_nothing_say_so)
{
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *e1 = NULL, *e2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "build", "-f", "svg", "--entity", "Nobody Atall", "-o", dir,
                              input, NULL), 1);
  cr_assert (strstr (e1, "--entity 'Nobody Atall'"), "%s", e1);
  cr_assert_null (strstr (e1, ".svg"), "one line, not one per file: %s", e1);
  g_autofree char *e3 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e3, "build", "-f", "svg", "--entity", "vladimir", "-o", dir,
                              input, NULL), 1);
  cr_assert (strstr (e3, "did you mean 'Vladimir Putin'"), "%s", e3);
  cr_assert_eq (evl_test_run (NULL, &e2, "build", "-f", "svg", "--type", "NO_SUCH_TYPE", "-o", dir,
                              input, NULL), 0);
  cr_assert (strstr (e2, "--type NO_SUCH_TYPE") && strstr (e2, "MEETING"), "%s", e2);
  evl_test_rmtree (dir);
}

/* -o naming a file, --graph naming a folder: said before any work. */
Test (cli, output_paths_of_the_wrong_kind)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *file = write_file (dir, "notes.txt", "x\n");
  g_autofree char *e1 = NULL, *e2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "build", "-o", file, "input", NULL), 2);
  cr_assert (strstr (e1, "is a file") && strstr (e1, "output folder"), "%s", e1);
  cr_assert_eq (evl_test_run (NULL, &e2, "build", "--graph", dir, "-o", dir, "input", NULL), 2);
  cr_assert (strstr (e2, "is a folder") && strstr (e2, "story.json"), "%s", e2);
  evl_test_rmtree (dir);
}

/* Every command's help ends with its exit codes; -j says what 0 means;
 * the summary line counts in good English. */
Test (cli, help_of_every_command_gives_exit_codes)
{
  static const char *const cmds[] = { "build", "tag", "eval", "timeline", "extract", "merge" };
  for (guint i = 0; i < G_N_ELEMENTS (cmds); i++)
    {
      g_autofree char *out = NULL;
      cr_assert_eq (evl_test_run (&out, NULL, cmds[i], "--help", NULL), 0);
      cr_assert (strstr (out, "Exit status: 0 success"), "%s --help: %s", cmds[i], out);
    }
  g_autofree char *out = NULL;
  cr_assert_eq (evl_test_run (&out, NULL, "tag", "--help", NULL), 0);
  cr_assert (strstr (out, "0: one per processor"), "%s", out);
  cr_assert (strstr (out, "would\nreplace it, so it is refused"), "%s", out);
  g_autofree char *bout = NULL;
  cr_assert_eq (evl_test_run (&bout, NULL, "build", "--help", NULL), 0);
  cr_assert (strstr (bout, "not read back as articles"), "%s", bout);
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *a = write_file (dir, "a.txt", "Officials said the ship sank on Monday.\n");
  g_autofree char *o = g_build_filename (dir, "out", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-f", "", "--dct", "2024-01-10", "-o", o, a, NULL), 0);
  cr_assert (strstr (err, "1 document, 1 event, "), "%s", err);
  evl_test_rmtree (dir);
}

/* 'eventline help COMMAND' is the command's help; -o naming a folder
 * where a file is wanted is said before any work. */
Test (cli, help_command_and_output_folder_for_a_file)
{
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (evl_test_run (&out, NULL, "help", "timeline", NULL), 0);
  cr_assert (strstr (out, "eventline timeline [OPTION"), "%s", out);
  cr_assert_eq (evl_test_run (NULL, &err, "help", "frobnicate", NULL), 2);
  cr_assert (strstr (err, "unknown command 'frobnicate'"), "%s", err);
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *e1 = NULL, *e2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "extract", "-o", dir, "no-such-input", NULL), 2);
  cr_assert_eq (evl_test_run (NULL, &e2, "timeline", "-e", "X", "-o", dir, "no-such-input", NULL), 2);
  cr_assert (strstr (e1, "is a folder") && strstr (e2, "is a folder"), "%s%s", e1, e2);
  evl_test_rmtree (dir);
}

/* An output folder that takes no file (even for root: /proc) is said
 * once, before the inputs are annotated and before --graph is saved. */
Test (cli, unwritable_output_folder_is_said_before_any_work)
{
  const char *unwritable = "/proc/self/fdinfo";
  if (!g_file_test (unwritable, G_FILE_TEST_IS_DIR))
    cr_skip_test ("no %s here", unwritable);
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *story = g_build_filename (dir, "story.json", NULL);
  g_autofree char *e1 = NULL, *e2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "build", "--graph", story, "-o", unwritable, input, NULL), 1);
  cr_assert (strstr (e1, "cannot write files in this folder"), "%s", e1);
  cr_assert_not (g_file_test (story, G_FILE_TEST_EXISTS), "nothing saved: %s", e1);
  cr_assert_eq (evl_test_run (NULL, &e2, "tag", "-o", unwritable, input, NULL), 1);
  cr_assert_eq (strchr (e2, '\n'), strrchr (e2, '\n'), "one line, not one per document: %s", e2);
  evl_test_rmtree (dir);
}

/* timeline's size limit is --max-size, as its error says, and -j as
 * the other commands'. */
Test (cli, timeline_takes_max_size_and_threads)
{
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *e1 = NULL, *e2 = NULL, *out = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "timeline", "-e", "Kim", "--max-size", "1K", input, NULL), 1);
  cr_assert (strstr (e1, "exceeds the limit"), "%s", e1);
  cr_assert_eq (evl_test_run (NULL, &e2, "timeline", "-e", "Kim", "-j", "-1", input, NULL), 2);
  cr_assert (strstr (e2, "-j -1"), "%s", e2);
  cr_assert_eq (evl_test_run (&out, NULL, "timeline", "-q", "-e", "Kim Jong Un", "-j", "1", input, NULL), 0);
  cr_assert (strstr (out, "Timeline of Kim Jong Un"), "%s", out);
}

/* An empty path (an unset shell variable) is named by its option. */
typedef struct {
  int n;
  char args[4][12];
  char says[12];
} EmptyPath;

ParameterizedTestParameters (cli, an_empty_path_is_named)
{
  static EmptyPath cases[] = {
    { 4, { "build", "-o", "", "x.txt" }, "-o" },
    { 4, { "build", "--graph", "", "x.txt" }, "--graph" },
    { 2, { "build", "" }, "an INPUT" },
    { 4, { "tag", "-o", "", "x.txt" }, "-o" },
    { 4, { "extract", "-o", "", "x.txt" }, "-o" },
    { 4, { "timeline", "-e", "X", "" }, "an INPUT" },
    { 4, { "eval", "timex", "", "sys" }, "an INPUT" },
  };
  return cr_make_param_array (EmptyPath, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (EmptyPath *c, cli, an_empty_path_is_named)
{
  const char *a[5] = { NULL, NULL, NULL, NULL, NULL };
  for (int i = 0; i < c->n; i++)
    a[i] = c->args[i];
  g_autofree char *err = NULL;
  int code = evl_test_run (NULL, &err, a[0], a[1], a[2], a[3], a[4], NULL);
  cr_assert_eq (code, 2, "%s: exit %d: %s", a[0], code, err);
  g_autofree char *want = g_strdup_printf ("%s is an empty path", c->says);
  cr_assert (strstr (err, want), "%s", err);
}

/* Ctrl-C while the progress line is drawn: the line is cleared (the
 * shell's prompt does not land after it) and the run still dies of the
 * signal, exit status 130. */
Test (cli, interrupt_clears_the_progress_line)
{
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  g_autofree char *silver = shared ? g_build_filename (shared, "data", "bench", "silver", NULL) : NULL;
  if (silver == NULL || !g_file_test (silver, G_FILE_TEST_IS_DIR))
    cr_skip_test ("no ../shared/data/bench/silver: a run long enough to interrupt is needed");
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  cr_assert_geq (master, 0);
  cr_assert (grantpt (master) == 0 && unlockpt (master) == 0);
  int slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  cr_assert_geq (slave, 0);
  const char *argv[] = { evl_test_cli (), "build", "-f", "svg", "-o", out, silver, NULL };
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "TERM", "xterm", TRUE);
  GPid pid;
  cr_assert (g_spawn_async_with_fds (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                     &pid, -1, -1, slave, NULL));
  close (slave);
  g_autoptr (GString) tty = g_string_new (NULL);
  gboolean sent = FALSE;
  char buf[4096];
  ssize_t n;
  while ((n = read (master, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    {
      if (n > 0)
        g_string_append_len (tty, buf, n);
      if (!sent && strstr (tty->str, "annotating"))
        sent = kill (pid, SIGINT) == 0;
    }
  close (master);
  int status = 0;
  cr_assert_eq (waitpid (pid, &status, 0), pid);
  cr_assert (sent, "no progress line: %s", tty->str);
  cr_assert (WIFSIGNALED (status) && WTERMSIG (status) == SIGINT, "status %d: %s", status, tty->str);
  cr_assert (g_str_has_suffix (tty->str, "\r\033[K"), "the line is left on the terminal: %s", tty->str);
  evl_test_rmtree (dir);
}

/* Format names as people type them: any case, a space after a comma. */
Test (cli, format_lists_as_people_type_them)
{
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *one = g_build_filename (input, "000_8d3cbbc2162ee46e.txt", NULL);
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *err = NULL, *e2 = NULL, *e3 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-q", "-f", "SVG, dot", "-e", "CSV, timelinejs", "-o",
                              dir, input, NULL), 0, "%s", err);
  static const char *const files[] = { "timeline.svg", "timeline.dot", "events.csv", "timelinejs.json" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *f = g_build_filename (dir, files[i], NULL);
      cr_assert (g_file_test (f, G_FILE_TEST_IS_REGULAR), "%s not written", files[i]);
    }
  cr_assert_eq (evl_test_run (NULL, &e2, "tag", "-f", "JSON", one, NULL), 0, "%s", e2);
  cr_assert_eq (evl_test_run (NULL, &e3, "timeline", "-e", "Kim", "-f", "Json", input, NULL), 0, "%s", e3);
  evl_test_rmtree (dir);
}

/* merge given articles (build's inputs) says which command reads them. */
Test (cli, merge_of_articles_points_to_build)
{
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "merge", "-o", dir, input, NULL), 1);
  cr_assert (strstr (err, "'eventline build'"), "%s", err);
  evl_test_rmtree (dir);
}

/* A --graph story file kept among the articles is not read as one. */
Test (cli, the_story_file_among_the_articles)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *a = write_file (dir, "a.txt", ARTICLE);
  (void) a;
  g_autofree char *story = g_build_filename (dir, "story.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  for (int run = 0; run < 2; run++)
    {
      g_autofree char *err = NULL;
      cr_assert_eq (evl_test_run (NULL, &err, "build", "--dct", "2024-01-10", "-f", "", "--graph", story,
                                  "-o", out, dir, NULL), 0, "run %d: %s", run, err);
      cr_assert_null (strstr (err, "story.json:"), "run %d: %s", run, err);
    }
  evl_test_rmtree (dir);
}

/* --errors' TSV before --json's document would parse as neither. */
Test (cli, eval_json_and_errors_are_one_or_the_other)
{
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "eval", "--json", "--errors", "timex", "gold", "sys", NULL), 2);
  cr_assert (strstr (err, "--json and --errors"), "%s", err);
}

/* Files an earlier build wrote with other formats are named, not left
 * to pass for this run's. */
Test (cli, outputs_of_an_earlier_run_are_named)
{
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL;
  cr_assert_eq (evl_test_run (NULL, &e1, "build", "-f", "svg,dot", "-e", "csv", "-o", dir, input, NULL), 0);
  cr_assert_null (strstr (e1, "earlier run"), "%s", e1);
  cr_assert_eq (evl_test_run (NULL, &e2, "build", "-f", "svg", "-o", dir, input, NULL), 0);
  cr_assert (strstr (e2, "entities.dot, events.csv, relations.dot, timeline.dot of an earlier run"),
             "%s", e2);
  cr_assert_eq (evl_test_run (NULL, &e3, "build", "-q", "-f", "svg", "-o", dir, input, NULL), 0);
  cr_assert_str_eq (e3, "");
  evl_test_rmtree (dir);
}

/* `eventline CMD... < FILE` through the shell: exit status, stderr in *@err. */
static int
run_with_stdin (const char *args, const char *file, char **err)
{
  g_autofree char *cmd = g_strdup_printf ("exec \"$EVL_CLI\" %s < '%s'", args, file);
  const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
  int status = 0;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, err,
                           &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Every piped article was "stdin": the second one added to a graph was
 * skipped as already in it.  The same article piped again still is. */
Test (cli, piped_articles_added_to_a_graph_are_told_apart)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "b.txt", NULL);
  cr_assert (g_file_set_contents (a, "The council met on Monday, March 3, 2025, and approved the budget.\n", -1, NULL));
  cr_assert (g_file_set_contents (b, "The dam opened on Friday, April 4, 2025, after years of delay.\n", -1, NULL));
  g_autofree char *args = g_strdup_printf ("build -q --graph '%s/g.json' -o '%s/out' -f svg -", dir, dir);
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL;
  cr_assert_eq (run_with_stdin (args, a, &e1), 0, "%s", e1);
  cr_assert_eq (run_with_stdin (args, b, &e2), 0, "%s", e2);
  cr_assert_null (strstr (e2, "already in"), "%s", e2);
  g_autofree char *json = g_build_filename (dir, "g.json", NULL);
  {
    g_autoptr (JsonObject) root = load_root (json);
    cr_assert_eq (json_array_get_length (json_object_get_array_member (root, "documents")), 2);
  }
  g_autofree char *args3 = g_strdup_printf ("build --graph '%s/g.json' -o '%s/out' -f svg -", dir, dir);
  cr_assert_eq (run_with_stdin (args3, b, &e3), 0, "%s", e3);
  cr_assert (strstr (e3, "already in"), "the same bytes, the same id: %s", e3);
  evl_test_rmtree (dir);
}

/* merge given an article says what it wants and how to make it. */
Test (cli, merge_of_an_article_says_to_extract_first)
{
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", "004_1a84743fc891a088.txt", NULL);
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *o = g_build_filename (dir, "o", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "merge", "-o", o, input, NULL), 1);
  cr_assert (strstr (err, "004_1a84743fc891a088.txt:1: not a line of 'eventline extract' output"),
             "%s", err);
  cr_assert (strstr (err, "eventline extract ARTICLES"), "%s", err);
  cr_assert_null (strstr (err, "<data>"), "%s", err);
  evl_test_rmtree (dir);
}

/* 'According to state media' tells who reported, not what happened: the
 * entity's timeline lists the arrival, not the attribution (TimeML tags
 * 'according' as a reporting event). */
Test (cli, timeline_leaves_out_according_to)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *doc = g_build_filename (dir, "a.txt", NULL);
  cr_assert (g_file_set_contents (doc,
                                  "According to state media, Marta Velde arrived in Oslo on Monday "
                                  "for talks.\n", -1, NULL));
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (evl_test_run (&out, &err, "timeline", "-q", "-e", "Marta Velde", "-f", "semeval",
                              "--dct", "2024-05-08", doc, NULL), 0, "%s", err);
  cr_assert (strstr (out, "-arrived") != NULL, "the arrival is listed: %s", out);
  cr_assert (strstr (out, "-According") == NULL && strstr (out, "-according") == NULL,
             "the attribution is not: %s", out);
}

/* The libraries meson.build names first (libc, and libstdc++ where
 * libxml2 pulls it in through ICU) are the binary's first DT_NEEDED
 * entries, in that order: ld.so searches them first for every symbol of
 * every relocation at start (EVL_CLI_FIRST_NEEDED: their sonames' stems,
 * empty where the build does not reorder). */
Test (cli, startup_libraries_are_needed_first)
{
  const char *want = g_getenv ("EVL_CLI_FIRST_NEEDED");
  g_autofree char *readelf = g_find_program_in_path ("readelf");
  if (want == NULL || *want == '\0' || readelf == NULL)
    cr_skip ("no reordered libraries in this build, or no readelf");
  const char *argv[] = { readelf, "-d", evl_test_cli (), NULL };
  g_autofree char *out = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                           NULL, &status, &error), "spawn: %s", error ? error->message : "");
  g_auto (GStrv) stems = g_strsplit (want, ",", -1);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint k = 0;
  for (guint i = 0; lines[i] && stems[k]; i++)
    {
      const char *lib = strstr (lines[i], "(NEEDED)");
      if (lib == NULL)
        continue;
      lib = strchr (lib, '[');
      cr_assert_not_null (lib, "%s", lines[i]);
      cr_assert (g_str_has_prefix (lib + 1, stems[k]), "DT_NEEDED entry %u is %s, not %s", k, lib,
                 stems[k]);
      k++;
    }
  cr_assert_null (stems[k], "fewer DT_NEEDED entries than libraries named first");
}
