/* `eventline tag -f jsonl`: a document's timexes and events as one
 * compact JSON line, written straight into a byte buffer.
 *
 * The members and values are those of `tag -f json` (a JsonBuilder tree
 * per document, pretty-printed): for thousands of documents that tree
 * cost an allocation per value, where this writer appends to one buffer
 * the caller reuses.  Span texts are copied from the document's text
 * without interning them.
 *
 * The cursor, the numbers and the escaper are export/json-cursor.h's,
 * shared with `extract` and events.json, whose escaping gives valid JSON
 * in valid UTF-8 whatever the bytes (a path or a --data-dir lexicon
 * value need not be UTF-8). */
#include "export/json-cursor.h"
#include "events/events-private.h"   /* evl_events_known_image_range() */

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

void
evl_export_append_json_string (GString *out, const char *str, gssize len)
{
  g_return_if_fail (out != NULL && (str != NULL || len <= 0));
  gsize n = str == NULL ? 0 : len < 0 ? strlen (str) : (gsize) len;
  g_return_if_fail (n < G_MAXSIZE / 8);
  EvlJsonCursor c;
  evl_json_cursor_init (&c, out);
  evl_json_put_string (&c, str, n);
  evl_json_cursor_finish (&c);
}

/* The strings met so far in one line, by address.  The vocabulary
 * (class, lemma, type, tense, aspect...) repeats from event to event:
 * its escaped form is copied from the slot that keeps it (or, when
 * long, from where it was first written in the line) instead of measured
 * and escaped again (that was a third of the line's instructions).
 * Valid for one line only, but for the strings that outlive every line
 * (MEMO_LASTING): the addresses are the document's and the context's,
 * which do not change while it is written.
 *
 * The table is the thread's and lives from line to line: a slot holds
 * the number of the line that filled it, so a new line starts by
 * counting one up instead of clearing the table (a 6 KB memset per line
 * was ~0.3 M instructions on the small corpus), and the table can be
 * larger: with 256 slots a quarter of the misses (~6,000 on the small
 * corpus, ~145 instructions each) were collisions.  With the lasting
 * lemmas kept, 4,096 slots measured 0.24 M instructions fewer than
 * 1,024 on the small corpus. */
#define MEMO_BITS 12
#define MEMO_SLOTS (1u << MEMO_BITS)

typedef struct {
  const char *key;
  gsize at;        /* offset in the buffer of the escaped form */
  guint32 len;     /* its length */
  guint32 line;    /* the line (MemoTable.line) that set it; 0: none;
                      MEMO_LASTING: every line's */
  char form[16];   /* the escaped form when len <= 16 */
} MemoSlot;

/* The line of a slot whose key outlives every line: a string of the
 * compiled-in known words' image (most lemmas, evl_events_known_image_range()),
 * which is static data.  Such a slot keeps its form (MemoSlot.form) from
 * line to line: on the small corpus 9.6 K of the 18.8 K misses were the
 * first sight in a line of such a lemma. */
#define MEMO_LASTING G_MAXUINT32

/* A member of fixed text ('"class":"OCCURRENCE"'), written ahead of time:
 * copied as a whole 32-byte block (the room is reserved). */
#define FIXED_CAP 32
typedef struct {
  char text[FIXED_CAP];
  guint32 len;
} FixedMember;

static const char *const timex_types[] = { "DATE", "TIME", "DURATION", "SET" };

typedef struct {
  guint32 line;    /* the current line's number, never 0 nor MEMO_LASTING */
  const char *lasting_lo, *lasting_hi;   /* evl_events_known_image_range() */
  MemoSlot slot[MEMO_SLOTS];
  FixedMember klass[EVL_EVENT_CLASS_N + 1];   /* the last: out of range */
  FixedMember timex_type[G_N_ELEMENTS (timex_types)];
} MemoTable;

/* Member name @lit then @value (escaped) into @m; the name is at most
 * 16 bytes and the values are short names, well within FIXED_CAP. */
static void
fixed_member (FixedMember *m, const char *lit, const char *value)
{
  g_autoptr (GString) s = g_string_new (lit);
  EvlJsonCursor c;
  evl_json_cursor_init (&c, s);
  evl_json_put_str (&c, value);
  evl_json_cursor_finish (&c);
  g_assert (s->len <= FIXED_CAP);
  memset (m->text, 0, FIXED_CAP);
  memcpy (m->text, s->str, s->len);
  m->len = (guint32) s->len;
}

static GPrivate memo_key = G_PRIVATE_INIT (g_free);

