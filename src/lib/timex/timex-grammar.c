/* Timex grammar: patterns over word units, following the TimeML TIMEX3
 * guidelines and the TimeBank extent conventions (determiners and
 * quantity modifiers inside the extent, prepositions outside).  Each
 * pattern returns the end of its match or -1; tx_match() keeps the
 * longest.  Values are resolved here with the helpers of
 * timex-normalize.c. */
#include "timex-scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define U(i) (&s->u[(i)])

/* Whether unit @i is the word @w (a literal: tx_unit_is() compares the
 * length and a memcmp() of a known length, inlined; strcmp() calls were
 * ~4 M instructions of the 400-document tag run). */
G_ALWAYS_INLINE static inline gboolean
is (const TxScan *s, int i, const char *w)
{
  return i >= 0 && i < s->n && tx_unit_is (&s->u[i], w);
}

static inline gboolean
attached (const TxScan *s, int i)
{
  return i < s->n && !s->u[i].space;
}

static inline gboolean
is_hyphen (const TxScan *s, int i)
{
  return i < s->n && s->u[i].kind == U_PUNCT && s->u[i].low[0] == '-' && !s->u[i].space;
}

/* Whether unit @i is a cue whose first attribute is "shift" ('last',
 * 'next'): its class S_SHIFT, which word_info() sets by exactly that
 * test (a strcmp() a call less). */
static inline gboolean
is_shift (const TxScan *s, int i)
{
  /* 'praised following Tuesday's raid', 'following April's vote':
   * without 'the', 'following' is the preposition 'after' */
  return (s->u[i].sc & S_SHIFT) != 0
         && !(tx_unit_is (&s->u[i], "following") && !(i > 0 && tx_unit_is (&s->u[i - 1], "the")));
}

static const char *
attr (const EvlLexEntry *e, guint k)
{
  return e && e->n_attrs > k ? e->attrs[k] : "";
}

/* lookup_multi() without the memo; out of line, as most calls stop
 * at lookup_multi()'s first tests or its memo. */
G_GNUC_NO_INLINE static int
lookup_multi_at (const TxScan *s, int li, int alone, int i, const EvlLexEntry **out)
{
  const EvlLexicon *lex = s->lx->lex[li];
  /* up to 127 bytes of key; room past them for a whole u->low */
  char key[128 + sizeof ((TxUnit *) NULL)->low];
  int best = 0;
  gsize k = 0;
  guint64 h = TX_HASH_SEED;     /* tx_hash() of the key so far */
  for (int j = i; j < s->n; j++)
    {
      const TxUnit *u = U (j);
      if (u->kind == U_PUNCT && !(u->low[0] == '-' && !u->space))
        break;
      gboolean glue = j > i && (u->low[0] == '\'' || u->low[0] == '-' || U (j - 1)->low[0] == '-');
      if (k + u->len + 2 >= 128)
        break;
      if (j > i && !glue)
        {
          key[k++] = ' ';
          h = tx_hash_step (h, ' ');
        }
      /* the whole array: a copy of known size instead of a byte loop
       * (~0.1 M instructions on the 400 small documents) */
      memcpy (key + k, u->low, sizeof u->low);
      if (j == i)
        h = u->h;
      else
        for (guint b = 0; b < u->len; b++)
          h = tx_hash_step (h, (guchar) u->low[b]);
      k += u->len;
      key[k] = '\0';
      /* no form goes on from here: stop */
      if (!tx_bloom_has (s->lx->prefix[li], h))
        break;
      const EvlLexEntry *e;
      if (j == i)
        e = u->wi->alone[alone]; /* word_info() looked the word up (~0.15 M
                                  * instructions on the 400 small documents) */
      else if (!tx_bloom_has (s->lx->form[li], h))
        continue;
      else
        e = evl_lexicon_lookup (lex, key, (gssize) k);
      if (e)
        {
          best = j - i + 1;
          *out = e;
        }
    }
  return best;
}

/* Looks up the longest multi-word form of @lex starting at unit @i;
 * returns the number of units matched (0 when none) and sets *@out when
 * one matched.  Remembered in s->memo: a pure function of the
 * paragraph's units, which scan_span() clears the memo for.  Inlined:
 * its first tests fold for a constant @li (~0.4 M instructions of
 * calls on the 400 small documents). */
G_ALWAYS_INLINE static inline int
lookup_multi (TxScan *s, int li, int i, const EvlLexEntry **out)
{
  const EvlLexicon *lex = s->lx->lex[li];
  static const guint32 first[LEX_N] = { [LEX_MODS] = S_MODS, [LEX_DEICTICS] = S_DEI,
                                         [LEX_HOLIDAYS] = S_HOL };
  /* a candidate's classes (its word_info()) hold its entry alone */
  int alone = li == LEX_MODS ? TX_ALONE_MODS : li == LEX_DEICTICS ? TX_ALONE_DEICTICS : TX_ALONE_HOLIDAYS;
  g_assert (li == LEX_MODS || li == LEX_DEICTICS || li == LEX_HOLIDAYS);
  if (lex == NULL || i >= s->n || !s->u[i].cand)
    return 0;
  /* its first word is not in the prefix filter: lookup_multi_at() would
   * stop there */
  if (first[li] && !(s->u[i].sc & first[li]))
    return 0;
  if (s->memo[li].at == i)
    {
      if (s->memo[li].n)
        *out = s->memo[li].e;
      return s->memo[li].n;
    }
  const EvlLexEntry *found = NULL;
  int n = lookup_multi_at (s, li, alone, i, &found);
  s->memo[li].at = i;
  s->memo[li].n = n;
  s->memo[li].e = found;
  if (n)
    *out = found;
  return n;
}

/* ---- numbers ---- */

static gboolean
year_like (const TxUnit *u)
{
  return u->kind == U_NUM && u->ndig == 4 && u->num >= 1000 && u->num <= 2099 && !u->suffix[0];
}

/* g_ascii_strtod (@buf, NULL) for what a number unit holds (digits,
 * '.', ':', '/', a letter suffix; no sign, no exponent).  Up to 15
 * digits with at most one '.' are read here: the digits are an exact
 * double below 2^53 and so is the power of ten, so one division rounds
 * as strtod() does (~600 instructions a call). */
static double
number_value (const char *buf)
{
  static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                1e13, 1e14, 1e15 };
  const char *c = buf;
  /* Unsigned: a run of more than 15 digits wraps (defined) before it is
   * handed to strtod below; a signed product would overflow (UB). */
  guint64 digits = 0;
  int nd = 0, frac = 0;
  for (; g_ascii_isdigit (*c); c++, nd++)
    digits = digits * 10 + (*c - '0');
  if (*c == '.' && g_ascii_isdigit (c[1]))
    for (c++; g_ascii_isdigit (*c); c++, nd++, frac++)
      digits = digits * 10 + (*c - '0');
  if (nd == 0 || nd > 15)
    return g_ascii_strtod (buf, NULL);
  return frac ? (double) digits / p10[frac] : (double) digits;
}

/* The value of a number unit (digits without their commas) or of a
 * number word (its lexicon value), parsed on first use. */
static double
unit_value (TxUnit *u)
{
  if (!u->has_val)
    {
      if (u->kind == U_NUM)
        {
          char buf[32];
          gsize k = 0;
          for (const char *c = u->low; *c && k < sizeof buf - 1; c++)
            if (*c != ',')
              buf[k++] = *c;
          buf[k] = '\0';
          u->val = number_value (buf);
        }
      else
        u->val = u->wi->nval; /* g_ascii_strtod (attr (u->wi->number, 0)), once */
      u->has_val = TRUE;
    }
  return u->val;
}

/* A cardinal at @i: digits (18, 1,000, 2.5, 5 1/2) or words (twenty-four,
 * a hundred, a dozen, a couple of, a few, several).  'a'/'an' alone is not
 * a number.  Returns the end or -1. */
static int
number_at_raw (const TxScan *s, int i, double *val, gboolean *vague)
{
  *vague = FALSE;
  if (i >= s->n)
    return -1;
  const TxUnit *u = U (i);
  if (u->kind == U_NUM)
    {
      if (!(u->sc & S_CARD)) /* a suffix, an apostrophe, ':' or '/' */
        return -1;
      /* a plain run of digits is what strtod() would read */
      *val = u->num >= 0 ? u->num : unit_value (U (i));
      int j = i + 1;
      /* '5 1/2' */
      if (j < s->n && (U (j)->sc & S_SLASH))
        {
          int a = tx_atoi (U (j)->low), b = tx_atoi (strchr (U (j)->low, '/') + 1);
          if (b > 0 && a < b)
            {
              *val += (double) a / b;
              j++;
            }
        }
      return j;
    }
  int j = i;
  gboolean article = is (s, j, "a") || is (s, j, "an");
  if (article)
    j++;
  if (j >= s->n || U (j)->wi->number == NULL)
    return -1;
  int kind = U (j)->wi->nkind;
  if (article && kind != NK_SCALE && kind != NK_DOZEN && kind != NK_VAGUE && kind != NK_COUPLE)
    return -1;
  if (kind == NK_VAGUE)
    {
      if (is (s, j, "many") && !article)
        return -1;
      *vague = TRUE;
      *val = 0;
      return j + 1;
    }
  if (kind == NK_COUPLE)
    {
      *val = 2;
      return is (s, j + 1, "of") ? j + 2 : j + 1;
    }
  if (kind == NK_DOZEN)
    {
      *val = 12;
      return j + 1;
    }
  double total = 0, cur = 0;
  int start = j;
  while (j < s->n && U (j)->wi->number)
    {
      int kd = U (j)->wi->nkind;
      double v = unit_value (U (j));
      if (kd == NK_SCALE)
        {
          if (cur == 0)
            cur = 1;
          if (v >= 1000)
            {
              total += cur * v;
              cur = 0;
            }
          else
            cur *= v;
          j++;
        }
      else if (kd == NK_DOZEN && j > start && U (j - 1)->wi->nkind != NK_SCALE)
        {
          /* 'two dozen', 'three dozen': dozens counted */
          cur *= 12;
          j++;
          break;
        }
      else if (kd == NK_UNIT || kd == NK_TEEN || kd == NK_TENS)
        {
          if (j > start && U (j - 1)->wi->nkind != NK_SCALE && !(U (j - 1)->wi->nkind == NK_TENS && kd == NK_UNIT))
            break;
          cur += v;
          j++;
          if (kd == NK_TENS && is_hyphen (s, j) && j + 1 < s->n && U (j + 1)->wi->nkind == NK_UNIT
              && attached (s, j + 1))
            {
              cur += unit_value (U (j + 1));
              j += 2;
            }
        }
      else
        break;
      if (is (s, j, "and") && j + 1 < s->n && U (j + 1)->wi->number && U (j + 1)->wi->nkind != NK_SCALE
          && cur >= 100)
        j++;
    }
  if (j == start)
    return -1;
  *val = total + cur;
  return j;
}

/* number_at_raw() through the paragraph's memo: p_season(), p_duration()
 * and p_set() all read the number at the unit a match is tried at.  On
 * failure *@val is left as it was, as number_at_raw() leaves it. */
static int
number_at (const TxScan *s, int i, double *val, gboolean *vague)
{
  TxNumberMemo *nm = s->number;
  if (nm->at != i)
    {
      double v = 0;
      nm->vague = FALSE;
      nm->end = number_at_raw (s, i, &v, &nm->vague);
      nm->val = v;
      nm->at = i;
    }
  *vague = nm->vague;
  if (nm->end > 0)
    *val = nm->val;
  return nm->end;
}

static int
ordinal_at (const TxScan *s, int i, int *val)
{
  if (i >= s->n)
    return -1;
  const TxUnit *u = U (i);
  if (u->sc & S_NUMORD) /* 1st, 2nd, 3rd, 4th */
    {
      *val = u->num;
      return i + 1;
    }
  if (u->wi->ordinal)
    {
      *val = tx_atoi (attr (u->wi->ordinal, 0));
      return i + 1;
    }
  /* twenty-first */
  if (u->wi->nkind == NK_TENS && is_hyphen (s, i + 1)
      && i + 2 < s->n && U (i + 2)->wi->ordinal)
    {
      *val = tx_atoi (attr (u->wi->number, 0)) + tx_atoi (attr (U (i + 2)->wi->ordinal, 0));
      return i + 3;
    }
  return -1;
}

/* ---- calendar words ---- */

