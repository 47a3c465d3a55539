/* TimeML writer: the document's text inside <TEXT> with the system's TIMEX3
 * and EVENT tags inserted, so that TempEval-3 style scorers align it with
 * the gold file of the same text.
 *
 * TimeML gives TIMEX3 and EVENT #PCDATA content only, so tags never nest
 * or overlap.  Placement is deterministic: timexes first, in order of
 * start (longer first on a tie), each kept only when it overlaps no timex
 * already kept; then events the same way against everything kept.  A span
 * that is empty, out of range or splits a UTF-8 character is dropped.
 *
 * Characters outside the tags are the input's; &, < and > are escaped, a
 * carriage return is written as &#13; (a parser would otherwise fold CR LF
 * and shift every offset) and the characters XML 1.0 cannot carry (C0
 * controls, U+FFFE, U+FFFF) become spaces, byte for byte, so offsets are
 * kept.
 *
 * The text is built in a buffer flushed to the stream every FLUSH_AT
 * bytes, so a document of any size never has its whole TimeML in memory. */
#include "evl-private.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef struct {
  guint32 start, end;
  guint index;          /* into the timex or event array */
  gboolean is_timex;
} Item;

static int
item_cmp (gconstpointer a, gconstpointer b)
{
  const Item *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

static gboolean
on_boundary (const char *text, gsize len, guint32 off)
{
  return off == len || (off < len && ((guchar) text[off] & 0xC0) != 0x80);
}

static gboolean
span_ok (const char *text, gsize len, guint32 start, guint32 end)
{
  return start < end && end <= len && on_boundary (text, len, start)
         && on_boundary (text, len, end);
}

static gboolean
is_sorted (const Item *a, guint n)
{
  for (guint i = 1; i < n; i++)
    if (item_cmp (&a[i - 1], &a[i]) > 0)
      return FALSE;
  return TRUE;
}

/* The walk of keep_free(): the end of the last item kept, and the
 * first of the @n_fixed disjoint sorted items at @fixed that may still
 * overlap one. */
typedef struct {
  guint32 end;
  guint j;
  const Item *fixed;
  guint n_fixed;
} Keeper;

/* Is @x (after those asked about before, in item_cmp() order) kept:
 * does it overlap neither an item kept before nor a fixed one? */
G_ALWAYS_INLINE static inline gboolean
keeper_takes (Keeper *k, const Item *x)
{
  if (x->start < k->end)
    return FALSE;
  while (k->j < k->n_fixed && k->fixed[k->j].end <= x->start)
    k->j++;
  if (k->j < k->n_fixed && k->fixed[k->j].start < x->end)
    return FALSE;
  k->end = x->end;
  return TRUE;
}

/* Keeps those of the @n items at @it that overlap neither an item kept
 * before them nor one of the @n_fixed disjoint items at @fixed (sorted);
 * returns how many, moved to the front of @it in item_cmp() order.
 * Items usually come in text order, so sorting is mostly a check.  Kept
 * items are disjoint and sorted, so the last one kept ends furthest and
 * the fixed ones are walked once: no byte map of the text (its zeroed
 * allocation and a memchr/memset per item were 1.2 M instructions on the
 * 400 small documents), linear in the items after the sort. */
static guint
keep_free (Item *it, guint n, const Item *fixed, guint n_fixed)
{
  if (!is_sorted (it, n))
    qsort (it, n, sizeof *it, item_cmp);
  Keeper k = { 0, 0, fixed, n_fixed };
  guint m = 0;
  for (guint i = 0; i < n; i++)
    if (keeper_takes (&k, &it[i]))
      it[m++] = it[i];
  return m;
}

/* The events of @ev (@n_ev) with a span span_ok() in @text (@len bytes),
 * kept by keep_free() against the @n_fixed timexes at @fixed, into @out
 * (room for all).  When they come in item_cmp() order, as the recognizer
 * writes them, this takes one pass (building every item, checking the
 * order, then keeping was 0.3 M instructions more on the 400 small
 * documents); else they are built again and keep_free() sorts them. */
static guint
collect_events (Item *out, const EvlEventMention *ev, guint n_ev, const char *text, gsize len,
                const Item *fixed, guint n_fixed)
{
  Keeper k = { 0, 0, fixed, n_fixed };
  Item prev = { 0, 0, 0, FALSE };
  gboolean any = FALSE;
  guint m = 0;
  for (guint i = 0; i < n_ev; i++)
    {
      if (!span_ok (text, len, ev[i].span.start, ev[i].span.end))
        continue;
      Item x = { ev[i].span.start, ev[i].span.end, i, FALSE };
      if (any && item_cmp (&prev, &x) > 0)
        {
          m = 0;
          for (guint e = 0; e < n_ev; e++)
            if (span_ok (text, len, ev[e].span.start, ev[e].span.end))
              out[m++] = (Item) { ev[e].span.start, ev[e].span.end, e, FALSE };
          return keep_free (out, m, fixed, n_fixed);
        }
      prev = x;
      any = TRUE;
      if (keeper_takes (&k, &x))
        out[m++] = x;
    }
  return m;
}

/* Bytes the escapers must look at; runs of other bytes are copied with
 * one append.  SP_TEXT (escape_text): &, <, >, CR, the C0 controls other
 * than LF and TAB, and 0xEF (the lead byte of U+FFFE/U+FFFF).  SP_ATTR
 * (attribute values): &, <, >, '"' and every C0 control. */
enum { SP_TEXT = 1, SP_ATTR = 2, SP_BOTH = 3 };

#define C0(b) [b] = SP_BOTH
static const guint8 special[256] = {
  C0 (0x01), C0 (0x02), C0 (0x03), C0 (0x04), C0 (0x05), C0 (0x06), C0 (0x07),
  C0 (0x08), [0x09] = SP_ATTR, [0x0A] = SP_ATTR, C0 (0x0B), C0 (0x0C), C0 (0x0D),
  C0 (0x0E), C0 (0x0F), C0 (0x10), C0 (0x11), C0 (0x12), C0 (0x13), C0 (0x14),
  C0 (0x15), C0 (0x16), C0 (0x17), C0 (0x18), C0 (0x19), C0 (0x1A), C0 (0x1B),
  C0 (0x1C), C0 (0x1D), C0 (0x1E), C0 (0x1F), [0x00] = SP_TEXT,
  ['&'] = SP_BOTH, ['<'] = SP_BOTH, ['>'] = SP_BOTH, ['"'] = SP_ATTR, [0xEF] = SP_TEXT,
};
#undef C0

/* The output buffer: a plain byte array (no NUL kept at the end, unlike a
 * GString), kept per thread for the next document, so writing a piece is
 * a bounds check and a memcpy. */
typedef struct {
  char *p;
  gsize len, cap;
} Buf;

static void
grow (Buf *b, gsize n)
{
  b->cap = MAX (2 * b->cap, b->len + n);
  b->p = g_realloc (b->p, b->cap);
}

/* Room for @n more bytes; where they go. */
G_ALWAYS_INLINE static inline char *
room (Buf *b, gsize n)
{
  if (G_UNLIKELY (b->cap - b->len < n))
    grow (b, n);
  return b->p + b->len;
}

G_ALWAYS_INLINE static inline void
put (Buf *b, const char *p, gsize n)
{
  memcpy (room (b, n), p, n);
  b->len += n;
}

#define APPEND_LIT(b, lit) put ((b), (lit), sizeof (lit) - 1)

/* The first i in [@i, @len) where escape_text must look at @text[i] (see
 * special[]), or @len; @text[0, @limit) may be read (@limit >= @len: the
 * rest of the document after a slice).  Most text has nothing to escape:
 * SSE2 tests 16 bytes at a time (escape_text was a fifth of the writer's
 * instructions when it tested every byte), reading past @len within
 * @limit so that the short runs between tags take one test too. */
#ifdef __SSE2__
/* Bit k set when byte k of @v is one escape_text must look at (SP_TEXT
 * in special[]). */
G_ALWAYS_INLINE static inline __m128i
special_mask (__m128i v)
{
  /* A C0 control (v <= 0x1F unsigned) other than TAB and LF. */
  __m128i m = _mm_cmpeq_epi8 (_mm_min_epu8 (v, _mm_set1_epi8 (0x1F)), v);
  m = _mm_andnot_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\t')),
                                      _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\n'))), m);
  m = _mm_or_si128 (m, _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('&')),
                                     _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('<'))));
  m = _mm_or_si128 (m, _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('>')),
                                     _mm_cmpeq_epi8 (v, _mm_set1_epi8 ((char) 0xEF))));
  return m;
}

G_ALWAYS_INLINE static inline int
special_bits (__m128i v)
{
  return _mm_movemask_epi8 (special_mask (v));
}
#endif

G_ALWAYS_INLINE static inline gsize
next_special (const char *text, gsize i, gsize len, gsize limit)
{
#ifdef __SSE2__
  for (; i < len && i + 16 <= limit; i += 16)
    {
      int bits = special_bits (_mm_loadu_si128 ((const __m128i *) (const void *) (text + i)));
      if (bits != 0)
        return MIN (len, i + (gsize) g_bit_nth_lsf ((gulong) (guint) bits, -1));
    }
  if (i >= len)
    return len;
#else
  (void) limit;
#endif
  for (; i < len; i++)
    if (special[(guchar) text[i]] & SP_TEXT)
      return i;
  return len;
}

/* next_special (@text, @i, @len, @len) for a search over the rest of a
 * text, where the next special byte is usually far: sixty-four bytes a
 * test (one test per sixteen was 28 instructions a block). */
static gsize
next_special_far (const char *text, gsize i, gsize len)
{
#ifdef __SSE2__
  for (; i + 64 <= len; i += 64)
    {
      const __m128i *p = (const __m128i *) (const void *) (text + i);
      __m128i m = _mm_or_si128 (_mm_or_si128 (special_mask (_mm_loadu_si128 (p)),
                                              special_mask (_mm_loadu_si128 (p + 1))),
                                _mm_or_si128 (special_mask (_mm_loadu_si128 (p + 2)),
                                              special_mask (_mm_loadu_si128 (p + 3))));
      if (_mm_movemask_epi8 (m))
        break;
    }
#endif
  return next_special (text, i, len, len);
}

/* Appends @text[0, @len) escaped; @text[0, @limit) may be read.  The
 * general loop, for a piece with something to escape (see
 * put_piece()). */
static G_GNUC_NO_INLINE void
escape_text_slow (Buf *b, const char *text, gsize len, gsize limit)
{
  gsize run = 0;   /* start of the pending run of plain bytes */
  for (gsize i = next_special (text, 0, len, limit); i < len;
       i = next_special (text, i, len, limit))
    {
      guchar c = (guchar) text[i];
      if (c == 0xEF && !(i + 2 < len && (guchar) text[i + 1] == 0xBF
                         && ((guchar) text[i + 2] == 0xBE || (guchar) text[i + 2] == 0xBF)))
        {
          i++;   /* any other character starting with 0xEF */
          continue;
        }
      put (b, text + run, i - run);
      switch (c)
        {
        case '&': APPEND_LIT (b, "&amp;"); break;
        case '<': APPEND_LIT (b, "&lt;"); break;
        case '>': APPEND_LIT (b, "&gt;"); break;
        case '\r': APPEND_LIT (b, "&#13;"); break;
        case 0xEF:
          /* U+FFFE and U+FFFF are not XML characters either: three spaces. */
          APPEND_LIT (b, "   ");
          i += 2;
          break;
        default: APPEND_LIT (b, " ");   /* a C0 control */
        }
      run = ++i;
    }
  put (b, text + run, len - run);
}

/* Copies @text[0, @len), which holds nothing escape_text() changes, to
 * @w, which has room for @len + 16 bytes; returns the end.  @text[0,
 * @limit) may be read.  Sixteen-byte moves, the last one possibly past
 * the piece: that is room in the buffer, and the end only counts the
 * piece. */
G_ALWAYS_INLINE static inline char *
copy_plain (char *w, const char *text, gsize len, gsize limit)
{
#ifdef __SSE2__
  gsize i = 0;
  if (G_LIKELY (len + 16 <= limit))
    for (; i < len; i += 16)
      _mm_storeu_si128 ((__m128i *) (void *) (w + i),
                        _mm_loadu_si128 ((const __m128i *) (const void *) (text + i)));
  else
    memcpy (w, text, len);   /* near the document's end */
#else
  (void) limit;
  memcpy (w, text, len);
#endif
  return w + len;
}

G_ALWAYS_INLINE static inline void
put_plain (Buf *b, const char *text, gsize len, gsize limit)
{
  char *w = room (b, len + 16);
  b->len = (gsize) (copy_plain (w, text, len, limit) - b->p);
}

/* Appends @text[0, @len) escaped (the id, the title, the DCT). */
static void
escape_text (Buf *b, const char *text, gsize len)
{
  gsize j = next_special (text, 0, len, len);
  put_plain (b, text, j, len);
  if (j < len)
    escape_text_slow (b, text + j, len - j, len - j);
}

