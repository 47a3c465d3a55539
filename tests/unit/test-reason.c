/* The reasoner: documents -> graph, event coreference, temporal closure,
 * threads.  Documents are built by hand (reason-fixture.h). */
#include "reason-fixture.h"
#include "reason/point-algebra.h"
#include "reason/reason-private.h"

#include <criterion/parameterized.h>
#include <stdlib.h>

TestSuite (reason);

#define SUMMIT_AT "Kim met Putin at the Vostochny Cosmodrome on WHEN."

/* The fixtures' events are titled by their trigger alone (there are no
 * tokens to summarise), which the card filter takes for an empty card
 * when they name nobody and are undated: these tests are of merging,
 * so every event stays, as with --all-events (their salience is above
 * the cut anyway). */
static EvlGraph *
build (EvlContext *ctx, EvlDocument **docs, guint n)
{
  g_autoptr (GPtrArray) arr = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (arr, docs[i]);
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  o.all_events = TRUE;
  return evl_reason_build_graph (ctx, arr, &o);
}

static void
unref_all (EvlDocument **docs, guint n)
{
  for (guint i = 0; i < n; i++)
    evl_document_unref (docs[i]);
}

static guint
count_type (const EvlGraph *g, const char *type)
{
  g_autoptr (GArray) a = evl_graph_events_of_type (g, type);
  return a->len;
}

static const EvlGraphEvent *
first_of_type (const EvlGraph *g, const char *type)
{
  g_autoptr (GArray) a = evl_graph_events_of_type (g, type);
  cr_assert_gt (a->len, 0, "no %s event", type);
  return evl_graph_get_event (g, g_array_index (a, guint, 0));
}

static gboolean
has_relation (const EvlGraph *g, guint from, guint to, EvlRel rel, const char *evidence_prefix)
{
  for (guint i = 0; i < evl_graph_n_relations (g); i++)
    {
      const EvlGraphRelation *r = evl_graph_get_relation (g, i);
      if (r->from == from && r->to == to && r->rel == rel
          && (!evidence_prefix || g_str_has_prefix (r->evidence, evidence_prefix)))
        return TRUE;
    }
  return FALSE;
}

static guint
index_of (const EvlGraph *g, const EvlGraphEvent *e)
{
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    if (evl_graph_get_event (g, i) == e)
      return i;
  cr_assert_fail ("event not in graph");
  return 0;
}

/* ---- documents -> graph ---- */

Test (reason, document_metadata_and_entities_merge_across_documents)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *a = fx_summit_doc ("a", "Kim met Putin at the Vostochny Cosmodrome on Wednesday.",
                                  "Wednesday", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY);
  EvlDocument *b = fx_doc ("b", "Putin spoke.", "2023-09-14");
  gint32 c = fx_cluster (b, "Putin", "putin", EVL_ENTITY_PERSON, NULL);
  fx_entity (b, "Putin", 0, c);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  evl_reason_add_document (ctx, g, a, &o);
  evl_reason_add_document (ctx, g, b, &o);
  cr_assert_eq (evl_graph_n_documents (g), 2);
  cr_assert_str_eq (evl_graph_get_document (g, 0)->dct, "2023-09-14");
  cr_assert_str_eq (evl_graph_get_document (g, 0)->dct_source, "default");
  /* 'Putin' (key putin) is the alias of 'Vladimir Putin' from a. */
  gint putin = evl_graph_find_entity (g, "Vladimir Putin");
  cr_assert_geq (putin, 0);
  cr_assert_eq (evl_graph_find_entity (g, "putin"), putin);
  cr_assert_eq (evl_graph_get_entity (g, (guint) putin)->n_documents, 2);
  cr_assert_eq (evl_graph_n_entities (g), 3);
  EvlDocument *docs[] = { a, b };
  unref_all (docs, 2);
}

Test (reason, shared_one_word_alias_does_not_merge_relatives)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *a = fx_doc ("a", "Kim spoke.", "2023-09-14");
  fx_entity (a, "Kim", 0, fx_cluster (a, "Kim", "kim", EVL_ENTITY_PERSON, NULL));
  EvlDocument *b = fx_doc ("b", "Kim Jong Un spoke.", "2023-09-14");
  fx_entity (b, "Kim Jong Un", 0, fx_cluster (b, "Kim Jong Un", "kim jong un", EVL_ENTITY_PERSON, "Kim"));
  EvlDocument *c = fx_doc ("c", "Kim Yo Jong spoke.", "2023-09-14");
  fx_entity (c, "Kim Yo Jong", 0, fx_cluster (c, "Kim Yo Jong", "kim yo jong", EVL_ENTITY_PERSON, "Kim"));
  EvlDocument *d = fx_doc ("d", "Kim Jong-un spoke.", "2023-09-14");
  fx_entity (d, "Kim Jong-un", 0, fx_cluster (d, "Kim Jong-un", "kim jong-un", EVL_ENTITY_PERSON, NULL));
  EvlDocument *docs[] = { a, b, c, d };
  g_autoptr (EvlGraph) g = build (ctx, docs, 4);
  cr_assert_eq (evl_graph_n_entities (g), 3, "Kim / Kim Jong Un (= Kim Jong-un) / Kim Yo Jong");
  gint kju = evl_graph_find_entity (g, "Kim Jong Un");
  cr_assert_geq (kju, 0);
  cr_assert_eq (evl_graph_get_entity (g, (guint) kju)->n_documents, 2);
  cr_assert_neq (evl_graph_find_entity (g, "Kim Yo Jong"), kju);
  unref_all (docs, 4);
}

Test (reason, event_records_time_arguments_provenance_and_summary)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *a = fx_summit_doc ("a", "Other news.\nKim met   Putin at the Vostochny Cosmodrome on Wednesday.",
                                  "Wednesday", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY);
  g_autoptr (EvlGraph) g = build (ctx, &a, 1);
  cr_assert_eq (evl_graph_n_events (g), 1);
  const EvlGraphEvent *e = evl_graph_get_event (g, 0);
  cr_assert_str_eq (e->type, "MEETING");
  cr_assert_str_eq (e->trigger, "meet");
  cr_assert (e->time.known);
  cr_assert_str_eq (e->time.value, "2023-09-13");
  cr_assert_eq (e->time.begin, evl_day_from_ymd (2023, 9, 13));
  cr_assert_str_eq (e->time.text, "Wednesday");
  cr_assert_str_eq (e->time.anchor, "clause");
  cr_assert_eq (e->participants->len, 2);
  cr_assert_str_eq (evl_graph_get_entity (g, g_array_index (e->participants, guint, 0))->name,
                    "Kim Jong Un", "agent first");
  cr_assert_str_eq (evl_graph_get_entity (g, (guint) e->location)->name, "Vostochny Cosmodrome");
  cr_assert_str_eq (e->summary, "Kim Jong Un and Vladimir Putin meet at Vostochny Cosmodrome");
  const EvlGraphMention *m = &g_array_index (e->mentions, EvlGraphMention, 0);
  cr_assert_eq (m->sentence, 1);
  cr_assert_str_eq (m->text, "met");
  cr_assert_str_eq (m->quote, "Kim met Putin at the Vostochny Cosmodrome on Wednesday.");
  cr_assert_eq (e->n_sources, 1);
  cr_assert_str_eq (e->thread, "Diplomacy & meetings");
  evl_document_unref (a);
}

Test (reason, summary_takes_the_object_after_a_verb)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct {
    const char *text, *agent;
    EvlEntityType agent_type;
    const char *type, *lemma, *trigger, *expected, *patient;
  } cases[] = {
    { "North Korea launched two ballistic missiles toward the sea.", "North Korea", EVL_ENTITY_LOCATION,
      "MISSILE_LAUNCH", "launch", "launched", "North Korea launches two ballistic missiles", NULL },
    /* a phrasal verb's complement may open with a preposition of its own */
    { "Yoon signed off on the decision in London.", "Yoon", EVL_ENTITY_PERSON, "OTHER", "sign off",
      "signed", "Yoon signs off on the decision", NULL },
    /* a thing given and the patient after its preposition: both */
    { "Moscow supplied weapons to Pyongyang in 1950.", "Moscow", EVL_ENTITY_LOCATION, "ARMS_TRANSFER", "supply",
      "supplied", "Moscow supplies weapons to Pyongyang", "Pyongyang" },
    { "Kim discussed space cooperation with Putin.", "Kim", EVL_ENTITY_PERSON, "MEETING", "discuss",
      "discussed", "Kim discusses space cooperation with Putin", "Putin" },
    { "Kim met with Putin.", "Kim", EVL_ENTITY_PERSON, "MEETING", "meet", "met", "Kim meets Putin", "Putin" },
    /* a possessor after the verb goes with what it owns */
    { "Costea won Moldova's presidential runoff on Sunday.", "Costea", EVL_ENTITY_PERSON, "ELECTION", "win", "won",
      "Costea wins Moldova's presidential runoff", "Moldova" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EvlDocument *d = fx_doc ("m", cases[i].text, "2023-09-14");
      g_autofree char *key = g_ascii_strdown (cases[i].agent, -1);
      gint32 c = fx_cluster (d, cases[i].agent, key, cases[i].agent_type, NULL);
      FxEvent f = FX_EVENT (cases[i].type, cases[i].lemma);
      f.tense = "PAST";
      f.agent = fx_entity (d, cases[i].agent, 0, c);
      /* The cluster keeps the key, so it lives as long as the document. */
      g_autofree char *pkey = cases[i].patient ? g_ascii_strdown (cases[i].patient, -1) : NULL;
      if (cases[i].patient)
        {
          gint32 pc = fx_cluster (d, cases[i].patient, pkey, cases[i].agent_type, NULL);
          f.patient = fx_entity (d, cases[i].patient, 0, pc);
        }
      fx_event (d, cases[i].trigger, 0, &f);
      g_autoptr (EvlGraph) g = build (ctx, &d, 1);
      cr_expect_str_eq (evl_graph_get_event (g, 0)->summary, cases[i].expected);
      evl_document_unref (d);
    }
}

/* A subject set off by a ', who ...,' clause after a dateline's dash is
 * the line's, named as its person ('Former President Ana Lima' -> 'Ana
 * Lima'). */
Test (reason, summary_subject_before_a_relative_clause_after_a_dateline)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("r", "LISBON, May 9 (Reuters) - Former President Ana Lima, who took office in May, "
                                "nominated a new cabinet.", "2023-09-14");
  fx_entity (d, "Ana Lima", 0, fx_cluster (d, "Ana Lima", "ana lima", EVL_ENTITY_PERSON, NULL));
  FxEvent f = FX_EVENT ("OTHER", "nominate");
  f.tense = "PAST";
  fx_event (d, "nominated", 0, &f);
  g_autoptr (EvlGraph) g = build (ctx, &d, 1);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->summary, "Ana Lima nominates a new cabinet");
  evl_document_unref (d);
}

/* A verb with a patient and no subject writes the thing before the
 * patient's preposition too ('Shipping arms to Russia', not 'Shipping
 * Russia'); an adjunct there is no thing. */
Test (reason, subjectless_summary_keeps_the_thing_before_the_patient)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct {
    const char *text, *trigger, *lemma, *expected;
  } cases[] = {
    { "Three vessels involved in shipping arms to Russia were seized.", "shipping", "ship",
      "Shipping arms to Russia" },
    { "Officials spoke of submitting by hand to Russia.", "submitting", "submit", NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EvlDocument *d = fx_doc ("s", cases[i].text, "2023-09-14");
      FxEvent f = FX_EVENT ("OTHER", cases[i].lemma);
      f.tense = "PRESPART";
      f.patient = fx_entity (d, "Russia", 0, fx_cluster (d, "Russia", "russia", EVL_ENTITY_LOCATION, NULL));
      fx_event (d, cases[i].trigger, 0, &f);
      g_autoptr (EvlGraph) g = build (ctx, &d, 1);
      const char *line = evl_graph_get_event (g, 0)->summary;
      if (cases[i].expected)
        cr_expect_str_eq (line, cases[i].expected, "%s: %s", cases[i].text, line);
      else
        cr_expect_null (strstr (line, " by "), "%s: %s", cases[i].text, line);
      evl_document_unref (d);
    }
}

/* Who acts and on whom, as the line reads: an agent after the verb
 * ('visiting French Defence Minister Charles Millon') is no object, and
 * no title ends in a bare object pronoun ('condemned them'), whose
 * referent the line cannot show. */
Test (reason, summary_keeps_who_acts_on_whom)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct {
    const char *text, *agent, *type, *lemma, *trigger, *tense, *expected;
  } cases[] = {
    { "China spoke to visiting French Defence Minister Charles Millon.", "Charles Millon", "VISIT", "visit",
      "visiting", "PRESPART", "Charles Millon visits" },
    { "Judge Ellen Marks sentenced her to 10 years in prison.", "Ellen Marks", "ARREST", "sentence",
      "sentenced", "PAST", "Ellen Marks sentences" },
    { "A court sentenced her to 10 years in prison.", NULL, "ARREST", "sentence", "sentenced", "PAST",
      "Court sentences" },
    { "Ellen Marks condemned them on Monday.", "Ellen Marks", "STATEMENT", "condemn", "condemned", "PAST",
      "Ellen Marks condemns" },
    /* 'it' has no referent the line can show */
    { "The government signed it in May.", NULL, "AGREEMENT", "sign", "signed", "PAST", "Government signs" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EvlDocument *d = fx_doc ("w", cases[i].text, "2023-09-14");
      g_autofree char *key = cases[i].agent ? g_ascii_strdown (cases[i].agent, -1) : NULL;
      FxEvent f = FX_EVENT (cases[i].type, cases[i].lemma);
      f.tense = cases[i].tense;
      if (cases[i].agent)
        f.agent = fx_entity (d, cases[i].agent, 0, fx_cluster (d, cases[i].agent, key, EVL_ENTITY_PERSON, NULL));
      fx_event (d, cases[i].trigger, 0, &f);
      g_autoptr (EvlGraph) g = build (ctx, &d, 1);
      cr_expect_str_eq (evl_graph_get_event (g, 0)->summary, cases[i].expected, "%s: %s", cases[i].text, evl_graph_get_event (g, 0)->summary);
      evl_document_unref (d);
    }
}

/* A time written as one hyphenated word before a noun is the noun's
 * modifier: the object goes on ('a two-day strike'). */
Test (reason, summary_object_keeps_a_time_modifier)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("s", "Teachers called a two-day strike.", "2023-09-14");
  EvlTimex dur = { 0 };
  dur.span = fx_span (d, "two-day", 0);
  dur.sentence = fx_sentence_of (d, dur.span.start);
  dur.type = EVL_TIMEX_DURATION;
  dur.value = evl_document_intern (d, "P2D", -1);
  dur.anchor = -1;
  evl_document_add_timex (d, &dur);
  FxEvent f = FX_EVENT ("PROTEST", "call");
  f.tense = "PAST";
  fx_event (d, "called", 0, &f);
  g_autoptr (EvlGraph) g = build (ctx, &d, 1);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->summary, "Teachers call a two-day strike");
  evl_document_unref (d);
}

typedef struct {
  char text[96];
  char trigger[16];
  char lemma[16];
  int verbal;
  int negated;
  char expected[64];
  char timex[24];  /* a DATE of the text, when the case needs one */
} SummaryCase;

