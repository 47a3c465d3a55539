/* The sample story end to end: input/ through `eventline build`, checked
 * from events.json.  These are the promises of the README's Quick start. */
#include "cli-helpers.h"

#include <string.h>

TestSuite (seeds, .timeout = 120 * EVL_TIMEOUT_SCALE, .fini = evl_test_tmp_cleanup);

typedef struct {
  char *dir;
  JsonParser *parser;
  JsonObject *root;
  JsonArray *events, *entities, *relations, *documents;
} Story;

static Story story;

static void
build_with (const char *extra)
{
  story.dir = evl_test_tmpdir ();
  g_autofree char *input = g_build_filename (evl_test_source_root (), "input", NULL);
  g_autofree char *err = NULL;
  int code = evl_test_run (NULL, &err, "build", "--quiet", "--dct", "2023-09-14",
                           "--format", "svg", "-o", story.dir, input, extra, NULL);
  cr_assert_eq (code, 0, "eventline build failed (%d): %s", code, err);
  g_autofree char *json = g_build_filename (story.dir, "events.json", NULL);
  story.parser = evl_test_load_json (json, &story.root);
  story.events = json_object_get_array_member (story.root, "events");
  story.entities = json_object_get_array_member (story.root, "entities");
  story.relations = json_object_get_array_member (story.root, "relations");
  story.documents = json_object_get_array_member (story.root, "documents");
  cr_assert_not_null (story.events);
  cr_assert_not_null (story.entities);
}

/* Called first in each test's body, not as its .init: a failed assertion
 * in a .init ends the test without any .fini, leaving story.dir behind. */
static void
build_story (void)
{
  build_with (NULL);
}

/* Every event mention, not only the timeline-worthy ones: hedged claims
 * and denials are checked there. */
static void
build_all_events (void)
{
  build_with ("--all-events");
}

static void
drop_story (void)
{
  g_clear_object (&story.parser);
  evl_test_rmtree (story.dir);
  g_free (story.dir);
}

static const char *
str_member (JsonObject *o, const char *name)
{
  if (o == NULL || !json_object_has_member (o, name))
    return NULL;
  JsonNode *n = json_object_get_member (o, name);
  return JSON_NODE_HOLDS_VALUE (n) ? json_node_get_string (n) : NULL;
}

