/* Internal types shared by the timex scanner, grammar and normaliser. */
#pragma once

#include "timex-private.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

enum {
  LEX_MONTHS, LEX_WEEKDAYS, LEX_NUMBERS, LEX_ORDINALS, LEX_UNITS, LEX_SEASONS,
  LEX_PODS, LEX_HOLIDAYS, LEX_MODS, LEX_CUES, LEX_DEICTICS, LEX_TENSE, LEX_ZONES,
  LEX_CONTEXT,
  LEX_N
};

/* What a word unit can start: each pattern of timex-grammar.c lists the
 * classes its first unit may have (read off its first tests: a unit of
 * none of them makes it return -1), so tx_match() skips the patterns a
 * unit cannot start. */
enum {
  S_NUM = 1 << 0,               /* a number unit */
  S_CAND = 1 << 1,              /* a candidate word (the 'any' filter) */
  S_MONTH = 1 << 2,
  S_WDAY = 1 << 3,
  S_NUMBER = 1 << 4,            /* a number word */
  S_ORD = 1 << 5,
  S_UNIT = 1 << 6,
  S_SEASON = 1 << 7,
  S_POD = 1 << 8,
  S_CUE = 1 << 9,
  S_THE = 1 << 10,
  S_A = 1 << 11,                /* 'a', 'an' */
  S_THAT = 1 << 12,
  S_LIT = 1 << 13,              /* another start word of tx_lex_init() */
  S_SHIFT = 1 << 14,            /* a cue whose first attribute is "shift" */
  S_MODS = 1 << 15,             /* a candidate that may start a form of */
  S_DEI = 1 << 16,              /*   timex-modifiers, timex-deictics, */
  S_HOL = 1 << 17,              /*   holidays (their prefix filters) */
  /* number units, by what the number parsers of timex-grammar.c accept */
  S_CARD = 1 << 18,             /* number_at(): no suffix, no ', no : or / */
  S_NUMORD = 1 << 19,           /* ordinal_at(): 1st, 22nd, 3rd, 4th */
  S_YEAR = 1 << 20,             /* year_like(): 1000-2099, four digits */
  S_YEARISH = 1 << 21,          /* p_year(): a year, 1990s, '98, '80s */
  S_DAY = 1 << 22,              /* day_number(): 1-31, 1st-31st */
  S_CLOCK = 1 << 23,            /* p_time(): 10:35 */
  S_HOUR = 1 << 24,             /* p_time(): 0-12, 6am */
  S_SLASH = 1 << 25,            /* p_numeric_date(): 9/14/2023 */
  /* any word unit, candidate or not, by its text (literal_bits()): a
   * word that every match of a pattern ends on (PatternEntry.needs) */
  S_QUARTER = 1 << 26,          /* p_quarter(): quarter(s), half */
  S_CENTURY = 1 << 27,          /* p_century(): century */
  S_PERIOD = 1 << 28,           /* p_period_code(): Q3, H1, FY2023, FY23 */
};

/* The classes a pattern may need further on (timex-grammar.c's
 * PatternEntry.needs): tx_units() notes the last unit of each in a
 * span, so that the grammar need not look for them. */
#define TX_NEED_CLASSES (S_MONTH | S_WDAY | S_UNIT | S_SEASON | S_POD | S_QUARTER | S_CENTURY)

/* The kinds of numbers.txt (its second attribute); NK_NONE for a unit
 * that is no number word, NK_OTHER for a kind the grammar never tests. */
enum { NK_NONE, NK_UNIT, NK_TEEN, NK_TENS, NK_SCALE, NK_DOZEN, NK_VAGUE, NK_COUPLE, NK_OTHER };

/* The lexicons that timex-grammar.c's lookup_multi() reads, in
 * TxWordInfo.alone. */
enum { TX_ALONE_MODS, TX_ALONE_DEICTICS, TX_ALONE_HOLIDAYS, TX_ALONE_N };

/* What classify() derives from a word's text alone. */
typedef struct {
  const EvlLexEntry *month, *wday, *number, *ordinal, *unit, *season, *pod, *cue, *tense;
  /* the word as a whole form of a multi-word lexicon, by TX_ALONE_*:
   * lookup_multi()'s first step */
  const EvlLexEntry *alone[TX_ALONE_N];
  guint32 sc;                   /* S_* classes */
  guint8 nkind;                 /* a number word's kind (NK_*) */
  guint8 lexical;               /* a temporal word by itself, not only a
                                 * determiner ('the', 'a') or a first word */
  double nval;                  /* a number word's value (its first
                                 * attribute read by g_ascii_strtod()) */
} TxWordInfo;

