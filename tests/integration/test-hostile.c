/* Hostile and broken inputs through the CLI (issue 8): each is refused
 * with one stderr line naming the file, exit status 1, and the valid
 * input given alongside is still processed. */
#include "cli-helpers.h"
#include <criterion/parameterized.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

/* Peak RSS figures mean nothing under AddressSanitizer (shadow memory,
 * quarantine, redzones). */
#if defined(__SANITIZE_ADDRESS__)
#define EVL_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EVL_TEST_ASAN 1
#endif
#endif

/* Every test's folder goes, whether it passed or failed (the inputs are
 * up to 50 MB, some chmod 000). */
TestSuite (hostile, .fini = evl_test_tmp_cleanup);

#define GOOD_TEXT "GENEVA, Sept. 13, 2023 - The committee met on Monday and agreed a plan.\n"

static char *
write_file (const char *dir, const char *name, const char *data, gssize len)
{
  char *path = g_build_filename (dir, name, NULL);
  cr_assert (g_file_set_contents (path, data, len, NULL), "cannot write %s", path);
  return path;
}

/* Tags @bad together with a valid file; checks status 1, one error line
 * naming @bad and containing @reason, and the valid document's output. */
static void
check_refused (const char *dir, const char *bad, const char *reason, const char *extra)
{
  g_autofree char *good = write_file (dir, "good.txt", GOOD_TEXT, -1);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  char *err = NULL;
  int code = extra
    ? evl_test_run (NULL, &err, "tag", "--format", "json", extra, "-o", out, bad, good, NULL)
    : evl_test_run (NULL, &err, "tag", "--format", "json", "-o", out, bad, good, NULL);
  g_autofree char *e = err;
  cr_assert_eq (code, 1, "exit %d for %s, stderr: %s", code, bad, e);
  g_autofree char *line = g_strdup_printf ("eventline: %s", bad);
  const char *hit = strstr (e, line);
  cr_assert_not_null (hit, "no error naming %s: %s", bad, e);
  const char *eol = strchr (hit, '\n');
  g_autofree char *first = g_strndup (hit, eol ? (gsize) (eol - hit) : strlen (hit));
  cr_assert_not_null (strstr (first, reason), "reason '%s' not in '%s'", reason, first);
  g_autofree char *good_out = g_build_filename (out, "good.json", NULL);
  cr_assert (g_file_test (good_out, G_FILE_TEST_IS_REGULAR), "valid input not processed: %s", e);
}

typedef struct {
  char name[24];
  char reason[48];
} Case;

static void
make_input (const char *path, const char *kind)
{
  GString *s = g_string_new (NULL);
  if (strcmp (kind, "empty.txt") == 0)
    ;
  else if (strcmp (kind, "binary.bin") == 0)
    for (int i = 0; i < 4096; i++)
      g_string_append_c (s, (char) ((i * 37) & 0xff));
  else if (strcmp (kind, "badutf8.txt") == 0)
    g_string_append (s, "On Monday \xff\xfe the talks \xc3 ended.\n");
  else if (strcmp (kind, "malformed.tml") == 0)
    g_string_append (s, "<TimeML><TEXT>unclosed <EVENT eid=\"e1\">said</TEXT>");
  else if (strcmp (kind, "bomb.tml") == 0)
    {
      g_string_append (s, "<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML [<!ENTITY a0 \"lol\">");
      for (int i = 1; i < 10; i++)
        {
          g_string_append_printf (s, "<!ENTITY a%d \"", i);
          for (int k = 0; k < 10; k++)
            g_string_append_printf (s, "&a%d;", i - 1);
          g_string_append (s, "\">");
        }
      g_string_append (s, "]>\n<TimeML><TEXT>Boom &a9; on Monday.</TEXT></TimeML>\n");
    }
  else if (strcmp (kind, "deep.html") == 0)
    {
      g_string_append (s, "<html><body>");
      for (int i = 0; i < 100000; i++)
        g_string_append (s, "<div>");
      g_string_append (s, "On Monday it rained.");
      for (int i = 0; i < 100000; i++)
        g_string_append (s, "</div>");
      g_string_append (s, "</body></html>");
    }
  cr_assert (g_file_set_contents (path, s->str, (gssize) s->len, NULL));
  g_string_free (s, TRUE);
}