/* Appends the document's text @text[@start, @end) escaped (@len: the
 * text's length).  *@sp is where the text's next byte escape_text()
 * must look at lies, at or after @start (pieces come in text order, each
 * starting where the last ended): a piece before it is copied without
 * testing a byte, and the text is scanned once as a whole (testing
 * every piece on its own was 2.6 M instructions for 36,000 tags on the
 * 400 small documents, most pieces being shorter than two blocks). */
G_ALWAYS_INLINE static inline void
put_piece (Buf *b, const char *text, gsize start, gsize end, gsize len, gsize *sp)
{
  if (G_LIKELY (end <= *sp))
    {
      put_plain (b, text + start, end - start, len - start);
      return;
    }
  escape_text_slow (b, text + start, end - start, len - start);
  *sp = next_special_far (text, end, len);
}

/* Appends ' name="value"' (@name_lit: " name=\"", a literal), the value
 * escaped; nothing when @value is NULL.  Room for the worst case (every
 * byte a '"') is made once, then the value is copied byte by byte. */
G_ALWAYS_INLINE static inline void
attr_lit (Buf *b, const char *name_lit, gsize name_len, const char *value)
{
  if (value == NULL)
    return;
  gsize vlen = strlen (value);
  char *w = room (b, name_len + 6 * vlen + 1);
  memcpy (w, name_lit, name_len);
  w += name_len;
  for (const char *p = value; *p; p++)
    {
      guchar c = (guchar) *p;
      if (G_LIKELY (!(special[c] & SP_ATTR)))
        {
          *w++ = (char) c;
          continue;
        }
      const char *esc;
      switch (c)
        {
        case '&': esc = "&amp;"; break;
        case '<': esc = "&lt;"; break;
        case '>': esc = "&gt;"; break;
        case '"': esc = "&quot;"; break;
        default: esc = " ";   /* a C0 control */
        }
      gsize n = strlen (esc);
      memcpy (w, esc, n);
      w += n;
    }
  *w++ = '"';
  b->len = (gsize) (w - b->p);
}

#define attr(b, name, value) attr_lit ((b), " " name "=\"", sizeof (" " name "=\"") - 1, (value))

/* An attribute as written for one value string (memo_get()). */
typedef struct {
  const char *value;      /* the key (unused for the constant slots) */
  gsize len;              /* of text */
  char text[48];
} AttrMemo;

/* The attributes kept for one attribute name (memo_get()). */
enum { MEMO_SLOTS = 8 };
typedef struct {
  AttrMemo slot[MEMO_SLOTS];
  guint n;                /* slots in use */
  guint next;             /* the one to replace when all are */
} AttrMemoSet;

/* Made anew per value string out of line (once per document and value). */
static G_GNUC_NO_INLINE const AttrMemo *
memo_add (AttrMemoSet *set, const char *name_lit, gsize name_len, const char *value)
{
  /* Escaped into room for the worst case (every byte "&quot;"), then
   * kept if it fits. */
  char tmp[16 + 6 * sizeof set->slot[0].text];
  if (name_len > 16 || strlen (value) > sizeof set->slot[0].text)
    return NULL;
  Buf t = { tmp, 0, sizeof tmp };   /* never grows: checked above */
  attr_lit (&t, name_lit, name_len, value);
  if (t.len > sizeof set->slot[0].text)
    return NULL;
  AttrMemo *m;
  if (set->n < MEMO_SLOTS)
    m = &set->slot[set->n++];
  else
    {
      m = &set->slot[set->next];
      set->next = (set->next + 1) % MEMO_SLOTS;
    }
  memcpy (m->text, tmp, t.len);
  m->value = value;
  m->len = t.len;
  return m;
}

/* ' name="value"' for @value (not NULL) from @set (empty at first),
 * made there when no earlier call had the same @value pointer; NULL
 * when too long to keep.  The tense, aspect and modality strings of a
 * document's events are a few interned or constant strings, escaped
 * once per document instead of once per event (strlen and the byte loop
 * were 3.0 M instructions for 30,000 values on the 400 small
 * documents).  The key is a pointer, so a memo lives for one document:
 * its strings do not change while it is written.  Searched in order of
 * first use, not hashed by address: a hashed table's collisions came
 * and went with the strings' addresses (0.3 M instructions between two
 * builds). */
G_ALWAYS_INLINE static inline const AttrMemo *
memo_get (AttrMemoSet *set, const char *name_lit, gsize name_len, const char *value)
{
  for (guint k = 0; k < set->n; k++)
    if (set->slot[k].value == value)
      return &set->slot[k];
  return memo_add (set, name_lit, name_len, value);
}

#define memo_get_lit(memo, name, value) \
  memo_get ((memo), " " name "=\"", sizeof (" " name "=\"") - 1, (value))

/* The two digits of 0 to 99. */
static const char digit_pairs[] =
  "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
  "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

/* @n in decimal at @w; returns the end.  Most ids have one or two
 * digits: written without the counting loop (the digit loops were 1.7 M
 * instructions on the 400 small documents), two digits as one move from
 * digit_pairs[] (a division by ten and a remainder were 0.2 M more for
 * 45,000 ids). */
G_ALWAYS_INLINE static inline char *
put_uint (char *w, guint n)
{
  if (n < 10)
    {
      *w = (char) ('0' + n);
      return w + 1;
    }
  if (n < 100)
    {
      memcpy (w, digit_pairs + 2 * n, 2);
      return w + 2;
    }
  guint digits = 1;
  for (guint m = n; m >= 10; m /= 10)
    digits++;
  char *d = w + digits;
  do
    *--d = (char) ('0' + n % 10);
  while ((n /= 10) > 0);
  return w + digits;
}

/* Appends ' name="PREFIXn"' (an id: no escaping needed), the digits
 * written in place. */
G_ALWAYS_INLINE static inline void
attr_id (Buf *b, const char *name_lit, gsize name_len, char prefix1, char prefix2, guint n)
{
  char *w = room (b, name_len + 16);
  memcpy (w, name_lit, name_len);
  w += name_len;
  *w++ = prefix1;
  if (prefix2)
    *w++ = prefix2;
  w = put_uint (w, n);
  *w++ = '"';
  b->len = (gsize) (w - b->p);
}

#define attr_idn(b, name, p1, p2, n) \
  attr_id ((b), " " name "=\"", sizeof (" " name "=\"") - 1, (p1), (p2), (n))

/* ' type="..."' for each EvlTimexType: the constant attributes are
 * written as literals, never escaped again per tag. */
#define LIT(s) { s, sizeof (s) - 1 }
static const struct {
  const char *s;
  gsize len;
} timex_type_attr[] = {
  LIT (" type=\"DATE\""), LIT (" type=\"TIME\""), LIT (" type=\"DURATION\""), LIT (" type=\"SET\""),
};
#undef LIT

/* Appends @a's text: a fixed-size copy of the whole slot, counted to the
 * text's end (room for the slot must be made). */
G_ALWAYS_INLINE static inline char *
put_memo (char *w, const AttrMemo *a)
{
  memcpy (w, a->text, sizeof a->text);
  return w + a->len;
}

/* ' class="NAME">' for each EvlEventClass, escaped once per process (the
 * names are constants) into a memo slot: an EVENT tag copies it instead
 * of escaping its class name again.  .value is unused. */
static AttrMemo class_attr[EVL_EVENT_CLASS_N];

/* class_attr[], made on first use. */
static const AttrMemo *
event_class_attrs (void)
{
  static gsize made = 0;
  if (g_once_init_enter (&made))
    {
      for (guint k = 0; k < EVL_EVENT_CLASS_N; k++)
        {
          Buf a = { NULL, 0, 0 };
          attr (&a, "class", evl_event_class_to_string ((EvlEventClass) k));
          APPEND_LIT (&a, ">");
          g_assert (a.len <= sizeof class_attr[k].text);
          memcpy (class_attr[k].text, a.p, a.len);
          class_attr[k].len = a.len;
          g_free (a.p);
        }
      g_once_init_leave (&made, 1);
    }
  return class_attr;
}

/* The most an EVENT tag of a known class takes at event_open_at(),
 * with its closing tag. */
enum { EVENT_TAGS_ROOM = sizeof "<EVENT eid=\"e" + 12 + sizeof class_attr[0].text + sizeof "</EVENT>" };

/* Writes the EVENT tag of event @i with the class attribute @cls (of
 * class_attr[]) at @w; returns the end. */
G_ALWAYS_INLINE static inline char *
event_open_at (char *w, guint i, const AttrMemo *cls)
{
  static const char head[] = "<EVENT eid=\"e";
  memcpy (w, head, sizeof head - 1);
  w = put_uint (w + sizeof head - 1, i + 1);
  *w++ = '"';
  return put_memo (w, cls);
}

/* Opens the EVENT tag of event @i of class @klass. */
static void
open_event (Buf *b, guint i, EvlEventClass klass)
{
  if ((guint) klass < EVL_EVENT_CLASS_N)
    {
      char *w = room (b, EVENT_TAGS_ROOM);
      b->len = (gsize) (event_open_at (w, i, &event_class_attrs ()[klass]) - b->p);
    }
  else
    {
      APPEND_LIT (b, "<EVENT");
      attr_idn (b, "eid", 'e', 0, i + 1);
      attr (b, "class", evl_event_class_to_string (klass));
      APPEND_LIT (b, ">");
    }
}

static void
open_timex (Buf *b, const EvlTimex *t, guint i, const guint8 *written, guint n,
            gboolean have_dct)
{
  APPEND_LIT (b, "<TIMEX3");
  attr_idn (b, "tid", 't', 0, i + 1);
  guint type = (guint) t->type < G_N_ELEMENTS (timex_type_attr) ? (guint) t->type : 0;
  put (b, timex_type_attr[type].s, timex_type_attr[type].len);
  attr (b, "value", t->value ? t->value : "");
  attr (b, "mod", t->mod);
  attr (b, "quant", t->quant);
  attr (b, "freq", t->freq);
  gboolean relative = (t->flags & EVL_TIMEX_FLAG_RELATIVE) != 0;
  if (relative)
    APPEND_LIT (b, " temporalFunction=\"true\" functionInDocument=\"NONE\"");
  else
    APPEND_LIT (b, " temporalFunction=\"false\" functionInDocument=\"NONE\"");
  if (t->anchor >= 0 && (guint) t->anchor < n && written[t->anchor] && (guint) t->anchor != i)
    attr_idn (b, "anchorTimeID", 't', 0, (guint) t->anchor + 1);
  else if (relative && have_dct)
    APPEND_LIT (b, " anchorTimeID=\"t0\"");
  APPEND_LIT (b, ">");
}

