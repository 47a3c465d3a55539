/* A yearless dateline ('PORTO LENTO, March 4 (AP) -') dated from the other
 * articles of the set: build, merge and timeline; never without dated
 * others, never against the weekday. */
#include "cli-helpers.h"

#include <string.h>
#include <sys/wait.h>

TestSuite (dateline, .timeout = 120 * EVL_TIMEOUT_SCALE, .fini = evl_test_tmp_cleanup);

static char *
fixture (const char *name)
{
  return g_build_filename (evl_test_source_root (), "tests", "fixtures", "yearless", name, NULL);
}

/* A folder with copies of the fixtures @names (NULL-terminated). */
static char *
set_of (const char *first, ...)
{
  char *dir = evl_test_tmpdir ();
  va_list ap;
  va_start (ap, first);
  for (const char *n = first; n; n = va_arg (ap, const char *))
    {
      g_autofree char *src = fixture (n), *dst = g_build_filename (dir, n, NULL);
      g_autofree char *text = NULL;
      cr_assert (g_file_get_contents (src, &text, NULL, NULL), "%s", src);
      cr_assert (g_file_set_contents (dst, text, -1, NULL));
    }
  va_end (ap);
  return dir;
}

/* Writes a.txt into @dir: the fixture's with @from replaced by @to. */
static void
write_a_with (const char *dir, const char *from, const char *to)
{
  g_autofree char *src = fixture ("a.txt"), *dst = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *text = NULL;
  cr_assert (g_file_get_contents (src, &text, NULL, NULL));
  g_auto (GStrv) parts = g_strsplit (text, from, 2);
  cr_assert_not_null (parts[1], "'%s' is in the fixture", from);
  g_autofree char *changed = g_strconcat (parts[0], to, parts[1], NULL);
  cr_assert (g_file_set_contents (dst, changed, -1, NULL));
}

/* events.json of @out: document @id's dct ("" when none) and source, and
 * how many events it reports and how many of those are dated. */
static void
doc_summary (const char *out, const char *id, char **dct, char **source, guint *n_events,
             guint *n_dated)
{
  g_autofree char *path = g_build_filename (out, "events.json", NULL);
  JsonObject *root;
  g_autoptr (JsonParser) p = evl_test_load_json (path, &root);
  (void) p;   /* owns @root until the function returns */
  JsonArray *docs = json_object_get_array_member (root, "documents");
  *dct = NULL;
  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      JsonObject *d = json_array_get_object_element (docs, i);
      if (strcmp (json_object_get_string_member (d, "id"), id) != 0)
        continue;
      const char *v = json_object_get_string_member_with_default (d, "dct", NULL);
      *dct = g_strdup (v ? v : "");
      *source = g_strdup (json_object_get_string_member (d, "dct_source"));
    }
  cr_assert_not_null (*dct, "document %s is in %s", id, path);
  *n_events = *n_dated = 0;
  JsonArray *events = json_object_get_array_member (root, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);
      JsonArray *ms = json_object_get_array_member (e, "mentions");
      gboolean mine = FALSE;
      for (guint k = 0; k < json_array_get_length (ms); k++)
        mine |= strcmp (json_object_get_string_member (json_array_get_object_element (ms, k), "doc"), id) == 0;
      if (!mine)
        continue;
      (*n_events)++;
      JsonNode *t = json_object_get_member (e, "time");
      *n_dated += t && JSON_NODE_HOLDS_OBJECT (t)
        && json_object_get_string_member_with_default (json_node_get_object (t), "value", NULL);
    }
}

static char *
read_events (const char *out)
{
  g_autofree char *path = g_build_filename (out, "events.json", NULL);
  char *text = NULL;
  cr_assert (g_file_get_contents (path, &text, NULL, NULL), "%s", path);
  return text;
}

