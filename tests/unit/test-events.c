/* TimeML EVENT recognition: lemmatizer, triggers, class, tense/aspect.
 * Runs against the compiled-in lexicons (derived from all the gold
 * TimeML), through the real segmenter. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>
#include <string.h>

#include "events/events-private.h"

TestSuite (events);

static EvlContext *ctx;

static void
setup (void)
{
  GError *error = NULL;
  ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
}

static void
teardown (void)
{
  evl_context_unref (ctx);
}

/* A segmented document with recognised events (story annotation not run). */
static EvlDocument *
recognize (const char *text)
{
  EvlDocument *doc = evl_document_new ("t", text, -1, NULL);
  cr_assert_not_null (doc);
  evl_segment_document (ctx, doc);
  evl_events_recognize (ctx, doc);
  return doc;
}

/* The event whose trigger is the first occurrence of @word, or NULL. */
static const EvlEventMention *
event_on (EvlDocument *doc, const char *text, const char *word)
{
  const char *at = strstr (text, word);
  cr_assert_not_null (at, "'%s' not in the text", word);
  guint32 start = (guint32) (at - text), end = start + (guint32) strlen (word);
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  for (guint i = 0; i < n; i++)
    if (ev[i].span.start == start && ev[i].span.end == end)
      return &ev[i];
  return NULL;
}

/* ---- lemmatizer ---- */

typedef struct {
  char word[32];
  char lemma[32];
} LemmaCase;

