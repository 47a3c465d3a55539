/* Arguments of story events from their clause: agent (the subject before
 * a verb, the possessor or compound modifier of a nominal, the 'by'
 * phrase of a passive), patient (the first object after the trigger, or a
 * 'with'/'between' phrase), location (a place after at/in/near...), and the
 * participants: agent, patient and everything coordinated with them
 * ('Kim Jong Un and Vladimir Putin').  Plural references such as 'the two
 * leaders' take the participants of the document's main meeting. */
#include "story-private.h"

#include <string.h>

#define C(i) evl_story_cls (sd, (i))

static gint
first_tok (const EvlStoryDoc *sd, gint32 m)
{
  return sd->ent_first[m];
}

static gint
last_tok (const EvlStoryDoc *sd, gint32 m)
{
  return sd->ent_last[m];
}

/* A lower-case word that can sit inside a noun phrase between its
 * preposition and its head ('remote', 'expansive'): a plain word that is
 * no function word, no event trigger and no participle or past form. */
gboolean
evl_story_modifier_word (const EvlStoryDoc *sd, gint i)
{
  const EvlToken *t = &sd->tok[i];
  if (!(t->flags & EVL_TOKEN_WORD) || (t->flags & EVL_TOKEN_CAP) || sd->tok_ev[i] >= 0
      || (sd->tok_scan[i] & EVL_STORY_SCAN_TIMEX)   /* in a timex: tok_tx[i] >= 0 */
      || (C (i) & (EVL_STORY_C_PREP | EVL_STORY_C_BE | EVL_STORY_C_FUNCTION)))
    return FALSE;
  gsize n = evl_story_key_len (sd, (guint) i);
  if (n < 3)
    return FALSE;
  /* The form's last bytes: a clean token's form is its bytes with ASCII
   * letters lowered, so those are read in the text (a copy of the form
   * per call was ~0.25 M instructions on the small corpus). */
  char buf[EVL_STORY_KEY_CAP];
  const char *w = sd->text + t->span.start;
  if (sd->tok_dirty[i])
    {
      evl_story_key_into (sd, i, buf);
      w = buf;
    }
#define LOW(k) g_ascii_tolower (w[n - (k)])
  return !(LOW (2) == 'e' && LOW (1) == 'd') && !(n > 4 && LOW (3) == 'i' && LOW (2) == 'n' && LOW (1) == 'g');
#undef LOW
}

/* Every token strictly between @a and @b is a lower-case modifier. */
static gboolean
only_modifiers (const EvlStoryDoc *sd, gint a, gint b)
{
  for (gint i = a + 1; i < b; i++)
    if (!evl_story_modifier_word (sd, i))
      return FALSE;
  return TRUE;
}

static guint prep_before_of (const EvlStoryDoc *sd, gint32 m);

/* The word before mention @m when it is a preposition, else 0.  Asked
 * of the same mention by every event of its clause: kept per mention
 * (EvlStoryDoc.ent_prep; the walk was ~140 instructions a call, 8 K
 * calls on the small corpus, callgrind). */
static guint
prep_before (const EvlStoryDoc *sd, gint32 m)
{
  if (sd->ent_prep[m] == G_MAXUINT32)
    sd->ent_prep[m] = prep_before_of (sd, m);
  return sd->ent_prep[m];
}

static gboolean gap_joins (const EvlStoryDoc *sd, gint a, gint b, gboolean *has_conj);
static gboolean gap_has_and (const EvlStoryDoc *sd, gint a, gint b);

static guint
prep_before_of (const EvlStoryDoc *sd, gint32 m)
{
  gint f = first_tok (sd, m);
  if (f <= 0 || sd->tok[f - 1].sentence != sd->tok[f].sentence)
    return 0;
  /* 'in Kenya and Tanzania', 'in Nairobi, Kenya': a name joined to one
   * of its kind in a prepositional phrase is in that phrase too, no
   * subject or object of its own.  A comma alone before a finite verb
   * closes the phrase instead ('in Paris, France said'). */
  gboolean has_conj;
  if (m > 0 && sd->ent[m - 1].type == sd->ent[m].type && gap_joins (sd, last_tok (sd, m - 1), f, &has_conj)
      && has_conj)
    {
      gint after = last_tok (sd, m) + 1;
      gboolean verb_next = after < (gint) sd->n_tok && sd->tok_ev[after] >= 0
                           && evl_story_finite (sd, sd->tok_ev[after]);
      guint p = gap_has_and (sd, last_tok (sd, m - 1), f) || !verb_next ? prep_before (sd, m - 1) : 0;
      if (p)
        return p;
    }
  /* 'at the Vostochny Cosmodrome', 'with Russian President Vladimir
   * Putin', "in Russia's remote Far East region": skip an article, title
   * words, a possessor and lower-case modifiers; a possessor is a whole
   * entity, so it counts as one of the (at most five) steps. */
  gint p = f - 1;
  gboolean over_words = FALSE;
  for (guint skipped = 0; p > 0 && skipped < 5; skipped++)
    {
      guint w = evl_story_wid (sd, p);
      guint32 cls = C (p);
      gboolean title = (sd->tok[p].flags & EVL_TOKEN_CAP) && !(cls & EVL_STORY_C_PREP);
      gint32 m2 = sd->tok_ent[p];
      if (m2 >= 0 && sd->tok_ev[p] < 0)
        {
          gint f2 = first_tok (sd, m2);
          p = f2 > 0 && f2 < p ? f2 - 1 : p - 1;
          continue;
        }
      gboolean modifier = evl_story_modifier_word (sd, p);
      /* 'Secretary of State Madeleine Albright': an 'of' between two
       * title words is the title's, no preposition of the name. */
      if (w == EVL_W_OF && !over_words && skipped > 0 && p > 0 && sd->tok[p - 1].sentence == sd->tok[p].sentence
          && (sd->tok[p - 1].flags & EVL_TOKEN_CAP) && (sd->tok[p + 1].flags & EVL_TOKEN_CAP)
          && sd->tok_ent[p - 1] < 0 && !(C (p - 1) & EVL_STORY_C_PREP) && !(sd->tok[p - 1].flags & EVL_TOKEN_SENT_START))
        {
          p--;
          continue;
        }
      if (!(w == EVL_W_THE || w == EVL_W_A || w == EVL_W_AN || title
            || (cls & EVL_STORY_C_POSSESSIVE) || modifier)
          || sd->tok_ev[p] >= 0)
        break;
      over_words |= modifier;
      p--;
    }
  guint32 cls = C (p);
  /* Past a common noun, a word that also opens a clause is the clause's
   * ('seen as North Korea's leader Kim met Putin'). */
  if (over_words && (cls & EVL_STORY_C_CLAUSE_PREP))
    return 0;
  return (cls & EVL_STORY_C_PREP) && sd->tok[p].sentence == sd->tok[f].sentence ? evl_story_wid (sd, p) : 0;
}

/* Mention @m follows the 'and' (and an article) of a 'between' pair,
 * its first side at most four words before ('between the Sudanese army
 * and the X', 'between North and South Korea'): inside that phrase. */
static gboolean
between_second (const EvlStoryDoc *sd, gint32 m)
{
  gint f = first_tok (sd, m);
  if (f >= 2 && evl_story_is (sd, f - 1, EVL_W_THE))
    f--;
  if (f < 2 || sd->tok[f - 1].sentence != sd->tok[f].sentence || !evl_story_is (sd, f - 1, EVL_W_AND))
    return FALSE;
  for (gint b = f - 2; b >= 0 && b >= f - 6 && sd->tok[b].sentence == sd->tok[f].sentence; b--)
    {
      if (evl_story_is (sd, b, EVL_W_BETWEEN))
        return TRUE;
      if (sd->tok_ev[b] >= 0 || (C (b) & (EVL_STORY_C_PREP | EVL_STORY_C_CLAUSE_BREAK | EVL_STORY_C_CONJ)))
        return FALSE;
    }
  return FALSE;
}

