/* Time anchoring of story events, strongest evidence first (TimeML's
 * event-timex linking heuristics):
 *   1. a DATE/TIME timex in the event's clause (EVL_ANCHOR_CLAUSE) that no
 *      other predicate stands between, compatible with the event's tense;
 *      not, for the object of a past intensional or reporting verb, the
 *      verb's own date ('postponed a vote on Monday');
 *   2. one elsewhere in the sentence (EVL_ANCHOR_SENTENCE), for a nominal
 *      only if it fits the tense of its clause's verb;
 *      (in both, a day or week next to a verb dates that verb, not a noun
 *      of its object or complement: 'Iran Saturday condemned the
 *      bombing', 'met on Wednesday following the bombings'; see
 *      foreign_date(); and a duration before 'after'/'before' puts the
 *      event off the dates of the other clauses on both sides; a closing
 *      attribution's date, 'X were killed, officials said Saturday', is
 *      the saying's, not that of the past events reported before it, and
 *      so is one right after a saying that a report follows, 'Clinton
 *      said Thursday that the U.S. raided' (a past event reported there
 *      with no other date is put before the saying: EVL_ANCHOR_CUE,
 *      cue_rel BEFORE; see reported_date()); an
 *      'as of' date dates a tally, not a noun; a date of a 'but' clause
 *      with its own verb is not that of a noun before it, nor is one of
 *      a 'since' clause, nor one of a 'who'/'which' clause that of the
 *      events of the clause before it; see bounding_date())
 *      (in both, a timex before a noun, 'the 1953 armistice', dates only
 *      that noun and what 'in'/'during' puts inside it);
 *      then a definite nominal ('the strike') with no date of its own or
 *      an earlier one takes that of the latest dated mention of its type
 *      (EVL_ANCHOR_CUE, cue_rel SIMULTANEOUS);
 *   3. a cue relating it to another event, 'Hours before the summit, X
 *      launched' (EVL_ANCHOR_CUE, cue_event/cue_rel; a same-day cue such as
 *      'hours before' also inherits the other event's timex);
 *   4. the tense against the document creation time: reporting and present
 *      events are EVL_ANCHOR_DCT (cue_rel SIMULTANEOUS, or BEFORE for a past
 *      report), past ones EVL_ANCHOR_TENSE with cue_rel BEFORE, future ones
 *      EVL_ANCHOR_TENSE with cue_rel AFTER; cue_event stays -1 and timex is
 *      the DCT record when the timex stage added one.  Nominals and
 *      non-finite verbs take the tense anchor (relation, timex) of the
 *      nearest past or future finite verb of their clause.
 *
 * 'the first in-person meeting between the two leaders since 2019' says a
 * meeting took place in 2019: the 2019 timex does not anchor this meeting;
 * instead an implied event of the same type, whose span is the 'since 2019'
 * phrase, is appended, anchored to 2019 (EVL_ANCHOR_CLAUSE) with the same
 * participants, and this meeting is anchored after it (EVL_ANCHOR_CUE,
 * cue_rel AFTER) unless a better anchor exists. */
#include "story-private.h"

#include <string.h>

typedef enum {
  C_NONE, C_BEFORE, C_AFTER, C_INCLUDED, C_SAMEDAY, C_FIRST,
  C_LATER, C_LATER_SAMEDAY, C_EARLIER, C_EARLIER_SAMEDAY
} CueKind;

static CueKind
cue_kind (const char *k)
{
  static const char *const names[] = { "NONE", "BEFORE", "AFTER", "IS_INCLUDED", "SAMEDAY", "FIRST",
                                       "LATER", "LATER_SAMEDAY", "EARLIER", "EARLIER_SAMEDAY", NULL };
  guint i = evl_story_name_index (k, names);
  return i == G_MAXUINT ? C_NONE : (CueKind) i;
}

/* The cue lexicon and its longest form's words, asked once per document
 * (per cue word it was a call and ~130 K instructions on the small
 * corpus). */
typedef struct {
  const EvlLexicon *lex;
  guint max_words;
} Cues;

static CueKind
cue_at (const EvlStoryDoc *sd, const Cues *cues, guint i, guint *last_out)
{
  if (!((evl_story_cls (sd, (gint) i) | sd->start_all) & EVL_STORY_C_START_CUES))
    return C_NONE;
  const EvlLexicon *lex = cues->lex;
  guint32 ok = evl_story_span_ok (sd, EVL_STORY_LEX_CUES, i);
  guint max_words = cues->max_words;
  for (guint n = evl_story_span_prev (ok, max_words); n >= 1; n = evl_story_span_prev (ok, n - 1))
    {
      guint last = i + n - 1;
      if (last >= sd->n_tok || sd->tok[last].sentence != sd->tok[i].sentence
          || !evl_story_span_fits (sd, EVL_STORY_LEX_CUES, i, last))
        continue;
      const EvlLexEntry *e = evl_story_lookup (sd, lex, EVL_STORY_LEX_CUES, i, last);
      if (e == NULL || e->n_attrs < 1)
        continue;
      *last_out = last;
      return cue_kind (e->attrs[0]);
    }
  return C_NONE;
}

/* Event @k's tense is all of @bits (EVL_STORY_TF_*). */
static inline gboolean
tense_is (const EvlStoryDoc *sd, guint k, guint bits)
{
  return (evl_story_tf (sd, (gint32) k) & bits) == bits;
}

/* A trigger right after a determiner or a preposition is a noun ('after
 * liftoff in May'), whatever tense it was tagged with. */
static gboolean
noun_position (const EvlStoryDoc *sd, gint32 k)
{
  gint t = sd->ev_tok[k];
  if (t <= 0 || sd->tok[t - 1].sentence != sd->tok[t].sentence || sd->tok_ent[t - 1] >= 0)
    return FALSE;
  guint32 cls = evl_story_cls (sd, t - 1);
  if (!evl_story_is (sd, t - 1, EVL_W_TO) && (cls & EVL_STORY_C_PREP))
    return TRUE;
  return (cls & EVL_STORY_C_NOUN_DET) != 0;
}

static gint32 timex_verb (const EvlStoryDoc *sd, gint32 x);
static gboolean joined_verb (const EvlStoryDoc *sd, guint k, gint t, gint l);
static gboolean finite_at (const EvlStoryDoc *sd, gint i);

/* Past timex @x is a finished time for event @k: not a span up to now
 * ('since 1994', 'for the last week', 'in the past year'), nor a
 * saying's, whose report a present holds at ('said Thursday it has
 * assigned a rating', 'are resorting to new tactics, reports said
 * Saturday'). */
static gboolean
finished_time (const EvlStoryDoc *sd, guint k, gint32 x)
{
  gint t = sd->ev_tok[k];
  static const char *const span[] = { "since", "for", "over", "through", "throughout", "during", NULL };
  gint f = sd->tx_first[x];
  if (f <= 0 || evl_story_token_among (sd, f - 1, span) || evl_story_is (sd, f, EVL_W_THE))
    return FALSE;
  /* A day right after the verb is its own, however loosely put ('has
   * died yesterday', 'have arrested two men on Monday') */
  if (sd->tx[x].grain <= EVL_GRAIN_DAY
      && (f == t + 1 || (f == t + 2 && evl_story_token_is (sd, (guint) t + 1, "on"))))
    return FALSE;
  gint32 v = timex_verb (sd, x);
  if (v < 0 || v == (gint32) k || sd->ev[v].klass != EVL_EVENT_CLASS_REPORTING)
    return TRUE;
  /* (the present of the report itself, no other finite verb nor an
   * 'and' between it and the saying: not 'declared ... Tuesday and is
   * now running', nor 'said Tuesday it was sending 1,000; Greece has
   * promised') */
  gint a = MIN (t, sd->ev_tok[v]), b = MAX (t, sd->ev_tok[v]);
  for (gint i = a + 1; i < b; i++)
    if ((sd->tok_ev[i] >= 0 && sd->tok_ev[i] != (gint32) k && evl_story_finite (sd, sd->tok_ev[i])
         && !noun_position (sd, sd->tok_ev[i]))
        || (evl_story_is (sd, i, EVL_W_AND) && joined_verb (sd, k, t, i - 1))
        || ((evl_story_cls (sd, i) & EVL_STORY_C_CLAUSE_BREAK) && !(sd->tok[i].flags & EVL_TOKEN_WORD)))
      return TRUE;
  return FALSE;
}

/* A simple present does not happen at a past date, nor a past event in
 * the future. */
static gboolean
compatible (const EvlStoryDoc *sd, guint k, const EvlTimex *x)
{
  EvlDay dct = evl_document_get_dct_day (sd->doc);
  if (dct == 0 || noun_position (sd, (gint32) k))
    return TRUE;
  gboolean perfect = tense_is (sd, k, EVL_STORY_TF_PERFECT);
  if (tense_is (sd, k, EVL_STORY_TF_PRESENT) && !perfect && x->end + 31 < dct)
    return FALSE;
  /* (nor a present perfect, done by now: 'has invited them to a
   * ceremony on March 12' is no inviting in March) */
  if ((tense_is (sd, k, EVL_STORY_TF_PAST) || (perfect && tense_is (sd, k, EVL_STORY_TF_PRESENT)))
      && x->begin > dct)
    return FALSE;
  if (tense_is (sd, k, EVL_STORY_TF_FUTURE) && x->end < dct)
    return FALSE;
  /* A present perfect or progressive takes no finished past time ('have
   * said' is no saying last week, 'has intensified' no intensifying in
   * 1994, 'is still considering a request last week' was asked then: the
   * date is another clause's or a noun's). */
  if (x->end < dct && tense_is (sd, k, EVL_STORY_TF_PRESENT)
      && (perfect || g_strcmp0 (sd->ev[k].aspect, "PROGRESSIVE") == 0))
    return !finished_time (sd, k, (gint32) (x - sd->tx));
  return TRUE;
}

static gboolean
usable (const EvlStoryDoc *sd, const guint8 *excluded, gint32 x)
{
  const EvlTimex *t = &sd->tx[x];
  return !excluded[x] && (t->type == EVL_TIMEX_DATE || t->type == EVL_TIMEX_TIME) && t->begin != 0;
}

/* Another predicate between token @a and token @b (exclusive)? */
static gboolean
predicate_between (const EvlStoryDoc *sd, guint k, gint a, gint b)
{
  if (a > b)
    {
      gint tmp = a;
      a = b;
      b = tmp;
    }
  for (gint i = a + 1; i < b; i++)
    {
      gint32 o = sd->tok_ev[i];
      /* 'the merger would save ... by 2027': a verb after a modal heads
       * its clause as a finite one does (an infinitive after 'to' is the
       * complement of the verb before it: 'failed to enter parliament in
       * December') */
      if (o >= 0 && o != (gint32) k && !noun_position (sd, o)
          && (evl_story_finite (sd, o)
              || (evl_story_after_modal (sd, i) && !evl_story_is (sd, i - 1, EVL_W_TO))))
        return TRUE;
    }
  return FALSE;
}

/* The trigger is a noun: no tense, or a noun position. */
static gboolean
nominal (const EvlStoryDoc *sd, gint32 k)
{
  return !evl_story_verbal (sd, k) || noun_position (sd, k);
}

