/* Event coreference within and across documents.
 *
 * Greedy clustering: events are visited most specific first (dated at a
 * fine grain, then with many participants); each joins the compatible
 * cluster that scores best or starts a new one.  Compatibility is checked
 * against the cluster as a whole, never pairwise, so an undated 'the
 * meeting' cannot chain a 2019 meeting to a 2023 one.
 *
 * Compatible means: same story type (the taxonomy groups 'summit',
 * 'talks', 'met', 'convened' under MEETING; untyped events need the same
 * trigger), no two different people on the two sides, times that overlap
 * at their granularity ('2023-09' contains '2023-09-13'; creation-time
 * and tense anchors are too weak to veto), no contradicting outcome
 * (failed/succeeded) or genericity, and the same factuality (asserted,
 * hedged, negated) unless participants and place or day show it is
 * clearly the same event.  Merged events keep every mention; the date
 * with the most supporting sources (then the most precise) wins and the
 * disagreement is recorded as a conflict.
 *
 * Before that, each document's own coreference is settled: a nominal
 * mention that refers back to an event the same article tells ('Rail
 * workers walked out ...  The strike ...'), or a bare nominal that is the
 * subject of a phase verb ('talks broke down'), joins it, and so does
 * the event noun a light verb takes as object ('reached a wage deal',
 * 'held talks'), lending it the verb's plan or hedge; see
 * merge_within_documents().  Across documents an event must share an
 * entity with the cluster it joins (two when it has no date of its own),
 * so that no article's event takes its date from another article's event
 * of the same type.  A name most of the input's articles carry ('the
 * United States') counts half, and undated on both sides, the names
 * shared with the cluster's first member count, so that talks sharing
 * one name each do not chain into one.  Undated, one shared entity is enough
 * with the same sentence reworded, the same head noun (or a near-synonym,
 * taxonomy/coreference.txt) at a shared place, or the same word said of
 * the same agent in articles a day apart.  Only a definite description
 * naming nobody ('the meeting') may join the day's event of a report
 * written within days of it.  Dated to the very same day, another
 * article's event of the type needs no shared name but a shared place,
 * a city standing for its country ('the bombing in Nairobi' / 'the
 * attack in Kenya', 'in Dar es Salaam' / 'in Tanzania': a capital in the
 * countries gazetteer, another city in en/gazetteer-cities); see
 * same_day_same_place ().  A plan for the very day a happening of its
 * type is dated, in the same word or a near-synonym in one story, is
 * that happening announced ('workers will walk off the job on Nov. 9' /
 * 'went on strike on Monday'); a plan for another day, or for none,
 * stays a card of its own, since joining would date it wrong.  See
 * score().  Last, a cluster with
 * no date of its own to the day, told as a noun phrase ('the bombing in
 * Kenya'), joins the one dated happening of its type at its place or
 * naming someone it names, when the input holds no other; see
 * join_undated ().  In a feed of many stories (no name carried by half
 * its articles), the definite description and the day's specific
 * happening join another article's only when the two articles tell one
 * story, sharing a name or a place; see many_stories () and
 * same_story (). */
#include "reason-private.h"

#include <math.h>
#include <string.h>

/* The taxonomy's catch-all type (taxonomy/story.txt, story-taxonomy.c):
 * sharing it says nothing, so its events corefer on the same trigger. */
#define CATCH_ALL_TYPE "OTHER"

static gboolean
catch_all (const char *type)
{
  return type == NULL || strcmp (type, CATCH_ALL_TYPE) == 0;
}

typedef struct Cluster {
  guint rep;             /* representative: the first member visited */
  GArray *members;       /* guint event indices */
  GArray *parts;         /* guint entity indices (union) */
  GArray *docs;          /* guint document indices of the mentions */
  GPtrArray *triggers;   /* the members' distinct triggers (interned) */
  GPtrArray *quotes;     /* the members' distinct sentences (interned) */
  gint location;
  const char *type;
  const char *trigger;
  gboolean strong;       /* has a dated (strength >= 2) time */
  guint32 classes;       /* head-noun classes of the members (bit per class) */
  gint nominal;          /* event_nominal () of every member; -1 until asked */
  GPtrArray *sigs;       /* sentence_signature () of the first quotes, when asked */
  GArray *object;        /* object_signature () of the first member, when asked */
  GArray *places;        /* event_places () of the first member, when asked */
  GPtrArray *said;       /* said_signature () of the members told by a verb, when asked */
  GPtrArray *said_trig;  /* their triggers (the graph's strings) */
  guint said_seen;       /* members looked at for it */
  gboolean said_vague;   /* one of them says too little to tell */
  EvlDay tb, te;         /* intersection of the members' dated times */
  EvlDay wb, we;         /* some time, however weak, for proximity */
  EvlDay earliest, latest;
  int fact;              /* 0 asserted, 1 hedged, 2 negated */
  guint32 outcome;       /* FAILED | SUCCEEDED seen */
  gboolean generic;
  gboolean done;         /* some member is dated and told as done: asserted, not planned */
  EvlDay done_end;       /* the latest end of such a member's date */
  gboolean counted;      /* some member is a counted plural ('two attempts') */
  guint n_mentions;
  guint id;              /* creation order */
  guint stamp;           /* last event (+1) that listed it as a candidate */
  struct Cluster *into;  /* the cluster join_undated () moved it into */
  /* the members' agents and patients, up to ROLES each (more: full) */
  guint agents[4], patients[4];
  guint8 n_agents, n_patients;
  guint wcls;            /* word_class () of the first member + 1; 0 until asked */
} Cluster;

#define ROLES 4

/* Adds entity @x to a role list of at most ROLES; a full list takes
 * one more (n = ROLES + 1), meaning 'more than it holds'. */
static void
role_add (guint *list, guint8 *n, guint x)
{
  for (guint i = 0; i < *n && i < ROLES; i++)
    if (list[i] == x)
      return;
  if (*n < ROLES)
    list[(*n)++] = x;
  else
    *n = ROLES + 1;
}

/* 0: @x is not in the role list, 1: it is, -1: the list is full, so
 * unknown. */
static int
role_has (const guint *list, guint8 n, guint x)
{
  for (guint i = 0; i < n && i < ROLES; i++)
    if (list[i] == x)
      return 1;
  return n > ROLES ? -1 : 0;
}

/* One side's doer is the other's done-to, and not its doer too: 'the
 * United States condemned the launch' is not 'North Korea threatened to
 * shoot down U.S. planes', though both name the United States.  Not for
 * types whose sides act on each other alike ('Kim met Putin', 'Putin met
 * Kim'; taxonomy/coreference.txt 'reciprocal'). */
static gboolean
roles_swapped (const Cluster *c, const EvlGraphEvent *e)
{
  return (e->agent >= 0 && role_has (c->patients, c->n_patients, (guint) e->agent) == 1
          && role_has (c->agents, c->n_agents, (guint) e->agent) == 0)
         || (e->patient >= 0 && role_has (c->agents, c->n_agents, (guint) e->patient) == 1
             && role_has (c->patients, c->n_patients, (guint) e->patient) == 0);
}

static void
cluster_free (gpointer p)
{
  Cluster *c = p;
  g_array_unref (c->members);
  g_array_unref (c->parts);
  g_array_unref (c->docs);
  g_ptr_array_unref (c->triggers);
  g_ptr_array_unref (c->quotes);
  if (c->sigs)
    g_ptr_array_unref (c->sigs);
  if (c->object)
    g_array_unref (c->object);
  if (c->places)
    g_array_unref (c->places);
  if (c->said)
    g_ptr_array_unref (c->said);
  if (c->said_trig)
    g_ptr_array_unref (c->said_trig);
  g_free (c);
}

static int
factuality (const EvlGraphEvent *e)
{
  if (e->polarity == EVL_POLARITY_NEG)
    return 2;
  if (e->modality != NULL || (e->flags & EVL_EVENT_FLAG_HEDGED))
    return 1;
  return 0;
}

/* @e's date is a clock time alone ('at 10 p.m.', '6:30 a.m. EST'): its
 * day is the report's, which the text never says. */
