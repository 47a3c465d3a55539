/* Helpers for tests that drive the eventline binary. */
#pragma once

#include <criterion/criterion.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#ifdef __linux__
#include <signal.h>
#include <sys/prctl.h>
#endif

#include "../tmp-helpers.h"

static inline const char *
evl_test_cli (void)
{
  const char *cli = g_getenv ("EVL_CLI");
  cr_assert_not_null (cli, "EVL_CLI must point at the eventline binary (run through meson test)");
  return cli;
}

static inline const char *
evl_test_source_root (void)
{
  const char *root = g_getenv ("EVL_SOURCE_ROOT");
  cr_assert_not_null (root, "EVL_SOURCE_ROOT must be set (run through meson test)");
  return root;
}

/* In the child: dies with the test.  A suite that times out is killed,
 * and a slow eventline it started would otherwise run on for minutes,
 * loading the machine for every suite after it. */
static inline void
evl_test_child_setup (gpointer data)
{
  (void) data;
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
}

/* Runs eventline with the NULL-terminated arguments; returns the exit
 * status; out and err (may be NULL) receive stdout/stderr. */
static inline int
evl_test_run (char **out, char **err, ...)
{
  GPtrArray *argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) evl_test_cli ());
  va_list ap;
  va_start (ap, err);
  for (const char *a = va_arg (ap, const char *); a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  char *o = NULL, *e = NULL;
  int status = 0;
  GError *error = NULL;
  gboolean ok = g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, evl_test_child_setup, NULL,
                              &o, &e, &status, &error);
  g_ptr_array_free (argv, TRUE);
  cr_assert (ok, "spawn failed: %s", error ? error->message : "");
  int code = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
  if (out) *out = o; else g_free (o);
  if (err) *err = e; else g_free (e);
  return code;
}

/* A new folder under $TMPDIR, removed by the suite's .fini
 * (evl_test_tmp_cleanup) if the test does not remove it first. */
static inline char *
evl_test_tmpdir (void)
{
  return evl_test_tmp_make ("evl-test-XXXXXX");
}

/* Parses a JSON file; the parser owns the tree. */
static inline JsonParser *
evl_test_load_json (const char *path, JsonObject **root)
{
  JsonParser *p = json_parser_new ();
  GError *error = NULL;
  cr_assert (json_parser_load_from_file (p, path, &error), "%s: %s", path,
             error ? error->message : "");
  JsonNode *n = json_parser_get_root (p);
  cr_assert (JSON_NODE_HOLDS_OBJECT (n), "%s: root is not an object", path);
  *root = json_node_get_object (n);
  return p;
}
