/* Bytes to UTF-8 for the loaders: byte-order marks, declared charsets,
 * standard input, and publication dates written in page metadata.
 *
 * Policy:
 * - A UTF-8 BOM is skipped; a UTF-16/UTF-32 BOM makes the whole input be
 *   converted to UTF-8 with g_convert() before anything else looks at it.
 * - Plain text and JSON Lines must be UTF-8; evl_document_new() rejects
 *   anything else with EVL_ERROR_ENCODING (no guessing).
 * - HTML follows the charset it declares (<meta charset>, http-equiv
 *   Content-Type, XML declaration), with the WHATWG label mapping
 *   (latin1/ascii/iso-8859-1 mean windows-1252).  Bytes that are valid
 *   UTF-8 with non-ASCII characters stay UTF-8 whatever the declaration
 *   says (a page re-saved by a browser keeps its old <meta>); undeclared
 *   invalid UTF-8 is read as windows-1252, the web's default. */
#include "source-private.h"

#include <stdio.h>
#include <string.h>

#define CHARSET_PRESCAN 4096

static char *
convert_to_utf8 (const char *name, const char *data, gsize len, const char *charset,
                 gsize *out_len, GError **error)
{
  g_autoptr (GError) local = NULL;
  char *res = g_convert (data, (gssize) len, "UTF-8", charset, NULL, out_len, &local);
  if (res)
    return res;
  /* glibc's WINDOWS-1252 refuses its five undefined bytes (0x81 ...);
   * ISO-8859-1 maps every byte, and agrees on all the others but 0x80-0x9F. */
  if (g_ascii_strcasecmp (charset, "WINDOWS-1252") == 0)
    {
      res = g_convert (data, (gssize) len, "UTF-8", "ISO-8859-1", NULL, out_len, NULL);
      if (res)
        return res;
    }
  if (g_error_matches (local, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    evl_fail (error, EVL_ERROR_ENCODING, "%s: unknown charset '%s'", name, charset);
  else
    evl_fail (error, EVL_ERROR_ENCODING, "%s: not valid %s: %s", name, charset, local->message);
  return NULL;
}

gboolean
evl_source_decode_bom (const char *name, const char **data, gsize *len, char **owned_out,
                       GError **error)
{
  static const struct {
    const char *bom;
    guint n;
    const char *charset;
  } boms[] = {
    /* UTF-32LE before UTF-16LE: its BOM starts with the UTF-16LE one. */
    { "\xFF\xFE\x00\x00", 4, "UTF-32LE" },
    { "\x00\x00\xFE\xFF", 4, "UTF-32BE" },
    { "\xEF\xBB\xBF", 3, NULL },
    { "\xFF\xFE", 2, "UTF-16LE" },
    { "\xFE\xFF", 2, "UTF-16BE" },
  };
  *owned_out = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (boms); i++)
    {
      if (*len < boms[i].n || memcmp (*data, boms[i].bom, boms[i].n) != 0)
        continue;
      const char *body = *data + boms[i].n;
      gsize blen = *len - boms[i].n;
      if (boms[i].charset == NULL)
        {
          *data = body;
          *len = blen;
          return TRUE;
        }
      gsize out_len = 0;
      char *conv = convert_to_utf8 (name, body, blen, boms[i].charset, &out_len, error);
      if (conv == NULL)
        return FALSE;
      *owned_out = conv;
      *data = conv;
      *len = out_len;
      return TRUE;
    }
  return TRUE;
}

/* Reads the value after "charset=" / "encoding=" at @p: optional spaces
 * and quote, then a label of [A-Za-z0-9._:-]. */
static char *
read_label (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (p >= end || *p != '=')
    return NULL;
  p++;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
    p++;
  const char *s = p;
  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
    p++;
  return p > s ? g_ascii_strdown (s, p - s) : NULL;
}

static const char *
find_ci (const char *hay, const char *end, const char *needle)
{
  gsize n = strlen (needle);
  for (const char *p = hay; p + n <= end; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return p;
  return NULL;
}

char *
evl_source_sniff_charset (const char *data, gsize len)
{
  const char *end = data + MIN (len, (gsize) CHARSET_PRESCAN);
  const char *p = data;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (end - p > 5 && strncmp (p, "<?xml", 5) == 0)
    {
      const char *close = memchr (p, '>', end - p);
      const char *enc = find_ci (p, close ? close : end, "encoding");
      if (enc)
        return read_label (enc + 8, close ? close : end);
    }
  for (const char *m = find_ci (p, end, "<meta"); m; m = find_ci (m + 5, end, "<meta"))
    {
      const char *close = memchr (m, '>', end - m);
      const char *tag_end = close ? close : end;
      const char *cs = find_ci (m, tag_end, "charset");
      if (cs)
        {
          char *label = read_label (cs + 7, tag_end);
          if (label)
            return label;
        }
    }
  return NULL;
}

/* The WHATWG Encoding Standard's label -> encoding table, for the labels
 * news pages use; anything else goes to iconv as written. */
static const char *
canonical_charset (const char *label)
{
  static const char *const utf8[] = { "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
                                      /* a UTF-16 label on ASCII-compatible bytes means UTF-8 */
                                      "utf-16", "utf-16le", "utf-16be", "unicode", NULL };
  static const char *const cp1252[] = { "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1",
                                        "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "cp1252",
                                        "windows-1252", "x-cp1252", "cp819", "ibm819", NULL };
  for (guint i = 0; utf8[i]; i++)
    if (strcmp (label, utf8[i]) == 0)
      return "UTF-8";
  for (guint i = 0; cp1252[i]; i++)
    if (strcmp (label, cp1252[i]) == 0)
      return "WINDOWS-1252";
  return label;
}

static gboolean
has_non_ascii (const char *data, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) data[i] >= 0x80)
      return TRUE;
  return FALSE;
}

