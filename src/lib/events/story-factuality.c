/* Factuality of story events: polarity (negation, denial), modality and
 * hedging, reported speech with its source, generic readings.  Cues come
 * from the "en/factuality" lexicon (data/lexicons/en/factuality.txt); each
 * cue names its kind and the scope it governs within the clause or
 * sentence.  One pass over the tokens finds the cues (longest match, words
 * inside a timex or entity name are not cues: 'May' the month), and each
 * cue touches only the events in its scope. */
#include "story-private.h"

#include <string.h>

typedef enum { K_NONE, K_NEG, K_DENY, K_HEDGE, K_MODAL, K_REPORT, K_SOURCE, K_GENERIC, K_CLAIM, K_PLAN } Kind;
typedef enum { S_NEXT, S_AFTER, S_COMPLEMENT, S_CLAUSE, S_REST, S_SENTENCE, S_PREDICATE, S_ATTRIBUTIVE } Scope;

static Kind
kind_of (const char *s)
{
  static const char *const names[] = { "NONE", "NEG", "DENY", "HEDGE", "MODAL", "REPORT",
                                       "SOURCE", "GENERIC", "CLAIM", "PLAN", NULL };
  guint i = evl_story_name_index (s, names);
  return i == G_MAXUINT ? K_NONE : (Kind) i;
}

static Scope
scope_of (const char *s)
{
  static const char *const names[] = { "next", "after", "complement", "clause", "rest", "sentence",
                                       "predicate", "attributive", NULL };
  guint i = evl_story_name_index (s, names);
  return i == G_MAXUINT ? S_NEXT : (Scope) i;
}

typedef struct {
  Kind kind;
  const char *modality;  /* interned canonical cue */
  gint32 source;
  guint count;           /* events touched */
  gint at;               /* the cue's first token */
  gboolean nominal;      /* a noun ('reports of', 'claims of'): no speaker */
  gboolean plan;         /* its events had not happened: EVL_EVENT_FLAG_PLANNED */
  gboolean conditional;  /* 'if', 'unless': a past tense is hypothetical */
} Cue;

/* What a factuality lexicon entry says (evl_story_apply_factuality()). */
typedef struct {
  const EvlLexEntry *entry;
  Kind kind;
  Scope scope;
  gboolean records;      /* a hedge or claim that records its modality */
  gboolean plan;         /* a PLAN cue, or a field 'plan': Cue.plan */
  gboolean verb;         /* a field 'verb': a cue only before an infinitive */
  gboolean be_only;      /* a field 'be': a predicate only after 'be' */
  gboolean unpast;       /* a field 'unpast': not in a clause told in the past */
} EntryMemo;

/* Only the first event a modal or hedge governs records it as modality
 * (TimeML's MAKEINSTANCE modality: 'may supply'); the rest of its scope
 * is flagged HEDGED. */
static void
touch (EvlStoryDoc *sd, guint k, Cue *cue)
{
  EvlEventMention *e = &sd->ev[k];
  gboolean first = cue->count == 0;
  gboolean inside = sd->ev_tok[k] >= 0 && sd->clause[sd->ev_tok[k]] == sd->clause[cue->at];
  cue->count++;
  /* An event its own tense tells in the past happened, whatever plan its
   * clause speaks of ('would sit down for talks on the troops killed in
   * the war', 'would talk after he met Netanyahu'); in a condition only a
   * perfect is ('if China invaded' is hypothetical). */
  guint past = EVL_STORY_TF_PASTPART | EVL_STORY_TF_PERFECT | (cue->conditional ? 0u : EVL_STORY_TF_PAST);
  if (cue->plan && !(evl_story_tf (sd, (gint32) k) & past))
    e->flags |= EVL_EVENT_FLAG_PLANNED;
  switch (cue->kind)
    {
    case K_NEG:
    case K_DENY:
      e->polarity = EVL_POLARITY_NEG;
      break;
    case K_HEDGE:
    case K_CLAIM:
      e->flags |= EVL_EVENT_FLAG_HEDGED;
      /* ('would', 'expected to', 'plans to' tell an intention, salience
       * counts it as a plan; a condition or speculation is doubt.) */
      if (!cue->plan || cue->conditional || cue->kind == K_CLAIM)
        sd->ev_mark[k] |= EVL_STORY_MARK_SPECULATED;
      /* The modality is the cue of the event's own clause when there is
       * one: 'suggesting that Russia may supply' records 'may', while
       * 'may seek support' keeps 'may' (cues come in text order). */
      if (first && cue->modality
          && (e->modality == NULL || ((sd->ev_mark[k] & EVL_STORY_MARK_MODAL_OUTSIDE) && inside)))
        {
          e->modality = cue->modality;
          if (inside)
            sd->ev_mark[k] &= (guint16) ~EVL_STORY_MARK_MODAL_OUTSIDE;
          else
            sd->ev_mark[k] |= EVL_STORY_MARK_MODAL_OUTSIDE;
        }
      /* A claim ('X suggested that ...') is also X's reported speech. */
      if (cue->kind == K_CLAIM && cue->source >= 0)
        {
          e->flags |= EVL_EVENT_FLAG_REPORTED;
          if (e->source < 0)
            e->source = cue->source;
        }
      break;
    case K_MODAL:
      /* 'will' is the future tense: the anchor is after the creation time. */
      sd->ev_mark[k] |= EVL_STORY_MARK_FUTURE;
      break;
    case K_REPORT:
    case K_SOURCE:
      e->flags |= EVL_EVENT_FLAG_REPORTED;
      if (e->source < 0)
        e->source = cue->source;
      break;
    case K_GENERIC:
      e->flags |= EVL_EVENT_FLAG_GENERIC;
      break;
    case K_PLAN:
    case K_NONE:
    default:
      break;
    }
}

