/* JSON Lines loader: one news article per line, with the field names of
 * news-please (https://github.com/fhamborg/news-please):
 *
 *   {"title": ..., "maintext": ..., "date_publish": "2023-09-14 08:00:00",
 *    "url": ..., "source_domain": ..., "description": ..., ...}
 *
 * Text: maintext, else "text", else description; the title (when the text
 * does not already start with it) leads the text as its own paragraph, as
 * in the plain-text inputs.  DCT: date_publish (else "date", "published",
 * "datePublished") as METADATA; date_download is the crawl date, never the
 * publication date, and is ignored.
 *
 * Id: "<slug>-<line>", the slug taken from the URL's last path segment
 * (else source_domain, else the file name), so ids are deterministic and
 * unique within a file: line 3 of a file whose url ends in
 * /world/putin-kim-summit.html is "putin-kim-summit-3".  Standard input
 * has no file name: its slug is "stdin-" and a short hash of the input
 * (of the article when read a line at a time), so another piped input
 * gets other ids.
 *
 * A whole input that is one pretty-printed article object (news-please's
 * per-article .json files; id = the file name's stem) or an array of
 * articles (ids as for lines, numbered from 1) is read too.
 *
 * Errors: blank lines are skipped.  A line that is not a JSON object, nests
 * deeper than 64 levels, has no text or holds invalid UTF-8 does not stop
 * the others; after the whole input, the error names the first bad line
 * ("NAME:LINE: ...") and counts the rest. */
#include "source-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define JSON_MAX_DEPTH 64
#define SLUG_MAX 48

static const char *
get_string (JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member (o, key);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  const char *s = json_node_get_string (n);
  return s && *s ? s : NULL;
}

static const char *
first_string (JsonObject *o, const char *const *keys)
{
  for (guint i = 0; keys[i]; i++)
    {
      const char *s = get_string (o, keys[i]);
      if (s)
        return s;
    }
  return NULL;
}

/* Lower-case ASCII letters and digits of @s[0..len), other runs -> '-'. */
static void
append_slug (GString *out, const char *s, gsize len)
{
  gboolean dash = FALSE;
  for (gsize i = 0; i < len && out->len < SLUG_MAX; i++)
    {
      if (g_ascii_isalnum (s[i]))
        {
          if (dash && out->len)
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_c (out, g_ascii_tolower (s[i]));
        }
      else
        dash = TRUE;
    }
}

static char *
make_id (const char *url, const char *domain, const char *name, guint line, const GString *text)
{
  g_autoptr (GString) slug = g_string_new (NULL);
  if (url)
    {
      /* last non-empty path segment, without query, fragment, extension */
      const char *s = strstr (url, "://");
      s = s ? s + 3 : url;
      gsize n = strcspn (s, "?#");
      const char *path = memchr (s, '/', n);
      if (path)
        {
          const char *end = s + n;
          while (end > path && end[-1] == '/')
            end--;
          const char *seg = end;
          while (seg > path && seg[-1] != '/')
            seg--;
          const char *dot = NULL;
          for (const char *p = seg; p < end; p++)
            if (*p == '.')
              dot = p;
          if (dot && end - dot <= 5)
            end = dot;
          append_slug (slug, seg, (gsize) (end - seg));
        }
    }
  if (slug->len == 0 && domain)
    append_slug (slug, domain, strlen (domain));
  if (slug->len == 0)
    {
      g_autofree char *stem = evl_source_name_stem (name);
      append_slug (slug, stem, strlen (stem));
      /* Standard input read a line at a time (whole, it is named by a
       * hash of its bytes already): "stdin-<line>" would be the same id
       * for another piped article, which a graph would skip as held. */
      if (strcmp (name, "stdin") == 0)
        {
          g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA1,
                                                              (const guchar *) text->str, text->len);
          g_string_append_printf (slug, "-%.8s", sum);
        }
    }
  if (slug->len == 0)
    g_string_append (slug, "doc");
  return g_strdup_printf ("%s-%u", slug->str, line);
}

/* One article object -> a document with id @id (or "<slug>-<@lineno>"). */
static EvlDocument *
article_new (const char *name, guint lineno, const char *id_or_null, JsonNode *root, GError **error)
{
  static const char *const text_keys[] = { "maintext", "text", "description", NULL };
  static const char *const date_keys[] = { "date_publish", "date", "published", "datePublished", NULL };
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      evl_fail (error, EVL_ERROR_PARSE, "expected a JSON object per article");
      return NULL;
    }
  JsonObject *o = json_node_get_object (root);
  const char *body = first_string (o, text_keys);
  if (body == NULL)
    {
      evl_fail (error, EVL_ERROR_PARSE, "no \"maintext\", \"text\" or \"description\"");
      return NULL;
    }
  const char *title = get_string (o, "title");
  const char *url = get_string (o, "url");
  g_autoptr (GString) text = g_string_new (NULL);
  if (title && !g_str_has_prefix (body, title))
    g_string_append_printf (text, "%s\n\n", title);
  g_string_append (text, body);
  g_autofree char *id = id_or_null ? g_strdup (id_or_null)
                                   : make_id (url, get_string (o, "source_domain"), name, lineno, text);
  EvlDocument *doc = evl_document_new (id, text->str, (gssize) text->len, error);
  if (doc == NULL)
    return NULL;
  evl_document_set_title (doc, title);
  evl_document_set_url (doc, url);
  g_autofree char *day = evl_source_normalize_date (first_string (o, date_keys));
  if (day)
    evl_document_set_dct (doc, day, EVL_DCT_METADATA);
  return doc;
}

