/* Normalisation: anchoring what the grammar found to the creation time
 * (news: 'yesterday', 'last Friday', 'in August') or to the last mentioned
 * date (narrative: 'the following day', 'that year'), deciding past or
 * future from the tense of the clause, and the annotate() driver. */
#include "timex-scan.h"

#include <stdlib.h>
#include <string.h>

/* How far back an infinitive ('to leave on Thursday') still governs. */
#define INFINITIVE_REACH 5
/* How far left a tense cue still governs a date. */
#define TENSE_REACH 8
/* How far left a future auxiliary or plan ('will', 'is due to', 'are
 * scheduled to') still governs a date when no nearer cue speaks: its verb
 * phrase may carry an object and a long lead-in ('is due to leave the
 * capital on the evening of 14 April'). */
#define FUTURE_REACH 16
/* How far right of a date opening its sentence the main clause's verb
 * is still looked for: past an adjunct and a subject with its
 * modifiers, about half a long sentence. */
#define RIGHT_REACH_FRONTED 32

/* 'had been scheduled to expire Friday': a plan told in the pluperfect is
 * past; 'had' within the three words before the infinitive's 'to'. */
static gboolean
pluperfect_before (const TxScan *s, int k)
{
  for (int j = k - 1; j >= 0 && j >= k - 3; j--)
    {
      if (s->u[j].kind != U_WORD)
        return FALSE;
      if (tx_unit_is (&s->u[j], "had"))
        return TRUE;
    }
  return FALSE;
}

/* 'the first countries to join on Friday', 'the only woman to command':
 * an infinitive after an ordinal or 'only' tells what happened, not what
 * lies ahead; @k is the 'to'. */
static gboolean
relative_infinitive (const TxScan *s, int k)
{
  for (int j = k - 1; j >= 0 && j >= k - 6; j--)
    {
      if (s->u[j].kind != U_WORD)
        return FALSE;
      if (s->u[j].wi->ordinal || tx_unit_is (&s->u[j], "only"))
        return TRUE;
    }
  return FALSE;
}

/* Unit @u is one of the @n words of @list. */
static gboolean
unit_in (const TxUnit *u, const char *const *list, gsize n)
{
  for (gsize k = 0; k < n; k++)
    if (tx_unit_is (u, list[k]))
      return TRUE;
  return FALSE;
}

/* 'tried to flee on Monday', 'failed to reach orbit on Friday': after
 * the past of a verb of attempt, success or onset the infinitive happens
 * when its verb does, in the past, instead of looking ahead as after
 * 'agreed to' or 'plans to'; @k is the 'to'. */
static gboolean
implicative_past_before (const TxScan *s, int k)
{
  static const char *const verbs[] = {
    "tried", "attempted", "managed", "failed", "refused", "declined", "began",
    "started", "continued", "sought", "proceeded", "dared", "ceased", "rushed",
  };
  if (k < 1 || s->u[k - 1].kind != U_WORD || s->u[k - 1].len < 5)
    return FALSE;
  return unit_in (&s->u[k - 1], verbs, G_N_ELEMENTS (verbs));
}

/* 'taken to hospital', 'returned to power', 'closed to traffic': a noun
 * that English puts bare after 'to' as a place or state, so the 'to' is
 * no infinitive's.  So is a plural ('talked to reporters', 'sold to
 * investors'): an infinitive is a base form, and base forms in a single
 * '-s' are rare ('focus', 'discuss' end in '-us' and '-ss'). */
static gboolean
bare_destination (const TxUnit *u)
{
  static const char *const nouns[] = { "hospital", "court", "prison", "jail", "school", "church",
                                       "bed", "sea", "power", "office", "town", "trial", "death",
                                       "safety", "shore", "parliament", "congress", "traffic",
                                       /* 'sentenced to 25 years to life', 'went to war' */
                                       "life", "war" };
  if (u->len > 3 && u->len < sizeof u->low && u->low[u->len - 1] == 's' && u->low[u->len - 2] != 's' && u->low[u->len - 2] != 'u')
    return TRUE;
  return unit_in (u, nouns, G_N_ELEMENTS (nouns));
}

/* 'his term expires in September', 'the summit opens on Monday': news
 * tells a scheduled event in the present tense, so these verbs of
 * beginning and ending look ahead as 'will' does; so does a meeting
 * ('the leaders meet Monday', 'the council meets on Tuesday'). */
static gboolean
schedule_present (const TxUnit *u)
{
  static const char *const verbs[] = { "expires", "expire", "begins", "begin", "ends", "starts",
                                       "opens", "closes", "resumes", "resume", "convenes", "convene",
                                       "retires", "arrives", "returns", "meet", "meets" };
  return u->kind == U_WORD && !u->cap && unit_in (u, verbs, G_N_ELEMENTS (verbs));
}

/* 'extended to Nov. 20', 'completed by Dec. 15': the date is a target,
 * so a past verb before it says little about the date itself. */
static gboolean
target_prep (const TxScan *s, int i)
{
  return i > 0 && s->u[i - 1].kind == U_WORD
         && (tx_unit_is (&s->u[i - 1], "to") || tx_unit_is (&s->u[i - 1], "by"));
}

/* 'rose in the 12 months to June', 'fell in the year to March': the date
 * closes a period the clause reports on, so the past verb before the
 * period governs it as closely as one right before the date. */
static gboolean
period_to (const TxScan *s, int i)
{
  return i >= 2 && tx_unit_is (&s->u[i - 1], "to") && s->u[i - 2].kind == U_WORD && s->u[i - 2].wi->unit;
}

/* 'Until Thursday, they had not called him a suspect', 'it was not until
 * Tuesday that': a time up to which something was (not) so lies behind.
 * @k is the 'until' unit, @end the end of the date. */
static gboolean
until_past (const TxScan *s, int k, int end)
{
  for (int j = k - 1; j >= 0 && j >= k - 3; j--)
    if (tx_unit_is (&s->u[j], "was") || tx_unit_is (&s->u[j], "were")
        || tx_unit_is (&s->u[j], "wasn't") || tx_unit_is (&s->u[j], "weren't"))
      return TRUE;
  for (int j = end; j < s->n && j < end + 6; j++)
    {
      const TxUnit *u = &s->u[j];
      if (u->kind == U_PUNCT && u->low[0] != ',')
        break;
      if (tx_unit_is (u, "had"))
        return TRUE;
    }
  return FALSE;
}

/* 'can travel on Wednesday', 'may meet Friday': a modal verb (not
 * 'will', a tense cue of its own) before a plain verb looks ahead; before
 * 'have' ('may have met on Friday') it looks back.  0: @k is no modal.
 * Capitalised 'May' is the month. */
G_ALWAYS_INLINE static inline int
modal_tense (const TxScan *s, int k)
{
  const TxUnit *u = &s->u[k];
  if (u->kind != U_WORD || u->cap || u->len < 3 || u->len > 9
      || (u->low[0] != 'c' && u->low[0] != 'm' && u->low[0] != 's' && u->low[0] != 'w'))
    return 0;
  /* not 'could': mostly the past of 'can' in news ('could not be
   * reached Wednesday') */
  if (!(tx_unit_is (u, "can") || tx_unit_is (u, "may") || tx_unit_is (u, "might")
        || tx_unit_is (u, "must") || tx_unit_is (u, "should") || tx_unit_is (u, "cannot")
        || tx_unit_is (u, "can't") || tx_unit_is (u, "mustn't") || tx_unit_is (u, "shouldn't")
        || tx_unit_is (u, "would") || tx_unit_is (u, "wouldn't")))
    return 0;
  if (k + 1 >= s->n || s->u[k + 1].kind != U_WORD)
    return 0;
  const TxUnit *v = &s->u[k + 1];
  if (tx_unit_is (v, "not") && k + 2 < s->n)
    v = &s->u[k + 2];
  if (tx_unit_is (v, "have") || tx_unit_is (v, "'ve"))
    return -1;
  /* 'must be held by March', 'can resume in May': ahead as after
   * 'will', no date months back (+2); 'would' tells reported speech,
   * whose plans may have passed (+1) */
  return u->low[0] == 'w' ? 1 : 2;
}

/* Whether the word before unit @k takes a plain verb after it: 'to', a
 * tense cue ('will', 'had'), a modal or 'not', 'would', 'could', 'did'. */
static gboolean
auxiliary_before (const TxScan *s, int k)
{
  const TxUnit *p = &s->u[k - 1];
  return p->kind == U_WORD
         && (p->wi->tense || modal_tense (s, k - 1) || tx_unit_is (p, "to") || tx_unit_is (p, "not")
             || tx_unit_is (p, "would") || tx_unit_is (p, "could") || tx_unit_is (p, "did")
             || tx_unit_is (p, "does") || tx_unit_is (p, "do"));
}

/* Whether 'last' at @k is the verb ('will last through Monday', 'is
 * expected to last into May'), not the past of 'last week': after a
 * modal, 'to' or 'not'. */
static gboolean
last_verb (const TxScan *s, int k)
{
  if (k == 0 || !tx_unit_is (&s->u[k], "last"))
    return FALSE;
  const TxUnit *p = &s->u[k - 1];
  if (tx_unit_is (p, "to") || tx_unit_is (p, "not") || tx_unit_is (p, "'ll"))
    return TRUE;
  const EvlLexEntry *e = evl_lexicon_lookup (s->lx->lex[LEX_CONTEXT], p->low, p->len);
  for (guint a = 0; e && a < e->n_attrs; a++)
    if (strcmp (e->attrs[a], "modal") == 0)
      return TRUE;
  return FALSE;
}

