/* Timex scanner: one pass over each sentence.
 *
 * The sentence is cut into word units (our own, finer than the
 * segmenter's tokens, so '1950-53', 'third-quarter' and 'mid-1990s' split
 * at the hyphen and "year's" loses its 's).  Units that may belong to a
 * temporal expression are classified once with the lexicons behind a
 * bloom filter, so ordinary words cost one hash.  At each candidate unit
 * the grammar in timex-grammar.c tries its patterns and keeps the longest
 * match; the match is normalised (timex-normalize.c) and appended. */
#include "timex-scan.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The lexicons by LEX_*, their names and data paths from one list (the
 * paths were g_strdup_printf()ed 42 times a process, ~40 k instructions) */
#define TX_LEXICONS(X) \
  X ("months") X ("weekdays") X ("numbers") X ("ordinals") X ("time-units") X ("seasons") \
  X ("parts-of-day") X ("holidays") X ("timex-modifiers") X ("timex-cues") \
  X ("timex-deictics") X ("tense-cues") X ("time-zones") X ("timex-context")
#define TX_LEX_NAME(n) "en/" n,
#define TX_LEX_PATH(n) "lexicons/en/" n ".txt",
static const char *const lexicon_names[LEX_N] = { TX_LEXICONS (TX_LEX_NAME) };
static const char *const lexicon_paths[LEX_N] = { TX_LEXICONS (TX_LEX_PATH) };

/* g_ascii_tolower() inlined (a libglib call a byte, ~55 k instructions
 * a process in tx_lex_init()) */
static inline char
ascii_fold (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
}

/* ---- bloom filters over lexicon forms ----
 *
 * Per lexicon, one filter holds every form and one every prefix of a form
 * that ends at a word boundary ('more', 'more than'); 'any' holds the first
 * word of every form of every lexicon.  A word unit is looked up only where
 * a filter says it may be there, so the common word costs one hash. */

guint64
tx_hash (const char *s, gsize n)
{
  guint64 h = TX_HASH_SEED;
  gsize i = 0;
  /* four bytes a turn: the loop's own test and step were as many
   * instructions as the hash's (cache_fill() hashes every new word) */
  for (; i + 4 <= n; i += 4)
    {
      h = tx_hash_step (h, (guchar) s[i]);
      h = tx_hash_step (h, (guchar) s[i + 1]);
      h = tx_hash_step (h, (guchar) s[i + 2]);
      h = tx_hash_step (h, (guchar) s[i + 3]);
    }
  for (; i < n; i++)
    h = tx_hash_step (h, (guchar) s[i]);
  return h;
}

static void
bloom_set (guint64 *bits, guint64 h)
{
  bits[(h & 4095) >> 6] |= G_GUINT64_CONSTANT (1) << (h & 63);
  bits[((h >> 12) & 4095) >> 6] |= G_GUINT64_CONSTANT (1) << ((h >> 12) & 63);
}


/* Folds one form as lookup_multi() builds its keys: lower case, single
 * spaces; the prefix filter gets the form cut before each space, "'" and
 * '-', the 'any' filter its first word. */
static void
bloom_add_form (TxLex *lx, int li, const char *f, gsize n)
{
  char key[128];
  gsize k = 0;
  gboolean first = TRUE;
  while (n > 0 && *f == ' ')
    f++, n--;
  while (n > 0 && (f[n - 1] == ' ' || f[n - 1] == '\r'))
    n--;
  for (gsize i = 0; i < n && k < sizeof key - 1; i++)
    {
      char c = ascii_fold (f[i]);
      if (k > 0 && (c == ' ' || c == '\'' || c == '-'))
        {
          guint64 h = tx_hash (key, k);
          bloom_set (lx->prefix[li], h);
          if (first)
            bloom_set (lx->any, h);
          first = FALSE;
        }
      if (c == ' ' && k > 0 && key[k - 1] == ' ')
        continue;
      key[k++] = c;
    }
  if (k == 0)
    return;
  guint64 h = tx_hash (key, k);
  bloom_set (lx->prefix[li], h);
  bloom_set (lx->form[li], h);
  if (first)
    bloom_set (lx->any, h);
}

/* Same format as lexicon/context.c parses: forms before the first TAB,
 * split at '|'. */
static void
bloom_add_file (TxLex *lx, int li, GBytes *bytes)
{
  gsize len;
  const char *d = g_bytes_get_data (bytes, &len);
  const char *end = d + len;
  while (d < end)
    {
      const char *nl = memchr (d, '\n', (gsize) (end - d));
      const char *le = nl ? nl : end;
      const char *tab = memchr (d, '\t', (gsize) (le - d));
      const char *fe = tab ? tab : le;
      if (d < fe && *d != '#')
        for (const char *f = d; f < fe;)
          {
            const char *bar = memchr (f, '|', (gsize) (fe - f));
            const char *ve = bar ? bar : fe;
            bloom_add_form (lx, li, f, (gsize) (ve - f));
            f = bar ? bar + 1 : fe;
          }
      d = nl ? nl + 1 : end;
    }
}

static const EvlLexEntry *
lookup1 (const TxLex *lx, int li, const char *k, gssize n, guint64 h)
{
  if (!tx_bloom_has (lx->form[li], h))
    return NULL;
  return evl_lexicon_lookup (lx->lex[li], k, n);
}

/* The start classes of a word that passed the start_word filter. */
static guint32
start_bits (const char *k, gsize n)
{
  if (n == 3 && memcmp (k, "the", 3) == 0)
    return S_THE;
  if ((n == 1 && k[0] == 'a') || (n == 2 && memcmp (k, "an", 2) == 0))
    return S_A;
  if (n == 4 && memcmp (k, "that", 4) == 0)
    return S_THAT;
  return S_LIT;
}

/* The classes S_QUARTER and S_CENTURY of a word unit's folded text @k:
 * the words p_quarter() and p_century() compare the unit their match
 * ends on with.  Any word may have them, candidate or not ('half' is
 * in no lexicon); a candidate's other classes decide what it starts. */
G_ALWAYS_INLINE static inline guint32
literal_bits (const char *k, gsize n)
{
  /* by the first letter: most words are out at once */
  switch (k[0])
    {
    case 'c':
      return n == 7 && memcmp (k, "century", 7) == 0 ? S_CENTURY : 0;
    case 'f':
      /* 'FY2023', 'FY23' */
      return (n == 4 || n == 6) && k[1] == 'y' && g_ascii_isdigit (k[2]) && g_ascii_isdigit (k[3])
             && (n == 4 || (g_ascii_isdigit (k[4]) && g_ascii_isdigit (k[5]))) ? S_PERIOD : 0;
    case 'h':
      if (n == 2)
        return k[1] == '1' || k[1] == '2' ? S_PERIOD : 0; /* 'H1' */
      return (n == 4 && memcmp (k, "half", 4) == 0) || (n == 9 && memcmp (k, "half-year", 9) == 0)
             ? S_QUARTER : 0;
    case '1': case '2': case '3': case '4':
      /* '3Q23', '1H2024', '4Q', '1H' before a year (unit_other() cut
       * them as one word, and a bare '2H', a pencil's grade, not) */
      return (k[1] == 'q' || (k[1] == 'h' && k[0] <= '2')) && (n == 2 || n == 4 || n == 6) ? S_PERIOD : 0;
    case 'q':
      if (n == 2)
        return k[1] >= '1' && k[1] <= '4' ? S_PERIOD : 0; /* 'Q3' */
      return (n == 7 && memcmp (k, "quarter", 7) == 0) || (n == 8 && memcmp (k, "quarters", 8) == 0)
             ? S_QUARTER : 0;
    default:
      return 0;
    }
}

