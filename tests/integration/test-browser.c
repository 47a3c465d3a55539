/* report.html in a real browser: headless Chromium loads the report built
 * from input/, its rendered DOM must hold every event of events.json, and
 * a screenshot of it must not be blank.  Skipped when Chromium is not
 * installed (CI installs Debian's chromium package); EVL_CHROMIUM may name
 * the browser binary. */
#include "cli-helpers.h"

#include <string.h>

TestSuite (browser, .timeout = 300 * EVL_TIMEOUT_SCALE, .fini = evl_test_tmp_cleanup);

static char *
find_chromium (void)
{
  static const char *const names[] = { "chromium", "chromium-browser" };
  /* EVL_CHROMIUM names another browser binary; set empty, it forces the skip. */
  const char *env = g_getenv ("EVL_CHROMIUM");
  if (env)
    return *env ? g_strdup (env) : NULL;
  if (g_file_test ("/usr/bin/chromium", G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup ("/usr/bin/chromium");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *p = g_find_program_in_path (names[i]);
      if (p)
        return p;
    }
  return NULL;
}

/* Runs Chromium headless on @url with @extra; stdout is returned.  The
 * run is bounded by timeout(1) so a hung browser fails the test instead
 * of stalling CI. */
static char *
chromium (const char *browser, const char *profile, const char *extra1, const char *extra2,
          const char *url)
{
  g_autofree char *timeout = g_find_program_in_path ("timeout");
  g_autofree char *user_dir = g_strconcat ("--user-data-dir=", profile, NULL);
  GPtrArray *argv = g_ptr_array_new ();
  if (timeout)
    {
      g_ptr_array_add (argv, timeout);
      g_ptr_array_add (argv, (gpointer) "-k");
      g_ptr_array_add (argv, (gpointer) "5");
      g_ptr_array_add (argv, (gpointer) "90");
    }
  const char *fixed[] = { browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                          "--no-first-run", "--disable-background-networking",
                          "--disable-component-update", "--disable-sync", user_dir };
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (argv, (gpointer) fixed[i]);
  if (extra1)
    g_ptr_array_add (argv, (gpointer) extra1);
  if (extra2)
    g_ptr_array_add (argv, (gpointer) extra2);
  g_ptr_array_add (argv, (gpointer) url);
  g_ptr_array_add (argv, NULL);
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  GError *error = NULL;
  gboolean ok = g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                              &out, &err, &status, &error);
  g_ptr_array_free (argv, TRUE);
  cr_assert (ok, "cannot run %s: %s", browser, error ? error->message : "");
  cr_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0,
             "%s failed (status %d; 124 = timed out): %s", browser, status, err);
  return out;
}

/* Text as Chromium's DOM serialiser writes it. */
static char *
dom_escape (const char *s)
{
  GString *o = g_string_new (NULL);
  for (; *s; s++)
    switch (*s)
      {
      case '&': g_string_append (o, "&amp;"); break;
      case '<': g_string_append (o, "&lt;"); break;
      case '>': g_string_append (o, "&gt;"); break;
      default: g_string_append_c (o, *s);
      }
  return g_string_free (o, FALSE);
}

typedef struct {
  char *browser;
  char *tmp;
  char *out;
  char *profile;
} Fixture;

static void
setup_report (Fixture *f)
{
  f->browser = find_chromium ();
  if (f->browser == NULL)
    cr_skip_test ("Chromium not found (/usr/bin/chromium or chromium in PATH): "
                  "install Debian's chromium package to run the browser test");
  f->tmp = evl_test_tmpdir ();
  f->out = g_build_filename (f->tmp, "out", NULL);
  f->profile = g_build_filename (f->tmp, "profile", NULL);
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *err = NULL;
  int code = evl_test_run (NULL, &err, "build", "-q", "-f", "svg", input, "-o", f->out, NULL);
  cr_assert_eq (code, 0, "build failed: %s", err);
}

static void
teardown_report (Fixture *f)
{
  if (f->tmp)
    evl_test_rmtree (f->tmp);
  g_free (f->browser);
  g_free (f->tmp);
  g_free (f->out);
  g_free (f->profile);
}

static char *
file_url (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *url = g_filename_to_uri (path, NULL, NULL);
  cr_assert_not_null (url);
  return url;
}

Test (browser, rendered_dom_holds_every_event)
{
  Fixture f = { 0 };
  setup_report (&f);
  g_autofree char *url = file_url (f.out, "report.html");
  g_autofree char *dom = chromium (f.browser, f.profile, "--dump-dom", NULL, url);
  cr_assert (dom && strstr (dom, "<body"), "no DOM dumped");

  g_autofree char *json = g_build_filename (f.out, "events.json", NULL);
  JsonObject *root = NULL;
  g_autoptr (JsonParser) p = evl_test_load_json (json, &root);
  (void) p;  /* owns root; clang -Wunused-variable */
  JsonArray *events = json_object_get_array_member (root, "events");
  cr_assert_gt (json_array_get_length (events), 0, "no events to look for");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *ev = json_array_get_object_element (events, i);
      const char *id = json_object_get_string_member (ev, "id");
      g_autofree char *attr = g_strdup_printf ("id=\"%s\"", id);
      cr_assert (strstr (dom, attr), "event %s has no row in the rendered page", id);
      const char *summary = json_object_get_string_member (ev, "summary");
      g_autofree char *text = dom_escape (summary);
      cr_assert (strstr (dom, text), "summary of %s ('%s') not rendered", id, summary);
    }
  /* Both diagrams made it into the live DOM as SVG, and nothing active. */
  guint svgs = 0;
  for (const char *s = dom; (s = strstr (s, "<svg")); s++)
    svgs++;
  cr_assert_eq (svgs, 2, "%u <svg> elements in the rendered page", svgs);
  cr_assert_null (strstr (dom, "<script"), "a <script> in the rendered page");
  teardown_report (&f);
}

static gsize
png_size (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  cr_assert (g_file_get_contents (path, &data, &len, NULL), "no screenshot at %s", path);
  cr_assert (len > 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0, "%s is not a PNG", path);
  return len;
}

Test (browser, screenshot_is_not_blank)
{
  Fixture f = { 0 };
  setup_report (&f);
  /* The same window on an empty page gives the size of a blank PNG. */
  g_autofree char *blank = g_build_filename (f.tmp, "blank.html", NULL);
  cr_assert (g_file_set_contents (blank, "<!DOCTYPE html><title>blank</title>", -1, NULL));
  g_autofree char *blank_url = file_url (f.tmp, "blank.html");
  g_autofree char *blank_png = g_build_filename (f.tmp, "blank.png", NULL);
  g_autofree char *blank_arg = g_strconcat ("--screenshot=", blank_png, NULL);
  g_free (chromium (f.browser, f.profile, blank_arg, "--window-size=1280,2000", blank_url));

  g_autofree char *url = file_url (f.out, "report.html");
  g_autofree char *shot = g_build_filename (f.tmp, "shot.png", NULL);
  g_autofree char *shot_arg = g_strconcat ("--screenshot=", shot, NULL);
  g_free (chromium (f.browser, f.profile, shot_arg, "--window-size=1280,2000", url));

  gsize empty = png_size (blank_png), full = png_size (shot);
  cr_assert_gt (full, 20000, "screenshot only %zu bytes", full);
  cr_assert_gt (full, 4 * empty, "screenshot (%zu bytes) looks blank (empty page: %zu)", full,
                empty);
  teardown_report (&f);
}
