/* Loaders: bytes on disk -> EvlDocument(s) with metadata.
 *
 * Dating: a document's creation time (DCT) comes, strongest first, from
 * its own metadata (front matter, FILE.meta.json sidecar, the folder's
 * eventline.json manifest, TimeML DCT, HTML meta), then the caller's
 * default (--dct), then a dateline guessed from the text by the pipeline.
 * See README "Dating documents". */
#include "source-private.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define DEFAULT_MAX_BYTES ((gsize) 64 * 1024 * 1024)
#define MANIFEST_NAME "eventline.json"
#define SIDECAR_SUFFIX ".meta.json"

static const char *const format_names[] = { "auto", "text", "timeml", "html", "jsonl", "extracted" };

const char *
evl_input_format_to_string (EvlInputFormat f)
{
  if ((guint) f >= G_N_ELEMENTS (format_names))
    return "auto";
  return format_names[f];
}

gboolean
evl_input_format_from_string (const char *name, EvlInputFormat *out)
{
  for (guint i = 0; name && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *out = (EvlInputFormat) i;
        return TRUE;
      }
  if (name && (g_ascii_strcasecmp (name, "txt") == 0 || g_ascii_strcasecmp (name, "tml") == 0
               || g_ascii_strcasecmp (name, "htm") == 0))
    {
      *out = name[0] == 't' && name[1] == 'x' ? EVL_FORMAT_TEXT
             : (name[0] == 't' ? EVL_FORMAT_TIMEML : EVL_FORMAT_HTML);
      return TRUE;
    }
  return FALSE;
}

/* Metadata from a manifest, sidecar or front matter. */
typedef struct {
  char *dct, *title, *url;
} Meta;

static void
meta_clear (Meta *m)
{
  g_clear_pointer (&m->dct, g_free);
  g_clear_pointer (&m->title, g_free);
  g_clear_pointer (&m->url, g_free);
}

static void
meta_take_object (Meta *m, JsonObject *o)
{
  static const char *const dct_keys[] = { "dct", "date", "date_publish", "published", NULL };
  for (guint i = 0; dct_keys[i]; i++)
    if (json_object_has_member (o, dct_keys[i])
        && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, dct_keys[i])))
      {
        g_free (m->dct);
        m->dct = g_strdup (json_object_get_string_member (o, dct_keys[i]));
        break;
      }
  if (json_object_has_member (o, "title")
      && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "title")))
    {
      g_free (m->title);
      m->title = g_strdup (json_object_get_string_member (o, "title"));
    }
  if (json_object_has_member (o, "url")
      && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "url")))
    {
      g_free (m->url);
      m->url = g_strdup (json_object_get_string_member (o, "url"));
    }
}

/* Normalises a metadata date to a TIMEX3 value: "2023-09-14",
 * "2023-09-14T08:00:00Z" -> "2023-09-14". */
static char *
normalize_meta_date (const char *s, const char *where, GError **error)
{
  if (s == NULL)
    return NULL;
  g_autofree char *t = g_strstrip (g_strdup (s));
  if (evl_day_parse (t) != 0)
    return g_strndup (t, 10);
  EvlDay b, e;
  EvlGrain grain;
  if (evl_timex_value_bounds (t, &b, &e, &grain))
    return g_steal_pointer (&t);
  evl_fail (error, EVL_ERROR_PARSE, "%s: date '%s' is not YYYY-MM-DD", where, s);
  return NULL;
}

static gboolean
read_json_object (const char *path, JsonParser *parser, JsonObject **out, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_file (parser, path, &local))
    {
      evl_fail (error, EVL_ERROR_PARSE, "%s: %s", path, local->message);
      return FALSE;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return evl_fail (error, EVL_ERROR_PARSE, "%s: expected a JSON object", path);
  *out = json_node_get_object (root);
  return TRUE;
}

/* A folder's eventline.json, read once per loader (or once per
 * evl_source_load_file() call without one). */
typedef struct {
  gboolean looked;         /* the lines below are settled */
  JsonParser *parser;      /* (nullable) holds root */
  JsonObject *root;        /* NULL: no manifest */
  GError *error;           /* (nullable) it could not be read */
  /* From a folder listing (evl_source_loader_expand()): */
  gboolean listed;
  int manifest_type;       /* the listing's d_type of eventline.json, -1 absent */
  GHashTable *sidecars;    /* (nullable) name -> d_type + 1 of each NAME.meta.json */
} DirInfo;

static void
dir_info_free (gpointer p)
{
  DirInfo *d = p;
  g_clear_object (&d->parser);
  g_clear_error (&d->error);
  g_clear_pointer (&d->sidecars, g_hash_table_unref);
  g_free (d);
}

/* A listing's answer to "is NAME a regular file?" for an entry of type
 * @type (-1: not listed): TRUE/FALSE, or -1 to ask the file system (a
 * link, or a file system that does not give the type). */
static int
listed_regular (int type)
{
  if (type == DT_LNK || type == DT_UNKNOWN)
    return -1;
  return type == DT_REG;
}

/* Reads @dir's manifest into @d unless settled already. */
static void
dir_info_settle (DirInfo *d, const char *dir)
{
  if (d->looked)
    return;
  d->looked = TRUE;
  g_autofree char *manifest = g_build_filename (dir, MANIFEST_NAME, NULL);
  int reg = d->listed ? listed_regular (d->manifest_type) : -1;
  if (reg == 0 || (reg < 0 && !g_file_test (manifest, G_FILE_TEST_IS_REGULAR)))
    return;
  d->parser = json_parser_new ();
  if (!read_json_object (manifest, d->parser, &d->root, &d->error))
    d->root = NULL;
}

/* Manifest: { "defaults": {dct,title,url}, "documents": { "FILE": {...} } } */
static gboolean
load_manifest_meta (const char *path, const char *dir, DirInfo *d, Meta *m, GError **error)
{
  dir_info_settle (d, dir);
  if (d->error)
    {
      g_propagate_error (error, g_error_copy (d->error));
      return FALSE;
    }
  JsonObject *root = d->root;
  if (root == NULL)
    return TRUE;
  if (json_object_has_member (root, "defaults"))
    {
      JsonNode *dn = json_object_get_member (root, "defaults");
      if (JSON_NODE_HOLDS_OBJECT (dn))
        meta_take_object (m, json_node_get_object (dn));
    }
  if (json_object_has_member (root, "documents"))
    {
      JsonNode *docs = json_object_get_member (root, "documents");
      if (!JSON_NODE_HOLDS_OBJECT (docs))
        {
          g_autofree char *manifest = g_build_filename (dir, MANIFEST_NAME, NULL);
          return evl_fail (error, EVL_ERROR_PARSE, "%s: \"documents\" must be an object keyed by file name",
                           manifest);
        }
      JsonObject *o = json_node_get_object (docs);
      g_autofree char *base = g_path_get_basename (path);
      if (json_object_has_member (o, base))
        {
          JsonNode *e = json_object_get_member (o, base);
          if (JSON_NODE_HOLDS_OBJECT (e))
            meta_take_object (m, json_node_get_object (e));
        }
    }
  return TRUE;
}