static EvlDocument *
load_line (const char *name, guint lineno, const char *line, gsize len, JsonParser *parser,
           GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!evl_source_json_depth_ok (line, len, JSON_MAX_DEPTH))
    {
      evl_fail (error, EVL_ERROR_PARSE, "nested deeper than %d levels", JSON_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, (gssize) len, &local))
    {
      /* "<data>:1:COL: msg" -> "COL: msg", to read "NAME:LINE:COL: msg" */
      const char *msg = local->message;
      if (g_str_has_prefix (msg, "<data>:1:"))
        msg += strlen ("<data>:1:");
      evl_fail (error, EVL_ERROR_PARSE, "%s", msg);
      return NULL;
    }
  return article_new (name, lineno, NULL, json_parser_get_root (parser), error);
}

/* news-please also writes one pretty-printed article per .json file, and
 * some tools an array of articles: when the first line is not a complete
 * object, try the whole input as one JSON value.  Returns -1 when it is
 * not one (line mode then reports the bad lines), else TRUE/FALSE. */
static int
load_whole (const char *name, const char *data, gsize len, JsonParser *parser, GPtrArray *out,
            GError **error)
{
  gsize i = 0;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  const char *nl = memchr (data + i, '\n', len - i);
  gsize e = nl ? (gsize) (nl - data) : len;
  while (e > i && g_ascii_isspace (data[e - 1]))
    e--;
  if (e > i && data[e - 1] == '}' && data[i] == '{')
    return -1;
  if (!evl_source_json_depth_ok (data, len, JSON_MAX_DEPTH)
      || !json_parser_load_from_data (parser, data, (gssize) len, NULL))
    return -1;
  JsonNode *root = json_parser_get_root (parser);
  g_autoptr (GError) local = NULL;
  if (root && JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *stem = evl_source_name_stem (name);
      EvlDocument *doc = article_new (name, 1, stem, root, &local);
      if (doc == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
          return FALSE;
        }
      g_ptr_array_add (out, doc);
      return TRUE;
    }
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return -1;
  JsonArray *a = json_node_get_array (root);
  guint bad = 0;
  for (guint k = 0; k < json_array_get_length (a); k++)
    {
      g_autoptr (GError) one = NULL;
      EvlDocument *doc = article_new (name, k + 1, NULL, json_array_get_element (a, k), &one);
      if (doc)
        g_ptr_array_add (out, doc);
      else if (bad++ == 0)
        local = g_error_new (EVL_ERROR, one->code, "%s: article %u: %s", name, k + 1, one->message);
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

void
evl_source_jsonl_lines (const char *name, const char *data, gsize len, guint line_base,
                        gsize max_line, GPtrArray *out, guint *good, guint *bad, GError **first)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  guint lineno = line_base;
  gsize i = 0;
  while (i < len)
    {
      const char *nl = memchr (data + i, '\n', len - i);
      gsize e = nl ? (gsize) (nl - data) : len;
      const char *line = data + i;
      gsize ll = e - i;
      i = e + 1;
      lineno++;
      while (ll && g_ascii_isspace (line[ll - 1]))
        ll--;
      while (ll && g_ascii_isspace (*line))
        {
          line++;
          ll--;
        }
      if (ll == 0)
        continue;
      g_autoptr (GError) local = NULL;
      EvlDocument *doc = NULL;
      if (max_line && ll > max_line)
        {
          g_autofree char *advice = evl_source_max_size_advice (ll);
          evl_fail (&local, EVL_ERROR_TOO_LARGE,
                    "a line of %" G_GSIZE_FORMAT " bytes exceeds the limit of %" G_GSIZE_FORMAT
                    " bytes; %s", ll, max_line, advice);
        }
      else
        doc = load_line (name, lineno, line, ll, parser, &local);
      if (doc)
        {
          g_ptr_array_add (out, doc);
          (*good)++;
        }
      else if ((*bad)++ == 0)
        *first = g_error_new (EVL_ERROR, local->code, "%s:%u:%s%s", name, lineno,
                              g_ascii_isdigit (local->message[0]) ? "" : " ", local->message);
    }
}

gboolean
evl_source_jsonl_finish (const char *name, guint good, guint bad, GError **first, GError **error)
{
  if (bad == 0 && good == 0)
    return evl_fail (error, EVL_ERROR_PARSE, "%s: no JSON lines", name);
  if (bad == 0)
    return TRUE;
  if (bad > 1)
    {
      char *msg = g_strdup_printf ("%s (and %u more bad lines; %u documents loaded)",
                                   (*first)->message, bad - 1, good);
      g_free ((*first)->message);
      (*first)->message = msg;
    }
  g_propagate_error (error, g_steal_pointer (first));
  return FALSE;
}

gboolean
evl_source_jsonl_one_per_line (const char *data, gsize len)
{
  gsize i = 0;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  const char *nl = memchr (data + i, '\n', len - i);
  if (nl == NULL)
    return FALSE;
  gsize e = (gsize) (nl - data);
  while (e > i && g_ascii_isspace (data[e - 1]))
    e--;
  return e > i && data[e - 1] == '}' && data[i] == '{';
}

gboolean
evl_source_load_jsonl (const char *name, const char *data, gsize len,
                       const EvlLoadOptions *opts, GPtrArray *out, GError **error)
{
  (void) opts;
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    int whole = load_whole (name, data, len, parser, out, error);
    if (whole >= 0)
      return whole;
  }
  g_autoptr (GError) first = NULL;
  guint bad = 0, good = 0;
  evl_source_jsonl_lines (name, data, len, 0, 0, out, &good, &bad, &first);
  return evl_source_jsonl_finish (name, good, bad, &first, error);
}