ParameterizedTestParameters (hostile, refused)
{
  static Case cases[] = {
    { "empty.txt", "empty" },
    { "binary.bin", "binary" },
    { "badutf8.txt", "line 1: byte 0xFF is not UTF-8" }, /* rejected, as documented */
    { "malformed.tml", "Premature end" },
    { "bomb.tml", "entity" },                  /* libxml2 refuses the loop */
    { "deep.html", "no article text" },        /* parser depth limit */
  };
  return cr_make_param_array (Case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (Case *c, hostile, refused, .timeout = 120 * EVL_TIMEOUT_SCALE)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, c->name, NULL);
  make_input (bad, c->name);
  check_refused (dir, bad, c->reason, NULL);
}

Test (hostile, missing_file_and_folder, .timeout = 60 * EVL_TIMEOUT_SCALE)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "nope.txt", NULL);
  check_refused (dir, missing, "no such file", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "nodir", "", NULL);
  check_refused (dir, missing_dir, "no such file", NULL);
}

Test (hostile, fifo_is_not_read, .timeout = 60 * EVL_TIMEOUT_SCALE)
{
  /* Root reads chmod 000 files, so an unreadable input is a FIFO: opening
   * it would block forever. */
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.txt", NULL);
  cr_assert_eq (mkfifo (fifo, 0600), 0);
  check_refused (dir, fifo, "not a regular file", NULL);
}

Test (hostile, unreadable_file, .timeout = 60 * EVL_TIMEOUT_SCALE)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *locked = write_file (dir, "locked.txt", GOOD_TEXT, -1);
  cr_assert_eq (g_chmod (locked, 0), 0);
  if (g_access (locked, R_OK) == 0)
    cr_skip_test ("running as root: a chmod 000 file is readable; see fifo_is_not_read");
  check_refused (dir, locked, "ermission", NULL);
}

/* 50 MB of event-dense text on one line, no full stop, no newline. */
static char *
write_big_line (const char *dir)
{
  char *big = g_build_filename (dir, "big.txt", NULL);
  FILE *f = fopen (big, "w");
  cr_assert_not_null (f);
  static const char chunk[] = "the committee met and agreed ";
  for (gsize n = 0; n < 50u * 1000 * 1000; n += sizeof chunk - 1)
    fputs (chunk, f);
  fclose (f);
  return big;
}

Test (hostile, size_limit, .timeout = 120 * EVL_TIMEOUT_SCALE)
{
  /* 50 MB on one line: refused by --max-size before anything is read. */
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *big = write_big_line (dir);
  check_refused (dir, big, "exceeds the limit of 10000000 bytes", "--max-size=10000000");
  evl_test_rmtree (dir);
}

/* The same 50 MB line under the default --max-size (64 MiB), tagged and
 * built: each run's peak resident memory stays under its bound, and its
 * output is complete.
 *
 * tag: the segmenter cuts the runaway sentence every 256 tokens and the
 * paragraph every 4096, so no stage holds per-sentence or per-paragraph
 * work proportional to the file; what remains is linear: about 3.4
 * million events (128 bytes each) and 8.6 million tokens.  The 573 MB
 * TimeML output is streamed to its temporary file (measured peak 0.91 GB,
 * 18 bytes per input byte; 2.43 GB when it was assembled in memory twice).
 *
 * build: one event ("met") with some 1.7 million mentions.  It keeps the
 * first EVL_GRAPH_MENTIONS_PER_DOCUMENT with their quotes and counts the
 * rest ("more_mentions"), so events.json is 1.5 MB instead of 2.5 GB, and
 * all outputs are streamed to their temporaries: the peak is the
 * annotation's and the graph's (measured 1.34 GB; when events.json was a
 * JSON tree and text in memory: 2.1 GB on a 10 MB line, about 10 GB on
 * this one). */