/* @path's sidecar; @d (nullable) may know from a listing whether it exists. */
static gboolean
load_sidecar_meta (const char *path, const DirInfo *d, Meta *m, GError **error)
{
  /* Two copies, not g_strconcat()'s measuring pass over its arguments
   * and the copies (0.1 M instructions for 400 files). */
  gsize path_len = strlen (path);
  g_autofree char *sidecar = g_malloc (path_len + sizeof SIDECAR_SUFFIX);
  memcpy (sidecar, path, path_len);
  memcpy (sidecar + path_len, SIDECAR_SUFFIX, sizeof SIDECAR_SUFFIX);
  int reg = -1;
  if (d && d->listed)
    {
      const char *slash = strrchr (sidecar, G_DIR_SEPARATOR);
      gpointer type = d->sidecars ? g_hash_table_lookup (d->sidecars, slash ? slash + 1 : sidecar) : NULL;
      reg = listed_regular (type ? GPOINTER_TO_INT (type) - 1 : -1);
    }
  if (reg == 0 || (reg < 0 && !g_file_test (sidecar, G_FILE_TEST_IS_REGULAR)))
    return TRUE;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  if (!read_json_object (sidecar, parser, &root, error))
    return FALSE;
  meta_take_object (m, root);
  return TRUE;
}

/* Front matter: the text starts with a line "---", then "key: value" lines,
 * then "---".  Returns the offset of the body. */
static gsize
parse_front_matter (const char *data, gsize len, Meta *m)
{
  if (len < 4 || strncmp (data, "---", 3) != 0 || (data[3] != '\n' && data[3] != '\r'))
    return 0;
  gsize i = data[3] == '\r' ? 5 : 4;
  Meta fm = { 0 };
  while (i < len)
    {
      const char *nl = memchr (data + i, '\n', len - i);
      gsize e = nl ? (gsize) (nl - data) : len;
      g_autofree char *line = g_strstrip (g_strndup (data + i, e - i));
      i = e + 1;
      if (strcmp (line, "---") == 0)
        {
          if (fm.dct) { g_free (m->dct); m->dct = g_steal_pointer (&fm.dct); }
          if (fm.title) { g_free (m->title); m->title = g_steal_pointer (&fm.title); }
          if (fm.url) { g_free (m->url); m->url = g_steal_pointer (&fm.url); }
          return MIN (i, len);
        }
      char *colon = strchr (line, ':');
      if (colon == NULL)
        break;
      *colon = '\0';
      char *key = g_strstrip (line);
      char *val = g_strstrip (colon + 1);
      gsize vl = strlen (val);
      if (vl >= 2 && (val[0] == '"' || val[0] == '\'') && val[vl - 1] == val[0])
        {
          val[vl - 1] = '\0';
          val++;
        }
      if (g_ascii_strcasecmp (key, "date") == 0 || g_ascii_strcasecmp (key, "dct") == 0
          || g_ascii_strcasecmp (key, "published") == 0)
        { g_free (fm.dct); fm.dct = g_strdup (val); }
      else if (g_ascii_strcasecmp (key, "title") == 0)
        { g_free (fm.title); fm.title = g_strdup (val); }
      else if (g_ascii_strcasecmp (key, "url") == 0)
        { g_free (fm.url); fm.url = g_strdup (val); }
    }
  meta_clear (&fm);
  return 0;
}

/* What guess_title() asks of a line: its ASCII digits and letters, its
 * spaces, and whether it holds " / " or " > " (a breadcrumb trail). */
typedef struct {
  guint digits, letters, spaces;
  gboolean crumbs;
} LineCounts;

/* Is the '/' or '>' at @p[@j] of the @n bytes at @p between two spaces? */
static inline gboolean
crumb_at (const char *p, gsize n, gsize j)
{
  return j > 0 && j + 1 < n && p[j - 1] == ' ' && p[j + 1] == ' ';
}

#ifdef __SSE2__
/* The sum of @v's sixteen byte lanes. */
static inline guint
lane_sum (__m128i v)
{
  __m128i s = _mm_sad_epu8 (v, _mm_setzero_si128 ());
  return (guint) _mm_cvtsi128_si32 (s) + (guint) _mm_extract_epi16 (s, 4);
}
#endif

/* LineCounts of the @n bytes at @p, which hold no NUL.  Sixteen bytes a
 * step where SSE2 is there: a byte at a time this was 0.8 M instructions
 * on the 400 small documents, whose first line is often a whole
 * paragraph. */
static LineCounts
line_counts (const char *p, gsize n)
{
  LineCounts c = { 0, 0, 0, FALSE };
  gsize i = 0;
#ifdef __SSE2__
  const __m128i zero_ch = _mm_set1_epi8 ('0'), nine = _mm_set1_epi8 (9), a_ch = _mm_set1_epi8 ('a');
  const __m128i z_off = _mm_set1_epi8 ('z' - 'a'), case_bit = _mm_set1_epi8 (0x20);
  const __m128i space = _mm_set1_epi8 (' '), slash = _mm_set1_epi8 ('/'), gt = _mm_set1_epi8 ('>');
  /* Per-lane counts (a hit compares to -1, subtracted), summed every 255
   * steps before a lane can wrap: __builtin_popcount() is a libgcc call
   * without -mpopcnt, three a step were 0.27 M instructions on the 400
   * small documents. */
  const __m128i zero = _mm_setzero_si128 ();
  __m128i dn = zero, ln = zero, sn = zero;
  guint steps = 0;
  for (; i + 16 <= n; i += 16)
    {
      __m128i x = _mm_loadu_si128 ((const __m128i *) (const void *) (p + i));
      /* Unsigned d <= k as min (d, k) == d. */
      __m128i d = _mm_sub_epi8 (x, zero_ch);
      __m128i l = _mm_sub_epi8 (_mm_or_si128 (x, case_bit), a_ch);
      dn = _mm_sub_epi8 (dn, _mm_cmpeq_epi8 (_mm_min_epu8 (d, nine), d));
      ln = _mm_sub_epi8 (ln, _mm_cmpeq_epi8 (_mm_min_epu8 (l, z_off), l));
      sn = _mm_sub_epi8 (sn, _mm_cmpeq_epi8 (x, space));
      if (G_UNLIKELY (++steps == 255) || i + 32 > n)
        {
          c.digits += lane_sum (dn);
          c.letters += lane_sum (ln);
          c.spaces += lane_sum (sn);
          dn = ln = sn = zero;
          steps = 0;
        }
      guint cm = (guint) _mm_movemask_epi8 (_mm_or_si128 (_mm_cmpeq_epi8 (x, slash), _mm_cmpeq_epi8 (x, gt)));
      for (; cm && !c.crumbs; cm &= cm - 1)
        c.crumbs = crumb_at (p, n, i + (guint) __builtin_ctz (cm));
    }
#endif
  for (; i < n; i++)
    {
      char ch = p[i];
      if (g_ascii_isdigit (ch))
        c.digits++;
      else if (g_ascii_isalpha (ch))
        c.letters++;
      else if (ch == ' ')
        c.spaces++;
      else if ((ch == '/' || ch == '>') && !c.crumbs)
        c.crumbs = crumb_at (p, n, i);
    }
  return c;
}