/* Whether unit @i has @role in timex-context.txt. */
static gboolean
has_role (const TxScan *s, int i, const char *role)
{
  if (i < 0 || i >= s->n)
    return FALSE;
  const EvlLexEntry *e = evl_lexicon_lookup (s->lx->lex[LEX_CONTEXT], s->u[i].low, s->u[i].len);
  for (guint k = 0; e && k < e->n_attrs; k++)
    if (strcmp (e->attrs[k], role) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
after_date_prep (const TxScan *s, int i)
{
  return has_role (s, i - 1, "date-prep");
}

static int
day_number (const TxScan *s, int i)
{
  if (i >= s->n)
    return 0;
  const TxUnit *u = U (i);
  /* 1-31, at most two digits, no apostrophe, no suffix but st nd rd th */
  if (!(u->sc & S_DAY))
    return 0;
  /* '5:30', '5 percent', '5 years' are not days of a month */
  if (i + 1 < s->n && (U (i + 1)->wi->unit || is (s, i + 1, "percent") || is (s, i + 1, "%")))
    return 0;
  return u->num;
}

/* A year at @i: 1998, '98, nineteen ninety-six.  Returns the end or -1. */
static int
year_at (const TxScan *s, int i, int *year)
{
  if (i >= s->n)
    return -1;
  const TxUnit *u = U (i);
  if (year_like (u))
    {
      *year = u->num;
      return i + 1;
    }
  if (u->kind == U_NUM && u->apos && u->ndig == 2 && !u->suffix[0])
    {
      *year = u->num + (u->num < 30 ? 2000 : 1900);
      return i + 1;
    }
  if (u->wi->number && i + 1 < s->n && U (i + 1)->wi->number)
    {
      int hi = tx_atoi (attr (u->wi->number, 0));
      int k2 = U (i + 1)->wi->nkind;
      if (hi >= 10 && hi <= 20 && u->wi->nkind == NK_TEEN && (k2 == NK_TENS || k2 == NK_TEEN))
        {
          double lo;
          gboolean vague;
          int j = number_at (s, i + 1, &lo, &vague);
          if (j > 0 && !vague && lo >= 10 && lo < 100)
            {
              *year = hi * 100 + (int) lo;
              return j;
            }
        }
    }
  return -1;
}

/* Whether unit @i is a word in capitals of two letters or more that
 * names no day, month or date preposition ('TSR', 'AK'). */
static gboolean
acronym_at (const TxScan *s, int i)
{
  if (i < 0 || U (i)->kind != U_WORD || U (i)->len < 2 || U (i)->wi->month || U (i)->wi->wday
      || after_date_prep (s, i + 1))
    return FALSE;
  for (guint32 b = U (i)->start; b < U (i)->end; b++)
    if (!g_ascii_isupper (s->text[b]))
      return FALSE;
  return TRUE;
}

static gboolean
upper_at (const TxScan *s, int i)
{
  return i >= 0 && i < s->n && U (i)->kind == U_WORD && evl_timex_upper_word (s->text, U (i)->start, U (i)->end);
}

/* Whether unit @i is a word in capitals in a line written in capitals
 * (a headline, a dateline: 'PRICES MAY RISE'), where capitals no longer
 * tell a name or a month from a word: the nearest word on either side
 * is in capitals too. */
static gboolean
shouted (const TxScan *s, int i)
{
  if (!upper_at (s, i))
    return FALSE;
  for (int k = i - 1; k >= 0 && k >= i - 3 && !U (k + 1)->nl; k--)
    if (U (k)->kind == U_WORD)
      {
        if (upper_at (s, k))
          return TRUE;
        break;
      }
  for (int k = i + 1; k < s->n && k <= i + 3 && !U (k)->nl; k++)
    if (U (k)->kind == U_WORD)
      return upper_at (s, k);
  return FALSE;
}

/* Whether unit @i is a word with a capital and small letters ('Ryan',
 * not 'RYAN' or 'ryan'). */
static gboolean
title_word_at (const TxScan *s, int i)
{
  return i >= 0 && i < s->n && U (i)->kind == U_WORD && U (i)->cap && !upper_at (s, i);
}

/* Whether the month name at @i, with no day or year beside it, is a
 * first name or a surname ('April Ryan said', 'June Carter', 'Kelly June
 * said', 'Ms. April', 'Theresa May'): a capitalised word that is no
 * temporal word after it, unless a preposition that mostly introduces a
 * time comes before ('in April Congress voted'), or one before it that
 * is none of a preposition, a temporal word or a word of the kind that
 * opens a sentence before a month ('Beginning April', 'The January
 * report').  After 'the' a month qualifies a noun ('the April Fed
 * meeting'). */
static gboolean
name_at (const TxScan *s, int i)
{
  if (!title_word_at (s, i) || is (s, i - 1, "the"))
    return FALSE;
  int j = i + 1;
  if (title_word_at (s, j) && !U (j)->nl && !U (j)->cand && U (j)->wi->month == NULL)
    {
      gboolean time_prep = has_role (s, i - 1, "date-prep") && !U (i)->nl && !is (s, i - 1, "and")
                           && !is (s, i - 1, "or") && !is (s, i - 1, "to") && !is (s, i - 1, "for")
                           && !is (s, i - 1, "of") && !is (s, i - 1, "by") && !is (s, i - 1, "from")
                           && !is (s, i - 1, "on");
      if (!time_prep)
        return TRUE;
    }
  if (U (i)->nl || i == 0)
    return FALSE;
  int k = i - 1;
  const TxUnit *p = U (k);
  if (title_word_at (s, k) && !p->cand && !has_role (s, k, "date-prep")
      && !(p->len > 4 && memcmp (p->low + p->len - 3, "ing", 3) == 0))
    return TRUE;
  /* 'Ms. April', 'Sen. June' */
  return is (s, k, ".") && attached (s, k)
         && (is (s, k - 1, "mr") || is (s, k - 1, "mrs") || is (s, k - 1, "ms") || is (s, k - 1, "dr")
             || is (s, k - 1, "prof") || is (s, k - 1, "sen") || is (s, k - 1, "rep") || is (s, k - 1, "gov")
             || is (s, k - 1, "gen") || is (s, k - 1, "rev"));
}

/* A month name at @i that is really a month here; returns the unit after
 * it (past an abbreviation's period) or -1. */
static int
month_at (const TxScan *s, int i, int *month)
{
  if (i >= s->n || U (i)->wi->month == NULL || !U (i)->cap)
    return -1;
  const TxUnit *u = U (i);
  const char *flag = attr (u->wi->month, 1);
  int j = i + 1;
  gboolean period = j < s->n && is (s, j, ".") && attached (s, j) && strcmp (attr (u->wi->month, 1), "abbrev") == 0;
  gboolean next_num = j < s->n && (U (j)->kind == U_NUM || (period && j + 1 < s->n && U (j + 1)->kind == U_NUM));
  /* '10 March', '3 Sep': after a day number on its line a short or
   * ambiguous name can only be the month (day-month order, as British
   * and European copy writes dates); not after a number that names a
   * grade or model with an acronym ('TSR 20 May' in a price table),
   * unless the month is in capitals too ('UPDATED 10 MARCH') */
  gboolean after_day = flag[0] && i > 0 && !u->nl && U (i - 1)->kind == U_NUM && day_number (s, i - 1)
                       && (!acronym_at (s, i - 2) || upper_at (s, i));
  if (strcmp (flag, "abbrev") != 0 && !(next_num && (day_number (s, j) || year_like (U (j))))
      && !(i > 0 && !u->nl && day_number (s, i - 1)) && name_at (s, i))
    return -1;
  if (strcmp (flag, "abbrev") == 0)
    {
      if (!period && !next_num && !after_day)
        return -1;
    }
  else if (strcmp (flag, "ambiguous") == 0)
    {
      /* 'will March 10 miles': the verb after a modal */
      if (has_role (s, i - 1, "modal"))
        return -1;
      gboolean ctx = after_day || (next_num && (day_number (s, j) || year_like (U (j))));
      /* in a line in capitals only a day or year beside it tells the
       * month from the modal or the verb ('PRICES MAY RISE', 'WORKERS
       * TO MARCH ON FRIDAY' against 'UPDATED 10 MARCH') */
      if (!ctx && shouted (s, i))
        return -1;
      if (!ctx && !(after_date_prep (s, i) && !U (i)->nl))
        return -1;
      /* 'May be', 'March on' */
      if (!ctx && j < s->n && U (j)->kind == U_WORD && !U (j)->cap && !U (j)->wi->cue
          && !is (s, j, "and") && !is (s, j, "or") && !is (s, j, "of") && !is (s, j, "to")
          && !is (s, j, "through") && !is (s, j, "last") && !is (s, j, "this") && !is (s, j, "next")
          && U (j)->wi->month == NULL && U (j)->wi->tense == NULL && U (j)->wi->unit == NULL)
        {
          /* a following lower-case word: only prepositions/conjunctions keep
           * the month reading ('in May when', 'in March after'). */
          if (has_role (s, j, "not-month-after"))
            return -1;
        }
    }
  *month = tx_atoi (attr (u->wi->month, 0));
  return period ? j + 1 : j;
}

static int
weekday_at (const TxScan *s, int i, int *wd)
{
  if (i >= s->n || U (i)->wi->wday == NULL || !U (i)->cap)
    return -1;
  int j = i + 1;
  if (strcmp (attr (U (i)->wi->wday, 1), "abbrev") == 0)
    {
      if (!(is (s, j, ".") && attached (s, j)))
        return -1;
      j++;
    }
  *wd = tx_atoi (attr (U (i)->wi->wday, 0));
  /* possessive: "Friday's meeting" keeps 'Friday' only */
  return j;
}

/* A plural part of day at @i ('nights', 'mornings'), else NULL. */
static const EvlLexEntry *
plural_pod (const TxScan *s, int i)
{
  if (i >= s->n || U (i)->wi->pod == NULL || strcmp (attr (U (i)->wi->pod, 1), "plural") != 0)
    return NULL;
  return U (i)->wi->pod;
}

static void
init_match (TxMatch *m, int start)
{
  /* what a memset() and evl_timex_point_clear() of the point give,
   * copied: run_patterns() starts every pattern from it (the memset()
   * and two calls a tx_match() were ~0.13 M instructions more on the
   * 400 small documents); @pt2 and @value are left (TxMatch) */
  static const TxMatch blank = {
    .end = -1,
    .type = EVL_TIMEX_DATE,
    .pt = { .year = -1, .hour = -1, .minute = -1 },
  };
  memcpy (m, &blank, offsetof (TxMatch, pt2));
  m->value[0] = '\0';
  m->start = start;
}

/* 'this year', 'last year', 'next year' after a month or season. */
static int
rel_year_after (const TxScan *s, int i, int *year)
{
  if (i + 1 < s->n && is_shift (s, i)
      && U (i + 1)->wi->unit && strcmp (attr (U (i + 1)->wi->unit, 0), "Y") == 0
      && U (i + 1)->wi->unit->n_attrs < 2)
    {
      EvlTimexPoint p;
      tx_dct_point (s, EVL_GRAIN_YEAR, &p);
      evl_timex_point_shift (&p, tx_atoi (attr (U (i)->wi->cue, 1)));
      *year = p.year;
      return i + 2;
    }
  return -1;
}

/* The word between the two days of a range or a pair ('10 to 12 March',
 * 'April 24 and 25', 'June 16-17', '10 – 12 March'). */
static gboolean
day_link_at (const TxScan *s, int k)
{
  if (k < 0 || k >= s->n)
    return FALSE;
  const TxUnit *u = U (k);
  if (u->kind == U_PUNCT)
    return u->len == 1 && u->low[0] == '-';
  return is (s, k, "to") || is (s, k, "through") || is (s, k, "thru") || is (s, k, "until")
         || is (s, k, "till") || is (s, k, "and") || is (s, k, "or");
}

/* A link that makes two days one span ('10-12', '10 to 12'), not a pair
 * of dates ('10 and 12': TimeBank tags those apart). */
static gboolean
span_link_at (const TxScan *s, int k)
{
  return day_link_at (s, k) && !is (s, k, "and") && !is (s, k, "or");
}

/* The unit of the second day of a range or pair whose first day @d is at
 * @i ('10 to 12', '10-12', 'between 10 and 12'), else -1.  A pair joined
 * by 'and'/'or' needs a preposition before it ('on 10 and 12 March'): a
 * bare 'aged 10 and 12 ...' is a list of counts. */
static int
second_day_at (const TxScan *s, int i, int d)
{
  if (!d || !day_link_at (s, i + 1) || day_number (s, i + 2) <= d)
    return -1;
  if ((is (s, i + 1, "and") || is (s, i + 1, "or")) && !has_role (s, i - 1, "date-prep"))
    return -1;
  return i + 2;
}

/* 'March 10 to 12, 2024', 'Oct. 23-25 1989': the year after the second
 * day of a range whose first day @d ends at @j is the first day's too. */
static int
range_tail_year (const TxScan *s, int j, int d)
{
  if (!day_link_at (s, j) || day_number (s, j + 1) <= d)
    return 0;
  int k = j + 2;
  if (is (s, k, ","))
    k++;
  return k < s->n && year_like (U (k)) ? U (k)->num : 0;
}

/* The end of the second day at @i of a range or pair after a month,
 * with the year written after it ('12, 2024'); -1 for a count ('March
 * 10 to 12 people'): after the day a lower-case word must be one that
 * can follow a date. */
static int
day_tail_end (const TxScan *s, int i)
{
  int e = i + 1;
  int k = is (s, e, ",") ? e + 1 : e;
  if (k < s->n && year_like (U (k)))
    return k + 1;
  if (e < s->n && U (e)->kind == U_WORD && !U (e)->cap && !has_role (s, e, "date-prep")
      && !is (s, e, "at") && !is (s, e, "when") && !is (s, e, "as") && !is (s, e, "with")
      && !is (s, e, "while") && !is (s, e, "where") && !is (s, e, "but") && !is (s, e, "which"))
    return -1;
  return e;
}

/* Month [day][,] [year] | day month [year] | month of year |
 * month this/last year.  Leaves tense resolution of the year to the
 * caller through *year = 0. */
static int
month_date (const TxScan *s, int i, int *year, int *month, int *day)
{
  int j;
  *year = 0;
  *day = 0;
  int d = day_number (s, i);
  /* '13-Sep-2023', '05-MAR-2024': a day, month and year joined by
   * hyphens, as filings, datasets and some wires write them; the year
   * makes the short name a month ('3-May-2024') */
  if (d && is_hyphen (s, i + 1) && i + 4 < s->n && U (i + 2)->wi->month && U (i + 2)->cap
      && attached (s, i + 2) && is_hyphen (s, i + 3) && attached (s, i + 4) && year_like (U (i + 4)))
    {
      *day = d;
      *month = tx_atoi (attr (U (i + 2)->wi->month, 0));
      *year = U (i + 4)->num;
      return i + 5;
    }
  if (d && (j = month_at (s, i + 1, month)) > 0)
    {
      *day = d;
    }
  else if (is (s, i, "the") && ordinal_at (s, i + 1, &d) > 0 && d <= 31 && is (s, i + 2, "of")
           && (j = month_at (s, i + 3, month)) > 0)
    {
      *day = d;
    }
  else
    {
      j = month_at (s, i, month);
      if (j < 0)
        return -1;
      d = day_number (s, j);
      if (d)
        {
          *day = d;
          j++;
          /* 'Oct. 23-25': keep the first day */
        }
    }
  int k = j;
  if (is (s, k, ",") && k + 1 < s->n && year_like (U (k + 1)))
    k++;
  else if (is (s, k, "of") && k + 1 < s->n && year_like (U (k + 1)) && *day == 0)
    k++;
  int y;
  int e = year_at (s, k, &y);
  if (e > 0)
    {
      *year = y;
      return e;
    }
  e = rel_year_after (s, j, &y);
  /* 'November of this year', as 'the third quarter of last year' */
  if (e < 0 && is (s, j, "of"))
    e = rel_year_after (s, j + 1, &y);
  if (e > 0)
    {
      *year = y;
      return e;
    }
  if (*day)
    *year = range_tail_year (s, j, *day);
  return j;
}

/* ---- patterns ---- */

/* Sets @m to the day @d (0: the month) of month @mo in year @y, or when
 * @y is 0 in @known (> 0) or the year that the tense of units [@from,
 * @end) and the creation time give; FALSE for a day the month lacks. */
static gboolean
month_day_point (TxScan *s, TxMatch *m, int y, int mo, int d, int known, int from, int end)
{
  m->pt.grain = d ? EVL_GRAIN_DAY : EVL_GRAIN_MONTH;
  m->pt.month = mo;
  m->pt.day = d;
  if (y)
    {
      m->pt.year = y;
      m->absolute = TRUE;
    }
  else
    {
      m->pt.year = known > 0 ? known : tx_year_for (s, mo, d, tx_tense (s, from, end));
      m->needs_dct = TRUE;
    }
  if (d && evl_timex_day_from_ymd (m->pt.year > 0 ? m->pt.year : 2000, mo, d) == 0)
    return FALSE;
  m->has_pt = TRUE;
  return TRUE;
}

/* The year of a bare month @mo at @i that ends a span begun by the
 * month just named in its sentence ('between January and March', 'from
 * November to February'): the first such month after that one, as
 * weekday_after_ref() takes a span's weekday; 0 when no span or a year
 * or day is written (@y, @d). */
static int
month_span_year (const TxScan *s, int i, int y, int mo, int d)
{
  if (y || d || i < 2 || s->ref_index < 0 || s->ref_sentence != s->sentence || s->ref.grain != EVL_GRAIN_MONTH
      || s->ref.year <= 0)
    return 0;
  /* the first month ends before the link, its year written or not
   * ('from December 2024 to February') */
  int f = i >= 3 && year_like (U (i - 2)) ? i - 3 : i - 2;
  if (!U (f)->wi->month || s->ref.month != tx_atoi (attr (U (f)->wi->month, 0)))
    return 0;
  if (!(is (s, i - 1, "to") || is (s, i - 1, "through") || is (s, i - 1, "until") || is (s, i - 1, "till")
        || is_hyphen (s, i - 1) || (is (s, i - 1, "and") && is (s, i - 3, "between"))))
    return 0;
  return s->ref.year + (mo <= s->ref.month ? 1 : 0);
}

/* Day @d (0: none) at @grain in a month named by the text, whose year
 * is written at [.., @ye) or (@ye < 0) picked from the creation time;
 * the match ends at @ye or else @e.  Returns the end or -1. */
static int
in_named_month (TxMatch *m, EvlDay d, EvlGrain grain, int ye, int e)
{
  if (d == 0)
    return -1;
  evl_timex_point_from_day (&m->pt, d, grain);
  m->has_pt = TRUE;
  if (ye > 0)
    m->absolute = TRUE;
  else
    m->needs_dct = TRUE;
  return ye > 0 ? ye : e;
}

/* Dates built on month names, with an optional leading weekday. */
static int
p_month (TxScan *s, int i, TxMatch *m)
{
  int j = i, wd = 0;
  int w = weekday_at (s, i, &wd);
  /* 'Mon 10 Mar 2025', 'Wed, May 5': a short name without its period
   * is the weekday before a date with its day (weekdays.txt), but for
   * a name after 'the' ('The Sun 10 March edition') */
  gboolean bare = w < 0 && U (i)->wi->wday && U (i)->cap && strcmp (attr (U (i)->wi->wday, 1), "abbrev") == 0
                  && !is (s, i - 1, "the");
  if (bare)
    w = i + 1;
  if (w > 0)
    {
      j = w;
      if (is (s, j, ","))
        j++;
    }
  int y, mo, d, last = 0;
  /* 'between 10 and 12 March 2024': the first day is a date of its own
   * (TimeML tags a pair apart) with the month and year written after the
   * second; the tense is read over both, as for the second day below.
   * '10 to 12 March', '10-12 March' are one span of days. */
  int first = day_number (s, j), k2 = second_day_at (s, j, first), span_end = -1;
  int e = -1;
  if (k2 > 0 && (span_end = month_date (s, k2, &y, &mo, &d)) > 0 && d == day_number (s, k2))
    {
      if (span_link_at (s, j + 1))
        {
          last = d;
          e = span_end;
        }
      else
        e = j + 1;
      d = first;
    }
  else
    {
      e = month_date (s, j, &y, &mo, &d);
      /* 'March 10 to 12', 'Oct. 23-25, 2022': one span */
      int e2;
      if (e > 0 && d && !bare && span_link_at (s, e) && day_number (s, e + 1) > d
          && (e2 = day_tail_end (s, e + 1)) > 0)
        {
          last = day_number (s, e + 1);
          e = e2;
        }
    }
  if (e < 0 || (bare && !d))
    return -1;
  /* the second day of '10 and 12 March': its tense from the first */
  int from = i;
  if (i >= 2 && U (i)->kind == U_NUM && second_day_at (s, i - 2, day_number (s, i - 2)) == i)
    from = i - 2;
  if (!month_day_point (s, m, y, mo, d, month_span_year (s, i, y, mo, d), from, MAX (e, span_end)))
    return -1;
  /* 'From March to May, prices rose' in a March article: a past range
   * ends before the writing, so its start goes a year back when the end,
   * counted on from it, would lie ahead (the end takes the start's year,
   * month_span_year()) */
  int y2, mo2, d2, cy, cm, cd;
  if (!y && !d && !last && s->dct && m->pt.year > 0 && e + 1 < s->n
      && (span_link_at (s, e) || (is (s, e, "and") && is (s, i - 1, "between"))) && U (e + 1)->wi->month
      && month_date (s, e + 1, &y2, &mo2, &d2) > 0 && !y2 && !d2)
    {
      evl_day_to_ymd (s->dct, &cy, &cm, &cd);
      int ey = m->pt.year + (mo2 <= mo ? 1 : 0);
      if ((ey > cy || (ey == cy && mo2 > cm)) && tx_tense (s, from, e) < 0)
        m->pt.year--;
    }
  if (last)
    {
      m->pt2 = m->pt;
      m->pt2.day = last;
      if (evl_timex_day_from_ymd (m->pt.year > 0 ? m->pt.year : 2000, mo, last) == 0)
        return -1;
      m->range = TRUE;
    }
  return e;
}

/* The second day of a range or pair after a month ('March 10 to 12',
 * 'April 24 and 25', 'June 16-17, 2024'): a date of its own in TimeML,
 * in the month of the first day and its year (the one just emitted, the
 * reference), or the year written after it.  Not a count ('March 10 to
 * 12 people'): after it a lower-case word must be one that can follow a
 * date. */
static int
p_second_day (TxScan *s, int i, TxMatch *m)
{
  int d2 = day_number (s, i), mo = 0;
  if (!d2 || i < 3 || !day_link_at (s, i - 1))
    return -1;
  int d1 = day_number (s, i - 2);
  if (!d1 || d1 >= d2 || (month_at (s, i - 3, &mo) != i - 2 && (i < 4 || month_at (s, i - 4, &mo) != i - 2)))
    return -1;
  int e = day_tail_end (s, i);
  if (e < 0)
    return -1;
  int y = e > i + 1 ? U (e - 1)->num : 0;
  int ref_year = s->ref.grain == EVL_GRAIN_DAY && s->ref.month == mo && s->ref.day == d1 ? s->ref.year : 0;
  int start = month_at (s, i - 3, &mo) == i - 2 ? i - 3 : i - 4;
  return month_day_point (s, m, y, mo, d2, ref_year, start, e) ? e : -1;
}

/* Weekday @wd by the tense @t of its clause (tx_tense()): with no cue
 * the nearer one, the past winning by a day. */
static void
weekday_by_tense (const TxScan *s, int wd, int t, EvlTimexPoint *p)
{
  if (t == 0 && s->dct)
    {
      EvlTimexPoint a, b;
      tx_weekday_point (s, wd, -1, &a);
      tx_weekday_point (s, wd, 1, &b);
      gint64 past = (gint64) s->dct - evl_timex_point_first_day (&a);
      gint64 ahead = (gint64) evl_timex_point_first_day (&b) - s->dct;
      *p = ahead < past - 1 ? b : a;
    }
  else
    tx_weekday_point (s, wd, t > 0 ? 1 : -1, p);
}

/* The creation time's @grain (day, week, month) @years back: 'a year
 * ago this week', 'the same week last year', 'this time last year'.
 * Feb. 29 falls back to the 28th, which every year has. */
static void
dct_years_back (const TxScan *s, int years, EvlGrain grain, EvlTimexPoint *p)
{
  int y, mo, d;
  evl_day_to_ymd (s->dct, &y, &mo, &d);
  evl_timex_point_from_day (p, evl_timex_day_from_ymd (y - years, mo, mo == 2 ? MIN (d, 28) : d), grain);
}

/* Days from @day to the next ISO weekday @wd (0-6). */
static int
weekday_delta (EvlDay day, int wd)
{
  GDate g;
  g_date_clear (&g, 1);
  g_date_set_julian (&g, day);
  return (wd - (int) g_date_get_weekday (&g) + 7) % 7;
}

/* A weekday that lies ahead of a day named earlier in its sentence
 * (and before the creation time, for a plan) rather than of the
 * creation time: the first such weekday after that day.  The end of a
 * span of weekdays ('runs from Friday to Sunday', 'Friday through
 * Sunday', 'between Friday and Wednesday'); the second day of a list
 * ('Friday and Saturday'), the one nearest the first; a plan told in
 * reported speech ('The ministry said on Monday it would vote on
 * Wednesday': 'would' heading the weekday's clause).  FALSE when none
 * holds. */
static gboolean
weekday_after_ref (const TxScan *s, int i, int wd, EvlTimexPoint *p)
{
  if (!s->dct || s->ref_index < 0 || s->ref_sentence != s->sentence || s->ref.grain != EVL_GRAIN_DAY
      || s->ref.year <= 0 || i < 2)
    return FALSE;
  EvlDay ref = evl_timex_point_first_day (&s->ref);
  if (ref == 0)
    return FALSE;
  int w0;
  gboolean span = (is (s, i - 1, "to") || is (s, i - 1, "through") || is (s, i - 1, "until")
                   || (is (s, i - 1, "and") && i >= 3 && is (s, i - 3, "between")))
                  && weekday_at (s, i - 2, &w0) == i - 1;
  /* 'on Friday and Saturday', 'statements made Friday and Thursday': a
   * list of days keeps to one week, the day nearest the one before it */
  gboolean list = !span && (is (s, i - 1, "and") || is (s, i - 1, "or")) && weekday_at (s, i - 2, &w0) == i - 1;
  gboolean would = FALSE;
  for (int k = i - 1; !span && !list && k >= 0 && k >= i - 8 && !would; k--)
    {
      const TxUnit *u = U (k);
      if (u->kind == U_PUNCT && u->low[0] != ',')
        return FALSE;
      would = tx_unit_is (u, "would") && !is (s, k + 1, "have");
    }
  if (!span && !list && !(would && ref < s->dct))
    return FALSE;
  int delta = weekday_delta (ref, wd);
  if (list && delta > 3)
    delta -= 7;
  /* 'They met Monday and Thursday': a list in a past clause keeps to
   * the past, so the second day may not run past the creation time
   * the first lies before; it takes the week before instead */
  if (list && delta > 0 && ref < s->dct && (gint64) ref + delta > (gint64) s->dct && tx_tense (s, i - 2, i - 1) < 0)
    delta -= 7;
  evl_timex_point_from_day (p, (EvlDay) ((gint64) ref + (delta ? delta : 7)), EVL_GRAIN_DAY);
  return TRUE;
}

/* Weekdays: 'Friday', 'last Friday', 'Friday night'. */
static int
p_weekday (TxScan *s, int i, TxMatch *m)
{
  int j = i, dir = 0;
  if (is (s, i, "the") && i + 2 < s->n && U (i + 1)->wi->cue && U (i + 2)->wi->wday
      && (is (s, i + 1, "previous") || is (s, i + 1, "following") || is (s, i + 1, "next"))
      && s->ref.grain == EVL_GRAIN_DAY && s->ref.year > 0)
    {
      /* 'the previous Friday': from the day under discussion */
      int wd, e = weekday_at (s, i + 2, &wd);
      if (e < 0)
        return -1;
      EvlDay ref = evl_timex_point_first_day (&s->ref);
      GDate g;
      g_date_clear (&g, 1);
      g_date_set_julian (&g, ref);
      int cur = (int) g_date_get_weekday (&g);
      int delta = is (s, i + 1, "previous") ? -((cur - wd + 7) % 7 ? (cur - wd + 7) % 7 : 7)
                                            : ((wd - cur + 7) % 7 ? (wd - cur + 7) % 7 : 7);
      evl_timex_point_from_day (&m->pt, (EvlDay) ((gint64) ref + delta), EVL_GRAIN_DAY);
      m->has_pt = TRUE;
      m->needs_ref = TRUE;
      return e;
    }
  int nth = 0, ne, nwd, nmo, ny;
  if (is (s, i, "the") && ((ne = ordinal_at (s, i + 1, &nth)) > 0 || (is (s, i + 1, "last") && (ne = i + 2)))
      && (ne = weekday_at (s, ne, &nwd)) > 0 && (is (s, ne, "in") || is (s, ne, "of"))
      && (ne = month_at (s, ne + 1, &nmo)) > 0 && nth <= 5)
    {
      /* 'the first Tuesday in November', 'the last Friday of June': the
       * day that month holds, of the year written after it or the one
       * a month's tense picks */
      int ye = year_at (s, ne, &ny);
      int year = ye > 0 ? ny : tx_year_for (s, nmo, 0, tx_tense (s, i, ne));
      EvlDay d = year > 0 ? evl_timex_nth_weekday (year, nmo, nth ? nth : -1, nwd) : 0;
      return in_named_month (m, d, EVL_GRAIN_DAY, ye, ne);
    }
  if (is_shift (s, i))
    {
      dir = tx_atoi (attr (U (i)->wi->cue, 1));
      if (strcmp (U (i)->low, "this") == 0)
        dir = 0;
      j++;
      /* 'this past Monday', 'this coming Sunday': the second word tells */
      if (dir == 0 && (is (s, j, "past") || is (s, j, "coming")) && is_shift (s, j))
        dir = tx_atoi (attr (U (j++)->wi->cue, 1));
      if (dir == 0 && !is (s, i, "this"))
        return -1;
    }
  int wd;
  int e = weekday_at (s, j, &wd);
  if (e < 0)
    return -1;
  if (j == i && U (i)->nl && is (s, e, ",") && e + 1 < s->n && U (e + 1)->wi->month)
    return -1; /* the month pattern takes dated weekdays */
  if (j == i)
    {
      /* 'on Mondays', 'Tuesday nights', 'Monday and Tuesday nights':
       * a weekday that recurs is a SET */
      const EvlLexEntry *pod = plural_pod (s, e);
      int wd2;
      int e2 = (is (s, e, "and") || is (s, e, "or")) ? weekday_at (s, e + 1, &wd2) : -1;
      if (!pod && e2 > 0 && strcmp (attr (U (e + 1)->wi->wday, 1), "plural") != 0)
        pod = plural_pod (s, e2);
      /* 'every Monday and Thursday': the second day recurs as the first */
      int w0;
      gboolean every = i >= 3 && (is (s, i - 1, "and") || is (s, i - 1, "or")) && weekday_at (s, i - 2, &w0) == i - 1
                       && (is (s, i - 3, "every") || is (s, i - 3, "each"));
      if (pod || every || strcmp (attr (U (j)->wi->wday, 1), "plural") == 0)
        {
          m->type = EVL_TIMEX_SET;
          g_snprintf (m->value, sizeof m->value, "XXXX-WXX-%d%s%s", wd, pod ? "T" : "", pod ? attr (pod, 0) : "");
          return plural_pod (s, e) ? e + 1 : e;
        }
    }
  if (dir < 0)
    tx_weekday_point (s, wd, -2, &m->pt);
  else if (dir > 0)
    tx_weekday_point (s, wd, 2, &m->pt);
  else if (j > i)
    {
      /* 'this Friday': the one in the creation time's week */
      tx_weekday_point (s, wd, -1, &m->pt);
      if (s->dct)
        {
          EvlTimexPoint p;
          tx_weekday_point (s, wd, 1, &p);
          GDate g;
          g_date_clear (&g, 1);
          g_date_set_julian (&g, s->dct);
          if (wd > (int) g_date_get_weekday (&g))
            m->pt = p;
        }
    }
  else if (is (s, e, "'s"))
    {
      /* 'Wednesday's ruling': an event already named by its day, so that
       * day or an earlier one (TimeBank: never a later one); but for a
       * clause an auxiliary or a plan heads ('runners are expected to
       * take part in Sunday's race', 'will attend Friday's summit'), not
       * a mere infinitive ('vowed to get around Wednesday's ruling') */
      tx_weekday_point (s, wd, tx_tense (s, i, e) > 1 ? 1 : -1, &m->pt);
    }
  else if (!weekday_after_ref (s, i, wd, &m->pt))
    weekday_by_tense (s, wd, tx_tense (s, i, e), &m->pt);
  m->needs_dct = TRUE;
  m->has_pt = TRUE;
  if (e < s->n && U (e)->wi->pod && U (e)->wi->pod->n_attrs == 1 && g_ascii_isupper (attr (U (e)->wi->pod, 0)[0])
      && attr (U (e)->wi->pod, 0)[0] != 'T')
    {
      /* 'Friday night', 'Tuesday morning': the day and its part, as the
       * TimeML guidelines and TempEval-3 value them (2023-09-15TNI).
       * TimeBank is split: it values mornings and nights as often by the
       * bare day, and leaves 'night' out of the extent about as often;
       * its type is DATE but for evenings and afternoons (an
       * afternoon is TIME 8 times of 8 in gold and silver) */
      m->pt.grain = EVL_GRAIN_PART_OF_DAY;
      g_strlcpy (m->pt.pod, attr (U (e)->wi->pod, 0), sizeof m->pt.pod);
      if (strcmp (attr (U (e)->wi->pod, 0), "EV") == 0 || strcmp (attr (U (e)->wi->pod, 0), "AF") == 0)
        m->type = EVL_TIMEX_TIME;
      e++;
    }
  return e;
}

/* Years, year ranges and decades: '1998', 'fiscal 1989', '1950-53',
 * '1990s', "'80s", 'nineteen ninety-six'. */
static int
p_year (TxScan *s, int i, TxMatch *m)
{
  /* 'the 1990s', "the '80s": the article inside, as for 'the late
   * 1980s' (gold and silver 6 times of 7) */
  if (is (s, i, "the") && i + 1 < s->n && U (i + 1)->kind == U_NUM && strcmp (U (i + 1)->suffix, "s") == 0)
    {
      int e = p_year (s, i + 1, m);
      return e > 0 && m->pt.grain == EVL_GRAIN_DECADE ? e : -1;
    }
  int j = i;
  /* 'calendar 2026', 'calendar year 2025': the year, named so against
   * a fiscal one */
  if (is (s, j, "fiscal") || is (s, j, "calendar"))
    j++;
  /* 'fiscal year 2024' names the year as 'fiscal 2024' does */
  if (j > i && is (s, j, "year") && j + 1 < s->n && year_like (U (j + 1)))
    j++;
  const TxUnit *u = U (j < s->n ? j : i);
  if (j < s->n && u->kind == U_NUM && u->ndig == 4 && strcmp (u->suffix, "s") == 0 && u->num % 10 == 0)
    {
      m->pt.year = u->num;
      m->pt.grain = EVL_GRAIN_DECADE;
      m->has_pt = TRUE;
      m->absolute = TRUE;
      return j + 1;
    }
  if (j < s->n && u->kind == U_NUM && u->apos && u->ndig == 2 && strcmp (u->suffix, "s") == 0)
    {
      m->pt.year = 1900 + u->num;
      m->pt.grain = EVL_GRAIN_DECADE;
      m->has_pt = TRUE;
      m->absolute = TRUE;
      return j + 1;
    }
  int y;
  int e = year_at (s, j, &y);
  int ye;
  if (e < 0 && is (s, i, "the") && is (s, i + 1, "year") && i + 2 < s->n && year_like (U (i + 2))
      && (ye = year_at (s, i + 2, &y)) > 0
      && !(ye < s->n && (is (s, ye, "%") || is (s, ye, "percent") || U (ye)->wi->unit
                         /* 'over the year 2000 troops left': a count */
                         || (U (ye)->kind == U_WORD && !U (ye)->cap && U (ye)->len > 2
                             && U (ye)->low[U (ye)->len - 1] == 's' && !U (ye)->wi->tense))))
    {
      /* 'by the year 2000': one date, not 'the year' and a year */
      m->pt.year = y;
      m->pt.grain = EVL_GRAIN_YEAR;
      m->has_pt = TRUE;
      m->absolute = TRUE;
      return ye;
    }
  if (e < 0 && is (s, i, "the") && is (s, i + 1, "year"))
    {
      /* 'the year two thousand' */
      double v = 0;
      gboolean vague;
      int k = number_at (s, i + 2, &v, &vague);
      if (k < 0 || vague || v < 1000 || v > 2100 || U (i + 2)->kind == U_NUM)
        return -1;
      m->pt.year = (int) v;
      m->pt.grain = EVL_GRAIN_YEAR;
      m->has_pt = TRUE;
      m->absolute = TRUE;
      return k;
    }
  if (e < 0)
    return -1;
  if (U (j)->kind == U_NUM)
    {
      /* Not a year: '$1990', '2000 people', '1998 percent'. */
      if (j > 0 && (is (s, j - 1, "$") || is (s, j - 1, "#")))
        return -1;
      if (e < s->n && (is (s, e, "%") || is (s, e, "percent") || U (e)->wi->unit))
        return -1;
      if (e < s->n && U (e)->kind == U_WORD && !U (e)->cap && U (e)->len > 2 && !after_date_prep (s, j) && j == i
          && !U (e)->wi->cue && !U (e)->wi->tense && !is (s, e, "and") && !is (s, e, "when")
          && !is (s, e, "was") && !is (s, e, "had")
          /* 'the company's 2023 results', 'its 1988 earnings': a
           * possessor owns the year's things; counts that large are
           * written '2,000' */
          && !(j > 0 && (is (s, j - 1, "'s") || (is (s, j - 1, "'") && !U (j - 1)->space && j > 1
                                                  && U (j - 2)->low[U (j - 2)->len - 1] == 's')
                         || is (s, j - 1, "its") || is (s, j - 1, "their")
                         || is (s, j - 1, "his") || is (s, j - 1, "our"))))
        {
          /* '2000 troops': a count before a plural noun */
          if (U (e)->low[U (e)->len - 1] == 's')
            return -1;
        }
    }
  m->pt.year = y;
  m->pt.grain = EVL_GRAIN_YEAR;
  m->has_pt = TRUE;
  m->absolute = TRUE;
  if (is_hyphen (s, e) && e + 1 < s->n && attached (s, e + 1) && U (e + 1)->kind == U_NUM
      && !U (e + 1)->suffix[0])
    {
      const TxUnit *v = U (e + 1);
      int y2 = -1;
      if (v->ndig == 2)
        y2 = y / 100 * 100 + v->num;
      else if (v->ndig == 4)
        y2 = v->num;
      if (y2 > y && y2 - y < 100)
        {
          m->range = TRUE;
          m->pt2 = m->pt;
          m->pt2.year = y2;
          return e + 2;
        }
    }
  return e;
}

/* Whether a hyphen at @k and the number attached after it spell the
 * year after @y ('-21' or '-2021' after 2020). */
static gboolean
next_year_after_hyphen (const TxScan *s, int k, int y)
{
  if (!is_hyphen (s, k) || k + 1 >= s->n || !attached (s, k + 1))
    return FALSE;
  const TxUnit *u = U (k + 1);
  return u->kind == U_NUM && !u->suffix[0]
         && ((u->ndig == 2 && u->num == (y + 1) % 100) || (u->ndig == 4 && u->num == y + 1));
}

/* Seasons: 'summer', 'the summer of 1990', 'this fall', 'winter 1994'. */
static int
p_season (TxScan *s, int i, TxMatch *m)
{
  /* 'summers', 'the past three summers': a season that recurs is a SET */
  int r = i;
  if (is (s, r, "the"))
    r++;
  if (r < s->n && is_shift (s, r) && r > i)
    r++;
  double nn;
  gboolean vv;
  int re = number_at (s, r, &nn, &vv);
  if (re > 0)
    r = re;
  if (r < s->n && U (r)->wi->season && strcmp (attr (U (r)->wi->season, 1), "plural") == 0 && (r == i || r > i + 1))
    {
      m->type = EVL_TIMEX_SET;
      g_snprintf (m->value, sizeof m->value, "XXXX-%s", attr (U (r)->wi->season, 0));
      return r + 1;
    }
  int j = i, dir = 0;
  gboolean shifted = FALSE;
  if (is (s, j, "the"))
    j++;
  else if (is_shift (s, j))
    {
      dir = tx_atoi (attr (U (j)->wi->cue, 1));
      shifted = TRUE;
      j++;
      /* 'this past spring', 'this coming winter' */
      if (dir == 0 && (is (s, j, "past") || is (s, j, "coming")) && is_shift (s, j))
        dir = tx_atoi (attr (U (j++)->wi->cue, 1));
    }
  /* 'the 2024-25 winter': a winter named before it by the two years
   * it spans, valued by the first (as 'the winter of 2024-25') */
  int span_year = 0;
  if (j > i && !shifted && j + 3 < s->n && U (j)->kind == U_NUM && U (j)->ndig == 4 && !U (j)->suffix[0]
      && next_year_after_hyphen (s, j + 1, U (j)->num) && U (j + 3)->wi->season && strcmp (attr (U (j + 3)->wi->season, 0), "WI") == 0)
    {
      span_year = U (j)->num;
      j += 3;
    }
  if (j >= s->n || U (j)->wi->season == NULL || strcmp (attr (U (j)->wi->season, 1), "plural") == 0)
    return -1;
  const char *code = attr (U (j)->wi->season, 0);
  gboolean ambiguous = strcmp (attr (U (j)->wi->season, 1), "ambiguous") == 0;
  int e = j + 1, y = span_year, yy;
  if (y)
    ;
  else if (is (s, e, "of") && year_at (s, e + 1, &yy) > 0)
    {
      y = yy;
      e = year_at (s, e + 1, &yy);
    }
  else if (year_at (s, e, &yy) > 0 && U (e)->kind == U_NUM)
    {
      y = yy;
      e = year_at (s, e, &yy);
    }
  /* 'the winter of 2020-21', 'winter 2023-2024': a season across the
   * turn of the year, named by the year it begins in (its value) */
  if (y && !span_year && strcmp (code, "WI") == 0 && next_year_after_hyphen (s, e, y))
    e += 2;
  if (ambiguous && !y && !shifted)
    {
      /* 'fall', 'spring' need a calendar context: 'in the fall', 'this spring' */
      if (!has_role (s, (j > i ? i : j) - 1, "season-context"))
        return -1;
    }
  if (j > i && !shifted && !y && !after_date_prep (s, i))
    return -1;
  m->pt.grain = EVL_GRAIN_SEASON;
  g_strlcpy (m->pt.season, code, sizeof m->pt.season);
  if (y)
    {
      m->pt.year = y;
      m->absolute = TRUE;
    }
  else
    {
      EvlTimexPoint cur;
      tx_dct_point (s, EVL_GRAIN_SEASON, &cur);
      m->pt.year = cur.year;
      if (cur.year > 0 && strcmp (cur.season, code) != 0)
        {
          /* the nearest such season in the direction of the cue/tense */
          int t = shifted ? dir : (tx_tense (s, i, e) > 0 ? 1 : -1);
          EvlTimexPoint p = cur;
          for (int k = 0; k < 4; k++)
            {
              evl_timex_point_shift (&p, t >= 0 ? 1 : -1);
              if (strcmp (p.season, code) == 0)
                break;
            }
          m->pt = p;
        }
      else
        {
          m->pt = cur;
          if (shifted && dir)
            evl_timex_point_shift (&m->pt, 4 * dir);
        }
      if (shifted && dir == 0 && cur.year > 0)
        {
          /* 'this summer': the creation year's; in January or February
           * (a winter named by the year it began in) the calendar year's
           * for any season but that winter ('this spring', written in
           * February 2024: 2024-SP) */
          EvlTimexPoint cal;
          tx_dct_point (s, EVL_GRAIN_YEAR, &cal);
          m->pt.year = strcmp (code, "WI") == 0 || cal.year <= 0 ? cur.year : cal.year;
          g_strlcpy (m->pt.season, code, sizeof m->pt.season);
        }
      m->needs_dct = TRUE;
    }
  m->has_pt = TRUE;
  return e;
}

static void quarter_point (TxScan *s, TxMatch *m, int i, int e, int n, gboolean half, int y);

/* A fiscal year at @i: 'fiscal 2024', 'FY2024', 'FY24', valued as the
 * year it is named by (as 'fiscal 1989' in TimeBank); its end or -1. */
static int
fiscal_year_at (const TxScan *s, int i, int *year)
{
  if (i >= s->n)
    return -1;
  const TxUnit *u = U (i);
  if (u->kind == U_WORD && (u->sc & S_PERIOD) && u->low[0] == 'f')
    {
      int v = 0;
      for (int k = 2; k < u->len; k++)
        v = v * 10 + (u->low[k] - '0');
      *year = u->len == 4 ? 2000 + v : v;
      return i + 1;
    }
  if ((is (s, i, "fiscal") || is (s, i, "calendar")) && i + 1 < s->n && U (i + 1)->kind == U_NUM)
    return year_at (s, i + 1, year);
  return -1;
}

/* 'two quarters of 1990', 'two quarters of the year' at @k, after
 * 'first' or 'last': two quarters from a named year's start or end are
 * its half (TimeBank values them so), a date for p_quarter and no
 * length; with no year after 'of' they stay the duration 'P2Q' ('the
 * past two quarters') */
static gboolean
two_quarters_of_year (const TxScan *s, int k)
{
  int yy;
  return is (s, k, "two") && is (s, k + 1, "quarters") && is (s, k + 2, "of")
         && (year_at (s, k + 3, &yy) > 0 || rel_year_after (s, k + 3, &yy) > 0
             || (is (s, k + 3, "the") && is (s, k + 4, "year")));
}

/* Quarters and halves: 'the third quarter', 'third-quarter', 'the first
 * half of 1989', "this year's second quarter", 'the fiscal first quarter'. */
static int
p_quarter (TxScan *s, int i, TxMatch *m)
{
  int j = i, y = 0, yy, fy;
  gboolean the = FALSE;
  if (is (s, j, "the"))
    {
      the = TRUE;
      j++;
    }
  else
    {
      /* "this year's third quarter" */
      int e = rel_year_after (s, j, &yy);
      if (e > 0 && is (s, e, "'s"))
        {
          y = yy;
          j = e + 1;
        }
      else if (year_like (U (j)) && is (s, j + 1, "'s"))
        {
          y = U (j)->num;
          j += 2;
        }
    }
  if (is (s, j, "fiscal"))
    j++;
  int n = 0;
  int e = ordinal_at (s, j, &n);
  /* 'the January-March quarter', 'the July-September quarter': a
   * calendar quarter by its months, as Asian and European companies
   * report */
  if (e < 0 && j + 3 < s->n && U (j)->wi->month && U (j)->cap && is_hyphen (s, j + 1) && attached (s, j + 2)
      && U (j + 2)->wi->month && U (j + 2)->cap && is (s, j + 3, "quarter"))
    {
      int m1 = tx_atoi (attr (U (j)->wi->month, 0)), m2 = tx_atoi (attr (U (j + 2)->wi->month, 0));
      if (m1 % 3 != 1 || m2 != m1 + 2)
        return -1;
      n = (m1 + 2) / 3;
      e = j + 3;
    }
  /* 'the December quarter', 'the June quarter': by its last month */
  else if (e < 0 && the && j + 1 < s->n && U (j)->wi->month && U (j)->cap && is (s, j + 1, "quarter"))
    {
      int m1 = tx_atoi (attr (U (j)->wi->month, 0));
      if (m1 % 3 != 0)
        return -1;
      n = m1 / 3;
      e = j + 1;
    }
  if (e < 0)
    {
      /* 'the last quarter (of 2024)' is the fourth; a bare 'last
       * quarter' ('a loss last quarter', "last quarter's sales") is the
       * one before the creation time's, as 'last month' */
      if (is (s, j, "last") && !the && !y && is (s, j + 1, "quarter") && !is (s, j + 2, "of"))
        return -1;
      if (is (s, j, "last") || is (s, j, "final"))
        {
          n = -1;
          e = j + 1;
        }
      /* 'the latter half of the year', 'the back half of 2025': the
       * second; of halves only */
      else if (the && (is (s, j + 1, "half") || is (s, j + 1, "half-year"))
               && (is (s, j, "latter") || is (s, j, "back")))
        {
          n = 2;
          e = j + 1;
        }
      else
        return -1;
    }
  gboolean two_quarters = FALSE;
  if ((n == 1 || n == -1) && two_quarters_of_year (s, e))
    {
      two_quarters = TRUE;
      e++;
    }
  if (is_hyphen (s, e))
    {
      /* 'the third-quarter loss', 'the fiscal second-quarter results':
       * the article is the noun's, the date starts after it (TimeBank:
       * 4 of 4), as 'the 14-day trial' */
      if (the)
        return -1;
      e++;
    }
  if (is (s, e, "fiscal"))
    e++;
  /* 'in the second and fourth quarters' (of any year): each a SET */
  int q2, e2 = -1;
  if (!two_quarters && n >= 1 && n <= 4
      && (is (s, e, "quarters")
          || ((is (s, e, "and") || is (s, e, "or")) && (e2 = ordinal_at (s, e + 1, &q2)) > 0 && q2 <= 4
              && is (s, e2, "quarters"))))
    {
      if (the || y)
        return -1; /* the match starts at the ordinal */
      m->type = EVL_TIMEX_SET;
      g_snprintf (m->value, sizeof m->value, "XXXX-Q%d", n);
      return is (s, e, "quarters") ? e + 1 : e;
    }
  if (e >= s->n || (!two_quarters && !is (s, e, "quarter") && !is (s, e, "half") && !is (s, e, "half-year")))
    return -1;
  gboolean half = !is (s, e, "quarter");
  if (n == -1)
    n = half ? 2 : 4;
  if (n < 1 || n > (half ? 2 : 4))
    return -1;
  if (!the && !y && e == j + 1 && !is_hyphen (s, j + 1))
    {
      /* bare 'second quarter' without 'the': still a date in reports */
    }
  e++;
  TxMatch dec;
  int de;
  int ds = e + 1 + (is (s, e + 1, "the") ? 1 : 0);
  if (half && is (s, e, "of") && ds < s->n && (init_match (&dec, ds), (de = p_year (s, ds, &dec)) > 0)
      && dec.has_pt && dec.pt.grain == EVL_GRAIN_DECADE && !dec.range)
    {
      /* 'the last half of the '80s': the decade, its start or end */
      m->pt = dec.pt;
      m->has_pt = TRUE;
      m->absolute = TRUE;
      m->mod = n == 1 ? "START" : "END";
      return de;
    }
  /* 'the first half of October', 'the second half of March 2024': the
   * month, its start or end (no ISO value names half a month) */
  if (half && is (s, e, "of") && e + 1 < s->n && U (e + 1)->wi->month && (init_match (&dec, e + 1), (de = p_month (s, e + 1, &dec)) > 0)
      && dec.has_pt && dec.pt.grain == EVL_GRAIN_MONTH && !dec.range)
    {
      *m = dec;
      m->start = i;
      m->mod = n == 1 ? "START" : "END";
      return de;
    }
  if (y)
    ;
  else if (is (s, e, "of") && year_at (s, e + 1, &yy) > 0)
    {
      y = yy;
      e = year_at (s, e + 1, &yy);
    }
  else if (!y && year_at (s, e, &yy) > 0 && U (e)->kind == U_NUM)
    {
      y = yy;
      e++;
    }
  else if (!y && is (s, e, "of") && rel_year_after (s, e + 1, &yy) > 0)
    {
      y = yy;
      e = rel_year_after (s, e + 1, &yy);
    }
  /* 'the first quarter of the year': one expression, the year being the
   * one in view, as for a bare 'the first quarter' */
  else if (!y && is (s, e, "of") && is (s, e + 1, "the") && is (s, e + 2, "year"))
    e += 3;
  /* 'of the fiscal year', 'of the current year': the same year */
  else if (!y && is (s, e, "of") && is (s, e + 1, "the") && (is (s, e + 2, "fiscal") || is (s, e + 2, "current"))
           && is (s, e + 3, "year"))
    e += 4;
  /* 'the third quarter of fiscal 2024', 'of FY2024': the fiscal year's */
  else if (!y && is (s, e, "of") && (fy = fiscal_year_at (s, e + 1, &yy)) > 0)
    {
      y = yy;
      e = fy;
    }
  /* 'the second half of the match', 'the first half of the season': a
   * half of something that is no time (a word no temporal lexicon
   * knows after 'of' and its determiner) */
  else if (half && is (s, e, "of"))
    {
      int k = e + 1;
      if (is (s, k, "the") || is (s, k, "a") || is (s, k, "its") || is (s, k, "their") || is (s, k, "his")
          || is (s, k, "her") || is (s, k, "this") || is (s, k, "that"))
        k++;
      if (k < s->n && U (k)->kind == U_WORD && !U (k)->cand)
        return -1;
    }
  quarter_point (s, m, i, e, n, half, y);
  return e;
}

/* The quarter or half @n of year @y (0: the one in view, by the
 * creation time and the tense of units [@i, @e)). */
static void
quarter_point (TxScan *s, TxMatch *m, int i, int e, int n, gboolean half, int y)
{
  m->pt.grain = half ? EVL_GRAIN_HALF : EVL_GRAIN_QUARTER;
  if (half)
    m->pt.half = n;
  else
    m->pt.quarter = n;
  if (y)
    {
      m->pt.year = y;
      m->absolute = TRUE;
    }
  else
    {
      EvlTimexPoint cur;
      tx_dct_point (s, EVL_GRAIN_QUARTER, &cur);
      m->pt.year = cur.year;
      if (s->ref_index >= 0 && s->ref.year > 0 && s->ref_from_text && s->ref_sentence == s->sentence)
        m->pt.year = s->ref.year;
      else if (cur.year > 0 && n > (half ? (cur.quarter + 1) / 2 : cur.quarter))
        {
          /* a quarter or half not yet begun is last year's in a past
           * clause ('profit rose in the fourth quarter' in a June
           * article); in the first quarter, reporting season for the
           * year before, also without a cue */
          int t = tx_tense (s, i, e);
          /* 'will report fourth-quarter results on Jan. 25': results
           * come out after their quarter, so one not yet begun is last
           * year's whatever the tense */
          if (t < 0 || (t == 0 && !half && cur.quarter == 1)
              || is (s, e, "results") || is (s, e, "earnings"))
            m->pt.year--;
        }
      else if (cur.year > 0 && !half && n < cur.quarter - 1 && tx_tense (s, i, e) > 0
               && !is (s, e, "results") && !is (s, e, "earnings"))
        {
          /* 'the drug will be available in the first quarter' in
           * October: a quarter over before the last lies next year in a
           * future clause ('will post a loss for the third quarter' in
           * October is the one just ended, not yet reported) */
          m->pt.year++;
        }
      m->needs_dct = TRUE;
    }
  m->has_pt = TRUE;
}

/* Quarters, halves and fiscal years by their codes: 'Q3', 'Q3 2024',
 * 'H1 of 2024', 'Q3 FY2024', 'FY2023', 'FY23'.  Not after a name
 * ('Audi Q3'): a capitalised word before it must be a preposition. */
static int
p_period_code (TxScan *s, int i, TxMatch *m)
{
  const TxUnit *u = U (i);
  if (!u->cap || !(u->sc & S_PERIOD))
    return -1;
  if (i > 0 && !u->nl && title_word_at (s, i - 1) && !has_role (s, i - 1, "date-prep")
      && !is (s, i - 1, "the"))
    return -1;
  int y = 0;
  int e = fiscal_year_at (s, i, &y);
  if (e > 0)
    {
      m->pt.year = y;
      m->pt.grain = EVL_GRAIN_YEAR;
      m->has_pt = TRUE;
      m->absolute = TRUE;
      return e;
    }
  gboolean half = u->low[0] == 'h';
  int n = u->low[1] - '0';
  if (g_ascii_isdigit (u->low[0]))
    {
      /* '3Q23', '1H2024': the number first, the year written on */
      half = u->low[1] == 'h';
      n = u->low[0] - '0';
      if (u->len > 2)
        y = atoi (u->low + 2);
      if (u->len == 4)
        y += y < 30 ? 2000 : 1900; /* as "'98" */
    }
  e = i + 1;
  int k = is (s, e, "of") ? e + 1 : e, yy, ye;
  if (y)
    ;
  else if ((ye = fiscal_year_at (s, k, &yy)) > 0
      || (k < s->n && U (k)->kind == U_NUM && (ye = year_at (s, k, &yy)) > 0))
    {
      y = yy;
      e = ye;
    }
  quarter_point (s, m, i, e, n, half, y);
  return e;
}

/* Centuries: 'the 20th century', 'the eleventh century'. */
static int
p_century (TxScan *s, int i, TxMatch *m)
{
  int j = i, n;
  if (is (s, j, "the"))
    j++;
  int e = ordinal_at (s, j, &n);
  if (e < 0)
    return -1;
  if (is_hyphen (s, e))
    e++;
  if (!is (s, e, "century"))
    return -1;
  m->pt.year = (n - 1) * 100;
  m->pt.grain = EVL_GRAIN_CENTURY;
  m->has_pt = TRUE;
  m->absolute = TRUE;
  return e + 1;
}

/* Holidays: 'Christmas', 'Thanksgiving Day 1998', 'last Easter'. */
static int
p_holiday (TxScan *s, int i, TxMatch *m)
{
  int j = i, dir = 0;
  if (is_shift (s, i))
    {
      dir = tx_atoi (attr (U (i)->wi->cue, 1));
      j++;
    }
  if (j >= s->n || !U (j)->cap)
    return -1;
  const EvlLexEntry *h = NULL;
  int n = lookup_multi (s, LEX_HOLIDAYS, j, &h);
  if (n == 0)
    return -1;
  int e = j + n, y = 0, yy;
  if (year_at (s, e, &yy) > 0 && U (e)->kind == U_NUM)
    {
      y = yy;
      e++;
    }
  const char *rule = attr (h, 0);
  m->pt.grain = EVL_GRAIN_DAY;
  m->has_pt = TRUE;
  if (y)
    m->absolute = TRUE;
  else
    {
      m->needs_dct = TRUE;
      if (!s->dct)
        {
          m->pt.year = -1;
          return e;
        }
      int cy, cm, cd;
      evl_day_to_ymd (s->dct, &cy, &cm, &cd);
      EvlDay cands[3];
      for (int k = 0; k < 3; k++)
        cands[k] = tx_holiday_day (rule, cy - 1 + k);
      if (dir < 0)
        y = cands[1] < s->dct ? cy : cy - 1;
      else if (dir > 0)
        y = cands[1] > s->dct ? cy : cy + 1;
      else
        y = cy - 1 + tx_pick_nearest (s, cands, 3, tx_tense (s, i, e));
    }
  EvlDay d = tx_holiday_day (rule, y);
  if (d == 0)
    return -1;
  /* 'Easter week', 'Christmas week': the week holding the day */
  gboolean week = is (s, e, "week") && !is_hyphen (s, e + 1);
  evl_timex_point_from_day (&m->pt, d, week ? EVL_GRAIN_WEEK : EVL_GRAIN_DAY);
  return week ? e + 1 : e;
}

/* 'the first week of April', 'the last day of February', 'the second
 * weekend in May 2024': a part of a month named after it, valued in that
 * month (the year written after it or the one the clause's tense picks)
 * rather than against the creation time, as 'the last week' alone is.
 * A week is the ISO week holding the month's 4th, 11th, 18th or 25th
 * (the last: the one holding the day three before its end), as ISO's
 * first week of a year holds 4 January; a weekend is its Saturday's. */
static int
p_month_part (TxScan *s, int i, TxMatch *m)
{
  int nth = 0, e;
  if (!is (s, i, "the"))
    return -1;
  if (is (s, i + 1, "last") || is (s, i + 1, "final"))
    nth = -1, e = i + 2;
  else if ((e = ordinal_at (s, i + 1, &nth)) < 0 || nth < 1 || nth > 4)
    return -1;
  gboolean day = is (s, e, "day"), week = is (s, e, "week"), weekend = is (s, e, "weekend");
  if (!(day || week || weekend) || !(is (s, e + 1, "of") || is (s, e + 1, "in")))
    return -1;
  int mo, me = month_at (s, e + 2, &mo);
  if (me < 0 || day_number (s, me))
    return -1;
  int ny, ye = year_at (s, me, &ny);
  int year = ye > 0 ? ny : tx_year_for (s, mo, 0, tx_tense (s, i, me));
  if (year <= 0)
    return -1;
  int len = g_date_get_days_in_month ((GDateMonth) mo, (GDateYear) year);
  EvlDay d;
  if (weekend)
    d = evl_timex_nth_weekday (year, mo, nth, 6);
  else if (day)
    d = evl_timex_day_from_ymd (year, mo, nth > 0 ? nth : len);
  else
    d = evl_timex_day_from_ymd (year, mo, nth > 0 ? 7 * (nth - 1) + 4 : len - 3);
  int end = in_named_month (m, d, day ? EVL_GRAIN_DAY : EVL_GRAIN_WEEK, ye, me);
  m->pt.weekend = weekend;
  return end;
}

static gboolean
is_quantity (const TxScan *s, int k)
{
  return k >= 0 && (U (k)->kind == U_NUM || is (s, k, "%") || is (s, k, "percent") || is (s, k, "million")
                    || is (s, k, "billion"));
}

/* Whether unit @i follows a quantity: '20%', '10,000 units'. */
static gboolean
after_quantity (const TxScan *s, int i)
{
  return is_quantity (s, i - 1)
         || (i >= 2 && U (i - 1)->kind == U_WORD && !U (i - 1)->cap && is_quantity (s, i - 2));
}


/* Whether unit @k ends an amount that a following 'a day', 'an hour'
 * makes a rate: a number ('$500 million', '24 hours'), a count and its
 * noun ('300,000 barrels', 'one dollar'), or an amount and its
 * conversion in brackets ('8,000 dollars (5,714 US)'). */
static gboolean
rate_before (const TxScan *s, int k)
{
  if (k < 0)
    return FALSE;
  const TxUnit *u = U (k);
  if (u->kind == U_NUM || u->wi->number || u->wi->unit || is (s, k, "million") || is (s, k, "billion")
      || is (s, k, "seats") || is (s, k, "%"))
    return TRUE;
  if (is (s, k, ")"))
    {
      int o = k - 1;
      while (o > 0 && k - o < 6 && !is (s, o, "("))
        o--;
      return is (s, o, "(") && o + 1 < k && U (o + 1)->kind == U_NUM;
    }
  /* a count before the noun: not a verb ('it lasts a week') */
  if (u->kind != U_WORD || u->cap || k == 0)
    return FALSE;
  const TxUnit *c = U (k - 1);
  return c->kind == U_NUM || (c->wi->number && c->wi->nkind != NK_VAGUE) || is (s, k - 1, "million")
         || is (s, k - 1, "billion");
}

/* Whether 'daily', 'weekly' or 'monthly' at @i names a newspaper or a
 * magazine, not a rate: a title inside a sentence ('the Daily
 * Telegraph'), before a name ('the daily Le Figaro', 'the weekly Bild
 * am Sonntag'), or a noun of its own after a determiner or a name and
 * before punctuation, or before a verb of reporting ('the daily said',
 * 'the Media Indonesia daily reported', 'a government daily reported'). */
static gboolean
periodical_at (const TxScan *s, int i)
{
  static const char *const reporting[] = { "said", "says", "reported", "reports", "quoted", "quoting",
                                           "wrote", "writes", "added", "described", "commented",
                                           "cited", "claimed", "carried", "published", "noted" };
  if (!(is (s, i, "daily") || is (s, i, "weekly") || is (s, i, "monthly")))
    return FALSE;
  if (U (i)->cap && i > 0 && !U (i)->nl && !is (s, i - 1, ".") && !is (s, i - 1, "\""))
    return TRUE;
  int e = i + 1;
  /* not 'all daily Vietnamese-language newspapers' */
  if (title_word_at (s, e) && !U (e)->wi->wday && !U (e)->wi->month && !(e + 1 < s->n && is_hyphen (s, e + 1)))
    return TRUE;
  /* a verb of reporting makes it the subject whatever stands before
   * ('the leading economic daily said', 'a government daily reported') */
  for (gsize k = 0; k < G_N_ELEMENTS (reporting); k++)
    if (is (s, e, reporting[k]))
      return TRUE;
  if (!(i > 0 && (is (s, i - 1, "the") || is (s, i - 1, "a") || title_word_at (s, i - 1))))
    return FALSE;
  return e >= s->n || (U (e)->kind == U_PUNCT && U (e)->low[0] != '-');
}

/* Whether a clock time ends right before unit @i ('9 a.m. daily', 'a
 * curfew from 10 p.m. to 5 a.m. daily', '09:00 daily'): a time of the
 * day, which a rate after it repeats, not a quantity. */
static gboolean
clock_before (const TxScan *s, int i)
{
  const TxUnit *u = U (i - 1);
  if (u->kind == U_NUM)
    return (u->sc & S_CLOCK) || strcmp (u->suffix, "am") == 0 || strcmp (u->suffix, "pm") == 0;
  return i >= 2 && U (i - 2)->kind == U_NUM
         && (is (s, i - 1, "a.m.") || is (s, i - 1, "p.m.") || is (s, i - 1, "a.m") || is (s, i - 1, "p.m")
             || is (s, i - 1, "am") || is (s, i - 1, "pm"));
}

/* Self-contained words: 'today', 'yesterday morning', 'now', 'daily'. */
static int
p_deictic (TxScan *s, int i, TxMatch *m)
{
  const EvlLexEntry *d = NULL;
  int n = lookup_multi (s, LEX_DEICTICS, i, &d);
  if (n == 0)
    return -1;
  int e = i + n;
  const char *type = attr (d, 0), *v = attr (d, 1);
  evl_timex_type_from_string (type, &m->type);
  int shift = tx_atoi (v);
  if (n == 1 && is (s, i, "overnight"))
    {
      /* the adverb closes its phrase ('died overnight in Berlin',
       * 'arrested overnight and'); before a noun it is an adjective ('an
       * overnight rally') */
      const TxUnit *nx = e < s->n ? U (e) : NULL;
      if (nx && nx->kind == U_WORD && !is (s, e, "in") && !is (s, e, "on") && !is (s, e, "at")
          && !is (s, e, "and") && !is (s, e, "to") && !is (s, e, "near") && !is (s, e, "from")
          && !is (s, e, "after") && !is (s, e, "as") && !is (s, e, "when") && !is (s, e, "while")
          && !is (s, e, "but") && !is (s, e, "into") && !is (s, e, "outside"))
        return -1;
      if (i > 0 && (is (s, i - 1, "an") || is (s, i - 1, "the") || is (s, i - 1, "a")))
        return -1;
      /* 'rain will fall overnight': the coming night */
      if (tx_tense (s, i, e) > 0)
        shift = 0;
    }
  if ((v[0] == '+' || v[0] == '-') && v[strlen (v) - 1] == 'Y')
    {
      /* 'this time last year': the creation day, years back */
      if (s->dct)
        dct_years_back (s, -shift, EVL_GRAIN_DAY, &m->pt);
      else
        tx_dct_point (s, EVL_GRAIN_DAY, &m->pt);
      m->has_pt = TRUE;
      m->needs_dct = TRUE;
      return e;
    }
  if (v[0] == '+' || v[0] == '-')
    {
      tx_dct_point (s, EVL_GRAIN_DAY, &m->pt);
      evl_timex_point_shift (&m->pt, shift);
      const char *t = strchr (v, 'T');
      if (t)
        {
          m->pt.grain = EVL_GRAIN_PART_OF_DAY;
          g_strlcpy (m->pt.pod, t + 1, sizeof m->pt.pod);
        }
      else if (e < s->n && U (e)->wi->pod && g_ascii_isupper (attr (U (e)->wi->pod, 0)[0])
               && attr (U (e)->wi->pod, 0)[0] != 'T' && U (e)->wi->pod->n_attrs == 1)
        {
          /* 'yesterday afternoon': a part of a day is a TIME, as 'this
           * afternoon' and 'last night' are */
          m->pt.grain = EVL_GRAIN_PART_OF_DAY;
          g_strlcpy (m->pt.pod, attr (U (e)->wi->pod, 0), sizeof m->pt.pod);
          m->type = EVL_TIMEX_TIME;
          e++;
        }
      m->has_pt = TRUE;
      m->needs_dct = TRUE;
      return e;
    }
  /* 'the current account deficit', 'current assets': bookkeeping terms
   * (running, as against capital), not the time of writing */
  if (strcmp (v, "PRESENT_REF") == 0 && is (s, i, "current")
      && (is (s, e, "account") || is (s, e, "accounts") || is (s, e, "assets") || is (s, e, "liabilities")))
    return -1;
  /* 'now that' is a conjunction */
  if (strcmp (v, "PRESENT_REF") == 0 && is (s, i, "now") && is (s, e, "that"))
    return -1;
  /* 'Now, he says, ...': a sentence-opening discourse marker */
  if (strcmp (v, "PRESENT_REF") == 0 && is (s, i, "now") && e == i + 1 && U (i)->cap
      && (i == 0 || U (i)->nl || is (s, i - 1, ".") || is (s, i - 1, "\"")) && is (s, e, ","))
    return -1;
  if (m->type == EVL_TIMEX_SET && n == 1 && periodical_at (s, i))
    return -1;
  /* '10,000 units annually', 'rise 8.5% annually': a rate, as '$500
   * million a year' below */
  if (m->type == EVL_TIMEX_SET && n == 1 && i > 0 && g_str_has_suffix (U (i)->low, "ly") && after_quantity (s, i)
      && !clock_before (s, i))
    return -1;
  g_strlcpy (m->value, v, sizeof m->value);
  if (m->type == EVL_TIMEX_SET)
    m->quant = strchr (U (i)->low, 'y') && (is (s, i, "every") || is (s, i, "each")) ? "EVERY" : NULL;
  if (is (s, i, "every"))
    m->quant = "EVERY";
  else if (is (s, i, "each"))
    m->quant = "EACH";
  else
    m->needs_dct = m->type != EVL_TIMEX_SET;
  return e;
}

/* Relative to the creation time or the last mentioned date:
 * 'last year', 'this week', 'next month', 'the following day',
 * 'last November', 'this morning', 'last night', 'this century'. */
/* Whether the quarter under discussion was named in the last few
 * sentences and is the one before the creation time's: a report on it,
 * written after it ended. */
static gboolean
this_quarter_reported (const TxScan *s)
{
  if (!s->have_quarter || !s->dct || s->sentence - s->quarter_sentence > 3)
    return FALSE;
  EvlTimexPoint cur;
  tx_dct_point (s, EVL_GRAIN_QUARTER, &cur);
  evl_timex_point_shift (&cur, -1);
  return cur.year == s->quarter.year && cur.quarter == s->quarter.quarter;
}

/* 'the next year or so', 'two weeks or so': an approximate extent
 * ending at @e takes the 'or so' after it (TimeBank: 3 of 3).  Returns
 * the new end. */
static int
or_so (const TxScan *s, int e, TxMatch *m)
{
  if (!is (s, e, "or") || !is (s, e + 1, "so"))
    return e;
  m->mod = "APPROX";
  return e + 2;
}

/* A day counted from a date the story knows only to its month or year
 * ('that day' or 'the next day' after 'in October 1998'): a day of that
 * month or year whose date isn't known, 1998-10-XX; counting on in
 * months or years would leave the date the story is at */
static gboolean
day_of_coarse_ref (const TxScan *s, EvlTimexPoint *p)
{
  if (s->ref.year <= 0 || (s->ref.grain != EVL_GRAIN_MONTH && s->ref.grain != EVL_GRAIN_YEAR))
    return FALSE;
  evl_timex_point_clear (p);
  p->year = s->ref.year;
  p->month = s->ref.grain == EVL_GRAIN_MONTH ? s->ref.month : 0;
  p->grain = EVL_GRAIN_DAY;
  return TRUE;
}

static int
p_relative (TxScan *s, int i, TxMatch *m)
{
  int j = i;
  gboolean the = FALSE;
  if (is (s, j, "the"))
    {
      the = TRUE;
      j++;
    }
  /* 'the most recent quarter': 'the latest quarter' in two words */
  gboolean most_recent = the && is (s, j, "most") && is (s, j + 1, "recent");
  if (!most_recent && (j >= s->n || !is_shift (s, j)))
    return -1;
  /* 'this past weekend', 'this coming week': the second word tells */
  if (!the && is (s, j, "this") && (is (s, j + 1, "past") || is (s, j + 1, "coming")) && is_shift (s, j + 1))
    j++;
  int dir = most_recent ? 0 : tx_atoi (attr (U (j)->wi->cue, 1));
  const char *cue = most_recent ? "latest" : U (j)->low;
  j += most_recent ? 2 : 1;
  if (is (s, j, "fiscal"))
    j++;
  if (j >= s->n)
    return -1;
  const TxUnit *u = U (j);
  /* 'the following day' (narrative) vs 'last year' (creation time) */
  gboolean ref = the && (strcmp (cue, "following") == 0 || strcmp (cue, "next") == 0
                         || strcmp (cue, "previous") == 0 || strcmp (cue, "preceding") == 0
                         || strcmp (cue, "prior") == 0);
  /* 'aims to double output by 2010 and expects growth over the next
   * decade': a reference date still ahead of the creation time is a
   * target, not a point the story has reached, and a span opened by
   * 'over', 'within', 'during' or 'in' runs from the creation time as
   * 'next decade' does ('will open on May 3 and close the next day'
   * stays with the reference) */
  gboolean from_dct = ref && strcmp (cue, "next") == 0 && i > 0 && s->dct && s->ref.year > 0
                      && (is (s, i - 1, "over") || is (s, i - 1, "within") || is (s, i - 1, "during")
                          || is (s, i - 1, "in") || is (s, i - 1, "throughout"))
                      && evl_timex_point_first_day (&s->ref) > s->dct;
  if (from_dct)
    ref = FALSE;
  if (is (s, j, "period") && s->have_quarter && (strcmp (cue, "latest") == 0 || strcmp (cue, "current") == 0))
    {
      /* 'the latest period' of a quarterly report */
      m->pt = s->quarter;
      m->has_pt = TRUE;
      m->needs_ref = TRUE;
      return j + 1;
    }
  if (u->wi->unit && u->wi->unit->n_attrs == 1)
    {
      const char *code = attr (u->wi->unit, 0);
      EvlGrain g = tx_unit_grain (code);
      if (g == EVL_GRAIN_NONE)
        {
          if (strcmp (code, "H") == 0 || strcmp (code, "MIN") == 0)
            return -1;
          return -1;
        }
      if (the && !ref && !from_dct && strcmp (cue, "latest") != 0 && strcmp (cue, "current") != 0
          && strcmp (cue, "past") != 0 && strcmp (cue, "last") != 0 && strcmp (cue, "coming") != 0)
        return -1;
      if (strcmp (cue, "latest") == 0 || (strcmp (cue, "current") == 0 && g != EVL_GRAIN_QUARTER))
        dir = 0;
      /* 'over the past week', 'in the last month': the span up to now,
       * like 'the past 12 months', not the calendar week or month before
       * ('the last week of May' is one).  'the past year' stays the year
       * before, as TimeBank has it */
      gboolean span = the && (g == EVL_GRAIN_DAY || g == EVL_GRAIN_WEEK || g == EVL_GRAIN_MONTH)
                      && strcmp (code, "WE") != 0 && strcmp (code, "FN") != 0 && !is (s, j + 1, "of")
                      && (strcmp (cue, "past") == 0
                          || (strcmp (cue, "last") == 0 && i > 0
                              && (is (s, i - 1, "over") || is (s, i - 1, "in") || is (s, i - 1, "during")
                                  || is (s, i - 1, "within") || is (s, i - 1, "throughout"))));
      /* 'the past year and a half', 'the next decade and a half': a
       * length, as 'the past 18 months' */
      if (the && is (s, j + 1, "and") && is (s, j + 2, "a") && is (s, j + 3, "half")
          && (strcmp (cue, "past") == 0 || strcmp (cue, "last") == 0 || strcmp (cue, "next") == 0
              || strcmp (cue, "coming") == 0))
        {
          m->type = EVL_TIMEX_DURATION;
          tx_duration_value (m->value, sizeof m->value, 1.5, FALSE, code);
          return j + 4;
        }
      if ((strcmp (cue, "past") == 0 && g >= EVL_GRAIN_DECADE) || span)
        {
          /* 'the past decade': the span up to now, like 'the past ten
           * years', not the previous calendar decade ('the last decade') */
          m->type = EVL_TIMEX_DURATION;
          tx_duration_value (m->value, sizeof m->value, 1, FALSE, code);
          return or_so (s, j + 1, m);
        }
      if (ref)
        {
          m->pt = s->ref;
          if (s->ref.year > 0)
            {
              EvlDay d = evl_timex_point_first_day (&s->ref);
              /* 'the next day' after 'in March', 'the following week'
               * after 'in 2019': a step smaller than what the story
               * knows stays within it (2019-03-XX, 2019), not a month
               * or a year on */
              if (d && g == EVL_GRAIN_DAY && day_of_coarse_ref (s, &m->pt))
                dir = 0;
              else if (d)
                {
                  if (g < s->ref.grain)
                    {
                      g = s->ref.grain > EVL_GRAIN_YEAR ? EVL_GRAIN_YEAR : s->ref.grain;
                      dir = 0;
                    }
                  evl_timex_point_from_day (&m->pt, d, g);
                }
            }
          else
            m->pt.grain = g;
          m->needs_ref = TRUE;
        }
      else if (g == EVL_GRAIN_QUARTER && strcmp (cue, "this") == 0 && is (s, j + 1, "'s")
               && this_quarter_reported (s))
        {
          /* 'a loss for the third quarter ended Sept. 30 ...  This
           * quarter's loss includes charges': the results of a report
           * are the quarter just reported */
          m->pt = s->quarter;
          m->has_pt = TRUE;
          m->needs_ref = TRUE;
          return j + 1;
        }
      else
        {
          tx_dct_point (s, g, &m->pt);
          m->needs_dct = TRUE;
          if (strcmp (code, "Q") == 0 && strcmp (cue, "latest") == 0)
            dir = -1;
        }
      if (strcmp (code, "WE") == 0)
        m->pt.weekend = TRUE;
      if (strcmp (code, "FN") == 0)
        dir *= 2;
      evl_timex_point_shift (&m->pt, dir);
      m->has_pt = TRUE;
      return or_so (s, j + 1, m);
    }
  if (ref && u->wi->pod && u->wi->pod->n_attrs == 1 && attr (u->wi->pod, 0)[0] != 'T' && s->ref.year > 0
      && s->ref.grain == EVL_GRAIN_DAY)
    {
      /* 'the next morning': the day after the one under discussion
       * (TimeBank values it by the day) */
      m->pt = s->ref;
      evl_timex_point_shift (&m->pt, dir);
      m->has_pt = TRUE;
      m->needs_ref = TRUE;
      return j + 1;
    }
  if (ref || from_dct)
    return -1;
  int mo;
  int e = month_at (s, j, &mo);
  if (e > 0 && !day_number (s, e))
    {
      if (!s->dct)
        m->pt.year = -1;
      else
        {
          int cy, cm, cd;
          evl_day_to_ymd (s->dct, &cy, &cm, &cd);
          m->pt.year = dir < 0 ? (mo < cm ? cy : cy - 1) : dir > 0 ? (mo > cm ? cy : cy + 1) : cy;
        }
      m->pt.month = mo;
      m->pt.grain = EVL_GRAIN_MONTH;
      m->has_pt = TRUE;
      m->needs_dct = TRUE;
      return e;
    }
  if (u->wi->pod && u->wi->pod->n_attrs == 1 && g_ascii_isupper (attr (u->wi->pod, 0)[0]) && attr (u->wi->pod, 0)[0] != 'T'
      && !the)
    {
      tx_dct_point (s, EVL_GRAIN_DAY, &m->pt);
      if (dir < 0)
        evl_timex_point_shift (&m->pt, -1);
      else if (dir > 0)
        evl_timex_point_shift (&m->pt, 1);
      m->pt.grain = EVL_GRAIN_PART_OF_DAY;
      g_strlcpy (m->pt.pod, attr (u->wi->pod, 0), sizeof m->pt.pod);
      m->type = EVL_TIMEX_TIME;
      m->has_pt = TRUE;
      m->needs_dct = TRUE;
      return j + 1;
    }
  return -1;
}

static int date_core (TxScan *s, int i, TxMatch *m);

/* Anaphoric: 'that year', 'the same day', 'the year', 'the quarter',
 * 'the weekend', 'the year-ago quarter'. */
static int
p_anaphor (TxScan *s, int i, TxMatch *m)
{
  int j = i;
  gboolean that = is (s, j, "that"), same = FALSE;
  if (!that && !is (s, j, "the"))
    return -1;
  j++;
  if (is (s, j, "same"))
    {
      same = TRUE;
      j++;
    }
  if (!that && !same && (is (s, j, "full") || is (s, j, "fiscal") || is (s, j, "current"))
      && is (s, j + 1, "year"))
    j++;
  /* 'that night', 'the same morning', 'the night before': a part of
   * the day under discussion (or the one before it), a TIME */
  if (j < s->n && U (j)->wi->pod && U (j)->wi->pod->n_attrs == 1 && attr (U (j)->wi->pod, 0)[0] != 'T'
      && s->ref.grain == EVL_GRAIN_DAY && s->ref.year > 0)
    {
      gboolean before = !that && !same && is (s, j + 1, "before")
                        && (j + 2 >= s->n || U (j + 2)->kind == U_PUNCT);
      /* 'returned in the evening', 'through the morning to dawn':
       * after a preposition of time, the part of that day, when a
       * phrase or clause does not go on ('the morning session', 'the
       * night of May 5', 'the night the plane fell') */
      int k = j + 1;
      gboolean in_day = !that && !same && !before && j == i + 1 && i > 0
                        && (is (s, i - 1, "in") || is (s, i - 1, "during") || is (s, i - 1, "through")
                            || is (s, i - 1, "throughout") || is (s, i - 1, "until") || is (s, i - 1, "from"))
                        && (k >= s->n || (U (k)->kind == U_PUNCT && !is_hyphen (s, k)) || is (s, k, "to")
                            || is (s, k, "by") || is (s, k, "and") || is (s, k, "on") || is (s, k, "at")
                            || is (s, k, "in") || is (s, k, "with") || is (s, k, "he") || is (s, k, "she")
                            || is (s, k, "they") || is (s, k, "we") || is (s, k, "it"));
      if (!that && !same && !before && !in_day)
        return -1;
      m->pt = s->ref;
      if (before)
        evl_timex_point_shift (&m->pt, -1);
      m->pt.grain = EVL_GRAIN_PART_OF_DAY;
      g_strlcpy (m->pt.pod, attr (U (j)->wi->pod, 0), sizeof m->pt.pod);
      m->type = EVL_TIMEX_TIME;
      m->has_pt = TRUE;
      m->needs_ref = TRUE;
      return before ? j + 2 : j + 1;
    }
  int back = 0;
  if ((is (s, j, "year") || is (s, j, "year-ago")) && is_hyphen (s, j + 1)
      && (is (s, j + 2, "ago") || is (s, j + 2, "earlier")))
    {
      back = 1;
      j += 3;
    }
  if (j >= s->n || !U (j)->wi->unit || U (j)->wi->unit->n_attrs != 1)
    return -1;
  const char *code = attr (U (j)->wi->unit, 0);
  EvlGrain g = tx_unit_grain (code);
  if (g == EVL_GRAIN_NONE || g > EVL_GRAIN_YEAR)
    return -1;
  TxMatch base = { 0 };
  int be;
  if (!that && !same && !back && g == EVL_GRAIN_DAY && j + 2 < s->n && U (j + 2)->cand
      && (is (s, j + 1, "before") || is (s, j + 1, "after"))
      && (be = date_core (s, j + 2, &base)) > 0 && base.has_pt && !base.range
      && base.pt.grain == EVL_GRAIN_DAY && base.pt.year > 0)
    {
      /* 'the day before last Tuesday's hearing': a day from that date */
      m->pt = base.pt;
      evl_timex_point_shift (&m->pt, is (s, j + 1, "before") ? -1 : 1);
      m->has_pt = TRUE;
      m->needs_dct = base.needs_dct;
      m->needs_ref = base.needs_ref;
      m->absolute = base.absolute;
      return be;
    }
  /* 'the day before', 'the week after' */
  int e = j + 1;
  int shift = 0;
  if (!that && !same && !back && g > EVL_GRAIN_DAY && strcmp (code, "FN") && s->dct
      && ((is (s, e, "before") && is (s, e + 1, "last")) || (is (s, e, "after") && is (s, e + 1, "next"))))
    {
      /* 'the week before last', 'the month after next': two steps from
       * the creation time's, not the week under discussion */
      tx_dct_point (s, g, &m->pt);
      evl_timex_point_shift (&m->pt, is (s, e, "before") ? -2 : 2);
      m->pt.weekend = strcmp (code, "WE") == 0;
      m->has_pt = TRUE;
      m->needs_dct = TRUE;
      return e + 2;
    }

  if (!that && !same && U (e < s->n ? e : j)->wi->cue && e < s->n
      && strcmp (attr (U (e)->wi->cue, 0), "later") == 0
      && (e + 1 >= s->n || U (e + 1)->kind == U_PUNCT))
    {
      shift = tx_atoi (attr (U (e)->wi->cue, 1));
      e++;
    }
  if (!that && !same && !back && strcmp (code, "Y") && strcmp (code, "Q") && strcmp (code, "W")
      && strcmp (code, "WE") && !(shift && strcmp (code, "D") == 0))
    return -1;
  int qm = 0;
  /* 'the quarter ending in December' as 'ended Dec. 31', and so 'the
   * quarter to June' as 'the three months to June' */
  int qe = e + 1 + (is (s, e + 1, "in") ? 1 : 0);
  gboolean ended = g == EVL_GRAIN_QUARTER
                   && (is (s, e, "ended") || is (s, e, "ending") || is (s, e, "ends") || is (s, e, "to"))
                   && month_at (s, qe, &qm) > 0;
  /* 'earned $5 million in the fiscal first quarter.  Sales for the
   * quarter ended Sept. 29 rose': a fiscal quarter just named is the one
   * whose end is given, numbered as the fiscal year counts, not as the
   * calendar's (the one of Sept. 29 would be the third) */
  if (ended && s->have_quarter && s->quarter_fiscal && s->sentence - s->quarter_sentence <= 1)
    m->pt = s->quarter;
  else if (ended)
    {
      /* 'the quarter ended Sept. 30': the quarter of that month */
      /* a quarter that ended lies behind, as does one the clause's own
       * past reports on ('rose in the quarter to June') */
      int qd = day_number (s, month_at (s, qe, &qm));
      int qt = is (s, e, "ended") ? -2 : tx_tense (s, i, e);
      tx_dct_point (s, EVL_GRAIN_QUARTER, &m->pt);
      m->pt.year = tx_year_for (s, qm, qd, qt > 0 ? 1 : qt < -1 ? -2 : -1);
      m->pt.quarter = ((qm + 10) % 12) / 3 + 1; /* the quarter of its middle month */
      if (qm == 1 && m->pt.year > 0)
        m->pt.year--;
      m->pt.grain = EVL_GRAIN_QUARTER;
      s->quarter = m->pt;
      s->have_quarter = TRUE;
      s->quarter_fiscal = FALSE;
      s->quarter_sentence = s->sentence;
    }
  else if (g == EVL_GRAIN_QUARTER && s->have_quarter)
    m->pt = s->quarter;
  else if (g == EVL_GRAIN_QUARTER && !that)
    {
      tx_dct_point (s, EVL_GRAIN_QUARTER, &m->pt);
      evl_timex_point_shift (&m->pt, -1);
    }
  else if (strcmp (code, "Y") == 0 && !that && !same && !back)
    {
      /* 'the year ended March 31', 'the year to March': a fiscal year,
       * reported as a duration */
      int fm;
      if (is (s, e, "ended") || is (s, e, "ending") || (is (s, e, "to") && month_at (s, e + 1, &fm) > 0))
        {
          m->type = EVL_TIMEX_DURATION;
          g_strlcpy (m->value, "P1Y", sizeof m->value);
          return e;
        }
      /* 'the year': the one just written out in this sentence, else the
       * creation year; 'the year before' counts from the date under
       * discussion ('opened in 2010; planned the year before') */
      if ((s->ref_from_text && s->ref_sentence == s->sentence) || (shift && s->ref.year > 0))
        evl_timex_point_from_day (&m->pt, evl_timex_point_first_day (&s->ref), EVL_GRAIN_YEAR);
      else
        tx_dct_point (s, EVL_GRAIN_YEAR, &m->pt);
    }
  else
    {
      EvlDay d = evl_timex_point_first_day (&s->ref);
      if (d && g == EVL_GRAIN_DAY && day_of_coarse_ref (s, &m->pt))
        ;
      else if (d == 0 || g < s->ref.grain)
        {
          /* 'the day before' after 'last week': within that week, not
           * the week before it */
          if (g < s->ref.grain && d)
            {
              evl_timex_point_from_day (&m->pt, d, s->ref.grain > EVL_GRAIN_YEAR ? EVL_GRAIN_YEAR : s->ref.grain);
              shift = 0;
            }
          else
            {
              evl_timex_point_clear (&m->pt);
              m->pt.grain = g;
            }
        }
      else
        evl_timex_point_from_day (&m->pt, d, g);
    }
  TxMatch day;
  int de;
  /* 'jobless claims in the week ending Sept. 9', 'the week to Sept. 9',
   * 'the week starting Oct. 27': that day's week, the day a timex of its
   * own as after 'the quarter ended' */
  gboolean week_end = strcmp (code, "W") == 0
                      && (is (s, e, "ending") || is (s, e, "ended") || is (s, e, "to") || is (s, e, "through")
                          || is (s, e, "starting") || is (s, e, "beginning") || is (s, e, "commencing"));
  if ((strcmp (code, "WE") == 0 || strcmp (code, "W") == 0) && !that && !same && !back && shift == 0
      && (is (s, e, "of") || week_end) && e + 1 < s->n && U (e + 1)->wi->month
      && (init_match (&day, e + 1), (de = p_month (s, e + 1, &day)) > 0)
      && day.pt.grain == EVL_GRAIN_DAY && day.pt.year > 0)
    {
      /* 'the week of March 6': the week holding that day */
      evl_timex_point_from_day (&m->pt, evl_timex_point_first_day (&day.pt), EVL_GRAIN_WEEK);
      m->needs_dct = day.needs_dct;
      m->absolute = day.absolute;
      if (!week_end)
        e = de;
    }
  else if ((strcmp (code, "WE") == 0 || strcmp (code, "W") == 0) && !that && !same && !back && shift == 0)
    {
      /* 'the weekend', 'the week': the creation time's, the last one in a
       * past clause or after 'since'; with no tense cue the nearer
       * weekend, the past one winning by a day as a bare weekday does
       * (Monday to Wednesday copy: the one just gone) */
      tx_dct_point (s, EVL_GRAIN_WEEK, &m->pt);
      if (strcmp (code, "WE") == 0 && s->dct)
        {
          GDate gd;
          g_date_clear (&gd, 1);
          g_date_set_julian (&gd, s->dct);
          int t = tx_tense (s, i, e);
          if (g_date_get_weekday (&gd) < G_DATE_SATURDAY
              && (t < 0 || (i > 0 && is (s, i - 1, "since"))
                  || (t == 0 && g_date_get_weekday (&gd) <= G_DATE_WEDNESDAY)))
            evl_timex_point_shift (&m->pt, -1);
        }
      m->needs_ref = FALSE;
      m->needs_dct = TRUE;
    }
  if (strcmp (code, "WE") == 0)
    m->pt.weekend = TRUE;
  if (back)
    evl_timex_point_shift (&m->pt, m->pt.grain == EVL_GRAIN_QUARTER ? -4 : -1);
  evl_timex_point_shift (&m->pt, shift);
  m->has_pt = TRUE;
  if (!m->needs_dct && !m->absolute)
    m->needs_ref = TRUE;
  return e;
}

static int p_duration (TxScan *s, int i, TxMatch *m);

/* 'last year', 'a year ago', 'a year earlier' after a period noun: returns
 * the end or -1. */
static int
year_back (const TxScan *s, int i)
{
  if (is (s, i, "last") && is (s, i + 1, "year") && !is (s, i + 2, "'s"))
    return i + 2;
  if ((is (s, i, "a") || is (s, i, "one")) && is (s, i + 1, "year")
      && (is (s, i + 2, "ago") || is (s, i + 2, "earlier") || is (s, i + 2, "before")))
    return i + 3;
  return -1;
}

/* 'For the nine months, net rose to $2 billion from $1.7 billion a year
 * earlier': a period of months (or a half) named before @i in its
 * sentence is what the comparison is about, not the quarter under
 * discussion, so 'a year earlier' is that period's year. */
static gboolean
months_period_before (const TxScan *s, int i)
{
  for (int k = i - 1; k > 0 && k >= i - 40; k--)
    {
      const TxUnit *u = U (k);
      if (u->kind == U_PUNCT && (u->low[0] == '.' || u->low[0] == '!' || u->low[0] == '?' || u->low[0] == ';'))
        return FALSE;
      if (is (s, k, "months") && (U (k - 1)->kind == U_NUM || U (k - 1)->wi->number))
        return TRUE;
      if (is (s, k, "half") && (is (s, k - 1, "first") || is (s, k - 1, "second")))
        return TRUE;
    }
  return FALSE;
}

/* Comparison periods of financial reports: 'year-earlier', 'the year-ago
 * quarter', 'the comparable year-ago period', 'the 1988 third quarter',
 * 'the 1988 period'.  With a quarter under discussion they name that
 * quarter in the other year (TimeBank), otherwise the year. */
static int
p_period (TxScan *s, int i, TxMatch *m)
{
  int j = i;
  if (is (s, j, "the"))
    j++;
  if (is (s, j, "comparable") || is (s, j, "corresponding") || is (s, j, "same"))
    j++;
  int year = 0, after = 0;
  if (is (s, j, "year-ago") || is (s, j, "year-earlier"))
    j++;
  else if (is (s, j, "year") && is_hyphen (s, j + 1) && (is (s, j + 2, "ago") || is (s, j + 2, "earlier")))
    j += 3;
  else if (j > i && j < s->n && year_like (U (j)))
    {
      year = U (j)->num;
      j++;
    }
  else if (j == i && is (s, j, "last") && is (s, j + 1, "year") && is (s, j + 2, "'s"))
    j += 3; /* "last year's quarter" */
  else if (j > i + 1 && is (s, j - 1, "same") && s->dct && j < s->n && U (j)->wi->unit
           && U (j)->wi->unit->n_attrs == 1 && (after = year_back (s, j + 1)) > 0)
    {
      /* 'the same week last year', 'the same day a year ago': the
       * creation time's day, week or month a year back */
      const char *code = attr (U (j)->wi->unit, 0);
      EvlGrain g = tx_unit_grain (code);
      if (g != EVL_GRAIN_DAY && g != EVL_GRAIN_WEEK && g != EVL_GRAIN_MONTH)
        return -1;
      dct_years_back (s, 1, g, &m->pt);
      m->pt.weekend = strcmp (code, "WE") == 0;
      m->has_pt = TRUE;
      m->derived = TRUE;
      m->needs_dct = TRUE;
      return after;
    }
  else if (j > i && (is (s, j, "period") || is (s, j, "quarter")) && (after = year_back (s, j + 1)) > 0)
    ; /* 'the corresponding period last year', 'the quarter a year ago' */
  else
    return -1;
  int q = 0, e = j;
  if (is (s, e, "period"))
    e++;
  else if (is (s, e, "quarter"))
    e++;
  else if (ordinal_at (s, e, &q) > 0 && q <= 4 && is (s, ordinal_at (s, e, &q), "quarter"))
    e = ordinal_at (s, e, &q) + 1;
  else if (year || is (s, j - 1, "'s"))
    return -1;
  else
    q = -1; /* the bare adjective */
  if (after)
    e = after;
  if (q < 0)
    {
      /* 'the year-earlier nine months': a duration in the other year */
      TxMatch d;
      memset (&d, 0, sizeof d);
      int de = p_duration (s, e, &d);
      if (de > 0 && d.type == EVL_TIMEX_DURATION)
        {
          *m = d;
          return de;
        }
    }
  /* 'the year-ago period' names a period: the quarter under discussion
   * however far back it was named; the bare adjective only near it */
  gboolean quarter_ctx = s->have_quarter && (q == 0 || s->sentence - s->quarter_sentence <= 3)
                         && !(q < 0 && months_period_before (s, i));
  if (q > 0 || (q == 0 && quarter_ctx) || (q < 0 && quarter_ctx))
    {
      if (quarter_ctx)
        m->pt = s->quarter;
      else
        tx_dct_point (s, EVL_GRAIN_QUARTER, &m->pt);
      if (q > 0)
        m->pt.quarter = q;
      m->pt.grain = EVL_GRAIN_QUARTER;
      if (year)
        m->pt.year = year;
      else if (m->pt.year > 0)
        m->pt.year--;
    }
  else
    {
      tx_dct_point (s, EVL_GRAIN_YEAR, &m->pt);
      if (year)
        m->pt.year = year;
      else if (m->pt.year > 0)
        m->pt.year--;
    }
  m->has_pt = TRUE;
  m->derived = TRUE;
  if (!year)
    m->needs_ref = TRUE;
  return e;
}

/* 'sales fell at the end of the year' in a June article: the end of a
 * year still to come cannot be told in the past, so it is the year
 * before's (a creation time in the year's last two months may already
 * speak of its end).  Not a deadline ('committed China to sign ...
 * before the end of the year'): only after 'at', 'in', 'since' or no
 * preposition. */
static void
end_of_year_gone (TxScan *s, int i, int e, TxMatch *m)
{
  if (!s->dct || !m->has_pt || m->pt.grain != EVL_GRAIN_YEAR || m->mod == NULL || strcmp (m->mod, "END") != 0)
    return;
  if (i > 0 && (is (s, i - 1, "by") || is (s, i - 1, "before") || is (s, i - 1, "until") || is (s, i - 1, "till")
                || is (s, i - 1, "to") || is (s, i - 1, "for")))
    return;
  int y, mo, d;
  evl_day_to_ymd (s->dct, &y, &mo, &d);
  if (m->pt.year == y && mo <= 10 && tx_tense (s, i, e) < 0)
    m->pt.year--;
}

/* 'year-end', 'year end', "year's end": the end of the year under
 * discussion; 'in the past': PAST_REF. */
static int
p_year_end (TxScan *s, int i, TxMatch *m)
{
  int j = i;
  if (is (s, j, "the") && is (s, j + 1, "past") && is (s, i - 1, "in")
      && !(j + 2 < s->n && (U (j + 2)->wi->unit || U (j + 2)->wi->number || U (j + 2)->kind == U_NUM)))
    {
      g_strlcpy (m->value, "PAST_REF", sizeof m->value);
      return j + 2;
    }
  if (!is (s, j, "year"))
    return -1;
  j++;
  if (is_hyphen (s, j) && is (s, j + 1, "end"))
    j += 2;
  else if (is (s, j, "end"))
    j++;
  else if (is (s, j, "'s") && is (s, j + 1, "end"))
    j += 2;
  else
    return -1;
  if (s->ref_from_text && s->ref_sentence == s->sentence && s->ref.year > 0)
    evl_timex_point_from_day (&m->pt, evl_timex_point_first_day (&s->ref), EVL_GRAIN_YEAR);
  else
    tx_dct_point (s, EVL_GRAIN_YEAR, &m->pt);
  m->has_pt = TRUE;
  m->needs_dct = TRUE;
  m->derived = TRUE;
  m->mod = "END";
  if (!(s->ref_from_text && s->ref_sentence == s->sentence))
    end_of_year_gone (s, i, j, m);
  return j;
}

/* Whether unit @i is a time zone ('EST', 'GMT'). */
static gboolean
zone_at (const TxScan *s, int i)
{
  /* in capitals: 'at 5 p.m. West Bank time' is no zone 'WEST' */
  return i < s->n && U (i)->kind == U_WORD && U (i)->cap
         && evl_lexicon_lookup (s->lx->lex[LEX_ZONES], U (i)->low, U (i)->len) && upper_at (s, i);
}

/* Whether unit @i may name the place of a zone ('Moscow time'), not
 * 'Friday time' nor 'the first time'. */
static gboolean
zone_place (const TxScan *s, int i)
{
  const TxUnit *u = U (i);
  return u->kind == U_WORD && u->cap && !u->wi->wday && !u->wi->month && !u->wi->cue && !u->wi->ordinal
         && !u->wi->tense && !is (s, i, "the");
}

/* The end of a time zone at @i ('EST', 'local time', 'Beijing time'),
 * else -1: a wire clock such as '1530' is a time only beside one. */
static int
zone_end (const TxScan *s, int i)
{
  if (zone_at (s, i))
    {
      /* 'UTC+3', 'GMT-5', 'UTC+05:30': the offset is part of the zone */
      if (i + 2 < s->n && attached (s, i + 1) && attached (s, i + 2) && U (i + 1)->kind == U_PUNCT
          && (U (i + 1)->low[0] == '+' || U (i + 1)->low[0] == '-') && U (i + 2)->kind == U_NUM
          && tx_atoi (U (i + 2)->low) <= 14)
        return i + 3;
      return i + 1;
    }
  if (i + 1 >= s->n || U (i)->kind != U_WORD)
    return -1;
  /* 'New York time', 'Hong Kong time': a place of two names */
  if (!is (s, i + 1, "time") && is (s, i + 2, "time") && zone_place (s, i) && zone_place (s, i + 1))
    return i + 3;
  if (!is (s, i + 1, "time"))
    return -1;
  if (is (s, i, "local"))
    return i + 2;
  return zone_place (s, i) ? i + 2 : -1;
}

/* Whether the day under discussion (a day) lies on the other side of
 * the creation day from the tense of units [@i, @e): 'The court
 * adjourned until Nov. 20.  The blaze started before 2 a.m.' (a past
 * clause, a day ahead) or a plan after a day gone by; the day is then
 * not the one the clause is about. */
static gboolean
ref_against_tense (const TxScan *s, int i, int e)
{
  if (!s->dct)
    return FALSE;
  EvlDay r = evl_timex_point_first_day (&s->ref);
  if (r == 0 || r == s->dct)
    return FALSE;
  int t = tx_tense (s, i, e);
  return (t < 0 && r > s->dct) || (t > 0 && r < s->dct);
}

/* Clock times: '10:35 a.m.', '6 a.m. EST Nov. 9', 'noon Saturday',
 * '4 in the morning', 'midnight Friday'. */
static int
p_time (TxScan *s, int i, TxMatch *m)
{
  const TxUnit *u = U (i);
  int hh = -1, mm = 0, e = i + 1;
  gboolean clock = FALSE;
  if (u->kind == U_NUM && strchr (u->low, ':') && !strchr (u->low, '/') && !strchr (u->low, '.'))
    {
      hh = tx_atoi (u->low);
      mm = tx_atoi (strchr (u->low, ':') + 1);
      if (hh > 24 || mm > 59 || strchr (strchr (u->low, ':') + 1, ':'))
        return -1;
      clock = TRUE;
    }
  else if ((u->sc & S_CLOCK) && tx_dot_clock (u, &hh, &mm))
    {
      /* '9.30am', '14.30 GMT': with an am/pm below or a time zone, else
       * a decimal ('rose 2.15') */
      clock = zone_end (s, e) > 0;
      if (hh > 12 && !clock)
        return -1;
    }
  else if (u->kind == U_NUM && u->ndig == 4 && !u->suffix[0] && !u->apos && u->num >= 0 && u->num / 100 < 24
           && u->num % 100 < 60 && zone_end (s, e) > 0)
    {
      /* '1530 GMT', '1530 local time', the wire services' clock: with a
       * zone no year */
      hh = (int) (u->num / 100);
      mm = (int) (u->num % 100);
      clock = TRUE;
    }
  else if (u->kind == U_NUM && u->ndig <= 2 && u->num >= 0 && u->num <= 12 && !u->apos
           && (!u->suffix[0] || strcmp (u->suffix, "am") == 0 || strcmp (u->suffix, "pm") == 0))
    hh = u->num;
  else if (u->kind == U_WORD && u->wi->number && u->wi->nval == (int) u->wi->nval && u->wi->nval >= 1 && u->wi->nval <= 12 && is (s, e, "o'clock"))
    hh = (int) u->wi->nval; /* 'nine o'clock' */
  else if (u->wi->pod && attr (u->wi->pod, 0)[0] == 'T')
    {
      const char *t = attr (u->wi->pod, 0) + 1;
      hh = tx_atoi (t);
      mm = tx_atoi (t + 3);
      clock = TRUE;
    }
  else
    return -1;
  gboolean pm = FALSE, ampm = FALSE, meridiem = FALSE;
  const char *sfx = u->suffix;
  if (strcmp (sfx, "am") == 0 || strcmp (sfx, "pm") == 0)
    {
      ampm = meridiem = TRUE;
      pm = sfx[0] == 'p';
    }
  else if (e < s->n && (is (s, e, "a.m.") || is (s, e, "p.m.") || is (s, e, "a.m") || is (s, e, "p.m")
                        || ((is (s, e, "am") || is (s, e, "pm"))
                            && (!U (e)->cap || g_ascii_isupper (s->text[U (e)->start + 1])))))
    {
      ampm = meridiem = TRUE;
      pm = U (e)->low[0] == 'p';
      e++;
    }
  else if (is (s, e, "o'clock"))
    {
      ampm = TRUE;
      e++;
    }
  else if (hh >= 0 && is (s, e, "in") && is (s, e + 1, "the") && e + 2 < s->n && U (e + 2)->wi->pod)
    {
      ampm = meridiem = TRUE;
      const char *pd = attr (U (e + 2)->wi->pod, 0);
      pm = strcmp (pd, "AF") == 0 || strcmp (pd, "EV") == 0 || (strcmp (pd, "NI") == 0 && hh >= 6);
      e += 3;
    }
  if (!ampm && !clock)
    return -1;
  if (u->kind == U_NUM && !ampm && clock && hh == 0 && mm == 0)
    return -1;
  if (pm && hh < 12)
    hh += 12;
  else if (ampm && !pm && hh == 12)
    hh = 0;
  /* the zone is part of the time ('5 p.m. EST', '3 p.m. local time',
   * '09:00 UTC+3'); TimeBank's value leaves it out */
  int k = zone_end (s, e) > 0 ? zone_end (s, e) : e;
  e = k;
  /* the day it belongs to */
  /* 'at 9 a.m. on Thursday': the day values the time but is a timex of
   * its own */
  gboolean on = FALSE;
  /* '3:15 p.m. EDT (1915 GMT) on Sunday': the day comes after the same
   * time told in another zone, which also takes it past its bracket */
  gboolean aside = FALSE;
  if (is (s, k, "("))
    {
      int c = k + 1;
      while (c < s->n && c < k + 6 && !is (s, c, ")"))
        c++;
      aside = is (s, c, ")");
      if (aside)
        k = c + 1;
    }
  else if (is (s, k, ")"))
    {
      aside = TRUE;
      k++;
    }
  if (is (s, k, ","))
    k++;
  else if (is (s, k, "on"))
    {
      k++;
      on = TRUE;
    }
  TxMatch day;
  init_match (&day, k);
  int de = -1;
  if (k < s->n && U (k)->cand)
    {
      if ((de = p_month (s, k, &day)) < 0)
        if ((de = p_weekday (s, k, &day)) < 0)
          if ((de = p_deictic (s, k, &day)) < 0 && (de = p_relative (s, k, &day)) > 0
              && !(day.has_pt && day.pt.grain == EVL_GRAIN_PART_OF_DAY))
            de = -1; /* only 'this morning', 'last night' (see below) */
    }
  int wd;
  /* '10:30 p.m. Monday night', 'nine o'clock this morning', '9 o'clock
   * tonight': the part of the day adds nothing the clock time does not
   * tell but the half of the day, so the time falls on that day */
  gboolean wday_pod = de > 0 && day.has_pt && day.pt.grain == EVL_GRAIN_PART_OF_DAY && weekday_at (s, k, &wd) == de - 1;
  gboolean day_pod = wday_pod
                     || (de > 0 && day.has_pt && day.pt.grain == EVL_GRAIN_PART_OF_DAY && !on && !aside && day.pt.year > 0);
  if (day_pod)
    {
      const char *pd = day.pt.pod;
      if (!meridiem && hh < 12
          && (strcmp (pd, "AF") == 0 || strcmp (pd, "EV") == 0 || (strcmp (pd, "NI") == 0 && hh >= 6)))
        hh += 12;
      day.pt.grain = EVL_GRAIN_DAY;
      day.pt.pod[0] = '\0';
    }
  if (de > 0 && day.has_pt && weekday_at (s, k, &wd) == de && i > 0 && is (s, i - 1, "(")
      && s->ref.grain <= EVL_GRAIN_DAY && s->ref.grain != EVL_GRAIN_NONE && s->ref.year > 0 && s->ref_index >= 0 && s->ref_sentence == s->sentence)
    {
      /* 'at 11 p.m. ET on Sunday (0300 GMT Monday)': the same moment in
       * another zone, so the weekday nearest the day just named */
      EvlDay ref = evl_timex_point_first_day (&s->ref);
      int delta = weekday_delta (ref, wd);
      if (delta > 3)
        delta -= 7;
      evl_timex_point_from_day (&day.pt, (EvlDay) ((gint64) ref + delta), EVL_GRAIN_DAY);
    }
  else if (de > 0 && day.has_pt && (weekday_at (s, k, &wd) == de || wday_pod))
    {
      /* a bare weekday after a clock time takes the tense of the whole
       * clause ('will leave at 4 a.m. Thursday') */
      weekday_by_tense (s, wd, tx_tense (s, i, de), &day.pt);
    }
  if (de > 0 && day.has_pt && day.pt.grain == EVL_GRAIN_DAY)
    {
      m->pt = day.pt;
      m->needs_dct = day.needs_dct;
      m->absolute = day.absolute;
      if (!on && !aside)
        e = de;
    }
  else if (s->ref.grain != EVL_GRAIN_NONE && s->ref.grain <= EVL_GRAIN_DAY && s->ref.year > 0
           && s->ref.day > 0 && s->ref_index >= 0 && !ref_against_tense (s, i, e))
    {
      /* a clock time alone belongs to the day under discussion, also
       * when that day came with a time of its own ('struck at 11:11
       * p.m. Friday (0411 GMT)', 'until 6 a.m.' after '4 a.m. Sunday') */
      m->pt = s->ref;
      m->needs_ref = TRUE;
    }
  else
    {
      tx_dct_point (s, EVL_GRAIN_DAY, &m->pt);
      m->needs_dct = TRUE;
      /* 'the blast happened shortly after midnight': T24:00 ends its
       * day, so in a past clause the midnight just gone is the end of
       * the day before */
      if (hh == 24 && s->dct && tx_tense (s, i, e) < 0)
        evl_timex_point_shift (&m->pt, -1);
      else if (s->dct_minute >= 0 && hh < 24)
        {
          /* a story filed at 01:30 telling what happened at 11 p.m.
           * tells of the night before; one filed at 23:30 that looks
           * ahead to 7 a.m. tells of the next morning (an hour's slack
           * for a zone between the filing clock and the story's) */
          int t = tx_tense (s, i, e), at = hh * 60 + mm;
          if (t < 0 && at > s->dct_minute + 60)
            evl_timex_point_shift (&m->pt, -1);
          else if (t > 0 && at + 60 < s->dct_minute)
            evl_timex_point_shift (&m->pt, 1);
        }
    }
  m->type = EVL_TIMEX_TIME;
  m->pt.hour = hh;
  m->pt.minute = mm;
  m->pt.grain = EVL_GRAIN_MINUTE;
  m->has_pt = TRUE;
  return e;
}

/* The day @y-@mo-@d into @m, returning @end; -1 for no such day. */
static int
ymd_match (TxMatch *m, int y, int mo, int d, int end)
{
  EvlDay day = evl_timex_day_from_ymd (y, mo, d);
  if (day == 0)
    return -1;
  evl_timex_point_from_day (&m->pt, day, EVL_GRAIN_DAY);
  m->has_pt = TRUE;
  m->absolute = TRUE;
  return end;
}

/* Numeric dates: 2023-09-14, 9/14/2023, 2023/09/14, 14/09/2023. */
static int
p_numeric_date (TxScan *s, int i, TxMatch *m)
{
  const TxUnit *u = U (i);
  int y, mo, d;
  if (year_like (u) && is_hyphen (s, i + 1) && i + 4 < s->n && U (i + 2)->kind == U_NUM
      && U (i + 2)->ndig == 2 && is_hyphen (s, i + 3) && U (i + 4)->kind == U_NUM && U (i + 4)->ndig == 2
      && attached (s, i + 2) && attached (s, i + 4))
    return ymd_match (m, u->num, U (i + 2)->num, U (i + 4)->num, i + 5);
  const char *slash = u->kind == U_NUM ? strchr (u->low, '/') : NULL;
  if (slash && slash - u->low == 4 && atoi (u->low) >= 1000 && atoi (u->low) <= 2099)
    {
      /* '2023/09/13', as ISO with slashes; '2023/24' (a season, a
       * fiscal year): the two years it spans */
      int a = atoi (u->low), n2;
      if (sscanf (u->low, "%*d/%d/%d", &mo, &d) == 2)
        {
          return ymd_match (m, a, mo, d, i + 1);
        }
      n2 = (int) strlen (slash + 1);
      int b = atoi (slash + 1);
      int y2 = n2 == 2 ? a / 100 * 100 + b : n2 == 4 ? b : -1;
      if (strspn (slash + 1, "0123456789") != (gsize) n2 || y2 != a + 1)
        return -1;
      m->pt.year = a;
      m->pt.grain = EVL_GRAIN_YEAR;
      m->has_pt = TRUE;
      m->absolute = TRUE;
      m->range = TRUE;
      m->pt2 = m->pt;
      m->pt2.year = y2;
      return i + 1;
    }
  if (slash && sscanf (u->low, "%d/%d/%d", &mo, &d, &y) == 3 && strlen (u->low) >= 6)
    {
      if (y < 100)
        y += y < 30 ? 2000 : 1900;
      /* '13/09/2023': a first number above 12 is the day (day first,
       * as outside the US) */
      if (mo > 12 && d <= 12)
        {
          int t = mo;
          mo = d;
          d = t;
        }
      return ymd_match (m, y, mo, d, i + 1);
    }
  return -1;
}

/* The grain of 'this month', 'this week' or 'today' at @k, after 'N
 * years ago'; 0 when none follows. */
static int
anniversary_grain (const TxScan *s, int k)
{
  if (is (s, k, "today"))
    return EVL_GRAIN_DAY;
  if (!is (s, k, "this"))
    return 0;
  return is (s, k + 1, "month") ? EVL_GRAIN_MONTH : is (s, k + 1, "week") ? EVL_GRAIN_WEEK : 0;
}

/* Whether @k is a preposition after which 'weeks of talks' is the
 * measure of the talks. */
static gboolean
measure_prep (const TxScan *s, int k)
{
  static const char *const preps[] = { "after", "during", "by", "despite", "following", "amid",
                                       "amidst", "with", "through", "over", "from", "before" };
  for (gsize n = 0; n < G_N_ELEMENTS (preps); n++)
    if (is (s, k, preps[n]))
      return TRUE;
  return FALSE;
}

/* Whether 'over' at @j is the preposition ('used over three years'),
 * not 'more than' ('by over 18 months', 'lasted over a week'). */
static gboolean
over_preposition (const TxScan *s, int j)
{
  static const char *const before[] = { "by", "for", "of", "in", "after", "within", "to", "from",
                                        "than", "with", "last", "lasts", "lasted", "lasting",
                                        "take", "takes", "took", "taking", "spent", "just", "well" };
  if (j == 0 || !is (s, j, "over"))
    return FALSE;
  for (gsize k = 0; k < G_N_ELEMENTS (before); k++)
    if (is (s, j - 1, before[k]))
      return FALSE;
  return TRUE;
}

/* Durations and the dates made from them: 'two weeks', 'the past two
 * months', 'more than 18 months', 'a dozen years', 'several years',
 * 'two-year', '5 1/2 hours', 'hours', 'a year ago', 'two weeks later'. */
static int
p_duration (TxScan *s, int i, TxMatch *m)
{
  int j = i;
  const EvlLexEntry *mod = NULL;
  int mn = lookup_multi (s, LEX_MODS, j, &mod);
  if (mn && strcmp (attr (mod, 1), "quantity") == 0)
    {
      /* TimeBank leaves 'about'/'around' out of a duration's extent and
       * 'over the past year' is a preposition */
      if (is (s, j + mn, "the") && !is (s, j, "at"))
        return -1;
      if (strcmp (attr (mod, 0), "APPROX") == 0)
        return -1;
      /* 'almost two decades', 'spread over three years': TimeBank and
       * the silver set leave 'almost' and the preposition 'over' out of
       * a length (9 times of 10); not out of a date ('almost two years
       * ago').  'over' is 'more than' after a preposition or a verb of
       * lasting ('worn down by over 18 months', 'to last over a week') */
      if (mn == 1 && (is (s, j, "almost") || over_preposition (s, j)))
        {
          TxMatch inner;
          init_match (&inner, j + 1);
          if (p_duration (s, j + 1, &inner) > 0 && inner.type == EVL_TIMEX_DURATION)
            return -1;
        }
      j += mn;
    }
  else
    mod = NULL;
  gboolean the = FALSE;
  gboolean shifted = FALSE;
  if (is (s, j, "the"))
    {
      the = TRUE;
      j++;
    }
  /* 'is expected to last three weeks', 'will not last a week': the
   * verb, not 'the last three weeks'; the duration starts at its count */
  if (!the && j == i && is (s, j, "last")
      && (has_role (s, j - 1, "modal") || is (s, j - 1, "to") || is (s, j - 1, "not") || is (s, j - 1, "'ll")))
    return -1;
  /* 'the most recent two years', as 'the latest two years' */
  if (the && is (s, j, "most") && is (s, j + 1, "recent"))
    j++;
  if (j < s->n && ((is_shift (s, j) && !tx_unit_is (U (j), "this"))
                   || is (s, j, "first") || is (s, j, "final") || is (s, j, "recent")))
    {
      shifted = TRUE;
      j++;
      if ((is (s, j - 1, "first") || is (s, j - 1, "last")) && two_quarters_of_year (s, j))
        return -1;
    }
  if (mod == NULL && (mn = lookup_multi (s, LEX_MODS, j, &mod)) && strcmp (attr (mod, 1), "quantity") == 0)
    j += mn;
  else if (mod && strcmp (attr (mod, 1), "quantity") != 0)
    mod = NULL;
  double n = 1;
  gboolean vague = FALSE, counted = FALSE;
  int e = number_at (s, j, &n, &vague);
  if (e > 0)
    {
      counted = TRUE;
      if (year_like (U (j)) && e < s->n && U (e)->wi->unit && U (e)->wi->unit->n_attrs == 1)
        return -1; /* 'the 1988 quarter' */
    }
  else if (is (s, j, "half") && (is (s, j + 1, "a") || is (s, j + 1, "an")) && j + 2 < s->n && U (j + 2)->wi->unit
           && U (j + 2)->wi->unit->n_attrs == 1)
    {
      /* 'half an hour', 'half a century': a count of one half, spelled
       * in the smaller unit as 'a year and a half' is (PT30M, P50Y) */
      n = 0.5;
      counted = TRUE;
      e = j + 2;
    }
  else if (is (s, j, "a") || is (s, j, "an"))
    {
      /* 'a year-long inquiry': the article is the noun's; the duration
       * is 'year-long' */
      if (j + 3 < s->n && U (j + 1)->wi->unit && is_hyphen (s, j + 2) && is (s, j + 3, "long")
          && attached (s, j + 3))
        return -1;
      e = j + 1;
      /* 'an additional year', 'a full week'; but 'changed from a fiscal
       * year to a calendar year' names a kind of year, no length */
      if (is (s, e, "calendar") && is (s, e + 1, "year"))
        return -1;
      if (e + 1 < s->n && U (e + 1)->wi->unit && has_role (s, e, "unit-adjective"))
        e++;
    }
  else
    {
      e = j;
      /* 'after-hours trading', 'round-the-clock': a bare unit closing a
       * compound of words names no stretch of time */
      if (j == i && i >= 2 && is_hyphen (s, i - 1) && attached (s, i) && U (i - 2)->kind == U_WORD)
        return -1;
    }
  /* 'two and a half years', 'six and a half hours' */
  if (counted && !vague && is (s, e, "and") && is (s, e + 1, "a") && is (s, e + 2, "half") && e + 3 < s->n
      && U (e + 3)->wi->unit)
    {
      n += 0.5;
      e += 3;
    }
  /* 'two to three weeks', '12 to 18 months' */
  double n2;
  gboolean v2;
  int e2;
  if (counted && (is (s, e, "to") || is (s, e, "or") || is_hyphen (s, e))
      && (e2 = number_at (s, e + 1, &n2, &v2)) > 0 && e2 < s->n && U (e2)->wi->unit
      /* a range rises: 'sentenced in 1995 to 15 years' is a year and a
       * term, not one duration */
      && n < n2)
    {
      /* TimeBank values the range by its first bound ('two to three
       * weeks' -> P2W) */
      e = e2;
    }
  if (is (s, e, "more") && counted)
    e++;
  /* 'eight trading days', 'three business days' */
  if (counted && e + 1 < s->n && U (e + 1)->wi->unit && has_role (s, e, "unit-adjective"))
    e++;
  /* 'Islam will one day be ...': after a modal, 'one day' is 'someday' */
  if (counted && is (s, j, "one") && e == j + 1 && is (s, e, "day") && i == j && has_role (s, i - 1, "modal"))
    {
      g_strlcpy (m->value, "FUTURE_REF", sizeof m->value);
      return e + 1;
    }
  gboolean adjectival = is_hyphen (s, e) && counted && attached (s, e + 1);
  /* 'the 14-day trial', 'the next five-year term', 'the last two-day
   * meeting': the article and the shift determine the noun, not the
   * duration, which starts at the count */
  /* ... and so does the article of a vague count ('a several-year
   * effort', 'a few-day delay': TimeBank tags 'several-year') */
  if (adjectival && (the || shifted || is (s, j, "a") || is (s, j, "an")) && mod == NULL)
    return -1;
  if (adjectival)
    e++;
  if (e >= s->n || !U (e)->wi->unit)
    return -1;
  const TxUnit *uu = U (e);
  const char *code = attr (uu->wi->unit, 0);
  if (is_hyphen (s, e + 1) && (is (s, e + 2, "earlier") || is (s, e + 2, "ago")))
    return -1; /* 'a year-earlier loss': a comparison period */
  gboolean plural = uu->wi->unit->n_attrs > 1;
  gboolean abbrev_unit = uu->len <= 3 && strcmp (code, "D") != 0;
  /* 'a day-long meeting', 'a year-long search': one unit */
  gboolean long_adj = !counted && e == j && !plural && !the && is_hyphen (s, e + 1) && is (s, e + 2, "long")
                      && attached (s, e + 2);
  if (!counted && e == j && !plural && !long_adj)
    return -1; /* a bare singular unit word */
  if (!counted && e == j && plural && !shifted && !the && mod == NULL)
    {
      /* 'open on weekends', 'at weekends': each weekend, a SET as 'on
       * Sundays' */
      if (strcmp (code, "WE") == 0)
        {
          m->type = EVL_TIMEX_SET;
          g_strlcpy (m->value, "XXXX-WXX-WE", sizeof m->value);
          return e + 1;
        }
      vague = TRUE;
    }
  if (!counted && e == j && plural)
    {
      vague = TRUE;
      /* 'the days after': the bare plural alone is tagged; 'the weeks
       * ahead' is one span, as 'the coming weeks' */
      if (the && !shifted && !is (s, e + 1, "ahead"))
        return -1;
    }
  if (abbrev_unit && !counted)
    return -1;
  if (strcmp (code, "S") == 0 && !(counted && U (j)->kind == U_NUM) && !plural)
    return -1; /* 'a second', 'the second' are ordinals */
  if (strcmp (code, "Q") == 0 && !counted && !plural)
    return -1;
  /* bare 'quarters' (living quarters, three-quarters), 'minutes' (of a
   * meeting), 'seconds' need a count */
  if (!counted && e == j && (strcmp (code, "Q") == 0 || strcmp (code, "MIN") == 0 || strcmp (code, "S") == 0))
    return -1;
  /* 'after weeks of talks', 'during decades of dictatorship': a bare
   * plural right after a preposition and before 'of' measures what
   * follows, and TimeBank and the silver set leave it untagged (5 of 5;
   * 'the heady days of', 'follows months of' are tagged) */
  if (!counted && !the && !shifted && e == j && plural && i == j && i > 0 && is (s, e + 1, "of")
      && measure_prep (s, i - 1))
    return -1;
  /* 'in the early hours of Thursday', 'the small hours': a part of the
   * night, no stretch of time */
  if (!counted && e == j && plural && strcmp (code, "H") == 0 && e > 0
      && (is (s, e - 1, "early") || is (s, e - 1, "small") || is (s, e - 1, "wee")))
    return -1;
  /* '$500 million a year', '24 hours a day', '300,000 barrels a day',
   * '8,000 dollars (5,714 US) a month': a rate, not a duration */
  if (!counted && e == j + 1 && (is (s, j, "a") || is (s, j, "an")) && j > 0
      && !(e + 1 < s->n && U (e + 1)->wi->cue && !is_shift (s, e + 1)) && rate_before (s, j - 1))
    return -1;
  e++;
  if (the && !counted && !shifted && is (s, e, "ahead"))
    e++;
  /* ages ('a 6-year-old', '52 years old') are not temporal expressions */
  if ((is_hyphen (s, e) && is (s, e + 1, "old")) || is (s, e, "old"))
    return -1;
  /* 'three-quarters' is a fraction */
  if (adjectival && strcmp (code, "Q") == 0 && plural)
    return -1;
  if (is_hyphen (s, e) && is (s, e + 1, "long") && attached (s, e + 1))
    e += 2;
  if (is (s, e, "and") && is (s, e + 1, "a") && is (s, e + 2, "half"))
    {
      n += 0.5;
      e += 3;
    }
  /* 'weeks or months', 'days and weeks': one vague span, valued by its
   * first unit as the ranges above */
  if (vague && plural && (is (s, e, "or") || is (s, e, "and")) && e + 1 < s->n && U (e + 1)->wi->unit
      && U (e + 1)->wi->unit->n_attrs > 1)
    e += 2;
  e = or_so (s, e, m);
  if (mod)
    m->mod = attr (mod, 0);
  else if (i > 0 && lookup_multi (s, LEX_MODS, i - 1, &mod) == 1
           && (strcmp (attr (mod, 0), "APPROX") == 0 || (is (s, i - 1, "almost") && !is (s, i, "the"))))
    m->mod = attr (mod, 0); /* 'about three years': the modifier outside the extent */
  /* 'a week from Friday': that many weeks after the coming Friday, one
   * DATE through the weekday; not the start of a span ('two weeks from
   * Monday to Friday') */
  int fwd, fe;
  if (!adjectival && !shifted && !the && !vague && !mod && strcmp (code, "W") == 0 && s->dct && is (s, e, "from")
      && (fe = weekday_at (s, e + 1, &fwd)) > 0 && n >= 1 && n <= 52 && !is (s, fe, "to") && !is (s, fe, "through")
      && !is (s, fe, "until") && !is (s, fe, "till") && !is (s, fe, "and") && !is_hyphen (s, fe))
    {
      tx_weekday_point (s, fwd, 2, &m->pt);
      evl_timex_point_shift (&m->pt, 7 * (int) (n + 0.5));
      m->has_pt = TRUE;
      m->needs_dct = TRUE;
      m->derived = TRUE;
      m->type = EVL_TIMEX_DATE;
      return fe;
    }
  /* 'two weeks from now': 'ago' looking ahead, from the creation time */
  gboolean from_now = !adjectival && !shifted && !the && is (s, e, "from") && is (s, e + 1, "now");
  /* 'ago', 'earlier', 'later': a date this far from the reference */
  if (from_now
      || (e < s->n && U (e)->wi->cue && !adjectival && !shifted && !the
          && (strcmp (attr (U (e)->wi->cue, 0), "ago") == 0 || strcmp (attr (U (e)->wi->cue, 0), "later") == 0)))
    {
      gboolean ago = from_now || strcmp (attr (U (e)->wi->cue, 0), "ago") == 0;
      int sign = from_now ? 1 : tx_atoi (attr (U (e)->wi->cue, 1));
      const char *w = U (e)->low;
      if (from_now)
        e++;
      if ((strcmp (w, "before") == 0 || strcmp (w, "after") == 0)
          && !(e + 1 >= s->n || U (e + 1)->kind == U_PUNCT))
        goto duration;
      /* 'three days later': TimeML leaves 'later' out as a signal and the
       * expression stays the duration (TimeBank throughout); the date it
       * leads to is kept as the bounds */
      gboolean signal = strcmp (w, "later") == 0;
      EvlGrain g = tx_unit_grain (code);
      int day_end = -1;
      if (vague || g == EVL_GRAIN_NONE)
        {
          g_strlcpy (m->value, sign < 0 ? "PAST_REF" : "FUTURE_REF", sizeof m->value);
          if (g == EVL_GRAIN_NONE && !vague && s->dct)
            {
              tx_dct_point (s, EVL_GRAIN_DAY, &m->pt);
              m->has_pt = TRUE;
            }
        }
      else
        {
          if (ago && (g == EVL_GRAIN_DECADE || g == EVL_GRAIN_CENTURY))
            {
              /* 'a decade ago' is a year (TimeBank) */
              tx_dct_point (s, EVL_GRAIN_YEAR, &m->pt);
              n *= g == EVL_GRAIN_DECADE ? 10 : 100;
              g = EVL_GRAIN_YEAR;
            }
          else if (ago)
            tx_dct_point (s, g, &m->pt);
          else if (g == EVL_GRAIN_DAY && s->ref.grain > EVL_GRAIN_WEEK && s->dct)
            {
              /* 'a day earlier' after 'in February': a month names no
               * day to count from; the report's own day is the base
               * ('turnover rose from 193 million a day earlier') */
              tx_dct_point (s, g, &m->pt);
              m->needs_dct = TRUE;
            }
          else
            {
              EvlDay d = evl_timex_point_first_day (&s->ref);
              EvlGrain rg = g < s->ref.grain ? (s->ref.grain > EVL_GRAIN_YEAR ? EVL_GRAIN_YEAR : s->ref.grain) : g;
              if (d)
                evl_timex_point_from_day (&m->pt, d, rg);
              else
                {
                  evl_timex_point_clear (&m->pt);
                  m->pt.grain = rg;
                }
            }
          int steps = (int) (n + 0.5);
          /* 'two years ago this month', 'a year ago this week', 'ten
           * years ago today': an anniversary, the creation time's month,
           * week or day that many years back */
          int back = ago && g == EVL_GRAIN_YEAR && s->dct && sign < 0 ? anniversary_grain (s, e + 1) : 0;
          if (back)
            {
              dct_years_back (s, steps, (EvlGrain) back, &m->pt);
              m->has_pt = TRUE;
              m->needs_dct = TRUE;
              m->derived = TRUE;
              m->type = EVL_TIMEX_DATE;
              return is (s, e + 1, "today") ? e + 2 : e + 3;
            }
          /* 'a year ago'/'a year earlier' in a report about a quarter means
           * that quarter a year before (TimeBank's financial news); 'five
           * years ago' is no comparison base but a year */
          if (g == EVL_GRAIN_YEAR && steps == 1 && s->have_quarter && s->sentence - s->quarter_sentence <= 4
              && !months_period_before (s, i))
            {
              m->pt = s->quarter;
              g = EVL_GRAIN_QUARTER;
              steps *= 4;
            }
          if (strcmp (code, "FN") == 0)
            steps *= 2;
          if (!ago && g == EVL_GRAIN_WEEK && s->ref.grain == EVL_GRAIN_DAY && s->ref.year > 0)
            {
              /* 'two weeks later' than a day is a day */
              evl_timex_point_from_day (&m->pt, evl_timex_point_first_day (&s->ref), EVL_GRAIN_DAY);
              evl_timex_point_shift (&m->pt, sign * steps * 7);
            }
          else if (m->pt.grain == g)
            evl_timex_point_shift (&m->pt, sign * steps);
          else if (m->pt.grain == EVL_GRAIN_YEAR && g < EVL_GRAIN_YEAR)
            {
              /* coarser reference: move by whole years when it adds up */
              int per = g == EVL_GRAIN_MONTH ? 12 : g == EVL_GRAIN_QUARTER ? 4 : g == EVL_GRAIN_HALF ? 2 : 0;
              if (per && steps % per == 0)
                evl_timex_point_shift (&m->pt, sign * steps / per);
            }
          if (strcmp (code, "WE") == 0)
            m->pt.weekend = TRUE;
          int wd;
          if (ago && sign < 0 && strcmp (code, "W") == 0 && m->pt.grain == EVL_GRAIN_WEEK && m->pt.year > 0
              && (day_end = weekday_at (s, e + 1, &wd)) > 0)
            /* 'a week ago Friday': that weekday of the week so far back,
             * one timex (its Monday is the week's first day) */
            evl_timex_point_from_day (&m->pt, evl_timex_point_first_day (&m->pt) + (EvlDay) (wd - 1), EVL_GRAIN_DAY);
          m->has_pt = TRUE;
        }
      if (ago)
        m->needs_dct = TRUE;
      else
        m->needs_ref = TRUE;
      m->derived = TRUE;
      m->type = EVL_TIMEX_DATE;
      if (day_end > 0)
        return day_end;
      if (!signal)
        return e + 1;
      m->type = EVL_TIMEX_DURATION;
      m->bounds_only = m->has_pt;
      m->has_pt = FALSE;
      tx_duration_value (m->value, sizeof m->value, n, vague, code);
      return e;
    }
  int qm;
  if (the && !mod && !vague && n == 3 && strcmp (code, "M") == 0 && j == i + 1 && s->dct
      && (is (s, e, "to") || is (s, e, "ended") || is (s, e, "ending") || is (s, e, "through"))
      && month_at (s, e + 1, &qm) > 0 && qm % 3 == 0)
    {
      /* 'the three months to September', 'the three months ended Dec.
       * 31': a quarter told by its last month, as 'the quarter ended' */
      tx_dct_point (s, EVL_GRAIN_QUARTER, &m->pt);
      int qd = day_number (s, month_at (s, e + 1, &qm));
      /* a quarter reported on has ended, unless its clause looks ahead:
       * its month's end decides the year */
      int t = tx_tense (s, i, e);
      m->pt.year = tx_year_for (s, qm, qd > 0 ? qd : 28, t > 0 ? t : -2);
      m->pt.quarter = qm / 3;
      m->has_pt = m->pt.year > 0;
      m->needs_dct = TRUE;
      m->type = EVL_TIMEX_DATE;
      return e;
    }
duration:
  m->type = EVL_TIMEX_DURATION;
  tx_duration_value (m->value, sizeof m->value, n, vague, code);
  return e;
}

/* Sets: 'every week', 'each Thursday', 'twice a year', 'three times a
 * month', 'once a week'. */
static int
p_set (TxScan *s, int i, TxMatch *m)
{
  int j = i;
  int times = 0;
  if (is (s, j, "once"))
    times = 1;
  else if (is (s, j, "twice"))
    times = 2;
  else if (is (s, j, "thrice"))
    times = 3;
  if (times)
    j++;
  else
    {
      double n;
      gboolean v;
      int e = number_at (s, j, &n, &v);
      if (e > 0 && is (s, e, "times") && !v)
        {
          times = (int) n;
          j = e + 1;
        }
    }
  if (times)
    {
      if (!(is (s, j, "a") || is (s, j, "an") || is (s, j, "per") || is (s, j, "every") || is (s, j, "each")))
        return -1;
      j++;
      if (j >= s->n || !U (j)->wi->unit || U (j)->wi->unit->n_attrs != 1)
        return -1;
      tx_duration_value (m->value, sizeof m->value, 1, FALSE, attr (U (j)->wi->unit, 0));
      m->type = EVL_TIMEX_SET;
      m->freq = times == 1 ? "1X" : times == 2 ? "2X" : times == 3 ? "3X" : "NX";
      if (times > 3)
        {
          static const char *const fx[] = { "4X", "5X", "6X", "7X", "8X", "9X", "10X" };
          m->freq = times <= 10 ? fx[times - 4] : "NX";
        }
      return j + 1;
    }
  if (!is (s, j, "every") && !is (s, j, "each"))
    return -1;
  m->quant = is (s, j, "every") ? "EVERY" : "EACH";
  j++;
  /* 'every other week'; 'every second week', 'every third year': the
   * period that many units ('every second' alone is each second) */
  int step = 1, oe, wd, mo;
  if (is (s, j, "other"))
    step = 2, j++;
  else if ((oe = ordinal_at (s, j, &step)) > 0 && step >= 2 && step <= 10 && oe < s->n
           && ((U (oe)->wi->unit && U (oe)->wi->unit->n_attrs == 1) || weekday_at (s, oe, &wd) > 0))
    j = oe;
  else
    step = 1;
  m->type = EVL_TIMEX_SET;
  double n = 1;
  gboolean v;
  int e = number_at (s, j, &n, &v);
  /* 'every few years', 'every several months': a period of a vague
   * count, PXY as the bare 'few years' is */
  gboolean vague = e > 0 && v && e < s->n && U (e)->wi->unit && U (e)->wi->unit->n_attrs > 1;
  if ((e < 0 || v) && !vague)
    e = j, n = 1;
  if (e < s->n && U (e)->wi->unit && (U (e)->wi->unit->n_attrs == 1 || e > j))
    {
      tx_duration_value (m->value, sizeof m->value, n * step, vague, attr (U (e)->wi->unit, 0));
      return e + 1;
    }
  if (weekday_at (s, e, &wd) > 0)
    {
      g_snprintf (m->value, sizeof m->value, "XXXX-WXX-%d", wd);
      return weekday_at (s, e, &wd);
    }
  if ((mo = 0, month_at (s, e, &mo)) > 0)
    {
      g_snprintf (m->value, sizeof m->value, "XXXX-%02d", mo);
      return month_at (s, e, &mo);
    }
  if (e < s->n && U (e)->wi->season)
    {
      g_snprintf (m->value, sizeof m->value, "XXXX-%s", attr (U (e)->wi->season, 0));
      return e + 1;
    }
  if (e < s->n && U (e)->wi->pod && attr (U (e)->wi->pod, 0)[0] != 'T')
    {
      g_snprintf (m->value, sizeof m->value, "XXXX-XX-XXT%s", attr (U (e)->wi->pod, 0));
      return e + 1;
    }
  return -1;
}

/* Point modifiers around a date: 'early 2022', 'mid-November', 'late
 * yesterday', 'the end of the year', 'earlier this month', 'the early
 * 1980s'. */
/* A day of the month written alone, 'on the 15th', 'by the 3rd': news
 * leaves the month to the reader, the one last named ('talks began in
 * March ... on the 15th') or else the creation month, the month before
 * for a later day told in the past, the next for an earlier day ahead.
 * Only after a preposition that dates a day and before a clause
 * boundary: 'the 15th amendment', 'the 3rd quarter', 'in the 3rd' (an
 * inning, a period), 'finished 3rd' are not days. */
static int
p_day_ordinal (TxScan *s, int i, TxMatch *m)
{
  int d;
  if (!is (s, i, "the") || i + 1 >= s->n || !(U (i + 1)->sc & S_NUMORD) || ordinal_at (s, i + 1, &d) != i + 2
      || d < 1 || d > 31)
    return -1;
  if (!(is (s, i - 1, "on") || is (s, i - 1, "by") || is (s, i - 1, "until") || is (s, i - 1, "till")
        || is (s, i - 1, "since") || is (s, i - 1, "before") || is (s, i - 1, "after")))
    return -1;
  int e = i + 2;
  if (e < s->n)
    {
      const TxUnit *n = U (e);
      if (n->kind == U_PUNCT)
        {
          /* '15th-century', "the 15th's" */
          if (n->low[0] == '-' || n->low[0] == '\'' || n->low[0] == '%')
            return -1;
        }
      else if (is (s, e, "and") || is (s, e, "or") || is (s, e, "to") || is (s, e, "through"))
        {
          /* 'on the 15th and 16th', 'on the 3rd and a second ...', not
           * 'the 3rd and final day' */
          if (!(e + 1 < s->n
                && ((U (e + 1)->sc & S_NUMORD) || is (s, e + 1, "the") || is (s, e + 1, "a")
                    || is (s, e + 1, "an") || is (s, e + 1, "then") || is (s, e + 1, "on"))))
            return -1;
        }
      else if (!(is (s, e, "at") || is (s, e, "in") || is (s, e, "when") || is (s, e, "as")
                 || is (s, e, "but") || is (s, e, "with") || is (s, e, "while") || is (s, e, "after")
                 || is (s, e, "before") || is (s, e, "because") || is (s, e, "amid")))
        return -1;
    }
  const EvlTimexPoint *r = &s->ref;
  m->pt.grain = EVL_GRAIN_DAY;
  m->pt.day = d;
  gboolean use_ref = s->ref_index >= 0 && r->year > 0 && r->month > 0 && r->grain >= EVL_GRAIN_MINUTE
                     && r->grain <= EVL_GRAIN_MONTH && r->grain != EVL_GRAIN_WEEK;
  if (use_ref && s->dct)
    {
      /* The month last named is the scene only when the clause's tense
       * agrees with it: 'talks began in March. They will meet again on
       * the 15th' told in September means the 15th ahead, not March's. */
      EvlDay cand = evl_timex_day_from_ymd (r->year, r->month, d);
      int t = tx_tense (s, i, e);
      if (cand && ((t > 0 && cand < s->dct) || (t < 0 && cand > s->dct)))
        use_ref = FALSE;
    }
  if (use_ref)
    {
      m->pt.year = r->year;
      m->pt.month = r->month;
      m->needs_ref = TRUE;
    }
  else if (s->dct)
    {
      int y, mo, dd;
      evl_day_to_ymd (s->dct, &y, &mo, &dd);
      int t = tx_tense (s, i, e), shift = t < 0 && d > dd ? -1 : t > 0 && d < dd ? 1 : 0;
      mo += shift;
      if (mo < 1)
        mo = 12, y--;
      else if (mo > 12)
        mo = 1, y++;
      m->pt.year = y;
      m->pt.month = mo;
      m->needs_dct = TRUE;
      /* a guessed month sets no scene for the next bare day */
      m->derived = TRUE;
    }
  else
    {
      g_snprintf (m->value, sizeof m->value, "XXXX-XX-%02d", d);
      return e;
    }
  if (evl_timex_day_from_ymd (m->pt.year, m->pt.month, d) == 0)
    return -1;
  m->has_pt = TRUE;
  return e;
}

/* An ISO week by its number, 'in week 12', 'week 52 of 2023': the week
 * of the year written after it, else of the creation year (the year
 * before for a later week told in the past).  Not 'a week 10 years ago',
 * nor a week of something else ('Week 3 of the season', 'week 2 of the
 * trial'), nor the capitalised 'Week 12' of sports schedules. */
static int
p_week_number (TxScan *s, int i, TxMatch *m)
{
  if (!is (s, i, "week") || i + 1 >= s->n)
    return -1;
  const TxUnit *n = U (i + 1);
  if (n->kind != U_NUM || n->ndig > 2 || n->suffix[0] || n->apos || n->num < 1 || n->num > 53
      || strchr (n->low, ':') || strchr (n->low, '.') || strchr (n->low, '/'))
    return -1;
  gboolean start = i == 0 || (U (i - 1)->kind == U_PUNCT && strchr (".!?\"", U (i - 1)->low[0]));
  if (U (i)->cap && !start)
    return -1;
  if (!(start || is (s, i - 1, "in") || is (s, i - 1, "during") || is (s, i - 1, "by") || is (s, i - 1, "until")
        || is (s, i - 1, "till") || is (s, i - 1, "since") || is (s, i - 1, "from") || is (s, i - 1, "through")
        || is (s, i - 1, "to") || is (s, i - 1, "before") || is (s, i - 1, "after") || is (s, i - 1, "of")
        || is (s, i - 1, "for") || is (s, i - 1, "calendar")))
    return -1;
  int e = i + 2, y = 0;
  if (e < s->n && (U (e)->wi->unit || U (e)->kind == U_NUM || is (s, e, "percent") || is (s, e, "%")))
    return -1;
  if (is (s, e, "of"))
    {
      if (!(e + 1 < s->n && year_like (U (e + 1))))
        return -1;
      y = U (e + 1)->num;
      e += 2;
    }
  int w = (int) n->num;
  if (y)
    m->absolute = TRUE;
  else if (s->ref_index >= 0 && s->ref.year > 0 && s->ref_from_text && s->ref_sentence == s->sentence)
    y = s->ref.year;
  else if (s->dct)
    {
      GDate g;
      g_date_clear (&g, 1);
      g_date_set_julian (&g, s->dct);
      int cw = (int) g_date_get_iso8601_week_of_year (&g);
      int mo = (int) g_date_get_month (&g);
      /* the ISO year of the creation day: late December may be in
       * week 1 of the next, early January in week 52/53 of the last */
      y = (int) g_date_get_year (&g) + (cw == 1 && mo == 12) - (cw >= 52 && mo == 1);
      if (tx_tense (s, i, e) < 0 && w > cw)
        y--;
      m->needs_dct = TRUE;
    }
  else
    {
      g_snprintf (m->value, sizeof m->value, "XXXX-W%02d", w);
      return e;
    }
  /* the Monday of week 1 is the one on or before 4 January */
  EvlDay jan4 = evl_timex_day_from_ymd (y, 1, 4);
  if (!jan4)
    return -1;
  GDate g;
  g_date_clear (&g, 1);
  g_date_set_julian (&g, jan4);
  EvlDay day = jan4 - (g_date_get_weekday (&g) - 1) + 7 * (guint32) (w - 1);
  g_date_set_julian (&g, day);
  if ((int) g_date_get_iso8601_week_of_year (&g) != w)
    return -1;
  evl_timex_point_from_day (&m->pt, day, EVL_GRAIN_WEEK);
  m->has_pt = TRUE;
  return e;
}

typedef int (*Pattern) (TxScan *s, int i, TxMatch *m);

static int date_core (TxScan *s, int i, TxMatch *m);

static int
p_modified (TxScan *s, int i, TxMatch *m)
{
  int j = i;
  const EvlLexEntry *mod = NULL;
  int n = lookup_multi (s, LEX_MODS, j, &mod);
  if (n == 0 && is (s, j, "the"))
    {
      n = lookup_multi (s, LEX_MODS, j + 1, &mod);
      if (n && strcmp (attr (mod, 1), "point") != 0)
        return -1;
      j++;
    }
  if (n == 0)
    return -1;
  const char *pos = attr (mod, 1);
  /* 'end-2023', 'end-June': a word that is a modifier only when a
   * hyphen binds it to the date ('the strikes end Monday') */
  if (strcmp (pos, "hyphen") == 0)
    {
      if (!is_hyphen (s, j + n) || !attached (s, j + n + 1))
        return -1;
      pos = "point";
    }
  if (strcmp (pos, "point") != 0 && strcmp (pos, "of") != 0)
    return -1;
  j += n;
  if (is_hyphen (s, j))
    j++;
  if (strcmp (pos, "of") == 0 && !is (s, j - 1, "of"))
    return -1;
  int e = date_core (s, j, m);
  if (e < 0)
    {
      /* 'the end of the year' */
      if (strcmp (pos, "of") == 0 && is (s, j, "the") && j + 1 < s->n && U (j + 1)->wi->unit
          && tx_unit_grain (attr (U (j + 1)->wi->unit, 0)) != EVL_GRAIN_NONE && U (j + 1)->wi->unit->n_attrs == 1)
        {
          EvlGrain g = tx_unit_grain (attr (U (j + 1)->wi->unit, 0));
          EvlDay d = evl_timex_point_first_day (&s->ref);
          if (d && g < s->ref.grain && s->dct)
            {
              /* 'the end of the month' after 'the past year': a year
               * names no month, so the creation time's */
              tx_dct_point (s, g, &m->pt);
              m->needs_dct = TRUE;
            }
          else if (d == 0)
            {
              evl_timex_point_clear (&m->pt);
              m->pt.grain = g;
              m->needs_ref = TRUE;
            }
          else
            {
              evl_timex_point_from_day (&m->pt, d, g);
              m->needs_ref = TRUE;
            }
          m->has_pt = TRUE;
          e = j + 2;
        }
      else if (strcmp (pos, "point") == 0 && j < s->n && U (j)->wi->pod && U (j)->wi->pod->n_attrs == 1
               && attr (U (j)->wi->pod, 0)[0] != 'T')
        {
          /* 'mid-afternoon', 'late evening yesterday', 'early morning
           * of March 30': a part of the creation day or of the day named
           * right after it */
          e = j + 1;
          TxMatch day;
          init_match (&day, e);
          int de = e < s->n && U (e)->cand ? p_deictic (s, e, &day) : -1;
          if (de < 0 && e < s->n && U (e)->cand)
            {
              init_match (&day, e);
              de = p_weekday (s, e, &day);
            }
          int me = is (s, e, "of") ? e + 1 : e;
          if (de < 0 && me < s->n && U (me)->wi->month)
            {
              init_match (&day, me);
              de = p_month (s, me, &day);
            }
          gboolean ref_day = FALSE;
          if (de > 0 && day.has_pt && day.pt.grain == EVL_GRAIN_DAY)
            {
              m->pt = day.pt;
              e = de;
            }
          else if (s->ref.grain == EVL_GRAIN_DAY && s->ref.year > 0)
            {
              /* 'On Monday talks ran until late evening': the day
               * under discussion */
              m->pt = s->ref;
              ref_day = TRUE;
            }
          else
            tx_dct_point (s, EVL_GRAIN_DAY, &m->pt);
          m->pt.grain = EVL_GRAIN_PART_OF_DAY;
          g_strlcpy (m->pt.pod, attr (U (j)->wi->pod, 0), sizeof m->pt.pod);
          m->type = EVL_TIMEX_TIME;
          m->has_pt = TRUE;
          m->needs_dct = !ref_day;
          m->needs_ref = ref_day;
        }
      else
        return -1;
    }
  if (m->type != EVL_TIMEX_DATE && m->type != EVL_TIMEX_TIME)
    return -1;
  if ((is (s, j - 1, "earlier") || is (s, j - 1, "later")) && !(m->has_pt && m->pt.grain >= EVL_GRAIN_WEEK))
    return -1;
  if (is (s, i, "the") && strcmp (pos, "point") == 0 && !(m->has_pt && (m->pt.grain == EVL_GRAIN_DECADE
                                                                          || m->pt.grain == EVL_GRAIN_SEASON
                                                                          || m->pt.grain == EVL_GRAIN_CENTURY)))
    return -1;
  m->mod = attr (mod, 0);
  /* 'the end of the year' (not 'of this year', 'of 2024') */
  if (is (s, j, "the") && is (s, j + 1, "year") && !(s->ref_from_text && s->ref_sentence == s->sentence))
    end_of_year_gone (s, i, e, m);
  return e;
}

typedef struct {
  Pattern fn;
  guint32 starts;               /* the classes (u->sc) it may begin with */
  guint32 the_next;             /* when 'the' is not among them: the classes
                                 * the unit after a 'the' must have for the
                                 * pattern to match from the 'the' */
  guint32 needs;                /* 0, or classes of TX_NEED_CLASSES one of
                                 * which some unit at or after the start
                                 * must have for the pattern to match */
} PatternEntry;

/* The classes a pattern may need further on (PatternEntry.needs): each
 * is exactly a lexicon entry of the word (u->wi->month ... u->wi->pod)
 * or one of a few words (S_QUARTER, S_CENTURY: literal_bits() in
 * timex-scan.c), which the pattern's every match tests at a unit at or
 * after its start.  Most paragraphs have no season and a good part of them no
 * month, weekday or time unit after a candidate: the pattern is not
 * run (~80 % of the calls of these patterns fail on the 400 small
 * documents, many after number_at() and lookup_multi()). */
/* (TX_NEED_CLASSES, timex-scan.h) */

/* Cues are tested through their first attribute "shift" (S_SHIFT);
 * multi-word lexicons through lookup_multi(), whose first word the
 * prefix filter must know (S_MODS, S_DEI, S_HOL); numbers through the
 * parser each pattern starts with (S_CARD ... S_SLASH).  After 'the':
 * an ordinal ('the 3rd of May', 'the third quarter', 'the 20th
 * century'), a cue ('the previous Friday'), 'year' ('the year two
 * thousand'), a count, a unit, a modifier, a season.  Needs: a month
 * (month_date() through month_at()), a weekday (weekday_at()), a
 * season; a duration a time unit (its 'one day' too, when 'day' is one:
 * pattern_set() lets 'one' through whatever the lexicon); a set a unit,
 * or after 'every'/'each' a weekday, month, season or part of day; a
 * quarter 'quarter(s)' or 'half'; a century 'century'; an anaphor ('the
 * year', 'that day') a unit. */
#define THE_ORDINAL (S_NUMORD | S_ORD | S_NUMBER)
#define P_MONTH { p_month, S_DAY | S_WDAY | S_MONTH, THE_ORDINAL, S_MONTH }
#define P_WEEKDAY { p_weekday, S_SHIFT | S_WDAY, S_CUE | THE_ORDINAL, S_WDAY }
#define P_YEAR { p_year, S_LIT | S_YEARISH | S_NUMBER, S_LIT | S_YEARISH, 0 }
#define P_SEASON { p_season, S_SHIFT | S_CARD | S_A | S_NUMBER | S_SEASON, \
                   S_SHIFT | S_CARD | S_A | S_NUMBER | S_SEASON, S_SEASON }
#define P_QUARTER { p_quarter, S_SHIFT | S_YEAR | S_NUMORD | S_LIT | S_ORD | S_NUMBER | S_MONTH, \
                    S_LIT | THE_ORDINAL | S_MONTH, \
                    S_QUARTER }
