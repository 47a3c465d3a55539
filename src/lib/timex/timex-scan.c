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

#include <string.h>

static const char *const lexicon_names[LEX_N] = {
  "en/months", "en/weekdays", "en/numbers", "en/ordinals", "en/time-units",
  "en/seasons", "en/parts-of-day", "en/holidays", "en/timex-modifiers",
  "en/timex-cues", "en/timex-deictics", "en/tense-cues", "en/time-zones",
  "en/timex-context",
};

/* ---- bloom filters over lexicon forms ----
 *
 * Per lexicon, one filter holds every form and one every prefix of a form
 * that ends at a word boundary ('more', 'more than'); 'any' holds the first
 * word of every form of every lexicon.  A word unit is looked up only where
 * a filter says it may be there, so the common word costs one hash. */

guint64
tx_hash (const char *s, gsize n)
{
  guint64 h = 1469598103934665603ULL;
  for (gsize i = 0; i < n; i++)
    {
      h ^= (guchar) s[i];
      h *= 1099511628211ULL;
    }
  return h;
}

static void
bloom_set (guint64 *bits, guint64 h)
{
  bits[(h & 4095) >> 6] |= G_GUINT64_CONSTANT (1) << (h & 63);
  bits[((h >> 12) & 4095) >> 6] |= G_GUINT64_CONSTANT (1) << ((h >> 12) & 63);
}