static void
write_dct (Buf *b, const char *dct)
{
  if (dct == NULL)
    return;
  APPEND_LIT (b, "<DCT><TIMEX3 tid=\"t0\"");
  if (strchr (dct, 'T'))
    APPEND_LIT (b, " type=\"TIME\"");
  else
    APPEND_LIT (b, " type=\"DATE\"");
  attr (b, "value", dct);
  APPEND_LIT (b, " temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">");
  escape_text (b, dct, strlen (dct));
  APPEND_LIT (b, "</TIMEX3></DCT>\n\n");
}

#define FLUSH_AT (64 * 1024)

/* Writes out what @b holds once it passes FLUSH_AT (or when @force);
 * after a failure, drops the rest and keeps the first error. */
static void
flush (Buf *b, GOutputStream *out, gboolean force, GError **error)
{
  if (b->len < FLUSH_AT && !force)
    return;
  if (*error == NULL)
    g_output_stream_write_all (out, b->p, b->len, NULL, NULL, error);
  b->len = 0;
}

/* The tense, aspect and polarity/pos attributes a MAKEINSTANCE line may
 * carry without a memo: padded to AttrMemo's size for the fixed-size
 * copies of write_instance(). */
static const AttrMemo tense_none = { NULL, sizeof (" tense=\"NONE\"") - 1, " tense=\"NONE\"" };
static const AttrMemo aspect_none = { NULL, sizeof (" aspect=\"NONE\"") - 1, " aspect=\"NONE\"" };
#define POLARITY_POS(pos) { NULL, sizeof (" polarity=\"POS\" pos=\"" pos "\"") - 1, " polarity=\"POS\" pos=\"" pos "\"" }
#define POLARITY_NEG(pos) { NULL, sizeof (" polarity=\"NEG\" pos=\"" pos "\"") - 1, " polarity=\"NEG\" pos=\"" pos "\"" }
/* A mention without tense is a noun: so are 86% of TimeBank+AQUAINT's
 * tense NONE instances (2418 NOUN, 284 VERB, 101 ADJECTIVE). */
static const AttrMemo polarity_pos[2][2] = {   /* [negated][verb] */
  { POLARITY_POS ("NOUN"), POLARITY_POS ("VERB") },
  { POLARITY_NEG ("NOUN"), POLARITY_NEG ("VERB") },
};
#undef POLARITY_POS
#undef POLARITY_NEG


/* The MAKEINSTANCE line of event @i (@e).  Every attribute is a literal,
 * an id or a memo slot, so the line is written with one room check (a
 * bounds check per piece was 1.2 M instructions for 15,000 lines on the
 * 400 small documents); a value too long for a memo takes attr_lit(). */
static void
write_instance (Buf *b, const EvlEventMention *e, guint i, AttrMemoSet *tense, AttrMemoSet *aspect,
                AttrMemoSet *modality)
{
  const AttrMemo *t = e->tense ? memo_get_lit (tense, "tense", e->tense) : &tense_none;
  const AttrMemo *a = e->aspect ? memo_get_lit (aspect, "aspect", e->aspect) : &aspect_none;
  const AttrMemo *m = e->modality ? memo_get_lit (modality, "modality", e->modality) : NULL;
  /* pos is required by TimeML 1.2.1; a tensed mention is a verb, an
   * untensed one a noun. */
  const char *tn = e->tense;
  gboolean verb = tn && !(tn[0] == 'N' && tn[1] == 'O' && tn[2] == 'N' && tn[3] == 'E' && tn[4] == '\0');
  const AttrMemo *p = &polarity_pos[e->polarity == EVL_POLARITY_NEG][verb];
  if (G_UNLIKELY (t == NULL || a == NULL || (m == NULL && e->modality)))
    {
      /* A value too long for a memo: piece by piece. */
      APPEND_LIT (b, "<MAKEINSTANCE");
      attr_idn (b, "eventID", 'e', 0, i + 1);
      attr_idn (b, "eiid", 'e', 'i', i + 1);
      if (t)
        put (b, t->text, t->len);
      else
        attr (b, "tense", e->tense);
      if (a)
        put (b, a->text, a->len);
      else
        attr (b, "aspect", e->aspect);
      put (b, p->text, p->len);
      if (m)
        put (b, m->text, m->len);
      else
        attr (b, "modality", e->modality);
      APPEND_LIT (b, "/>\n");
      return;
    }
  static const char head[] = "<MAKEINSTANCE eventID=\"e", mid[] = "\" eiid=\"ei";
  char *w = room (b, sizeof head + sizeof mid + 2 * 12 + 4 * sizeof t->text + 4);
  memcpy (w, head, sizeof head - 1);
  w += sizeof head - 1;
  w = put_uint (w, i + 1);
  memcpy (w, mid, sizeof mid - 1);
  w += sizeof mid - 1;
  w = put_uint (w, i + 1);
  *w++ = '"';
  w = put_memo (w, t);
  w = put_memo (w, a);
  w = put_memo (w, p);
  if (m)
    w = put_memo (w, m);
  memcpy (w, "/>\n", 3);
  b->len = (gsize) (w + 3 - b->p);
}

/* The MAKEINSTANCE lines of the @n_kept events kept, @kept, in text
 * order. */
static void
write_instances (Buf *b, const EvlEventMention *ev, const Item *kept, guint n_kept,
                 GOutputStream *out, GError **error)
{
  AttrMemoSet tense, aspect, modality;
  tense.n = aspect.n = modality.n = 0;
  tense.next = aspect.next = modality.next = 0;
  for (guint k = 0; k < n_kept; k++)
    {
      flush (b, out, FALSE, error);
      write_instance (b, &ev[kept[k].index], kept[k].index, &tense, &aspect, &modality);
    }
}

/* ---- TLINKs ----
 *
 * Rules of news syntax, each kept when it raised TempEval-3 temporal
 * awareness F1 on TimeBank+AQUAINT (`eventline eval tlinks`): under
 * awareness a link gold leaves unstated costs precision, so a rule pays
 * only where the annotators usually linked; the relType is the
 * majority of the gold links of its kind:
 *   - event-DCT by tense and aspect: PAST (any aspect) BEFORE (805 of 865
 *     gold event-DCT links), PRESENT PERFECTIVE BEFORE (127 of 144),
 *     FUTURE AFTER (60 of 63), PRESENT PROGRESSIVE INCLUDES (47 of 71);
 *     a present simple STATE or I_STATE INCLUDES, a present simple
 *     REPORTING IS_INCLUDED (F1 +1.4); another present simple
 *     (IS_INCLUDED and INCLUDES split) and untensed mentions get none;
 *   - event-timex: a DATE or TIME the story pass anchored the event to in
 *     its clause, else the DATE or TIME nearest it in its sentence within
 *     50 bytes (F1 +1.6) unless an infinitive or a future
 *     (untimed_form()); IS_INCLUDED (the majority after 'in', 'on'
 *     and bare dates), BEFORE/AFTER after 'before'/'after', BEGUN_BY
 *     after 'since' and 'from', BEFORE after 'by' (F1 +0.1), 'to' as
 *     'in' ('put off to May': IS_INCLUDED 11 of 16); none after the
 *     prepositions of an interval's end ('until', 'through', 'till'),
 *     where the gold relations split;
 *   - event-timex, also the DURATION nearest it (not a REPORTING or
 *     I_STATE event's) and the SET nearest it by the same rule and
 *     preposition: mostly IS_INCLUDED (136 of 264 gold links to a
 *     duration, all 28 to a set; F1 +0.5 and +0.2);
 *   - event-event: an event the story pass anchored to another by a cue
 *     ('hours before the summit') or as a later mention of an event
 *     already dated (cue_rel);
 *   - event-event, the event written before it in the same sentence
 *     (gold links between such neighbours, by the gold class and tense):
 *     'expected to rise', any class but ASPECTUAL then 'to' (up to three
 *     words before it) and an infinitive, AFTER (120 of 126; 'began to'
 *     splits); a REPORTING event then, within six words and no
 *     punctuation, a perfect ('said it had fired') BEFORE (19 of 20) or
 *     a future ('said it will fire') AFTER (12 of 12); a temporal
 *     conjunction between them, or a bound ('since', 'until', 'once',
 *     'then', 'following'; F1 +0.08) (conjunction_rel); a noun event the
 *     object of an intention or a report, or after 'in', 'during' or
 *     'for' (object_rel); a noun event the subject of a finite verb,
 *     up to three words before it (subject_rel); else by the two tenses (tense_rel; F1 +0.1); an
 *     event in a clause opening the sentence with 'after' or 'once' and
 *     the event after its comma, AFTER (fronted_rel; F1 +0.02); an
 *     event told with a modal auxiliary ('said they would appeal'),
 *     AFTER (modal_rel; AQUAINT 66 of 133 such gold neighbours AFTER,
 *     BEFORE 3; F1 +0.17, TimeBank +0.01, AQUAINT +0.38); a noun event
 *     up to three words after a past OCCURRENCE or REPORTING verb,
 *     BEFORE it (past_object_rel; F1 +0.18, TimeBank +0.09, AQUAINT
 *     +0.28);
 *   - event-event, a past REPORTING event and the nearest finite verb on
 *     either side in its sentence, a past simple or a perfect, BEFORE it
 *     (the first of the gold relations; F1 +0.4); a present one too
 *     ('says the rebels attacked'; F1 +0.03, TimeBank +0.03, AQUAINT
 *     +0.02);
 *   - event-event, an event noun and its last mention before with the
 *     same lemma, singular or plural, IDENTITY, unless dated apart
 *     (same_noun_before(); F1 +0.8); the first such noun and a verb of
 *     its lemma in its sentence or the two before ('attacked ... the
 *     attack'), IDENTITY (F1 +0.06); else the last noun of its story
 *     type in its sentence or the one before ('the blast ... the
 *     bombing'), IDENTITY (type_noun_before(); F1 +0.07, TimeBank
 *     +0.01, AQUAINT +0.13);
 *   - timex-timex, from the values (write_timex_links(); F1 +1.1).
 * The timex-timex links first (lids from 1), then in event order (the
 * order of the MAKEINSTANCE lines) the DCT link, the timex, then the
 * event links. */

typedef enum {
  TL_NONE = -1, TL_BEFORE, TL_AFTER, TL_INCLUDES, TL_IS_INCLUDED, TL_SIMULTANEOUS, TL_IDENTITY, TL_BEGUN_BY
} TlRel;

static const struct {
  const char *s;
  gsize len;
} tl_rel_attr[] = {
#define LIT(s) { s, sizeof (s) - 1 }
  LIT ("\" relType=\"BEFORE\""), LIT ("\" relType=\"AFTER\""), LIT ("\" relType=\"INCLUDES\""),
  LIT ("\" relType=\"IS_INCLUDED\""), LIT ("\" relType=\"SIMULTANEOUS\""), LIT ("\" relType=\"IDENTITY\""),
  LIT ("\" relType=\"BEGUN_BY\""),
#undef LIT
};

static gboolean
str_is (const char *s, const char *lit)
{
  return s && strcmp (s, lit) == 0;
}

/* The event-DCT relation of @e by its tense and aspect. */
static TlRel
dct_rel (const EvlEventMention *e)
{
  const char *t = e->tense, *a = e->aspect;
  if (t == NULL)
    return TL_NONE;
  if (str_is (t, "PAST"))
    return TL_BEFORE;
  if (str_is (t, "FUTURE"))
    return TL_AFTER;
  if (str_is (t, "PRESENT"))
    {
      if (str_is (a, "PERFECTIVE"))
        return TL_BEFORE;
      if (str_is (a, "PROGRESSIVE"))
        return TL_INCLUDES;
      if (a == NULL || str_is (a, "NONE"))
        {
          /* A state holds over the time of writing ('believes', 'is
           * open'); a report in the present is the writing's own
           * moment ('says'). */
          if (e->klass == EVL_EVENT_CLASS_STATE || e->klass == EVL_EVENT_CLASS_I_STATE)
            return TL_INCLUDES;
          if (e->klass == EVL_EVENT_CLASS_REPORTING)
            return TL_IS_INCLUDED;
        }
    }
  return TL_NONE;
}

/* Whether @text from @start to @end is @lit (@n bytes, lower case),
 * ignoring case. */
static gboolean
word_is (const char *text, guint32 start, guint32 end, const char *lit, gsize n)
{
  if (end - start != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if ((text[start + i] | 0x20) != lit[i])
      return FALSE;
  return TRUE;
}
#define WORD_IS(text, start, end, lit) word_is (text, start, end, lit, sizeof (lit) - 1)

/* The relation of an event to the timex at @start in @text, by the word
 * before the timex. */
static TlRel
timex_rel (const char *text, guint32 start)
{
  guint32 end = start;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\t'))
    end--;
  guint32 b = end;
  while (b > 0 && end - b < 8 && g_ascii_isalpha (text[b - 1]))
    b--;
  gsize n = end - b;
  if (n < 2 || n > 7 || (b > 0 && g_ascii_isalpha (text[b - 1])))
    return TL_IS_INCLUDED;
  if (WORD_IS (text, b, end, "before"))
    return TL_BEFORE;
  if (WORD_IS (text, b, end, "after"))
    return TL_AFTER;
  /* 'since May', 'from May': the event starts then (BEGUN_BY 23 of
   * the 50 gold links, AFTER 10); 'by May': done before it. */
  if (WORD_IS (text, b, end, "since") || WORD_IS (text, b, end, "from"))
    return TL_BEGUN_BY;
  if (WORD_IS (text, b, end, "by"))
    return TL_BEFORE;
  if (WORD_IS (text, b, end, "until") || WORD_IS (text, b, end, "through") || WORD_IS (text, b, end, "till"))
    return TL_NONE;
  return TL_IS_INCLUDED;
}

/* Untensed: written with pos NOUN (see write_instance()). */
static gboolean
is_noun (const EvlEventMention *e)
{
  const char *t = e->tense;
  return t == NULL || (t[0] == 'N' && t[1] == 'O' && t[2] == 'N' && t[3] == 'E' && t[4] == '\0');
}

static gboolean
no_aspect (const EvlEventMention *e)
{
  return e->aspect == NULL || str_is (e->aspect, "NONE");
}

static gboolean
word_byte (guchar c)
{
  return c >= 0x80 || g_ascii_isalnum (c) || c == '_';
}

/* Whether @text from @from to @to holds only words, blanks, apostrophes
 * and hyphens, and commas when @commas. */
static gboolean
plain_bytes (const char *text, guint32 from, guint32 to, gboolean commas)
{
  for (guint32 i = from; i < to; i++)
    {
      guchar c = (guchar) text[i];
      if (!word_byte (c) && !g_ascii_isspace (c) && c != '\'' && c != '-' && !(commas && c == ','))
        return FALSE;
    }
  return TRUE;
}

/* Whether @text from @from to @to is at most @max_pieces words, with
 * no punctuation but apostrophes and hyphens. */
static gboolean
plain_gap (const char *text, guint32 from, guint32 to, guint max_pieces)
{
  /* One pass for both tests, stopping at the first failure: it runs
   * for most pairs of neighbours. */
  guint n = 0;
  gboolean in = FALSE;
  for (guint32 i = from; i < to; i++)
    {
      guchar c = (guchar) text[i];
      if (g_ascii_isspace (c))
        in = FALSE;
      else if (!word_byte (c) && c != '\'' && c != '-')
        return FALSE;
      else if (!in)
        {
          in = TRUE;
          if (++n > max_pieces)
            return FALSE;
        }
    }
  return TRUE;
}

/* The relation of @e to @prev, the event written before it in the same
 * sentence, by the words between them (@text from @from to @to). */
static TlRel
neighbour_rel (const EvlEventMention *prev, const EvlEventMention *e, const char *text, guint32 from,
               guint32 to)
{
  if (from >= to || to - from > 64)
    return TL_NONE;
  /* Most neighbours are neither: the byte tests first, the tense
   * (strcmp) only for the few that pass them. */
  const char *w = text + from;
  if (to - from == 4 && w[0] == ' ' && (w[1] | 0x20) == 't' && (w[2] | 0x20) == 'o' && w[3] == ' '
      && prev->klass != EVL_EVENT_CLASS_ASPECTUAL && str_is (e->tense, "INFINITIVE"))
    return TL_AFTER;
  /* The same with up to three words before 'to' ('agreed on Monday to
   * pay', 'decided not to run'), no punctuation. */
  const char *z = text + to;
  if (to - from > 6 && to - from <= 40 && g_ascii_isspace (z[-1]) && (z[-2] | 0x20) == 'o'
      && (z[-3] | 0x20) == 't' && g_ascii_isspace (z[-4]) && prev->klass != EVL_EVENT_CLASS_ASPECTUAL
      && str_is (e->tense, "INFINITIVE"))
    return plain_gap (text, from, to, 4) ? TL_AFTER : TL_NONE;
  if (prev->klass != EVL_EVENT_CLASS_REPORTING)
    return TL_NONE;
  TlRel r;
  if (str_is (e->tense, "FUTURE"))
    r = TL_AFTER;
  else if ((str_is (e->tense, "PAST") || str_is (e->tense, "PRESENT")) && e->aspect
           && g_str_has_prefix (e->aspect, "PERFECTIVE"))
    r = TL_BEFORE;
  else
    return TL_NONE;
  guint words = 0;
  gboolean in_word = FALSE;
  for (guint32 i = from; i < to; i++)
    {
      guchar c = (guchar) text[i];
      if (c == ' ' || c == '\t' || c == '\n')
        in_word = FALSE;
      else if (c < 0x80 && !g_ascii_isalnum (c) && c != '\'' && c != '-')
        return TL_NONE;
      else if (!in_word)
        {
          in_word = TRUE;
          if (++words > 6)
            return TL_NONE;
        }
    }
  return r;
}

static TlRel
cue_rel (EvlRel r)
{
  switch (r)
    {
    case EVL_REL_BEFORE: return TL_BEFORE;
    case EVL_REL_AFTER: return TL_AFTER;
    case EVL_REL_INCLUDES: return TL_INCLUDES;
    case EVL_REL_IS_INCLUDED: return TL_IS_INCLUDED;
    case EVL_REL_SIMULTANEOUS: return TL_SIMULTANEOUS;
    default: return TL_NONE;
    }
}

/* A tensed verb: PAST, PRESENT or FUTURE (not an infinitive, a
 * participle or a noun), by the letters that tell the tenses apart. */
static gboolean
is_finite (const EvlEventMention *e)
{
  const char *t = e->tense;
  if (t == NULL)
    return FALSE;
  if (t[0] == 'P' && t[1] == 'A')   /* PAST, not PASTPART */
    return t[2] == 'S' && t[3] == 'T' && t[4] == '\0';
  if (t[0] == 'P' && t[1] == 'R')   /* PRESENT, not PRESPART */
    return str_is (t, "PRESENT");
  return t[0] == 'F' && str_is (t, "FUTURE");
}



/* The first word of @text in [@from, @to) at or after @i: its start in
 * *@start, its end returned (@to when none). */
static guint32
next_word (const char *text, guint32 i, guint32 to, guint32 *start)
{
  while (i < to && !word_byte ((guchar) text[i]))
    i++;
  *start = i;
  while (i < to && word_byte ((guchar) text[i]))
    i++;
  return i;
}


/* Byte classes for the backward walk of conjunction_rel(): blanks,
 * the punctuation that ends a clause, and the first letters of its
 * conjunctions. */
enum { BC_SPACE = 1, BC_CLAUSE = 2, BC_CONJ = 4 };
static const guint8 byte_class[256] = {
  [' '] = BC_SPACE, ['\t'] = BC_SPACE, ['\n'] = BC_SPACE, ['\v'] = BC_SPACE, ['\f'] = BC_SPACE,
  ['\r'] = BC_SPACE, [','] = BC_CLAUSE, [';'] = BC_CLAUSE, [':'] = BC_CLAUSE,
  ['a'] = BC_CONJ, ['A'] = BC_CONJ, ['b'] = BC_CONJ, ['B'] = BC_CONJ, ['w'] = BC_CONJ,
  ['W'] = BC_CONJ, ['s'] = BC_CONJ, ['S'] = BC_CONJ, ['u'] = BC_CONJ, ['U'] = BC_CONJ,
  ['t'] = BC_CONJ, ['T'] = BC_CONJ, ['o'] = BC_CONJ, ['O'] = BC_CONJ, ['f'] = BC_CONJ, ['F'] = BC_CONJ,
};

/* The relation of @e to @prev, the event before it in its sentence, when
 * the words between them (@text from @from to @to) join @e's clause to
 * @prev's by a temporal conjunction: 'fled after the blast', 'left
 * before talks ended', 'died when it sank', 'waited while they met'.
 * No comma, semicolon or colon between them (the conjunction may open a
 * clause of its own) and @e within four words of the conjunction (the
 * first of the last five pieces).  A bound orders the two as well:
 * 'has risen since the cut' and 'will resume once talks end' (@e
 * first), 'waited until police came' and 'fired, then fled' (@e
 * after), 'fled following the blast' (@e first); each of these five
 * raised awareness F1 on TimeBank and on AQUAINT, or left one the
 * same.  A cause comes before its effect: 'stopped because of the
 * strike', @e first (F1 +0.06; TimeBank +0.06, AQUAINT +0.05).  'as'
 * is passed over (a cause as much as a time: SIMULTANEOUS lowered
 * AQUAINT). */
static const struct {
  const char *w;
  gsize len;
  TlRel rel;
} conj[] = {
#define CONJ(w, r) { w, sizeof (w) - 1, r }
  CONJ ("after", TL_BEFORE), CONJ ("before", TL_AFTER), CONJ ("when", TL_SIMULTANEOUS),
  CONJ ("while", TL_SIMULTANEOUS), CONJ ("since", TL_BEFORE), CONJ ("until", TL_AFTER), CONJ ("as", TL_NONE),
  CONJ ("then", TL_AFTER), CONJ ("once", TL_BEFORE), CONJ ("following", TL_BEFORE), CONJ ("because", TL_BEFORE),
#undef CONJ
};

/* The conjunction the piece of @n bytes at @p is, or -1. */
static gint
conj_at (const char *p, gsize n)
{
  if (n < 2 || n > 9 || byte_class[(guchar) p[0]] != BC_CONJ)
    return -1;
  /* OR 0x20 lowers an ASCII capital and turns no other byte into a
   * lower-case letter. */
  char w[9];
  for (gsize i = 0; i < n; i++)
    w[i] = (char) (p[i] | 0x20);
  for (guint c = 0; c < G_N_ELEMENTS (conj); c++)
    if (n == conj[c].len && memcmp (w, conj[c].w, n) == 0)
      return (gint) c;
  return -1;
}

#ifdef __SSE2__
/* Bit k set when byte k of @v is a blank (byte_class BC_SPACE). */
G_ALWAYS_INLINE static inline guint32
blank_bits (__m128i v)
{
  __m128i t = _mm_sub_epi8 (v, _mm_set1_epi8 ('\t'));   /* '\t'..'\r' to 0..4 */
  __m128i m = _mm_or_si128 (_mm_cmpeq_epi8 (_mm_min_epu8 (t, _mm_set1_epi8 (4)), t),
                            _mm_cmpeq_epi8 (v, _mm_set1_epi8 (' ')));
  return (guint32) _mm_movemask_epi8 (m);
}

G_ALWAYS_INLINE static inline guint32
clause_bits (__m128i v)
{
  __m128i m = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 (',')),
                                          _mm_cmpeq_epi8 (v, _mm_set1_epi8 (';'))),
                            _mm_cmpeq_epi8 (v, _mm_set1_epi8 (':')));
  return (guint32) _mm_movemask_epi8 (m);
}
#endif