/* For 'PREP the HEAD of <m>': PREP when it is locative, else 'of'. */
static guint
loc_prep_of_head (const EvlStoryDoc *sd, gint32 m)
{
  gint f = first_tok (sd, m);
  gboolean seen_of = FALSE;
  for (gint i = f - 1; i >= 0 && i >= f - 7 && sd->clause[i] == sd->clause[f]; i--)
    {
      if (sd->tok_ev[i] >= 0 || sd->tok_ent[i] >= 0)
        break;
      if (!seen_of)
        {
          seen_of = evl_story_is (sd, i, EVL_W_OF);
          continue;
        }
      guint32 cls = C (i);
      if (cls & EVL_STORY_C_LOC_PREP)
        return evl_story_wid (sd, i);
      if (cls & EVL_STORY_C_PREP)
        break;
    }
  return EVL_W_OF;
}

/* Mention @m is 'his', or 'her' before a word: a possessive pronoun
 * ('his delight', 'her Russian counterpart').  It names the possessor,
 * not the thing, and the possessed noun's phrase already reads as the
 * event's ('his resignation'): it takes no argument role. */
static gboolean
possessive_pronoun (const EvlStoryDoc *sd, gint32 m)
{
  EvlSpan s = sd->ent[m].span;
  if (!sd->ent[m].is_pronoun || EVL_SPAN_LEN (s) != 3 || s.end + 1 >= sd->text_len)
    return FALSE;
  const char *p = sd->text + s.start;
  char b = g_ascii_tolower (p[1]), c = g_ascii_tolower (p[2]);
  return g_ascii_tolower (p[0]) == 'h'
         && ((b == 'i' && c == 's') || (b == 'e' && c == 'r' && p[3] == ' ' && g_ascii_isalpha (p[4])));
}

static gboolean
possessive (const EvlStoryDoc *sd, gint32 m)
{
  /* memcmp() of a fixed 2 or 4 bytes compiles to a load and a compare
   * (strncmp() was a call each, ~0.4 M instructions on the small corpus);
   * the same test, as the literals hold no NUL. */
  EvlSpan s = sd->ent[m].span;
  const char *after = sd->text + s.end;
  gsize left = sd->text_len - s.end;
  if ((left >= 2 && memcmp (after, "'s", 2) == 0)
      || (left >= 4 && memcmp (after, "\xe2\x80\x99s", 4) == 0))
    return TRUE;
  gsize n = EVL_SPAN_LEN (s);
  const char *end = sd->text + s.end;
  return (n >= 2 && memcmp (end - 2, "'s", 2) == 0)
         || (n >= 4 && memcmp (end - 4, "\xe2\x80\x99s", 4) == 0);
}

/* Tokens strictly between @a (exclusive) and @b (exclusive): TRUE when they
 * join two coordinated mentions (a conjunction or comma, no event trigger,
 * no preposition, at most 5 tokens). @has_conj reports the joiner. */
static gboolean
gap_joins (const EvlStoryDoc *sd, gint a, gint b, gboolean *has_conj)
{
  *has_conj = FALSE;
  if (b - a - 1 > 5 || a < 0 || b <= a)
    return FALSE;
  for (gint i = a + 1; i < b; i++)
    {
      guint32 cls = C (i);
      /* A date never stands inside a list: 'VIENNA, Oct 1 - Iran and
       * the EU resumed talks' is a dateline, not three parties. */
      if (sd->tok_ev[i] >= 0 || (cls & (EVL_STORY_C_PREP | EVL_STORY_C_CLAUSE_BREAK))
          || (sd->tok[i].flags & EVL_TOKEN_QUOTE) || sd->tok[i].sentence != sd->tok[a].sentence
          || (sd->tok_scan[i] & EVL_STORY_SCAN_TIMEX))
        return FALSE;
      if (cls & EVL_STORY_C_CONJ)
        *has_conj = TRUE;
    }
  return TRUE;
}

static gboolean
gap_has_and (const EvlStoryDoc *sd, gint a, gint b)
{
  for (gint i = a + 1; i < b; i++)
    if (evl_story_is (sd, i, EVL_W_AND) || evl_story_is (sd, i, EVL_W_AMPERSAND))
      return TRUE;
  return FALSE;
}

/* A place or organisation naming a person's role: 'North Korean leader Kim',
 * 'Russian President Vladimir Putin'. */
static gboolean
is_modifier (const EvlStoryDoc *sd, gint32 m)
{
  if ((guint) m + 1 >= sd->n_ent || sd->ent[m].type == EVL_ENTITY_PERSON
      || sd->ent[m + 1].type != EVL_ENTITY_PERSON)
    return FALSE;
  gboolean has_conj;
  gint a = last_tok (sd, m), b = first_tok (sd, m + 1);
  return b - a - 1 <= 2 && gap_joins (sd, a, b, &has_conj) && !has_conj;
}

/* Adds every mention coordinated with @m in direction @dir (-1, +1).  A
 * comma alone joins only inside a list closed by 'and' ('Kim, Putin and
 * Shoigu'); otherwise it ends a clause or an apposition ('When asked about
 * Russia and North Korea, Putin said'), so the chain is collected first and
 * kept only up to its last conjunction. */
static void
add_chain (EvlStoryDoc *sd, guint k, gint32 m, gint dir)
{
  gint32 found[EVL_STORY_MAX_PARTS * 2];
  gboolean conj_link[EVL_STORY_MAX_PARTS * 2];
  guint n = 0;
  gint32 cur = m;
  for (guint guard = 0; guard < G_N_ELEMENTS (found); guard++)
    {
      gint32 next = cur + dir;
      if (next < 0 || (guint) next >= sd->n_ent)
        break;
      gboolean has_conj;
      gint a = dir < 0 ? last_tok (sd, next) : last_tok (sd, cur);
      gint b = dir < 0 ? first_tok (sd, cur) : first_tok (sd, next);
      if (!gap_joins (sd, a, b, &has_conj) || (dir < 0 && prep_before (sd, next)))
        break;
      if (has_conj && !is_modifier (sd, next))
        {
          found[n] = next;
          conj_link[n++] = gap_has_and (sd, a, b);
        }
      else if (!has_conj && !(dir < 0 ? is_modifier (sd, next) : is_modifier (sd, cur)))
        break;
      /* A list ends at its 'and': 'X, Y and Z'. */
      if (dir > 0 && has_conj && gap_has_and (sd, a, b))
        break;
      cur = next;
    }
  /* Backwards the link next to @m must be the 'and' ('X, Y and M');
   * forwards the list must end with one ('M, X and Y'). */
  guint keep = 0;
  if (dir < 0)
    keep = n > 0 && conj_link[0] ? n : 0;
  else
    for (guint i = 0; i < n; i++)
      if (conj_link[i])
        keep = i + 1;
  for (guint i = 0; i < keep; i++)
    evl_story_add_participant (sd, k, found[i]);
}

/* English verbs whose past participle is their bare form ('Chile was hit
 * by an earthquake'): a closed class, sorted for bsearch. */
static const char *const invariant_participles[] = {
  "bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "fit", "forecast", "hit", "hurt", "let",
  "offset", "put", "quit", "reset", "rid", "set", "shed", "shut", "slit", "split", "spread", "thrust",
  "undercut", "upset",
};

static int
cmp_word (const void *key, const void *item)
{
  return strcmp (key, *(const char *const *) item);
}

/* Whether the verb trigger @k at token @t may be a past participle: no
 * '-ing' form and not its bare lemma (an adjective: 'was ready') unless
 * the participle is the bare form ('was hit'). */
static gboolean
participle_form (const EvlStoryDoc *sd, guint k, gint t)
{
  if (!(evl_story_tf (sd, (gint32) k) & EVL_STORY_TF_VERBAL) || sd->ev[k].lemma == NULL)
    return FALSE;
  char w[EVL_STORY_KEY_CAP];
  gsize n = evl_story_key_into (sd, t, w);
  if (n == 0 || (n > 4 && memcmp (w + n - 3, "ing", 3) == 0))
    return FALSE;
  return strcmp (w, sd->ev[k].lemma) != 0
         || bsearch (w, invariant_participles, G_N_ELEMENTS (invariant_participles), sizeof (char *), cmp_word);
}