static gboolean
day_unsaid (const EvlGraphEvent *e)
{
  const char *p = e->time.text;
  if (p == NULL || e->time.grain > EVL_GRAIN_PART_OF_DAY)
    return FALSE;
  for (guint k = 0; k < 3 && !g_ascii_isdigit (*p); k++)
    {
      if (!(g_ascii_strncasecmp (p, "at ", 3) == 0 || g_ascii_strncasecmp (p, "about ", 6) == 0
            || g_ascii_strncasecmp (p, "around ", 7) == 0))
        return FALSE;
      p = strchr (p, ' ') + 1;
    }
  const char *d = p;
  while (g_ascii_isdigit (*p) || *p == ':')
    p++;
  if (p == d || p - d > 5)
    return FALSE;
  while (*p == ' ')
    p++;
  if (!((g_ascii_tolower (p[0]) == 'a' || g_ascii_tolower (p[0]) == 'p')
        && (g_ascii_tolower (p[1]) == 'm' || (p[1] == '.' && g_ascii_tolower (p[2]) == 'm'))))
    return FALSE;
  p += p[1] == '.' ? 3 : 2;
  if (*p == '.')
    p++;
  /* a time zone may follow ('EST'), no day */
  while (*p == ' ')
    p++;
  for (; *p; p++)
    if (!g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
strong_time (const EvlGraphEvent *e)
{
  return e->time.known && e->time.begin
         && evl_reason_anchor_strength (e->time.anchor) >= EVL_STRONG_TIME;
}

static gboolean
has_part (const GArray *parts, guint p)
{
  for (guint i = 0; i < parts->len; i++)
    if (g_array_index (parts, guint, i) == p)
      return TRUE;
  return FALSE;
}

/* Someone on side @a that side @b lacks: stops at the first, since a
 * cluster told by many articles names many people and each is an entity
 * look-up. */
static gboolean
extra_person (const EvlGraph *g, const GArray *a, const GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    {
      guint p = g_array_index (a, guint, i);
      if (!has_part (b, p) && evl_graph_get_entity (g, p)->type == EVL_ENTITY_PERSON)
        return TRUE;
    }
  return FALSE;
}

/* Where document @d is or would go in @docs, kept sorted: a cluster told
 * by a hundred articles is asked once per candidate event. */
static guint
doc_slot (const GArray *docs, guint d, gboolean *found)
{
  guint lo = 0, hi = docs->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2, v = g_array_index (docs, guint, mid);
      if (v == d)
        {
          *found = TRUE;
          return mid;
        }
      if (v < d)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = FALSE;
  return lo;
}

static gboolean
has_doc (const GArray *docs, guint d)
{
  gboolean found;
  doc_slot (docs, d, &found);
  return found;
}

static void
add_doc (GArray *docs, guint d)
{
  gboolean found;
  guint at = doc_slot (docs, d, &found);
  if (!found)
    g_array_insert_val (docs, at, d);
}

static guint
overlap (const GArray *a, const GArray *b)
{
  guint n = 0;
  for (guint i = 0; i < a->len; i++)
    n += has_part (b, g_array_index (a, guint, i));
  return n;
}

#define REJECT (-1e9)

/* News reports recent events: an event without a date of its own is
 * taken to lie within this many days of its document's creation time
 * when matched against a dated cluster (weakly: it never wins a date). */
#define RECENT_DAYS 366

/* An undated mention in another article joins a dated event only when
 * that article was written within this many days of it. */
#define NEAR_DAYS 7

/* Two articles written this many days apart or less tell one news
 * cycle: the same word said of the same one is one happening. */
#define SAME_CYCLE_DAYS 1

/* A date this many days long or more spans years ('since 2023'): longer
 * than any one year. */
#define YEARS_SPAN 366

/* A date this many days long or more tells no day (join_undated ()). */
#define VAGUE_DAYS 6

/* The creation day of @e's first document; 0 when unknown. */
static EvlDay
written_day (const EvlGraph *g, const EvlGraphEvent *e)
{
  if (e->mentions->len == 0)
    return 0;
  guint doc = g_array_index (e->mentions, EvlGraphMention, 0).doc;
  const char *dct = doc < evl_graph_n_documents (g) ? evl_graph_get_document (g, doc)->dct : NULL;
  EvlDay b = 0, en = 0;
  EvlGrain gr;
  if (dct && (b = evl_day_parse (dct)) == 0 && !evl_timex_value_bounds (dct, &b, &en, &gr))
    return 0;
  return b;
}

/* The day an undated event is assumed near: its weak time, else its first
 * document's creation day; 0 when unknown. */
static EvlDay
reference_day (const EvlGraph *g, const EvlGraphEvent *e)
{
  if (e->time.known && e->time.begin)
    return e->time.begin;
  return written_day (g, e);
}

/* Interned strings (graph pool) are mostly compared to themselves. */
static gboolean
same_str (const char *a, const char *b)
{
  return a == b || g_strcmp0 (a, b) == 0;
}

static gboolean
has_trigger (const Cluster *c, const char *trigger)
{
  for (guint i = 0; trigger && i < c->triggers->len; i++)
    if (same_str (c->triggers->pdata[i], trigger))
      return TRUE;
  return FALSE;
}

/* @e is told in a sentence a member is told in, word for word: the same
 * wire story in two papers (sentences are interned by the graph). */
static gboolean
shares_sentence (const Cluster *c, const EvlGraphEvent *e)
{
  for (guint i = 0; i < e->mentions->len; i++)
    {
      const char *q = g_array_index (e->mentions, EvlGraphMention, i).quote;
      if (q && g_ptr_array_find (c->quotes, q, NULL))
        return TRUE;
    }
  return FALSE;
}

static gboolean
shares_document (const Cluster *c, const EvlGraphEvent *e)
{
  for (guint i = 0; i < e->mentions->len; i++)
    if (has_doc (c->docs, g_array_index (e->mentions, EvlGraphMention, i).doc))
      return TRUE;
  return FALSE;
}

static gboolean
word_in (const char *w, const char *const *list)
{
  for (guint i = 0; list[i]; i++)
    if (strcmp (w, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* How a nominal trigger is introduced: not a reference back (a verb, or
 * 'a second strike', 'another launch', 'two attacks'), a bare noun
 * ('after talks over pay'), or a definite one ('the strike'). */
typedef enum { NP_NOT, NP_BARE, NP_DEFINITE } NpKind;

static const char *const np_definite[] = { "the", "this", "these", "those", "its", "their", "his",
                                           "her", "our", NULL };
/* Determiners and modifiers that introduce another instance of a kind. */
static const char *const np_new[] = {
  "a", "an", "another", "other", "any", "some", "each", "every", "no", "one", "two", "three",
  "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "fourth",
  "fifth", "last", "next", "new", "fresh", "further", "previous", "earlier", "later", "latest",
  "recent", "several", "many", "more", "few", "both", "separate", "similar", "future",
  "possible", "planned", "proposed", "past", "such", "what", NULL
};
/* Words after which a bare noun opens a noun phrase. */
static const char *const np_openers[] = {
  "after", "before", "during", "of", "in", "on", "at", "for", "over", "amid", "following",
  "since", "despite", "about", "against", "into", "from", "with", "by", "as", "and", "or",
  "but", "until", "without", "than", "like", "under", "between", "through", "while", "when",
  "where", NULL
};
/* Words that make the next word a verb, or leave it open ('that'). */
static const char *const np_verbal[] = {
  "will", "would", "to", "could", "can", "may", "might", "must", "shall", "should", "did", "do",
  "does", "not", "never", "they", "we", "he", "she", "it", "i", "you", "who", "which", "that",
  "is", "are", "was", "were", "be", "been", "has", "have", "had", NULL
};

static const char *const np_months[] = {
  "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
  "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
  "november", "dec", "december", NULL
};

/* The word of @q ending at or before byte @i, past spaces and one comma
 * or period: its start (@start), and it lower-cased in @w (@n bytes),
 * less a trailing period.  FALSE when there is none or it is too long. */
static gboolean
word_before (const char *q, gsize i, gsize *start, char *w, gsize n)
{
  while (i > 0 && q[i - 1] == ' ')
    i--;
  if (i > 0 && q[i - 1] == ',')
    i--;
  while (i > 0 && q[i - 1] == ' ')
    i--;
  gsize end = i;
  while (i > 0 && q[i - 1] != ' ')
    i--;
  if (end > i && q[end - 1] == '.')
    end--;
  if (end == i || end - i >= n)
    return FALSE;
  for (gsize j = i; j < end; j++)
    w[j - i] = g_ascii_tolower (q[j]);
  w[end - i] = '\0';
  *start = i;
  return TRUE;
}

static gboolean
all_digits (const char *w, gsize lo, gsize hi)
{
  gsize n = strlen (w);
  for (gsize j = 0; j < n; j++)
    if (!g_ascii_isdigit (w[j]))
      return FALSE;
  return n >= lo && n <= hi;
}

/* The word of @q at @s, @w lower-cased, is a month's name: capitalised,
 * as 'rebels may strike' names none. */
static gboolean
month_at (const char *q, gsize s, const char *w)
{
  return g_ascii_isupper (q[s]) && word_in (w, np_months);
}

/* Where a date written right before byte @i of @q starts ('the Aug. 7,
 * 1998, bombings', 'the August bombings', 'the 1998 bombings'), else @i:
 * its numbers are a day and a year, not a count ('two bombings'). */
static gsize
date_before (const char *q, gsize i)
{
  static const char *const ordinal[] = { "st", "nd", "rd", "th", NULL };
  char w[16];
  gsize s, d;
  if (!word_before (q, i, &s, w, sizeof w))
    return i;
  if (month_at (q, s, w))
    return s;
  gboolean year = all_digits (w, 4, 4) && (w[0] == '1' || w[0] == '2');
  if (year)
    {
      i = s;
      if (!word_before (q, s, &s, w, sizeof w) || !all_digits (w, 1, 2))
        return i;
    }
  for (d = 0; g_ascii_isdigit (w[d]); d++)
    ;
  /* a day, '7' or '7th', after its month */
  if (d == 0 || d > 2 || (w[d] && !word_in (w + d, ordinal)))
    return i;
  return word_before (q, s, &s, w, sizeof w) && month_at (q, s, w) ? s : i;
}

/* A partitive ends right before byte @i of @q: 'one of', 'each of',
 * 'two of'. */
static gboolean
partitive_before (const char *q, gsize i)
{
  char w[16];
  gsize s;
  if (!word_before (q, i, &s, w, sizeof w) || strcmp (w, "of") != 0
      || !word_before (q, s, &s, w, sizeof w))
    return FALSE;
  return word_in (w, np_new) || all_digits (w, 1, 9);
}

/* The kind of the noun phrase ending at byte @pos of @q (a sentence with
 * single spaces), from at most three words before it, a date among them
 * counting as none when @dates ('the Aug. 7 bombings' is definite), else
 * as a count. */
static NpKind
np_before (const char *q, gsize pos, gboolean dates)
{
  gsize i = pos;
  for (guint k = 0; k < 3; k++)
    {
      if (dates)
        i = date_before (q, i);
      while (i > 0 && q[i - 1] == ' ')
        i--;
      /* Sentence start, or punctuation (commas, dashes, quotes) before a
       * word: nothing more binds it. */
      if (i == 0 || !(g_ascii_isalnum (q[i - 1]) || q[i - 1] == '-' || q[i - 1] == '\''))
        return NP_BARE;
      gsize end = i;
      while (i > 0 && q[i - 1] != ' ')
        i--;
      g_autofree char *w = g_ascii_strdown (q + i, (gssize) (end - i));
      for (const char *c = w; *c; c++)
        if (g_ascii_isdigit (*c))
          return NP_NOT;
      if (g_str_has_suffix (w, "'s") || word_in (w, np_definite))
        /* 'the union's strike', but 'one of his field trips' is one of
         * many */
        return partitive_before (q, i) ? NP_NOT : NP_DEFINITE;
      if (word_in (w, np_new) || word_in (w, np_verbal))
        return NP_NOT;
      if (word_in (w, np_openers))
        return NP_BARE;
      /* A modifier ('pay talks', 'rail strike'): look further back. */
    }
  return NP_NOT;
}

/* The kind of @m's noun phrase when its trigger is written as the
 * noun @lemma (or its plural); NP_NOT for other forms ('walked').  The
 * quote has no offsets: every place the trigger occurs must agree.
 * @dates: as np_before (). */
static NpKind
mention_np_dated (const EvlGraphMention *m, const char *lemma, gboolean dates)
{
  if (m->quote == NULL || m->text == NULL || lemma == NULL)
    return NP_NOT;
  gsize lt = strlen (lemma), mt = strlen (m->text);
  if (mt < lt || g_ascii_strncasecmp (m->text, lemma, lt) != 0
      || !(mt == lt || (mt == lt + 1 && g_ascii_tolower (m->text[lt]) == 's')
           || (mt == lt + 2 && g_ascii_strcasecmp (m->text + lt, "es") == 0)))
    return NP_NOT;
  NpKind kind = NP_NOT;
  gboolean seen = FALSE;
  for (const char *p = strstr (m->quote, m->text); p; p = strstr (p + 1, m->text))
    {
      gsize pos = (gsize) (p - m->quote);
      if ((pos > 0 && g_ascii_isalnum (m->quote[pos - 1])) || g_ascii_isalnum (p[mt]))
        continue;
      NpKind k = np_before (m->quote, pos, dates);
      if (seen && k != kind)
        return NP_NOT;
      kind = k;
      seen = TRUE;
    }
  return kind;
}

static NpKind
mention_np (const EvlGraphMention *m, const char *lemma)
{
  return mention_np_dated (m, lemma, TRUE);
}

/* @m is a definite noun in '-ing' made from @lemma ('the meeting',
 * lemma 'meet'), a date before it counting as none when @dates. */
static NpKind
ing_noun_np (const EvlGraphMention *m, const char *lemma, gboolean dates)
{
  if (m->text == NULL || lemma == NULL)
    return NP_NOT;
  g_autofree char *w = g_ascii_strdown (m->text, -1);
  if (!(g_str_has_suffix (w, "ing") || g_str_has_suffix (w, "ings"))
      || g_ascii_strncasecmp (w, lemma, MAX (strlen (lemma), 4u) - 1) != 0)
    return NP_NOT;
  return mention_np_dated (m, w, dates);
}

static gboolean
definite_ing_noun (const EvlGraphMention *m, const char *lemma, gboolean dates)
{
  return ing_noun_np (m, lemma, dates) == NP_DEFINITE;
}

/* @m is written as a noun phrase of its trigger @lemma that refers to a
 * known instance (bare or definite), or as a definite noun in '-ing'
 * made from it ('the meeting', lemma 'meet'; a bare one is mostly a verb:
 * 'while warning Beijing'). */
static gboolean
nominal_mention (const EvlGraphMention *m, const char *lemma)
{
  return mention_np (m, lemma) != NP_NOT || definite_ing_noun (m, lemma, TRUE);
}

/* Words that count a plural noun: 'two failed attempts', 'several
 * launches'. */
static const char *const np_counts[] = {
  "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many",
  "both", "multiple", "numerous", "dozens", "hundreds", "scores", NULL
};

/* @e's first mention is its trigger's plural counted ('two failed
 * attempts this year'): several happenings, no one of which it is. */
static gboolean
counted_plural (const EvlGraphEvent *e)
{
  if (e->mentions->len == 0 || e->trigger == NULL)
    return FALSE;
  const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, 0);
  if (m->quote == NULL || m->text == NULL)
    return FALSE;
  gsize lt = strlen (e->trigger), mt = strlen (m->text);
  if (!((mt == lt + 1 && g_ascii_tolower (m->text[lt]) == 's')
        || (mt == lt + 2 && g_ascii_strcasecmp (m->text + lt, "es") == 0))
      || g_ascii_strncasecmp (m->text, e->trigger, lt) != 0)
    return FALSE;
  const char *p = strstr (m->quote, m->text);
  if (p == NULL)
    return FALSE;
  /* right before it, or before one modifier ('two failed attempts') */
  gsize i = (gsize) (p - m->quote);
  for (guint k = 0; k < 2 && i > 0; k++)
    {
      i = date_before (m->quote, i);
      while (i > 0 && m->quote[i - 1] == ' ')
        i--;
      gsize end = i;
      while (i > 0 && m->quote[i - 1] != ' ')
        i--;
      if (end == i || end - i >= 16)
        return FALSE;
      char w[16];
      for (gsize j = 0; j < end - i; j++)
        w[j] = g_ascii_tolower (m->quote[i + j]);
      w[end - i] = '\0';
      if (g_ascii_isdigit (w[0]) || word_in (w, np_counts))
        return TRUE;
      if (!g_ascii_isalpha (w[end - i - 1]))
        return FALSE;
    }
  return FALSE;
}

/* @e is a definite description naming nobody and nowhere ('the
 * meeting'), or a bare '-ing' noun of its trigger opening its sentence
 * ('Sentencing was set for Oct. 20', 'Voting ended at 8 p.m.'): a step
 * named alone as a sentence's subject is the story's known one. */
static gboolean
bare_definite (const EvlGraphEvent *e)
{
  if (e->participants->len != 0 || e->location >= 0 || e->mentions->len == 0)
    return FALSE;
  const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, 0);
  if (mention_np (m, e->trigger) == NP_DEFINITE)
    return TRUE;
  return m->quote && m->text && g_ascii_strncasecmp (m->quote, m->text, strlen (m->text)) == 0
         && ing_noun_np (m, e->trigger, TRUE) == NP_BARE;
}

/* ---- head nouns naming one happening (taxonomy/coreference.txt) ---- */

/* At most this many classes: a cluster keeps its members' as a bit set. */
#define MAX_CLASSES 31

typedef struct {
  GHashTable *by_type;   /* type -> (noun -> class, from 1) */
  guint n;
  GHashTable *reciprocal; /* types whose sides act on each other alike */
  GHashTable *specific;   /* types of which one day holds one happening */
  gint *country;          /* entity -> gazetteer country line, -1: none known */
  guint *city;            /* entity -> which city of that country: 0 none (the
                           * country itself), 1 its capital, 2 + the line of
                           * en/gazetteer-cities */
  GHashTable *place_names; /* place_key () of a place's name or alias -> entity + 1 */
  GHashTable *place_prefixes; /* the keys of their first words, less the last word */
  guint place_words;       /* the most words of one of them */
  GPtrArray *doc_names;    /* document -> GArray of what it names (doc_names_load ()) */
  GHashTable *doc_weight;  /* such a name + 1 -> the number of documents naming it */
} Synonyms;

static void
types_add (GHashTable *set, const char *list)
{
  g_auto (GStrv) types = g_strsplit (list, "|", -1);
  for (guint i = 0; types[i]; i++)
    if (*g_strstrip (types[i]))
      g_hash_table_add (set, g_strdup (types[i]));
}

static void
synonym_record (char **f, guint n, gpointer data)
{
  Synonyms *syn = data;
  if (n >= 2 && (strcmp (f[0], "reciprocal") == 0 || strcmp (f[0], "specific") == 0))
    {
      types_add (f[0][0] == 'r' ? syn->reciprocal : syn->specific, f[1]);
      return;
    }
  if (n < 3 || strcmp (f[0], "same") != 0 || syn->n >= MAX_CLASSES)
    return;
  GHashTable *words = g_hash_table_lookup (syn->by_type, f[1]);
  if (words == NULL)
    {
      words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (syn->by_type, g_strdup (f[1]), words);
    }
  syn->n++;
  g_auto (GStrv) list = g_strsplit (f[2], "|", -1);
  for (guint i = 0; list[i]; i++)
    if (*g_strstrip (list[i]))
      g_hash_table_insert (words, g_ascii_strdown (list[i], -1), GUINT_TO_POINTER (syn->n));
}

static void
synonyms_load (const EvlContext *ctx, Synonyms *syn)
{
  syn->by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);
  syn->n = 0;
  syn->reciprocal = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  syn->specific = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  evl_reason_each_record (evl_context_get_data (ctx, "taxonomy/coreference.txt"), synonym_record,
                          syn);
  syn->country = NULL;
  syn->city = NULL;
  syn->place_names = NULL;
  syn->place_prefixes = NULL;
  syn->place_words = 0;
  syn->doc_names = NULL;
  syn->doc_weight = NULL;
}

static void
synonyms_clear (Synonyms *syn)
{
  g_hash_table_unref (syn->by_type);
  g_hash_table_unref (syn->reciprocal);
  g_hash_table_unref (syn->specific);
  g_free (syn->country);
  g_free (syn->city);
  if (syn->place_names)
    g_hash_table_unref (syn->place_names);
  if (syn->place_prefixes)
    g_hash_table_unref (syn->place_prefixes);
  if (syn->doc_names)
    g_ptr_array_unref (syn->doc_names);
  if (syn->doc_weight)
    g_hash_table_unref (syn->doc_weight);
}

/* Place names are compared as their words, lower-cased, one space
 * apart ('U.S.' and 'U.S' are "u.s", 'Dar-es-Salaam' one word): a word is
 * a run of letters, digits, periods, hyphens and apostrophes, less its
 * trailing periods and a possessive 's. */
#define PLACE_KEY 64
#define PLACE_MAX_WORDS 5

static gboolean
place_char (char ch)
{
  return g_ascii_isalnum (ch) || ch == '.' || ch == '-' || ch == '\'' || (guchar) ch >= 0x80;
}

/* The word of @t (@n bytes) starting at @i: its end (where the next
 * search goes on) and its length once trimmed (@len). */
static gsize
place_word (const char *t, gsize n, gsize i, gsize *len)
{
  gsize e = i;
  while (e < n && place_char (t[e]))
    e++;
  gsize l = e - i;
  if (l > 2 && t[i + l - 2] == '\'' && (t[i + l - 1] == 's' || t[i + l - 1] == 'S'))
    l -= 2;
  while (l > 0 && (t[i + l - 1] == '.' || t[i + l - 1] == '\''))
    l--;
  *len = l;
  return e;
}

/* Writes the key of @name into @key (PLACE_KEY bytes); its number of
 * words, 0 when it has none or too many. */
static guint
place_key (const char *name, gsize n, char *key)
{
  gsize k = 0;
  guint nw = 0;
  for (gsize i = 0; i < n;)
    {
      if (!place_char (name[i]))
        {
          i++;
          continue;
        }
      gsize l, e = place_word (name, n, i, &l);
      if (l > 0)
        {
          if (nw == PLACE_MAX_WORDS || k + l + 1 >= PLACE_KEY)
            return 0;
          if (nw++)
            key[k++] = ' ';
          for (gsize j = 0; j < l; j++)
            key[k++] = g_ascii_tolower (name[i + j]);
        }
      i = e;
    }
  key[k] = '\0';
  return nw;
}

/* The country line of city @name in @cities (en/gazetteer-cities:
 * 'Dar es Salaam<TAB>country=Tanzania'), written with spaces or hyphens
 * ('Dar-es-Salaam'), and the city's line (@city); NULL when it names no
 * city of a known country. */
static const EvlLexEntry *
city_country (const EvlLexicon *countries, const EvlLexicon *cities, const char *name,
              const EvlLexEntry **city_line)
{
  const EvlLexEntry *city = evl_lexicon_lookup (cities, name, -1);
  char buf[PLACE_KEY];
  gsize n = strlen (name);
  if (city == NULL && strchr (name, '-') && n < sizeof buf)
    {
      for (gsize i = 0; i <= n; i++)
        buf[i] = name[i] == '-' ? ' ' : name[i];
      city = evl_lexicon_lookup (cities, buf, -1);
    }
  *city_line = city;
  for (guint i = 0; city && i < city->n_attrs; i++)
    if (g_str_has_prefix (city->attrs[i], "country="))
      return evl_lexicon_lookup (countries, city->attrs[i] + strlen ("country="), -1);
  return NULL;
}

/* @name is a capital= form of country @line ('Nairobi' of 'Kenya'). */
static gboolean
is_capital (const EvlLexEntry *line, const char *name)
{
  for (guint i = 0; i < line->n_attrs; i++)
    if (g_str_has_prefix (line->attrs[i], "capital="))
      {
        g_auto (GStrv) forms = g_strsplit (line->attrs[i] + strlen ("capital="), "|", -1);
        for (guint k = 0; forms[k]; k++)
          if (g_ascii_strcasecmp (forms[k], name) == 0)
            return TRUE;
      }
  return FALSE;
}

/* The country each place of @g lies in, as far as the gazetteers tell:
 * a country is its own line, its capital a form of the same line
 * ('Nairobi' of 'Kenya'), and a city of en/gazetteer-cities names the
 * line of its country ('Dar es Salaam' of 'Tanzania').  One or two
 * look-ups per place, once per merge. */
static void
countries_load (const EvlContext *ctx, const EvlGraph *g, Synonyms *syn)
{
  guint n = evl_graph_n_entities (g);
  const EvlLexicon *lex = evl_context_get_lexicon (ctx, "en/gazetteer-countries");
  const EvlLexicon *cities = evl_context_get_lexicon (ctx, "en/gazetteer-cities");
  const EvlLexEntry *base = lex && evl_lexicon_size (lex) ? evl_lexicon_get (lex, 0) : NULL;
  syn->country = g_new (gint, MAX (n, 1u));
  syn->city = g_new0 (guint, MAX (n, 1u));
  syn->place_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  syn->place_prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      const EvlGraphEntity *x = evl_graph_get_entity (g, i);
      gboolean place = base && x->type == EVL_ENTITY_LOCATION && x->name;
      const EvlLexEntry *line = place ? evl_lexicon_lookup (lex, x->name, -1) : NULL;
      const EvlLexEntry *city = NULL;
      if (line)
        syn->city[i] = is_capital (line, x->name);
      else if (place && cities && (line = city_country (lex, cities, x->name, &city)))
        syn->city[i] = 2 + (guint) (city - evl_lexicon_get (cities, 0));
      syn->country[i] = line ? (gint) (line - base) : -1;
      if (x->type != EVL_ENTITY_LOCATION)
        continue;
      for (guint k = 0; k <= (x->aliases ? x->aliases->len : 0); k++)
        {
          const char *name = k == 0 ? x->name : x->aliases->pdata[k - 1];
          char key[PLACE_KEY];
          guint nw = place_key (name, strlen (name), key);
          if (nw == 0 || g_hash_table_contains (syn->place_names, key))
            continue;
          g_hash_table_insert (syn->place_names, g_strdup (key), GUINT_TO_POINTER (i + 1));
          for (char *sp = strchr (key, ' '); sp; sp = strchr (sp + 1, ' '))
            g_hash_table_add (syn->place_prefixes, g_strndup (key, (gsize) (sp - key)));
          syn->place_words = MAX (syn->place_words, nw);
        }
    }
}

/* How far into a (merged) event's mentions its head noun is looked for. */
#define HEAD_MENTIONS 8

/* The class of @e's head noun: the first of its mentions written as a
 * noun of a class of its type that refers to a known instance (bare or
 * definite, not 'another strike'); 0 when none is. */
static guint
head_class (const Synonyms *syn, const EvlGraphEvent *e)
{
  GHashTable *words = e->type ? g_hash_table_lookup (syn->by_type, e->type) : NULL;
  for (guint i = 0; words && i < e->mentions->len && i < HEAD_MENTIONS; i++)
    {
      const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, i);
      if (m->text == NULL)
        continue;
      /* Asked of every event: no allocation. */
      char w[32];
      gsize n = strlen (m->text);
      if (n >= sizeof w)
        continue;
      for (gsize k = 0; k <= n; k++)
        w[k] = g_ascii_tolower (m->text[k]);
      guint cls = GPOINTER_TO_UINT (g_hash_table_lookup (words, w));
      if (cls && mention_np (m, w) != NP_NOT)
        return cls;
    }
  return 0;
}

/* The class of the word @e is told by, of its type's near-synonyms
 * (coreference.txt), whatever its article: its trigger ('the quake'), or
 * for a verb the noun that does it, right before it or its relative
 * pronoun ('an earthquake struck', 'the earthquake that struck'): one
 * happening is told by its noun in one article and by what that noun did
 * in another.  0 when neither is of a class. */
static guint
word_class (const Synonyms *syn, const EvlGraphEvent *e)
{
  GHashTable *words = e->type ? g_hash_table_lookup (syn->by_type, e->type) : NULL;
  if (words == NULL || e->mentions->len == 0)
    return 0;
  const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, 0);
  char w[32];
  if (m->text == NULL || strlen (m->text) >= sizeof w)
    return 0;
  g_strlcpy (w, m->text, sizeof w);
  for (char *k = w; *k; k++)
    *k = g_ascii_tolower (*k);
  guint cls = GPOINTER_TO_UINT (g_hash_table_lookup (words, w));
  /* The trigger is the word too when the mention is another ('made
   * landfall' is the storm hitting, 'went on strike' the strike),
   * whoever its subject is named ('Hurricane Delia'). */
  if (cls == 0 && e->trigger)
    cls = GPOINTER_TO_UINT (g_hash_table_lookup (words, e->trigger));
  const char *at = m->quote ? strstr (m->quote, m->text) : NULL;
  if (cls || at == NULL)
    return cls;
  gsize start;
  if (!word_before (m->quote, (gsize) (at - m->quote), &start, w, sizeof w))
    return 0;
  if ((strcmp (w, "that") == 0 || strcmp (w, "which") == 0)
      && !word_before (m->quote, start, &start, w, sizeof w))
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (words, w));
}

/* @e (of head class @cls) is told as a noun phrase of a known
 * instance. */
static gboolean
event_nominal (const EvlGraphEvent *e, guint cls)
{
  return cls != 0
         || (e->mentions->len > 0
             && nominal_mention (&g_array_index (e->mentions, EvlGraphMention, 0), e->trigger));
}

static guint32
class_bit (guint cls)
{
  return cls ? 1u << cls : 0;
}

/* Some place is named by both sides, in any role ('the Ukraine conflict' /
 * 'conflict in Ukraine'). */
static gboolean
shares_place (const EvlGraph *g, gint loc_a, const GArray *parts_a, gint loc_b,
              const GArray *parts_b)
{
  if (loc_a >= 0 && (loc_a == loc_b || has_part (parts_b, (guint) loc_a)))
    return TRUE;
  if (loc_b >= 0 && has_part (parts_a, (guint) loc_b))
    return TRUE;
  for (guint i = 0; i < parts_a->len; i++)
    {
      guint p = g_array_index (parts_a, guint, i);
      if (has_part (parts_b, p) && evl_graph_get_entity (g, p)->type == EVL_ENTITY_LOCATION)
        return TRUE;
    }
  return FALSE;
}