typedef struct {
  char command[8];
  char output[16];      /* in the output folder */
  char tail[16];        /* how the complete file ends */
  guint min_kb;         /* its least size */
  guint bound_kb;       /* peak RSS bound */
} BigRun;

ParameterizedTestParameters (hostile, no_newline_50mb_memory_bounded)
{
  static BigRun runs[] = {
    { "tag", "big.tml", "</TimeML>\n", 500u * 1000, 1536u * 1024 },
    { "build", "events.json", "]\n}\n", 1000, 2048u * 1024 },
  };
  return cr_make_param_array (BigRun, runs, G_N_ELEMENTS (runs));
}

static gboolean
file_ends_with (const char *path, const char *tail)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    return FALSE;
  char buf[16] = "";
  long n = (long) strlen (tail);
  gboolean ok = fseek (f, -n, SEEK_END) == 0 && fread (buf, 1, (size_t) n, f) == (size_t) n
                && memcmp (buf, tail, (size_t) n) == 0;
  fclose (f);
  return ok;
}

ParameterizedTest (BigRun *r, hostile, no_newline_50mb_memory_bounded,
                   .timeout = 900 * EVL_TIMEOUT_SCALE)
{
#ifdef EVL_TEST_ASAN
  cr_skip_test ("peak RSS is not meaningful under AddressSanitizer");
#endif
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *big = write_big_line (dir);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  char *err = NULL;
  int code = evl_test_run (NULL, &err, r->command, "-q", "-j", "1", "-o", out, big, NULL);
  g_autofree char *se = err;
  struct rusage ru;
  cr_assert_eq (getrusage (RUSAGE_CHILDREN, &ru), 0);
  g_autofree char *file = g_build_filename (out, r->output, NULL);
  GStatBuf st;
  gboolean written = g_stat (file, &st) == 0 && st.st_size > (goffset) r->min_kb * 1000
                     && file_ends_with (file, r->tail);
  evl_test_rmtree (dir);
  cr_assert_eq (code, 0, "%s: exit %d: %s", r->command, code, se);
  cr_assert (written, "%s: %s missing, small or cut short", r->command, r->output);
  cr_assert_lt ((unsigned long) ru.ru_maxrss, r->bound_kb,
                "%s on a 50 MB line peaked at %ld kB (bound %u kB)", r->command, ru.ru_maxrss,
                r->bound_kb);
}

/* A corpus is read a batch of files at a time while earlier documents
 * are written (tag, extract), so memory does not grow with the corpus:
 * 400 files of 256 kB each (long words: cheap to annotate) plus a JSONL
 * file of three articles, read in several batches.  Before the inputs were
 * streamed these runs peaked at 132-327 MB (every text held at once; more
 * under MALLOC_PERTURB_); now at 44-79 MB.  Order, names and counts must
 * be those of a one-batch run: document k's line or file is input k's. */
typedef struct {
  char args[3][16];     /* after the command: format, "-o" target kind */
  char command[8];
} StreamRun;

ParameterizedTestParameters (hostile, corpus_streams_in_batches)
{
  static StreamRun runs[] = {
    { { "-f", "jsonl", "file" }, "tag" },
    { { "-f", "timeml", "dir" }, "tag" },
    { { "", "", "file" }, "extract" },
  };
  return cr_make_param_array (StreamRun, runs, G_N_ELEMENTS (runs));
}

/* Under ASan (no RSS bound) a tenth: still three batches. */
#ifdef EVL_TEST_ASAN
#define STREAM_FILES 40
#else
#define STREAM_FILES 400
#endif