gboolean
tx_bloom_has (const guint64 *bits, guint64 h)
{
  return (bits[(h & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << (h & 63)))
         && (bits[((h >> 12) & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << ((h >> 12) & 63)));
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
      char c = g_ascii_tolower (f[i]);
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

void
tx_lex_init (TxLex *lx, const EvlContext *ctx)
{
  memset (lx, 0, sizeof *lx);
  for (int i = 0; i < LEX_N; i++)
    {
      lx->lex[i] = evl_context_get_lexicon (ctx, lexicon_names[i]);
      g_autofree char *path = g_strdup_printf ("lexicons/%s.txt", lexicon_names[i]);
      GBytes *b = evl_context_get_data (ctx, path);
      /* context words never start an expression: not candidates */
      if (b && i != LEX_CONTEXT)
        bloom_add_file (lx, i, b);
    }
  static const char *const extra[] = { "the", "a", "an", "that", "every", "each",
                                       "once", "twice", "thrice", "fiscal", "comparable",
                                       "corresponding", "same", "full", "recent", "additional", "extra" };
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    bloom_set (lx->any, tx_hash (extra[i], strlen (extra[i])));
  /* Every word a pattern of timex-grammar.c compares with the unit it
   * starts at, with is (s, i, ...) or through j == i.  A candidate word
   * that is none of these and has no lexicon class of its own can only
   * start a multi-word lexicon form (starts_phrase() in scan_span()). */
  static const char *const start[] = { "the", "a", "an", "that", "fiscal", "final", "first", "last",
                                       "recent", "comparable", "corresponding", "same", "year-ago",
                                       "year-earlier", "year", "once", "twice", "thrice", "every",
                                       "each" };
  for (guint i = 0; i < G_N_ELEMENTS (start); i++)
    bloom_set (lx->start_word, tx_hash (start[i], strlen (start[i])));
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
  while (q + n < end && g_ascii_isalpha (q[n]))
    n++;
  if (q + n < end && is_letter (q + n, end))
    return 0;
  static const char *const cl[] = { "s", "ll", "re", "ve", "d", "m" };
  for (guint i = 0; i < G_N_ELEMENTS (cl); i++)
    if (n == strlen (cl[i]) && g_ascii_strncasecmp (q, cl[i], n) == 0)
      return (gsize) a + n;
  return 0;
}

/* Folds [p, e) into u->low (ASCII lower case, a typographic apostrophe
 * as "'") and returns the tx_hash() of the folded text. */
static guint64
unit_fold (TxUnit *u, const char *p, const char *e)
{
  guint64 h = 1469598103934665603ULL;
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

static const EvlLexEntry *
lookup1 (const TxLex *lx, int li, const char *k, gssize n, guint64 h)
{
  if (!tx_bloom_has (lx->form[li], h))
    return NULL;
  return evl_lexicon_lookup (lx->lex[li], k, n);
}

/* @h: tx_hash() of u->low */
static void
classify (const TxLex *lx, TxUnit *u, guint64 h)
{
  if (u->kind != U_WORD)
    return;
  /* set on every word: the grammar tests it at inner units too */
  u->start_word = tx_bloom_has (lx->start_word, h);
  if (!tx_bloom_has (lx->any, h))
    return;
  u->cand = TRUE;
  const char *k = u->low;
  gssize n = u->len;
  u->month = lookup1 (lx, LEX_MONTHS, k, n, h);
  u->wday = lookup1 (lx, LEX_WEEKDAYS, k, n, h);
  u->number = lookup1 (lx, LEX_NUMBERS, k, n, h);
  u->ordinal = lookup1 (lx, LEX_ORDINALS, k, n, h);
  u->unit = lookup1 (lx, LEX_UNITS, k, n, h);
  u->season = lookup1 (lx, LEX_SEASONS, k, n, h);
  u->pod = lookup1 (lx, LEX_PODS, k, n, h);
  u->cue = lookup1 (lx, LEX_CUES, k, n, h);
  u->tense = lookup1 (lx, LEX_TENSE, k, n, h);
  u->lexical = u->month || u->wday || u->number || u->ordinal || u->unit || u->season
               || u->pod || u->cue || tx_bloom_has (lx->form[LEX_HOLIDAYS], h)
               || tx_bloom_has (lx->form[LEX_DEICTICS], h) || tx_bloom_has (lx->form[LEX_MODS], h);
}

/* Cuts [start, end) of the text into units appended to @out. */
void
tx_units (const TxLex *lx, const char *text, guint32 start, guint32 end, GArray *out)
{
  const char *base = text;
  const char *p = text + start, *e = text + end;
  gboolean space = TRUE, nl = TRUE;
  /* filled in place; about one unit per five bytes of English */
  guint cap = (end - start) / 4 + 16;
  g_array_set_size (out, cap);
  TxUnit *units = (TxUnit *) (void *) out->data;
  guint n = 0;
  while (p < e)
    {
      guchar c = (guchar) *p;
      if (c <= ' ' && is_space (c))
        {
          space = TRUE;
          if (c == '\n')
            nl = TRUE;
          p++;
          continue;
        }
      if (c == 0xC2 && p + 1 < e && (guchar) p[1] == 0xA0)
        {
          space = TRUE;
          p += 2;
          continue;
        }
      if (n == cap)
        {
          cap *= 2;
          g_array_set_size (out, cap);
          units = (TxUnit *) (void *) out->data;
        }
      TxUnit *u = &units[n];
      memset (u, 0, sizeof *u);
      u->space = space;
      u->nl = nl;
      u->num = -1;
      const char *q = p;
      guint64 h = 0;
      if (g_ascii_isdigit (c) || (apostrophe (p, e) && p + apostrophe (p, e) + 1 < e
                                  && g_ascii_isdigit (p[apostrophe (p, e)])
                                  && g_ascii_isdigit (p[apostrophe (p, e) + 1])
                                  && (p + apostrophe (p, e) + 2 >= e
                                      || !g_ascii_isdigit (p[apostrophe (p, e) + 2]))))
        {
          u->kind = U_NUM;
          gboolean apos = !g_ascii_isdigit (c);
          if (apos)
            q += apostrophe (p, e);
          const char *ds = q;
          while (q < e && g_ascii_isdigit (*q))
            q++;
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
      else if (is_letter (p, e))
        {
          u->kind = U_WORD;
          u->cap = g_ascii_isupper (c);
          const char *seg = q;
          /* the common word, ASCII letters and digits up to a space or
           * punctuation, is folded and hashed as it is read; any other
           * goes on below and through unit_fold() */
          guint64 fh = 1469598103934665603ULL;
          gsize k = 0;
          while (q < e && k < sizeof u->low - 1 && g_ascii_isalnum (*q))
            {
              guchar lc = (guchar) *q++ | 0x20; /* lower case; digits stay */
              u->low[k++] = (char) lc;
              fh ^= lc;
              fh *= 1099511628211ULL;
            }
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
            }
          else
            h = unit_fold (u, p, q);
        }
    folded:
      u->start = (guint32) (p - base);
      u->end = (guint32) (q - base);
      classify (lx, u, h);
      n++;
      p = q;
      space = nl = FALSE;
    }
  g_array_set_size (out, n);
}