/* ---- the same sentence, rewritten ---- */

/* Words that say nothing about what a sentence tells. */
static const char *const sig_stop[] = {
  "the", "and", "for", "with", "from", "that", "this", "these", "those", "was", "were", "are",
  "has", "have", "had", "its", "his", "her", "their", "they", "them", "said", "says", "will",
  "would", "which", "who", "but", "not", "been", "also", "than", "into", "over", "about", "there",
  "some", "more", NULL
};

static gint
cmp_hash (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

/* Sorts @a (of guint32) and keeps each value once. */
static void
sort_distinct (GArray *a)
{
  g_array_sort (a, cmp_hash);
  guint k = 0;
  for (guint i = 0; i < a->len; i++)
    if (k == 0 || g_array_index (a, guint32, i) != g_array_index (a, guint32, k - 1))
      g_array_index (a, guint32, k++) = g_array_index (a, guint32, i);
  g_array_set_size (a, k);
}

/* The sorted distinct hashes of @q's words of three letters or more
 * (numbers of any length), less sig_stop. */
static GArray *
sentence_signature (const char *q)
{
  GArray *sig = g_array_new (FALSE, FALSE, sizeof (guint32));
  char w[32];
  for (const char *p = q ? q : ""; *p;)
    {
      if (!g_ascii_isalnum (*p))
        {
          p++;
          continue;
        }
      gsize n = 0;
      gboolean digit = FALSE;
      for (; g_ascii_isalnum (*p); p++)
        {
          digit |= g_ascii_isdigit (*p);
          if (n < sizeof w - 1)
            w[n++] = g_ascii_tolower (*p);
        }
      w[n] = '\0';
      /* sig_stop's words are of three to five letters. */
      if ((n >= 3 || digit) && (n > 5 || !word_in (w, sig_stop)))
        {
          guint32 h = g_str_hash (w);
          g_array_append_val (sig, h);
        }
    }
  sort_distinct (sig);
  return sig;
}

/* How many words two signatures share. */
static guint
sig_shared (const GArray *a, const GArray *b)
{
  guint shared = 0, i = 0, j = 0;
  while (i < a->len && j < b->len)
    {
      guint32 x = g_array_index (a, guint32, i), y = g_array_index (b, guint32, j);
      shared += x == y;
      i += x <= y;
      j += y <= x;
    }
  return shared;
}

/* Two papers' versions of one wire story: most of the words of the
 * shorter sentence (at least four, three in five) are in the other. */
static gboolean
rewritten (const GArray *a, const GArray *b)
{
  guint shared = sig_shared (a, b);
  return shared >= 4 && 5 * shared >= 3 * MIN (a->len, b->len);
}

/* How many of an event's or a cluster's sentences are compared. */
#define SIG_QUOTES 4

/* Signatures of the first distinct sentences of @quotes (interned). */
static GPtrArray *
signatures (const char *const *quotes, guint n)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n && out->len < SIG_QUOTES; i++)
    {
      gboolean seen = FALSE;
      for (guint j = 0; j < i && !seen; j++)
        seen = quotes[j] == quotes[i];
      if (quotes[i] && !seen)
        g_ptr_array_add (out, sentence_signature (quotes[i]));
    }
  return out;
}

/* @w (lower case) is a word of the name of one of @e's entities. */
static gboolean
names_word (const EvlGraph *g, const EvlGraphEvent *e, const char *w)
{
  for (guint i = 0; i <= e->participants->len; i++)
    {
      gint ent = i < e->participants->len ? (gint) g_array_index (e->participants, guint, i)
                                          : e->location;
      if (ent < 0)
        continue;
      const char *name = evl_graph_get_entity (g, (guint) ent)->name;
      gsize n = strlen (w);
      for (const char *p = name; p && *p; p++)
        if ((p == name || !g_ascii_isalnum (p[-1])) && g_ascii_strncasecmp (p, w, n) == 0
            && !g_ascii_isalnum (p[n]))
          return TRUE;
    }
  return FALSE;
}

/* What @e's summary says was done to what, less who and where and the
 * verb itself: 'two ballistic missiles' of 'North Korea launches two
 * ballistic missiles'. */
static GArray *
object_signature (const EvlGraph *g, const EvlGraphEvent *e)
{
  GString *kept = g_string_new (NULL);
  g_auto (GStrv) words = g_strsplit (e->summary ? e->summary : "", " ", -1);
  /* A phrasal trigger ('call off'): its verb inflected, its particle as is. */
  g_auto (GStrv) verb = g_strsplit (e->trigger ? e->trigger : "", " ", -1);
  gsize stem = verb[0] && *verb[0] ? MAX (strlen (verb[0]), 4u) - 1 : 0;
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *w = g_ascii_strdown (words[i], -1);
      if ((stem && g_ascii_strncasecmp (w, verb[0], stem) == 0)
          || (stem && g_strv_contains ((const char *const *) verb + 1, w)) || names_word (g, e, w))
        continue;
      g_string_append_c (g_string_append (kept, w), ' ');
    }
  GArray *sig = sentence_signature (kept->str);
  g_string_free (kept, TRUE);
  return sig;
}

/* What is asked of one event against every candidate cluster, found
 * once per event (a hash lookup per cluster was a third of merging). */
typedef struct {
  guint ei;
  gboolean loose;        /* untyped or of a catch-all type: compared like untyped */
  gboolean definite;     /* bare_definite () */
  gint nominal;          /* event_nominal (); -1 until asked */
  guint cls;             /* head_class () */
  const Synonyms *syn;
  GPtrArray *sigs;       /* its sentences' signatures, when asked */
  GArray *object;        /* object_signature (), when asked */
  gboolean counted;      /* counted_plural () */
  GArray *places;        /* event_places (), when asked */
  GArray *said;          /* said_signature () of its first mention, when asked */
  guint wcls;            /* word_class () + 1; 0 until asked */
} Probe;

/* Line @summary has word @w past its first word (its subject or head),
 * case aside. */
static gboolean
summary_names (const char *summary, const char *w)
{
  const char *sp = summary && w ? strchr (summary, ' ') : NULL;
  gsize n = w ? strlen (w) : 0;
  for (const char *p = sp; p && n > 0; p = strchr (p + 1, ' '))
    if (g_ascii_strncasecmp (p + 1, w, n) == 0 && (p[1 + n] == '\0' || p[1 + n] == ' '))
      return TRUE;
  return FALSE;
}

/* @e is told in cluster @c's word, or in a near-synonym of it (word_class ()):
 * what a loose type's events must share to be one. */
static gboolean
same_word (const EvlGraph *g, Cluster *c, Probe *p, const EvlGraphEvent *e)
{
  /* Any member's word: a cluster a near-synonym began ('made landfall')
   * is told in the word it joined by ('the storm hit') too. */
  if (has_trigger (c, e->trigger))
    return TRUE;
  /* A verb and the event noun it takes after it in one sentence are one
   * telling ('made a takeover offer' / 'takeover offer', 'rejected the
   * bid' / 'bid'): the verb's line names the noun.  Not untyped ones,
   * which are any two words. */
  const EvlGraphEvent *r = evl_graph_get_event (g, c->rep);
  const EvlGraphMention *mr = r->mentions->len ? &g_array_index (r->mentions, EvlGraphMention, 0) : NULL;
  const EvlGraphMention *me = e->mentions->len ? &g_array_index (e->mentions, EvlGraphMention, 0) : NULL;
  if (!catch_all (e->type) && mr && me && mr->doc == me->doc && mr->sentence == me->sentence)
    return (me->start > mr->start && summary_names (r->summary, e->trigger))
           || (mr->start > me->start && summary_names (e->summary, r->trigger));
  /* Near-synonyms join across articles; in one, a noun and the verb it
   * does ('an earthquake struck') join only where own_type_subject ()
   * finds the noun in the verb's subject.
   * An article retells its dated happening in other words without a
   * date, of someone it names ('A jury on Thursday found X guilty ...
   * X was convicted on four counts'): that retelling joins too. */
  if (shares_document (c, e) && (strong_time (e) || overlap (e->participants, c->parts) == 0))
    return FALSE;
  if (p->wcls == 0)
    p->wcls = word_class (p->syn, e) + 1;
  if (p->wcls == 1)
    return FALSE;
  if (c->wcls == 0)
    c->wcls = word_class (p->syn, evl_graph_get_event (g, c->rep)) + 1;
  return c->wcls == p->wcls;
}

/* @c tells, in some sentence, what @p's event tells in one of its own,
 * reworded (two versions of one wire story). */
static gboolean
shares_rewritten (const EvlGraph *g, Cluster *c, Probe *p)
{
  if (c->sigs == NULL)
    c->sigs = signatures ((const char *const *) c->quotes->pdata, c->quotes->len);
  if (p->sigs == NULL)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, p->ei);
      const char *q[SIG_QUOTES];
      guint n = MIN (e->mentions->len, SIG_QUOTES);
      for (guint i = 0; i < n; i++)
        q[i] = g_array_index (e->mentions, EvlGraphMention, i).quote;
      p->sigs = signatures (q, n);
    }
  for (guint i = 0; i < p->sigs->len; i++)
    for (guint j = 0; j < c->sigs->len; j++)
      if (rewritten (p->sigs->pdata[i], c->sigs->pdata[j]))
        return TRUE;
  return FALSE;
}

/* @p's event and every member of @c are told as noun phrases ('Britain's
 * general election'); found when first asked, as few events get here
 * (then kept up as members join). */
static gboolean
both_nominal (const EvlGraph *g, Cluster *c, Probe *p)
{
  if (p->nominal < 0)
    p->nominal = event_nominal (evl_graph_get_event (g, p->ei), p->cls);
  for (guint i = 0; c->nominal < 0 && i <= c->members->len; i++)
    {
      if (i == c->members->len)
        {
          c->nominal = TRUE;
          break;
        }
      const EvlGraphEvent *m = evl_graph_get_event (g, g_array_index (c->members, guint, i));
      if (!event_nominal (m, head_class (p->syn, m)))
        c->nominal = FALSE;
    }
  return p->nominal && c->nominal;
}

/* @p's event does, in the same word, to the same thing what @c's first
 * member does ('launched two short-range ballistic missiles' /
 * 'launching two ballistic missiles'): at least two words of the shorter
 * object, all in the other. */
static gboolean
same_deed (const EvlGraph *g, Cluster *c, Probe *p)
{
  const EvlGraphEvent *e = evl_graph_get_event (g, p->ei);
  if (!has_trigger (c, e->trigger))
    return FALSE;
  if (c->object == NULL)
    c->object = object_signature (g, evl_graph_get_event (g, c->rep));
  if (c->object->len < 2)
    return FALSE;
  if (p->object == NULL)
    p->object = object_signature (g, e);
  guint least = MIN (p->object->len, c->object->len);
  return least >= 2 && sig_shared (p->object, c->object) == least;
}



/* The taxonomy's type of things said (taxonomy/story.txt): pledges,
 * denials, condemnations. */
#define STATEMENT_TYPE "STATEMENT"

/* How many words after a statement's trigger tell what it said, and
 * how many first letters of each are compared (a crude stem). */
#define SAID_WORDS 12
#define SAID_STEM 4

/* The sorted distinct hashes of the stems of the content words (four
 * letters or more; no day or stop word) among the SAID_WORDS
 * words after @m's trigger in its sentence: what a statement said
 * ('insisted the talks would resume', 'hailed the ruling'). */
static GArray *
said_signature (const EvlGraphMention *m)
{
  static const char *const days[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                      "sunday", "today", "yesterday", "tonight", "night", "week", "month",
                                      "year", "earlier", "later", NULL };
  GArray *sig = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char *p = m->quote && m->text && *m->text ? strstr (m->quote, m->text) : NULL;
  char w[32];
  for (guint words = 0; p && *p && *p != ';' && words <= SAID_WORDS;)
    {
      if (!g_ascii_isalnum (*p))
        {
          p++;
          continue;
        }
      gsize n = 0;
      for (; g_ascii_isalnum (*p); p++)
        if (n < sizeof w - 1)
          w[n++] = g_ascii_tolower (*p);
      w[n] = '\0';
      if (words++ == 0)
        continue;   /* the trigger itself */
      if (n >= 4 && !word_in (w, sig_stop) && !word_in (w, days))
        {
          w[MIN (n, SAID_STEM)] = '\0';   /* 'failure' / 'failed' */
          guint32 h = g_str_hash (w);
          g_array_append_val (sig, h);
        }
    }
  sort_distinct (sig);
  return sig;
}

/* @p's event, a statement told by a verb, says something else than the
 * verbs of cluster @c ('insisted the talks would resume' / 'hailed the
 * court's ruling', 'rejected the offer' / 'welcomed the deal'): what each
 * says shares none of its content words, one at least, two for the same
 * verb (a verb saying less may be any of them).  A noun ('the
 * announcement', 'Castro's statement') says nothing of its own and may
 * join what it refers to. */
static gboolean
other_statement (const EvlGraph *g, Cluster *c, Probe *p)
{
  const EvlGraphEvent *e = evl_graph_get_event (g, p->ei);
  if (p->nominal < 0)
    p->nominal = event_nominal (e, p->cls);
  if (p->nominal || e->mentions->len == 0)
    return FALSE;
  if (p->said == NULL)
    p->said = said_signature (&g_array_index (e->mentions, EvlGraphMention, 0));
  if (p->said->len < 1)
    return FALSE;
  /* the members' signatures, made once as they join */
  if (c->said == NULL)
    {
      c->said = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      c->said_trig = g_ptr_array_new ();
    }
  for (; c->said_seen < c->members->len; c->said_seen++)
    {
      const EvlGraphEvent *o = evl_graph_get_event (g, g_array_index (c->members, guint, c->said_seen));
      if (o->mentions->len == 0 || event_nominal (o, head_class (p->syn, o)))
        continue;
      GArray *sig = said_signature (&g_array_index (o->mentions, EvlGraphMention, 0));
      c->said_vague |= sig->len < 1;
      if (sig->len >= 1)
        {
          g_ptr_array_add (c->said, sig);
          g_ptr_array_add (c->said_trig, (gpointer) o->trigger);
        }
      else
        g_array_unref (sig);
    }
  if (c->said_vague)
    return FALSE;
  /* one content word tells two sayings apart, two the same saying
   * ('warned Moon' / 'warned officials' may be one warning) */
  for (guint i = 0; i < c->said->len; i++)
    {
      const GArray *o = c->said->pdata[i];
      gboolean same_word = g_strcmp0 (c->said_trig->pdata[i], e->trigger) == 0;
      if (sig_shared (p->said, o) > 0 || (same_word && (p->said->len < 2 || o->len < 2)))
        return FALSE;
    }
  return c->said->len > 0;
}

/* @e, another article's and a bare definite description (@e_definite),
 * is dated the cluster's day, or undated in an article written within
 * days of a cluster dated to the day or week. */
static gboolean
known_anaphor (const EvlGraph *g, const Cluster *c, const EvlGraphEvent *e, gboolean e_strong,
               gboolean e_definite)
{
  if (!e_definite || !c->strong || c->te - c->tb >= NEAR_DAYS)
    return FALSE;
  if (e_strong)
    return evl_reason_interval_gap (c->tb, c->te, e->time.begin, e->time.end) == 0;
  EvlDay ref = reference_day (g, e);
  return ref && evl_reason_interval_gap (c->tb, c->te, ref, ref) <= NEAR_DAYS;
}

/* Cluster @c and @e are dated the same one day and one of them names
 * the story's step alone, nobody and nowhere (bare_definite (), @e's
 * given as @e_definite): 'Sentencing was set for Oct. 20' in one
 * article is 'a court on Tuesday sentenced X' in the next day's.  A
 * coarser date of @e, a week at most, holding the cluster's day counts
 * too when @e is that definite description ('after last week's
 * earthquake', 'the quake a week ago'): readers know which one it
 * refers to, and the cluster's day is the finer date of it.  Naming
 * someone, or told as 'an earthquake', a week holds many. */
static gboolean
step_named_alone (const EvlGraph *g, const Cluster *c, const EvlGraphEvent *e, gboolean e_definite)
{
  if (!c->strong || c->tb != c->te || !strong_time (e))
    return FALSE;
  if (e->time.begin != c->tb || e->time.end != c->te)
    return e_definite && e->time.begin <= c->tb && c->te <= e->time.end
           && e->time.end - e->time.begin < NEAR_DAYS;
  return e_definite || (c->parts->len == 0 && c->location < 0 && bare_definite (evl_graph_get_event (g, c->rep)));
}

/* @e's agent does what cluster @c tells, in the same word, in an article
 * written within SAME_CYCLE_DAYS of the cluster's date or, undated, of
 * its articles (both days known): 'Kim arrived' in two reports of one
 * summit. */
static gboolean
same_doer_same_cycle (const EvlGraph *g, const Cluster *c, const EvlGraphEvent *e)
{
  if (e->agent < 0 || !has_part (c->parts, (guint) e->agent) || !has_trigger (c, e->trigger))
    return FALSE;
  EvlDay ref = reference_day (g, e);
  return ref && c->wb && evl_reason_interval_gap (c->wb, c->we, ref, ref) <= SAME_CYCLE_DAYS;
}

static char *summary_numbers (const char *summary);

/* Cluster @c and @e are dated the very same one day and no argument that
 * both name differs (see specific_same_day ()). */
static gboolean
same_day_no_clash (const EvlGraph *g, const Cluster *c, const EvlGraphEvent *e)
{
  if (!c->strong || c->te != c->tb || !strong_time (e) || e->time.end != e->time.begin
      || e->time.begin != c->tb)
    return FALSE;
  if ((c->location >= 0 && e->location >= 0 && c->location != e->location)
      || (e->agent >= 0 && role_has (c->agents, c->n_agents, (guint) e->agent) == 0
          && c->n_agents > 0)
      || (e->patient >= 0 && role_has (c->patients, c->n_patients, (guint) e->patient) == 0
          && c->n_patients > 0))
    return FALSE;
  g_autofree char *nc = summary_numbers (evl_graph_get_event (g, c->rep)->summary);
  g_autofree char *ne = summary_numbers (e->summary);
  return !*nc || !*ne || strcmp (nc, ne) == 0;
}

/* @e, of a type of which one day holds one happening (a launch, an
 * earthquake, an election; taxonomy/coreference.txt 'specific'), is
 * dated the very day of cluster @c, and no argument that both name
 * differs: the same agent, patient and place where both have one, the
 * same count ('two missiles' is not 'a missile').  One side naming
 * nobody is then another report of that day's happening ('the rocket
 * lifted off on Tuesday' / 'North Korea fired the satellite on
 * Tuesday'); a week, a month or a year holds many. */
static gboolean
specific_same_day (const EvlGraph *g, const Cluster *c, const Probe *p, const EvlGraphEvent *e)
{
  return g_hash_table_contains (p->syn->specific, e->type) && same_day_no_clash (g, c, e);
}