ParameterizedTest (StreamRun *r, hostile, corpus_streams_in_batches,
                   .timeout = 300 * EVL_TIMEOUT_SCALE)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  cr_assert_eq (g_mkdir (in, 0755), 0);
  GString *body = g_string_new (NULL);
  while (body->len < (1u << 18))
    g_string_append (body, "Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                           "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.\n");
  for (int i = 0; i < STREAM_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("d%03d.txt", i);
      g_autofree char *text = g_strdup_printf ("Document %d was filed on Monday.\n%s", i, body->str);
      g_free (write_file (in, name, text, -1));
    }
  g_string_free (body, TRUE);
  g_autofree char *fixture = g_build_filename (evl_test_source_root (), "tests", "fixtures",
                                               "jsonl", "articles.jsonl", NULL);
  g_autofree char *jsonl = NULL;
  gsize jlen = 0;
  cr_assert (g_file_get_contents (fixture, &jsonl, &jlen, NULL));
  g_free (write_file (in, "zz.jsonl", jsonl, (gssize) jlen));

  gboolean to_dir = strcmp (r->args[2], "dir") == 0;
  g_autofree char *out = g_build_filename (dir, to_dir ? "out" : "out.jsonl", NULL);
  char *err = NULL;
  int code = r->args[0][0]
    ? evl_test_run (NULL, &err, r->command, "-q", r->args[0], r->args[1], "-o", out, in, NULL)
    : evl_test_run (NULL, &err, r->command, "-q", "-o", out, in, NULL);
  g_autofree char *se = err;
  struct rusage ru;
  cr_assert_eq (getrusage (RUSAGE_CHILDREN, &ru), 0);
  cr_assert_eq (code, 0, "%s: exit %d: %s", r->command, code, se);

  if (to_dir)
    {
      for (int i = 0; i < STREAM_FILES; i++)
        {
          g_autofree char *name = g_strdup_printf ("d%03d.tml", i);
          g_autofree char *file = g_build_filename (out, name, NULL);
          cr_assert (file_ends_with (file, "</TimeML>\n"), "%s missing or cut short", name);
        }
      /* The JSONL file's articles are named by their ids, not zz.tml. */
      g_autofree char *zz = g_build_filename (out, "zz.tml", NULL);
      cr_assert_not (g_file_test (zz, G_FILE_TEST_EXISTS));
      guint n = 0;
      g_autoptr (GDir) d = g_dir_open (out, 0, NULL);
      cr_assert_not_null (d);
      while (g_dir_read_name (d))
        n++;
      cr_assert_eq (n, STREAM_FILES + 3, "%u files", n);
    }
  else
    {
      g_autofree char *text = NULL;
      cr_assert (g_file_get_contents (out, &text, NULL, NULL));
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
      cr_assert_eq (g_strv_length (lines), STREAM_FILES + 3 + 1, "%u lines", g_strv_length (lines));
      for (int i = 0; i < STREAM_FILES + 3; i++)
        {
          g_autoptr (JsonParser) p = json_parser_new ();
          cr_assert (json_parser_load_from_data (p, lines[i], -1, NULL), "line %d is not JSON", i + 1);
          JsonObject *o = json_node_get_object (json_parser_get_root (p));
          const char *path = json_object_get_string_member_with_default (o, "path", "");
          g_autofree char *want = i < STREAM_FILES ? g_strdup_printf ("d%03d.txt", i)
                                                   : g_strdup ("zz.jsonl");
          cr_assert (g_str_has_suffix (path, want), "line %d is %s, not %s", i + 1, path, want);
        }
    }
  evl_test_rmtree (dir);
#ifndef EVL_TEST_ASAN
  cr_assert_lt ((unsigned long) ru.ru_maxrss, 104u * 1024,
                "%s on %d MB peaked at %ld kB: inputs are not streamed", r->command,
                STREAM_FILES / 4, ru.ru_maxrss);
#endif
}

Test (hostile, external_entity_never_read, .timeout = 60 * EVL_TIMEOUT_SCALE)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *secret = write_file (dir, "secret.txt", "TOPSECRET-7f3a", -1);
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
    "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-09-13\" "
    "functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>"
    "<TEXT>Leak &xxe; here on Monday.</TEXT></TimeML>\n", secret);
  g_autofree char *tml = write_file (dir, "xxe.tml", xml, -1);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  char *o = NULL, *e = NULL;
  evl_test_run (&o, &e, "tag", "--format", "json", "-o", out, tml, NULL);
  g_autofree char *so = o, *se = e;
  cr_assert_null (strstr (so, "TOPSECRET"));
  cr_assert_null (strstr (se, "TOPSECRET"));
  g_autofree char *res = g_build_filename (out, "xxe.json", NULL);
  g_autofree char *text = NULL;
  if (g_file_get_contents (res, &text, NULL, NULL))
    cr_assert_null (strstr (text, "TOPSECRET"), "external entity resolved");
}