/* A nominal event the reported clause takes for granted rather than
 * asserts: after a preposition ('signed following the talks', 'reports of
 * a potential deal'), a definite determiner or a possessor ('warned that
 * the meeting goes beyond ...').  The words between it and that marker are
 * modifiers; the search stays after token @lo. */
static gboolean
presupposed (const EvlStoryDoc *sd, gint j, gint lo, gboolean by_preposition)
{
  if (evl_story_after_modal (sd, j))
    return FALSE;   /* 'Russia may supply': a verb, whatever its tag */
  for (gint i = j - 1; i >= lo && i >= j - 5 && sd->tok[i].sentence == sd->tok[j].sentence; i--)
    {
      if (sd->tok_ent[i] >= 0)
        return TRUE;   /* a possessor or compound modifier: 'Kim's visit' */
      guint32 cls = evl_story_cls (sd, i);
      if (cls & EVL_STORY_C_PREP)
        return by_preposition;
      if (cls & EVL_STORY_C_DEFINITE)
        return TRUE;
      /* An indefinite article is part of the phrase: what governs it
       * decides ('of a potential deal'; 'said that an explosion ...'
       * stops at the complement's start). */
      if (!evl_story_modifier_word (sd, i) && !evl_story_is (sd, i, EVL_W_A) && !evl_story_is (sd, i, EVL_W_AN))
        return FALSE;
    }
  return FALSE;
}

/* Applies @cue (tokens @a..@b) to the events of its scope; returns how many
 * it touched.  Only an event's first token counts, and never the cue's own
 * event.  Reported speech covers only what the clause asserts: a
 * presupposed nominal keeps its own factuality and no source. */
static void
apply (EvlStoryDoc *sd, Cue *cue, Scope scope, gint a, gint b)
{
  guint32 sentence = sd->tok[a].sentence, clause = sd->clause[a];
  gint lo = b + 1, hi = (gint) sd->n_tok - 1;
  if (scope == S_CLAUSE || scope == S_SENTENCE)
    {
      lo = a;
      while (lo > 0 && a - lo < EVL_STORY_REACH
             && (scope == S_CLAUSE ? sd->clause[lo - 1] == clause : sd->tok[lo - 1].sentence == sentence))
        lo--;
    }
  hi = MIN (hi, b + (scope == S_NEXT ? 6 : EVL_STORY_REACH));
  /* Only an event's first token is acted on, and each test below that
   * ends the walk (another sentence; another clause past the cue) holds
   * from the first token where it does on, as sentence and clause
   * numbers never decrease along the tokens: the walk may go from one
   * event token to the next (EVL_STORY_SCAN_ARGS marks events' and
   * entity mentions' tokens), eight tokens at a time, and stop where a
   * token by token walk stops or at the next event token after that.
   * Not in a complement scope, whose clause moves on at 'that'.  The
   * token by token walk was ~1.5 M instructions on the small corpus. */
  const gboolean hop = scope != S_COMPLEMENT;
  const guint end = (guint) hi + 1;
  for (gint j = hop ? (gint) evl_story_next_scan_before (sd, (guint) lo, EVL_STORY_SCAN_ARGS, end) : lo; j <= hi;
       j = hop ? (gint) evl_story_next_scan_before (sd, (guint) j + 1, EVL_STORY_SCAN_ARGS, end) : j + 1)
    {
      if (sd->tok[j].sentence != sentence)
        break;
      if (scope == S_COMPLEMENT && j > b && sd->clause[j] != clause && sd->clause[j - 1] != sd->clause[j]
          && (evl_story_is (sd, j, EVL_W_THAT) || evl_story_is (sd, j, EVL_W_WHETHER)
              || evl_story_is (sd, j, EVL_W_IF)))
        clause = sd->clause[j];   /* 'denied that ...': the complement clause is in scope */
      if (scope != S_REST && scope != S_SENTENCE && sd->clause[j] != clause)
        {
          if (j > b)
            break;
          continue;
        }
      if (j >= a && j <= b)
        continue;
      gint32 k = sd->tok_ev[j];
      if (k < 0 || sd->ev_tok[k] != j)
        continue;
      gboolean nominal = j > b && !cue->nominal && !evl_story_verbal (sd, k);
      /* A hedge does not reach a definite noun phrase: 'speculation about
       * the nature of the discussions', 'could use it in its Ukraine war'
       * (the discussions, the war are given; 'the possibility of closer
       * ties' is not). */
      if ((cue->kind == K_HEDGE || cue->kind == K_CLAIM) && nominal && presupposed (sd, j, b + 1, FALSE))
        continue;
      if ((cue->kind == K_REPORT || cue->kind == K_SOURCE || cue->kind == K_CLAIM) && nominal
          && presupposed (sd, j, b + 1, TRUE))
        {
          /* A claim still hedges what it takes for granted after a
           * preposition; only the speaker is not its source. */
          if (cue->kind == K_CLAIM)
            {
              Cue hedge = *cue;
              hedge.source = -1;
              touch (sd, (guint) k, &hedge);
              cue->count = hedge.count;
            }
          continue;
        }
      touch (sd, (guint) k, cue);
      if (scope == S_NEXT)
        break;
    }
}