/* Event @o is a verb, in any form, whose lemma is one of @lemmas. */
static gboolean
verb_lemma_among (const EvlStoryDoc *sd, gint32 o, const char *const *lemmas)
{
  const char *lemma = sd->ev[o].lemma;
  if (lemma == NULL || !evl_story_verbal (sd, o))
    return FALSE;
  for (guint i = 0; lemmas[i]; i++)
    if (strcmp (lemma, lemmas[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Verb event @o ends what it takes as object ('ended the strike',
 * 'reached a deal to end a nine-day strike', 'ending a strike'): its
 * date is the end's, while what it ends was under way before.  (Not
 * 'finish' or 'conclude', said mostly of talks or a visit held that
 * same day.) */
static gboolean
ends_object (const EvlStoryDoc *sd, gint32 o)
{
  static const char *const enders[] = { "end", "halt", "stop", "terminate", "suspend", NULL };
  return verb_lemma_among (sd, o, enders);
}

/* The finite intensional or reporting verb whose object nominal @k is
 * ('called for a strike', 'scheduled the trial', 'postponed a vote'), -1
 * when none: only articles and modifiers stand between, and at most one
 * 'for' right after the verb.  TimeML links a clause's timex to its verb:
 * the calling, not the strike, happened 'last week'.  (An infinitive's
 * own time is unknown: 'prompted the governor to seek the withdrawal of
 * troops by 2015' leaves the date to the withdrawal.) */
static gint32
governor (const EvlStoryDoc *sd, gint32 k)
{
  gint t = sd->ev_tok[k];
  if (t <= 0 || !nominal (sd, k))
    return -1;
  gboolean prep = FALSE;
  for (gint i = t - 1; i >= 0 && i >= t - 6 && sd->clause[i] == sd->clause[t]; i--)
    {
      gint32 o = sd->tok_ev[i];
      if (o == k)
        continue;
      if (o >= 0)
        {
          EvlEventClass c = sd->ev[o].klass;
          gboolean intensional = c == EVL_EVENT_CLASS_I_ACTION || c == EVL_EVENT_CLASS_I_STATE
                                 || c == EVL_EVENT_CLASS_REPORTING;
          /* A 'for' object is what the verb aims at or answers for, never
           * what happened at its time, whatever the verb's class ('voted
           * for industrial action in May', 'was arrested in June for the
           * murder'). */
          /* (a verb that ends it in any form: 'to end the strike') */
          if (!prep && ends_object (sd, o))
            return o;
          return (intensional || prep) && evl_story_finite (sd, o) && !noun_position (sd, o) ? o : -1;
        }
      if (sd->tok_tx[i] >= 0)
        continue;   /* 'announced Monday the resignation of ...' */
      if (prep)
        return -1;
      if (evl_story_is (sd, i, EVL_W_FOR))
        prep = TRUE;
      else if (!(evl_story_cls (sd, i) & (EVL_STORY_C_DEFINITE | EVL_STORY_C_NOUN_DET))
               && !evl_story_is (sd, i, EVL_W_A) && !evl_story_is (sd, i, EVL_W_AN)
               && !evl_story_modifier_word (sd, i))
        return -1;
    }
  return -1;
}

/* A preposition right after the nominal at token @t introduces timex @x:
 * the date is the noun's own ('the strike on June 24'). */
static gboolean
noun_date (const EvlStoryDoc *sd, gint t, gint32 x)
{
  gint f = sd->tx_first[x];
  return f == t + 2 && (evl_story_cls (sd, t + 1) & EVL_STORY_C_PREP);
}

/* Timex @x (covering token @i) dates governor @g of nominal @k rather than
 * @k: @g is past ('announced the merger on Monday', 'voted for action in
 * May'; a present 'is poised for growth in 1997' looks ahead to its
 * object), @x fits that tense and is in @g's clause with no other
 * predicate between them, and no 'for' introduces it after @k ('scheduled
 * the trial of the mayor for March 3' dates the trial). */
static gboolean own_date (const EvlStoryDoc *sd, gint t, gint32 x);

static gboolean
governor_timex (const EvlStoryDoc *sd, gint32 k, gint32 g, gint i, gint32 x)
{
  gint t = sd->ev_tok[k], gt = sd->ev_tok[g], f = sd->tx_first[x];
  /* No date of the sentence is what an ending ends, but its own ('ended
   * the strike of June 24'). */
  if (ends_object (sd, g))
    return !own_date (sd, t, x);
  if (!tense_is (sd, (guint) g, EVL_STORY_TF_PAST) || (f > t && evl_story_is (sd, f - 1, EVL_W_FOR)))
    return FALSE;
  if (sd->clause[i] != sd->clause[gt] || !compatible (sd, (guint) g, &sd->tx[x]))
    return FALSE;
  return i > t ? !predicate_between (sd, (guint) k, t, i) : !predicate_between (sd, (guint) g, gt, i);
}

/* The finite verb of the clause of nominal @k (at token @t) nearest to
 * it within 19 tokens, the left one on a tie; -1 when none. */
static gint32
clause_verb (const EvlStoryDoc *sd, guint k, gint t)
{
  guint32 clause = sd->clause[t];
  for (gint d = 1; d < 20; d++)
    for (gint side = -1; side <= 1; side += 2)
      {
        gint i = t + side * d;
        if (i < 0 || i >= (gint) sd->n_tok || sd->clause[i] != clause)
          continue;
        gint32 o = sd->tok_ev[i];
        if (o >= 0 && o != (gint32) k && evl_story_finite (sd, o) && !noun_position (sd, o))
          return o;
      }
  return -1;
}

/* A date of another clause can anchor nominal @k only if it fits the
 * tense of @k's own clause: 'announced the merger at a press conference,
 * where he said the deal would close next year' does not put the
 * conference next year. */
static gboolean
fits_clause (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  if (!nominal (sd, (gint32) k))
    return TRUE;
  gint32 v = clause_verb (sd, k, t);
  return v < 0 || compatible (sd, (guint) v, &sd->tx[x]);
}

/* Timex token @i lies in the 'that' or 'whether' clause finite verb @k
 * at token @t takes as its object, with a finite verb of its own before
 * the date: 'denied that he had known about the breach before Sept. 20',
 * 'agreed that talks would resume on Monday'.  The date is that verb's,
 * not the denying's or the agreeing's (a reporting verb's is left to
 * reported_date()). */
static gboolean
complement_clause_date (const EvlStoryDoc *sd, guint k, gint t, gint i)
{
  if (i <= t + 2 || nominal (sd, (gint32) k) || !evl_story_finite (sd, (gint32) k))
    return FALSE;
  /* right after the verb, or after one word ('denied publicly that'):
   * a 'that' after a noun opens a relative ('fired the shots that') */
  gint c = t + 1;
  if (!(evl_story_cls (sd, c) & EVL_STORY_C_COMPLEMENTIZER))
    {
      if (!(sd->tok[c].flags & EVL_TOKEN_WORD) || sd->tok_ev[c] >= 0 || sd->tok_tx[c] >= 0)
        return FALSE;
      c++;
    }
  if (c >= i || !(evl_story_cls (sd, c) & EVL_STORY_C_COMPLEMENTIZER))
    return FALSE;
  for (gint j = c + 1; j < i; j++)
    if (sd->tok_ev[j] >= 0 && evl_story_finite (sd, sd->tok_ev[j]) && !noun_position (sd, sd->tok_ev[j]))
      return TRUE;
  return FALSE;
}

/* No event but @k from token @t to token @f, in one sentence. */
static gboolean
nothing_between (const EvlStoryDoc *sd, guint k, gint t, gint f)
{
  if (sd->tok[f].sentence != sd->tok[t].sentence)
    return FALSE;
  for (gint i = t + 1; i < f; i++)
    if (sd->tok_ev[i] >= 0 && sd->tok_ev[i] != (gint32) k)
      return FALSE;
  return TRUE;
}

/* Timex @x modifies a noun after it ('the 1953 armistice', 'its 1994
 * civil war', 'a 1987 referendum'): a determiner before it, a word of the
 * noun phrase after it.  Only the phrase's head, an event within three
 * tokens, is dated by it; the other events of the sentence are not ('talks
 * aimed at replacing the 1953 armistice' were not held in 1953), unless
 * 'in' or 'during' puts them inside it ('regained his rights in a 1987
 * referendum').  A possessive timex ("last month's attack", "Friday's
 * vote") modifies the noun after its "'s" alike (*@possessive), yet
 * dates more of its clause (heads()). */
static gboolean
premodifier (const EvlStoryDoc *sd, gint32 x, gint *after, gboolean *possessive)
{
  gint f = sd->tx_first[x];
  if (f <= 0)
    return FALSE;
  gint a = (gint) sd->tx_end[x];
  if (a >= (gint) sd->n_tok || sd->tok[a].sentence != sd->tok[f].sentence)
    return FALSE;
  *possessive = (evl_story_cls (sd, a) & EVL_STORY_C_POSSESSIVE) != 0;
  if (*possessive)
    {
      if (++a >= (gint) sd->n_tok || sd->tok[a].sentence != sd->tok[f].sentence)
        return FALSE;
    }
  else
    {
      gint d = f - 1;
      if (!(evl_story_cls (sd, d) & (EVL_STORY_C_DEFINITE | EVL_STORY_C_NOUN_DET))
          && !evl_story_is (sd, d, EVL_W_A) && !evl_story_is (sd, d, EVL_W_AN))
        return FALSE;
      if (d > 0 && sd->tok[d - 1].sentence == sd->tok[d].sentence
          && (evl_story_token_is (sd, (guint) d - 1, "in")
              || evl_story_token_is (sd, (guint) d - 1, "during")))
        return FALSE;
    }
  *after = a;
  const EvlToken *t = &sd->tok[a];
  return sd->tok_ev[a] >= 0 || evl_story_modifier_word (sd, a)
         || ((t->flags & EVL_TOKEN_WORD) && (t->flags & EVL_TOKEN_CAP));
}

/* Event token @t opens a 'that' or 'which' clause after the head noun of
 * a phrase a timex modifies, the noun an event within three tokens from
 * token @a: 'the 1996 Olympic bombing that killed one person', 'the
 * January 1998 bombing of a clinic that killed a guard'.  The past
 * clause tells what that happening did, at its date.  Only the noun phrase's
 * words between, up to ten tokens.  A preposition before 'which' puts
 * the clause inside the happening whatever its subject ('a 1975 coup in
 * which the leader was killed'); without one, only the relative's own
 * verb, an auxiliary between: what another subject did to the head ('the
 * 1994 law that Congress repealed') may be years later. */
static gboolean
tells_of_head (const EvlStoryDoc *sd, gint t, gint a)
{
  static const char *const relative[] = { "that", "which", NULL };
  gint h = -1;
  for (gint i = a; i <= a + 3 && i < t && h < 0; i++)
    if (sd->tok_ev[i] >= 0 && nominal (sd, sd->tok_ev[i]))
      h = i;
  /* (a present holds now: 'the 1984 declaration, which calls for ...') */
  if (h < 0 || t - h > 12 || sd->tok[t].sentence != sd->tok[h].sentence || sd->tok_ev[t] < 0
      || !tense_is (sd, (guint) sd->tok_ev[t], EVL_STORY_TF_PAST))
    return FALSE;
  gint w = t - 1;
  while (w > h && sd->tok_ev[w] < 0 && (evl_story_cls (sd, w) & (EVL_STORY_C_BE | EVL_STORY_C_MODAL)))
    w--;
  if (!evl_story_token_among (sd, w, relative))
    {
      for (w = h + 2; w < t && !((evl_story_cls (sd, w) & EVL_STORY_C_CLAUSE_WORD)
                                 && evl_story_token_is (sd, (guint) w, "which")); w++)
        ;
      if (w >= t || !(evl_story_cls (sd, w - 1) & EVL_STORY_C_PREP))
        return FALSE;
      /* (a noun event may stand in its subject: 'the founding leader') */
      for (gint i = w + 1; i < t; i++)
        if ((sd->tok_ev[i] >= 0 && !nominal (sd, sd->tok_ev[i])) || sd->tok_tx[i] >= 0
            || (evl_story_cls (sd, i) & (EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_BREAK)))
          return FALSE;
      w--;
    }
  for (gint i = h + 1; i < w; i++)
    if (sd->tok_ev[i] >= 0 || sd->tok_tx[i] >= 0
        || (evl_story_cls (sd, i) & (EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_BREAK | EVL_STORY_C_BE)))
      return FALSE;
  return TRUE;
}

/* A timex before event token @t that modifies the head noun of the
 * phrase whose relative clause @t is in (tells_of_head()), or -1: 'a
 * 1975 coup in which the leader was killed was set to open Monday' kills
 * in 1975, whatever date the main clause after it has. */
static gint32
head_date_before (const EvlStoryDoc *sd, gint t)
{
  for (gint i = t - 2; i >= 0 && t - i <= 12 && sd->tok[i].sentence == sd->tok[t].sentence; i--)
    {
      gint32 x = sd->tok_tx[i];
      gint a;
      gboolean possessive = FALSE;
      if (x >= 0 && i == (gint) sd->tx_end[x] - 1)
        return premodifier (sd, x, &a, &possessive) && !possessive && a < t && tells_of_head (sd, t, a) ? x : -1;
    }
  return -1;
}

/* The first token of the event noun's phrase whose own date timex @x
 * is, right after the noun (@prep: after a preposition, 'the summit in
 * March'; else also 'clashes last week'), past event token @t; -1 when
 * the timex follows no such noun. */
static gint
dated_noun_phrase (const EvlStoryDoc *sd, gint t, gint32 x, gboolean prep)
{
  gint f = sd->tx_first[x], n = f - 1;
  if (n > t + 1 && (evl_story_cls (sd, n) & (EVL_STORY_C_PREP | EVL_STORY_C_LOC_PREP)))
    n--;
  else if (prep)
    return -1;
  if (n <= t + 1 || sd->tok_ev[n] < 0 || !nominal (sd, sd->tok_ev[n]))
    return -1;
  gint j = n - 1;
  while (j > t && n - j <= 3 && sd->tok_ev[j] < 0 && sd->tok_tx[j] < 0
         && ((evl_story_cls (sd, j) & (EVL_STORY_C_DEFINITE | EVL_STORY_C_NOUN_DET | EVL_STORY_C_POSSESSIVE))
             || evl_story_is (sd, j, EVL_W_A) || evl_story_is (sd, j, EVL_W_AN) || evl_story_modifier_word (sd, j)))
    j--;
  return j + 1;
}

/* Timex @x is the own date ('in September', 'on Monday') of an event
 * noun that a 'before' cue introduces after event token @t ('protested
 * the killings ahead of the celebrations in September', 'arrested them
 * before the summit in March'): the noun's date, which the events before
 * the cue precede.  (An 'after' event is often the same day: 'resigned
 * after the vote on Tuesday'.) */
static gboolean
before_cue_date (const EvlStoryDoc *sd, gint t, gint32 x)
{
  gint j = dated_noun_phrase (sd, t, x, TRUE) - 1;
  if (j < 0)
    return FALSE;
  const EvlLexicon *lex = evl_context_get_lexicon (sd->ctx, "en/event-cues-story");
  const Cues cues = { lex, MAX (evl_lexicon_max_words (lex), 1) };
  for (gint s = j; s > t && j - s < (gint) cues.max_words; s--)
    {
      guint last = 0;
      if (cue_at (sd, &cues, (guint) s, &last) == C_BEFORE && (gint) last == j)
        return TRUE;
    }
  return FALSE;
}

/* Timex @x is the own date of an event noun after 'despite', 'in
 * spite of' or 'amid' past event token @t ('went ahead despite clashes
 * last week', 'despite the strike on Monday', 'shares fell amid protests
 * last week'): what a clause holds against a concession, or sets against
 * a background, happened apart from it, at a time of its own. */
static gboolean
concessive_date (const EvlStoryDoc *sd, gint t, gint32 x)
{
  gint j = dated_noun_phrase (sd, t, x, FALSE) - 1;
  if (j <= t)
    return FALSE;
  return evl_story_token_is (sd, (guint) j, "despite") || evl_story_token_is (sd, (guint) j, "amid")
         || evl_story_token_is (sd, (guint) j, "amidst")
         || (j - 2 > t && evl_story_token_is (sd, (guint) j, "of") && evl_story_token_is (sd, (guint) j - 1, "spite")
             && evl_story_token_is (sd, (guint) j - 2, "in"));
}

/* Saying @k is before the noun phrase at token @a that a finite verb
 * after it has for subject: 'said last month's discovery of a rifle
 * represented a breakthrough' reports the phrase, its date not the
 * saying's. */
static gboolean
reports_subject (const EvlStoryDoc *sd, guint k, gint a)
{
  if (sd->ev[k].klass != EVL_EVENT_CLASS_REPORTING)
    return FALSE;
  for (gint i = a + 1; i < (gint) sd->n_tok && i - a <= 12 && sd->tok[i].sentence == sd->tok[a].sentence; i++)
    {
      if (evl_story_cls (sd, i) & (EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_WORD))
        return FALSE;
      gint32 o = sd->tok_ev[i];
      if (o >= 0 && evl_story_finite (sd, o) && !noun_position (sd, o))
        return TRUE;
    }
  return FALSE;
}

/* Event @k (at token @t) may take timex @x: not a premodifier of another
 * noun than @k. */
static gboolean
heads (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  gint a;
  gboolean possessive = FALSE;
  if (!premodifier (sd, x, &a, &possessive))
    return TRUE;
  /* The gold dates the clause by a possessive's date ("Friday's
   * announcement was the first word", 'issued Thursday's ruling',
   * 'decided at last year's summit'); only a verb with another predicate
   * between is not ('arrested a man suspected of taking part in last
   * month's attack'). */
  if (possessive)
    return t >= a || (nothing_between (sd, k, t, sd->tx_first[x]) && !reports_subject (sd, k, a));
  if (t < a)
    return FALSE;
  if (t > a + 3)
    return tells_of_head (sd, t, a);
  /* ('the 1993 bombing that destroyed the market': the head noun and
   * the relative word between) */
  for (gint i = a; i < t; i++)
    if (sd->tok_ev[i] != (gint32) k && !evl_story_modifier_word (sd, i)
        && !(sd->tok[i].flags & EVL_TOKEN_CAP))
      return tells_of_head (sd, t, a);
  return TRUE;
}

/* The trigger at token @t is a verb after a modal or 'to', whatever tense
 * the tagger gave it ('would join', 'to demand'), unless an -ing form
 * after 'to': a gerund ('paid tribute to bombing victims'). */
static gboolean
untensed_verb (const EvlStoryDoc *sd, gint t)
{
  if (!evl_story_after_modal (sd, t))
    return FALSE;
  if (!evl_story_is (sd, t - 1, EVL_W_TO))
    return TRUE;
  EvlSpan s = sd->tok[t].span;
  return !(EVL_SPAN_LEN (s) > 4 && g_ascii_strncasecmp (sd->text + s.end - 3, "ing", 3) == 0);
}

/* A verb event, finite or not, not a noun tagged as one. */
static inline gboolean
verb_event (const EvlStoryDoc *sd, gint32 o)
{
  return o >= 0 && !noun_position (sd, o) && (evl_story_verbal (sd, o) || untensed_verb (sd, sd->ev_tok[o]));
}

/* Token @j is in a date or time other than timex @x (a duration is no
 * date of the verb it touches: 'the strongest earthquake in more than a
 * century rose to 2,862 on Tuesday'). */
static inline gboolean
other_date (const EvlStoryDoc *sd, gint j, gint32 x)
{
  gint32 y = sd->tok_tx[j];
  return y >= 0 && y != x && (sd->tx[y].type == EVL_TIMEX_DATE || sd->tx[y].type == EVL_TIMEX_TIME);
}

/* The verb a week, day or finer timex @x modifies, -1 when none: the
 * one right after it ('Iran Saturday condemned'), else the nearest before
 * it in its clause ('met with aides on Wednesday', 'condemned the attack
 * on the embassy on Thursday'), else the nearest after it ('On Thursday
 * the council condemned').  An adverbial of time modifies the verb it
 * follows ('expect the deal to be completed by Friday': the completing)
 * or its clause's; a month or a year is a span the clause's other
 * events more often share. */
static gint32
timex_verb (const EvlStoryDoc *sd, gint32 x)
{
  const EvlTimex *tx = &sd->tx[x];
  gint f = sd->tx_first[x];
  if (f < 0 || tx->grain == EVL_GRAIN_NONE || tx->grain > EVL_GRAIN_WEEK)
    return -1;
  gint a = (gint) sd->tx_end[x], n = (gint) sd->n_tok;
  guint32 c = sd->clause[f];
  if (a < n && sd->clause[a] == c && verb_event (sd, sd->tok_ev[a]))
    return sd->tok_ev[a];
  for (gint i = f - 1; i >= 0 && f - i <= EVL_STORY_REACH && sd->clause[i] == c; i--)
    if (verb_event (sd, sd->tok_ev[i]))
      {
        /* A verb has one date: with one of its own right before or after
         * it, a later one is its object's ('Cyprus Saturday condemned the
         * attacks in Kenya Friday'). */
        gint vt = sd->ev_tok[sd->tok_ev[i]];
        for (gint j = vt - 1; j >= 0 && j >= vt - 3 && sd->clause[j] == c; j--)
          if (other_date (sd, j, x))
            return -1;
        if (i + 1 < n && other_date (sd, i + 1, x))
          return -1;
        return sd->tok_ev[i];
      }
  for (gint i = a; i < n && i - a <= EVL_STORY_REACH && sd->clause[i] == c; i++)
    if (verb_event (sd, sd->tok_ev[i]))
      return sd->tok_ev[i];
  return -1;
}

/* Timex @x is the noun phrase's own of the event at token @t: right after
 * it ('the bombings Friday', 'the strike on June 24') or before it as its
 * modifier ('the Aug. 7 bombings', "Friday's bombing"). */
static gboolean
own_date (const EvlStoryDoc *sd, gint t, gint32 x)
{
  gint f = sd->tx_first[x], a = (gint) sd->tx_end[x];
  if (f == t + 1 || noun_date (sd, t, x))
    return TRUE;
  if (f > t || t - a > 3)
    return FALSE;
  /* before it, only the words of its noun phrase between ("Friday's
   * ruling", 'the Oct. 23 sniper shooting') */
  for (gint i = a; i < t; i++)
    if (evl_story_cls (sd, i) & EVL_STORY_C_POSSESSIVE)
      continue;
    else if (!(sd->tok[i].flags & EVL_TOKEN_WORD))
      return FALSE;
    else if ((sd->tok_ev[i] >= 0 && evl_story_verbal (sd, sd->tok_ev[i])) || evl_story_is (sd, i, EVL_W_TO)
             || evl_story_is (sd, i, EVL_W_A) || evl_story_is (sd, i, EVL_W_AN)
             || (evl_story_cls (sd, i) & (EVL_STORY_C_PREP | EVL_STORY_C_FUNCTION | EVL_STORY_C_CLAUSE_WORD
                                         | EVL_STORY_C_MODAL | EVL_STORY_C_CONJ | EVL_STORY_C_BE
                                         | EVL_STORY_C_DEFINITE | EVL_STORY_C_NOUN_DET)))
      return FALSE;
  return TRUE;
}

/* Event @k (at token @t) is 'the' noun of a happening the document
 * told of before: an earlier mention of its lemma or of its story type
 * ('the twin bombings' after 'bombs exploded'). */
static gboolean
told_before (const EvlStoryDoc *sd, guint k, gint t)
{
  gint i = t - 1;
  while (i >= 0 && t - i <= 3 && !evl_story_is (sd, i, EVL_W_THE))
    i--;
  if (i < 0 || t - i > 3)
    return FALSE;
  const EvlEventMention *e = &sd->ev[k];
  gboolean typed = e->type != NULL && evl_story_type_code (sd, (gint32) k) != EVL_STORY_TYPE_OTHER;
  for (guint j = 0; j < sd->n_ev; j++)
    {
      gint u = sd->ev_tok[j];
      if (u < 0 || u >= i)
        continue;
      if (g_strcmp0 (sd->ev[j].lemma, e->lemma) == 0
          || (typed && sd->ev[j].type != NULL && strcmp (sd->ev[j].type, e->type) == 0))
        return TRUE;
    }
  return FALSE;
}

static const char *const respond_preps[] = { "since", "over", "for", "to", "following", "after", NULL };

/* The index in respond_preps of the word before the event at token @t
 * that may make it what its clause's verb responds to (responds_to()),
 * -1 when none. */
static gint
respond_word (const EvlStoryDoc *sd, gint t)
{
  const char *const *preps = respond_preps;
  for (gint i = t - 1; i >= 0 && i >= t - 8 && sd->tok[i].sentence == sd->tok[t].sentence; i--)
    {
      gint32 o = sd->tok_ev[i];
      guint32 cls = evl_story_cls (sd, i);
      if ((o >= 0 && evl_story_verbal (sd, o) && !noun_position (sd, o)) || sd->tok_tx[i] >= 0
          || (cls & (EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_BREAK)))
        return -1;
      /* the words' lengths (2 to 9) before their strings */
      gsize len = EVL_SPAN_LEN (sd->tok[i].span);
      if (!(sd->tok[i].flags & EVL_TOKEN_WORD) || len < 2 || len > 9)
        continue;
      for (guint j = 0; preps[j]; j++)
        if (strlen (preps[j]) == len && evl_story_token_is (sd, (guint) i, preps[j]))
          return (gint) j;
    }
  return -1;
}

/* A word before event @k (at token @t) that makes it what the clause's
 * verb responds to, follows or is about, not what happened at the verb's
 * time: 'responsible for the attacks', 'in response to the blasts', 'paid
 * tribute to bombing victims', 'protests over the killings', 'since the
 * bombing'; 'following' or 'after' only before a happening told of
 * before ('met on Wednesday following the bombings'), for a bare 'after'
 * may well be the same day ('walked out on Tuesday after talks over pay
 * broke down').  Up to eight tokens back through the noun phrase and its
 * 'of'/'in' phrases ('for the victims of the bombing'), not past a verb
 * ('urged them to resume the talks': the talks are the resuming's
 * object), a clause boundary or a timex. */
static gboolean
responds_to (const EvlStoryDoc *sd, guint k, gint t)
{
  gint j = respond_word (sd, t);
  return j >= 0 && (j < 4 || told_before (sd, k, t));
}


/* The token of one of @words that opens the clause of token @t, at its
 * start or right before it, within six tokens before @t; -1 when none.
 * With @cls, only a word of one of those classes is compared. */
static gint
clause_opener (const EvlStoryDoc *sd, gint t, const char *const *words, guint32 cls)
{
  guint32 c = sd->clause[t];
  for (gint i = t - 1; i >= 0 && t - i <= 6 && sd->tok_tx[i] < 0; i--)
    if ((!cls || (evl_story_cls (sd, i) & cls)) && evl_story_token_among (sd, i, words))
      return i;
    else if (sd->clause[i] != c)
      return -1;
  return -1;
}

static gboolean
clause_opens_with (const EvlStoryDoc *sd, gint t, const char *const *words)
{
  return clause_opener (sd, t, words, 0) >= 0;
}

/* The clause of token @t opens with a temporal conjunction ('after talks
 * broke down', 'when the talks ended'): it tells when the other clause's
 * verb happened, often the same day. */
static gboolean
temporal_clause (const EvlStoryDoc *sd, gint t)
{
  static const char *const words[] = { "after", "before", "when", "as", "while", "until", "once", NULL };
  return clause_opens_with (sd, t, words);
}

/* Timex @x at token @i dates verb @v of an 'after' or 'before' clause
 * that follows event @k's clause and has a subject of its own
 * ('killed 16 people, officials said, after two more bodies were found
 * on Tuesday'): the date is the subordinate verb's, and the main event
 * was some time off it.  Not after a word that puts the two close
 * ('shortly after he returned home on Oct. 23': the same day, as the
 * gold has it), nor for a noun, whose clause is the temporal one's.
 * (A 'when' clause is most often the main event's time: 'appeared
 * healthy when he appeared in court the next morning'.) */
static gboolean
following_temporal_date (const EvlStoryDoc *sd, guint k, gint t, gint i, gint32 v)
{
  static const char *const words[] = { "after", "before", NULL };
  static const char *const close[] = { "shortly", "immediately", "just", "soon", "right", "only", "moments",
                                       "minutes", "hours", "hour", "seconds", "quickly", NULL };
  if (v < 0 || i < t || !evl_story_finite (sd, (gint32) k) || nominal (sd, (gint32) k) || !evl_story_finite (sd, v))
    return FALSE;
  gint vt = sd->ev_tok[v];
  if (vt <= t || sd->clause[vt] == sd->clause[t])
    return FALSE;
  gint o = clause_opener (sd, vt, words, 0);
  /* (a subject between the conjunction and the verb: not 'after winning') */
  return o > t && vt - o >= 2 && !evl_story_token_among (sd, o - 1, close);
}

/* Nominal @k (at token @t) modifies the noun after it inside the object
 * of a preposition that follows another event noun, and timex @x comes
 * right after that noun ('a challenge to the election result on
 * Wednesday'): the date is the head event's, the challenging, not the
 * election's, which the result already tells is over.  (A date right
 * after @k itself may be its own, 'the strike on June 24'.) */
static gboolean
inner_modifier_date (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  gint f = sd->tx_first[x], n = (gint) sd->n_tok;
  if (f != t + 3 || !nominal (sd, (gint32) k) || sd->tok_ev[t + 1] >= 0 || sd->tok_tx[t + 1] >= 0
      || !(evl_story_cls (sd, t + 2) & EVL_STORY_C_PREP) || t + 2 >= n
      || (evl_story_cls (sd, t + 1) & (EVL_STORY_C_FUNCTION | EVL_STORY_C_PREP | EVL_STORY_C_CLAUSE_PUNCT
                                       | EVL_STORY_C_CONJ | EVL_STORY_C_POSSESSIVE)))
    return FALSE;
  for (gint i = t - 1; i > 0 && i >= t - 5; i--)
    {
      if (evl_story_cls (sd, i) & EVL_STORY_C_PREP)
        {
          gint32 o = sd->tok_ev[i - 1];
          return o >= 0 && o != (gint32) k && nominal (sd, o);
        }
      if (sd->tok_ev[i] >= 0 || sd->tok_tx[i] >= 0
          || !((evl_story_cls (sd, i) & (EVL_STORY_C_DEFINITE | EVL_STORY_C_NOUN_DET))
               || evl_story_is (sd, i, EVL_W_A) || evl_story_is (sd, i, EVL_W_AN)
               || evl_story_modifier_word (sd, i)))
        return FALSE;
    }
  return FALSE;
}

/* Whether event @o's story type is @name ('DEATH'). */
static gboolean
type_is (const EvlStoryDoc *sd, guint o, const char *name)
{
  return sd->ev[o].type != NULL && strcmp (sd->ev[o].type, name) == 0;
}

/* Event @k at token @t is a strike or protest under a vote or decision
 * to hold it ('voted on Monday to strike', 'decided Friday to walk
 * out'): a date before the 'to' is the voting's; the action comes
 * later, if at all.  Only a protest: 'voted Monday to approve the
 * merger' is the approval itself, 'agreed in April to hand them over'
 * often the same day; and only a deciding verb, for 'walked out on
 * Monday to protest' protests that same day. */
static gboolean
decided_action_date (const EvlStoryDoc *sd, guint k, gint t, gint i)
{
  static const char *const deciders[] = { "vote", "decide", "threaten", "resolve", NULL };
  if (i > t || t < 2 || !evl_story_is (sd, t - 1, EVL_W_TO) || !untensed_verb (sd, t) || !type_is (sd, k, "PROTEST"))
    return FALSE;
  for (gint j = t - 2; j >= 0 && t - j <= 6; j--)
    {
      gint32 o = sd->tok_ev[j];
      if (o >= 0 && o != (gint32) k)
        return verb_lemma_among (sd, o, deciders);
    }
  return FALSE;
}

/* Event @k at token @t is a clause of its own after a noun ('the
 * bombings, which killed 250 people'): 'which' or 'who' opens its clause.
 * (A 'that' clause may as well be a report's: 'said Friday that ...'.) */
static gboolean
relative_clause (const EvlStoryDoc *sd, gint t)
{
  static const char *const words[] = { "which", "who", NULL };
  return clause_opens_with (sd, t, words);
}

/* Timex @x, which modifies verb @v, is no date of event @k at token @t
 * placed after @v, in its complement: the timex says when the verb
 * happened, and a noun phrase of its object or complement does not share
 * it.  'Iran Saturday condemned the bombing', 'met on Wednesday following
 * the bombings', 'vowed Saturday to punish those responsible for the
 * attacks': the bombing and the attacks were earlier.  Kept: a date of
 * the noun's own (own_date()), a subject ('the talks Tuesday ended'), and
 * the object of a verb that performs it ('held talks on Tuesday',
 * 'launched an attack on Monday'): only the object of a statement or an
 * intention, or a noun after responds_to()'s words, loses the date.  In
 * another clause than the timex, a noun whose clause has its own finite
 * verb ('talks that were interrupted by the bombing') takes that verb's
 * tense, not the date, unless a temporal conjunction opens the clause;
 * a 'which' clause or a participle after a comma that tells of a noun
 * losing the date loses it too ('following the bombings, which killed
 * 250'). */
static gboolean
foreign_date (const EvlStoryDoc *sd, guint k, gint t, gint32 x, gint32 v)
{
  gint vt = sd->ev_tok[v];
  if (v == (gint32) k || vt < 0 || t <= vt)
    return FALSE;
  gint f = sd->tx_first[x];
  const EvlEventMention *g = &sd->ev[v];
  gboolean about = g->klass == EVL_EVENT_CLASS_REPORTING || g->klass == EVL_EVENT_CLASS_I_ACTION
                   || g->klass == EVL_EVENT_CLASS_I_STATE || g_strcmp0 (g->type, "STATEMENT") == 0;
  /* A date after a statement's object that the article told of before
   * is the statement's ('test-fired a missile on Thursday ... the U.S.
   * condemned the test on Friday'). */
  if (own_date (sd, t, x) && !(about && f > t && noun_date (sd, t, x) && told_before (sd, k, t)))
    return FALSE;
  gboolean noun = nominal (sd, (gint32) k) && !untensed_verb (sd, t);
  if (sd->clause[t] != sd->clause[f] && noun && !temporal_clause (sd, t))
    {
      gint32 own = clause_verb (sd, k, t);
      if (own >= 0 && own != v)
        return TRUE;
    }
  if (!noun)
    {
      /* 'following the bombings, which killed 250' or '..., killing 250':
       * the clause tells of the noun before it, and shares its time. */
      if (evl_story_finite (sd, (gint32) k) ? !relative_clause (sd, t)
          : t == 0 || !(evl_story_cls (sd, t - 1) & EVL_STORY_C_CLAUSE_PUNCT))
        return FALSE;
      for (gint i = t - 1; i > vt && t - i <= 12; i--)
        {
          gint32 o = sd->tok_ev[i];
          if (o < 0 || o == (gint32) k)
            continue;
          return nominal (sd, o) && foreign_date (sd, (guint) o, sd->ev_tok[o], x, v);
        }
      return FALSE;
    }
  /* After the noun, the date may be the noun's as well as the verb's
   * ('responsible for a decline of 87 cents yesterday'): only the verb of
   * a statement or an intention claims it. */
  if (f < t && responds_to (sd, k, t))
    return TRUE;
  if (sd->clause[t] != sd->clause[f])
    return FALSE;
  /* (an infinitive's object shares its unknown time: 'celebrations to
   * mark the entry into NATO on Friday') */
  if (!about || !evl_story_finite (sd, v) || predicate_between (sd, k, vt, t))
    return FALSE;
  /* its object, not an adjunct ('said Monday before leaving') */
  for (gint i = vt + 1; i < t; i++)
    if (sd->tok_tx[i] < 0 && (evl_story_cls (sd, i) & EVL_STORY_C_PREP))
      return FALSE;
  return TRUE;
}

/* Timex @x dates verb @v of a subject relative clause on a noun of
 * another clause than event @k's ('recovered the recorders of the jet
 * that crashed on Sunday', 'the jet, which crashed Sunday, was carrying
 * 112'): the clause tells when the noun's own happening was, not the
 * main verb's.  Only a 'that', 'which' or 'who' right before @v (an
 * auxiliary or a modal may stand between) after a word that is no verb:
 * 'said that ...' opens a report, whose date rules are reported_date()'s;
 * a noun event that heads the clause shares its date ('the attack that
 * killed 250 on Sunday'). */
static gboolean
relative_date (const EvlStoryDoc *sd, guint k, gint t, gint32 x, gint32 v)
{
  static const char *const words[] = { "that", "which", "who", NULL };
  if (v < 0 || v == (gint32) k || nominal (sd, (gint32) k))
    return FALSE;
  gint vt = sd->ev_tok[v], f = sd->tx_first[x];
  if (vt < 0 || sd->clause[vt] == sd->clause[t] || sd->clause[f] != sd->clause[vt] || !evl_story_finite (sd, v))
    return FALSE;
  /* (after the clause, a temporal clause may be the relative's own:
   * 'who was rescued Nov. 25 while clinging to an inner tube') */
  if (t > vt && temporal_clause (sd, t))
    return FALSE;
  /* After the clause, only the verb its antecedent is the subject of:
   * not a clause a comma and 'and' or 'but' join ('a meeting which went
   * into Thursday, but Hashimoto told reporters'), nor a participle of
   * the relative clause itself ('a tank which crashed through the gates
   * on April 30, 1975, symbolizing the end of the war'). */
  if (t > vt)
    {
      static const char *const joins[] = { "and", "but", NULL };
      for (gint i = vt + 1; i + 1 < t; i++)
        if (evl_story_is (sd, i, EVL_W_COMMA) && evl_story_token_among (sd, i + 1, joins))
          return FALSE;
      if (!evl_story_finite (sd, (gint32) k) && !predicate_between (sd, k, vt, t))
        return FALSE;
    }
  gint o = vt - 1;
  while (o > 0 && vt - o <= 2 && sd->tok_ev[o] < 0 && (evl_story_cls (sd, o) & (EVL_STORY_C_BE | EVL_STORY_C_MODAL)))
    o--;
  if (o <= 0 || !evl_story_token_among (sd, o, words))
    return FALSE;
  gint h = o - 1;
  if (evl_story_cls (sd, h) & EVL_STORY_C_CONJ)
    h--;
  if (h < 0 || sd->tok[h].sentence != sd->tok[vt].sentence || sd->tok_tx[h] >= 0 || !(sd->tok[h].flags & EVL_TOKEN_WORD))
    return FALSE;
  gint32 e = sd->tok_ev[h];
  if (e < 0)
    return TRUE;
  if (e == (gint32) k || !nominal (sd, e) || h == t)
    return FALSE;
  /* A happening that is the agent of a passive is its time too: 'was
   * hit by the landslide that followed heavy rain on Saturday'. */
  for (gint j = h - 1; j >= 0 && h - j <= 4 && sd->tok_ev[j] < 0 && sd->tok_tx[j] < 0; j--)
    if (evl_story_is (sd, j, EVL_W_BY))
      return FALSE;
    else if (evl_story_cls (sd, j) & (EVL_STORY_C_PREP | EVL_STORY_C_CLAUSE_PUNCT))
      break;
  return TRUE;
}

/* Token @h is a lower-case word that may head a noun phrase a reduced
 * relative's participle follows: no date, no verb (@event_noun: an
 * event noun may, 'the ceasefire agreed'), no function word. */
static gboolean
participle_noun (const EvlStoryDoc *sd, gint h, gboolean event_noun)
{
  return (sd->tok[h].flags & EVL_TOKEN_WORD) && !(sd->tok[h].flags & EVL_TOKEN_CAP) && sd->tok_tx[h] < 0
         && (sd->tok_ev[h] < 0 || (event_noun && nominal (sd, sd->tok_ev[h])))
         && !(evl_story_cls (sd, h) & (EVL_STORY_C_PREP | EVL_STORY_C_FUNCTION | EVL_STORY_C_BE | EVL_STORY_C_MODAL
                                       | EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CONJ));
}

/* The token before the determiners and modifiers of the noun at @h: what
 * governs its phrase. */
static gint
noun_phrase_governor (const EvlStoryDoc *sd, gint h)
{
  gint d = h - 1;
  while (d > 0 && h - d <= 5 && sd->tok_ev[d] < 0 && sd->tok_tx[d] < 0
         && ((evl_story_cls (sd, d) & (EVL_STORY_C_DEFINITE | EVL_STORY_C_NOUN_DET)) || evl_story_is (sd, d, EVL_W_A)
             || evl_story_is (sd, d, EVL_W_AN) || evl_story_modifier_word (sd, d)))
    d--;
  return d;
}

/* Timex @x dates verb @v of a reduced relative on the noun before it,
 * a past participle that tells of that noun ('its fight against a
 * takeover bid launched last week by Cie', 'the man arrested on Friday'):
 * as in a 'that' clause (relative_date()), not the time of the events
 * before the noun.  Only after a lower-case noun that a finite verb of
 * the clause comes before (else the noun may be the participle's
 * subject: 'the company launched a bid last week'), the date right after
 * the participle (a preposition between). */
static gboolean
reduced_relative_date (const EvlStoryDoc *sd, guint k, gint t, gint32 x, gint32 v)
{
  if (v < 0 || v == (gint32) k)
    return FALSE;
  gint vt = sd->ev_tok[v], h = vt - 1, f = sd->tx_first[x];
  if (vt < 2 || t >= h || f <= vt || tense_is (sd, (guint) v, EVL_STORY_TF_PERFECT)
      || !(tense_is (sd, (guint) v, EVL_STORY_TF_PAST) || tense_is (sd, (guint) v, EVL_STORY_TF_PASTPART)))
    return FALSE;
  gint a = vt + 1;
  if (a < f && (evl_story_cls (sd, a) & (EVL_STORY_C_PREP | EVL_STORY_C_LOC_PREP)))
    a++;
  if (a != f)
    return FALSE;
  /* (a happening's noun shares its participle's time with the events
   * it is the means of: 'warned in his speech delivered on March 5') */
  if (!participle_noun (sd, h, FALSE))
    return FALSE;
  /* the noun phrase is a verb's object or a preposition's: right after
   * another noun, it may be an object relative's subject ('the gains
   * these issues made this week') */
  gint d = noun_phrase_governor (sd, h);
  if (!(evl_story_cls (sd, d) & (EVL_STORY_C_PREP | EVL_STORY_C_LOC_PREP)) && !verb_event (sd, sd->tok_ev[d]))
    return FALSE;
  /* (what a saying is 'in' is its vehicle, out at its time: 'said in a
   * letter published Wednesday') */
  if (sd->ev[k].klass == EVL_EVENT_CLASS_REPORTING && evl_story_token_is (sd, (guint) d, "in"))
    return FALSE;
  /* a noun that opens a clause is its verb's subject ('as dawn broke
   * Saturday', 'after the market closed Wednesday') */
  for (gint i = h - 1; i >= 0 && h - i <= 15 && sd->tok[i].sentence == sd->tok[h].sentence; i--)
    {
      if (evl_story_cls (sd, i) & (EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_PREP))
        return FALSE;
      if (finite_at (sd, i))
        return TRUE;
    }
  return FALSE;
}

/* Event @k at token @t is itself the past participle of a reduced
 * relative ('released prisoners on Tuesday under the ceasefire agreed in
 * Muscat', 'appealed on Friday against the fine imposed by the
 * regulator') and timex @x comes before its noun phrase, the object of
 * a preposition of grounds or opposition: the date is the clause's main
 * verb's, as in reduced_relative_date() the other way round. */
static gboolean
reduced_relative_left (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  gint h = t - 1;
  if (h < 2 || (gint) sd->tx_end[x] > h || tense_is (sd, k, EVL_STORY_TF_PERFECT)
      || !(tense_is (sd, k, EVL_STORY_TF_PAST) || tense_is (sd, k, EVL_STORY_TF_PASTPART)))
    return FALSE;
  if (!participle_noun (sd, h, TRUE))
    return FALSE;
  gint d = noun_phrase_governor (sd, h);
  /* (not 'at', 'in', 'by', whose noun is the place or the vehicle of
   * the main verb's happening and shares its day: 'joined NATO Friday at
   * a ceremony held in Independence', 'named Thursday in a bulletin sent
   * by the FBI'; nor a verb's object, often the same) */
  static const char *const grounds[] = { "under", "against", "despite", "over", "about", "amid", NULL };
  if (d == h - 1 || (gint) sd->tx_end[x] > d || !evl_story_token_among (sd, d, grounds))
    return FALSE;
  for (gint i = d; i >= 0 && sd->clause[i] == sd->clause[t]; i--)
    if (finite_at (sd, i))
      return TRUE;
  return FALSE;
}

/* A 'for' period after an earlier verb of its clause ('reported a loss
 * for the third quarter', 'posted sales of $2 billion for the year') is
 * the span its object measures, not a time of what the sentence tells
 * after it, past an 'and' or a comma: 'and said it would cut jobs' was
 * not said in the quarter. */
static gboolean
measured_period (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  gint f = sd->tx_first[x];
  if (f < 2 || t < (gint) sd->tx_end[x] || sd->tx[x].grain < EVL_GRAIN_MONTH
      || !evl_story_is (sd, f - 1, EVL_W_FOR))
    return FALSE;
  /* only a verb joined after the period's phrase: 'said net income for
   * the third quarter fell' is the income's fall in the quarter */
  gboolean joined = FALSE;
  for (gint i = (gint) sd->tx_end[x]; i < t && !joined; i++)
    joined = (evl_story_cls (sd, i) & EVL_STORY_C_CONJ) != 0;
  if (!joined)
    return FALSE;
  for (gint i = f - 2; i >= 0 && f - i <= EVL_STORY_REACH && sd->clause[i] == sd->clause[f]; i--)
    {
      gint32 o = sd->tok_ev[i];
      if (o >= 0 && o != (gint32) k && evl_story_finite (sd, o) && !noun_position (sd, o))
        return TRUE;
    }
  return FALSE;
}

/* Timex @x follows 'as of' ('the latest figures as of Monday'): it
 * dates a count or a state, not the events its noun phrase tells of. */
static gboolean
as_of (const EvlStoryDoc *sd, gint32 x)
{
  gint f = sd->tx_first[x];
  /* asked for every candidate timex: the word ids and the length first */
  return f >= 2 && evl_story_is (sd, f - 1, EVL_W_OF) && sd->tok[f - 2].sentence == sd->tok[f].sentence
         && EVL_SPAN_LEN (sd->tok[f - 2].span) == 2 && evl_story_token_is (sd, (guint) f - 2, "as");
}

/* An 'as of' timex @x dates no noun but its own ("as of Friday's
 * close"), nor a verb of an earlier clause ('songs had been downloaded
 * since its launch, and as of May the store accounts for ...'). */
static gboolean
as_of_other (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  gint f = sd->tx_first[x];
  return as_of (sd, x) && (nominal (sd, (gint32) k) || (t < f && sd->clause[t] != sd->clause[f]))
         && !own_date (sd, t, x);
}

/* The reporting verb a timex modifying verb @v dates: @v itself, or the
 * verb right before the temporal clause @v heads ('officials said as
 * dawn broke Saturday'); -1 when neither reports. */
static gint32
saying_verb (const EvlStoryDoc *sd, gint32 v)
{
  gint vt = sd->ev_tok[v];
  if (sd->ev[v].klass != EVL_EVENT_CLASS_REPORTING && vt > 0 && temporal_clause (sd, vt))
    for (gint i = vt - 1; i >= 0 && vt - i <= 6; i--)
      if (sd->tok_ev[i] >= 0 && sd->tok_ev[i] != v)
        {
          v = sd->tok_ev[i];
          break;
        }
  return sd->ev[v].klass == EVL_EVENT_CLASS_REPORTING && evl_story_finite (sd, v) && !noun_position (sd, v) ? v : -1;
}

/* 'At least 80 were killed, officials said Saturday', 'the toll in the
 * blast has risen to 12, officials said Wednesday': a date after the
 * attribution that closes a report is the saying's, not that of the
 * events reported before it (TimeML links them to their own dates or the
 * creation time).  @v is the verb timex @x modifies; event @k at token @t
 * comes before the saying verb with a clause's punctuation between. */
static gboolean
attributed_date (const EvlStoryDoc *sd, guint k, gint t, gint32 x, gint32 v)
{
  if (v < 0 || sd->tx_first[x] < t)
    return FALSE;
  gint32 s = saying_verb (sd, v);
  if (s < 0 || s == (gint32) k)
    return FALSE;
  gint st = sd->ev_tok[s];
  if (st <= t)
    return FALSE;
  /* The attribution closes the sentence: 'officials said Monday they
   * will order ...' reports what follows, and what came before may be an
   * adjunct of the saying ('With the city waiting, officials said'). */
  for (gint i = st + 1; i < (gint) sd->n_tok && sd->tok[i].sentence == sd->tok[st].sentence; i++)
    if (sd->tok_ev[i] >= 0 && sd->tok_ev[i] != v)
      return FALSE;
  /* A present is the saying's time as well ('the three can now take
   * part, the minister said Saturday'); a past or a perfect was before
   * it, a noun or a participle as its clause's verb. */
  gboolean noun = nominal (sd, (gint32) k);
  /* (a future comes after the saying: 'X will visit Japan, an official
   * said Friday' does not visit on Friday) */
  gboolean future = !noun && tense_is (sd, k, EVL_STORY_TF_FUTURE);
  if (!future && (sd->ev[k].modality != NULL || (!noun && untensed_verb (sd, t))))
    return FALSE;   /* 'can now take part' */
  gint32 tv = noun || !evl_story_finite (sd, (gint32) k) ? clause_verb (sd, k, t) : (gint32) k;
  /* ('the toll in the blast, initially 10, has risen': the verb after
   * the subject's apposition) */
  for (gint i = t + 1; noun && tv < 0 && i < st
                      && !(evl_story_cls (sd, i) & (EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_BREAK)); i++)
    if (sd->tok_ev[i] >= 0 && evl_story_finite (sd, sd->tok_ev[i]) && !noun_position (sd, sd->tok_ev[i]))
      tv = sd->tok_ev[i];
  if (!future
      && (tv < 0 || tv == s || !(evl_story_tf (sd, tv) & (EVL_STORY_TF_PAST | EVL_STORY_TF_PERFECT))
          || (tense_is (sd, (guint) tv, EVL_STORY_TF_PRESENT) && !tense_is (sd, (guint) tv, EVL_STORY_TF_PERFECT))))
    return FALSE;
  for (gint i = t + 1; i < st; i++)
    if (evl_story_cls (sd, i) & EVL_STORY_C_CLAUSE_PUNCT)
      return TRUE;
  return FALSE;
}

/* 'Clinton said Thursday that the U.S. raided ...', 'police told
 * reporters on Friday the suspect had fled': a date right after a finite
 * reporting verb (its object or 'on' between), with the report after
 * it, dates the saying; what is reported happened when it did, which
 * the saying's date does not tell (TimeML links such events to their
 * own dates or the creation time).  Not a date of the report's own
 * ("said Thursday's raid ..."), nor one before a phrase ('said Thursday
 * in a statement that ...' is left to the other tests) or the end of
 * the clause.  @v is the verb timex @x modifies; event @k at token @t,
 * after the timex, is in the report unless another saying comes first. */
static gboolean
reported_date (const EvlStoryDoc *sd, guint k, gint t, gint32 x, gint32 v)
{
  gint f = sd->tx_first[x], a = (gint) sd->tx_end[x];
  if (v < 0 || v == (gint32) k || t < a || a >= (gint) sd->n_tok
      || sd->ev[v].klass != EVL_EVENT_CLASS_REPORTING)
    return FALSE;
  gint vt = sd->ev_tok[v];
  if (vt < 0 || vt >= f || f - vt > 3 || !evl_story_finite (sd, v) || noun_position (sd, v))
    return FALSE;
  const guint32 stop = EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_BREAK
                       | EVL_STORY_C_COMPLEMENTIZER;
  for (gint i = vt + 1; i < f; i++)
    if (!(sd->tok[i].flags & EVL_TOKEN_WORD) || sd->tok_ev[i] >= 0 || (evl_story_cls (sd, i) & stop))
      return FALSE;
  /* the report opens right after the date: 'that' or its subject */
  guint32 c = evl_story_cls (sd, a);
  if (sd->tok[a].sentence != sd->tok[f].sentence || !(sd->tok[a].flags & EVL_TOKEN_WORD)
      || (!(c & EVL_STORY_C_COMPLEMENTIZER)
          && (c & (stop | EVL_STORY_C_POSSESSIVE | EVL_STORY_C_PREP | EVL_STORY_C_CONJ))))
    return FALSE;
  /* A past or a past perfect in the report was before the saying, often
   * days before; a present or a present perfect holds at its time ('said
   * Thursday that Britain has been pushing hard'), and a participle or
   * an infinitive follows its own verb.  A noun goes with its clause's
   * verb. */
  if ((evl_story_tf (sd, (gint32) k) & (EVL_STORY_TF_PASTPART | EVL_STORY_TF_FINITE)) == EVL_STORY_TF_PASTPART)
    return FALSE;
  gint32 tv = nominal (sd, (gint32) k) ? clause_verb (sd, k, t) : (gint32) k;
  /* A past form with the clause's verb still to come modifies its
   * subject ('that the body found along a highway belonged to ...'):
   * a participle, no report of its own. */
  for (gint i = t + 1; tv == (gint32) k && i < (gint) sd->n_tok && i - t < 20
                       && sd->tok[i].sentence == sd->tok[t].sentence
                       && !(evl_story_cls (sd, i) & (EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_PUNCT
                                                     | EVL_STORY_C_CLAUSE_BREAK | EVL_STORY_C_CONJ));
       i++)
    if (sd->tok_ev[i] >= 0 && evl_story_finite (sd, sd->tok_ev[i]) && !noun_position (sd, sd->tok_ev[i]))
      return FALSE;
  if (tv < 0 || tv == v || !(evl_story_tf (sd, tv) & EVL_STORY_TF_PAST))
    return FALSE;
  /* A state, a mental act or a progressive in the past may be a present
   * put back into the saying's time, or its own conclusion ('said Friday
   * that she regretted', 'that they had concluded', 'that the two were
   * considering a merger'). */
  EvlEventClass kc = sd->ev[k].klass;
  if (kc == EVL_EVENT_CLASS_STATE || kc == EVL_EVENT_CLASS_I_STATE || kc == EVL_EVENT_CLASS_I_ACTION
      || g_strcmp0 (sd->ev[tv].aspect, "PROGRESSIVE") == 0)
    return FALSE;
  /* 'said Thursday ..., but insisted', '... but did not say': the
   * saying's own next verb, after its auxiliaries */
  if (tv == (gint32) k && sd->ev[k].klass == EVL_EVENT_CLASS_REPORTING)
    {
      for (gint i = t - 1; i > a && t - i <= 3; i--)
        if (evl_story_cls (sd, i) & (EVL_STORY_C_CONJ | EVL_STORY_C_CLAUSE_WORD))
          return FALSE;
        else if (!(evl_story_cls (sd, i) & (EVL_STORY_C_FUNCTION | EVL_STORY_C_MODAL | EVL_STORY_C_BE))
                 && !evl_story_token_is (sd, (guint) i, "did"))
          break;
    }
  /* A temporal clause tells when the report's verb happened, as often
   * the same day as not ('would talk ... after he met the premier'). */
  if (temporal_clause (sd, t))
    return FALSE;
  /* (the report runs on through its own clauses, 'raided camps that
   * housed ...', up to a semicolon, a colon, a dash or another saying) */
  for (gint i = a + 1; i < t; i++)
    if (((evl_story_cls (sd, i) & EVL_STORY_C_CLAUSE_BREAK) && !(sd->tok[i].flags & EVL_TOKEN_WORD))
        || (sd->tok_ev[i] >= 0 && sd->ev[sd->tok_ev[i]].klass == EVL_EVENT_CLASS_REPORTING
            && evl_story_finite (sd, sd->tok_ev[i])))
      return FALSE;
  return TRUE;
}

/* The token of an 'after', 'before' or 'until' with a duration before it
 * that introduces event @k at token @t ('sworn in on Tuesday, a month
 * after winning the election', 'two days before the vote'), -1 when
 * none: at most eight tokens before it (through a subject: 'days after
 * the country's defence minister visited Moscow'), with only words and
 * non-finite events between.  What the clause dates before that word is the other
 * event's time, a duration away, not this one's.  (A bare 'after' may
 * well be the same day: 'walked out on Tuesday after talks broke
 * down'.) */
static gint
temporal_prep_before (const EvlStoryDoc *sd, gint t)
{
  static const char *const preps[] = { "after", "before", "until", NULL };
  guint32 sentence = sd->tok[t].sentence;
  /* no timex in the sentence (no duration either), or no token of it
   * follows one of a duration (most sentences with a timex: ~1.2 M
   * instructions of walking back on the small corpus, callgrind) */
  const guint both = EVL_STORY_SENT_TIMEX | EVL_STORY_SENT_AFTER_DURATION;
  if (sentence < sd->n_sent && (sd->sent_tx[sentence] & both) != both)
    return -1;
  for (gint i = t - 1; i >= 0 && i >= t - 9 && sd->tok[i].sentence == sd->tok[t].sentence; i--)
    {
      /* asked for every event: the words' lengths (5, 6) before their
       * strings (~12 M instructions on the small corpus, callgrind) */
      gsize n = EVL_SPAN_LEN (sd->tok[i].span);
      char c0 = (char) (sd->text[sd->tok[i].span.start] | 0x20);
      gboolean maybe = (n == 5 || n == 6) && (c0 == 'a' || c0 == 'b' || c0 == 'u');
      for (guint j = 0; preps[j] && maybe; j++)
        if (evl_story_token_is (sd, (guint) i, preps[j]))
          {
            gint32 d = i > 0 ? sd->tok_tx[i - 1] : -1;
            return d >= 0 && sd->tx[d].type == EVL_TIMEX_DURATION ? i : -1;
          }
      if (!(sd->tok[i].flags & EVL_TOKEN_WORD))
        return -1;
      if (sd->tok_ev[i] >= 0 && evl_story_finite (sd, sd->tok_ev[i]))
        /* '... a day after Xi held talks with ...': the object of the
         * clause's verb, a few words on, is in that clause */
        return t - i <= 3 && !noun_position (sd, sd->tok_ev[i]) ? temporal_prep_before (sd, i) : -1;
    }
  return -1;
}

/* temporal_prep_before() of event @k (at its token @t), once: nearest
 * timex and the tense-anchored verb search both ask it of an event
 * (0.15 M instructions of walking back again on the small corpus). */
static gint
event_prep_before (const EvlStoryDoc *sd, guint k, gint t)
{
  if (sd->ev_prep[k] == 0)
    sd->ev_prep[k] = temporal_prep_before (sd, t) + 2;
  return sd->ev_prep[k] - 2;
}

/* A 'but' between token @t and timex token @b, opening a clause with a
 * verb of its own before @b: 'sent agents to investigate the bombings,
 * but there was no word on Tuesday' sets another situation against the
 * first, its date no evidence for the first's events, nouns or verbs
 * ('demanded a ransom, but negotiations broke off at noon Thursday';
 * 'occurred miles apart but minutes apart on Friday' has no second
 * verb). */
static gboolean
contrast_between (const EvlStoryDoc *sd, gint t, gint b)
{
  gint i = t + 1;
  while (i < b && !(EVL_SPAN_LEN (sd->tok[i].span) == 3 && evl_story_token_is (sd, (guint) i, "but")))
    i++;
  for (i++; i < b; i++)
    if ((evl_story_cls (sd, i) & EVL_STORY_C_BE)
        || (sd->tok_ev[i] >= 0 && evl_story_finite (sd, sd->tok_ev[i]) && !noun_position (sd, sd->tok_ev[i])))
      return TRUE;
  return FALSE;
}

/* A ', and' between token @t and timex token @b that opens a clause
 * with a subject of its own, its finite verb near the date: 'The men
 * were not termed suspects, and police on Saturday played down the
 * idea' tells a second situation, its date no evidence for the first
 * clause's events; so does a comma-set predicate with its own
 * auxiliary ('was spotted near the house, and was found at the airport
 * in December').  (An 'and' right before an event verb is left to
 * joined_verb().) */
static gboolean
and_clause_between (const EvlStoryDoc *sd, gint t, gint b)
{
  gint i = t + 1;
  while (i < b && !(evl_story_is (sd, i, EVL_W_AND) && evl_story_is (sd, i - 1, EVL_W_COMMA)))
    i++;
  if (i >= b || sd->tok_ev[i + 1] >= 0)
    return FALSE;
  /* (a comma after the 'and' makes it the last item of a list: 'at the
   * embassies in Dar es Salaam, Tanzania, and Nairobi, Kenya, on Aug. 7
   * killed') */
  for (gint j = i + 1; j < b; j++)
    if (evl_story_is (sd, j, EVL_W_COMMA))
      return FALSE;
  for (gint j = i + 2; j < (gint) sd->n_tok && j <= b + 6 && sd->tok[j].sentence == sd->tok[b].sentence; j++)
    if (sd->tok_ev[j] >= 0 && evl_story_finite (sd, sd->tok_ev[j]) && !noun_position (sd, sd->tok_ev[j]))
      return TRUE;
  return FALSE;
}

/* The verb at token @v opens a participle phrase set off by commas
 * after the sentence's subject, closed by the comma at token @c, and
 * the main verb follows at event token @t: 'The bill, passed by the
 * Senate in May, was signed into law', whose date is the participle's
 * as a 'which' clause's would be.  Not a verb of the main clause after
 * a fronted phrase ('Police, acting on a tip, raided the house on
 * Monday, and found'): nothing finite before it, and the main verb or
 * its auxiliary right after the closing comma. */
static gboolean
subject_participle (const EvlStoryDoc *sd, gint v, gint c, gint t)
{
  gint32 o = sd->tok_ev[v];
  if (v < 2 || !(evl_story_cls (sd, v - 1) & EVL_STORY_C_CLAUSE_PUNCT) || !evl_story_verbal (sd, o)
      || noun_position (sd, o) || c + 1 > t || sd->tok[v - 2].sentence != sd->tok[v].sentence)
    return FALSE;
  gint n = c + 1;
  if (!(evl_story_cls (sd, n) & (EVL_STORY_C_BE | EVL_STORY_C_MODAL)) && n != t
      && !evl_story_token_is (sd, (guint) n, "has") && !evl_story_token_is (sd, (guint) n, "have")
      && !evl_story_token_is (sd, (guint) n, "had"))
    return FALSE;
  /* (the subject of the sentence or of a 'that' clause: 'ruled that
   * the ban, imposed in 2021, was unlawful') */
  for (gint j = v - 2; j >= 0 && sd->tok[j].sentence == sd->tok[v].sentence; j--)
    if (evl_story_cls (sd, j) & EVL_STORY_C_COMPLEMENTIZER)
      return TRUE;
    else if (sd->tok_ev[j] >= 0 || (evl_story_cls (sd, j) & EVL_STORY_C_CLAUSE_PUNCT))
      return FALSE;
  return TRUE;
}

/* The comma at token @i closes an aside that a comma after token @lo
 * opened, a name's apposition or a participle's list: 'where Kopp, a
 * protester, lived last year', 'which killed 224 people, including 12
 * Americans, on Aug. 7'.  The clause goes on around it.  Up to six
 * tokens between, no finite verb, date, clause word or other mark among
 * them, a word before the opening comma.  The opening comma, or -1. */
static gint
aside_opener (const EvlStoryDoc *sd, gint i, gint lo)
{
  /* (a comma before a closing quote ends the quotation's clause) */
  if (!evl_story_is (sd, i, EVL_W_COMMA) || (sd->tok[i + 1].flags & EVL_TOKEN_QUOTE))
    return -1;
  for (gint j = i - 1; j > lo + 1 && i - j <= 7 && sd->tok[j].sentence == sd->tok[i].sentence; j--)
    {
      if (evl_story_is (sd, j, EVL_W_COMMA))
        return j < i - 1 && (sd->tok[j - 1].flags & EVL_TOKEN_WORD) ? j : -1;
      gint32 o = sd->tok_ev[j];
      if (sd->tok_tx[j] >= 0 || (o >= 0 && evl_story_finite (sd, o) && !nominal (sd, o))
          || (evl_story_cls (sd, j) & (EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_PUNCT))
          || (sd->tok[j].flags & EVL_TOKEN_QUOTE))
        return -1;
    }
  return -1;
}

/* Finite auxiliaries and modals: a clause's verb as much as a finite
 * event ('who was injured', 'which had begun'). */
static const char *const finite_aux[] = { "is", "are", "was", "were", "has", "have", "had", "will", "would",
                                          "can", "could", "may", "might", "should", "must", NULL };

/* Token @i is a finite verb: a finite verb event or a finite auxiliary. */
static gboolean
finite_at (const EvlStoryDoc *sd, gint i)
{
  gint32 o = sd->tok_ev[i];
  return o >= 0 ? evl_story_finite (sd, o) && !nominal (sd, o)
                : evl_story_token_among (sd, i, finite_aux) && !evl_story_is (sd, i - 1, EVL_W_TO);
}

/* The relative pronoun at token @w opens a subject relative clause on
 * the noun before it: right before its verb or auxiliary ('the war that
 * began', 'a nurse who was injured'), after a word that is no verb, no
 * preposition and no function word.  'that we are willing to talk' is a
 * report's clause, with a subject of its own; 'said that ...' a report. */
static gboolean
subject_relative (const EvlStoryDoc *sd, gint w)
{
  if (w <= 0 || w + 1 >= (gint) sd->n_tok || !finite_at (sd, w + 1))
    return FALSE;
  gint h = w - 1;
  gint32 he = sd->tok_ev[h];
  return (sd->tok[h].flags & EVL_TOKEN_WORD) && sd->tok_tx[h] < 0 && (he < 0 || nominal (sd, he))
         && !(evl_story_cls (sd, h) & (EVL_STORY_C_PREP | EVL_STORY_C_FUNCTION | EVL_STORY_C_CLAUSE_WORD));
}

/* Timex @x is inside a relative clause on a noun, after the clause's
 * own finite verb, and event @k at token @t is at or after the first
 * finite verb past the timex, the main clause's: 'The man who fled on
 * Friday was arrested', 'a nurse who was hurt in the 1998 bombing in
 * Birmingham, Ala., was among those who attended'.  The clause tells of
 * its noun; the main verb has its own time.  An 'and', 'or' or 'but'
 * right before a verb joins a second verb to the relative one, which the
 * clause goes on past ('who was arrested Friday and charged with murder
 * was freed'); one before anything else, or a clause word, opens another
 * clause: either leaves the date alone.  A 'that' counts only after a word that
 * is no verb ('said that ...' opens a report); one with a comma before it
 * is the existing comma rules' (bounding_date()). */
static gboolean
closed_relative_date (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  static const char *const relative[] = { "who", "which", "that", NULL };
  static const char *const joins[] = { "and", "or", "but", "nor", NULL };
  gint f = sd->tx_first[x], a = (gint) sd->tx_end[x];
  if (f <= 1 || t < a || t - a > 24 || sd->tok[t].sentence != sd->tok[f].sentence)
    return FALSE;
  gint w = -1;
  gboolean verb = FALSE;
  for (gint i = f - 1; i > 0 && f - i <= 15 && sd->tok[i].sentence == sd->tok[f].sentence; i--)
    {
      if (sd->tok_tx[i] >= 0 || (evl_story_cls (sd, i) & EVL_STORY_C_CLAUSE_PUNCT))
        return FALSE;
      gint32 o = sd->tok_ev[i];
      if (o >= 0 && evl_story_finite (sd, o) && !nominal (sd, o))
        verb = TRUE;
      if (evl_story_cls (sd, i) & EVL_STORY_C_CLAUSE_WORD)
        {
          w = i;
          break;
        }
    }
  if (w <= 0 || !verb || !evl_story_token_among (sd, w, relative) || !subject_relative (sd, w))
    return FALSE;
  for (gint i = a; i <= t; i++)
    {
      if (sd->tok_tx[i] >= 0)
        continue;
      if (finite_at (sd, i))
        return TRUE;
      /* ('who was arrested Friday and charged with murder was freed': a
       * verb the 'and' joins goes on with the relative clause, and the
       * event may not be that verb) */
      if (evl_story_token_among (sd, i, joins) && i + 2 <= t && sd->tok_ev[i + 1] >= 0
          && sd->tok_ev[i + 1] != (gint32) k && verb_event (sd, sd->tok_ev[i + 1]))
        {
          i++;
          continue;
        }
      if ((evl_story_cls (sd, i) & (EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_PREP))
          || evl_story_token_among (sd, i, joins) || (sd->tok[i].flags & EVL_TOKEN_QUOTE)
          || ((evl_story_cls (sd, i) & EVL_STORY_C_CLAUSE_PUNCT) && !evl_story_is (sd, i, EVL_W_COMMA)))
        return FALSE;
    }
  return FALSE;
}

/* The relative pronoun at token @i is no subject: the word after it is
 * neither a verb (an event, 'be', a modal, 'has') nor an adverb, but the
 * start of the clause's own subject ('which union members will vote on',
 * 'which it signed'). */
static gboolean
relative_subject_of_its_own (const EvlStoryDoc *sd, gint i)
{
  static const char *const verbal[] = { "has", "have", "had", "also", "still", "never", "now", "then",
                                        "already", "just", "not", NULL };
  gint n = i + 1;
  if (n >= (gint) sd->n_tok || sd->tok[n].sentence != sd->tok[i].sentence
      || !(sd->tok[n].flags & EVL_TOKEN_WORD) || sd->tok_ev[n] >= 0 || sd->tok_tx[n] >= 0
      || (evl_story_cls (sd, n) & (EVL_STORY_C_BE | EVL_STORY_C_MODAL | EVL_STORY_C_CLAUSE_PUNCT)))
    return FALSE;
  gsize len = EVL_SPAN_LEN (sd->tok[n].span);
  const char *w = sd->text + sd->tok[n].span.start;
  if (len > 4 && w[len - 2] == 'l' && w[len - 1] == 'y')
    return FALSE;
  return !evl_story_token_among (sd, n, verbal);
}

/* Timex @x dates a clause or phrase that event @k (at token @t) is not
 * part of: a 'since' clause or phrase starts the span event @k fills
 * ('has been the focus of a battle since he was found on Nov. 25',
 * 'have fought three wars since independence in 1947'; 'since 1990'
 * right before it is left to the tense tests), and a 'who'/'which'
 * clause tells of its own noun, a 'where' clause of its place ('held
 * talks in Italy, where the Senate voted last week'). */
static gboolean
bounding_date (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  static const char *const relative[] = { "who", "whose", "which", "where", NULL };
  gint f = sd->tx_first[x];
  if (f <= 0)
    return FALSE;
  if (t > f && closed_relative_date (sd, k, t, x))
    return TRUE;
  /* 'since 1990' right before the timex is left to the tense tests, but
   * inside a 'who' clause before the event it is that clause's ('Marsh,
   * who had led the bank since 2015, said he took responsibility') */
  /* A 'since' date starts a span: it is the date of a perfect that runs
   * on from it ('has seen outflows since September', TimeML's DURING),
   * never of a simple past, which the span only counts back over ('a
   * service included the lighting of candles for those killed since
   * 1993' was no service in 1993; the past lit nothing then).  (A 'who'
   * clause's own date is the clause's, below.) */
  /* A 'through' date ends the span of the verb before it, and is no
   * date of the events before that verb or after the date: 'thinks steelmakers will report losses
   * through the third quarter of 1990' is no thinking then, nor are 'the
   * price wars flaring up' that 'will continue through next year'. */
  static const char *const through[] = { "through", "throughout", NULL };
  if (evl_story_token_among (sd, f - 1, through))
    {
      gint vt = -1;
      for (gint i = f - 2; i >= 0 && f - i <= 12 && vt < 0 && sd->clause[i] == sd->clause[f]; i--)
        if (sd->tok_ev[i] >= 0 && verb_event (sd, sd->tok_ev[i]))
          vt = i;
      /* (what follows that verb up to the date is inside its span too,
       * 'advances made through this week'; a clause the date opens,
       * 'Through Oct. 19, funds had a return', dates the verb after) */
      if (vt >= 0 && (t < vt || t > f))
        return TRUE;
    }
  /* A 'from' date right after a word that is no event and no number
   * tells where a thing dates from ('a campaign poster from 1989', 'a
   * letter from May') or what a figure is measured against ('rose 0.5
   * percent from February 1996'), not when anything of the clause
   * happened; not a span's start, which a 'to' or 'until' closes
   * ('served from 1989 to 1993').  Nor a possessive date, which 'from'
   * governs with its noun ('the toll from Sunday's earthquake': the
   * quake's day). */
  if (f >= 2 && evl_story_token_is (sd, (guint) f - 1, "from") && sd->tok_ev[f - 2] < 0 && sd->tok_tx[f - 2] < 0
      && (sd->tok[f - 2].flags & EVL_TOKEN_WORD) && !(evl_story_cls (sd, f - 2) & EVL_STORY_C_PREP))
    {
      static const char *const ends[] = { "to", "until", "till", "through", "and", NULL };
      gint e = f;
      while (e + 1 < (gint) sd->n_tok && sd->tok_tx[e + 1] == (gint32) x)
        e++;
      if (e + 1 >= (gint) sd->n_tok
          || !(evl_story_token_among (sd, e + 1, ends) || (evl_story_cls (sd, e + 1) & EVL_STORY_C_POSSESSIVE)))
        return TRUE;
    }
  gboolean since = evl_story_is (sd, f - 1, EVL_W_SINCE);
  if (since)
    {
      gint32 o = evl_story_finite (sd, (gint32) k) && !nominal (sd, (gint32) k) ? (gint32) k : clause_verb (sd, k, t);
      if (o >= 0 && tense_is (sd, (guint) o, EVL_STORY_TF_PAST) && !tense_is (sd, (guint) o, EVL_STORY_TF_PERFECT))
        return TRUE;
      if (t < f)
        return FALSE;
    }
  /* 'Jobs, born in San Francisco on February 24, 1955, has built': a
   * date inside the subject's appositive is the appositive's */
  gint open, close;
  if (t > f && evl_story_appositive (sd, t, &open, &close) >= 0 && open < f && f < close)
    return TRUE;
  gboolean same = sd->clause[t] == sd->clause[f];
  /* a 'who'/'which' clause set off by a comma tells of its noun: a date
   * after the comma that closes it is the main clause's ('The envoy, who
   * arrived in the capital, met the king at noon') */
  if (t < f && !same && sd->tok[t].sentence == sd->tok[f].sentence)
    {
      gint w = clause_opener (sd, t, relative, 0);
      gboolean closed = FALSE;
      if (w > 0 && (evl_story_cls (sd, w - 1) & EVL_STORY_C_CLAUSE_PUNCT))
        for (gint j = t + 1; j < f; j++)
          {
            if (evl_story_cls (sd, j) & EVL_STORY_C_CLAUSE_PUNCT)
              closed = TRUE;
            /* ... and the main clause's verb after the comma: a comma of
             * a list inside the clause ('stepped down as chairman,
             * president and chief executive in March') closes nothing */
            else if (closed && sd->tok_ev[j] >= 0 && sd->tok_ev[j] != (gint32) k
                     && evl_story_finite (sd, sd->tok_ev[j]))
              /* (a closing attribution's date is reported_date()'s to
               * judge: 'who had been arrested, papers reported Friday') */
              return sd->ev[sd->tok_ev[j]].klass != EVL_EVENT_CLASS_REPORTING;
          }
    }
  /* after the timex, only past a comma that closes its clause ('Since
   * the ruling was announced Wednesday, they have said'; not 'since
   * troops stormed the square on June 4 and fired, killing hundreds') */
  gint a = (gint) sd->tx_end[x];
  /* ... the comma after the time's whole phrase ('at noon on Wednesday,',
   * 'between 1991 and 1996,') */
  while (a + 1 < (gint) sd->n_tok && t > a
         && (sd->tok_tx[a] >= 0
             || ((evl_story_cls (sd, a) & (EVL_STORY_C_PREP | EVL_STORY_C_LOC_PREP | EVL_STORY_C_CONJ))
                 && sd->tok_tx[a + 1] >= 0)))
    a++;
  if (t > f && (same || a >= (gint) sd->n_tok || !(evl_story_cls (sd, a) & EVL_STORY_C_CLAUSE_PUNCT)))
    return FALSE;
  /* the word that opens the timex's clause or phrase, up to 15 tokens
   * back, not past a comma or the event; for an event after the timex's
   * closing comma, past another timex ('The ship, which docked at noon
   * on Wednesday, was detained': the 'which' opens Wednesday's clause
   * too); before the timex another one may close a clause ('the men who
   * launched the revolution decades ago in a rally Saturday') */
  gint lo = t < f ? t : -1;
  for (gint i = f - 1 - since; i > lo && f - i <= 15 && sd->tok[i].sentence == sd->tok[f].sentence; i--)
    {
      if (sd->tok_tx[i] >= 0 && t < f)
        return FALSE;
      if (sd->tok_tx[i] >= 0)
        continue;
      /* the 'since' of another time is that time's */
      if (i + 1 < f && sd->tok_tx[i + 1] >= 0 && sd->tok_tx[i + 1] != x && evl_story_is (sd, i, EVL_W_SINCE))
        return FALSE;
      if (evl_story_cls (sd, i) & EVL_STORY_C_CLAUSE_PUNCT)
        {
          gint o = aside_opener (sd, i, lo);
          if (o < 0)
            return FALSE;
          i = o;
          continue;
        }
      if (evl_story_is (sd, i, EVL_W_SINCE))
        return !since;
      if (t > f && sd->tok_ev[i] >= 0 && sd->tok_ev[i] != (gint32) k && !same
          && subject_participle (sd, i, a, t))
        return TRUE;
      /* up to 15 tokens for every candidate timex: the length (3 or 5)
       * and the 'w' before the strings */
      gsize len = EVL_SPAN_LEN (sd->tok[i].span);
      if ((len != 3 && len != 5) || (sd->text[sd->tok[i].span.start] | 0x20) != 'w'
          || !evl_story_token_among (sd, i, relative))
        continue;
      /* a 'who' clause set off by commas before the event tells of its
       * subject ('Albright, who fled after the takeover in 1948, made no
       * secret of her joy') */
      if (t > f)
        return !same && i > 0 && (evl_story_cls (sd, i - 1) & EVL_STORY_C_CLAUSE_PUNCT)
               && sd->tok[i].sentence == sd->tok[t].sentence;
      if (same)
        return FALSE;
      /* a 'who'/'which' clause's date is not the main clause's before it
       * ('children flooded the square for the boy whose rescue two
       * months ago ...'), but may be that of the noun it tells of ('a
       * ruling on the case, which is expected next month'): no other
       * event up to the pronoun */
      for (gint j = t + 1; j < i; j++)
        if (sd->tok_ev[j] >= 0 && sd->tok_ev[j] != (gint32) k)
          return TRUE;
      /* ... unless the clause has a subject of its own, whose deed the
       * date is ('the agreement, which members will vote on next week':
       * the vote's; 'which is expected next month' tells of the noun) */
      if (relative_subject_of_its_own (sd, i))
        return TRUE;
      return !nominal (sd, (gint32) k) || i - t > 6;
    }
  return FALSE;
}

/* A finite predicate other than event @k at a token between @a and @b
 * (exclusive), not a participle right after a comma, which tells of the
 * noun before it ('in the letter, dated Monday'). */
static gboolean
finite_between (const EvlStoryDoc *sd, guint k, gint a, gint b)
{
  for (gint j = a + 1; j < b; j++)
    {
      gint32 o = sd->tok_ev[j];
      if (o >= 0 && o != (gint32) k && evl_story_finite (sd, o) && !noun_position (sd, o)
          && !(evl_story_cls (sd, j - 1) & EVL_STORY_C_CLAUSE_PUNCT))
        return TRUE;
    }
  return FALSE;
}

/* Timex @x is the article's day or a time of it. */
static gboolean
article_day (const EvlStoryDoc *sd, const EvlTimex *x)
{
  EvlDay dct = evl_document_get_dct_day (sd->doc);
  return x->grain <= EVL_GRAIN_DAY && x->begin <= dct && dct <= x->end;
}

/* The timex at token @i (its verb @v) is no date of event @k at token
 * @t, a finite saying or an 'according': a saying's date stands next to
 * it ('said Friday', 'On Friday, officials said'); one past another
 * predicate is that of what it reports ('said he was in Kansas City in
 * 1968'), and one before an attribution that closes a report is the
 * report's ('the car was found last month at the airport, the FBI
 * said'); unless it dates a temporal clause of the saying ('officials
 * said as dawn broke Saturday'). */
static gboolean
reported_only (const EvlStoryDoc *sd, guint k, gint t, gint i, gint32 v)
{
  /* ('according to' attributes as a saying does: 'funds flowed out last
   * week, according to estimates') */
  if (sd->ev[k].klass != EVL_EVENT_CLASS_REPORTING || noun_position (sd, (gint32) k)
      || !(evl_story_finite (sd, (gint32) k) || evl_story_token_is (sd, (guint) t, "according"))
      || (v >= 0 && saying_verb (sd, v) == (gint32) k))
    return FALSE;
  /* A saying of no date of its own is the article's day's: a date of
   * that day is no other evidence ('``Today, we have a suspect,'' said');
   * but a time of that day before it is the report's ('lost contact at
   * 7:42 a.m., the authority said'). */
  const EvlTimex *x = &sd->tx[sd->tok_tx[i]];
  if (article_day (sd, x) && (i > t || x->grain >= EVL_GRAIN_PART_OF_DAY || x->grain == EVL_GRAIN_NONE))
    return FALSE;
  if (i > t)
    return finite_between (sd, k, t, i);
  /* before the saying: a comma between, and a predicate before it
   * from the sentence's start */
  gboolean comma = FALSE;
  for (gint j = i + 1; j < t && !comma; j++)
    comma = (evl_story_cls (sd, j) & EVL_STORY_C_CLAUSE_PUNCT) != 0;
  gint s = i;
  while (s > 0 && sd->tok[s - 1].sentence == sd->tok[t].sentence)
    s--;
  if (!comma)
    return FALSE;
  if (finite_between (sd, k, s - 1, t))
    return TRUE;
  /* A saying that closes the sentence reports all before it, so a verb
   * right after a comma is the report's own, not a participle of its
   * subject ('The firm, rebounding from a loss, expects profit for the
   * third quarter, its chairman said'; 'Last week, Freeh, on a visit to
   * Mexico, asked ..., officials said'). */
  for (gint j = t + 1; j < (gint) sd->n_tok && sd->tok[j].sentence == sd->tok[t].sentence; j++)
    if (sd->tok_ev[j] >= 0 && sd->tok_ev[j] != (gint32) k)
      return FALSE;
  for (gint j = s; j < t; j++)
    if (sd->tok_ev[j] >= 0 && sd->tok_ev[j] != (gint32) k && evl_story_finite (sd, sd->tok_ev[j])
        && !noun_position (sd, sd->tok_ev[j]))
      return TRUE;
  return FALSE;
}

/* Event @k at token @t and the timex at token @i are on the two sides of
 * a quotation that opens the sentence: the speaker's words and the
 * attribution after them tell of two times.  A date in the quote is not
 * the saying's ('"We haven't done as much as we need to," said Woolard,
 * in an interview before he took office in April' was no saying in
 * April), unless it is the article's day, the saying's too ('"Today is a
 * sad day," said').  The saying's date is not that of a quoted event,
 * but for a present, which is said as it is spoken ('"I formally object
 * to the moves," he said in the letter dated Monday').  A quotation
 * inside the sentence is part of its clause ('profits were "squeezed" in
 * 1989'). */
static gboolean
across_quote (const EvlStoryDoc *sd, guint k, gint t, gint i)
{
  gboolean qt = evl_story_quoted (sd, t);
  if (qt == evl_story_quoted (sd, i))
    return FALSE;
  if (qt && tense_is (sd, k, EVL_STORY_TF_PRESENT))
    return FALSE;
  if (!qt && article_day (sd, &sd->tx[sd->tok_tx[i]]))
    return FALSE;
  gint q = qt ? t : i;
  for (gint j = q - 1; j >= 0 && sd->tok[j].sentence == sd->tok[q].sentence; j--)
    if (!evl_story_quoted (sd, j) && !(sd->tok[j].flags & EVL_TOKEN_QUOTE))
      return FALSE;
  return TRUE;
}

/* Token @i is a dash, which may set off an aside: the wire copy's '_',
 * '--', an em or an en dash. */
static gboolean
dash (const EvlStoryDoc *sd, gint i)
{
  EvlSpan sp = sd->tok[i].span;
  const guchar *p = (const guchar *) sd->text + sp.start;
  switch (EVL_SPAN_LEN (sp))
    {
    case 1:
      return p[0] == '_';
    case 2:
      return p[0] == '-' && p[1] == '-';
    case 3:
      return p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94);
    default:
      return FALSE;
    }
}

/* The timex at token @i is inside an aside set off by dashes that
 * event token @t is outside of: 'officials said they would issue a
 * warrant _ a rifle was found in April _' or 'based on evidence _ a
 * rifle found in April _, officials said': the aside's date is its own
 * events', not the sentence's.  (An aside of the event's own may share
 * a date outside it: 'predicting slower growth -- and more earnings
 * disappointments -- for the fourth quarter', 'Since 1985 _ when the
 * Israelis created a buffer zone _'.) */
static gboolean
aside_date (const EvlStoryDoc *sd, gint t, gint i)
{
  gint lo = MIN (t, i), hi = MAX (t, i), n = 0;
  for (gint j = lo + 1; j < hi; j++)
    n += dash (sd, j);
  if (n % 2 == 0)
    return FALSE;
  /* a dash of the sentence beyond the timex closes the aside */
  guint32 s = sd->tok[t].sentence;
  gint step = i > t ? 1 : -1;
  for (gint j = i + step; j >= 0 && j < (gint) sd->n_tok && ABS (j - i) <= EVL_STORY_REACH
                          && sd->tok[j].sentence == s; j += step)
    if (dash (sd, j))
      return TRUE;
  return FALSE;
}

/* Timex @x at token @i closes a comparison that follows event @k at
 * token @t: 'profit soared to $155 million from $99 million a year
 * earlier', 'posted a loss of $2.3 million, versus net income of $5.3
 * million a year earlier': an 'earlier' or 'ago' date after 'from',
 * 'versus', 'compared' or 'than' and an amount dates the compared
 * figure, not the event before it. */
static gboolean
comparison_date (const EvlStoryDoc *sd, gint t, gint i, gint32 x)
{
  static const char *const words[] = { "from", "versus", "compared", "than", NULL };
  gint f = sd->tx_first[x], l = (gint) sd->tx_end[x] - 1;
  if (i < t || f <= t || l < f)
    return FALSE;
  EvlSpan e = sd->tok[l].span;
  gsize n = EVL_SPAN_LEN (e);
  if (!(n == 3 && evl_story_token_is (sd, (guint) l, "ago")) && !(n == 7 && evl_story_token_is (sd, (guint) l, "earlier")))
    return FALSE;
  gboolean amount = FALSE;
  for (gint j = f - 1; j > t; j--)
    if (g_ascii_isdigit (sd->text[sd->tok[j].span.start]))
      amount = TRUE;
    else if (amount && evl_story_token_among (sd, j, words))
      return TRUE;
  return FALSE;
}

/* Timex @x at token @i, after the article's day, is the date of an
 * infinitive between it and event @k at token @t, a present intention
 * or expectation: 'are expected to join in April', 'hopes to win seats
 * this September' (the expecting and the hoping are now). */
static gboolean
intended_date (const EvlStoryDoc *sd, guint k, gint t, gint i, gint32 x)
{
  if (i < t || !tense_is (sd, k, EVL_STORY_TF_PRESENT) || tense_is (sd, k, EVL_STORY_TF_PERFECT)
      || noun_position (sd, (gint32) k) || sd->tx[x].begin <= evl_document_get_dct_day (sd->doc))
    return FALSE;
  for (gint j = t + 1; j < i && j - t <= 4; j++)
    if (sd->tok_ev[j] >= 0 && sd->tok_ev[j] != (gint32) k && evl_story_is (sd, j - 1, EVL_W_TO)
        && untensed_verb (sd, j))
      return TRUE;
  return FALSE;
}

/* Timex @x at token @i is the deadline or the coming date of an
 * infinitive between it and event @k at token @t, with no finite verb
 * between: 'announcing a plan to rebuild the schools by the end of the
 * year', 'agreed to hold talks next month' (the announcing and the
 * agreeing were not then).  Only a 'by' date or one that reaches past
 * the article's day: a past one may be the whole trip's ('went to Paris
 * to meet officials on Monday'). */
static G_NO_INLINE gboolean
deadline_date (const EvlStoryDoc *sd, guint k, gint t, gint i, gint32 x)
{
  gint f = sd->tx_first[x];
  if (i < t || sd->tok[f].sentence != sd->tok[t].sentence)
    return FALSE;
  EvlDay dct = evl_document_get_dct_day (sd->doc);
  if (!evl_story_is (sd, f - 1, EVL_W_BY) && (dct == 0 || sd->tx[x].end <= dct))
    return FALSE;
  gboolean infinitive = FALSE;
  for (gint j = t + 1; j < f; j++)
    {
      gint32 o = sd->tok_ev[j];
      if (o < 0 || o == (gint32) k)
        continue;
      /* (a verb: not 'in response to unrest') */
      if (evl_story_is (sd, j - 1, EVL_W_TO) && evl_story_verbal (sd, o) && untensed_verb (sd, j))
        infinitive = TRUE;
      else if (evl_story_finite (sd, o) && !noun_position (sd, o))
        return FALSE;
    }
  return infinitive;
}

/* Nominal @k at token @t is what its clause answers for or is over
 * ('responsible for the death', 'protests over the killings'), and timex
 * @x not its own: the noun happened before the clause, at no date of
 * another clause of the sentence ('"he is responsible for the death of
 * the doctor," an agent said in April').  (A noun 'since' names may take
 * the date of its own 'that' clause: 'since the revolution that brought
 * him to power 41 years ago'.) */
static gboolean
answers_for (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  if (!nominal (sd, (gint32) k) || own_date (sd, t, x))
    return FALSE;
  gint j = respond_word (sd, t);
  return j >= 0 && (strcmp (respond_preps[j], "for") == 0 || strcmp (respond_preps[j], "over") == 0);
}

/* Nominal @k at token @t is what another happening is about, so that
 * happening's date, before the noun, is not the noun's: the noun phrase
 * after 'into', 'about' or 'against' following an event ('opened an
 * investigation on Monday into the purchase'), or after 'of' whose verb
 * comes first, past its object ('a jury on Thursday convicted the mayor
 * of taking bribes').  After the noun, a date may be its own as well
 * ('suspected of blowing up a jet in 1988', 'the capture on March 26'),
 * but for a happening told of before that a verb is about, even right
 * after it: 'will vote on the deal in September', '... the deal next
 * week'.  An event noun before 'of' keeps the date
 * ('the end of the war in 1945'), and so does a date of the noun's own
 * before it. */
static gboolean
subject_matter (const EvlStoryDoc *sd, guint k, gint t, gint32 x)
{
  static const char *const about[] = { "into", "about", "against", NULL };
  gboolean after = sd->tx_first[x] > t;
  if (!nominal (sd, (gint32) k) || (!after && own_date (sd, t, x)))
    return FALSE;
  guint32 sent = sd->tok[t].sentence;
  const guint32 stop = EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_BREAK;
  /* (eight words: "into Acme's planned $4 billion purchase") */
  for (gint i = t - 1; i >= 0 && t - i <= 8 && sd->tok[i].sentence == sent; i--)
    {
      gint32 o = sd->tok_ev[i];
      /* (a participle inside the noun phrase: "Acme's planned purchase") */
      gboolean modifier = o >= 0 && i > 0
                          && (noun_position (sd, o) || (evl_story_cls (sd, i - 1) & EVL_STORY_C_POSSESSIVE));
      if ((o >= 0 && evl_story_finite (sd, o) && !modifier) || sd->tok_tx[i] >= 0 || (evl_story_cls (sd, i) & stop))
        return FALSE;
      if (!(evl_story_cls (sd, i) & EVL_STORY_C_PREP))
        continue;
      gboolean matter = !after && evl_story_token_among (sd, i, about);
      gboolean of = !after && evl_story_token_is (sd, (guint) i, "of");
      gboolean on = after && evl_story_token_is (sd, (guint) i, "on") && told_before (sd, k, t);
      if (!matter && !of && !on)
        return FALSE;
      /* back to the event it follows: through a timex and its
       * preposition, and for 'of'/'on' through the verb's object */
      for (gint j = i - 1; j >= 0 && i - j <= 8 && sd->tok[j].sentence == sent; j--)
        {
          gint32 g = sd->tok_ev[j];
          if (g >= 0)
            return matter || (evl_story_verbal (sd, g) && !noun_position (sd, g));
          if (sd->tok_tx[j] >= 0)
            continue;
          guint32 cls = evl_story_cls (sd, j);
          if (cls & stop)
            return FALSE;
          if ((cls & EVL_STORY_C_PREP) && !(j + 1 < i && sd->tok_tx[j + 1] >= 0))
            return FALSE;
        }
      return FALSE;
    }
  return FALSE;
}

/* Timex @x at token @i, after event @k at token @t, is inside a noun
 * phrase set off by a comma after the event's clause, with no verb of
 * its own ('offered 520 pence a share, a premium of 38 percent to the
 * closing price on Friday', 'was arrested, a day after the raid on
 * Sunday'): the date belongs to a noun of the phrase, not the event. */
static G_NO_INLINE gboolean
appositive_date (const EvlStoryDoc *sd, guint k, gint t, gint i, gint32 x)
{
  /* (a comma ends the clause) */
  if (i <= t || sd->clause[i] == sd->clause[t])
    return FALSE;
  gint f = sd->tx_first[x], comma = -1;
  for (gint j = f - 1; j > t && comma < 0; j--)
    {
      gint32 o = sd->tok_ev[j];
      guint32 cls = evl_story_cls (sd, j);
      if ((o >= 0 && o != (gint32) k && verb_event (sd, o))
          || ((cls & EVL_STORY_C_BE) && !(cls & EVL_STORY_C_POSSESSIVE)))
        return FALSE;
      if (evl_story_is (sd, j, EVL_W_COMMA))
        comma = j;
    }
  /* (not the timex's own article: '..., a year ago') */
  if (comma < 0 || comma + 1 >= f
      || !(evl_story_is (sd, comma + 1, EVL_W_A) || evl_story_is (sd, comma + 1, EVL_W_AN)
           || evl_story_is (sd, comma + 1, EVL_W_THE)))
    return FALSE;
  /* (nor a subject's: ', the ministry on Sunday issued a warning') */
  guint32 sent = sd->tok[t].sentence;
  for (gint j = (gint) sd->tx_end[x];
       j < (gint) sd->n_tok && sd->tok[j].sentence == sent && !(evl_story_cls (sd, j) & EVL_STORY_C_CLAUSE_PUNCT);
       j++)
    if (verb_event (sd, sd->tok_ev[j]) || (evl_story_cls (sd, j) & EVL_STORY_C_BE))
      return FALSE;
  return TRUE;
}

/* Nominal @k at token @t is inside a prepositional complement of another
 * noun in the subject of verb @v after it, and timex @x that verb's date
 * ('the death toll from the earthquake rose on Tuesday', 'talks on the
 * attack resumed Monday'): the rising or resuming is at that date, not
 * the happening the subject's head noun is about.  ('in', 'at' and
 * 'during' place the head inside the happening: 'arrests during the
 * protests rose on Monday'.) */
static G_NO_INLINE gboolean
complement_date (const EvlStoryDoc *sd, guint k, gint t, gint32 x, gint32 v)
{
  if (v < 0 || v == (gint32) k || !nominal (sd, (gint32) k) || own_date (sd, t, x))
    return FALSE;
  gint vt = sd->ev_tok[v];
  if (vt <= t || sd->clause[vt] != sd->clause[t] || !evl_story_finite (sd, v) || nominal (sd, v))
    return FALSE;
  const guint32 np_stop = EVL_STORY_C_PREP | EVL_STORY_C_FUNCTION | EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_BE
                          | EVL_STORY_C_MODAL | EVL_STORY_C_CONJ | EVL_STORY_C_CLAUSE_PUNCT
                          | EVL_STORY_C_CLAUSE_BREAK;
  gint i = t - 1;
  while (i > 0 && t - i <= 6 && sd->clause[i] == sd->clause[t] && sd->tok_tx[i] < 0
         && ((evl_story_cls (sd, i) & (EVL_STORY_C_POSSESSIVE | EVL_STORY_C_DEFINITE | EVL_STORY_C_NOUN_DET))
             || ((sd->tok[i].flags & EVL_TOKEN_WORD) && !(evl_story_cls (sd, i) & np_stop)
                 && (sd->tok_ev[i] < 0 || nominal (sd, sd->tok_ev[i])))))
    i--;
  guint32 pc = evl_story_cls (sd, i);
  if (i <= 0 || !(pc & EVL_STORY_C_PREP) || (pc & EVL_STORY_C_LOC_PREP) || evl_story_is (sd, i, EVL_W_TO)
      || evl_story_token_is (sd, (guint) i, "during") || sd->clause[i - 1] != sd->clause[t])
    return FALSE;
  /* the head: a noun, with no verb before it in the clause (a subject) */
  gint h = i - 1;
  if (!(sd->tok[h].flags & EVL_TOKEN_WORD) || sd->tok_tx[h] >= 0 || (evl_story_cls (sd, h) & np_stop)
      || (sd->tok_ev[h] >= 0 && !nominal (sd, sd->tok_ev[h])))
    return FALSE;
  for (gint j = h - 1; j >= 0 && sd->clause[j] == sd->clause[t]; j--)
    if (verb_event (sd, sd->tok_ev[j]) || (evl_story_cls (sd, j) & EVL_STORY_C_BE))
      return FALSE;
  return !predicate_between (sd, k, t, vt);
}

/* The finite verb whose happening participle @k at token @t, after a
 * comma, tells of ('..., spewing lava'), -1 when none; not 'according',
 * which attributes. */
static gint32
participle_head (const EvlStoryDoc *sd, guint k, gint t)
{
  if (t < 2 || !evl_story_is (sd, t - 1, EVL_W_COMMA) || !evl_story_verbal (sd, (gint32) k)
      || evl_story_finite (sd, (gint32) k) || sd->ev[k].klass == EVL_EVENT_CLASS_REPORTING)
    return -1;
  for (gint i = t - 2; i >= 0 && t - i <= 16 && sd->tok[i].sentence == sd->tok[t].sentence; i--)
    {
      if (evl_story_cls (sd, i) & EVL_STORY_C_CLAUSE_PUNCT)
        return -1;
      gint32 o = sd->tok_ev[i];
      if (o >= 0 && o != (gint32) k && evl_story_finite (sd, o) && !noun_position (sd, o))
        return o;
    }
  return -1;
}

/* Nearest usable timex to token @t within its clause, -1 when none, and
 * in *@in_sentence the nearest within its sentence; ties go to the right
 * (timexes usually follow their event).  One walk serves both: the
 * sentence's answer is the first candidate the clause's tests begin
 * with (a second walk for it was ~1.2 M instructions on the small
 * corpus, callgrind). */
/* Event @k at token @t is in the clause the 'when' at token @w opens:
 * within six tokens, or for a finite verb a clause 'and' joins to it
 * ('Thursday, when 135 people were arrested and police were forced to
 * use tear gas'), in its sentence with no clause punctuation between
 * (a noun that far may have a date of its own: 'since the triumph of
 * the revolution 41 years ago'). */
static gboolean
when_clause (const EvlStoryDoc *sd, guint k, gint w, gint t)
{
  if (sd->clause[w] == sd->clause[t] && t - w <= 6)
    return TRUE;
  /* (not a verb of a temporal clause inside it, which tells of another
   * time: 'when Castro promised mass mobilization until the boy was
   * returned') */
  if (!evl_story_finite (sd, (gint32) k) || noun_position (sd, (gint32) k) || temporal_clause (sd, t))
    return FALSE;
  for (gint i = w + 1; i < t; i++)
    if ((evl_story_cls (sd, i) & EVL_STORY_C_CLAUSE_PUNCT) || sd->tok[i].sentence != sd->tok[w].sentence)
      return FALSE;
  return TRUE;
}

/* A semicolon between tokens @a and @b: it joins two sentences, each
 * with its own time ('is evaluating the proposal; the parent asked it
 * to respond by Oct. 31'). */
static gboolean
semicolon_between (const EvlStoryDoc *sd, gint a, gint b)
{
  /* (one memchr() over the text between: a walk over the tokens was
   * ~80 K instructions on the small corpus, callgrind) */
  gsize from = sd->tok[MIN (a, b)].span.end, to = sd->tok[MAX (a, b)].span.start;
  return to > from && memchr (sd->text + from, ';', to - from) != NULL;
}

/* Event @k at token @t is a verb that 'and' or 'but' after token @l
 * joins to another (at most an auxiliary or an adverb between). */
static gboolean
joined_verb (const EvlStoryDoc *sd, guint k, gint t, gint l)
{
  if (!evl_story_verbal (sd, (gint32) k) || sd->tok_ev[t] != (gint32) k)
    return FALSE;
  gint j = t - 1;
  while (j > l && t - j <= 3 && (evl_story_cls (sd, j) & (EVL_STORY_C_BE | EVL_STORY_C_MODAL)))
    j--;
  return j > l && (evl_story_is (sd, j, EVL_W_AND) || evl_story_token_is (sd, (guint) j, "but"));
}

/* Event @k at token @t is in a verb phrase that an 'and' or 'but' after
 * the left date at token @l opens, the right date at token @r in it too:
 * 'held a rally on Saturday and were planning to drive around the airport
 * on Monday' drives on Monday, as joined_verb() has it for the joined
 * verb itself.  The phrase's verb (after at most an auxiliary) at or
 * before @t; no other 'and' or 'but' between @t and @r. */
static gboolean
joined_phrase (const EvlStoryDoc *sd, gint t, gint l, gint r)
{
  static const char *const joins[] = { "and", "but", NULL };
  for (gint j = t + 1; j < r; j++)
    if (evl_story_token_among (sd, j, joins))
      return FALSE;
  for (gint j = l + 1; j < t; j++)
    {
      if (!evl_story_token_among (sd, j, joins))
        continue;
      gint v = j + 1;
      while (v < t && v - j <= 3 && sd->tok_ev[v] < 0
             && (evl_story_cls (sd, v) & (EVL_STORY_C_BE | EVL_STORY_C_MODAL)))
        v++;
      /* (a verb after an auxiliary, whatever its tag: 'were planning') */
      gint32 o = sd->tok_ev[v];
      if (verb_event (sd, o) || (v > j + 1 && o >= 0 && !noun_position (sd, o)))
        return TRUE;
    }
  return FALSE;
}

static gint32
nearest_timex (const EvlStoryDoc *sd, const guint8 *excluded, guint k, gint t, gint32 *in_sentence,
               gint32 *saying)
{
  *in_sentence = -1;
  *saying = -1;
  gint32 gov = -1;
  gboolean gov_known = FALSE, refused = FALSE;
  guint32 sentence = sd->tok[t].sentence;
  if (sentence < sd->n_sent && !(sd->sent_tx[sentence] & EVL_STORY_SENT_TIMEX))
    return -1;
  /* The timex-covered tokens of the sentence within EVL_STORY_REACH, by
   * distance, the right one first on a tie: the two sides merged, from
   * the sentence's run of the ascending list of covered tokens (tokens
   * of a sentence are consecutive).  Per-token links to the nearest
   * covered token, filled around every timex, were ~1.5 M instructions on
   * the small corpus with the fill of their two arrays. */
  const guint32 *cov = sd->tx_tokens;
  guint a = 0, b = sd->n_tx_tokens, p;
  if (sentence < sd->n_sent)
    {
      a = sd->sent_tx_first[sentence];
      b = sd->sent_tx_end[sentence];
      for (p = a; p < b && cov[p] <= (guint) t; p++)
        ;
    }
  else
    {
      /* A token of no sentence: the first covered token after @t, by halves. */
      guint lo = a, hi = b;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (cov[mid] <= (guint) t)
            lo = mid + 1;
          else
            hi = mid;
        }
      p = lo;
    }
  /* A 'when' clause right after a date and a comma tells what happened
   * then: 'since 2019, when workers stopped work', 'in March, when the
   * storm hit the coast' (whatever tense the tagger read: 'the storm
   * hit', a bare form; and a 'since' date too, which dates nothing
   * else; the wire's dash sets the clause off alike, 'Since 1985 _ when
   * the army created a buffer zone').  Found from the sentence's few timex tokens before @t: a walk
   * back from every event cost ~3.5 M instructions on the small corpus. */
  for (guint j = a; j < p; j++)
    {
      gint c = (gint) cov[j], w = c + 2;
      /* (after a 'since' or a 'from' date, which date nothing else, the
       * 'when' needs no comma: 'has not been back since 1992 when his
       * party lost the elections', 'a poster from 1989 when the party
       * won') */
      gint tf = sd->tx_first[sd->tok_tx[c]];
      if (c + 1 < (gint) sd->n_tok && sd->tok_tx[c + 1] < 0 && evl_story_token_is (sd, (guint) c + 1, "when")
          && tf > 0 && (evl_story_is (sd, tf - 1, EVL_W_SINCE) || evl_story_token_is (sd, (guint) tf - 1, "from")))
        w = c + 1;
      if (t > w && t - w <= 20
          && (w == c + 1 || evl_story_is (sd, c + 1, EVL_W_COMMA) || dash (sd, c + 1))
          && sd->tok_tx[c + 1] < 0 && evl_story_token_is (sd, (guint) w, "when") && when_clause (sd, k, w, t))
        {
          gint32 x = sd->tok_tx[c];
          const EvlTimex *d = &sd->tx[x];
          if ((d->type == EVL_TIMEX_DATE || d->type == EVL_TIMEX_TIME) && d->begin != 0)
            {
              *in_sentence = x;
              return x;
            }
        }
    }
  /* '... erupted late on Thursday for the sixth time since December,
   * spewing lava': a participle after a comma tells of its main clause's
   * happening and takes that verb's date, not one nearer it (the verb
   * was anchored before it: events go in text order).  When that verb
   * opens with 'after' or 'before', a date before the conjunction is no
   * more the participle's than the verb's: 'imposed a curfew on Monday,
   * a day after troops opened fire, killing 14' (an offset dates the
   * firing later, in the graph). */
  gint32 head = participle_head (sd, k, t);
  if (head >= 0 && sd->ev[head].anchor_method == EVL_ANCHOR_CLAUSE && sd->ev[head].timex >= 0)
    {
      *in_sentence = sd->ev[head].timex;
      return sd->ev[head].timex;
    }
  gint prep = event_prep_before (sd, k, t);
  if (head >= 0 && event_prep_before (sd, (guint) head, sd->ev_tok[head]) >= 0)
    prep = MAX (prep, sd->ev_tok[head]);
  /* A finite verb of an 'after', 'before' or 'until' clause takes a date
   * of its own clause, after it, before the main clause's before the
   * conjunction ('ended the strike on Friday after the union reached a
   * deal late on Thursday'); with none, the main clause's may be its
   * day too ('walked out on Tuesday after talks broke down').  Asked
   * only when a nearer date on the left would win. */
  static const char *const sequence[] = { "after", "before", "until", NULL };
  gint sub = -2;
  static const char *const until_words[] = { "until", "till", NULL };
  gint until = -2;
  gint32 head_date = -2;
  gint wish = -2;
  /* Right candidates from @p on, left ones from @p - 1 down (not @t). */
  gint ri = (gint) p, li = (gint) p - 1;
  if (li >= (gint) a && cov[li] == (guint) t)
    li--;
  gint r = ri < (gint) b ? (gint) cov[ri] : -1;
  gint l = li >= (gint) a ? (gint) cov[li] : -1;
  for (;;)
    {
      if (r >= 0 && (r - t > EVL_STORY_REACH || sd->tok[r].sentence != sentence))
        r = -1;
      if (l >= 0 && (t - l > EVL_STORY_REACH || sd->tok[l].sentence != sentence || l < prep))
        l = -1;
      if (r < 0 && l < 0)
        return -1;
      gboolean right = r >= 0 && (l < 0 || r - t <= t - l);
      /* 'was arrested in January and indicted by a grand jury in
       * February': a verb that 'and' or 'but' joins to the one before
       * takes a date after it, not the other verb's before the 'and' */
      if (!right && r >= 0 && sd->clause[r] == sd->clause[t]
          && (joined_verb (sd, k, t, l) || joined_phrase (sd, t, l, r)))
        right = TRUE;
      else if (!right && r >= 0 && sd->clause[r] == sd->clause[t])
        {
          if (sub == -2)
            sub = sd->tok_ev[t] == (gint32) k && evl_story_finite (sd, (gint32) k) && !nominal (sd, (gint32) k)
                  ? clause_opener (sd, t, sequence, EVL_STORY_C_CLAUSE_PREP) : -1;
          right = l < sub;
        }
      gint i = right ? r : l;
      if (right)
        r = ++ri < (gint) b ? (gint) cov[ri] : -1;
      else
        l = --li >= (gint) a ? (gint) cov[li] : -1;
      gint32 x = sd->tok_tx[i];
      if (!usable (sd, excluded, x) || !compatible (sd, k, &sd->tx[x]) || !heads (sd, k, t, x)
          || bounding_date (sd, k, t, x) || aside_date (sd, t, i) || across_quote (sd, k, t, i))
        continue;
      if (i > t)
        {
          if (head_date == -2)
            head_date = evl_story_finite (sd, (gint32) k) && !nominal (sd, (gint32) k) ? head_date_before (sd, t) : -1;
          if (head_date >= 0 && predicate_between (sd, k, t, i))
            continue;
        }
      /* What one hopes, plans or wants to do comes after the wanting: a
       * saying's date before that verb is not the infinitive's ('said on
       * Monday he plans to travel to Beijing', 'said Wednesday that he
       * hoped to visit Lima soon'); a date that opens the sentence often
       * is ('On Tuesday, the league plans to hold a news conference').
       * (A deciding or agreeing verb, an I_ACTION, often acts the same
       * day: decided_action_date().) */
      if (i < t)
        {
          if (wish == -2)
            wish = t >= 2 && evl_story_is (sd, t - 1, EVL_W_TO) && untensed_verb (sd, t) && sd->tok_ev[t - 2] >= 0
                   && sd->ev[sd->tok_ev[t - 2]].klass == EVL_EVENT_CLASS_I_STATE ? t - 2 : -1;
          if (i < wish)
            {
              gint32 sv = timex_verb (sd, x);
              if (sv >= 0 && sd->ev[sv].klass == EVL_EVENT_CLASS_REPORTING)
                continue;
            }
        }
      /* 'Thirteen days after the bombings, troops Thursday launched': a
       * date after the event is as much the other event's, a duration
       * away, as one before the 'after' (unless the noun's own). */
      if (prep >= 0 && i > t && !own_date (sd, t, x)
          && (sd->clause[i] != sd->clause[t] || predicate_between (sd, k, t, i)))
        continue;
      /* A verb of an 'until' clause ends the state the clause before it
       * tells of, at a later time than that clause's date ('promised
       * mass mobilization in December until the boy was returned'). */
      if (i < t && sd->clause[i] != sd->clause[t])
        {
          if (until == -2)
            until = evl_story_finite (sd, (gint32) k) && !nominal (sd, (gint32) k)
                    ? clause_opener (sd, t, until_words, 0) : -1;
          if (i < until)
            continue;
        }
      if (!gov_known)
        {
          gov = governor (sd, (gint32) k);
          gov_known = TRUE;
        }
      /* The governor's date is no evidence for the noun, and a farther
       * one even less; one that modifies the noun is the noun's own
       * ('reported a third-quarter loss'). */
      if (gov >= 0 && !(i < t && own_date (sd, t, x)) && governor_timex (sd, (gint32) k, gov, i, x))
        return -1;
      /* Nor is a verb's date; after one, only a date of the noun's own
       * clause ('said Friday it had losses a year earlier'), not one
       * farther off in the sentence. */
      gint32 v = timex_verb (sd, x);
      /* (the class first: most candidates' verbs report nothing) */
      if (v >= 0 && sd->ev[v].klass == EVL_EVENT_CLASS_REPORTING && reported_date (sd, k, t, x, v))
        {
          *saying = v;
          refused = TRUE;
          continue;
        }
      if ((v >= 0 && foreign_date (sd, k, t, x, v)) || attributed_date (sd, k, t, x, v)
          || as_of_other (sd, k, t, x) || relative_date (sd, k, t, x, v) || reduced_relative_date (sd, k, t, x, v)
          || (i < t && reduced_relative_left (sd, k, t, x))
          || measured_period (sd, k, t, x)
          || comparison_date (sd, t, i, x) || intended_date (sd, k, t, i, x)
          || deadline_date (sd, k, t, i, x) || following_temporal_date (sd, k, t, i, v)
          || inner_modifier_date (sd, k, t, x) || decided_action_date (sd, k, t, i)
          || subject_matter (sd, k, t, x) || complement_date (sd, k, t, x, v)
          || appositive_date (sd, k, t, i, x))
        {
          refused = TRUE;
          continue;
        }
      /* (asked last: a cue lookup for every candidate was ~0.5 M
       * instructions on the small corpus) */
      if (i > t && (concessive_date (sd, t, x) || before_cue_date (sd, t, x)))
        continue;
      gboolean here = sd->clause[i] == sd->clause[t] && !predicate_between (sd, k, t, i);
      if ((refused || (i > t && contrast_between (sd, t, i))
           || (i > t && and_clause_between (sd, t, i)))
          && !here)
        continue;
      /* (what a noun answers for or follows was at another time than
       * the clause that tells of it, whatever another clause's date:
       * '"he is responsible for the death of the doctor," an agent said
       * in April') */
      if (*in_sentence < 0
          && (here || (fits_clause (sd, k, t, x) && !reported_only (sd, k, t, i, v) && !semicolon_between (sd, t, i)
                       && !answers_for (sd, k, t, x) && !complement_clause_date (sd, k, t, i))))
        *in_sentence = x;
      if (!here)
        continue;
      return x;
    }
}

/* 'first <event> ... since <timex>': appends the implied prior event. */
static void
since_first (EvlStoryDoc *sd, const Cues *cues, guint8 *excluded, gint32 *prior_of)
{
  for (guint x = 0; x < sd->n_tx; x++)
    {
      if (!usable (sd, excluded, (gint32) x))
        continue;
      /* The token at the timex's start: build_index() found it for every
       * timex that covers a token (a binary search per timex was ~0.3 M
       * instructions on the small corpus, callgrind). */
      gint f = sd->tx_first[x] >= 0 ? sd->tx_first[x] : evl_document_token_at (sd->doc, sd->tx[x].span.start);
      if (f < 0)
        continue;
      gint since = evl_story_is (sd, f, EVL_W_SINCE) ? f
                   : f > 0 && evl_story_is (sd, f - 1, EVL_W_SINCE) ? f - 1 : -1;
      if (since < 0)
        continue;
      gint32 target = -1;
      gboolean first = FALSE;
      for (gint i = since - 1; i >= 0 && i >= since - 10 && sd->clause[i] == sd->clause[since]; i--)
        {
          guint last;
          if (cue_at (sd, cues, (guint) i, &last) != C_FIRST)
            continue;
          first = TRUE;
          for (gint j = i + 1; j < since && j <= i + 3 && target < 0; j++)
            if (sd->tok_ev[j] >= 0)
              target = sd->tok_ev[j];
          break;
        }
      /* 'The strike is the first stoppage since 2023': the date is that of
       * an earlier one, never of an event of this clause, even when the
       * compared noun is no event of its own.  (Without 'first' the date
       * starts what the clause says: 'fighting cancer since 2004'.) */
      if (first)
        excluded[x] = TRUE;
      if (target < 0 || prior_of[target] >= 0)
        continue;
      EvlEventMention p = sd->ev[target];
      p.span.start = sd->tok[since].span.start;
      p.span.end = sd->tx[x].span.end;
      p.polarity = EVL_POLARITY_POS;
      p.modality = NULL;
      p.flags &= ~(guint32) EVL_EVENT_FLAG_HEDGED;
      p.tense = "PAST";
      p.timex = (gint32) x;
      p.anchor_method = EVL_ANCHOR_CLAUSE;
      p.cue_event = -1;
      p.participants = sd->parts + (gsize) target * EVL_STORY_MAX_PARTS;
      p.n_participants = sd->n_parts[target];
      prior_of[target] = (gint32) (sd->n_ev + sd->extra->len);
      g_array_append_val (sd->extra, p);
    }
}

static gboolean
dated (const EvlEventMention *e)
{
  return e->anchor_method == EVL_ANCHOR_CLAUSE || e->anchor_method == EVL_ANCHOR_SENTENCE;
}

/* Timex @x has a calendar value of grain @max or finer. */
static gboolean
grain_within (const EvlStoryDoc *sd, gint32 x, EvlGrain max)
{
  return x >= 0 && (guint) x < sd->n_tx && sd->tx[x].grain != EVL_GRAIN_NONE
         && sd->tx[x].grain <= max;
}

static gboolean
day_grain (const EvlStoryDoc *sd, gint32 x)
{
  return grain_within (sd, x, EVL_GRAIN_DAY);
}

/* For a definite noun ('the summit'), the latest earlier mention of the
 * same story type dated to @max or finer, -1 when none.  With @strict the
 * mention is a verb ('walked out' ... 'the strike') or has the same lemma
 * and a date of its own clause: a noun of another lemma is more often
 * another event of the type ('the offensive in April' ... 'injured in the
 * attacks'), one dated from another clause only a guess not to pass on
 * ('sent agents to investigate the bombings, but there was no word on
 * Tuesday'), and a perfect is a state up to now rather than a dated
 * occurrence ('have been killed since April'). */
static gint32
antecedent (const EvlStoryDoc *sd, gint32 ref, EvlGrain max, gboolean strict)
{
  const EvlEventMention *r = &sd->ev[ref];
  gint t = sd->ev_tok[ref];
  if (t <= 0 || !evl_story_is (sd, t - 1, EVL_W_THE) || r->type == NULL
      || evl_story_type_code (sd, ref) == EVL_STORY_TYPE_OTHER)
    return -1;
  gint32 best = -1;
  for (guint k = 0; k < sd->n_ev; k++)
    if (sd->ev[k].span.start < r->span.start && dated (&sd->ev[k]) && sd->ev[k].type
        /* (or of the same word: 'the attack on Monday' that killed
         * soldiers was typed a conflict) */
        && (strcmp (sd->ev[k].type, r->type) == 0 || g_strcmp0 (sd->ev[k].lemma, r->lemma) == 0)
        && grain_within (sd, sd->ev[k].timex, max)
        && (!strict || ((!nominal (sd, (gint32) k)
                         || (g_strcmp0 (sd->ev[k].lemma, r->lemma) == 0
                             && sd->ev[k].anchor_method == EVL_ANCHOR_CLAUSE))
                        && !tense_is (sd, k, EVL_STORY_TF_PERFECT)))
        && (best < 0 || sd->ev[k].span.start > sd->ev[best].span.start))
      best = (gint32) k;
  return best;
}

/* The date of the event @ref names: its own, or for a definite noun that
 * of its antecedent(). */
static gint32
ref_timex (const EvlStoryDoc *sd, gint32 ref)
{
  if (ref >= (gint32) sd->n_ev)
    return -1;
  const EvlEventMention *r = &sd->ev[ref];
  if (dated (r))
    return day_grain (sd, r->timex) ? r->timex : -1;
  gint32 a = antecedent (sd, ref, EVL_GRAIN_DAY, FALSE);
  return a >= 0 ? sd->ev[a].timex : -1;
}

/* 'Rail workers walked out on Tuesday. ... The union called the strike
 * last week': a definite nominal names the event of its type already
 * dated, not one at an earlier date of its clause (a bare 'last week'
 * after the object modifies the verb), unless a preposition ties the date
 * to the noun itself ('the strike on June 24').  A later date of its
 * clause stays: 'urged them on Saturday to resume the negotiations' does
 * not date the resumed talks back to the first round. */
static void
definite_mentions (EvlStoryDoc *sd)
{
  for (guint k = 0; k < sd->n_ev; k++)
    {
      EvlEventMention *e = &sd->ev[k];
      gint t = sd->ev_tok[k];
      /* 'the' first: most events have none (antecedent() asks it too). */
      if (t <= 0 || !evl_story_is (sd, t - 1, EVL_W_THE) || !nominal (sd, (gint32) k))
        continue;
      gint32 x = dated (e) ? e->timex : -1;
      /* (nor one whose own verb of beginning or ending tells its date:
       * 'The strike began on Nov. 9') */
      static const char *const aux[] = { "had", "has", "have", "was", "were", "is", "been", NULL };
      gint32 v = -1;
      for (gint j = t + 1; x >= 0 && j < (gint) sd->n_tok && j <= t + 3 && v < 0; j++)
        if (sd->tok_ev[j] >= 0)
          v = sd->tok_ev[j];
        else if (!evl_story_token_among (sd, j, aux))
          break;
      if (x >= 0 && (noun_date (sd, t, x)
                     || (v >= 0 && sd->ev[v].klass == EVL_EVENT_CLASS_ASPECTUAL && evl_story_verbal (sd, v)
                         && sd->ev[v].timex == x)))
        continue;
      gint32 a = antecedent (sd, (gint32) k, EVL_GRAIN_MONTH, TRUE);
      if (a < 0 || (x >= 0 && sd->tx[sd->ev[a].timex].begin <= sd->tx[x].end))
        continue;
      e->anchor_method = EVL_ANCHOR_CUE;
      e->cue_event = a;
      e->cue_rel = EVL_REL_SIMULTANEOUS;
      e->timex = sd->ev[a].timex;
    }
}

static void
set_cue (EvlStoryDoc *sd, guint k, gint32 ref, EvlRel rel, gboolean sameday)
{
  EvlEventMention *e = &sd->ev[k];
  if (e->anchor_method != EVL_ANCHOR_NONE || ref == (gint32) k)
    return;
  e->anchor_method = EVL_ANCHOR_CUE;
  e->cue_event = ref;
  e->cue_rel = rel;
  if (sameday)
    e->timex = ref_timex (sd, ref);
}

/* The last story event (else any event) of the sentences before token
 * @i's, in its paragraph: what 'later that day' refers to. */
static gint32
previous_event (const EvlStoryDoc *sd, gint i)
{
  guint32 sentence = sd->tok[i].sentence;
  guint para = sentence < sd->n_sent ? sd->sent[sentence].paragraph : 0;
  gint32 any = -1;
  for (gint j = i - 1; j >= 0 && j >= i - 2 * EVL_STORY_REACH; j--)
    {
      guint32 s = sd->tok[j].sentence;
      if (s < sd->n_sent && sd->sent[s].paragraph != para)
        break;
      gint32 o = sd->tok_ev[j];
      if (s == sentence || o < 0)
        continue;
      if (sd->ev[o].type && evl_story_type_code (sd, o) != EVL_STORY_TYPE_OTHER)
        return o;
      if (any < 0)
        any = o;
    }
  return any;
}

/* 'Later that day, X': every event of the sentence relates to the last
 * event before it. */
static void
anaphoric_cue (EvlStoryDoc *sd, guint i, CueKind kind)
{
  gint32 ref = previous_event (sd, (gint) i);
  if (ref < 0)
    return;
  EvlRel rel = kind == C_LATER || kind == C_LATER_SAMEDAY ? EVL_REL_AFTER : EVL_REL_BEFORE;
  gboolean sameday = kind == C_LATER_SAMEDAY || kind == C_EARLIER_SAMEDAY;
  guint32 sentence = sd->tok[i].sentence;
  gint lo = (gint) i;
  while (lo > 0 && (gint) i - lo < EVL_STORY_REACH && sd->tok[lo - 1].sentence == sentence)
    lo--;
  for (gint j = lo; j < (gint) sd->n_tok && j <= (gint) i + EVL_STORY_REACH && sd->tok[j].sentence == sentence; j++)
    if (sd->tok_ev[j] >= 0 && sd->ev_tok[sd->tok_ev[j]] == j)
      set_cue (sd, (guint) sd->tok_ev[j], ref, rel, sameday);
}

/* Event cues ('before the summit') and the events they modify. */
static void
event_cues (EvlStoryDoc *sd, const Cues *cues)
{
  /* Only where a cue can start: elsewhere cue_at() says C_NONE. */
  for (guint i = evl_story_next_scan (sd, 0, EVL_STORY_SCAN_CUES); i < sd->n_tok;
       i = evl_story_next_scan (sd, i + 1, EVL_STORY_SCAN_CUES))
    {
      guint last = i;
      CueKind kind = cue_at (sd, cues, i, &last);
      if (kind >= C_LATER)
        {
          anaphoric_cue (sd, i, kind);
          i = last;
          continue;
        }
      if (kind != C_BEFORE && kind != C_AFTER && kind != C_INCLUDED)
        continue;
      /* The event named by the cue: within 4 tokens, no timex first; the
       * head noun rather than a modifier ('amid stalled negotiations'). */
      gint32 ref = -1;
      for (guint j = last + 1; j < sd->n_tok && j <= last + 4 && sd->clause[j] == sd->clause[i]; j++)
        {
          if (sd->tok_tx[j] >= 0)
            break;
          gint32 o = sd->tok_ev[j];
          if (o < 0 || o == ref || (sd->ev_mark[o] & EVL_STORY_MARK_JUNK))
            continue;
          if (ref < 0)
            ref = o;
          if (!evl_story_verbal (sd, o))
            {
              ref = o;
              break;
            }
        }
      if (ref < 0)
        continue;
      guint dummy;
      gboolean sameday = i > 0 && sd->tok[i - 1].sentence == sd->tok[i].sentence
                         && cue_at (sd, cues, i - 1, &dummy) == C_SAMEDAY;
      EvlRel rel = kind == C_BEFORE ? EVL_REL_BEFORE : kind == C_AFTER ? EVL_REL_AFTER
                                                                       : EVL_REL_IS_INCLUDED;
      guint32 sentence = sd->tok[i].sentence;
      /* Sentence-initial: at most 'Just hours' before it, and no event. */
      gint sstart = (gint) i;
      gboolean initial = TRUE;
      while (sstart > 0 && sd->tok[sstart - 1].sentence == sentence)
        {
          sstart--;
          if ((gint) i - sstart > 2 || sd->tok_ev[sstart] >= 0)
            {
              initial = FALSE;
              break;
            }
        }
      if (initial)
        {
          /* Sentence-initial cue phrase: it modifies the main clause(s). */
          for (gint j = (gint) last + 1; j < (gint) sd->n_tok && j <= (gint) last + EVL_STORY_REACH
                                         && sd->tok[j].sentence == sentence; j++)
            if (sd->clause[j] != sd->clause[i] && sd->tok_ev[j] >= 0 && sd->ev_tok[sd->tok_ev[j]] == j)
              set_cue (sd, (guint) sd->tok_ev[j], ref, rel, sameday);
        }
      else
        {
          for (gint j = (gint) i - 1; j >= 0 && j >= (gint) i - EVL_STORY_REACH && sd->clause[j] == sd->clause[i]; j--)
            if (sd->tok_ev[j] >= 0 && sd->ev_tok[sd->tok_ev[j]] == j)
              set_cue (sd, (guint) sd->tok_ev[j], ref, rel, sameday);
        }
      i = last;
    }
}

/* 'Five soldiers were killed in the attack on Monday. A sixth was
 * wounded in the attack': a past verb whose 'in the' phrase names a
 * happening of known day (its own date or its antecedent's) happened
 * during it, when nothing else dates the verb.  Not a saying ('said in
 * the statement'), nor an ongoing part ('a country participating in the
 * attack' is the article's present). */
static void
in_the_event (EvlStoryDoc *sd)
{
  for (guint k = 0; k < sd->n_ev; k++)
    {
      gint t = sd->ev_tok[k];
      if (t <= 1 || !evl_story_is (sd, t - 1, EVL_W_THE) || sd->tok[t - 2].sentence != sd->tok[t].sentence
          || !evl_story_token_is (sd, (guint) t - 2, "in") || !nominal (sd, (gint32) k)
          || ref_timex (sd, (gint32) k) < 0)
        continue;
      /* the verb the phrase follows, in its clause */
      for (gint j = t - 3; j >= 0 && t - j <= 6 && sd->clause[j] == sd->clause[t]; j--)
        {
          gint32 v = sd->tok_ev[j];
          if (v < 0 || v == (gint32) k)
            continue;
          if (evl_story_verbal (sd, v) && sd->ev[v].klass != EVL_EVENT_CLASS_REPORTING
              && (evl_story_tf (sd, v) & (EVL_STORY_TF_PAST | EVL_STORY_TF_PASTPART)) && sd->ev_tok[v] == j)
            set_cue (sd, (guint) v, (gint32) k, EVL_REL_IS_INCLUDED, TRUE);
          break;
        }
    }
}

/* 'Xi welcomed Lukashenko to Beijing on Monday ... The two leaders
 * signed a declaration': a past happening whose subject refers back to
 * the people of the sentence before ('he', 'they', 'the two leaders'),
 * with no date of its own, goes on that sentence's dated happening's
 * day. */
static gboolean
scene_event (EvlStoryDoc *sd, guint k)
{
  const EvlEventMention *e = &sd->ev[k];
  guint32 s = e->sentence;
  gint t = sd->ev_tok[k];
  if (t < 1 || s == 0 || s >= sd->n_sent || (sd->sent_tx[s] & EVL_STORY_SENT_TIMEX)
      || !tense_is (sd, k, EVL_STORY_TF_PAST) || tense_is (sd, k, EVL_STORY_TF_PERFECT)
      || noun_position (sd, (gint32) k)
      || (e->klass != EVL_EVENT_CLASS_OCCURRENCE && e->klass != EVL_EVENT_CLASS_I_ACTION)
      || sd->sent[s - 1].is_heading || sd->sent[s - 1].is_furniture)
    return FALSE;
  /* the subject opens the sentence: a pronoun, or 'the two' + noun */
  gint f = (gint) sd->sent[s].first_token;
  static const char *const pronouns[] = { "he", "she", "they", NULL };
  gboolean back = (t == f + 1 && evl_story_token_among (sd, f, pronouns))
                  || (t == f + 3 && evl_story_is (sd, f, EVL_W_THE) && evl_story_is (sd, f + 1, EVL_W_TWO));
  if (!back)
    return FALSE;
  for (guint o = 0; o < sd->n_ev; o++)
    {
      const EvlEventMention *p = &sd->ev[o];
      if (p->sentence != s - 1 || p->anchor_method != EVL_ANCHOR_CLAUSE || p->timex < 0
          || !tense_is (sd, o, EVL_STORY_TF_PAST) || p->klass == EVL_EVENT_CLASS_REPORTING
          || noun_position (sd, (gint32) o))
        continue;
      const EvlTimex *x = &sd->tx[p->timex];
      if (x->grain < EVL_GRAIN_PART_OF_DAY || x->grain > EVL_GRAIN_DAY)
        return FALSE;
      set_cue (sd, k, (gint32) o, EVL_REL_SIMULTANEOUS, TRUE);
      return TRUE;
    }
  return FALSE;
}

static gboolean
harm_type (const EvlStoryDoc *sd, guint o)
{
  return type_is (sd, o, "DISASTER") || type_is (sd, o, "ATTACK");
}

/* 'Hurricane Delia slammed into the coast early Thursday ... At least
 * seven people were killed': a death told in the simple past with no
 * date of its own, a few sentences after a disaster or attack dated by
 * its clause or sentence, is that happening's toll and goes on its day;
 * after a dated death, it is most often that death told again ('A
 * firefighter died on Tuesday ... The 34-year-old was killed when').  Not
 * when a sentence between dates something else to another day (a
 * saying's date, 'officials said on Wednesday', dates no happening), nor a death
 * set apart ('in a separate attack', 'another') or with a disaster or
 * attack of its own sentence, its cause. */
static gboolean
toll_event (EvlStoryDoc *sd, guint k)
{
  const EvlEventMention *e = &sd->ev[k];
  guint32 s = e->sentence;
  if (!type_is (sd, k, "DEATH") || s >= sd->n_sent || (sd->sent_tx[s] & EVL_STORY_SENT_TIMEX)
      || !tense_is (sd, k, EVL_STORY_TF_PAST) || tense_is (sd, k, EVL_STORY_TF_PERFECT)
      || noun_position (sd, (gint32) k))
    return FALSE;
  static const char *const apart[] = { "separate", "another", "earlier", "similar", "previous", NULL };
  for (guint i = sd->sent[s].first_token; i < sd->n_tok && sd->tok[i].sentence == s; i++)
    if (evl_story_token_among (sd, i, apart))
      return FALSE;
  gint32 cause = -1;
  for (guint o = 0; o < sd->n_ev; o++)
    {
      const EvlEventMention *p = &sd->ev[o];
      if (p->sentence == s && o != k && harm_type (sd, o))
        return FALSE;
      if (p->sentence >= s || p->sentence + 4 < s)
        continue;
      gboolean by_clause = dated (p) && p->timex >= 0
                           && sd->tx[p->timex].grain >= EVL_GRAIN_PART_OF_DAY
                           && sd->tx[p->timex].grain <= EVL_GRAIN_DAY;
      if (by_clause && (harm_type (sd, o) || type_is (sd, o, "DEATH")))
        {
          /* The death itself before the circumstance it is told in
           * ('died on Tuesday while fighting a wildfire'). */
          if (cause < 0 || sd->ev[cause].sentence != p->sentence || !type_is (sd, (guint) cause, "DEATH"))
            cause = (gint32) o;
        }
      else if (cause >= 0 && dated (p) && p->timex >= 0 && p->klass != EVL_EVENT_CLASS_REPORTING
               && sd->tx[p->timex].begin != sd->tx[sd->ev[cause].timex].begin)
        cause = -1;
    }
  if (cause < 0)
    return FALSE;
  sd->ev[k].cue_event = -1;
  set_cue (sd, k, cause, EVL_REL_SIMULTANEOUS, TRUE);
  return TRUE;
}

/* Event @o (-1: none) is a finite verb anchored by its tense.  A present
 * verb's DCT anchor is not passed on: 'the visit is expected', 'his tour
 * is a sign' say nothing of when. */
static inline gboolean
tense_anchored (const EvlStoryDoc *sd, gint32 o)
{
  return o >= 0 && evl_story_finite (sd, o) && sd->ev[o].anchor_method == EVL_ANCHOR_TENSE;
}

static void
by_tense (EvlStoryDoc *sd, guint k)
{
  EvlEventMention *e = &sd->ev[k];
  gboolean perfect = tense_is (sd, k, EVL_STORY_TF_PERFECT);
  /* A headline's present is the news's past ('Volcano erupts on
   * Iceland's Reykjanes peninsula' over 'erupted late on Thursday'): no
   * date of the article's own, so the story it heads dates it. */
  if (tense_is (sd, k, EVL_STORY_TF_PRESENT) && !perfect && e->klass != EVL_EVENT_CLASS_REPORTING
      && e->sentence < sd->n_sent && sd->sent[e->sentence].is_heading)
    return;
  if (e->klass == EVL_EVENT_CLASS_REPORTING || (tense_is (sd, k, EVL_STORY_TF_PRESENT) && !perfect))
    {
      e->anchor_method = EVL_ANCHOR_DCT;
      e->cue_rel = tense_is (sd, k, EVL_STORY_TF_PAST) ? EVL_REL_BEFORE : EVL_REL_SIMULTANEOUS;
      e->timex = sd->dct_timex;
    }
  else if (tense_is (sd, k, EVL_STORY_TF_FUTURE) || (sd->ev_mark[k] & EVL_STORY_MARK_FUTURE))
    {
      e->anchor_method = EVL_ANCHOR_TENSE;
      e->cue_rel = EVL_REL_AFTER;
    }
  else if (evl_story_tf (sd, (gint32) k) & (EVL_STORY_TF_PAST | EVL_STORY_TF_PRESENT | EVL_STORY_TF_PASTPART))
    {
      e->anchor_method = EVL_ANCHOR_TENSE;
      e->cue_rel = EVL_REL_BEFORE;
    }
}

void
evl_story_anchor_events (EvlStoryDoc *sd)
{
  const EvlLexicon *lex = evl_context_get_lexicon (sd->ctx, "en/event-cues-story");
  const Cues cues_of_doc = { lex, MAX (evl_lexicon_max_words (lex), 1) }, *cues = &cues_of_doc;
  guint8 *excluded = sd->tx_excluded;
  gint32 *prior_of = sd->prior_of;
  for (guint k = 0; k < sd->n_ev; k++)
    prior_of[k] = -1;

  since_first (sd, cues, excluded, prior_of);

  for (guint k = 0; k < sd->n_ev; k++)
    {
      EvlEventMention *e = &sd->ev[k];
      gint t = sd->ev_tok[k];
      if (t < 0)
        continue;
      gint32 in_sentence, saying;
      gint32 x = nearest_timex (sd, excluded, k, t, &in_sentence, &saying);
      if (x >= 0)
        e->anchor_method = EVL_ANCHOR_CLAUSE;
      else if ((x = in_sentence) >= 0)
        e->anchor_method = EVL_ANCHOR_SENTENCE;
      e->timex = x;
      /* kept, while no anchor is set, for the cue below */
      if (x < 0 && saying >= 0)
        e->cue_event = saying;
    }

  definite_mentions (sd);
  in_the_event (sd);
  event_cues (sd, cues);
  for (guint k = 0; k < sd->n_ev; k++)
    if (prior_of[k] >= 0)
      set_cue (sd, k, prior_of[k], EVL_REL_AFTER, FALSE);

  /* What a saying dated by reported_date() reports came before it: with
   * no better anchor, the event is before the saying, which is dated.
   * Then finite verbs by tense, then the rest from their clause's verb. */
  for (guint k = 0; k < sd->n_ev; k++)
    if (sd->ev[k].anchor_method != EVL_ANCHOR_NONE || toll_event (sd, k))
      continue;
    else if (sd->ev[k].cue_event >= 0)
      {
        gint32 s = sd->ev[k].cue_event;
        sd->ev[k].cue_event = -1;
        set_cue (sd, k, s, EVL_REL_BEFORE, FALSE);
      }
    else if (evl_story_finite (sd, (gint32) k) && !scene_event (sd, k))
      by_tense (sd, k);
  for (guint k = 0; k < sd->n_ev; k++)
    {
      EvlEventMention *e = &sd->ev[k];
      gint t = sd->ev_tok[k];
      if (e->anchor_method != EVL_ANCHOR_NONE || t < 0)
        continue;
      /* The nearest such verb within 19 tokens, the left side first on a
       * tie.  Clause numbers never decrease along the tokens, so each
       * side ends where it leaves the clause; it goes from one event or
       * entity token to the next (EVL_STORY_SCAN_ARGS) instead of token
       * by token testing both sides at each distance (~1.8 M of the
       * stage's instructions on the small corpus, callgrind). */
      /* (the participle nearest_timex() kept off the date before its
       * verb's 'after' is that verb's happening, as the graph dates it) */
      gint32 best = participle_head (sd, k, t);
      if (best >= 0 && event_prep_before (sd, (guint) best, sd->ev_tok[best]) >= 0)
        {
          set_cue (sd, k, best, EVL_REL_SIMULTANEOUS, FALSE);
          continue;
        }
      best = -1;
      guint32 clause = sd->clause[t];
      gint left = -1, right = -1;
      /* not past an 'after' that introduces this event: the verb before
       * it is the other event ('sworn in ..., a month after winning') */
      gint prep = event_prep_before (sd, k, t);
      for (gint i = evl_story_prev_scan (sd, t - 1, EVL_STORY_SCAN_ARGS);
           i >= 0 && i > prep && t - i < 20 && sd->clause[i] == clause;
           i = evl_story_prev_scan (sd, i - 1, EVL_STORY_SCAN_ARGS))
        if (tense_anchored (sd, sd->tok_ev[i]))
          {
            left = i;
            break;
          }
      for (gint i = (gint) evl_story_next_scan (sd, (guint) t + 1, EVL_STORY_SCAN_ARGS);
           i < (gint) sd->n_tok && i - t < 20 && (left < 0 || i - t < t - left) && sd->clause[i] == clause;
           i = (gint) evl_story_next_scan (sd, (guint) i + 1, EVL_STORY_SCAN_ARGS))
        if (tense_anchored (sd, sd->tok_ev[i]))
          {
            right = i;
            break;
          }
      if (right >= 0)
        best = sd->tok_ev[right];
      else if (left >= 0)
        best = sd->tok_ev[left];
      if (best >= 0)
        {
          e->anchor_method = sd->ev[best].anchor_method;
          e->cue_rel = sd->ev[best].cue_rel;
          e->timex = sd->ev[best].timex;
        }
      else if (tense_is (sd, k, EVL_STORY_TF_PASTPART) || (sd->ev_mark[k] & EVL_STORY_MARK_FUTURE))
        by_tense (sd, k);
    }
}
