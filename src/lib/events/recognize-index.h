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
  /* the largest prev, prev2, next and next2 of the form records, and 0
   * (an unseen word's): what a word adds at most as a neighbour */
  gint32 most_prev, most_prev2, most_next, most_next2;
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

/* ---- a word form's model inputs (the recognizer's memo slot) ---- */

/* An en/event-forms or en/event-lemmas pos, as tense_aspect() tells
 * them apart: kept in the memo slot so that a trigger reads neither its
 * lexicon entry nor the pos string (measured with callgrind's cache
 * model: the entry's attributes were 62 K of the recognizer's last-level
 * misses on 1,200 wire stories). */
typedef enum { POS_OTHER, POS_NOUN, POS_ADJECTIVE, POS_VERB } Pos;

/* The auxiliary role of a word (closed class; TimeML tense and aspect
 * come from them). */
typedef enum {
  AUX_NONE,
  AUX_BE_PRES, AUX_BE_PAST, AUX_BE_BASE, AUX_BEEN, AUX_BEING,
  AUX_HAVE_PRES, AUX_HAVE_PAST, AUX_HAVING,
  AUX_DO_PRES, AUX_DO_PAST,
  AUX_WILL, AUX_MODAL, AUX_TO,
} Aux;

/* strcmp (@s, @lit) == 0 for a short literal @lit, inline: the compares
 * of a pos or an irregular lemma with a few literals per memo miss were
 * 17 K strcmp() calls (0.4 M instructions on 400 small documents). */
static inline gboolean
evl_str_is (const char *s, const char *lit)
{
  for (; *lit; s++, lit++)
    if (*s != *lit)
      return FALSE;
  return *s == '\0';
}

static inline guint8
evl_pos_of (const char *pos)
{
  return pos == NULL ? POS_OTHER
         : evl_str_is (pos, "NOUN") ? POS_NOUN
         : evl_str_is (pos, "ADJECTIVE") ? POS_ADJECTIVE
         : evl_str_is (pos, "VERB") ? POS_VERB : POS_OTHER;
}

/* g_ascii_tolower() and g_ascii_strncasecmp() (for @s without NUL in
 * its @n bytes) without a library call: they run per memo miss, a
 * tolower per lemma byte and a compare per auxiliary and adverb
 * candidate (measured: 2.2 M instructions on 400 small documents), and
 * per trigger for its tense (2.2 M more). */
static inline char
evl_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
}

static inline gboolean
evl_ascii_caseeq (const char *w, const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (evl_ascii_lower (w[i]) != evl_ascii_lower (s[i]))
      return FALSE;
  return TRUE;
}

/* The en/event-suffixes weight of a 2- to 4-byte word ending, as the
 * lexicon gives it for those bytes: unseen words share a few hundred
 * endings, so a small direct-mapped per-thread cache turns most of
 * their three lookups (fold, hash, probe, parse) into one compare
 * (measured: 20K lookups, 3.5 M instructions on 400 small documents).
 * 16 K entries (384 kB per thread with the suffix numbers): 4 K left
 * 1.1 K of the 6.2 K suffix lookups to conflicts (0.26 M instructions on
 * 400 small documents). */
#define EVL_SUFFIX_BITS 14

typedef struct {
  guint64 key;               /* length << 32 | the bytes; 0: empty */
  int weight;
} EvlSuffixSlot;

/* The pair-key number of a word's last (up to) three bytes, in the same
 * kind of cache: a few hundred endings again, so most memo misses find
 * it with one compare instead of a hash and a probe of the pair index
 * (measured: 1.0 M instructions fewer on 400 small documents). */
typedef struct {
  guint32 key;               /* length << 24 | the bytes; 0: empty */
  guint32 id;
} EvlSuffixIdSlot;

#define EVL_WORD_KEY 22   /* PAIR_MAX in scripts/derive-event-lexicon */
#define EVL_WORD_LEMMA_KEY (EVL_WORD_KEY + 8)
#define EVL_WORD_LEMMA_ROOM 32   /* EVL_WORD_LEMMA_KEY rounded up to 64-bit words (has_space()) */
#define EVL_WORD_KEY_ROOM 24   /* EVL_WORD_KEY rounded up to 64-bit words */
#define EVL_PAIR_MAX_UNKNOWN G_MAXINT16