ParameterizedTestParameters (reason, summary_without_participants)
{
  static SummaryCase cases[] = {
    { "It harks back to the Korean War of 1950-53.", "War", "war", 0, 0, "Korean War", "" },
    { "This continues a series of weapons tests.", "tests", "test", 0, 0, "Weapons test", "" },
    { "The two countries have fought three wars since 1947.", "wars", "war", 0, 0, "Three wars", "" },
    { "The recently held meeting was historic.", "meeting", "meeting", 0, 0, "Meeting", "" },
    { "Officials launched two satellites toward the sea.", "launched", "launch", 1, 0,
      "Officials launch two satellites", "" },
    { "Documents were not signed after the talks.", "signed", "sign", 1, 1,
      "Documents signed after the talks", "" },
    { "A rocket that plunged into the sea.", "plunged", "plunge", 1, 0,
      "Rocket plunges into the sea", "" },
    { "Officials launched two rockets yesterday morning.", "launched", "launch", 1, 0,
      "Officials launch two rockets", "" },
    /* an active clause's own subject when it opens the clause */
    { "The transport secretary met union leaders on Wednesday.", "met", "meet", 1, 0,
      "Transport secretary meets union leaders", "" },
    { "The two sides last met in secret.", "met", "meet", 1, 0, "Two sides meet in secret", "" },
    { "Ministers agreed, and the union accepted the offer.", "accepted", "accept", 1, 0,
      "Union accepts the offer", "" },
    /* a count or a label in the subject; two joined heads are plural;
     * 'more than' keeps its count */
    { "Around 20,000 people died in the campaign.", "died", "die", 1, 0,
      "Around 20,000 people die in the campaign", "" },
    { "A magnitude 7.1 earthquake struck off the coast.", "struck", "strike", 1, 0,
      "Magnitude 7.1 earthquake strikes off the coast", "" },
    { "The quake and tsunami killed more than 500 people.", "killed", "kill", 1, 0,
      "Quake and tsunami kill more than 500 people", "" },
    { "They recalled the genocide, which killed at least 500 people.", "killed", "kill", 1, 0,
      "Genocide kills at least 500 people", "" },
    /* a past '-eed' the recogniser left as its own lemma */
    { "The union agreed the offer.", "agreed", "agreed", 1, 0, "Union agrees the offer", "" },
    /* ... or a '-ede' verb's lemma that lost its 'e' */
    { "The incumbent conceded defeat.", "conceded", "conced", 1, 0, "Incumbent concedes defeat", "" },
    { "The hospital needed beds.", "needed", "need", 1, 0, "Hospital needs beds", "" },
    /* ... never a noun of a prepositional phrase alone ('Operators
     * collapse'), a pronoun, another finite verb; a reduced relative's
     * noun is its passive subject */
    { "Talks with operators collapsed on Monday.", "collapsed", "collapse", 1, 0,
      "Talks with operators collapse", "Monday" },
    { "She told reporters on Tuesday.", "told", "tell", 1, 0, "Telling reporters", "" },
    { "A commission appointed by the Vatican met.", "appointed", "appoint", 1, 0,
      "Commission appointed by the Vatican", "" },
    { "Two grandparents killed as their home burned.", "killed", "kill", 1, 0, "Two grandparents killed", "" },
    /* the object: a currency amount kept whole, no dangling article or
     * bare pronoun */
    { "Senators passed a $460 billion spending package.", "passed", "pass", 1, 0,
      "Senators pass a $460 billion spending package", "" },
    { "The incumbent took 56.6% of the vote.", "took", "take", 1, 0, "Incumbent takes 56.6% of the vote", "" },
    /* ... and a score or range, whose 'to' joins two numbers */
    { "Lawmakers voted 105 to 90 against the bill.", "voted", "vote", 1, 0, "Lawmakers vote 105 to 90", "" },
    { "Officials signed it after the talks.", "signed", "sign", 1, 0, "Officials sign", "" },
    { "Officials rejected the \"final\" offer.", "rejected", "reject", 1, 0, "Officials reject", "" },
    /* a subject with a preposition or conjunction inside, numbered by its
     * head; a time before it is no part of it */
    { "Workers struck after talks over pay and staffing broke down.", "broke", "break", 1, 0,
      "Talks over pay and staffing break down", "" },
    { "It defied bans since its 1990 invasion of Kuwait and signed a new deal.", "signed", "sign", 1, 0,
      "New deal signed", "1990" },
    { "Members of the union voted for industrial action.", "voted", "vote", 1, 0,
      "Members of the union vote for industrial action", "" },
    { "Union members voted for industrial action in May.", "voted", "vote", 1, 0,
      "Union members vote for industrial action", "May" },
    { "The archdiocese of Manila sold a stake in the bank.", "sold", "sell", 1, 0,
      "Archdiocese of Manila sells a stake", "" },
    { "On Wednesday the conciliation service invited union leaders.", "invited", "invite", 1, 0,
      "Conciliation service invites union leaders", "Wednesday" },
    { "The cabinet Thursday approved a draft budget.", "approved", "approve", 1, 0,
      "Cabinet approves a draft budget", "Thursday" },
    { "A regional court on Thursday approved a draft budget.", "approved", "approve", 1, 0,
      "Regional court approves a draft budget", "Thursday" },
    { "Two people died when their car left the road.", "died", "die", 1, 0, "Two people die", "" },
    { "Many people have died for this cause.", "died", "die", 1, 0, "Many people die for this cause", "" },
    { "Police arrested five traffickers.", "arrested", "arrest", 1, 0, "Police arrest five traffickers", "" },
    /* a compound of 'men' is plural, a name ending so is not */
    { "Gunmen released two aid workers.", "released", "release", 1, 0, "Gunmen release two aid workers", "" },
    { "Yemen released two aid workers.", "released", "release", 1, 0, "Yemen releases two aid workers", "" },
    { "Police were warning against travel.", "warning", "warn", 1, 0, "Police warn against travel", "" },
    /* a past verb with an object and no one acting reads as a headline,
     * unless what follows is no noun phrase or the form is no participle */
    { "It said floods had damaged their homes.", "damaged", "damage", 1, 0, "Homes damaged", "" },
    { "Victims, it said, died instantly.", "died", "die", 1, 0, "Die", "" },
    { "His lawyer said he denied wrongdoing.", "denied", "deny", 1, 0, "Wrongdoing denied", "" },
    { "As the guards said, he died trying to escape.", "died", "die", 1, 0, "Die", "" },
    { "As the storm grew, it took many lives.", "took", "take", 1, 0, "Taking many lives", "" },
    { "As talks began, they insisted the deal would hold.", "insisted", "insist", 1, 0, "Insisting the deal", "" },
    { "Forecasters warned that more rain could fall.", "warned", "warn", 1, 0, "Forecasters warn", "" },
    /* a verb with an object and no subject reads as its '-ing' form,
     * its final consonant doubled as written or after one short vowel */
    { "As the talks went on, they ran the firm.", "ran", "run", 1, 0, "Running the firm", "" },
    { "As the case went on, admitting the error, the firm paid.", "admitting", "admit", 1, 0,
      "Admitting the error", "" },
    { "As the talks went on, they sued the firm.", "sued", "sue", 1, 0, "Suing the firm", "" },
    /* an object keeps an 'of' phrase when it fits whole */
    { "The government declared a state of emergency.", "declared", "declare", 1, 0,
      "Government declares a state of emergency", "" },
    { "Militants killed 13 members of the Israeli-backed militia.", "killed", "kill", 1, 0,
      "Militants kill 13 members", "" },
    /* a past form with no auxiliary is the verb of the noun before it
     * unless an agent, a later finite verb or a missing object says it
     * is a reduced relative, whose noun is its passive subject */
    { "The bill passed by 231 votes to 198.", "passed", "pass", 1, 0, "Bill passes by 231 votes", "" },
    { "Soldiers wounded in the raid were flown home.", "wounded", "wound", 1, 0,
      "Soldiers wounded in the raid", "" },
    { "The new rules unveiled Saturday are strict.", "unveiled", "unveil", 1, 0, "New rules unveiled",
      "Saturday" },
    { "Regardless of what Gabor died from, it was not BSE.", "died", "die", 1, 0, "Die", "" },
    { "A man who fell while hiking on the ridge has died.", "died", "die", 1, 0, "Die", "" },
    { "Officials at the talks in Moscow the sides signed a deal.", "signed", "sign", 1, 0,
      "Deal signed", "" },
    /* a phrasal verb (its lemma from story typing) inflects its verb and
     * reads its object after the particle */
    { "The rocket lifted off from the launch pad.", "lifted", "lift off", 1, 0,
      "Rocket lifts off from the launch pad", "" },
    { "The army called off the planned drill.", "called", "call off", 1, 0,
      "Army calls off the planned drill", "" },
    { "Rebels broke off talks with the government.", "broke", "break off", 1, 0,
      "Rebels break off talks", "" },
    { "It said police shot down a drone.", "shot", "shoot down", 1, 0, "Drone shot down", "" },
    /* a phrase the word cap cuts goes on to its head, or ends before a
     * clause on its noun; never on a modifier */
    { "The rocket lifted off from the Sohae satellite launching ground.", "lifted", "lift off", 1, 0,
      "Rocket lifts off from the Sohae satellite launching ground", "" },
    { "Activists protested a German court ruling accusing the government.", "protested", "protest", 1, 0,
      "Activists protest a German court ruling", "" },
    { "Delegates killed a new motion criticizing Chinese human rights policies abroad.", "killed", "kill", 1, 0,
      "Delegates kill a new motion", "" },
    /* a linking verb before the participle is no part of the subject,
     * and the verb that inflects */
    { "The airport remained closed on Tuesday.", "closed", "close", 1, 0, "Airport remains closed", "Tuesday" },
    { "Two schools have stayed closed.", "closed", "close", 1, 0, "Two schools stay closed", "" },
    /* an object ends before a participle whose complement it stops at,
     * not before a predicate ('left ten people injured') */
    { "Police arrested a 24-year-old man suspected of fraud.", "arrested", "arrest", 1, 0,
      "Police arrest a 24-year-old man", "" },
    { "The blast left ten people injured in the town.", "left", "leave", 1, 0,
      "Blast leaves ten people injured", "" },
    /* an approximate count opens its subject */
    { "About 12,000 rail workers went on strike.", "went", "go", 1, 0, "About 12,000 rail workers go on strike", "" },
    { "Nearly 300 people fled the town.", "fled", "flee", 1, 0, "Nearly 300 people flee the town", "" },
    /* a bare verb after 'to' takes the noun as its object: no modifier */
    { "A mediator was appointed to broker talks.", "talks", "talks", 0, 0, "Talks", "" },
    { "Both sides met for trade talks.", "talks", "talks", 0, 0, "Trade talks", "" },
    /* a passive subject with its named destination */
    { "A planned visit to Dunmore County was cancelled.", "cancelled", "cancel", 1, 1,
      "Planned visit to Dunmore County cancelled", "" },
    { "Flights to Rome were cancelled.", "cancelled", "cancel", 1, 0, "Flights to Rome cancelled", "" },
  };
  return cr_make_param_array (SummaryCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (SummaryCase *tc, reason, summary_without_participants)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("s", tc->text, "2023-09-14");
  FxEvent f = FX_EVENT ("OTHER", tc->lemma);
  f.tense = tc->verbal ? "PAST" : NULL;
  f.polarity = tc->negated ? EVL_POLARITY_NEG : EVL_POLARITY_POS;
  if (strstr (tc->text, "yesterday"))
    f.timex = fx_timex (d, "yesterday morning", "2023-09-13TMO", "2023-09-13", "2023-09-13",
                        EVL_GRAIN_PART_OF_DAY);
  else if (tc->timex[0])
    f.timex = fx_timex (d, tc->timex, "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY);
  fx_event (d, tc->trigger, 0, &f);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  evl_reason_add_document (ctx, g, d, NULL);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->summary, tc->expected);
  evl_document_unref (d);
}

/* The summary (newly allocated) of event @which (0 or 1) of @text with
 * two past verb events, @v0 (lemma @l0, of type @t0 and class @k0) and
 * @v1 (lemma @l1, untyped), every event kept. */
static char *
two_verb_summary (EvlContext *ctx, const char *text, const char *v0, const char *t0, const char *l0,
                  EvlEventClass k0, const char *v1, const char *l1, guint which)
{
  EvlDocument *d = fx_doc ("tv", text, "2023-09-14");
  FxEvent a = FX_EVENT (t0, l0);
  a.klass = k0;
  a.tense = "PAST";
  fx_event (d, v0, 0, &a);
  FxEvent b = FX_EVENT ("OTHER", l1);
  b.tense = "PAST";
  fx_event (d, v1, 0, &b);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  o.all_events = TRUE;
  evl_reason_add_document (ctx, g, d, &o);
  char *summary = g_strdup (evl_graph_get_event (g, which)->summary);
  evl_document_unref (d);
  return summary;
}

/* A subject relative clause's object ends at the main clause's finite
 * past verb, unless that verb follows an adverb or determiner, which
 * keep it in the object, or is a noun the tagger took for one. */
Test (reason, relative_clause_object_ends_at_the_main_verb)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct { const char *text, *verb, *lemma, *main, *expected; } cases[] = {
    { "The man that killed the mayor fled across the border.", "killed", "kill", "fled", "Man kills the mayor" },
    { "The nurse who treated the boy resigned on Monday.", "treated", "treat", "resigned",
      "Nurse treats the boy" },
    { "Rebels who seized the planned route were caught.", "seized", "seize", "planned",
      "Rebels seize the planned route" },
    /* an irregular form before a verb of its own is a noun */
    { "The goalkeeper who saved a late shot was named man of the match.", "saved", "save", "shot",
      "Goalkeeper saves a late shot" },
    { "The army which attacked its hill stronghold in the south lost.", "attacked", "attack", "stronghold",
      "Army attacks its hill stronghold" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *summary = two_verb_summary (ctx, cases[i].text, cases[i].verb, "OTHER", cases[i].lemma,
                                                   EVL_EVENT_CLASS_OCCURRENCE, cases[i].main, "main", 0);
      cr_expect_str_eq (summary, cases[i].expected, "%s", cases[i].text);
    }
}

/* A reported clause's 'it' (or 'they') is its singular (or plural)
 * speaker's, past the saying's adjuncts before 'that'. */
Test (reason, reported_pronoun_takes_the_speaker)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct { const char *text, *expected; } cases[] = {
    { "The company said in a statement on Tuesday that it had detected an intrusion.",
      "Company detects an intrusion" },
    { "Officials said on Tuesday that they detected an intrusion.", "Officials detect an intrusion" },
    /* ... of the right number only */
    { "Officials said that it detected an intrusion.", "Intrusion detected" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *summary = two_verb_summary (ctx, cases[i].text, "said", "STATEMENT", "say",
                                                   EVL_EVENT_CLASS_REPORTING, "detected", "detect", 1);
      cr_expect_str_eq (summary, cases[i].expected, "%s: %s", cases[i].text, summary);
    }
}

/* A verb after 'and' in a reported clause shares that clause's subject
 * when the clause has a past verb of its own; else the speaker's. */
Test (reason, coordinated_verb_in_a_reported_clause_takes_its_subject)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct { const char *text, *verb, *lemma, *expected; } cases[] = {
    { "Witnesses said the aircraft banked sharply and plunged into a field.", "plunged", "plunge",
      "Aircraft plunges into a field" },
    { "Residents said two soldiers opened fire and killed a boy.", "killed", "kill", "Two soldiers kill a boy" },
    /* a copula's clause, or 'but', leaves the speaker acting */
    { "Officials said a worker was hurt and called for calm.", "called", "call", "Officials call for calm" },
    { "Officials said the crew landed safely but declined to comment.", "declined", "decline",
      "Officials decline to comment" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *summary = two_verb_summary (ctx, cases[i].text, "said", "STATEMENT", "say",
                                                   EVL_EVENT_CLASS_REPORTING, cases[i].verb, cases[i].lemma, 1);
      cr_expect_str_eq (summary, cases[i].expected, "%s: %s", cases[i].text, summary);
    }
}

/* A passive's subject is the noun a relative clause before it is on,
 * not that clause's object, past its count or determiner. */
Test (reason, passive_subject_skips_a_relative_clause_object)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct { const char *text, *rel, *verb, *expected; } cases[] = {
    { "The fire that killed 62 people was caused by a power line.", "killed", "caused",
      "Fire caused by a power line" },
    { "The bomb which killed the governor was planted by rebels.", "killed", "planted", "Bomb planted by rebels" },
    { "A wildfire that destroyed dozens of homes near Athens was caused by a power line.", "destroyed", "caused",
      "Wildfire caused by a power line" },
    { "The interviews which formed the basis for the figures were carried out on Tuesday.", "formed", "carried",
      "Interviews carried out on Tuesday" },
    { "Doctors who perform abortions were shot.", "perform", "shot", "Doctors shot" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *summary = two_verb_summary (ctx, cases[i].text, cases[i].rel, "OTHER", "rel",
                                                   EVL_EVENT_CLASS_OCCURRENCE, cases[i].verb, "verb", 1);
      cr_expect_str_eq (summary, cases[i].expected, "%s: %s", cases[i].text, summary);
    }
}

/* A duration right after the verb and before 'of' measures its object
 * ('three days of mourning'), which keeps it; a date there says when. */
Test (reason, duration_before_of_is_part_of_the_object)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct { const char *text, *verb, *lemma, *tense, *timex; EvlTimexType type; const char *expected; } cases[] = {
    { "The government declared three days of national mourning.", "declared", "declare", "PAST", "three days",
      EVL_TIMEX_DURATION, "Government declares three days of national mourning" },
    { "The charges carry up to seven years of jail.", "carry", "carry", "PRESENT", "up to seven years",
      EVL_TIMEX_DURATION, "Charges carry up to seven years" },
    { "The army emptied last week of its stock.", "emptied", "empty", "PAST", "last week", EVL_TIMEX_DATE,
      "Army empties" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EvlDocument *d = fx_doc ("du", cases[i].text, "2023-09-14");
      gint32 x = fx_timex (d, cases[i].timex, "P3D", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY);
      evl_document_peek_timex (d, (guint) x)->type = cases[i].type;
      FxEvent f = FX_EVENT ("OTHER", cases[i].lemma);
      f.tense = cases[i].tense;
      fx_event (d, cases[i].verb, 0, &f);
      g_autoptr (EvlGraph) g = evl_graph_new ();
      evl_reason_add_document (ctx, g, d, NULL);
      cr_expect_str_eq (evl_graph_get_event (g, 0)->summary, cases[i].expected, "%s", cases[i].text);
      evl_document_unref (d);
    }
}

Test (reason, summary_takes_the_clause_subject_when_the_only_entity_is_acted_on)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("r", "Heavy rain swelled the Marren River on Monday.", "2025-10-08");
  gint32 river = fx_cluster (d, "Marren River", "marren river", EVL_ENTITY_LOCATION, NULL);
  FxEvent f = FX_EVENT ("OTHER", "swell");
  f.tense = "PAST";
  f.patient = fx_entity (d, "Marren River", 0, river);
  f.participant = f.patient;
  fx_event (d, "swelled", 0, &f);
  g_autoptr (EvlGraph) g = build (ctx, &d, 1);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->summary, "Heavy rain swells the Marren River");
  evl_document_unref (d);
}

/* A passive names its patient as its subject, with the participle as
 * written; a 'by' agent acts on the written subject; a progressive is no
 * passive. */
Test (reason, passive_summary_names_the_patient_first)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct { const char *text, *trigger, *lemma, *ent, *place, *expected; gboolean by; } cases[] = {
    { "Kim was arrested in Moscow.", "arrested", "arrest", "Kim", "Moscow", "Kim arrested in Moscow", FALSE },
    { "She will be sentenced in the capital.", "sentenced", "sentence", "Kim", NULL,
      "Kim sentenced in the capital", FALSE },
    { "Kim was caught and questioned in the capital.", "questioned", "question", "Kim", NULL,
      "Kim questioned in the capital", FALSE },
    { "The budget was unveiled by Kim.", "unveiled", "unveil", "Kim", NULL, "Kim unveils budget", TRUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EvlDocument *d = fx_doc ("p", cases[i].text, "2023-09-14");
      gint32 kim = fx_cluster (d, "Kim", "kim", EVL_ENTITY_PERSON, "She");
      FxEvent f = FX_EVENT ("OTHER", cases[i].lemma);
      f.tense = "PAST";
      gint32 who = fx_entity (d, strstr (cases[i].text, "She") ? "She" : "Kim", 0, kim);
      if (cases[i].by)
        f.agent = who;
      else
        f.patient = who;
      f.participant = who;
      if (cases[i].place)
        {
          gint32 mo = fx_cluster (d, "Moscow", "moscow", EVL_ENTITY_LOCATION, NULL);
          f.location = fx_entity (d, cases[i].place, 0, mo);
        }
      fx_event (d, cases[i].trigger, 0, &f);
      g_autoptr (EvlGraph) g = evl_graph_new ();
      evl_reason_add_document (ctx, g, d, NULL);
      cr_expect_str_eq (evl_graph_get_event (g, 0)->summary, cases[i].expected);
      evl_document_unref (d);
    }
}

/* An organisation's nominal event reads as a headline names it. */
Test (reason, organisation_names_its_nominal_event_first)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("o", "He attended a NATO summit in Vilnius.", "2023-07-12");
  gint32 nato = fx_cluster (d, "NATO", "nato", EVL_ENTITY_ORGANIZATION, NULL);
  gint32 vil = fx_cluster (d, "Vilnius", "vilnius", EVL_ENTITY_LOCATION, NULL);
  FxEvent f = FX_EVENT ("MEETING", "summit");
  f.agent = fx_entity (d, "NATO", 0, nato);
  f.participant = f.agent;
  f.location = fx_entity (d, "Vilnius", 0, vil);
  fx_event (d, "summit", 0, &f);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  evl_reason_add_document (ctx, g, d, NULL);
  cr_expect_str_eq (evl_graph_get_event (g, 0)->summary, "NATO summit in Vilnius");
  evl_document_unref (d);
}

/* A passive's subject does not run back over a finite verb before it. */
Test (reason, passive_subject_stops_at_the_reporting_verb)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("q", "Police said one person was killed in clashes.", "2023-09-14");
  FxEvent say = FX_EVENT ("STATEMENT", "say");
  say.tense = "PAST";
  say.klass = EVL_EVENT_CLASS_REPORTING;
  say.salience = 0.1f;
  fx_event (d, "said", 0, &say);
  FxEvent kill = FX_EVENT ("DEATH", "kill");
  kill.tense = "PAST";
  fx_event (d, "killed", 0, &kill);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  evl_reason_add_document (ctx, g, d, NULL);
  gboolean found = FALSE;
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    if (g_strcmp0 (evl_graph_get_event (g, i)->type, "DEATH") == 0)
      {
        cr_expect_str_eq (evl_graph_get_event (g, i)->summary, "One person killed in clashes");
        found = TRUE;
      }
  cr_assert (found);
  evl_document_unref (d);
}

/* A bare verb after a modal has no tense in TimeML but is a verb. */
Test (reason, verb_after_a_modal_reads_as_a_verb)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("v", "Kim said he would meet Putin on Friday.", "2023-09-14");
  gint32 kim = fx_cluster (d, "Kim", "kim", EVL_ENTITY_PERSON, NULL);
  gint32 putin = fx_cluster (d, "Putin", "putin", EVL_ENTITY_PERSON, NULL);
  FxEvent f = FX_EVENT ("MEETING", "meet");
  f.modality = "would";
  f.agent = fx_entity (d, "Kim", 0, kim);
  f.patient = fx_entity (d, "Putin", 0, putin);
  fx_event (d, "meet", 0, &f);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  evl_reason_add_document (ctx, g, d, NULL);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->summary, "Kim meets Putin");
  evl_document_unref (d);
}

/* A bare verb after 'to' that a finite intention governs reads as a
 * verb though it has no modality ('promised to fight'); a noun after a
 * motion verb does not ('went to war'). */
Test (reason, bare_verb_after_an_intention_reads_as_a_verb)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct {
    const char *text, *verb, *verb_lemma, *trigger;
    EvlEventClass klass;
    const char *expected;
  } cases[] = {
    { "Faye promised to fight corruption.", "promised", "promise", "fight", EVL_EVENT_CLASS_I_ACTION,
      "Faye fights corruption" },
    { "Faye went to war.", "went", "go", "war", EVL_EVENT_CLASS_OCCURRENCE, "War by Faye" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EvlDocument *d = fx_doc ("i", cases[i].text, "2023-09-14");
      gint32 faye = fx_cluster (d, "Faye", "faye", EVL_ENTITY_PERSON, NULL);
      FxEvent gov = FX_EVENT ("OTHER", cases[i].verb_lemma);
      gov.tense = "PAST";
      gov.klass = cases[i].klass;
      gov.agent = fx_entity (d, "Faye", 0, faye);
      fx_event (d, cases[i].verb, 0, &gov);
      FxEvent f = FX_EVENT ("CONFLICT", cases[i].trigger);
      f.agent = gov.agent;
      fx_event (d, cases[i].trigger, 0, &f);
      g_autoptr (EvlGraph) g = evl_graph_new ();
      evl_reason_add_document (ctx, g, d, NULL);
      const char *got = NULL;
      for (guint k = 0; k < evl_graph_n_events (g); k++)
        if (g_strcmp0 (evl_graph_get_event (g, k)->trigger, cases[i].trigger) == 0)
          got = evl_graph_get_event (g, k)->summary;
      cr_expect_str_eq (got, cases[i].expected, "%s", cases[i].text);
      evl_document_unref (d);
    }
}

Test (reason, nominal_summary_keeps_the_written_preposition)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("p", "Officials described stalled negotiations with Washington.", "2023-09-14");
  gint32 us = fx_cluster (d, "United States", "united states", EVL_ENTITY_LOCATION, "Washington");
  FxEvent f = FX_EVENT ("MEETING", "negotiation");
  f.patient = fx_entity (d, "Washington", 0, us);
  fx_event (d, "negotiations", 0, &f);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  evl_reason_add_document (ctx, g, d, NULL);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->summary, "Negotiation with United States");
  evl_document_unref (d);
}

/* A war or an election named after a place happens there; an attack
 * named after a country is that country's. */
Test (reason, nominal_named_after_a_place_happens_there)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct { const char *type, *lemma, *text, *trigger, *expected; } cases[] = {
    { "CONFLICT", "war", "The Ukraine war went on.", "war", "War in Ukraine" },
    { "ELECTION", "election", "The Ukraine election went ahead.", "election", "Election in Ukraine" },
    { "ATTACK", "attack", "The Ukraine attack went ahead.", "attack", "Attack by Ukraine" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EvlDocument *d = fx_doc ("w", cases[i].text, "2023-09-14");
      gint32 ua = fx_cluster (d, "Ukraine", "ukraine", EVL_ENTITY_LOCATION, NULL);
      FxEvent f = FX_EVENT (cases[i].type, cases[i].lemma);
      f.agent = fx_entity (d, "Ukraine", 0, ua);
      fx_event (d, cases[i].trigger, 0, &f);
      g_autoptr (EvlGraph) g = evl_graph_new ();
      evl_reason_add_document (ctx, g, d, NULL);
      const EvlGraphEvent *ev = evl_graph_get_event (g, 0);
      cr_expect_str_eq (ev->summary, cases[i].expected);
      /* in the graph too: the place is where, not who */
      gboolean where = strstr (cases[i].expected, " in ") != NULL;
      cr_expect_eq (ev->location >= 0, where, "%s: location", cases[i].expected);
      cr_expect_eq (ev->agent >= 0, !where, "%s: agent", cases[i].expected);
      evl_document_unref (d);
    }
}

Test (reason, furniture_and_low_salience_mentions_are_skipped)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("f", "Kim met Putin.\nRead more: Kim met Xi.\nThey talked.", "2023-09-14");
  evl_document_peek_sentence (d, 1)->is_furniture = 1;
  FxEvent f = FX_EVENT ("MEETING", "meet");
  fx_event (d, "met", 0, &f);
  fx_event (d, "met", 1, &f);
  f.salience = 0.2f;
  fx_event (d, "talked", 0, &f);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  evl_reason_add_document (ctx, g, d, &o);
  cr_assert_eq (evl_graph_n_events (g), 1);
  cr_assert_eq (g_array_index (evl_graph_get_event (g, 0)->mentions, EvlGraphMention, 0).sentence, 0);
  g_autoptr (EvlGraph) all = evl_graph_new ();
  o.all_events = TRUE;
  evl_reason_add_document (ctx, all, d, &o);
  cr_assert_eq (evl_graph_n_events (all), 2, "furniture stays out even with all_events");
  evl_document_unref (d);
}

Test (reason, dct_anchor_and_tense_bounds)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("t", "Officials said it.\nThe deal collapsed.", "2023-09-14");
  FxEvent f = FX_EVENT ("STATEMENT", "say");
  f.klass = EVL_EVENT_CLASS_REPORTING;
  f.tense = "PAST";
  f.anchor = EVL_ANCHOR_DCT;
  fx_event (d, "said", 0, &f);
  FxEvent h = FX_EVENT ("AGREEMENT", "collapse");
  h.tense = "PAST";
  fx_event (d, "collapsed", 0, &h);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  evl_reason_add_document (ctx, g, d, &o);
  const EvlGraphEvent *said = evl_graph_get_event (g, 0), *deal = evl_graph_get_event (g, 1);
  cr_assert (said->time.known);
  cr_assert_str_eq (said->time.anchor, "dct");
  cr_assert_str_eq (said->time.value, "2023-09-14");
  cr_assert_not (deal->time.known);
  cr_assert_eq (deal->time.latest, evl_day_from_ymd (2023, 9, 14), "past tense: no later than the DCT");
  evl_document_unref (d);
}

/* An event a plain duration after or before its clause's date ('a day
 * after'), or a verb a duration before or after a dated event: the date
 * shifted, at the duration's grain, never finer than the other date;
 * nothing for a vague count, 'until', a duration that is an argument, a
 * date of the event's own, or a clause whose nearest finite verb is
 * undated. */
typedef struct {
  const char *text;
  const char *when, *value, *begin, *end;   /* the clause's date */
  EvlGrain grain;
  const char *dur, *dur_value;              /* the duration */
  const char *verb;                          /* the clause's verb, dated */
  const char *undated;                       /* a finite verb between, or NULL */
  const char *event;                         /* the introduced event */
  const char *tense;                         /* its tense, NULL: a noun */
  const char *own;                           /* its own date (value 2023-11-20), "=" the
                                                clause's, or NULL */
  const char *expect;                        /* offset date, NULL: no offset */
  const char *undated_tense;                 /* NULL: PAST and undated; else it takes the
                                                clause's date, as the events stage gives it */
} OffsetRow;