/* A present form of 'be' at token @i ('is', 'are', "'s", 'be', 'has
 * been'): what it says of its subject still holds when written.  A past
 * one ('the attack was planned by ...') says nothing of whether the plan
 * was carried out. */
static gboolean
present_be (const EvlStoryDoc *sd, gint i)
{
  if (!(evl_story_cls (sd, i) & EVL_STORY_C_BE) || sd->tok_ent[i] >= 0)
    return FALSE;
  static const char *const present[] = { "is", "are", "'s", "\xe2\x80\x99s", "'re", "\xe2\x80\x99re", "be", "am", NULL };
  char key[EVL_STORY_KEY_CAP];
  evl_story_key_into (sd, i, key);
  if (evl_story_name_index (key, present) != G_MAXUINT)
    return TRUE;
  return strcmp (key, "been") == 0 && i > 0 && sd->tok[i - 1].sentence == sd->tok[i].sentence
         && (evl_story_token_is (sd, (guint) i - 1, "has") || evl_story_token_is (sd, (guint) i - 1, "have"));
}

/* Some finite verb of the clause of token @a is in the past tense: what
 * it tells had happened when written ('at the next meeting they
 * agreed', 'the next launch failed'). */
static gboolean
clause_told_past (const EvlStoryDoc *sd, gint a)
{
  guint32 clause = sd->clause[a];
  gint lo = MAX (a - (gint) EVL_STORY_REACH, 0);
  gint hi = MIN (a + (gint) EVL_STORY_REACH, (gint) sd->n_tok - 1);
  for (gint j = lo; j <= hi; j++)
    {
      gint32 k = sd->tok_ev[j];
      if (sd->clause[j] == clause && k >= 0 && sd->ev_tok[k] == j
          && (evl_story_tf (sd, k) & (EVL_STORY_TF_PAST | EVL_STORY_TF_PASTPART)) == EVL_STORY_TF_PAST)
        return TRUE;
    }
  return FALSE;
}

/* Applies a plan word used as a predicate or an attribute (@scope):
 * after a present 'be' ('a second strike is planned for June 24', 'talks
 * are scheduled', one adverb between: 'is now expected'), a predicate word
 * governs the
 * subject, the nominal events of its clause before the verb; otherwise
 * the noun it modifies ('the planned strike', 'upcoming elections'),
 * which for S_PREDICATE words, verbs too ('planned attacks for months'),
 * needs a determiner first.  @be_only: only the subject ('set', 'due'
 * are nouns and adjectives of other senses: 'the set of rules'). */