/* (transfer none) The thread's table, numbered for a new line. */
static MemoTable *
memo_for_line (void)
{
  MemoTable *t = g_private_get (&memo_key);
  if (t == NULL)
    {
      t = g_new0 (MemoTable, 1);
      for (guint k = 0; k <= EVL_EVENT_CLASS_N; k++)
        fixed_member (&t->klass[k], ",\"class\":", evl_event_class_to_string ((EvlEventClass) k));
      for (guint k = 0; k < G_N_ELEMENTS (timex_types); k++)
        fixed_member (&t->timex_type[k], ",\"type\":", timex_types[k]);
      evl_events_known_image_range (&t->lasting_lo, &t->lasting_hi);
      g_private_set (&memo_key, t);
    }
  if (G_UNLIKELY (++t->line == MEMO_LASTING))
    {
      /* Wrapped: no slot may claim the new number. */
      for (guint i = 0; i < MEMO_SLOTS; i++)
        t->slot[i].line = 0;
      t->line = 1;
    }
  return t;
}

/* Writes @m at @d (room for FIXED_CAP bytes); returns the end. */
static inline char *
fixed_at (char *d, const FixedMember *m)
{
  memcpy (d, m->text, FIXED_CAP);
  return d + m->len;
}

/* The @n bytes (at most 16) at @s in two words, zeros above, reading
 * nothing outside them: loads of fixed sizes, overlapping when @n is not
 * one (a memcpy() of a variable size is a call). */
static inline void
load_short (const char *s, gsize n, guint64 *a, guint64 *b)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  *b = 0;
  if (n > 8)
    {
      *a = evl_load64 (s);
      *b = evl_load64 (s + n - 8) >> (8 * (16 - n));
    }
  else if (n >= 4)
    {
      guint32 lo, hi;
      memcpy (&lo, s, 4);
      memcpy (&hi, s + n - 4, 4);
      *a = (guint64) lo | ((guint64) hi << (8 * (n - 4)));
    }
  else
    *a = n == 0 ? 0 : (guchar) s[0] | (n > 1 ? (guint64) (guchar) s[1] << 8 : 0)
                       | (n > 2 ? (guint64) (guchar) s[2] << 16 : 0);
#else
  (void) s, (void) n;
  *a = *b = 0;   /* put_plain_short() declines */
#endif
}

/* Writes the @n bytes (at most 16) in @a and @b as a string literal when
 * none needs escaping (two words tested, two stored: the bytes past
 * them are overwritten next); FALSE, writing nothing, otherwise.  Most
 * values and span texts are a few plain bytes: the escaper's call, its
 * reservation for six bytes a byte and its loop were ~100 instructions
 * a string. */
static inline char *
plain_short_at (char *d, guint64 a, guint64 b, gsize n)
{
#if G_BYTE_ORDER != G_LITTLE_ENDIAN
  return NULL;   /* the words hold the bytes in little-endian order */
#endif
#if defined(__SSE2__)
  /* evl_json_needs_care() of the sixteen bytes at once: a signed compare
   * below 0x20 takes the controls and every byte from 0x80 (~25
   * instructions fewer a string than the two words' tests, ~0.4 M on the
   * small corpus's tag lines) */
  __m128i x = _mm_set_epi64x ((gint64) b, (gint64) a);
  __m128i care = _mm_or_si128 (_mm_or_si128 (_mm_cmplt_epi8 (x, _mm_set1_epi8 (0x20)),
                                             _mm_cmpeq_epi8 (x, _mm_set1_epi8 ('"'))),
                               _mm_or_si128 (_mm_cmpeq_epi8 (x, _mm_set1_epi8 ('\\')),
                                             _mm_cmpeq_epi8 (x, _mm_set1_epi8 (0x7F))));
  if (((guint) _mm_movemask_epi8 (care) & ((1u << n) - 1)) != 0)
    return NULL;
#else
  guint64 keep_a = n >= 8 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << (8 * n)) - 1;
  guint64 keep_b = n >= 16 ? G_MAXUINT64 : n <= 8 ? 0 : (G_GUINT64_CONSTANT (1) << (8 * (n - 8))) - 1;
  if (((evl_json_needs_care (a) & keep_a) | (evl_json_needs_care (b) & keep_b))
      != 0)
    return NULL;
#endif
  *d++ = '"';
  memcpy (d, &a, 8);
  memcpy (d + 8, &b, 8);
  d += n;
  *d++ = '"';
  return d;
}

/* The same through the cursor: writes at c->p (with room for 18 bytes
 * reserved there) and moves it; FALSE, writing nothing, when the bytes
 * need escaping. */