#define P_CENTURY { p_century, S_NUMORD | S_ORD | S_NUMBER, THE_ORDINAL, S_CENTURY }
#define P_HOLIDAY { p_holiday, S_SHIFT | S_HOL, 0, 0 }
#define P_DEICTIC { p_deictic, S_DEI, 0, 0 }
/* after 'the' also a start word: 'the most recent quarter' */
#define P_RELATIVE { p_relative, S_SHIFT, S_SHIFT | S_LIT, 0 }
#define P_ANAPHOR { p_anaphor, S_THE | S_THAT, 0, S_UNIT | S_POD }
#define P_NUMERIC_DATE { p_numeric_date, S_YEAR | S_SLASH, 0, 0 }
#define P_DURATION { p_duration, S_MODS | S_SHIFT | S_LIT | S_CARD | S_A | S_NUMBER | S_UNIT, \
                     S_MODS | S_SHIFT | S_LIT | S_CARD | S_A | S_NUMBER | S_UNIT, S_UNIT }
#define P_SET { p_set, S_LIT | S_CARD | S_A | S_NUMBER, 0, S_UNIT | S_WDAY | S_MONTH | S_SEASON | S_POD }

/* For each class bit, the patterns of a table (bit k: pats[k]) that
 * may start at a unit of that class, or after a 'the' whose next unit
 * has it.  run_patterns() ORs the sets of a unit's few classes instead
 * of testing every pattern's masks (~150 instructions a tx_match()).
 * @free: the patterns that need nothing further on; @need: by class
 * bit, the patterns that one of their needs lets through. */