/* Whether line @p (@n bytes) opens with a wire dateline ('BRENTON,
 * England, Nov. 6 -- A jury ...', 'NEW YORK (Wire) - ...'): a place in
 * capitals, a comma or parenthesis, then a dash or an agency's
 * parenthesis.  Such a line is the story's first paragraph: no headline
 * comes after it. */
static gboolean
dateline_lede (const char *p, gsize n)
{
  gsize i = 0, caps = 0;
  while (i < n && (g_ascii_isupper (p[i]) || p[i] == ' ' || p[i] == '.' || p[i] == '\'' || p[i] == '-'))
    caps += g_ascii_isupper (p[i++]) ? 1 : 0;
  if (caps < 2 || i >= n || !(p[i] == ',' || (p[i] == '(' && i > 0 && p[i - 1] == ' ')))
    return FALSE;
  /* the dash or the agency's parenthesis within the dateline's length,
   * after a date ('NASA, partners delay launch - sources' is a
   * headline) unless the parenthesis follows the place itself */
  gboolean dated = p[i] == '(';
  gsize end = MIN (n, i + 80);
  for (gsize k = i; k + 2 < end; k++)
    {
      dated |= g_ascii_isdigit (p[k]);
      if (dated
          && ((p[k] == ' ' && p[k + 1] == '-' && (p[k + 2] == ' ' || p[k + 2] == '-'))
              || memcmp (p + k, "\xe2\x80\x94", 3) == 0 || memcmp (p + k, "\xe2\x80\x93", 3) == 0
              || p[k] == '('))
        return TRUE;
    }
  return FALSE;
}

/* A plain-text title: the first short line that is not a page date or a
 * breadcrumb trail.  @text holds no NUL (it made a document).  A line is
 * looked at in place, copied only when taken. */
static char *
guess_title (const char *text, gsize len)
{
  gsize i = 0;
  for (guint lines = 0; i < len && lines < 4; lines++)
    {
      const char *nl = memchr (text + i, '\n', len - i);
      gsize e = nl ? (gsize) (nl - text) : len;
      /* The line as g_strstrip() leaves it. */
      gsize a = i, b = e;
      while (a < b && g_ascii_isspace (text[a]))
        a++;
      while (b > a && g_ascii_isspace (text[b - 1]))
        b--;
      i = e + 1;
      if (a == b)
        {
          lines--;
          continue;
        }
      LineCounts c = line_counts (text + a, b - a);
      guint words = 1 + c.spaces;
      gboolean date_like = c.digits >= 4 && words <= 6;
      if (date_like || c.crumbs || c.letters == 0)
        continue;
      if (words > 30 || (words > 12 && dateline_lede (text + a, b - a)))
        return NULL;
      return g_strndup (text + a, b - a);
    }
  return NULL;
}

static char *
id_from_name (const char *name)
{
  /* A name that does not end in a separator has as its base name what
   * follows its last separator: no copy of it but the id (the base
   * name's copy, its scan and a copy more were 0.13 M instructions for
   * 400 files). */
  gsize n = strlen (name);
  if (n > 0 && !G_IS_DIR_SEPARATOR (name[n - 1]))
    {
      /* strrchr() rather than a byte loop (0.12 M instructions). */
      const char *base = strrchr (name, '/');
#ifdef G_OS_WIN32
      const char *back = strrchr (name, '\\');
      if (back && (base == NULL || back > base))
        base = back;
#endif
      base = base ? base + 1 : name;
      const char *dot = strrchr (base, '.');
      return g_strndup (base, dot && dot != base ? (gsize) (dot - base) : (gsize) (name + n - base));
    }
  g_autofree char *base = g_path_get_basename (name);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  return g_strdup (base);
}

static gsize
skip_space (const char *p, gsize i, gsize len)
{
  while (i < len && g_ascii_isspace (p[i]))
    i++;
  return i;
}

/* TRUE when @p starts with the HTML tag @tag ("<head") followed by '>',
 * '/' or a space, so "<header" is not "<head". */
static gboolean
starts_with_tag (const char *p, gsize rest, const char *tag)
{
  gsize n = strlen (tag);
  return rest > n && g_ascii_strncasecmp (p, tag, n) == 0
         && (p[n] == '>' || p[n] == '/' || g_ascii_isspace (p[n]));
}

/* A web page by its start: after an XML declaration and comments, a
 * doctype or one of the elements a page (or a saved fragment of one)
 * opens with.  A page that opens with a comment counts as HTML too
 * (TimeML, the other markup, is sniffed before). */
static gboolean
sniff_html (const char *p, gsize len)
{
  static const char *const tags[] = { "<html", "<head", "<meta", "<body", "<title", "<link",
                                      "<article", "<script", "<style" };
  gsize i = skip_space (p, 0, MIN (len, (gsize) 4096));
  gboolean comment = FALSE;
  /* Every form tested below begins with '<': plain text (the common
   * input) is told by its first byte, without the thirteen string
   * compares (0.13 M instructions on the 400 small documents). */
  for (;;)
    {
      if (i >= len || p[i] != '<')
        return comment;
      if (len - i >= 5 && strncmp (p + i, "<?xml", 5) == 0)
        {
          const char *e = g_strstr_len (p + i, (gssize) (len - i), "?>");
          if (e == NULL)
            return FALSE;
          i = skip_space (p, (gsize) (e - p) + 2, len);
        }
      else if (len - i >= 4 && strncmp (p + i, "<!--", 4) == 0)
        {
          comment = TRUE;
          const char *e = g_strstr_len (p + i + 4, (gssize) (len - i - 4), "-->");
          if (e == NULL)
            return TRUE;
          i = skip_space (p, (gsize) (e - p) + 3, len);
        }
      else
        break;
    }
  const char *q = p + i;
  gsize rest = len - i;
  if (rest >= 9 && g_ascii_strncasecmp (q, "<!doctype", 9) == 0)
    return TRUE;
  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    if (starts_with_tag (q, rest, tags[t]))
      return TRUE;
  return comment;
}

static EvlInputFormat
sniff_format (const char *name, const char *data, gsize len)
{
  gsize i = skip_space (data, 0, MIN (len, (gsize) 512));
  const char *p = data + i;
  gsize rest = len - i;
  /* evl_document_to_json() writes the format version first. */
  if (rest > 5 && strncmp (p, "{\"v\":", 5) == 0)
    return EVL_FORMAT_EXTRACTED;
  if (rest > 0 && p[0] == '{')
    return EVL_FORMAT_JSONL;
  /* A JSON array of article objects (one news-please dump). */
  if (rest > 1 && p[0] == '[')
    {
      gsize j = skip_space (p, 1, MIN (rest, (gsize) 512));
      if (j < rest && p[j] == '{')
        return EVL_FORMAT_JSONL;
    }
  if (evl_source_sniff_timeml (data, len))
    return EVL_FORMAT_TIMEML;
  if (sniff_html (data, len))
    return EVL_FORMAT_HTML;
  /* The extension lower-cased once and compared by length: seven
   * g_ascii_strcasecmp() calls were 0.15 M instructions on the 400 small
   * documents (all .txt). */
  const char *ext = strrchr (name, '.');
  gsize n = ext ? strlen (ext) : 0;
  char low[16];
  if (n == 0 || n >= sizeof low)
    return EVL_FORMAT_TEXT;
  for (gsize k = 0; k <= n; k++)
    low[k] = (char) ((guint) (guchar) ext[k] - 'A' < 26u ? ext[k] + 32 : ext[k]);
#define EXT_IS(lit) (n == sizeof (lit) - 1 && memcmp (low, lit, sizeof (lit) - 1) == 0)
  if (EXT_IS (".tml") || EXT_IS (".te3input"))
    return EVL_FORMAT_TIMEML;
  if (EXT_IS (".html") || EXT_IS (".htm"))
    return EVL_FORMAT_HTML;
  /* news-please writes one pretty-printed article per .json file;
   * the JSONL loader reads that, an array, or one article a line. */
  if (EXT_IS (".jsonl") || EXT_IS (".ndjson") || EXT_IS (".json"))
    return EVL_FORMAT_JSONL;
#undef EXT_IS
  return EVL_FORMAT_TEXT;
}

