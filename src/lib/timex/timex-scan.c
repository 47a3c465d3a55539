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
};

/* ---- bloom filter over the first word of every lexicon form ---- */

static guint64
fnv (const char *s, gsize n)
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
bloom_add (TxLex *lx, const char *s, gsize n)
{
  guint64 h = fnv (s, n);
  lx->bloom[(h & 4095) >> 6] |= G_GUINT64_CONSTANT (1) << (h & 63);
  lx->bloom[((h >> 12) & 4095) >> 6] |= G_GUINT64_CONSTANT (1) << ((h >> 12) & 63);
}

static gboolean
bloom_has (const TxLex *lx, const char *s, gsize n)
{
  guint64 h = fnv (s, n);
  return (lx->bloom[(h & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << (h & 63)))
         && (lx->bloom[((h >> 12) & 4095) >> 6] & (G_GUINT64_CONSTANT (1) << ((h >> 12) & 63)));
}

/* Adds the first word of each form of a lexicon file (same format as
 * lexicon/context.c parses: forms before the first TAB, split at '|'). */
static void
bloom_add_file (TxLex *lx, GBytes *bytes)
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
        {
          const char *f = d;
          while (f < fe)
            {
              const char *bar = memchr (f, '|', (gsize) (fe - f));
              const char *ve = bar ? bar : fe;
              const char *w = f;
              while (w < ve && *w == ' ')
                w++;
              const char *we = w;
              while (we < ve && *we != ' ' && *we != '\r' && (*we != '\'' || we == w))
                we++;
              char key[64];
              gsize k = 0;
              for (const char *c = w; c < we && k < sizeof key - 1; c++)
                if (*c != '.' || c == w)
                  key[k++] = g_ascii_tolower (*c);
              if (k > 0)
                bloom_add (lx, key, k);
              f = bar ? bar + 1 : fe;
            }
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
      if (b)
        bloom_add_file (lx, b);
    }
  static const char *const extra[] = { "the", "a", "an", "that", "every", "each",
                                       "once", "twice", "thrice", "fiscal", "year-ago" };
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    bloom_add (lx, extra[i], strlen (extra[i]));
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

static void
unit_fold (TxUnit *u, const char *p, const char *e)
{
  gsize k = 0;
  while (p < e && k < sizeof u->low - 1)
    {
      int a = apostrophe (p, e);
      if (a)
        {
          u->low[k++] = '\'';
          p += a;
          continue;
        }
      u->low[k++] = g_ascii_tolower (*p++);
    }
  u->low[k] = '\0';
  u->len = (guint8) k;
}

static void
classify (const TxLex *lx, TxUnit *u)
{
  if (u->kind != U_WORD || !bloom_has (lx, u->low, u->len))
    return;
  u->cand = TRUE;
  const char *k = u->low;
  gssize n = u->len;
  /* Abbreviations keep their period in the unit ('Sept.', 'a.m.'). */
  if (n > 1 && k[n - 1] == '.' && strchr (k, '.') == k + n - 1)
    n--;
  u->month = evl_lexicon_lookup (lx->lex[LEX_MONTHS], k, n);
  u->wday = evl_lexicon_lookup (lx->lex[LEX_WEEKDAYS], k, n);
  u->number = evl_lexicon_lookup (lx->lex[LEX_NUMBERS], k, n);
  u->ordinal = evl_lexicon_lookup (lx->lex[LEX_ORDINALS], k, n);
  u->unit = evl_lexicon_lookup (lx->lex[LEX_UNITS], k, n);
  u->season = evl_lexicon_lookup (lx->lex[LEX_SEASONS], k, n);
  u->pod = evl_lexicon_lookup (lx->lex[LEX_PODS], k, n);
  u->cue = evl_lexicon_lookup (lx->lex[LEX_CUES], k, n);
  u->tense = evl_lexicon_lookup (lx->lex[LEX_TENSE], k, n);
}

/* Cuts [start, end) of the text into units appended to @out. */
void
tx_units (const TxLex *lx, const char *text, guint32 start, guint32 end, GArray *out)
{
  const char *base = text;
  const char *p = text + start, *e = text + end;
  gboolean space = TRUE, nl = TRUE;
  g_array_set_size (out, 0);
  while (p < e)
    {
      guchar c = (guchar) *p;
      if (is_space (c))
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
      TxUnit u;
      memset (&u, 0, sizeof u);
      u.space = space;
      u.nl = nl;
      u.num = -1;
      const char *q = p;
      if (g_ascii_isdigit (c) || (apostrophe (p, e) && p + apostrophe (p, e) + 1 < e
                                  && g_ascii_isdigit (p[apostrophe (p, e)])
                                  && g_ascii_isdigit (p[apostrophe (p, e) + 1])
                                  && (p + apostrophe (p, e) + 2 >= e
                                      || !g_ascii_isdigit (p[apostrophe (p, e) + 2]))))
        {
          u.kind = U_NUM;
          gboolean apos = !g_ascii_isdigit (c);
          if (apos)
            q += apostrophe (p, e);
          const char *ds = q;
          while (q < e && g_ascii_isdigit (*q))
            q++;
          gboolean plain = TRUE;
          if (q - ds <= 9)
            {
              u.num = 0;
              for (const char *d = ds; d < q; d++)
                u.num = u.num * 10 + (*d - '0');
              u.ndig = (guint8) (q - ds);
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
              memcpy (u.suffix, sf, sl);
              u.suffix[0] = g_ascii_tolower (u.suffix[0]);
              if (sl > 1)
                u.suffix[1] = g_ascii_tolower (u.suffix[1]);
              if (strcmp (u.suffix, "s") && strcmp (u.suffix, "st") && strcmp (u.suffix, "nd")
                  && strcmp (u.suffix, "rd") && strcmp (u.suffix, "th")
                  && strcmp (u.suffix, "am") && strcmp (u.suffix, "pm"))
                {
                  q = sf;
                  u.suffix[0] = u.suffix[1] = '\0';
                }
            }
          if (!plain)
            u.num = -1;
          u.apos = apos;
          unit_fold (&u, p, q);
        }
      else if (is_letter (p, e))
        {
          u.kind = U_WORD;
          u.cap = g_ascii_isupper (c);
          const char *seg = q;
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
          unit_fold (&u, p, q);
        }
      else
        {
          gsize cl = clitic_len (p, e);
          u.kind = cl ? U_WORD : U_PUNCT;
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
              u.low[0] = '-';
              u.len = 1;
            }
          else
            unit_fold (&u, p, q);
        }
      u.start = (guint32) (p - base);
      u.end = (guint32) (q - base);
      classify (lx, &u);
      g_array_append_val (out, u);
      p = q;
      space = nl = FALSE;
    }
}