/* @e, told by another article than cluster @c, names it in a near-synonym
 * of the cluster's word (coreference.txt: 'a deal was struck on Tuesday'
 * / 'reached a tentative agreement late on Tuesday'), on its very day,
 * with no argument that differs: one happening worded by two writers.
 * A day holds many deals in the news, so this needs the same story too
 * (same_story ()), as specific_same_day () does. */
static gboolean
synonym_same_day (const EvlGraph *g, Cluster *c, Probe *p, const EvlGraphEvent *e)
{
  if (shares_document (c, e) || !same_day_no_clash (g, c, e))
    return FALSE;
  if (p->wcls == 0)
    p->wcls = word_class (p->syn, e) + 1;
  if (c->wcls == 0)
    c->wcls = word_class (p->syn, evl_graph_get_event (g, c->rep)) + 1;
  /* Either the noun the event is told by or the noun its verb does
   * ('an agreement was reached'), on either side. */
  guint32 mine = class_bit (p->cls) | class_bit (p->wcls - 1);
  guint32 theirs = c->classes | class_bit (c->wcls - 1);
  return (mine & theirs) != 0;
}

/* @e names nobody and its first mention's word is right after 'the' and
 * a noun, that noun put in @head (@n bytes): 'The court ruled'. */
static gboolean
definite_subject (const EvlGraphEvent *e, char *head, gsize n)
{
  if (e->participants->len > 0 || e->mentions->len == 0)
    return FALSE;
  const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, 0);
  const char *at = m->quote && m->text ? strstr (m->quote, m->text) : NULL;
  char det[8];
  gsize start;
  return at && word_before (m->quote, (gsize) (at - m->quote), &start, head, n)
         && word_before (m->quote, start, &start, det, sizeof det) && strcmp (det, "the") == 0;
}

/* @e names nobody, and its first mention's subject is 'the' and the last
 * word of an organisation's name in @parts: 'The court ruled' of the
 * 'Constitutional Court', 'the commission' of the 'Central Electoral
 * Commission'.  A definite noun refers back to the body the story has
 * named; the entity recogniser keeps names, not such nouns. */
static gboolean
subject_head_names (const EvlGraph *g, const EvlGraphEvent *e, const GArray *parts)
{
  char head[32];
  if (parts->len == 0 || !definite_subject (e, head, sizeof head))
    return FALSE;
  gsize n = strlen (head);
  for (guint i = 0; i < parts->len; i++)
    {
      const EvlGraphEntity *x = evl_graph_get_entity (g, g_array_index (parts, guint, i));
      gsize len = x->name ? strlen (x->name) : 0;
      if (x->type == EVL_ENTITY_ORGANIZATION && len > n && x->name[len - n - 1] == ' '
          && g_ascii_strcasecmp (x->name + len - n, head) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Cluster @c and @e, one day's, told in one word ('is due to rule on
 * Thursday' / 'The court ruled on Thursday'), one of them naming by a
 * definite noun the body the other names: as if they shared that
 * participant. */
static gboolean
same_day_head_named (const EvlGraph *g, const Cluster *c, const EvlGraphEvent *e)
{
  if (!has_trigger (c, e->trigger) || !same_day_no_clash (g, c, e))
    return FALSE;
  const EvlGraphEvent *r = evl_graph_get_event (g, c->rep);
  return subject_head_names (g, e, c->parts)
         || (c->parts->len == 0 && subject_head_names (g, r, e->participants));
}

/* Places @x and @y are one, or one lies in the other's country, or they
 * are one city named two ways ('Kyiv' / 'Kiev').  Two cities of a country
 * are two places: a day's bombing in one is not its bombing in the
 * other. */
static gboolean
same_region (const Synonyms *syn, guint x, guint y)
{
  return x == y
         || (syn->country[x] >= 0 && syn->country[x] == syn->country[y]
             && (syn->city[x] == syn->city[y] || !syn->city[x] || !syn->city[y]));
}

static gboolean
is_place (const EvlGraph *g, gint x)
{
  return x >= 0 && evl_graph_get_entity (g, (guint) x)->type == EVL_ENTITY_LOCATION;
}

/* The @i-th place of an event (its participants, then its location);
 * -1 when that one is not a place. */
static gint
place_at (const EvlGraph *g, gint loc, const GArray *parts, guint i)
{
  if (i == parts->len)
    return loc;
  guint x = g_array_index (parts, guint, i);
  return evl_graph_get_entity (g, x)->type == EVL_ENTITY_LOCATION ? (gint) x : -1;
}

/* Words before a place that say something happened there, and words
 * that may follow a place without making it a modifier ('U.S.
 * embassies', 'Kenyan officials' name no place of the event). */
static const char *const place_locative[] = { "in", "at", "near", NULL };
static const char *const place_joins[] = { "and", "or", NULL };
static const char *const place_after[] = {
  "and", "or", "on", "in", "at", "near", "last", "this", "that", "which", "where", "when", "to",
  "from", "for", "with", "since", "after", "before", "during", "early", "late", "earlier",
  "later", "as", "while", "but", "is", "was", "were", "are", "has", "have", "had", NULL
};

typedef struct {
  gsize start, end;      /* bytes of the trimmed word in the sentence */
  gsize next;            /* where the next word is looked for */
} PlaceWord;

static gboolean
place_word_is (const char *q, const PlaceWord *w, const char *const *list)
{
  char buf[16];
  gsize n = w->end - w->start;
  if (n == 0 || n >= sizeof buf)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    buf[i] = g_ascii_tolower (q[w->start + i]);
  buf[n] = '\0';
  return word_in (buf, list);
}

/* Word @w of @q is @word (NULL: none). */
static gboolean
is_word (const char *q, const PlaceWord *w, const char *word)
{
  gsize n = w->end - w->start;
  return word && strlen (word) == n && g_ascii_strncasecmp (q + w->start, word, n) == 0;
}

#define PLACE_WORDS 96

/* Splits @q into words (at most PLACE_WORDS); their number. */
static guint
place_words_of (const char *q, PlaceWord *w)
{
  guint n = 0;
  gsize len = strlen (q);
  for (gsize i = 0; i < len && n < PLACE_WORDS;)
    {
      if (!place_char (q[i]))
        {
          i++;
          continue;
        }
      gsize l, e = place_word (q, len, i, &l);
      if (l > 0)
        w[n++] = (PlaceWord) { i, i + l, e };
      i = e;
    }
  return n;
}

/* The longest place name of the input starting at word @i of @q (entity
 * + 1 as a pointer, NULL when none) and its number of words (@k).  Words
 * are added while they begin some name: most capitalised words begin
 * none and cost one look-up. */
static gpointer
place_longest (const Synonyms *syn, const char *q, const PlaceWord *w, guint n, guint i, guint *k)
{
  gpointer best = NULL;
  *k = 0;
  for (guint m = 1; m <= MIN (syn->place_words, n - i); m++)
    {
      char key[PLACE_KEY];
      if (place_key (q + w[i].start, w[i + m - 1].end - w[i].start, key) != m)
        break;
      gpointer hit = g_hash_table_lookup (syn->place_names, key);
      if (hit)
        {
          best = hit;
          *k = m;
        }
      if (!g_hash_table_contains (syn->place_prefixes, key))
        break;
    }
  return best;
}

/* Adds to @out the places sentence @q says something happened at: a
 * place's name after 'in', 'at' or 'near' (and 'the'), or after a comma,
 * 'and' or 'or' that follows such a place ('in Nairobi, Kenya, and
 * Tanzania'), not followed by a noun it modifies.  The event's own @word
 * after it is no such noun: a subject ends there ('the attack at the
 * embassy in Nairobi killed 253'). */
static void
sentence_places (const Synonyms *syn, const char *q, const char *word, GArray *out)
{
  PlaceWord w[PLACE_WORDS];
  guint n = place_words_of (q, w);
  /* end word (exclusive) of the last place taken, 0 when none */
  guint last = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isupper (q[w[i].start]))
        continue;
      gboolean after_in = (i >= 1 && place_word_is (q, &w[i - 1], place_locative))
                          || (i >= 2 && place_word_is (q, &w[i - 2], place_locative)
                              && w[i - 1].end - w[i - 1].start == 3
                              && g_ascii_strncasecmp (q + w[i - 1].start, "the", 3) == 0);
      gboolean listed = last > 0
                        && ((last == i && memchr (q + w[i - 1].end, ',', w[i].start - w[i - 1].end))
                            || (last + 1 == i && place_word_is (q, &w[i - 1], place_joins)));
      if (!after_in && !listed)
        continue;
      /* the longest name starting here */
      guint k = 0;
      gpointer hit = place_longest (syn, q, w, n, i, &k);
      if (hit)
        {
          guint j = i + k;
          /* 'U.S. embassies', 'Kenya's president': a modifier, when a
           * word follows with no punctuation between */
          gboolean modifier = j < n && g_ascii_islower (q[w[j].start])
                              && !place_word_is (q, &w[j], place_after) && !is_word (q, &w[j], word);
          for (gsize b = w[j - 1].next; modifier && b < w[j].start; b++)
            if (q[b] != ' ')
              modifier = FALSE;
          if (!modifier)
            {
              guint x = GPOINTER_TO_UINT (hit) - 1;
              if (!has_part (out, x))
                g_array_append_val (out, x);
              last = j;
            }
          i = j - 1;
        }
    }
}

/* The places of @e: its location and its participants that are places,
 * else, when @loose and naming nobody, the places its sentences say
 * things happened at ('More than 100 people were killed ... in the
 * blasts in Kenya and Tanzania').  Only for a loose type, whose events
 * join only in the same word: a statement's sentence names where what it
 * is about happened ('Iran condemned the bombings in Kenya'). */
static GArray *
event_places (const EvlGraph *g, const Synonyms *syn, const EvlGraphEvent *e, gboolean loose)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i <= e->participants->len; i++)
    {
      gint x = place_at (g, e->location, e->participants, i);
      if (x >= 0 && !has_part (out, (guint) x))
        g_array_append_val (out, x);
    }
  for (guint i = 0; loose && out->len == 0 && e->participants->len == 0 && i < e->mentions->len
                    && i < SIG_QUOTES;
       i++)
    {
      const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, i);
      if (m->quote)
        sentence_places (syn, m->quote, m->text, out);
    }
  return out;
}

/* @e names no doer, target or count that differs from cluster @c's.  A
 * place as doer or target ('exploded in Kenya and Tanzania') is compared
 * as a place, elsewhere.  'Two bombs' is not 'a bomb'; a toll is updated
 * ('81 killed', '257 killed'), and deaths are of a @loose type. */
static gboolean
same_doer_target_count (const EvlGraph *g, const Cluster *c, const EvlGraphEvent *e,
                        gboolean loose)
{
  if ((e->agent >= 0 && c->n_agents > 0 && !is_place (g, e->agent)
       && role_has (c->agents, c->n_agents, (guint) e->agent) == 0)
      || (e->patient >= 0 && c->n_patients > 0 && !is_place (g, e->patient)
          && role_has (c->patients, c->n_patients, (guint) e->patient) == 0))
    return FALSE;
  if (loose)
    return TRUE;
  g_autofree char *nc = summary_numbers (evl_graph_get_event (g, c->rep)->summary);
  g_autofree char *ne = summary_numbers (e->summary);
  return !*nc || !*ne || strcmp (nc, ne) == 0;
}

/* @e names a place cluster @c's first member names, or a city of its
 * country or the country of its city (event_places ()). */
static gboolean
shares_place_of_first (const EvlGraph *g, Cluster *c, Probe *p, const EvlGraphEvent *e)
{
  if (c->places == NULL)
    c->places = event_places (g, p->syn, evl_graph_get_event (g, c->rep), p->loose);
  if (p->places == NULL)
    p->places = event_places (g, p->syn, e, p->loose);
  for (guint i = 0; i < c->places->len; i++)
    for (guint j = 0; j < p->places->len; j++)
      if (same_region (p->syn, g_array_index (c->places, guint, i), g_array_index (p->places, guint, j)))
        return TRUE;
  return FALSE;
}

/* @e, of a type that tells what happened (not the catch-all; a loose
 * type's in the same word), is told by another article than cluster @c
 * and dated its very day; it names a place the cluster's first member
 * names, or a city of its country or the country of its city ('the
 * bombing in Nairobi' / 'the attack in Kenya'; event_places ()), and no
 * doer, target or count that differs: another article's report of that
 * day's happening there in other words, or a later toll of the same
 * deaths ('257 people killed' / '247 killed in Kenya').  The first
 * member's places, not the cluster's: a report naming two places ('in
 * Kenya and Tanzania') would chain each place's happenings into one.  A
 * week or a month holds many happenings in one country. */
static gboolean
same_day_same_place (const EvlGraph *g, Cluster *c, Probe *p, const EvlGraphEvent *e)
{
  if (catch_all (e->type) || !c->strong
      || c->te != c->tb || !strong_time (e) || e->time.end != e->time.begin
      || e->time.begin != c->tb || shares_document (c, e))
    return FALSE;
  if (p->loose && !same_word (g, c, p, e))
    return FALSE;
  return shares_place_of_first (g, c, p, e) && same_doer_target_count (g, c, e, p->loose);
}

/* Every entity of @parts is a place: names of where, not of who takes
 * part ('two bombs exploded in Tanzania' / 'the bombing of the U.S.
 * embassy in Nairobi' name nobody that differs). */
static gboolean
only_places (const EvlGraph *g, const GArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    if (evl_graph_get_entity (g, g_array_index (parts, guint, i))->type != EVL_ENTITY_LOCATION)
      return FALSE;
  return TRUE;
}

/* @e may join by same_day_same_place () a cluster naming nobody: typed
 * and dated to the day. */
static gboolean
day_place_probe (const EvlGraphEvent *e)
{
  return !catch_all (e->type) && e->time.begin == e->time.end;
}

/* How much the names two articles' events share tell that they are one
 * happening, in NAME_WEIGHT per name: a name most of the news carries
 * ('the United States' in a quarter of 400 wire stories) is half a name,
 * as two unrelated talks name it as often as one.  Only a share of
 * enough articles tells: in a handful about one story every article
 * names its actors. */
#define NAME_WEIGHT 2
#define COMMON_MIN_DOCS 16
#define COMMON_SHARE 10

static guint
name_weight (const EvlGraph *g, guint x)
{
  guint n = evl_graph_get_entity (g, x)->n_documents;
  return n >= COMMON_MIN_DOCS && n * COMMON_SHARE >= evl_graph_n_documents (g) ? NAME_WEIGHT / 2
                                                                              : NAME_WEIGHT;
}

/* What each article is about: the people and bodies its events name
 * and every place its sentences name, a place as its country when the
 * gazetteer knows it ('Nairobi' and 'Kenya' are one story's), sorted and
 * distinct; syn->doc_weight gives each its weight as name_weight () does
 * for names, from the number of articles holding it.  Once per merge,
 * from the events before any is merged: one look-up per capitalised
 * word of each sentence. */
static void
doc_names_load (const EvlGraph *g, Synonyms *syn)
{
  guint nd = evl_graph_n_documents (g), ne = evl_graph_n_entities (g);
  syn->doc_names = g_ptr_array_new_full (nd, (GDestroyNotify) g_array_unref);
  for (guint d = 0; d < nd; d++)
    g_ptr_array_add (syn->doc_names, g_array_new (FALSE, FALSE, sizeof (guint)));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, i);
      for (guint k = 0; k < e->mentions->len; k++)
        {
          const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, k);
          if (m->doc >= nd)
            continue;
          GArray *a = syn->doc_names->pdata[m->doc];
          for (guint j = 0; j <= e->participants->len; j++)
            {
              gint x = j < e->participants->len ? (gint) g_array_index (e->participants, guint, j)
                                                : e->location;
              if (x >= 0)
                g_array_append_val (a, x);
            }
          if (m->quote == NULL || !g_hash_table_add (seen, (gpointer) m->quote))
            continue;
          PlaceWord w[PLACE_WORDS];
          guint n = place_words_of (m->quote, w);
          for (guint j = 0; j < n; j++)
            {
              guint len = 0;
              gpointer hit = g_ascii_isupper (m->quote[w[j].start])
                               ? place_longest (syn, m->quote, w, n, j, &len)
                               : NULL;
              if (hit)
                {
                  guint x = GPOINTER_TO_UINT (hit) - 1;
                  g_array_append_val (a, x);
                  j += len - 1;
                }
            }
        }
    }
  syn->doc_weight = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint d = 0; d < nd; d++)
    {
      GArray *a = syn->doc_names->pdata[d];
      for (guint i = 0; i < a->len; i++)
        {
          guint x = g_array_index (a, guint, i);
          if (syn->country[x] >= 0)
            g_array_index (a, guint, i) = ne + (guint) syn->country[x];
        }
      sort_distinct (a);
      for (guint i = 0; i < a->len; i++)
        {
          gpointer key = GUINT_TO_POINTER (g_array_index (a, guint, i) + 1);
          g_hash_table_insert (syn->doc_weight, key,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (syn->doc_weight, key)) + 1));
        }
    }
}

/* Weight of the names articles @a and @b (sorted) share, as
 * doc_names_load () weighs them. */
static guint
story_weight (const Synonyms *syn, const GArray *a, const GArray *b, guint nd)
{
  guint sum = 0;
  for (guint i = 0, j = 0; i < a->len && j < b->len;)
    {
      guint x = g_array_index (a, guint, i), y = g_array_index (b, guint, j);
      if (x == y)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (syn->doc_weight, GUINT_TO_POINTER (x + 1)));
          sum += n >= COMMON_MIN_DOCS && n * COMMON_SHARE >= nd ? NAME_WEIGHT / 2 : NAME_WEIGHT;
          i++, j++;
        }
      else if (x < y)
        i++;
      else
        j++;
    }
  return sum;
}

/* The input is a feed of many stories, not articles gathered for one:
 * its articles name things, and nothing is named by half of them.  An
 * article set about one story names its subject in nearly every article
 * (the embassy bombings' 25 articles name Kenya in 24, the Slepian
 * murder's 14 name him in 13), where in a news feed the most named is
 * named by a quarter (the United States in 112 of 400 wire stories).
 * Named anywhere in the article, not only in what its events name: a
 * short set's events may name its subject in two articles of five
 * ('Northline Railways and the union reached an agreement') where every
 * one of them names it. */
static gboolean
many_stories (const EvlGraph *g, const Synonyms *syn)
{
  guint most = 0, nd = syn->doc_names->len;
  for (guint x = 0; x < evl_graph_n_entities (g); x++)
    most = MAX (most, evl_graph_get_entity (g, x)->n_documents);
  GHashTableIter it;
  gpointer n;
  g_hash_table_iter_init (&it, syn->doc_weight);
  while (g_hash_table_iter_next (&it, NULL, &n))
    most = MAX (most, GPOINTER_TO_UINT (n));
  return most > 0 && 2 * most < nd;
}

/* @e's article and one of cluster @c's name someone or somewhere in
 * common that few of the input's articles name (or two that many do):
 * they tell one story.  Asked only of a feed (many_stories ()): articles
 * gathered for one story may name its actors differently ('Kim met
 * Putin' / 'North Korea launched missiles hours before the meeting').
 * 'The civil war' in a report on Zaire is not the day's sex attack in an
 * article on Okinawa, nor one country's election another's on the same
 * Sunday, however close their dates. */
