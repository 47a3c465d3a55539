/* What the recognizer derives from its lexicons: the en/event-pairs
 * keys as numbers (EvlPairIndex) and the parsed attributes of
 * en/event-forms and en/event-lemmas (EvlEventRecords).  Shared by the
 * recognizer (recognize.c) and the build-time lexicon index tool
 * (src/lib/lexicon/lexicon-index-tool.c), which writes them for the
 * compiled-in lexicons as pointer-free images so that a context maps
 * them instead of deriving them at every start (measured: 28 M + 8.4 M
 * instructions, 41% of `tag input/`).  Never installed. */
#pragma once

#include "evl-private.h"

/* A key is "K A B" (K one of s, l, n); every A and B of the file gets a
 * number (1..EVL_PAIR_ID_MAX), a memo slot carries the numbers of its
 * form, lemma and last three letters, and a key's weight is one probe of
 * a table of (K, A, B) packed in 32 bits: no key string is built,
 * folded, hashed and compared per candidate, and a word that is in no
 * key (most are) costs no probe at all.  Measured: three string lookups
 * in the 90K-key lexicon per candidate were 14% of tag's time on the
 * 20 MB corpus (hash-table cache misses).  Exact: a query matches a key
 * iff its folded string equals the key's, which for keys of two single
 * spaces and words without white space is equality of K, A and B; any
 * other key (none in the derived file) turns the numbering off (ok =
 * FALSE) and a word with white space looks its keys up by string. */
#define EVL_PAIR_ID_BITS 15
#define EVL_PAIR_ID_MAX ((1u << EVL_PAIR_ID_BITS) - 1)

typedef struct {
  guint32 hash;
  guint32 id;                /* 0: empty */
} EvlPairWordSlot;

typedef struct {
  guint32 key;               /* kind << 30 | A << 15 | B; 0: empty */
  gint32 weight;
} EvlPairSlot;

/* Built (evl_pair_index_build()) or mapped from an image
 * (evl_pair_index_map(): the arrays point into it and are never
 * written). */
typedef struct {
  gboolean ok;
  gboolean mapped;
  EvlPairWordSlot *word_slots;   /* folded word -> number */
  guint32 word_mask;
  guint32 *word_off;         /* number -> offset of its bytes in word_bytes */
  guint8 *word_len;
  char *word_bytes;
  guint n_words;
  EvlPairSlot *slots;        /* (kind, A, B) -> milli-weight */
  guint32 mask;
  guint64 *filter;           /* evl_pair_filter_bits() of every key, by evl_pair_filter_word() */
  guint32 filter_mask;       /* its number of words - 1 */
  guint16 start, end;        /* numbers of "<s>", "</s>" */
  int pair_bound;            /* sum over the kinds of their largest positive weight */
  /* by word number (0: none, bound 0): the most the keys can add in which
   * the word is a candidate's lemma ("n LEMMA NEXT", "l PREV LEMMA") or
   * its last letters ("s PREV SUF"), each kind's largest positive
   * weight; a candidate whose score stays at or under the threshold even
   * with its own bounds takes no pair probe (evl_pair_index_bounds()) */
  gint32 *lemma_bound;
  gint32 *suffix_bound;
} EvlPairIndex;

/* "-1.234" -> -1234 (the derived weights are written with three
 * decimals; parsing them by hand keeps the hot path free of locale-aware
 * strtod).  *@at goes past the number. */
