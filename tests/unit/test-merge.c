/* Cross-article event merging by day and place (reason-merge.c): one
 * happening told by several articles in other words, at a city or at its
 * country, is one event; other days, other places and one article's
 * separate tolls stay apart.  Documents are built by hand
 * (reason-fixture.h). */
#include "reason-fixture.h"

#include "../tmp-helpers.h"

#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/wait.h>

TestSuite (merge, .fini = evl_test_tmp_cleanup);

/* Arrays, not pointers: Criterion hands parameters to another process. */
typedef struct {
  guint doc;                /* 0 or 1: which text */
  char surface[16];         /* the trigger's first occurrence; "" ends */
  char type[12], lemma[12];
  char tense[8];            /* "": a noun */
  char when[20], value[20]; /* its day ("" undated) */
  char place[16];           /* "@X" its location, "%X" its target, "~X" its target, a
                             * person, "X" only named in its sentence, "" none */
  guint nth;                /* which occurrence of the trigger */
} MergeMention;

typedef struct {
  char texts[2][96];        /* one sentence a line; the second may be "" */
  MergeMention m[4];
  guint events;             /* after merging */
  gboolean feed;            /* among FEED other articles, as in a news feed */
} MergeCase;

/* Articles of other stories a feed holds besides a case's two. */
#define FEED 16