/* Everything classify() derives from a candidate word's folded text @k
 * (@n bytes, tx_hash() @h): its lexicon entries through the filters,
 * whether it is temporal by itself, its start classes. */
static void
word_info (const TxLex *lx, const char *k, gsize n, guint64 h, TxWordInfo *w)
{
  memset (w, 0, sizeof *w);
  w->month = lookup1 (lx, LEX_MONTHS, k, (gssize) n, h);
  w->wday = lookup1 (lx, LEX_WEEKDAYS, k, (gssize) n, h);
  w->number = lookup1 (lx, LEX_NUMBERS, k, (gssize) n, h);
  w->ordinal = lookup1 (lx, LEX_ORDINALS, k, (gssize) n, h);
  w->unit = lookup1 (lx, LEX_UNITS, k, (gssize) n, h);
  w->season = lookup1 (lx, LEX_SEASONS, k, (gssize) n, h);
  w->pod = lookup1 (lx, LEX_PODS, k, (gssize) n, h);
  w->cue = lookup1 (lx, LEX_CUES, k, (gssize) n, h);
  w->tense = lookup1 (lx, LEX_TENSE, k, (gssize) n, h);
  static const int alone[TX_ALONE_N] = { [TX_ALONE_MODS] = LEX_MODS, [TX_ALONE_DEICTICS] = LEX_DEICTICS,
                                         [TX_ALONE_HOLIDAYS] = LEX_HOLIDAYS };
  for (int a = 0; a < TX_ALONE_N; a++)
    w->alone[a] = lx->lex[alone[a]] ? lookup1 (lx, alone[a], k, (gssize) n, h) : NULL;
  w->lexical = w->month || w->wday || w->number || w->ordinal || w->unit || w->season
               || w->pod || w->cue || tx_bloom_has (lx->form[LEX_HOLIDAYS], h)
               || tx_bloom_has (lx->form[LEX_DEICTICS], h) || tx_bloom_has (lx->form[LEX_MODS], h);
  if (w->number)
    {
      static const char *const kinds[] = { "unit", "teen", "tens", "scale", "dozen", "vague", "couple" };
      const char *kind = w->number->n_attrs > 1 ? w->number->attrs[1] : "";
      w->nkind = NK_OTHER;
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (strcmp (kind, kinds[i]) == 0)
          w->nkind = (guint8) (NK_UNIT + i);
      w->nval = g_ascii_strtod (w->number->n_attrs > 0 ? w->number->attrs[0] : "", NULL);
    }
  guint32 c = S_CAND | (w->month ? S_MONTH : 0) | (w->wday ? S_WDAY : 0) | (w->number ? S_NUMBER : 0)
              | (w->ordinal ? S_ORD : 0) | (w->unit ? S_UNIT : 0) | (w->season ? S_SEASON : 0)
              | (w->pod ? S_POD : 0) | (w->cue ? S_CUE : 0);
  if (w->cue && w->cue->n_attrs > 0 && strcmp (w->cue->attrs[0], "shift") == 0)
    c |= S_SHIFT;
  /* lookup_multi() stops at once where the prefix filter lacks the first
   * word: these tell the grammar which multi-word lexicons can match */
  if (lx->lex[LEX_MODS] && tx_bloom_has (lx->prefix[LEX_MODS], h))
    c |= S_MODS;
  if (lx->lex[LEX_DEICTICS] && tx_bloom_has (lx->prefix[LEX_DEICTICS], h))
    c |= S_DEI;
  if (lx->lex[LEX_HOLIDAYS] && tx_bloom_has (lx->prefix[LEX_HOLIDAYS], h))
    c |= S_HOL;
  if (tx_bloom_has (lx->start_word, h))
    c |= start_bits (k, n);
  w->sc = c | literal_bits (k, n);
  if (w->sc & S_PERIOD)
    w->lexical = TRUE;
}

static const TxWordRec *
word_find (const TxLex *lx, const char *k, gsize n, guint64 h)
{
  for (guint32 i = (guint32) h & lx->mask; lx->slot_rec[i]; i = (i + 1) & lx->mask)
    if (lx->slot_h[i] == h)
      {
        const TxWordRec *r = &lx->recs[lx->slot_rec[i] - 1];
        if (r->len == n && memcmp (r->key, k, n) == 0)
          return r;
      }
  return NULL;
}

/* Adds @k (folded, @n bytes) to the word table when it is a candidate
 * that fits a unit and is not there yet. */
static void
word_add (TxLex *lx, const char *k, gsize n)
{
  guint64 h = tx_hash (k, n);
  if (!tx_bloom_has (lx->any, h) || word_find (lx, k, n, h))
    return;
  TxWordRec *r = &lx->recs[lx->n_recs++];
  memcpy (r->key, k, n);
  r->key[n] = '\0';
  r->len = (guint8) n;
  word_info (lx, r->key, n, h, &r->info);
  guint32 i = (guint32) h & lx->mask;
  while (lx->slot_rec[i])
    i = (i + 1) & lx->mask;
  lx->slot_h[i] = h;
  lx->slot_rec[i] = lx->n_recs;
}

/* A word for the table when it fits a record: counted in *@count
 * (a bound on the records), or without @count added (word_add()). */
static void
word_collect (TxLex *lx, guint *count, const char *k, gsize n)
{
  if (n > 0 && n < sizeof ((TxWordRec *) NULL)->key)
    {
      if (count)
        (*count)++;
      else
        word_add (lx, k, n);
    }
}

/* word_collect() for every word of every form of @bytes (lexicon
 * format) folded as bloom_add_form() folds: the runs between spaces and
 * hyphens, which a word unit can be, and their parts before an
 * apostrophe. */
static void
words_collect_file (TxLex *lx, guint *count, GBytes *bytes)
{
  gsize len;
  const char *d = g_bytes_get_data (bytes, &len);
  const char *end = d + len;
  char key[128];
  while (d < end)
    {
      const char *nl = memchr (d, '\n', (gsize) (end - d));
      const char *le = nl ? nl : end;
      const char *tab = memchr (d, '\t', (gsize) (le - d));
      const char *fe = tab ? tab : le;
      gsize k = 0;
      if (d < fe && *d != '#')
        for (const char *c = d; c <= fe; c++)
          {
            char lc = c < fe ? ascii_fold (*c) : '|';
            if (lc == '\'')
              word_collect (lx, count, key, k);
            if (lc == ' ' || lc == '-' || lc == '\r' || lc == '|' || k == sizeof key - 1)
              {
                word_collect (lx, count, key, k);
                k = 0;
                continue;
              }
            key[k++] = lc;
          }
      d = nl ? nl + 1 : end;
    }
}