static inline int
evl_parse_milli_at (const char **at)
{
  const char *s = *at;
  gboolean neg = *s == '-';
  s += neg;
  guint d;
  /* The derived files write "D.DDD": read it without loops (each byte is
   * read only when the one before it is not NUL).  240K numbers are
   * parsed per context: measured, 2 M instructions fewer than the loops. */
  if ((d = (guint) (guchar) s[0] - '0') < 10 && s[1] == '.' && (guint) (guchar) s[2] - '0' < 10
      && (guint) (guchar) s[3] - '0' < 10 && (guint) (guchar) s[4] - '0' < 10
      && (guint) (guchar) s[5] - '0' >= 10)
    {
      int v = (int) (d * 1000 + ((guint) (guchar) s[2] - '0') * 100
                     + ((guint) (guchar) s[3] - '0') * 10 + ((guint) (guchar) s[4] - '0'));
      *at = s + 5;
      return neg ? -v : v;
    }
  int v = 0;
  for (; (d = (guint) (guchar) *s - '0') < 10; s++)
    v = v * 10 + (int) d;
  v *= 1000;
  if (*s == '.' && (d = (guint) (guchar) s[1] - '0') < 10)
    {
      /* at most three decimals count; *@at goes past them all, so that
       * add_vector() finds its comma at once */
      v += (int) d * 100;
      s += 2;
      if ((d = (guint) (guchar) *s - '0') < 10)
        {
          v += (int) d * 10;
          s++;
          if ((d = (guint) (guchar) *s - '0') < 10)
            {
              v += (int) d;
              for (s++; (guint) (guchar) *s - '0' < 10; s++)
                ;
            }
        }
    }
  *at = s;
  return neg ? -v : v;
}

/* Attribute @i of lexicon entry @e (NULL when @e or the attribute is
 * missing), and that attribute as thousandths (0 when missing). */
static inline const char *
evl_entry_attr (const EvlLexEntry *e, guint i)
{
  return e && i < e->n_attrs ? e->attrs[i] : NULL;
}

static inline int
evl_entry_milli (const EvlLexEntry *e, guint i)
{
  const char *s = evl_entry_attr (e, i);
  return s ? evl_parse_milli_at (&s) : 0;
}

static inline guint32
evl_pair_word_hash (const char *w, gsize n)
{
  guint32 h = 2166136261u;  /* FNV-1a */
  for (gsize i = 0; i < n; i++)
    h = (h ^ (guchar) w[i]) * 16777619u;
  return h;
}

/* The number of the folded word @w (@n bytes) in @x's keys; 0 when no
 * key has it or the numbering is off. */
guint evl_pair_index_find (const EvlPairIndex *x, const char *w, gsize n);

static inline guint32
evl_pair_code (char kind, guint a, guint b)
{
  guint32 k = kind == 's' ? 1 : kind == 'l' ? 2 : kind == 'n' ? 3 : 0;
  return k << (2 * EVL_PAIR_ID_BITS) | (guint32) a << EVL_PAIR_ID_BITS | (guint32) b;
}

static inline guint32
evl_pair_slot_of (guint32 code, guint32 mask)
{
  guint32 h = code * 0x9E3779B1u;
  return (h ^ (h >> 16)) & mask;
}

/* A Bloom filter of the keys in front of the table, one 64-bit word per
 * key with three bits set: about half of the keys asked for are in no
 * pair, and the table (2 MB, random probes) misses the cache for nearly
 * every one of them, while the filter (1/16 of its size) mostly does not
 * (measured with callgrind's cache model on 1,200 wire stories: 219 K of
 * the recognizer's 490 K last-level misses were table probes).  Exact:
 * a key the filter rules out is in no slot. */
static inline guint64
evl_pair_filter_hash (guint32 code)
{
  return code * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
}

static inline guint64
evl_pair_filter_bits (guint64 h)
{
  /* the product's middle bits: its low bits depend on the code's low bits only */
  return G_GUINT64_CONSTANT (1) << ((h >> 20) & 63) | G_GUINT64_CONSTANT (1) << ((h >> 26) & 63)
         | G_GUINT64_CONSTANT (1) << ((h >> 32) & 63);
}

static inline guint32
evl_pair_filter_word (guint64 h, guint32 mask)
{
  return (guint32) (h >> 44) & mask;   /* bits the word's bits do not use */
}