static gboolean
same_story (const Synonyms *syn, const Cluster *c, const EvlGraphEvent *e)
{
  if (syn->doc_names == NULL)
    return TRUE;
  guint last = G_MAXUINT, nd = syn->doc_names->len;
  for (guint k = 0; k < e->mentions->len; k++)
    {
      guint d = g_array_index (e->mentions, EvlGraphMention, k).doc;
      if (d >= nd || d == last)
        continue;
      last = d;
      for (guint j = 0; j < c->docs->len; j++)
        {
          guint dc = g_array_index (c->docs, guint, j);
          if (dc < nd
              && story_weight (syn, syn->doc_names->pdata[d], syn->doc_names->pdata[dc], nd)
                   >= NAME_WEIGHT)
            return TRUE;
        }
    }
  return FALSE;
}

/* The weight of the names @e shares with those of @parts and place @loc,
 * each counted once (a place is one entity whether read as a participant
 * or as the location: 'the Ukraine conflict' / 'conflict in Ukraine'). */
static guint
shared_names (const EvlGraph *g, const GArray *parts, gint loc, const EvlGraphEvent *e)
{
  guint w = 0;
  for (guint i = 0; i < e->participants->len; i++)
    {
      guint x = g_array_index (e->participants, guint, i);
      if (has_part (parts, x) || (loc >= 0 && (guint) loc == x))
        w += name_weight (g, x);
    }
  if (e->location >= 0 && !has_part (e->participants, (guint) e->location)
      && (loc == e->location || has_part (parts, (guint) e->location)))
    w += name_weight (g, (guint) e->location);
  return w;
}

/* @e is a death whose victim is a person cluster @c's deaths name as
 * theirs: a person dies once, so it is the same death whatever the word
 * ('shot', 'gunned down', 'killed') or how closely it is dated. */
static gboolean
same_victim (const EvlGraph *g, const Cluster *c, const EvlGraphEvent *e)
{
  return e->patient >= 0 && same_str (e->type, "DEATH") && (e->flags & EVL_EVENT_FLAG_GENERIC) == 0
         && e->polarity != EVL_POLARITY_NEG
         && evl_graph_get_entity (g, (guint) e->patient)->type == EVL_ENTITY_PERSON
         && role_has (c->patients, c->n_patients, (guint) e->patient) == 1;
}

/* The toll a death event's summary gives ('62 killed', 'killing all 62
 * people'): its one number, when it is ten or more (a smaller count is
 * too common to tell one happening); else 0.  toll_of (): a dated one's. */
static guint64
toll_number (const EvlGraphEvent *e)
{
  if (!same_str (e->type, "DEATH") || (e->flags & EVL_EVENT_FLAG_GENERIC) || e->polarity == EVL_POLARITY_NEG)
    return 0;
  g_autofree char *n = summary_numbers (e->summary);
  char *end = NULL;
  guint64 v = g_ascii_isdigit (n[0]) ? g_ascii_strtoull (n, &end, 10) : 0;
  return v >= 10 && end && *end == ' ' && end[1] == '\0' ? v : 0;
}

static guint64
toll_of (const EvlGraphEvent *e)
{
  return strong_time (e) ? toll_number (e) : 0;
}

/* '62 killed' in March and 'killing all 62 people' on March 2: the same
 * toll (toll_of ()) and times that overlap tell one happening, whoever
 * the two articles name.  Places, where both say one, must agree. */
static gboolean
same_toll (const EvlGraph *g, const Cluster *c, const EvlGraphEvent *e)
{
  /* An article repeats its toll undated ('killing at least 14 people'
   * on Tuesday ... 'the governor said at least 14 people were
   * killed'): the same count in the same article is the same deaths. */
  if (c->strong && !strong_time (e) && shares_document (c, e)
      && (c->location < 0 || e->location < 0 || c->location == e->location))
    {
      guint64 n = toll_number (e);
      return n && n == toll_of (evl_graph_get_event (g, c->rep));
    }
  if (!c->strong || !strong_time (e) || evl_reason_interval_gap (c->tb, c->te, e->time.begin, e->time.end) > 0
      || (c->location >= 0 && e->location >= 0 && c->location != e->location))
    return FALSE;
  guint64 n = toll_of (e);
  return n && n == toll_of (evl_graph_get_event (g, c->rep));
}

/* Cluster @c and @e are dated, both to the very same day. */
static gboolean
one_day (const Cluster *c, const EvlGraphEvent *e)
{
  return c->strong && c->tb == c->te && strong_time (e) && e->time.begin == e->time.end
         && e->time.begin == c->tb;
}

static gboolean is_number_word (const char *w);

/* What a death's summary tells of its one unnamed victim ('Man killed
 * in a warehouse fire', 'Firefighter dies after ...'): FALSE unless the
 * words before its verb are one singular noun phrase naming no number
 * and nobody; *@sex is 1 for a male head noun, 2 for a female one, 0
 * when it tells none; *@age the first 'N-year-old' of its sentence (0:
 * none). */
static gboolean
one_unnamed_victim (const EvlGraphEvent *e, guint *sex, guint *age)
{
  static const char *const male[] = { "man", "boy", "father", "son", "husband", "brother", "policeman",
                                       "fireman", "businessman", "grandfather", NULL };
  static const char *const female[] = { "woman", "girl", "mother", "daughter", "wife", "sister",
                                         "policewoman", "businesswoman", "grandmother", NULL };
  static const char *const plural[] = { "people", "men", "women", "children", "police", "dozens",
                                         "hundreds", "thousands", "both", "all", "family", NULL };
  if (!same_str (e->type, "DEATH") || e->patient >= 0 || e->trigger == NULL || e->summary == NULL
      || e->mentions->len == 0 || (e->flags & EVL_EVENT_FLAG_GENERIC) || e->polarity == EVL_POLARITY_NEG)
    return FALSE;
  g_auto (GStrv) w = g_strsplit (e->summary, " ", 8);
  gsize tl = strlen (e->trigger);
  guint v = 0;
  while (w[v] && !(tl >= 3 && g_ascii_strncasecmp (w[v], e->trigger, tl) == 0))
    v++;
  if (w[v] == NULL || v == 0 || v > 3)
    return FALSE;
  /* the words before an active 'kills' are the killer ('Boat wreck
   * kills his mother'): only a passive ('killed') or 'die' tells the
   * victim first */
  g_autofree char *verb = g_ascii_strdown (w[v], -1);
  gboolean passive = g_str_has_suffix (verb, "ed") && strlen (verb) > tl;
  if (!passive && strcmp (e->trigger, "die") != 0)
    return FALSE;
  for (guint i = 0; i < v; i++)
    {
      g_autofree char *x = g_ascii_strdown (w[i], -1);
      if (is_number_word (x) || word_in (x, plural) || !g_ascii_isalpha (x[0]))
        return FALSE;
    }
  g_autofree char *head = g_ascii_strdown (w[v - 1], -1);
  gsize hl = strlen (head);
  if (hl > 2 && head[hl - 1] == 's' && head[hl - 2] != 's')
    return FALSE;
  *sex = word_in (head, male) ? 1 : word_in (head, female) ? 2 : 0;
  const char *q = g_array_index (e->mentions, EvlGraphMention, 0).quote;
  const char *y = q ? strstr (q, "-year-old") : NULL;
  const char *d = y;
  while (d && d > q && g_ascii_isdigit (d[-1]))
    d--;
  *age = d && d < y ? (guint) g_ascii_strtoull (d, NULL, 10) : 0;
  return TRUE;
}

/* Another article's death of cluster @c's day and place, each of one
 * unnamed victim whom the two tell alike ('A 34-year-old man was killed
 * in a warehouse fire in Lyndale on Friday' / 'A firefighter died after
 * battling a warehouse blaze in Lyndale on Friday'): one death, told by
 * whoever saw it.  Not a man and a woman, nor two ages; and only among
 * articles gathered for one story: a feed holds many a city's unrelated
 * deaths of a day ('a man killed in a shooting', 'a man died after a
 * fall'); evl_reason_merge () keeps the documents' names only for a feed
 * (many_stories ()). */
static gboolean
one_unnamed_death (const EvlGraph *g, Cluster *c, Probe *p, const EvlGraphEvent *e)
{
  guint sc, ac, se, ae;
  const EvlGraphEvent *r = evl_graph_get_event (g, c->rep);
  if (!one_day (c, e) || shares_document (c, e) || c->n_patients || p->syn->doc_weight != NULL
      || !one_unnamed_victim (e, &se, &ae) || !one_unnamed_victim (r, &sc, &ac)
      || (sc && se && sc != se) || (ac && ae && ac != ae))
    return FALSE;
  return shares_place_of_first (g, c, p, e);
}

/* The people @e names that cluster @c does not. */
static guint
unshared_people (const EvlGraph *g, const Cluster *c, const EvlGraphEvent *e)
{
  guint n = 0;
  for (guint i = 0; i < e->participants->len; i++)
    {
      guint x = g_array_index (e->participants, guint, i);
      n += !has_part (c->parts, x) && evl_graph_get_entity (g, x)->type == EVL_ENTITY_PERSON;
    }
  return n;
}

/* synonym_same_day () in articles that tell one story (same_story ()):
 * what lets a loose type's near-synonym join with no shared name, and a
 * plan join the happening of its day. */
static gboolean
synonym_day_in_story (const EvlGraph *g, Cluster *c, Probe *p, const EvlGraphEvent *e)
{
  return synonym_same_day (g, c, p, e) && same_story (p->syn, c, e);
}

/* Score of @p's event joining cluster @c, or REJECT. */
static double
score (const EvlGraph *g, Cluster *c, Probe *p)
{
  const EvlGraphEvent *e = evl_graph_get_event (g, p->ei);
  gboolean e_loose = p->loose, e_definite = p->definite;
  gboolean same_trigger = same_str (c->trigger, e->trigger);
  if (!same_str (c->type, e->type))
    return REJECT;
  if (c->generic != ((e->flags & EVL_EVENT_FLAG_GENERIC) != 0))
    return REJECT;
  if (((c->outcome & EVL_EVENT_FLAG_FAILED) && (e->flags & EVL_EVENT_FLAG_SUCCEEDED))
      || ((c->outcome & EVL_EVENT_FLAG_SUCCEEDED) && (e->flags & EVL_EVENT_FLAG_FAILED)))
    return REJECT;
  if (extra_person (g, e->participants, c->parts) && extra_person (g, c->parts, e->participants))
    return REJECT;
  guint ov = overlap (e->participants, c->parts);
  /* Both sides name who takes part and nobody is shared: two events
   * ('negotiations with Washington' is not the Kim-Putin summit). */
  if (ov == 0 && e->participants->len > 0 && c->parts->len > 0
      && !((only_places (g, e->participants) || only_places (g, c->parts))
           && same_day_same_place (g, c, p, e)))
    return REJECT;
  /* A statement naming nobody is not one of someone named in another
   * verb: the type gathers every verb of speech, and a story tells many
   * ('Government officials had threatened to revoke the parole' is not
   * 'Castro announced ...'); a noun may refer back to the saying ('his
   * statement'), the same word may be told again, and a verb coordinated
   * in one sentence ('condemned the bombing and expressed sympathy')
   * shares the subject its arguments left out. */
  if (ov == 0 && (e->participants->len == 0) != (c->parts->len == 0) && same_str (e->type, STATEMENT_TYPE)
      && !has_trigger (c, e->trigger) && !shares_sentence (c, e))
    {
      if (p->nominal < 0)
        p->nominal = event_nominal (e, p->cls);
      const EvlGraphEvent *r = evl_graph_get_event (g, c->rep);
      if (!p->nominal && !event_nominal (r, head_class (p->syn, r)))
        return REJECT;
    }
  gboolean same_day_kind = specific_same_day (g, c, p, e) && !shares_document (c, e);
  gboolean one_death = e_loose && (same_victim (g, c, e) || same_toll (g, c, e) || one_unnamed_death (g, c, p, e));
  gboolean head_named = ov == 0 && same_day_head_named (g, c, e);
  gboolean alone_day = (step_named_alone (g, c, e, e_definite) && (same_trigger || same_word (g, c, p, e)))
                       || head_named;
  /* A loose type's same word on the day of a specific happening needs
   * no shared participant, nor with one side naming the story's step
   * alone that day, nor another article's near-synonym of that very day
   * in one story ('went on strike on Monday' / 'the walkout on Monday'). */
  if (e_loose && !one_death
      && (!(same_trigger || same_word (g, c, p, e))
          || (ov == 0 && !shares_sentence (c, e) && !same_day_kind && !alone_day
              && !same_day_same_place (g, c, p, e) && !synonym_day_in_story (g, c, p, e))))
    return REJECT;
  if (roles_swapped (c, e) && !g_hash_table_contains (p->syn->reciprocal, e->type))
    return REJECT;
  /* Two things one says at different times are two statements. */
  if (same_str (e->type, STATEMENT_TYPE) && !shares_sentence (c, e) && other_statement (g, c, p))
    return REJECT;
  /* 'two failed attempts this year' are several launches: they join
   * what is told in the same word, never one launch told otherwise. */
  if ((p->counted || c->counted) && !has_trigger (c, e->trigger))
    return REJECT;

  gboolean loc_known = c->location >= 0 && e->location >= 0;
  gboolean loc_same = loc_known && c->location == e->location;
  gboolean e_strong = strong_time (e);
  if (!shares_document (c, e))
    {
      /* Another article's event of the same type is the same happening
       * only when it names someone or somewhere the cluster does: a
       * shared type and year or month alone are two events of a kind
       * ('elections in 1990', 'a failed launch in August').  One with no
       * date of its own would take the cluster's: that needs two shared
       * entities.  Undated, two mentions sharing one name are mostly two
       * things that one did ('Clinton visited Tokyo' / 'Clinton visited
       * the meeting'), even in the same word (half of such merges on 400
       * news texts were wrong): they need the same sentence reworded
       * (another paper's version of the wire story), or to be noun
       * phrases of one head (or near-synonyms) at one place, as an
       * ongoing or awaited happening is named ('Britain's general
       * election', 'the Ukraine conflict'), or the same word said of
       * the same agent in articles written a day apart.  The exception is a
       * definite description naming nobody ('hours before the meeting'
       * in the next day's report), which refers to the event of that
       * day or week its readers know. */
      guint shared = shared_names (g, c->parts, c->location, e);
      /* Undated on both sides, names are all there is, and a cluster
       * gathers many: 'Clinton met Netanyahu in Washington', 'Qian will
       * visit the United States to meet Clinton' and 'Cohen will meet
       * U.S. commanders' would chain on one name each.  What an event
       * shares with the cluster's first member (its anchor) counts. */
      if (!c->strong && !e_strong)
        {
          const EvlGraphEvent *a = evl_graph_get_event (g, c->rep);
          shared = MIN (shared, shared_names (g, a->participants, a->location, e));
        }
      /* A failure is as telling as a name: 'two failed attempts this
       * year' and 'a failed launch in August' of one type are the story's
       * failures, not two kinds of event that happen to share a type. */
      gboolean failed = (c->outcome & EVL_EVENT_FLAG_FAILED) && (e->flags & EVL_EVENT_FLAG_FAILED);
      shared += failed ? NAME_WEIGHT : 0;
      if (!one_death
          && !((known_anaphor (g, c, e, e_strong, e_definite) || same_day_kind || alone_day
                || synonym_same_day (g, c, p, e))
               && same_story (p->syn, c, e))
          && !shares_sentence (c, e) && !same_day_same_place (g, c, p, e))
        {
          /* A name most of the news carries, shared alone, tells one
           * happening only on one day or in the same word: 'the United
           * States' takes part in a week's talks with China and a
           * month's with the Palestinians.  An undated mention takes a dated event's day
           * from one shared name only when it is the same word said of the same agent in
           * a report written within a day of that date ('Hale pleaded
           * not guilty on Monday' / 'Hale pleaded not guilty'). */
          if (shared == 0
              || (shared < NAME_WEIGHT && !one_day (c, e) && !has_trigger (c, e->trigger))
              || (c->strong && !e_strong && shared < 2 * NAME_WEIGHT
                  && !same_doer_same_cycle (g, c, e)))
            return REJECT;
          /* A shared failure is no name many things are done by: the
           * same word is enough with it. */
          if (!c->strong && !e_strong && shared < 2 * NAME_WEIGHT
              && !(failed && has_trigger (c, e->trigger))
              && !((has_trigger (c, e->trigger) || (c->classes & class_bit (p->cls)))
                   && shares_place (g, c->location, c->parts, e->location, e->participants)
                   && both_nominal (g, c, p))
              && !same_doer_same_cycle (g, c, e) && !same_deed (g, c, p)
              && !shares_rewritten (g, c, p))
            return REJECT;
        }
    }
  /* Someone @e names that the cluster lacks counts against it as much
   * as one shared counts for it: 'the summit between Hashimoto and
   * Clinton in Washington' is the cluster naming both rather than
   * another's 'talks in Washington with Clinton'. */
  double s = 2.0 * ov - 2.0 * unshared_people (g, c, e)
             + (loc_same ? 2.0 : loc_known ? -1.0 : 0.0);
  gboolean same_day = FALSE;
  if (c->strong && e_strong)
    {
      guint gap = evl_reason_interval_gap (c->tb, c->te, e->time.begin, e->time.end);
      same_day = gap == 0;
      /* Dates that disagree by a few days are a conflict between sources
       * only when everything else says it is one event; so is a named
       * person's death dated by a clock time alone ('shot to death at 10
       * p.m.' in a report months later took that report's day): the
       * best-supported date wins, the other is recorded as a conflict. */
      gboolean clock = one_death && (day_unsaid (e) || day_unsaid (evl_graph_get_event (g, c->rep)));
      if (!clock && (gap > 3 || (gap > 0 && !(ov >= 2 && loc_same))))
        return REJECT;
      s += gap == 0 ? 2.0 : 0.0;
    }
  else
    {
      EvlDay ref = e_strong ? e->time.begin : reference_day (g, e);
      EvlDay ref_end = e_strong ? e->time.end : ref;
      if (ref && c->wb)
        {
          guint gap = evl_reason_interval_gap (c->wb, c->we, ref, ref_end);
          if (c->strong && !e_strong && gap > RECENT_DAYS)
            return REJECT;
          s += 1.0 / (1.0 + gap / 30.0);
        }
    }
  /* Tense bounds: an event told in the past tense of a 2019 article is not
   * a 2023 event. */
  if (c->strong && ((e->time.latest && c->tb > e->time.latest)
                    || (e->time.earliest && c->te < e->time.earliest)))
    return REJECT;
  if (e_strong && ((c->latest && e->time.begin > c->latest)
                   || (c->earliest && e->time.end < c->earliest)))
    return REJECT;
  /* 'She would sentence him on Nov. 20' and 'He was sentenced on
   * Friday' of that day: a plan told in the same word of someone the
   * happening names, for the very day it happened, is that happening
   * announced (a negation still says it did not happen). */
  gboolean plan_kept = same_day && (ov >= 1 || head_named) && has_trigger (c, e->trigger) && c->fact != 2
                       && factuality (e) != 2;
  if (c->fact != factuality (e) && !(ov >= 2 && (loc_same || same_day)) && !plan_kept)
    return REJECT;
  /* Promised, planned or hedged, in other words than the dated happening
   * told as done ('won Sunday's runoff' ... 'promised to hold a
   * referendum'): another happening of the type, maybe never to be.  A
   * plan for the happening's very day in a near-synonym, in one story,
   * is that happening announced ('workers will walk off the job on Nov.
   * 9' / 'went on strike on Monday'): joining dates the plan right.  A
   * plan for another day, or for none, stays apart: the happening's day
   * would date it wrong. */
  if (c->done && (factuality (e) == 1 || (e->flags & EVL_EVENT_FLAG_PLANNED))
      && !has_trigger (c, e->trigger) && !synonym_day_in_story (g, c, p, e))
    return REJECT;
  /* Even in the same word, an undated plan had not happened when its
   * article was written: a happening told as done before that day is
   * another ('The launch took place on Sunday ... The next launch is
   * expected soon'); in the article telling both, even that day's. */
  if (c->done && !e_strong && (e->flags & EVL_EVENT_FLAG_PLANNED))
    {
      EvlDay written = written_day (g, e);
      if (written && (c->done_end < written || (c->done_end == written && shares_document (c, e))))
        return REJECT;
    }
  /* Two bare mentions ('the talks', 'the statement') share only a type:
   * the same word is needed.  A bare mention may join a described event.
   * Dated, a span of years only holds a day or a month ('has fought the
   * army since 2023' / 'were killed on March 8'): many happenings of the
   * type lie in it, so the dates overlapping tells nothing. */
  if (e->participants->len == 0 && c->parts->len == 0 && !loc_known && !same_trigger
      && (!(c->strong && e_strong)
          || ((e->time.end - e->time.begin >= YEARS_SPAN) != (c->te - c->tb >= YEARS_SPAN))))
    return REJECT;
  return s + (same_trigger ? 0.5 : 0.0) + 0.1 * log1p (c->n_mentions);
}

