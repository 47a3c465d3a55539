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

/* 1 for a byte copied as it is: printable ASCII but '"' and '\\'. */
static const guint8 plain[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Writes the character at *@pp, one plain[] does not copy, escaped or
 * (ill-formed UTF-8) as U+FFFD at @d (room for six bytes); moves *@pp
 * past it and returns the end.  A sequence is never read beyond @end,
 * nor beyond a NUL (which is no continuation byte). */
static char *
escape_one (char *d, const guchar **pp, const guchar *end)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = *pp;
  guint c = *p;
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
      *pp = p + 1;
      return d;
    }
  gsize skip = 0, len = utf8_sequence (p, end, &skip);
  if (len)
    {
      memcpy (d, p, len);
      *pp = p + len;
      return d + len;
    }
  memcpy (d, "\xEF\xBF\xBD", 3);   /* U+FFFD REPLACEMENT CHARACTER */
  *pp = p + skip;
  return d + 3;
}

/* The @r (1-7) bytes at @p in the low bytes of a word, zeros above,
 * reading nothing outside [@s, @p + @r) (@p - @s bytes may be read
 * before @p). */
static inline guint64
load_last (const guchar *s, const guchar *p, gsize r)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (p - s + r >= 8)
    return evl_load64 ((const char *) p + r - 8) >> (8 * (8 - r));
  if (r >= 4)
    {
      guint32 lo, hi;
      memcpy (&lo, p, 4);
      memcpy (&hi, p + r - 4, 4);
      return (guint64) lo | ((guint64) hi << (8 * (r - 4)));
    }
  guint64 w = p[0];
  if (r >= 2)
    w |= (guint64) p[1] << 8;
  if (r == 3)
    w |= (guint64) p[2] << 16;
  return w;
#else
  guint64 w = 0;
  for (gsize i = 0; i < r; i++)
    w |= (guint64) p[i] << (8 * i);
  return w;
#endif
}

/* Writes @n bytes of @s as a JSON string literal at @d, which has room
 * for ESCAPED_MAX (@n) + 8 bytes; returns the end. */
static char *
escape (char *d, const guchar *s, gsize n)
{
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
      gsize r = (gsize) (end - p);
      if (r > 0 && r < 8)
        {
          /* The tail (most values are shorter than eight bytes) in one
           * word when no byte of it needs care: written as eight bytes,
           * the zeros past it overwritten next (the room has 8 to
           * spare).  A byte loop here was a fifth of the line. */
          guint64 w = load_last (s, p, r);
          if ((needs_care (w) & (~G_GUINT64_CONSTANT (0) >> (64 - 8 * r))) == 0)
            {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
              memcpy (d, &w, 8);
#else
              memcpy (d, p, r);
#endif
              d += r;
              break;
            }
        }
      /* Bytes before the one that stopped the eight-byte steps, or the
       * tail (fewer than eight). */
      while (p < end && plain[*p])
        *d++ = (char) *p++;
      if (p < end)
        d = escape_one (d, &p, end);
    }
  *d++ = '"';
  return d;
}

/* A cursor on @s: bytes are written at p, with room up to end (the
 * terminating NUL's byte excluded); s->len is set once done.  Writing
 * through it costs no function call per piece (g_string_append_len()
 * was a third of the line's instructions). */
typedef struct {
  GString *s;
  char *p, *end;
} Cursor;

static void
cursor_init (Cursor *c, GString *s)
{
  c->s = s;
  c->p = s->str + s->len;
  c->end = s->str + s->allocated_len - 1;
}

/* Grows @c's string to take @n more bytes; out of line, rarely called. */
static void
cursor_grow (Cursor *c, gsize n)
{
  gsize len = (gsize) (c->p - c->s->str);
  g_return_if_fail (n < G_MAXSIZE / 2 - len);
  /* set_size grows the allocation (doubling); the length is put back. */
  g_string_set_size (c->s, len + n + 256);
  c->s->len = len;
  c->p = c->s->str + len;
  c->end = c->s->str + c->s->allocated_len - 1;
}

static inline void
reserve (Cursor *c, gsize n)
{
  if (G_UNLIKELY ((gsize) (c->end - c->p) < n))
    cursor_grow (c, n);
}

static void
cursor_finish (Cursor *c)
{
  c->s->len = (gsize) (c->p - c->s->str);
  *c->p = '\0';
}

static inline void
put_json_string (Cursor *c, const char *str, gsize n)
{
  reserve (c, ESCAPED_MAX (n) + 8);
  c->p = escape (c->p, (const guchar *) str, n);
}

void
evl_export_append_json_string (GString *out, const char *str, gssize len)
{
  g_return_if_fail (out != NULL && (str != NULL || len <= 0));
  gsize n = str == NULL ? 0 : len < 0 ? strlen (str) : (gsize) len;
  g_return_if_fail (n < G_MAXSIZE / 8);
  Cursor c;
  cursor_init (&c, out);
  put_json_string (&c, str, n);
  cursor_finish (&c);
}