char *
evl_source_html_to_utf8 (const char *name, const char *data, gsize len, gsize *out_len,
                         GError **error)
{
  g_autofree char *label = evl_source_sniff_charset (data, len);
  const char *charset = label ? canonical_charset (label) : NULL;
  gboolean valid = g_utf8_validate_len (data, len, NULL);
  if (valid && (charset == NULL || strcmp (charset, "UTF-8") == 0 || !has_non_ascii (data, len)
                || g_ascii_strcasecmp (charset, "WINDOWS-1252") == 0
                || g_ascii_strncasecmp (charset, "ISO-8859", 8) == 0))
    {
      /* Valid UTF-8 with non-ASCII bytes is almost never legacy 8-bit text;
       * multi-byte legacy charsets (Shift_JIS, GBK) do get converted. */
      *out_len = len;
      return g_strndup (data, len);
    }
  if (charset == NULL)
    charset = "WINDOWS-1252";
  else if (strcmp (charset, "UTF-8") == 0)
    {
      /* Declared UTF-8 but broken: browsers show U+FFFD, so do we. */
      char *fixed = g_utf8_make_valid (data, (gssize) len);
      *out_len = strlen (fixed);
      return fixed;
    }
  return convert_to_utf8 (name, data, len, charset, out_len, error);
}

gboolean
evl_source_read_stdin (gsize max, char **data_out, gsize *len_out, GError **error)
{
  g_autoptr (GByteArray) buf = g_byte_array_new ();
  guint8 chunk[65536];
  for (;;)
    {
      size_t n = fread (chunk, 1, sizeof chunk, stdin);
      if (n > 0)
        g_byte_array_append (buf, chunk, (guint) n);
      if (buf->len > max)
        {
          /* Its whole size is unknown: twice the limit is a first step. */
          g_autofree char *advice = evl_source_max_size_advice (max * 2);
          return evl_fail (error, EVL_ERROR_TOO_LARGE,
                           "stdin: more than the limit of %" G_GSIZE_FORMAT " bytes; %s", max, advice);
        }
      if (n < sizeof chunk)
        {
          if (ferror (stdin))
            return evl_fail (error, EVL_ERROR_IO, "stdin: read error");
          break;
        }
    }
  *len_out = buf->len;
  g_byte_array_append (buf, (const guint8 *) "", 1);
  *data_out = (char *) g_byte_array_free (g_steal_pointer (&buf), FALSE);
  return TRUE;
}

