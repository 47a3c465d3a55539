/* Entity timelines: finding an entity's name in a sentence.
 *
 * News names an entity with small variations: "the iTunes Music Store"
 * for the iTunes Store, "Apple Corps Ltd" for Apple Corps.  A name matches
 * as its words in order, whole words, with at most one extra word between
 * two of them; the first word must match where the occurrence starts. */
#include "evl-private.h"

#include <string.h>

/* Whether @w (@wl bytes) starts a whole word at @p (before @end). */
static gboolean
word_at (const char *p, const char *end, const char *w, gsize wl)
{
  return (gsize) (end - p) >= wl && g_ascii_strncasecmp (p, w, wl) == 0
         && (p + wl == end || !g_ascii_isalnum (p[wl]));
}

static const char *
skip_space (const char *p, const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* Past the word at @p and the space after it. */
static const char *
skip_word (const char *p, const char *end)
{
  while (p < end && !g_ascii_isspace (*p))
    p++;
  return skip_space (p, end);
}

/* Whether @name occurs at @at, which starts a word. */
static gboolean
name_at (const char *at, const char *end, const char *name)
{
  const char *p = at;
  for (const char *w = name; *w;)
    {
      gsize wl = strcspn (w, " ");
      if (w != name)
        p = skip_space (p, end);
      if (!word_at (p, end, w, wl))
        {
          if (w == name)
            return FALSE;
          p = skip_word (p, end);
          if (!word_at (p, end, w, wl))
            return FALSE;
        }
      p += wl;
      w += wl;
      while (*w == ' ')
        w++;
    }
  return TRUE;
}

gboolean
evl_timeline_find_name (const char *text, gssize len, const char *name, GArray *hits)
{
  g_return_val_if_fail (text != NULL && name != NULL, FALSE);
  const char *end = text + (len < 0 ? strlen (text) : (gsize) len);
  while (*name == ' ')
    name++;
  if (*name == '\0')
    return FALSE;
  gboolean any = FALSE;
  for (const char *p = text; p < end; p++)
    {
      if (p > text && g_ascii_isalnum (p[-1]))
        continue;
      if (!name_at (p, end, name))
        continue;
      any = TRUE;
      if (hits == NULL)
        break;
      guint off = (guint) (p - text);
      g_array_append_val (hits, off);
    }
  return any;
}

/* How many days before the creation time a report's own events fall:
 * news reports what happened "on Friday", "yesterday", within the week. */
#define REPORT_DAYS 7

/* The day a past-tense event without a date of its own happened: the
 * narrative's reference time, i.e. the last day of the report's week the
 * text named before it (Reichenbach's R carried forward, as readers and
 * the task's annotators read "On Wednesday Apple unveiled X.  Jobs said
 * ..."; 30.8 -> 32.3 F1 on the trial data).  Older dates do not reset it:
 * they date their own clause ("founded in 1976"), and leaving such
 * events undated instead costs more recall than it gains (32.3 vs 29.4).
 * The creation time when the text names no such day. */
EvlDay
evl_timeline_reference_day (const EvlTimex *tx, guint nt, guint before, EvlDay dct)
{
  for (guint i = nt; i-- > 0;)
    {
      const EvlTimex *t = &tx[i];
      if (t->span.start < before && t->type == EVL_TIMEX_DATE && t->grain <= EVL_GRAIN_DAY
          && t->begin != 0 && t->begin == t->end && t->begin <= dct && t->begin + REPORT_DAYS >= dct)
        return t->begin;
    }
  return dct;
}

/* Whether two dated mentions of one lemma can be one event: the same
 * date, a month and a day in it, or, across documents, two days of one
 * month (reports date one event a day apart: "yesterday" in a paper
 * dated the next morning).  Within a document two days are two events:
 * "announced today ... announced Wednesday" (32.3 -> 33.4 F1 on the
 * trial data over keying on the month alone).  A year alone says too
 * little to join a dated line: a "2010" release is any of that year's. */
gboolean
evl_timeline_same_event_date (const char *a, const char *b, gboolean same_doc)
{
  gsize la = strlen (a), lb = strlen (b);
  if (la == lb && strcmp (a, b) == 0)
    return TRUE;
  if (la < 7 || lb < 7 || strncmp (a, b, 7) != 0)
    return FALSE;
  return !same_doc || la != lb;
}

/* Adverbial particles: with them a verb is another verb ("showed off",
 * "stepped down", "took out"), and the task names such an event by both
 * words.  Words that are as often prepositions ("over", "up", "in") are
 * left out: "went up the hill". */
static const char *const particles[] = { "off", "out", "down", "away", NULL };

/* Words that end a verb's short object: the particle of a verb stands
 * after its object only when the object is short ("took six months
 * off"), and a clause word or a second verb starts something else ("said
 * the deal was off"). */
static const char *const object_ends[] = { "that", "which", "who", "and", "or", "but", "to", "is", "was",
                                           "are", "were", "be", "been", "being", "has", "had", "have", NULL };

/* Words a particle may stand after its verb ("took six months off"). */
#define OBJECT_WORDS 3

static gboolean
word_in (const char *p, const char *end, const char *const *words, const char **which)
{
  for (guint i = 0; words[i]; i++)
    if (word_at (p, end, words[i], strlen (words[i])))
      {
        if (which)
          *which = words[i];
        return TRUE;
      }
  return FALSE;
}

char *
evl_timeline_mention_word (const char *text, gsize len, gsize word_len, gboolean verb)
{
  g_return_val_if_fail (text != NULL && word_len <= len, NULL);
  const char *end = text + len, *p = text + word_len;
  for (guint w = 0; verb && w <= OBJECT_WORDS; w++)
    {
      const char *q = skip_space (p, end);
      if (q == p || q == end || !g_ascii_isalnum (*q))
        break;
      const char *particle;
      if (word_in (q, end, particles, &particle))
        return g_strdup_printf ("%.*s_%s", (int) word_len, text, particle);
      if (word_in (q, end, object_ends, NULL))
        break;
      p = q;
      while (p < end && (g_ascii_isalnum (*p) || *p == '\'' || *p == '-'))
        p++;
    }
  return g_strndup (text, word_len);
}

/* Whether the genitive 's (or a bare ' after an s) follows byte @at of
 * @text (@len bytes), past any space: a date so marked qualifies the
 * noun after it ("this year's conference"), not the clause's verb. */
gboolean
evl_timeline_genitive_at (const char *text, gsize len, gsize at)
{
  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  if (at > len)
    return FALSE;
  const char *end = text + len, *p = skip_space (text + at, end);
  gsize apos = 0;
  if (p < end && *p == '\'')
    apos = 1;
  else if (end - p >= 3 && memcmp (p, "\xe2\x80\x99", 3) == 0)
    apos = 3;
  if (apos == 0)
    return FALSE;
  p += apos;
  if (p < end && (*p == 's' || *p == 'S'))
    p++;
  else if (!(at > 0 && (text[at - 1] == 's' || text[at - 1] == 'S')))
    return FALSE;
  return p == end || !g_ascii_isalnum (*p);
}

/* Words that open an adverbial participle clause ("by walking", "while
 * introducing") or join one to another ("and taking"). */
static const char *const clause_openers[] = { "by", "while", "when", "after", "before", "without",
                                              "upon", "and", NULL };

/* The word that ends before byte @at of @text, back to byte @from, past
 * any space: its start (NULL when none) and, in @end, its end; @end is
 * also where a punctuation mark or the start stands in its place. */
static const char *
word_before (const char *text, gsize from, gsize at, const char **end)
{
  const char *start = text + from, *p = text + at;
  while (p > start && g_ascii_isspace (p[-1]))
    p--;
  *end = p;
  const char *w = p;
  while (w > start && g_ascii_isalpha (w[-1]))
    w--;
  return w < p && (w == start || !g_ascii_isalnum (w[-1])) ? w : NULL;
}

gboolean
evl_timeline_opens_clause_before (const char *text, gsize from, gsize at)
{
  g_return_val_if_fail (text != NULL && from <= at, FALSE);
  const char *p, *w = word_before (text, from, at, &p);
  if (p == text + from || p[-1] == ',' || p[-1] == ';' || p[-1] == ':')
    return TRUE;
  return w && word_in (w, p, clause_openers, NULL);
}

gboolean
evl_timeline_to_before (const char *text, gsize from, gsize at)
{
  g_return_val_if_fail (text != NULL && from <= at, FALSE);
  const char *p, *w = word_before (text, from, at, &p);
  return w && p - w == 2 && g_ascii_strncasecmp (w, "to", 2) == 0;
}