/* Token @t is a lower-case '-ing' word ('visiting'). */
static gboolean
ing_form (const EvlStoryDoc *sd, gint t)
{
  char w[EVL_STORY_KEY_CAP];
  gsize n = evl_story_key_into (sd, t, w);
  return n > 4 && memcmp (w + n - 3, "ing", 3) == 0;
}

/* Whether no object follows the trigger at @t (past a time or a time
 * adverb: 'indicted a month later'): the sentence ends or a punctuation
 * mark, a preposition or a clause word comes next. */
static gboolean
no_object_after (const EvlStoryDoc *sd, gint t)
{
  static const char *const adverbs[] = { "later", "earlier", "again", "afterwards", "soon", "too", "also",
                                         "then", NULL };
  guint i = (guint) t + 1;
  for (; i < sd->n_tok && sd->tok[i].sentence == sd->tok[t].sentence; i++)
    {
      gboolean adverb = FALSE;
      for (guint j = 0; adverbs[j] && !adverb; j++)
        adverb = evl_story_token_is (sd, i, adverbs[j]);
      if (!adverb && !(sd->tok_scan[i] & EVL_STORY_SCAN_TIMEX))
        break;
    }
  return i >= sd->n_tok || sd->tok[i].sentence != sd->tok[t].sentence || !(sd->tok[i].flags & EVL_TOKEN_WORD)
         || (C ((gint) i) & (EVL_STORY_C_PREP | EVL_STORY_C_LOC_PREP | EVL_STORY_C_CONJ | EVL_STORY_C_CLAUSE_WORD
                             | EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_BREAK));
}

/* A participle after a form of 'be' ('Kim was welcomed by Putin').  With
 * an auxiliary the tagger writes the group's finite tense, as TimeML does
 * ('was arrested': PAST, 'will be sentenced': FUTURE), so a verb group
 * whose trigger is no '-ing' form (the progressive 'was meeting') and no
 * bare lemma (an adjective: 'was ready') is a passive when a 'be' stands
 * right before it, with only plain words ('not', 'later') between; 'to'
 * or another event ends the group ('was expected to visit'). */
static gboolean
is_passive (const EvlStoryDoc *sd, guint k, gint t)
{
  guint tf = evl_story_tf (sd, (gint32) k);
  if (t < 0)
    return FALSE;
  if (tf & EVL_STORY_TF_PASTPART)
    {
      for (gint i = t - 1; i >= t - 3 && i >= 0 && sd->clause[i] == sd->clause[t]; i--)
        if (C (i) & EVL_STORY_C_BE)
          return TRUE;
      return FALSE;
    }
  if (!participle_form (sd, k, t))
    return FALSE;
  /* 'Met at the airport by X, the pope said': a participle opening its
   * sentence with an agent's 'by' has no subject of its own; the main
   * clause's undergoes it ('Jailed politician X left' has no 'by': an
   * adjective) */
  if (t == 0 || sd->tok[t - 1].sentence != sd->tok[t].sentence)
    {
      for (gint i = t + 1; i < (gint) sd->n_tok && i <= t + 6 && sd->clause[i] == sd->clause[t]; i++)
        if (evl_story_is (sd, i, EVL_W_BY))
          return TRUE;
      return FALSE;
    }
  for (gint i = t - 1; i >= t - 3 && i >= 0 && sd->clause[i] == sd->clause[t]; i--)
    {
      /* "'s" after a noun is its possessive ('the board's chair fired') */
      if ((C (i) & EVL_STORY_C_BE) && !(C (i) & EVL_STORY_C_POSSESSIVE) && sd->tok_ent[i] < 0)
        return TRUE;
      if (!(sd->tok[i].flags & EVL_TOKEN_WORD) || sd->tok_ev[i] >= 0 || sd->tok_ent[i] >= 0
          || (C (i) & (EVL_STORY_C_MODAL | EVL_STORY_C_PREP)))
        return FALSE;
    }
  return FALSE;
}

/* Whether verb event @o governs the infinitive at token @t through its
 * object ('urged the rebels to talk', 'called on all states to help',
 * 'asked police to search'): a verb of object control (en/control-verbs)
 * with words between it and the 'to' before @t ('asked to leave' has
 * none: the asker leaves). */
gboolean
evl_story_object_controls (const EvlStoryDoc *sd, gint32 o, gint t)
{
  const char *l = sd->ev[o].lemma;
  if (l == NULL || t < 1 || !evl_story_is (sd, t - 1, EVL_W_TO))
    return FALSE;
  gint v = sd->ev_tok[o] + 1;
  while (v < t - 1 && sd->tok_ev[v] == o)
    v++;   /* a phrasal trigger's particle */
  /* 'called on', 'appealed to': the preposition opens the object */
  while (v < t - 1
         && (evl_story_is (sd, v, EVL_W_TO)
             || ((C (v) & (EVL_STORY_C_PREP | EVL_STORY_C_FUNCTION))
                 && (evl_story_token_is (sd, (guint) v, "on") || evl_story_token_is (sd, (guint) v, "upon")
                     || evl_story_token_is (sd, (guint) v, "not")))))
    v++;
  if (v >= t - 1)
    return FALSE;
  const EvlLexicon *control = evl_context_get_lexicon (sd->ctx, "en/control-verbs");
  return control && evl_lexicon_lookup (control, l, strlen (l)) != NULL;
}

static gboolean aux_word (const EvlStoryDoc *sd, gint j);

/* Lower-case words after a name that are no noun it modifies. */
static const char *const noun_adverbs[] = { "also", "then", "later", "again", "still", "never", "already", "now",
                                            "once", "further", "soon", "yet", "even", "just", "alone", "too",
                                            "himself", "herself", "itself", "themselves", "first", "last",
                                            "jointly", "instead", "meanwhile", "however", "here", "there",
                                            "today", "tonight", "not", "formally", "reportedly", "officially",
                                            "thus", "thereby",
                                            /* particles inside names ('Jose Eduardo dos Santos') */
                                            "dos", "de", "da", "do", "van", "von", "der", "den", "bin", "ibn",
                                            "al", "arap", "la", "le", "du", "del", NULL };

/* A verb at @t right after a lower-case noun of its sentence
 * ('vessels involved in', 'a ship carrying'): that noun is its subject
 * (a reduced relative clause's when the verb is non-finite), never a
 * name of another verb's. */
static gboolean
reduced_relative (const EvlStoryDoc *sd, gint t)
{
  return t > 0 && sd->tok[t - 1].sentence == sd->tok[t].sentence && sd->tok_ent[t - 1] < 0
         && evl_story_modifier_word (sd, t - 1) && !aux_word (sd, t - 1)
         && !(C (t - 1) & (EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_COMPLEMENTIZER | EVL_STORY_C_CONJ | EVL_STORY_C_MODAL
                           | EVL_STORY_C_PARTICLE))
         && !evl_story_token_among (sd, t - 1, noun_adverbs);
}

/* The verb at @v takes the one at @t as its complement: only a
 * preposition between them ('involved in shipping'); not 'to', whose
 * controller may be a name the noun stands for ('the head of state
 * refuses to stand down'). */
static gboolean
governs_complement (const EvlStoryDoc *sd, gint v, gint t)
{
  if (v < 0 || t - v > 3)
    return FALSE;
  for (gint i = v + 1; i < t; i++)
    if (!(C (i) & (EVL_STORY_C_PREP | EVL_STORY_C_LOC_PREP)) || evl_story_is (sd, i, EVL_W_TO))
      return FALSE;
  return TRUE;
}

/* A noun phrase of its own before token @from is the subject of the
 * verb at token @t ('Jiji Press said the minister would visit Japan':
 * the minister visits, not the agency; 'while the head of state refuses
 * to stand down'): a determiner, a noun after it, and only the phrase's
 * words and an 'of' between; not an adjective's article ('a thinly
 * veiled warning'), nor a preposition's object or a date ('at the
 * ministry and on Saturday was scheduled'). */