static gboolean
load_text (const char *name, const char *data, gsize len, const EvlLoadOptions *opts,
           const Meta *file_meta, GPtrArray *out, GError **error)
{
  Meta m = { 0 };
  gsize body = parse_front_matter (data, len, &m);
  g_autoptr (GError) local = NULL;
  g_autofree char *id = id_from_name (name);
  g_autoptr (EvlDocument) doc = evl_document_new (id, data + body, (gssize) (len - body), &local);
  if (doc == NULL)
    {
      meta_clear (&m);
      const char *bad = NULL;
      if (g_error_matches (local, EVL_ERROR, EVL_ERROR_ENCODING)
          && !g_utf8_validate_len (data + body, len - body, &bad))
        {
          /* Say where, in the file's own terms, and what to do: a text
           * has no charset to declare, and guessing one could garble it. */
          guint line = 1;
          for (const char *p = data; p < bad; p++)
            line += *p == '\n';
          return evl_fail (error, EVL_ERROR_ENCODING,
                           "%s: line %u: byte 0x%02X is not UTF-8; a plain text must be UTF-8 "
                           "(convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8)",
                           name, line, (guint) (guchar) *bad);
        }
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
      return FALSE;
    }
  /* Front matter inside the file beats sidecar and manifest. */
  const char *dct = m.dct ? m.dct : file_meta->dct;
  if (dct)
    {
      g_autofree char *v = normalize_meta_date (dct, name, error);
      if (v == NULL)
        {
          meta_clear (&m);
          return FALSE;
        }
      evl_document_set_dct (doc, v, EVL_DCT_METADATA);
    }
  else if (opts->default_dct)
    evl_document_set_dct (doc, opts->default_dct, EVL_DCT_DEFAULT);
  const char *title = m.title ? m.title : file_meta->title;
  g_autofree char *guessed = title ? NULL : guess_title (data + body, len - body);
  evl_document_set_title (doc, title ? title : guessed);
  evl_document_set_url (doc, m.url ? m.url : file_meta->url);
  meta_clear (&m);
  g_ptr_array_add (out, g_steal_pointer (&doc));
  return TRUE;
}

/* `eventline extract` output: one annotated document per line, kept as
 * extracted (metadata and dating were settled by the mapper).  The lines
 * of @data[0..len) are numbered from @line_base + 1; bad ones are counted
 * in *@bad, the first reported in @error. */
static void
extracted_lines (const char *name, const char *data, gsize len, guint line_base, gsize max_line,
                 GPtrArray *out, guint *bad, GError **error)
{
  guint line = line_base;
  const char *p = data, *end = data + len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *e = nl ? nl : end;
      line++;
      if (e > p && !(e - p == 1 && *p == '\r'))
        {
          g_autoptr (GError) local = NULL;
          EvlDocument *doc = NULL;
          if (max_line && (gsize) (e - p) > max_line)
            {
              g_autofree char *advice = evl_source_max_size_advice ((gsize) (e - p));
              evl_fail (&local, EVL_ERROR_TOO_LARGE,
                        "a line of %" G_GSIZE_FORMAT " bytes exceeds the limit of %" G_GSIZE_FORMAT
                        " bytes; %s", (gsize) (e - p), max_line, advice);
            }
          else
            doc = evl_document_new_from_json (p, e - p, &local);
          if (doc)
            g_ptr_array_add (out, doc);
          else if ((*bad)++ == 0 && local->code == EVL_ERROR_TOO_LARGE)
            g_set_error (error, EVL_ERROR, local->code, "%s:%u: %s", name, line, local->message);
          else if (*bad == 1)   /* the first bad line, not too large */
            {
              /* Mostly an article or some other JSON given to merge: say
               * what the line should be and how to make one, with
               * json-glib's "<data>:LINE:COL: Parse error: " as a column. */
              const char *why = local->message;
              guint l = 0, col = 0;
              int n = 0;
              if (sscanf (why, "<data>:%u:%u: %n", &l, &col, &n) == 2 && n > 0)
                why += n;
              if (g_str_has_prefix (why, "Parse error: "))
                why += strlen ("Parse error: ");
              g_autofree char *at = col ? g_strdup_printf ("column %u: ", col) : g_strdup ("");
              g_set_error (error, EVL_ERROR, local->code,
                           "%s:%u: not a line of 'eventline extract' output (%s%s); make them "
                           "with 'eventline extract ARTICLES... > FILE.jsonl', or give the "
                           "articles themselves to 'eventline build'", name, line, at, why);
            }
        }
      p = e + 1;
    }
}

static gboolean
load_extracted (const char *name, const char *data, gsize len, GPtrArray *out, GError **error)
{
  guint bad = 0;
  extracted_lines (name, data, len, 0, 0, out, &bad, error);
  return bad == 0;
}

static gboolean
too_large (const char *path, gsize size, gsize max, GError **error)
{
  g_autofree char *advice = evl_source_max_size_advice (size);
  return evl_fail (error, EVL_ERROR_TOO_LARGE,
                   "%s: %" G_GSIZE_FORMAT " bytes exceeds the limit of %" G_GSIZE_FORMAT
                   " bytes; %s", path, size, max, advice);
}

static void apply_meta (const char *name, EvlInputFormat fmt, const EvlLoadOptions *opts,
                        const Meta *meta, GPtrArray *out, guint before);

static gboolean
load_with_meta (const char *name, const char *data, gsize len, const EvlLoadOptions *opts,
                const Meta *meta, GPtrArray *out, GError **error)
{
  gsize max = opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
  if (len > max)
    return too_large (name, len, max, error);
  g_autofree char *decoded = NULL;  /* UTF-16/32 input converted to UTF-8 */
  if (!evl_source_decode_bom (name, &data, &len, &decoded, error))
    return FALSE;
  if (len == 0)
    return evl_fail (error, EVL_ERROR_PARSE, "%s: empty file", name);
  if (memchr (data, '\0', MIN (len, (gsize) 65536)) != NULL)
    return evl_fail (error, EVL_ERROR_UNSUPPORTED_FORMAT, "%s: binary file (contains NUL bytes)", name);

  EvlInputFormat fmt = opts->format != EVL_FORMAT_AUTO ? opts->format : sniff_format (name, data, len);
  guint before = out->len;
  gboolean ok;
  switch (fmt)
    {
    case EVL_FORMAT_TIMEML:
      ok = evl_source_load_timeml (name, data, len, opts, out, error);
      break;
    case EVL_FORMAT_HTML:
      ok = evl_source_load_html (name, data, len, opts, out, error);
      break;
    case EVL_FORMAT_JSONL:
      ok = evl_source_load_jsonl (name, data, len, opts, out, error);
      break;
    case EVL_FORMAT_EXTRACTED:
      return load_extracted (name, data, len, out, error);
    default:
      ok = load_text (name, data, len, opts, meta, out, error);
      break;
    }
  /* A JSONL file with bad lines still delivers its good ones (ok FALSE). */
  if (!ok && out->len == before)
    return FALSE;
  apply_meta (name, fmt, opts, meta, out, before);
  return ok;
}