void
tx_lex_init (TxLex *lx, const EvlContext *ctx)
{
  memset (lx, 0, sizeof *lx);
  for (int i = 0; i < LEX_N; i++)
    {
      lx->lex[i] = evl_context_get_lexicon (ctx, lexicon_names[i]);
      GBytes *b = evl_context_get_data (ctx, lexicon_paths[i]);
      /* context words never start an expression: not candidates */
      if (b && i != LEX_CONTEXT)
        bloom_add_file (lx, i, b);
    }
  static const char *const extra[] = { "the", "a", "an", "that", "every", "each",
                                       "once", "twice", "thrice", "fiscal", "comparable",
                                       "corresponding", "same", "full", "recent", "additional", "extra", "other",
                                       /* 'the back half of the year', 'calendar 2026',
                                        * 'half an hour', 'the most recent quarter', 'the final week of May' */
                                       "back", "calendar", "half", "most", "final" };
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    bloom_set (lx->any, tx_hash (extra[i], strlen (extra[i])));
  /* Every word a pattern of timex-grammar.c compares with the unit it
   * starts at, with is (s, i, ...) or through j == i.  A candidate word
   * that is none of these and has no lexicon class of its own can only
   * start a multi-word lexicon form (starts_phrase() in scan_span()). */
  static const char *const start[] = { "the", "a", "an", "that", "fiscal", "final", "first", "last",
                                       "recent", "comparable", "corresponding", "same", "year-ago",
                                       "year-earlier", "year", "once", "twice", "thrice", "every",
                                       "each", "latter", "back", "calendar", "half", "most" };
  for (guint i = 0; i < G_N_ELEMENTS (start); i++)
    bloom_set (lx->start_word, tx_hash (start[i], strlen (start[i])));
  /* The word table: a few hundred words; a record for each is exactly
   * what classify() would compute, so a unit found there skips it.
   * Words it misses (filter false positives) take word_info().  Two
   * passes over the words: the first counts them (repeats too, a bound
   * on the records), the second adds each new candidate (word_add()
   * skips the others).  The records' order decides no lookup: a table
   * of GHashTable keys sorted first was ~0.5 M instructions more a
   * process. */
  guint n = 0;
  for (int pass = 0; pass < 2; pass++)
    {
      guint *count = pass == 0 ? &n : NULL;
      for (int i = 0; i < LEX_N; i++)
        {
          GBytes *b = evl_context_get_data (ctx, lexicon_paths[i]);
          if (b && i != LEX_CONTEXT)
            words_collect_file (lx, count, b);
        }
      for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
        word_collect (lx, count, extra[i], strlen (extra[i]));
      for (guint i = 0; i < G_N_ELEMENTS (start); i++)
        word_collect (lx, count, start[i], strlen (start[i]));
      if (pass == 0)
        {
          guint slots = 8;
          while (slots < 2 * n)
            slots <<= 1;
          lx->mask = slots - 1;
          /* unzeroed: a slot's hash and the records past n_recs are
           * read only once written (~50 k instructions of clearing) */
          lx->slot_h = g_new (guint64, slots);
          lx->slot_rec = g_new0 (guint32, slots);
          lx->recs = g_new (TxWordRec, MAX (n, 1));
        }
    }
  static gint serial;
  lx->serial = (guint64) g_atomic_int_add (&serial, 1) + 1;
}

void
tx_lex_clear (TxLex *lx)
{
  g_clear_pointer (&lx->slot_h, g_free);
  g_clear_pointer (&lx->slot_rec, g_free);
  g_clear_pointer (&lx->recs, g_free);
}

/* ---- word units ---- */

static inline gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of a UTF-8 apostrophe (' or U+2019) at @p, else 0. */
static inline int
apostrophe (const char *p, const char *end)
{
  if (*p == '\'')
    return 1;
  if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80
      && ((guchar) p[2] == 0x99 || (guchar) p[2] == 0x98))
    return 3;
  return 0;
}

static inline gboolean
is_letter (const char *p, const char *end)
{
  guchar c = (guchar) *p;
  if (g_ascii_isalpha (c))
    return TRUE;
  if (c < 0x80)
    return FALSE;
  /* U+2000..U+206F (general punctuation) and U+00A0 are not letters. */
  if (c == 0xE2 && end - p >= 2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x81)
    return FALSE;
  if (c == 0xC2 && end - p >= 2 && (guchar) p[1] <= 0xBF)
    return FALSE;
  return TRUE;
}

/* Clitics split off a word as their own unit (Penn style). */
static gsize
clitic_len (const char *p, const char *end)
{
  int a = apostrophe (p, end);
  if (!a)
    return 0;
  const char *q = p + a;
  gsize n = 0;
  /* no clitic has three letters: a longer run is none */
  while (n < 3 && q + n < end && g_ascii_isalpha (q[n]))
    n++;
  if (n == 0 || n == 3 || (q + n < end && is_letter (q + n, end)))
    return 0;
  /* 's 'll 're 've 'd 'm, any case: ASCII letters fold with | 0x20
   * (g_ascii_strncasecmp() against each was ~30 instructions a call) */
  guchar c0 = (guchar) (q[0] | 0x20);
  if (n == 1)
    return c0 == 's' || c0 == 'd' || c0 == 'm' ? (gsize) a + 1 : 0;
  guchar c1 = (guchar) (q[1] | 0x20);
  if ((c0 == 'l' && c1 == 'l') || (c0 == 'r' && c1 == 'e') || (c0 == 'v' && c1 == 'e'))
    return (gsize) a + 2;
  return 0;
}

/* Folds [p, e) into u->low (ASCII lower case, a typographic apostrophe
 * as "'") and returns the tx_hash() of the folded text. */
static guint64
unit_fold (TxUnit *u, const char *p, const char *e)
{
  guint64 h = TX_HASH_SEED;
  gsize k = 0;
  while (p < e && k < sizeof u->low - 1)
    {
      guchar c = (guchar) *p;
      int a = c == 0xE2 ? apostrophe (p, e) : 0;
      if (a)
        {
          c = '\'';
          p += a;
        }
      else
        {
          if (c >= 'A' && c <= 'Z')
            c = (guchar) (c + ('a' - 'A'));
          p++;
        }
      u->low[k++] = (char) c;
      h ^= c;
      h *= 1099511628211ULL;
    }
  u->low[k] = '\0';
  u->len = (guint8) k;
  return h;
}

static inline gboolean
suffix_is (const TxUnit *u, char a, char b)
{
  return u->suffix[0] == a && u->suffix[1] == b && u->suffix[2] == '\0';
}