Test (dateline, build_takes_the_year_of_the_other_articles)
{
  g_autofree char *set = set_of ("a.txt", "b.txt", "c.txt", NULL);
  g_autofree char *o1 = g_build_filename (set, "out1", NULL), *o2 = g_build_filename (set, "out2", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-j", "1", "-f", "dot", "-o", o1, set, NULL), 0, "%s", err);
  cr_assert (strstr (err, "a.txt: dateline 'March 4' dated 2025-03-04 from the other articles") != NULL,
             "the note names the article, its dateline and the day: %s", err);
  cr_assert (strstr (err, "no publication date") == NULL, "every article is dated now: %s", err);
  g_autofree char *dct = NULL, *source = NULL;
  guint n, dated;
  doc_summary (o1, "a", &dct, &source, &n, &dated);
  cr_assert_str_eq (dct, "2025-03-04");
  cr_assert_str_eq (source, "guessed", "events.json says the date was not given");
  /* Undated, the article kept one event and dated none. */
  cr_assert (n >= 3 && dated == n, "the article's events are kept and dated: %u of %u", dated, n);

  g_autofree char *err2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err2, "build", "-j", "2", "-f", "dot", "-o", o2, set, NULL), 0, "%s", err2);
  g_autofree char *j1 = read_events (o1), *j2 = read_events (o2);
  cr_assert_str_eq (j1, j2, "-j 1 and -j 2 give the same events.json");
  g_auto (GStrv) l1 = g_strsplit (err, "\n", 2), l2 = g_strsplit (err2, "\n", 2);
  cr_assert_str_eq (l1[0], l2[0], "the same note");
}

Test (dateline, inferred_date_equals_the_same_date_given)
{
  g_autofree char *set = set_of ("a.txt", "b.txt", "c.txt", NULL);
  g_autofree char *given = set_of ("a.txt", "b.txt", "c.txt", NULL);
  g_autofree char *manifest = g_build_filename (given, "eventline.json", NULL);
  cr_assert (g_file_set_contents (manifest, "{\"documents\": {\"a.txt\": {\"dct\": \"2025-03-04\"}}}", -1, NULL));
  g_autofree char *o1 = g_build_filename (set, "out", NULL), *o2 = g_build_filename (given, "out", NULL);
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "-q", "-f", "dot", "-o", o1, set, NULL), 0);
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "-q", "-f", "dot", "-o", o2, given, NULL), 0);
  g_autofree char *d1 = NULL, *s1 = NULL, *d2 = NULL, *s2 = NULL;
  guint n1, dated1, n2, dated2;
  doc_summary (o1, "a", &d1, &s1, &n1, &dated1);
  doc_summary (o2, "a", &d2, &s2, &n2, &dated2);
  cr_assert_str_eq (d1, d2);
  cr_assert (n1 == n2 && dated1 == dated2, "annotated again in full: %u/%u events, %u/%u dated",
             n1, n2, dated1, dated2);
}

Test (dateline, never_guessed_without_a_dated_article)
{
  g_autofree char *set = set_of ("a.txt", NULL);
  g_autofree char *out = g_build_filename (set, "out", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-f", "dot", "-o", out, set, NULL), 0, "%s", err);
  cr_assert (strstr (err, "dateline") == NULL && strstr (err, "no publication date for 1 of 1") != NULL,
             "%s", err);
  g_autofree char *dct = NULL, *source = NULL;
  guint n, dated;
  doc_summary (out, "a", &dct, &source, &n, &dated);
  cr_assert_str_eq (dct, "");
  cr_assert_str_eq (source, "none");
}

Test (dateline, a_weekday_that_does_not_fit_stops_the_guess)
{
  /* 2025-03-04 is a Tuesday. */
  g_autofree char *set = set_of ("b.txt", "c.txt", NULL);
  write_a_with (set, "PORTO LENTO, March 4", "PORTO LENTO, Friday, March 4");
  g_autofree char *out = g_build_filename (set, "out", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-f", "dot", "-o", out, set, NULL), 0, "%s", err);
  cr_assert (strstr (err, "left undated") != NULL && strstr (err, "Friday") != NULL, "%s", err);
  g_autofree char *dct = NULL, *source = NULL;
  guint n, dated;
  doc_summary (out, "a", &dct, &source, &n, &dated);
  cr_assert_str_eq (dct, "");

  /* The lede's weekday: the day itself or the day before fits. */
  write_a_with (set, "on Tuesday recovered", "on Friday recovered");
  g_autofree char *err2 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err2, "build", "-f", "dot", "-o", out, set, NULL), 0);
  cr_assert (strstr (err2, "left undated") != NULL, "%s", err2);
  write_a_with (set, "on Tuesday recovered", "on Monday recovered");
  g_autofree char *err3 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err3, "build", "-f", "dot", "-o", out, set, NULL), 0);
  cr_assert (strstr (err3, "dated 2025-03-04") != NULL, "%s", err3);
  write_a_with (set, "PORTO LENTO, March 4", "PORTO LENTO, Tuesday, March 4");
  g_autofree char *err4 = NULL;
  cr_assert_eq (evl_test_run (NULL, &err4, "build", "-f", "dot", "-o", out, set, NULL), 0);
  cr_assert (strstr (err4, "dated 2025-03-04") != NULL, "%s", err4);
}