Test (reason, duration_after_a_dated_clause_dates_the_event)
{
  static const OffsetRow rows[] = {
    { "South Korea on Wednesday suspended the pact, a day after North Korea launched a satellite.",
      "Wednesday", "2023-11-22", "2023-11-22", "2023-11-22", EVL_GRAIN_DAY, "a day", "P1D",
      "suspended", NULL, "launched", "PAST", NULL, "2023-11-21", NULL },
    { "Lavrov arrived on Wednesday, a month after Kim Jong Un travelled to Russia.",
      "Wednesday", "2023-11-22", "2023-11-22", "2023-11-22", EVL_GRAIN_DAY, "a month", "P1M",
      "arrived", NULL, "travelled", "PAST", NULL, "2023-10", NULL },
    { "The opposition resigned on October 2, three days before the election.",
      "October 2", "2023-10-02", "2023-10-02", "2023-10-02", EVL_GRAIN_DAY, "three days", "P3D",
      "resigned", NULL, "election", NULL, NULL, "2023-10-05", NULL },
    { "The minister resigned on Friday, a week before the summit.",
      "Friday", "2023-11-24", "2023-11-24", "2023-11-24", EVL_GRAIN_DAY, "a week", "P1W",
      "resigned", NULL, "summit", NULL, NULL, "2023-12-01", NULL },
    { "The talks resumed in June, three months after they broke down.",
      "June", "2023-06", "2023-06-01", "2023-06-30", EVL_GRAIN_MONTH, "three months", "P3M",
      "resumed", NULL, "broke", "PAST", NULL, "2023-03", NULL },
    { "The talks resumed in January, two months after they broke down.",
      "January", "2023-01", "2023-01-01", "2023-01-31", EVL_GRAIN_MONTH, "two months", "P2M",
      "resumed", NULL, "broke", "PAST", NULL, "2022-11", NULL },
    { "Rescuers found them on Friday, hours after the avalanche struck.",
      "Friday", "2023-11-24", "2023-11-24", "2023-11-24", EVL_GRAIN_DAY, "hours", "PTXH",
      "found", NULL, "struck", "PAST", NULL, "2023-11-24", NULL },
    { "Police arrived on Friday, 30 minutes after the blast.",
      "Friday", "2023-11-24", "2023-11-24", "2023-11-24", EVL_GRAIN_DAY, "30 minutes", "PT30M",
      "arrived", NULL, "blast", NULL, NULL, "2023-11-24", NULL },
    { "The firm was founded in 2019, two years after its founders left.",
      "2019", "2019", "2019-01-01", "2019-12-31", EVL_GRAIN_YEAR, "two years", "P2Y",
      "founded", NULL, "left", "PAST", NULL, "2017", NULL },
    /* the object of the clause's verb is in the clause */
    { "South Korea on Wednesday suspended the pact, a day after the envoys held talks.",
      "Wednesday", "2023-11-22", "2023-11-22", "2023-11-22", EVL_GRAIN_DAY, "a day", "P1D",
      "suspended", "held", "talks", NULL, NULL, "2023-11-21", NULL },
    /* a plan or an infinitive has no date of its own; a participle is passed */
    { "The ministers agreed on Tuesday to hold a summit a month after the vote.",
      "Tuesday", "2023-11-21", "2023-11-21", "2023-11-21", EVL_GRAIN_DAY, "a month", "P1M",
      "agreed", "hold", "vote", NULL, NULL, NULL, "INFINITIVE" },
    { "The army said on Friday it will withdraw three days after the truce.",
      "Friday", "2023-11-24", "2023-11-24", "2023-11-24", EVL_GRAIN_DAY, "three days", "P3D",
      "said", "withdraw", "truce", NULL, NULL, NULL, "FUTURE" },
    { "He fought for his job on Friday, assailed by rivals two days after taking the post.",
      "Friday", "2023-11-24", "2023-11-24", "2023-11-24", EVL_GRAIN_DAY, "two days", "P2D",
      "fought", "assailed", "taking", "PRESPART", NULL, "2023-11-22", "PASTPART" },
    /* a participle after a comma is the introduced verb's happening */
    { "Police imposed a curfew on Monday, a day after troops opened fire, killing 14 people.",
      "Monday", "2023-11-20", "2023-11-20", "2023-11-20", EVL_GRAIN_DAY, "a day", "P1D",
      "imposed", "opened", "killing", "PRESPART", NULL, "2023-11-19", NULL },
    /* the other way round: the introduced event's date dates the verb */
    { "The vote came two days before the summit on May 12.",
      "May 12", "2023-05-12", "2023-05-12", "2023-05-12", EVL_GRAIN_DAY, "two days", "P2D",
      "summit", NULL, "came", "PAST", NULL, "2023-05-10", NULL },
    { "He resigned just two months after the vote in June.",
      "June", "2023-06", "2023-06-01", "2023-06-30", EVL_GRAIN_MONTH, "two months", "P2M",
      "vote", NULL, "resigned", "PAST", NULL, "2023-08", NULL },
    /* the events stage gave the verb the nearest date, the summit's */
    { "The rebels seized the town a week after the ceasefire on October 3.",
      "October 3", "2023-10-03", "2023-10-03", "2023-10-03", EVL_GRAIN_DAY, "a week", "P1W",
      "ceasefire", NULL, "seized", "PAST", "=", "2023-10-10", NULL },
    { "Shares fell a week after the merger in March.",
      "March", "2023-03", "2023-03-01", "2023-03-31", EVL_GRAIN_MONTH, "a week", "P1W",
      "merger", NULL, "fell", "PAST", NULL, NULL, NULL },
    /* a duration that is an argument is no offset */
    { "He was jailed for two years after the trial in 2019.",
      "2019", "2019", "2019-01-01", "2019-12-31", EVL_GRAIN_YEAR, "two years", "P2Y",
      "trial", NULL, "jailed", "PAST", NULL, NULL, NULL },
    { "A court on Monday sentenced him to two years after the trial.",
      "Monday", "2023-11-20", "2023-11-20", "2023-11-20", EVL_GRAIN_DAY, "two years", "P2Y",
      "sentenced", NULL, "trial", NULL, NULL, NULL, NULL },
    /* a month from a year is no month */
    { "The talks resumed in 2019, a month after they broke down.",
      "2019", "2019", "2019-01-01", "2019-12-31", EVL_GRAIN_YEAR, "a month", "P1M",
      "resumed", NULL, "broke", "PAST", NULL, NULL, NULL },
    /* no count */
    { "The union ended the strike on Monday, weeks after it began.",
      "Monday", "2023-11-20", "2023-11-20", "2023-11-20", EVL_GRAIN_DAY, "weeks", "PXW",
      "ended", NULL, "began", "PAST", NULL, NULL, NULL },
    { "Talks went on on Monday, a day until the deadline expired.",
      "Monday", "2023-11-20", "2023-11-20", "2023-11-20", EVL_GRAIN_DAY, "a day", "P1D",
      "went", NULL, "expired", "PAST", NULL, NULL, NULL },
    /* its own date stands */
    { "Seoul suspended the pact on Wednesday, a day after the North launched a satellite on Monday.",
      "Wednesday", "2023-11-22", "2023-11-22", "2023-11-22", EVL_GRAIN_DAY, "a day", "P1D",
      "suspended", NULL, "launched", "PAST", "Monday", NULL, NULL },
    /* the date is the saying's, not the arrest's */
    { "Police said on Monday the suspect was arrested two days after the attack.",
      "Monday", "2023-11-20", "2023-11-20", "2023-11-20", EVL_GRAIN_DAY, "two days", "P2D",
      "said", "arrested", "attack", NULL, NULL, NULL, NULL },
  };
  g_autoptr (EvlContext) ctx = fx_context ();
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      const OffsetRow *w = &rows[r];
      EvlDocument *d = fx_doc ("o", w->text, "2023-11-24");
      FxEvent v = FX_EVENT ("AGREEMENT", "verb");
      v.tense = "PAST";
      v.timex = fx_timex (d, w->when, w->value, w->begin, w->end, w->grain);
      fx_event (d, w->verb, 0, &v);
      gboolean same = w->own && strcmp (w->own, "=") == 0;
      EvlTimex dur = { 0 };
      dur.span = fx_span (d, w->dur, 0);
      dur.type = EVL_TIMEX_DURATION;
      dur.value = evl_document_intern (d, w->dur_value, -1);
      dur.anchor = -1;
      evl_document_add_timex (d, &dur);
      if (w->undated)
        {
          FxEvent u = FX_EVENT ("ARREST", "arrest");
          u.tense = w->undated_tense ? w->undated_tense : "PAST";
          u.anchor = w->undated_tense ? EVL_ANCHOR_CLAUSE : EVL_ANCHOR_TENSE;
          u.timex = w->undated_tense ? v.timex : -1;
          fx_event (d, w->undated, 0, &u);
        }
      FxEvent e = FX_EVENT ("MISSILE_LAUNCH", "event");
      e.tense = w->tense;
      if (same)
        e.timex = v.timex;
      else if (w->own)
        e.timex = fx_timex (d, w->own, "2023-11-20", "2023-11-20", "2023-11-20", EVL_GRAIN_DAY);
      else
        e.anchor = w->tense ? EVL_ANCHOR_TENSE : EVL_ANCHOR_NONE;
      fx_event (d, w->event, 0, &e);
      g_autoptr (EvlGraph) g = evl_graph_new ();
      EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
      evl_reason_add_document (ctx, g, d, &o);
      const EvlGraphEvent *ev = first_of_type (g, "MISSILE_LAUNCH");
      if (w->expect)
        {
          cr_assert (ev->time.known, "row %u: dated", r);
          cr_assert_str_eq (ev->time.value, w->expect, "row %u", r);
          cr_assert_str_eq (ev->time.anchor, "offset", "row %u", r);
          cr_assert_leq (ev->time.begin, ev->time.end, "row %u", r);
        }
      else
        cr_assert (!ev->time.known || strcmp (ev->time.anchor, "offset") != 0, "row %u: no offset", r);
      if (w->own && !same)
        cr_assert_str_eq (ev->time.value, "2023-11-20", "row %u: its own date", r);
      evl_document_unref (d);
    }
}

/* ---- merging ---- */

Test (reason, same_meeting_in_three_documents_is_one_event)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[] = {
    fx_summit_doc ("a", "Kim met Putin at the Vostochny Cosmodrome on Wednesday.",
                   "Wednesday", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY),
    fx_summit_doc ("b", "Kim Jong Un met with Putin in September.",
                   "September", "2023-09", "2023-09-01", "2023-09-30", EVL_GRAIN_MONTH),
    fx_summit_doc ("c", "The recently held meeting between Kim and Putin was historic.",
                   NULL, NULL, NULL, NULL, 0),
  };
  g_autoptr (EvlGraph) g = build (ctx, docs, 3);
  cr_assert_eq (count_type (g, "MEETING"), 1);
  const EvlGraphEvent *e = first_of_type (g, "MEETING");
  cr_assert_eq (e->n_sources, 3);
  cr_assert_eq (e->mentions->len, 3);
  cr_assert_str_eq (e->time.value, "2023-09-13", "the most precise compatible date wins");
  cr_assert_geq (e->location, 0);
  cr_assert_eq (evl_graph_n_conflicts (g), 0);
  unref_all (docs, 3);
}

Test (reason, meetings_of_2019_and_2023_stay_apart)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[] = {
    fx_summit_doc ("a", "Kim met Putin at the Vostochny Cosmodrome on Wednesday.",
                   "Wednesday", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY),
    fx_summit_doc ("b", "Kim met Putin in Vladivostok in 2019.",
                   "2019", "2019", "2019-01-01", "2019-12-31", EVL_GRAIN_YEAR),
    fx_summit_doc ("c", "The recently held meeting between Kim and Putin was historic.",
                   NULL, NULL, NULL, NULL, 0),
  };
  g_autoptr (EvlGraph) g = build (ctx, docs, 3);
  cr_assert_eq (count_type (g, "MEETING"), 2);
  g_autoptr (GArray) order = evl_graph_timeline (g);
  const EvlGraphEvent *old = evl_graph_get_event (g, g_array_index (order, guint, 0));
  const EvlGraphEvent *now = evl_graph_get_event (g, g_array_index (order, guint, 1));
  cr_assert_str_eq (old->time.value, "2019");
  cr_assert_eq (old->n_sources, 1);
  cr_assert_str_eq (now->time.value, "2023-09-13");
  cr_assert_eq (now->n_sources, 2, "the undated report is the recent meeting");
  unref_all (docs, 3);
}

static EvlDocument *
launch_doc (const char *id, const char *text, const char *when, const char *value,
            const char *begin, const char *end, EvlGrain grain)
{
  EvlDocument *d = fx_doc (id, text, "2023-09-14");
  gint32 nk = fx_cluster (d, "North Korea", "north korea", EVL_ENTITY_LOCATION, NULL);
  FxEvent f = FX_EVENT ("SATELLITE_LAUNCH", "launch");
  f.tense = "PAST";
  f.flags = EVL_EVENT_FLAG_FAILED;
  f.agent = fx_entity (d, "North Korea", 0, nk);
  if (when)
    f.timex = fx_timex (d, when, value, begin, end, grain);
  fx_event (d, "launch", 0, &f);
  return d;
}

Test (reason, may_and_august_satellite_failures_stay_apart)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[] = {
    launch_doc ("a", "North Korea failed to launch a satellite in May.", "May", "2023-05",
                "2023-05-01", "2023-05-31", EVL_GRAIN_MONTH),
    launch_doc ("b", "North Korea failed to launch a satellite in August.", "August", "2023-08",
                "2023-08-01", "2023-08-31", EVL_GRAIN_MONTH),
    launch_doc ("c", "North Korea failed to launch a satellite twice this year.", "this year",
                "2023", "2023-01-01", "2023-12-31", EVL_GRAIN_YEAR),
  };
  g_autoptr (EvlGraph) g = build (ctx, docs, 3);
  cr_assert_eq (count_type (g, "SATELLITE_LAUNCH"), 2);
  g_autoptr (GArray) order = evl_graph_timeline (g);
  cr_assert_str_eq (evl_graph_get_event (g, g_array_index (order, guint, 0))->time.value, "2023-05");
  cr_assert_str_eq (evl_graph_get_event (g, g_array_index (order, guint, 1))->time.value, "2023-08");
  cr_assert (evl_graph_get_event (g, 0)->flags & EVL_EVENT_FLAG_FAILED);
  unref_all (docs, 3);
}

typedef struct {
  char a_value[16], a_begin[11], a_end[11];
  int a_grain;
  char b_value[16], b_begin[11], b_end[11];
  int b_grain;
  int with_location;
  guint events;      /* after merging */
  guint conflicts;
} GrainCase;