/* Whether unit @k ends a clause for tense cues on its left side. */
G_ALWAYS_INLINE static inline gboolean
clause_break_left (const TxScan *s, int k)
{
  const TxUnit *u = &s->u[k];
  return u->kind == U_PUNCT
         && (u->low[0] == ';' || u->low[0] == ':' || u->low[0] == '"'
             || ((u->low[0] == '.' || u->low[0] == '!' || u->low[0] == '?') && u->space == 0
                 && k + 1 < s->n && s->u[k + 1].cap));
}

/* Whether @u is a past-tense cue: a past form of the tense lexicon or a
 * regular '-ed' form. */
static gboolean
past_cue (const TxUnit *u)
{
  if (u->wi->tense)
    return strcmp (u->wi->tense->attrs[0], "future") != 0;
  return u->kind == U_WORD && u->len > 4 && !u->cap && u->low[u->len - 2] == 'e'
         && u->low[u->len - 1] == 'd';
}

/* Whether the future cue @k heads a verb phrase: an auxiliary ('will',
 * 'shall') or a plan before an infinitive ('due to', 'is to', 'expected
 * to'); not an adjective such as 'next' ('next to the embassy') or
 * 'coming', which speak of their own noun. */
static gboolean
future_head (const TxScan *s, int k)
{
  const TxUnit *u = &s->u[k];
  if (k + 1 < s->n && tx_unit_is (&s->u[k + 1], "to"))
    return u->wi->tense ? !tx_unit_is (u, "next") && !tx_unit_is (u, "coming")
                        : tx_unit_is (u, "is") || tx_unit_is (u, "are") || tx_unit_is (u, "am");
  /* 'the report is due in March': a deadline told in the present */
  if (tx_unit_is (u, "due"))
    return k > 0 && (tx_unit_is (&s->u[k - 1], "is") || tx_unit_is (&s->u[k - 1], "are"));
  return u->wi->tense
         && (tx_unit_is (u, "will") || tx_unit_is (u, "'ll") || tx_unit_is (u, "shall")
             || tx_unit_is (u, "won't"));
}

/* 'will resume on 10 March', 'are due to meet on 14 April': an
 * auxiliary or a plan heading the clause at @k, not told in the past
 * ('had been due to', 'was expected to'), rules out a past date (+2,
 * which the year choice trusts more than a bare future cue such as the
 * noun 'plan'). */
static gboolean
strong_future (const TxScan *s, int k)
{
  if (k < 0 || !future_head (s, k))
    return FALSE;
  if (k + 1 < s->n && tx_unit_is (&s->u[k + 1], "to")
      && (pluperfect_before (s, k + 1) || (k > 0 && past_cue (&s->u[k - 1]))))
    return FALSE;
  return TRUE;
}

/* Whether unit @k follows 'be', 'been' or 'being': a passive participle
 * ('will be paid', 'will be named'), no past of its own. */
static gboolean
after_be (const TxScan *s, int k)
{
  return k > 0
         && (tx_unit_is (&s->u[k - 1], "be") || tx_unit_is (&s->u[k - 1], "been")
             || tx_unit_is (&s->u[k - 1], "being"));
}

/* Past TENSE_REACH, from unit @k leftwards: a future auxiliary or plan
 * ('will', 'is due to', 'are expected to') or a modal heading the clause
 * the date ends makes it future (+1, +2 for an auxiliary or plan that
 * strong_future() trusts: a date months back cannot follow it).  A past
 * verb met first governs it as well ('A ship docked in the northern port
 * of the city of Gdansk on Friday': -1), unless an infinitive or a
 * present perfect stands between (0); the clause's start or FUTURE_REACH
 * ends the search (0). */
/* Whether the word after the 'to' at @k is a plain verb ('to leave'),
 * not a place or a determiner ('to hospital', 'to the capital', 'to a
 * calendar year'). */
static gboolean
plain_verb_after_to (const TxScan *s, int k)
{
  static const char *const back[] = { "back", "return", "returns", "returned", "returning" };
  const TxUnit *v = &s->u[k + 1];
  /* 'went back to work on Monday', 'returned to find the house gone':
   * after a return the 'to' is mostly the place's, and an infinitive
   * there follows the return, not a plan; the verb group further left
   * tells the tense. */
  if (k > 0 && s->u[k - 1].kind == U_WORD && unit_in (&s->u[k - 1], back, G_N_ELEMENTS (back)))
    return FALSE;
  return v->kind == U_WORD && !v->cap && (v->len > 2 || tx_unit_is (v, "be")) && !bare_destination (v)
         && !tx_unit_is (v, "the") && !tx_unit_is (v, "his") && !tx_unit_is (v, "her")
         && !tx_unit_is (v, "their") && !tx_unit_is (v, "its");
}

/* The date at @i is what the verb at @k set something for: 'for' right
 * before it, at most four words after the verb ('set for June 12', 'set
 * a hearing for'; not 'set the tone for the talks on Tuesday'). */
static gboolean
set_for (const TxScan *s, int k, int i)
{
  return i - 1 > k && i - 1 <= k + 4 && tx_unit_is (&s->u[i - 1], "for");
}

static gboolean compound_part (const TxScan *s, int k);
static gboolean attributive_part (const TxScan *s, int k);

static int
far_future (const TxScan *s, int i, int k)
{
  gboolean infinitive = FALSE;
  for (; k >= 0 && k >= i - FUTURE_REACH; k--)
    {
      const TxUnit *u = &s->u[k];
      if (clause_break_left (s, k))
        return 0;
      /* 'will be named commander of ... for a mission in December' */
      if (after_be (s, k))
        continue;
      int modal = modal_tense (s, k);
      if (modal < 0)
        return -1;
      /* 'ordered him to attend a hearing beginning August 19', 'has
       * lodged a motion to block ... on Tuesday': an infinitive or a
       * present perfect between the past verb and the date may look
       * ahead of it */
      if (tx_unit_is (u, "to") && k + 1 < i && plain_verb_after_to (s, k))
        infinitive = TRUE;
      if (past_cue (u))
        return infinitive || compound_part (s, k) || attributive_part (s, k)
                   || (k > 0 && (tx_unit_is (&s->u[k - 1], "has") || tx_unit_is (&s->u[k - 1], "have")))
                   ? 0 : -1;
      /* 'had been scheduled to expire': a plan told in the past */
      if (future_head (s, k))
        {
          if (tx_unit_is (&s->u[k + 1], "to") && pluperfect_before (s, k + 1))
            return 0;
          return strong_future (s, k) ? 2 : 1;
        }
      if (modal > 0)
        return 1;
    }
  return 0;
}

/* 'The summit on Sept. 13 ended', 'the Sept. 13 summit ended': a past
 * verb right after the date's phrase (@end; at most a noun between),
 * with no cue before the date in its clause, is the verb the phrase is
 * the subject of or an adjunct to, so the date is no later than it: -2,
 * which the year choice trusts more.  Not an adverb ('last', 'ago'), a
 * participle before 'by' ('a meeting on Sept. 13 planned by the
 * board') nor a verb after a conjunction ('resume Sept. 13 as planned').
 * A past cue further on says less (last session: pulling every one
 * harder cost value F1). */
static gboolean
governing_past (const TxScan *s, int end, int r)
{
  const TxUnit *v = &s->u[r];
  if (r > end + 1 || v->kind != U_WORD || tx_unit_is (v, "last") || tx_unit_is (v, "ago")
      || tx_unit_is (v, "yesterday") || (r + 1 < s->n && tx_unit_is (&s->u[r + 1], "by")))
    return FALSE;
  if (r == end)
    return TRUE;
  const TxUnit *n = &s->u[end];
  return n->kind == U_WORD && !n->cap && !n->wi->tense && !n->wi->cue
         && evl_lexicon_lookup (s->lx->lex[LEX_CONTEXT], n->low, n->len) == NULL
         && !tx_unit_is (n, "as") && !tx_unit_is (n, "when") && !tx_unit_is (n, "if")
         && !tx_unit_is (n, "which") && !tx_unit_is (n, "who") && !tx_unit_is (n, "than")
         && !tx_unit_is (n, "because") && !tx_unit_is (n, "while") && !tx_unit_is (n, "where")
         && !tx_unit_is (n, "but") && !tx_unit_is (n, "so") && !tx_unit_is (n, "was")
         && !tx_unit_is (n, "were");
}

/* 'In January, the company brought in ...': a date opening its sentence
 * (at most a preposition before it) and set off by a comma modifies the
 * main clause that follows, so that clause's past verb governs it. */
/* So does the first end of a range opening it ('From March to May,
 * prices rose', 'Between May and July, sales fell'): the comma comes
 * after the second end. */
static gboolean
fronted_date (const TxScan *s, int i, int end)
{
  int c = end;
  if (c + 1 < s->n && s->u[c].kind == U_WORD
      && (tx_unit_is (&s->u[c], "to") || tx_unit_is (&s->u[c], "through") || tx_unit_is (&s->u[c], "until")
          || tx_unit_is (&s->u[c], "and"))
      && (s->u[c + 1].wi->month || s->u[c + 1].wi->wday))
    for (c += 2; c < s->n && c < end + 4 && s->u[c].kind == U_NUM; c++)
      ;
  if (c >= s->n || s->u[c].kind != U_PUNCT || s->u[c].low[0] != ',')
    return FALSE;
  gboolean ranged = c > end;
  int j = i - 1;
  /* the second end ('May' of 'From March to May,'): back past the link
   * and the first end */
  if (!ranged && j >= 1 && s->u[j].kind == U_WORD
      && (tx_unit_is (&s->u[j], "to") || tx_unit_is (&s->u[j], "through") || tx_unit_is (&s->u[j], "until")
          || tx_unit_is (&s->u[j], "and")))
    {
      int f = j - 1;
      while (f > 0 && f > j - 4 && s->u[f].kind == U_NUM)
        f--;
      if (s->u[f].wi->month || s->u[f].wi->wday)
        {
          while (f > 0 && s->u[f - 1].kind == U_NUM)
            f--;
          j = f - 1;
          ranged = TRUE;
        }
    }
  if (j >= 0 && s->u[j].kind == U_WORD
      && (tx_unit_is (&s->u[j], "in") || tx_unit_is (&s->u[j], "on") || tx_unit_is (&s->u[j], "during")
          || (ranged && (tx_unit_is (&s->u[j], "from") || tx_unit_is (&s->u[j], "between")))))
    j--;
  return j < 0 || clause_break_left (s, j)
         || (s->u[j].kind == U_PUNCT && (s->u[j].low[0] == '.' || s->u[j].low[0] == '!'
                                         || s->u[j].low[0] == '?'));
}