static gboolean
np_subject_before (const EvlStoryDoc *sd, gint from, gint t)
{
  gboolean noun = FALSE;
  for (gint j = from; j >= 0 && t - j <= 10 && sd->tok[j].sentence == sd->tok[t].sentence && sd->tok_ev[j] < 0; j--)
    {
      guint32 c = C (j);
      if ((c & (EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_BREAK | EVL_STORY_C_CONJ)) || sd->tok_tx[j] >= 0)
        return FALSE;
      if ((c & (EVL_STORY_C_DEFINITE | EVL_STORY_C_NOUN_DET)) || evl_story_is (sd, j, EVL_W_A)
          || evl_story_is (sd, j, EVL_W_AN))
        return noun;
      if ((c & (EVL_STORY_C_PREP | EVL_STORY_C_LOC_PREP)) && !evl_story_is (sd, j, EVL_W_OF))
        return FALSE;
      EvlSpan sp = sd->tok[j].span;
      gboolean ly = EVL_SPAN_LEN (sp) > 3 && sd->text[sp.end - 2] == 'l' && sd->text[sp.end - 1] == 'y';
      if ((sd->tok[j].flags & EVL_TOKEN_WORD) && !ly
          && !(c & (EVL_STORY_C_BE | EVL_STORY_C_MODAL | EVL_STORY_C_FUNCTION | EVL_STORY_C_PREP)))
        noun = TRUE;
    }
  return FALSE;
}

/* The verb at token @t follows a modal whose subject is a noun phrase of
 * its own (np_subject_before()). */
static gboolean
modal_subject (const EvlStoryDoc *sd, gint t)
{
  return evl_story_after_modal (sd, t) && !evl_story_is (sd, t - 1, EVL_W_TO) && np_subject_before (sd, t - 2, t);
}

/* The subject of the nearest earlier event of the sentence that has one:
 * its agent, or a passive's patient ('X was sworn in, promising ...', 'X
 * is expected to visit'). */
static gint32
governing_agent (const EvlStoryDoc *sd, guint k, gint t)
{
  /* Only event tokens and 'that'/'whether' act: the walk goes from one to
   * the next (EVL_STORY_SCAN_ARGS, _COMPLEMENTIZER) instead of token by
   * token (~0.6 M instructions on the small corpus); sentence numbers
   * never decrease, so the sentence test at each stop ends it where the
   * token walk ended. */
  const guint marks = EVL_STORY_SCAN_ARGS | EVL_STORY_SCAN_COMPLEMENTIZER;
  gint lo = MAX (t - EVL_STORY_REACH, 0);
  for (gint i = evl_story_prev_scan_after (sd, t - 1, marks, lo);
       i >= 0 && sd->tok[i].sentence == sd->tok[t].sentence;
       i = evl_story_prev_scan_after (sd, i - 1, marks, lo))
    {
      gint32 o = sd->tok_ev[i];
      if (o >= 0 && o != (gint32) k && o < (gint32) k)
        {
          gboolean op = is_passive (sd, (guint) o, sd->ev_tok[o]);
          if (!op && evl_story_object_controls (sd, o, t))
            {
              /* 'urged the rebels to talk': the rebels talk; an object
               * that is no name leaves the verb without a named subject */
              gint32 p = sd->ev[o].patient;
              return p >= 0 && first_tok (sd, p) > sd->ev_tok[o] && last_tok (sd, p) < t ? p : -1;
            }
          gint32 subj = op ? sd->ev[o].patient : sd->ev[o].agent;
          /* a verb right after its plain noun subject ('said vessels
           * involved in shipping arms') passes on that noun, no name
           * from a verb before it */
          if (subj >= 0 || (evl_story_verbal (sd, o) && governs_complement (sd, sd->ev_tok[o], t)
                            && reduced_relative (sd, sd->ev_tok[o])))
            return subj;
          /* (nor past a verb's own unnamed subject: 'would visit Japan
           * to meet', 'the head of state refuses to stand down') */
          gint ot = sd->ev_tok[o];
          if (modal_subject (sd, ot)
              || (evl_story_finite (sd, o) && evl_story_verbal (sd, o) && np_subject_before (sd, ot - 1, ot)))
            return -1;
        }
      /* A 'that' clause has its own subject: 'Peskov said that documents
       * were signed to seal the pact' does not make Peskov the sealer. */
      if (sd->tok_ent[i] < 0 && (evl_story_is (sd, i, EVL_W_THAT) || evl_story_is (sd, i, EVL_W_WHETHER)))
        return -1;
    }
  return -1;
}

gboolean
evl_story_after_modal (const EvlStoryDoc *sd, gint t)
{
  return t > 0 && sd->tok[t - 1].sentence == sd->tok[t].sentence && sd->tok_ent[t - 1] < 0
         && (C (t - 1) & EVL_STORY_C_MODAL);
}

/* A temporal subordinator ('after', 'before', 'since', 'until') strictly
 * between tokens @a and @b ('as', 'than', 'like' are left out: 'Kim as
 * leader signed'). */
static gboolean
clause_prep_between (const EvlStoryDoc *sd, gint a, gint b)
{
  static const char *const temporal[] = { "after", "before", "since", "until", "till", NULL };
  for (gint i = a + 1; i < b; i++)
    if ((C (i) & EVL_STORY_C_CLAUSE_PREP) && sd->tok_ent[i] < 0 && evl_story_token_among (sd, i, temporal))
      return TRUE;
  return FALSE;
}

/* A quotation's closing mark right before token @t, after the
 * punctuation that ends the quoted words ('," declared'). */
static gboolean
quote_closes_before (const EvlStoryDoc *sd, gint t)
{
  return t >= 2 && (sd->tok[t - 1].flags & EVL_TOKEN_QUOTE) && sd->tok[t - 2].sentence == sd->tok[t].sentence
         && (sd->tok[t - 2].flags & EVL_TOKEN_PUNCT) && !(sd->tok[t - 2].flags & EVL_TOKEN_QUOTE);
}

/* Every token strictly between @a and @b is a capitalised word (a title:
 * 'said Foreign Minister X'). */
static gboolean
only_titles (const EvlStoryDoc *sd, gint a, gint b)
{
  for (gint i = a + 1; i < b; i++)
    if (!(sd->tok[i].flags & EVL_TOKEN_CAP) || !(sd->tok[i].flags & EVL_TOKEN_WORD))
      return FALSE;
  return b > a;
}

/* The subject of the main clause after the participle clause that
 * opens the sentence at @t: the mention right after its first comma
 * (past an article and title words; a place naming a person's role
 * gives way to the person), with a finite verb within three tokens
 * after it ('..., Russian President Putin said').  -1 when none. */
static gint32
opener_subject (const EvlStoryDoc *sd, gint t)
{
  guint sentence = sd->tok[t].sentence;
  gint i = t + 1;
  while (i < (gint) sd->n_tok && i <= t + EVL_STORY_REACH && sd->tok[i].sentence == sentence
         && !(C (i) & (EVL_STORY_C_CLAUSE_PUNCT | EVL_STORY_C_CLAUSE_BREAK)) && !(sd->tok[i].flags & EVL_TOKEN_QUOTE))
    i++;
  if (i >= (gint) sd->n_tok || sd->tok[i].sentence != sentence || !evl_story_is (sd, i, EVL_W_COMMA))
    return -1;
  gint j = i + 1;
  while (j < (gint) sd->n_tok && j <= i + 4 && sd->tok[j].sentence == sentence && sd->tok_ent[j] < 0
         && (evl_story_is (sd, j, EVL_W_THE) || ((sd->tok[j].flags & EVL_TOKEN_CAP) && (sd->tok[j].flags & EVL_TOKEN_WORD)
                                                && sd->tok_ev[j] < 0)))
    j++;
  if (j >= (gint) sd->n_tok || sd->tok[j].sentence != sentence || sd->tok_ent[j] < 0)
    return -1;
  gint32 m = sd->tok_ent[j];
  if (is_modifier (sd, m))
    m++;
  for (gint v = last_tok (sd, m) + 1;
       v < (gint) sd->n_tok && v <= last_tok (sd, m) + 3 && sd->clause[v] == sd->clause[j]; v++)
    if (sd->tok_ev[v] >= 0 && evl_story_finite (sd, sd->tok_ev[v]))
      return m;
  return -1;
}

/* Mention @m modifies the noun after it ('US forces', 'the Washington
 * bureau chief'): a plain lower-case word follows, no verb, adverb or
 * function word.  Such a name is no verb's subject or object; the noun
 * is. */