/* The start classes of a number unit: the first tests of the number
 * parsers (number_at(), ordinal_at(), year_like(), day_number(),
 * p_year(), p_time(), p_numeric_date()) made once.  A plain run of
 * digits (num >= 0, no apostrophe) has no ':', '/' or '.'. */
static guint32
number_bits (const TxUnit *u)
{
  guint32 c = S_NUM;
  gboolean colon = FALSE, slash = FALSE, dot = FALSE;
  if (u->num < 0 || u->apos)
    for (const char *k = u->low; *k; k++)
      {
        colon |= *k == ':';
        slash |= *k == '/';
        dot |= *k == '.';
      }
  gboolean ord = suffix_is (u, 's', 't') || suffix_is (u, 'n', 'd') || suffix_is (u, 'r', 'd')
                 || suffix_is (u, 't', 'h');
  gboolean year = u->ndig == 4 && u->num >= 1000 && u->num <= 2099 && !u->suffix[0];
  if (!u->suffix[0] && !u->apos && !colon && !slash)
    c |= S_CARD;
  if (u->num > 0 && ord)
    c |= S_NUMORD;
  if (year)
    c |= S_YEAR | S_YEARISH;
  if ((u->ndig == 4 && suffix_is (u, 's', '\0')) || (u->apos && u->ndig == 2))
    c |= S_YEARISH;
  if (u->num >= 1 && u->num <= 31 && u->ndig <= 2 && !u->apos && (!u->suffix[0] || ord))
    c |= S_DAY;
  int hh, mm;
  if ((colon && !slash && !dot) || (dot && tx_dot_clock (u, &hh, &mm)))
    c |= S_CLOCK;
  if (u->ndig <= 2 && u->num >= 0 && u->num <= 12 && !u->apos
      && (!u->suffix[0] || suffix_is (u, 'a', 'm') || suffix_is (u, 'p', 'm')))
    c |= S_HOUR;
  if (slash)
    c |= S_SLASH;
  return c;
}

const TxWordInfo tx_no_word;

/* A word that names a period by a letter and digits ('Q3', 'FY2023'):
 * in no lexicon, so no candidate by the filters, but temporal alone. */
static const TxWordInfo tx_period_word = { .sc = S_PERIOD, .lexical = TRUE };

/* Makes @u, no candidate word, one when literal_bits() found it a
 * period code; a test of a bit for any other word. */
static inline void
period_code_unit (TxUnit *u)
{
  if (G_UNLIKELY (u->sc & S_PERIOD))
    {
      u->wi = &tx_period_word;
      u->cand = u->hot = TRUE;
    }
}

/* @h: tx_hash() of u->low; @u's header is zero but for its text */
static void
classify_unit (const TxLex *lx, TxUnit *u, guint64 h)
{
  u->wi = &tx_no_word;
  if (u->kind != U_WORD)
    {
      if (u->kind == U_NUM)
        {
          u->sc = number_bits (u);
          u->hot = TRUE;
        }
      return;
    }
  /* set on every word: the grammar tests it at inner units too */
  u->start_word = tx_bloom_has (lx->start_word, h);
  if (!tx_bloom_has (lx->any, h))
    {
      if (u->start_word)
        u->sc = start_bits (u->low, u->len);
      u->sc |= literal_bits (u->low, u->len);
      period_code_unit (u);
      return;
    }
  u->cand = u->hot = TRUE;
  const TxWordRec *r = word_find (lx, u->low, u->len, h);
  if (r)
    u->wi = &r->info;
  else
    {
      word_info (lx, u->low, u->len, h, &u->own);
      u->wi = &u->own;
      u->fp = TRUE;
    }
  u->sc = u->wi->sc;
}

static void
classify (const TxLex *lx, TxUnit *u, guint64 h)
{
  classify_unit (lx, u, h);
  u->stop = tx_unit_stop (u);
  u->rare = u->fp || (u->sc & TX_NEED_CLASSES);
}

/* ASCII letters and digits folded to lower case, 0 for any other byte:
 * the common word's loop in tx_units() is one load and test a byte. */
static const guchar alnum_fold[256] = {
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
   48,  49,  50,  51,  52,  53,  54,  55,  56,  57,   0,   0,   0,   0,   0,   0,
    0,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
  112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,   0,   0,   0,   0,   0,
    0,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
  112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
};

/* The index of the lowest byte of @bits (not 0) with its high bit set. */
static inline gsize
lowest_byte (guint64 bits)
{
  return tx_lowest_bit (bits) >> 3;
}

static inline guint64
load_le64 (const char *p)
{
  guint64 v;
  memcpy (&v, p, 8);
  return GUINT64_FROM_LE (v);
}

static inline void
store_le64 (char *p, guint64 v)
{
  v = GUINT64_TO_LE (v);
  memcpy (p, &v, 8);
}

/* The shared record of @wc for the classes of the false positive @u
 * (word_info()) when no lexicon has it, else NULL.  Such words took
 * the per-slot records below, and lost them to the next false positive
 * of the same slot: word_info() again for each of their units (1.9 k
 * calls on the 400 small documents). */
static const TxWordInfo *
plain_fp_info (const TxLex *lx, TxWordCache *wc, const TxUnit *u)
{
  TxWordInfo w, plain;
  word_info (lx, u->low, u->len, u->h, &w);
  memset (&plain, 0, sizeof plain);
  plain.sc = w.sc;
  plain.lexical = w.lexical;
  if (memcmp (&plain, &w, sizeof w) != 0)
    return NULL;
  for (guint k = 0; k < wc->n_plain_fp; k++)
    if (wc->plain_fp[k].sc == w.sc && wc->plain_fp[k].lexical == w.lexical)
      return &wc->plain_fp[k];
  if (wc->n_plain_fp == TX_CACHE_PLAIN_FP)
    return NULL;
  wc->plain_fp[wc->n_plain_fp] = plain;
  return &wc->plain_fp[wc->n_plain_fp++];
}

/* cache_fill() for a word that passed the 'any' filter: its classes
 * from the word table or word_info(); stores the image. */
G_GNUC_NO_INLINE static void
cache_fill_cand (const TxLex *lx, TxWordCache *wc, guint32 i, TxUnit *u)
{
  u->cand = u->hot = TRUE;
  const TxWordRec *r = word_find (lx, u->low, u->len, u->h);
  if (r)
    u->wi = &r->info;
  else if ((u->wi = plain_fp_info (lx, wc, u)) != NULL)
    ;
  else
    {
      /* the slot's last owner, if its image still points there,
       * goes back to word_info() each time */
      TxCacheInfo *fp = &wc->fp[i & ((1u << TX_CACHE_FP_BITS) - 1)];
      if (fp->owner)
        {
          guint8 *owner_wi = wc->e[fp->owner - 1].img + (offsetof (TxUnit, wi) - TX_IMG_START);
          const TxWordInfo *was;
          memcpy (&was, owner_wi, sizeof was);
          if (was == &fp->info)
            memset (owner_wi, 0, sizeof was);
        }
      word_info (lx, u->low, u->len, u->h, &fp->info);
      fp->owner = i + 1;
      u->wi = &fp->info;
      u->fp = TRUE;
    }
  u->sc = u->wi->sc;
  u->stop = tx_unit_stop (u);
  u->rare = u->fp || (u->sc & TX_NEED_CLASSES);
  memcpy (wc->e[i].img, (const char *) u + TX_IMG_START, TX_IMG_LEN);
}