/* A word form's model inputs: the recognizer's memo slot (recognize.c),
 * a pure function of the folded form and the lexicons. */
typedef struct {
  /* first cache line: what every token reads (the memo probe, the score
   * and the pair keys); the slot is 64-byte aligned (thread_memo()), so a
   * hit in a set's first way touches one line, not the two or three of a
   * layout by type at an unaligned address */
  guint8 len;                /* key length; 0 = empty slot */
  guint8 aux;                /* Aux role ('has' AUX_HAVE_PRES), AUX_NONE */
  guint8 adverb;             /* may sit inside a verb group ('not') */
  guint8 lemma_len;          /* 0: lemma unknown or too long */
  guint8 spaced;             /* key or lemma holds white space: pair keys by string */
  guint8 victim;             /* in a set's first slot: the way not used last (info_fill()) */
  guint16 key_id, lemma_id, suffix_id;  /* pair-key word numbers (EvlPairIndex), 0: none */
  guint8 seen;               /* an en/event-forms entry */
  guint8 pos;                /* its pos (Pos), POS_OTHER */
  gint16 pair_max;           /* the most its pair weights can add as a candidate whose
                                neighbours have no white space, EVL_PAIR_MAX_UNKNOWN */
  int self;                  /* own milli-weight (0 for punctuation, numbers) */
  int prev, next, prev2, next2;  /* milli-weights as context of a neighbour */
  int klass;                 /* milli log P(its class is right) */
  char key[EVL_WORD_KEY_ROOM];   /* the folded form, zero-padded (memo_key_at()) */
  /* second line: read for candidates only */
  const char *form_lemma;    /* the en/event-forms entry's lemma, NULL: unseen or none */
  const int *classes;        /* class log-score vector (form's, else lemma's), NULL */
  const int *cue_prev;       /* class cue vector as the previous word of a trigger, NULL */
  const int *cue_next;       /* ... as the next word */
  char lemma[EVL_WORD_LEMMA_ROOM];   /* its lemma (event-forms, else lemmatised) */
} EvlWordSlot;

G_STATIC_ASSERT (G_STRUCT_OFFSET (EvlWordSlot, form_lemma) == 64 && sizeof (EvlWordSlot) == 128);

typedef struct _EvlKnownWords EvlKnownWords;

/* What a slot is computed from (evl_word_slot_fill()). */
typedef struct {
  const EvlLexicon *forms, *lemmas, *suffixes, *irregular;
  const EvlEventRecords *records;   /* of forms and lemmas */
  const EvlPairIndex *pairs;
  int unseen_class;          /* milli log P(class right) of an unseen lemma */
  const EvlKnownWords *known;   /* the lexicons' known words (lemma records), NULL: none */
  EvlSuffixSlot *suffix_cache;   /* 1 << EVL_SUFFIX_BITS, zeroed at first */
  EvlSuffixIdSlot *suffix_ids;   /* the same */
} EvlWordSources;

/* Fills @out (all but len, victim and key) for the word @w (@n bytes;
 * @room: a memo key, EVL_WORD_KEY_ROOM bytes readable and zero past
 * @n; @unknown: s->known does not hold it); *@form_out (unless NULL) gets its en/event-forms entry, NULL:
 * unseen. */
void evl_word_slot_fill (const EvlWordSources *s, const char *w, gsize n, gboolean room,
                         gboolean unknown, EvlWordSlot *out, const EvlLexEntry **form_out);

/* ---- known word forms, filled at build time ---- */

/* A memo miss of a word the lexicons know costs one probe of this table
 * and a copy instead of evl_word_slot_fill()'s lookups, lemmatising and
 * numbering (measured: ~1,000 instructions a miss).  Its words are the
 * keys of en/event-forms, en/event-lemmas and en/irregular-verbs, folded
 * as memo keys; a word is a pure function of its key and the lexicons, so
 * the table is written for the compiled-in lexicons and used only with
 * them (evl_known_words_map()). */