typedef struct {
  guint32 starts[32];
  guint32 the_next[32];
  guint32 free;
  guint32 need[32];
} PatternIndex;

static void
pattern_index_build (const PatternEntry *pats, guint n_pats, PatternIndex *ix)
{
  memset (ix, 0, sizeof *ix);
  for (guint k = 0; k < n_pats; k++)
    {
      g_assert ((pats[k].needs & ~(guint32) TX_NEED_CLASSES) == 0);
      if (!pats[k].needs)
        ix->free |= (guint32) 1 << k;
      for (guint b = 0; b < 32; b++)
        {
          if (pats[k].starts & ((guint32) 1 << b))
            ix->starts[b] |= (guint32) 1 << k;
          if (pats[k].the_next & ((guint32) 1 << b))
            ix->the_next[b] |= (guint32) 1 << k;
          if (pats[k].needs & ((guint32) 1 << b))
            ix->need[b] |= (guint32) 1 << k;
        }
    }
}

/* The classes of TX_NEED_CLASSES that some unit at or after @i has.
 * tx_units() noted the last unit of each in the paragraph
 * (tx_need_set()); for units kept from a first run, they are found on
 * the first call in the paragraph, walking back from its end.  A call
 * then reads the few classes the paragraph has (the walk on every
 * first call and a loop over the seven classes were ~0.7 M
 * instructions on the 400 small documents). */