static void
cluster_add (const EvlGraph *g, Cluster *c, guint ei)
{
  const EvlGraphEvent *e = evl_graph_get_event (g, ei);
  g_array_append_val (c->members, ei);
  if (strong_time (e) && factuality (e) == 0 && !(e->flags & EVL_EVENT_FLAG_PLANNED))
    {
      c->done = TRUE;
      c->done_end = MAX (c->done_end, e->time.end);
    }
  for (guint i = 0; i < e->participants->len; i++)
    {
      guint p = g_array_index (e->participants, guint, i);
      if (!has_part (c->parts, p))
        g_array_append_val (c->parts, p);
    }
  for (guint i = 0; i < e->mentions->len; i++)
    {
      const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, i);
      add_doc (c->docs, m->doc);
      if (m->quote && !g_ptr_array_find (c->quotes, m->quote, NULL))
        g_ptr_array_add (c->quotes, (gpointer) m->quote);
    }
  if (e->trigger && !has_trigger (c, e->trigger))
    g_ptr_array_add (c->triggers, (gpointer) e->trigger);
  if (c->location < 0)
    c->location = e->location;
  if (strong_time (e))
    {
      if (!c->strong)
        {
          c->tb = e->time.begin;
          c->te = e->time.end;
        }
      else if (evl_reason_interval_gap (c->tb, c->te, e->time.begin, e->time.end) == 0)
        {
          c->tb = MAX (c->tb, e->time.begin);
          c->te = MIN (c->te, e->time.end);
        }
      c->strong = TRUE;
    }
  if (c->strong)
    {
      c->wb = c->tb;
      c->we = c->te;
    }
  else if (!c->wb)
    c->wb = c->we = reference_day (g, e);
  if (e->time.earliest && e->time.earliest > c->earliest)
    c->earliest = e->time.earliest;
  if (e->time.latest && (!c->latest || e->time.latest < c->latest))
    c->latest = e->time.latest;
  c->outcome |= e->flags & (EVL_EVENT_FLAG_FAILED | EVL_EVENT_FLAG_SUCCEEDED);
  c->n_mentions += e->mentions->len;
  c->counted |= counted_plural (e);
  if (e->agent >= 0)
    role_add (c->agents, &c->n_agents, (guint) e->agent);
  if (e->patient >= 0)
    role_add (c->patients, &c->n_patients, (guint) e->patient);
}

static Cluster *
cluster_new (const EvlGraph *g, guint ei)
{
  const EvlGraphEvent *e = evl_graph_get_event (g, ei);
  Cluster *c = g_new0 (Cluster, 1);
  c->rep = ei;
  c->members = g_array_new (FALSE, FALSE, sizeof (guint));
  c->parts = g_array_new (FALSE, FALSE, sizeof (guint));
  c->docs = g_array_new (FALSE, FALSE, sizeof (guint));
  c->triggers = g_ptr_array_new ();
  c->quotes = g_ptr_array_new ();
  c->location = -1;
  c->type = e->type;
  c->trigger = e->trigger;
  c->fact = factuality (e);
  c->nominal = -1;
  c->generic = (e->flags & EVL_EVENT_FLAG_GENERIC) != 0;
  cluster_add (g, c, ei);
  return c;
}

/* Visit order: dated events first, finest grain first, then those with
 * the most participants; index order last, so the result is
 * deterministic. */
static int
cmp_specific (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const EvlGraph *g = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  const EvlGraphEvent *ea = evl_graph_get_event (g, a), *eb = evl_graph_get_event (g, b);
  gboolean sa = strong_time (ea), sb = strong_time (eb);
  if (sa != sb)
    return sa ? -1 : 1;
  if (sa)
    {
      EvlDay wa = ea->time.end - ea->time.begin, wb = eb->time.end - eb->time.begin;
      if (wa != wb)
        return wa < wb ? -1 : 1;
    }
  if (ea->participants->len != eb->participants->len)
    return ea->participants->len > eb->participants->len ? -1 : 1;
  return a < b ? -1 : (a > b);
}

/* ---- folding a cluster into one event ---- */

/* How complete a member's summary is: the one used for the merged event. */
static guint
completeness (const EvlGraphEvent *e)
{
  /* A proper event name ('Korean War') beats a common noun. */
  gboolean named = e->summary && e->trigger && g_ascii_isupper (e->summary[0])
                   && g_ascii_isupper (e->trigger[0]) == FALSE
                   && e->mentions->len > 0
                   && g_ascii_isupper (g_array_index (e->mentions, EvlGraphMention, 0).text[0])
                   && strchr (e->summary, ' ') != NULL;
  return 2 * e->participants->len + 3 * (e->location >= 0) + 2 * strong_time (e) + 4 * named
         + (e->summary ? MIN (strlen (e->summary), 60u) / 20 : 0);
}

typedef struct {
  const EvlGraphMention *m;
  guint strength;
} TimeVote;

static gboolean
mention_dated (const EvlGraphMention *m)
{
  return m->time_value != NULL && m->time_begin != 0;
}

/* Distinct documents among the votes whose time overlaps [b, e].  Every
 * vote asks this of every other (quadratic in a much-told event's dated
 * mentions), so documents are numbered densely once and counted with a
 * stamp per document instead of a hash set per call, and an interval
 * asked again is answered from a memo. */
typedef struct {
  const GArray *votes;   /* TimeVote */
  guint *doc;            /* vote -> dense document number */
  guint *stamp;          /* dense document -> last call that counted it */
  guint now;
  GHashTable *memo;      /* (b << 32 | e) -> support + 1 */
} Support;

static void
support_init (Support *s, const GArray *votes)
{
  s->votes = votes;
  s->doc = g_new (guint, votes->len + 1);
  s->stamp = g_new0 (guint, votes->len + 1);
  s->now = 0;
  s->memo = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) dense = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < votes->len; i++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (votes, TimeVote, i).m->doc + 1);
      gpointer v = g_hash_table_lookup (dense, key);
      if (v == NULL)
        {
          v = GUINT_TO_POINTER (g_hash_table_size (dense) + 1);
          g_hash_table_insert (dense, key, v);
        }
      s->doc[i] = GPOINTER_TO_UINT (v) - 1;
    }
}

static void
support_clear (Support *s)
{
  g_free (s->doc);
  g_free (s->stamp);
  g_hash_table_unref (s->memo);
}

static guint
support (Support *s, EvlDay b, EvlDay e)
{
  gint64 key = (gint64) (((guint64) b << 32) | e);
  gpointer hit = g_hash_table_lookup (s->memo, &key);
  if (hit)
    return GPOINTER_TO_UINT (hit) - 1;
  s->now++;
  guint n = 0;
  for (guint i = 0; i < s->votes->len; i++)
    {
      const EvlGraphMention *m = g_array_index (s->votes, TimeVote, i).m;
      if (evl_reason_interval_gap (b, e, m->time_begin, m->time_end) == 0
          && s->stamp[s->doc[i]] != s->now)
        {
          s->stamp[s->doc[i]] = s->now;
          n++;
        }
    }
  g_hash_table_insert (s->memo, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (n + 1));
  return n;
}

/* The merged event's time: the value with the most supporting sources,
 * then the most precise, then the best anchored; incompatible values are
 * recorded as conflicts. */
static void
vote_time (EvlGraph *g, guint rep, const GArray *members)
{
  g_autoptr (GArray) votes = g_array_new (FALSE, FALSE, sizeof (TimeVote));
  guint best_strength = 0;
  for (guint i = 0; i < members->len; i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (members, guint, i));
      for (guint j = 0; j < e->mentions->len; j++)
        {
          const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, j);
          if (!mention_dated (m))
            continue;
          TimeVote v = { m, evl_reason_anchor_strength (m->time_anchor) };
          best_strength = MAX (best_strength, v.strength);
          g_array_append_val (votes, v);
        }
    }
  /* Dated mentions outvote creation-time guesses entirely. */
  guint floor_strength = best_strength >= EVL_STRONG_TIME ? EVL_STRONG_TIME : 0;
  for (guint i = votes->len; i-- > 0;)
    if (g_array_index (votes, TimeVote, i).strength < floor_strength)
      g_array_remove_index (votes, i);
  if (votes->len == 0)
    return;

  Support sup_ctx;
  support_init (&sup_ctx, votes);
  gint best = -1;
  guint best_sup = 0;
  for (guint i = 0; i < votes->len; i++)
    {
      const TimeVote *v = &g_array_index (votes, TimeVote, i);
      guint sup = support (&sup_ctx, v->m->time_begin, v->m->time_end);
      if (best >= 0)
        {
          const TimeVote *b = &g_array_index (votes, TimeVote, best);
          EvlDay wv = v->m->time_end - v->m->time_begin, wb = b->m->time_end - b->m->time_begin;
          if (sup < best_sup || (sup == best_sup && (wv > wb || (wv == wb && v->strength <= b->strength))))
            continue;
        }
      best = (gint) i;
      best_sup = sup;
    }
  const EvlGraphMention *win = g_array_index (votes, TimeVote, best).m;

  /* Text of the winning value as some member wrote it. */
  const char *text = NULL;
  for (guint i = 0; i < members->len && !text; i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (members, guint, i));
      if (g_strcmp0 (e->time.value, win->time_value) == 0)
        text = e->time.text;
    }
  EvlGraphEvent *re = evl_graph_peek_event (g, rep);
  re->time.known = TRUE;
  re->time.value = win->time_value;
  re->time.begin = win->time_begin;
  re->time.end = win->time_end;
  re->time.grain = win->time_grain;
  re->time.anchor = win->time_anchor;
  re->time.text = text;

  guint n_docs = support (&sup_ctx, 1, G_MAXUINT32);
  support_clear (&sup_ctx);
  for (guint i = 0; i < votes->len; i++)
    {
      const EvlGraphMention *m = g_array_index (votes, TimeVote, i).m;
      if (evl_reason_interval_gap (win->time_begin, win->time_end, m->time_begin, m->time_end) == 0)
        continue;
      g_autofree char *detail = g_strdup_printf (
        "%u of %u dated sources agree with %s; %s (%s) says %s", best_sup, n_docs,
        win->time_value, evl_graph_get_document (g, m->doc)->id, m->text, m->time_value);
      EvlGraphConflict c = { rep, "time", win->time_value, m->time_value, detail };
      evl_graph_add_conflict (g, &c);
    }
}

static void
fold_cluster (EvlGraph *g, Cluster *c, guint *target)
{
  GArray *mem = c->members;
  guint rep = G_MAXUINT, primary = g_array_index (mem, guint, 0);
  for (guint i = 0; i < mem->len; i++)
    {
      guint m = g_array_index (mem, guint, i);
      rep = MIN (rep, m);
      if (completeness (evl_graph_get_event (g, m)) > completeness (evl_graph_get_event (g, primary)))
        primary = m;
    }
  for (guint i = 0; i < mem->len; i++)
    target[g_array_index (mem, guint, i)] = rep;
  if (mem->len == 1)
    return;

  /* Copy the primary's descriptive fields onto the representative. */
  const EvlGraphEvent *p = evl_graph_get_event (g, primary);
  EvlGraphEvent merged = *p;
  /* The most complete line may be a phase verb's ('Talks ... break
   * down'): the event keeps the type its typed member gave it. */
  for (guint i = 0; i < mem->len && catch_all (merged.type); i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (mem, guint, i));
      if (!catch_all (e->type))
        {
          merged.type = e->type;
          merged.cameo = e->cameo;
          merged.trigger = e->trigger;
        }
    }
  guint n_pos = 0, n_neg = 0, n_asserted = 0;
  guint32 and_flags = EVL_EVENT_FLAGS_UNANIMOUS, or_flags = 0;
  g_autoptr (GHashTable) lemma_count = g_hash_table_new (g_str_hash, g_str_equal);
  guint best_lemma_n = 0;
  for (guint i = 0; i < mem->len; i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (mem, guint, i));
      guint nm = MAX (e->mentions->len, 1u);
      if (e->polarity == EVL_POLARITY_NEG)
        n_neg += nm;
      else
        n_pos += nm;
      if (factuality (e) == 0)
        n_asserted++;
      and_flags &= e->flags;
      or_flags |= e->flags;
      if (merged.agent < 0) merged.agent = e->agent;
      if (merged.patient < 0) merged.patient = e->patient;
      if (merged.location < 0) merged.location = e->location;
      if (merged.source < 0) merged.source = e->source;
      if (merged.cameo == NULL) merged.cameo = e->cameo;
      merged.salience = MAX (merged.salience, e->salience);
      if (e->time.earliest > merged.time.earliest)
        merged.time.earliest = e->time.earliest;
      if (e->time.latest && (!merged.time.latest || e->time.latest < merged.time.latest))
        merged.time.latest = e->time.latest;
      if (e->trigger)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (lemma_count, e->trigger)) + nm;
          g_hash_table_insert (lemma_count, (gpointer) e->trigger, GUINT_TO_POINTER (n));
        }
    }
  /* Most frequent trigger; ties go to the primary's (or the typed
   * member's), then member order. */
  if (merged.trigger)
    best_lemma_n = GPOINTER_TO_UINT (g_hash_table_lookup (lemma_count, merged.trigger));
  for (guint i = 0; i < mem->len; i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (mem, guint, i));
      guint n = e->trigger ? GPOINTER_TO_UINT (g_hash_table_lookup (lemma_count, e->trigger)) : 0;
      if (n > best_lemma_n)
        {
          best_lemma_n = n;
          merged.trigger = e->trigger;
        }
    }
  if (merged.time.earliest && merged.time.latest && merged.time.earliest > merged.time.latest)
    merged.time.earliest = merged.time.latest = 0;
  merged.flags = (or_flags & ~EVL_EVENT_FLAGS_UNANIMOUS) | and_flags;
  if (n_asserted > 0)
    merged.modality = NULL;
  merged.polarity = n_neg > n_pos ? EVL_POLARITY_NEG : EVL_POLARITY_POS;

  GArray *rep_parts = evl_graph_peek_event (g, rep)->participants;
  GArray *rep_mentions = evl_graph_peek_event (g, rep)->mentions;
  guint rep_sources = evl_graph_get_event (g, rep)->n_sources;
  /* Arrays stay with the representative; only scalars and strings move. */
  g_autoptr (GArray) parts = g_array_copy (p->participants);
  merged.participants = rep_parts;
  merged.mentions = rep_mentions;
  merged.n_sources = rep_sources;
  merged.id = evl_graph_get_event (g, rep)->id;
  *evl_graph_peek_event (g, rep) = merged;

  g_array_set_size (rep_parts, 0);
  for (guint i = 0; i < parts->len; i++)
    evl_graph_event_add_participant (g, rep, g_array_index (parts, guint, i));
  for (guint i = 0; i < mem->len; i++)
    {
      guint m = g_array_index (mem, guint, i);
      const EvlGraphEvent *e = evl_graph_get_event (g, m);
      for (guint j = 0; j < e->participants->len; j++)
        evl_graph_event_add_participant (g, rep, g_array_index (e->participants, guint, j));
      if (m == rep)
        continue;
      for (guint j = 0; j < e->mentions->len; j++)
        {
          EvlGraphMention gm = g_array_index (e->mentions, EvlGraphMention, j);
          evl_graph_event_add_mention (g, rep, &gm);
        }
    }
  if (merged.location >= 0)
    {
      /* The place is the location, not a participant. */
      GArray *pa = evl_graph_peek_event (g, rep)->participants;
      for (guint i = pa->len; i-- > 0;)
        if (g_array_index (pa, guint, i) == (guint) merged.location)
          g_array_remove_index (pa, i);
    }

  if (n_neg > 0 && n_pos > 0)
    {
      g_autofree char *detail = g_strdup_printf ("%u mention%s negated, %u asserted", n_neg,
                                                 n_neg == 1 ? "" : "s", n_pos);
      EvlGraphConflict cf = { rep, "polarity", n_neg > n_pos ? "NEG" : "POS",
                              n_neg > n_pos ? "POS" : "NEG", detail };
      evl_graph_add_conflict (g, &cf);
    }
  vote_time (g, rep, mem);
  /* A plan dated, once voted, after the day every report of it was
   * written had not happened when told, whatever another member's bare
   * noun ('The launch took place ... The next launch is expected in the
   * autumn') left unsaid. */
  EvlGraphEvent *v = evl_graph_peek_event (g, rep);
  if ((or_flags & EVL_EVENT_FLAG_PLANNED) && strong_time (v) && v->polarity != EVL_POLARITY_NEG)
    {
      gboolean after_all = TRUE;
      for (guint j = 0; j < v->mentions->len && after_all; j++)
        {
          const char *dct = evl_graph_get_document (g, g_array_index (v->mentions, EvlGraphMention, j).doc)->dct;
          EvlDay day = dct ? evl_day_parse (dct) : 0;
          after_all = day && v->time.begin > day;
        }
      if (after_all)
        v->flags |= EVL_EVENT_FLAG_PLANNED;
    }
}

/* The clusters of one type, by genericity (0, 1), in creation order. */
typedef struct {
  GPtrArray *clusters[2];
  /* An event naming participants can only join a cluster naming one of
   * them or none (score() rejects the rest), so those are found through
   * each entity's clusters instead of scoring the whole type: on 100 MB
   * of news the whole-type scan was 40 % of `build`. */
  GHashTable *by_part[2];      /* entity index + 1 -> GPtrArray */
  GPtrArray *no_parts[2];      /* made with no participant */
} Block;