ParameterizedTestParameters (merge, same_day_same_place_across_articles)
{
  static MergeCase cases[] = {
    /* Two articles, the same day, a capital and its country, other
     * words: one attack. */
    { { "A bomb attack hit Lusaka on Friday.", "The bombing in Zambia on Friday shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "Friday", "2025-06-13", "@Zambia", 0 } },
      1, FALSE },
    /* ... the same place named alike, in other words. */
    { { "A bomb attack hit Lusaka on Friday.", "A blast tore through Lusaka on Friday." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 1, "blast", "ATTACK", "blast", "", "Friday", "2025-06-13", "@Lusaka", 0 } },
      1, FALSE },
    /* A loose type's near-synonyms (coreference.txt) are one word: a
     * quake told by its noun in one article and by what it did in
     * another ('an earthquake struck'), that day, there, is one. */
    { { "An earthquake struck Zambia on Friday.", "The quake in Zambia on Friday shocked many." },
      { { 0, "struck", "DISASTER", "strike", "PAST", "Friday", "2025-06-13", "%Zambia", 0 },
        { 1, "quake", "DISASTER", "quake", "", "Friday", "2025-06-13", "@Zambia", 0 } },
      1, FALSE },
    { { "The earthquake that struck Zambia on Friday was strong.", "The quake in Zambia on Friday shocked many." },
      { { 0, "struck", "DISASTER", "strike", "PAST", "Friday", "2025-06-13", "%Zambia", 0 },
        { 1, "quake", "DISASTER", "quake", "", "Friday", "2025-06-13", "@Zambia", 0 } },
      1, FALSE },
    /* ... not what another kind of force did there that day. */
    { { "A storm struck Zambia on Friday.", "The quake in Zambia on Friday shocked many." },
      { { 0, "struck", "DISASTER", "strike", "PAST", "Friday", "2025-06-13", "%Zambia", 0 },
        { 1, "quake", "DISASTER", "quake", "", "Friday", "2025-06-13", "@Zambia", 0 } },
      2, FALSE },
    /* Tolls are updated: two articles' deaths there that day are one. */
    { { "Nine people were killed in Lusaka on Friday.", "Twelve were killed in Zambia on Friday." },
      { { 0, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Zambia", 0 } },
      1, FALSE },
    /* Places as targets are places, not who takes part. */
    { { "Bombs hit Lusaka on Friday.", "A bombing hit Zambia on Friday." },
      { { 0, "Bombs", "ATTACK", "bomb", "", "Friday", "2025-06-13", "%Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "Friday", "2025-06-13", "%Zambia", 0 } },
      1, FALSE },
    { { "Bombs hit Lusaka on Friday.", "A bombing hit Malawi on Friday." },
      { { 0, "Bombs", "ATTACK", "bomb", "", "Friday", "2025-06-13", "%Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "Friday", "2025-06-13", "%Malawi", 0 } },
      2, FALSE },
    /* A death naming no place of its own happened where its sentence
     * says things happened. */
    { { "Nine people were killed on Friday in Lusaka.", "Twelve were killed in Zambia on Friday." },
      { { 0, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "Lusaka", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Zambia", 0 } },
      1, FALSE },
    /* ... not a place a name modifies, nor what a statement is about,
     * nor deaths told in other words (a loose type). */
    { { "Nine people were killed at Zambia embassies on Friday.", "Twelve were killed in Zambia on Friday." },
      { { 0, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "Zambia", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Zambia", 0 } },
      2, FALSE },
    { { "Officials condemned the bombing in Lusaka on Friday.", "Leaders condemned the attack in Zambia on Friday." },
      { { 0, "condemned", "STATEMENT", "condemn", "PAST", "Friday", "2025-06-13", "Lusaka", 0 },
        { 1, "condemned", "STATEMENT", "condemn", "PAST", "Friday", "2025-06-13", "Zambia", 0 } },
      2, FALSE },
    { { "Nine people were killed in Lusaka on Friday.", "Twelve died in Zambia on Friday." },
      { { 0, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 1, "died", "DEATH", "die", "PAST", "Friday", "2025-06-13", "@Zambia", 0 } },
      2, FALSE },
    /* Another count, another day, another country, another capital, a
     * coarser date, no place on one side: two events. */
    { { "Two bombs exploded in Lusaka on Friday.", "Three bombs exploded in Zambia on Friday." },
      { { 0, "exploded", "ATTACK", "explode", "PAST", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 1, "exploded", "ATTACK", "explode", "PAST", "Friday", "2025-06-13", "@Zambia", 0 } },
      2, FALSE },
    { { "A bomb attack hit Lusaka on Friday.", "The bombing in Zambia on Saturday shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "Saturday", "2025-06-14", "@Zambia", 0 } },
      2, FALSE },
    { { "A bomb attack hit Lusaka on Friday.", "The bombing in Malawi on Friday shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "Friday", "2025-06-13", "@Malawi", 0 } },
      2, FALSE },
    { { "A bomb attack hit Lusaka on Friday.", "A blast tore through Lilongwe on Friday." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 1, "blast", "ATTACK", "blast", "", "Friday", "2025-06-13", "@Lilongwe", 0 } },
      2, FALSE },
    { { "A bomb attack hit Lusaka in June.", "The bombing in Zambia in June shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "June", "2025-06", "@Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "June", "2025-06", "@Zambia", 0 } },
      2, FALSE },
    { { "A bomb attack hit Lusaka on Friday.", "A bombing on Friday shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "Friday", "2025-06-13", "", 0 } },
      2, FALSE },
    /* A city of en/gazetteer-cities (not a capital) stands for its
     * country as a capital does, written with spaces or hyphens ... */
    { { "A bomb attack hit Blantyre on Friday.", "The bombing in Malawi on Friday shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Blantyre", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "Friday", "2025-06-13", "@Malawi", 0 } },
      1, FALSE },
    { { "A bomb attack hit Dar-es-Salaam on Friday.", "The bombing in Tanzania on Friday shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Dar-es-Salaam", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "Friday", "2025-06-13", "@Tanzania", 0 } },
      1, FALSE },
    /* One city named two ways is one place. */
    { { "A bomb attack hit Dar-es-Salaam on Friday.", "A blast tore through Dar es Salaam on Friday." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Dar-es-Salaam", 0 },
        { 1, "blast", "ATTACK", "blast", "", "Friday", "2025-06-13", "@Dar es Salaam", 0 } },
      1, FALSE },
    { { "A bomb attack hit Kyiv on Friday.", "A blast tore through Kiev on Friday." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Kyiv", 0 },
        { 1, "blast", "ATTACK", "blast", "", "Friday", "2025-06-13", "@Kiev", 0 } },
      1, FALSE },
    /* ... but not for another country, nor another country's capital,
     * nor another city of its own country (its capital). */
    { { "A bomb attack hit Blantyre on Friday.", "The bombing in Zambia on Friday shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Blantyre", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "Friday", "2025-06-13", "@Zambia", 0 } },
      2, FALSE },
    { { "A bomb attack hit Blantyre on Friday.", "A blast tore through Lusaka on Friday." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Blantyre", 0 },
        { 1, "blast", "ATTACK", "blast", "", "Friday", "2025-06-13", "@Lusaka", 0 } },
      2, FALSE },
    { { "A bomb attack hit Blantyre on Friday.", "A blast tore through Lilongwe on Friday." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Blantyre", 0 },
        { 1, "blast", "ATTACK", "blast", "", "Friday", "2025-06-13", "@Lilongwe", 0 } },
      2, FALSE },
    /* One article's tolls in two places are two tolls. */
    { { "Nine people were killed in Lusaka on Friday.\nTwo were killed in Lilongwe on Friday.", "" },
      { { 0, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Lusaka", 0 },
        { 0, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Lilongwe", 1 } },
      2, FALSE },
  };
  return cr_make_param_array (MergeCase, cases, G_N_ELEMENTS (cases));
}

/* The day or month @value written @when in @doc: one timex a document
 * (its events are of one date). */
static gint32
merge_timex (EvlDocument *doc, const char *when, const char *value)
{
  guint nt = 0;
  evl_document_get_timexes (doc, &nt);
  if (nt > 0)
    return 0;
  EvlDay b = 0, e = 0;
  EvlGrain grain;
  cr_assert (evl_timex_value_bounds (value, &b, &e, &grain), "%s", value);
  char begin[11], end[11];
  evl_day_format (b, begin);
  evl_day_format (e, end);
  return fx_timex (doc, when, value, begin, end, grain);
}

/* A mention of @name in @doc, its own entity of @type. */
static gint32
merge_entity (EvlDocument *doc, const char *name, EvlEntityType type)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  return fx_entity (doc, name, 0,
                    fx_cluster (doc, evl_document_intern (doc, name, -1),
                                evl_document_intern (doc, key, -1), type, NULL));
}

/* The events of @type in @g. */
static guint
events_of_type (const EvlGraph *g, const char *type)
{
  guint n = 0;
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    n += g_strcmp0 (evl_graph_get_event (g, i)->type, type) == 0;
  return n;
}

/* An article written on @dct whose one event is @agent's saying
 * ('said' in @text). */
static EvlDocument *
statement_doc (const char *id, const char *text, const char *agent, EvlEntityType type,
               const char *dct)
{
  EvlDocument *doc = fx_doc (id, text, dct);
  FxEvent f = FX_EVENT ("STATEMENT", "say");
  f.tense = "PAST";
  f.agent = merge_entity (doc, agent, type);
  fx_event (doc, "said", 0, &f);
  return doc;
}

/* Runs @tc among @others other articles, each naming @other_place
 * ("" none). */
/* How mention i of a case is told: "would" a plan, "not" negated, ""
 * (or no array) asserted. */
typedef char MergeModality[4][8];

static void
merge_case_run_told (const MergeCase *tc, guint others, const char *other_place,
                     MergeModality *told)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[2] = { NULL, NULL };
  guint n = tc->texts[1][0] ? 2 : 1;
  for (guint i = 0; i < n; i++)
    docs[i] = fx_doc (i ? "b" : "a", tc->texts[i], "2025-06-15");
  for (guint i = 0; i < G_N_ELEMENTS (tc->m) && tc->m[i].surface[0]; i++)
    {
      const MergeMention *m = &tc->m[i];
      EvlDocument *doc = docs[m->doc];
      FxEvent f = FX_EVENT (m->type, m->lemma);
      f.tense = m->tense[0] ? m->tense : NULL;
      if (m->when[0])
        f.timex = merge_timex (doc, m->when, m->value);
      const char *how = told ? (*told)[i] : "";
      if (strcmp (how, "not") == 0)
        f.polarity = EVL_POLARITY_NEG;
      else if (how[0])
        {
          f.modality = how;
          f.flags = EVL_EVENT_FLAG_HEDGED | EVL_EVENT_FLAG_PLANNED;
        }
      gboolean role = m->place[0] == '@' || m->place[0] == '%' || m->place[0] == '~';
      gint32 place = m->place[0] == '~' ? merge_entity (doc, m->place + 1, EVL_ENTITY_PERSON)
                     : m->place[0]      ? merge_entity (doc, m->place + role, EVL_ENTITY_LOCATION)
                                        : -1;
      if (m->place[0] == '@')
        f.location = place;
      else if (m->place[0] == '%' || m->place[0] == '~')
        f.patient = place;
      fx_event (doc, m->surface, m->nth, &f);
    }
  g_autoptr (GPtrArray) arr = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (arr, docs[i]);
  for (guint i = 0; i < others; i++)
    {
      g_autofree char *id = g_strdup_printf ("feed%u", i);
      if (!other_place[0])
        {
          g_ptr_array_add (arr, fx_doc (id, "Markets were calm.", "2025-06-15"));
          continue;
        }
      g_autofree char *text = g_strdup_printf ("Officials in %s said nothing.", other_place);
      EvlDocument *doc = fx_doc (id, text, "2025-06-15");
      FxEvent f = FX_EVENT ("STATEMENT", "say");
      f.tense = "PAST";
      f.location = merge_entity (doc, other_place, EVL_ENTITY_LOCATION);
      fx_event (doc, "said", 0, &f);
      g_ptr_array_add (arr, doc);
    }
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  g_autoptr (EvlGraph) g = evl_reason_build_graph (ctx, arr, &o);
  /* of the case's type: the other articles tell their own */
  guint n_events = events_of_type (g, tc->m[0].type);
  cr_assert_eq (n_events, tc->events, "'%s' / '%s': %u events", tc->texts[0], tc->texts[1], n_events);
}

static void
merge_case_run_among (const MergeCase *tc, guint others, const char *other_place)
{
  merge_case_run_told (tc, others, other_place, NULL);
}

static void
merge_case_run (const MergeCase *tc)
{
  merge_case_run_among (tc, tc->feed ? FEED : 0, "");
}

ParameterizedTest (MergeCase *tc, merge, same_day_same_place_across_articles)
{
  merge_case_run (tc);
}

/* A statement naming nobody ('Government officials had threatened to
 * revoke the parole') is not the statement of someone named in another
 * verb, even when other articles tell that one too: the two share no
 * participant.  The whole pipeline, as the reports it shows up in. */
Test (merge, an_agentless_statement_is_not_anothers, .timeout = 60 * EVL_TIMEOUT_SCALE)
{
  static const char *const texts[] = {
    "MIAMI, March 30, 2000 (AP) -- Fidel Castro spoke on Wednesday.\n\n"
    "Government officials had threatened to revoke the boy's parole if his great-uncle, Lazaro Gonzalez, did not "
    "sign a document agreeing to hand the boy over.\n\n"
    "But that standoff became less important in the eyes of Cuban Americans here after Fidel Castro announced "
    "Wednesday that the boy's father, Juan Miguel Gonzalez, was ready to travel.\n",
    "MIAMI, April 3, 2000 (AP) -- The terms of the talks changed dramatically, however, when Fidel Castro "
    "announced last Wednesday that the boy's father was ready to travel to the United States.\n",
  };
  const char *cli = g_getenv ("EVL_CLI");
  cr_assert_not_null (cli, "EVL_CLI must be set (run through meson test)");
  g_autofree char *dir = evl_test_tmp_make ("evl-merge-XXXXXX");
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  cr_assert_eq (g_mkdir (in, 0700), 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/a%u.txt", in, i);
      cr_assert (g_file_set_contents (name, texts[i], -1, NULL));
    }
  const char *argv[] = { cli, "build", "-q", in, "-o", out, NULL };
  int status = 0;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, NULL, NULL, &status, NULL));
  cr_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_autofree char *json = g_build_filename (out, "events.json", NULL);
  g_autoptr (JsonParser) jp = json_parser_new ();
  cr_assert (json_parser_load_from_file (jp, json, NULL));
  JsonArray *events = json_object_get_array_member (json_node_get_object (json_parser_get_root (jp)), "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);
      JsonArray *ms = json_object_get_array_member (e, "mentions");
      gboolean threat = FALSE, announce = FALSE;
      for (guint k = 0; k < json_array_get_length (ms); k++)
        {
          const char *t = json_object_get_string_member (json_array_get_object_element (ms, k), "text");
          threat |= g_strcmp0 (t, "threatened") == 0;
          announce |= g_strcmp0 (t, "announced") == 0;
        }
      cr_expect_not (threat && announce, "'%s' holds the threat and the announcement",
                     json_object_get_string_member (e, "summary"));
    }
}

/* In a news feed, two articles' events of a type on one day, naming
 * nobody they share, are one happening only when the articles tell one
 * story (name a place or someone in common), never on the type and the
 * day alone: one Sunday holds two countries' elections, one Friday
 * fighting in two. */
/* A person dies once: two articles' deaths of one named victim are one
 * death, in other words and however closely each dates it; another
 * victim, or a date a week apart, is another death. */
ParameterizedTestParameters (merge, a_person_dies_once)
{
  static MergeCase cases[] = {
    { { "Jane Doe was shot dead on Friday.", "A sniper killed Jane Doe." },
      { { 0, "shot", "DEATH", "shoot", "PAST", "Friday", "2025-06-13", "~Jane Doe", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "", "", "~Jane Doe", 0 } },
      1, FALSE },
    { { "Jane Doe was shot dead on Friday.", "Jane Doe was killed in June." },
      { { 0, "shot", "DEATH", "shoot", "PAST", "Friday", "2025-06-13", "~Jane Doe", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "June", "2025-06", "~Jane Doe", 0 } },
      1, FALSE },
    { { "Jane Doe was shot dead on Friday.", "A sniper killed John Roe." },
      { { 0, "shot", "DEATH", "shoot", "PAST", "Friday", "2025-06-13", "~Jane Doe", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "", "", "~John Roe", 0 } },
      2, FALSE },
    { { "Jane Doe was shot dead on Friday.", "Jane Doe was killed on Monday." },
      { { 0, "shot", "DEATH", "shoot", "PAST", "Friday", "2025-06-13", "~Jane Doe", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "Monday", "2025-06-02", "~Jane Doe", 0 } },
      2, FALSE },
    /* a clock time alone says no day: the report's day it took is no
     * other death's */
    { { "Jane Doe was shot dead on May 2.", "Jane Doe was shot dead at 10 p.m." },
      { { 0, "shot", "DEATH", "shoot", "PAST", "May 2", "2025-05-02", "~Jane Doe", 0 },
        { 1, "shot", "DEATH", "shoot", "PAST", "10 p.m.", "2025-06-15T22:00", "~Jane Doe", 0 } },
      1, FALSE },
    { { "Jane Doe was shot dead on May 2.", "Jane Doe was shot dead on Friday at 10 p.m." },
      { { 0, "shot", "DEATH", "shoot", "PAST", "May 2", "2025-05-02", "~Jane Doe", 0 },
        { 1, "shot", "DEATH", "shoot", "PAST", "Friday at 10 p.m.", "2025-06-13T22:00", "~Jane Doe", 0 } },
      2, FALSE },
  };
  return cr_make_param_array (MergeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (MergeCase *tc, merge, a_person_dies_once)
{
  merge_case_run (tc);
}

ParameterizedTestParameters (merge, same_day_other_story)
{
  static MergeCase cases[] = {
    { { "Voters in Zambia went to the polls in the election on Sunday.",
        "Turnout was low in Malawi in the election on Sunday." },
      { { 0, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "Zambia", 0 },
        { 1, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "Malawi", 0 } },
      2, TRUE },
    { { "Heavy fighting broke out in Zambia on Friday.",
        "The fighting on Friday killed ten people in Malawi." },
      { { 0, "fighting", "CONFLICT", "fighting", "", "Friday", "2025-06-13", "Zambia", 0 },
        { 1, "fighting", "CONFLICT", "fighting", "", "Friday", "2025-06-13", "Malawi", 0 } },
      2, TRUE },
    /* The same country, or its capital: one story, one happening. */
    { { "Voters in Zambia went to the polls in the election on Sunday.",
        "Turnout was low in Zambia in the election on Sunday." },
      { { 0, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "Zambia", 0 },
        { 1, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "Zambia", 0 } },
      1, TRUE },
    { { "Heavy fighting broke out in Lusaka on Friday.",
        "The fighting on Friday killed ten people in Zambia." },
      { { 0, "fighting", "CONFLICT", "fighting", "", "Friday", "2025-06-13", "Lusaka", 0 },
        { 1, "fighting", "CONFLICT", "fighting", "", "Friday", "2025-06-13", "Zambia", 0 } },
      1, TRUE },
    /* ... or another of its cities (en/gazetteer-cities). */
    { { "Heavy fighting broke out in Blantyre on Friday.",
        "The fighting on Friday killed ten people in Malawi." },
      { { 0, "fighting", "CONFLICT", "fighting", "", "Friday", "2025-06-13", "Blantyre", 0 },
        { 1, "fighting", "CONFLICT", "fighting", "", "Friday", "2025-06-13", "Malawi", 0 } },
      1, TRUE },
    { { "Heavy fighting broke out in Blantyre on Friday.",
        "The fighting on Friday killed ten people in Zambia." },
      { { 0, "fighting", "CONFLICT", "fighting", "", "Friday", "2025-06-13", "Blantyre", 0 },
        { 1, "fighting", "CONFLICT", "fighting", "", "Friday", "2025-06-13", "Zambia", 0 } },
      2, TRUE },
  };
  return cr_make_param_array (MergeCase, cases, G_N_ELEMENTS (cases));
}

/* Whether the input is a feed of many stories or a set gathered for
 * one is told by what its articles name, not by how many there are: a
 * handful of articles on other stories is a feed, and twenty naming one
 * country one story, where two articles' elections that Sunday are one
 * though one names no place. */
typedef struct {
  MergeCase c;
  guint others;             /* other articles */
  char other_place[12];     /* the place each names, "" none */
} FeedCase;

ParameterizedTestParameters (merge, a_feed_is_told_by_its_names)
{
  static FeedCase cases[] = {
    { { { "Voters in Zambia went to the polls in the election on Sunday.",
          "Turnout was low in Malawi in the election on Sunday." },
        { { 0, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "Zambia", 0 },
          { 1, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "Malawi", 0 } },
        2, TRUE },
      2, "" },
    { { { "Voters in Zambia went to the polls in the election on Sunday.",
          "Turnout was low in the election on Sunday." },
        { { 0, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "Zambia", 0 },
          { 1, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "", 0 } },
        1, TRUE },
      20, "Lusaka" },
    { { { "Voters in Zambia went to the polls in the election on Sunday.",
          "Turnout was low in the election on Sunday." },
        { { 0, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "Zambia", 0 },
          { 1, "election", "ELECTION", "election", "", "Sunday", "2025-06-15", "", 0 } },
        2, TRUE },
      20, "" },
  };
  return cr_make_param_array (FeedCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (FeedCase *tc, merge, a_feed_is_told_by_its_names)
{
  merge_case_run_among (&tc->c, tc->others, tc->other_place);
}

ParameterizedTest (MergeCase *tc, merge, same_day_other_story)
{
  merge_case_run (tc);
}

/* A set gathered for one story may name its subject in every article
 * but in few of its events: 'Acme Rail' is named by all five articles
 * here and by none of their events.  It is one story, not a feed, so
 * 'the strike' of the late report is the day's strike the first told
 * ('The strike began on Monday' / 'workers went on strike on Monday'). */
Test (merge, a_set_naming_its_subject_everywhere_is_one_story)
{
  static const char *const texts[] = {
    "Acme Rail workers went on strike on Monday.",
    "The strike began on Monday, Acme Rail said.",
    "Brandt said Acme Rail should pay more.",
    "Acme Rail said nothing.",
    "Shares in Acme Rail fell.",
  };
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (GPtrArray) arr = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      const char *dct = i == 1 ? "2025-06-20" : "2025-06-10";
      /* one event naming someone: the articles' events name little */
      EvlDocument *doc = i == 2 ? statement_doc (id, texts[i], "Brandt", EVL_ENTITY_PERSON, dct)
                                : fx_doc (id, texts[i], dct);
      merge_entity (doc, "Acme Rail", EVL_ENTITY_ORGANIZATION);
      if (i < 2)
        {
          FxEvent f = FX_EVENT ("PROTEST", "strike");
          f.timex = merge_timex (doc, "Monday", "2025-06-09");
          fx_event (doc, "strike", 0, &f);
        }
      g_ptr_array_add (arr, doc);
    }
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  g_autoptr (EvlGraph) g = evl_reason_build_graph (ctx, arr, &o);
  guint n = events_of_type (g, "PROTEST");
  cr_assert_eq (n, 1, "%u strikes", n);
}

/* Undated references to the one dated happening of their type where
 * they happened (join_undated ()): three texts, all written on
 * 2025-06-15, so that two dated happenings may be told apart from the
 * one referring to them. */
typedef struct {
  guint doc;
  char surface[16];
  char type[12], lemma[12];
  char tense[8];
  char when[12], value[11];
  char place[16];           /* "@X" its location, "" none */
  guint32 flags;            /* EVL_EVENT_FLAG_* */
  gboolean sentence;        /* dated by its sentence, not its clause */
} UndatedMention;

typedef struct {
  char texts[3][96];        /* "" for none */
  UndatedMention m[3];
  guint events;
} UndatedCase;

ParameterizedTestParameters (merge, undated_joins_the_one_dated)
{
  static UndatedCase cases[] = {
    /* The bombing there, told undated in another article: the one
     * dated bombing in its country's capital. */
    { { "A bomb attack hit Lusaka on Friday.", "The bombing in Zambia shocked many.", "" },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "bombing", "ATTACK", "bombing", "", "", "", "@Zambia", 0, FALSE } },
      1 },
    /* A toll told undated, in the same word. */
    { { "Nine people were killed in Lusaka on Friday.", "Twelve were killed in Zambia.", "" },
      { { 0, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "killed", "DEATH", "kill", "PAST", "", "", "@Zambia", 0, FALSE } },
      1 },
    /* A month holding the day is the same bombing told vaguely. */
    { { "A bomb attack hit Lusaka on Friday.", "A bombing hit Zambia in June.",
        "The bombing in Zambia shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "bombing", "ATTACK", "bombing", "", "June", "2025-06", "@Zambia", 0, FALSE },
        { 2, "bombing", "ATTACK", "bombing", "", "", "", "@Zambia", 0, FALSE } },
      2 },
    /* ... or where its sentence says it happened, a subject ending in
     * the place before the event's own word. */
    { { "Nine people were killed in Lusaka on Friday.", "The blast in Lusaka killed twelve.", "" },
      { { 0, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "killed", "DEATH", "kill", "PAST", "", "", "", 0, FALSE } },
      1 },
    /* A week told of it holds its day; a month before it does not. */
    { { "A bomb attack hit Lusaka on Friday.", "The bombing in Zambia last week shocked many.", "" },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "bombing", "ATTACK", "bombing", "", "last week", "2025-W24", "@Zambia", 0, FALSE } },
      1 },
    { { "A bomb attack hit Lusaka on Friday.", "The bombing in Zambia last month shocked many.", "" },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "bombing", "ATTACK", "bombing", "", "last month", "2025-05", "@Zambia", 0, FALSE } },
      2 },
    /* A day told by the sentence of a report written that day dates the
     * report ('figures as of Sunday'), not another bombing. */
    { { "A bomb attack hit Lusaka on Friday.", "Figures on Sunday for the bombing in Lusaka rose.",
        "The bombing in Zambia shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "bombing", "ATTACK", "bombing", "", "Sunday", "2025-06-15", "@Lusaka", 0, TRUE },
        { 2, "bombing", "ATTACK", "bombing", "", "", "", "@Zambia", 0, FALSE } },
      2 },
    /* Two dated bombings there on days apart: which one is not told. */
    { { "A bomb attack hit Lusaka on Friday.", "A bomb attack hit Lusaka on Monday.",
        "The bombing in Zambia shocked many." },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "attack", "ATTACK", "attack", "", "Monday", "2025-06-09", "@Lusaka", 0, FALSE },
        { 2, "bombing", "ATTACK", "bombing", "", "", "", "@Zambia", 0, FALSE } },
      3 },
    /* Planned, hedged or elsewhere: another one. */
    { { "A bomb attack hit Lusaka on Friday.", "The planned bombing in Zambia was foiled.", "" },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "bombing", "ATTACK", "bombing", "", "", "", "@Zambia", EVL_EVENT_FLAG_PLANNED, FALSE } },
      2 },
    { { "A bomb attack hit Lusaka on Friday.", "A rumoured bombing in Zambia was denied.", "" },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "bombing", "ATTACK", "bombing", "", "", "", "@Zambia", EVL_EVENT_FLAG_HEDGED, FALSE } },
      2 },
    { { "A bomb attack hit Lusaka on Friday.", "The bombing in Malawi shocked many.", "" },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "bombing", "ATTACK", "bombing", "", "", "", "@Malawi", 0, FALSE } },
      2 },
    /* A clause tells a deed of its own; a toll in other words is
     * another count. */
    { { "A bomb attack hit Lusaka on Friday.", "Rebels bombed Zambia.", "" },
      { { 0, "attack", "ATTACK", "attack", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "bombed", "ATTACK", "bomb", "PAST", "", "", "@Zambia", 0, FALSE } },
      2 },
    { { "Nine people were killed in Lusaka on Friday.", "Twelve died in Zambia.", "" },
      { { 0, "killed", "DEATH", "kill", "PAST", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "died", "DEATH", "die", "PAST", "", "", "@Zambia", 0, FALSE } },
      2 },
    /* Leaders meet at one place again and again. */
    { { "Leaders held a meeting in Lusaka on Friday.", "The meeting in Zambia was long.", "" },
      { { 0, "meeting", "MEETING", "meeting", "", "Friday", "2025-06-13", "@Lusaka", 0, FALSE },
        { 1, "meeting", "MEETING", "meeting", "", "", "", "@Zambia", 0, FALSE } },
      2 },
  };
  return cr_make_param_array (UndatedCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (UndatedCase *tc, merge, undated_joins_the_one_dated)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  EvlDocument *docs[3] = { NULL, NULL, NULL };
  static const char *const ids[] = { "a", "b", "c" };
  guint n = 0;
  while (n < 3 && tc->texts[n][0])
    {
      docs[n] = fx_doc (ids[n], tc->texts[n], "2025-06-15");
      n++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tc->m) && tc->m[i].surface[0]; i++)
    {
      const UndatedMention *m = &tc->m[i];
      EvlDocument *doc = docs[m->doc];
      FxEvent f = FX_EVENT (m->type, m->lemma);
      f.tense = m->tense[0] ? m->tense : NULL;
      f.flags = m->flags;
      if (m->when[0])
        {
          f.timex = merge_timex (doc, m->when, m->value);
          f.anchor = m->sentence ? EVL_ANCHOR_SENTENCE : EVL_ANCHOR_CLAUSE;
        }
      if (m->place[0] == '@')
        f.location = merge_entity (doc, m->place + 1, EVL_ENTITY_LOCATION);
      fx_event (doc, m->surface, 0, &f);
    }
  g_autoptr (GPtrArray) arr = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (arr, docs[i]);
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  g_autoptr (EvlGraph) g = evl_reason_build_graph (ctx, arr, &o);
  cr_assert_eq (evl_graph_n_events (g), tc->events, "'%s' / '%s' / '%s': %u events", tc->texts[0],
                tc->texts[1], tc->texts[2], evl_graph_n_events (g));
  for (guint i = 0; i < n; i++)
    evl_document_unref (docs[i]);
}