static void
apply_plan_word (EvlStoryDoc *sd, Cue *cue, Scope scope, gint a, gint b, gboolean be_only,
                 gboolean unpast)
{
  guint32 sentence = sd->tok[a].sentence;
  gint p = a - 1;
  if (p > 0 && sd->tok[p - 1].sentence == sentence && sd->tok_ev[p] < 0 && sd->tok_ent[p] < 0
      && (sd->tok[p].flags & EVL_TOKEN_WORD) && !(evl_story_cls (sd, p) & EVL_STORY_C_BE)
      && present_be (sd, p - 1))
    p--;   /* 'is now expected' */
  /* an attribute is no predicate: "the territory's future leader" has a
   * possessive, not 'is', before it */
  if (scope == S_PREDICATE && p >= 0 && sd->tok[p].sentence == sentence && present_be (sd, p))
    {
      for (gint j = p - 1; j >= 0 && j >= p - EVL_STORY_REACH && sd->clause[j] == sd->clause[p]; j--)
        {
          gint32 k = sd->tok_ev[j];
          if (k < 0 || sd->ev_tok[k] != j)
            continue;
          if (evl_story_finite (sd, k))
            break;   /* the subject ends at its clause's verb */
          if (!evl_story_verbal (sd, k))
            touch (sd, (guint) k, cue);
        }
      return;
    }
  p = a - 1;
  if (be_only
      || (scope == S_PREDICATE
          && !(p >= 0 && sd->tok[p].sentence == sentence && sd->tok_ent[p] < 0
               && (evl_story_is (sd, p, EVL_W_A) || evl_story_is (sd, p, EVL_W_AN)
                   || (evl_story_cls (sd, p) & (EVL_STORY_C_DEFINITE | EVL_STORY_C_POSSESSIVE)))))
      || (unpast && clause_told_past (sd, a)))
    return;
  for (gint j = b + 1; j <= b + 3 && j < (gint) sd->n_tok && sd->tok[j].sentence == sentence; j++)
    {
      gint32 k = sd->tok_ev[j];
      if (k >= 0 && sd->ev_tok[k] == j)
        {
          if (!evl_story_verbal (sd, k))
            touch (sd, (guint) k, cue);
          return;
        }
      /* the noun it modifies comes before any preposition or article:
       * 'next to the blast site' modifies none */
      if ((sd->tok[j].flags & (EVL_TOKEN_PUNCT | EVL_TOKEN_QUOTE))
          || (sd->tok_ent[j] < 0 && (evl_story_cls (sd, j) & (EVL_STORY_C_PREP | EVL_STORY_C_DEFINITE))))
        return;
    }
}

/* A 'to' cue ('is due to', 'set to') that governs only an infinitive
 * right after it: 'is due to resume' but not 'delays due to the
 * strike'. */
static gboolean
before_infinitive (const EvlStoryDoc *sd, gint b)
{
  gint j = b + 1;
  if (j >= (gint) sd->n_tok || sd->tok[j].sentence != sd->tok[b].sentence)
    return FALSE;
  gint32 k = sd->tok_ev[j];
  return k >= 0 && sd->ev_tok[k] == j && evl_story_verbal (sd, k);
}

static gint32
nearest_entity (const EvlStoryDoc *sd, gint from, gint step, guint limit, gboolean same_clause)
{
  guint32 clause = sd->clause[from];
  guint32 sentence = sd->tok[from].sentence;
  for (gint i = from + step, n = 0; i >= 0 && i < (gint) sd->n_tok && n < (gint) limit; i += step, n++)
    {
      if (sd->tok[i].sentence != sentence || (same_clause && sd->clause[i] != clause))
        break;
      if (sd->tok_ent[i] >= 0)
        return sd->tok_ent[i];
    }
  return -1;
}

/* Where the clause a reporting verb (tokens @a..@b) governs begins: the
 * token before it, so that apply() starts right after.  'said (on
 * Tuesday) that ...' starts after 'that'; 'said no documents were signed'
 * right after the verb.  -1 when the verb governs no clause: a
 * preposition or punctuation follows ('acknowledged during the visit',
 * 'said, "..."': a quotation is handled as such). */
static gint
complement_start (const EvlStoryDoc *sd, gint b)
{
  guint32 sentence = sd->tok[b].sentence;
  gint j = b + 1;
  if (j >= (gint) sd->n_tok || sd->tok[j].sentence != sentence)
    return -1;
  for (gint i = j; i < (gint) sd->n_tok && i <= b + 8 && sd->tok[i].sentence == sentence; i++)
    {
      if (sd->tok_ev[i] >= 0 || evl_story_quoted (sd, i) != evl_story_quoted (sd, b))
        break;
      guint w = evl_story_wid (sd, i);
      if (sd->tok_ent[i] < 0 && (w == EVL_W_THAT || w == EVL_W_WHETHER))
        return i;
      if ((sd->tok[i].flags & EVL_TOKEN_PUNCT) && w != EVL_W_COMMA)
        break;
    }
  if ((sd->tok[j].flags & (EVL_TOKEN_PUNCT | EVL_TOKEN_QUOTE))
      || (sd->tok_ent[j] < 0 && (evl_story_cls (sd, j) & EVL_STORY_C_PREP)))
    return -1;
  return b;
}

/* '..., Putin said.', '"...," said Peskov.': the reporting verb ends its
 * sentence (only the speaker's name may follow), so it reports what came
 * before it. */
static gboolean
reports_backwards (const EvlStoryDoc *sd, gint a, gint b)
{
  if (a == 0 || sd->tok[a - 1].sentence != sd->tok[a].sentence)
    return FALSE;
  for (gint i = b + 1; i < (gint) sd->n_tok && sd->tok[i].sentence == sd->tok[b].sentence; i++)
    if (sd->tok_ent[i] < 0 && !(sd->tok[i].flags & (EVL_TOKEN_PUNCT | EVL_TOKEN_QUOTE)))
      return FALSE;
  return TRUE;
}

/* A reporting or claim word used as a noun ('contrary to reports of',
 * 'over claims of', 'the allegations'): it has no subject to be the
 * speaker, and its 'of' phrase is its content, not an adjunct. */