/* The classes of a unit that is no candidate word: all zero. */
extern const TxWordInfo tx_no_word;

/* The index of the lowest set bit of @x (not 0). */
static inline gsize
tx_lowest_bit (guint64 x)
{
#if defined(__GNUC__)
  return (gsize) __builtin_ctzll (x);
#else
  gsize n = 0;
  while (!(x & 1))
    x >>= 1, n++;
  return n;
#endif
}

/* atoi (@s), inlined: the grammar reads small numbers from lexicon
 * attributes and units (a weekday, a cue's direction, a clock), and the
 * libc call through strtol() was ~100 instructions each.  Same result
 * as atoi() = (int) strtol (@s, NULL, 10) for every input, overflow
 * included (strtol() saturates at LONG_MAX / LONG_MIN). */
static inline int
tx_atoi (const char *s)
{
  while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
    s++;
  gboolean neg = *s == '-';
  if (*s == '+' || *s == '-')
    s++;
  unsigned long v = 0;
  const unsigned long lim = neg ? (unsigned long) LONG_MAX + 1 : (unsigned long) LONG_MAX;
  for (; *s >= '0' && *s <= '9'; s++)
    {
      unsigned long d = (unsigned long) (*s - '0');
      if (v > (lim - d) / 10)
        {
          v = lim;
          break;
        }
      v = v * 10 + d;
    }
  long r = neg ? (v == (unsigned long) LONG_MAX + 1 ? LONG_MIN : -(long) v) : (long) v;
  return (int) r;
}

/* A word of the exact table (tx_lex_init()). */
typedef struct {
  char key[28];
  guint8 len;
  TxWordInfo info;
} TxWordRec;

typedef struct {
  const EvlLexicon *lex[LEX_N];
  guint64 form[LEX_N][64];      /* 4096-bit filters: every form, */
  guint64 prefix[LEX_N][64];    /* every word-boundary prefix of a form, */
  guint64 any[64];              /* first words of all forms (candidates) */
  guint64 start_word[64];       /* the words a pattern compares with the unit
                                 * an expression starts at ('the', 'fiscal') */
  /* classify()'s result for every candidate word a lexicon or the start
   * lists spell, keyed by text: one probe instead of nine filters and
   * lexicon lookups.  Open addressing; @slot_h the key's tx_hash(),
   * @slot_rec its record + 1 (0 = empty). */
  guint64 *slot_h;
  guint32 *slot_rec;
  guint32 mask;
  TxWordRec *recs;
  guint n_recs;
  guint64 serial;               /* tells word caches of two TxLex apart */
} TxLex;

enum { U_WORD = 1, U_NUM = 2, U_PUNCT = 3 };

typedef struct {
  guint32 start, end;           /* bytes in the document text */
  guint8 kind;
  guint8 space;                 /* white space before */
  guint8 nl;                    /* line break before (or sentence start) */
  guint8 cap;                   /* starts with an upper-case letter */
  guint8 cand;                  /* passed the bloom filter */
  guint8 start_word;            /* passed the start_word filter (any word) */
  guint8 has_val;               /* @val is set */
  guint8 apos;                  /* NUM written '80s / '98 */
  guint8 ndig;                  /* digits of a plain number */
  guint8 len;
  guint8 fp;                    /* @wi is @own (a candidate word the word
                                 * table lacks: its classes by
                                 * word_info()) */
  guint8 hot;                   /* @cand or a number (one test a unit
                                 * instead of two; in what was padding
                                 * before @sc) */
  guint8 stop;                  /* @hot, and a pattern may start here:
                                 * where scan_span() stops (tx_unit_stop()) */
  guint8 rare;                  /* @fp, or a class of TX_NEED_CLASSES: one
                                 * test a plain word for both */
  guint32 sc;                   /* S_* classes: a candidate's wi->sc, a
                                 * number's, another word's start classes */
  char low[28];                 /* ASCII-lower-cased text, ’ as ' */
  guint64 h;                    /* tx_hash() of @low */
  /* What classify() derives from the word's text: a record of the word
   * table, tx_no_word (no candidate word) or @own.  A pointer, not a
   * copy: the unit of an ordinary word no longer clears 80 bytes, nor
   * does a candidate's copy them. */
  const TxWordInfo *wi;
  gint32 num;                   /* value of a plain digit run, else -1 */
  char suffix[4];               /* s st nd rd th am pm after digits */
  double val;                   /* timex-grammar.c: value of a number, parsed
                                 * once (unit_value()) */
  TxWordInfo own;               /* when @fp */
} TxUnit;