/* Manifest metadata applies to every format; a document's own DCT
 * (TimeML, HTML meta) is METADATA too and was set first, so it wins. */
static void
apply_meta (const char *name, EvlInputFormat fmt, const EvlLoadOptions *opts, const Meta *meta,
            GPtrArray *out, guint before)
{
  for (guint i = before; i < out->len; i++)
    {
      EvlDocument *doc = out->pdata[i];
      if (evl_document_get_path (doc) == NULL)
        evl_document_set_path (doc, name);
      if (fmt != EVL_FORMAT_TEXT)
        {
          if (meta->dct && evl_document_get_dct_source (doc) < EVL_DCT_METADATA)
            {
              g_autofree char *v = normalize_meta_date (meta->dct, name, NULL);
              if (v)
                evl_document_set_dct (doc, v, EVL_DCT_METADATA);
            }
          if (opts->default_dct)
            evl_document_set_dct (doc, opts->default_dct, EVL_DCT_DEFAULT);
          if (meta->title && evl_document_get_title (doc) == NULL)
            evl_document_set_title (doc, meta->title);
        }
    }
}

gboolean
evl_source_load_bytes (const char *name, const char *data, gsize len,
                       const EvlLoadOptions *opts, GPtrArray *out, GError **error)
{
  g_return_val_if_fail (name != NULL && out != NULL, FALSE);
  EvlLoadOptions defaults = EVL_LOAD_OPTIONS_INIT;
  Meta none = { 0 };
  return load_with_meta (name, data, len, opts ? opts : &defaults, &none, out, error);
}

/* Opens first and asks the descriptor (fstat) whether it is a regular
 * file and how big: open, fstat, read, close are the only system calls
 * a file costs (a stat before g_file_get_contents() made five).  O_NONBLOCK keeps the open of a
 * FIFO from blocking before it is refused; on a regular file it changes
 * nothing.  Returns the descriptor, or -1 with @error set. */
static int
open_regular (const char *path, GStatBuf *st, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      evl_fail (error, EVL_ERROR_IO, "%s: %s", path, g_strerror (errno));
      return -1;
    }
  if (fstat (fd, st) != 0)
    evl_fail (error, EVL_ERROR_IO, "%s: %s", path, g_strerror (errno));
  else if (S_ISDIR (st->st_mode))
    evl_fail (error, EVL_ERROR_IO, "%s: is a folder (pass it as an input to expand it)", path);
  /* A FIFO or device would block or never end: only regular files. */
  else if (!S_ISREG (st->st_mode))
    evl_fail (error, EVL_ERROR_IO, "%s: not a regular file", path);
  else
    return fd;
  close (fd);
  return -1;
}


/* Reads the regular file @fd of @size bytes (fstat's) whole and closes
 * it.  A file that grows meanwhile is read as it was (what
 * g_file_get_contents() did too); one that shrinks ends at its new end. */
static gboolean
read_fd (int fd, const char *path, gsize size, char **data_out, gsize *len_out, GError **error)
{
  char *data = g_malloc (size + 1);
  gsize len = 0;
  gboolean ok = TRUE;
  while (len < size)
    {
      gssize r = read (fd, data + len, size - len);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          ok = evl_fail (error, EVL_ERROR_IO, "%s: %s", path, g_strerror (errno));
          break;
        }
      if (r == 0)
        break;
      len += (gsize) r;
    }
  close (fd);
  if (!ok)
    {
      g_free (data);
      return FALSE;
    }
  data[len] = '\0';
  *data_out = data;
  *len_out = len;
  return TRUE;
}

/* JSON Lines read a chunk at a time, from standard input or from a file
 * larger than a chunk: a Spark or Hadoop partition (128 MB and more) or a
 * crawler's dump of several GB need neither fit in memory nor under
 * --max-size, which then bounds each line (one article) instead of the
 * whole input. */
/* What a call reads when not told (chunk 0), and the size up to which a
 * file is read whole in one go. */
#define STREAM_CHUNK ((gsize) 4 << 20)

typedef struct {
  char *path;           /* as given, "-" for standard input; NULL: none open */
  const char *name;     /* for ids and messages: "stdin" or path */
  FILE *fp;             /* stdin, or the file (owned) */
  gsize size;           /* a file's size when opened */
  Meta meta;            /* a file's manifest and sidecar metadata */
  GString *buf;         /* read and not yet parsed: at most a part of a line */
  gboolean eof;
  gboolean skipping;    /* dropping the rest of a line longer than the limit */
  EvlInputFormat fmt;   /* EVL_FORMAT_JSONL or EVL_FORMAT_EXTRACTED */
  guint lines;          /* lines parsed */
  guint good, bad;
  GError *first;        /* the first bad line */
} LineStream;

struct _EvlSourceLoader {
  EvlLoadOptions opts;
  GHashTable *dirs;   /* folder (g_path_get_dirname() of its files) -> DirInfo */
  /* The last record loader_dir() gave and its key in dirs: files come
   * folder by folder, and hashing a folder's path per file was 0.1 M
   * instructions for 400 files. */
  const char *last_dir_key;
  DirInfo *last_dir;
  LineStream stream;
  gboolean stdin_read;
  GPtrArray *subfolders;  /* folders inside listed folders, not read */
};

static void
stream_clear (LineStream *s)
{
  if (s->fp && s->fp != stdin)
    fclose (s->fp);
  g_free (s->path);
  meta_clear (&s->meta);
  if (s->buf)
    g_string_free (s->buf, TRUE);
  g_clear_error (&s->first);
  memset (s, 0, sizeof *s);
}

EvlSourceLoader *
evl_source_loader_new (const EvlLoadOptions *opts)
{
  EvlSourceLoader *l = g_new0 (EvlSourceLoader, 1);
  EvlLoadOptions defaults = EVL_LOAD_OPTIONS_INIT;
  l->opts = opts ? *opts : defaults;
  l->dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, dir_info_free);
  l->subfolders = g_ptr_array_new_with_free_func (g_free);
  return l;
}

void
evl_source_loader_free (EvlSourceLoader *loader)
{
  if (loader == NULL)
    return;
  g_hash_table_unref (loader->dirs);
  g_ptr_array_unref (loader->subfolders);
  stream_clear (&loader->stream);
  g_free (loader);
}