static void
block_free (gpointer p)
{
  Block *b = p;
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&b->clusters[i], g_ptr_array_unref);
      g_clear_pointer (&b->by_part[i], g_hash_table_unref);
      g_clear_pointer (&b->no_parts[i], g_ptr_array_unref);
    }
  g_free (b);
}

/* Lists @c under its participants from the @from-th on. */
static void
block_index_parts (Block *b, Cluster *c, guint from)
{
  guint gen = c->generic != 0;
  if (c->parts->len == 0)
    {
      if (b->no_parts[gen] == NULL)
        b->no_parts[gen] = g_ptr_array_new ();
      g_ptr_array_add (b->no_parts[gen], c);
      return;
    }
  if (b->by_part[gen] == NULL)
    b->by_part[gen] = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  for (guint i = from; i < c->parts->len; i++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (c->parts, guint, i) + 1);
      GPtrArray *list = g_hash_table_lookup (b->by_part[gen], key);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (b->by_part[gen], key, list);
        }
      g_ptr_array_add (list, c);
    }
}

static void
take_candidates (GPtrArray *out, GPtrArray *list, guint stamp)
{
  for (guint i = 0; list && i < list->len; i++)
    {
      Cluster *c = list->pdata[i];
      if (c->stamp != stamp)
        {
          c->stamp = stamp;
          g_ptr_array_add (out, c);
        }
    }
}

static gint
cmp_cluster_id (gconstpointer a, gconstpointer b)
{
  const Cluster *x = *(Cluster *const *) a, *y = *(Cluster *const *) b;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* The clusters @e (event @k of the visit) may join, in creation order as
 * in the whole list, so the first best one is the same: those naming one
 * of its participants, those naming nobody when @nameless (@e is not
 * loose, or of a type a day holds one of: see specific_same_day ()), and
 * those told in one of its sentences (@by_quote: sentence -> clusters). */
static GPtrArray *
candidates_of (Block *b, guint generic, const EvlGraphEvent *e, gboolean nameless, guint k,
               GHashTable *by_quote, GPtrArray *scratch)
{
  g_ptr_array_set_size (scratch, 0);
  for (guint i = 0; b->by_part[generic] && i < e->participants->len; i++)
    take_candidates (scratch,
                     g_hash_table_lookup (b->by_part[generic],
                                          GUINT_TO_POINTER (g_array_index (e->participants, guint, i) + 1)),
                     k + 1);
  if (nameless)
    take_candidates (scratch, b->no_parts[generic], k + 1);
  for (guint i = 0; i < e->mentions->len; i++)
    {
      const char *q = g_array_index (e->mentions, EvlGraphMention, i).quote;
      if (q)
        take_candidates (scratch, g_hash_table_lookup (by_quote, q), k + 1);
    }
  g_ptr_array_sort (scratch, cmp_cluster_id);
  return scratch;
}

/* Lists @c under its sentences from the @from-th on. */
static void
index_quotes (GHashTable *by_quote, Cluster *c, guint from)
{
  for (guint i = from; i < c->quotes->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (by_quote, c->quotes->pdata[i]);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_quote, c->quotes->pdata[i], list);
        }
      g_ptr_array_add (list, c);
    }
}

/* Every member of cluster @c, after all merging, is titled by its
 * trigger alone: a bare noun ('The announcement came after months of
 * losses') or a verb whose arguments are no names ('Four people died',
 * 'Kill'): undated, naming nobody and nowhere.  Such a card says nothing
 * a reader can place; what it refers to, when the story tells it, is a
 * card of its own. */
static gboolean
empty_card (const EvlGraph *g, const Cluster *c)
{
  for (guint k = 0; k < c->members->len; k++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (c->members, guint, k));
      if (e->participants->len > 0 || e->location >= 0 || e->agent >= 0 || e->patient >= 0
          || strong_time (e) || e->summary == NULL || strchr (e->summary, ' ') || e->mentions->len == 0)
        return FALSE;
    }
  return TRUE;
}

/* ---- coreference within one document ---- */

/* Both dated, one time inside the other ('2025-06' holds '2025-06-10'). */
static gboolean
dates_nested (const EvlGraphEvent *a, const EvlGraphEvent *b)
{
  if (!strong_time (a) || !strong_time (b))
    return FALSE;
  return (a->time.begin <= b->time.begin && b->time.end <= a->time.end)
         || (b->time.begin <= a->time.begin && a->time.end <= b->time.end);
}

static gboolean
is_number_word (const char *w)
{
  static const char *const numbers[] = { "one", "two", "three", "four", "five", "six", "seven",
                                         "eight", "nine", "ten", "eleven", "twelve", "dozen",
                                         "dozens", "hundreds", "thousands", NULL };
  for (const char *c = w; *c; c++)
    if (g_ascii_isdigit (*c))
      return TRUE;
  return word_in (w, numbers);
}

/* The numbers a summary states, space-joined in order ('' when none). */
static char *
summary_numbers (const char *summary)
{
  GString *out = g_string_new (NULL);
  g_auto (GStrv) words = g_strsplit (summary ? summary : "", " ", -1);
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *w = g_ascii_strdown (words[i], -1);
      if (is_number_word (w))
        g_string_append_printf (out, "%s ", w);
    }
  return g_string_free (out, FALSE);
}

/* Facts about the two events that show two happenings whatever their
 * words: different people, objects, places or numbers, a different
 * outcome, genericity or factuality, or dates apart. */
/* ... @light: @a and @b are a light verb and its object noun ('Xi held
 * talks with Belarus's president'), whose participants are the two
 * sides of one happening, not two sets of people. */
static gboolean
clash_of (const EvlGraph *g, const EvlGraphEvent *a, const EvlGraphEvent *b, gboolean light)
{
  if (((a->flags ^ b->flags) & EVL_EVENT_FLAG_GENERIC) || factuality (a) != factuality (b))
    return TRUE;
  if (((a->flags & EVL_EVENT_FLAG_FAILED) && (b->flags & EVL_EVENT_FLAG_SUCCEEDED))
      || ((a->flags & EVL_EVENT_FLAG_SUCCEEDED) && (b->flags & EVL_EVENT_FLAG_FAILED)))
    return TRUE;
  if (strong_time (a) && strong_time (b)
      && evl_reason_interval_gap (a->time.begin, a->time.end, b->time.begin, b->time.end) > 0)
    return TRUE;
  if (!light && extra_person (g, a->participants, b->participants)
      && extra_person (g, b->participants, a->participants))
    return TRUE;
  if (!light && a->participants->len > 0 && b->participants->len > 0
      && overlap (a->participants, b->participants) == 0)
    return TRUE;
  if ((a->patient >= 0 && b->patient >= 0 && a->patient != b->patient)
      || (a->location >= 0 && b->location >= 0 && a->location != b->location))
    return TRUE;
  g_autofree char *na = summary_numbers (a->summary);
  g_autofree char *nb = summary_numbers (b->summary);
  return *na && *nb && strcmp (na, nb) != 0;
}

/* Verbs of a phase whose subject is the event itself ('talks broke
 * down', 'the summit opened'), used intransitively. */
static const char *const phase_verbs[] = { "begin", "start", "open", "resume", "continue", "end",
                                           "conclude", "close", "break", "collapse", "stall",
                                           "falter", "founder", "fail", "proceed", NULL };
/* What may follow such a verb without making it transitive. */
static const char *const phase_particles[] = { "down", "off", "up", "out", "apart", NULL };

/* The index of verb @vword (its lemma or an inflection of it, or the
 * mention's @mv text) among a summary's @words, past the first; 0 when
 * it is not there. */
static guint
summary_verb (GStrv words, const char *vword, const EvlGraphMention *mv)
{
  gsize stem = MAX (strlen (vword), 4u) - 1;
  for (guint i = 1; words[i]; i++)
    if (g_ascii_strncasecmp (words[i], vword, stem) == 0 || g_ascii_strcasecmp (words[i], mv->text) == 0)
      return i;
  return 0;
}

/* 'A magnitude 7.1 earthquake struck the south': a noun event in the
 * subject of a verb of its own type (the verb's summary names it before
 * the verb, a few words before it in the sentence) is the happening the
 * verb tells, whatever its determiner. */
static gboolean
own_type_subject (const EvlGraphEvent *n, const EvlGraphEvent *v)
{
  if (catch_all (n->type) || !same_str (n->type, v->type) || v->trigger == NULL || v->summary == NULL
      || n->mentions->len != 1 || v->mentions->len != 1)
    return FALSE;
  const EvlGraphMention *mn = &g_array_index (n->mentions, EvlGraphMention, 0);
  const EvlGraphMention *mv = &g_array_index (v->mentions, EvlGraphMention, 0);
  if (mn->sentence != mv->sentence || mn->end > mv->start || mv->start - mn->end > 40 || mn->text == NULL
      || mv->text == NULL)
    return FALSE;
  if (strong_time (n) && strong_time (v) && !dates_nested (n, v))
    return FALSE;
  g_autofree char *vword = g_strndup (v->trigger, strcspn (v->trigger, " "));
  g_auto (GStrv) words = g_strsplit (v->summary, " ", -1);
  guint verb = summary_verb (words, vword, mv);
  /* (a line writes a verb inflected, 'strikes'; a noun as its lemma:
   * 'Launch attempt' is two nouns) */
  if (verb == 0 || g_ascii_strcasecmp (words[verb], vword) == 0)
    return FALSE;
  for (guint i = 0; i < verb; i++)
    if (g_ascii_strcasecmp (words[i], mn->text) == 0)
      return TRUE;
  return FALSE;
}

/* @v ('Talks over pay and staffing break down'), an untyped phase verb,
 * has @n's nominal trigger (bare or definite) in its subject. */
static gboolean
phase_subject (const EvlGraphEvent *n, const EvlGraphEvent *v)
{
  if (catch_all (n->type) || !catch_all (v->type) || v->trigger == NULL || v->summary == NULL)
    return FALSE;
  /* A phrasal verb's trigger ('break off', story typing) is its verb. */
  g_autofree char *vword = g_strndup (v->trigger, strcspn (v->trigger, " "));
  if (!word_in (vword, phase_verbs))
    return FALSE;
  const EvlGraphMention *mn = &g_array_index (n->mentions, EvlGraphMention, 0);
  const EvlGraphMention *mv = &g_array_index (v->mentions, EvlGraphMention, 0);
  if (mn->sentence != mv->sentence || mn->start >= mv->start || mention_np (mn, n->trigger) == NP_NOT)
    return FALSE;
  if (strong_time (n) && strong_time (v) && !dates_nested (n, v))
    return FALSE;
  g_auto (GStrv) words = g_strsplit (v->summary, " ", -1);
  guint verb = summary_verb (words, vword, mv);
  if (verb == 0)
    return FALSE;
  if (words[verb + 1] != NULL)
    {
      g_autofree char *next = g_ascii_strdown (words[verb + 1], -1);
      if (!word_in (next, phase_particles) && !word_in (next, np_openers))
        return FALSE;
    }
  for (guint i = 0; i < verb; i++)
    if (g_ascii_strcasecmp (words[i], mn->text) == 0)
      return TRUE;
  return FALSE;
}

/* Verbs that, with an event noun as their object, tell that event and
 * no other: 'reached a wage deal', 'held talks', 'staged a strike'; a
 * suit is brought by filing it ('filed a class action lawsuit'). */
static const char *const light_verbs[] = { "reach", "hold", "sign", "conduct", "stage", "launch",
                                           "carry", "make", "strike", "call", "file", NULL };

/* @n, a typed noun event, is the object of @v, a light verb of the same
 * sentence untyped or of @n's type: within a few words after it with
 * nothing but determiners, modifiers or a particle between ('held
 * talks', 'reached a wage deal', 'carried out an attack').  One
 * happening, which the noun names. */
static gboolean
light_verb_object (const EvlGraphEvent *v, const EvlGraphEvent *n)
{
  if (catch_all (n->type) || !(catch_all (v->type) || same_str (v->type, n->type))
      || v->trigger == NULL || n->mentions->len != 1 || v->mentions->len != 1
      || !word_in (v->trigger, light_verbs))
    return FALSE;
  const EvlGraphMention *mv = &g_array_index (v->mentions, EvlGraphMention, 0);
  const EvlGraphMention *mn = &g_array_index (n->mentions, EvlGraphMention, 0);
  if (mv->doc != mn->doc || mv->sentence != mn->sentence || mn->start <= mv->end
      || mn->start - mv->end > 40 || mn->quote == NULL || mn->text == NULL)
    return FALSE;
  /* A past form is the verb of the clause the light verb's object is
   * the subject of ('a plane carrying 112 people crashed'), no noun. */
  gsize nt = strlen (mn->text);
  if (nt > 3 && g_ascii_strcasecmp (mn->text + nt - 2, "ed") == 0 && !same_str (mn->text, n->trigger))
    return FALSE;
  /* Walk back from the noun to the verb, word by word. */
  const char *q = mn->quote;
  gsize mt = strlen (mn->text);
  for (const char *p = strstr (q, mn->text); p; p = strstr (p + 1, mn->text))
    {
      gsize pos = (gsize) (p - q), s;
      if ((pos > 0 && g_ascii_isalnum (q[pos - 1])) || g_ascii_isalnum (p[mt]))
        continue;
      char w[32];
      for (guint k = 0; k < 4 && word_before (q, pos, &s, w, sizeof w); k++, pos = s)
        {
          if (s + strlen (w) < pos && q[s + strlen (w)] == ',')
            break;
          if (g_ascii_strcasecmp (w, mv->text) == 0)
            {
              /* Uninflected, it may be a noun ('a launch attempt') but
               * for a word that makes it a verb ('to hold a referendum'). */
              char b[16];
              gsize t;
              return g_ascii_strcasecmp (w, v->trigger) != 0
                     || (word_before (q, s, &t, b, sizeof b) && word_in (b, np_verbal));
            }
          if (word_in (w, np_openers) || word_in (w, np_verbal))
            break;
        }
    }
  return FALSE;
}

/* The light verb @v's object @n has no status of its own: 'promised to
 * hold a referendum' plans the referendum, 'did not hold talks' denies
 * the talks.  Told once, they must not clash when joined. */
static void
object_takes_status (EvlGraph *g, guint v, guint n)
{
  const EvlGraphEvent *ev = evl_graph_get_event (g, v);
  EvlGraphEvent *en = evl_graph_peek_event (g, n);
  en->flags |= ev->flags & EVL_EVENT_FLAGS_UNANIMOUS;
  if (en->modality == NULL)
    en->modality = ev->modality;
  if (ev->polarity == EVL_POLARITY_NEG)
    en->polarity = EVL_POLARITY_NEG;
}

/* @a and @b, undated events of one document with head nouns of class
 * @ca and @cb, name one ongoing happening in near-synonyms ('its Ukraine
 * war' ... 'over 18 months of conflict in Ukraine') and share a place or
 * someone.  Only undated ones: a dated 'war' is told by its date. */
static gboolean
synonym_corefer (const EvlGraph *g, const EvlGraphEvent *a, guint ca, const EvlGraphEvent *b,
                 guint cb)
{
  if (ca == 0 || ca != cb || !same_str (a->type, b->type) || strong_time (a) || strong_time (b))
    return FALSE;
  return overlap (a->participants, b->participants) > 0
         || shares_place (g, a->location, a->participants, b->location, b->participants);
}

/* @e's first mention is a noun phrase of its trigger with no date of
 * its own, or the definite '-ing' noun made from it naming no one
 * ('after the shooting', trigger 'shoot'): it may refer back. */
static gboolean
refers_back (const EvlGraphEvent *e)
{
  const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, 0);
  /* ... the '-ing' noun naming nobody and nowhere: 'the shooting of
   * doctors in Winnipeg' is another */
  return mention_np_dated (m, e->trigger, FALSE) != NP_NOT
         || (e->participants->len == 0 && e->location < 0 && definite_ing_noun (m, e->trigger, FALSE));
}

/* @a and @b (events of one document) tell one happening: one is a
 * nominal that refers back to the other, of the same type (or, for the
 * catch-all, the same trigger) at a date inside the other's.  A
 * description with a date of its own ('the October 1998 shooting death
 * of Dr. Slepian') tells which one it is by that date, not by referring
 * back: it is no nominal here, or 'the shooting of doctors in Winnipeg'
 * that month would be it. */
static gboolean
same_type_corefer (const EvlGraphEvent *a, const EvlGraphEvent *b)
{
  if (!same_str (a->type, b->type) || (catch_all (a->type) && !same_str (a->trigger, b->trigger))
      || !dates_nested (a, b))
    return FALSE;
  /* 'the launch' is none of 'two failed attempts this year' */
  if (!same_str (a->trigger, b->trigger) && (counted_plural (a) || counted_plural (b)))
    return FALSE;
  return refers_back (a) || refers_back (b);
}

static gint
cmp_doc_then_index (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const guint *doc_of = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  if (doc_of[a] != doc_of[b])
    return doc_of[a] < doc_of[b] ? -1 : 1;
  return a < b ? -1 : (a > b);
}

/* How far back in its article a mention looks for the event it refers
 * to, in events kept for the story, and the most mentions one article's
 * event gathers this way: a bound on work for any input (one 50 MB line
 * of 'met' is 1.7 million events of one document). */
#define COREF_WINDOW 48
#define COREF_MAX_GROUP 64

