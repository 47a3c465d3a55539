/* One JSON writer for the hand-written JSON of the library: `tag -f
 * jsonl` lines (export/tagjson.c), `extract` lines (core/document-json.c)
 * and events.json (graph/graph-json.c).  Never installed.
 *
 * A cursor writes at p with room up to end in a GString it owns until
 * evl_json_cursor_finish(): no function call per piece
 * (g_string_append_len() was a third of a tag line's instructions), a
 * reservation ahead of each run of pieces.  The functions are static
 * inline so that the writers keep inlining them (the tag line depends on
 * it); their two tables are defined once, in json-cursor.c.
 *
 * Strings are escaped one way, strictly, so every output is valid JSON
 * in valid UTF-8 whatever the bytes: '"' and '\' escaped, control
 * characters as \b \f \n \r \t or \u00XX (U+001F included, which
 * json-glib 1.6 leaves raw), DEL as \u007f, each maximal ill-formed UTF-8
 * subpart as U+FFFD.  A document's text is valid UTF-8 by construction,
 * but a path comes from the file system and a lexicon value may come from
 * a --data-dir file. */
#pragma once

#include "evl-private.h"

#include <string.h>

/* Bytes a string of @n bytes may need at most: \u00XX is six bytes for
 * one, U+FFFD three for one, plus the two quotes. */
#define EVL_JSON_ESCAPED_MAX(n) (6 * (n) + 2)

/* Length of the well-formed UTF-8 sequence (RFC 3629: no overlong form,
 * no surrogate, nothing above U+10FFFF) that starts at @p (a byte >=
 * 0x80), or 0 when there is none; then *skip is the length of its
 * maximal ill-formed prefix (at least 1), which becomes one U+FFFD as
 * the Unicode standard recommends (section 3.9, "U+FFFD Substitution of
 * Maximal Subparts"). */
G_GNUC_UNUSED static gsize
evl_json_utf8_sequence (const guchar *p, const guchar *end, gsize *skip)
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

/* Non-zero when a byte of @w needs more than a copy: a control character
 * (below 0x20 or DEL), '"', '\' or anything not ASCII. */
static inline guint64
evl_json_needs_care (guint64 w)
{
  return (w & EVL_SWAR_HIGHS) | evl_swar_below (w, 0x20) | evl_swar_eq (w, '"')
         | evl_swar_eq (w, '\\') | evl_swar_eq (w, 0x7F);
}

/* json-cursor.c: non-zero for a byte copied as it is; the digits "00"
 * to "99".  Defined once: a static table in each writer was three copies
 * in the binary. */
extern const guint8 evl_json_plain[256];
extern const char evl_json_digit_pairs[201];

/* Writes the character at *@pp, one evl_json_plain[] does not copy,
 * escaped or (ill-formed UTF-8) as U+FFFD at @d (room for six bytes);
 * moves *@pp past it and returns the end.  A sequence is never read
 * beyond @end, nor beyond a NUL (which is no continuation byte). */
G_GNUC_UNUSED static char *
evl_json_escape_one (char *d, const guchar **pp, const guchar *end)
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
  gsize skip = 0, len = evl_json_utf8_sequence (p, end, &skip);
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
evl_json_load_last (const guchar *s, const guchar *p, gsize r)
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
 * for EVL_JSON_ESCAPED_MAX (@n) + 8 bytes; returns the end. */
G_GNUC_UNUSED static char *
evl_json_escape (char *d, const guchar *s, gsize n)
{
  const guchar *p = s, *end = s + n;
  *d++ = '"';
  while (p < end)
    {
      while (end - p >= 8 && evl_json_needs_care (evl_load64 ((const char *) p)) == 0)
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
           * spare).  A byte loop here was a fifth of the tag line. */
          guint64 w = evl_json_load_last (s, p, r);
          if ((evl_json_needs_care (w) & (~G_GUINT64_CONSTANT (0) >> (64 - 8 * r))) == 0)
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
      while (p < end && evl_json_plain[*p])
        *d++ = (char) *p++;
      if (p < end)
        d = evl_json_escape_one (d, &p, end);
    }
  *d++ = '"';
  return d;
}

/* ---- the cursor ---- */

/* Bytes are written at p, with room up to end (the terminating NUL's
 * byte excluded); s->len is set by evl_json_cursor_finish(). */
typedef struct {
  GString *s;
  char *p, *end;
} EvlJsonCursor;