static gboolean
nominal_cue (const EvlStoryDoc *sd, gint a)
{
  gint32 k = sd->tok_ev[a];
  if (k >= 0 && !evl_story_verbal (sd, k))
    return TRUE;
  if (a == 0 || sd->tok[a - 1].sentence != sd->tok[a].sentence || sd->tok_ent[a - 1] >= 0)
    return FALSE;
  return (evl_story_cls (sd, a - 1) & (EVL_STORY_C_NOMINAL_DET | EVL_STORY_C_PREP)) != 0;
}

/* The speaker of a reporting cue: the agent of its event, the entity
 * before it in its clause, or one right after ('said Peskov'). */
static gint32
speaker (const EvlStoryDoc *sd, gint a, gint b)
{
  gint32 k = sd->tok_ev[a];
  if (k >= 0 && sd->ev[k].agent >= 0)
    return sd->ev[k].agent;
  gint32 m = nearest_entity (sd, a, -1, 12, TRUE);
  if (m >= 0)
    return m;
  /* '"...," said Peskov': an inverted subject follows a quote or comma. */
  if (a > 0 && (sd->tok[a - 1].flags & (EVL_TOKEN_QUOTE | EVL_TOKEN_PUNCT)))
    return nearest_entity (sd, b, +1, 3, TRUE);
  /* '..., saying': the speaker is the subject of the governing verb. */
  for (gint i = a - 1; i >= 0 && i >= a - EVL_STORY_REACH && sd->tok[i].sentence == sd->tok[a].sentence; i--)
    if (sd->tok_ev[i] >= 0 && sd->ev[sd->tok_ev[i]].agent >= 0)
      return sd->ev[sd->tok_ev[i]].agent;
  return -1;
}

static gboolean
negative_contraction (const EvlStoryDoc *sd, guint i)
{
  const EvlToken *t = &sd->tok[i];
  const char *s = sd->text + t->span.start;
  gsize n = EVL_SPAN_LEN (t->span);
  if (n < 2 || s[n - 1] != 't')
    return FALSE;   /* every form below ends in 't' */
  if ((n >= 3 && strncmp (s + n - 3, "n't", 3) == 0)
      || (n >= 5 && strncmp (s + n - 5, "n\xe2\x80\x99t", 5) == 0))
    return TRUE;
  /* "haven" + "'t" when the tokenizer split the apostrophe off. */
  gboolean apostrophe_t = (n == 2 && strncmp (s, "'t", 2) == 0) || (n == 4 && strncmp (s, "\xe2\x80\x99t", 4) == 0);
  if (!apostrophe_t || i == 0 || sd->tok[i - 1].span.end != t->span.start)
    return FALSE;
  const EvlToken *p = &sd->tok[i - 1];
  return EVL_SPAN_LEN (p->span) > 0 && sd->text[p->span.end - 1] == 'n';
}

/* 'reached no agreement', 'has no plans': a determiner 'no' on the object
 * negates the verb before it (TimeML puts the polarity there); on the
 * subject ('no documents were signed') the next event takes it. */
static gint32
object_negation_verb (const EvlStoryDoc *sd, guint i)
{
  guint w = evl_story_wid (sd, (gint) i);
  if (w != EVL_W_NO && w != EVL_W_NONE && w != EVL_W_NOTHING)
    return -1;
  for (gint j = (gint) i - 1; j >= 0 && j >= (gint) i - 2 && sd->clause[j] == sd->clause[i]; j--)
    {
      gint32 o = sd->tok_ev[j];
      if (o >= 0 && evl_story_verbal (sd, o))
        return o;
    }
  return -1;
}

/* 'asked the president to declare a disaster', 'urged both sides to
 * stop fighting', 'called on Ghana to pay': what a verb of request
 * wants its object to do had not happened when told (not a verb that
 * makes it happen: 'forced the rebels to retreat', 'helped end'). */
static void
requested_infinitives (EvlStoryDoc *sd)
{
  static const char *const requests[] = { "ask", "urge", "call", "appeal", "beg", "implore", "invite",
                                          "press", "pressure", "request", "tell", "encourage", "advise",
                                          "instruct", "order", "direct", "remind", "challenge", NULL };
  for (guint k = 0; k < sd->n_ev; k++)
    {
      gint t = sd->ev_tok[k];
      if (t < 3 || !evl_story_is (sd, t - 1, EVL_W_TO) || !evl_story_verbal (sd, (gint32) k))
        continue;
      /* the nearest event before the 'to' in its clause governs it */
      for (gint i = t - 3; i >= 0 && t - i <= 10 && sd->clause[i] == sd->clause[t]; i--)
        {
          gint32 o = sd->tok_ev[i];
          if (o < 0 || o == (gint32) k)
            continue;
          if (sd->ev[o].lemma && g_strv_contains (requests, sd->ev[o].lemma)
              && evl_story_object_controls (sd, o, t))
            sd->ev[k].flags |= EVL_EVENT_FLAG_PLANNED;
          break;
        }
    }
}