/* Whether scan_span() tries the grammar at @u (@u->stop): a number, a
 * temporal word, or a word that may start a pattern with the next unit
 * (a start word, or the first word of a multi-word form).  A candidate
 * that is none of these ('said', 'and': tense cues, context words of a
 * lexicon) would be passed over by its quick reject (~10 k units on the
 * 400 small documents). */
static inline guint8
tx_unit_stop (const TxUnit *u)
{
  return u->hot && (u->kind != U_WORD || u->wi->lexical || u->start_word || (u->sc & ~(guint32) S_CAND));
}

/* The bytes of a TxUnit that a plain word's text alone decides but its
 * @num (-1) and @suffix (none), from @kind up to @num: kind, cand,
 * start_word, has_val, apos, ndig, len, fp, sc, low, h, wi (@space, @nl
 * and @cap among them are set for each occurrence).  64 bytes: a cache
 * entry is one cache line. */
#define TX_IMG_START offsetof (TxUnit, kind)
#define TX_IMG_LEN (offsetof (TxUnit, num) - offsetof (TxUnit, kind))
/* where u->low sits in the image */
#define TX_IMG_LOW (offsetof (TxUnit, low) - offsetof (TxUnit, kind))

/* A word cache entry: a plain word's unit image (its folded text in
 * low[], zero-padded; all zero: empty), so that a repeated word costs
 * one probe and one copy instead of the field-by-field fill, and what
 * classify() makes of it. */
typedef struct {
  _Alignas (64) guint8 img[64]; /* TX_IMG_LEN bytes of a TxUnit; its
                                 * @wi, when @fp, TxWordCache.fp's or
                                 * NULL: word_info() each time */
} TxCacheEntry;
G_STATIC_ASSERT (TX_IMG_LEN == sizeof ((TxCacheEntry *) NULL)->img);
G_STATIC_ASSERT (TX_IMG_LOW + 24 <= TX_IMG_LEN);

/* 16 K entries of 64 bytes (1 MB a thread, its pages mapped as they
 * are first written): the 400 small documents hold ~11.7 K distinct
 * words, and a miss costs ~125 instructions: 14.9 k misses on them,
 * 18.3 k at 8 K entries (~0.45 M instructions more; 4 K entries were
 * ~0.6 M more again, and 2.6-2.9 s user against 3.0-3.1 s on 20 MB,
 * tag -j 1, three runs each, busy VM). */
#define TX_CACHE_BITS 14

/* A thread's cache of classify() results for plain words (ASCII letters
 * and digits), direct-mapped by the folded text: a repeated word ('the',
 * 'said', 'of') costs one probe instead of tx_hash() over its bytes and
 * the filters.  A pure function of the word and @serial's TxLex. */
/* The classes of a candidate word the word table lacks (a filter false
 * positive), kept for the cache entry that points to it (@owner: its
 * index + 1): word_info() runs once per entry instead of once per unit
 * (2.4 k times on the 400 small documents). */
#define TX_CACHE_FP_BITS 8
typedef struct {
  guint32 owner;
  TxWordInfo info;
} TxCacheInfo;

/* The classes of a filter false positive that no lexicon has (all its
 * entries NULL): nothing but its S_* classes and @lexical, so one
 * record per such pair serves every word that has it.  Never
 * overwritten: a cache entry (and a unit) may point there for good. */
#define TX_CACHE_PLAIN_FP 32

/* timex-normalize.c's starts_phrase() of a pair of units, by their
 * words' tx_hash() values (@state 0: empty, 1: no, 2: yes): 5.5 k
 * pairs make its 14.7 k calls on the 400 small documents ('in the',
 * 'the government'), each a hash over the second word and three
 * filters. */
#define TX_PAIR_BITS 12
typedef struct {
  guint64 a, b;
  guint32 state;
} TxPairMemo;

/* 64-byte entries on cache lines: made by tx_word_cache_new() */
typedef struct {
  TxPairMemo pair[1 << TX_PAIR_BITS];
  TxCacheEntry e[1 << TX_CACHE_BITS];
  TxCacheInfo fp[1 << TX_CACHE_FP_BITS];
  TxWordInfo plain_fp[TX_CACHE_PLAIN_FP];
  guint n_plain_fp;
  /* tx_units(): the span's first unit, the classes of TX_NEED_CLASSES
   * in it so far, and by class bit the last unit of each */
  const TxUnit *need_first;
  guint32 need_mask;
  gint32 need_last[32];
  guint64 serial;
  gpointer mem;                 /* the block it lies in */
} TxWordCache;

/* Whether @u is the word @w (a literal): its length, then an inlined
 * memcmp() of a known length; same as strcmp (u->low, w) == 0. */