Test (dateline, the_nearest_year_across_new_year)
{
  g_autofree char *set = evl_test_tmpdir ();
  g_autofree char *a = g_build_filename (set, "a.txt", NULL), *b = g_build_filename (set, "b.txt", NULL);
  cr_assert (g_file_set_contents (a, "HARBOUR CITY, December 30 (AP) - Firefighters on Monday put out a "
                                  "blaze that destroyed a warehouse at the port, officials said.\n", -1, NULL));
  cr_assert (g_file_set_contents (b, "HARBOUR CITY, January 2, 2025 (Reuters) - Police charged a night "
                                  "guard on Thursday over the warehouse fire at the port.\n", -1, NULL));
  g_autofree char *out = g_build_filename (set, "out", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-f", "dot", "-o", out, set, NULL), 0, "%s", err);
  cr_assert (strstr (err, "dated 2024-12-30") != NULL, "%s", err);
}

Test (dateline, running_text_is_no_dateline)
{
  g_autofree char *set = set_of ("b.txt", NULL);
  g_autofree char *a = g_build_filename (set, "a.txt", NULL);
  cr_assert (g_file_set_contents (a, "On March 4 investigators recovered the flight recorders, "
                                  "the ministry said.\n", -1, NULL));
  g_autofree char *out = g_build_filename (set, "out", NULL);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "build", "-f", "dot", "-o", out, set, NULL), 0, "%s", err);
  cr_assert (strstr (err, "dateline") == NULL, "%s", err);
}

Test (dateline, merge_and_timeline_date_it_too)
{
  g_autofree char *set = set_of ("a.txt", "b.txt", "c.txt", NULL);
  g_autofree char *shard = g_build_filename (set, "shard.jsonl", NULL);
  g_autofree char *m = g_build_filename (set, "merged", NULL), *b = g_build_filename (set, "built", NULL);
  g_autofree char *in = g_build_filename (set, "in", NULL);
  cr_assert_eq (g_mkdir (in, 0755), 0);
  for (const char *n = "a.txt"; n; n = n[0] == 'a' ? "b.txt" : n[0] == 'b' ? "c.txt" : NULL)
    {
      g_autofree char *from = g_build_filename (set, n, NULL), *to = g_build_filename (in, n, NULL);
      cr_assert_eq (g_rename (from, to), 0);
    }
  cr_assert_eq (evl_test_run (NULL, NULL, "extract", "-q", "-o", shard, in, NULL), 0);
  g_autofree char *err = NULL;
  cr_assert_eq (evl_test_run (NULL, &err, "merge", "-f", "dot", "-o", m, shard, NULL), 0);
  cr_assert (strstr (err, "dated 2025-03-04") != NULL, "%s", err);
  cr_assert_eq (evl_test_run (NULL, NULL, "build", "-q", "-f", "dot", "-o", b, in, NULL), 0);
  g_autofree char *jm = read_events (m), *jb = read_events (b);
  cr_assert_str_eq (jm, jb, "extract | merge gives build's events.json");

  g_autofree char *out = NULL, *err2 = NULL;
  cr_assert_eq (evl_test_run (&out, &err2, "timeline", "-e", "Porto Lento", in, NULL), 0);
  cr_assert (strstr (err2, "dated 2025-03-04") != NULL, "%s", err2);

  g_autofree char *help = NULL;
  cr_assert_eq (evl_test_run (&help, NULL, "tag", "--help", NULL), 0);
  cr_assert (strstr (help, "yearless") != NULL, "tag says it does not date them: %s", help);
}