/* Token @i is @word (@n bytes, lower case), compared by length first:
 * prevented_events() asks it of every event's neighbours, and
 * evl_story_token_is() there cost ~1 % of the small corpus (callgrind). */
static inline gboolean
token_eq (const EvlStoryDoc *sd, gint i, const char *word, gsize n)
{
  EvlSpan s = sd->tok[i].span;
  return EVL_SPAN_LEN (s) == n && g_ascii_strncasecmp (sd->text + s.start, word, n) == 0;
}

/* Token @i is a form of a verb of prevention: a stem, then nothing, 's',
 * 'e', 'es' ('dissuade', 'dissuades'), 'ed', 'ing', or a doubled
 * consonant before 'ed'/'ing' ('barred').  (A stray 'bare' passes too:
 * it is asked only of words before a 'from' that an event follows.) */
static gboolean
prevention_verb (const EvlStoryDoc *sd, gint i)
{
  static const char *const stems[] = { "keep", "kept", "stop", "prevent", "bar", "ban", "block", "deter",
                                       "prohibit", "dissuad", "refrain", "abstain", "restrain", NULL };
  EvlSpan s = sd->tok[i].span;
  gsize n = EVL_SPAN_LEN (s);
  const char *w = sd->text + s.start;
  if (n < 3 || n > 12)
    return FALSE;
  for (guint j = 0; stems[j]; j++)
    {
      gsize m = strlen (stems[j]);
      if (n < m || g_ascii_strncasecmp (w, stems[j], m) != 0)
        continue;
      const char *r = w + m;
      gsize rn = n - m;
      if (rn > 0 && g_ascii_tolower (r[0]) == g_ascii_tolower (r[-1]) && rn >= 3)
        r++, rn--;   /* 'stopped', 'barring' */
      if (rn == 0 || (rn == 1 && (r[0] == 's' || r[0] == 'e')) || (rn == 2 && g_ascii_strncasecmp (r, "ed", 2) == 0)
          || (rn == 3 && g_ascii_strncasecmp (r, "ing", 3) == 0) || (rn == 2 && g_ascii_strncasecmp (r, "es", 2) == 0))
        return TRUE;
    }
  return FALSE;
}

/* 'Paid him to keep containers from being inspected', 'barred from
 * running', 'stopped the ship from sailing': what a verb of prevention
 * keeps from happening after its 'from' did not happen (polarity NEG).
 * Only a verb form or '-ing' right after 'from' (or 'from being'), and
 * the preventing verb in the same clause up to six tokens before the
 * 'from'; 'recovered from being shot' has no such verb and stays. */
static void
prevented_events (EvlStoryDoc *sd)
{
  for (guint k = 0; k < sd->n_ev; k++)
    {
      gint t = sd->ev_tok[k];
      if (t < 2)
        continue;
      /* (the first letter of 'from', 'being', 'getting' first: most
       * events follow none of them) */
      guchar c = (guchar) sd->text[sd->tok[t - 1].span.start] | 0x20;
      if (c != 'f' && c != 'b' && c != 'g')
        continue;
      gint f = token_eq (sd, t - 1, "being", 5) || token_eq (sd, t - 1, "getting", 7) ? t - 2 : t - 1;
      if (f < 1 || !token_eq (sd, f, "from", 4) || sd->tok[f].sentence != sd->tok[t].sentence)
        continue;
      EvlSpan w = sd->tok[t].span;
      if (f == t - 1 && !evl_story_verbal (sd, (gint32) k)
          && !(EVL_SPAN_LEN (w) > 4 && g_ascii_strncasecmp (sd->text + w.end - 3, "ing", 3) == 0))
        continue;
      for (gint j = f - 1; j >= 0 && f - j <= 6 && sd->tok[j].sentence == sd->tok[f].sentence; j--)
        {
          if (evl_story_cls (sd, j) & (EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_WORD))
            break;
          if (prevention_verb (sd, j))
            {
              sd->ev[k].polarity = EVL_POLARITY_NEG;
              break;
            }
        }
    }
}

