/* Segmenter: paragraphs, sentences and tokens as byte spans, in one pass.
 *
 * Tokens follow the Penn/TimeBank conventions the annotated corpora use:
 * possessive 's and n't split off, hyphenated words and numbers with
 * internal punctuation (1,000  14:30  1950-53) kept whole, abbreviations
 * keep their period.  Sentences end at . ! ? (and any closing quotes) when
 * the next token can start a sentence, and at paragraph breaks.  A single
 * newline ends a sentence only when the line cannot be a hard wrap (see
 * line_is_block()).  Finally, headings and page furniture are marked so
 * that later stages can ignore teasers, credits, bios and comment prompts. */
#include "evl-private.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef struct _CuePrefixes CuePrefixes;

typedef struct {
  const EvlContext *ctx;
  EvlDocument *doc;
  const char *text;
  gsize len;
  const EvlLexicon *abbrev;
  const EvlLexicon *starters;
  const EvlLexicon *titles, *weekdays, *months;
  const EvlLexicon *furniture;
  const CuePrefixes *cue_prefixes;  /* (nullable) see cue_prefixes() */
  const guint8 *abbrev_bits;        /* (nullable) see may_be_abbrev() */
  /* Tokens, built here then handed to the document.  Until split_sentences() is
   * done, a token's .sentence holds the newlines between it and the
   * previous token: set where the blanks are skipped, read
   * where sentences and paragraphs end, overwritten by the sentence
   * index at the end (a separate array was an allocation and a store
   * stream more). */
  EvlToken *tk;
  guint n_tk, cap_tk;
  gboolean wrapped;          /* text is hard-wrapped at a fixed width (tokenize()) */
  /* The tokens split_sentences() must look at, in order: punctuation,
   * abbreviations and the tokens a newline follows, noted by tokenize()
   * where it meets them (the thread's Scratch.starts, with room for
   * cap_tk of them). */
  guint32 *stops;
  guint n_stops;
  struct Scratch *sc;
} Seg;

static guint32 *stops_room (Seg *s);

/* Notes token @k as one split_sentences() must look at (see Seg.stops). */
static inline void
add_stop (Seg *s, guint32 k)
{
  s->stops[s->n_stops++] = k;
}

static gunichar
char_at (const char *p, const char *end, int *clen)
{
  guchar c = (guchar) *p;
  if (c < 0x80)
    {
      *clen = 1;
      return c;
    }
  gunichar u = g_utf8_get_char_validated (p, end - p);
  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      *clen = 1;
      return 0xFFFD;
    }
  *clen = (int) (g_utf8_next_char (p) - p);
  return u;
}

static inline gboolean
is_word_char (gunichar u)
{
  if (u < 0x80)
    return g_ascii_isalnum ((char) u);
  return g_unichar_isalnum (u) || g_unichar_ismark (u);
}

static inline gboolean
is_apostrophe (gunichar u)
{
  return u == '\'' || u == 0x2019;
}

static inline gboolean
is_quote (gunichar u)
{
  return u == '"' || u == 0x201C || u == 0x201D || u == 0x2018 || u == 0x2019
         || u == 0x00AB || u == 0x00BB || u == '`';
}

/* More room for tokens (for the next one and the record after it, see
 * tokenize()); returns the moved array.  The newlines counted in the
 * next record move with it. */
static G_GNUC_NO_INLINE EvlToken *
grow_tokens (Seg *s)
{
  guint32 nl = s->tk[s->n_tk].sentence;
  s->tk = evl_document_token_room (s->doc, s->n_tk, 2, &s->cap_tk);
  s->tk[s->n_tk].sentence = nl;
  s->stops = stops_room (s);
  return s->tk;
}

static guint16
word_flags (const char *p, gsize n)
{
  guint16 f = EVL_TOKEN_WORD;
  int clen;
  gunichar first = char_at (p, p + n, &clen);
  if (first < 0x80 ? g_ascii_isdigit ((char) first) : g_unichar_isdigit (first))
    return EVL_TOKEN_NUMBER;
  if (first < 0x80 ? g_ascii_isupper ((char) first) : g_unichar_isupper (first))
    {
      f |= EVL_TOKEN_CAP;
      gboolean all = TRUE;
      guint letters = 0;
      for (const char *q = p; q < p + n && all; q += clen)
        {
          gunichar u = char_at (q, p + n, &clen);
          /* g_unichar_isalpha/isupper agree with the ASCII tests below 0x80. */
          if (u < 0x80 ? g_ascii_isalpha ((char) u) : g_unichar_isalpha (u))
            {
              letters++;
              if (!(u < 0x80 ? g_ascii_isupper ((char) u) : g_unichar_isupper (u)))
                all = FALSE;
            }
        }
      if (all && letters > 1)
        f |= EVL_TOKEN_ALLCAPS;
    }
  return f;
}

/* ASCII letters and digits (g_ascii_isalnum()), 0 for every other byte:
 * the inner loop of scan_word() runs over most of the text's bytes; a
 * tight loop on this table instead of the general loop's first test saves
 * 1.8 M of evl_segment_document()'s 48 M instructions on 400 documents. */