ParameterizedTestParameters (reason, time_compatibility_at_granularity)
{
  static GrainCase cases[] = {
    { "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY,
      "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, 1, 1, 0 },
    { "2023-09", "2023-09-01", "2023-09-30", EVL_GRAIN_MONTH,
      "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, 1, 1, 0 },
    { "2023", "2023-01-01", "2023-12-31", EVL_GRAIN_YEAR,
      "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, 0, 1, 0 },
    { "2023-W37", "2023-09-11", "2023-09-17", EVL_GRAIN_WEEK,
      "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, 0, 1, 0 },
    /* a day apart, same people and place: one event, sources disagree */
    { "2023-09-12", "2023-09-12", "2023-09-12", EVL_GRAIN_DAY,
      "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, 1, 1, 1 },
    /* a day apart without the place to confirm it: two events */
    { "2023-09-12", "2023-09-12", "2023-09-12", EVL_GRAIN_DAY,
      "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, 0, 2, 0 },
    { "2023-09-01", "2023-09-01", "2023-09-01", EVL_GRAIN_DAY,
      "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, 1, 2, 0 },
    { "2023-08", "2023-08-01", "2023-08-31", EVL_GRAIN_MONTH,
      "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, 1, 2, 0 },
    { "2019", "2019-01-01", "2019-12-31", EVL_GRAIN_YEAR,
      "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY, 1, 2, 0 },
  };
  return cr_make_param_array (GrainCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (GrainCase *tc, reason, time_compatibility_at_granularity)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  const char *text = tc->with_location ? "Kim met Putin at the Vostochny Cosmodrome on WHEN."
                                       : "Kim met Putin on WHEN.";
  EvlDocument *docs[] = {
    fx_summit_doc ("a", text, "WHEN", tc->a_value, tc->a_begin, tc->a_end, (EvlGrain) tc->a_grain),
    fx_summit_doc ("b", text, "WHEN", tc->b_value, tc->b_begin, tc->b_end, (EvlGrain) tc->b_grain),
  };
  g_autoptr (EvlGraph) g = build (ctx, docs, 2);
  cr_assert_eq (evl_graph_n_events (g), tc->events, "%s vs %s", tc->a_value, tc->b_value);
  cr_assert_eq (evl_graph_n_conflicts (g), tc->conflicts);
  unref_all (docs, 2);
}

Test (reason, best_supported_date_wins_and_conflict_is_recorded)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[] = {
    fx_summit_doc ("a", SUMMIT_AT, "WHEN", "2023-09-12", "2023-09-12", "2023-09-12", EVL_GRAIN_DAY),
    fx_summit_doc ("b", SUMMIT_AT, "WHEN", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY),
    fx_summit_doc ("c", SUMMIT_AT, "WHEN", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY),
  };
  g_autoptr (EvlGraph) g = build (ctx, docs, 3);
  cr_assert_eq (evl_graph_n_events (g), 1);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->time.value, "2023-09-13");
  cr_assert_eq (evl_graph_n_conflicts (g), 1);
  const EvlGraphConflict *c = evl_graph_get_conflict (g, 0);
  cr_assert_str_eq (c->field, "time");
  cr_assert_str_eq (c->chosen, "2023-09-13");
  cr_assert_str_eq (c->rejected, "2023-09-12");
  unref_all (docs, 3);
}

Test (reason, negated_and_hedged_mentions_stay_apart)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *a = fx_summit_doc ("a", "Kim met Putin at the Vostochny Cosmodrome on Wednesday.",
                                  "Wednesday", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY);
  EvlDocument *n = fx_doc ("n", "Kim did not meet Xi. Kim may meet Biden.", "2023-09-14");
  FxEvent f = FX_EVENT ("MEETING", "meet");
  f.polarity = EVL_POLARITY_NEG;
  fx_event (n, "meet", 0, &f);
  f.polarity = EVL_POLARITY_POS;
  f.modality = "may";
  fx_event (n, "meet", 1, &f);
  EvlDocument *docs[] = { a, n };
  g_autoptr (EvlGraph) g = build (ctx, docs, 2);
  cr_assert_eq (count_type (g, "MEETING"), 3);
  g_autoptr (GArray) order = evl_graph_timeline (g);
  const EvlGraphEvent *dated = evl_graph_get_event (g, g_array_index (order, guint, 0));
  cr_assert_eq (dated->n_sources, 1);
  cr_assert_eq (dated->polarity, EVL_POLARITY_POS);
  cr_assert_null (dated->modality);
  unref_all (docs, 2);
}

/* A plan the other sources report as done is a fact: the merged event is
 * planned only when every mention is. */
Test (reason, merged_event_is_planned_only_if_no_mention_asserts_it)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  for (guint asserted = 0; asserted <= 1; asserted++)
    {
      EvlDocument *docs[3];
      for (guint d = 0; d < 3; d++)
        {
          char id[2] = { (char) ('a' + d), 0 };
          docs[d] = fx_summit_doc (id, "Kim met Putin at the Vostochny Cosmodrome on Wednesday.", "Wednesday",
                                   "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY);
          if (d > 0 || !asserted)
            evl_document_peek_event_mention (docs[d], 0)->flags |= EVL_EVENT_FLAG_PLANNED;
        }
      g_autoptr (EvlGraph) g = build (ctx, docs, 3);
      cr_assert_eq (evl_graph_n_events (g), 1);
      cr_assert_eq (!!(evl_graph_get_event (g, 0)->flags & EVL_EVENT_FLAG_PLANNED), !asserted,
                    "one asserting mention of three: %u", asserted);
      unref_all (docs, 3);
    }
}

/* Within one article; across articles a shared entity is needed too. */
Test (reason, bare_mentions_need_the_same_word)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *a = fx_doc ("a", "Officials warned again.\nOfficials clarified it.\nOfficials warned again.",
                           "2023-09-14");
  FxEvent f = FX_EVENT ("STATEMENT", "warn");
  fx_event (a, "warned", 0, &f);
  fx_event (a, "warned", 1, &f);
  f.lemma = "clarify";
  fx_event (a, "clarified", 0, &f);
  g_autoptr (EvlGraph) g = build (ctx, &a, 1);
  cr_assert_eq (count_type (g, "STATEMENT"), 2, "'warned' twice is one event, 'clarified' another");
  evl_document_unref (a);
}

/* One's doer is the other's done-to: two events, unless the type's
 * sides act on each other alike (a meeting). */
static guint
role_swap_events (const char *type, const char *lemma_a, const char *lemma_b)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *a = fx_doc ("a", "Seoul condemned Tokyo on Tuesday.\nTokyo condemned Seoul on Tuesday.",
                           "2023-09-14");
  gint32 seoul = fx_cluster (a, "Seoul", "seoul", EVL_ENTITY_LOCATION, NULL);
  gint32 tokyo = fx_cluster (a, "Tokyo", "tokyo", EVL_ENTITY_LOCATION, NULL);
  FxEvent f = FX_EVENT (type, lemma_a);
  f.tense = "PAST";
  f.timex = fx_timex (a, "Tuesday", "2023-09-12", "2023-09-12", "2023-09-12", EVL_GRAIN_DAY);
  f.agent = fx_entity (a, "Seoul", 0, seoul);
  f.patient = fx_entity (a, "Tokyo", 0, tokyo);
  fx_event (a, "condemned", 0, &f);
  f.lemma = lemma_b;
  f.timex = fx_timex (a, "Tuesday", "2023-09-12", "2023-09-12", "2023-09-12", EVL_GRAIN_DAY);
  f.agent = fx_entity (a, "Tokyo", 1, tokyo);
  f.patient = fx_entity (a, "Seoul", 1, seoul);
  fx_event (a, "condemned", 1, &f);
  g_autoptr (EvlGraph) g = build (ctx, &a, 1);
  guint n = evl_graph_n_events (g);
  evl_document_unref (a);
  return n;
}

Test (reason, swapped_roles_are_two_events_unless_reciprocal)
{
  cr_expect_eq (role_swap_events ("STATEMENT", "condemn", "condemn"), 2);
  cr_expect_eq (role_swap_events ("MEETING", "meet", "meet"), 1);
}

Test (reason, catch_all_type_merges_only_on_the_same_word)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[3];
  static const char *const texts[] = { "Kim praised it.", "Kim criticised it.", "Kim praised it again." };
  static const char *const words[] = { "praised", "criticised", "praised" };
  for (guint i = 0; i < 3; i++)
    {
      char id[4] = { (char) ('a' + i), 0 };
      docs[i] = fx_doc (id, texts[i], "2023-09-14");
      gint32 kim = fx_cluster (docs[i], "Kim Jong Un", "kim jong un", EVL_ENTITY_PERSON, NULL);
      FxEvent f = FX_EVENT ("OTHER", words[i]);
      f.agent = fx_entity (docs[i], "Kim", 0, kim);
      fx_event (docs[i], words[i], 0, &f);
    }
  g_autoptr (EvlGraph) g = build (ctx, docs, 3);
  cr_assert_eq (count_type (g, "OTHER"), 2, "'praised' twice is one event, 'criticised' another");
  unref_all (docs, 3);
}

/* ---- coreference within and across documents ---- */

/* Arrays, not pointers: Criterion hands parameters to another process. */
typedef struct {
  guint doc;                /* 0 or 1: which text */
  char surface[16];         /* the trigger's first occurrence; "" ends */
  char type[20], lemma[16];
  char tense[8];            /* "": a noun */
  char when[12], value[11]; /* its timex (a day or a month); "": undated */
  char people[24];          /* persons named, '|'-separated: agent first */
  char place[16];           /* a place named: "@X" its location, "X" a participant */
} CorefMention;

typedef struct {
  char texts[2][80];        /* one sentence a line; the second may be "" */
  CorefMention m[3];
  guint events;             /* after merging */
  char type[20];            /* when one event: its type */
  char dct[11];             /* the second text's creation day; "": the first's */
} CorefCase;

ParameterizedTestParameters (reason, coreference_within_and_across_documents)
{
  static CorefCase cases[] = {
    /* A definite nominal of the type refers back to the day's walkout. */
    { { "Rail workers walked out on Tuesday.\nThe strike was the first since 2023.", "" },
      { { 0, "walked", "PROTEST", "walk", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 0, "strike", "PROTEST", "strike", "", "Tuesday", "2025-06-10", "", "" } },
      1, "PROTEST", "" },
    /* A bare nominal in a phase verb's subject is that verb's event. */
    { { "Talks over pay broke down on Tuesday.", "" },
      { { 0, "Talks", "MEETING", "talks", "", "Tuesday", "2025-06-10", "", "" },
        { 0, "broke", "OTHER", "break", "PAST", "Tuesday", "2025-06-10", "", "" } },
      1, "MEETING", "" },
    /* ... a phrasal one too (its lemma from story typing) */
    { { "Talks over pay broke off on Tuesday.", "" },
      { { 0, "Talks", "MEETING", "talks", "", "Tuesday", "2025-06-10", "", "" },
        { 0, "broke", "OTHER", "break off", "PAST", "Tuesday", "2025-06-10", "", "" } },
      1, "MEETING", "" },
    /* A light verb and its object noun are one happening, whoever each
     * names: its two sides. */
    { { "Xi held talks with Lukashenko on Tuesday.", "" },
      { { 0, "held", "OTHER", "hold", "PAST", "Tuesday", "2025-06-10", "Xi", "" },
        { 0, "talks", "MEETING", "talks", "", "Tuesday", "2025-06-10", "Lukashenko", "" } },
      1, "MEETING", "" },
    /* A nominal inside the other's month. */
    { { "The vote on Tuesday was close.\nMembers voted in June.", "" },
      { { 0, "voted", "OTHER", "vote", "PAST", "June", "2025-06", "", "" },
        { 0, "vote", "OTHER", "vote", "", "Tuesday", "2025-06-10", "", "" } },
      1, "OTHER", "" },
    /* The catch-all type says nothing: other words stay apart. */
    { { "Officials praised it on Tuesday.\nThe criticism was sharp.", "" },
      { { 0, "praised", "OTHER", "praise", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 0, "criticism", "OTHER", "criticism", "", "Tuesday", "2025-06-10", "", "" } },
      2, "", "" },
    /* Another instance, a counted one, another day, two clauses. */
    { { "Rail workers walked out on Tuesday.\nAnother strike hit ports that day.", "" },
      { { 0, "walked", "PROTEST", "walk", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 0, "strike", "PROTEST", "strike", "", "Tuesday", "2025-06-10", "", "" } },
      2, "", "" },
    { { "Rail workers walked out on Tuesday.\nTwo strikes hit ports that day.", "" },
      { { 0, "walked", "PROTEST", "walk", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 0, "strikes", "PROTEST", "strike", "", "Tuesday", "2025-06-10", "", "" } },
      2, "", "" },
    /* A counted plural is several happenings: 'the launch' is none of them. */
    { { "Two failed attempts came in June.\nThe launch on Tuesday worked.", "" },
      { { 0, "attempts", "SATELLITE_LAUNCH", "attempt", "", "June", "2025-06", "", "" },
        { 0, "launch", "SATELLITE_LAUNCH", "launch", "", "Tuesday", "2025-06-10", "", "" } },
      2, "", "" },
    { { "Rail workers walked out on Tuesday.\nThe strike on Wednesday was smaller.", "" },
      { { 0, "walked", "PROTEST", "walk", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 0, "strike", "PROTEST", "strike", "", "Wednesday", "2025-06-11", "", "" } },
      2, "", "" },
    { { "Rail workers walked out on Tuesday.\nDrivers struck on Tuesday.", "" },
      { { 0, "walked", "PROTEST", "walk", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 0, "struck", "PROTEST", "strike", "PAST", "Tuesday", "2025-06-10", "", "" } },
      2, "", "" },
    /* Different people: two launches, however the second is written. */
    { { "Kim launched a rocket on Tuesday.\nThe launch by Moon came on Tuesday.", "" },
      { { 0, "launched", "SATELLITE_LAUNCH", "launch", "PAST", "Tuesday", "2025-06-10", "Kim", "" },
        { 0, "launch", "SATELLITE_LAUNCH", "launch", "", "Tuesday", "2025-06-10", "Moon", "" } },
      2, "", "" },
    /* Across documents an event with no date of its own needs two
     * shared entities to take the date of another article's, unless it
     * is a definite description naming nobody in an article written
     * within days of that date (DCT 12 June)... */
    { { "Kim met Putin in March.", "Officials held a meeting." },
      { { 0, "met", "MEETING", "meet", "PAST", "March", "2025-03", "Kim|Putin", "" },
        { 1, "meeting", "MEETING", "meeting", "", "", "", "", "" } },
      2, "", "" },
    { { "Kim met Putin on Tuesday.", "Officials praised the meeting." },
      { { 0, "met", "MEETING", "meet", "PAST", "Tuesday", "2025-06-10", "Kim|Putin", "" },
        { 1, "meeting", "MEETING", "meeting", "", "", "", "", "" } },
      1, "MEETING", "" },
    { { "Kim met Putin on Tuesday.", "Officials held a meeting." },
      { { 0, "met", "MEETING", "meet", "PAST", "Tuesday", "2025-06-10", "Kim|Putin", "" },
        { 1, "meeting", "MEETING", "meeting", "", "", "", "", "" } },
      2, "", "" },
    { { "Kim met Putin in March.", "Kim met officials." },
      { { 0, "met", "MEETING", "meet", "PAST", "March", "2025-03", "Kim|Putin", "" },
        { 1, "met", "MEETING", "meet", "PAST", "", "", "Kim", "" } },
      2, "", "" },
    { { "Kim met Putin in March.", "Kim met Putin." },
      { { 0, "met", "MEETING", "meet", "PAST", "March", "2025-03", "Kim|Putin", "" },
        { 1, "met", "MEETING", "meet", "PAST", "", "", "Kim|Putin", "" } },
      1, "MEETING", "" },
    /* Undated on both sides, one shared name: the same word is not
     * enough ('Clinton visited Tokyo' / 'Clinton visited the meeting')
     * in articles a week apart... */
    { { "Kim warned Moon.", "Kim praised officials." },
      { { 0, "warned", "STATEMENT", "warn", "PAST", "", "", "Kim|Moon", "" },
        { 1, "praised", "STATEMENT", "praise", "PAST", "", "", "Kim", "" } },
      2, "", "" },
    { { "Kim warned Moon.", "Kim warned officials." },
      { { 0, "warned", "STATEMENT", "warn", "PAST", "", "", "Kim|Moon", "" },
        { 1, "warned", "STATEMENT", "warn", "PAST", "", "", "Kim", "" } },
      2, "", "2025-06-19" },
    { { "The refugees arrived in Italy.", "Some 13,000 people arrived in Italy by boat." },
      { { 0, "arrived", "VISIT", "arrive", "PAST", "", "", "", "@Italy" },
        { 1, "arrived", "VISIT", "arrive", "PAST", "", "", "", "@Italy" } },
      2, "", "2025-06-19" },
    { { "Khan went into talks with Mubarak.", "Arafat headed into talks with Mubarak." },
      { { 0, "talks", "MEETING", "talks", "", "", "", "Mubarak", "" },
        { 1, "talks", "MEETING", "talks", "", "", "", "Mubarak", "" } },
      2, "", "2025-06-19" },
    /* ... unless the articles are a day apart and the same one does it
     * (not merely somewhere shared), the sentence is another paper's
     * version of the wire story, the same thing is done (the summaries'
     * objects), or both name the happening as a noun at one place. */
    { { "Kim warned Moon.", "Kim warned officials." },
      { { 0, "warned", "STATEMENT", "warn", "PAST", "", "", "Kim|Moon", "" },
        { 1, "warned", "STATEMENT", "warn", "PAST", "", "", "Kim", "" } },
      1, "STATEMENT", "2025-06-13" },
    { { "The refugees arrived in Italy.", "Some 13,000 people arrived in Italy by boat." },
      { { 0, "arrived", "VISIT", "arrive", "PAST", "", "", "", "@Italy" },
        { 1, "arrived", "VISIT", "arrive", "PAST", "", "", "", "@Italy" } },
      2, "", "2025-06-13" },
    { { "Kim warned that the border would close within days.",
        "Kim warned the border would close within days, aides said." },
      { { 0, "warned", "STATEMENT", "warn", "PAST", "", "", "Kim", "" },
        { 1, "warned", "STATEMENT", "warn", "PAST", "", "", "Kim", "" } },
      1, "STATEMENT", "2025-06-19" },
    { { "Hours before the summit, North Korea launched two ballistic missiles.",
        "North Korea angered Tokyo by launching two ballistic missiles at dawn." },
      { { 0, "launched", "MISSILE_LAUNCH", "launch", "PAST", "", "", "", "North Korea" },
        { 1, "launching", "MISSILE_LAUNCH", "launch", "PAST", "", "", "", "North Korea" } },
      1, "MISSILE_LAUNCH", "2025-06-19" },
    { { "North Korea launched two ballistic missiles.", "North Korea launched a cruise missile." },
      { { 0, "launched", "MISSILE_LAUNCH", "launch", "PAST", "", "", "", "North Korea" },
        { 1, "launched", "MISSILE_LAUNCH", "launch", "PAST", "", "", "", "North Korea" } },
      2, "", "2025-06-19" },
    { { "Polls came ahead of Britain's general election.", "The election in Britain neared." },
      { { 0, "election", "ELECTION", "election", "", "", "", "", "Britain" },
        { 1, "election", "ELECTION", "election", "", "", "", "", "@Britain" } },
      1, "ELECTION", "2025-06-19" },
    /* The same sentence in two papers (a wire story) is one event, even
     * of a loose type naming nobody. */
    { { "Two people died in the fire.", "Two people died in the fire." },
      { { 0, "died", "DEATH", "die", "PAST", "", "", "", "" },
        { 1, "died", "DEATH", "die", "PAST", "", "", "", "" } },
      1, "DEATH", "" },
    { { "Two people died in the fire.", "Two people died in the flood." },
      { { 0, "died", "DEATH", "die", "PAST", "", "", "", "" },
        { 1, "died", "DEATH", "die", "PAST", "", "", "", "" } },
      2, "", "" },
    /* A place is shared whether read as a participant or as the
     * location. */
    { { "The Ukraine conflict went on.", "The conflict in Ukraine went on." },
      { { 0, "conflict", "CONFLICT", "conflict", "", "", "", "", "Ukraine" },
        { 1, "conflict", "CONFLICT", "conflict", "", "", "", "", "@Ukraine" } },
      1, "CONFLICT", "" },
    { { "The Ukraine conflict went on.", "The conflict in Syria went on." },
      { { 0, "conflict", "CONFLICT", "conflict", "", "", "", "", "Ukraine" },
        { 1, "conflict", "CONFLICT", "conflict", "", "", "", "", "@Syria" } },
      2, "", "" },
    /* Near-synonyms for one ongoing happening (taxonomy/coreference.txt)
     * sharing a place: within one article, where 'conflict' alone would
     * join the other article's... */
    { { "The Ukraine conflict went on.", "Moscow uses it in its Ukraine war.\nMonths of conflict in Ukraine hurt." },
      { { 0, "conflict", "CONFLICT", "conflict", "", "", "", "", "Ukraine" },
        { 1, "war", "CONFLICT", "war", "", "", "", "", "Ukraine" },
        { 1, "conflict", "CONFLICT", "conflict", "", "", "", "", "@Ukraine" } },
      1, "CONFLICT", "" },
    /* ... and across articles. */
    { { "The Ukraine conflict went on.", "The war in Ukraine went on." },
      { { 0, "conflict", "CONFLICT", "conflict", "", "", "", "", "Ukraine" },
        { 1, "war", "CONFLICT", "war", "", "", "", "", "@Ukraine" } },
      1, "CONFLICT", "" },
    { { "The talks in Geneva went on.", "The negotiations in Geneva went on." },
      { { 0, "talks", "MEETING", "talks", "", "", "", "", "@Geneva" },
        { 1, "negotiations", "MEETING", "negotiation", "", "", "", "", "@Geneva" } },
      1, "MEETING", "" },
    /* A loose type (threads.txt) still needs the same word and a shared
     * participant across articles. */
    { { "The strike in Paris went on.", "The walkout in Paris went on." },
      { { 0, "strike", "PROTEST", "strike", "", "", "", "", "@Paris" },
        { 1, "walkout", "PROTEST", "walkout", "", "", "", "", "@Paris" } },
      2, "", "" },
    /* Not another place, a word outside the class ('battle' is part of a
     * war), a shared person only, a verb, or another instance. */
    { { "The Ukraine conflict went on.", "The war in Syria went on." },
      { { 0, "conflict", "CONFLICT", "conflict", "", "", "", "", "Ukraine" },
        { 1, "war", "CONFLICT", "war", "", "", "", "", "@Syria" } },
      2, "", "" },
    { { "The Ukraine conflict went on.", "The battle in Ukraine went on." },
      { { 0, "conflict", "CONFLICT", "conflict", "", "", "", "", "Ukraine" },
        { 1, "battle", "CONFLICT", "battle", "", "", "", "", "@Ukraine" } },
      2, "", "" },
    { { "The talks with Kim went on.", "The negotiations with Kim went on." },
      { { 0, "talks", "MEETING", "talks", "", "", "", "Kim", "" },
        { 1, "negotiations", "MEETING", "negotiation", "", "", "", "Kim", "" } },
      2, "", "" },
    { { "Workers struck in Paris.", "The walkout in Paris went on." },
      { { 0, "struck", "PROTEST", "strike", "PAST", "", "", "", "@Paris" },
        { 1, "walkout", "PROTEST", "walkout", "", "", "", "", "@Paris" } },
      2, "", "" },
    { { "The walkout in Paris went on.", "Another strike in Paris began." },
      { { 0, "walkout", "PROTEST", "walkout", "", "", "", "", "@Paris" },
        { 1, "strike", "PROTEST", "strike", "", "", "", "", "@Paris" } },
      2, "", "" },
    /* An undated mention takes a dated event's day from one shared name
     * when it is the same word of the same agent in a report written
     * within a day of that date, not a week later. */
    { { "Kim warned Moon on Wednesday.", "Kim warned officials." },
      { { 0, "warned", "STATEMENT", "warn", "PAST", "Wednesday", "2025-06-11", "Kim|Moon", "" },
        { 1, "warned", "STATEMENT", "warn", "PAST", "", "", "Kim", "" } },
      1, "STATEMENT", "2025-06-12" },
    { { "Kim warned Moon on Wednesday.", "Kim warned officials." },
      { { 0, "warned", "STATEMENT", "warn", "PAST", "Wednesday", "2025-06-11", "Kim|Moon", "" },
        { 1, "warned", "STATEMENT", "warn", "PAST", "", "", "Kim", "" } },
      2, "", "2025-06-19" },
    { { "Kim warned Moon on Wednesday.", "Kim praised officials." },
      { { 0, "warned", "STATEMENT", "warn", "PAST", "Wednesday", "2025-06-11", "Kim|Moon", "" },
        { 1, "praised", "STATEMENT", "praise", "PAST", "", "", "Kim", "" } },
      2, "", "2025-06-12" },
    /* ... and dated ones an entity, or the definite description of
     * that day: the same day or month alone is not enough. */
    { { "Kim met Putin on Tuesday.", "The meeting on Tuesday was long." },
      { { 0, "met", "MEETING", "meet", "PAST", "Tuesday", "2025-06-10", "Kim|Putin", "" },
        { 1, "meeting", "MEETING", "meeting", "", "Tuesday", "2025-06-10", "", "" } },
      1, "MEETING", "" },
    { { "Kim met Putin on Tuesday.", "A meeting was held on Tuesday." },
      { { 0, "met", "MEETING", "meet", "PAST", "Tuesday", "2025-06-10", "Kim|Putin", "" },
        { 1, "meeting", "MEETING", "meeting", "", "Tuesday", "2025-06-10", "", "" } },
      2, "", "" },
    { { "A launch failed on Tuesday.", "A launch failed in June." },
      { { 0, "launch", "SATELLITE_LAUNCH", "launch", "", "Tuesday", "2025-06-10", "", "" },
        { 1, "launch", "SATELLITE_LAUNCH", "launch", "", "June", "2025-06", "", "" } },
      2, "", "" },
    /* A type of which a day holds one happening (a launch, a quake):
     * the same day, one side naming nobody and nothing differing, is
     * one event... */
    { { "The rocket lifted off on Tuesday.", "Kim fired the satellite on Tuesday." },
      { { 0, "lifted", "SATELLITE_LAUNCH", "lift off", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 1, "fired", "SATELLITE_LAUNCH", "fire", "PAST", "Tuesday", "2025-06-10", "Kim", "" } },
      1, "SATELLITE_LAUNCH", "" },
    { { "An earthquake struck on Monday.", "A quake struck Hatay on Monday." },
      { { 0, "struck", "DISASTER", "strike", "PAST", "Monday", "2025-06-09", "", "" },
        { 1, "struck", "DISASTER", "strike", "PAST", "Monday", "2025-06-09", "", "@Hatay" } },
      1, "DISASTER", "" },
    /* A toll of ten or more, the same in two articles at overlapping
     * times, is one happening's, whoever they name; another toll, or a
     * small one, tells nothing. */
    { { "A jet crashed on Tuesday, killing all 62 people.", "The crash in June that killed 62 people." },
      { { 0, "killing", "DEATH", "kill", "", "Tuesday", "2025-06-10", "", "" },
        { 1, "killed", "DEATH", "kill", "PAST", "June", "2025-06", "", "" } },
      1, "DEATH", "" },
    { { "A jet crashed on Tuesday, killing all 62 people.", "The crash in June that killed 48 people." },
      { { 0, "killing", "DEATH", "kill", "", "Tuesday", "2025-06-10", "", "" },
        { 1, "killed", "DEATH", "kill", "PAST", "June", "2025-06", "", "" } },
      2, "", "" },
    { { "A jet crashed on Tuesday, killing all 6 people.", "The crash in June that killed 6 people." },
      { { 0, "killing", "DEATH", "kill", "", "Tuesday", "2025-06-10", "", "" },
        { 1, "killed", "DEATH", "kill", "PAST", "June", "2025-06", "", "" } },
      2, "", "" },
    /* ... but not from another place, with another count, on another
     * day, at a coarser grain, in another word of a loose type, or of
     * a type a day holds many of. */
    { { "The rocket lifted off from Sohae on Tuesday.", "Kim fired it from Tonghae on Tuesday." },
      { { 0, "lifted", "SATELLITE_LAUNCH", "lift off", "PAST", "Tuesday", "2025-06-10", "", "@Sohae" },
        { 1, "fired", "SATELLITE_LAUNCH", "fire", "PAST", "Tuesday", "2025-06-10", "Kim", "@Tonghae" } },
      2, "", "" },
    { { "Two missiles were launched on Tuesday.", "Kim launched three missiles on Tuesday." },
      { { 0, "launched", "MISSILE_LAUNCH", "launch", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 1, "launched", "MISSILE_LAUNCH", "launch", "PAST", "Tuesday", "2025-06-10", "Kim", "" } },
      2, "", "" },
    { { "The rocket lifted off on Tuesday.", "Kim fired the satellite on Tuesday." },
      { { 0, "lifted", "SATELLITE_LAUNCH", "lift off", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 1, "fired", "SATELLITE_LAUNCH", "fire", "PAST", "Tuesday", "2025-06-17", "Kim", "" } },
      2, "", "" },
    { { "The rocket lifted off in June.", "Kim fired the satellite on Tuesday." },
      { { 0, "lifted", "SATELLITE_LAUNCH", "lift off", "PAST", "June", "2025-06", "", "" },
        { 1, "fired", "SATELLITE_LAUNCH", "fire", "PAST", "Tuesday", "2025-06-10", "Kim", "" } },
      2, "", "" },
    { { "An earthquake struck on Monday.", "A fire broke out in Hatay on Monday." },
      { { 0, "struck", "DISASTER", "strike", "PAST", "Monday", "2025-06-09", "", "" },
        { 1, "broke", "DISASTER", "break out", "PAST", "Monday", "2025-06-09", "", "@Hatay" } },
      2, "", "" },
    { { "Officials met on Tuesday.", "Kim met Moon on Tuesday." },
      { { 0, "met", "MEETING", "meet", "PAST", "Tuesday", "2025-06-10", "", "" },
        { 1, "met", "MEETING", "meet", "PAST", "Tuesday", "2025-06-10", "Kim|Moon", "" } },
      2, "", "" },
  };
  return cr_make_param_array (CorefCase, cases, G_N_ELEMENTS (cases));
}

/* The timex of @when in @doc, made once. */
static gint32
coref_timex (EvlDocument *doc, const char *when, const char *value)
{
  guint nt = 0;
  const EvlTimex *ts = evl_document_get_timexes (doc, &nt);
  for (guint i = 0; i < nt; i++)
    if (g_strcmp0 (ts[i].value, value) == 0)
      return (gint32) i;
  int y = atoi (value), mo = atoi (value + 5);
  gboolean day = strlen (value) == 10;
  int d = day ? atoi (value + 8) : 1;
  char begin[11], end[11];
  evl_day_format (evl_day_from_ymd (y, mo, d), begin);
  evl_day_format (evl_day_from_ymd (y, mo, day ? d : g_date_get_days_in_month (mo, y)), end);
  return fx_timex (doc, when, value, begin, end, day ? EVL_GRAIN_DAY : EVL_GRAIN_MONTH);
}

ParameterizedTest (CorefCase *tc, reason, coreference_within_and_across_documents)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[2] = { NULL, NULL };
  guint n = tc->texts[1][0] ? 2 : 1;
  for (guint i = 0; i < n; i++)
    docs[i] = fx_doc (i ? "b" : "a", tc->texts[i], i && tc->dct[0] ? tc->dct : "2025-06-12");
  for (guint i = 0; i < G_N_ELEMENTS (tc->m) && tc->m[i].surface[0]; i++)
    {
      const CorefMention *m = &tc->m[i];
      EvlDocument *doc = docs[m->doc];
      FxEvent f = FX_EVENT (m->type, m->lemma);
      f.tense = m->tense[0] ? m->tense : NULL;
      if (m->when[0])
        f.timex = coref_timex (doc, m->when, m->value);
      g_auto (GStrv) people = m->people[0] ? g_strsplit (m->people, "|", -1) : NULL;
      for (guint k = 0; people && people[k]; k++)
        {
          /* The document keeps the names: they must outlive this loop. */
          g_autofree char *key = g_ascii_strdown (people[k], -1);
          gint32 c = fx_cluster (doc, evl_document_intern (doc, people[k], -1),
                                 evl_document_intern (doc, key, -1), EVL_ENTITY_PERSON, NULL);
          gint32 e = fx_entity (doc, people[k], 0, c);
          if (k == 0)
            f.agent = e;
          else
            f.participant = e;
        }
      if (m->place[0])
        {
          const char *name = m->place + (m->place[0] == '@');
          g_autofree char *key = g_ascii_strdown (name, -1);
          gint32 c = fx_cluster (doc, evl_document_intern (doc, name, -1),
                                 evl_document_intern (doc, key, -1), EVL_ENTITY_LOCATION, NULL);
          gint32 e = fx_entity (doc, name, 0, c);
          if (m->place[0] == '@')
            f.location = e;
          else
            f.participant = e;
        }
      fx_event (doc, m->surface, 0, &f);
    }
  g_autoptr (EvlGraph) g = build (ctx, docs, n);
  cr_assert_eq (evl_graph_n_events (g), tc->events, "'%s' / '%s': %u events", tc->texts[0],
                tc->texts[1], evl_graph_n_events (g));
  if (tc->type[0])
    cr_assert_str_eq (evl_graph_get_event (g, 0)->type, tc->type);
  unref_all (docs, n);
}

/* Across articles a shared failure counts like a shared name: the
 * month's failed launch and another report's failed launches that month
 * are one, two launches that month that did not fail stay two. */
Test (reason, shared_failure_joins_across_documents)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  /* Undated too: a failure is no common name that many things share. */
  for (guint k = 0; k < 4; k++)
    {
      guint failed = k & 1, dated = k < 2;
      EvlDocument *docs[2];
      docs[0] = fx_doc ("a", "A launch went wrong in August.", "2025-09-01");
      docs[1] = fx_doc ("b", "Two launches went wrong in August.", "2025-09-02");
      const char *surface[2] = { "launch", "launches" };
      for (guint d = 0; d < 2; d++)
        {
          FxEvent f = FX_EVENT ("SATELLITE_LAUNCH", "launch");
          if (dated)
            f.timex = coref_timex (docs[d], "August", "2025-08");
          f.flags = failed ? EVL_EVENT_FLAG_FAILED : 0;
          fx_event (docs[d], surface[d], 0, &f);
        }
      g_autoptr (EvlGraph) g = build (ctx, docs, 2);
      cr_assert_eq (evl_graph_n_events (g), failed ? 1u : 2u, "failed %u dated %u: %u events",
                    failed, dated, evl_graph_n_events (g));
      unref_all (docs, 2);
    }
}

/* A loose type's specific happening told naming no one ('the quake,
 * which struck on Tuesday') joins another article's of the same day and
 * word that names a place: it is listed as that cluster's candidate. */
Test (reason, nameless_day_happening_joins_a_named_one_across_documents)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[2];
  docs[0] = fx_doc ("a", "A strong earthquake struck Peru on Tuesday.", "2025-03-04");
  docs[1] = fx_doc ("b", "Hundreds were hurt in the quake, which struck on Tuesday.", "2025-03-07");
  gint32 peru = fx_cluster (docs[0], "Peru", "peru", EVL_ENTITY_LOCATION, NULL);
  for (guint d = 0; d < 2; d++)
    {
      FxEvent f = FX_EVENT ("DISASTER", "strike");
      f.tense = "PAST";
      f.timex = coref_timex (docs[d], "Tuesday", "2025-03-04");
      if (d == 0)
        f.patient = fx_entity (docs[0], "Peru", 0, peru);
      fx_event (docs[d], "struck", 0, &f);
    }
  g_autoptr (EvlGraph) g = build (ctx, docs, 2);
  cr_assert_eq (evl_graph_n_events (g), 1u, "%u events", evl_graph_n_events (g));
  unref_all (docs, 2);
}

/* ---- temporal relations ---- */

static EvlDocument *
missiles_doc (gboolean stage_cue)
{
  EvlDocument *d = fx_doc ("m", "Hours before the meeting, North Korea launched two ballistic missiles.",
                           "2023-09-14");
  gint32 nk = fx_cluster (d, "North Korea", "north korea", EVL_ENTITY_LOCATION, NULL);
  FxEvent meet = FX_EVENT ("MEETING", "meeting");
  gint32 mi = fx_event (d, "meeting", 0, &meet);
  FxEvent f = FX_EVENT ("MISSILE_LAUNCH", "launch");
  f.tense = "PAST";
  f.agent = fx_entity (d, "North Korea", 0, nk);
  gint32 li = fx_event (d, "launched", 0, &f);
  if (stage_cue)
    {
      EvlEventMention *m = evl_document_peek_event_mention (d, (guint) li);
      m->cue_event = mi;
      m->cue_rel = EVL_REL_BEFORE;
      m->anchor_method = EVL_ANCHOR_CUE;
    }
  return d;
}

static void
check_missiles_before_summit (gboolean stage_cue)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[] = {
    fx_summit_doc ("a", "Kim met Putin at the Vostochny Cosmodrome on Wednesday.",
                   "Wednesday", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY),
    missiles_doc (stage_cue),
  };
  g_autoptr (EvlGraph) g = build (ctx, docs, 2);
  cr_assert_eq (count_type (g, "MEETING"), 1);
  const EvlGraphEvent *summit = first_of_type (g, "MEETING");
  const EvlGraphEvent *launch = first_of_type (g, "MISSILE_LAUNCH");
  cr_assert_eq (summit->n_sources, 2);
  cr_assert (has_relation (g, index_of (g, launch), index_of (g, summit), EVL_REL_BEFORE,
                           "cue: hours before"));
  cr_assert (launch->time.known, "'hours before' the dated summit gives its day");
  cr_assert_str_eq (launch->time.value, "2023-09-13");
  cr_assert_str_eq (launch->time.anchor, "cue");
  g_autoptr (GArray) order = evl_graph_timeline (g);
  cr_assert_eq (g_array_index (order, guint, 0), index_of (g, launch), "same day, launch first");
  unref_all (docs, 2);
}