void
evl_story_apply_factuality (EvlStoryDoc *sd)
{
  const EvlLexicon *lex = evl_context_get_lexicon (sd->ctx, "en/factuality");
  guint max_words = MAX (evl_lexicon_max_words (lex), 1);
  EntryMemo memo[16] = { { NULL, K_NONE, S_NEXT, FALSE, FALSE, FALSE, FALSE, FALSE } };
  gint32 *sent_source = sd->sent_source;
  for (guint s = 0; s < sd->n_sent; s++)
    sent_source[s] = -1;
  /* What reported speech and generic readings do (touch() of K_REPORT,
   * K_SOURCE and K_GENERIC cues, the sentences' speakers and the
   * quotations below) sets the REPORTED and GENERIC flags and the source
   * only: without EVL_STORY_STEP_SPEECH their cues are still matched
   * (they end where the next cue may start) but not applied. */
  const gboolean speech = (sd->steps & EVL_STORY_STEP_SPEECH) != 0;
  /* Likewise a K_MODAL cue only marks EVL_STORY_MARK_FUTURE, which
   * anchoring and salience read. */
  const gboolean future = (sd->steps & (EVL_STORY_STEP_ANCHORS | EVL_STORY_STEP_SALIENCE)) != 0;

  /* Most tokens start no cue, end in no 't' and trigger no event, or
   * lie in an entity or a timex: the loop below would pass over them
   * without effect, so it visits only the others (EVL_STORY_SCAN_FACT);
   * the cue is built only once a token proves to be one. */
  for (guint i = evl_story_next_scan (sd, 0, EVL_STORY_SCAN_FACT); i < sd->n_tok;
       i = evl_story_next_scan (sd, i + 1, EVL_STORY_SCAN_FACT))
    {
      const EvlLexEntry *hit = NULL;
      guint n = 0;   /* the matching length less one */
      if ((sd->winfo[sd->wid[i]].cls | sd->start_all) & EVL_STORY_C_START_FACT)
        {
          guint32 ok = evl_story_span_ok (sd, EVL_STORY_LEX_FACTUALITY, i);
          for (guint len = evl_story_span_prev (ok, max_words); len >= 1; len = evl_story_span_prev (ok, len - 1))
            {
              guint last = i + len - 1;
              if (last >= sd->n_tok || sd->tok[last].sentence != sd->tok[i].sentence
                  || !evl_story_span_fits (sd, EVL_STORY_LEX_FACTUALITY, i, last))
                continue;
              hit = evl_story_lookup (sd, lex, EVL_STORY_LEX_FACTUALITY, i, last);
              if (hit != NULL)
                {
                  n = len - 1;
                  break;
                }
            }
        }
      guint b = i + n;
      Kind kind = K_NONE;
      Scope scope = S_NEXT;
      const char *modality = NULL;
      gboolean plan = FALSE, infinitive = FALSE, be_only = FALSE, unpast = FALSE;
      if (hit && hit->n_attrs >= 1)
        {
          /* An entry's attributes parsed once per document: the same cues
           * recur ('said', 'not'), and their name compares were ~0.7 M
           * instructions on the small corpus (callgrind). */
          EntryMemo *em = &memo[((guintptr) hit >> 4) % G_N_ELEMENTS (memo)];
          if (em->entry != hit)
            {
              em->entry = hit;
              em->kind = kind_of (hit->attrs[0]);
              em->scope = hit->n_attrs >= 2 ? scope_of (hit->attrs[1]) : S_NEXT;
              /* Fields after the scope: 'flag', hedge without recording a
               * modality; 'plan', the events are planned too; 'verb', a
               * cue only before an infinitive; 'be', a predicate only
               * after 'be'. */
              gboolean flag = FALSE;
              em->plan = em->kind == K_PLAN;
              em->verb = em->be_only = em->unpast = FALSE;
              for (guint f = 2; f < hit->n_attrs; f++)
                {
                  const char *x = hit->attrs[f];
                  flag |= strcmp (x, "flag") == 0;
                  em->plan |= strcmp (x, "plan") == 0;
                  em->verb |= strcmp (x, "verb") == 0;
                  em->be_only |= strcmp (x, "be") == 0;
                  em->unpast |= strcmp (x, "unpast") == 0;
                }
              em->records = (em->kind == K_HEDGE || em->kind == K_CLAIM) && !flag;
            }
          kind = em->kind;
          scope = em->scope;
          plan = em->plan;
          infinitive = em->verb;
          be_only = em->be_only;
          unpast = em->unpast;
          /* The cue as written ('would', not the line's first form); only
           * a hedge or a claim records it (touch()), so only they pay for
           * folding and interning it. */
          if (em->records)
            {
              char key[128];
              EvlSpan span = { sd->tok[i].span.start, sd->tok[i + n].span.end };
              gssize kl = evl_fold_key (sd->text + span.start, EVL_SPAN_LEN (span), key, sizeof key);
              modality = evl_document_intern (sd->doc, kl > 0 ? key : hit->canonical, -1);
            }
        }
      else if (negative_contraction (sd, i))
        kind = K_NEG, b = i;
      else if (sd->tok_ev[i] >= 0 && sd->ev[sd->tok_ev[i]].klass == EVL_EVENT_CLASS_REPORTING
               && evl_story_verbal (sd, sd->tok_ev[i]))
        kind = K_REPORT, scope = S_REST, b = i;
      else
        continue;
      if (kind == K_NONE || (!speech && (kind == K_REPORT || kind == K_SOURCE || kind == K_GENERIC || kind == K_PLAN))
          || (!future && kind == K_MODAL) || (infinitive && !before_infinitive (sd, (gint) b)))
        {
          i = b;
          continue;
        }
      /* What 'would have', 'expected to have' govern is past: a
       * counterfactual or a guess, not a plan ('will have' stays
       * future); 'as if' is a manner, not a condition. */
      if (plan && kind != K_MODAL && b + 1 < sd->n_tok && sd->tok[b + 1].sentence == sd->tok[b].sentence
          && evl_story_token_is (sd, b + 1, "have"))
        plan = FALSE;
      if (plan && evl_story_is (sd, (gint) i, EVL_W_IF) && i > 0 && evl_story_token_is (sd, i - 1, "as"))
        plan = FALSE;
      Cue cue = { kind, modality, -1, 0, (gint) i, FALSE, plan,
                  plan && (evl_story_is (sd, (gint) i, EVL_W_IF) || evl_story_token_is (sd, i, "unless")) };
      if (scope == S_PREDICATE || scope == S_ATTRIBUTIVE)
        {
          apply_plan_word (sd, &cue, scope, (gint) i, (gint) b, be_only, unpast);
          i = b;
          continue;
        }
      gint32 verb = kind == K_NEG ? object_negation_verb (sd, i) : -1;
      if (verb >= 0)
        {
          touch (sd, (guint) verb, &cue);
          i = b;
          continue;
        }
      if (kind == K_DENY && sd->tok_ev[i] >= 0)
        sd->ev_mark[sd->tok_ev[i]] |= EVL_STORY_MARK_DENIAL;
      cue.nominal = (kind == K_REPORT || kind == K_CLAIM) && nominal_cue (sd, (gint) i);
      /* A claim's speaker only makes the events it covers REPORTED. */
      if ((kind == K_REPORT || kind == K_CLAIM) && !cue.nominal && speech)
        cue.source = speaker (sd, (gint) i, (gint) b);
      else if (kind == K_SOURCE)
        cue.source = nearest_entity (sd, (gint) b, +1, 5, TRUE);
      if (kind == K_REPORT)
        {
          gint start = complement_start (sd, (gint) b);
          if (start >= 0)
            apply (sd, &cue, scope, (gint) i, start);
          else if (reports_backwards (sd, (gint) i, (gint) b))
            apply (sd, &cue, S_SENTENCE, (gint) i, (gint) b);
        }
      else
        apply (sd, &cue, scope, (gint) i, (gint) b);
      if ((kind == K_REPORT || kind == K_SOURCE) && cue.source >= 0)
        sent_source[sd->tok[i].sentence] = cue.source;
      i = b;
    }

  prevented_events (sd);
  if (speech)
    requested_infinitives (sd);

  /* Quotations are reported speech; a quote running on from the previous
   * sentence keeps that sentence's speaker. */
  for (guint k = 0; speech && k < sd->n_ev; k++)
    {
      gint t = sd->ev_tok[k];
      if (t < 0 || !evl_story_quoted (sd, t))
        continue;
      EvlEventMention *e = &sd->ev[k];
      e->flags |= EVL_EVENT_FLAG_REPORTED;
      guint s = sd->tok[t].sentence;
      if (e->source < 0 && s < sd->n_sent)
        e->source = sent_source[s] >= 0 ? sent_source[s] : s > 0 ? sent_source[s - 1] : -1;
    }
}