static const guint8 ascii_alnum[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1,
  ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1,
  ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* Byte classes for tokenize()'s dispatch: one load and one test per
 * byte instead of a chain of comparisons. */
enum {
  B_BLANK = 1 << 0,   /* space, tab, CR, FF, VT or a newline */
  B_ALNUM = 1 << 1,   /* g_ascii_isalnum() */
  B_UPPER = 1 << 2,   /* g_ascii_isupper() */
  B_LOWER = 1 << 3,   /* g_ascii_islower() */
  B_DIGIT = 1 << 4,   /* g_ascii_isdigit() */
  B_MORE = 1 << 5,    /* may continue a word after a letter/digit run
                       * (scan_word()): non-ASCII or a connector */
  B_PUNCT1 = 1 << 6,  /* an ASCII byte that is a one-byte punctuation
                       * token by itself (as general_token() makes it):
                       * not a letter, digit or blank, not an apostrophe,
                       * none of the bytes that run (B_RUN) */
  B_RUN = 1 << 7,     /* . - ` ! ?: a run of the byte is one token */
};

#define B_U (B_ALNUM | B_UPPER)
#define B_L (B_ALNUM | B_LOWER)
#define B_D (B_ALNUM | B_DIGIT)
#define B_HIGH8 B_MORE, B_MORE, B_MORE, B_MORE, B_MORE, B_MORE, B_MORE, B_MORE
#define B_HIGH32 B_HIGH8, B_HIGH8, B_HIGH8, B_HIGH8
#define B_P B_PUNCT1
static const guint8 byte_class[256] = {
  [0x00] = B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P,   /* 0x00-0x08 */
  ['\t'] = B_BLANK, ['\n'] = B_BLANK, ['\v'] = B_BLANK, ['\f'] = B_BLANK, ['\r'] = B_BLANK,
  [0x0E] = B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P, B_P,   /* -0x1F */
  [' '] = B_BLANK,
  ['#'] = B_P, ['$'] = B_P, ['%'] = B_P, ['('] = B_P, [')'] = B_P, ['*'] = B_P, ['+'] = B_P,
  [';'] = B_P, ['<'] = B_P, ['='] = B_P, ['>'] = B_P, ['@'] = B_P,
  ['['] = B_P, ['\\'] = B_P, [']'] = B_P, ['^'] = B_P, ['_'] = B_P,
  ['{'] = B_P, ['|'] = B_P, ['}'] = B_P, ['~'] = B_P, [0x7F] = B_P,
  ['"'] = B_P, ['-'] = B_MORE | B_RUN, ['.'] = B_MORE | B_RUN, ['`'] = B_RUN, ['!'] = B_RUN, ['?'] = B_RUN,
  ['/'] = B_MORE | B_P, ['&'] = B_MORE | B_P, [','] = B_MORE | B_P, [':'] = B_MORE | B_P,
  ['0'] = B_D, B_D, B_D, B_D, B_D, B_D, B_D, B_D, B_D, B_D,
  ['A'] = B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U,
  B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U,
  ['a'] = B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L,
  B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L,
  [0x80] = B_HIGH32, B_HIGH32, B_HIGH32, B_HIGH32,
};
#undef B_U
#undef B_L
#undef B_D
#undef B_HIGH8
#undef B_HIGH32
#undef B_P

#ifdef __SSE2__
/* Bit k set when byte k of the sixteen at @p is an ASCII letter or digit:
 * (b | 0x20) - 'a' <= 25 holds for letters of either case only, b - '0'
 * <= 9 for digits (unsigned, as min(v, n) == v). */
static inline guint
alnum_mask16 (const char *p)
{
  __m128i x = _mm_loadu_si128 ((const __m128i *) (const void *) p);
  __m128i l = _mm_sub_epi8 (_mm_or_si128 (x, _mm_set1_epi8 (0x20)), _mm_set1_epi8 ('a'));
  __m128i d = _mm_sub_epi8 (x, _mm_set1_epi8 ('0'));
  __m128i is_l = _mm_cmpeq_epi8 (_mm_min_epu8 (l, _mm_set1_epi8 (25)), l);
  __m128i is_d = _mm_cmpeq_epi8 (_mm_min_epu8 (d, _mm_set1_epi8 (9)), d);
  return (guint) _mm_movemask_epi8 (_mm_or_si128 (is_l, is_d));
}
#endif

/* The end of the run of ASCII letters and digits at @j (before @len).
 * Sixteen bytes a step (SSE2) where sixteen remain, else eight (SWAR):
 * the byte loop on ascii_alnum[] was 6.9 M of evl_segment_document()'s
 * 46.5 M instructions on the 400 small documents; sixteen-byte steps
 * took evl_segment_document() from 32.9 to 30.9 M. */
static inline gsize
alnum_run_end (const char *t, gsize j, gsize len)
{
#ifdef __SSE2__
  for (; j + 16 <= len; j += 16)
    {
      guint m = ~alnum_mask16 (t + j) & 0xFFFFu;
      if (m)
        return j + (guint) __builtin_ctz (m);
    }
#endif
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  for (; j + 8 <= len; j += 8)
    {
      guint64 m = ~evl_swar_alnum (evl_load64 (t + j)) & EVL_SWAR_HIGHS;   /* not a letter or digit */
      if (m)
        return j + ((guint) __builtin_ctzll (m) >> 3);
    }
#endif
  while (j < len && ascii_alnum[(guchar) t[j]])
    j++;
  return j;
}

/* alnum_run_end() in the document's own text (@t, evl_document_new()):
 * it ends with a NUL and fifteen more zero bytes, so sixteen bytes can
 * be loaded at any offset up to its end, and the NUL ends every run:
 * no bound check per step, no tail loop (the checks were 0.6 M
 * instructions on the 400 small documents). */
static inline gsize
alnum_run_end_padded (const char *t, gsize j, gsize len)
{
#ifdef __SSE2__
  (void) len;
  for (;; j += 16)
    {
      guint m = ~alnum_mask16 (t + j) & 0xFFFFu;
      if (m)
        return j + (guint) __builtin_ctz (m);
    }
#else
  return alnum_run_end (t, j, len);
#endif
}

/* Bytes of the document's text that may be read from its end on: its
 * NUL and fifteen zero bytes (evl_document_new()). */
enum { TEXT_TAIL = 16 };

#ifdef __SSE2__
/* Bit k set when byte k of the sixty-four at @p is no ASCII letter or
 * digit. */
static inline guint64
stop_mask64 (const char *p)
{
  guint64 m = alnum_mask16 (p) | (guint64) alnum_mask16 (p + 16) << 16
              | (guint64) alnum_mask16 (p + 32) << 32 | (guint64) alnum_mask16 (p + 48) << 48;
  return ~m;
}
#endif

/* word_flags() of a word that begins with an ASCII letter or digit
 * (@k its byte_class()): the case test runs on the class table, and only
 * a capitalised word with a non-ASCII byte before any lower-case letter
 * takes the general path. */
static inline guint16
ascii_word_flags (const guint8 *cls, const char *p, gsize n, guint k)
{
  if (k & B_DIGIT)
    return EVL_TOKEN_NUMBER;
  if (!(k & B_UPPER))
    return EVL_TOKEN_WORD;
  guint letters = 1;
  for (gsize q = 1; q < n; q++)
    {
      guint kq = cls[(guchar) p[q]];
      if (kq & B_LOWER)
        return EVL_TOKEN_WORD | EVL_TOKEN_CAP;
      if (kq & B_UPPER)
        letters++;
      else if ((guchar) p[q] >= 0x80)
        return word_flags (p, n);
    }
  return EVL_TOKEN_WORD | EVL_TOKEN_CAP | (letters > 1 ? EVL_TOKEN_ALLCAPS : 0);
}

/* Scans one word starting at @i, from @j on (@i or the end of an ASCII
 * letter/digit run from @i); returns its end.  Handles internal hyphens,
 * periods (U.S, 3.5), digits groups (1,000) and apostrophes, splitting
 * off 's / n't / 're ... as separate tokens like the Penn tokenizer. */
static gsize
scan_word (const Seg *s, gsize i, gsize j)
{
  const char *t = s->text, *end = t + s->len;
  int clen;
  gboolean digit_start = g_ascii_isdigit (t[i]);
  gsize len = s->len;
  for (;;)
    {
      /* A run of ASCII letters and digits (is_word_char() below 0x80). */
      j = alnum_run_end (t, j, len);
      if (j >= len)
        break;
      gunichar u = char_at (t + j, end, &clen);
      if (is_word_char (u))
        {
          j += clen;
          continue;
        }
      /* Internal connector followed by a word character. */
      if (j + 1 < s->len && (u == '-' || u == '.' || u == '/' || u == '&'
                             || (digit_start && (u == ',' || u == ':'))))
        {
          int c2;
          gunichar next = char_at (t + j + 1, end, &c2);
          if (is_word_char (next) && (u != ',' || g_ascii_isdigit (t[j + 1])))
            {
              if (u == '/' && !digit_start)
                break;
              if (u == '&' && !(g_ascii_isupper (t[i])))
                break;
              j += 1;
              continue;
            }
        }
      break;
    }
  return j;
}

/* A clitic after a word ('s 't 're 've 'll 'd 'm) at the apostrophe @i
 * (@clen bytes) after the last of the @n tokens of @tk: sets its span
 * (*@ts, *@te) and returns TRUE, taking the n of "didn't" from the
 * previous word. */
static gboolean
clitic_end (const Seg *s, EvlToken *tk, guint n, gsize i, int clen, gsize *ts, gsize *te)
{
  const char *t = s->text;
  gsize k = i + clen;
  gsize wj = k;
  while (wj < s->len && g_ascii_isalpha (t[wj]))
    wj++;
  gsize wl = wj - k;
  if (n == 0 || wl < 1 || wl > 2 || tk[n - 1].span.end != i)
    return FALSE;
  char cl[3] = { g_ascii_tolower (t[k]), wl > 1 ? g_ascii_tolower (t[k + 1]) : 0, 0 };
  if (strcmp (cl, "s") != 0 && strcmp (cl, "t") != 0 && strcmp (cl, "re") != 0
      && strcmp (cl, "ve") != 0 && strcmp (cl, "ll") != 0 && strcmp (cl, "d") != 0
      && strcmp (cl, "m") != 0)
    return FALSE;
  EvlToken *prev = &tk[n - 1];
  *ts = i;
  /* "didn't": move the n from the previous word. */
  if (cl[0] == 't' && prev->span.end - prev->span.start > 1
      && (t[prev->span.end - 1] == 'n' || t[prev->span.end - 1] == 'N'))
    {
      prev->span.end--;
      *ts = prev->span.end;
    }
  *te = wj;
  return TRUE;
}

/* The abbreviation filter: a bit of ABBREV_BITS for a folded key of
 * @len bytes that begins with @b0 and has @b1 before its last byte (the
 * period).  The 67 abbreviations set about as many bits of 4,096, so
 * most words before a period ("said.") need no lexicon lookup. */
enum { ABBREV_BITS = 4096 };

static inline guint
abbrev_bit (guint b0, guint b1, gsize len)
{
  return ((b0 | b1 << 8 | (guint) len << 16) * 0x9E3779B1u) >> 20;
}

static inline guint
fold_byte (char c)
{
  guint b = (guchar) c;
  return b - 'A' < 26u ? b + 32u : b;
}

/* May the token @p (@n bytes: a word and its period, no blank, so its
 * folded key is its bytes with ASCII letters lower-cased) be in the
 * abbreviation lexicon?  TRUE when unsure (no filter). */
static inline gboolean
may_be_abbrev (const Seg *s, const char *p, gsize n)
{
  if (s->abbrev_bits == NULL)
    return TRUE;
  guint b = abbrev_bit (fold_byte (p[0]), n > 1 ? fold_byte (p[n - 2]) : 0, n);
  return (s->abbrev_bits[b >> 3] >> (b & 7)) & 1;
}

/* Abbreviations and initials keep their final period: the end of the
 * word at @i..@wend, followed by a period, with EVL_TOKEN_ABBREV added
 * to *@flags when it takes the period. */
static G_GNUC_NO_INLINE gsize
take_abbrev_period (const Seg *s, gsize i, gsize wend, gboolean plain, guint16 *flags)
{
  const char *t = s->text;
  gsize n = wend + 1 - i;
  /* @plain: the word is letters and digits only, so has no dot. */
  gboolean internal_dots = !plain && memchr (t + i, '.', wend - i) != NULL;
  gboolean initial = (wend - i == 1) && g_ascii_isupper (t[i]);
  const EvlLexEntry *ab = NULL;
  if (internal_dots || initial
      || (may_be_abbrev (s, t + i, n) && (ab = evl_lexicon_lookup (s->abbrev, t + i, (gssize) n)) != NULL))
    {
      /* 'No. 10' but 'he said no. Officials ...': a numero sign is one
       * only before a number. */
      if (ab != NULL && ab->n_attrs > 0 && strcmp (ab->attrs[0], "number") == 0
          && !(wend + 2 < s->len && t[wend + 1] == ' ' && g_ascii_isdigit (t[wend + 2])))
        return wend;
      /* 'Ill.', 'Wash.' the states; 'fell ill.', 'the car wash.' words
       * ending a sentence */
      if (ab != NULL && !internal_dots && !g_ascii_isupper (t[i]) && ab->n_attrs > 0
          && strcmp (ab->attrs[0], "state") == 0)
        return wend;
      *flags |= EVL_TOKEN_ABBREV;
      return wend + 1;
    }
  return wend;
}

/* Any token that does not begin with an ASCII letter, digit or blank,
 * at @i after the @n tokens of @tk: returns its end and sets *@ts and
 * *@flags, or returns the end of a non-ASCII space with *@flags 0. */
static G_GNUC_NO_INLINE gsize
general_token (const Seg *s, EvlToken *tk, guint n, gsize i, gsize *ts, guint16 *flags)
{
  const char *t = s->text, *end = t + s->len;
  char c = t[i];
  int clen;
  gunichar u = char_at (t + i, end, &clen);
  *ts = i;
  *flags = 0;
  /* ASCII blanks were skipped by the caller; no other ASCII char is a space. */
  if (u == 0x00A0 || u == 0x2009 || u == 0x202F || u == 0x200B || u == 0xFEFF
      || (u >= 0x80 && g_unichar_isspace (u)))
    return i + clen;
  if (is_word_char (u))
    {
      gsize wend = scan_word (s, i, i);
      *flags = word_flags (t + i, wend - i);
      return wend < s->len && t[wend] == '.' ? take_abbrev_period (s, i, wend, FALSE, flags) : wend;
    }
  gsize te;
  if (is_apostrophe (u) && clitic_end (s, tk, n, i, clen, ts, &te))
    {
      *flags = EVL_TOKEN_WORD;
      return te;
    }
  /* Punctuation: runs of the same char (..., --, ``, '') are one token. */
  gsize j = i + clen;
  if (u < 0x80)
    while (j < s->len && t[j] == c && (c == '.' || c == '-' || c == '`' || c == '\'' || c == '!' || c == '?'))
      j++;
  *flags = EVL_TOKEN_PUNCT;
  if (is_quote (u) || (c == '\'' && j - i == 2))
    *flags |= EVL_TOKEN_QUOTE;
  return j;
}

/* The lines tokenize() has met (see count_line()). */
typedef struct {
  guint lines, long_lines, inner_breaks;
  gsize line_start;             /* of the line being read */
} LineCount;

/* Counts the line from lc->line_start to @end of @t (@len bytes; @end
 * is a newline or @len) and starts the next after @end: the text is
 * "wrapped" when most lines inside paragraphs are long and of similar
 * length, as in wire-service text, and then a hard newline inside a
 * paragraph is a line wrap.  Counted: non-empty lines, those of 55 to
 * 90 bytes, and those whose newline is followed by another line's text
 * (not a newline or CR).  Out of line, with the counts in memory:
 * tokenize() meets a newline about once a line, and its registers are
 * better spent on the per-token state (kept there, the four counts
 * pushed more of it to the stack, reloaded for every token: 0.12 M
 * instructions net on the 400 small documents, callgrind). */
static G_GNUC_NO_INLINE void
count_line (const char *t, gsize len, gsize end, LineCount *lc)
{
  gsize l = end - lc->line_start;
  lc->line_start = end + 1;
  if (l == 0)
    return;
  lc->lines++;
  if (l >= 55 && l <= 90)
    lc->long_lines++;
  if (end + 1 < len && t[end + 1] != '\n' && t[end + 1] != '\r')
    lc->inner_breaks++;
}

/* One pass over the text.  The common token, a word that begins with an
 * ASCII letter or digit and ends at an ASCII byte that cannot continue
 * it, is scanned and classified on byte_class[] alone; everything else
 * (non-ASCII, connectors, clitics, punctuation, abbreviations) is out of
 * line.  Not inlined, and the array, count and capacity in locals, so
 * that the loop's state stays in registers (-fno-strict-aliasing would
 * otherwise reload it from @s after every token store). */
static G_GNUC_NO_INLINE void
tokenize (Seg *s)
{
  const char *t = s->text;
  const gsize len = s->len;
  const guint8 *cls = byte_class;
  /* The next token's record and the array's end: two registers where an
   * array, a count and a capacity were three, spilled to the stack and
   * reloaded for every token. */
  EvlToken *out = s->tk + s->n_tk, *out_end = s->tk + s->cap_tk - 1;
  /* The newlines before the next token are counted in its record (its
   * .sentence, uncapped: read only as 0, 1 or "2 or more"), zeroed when
   * the one before is written: the array keeps room for one record past
   * the last written (out_end), so that no count waits in a variable
   * spilled to the stack and moved for every token (0.4 M instructions
   * on the 400 small documents). */
  out->sentence = 0;
  /* Whether the text is hard-wrapped (see count_line()), from the
   * lines met here: a separate pass with memchr was 0.5 M instructions
   * on the 400 small documents.  Every newline is a blank between two
   * tokens (no token holds one). */
  LineCount lc = { 0, 0, 0, 0 };
  /* The bytes that end a letter/digit run in a window of the text:
   * bit j of win_stop is set when t[win + j] is no ASCII letter or digit
   * (stop_mask64()).  A word that ends inside the window takes a shift
   * and a bit scan; a window holds several words, where a sixteen-byte
   * test per word was 20 instructions (2.2 M on the 400 small documents).
   * No window (0) where sixty-four bytes from the word's second byte
   * would pass the text's padding (evl_document_new()). */
  gsize win = 0;
  guint64 win_stop = 0;
  gsize i = 0;
  while (i < len)
    {
      char c = t[i];
      guint k = cls[(guchar) c];
      /* ts and flags are never passed by address: the helpers that set
       * theirs get copies, so that these stay in registers (stored to the
       * stack for every token otherwise). */
      gsize ts = i, te;
      guint16 flags;
      if (k & B_ALNUM)
        {
          /* t[len] is a NUL: no B_MORE. */
          gsize from = i + 1 - win;   /* the run after the first byte, in the window */
          guint64 stop;
          if (G_LIKELY (from < 64 && (stop = win_stop >> from) != 0))
            te = i + 1 + (gsize) __builtin_ctzll (stop);
#ifdef __SSE2__
          else if (i + 1 + 64 <= len + TEXT_TAIL)
            {
              win = i + 1;
              win_stop = stop_mask64 (t + win);
              te = win_stop ? win + (gsize) __builtin_ctzll (win_stop)
                            : alnum_run_end_padded (t, win + 64, len);
            }
#endif
          else
            te = alnum_run_end_padded (t, i + 1, len);
          if (cls[(guchar) t[te]] & B_MORE)
            {
              /* An ASCII connector (. , - / & :) continues the word only
               * before a word character: before an ASCII byte that is no
               * letter or digit, or the text's end, scan_word() would stop
               * right here ("said." "Moscow,": 0.9 M instructions on the
               * 400 small documents). */
              guchar nx = te + 1 < len ? (guchar) t[te + 1] : 0;
              gboolean plain = (guchar) t[te] < 0x80 && nx < 0x80 && !(cls[nx] & B_ALNUM);
              if (!plain)
                te = scan_word (s, i, te);
              guint16 f = ascii_word_flags (cls, t + i, te - i, k);
              if (te < len && t[te] == '.')
                {
                  te = take_abbrev_period (s, i, te, plain, &f);
                  if (f & EVL_TOKEN_ABBREV)
                    add_stop (s, (guint32) (out - s->tk));
                }
              flags = f;
            }
          else
            flags = ascii_word_flags (cls, t + i, te - i, k);
        }
      else if (k & B_BLANK)
        {
          /* Tested after the words, the most common start. */
          if (c == '\n')
            {
              out->sentence++;
              /* The token before the newline ends a line (noted once). */
              guint32 prev = (guint32) (out - s->tk) - 1;
              if (out > s->tk && (s->n_stops == 0 || s->stops[s->n_stops - 1] != prev))
                add_stop (s, prev);
              count_line (t, len, i, &lc);
            }
          i++;
          continue;
        }
      else if (k & (B_PUNCT1 | B_RUN))
        {
          /* A comma, a bracket, a full stop...: general_token() for one
           * byte was 70 instructions, 0.6 M on the 400 small documents
           * for the one-byte kinds. */
          te = i + 1;
          if (k & B_RUN)
            while (te < len && t[te] == c)
              te++;
          flags = EVL_TOKEN_PUNCT | (c == '"' || c == '`' ? EVL_TOKEN_QUOTE : 0);
          add_stop (s, (guint32) (out - s->tk));
        }
      else
        {
          gsize gs;
          guint16 f;
          te = general_token (s, s->tk, (guint) (out - s->tk), i, &gs, &f);
          if (f == 0)
            {
              i = te;
              continue;
            }
          ts = gs;
          flags = f;
          if (f & (EVL_TOKEN_PUNCT | EVL_TOKEN_ABBREV))
            add_stop (s, (guint32) (out - s->tk));
        }
      if (G_UNLIKELY (out == out_end))
        {
          s->n_tk = (guint) (out - s->tk);
          EvlToken *tk = grow_tokens (s);
          out = tk + s->n_tk;
          out_end = tk + s->cap_tk - 1;
        }
      out->span.start = (guint32) ts;
      out->span.end = (guint32) te;
      out->flags = flags;
      out++;
      out->sentence = 0;
      /* A single space after a token, the most common blank, is passed
       * here rather than by a turn of the loop (t[len] is the text's
       * NUL). */
      i = te + (t[te] == ' ');
    }
  s->n_tk = (guint) (out - s->tk);
  count_line (t, len, len, &lc);
  s->wrapped = lc.lines >= 4 && lc.long_lines * 2 > lc.lines && lc.inner_breaks * 2 > lc.lines;
}

static gboolean
token_is (const Seg *s, const EvlToken *tok, const char *str)
{
  gsize n = strlen (str);
  return EVL_SPAN_LEN (tok->span) == n && memcmp (s->text + tok->span.start, str, n) == 0;
}

static gboolean
is_terminal (const Seg *s, const EvlToken *tok)
{
  if (!(tok->flags & EVL_TOKEN_PUNCT))
    return FALSE;
  char c = s->text[tok->span.start];
  return c == '.' || c == '!' || c == '?';
}

static gboolean
is_closer (const Seg *s, const EvlToken *tok)
{
  if (!(tok->flags & EVL_TOKEN_PUNCT))
    return FALSE;
  if (tok->flags & EVL_TOKEN_QUOTE)
    {
      /* Opening curly quotes never close a sentence. */
      return !token_is (s, tok, "\xe2\x80\x9c") && !token_is (s, tok, "\xe2\x80\x98")
             && !token_is (s, tok, "``");
    }
  char c = s->text[tok->span.start];
  return c == ')' || c == ']';
}

/* Is the straight double quote @j an opening one: set off from the
 * token before it and touching the one after ('hit. "Why now?"')?  A
 * closing quote touches the full stop it follows ('said." Then'). */
static gboolean
opens_quote (const Seg *s, const EvlToken *tk, guint n, guint j)
{
  return j > 0 && j + 1 < n && tk[j].span.start > tk[j - 1].span.end
         && tk[j + 1].span.start == tk[j].span.end && token_is (s, &tk[j], "\"");
}

/* Can @tok begin a sentence? */
static gboolean
can_start (const Seg *s, const EvlToken *tok)
{
  if (tok->flags & (EVL_TOKEN_CAP | EVL_TOKEN_NUMBER | EVL_TOKEN_QUOTE))
    return TRUE;
  char c = s->text[tok->span.start];
  return c == '(' || c == '[' || c == '-' || (guchar) c >= 0x80;
}

/* Newlines between token @i and the next (0, 1, or 2 for two or more),
 * counted by tokenize(): only blanks lie between two tokens.  Capped
 * here rather than per token there (0.5 M instructions on the 400 small
 * documents). */
static inline int
newlines_after (const Seg *s, guint i)
{
  return (int) MIN (s->tk[i + 1].sentence, 2u);
}

/* A line that stands as its own block even inside a paragraph: in text
 * that is not hard-wrapped every newline is a block break. */
static gboolean
line_is_block (const Seg *s, gsize line_end_offset)
{
  (void) line_end_offset;
  return !s->wrapped;
}

typedef struct {
  guint first, n;
  guint paragraph;
} RawSentence;

/* This thread's working arrays, kept from one document to the next
 * (GPrivate): the raw sentences, the cue start tokens, the per-sentence
 * heading and furniture marks, the sentence records and the sentence
 * count per paragraph were six allocations per document, and their
 * malloc/free 1.3 % of tag's CPU time in perf (large blocks take
 * malloc's slow path).  Each grows to the largest document seen. */
typedef struct Scratch {
  RawSentence *raw;
  guint n_raw;
  gsize cap_raw;
  guint32 *starts;
  gsize cap_starts;
  guint8 *marks;          /* heading[n + 1] then furniture[n + 1] */
  gsize cap_marks;
  EvlSentence *sents;
  gsize cap_sents;
  guint *par_sent;
  gsize cap_par_sent;
} Scratch;

static void
scratch_free (gpointer p)
{
  Scratch *sc = p;
  if (sc == NULL)
    return;
  g_free (sc->raw);
  g_free (sc->starts);
  g_free (sc->marks);
  g_free (sc->sents);
  g_free (sc->par_sent);
  g_free (sc);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

/* *@p (of *@cap records of @elt bytes) with room for @n records; the
 * contents are kept only up to the old capacity. */
static gpointer
scratch_room (gpointer *p, gsize *cap, gsize n, gsize elt)
{
  if (*cap < n)
    {
      gsize c = MAX (n, *cap * 2);
      *p = g_realloc_n (*p, c, elt);
      *cap = c;
    }
  return *p;
}

#define SCRATCH_ROOM(sc, field, n) \
  scratch_room ((gpointer *) &(sc)->field, &(sc)->cap_##field, (n), sizeof *(sc)->field)

/* Room in Seg.stops for a note per token of the array (the notes are
 * kept). */
static guint32 *
stops_room (Seg *s)
{
  return SCRATCH_ROOM (s->sc, starts, (gsize) s->cap_tk + 1);
}

enum { RUNAWAY_SOFT = 32 };

/* May a runaway sentence be cut between @a and @b?  Only between plain
 * lower-case words (or after a comma-like mark): never inside a
 * capitalised name, a number or a date. */
static gboolean
soft_cut (const EvlToken *a, const EvlToken *b)
{
  const guint16 strong = EVL_TOKEN_CAP | EVL_TOKEN_NUMBER | EVL_TOKEN_ABBREV;
  if (!(b->flags & EVL_TOKEN_WORD) || (b->flags & strong))
    return FALSE;
  if (a->flags & EVL_TOKEN_PUNCT)
    return !(a->flags & EVL_TOKEN_QUOTE);
  return (a->flags & EVL_TOKEN_WORD) && !(a->flags & strong);
}

/* Is @tok a word of @lex (a NULL lexicon has none)? */
static gboolean
in_lexicon (const Seg *s, const EvlLexicon *lex, const EvlToken *tok)
{
  return lex != NULL && evl_lexicon_lookup (lex, s->text + tok->span.start, EVL_SPAN_LEN (tok->span)) != NULL;
}

/* Does the state abbreviation @ab at token @i close a dateline-style
 * place, 'Buffalo, N.Y.', before the capitalised @next?  A place's state
 * ends the phrase that named it: a capital after it begins a sentence
 * ('... in Buffalo, N.Y. Slepian was ...'), unless it is a title that
 * the state qualifies ('Washington, D.C. Mayor ...') or a day or month
 * that dates the place's event ('in Buffalo, N.Y. Friday night').  A
 * lower-case word ('Washington, D.C. police') never gets here. */
static gboolean
ends_place (const Seg *s, guint i, const EvlLexEntry *ab, const EvlToken *next)
{
  if (ab == NULL || ab->n_attrs == 0 || strcmp (ab->attrs[0], "state") != 0 || i < 2)
    return FALSE;
  const EvlToken *comma = &s->tk[i - 1], *place = &s->tk[i - 2];
  if (!token_is (s, comma, ",") || !(place->flags & EVL_TOKEN_CAP) || !(next->flags & EVL_TOKEN_WORD))
    return FALSE;
  /* 'Nov.', 'Fri.': an abbreviated month or day took its period */
  gsize len = EVL_SPAN_LEN (next->span);
  if ((next->flags & EVL_TOKEN_ABBREV) && len > 1 && s->text[next->span.end - 1] == '.')
    len--;
  const char *w = s->text + next->span.start;
  return !in_lexicon (s, s->titles, next) && !(s->weekdays && evl_lexicon_lookup (s->weekdays, w, (gssize) len))
         && !(s->months && evl_lexicon_lookup (s->months, w, (gssize) len));
}

/* The sentences of @s's tokens, as RawSentence records into @sc->raw. */
static void
split_sentences (Seg *s, Scratch *sc)
{
  sc->n_raw = 0;
  guint n = s->n_tk;
  const EvlToken *tk = s->tk;
  const guint32 *stops = s->stops;
  guint n_stops = s->n_stops, next_stop = 0;
  guint start = 0, paragraph = 0, par_start = 0;
  for (guint i = 0; i < n; i++)
    {
      /* Most tokens end nothing: neither punctuation nor an abbreviation,
       * no newline after them, in a sentence still short of the runaway
       * window.  They are skipped to the next one tokenize() noted
       * (Seg.stops), or to the window's end, one bound for both the
       * text's end and the window (i + 1 < n and i + 1 - start < the
       * window).  A tight loop over the tokens was 6 instructions a
       * token, 0.9 M on the 400 small documents. */
      guint stop = MIN (n - 1, start + (EVL_SEGMENT_MAX_SENTENCE_TOKENS - RUNAWAY_SOFT) - 1);
      if (i < stop)
        {
          while (next_stop < n_stops && stops[next_stop] < i)
            next_stop++;
          i = next_stop < n_stops && stops[next_stop] < stop ? stops[next_stop] : stop;
        }
      gboolean brk = FALSE;
      guint last = i;
      if (is_terminal (s, &tk[i]) || ((tk[i].flags & EVL_TOKEN_ABBREV) && i + 1 < n))
        {
          while (last + 1 < n && is_closer (s, &tk[last + 1])
                 && newlines_after (s, last) == 0 && !opens_quote (s, tk, n, last + 1))
            last++;
          if (last + 1 >= n)
            brk = TRUE;
          else
            {
              const EvlToken *next = &tk[last + 1];
              /* In hard-wrapped text one newline is only a wrap, the
               * space between two words of a line: 'at 6 a.m.' ending
               * a line goes on into 'Tuesday' or 'EST' on the next one
               * as it would on the same line.  A blank line still ends
               * the sentence (the paragraph check below). */
              int nls = newlines_after (s, last);
              gboolean nl = nls >= 2 || (nls == 1 && !s->wrapped);
              if (tk[i].flags & EVL_TOKEN_ABBREV)
                {
                  /* An abbreviation ends a sentence only before a word
                   * that typically starts one ("the U.S. Amid ..."). */
                  const EvlLexEntry *ab = evl_lexicon_lookup (s->abbrev, s->text + tk[i].span.start,
                                                              EVL_SPAN_LEN (tk[i].span));
                  gboolean title = ab && ab->n_attrs > 0 && strcmp (ab->attrs[0], "title") == 0;
                  brk = !title && (nl || ((next->flags & EVL_TOKEN_CAP)
                                          && (evl_lexicon_lookup (s->starters, s->text + next->span.start,
                                                                  EVL_SPAN_LEN (next->span)) != NULL
                                              || ends_place (s, i, ab, next))));
                }
              else
                brk = nl || can_start (s, next);
            }
        }
      if (!brk && i + 1 < n)
        {
          int nls = newlines_after (s, i);
          if (nls >= 2 || (nls == 1 && line_is_block (s, tk[i].span.end)))
            brk = TRUE;
        }
      /* Runaway sentence (see EVL_SEGMENT_MAX_SENTENCE_TOKENS): cut it
       * between two lower-case words within the last RUNAWAY_SOFT tokens
       * before the cap, so that no name or date is split, else at the cap. */
      if (!brk && i + 1 < n)
        {
          guint len = last + 1 - start;
          brk = len >= EVL_SEGMENT_MAX_SENTENCE_TOKENS
                || (len >= EVL_SEGMENT_MAX_SENTENCE_TOKENS - RUNAWAY_SOFT
                    && last == i && soft_cut (&tk[i], &tk[i + 1]));
        }
      if (brk || i + 1 == n)
        {
          if (G_UNLIKELY (sc->n_raw == sc->cap_raw))
            SCRATCH_ROOM (sc, raw, (gsize) sc->n_raw + 1);
          sc->raw[sc->n_raw++] = (RawSentence) { start, last + 1 - start, paragraph };
          gboolean new_par = last + 1 - par_start >= EVL_SEGMENT_MAX_PARAGRAPH_TOKENS;
          if (last + 1 < n && newlines_after (s, last) >= 1)
            {
              if (newlines_after (s, last) >= 2 || !s->wrapped)
                new_par = TRUE;
            }
          if (new_par && last + 1 < n)
            {
              paragraph++;
              par_start = last + 1;
            }
          start = last + 1;
          i = last;
        }
    }
}

/* ---- headings and furniture ---- */

static gboolean
sentence_has_terminal (const Seg *s, const EvlToken *tk, const RawSentence *r)
{
  for (guint k = r->n; k > 0; k--)
    {
      const EvlToken *t = &tk[r->first + k - 1];
      if (is_closer (s, t))
        continue;
      if (is_terminal (s, t))
        return TRUE;
      char c = s->text[t->span.start];
      return c == ':' || c == ';';
    }
  return FALSE;
}

/* Share of longer words that are capitalised: headlines and teasers are
 * written in Title Case. */
static double
title_case_ratio (const EvlToken *tk, const RawSentence *r)
{
  guint words = 0, caps = 0;
  for (guint k = 0; k < r->n; k++)
    {
      const EvlToken *t = &tk[r->first + k];
      if (!(t->flags & EVL_TOKEN_WORD) || EVL_SPAN_LEN (t->span) < 4)
        continue;
      words++;
      if (t->flags & EVL_TOKEN_CAP)
        caps++;
    }
  return words ? (double) caps / words : 0.0;
}

/* Every prefix of every folded form of the furniture lexicon: a cue can
 * only start at a token whose folded text is one of them, so the n-gram
 * lookups run at a handful of tokens instead of all.  Built once per
 * context (evl_context_get_derived()); a probe hashes the token's bytes
 * lower-cased on the fly, without folding into a buffer or allocating. */
typedef struct {
  guint32 hash;
  guint32 len;            /* 0 = empty slot */
  guint32 off;            /* of the prefix in CuePrefixes.pool */
  gboolean form;          /* a whole folded form too, not only a prefix */
} CueSlot;

struct _CuePrefixes {
  CueSlot *slots;
  guint32 mask;
  guint32 max_len;        /* longest prefix: a longer token starts no cue */
  guint32 filter_len;     /* MIN (max_len, 63): see may_start_cue() */
  GString *pool;          /* the folded forms, each prefix a leading part */
  /* The next two are indexed by the token's raw bytes: every upper/lower
   * case variant of a folded byte is set, so the common test (a token
   * starts no prefix) folds nothing. */
  guint8 pair[65536 / 8]; /* first two bytes of the longer ones, and a
                           * one-byte prefix's byte followed by a 0 (no
                           * token holds a NUL) */
  /* pair as a byte per entry, for index_tokens()'s test of every token:
   * one load and compare instead of a shift, a load, a mask and a test
   * (the table's 64 KiB are zero pages of the allocation until set) */
  guint8 pair_byte[65536];
  guint8 form2[65536 / 8]; /* as pair, for the forms of one or two bytes */
  guint8 triple[65536];   /* triple_bit() of the first three raw bytes
                           * (every case variant) and the length of the
                           * longer ones, a byte each as pair_byte */
  gboolean none;          /* no furniture file: every token may start a cue */
  /* The context's lexicons the segmenter reads, looked up once per
   * context instead of by name per document (0.28 M instructions on the
   * 400 small documents). */
  const EvlLexicon *abbrev, *starters, *titles, *weekdays, *months, *furniture;
  /* abbrev_bit() of every folded form of the abbreviation lexicon, unless
   * @abbrev_all (no abbreviation file: every word may be one). */
  guint8 abbrev_bits[ABBREV_BITS / 8];
  gboolean abbrev_all;
};

/* The bit of CuePrefixes.pair for a token whose first two raw bytes are
 * @b0 and @b1 (0 for a one-byte token): the order of a little-endian
 * two-byte load, so that cue_starts() reads both bytes at once. */
static inline guint
pair_index (guint b0, guint b1)
{
  return b0 | b1 << 8;
}

/* A bit of CuePrefixes.triple for a prefix of @len bytes that begins
 * with the raw bytes @b0 @b1 @b2 (a prefix sets the bits of all their
 * case variants): a Bloom filter with one hash, a few thousand bits set
 * of 65,536. */
static inline guint
triple_bit (guint b0, guint b1, guint b2, gsize len)
{
  return ((b0 | b1 << 8 | b2 << 16 | (guint) len << 24) * 0x9E3779B1u) >> 16;
}

/* A hash of @s (@len bytes) with ASCII letters lower-cased, eight bytes
 * a step, the last one to eight as one word (two overlapping four-byte
 * loads, or the first, middle and last bytes: a function of the bytes,
 * never reading outside them).  Equal bytes but for ASCII case give
 * equal hashes; cue_prefix_find() compares the bytes.  FNV-1a a byte at
 * a time was ~0.7 M instructions on the small corpus (callgrind). */
static inline guint32
lower_hash (const char *s, gsize len)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint64 h = len * k;
  gsize i = 0;
  for (; i + 8 <= len; i += 8)
    {
      h = (h ^ evl_swar_lower (evl_load64 (s + i))) * k;
      h = h << 27 | h >> 37;
    }
  gsize r = len - i;
  if (r > 0)
    {
      const char *t = s + i;
      guint64 w;
      if (r >= 4)
        {
          guint32 lo, hi;
          memcpy (&lo, t, 4);
          memcpy (&hi, t + r - 4, 4);
          w = lo | (guint64) hi << 32;
        }
      else
        w = (guchar) t[0] | (guint) (guchar) t[r / 2] << 8 | (guint) (guchar) t[r - 1] << 16;
      h = (h ^ evl_swar_lower (w)) * k;
    }
  h ^= h >> 32;
  h *= G_GUINT64_CONSTANT (0xD6E8FEB86659FD93);
  return (guint32) (h ^ h >> 32);
}

/* The slot of @s (@len bytes, ASCII letters of either case) in @cp, or
 * NULL when it is no prefix. */
static const CueSlot *
cue_prefix_find (const CuePrefixes *cp, const char *s, gsize len, guint32 h)
{
  for (guint32 i = h & cp->mask; cp->slots[i].len; i = (i + 1) & cp->mask)
    {
      const CueSlot *sl = &cp->slots[i];
      if (sl->hash != h || sl->len != len)
        continue;
      const char *p = cp->pool->str + sl->off;
      gsize k = 0;
      while (k < len && (guchar) p[k] == fold_byte (s[k]))
        k++;
      if (k == len)
        return sl;
    }
  return NULL;
}

/* Adds the prefix of @len bytes of the folded form at @off in the pool,
 * the whole form when @form. */
static void
cue_prefix_add (CuePrefixes *cp, gsize off, gsize len, gboolean form)
{
  const char *s = cp->pool->str + off;
  guint b0 = (guchar) s[0];
  /* The raw bytes that fold to s[0] and s[1]. */
  guint v0[2] = { b0, g_ascii_toupper ((char) b0) }, v1[2] = { 0, 0 };
  if (len > 1)
    {
      v1[0] = (guchar) s[1];
      v1[1] = (guchar) g_ascii_toupper (s[1]);
    }
  if (form && len <= 2)
    for (guint a = 0; a < 2; a++)
      for (guint z = 0; z < 2; z++)
        {
          guint b = pair_index (v0[a], v1[z]);
          cp->form2[b >> 3] |= (guint8) (1u << (b & 7));
        }
  guint32 h = lower_hash (s, len);
  const CueSlot *known = cue_prefix_find (cp, s, len, h);
  if (known)
    {
      if (form)
        cp->slots[known - cp->slots].form = TRUE;   /* a prefix of another form before */
      return;
    }
  guint32 i = h & cp->mask;
  while (cp->slots[i].len)
    i = (i + 1) & cp->mask;
  cp->slots[i] = (CueSlot) { h, (guint32) len, (guint32) off, form };
  for (guint a = 0; a < 2; a++)
    for (guint z = 0; z < 2; z++)
      {
        guint b = pair_index (v0[a], v1[z]);   /* v1 is { 0, 0 } for len 1 */
        cp->pair[b >> 3] |= (guint8) (1u << (b & 7));
        cp->pair_byte[b] = 1;
      }
  if (len >= 3)
    {
      /* Raw bytes, as the pair bitmap: every case variant of the first
       * three folded bytes (folding the token's bytes before the probe was
       * 0.67 M instructions on the 400 small documents). */
      guint v2[2] = { (guchar) s[2], (guchar) g_ascii_toupper (s[2]) };
      for (guint a = 0; a < 2; a++)
        for (guint z = 0; z < 2; z++)
          for (guint y = 0; y < 2; y++)
            {
              guint b = triple_bit (v0[a], v1[z], v2[y], len);
              cp->triple[b] = 1;
            }
    }
  cp->max_len = MAX (cp->max_len, (guint32) len);
}

static void
cue_prefixes_free (gpointer p)
{
  CuePrefixes *cp = p;
  g_free (cp->slots);
  g_string_free (cp->pool, TRUE);
  g_free (cp);
}

/* The folded forms of the lexicon file @file of @ctx ("canonical|variant
 * ...<TAB>attrs" lines, '#' comments) appended to @pool, as (offset,
 * length) pairs; NULL when @ctx has no such file. */
static GArray *
folded_forms (const EvlContext *ctx, const char *file, GString *pool)
{
  GBytes *bytes = evl_context_get_data (ctx, file);
  if (bytes == NULL)
    return NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  /* the text up to a NUL, its lines stripped of ASCII white space, each
   * cut at its first TAB and split at '|', read in place (a
   * g_strsplit() a line and a g_malloc() a form were 0.2 M instructions
   * a process) */
  const char *nul = memchr (data, '\0', len);
  const char *end = nul ? nul : data + len;
  GArray *forms = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  g_autofree char *buf = NULL;
  gsize buf_cap = 0;
  const char *d = data;
  for (gboolean more = TRUE; more;)
    {
      const char *nl = memchr (d, '\n', (gsize) (end - d));
      const char *ls = d, *le = nl ? nl : end;
      more = nl != NULL;
      d = le + more;
      while (ls < le && g_ascii_isspace (*ls))
        ls++;
      while (le > ls && g_ascii_isspace (le[-1]))
        le--;
      if (ls == le || *ls == '#')
        continue;
      const char *tab = memchr (ls, '\t', (gsize) (le - ls));
      if (tab)
        le = tab;
      for (const char *f = ls;; f++)
        {
          const char *bar = memchr (f, '|', (gsize) (le - f));
          const char *fe = bar ? bar : le;
          gsize flen = (gsize) (fe - f);
          if (flen + 2 > buf_cap)
            {
              buf_cap = MAX (flen + 2, 2 * buf_cap);
              g_free (buf);
              buf = g_malloc (buf_cap);
            }
          gssize n = evl_fold_key (f, flen, buf, flen + 2);
          if (n > 0)
            {
              guint32 rec[2] = { (guint32) pool->len, (guint32) n };
              g_string_append_len (pool, buf, n);
              g_array_append_val (forms, rec);
            }
          if (!bar)
            break;
          f = bar;
        }
    }
  return forms;
}

static gpointer
cue_prefixes_build (const EvlContext *ctx)
{
  CuePrefixes *cp = g_new0 (CuePrefixes, 1);
  cp->abbrev = evl_context_get_lexicon (ctx, "en/abbreviations");
  cp->starters = evl_context_get_lexicon (ctx, "en/sentence-starters");
  cp->titles = evl_context_get_lexicon (ctx, "en/person-titles");
  cp->weekdays = evl_context_get_lexicon (ctx, "en/weekdays");
  cp->months = evl_context_get_lexicon (ctx, "en/months");
  cp->furniture = evl_context_get_lexicon (ctx, "en/furniture");

  g_autoptr (GString) apool = g_string_new (NULL);
  g_autoptr (GArray) aforms = folded_forms (ctx, "lexicons/en/abbreviations.txt", apool);
  cp->abbrev_all = aforms == NULL;
  for (guint f = 0; aforms && f < aforms->len; f++)
    {
      const guint32 *rec = &g_array_index (aforms, guint32, 2 * f);
      const guchar *k = (const guchar *) apool->str + rec[0];
      guint b = abbrev_bit (k[0], rec[1] > 1 ? k[rec[1] - 2] : 0, rec[1]);
      cp->abbrev_bits[b >> 3] |= (guint8) (1u << (b & 7));
    }

  /* The folded forms first (the pool must not move while slots are added). */
  cp->pool = g_string_new (NULL);
  g_autoptr (GArray) forms = folded_forms (ctx, "lexicons/en/furniture.txt", cp->pool);
  cp->none = forms == NULL;
  guint32 n_slots = 64;
  while (n_slots < (cp->pool->len + 1) * 2)
    n_slots *= 2;
  cp->mask = n_slots - 1;
  cp->slots = g_new0 (CueSlot, n_slots);
  for (guint f = 0; forms && f < forms->len; f++)
    {
      const guint32 *rec = &g_array_index (forms, guint32, 2 * f);
      for (guint32 k = 1; k <= rec[1]; k++)
        cue_prefix_add (cp, rec[0], k, k == rec[1]);
    }
  cp->filter_len = MIN (cp->max_len, 63);
  return cp;
}

/* The furniture cue prefixes and the lexicons of @ctx, built once per
 * context. */
static const CuePrefixes *
cue_prefixes (const EvlContext *ctx)
{
  return evl_context_get_derived (ctx, EVL_CONTEXT_SLOT_SEGMENT, cue_prefixes_build, cue_prefixes_free);
}

/* What the folded text of an n-gram is to the furniture forms of @cp. */
typedef enum {
  CUE_NONE,      /* begins no form: neither it nor a longer n-gram is one */
  CUE_PREFIX,    /* begins a form, is none */
  CUE_FORM,      /* may be a form: ask the lexicon */
} CueState;

static CueState
cue_state_of (const CueSlot *sl)
{
  return sl == NULL ? CUE_NONE : sl->form ? CUE_FORM : CUE_PREFIX;
}

/* CueState of the token @p (@n bytes, at most CuePrefixes.max_len, past
 * the filters of index_tokens()).  A token holds no blank (tokenize()
 * skips them all), so its folded form is its bytes with ASCII letters
 * lower-cased, of the same length.  Out of line: about 6,400 of 124,872
 * tokens get here on the 400 small documents. */
static G_GNUC_NO_INLINE CueState
token_cue_state (const CuePrefixes *cp, const char *p, gsize n)
{
  return cue_state_of (cue_prefix_find (cp, p, n, lower_hash (p, n)));
}

/* CueState of the folded text of @span (@len bytes, several tokens);
 * CUE_FORM when unsure (no prefix set). */
static CueState
span_cue_state (const Seg *s, const char *span, gsize len)
{
  const CuePrefixes *cp = s->cue_prefixes;
  if (cp == NULL || cp->none)
    return CUE_FORM;
  /* Same capacity as the lexicon's own folding: a key that does not fit
   * is in no lexicon. */
  char buf[256];
  gssize k = evl_fold_key (span, len, buf, sizeof buf);
  if (k <= 0 || (gsize) k > cp->max_len)
    return CUE_NONE;
  return cue_state_of (cue_prefix_find (cp, buf, (gsize) k, lower_hash (buf, (gsize) k)));
}

/* A cue start of index_tokens(): token @k, and whether it may be a
 * furniture form by itself (CUE_FORM). */
#define CUE_START(k, form) (2 * (k) + ((form) ? 1 : 0))
#define CUE_START_TOKEN(c) ((c) >> 1)
#define CUE_START_FORM(c) ((c) & 1)

/* Gives each token of @tk its sentence's index (the @n_raw sentences
 * of @rs cover every token in order), and puts the tokens at which a
 * furniture cue of @cp may start, in order, into @out (room for every
 * token) as CUE_START() values; returns their number.  Taken in one
 * tight pass so that the per-sentence cue search visits these few
 * tokens instead of every token of every sentence; the sentence indices
 * are stored in the same pass (a separate loop was 0.6 M instructions on
 * the 400 small documents).  Out of line, so that the loop's state stays
 * in registers (inlined in evl_segment_document(), the text pointer was
 * reloaded from the stack per token), the first two bytes read by one
 * load, and only the rare hashed probe called. */
static G_GNUC_NO_INLINE guint
index_tokens (const CuePrefixes *cp, const char *text, EvlToken *tk, const RawSentence *rs,
              guint n_raw, guint32 *out)
{
  guint m = 0;
  if (cp == NULL || cp->none)
    {
      /* No prefix set: every token may start a cue. */
      for (guint i = 0; i < n_raw; i++)
        for (guint k = rs[i].first, end = k + rs[i].n; k < end; k++)
          {
            tk[k].sentence = i;
            out[m++] = CUE_START (k, TRUE);
          }
      return m;
    }
  const guint8 *pair = cp->pair_byte;
  /* One test for "longer than any prefix, or too long for the filters"
   * (filter_len = MIN (max_len, 63); n == 0 wraps to a huge value). */
  const gsize filter_len = cp->filter_len;
  for (guint i = 0; i < n_raw; i++)
    for (guint k = rs[i].first, end = k + rs[i].n; k < end; k++)
      {
        tk[k].sentence = i;
        const char *p = text + tk[k].span.start;
        gsize n = EVL_SPAN_LEN (tk[k].span);
        if (G_UNLIKELY (n - 1 >= filter_len))
          {
            if (n >= 64)
              out[m++] = CUE_START (k, TRUE);
            continue;
          }
        /* A one-byte token is its byte and a 0 in the pair bitmap (the
         * byte after it is in the text: at worst its closing NUL). */
        guint16 w;
        memcpy (&w, p, 2);
        guint b = GUINT16_FROM_LE (w) & (n > 1 ? 0xFFFFu : 0xFFu);
        if (G_LIKELY (!pair[b]))
          continue;
        /* The pair bitmap is exact for prefixes of one or two bytes; the
         * first three folded bytes and the length rule out most longer
         * tokens before the hashed probe (on the 400 small documents
         * 5,332 of 124,872 tokens remain; with the first two bytes alone
         * some 30,000 were hashed and probed). */
        CueState st;
        if (n > 2)
          {
            b = triple_bit ((guchar) p[0], (guchar) p[1], (guchar) p[2], n);
            if (!cp->triple[b] || (st = token_cue_state (cp, p, n)) == CUE_NONE)
              continue;
          }
        else
          st = (cp->form2[b >> 3] >> (b & 7)) & 1 ? CUE_FORM : CUE_PREFIX;   /* pair[] is exact */
        /* Whether the lookup of the token alone is needed, found here
         * with its prefix probe rather than hashed again. */
        out[m++] = CUE_START (k, st != CUE_PREFIX);
      }
  return m;
}

/* Does the sentence contain a furniture cue (data/lexicons/en/furniture.txt)?
 * Cues are matched as word n-grams, case-insensitively, starting at the
 * tokens of @starts (cue_starts()) from *@next on; *@next moves past the
 * sentence's ones (sentences come in order). */
static gboolean
has_furniture_cue (const Seg *s, const EvlToken *tk, const RawSentence *r, guint maxw,
                   const guint32 *starts, guint n_starts, guint *next)
{
  guint c = *next;
  while (c < n_starts && CUE_START_TOKEN (starts[c]) < r->first)
    c++;
  guint sentence_end = r->first + r->n;
  guint c_end = c;
  while (c_end < n_starts && CUE_START_TOKEN (starts[c_end]) < sentence_end)
    c_end++;
  *next = c_end;
  for (; c < c_end; c++)
    {
      guint k = CUE_START_TOKEN (starts[c]) - r->first;
      guint max_here = maxw;
      const CuePrefixes *cp = s->cue_prefixes;
      const EvlToken *a1 = &tk[r->first + k];
      if (cp && !cp->none && EVL_SPAN_LEN (a1->span) == 1 && k + 1 < r->n)
        {
          /* A one-byte token ("a", "I"): the folded text of its n-grams
           * goes on with a space when blanks follow it (any other byte
           * between tokens, a \f or a no-break space, stays as it is),
           * else with the next token's first byte.  Those two bytes must
           * begin a form (CuePrefixes.pair) for any n-gram from here to
           * be one: a bitmap test instead of folding and hashing the
           * bigram (2,256 times for "a" on the 400 small documents). */
          guint g = (guchar) s->text[a1->span.end];
          if (a1[1].span.start != a1->span.end && (g == ' ' || g == '\t' || g == '\n' || g == '\r'))
            g = ' ';
          guint b = pair_index ((guchar) s->text[a1->span.start], g);
          if (!((cp->pair[b >> 3] >> (b & 7)) & 1))
            max_here = MIN (maxw, 1);
        }
      for (guint w = 1; w <= max_here && k + w <= r->n; w++)
        {
          const EvlToken *a = &tk[r->first + k], *b = &tk[r->first + k + w - 1];
          const char *span = s->text + a->span.start;
          gsize span_len = b->span.end - a->span.start;
          /* An n-gram whose folded text begins no form cannot be one, nor
           * can any longer n-gram from the same token (its folded text
           * extends this one's); one that only begins a form needs no
           * lookup (5,400 lookups, 0.6 M instructions, on the 400 small
           * documents, nearly all of them misses). */
          CueState st = w > 1 ? span_cue_state (s, span, span_len)
                              : CUE_START_FORM (starts[c]) ? CUE_FORM : CUE_PREFIX;
          if (st == CUE_NONE)
            break;
          if (st == CUE_FORM && evl_lexicon_lookup (s->furniture, span, span_len))
            return TRUE;
        }
    }
  return FALSE;
}

/* Does the raw sentence @r open with a list bullet ('- ', '* ', '• ')?
 * A list item is body text, whether or not it ends with a full stop. */
static gboolean
opens_list_item (const Seg *s, const EvlToken *tk, const RawSentence *r)
{
  if (r->n < 3)
    return FALSE;
  const EvlToken *b = &tk[r->first];
  return token_is (s, b, "-") || token_is (s, b, "*") || token_is (s, b, "\xe2\x80\xa2")
         || token_is (s, b, "\xe2\x80\x93");
}

/* Sets heading[i] and furniture[i] of every raw sentence of @sc. */
static void
mark_blocks (Seg *s, Scratch *sc, guint8 *heading, guint8 *furniture)
{
  const EvlToken *tk = s->tk;
  guint n = sc->n_raw;
  const RawSentence *rs = sc->raw;
  guint n_par = n ? rs[n - 1].paragraph + 1 : 0;
  guint *par_sent = SCRATCH_ROOM (sc, par_sent, (gsize) n_par + 1);
  memset (par_sent, 0, ((gsize) n_par + 1) * sizeof *par_sent);
  for (guint i = 0; i < n; i++)
    par_sent[rs[i].paragraph]++;

  guint maxw = evl_lexicon_max_words (s->furniture), next = 0;
  guint32 *starts = SCRATCH_ROOM (sc, starts, (gsize) s->n_tk + 1);
  guint n_starts = index_tokens (s->cue_prefixes, s->text, s->tk, rs, n, starts);
  for (guint i = 0; i < n; i++)
    {
      gboolean alone = par_sent[rs[i].paragraph] == 1;
      heading[i] = alone && rs[i].n <= 25 && !sentence_has_terminal (s, tk, &rs[i])
                   && !opens_list_item (s, tk, &rs[i]);
      furniture[i] = has_furniture_cue (s, tk, &rs[i], maxw, starts, n_starts, &next);
    }

  /* Tail furniture: past the first cue in the last third of the text,
   * everything is page furniture (comment forms, credits, bios).  Teaser
   * headlines and a bare byline name just before it go with it. */
  gsize third = s->len - s->len / 3;
  for (guint i = 0; i < n; i++)
    {
      if (!furniture[i] || tk[rs[i].first].span.start < third)
        continue;
      guint first_par = rs[i].paragraph;
      for (guint j = i; j < n; j++)
        furniture[j] = TRUE;
      for (guint j = i; j-- > 0;)
        {
          if (rs[j].paragraph == first_par)
            {
              furniture[j] = TRUE;
              continue;
            }
          gboolean teaser = par_sent[rs[j].paragraph] <= 2 && title_case_ratio (tk, &rs[j]) >= 0.6
                            && rs[j].n >= 3;
          gboolean byline = heading[j] && rs[j].n <= 4 && title_case_ratio (tk, &rs[j]) >= 0.99;
          if (!teaser && !byline)
            break;
          furniture[j] = TRUE;
          first_par = rs[j].paragraph;
        }
      break;
    }
}

void
evl_segment_document (const EvlContext *ctx, EvlDocument *doc)
{
  g_return_if_fail (ctx != NULL && doc != NULL);
  guint n_existing;
  evl_document_get_sentences (doc, &n_existing);
  if (n_existing > 0)
    return;

  Seg s = { 0 };
  s.ctx = ctx;
  s.doc = doc;
  s.text = evl_document_get_text (doc, &s.len);
  const CuePrefixes *cp = cue_prefixes (ctx);
  s.abbrev = cp->abbrev;
  s.starters = cp->starters;
  s.titles = cp->titles;
  s.weekdays = cp->weekdays;
  s.months = cp->months;
  s.furniture = cp->furniture;
  s.cue_prefixes = s.furniture ? cp : NULL;
  s.abbrev_bits = cp->abbrev_all ? NULL : cp->abbrev_bits;
  /* Tokens are written in place of the document's array: for a small
   * document, a part of its first block (a g_new() of its own was 0.64 M
   * instructions in malloc for the 400 small documents). */
  s.tk = evl_document_token_room (doc, 0, 1, &s.cap_tk);
  Scratch *sc = g_private_get (&scratch_key);
  if (sc == NULL)
    {
      sc = g_new0 (Scratch, 1);
      g_private_set (&scratch_key, sc);
    }
  s.sc = sc;
  s.stops = stops_room (&s);

  tokenize (&s);
  /* Room for a sentence per 16 tokens up front. */
  SCRATCH_ROOM (sc, raw, (gsize) s.n_tk / 16 + 8);
  split_sentences (&s, sc);
  guint n_raw = sc->n_raw;
  guint8 *heading = SCRATCH_ROOM (sc, marks, 2 * (gsize) n_raw + 2);
  guint8 *furniture = heading + n_raw + 1;
  mark_blocks (&s, sc, heading, furniture);

  EvlToken *tk = s.tk;
  EvlSentence *sents = SCRATCH_ROOM (sc, sents, (gsize) n_raw + 1);
  for (guint i = 0; i < n_raw; i++)
    {
      const RawSentence *r = &sc->raw[i];
      sents[i] = (EvlSentence) {
        { tk[r->first].span.start, tk[r->first + r->n - 1].span.end },
        r->first, r->n, r->paragraph, heading[i], furniture[i],
      };
      /* The tokens' sentence indices are set (index_tokens()). */
      if (r->n > 0)
        tk[r->first].flags |= EVL_TOKEN_SENT_START;
    }
  /* Sentences cover every token in order: the sentences go in whole,
   * the tokens are already in place (a copy was 1.1 M instructions on
   * the 400 small documents). */
  evl_document_add_sentences (doc, sents, n_raw);
  evl_document_token_commit (doc, s.n_tk);
}