/* Fills entry @i of @wc for the plain word whose folded text @u holds
 * (u->low, zero-padded to 24 bytes, and u->len): the unit image of a
 * plain word and what classify() makes of it (@u's fields of the image
 * set on the way; its others are word_unit()'s).  Most words are no
 * candidates: their path makes no call, and saves no registers (~15
 * instructions a miss, 15 k misses on the 400 small documents). */
G_GNUC_NO_INLINE static void
cache_fill (const TxLex *lx, TxWordCache *wc, guint32 i, TxUnit *u)
{
  u->kind = U_WORD;
  u->cand = u->hot = FALSE;
  u->has_val = u->apos = u->ndig = 0;
  memset (u->low + 24, 0, sizeof u->low - 24);
  u->h = tx_hash (u->low, u->len);
  u->start_word = tx_bloom_has (lx->start_word, u->h);
  u->fp = FALSE;
  u->sc = 0;
  u->wi = &tx_no_word;
  if (tx_bloom_has (lx->any, u->h))
    {
      cache_fill_cand (lx, wc, i, u);
      return;
    }
  u->sc = (u->start_word ? start_bits (u->low, u->len) : 0) | literal_bits (u->low, u->len);
  period_code_unit (u);
  u->stop = u->hot;             /* a period code is temporal by itself */
  u->rare = (u->sc & TX_NEED_CLASSES) != 0;
  memcpy (wc->e[i].img, (const char *) u + TX_IMG_START, TX_IMG_LEN);
}

/* How many of the eight bytes of @w (little-endian) from the first
 * are ASCII letters or digits. */
static inline gsize
alnum_run (guint64 w)
{
  guint64 stop = ~evl_swar_alnum (w) & EVL_SWAR_HIGHS;
  return stop ? lowest_byte (stop) : 8;
}

#if defined(__SSE2__)
/* How many of the 16 bytes at @p from the first are ASCII letters or
 * digits (16 when all): one compare per byte class on the vector
 * instead of alnum_run()'s 25 scalar operations per eight bytes
 * (~2 M instructions on the 400 small documents).  Each class is one
 * signed compare: the add maps its first byte to -128, so a byte is in
 * the class when the sum is below -128 + the class size ((x | 0x20) for
 * letters; no other byte, 0x80 and above included, lands there); the
 * mask's high half is zero, so ~mask has a set bit at 16 at the latest
 * (~0.5 M instructions fewer than min/compare on the 400). */
static inline gsize
alnum_run16 (const char *p)
{
  __m128i x = _mm_loadu_si128 ((const __m128i *) (const void *) p);
  __m128i l = _mm_add_epi8 (_mm_or_si128 (x, _mm_set1_epi8 (0x20)), _mm_set1_epi8 ((char) (-128 - 'a')));
  __m128i d = _mm_add_epi8 (x, _mm_set1_epi8 ((char) (-128 - '0')));
  __m128i ok = _mm_or_si128 (_mm_cmplt_epi8 (l, _mm_set1_epi8 (-128 + 26)),
                             _mm_cmplt_epi8 (d, _mm_set1_epi8 (-128 + 10)));
  return tx_lowest_bit (~(guint) _mm_movemask_epi8 (ok));
}
#endif

/* The first @m (< 8) bytes of @w, the rest zero: a mask from a table
 * (a shift by 8 * @m and a subtraction were ~4 instructions a word more) */
static const guint64 low_bytes_mask[8] = {
  0, 0xff, 0xffff, 0xffffff, 0xffffffff, G_GUINT64_CONSTANT (0xffffffffff),
  G_GUINT64_CONSTANT (0xffffffffffff), G_GUINT64_CONSTANT (0xffffffffffffff),
};
#define LOW_BYTES(w, m) ((w) & low_bytes_mask[(m)])

/* Notes @u, a unit of @wc->need_first's span, as the last of its
 * classes of TX_NEED_CLASSES so far. */
static inline void
need_note (TxWordCache *wc, const TxUnit *u)
{
  guint32 c = u->sc & TX_NEED_CLASSES;
  wc->need_mask |= c;
  for (; c; c &= c - 1)
    wc->need_last[tx_lowest_bit (c)] = (gint32) (u - wc->need_first);
}

/* Fills all of @u but its start and end for the plain word of @k
 * bytes at @p (@k0..@k2: its folded text, zero-padded, as
 * little-endian words; @wh: their mix) from the word cache @wc. */
G_ALWAYS_INLINE static inline void
word_unit (const TxLex *lx, TxWordCache *wc, TxUnit *u, const char *p, gsize k, guint64 k0,
           guint64 k1, guint64 k2, guint64 wh, gboolean space, gboolean nl)
{
  guint32 ci = (guint32) ((wh * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - TX_CACHE_BITS));
  TxCacheEntry *ce = &wc->e[ci];
  /* the keys are zero-padded and a word holds no zero byte: equal keys
   * are equal words (an empty entry's key is all zero); a word of fewer
   * than eight bytes ends its first key word with a zero byte, so an
   * entry with the same first key word is as short and its other key
   * words are zero too (~0.6 M instructions on the 400 small documents) */
  const guint8 *key = ce->img + TX_IMG_LOW;
  if (load_le64 ((const char *) key) != k0
      || (k >= 8 && ((load_le64 ((const char *) key + 8) ^ k1)
                     | (load_le64 ((const char *) key + 16) ^ k2)) != 0))
    {
      store_le64 (u->low, k0);
      store_le64 (u->low + 8, k1);
      store_le64 (u->low + 16, k2);
      u->len = (guint8) k;
      cache_fill (lx, wc, ci, u);
    }
  /* the unit from the image: one copy instead of a memset() and a
   * store a field (~25 instructions a word) */
  memcpy ((char *) u + TX_IMG_START, ce->img, TX_IMG_LEN);
  u->space = (guint8) space;
  u->nl = (guint8) nl;
  u->cap = (guint) (*p - 'A') < 26;
  u->num = -1;
  memset (u->suffix, 0, sizeof u->suffix);
  if (G_UNLIKELY (u->rare))
    {
      /* a word the word table lacks: its own copy of the classes, which
       * the cache's next fill of the slot may overwrite */
      if (u->fp)
        {
          if (u->wi)
            u->own = *u->wi;
          else
            word_info (lx, u->low, u->len, u->h, &u->own);
          u->wi = &u->own;
        }
      need_note (wc, u);
    }
}