/* Unit @k is the last part of a hyphenated compound ('the worst-hit
 * towns', 'a long-awaited visit'): an adjective, no verb whose tense a
 * date could take. */
static gboolean
compound_part (const TxScan *s, int k)
{
  return k >= 2 && s->u[k].kind == U_WORD && s->u[k].space == 0 && s->u[k - 1].kind == U_PUNCT
         && s->u[k - 1].low[0] == '-' && s->u[k - 1].space == 0 && s->u[k - 2].kind == U_WORD;
}

/* Unit @k is a participle between a determiner and its noun ('visit
 * the affected areas on Friday', 'their stolen cars'): an adjective, no
 * verb whose tense a date could take. */
static gboolean
attributive_part (const TxScan *s, int k)
{
  static const char *const dets[] = { "the", "a", "an", "his", "her", "its", "their", "our",
                                      "my", "your", "these", "those" };
  return k >= 1 && k + 1 < s->n && s->u[k].kind == U_WORD && s->u[k + 1].kind == U_WORD
         && !s->u[k + 1].wi->tense && unit_in (&s->u[k - 1], dets, G_N_ELEMENTS (dets));
}

/* 'reported the breach in December', 'arrested him on Dec. 5', 'lost
 * $3 million in November': a past verb with its object after it is a
 * finite verb, not an adjective before its noun ('the reduced dividend
 * payable Jan. 2'), so it governs the date a few words on as a verb
 * right before it does.  Not a verb
 * of saying or thinking ('said the summit in December would ...'),
 * whose object may be a clause; nor when a future cue or modal follows
 * the date in its clause ('... in December would'; 'and it will' is
 * another clause's), nor past a comma ('declared a dividend,
 * payable Dec. 15').  @k is the past cue, [@i, @end) the date. */
static gboolean
object_past (const TxScan *s, int k, int i, int end)
{
  static const char *const objects[] = { "the", "a", "an", "his", "her", "its", "their", "him",
                                         "them", "it", "us", "me", "our", "my", "your" };
  static const char *const saying[] = { "said", "told", "announced", "warned", "predicted",
                                        "argued", "insisted", "suggested", "claimed", "expected",
                                        "hoped", "feared", "believed", "thought", "added", "noted",
                                        "stated", "indicated", "signaled", "signalled" };
  if (k + 1 >= s->n)
    return FALSE;
  const TxUnit *o = &s->u[k + 1];
  /* ... or its manner: 'fell sharply in November', 'rose slightly on
   * Friday' (a lower-case word in -ly: no name, no 'July') */
  gboolean manner = o->kind == U_WORD && !o->cap && o->len > 4 && o->low[o->len - 2] == 'l'
                    && o->low[o->len - 1] == 'y';
  if (!(unit_in (o, objects, G_N_ELEMENTS (objects)) || o->kind == U_NUM || manner
        || (o->kind == U_PUNCT && o->low[0] == '$'))
      || unit_in (&s->u[k], saying, G_N_ELEMENTS (saying)))
    return FALSE;
  /* an amount's signs are no break: 'rose $5 in May', 'fell 5% in
   * November' as 'fell 5 percent in November' */
  for (int j = k + 2; j < i; j++)
    if (s->u[j].kind == U_PUNCT && s->u[j].low[0] != '$' && s->u[j].low[0] != '%')
      return FALSE;
  static const char *const joins[] = { "and", "but", "or", "while", "when", "as", "because",
                                       "which", "who", "that", "after", "before", "until" };
  for (int r = end; r < s->n && r < end + 8; r++)
    {
      const TxUnit *u = &s->u[r];
      if (u->kind == U_PUNCT || unit_in (u, joins, G_N_ELEMENTS (joins)))
        break;
      if ((u->wi->tense && !past_cue (u)) || modal_tense (s, r))
        return FALSE;
    }
  return TRUE;
}

/* 'called the May 23 polls a funeral', 'faced a vacuum after the July 1
 * handover': a date between a determiner and its noun names the noun's
 * time, which a past verb of the clause need not share. */
static gboolean
attributive_date (const TxScan *s, int i, int end)
{
  static const char *const dets[] = { "the", "a", "an", "his", "her", "its", "their", "our" };
  return i > 0 && end < s->n && unit_in (&s->u[i - 1], dets, G_N_ELEMENTS (dets)) && s->u[end].kind == U_WORD
         && !s->u[end].cap && !s->u[end].wi->tense && !s->u[end].wi->cue && !past_cue (&s->u[end]);
}

/* Whether the future cue 'plan' or 'plans' at @k is the noun, after a
 * determiner or a past verb ('approved the plan on Tuesday', 'unveiled
 * plans on Monday'): the clause's own verb tells, not the plan. */
static gboolean
plan_noun (const TxScan *s, int k)
{
  static const char *const dets[] = { "the", "a", "an", "his", "her", "its", "their", "our", "this",
                                      "that", "these", "those", "new" };
  if (k == 0 || !(tx_unit_is (&s->u[k], "plan") || tx_unit_is (&s->u[k], "plans")))
    return FALSE;
  const TxUnit *b = &s->u[k - 1];
  return unit_in (b, dets, G_N_ELEMENTS (dets)) || past_cue (b);
}

/* The head of a subject whose last word is unit @k: the word before a
 * place after 'in', 'from' or 'of' ('voters in Paris go', 'the court in
 * New York rules', 'fans across the country go'), else @k itself.  Up
 * to three capitalised words, or a determiner and a noun, make the
 * place. */
static int
subject_head (const TxScan *s, int k)
{
  static const char *const preps[] = { "in", "from", "of", "at", "across", "around", "near" };
  static const char *const dets[] = { "the", "a", "an", "this", "that" };
  int j = k;
  if (s->u[j].kind != U_WORD)
    return k;
  if (s->u[j].cap)
    while (j > k - 3 && j > 0 && s->u[j - 1].kind == U_WORD && s->u[j - 1].cap && !s->u[j].nl)
      j--;
  else if (j >= 2 && unit_in (&s->u[j - 1], dets, G_N_ELEMENTS (dets)))
    j--;
  else
    return k;
  if (j < 2 || s->u[j].nl || !unit_in (&s->u[j - 1], preps, G_N_ELEMENTS (preps)) || s->u[j - 2].kind != U_WORD)
    return k;
  return j - 2;
}

/* 'The court rules on Monday', 'the team plays on Friday', 'voters go
 * to the polls on Sunday': with no other cue in its clause, a simple
 * present in news tells a scheduled event, which lies ahead as after
 * 'will'.  Unit @k is such a verb: a third-person '-s' form after a
 * determiner and its noun, or a base form after a plural subject that
 * opens the sentence or follows a determiner.  Not a verb of saying
 * ('says on Monday' reports a past act) nor of state ('is', 'remains',
 * 'needs'), whose present is the writing's own time; the word after a
 * determiner alone is a noun ('the talks on Monday'). */