static guint32
need_classes (TxScan *s, int i)
{
  if (s->need.u != s->u || s->need.n != s->n || s->need.start != s->u[0].start)
    {
      s->need.u = s->u;
      s->need.n = s->n;
      s->need.start = s->u[0].start;
      guint32 missing = TX_NEED_CLASSES;
      const TxUnit *u = s->u + s->n, *u4 = s->u + 4;
      while (u > s->u && missing)
        {
          /* four units a test: most have none of the classes (a unit a
           * test was ~0.6 M instructions more on the 400 small documents) */
          if (u >= u4 && !((u[-1].sc | u[-2].sc | u[-3].sc | u[-4].sc) & missing))
            {
              u -= 4;
              continue;
            }
          u--;
          guint32 c = u->sc & missing;
          missing &= ~c;
          for (; c; c &= c - 1)
            s->need.last[tx_lowest_bit (c)] = (gint32) (u - s->u);
        }
      s->need.mask = TX_NEED_CLASSES & ~missing;
    }
  guint32 have = 0;
  for (guint32 c = s->need.mask; c; c &= c - 1)
    if (s->need.last[tx_lowest_bit (c)] >= i)
      have |= c & -c;
  return have;
}

void
tx_need_set (TxScan *s, guint32 mask, const gint32 *last)
{
  if (s->n == 0)
    return;
  s->need.u = s->u;
  s->need.n = s->n;
  s->need.start = s->u[0].start;
  s->need.mask = mask;
  for (guint32 c = mask; c; c &= c - 1)
    s->need.last[tx_lowest_bit (c)] = last[tx_lowest_bit (c)];
}