static TlRel
conjunction_rel (const char *text, guint32 from, guint32 to)
{
  guint32 at = to;
  gint found = -1;
#ifdef __SSE2__
  /* The 64 bytes before @to at once: they hold the last five pieces of
   * most gaps (the byte walk below was 3 M instructions on the 400
   * small documents, run for every pair of neighbours). */
  if (to >= 64)
    {
      guint32 lo = to - 64;
      const __m128i *q = (const __m128i *) (const void *) (text + lo);
      guint64 blank = 0, clause = 0;
      for (guint b = 0; b < 4; b++)
        {
          __m128i v = _mm_loadu_si128 (q + b);
          blank |= (guint64) blank_bits (v) << (16 * b);
          clause |= (guint64) clause_bits (v) << (16 * b);
        }
      guint64 in = from <= lo ? G_MAXUINT64 : G_MAXUINT64 << (from - lo);
      blank |= ~in;
      clause &= in;
      /* Piece starts: a byte not blank after a blank (or at @from). */
      guint64 starts = ~blank & ((blank << 1) | (from >= lo ? 1u : 0u));
      guint pieces = 0;
      guint first = 64;
      for (guint64 m = starts; m && pieces < 5; pieces++)
        {
          guint k = 63 - (guint) __builtin_clzll (m);
          m &= ~((guint64) 1 << k);
          first = k;
          if (byte_class[(guchar) text[lo + k]] != BC_CONJ)
            continue;
          guint64 above = k == 63 ? 0 : blank & ~(((guint64) 2 << k) - 1);
          guint end = above ? (guint) __builtin_ctzll (above) : 64;
          gint c = conj_at (text + lo + k, end - k);
          if (c >= 0)
            {
              found = c;
              at = lo + k;
            }
        }
      /* All five inside the window, or the gap's start in it. */
      if (pieces == 5 || from >= lo)
        {
          if (first < 64 && (clause >> first) != 0)
            return TL_NONE;
          goto checked;
        }
      found = -1;
      at = to;
    }
#endif
  {
    guint32 i = to;
    for (guint pieces = 0; pieces < 5; pieces++)
      {
        while (i > from && byte_class[(guchar) text[i - 1]] == BC_SPACE)
          i--;
        if (i == from)
          break;
        guint32 we = i;
        guint8 k;
        while (i > from && (k = byte_class[(guchar) text[i - 1]]) != BC_SPACE)
          {
            if (k == BC_CLAUSE)
              return TL_NONE;
            i--;
          }
        gint c = conj_at (text + i, we - i);
        if (c >= 0)
          {
            found = c;
            at = i;
          }
      }
  }
#ifdef __SSE2__
checked:
#endif
  if (found < 0 || conj[found].rel == TL_NONE)
    return TL_NONE;
  for (guint32 j = from; j < at; j++)
    if (byte_class[(guchar) text[j]] == BC_CLAUSE)
      return TL_NONE;
  return conj[found].rel;
}

/* The relation of the noun event @e to @prev, a verb whose object it
 * is, the object following the verb with at most three words between
 * and no punctuation: what an intention or wish is about comes after it
 * ('demanded an inquiry') when a determiner or nothing comes between;
 * an event 'in' or 'during' another falls inside it ('killed in the
 * attack'; after a noun as well, 'deaths in the fighting': all kinds
 * 36.17 to 36.18, TimeBank 32.10 to 32.12, AQUAINT 40.95 to 40.96),
 * one 'for' another comes before it ('pressed for talks').
 * Not a report's object: in the past, past_object_rel() orders it
 * ('reported the attack', BEFORE); in the present or ahead ('says the
 * talks', 'will announce the sale') the object is as often still to
 * come, and BEFORE there cost both halves (all kinds 36.06 to 36.09
 * without it; TimeBank 31.96 to 31.98, AQUAINT 40.87 to 40.93). */
