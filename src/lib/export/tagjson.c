/* `eventline tag -f jsonl`: a document's timexes and events as one
 * compact JSON line, written straight into a byte buffer.
 *
 * The members and values are those of `tag -f json` (a JsonBuilder tree
 * per document, pretty-printed): for thousands of documents that tree
 * cost an allocation per value, where this writer appends to one buffer
 * the caller reuses.  Span texts are copied from the document's text
 * without interning them.
 *
 * Strings go through one escaper that always gives valid JSON in valid
 * UTF-8, whatever the bytes: a document's text is valid UTF-8 by
 * construction (evl_document_new() refuses anything else), but a path
 * comes from the file system and a lexicon value may come from a
 * --data-dir file, so nothing here relies on that. */
#include "evl-private.h"

#include <string.h>

/* Bytes a string of @n bytes may need at most: \u00XX is six bytes for
 * one, U+FFFD three for one, plus the two quotes. */
#define ESCAPED_MAX(n) (6 * (n) + 2)

/* Length of the well-formed UTF-8 sequence (RFC 3629: no overlong form,
 * no surrogate, nothing above U+10FFFF) that starts at @p (a byte >=
 * 0x80), or 0 when there is none; then *skip is the length of its
 * maximal ill-formed prefix (at least 1), which becomes one U+FFFD as
 * the Unicode standard recommends (section 3.9, "U+FFFD Substitution of
 * Maximal Subparts"). */
static gsize
utf8_sequence (const guchar *p, const guchar *end, gsize *skip)
{
  guint c = p[0], lo = 0x80, hi = 0xBF;
  gsize need;
  if (c >= 0xC2 && c <= 0xDF)
    need = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      need = 3;
      if (c == 0xE0)
        lo = 0xA0;   /* below: overlong */
      else if (c == 0xED)
        hi = 0x9F;   /* above: a surrogate */
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      need = 4;
      if (c == 0xF0)
        lo = 0x90;   /* below: overlong */
      else if (c == 0xF4)
        hi = 0x8F;   /* above: beyond U+10FFFF */
    }
  else
    {
      *skip = 1;
      return 0;
    }
  gsize k = 1;
  for (; k < need && p + k < end; k++)
    {
      if (p[k] < lo || p[k] > hi)
        break;
      lo = 0x80;
      hi = 0xBF;
    }
  if (k == need)
    return need;
  *skip = k;
  return 0;
}

/* Non-zero when a byte of @w needs more than a copy: not ASCII, a
 * control character (below 0x20 or DEL), '"' or '\'. */
static inline guint64
needs_care (guint64 w)
{
  return (w & EVL_SWAR_HIGHS) | evl_swar_below (w, 0x20) | evl_swar_eq (w, '"')
         | evl_swar_eq (w, '\\') | evl_swar_eq (w, 0x7F);
}

/* Writes @n bytes of @s as a JSON string literal at @d, which has room
 * for ESCAPED_MAX (@n) bytes; returns the end. */
static char *
escape (char *d, const guchar *s, gsize n)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = s, *end = s + n;
  *d++ = '"';
  while (p < end)
    {
      while (end - p >= 8 && needs_care (evl_load64 ((const char *) p)) == 0)
        {
          memcpy (d, p, 8);
          d += 8;
          p += 8;
        }
      if (p == end)
        break;
      guint c = *p;
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
        {
          *d++ = (char) c;
          p++;
          continue;
        }
      if (c < 0x80)
        {
          /* The short forms RFC 8259 has; other controls (and DEL, as
           * json-glib writes it) as \u00XX. */
          char e = c == '"' ? '"' : c == '\\' ? '\\' : c == '\b' ? 'b' : c == '\f' ? 'f'
                 : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : 0;
          *d++ = '\\';
          if (e)
            *d++ = e;
          else
            {
              memcpy (d, "u00", 3);
              d[3] = hex[c >> 4];
              d[4] = hex[c & 0xF];
              d += 5;
            }
          p++;
          continue;
        }
      gsize skip = 0, len = utf8_sequence (p, end, &skip);
      if (len)
        {
          memcpy (d, p, len);
          d += len;
          p += len;
        }
      else
        {
          memcpy (d, "\xEF\xBF\xBD", 3);   /* U+FFFD REPLACEMENT CHARACTER */
          d += 3;
          p += skip;
        }
    }
  *d++ = '"';
  return d;
}

void
evl_export_append_json_string (GString *out, const char *str, gssize len)
{
  g_return_if_fail (out != NULL && (str != NULL || len <= 0));
  gsize n = str == NULL ? 0 : len < 0 ? strlen (str) : (gsize) len;
  g_return_if_fail (n <= (G_MAXSIZE - out->len - 3) / 6);
  gsize at = out->len;
  g_string_set_size (out, at + ESCAPED_MAX (n));
  char *end = escape (out->str + at, (const guchar *) str, n);
  out->len = (gsize) (end - out->str);
  *end = '\0';
}