ParameterizedTestParameters (events, lemmatizer)
{
  static LemmaCase cases[] = {
    /* regular -ed / -ing, silent e restored */
    { "plunged", "plunge" },
    { "plunging", "plunge" },
    { "walked", "walk" },
    { "hoped", "hope" },
    { "negotiated", "negotiate" },
    { "visited", "visit" },
    /* doubled consonant */
    { "stopped", "stop" },
    { "planning", "plan" },
    /* -ies / -ied */
    { "studies", "study" },
    { "tried", "try" },
    { "agencies", "agency" },
    /* -es / -s */
    { "launches", "launch" },
    { "wars", "war" },
    { "Summits", "summit" },
    /* irregular table */
    { "said", "say" },
    { "began", "begin" },
    { "fallen", "fall" },
    { "saw", "see" },
    { "was", "be" },
    { "children", "child" },
    /* words the suffix rules must leave alone */
    { "news", "news" },
    { "crisis", "crisis" },
    { "need", "need" },
    { "during", "during" },
    /* unknown words: spelling rules only */
    { "blorfed", "blorf" },
    { "zorbies", "zorby" },
    { "frobbed", "frob" },
    { "xyzzy", "xyzzy" },
  };
  return cr_make_param_array (LemmaCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (LemmaCase *c, events, lemmatizer, .init = setup, .fini = teardown)
{
  g_autofree char *lemma = evl_events_lemmatize (ctx, c->word, -1);
  cr_assert_str_eq (lemma, c->lemma, "%s", c->word);
}

Test (events, lemmatizer_honours_length_and_never_overflows, .init = setup, .fini = teardown)
{
  g_autofree char *lemma = evl_events_lemmatize (ctx, "launched yesterday", 8);
  cr_assert_str_eq (lemma, "launch");
  char huge[300];
  memset (huge, 'a', sizeof huge - 3);
  strcpy (huge + sizeof huge - 3, "ed");
  g_autofree char *long_lemma = evl_events_lemmatize (ctx, huge, -1);
  cr_assert_eq (strlen (long_lemma), strlen (huge));
  char buf[EVL_LEMMA_MAX];
  gsize n = evl_events_lemma_into (ctx, huge, strlen (huge), buf, sizeof buf);
  cr_assert_lt (n, sizeof buf);
  cr_assert_eq (buf[n], '\0');
}

/* ---- class ---- */

typedef struct {
  char text[120];
  char trigger[24];
  char klass[16];
} ClassCase;

ParameterizedTestParameters (events, class_of_known_triggers)
{
  static ClassCase cases[] = {
    { "The minister said the talks would continue.", "said", "REPORTING" },
    { "Officials tried to stop the convoy.", "tried", "I_ACTION" },
    { "Fighting began in the north of the country.", "began", "ASPECTUAL" },
    { "Witnesses saw the explosion from the harbour.", "saw", "PERCEPTION" },
    { "Dozens of miners were trapped underground.", "trapped", "STATE" },
    { "Analysts expected the bank to cut rates.", "expected", "I_STATE" },
    /* the same form takes its class from its neighbours: 'declined to'
     * takes an event argument, 'shares declined' is an occurrence */
    { "He declined to comment on the report.", "declined", "I_ACTION" },
    { "Shares declined 5 percent on Monday.", "declined", "OCCURRENCE" },
    { "The talks continued for hours.", "continued", "ASPECTUAL" },
  };
  return cr_make_param_array (ClassCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (ClassCase *c, events, class_of_known_triggers, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = recognize (c->text);
  const EvlEventMention *ev = event_on (doc, c->text, c->trigger);
  cr_assert_not_null (ev, "'%s' is not an event", c->trigger);
  cr_assert_str_eq (evl_event_class_to_string (ev->klass), c->klass, "%s", c->trigger);
}

/* The joint extent/class rule needs a class confidence per form: an
 * unambiguous reporting verb is near certain, a word TimeML splits
 * between classes is not, and the model carries a real threshold. */
Test (events, class_confidence_is_derived, .init = setup, .fini = teardown)
{
  const EvlLexicon *forms = evl_context_get_lexicon (ctx, "en/event-forms");
  const EvlLexicon *model = evl_context_get_lexicon (ctx, "en/event-model");
  cr_assert_not_null (forms);
  cr_assert_not_null (model);
  const EvlLexEntry *said = evl_lexicon_lookup (forms, "said", -1);
  const EvlLexEntry *asked = evl_lexicon_lookup (forms, "asked", -1);
  const EvlLexEntry *bar = evl_lexicon_lookup (model, "class-threshold", -1);
  cr_assert (said && said->n_attrs > 8 && asked && asked->n_attrs > 8);
  cr_assert_not_null (bar);
  double p_said = g_ascii_strtod (said->attrs[8], NULL);
  double p_asked = g_ascii_strtod (asked->attrs[8], NULL);
  double t = g_ascii_strtod (bar->attrs[0], NULL);
  cr_assert (p_said > -0.05 && p_said <= 0.0, "log P(class | said) = %g", p_said);
  cr_assert (p_asked < p_said - 0.2, "log P(class | asked) = %g", p_asked);
  cr_assert (t < 0.0 && t > -5.0, "class threshold %g", t);
}

/* Reads a derived class vector (comma-separated numbers in class order)
 * into @v; returns how many numbers it held (at most EVL_EVENT_CLASS_N
 * are stored). */
static guint
read_vector (const char *s, double *v)
{
  guint n = 0;
  for (const char *p = s; p && *p;)
    {
      char *end = NULL;
      double x = g_ascii_strtod (p, &end);
      if (end == p)
        return 0;
      if (n < EVL_EVENT_CLASS_N)
        v[n] = x;
      n++;
      p = *end == ',' ? end + 1 : end;
    }
  return n;
}

/* The class decision's inputs are derived: a class log-score vector per
 * form (a certain REPORTING for 'said'), cue vectors of context words
 * ('to' after a trigger favours I_ACTION over OCCURRENCE), the prior. */
Test (events, class_vectors_are_derived, .init = setup, .fini = teardown)
{
  const EvlLexicon *forms = evl_context_get_lexicon (ctx, "en/event-forms");
  const EvlLexicon *model = evl_context_get_lexicon (ctx, "en/event-model");
  const EvlLexEntry *said = evl_lexicon_lookup (forms, "said", -1);
  const EvlLexEntry *to = evl_lexicon_lookup (forms, "to", -1);
  const EvlLexEntry *prior = evl_lexicon_lookup (model, "class-prior", -1);
  cr_assert (said && said->n_attrs > 11 && to && to->n_attrs > 11 && prior);
  double v[EVL_EVENT_CLASS_N];
  cr_assert_eq (read_vector (prior->attrs[0], v), EVL_EVENT_CLASS_N, "%s", prior->attrs[0]);
  cr_assert_gt (v[EVL_EVENT_CLASS_OCCURRENCE], v[EVL_EVENT_CLASS_REPORTING]);
  cr_assert_eq (read_vector (said->attrs[9], v), EVL_EVENT_CLASS_N, "%s", said->attrs[9]);
  cr_assert_gt (v[EVL_EVENT_CLASS_REPORTING], -0.05);
  cr_assert_lt (v[EVL_EVENT_CLASS_OCCURRENCE], -2.0);
  cr_assert_eq (read_vector (to->attrs[11], v), EVL_EVENT_CLASS_N, "%s", to->attrs[11]);
  cr_assert_gt (v[EVL_EVENT_CLASS_I_ACTION], v[EVL_EVENT_CLASS_OCCURRENCE]);
}

/* The previous word paired with a word's lemma or last three letters,
 * and the lemma paired with the next word, carry derived weights in
 * en/event-pairs: 'to' + a verb's base form is an infinitive event,
 * 'will be' and 'to be' are auxiliaries, 'the ..ing' is mostly a nominal
 * that is not an event, 'plan to' and 'meet with' are verbs of events. */
typedef struct {
  char key[32];
  gboolean positive;
} PairCase;

ParameterizedTestParameters (events, pair_weights)
{
  static PairCase cases[] = {
    { "l to meet", TRUE },
    { "l will be", FALSE },
    { "l to be", FALSE },
    { "s the ing", FALSE },
    { "s to ing", FALSE },
    { "n plan to", TRUE },
    { "n meet with", TRUE },
  };
  return cr_make_param_array (PairCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PairCase *c, events, pair_weights, .init = setup, .fini = teardown)
{
  const EvlLexicon *pairs = evl_context_get_lexicon (ctx, "en/event-pairs");
  cr_assert_not_null (pairs);
  const EvlLexEntry *e = evl_lexicon_lookup (pairs, c->key, -1);
  cr_assert (e && e->n_attrs >= 1, "no pair weight for '%s'", c->key);
  double w = g_ascii_strtod (e->attrs[0], NULL);
  cr_assert (c->positive ? w > 0.1 : w < -0.1, "'%s' weighs %g", c->key, w);
}

/* The word two tokens after a candidate carries a derived weight too
 * (column 13 of en/event-forms): a candidate two words before 'said' is
 * mostly the speaker's name or title ('Defense Ministry said'), not an
 * event; the model carries the weight of a sentence end there. */
Test (events, second_next_word_weights_are_derived, .init = setup, .fini = teardown)
{
  const EvlLexicon *forms = evl_context_get_lexicon (ctx, "en/event-forms");
  const EvlLexicon *model = evl_context_get_lexicon (ctx, "en/event-model");
  const EvlLexEntry *said = evl_lexicon_lookup (forms, "said", -1);
  cr_assert (said && said->n_attrs > 12);
  double w = g_ascii_strtod (said->attrs[12], NULL);
  cr_assert_lt (w, -0.3, "'said' as second-next word weighs %g", w);
  const EvlLexEntry *end = evl_lexicon_lookup (model, "next2-end", -1);
  cr_assert (end && end->n_attrs >= 1);
}

/* ---- which tokens are events ---- */

typedef struct {
  char text[120];
  char word[24];
  gboolean is_event;
} TriggerCase;

ParameterizedTestParameters (events, triggers)
{
  static TriggerCase cases[] = {
    /* event nominals */
    { "The summit ended without an agreement.", "summit", TRUE },
    { "The launch failed after the second stage.", "launch", TRUE },
    { "The talks resumed in Geneva.", "talks", TRUE },
    { "The war has displaced millions.", "war", TRUE },
    /* an unseen inflection of a known lemma */
    { "Shares plunged on Friday.", "plunged", TRUE },
    /* function words, names and numbers are not */
    { "The summit ended without an agreement.", "The", FALSE },
    { "The talks resumed in Geneva.", "in", FALSE },
    { "The talks resumed in Geneva.", "Geneva", FALSE },
    { "Vladimir Putin met the delegation.", "Putin", FALSE },
    { "About 300 people attended.", "300", FALSE },
    { "He said it was over.", "He", FALSE },
    /* curly apostrophes read as straight ones; bullets are punctuation */
    { "The talks aren\xe2\x80\x99t over.", "n\xe2\x80\x99t", FALSE },
    { "\xe2\x80\xa2 Talks resumed on Monday.", "\xe2\x80\xa2", FALSE },
  };
  return cr_make_param_array (TriggerCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (TriggerCase *c, events, triggers, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = recognize (c->text);
  const EvlEventMention *ev = event_on (doc, c->text, c->word);
  cr_assert_eq (ev != NULL, c->is_event, "'%s' in \"%s\"", c->word, c->text);
}

/* ---- tense and aspect ---- */

typedef struct {
  char text[120];
  char trigger[24];
  char tense[16];
  char aspect[24];
} TenseCase;

ParameterizedTestParameters (events, tense_and_aspect)
{
  static TenseCase cases[] = {
    { "Prices have fallen sharply.", "fallen", "PRESENT", "PERFECTIVE" },
    { "The index has fallen again.", "fallen", "PRESENT", "PERFECTIVE" },
    { "The leaders will meet in Vladivostok.", "meet", "FUTURE", "NONE" },
    { "The rocket was launched on Tuesday.", "launched", "PAST", "NONE" },
    { "The rocket had been launched before dawn.", "launched", "PAST", "PERFECTIVE" },
    { "Troops are fighting near the border.", "fighting", "PRESENT", "PROGRESSIVE" },
    { "They have been fighting for weeks.", "fighting", "PRESENT", "PERFECTIVE_PROGRESSIVE" },
    { "Officials tried to stop the convoy.", "stop", "INFINITIVE", "NONE" },
    { "The minister said the talks would continue.", "said", "PAST", "NONE" },
    { "The company did not comment.", "comment", "PAST", "NONE" },
    { "The summit ended without an agreement.", "summit", "NONE", "NONE" },
  };
  return cr_make_param_array (TenseCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (TenseCase *c, events, tense_and_aspect, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = recognize (c->text);
  const EvlEventMention *ev = event_on (doc, c->text, c->trigger);
  cr_assert_not_null (ev, "'%s' is not an event", c->trigger);
  cr_assert_str_eq (ev->tense, c->tense, "%s", c->text);
  cr_assert_str_eq (ev->aspect, c->aspect, "%s", c->text);
}

/* ---- record contract ---- */

Test (events, records_carry_lemma_and_unset_story_fields, .init = setup, .fini = teardown)
{
  const char *text = "Shares plunged after the talks collapsed.";
  g_autoptr (EvlDocument) doc = recognize (text);
  const EvlEventMention *ev = event_on (doc, text, "plunged");
  cr_assert_not_null (ev);
  cr_assert_str_eq (ev->lemma, "plunge");
  cr_assert_eq (ev->sentence, 0);
  cr_assert_eq (ev->polarity, EVL_POLARITY_POS);
  cr_assert_eq (ev->timex, -1);
  cr_assert_eq (ev->cue_event, -1);
  cr_assert_eq (ev->agent, -1);
  cr_assert_eq (ev->patient, -1);
  cr_assert_eq (ev->location, -1);
  cr_assert_eq (ev->source, -1);
  cr_assert_float_eq (ev->salience, 0.0f, 1e-9);
}

Test (events, annotate_replaces_earlier_events, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("t", "The summit ended. Both leaders said it went well.", -1, NULL);
  evl_segment_document (ctx, doc);
  evl_events_annotate (ctx, doc);
  guint first, second;
  evl_document_get_event_mentions (doc, &first);
  cr_assert_gt (first, 2);
  evl_events_annotate (ctx, doc);
  evl_document_get_event_mentions (doc, &second);
  cr_assert_eq (first, second);
}

Test (events, empty_and_punctuation_only_documents, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) empty = recognize ("");
  g_autoptr (EvlDocument) punct = recognize ("... -- !! ??");
  guint n;
  evl_document_get_event_mentions (empty, &n);
  cr_assert_eq (n, 0);
  evl_document_get_event_mentions (punct, &n);
  cr_assert_eq (n, 0);
}

/* ---- caches must not change results ---- */

#include <glib/gstdio.h>

/* A paragraph with many triggers whose decisions lean on the pair
 * weights (written for this test). */
static const char pair_text[] =
  "The meeting of the ministers is scheduled for Monday. The planning took months. "
  "They want to meet again soon. The bank plans to raise rates. Officials hope to reach "
  "a deal before the opening of the session. The shooting started at dawn and the "
  "fighting continued. He agreed to resign after the hearing. The building was damaged "
  "in the bombing. Investors are waiting for the ruling. The funding will help the "
  "rebuilding of the port. The landing was delayed by the warning.";

/* Every event of @text under @c as one line each: span, class, tense,
 * aspect, lemma. */
static char *
events_dump (EvlContext *c, const char *text)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("t", text, -1, NULL);
  evl_segment_document (c, doc);
  evl_events_recognize (c, doc);
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%u-%u %d %s %s %s\n", ev[i].span.start, ev[i].span.end,
                            (int) ev[i].klass, ev[i].tense, ev[i].aspect, ev[i].lemma);
  return g_string_free (s, FALSE);
}

/* The recognizer numbers the en/event-pairs keys once per context and
 * keeps a per-thread memo across documents; a rewritten pairs file that
 * folds to the same keys (upper case, extra spaces) must decide exactly
 * as the compiled-in one, as must one with a key the numbering cannot
 * hold (a fourth word, another kind letter: looked up by string), and
 * the memo must follow a switch of context back and forth (the keys in
 * reverse order number the words differently).  An empty
 * pairs file shows the text does depend on the pair weights. */
typedef struct {
  char mode[16];
  gboolean same;
} PairsRewrite;

ParameterizedTestParameters (events, pairs_rewrite_keeps_decisions)
{
  static PairsRewrite cases[] = {
    { "identity", TRUE },
    { "upper", TRUE },
    { "reversed", TRUE },
    { "spaced", TRUE },
    { "odd-key", TRUE },
    { "empty", FALSE },
  };
  return cr_make_param_array (PairsRewrite, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PairsRewrite *c, events, pairs_rewrite_keeps_decisions, .init = setup,
                   .fini = teardown)
{
  const EvlLexicon *pairs = evl_context_get_lexicon (ctx, "en/event-pairs");
  cr_assert_not_null (pairs);
  GString *file = g_string_new ("# rewritten by test-events\n");
  if (strcmp (c->mode, "odd-key") == 0)
    g_string_append (file, "x odd key here\t5.000\nl to meet again\t5.000\n");
  guint n = strcmp (c->mode, "empty") == 0 ? 0 : evl_lexicon_size (pairs);
  for (guint i = 0; i < n; i++)
    {
      gboolean reversed = strcmp (c->mode, "reversed") == 0;
      const EvlLexEntry *e = evl_lexicon_get (pairs, reversed ? n - 1 - i : i);
      if (strcmp (c->mode, "upper") == 0)
        {
          g_autofree char *up = g_ascii_strup (e->canonical, -1);
          g_string_append (file, up);
        }
      else if (strcmp (c->mode, "spaced") == 0)
        {
          g_auto (GStrv) w = g_strsplit (e->canonical, " ", -1);
          g_autofree char *joined = g_strjoinv ("  ", w);
          g_string_append_printf (file, " %s ", joined);
        }
      else
        g_string_append (file, e->canonical);
      for (guint k = 0; k < e->n_attrs; k++)
        g_string_append_printf (file, "\t%s", e->attrs[k]);
      g_string_append_c (file, '\n');
    }
  g_autofree char *dir = g_dir_make_tmp ("evl-pairs-XXXXXX", NULL);
  cr_assert_not_null (dir);
  g_autofree char *sub = g_build_filename (dir, "lexicons", "en", NULL);
  cr_assert_eq (g_mkdir_with_parents (sub, 0700), 0);
  g_autofree char *path = g_build_filename (sub, "event-pairs.txt", NULL);
  cr_assert (g_file_set_contents (path, file->str, (gssize) file->len, NULL));
  g_string_free (file, TRUE);
  GError *error = NULL;
  EvlContext *other = evl_context_new_with_data_dir (dir, &error);
  g_remove (path);
  g_rmdir (sub);
  g_autofree char *en = g_path_get_dirname (sub);
  g_rmdir (en);
  g_rmdir (dir);
  cr_assert_not_null (other, "%s", error ? error->message : "");

  g_autofree char *before = events_dump (ctx, pair_text);
  g_autofree char *rewritten = events_dump (other, pair_text);
  g_autofree char *after = events_dump (ctx, pair_text);
  g_autofree char *again = events_dump (other, pair_text);
  evl_context_unref (other);
  cr_assert_gt (strlen (before), 0);
  cr_assert_str_eq (before, after, "the memo kept another context's inputs");
  cr_assert_str_eq (rewritten, again, "the memo kept another context's inputs");
  if (c->same)
    cr_assert_str_eq (before, rewritten, "%s pairs file", c->mode);
  else
    cr_assert_str_neq (before, rewritten, "the text does not use the pair weights");
}