char *
evl_source_max_size_advice (gsize need)
{
  static const char *const units[] = { "", "K", "M", "G" };
  guint k = 0;
  while (k < 3 && (guint64) need >= (guint64) 1024 << (10 * k))
    k++;
  guint64 unit = (guint64) 1 << (10 * k);
  return g_strdup_printf ("raise it with --max-size %" G_GUINT64_FORMAT "%s",
                          ((guint64) need + unit - 1) / unit, units[k]);
}

char *
evl_source_name_stem (const char *name)
{
  char *base = g_path_get_basename (name);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  return base;
}

/* ---- publication dates from metadata ---- */

static int
month_from_name (const char *p, gsize n)
{
  static const char *const names[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec" };
  if (n < 3)
    return 0;
  for (guint i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (p, names[i], 3) == 0)
      return (int) i + 1;
  return 0;
}

static char *
ymd_string (int y, int m, int d)
{
  EvlDay day = (y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
               ? evl_day_from_ymd (y, m, d) : 0;
  if (day == 0)
    return NULL;
  char buf[11];
  return g_strdup (evl_day_format (day, buf));
}

char *
evl_source_normalize_date (const char *s)
{
  if (s == NULL)
    return NULL;
  while (g_ascii_isspace (*s))
    s++;
  /* ISO 8601 and friends: 2023-09-14[T...], 2023/09/14, 2023.09.14, 20230914 */
  if (g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2])
      && g_ascii_isdigit (s[3]))
    {
      int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
      const char *p = s + 4;
      if ((*p == '-' || *p == '/' || *p == '.') && g_ascii_isdigit (p[1]))
        {
          char sep = *p;
          char *e;
          long m = strtol (p + 1, &e, 10);
          if (*e == sep && g_ascii_isdigit (e[1]))
            return ymd_string (y, (int) m, (int) strtol (e + 1, NULL, 10));
          return NULL;
        }
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
          && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        return ymd_string (y, (p[0] - '0') * 10 + (p[1] - '0'), (p[2] - '0') * 10 + (p[3] - '0'));
      return NULL;
    }
  /* "14.09.2023": dots put the day first (German, Nordic, Slavic usage) */
  if (g_ascii_isdigit (s[0]))
    {
      char *e, *f, *g;
      long d = strtol (s, &e, 10);
      if (e - s <= 2 && *e == '.' && g_ascii_isdigit (e[1]))
        {
          long m = strtol (e + 1, &f, 10);
          if (f - e <= 3 && *f == '.' && g_ascii_isdigit (f[1]))
            {
              long y = strtol (f + 1, &g, 10);
              if (g - f == 5 && !g_ascii_isdigit (*g))
                return ymd_string ((int) y, (int) m, (int) d);
            }
        }
    }
  /* "Thu, 14 Sep 2023 08:00:00 GMT", "14 September 2023", "September 14, 2023" */
  int day = 0, month = 0, year = 0;
  const char *p = s;
  while (*p)
    {
      if (g_ascii_isdigit (*p))
        {
          char *e;
          long v = strtol (p, &e, 10);
          if (e - p == 4 && year == 0)
            year = (int) v;
          else if (e - p <= 2 && day == 0 && v >= 1 && v <= 31)
            day = (int) v;
          else if (*e == ':')
            break;  /* a clock time: the date is complete or absent */
          p = e;
        }
      else if (g_ascii_isalpha (*p))
        {
          const char *w = p;
          while (g_ascii_isalpha (*p))
            p++;
          int m = month_from_name (w, p - w);
          if (m && month == 0)
            month = m;
        }
      else
        p++;
    }
  return (day && month && year) ? ymd_string (year, month, day) : NULL;
}

/* TRUE when the JSON text nests arrays/objects at most @max deep: json-glib
 * parses recursively, so a hostile '[[[[...' must never reach it. */
gboolean
evl_source_json_depth_ok (const char *data, gsize len, guint max)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}