/* Starts writing at the end of @s. */
static inline void
evl_json_cursor_init (EvlJsonCursor *c, GString *s)
{
  c->s = s;
  c->p = s->str + s->len;
  c->end = s->str + s->allocated_len - 1;
}

/* Grows @c's string to take @n more bytes; out of line, rarely called. */
G_GNUC_UNUSED static void
evl_json_cursor_grow (EvlJsonCursor *c, gsize n)
{
  gsize len = (gsize) (c->p - c->s->str);
  g_return_if_fail (n < G_MAXSIZE / 2 - len);
  /* set_size grows the allocation (doubling); the length is put back. */
  g_string_set_size (c->s, len + n + 256);
  c->s->len = len;
  c->p = c->s->str + len;
  c->end = c->s->str + c->s->allocated_len - 1;
}

/* Room for @n more bytes at c->p. */
static inline void
evl_json_reserve (EvlJsonCursor *c, gsize n)
{
  if (G_UNLIKELY ((gsize) (c->end - c->p) < n))
    evl_json_cursor_grow (c, n);
}

/* Hands the bytes written to the string (its len and NUL); the cursor
 * stays usable after it. */
static inline void
evl_json_cursor_finish (EvlJsonCursor *c)
{
  c->s->len = (gsize) (c->p - c->s->str);
  *c->p = '\0';
}

/* Bytes written into the string so far. */
static inline gsize
evl_json_cursor_len (const EvlJsonCursor *c)
{
  return (gsize) (c->p - c->s->str);
}

/* Receives what a streaming writer has written so far. */
typedef void (*EvlJsonFlushFunc) (const char *data, gsize len, gpointer user_data);

/* For a writer that streams: once @limit bytes or more wait in @c, hands
 * them all to @flush and writes again from the start of the string
 * (whose allocation is kept). */
static inline void
evl_json_cursor_flush_above (EvlJsonCursor *c, gsize limit, EvlJsonFlushFunc flush,
                             gpointer user_data)
{
  gsize len = evl_json_cursor_len (c);
  if (len >= limit)
    {
      flush (c->s->str, len, user_data);
      c->p = c->s->str;
    }
}

/* Writes literal @lit (a member name with its punctuation, "null");
 * sizeof needs the literal itself, never a pointer. */
#define EVL_JSON_LIT(c, lit)                            \
  G_STMT_START {                                        \
    evl_json_reserve ((c), sizeof (lit) - 1);           \
    memcpy ((c)->p, (lit), sizeof (lit) - 1);           \
    (c)->p += sizeof (lit) - 1;                         \
  } G_STMT_END

/* Writes literal @lit at @d, which has room; the end. */
#define EVL_JSON_LIT_AT(d, lit) (memcpy ((d), (lit), sizeof (lit) - 1), (d) + sizeof (lit) - 1)

static inline void
evl_json_put_char (EvlJsonCursor *c, char ch)
{
  evl_json_reserve (c, 1);
  *c->p++ = ch;
}

static inline void
evl_json_put_bytes (EvlJsonCursor *c, const char *b, gsize n)
{
  evl_json_reserve (c, n);
  memcpy (c->p, b, n);
  c->p += n;
}

/* Writes @v in decimal at @d (room for 20 bytes); returns the end.  The
 * digits are counted first and written in place from the last, two at a
 * time (through a stack copy and a memcpy() call, 63 instructions a
 * number). */
static inline char *
evl_json_uint_at (char *d, guint64 v)
{
  const char *pairs = evl_json_digit_pairs;
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
evl_json_put_uint (EvlJsonCursor *c, guint64 v)
{
  evl_json_reserve (c, 20);
  c->p = evl_json_uint_at (c->p, v);
}

static inline void
evl_json_put_int (EvlJsonCursor *c, gint64 v)
{
  evl_json_reserve (c, 21);
  char *d = c->p;
  *d = '-';
  d += v < 0;
  c->p = evl_json_uint_at (d, v < 0 ? -(guint64) v : (guint64) v);
}

/* @n bytes of @str as a string literal. */
static inline void
evl_json_put_string (EvlJsonCursor *c, const char *str, gsize n)
{
  evl_json_reserve (c, EVL_JSON_ESCAPED_MAX (n) + 8);
  c->p = evl_json_escape (c->p, (const guchar *) str, n);
}

/* The same up to the NUL of @s. */
static inline void
evl_json_put_str (EvlJsonCursor *c, const char *s)
{
  evl_json_put_string (c, s, strlen (s));
}