G_ALWAYS_INLINE static inline gboolean
tx_unit_is (const TxUnit *u, const char *w)
{
  gsize n = strlen (w);
  return u->len == n && memcmp (u->low, w, n) == 0;
}

/* A clock time written with a dot, British style ('9.30am', '14.30'):
 * one or two digits, a dot, two digits, then nothing or am/pm.  A
 * decimal number looks the same, so p_time() takes it only with an
 * am/pm or a time zone; number_bits() gives it S_CLOCK. */
static inline gboolean
tx_dot_clock (const TxUnit *u, int *hh, int *mm)
{
  const char *t = u->low + u->ndig;
  if (u->kind != U_NUM || u->apos || u->ndig < 1 || u->ndig > 2 || t[0] != '.'
      || !g_ascii_isdigit (t[1]) || !g_ascii_isdigit (t[2]) || (t[3] && strcmp (t + 3, u->suffix) != 0))
    return FALSE;
  int h = (u->low[0] - '0') * (u->ndig == 2 ? 10 : 1) + (u->ndig == 2 ? u->low[1] - '0' : 0);
  int m = (t[1] - '0') * 10 + (t[2] - '0');
  if (h > 23 || m > 59)
    return FALSE;
  *hh = h;
  *mm = m;
  return TRUE;
}

/* What a pattern recognised, before it becomes an EvlTimex. */
typedef struct {
  int start, end;               /* unit range [start, end) */
  EvlTimexType type;
  gboolean has_pt;
  EvlTimexPoint pt;             /* DATE/TIME value as a calendar point */
  gboolean range;               /* @pt2 is set */
  const char *mod, *quant, *freq;
  gboolean needs_dct;           /* resolved against the creation time */
  gboolean needs_ref;           /* resolved against the last mentioned date */
  gboolean absolute;            /* fully specified: a new narrative reference */
  gboolean derived;             /* computed from a duration: never a reference */
  gboolean bounds_only;         /* a duration whose @pt is the date it leads
                                 * to ('three days later'): bounds, not value */
  /* from here on, not cleared by init_match(), which copies a blank
   * match up to @pt2 (~0.15 M instructions on the 400 small documents
   * for the 52 bytes of @pt2) */
  EvlTimexPoint pt2;            /* end of a range ('1950-53'): set with
                                 * @range, read only when it is */
  /* last: init_match() sets its first byte only (it is only ever read
   * as a string) */
  char value[48];               /* value when not a point */
} TxMatch;

/* timex-grammar.c: the last number_at() in a paragraph, a pure function
 * of the paragraph's units (several patterns read the number at the
 * same unit); @at -1: none. */
typedef struct {
  int at, end;
  double val;
  gboolean vague;
} TxNumberMemo;

typedef struct {
  const TxLex *lx;
  TxWordCache *cache;           /* the thread's (evl_timex_annotate()) */
  TxNumberMemo *number;         /* written through a const TxScan too */
  const char *text;
  gsize text_len;
  /* evl_timex_annotate(): the units of every span kept one after the
   * other (@keep), or taken from the thread's kept ones (@reuse);
   * @span: the spans scanned so far */
  gboolean keep, reuse;
  guint span;
  TxUnit *u;
  int n;
  EvlDay dct;                   /* 0 when the document has none */
  int dct_minute;               /* its time of day in minutes, -1 if not given */
  EvlTimexPoint ref;            /* last mentioned date (narrative reference) */
  gint32 ref_index;             /* its timex index, -1 = the DCT */
  guint32 ref_sentence;
  gboolean ref_from_text;       /* the reference was written out in full */
  EvlTimexPoint quarter;        /* last mentioned quarter */
  gboolean have_quarter;
  gboolean quarter_fiscal;      /* named as a fiscal one ('the fiscal first quarter') */
  guint32 quarter_sentence;
  guint32 sentence;             /* sentence of the unit being matched */
  const EvlSentence *sents;
  guint n_sents;
  /* timex-grammar.c: the last lookup_multi() per lexicon in the
   * paragraph of @u (its patterns look the same unit up more than
   * once); @at is set to -1 for each new paragraph */
  struct {
    int at;                     /* unit, -1 none */
    int n;
    const EvlLexEntry *e;
  } memo[LEX_N];
  /* timex-grammar.c: of the paragraph of @u, told apart by @u, @n and
   * its first unit's start (TxScan is new for each document), the
   * classes of TX_NEED_CLASSES it has (@mask) and the last unit of each
   * (@last, by class bit) */
  struct {
    const TxUnit *u;
    int n;
    guint32 start;
    guint32 mask;
    gint32 last[32];
  } need;
} TxScan;