static gboolean
present_verb (const TxScan *s, int k)
{
  static const char *const dets[] = { "the", "a", "an", "its", "his", "her", "their", "our", "this", "that" };
  static const char *const not_verbs[] = {
    /* saying and reporting */
    "says", "tells", "reports", "announces", "claims", "insists", "warns", "admits", "denies",
    "confirms", "adds", "notes", "writes", "argues", "states", "explains", "suggests", "urges",
    "asks", "predicts", "estimates", "acknowledges", "contends", "maintains", "calls", "quotes",
    "say", "tell", "report", "announce", "claim", "insist", "warn", "admit", "deny", "confirm",
    "add", "note", "write", "argue", "state", "explain", "suggest", "urge", "ask", "predict",
    /* states */
    "is", "are", "has", "have", "does", "do", "seems", "seem", "remains", "remain", "needs", "need",
    "wants", "want", "knows", "know", "believes", "believe", "thinks", "think", "hopes", "hope",
    "means", "mean", "owns", "own", "lives", "live", "appears", "appear", "looks", "look",
    "includes", "include", "contains", "contain", "depends", "depend", "lacks", "lack", "fears",
    "fear", "feels", "feel", "sees", "see", "hears", "hear", "stands", "stand", "lies", "lie",
    "faces", "face", "holds", "hold", "keeps", "keep", "continues", "continue",
    /* function words a bare-form test would take */
    "in", "on", "at", "of", "to", "for", "from", "by", "with", "and", "or", "but", "as", "than",
    "who", "which", "that", "also", "still", "not", "all", "both", "each", "last", "next", "this" };
  if (k < 1 || s->u[k].kind != U_WORD || s->u[k].cap || s->u[k].len < 2 || s->u[k].len >= sizeof s->u[k].low)
    return FALSE;
  const TxUnit *u = &s->u[k];
  int si = subject_head (s, k - 1);
  const TxUnit *subj = &s->u[si];
  if (subj->kind != U_WORD || u->wi->tense || past_cue (u))
    return FALSE;
  for (guint8 c = 0; c < u->len; c++)
    if (!g_ascii_isalpha (u->low[c]))
      return FALSE;
  /* a verb goes on to its object or adverbial ('plays on Friday',
   * 'go to the polls'); a noun with a modifier before it does not ('its
   * newest computers well into the summer') */
  static const char *const heads[] = { "on", "at", "in", "to", "for", "against", "the", "a", "an",
                                       "its", "his", "her", "their", "off", "out", "up", "back", "home" };
  /* ... or to the span it fills, named right after ('runs from Monday
   * to Friday', 'runs through Sunday'); the date word first, as 'from'
   * and 'through' follow many a noun */
  static const char *const span_heads[] = { "from", "through", "until", "till" };
  if (k + 1 >= s->n
      || !(unit_in (&s->u[k + 1], heads, G_N_ELEMENTS (heads)) || s->u[k + 1].wi->wday
           || (k + 2 < s->n && s->u[k + 2].cand && s->u[k + 1].len >= 4
               && (s->u[k + 1].low[0] == 'f' || s->u[k + 1].low[0] == 't' || s->u[k + 1].low[0] == 'u')
               && unit_in (&s->u[k + 1], span_heads, G_N_ELEMENTS (span_heads)))))
    return FALSE;
  gboolean det_before_subj = si >= 1 && unit_in (&s->u[si - 1], dets, G_N_ELEMENTS (dets));
  gboolean subj_plural = subj->len > 3 && subj->len < sizeof subj->low && subj->low[subj->len - 1] == 's'
                         && subj->low[subj->len - 2] != 's' && subj->low[subj->len - 2] != 'u';
  gboolean s_form = u->len > 3 && u->low[u->len - 1] == 's' && u->low[u->len - 2] != 's' && u->low[u->len - 2] != 'u';
  gboolean ing_ed_ly = u->len > 3
                       && (g_str_has_suffix (u->low, "ing") || g_str_has_suffix (u->low, "ed") || g_str_has_suffix (u->low, "ly"));
  gboolean shape = s_form ? det_before_subj && !subj_plural && !subj->wi->tense && !unit_in (subj, dets, G_N_ELEMENTS (dets))
                          : subj_plural && !ing_ed_ly && (subj->nl || det_before_subj);
  /* the long list last: this runs for each word before every date
   * (measured: 12 M instructions on 400 small documents when first) */
  return shape && !unit_in (u, not_verbs, G_N_ELEMENTS (not_verbs));
}

/* 'called for a general strike on Wednesday', 'appealed for calm on
 * Friday': the date after what a call asks for is mostly that thing's,
 * which may still lie ahead of the writing, so the nearer day wins as
 * after 'planned a rally'; not after 'had' ('had called for a strike on
 * Monday' that has passed).  @k is the past verb, 'for' right after it,
 * the date at @i further on. */
static gboolean
call_for (const TxScan *s, int k, int i)
{
  static const char *const calls[] = { "called", "appealed", "pressed", "pushed", "asked", "clamored",
                                       "clamoured", "lobbied", "campaigned", "agitated" };
  return k + 2 < i && tx_unit_is (&s->u[k + 1], "for") && !(k > 0 && tx_unit_is (&s->u[k - 1], "had"))
         && unit_in (&s->u[k], calls, G_N_ELEMENTS (calls));
}

/* 'will have left by Tuesday', 'will not have finished by Friday': a
 * participle after 'have' after a future auxiliary is the future
 * perfect, done by a time still ahead; its past form tells no past (the
 * 'will' further left does).  @k is the participle. */
static gboolean
future_perfect (const TxScan *s, int k)
{
  if (k < 2 || !(tx_unit_is (&s->u[k - 1], "have") || tx_unit_is (&s->u[k - 1], "'ve")))
    return FALSE;
  int a = k - 2;
  if (a > 0 && tx_unit_is (&s->u[a], "not"))
    a--;
  return s->u[a].kind == U_WORD && s->u[a].wi->tense && future_head (s, a);
}

int
tx_tense (const TxScan *s, int i, int end)
{
  /* The nearest cue wins: first to the left within the clause, then to
   * the right ('met on Wednesday', 'Friday, when they will meet'). */
  /* 'postponed until Tuesday', 'has until Friday to sign': a deadline
   * lies ahead of the clause's own time */
  if (i > 0 && s->u[i - 1].kind == U_WORD
      && (tx_unit_is (&s->u[i - 1], "until") || tx_unit_is (&s->u[i - 1], "till")))
    return until_past (s, i - 1, end) ? -1 : 1;
  /* 'shares fell ahead of Sunday's election', 'squared positions ahead
   * of the weekend': what a clause runs ahead of lies ahead */
  if (i >= 2 && tx_unit_is (&s->u[i - 1], "of") && tx_unit_is (&s->u[i - 2], "ahead"))
    return 2;
  /* 'missing since Friday', 'shut since Sept. 3': the start of a state
   * that lasts to the time of writing lies behind it */
  if (i > 0 && s->u[i - 1].kind == U_WORD && tx_unit_is (&s->u[i - 1], "since"))
    return -2;
  gboolean present = FALSE;
  /* A headline tells what happened in the present ('Kim arrives in
   * Vladivostok on Tuesday'): there a present is no schedule, and the
   * nearer day wins; its future is 'to' or 'will' ('Kim to visit'). */
  gboolean heading = s->sents && s->sentence < s->n_sents && s->sents[s->sentence].is_heading;
  int k = i - 1;
  for (; k >= 0 && k >= i - TENSE_REACH; k--)
    {
      const TxUnit *u = &s->u[k];
      if (clause_break_left (s, k))
        break;
      if (compound_part (s, k) || (past_cue (u) && (attributive_part (s, k) || last_verb (s, k))))
        continue;
      /* 'forecast to hit on Friday', 'due to set out on Monday': a past
       * form after 'to' is the bare verb ('hit', 'set', 'put' are both);
       * the 'to' before it tells */
      /* ... and after 'will' or a modal ('the storm will hit at 11:30
       * a.m. Tuesday', 'may cut rates Friday') */
      if (past_cue (u) && k > 0
          && (tx_unit_is (&s->u[k - 1], "to") || (s->u[k - 1].wi->tense && future_head (s, k - 1))
              || modal_tense (s, k - 1) > 0 || future_perfect (s, k)))
        continue;
      /* 'to leave on Thursday': an infinitive looks ahead */
      if (u->kind == U_WORD && tx_unit_is (u, "to") && (pluperfect_before (s, k) || implicative_past_before (s, k)))
        return -1;
      /* a passive infinitive takes a word more ('to be published in the
       * paper Friday') */
      if (u->kind == U_WORD && tx_unit_is (u, "to") && k + 1 < i
          && k >= i - INFINITIVE_REACH - (tx_unit_is (&s->u[k + 1], "be") ? 1 : 0)
          && !relative_infinitive (s, k) && plain_verb_after_to (s, k))
        return strong_future (s, k - 1) ? 2 : 1;
      /* a past verb right before the date governs it ('ended Jan. 31',
       * 'met in May'): -2, which the year choice trusts more */
      /* so does a perfect ('have averted several since then, most
       * recently in March', 'had fallen in May'), but for the date a
       * plan was made for ('which had been set for June 7') */
      gboolean perfect = u->kind == U_WORD && !tx_unit_is (&s->u[i - 1], "for")
                         && (tx_unit_is (u, "had")
                             || (k > 0 && (tx_unit_is (&s->u[k - 1], "has") || tx_unit_is (&s->u[k - 1], "have"))));
      int strength = (k >= i - 2 || perfect) && !target_prep (s, i) ? 2 : 1;
      if (past_cue (u) && attributive_date (s, i, end))
        return -1;
      /* 'will be paid Dec. 14': a passive participle; the auxiliary
       * further left tells.  'is planned for 3 November', 'are held on
       * July 20': a present passive is no past either, irregular
       * participles included ('is scheduled' keeps its own cue) */
      /* 'the election is set for Nov. 5', 'talks are set to resume on
       * Monday': a plan, as 'is scheduled' */
      if (u->kind == U_WORD && k > 0 && k + 1 < s->n && tx_unit_is (u, "set")
          && (tx_unit_is (&s->u[k - 1], "is") || tx_unit_is (&s->u[k - 1], "are"))
          && (tx_unit_is (&s->u[k + 1], "for") || tx_unit_is (&s->u[k + 1], "to")))
        return 1;
      /* ... and so is one told in the past: 'was set for June 12', 'a
       * hearing, which she set for June 12', 'set a vote for Monday';
       * not 'had been set for' (past) */
      if (u->kind == U_WORD && tx_unit_is (u, "set") && set_for (s, k, i))
        return pluperfect_before (s, k) ? -1 : 1;
      if (u->kind == U_WORD && k > 0
          && (after_be (s, k)
              || ((!u->wi->tense || past_cue (u))
                  && (tx_unit_is (&s->u[k - 1], "is") || tx_unit_is (&s->u[k - 1], "are")))))
        continue;
      /* 'the union has called a strike for Friday', 'have set a vote
       * for Monday': a present perfect takes no past date; after 'for'
       * the date is the target it set */
      if (past_cue (u) && k > 0 && tx_unit_is (&s->u[i - 1], "for")
          && (tx_unit_is (&s->u[k - 1], "has") || tx_unit_is (&s->u[k - 1], "have")))
        return 1;
      /* 'Protesters planned a rally on Saturday': what was planned may
       * still lie ahead of the writing, so the nearer date wins; not
       * after 'had' ('had planned a rally on Saturday' but did not), nor
       * a participle after its noun ('a memorial planned for Saturday
       * was canceled'), whose clause's own verb tells. */
      if ((tx_unit_is (u, "planned") || tx_unit_is (u, "scheduled")) && k + 1 < i
          && (tx_unit_is (&s->u[k + 1], "a") || tx_unit_is (&s->u[k + 1], "an")
              || tx_unit_is (&s->u[k + 1], "the") || tx_unit_is (&s->u[k + 1], "their")
              || tx_unit_is (&s->u[k + 1], "its") || tx_unit_is (&s->u[k + 1], "another"))
          && !(k > 0 && tx_unit_is (&s->u[k - 1], "had")))
        return 0;
      /* 'a special meeting planned for April', 'the vote scheduled for
       * June': a participle after its noun dates what was planned, not
       * when; the clause's own verb, further left ('will recommend') or
       * right ('was canceled'), tells which April. */
      if ((tx_unit_is (u, "planned") || tx_unit_is (u, "scheduled")) && k + 1 < i && k > 0
          && tx_unit_is (&s->u[k + 1], "for") && s->u[k - 1].kind == U_WORD && !past_cue (&s->u[k - 1])
          && !auxiliary_before (s, k) && !after_be (s, k))
        continue;
      if (past_cue (u) && call_for (s, k, i))
        return 0;
      if (past_cue (u))
        return strength == 1 && (object_past (s, k, i, end) || period_to (s, i)) ? -2 : -strength;
      present |= !heading && present_verb (s, k);
      if (u->wi->tense && plan_noun (s, k))
        continue;
      if (u->wi->tense)
        return k >= i - 5 && strong_future (s, k) ? 2 : 1;
      int modal = modal_tense (s, k);
      if (modal)
        return modal;
      /* not a plain form after an auxiliary or 'to' ('will resume',
       * 'had been due to expire Friday'): the word before tells */
      /* 'the law takes effect in January', 'takes office', 'takes
       * place': a schedule too */
      /* ... and so do 'the rules go into effect on Monday', 'the ban
       * comes into force in June' */
      if (((schedule_present (u) && !heading)
           || ((tx_unit_is (u, "takes") || tx_unit_is (u, "take")) && k + 1 < i
               && (tx_unit_is (&s->u[k + 1], "effect") || tx_unit_is (&s->u[k + 1], "office")
                   || tx_unit_is (&s->u[k + 1], "place")))
           || ((tx_unit_is (u, "go") || tx_unit_is (u, "goes") || tx_unit_is (u, "come")
                || tx_unit_is (u, "comes"))
               && k + 2 < i && tx_unit_is (&s->u[k + 1], "into")
               && (tx_unit_is (&s->u[k + 2], "effect") || tx_unit_is (&s->u[k + 2], "force"))))
          && !(k > 0 && auxiliary_before (s, k)))
        return 1;
    }
  /* the window ran out inside the clause: a future auxiliary further
   * left still governs it (a cue after the date, often the reporting
   * verb of 'X, officials said', tells less) */
  if (k >= 0 && k < i - TENSE_REACH)
    {
      int far = far_future (s, i, k);
      if (far)
        return far;
    }
  gboolean comma = FALSE, that = FALSE;
  /* 'In January, a week after the anniversary of the Roe vs. Wade
   * decision, a clinic bombing in Birmingham, Ala., killed a guard': a
   * date opening its sentence waits for the main clause's verb past an
   * adjunct or a long subject, and the periods of abbreviations inside
   * the sentence (as the splitter found it) end nothing */
  gboolean fronted = fronted_date (s, i, end);
  guint32 sent_end = fronted && s->sents && s->sentence < s->n_sents ? s->sents[s->sentence].span.end : 0;
  int reach = fronted ? RIGHT_REACH_FRONTED : 10;
  for (int r = end; r < s->n && r < end + reach; r++)
    {
      const TxUnit *u = &s->u[r];
      if (u->kind == U_PUNCT && u->low[0] == '.' && u->space == 0 && u->end < sent_end)
        continue;
      if (u->kind == U_PUNCT && u->low[0] != ',')
        break;
      that |= u->kind == U_WORD && tx_unit_is (u, "that");
      comma |= u->kind == U_PUNCT;
      if (compound_part (s, r))
        continue;
      /* 'X on Wednesday, the company said.': the attribution's own
       * past says nothing of the date; but after a date opening its
       * sentence ('In May, sales fell.', 'On Friday, he resigned.') the
       * clause after the comma is the main one, whose past is the date's */
      if (comma && !fronted && past_cue (u)
          && (r + 1 >= s->n || (s->u[r + 1].kind == U_PUNCT && s->u[r + 1].low[0] == '.')))
        return 0;
      if (past_cue (u))
        return (!comma && governing_past (s, end, r)) || fronted_date (s, i, end) ? -2 : -1;
      if (u->wi->tense)
        return 1;
      int modal = modal_tense (s, r);
      /* 'made it clear Thursday that he would ...': a 'would' told
       * in reported speech is the past of 'will', so the clause that
       * reports it is past */
      if (modal > 0 && that && tx_unit_is (u, "would"))
        return -1;
      /* a modal after the date ('the decision in March may prove
       * costly') tells less of it than one heading its clause */
      if (modal)
        return modal > 0 ? 1 : modal;
    }
  /* nothing else told: a scheduled present looks ahead (present_verb()) */
  return present ? 1 : 0;
}