/* Union-find root. */
static guint
group_root (guint *parent, guint i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static guint
coref_size (GArray *const *members, guint root)
{
  return members[root] ? members[root]->len : 1;
}

static guint
coref_member (GArray *const *members, guint root, guint k)
{
  return members[root] ? g_array_index (members[root], guint, k) : root;
}

/* Joins the groups of @a and @b unless some member of one clashes with
 * some member of the other.  A group's member list is made on its first
 * join (NULL: the root alone). */
static gboolean
group_join (const EvlGraph *g, guint *parent, GArray **members, guint a, guint b, gboolean light)
{
  guint ra = group_root (parent, a), rb = group_root (parent, b);
  guint na = coref_size (members, ra), nb = coref_size (members, rb);
  if (ra == rb || na + nb > COREF_MAX_GROUP)
    return FALSE;
  /* (a light verb's exemption is for the pair alone: both groups single) */
  light = light && na == 1 && nb == 1;
  for (guint i = 0; i < na; i++)
    for (guint j = 0; j < nb; j++)
      if (clash_of (g, evl_graph_get_event (g, coref_member (members, ra, i)),
                    evl_graph_get_event (g, coref_member (members, rb, j)), light))
        return FALSE;
  if (rb < ra)
    {
      guint t = ra;
      ra = rb;
      rb = t;
    }
  if (members[ra] == NULL)
    {
      members[ra] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (members[ra], ra);
    }
  for (guint j = 0; j < coref_size (members, rb); j++)
    {
      guint m = coref_member (members, rb, j);
      g_array_append_val (members[ra], m);
    }
  g_clear_pointer (&members[rb], g_array_unref);
  parent[rb] = ra;
  return TRUE;
}

/* Settles coreference inside each document before events are compared
 * across documents: the cross-document rules (a shared entity for the
 * catch-all types) are too strict for an article referring back to its
 * own event, where often nobody is named ('Rail workers walked out ...
 * The strike is the first ...'). */
static void
merge_within_documents (EvlGraph *g, const Synonyms *syn)
{
  guint n = evl_graph_n_events (g);
  g_autofree guint *parent = g_new (guint, n);
  g_autofree GArray **members = g_new0 (GArray *, n);
  /* The events told by one document only, by document, in index order:
   * each document's list is a slice of @order. */
  g_autofree guint *order = g_new (guint, n);
  g_autofree guint *doc_of = g_new (guint, n);
  g_autofree guint *cls = g_new0 (guint, n);
  guint n_order = 0;
  for (guint i = 0; i < n; i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, i);
      parent[i] = i;
      if (e->n_sources == 1 && e->mentions->len > 0)
        {
          doc_of[i] = g_array_index (e->mentions, EvlGraphMention, 0).doc;
          order[n_order++] = i;
          cls[i] = head_class (syn, e);
        }
    }
  g_qsort_with_data (order, (gint) n_order, sizeof (guint), cmp_doc_then_index, doc_of);

  gboolean any = FALSE;
  for (guint y = 0; y < n_order; y++)
    {
      guint b = order[y];
      const EvlGraphEvent *eb = evl_graph_get_event (g, b);
      for (guint x = y; x-- > 0 && y - x <= COREF_WINDOW && doc_of[order[x]] == doc_of[b];)
        {
          guint a = order[x];
          const EvlGraphEvent *ea = evl_graph_get_event (g, a);
          gboolean object = TRUE;
          if (light_verb_object (ea, eb))
            object_takes_status (g, a, b);
          else if (light_verb_object (eb, ea))
            object_takes_status (g, b, a);
          else
            object = FALSE;
          if ((object || same_type_corefer (ea, eb) || phase_subject (ea, eb)
               || phase_subject (eb, ea) || own_type_subject (ea, eb) || own_type_subject (eb, ea)
               || synonym_corefer (g, ea, cls[a], eb, cls[b]))
              && group_join (g, parent, members, a, b, object))
            any = TRUE;
        }
    }
  if (any)
    {
      g_autofree guint *target = g_new (guint, n);
      for (guint i = 0; i < n; i++)
        target[i] = i;
      for (guint i = 0; i < n; i++)
        if (members[i])
          {
            Cluster *c = cluster_new (g, g_array_index (members[i], guint, 0));
            for (guint j = 1; j < members[i]->len; j++)
              cluster_add (g, c, g_array_index (members[i], guint, j));
            fold_cluster (g, c, target);
            cluster_free (c);
          }
      evl_graph_collapse_events (g, target);
    }
  for (guint i = 0; i < n; i++)
    if (members[i])
      g_array_unref (members[i]);
}

/* ---- undated references to the story's one dated happening ---- */

/* A cluster's date is a happening's: told of one of its members in the
 * clause that tells it ('bombs exploded in Nairobi on Friday'), or in
 * its sentence but another day than its article's.  A sentence's day
 * that is its report's own mostly dates the report ('the latest figures
 * as of Monday for the dead in the bombings'): a rule that counts dated
 * happenings must not count it as another one. */
static gboolean
dated_happening (const EvlGraph *g, const Cluster *c)
{
  for (guint i = 0; c->strong && i < c->members->len; i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, g_array_index (c->members, guint, i));
      if (!strong_time (e))
        continue;
      if (evl_reason_anchor_strength (e->time.anchor) > EVL_STRONG_TIME)
        return TRUE;
      for (guint k = 0; k < e->mentions->len; k++)
        {
          const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, k);
          const char *dct = evl_graph_get_document (g, m->doc)->dct;
          EvlDay day = dct ? evl_day_parse (dct) : 0;
          if (day && (e->time.begin != day || e->time.end != day))
            return TRUE;
        }
    }
  return FALSE;
}

/* Where @e happened for join_undated (): its location, else, of a loose
 * type naming nobody but places, the places its sentence says things
 * happened at (event_places ()).  A place beside it is mostly whose it
 * is ('killed 19 U.S. servicemen', 'the bombing of U.S. embassies'). */
static GArray *
undated_places (const EvlGraph *g, const Synonyms *syn, const EvlGraphEvent *e, gboolean loose)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  if (e->location >= 0)
    {
      guint x = (guint) e->location;
      g_array_append_val (out, x);
    }
  else if (loose && only_places (g, e->participants))
    for (guint i = 0; i < e->mentions->len && i < SIG_QUOTES; i++)
      {
        const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, i);
        if (m->quote)
          sentence_places (syn, m->quote, m->text, out);
      }
  return out;
}

/* Dated cluster @d is where undated @e (first of cluster @u) happened,
 * or names someone it names, and nothing on either side differs: other
 * people, doers or targets, counts (not of a loose type, whose tolls
 * are updated), what is asserted or not, or what it is told as. */
static gboolean
undated_matches (const EvlGraph *g, const Synonyms *syn, const Cluster *d, const Cluster *u,
                 const EvlGraphEvent *e, const GArray *places, gboolean loose)
{
  if (d->generic != u->generic || d->fact != u->fact || d->fact != 0
      || (loose && !has_trigger (d, e->trigger))
      || (d->counted && !has_trigger (d, e->trigger)))
    return FALSE;
  if (((d->outcome & EVL_EVENT_FLAG_FAILED) && (u->outcome & EVL_EVENT_FLAG_SUCCEEDED))
      || ((d->outcome & EVL_EVENT_FLAG_SUCCEEDED) && (u->outcome & EVL_EVENT_FLAG_FAILED)))
    return FALSE;
  /* The sides of a meeting or a visit are what it is: they meet again
   * and again at one place, where one bombing is another. */
  gboolean linked = FALSE;
  gboolean by_place = !g_hash_table_contains (syn->reciprocal, u->type);
  for (guint i = 0; by_place && i < places->len && !linked; i++)
    {
      guint x = g_array_index (places, guint, i);
      for (guint j = 0; j <= d->parts->len && !linked; j++)
        {
          gint y = place_at (g, d->location, d->parts, j);
          linked = y >= 0 && same_region (syn, x, (guint) y);
        }
    }
  for (guint i = 0; i < e->participants->len && !linked; i++)
    {
      guint x = g_array_index (e->participants, guint, i);
      linked = !is_place (g, (gint) x) && has_part (d->parts, x);
    }
  if (!linked)
    return FALSE;
  if (extra_person (g, u->parts, d->parts) && extra_person (g, d->parts, u->parts))
    return FALSE;
  return same_doer_target_count (g, d, e, loose);
}

/* Story-level coreference of undated references: a cluster with no date
 * of its own ('the bombing in Kenya', 'Americans killed in Kenya'),
 * asserted and told in an article written on or after the day, joins the
 * one dated happening of its type told where it happened (a capital
 * standing for its country) or naming someone it names, when that one is
 * the only such happening in the whole input: a report refers to the
 * happening its readers know by what and where.  Two dated happenings
 * there on days apart ('a bombing in Nairobi on Friday', 'another in
 * Nairobi on Monday') leave it where it is; a coarser date that holds
 * the finer ('last week') is the same one told vaguely.  After the
 * greedy pass, against the clusters as it left them, so that the order
 * of the visit does not decide. */
static void
join_undated (const EvlGraph *g, const Synonyms *syn, GHashTable *loose_types, GPtrArray *all)
{
  g_autoptr (GHashTable) dated = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < all->len; i++)
    {
      Cluster *c = all->pdata[i];
      if (catch_all (c->type) || !dated_happening (g, c))
        continue;
      GPtrArray *list = g_hash_table_lookup (dated, c->type);
      if (list == NULL)
        g_hash_table_insert (dated, (gpointer) c->type, list = g_ptr_array_new ());
      g_ptr_array_add (list, c);
    }
  g_autoptr (GPtrArray) joins = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      Cluster *u = all->pdata[i];
      /* a week or more holds many days: told vaguely, undated as far
       * as a day goes ('the bombings in Kenya last week') */
      gboolean vague = u->strong && u->te - u->tb >= VAGUE_DAYS;
      if ((u->strong && !vague) || catch_all (u->type) || u->fact != 0)
        continue;
      GPtrArray *list = g_hash_table_lookup (dated, u->type);
      if (list == NULL)
        continue;
      const EvlGraphEvent *e = evl_graph_get_event (g, u->rep);
      gboolean loose = g_hash_table_contains (loose_types, u->type);
      /* A reference is a noun phrase ('the bombing in Kenya'); a clause
       * tells a deed of its own ('Clinton met Yeltsin'), save of a loose
       * type, whose same word is asked below. */
      if ((e->flags & EVL_EVENT_FLAG_PLANNED) || (!loose && !event_nominal (e, head_class (syn, e))))
        continue;
      g_autoptr (GArray) places = undated_places (g, syn, e, loose);
      /* naming nowhere and nobody: nothing to tell which one */
      if (places->len == 0 && only_places (g, e->participants))
        continue;
      EvlDay ref = reference_day (g, e);
      Cluster *best = NULL;
      gboolean ambiguous = FALSE;
      /* the finest dated match; any other must hold its date */
      for (guint pass = 0; pass < 2 && !ambiguous; pass++)
        for (guint j = 0; j < list->len && !ambiguous; j++)
          {
            Cluster *d = list->pdata[j];
            if (d == best || d == u || (pass == 0 && best && d->te - d->tb >= best->te - best->tb)
                || !undated_matches (g, syn, d, u, e, places, loose))
              continue;
            if (pass == 0)
              best = d;
            else
              ambiguous = d->tb > best->tb || d->te < best->te;
          }
      /* told before it happened, or a year after: another one; told
       * vaguely, the day within */
      if (best && vague)
        ambiguous = best->tb != best->te || best->tb < u->tb || best->te > u->te;
      else if (best
               && (!ref || ref < best->tb || ref - best->te > RECENT_DAYS
                   || (e->time.latest && best->tb > e->time.latest)
                   || (e->time.earliest && best->te < e->time.earliest)))
        ambiguous = TRUE;
      if (best && !ambiguous)
        {
          g_ptr_array_add (joins, u);
          g_ptr_array_add (joins, best);
        }
    }
  for (guint i = 0; i < joins->len; i += 2)
    {
      Cluster *u = joins->pdata[i], *d = joins->pdata[i + 1];
      /* a vague one joined elsewhere took what joined it along */
      while (d->into)
        d = d->into;
      if (d == u)
        continue;
      g_array_append_vals (d->members, u->members->data, u->members->len);
      g_array_set_size (u->members, 0);
      u->into = d;
    }
}

/* ---- deaths told of one happening ---- */

/* The dated happening of another type that @l's sentences tell on @l's
 * own day ('the bombings on Aug. 7 killed 259 people': the bombing),
 * the first such cluster; NULL when none is. */
static Cluster *
told_cause (GHashTable *loose_types, GHashTable *by_quote, const Cluster *l)
{
  for (guint i = 0; i < l->quotes->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (by_quote, l->quotes->pdata[i]);
      for (guint j = 0; list && j < list->len; j++)
        {
          Cluster *x = list->pdata[j];
          if (x != l && x->members->len > 0 && !catch_all (x->type)
              && !g_hash_table_contains (loose_types, x->type) && x->strong && x->tb == l->tb
              && x->te == l->te && x->fact == 0 && !x->generic)
            return x;
        }
    }
  return NULL;
}

/* Deaths (a loose type: each article's toll in its own words) told in
 * the same word and dated the same day, each in a sentence that tells
 * one happening of another type, are that happening's deaths: 'the
 * bombings on Aug. 7 killed 259 people' / 'the Aug. 7, 1998, bombings
 * killed more than 200', once both bombings are one.  Not when they
 * name places apart ('killed in Kenya' / 'killed outside the embassy in
 * Dar es Salaam', event_places ()) or another doer or victim.  After the
 * greedy pass, when the happenings are settled. */
static void
join_by_cause (const EvlGraph *g, const Synonyms *syn, GHashTable *loose_types,
               GHashTable *by_quote, GPtrArray *all)
{
  g_autoptr (GHashTable) first = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < all->len; i++)
    {
      Cluster *l = all->pdata[i];
      if (l->members->len == 0 || catch_all (l->type) || !g_hash_table_contains (loose_types, l->type)
          || !l->strong || l->tb != l->te || l->fact != 0 || l->generic)
        continue;
      Cluster *x = told_cause (loose_types, by_quote, l);
      if (x == NULL)
        continue;
      Cluster *d = g_hash_table_lookup (first, x);
      if (d == NULL)
        {
          g_hash_table_insert (first, x, l);
          continue;
        }
      const EvlGraphEvent *e = evl_graph_get_event (g, l->rep);
      if (!same_str (d->type, l->type) || !has_trigger (d, e->trigger)
          || !same_doer_target_count (g, d, e, TRUE))
        continue;
      /* where it says they died: its place, else its sentence's */
      g_autoptr (GArray) places = event_places (g, syn, e, TRUE);
      gboolean apart = d->location >= 0 && places->len > 0;
      for (guint k = 0; apart && k < places->len; k++)
        apart = !same_region (syn, g_array_index (places, guint, k), (guint) d->location);
      if (apart)
        continue;
      g_array_append_vals (d->members, l->members->data, l->members->len);
      g_array_set_size (l->members, 0);
      l->into = d;
    }
}

void
evl_reason_merge (const EvlContext *ctx, EvlGraph *g)
{
  g_return_if_fail (ctx != NULL && g != NULL);
  Synonyms syn;
  synonyms_load (ctx, &syn);
  merge_within_documents (g, &syn);
  guint n = evl_graph_n_events (g);
  if (n < 2)
    {
      synonyms_clear (&syn);
      return;
    }
  countries_load (ctx, g, &syn);
  doc_names_load (g, &syn);
  if (!many_stories (g, &syn))
    {
      g_clear_pointer (&syn.doc_names, g_ptr_array_unref);
      g_clear_pointer (&syn.doc_weight, g_hash_table_unref);
    }
  g_autoptr (GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, cmp_specific, g);

  /* Clusters are blocked by type: only same-type events can merge.
   * Within a block, score() rejects a cluster of the other genericity,
   * and one sharing neither a participant nor a sentence with an event
   * that names someone or is loose: only the clusters that can pass are
   * listed (candidates_of ()), in creation order, so the first best
   * cluster is the same as in a scan of the block. */
  g_autoptr (GHashTable) blocks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, block_free);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (cluster_free);
  g_autoptr (GHashTable) loose = evl_reason_loose_types (ctx);
  g_autoptr (GPtrArray) scratch = g_ptr_array_new ();
  g_autoptr (GHashTable) by_quote = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  for (guint k = 0; k < n; k++)
    {
      guint ei = g_array_index (order, guint, k);
      const EvlGraphEvent *e = evl_graph_get_event (g, ei);
      const char *bkey = e->type ? e->type : "";
      Block *block = g_hash_table_lookup (blocks, bkey);
      if (block == NULL)
        {
          block = g_new0 (Block, 1);
          g_hash_table_insert (blocks, (gpointer) bkey, block);
        }
      Cluster *best = NULL;
      double best_s = REJECT;
      gboolean e_loose = e->type == NULL || g_hash_table_contains (loose, e->type);
      Probe probe = { ei, e_loose, bare_definite (e), -1, head_class (&syn, e), &syn, NULL, NULL,
                      counted_plural (e), NULL, NULL, 0 };
      guint generic = (e->flags & EVL_EVENT_FLAG_GENERIC) != 0;
      char head[32];
      /* An event naming nobody may join any cluster of its type, unless
       * it is loose. */
      /* ... and one naming only places, on its day, any cluster of
       * another place (same_day_same_place ()). */
      /* ... as may a loose one of a specific type dated to a day: the
       * day's happening another article tells naming someone
       * ('the magnitude 6.9 quake, which struck on Tuesday' / 'a
       * magnitude 6.9 earthquake struck southern Peru on Tuesday';
       * specific_same_day ()). */
      /* ... and one naming the story's step alone, on its day or in a
       * week holding it ('Sentencing was set for Oct. 20', 'last week's
       * earthquake'; step_named_alone ()). */
      /* ... and one whose subject is a definite noun, on its day: it may
       * name a body another mention names ('The court ruled on
       * Thursday'; same_day_head_named ()). */
      gboolean day_kind = e_loose && e->participants->len == 0 && e->type && strong_time (e)
                          && ((e->time.begin == e->time.end && g_hash_table_contains (syn.specific, e->type))
                              || (probe.definite && e->time.end - e->time.begin < NEAR_DAYS)
                              || (e->time.begin == e->time.end && definite_subject (e, head, sizeof head)));
      GPtrArray *cands = (!e_loose || day_kind)
                             && (e->participants->len == 0
                                 || (strong_time (e) && day_place_probe (e)
                                     && only_places (g, e->participants)))
                           ? block->clusters[generic]
                           : candidates_of (block, generic, e,
                                            !e_loose
                                              || (e->type && strong_time (e)
                                                  && (g_hash_table_contains (syn.specific, e->type)
                                                      || day_place_probe (e) || toll_of (e)))
                                              || toll_number (e),
                                            k, by_quote, scratch);
      for (guint i = 0; cands && i < cands->len; i++)
        {
          Cluster *c = cands->pdata[i];
          double s = score (g, c, &probe);
          if (s > best_s)
            {
              best_s = s;
              best = c;
            }
        }
      if (best && best_s > REJECT / 2)
        {
          guint had = best->parts->len, had_q = best->quotes->len;
          cluster_add (g, best, ei);
          best->classes |= class_bit (probe.cls);
          if (best->nominal == TRUE)
            best->nominal = event_nominal (e, probe.cls);
          if (best->parts->len > had)
            block_index_parts (block, best, had);
          index_quotes (by_quote, best, had_q);
          /* Signatures are of the first sentences: made again while
           * there are fewer than that. */
          if (best->sigs && best->sigs->len < SIG_QUOTES && best->quotes->len > had_q)
            g_clear_pointer (&best->sigs, g_ptr_array_unref);
        }
      else
        {
          Cluster *c = cluster_new (g, ei);
          c->id = all->len;
          c->classes = class_bit (probe.cls);
          guint cg = c->generic != 0;
          if (block->clusters[cg] == NULL)
            block->clusters[cg] = g_ptr_array_new ();
          g_ptr_array_add (block->clusters[cg], c);
          g_ptr_array_add (all, c);
          block_index_parts (block, c, 0);
          index_quotes (by_quote, c, 0);
        }
      if (probe.sigs)
        g_ptr_array_unref (probe.sigs);
      if (probe.object)
        g_array_unref (probe.object);
      if (probe.places)
        g_array_unref (probe.places);
      if (probe.said)
        g_array_unref (probe.said);
    }

  join_by_cause (g, &syn, loose, by_quote, all);
  join_undated (g, &syn, loose, all);

  g_autofree guint *target = g_new (guint, n);
  gboolean keep_all = evl_reason_keeps_all_events (g);
  for (guint i = 0; i < all->len; i++)
    {
      Cluster *c = all->pdata[i];
      if (c->members->len == 0)
        continue;
      if (!keep_all && empty_card (g, c))
        for (guint k = 0; k < c->members->len; k++)
          target[g_array_index (c->members, guint, k)] = G_MAXUINT;
      else
        fold_cluster (g, c, target);
    }
  evl_graph_collapse_events (g, target);
  synonyms_clear (&syn);
}