/* What the byte after a plain word's letters and digits asks of
 * plain_end(): nothing (0) for most ASCII bytes. */
enum { END_SLOW = 1, END_DOT = 2, END_APOS = 3 };   /* '.' '\'' 0x80-0xFF */
static const guint8 word_end_test[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 2, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* @k0..@k2: the first @k (< 24) letters and digits at @p folded,
 * zero-padded, as little-endian words; returns their mix (the word
 * cache's hash). */
G_ALWAYS_INLINE static inline guint64
plain_keys (const char *p, gsize k, guint64 *k0, guint64 *k1, guint64 *k2)
{
  const guint64 lower = EVL_SWAR_ONES * 0x20;    /* folds letters, keeps digits */
  *k0 = load_le64 (p) | lower;
  *k1 = *k2 = 0;
  if (k < 8)
    {
      *k0 = LOW_BYTES (*k0, k);
      return *k0;
    }
  *k1 = load_le64 (p + 8) | lower;
  if (k < 16)
    *k1 = LOW_BYTES (*k1, k - 8);
  else
    *k2 = LOW_BYTES (load_le64 (p + 16) | lower, k - 16);
  return *k0 ^ ((*k1 << 17) | (*k1 >> 47)) ^ ((*k2 << 41) | (*k2 >> 23));
}

/* Whether the byte @c after the @k letters and digits at @p ends a
 * plain word: an ASCII byte does, but for a '.' after a single letter
 * (tx_units() goes on in a chain: 'U.S.', 'a.m.') and a ' that is no
 * clitic and goes on with a letter ("o'clock").  A table load and test
 * for most bytes instead of three compares (~0.2 M instructions on the
 * 400 small documents). */
G_ALWAYS_INLINE static inline gboolean
plain_end (const char *p, gsize k, const char *e)
{
  guint8 t = word_end_test[(guchar) p[k]];
  return !G_UNLIKELY (t)
         || !(t == END_SLOW || (t == END_DOT && k < 2)
              || (t == END_APOS && !clitic_len (p + k, e) && p + k + 1 < e && is_letter (p + k + 1, e)));
}

/* How many of the 24 bytes at @p (all readable) from the first are
 * ASCII letters or digits. */
G_ALWAYS_INLINE static inline gsize
alnum_run24 (const char *p)
{
  gsize k;
#if defined(__SSE2__)
  k = alnum_run16 (p);
#else
  k = alnum_run (load_le64 (p));
  if (k == 8)
    k += alnum_run (load_le64 (p + 8));
#endif
  if (k == 16)
    k += alnum_run (load_le64 (p + 16));
  return k;
}

/* The unit of the plain word of @k bytes at @p (plain_word()); returns
 * its end. */
G_ALWAYS_INLINE static inline const char *
plain_word_fill (const TxLex *lx, TxWordCache *wc, TxUnit *u, const char *p, gsize k,
                 gboolean space, gboolean nl)
{
  guint64 k0, k1, k2, wh = plain_keys (p, k, &k0, &k1, &k2);
  word_unit (lx, wc, u, p, k, k0, k1, k2, wh, space, nl);
  return p + k;
}

/* plain_word() for a word of 16 letters and digits or more (24 bytes
 * readable: its first 16 bytes lie before the text's NUL, and 15 zero
 * bytes follow that, document.c). */
G_GNUC_NO_INLINE static const char *
plain_word_long (const TxLex *lx, TxWordCache *wc, TxUnit *u, const char *p, const char *e,
                 gboolean space, gboolean nl)
{
  gsize k = alnum_run24 (p);
  if (p + k >= e)
    {
      if (e - p >= 24)
        return NULL;            /* k is 24: too long */
      k = (gsize) (e - p);
    }
  else if (k == 24 || !plain_end (p, k, e))
    return NULL;
  return plain_word_fill (lx, wc, u, p, k, space, nl);
}

/* A plain word at @p (an ASCII letter, 16 bytes of text readable: the
 * text ends in 16 zero bytes, document.c): fewer than 24 ASCII letters
 * and digits, then a byte that ends it (plain_end()) or the span's end
 * @e.  Fills all of @u but its start and end from the word cache @wc
 * (@space, @nl: white space and a line break before it) and returns
 * the word's end, or NULL for any other word (left to tx_units(), @u
 * untouched).  @body: @p lies 16 bytes or more before @e, so a word of
 * fewer than 16 ends before it.  (Sentence-final words and "Korea's"
 * took the long way, ~0.9 M instructions on the 400 small
 * documents.) */
G_ALWAYS_INLINE static inline const char *
plain_word (const TxLex *lx, TxWordCache *wc, TxUnit *u, const char *p, const char *e,
            gboolean space, gboolean nl, const gboolean body)
{
  /* with 24 bytes readable, letters and digits are counted past the
   * span's end and cut there: a paragraph's last words ('said.',
   * 'Thursday.') need not take tx_units()' long way, nor a call (they
   * took one out of line, ~120 instructions a word, 13 k words on the
   * 400 small documents).  Under 16 letters and digits (all but a few
   * words) the cut leaves fewer than 24 and the count needs no test
   * for 24 (~0.2 M instructions). */
#if defined(__SSE2__)
  gsize k = alnum_run16 (p);
#else
  gsize k = alnum_run (load_le64 (p));
  if (k == 8)
    k += alnum_run (load_le64 (p + 8));
#endif
  if (G_UNLIKELY (k == 16))
    return plain_word_long (lx, wc, u, p, e, space, nl);
  if (!body && G_UNLIKELY (p + k >= e))
    k = (gsize) (e - p);
  else if (!plain_end (p, k, e))
    return NULL;
  return plain_word_fill (lx, wc, u, p, k, space, nl);
}

TxWordCache *
tx_word_cache_new (void)
{
  /* g_malloc0() of a block this large maps fresh zero pages, where
   * g_aligned_alloc0() cleared them (~0.6 M instructions a thread) */
  gpointer mem = g_malloc0 (sizeof (TxWordCache) + G_ALIGNOF (TxWordCache));
  guintptr a = G_ALIGNOF (TxWordCache);
  TxWordCache *wc = (TxWordCache *) (((guintptr) mem + a - 1) & ~(a - 1));
  wc->mem = mem;
  return wc;
}

void
tx_word_cache_free (TxWordCache *wc)
{
  if (wc)
    g_free (wc->mem);
}

void
tx_unit_buf_free (TxUnitBuf *b)
{
  if (b)
    {
      g_free (b->u);
      g_free (b->kept_text);
      g_free (b->spans);
    }
  g_free (b);
}

/* Room for @cap units in @b, rounded up to a power of two. */
static TxUnit *
unit_buf_reserve (TxUnitBuf *b, guint cap)
{
  if (cap > b->cap)
    {
      guint c = 64;
      while (c < cap)
        c *= 2;
      b->u = g_renew (TxUnit, b->u, c);
      b->cap = c;
    }
  return b->u;
}

/* After the units [@u, @e) have moved: a unit that points to its own
 * classes points there again. */
static void
unit_buf_own_again (TxUnit *u, TxUnit *e)
{
  for (; u < e; u++)
    if (u->fp)
      u->wi = &u->own;
}

/* The bytes that are a unit by themselves with nothing to fold nor
 * look up: ASCII but for letters, digits, white space and "'" (no
 * clitic, number or letter starts there).  Tested before the
 * general path's zeroing of the unit and its number, apostrophe and
 * letter tests (~0.3 M instructions on the 400 small documents). */
static const guint8 ascii_punct[128] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
  1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
  1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
};

/* The unit at @p (< @e) that is no plain word, ASCII punctuation nor
 * white space, into @u: a number, a word with a clitic, an apostrophe,
 * a dot or bytes past ASCII (the general path, out of tx_units()' loop:
 * ~4 k units of the 127 k on the 400 small documents); returns its end. */
G_GNUC_NO_INLINE static const char *
unit_other (const TxLex *lx, TxUnit *u, const char *p, const char *e, gboolean space, gboolean nl)
{
  guchar c = (guchar) *p;
  gboolean alpha = (guchar) ((c | 0x20) - 'a') < 26;
  const char *q;
  /* classify() sets u->wi; u->val is read only when u->has_val */
  memset (u, 0, offsetof (TxUnit, val));
  u->space = space;
  u->nl = nl;
  u->num = -1;
  q = p;
  guint64 h = 0;
  /* the number tests below cannot hold for an ASCII letter: it
   * skips them */
  if (!alpha && (g_ascii_isdigit (c) || (apostrophe (p, e) && p + apostrophe (p, e) + 1 < e
                              && g_ascii_isdigit (p[apostrophe (p, e)])
                              && g_ascii_isdigit (p[apostrophe (p, e) + 1])
                              && (p + apostrophe (p, e) + 2 >= e
                                  || !g_ascii_isdigit (p[apostrophe (p, e) + 2])))))
    {
      u->kind = U_NUM;
      gboolean apos = !g_ascii_isdigit (c);
      if (apos)
        q += apostrophe (p, e);
      const char *ds = q;
      while (q < e && g_ascii_isdigit (*q))
        q++;
      /* '3Q23', '1H2024', '4Q': a quarter or half (and its year), as
       * analysts and company releases write them; one word unit
       * (literal_bits() makes it a period code), not a number and a
       * word 'Q23' */
      if (!apos && q - ds == 1 && *ds >= '1' && *ds <= '4' && q < e && (*q == 'Q' || *q == 'H'))
        {
          const char *r = q + 1;
          while (r < e && g_ascii_isdigit (*r) && r - q <= 5)
            r++;
          gsize nd = (gsize) (r - q - 1);
          /* '1H 2024': a bare '2H' is a pencil's grade, but not before
           * a year */
          gboolean half_year = nd == 0 && *q == 'H' && *ds <= '2' && e - r >= 5 && *r == ' '
                               && g_ascii_isdigit (r[1]) && g_ascii_isdigit (r[2]) && g_ascii_isdigit (r[3])
                               && g_ascii_isdigit (r[4]) && (e - r == 5 || !g_ascii_isdigit (r[5]));
          if (((nd == 0 && *q == 'Q') || half_year || nd == 2 || nd == 4)
              && (r == e || !(is_letter (r, e) || g_ascii_isdigit (*r))))
            {
              u->kind = U_WORD;
              u->cap = TRUE;
              q = r;
              h = unit_fold (u, p, q);
              goto folded;
            }
        }
      gboolean plain = TRUE;
      if (q - ds <= 9)
        {
          u->num = 0;
          for (const char *d = ds; d < q; d++)
            u->num = u->num * 10 + (*d - '0');
          u->ndig = (guint8) (q - ds);
        }
      while (!apos && q + 1 < e && (*q == ',' || *q == '.' || *q == ':' || *q == '/')
             && g_ascii_isdigit (q[1]))
        {
          plain = FALSE;
          q++;
          while (q < e && g_ascii_isdigit (*q))
            q++;
        }
      const char *sf = q;
      while (q < e && g_ascii_isalpha (*q) && q - sf < 3)
        q++;
      gsize sl = (gsize) (q - sf);
      if (sl > 2 || (q < e && is_letter (q, e)))
        q = sf; /* '10am', 'A4' style: not a suffix we know */
      else if (sl > 0)
        {
          memcpy (u->suffix, sf, sl);
          u->suffix[0] = g_ascii_tolower (u->suffix[0]);
          if (sl > 1)
            u->suffix[1] = g_ascii_tolower (u->suffix[1]);
          if (strcmp (u->suffix, "s") && strcmp (u->suffix, "st") && strcmp (u->suffix, "nd")
              && strcmp (u->suffix, "rd") && strcmp (u->suffix, "th")
              && strcmp (u->suffix, "am") && strcmp (u->suffix, "pm"))
            {
              q = sf;
              u->suffix[0] = u->suffix[1] = '\0';
            }
        }
      if (!plain)
        u->num = -1;
      u->apos = apos;
      h = unit_fold (u, p, q);
    }
  else if (alpha || is_letter (p, e))
    {
      u->kind = U_WORD;
      u->cap = (guint) (c - 'A') < 26;
      q = p;
      const char *seg = q;
      /* the common word, ASCII letters and digits up to a space or
       * punctuation, is folded and hashed as it is read; any other
       * goes on below and through unit_fold() */
      guint64 fh = TX_HASH_SEED;
      const char *lim = e - q > (gssize) sizeof u->low - 1 ? q + sizeof u->low - 1 : e;
      guchar lc;
      while (q < lim && (lc = alnum_fold[(guchar) *q]) != 0)
        {
          u->low[q - p] = (char) lc;
          fh ^= lc;
          fh *= 1099511628211ULL;
          q++;
        }
      gsize k = (gsize) (q - p);
      if (q == lim)
        while (q < e && g_ascii_isalnum (*q))
          q++;
      if (q == e || ((guchar) *q < 0x80 && *q != '\'' && *q != '.'))
        {
          u->low[k] = '\0';
          u->len = (guint8) k;
          h = fh;
          goto folded;
        }
      while (q < e)
        {
          if (is_letter (q, e) || g_ascii_isdigit (*q))
            {
              q += ((guchar) *q >= 0xC0) ? (((guchar) *q >= 0xE0) ? (((guchar) *q >= 0xF0) ? 4 : 3) : 2) : 1;
              continue;
            }
          if (clitic_len (q, e))
            break;
          int a = apostrophe (q, e);
          if (a && q + a < e && is_letter (q + a, e))
            {
              q += a;
              continue;
            }
          /* Letter-period chains: a.m., p.m., U.S. */
          if (*q == '.' && q - seg == 1 && q + 1 < e && g_ascii_isalpha (q[1])
              && (q + 2 >= e || q[2] == '.'))
            {
              q++;
              seg = q;
              continue;
            }
          if (*q == '.' && q - seg == 1 && seg > p)
            q++;
          break;
        }
      if (q > e)
        q = e;
      h = unit_fold (u, p, q);
    }
  else
    {
      /* "'" or a byte past ASCII (other ASCII punctuation took
       * unit_at()'s way) */
      gsize cl = clitic_len (p, e);
      u->kind = cl ? U_WORD : U_PUNCT;
      if (cl)
        q = p + cl;
      else if (c >= 0xC0)
        q = p + (c >= 0xE0 ? (c >= 0xF0 ? 4 : 3) : 2);
      else
        q = p + 1;
      if (q > e)
        q = e;
      if (c == 0xE2 && q - p == 3 && (guchar) p[1] == 0x80
          && ((guchar) p[2] == 0x93 || (guchar) p[2] == 0x94))
        {
          u->low[0] = '-';
          u->len = 1;
          h = tx_hash_step (TX_HASH_SEED, '-');
        }
      else
        h = unit_fold (u, p, q);
    }
folded:
  u->h = h;
  classify (lx, u, h);
  return q;
}

/* One turn of tx_units() at @p (< @e): white space passed, or the unit
 * there cut into @u (*@made set); returns where the next turn starts.
 * @body: @p lies 16 bytes or more before @e (plain_word()); tx_units()
 * runs the turns before that without the test for the span's end
 * (~0.3 M instructions on the 400 small documents). */
G_ALWAYS_INLINE static inline const char *
unit_at (const TxLex *lx, TxWordCache *wc, const char *base, const char *p, const char *e,
         TxUnit *u, gboolean *space, gboolean *nl, gboolean *made, const gboolean body)
{
  guchar c = (guchar) *p;
  /* an ASCII letter starts a word: most are plain words, whole from
   * the word cache */
  gboolean alpha = (guchar) ((c | 0x20) - 'a') < 26;
  const char *q;
  if (alpha && (q = plain_word (lx, wc, u, p, e, *space, *nl, body)) != NULL)
    goto classified;
  if (c <= ' ' && is_space (c))
    {
      *space = TRUE;
      if (c == '\n')
        *nl = TRUE;
      *made = FALSE;
      return p + 1;
    }
  if (c == 0xC2 && p + 1 < e && (guchar) p[1] == 0xA0)
    {
      *space = TRUE;
      *made = FALSE;
      return p + 2;
    }
  if (c < 0x80 && ascii_punct[c])
    {
      /* ASCII punctuation: one byte, no clitic, nothing to fold;
       * a zero unit but for these, classify() adding nothing */
      memset (u, 0, offsetof (TxUnit, val));
      u->space = *space;
      u->nl = *nl;
      u->num = -1;
      u->kind = U_PUNCT;
      u->low[0] = (char) c;
      u->len = 1;
      u->h = tx_hash_step (TX_HASH_SEED, c);
      u->wi = &tx_no_word;
      q = p + 1;
    }
  else
    {
      q = unit_other (lx, u, p, e, *space, *nl);
      if (G_UNLIKELY (u->rare))
        need_note (wc, u);
    }
classified:
  u->start = (guint32) (p - base);
  u->end = (guint32) (q - base);
  *made = TRUE;
  *space = *nl = FALSE;
  /* the usual single space between words, without a turn of the
   * loop (~0.4 M instructions on the 400 small documents); the byte at
   * the span's end is readable (the text's NUL at the latest), and a
   * space there ends the turns all the same */
  if (*q == ' ')
    {
      *space = TRUE;
      q++;
    }
  return q;
}

/* Room for one more unit at *@u (before *@ulim) in @out, its array
 * grown when full (@wc's span start moved with it: the span's units
 * from @n0 on). */
G_ALWAYS_INLINE static inline void
unit_room (TxUnitBuf *out, TxWordCache *wc, guint n0, TxUnit **units, TxUnit **u, TxUnit **ulim,
           guint *cap)
{
  if (G_UNLIKELY (*u == *ulim))
    {
      guint used = (guint) (*u - *units);
      *cap *= 2;
      *units = unit_buf_reserve (out, *cap);
      *u = *units + used;
      *ulim = *units + *cap;
      unit_buf_own_again (*units, *u);
      wc->need_first = *units + n0;
    }
}

/* Cuts [start, end) of the text into units appended to @out. */
guint
tx_units (const TxLex *lx, TxWordCache *wc, const char *text, gsize text_len, guint32 start,
          guint32 end, TxUnitBuf *out)
{
  (void) text_len;               /* with the 16 zero bytes after it */
  if (wc->serial != lx->serial)
    {
      /* a new cache (serial 0) comes zeroed (tx_word_cache_new()): its
       * 1 MB need no second pass */
      if (wc->serial != 0)
        {
          memset (wc->e, 0, sizeof wc->e);
          memset (wc->fp, 0, sizeof wc->fp);
          memset (wc->pair, 0, sizeof wc->pair);
        }
      wc->serial = lx->serial;
    }
  const char *base = text;
  const char *p = text + start, *e = text + end;
  gboolean space = TRUE, nl = TRUE, made;
  /* filled in place; about one unit per five bytes of English */
  guint cap = out->n + (end - start) / 4 + 16;
  const TxUnit *was = out->u;
  TxUnit *units = unit_buf_reserve (out, cap);
  /* moved with units of earlier spans in it: a unit that points to its
   * own classes points again */
  if (units != was)
    unit_buf_own_again (units, units + out->n);
  /* the next unit and the end of the room: no counter to keep */
  const guint n0 = out->n;
  TxUnit *u = units + n0, *ulim = units + cap;
  wc->need_first = u;
  wc->need_mask = 0;
  /* a turn makes one unit at most and moves on one byte at least: the
   * turns before @lim, the span's last 16 bytes or the room's end,
   * whichever comes first, need neither test (~0.3 M instructions on
   * the 400 small documents) */
  const char *body = e - p > 16 ? e - 16 : p;
  while (p < body)
    {
      unit_room (out, wc, n0, &units, &u, &ulim, &cap);
      const char *lim = (gsize) (ulim - u) < (gsize) (body - p) ? p + (ulim - u) : body;
      while (p < lim)
        {
          p = unit_at (lx, wc, base, p, e, u, &space, &nl, &made, TRUE);
          u += made;
        }
    }
  while (p < e)
    {
      unit_room (out, wc, n0, &units, &u, &ulim, &cap);
      p = unit_at (lx, wc, base, p, e, u, &space, &nl, &made, FALSE);
      u += made;
    }
  /* room for one unit more: scan_span()'s sentinel */
  unit_room (out, wc, n0, &units, &u, &ulim, &cap);
  out->n = (guint) (u - units);
  out->need_mask = wc->need_mask;
  for (guint32 c = wc->need_mask; c; c &= c - 1)
    out->need_last[tx_lowest_bit (c)] = wc->need_last[tx_lowest_bit (c)];
  return cap;
}