void
tx_dct_point (const TxScan *s, EvlGrain grain, EvlTimexPoint *p)
{
  if (s->dct)
    evl_timex_point_from_day (p, s->dct, grain);
  else
    {
      evl_timex_point_clear (p);
      p->grain = grain;
    }
}

int
tx_year_for (const TxScan *s, int month, int day, int tense)
{
  /* A year named earlier in the same sentence sets the scene for a bare
   * month ('In 1998 ... in August'); otherwise the creation time decides: a
   * month up to the creation month is this year's, a later one last
   * year's in a past clause (TimeBank: 81 of 94 earlier months fall in
   * the creation year). */
  int y = 0, m = 0, d = 0;
  if (s->dct)
    evl_day_to_ymd (s->dct, &y, &m, &d);
  /* but for a clause looking ahead of a year long past ('rule ended in
   * 1992 with the election of X, a candidate in elections to be held in
   * May'): that year is another clause's */
  /* Nor the creation year itself, which the tense-aware choice below
   * knows better: 'NEW DELHI, April 30, 1997 -- The party took office in
   * October' met the dateline's year first and put October ahead. */
  if (s->ref_index >= 0 && s->ref.year > 0 && s->sentence == s->ref_sentence
      && s->ref_from_text && day <= 0 && !(tense > 0 && s->dct && s->ref.year < y - 1)
      && !(s->dct && s->ref.year == y))
    return s->ref.year;
  if (!s->dct)
    return -1;
  /* 'The protests began on Jan. 25, 2011.  On Feb. 11, the president
   * resigned': a background story told by full dates years back goes on
   * in their year; the occurrence nearest the date just written out,
   * unless the clause looks ahead.  Not a bare month: 'agreed in April'
   * after 'the Dec. 21, 1988, bombing' is news of this year */
  if (day > 0 && s->ref_index >= 0 && s->ref_from_text && s->ref.grain == EVL_GRAIN_DAY && s->ref.year > 0
      && (s->ref.year < y - 1 || s->ref.year > y + 1) && s->sentence - s->ref_sentence <= 1 && tense <= 0)
    {
      EvlDay ref = evl_timex_point_first_day (&s->ref);
      int best = s->ref.year;
      gint64 best_gap = G_MAXINT64;
      for (int ry = s->ref.year - 1; ry <= s->ref.year + 1; ry++)
        {
          gint64 gap = (gint64) evl_timex_day_from_ymd (ry, month, MIN (day, 28)) - (gint64) ref;
          if (gap < 0)
            gap = -gap;
          if (gap < best_gap)
            {
              best_gap = gap;
              best = ry;
            }
        }
      return best;
    }
  /* Otherwise the occurrence nearest the creation time, pulled towards
   * the past or the future by the tense of the clause ('Feb. 1' in a
   * late-October article is next February's; 'met in May' last May's). */
  EvlDay cands[3];
  for (int k = 0; k < 3; k++)
    cands[k] = evl_timex_day_from_ymd (y - 1 + k, month, day > 0 ? MIN (day, 28) : 15);
  if (day <= 0 && month == m)
    return y;
  return y - 1 + tx_pick_nearest (s, cands, 3, tense);
}

int
tx_pick_nearest (const TxScan *s, const EvlDay *cands, int n, int tense)
{
  int best = 0;
  gint64 best_score = G_MAXINT64;
  for (int k = 0; k < n; k++)
    {
      if (cands[k] == 0)
        continue;
      gint64 diff = (gint64) cands[k] - (gint64) s->dct;
      gint64 score = diff < 0 ? -diff : diff;
      /* news reports the past: without a cue the future must be nearer */
      if (tense < -1 && diff > 15)
        score += 400;
      else if (tense < 0 && diff > 15)
        score += 150;
      else if (tense > 1 && diff < -15)
        score += 400;
      else if (tense > 0 && diff < -15)
        score += 150;
      else if (tense == 0 && diff > 15)
        score += 100;
      if (score < best_score)
        {
          best_score = score;
          best = k;
        }
    }
  return best;
}