static gboolean
modifies_noun (const EvlStoryDoc *sd, gint32 m)
{
  gint n = last_tok (sd, m) + 1;
  /* A company's shares, stock or sales are what moves, not the company
   * ('Kestrel shares rose 2%'); its workers, staff or shareholders act
   * for themselves, often against it ('Kestrel workers went on strike',
   * 'Kestrel shareholders rejected the offer'). */
  static const char *const holdings[] = { "shares", "stock", "stocks", "bonds", "sales", "profit", "profits",
                                          "revenue", "earnings", "workers", "employees", "staff", "shareholders",
                                          "stockholders", "pilots", "drivers", "nurses", "members", NULL };
  if (!possessive (sd, m) && sd->ent[m].type == EVL_ENTITY_ORGANIZATION && n < (gint) sd->n_tok
      && sd->tok[n].sentence == sd->tok[n - 1].sentence && evl_story_token_among (sd, n, holdings))
    return TRUE;
  /* A possessor stands for the thing ('admired Russia's defense'); an
   * organisation or a person before a noun is mostly the actor all the
   * same ('the United Front government pledged'). */
  if (possessive (sd, m) || sd->ent[m].type != EVL_ENTITY_LOCATION)
    return FALSE;
  if (n <= 0 || n >= (gint) sd->n_tok || sd->tok[n].sentence != sd->tok[n - 1].sentence
      || !evl_story_modifier_word (sd, n) || sd->tok_ent[n] >= 0 || (sd->tok[n].flags & EVL_TOKEN_NUMBER))
    return FALSE;
  char w[EVL_STORY_KEY_CAP];
  gsize len = evl_story_key_into (sd, n, w);
  if (len > 4 && w[len - 2] == 'l' && w[len - 1] == 'y')
    return FALSE;
  for (guint i = 0; noun_adverbs[i]; i++)
    if (strcmp (w, noun_adverbs[i]) == 0)
      return FALSE;
  return TRUE;
}

/* Mention @m stands between an article and the noun it modifies ('vetoed
 * a U.N. resolution', 'signed the NATO treaty'): a name takes no article
 * of its own, so the noun after it is the verb's object, not the name. */
static gboolean
article_modifier (const EvlStoryDoc *sd, gint32 m)
{
  static const char *const articles[] = { "a", "an", "the", NULL };
  gint f = first_tok (sd, m), n = last_tok (sd, m) + 1;
  return f > 0 && n > 0 && n < (gint) sd->n_tok && sd->tok[f - 1].sentence == sd->tok[f].sentence
         && sd->tok[n].sentence == sd->tok[f].sentence && !possessive (sd, m)
         && evl_story_token_among (sd, (guint) f - 1, articles) && evl_story_modifier_word (sd, n);
}

/* After 'to' a verb is its bare form ('to visit'); another form is a
 * noun's modifier or a gerund ('tribute to bombing victims'). */
static gboolean
bare_after_to (const EvlStoryDoc *sd, guint k, gint t)
{
  if (!evl_story_is (sd, t - 1, EVL_W_TO) || sd->ev[k].lemma == NULL)
    return TRUE;
  char w[EVL_STORY_KEY_CAP];
  gsize n = evl_story_key_into (sd, t, w);
  const char *l = sd->ev[k].lemma;   /* a phrasal one: 'lift off' */
  return strncmp (w, l, n) == 0 && (l[n] == '\0' || l[n] == ' ');
}

/* Whether the name ending at token @e can be the subject of the
 * infinitive at @t written before it: at most three words between it and
 * the 'to' ('Putin is expected to visit', 'Iraq to comply'), none a
 * determiner, a preposition or a name, which would make them another
 * noun phrase ('he wants Cuban diplomats based in Washington to meet':
 * the diplomats meet, not he). */
static gboolean
close_to_infinitive (const EvlStoryDoc *sd, gint e, gint t)
{
  /* 'X is the first leader to visit': after a 'be' the noun phrase is
   * X's predicate and the infinitive X's */
  if (e + 1 < t - 1 && (C (e + 1) & EVL_STORY_C_BE) && !(C (e + 1) & EVL_STORY_C_POSSESSIVE) && t - 1 - e <= 6)
    return TRUE;
  if (t - 1 - e > 4)
    return FALSE;
  for (gint i = e + 1; i < t - 1; i++)
    if ((C (i) & (EVL_STORY_C_PREP | EVL_STORY_C_CLAUSE_PUNCT)) || evl_story_is (sd, i, EVL_W_THE)
        || evl_story_is (sd, i, EVL_W_A) || evl_story_is (sd, i, EVL_W_AN)
        || ((sd->tok[i].flags & EVL_TOKEN_CAP) && (sd->tok[i].flags & EVL_TOKEN_WORD)))
      return FALSE;
  return TRUE;
}

/* A 'be' or a verb event between tokens @e and @t: the name before
 * them is the subject of a clause of its own ('said Ozawa was to
 * meet'), no verb's object. */
static gboolean
clause_between (const EvlStoryDoc *sd, gint e, gint t)
{
  for (gint i = e + 1; i < t - 1; i++)
    if (((C (i) & EVL_STORY_C_BE) && !(C (i) & EVL_STORY_C_POSSESSIVE)) || sd->tok_ev[i] >= 0)
      return TRUE;
  return FALSE;
}

/* 'X, 61, who died Monday', 'X, who was arrested': the name before a
 * non-restrictive 'who' (past an age between commas) is the subject of
 * the verb at @t that the relative clause opens; -1 when none. */
static gint32
relative_antecedent (const EvlStoryDoc *sd, gint t)
{
  gint j = t - 1;
  /* past auxiliaries and adverbs: plain words that are no event or name */
  while (j >= 0 && j >= t - 3 && sd->tok[j].sentence == sd->tok[t].sentence && sd->tok_ent[j] < 0
         && sd->tok_ev[j] < 0 && (sd->tok[j].flags & EVL_TOKEN_WORD) && !(C (j) & EVL_STORY_C_CLAUSE_WORD))
    j--;
  if (j < 2 || sd->tok[j].sentence != sd->tok[t].sentence || !(C (j) & EVL_STORY_C_CLAUSE_WORD)
      || !evl_story_is (sd, j - 1, EVL_W_COMMA) || !evl_story_token_is (sd, (guint) j, "who"))
    return -1;
  gint e = j - 2;
  if (e >= 2 && (sd->tok[e].flags & EVL_TOKEN_NUMBER) && evl_story_is (sd, e - 1, EVL_W_COMMA))
    e -= 2;
  if (e < 0 || sd->tok[e].sentence != sd->tok[t].sentence || sd->tok_ent[e] < 0
      || sd->ent[sd->tok_ent[e]].type != EVL_ENTITY_PERSON || possessive_pronoun (sd, sd->tok_ent[e]))
    return -1;
  return sd->tok_ent[e];
}

/* 'The toll from the quake that struck southern Peru rose': name @m is
 * the object of a restrictive relative clause's verb (a finite verb right
 * after 'that', 'which' or 'who', then at most an article and three
 * modifiers), so no subject of the finite verb @k after the clause.  Not
 * after a saying or thinking verb, whose object is a clause with its own
 * subject ('the minister who said Russia attacked'). */
static gboolean
relative_object (const EvlStoryDoc *sd, gint32 m, guint k)
{
  gint b = first_tok (sd, m) - 1;
  guint s = sd->tok[MAX (b, 0)].sentence;
  for (gint n = 0; b > 0 && n < 4 && sd->tok[b].sentence == s
                   && (evl_story_modifier_word (sd, b) || evl_story_is (sd, b, EVL_W_THE)
                       || evl_story_is (sd, b, EVL_W_A) || evl_story_is (sd, b, EVL_W_AN));
       n++)
    b--;
  if (b < 1 || sd->tok[b].sentence != s || sd->tok[b - 1].sentence != s)
    return FALSE;
  gint32 v = sd->tok_ev[b];
  if (v < 0 || v == (gint32) k || !evl_story_verbal (sd, v) || !evl_story_finite (sd, v)
      || sd->ev[v].klass == EVL_EVENT_CLASS_REPORTING || sd->ev[v].klass == EVL_EVENT_CLASS_I_STATE)
    return FALSE;
  static const char *const rel[] = { "that", "which", "who", NULL };
  return evl_story_token_among (sd, b - 1, rel);
}