/* The weight of the key (@kind, @a, @b); 0 when either word is in no key. */
static inline int
evl_pair_index_get (const EvlPairIndex *x, char kind, guint a, guint b)
{
  if (a == 0 || b == 0)
    return 0;
  guint32 code = evl_pair_code (kind, a, b);
  guint64 h = evl_pair_filter_hash (code), bits = evl_pair_filter_bits (h);
  if ((x->filter[evl_pair_filter_word (h, x->filter_mask)] & bits) != bits)
    return 0;
  for (guint32 i = evl_pair_slot_of (code, x->mask);; i = (i + 1) & x->mask)
    {
      EvlPairSlot sl = x->slots[i];
      if (sl.key == code)
        return sl.weight;
      if (sl.key == 0)
        return 0;
    }
}

/* Numbers the keys of @pairs (NULL: none) into @x (x->ok FALSE when
 * some key is not "K A B" with K one of s, l, n, or the numbers run
 * out). */
void evl_pair_index_build (EvlPairIndex *x, const EvlLexicon *pairs);
void evl_pair_index_clear (EvlPairIndex *x);

/* Appends the image of @x, built from the lexicon @pairs parsed from a
 * text of @text_len bytes, to @image (empty). */
void evl_pair_index_write (GByteArray *image, const EvlPairIndex *x, const EvlLexicon *pairs,
                           gsize text_len);
/* Maps the image @image (@len bytes, 8-byte aligned, must outlive @x)
 * into @x when it was written for a lexicon of @n_entries entries parsed
 * from @text_len bytes by this build's layout; FALSE (and @x untouched)
 * otherwise: the caller then builds the index. */
gboolean evl_pair_index_map (EvlPairIndex *x, const guint8 *image, gsize len, guint n_entries,
                             gsize text_len);

/* ---- en/event-forms and en/event-lemmas records ---- */

/* An en/event-forms entry's model inputs, and an en/event-lemmas
 * entry's, parsed once (a memo miss is a lookup and an index, and class
 * vectors are added as integers).  Measured on 400 small documents:
 * parsing attributes and class vectors from their text was 20 M
 * instructions.  A vector is 1 + its index in EvlEventRecords.vectors,
 * 0 for "-" or absent. */
typedef gint32 EvlClassVector[EVL_EVENT_CLASS_N];

typedef struct {
  gint32 self, prev, next, prev2, next2, klass;
  guint32 classes, cue_prev, cue_next;
} EvlFormRecord;

typedef struct {
  gint32 weight, klass;
  guint32 classes;
} EvlLemmaRecord;

/* Records by entry number (evl_lexicon_get() order).  Built
 * (evl_event_records_build()) or mapped (evl_event_records_map(): the
 * arrays point into the image and are never written). */
typedef struct {
  gboolean mapped;
  EvlFormRecord *forms;
  guint n_forms;
  EvlLemmaRecord *lemmas;
  guint n_lemmas;
  EvlClassVector *vectors;   /* vectors[v - 1] for a vector v */
  guint n_vectors;
} EvlEventRecords;

/* Adds the comma-separated milli vector @s (EVL_EVENT_CLASS_N numbers in
 * class order, scripts/derive-event-lexicon) to @v; NULL or "-" adds
 * nothing. */
void evl_event_add_vector (int *v, const char *s);

/* The records of @forms and @lemmas (either may be NULL). */
void evl_event_records_build (EvlEventRecords *r, const EvlLexicon *forms,
                              const EvlLexicon *lemmas);
void evl_event_records_clear (EvlEventRecords *r);
/* Appends the image of @r, built from @forms and @lemmas parsed from
 * texts of @forms_len and @lemmas_len bytes, to @image (empty). */
void evl_event_records_write (GByteArray *image, const EvlEventRecords *r, gsize forms_len,
                              gsize lemmas_len);
/* Maps @image (@len bytes, 8-byte aligned, must outlive @r) into @r when
 * it was written for lexicons of these sizes (entries, text bytes) by
 * this build's layout; FALSE (and @r untouched) otherwise. */
gboolean evl_event_records_map (EvlEventRecords *r, const guint8 *image, gsize len,
                                guint n_forms, gsize forms_len, guint n_lemmas,
                                gsize lemmas_len);