/* Appends string literal @lit (a member name with its punctuation);
 * sizeof needs the literal itself, never a pointer. */
#define LIT(out, lit) g_string_append_len ((out), (lit), sizeof (lit) - 1)

static void
append_uint (GString *out, guint64 v)
{
  char digits[20];
  guint n = 0;
  do
    digits[n++] = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  gsize at = out->len;
  g_string_set_size (out, at + n);
  for (guint i = 0; i < n; i++)
    out->str[at + i] = digits[n - 1 - i];
}

static void
append_str (GString *out, const char *s)
{
  evl_export_append_json_string (out, s, -1);
}

/* @member (",\"name\":") then @value, when @value is set. */
#define MEMBER_STR(out, member, value)                  \
  G_STMT_START {                                        \
    const char *v_ = (value);                           \
    if (v_ != NULL)                                     \
      {                                                 \
        LIT (out, member);                              \
        append_str (out, v_);                           \
      }                                                 \
  } G_STMT_END

/* "\"tN\"" for index @i (0-based), as tag -f json numbers tids and eids. */
static void
append_id (GString *out, char prefix, guint64 i)
{
  g_string_append_c (out, '"');
  g_string_append_c (out, prefix);
  append_uint (out, i + 1);
  g_string_append_c (out, '"');
}

/* The first members of item @i of the timexes or events: "{\"tid\":\"t1\""
 * (@key the literal '{"tid":', @prefix 't'), then start, end and (when
 * the span is within the text) text. */
static void
open_item (GString *out, guint i, const char *key, gsize key_len, char prefix,
           const char *text, gsize text_len, EvlSpan span)
{
  if (i > 0)
    g_string_append_c (out, ',');
  g_string_append_len (out, key, (gssize) key_len);
  append_id (out, prefix, i);
  LIT (out, ",\"start\":");
  append_uint (out, span.start);
  LIT (out, ",\"end\":");
  append_uint (out, span.end);
  if (span.start <= span.end && span.end <= text_len)
    {
      LIT (out, ",\"text\":");
      evl_export_append_json_string (out, text + span.start, span.end - span.start);
    }
}

static const char *const timex_types[] = { "DATE", "TIME", "DURATION", "SET" };

void
evl_export_tag_json_line (GString *out, const EvlDocument *doc)
{
  g_return_if_fail (out != NULL && doc != NULL);
  gsize text_len = 0;
  const char *text = evl_document_get_text (doc, &text_len);
  /* A document always has an id (evl_document_new() requires one), so
   * every later member starts with a comma. */
  LIT (out, "{\"id\":");
  append_str (out, evl_document_get_id (doc));
  MEMBER_STR (out, ",\"path\":", evl_document_get_path (doc));
  MEMBER_STR (out, ",\"title\":", evl_document_get_title (doc));
  MEMBER_STR (out, ",\"dct\":", evl_document_get_dct (doc));

  guint n = 0;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  LIT (out, ",\"timexes\":[");
  for (guint i = 0; i < n; i++)
    {
      static const char key[] = "{\"tid\":";
      open_item (out, i, key, sizeof key - 1, 't', text, text_len, t[i].span);
      MEMBER_STR (out, ",\"type\":",
                  (guint) t[i].type < G_N_ELEMENTS (timex_types) ? timex_types[t[i].type] : NULL);
      MEMBER_STR (out, ",\"value\":", t[i].value);
      MEMBER_STR (out, ",\"mod\":", t[i].mod);
      MEMBER_STR (out, ",\"quant\":", t[i].quant);
      MEMBER_STR (out, ",\"freq\":", t[i].freq);
      if (t[i].anchor >= 0)
        {
          LIT (out, ",\"anchorTimeID\":");
          append_id (out, 't', (guint64) t[i].anchor);
        }
      g_string_append_c (out, '}');
    }

  const EvlEventMention *e = evl_document_get_event_mentions (doc, &n);
  LIT (out, "],\"events\":[");
  for (guint i = 0; i < n; i++)
    {
      static const char key[] = "{\"eid\":";
      open_item (out, i, key, sizeof key - 1, 'e', text, text_len, e[i].span);
      MEMBER_STR (out, ",\"class\":", evl_event_class_to_string (e[i].klass));
      MEMBER_STR (out, ",\"lemma\":", e[i].lemma);
      MEMBER_STR (out, ",\"type\":", e[i].type);
      MEMBER_STR (out, ",\"tense\":", e[i].tense);
      MEMBER_STR (out, ",\"aspect\":", e[i].aspect);
      MEMBER_STR (out, ",\"polarity\":", e[i].polarity == EVL_POLARITY_NEG ? "NEG" : "POS");
      MEMBER_STR (out, ",\"modality\":", e[i].modality);
      if (e[i].timex >= 0)
        {
          LIT (out, ",\"timex\":");
          append_id (out, 't', (guint64) e[i].timex);
        }
      g_string_append_c (out, '}');
    }
  LIT (out, "]}\n");
}