/* An auxiliary or adverb between a subject and its verb ('was', 'has
 * been', 'also'), not a noun of a list ('his mother, stepfather and
 * others died'). */
static gboolean
aux_word (const EvlStoryDoc *sd, gint j)
{
  static const char *const aux[] = { "has", "have", "had", "also", "not", "never", "later", "then", "only", NULL };
  if (C (j) & (EVL_STORY_C_BE | EVL_STORY_C_MODAL))
    return TRUE;
  if (!(sd->tok[j].flags & EVL_TOKEN_WORD) || (sd->tok[j].flags & EVL_TOKEN_CAP))
    return FALSE;
  gsize n = sd->tok[j].span.end - sd->tok[j].span.start;
  if (n > 3 && sd->text[sd->tok[j].span.end - 2] == 'l' && sd->text[sd->tok[j].span.end - 1] == 'y')
    return TRUE;
  return evl_story_token_among (sd, j, aux);
}

/* Only auxiliaries and adverbs strictly between tokens @a and @b. */
static gboolean
aux_only (const EvlStoryDoc *sd, gint a, gint b)
{
  for (gint j = a + 1; j < b; j++)
    if (!aux_word (sd, j))
      return FALSE;
  return b - a <= 4;
}

/* 'The company's former chief executive, Martin Kessler, resigned': a
 * description opens the sentence (no comma, clause word or finite verb
 * in it: not a list's items), then the person's name between commas, the
 * last comma at token @j; the name is the subject of the verb after it.
 * -1 when none. */
static gint32
described_person (const EvlStoryDoc *sd, gint b, gint j, gint *open, gint *close)
{
  gint32 r = sd->tok_ent[j - 1];
  if (r < 0 || last_tok (sd, r) != j - 1 || sd->ent[r].type != EVL_ENTITY_PERSON || possessive_pronoun (sd, r))
    return -1;
  gint o = first_tok (sd, r) - 1;
  if (o <= b || !evl_story_is (sd, o, EVL_W_COMMA))
    return -1;
  for (gint i = b; i < o; i++)
    if (evl_story_is (sd, i, EVL_W_COMMA) || (sd->tok_ev[i] >= 0 && evl_story_finite (sd, sd->tok_ev[i]))
        || (C (i) & (EVL_STORY_C_CLAUSE_BREAK | EVL_STORY_C_CLAUSE_WORD)) || (sd->tok[i].flags & EVL_TOKEN_QUOTE))
      return -1;
  *open = o;
  *close = j;
  return r;
}

/* 'Slepian, 52, an obstetrician who worked in Buffalo, was shot': the
 * person who opens the sentence, then an appositive between commas, is
 * the subject of the verb right after the closing comma (past its
 * auxiliaries); -1 when none.  Only a person, and only at the start,
 * where a name before a comma is not a list's first item or a place
 * ('In Paris, police said'). */
gint32
evl_story_appositive (const EvlStoryDoc *sd, gint t, gint *open, gint *close)
{
  guint s = sd->tok[t].sentence;
  gint j = t - 1;
  while (j >= 0 && j >= t - 3 && sd->tok[j].sentence == s && sd->tok_ent[j] < 0 && sd->tok_ev[j] < 0
         && aux_word (sd, j))
    j--;
  if (j < 3 || sd->tok[j].sentence != s || !evl_story_is (sd, j, EVL_W_COMMA))
    return -1;
  gint b = j;
  while (b > 0 && sd->tok[b - 1].sentence == s)
    b--;
  /* a title that is no part of the name ('Dr.') */
  for (gint n = 0; n < 2 && b < j && sd->tok_ent[b] < 0 && (sd->tok[b].flags & EVL_TOKEN_CAP); n++)
    b++;
  gint32 m = sd->tok_ent[b];
  if (m < 0 || first_tok (sd, m) != b || sd->ent[m].type != EVL_ENTITY_PERSON || possessive_pronoun (sd, m))
    return described_person (sd, b, j, open, close);
  gint e = last_tok (sd, m);
  if (e + 1 >= j || !evl_story_is (sd, e + 1, EVL_W_COMMA))
    return -1;
  for (gint i = e + 2; i < j; i++)
    if (((C (i) & EVL_STORY_C_CLAUSE_BREAK) && !(sd->tok[i].flags & EVL_TOKEN_WORD))
        || (sd->tok[i].flags & EVL_TOKEN_QUOTE))
      return -1;
  *open = e + 1;
  *close = j;
  return m;
}

/* True for an article or a lower-case modifier: a word of the noun
 * phrase an appositive name restates. */
static gboolean
np_word (const EvlStoryDoc *sd, gint i)
{
  return evl_story_modifier_word (sd, i) || evl_story_is (sd, i, EVL_W_THE) || evl_story_is (sd, i, EVL_W_A)
         || evl_story_is (sd, i, EVL_W_AN);
}

/* The person in apposition to the noun phrase after the trigger at @t:
 * 'the killing of the doctor, Barnett Slepian.' (a nominal, through its
 * 'of'), 'arrested the former director of the port authority, Anton
 * Brevik, at his home' (a verb's object, with at most an 'of' phrase of
 * lower-case words or a name that is no person).  The comma starts
 * another clause, so the clause-bound object search never reaches it.
 * The name must close the appositive (a comma or punctuation after it),
 * else it may open a clause ('after the killing of the doctor, Jones
 * said').  -1 when none. */
static gint32
appositive_object (const EvlStoryDoc *sd, gint t, gboolean verbal)
{
  guint s = sd->tok[t].sentence;
  gint i = t + 1;
  if (i + 3 >= (gint) sd->n_tok)
    return -1;
  if (!verbal)
    {
      if (!evl_story_is (sd, i, EVL_W_OF))
        return -1;
      i++;
    }
  gint nouns = 0, end = MIN (t + 7, (gint) sd->n_tok);
  for (; i < end && sd->tok[i].sentence == s && sd->tok_ent[i] < 0 && np_word (sd, i); i++)
    nouns += evl_story_modifier_word (sd, i);
  /* the head's own 'of' phrase, bounded: 'of the Calverton port authority' */
  if (verbal && nouns > 0 && i < (gint) sd->n_tok && evl_story_is (sd, i, EVL_W_OF))
    for (i++, end = MIN (i + 5, (gint) sd->n_tok);
         i < end && sd->tok[i].sentence == s
         && (np_word (sd, i)
             || (sd->tok_ent[i] >= 0 && sd->ent[sd->tok_ent[i]].type != EVL_ENTITY_PERSON));
         i++)
      ;
  if (nouns == 0 || i + 1 >= (gint) sd->n_tok || !evl_story_is (sd, i, EVL_W_COMMA))
    return -1;
  gint32 m = sd->tok_ent[i + 1];
  if (m < 0 || first_tok (sd, m) != i + 1 || sd->ent[m].type != EVL_ENTITY_PERSON)
    return -1;
  gint after = last_tok (sd, m) + 1;
  if (after < (gint) sd->n_tok && sd->tok[after].sentence == s && !(sd->tok[after].flags & EVL_TOKEN_PUNCT))
    return -1;
  return m;
}

/* The 'by' agent of a participle right after the noun at @t ('talks
 * brokered by mediator Helen Strand', 'a deal negotiated by X'): the
 * noun's doer, whom the participle's passive names; lower-case titles
 * only between 'by' and the name.  -1 when there is none. */
static gint32
participle_by_agent (const EvlStoryDoc *sd, gint t)
{
  guint sentence = sd->tok[t].sentence;
  gint v = t + 1, by = t + 2;
  if (by + 1 >= (gint) sd->n_tok || sd->tok[by + 1].sentence != sentence || !evl_story_is (sd, by, EVL_W_BY))
    return -1;
  gsize n = EVL_SPAN_LEN (sd->tok[v].span);
  const char *w = sd->text + sd->tok[v].span.start;
  if (n < 5 || !g_ascii_islower (w[0]) || w[n - 2] != 'e' || w[n - 1] != 'd')
    return -1;
  for (gint j = by + 1; j < (gint) sd->n_tok && j <= by + 4 && sd->tok[j].sentence == sentence; j++)
    {
      if (sd->tok_ent[j] >= 0)
        return sd->tok_ent[j];
      if (!(sd->tok[j].flags & EVL_TOKEN_WORD) || (sd->tok[j].flags & EVL_TOKEN_CAP) || sd->tok_ev[j] >= 0)
        return -1;
    }
  return -1;
}