void
tx_weekday_point (const TxScan *s, int wd, int dir, EvlTimexPoint *p)
{
  evl_timex_point_clear (p);
  p->grain = EVL_GRAIN_DAY;
  if (!s->dct)
    {
      p->weekday = wd;
      return;
    }
  GDate g;
  g_date_clear (&g, 1);
  g_date_set_julian (&g, s->dct);
  int cur = (int) g_date_get_weekday (&g);
  int delta;
  if (dir < 0)
    {
      delta = -((cur - wd + 7) % 7);
      if (dir == -2 && delta == 0)
        delta = -7;
    }
  else
    {
      delta = (wd - cur + 7) % 7;
      if (dir == 2 && delta == 0)
        delta = 7;
    }
  evl_timex_point_from_day (p, (EvlDay) ((gint64) s->dct + delta), EVL_GRAIN_DAY);
}

EvlDay
tx_holiday_day (const char *rule, int year)
{
  if (year <= 0 || rule == NULL)
    return 0;
  if (g_str_has_prefix (rule, "easter"))
    return (EvlDay) ((gint64) evl_timex_easter (year) + tx_atoi (rule + 6));
  int month = tx_atoi (rule);
  const char *r = strchr (rule, '-');
  if (month < 1 || month > 12 || r == NULL)
    return 0;
  r++;
  const char *r2 = strchr (r, '-');
  if (r2 == NULL)
    return evl_timex_day_from_ymd (year, month, tx_atoi (r));
  int nth = *r == 'L' ? -1 : tx_atoi (r);
  int wd = tx_atoi (r2 + 1);
  EvlDay d = evl_timex_nth_weekday (year, month, nth, wd);
  /* '11-1-2-after-1': the first Tuesday after the first Monday. */
  const char *after = strstr (r2, "-after-");
  if (after && d)
    {
      EvlDay first = evl_timex_nth_weekday (year, month, 1, tx_atoi (after + 7));
      while (d <= first)
        d += 7;
    }
  /* '11-4-4+1': the day after the fourth Thursday (Black Friday) */
  const char *plus = strchr (r2, '+');
  if (plus && d)
    d += (EvlDay) tx_atoi (plus + 1);
  return d;
}

EvlGrain
tx_unit_grain (const char *code)
{
  static const struct { const char *code; EvlGrain grain; } map[] = {
    { "Y", EVL_GRAIN_YEAR }, { "HY", EVL_GRAIN_HALF }, { "Q", EVL_GRAIN_QUARTER },
    { "M", EVL_GRAIN_MONTH }, { "W", EVL_GRAIN_WEEK }, { "FN", EVL_GRAIN_WEEK },
    { "WE", EVL_GRAIN_WEEK }, { "D", EVL_GRAIN_DAY }, { "DE", EVL_GRAIN_DECADE },
    { "CE", EVL_GRAIN_CENTURY },
  };
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (code, map[i].code) == 0)
      return map[i].grain;
  return EVL_GRAIN_NONE;
}

/* Appends @v to @out (@k bytes so far, room for 96). */
static void
dur_cat (char *out, gsize *k, const char *v)
{
  gsize n = strlen (v);
  if (*k + n < 96)
    {
      memcpy (out + *k, v, n);
      *k += n;
    }
}

/* Appends @n as printf's "%g" spells it.  A whole count below 1e6 (all
 * but a few) has exactly its digits, which is written here: g_snprintf()
 * with "%g" was ~1,800 instructions a duration. */
static void
dur_cat_g (char *out, gsize *k, double n)
{
  char d[32];
  if (n >= 1 && n < 1e6 && n == (double) (gint64) n)
    {
      gint64 v = (gint64) n;
      gsize l = 0;
      char r[8];
      while (v > 0)
        {
          r[l++] = (char) ('0' + v % 10);
          v /= 10;
        }
      for (gsize i = 0; i < l; i++)
        d[i] = r[l - 1 - i];
      d[l] = '\0';
    }
  else
    g_snprintf (d, sizeof d, "%g", n);
  dur_cat (out, k, d);
}

void
tx_duration_value (char *buf, gsize cap, double n, gboolean vague, const char *code)
{
  /* TIMEX3 spells fractions in a smaller unit when there is one
   * ('a year and a half' -> P18M, '5 1/2 hours' -> PT330M). */
  static const struct { const char *code, *iso, *smaller; double factor; gboolean time; } map[] = {
    { "Y", "Y", "M", 12, FALSE }, { "HY", "M", NULL, 6, FALSE }, { "Q", "Q", "M", 3, FALSE },
    { "M", "M", "D", 30, FALSE }, { "W", "W", "D", 7, FALSE }, { "FN", "W", NULL, 2, FALSE },
    { "WE", "WE", NULL, 1, FALSE }, { "D", "D", "H", 24, FALSE }, { "H", "H", "MIN", 60, TRUE },
    { "MIN", "M", "S", 60, TRUE }, { "S", "S", NULL, 1, TRUE }, { "DE", "Y", NULL, 10, FALSE },
    { "CE", "Y", NULL, 100, FALSE }, { "ML", "Y", NULL, 1000, FALSE },
  };
  /* built in @out, then cut to @cap as g_snprintf() would */
  char out[96];
  gsize k = 0;
  out[k++] = 'P';
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (strcmp (code, map[i].code) != 0)
        continue;
      dur_cat (out, &k, map[i].time ? "T" : "");
      if (vague)
        {
          /* 'centuries', 'millennia': TimeML's century and millennium
           * units (a count of years would claim a grain it lacks) */
          const char *v = strcmp (code, "CE") == 0 ? "C" : strcmp (code, "ML") == 0 ? "L" : map[i].iso;
          dur_cat (out, &k, "X");
          dur_cat (out, &k, v);
        }
      /* Units spelled through a multiple (quarter = 3 months). */
      else if (map[i].smaller == NULL && map[i].factor != 1)
        {
          dur_cat_g (out, &k, n * map[i].factor);
          dur_cat (out, &k, map[i].iso);
        }
      else if (n != (double) (gint64) n && map[i].smaller)
        {
          double whole = (double) (gint64) n;
          if (whole == 0)
            {
              tx_duration_value (buf, cap, n * map[i].factor, FALSE, map[i].smaller);
              return;
            }
          /* '2 1/2 years' -> P2Y6M, '5 1/2 hours' -> PT5H30M */
          char rest[32];
          tx_duration_value (rest, sizeof rest, (n - whole) * map[i].factor, FALSE, map[i].smaller);
          const char *r = rest + 1; /* past 'P' */
          if (*r == 'T' && map[i].time)
            r++;
          dur_cat_g (out, &k, whole);
          dur_cat (out, &k, map[i].iso);
          dur_cat (out, &k, r);
        }
      else
        {
          dur_cat_g (out, &k, n);
          dur_cat (out, &k, map[i].iso);
        }
      out[k] = '\0';
      g_strlcpy (buf, out, cap);
      return;
    }
  dur_cat (out, &k, "X");
  dur_cat (out, &k, code);
  out[k] = '\0';
  g_strlcpy (buf, out, cap);
}

/* ---- the driver ---- */

/* Whether the quarter @m names can be one whose results are reported;
 * @fiscal: it is named as a fiscal one. */
static gboolean
reported_quarter (const TxScan *s, const TxMatch *m, gboolean fiscal)
{
  if (!s->dct)
    return TRUE;
  EvlTimexPoint next = m->pt;
  evl_timex_point_shift (&next, 1);
  /* the latest such quarter is the one reported on: 'after a flat
   * second quarter' in a third-quarter report is an aside; not so a
   * fiscal quarter, numbered from its own company's year */
  if (s->have_quarter && !fiscal && evl_timex_point_first_day (&m->pt) < evl_timex_point_first_day (&s->quarter))
    return FALSE;
  if (evl_timex_point_first_day (&next) <= s->dct)
    return TRUE;
  return evl_timex_point_first_day (&m->pt) <= s->dct && tx_tense (s, m->start, m->end) <= 0;
}

/* A bare year between a determiner and a word, after a day named in its
 * sentence: 'charged on May 6 in the 1998 slaying'.  It dates the thing
 * it qualifies, not the story's scene: 'later that day' is still May 6. */
static gboolean
attributive_year (const TxScan *s, const TxMatch *m)
{
  if (m->pt.grain != EVL_GRAIN_YEAR || m->end - m->start != 1 || m->start == 0 || m->end >= s->n
      || s->ref.grain != EVL_GRAIN_DAY || s->ref_sentence != s->sentence || s->u[m->end].kind != U_WORD)
    return FALSE;
  const TxUnit *d = &s->u[m->start - 1];
  return tx_unit_is (d, "the") || tx_unit_is (d, "a") || tx_unit_is (d, "its") || tx_unit_is (d, "his")
         || tx_unit_is (d, "her") || tx_unit_is (d, "their");
}