static TlRel
object_rel (const EvlEventMention *prev, const EvlEventMention *e, const char *text, guint32 from,
            guint32 to)
{
  if (to - from > 48 || !is_noun (e))
    return TL_NONE;
  /* The first word decides; the gap is checked only then (most pairs
   * fail on the word). */
  guint32 ws, we = next_word (text, from, to, &ws);
  TlRel r = TL_NONE;
  if (we > ws && (WORD_IS (text, ws, we, "in") || WORD_IS (text, ws, we, "during")))
    r = TL_INCLUDES;
  else if (is_noun (prev))
    return TL_NONE;
  else if (we > ws && WORD_IS (text, ws, we, "for"))
    r = TL_AFTER;
  else if ((prev->klass == EVL_EVENT_CLASS_I_ACTION || prev->klass == EVL_EVENT_CLASS_I_STATE)
           && !str_is (prev->tense, "PASTPART"))
    {
      static const struct {
        const char *w;
        gsize len;
      } det[] = {
#define DET(w) { w, sizeof (w) - 1 }
        DET ("the"), DET ("a"), DET ("an"), DET ("its"), DET ("their"), DET ("his"), DET ("her"),
        DET ("this"), DET ("that"), DET ("any"), DET ("new"), DET ("further"), DET ("more"),
        DET ("our"), DET ("these"), DET ("those"),
#undef DET
      };
      gboolean det_or_none = we == ws;
      for (guint d = 0; d < G_N_ELEMENTS (det) && !det_or_none; d++)
        det_or_none = word_is (text, ws, we, det[d].w, det[d].len);
      if (det_or_none)
        r = TL_AFTER;
    }
  return r != TL_NONE && plain_gap (text, from, to, 3) ? r : TL_NONE;
}

/* Whether the verb @e only tells that its subject came about: 'occur',
 * 'happen', 'take place' ('the attack took place', 'the blast
 * occurred').  It names no event of its own, so its subject's event is
 * the same one: the gold annotators link such pairs IDENTITY or
 * SIMULTANEOUS, never AFTER, where subject_rel() otherwise says AFTER. */
static gboolean
comes_about (const EvlEventMention *e, const char *text)
{
  guint32 s = e->span.start, n = e->span.end - s;
  const char *w = text + s;
  /* Any form of the two verbs begins with its stem ('occurred',
   * 'happens'); OR 0x20 lowers an ASCII capital. */
  if (n >= 5 && (w[0] | 0x20) == 'o' && g_ascii_strncasecmp (w, "occur", 5) == 0)
    return TRUE;
  if (n >= 6 && (w[0] | 0x20) == 'h' && g_ascii_strncasecmp (w, "happen", 6) == 0)
    return TRUE;
  if ((w[0] | 0x20) != 't' || n < 4 || n > 6
      || !(WORD_IS (text, s, e->span.end, "take") || WORD_IS (text, s, e->span.end, "takes")
           || WORD_IS (text, s, e->span.end, "took") || WORD_IS (text, s, e->span.end, "taken")
           || WORD_IS (text, s, e->span.end, "taking")))
    return FALSE;
  /* 'place' next, a blank or two between (the text ends in a NUL,
   * which none of the tests passes). */
  const char *p = text + e->span.end;
  for (guint k = 0; k < 2 && (*p == ' ' || *p == '\n'); k++)
    p++;
  return p > text + e->span.end && g_ascii_strncasecmp (p, "place", 5) == 0 && !word_byte ((guchar) p[5]);
}

/* The relation of the finite verb @e to @prev, a noun event its subject
 * (at most three words between, no punctuation): what an event does
 * comes after it starts ('the blast killed', 'talks resumed', 'the
 * attack on the embassy killed'); not an ASPECTUAL verb ('talks began':
 * the event's own start), nor an I_STATE one, an attitude to the event
 * held about it rather than after ('the vote reflects fears'; all kinds
 * 36.18 to 36.20, TimeBank 32.12 to 32.14, AQUAINT 40.96 to 40.97).  Three words, not one: all kinds TimeBank
 * 31.85 to 31.86, AQUAINT 40.57 to 40.67 (event-event 13.97 to 14.16
 * and 31.78 to 31.87); more gained AQUAINT a little and cost TimeBank. */
static TlRel
subject_rel (const EvlEventMention *prev, const EvlEventMention *e, const char *text, guint32 from,
             guint32 to)
{
  if (to - from > 48 || !is_noun (prev) || e->klass == EVL_EVENT_CLASS_ASPECTUAL
      || e->klass == EVL_EVENT_CLASS_I_STATE || !is_finite (e)
      || !plain_gap (text, from, to, 3))
    return TL_NONE;
  return comes_about (e, text) ? TL_IDENTITY : TL_AFTER;
}

/* The relation of @e to @prev, the event before it in its sentence, by
 * their tenses alone, the words between them (@text from @from to @to)
 * plain: verbs of one tense and aspect joined by 'and' tell in order
 * ('fled and hid', 'seized the town and shelled it'); a past perfect is before a past it follows ('police said the
 * men had fled') or precedes ('had left when police came'); a future is
 * after a present ('expects it will fall'). */
/* 'A' for PAST, 'R' for PRESENT, 'F' for FUTURE, 0 for any other
 * tense (PASTPART, PRESPART, INFINITIVE, NONE) or none, by its letters. */
static char
finite_code (const char *t)
{
  if (t == NULL || t[0] == 'N' || t[0] == 'I')
    return 0;
  if (t[0] == 'F')
    return 'F';
  if (t[1] == 'A')
    return t[4] == '\0' ? 'A' : 0;
  return t[1] == 'R' && t[4] == 'E' ? 'R' : 0;
}

/* At most this many words between two verbs joined by 'and'
 * (tense_rel()): all kinds 36.40 at 3, 36.41 at 5, 36.42 at 8 and 12. */
#define AND_WORDS 8

static TlRel
tense_rel (const EvlEventMention *prev, const EvlEventMention *e, const char *text, guint32 from, guint32 to)
{
  /* By the tenses' letters first: most pairs fail there, before any
   * word or aspect is compared. */
  char pc = finite_code (prev->tense), ec = finite_code (e->tense);
  /* Two infinitives joined by 'and' alone ('to meet and discuss'), the
   * same (all kinds 36.42 to 36.45, TimeBank 32.30 the same, AQUAINT
   * 41.24 to 41.31; with words before 'and' AQUAINT gained more and
   * TimeBank lost).  Only INFINITIVE starts with 'I'. */
  guint and_words = pc != 0 && pc == ec ? AND_WORDS
                    : pc == 0 && ec == 0 && prev->tense && prev->tense[0] == 'I' && e->tense && e->tense[0] == 'I'
                    ? 1 : 0;
  if (to - from > 80 || (and_words == 0 && (pc == 0 || ec == 0)))
    return TL_NONE;
  gboolean prev_past = pc == 'A', e_past = ec == 'A';
  gboolean future_after_present = pc == 'R' && ec == 'F';
  if (and_words > 0)
    {
      /* 'and' the last word between them, after the first verb's
       * object or adverb if any: 'fled and hid', 'stormed the building
       * and freed the hostages' (up to AND_WORDS words: all kinds 36.36
       * to 36.42, TimeBank 32.28 to 32.30, AQUAINT 41.13 to 41.24;
       * 'and' alone between them before). */
      guint32 z = to;
      while (z > from && g_ascii_isspace (text[z - 1]))
        z--;
      if (z - from >= 4 && WORD_IS (text, z - 3, z, "and") && g_ascii_isspace (text[z - 4])
          && (no_aspect (prev) ? no_aspect (e) : str_is (e->aspect, prev->aspect)) && plain_gap (text, from, to, and_words))
        return TL_AFTER;
    }
  if (pc == 0 || ec == 0)
    return TL_NONE;
  TlRel r;
  if (prev_past && e_past && no_aspect (prev) && str_is (e->aspect, "PERFECTIVE"))
    r = TL_BEFORE;
  else if (prev_past && e_past && no_aspect (e) && str_is (prev->aspect, "PERFECTIVE"))
    r = TL_AFTER;
  else if (future_after_present)
    r = TL_AFTER;
  else
    return TL_NONE;
  return plain_gap (text, from, to, 12) ? r : TL_NONE;
}

/* Where the word 'after' or 'once' that opens a sentence ends, when it
 * does ('After the talks collapsed, ...'; 'Once the deal was signed,
 * ...'), else 0: the sentence @sentence, whose first event starts at
 * @start, from its span in @sents (@n_sents of them) or, in a document
 * not split into sentences, by the five words before @start.  Found once
 * per sentence (write_tlinks()); fronted_rel() then tests each pair. */
static guint32
opening_conj (const char *text, const EvlSentence *sents, guint n_sents, guint32 sentence, guint32 start)
{
  guint32 i, we;
  if (sentence < n_sents)
    {
      i = sents[sentence].span.start;
      while (i < start && (g_ascii_isspace (text[i]) || text[i] == '"' || text[i] == '`'))
        i++;
      if ((text[i] | 0x20) != 'a' && (text[i] | 0x20) != 'o')
        return 0;
      we = i;
      while (we < start && word_byte ((guchar) text[we]))
        we++;
      return WORD_IS (text, i, we, "after") || WORD_IS (text, i, we, "once") ? we : 0;
    }
  i = start;
  for (guint pieces = 0; pieces < 5; pieces++)
    {
      we = i;
      while (we > 0 && g_ascii_isspace (text[we - 1]))
        we--;
      i = we;
      while (i > 0 && (word_byte ((guchar) text[i - 1]) || text[i - 1] == '\'' || text[i - 1] == '-'))
        i--;
      if (i == we)
        return 0;
      /* The word opens the sentence: only blanks and quotes between it
       * and the text's start or the end of the sentence before. */
      guint32 j = i;
      while (j > 0 && (g_ascii_isspace (text[j - 1]) || text[j - 1] == '"' || text[j - 1] == '`'))
        j--;
      if (j == 0 || text[j - 1] == '.' || text[j - 1] == '!' || text[j - 1] == '?' || text[j - 1] == '\n')
        return WORD_IS (text, i, we, "after") || WORD_IS (text, i, we, "once") ? we : 0;
    }
  return 0;
}

/* The relation of @e to @prev when @prev is in a clause that opens its
 * sentence with 'after' or 'once', ending at @opener (opening_conj(); 0:
 * none), and @e follows the comma that closes it ('After the talks
 * collapsed, troops attacked'; 'Once the deal was signed, prices rose'):
 * @e comes after.  @prev (at @pstart) within the clause's first five
 * words, no punctuation before it; between the two (@text from @from to
 * @to) a comma and no other punctuation. */
static TlRel
fronted_rel (const char *text, guint32 opener, guint32 pstart, guint32 from, guint32 to)
{
  if (opener == 0 || opener > pstart || to - from > 48 || memchr (text + from, ',', to - from) == NULL
      || !plain_bytes (text, from, to, TRUE) || !plain_gap (text, opener, pstart, 4))
    return TL_NONE;
  return TL_AFTER;
}

/* Whether @e is told with a modal auxiliary ('would', 'could', 'can',
 * 'may', 'might', 'should', 'must'), not a modal verb or adjective
 * ('expected to', 'likely'), by its modality's letters. */
static gboolean
modal_aux (const EvlEventMention *e)
{
  const char *m = e->modality;
  gsize n = 0;
  char w[7];
  /* Lowered into @w, at most six letters (OR 0x20 lowers an ASCII
   * capital and makes no other byte a lower-case letter). */
  while (n < sizeof w - 1 && m[n])
    {
      w[n] = (char) (m[n] | 0x20);
      n++;
    }
  if (m[n] != '\0')
    return FALSE;
#define IS(lit) (n == sizeof (lit) - 1 && memcmp (w, lit, n) == 0)
  return IS ("would") || IS ("could") || IS ("can") || IS ("may") || IS ("might") || IS ("must") || IS ("should");
#undef IS
}

/* The relation of @e, told with a modal auxiliary, to the event before
 * it in its sentence, at most three words and no punctuation between
 * (@text from @from to @to, the modal one of them): what would, could
 * or should happen lies ahead of the event that frames it ('said they
 * would appeal', 'warned it could strike'), AFTER.  Three words, not
 * more: TimeBank links few such pairs, and a longer subject between
 * ('said the two sides would') costs it more than AQUAINT gains. */
static TlRel
modal_rel (const EvlEventMention *e, const char *text, guint32 from, guint32 to)
{
  if (e->modality == NULL || to - from > 40 || !modal_aux (e) || !plain_gap (text, from, to, 3))
    return TL_NONE;
  return TL_AFTER;
}

/* Whether @lemma is a light verb, one whose object names its own event
 * ('made a visit', 'held talks', 'carried out an attack'). */