/* @loader's record of the folder @dir, made on first use. */
static DirInfo *
loader_dir (EvlSourceLoader *loader, const char *dir)
{
  if (loader->last_dir && strcmp (loader->last_dir_key, dir) == 0)
    return loader->last_dir;
  gpointer key, d;
  if (!g_hash_table_lookup_extended (loader->dirs, dir, &key, &d))
    {
      DirInfo *fresh = g_new0 (DirInfo, 1);
      fresh->manifest_type = -1;
      key = g_strdup (dir);
      d = fresh;
      g_hash_table_insert (loader->dirs, key, d);
    }
  loader->last_dir_key = key;
  loader->last_dir = d;
  return d;
}

static gboolean
file_meta (const char *path, const char *dir, DirInfo *d, Meta *meta, GError **error)
{
  return load_manifest_meta (path, dir, d, meta, error) && load_sidecar_meta (path, d, meta, error);
}

/* Loads @data (@len bytes of @path) with @path's metadata: the manifest
 * through @d (the record of @path's folder, or a fresh one), the sidecar
 * as @d's listing says. */
static gboolean
load_data_in (const char *path, const char *data, gsize len, const EvlLoadOptions *opts,
              const char *dir, DirInfo *d, GPtrArray *out, GError **error)
{
  Meta meta = { 0 };
  gboolean ok = file_meta (path, dir, d, &meta, error)
                && load_with_meta (path, data, len, opts, &meta, out, error);
  meta_clear (&meta);
  return ok;
}

/* Reads @path and its metadata (see load_data_in()). */
static gboolean
load_file_in (const char *path, const EvlLoadOptions *opts, const char *dir, DirInfo *d,
              GPtrArray *out, GError **error)
{
  gsize max = opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
  GStatBuf st;
  int fd = open_regular (path, &st, error);
  if (fd < 0)
    return FALSE;
  if ((gsize) st.st_size > max)
    {
      close (fd);
      return too_large (path, (gsize) st.st_size, max, error);
    }
  g_autofree char *data = NULL;
  gsize len = 0;
  return read_fd (fd, path, (gsize) st.st_size, &data, &len, error)
         && load_data_in (path, data, len, opts, dir, d, out, error);
}

/* Loads standard input read whole.  It has no name to take ids from:
 * were they all "stdin", a graph would skip a second piped article as
 * one it already holds.  So the format loaders see the name
 * "stdin-<hash of the bytes>" (their ids differ by content and the same
 * input keeps its ids), while the documents' path and any error still
 * say "stdin". */
static gboolean
load_stdin_data (const char *data, gsize len, const EvlLoadOptions *opts, GPtrArray *out,
                 GError **error)
{
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) data, len);
  g_autofree char *name = g_strdup_printf ("stdin-%.8s", sum);
  Meta none = { 0 };
  guint before = out->len;
  gboolean ok = load_with_meta (name, data, len, opts, &none, out, error);
  for (guint i = before; i < out->len; i++)
    evl_document_set_path (out->pdata[i], "stdin");
  gsize n = strlen (name);
  if (!ok && error && *error && strncmp ((*error)->message, name, n) == 0)
    {
      char *msg = g_strconcat ("stdin", (*error)->message + n, NULL);
      g_free ((*error)->message);
      (*error)->message = msg;
    }
  return ok;
}

static gboolean
load_stdin (const EvlLoadOptions *opts, GPtrArray *out, GError **error)
{
  gsize max = opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
  g_autofree char *in = NULL;
  gsize in_len = 0;
  return evl_source_read_stdin (max, &in, &in_len, error)
         && load_stdin_data (in, in_len, opts, out, error);
}

gboolean
evl_source_load_file (const char *path, const EvlLoadOptions *opts, GPtrArray *out,
                      GError **error)
{
  g_return_val_if_fail (path != NULL && out != NULL, FALSE);
  EvlLoadOptions defaults = EVL_LOAD_OPTIONS_INIT;
  if (opts == NULL)
    opts = &defaults;
  if (strcmp (path, "-") == 0)
    return load_stdin (opts, out, error);
  g_autofree char *dir = g_path_get_dirname (path);
  DirInfo d = { .manifest_type = -1 };
  gboolean ok = load_file_in (path, opts, dir, &d, out, error);
  g_clear_object (&d.parser);
  g_clear_error (&d.error);
  return ok;
}

gboolean
evl_source_loader_load_file (EvlSourceLoader *loader, const char *path, GPtrArray *out,
                             GError **error)
{
  g_return_val_if_fail (loader != NULL && path != NULL && out != NULL, FALSE);
  if (strcmp (path, "-") == 0)
    {
      if (loader->stdin_read)
        return evl_fail (error, EVL_ERROR_IO, "stdin: already read (give '-' once)");
      loader->stdin_read = TRUE;
      return load_stdin (&loader->opts, out, error);
    }
  g_autofree char *dir = g_path_get_dirname (path);
  return load_file_in (path, &loader->opts, dir, loader_dir (loader, dir), out, error);
}

/* Reads @s's input into @s->buf until it holds @want bytes or the input
 * ends. */
static gboolean
stream_fill (LineStream *s, gsize want, GError **error)
{
  char chunk[65536];
  while (!s->eof && s->buf->len < want)
    {
      size_t n = fread (chunk, 1, sizeof chunk, s->fp);
      g_string_append_len (s->buf, chunk, (gssize) n);
      if (n < sizeof chunk)
        {
          if (ferror (s->fp))
            return evl_fail (error, EVL_ERROR_IO, "%s: read error", s->name);
          s->eof = TRUE;
        }
    }
  return TRUE;
}

/* Input that is not JSON Lines: read whole (at most @max bytes), as
 * evl_source_loader_load_file() does. */
static gboolean
stream_whole (EvlSourceLoader *loader, gsize max, GPtrArray *out, GError **error)
{
  LineStream *s = &loader->stream;
  if (!stream_fill (s, max + 1, error))
    return FALSE;
  if (s->fp == stdin)
    {
      if (s->buf->len > max)
        {
          g_autofree char *advice = evl_source_max_size_advice (max * 2);
          return evl_fail (error, EVL_ERROR_TOO_LARGE,
                           "stdin: more than the limit of %" G_GSIZE_FORMAT " bytes; %s", max, advice);
        }
      return load_stdin_data (s->buf->str, s->buf->len, &loader->opts, out, error);
    }
  if (s->buf->len > max)
    return too_large (s->name, s->buf->len, max, error);   /* it grew */
  g_autofree char *dir = g_path_get_dirname (s->name);
  return load_data_in (s->name, s->buf->str, s->buf->len, &loader->opts, dir,
                       loader_dir (loader, dir), out, error);
}

/* Opens @path for evl_source_loader_load_some() and reads its first
 * @want bytes.  Returns TRUE with @s->fmt set when it is to be read a
 * line at a time, TRUE with *@loaded set when it was small or not JSON
 * Lines and so read whole, FALSE on errors. */