static inline gboolean
put_plain_short (EvlJsonCursor *c, guint64 a, guint64 b, gsize n)
{
  evl_json_reserve (c, 16 + 2);
  char *d = plain_short_at (c->p, a, b, n);
  if (d == NULL)
    return FALSE;
  c->p = d;
  return TRUE;
}

/* First time @s is met in the line: escaped, and remembered in @m. */
static G_GNUC_NO_INLINE void
memo_miss (EvlJsonCursor *c, MemoSlot *m, guint32 line, const char *s)
{
  gsize at = (gsize) (c->p - c->s->str);   /* an offset: writing may move the buffer */
  gsize n = strlen (s);
  guint64 a, b;
  if (n > 16 || (load_short (s, n, &a, &b), !put_plain_short (c, a, b, n)))
    evl_json_put_string (c, s, n);
  gsize len = (gsize) (c->p - c->s->str) - at;
  m->key = s;
  m->at = at;
  m->len = (guint32) MIN (len, (gsize) G_MAXUINT32);
  if (len <= sizeof m->form)
    memcpy (m->form, c->s->str + at, len);
  /* A form too long to be counted is written again when met again. */
  m->line = len <= G_MAXUINT32 ? line : 0;
}

/* Member name @lit (@lit_len bytes, at most 16) then @s.  A hit takes
 * one reservation for both and copies the escaped form (nearly always
 * at most 16 bytes: a class, a tense, a lemma) as two words instead of
 * a memcpy() call: the 16 bytes read from @from, earlier in the buffer,
 * are within the reserved room, and are loaded before anything is
 * stored. */