/* The patterns of @ix that may match at unit @i, as a set of table
 * indices. */
static inline guint32
pattern_set (TxScan *s, int i, const PatternIndex *ix)
{
  guint32 c = U (i)->sc;
  guint32 cn = (c & S_THE) && i + 1 < s->n ? U (i + 1)->sc : 0;
  guint32 set = 0;
  for (; c; c &= c - 1)
    set |= ix->starts[tx_lowest_bit (c)];
  for (; cn; cn &= cn - 1)
    set |= ix->the_next[tx_lowest_bit (cn)];
  if (!(set & ~ix->free))
    return set;
  /* p_duration()'s 'one day' tests the word 'day', not its class */
  guint32 have = tx_unit_is (U (i), "one") ? TX_NEED_CLASSES : need_classes (s, i);
  guint32 ok = ix->free;
  for (; have; have &= have - 1)
    ok |= ix->need[tx_lowest_bit (have)];
  return set & ok;
}

/* The longest match of @pats at @i that ends past @floor_end, trying the
 * patterns of @set in table order. */
static int
run_patterns (TxScan *s, int i, const PatternEntry *pats, guint32 set, int floor_end, TxMatch *m)
{
  int best = -1;
  TxMatch tmp;
  for (; set; set &= set - 1)
    {
      gsize k = tx_lowest_bit (set);
      init_match (&tmp, i);
      int e = pats[k].fn (s, i, &tmp);
      if (e > best && e > floor_end)
        {
          best = e;
          *m = tmp;
        }
    }
  return best;
}