/* A date before a noun is no count of it ('the Aug. 7 bombings' is one
 * known happening, not seven), while a count or a part of many ('two
 * bombings', 'one of the bombings') is no reference to the day's one. */
/* Deaths told in the same word on the day of one happening, in
 * sentences that tell it, are its deaths whatever each toll: 'the
 * bombing in Lusaka on June 13 killed nine' / 'the bombing on June 13
 * killed twelve', once the bombings are one; not deaths told apart from
 * it, or at another place. */
ParameterizedTestParameters (merge, deaths_of_one_happening)
{
  static MergeCase cases[] = {
    { { "The bombing in Lusaka on June 13 killed nine.", "The bombing on June 13 killed twelve." },
      { { 0, "killed", "DEATH", "kill", "PAST", "June 13", "2025-06-13", "", 0 },
        { 0, "bombing", "ATTACK", "bombing", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "June 13", "2025-06-13", "", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "June 13", "2025-06-13", "", 0 } },
      1, FALSE },
    { { "The bombing in Lusaka on June 13 killed nine.", "The bombing on June 13 killed twelve in Lilongwe." },
      { { 0, "killed", "DEATH", "kill", "PAST", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 0, "bombing", "ATTACK", "bombing", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "June 13", "2025-06-13", "Lilongwe", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "June 13", "2025-06-13", "", 0 } },
      2, FALSE },
    { { "The bombing in Lusaka on June 13 killed nine.", "The bombing on June 13 shocked many.\nTwelve were killed on June 13." },
      { { 0, "killed", "DEATH", "kill", "PAST", "June 13", "2025-06-13", "", 0 },
        { 0, "bombing", "ATTACK", "bombing", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "killed", "DEATH", "kill", "PAST", "June 13", "2025-06-13", "", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "June 13", "2025-06-13", "", 0 } },
      2, FALSE },
  };
  return cr_make_param_array (MergeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (MergeCase *tc, merge, deaths_of_one_happening)
{
  merge_case_run (tc);
}

ParameterizedTestParameters (merge, a_dated_description_refers_to_that_day)
{
  static MergeCase cases[] = {
    { { "A bomb attack hit Lusaka on June 13.", "The June 13 bombing killed nine." },
      { { 0, "attack", "ATTACK", "attack", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "June 13", "2025-06-13", "", 0 } },
      1, FALSE },
    { { "A bomb attack hit Lusaka on June 13.", "The June 13, 2025, bombing killed nine." },
      { { 0, "attack", "ATTACK", "attack", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "June 13, 2025", "2025-06-13", "", 0 } },
      1, FALSE },
    { { "A bomb attack hit Lusaka on June 13.", "The June 13 blasts killed nine." },
      { { 0, "attack", "ATTACK", "attack", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "blasts", "ATTACK", "blast", "", "June 13", "2025-06-13", "", 0 } },
      1, FALSE },
    /* ... also among many stories, when the articles tell one */
    { { "A bomb attack hit Lusaka on June 13.", "In Zambia, the June 13 bombing killed nine." },
      { { 0, "attack", "ATTACK", "attack", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombing", "ATTACK", "bombing", "", "June 13", "2025-06-13", "Zambia", 0 } },
      1, TRUE },
    { { "A bomb attack hit Lusaka on June 13.", "Two bombings on June 13 killed nine." },
      { { 0, "attack", "ATTACK", "attack", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombings", "ATTACK", "bombing", "", "June 13", "2025-06-13", "", 0 } },
      2, FALSE },
    { { "A bomb attack hit Lusaka on June 13.", "One of the bombings on June 13 killed nine." },
      { { 0, "attack", "ATTACK", "attack", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombings", "ATTACK", "bombing", "", "June 13", "2025-06-13", "", 0 } },
      2, FALSE },
    { { "A bomb attack hit Lusaka on June 13.", "Each of the June 13 bombings killed nine." },
      { { 0, "attack", "ATTACK", "attack", "", "June 13", "2025-06-13", "@Lusaka", 0 },
        { 1, "bombings", "ATTACK", "bombing", "", "June 13", "2025-06-13", "", 0 } },
      2, FALSE },
  };
  return cr_make_param_array (MergeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (MergeCase *tc, merge, a_dated_description_refers_to_that_day)
{
  merge_case_run (tc);
}

/* Within an article, 'after the shooting' names the shooting it told
 * (trigger 'shoot'), as 'the attack' does its attack; 'the shooting of
 * doctors in Lusaka' that month names others. */
ParameterizedTestParameters (merge, a_definite_ing_noun_refers_back_in_its_article)
{
  static MergeCase cases[] = {
    { { "The June 13 shooting of Dr. Amsel shocked all.\nPolice searched after the shooting.", "" },
      { { 0, "shooting", "DEATH", "shoot", "", "June 13", "2025-06-13", "~Amsel", 0 },
        { 0, "shooting", "DEATH", "shoot", "", "June 13", "2025-06-13", "", 1 } },
      1, FALSE },
    { { "The June 13 shooting of Dr. Amsel shocked all.\nThe shooting of doctors in Lusaka went on.", "" },
      { { 0, "shooting", "DEATH", "shoot", "", "June 13", "2025-06-13", "~Amsel", 0 },
        { 0, "shooting", "DEATH", "shoot", "", "June", "2025-06", "@Lusaka", 1 } },
      2, FALSE },
  };
  return cr_make_param_array (MergeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (MergeCase *tc, merge, a_definite_ing_noun_refers_back_in_its_article)
{
  merge_case_run (tc);
}

/* Within an article, what one says at different times about different
 * things is two statements; a noun naming the statement ('his
 * statement') and a verb saying the same thing join it. */
ParameterizedTestParameters (merge, different_things_said_are_two_statements)
{
  static MergeCase cases[] = {
    { { "In Lusaka Ng insisted border talks would resume.\nIn Lusaka Ng hailed a pension ruling.", "" },
      { { 0, "insisted", "STATEMENT", "insist", "PAST", "", "", "@Lusaka", 0 },
        { 0, "hailed", "STATEMENT", "hail", "PAST", "", "", "@Lusaka", 0 } },
      2, FALSE },
    /* one content word each is enough when they differ */
    { { "In Lusaka Ng rejected the offer.\nIn Lusaka Ng hailed the ruling.", "" },
      { { 0, "rejected", "STATEMENT", "reject", "PAST", "", "", "@Lusaka", 0 },
        { 0, "hailed", "STATEMENT", "hail", "PAST", "", "", "@Lusaka", 0 } },
      2, FALSE },
    { { "In Lusaka Ng insisted border talks would resume.\nIn Lusaka his statement surprised many.", "" },
      { { 0, "insisted", "STATEMENT", "insist", "PAST", "", "", "@Lusaka", 0 },
        { 0, "statement", "STATEMENT", "statement", "", "", "", "@Lusaka", 0 } },
      1, FALSE },
    { { "In Lusaka Ng insisted border talks would resume.\nIn Lusaka Ng promised border talks soon.", "" },
      { { 0, "insisted", "STATEMENT", "insist", "PAST", "", "", "@Lusaka", 0 },
        { 0, "promised", "STATEMENT", "promise", "PAST", "", "", "@Lusaka", 0 } },
      1, FALSE },
  };
  return cr_make_param_array (MergeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (MergeCase *tc, merge, different_things_said_are_two_statements)
{
  merge_case_run (tc);
}

/* Meetings of a famous person: the one an undated mention joins is the
 * one naming everyone it names, not another's meeting with that person
 * at the same place ('the summit between Hashimoto and Clinton in
 * Washington' is not Hussein's 'talks in Washington with Clinton'). */
typedef struct {
  guint doc;
  char surface[16];
  char type[12], lemma[12];
  char tense[8];
  char when[12], value[11];
  char agent[16], patient[16], place[16];
} MeetingMention;

typedef struct {
  char texts[3][96];
  MeetingMention m[3];
  guint events;
  guint with;               /* the third text's event is told with this one's */
} MeetingCase;

ParameterizedTestParameters (merge, a_meeting_is_of_everyone_it_names)
{
  static MeetingCase cases[] = {
    { { "Hashimoto met Clinton at the White House on Friday.",
        "Hussein will brief Arafat on his talks in Washington with Clinton in May.",
        "The summit between Hashimoto and Clinton in Washington was cordial." },
      { { 0, "met", "MEETING", "meet", "PAST", "Friday", "2025-06-13", "Hashimoto", "Clinton", "White House" },
        { 1, "talks", "MEETING", "talks", "", "May", "2025-05", "", "Clinton", "Washington" },
        { 2, "summit", "MEETING", "summit", "", "", "", "Hashimoto", "Clinton", "Washington" } },
      2, 0 },
    /* naming only the shared one, the place decides */
    { { "Hashimoto met Clinton at the White House on Friday.",
        "Hussein will brief Arafat on his talks in Washington with Clinton in May.",
        "The talks with Clinton in Washington were cordial." },
      { { 0, "met", "MEETING", "meet", "PAST", "Friday", "2025-06-13", "Hashimoto", "Clinton", "White House" },
        { 1, "talks", "MEETING", "talks", "", "May", "2025-05", "", "Clinton", "Washington" },
        { 2, "talks", "MEETING", "talks", "", "", "", "", "Clinton", "Washington" } },
      2, 1 },
  };
  return cr_make_param_array (MeetingCase, cases, G_N_ELEMENTS (cases));
}

/* A mention of person or place @name in @doc, or -1 when "". */
static gint32
meeting_entity (EvlDocument *doc, const char *name, EvlEntityType type)
{
  return name[0] ? merge_entity (doc, name, type) : -1;
}

ParameterizedTest (MeetingCase *tc, merge, a_meeting_is_of_everyone_it_names)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const char *const ids[] = { "a", "b", "c" };
  g_autoptr (GPtrArray) arr = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (arr, fx_doc (ids[i], tc->texts[i], "2025-06-15"));
  for (guint i = 0; i < G_N_ELEMENTS (tc->m); i++)
    {
      const MeetingMention *m = &tc->m[i];
      EvlDocument *doc = arr->pdata[m->doc];
      FxEvent f = FX_EVENT (m->type, m->lemma);
      f.tense = m->tense[0] ? m->tense : NULL;
      if (m->when[0])
        f.timex = merge_timex (doc, m->when, m->value);
      f.agent = meeting_entity (doc, m->agent, EVL_ENTITY_PERSON);
      f.patient = meeting_entity (doc, m->patient, EVL_ENTITY_PERSON);
      f.location = meeting_entity (doc, m->place, EVL_ENTITY_LOCATION);
      fx_event (doc, m->surface, 0, &f);
    }
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  g_autoptr (EvlGraph) g = evl_reason_build_graph (ctx, arr, &o);
  cr_assert_eq (evl_graph_n_events (g), tc->events, "%u events", evl_graph_n_events (g));
  gboolean told = FALSE;
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    {
      const GArray *ms = evl_graph_get_event (g, i)->mentions;
      gboolean third = FALSE, other = FALSE;
      for (guint k = 0; k < ms->len; k++)
        {
          const char *id = evl_graph_get_document (g, g_array_index (ms, EvlGraphMention, k).doc)->id;
          third |= strcmp (id, ids[2]) == 0;
          other |= strcmp (id, ids[tc->with]) == 0;
        }
      told |= third && other;
    }
  cr_assert (told, "'%s' is not told with '%s'", tc->texts[2], tc->texts[tc->with]);
}

/* In a feed where most articles name the United States, sharing that
 * name alone tells one meeting only on one day or in the same word: the
 * United States' talks with one country in May are not its meeting with
 * another in a week of that month. */
typedef struct {
  char texts[2][64];
  char surface[2][8], lemma[2][8];
  char when[2][16], value[2][11];
  char other[2][8];         /* the other side, a country */
  guint events;             /* of the two */
} CommonNameCase;

/* Articles besides a case's two, each naming the United States. */
#define COMMON_FEED 20

ParameterizedTestParameters (merge, a_common_name_alone)
{
  static CommonNameCase cases[] = {
    { { "The United States held talks with Zambia in May.", "Malawi met the United States last week." },
      { "talks", "met" }, { "talks", "meet" }, { "May", "last week" }, { "2025-05", "2025-W22" },
      { "Zambia", "Malawi" }, 2 },
    /* one day, or the same word: one meeting */
    { { "The United States held talks with Zambia on Friday.", "Malawi met the United States on Friday." },
      { "talks", "met" }, { "talks", "meet" }, { "Friday", "Friday" }, { "2025-06-13", "2025-06-13" },
      { "Zambia", "Malawi" }, 1 },
    { { "The United States met Zambia in May.", "Malawi met the United States last week." },
      { "met", "met" }, { "meet", "meet" }, { "May", "last week" }, { "2025-05", "2025-W22" },
      { "Zambia", "Malawi" }, 1 },
  };
  return cr_make_param_array (CommonNameCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (CommonNameCase *tc, merge, a_common_name_alone)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  g_autoptr (GPtrArray) arr = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  for (guint i = 0; i < 2; i++)
    {
      EvlDocument *doc = fx_doc (i ? "b" : "a", tc->texts[i], "2025-06-15");
      FxEvent f = FX_EVENT ("MEETING", tc->lemma[i]);
      f.tense = strcmp (tc->surface[i], "met") == 0 ? "PAST" : NULL;
      f.timex = merge_timex (doc, tc->when[i], tc->value[i]);
      f.agent = merge_entity (doc, "United States", EVL_ENTITY_LOCATION);
      f.patient = merge_entity (doc, tc->other[i], EVL_ENTITY_LOCATION);
      fx_event (doc, tc->surface[i], 0, &f);
      g_ptr_array_add (arr, doc);
    }
  for (guint i = 0; i < COMMON_FEED; i++)
    {
      g_autofree char *id = g_strdup_printf ("feed%u", i);
      g_ptr_array_add (arr, statement_doc (id, "The United States said nothing.", "United States",
                                           EVL_ENTITY_LOCATION, "2025-06-15"));
    }
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  g_autoptr (EvlGraph) g = evl_reason_build_graph (ctx, arr, &o);
  guint meetings = events_of_type (g, "MEETING");
  cr_assert_eq (meetings, tc->events, "'%s' / '%s': %u meetings", tc->texts[0], tc->texts[1], meetings);
}

/* A verb and the event noun it takes after it in one sentence tell one
 * happening ('made a takeover offer'): its line names the noun.  So does
 * a noun in the subject of a verb of its own type ('an earthquake
 * struck'): not a noun of another type ('the strike' a complaint is
 * about).  The whole pipeline: the recogniser makes both. */
static const EvlGraphEvent *
pipeline_event_of (const EvlGraph *g, const char *text)
{
  for (guint i = 0; i < evl_graph_n_events (g); i++)
    {
      const EvlGraphEvent *e = evl_graph_get_event (g, i);
      for (guint m = 0; m < e->mentions->len; m++)
        if (g_strcmp0 (g_array_index (e->mentions, EvlGraphMention, m).text, text) == 0)
          return e;
    }
  return NULL;
}

Test (merge, a_verb_and_its_event_noun_are_one)
{
  static const struct {
    const char *text, *verb, *noun;
    gboolean one;
  } cases[] = {
    { "Kestrel Pharma has made a 4.2 billion pound takeover offer for Aldane Therapeutics, the British "
      "biotech company said on Monday.", "made", "offer", TRUE },
    { "A magnitude 6.8 earthquake struck central Chile late on Sunday.", "struck", "earthquake", TRUE },
    { "The explosion destroyed the old building on Monday.", "destroyed", "explosion", TRUE },
    { "A group of Norvex Telecom customers filed a class action lawsuit against the company on Tuesday.",
      "filed", "lawsuit", TRUE },
    { "Union officials filed a complaint about the strike on Tuesday.", "filed", "strike", FALSE },
  };
  g_autoptr (EvlContext) ctx = fx_context ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      EvlDocument *doc = evl_document_new ("p", cases[i].text, -1, &error);
      cr_assert_not_null (doc);
      evl_document_set_dct (doc, "2025-06-15", EVL_DCT_METADATA);
      evl_pipeline_annotate (ctx, doc);
      g_autoptr (GPtrArray) arr = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      g_ptr_array_add (arr, doc);
      EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
      o.all_events = TRUE;
      g_autoptr (EvlGraph) g = evl_reason_build_graph (ctx, arr, &o);
      const EvlGraphEvent *v = pipeline_event_of (g, cases[i].verb), *n = pipeline_event_of (g, cases[i].noun);
      cr_assert (v && n, "%s: no '%s' or '%s'", cases[i].text, cases[i].verb, cases[i].noun);
      cr_expect_eq (v == n, cases[i].one, "%s: '%s' and '%s' %s", cases[i].text, cases[i].verb, cases[i].noun,
                    v == n ? "joined" : "apart");
    }
}

/* The line of the one event @trigger (@lemma, @tense) of one-sentence
 * @text, its agent @agent ("" none) and its patient the place @patient
 * ("" none). */
static char *
summary_of (EvlContext *ctx, const char *text, const char *trigger, const char *lemma, const char *tense,
            const char *agent, const char *patient)
{
  EvlDocument *d = fx_doc ("s", text, "2025-06-15");
  FxEvent f = FX_EVENT ("OTHER", lemma);
  f.tense = tense;
  if (agent[0])
    f.agent = merge_entity (d, agent, EVL_ENTITY_ORGANIZATION);
  if (patient[0])
    f.patient = merge_entity (d, patient, EVL_ENTITY_LOCATION);
  fx_event (d, trigger, 0, &f);
  g_autoptr (GPtrArray) arr = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_ptr_array_add (arr, d);
  EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
  g_autoptr (EvlGraph) g = evl_reason_build_graph (ctx, arr, &o);
  return g_strdup (evl_graph_get_event (g, 0)->summary);
}

/* A thing longer than five words before the patient's preposition is
 * cut before its own first preposition, so that the patient keeps the
 * one that tells it is no direct object ('Pledging 5 million euros to
 * Zambia', not 'Pledging Zambia'). */
Test (merge, a_long_thing_before_the_patient_keeps_its_preposition)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct {
    const char *text, *trigger, *lemma, *expected;
  } cases[] = {
    { "Officials spoke of pledging 5 million euros in humanitarian aid to Zambia.", "pledging", "pledge",
      "Pledging 5 million euros to Zambia" },
    { "Officials spoke of pledging 5 million euros to Zambia.", "pledging", "pledge",
      "Pledging 5 million euros to Zambia" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = summary_of (ctx, cases[i].text, cases[i].trigger, cases[i].lemma, "PRESPART", "",
                                          "Zambia");
      cr_expect_str_eq (line, cases[i].expected, "%s: %s", cases[i].text, line);
    }
}

/* A name no article's words typed is a person by default; another
 * article's words that make it an organisation ('Aldane chairman Robert
 * Finch') make it one in the story, whichever article comes first. */
Test (merge, an_organisation_in_one_article_is_one_in_all)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  for (guint order = 0; order < 2; order++)
    {
      g_autoptr (GPtrArray) arr = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      for (guint i = 0; i < 2; i++)
        {
          gboolean org = i != order;
          EvlDocument *d = fx_doc (i ? "b" : "a", "Aldane Therapeutics rejected the offer.", "2025-06-15");
          merge_entity (d, "Aldane Therapeutics", org ? EVL_ENTITY_ORGANIZATION : EVL_ENTITY_PERSON);
          g_ptr_array_add (arr, d);
        }
      EvlReasonOptions o = EVL_REASON_OPTIONS_INIT;
      g_autoptr (EvlGraph) g = evl_reason_build_graph (ctx, arr, &o);
      guint n = 0;
      for (guint i = 0; i < evl_graph_n_entities (g); i++)
        if (g_strcmp0 (evl_graph_get_entity (g, i)->name, "Aldane Therapeutics") == 0)
          {
            n++;
            cr_expect_eq (evl_graph_get_entity (g, i)->type, EVL_ENTITY_ORGANIZATION, "order %u", order);
          }
      cr_expect_eq (n, 1, "order %u: %u entities", order, n);
    }
}

/* A preposition that rounds a number opens the object, not a phrase of
 * its own: 'cut about 600 jobs', 'sold around 40 shops'. */
Test (merge, a_rounded_count_is_the_object)
{
  g_autoptr (EvlContext) ctx = fx_context ();
  static const struct {
    const char *text, *trigger, *lemma, *expected;
  } cases[] = {
    { "Kestrel cut about 600 jobs.", "cut", "cut", "Kestrel cuts about 600 jobs" },
    { "Kestrel sold around 40 shops.", "sold", "sell", "Kestrel sells around 40 shops" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = summary_of (ctx, cases[i].text, cases[i].trigger, cases[i].lemma, "PAST", "Kestrel", "");
      cr_expect_str_eq (line, cases[i].expected, "%s: %s", cases[i].text, line);
    }
}

/* A court's step named alone as its sentence's subject ('Sentencing was
 * set for Oct. 20') is the story's step of that day: another article's
 * sentence passed that very day, naming the convict, is the same one.
 * Another day, or another word, stays apart. */
ParameterizedTestParameters (merge, a_step_named_alone_is_that_days)
{
  static MergeCase cases[] = {
    { { "A court sentenced Kofi Mensah to four years in prison on Tuesday.", "Sentencing was set for Tuesday." },
      { { 0, "sentenced", "ARREST", "sentence", "PAST", "Tuesday", "2025-06-17", "~Kofi Mensah", 0 },
        { 1, "Sentencing", "ARREST", "sentence", "", "Tuesday", "2025-06-17", "", 0 } },
      1, FALSE },
    { { "A court sentenced Kofi Mensah to four years in prison on Tuesday.", "Sentencing was set for Monday." },
      { { 0, "sentenced", "ARREST", "sentence", "PAST", "Tuesday", "2025-06-17", "~Kofi Mensah", 0 },
        { 1, "Sentencing", "ARREST", "sentence", "", "Monday", "2025-06-16", "", 0 } },
      2, FALSE },
    { { "A court sentenced Kofi Mensah to four years in prison on Tuesday.", "Jailing was set for Tuesday." },
      { { 0, "sentenced", "ARREST", "sentence", "PAST", "Tuesday", "2025-06-17", "~Kofi Mensah", 0 },
        { 1, "Jailing", "ARREST", "jail", "", "Tuesday", "2025-06-17", "", 0 } },
      2, FALSE },
  };
  return cr_make_param_array (MergeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (MergeCase *tc, merge, a_step_named_alone_is_that_days)
{
  merge_case_run (tc);
}

/* A definite description naming nobody, dated a week that holds the
 * day of another article's happening ('after last week's earthquake'),
 * is that happening, told in its word or a near-synonym; its day is the
 * finer date.  Another week, a month, or 'an earthquake' stay apart. */
ParameterizedTestParameters (merge, a_known_happening_dated_by_its_week)
{
  static MergeCase cases[] = {
    { { "An earthquake struck Zambia on Tuesday.", "Aid arrived after last week's earthquake." },
      { { 0, "struck", "DISASTER", "strike", "PAST", "Tuesday", "2025-06-17", "%Zambia", 0 },
        { 1, "earthquake", "DISASTER", "earthquake", "", "last week", "2025-W25", "", 0 } },
      1, FALSE },
    { { "An earthquake struck Zambia on Tuesday.", "Aid arrived after last week's earthquake." },
      { { 0, "struck", "DISASTER", "strike", "PAST", "Tuesday", "2025-06-17", "%Zambia", 0 },
        { 1, "earthquake", "DISASTER", "earthquake", "", "last week", "2025-W24", "", 0 } },
      2, FALSE },
    { { "An earthquake struck Zambia on Tuesday.", "Aid arrived after last month's earthquake." },
      { { 0, "struck", "DISASTER", "strike", "PAST", "Tuesday", "2025-06-17", "%Zambia", 0 },
        { 1, "earthquake", "DISASTER", "earthquake", "", "last month", "2025-06", "", 0 } },
      2, FALSE },
    { { "An earthquake struck Zambia on Tuesday.", "Aid arrived after an earthquake last week." },
      { { 0, "struck", "DISASTER", "strike", "PAST", "Tuesday", "2025-06-17", "%Zambia", 0 },
        { 1, "earthquake", "DISASTER", "earthquake", "", "last week", "2025-W25", "", 0 } },
      2, FALSE },
  };
  return cr_make_param_array (MergeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (MergeCase *tc, merge, a_known_happening_dated_by_its_week)
{
  merge_case_run (tc);
}

/* A plan told in the same word of someone the happening names, for the
 * day it happened, is that happening announced: one event, however
 * many other names each side has; not when the happening is denied,
 * nor another's. */
typedef struct {
  MergeCase c;
  MergeModality told;
} PlanCase;

ParameterizedTestParameters (merge, a_plan_for_the_day_it_happened_is_that_happening)
{
  static PlanCase cases[] = {
    { { { "Judge Lund said she would sentence Park on Friday.", "Park was sentenced on Friday." },
      { { 0, "sentence", "LEGAL_ACTION", "sentence", "FUTURE", "Friday", "2025-06-13", "~Park", 0 },
        { 1, "sentenced", "LEGAL_ACTION", "sentence", "PAST", "Friday", "2025-06-13", "~Park", 0 } },
      1, FALSE }, { "would", "" } },
    { { { "Judge Lund said she would sentence Park on Friday.", "Park was not sentenced on Friday." },
      { { 0, "sentence", "LEGAL_ACTION", "sentence", "FUTURE", "Friday", "2025-06-13", "~Park", 0 },
        { 1, "sentenced", "LEGAL_ACTION", "sentence", "PAST", "Friday", "2025-06-13", "~Park", 0 } },
      2, FALSE }, { "would", "not" } },
    { { { "Judge Lund said she would sentence Park on Friday.", "Holm was sentenced on Friday." },
      { { 0, "sentence", "LEGAL_ACTION", "sentence", "FUTURE", "Friday", "2025-06-13", "~Park", 0 },
        { 1, "sentenced", "LEGAL_ACTION", "sentence", "PAST", "Friday", "2025-06-13", "~Holm", 0 } },
      2, FALSE }, { "would", "" } },
    /* the plan for another day is another happening */
    { { { "Judge Lund said she would sentence Park on Friday.", "Park was sentenced on Monday." },
      { { 0, "sentence", "LEGAL_ACTION", "sentence", "FUTURE", "Friday", "2025-06-13", "~Park", 0 },
        { 1, "sentenced", "LEGAL_ACTION", "sentence", "PAST", "Monday", "2025-06-09", "~Park", 0 } },
      2, FALSE }, { "would", "" } },
  };
  return cr_make_param_array (PlanCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PlanCase *tc, merge, a_plan_for_the_day_it_happened_is_that_happening)
{
  merge_case_run_told (&tc->c, 0, "", &tc->told);
}