/* Returns the index of the new timex. */
static guint
emit (TxScan *s, EvlDocument *doc, TxMatch *m)
{
  EvlTimex t;
  memset (&t, 0, sizeof t);
  t.span.start = s->u[m->start].start;
  t.span.end = s->u[m->end - 1].end;
  /* a sentence-final 'p.m.' lends its period to the sentence */
  const TxUnit *last = &s->u[m->end - 1];
  if ((tx_unit_is (last, "a.m.") || tx_unit_is (last, "p.m."))
      && (m->end >= s->n || s->u[m->end].cap))
    t.span.end--;
  t.sentence = s->sentence;
  t.type = m->type;
  t.anchor = -1;
  char value[100];
  if (m->has_pt)
    {
      evl_timex_point_format (&m->pt, value, sizeof value);
      if (m->range)
        {
          gsize l = strlen (value);
          value[l++] = '/';
          evl_timex_point_format (&m->pt2, value + l, sizeof value - l);
          t.flags |= EVL_TIMEX_FLAG_RANGE;
        }
    }
  else
    g_strlcpy (value, m->value, sizeof value);
  t.value = evl_document_intern (doc, value, -1);
  t.mod = m->mod;
  t.quant = m->quant;
  t.freq = m->freq;
  if (m->needs_dct)
    {
      t.flags |= EVL_TIMEX_FLAG_RELATIVE;
      if (!s->dct)
        t.flags |= EVL_TIMEX_FLAG_UNANCHORED;
    }
  if (m->needs_ref)
    {
      t.flags |= EVL_TIMEX_FLAG_RELATIVE;
      t.anchor = s->ref_index;
      if (s->ref.year < 0)
        t.flags |= EVL_TIMEX_FLAG_UNANCHORED;
    }
  if (t.type == EVL_TIMEX_DATE || t.type == EVL_TIMEX_TIME)
    evl_timex_value_bounds (t.value, &t.begin, &t.end, &t.grain);
  else if (m->bounds_only)
    {
      evl_timex_point_format (&m->pt, value, sizeof value);
      evl_timex_value_bounds (value, &t.begin, &t.end, &t.grain);
    }
  if (t.begin && t.begin == s->dct && t.end == s->dct && !m->needs_dct && !m->needs_ref)
    t.flags |= EVL_TIMEX_FLAG_DCT;
  guint idx = evl_document_add_timex (doc, &t);
  /* a date after 'since' opens a span up to now, no scene: 'led the bank
   * since 2015 ... the following day' is the day after the one before */
  gboolean since = m->start > 0 && tx_unit_is (&s->u[m->start - 1], "since");
  if (m->has_pt && m->pt.year > 0 && !m->range && m->pt.grain <= EVL_GRAIN_YEAR
      && (m->absolute || m->needs_dct) && !m->derived && !attributive_year (s, m)
      && !(since && s->ref.year > 0))
    {
      s->ref = m->pt;
      /* 'Friday night ... at 10 p.m.', 'Tuesday evening ... the next
       * morning': the scene is the day; a part of it would hide the day
       * from the rules that read one */
      if (s->ref.grain == EVL_GRAIN_PART_OF_DAY)
        {
          s->ref.grain = EVL_GRAIN_DAY;
          s->ref.pod[0] = '\0';
        }
      s->ref_index = (gint32) idx;
      s->ref_sentence = s->sentence;
      /* 'the sharpest fall since September 1986 in March': a date after
       * 'since' opens a span up to now; it sets no scene for the bare
       * months and quarters of its sentence */
      s->ref_from_text = m->absolute && !since;
      /* results are reported for quarters that have ended, or begun when
       * not spoken of in the future: 'the third quarter of 1990', 'into
       * the fourth quarter' in a forecast are no comparison base */
      gboolean fiscal = FALSE;
      for (int k = m->start; k < m->end && !fiscal && m->pt.grain == EVL_GRAIN_QUARTER; k++)
        fiscal = tx_unit_is (&s->u[k], "fiscal");
      if (m->pt.grain == EVL_GRAIN_QUARTER && reported_quarter (s, m, fiscal))
        {
          s->quarter = m->pt;
          s->have_quarter = TRUE;
          s->quarter_sentence = s->sentence;
          s->quarter_fiscal = fiscal;
        }
    }
  return idx;
}

/* A live blog's entries each open with their clock time ('10:42', '15:40
 * GMT'), a paragraph of its own or the paragraph's first words; so do the
 * lines of a chronology ('8:46 a.m.: the first plane hits').  All such
 * times after the first belong to the day the first one was given, or to
 * that of a date heading since (a short paragraph opening with a date):
 * not to a date the entry before spoke of ('can travel on Wednesday
 * instead').  The first takes the day under discussion, as any clock time
 * does: a chronology's lead names it. */
typedef struct {
  gboolean have;                /* an entry time or a date heading was seen */
  EvlTimexPoint day;
  gint32 index;                 /* its anchor's timex, -1: the creation time */
  guint32 sentence;
} TxEntryDay;

/* a date heading: the date and at most this many units more */
#define HEADING_MAX_REST 4

/* The match at a paragraph's first unit, a number that may be an
 * entry's clock time: matched against the entries' day; kept when it is a
 * TIME, else matched again against the reference as it was. */
static gboolean
match_entry_stamp (TxScan *s, const TxEntryDay *entry, TxMatch *m)
{
  EvlTimexPoint ref = s->ref;
  gint32 ref_index = s->ref_index;
  guint32 ref_sentence = s->ref_sentence;
  gboolean ref_from_text = s->ref_from_text;
  if (entry->index >= 0)
    s->ref = entry->day;
  else
    tx_dct_point (s, EVL_GRAIN_DAY, &s->ref);
  s->ref_index = entry->index;
  s->ref_sentence = entry->sentence;
  s->ref_from_text = FALSE;
  if (tx_match (s, 0, m) && m->type == EVL_TIMEX_TIME && m->has_pt)
    return TRUE;
  s->ref = ref;
  s->ref_index = ref_index;
  s->ref_sentence = ref_sentence;
  s->ref_from_text = ref_from_text;
  return tx_match (s, 0, m);
}

/* Notes the day of @m, emitted as timex @idx at a paragraph's start, when
 * it is an entry's clock time or a date heading. */
static void
note_entry_day (const TxScan *s, const TxMatch *m, guint idx, gint32 ref_index, TxEntryDay *entry)
{
  if (!m->has_pt || m->range || m->pt.year <= 0)
    return;
  gboolean stamp = m->type == EVL_TIMEX_TIME && s->u[0].kind == U_NUM
                   && m->pt.grain == EVL_GRAIN_MINUTE;
  gboolean heading = m->type == EVL_TIMEX_DATE && m->pt.grain == EVL_GRAIN_DAY
                     && s->n - m->end <= HEADING_MAX_REST;
  if (!stamp && !heading)
    return;
  entry->have = TRUE;
  evl_timex_point_from_day (&entry->day, evl_timex_point_first_day (&m->pt), EVL_GRAIN_DAY);
  entry->index = heading || m->absolute ? (gint32) idx : m->needs_ref ? ref_index : -1;
  entry->sentence = s->sentence;
}

/* Whether units @i, @i+1 begin a multi-word form ('more than', 'the
 * future', 'up to'). */
static gboolean
starts_phrase (const TxScan *s, int i)
{
  const TxUnit *a = &s->u[i], *b = &s->u[i + 1];
  /* the key "a b" (or "a'b", "a-b") hashed on from a's hash */
  if ((gsize) a->len + b->len + 2 > 64)
    return FALSE;
  /* the answer for the same two words before, in this thread */
  TxPairMemo *pm = &s->cache->pair[((a->h ^ (b->h * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)))
                                    >> (64 - TX_PAIR_BITS))];
  if (pm->state && pm->a == a->h && pm->b == b->h)
    return pm->state == 2;
  guint64 h = a->h;
  if (b->low[0] != '\'' && b->low[0] != '-')
    h = tx_hash_step (h, ' ');
  /* four bytes a turn: the loop's own test and jump were ~2 of the ~5
   * instructions a byte (~0.3 M on the 400 small documents, asked for
   * most 'the's) */
  const guchar *t = (const guchar *) b->low;
  guint k = 0, n = b->len;
  for (; k + 4 <= n; k += 4)
    h = tx_hash_step (tx_hash_step (tx_hash_step (tx_hash_step (h, t[k]), t[k + 1]), t[k + 2]), t[k + 3]);
  for (; k < n; k++)
    h = tx_hash_step (h, t[k]);
  gboolean yes = tx_bloom_has (s->lx->prefix[LEX_MODS], h) || tx_bloom_has (s->lx->prefix[LEX_DEICTICS], h)
                 || tx_bloom_has (s->lx->prefix[LEX_HOLIDAYS], h);
  pm->a = a->h;
  pm->b = b->h;
  pm->state = yes ? 2 : 1;
  return yes;
}

/* '"This Week With David Brinkley"': every word capitalised right after
 * an opening quote is a title, not a time. */
static gboolean
quoted_title (const TxScan *s, const TxMatch *m)
{
  if (m->start == 0 || m->end - m->start < 2)
    return FALSE;
  const TxUnit *q = &s->u[m->start - 1];
  if (q->kind != U_PUNCT || (q->low[0] != '"' && q->low[0] != '`' && q->low[0] != '\''))
    return FALSE;
  for (int k = m->start; k < m->end; k++)
    if (s->u[k].kind != U_WORD || !s->u[k].cap)
      return FALSE;
  return TRUE;
}

/* 'USA Today', 'High Noon': a word written in lower case when it is a time
 * (a deictic or a part of day), capitalised right after a capitalised word
 * in mid-sentence, is part of a name. */
static gboolean
in_name (const TxScan *s, const TxMatch *m)
{
  const TxUnit *u = &s->u[m->start];
  if (m->end - m->start != 1 || !u->cap || u->nl || m->start == 0)
    return FALSE;
  const TxUnit *p = &s->u[m->start - 1];
  if (p->kind != U_WORD || !p->cap || u->wi->month || u->wi->wday)
    return FALSE;
  /* 'TALKS MAY END TODAY': in a line in capitals every word is */
  if (evl_timex_upper_word (s->text, u->start, u->end) && evl_timex_upper_word (s->text, p->start, p->end))
    return FALSE;
  return u->wi->pod || evl_lexicon_lookup (s->lx->lex[LEX_DEICTICS], u->low, u->len);
}

/* The units of the span [@start, @end): cut into @units (after the
 * spans before it when s->keep, recorded for the next run), or those
 * kept when s->reuse (unless the span is not the one kept: then cut
 * again, this span and the rest).  @peak: raised to the units array's
 * largest size. */