/* Events the text dates after its own creation day that it does not tell
 * in the past ('talks resume on June 30' in an article of June 12), and
 * events in the future tense, had not happened when written: planned.
 * Only a timex of the event's own sentence counts, not one the anchoring
 * took from the tense or the creation time.  Runs after anchoring. */
void
evl_story_mark_future_events (EvlStoryDoc *sd)
{
  /* A dateline guessed from the body may be a date the story looks back
   * on: only a creation date given with the text or by the user counts. */
  EvlDay dct = evl_document_get_dct_source (sd->doc) >= EVL_DCT_DEFAULT ? evl_document_get_dct_day (sd->doc) : 0;
  for (guint k = 0; k < sd->n_ev; k++)
    {
      EvlEventMention *e = &sd->ev[k];
      guint tf = evl_story_tf (sd, (gint32) k);
      if (tf & EVL_STORY_TF_FUTURE)
        {
          e->flags |= EVL_EVENT_FLAG_PLANNED;
          continue;
        }
      if (dct == 0 || e->timex < 0 || (guint) e->timex >= sd->n_tx
          || (e->anchor_method != EVL_ANCHOR_CLAUSE && e->anchor_method != EVL_ANCHOR_SENTENCE))
        continue;
      const EvlTimex *x = &sd->tx[e->timex];
      if (x->begin && x->begin > dct && (x->type == EVL_TIMEX_DATE || x->type == EVL_TIMEX_TIME)
          && !(tf & (EVL_STORY_TF_PAST | EVL_STORY_TF_PERFECT | EVL_STORY_TF_PASTPART)))
        e->flags |= EVL_EVENT_FLAG_PLANNED;
    }
}