static JsonObject *
time_of (JsonObject *ev)
{
  JsonNode *n = json_object_get_member (ev, "time");
  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

/* The entity whose string @member equals @value, or NULL. */
static JsonObject *
entity_where (const char *member, const char *value)
{
  for (guint i = 0; value && i < json_array_get_length (story.entities); i++)
    {
      JsonObject *e = json_array_get_object_element (story.entities, i);
      if (g_strcmp0 (str_member (e, member), value) == 0)
        return e;
    }
  return NULL;
}

static const char *
entity_name (const char *id)
{
  return str_member (entity_where ("id", id), "name");
}

static gboolean
has_participant (JsonObject *ev, const char *needle)
{
  JsonArray *ps = json_object_get_array_member (ev, "participants");
  for (guint i = 0; ps && i < json_array_get_length (ps); i++)
    {
      const char *name = entity_name (json_array_get_string_element (ps, i));
      if (name && strstr (name, needle))
        return TRUE;
    }
  return FALSE;
}

static gboolean
time_is (JsonObject *ev, const char *begin, const char *end)
{
  JsonObject *t = time_of (ev);
  return t && g_strcmp0 (str_member (t, "begin"), begin) == 0
         && g_strcmp0 (str_member (t, "end"), end) == 0;
}

static guint
n_sources (JsonObject *ev)
{
  return (guint) json_object_get_int_member_with_default (ev, "sources", 0);
}

/* The asserted event of @type within [begin, end] with the most sources. */
static JsonObject *
find_event (const char *type, const char *begin, const char *end)
{
  JsonObject *best = NULL;
  for (guint i = 0; i < json_array_get_length (story.events); i++)
    {
      JsonObject *ev = json_array_get_object_element (story.events, i);
      if (g_strcmp0 (str_member (ev, "type"), type) != 0)
        continue;
      if (begin && !time_is (ev, begin, end))
        continue;
      if (best == NULL || n_sources (ev) > n_sources (best))
        best = ev;
    }
  return best;
}

static char *
describe_events (void)
{
  GString *s = g_string_new ("events:\n");
  for (guint i = 0; i < json_array_get_length (story.events); i++)
    {
      JsonObject *ev = json_array_get_object_element (story.events, i);
      JsonObject *t = time_of (ev);
      g_string_append_printf (s, "  %s %s %s..%s x%u %s\n", str_member (ev, "id"),
                              str_member (ev, "type"), t ? str_member (t, "begin") : "-",
                              t ? str_member (t, "end") : "-", n_sources (ev),
                              str_member (ev, "summary"));
    }
  return g_string_free (s, FALSE);
}

Test (seeds, documents_are_dated_and_titled, .fini = drop_story)
{
  build_story ();
  cr_assert_eq (json_array_get_length (story.documents), 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *d = json_array_get_object_element (story.documents, i);
      cr_assert_str_eq (str_member (d, "dct"), "2023-09-14");
      cr_assert_not_null (str_member (d, "title"));
      cr_assert_not_null (str_member (d, "path"));
    }
}

Test (seeds, summit_is_one_event_cited_by_every_article, .fini = drop_story)
{
  build_story ();
  g_autofree char *all = describe_events ();
  JsonObject *summit = find_event ("MEETING", "2023-09-13", "2023-09-13");
  cr_assert_not_null (summit, "no MEETING on 2023-09-13\n%s", all);
  cr_assert (has_participant (summit, "Kim Jong Un"), "Kim Jong Un takes part\n%s", all);
  cr_assert (has_participant (summit, "Putin"), "Putin takes part\n%s", all);
  const char *loc = entity_name (str_member (summit, "location"));
  cr_assert (loc && strstr (loc, "Vostochny"), "located at the Vostochny Cosmodrome, got %s", loc);
  cr_assert_eq (n_sources (summit), 5, "cited by all five articles\n%s", all);
  JsonArray *mentions = json_object_get_array_member (summit, "mentions");
  gboolean seen[5] = { FALSE };
  for (guint i = 0; i < json_array_get_length (mentions); i++)
    {
      JsonObject *m = json_array_get_object_element (mentions, i);
      const char *doc = str_member (m, "doc");
      for (guint d = 0; d < 5; d++)
        if (g_strcmp0 (doc, str_member (json_array_get_object_element (story.documents, d), "id")) == 0)
          seen[d] = TRUE;
      cr_assert_not_null (str_member (m, "quote"));
    }
  for (guint d = 0; d < 5; d++)
    cr_assert (seen[d], "document %u is cited", d);
  /* No second asserted 2023 meeting competes with it. */
  guint meetings = 0;
  for (guint i = 0; i < json_array_get_length (story.events); i++)
    {
      JsonObject *ev = json_array_get_object_element (story.events, i);
      if (g_strcmp0 (str_member (ev, "type"), "MEETING") == 0 && time_is (ev, "2023-09-13", "2023-09-13"))
        meetings++;
    }
  cr_assert_eq (meetings, 1, "one summit event\n%s", all);
}

Test (seeds, missile_launches_precede_the_summit, .fini = drop_story)
{
  build_story ();
  g_autofree char *all = describe_events ();
  JsonObject *summit = find_event ("MEETING", "2023-09-13", "2023-09-13");
  JsonObject *launch = find_event ("MISSILE_LAUNCH", "2023-09-13", "2023-09-13");
  cr_assert_not_null (summit, "%s", all);
  cr_assert_not_null (launch, "no MISSILE_LAUNCH on 2023-09-13\n%s", all);
  const char *sid = str_member (summit, "id"), *lid = str_member (launch, "id");
  gboolean before = FALSE;
  for (guint i = 0; i < json_array_get_length (story.relations); i++)
    {
      JsonObject *r = json_array_get_object_element (story.relations, i);
      const char *from = str_member (r, "from"), *to = str_member (r, "to"), *rel = str_member (r, "rel");
      if ((g_strcmp0 (from, lid) == 0 && g_strcmp0 (to, sid) == 0 && g_strcmp0 (rel, "BEFORE") == 0)
          || (g_strcmp0 (from, sid) == 0 && g_strcmp0 (to, lid) == 0 && g_strcmp0 (rel, "AFTER") == 0))
        before = TRUE;
    }
  cr_assert (before, "launch %s BEFORE summit %s", lid, sid);
}

Test (seeds, failed_satellite_launches_in_may_and_august, .fini = drop_story)
{
  build_story ();
  g_autofree char *all = describe_events ();
  JsonObject *may = find_event ("SATELLITE_LAUNCH", "2023-05-01", "2023-05-31");
  JsonObject *aug = find_event ("SATELLITE_LAUNCH", "2023-08-01", "2023-08-31");
  cr_assert_not_null (may, "no satellite launch in May 2023\n%s", all);
  cr_assert_not_null (aug, "no satellite launch in August 2023\n%s", all);
  cr_assert_neq (may, aug);
}

Test (seeds, previous_meeting_and_korean_war_as_context, .fini = drop_story)
{
  build_story ();
  g_autofree char *all = describe_events ();
  JsonObject *m2019 = find_event ("MEETING", "2019-01-01", "2019-12-31");
  cr_assert_not_null (m2019, "no 2019 meeting\n%s", all);
  JsonObject *war = find_event ("CONFLICT", "1950-01-01", "1953-12-31");
  cr_assert_not_null (war, "no Korean War 1950-53\n%s", all);
}

Test (seeds, page_furniture_never_becomes_an_event, .fini = drop_story)
{
  build_story ();
  static const char *const furniture[] = {
    "Leave a Reply", "email address", "Image Credit", "first appeared on", "Michelle Obama",
    "Petition Gains", "born and raised", "respected journalist", "July 23 2024", NULL,
  };
  for (guint i = 0; i < json_array_get_length (story.events); i++)
    {
      JsonObject *ev = json_array_get_object_element (story.events, i);
      JsonArray *ms = json_object_get_array_member (ev, "mentions");
      for (guint j = 0; j < json_array_get_length (ms); j++)
        {
          const char *q = str_member (json_array_get_object_element (ms, j), "quote");
          for (guint k = 0; furniture[k]; k++)
            cr_assert (q == NULL || strstr (q, furniture[k]) == NULL,
                       "event %s quotes furniture: %s", str_member (ev, "id"), q);
        }
    }
}

/* ---- arguments and factuality of the key events ---- */

static gboolean
has_flag (JsonObject *ev, const char *flag)
{
  JsonArray *fs = json_object_get_array_member (ev, "flags");
  for (guint i = 0; fs && i < json_array_get_length (fs); i++)
    if (g_strcmp0 (json_array_get_string_element (fs, i), flag) == 0)
      return TRUE;
  return FALSE;
}

/* g_ptr_array_sort passes pointers to the elements. */
static gint
cmp_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names of @ev's participants of entity @type ("PERSON"), sorted and
 * joined by '|'. */
static char *
participants_of_type (JsonObject *ev, const char *type)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  JsonArray *ps = json_object_get_array_member (ev, "participants");
  for (guint i = 0; ps && i < json_array_get_length (ps); i++)
    {
      JsonObject *e = entity_where ("id", json_array_get_string_element (ps, i));
      if (e && g_strcmp0 (str_member (e, "type"), type) == 0)
        g_ptr_array_add (names, (gpointer) str_member (e, "name"));
    }
  g_ptr_array_sort (names, cmp_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static const char *
role_name (JsonObject *ev, const char *role)
{
  return entity_name (str_member (ev, role));
}

/* The event of @type one of whose mentions has trigger text @word. */
static JsonObject *
event_with_mention (const char *type, const char *word)
{
  for (guint i = 0; i < json_array_get_length (story.events); i++)
    {
      JsonObject *ev = json_array_get_object_element (story.events, i);
      if (g_strcmp0 (str_member (ev, "type"), type) != 0)
        continue;
      JsonArray *ms = json_object_get_array_member (ev, "mentions");
      for (guint j = 0; ms && j < json_array_get_length (ms); j++)
        if (g_strcmp0 (str_member (json_array_get_object_element (ms, j), "text"), word) == 0)
          return ev;
    }
  return NULL;
}

Test (seeds, summit_has_the_two_leaders_at_the_cosmodrome, .fini = drop_story)
{
  build_story ();
  g_autofree char *all = describe_events ();
  JsonObject *summit = find_event ("MEETING", "2023-09-13", "2023-09-13");
  cr_assert_not_null (summit, "%s", all);
  g_autofree char *people = participants_of_type (summit, "PERSON");
  cr_assert_str_eq (people, "Kim Jong Un|Vladimir Putin", "the summit's people");
  /* The region of the location phrase is no participant. */
  cr_assert_not (has_participant (summit, "Far East"), "Far East is scenery, not a participant");
  cr_assert_not (has_participant (summit, "United States"),
                 "talks with Washington elsewhere in the text are another event");
  cr_assert_str_eq (role_name (summit, "location"), "Vostochny Cosmodrome");
  const char *agent = role_name (summit, "agent");
  cr_assert (agent == NULL || strcmp (agent, "Kim Jong Un") == 0 || strcmp (agent, "Vladimir Putin") == 0,
             "summit agent %s", agent);
  /* Asserted by the reporters themselves, not reported speech. */
  cr_assert_null (str_member (summit, "source"), "summit source %s", role_name (summit, "source"));
  cr_assert_str_eq (str_member (summit, "polarity"), "POS");
  cr_assert_null (str_member (summit, "modality"));
  cr_assert_not (has_flag (summit, "hedged"));
}

Test (seeds, missile_launch_is_north_koreas, .fini = drop_story)
{
  build_story ();
  g_autofree char *all = describe_events ();
  JsonObject *launch = find_event ("MISSILE_LAUNCH", "2023-09-13", "2023-09-13");
  cr_assert_not_null (launch, "%s", all);
  cr_assert_str_eq (role_name (launch, "agent"), "North Korea");
  cr_assert (has_participant (launch, "North Korea"));
  cr_assert_str_eq (str_member (launch, "polarity"), "POS");
  cr_assert_not (has_flag (launch, "hedged"));
  cr_assert_null (str_member (launch, "location"));
}

/* 'two failed attempts this year to launch a spy satellite' is the
 * story's failures told again: no card of its own for the whole year,
 * and August's failure is told by both articles that tell of it. */
Test (seeds, failed_attempts_this_year_join_the_dated_launches, .fini = drop_story)
{
  build_story ();
  g_autofree char *all = describe_events ();
  cr_assert_null (find_event ("SATELLITE_LAUNCH", "2023-01-01", "2023-12-31"), "a launch card for 2023\n%s", all);
  JsonObject *aug = find_event ("SATELLITE_LAUNCH", "2023-08-01", "2023-08-31");
  cr_assert_not_null (aug, "%s", all);
  cr_assert_geq (n_sources (aug), 2, "%s", all);
}

Test (seeds, satellite_launches_failed, .fini = drop_story)
{
  build_story ();
  g_autofree char *all = describe_events ();
  static const char *const months[][2] = { { "2023-05-01", "2023-05-31" }, { "2023-08-01", "2023-08-31" } };
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      JsonObject *ev = find_event ("SATELLITE_LAUNCH", months[i][0], months[i][1]);
      cr_assert_not_null (ev, "%s\n%s", months[i][0], all);
      cr_assert (has_flag (ev, "failed"), "%s launch failed", months[i][0]);
      /* It happened, and failed: no negation, no hedge. */
      cr_assert_str_eq (str_member (ev, "polarity"), "POS");
      cr_assert_not (has_flag (ev, "hedged"));
    }
}

Test (seeds, no_documents_signed_is_negated_and_sourced, .fini = drop_story)
{
  build_story ();
  g_autofree char *all = describe_events ();
  JsonObject *sign = event_with_mention ("AGREEMENT", "signed");
  cr_assert_not_null (sign, "no AGREEMENT for 'no formal documents were signed'\n%s", all);
  cr_assert_str_eq (str_member (sign, "polarity"), "NEG");
  cr_assert (has_flag (sign, "reported"));
  cr_assert_str_eq (role_name (sign, "source"), "Dmitry Peskov");
  /* The clarification itself is asserted, and is Peskov's. */
  JsonObject *said = event_with_mention ("STATEMENT", "clarified");
  cr_assert_not_null (said, "%s", all);
  cr_assert_str_eq (str_member (said, "polarity"), "POS");
  cr_assert_str_eq (role_name (said, "agent"), "Dmitry Peskov");
}

Test (seeds, arms_supply_claims_are_hedged, .fini = drop_story)
{
  build_all_events ();
  g_autofree char *all = describe_events ();
  /* 'suggesting that Russia may supply them with weaponry' */
  JsonObject *supply = event_with_mention ("ARMS_TRANSFER", "supply");
  cr_assert_not_null (supply, "%s", all);
  cr_assert (has_flag (supply, "hedged"), "'may supply' is not asserted");
  cr_assert_str_eq (str_member (supply, "modality"), "may");
  cr_assert_str_eq (role_name (supply, "agent"), "Russia");
  /* ... a claim of the United States, the subject of 'suggesting'. */
  cr_assert_str_eq (role_name (supply, "source"), "United States");
  cr_assert_str_eq (str_member (supply, "polarity"), "POS");
  /* 'contrary to reports of a potential arms deal': hedged, and no
   * speaker of the sentence is its source. */
  JsonObject *deal = event_with_mention ("ARMS_TRANSFER", "deal");
  cr_assert_not_null (deal, "%s", all);
  cr_assert (has_flag (deal, "hedged"));
  const char *src = role_name (deal, "source");
  cr_assert (src == NULL || (strcmp (src, "Dmitry Peskov") != 0 && strcmp (src, "John Bolton") != 0),
             "the potential deal is sourced to %s", src);
  /* No arms transfer of 2023 is asserted as fact. */
  for (guint i = 0; i < json_array_get_length (story.events); i++)
    {
      JsonObject *ev = json_array_get_object_element (story.events, i);
      JsonObject *t = time_of (ev);
      if (g_strcmp0 (str_member (ev, "type"), "ARMS_TRANSFER") != 0
          || (t && str_member (t, "begin") && strncmp (str_member (t, "begin"), "2023", 4) != 0))
        continue;
      cr_assert (has_flag (ev, "hedged") || g_strcmp0 (str_member (ev, "polarity"), "NEG") == 0,
                 "%s '%s' asserted", str_member (ev, "id"), str_member (ev, "summary"));
    }
}

Test (seeds, reported_speech_sources_only_their_claims, .fini = drop_story)
{
  build_all_events ();
  /* Peskov and Bolton speak of the talks and the meeting; neither is the
   * source of a MEETING. */
  for (guint i = 0; i < json_array_get_length (story.events); i++)
    {
      JsonObject *ev = json_array_get_object_element (story.events, i);
      if (g_strcmp0 (str_member (ev, "type"), "MEETING") != 0)
        continue;
      const char *src = role_name (ev, "source");
      cr_assert (src == NULL || (strcmp (src, "Dmitry Peskov") != 0 && strcmp (src, "John Bolton") != 0),
                 "%s '%s' sourced to %s", str_member (ev, "id"), str_member (ev, "summary"), src);
    }
}

/* ---- entities of the story ---- */

static gboolean
has_alias (JsonObject *e, const char *alias)
{
  JsonArray *as = json_object_get_array_member (e, "aliases");
  for (guint i = 0; as && i < json_array_get_length (as); i++)
    if (g_strcmp0 (json_array_get_string_element (as, i), alias) == 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  char name[32];
  char type[16];
  char aliases[3][24];   /* "" ends */
} EntityCase;

Test (seeds, entities_are_typed_and_their_aliases_clustered, .fini = drop_story)
{
  build_story ();
  static const EntityCase cases[] = {
    { "Kim Jong Un", "PERSON", { "Kim Jong-un", "Kim", "" } },
    { "Vladimir Putin", "PERSON", { "Putin", "" } },
    /* A capital standing for its government ('Moscow supplied weapons')
     * is no alias: it would merge the city itself into the country. */
    { "North Korea", "LOCATION", { "DPRK", "" } },
    { "Russia", "LOCATION", { "Kremlin", "" } },
    { "United States", "LOCATION", { "U.S.", "" } },
    /* 'traveling from Pyongyang': the city. */
    { "Pyongyang", "LOCATION", { "" } },
    /* Namesakes of the leader stay apart; titles are not names. */
    { "Kim Yo Jong", "PERSON", { "" } },
    { "Kim Myong Sik", "PERSON", { "" } },
    { "Dmitry Peskov", "PERSON", { "" } },
    { "Pak Thae Song", "PERSON", { "" } },
    { "Vostochny Cosmodrome", "LOCATION", { "" } },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JsonObject *e = entity_where ("name", cases[i].name);
      cr_assert_not_null (e, "no entity %s", cases[i].name);
      cr_assert_str_eq (str_member (e, "type"), cases[i].type, "%s", cases[i].name);
      for (guint a = 0; a < G_N_ELEMENTS (cases[i].aliases) && cases[i].aliases[a][0]; a++)
        cr_assert (has_alias (e, cases[i].aliases[a]), "%s has alias %s", cases[i].name, cases[i].aliases[a]);
    }
  /* No alias joins two clusters: 'Kim' is the leader's only. */
  cr_assert_not (has_alias (entity_where ("name", "Kim Yo Jong"), "Kim"));
  cr_assert_not (has_alias (entity_where ("name", "Kim Myong Sik"), "Kim"));
  cr_assert_not (has_alias (entity_where ("name", "North Korea"), "Pyongyang"));
}