/* Whether pipeline.c's guess_dct() will tag @doc again: a DATE of a
 * day, neither relative nor unanchored, in its first three sentences
 * (the same test; were the two to differ, units would be kept for
 * nothing or cut again, with the same result). */
static gboolean
dct_guess_ahead (const EvlDocument *doc)
{
  guint n;
  const EvlTimex *tx = evl_document_get_timexes (doc, &n);
  for (guint i = 0; i < n && tx[i].sentence < 3; i++)
    if (tx[i].type == EVL_TIMEX_DATE && tx[i].grain == EVL_GRAIN_DAY
        && !(tx[i].flags & (EVL_TIMEX_FLAG_RELATIVE | EVL_TIMEX_FLAG_UNANCHORED)))
      return TRUE;
  return FALSE;
}

static void
span_units (TxScan *s, const EvlDocument *doc, TxUnitBuf *units, guint32 start, guint32 end,
            guint *peak)
{
  guint i = s->span++;
  /* past the third sentence without a date to guess from: no second
   * run, nothing to keep from here on */
  if (s->keep && s->sents && s->sentence >= 3 && !dct_guess_ahead (doc))
    s->keep = FALSE;
  if (s->reuse)
    {
      if (i < units->n_spans && units->spans[i].start == start && units->spans[i].end == end)
        {
          s->u = units->u + units->spans[i].at;
          s->n = (int) units->spans[i].n;
          return;
        }
      s->reuse = FALSE;
    }
  if (!s->keep)
    units->n = 0;
  guint at = units->n;
  guint size = tx_units (s->lx, s->cache, s->text, s->text_len, start, end, units);
  *peak = MAX (*peak, size);
  s->u = units->u + at;
  s->n = (int) (units->n - at);
  tx_need_set (s, units->need_mask, units->need_last);
  if (s->keep)
    {
      if (i >= units->cap_spans)
        {
          units->cap_spans = MAX (16, 2 * units->cap_spans);
          units->spans = g_renew (TxKeptSpan, units->spans, units->cap_spans);
        }
      units->spans[i] = (TxKeptSpan) { start, end, at, (guint32) s->n };
      units->n_spans = i + 1;
    }
}

static void
scan_span (TxScan *s, EvlDocument *doc, TxUnitBuf *units, guint32 start, guint32 end, guint *peak,
           TxEntryDay *entry)
{
  span_units (s, doc, units, start, end, peak);
  for (int k = 0; k < LEX_N; k++)
    s->memo[k].at = -1;
  s->number->at = -1;
  /* A stop past the last unit ends the loop that passes over the units
   * where no pattern starts: no test of the count a unit (~0.1 M
   * instructions on the 400 small documents).  tx_units() leaves room
   * for it; the unit there may be the first of the next span kept for
   * a second run, so it is put back.  Nothing else reads @stop. */
  TxUnit *sentinel = &s->u[s->n];
  guint8 was_stop = sentinel->stop;
  sentinel->stop = TRUE;
  for (int i = 0;;)
    {
      const TxUnit *u = &s->u[i];
      /* most units are neither candidate words nor numbers, nor start
       * a pattern: a tight loop passes over them (counting as it goes:
       * @i from the pointers is a division by the unit's size) */
      while (!u->stop)
        u++, i++;
      if (i >= s->n)
        break;
      /* quick reject: a determiner ('the', 'a') starts a timex only
       * before another candidate or a number; any other candidate word
       * that is not a temporal word by itself ('more', 'in', 'said') only
       * as the first word of a multi-word form ('more than').  A word
       * that is none of the start words and whose first word no
       * multi-word lexicon's prefix filter knows (start classes S_CAND
       * alone) starts no pattern: tx_match() would fail, so
       * starts_phrase() is not asked. */
      if (u->kind == U_WORD && !u->wi->lexical
          && !(i + 1 < s->n && ((u->start_word && s->u[i + 1].hot)
                                || ((u->sc & ~(guint32) S_CAND) && starts_phrase (s, i)))))
        {
          i++;
          continue;
        }
      while (s->sents && s->sentence + 1 < s->n_sents
             && s->sents[s->sentence + 1].span.start <= u->start)
        s->sentence++;
      TxMatch m;
      gboolean ok;
      if (i == 0 && entry->have && u->kind == U_NUM && (u->sc & (S_CLOCK | S_HOUR)))
        ok = match_entry_stamp (s, entry, &m);
      else
        ok = tx_match (s, i, &m);
      if (ok && !quoted_title (s, &m) && !in_name (s, &m))
        {
          gint32 ref_index = s->ref_index;
          guint idx = emit (s, doc, &m);
          if (i == 0)
            note_entry_day (s, &m, idx, ref_index, entry);
          i = m.end;
        }
      else
        i++;
    }
  sentinel->stop = was_stop;
}

/* The lexicons and their filters, built once per context. */
static gpointer
lex_build (const EvlContext *ctx)
{
  TxLex *lx = g_new (TxLex, 1);
  tx_lex_init (lx, ctx);
  return lx;
}

static void
lex_free (gpointer lx)
{
  tx_lex_clear (lx);
  g_free (lx);
}

/* largest units array a thread keeps (about 800 KB; paragraphs up to
 * about 32 KB of text) */
#define TX_UNITS_KEEP 8192
/* largest text whose units are kept for a second run (its units fit in
 * TX_UNITS_KEEP at about one unit per five bytes) */
#define TX_KEEP_TEXT (32 * 1024)
static GPrivate units_buf = G_PRIVATE_INIT ((GDestroyNotify) tx_unit_buf_free);
static GPrivate cache_buf = G_PRIVATE_INIT ((GDestroyNotify) tx_word_cache_free);

void
evl_timex_annotate (const EvlContext *ctx, EvlDocument *doc)
{
  g_return_if_fail (ctx != NULL && doc != NULL);
  evl_document_clear_timexes (doc);
  TxScan s;
  memset (&s, 0, sizeof s);
  s.lx = evl_context_get_derived (ctx, EVL_CONTEXT_SLOT_TIMEX, lex_build, lex_free);
  gsize len;
  s.text = evl_document_get_text (doc, &len);
  s.text_len = len;
  s.dct = evl_document_get_dct_day (doc);
  s.dct_minute = -1;
  const char *dv = evl_document_get_dct (doc);
  if (s.dct && dv && strlen (dv) >= 16 && dv[10] == 'T' && g_ascii_isdigit (dv[11]) && g_ascii_isdigit (dv[12])
      && dv[13] == ':' && g_ascii_isdigit (dv[14]) && g_ascii_isdigit (dv[15]))
    s.dct_minute = ((dv[11] - '0') * 10 + dv[12] - '0') * 60 + (dv[14] - '0') * 10 + dv[15] - '0';
  s.ref_index = -1;
  TxNumberMemo number = { .at = -1 };
  s.number = &number;
  tx_dct_point (&s, EVL_GRAIN_DAY, &s.ref);
  /* the thread's units array, kept from one document to the next
   * unless a long paragraph grew it past TX_UNITS_KEEP: saves an
   * allocation and its regrowth per document (~0.9 M instructions on
   * the 400 small documents) */
  TxUnitBuf *units = g_private_get (&units_buf);
  if (!units)
    {
      units = g_new0 (TxUnitBuf, 1);
      g_private_set (&units_buf, units);
    }
  s.cache = g_private_get (&cache_buf);
  if (!s.cache)
    {
      s.cache = tx_word_cache_new ();
      g_private_set (&cache_buf, s.cache);
    }
  /* A document without a creation date may be tagged again with one
   * guessed from its first sentences (pipeline.c's guess_dct()): its
   * units are kept for that run, which finds the same text (compared
   * byte for byte) and takes them instead of cutting them again.  Only
   * for texts up to TX_KEEP_TEXT bytes; a document with a date keeps
   * nothing (one paragraph's units at a time, as before). */
  s.reuse = units->kept && units->kept_serial == s.lx->serial && units->kept_len == len
            && memcmp (units->kept_text, s.text, len) == 0;
  s.keep = !s.reuse && len <= TX_KEEP_TEXT && evl_document_get_dct_source (doc) == EVL_DCT_NONE;
  units->kept = FALSE;
  units->n = 0;
  guint peak = 0;
  TxEntryDay entry = { .have = FALSE };
  guint ns;
  const EvlSentence *sents = evl_document_get_sentences (doc, &ns);
  if (ns == 0)
    scan_span (&s, doc, units, 0, (guint32) len, &peak, &entry);
  /* Scan whole paragraphs so that an expression the sentence splitter
   * cut ('Thursday, Jan. | 6') stays whole; timexes take the sentence of
   * their first byte. */
  s.sents = sents;
  s.n_sents = ns;
  for (guint i = 0; i < ns;)
    {
      guint k = i + 1;
      while (k < ns && sents[k].paragraph == sents[i].paragraph)
        k++;
      s.sentence = i;
      scan_span (&s, doc, units, sents[i].span.start, sents[k - 1].span.end, &peak, &entry);
      i = k;
    }
  if (s.keep && peak <= TX_UNITS_KEEP)
    {
      if (len > units->kept_text_cap)
        {
          units->kept_text_cap = MAX (len, 2 * units->kept_text_cap);
          g_free (units->kept_text);
          units->kept_text = g_malloc (units->kept_text_cap);
        }
      memcpy (units->kept_text, s.text, len);
      units->kept_len = len;
      units->kept_serial = s.lx->serial;
      units->kept = TRUE;
    }
  if (peak > TX_UNITS_KEEP)
    g_private_replace (&units_buf, NULL);
}