/* Writes string literal @lit (a member name with its punctuation);
 * sizeof needs the literal itself, never a pointer. */
#define LIT(c, lit)                                     \
  G_STMT_START {                                        \
    reserve ((c), sizeof (lit) - 1);                    \
    memcpy ((c)->p, (lit), sizeof (lit) - 1);           \
    (c)->p += sizeof (lit) - 1;                         \
  } G_STMT_END

static inline void
put_char (Cursor *c, char ch)
{
  reserve (c, 1);
  *c->p++ = ch;
}

/* Writes @v in decimal at @d (room for 20 bytes); returns the end.  The
 * digits are counted first and written in place from the last, two at a
 * time (through a stack copy and a memcpy() call, 63 instructions a
 * number). */
static inline char *
uint_at (char *d, guint64 v)
{
  static const char pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
  /* Offsets and ids: nearly always under 100,000. */
  guint n = 1 + (v >= 10) + (v >= 100) + (v >= 1000) + (v >= 10000);
  if (G_UNLIKELY (v >= 100000))
    for (guint64 t = v / 10000; t >= 10; t /= 10)
      n++;
  char *q = d + n;
  for (; v >= 100; v /= 100)
    {
      q -= 2;
      memcpy (q, pairs + 2 * (v % 100), 2);
    }
  if (v >= 10)
    memcpy (q - 2, pairs + 2 * v, 2);
  else
    q[-1] = (char) ('0' + v);
  return d + n;
}

static inline void
put_uint (Cursor *c, guint64 v)
{
  reserve (c, 20);
  c->p = uint_at (c->p, v);
}

static inline void
put_str (Cursor *c, const char *s)
{
  put_json_string (c, s, strlen (s));
}

/* The strings met so far in one line, by address.  The vocabulary
 * (class, lemma, type, tense, aspect...) repeats from event to event:
 * its escaped form is copied from where it was first written in the
 * line instead of measured and escaped again (that was a third of the
 * line's instructions).  Valid for one line only: the addresses are the
 * document's and the context's, which do not change while it is
 * written. */
#define MEMO_SLOTS 256

typedef struct {
  const char *key;
  gsize at, len;   /* offset in the buffer of the escaped form, its length */
} MemoSlot;

/* First time @s is met in the line: escaped, and remembered in @m. */
static G_GNUC_NO_INLINE void
memo_miss (Cursor *c, MemoSlot *m, const char *s)
{
  gsize at = (gsize) (c->p - c->s->str);   /* an offset: put_str() may move the buffer */
  put_str (c, s);
  m->key = s;
  m->at = at;
  m->len = (gsize) (c->p - c->s->str) - at;
}

/* Member name @lit (@lit_len bytes, at most 16) then @s.  A hit takes
 * one reservation for both and copies the escaped form (nearly always
 * at most 16 bytes: a class, a tense, a lemma) as two words instead of
 * a memcpy() call: the 16 bytes read from @from, earlier in the buffer,
 * are within the reserved room, and are loaded before anything is
 * stored. */
static inline void
put_member_memo (Cursor *c, MemoSlot *memo, const char *lit, gsize lit_len, const char *s)
{
  guintptr h = (guintptr) s;
  MemoSlot *m = &memo[(h >> 3 ^ h >> 9) & (MEMO_SLOTS - 1)];
  if (G_UNLIKELY (m->key != s))
    {
      reserve (c, lit_len);
      memcpy (c->p, lit, lit_len);
      c->p += lit_len;
      memo_miss (c, m, s);
      return;
    }
  gsize n = m->len;
  reserve (c, lit_len + MAX (n, 16));
  char *d = c->p;
  const char *from = c->s->str + m->at;
  memcpy (d, lit, lit_len);
  d += lit_len;
  if (n <= 16)
    {
      guint64 a = evl_load64 (from), b = evl_load64 (from + 8);
      memcpy (d, &a, 8);
      memcpy (d + 8, &b, 8);
    }
  else
    memcpy (d, from, n);
  c->p = d + n;
}

/* @member (",\"name\":") then @value, when @value is set. */
#define MEMBER_STR(c, member, value)                    \
  G_STMT_START {                                        \
    const char *v_ = (value);                           \
    if (v_ != NULL)                                     \
      {                                                 \
        LIT (c, member);                                \
        put_str (c, v_);                                \
      }                                                 \
  } G_STMT_END

/* The same for a value that may repeat in the line. */
#define MEMBER_MEMO(c, memo, member, value)             \
  G_STMT_START {                                        \
    const char *v_ = (value);                           \
    G_STATIC_ASSERT (sizeof (member) - 1 <= 16);        \
    if (v_ != NULL)                                     \
      put_member_memo (c, memo, member, sizeof (member) - 1, v_); \
  } G_STMT_END