Test (reason, cue_phrase_orders_missiles_before_summit)
{
  check_missiles_before_summit (FALSE);
}

Test (reason, stage_cue_orders_missiles_before_summit)
{
  check_missiles_before_summit (TRUE);
}

Test (reason, narrative_order_relates_undated_past_events)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *d = fx_doc ("n", "Kim arrived by train.\nHe toured the site.\nHe had left Pyongyang.",
                           "2023-09-14");
  FxEvent f = FX_EVENT ("VISIT", "arrive");
  f.tense = "PAST";
  fx_event (d, "arrived", 0, &f);
  f.lemma = "tour";
  fx_event (d, "toured", 0, &f);
  f.lemma = "leave";
  gint32 left = fx_event (d, "left", 0, &f);
  evl_document_peek_event_mention (d, (guint) left)->aspect = "PERFECTIVE";
  g_autoptr (EvlGraph) g = evl_graph_new ();
  evl_reason_add_document (ctx, g, d, NULL);
  cr_assert_eq (evl_graph_n_events (g), 3);
  cr_assert (has_relation (g, 0, 1, EVL_REL_BEFORE, "narrative"));
  cr_assert (has_relation (g, 1, 2, EVL_REL_AFTER, "narrative"), "past perfect goes back in time");
  for (guint i = 0; i < evl_graph_n_relations (g); i++)
    cr_assert_lt (evl_graph_get_relation (g, i)->confidence, 0.5f);
  evl_document_unref (d);
}

typedef struct {
  int r1, r2;     /* A r1 B, B r2 C */
  int expected;   /* entailed A ? C, -1 none */
} ComposeCase;

ParameterizedTestParameters (reason, closure_composes_relations)
{
  static ComposeCase cases[] = {
    { EVL_REL_BEFORE, EVL_REL_BEFORE, EVL_REL_BEFORE },
    { EVL_REL_BEFORE, EVL_REL_SIMULTANEOUS, EVL_REL_BEFORE },
    { EVL_REL_SIMULTANEOUS, EVL_REL_AFTER, EVL_REL_AFTER },
    { EVL_REL_SIMULTANEOUS, EVL_REL_SIMULTANEOUS, EVL_REL_SIMULTANEOUS },
    { EVL_REL_INCLUDES, EVL_REL_INCLUDES, EVL_REL_INCLUDES },
    { EVL_REL_IS_INCLUDED, EVL_REL_BEFORE, EVL_REL_BEFORE },
    { EVL_REL_BEFORE, EVL_REL_AFTER, -1 },
    { EVL_REL_INCLUDES, EVL_REL_BEFORE, -1 },
  };
  return cr_make_param_array (ComposeCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (ComposeCase *tc, reason, closure_composes_relations)
{
  EvlPaNetwork *net = evl_pa_new (6);
  evl_pa_init_intervals (net, 3);
  cr_assert (evl_pa_add_interval (net, 0, 1, (EvlRel) tc->r1));
  cr_assert (evl_pa_add_interval (net, 1, 2, (EvlRel) tc->r2));
  cr_assert_eq (evl_pa_entailed (net, 0, 2), tc->expected);
  evl_pa_free (net);
}

Test (reason, closure_rejects_a_cycle_and_keeps_the_network)
{
  EvlPaNetwork *net = evl_pa_new (6);
  evl_pa_init_intervals (net, 3);
  cr_assert (evl_pa_add_interval (net, 0, 1, EVL_REL_BEFORE));
  cr_assert (evl_pa_add_interval (net, 1, 2, EVL_REL_BEFORE));
  cr_assert_not (evl_pa_add_interval (net, 2, 0, EVL_REL_BEFORE));
  cr_assert_not (evl_pa_add_interval (net, 0, 2, EVL_REL_SIMULTANEOUS));
  cr_assert_eq (evl_pa_entailed (net, 0, 2), EVL_REL_BEFORE, "unchanged after the failures");
  cr_assert_eq (evl_pa_entailed (net, 2, 1), EVL_REL_AFTER);
  evl_pa_free (net);
}

static void
add_cue (EvlGraph *g, guint from, guint to, EvlRel rel, const char *evidence, float conf)
{
  EvlGraphRelation r = { from, to, rel, evidence, conf };
  cr_assert (evl_graph_add_relation (g, &r));
}

Test (reason, inconsistent_cue_is_dropped_and_reported)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint may = fx_graph_event (g, "SATELLITE_LAUNCH", "2023-05", "2023-05-01", "2023-05-31");
  guint aug = fx_graph_event (g, "SATELLITE_LAUNCH", "2023-08", "2023-08-01", "2023-08-31");
  add_cue (g, aug, may, EVL_REL_BEFORE, "cue: before the launch", 0.8f);
  evl_reason_relate (ctx, g);
  cr_assert_not (has_relation (g, aug, may, EVL_REL_BEFORE, NULL));
  cr_assert (has_relation (g, may, aug, EVL_REL_BEFORE, "dates"));
  cr_assert_eq (evl_graph_n_conflicts (g), 1);
  const EvlGraphConflict *c = evl_graph_get_conflict (g, 0);
  cr_assert_str_eq (c->field, "relation");
  cr_assert (strstr (c->rejected, "cue: before the launch") != NULL);
  cr_assert (g_str_has_prefix (c->chosen, "AFTER"));
}

Test (reason, closure_narrows_an_undated_event)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint may = fx_graph_event (g, "SATELLITE_LAUNCH", "2023-05", "2023-05-01", "2023-05-31");
  guint x = fx_graph_event (g, "SATELLITE_LAUNCH", NULL, NULL, NULL);
  guint y = fx_graph_event (g, "SATELLITE_LAUNCH", NULL, NULL, NULL);
  guint aug = fx_graph_event (g, "SATELLITE_LAUNCH", "2023-08", "2023-08-01", "2023-08-31");
  /* may < x < y < aug, only through the chain */
  add_cue (g, x, may, EVL_REL_AFTER, "cue: after the launch", 0.8f);
  add_cue (g, y, x, EVL_REL_AFTER, "cue: after that", 0.8f);
  add_cue (g, y, aug, EVL_REL_BEFORE, "cue: before the launch", 0.8f);
  evl_reason_relate (ctx, g);
  const EvlGraphEvent *ex = evl_graph_get_event (g, x);
  cr_assert_not (ex->time.known);
  cr_assert_eq (ex->time.earliest, evl_day_from_ymd (2023, 5, 1));
  cr_assert_eq (ex->time.latest, evl_day_from_ymd (2023, 8, 31));
  cr_assert (has_relation (g, x, aug, EVL_REL_BEFORE, "closure"));
  cr_assert_eq (evl_graph_n_conflicts (g), 0);
  g_autoptr (GArray) order = evl_graph_timeline (g);
  guint expect[] = { may, x, y, aug };
  for (guint i = 0; i < 4; i++)
    cr_assert_eq (g_array_index (order, guint, i), expect[i], "timeline position %u", i);
}

Test (reason, relate_is_idempotent)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (EvlGraph) g = evl_graph_new ();
  guint may = fx_graph_event (g, "SATELLITE_LAUNCH", "2023-05", "2023-05-01", "2023-05-31");
  guint x = fx_graph_event (g, "SATELLITE_LAUNCH", NULL, NULL, NULL);
  fx_graph_event (g, "SATELLITE_LAUNCH", "2023-08", "2023-08-01", "2023-08-31");
  add_cue (g, x, may, EVL_REL_AFTER, "cue: after the launch", 0.8f);
  evl_reason_relate (ctx, g);
  guint n = evl_graph_n_relations (g);
  evl_reason_relate (ctx, g);
  cr_assert_eq (evl_graph_n_relations (g), n);
}

/* ---- threads ---- */

typedef struct {
  char type[32];
  char thread[32];
} ThreadCase;

ParameterizedTestParameters (reason, thread_follows_the_story_type)
{
  static ThreadCase cases[] = {
    { "MEETING", "Diplomacy & meetings" },
    { "VISIT", "Diplomacy & meetings" },
    { "MISSILE_LAUNCH", "Missiles & weapons tests" },
    { "WEAPONS_TEST", "Missiles & weapons tests" },
    { "SATELLITE_LAUNCH", "Space launches" },
    { "CONFLICT", "Conflict & attacks" },
    { "ATTACK", "Conflict & attacks" },
    /* Lanes named for any kind of story, not one catch-all. */
    { "ELECTION", "Politics & elections" },
    { "LEGISLATION", "Politics & elections" },
    { "APPOINTMENT", "Politics & elections" },
    { "PROTEST", "Protests & strikes" },
    { "ARREST", "Courts & arrests" },
    { "LEGAL_ACTION", "Courts & arrests" },
    { "EMERGENCY", "Curfews & emergencies" },
    { "ACQUISITION", "Business" },
    { "DISASTER", "Disasters & deaths" },
    { "DEATH", "Disasters & deaths" },
    { "STATEMENT", "Statements" },
    { "OTHER", "Other" },
    { "NO_SUCH_TYPE", "Other" },
  };
  return cr_make_param_array (ThreadCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (ThreadCase *tc, reason, thread_follows_the_story_type)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlGraphEvent e = { 0 };
  e.type = tc->type;
  e.agent = e.patient = e.location = e.source = -1;
  evl_graph_add_event (g, &e);
  evl_reason_assign_threads (ctx, g);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->thread, tc->thread);
  cr_assert_eq (evl_graph_n_threads (g), 1);
  cr_assert_str_eq (evl_graph_get_thread (g, 0), tc->thread);
}

/* The general news types merge as strictly as the catch-all (same trigger
 * and a shared participant): a type and a date alone would join unrelated
 * deaths or arrests of many documents into one event. */
Test (reason, general_news_types_are_loose_and_geopolitical_ones_are_not)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (GHashTable) loose = evl_reason_loose_types (ctx);
  static const char *const yes[] = { "OTHER", "DEATH", "DISASTER", "ARREST", "LEGAL_ACTION", "PROTEST",
                                     "APPOINTMENT", "ACQUISITION", "RELEASE", "LEGISLATION" };
  static const char *const no[] = { "MEETING", "VISIT", "STATEMENT", "MISSILE_LAUNCH", "CONFLICT", "ELECTION" };
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    cr_assert (g_hash_table_contains (loose, yes[i]), "%s should be loose", yes[i]);
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    cr_assert_not (g_hash_table_contains (loose, no[i]), "%s should not be loose", no[i]);
}

/* ---- incremental builds ---- */

Test (reason, update_adds_new_documents_to_a_saved_story)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *a = fx_summit_doc ("a", "Kim met Putin at the Vostochny Cosmodrome on Wednesday.",
                                  "Wednesday", "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY);
  EvlDocument *b = fx_summit_doc ("b", "The recently held meeting between Kim and Putin was historic.",
                                  NULL, NULL, NULL, NULL, 0);
  g_autoptr (EvlGraph) g = build (ctx, &a, 1);
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  cr_assert (evl_graph_save_json (g, mem, NULL));
  g_output_stream_close (mem, NULL, NULL);
  GMemoryOutputStream *ms = G_MEMORY_OUTPUT_STREAM (mem);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlGraph) loaded = evl_graph_load_json_data (g_memory_output_stream_get_data (ms),
                                                          (gssize) g_memory_output_stream_get_data_size (ms),
                                                          &error);
  cr_assert_not_null (loaded, "%s", error ? error->message : "");
  g_autoptr (GPtrArray) more = g_ptr_array_new ();
  g_ptr_array_add (more, a);
  g_ptr_array_add (more, b);
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  cr_assert_eq (evl_reason_update_graph (ctx, loaded, more, &o), 1, "a is already in the story");
  cr_assert_eq (evl_graph_n_documents (loaded), 2);
  cr_assert_eq (evl_graph_n_events (loaded), 1);
  const EvlGraphEvent *e = evl_graph_get_event (loaded, 0);
  cr_assert_eq (e->n_sources, 2);
  cr_assert_str_eq (e->id, "ev1", "existing ids are kept");
  cr_assert_str_eq (e->time.value, "2023-09-13");
  evl_document_unref (a);
  evl_document_unref (b);
}

/* ---- scale ---- */

Test (reason, thousands_of_events_stay_fast, .timeout = 30 * EVL_TIMEOUT_SCALE)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (EvlGraph) g = evl_graph_new ();
  for (guint d = 0; d < 200; d++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "d%u", d);
      EvlGraphDocument doc = { id, NULL, "2023-09-14", "default", NULL, NULL };
      evl_graph_add_document (g, &doc);
    }
  static const char *const types[] = { "MEETING", "STATEMENT", "VISIT", "MISSILE_LAUNCH" };
  for (guint i = 0; i < 4000; i++)
    {
      char value[11];
      EvlDay day = evl_day_from_ymd (2023, 1, 1) + (i * 7919u) % 365;
      guint ev = fx_graph_event (g, types[i % 4], i % 2 ? evl_day_format (day, value) : NULL,
                                 value, value);
      EvlGraphMention m = { i % 200, 0, i, i + 1, "x", "x", NULL, 0, 0, 0, NULL };
      evl_graph_event_add_mention (g, ev, &m);
      if (i % 7 == 0 && i > 0)
        add_cue (g, ev - 1, ev, EVL_REL_BEFORE, "cue: before", 0.8f);
    }
  evl_reason_merge (ctx, g);
  evl_reason_relate (ctx, g);
  cr_assert_gt (evl_graph_n_events (g), 0);
  cr_assert_lt (evl_graph_n_events (g), 4000);
  g_autoptr (GArray) order = evl_graph_timeline (g);
  cr_assert_eq (order->len, evl_graph_n_events (g));
}

/* ---- point algebra against plain path consistency ---- */

/* Reference: the textbook path-consistency fixpoint over a dense matrix,
 * restarted from a copy for every constraint (slow, obviously right). */
enum { REF_N = 12 };

static guint8
ref_compose (guint8 a, guint8 b)
{
  static const guint8 base[3][3] = {
    { EVL_PA_LT, EVL_PA_LT, EVL_PA_ALL },
    { EVL_PA_LT, EVL_PA_EQ, EVL_PA_GT },
    { EVL_PA_ALL, EVL_PA_GT, EVL_PA_GT },
  };
  guint8 r = 0;
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 3; j++)
      if ((a & (1u << i)) && (b & (1u << j)))
        r |= base[i][j];
  return r;
}

static guint8
ref_inverse (guint8 r)
{
  return (guint8) ((r & EVL_PA_EQ) | ((r & EVL_PA_LT) ? EVL_PA_GT : 0)
                   | ((r & EVL_PA_GT) ? EVL_PA_LT : 0));
}

/* Narrows m[i][j] to @rel and closes; FALSE (m unchanged) when empty. */
static gboolean
ref_add (guint8 m[REF_N][REF_N], guint i, guint j, guint8 rel)
{
  guint8 t[REF_N][REF_N];
  memcpy (t, m, sizeof t);
  t[i][j] &= rel;
  t[j][i] = ref_inverse (t[i][j]);
  for (gboolean changed = TRUE; changed;)
    {
      changed = FALSE;
      for (guint a = 0; a < REF_N; a++)
        for (guint b = 0; b < REF_N; b++)
          for (guint c = 0; c < REF_N; c++)
            {
              guint8 r = t[a][c] & ref_compose (t[a][b], t[b][c]);
              if (r == 0)
                return FALSE;
              if (r != t[a][c])
                {
                  t[a][c] = r;
                  t[c][a] = ref_inverse (r);
                  changed = TRUE;
                }
            }
    }
  memcpy (m, t, sizeof t);
  return TRUE;
}

typedef struct {
  guint seed;
  guint n_constraints;
} PaRandomCase;