static gboolean
stream_open (EvlSourceLoader *loader, const char *path, gsize want, GPtrArray *out,
             gboolean *loaded, GError **error)
{
  LineStream *s = &loader->stream;
  gsize max = loader->opts.max_bytes ? loader->opts.max_bytes : DEFAULT_MAX_BYTES;
  *loaded = FALSE;
  if (strcmp (path, "-") == 0)
    {
      if (loader->stdin_read)
        return evl_fail (error, EVL_ERROR_IO, "stdin: already read (give '-' once)");
      loader->stdin_read = TRUE;
      s->fp = stdin;
      s->name = "stdin";
    }
  else
    {
      GStatBuf st;
      int fd = open_regular (path, &st, error);
      if (fd < 0)
        return FALSE;
      if ((gsize) st.st_size <= MAX (want, (gsize) STREAM_CHUNK) && (gsize) st.st_size <= max)
        {
          /* most files: one read, as evl_source_loader_load_file() */
          g_autofree char *dir = g_path_get_dirname (path);
          g_autofree char *data = NULL;
          gsize len = 0;
          *loaded = TRUE;
          return read_fd (fd, path, (gsize) st.st_size, &data, &len, error)
                 && load_data_in (path, data, len, &loader->opts, dir, loader_dir (loader, dir),
                                  out, error);
        }
      s->fp = fdopen (fd, "rb");
      if (s->fp == NULL)
        {
          close (fd);
          return evl_fail (error, EVL_ERROR_IO, "%s: %s", path, g_strerror (errno));
        }
      s->size = (gsize) st.st_size;
    }
  s->path = g_strdup (path);
  if (s->fp != stdin)
    s->name = s->path;
  s->buf = g_string_sized_new (want + 65536);
  if (!stream_fill (s, want, error))
    return FALSE;
  const char *d = s->buf->str;
  gsize n = s->buf->len;
  EvlInputFormat fmt = loader->opts.format != EVL_FORMAT_AUTO ? loader->opts.format
                                                              : sniff_format (s->name, d, n);
  /* Lines only when the start shows them: a UTF-16 BOM, NUL bytes, one
   * pretty-printed article or an array go the whole-input way. */
  gboolean lines = (fmt == EVL_FORMAT_JSONL || fmt == EVL_FORMAT_EXTRACTED)
                   && memchr (d, '\0', MIN (n, (gsize) 65536)) == NULL
                   && !(n >= 2 && ((guchar) d[0] == 0xFE || (guchar) d[0] == 0xFF
                                   || d[0] == '\0' || d[1] == '\0'))
                   && (fmt == EVL_FORMAT_EXTRACTED
                       || evl_source_jsonl_one_per_line (d, n)
                       || (n > 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0
                           && evl_source_jsonl_one_per_line (d + 3, n - 3)));
  if (!lines)
    {
      *loaded = TRUE;
      if (s->fp != stdin && s->size > max)
        return too_large (s->name, s->size, max, error);   /* not read further */
      return stream_whole (loader, max, out, error);
    }
  s->fmt = fmt;
  if (n >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0)
    g_string_erase (s->buf, 0, 3);
  if (s->fp != stdin)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      return file_meta (path, dir, loader_dir (loader, dir), &s->meta, error);
    }
  return TRUE;
}

/* Parses the whole lines of @s->buf's first @end bytes into @out. */
static void
stream_lines (EvlSourceLoader *loader, gsize end, gsize max, GPtrArray *out)
{
  LineStream *s = &loader->stream;
  guint before = out->len;
  if (s->fmt == EVL_FORMAT_EXTRACTED)
    {
      /* s->bad counts on over chunks: only the first bad line sets s->first. */
      extracted_lines (s->name, s->buf->str, end, s->lines, max, out, &s->bad, &s->first);
      s->good += out->len - before;
    }
  else
    {
      evl_source_jsonl_lines (s->name, s->buf->str, end, s->lines, max, out, &s->good, &s->bad,
                              &s->first);
      apply_meta (s->name, s->fmt, &loader->opts, &s->meta, out, before);
    }
  for (gsize k = 0; k < end; k++)
    if (s->buf->str[k] == '\n')
      s->lines++;
  g_string_erase (s->buf, 0, (gssize) end);
}

/* The result of a stream read to its end. */
static gboolean
stream_finish (LineStream *s, GError **error)
{
  if (s->fmt != EVL_FORMAT_EXTRACTED)
    return evl_source_jsonl_finish (s->name, s->good, s->bad, &s->first, error);
  if (s->bad == 0 && s->good == 0)
    return evl_fail (error, EVL_ERROR_PARSE, "%s: empty file", s->name);
  if (s->bad)
    {
      g_propagate_error (error, g_steal_pointer (&s->first));
      return FALSE;
    }
  return TRUE;
}

static gboolean
stream_some (EvlSourceLoader *loader, gsize chunk, GPtrArray *out, gboolean *more,
             GError **error)
{
  LineStream *s = &loader->stream;
  gsize max = loader->opts.max_bytes ? loader->opts.max_bytes : DEFAULT_MAX_BYTES;
  gsize want = chunk ? MAX (chunk, (gsize) 65536) : STREAM_CHUNK;
  gsize taken = 0;
  for (;;)
    {
      if (s->skipping)
        {
          /* The rest of an overlong line is dropped as it comes. */
          const char *first_nl = memchr (s->buf->str, '\n', s->buf->len);
          g_string_erase (s->buf, 0, first_nl ? first_nl - s->buf->str + 1 : -1);
          if (first_nl || s->eof)
            {
              s->skipping = FALSE;
              s->lines++;
            }
          else if (!stream_fill (s, 65536, error))
            return FALSE;
          continue;
        }
      /* Whole lines only; the last, incomplete one waits for more input. */
      const char *nl = s->buf->len ? memrchr (s->buf->str, '\n', s->buf->len) : NULL;
      gsize end = s->eof ? s->buf->len : nl ? (gsize) (nl - s->buf->str) + 1 : 0;
      if (end == 0 && !s->eof)
        {
          if (s->buf->len > max)
            {
              /* A bad line like any other: counted, the others go on. */
              if (s->bad++ == 0)
                {
                  g_autofree char *advice = evl_source_max_size_advice (max * 2);
                  evl_fail (&s->first, EVL_ERROR_TOO_LARGE,
                            "%s:%u: a line of more than %" G_GSIZE_FORMAT
                            " bytes exceeds the limit; %s", s->name, s->lines + 1, max, advice);
                }
              s->skipping = TRUE;
              continue;
            }
          if (!stream_fill (s, s->buf->len + 65536, error))
            return FALSE;
          continue;
        }
      stream_lines (loader, end, max, out);
      taken += end;
      if (s->eof && s->buf->len == 0)
        return stream_finish (s, error);
      if (chunk && taken >= chunk)
        {
          *more = TRUE;
          return TRUE;
        }
      if (!stream_fill (s, want, error))
        return FALSE;
    }
}

gboolean
evl_source_loader_load_some (EvlSourceLoader *loader, const char *path, gsize chunk,
                             GPtrArray *out, gboolean *more, GError **error)
{
  g_return_val_if_fail (loader != NULL && path != NULL && out != NULL && more != NULL, FALSE);
  *more = FALSE;
  LineStream *s = &loader->stream;
  if (s->path && strcmp (s->path, path) != 0)
    stream_clear (s);   /* the caller moved on: the rest of that input is not read */
  if (s->path == NULL)
    {
      gboolean loaded = FALSE;
      gsize want = chunk ? MAX (chunk, (gsize) 65536) : STREAM_CHUNK;
      gboolean ok = stream_open (loader, path, want, out, &loaded, error);
      if (!ok || loaded)
        {
          stream_clear (s);
          return ok;
        }
    }
  gboolean ok = stream_some (loader, chunk, out, more, error);
  if (!*more)
    stream_clear (s);
  return ok;
}