typedef struct {
  char hot[64];              /* the slot's first line (EvlWordSlot up to form_lemma) */
  guint32 form_lemma;        /* the slot's form_lemma: its offset in strings + 1, 0: NULL */
  guint32 classes, cue_prev, cue_next;   /* vector numbers (EvlEventRecords), 0: NULL */
  guint32 lemma;             /* en/event-lemmas record of the key as a lemma + 1, 0: none */
  guint8 stem_known;         /* evl_events_lemma_is_known() of the key */
  guint8 lemma_pos;          /* the pos (Pos) of the key's en/event-lemmas entry, POS_OTHER */
  guint16 pad;
  char lemma_bytes[EVL_WORD_LEMMA_ROOM];   /* the slot's lemma */
} EvlKnownWord;

typedef struct {
  guint32 tag;               /* evl_known_hash() of the key, low half */
  guint32 word;              /* 1 + its index in words, 0: empty */
} EvlKnownSlot;

/* An en/event-suffixes weight by the code of its ending (length << 32 |
 * the bytes, as unseen_weight() makes it); code 0: empty. */
typedef struct {
  guint64 code;
  gint32 weight;
  guint32 pad;
} EvlKnownSuffix;

struct _EvlKnownWords {
  gboolean mapped;
  /* every key of en/event-suffixes folds to itself and is here: an
   * ending that folds to itself and is not has weight 0, without a
   * lookup */
  gboolean suffixes_complete;
  /* every key of en/event-forms and en/irregular-verbs of at most
   * EVL_WORD_KEY bytes folds to itself and is a word here: a memo key or
   * a stem that folds to itself and is not is in neither lexicon */
  gboolean keys_complete;
  EvlKnownSuffix *suffixes;
  guint32 suffix_mask;
  /* every key of en/event-lemmas of at most EVL_WORD_KEY bytes is a word
   * here: an unseen word's lemma that is not is in no entry, without a
   * lookup (its folded form is its bytes: evl_word_slot_fill()) */
  gboolean lemmas_complete;
  EvlKnownSlot *slots;
  guint32 mask;
  EvlKnownWord *words;
  guint n_words;
  char *strings;             /* the form lemmas, NUL-terminated */
  guint32 n_strings;
};


/* The sizes of the lexicons a known word depends on (entries, text
 * bytes), in this order: en/event-forms, en/event-lemmas,
 * en/event-suffixes, en/irregular-verbs, en/event-pairs, en/event-model. */
#define EVL_KNOWN_LEXICONS 6
typedef struct {
  guint64 n_entries[EVL_KNOWN_LEXICONS];
  guint64 text_len[EVL_KNOWN_LEXICONS];
} EvlKnownFingerprint;

/* The hash of a memo key: its three zero-padded 64-bit words and length. */
static inline guint64
evl_known_hash (const guint64 *u, gsize n)
{
  guint64 v = (u[0] ^ n) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  v ^= (u[1] * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)) ^ (u[2] * G_GUINT64_CONSTANT (0x165667B19E3779F9));
  return v ^ (v >> 29);
}

/* The known word of the memo key @u (@n bytes), NULL: none. */
static inline const EvlKnownWord *
evl_known_words_find (const EvlKnownWords *k, const guint64 *u, gsize n)
{
  guint64 h = evl_known_hash (u, n);
  guint32 tag = (guint32) h;
  for (guint32 i = (guint32) (h >> 40) & k->mask;; i = (i + 1) & k->mask)
    {
      EvlKnownSlot sl = k->slots[i];
      if (sl.word == 0)
        return NULL;
      if (sl.tag == tag)
        {
          const EvlKnownWord *w = &k->words[sl.word - 1];
          const char *key = w->hot + G_STRUCT_OFFSET (EvlWordSlot, key);
          if ((guchar) w->hot[G_STRUCT_OFFSET (EvlWordSlot, len)] == n
              && evl_load64 (key) == u[0] && evl_load64 (key + 8) == u[1]
              && evl_load64 (key + 16) == u[2])
            return w;
        }
    }
}