ParameterizedTestParameters (reason, point_algebra_matches_path_consistency)
{
  static PaRandomCase cases[] = {
    { 1, 6 }, { 2, 12 }, { 3, 20 }, { 4, 30 }, { 5, 40 }, { 6, 60 }, { 7, 80 }, { 8, 120 },
  };
  return cr_make_param_array (PaRandomCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (PaRandomCase *tc, reason, point_algebra_matches_path_consistency)
{
  /* Convex relations only: the algebra never holds '!='. */
  static const guint8 rels[] = {
    EVL_PA_LT, EVL_PA_LT | EVL_PA_EQ, EVL_PA_EQ, EVL_PA_GT | EVL_PA_EQ, EVL_PA_GT, EVL_PA_ALL,
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (tc->seed);
  EvlPaNetwork *net = evl_pa_new (REF_N);
  guint8 m[REF_N][REF_N];
  memset (m, EVL_PA_ALL, sizeof m);
  for (guint i = 0; i < REF_N; i++)
    m[i][i] = EVL_PA_EQ;
  guint n_ok = 0, n_rejected = 0;
  for (guint k = 0; k < tc->n_constraints; k++)
    {
      guint i = (guint) g_rand_int_range (rand, 0, REF_N);
      guint j = (guint) g_rand_int_range (rand, 0, REF_N);
      guint8 rel = rels[g_rand_int_range (rand, 0, G_N_ELEMENTS (rels))];
      /* Every third step is tried and undone, as closure_allows() does. */
      gboolean probe = k % 3 == 2;
      guint mark = evl_pa_mark (net);
      gboolean ok = evl_pa_add (net, i, j, rel);
      if (probe)
        evl_pa_undo (net, mark);
      guint8 before[REF_N][REF_N];
      memcpy (before, m, sizeof m);
      gboolean ref_ok = ref_add (m, i, j, rel);
      if (probe)
        memcpy (m, before, sizeof m);
      cr_assert_eq (ok, ref_ok, "step %u: %u %u rel %u", k, i, j, rel);
      ok ? n_ok++ : n_rejected++;
      for (guint a = 0; a < REF_N; a++)
        for (guint b = 0; b < REF_N; b++)
          cr_assert_eq (evl_pa_get (net, a, b), m[a][b], "step %u: (%u, %u)", k, a, b);
    }
  cr_assert_gt (n_ok, 0);
  if (tc->n_constraints >= 40)
    cr_assert_gt (n_rejected, 0, "long runs must exercise the rejection path");
  evl_pa_free (net);
}

/* ---- entity names fold alike across documents ---- */

typedef struct {
  char a[32], b[32];   /* names (and keys) as two documents write them */
  gboolean merged;
} FoldCase;

ParameterizedTestParameters (reason, entity_names_fold_across_documents)
{
  static FoldCase cases[] = {
    { "Kim Jong-un", "KIM JONG UN", TRUE },
    { "U.N. Security_Council", "un security council", TRUE },
    { "  Pyongyang  ", "pyongyang", TRUE },
    { "\xc3\x89lys\xc3\xa9" "e Palace", "\xc3\xa9LYS\xc3\xa9" "e palace", TRUE },
    { "\xc3\x89lys\xc3\xa9" "e Palace", "Elysee Palace", FALSE },
    { "M\xc3\xbcller", "Muller", FALSE },
    { "Kim Jong Un", "Kim Yo Jong", FALSE },
  };
  return cr_make_param_array (FoldCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (FoldCase *tc, reason, entity_names_fold_across_documents)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  const char *names[2] = { tc->a, tc->b };
  EvlDocument *docs[2];
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s spoke.", names[i]);
      docs[i] = fx_doc (i ? "b" : "a", text, "2023-09-14");
      fx_entity (docs[i], names[i], 0,
                 fx_cluster (docs[i], names[i], names[i], EVL_ENTITY_ORGANIZATION, NULL));
    }
  g_autoptr (EvlGraph) g = build (ctx, docs, 2);
  cr_assert_eq (evl_graph_n_entities (g), tc->merged ? 1u : 2u, "'%s' / '%s'", tc->a, tc->b);
  unref_all (docs, 2);
}

/* A person's middle initial may be left out or a middle name shortened
 * to it, in either order of the articles; a full middle name is never
 * dropped ('Kim Jong Un' is no 'Kim Un'), and two initials differ.  A
 * familiar form of the given name (en/nicknames) or a doubled letter
 * written once is the same person; a form that stands for several names
 * ('Chris') is not. */
Test (reason, person_names_match_across_their_forms)
{
  static const struct {
    const char *a, *b;
    gboolean merged;
  } cases[] = {
    { "James C. Kopp", "James Kopp", TRUE },
    { "James Kopp", "James C. Kopp", TRUE },
    { "James Charles Kopp", "James C. Kopp", TRUE },
    { "James C. Kopp", "James Charles Kopp", TRUE },
    { "Kim Jong Un", "Kim Un", FALSE },
    { "James C. Kopp", "James D. Kopp", FALSE },
    { "James C. Kopp", "Anna Kopp", FALSE },
    { "Chuck Schumer", "Charles Schumer", TRUE },
    { "Charles Schumer", "Chuck Schumer", TRUE },
    { "Barnet Slepian", "Barnett Slepian", TRUE },
    { "Billy Bradley", "Bill Bradley", TRUE },
    { "Steve Hadley", "Stephen Hadley", TRUE },
    { "Jim C. Kopp", "James D. Kopp", FALSE },
    { "Chuck Schumer", "Charles Rangel", FALSE },
    { "Chris Smith", "Christopher Smith", FALSE },
  };
  g_autoptr (EvlContext) ctx = fx_context ();
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *names[2] = { cases[c].a, cases[c].b };
      EvlDocument *docs[2];
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *text = g_strdup_printf ("%s spoke.", names[i]);
          docs[i] = fx_doc (i ? "b" : "a", text, "2023-09-14");
          fx_entity (docs[i], names[i], 0, fx_cluster (docs[i], names[i], names[i], EVL_ENTITY_PERSON, NULL));
        }
      g_autoptr (EvlGraph) g = build (ctx, docs, 2);
      cr_expect_eq (evl_graph_n_entities (g), cases[c].merged ? 1u : 2u, "'%s' / '%s'", cases[c].a, cases[c].b);
      unref_all (docs, 2);
    }
}

/* ---- cue phrases written in several ways ---- */

typedef struct {
  char cue[40];        /* written before "the meeting, ..." */
  int rel;             /* launch REL meeting, -1: no cue relation */
  char evidence[64];
} CueCase;

ParameterizedTestParameters (reason, cue_phrases_relate_the_launch_to_the_meeting)
{
  static CueCase cases[] = {
    { "Hours before", EVL_REL_BEFORE, "cue: hours before the meeting" },
    { "HOURS  BEFORE", EVL_REL_BEFORE, "cue: hours before the meeting" },
    { "In the wake of", EVL_REL_AFTER, "cue: in the wake of the meeting" },
    { "In the run-up to", EVL_REL_BEFORE, "cue: in the run-up to the meeting" },
    { "Amid", EVL_REL_IS_INCLUDED, "cue: amid the meeting" },
    { "Shortly after", EVL_REL_AFTER, "cue: shortly after the meeting" },
    { "Outside", -1, "" },
    { "In the wake", -1, "" },
  };
  return cr_make_param_array (CueCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (CueCase *tc, reason, cue_phrases_relate_the_launch_to_the_meeting)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autofree char *text = g_strdup_printf ("%s the meeting, North Korea launched two missiles.",
                                           tc->cue);
  EvlDocument *d = fx_doc ("m", text, "2023-09-14");
  FxEvent meet = FX_EVENT ("MEETING", "meeting");
  fx_event (d, "meeting", 0, &meet);
  FxEvent f = FX_EVENT ("MISSILE_LAUNCH", "launch");
  f.tense = "PAST";
  fx_event (d, "launched", 0, &f);
  g_autoptr (EvlGraph) g = evl_graph_new ();
  evl_reason_add_document (ctx, g, d, NULL);
  cr_assert_eq (evl_graph_n_events (g), 2);
  guint cues = 0;
  for (guint i = 0; i < evl_graph_n_relations (g); i++)
    cues += g_str_has_prefix (evl_graph_get_relation (g, i)->evidence, "cue");
  if (tc->rel < 0)
    cr_assert_eq (cues, 0, "'%s' is no cue", tc->cue);
  else
    {
      cr_assert_eq (cues, 1, "'%s'", tc->cue);
      const EvlGraphRelation *r = evl_graph_get_relation (g, 0);
      cr_assert_eq (r->from, 1);
      cr_assert_eq (r->to, 0);
      cr_assert_eq (r->rel, (EvlRel) tc->rel, "'%s'", tc->cue);
      cr_assert_str_eq (r->evidence, tc->evidence);
    }
  evl_document_unref (d);
}

/* ---- the merged date counts supporting documents ---- */

typedef struct {
  char dates[4][11];   /* one summit document per non-empty date */
  char chosen[11];
  char detail[48];     /* prefix of the first conflict's detail, "" none */
} VoteCase;

ParameterizedTestParameters (reason, merged_date_counts_supporting_documents)
{
  static VoteCase cases[] = {
    { { "2023-09-12", "2023-09-13", "2023-09-13" }, "2023-09-13",
      "2 of 3 dated sources agree with 2023-09-13" },
    /* A tie keeps the first best. */
    { { "2023-09-13", "2023-09-12", "2023-09-12", "2023-09-13" }, "2023-09-13",
      "2 of 4 dated sources agree with 2023-09-13" },
    { { "2023-09-13", "2023-09-13", "2023-09-13", "2023-09-12" }, "2023-09-13",
      "3 of 4 dated sources agree with 2023-09-13" },
    { { "2023-09-13", "2023-09-13" }, "2023-09-13", "" },
  };
  return cr_make_param_array (VoteCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (VoteCase *tc, reason, merged_date_counts_supporting_documents)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[4];
  guint n = 0;
  for (; n < 4 && tc->dates[n][0]; n++)
    {
      char id[2] = { (char) ('a' + n), 0 };
      docs[n] = fx_summit_doc (id, SUMMIT_AT, "WHEN", tc->dates[n], tc->dates[n], tc->dates[n],
                               EVL_GRAIN_DAY);
    }
  g_autoptr (EvlGraph) g = build (ctx, docs, n);
  cr_assert_eq (evl_graph_n_events (g), 1);
  cr_assert_str_eq (evl_graph_get_event (g, 0)->time.value, tc->chosen);
  if (tc->detail[0] == '\0')
    cr_assert_eq (evl_graph_n_conflicts (g), 0);
  else
    {
      cr_assert_gt (evl_graph_n_conflicts (g), 0);
      const char *detail = evl_graph_get_conflict (g, 0)->detail;
      cr_assert (g_str_has_prefix (detail, tc->detail), "'%s'", detail);
    }
  unref_all (docs, n);
}

/* ---- undated talks across articles: shared names, not chains ---- */

/* A mention of @name (the cluster keyed by its lowercase form, so that
 * articles share it) at its first occurrence in @doc. */
static gint32
talks_name (EvlDocument *doc, const char *name, EvlEntityType type)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  gint32 c = fx_cluster (doc, evl_document_intern (doc, name, -1),
                         evl_document_intern (doc, key, -1), type, NULL);
  return fx_entity (doc, name, 0, c);
}

/* An article of @dct telling one undated MEETING at @trigger ('met', 'will
 * meet': a verb; 'summit': a noun) of @agent (a person or NULL) with @with
 * (a person, or an organisation when @with_org; NULL: nobody) at @place
 * (NULL: nowhere). */
static EvlDocument *
talks_doc (const char *id, const char *dct, const char *text, const char *trigger,
           const char *lemma, const char *tense, const char *agent, const char *with,
           gboolean with_org, const char *place)
{
  EvlDocument *d = fx_doc (id, text, dct);
  FxEvent f = FX_EVENT ("MEETING", lemma);
  f.tense = tense;
  if (agent)
    f.agent = talks_name (d, agent, EVL_ENTITY_PERSON);
  if (with)
    f.participant = talks_name (d, with, with_org ? EVL_ENTITY_ORGANIZATION : EVL_ENTITY_PERSON);
  if (place)
    f.location = talks_name (d, place, EVL_ENTITY_LOCATION);
  fx_event (d, trigger, 0, &f);
  return d;
}

/* The MEETING events' source counts, largest first, in @n (at most 4). */
static guint
meeting_sources (const EvlGraph *g, guint *n)
{
  g_autoptr (GArray) a = evl_graph_events_of_type (g, "MEETING");
  for (guint i = 0; i < a->len && i < 4; i++)
    n[i] = evl_graph_get_event (g, g_array_index (a, guint, i))->n_sources;
  for (guint i = 0; i < a->len && i < 4; i++)
    for (guint j = i + 1; j < a->len && j < 4; j++)
      if (n[j] > n[i])
        {
          guint t = n[i];
          n[i] = n[j];
          n[j] = t;
        }
  return a->len;
}

/* B shares two names with A and C two with B, but C only the city with
 * A: undated, C is not A's meeting because B is, whatever B's names. */
Test (reason, undated_talks_do_not_chain_through_a_middle_article)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[] = {
    talks_doc ("a", "2025-04-01",
               "Netanyahu met Clinton in Washington to discuss the settlement dispute.", "met",
               "meet", "PAST", "Netanyahu", "Clinton", FALSE, "Washington"),
    talks_doc ("b", "2025-04-01", "Clinton met NATO envoys in Washington about enlargement plans.",
               "met", "meet", "PAST", "Clinton", "NATO", TRUE, "Washington"),
    talks_doc ("c", "2025-04-09",
               "NATO envoys met in Washington ahead of a ministerial session on Bosnia.", "met",
               "meet", "PAST", NULL, "NATO", TRUE, "Washington"),
  };
  g_autoptr (EvlGraph) g = build (ctx, docs, 3);
  guint n[4] = { 0 };
  guint k = meeting_sources (g, n);
  cr_assert_eq (k, 2u, "A and B are one meeting, C another: %u (%u %u %u)", k, n[0], n[1],
                n[2]);
  cr_assert_eq (n[0], 2u);
  cr_assert_eq (n[1], 1u);
  unref_all (docs, 3);
}

/* In a collection where a tenth of the articles name the United States,
 * sharing it is half a name: 'Clinton will hold talks in the United
 * States' is not the Hashimoto-Clinton summit there, while another
 * report naming both leaders is. */
Test (reason, a_name_many_articles_carry_counts_half)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  enum { FILLERS = 16, N = FILLERS + 3 };
  EvlDocument *docs[N];
  for (guint i = 0; i < FILLERS; i++)
    {
      g_autofree char *id = g_strdup_printf ("f%u", i);
      docs[i] = fx_doc (id, "The United States said it would act.", "2025-03-01");
      FxEvent f = FX_EVENT ("STATEMENT", "say");
      f.tense = "PAST";
      f.agent = talks_name (docs[i], "United States", EVL_ENTITY_LOCATION);
      fx_event (docs[i], "said", 0, &f);
    }
  docs[FILLERS] =
    talks_doc ("a", "2025-04-01",
               "Hashimoto will hold a summit with Clinton in the United States on trade frictions.",
               "summit", "summit", NULL, "Hashimoto", "Clinton", FALSE, "United States");
  docs[FILLERS + 1] =
    talks_doc ("b", "2025-04-02", "Clinton will meet Hashimoto at the White House over food aid.",
               "meet", "meet", "FUTURE", "Clinton", "Hashimoto", FALSE, "White House");
  docs[FILLERS + 2] =
    talks_doc ("c", "2025-04-10",
               "Clinton is to receive envoys for talks in the United States over missile exports.",
               "talks", "talks", NULL, "Clinton", NULL, FALSE, "United States");
  g_autoptr (EvlGraph) g = build (ctx, docs, N);
  guint n[4] = { 0 };
  guint k = meeting_sources (g, n);
  cr_assert_eq (k, 2u, "the summit (two reports) and the talks: %u (%u %u %u)", k, n[0], n[1],
                n[2]);
  cr_assert_eq (n[0], 2u);
  cr_assert_eq (n[1], 1u);
  unref_all (docs, N);
}

/* ---- summaries of whole annotated sentences ---- */

/* A sentence through the whole pipeline (segmentation, timexes,
 * entities, events, story arguments) into a graph of every mention: the
 * summary of the event whose first mention's trigger is @trigger. */
typedef struct {
  char text[200];
  char trigger[16];
  char expected[80];
} PipelineSummaryCase;

/* The story graph of @text, one document written on 1998-08-08, every
 * event kept. */
static EvlGraph *
pipeline_graph (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  EvlDocument *doc = evl_document_new ("p", text, -1, &error);
  cr_assert_not_null (doc, "%s", error ? error->message : "");
  evl_document_set_dct (doc, "1998-08-08", EVL_DCT_METADATA);
  evl_pipeline_annotate (ctx, doc);
  g_autoptr (GPtrArray) arr = g_ptr_array_new ();
  g_ptr_array_add (arr, doc);
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  o.all_events = TRUE;
  EvlGraph *g = evl_reason_build_graph (ctx, arr, &o);
  evl_document_unref (doc);
  return g;
}

/* The first event of @g with a mention written @trigger (a noun and its
 * verb may be one card: 'an earthquake struck'). */
static const EvlGraphEvent *
event_told_by (const EvlGraph *g, const char *trigger)
{
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, i);
      for (guint m = 0; m < e->mentions->len; m++)
        if (g_strcmp0 (g_array_index (e->mentions, EvlGraphMention, m).text, trigger) == 0)
          return e;
    }
  return NULL;
}

static char *
pipeline_summary (const char *text, const char *trigger)
{
  g_autoptr (EvlGraph) g = pipeline_graph (text);
  const EvlGraphEvent *e = event_told_by (g, trigger);
  return e ? g_strdup (e->summary) : NULL;
}

/* Asserts that a mention written @text tells an event of @g and that
 * no card with such a mention is dated @day. */
static void
assert_mention_not_on (const EvlGraph *g, const char *text, EvlDay day)
{
  gboolean seen = FALSE;
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, i);
      for (guint m = 0; m < e->mentions->len; m++)
        if (g_strcmp0 (g_array_index (e->mentions, EvlGraphMention, m).text, text) == 0)
          {
            seen = TRUE;
            cr_assert (!(e->time.known && e->time.begin == day), "'%s' (%s) is dated %u", text, e->summary, day);
          }
    }
  cr_assert (seen, "'%s' tells an event", text);
}

/* A date after a statement's object that the article told of before is
 * the statement's: the missile test condemned on Friday (7 August 1998)
 * was fired on Thursday, and no card of it is dated Friday. */
Test (reason, a_condemned_test_keeps_its_own_date)
{
  g_autoptr (EvlGraph) g = pipeline_graph ("Iran test-fired a new ballistic missile on Thursday. "
                                           "The United States condemned the test on Friday.");
  EvlDay fri = evl_day_from_ymd (1998, 8, 7);
  assert_mention_not_on (g, "test", fri);
  const EvlGraphEvent *c = event_told_by (g, "condemned");
  cr_assert (c && c->time.known && c->time.begin == fri, "the condemnation is on Friday");
}

/* What a verb ends was under way before the ending: a strike ended on
 * Tuesday (4 August 1998) or Thursday is not dated then, whatever the
 * verb's form. */
Test (reason, an_ended_strike_is_not_dated_by_its_ending)
{
  static const struct {
    const char *text;
    guint day;
  } cases[] = {
    { "The two sides reached a deal on Tuesday to end a nine-day strike.", 4 },
    { "The drivers went back on Thursday, ending the strike.", 6 },
    { "On Tuesday the union halted the strike.", 4 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlGraph) g = pipeline_graph (cases[i].text);
      assert_mention_not_on (g, "strike", evl_day_from_ymd (1998, 8, cases[i].day));
    }
}

/* A definite noun whose own verb of beginning dates it keeps that date,
 * not that of an earlier telling of its word: 'the strike' began on
 * Tuesday, not on the Thursday (6 August 1998) a deal was struck. */
Test (reason, a_strike_that_began_keeps_its_own_date)
{
  EvlDay thu = evl_day_from_ymd (1998, 8, 6);
  g_autoptr (EvlGraph) had = pipeline_graph ("The union and the railway struck a deal on Thursday.\n"
                                             "The strike had begun on Tuesday.");
  assert_mention_not_on (had, "strike", thu);
  g_autoptr (EvlGraph) began = pipeline_graph ("The union and the railway struck a deal on Thursday.\n"
                                               "The strike began on Tuesday.");
  assert_mention_not_on (began, "strike", thu);
}

/* A headline's present is the news's past: it takes no date of the
 * article's own (8 August 1998 here), which would put the eruption a
 * day after the one the story tells. */
Test (reason, a_headline_present_is_not_the_article_day)
{
  g_autoptr (EvlGraph) g = pipeline_graph ("Volcano erupts on the island of Heimaey\n\n"
                                           "A volcano on the island erupted late on Thursday, officials said.");
  assert_mention_not_on (g, "erupts", evl_day_from_ymd (1998, 8, 8));
}

/* The pipeline's summary of @tc's trigger is the expected one. */
static void
expect_summary (const PipelineSummaryCase *tc)
{
  g_autofree char *got = pipeline_summary (tc->text, tc->trigger);
  cr_assert_not_null (got, "no event '%s' in: %s", tc->trigger, tc->text);
  cr_expect_str_eq (got, tc->expected, "%s: %s", tc->text, got);
}

/* An '-ing' participle inside a longer noun phrase ('the April 26 truce
 * agreement ending the offensive') makes no subject of the noun before
 * it: the phrase's own subject stands further back. */
Test (reason, a_participle_inside_a_phrase_lends_no_subject)
{
  g_autofree char *got = pipeline_summary ("A monitoring committee set up under the April 26 truce agreement "
                                           "ending the offensive met 14 times.", "met");
  cr_assert_not_null (got);
  cr_assert (!g_str_has_prefix (got, "Truce agreement"), "%s", got);
}