static gboolean
light_verb (const char *lemma)
{
  static const char *const light[] = { "make", "take", "hold", "give", "carry", "conduct", "stage", "launch",
                                       "have", "do", "pay", "wage" };
  if (lemma == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (light); i++)
    if (lemma[0] == light[i][0] && strcmp (lemma, light[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The relation of the noun event @e to @prev, a past-tense OCCURRENCE
 * or REPORTING verb it follows with at most three words and no
 * punctuation between, when no rule above relates them ('died of his
 * wounds', 'fled the fighting', 'reported heavy fighting'): the noun's
 * event came first, BEFORE.  Of such pairs the gold links, AFTER for
 * the verb is the most common relation in both TimeBank and AQUAINT
 * (awareness, all kinds: TimeBank 31.77 to 31.84, AQUAINT 40.18 to
 * 40.44 for OCCURRENCE; REPORTING then 31.86 to 31.88 and 40.67 to
 * 40.69); the intensional classes and the present perfect did not
 * help.  Not after a light verb, whose object is its own event ('made a
 * visit'; 31.88 to 31.89, 40.69 to 40.72; IDENTITY there raised
 * TimeBank more and lowered AQUAINT). */
static TlRel
past_object_rel (const EvlEventMention *prev, const EvlEventMention *e, const char *text, guint32 from,
                 guint32 to)
{
  if (to - from > 40 || (prev->klass != EVL_EVENT_CLASS_OCCURRENCE && prev->klass != EVL_EVENT_CLASS_REPORTING)
      || finite_code (prev->tense) != 'A'
      || !is_noun (e) || !plain_gap (text, from, to, 3) || light_verb (prev->lemma))
    return TL_NONE;
  return TL_BEFORE;
}

/* The relation of @e, a noun or a participle, to @prev when 'by' or
 * 'from' opens the words between them (@text from @from to @to, at most
 * three words, no punctuation): the cause, agent, means or source comes
 * first, BEFORE.  'by' after a verb ('was hurt by the collapse', 'killed
 * by a blast', 'won by cutting costs'; all kinds 36.09 to 36.11,
 * TimeBank 31.98 to 32.02, AQUAINT 40.93 to 40.94); 'from' after a verb
 * or a noun ('recovered from the crash', 'losses from the storm'; 36.11
 * to 36.17, TimeBank to 32.10, AQUAINT to 40.95; after a verb only,
 * 36.14).  Not a tensed @e, which opens a clause of its own ('by the
 * time troops arrived'). */
static TlRel
by_rel (const EvlEventMention *prev, const EvlEventMention *e, const char *text, guint32 from, guint32 to)
{
  if (to - from > 40 || is_finite (e))
    return TL_NONE;
  guint32 ws, we = next_word (text, from, to, &ws);
  if (!(WORD_IS (text, ws, we, "from") || (WORD_IS (text, ws, we, "by") && !is_noun (prev)))
      || !plain_gap (text, from, to, 3))
    return TL_NONE;
  return TL_BEFORE;
}

/* The relation of @e to @prev, adjacent events of one sentence, by the
 * words between them (@text from @from to @to) and the word opening
 * their sentence (@opener, opening_conj()), or TL_NONE. */
static TlRel
adjacent_rel (const EvlEventMention *prev, const EvlEventMention *e, const char *text, guint32 from,
              guint32 to, guint32 opener)
{
  if (from >= to)
    return TL_NONE;
  TlRel r = neighbour_rel (prev, e, text, from, to);
  if (r == TL_NONE)
    r = conjunction_rel (text, from, to);
  if (r == TL_NONE)
    r = object_rel (prev, e, text, from, to);
  if (r == TL_NONE)
    r = subject_rel (prev, e, text, from, to);
  if (r == TL_NONE)
    r = tense_rel (prev, e, text, from, to);
  if (r == TL_NONE)
    r = fronted_rel (text, opener, prev->span.start, from, to);
  if (r == TL_NONE)
    r = modal_rel (e, text, from, to);
  if (r == TL_NONE)
    r = past_object_rel (prev, e, text, from, to);
  if (r == TL_NONE)
    r = by_rel (prev, e, text, from, to);
  return r;
}

/* '<TLINK lid="lN" relType="R"', the end named @from_lit with id
 * @from_n (eventInstanceID="eiI" or timeID="tI"), and the end named
 * @to_lit with id @prefix@n ("t0" for the DCT). */
static void
write_link (Buf *b, guint *lid, TlRel rel, const char *from_lit, gsize from_len, guint from_n,
            const char *to_lit, gsize to_len, char prefix1, char prefix2, guint n)
{
  static const char head[] = "<TLINK lid=\"l";
  char *w = room (b, sizeof head + 12 + 24 + from_len + 12 + to_len + 16);
  memcpy (w, head, sizeof head - 1);
  w = put_uint (w + sizeof head - 1, (*lid)++);
  memcpy (w, tl_rel_attr[rel].s, tl_rel_attr[rel].len);
  w += tl_rel_attr[rel].len;
  memcpy (w, from_lit, from_len);
  w = put_uint (w + from_len, from_n);
  *w++ = '"';
  memcpy (w, to_lit, to_len);
  w += to_len;
  *w++ = prefix1;
  if (prefix2)
    *w++ = prefix2;
  w = put_uint (w, n);
  memcpy (w, "\"/>\n", 4);
  b->len = (gsize) (w + 4 - b->p);
}

#define FROM_EVENT " eventInstanceID=\"ei"
#define FROM_TIME " timeID=\"t"

/* An event's link: from instance ei@ev+1. */
static void
write_tlink (Buf *b, guint *lid, TlRel rel, guint ev, const char *to_lit, gsize to_len, char prefix1,
             char prefix2, guint n)
{
  write_link (b, lid, rel, FROM_EVENT, sizeof FROM_EVENT - 1, ev + 1, to_lit, to_len, prefix1, prefix2, n);
}

#define TO_TIME " relatedToTime=\""
#define TO_EVENT " relatedToEventInstance=\""

/* Whether @e, an infinitive or a future, takes no date only for being
 * near it: the story pass anchors such an event to a date of its own
 * clause ('will meet on Monday'), so a date it left is mostly the main
 * verb's ('said on Monday it would appeal', 'agreed on Friday to pay').
 * All kinds 36.22 to 36.31, TimeBank 32.15 to 32.24, AQUAINT 41.00 to
 * 41.09 (event-timex 47.15 to 47.84).  The tense names differ in their
 * first letters. */
static gboolean
untimed_form (const EvlEventMention *e)
{
  const char *t = e->tense;
  return t && ((t[0] == 'I' && str_is (t, "INFINITIVE")) || (t[0] == 'F' && str_is (t, "FUTURE")));
}

/* The timex of each kind, among the @nt timexes written, @t_items (text
 * order), nearest to @e in its sentence and within NEAR_BYTES of it
 * (about eight words; bytes cost nothing to count), the one before on a
 * tie, or -1: @near[NEAR_DATE] a DATE or TIME, @near[NEAR_DURATION] a
 * DURATION, @near[NEAR_SET] a SET.  @tc is the first that starts after
 * @e.  One walk for all: it was a tenth of the TLINK cost. */
#define NEAR_BYTES 50
enum { NEAR_DATE, NEAR_DURATION, NEAR_SET, N_NEAR };
static void
nearest_timexes (const EvlEventMention *e, const EvlTimex *tx, const Item *t_items, guint nt, guint tc,
                 gint near[N_NEAR])
{
  static const guint8 kind[] = {
    [EVL_TIMEX_DATE] = NEAR_DATE, [EVL_TIMEX_TIME] = NEAR_DATE, [EVL_TIMEX_DURATION] = NEAR_DURATION,
    [EVL_TIMEX_SET] = NEAR_SET,
  };
  guint32 best_d[N_NEAR];
  guint32 limit = NEAR_BYTES + 1;
  for (guint c = 0; c < N_NEAR; c++)
    {
      near[c] = -1;
      best_d[c] = NEAR_BYTES + 1;
    }
  /* Distances grow away from @e: the first of a kind on each side is
   * its nearest there; the walk stops past the farthest still wanted. */
  for (guint j = tc; j-- > 0;)
    {
      guint32 d = e->span.start - t_items[j].end;
      const EvlTimex *t = &tx[t_items[j].index];
      if (d >= limit || t->sentence != e->sentence)
        break;
      guint c = kind[t->type];
      if (near[c] < 0)
        {
          near[c] = (gint) t_items[j].index;
          best_d[c] = d;
        }
    }
  for (guint j = tc; j < nt; j++)
    {
      guint32 d = t_items[j].start - e->span.end;
      const EvlTimex *t = &tx[t_items[j].index];
      if (d >= limit || t->sentence != e->sentence)
        break;
      guint c = kind[t->type];
      if (d < best_d[c])
        {
          near[c] = (gint) t_items[j].index;
          best_d[c] = d;
        }
    }
}

/* The finite verb nearest to the reporting verb kept[@k] on one side
 * (@step -1 or +1) in its sentence, before any other report; its index
 * in @kept, or -1. */
static gint
reported_verb (const EvlEventMention *ev, const Item *kept, guint n_kept, guint k, gint step)
{
  const EvlEventMention *r = &ev[kept[k].index];
  for (gint j = (gint) k + step; j >= 0 && (guint) j < n_kept; j += step)
    {
      const EvlEventMention *e = &ev[kept[j].index];
      if (e->sentence != r->sentence || e->klass == EVL_EVENT_CLASS_REPORTING)
        return -1;
      if (is_finite (e))
        return j;
    }
  return -1;
}

/* The noun events seen so far by lemma (write_tlinks()): open
 * addressing, a power of two of slots, more than twice the events. */
typedef struct {
  const char *lemma;
  guint32 hash;
  guint32 serial;        /* empty unless the document's (no clearing) */
  guint k;               /* the last one seen, in kept */
  gint32 timex;          /* the date it was linked to, -1: none */
} LemmaSlot;

/* Whether @e's word is its lemma or the lemma's plural ('attack',
 * 'attacks', 'losses', 'casualties'), not another form of the word
 * ('bidding' for 'bid', 'offering' for 'offer'). */
static gboolean
plain_noun (const EvlEventMention *e, const char *text)
{
  const char *l = e->lemma, *w = text + e->span.start;
  gsize wn = e->span.end - e->span.start, n = 0;
  /* The lemma's length and how much of the word it begins, at once;
   * OR 0x20 lowers ASCII capitals (the words' letters are compared). */
  gsize same = 0;
  for (; l[n]; n++)
    if (same == n && n < wn && (w[n] | 0x20) == (l[n] | 0x20))
      same++;
  if (wn == n || wn == n + 1)
    return same == n && (wn == n || (w[n] | 0x20) == 's');
  if (wn != n + 2 || (w[n] | 0x20) != 'e' || (w[n + 1] | 0x20) != 's')
    return FALSE;
  /* 'losses'; 'casualties' for 'casualty' */
  return same == n || (same == n - 1 && n > 1 && l[n - 1] == 'y' && (w[n - 1] | 0x20) == 'i');
}

/* The last noun event before kept[@k] with @e's lemma, in *@before (its
 * index in kept, or -1) and the date it was linked to (or -1) returned;
 * @e, linked to @timex, takes its place in @tab. */
static gint32
same_noun_before (LemmaSlot *tab, guint mask, guint32 serial, const EvlEventMention *e, guint k, gint32 timex,
                  gint *before)
{
  *before = -1;
  guint32 h = 2166136261u;
  for (const char *p = e->lemma; *p; p++)
    h = (h ^ (guchar) *p) * 16777619u;
  for (guint i = h & mask;; i = (i + 1) & mask)
    {
      LemmaSlot *sl = &tab[i];
      if (sl->serial != serial)
        {
          *sl = (LemmaSlot) { e->lemma, h, serial, k, timex };
          return -1;
        }
      if (sl->hash == h && (sl->lemma == e->lemma || strcmp (sl->lemma, e->lemma) == 0))
        {
          gint32 was = sl->timex;
          *before = (gint) sl->k;
          sl->k = k;
          /* The chain keeps the date of any mention of it. */
          if (timex >= 0)
            sl->timex = timex;
          return was;
        }
    }
}

/* How near a verb must be, in sentences, for the first noun of its lemma
 * to name its event: 3, the sentence itself and the two before (all F1
 * 35.36 to 35.37 from 2 to 6; 35.31 at 1, the gain nearly gone). */
#define VERB_NOUN_SENTENCES 3

/* The last verb before kept[@k] with the lemma of the noun @e, in its
 * sentence or the VERB_NOUN_SENTENCES - 1 before it: its index in kept,
 * or -1.  Run for the first noun of a lemma only; the window is a few
 * events. */
static gint
verb_before (const EvlEventMention *ev, const Item *kept, guint k, const EvlEventMention *e)
{
  for (guint j = k; j-- > 0;)
    {
      const EvlEventMention *f = &ev[kept[j].index];
      if (f->sentence + VERB_NOUN_SENTENCES <= e->sentence)
        break;
      /* The lemma's first letter first: it turns most away. */
      if (f->lemma && f->lemma[0] == e->lemma[0] && (f->lemma == e->lemma || strcmp (f->lemma, e->lemma) == 0)
          && !is_noun (f))
        return (gint) j;
    }
  return -1;
}

/* How near a noun of the same story type must be, in sentences, to name
 * the same event: 2, its sentence and the one before ('a bomb blast
 * ... the bombing'; all kinds TimeBank 31.84 to 31.85, AQUAINT 40.44 to
 * 40.57; event-event 13.87 to 13.97 and 31.40 to 31.78).  Farther back
 * AQUAINT gains a little more and TimeBank loses; verbs of the type as
 * well, or only a later noun after 'the', gained less. */
#define TYPE_NOUN_SENTENCES 2

/* The last noun event before kept[@k] of the story type of the noun @e
 * (not OTHER), in its sentence or the TYPE_NOUN_SENTENCES - 1 before
 * it: its index in kept, or -1.  Run for a noun whose lemma was not
 * seen before; the window is a few events. */
static gint
type_noun_before (const EvlEventMention *ev, const Item *kept, guint k, const EvlEventMention *e)
{
  const char *t = e->type;
  /* The first letter before any strcmp(): most types differ there. */
  if (t == NULL || (t[0] == 'O' && strcmp (t, "OTHER") == 0))
    return -1;
  for (guint j = k; j-- > 0;)
    {
      const EvlEventMention *f = &ev[kept[j].index];
      if (f->sentence + TYPE_NOUN_SENTENCES <= e->sentence)
        break;
      const char *ft = f->type;
      if (ft && (ft == t || (ft[0] == t[0] && strcmp (ft, t) == 0)) && is_noun (f))
        return (gint) j;
    }
  return -1;
}

/* The TLINK lines of the @n_kept events kept, @kept (text order), and
 * the @nt timexes written, @t_items (text order), lids from @lid;
 * @timex_written and @event_kept mark what the text carries. */
static void
write_tlinks (Buf *b, guint lid, const EvlDocument *doc, const EvlEventMention *ev, guint n_ev,
              const Item *kept, guint n_kept, const EvlTimex *tx, guint n_tx, const Item *t_items,
              guint nt, const guint8 *timex_written, const guint8 *event_kept, gboolean have_dct,
              LemmaSlot *nouns, guint nouns_mask, guint32 serial, GOutputStream *out, GError **error)
{
  const char *text = evl_document_get_text (doc, NULL);
  guint tc = 0;
  guint32 opener = 0;    /* opening_conj() of the sentence */
  guint n_sents = 0;
  const EvlSentence *sents = evl_document_get_sentences (doc, &n_sents);
  for (guint k = 0; k < n_kept; k++)
    {
      guint i = kept[k].index;
      const EvlEventMention *e = &ev[i];
      guint p = k > 0 ? kept[k - 1].index : i;
      flush (b, out, FALSE, error);
      if (k == 0 || e->sentence != ev[p].sentence)
        opener = opening_conj (text, sents, n_sents, e->sentence, kept[k].start);
      TlRel r = have_dct ? dct_rel (e) : TL_NONE;
      if (r != TL_NONE)
        write_tlink (b, &lid, r, i, TO_TIME, sizeof TO_TIME - 1, 't', 0, 0);
      while (tc < nt && t_items[tc].start < kept[k].start)
        tc++;
      gint32 x = e->timex;
      gboolean timed = e->anchor_method == EVL_ANCHOR_CLAUSE && x >= 0 && (guint) x < n_tx
                       && timex_written[x] && tx[x].sentence == e->sentence
                       && (tx[x].type == EVL_TIMEX_DATE || tx[x].type == EVL_TIMEX_TIME)
                       && (r = timex_rel (text, tx[x].span.start)) != TL_NONE;
      /* Else the date or time written nearest it in its sentence: most
       * often the event's own ('said Friday', 'in 1998 the company
       * ...'); some a neighbour's, yet in the same stretch of time. */
      gint near[N_NEAR];
      nearest_timexes (e, tx, t_items, nt, tc, near);
      if (!timed && (x = near[NEAR_DATE]) >= 0 && !untimed_form (e))
        timed = (r = timex_rel (text, tx[x].span.start)) != TL_NONE;
      if (timed)
        write_tlink (b, &lid, r, i, TO_TIME, sizeof TO_TIME - 1, 't', 0, (guint) x + 1);
      /* And the duration and the set nearest it ('rose 5% in the past
       * year', 'talks lasted for two days', 'met daily'): mostly
       * IS_INCLUDED in them, whatever the preposition but a bound's.
       * Not the duration of a report or an attitude, a moment or a
       * state at the time of telling: the duration near it measures
       * what is told ('said sales rose 5% in the past year', 'expects
       * growth over the next two years'; all kinds 36.31 to 36.36,
       * TimeBank 32.24 to 32.28, AQUAINT 41.09 to 41.13). */
      if (near[NEAR_DURATION] >= 0
          && (e->klass == EVL_EVENT_CLASS_REPORTING || e->klass == EVL_EVENT_CLASS_I_STATE))
        near[NEAR_DURATION] = -1;
      for (guint c = NEAR_DURATION; c < N_NEAR; c++)
        if (near[c] >= 0 && (r = timex_rel (text, tx[near[c]].span.start)) != TL_NONE)
          write_tlink (b, &lid, r, i, TO_TIME, sizeof TO_TIME - 1, 't', 0, (guint) near[c] + 1);
      gint32 c = e->cue_event;
      gboolean cued = e->anchor_method == EVL_ANCHOR_CUE && c >= 0 && (guint) c < n_ev && (guint) c != i
                      && event_kept[c] && (r = cue_rel (e->cue_rel)) != TL_NONE;
      if (cued)
        write_tlink (b, &lid, r, i, TO_EVENT, sizeof TO_EVENT - 1, 'e', 'i', (guint) c + 1);
      gboolean adjacent = p != i && !(cued && (guint) c == p) && ev[p].sentence == e->sentence
                          && (r = adjacent_rel (&ev[p], e, text, kept[k - 1].end, kept[k].start, opener)) != TL_NONE;
      if (adjacent)
        write_tlink (b, &lid, r, i, TO_EVENT, sizeof TO_EVENT - 1, 'e', 'i', p + 1);
      /* An event noun written again names the same event ('the bombing
       * ... the bombing'): news tells one story of each. */
      gint same = -1;
      gint32 same_x = -1;
      if (is_noun (e) && e->lemma && e->lemma[0] && plain_noun (e, text))
        {
          same_x = same_noun_before (nouns, nouns_mask, serial, e, k, timed ? x : -1, &same);
          /* The first noun naming what a verb told in the last three
           * sentences ('troops attacked ... the attack'): the same
           * event too.  Farther back, the same verb more often tells
           * another event of the kind. */
          if (same < 0)
            same = verb_before (ev, kept, k, e);
          /* Else a noun of its story type just before, in its sentence
           * or the one before ('the blast ... the bombing'). */
          if (same < 0)
            same = type_noun_before (ev, kept, k, e);
        }
      /* Not when the two were dated apart ('the 1998 election ... the
       * election in May'): two events, and one link would contradict
       * the other. */
      gboolean apart = timed && same_x >= 0 && !str_is (tx[same_x].value, tx[x].value);
      if (same >= 0 && !apart && !(adjacent && same == (gint) k - 1) && !(cued && (guint) c == kept[same].index))
        write_tlink (b, &lid, TL_IDENTITY, i, TO_EVENT, sizeof TO_EVENT - 1, 'e', 'i', kept[same].index + 1);
      /* A report in the past or present and the past simple or perfect
       * it reports, on either side ('the rebels attacked, officials
       * said'; 'said the rebels had attacked'; 'says the rebels
       * attacked'): the event came first. */
      if (e->klass != EVL_EVENT_CLASS_REPORTING)
        continue;
      char fc = finite_code (e->tense);
      if (fc != 'A' && fc != 'R')
        continue;
      for (gint step = -1; step <= 1; step += 2)
        {
          gint j = reported_verb (ev, kept, n_kept, k, step);
          if (j < 0)
            continue;
          guint q = kept[j].index;
          const EvlEventMention *f = &ev[q];
          gboolean before = str_is (f->tense, "PAST") ? no_aspect (f) || str_is (f->aspect, "PERFECTIVE")
                                                      : str_is (f->tense, "PRESENT") && str_is (f->aspect, "PERFECTIVE");
          if (!before || (cued && (guint) c == q)
              || (f->anchor_method == EVL_ANCHOR_CUE && f->cue_event == (gint32) i))
            continue;
          /* Its adjacent link, written with the later of the two, stands. */
          if (step < 0 && j == (gint) k - 1 && adjacent)
            continue;
          if (step > 0 && j == (gint) k + 1
              && adjacent_rel (e, f, text, kept[k].end, kept[j].start, opener) != TL_NONE)
            continue;
          write_tlink (b, &lid, TL_BEFORE, q, TO_EVENT, sizeof TO_EVENT - 1, 'e', 'i', i + 1);
        }
    }
}

/* ---- timex-timex TLINKs ----
 *
 * Two dates or times relate by their values alone: 1998-W12 INCLUDES
 * 1998-03-17, 1998-08-07 BEFORE 1998-08-08.  Each DATE or TIME written
 * whose value names an interval of the calendar is put in order of its
 * start (the longer first on a tie, then text order) and linked to the
 * nearest one before it in that order whose relation to it is one of
 * BEFORE, INCLUDES or SIMULTANEOUS (equal values); closure gives the
 * rest.  The gold annotators of news (AQUAINT) ordered a story's dates
 * so.  Values with X, seasons and the *_REF values name no interval, a
 * mod (START, BEFORE, ...) a part of it or something else, so they are
 * left out; the DCT is too (the event links anchor it, and a chain
 * through it cost more precision than it brought). */

typedef struct {
  gint64 start, end;     /* minutes, end exclusive */
  guint index;           /* into the timex array */
  gboolean part;         /* some part of it only (mod START, MID, END) */
} TimeSpan;

/* Days from 1970-01-01 to @y-@m-@d (proleptic Gregorian; Hinnant's
 * days_from_civil). */
static gint64
civil_days (gint y, gint m, gint d)
{
  y -= m <= 2;
  gint era = (y >= 0 ? y : y - 399) / 400;
  gint yoe = y - era * 400;
  gint doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  gint doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (gint64) era * 146097 + doe - 719468;
}

/* The number @n digits at @p make, or -1. */
static gint
digits_at (const char *p, guint n)
{
  gint v = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      v = v * 10 + (p[i] - '0');
    }
  return v;
}

#define DAY_MIN ((gint64) 24 * 60)

/* The interval the TIMEX3 value @v names, in *@start and *@end: a
 * century (19), decade (199), year, half (1998-H1), quarter (1998-Q2),
 * month, ISO week (1998-W12) or its weekend (-WE), day, part of a day
 * (TMO, TAF, TEV, TNI) or minute (THH:MM, :SS ignored).  FALSE for
 * anything else. */
static gboolean
value_span (const char *v, gint64 *start, gint64 *end)
{
  guint n = 0;
  while (n < 5 && g_ascii_isdigit (v[n]))
    n++;
  if (n < 2 || n > 4)
    return FALSE;
  gint y = digits_at (v, n);
  if (n < 4)
    {
      if (v[n] != '\0')
        return FALSE;
      gint years = n == 2 ? 100 : 10;
      y *= years;
      *start = civil_days (y, 1, 1) * DAY_MIN;
      *end = civil_days (y + years, 1, 1) * DAY_MIN;
      return TRUE;
    }
  const char *p = v + 4;
  if (*p == '\0')
    {
      *start = civil_days (y, 1, 1) * DAY_MIN;
      *end = civil_days (y + 1, 1, 1) * DAY_MIN;
      return TRUE;
    }
  if (*p++ != '-')
    return FALSE;
  gint k;
  if ((p[0] == 'Q' || p[0] == 'H') && (k = digits_at (p + 1, 1)) >= 1 && k <= (p[0] == 'Q' ? 4 : 2)
      && p[2] == '\0')
    {
      gint months = p[0] == 'Q' ? 3 : 6;
      gint m = (k - 1) * months + 1;
      *start = civil_days (y, m, 1) * DAY_MIN;
      *end = (m + months > 12 ? civil_days (y + 1, 1, 1) : civil_days (y, m + months, 1)) * DAY_MIN;
      return TRUE;
    }
  if (p[0] == 'W' && (k = digits_at (p + 1, 2)) >= 1 && k <= 53)
    {
      /* Week 1 holds 4 January; weeks start on Monday (1970-01-01 was a
       * Thursday). */
      gint64 jan4 = civil_days (y, 1, 4);
      gint64 monday = jan4 - (((jan4 + 3) % 7 + 7) % 7) + 7 * (k - 1);
      if (p[3] == '\0')
        {
          *start = monday * DAY_MIN;
          *end = (monday + 7) * DAY_MIN;
          return TRUE;
        }
      if (strcmp (p + 3, "-WE") != 0)
        return FALSE;
      *start = (monday + 5) * DAY_MIN;
      *end = (monday + 7) * DAY_MIN;
      return TRUE;
    }
  gint m = digits_at (p, 2);
  if (m < 1 || m > 12)
    return FALSE;
  gint64 next_month = m == 12 ? civil_days (y + 1, 1, 1) : civil_days (y, m + 1, 1);
  p += 2;
  if (*p == '\0')
    {
      *start = civil_days (y, m, 1) * DAY_MIN;
      *end = next_month * DAY_MIN;
      return TRUE;
    }
  gint d;
  if (*p++ != '-' || (d = digits_at (p, 2)) < 1 || civil_days (y, m, d) >= next_month)
    return FALSE;
  gint64 day = civil_days (y, m, d) * DAY_MIN;
  p += 2;
  if (*p == '\0')
    {
      *start = day;
      *end = day + DAY_MIN;
      return TRUE;
    }
  if (*p++ != 'T')
    return FALSE;
  static const struct {
    char name[3];
    guint8 from, to;     /* hours */
  } parts[] = { { "MO", 0, 12 }, { "AF", 12, 18 }, { "EV", 18, 24 }, { "NI", 18, 30 } };
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strcmp (p, parts[i].name) == 0)
      {
        *start = day + parts[i].from * 60;
        *end = day + parts[i].to * 60;
        return TRUE;
      }
  gint h = digits_at (p, 2), mi;
  if (h < 0 || h > 24 || p[2] != ':' || (mi = digits_at (p + 3, 2)) < 0 || mi > 59
      || (p[5] != '\0' && (p[5] != ':' || digits_at (p + 6, 2) < 0 || p[8] != '\0')))
    return FALSE;
  *start = day + h * 60 + mi;
  *end = *start + 1;
  return TRUE;
}

/* The relation of @a to @b, or TL_NONE when they overlap otherwise or
 * the values do not tell ('early 1998' and March 1998). */
static TlRel
span_rel (const TimeSpan *a, const TimeSpan *b)
{
  if (a->end <= b->start)
    return TL_BEFORE;
  if (b->end <= a->start)
    return TL_AFTER;
  gboolean a_in_b = b->start <= a->start && a->end <= b->end;
  gboolean b_in_a = a->start <= b->start && b->end <= a->end;
  if (a_in_b && b_in_a)
    {
      if (a->part == b->part)
        return a->part ? TL_NONE : TL_SIMULTANEOUS;
      return a->part ? TL_IS_INCLUDED : TL_INCLUDES;
    }
  if (b_in_a && !a->part)
    return TL_INCLUDES;
  if (a_in_b && !b->part)
    return TL_IS_INCLUDED;
  return TL_NONE;
}

/* Whether @a comes before @b in the order of write_timex_links(). */
static gboolean
span_precedes (const TimeSpan *a, const TimeSpan *b)
{
  if (a->start != b->start)
    return a->start < b->start;
  if (a->end != b->end)
    return a->end > b->end;
  return !a->part && b->part;
}

/* The timex-timex TLINK lines of the @nt timexes written, @t_items
 * (text order), lids from 1; @spans has room for @nt.  Returns the
 * next lid. */
static guint
write_timex_links (Buf *b, const EvlTimex *tx, const Item *t_items, guint nt, TimeSpan *spans,
                   GOutputStream *out, GError **error)
{
  guint lid = 1;
  guint n = 0;
  for (guint k = 0; k < nt; k++)
    {
      const EvlTimex *t = &tx[t_items[k].index];
      TimeSpan s = { 0, 0, t_items[k].index, FALSE };
      if ((t->type != EVL_TIMEX_DATE && t->type != EVL_TIMEX_TIME) || t->value == NULL
          || !value_span (t->value, &s.start, &s.end))
        continue;
      if (t->mod)
        {
          if (!str_is (t->mod, "START") && !str_is (t->mod, "MID") && !str_is (t->mod, "END")
              && !str_is (t->mod, "APPROX"))
            continue;
          s.part = !str_is (t->mod, "APPROX");
        }
      /* Insertion keeps text order among equals; a story has few dates. */
      guint j = n++;
      for (; j > 0 && span_precedes (&s, &spans[j - 1]); j--)
        spans[j] = spans[j - 1];
      spans[j] = s;
    }
  for (guint i = 1; i < n; i++)
    for (guint j = i; j-- > 0;)
      {
        TlRel r = span_rel (&spans[j], &spans[i]);
        if (r == TL_NONE)
          continue;
        flush (b, out, FALSE, error);
        write_link (b, &lid, r, FROM_TIME, sizeof FROM_TIME - 1, spans[j].index + 1, TO_TIME,
                    sizeof TO_TIME - 1, 't', 0, spans[i].index + 1);
        break;
      }
  return lid;
}

/* This thread's output buffer between documents (FLUSH_AT and a margin):
 * one allocation per thread instead of one per document. */
static GPrivate spare_buf = G_PRIVATE_INIT (g_free);

/* The placement arrays (items, which timexes were written), kept per
 * thread between documents like the buffer: allocations per document
 * less. */
typedef struct {
  Item *items;
  gsize cap_items;
  guint8 *written;       /* timexes, then events */
  gsize cap_written;
  TimeSpan *spans;       /* write_timex_links() */
  gsize cap_spans;
  LemmaSlot *nouns;      /* write_tlinks() */
  gsize cap_nouns;
  guint32 serial;        /* the document's, for its lemma slots */
} Work;

static void
work_free (gpointer p)
{
  Work *w = p;
  if (w == NULL)
    return;
  g_free (w->items);
  g_free (w->written);
  g_free (w->spans);
  g_free (w->nouns);
  g_free (w);
}

static GPrivate spare_work = G_PRIVATE_INIT (work_free);

/* @p with room for @need items of @size bytes: the old block, or a new
 * one (zeroed when @zero) of at least twice the old capacity *@cap; the
 * old contents are not kept. */
static gpointer
reserve (gpointer p, gsize *cap, gsize need, gsize size, gboolean zero)
{
  if (*cap >= need)
    return p;
  g_free (p);
  *cap = MAX (need, 2 * *cap);
  return zero ? g_malloc0_n (*cap, size) : g_malloc_n (*cap, size);
}

/* This thread's Work with room for @n_items items, @n_written marks,
 * @n_spans spans and @n_nouns lemma slots (taken from the thread: a
 * nested call makes its own). */
static Work *
work_acquire (gsize n_items, gsize n_written, gsize n_spans, gsize n_nouns)
{
  Work *w = g_private_get (&spare_work);
  if (w)
    g_private_set (&spare_work, NULL);
  else
    w = g_new0 (Work, 1);
  w->items = reserve (w->items, &w->cap_items, n_items, sizeof (Item), FALSE);
  w->written = reserve (w->written, &w->cap_written, n_written, sizeof (guint8), FALSE);
  w->spans = reserve (w->spans, &w->cap_spans, n_spans, sizeof (TimeSpan), FALSE);
  gsize had = w->cap_nouns;
  w->nouns = reserve (w->nouns, &w->cap_nouns, n_nouns, sizeof (LemmaSlot), TRUE);
  if (w->cap_nouns != had)
    w->serial = 0;
  /* Slots of an earlier document read as empty; 0 is no document's. */
  if (++w->serial == 0)
    {
      memset (w->nouns, 0, w->cap_nouns * sizeof *w->nouns);
      w->serial = 1;
    }
  return w;
}

static void
work_release (Work *w)
{
  if (g_private_get (&spare_work) == NULL)
    g_private_set (&spare_work, w);
  else
    work_free (w);
}

static void
buf_release (Buf *b)
{
  if (b->cap <= 2 * FLUSH_AT && g_private_get (&spare_buf) == NULL)
    g_private_set (&spare_buf, b->p);   /* a larger one is given back */
  else
    g_free (b->p);
}

gboolean
evl_export_timeml (const EvlDocument *doc, GOutputStream *out, GError **error)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  gsize len = 0;
  const char *text = evl_document_get_text (doc, &len);
  guint n_tx = 0, n_ev = 0;
  const EvlTimex *tx = evl_document_get_timexes (doc, &n_tx);
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n_ev);

  /* Timexes at items[0, n_tx), events after them. */
  /* Lemma slots: a power of two over twice the events. */
  gsize n_nouns = 4;
  while (n_nouns <= 2 * (gsize) n_ev)
    n_nouns *= 2;
  Work *work = work_acquire ((gsize) n_tx + n_ev + 1, (gsize) n_tx + n_ev + 1, (gsize) n_tx + 1, n_nouns);
  Item *t_items = work->items, *e_items = work->items + n_tx;
  guint nt = 0;
  for (guint i = 0; i < n_tx; i++)
    if (span_ok (text, len, tx[i].span.start, tx[i].span.end))
      t_items[nt++] = (Item) { tx[i].span.start, tx[i].span.end, i, TRUE };
  nt = keep_free (t_items, nt, NULL, 0);
  guint ne = collect_events (e_items, ev, n_ev, text, len, t_items, nt);

  guint8 *written = work->written;
  guint8 *ev_kept = written + n_tx;
  memset (written, 0, (gsize) n_tx + n_ev + 1);
  for (guint k = 0; k < nt; k++)
    written[t_items[k].index] = TRUE;
  for (guint k = 0; k < ne; k++)
    ev_kept[e_items[k].index] = TRUE;

  const char *dct = evl_document_get_dct (doc);
  Buf b = { g_private_get (&spare_buf), 0, 2 * FLUSH_AT };
  if (b.p)
    g_private_set (&spare_buf, NULL);   /* a nested call makes its own */
  else
    b.p = g_malloc (b.cap);
  g_autoptr (GError) werr = NULL;
  APPEND_LIT (&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n\n<DOCID>");
  const char *id = evl_document_get_id (doc);
  escape_text (&b, id, strlen (id));
  APPEND_LIT (&b, "</DOCID>\n\n");
  write_dct (&b, dct);
  const char *title = evl_document_get_title (doc);
  if (title)
    {
      APPEND_LIT (&b, "<TITLE>");
      escape_text (&b, title, strlen (title));
      APPEND_LIT (&b, "</TITLE>\n\n");
    }
  APPEND_LIT (&b, "<TEXT>");
  guint32 pos = 0;
  gsize sp = next_special_far (text, 0, len);
  const AttrMemo *classes = event_class_attrs ();
  /* The kept timexes and events, disjoint and each sorted, merged in
   * text order. */
  for (guint ti = 0, ei = 0; ti < nt || ei < ne;)
    {
      const Item *it = ti < nt && (ei >= ne || item_cmp (&t_items[ti], &e_items[ei]) < 0) ? &t_items[ti++]
                                                                                       : &e_items[ei++];
      flush (&b, out, FALSE, &werr);
      if (!it->is_timex && it->end <= sp && (guint) ev[it->index].klass < EVL_EVENT_CLASS_N)
        {
          /* The common tag: an event of a known class, nothing to escape
           * before its end; one room check for the text before it, its
           * word and its tags (one per piece and per tag were 0.3 M
           * instructions for 15,000 tags on the 400 small documents). */
          char *w = room (&b, it->end - pos + 32 + EVENT_TAGS_ROOM);
          w = copy_plain (w, text + pos, it->start - pos, len - pos);
          w = event_open_at (w, it->index, &classes[ev[it->index].klass]);
          w = copy_plain (w, text + it->start, it->end - it->start, len - it->start);
          memcpy (w, "</EVENT>", 8);
          b.len = (gsize) (w + 8 - b.p);
          pos = it->end;
          continue;
        }
      put_piece (&b, text, pos, it->start, len, &sp);
      if (it->is_timex)
        open_timex (&b, &tx[it->index], it->index, written, n_tx, dct != NULL);
      else
        {
          open_event (&b, it->index, ev[it->index].klass);
        }
      put_piece (&b, text, it->start, it->end, len, &sp);
      if (it->is_timex)
        APPEND_LIT (&b, "</TIMEX3>");
      else
        APPEND_LIT (&b, "</EVENT>");
      pos = it->end;
    }
  put_piece (&b, text, pos, len, len, &sp);
  APPEND_LIT (&b, "</TEXT>\n\n");
  write_instances (&b, ev, e_items, ne, out, &werr);
  /* The timex links first: an evaluator that drops the links that
   * contradict those before it (TempEval-3's Timegraph) keeps these,
   * which the values make certain, over the event links. */
  guint lid = write_timex_links (&b, tx, t_items, nt, work->spans, out, &werr);
  write_tlinks (&b, lid, doc, ev, n_ev, e_items, ne, tx, n_tx, t_items, nt, written, ev_kept, dct != NULL,
                work->nouns, (guint) n_nouns - 1, work->serial, out, &werr);
  APPEND_LIT (&b, "\n</TimeML>\n");
  flush (&b, out, TRUE, &werr);
  buf_release (&b);
  work_release (work);
  if (werr)
    {
      g_propagate_error (error, g_steal_pointer (&werr));
      return FALSE;
    }
  return TRUE;
}