Test (hostile, unwritable_output, .timeout = 60 * EVL_TIMEOUT_SCALE)
{
  /* A regular file where the output folder should be (root ignores
   * permission bits, not ENOTDIR). */
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *good = write_file (dir, "good.txt", GOOD_TEXT, -1);
  g_autofree char *out = g_build_filename (good, "sub", NULL);
  char *e = NULL;
  int code = evl_test_run (NULL, &e, "tag", "--format", "json", "-o", out, good, NULL);
  g_autofree char *se = e;
  cr_assert_eq (code, 1, "exit %d: %s", code, se);
  cr_assert_not_null (strstr (se, out), "error does not name %s: %s", out, se);
}

Test (hostile, failed_run_keeps_previous_output, .timeout = 300 * EVL_TIMEOUT_SCALE)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *good = write_file (dir, "good.txt", GOOD_TEXT, -1);
  g_autofree char *empty = write_file (dir, "empty.txt", "", 0);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "-q", "-f", "dot", "-o", out, good, NULL), 0);
  g_autofree char *events = g_build_filename (out, "events.json", NULL);
  g_autofree char *before = NULL;
  cr_assert (g_file_get_contents (events, &before, NULL, NULL));
  int code = evl_test_run (NULL, NULL, "build", "-q", "-f", "dot", "-o", out, empty, NULL);
  cr_assert_eq (code, 1);
  g_autofree char *after = NULL;
  cr_assert (g_file_get_contents (events, &after, NULL, NULL));
  cr_assert_str_eq (after, before, "a failed run changed events.json");
  GDir *d = g_dir_open (out, 0, NULL);
  cr_assert_not_null (d);
  for (const char *n; (n = g_dir_read_name (d)); )
    cr_expect (n[0] != '.' && !strstr (n, "tmp") && !strstr (n, "XXXXXX"),
               "temporary file left behind: %s", n);
  g_dir_close (d);
}

Test (hostile, injection_is_literal, .timeout = 300 * EVL_TIMEOUT_SCALE)
{
  g_autofree char *dir = evl_test_tmpdir ();
  g_autofree char *txt = write_file (dir, "inject.txt",
    "GENEVA, Sept. 13, 2023 - Minister \"<script>alert(1)</script>\" Brown and "
    "<<B>Acme</B>> Corp met on Monday in Geneva.  Brown said on Tuesday that "
    "\"<script>alert(1)</script>\" Brown would visit Acme.\n", -1);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  char *e = NULL;
  int code = evl_test_run (NULL, &e, "build", "-q", "-f", "dot,svg", "-o", out, txt, NULL);
  g_autofree char *se = e;
  cr_assert_eq (code, 0, "build failed: %s", se);
  GDir *d = g_dir_open (out, 0, NULL);
  cr_assert_not_null (d);
  guint n_checked = 0;
  for (const char *n; (n = g_dir_read_name (d)); )
    {
      if (!g_str_has_suffix (n, ".svg") && !g_str_has_suffix (n, ".html"))
        continue;
      g_autofree char *p = g_build_filename (out, n, NULL);
      g_autofree char *text = NULL;
      cr_assert (g_file_get_contents (p, &text, NULL, NULL));
      cr_expect_null (strstr (text, "<script>alert"), "%s: markup from the input is live", n);
      cr_expect_null (strstr (text, "<B>Acme"), "%s: markup from the input is live", n);
      n_checked++;
    }
  g_dir_close (d);
  cr_assert_gt (n_checked, 0, "no SVG/HTML output to check");
  g_autofree char *events = g_build_filename (out, "events.json", NULL);
  g_autofree char *json = NULL;
  cr_assert (g_file_get_contents (events, &json, NULL, NULL));
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "events.json is not JSON");
}