ParameterizedTestParameters (reason, summary_of_an_annotated_sentence)
{
  static PipelineSummaryCase cases[] = {
    /* a second verb shares the first's subject; names in a prepositional
     * phrase ('in Ghana and Togo') are no subject */
    { "The Security Council condemned the floods in Ghana and Togo on Monday and called on all donors to help.",
      "called", "UN Security Council calls on all donors" },
    { "The bombings at the hotels in Ghana and Togo have killed more than 40 people.", "killed",
      "Bombings kill more than 40 people" },
    /* names joined to the patient are patients, not the subject */
    { "Officials urged travellers to take care when visiting Ghana and Togo.", "visiting",
      "Visiting Ghana and Togo" },
    /* a count's words stay in the subject; an adverb in the verb group
     * is no subject */
    { "At least four people were killed in the fire.", "killed", "At least four people killed in the fire" },
    { "More than 30 people have died in the floods.", "died", "More than 30 people die in the floods" },
    { "Six people were also killed in the crash.", "killed", "Six people killed in the crash" },
    /* a sentence adverb between commas, or an appositive after a count,
     * stands between the subject and its verb */
    { "An Indian government spokesman, however, denied the report.", "denied",
      "Indian government spokesman denies the report" },
    { "The company, for its part, has warned of losses.", "warned", "Company warns of losses" },
    { "One hostage, a judge, died of a heart attack.", "died", "One hostage dies of a heart attack" },
    /* a name set off after a common noun's description is the subject */
    { "The company's chairman, Joost Verhaar, resigned on Monday.", "resigned", "Joost Verhaar resigns" },
    { "The report by the paper in Hammond, Indiana, said prices rose.", "said", "Saying prices rose" },
    /* the subject of a reported clause stops at the reporting verb; a
     * relative with its preposition opens the clause of its subject */
    { "The channel said two people died in the accident.", "died", "Two people die in the accident" },
    { "It was a fire in which three Turkish people died.", "died", "Three Turkish people die" },
    /* a name between an article and its noun is no object: the noun is */
    { "Russia vetoed a U.N. resolution last week.", "vetoed", "Russia vetoes a U.N. resolution" },
    { "The ministers signed the NATO treaty on Monday.", "signed", "Ministers sign the NATO treaty" },
    /* a capitalised modifier stays with its noun */
    { "Inspectors arrived at the end of the Gulf war.", "war", "Gulf war" },
    { "Relations stayed dormant during the Arab-Israeli conflict.", "conflict", "Arab-Israeli conflict" },
    /* a noun with no argument reads with its complement */
    { "The attack on the convoy was condemned.", "attack", "Attack on the convoy" },
    { "The sale of military helicopters was approved.", "sale", "Sale of military helicopters" },
    { "An embargo for the third year hurt exports.", "embargo", "Embargo" },
    /* a count before 'of' heads the subject, and makes it plural */
    { "More than 600 of the refugees died of diseases.", "died", "More than 600 of the refugees die of diseases" },
    { "Seventeen of the victims died instantly.", "died", "Seventeen of the victims die" },
    { "Power was fully restored on Tuesday.", "restored", "Power restored" },
    /* ... but a noun in '-ly' is the subject's head */
    { "Members of the family voted.", "voted", "Members of the family vote" },
    { "The national assembly voted on Monday.", "voted", "National assembly votes" },
    { "Dozens of people were killed in the fire.", "killed", "Dozens of people killed in the fire" },
    /* a gapped passive: 'and 40 (were) injured' */
    { "Six people were killed and at least 40 injured in the crash.", "injured", "At least 40 injured in the crash" },
    /* a time before a relative's noun is no part of the subject */
    { "Ghana condemned Monday the floods which destroyed hundreds of homes.", "destroyed",
      "Floods destroy hundreds of homes" },
    /* an '-es' verb whose learnt lemma lost its 'e' */
    { "Ghana deplored the attack.", "deplored", "Ghana deplores the attack" },
    /* a verb's complement keeps the preposition it takes */
    { "After meeting with local police leaders, the envoy left.", "meeting", "Meeting with local police leaders" },
    /* a finite verb ends a place phrase: 'since a storm hit' is a clause */
    { "More than 30 people have died since a storm hit the coast.", "died", "More than 30 people die" },
    /* a reduced relative's noun is its passive subject */
    { "Relatives awaited news of the 12 miners killed in the blast.", "killed", "12 miners killed in the blast" },
    /* a place naming a noun's kind ('the Lisbon bureau chief') is no subject */
    { "Officials denied that the Lisbon bureau chief had resigned.", "resigned", "Lisbon bureau chief resigns" },
    /* an untensed '-ing' opening a participle clause with an object;
     * one that counts casualties reads as a headline's passive, without
     * a second participle joined to it */
    { "Two bombs exploded in the capital on Friday, killing dozens of people.", "killing",
      "Dozens of people killed" },
    { "A magnitude 6.8 earthquake struck central Chile late on Sunday, killing at least 12 people.", "killing",
      "At least 12 people killed" },
    { "A building collapsed in the capital, killing two workers and injuring three others.", "killing",
      "Two workers killed" },
    { "Rebels attacked the town, killing the mayor.", "killing", "Killing the mayor" },
    { "A jet crashed on Sunday, killing all 62 people on board.", "killing", "All 62 people killed" },
    /* ... and so does a 'that' clause telling a happening's toll */
    { "The crash in March that killed 62 people was caused by pilot error.", "killed", "62 people killed" },
    /* a reduced relative's participle and 'by' phrase in the subject */
    { "A passenger plane operated by Northwind Air crashed on Sunday.", "crashed",
      "Passenger plane operated by Northwind Air crashes" },
    /* ... and an '-ing' one's with its object */
    { "A passenger plane carrying 112 people crashed on Sunday.", "crashed",
      "Passenger plane carrying 112 people crashes" },
    { "A rocket carrying a communications satellite exploded on Wednesday.", "exploded",
      "Rocket carrying a communications satellite explodes" },
    /* a rounding word whose count is a time is no object */
    { "The rocket exploded about 90 seconds after liftoff.", "exploded", "Rocket explodes" },
    /* a 'whose' clause's subject belongs to the name before it */
    { "Relatives spoke to Ana Lima, whose brother died in the crash.", "died",
      "Ana Lima's brother dies in the crash" },
    /* ... and lends no subject to a verb after the clause closes */
    { "The son of Lumumba, whose murder sparked outrage, lives in Kinshasa and plans to return.", "plans",
      "Plan" },
    /* a scale word keeps its amount */
    { "Regulators looked into Acme's planned $4 billion purchase of the bank.", "purchase",
      "$4 billion purchase" },
    /* ... as does a currency's name after an amount */
    { "Regulators looked into the 2.5 billion euro acquisition of the bank.", "acquisition",
      "2.5 billion euro acquisition" },
    { "Regulators looked into a billion dollar acquisition of the bank.", "acquisition",
      "Billion dollar acquisition" },
    /* an adverb after the verb is no object */
    { "The plane crashed shortly after take-off.", "crashed", "Plane crashes" },
    /* a date and its preposition between subject and verb, with 'late' */
    { "Investigators late on Tuesday recovered both recorders.", "recovered",
      "Investigators recover both recorders" },
    /* a relative clause between commas: its antecedent is its subject
     * and the main verb's, from its determiner; never a preposition's
     * bare object */
    { "The storm, which made landfall on Friday, left 12 people dead.", "made", "Storm makes landfall" },
    { "The storm, which made landfall on Friday, left 12 people dead.", "left", "Storm leaves 12 people dead" },
    { "Officials hope to bring together the two leaders, who have not met since May.", "met",
      "Two leaders meet" },
    { "A synod on Tuvalu, which met in May, ended.", "met", "Meet" },
    /* a relative clause's object is no subject of the main verb */
    { "Three doctors who perform surgery were shot in 1995.", "shot", "Three doctors shot" },
    { "Two men who ran the shop were arrested on Monday.", "arrested", "Two men arrested" },
    /* a preposition of three words keeps its complement */
    { "A man was arrested in connection with the fire on Friday.", "arrested",
      "Man arrested in connection with the fire" },
    /* a town's state between commas stays inside the object */
    { "A sniper killed a Rochester, N.Y., dentist on Friday.", "killed", "Sniper kills a Rochester, N.Y., dentist" },
    /* 'with' after a passive is an instrument, no complement */
    { "The guard was struck with a hammer.", "struck", "Guard struck with a hammer" },
    /* a noun in '-ing' is its own head, not its verb's lemma; headlines
     * drop a determiner or possessive */
    { "Police said the man fled after the shooting.", "shooting", "Shooting" },
    { "He faces charges in the sniper shooting of Barnett Smith.", "shooting", "Sniper shooting of Barnett Smith" },
    { "The attack in Geneva killed two guards.", "attack", "Attack in Geneva" },
    { "Their killing of John Smith shocked the town.", "killing", "Killing of John Smith" },
    /* 'they' of a clause a saying reports is the sayers */
    { "Federal officials said Wednesday that they had concluded that the man fired.", "concluded",
      "Federal officials conclude" },
    /* a passive whose subject names no one reads as a headline */
    { "They were killed in the fire.", "killed", "Killed in the fire" },
    { "Police said they were attacked by the crowd.", "attacked", "Attacked by the crowd" },
    { "He was taken prisoner on Monday.", "taken", "Taken prisoner" },
    { "It is currently being held in a secret location.", "held", "Held in a secret location" },
    /* a hedge inside a passive's verb group */
    { "Two men were reported killed in the fire.", "killed", "Two men killed in the fire" },
    { "They were feared killed in the fire.", "killed", "Killed in the fire" },
    /* a saying's clause has its own subject, 'that' or not */
    { "Police said the sniper shot the doctor on Friday.", "shot", "Sniper shoots the doctor" },
    /* a participle that is the bare form is a passive all the same, and
     * a named subject's passive keeps its agent's 'by' */
    { "Chile was hit by a strong earthquake.", "hit", "Chile hit by a strong earthquake" },
    { "Tom Becker was arrested by police on Monday.", "arrested", "Tom Becker arrested by police" },
    /* a time's possessive inside the subject ('from Sunday's earthquake')
     * neither opens it nor ends its walk */
    { "The death toll from Sunday's earthquake in central Chile rose to 15 on Tuesday.", "rose",
      "Death toll rises to 15" },
    /* ... nor does a place's preposition after a noun of it */
    { "The death toll from Sunday's plane crash near Almora rose to 67 on Monday.", "rose",
      "Death toll rises to 67" },
    { "Last week's storm destroyed 30 homes.", "destroyed", "Storm destroys 30 homes" },
    /* a quantity's possessive is a determiner the headline drops */
    { "Thousands of her supporters celebrated in the capital overnight.", "celebrated",
      "Thousands of supporters celebrate in the capital" },
    { "Thousands of his supporters were arrested.", "arrested", "Thousands of supporters arrested" },
    /* a passive's particle that no noun phrase follows is a phrasal
     * verb's, whatever the lexicon says; a progressive's is not */
    { "Anna Novak will be sworn in on Dec. 1.", "sworn", "Anna Novak sworn in" },
    { "The site was shut down on Thursday.", "shut", "Site shut down" },
    { "The man was killed in the blast.", "killed", "Man killed in the blast" },
    { "Under the agreement, wages will rise 6 percent in March.", "rise", "Wages rise 6 percent" },
    { "The Formula One race at Imola, scheduled for Sunday, was cancelled on Wednesday.", "cancelled",
      "Formula One race at Imola cancelled" },
    /* an appositive between commas before the verb: the subject stands
     * before it, from its article or as a name; not for a participle
     * clause after the main verb */
    { "Novak, a former judge, will be sworn in on Dec. 1.", "sworn", "Novak sworn in" },
    { "The cards, issued to foreign firms, identify a limited list of fees.", "identify",
      "Cards identify a limited list of fees" },
    { "Hanbo, the country's largest conglomerate, collapsed in January, leading to allegations of fraud.",
      "collapsed", "Hanbo collapses" },
    /* 'late' before a time is no part of the object */
    { "A magnitude 6.8 earthquake struck central Chile late on Sunday.", "struck",
      "Magnitude 6.8 earthquake strikes central Chile" },
    /* a passive subject's 'between' phrase tells of its head, whose
     * nouns are no subject */
    { "The ceasefire between the army and the rebels was violated on Thursday.", "violated",
      "Ceasefire violated" },
    { "The border between the two countries was closed on Thursday.", "closed", "Border closed" },
    /* a frequency adverb before the verb is no head: the subject's
     * number stands */
    { "The emissaries twice failed to show up.", "failed", "Emissaries fail to show up" },
    /* a participle with its time before the clause's verb is a reduced
     * relative, a passive; a free relative's 'what' is no noun there */
    { "Evidence produced Tuesday showed that the minister lied.", "produced", "Evidence produced" },
    { "\"What happened today shows that the talks failed,\" he said.", "happened", "Happen" },
    /* an active subject's 'to' and 'between' phrases are its own; an
     * infinitive's 'to' is not */
    { "The envoy to the talks returned to Washington on Saturday.", "returned",
      "Envoy to the talks returns to Washington" },
    { "Fresh violence between rival parties erupted in four towns on Sunday.", "erupted",
      "Fresh violence between rival parties erupts in four towns" },
    { "Exports to the EU rose 2.5 percent in March.", "rose", "Exports to the EU rise 2.5 percent" },
    { "The government wants all parties to stop fighting.", "stop", "All parties stop fighting" },
    /* 'no one' keeps its 'no' */
    { "No one was killed in the blast on Friday.", "killed", "No one killed in the blast" },
    { "No one died in the blast on Friday.", "died", "No one dies in the blast" },
  };
  return cr_make_param_array (PipelineSummaryCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PipelineSummaryCase *tc, reason, summary_of_an_annotated_sentence)
{
  expect_summary (tc);
}

/* ---- summaries: second round (control, possessors, phrase ends) ---- */

ParameterizedTestParameters (reason, summary_of_controlled_and_possessed_events)
{
  static PipelineSummaryCase cases[] = {
    /* the possessor of a noun of something done to someone undergoes
     * it; of something done, it does it */
    { "Kofi Mensah's arrest in Accra angered his supporters.", "arrest", "Arrest of Kofi Mensah in Accra" },
    { "Kofi Mensah's extradition from Togo was refused.", "extradition", "Extradition of Kofi Mensah" },
    { "Kofi Mensah's visit was cancelled.", "visit", "Visit by Kofi Mensah" },
    /* an object-control verb's object is its infinitive's subject, not
     * its own subject */
    { "The Security Council called on all donors to help the refugees.", "help", "All donors help the refugees" },
    { "The court ordered the ministry to release the prisoners.", "release", "Ministry releases the prisoners" },
    { "The union urged Ghana to sign the treaty.", "sign", "Ghana signs the treaty" },
    /* a subject in another clause before the infinitive's noun phrase */
    { "Mensah said he wants British diplomats based in Accra to meet with his lawyer.", "meet",
      "Meeting with his lawyer" },
    /* 'next to' opens another phrase */
    { "Ten people were hurt in the blast next to the station.", "hurt", "Ten people hurt in the blast" },
    /* a noun's preposition reaches its patient past a title */
    { "The envoy left on Friday after talks with Ghanaian Foreign Minister Kofi Mensah.", "talks",
      "Talks with Kofi Mensah" },
    /* ... and a verb's, bar a meeting's 'with' */
    { "Kofi Mensah fled to Togo in May.", "fled", "Kofi Mensah flees to Togo" },
    /* a name joined to the patient by 'and' and a title is a patient */
    { "Kofi Mensah will meet with President John Kufuor and Premier Ama Boateng.", "meet",
      "Kofi Mensah meets John Kufuor and Ama Boateng" },
    /* 'did' is an auxiliary, not the subject ('family', a noun in '-ly', is); an '-ing' clause on the object
     * is cut */
    { "Officials said the family did not sign a paper promising to leave.", "sign", "Family signs a paper" },
    /* the verb's preposition reaches its patient past an ordinal */
    { "They appealed to the 11th Circuit Court of Appeals.", "appealed",
      "Appealing to Circuit Court of Appeals" },
    /* a participle opening its sentence with a 'by' is a passive: the
     * 'by' names its agent */
    { "Met in Accra by President Kofi Mensah, the envoy praised the talks.", "Met", "Kofi Mensah meets in Accra" },
    /* the name before a non-restrictive 'who' acts in its clause */
    { "Officials mourned Kofi Mensah, 70, who died on Monday.", "died", "Kofi Mensah dies" },
    /* a clause a finite verb takes as its object opens at its subject */
    { "Officials said at least five miners had died in the flood.", "died", "At least five miners die in the flood" },
    /* a time word after a determiner belongs to the object */
    { "Kofi Mensah dismissed the current parliament.", "dismissed", "Kofi Mensah dismisses the current parliament" },
    /* an 'and' between two modifiers stays inside the object */
    { "The alliance invited the two northern and southern African states to join.", "invited",
      "Alliance invites the two northern and southern African states to join" },
    /* a verb with an object after it ends a phrase after a common noun */
    { "The police supported by helicopters searched the forest.", "supported", "Police supported by helicopters" },
    /* a participle keeps the complement of its verb ('of', 'for') */
    { "He was convicted of murder in 1998.", "convicted", "Convicted of murder" },
    { "Police said he was wanted for questioning.", "wanted", "Wanted for questioning" },
    /* a pronoun subject the entities resolved names its verb's subject */
    { "Kofi Mensah was shot on Friday as he stood in his kitchen.", "stood", "Kofi Mensah stands in his kitchen" },
    /* the pronoun opening a reported clause is no patient of the saying */
    { "Kofi Mensah said he did not know the man.", "said", "Kofi Mensah says" },
    { "Kofi Mensah assured the envoy he would help.", "assured", "Kofi Mensah assures the envoy" },
    /* 'I' is a pronoun, no name */
    { "I think the talks will fail.", "think", "Thinking the talks" },
    /* a verb stressed on its last syllable doubles its consonant */
    { "The plan is to transfer the contracts.", "transfer", "Transferring the contracts" },
    /* a modal is an auxiliary: the subject stands before it */
    { "Officials said the ministry will transfer the contracts.", "transfer", "Ministry transfers the contracts" },
    /* a pronoun is no relative's antecedent */
    { "It is a script about itself that could become a movie soon.", "become", "Becoming a movie soon" },
    /* a verb after 'and' shares the subject of the verb before */
    { "The army sent in reinforcements and imposed a curfew on the town.", "imposed", "Army imposes a curfew" },
    /* a reduced relative with its complement reads as a participle */
    { "He was quoted as saying food intended for village children was being sold.", "intended",
      "Intended for village children" },
  };
  return cr_make_param_array (PipelineSummaryCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PipelineSummaryCase *tc, reason, summary_of_controlled_and_possessed_events)
{
  expect_summary (tc);
}

/* ---- summaries: third round (relative clauses, particles) ---- */

ParameterizedTestParameters (reason, summary_past_a_relative_clause)
{
  static PipelineSummaryCase cases[] = {
    /* a restrictive relative clause on the subject: its object, a name
     * or a noun, is no subject of the verb after the clause */
    { "The number of victims of the flood that hit northern Ghana rose to 30 on Friday.", "rose",
      "Number of victims of the flood rises to 30" },
    { "The driver who hit the cyclist was arrested on Monday.", "arrested", "Driver arrested" },
    { "The clerk who helped Kofi Mensah hide the money was jailed.", "jailed", "Clerk jailed" },
    { "The nurse who treated the boy testified on Monday.", "testified", "Nurse testifies" },
    /* a measure's number inside a relative's antecedent */
    { "Hundreds were hurt in the magnitude 7.2 earthquake, which struck on Monday.", "struck",
      "Magnitude 7.2 earthquake strikes" },
    /* a particle that opens no time keeps its phrase before 'the' */
    { "Chief executive Kofi Mensah stepped down the same day.", "stepped", "Kofi Mensah steps down" },
    /* a name after a word that is a preposition and a subordinator,
     * right before a finite verb, is its subject; an infinitive the verb
     * takes shares it */
    { "The court freed Kofi Mensah after Ghana agreed to pay a fine.", "pay", "Ghana pays a fine" },
    { "Turkey moved troops to the border as Ghana closed its ports.", "closed", "Ghana closes its ports" },
    /* a passive's predicate adjective is the news */
    { "Kofi Mensah was found guilty on three counts of fraud.", "found", "Kofi Mensah found guilty on three counts" },
    /* ... and so is an active verdict's, after the patient or negated */
    { "Judge Ama Owusu found Kofi Mensah not guilty of fraud.", "found", "Ama Owusu finds Kofi Mensah not guilty" },
    { "A jury found Kofi Mensah guilty on Friday.", "found", "Jury finds Kofi Mensah guilty" },
    { "Kofi Mensah pleaded not guilty to all six charges.", "pleaded", "Kofi Mensah pleads not guilty" },
    { "A Ghanaian trader accused of smuggling pleaded not guilty at a hearing here Friday.", "pleaded",
      "Pleading not guilty" },
    { "Kofi Mensah was pronounced dead at the scene.", "pronounced", "Kofi Mensah pronounced dead at the scene" },
    /* a verb's preposition before an event noun is its complement */
    { "Thousands of drivers and warehouse workers at the three largest freight depots went on strike on Monday.",
      "went", "Going on strike" },
    /* a participle with its agent's 'by' after a noun is a passive */
    { "An outside auditor hired by the city council flagged the payments.", "hired", "Hired by the city council" },
    /* a company's shares move, not the company; a percent sign stays */
    { "Acme Holdings Ltd shares rose 4.5% in Frankfurt on Monday.", "rose", "Acme Holdings Ltd shares rise 4.5%" },
    /* ... nor does it strike or vote: its workers or shareholders do */
    { "Acme Holdings Ltd workers returned to work on Thursday.", "returned",
      "Acme Holdings Ltd workers return to work" },
    { "Acme Holdings Ltd shareholders rejected the offer on Friday.", "rejected",
      "Acme Holdings Ltd shareholders reject the offer" },
    /* a place phrase leaves the 'late' of the time after it */
    { "Hurricane Delia made landfall near Port Alder late on Wednesday.", "made",
      "Hurricane Delia makes landfall near Port Alder" },
    /* a named agent's verb keeps the infinitive it takes */
    { "Ghana refused to pay the fine.", "refused", "Ghana refuses to pay the fine" },
  };
  return cr_make_param_array (PipelineSummaryCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PipelineSummaryCase *tc, reason, summary_past_a_relative_clause)
{
  expect_summary (tc);
}

/* An article that repeats its toll undated ('said at least 14 people
 * were killed') tells the deaths it dated before: one event. */
Test (reason, an_article_repeating_its_toll_tells_one_death)
{
  g_autoptr (EvlGraph) g = pipeline_graph ("A bus plunged into a ravine on Thursday, killing at least 14 people, "
                                           "officials said.\n\n"
                                           "The governor said at least 14 people were killed and 20 injured.");
  cr_assert_eq (count_type (g, "DEATH"), 1u, "%u death events", count_type (g, "DEATH"));
}

/* 'since X' starts the span the event falls in, up to the creation time;
 * 'the first ... since X' stays X's (an earlier one's date). */
Test (reason, since_a_date_is_a_span_to_the_creation_time)
{
  static const struct {
    const char *text, *trigger, *value;
  } cases[] = {
    { "Prices have risen sharply since January.", "risen", "1998-01/1998-08-08" },
    { "The two sides have fought three wars since 1947.", "fought", "1947/1998-08-08" },
    { "It was the first strike since 1990.", "strike", NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlGraph) g = pipeline_graph (cases[i].text);
      const EvlGraphEvent *hit = event_told_by (g, cases[i].trigger);
      cr_assert_not_null (hit, "%s: no '%s'", cases[i].text, cases[i].trigger);
      if (cases[i].value)
        cr_expect_str_eq (hit->time.value ? hit->time.value : "(none)", cases[i].value, "%s", cases[i].text);
      else
        for (guint k = 0; k < evl_graph_n_events (g); k++)
          {
            const char *v = evl_graph_get_event (g, k)->time.value;
            cr_expect (v == NULL || strchr (v, '/') == NULL, "%s: %s", cases[i].text, v);
          }
    }
}

/* 'earlier this month' keeps its TimeML value (the month) but the event
 * lies before the creation day, not in the days after it; 'later this
 * month' after it.  pipeline_graph() dates its text 1998-08-08. */
Test (reason, earlier_this_month_stops_at_the_creation_day)
{
  static const struct {
    const char *text, *trigger, *value, *begin, *end;
  } cases[] = {
    { "Prices rose sharply earlier this month.", "rose", "1998-08", "1998-08-01", "1998-08-08" },
    { "Prices fell earlier this year.", "fell", "1998", "1998-01-01", "1998-08-08" },
    { "The ministers will meet later this month.", "meet", "1998-08", "1998-08-08", "1998-08-31" },
    { "Prices rose sharply this month.", "rose", "1998-08", "1998-08-01", "1998-08-31" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlGraph) g = pipeline_graph (cases[i].text);
      const EvlGraphEvent *hit = event_told_by (g, cases[i].trigger);
      cr_assert_not_null (hit, "%s: no '%s'", cases[i].text, cases[i].trigger);
      char b[11], e[11];
      cr_expect_str_eq (hit->time.value ? hit->time.value : "(none)", cases[i].value, "%s", cases[i].text);
      cr_expect_str_eq (hit->time.begin ? evl_day_format (hit->time.begin, b) : "(none)", cases[i].begin, "%s",
                        cases[i].text);
      cr_expect_str_eq (hit->time.end ? evl_day_format (hit->time.end, e) : "(none)", cases[i].end, "%s",
                        cases[i].text);
    }
}

/* The event of @g one of whose mentions is @trigger. */
static const EvlGraphEvent *
event_mentioning (const EvlGraph *g, const char *trigger)
{
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, i);
      for (guint j = 0; j < e->mentions->len; j++)
        if (g_strcmp0 (g_array_index (e->mentions, EvlGraphMention, j).text, trigger) == 0)
          return e;
    }
  return NULL;
}

/* A light verb and the event noun it takes as object tell one happening,
 * of the noun's type. */
Test (reason, light_verb_and_its_event_noun_are_one)
{
  static const char *const cases[][4] = {
    { "Dock workers ended a strike on Friday after their union reached a wage deal with port "
      "operators on Thursday.",
      "reached", "deal", "AGREEMENT" },
    { "Defence Minister Yasar Guler held talks with Russian officials in Moscow on Aug. 5.",
      "held", "talks", "MEETING" },
  };
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr (EvlGraph) g = pipeline_graph (cases[k][0]);
      const EvlGraphEvent *v = event_mentioning (g, cases[k][1]);
      const EvlGraphEvent *n = event_mentioning (g, cases[k][2]);
      cr_assert (v != NULL && n != NULL, "%s", cases[k][0]);
      cr_expect_eq (v, n, "'%s' and '%s' are two events", cases[k][1], cases[k][2]);
      cr_expect_str_eq (n->type, cases[k][3]);
    }
  /* Not its object: a clause between. */
  g_autoptr (EvlGraph) g = pipeline_graph ("The minister held that the talks on Aug. 5 had failed.");
  const EvlGraphEvent *v = event_mentioning (g, "held");
  const EvlGraphEvent *n = event_mentioning (g, "talks");
  cr_expect (v == NULL || n == NULL || v != n);
}