/* "\"tN\"" for index @i (0-based), as tag -f json numbers tids and eids. */
static void
put_id (Cursor *c, char prefix, guint64 i)
{
  reserve (c, 2);
  *c->p++ = '"';
  *c->p++ = prefix;
  put_uint (c, i + 1);
  put_char (c, '"');
}

/* The first members of item @i of the timexes or events: "{\"tid\":\"t1\""
 * (@key the literal '{"tid":', @prefix 't'), then start, end and (when
 * the span is within the text) text. */
/* Writes literal @lit at @d, which has room; the end. */
#define LIT_AT(d, lit) (memcpy ((d), (lit), sizeof (lit) - 1), (d) + sizeof (lit) - 1)

static void
open_item (Cursor *c, guint i, const char *key, gsize key_len, char prefix,
           const char *text, gsize text_len, EvlSpan span)
{
  /* One reservation for the comma, key, id, start and end (three
   * numbers of at most 20 digits, the quotes and the member names). */
  reserve (c, key_len + 96);
  char *d = c->p;
  *d = ',';
  d += i > 0;
  memcpy (d, key, key_len);
  d += key_len;
  *d++ = '"';
  *d++ = prefix;
  d = uint_at (d, (guint64) i + 1);
  d = LIT_AT (d, "\",\"start\":");
  d = uint_at (d, span.start);
  d = LIT_AT (d, ",\"end\":");
  d = uint_at (d, span.end);
  c->p = d;
  if (span.start <= span.end && span.end <= text_len)
    {
      LIT (c, ",\"text\":");
      put_json_string (c, text + span.start, span.end - span.start);
    }
}

static const char *const timex_types[] = { "DATE", "TIME", "DURATION", "SET" };

void
evl_export_tag_json_line (GString *out, const EvlDocument *doc)
{
  g_return_if_fail (out != NULL && doc != NULL);
  gsize text_len = 0;
  const char *text = evl_document_get_text (doc, &text_len);
  Cursor cur, *c = &cur;
  cursor_init (c, out);
  MemoSlot memo[MEMO_SLOTS] = { { NULL, 0, 0 } };
  /* A document always has an id (evl_document_new() requires one), so
   * every later member starts with a comma. */
  LIT (c, "{\"id\":");
  put_str (c, evl_document_get_id (doc));
  MEMBER_STR (c, ",\"path\":", evl_document_get_path (doc));
  MEMBER_STR (c, ",\"title\":", evl_document_get_title (doc));
  MEMBER_STR (c, ",\"dct\":", evl_document_get_dct (doc));

  guint n = 0;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  LIT (c, ",\"timexes\":[");
  for (guint i = 0; i < n; i++)
    {
      static const char key[] = "{\"tid\":";
      open_item (c, i, key, sizeof key - 1, 't', text, text_len, t[i].span);
      MEMBER_MEMO (c, memo, ",\"type\":",
                   (guint) t[i].type < G_N_ELEMENTS (timex_types) ? timex_types[t[i].type] : NULL);
      MEMBER_MEMO (c, memo, ",\"value\":", t[i].value);
      MEMBER_MEMO (c, memo, ",\"mod\":", t[i].mod);
      MEMBER_MEMO (c, memo, ",\"quant\":", t[i].quant);
      MEMBER_MEMO (c, memo, ",\"freq\":", t[i].freq);
      if (t[i].anchor >= 0)
        {
          LIT (c, ",\"anchorTimeID\":");
          put_id (c, 't', (guint64) t[i].anchor);
        }
      put_char (c, '}');
    }

  const EvlEventMention *e = evl_document_get_event_mentions (doc, &n);
  LIT (c, "],\"events\":[");
  for (guint i = 0; i < n; i++)
    {
      static const char key[] = "{\"eid\":";
      open_item (c, i, key, sizeof key - 1, 'e', text, text_len, e[i].span);
      MEMBER_MEMO (c, memo, ",\"class\":", evl_event_class_to_string (e[i].klass));
      MEMBER_MEMO (c, memo, ",\"lemma\":", e[i].lemma);
      MEMBER_MEMO (c, memo, ",\"type\":", e[i].type);
      MEMBER_MEMO (c, memo, ",\"tense\":", e[i].tense);
      MEMBER_MEMO (c, memo, ",\"aspect\":", e[i].aspect);
      if (e[i].polarity == EVL_POLARITY_NEG)
        LIT (c, ",\"polarity\":\"NEG\"");
      else
        LIT (c, ",\"polarity\":\"POS\"");
      MEMBER_MEMO (c, memo, ",\"modality\":", e[i].modality);
      if (e[i].timex >= 0)
        {
          LIT (c, ",\"timex\":");
          put_id (c, 't', (guint64) e[i].timex);
        }
      put_char (c, '}');
    }
  LIT (c, "]}\n");
  cursor_finish (c);
}