static inline guint32
evl_known_suffix_slot (guint64 code, guint32 mask)
{
  return (guint32) ((code * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 40) & mask;
}

/* The en/event-suffixes weight of the ending @code, 0: none (with
 * suffixes_complete). */
static inline int
evl_known_suffix_weight (const EvlKnownWords *k, guint64 code)
{
  for (guint32 i = evl_known_suffix_slot (code, k->suffix_mask);; i = (i + 1) & k->suffix_mask)
    {
      if (k->suffixes[i].code == code)
        return k->suffixes[i].weight;
      if (k->suffixes[i].code == 0)
        return 0;
    }
}

/* The known words of the lexicons of @s (its caches are used;
 * s->known is not).  @lemmas_unvaried, @suffixes_unvaried: no line of
 * en/event-lemmas, en/event-suffixes has variants ("key|variant"), whose
 * keys the entries do not show; @forms_unvaried the same for
 * en/event-forms.  @irregular_variants: every variant key of
 * en/irregular-verbs as its line writes it (trimmed), NULL: unknown. */
void evl_known_words_build (EvlKnownWords *k, const EvlWordSources *s, gboolean lemmas_unvaried,
                            gboolean suffixes_unvaried, gboolean forms_unvaried,
                            const GPtrArray *irregular_variants);

/* The keys of each line of the lexicon text @text (@len bytes), its
 * canonical form and variants, as evl_lexicon_parse() splits and trims
 * them (not folded). */
GPtrArray *evl_known_text_keys (const char *text, gsize len);

/* Loads the @n (at most EVL_WORD_KEY) bytes at @s, EVL_WORD_KEY_ROOM
 * readable, as a memo key's zero-padded words. */
static inline void
evl_known_key_load (guint64 *u, const char *s, gsize n)
{
  for (gsize i = 0; i < EVL_WORD_KEY_ROOM / 8; i++)
    u[i] = i * 8 >= n ? 0
           : n - i * 8 >= 8 ? evl_load64 (s + i * 8)
           : evl_load64 (s + i * 8) & ((G_GUINT64_CONSTANT (1) << (8 * (n - i * 8))) - 1);
}

/* Does every one of the @n bytes of the key words @u fold to itself
 * (printable ASCII, neither a space nor upper case), eight at a time? */
static inline gboolean
evl_known_key_folds_to_itself (const guint64 *u, gsize n)
{
  guint64 bad = 0;
  for (gsize i = 0; i < n; i += 8)
    {
      guint64 x = u[i / 8], low7 = x & ~EVL_SWAR_HIGHS;
      guint64 valid = n - i >= 8 ? EVL_SWAR_HIGHS
                      : EVL_SWAR_HIGHS & ((G_GUINT64_CONSTANT (1) << (8 * (n - i))) - 1);
      guint64 ge_bang = low7 + EVL_SWAR_ONES * (0x80 - 0x21);   /* high bit: byte >= '!' */
      guint64 ge_del = low7 + EVL_SWAR_ONES * (0x80 - 0x7F);
      guint64 ge_a = low7 + EVL_SWAR_ONES * (0x80 - 'A');
      guint64 gt_z = low7 + EVL_SWAR_ONES * (0x7F - 'Z');
      bad |= (x | ~ge_bang | ge_del | (ge_a & ~gt_z)) & valid;
    }
  return bad == 0;
}

/* lemma.c: evl_events_lemma_irr() asking @known (NULL: none) whether a
 * stem is a known word form (@key: @word is a memo key, already folded
 * and with EVL_WORD_KEY_ROOM bytes readable, @cap above them); and that
 * question by lookups. */
gsize evl_events_lemma_known (const EvlLexicon *forms, const EvlLexicon *irregular,
                              const EvlKnownWords *known, const EvlLexEntry *irr_entry,
                              gboolean irr_known, const char *word, gsize len, gboolean key,
                              char *buf, gsize cap);
gboolean evl_events_lemma_is_known (const EvlLexicon *forms, const EvlLexicon *irregular,
                                    const char *s, gsize n);
void evl_known_words_clear (EvlKnownWords *k);
void evl_known_words_write (GByteArray *image, const EvlKnownWords *k,
                            const EvlKnownFingerprint *f);
/* Maps @image (@len bytes, 8-byte aligned, must outlive @k) into @k when
 * it was written for lexicons of fingerprint @f by this build's layout;
 * FALSE (and @k untouched) otherwise. */
gboolean evl_known_words_map (EvlKnownWords *k, const guint8 *image, gsize len,
                              const EvlKnownFingerprint *f);