/* A promised happening is not the dated one told as done, though of its
 * type and naming the same person; it is the light verb's object. */
Test (reason, planned_event_stays_apart_from_done_one)
{
  g_autoptr (EvlGraph) g = pipeline_graph (
    "Opposition leader Anna Novak won Thursday's presidential runoff with 54 percent of the vote. "
    "She has promised to hold a referendum on a new constitution within a year.");
  const EvlGraphEvent *won = event_mentioning (g, "won");
  const EvlGraphEvent *ref = event_mentioning (g, "referendum");
  cr_assert (won != NULL && ref != NULL);
  cr_expect_neq (won, ref, "the promised referendum joined the runoff");
  cr_expect_eq (event_mentioning (g, "hold"), ref);
  cr_expect (ref->flags & EVL_EVENT_FLAG_PLANNED);
}

/* A verb whose object takes a predicate keeps the state phrase or the
 * infinitive after its object: without it the line tells the opposite ('Firefighters declare
 * the blaze' for a blaze declared under control). */
ParameterizedTestParameters (reason, summary_keeps_the_object_complement)
{
  static PipelineSummaryCase cases[] = {
    { "Firefighters declared the blaze under control on Friday after a week-long battle.", "declared",
      "Firefighters declare the blaze under control" },
    { "Police kept the suspect in custody on Monday.", "kept", "Police keep the suspect in custody" },
    /* an article after the object's noun opens a bare time adverbial */
    { "Mayor Kofi Mensah visited the city the day after the flood.", "visited", "Kofi Mensah visits the city" },
    /* a date between the verb and its complement's preposition */
    { "The board of Ardley Shipping agreed on Tuesday to a takeover.", "agreed",
      "Board of Ardley Shipping agrees to a takeover" },
    { "Kofi Mensah met on Monday with the envoy.", "met", "Kofi Mensah meets with the envoy" },
    { "Doctors declared the patient out of danger on Sunday.", "declared",
      "Doctors declare the patient out of danger" },
    /* a verb of object control keeps what the object was made to do,
     * after the participle in a headline; cut short, it goes */
    { "A fast-moving wildfire forced more than 6,000 people to leave their homes on Monday.", "forced",
      "Fast-moving wildfire forces more than 6,000 people to leave their homes" },
    { "It also ordered the government to pay a fine.", "ordered", "Government ordered to pay a fine" },
    { "NASA needs an extra 200 million dollars to replace a key Russian space component.", "needs",
      "NASA needs an extra 200 million dollars" },
  };
  return cr_make_param_array (PipelineSummaryCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PipelineSummaryCase *tc, reason, summary_keeps_the_object_complement)
{
  expect_summary (tc);
}

/* A passive subject may hold a place phrase when it opens its clause
 * ('Schools in the town were closed'); after another preposition the
 * words walked are inside a longer subject and name it wrongly.  A time
 * between a relative's antecedent and its 'which' is skipped. */
ParameterizedTestParameters (reason, subject_past_a_place_or_a_time)
{
  static PipelineSummaryCase cases[] = {
    { "Schools in the town were closed on Friday.", "closed", "Schools in the town closed" },
    { "The calm in the town was shattered on Friday.", "shattered", "Calm in the town shattered" },
    { "Calls to reduce the number of troops in the island have been rejected by the United States.", "rejected",
      "United States rejects" },
    { "Officials said 343 pilgrims were killed in an enormous fire Tuesday which swept through their camp.",
      "swept", "Enormous fire sweeps through their camp" },
  };
  return cr_make_param_array (PipelineSummaryCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PipelineSummaryCase *tc, reason, subject_past_a_place_or_a_time)
{
  expect_summary (tc);
}

/* ---- titles users found wrong (ttl34) ---- */

ParameterizedTestParameters (reason, summary_of_titles_users_found_wrong)
{
  static PipelineSummaryCase cases[] = {
    /* a bare count right before the verb group is its subject */
    { "Officials said 23 have died since Sunday in the floods.", "died", "23 die" },
    { "Police said 40 were arrested during the march.", "arrested", "40 arrested during the march" },
    /* a time and its 'late' between a verb and its complement's
     * preposition are skipped */
    { "The guerrillas agreed late on Friday to a truce with the army.", "agreed",
      "Guerrillas agree to a truce" },
    /* a noun after a subject's 'to' is no verb, whatever its tag */
    { "The chief envoy to talks between the rival factions returned to Nairobi on Saturday.", "returned",
      "Chief envoy returns to Nairobi" },
    { "A delegate to talks with the rebels was arrested on Friday.", "talks", "Talks with the rebels" },
    /* a participle after 'and' shares a passive's subject and its 'be' */
    { "The inquiry was opened on Monday and adjourned until June.", "adjourned", "Inquiry adjourned" },
    { "The trial was opened in March and suspended on Friday.", "suspended", "Trial suspended" },
    /* ... and a participle clause after a comma its main clause's
     * subject, not a passive's */
    { "The death toll rose on Friday, climbing to 212.", "climbing", "Death toll climbs to 212" },
    { "Three guards were shot, raising the toll to 30.", "raising", "Raising the toll" },
    /* a statement's short object keeps what the stance is about, not
     * a phrase cut before its 'of' */
    { "The envoy on Friday expressed concern about the delays.", "expressed",
      "Envoy expresses concern about the delays" },
    { "The envoy voiced doubts about the future of the talks.", "voiced", "Envoy voices doubts" },
    /* ... and its quoted words of a few, as written */
    { "The minister voiced \"deep dismay\" at the verdict.", "voiced", "Minister voices \"deep dismay\"" },
    /* a verb's object restated by a name between commas: the name */
    { "Police arrested the former head of the port, Ivan Petrov, at his home.", "arrested",
      "Police arrest Ivan Petrov" },
    /* a negated subject's 'no' is the card's NEG polarity, drawn as
     * NOT, not its title's: the title tells what did not happen */
    { "No candidate won an outright majority in the vote.", "won", "Candidate wins an outright majority" },
    /* a verdict's predicate after an apposition on its object is the
     * finding, kept ('Court finds Lena Varga' told no verdict) */
    { "A court on Friday found Lena Varga, the former head of the water board, guilty of fraud.", "found",
      "Court finds Lena Varga guilty of fraud" },
    { "A jury found Tomas Kern, a retired pilot, not guilty of smuggling.", "found",
      "Jury finds Tomas Kern not guilty of smuggling" },
    /* 'the other' as a subject keeps its article */
    { "One of the two guards was fined; the other was dismissed.", "dismissed", "The other dismissed" },
    /* a participle reducing a relative on the object of an '-ing' verb
     * after a comma tells of the noun, not of the '-ing' word */
    { "The floods swept the valley, destroying bridges already damaged by the earlier storm.", "damaged",
      "Bridges damaged by the earlier storm" },
  };
  return cr_make_param_array (PipelineSummaryCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PipelineSummaryCase *tc, reason, summary_of_titles_users_found_wrong)
{
  expect_summary (tc);
}

/* ---- entities across articles: short and long forms (ent27) ---- */

/* A one-cluster document naming @name (key @key, alias @alias). */
static EvlDocument *
one_entity_doc (const char *id, const char *name, const char *key, EvlEntityType type,
                const char *alias)
{
  g_autofree char *text = g_strdup_printf ("%s spoke.", name);
  EvlDocument *d = fx_doc (id, text, "2023-09-14");
  fx_entity (d, name, 0, fx_cluster (d, name, key, type, alias));
  return d;
}

/* The entity count after adding the @n documents one by one (the index is
 * kept per graph, so the order is the one given), and the documents of
 * the entity named @full.  The documents are unreferenced. */
static guint
entities_after_all (EvlDocument **docs, guint n, const char *full, guint *n_docs)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  for (guint i = 0; i < n; i++)
    evl_reason_add_document (ctx, g, docs[i], &o);
  gint e = evl_graph_find_entity (g, full);
  *n_docs = e >= 0 ? evl_graph_get_entity (g, (guint) e)->n_documents : 0;
  unref_all (docs, n);
  return evl_graph_n_entities (g);
}

static guint
entities_after (EvlDocument *a, EvlDocument *b, const char *full, guint *n_docs)
{
  EvlDocument *docs[] = { a, b };
  return entities_after_all (docs, 2, full, n_docs);
}

/* One article writes only the acronym, another only the full name: the
 * same body, in either order; a name whose initials merely match is not
 * taken once the acronym's entity is told in full by another name. */
Test (reason, acronym_and_full_name_in_two_articles_are_one_entity)
{
  guint docs = 0;
  cr_expect_eq (entities_after (one_entity_doc ("a", "International Atomic Energy Agency",
                                                "international atomic energy agency",
                                                EVL_ENTITY_ORGANIZATION, NULL),
                                one_entity_doc ("b", "IAEA", "iaea", EVL_ENTITY_ORGANIZATION, NULL),
                                "International Atomic Energy Agency", &docs), 1);
  cr_expect_eq (docs, 2);
  cr_expect_eq (entities_after (one_entity_doc ("a", "NDMA", "ndma", EVL_ENTITY_ORGANIZATION, NULL),
                                one_entity_doc ("b", "National Disaster Management Agency",
                                                "national disaster management agency",
                                                EVL_ENTITY_ORGANIZATION, NULL),
                                "National Disaster Management Agency", &docs), 1);
  cr_expect_eq (docs, 2);
  /* the full name's own acronym, one word, names the earlier acronym */
  cr_expect_eq (entities_after (one_entity_doc ("a", "NASA", "nasa", EVL_ENTITY_ORGANIZATION, NULL),
                                one_entity_doc ("b", "National Aeronautics and Space Administration",
                                                "national aeronautics and space administration",
                                                EVL_ENTITY_ORGANIZATION, "NASA"),
                                "National Aeronautics and Space Administration", &docs), 1);
  cr_expect_eq (docs, 2);
  cr_expect_eq (entities_after (one_entity_doc ("a", "Christian Democratic Union", "christian democratic union",
                                                EVL_ENTITY_ORGANIZATION, "CDU"),
                                one_entity_doc ("b", "Croatian Democratic Union", "croatian democratic union",
                                                EVL_ENTITY_ORGANIZATION, NULL),
                                "Croatian Democratic Union", &docs), 2);
  /* a person's initials are no acronym of theirs */
  cr_expect_eq (entities_after (one_entity_doc ("a", "John Fitzgerald Kennedy", "john fitzgerald kennedy",
                                                EVL_ENTITY_PERSON, NULL),
                                one_entity_doc ("b", "JFK", "jfk", EVL_ENTITY_ORGANIZATION, NULL),
                                "John Fitzgerald Kennedy", &docs), 2);
}

/* Two given names told without the surname in another article ('Juan
 * Miguel' for 'Juan Miguel Gonzalez'), in either order. */
Test (reason, given_names_without_surname_in_another_article_are_the_person)
{
  guint docs = 0;
  cr_expect_eq (entities_after (one_entity_doc ("a", "Juan Miguel Gonzalez", "juan miguel gonzalez",
                                                EVL_ENTITY_PERSON, NULL),
                                one_entity_doc ("b", "Juan Miguel", "juan miguel", EVL_ENTITY_PERSON, NULL),
                                "Juan Miguel Gonzalez", &docs), 1);
  cr_expect_eq (docs, 2);
  cr_expect_eq (entities_after (one_entity_doc ("a", "Juan Miguel", "juan miguel", EVL_ENTITY_PERSON, NULL),
                                one_entity_doc ("b", "Juan Miguel Gonzalez", "juan miguel gonzalez",
                                                EVL_ENTITY_PERSON, NULL),
                                "Juan Miguel Gonzalez", &docs), 1);
  cr_expect_eq (docs, 2);
  /* one word is a surname or given name shared by relatives */
  cr_expect_eq (entities_after (one_entity_doc ("a", "Juan", "juan", EVL_ENTITY_PERSON, NULL),
                                one_entity_doc ("b", "Juan Miguel Gonzalez", "juan miguel gonzalez",
                                                EVL_ENTITY_PERSON, NULL),
                                "Juan Miguel Gonzalez", &docs), 2);
}

/* A bare surname in a later article names the one person of the story
 * with that last word; with two such people, or before the full name, it
 * stays apart.  A first word is as often a given name. */
Test (reason, bare_surname_in_a_later_article_is_the_one_person)
{
  guint docs = 0;
  cr_expect_eq (entities_after (one_entity_doc ("a", "Hassan Nasrallah", "hassan nasrallah",
                                                EVL_ENTITY_PERSON, NULL),
                                one_entity_doc ("b", "Nasrallah", "nasrallah", EVL_ENTITY_PERSON, NULL),
                                "Hassan Nasrallah", &docs), 1);
  cr_expect_eq (docs, 2);
  cr_expect_eq (entities_after (one_entity_doc ("a", "Nasrallah", "nasrallah", EVL_ENTITY_PERSON, NULL),
                                one_entity_doc ("b", "Hassan Nasrallah", "hassan nasrallah",
                                                EVL_ENTITY_PERSON, NULL),
                                "Hassan Nasrallah", &docs), 2);
  cr_expect_eq (entities_after (one_entity_doc ("a", "Mohammed Shafi Pattro", "mohammed shafi pattro",
                                                EVL_ENTITY_PERSON, NULL),
                                one_entity_doc ("b", "Mohammed", "mohammed", EVL_ENTITY_PERSON, NULL),
                                "Mohammed Shafi Pattro", &docs), 2);
  /* ... but a full name its own article also calls by the bare surname
   * is the earlier bare surname's person */
  cr_expect_eq (entities_after (one_entity_doc ("a", "Nasrallah", "nasrallah", EVL_ENTITY_PERSON, NULL),
                                one_entity_doc ("b", "Hassan Nasrallah", "hassan nasrallah",
                                                EVL_ENTITY_PERSON, "Nasrallah"),
                                "Hassan Nasrallah", &docs), 1);
  cr_expect_eq (docs, 2);
}

/* An earlier bare surname joins the first full name told with it, not
 * a second one: that one is another person. */
Test (reason, earlier_bare_surname_is_the_first_full_name_only)
{
  EvlDocument *docs[] = {
    one_entity_doc ("a", "Hassan", "hassan", EVL_ENTITY_PERSON, NULL),
    one_entity_doc ("b", "Omar Hassan", "omar hassan", EVL_ENTITY_PERSON, "Hassan"),
    one_entity_doc ("c", "Ali Hassan", "ali hassan", EVL_ENTITY_PERSON, "Hassan"),
  };
  guint n_docs = 0;
  cr_expect_eq (entities_after_all (docs, 3, "Omar Hassan", &n_docs), 2);
  cr_expect_eq (n_docs, 2);
}

/* @g saved as events.json and loaded back, as build -g does between runs. */
static EvlGraph *
saved_and_loaded (const EvlGraph *g)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  cr_assert (evl_graph_save_json (g, mem, NULL));
  cr_assert (g_output_stream_close (mem, NULL, NULL));
  GMemoryOutputStream *m = G_MEMORY_OUTPUT_STREAM (mem);
  EvlGraph *back = evl_graph_load_json_data (g_memory_output_stream_get_data (m),
                                             (gssize) g_memory_output_stream_get_data_size (m), NULL);
  cr_assert_not_null (back);
  return back;
}

/* A person named by @role and a surname or by @role and a full name
 * ('Governor Ambrose', 'Governor Ruth Ambrose'): its cluster is @name,
 * told by that title. */
static EvlDocument *
titled_doc (const char *id, const char *role, const char *name)
{
  g_autofree char *text = g_strdup_printf ("%s %s spoke.", role, name);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  EvlDocument *d = fx_doc (id, text, "2023-09-14");
  /* (a cluster's strings other than its aliases are the caller's to
   * keep alive: the document's own copy outlives this function) */
  const char *key = evl_document_intern (d, lower, -1);
  EvlEntityCluster c = { name, key, EVL_ENTITY_PERSON, NULL, 1, role };
  fx_entity (d, name, 0, (gint32) evl_document_add_entity_cluster (d, &c));
  return d;
}

/* An earlier article's title and bare surname ('Governor Ambrose') is
 * the later full name of that surname told by the same title, though no
 * article pairs the two forms; not a full name of another title (a
 * given name whose surname was lost: 'Interior Minister Hussein' is no
 * 'President Saddam Hussein'), nor once two full names end in it. */
Test (reason, titled_bare_surname_is_the_later_full_name_of_that_title)
{
  struct {
    const char *role[3], *name[3];
    guint entities;
  } cases[] = {
    { { "Governor", "Governor" }, { "Ambrose", "Ruth Ambrose" }, 1 },
    { { "Governor", "governor" }, { "Ambrose", "Ruth Ambrose" }, 1 },
    { { "Minister", "President" }, { "Hussein", "Saddam Hussein" }, 2 },
    { { "Governor", NULL }, { "Ambrose", "Ruth Ambrose" }, 2 },
    { { NULL, "Governor" }, { "Ambrose", "Ruth Ambrose" }, 2 },
    { { "Governor", "Governor", "Governor" }, { "Ruth Ambrose", "Tom Ambrose", "Ambrose" }, 3 },
  };
  static const char *const ids[] = { "a", "b", "c" };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EvlDocument *docs[3];
      guint n = 0;
      for (; n < 3 && cases[i].name[n]; n++)
        docs[n] = cases[i].role[n] ? titled_doc (ids[n], cases[i].role[n], cases[i].name[n])
                                   : one_entity_doc (ids[n], cases[i].name[n], NULL, EVL_ENTITY_PERSON, NULL);
      guint n_docs = 0;
      cr_expect_eq (entities_after_all (docs, n, cases[i].name[1], &n_docs), cases[i].entities,
                    "case %u", i);
    }
}

/* ... and so in a story kept between runs (-g): the title is saved with
 * the bare surname's entity. */
Test (reason, titled_bare_surname_holds_across_runs_of_a_saved_story)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlDocument *docs[2] = { titled_doc ("a", "Governor", "Ambrose"), titled_doc ("b", "Governor", "Ruth Ambrose") };
  evl_reason_add_document (ctx, g, docs[0], &o);
  g_autoptr (EvlGraph) back = saved_and_loaded (g);
  evl_reason_add_document (ctx, back, docs[1], &o);
  cr_expect_eq (evl_graph_n_entities (back), 1);
  cr_expect_eq (evl_graph_get_entity (back, 0)->n_documents, 2);
  unref_all (docs, 2);
}

Test (reason, bare_surname_of_two_people_stays_apart)
{
  EvlDocument *docs[] = {
    one_entity_doc ("a", "Omar Hassan", "omar hassan", EVL_ENTITY_PERSON, NULL),
    one_entity_doc ("b", "Ali Hassan", "ali hassan", EVL_ENTITY_PERSON, NULL),
    one_entity_doc ("c", "Hassan", "hassan", EVL_ENTITY_PERSON, NULL),
  };
  guint n_docs = 0;
  cr_expect_eq (entities_after_all (docs, 3, "Hassan", &n_docs), 3);
}

/* Article @id naming @name @n times, each mention typed @type. */
static EvlDocument *
typed_doc (const char *id, const char *name, guint n, EvlEntityType type)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s spoke.", i ? " " : "", name);
  EvlDocument *doc = fx_doc (id, text->str, "2024-03-05");
  g_string_free (text, TRUE);
  gint32 c = fx_cluster (doc, name, key, type, NULL);
  for (guint i = 0; i < n; i++)
    fx_entity (doc, name, i, c);
  return doc;
}

/* The type of a name @n_person mentions make a person in article a and
 * @n_place mentions a place in article b, read in @order (0: a first). */
static EvlEntityType
story_type_of (const char *name, guint n_person, guint n_place, guint order)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[2] = { typed_doc ("a", name, n_person, EVL_ENTITY_PERSON),
                           typed_doc ("b", name, n_place, EVL_ENTITY_LOCATION) };
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  evl_reason_add_document (ctx, g, docs[order], &o);
  evl_reason_add_document (ctx, g, docs[!order], &o);
  cr_assert_eq (evl_graph_n_entities (g), 1);
  EvlEntityType t = evl_graph_get_entity (g, 0)->type;
  unref_all (docs, 2);
  return t;
}

/* Articles may type one name differently ('Morgan Vale said' in one,
 * 'the town of Morgan Vale' in another): the story takes the type most
 * mentions give it, or the one a gazetteer lists it as, whichever
 * article comes first. */
Test (reason, a_name_typed_two_ways_takes_the_evidenced_type_in_any_order)
{
  for (guint order = 0; order < 2; order++)
    {
      cr_expect_eq (story_type_of ("Morgan Vale", 3, 1, order), EVL_ENTITY_PERSON, "order %u", order);
      cr_expect_eq (story_type_of ("Morgan Vale", 1, 3, order), EVL_ENTITY_LOCATION, "order %u", order);
      cr_expect_eq (story_type_of ("Central Asia", 3, 1, order), EVL_ENTITY_LOCATION, "order %u", order);
    }
}

/* ... and so in a story saved and loaded back (build -g) before the
 * next article: 3 person mentions and 2 place mentions make 'Morgan
 * Vale' a person, and 4 more place mentions a place, as in one run;
 * counted from the saved type alone, the person's 5 would win. */
Test (reason, a_saved_story_keeps_the_type_votes)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  g_autoptr (EvlGraph) g = evl_graph_new ();
  EvlDocument *docs[3] = { typed_doc ("a", "Morgan Vale", 3, EVL_ENTITY_PERSON),
                           typed_doc ("b", "Morgan Vale", 2, EVL_ENTITY_LOCATION),
                           typed_doc ("c", "Morgan Vale", 4, EVL_ENTITY_LOCATION) };
  evl_reason_add_document (ctx, g, docs[0], &o);
  evl_reason_add_document (ctx, g, docs[1], &o);
  cr_assert_eq (evl_graph_get_entity (g, 0)->type, EVL_ENTITY_PERSON);
  g_autoptr (EvlGraph) back = saved_and_loaded (g);
  evl_reason_add_document (ctx, back, docs[2], &o);
  evl_reason_add_document (ctx, g, docs[2], &o);
  cr_expect_eq (evl_graph_get_entity (g, 0)->type, EVL_ENTITY_LOCATION);
  cr_expect_eq (evl_graph_get_entity (back, 0)->type, EVL_ENTITY_LOCATION);
  unref_all (docs, 3);
}