static int
date_core (TxScan *s, int i, TxMatch *m)
{
  static const PatternEntry core[] = {
    P_NUMERIC_DATE, P_MONTH, P_WEEKDAY, P_YEAR, P_SEASON, P_QUARTER, P_CENTURY,
    P_HOLIDAY, P_DEICTIC, P_RELATIVE, P_ANAPHOR,
  };
  static PatternIndex ix;
  static gsize ix_ready;
  if (g_once_init_enter (&ix_ready))
    {
      pattern_index_build (core, G_N_ELEMENTS (core), &ix);
      g_once_init_leave (&ix_ready, 1);
    }
  /* A modifier or preposition can end the text ('three days late'):
   * no unit follows, and the parsers index units without a bound check. */
  if (i < 0 || i >= s->n)
    return -1;
  return run_patterns (s, i, core, pattern_set (s, i, &ix), -1, m);
}

gboolean
tx_match (TxScan *s, int i, TxMatch *m)
{
  static const PatternEntry all[] = {
    { p_time, S_CLOCK | S_HOUR | S_POD | S_CARD | S_NUMBER, 0, 0 },   /* S_CARD: '1530 GMT'; S_NUMBER: 'nine o'clock' */
    { p_modified, S_MODS, S_MODS, 0 },
    P_NUMERIC_DATE, P_MONTH, P_WEEKDAY, P_YEAR, P_SEASON, P_QUARTER, P_CENTURY,
    P_HOLIDAY, P_DEICTIC, P_RELATIVE,
    { p_period, S_THE | S_LIT, 0, 0 },
    P_ANAPHOR,
    { p_year_end, S_THE | S_LIT, 0, 0 },
    P_DURATION,
    P_SET,
    { p_second_day, S_DAY, 0, 0 },
    { p_period_code, S_PERIOD, 0, 0 },
    { p_day_ordinal, 0, S_NUMORD, 0 },
    { p_week_number, S_UNIT, 0, 0 },
    { p_month_part, S_THE, 0, S_MONTH },
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (all) <= 32);
  static PatternIndex ix;
  static gsize ix_ready;
  if (g_once_init_enter (&ix_ready))
    {
      pattern_index_build (all, G_N_ELEMENTS (all), &ix);
      g_once_init_leave (&ix_ready, 1);
    }
  int best = run_patterns (s, i, all, pattern_set (s, i, &ix), i, m);
  if (best < 0)
    return FALSE;
  m->start = i;
  m->end = best;
  return TRUE;
}