static void
fill_one (EvlStoryDoc *sd, guint k)
{
  EvlEventMention *e = &sd->ev[k];
  gint t = sd->ev_tok[k];
  if (t < 0)
    return;
  /* 'may supply', 'to launch': a verb whatever its tag says. */
  gboolean verbal = evl_story_verbal (sd, (gint32) k) || (evl_story_after_modal (sd, t) && bare_after_to (sd, k, t));
  gboolean passive = is_passive (sd, k, t);
  gboolean visit = e->type && evl_story_type_code (sd, (gint32) k) == EVL_STORY_TYPE_VISIT;
  guint32 clause = sd->clause[t];
  gint32 subject = -1, by_agent = -1, object = -1;
  gboolean symmetric = FALSE, shared_passive = FALSE, unnamed = FALSE;

  /* Before the trigger: subject, possessor, compound modifier.  A verb's
   * subject is not searched past another finite verb, except across a
   * coordination ('Kim arrived and met Putin'). */
  gboolean coordinated = t > 0 && evl_story_is (sd, t - 1, EVL_W_AND);
  gboolean infinitive = verbal && t > 0 && evl_story_is (sd, t - 1, EVL_W_TO) && !evl_story_finite (sd, (gint32) k);
  /* Only tokens of an event or an entity act in either loop below: they
   * go from one to the next (EVL_STORY_SCAN_ARGS) instead of token by
   * token; clause numbers never decrease, so the clause and distance
   * tests at each stop end them where the token loops ended. */
  /* 'condemned the bombing in Kenya and Tanzania and called on all
   * states': a verb coordinated with an earlier finite one shares its
   * subject; the names between are that verb's objects and places. */
  if (verbal && coordinated)
    for (gint i = evl_story_prev_scan (sd, t - 1, EVL_STORY_SCAN_ARGS);
         i >= 0 && i >= t - EVL_STORY_REACH && sd->clause[i] == clause;
         i = evl_story_prev_scan (sd, i - 1, EVL_STORY_SCAN_ARGS))
      {
        gint32 o = sd->tok_ev[i];
        if (o < 0 || o == (gint32) k || !evl_story_finite (sd, o))
          continue;
        if (o < (gint32) k && evl_story_verbal (sd, o))
          {
            gboolean op = is_passive (sd, (guint) o, sd->ev_tok[o]);
            gint32 s = op ? sd->ev[o].patient : sd->ev[o].agent;
            if (s >= 0)
              {
                subject = s;
                shared_passive = op;
                coordinated = FALSE;
              }
            /* ... and with none that is an entity ('A French court
             * convicted Paul Garnier and sentenced him'), none: the names
             * after that verb are its objects, not this one's subject */
            else if (!op)
              unnamed = TRUE;
          }
        break;
      }
  for (gint i = evl_story_prev_scan (sd, t - 1, EVL_STORY_SCAN_ARGS);
       i >= 0 && i >= t - EVL_STORY_REACH && sd->clause[i] == clause && subject < 0 && !unnamed;
       i = evl_story_prev_scan (sd, i - 1, EVL_STORY_SCAN_ARGS))
    {
      gint32 o = sd->tok_ev[i];
      if (verbal && o >= 0 && o != (gint32) k && evl_story_finite (sd, o))
        {
          if (!coordinated)
            break;
          coordinated = FALSE;
          shared_passive = is_passive (sd, (guint) o, sd->ev_tok[o]);
        }
      gint32 m = sd->tok_ent[i];
      if (m < 0 || possessive_pronoun (sd, m))
        continue;
      /* A finite verb's subject stands after a subordinating 'after',
       * 'before', 'since' or 'until' before it, never before it ('fired X
       * after an audit found gaps': X did not find). */
      if (verbal && evl_story_finite (sd, (gint32) k) && clause_prep_between (sd, last_tok (sd, m), t))
        break;
      gint f = first_tok (sd, m);
      i = f >= 0 ? f : i;
      gint dist = t - last_tok (sd, m);
      if (possessive (sd, m))
        {
          if (!verbal && dist <= 4 && !is_modifier (sd, m))
            subject = m;
          continue;
        }
      /* 'after Ghana agreed', 'as Kim met Putin': a word that is a
       * preposition and a subordinator opens a clause whose subject the
       * name right before its finite verb is (a name: a pronoun's
       * referent is less sure than the verb's other readings). */
      /* 'The ceasefire between the army and the Tamil Tigers was
       * violated': the second of a 'between' pair is inside the
       * subject's phrase, whatever the first is, and undergoes nothing.
       * (Only for a passive: an active verb's walk may then reach a
       * name that is no better, 'talks between North and South Korea
       * returned to Washington' read 'Washington returned'.) */
      if (verbal && passive && between_second (sd, m))
        continue;
      guint pb = is_modifier (sd, m) ? 0 : prep_before (sd, m);
      gboolean clause_subject = pb && (sd->winfo[pb].cls & EVL_STORY_C_CLAUSE_PREP) && verbal
                                && evl_story_finite (sd, (gint32) k) && aux_only (sd, last_tok (sd, m), t)
                                && (sd->tok[first_tok (sd, m)].flags & EVL_TOKEN_CAP);
      if (is_modifier (sd, m) || (pb && !clause_subject))
        continue;
      if (verbal && modifies_noun (sd, m))
        break;
      if (verbal && !coordinated && evl_story_finite (sd, (gint32) k) && relative_object (sd, m, k))
        break;
      if (infinitive && !close_to_infinitive (sd, last_tok (sd, m), t))
        break;
      /* 'will visit the United States to meet': another verb's object is
       * the infinitive's subject only where that verb controls it
       * ('invited Geremek to visit') */
      if (infinitive && !clause_between (sd, last_tok (sd, m), t))
        {
          gint b = first_tok (sd, m) - 1;
          if (b > 0 && evl_story_is (sd, b, EVL_W_THE))
            b--;
          gint32 v = b >= 0 ? sd->tok_ev[b] : -1;
          if (v >= 0 && v != (gint32) k && (evl_story_verbal (sd, v) || evl_story_after_modal (sd, b))
              && sd->ev[v].klass != EVL_EVENT_CLASS_REPORTING
              && !evl_story_object_controls (sd, v, t))
            break;
        }
      /* A nominal's agent is its compound modifier ('the Ukraine
       * conflict', 'North Korea missile tests'), with nothing but
       * modifiers between; not the subject of another verb ('He regarded
       * the meeting'). */
      if (verbal || (dist <= 3 && only_modifiers (sd, last_tok (sd, m), t)))
        subject = m;
    }
  if (subject < 0 && verbal && !unnamed)
    subject = relative_antecedent (sd, t);
  if (subject < 0 && !verbal)
    subject = participle_by_agent (sd, t);
  if (subject < 0 && verbal && !unnamed && (passive || evl_story_finite (sd, (gint32) k)))
    {
      gint open, close;
      subject = evl_story_appositive (sd, t, &open, &close);
    }
  /* A participle that opens the sentence has the subject of the clause
   * after its comma ('Visiting Paris on Monday, Charles Millon said'). */
  if (subject < 0 && verbal && !evl_story_finite (sd, (gint32) k) && ing_form (sd, t)
      && (t == 0 || sd->tok[t - 1].sentence != sd->tok[t].sentence))
    subject = opener_subject (sd, t);
  /* A participle or infinitive without a subject of its own ('..., affirming
   * support', 'met Putin to discuss') shares its governing verb's; not one
   * that reduces a relative clause on the noun before it ('said three
   * vessels involved in shipping arms': the vessels are involved, not the
   * sayers); what a document says ('issued statements saying') is its
   * issuer's. */
  if (subject < 0 && verbal && !evl_story_finite (sd, (gint32) k)
      && (!reduced_relative (sd, t) || e->klass == EVL_EVENT_CLASS_REPORTING) && !modal_subject (sd, t))
    subject = governing_agent (sd, k, t);
  /* A participle coordinated with a passive shares its 'be' ('was
   * arrested in May and charged a week later'); not one with an object
   * or a reporting verb ('was elected and said'). */
  if (!passive && shared_passive && subject >= 0 && participle_form (sd, k, t) && no_object_after (sd, t)
      && e->klass != EVL_EVENT_CLASS_REPORTING)
    passive = TRUE;

  /* After the trigger, up to the next verb; the object before any other
   * event, a nominal's only through with/between/of and close by. */
  gboolean blocked = FALSE;
  guint carried = 0;
  for (gint i = (gint) evl_story_next_scan (sd, (guint) t + 1, EVL_STORY_SCAN_ARGS);
       i < (gint) sd->n_tok && sd->clause[i] == clause && i <= t + 15;
       i = (gint) evl_story_next_scan (sd, (guint) i + 1, EVL_STORY_SCAN_ARGS))
    {
      gint32 ev = sd->tok_ev[i];
      if (ev >= 0 && ev != (gint32) k)
        {
          if (evl_story_verbal (sd, ev))
            break;
          blocked = TRUE;
        }
      gint32 m = sd->tok_ent[i];
      if (m < 0 || possessive_pronoun (sd, m))
        continue;
      i = MAX (i, last_tok (sd, m));
      /* 'between North Korea's leader Kim': the preposition before the
       * modifier governs the person it modifies. */
      if (is_modifier (sd, m))
        {
          carried = prep_before (sd, m);
          continue;
        }
      guint p = prep_before (sd, m);
      if (p == 0)
        p = carried;
      carried = 0;
      /* 'at the entrance of the Vostochny Cosmodrome' */
      if (p == EVL_W_OF)
        p = loc_prep_of_head (sd, m);
      gboolean place = sd->ent[m].type == EVL_ENTITY_LOCATION
                       || (p == EVL_W_AT && sd->ent[m].type == EVL_ENTITY_ORGANIZATION);
      /* 'a tour of the site', 'a visit to Moscow': a visit's place. */
      gboolean visited = visit && (p == EVL_W_TO || (!verbal && p == EVL_W_OF));
      if (p && place && ((sd->winfo[p].cls & EVL_STORY_C_LOC_PREP) || visited))
        {
          /* 'during the visit to X in Y': a place after another event's
           * noun is that event's, not this one's. */
          if (e->location < 0 && !blocked)
            e->location = m;
        }
      else if (p == EVL_W_BY && passive)
        {
          if (by_agent < 0)
            by_agent = m;
        }
      else if (object < 0 && !blocked && !(verbal && (modifies_noun (sd, m) || article_modifier (sd, m)))
               && (verbal ? (p == 0 || p == EVL_W_WITH || p == EVL_W_BETWEEN || p == EVL_W_TO
                             || p == EVL_W_FOR)
                          : (i - t <= 8 && (p == EVL_W_WITH || p == EVL_W_BETWEEN || p == EVL_W_OF))))
        {
          object = m;
          symmetric = p == EVL_W_BETWEEN;
        }
    }

  if (object < 0 && !blocked && (!verbal || !passive))
    object = appositive_object (sd, t, verbal);
  /* 'visiting French Defence Minister Charles Millon', 'Visiting Russian
   * Prime Minister X gave': a travel verb's '-ing' form right before a
   * person, titles only between, names the traveller; one visits places.
   * Not after a preposition, where it is a gerund with its object ('after
   * visiting President X'), bar 'to' ('said to visiting X'). */
  if (visit && verbal && !passive && object >= 0 && sd->ent[object].type == EVL_ENTITY_PERSON
      && !evl_story_finite (sd, (gint32) k) && ing_form (sd, t) && only_titles (sd, t, first_tok (sd, object))
      && !(t > 0 && sd->tok[t - 1].sentence == sd->tok[t].sentence && (C (t - 1) & EVL_STORY_C_PREP)
           && !evl_story_is (sd, t - 1, EVL_W_TO)))
    {
      subject = object;
      object = -1;
    }
  /* '"...," declared Mullah Hotaki': a verb right after a quotation's
   * closing mark has its subject after it, not an object. */
  if (verbal && !passive && subject < 0 && object >= 0 && quote_closes_before (sd, t)
      && only_titles (sd, t, first_tok (sd, object)))
    {
      subject = object;
      object = -1;
    }
  if (passive)
    {
      e->agent = by_agent;
      e->patient = subject;
    }
  else
    {
      e->agent = subject;
      e->patient = object;
    }
  /* One entity on both sides is a misreading ('Novak said she would
   * name ...': the reported clause's subject is no object of the saying;
   * a reflexive is no entity mention). */
  if (e->agent >= 0 && e->patient >= 0 && sd->ent[e->agent].cluster >= 0
      && sd->ent[e->agent].cluster == sd->ent[e->patient].cluster)
    e->patient = -1;
  if (e->agent >= 0)
    {
      evl_story_add_participant (sd, k, e->agent);
      add_chain (sd, k, e->agent, -1);
      add_chain (sd, k, e->agent, +1);
    }
  if (e->patient >= 0)
    {
      evl_story_add_participant (sd, k, e->patient);
      add_chain (sd, k, e->patient, +1);
    }
  /* 'cooperation between Russia and North Korea': both sides take part
   * alike; neither is the patient. */
  if (symmetric && !passive)
    e->patient = -1;
}