static inline void
put_member_memo (EvlJsonCursor *c, MemoTable *memo, const char *lit, gsize lit_len, const char *s)
{
  guintptr h = (guintptr) s;
  /* Every address bit counts: interned strings are packed, several in
   * eight bytes ('say', 'PAST'). */
  MemoSlot *m = &memo->slot[(h * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - MEMO_BITS)];
  if (G_UNLIKELY (m->key != s || m->line != memo->line))
    {
      evl_json_reserve (c, lit_len);
      memcpy (c->p, lit, lit_len);
      c->p += lit_len;
      memo_miss (c, m, memo->line, s);
      return;
    }
  gsize n = m->len;
  evl_json_reserve (c, lit_len + MAX (n, 16));
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

/* An item's members are written at a pointer within one reservation
 * of ITEM_ROOM bytes made when the item opens (item_room()), which holds
 * all but the rare value that is long or needs escaping: those take the
 * cursor's own path, after which the room is reserved again.  A
 * reservation per member was a test of the room and a store and reload
 * of the cursor (~15 an event, ~1 M instructions on the small corpus,
 * callgrind).  The most an event writes in its room: the comma, key,
 * id, start and end 103 (open_item()'s own reservation was that), the
 * text's member and 16 plain bytes 26, the class 32 (a FixedMember's
 * whole block), five memo members of at most 32 bytes each (a name of
 * at most 15 bytes and 16 copied; a first sight stores a 16-byte name
 * and 16 bytes past its quote: member_miss_at()) 160, the polarity 17, the timex's id 32 and the brace: 371.
 * A timex writes less. */
#define ITEM_ROOM 384

/* (transfer none) Where the item's next member goes, ITEM_ROOM bytes
 * reserved from there. */
static inline char *
item_room (EvlJsonCursor *c)
{
  evl_json_reserve (c, ITEM_ROOM);
  return c->p;
}

/* Leaves writing at @d to the cursor's own path. */
static inline EvlJsonCursor *
item_cursor (EvlJsonCursor *c, char *d)
{
  c->p = d;
  return c;
}

/* member_memo_at()'s miss: @lit16 is the member name zero-padded to 16
 * bytes (@lit_len of them its own).  A first sight of a short plain
 * string (most lemmas and values) is written and remembered at @d within
 * the room: through put_member_memo() it took a reservation of its own,
 * a call and a reservation of the room again (~30 instructions a miss,
 * 18.8 K misses on the small corpus).  At most 14 bytes: its form,
 * quotes included, is then one a hit copies (16 bytes at most); the name
 * is stored as 16 bytes and plain_short_at() stores 16 past the opening
 * quote, a byte more than a hit, well within the room's spare. */
static G_GNUC_NO_INLINE char *
member_miss_at (EvlJsonCursor *c, MemoTable *memo, MemoSlot *m, char *d, const char *lit16,
                gsize lit_len, const char *s)
{
  gsize n = strlen (s);
  if (n <= 14)
    {
      guint64 a, b;
      load_short (s, n, &a, &b);
      memcpy (d, lit16, 16);
      char *e = plain_short_at (d + lit_len, a, b, n);
      if (e != NULL)
        {
          m->key = s;
          m->at = (gsize) (d + lit_len - c->s->str);
          m->len = (guint32) (n + 2);
          /* plain_short_at() wrote 17 bytes from the quote */
          memcpy (m->form, d + lit_len, sizeof m->form);
          m->line = s >= memo->lasting_lo && s < memo->lasting_hi ? MEMO_LASTING : memo->line;
          return e;
        }
    }
  put_member_memo (item_cursor (c, d), memo, lit16, lit_len, s);
  return item_room (c);
}

/* put_member_memo() at @d, within an item's room: a hit of at most 16
 * bytes is written there; anything else takes member_miss_at().  Returns
 * where the next member goes. */
static inline char *
member_memo_at (EvlJsonCursor *c, MemoTable *memo, char *d, const char *lit16, gsize lit_len,
                const char *s)
{
  MemoSlot *m = &memo->slot[((guintptr) s * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - MEMO_BITS)];
  if (G_LIKELY (m->key == s && (m->line == memo->line || m->line == MEMO_LASTING) && m->len <= 16))
    {
      const char *from = m->form;
      memcpy (d, lit16, lit_len);
      d += lit_len;
      guint64 a = evl_load64 (from), b = evl_load64 (from + 8);
      memcpy (d, &a, 8);
      memcpy (d + 8, &b, 8);
      return d + m->len;
    }
  return member_miss_at (c, memo, m, d, lit16, lit_len, s);
}

/* @member (",\"name\":") then @value, when @value is set. */
#define MEMBER_STR(c, member, value)                    \
  G_STMT_START {                                        \
    const char *v_ = (value);                           \
    if (v_ != NULL)                                     \
      {                                                 \
        EVL_JSON_LIT (c, member);                                \
        evl_json_put_str (c, v_);                                \
      }                                                 \
  } G_STMT_END

/* The same for a value that may repeat in the line, written at @d
 * within an item's room (member_memo_at()), which it moves on. */
#define MEMBER_MEMO_AT(c, memo, d, member, value)       \
  G_STMT_START {                                        \
    const char *v_ = (value);                           \
    G_STATIC_ASSERT (sizeof (member) <= 16);            \
    static const char lit16_[16] = member;              \
    if (v_ != NULL)                                     \
      (d) = member_memo_at (c, memo, d, lit16_, sizeof (member) - 1, v_); \
  } G_STMT_END

/* "\"tN\"" for index @i (0-based), as tag -f json numbers tids and eids,
 * at @d (room for 23 bytes); returns the end. */
static inline char *
id_at (char *d, char prefix, guint64 i)
{
  *d++ = '"';
  *d++ = prefix;
  d = evl_json_uint_at (d, i + 1);
  *d++ = '"';
  return d;
}

/* The first members of item @i of the timexes or events: "{\"tid\":\"t1\""
 * (@key the literal '{"tid":', @prefix 't'), then start, end and (when
 * the span is within the text) text. */

/* The decimal digits of an item's number (ids count 1, 2, 3...),
 * counted up in place: an increment, nearly always of the last digit,
 * and a fixed 16-byte copy instead of writing the number afresh per item
 * (~30 instructions).  The digits end at ID_END; 16 bytes from the first
 * are within the buffer. */
#define ID_END 20
typedef struct {
  char digits[ID_END + 16];
  guint first;
} IdCount;

static void
id_count_init (IdCount *k)
{
  memset (k->digits, '0', sizeof k->digits);
  k->first = ID_END - 1;   /* "0" */
}

static inline void
id_count_next (IdCount *k)
{
  guint j = ID_END;
  while (j > k->first && k->digits[j - 1] == '9')
    k->digits[--j] = '0';
  if (j > k->first)
    k->digits[j - 1]++;
  else
    k->digits[--k->first] = '1';   /* one digit more: 9 -> 10 */
}
G_STATIC_ASSERT (ID_END >= 10);   /* a guint's digits */

static char *
open_item (EvlJsonCursor *c, char *d, guint i, IdCount *id, const char *key, gsize key_len, char prefix,
           const char *text, gsize text_len, EvlSpan span)
{
  *d = ',';
  d += i > 0;
  memcpy (d, key, key_len);
  d += key_len;
  *d++ = '"';
  *d++ = prefix;
  id_count_next (id);   /* to i + 1 */
  memcpy (d, id->digits + id->first, 16);
  d += ID_END - id->first;
  d = EVL_JSON_LIT_AT (d, "\",\"start\":");
  d = evl_json_uint_at (d, span.start);
  d = EVL_JSON_LIT_AT (d, ",\"end\":");
  d = evl_json_uint_at (d, span.end);
  if (span.start <= span.end && span.end <= text_len)
    {
      gsize n = span.end - span.start;
      const char *p = text + span.start;
      /* With 16 bytes of text to read from the span's start, the bytes
       * past it in the two words are masked off (plain_short_at()). */
      d = EVL_JSON_LIT_AT (d, ",\"text\":");
      char *e;
      if (n <= 16 && span.start + 16 <= text_len
          && (e = plain_short_at (d, evl_load64 (p), evl_load64 (p + 8), n)) != NULL)
        return e;
      evl_json_put_string (item_cursor (c, d), p, n);
      return item_room (c);
    }
  return d;
}

void
evl_export_tag_json_line (GString *out, const EvlDocument *doc)
{
  g_return_if_fail (out != NULL && doc != NULL);
  gsize text_len = 0;
  const char *text = evl_document_get_text (doc, &text_len);
  EvlJsonCursor cur, *c = &cur;
  evl_json_cursor_init (c, out);
  MemoTable *memo = memo_for_line ();
  /* A document always has an id (evl_document_new() requires one), so
   * every later member starts with a comma. */
  EVL_JSON_LIT (c, "{\"id\":");
  evl_json_put_str (c, evl_document_get_id (doc));
  MEMBER_STR (c, ",\"path\":", evl_document_get_path (doc));
  MEMBER_STR (c, ",\"title\":", evl_document_get_title (doc));
  MEMBER_STR (c, ",\"dct\":", evl_document_get_dct (doc));

  guint n = 0;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  EVL_JSON_LIT (c, ",\"timexes\":[");
  IdCount id;
  id_count_init (&id);
  for (guint i = 0; i < n; i++)
    {
      static const char key[] = "{\"tid\":";
      char *d = open_item (c, item_room (c), i, &id, key, sizeof key - 1, 't', text, text_len, t[i].span);
      if ((guint) t[i].type < G_N_ELEMENTS (timex_types))
        d = fixed_at (d, &memo->timex_type[t[i].type]);
      MEMBER_MEMO_AT (c, memo, d, ",\"value\":", t[i].value);
      MEMBER_MEMO_AT (c, memo, d, ",\"mod\":", t[i].mod);
      MEMBER_MEMO_AT (c, memo, d, ",\"quant\":", t[i].quant);
      MEMBER_MEMO_AT (c, memo, d, ",\"freq\":", t[i].freq);
      if (t[i].anchor >= 0)
        {
          d = EVL_JSON_LIT_AT (d, ",\"anchorTimeID\":");
          d = id_at (d, 't', (guint64) t[i].anchor);
        }
      *d++ = '}';
      c->p = d;
    }

  const EvlEventMention *e = evl_document_get_event_mentions (doc, &n);
  EVL_JSON_LIT (c, "],\"events\":[");
  id_count_init (&id);
  for (guint i = 0; i < n; i++)
    {
      static const char key[] = "{\"eid\":";
      char *d = open_item (c, item_room (c), i, &id, key, sizeof key - 1, 'e', text, text_len, e[i].span);
      d = fixed_at (d, &memo->klass[MIN ((guint) e[i].klass, (guint) EVL_EVENT_CLASS_N)]);
      MEMBER_MEMO_AT (c, memo, d, ",\"lemma\":", e[i].lemma);
      MEMBER_MEMO_AT (c, memo, d, ",\"type\":", e[i].type);
      MEMBER_MEMO_AT (c, memo, d, ",\"tense\":", e[i].tense);
      MEMBER_MEMO_AT (c, memo, d, ",\"aspect\":", e[i].aspect);
      if (e[i].polarity == EVL_POLARITY_NEG)
        d = EVL_JSON_LIT_AT (d, ",\"polarity\":\"NEG\"");
      else
        d = EVL_JSON_LIT_AT (d, ",\"polarity\":\"POS\"");
      MEMBER_MEMO_AT (c, memo, d, ",\"modality\":", e[i].modality);
      if (e[i].timex >= 0)
        {
          d = EVL_JSON_LIT_AT (d, ",\"timex\":");
          d = id_at (d, 't', (guint64) e[i].timex);
        }
      *d++ = '}';
      c->p = d;
    }
  EVL_JSON_LIT (c, "]}\n");
  evl_json_cursor_finish (c);
}