static gboolean
is_input_file (const char *name)
{
  if (name[0] == '.' || strcmp (name, MANIFEST_NAME) == 0 || g_str_has_suffix (name, SIDECAR_SUFFIX))
    return FALSE;
  /* .json files are articles (news-please); the manifest and sidecars
   * were excluded above. */
  static const char *const skip[] = { ".md", ".png", ".svg", ".pdf", ".jpg", ".gif", "~", NULL };
  for (guint i = 0; skip[i]; i++)
    if (g_str_has_suffix (name, skip[i]))
      return FALSE;
  if (g_ascii_strcasecmp (name, "README") == 0 || g_ascii_strncasecmp (name, "README.", 7) == 0)
    return FALSE;
  return TRUE;
}

static gint
cmp_path (gconstpointer a, gconstpointer b, gpointer data)
{
  (void) data;
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Notes in @d what the listing of its folder says about the entry @name
 * (a manifest or a sidecar): the loader then need not ask. */
static void
dir_info_note (DirInfo *d, const char *name, int type)
{
  if (strcmp (name, MANIFEST_NAME) == 0)
    d->manifest_type = type;
  else if (g_str_has_suffix (name, SIDECAR_SUFFIX))
    {
      if (d->sidecars == NULL)
        d->sidecars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (d->sidecars, g_strdup (name), GINT_TO_POINTER (type + 1));
    }
}

/* evl_source_expand_paths(), and with @loader (nullable) a note of each
 * listed folder's manifest and sidecars. */
static GPtrArray *
expand_paths (EvlSourceLoader *loader, const char *const *paths, GError **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths && paths[i]; i++)
    {
      const char *p = paths[i];
      if (strcmp (p, "-") == 0)
        {
          g_ptr_array_add (files, g_strdup (p));
          continue;
        }
      if (!g_file_test (p, G_FILE_TEST_EXISTS))
        {
          evl_fail (error, EVL_ERROR_IO, "%s: no such file or folder", p);
          return NULL;
        }
      if (!g_file_test (p, G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (files, g_strdup (p));
          continue;
        }
      /* readdir() rather than GDir: the entry's type comes with its name,
       * so a folder of N articles costs no N stat() calls; only links and
       * file systems that leave the type unknown are asked. */
      DIR *dir = opendir (p);
      if (dir == NULL)
        {
          evl_fail (error, EVL_ERROR_IO, "%s: %s", p, g_strerror (errno));
          return NULL;
        }
      /* The record under the name the loader will look it up by: the
       * folder part of a path built as the files' paths are. */
      DirInfo *d = NULL;
      /* A file's path is the folder's part of this probe and its name:
       * g_build_filename() joins a name without separators the same way
       * whatever the name (a call per file was 0.5 M instructions on a
       * folder of 400 articles). */
      g_autofree char *probe = g_build_filename (p, "x", NULL);
      gsize prefix_len = strlen (probe) - 1;
      if (loader)
        {
          g_autofree char *key = g_path_get_dirname (probe);
          d = loader_dir (loader, key);
          /* A second listing of the same folder replaces the first. */
          d->manifest_type = -1;
          g_clear_pointer (&d->sidecars, g_hash_table_unref);
        }
      guint first = files->len, n_sub = 0;
      guint sub_first = loader ? loader->subfolders->len : 0;
      struct dirent *de;
      while ((de = readdir (dir)) != NULL)
        {
          const char *name = de->d_name;
          if (d)
            dir_info_note (d, name, de->d_type);
          /* Folders are not descended into (an output folder inside the
           * input one would be read back), but they are noted: articles
           * filed by date must not vanish without a word. */
          gboolean ask = de->d_type == DT_LNK || de->d_type == DT_UNKNOWN;
          gboolean maybe_dir = name[0] != '.' && (de->d_type == DT_DIR || ask);
          gboolean input = is_input_file (name);
          if (!maybe_dir && !input)
            continue;
          gsize name_len = strlen (name);
          g_autofree char *full = g_malloc (prefix_len + name_len + 1);
          memcpy (full, probe, prefix_len);
          memcpy (full + prefix_len, name, name_len + 1);
          /* One stat() for an entry whose type the listing left open. */
          GStatBuf st = { 0 };
          gboolean known = !ask || g_stat (full, &st) == 0;
          gboolean is_dir = de->d_type == DT_DIR || (ask && known && S_ISDIR (st.st_mode));
          if (maybe_dir && is_dir)
            {
              n_sub++;
              if (loader)
                g_ptr_array_add (loader->subfolders, g_steal_pointer (&full));
              continue;
            }
          if (!input || (de->d_type != DT_REG && !(ask && known && S_ISREG (st.st_mode))))
            continue;
          g_ptr_array_add (files, g_steal_pointer (&full));
        }
      closedir (dir);
      if (d)
        d->listed = TRUE;
      if (loader && loader->subfolders->len > sub_first + 1)
        g_qsort_with_data (loader->subfolders->pdata + sub_first,
                           (gint) (loader->subfolders->len - sub_first), sizeof (gpointer),
                           cmp_path, NULL);
      if (files->len == first)
        {
          if (loader)  /* the error names them */
            g_ptr_array_set_size (loader->subfolders, sub_first);
          if (n_sub)
            evl_fail (error, EVL_ERROR_IO,
                      "%s: folder contains no input files, only %u subfolder%s, which "
                      "are not read: give them as inputs (%s%s*/)", p, n_sub, n_sub == 1 ? "" : "s",
                      p, g_str_has_suffix (p, G_DIR_SEPARATOR_S) ? "" : G_DIR_SEPARATOR_S);
          else
            evl_fail (error, EVL_ERROR_IO,
                      "%s: folder contains no input files: articles are .txt (or other plain "
                      "text), .html, .htm, .json, .jsonl, .ndjson, .tml or .te3input files; "
                      "hidden files, README, .md, images, .pdf and metadata (" MANIFEST_NAME
                      ", *" SIDECAR_SUFFIX ") are skipped",
                      p);
          return NULL;
        }
      /* Sort this folder's files so output order never depends on the
       * file system (after the check: pdata is NULL while empty). */
      g_qsort_with_data (files->pdata + first, (gint) (files->len - first), sizeof (gpointer),
                         cmp_path, NULL);
    }
  return g_steal_pointer (&files);
}

GPtrArray *
evl_source_expand_paths (const char *const *paths, GError **error)
{
  return expand_paths (NULL, paths, error);
}

GPtrArray *
evl_source_loader_expand (EvlSourceLoader *loader, const char *const *paths, GError **error)
{
  g_return_val_if_fail (loader != NULL, NULL);
  return expand_paths (loader, paths, error);
}

GPtrArray *
evl_source_loader_subfolders (EvlSourceLoader *loader)
{
  g_return_val_if_fail (loader != NULL, NULL);
  return loader->subfolders;
}