void tx_lex_init (TxLex *lx, const EvlContext *ctx);
void tx_lex_clear (TxLex *lx);
guint64 tx_hash (const char *s, gsize n);
#define TX_HASH_SEED 1469598103934665603ULL
/* tx_hash() of @s + @c, given @h = tx_hash() of @s */
static inline guint64
tx_hash_step (guint64 h, guchar c)
{
  return (h ^ c) * 1099511628211ULL;
}
/* Whether the 4096-bit filter @bits may hold the key of tx_hash() @h.
 * Inline: starts_phrase() and lookup_multi_at() in the other sources
 * ask it ~60 k times on the 400 small documents. */
static inline gboolean
tx_bloom_has (const guint64 *bits, guint64 h)
{
  return (bits[(h & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << (h & 63)))
         && (bits[((h >> 12) & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << ((h >> 12) & 63)));
}
/* A units array that only grows: @n units in @u, room for @cap
 * (uninitialised past @n).  Its own instead of a GArray: two
 * g_array_set_size() calls per paragraph were ~0.45 M instructions on
 * the 400 small documents. */
typedef struct {
  guint32 start, end;           /* the span's bytes in the text */
  guint32 at, n;                /* its units in the buffer */
} TxKeptSpan;

typedef struct {
  TxUnit *u;
  guint n, cap;
  /* A document without a creation date may be tagged twice
   * (pipeline.c's guess_dct()): its units stay here, all spans one
   * after the other, with a copy of the text they were cut from, so
   * that the second run need not cut them again (evl_timex_annotate()) */
  gboolean kept;
  guint64 kept_serial;          /* the TxLex's */
  char *kept_text;
  gsize kept_len, kept_text_cap;
  TxKeptSpan *spans;
  guint n_spans, cap_spans;
  /* tx_units(): of the span it cut last, the classes of
   * TX_NEED_CLASSES it has and, by class bit, the last unit of each */
  guint32 need_mask;
  gint32 need_last[32];
} TxUnitBuf;

void tx_unit_buf_free (TxUnitBuf *b);
/* A zeroed word cache, aligned; freed with tx_word_cache_free(). */
TxWordCache *tx_word_cache_new (void);
void tx_word_cache_free (TxWordCache *wc);
/* Appends the units of [@start, @end) to @out (from out->n on); returns
 * the largest size @out was given; @text: a document's (16 zero bytes
 * follow its @text_len bytes, which are read without bound tests);
 * @wc: the thread's cache (reset when it was filled for another
 * TxLex); leaves room for one unit past the last (scan_span()'s
 * sentinel) */
guint tx_units (const TxLex *lx, TxWordCache *wc, const char *text, gsize text_len, guint32 start,
                guint32 end, TxUnitBuf *out);

/* timex-grammar.c: the longest temporal expression starting at unit @i. */
gboolean tx_match (TxScan *s, int i, TxMatch *m);
/* timex-grammar.c: tells the grammar which classes of TX_NEED_CLASSES
 * the span of s->u has (@mask) and where each last occurs (@last by
 * class bit; TxUnitBuf's), instead of its looking for them. */
void tx_need_set (TxScan *s, guint32 mask, const gint32 *last);

/* timex-normalize.c */
/* -1 past, +1 future, 0 unknown: tense cues around units [i, end). */
int  tx_tense (const TxScan *s, int i, int end);
/* The creation time as a point at @grain (year -1 when there is none). */
void tx_dct_point (const TxScan *s, EvlGrain grain, EvlTimexPoint *p);
/* Year of a month/day mention without a year, by tense and reference. */
int  tx_year_for (const TxScan *s, int month, int day, int tense);
/* Index of the candidate day nearest the creation time, biased by tense. */
int  tx_pick_nearest (const TxScan *s, const EvlDay *cands, int n, int tense);
/* The weekday @wd nearest the creation time in direction @dir (-1 the
 * last one on or before, +1 the next on or after; -2/+2 strictly). */
void tx_weekday_point (const TxScan *s, int wd, int dir, EvlTimexPoint *p);
/* Resolves a holiday rule (holidays.txt) in @year; 0 on failure. */
EvlDay tx_holiday_day (const char *rule, int year);
/* Writes a TIMEX3 duration value: @n units of @code (time-units.txt). */
void tx_duration_value (char *buf, gsize cap, double n, gboolean vague, const char *code);
/* The calendar grain of a unit code, EVL_GRAIN_NONE for clock units. */
EvlGrain tx_unit_grain (const char *code);