void
evl_story_fill_arguments (EvlStoryDoc *sd)
{
  for (guint k = 0; k < sd->n_ev; k++)
    fill_one (sd, k);
}

/* The MEETING with the most participants (at least two), earliest first. */
static gint
main_meeting (const EvlStoryDoc *sd)
{
  gint best = -1;
  for (guint k = 0; k < sd->n_ev; k++)
    if (sd->ev[k].type && evl_story_type_code (sd, (gint32) k) == EVL_STORY_TYPE_MEETING && sd->n_parts[k] >= 2
        && (best < 0 || sd->n_parts[k] > sd->n_parts[best]))
      best = (gint) k;
  return best;
}

void
evl_story_resolve_groups (EvlStoryDoc *sd)
{
  gint main = main_meeting (sd);
  if (main < 0)
    return;
  const gint32 *src = sd->parts + (gsize) main * EVL_STORY_MAX_PARTS;
  for (guint k = 0; k < sd->n_ev; k++)
    {
      gint t = sd->ev_tok[k];
      if (t < 0 || sd->n_parts[k] >= 2 || (gint) k == main)
        continue;
      /* Only group words can be one: each side goes from one to the next
       * within reach (EVL_STORY_SCAN_GROUP) instead of token by token
       * (~1 M instructions on the small corpus); clause numbers never
       * decrease, so the clause test at each stop ends it where the token
       * walk ended. */
      gboolean found = FALSE;
      gint lo = MAX (t - EVL_STORY_REACH, 0);
      guint end = (guint) t + EVL_STORY_REACH + 1;
      for (gint i = evl_story_prev_scan_after (sd, t - 1, EVL_STORY_SCAN_GROUP, lo);
           i >= 0 && sd->clause[i] == sd->clause[t] && !found;
           i = evl_story_prev_scan_after (sd, i - 1, EVL_STORY_SCAN_GROUP, lo))
        found = evl_story_group_word (sd, i);
      for (guint i = evl_story_next_scan_before (sd, (guint) t + 1, EVL_STORY_SCAN_GROUP, end);
           i < MIN (end, sd->n_tok) && sd->clause[i] == sd->clause[t] && !found;
           i = evl_story_next_scan_before (sd, i + 1, EVL_STORY_SCAN_GROUP, end))
        found = evl_story_group_word (sd, (gint) i);
      if (!found)
        continue;
      for (guint p = 0; p < sd->n_parts[main]; p++)
        if (sd->ent[src[p]].type == EVL_ENTITY_PERSON)
          evl_story_add_participant (sd, k, src[p]);
    }
}
