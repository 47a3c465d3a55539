/* Entities: detection rules, alias clustering, merge keys. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evl-private.h"
#include "entities/entities-private.h"
#include "../tmp-helpers.h"

static EvlContext *ctx;

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "context: %s", error ? error->message : "?");
}

static void
teardown (void)
{
  g_clear_pointer (&ctx, evl_context_unref);
  evl_test_tmp_cleanup ();
}

TestSuite (entities, .init = setup, .fini = teardown);

static EvlDocument *
annotate (const char *text)
{
  g_autoptr (GError) error = NULL;
  EvlDocument *doc = evl_document_new ("t", text, -1, &error);
  cr_assert_not_null (doc, "%s", error ? error->message : "?");
  evl_segment_document (ctx, doc);
  evl_entities_annotate (ctx, doc);
  return doc;
}

/* Index of the @nth mention whose text is exactly @surface, or -1. */
static gint
find_mention (EvlDocument *doc, const char *surface, guint nth)
{
  guint n;
  const EvlEntityMention *m = evl_document_get_entity_mentions (doc, &n);
  gsize len;
  const char *text = evl_document_get_text (doc, &len);
  for (guint i = 0; i < n; i++)
    if (EVL_SPAN_LEN (m[i].span) == strlen (surface)
        && memcmp (text + m[i].span.start, surface, strlen (surface)) == 0 && nth-- == 0)
      return (gint) i;
  return -1;
}

static const EvlEntityMention *
mention (EvlDocument *doc, const char *surface, guint nth)
{
  gint i = find_mention (doc, surface, nth);
  cr_assert_geq (i, 0, "no mention '%s' (#%u)", surface, nth);
  return &evl_document_get_entity_mentions (doc, NULL)[i];
}

static const EvlEntityCluster *
cluster_of (EvlDocument *doc, const char *surface)
{
  const EvlEntityMention *m = mention (doc, surface, 0);
  guint n;
  const EvlEntityCluster *c = evl_document_get_entity_clusters (doc, &n);
  cr_assert_lt ((guint) m->cluster, n);
  return &c[m->cluster];
}

static gboolean
has_alias (const EvlEntityCluster *c, const char *alias)
{
  for (guint i = 0; c->aliases[i]; i++)
    if (strcmp (c->aliases[i], alias) == 0)
      return TRUE;
  return FALSE;
}

/* ---- detection: one sentence, one expected mention ---- */

typedef struct {
  char text[200];
  char surface[64];
  EvlEntityType type;
} DetectCase;

static DetectCase detect_cases[] = {
  /* Titles before unknown names. */
  { "Admiral Kim Myong Sik inspected the ship.", "Kim Myong Sik", EVL_ENTITY_PERSON },
  { "The delegation included Navy Admiral Kim Myong Sik.", "Kim Myong Sik", EVL_ENTITY_PERSON },
  { "Kremlin spokesperson Dmitry Peskov said no documents were signed.", "Dmitry Peskov", EVL_ENTITY_PERSON },
  { "Former U.S. National Security Adviser John Bolton warned of a deal.", "John Bolton", EVL_ENTITY_PERSON },
  { "General Oskar Brandvold visited the base on Monday.", "Oskar Brandvold", EVL_ENTITY_PERSON },
  { "They met Mr. Halloran in the lobby.", "Halloran", EVL_ENTITY_PERSON },
  /* Capitalised names without a title. */
  { "The delegation included Pak Thae Song, chairman of the committee.", "Pak Thae Song", EVL_ENTITY_PERSON },
  { "Officials compared him to Peter the Great in a speech.", "Peter the Great", EVL_ENTITY_PERSON },
  /* A foreign particle binds a place after a place preposition. */
  { "The ferry sank near Sao Tome es Principe last week.", "Sao Tome es Principe", EVL_ENTITY_LOCATION },
  { "Rebels attacked a convoy in Ponta da Lenha on Friday.", "Ponta da Lenha", EVL_ENTITY_LOCATION },
  { "Analysts say Tomasz Wierzbicki expects a deal.", "Tomasz Wierzbicki", EVL_ENTITY_PERSON },
  { "Justice Sandra Day O'Connor wrote the opinion.", "Sandra Day O'Connor", EVL_ENTITY_PERSON },
  { "Later Alfonse D'Amato objected.", "Alfonse D'Amato", EVL_ENTITY_PERSON },
  /* Places. */
  { "The leaders met at the Vostochny Cosmodrome on Wednesday.", "Vostochny Cosmodrome", EVL_ENTITY_LOCATION },
  { "Engineers toured the Selvik Cosmodrome last year.", "Selvik Cosmodrome", EVL_ENTITY_LOCATION },
  { "The talks took place in the Far East of the country.", "Far East", EVL_ENTITY_LOCATION },
  { "Missiles fell off the coast of the Korean peninsula.", "Korean peninsula", EVL_ENTITY_LOCATION },
  { "Troops gathered near Ostrava for the exercise.", "Ostrava", EVL_ENTITY_LOCATION },
  /* A place run on by a place's head is that other place; a part of a
   * city named by a place-part word is a place too. */
  { "The plane landed at Tokyo International Airport on Monday.", "Tokyo International Airport",
    EVL_ENTITY_LOCATION },
  { "Crowds filled the streets of Old Tokyo at night.", "Old Tokyo", EVL_ENTITY_LOCATION },
  /* A head alone before 'of the' starts a name. */
  { "Wreaths were laid at the Tomb of the Fallen Sailor in Gdynia.", "Tomb of the Fallen Sailor",
    EVL_ENTITY_LOCATION },
  /* A saint's possessive before a building's head is inside its name. */
  { "Mass was said at St. Olaf's Cathedral on Sunday.", "St. Olaf's Cathedral", EVL_ENTITY_LOCATION },
  /* A particle of another language binds a person's name. */
  { "The delegation met Kipkemoi arap Tanui on Friday.", "Kipkemoi arap Tanui", EVL_ENTITY_PERSON },
  { "They met President Kiprop arap Sang in the capital.", "Kiprop arap Sang", EVL_ENTITY_PERSON },
  /* A newspaper named after 'daily'. */
  { "The ruling party daily Vestnik criticised the plan.", "Vestnik", EVL_ENTITY_ORGANIZATION },
  /* A title over the run's last word ends the name before it. */
  { "Marlow County District Attorney Ruth Penner filed charges.", "Marlow County",
    EVL_ENTITY_LOCATION },
  { "Marlow County District Attorney Ruth Penner filed charges.", "Ruth Penner",
    EVL_ENTITY_PERSON },
  { "He flew to Ukraine after the talks.", "Ukraine", EVL_ENTITY_LOCATION },
  /* Organisations. */
  { "Officials denied that Wagner Group fighters were involved.", "Wagner Group", EVL_ENTITY_ORGANIZATION },
  { "He serves as an officer of the North Korean Navy.", "North Korean Navy", EVL_ENTITY_ORGANIZATION },
  { "She chairs the Committee for Space Science in the capital.", "Committee for Space Science", EVL_ENTITY_ORGANIZATION },
  /* A firm's trade word, a news outlet's or agency's head, a maker
   * before a name. */
  { "Former Alvik mayor Jon Sund was jailed for six years.", "Jon Sund", EVL_ENTITY_PERSON },
  { "Pellaro Brands rejected the offer on Monday.", "Pellaro Brands", EVL_ENTITY_ORGANIZATION },
  { "The contract went to Kestrel Construction last year.", "Kestrel Construction",
    EVL_ENTITY_ORGANIZATION },
  { "The bid came from Tovald Foods on Friday.", "Tovald Foods", EVL_ENTITY_ORGANIZATION },
  { "Kestrel Railways cancelled most trains on Monday.", "Kestrel Railways", EVL_ENTITY_ORGANIZATION },
  { "Strikers picketed the Dunmore Railroad depot.", "Dunmore Railroad", EVL_ENTITY_ORGANIZATION },
  /* (the dateline's credit is no mention: the agency named in the text is) */
  { "OSLO, May 2 (Northline Wire) - The ferry sank, Northline Wire reported.", "Northline Wire",
    EVL_ENTITY_ORGANIZATION },
  { "He told the Harbour Street Journal that talks had failed.", "Harbour Street Journal",
    EVL_ENTITY_ORGANIZATION },
  { "The snack maker Pellaro said profits fell.", "Pellaro", EVL_ENTITY_ORGANIZATION },
  /* Seats that stand for the office they house, like 'the Pentagon'. */
  { "The White House said the talks would resume.", "White House", EVL_ENTITY_ORGANIZATION },
  { "In London, Downing Street said the minister had resigned.", "Downing Street", EVL_ENTITY_ORGANIZATION },
  /* A coalition of parties is an organisation. */
  { "The vote gave Civic Coalition a majority in parliament.", "Civic Coalition", EVL_ENTITY_ORGANIZATION },
  { "The Red Crescent appealed for blood donations.", "Red Crescent", EVL_ENTITY_ORGANIZATION },
  /* a company's legal suffix written without its period */
  { "It bought Gizmo Ltd in 2019.", "Gizmo Ltd", EVL_ENTITY_ORGANIZATION },
  { "Regulators fined Krautwerk GmbH last year.", "Krautwerk GmbH", EVL_ENTITY_ORGANIZATION },
  /* A person named like a place: the surname speaks alone later. */
  { "Rescue worker Jordan Peterson arrived from Canada. Peterson said it was cold.", "Jordan Peterson",
    EVL_ENTITY_PERSON },
  /* A known organisation's usual short form. */
  { "Amnesty said the trial had been unfair.", "Amnesty", EVL_ENTITY_ORGANIZATION },
  { "A statement from the Ministry of Rural Affairs followed.", "Ministry of Rural Affairs", EVL_ENTITY_ORGANIZATION },
  { "The United Nations condemned the launch.", "United Nations", EVL_ENTITY_ORGANIZATION },
  /* A place's name run on by capitalised words of no name of their own. */
  { "Shares of Baltic Wings fell after the airline cut flights.", "Baltic Wings", EVL_ENTITY_ORGANIZATION },
  { "The singer signed with Atlantic Records last year.", "Atlantic Records", EVL_ENTITY_ORGANIZATION },
  /* An unknown word or name where an organisation stands. */
  { "Shares of Fjordair rose after the airline added routes.", "Fjordair", EVL_ENTITY_ORGANIZATION },
  { "Analysts at Kvamsund expect higher rates this year.", "Kvamsund", EVL_ENTITY_ORGANIZATION },
  { "Traders sold the Norvex shares on Monday.", "Norvex", EVL_ENTITY_ORGANIZATION },
  { "He bought a stake in Brekke Haugen last year.", "Brekke Haugen", EVL_ENTITY_ORGANIZATION },
  /* In apposition to a kind of organisation. */
  { "Ferry operator Nordlinja said it would add departures.", "Nordlinja", EVL_ENTITY_ORGANIZATION },
  { "The regulator fined carmaker Velmora Tessin on Friday.", "Velmora Tessin", EVL_ENTITY_ORGANIZATION },
  /* Sports clubs named after their places: the whole name, an
   * organisation. */
  { "Real Madrid beat Arsenal on Tuesday.", "Real Madrid", EVL_ENTITY_ORGANIZATION },
  { "The striker joined Bayern Munich last year.", "Bayern Munich", EVL_ENTITY_ORGANIZATION },
  { "Fans of Inter Milan booed the referee.", "Inter Milan", EVL_ENTITY_ORGANIZATION },
  { "The coach left AC Milan in May.", "AC Milan", EVL_ENTITY_ORGANIZATION },
  { "The club said Barcelona FC would appeal.", "Barcelona FC", EVL_ENTITY_ORGANIZATION },
  { "Officials said Tromsdal United would appeal.", "Tromsdal United", EVL_ENTITY_ORGANIZATION },
  { "Brekkvik Rovers drew with the leaders.", "Brekkvik Rovers", EVL_ENTITY_ORGANIZATION },
  { "Sporting Lisbon fired its coach.", "Sporting Lisbon", EVL_ENTITY_ORGANIZATION },
  /* Countries by every name. */
  { "Cyclone Freddy struck Malawi in March.", "Malawi", EVL_ENTITY_LOCATION },
  { "Rebels in Sierra Leone signed the accord.", "Sierra Leone", EVL_ENTITY_LOCATION },
  { "The DPRK fired two missiles.", "DPRK", EVL_ENTITY_LOCATION },
  { "U.S. officials raised concerns.", "U.S.", EVL_ENTITY_LOCATION },
  { "It was a Democratic People's Republic of Korea decision.", "Democratic People's Republic of Korea", EVL_ENTITY_LOCATION },
  /* An affiliation after ', of'; a run before a kind of organisation;
   * the complement of an organisation's officer. */
  { "Sales rose, said Marta Lindqvist, of Nordhaven Kvinnehelse, a sponsor.", "Nordhaven Kvinnehelse",
    EVL_ENTITY_ORGANIZATION },
  { "Sales rose, said Marta Lindqvist, of Nordhaven Kvinnehelse, a sponsor.", "Marta Lindqvist", EVL_ENTITY_PERSON },
  { "A newspaper owned by the ruling Umoja Mpya Taifa party praised him.", "Umoja Mpya Taifa", EVL_ENTITY_ORGANIZATION },
  { "Police blamed an Iraqi Saraya Nasr group for the attack.", "Saraya Nasr", EVL_ENTITY_ORGANIZATION },
  { "The Cape Valdor newspaper reported the fire.", "Cape Valdor", EVL_ENTITY_ORGANIZATION },
  { "Halvor Dahl, president of Nordfjord Reisen International, said bookings fell.", "Nordfjord Reisen International",
    EVL_ENTITY_ORGANIZATION },
  /* 'and' inside an organisation's name; 'on' too. */
  { "Aid came from the Department of Fisheries and Coastal Affairs on Monday.", "Department of Fisheries and Coastal Affairs",
    EVL_ENTITY_ORGANIZATION },
  { "The Licensing and Inspection Service fined the firm.", "Licensing and Inspection Service", EVL_ENTITY_ORGANIZATION },
  { "He testified before the Committee on Ocean Policy on Tuesday.", "Committee on Ocean Policy", EVL_ENTITY_ORGANIZATION },
  /* Buildings, grounds and streets; a part of a known place. */
  { "Guests gathered in the Linden Garden after the speech.", "Linden Garden", EVL_ENTITY_LOCATION },
  { "Musicians played at the Arvid Lund Theater in the capital.", "Arvid Lund Theater", EVL_ENTITY_LOCATION },
  { "Vendors sell coffee on Calle Nueve every morning.", "Calle Nueve", EVL_ENTITY_LOCATION },
  { "Smugglers moved cocaine through Central America last year.", "Central America", EVL_ENTITY_LOCATION },
  /* The place ends a title; the name after it is a person's. */
  { "American ambassador to Norway Ingrid Solvang met the minister.", "Ingrid Solvang", EVL_ENTITY_PERSON },
  /* Unfamiliar names of people stay people. */
  { "Talks were led by Glafcos Mavrides in the capital.", "Glafcos Mavrides", EVL_ENTITY_PERSON },
  { "Police questioned Tariq Issa Benhamed on Friday.", "Tariq Issa Benhamed", EVL_ENTITY_PERSON },
  { "Jakari Mwenda said the blast was a tragedy.", "Jakari Mwenda", EVL_ENTITY_PERSON },
  /* ... even when the surname is a city's name, where the name speaks
   * or is described as a person. */
  { "\"We waited,\" said Ana Lima, whose brother died.", "Ana Lima", EVL_ENTITY_PERSON },
  { "Ana Lima said she waited.", "Ana Lima", EVL_ENTITY_PERSON },
  /* A kind of place before an unknown name makes it a place. */
  { "The jet was bound for the capital Porto Lento.", "Porto Lento", EVL_ENTITY_LOCATION },
  { "Rescuers reached the town of Ostrava Nuevo at dawn.", "Ostrava Nuevo", EVL_ENTITY_LOCATION },
  /* a lower-case compass part before an unknown name: a place */
  { "The quake struck southern Meridia early on Sunday.", "Meridia", EVL_ENTITY_LOCATION },
  { "Aid reached quake-hit northwestern Varnia on Monday.", "Varnia", EVL_ENTITY_LOCATION },
  /* An airline's name. */
  { "A jet operated by Coastal Air crashed on Sunday.", "Coastal Air", EVL_ENTITY_ORGANIZATION },
  /* A carmaker's or a drugmaker's name. */
  { "Halvorsen Motors is recalling 210,000 trucks.", "Halvorsen Motors", EVL_ENTITY_ORGANIZATION },
  { "Investors bought shares of Veltra Pharmaceuticals on Monday.", "Veltra Pharmaceuticals", EVL_ENTITY_ORGANIZATION },
  /* Heads of firms' names. */
  { "Velmora Pharma raised its offer on Sunday.", "Velmora Pharma", EVL_ENTITY_ORGANIZATION },
  { "Corvane Therapeutics rejected the bid on Monday.", "Corvane Therapeutics", EVL_ENTITY_ORGANIZATION },
  { "A cyberattack paralysed the systems of Baltport Terminals on Monday.", "Baltport Terminals", EVL_ENTITY_ORGANIZATION },
  /* A board is an organisation's. */
  { "Late on Monday, Varnel's board rejected the offer.", "Varnel", EVL_ENTITY_ORGANIZATION },
  /* A newspaper named after its kind. */
  { "The decree was published in the official gazette El Correo Austral on Sunday.", "El Correo Austral",
    EVL_ENTITY_ORGANIZATION },
  /* A Spanish public body's head. */
  { "Two men were detained, the Guardia Nacional said on Monday.", "Guardia Nacional", EVL_ENTITY_ORGANIZATION },
  /* A possessive determines an organisation named 'X and Y Authority' as
   * 'the' does: the name is whole, not its last words. */
  { "Separately, Sweden's Trade and Markets Authority said it had opened an inquiry.",
    "Trade and Markets Authority", EVL_ENTITY_ORGANIZATION },
  /* Heads of firms', newspapers', forces' and states' names. */
  { "Officials at Hallund Motor declined to comment.", "Hallund Motor", EVL_ENTITY_ORGANIZATION },
  { "The report first appeared in the Tokai Shimbun on Sunday.", "Tokai Shimbun", EVL_ENTITY_ORGANIZATION },
  { "Troops of the Regional Stabilisation Force left on Friday.", "Regional Stabilisation Force",
    EVL_ENTITY_ORGANIZATION },
  { "Voters in the Lorvan Republic went to the polls.", "Lorvan Republic", EVL_ENTITY_LOCATION },
  /* A day's name ends the name after a title. */
  { "Li thanked French President Marcel Dufort Monday for his support.", "Marcel Dufort", EVL_ENTITY_PERSON },
  /* ... and so is a name described as a person right after it. */
  { "Lawmakers took money from Joon Tae-Hwan, founder of the failed group.", "Joon Tae-Hwan",
    EVL_ENTITY_PERSON },
  /* One place preposition before an unknown name ('rushed at X') is
   * outvoted by the name standing where people do. */
  { "The crowd rushed at Tomas Arvelo as he left. Tomas Arvelo, 59, a mechanic, stayed calm. "
    "Tomas Arvelo filed a complaint.", "Tomas Arvelo", EVL_ENTITY_PERSON },
  /* A country's regions that news names with no word to type them. */
  { "Tamil Nadu and Kerala reported floods on Monday.", "Tamil Nadu", EVL_ENTITY_LOCATION },
  { "Farmers in Baja California protested.", "Baja California", EVL_ENTITY_LOCATION },
  /* A name before a kind of region, or after one and 'of', is a place. */
  { "Rebels were seen in the Great Varo region on Monday.", "Great Varo", EVL_ENTITY_LOCATION },
  { "Fighting continued in the Kurram region on Tuesday.", "Kurram", EVL_ENTITY_LOCATION },
  { "Police in the Lesser Oda town of Merin arrested 24 students.", "Lesser Oda", EVL_ENTITY_LOCATION },
  { "The party rules the southern state of Kirana Dol.", "Kirana Dol", EVL_ENTITY_LOCATION },
  { "An avalanche hit the Russian republic of Northern Ossetia.", "Northern Ossetia", EVL_ENTITY_LOCATION },
  /* ... but 'state' right before a name is no place: 'heads of state'. */
  { "Heads of state Arvid Kessling and Jon Marr met.", "Arvid Kessling", EVL_ENTITY_PERSON },
  /* The holder of an office named by its portfolio. */
  { "External Affairs Minister Inder Kumar Gujral met the envoy.", "Inder Kumar Gujral", EVL_ENTITY_PERSON },
  /* A title before an organisation's name makes no person of it. */
  { "Daiwa joined market leader Varen Securities Co. in reporting a loss.", "Varen Securities Co.",
    EVL_ENTITY_ORGANIZATION },
  { "The firm owns 80 percent of Hua Xing Coke Limited, a joint venture.", "Hua Xing Coke Limited",
    EVL_ENTITY_ORGANIZATION },
  /* Ranks and titles written with a hyphen, or of two words. */
  { "Major-General Zhou Borong inspected the troops.", "Zhou Borong", EVL_ENTITY_PERSON },
  { "Brigadier Jerry Singirok was sacked.", "Jerry Singirok", EVL_ENTITY_PERSON },
  { "Baroness Chalker met the minister.", "Chalker", EVL_ENTITY_PERSON },
  /* Firms' heads in other languages. */
  { "Sueno Kosan and Muramoto Kensetsu went bankrupt.", "Muramoto Kensetsu", EVL_ENTITY_ORGANIZATION },
  /* A compound modifier before a name is no part of it; a name's own
   * hyphenated part is. */
  { "Cancer-stricken Arvid Kolstad left for Oslo.", "Arvid Kolstad", EVL_ENTITY_PERSON },
  { "Kim Dae-jung met the officials.", "Kim Dae-jung", EVL_ENTITY_PERSON },
  { "Refugees gathered in Serb-held Velika Banja on Monday.", "Velika Banja", EVL_ENTITY_LOCATION },
  { "Executive-designate Tung Chee-hwa spoke.", "Tung Chee-hwa", EVL_ENTITY_PERSON },
  /* A firm's post names the firm, which is kept. */
  { "Kelvara Mining Chairman Lars Berg said the mine would reopen.", "Lars Berg", EVL_ENTITY_PERSON },
  /* People a sentence opens with are no part of the place they are of. */
  { "Residents of Port Kessara fled the floods on Monday.", "Port Kessara", EVL_ENTITY_LOCATION },
  { "Witnesses in Port Alder saw the roof collapse.", "Port Alder", EVL_ENTITY_LOCATION },
};

ParameterizedTestParameters (entities, detects_names_by_gazetteer_and_rules)
{
  return cr_make_param_array (DetectCase, detect_cases, G_N_ELEMENTS (detect_cases));
}

ParameterizedTest (DetectCase *tc, entities, detects_names_by_gazetteer_and_rules)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  const EvlEntityMention *m = mention (doc, tc->surface, 0);
  cr_expect_eq (m->type, tc->type, "'%s' in \"%s\": type %s, want %s", tc->surface, tc->text,
                evl_entity_type_to_string (m->type), evl_entity_type_to_string (tc->type));
}

/* ---- no mention where there is no name ---- */

typedef struct {
  char text[200];
  char surface[64];
} RejectCase;

static RejectCase reject_cases[] = {
  /* Headline Title Case. */
  { "Strategic Alliance Talks Space Tech\n\nThe leaders spoke about an alliance and space.", "Strategic Alliance" },
  { "Provocative Missile Test Preceding the Meeting\n\nThe test came hours before.", "Provocative Missile Test" },
  /* A district's code after a place; a body's head alone. */
  { "He will travel to Washington DC on March 12.", "Washington DC" },
  { "Workers said the Embassy bombings shocked them.", "Embassy" },
  /* A title modifier opening the sentence is no part of the name after it. */
  { "Former Alvik mayor Jon Sund was jailed for six years.", "Former Alvik" },
  /* A grade after a place preposition. */
  { "The agency cut the bank's rating from Baa1 to Baa2 on Friday.", "Baa1" },
  /* Documents, and a compound modifier. */
  { "Lawyers said the ruling broke the Ruritanian Constitution last year.", "Ruritanian Constitution" },
  { "It ran in all Vietnamese-language newspapers on Monday.", "Vietnamese-language" },
  /* Sentence-initial and list-initial common words. */
  { "Officials said the talks ended. Later, officials left.", "Officials" },
  { "Military Cooperation: the leaders discussed military cooperation.", "Military Cooperation" },
  /* The lower-case words may come later, or be the first words of sentences. */
  { "Drone Strikes: the port was hit. Later, drone strikes resumed at night.", "Drone Strikes" },
  { "Harvest Reports. harvest figures and reports were late.", "Harvest Reports" },
  { "Notable figures attended. Through an interpreter, he spoke.", "Through" },
  /* Demonyms used as modifiers. */
  { "Russian officials denied the claims.", "Russian" },
  { "The North Korean delegation arrived by train.", "North Korean" },
  { "The North Korean delegation arrived by train.", "The North" },
  /* Short words that are only names in capitals. */
  { "Some of us went home.", "us" },
  /* A lower-case title without a modifier needs a full name after it. */
  { "In general Putin spoke little.", "general" },
  { "The dispute was for the general Assembly to settle.", "Assembly" },
  /* A place before words that are no company's: a title's modifier, a
   * name found elsewhere, a name cut at a connector. */
  { "The US Assistant Secretary spoke on Monday.", "US Assistant" },
  { "Robert Lindqvist arrived. During his visit in Vietnam Lindqvist stressed trade.", "Vietnam Lindqvist" },
  { "Rebels attacked the Sudan People's Liberation Army near the border.", "Sudan People" },
  /* Speakers named only at sentence starts, or speaking once. */
  { "Witnesses said the blast was loud. Witnesses said they ran.", "Witnesses" },
  { "The talks ended. Halvard said nothing more.", "Halvard" },
  /* A club's word joins no other letters ('Real GDP'), and the place in
   * a club's name is no mention of its own. */
  { "Real GDP rose two percent.", "Real GDP" },
  { "Real Madrid beat Arsenal on Tuesday.", "Madrid" },
  { "The striker joined Bayern Munich last year.", "Munich" },
  /* A faith's followers are no entity; a numeral after an event's word
   * keeps the event whole, even when its first word is cut as one the
   * text writes in lower case. */
  { "He is a devout Roman Catholic, his lawyer said.", "Roman Catholic" },
  { "Most Sunni Muslims voted.", "Sunni Muslims" },
  { "The world order since World War II has changed.", "War II" },
  { "Veterans of World War I marched.", "World War I" },
  /* A make or model after a year or 'a'; a nickname in quotes; a
   * demonym's modifier; a time zone; a party's member. */
  { "Police found his 1994 Dacora Velmont in a parking lot.", "Dacora Velmont" },
  { "She drove a Dacora Velmont to work.", "Dacora Velmont" },
  { "Known as the ``Iron Wolf'' among friends, Halstead retired.", "Iron Wolf" },
  { "Known as the \"Iron Wolf\" among friends, Halstead retired.", "Iron Wolf" },
  { "It was an old Central European custom.", "Central European" },
  { "The deal was struck at 0735 GMT on Friday.", "GMT" },
  { "Already one Ohio Republican objected to the plan.", "Ohio Republican" },
  /* Halves of coordinated names, a case's party. */
  { "Migrants came from Central and South America.", "Central" },
  { "Aid came from the Department of Fisheries and Coastal Affairs on Monday.", "Coastal Affairs" },
  { "Marking the Halden v. Morrow Supreme Court ruling, crowds gathered.", "Morrow Supreme Court" },
  { "American ambassador to Norway Ingrid Solvang met the minister.", "Norway Ingrid Solvang" },
  /* A surname that is a city's name, where its bearer speaks. */
  { "\"We waited,\" said Ana Lima, whose brother died.", "Lima" },
  { "Ana Lima said she waited.", "Lima" },
  /* An office's portfolio before its title and holder's name. */
  { "External Affairs Minister Inder Kumar Gujral met the envoy.", "External Affairs" },
  { "Deputy Assistant Secretary of State Robert Einhorn will visit.", "Deputy Assistant" },
  { "Internal Security Minister Avigdor Kahalani said investigations continued.", "Internal Security" },
  /* Zaire is the Congo's old name, and 'Zairean' its demonym. */
  { "Former Zairean Prime Minister Kengo wa Dondo has fled.", "Former Zairean" },
  /* No region before a kind of region: a faith, a compound modifier, an
   * adjective before 'island'. */
  { "The pilgrims went to the holy Hindu town of Ayodhya.", "Hindu" },
  { "Fighters held the Velani-held town of Orsk.", "Velani-held" },
  { "Tilda lives on the Communist island.", "Communist" },
  { "The Pulitzer Prize-winning author Wynton Marsalis played.", "Pulitzer Prize-winning" },
  /* A form that needs its article ('the North') gives none to a longer
   * name. */
  { "They sought membership of the North Atlantic Cooperation Council.",
    "the North Atlantic Cooperation Council" },
};

ParameterizedTestParameters (entities, finds_no_name_in_common_words)
{
  return cr_make_param_array (RejectCase, reject_cases, G_N_ELEMENTS (reject_cases));
}

ParameterizedTest (RejectCase *tc, entities, finds_no_name_in_common_words)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  cr_expect_lt (find_mention (doc, tc->surface, 0), 0, "'%s' taken as a name in \"%s\"",
                tc->surface, tc->text);
}

/* lower_has() walks at most a few dozen words of a list before it builds
 * the set: the same answer either way.  Many lower-case words like the
 * asked ones (same length, first and last letters) come after them. */
Test (entities, lower_case_words_found_past_long_lists)
{
  g_autoptr (GString) text = g_string_new ("They discussed military cooperation.");
  for (guint i = 0; i < 60; i++)
    g_string_append (text, " mainstay combination");
  g_string_append (text, ". Military Cooperation was the theme.");
  g_autoptr (EvlDocument) doc = annotate (text->str);
  cr_expect_lt (find_mention (doc, "Military Cooperation", 0), 0, "taken as a name");
}

/* ---- alias clustering: every surface of a group is one entity ---- */

typedef struct {
  char text[600];
  char surfaces[8][48];   /* "" ends the list; "text#2" = its 3rd mention */
  char name[48];          /* expected canonical display name */
} AliasCase;

static AliasCase alias_cases[] = {
  { "North Korean leader Kim Jong Un arrived on Tuesday. Kim Jong-un met officials. "
    "Mr. Kim smiled. Jong-un spoke briefly. The North Korean leader left early. "
    "Kim's sister stayed.",
    { "Kim Jong Un", "Kim Jong-un", "Kim", "Jong-un", "The North Korean leader", "Kim#1" },
    "Kim Jong Un" },
  { "Russian President Vladimir Putin welcomed the guests. Putin spoke first. "
    "President Putin smiled. Mr. Putin left. Later the Russian President returned.",
    { "Vladimir Putin", "Putin", "Putin#1", "Putin#2", "the Russian President" },
    "Vladimir Putin" },
  { "North Korea fired missiles on Monday. The Democratic People's Republic of Korea (DPRK) "
    "denied it. Pyongyang said the launch was a test. The North has done this before.",
    { "North Korea", "Democratic People's Republic of Korea", "DPRK", "Pyongyang", "The North" },
    "North Korea" },
  { "Russia denied the claims. Moscow said the talks were useful. The Kremlin released a video. "
    "Russia's envoy spoke.",
    { "Russia", "Moscow", "Kremlin", "Russia#1" },
    "Russia" },
  { "The United States raised concerns. Washington said it was watching. U.S. officials agreed.",
    { "United States", "Washington", "U.S." },
    "United States" },
  /* Unknown people: the rule, not the gazetteer, does it. */
  { "Defense Minister Arvid Kolstad visited the base. Kolstad praised the troops. "
    "Mr. Kolstad left on Friday.",
    { "Arvid Kolstad", "Kolstad", "Kolstad#1" },
    "Arvid Kolstad" },
  /* The acronym of a name whose start follows a possessive. */
  { "Separately, Sweden's Trade and Markets Authority said it had opened an inquiry. "
    "The TMA said it would decide by May 30.",
    { "Trade and Markets Authority", "TMA" },
    "Trade and Markets Authority" },
  /* An organisation's name less its head, in either order, also where
   * it was taken for a person's or is an organisation's by its own
   * head ('Bank of'). */
  { "Turkes, leader of the Varno Action Party, died. Analysts believe Varno Action is "
    "unlikely to survive without him.",
    { "Varno Action Party", "Varno Action" },
    "Varno Action Party" },
  { "Analysts believe Varno Action is unlikely to survive. Turkes, leader of the Varno "
    "Action Party, died.",
    { "Varno Action Party", "Varno Action" },
    "Varno Action Party" },
  { "Bank of Kelvara Ltd said profits rose. Bank of Kelvara shares fell.",
    { "Bank of Kelvara Ltd", "Bank of Kelvara" },
    "Bank of Kelvara Ltd" },
};

ParameterizedTestParameters (entities, clusters_aliases_of_one_entity)
{
  return cr_make_param_array (AliasCase, alias_cases, G_N_ELEMENTS (alias_cases));
}

static const EvlEntityMention *
mention_ref (EvlDocument *doc, const char *ref)
{
  char buf[48];
  g_strlcpy (buf, ref, sizeof buf);
  guint nth = 0;
  char *hash = strchr (buf, '#');
  if (hash)
    {
      *hash = '\0';
      nth = (guint) atoi (hash + 1);
    }
  return mention (doc, buf, nth);
}

ParameterizedTest (AliasCase *tc, entities, clusters_aliases_of_one_entity)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  const EvlEntityMention *first = mention_ref (doc, tc->surfaces[0]);
  guint n;
  const EvlEntityCluster *c = evl_document_get_entity_clusters (doc, &n);
  cr_expect_str_eq (c[first->cluster].name, tc->name);
  for (guint i = 1; i < G_N_ELEMENTS (tc->surfaces) && tc->surfaces[i][0]; i++)
    {
      const EvlEntityMention *m = mention_ref (doc, tc->surfaces[i]);
      cr_expect_eq (m->cluster, first->cluster, "'%s' is in '%s', not '%s'", tc->surfaces[i],
                    c[m->cluster].name, c[first->cluster].name);
    }
}

/* ---- people who share a surname ---- */

Test (entities, keeps_people_sharing_a_surname_apart)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Kim Jong Un met the delegation. He was joined by his sister, Kim Yo Jong, and by "
    "Navy Admiral Kim Myong Sik. Kim Jong Un spoke first. Kim thanked his hosts.");
  const EvlEntityCluster *leader = cluster_of (doc, "Kim Jong Un");
  const EvlEntityCluster *sister = cluster_of (doc, "Kim Yo Jong");
  const EvlEntityCluster *admiral = cluster_of (doc, "Kim Myong Sik");
  cr_expect_neq (leader, sister);
  cr_expect_neq (leader, admiral);
  cr_expect_neq (sister, admiral);
  cr_expect_str_eq (admiral->role, "Navy Admiral");
  /* The bare surname goes to the Kim named most often. */
  const EvlEntityMention *bare = mention (doc, "Kim", 0);
  cr_expect_str_eq (evl_document_get_entity_clusters (doc, NULL)[bare->cluster].name, "Kim Jong Un");
}

/* A state abbreviation closing a place ends the sentence, so the surname
 * that begins the next one is not read as a name beginning 'N.Y.'. */
Test (entities, state_after_a_place_is_not_part_of_the_next_name)
{
  g_autoptr (EvlDocument) doc = annotate (
    "The engineer Maria Okafor grew up in Ithaca, N.Y. Okafor later moved to Denver.");
  cr_expect_lt (find_mention (doc, "N.Y. Okafor", 0), 0);
  const EvlEntityMention *bare = mention (doc, "Okafor", 0);
  cr_expect_str_eq (evl_document_get_entity_clusters (doc, NULL)[bare->cluster].name, "Maria Okafor");
}

Test (entities, bare_surname_follows_the_document_not_a_fixed_person)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Admiral Kim Myong Sik inspected the submarine. Kim Myong Sik then met engineers. "
    "Kim Jong Un did not attend. Kim praised the crew.");
  const EvlEntityMention *bare = mention (doc, "Kim", 0);
  cr_expect_str_eq (evl_document_get_entity_clusters (doc, NULL)[bare->cluster].name, "Kim Myong Sik");
}

/* A surname written last in two names is the one named latest before
 * it, however often the other is named in full. */
Test (entities, shared_surname_is_the_person_named_latest)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Club signs Arne Halvorsen. Halvorsen, 19, signed a contract. His brother, Eirik Halvorsen, "
    "plays for another club. Eirik Halvorsen said he was proud. Eirik Halvorsen added that "
    "Halvorsen deserved it.");
  const EvlEntityCluster *all = evl_document_get_entity_clusters (doc, NULL);
  cr_expect_str_eq (all[mention (doc, "Halvorsen", 0)->cluster].name, "Arne Halvorsen");
  cr_expect_str_eq (all[mention (doc, "Halvorsen", 1)->cluster].name, "Eirik Halvorsen");
  cr_expect_neq (cluster_of (doc, "Arne Halvorsen"), cluster_of (doc, "Eirik Halvorsen"));
}

/* The first word of a known organisation named in the text is its short
 * form ('Human' here only to test the rule), and an organisation's
 * context prefers it to a person's name ('Bill Ford'). */
typedef struct {
  char text[200];
  char surface[16];
  char full[32];
} ShortFormCase;

static ShortFormCase short_form_cases[] = {
  { "Human Rights Watch welcomed the ruling. The lawyer said that Human had no comment.",
    "Human", "Human Rights Watch" },
  { "Ford Motor said on Monday it would cut jobs. Its chairman, Bill Ford, backed the plan. "
    "Investors sold shares of Ford after the news.",
    "Ford", "Ford Motor" },
};

ParameterizedTestParameters (entities, organisation_short_form_joins_its_full_name)
{
  return cr_make_param_array (ShortFormCase, short_form_cases, G_N_ELEMENTS (short_form_cases));
}

ParameterizedTest (ShortFormCase *tc, entities, organisation_short_form_joins_its_full_name)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  const EvlEntityMention *m = mention (doc, tc->surface, 0);
  cr_expect_eq (m->type, EVL_ENTITY_ORGANIZATION, "'%s'", tc->surface);
  cr_expect_eq (m->cluster, mention (doc, tc->full, 0)->cluster, "'%s'", tc->surface);
}

/* A public body or society does not take its first word alone as its
 * short form: the place it is named after, or the person (a firm may:
 * 'Ford' above). */
typedef struct {
  char text[160];
  char surface[16];
  char body[32];
  EvlEntityType type;
} BodyWordCase;

static BodyWordCase body_word_cases[] = {
  { "He was shooting skeet at the Ostrava Rowing Club on Sunday. Crowds in Ostrava mourned him.",
    "Ostrava", "Ostrava Rowing Club", EVL_ENTITY_LOCATION },
  { "The ceremony took place at the Kessler Presidential Library. "
    "It honoured the treaty signed under President Kessler.",
    "Kessler", "Kessler Presidential Library", EVL_ENTITY_PERSON },
};

ParameterizedTestParameters (entities, first_word_alone_is_no_short_form_of_a_body)
{
  return cr_make_param_array (BodyWordCase, body_word_cases, G_N_ELEMENTS (body_word_cases));
}

ParameterizedTest (BodyWordCase *tc, entities, first_word_alone_is_no_short_form_of_a_body)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  const EvlEntityMention *m = mention (doc, tc->surface, 0);
  cr_expect_eq (m->type, tc->type, "'%s'", tc->surface);
  cr_expect_neq (m->cluster, mention (doc, tc->body, 0)->cluster, "'%s'", tc->surface);
}

/* A word inside a longer capitalised name is no short form. */
Test (entities, word_of_another_name_is_no_short_form)
{
  g_autoptr (EvlDocument) doc = annotate (
    "The State Department said on Monday it would reply. A lawyer for the PNG State said "
    "the case was closed. Assistant Secretary of State for African Affairs Tom Reed left.");
  for (guint k = 0; k < 2; k++)
    {
      gint i = find_mention (doc, "State", k);
      if (i >= 0)
        cr_expect_neq (evl_document_get_entity_mentions (doc, NULL)[i].cluster,
                       mention (doc, "State Department", 0)->cluster, "'State' #%u", k);
    }
}

/* ---- cluster records ---- */

Test (entities, cluster_has_name_key_aliases_and_role)
{
  g_autoptr (EvlDocument) doc = annotate (
    "North Korean leader Kim Jong-un arrived. Kim Jong-un met Russian President Vladimir Putin.");
  const EvlEntityCluster *kim = cluster_of (doc, "Kim Jong-un");
  cr_expect_str_eq (kim->name, "Kim Jong Un");
  cr_expect_str_eq (kim->key, "kim jong un");
  cr_expect_eq (kim->type, EVL_ENTITY_PERSON);
  cr_expect_eq (kim->n_mentions, 2);
  cr_expect (has_alias (kim, "Kim Jong-un"));
  cr_expect_str_eq (kim->role, "North Korean leader");
  const EvlEntityCluster *putin = cluster_of (doc, "Vladimir Putin");
  cr_expect_str_eq (putin->role, "Russian President");
  cr_expect_str_eq (putin->key, "vladimir putin");
}

Test (entities, role_description_is_a_pronoun_mention)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Russian President Vladimir Putin spoke. Observers said the Russian President was pleased.");
  const EvlEntityMention *m = mention (doc, "the Russian President", 0);
  cr_expect (m->is_pronoun);
  cr_expect_eq (m->type, EVL_ENTITY_PERSON);
  cr_expect_eq (m->cluster, mention (doc, "Vladimir Putin", 0)->cluster);
  cr_expect_not (mention (doc, "Vladimir Putin", 0)->is_pronoun);
}

Test (entities, role_description_without_holder_is_no_mention)
{
  g_autoptr (EvlDocument) doc = annotate ("Observers said the Norwegian leader was pleased.");
  cr_expect_lt (find_mention (doc, "the Norwegian leader", 0), 0);
}

/* 'the former treasurer': a title alone after 'the' is the one person
 * the document gave that title; with two such people, neither. */
Test (entities, title_description_is_the_one_person_titled_so)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Former Treasurer Peter Costello resigned on Friday. The former treasurer had warned the board.");
  const EvlEntityMention *m = mention (doc, "The former treasurer", 0);
  cr_expect (m->is_pronoun);
  cr_expect_eq (m->cluster, mention (doc, "Peter Costello", 0)->cluster);
  g_autoptr (EvlDocument) two = annotate (
    "Treasurer Peter Costello met Treasurer Wayne Swan. The treasurer had warned the board.");
  cr_expect_lt (find_mention (two, "The treasurer", 0), 0);
}

Test (entities, possessive_is_not_part_of_the_name)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Kim Jong Un's sister arrived. Russia's envoy spoke. Kim's train left.");
  cr_expect_geq (find_mention (doc, "Kim Jong Un", 0), 0);
  cr_expect_geq (find_mention (doc, "Russia", 0), 0);
  cr_expect_geq (find_mention (doc, "Kim", 0), 0);
  cr_expect_lt (find_mention (doc, "Russia's", 0), 0);
  cr_expect_str_eq (cluster_of (doc, "Russia")->name, "Russia");
}

Test (entities, capital_is_a_place_after_a_place_preposition)
{
  g_autoptr (EvlDocument) doc = annotate (
    "North Korea tested a missile. Kim traveled from Pyongyang by train. "
    "Pyongyang denied the report.");
  const EvlEntityMention *place = mention (doc, "Pyongyang", 0);
  const EvlEntityMention *actor = mention (doc, "Pyongyang", 1);
  const EvlEntityMention *country = mention (doc, "North Korea", 0);
  cr_expect_neq (place->cluster, country->cluster);
  cr_expect_eq (actor->cluster, country->cluster);
  cr_expect_str_eq (cluster_of (doc, "Pyongyang")->key, "pyongyang");
}

typedef struct {
  char text[160];
  char capital[24];
  gboolean actor;
} CapitalCase;

static CapitalCase capital_cases[] = {
  { "Kim traveled from Pyongyang by train.", "Pyongyang", FALSE },
  { "The envoy flew to Tokyo on Monday.", "Tokyo", FALSE },
  { "Putin visited Beijing in May.", "Beijing", FALSE },
  { "Talks were held in Seoul.", "Seoul", FALSE },
  { "Pyongyang denied the report.", "Pyongyang", TRUE },
  { "Moscow supplied weapons to Pyongyang during the war.", "Moscow", TRUE },
  { "Moscow supplied weapons to Pyongyang during the war.", "Pyongyang", TRUE },
  { "Negotiations with Washington stalled.", "Washington", TRUE },
};

ParameterizedTestParameters (entities, capital_is_government_or_city_by_context)
{
  return cr_make_param_array (CapitalCase, capital_cases, G_N_ELEMENTS (capital_cases));
}

ParameterizedTest (CapitalCase *tc, entities, capital_is_government_or_city_by_context)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  const EvlEntityCluster *c = cluster_of (doc, tc->capital);
  g_autofree char *city = g_ascii_strdown (tc->capital, -1);
  if (tc->actor)
    cr_expect_str_neq (c->key, city, "'%s' in \"%s\" should be its country", tc->capital, tc->text);
  else
    cr_expect_str_eq (c->key, city, "'%s' in \"%s\" should be the city", tc->capital, tc->text);
}

Test (entities, headings_only_repeat_names_the_body_has)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Kim Affirms Support for Putin Over Holy War\n\n"
    "Kim Jong Un met Vladimir Putin on Wednesday.");
  cr_expect_geq (find_mention (doc, "Kim", 0), 0);
  cr_expect_eq (mention (doc, "Kim", 0)->cluster, mention (doc, "Kim Jong Un", 0)->cluster);
  cr_expect_lt (find_mention (doc, "Holy War", 0), 0);
  cr_expect_lt (find_mention (doc, "Kim Affirms Support", 0), 0);
}

Test (entities, compound_names_split_at_hyphens)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Vladimir Putin met Kim Jong Un. The Putin-Kim summit worried U.S-Russia watchers.");
  cr_expect_eq (mention (doc, "Putin", 0)->cluster, mention (doc, "Vladimir Putin", 0)->cluster);
  cr_expect_eq (mention (doc, "Kim", 0)->cluster, mention (doc, "Kim Jong Un", 0)->cluster);
  cr_expect_str_eq (cluster_of (doc, "Russia")->key, "russia");
  cr_expect_str_eq (cluster_of (doc, "U.S")->key, "united states");
}

Test (entities, furniture_sentences_are_skipped)
{
  g_autoptr (EvlDocument) doc = annotate ("Kim Jong Un met Vladimir Putin.\n\n"
                                          "Featured Image Credit: Shutterstock / Goga Shutter");
  guint n;
  const EvlSentence *s = evl_document_get_sentences (doc, &n);
  gboolean furniture = FALSE;
  for (guint i = 0; i < n; i++)
    furniture |= s[i].is_furniture;
  cr_assert (furniture, "segmenter marks the credit line as furniture");
  cr_expect_lt (find_mention (doc, "Goga Shutter", 0), 0);
  cr_expect_lt (find_mention (doc, "Shutterstock", 0), 0);
}

Test (entities, annotating_twice_replaces)
{
  g_autoptr (EvlDocument) doc = annotate ("Kim Jong Un met Vladimir Putin in Russia.");
  guint n1, c1, n2, c2;
  evl_document_get_entity_mentions (doc, &n1);
  evl_document_get_entity_clusters (doc, &c1);
  evl_entities_annotate (ctx, doc);
  evl_document_get_entity_mentions (doc, &n2);
  evl_document_get_entity_clusters (doc, &c2);
  cr_expect_eq (n1, 3);
  cr_expect_eq (n2, n1);
  cr_expect_eq (c2, c1);
}

/* ---- merge keys ---- */

typedef struct {
  char name[64];
  EvlEntityType type;
  char key[64];
} KeyCase;

static KeyCase key_cases[] = {
  { "Kim Jong-un", EVL_ENTITY_PERSON, "kim jong un" },
  { "Kim Jong Un", EVL_ENTITY_PERSON, "kim jong un" },
  { "KIM JONG-UN", EVL_ENTITY_PERSON, "kim jong un" },
  { "Kim Myong-sik", EVL_ENTITY_PERSON, "kim myong sik" },
  { "Kim Myong Sik", EVL_ENTITY_PERSON, "kim myong sik" },
  { "vladimir  putin", EVL_ENTITY_PERSON, "vladimir putin" },
  { "Jong-Un", EVL_ENTITY_PERSON, "jong un" },
  { "The Kremlin", EVL_ENTITY_LOCATION, "russia" },
  { "Vladimir Putin", EVL_ENTITY_PERSON, "vladimir putin" },
  { "Putin", EVL_ENTITY_PERSON, "vladimir putin" },
  { "DPRK", EVL_ENTITY_LOCATION, "north korea" },
  { "Democratic People's Republic of Korea", EVL_ENTITY_LOCATION, "north korea" },
  { "the North", EVL_ENTITY_LOCATION, "north korea" },
  { "Pyongyang", EVL_ENTITY_ORGANIZATION, "north korea" },
  { "Pyongyang", EVL_ENTITY_LOCATION, "pyongyang" },
  { "the Kremlin", EVL_ENTITY_LOCATION, "russia" },
  { "Kremlin", EVL_ENTITY_ORGANIZATION, "russia" },
  { "Moscow", EVL_ENTITY_ORGANIZATION, "russia" },
  { "Russia's", EVL_ENTITY_LOCATION, "russia" },
  { "U.S.", EVL_ENTITY_LOCATION, "united states" },
  { "the United States", EVL_ENTITY_LOCATION, "united states" },
  { "Washington", EVL_ENTITY_ORGANIZATION, "united states" },
  { "Wagner Group", EVL_ENTITY_ORGANIZATION, "wagner group" },
  { "Vostochny Cosmodrome", EVL_ENTITY_LOCATION, "vostochny cosmodrome" },
  { "the West", EVL_ENTITY_LOCATION, "west" },
  { "Committee for Space Science", EVL_ENTITY_ORGANIZATION, "committee for space science" },
  /* a firm's legal form: 'Tovald Foods Inc.' in one article is 'Tovald
   * Foods' in the next */
  { "Tovald Foods Inc.", EVL_ENTITY_ORGANIZATION, "tovald foods" },
  { "Ardley Shipping Co. Ltd.", EVL_ENTITY_ORGANIZATION, "ardley shipping" },
  { "Tovald Foods, Inc.", EVL_ENTITY_ORGANIZATION, "tovald foods" },
  { "Ardley Co", EVL_ENTITY_PERSON, "ardley co" },
  { "Asia Ltd.", EVL_ENTITY_ORGANIZATION, "asia ltd" },
  /* 'Ministry of Health' is the next article's 'Health Ministry'; a
   * longer tail is another body */
  { "Ministry of Health", EVL_ENTITY_ORGANIZATION, "health ministry" },
  { "Health Ministry", EVL_ENTITY_ORGANIZATION, "health ministry" },
  { "Ministry of the Interior", EVL_ENTITY_ORGANIZATION, "interior ministry" },
  { "Department of Transport", EVL_ENTITY_ORGANIZATION, "transport department" },
  { "Ministry of Health and Social Affairs", EVL_ENTITY_ORGANIZATION, "ministry of health and social affairs" },
};

ParameterizedTestParameters (entities, normalizes_merge_keys)
{
  return cr_make_param_array (KeyCase, key_cases, G_N_ELEMENTS (key_cases));
}

ParameterizedTest (KeyCase *tc, entities, normalizes_merge_keys)
{
  g_autofree char *key = evl_entity_normalize_key (ctx, tc->name, tc->type);
  cr_expect_str_eq (key, tc->key, "key of '%s' (%s)", tc->name, evl_entity_type_to_string (tc->type));
}

/* ---- no blow-up on long unbroken input ---- */

Test (entities, long_input_without_breaks_is_linear, .timeout = 20 * EVL_TIMEOUT_SCALE)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < 20000; i++)
    g_string_append (s, "Kim Jong Un met Vladimir Putin in Russia and the North Korean leader smiled ");
  g_autoptr (EvlDocument) doc = annotate (s->str);
  g_string_free (s, TRUE);
  guint n, nc;
  evl_document_get_entity_mentions (doc, &n);
  evl_document_get_entity_clusters (doc, &nc);
  cr_expect_geq (n, 60000);
  cr_expect_eq (nc, 3);
}

/* ---- wire-style text ---- */

Test (entities, dateline_names_a_place)
{
  g_autoptr (EvlDocument) doc = annotate (
    "THE HAGUE, Netherlands (AP) -- Judges met on Friday. Officials in Moscow agreed.");
  const EvlEntityCluster *c = cluster_of (doc, "THE HAGUE");
  cr_expect_eq (c->type, EVL_ENTITY_LOCATION);
  cr_expect_str_eq (c->name, "The Hague");
  cr_expect_eq (cluster_of (doc, "Netherlands")->type, EVL_ENTITY_LOCATION);
}

Test (entities, dateline_capital_is_the_city)
{
  g_autoptr (EvlDocument) doc = annotate ("MOSCOW (AP) -- Russia said the talks went well.");
  cr_expect_neq (mention (doc, "MOSCOW", 0)->cluster, mention (doc, "Russia", 0)->cluster);
  cr_expect_str_eq (cluster_of (doc, "MOSCOW")->key, "moscow");
}

/* The wire service credited in a dateline is the article's source, no
 * participant; named in the text it is one. */
Test (entities, dateline_credit_is_no_entity)
{
  static const char *const texts[] = {
    "PORT ALDER, Sept. 16 (Nova Press) - The utility restored power on Monday.",
    "MOSCOW (Meridian Wire) -- Russia said the talks went well.",
    "Moscow (Reuters) - Russia said the talks went well.",
  };
  static const char *const agencies[] = { "Nova Press", "Meridian Wire", "Reuters" };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (EvlDocument) doc = annotate (texts[i]);
      cr_expect_lt (find_mention (doc, agencies[i], 0), 0, "%s", texts[i]);
    }
  g_autoptr (EvlDocument) doc = annotate (
    "OSLO, March 3 (Nova Press) - The government met. Nova Press reported the vote on Friday.");
  const EvlEntityMention *m = mention (doc, "Nova Press", 0);
  cr_expect_gt (m->span.start, 40u);
}

/* 'his' and 'her' as possessives join the subject they follow, as 'he'
 * and 'she' do; objects ('him', 'praised her.') make no mention: they
 * are mostly someone else. */
Test (entities, possessive_pronouns_join_the_recent_subject)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Tomas Vilde resigned on Monday. His lawyer said the decision was final. Police questioned him. "
    "Anna Brekke won the race. Her coach praised her. She thanked him.");
  const EvlEntityMention *his = mention (doc, "His", 0);
  cr_expect (his->is_pronoun);
  cr_expect_eq (his->cluster, mention (doc, "Tomas Vilde", 0)->cluster);
  cr_expect_eq (mention (doc, "Her", 0)->cluster, mention (doc, "Anna Brekke", 0)->cluster);
  cr_expect_eq (mention (doc, "She", 0)->cluster, mention (doc, "Anna Brekke", 0)->cluster);
  cr_expect_lt (find_mention (doc, "him", 0), 0);
  cr_expect_lt (find_mention (doc, "her", 0), 0);
  const EvlEntityCluster *c = cluster_of (doc, "Tomas Vilde");
  cr_expect_eq (c->n_mentions, 2);
}

/* A club named after its place stands neither for the place nor for its
 * country, nor does the place named alone join the club. */
Test (entities, club_named_after_a_place_is_not_the_place)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Real Madrid beat Tromsdal United in Madrid on Tuesday. Spain said nothing. "
    "Tromsdal United fans marched through Tromsdal later.");
  gint32 club = mention (doc, "Real Madrid", 0)->cluster;
  cr_expect_neq (club, mention (doc, "Madrid", 0)->cluster);
  cr_expect_neq (club, mention (doc, "Spain", 0)->cluster);
  cr_expect_eq (cluster_of (doc, "Real Madrid")->type, EVL_ENTITY_ORGANIZATION);
  const EvlEntityMention *town = mention (doc, "Tromsdal", 0);
  cr_expect_neq (town->cluster, mention (doc, "Tromsdal United", 0)->cluster);
  cr_expect_eq (town->type, EVL_ENTITY_LOCATION);
  cr_expect_eq (mention (doc, "Tromsdal United", 1)->cluster, mention (doc, "Tromsdal United", 0)->cluster);
}

/* Sources that write the dateline's place in mixed case: before a wire
 * service's credit it is the city all the same. */
Test (entities, mixed_case_dateline_names_the_city)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Moscow (Reuters) - Russia said the talks went well.\n\n"
    "Seoul, South Korea (CNN) - Seoul said it would reply.");
  cr_expect_str_eq (cluster_of (doc, "Moscow")->key, "moscow");
  cr_expect_neq (mention (doc, "Moscow", 0)->cluster, mention (doc, "Russia", 0)->cluster);
  cr_expect_str_eq (cluster_of (doc, "Seoul")->key, "seoul");
  /* The second 'Seoul' speaks: the government. */
  cr_expect_eq (mention (doc, "Seoul", 1)->cluster, mention (doc, "South Korea", 0)->cluster);
}

/* A capital standing for its government is no alias of the country: the
 * story's merge would take the city itself, named in another article's
 * dateline, for the country. */
Test (entities, capital_as_government_is_no_alias_of_the_country)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Tokyo Says It Will Not Retaliate\n\n"
    "TOKYO (AP) -- Japan said on Monday it would not retaliate. Officials in Tokyo agreed.");
  const EvlEntityCluster *japan = cluster_of (doc, "Japan");
  cr_expect_not (has_alias (japan, "Tokyo"));
  cr_expect_eq (mention (doc, "Tokyo", 0)->cluster, mention (doc, "Japan", 0)->cluster);
  cr_expect_neq (mention (doc, "TOKYO", 0)->cluster, mention (doc, "Japan", 0)->cluster);
  cr_expect_eq (mention (doc, "Tokyo", 1)->cluster, mention (doc, "TOKYO", 0)->cluster);
}

/* A short name in capitals is an acronym ('NATO') unless the text also
 * writes it in mixed case or it is a known place. */
typedef struct {
  char text[200];
  char surface[16];
  char name[16];
} DisplayCase;

static DisplayCase display_cases[] = {
  { "OSLO (Reuters) - The government met. Ministers in Oslo agreed.", "OSLO", "Oslo" },
  { "OSLO (Reuters) - The government said it would raise taxes.", "OSLO", "Oslo" },
  { "ROME (AP) -- The government said it would raise taxes.", "ROME", "Rome" },
  { "NATO officials met on Friday. Later NATO said the talks went well.", "NATO", "NATO" },
  { "The space agency NASA said it would delay the launch.", "NASA", "NASA" },
  { "Rebels of UNITA said they would not attend. Later UNITA officials left.", "UNITA", "UNITA" },
};

ParameterizedTestParameters (entities, short_capitals_display_as_place_or_acronym)
{
  return cr_make_param_array (DisplayCase, display_cases, G_N_ELEMENTS (display_cases));
}

ParameterizedTest (DisplayCase *tc, entities, short_capitals_display_as_place_or_acronym)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  cr_expect_str_eq (cluster_of (doc, tc->surface)->name, tc->name, "in \"%s\"", tc->text);
}

/* An unknown word that speaks twice, once named mid-sentence, is a name:
 * a person, or an organisation that speaks of itself as 'it'; an
 * organisation's context decides for a name taken for a person. */
Test (entities, repeated_unknown_speaker_is_a_name)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Fjordair said it would add flights. Demand rose, Fjordair said. Fjordair said it had 40 jets. "
    "Lindqvist said the plan was sound. Asked about costs, Lindqvist said he was confident. "
    "Kelvara Mining said output fell. Traders sold the Kelvara shares.");
  cr_expect_eq (cluster_of (doc, "Fjordair")->type, EVL_ENTITY_ORGANIZATION);
  cr_expect_eq (mention (doc, "Fjordair", 1)->cluster, mention (doc, "Fjordair", 0)->cluster);
  cr_expect_eq (mention (doc, "Fjordair", 2)->cluster, mention (doc, "Fjordair", 0)->cluster);
  cr_expect_eq (cluster_of (doc, "Lindqvist")->type, EVL_ENTITY_PERSON);
  cr_expect_eq (mention (doc, "he", 0)->cluster, mention (doc, "Lindqvist", 0)->cluster);
  cr_expect_eq (cluster_of (doc, "Kelvara Mining")->type, EVL_ENTITY_ORGANIZATION);
  cr_expect_eq (mention (doc, "Kelvara", 0)->cluster, mention (doc, "Kelvara Mining", 0)->cluster);
}

/* A post of a name's, lower-case before its holder ('Kestrel chief
 * executive Helen Marsh', 'Aldane chairman Robert Finch'), makes that
 * name an organisation, at a sentence start too; a word alone so placed
 * makes no entity of its own ('GE Life chief executive': no 'Life'). */
Test (entities, a_post_before_its_holder_names_an_organisation)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Kestrel Pharma made an offer on Monday. Kestrel chief executive Helen Marsh said it was fair. "
    "Aldane Therapeutics chairman Robert Finch rejected it. "
    "Norvel Life chief executive Tan Beng Lee spoke. Life chief executive Ann Moe spoke.");
  cr_expect_eq (cluster_of (doc, "Kestrel Pharma")->type, EVL_ENTITY_ORGANIZATION);
  cr_expect_eq (mention (doc, "Kestrel", 0)->cluster, mention (doc, "Kestrel Pharma", 0)->cluster);
  cr_expect_eq (cluster_of (doc, "Aldane Therapeutics")->type, EVL_ENTITY_ORGANIZATION);
  cr_expect_eq (cluster_of (doc, "Helen Marsh")->type, EVL_ENTITY_PERSON);
  cr_expect_eq (cluster_of (doc, "Robert Finch")->type, EVL_ENTITY_PERSON);
  gint life = find_mention (doc, "Life", 0);
  cr_expect (life < 0 || mention (doc, "Life", 0)->cluster < 0, "'Life' alone is no entity");
}

/* An acronym in parentheses after a name is that name's in this text,
 * whatever the gazetteer says, when its letters start the name's words. */
Test (entities, acronym_defined_in_the_text_joins_its_name)
{
  g_autoptr (EvlDocument) doc = annotate (
    "The Norwegian Seafood Council (NSC) said exports rose. The NSC expects more growth. "
    "The Baltic Energy Regulators Forum (BERF) met. BERF members agreed. "
    "The talks in Oslo (NTB) ended.");
  cr_expect_str_eq (cluster_of (doc, "NSC")->name, "Norwegian Seafood Council");
  cr_expect_eq (mention (doc, "NSC", 1)->cluster, mention (doc, "Norwegian Seafood Council", 0)->cluster);
  cr_expect_eq (mention (doc, "BERF", 0)->cluster, mention (doc, "Baltic Energy Regulators Forum", 0)->cluster);
  cr_expect_eq (mention (doc, "BERF", 1)->cluster, mention (doc, "BERF", 0)->cluster);
  gint ntb = find_mention (doc, "NTB", 0);
  if (ntb >= 0)
    cr_expect_neq (mention (doc, "NTB", 0)->cluster, mention (doc, "Oslo", 0)->cluster);
}

/* A date after the dateline's comma: the capital is still the city. */
Test (entities, dated_dateline_names_the_city)
{
  g_autoptr (EvlDocument) doc = annotate (
    "NAIROBI, March 3 (AP) - Kenya said the talks went well. ROME, Italy, Jan. 4 (AP) -- Italy agreed.");
  const EvlEntityCluster *c = cluster_of (doc, "NAIROBI");
  cr_expect_str_eq (c->name, "Nairobi");
  cr_expect_neq (mention (doc, "NAIROBI", 0)->cluster, mention (doc, "Kenya", 0)->cluster);
  cr_expect_neq (mention (doc, "ROME", 0)->cluster, mention (doc, "Italy", 0)->cluster);
  cr_expect_eq (mention (doc, "Italy", 0)->cluster, mention (doc, "Italy", 1)->cluster);
  cr_expect_lt (find_mention (doc, "March", 0), 0);
}

/* A named storm or operation is no person, place or organisation. */
Test (entities, named_storms_and_operations_are_no_entities)
{
  g_autoptr (EvlDocument) doc = annotate ("Cyclone Freddy struck Malawi. Troops joined Operation Desert Shield.");
  cr_expect_lt (find_mention (doc, "Cyclone Freddy", 0), 0);
  cr_expect_lt (find_mention (doc, "Freddy", 0), 0);
  cr_expect_lt (find_mention (doc, "Desert Shield", 0), 0);
  cr_expect_geq (find_mention (doc, "Malawi", 0), 0);
}

/* A month written short without its full stop is the date, no region. */
Test (entities, dateline_short_month_is_no_place)
{
  g_autoptr (EvlDocument) doc = annotate ("SEOUL, Nov 22 (Reuters) - Korea said the talks went well.");
  cr_expect_str_eq (cluster_of (doc, "SEOUL")->name, "Seoul");
  cr_expect_lt (find_mention (doc, "Nov", 0), 0);
}

typedef struct {
  char text[200];
  char name[48];
  char role[48];
} TitleCase;

static TitleCase title_cases[] = {
  /* A title inside a capitalised run starts the person's name. */
  { "Once Colonel Eileen Collins lands, the crew rests.", "Eileen Collins", "Colonel" },
  { "Police Superintendent Pedro Toledo said the suspect fled.", "Pedro Toledo", "Superintendent" },
  { "Treasurer Peter Costello disagreed.", "Peter Costello", "Treasurer" },
  { "Attorney General Daryl Williams spoke.", "Daryl Williams", "Attorney General" },
  { "Second Prime Minister Hun Sen staged a coup.", "Hun Sen", "Second Prime Minister" },
  { "Libyan leader Omar Tessali called for talks.", "Omar Tessali", "Libyan leader" },
  { "The envoy met Jane Harlow, the deputy foreign minister, in May.", "Jane Harlow", "deputy foreign minister" },
  { "Former Chief Financial Officer Mark Dunne resigned in February.", "Mark Dunne", "Former Chief Financial Officer" },
};

ParameterizedTestParameters (entities, title_phrase_gives_name_and_role)
{
  return cr_make_param_array (TitleCase, title_cases, G_N_ELEMENTS (title_cases));
}

ParameterizedTest (TitleCase *tc, entities, title_phrase_gives_name_and_role)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  const EvlEntityCluster *c = cluster_of (doc, tc->name);
  cr_expect_str_eq (c->name, tc->name);
  cr_expect_eq (c->type, EVL_ENTITY_PERSON);
  cr_expect_str_eq (c->role ? c->role : "(none)", tc->role, "role of %s", tc->name);
}

Test (entities, acronym_does_not_run_into_a_name)
{
  g_autoptr (EvlDocument) doc = annotate ("The flight was late, according to Steven Snyder TWA staff.");
  cr_expect_geq (find_mention (doc, "Steven Snyder", 0), 0);
  cr_expect_lt (find_mention (doc, "Steven Snyder TWA", 0), 0);
}

Test (entities, differently_titled_namesakes_stay_apart)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Iraqi President Saddam Hussein refused. Saddam Hussein spoke again. "
    "In Amman, King Hussein urged calm.");
  cr_expect_neq (mention (doc, "Hussein", 0)->cluster, mention (doc, "Saddam Hussein", 0)->cluster);
}

Test (entities, place_evidence_beats_the_person_default)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Gorvan Tessely fighters attacked the town. Aid reached villages in Gorvan Tessely.");
  cr_expect_eq (mention (doc, "Gorvan Tessely", 0)->cluster, mention (doc, "Gorvan Tessely", 1)->cluster);
  cr_expect_eq (cluster_of (doc, "Gorvan Tessely")->type, EVL_ENTITY_LOCATION);
}

/* Data consistency: the scanner tries a multi-word title only where its
 * first word is a title, title-mod or title-start (entity-cues.txt). */
Test (entities, every_multiword_title_can_start)
{
  const EvlLexicon *titles = evl_context_get_lexicon (ctx, "en/person-titles");
  const EvlLexicon *cues = evl_context_get_lexicon (ctx, "en/entity-cues");
  cr_assert_not_null (titles);
  cr_assert_not_null (cues);
  for (guint i = 0; i < evl_lexicon_size (titles); i++)
    {
      const EvlLexEntry *e = evl_lexicon_get (titles, i);
      const char *sp = strchr (e->canonical, ' ');
      if (sp == NULL)
        continue;
      gssize n = sp - e->canonical;
      const EvlLexEntry *c = evl_lexicon_lookup (cues, e->canonical, n);
      gboolean ok = evl_lexicon_lookup (titles, e->canonical, n) != NULL
                    || (c && c->n_attrs > 0 && (strstr (c->attrs[0], "title-start") || strstr (c->attrs[0], "title-mod")));
      cr_expect (ok, "title '%s' (line %u) cannot start: add '%.*s' as title-start", e->canonical,
                 e->line, (int) n, e->canonical);
    }
}

/* ---- he / she ---- */

typedef struct {
  char text[300];
  char pronoun[8];
  char expected[48];   /* "" = left unresolved */
} PronounCase;

static PronounCase pronoun_cases[] = {
  /* The subject of the previous sentence, not the last name seen. */
  { "Kim Jong Un sent a message to Vladimir Putin on Tuesday. He called it a step forward.", "He", "Kim Jong Un" },
  { "Asked about the deal, Vladimir Putin urged patience. He said there was time.", "He", "Vladimir Putin" },
  /* Earlier in the same sentence. */
  { "Kim Jong Un admired what he called a sacred war.", "he", "Kim Jong Un" },
  /* Who denies a claim is whom the claim is about, the last person of
   * the clause the relative 'which' takes up, not who made it. */
  { "Mary Doyle accused Peter Crane of lying, which he denied.", "he", "Peter Crane" },
  { "John Harker's lawyer, Mary Doyle, accused Peter Crane of lying, which he has flatly denied.", "he",
    "Peter Crane" },
  /* ... a relative clause of another verb keeps the subject. */
  { "John Harker ignored the ruling by Peter Crane, which he rejects.", "he", "John Harker" },
  /* Too far back: three sentences without a person in between. */
  { "Kim Jong Un arrived. The train stopped. The band played. Crowds cheered. He waved.", "He", "" },
};

ParameterizedTestParameters (entities, resolves_he_and_she_to_a_recent_subject)
{
  return cr_make_param_array (PronounCase, pronoun_cases, G_N_ELEMENTS (pronoun_cases));
}

ParameterizedTest (PronounCase *tc, entities, resolves_he_and_she_to_a_recent_subject)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  gint i = find_mention (doc, tc->pronoun, 0);
  if (tc->expected[0] == '\0')
    {
      cr_expect_lt (i, 0, "'%s' resolved in \"%s\"", tc->pronoun, tc->text);
      return;
    }
  cr_assert_geq (i, 0, "'%s' unresolved in \"%s\"", tc->pronoun, tc->text);
  const EvlEntityMention *m = &evl_document_get_entity_mentions (doc, NULL)[i];
  cr_expect (m->is_pronoun);
  cr_expect_str_eq (evl_document_get_entity_clusters (doc, NULL)[m->cluster].name, tc->expected);
}

Test (entities, acronyms_are_organisations_or_initialisms)
{
  g_autoptr (EvlDocument) doc = annotate (
    "The Committee for Space Science (CSS) met. Later CSS officials and TWA pilots spoke. "
    "An AK-47 was found.");
  cr_expect_eq (mention (doc, "CSS", 0)->cluster, mention (doc, "Committee for Space Science", 0)->cluster);
  cr_expect_eq (mention (doc, "CSS", 1)->cluster, mention (doc, "CSS", 0)->cluster);
  cr_expect_eq (cluster_of (doc, "TWA")->type, EVL_ENTITY_ORGANIZATION);
  cr_expect_lt (find_mention (doc, "AK-47", 0), 0);
}

Test (entities, document_full_name_beats_gazetteer_surname)
{
  g_autoptr (EvlDocument) doc = annotate ("Liz Cheney spoke on Monday. Cheney later voted no.");
  cr_expect_eq (mention (doc, "Cheney", 0)->cluster, mention (doc, "Liz Cheney", 0)->cluster);
  cr_expect_str_eq (cluster_of (doc, "Liz Cheney")->name, "Liz Cheney");
}

Test (entities, gazetteer_surname_alone_names_the_known_person)
{
  g_autoptr (EvlDocument) doc = annotate ("Putin arrived by train. Officials greeted Putin warmly.");
  const EvlEntityCluster *c = cluster_of (doc, "Putin");
  cr_expect_str_eq (c->name, "Vladimir Putin");
  cr_expect_str_eq (c->key, "vladimir putin");
  cr_expect_eq (mention (doc, "Putin", 1)->cluster, mention (doc, "Putin", 0)->cluster);
}

Test (entities, lower_case_word_before_a_surname_is_no_title)
{
  g_autoptr (EvlDocument) doc = annotate ("In general Putin spoke little. President Putin left.");
  const EvlEntityCluster *c = cluster_of (doc, "Putin");
  cr_expect_str_eq (c->role ? c->role : "(none)", "President");
}

/* A made-up capitalised word from @n: 'Bac', 'Cad', ... */
static void
append_word (GString *s, guint n)
{
  static const char cons[] = "bcdfghjklmnprstvz";
  static const char vow[] = "aeiou";
  g_string_append_c (s, g_ascii_toupper (cons[n % 17]));
  n /= 17;
  for (guint k = 0; k < 3; k++, n /= 17 * 5)
    {
      g_string_append_c (s, vow[n % 5]);
      g_string_append_c (s, cons[(n / 5) % 17]);
    }
}

Test (entities, thousands_of_distinct_names_stay_fast, .timeout = 30 * EVL_TIMEOUT_SCALE)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < 4000; i++)
    {
      append_word (s, i * 7919u + 13u);
      g_string_append_c (s, ' ');
      append_word (s, i * 104729u + 7u);
      g_string_append (s, " met officials. Later ");
      append_word (s, i * 104729u + 7u);
      g_string_append (s, " left.\n");
    }
  g_autoptr (EvlDocument) doc = annotate (s->str);
  g_string_free (s, TRUE);
  guint n, nc;
  evl_document_get_entity_mentions (doc, &n);
  evl_document_get_entity_clusters (doc, &nc);
  cr_expect_geq (nc, 3000, "%u clusters", nc);
  cr_expect_geq (n, 2 * nc);
}

Test (entities, single_word_prefers_the_place_of_that_name)
{
  g_autoptr (EvlDocument) doc = annotate (
    "NEWARK, N.J. (AP) -- The Newark Police Department said a man was arrested. "
    "Residents of Newark were relieved.");
  cr_expect_eq (mention (doc, "Newark", 0)->cluster, mention (doc, "NEWARK", 0)->cluster);
  cr_expect_neq (mention (doc, "Newark", 0)->cluster, mention (doc, "Newark Police Department", 0)->cluster);
}

/* ---- gazetteer probes: the first-word filter must not lose a name ----
 * Probes are looked up only when their first word starts a form of the
 * gazetteer with that many words; names whose tokens touch ('People’s'),
 * sit apart by several blanks or mix cases must still be found, with the
 * key of their gazetteer line. */

typedef struct {
  char text[200];
  char surface[64];
  char key[64];
} ProbeCase;

static ProbeCase probe_cases[] = {
  { "Talks with North  Korea resumed on Monday.", "North  Korea", "north korea" },
  { "It was a Democratic People\xe2\x80\x99s Republic of Korea decision.",
    "Democratic People\xe2\x80\x99s Republic of Korea", "north korea" },
  { "The Korean People\xe2\x80\x99s Army fired shells.", "Korean People\xe2\x80\x99s Army", "korean people's army" },
  { "Pyongyang said the test of the People's Republic of China failed.",
    "People's Republic of China", "china" },
  { "Pyongyang said the test failed.", "Pyongyang", "north korea" },
  { "Officials of the DPRK met on Monday.", "DPRK", "north korea" },
};

ParameterizedTestParameters (entities, gazetteer_names_in_any_token_layout)
{
  return cr_make_param_array (ProbeCase, probe_cases, G_N_ELEMENTS (probe_cases));
}

ParameterizedTest (ProbeCase *tc, entities, gazetteer_names_in_any_token_layout)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  cr_expect_str_eq (cluster_of (doc, tc->surface)->key, tc->key, "'%s' in \"%s\"", tc->surface, tc->text);
}

/* The first-word table is built from the context's own data: a gazetteer
 * replaced through a data directory is probed by its new forms. */
Test (entities, overlaid_gazetteer_forms_are_probed)
{
  g_autofree char *dir = evl_test_tmp_make ("evl-ent-XXXXXX");
  g_autofree char *sub = g_build_filename (dir, "lexicons", "en", NULL);
  g_mkdir_with_parents (sub, 0755);
  g_autofree char *file = g_build_filename (sub, "gazetteer-places.txt", NULL);
  cr_assert (g_file_set_contents (file,
                                  "# test overlay\n"
                                  "Zentrovian Morning Star|Morning Star of Zentrovia|ZMS\n", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) over = evl_context_new_with_data_dir (dir, &error);
  g_unlink (file);
  g_rmdir (sub);
  g_autofree char *en = g_path_get_dirname (sub);
  g_rmdir (en);
  g_rmdir (dir);
  cr_assert_not_null (over, "%s", error ? error->message : "?");

  const char *text = "Ships left the Morning Star of Zentrovia on Monday.";
  g_autoptr (EvlDocument) doc = evl_document_new ("t", text, -1, NULL);
  cr_assert_not_null (doc);
  evl_segment_document (over, doc);
  evl_entities_annotate (over, doc);
  const EvlEntityCluster *c = cluster_of (doc, "Morning Star of Zentrovia");
  cr_expect_str_eq (c->key, "zentrovian morning star");
  cr_expect_eq (c->type, EVL_ENTITY_LOCATION);
  g_autofree char *key = evl_entity_normalize_key (over, "ZMS", EVL_ENTITY_LOCATION);
  cr_expect_str_eq (key, "zentrovian morning star");

  /* The compiled-in gazetteers know no such line. */
  g_autoptr (EvlDocument) plain = annotate (text);
  gint i = find_mention (plain, "Morning Star of Zentrovia", 0);
  if (i >= 0)
    cr_expect_str_neq (cluster_of (plain, "Morning Star of Zentrovia")->key, "zentrovian morning star");
}

/* ---- the first-word table's lookups of a word alone ---- */

typedef struct {
  char word[32];
  int found;                 /* the token alone is a first word of the table */
} SlotWordCase;

static SlotWordCase slot_word_cases[] = {
  { "President", 1 }, { "PRESIDENT", 1 }, { "president", 1 }, { "Korea", 1 },
  { "North", 1 }, { "the", 1 }, { "Minister", 1 }, { "Zxqvy", 0 }, { "Presidentx", 0 },
};

ParameterizedTestParameters (entities, slot_word_lookups_equal_the_lexicons)
{
  return cr_make_param_array (SlotWordCase, slot_word_cases, G_N_ELEMENTS (slot_word_cases));
}

/* The scanner takes a token's lookups from the table when the token's
 * lower-cased bytes are a slot's word: they must be what each lexicon
 * answers for the token. */
ParameterizedTest (SlotWordCase *tc, entities, slot_word_lookups_equal_the_lexicons)
{
  const EvlEntLex *lex = evl_ent_lex_get (ctx);
  gsize n = strlen (tc->word);
  guint32 h = EVL_ENT_WORD_HASH_INIT;
  for (gsize i = 0; i < n; i++)
    h = evl_ent_word_hash_step (h, (guchar) tc->word[i]);
  const EvlEntFirst *slot = evl_ent_first_word (lex, h, n);
  const EvlEntWord *w = evl_ent_slot_word (lex, slot, tc->word, n);
  cr_assert_eq (w != NULL, tc->found != 0, "'%s': shortcut %s", tc->word, w ? "found" : "missing");
  for (guint l = 0; w && l < EVL_ENT_N_LEX; l++)
    if (slot->maxw[l])
      cr_expect_eq (w->one[l], evl_lexicon_lookup (lex->by_id[l], tc->word, -1),
                    "'%s' in lexicon %u", tc->word, l);
  /* Another word of the same length in the same slot is never taken for
   * it. */
  char other[32];
  memcpy (other, tc->word, n + 1);
  other[n - 1] = other[n - 1] == 'q' ? 'z' : 'q';
  cr_expect_null (evl_ent_slot_word (lex, slot, other, n), "'%s'", other);
}

/* Cluster keys of gazetteer lines come from a per-context cache: the same
 * key as evl_entity_normalize_key() of the line's canonical name, for each
 * type, and the same pointer the second time. */
Test (entities, cached_gazetteer_keys_equal_normalized_names)
{
  const EvlEntLex *lex = evl_ent_lex_get (ctx);
  guint checked = 0;
  for (guint l = EVL_ENT_LEX_COUNTRIES; l <= EVL_ENT_LEX_PEOPLE; l++)
    for (guint i = 0; lex->by_id[l] && i < evl_lexicon_size (lex->by_id[l]); i += 7)
      {
        const EvlLexEntry *e = evl_lexicon_get (lex->by_id[l], i);
        for (guint t = 0; t < EVL_ENTITY_N; t++)
          {
            g_autofree char *want = evl_entity_normalize_key (ctx, e->canonical, (EvlEntityType) t);
            const char *got = evl_ent_gaz_key (lex, e, (EvlEntityType) t);
            cr_expect_str_eq (got, want, "'%s' as type %u", e->canonical, t);
            cr_expect_eq (evl_ent_gaz_key (lex, e, (EvlEntityType) t), got);
            checked++;
          }
      }
  cr_assert_gt (checked, 100);
}

/* The single-word filter (EvlEntLex.one_bloom) may only rule a token out
 * when the token alone is no key: every one-word canonical name of the
 * stop words, titles and cues has its lexicon's bit in its slot. */
Test (entities, one_word_filter_keeps_every_key)
{
  const EvlEntLex *lex = evl_ent_lex_get (ctx);
  static const struct { EvlEntLexId id; guint bit; } lexes[] = {
    { EVL_ENT_LEX_STOP, EVL_ENT_ONE_STOP },
    { EVL_ENT_LEX_TITLES, EVL_ENT_ONE_TITLES },
    { EVL_ENT_LEX_CUES, EVL_ENT_ONE_CUES },
  };
  guint checked = 0;
  for (guint l = 0; l < G_N_ELEMENTS (lexes); l++)
    for (guint i = 0; lex->by_id[lexes[l].id] && i < evl_lexicon_size (lex->by_id[lexes[l].id]); i++)
      {
        const char *name = evl_lexicon_get (lex->by_id[lexes[l].id], i)->canonical;
        gsize n = strlen (name);
        if (n == 0 || n > 255 || strchr (name, ' '))
          continue;
        guint32 slot = evl_ent_one_slot (evl_ent_chunk (name, MIN (n, 8), name + n), n);
        cr_expect (lex->one_bloom[slot] & lexes[l].bit, "'%s' (lexicon %u) filtered out", name, lexes[l].id);
        checked++;
      }
  cr_assert_gt (checked, 200);
  /* Sparse enough to rule most words out. */
  guint used = 0;
  for (guint32 i = 0; i < (1u << EVL_ENT_ONE_BITS); i++)
    used += lex->one_bloom[i] != 0;
  cr_expect_lt (used, (1u << EVL_ENT_ONE_BITS) / 4);
}

/* The attribute forms folded per context (evl_ent_forms_has()) answer as
 * evl_ent_attr_has() does, for the forms themselves (as written, in
 * capitals, with a doubled space) and for other names of the entry. */
Test (entities, folded_attribute_forms_answer_as_the_attributes)
{
  static const char *const names[EVL_ENT_N_ATTR] = { "demonym", "capital", "context" };
  const EvlEntLex *lex = evl_ent_lex_get (ctx);
  guint yes = 0, asked = 0;
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; lex->by_id[l] && i < evl_lexicon_size (lex->by_id[l]); i++)
      {
        const EvlLexEntry *e = evl_lexicon_get (lex->by_id[l], i);
        for (guint a = 0; a < EVL_ENT_N_ATTR; a++)
          {
            const char *v = evl_ent_attr (e, names[a]);
            g_auto (GStrv) forms = g_strsplit (v ? v : "", "|", -1);
            g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
            g_ptr_array_add (texts, g_strdup (e->canonical));
            for (guint f = 0; forms[f]; f++)
              {
                g_ptr_array_add (texts, g_strdup (forms[f]));
                g_ptr_array_add (texts, g_ascii_strup (forms[f], -1));
                const char *sp = strchr (forms[f], ' ');
                if (sp)
                  g_ptr_array_add (texts, g_strdup_printf ("%.*s  %s", (int) (sp - forms[f]), forms[f], sp + 1));
              }
            for (guint t = 0; t < texts->len; t++)
              {
                const char *text = g_ptr_array_index (texts, t);
                gboolean want = evl_ent_attr_has (e, names[a], text, strlen (text));
                cr_expect_eq (evl_ent_forms_has (lex, (EvlEntAttrId) a, l, e, text, strlen (text)), want,
                              "'%s' as %s of '%s'", text, names[a], e->canonical);
                yes += want;
                asked++;
              }
          }
      }
  cr_assert_gt (yes, 100, "%u of %u", yes, asked);
}

/* ---- word counts of folded names without folding ---- */

typedef struct {
  char text[40];
  guint8 len;                /* bytes of text, NULs included; 0: strlen */
  guint words;
} FoldWordsCase;

static FoldWordsCase fold_words_cases[] = {
  { "Kim Jong-un", 0, 3 }, { "U.S.", 0, 1 }, { "  North   Korea ", 0, 2 }, { "", 0, 0 },
  { "-", 0, 0 }, { "...", 0, 0 }, { "a . b", 0, 2 }, { "Kim-", 0, 1 }, { "-Kim", 0, 1 },
  { "St. Petersburg", 0, 2 }, { "a\xc2\xa0" "b", 0, 2 }, { "Kim\xe2\x80\x90" "Jong", 0, 2 },
  { "People\xe2\x80\x99s", 0, 1 }, { "Z\xc3\xbcrich Ost", 0, 2 }, { "ab\xff" "c d", 0, 1 },
  { "ab\0cd ef", 8, 1 }, { "ab \0cd", 6, 2 }, { "\0ab", 3, 0 }, { "a\tb\nc", 0, 3 },
};

ParameterizedTestParameters (entities, fold_words_counts_the_folded_name)
{
  return cr_make_param_array (FoldWordsCase, fold_words_cases, G_N_ELEMENTS (fold_words_cases));
}

/* evl_ent_fold_words() is the number of words of evl_ent_fold_name()'s
 * output as a C string (one more than its spaces; 0 when empty). */
ParameterizedTest (FoldWordsCase *tc, entities, fold_words_counts_the_folded_name)
{
  gsize n = tc->len ? tc->len : strlen (tc->text);
  g_autoptr (GString) out = g_string_new (NULL);
  evl_ent_fold_name (out, tc->text, n);
  guint spaces = 0;
  for (const char *p = out->str; *p; p++)
    spaces += *p == ' ';
  guint folded = out->str[0] ? spaces + 1 : 0;
  cr_expect_eq (folded, tc->words, "fold of case '%s' has %u words", tc->text, folded);
  cr_expect_eq (evl_ent_fold_words (tc->text, n), folded, "'%s'", tc->text);
}

/* ---- long runs of lower-case words ---- */

typedef struct {
  char text[200];
  char mention[24];
  char role[24];             /* "" = no role; "-" = the mention is a pronoun of expected */
  char expected[24];         /* cluster name */
} RunCase;

static RunCase run_cases[] = {
  /* A lower-case title right after a long lower-case run, before a name. */
  { "Reporters said that after a very long and quiet wait in the hall the spokesman Dmitry Peskov spoke.",
    "Dmitry Peskov", "spokesman", "Dmitry Peskov" },
  { "It was said that after a very long and quiet wait in the hall spokesman Dmitry Peskov spoke.",
    "Dmitry Peskov", "spokesman", "Dmitry Peskov" },
  /* A pronoun deep inside a run that punctuation ends. */
  { "Kim Jong Un said that at the end of a long and tiring day he was very glad to be home.",
    "he", "-", "Kim Jong Un" },
  /* ... and inside a run that a capital ends. */
  { "Kim Jong Un said that at the end of a long and tiring day he was very glad to see Putin.",
    "he", "-", "Kim Jong Un" },
};

ParameterizedTestParameters (entities, long_lower_case_runs_keep_titles_and_pronouns)
{
  return cr_make_param_array (RunCase, run_cases, G_N_ELEMENTS (run_cases));
}

/* The scanner skips the rule tests inside long lower-case runs: titles
 * near the run's end and pronouns anywhere in it are still found. */
ParameterizedTest (RunCase *tc, entities, long_lower_case_runs_keep_titles_and_pronouns)
{
  g_autoptr (EvlDocument) doc = annotate (tc->text);
  const EvlEntityMention *m = mention (doc, tc->mention, 0);
  const EvlEntityCluster *c = &evl_document_get_entity_clusters (doc, NULL)[m->cluster];
  cr_expect_str_eq (c->name, tc->expected, "in \"%s\"", tc->text);
  if (strcmp (tc->role, "-") == 0)
    cr_expect (m->is_pronoun);
  else
    cr_expect_str_eq (c->role ? c->role : "", tc->role, "role of '%s' in \"%s\"", tc->mention, tc->text);
}

/* The per-context cue kind bits answer as the "kind=" lists do: a member
 * bit for each listed kind, the title bits for the text anywhere. */
Test (entities, cue_bits_equal_the_kind_lists)
{
  static const struct { const char *name; guint bit; } kinds[] = {
    { "connector", EVL_CUE_CONNECTOR }, { "epithet", EVL_CUE_EPITHET },
    { "loc-head", EVL_CUE_LOC_HEAD }, { "loc-prefix", EVL_CUE_LOC_PREFIX },
    { "motion", EVL_CUE_MOTION }, { "not-entity", EVL_CUE_NOT_ENTITY },
    { "org-head", EVL_CUE_ORG_HEAD }, { "place-prep", EVL_CUE_PLACE_PREP },
    { "title-mod", EVL_CUE_TITLE_MOD }, { "title-start", EVL_CUE_TITLE_START },
    { "org-of", EVL_CUE_ORG_OF }, { "org-after", EVL_CUE_ORG_AFTER }, { "speech", EVL_CUE_SPEECH },
    { "loc-of", EVL_CUE_LOC_OF }, { "loc-after", EVL_CUE_LOC_AFTER },
  };
  const EvlEntLex *lex = evl_ent_lex_get (ctx);
  cr_assert_not_null (lex->cues);
  guint set = 0;
  for (guint i = 0; i < evl_lexicon_size (lex->cues); i++)
    {
      const EvlLexEntry *e = evl_lexicon_get (lex->cues, i);
      const char *v = evl_ent_attr (e, "kind");
      g_auto (GStrv) list = g_strsplit (v ? v : "", "|", -1);
      guint bits = evl_ent_cue_bits (lex, e);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          gboolean want = v && g_strv_contains ((const char *const *) list, kinds[k].name);
          cr_expect_eq ((bits & kinds[k].bit) != 0, want, "'%s' kind %s", e->canonical, kinds[k].name);
          set += want;
        }
      cr_expect_eq ((bits & EVL_CUE_HAS_TITLE_MOD) != 0, v && strstr (v, "title-mod"), "'%s'", e->canonical);
      cr_expect_eq ((bits & EVL_CUE_HAS_TITLE_START) != 0, v && strstr (v, "title-start"), "'%s'", e->canonical);
    }
  cr_assert_gt (set, 200);
  cr_expect_eq (evl_ent_cue_bits (lex, NULL), 0u);
}

/* Every one-word title, and every one-word cue whose kinds mention
 * title-start or title-mod, sets its one_bloom slot's
 * EVL_ENT_ONE_TITLE_START bit: a clear bit skips the title lookups. */
Test (entities, title_start_filter_covers_titles_and_title_cues)
{
  const EvlEntLex *lex = evl_ent_lex_get (ctx);
  cr_assert_not_null (lex->titles);
  cr_assert_not_null (lex->cues);
  guint checked = 0;
  for (guint l = 0; l < 2; l++)
    {
      const EvlLexicon *lx = l == 0 ? lex->titles : lex->cues;
      for (guint i = 0; i < evl_lexicon_size (lx); i++)
        {
          const EvlLexEntry *e = evl_lexicon_get (lx, i);
          if (l == 1 && !(evl_ent_cue_bits (lex, e) & (EVL_CUE_HAS_TITLE_START | EVL_CUE_HAS_TITLE_MOD)))
            continue;
          char buf[256];
          gssize n = evl_fold_key (e->canonical, strlen (e->canonical), buf, sizeof buf);
          if (n <= 0 || memchr (buf, ' ', (gsize) n))
            continue;
          guint8 bits = lex->one_bloom[evl_ent_one_slot (evl_ent_chunk (buf, MIN ((gsize) n, 8), buf + n), (gsize) n)];
          cr_expect (bits & EVL_ENT_ONE_TITLE_START, "'%s'", e->canonical);
          checked++;
        }
    }
  cr_assert_gt (checked, 50);
}

/* ---- name folding ---- */

typedef struct {
  char text[64];
  char folded[64];
} FoldNameCase;

static FoldNameCase fold_name_cases[] = {
  { "Vladimir Putin", "vladimir putin" }, { "KIM JONG-UN", "kim jong un" },
  { "U.S.", "us" }, { "  North   Korea ", "north korea" },
  { "Vostochny Cosmodrome", "vostochny cosmodrome" }, { "ABCDEFGHIJKLMNOP", "abcdefghijklmnop" },
  { "Saint-Petersburg.Region", "saint petersburgregion" }, { "Mary-Kate Olsen-Smith", "mary kate olsen smith" },
  { "Aaaaaaa.Bbbbbbbbbb", "aaaaaaabbbbbbbbbb" }, { "Xxxxxxxx\tYyyyyyyy\nZz", "xxxxxxxx yyyyyyyy zz" },
  { "Zürich-Oerlikon Bahnhof", "zürich oerlikon bahnhof" }, { "People\xe2\x80\x99s Daily", "people's daily" },
  { "-Leading-Hyphens--", "leading hyphens" }, { "O'Connor-McDonald", "o'connor mcdonald" },
};

ParameterizedTestParameters (entities, fold_name_folds_names)
{
  return cr_make_param_array (FoldNameCase, fold_name_cases, G_N_ELEMENTS (fold_name_cases));
}

/* evl_ent_fold_name() lower-cases, drops periods, turns hyphens and blank
 * runs into one space and trims, for names of every length (eight-byte
 * words are folded as one) and after text already in the buffer. */
ParameterizedTest (FoldNameCase *tc, entities, fold_name_folds_names)
{
  g_autoptr (GString) out = g_string_new (NULL);
  evl_ent_fold_name (out, tc->text, strlen (tc->text));
  cr_expect_str_eq (out->str, tc->folded);
  cr_expect_eq (out->len, strlen (tc->folded));
  g_string_assign (out, "prefix:");
  evl_ent_fold_name (out, tc->text, strlen (tc->text));
  g_autofree char *want = g_strconcat ("prefix:", tc->folded, NULL);
  cr_expect_str_eq (out->str, want);
  guint words = tc->folded[0] ? 1 : 0;
  for (const char *c = tc->folded; *c; c++)
    words += *c == ' ';
  cr_expect_eq (evl_ent_fold_words (tc->text, strlen (tc->text)), words, "'%s'", tc->text);
}

/* ---- name folding against a byte-by-byte model ---- */

/* The fold as data/README.md states it, one character at a time: ASCII
 * lower-cased, periods dropped, hyphens (U+2010/U+2011 too) and white
 * space a single separator between words, curly apostrophes straight,
 * other characters lower-cased; stops at invalid UTF-8. */
static void
model_fold (GString *out, const char *text, gsize len)
{
  gsize start = out->len;
  gboolean space = FALSE;
  for (const char *p = text, *end = text + len; p < end;)
    {
      gunichar c = (guchar) *p;
      if (c < 0x80)
        p++;
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            break;
          p = g_utf8_next_char (p);
        }
      if (c == '.')
        continue;
      if (c == '-' || (c < 0x80 && g_ascii_isspace ((char) c))
          || (c >= 0x80 && (c == 0x2010 || c == 0x2011 || g_unichar_isspace (c))))
        {
          space = out->len > start;
          continue;
        }
      if (c == 0x2019 || c == 0x2018)
        c = '\'';
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
}

/* Names of 0-24 bytes made of plain letters and every kind of byte the
 * fold treats apart (periods, hyphens, blanks, a control byte, NUL, UTF-8,
 * a curly apostrophe), at every position, so that the eight-byte steps
 * meet each of them at each offset and at a name's last bytes: the fold
 * and the word count agree with the model, also after a prefix. */
Test (entities, fold_name_matches_a_byte_by_byte_model)
{
  static const char *const pieces[] = {
    "a", "B", "z", "Q", "m", ".", "-", " ", "\t", "\n", "\x01", "'", "7",
    "\xc3\xa9", "\xc3\x89", "\xe2\x80\x99", "\xe2\x80\x90", "\xff", "\0",
  };
  GRand *rand = g_rand_new_with_seed (7);
  guint checked = 0;
  for (guint round = 0; round < 4000; round++)
    {
      char text[40];
      gsize len = 0;
      guint target = (guint) g_rand_int_range (rand, 0, 25);
      /* Mostly plain letters: runs long enough for the word steps. */
      while (len < target)
        {
          guint k = g_rand_int_range (rand, 0, 4) ? (guint) g_rand_int_range (rand, 0, 5)
                                                  : (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces));
          gsize n = k == G_N_ELEMENTS (pieces) - 1 ? 1 : strlen (pieces[k]);
          if (len + n > sizeof text)
            break;
          memcpy (text + len, pieces[k], n);
          len += n;
        }
      for (guint with_prefix = 0; with_prefix < 2; with_prefix++)
        {
          g_autoptr (GString) got = g_string_new (with_prefix ? "pre:" : "");
          g_autoptr (GString) want = g_string_new (with_prefix ? "pre:" : "");
          evl_ent_fold_name (got, text, len);
          model_fold (want, text, len);
          cr_assert_eq (got->len, want->len, "round %u: length %zu, model %zu", round, got->len, want->len);
          cr_assert (memcmp (got->str, want->str, got->len) == 0, "round %u: '%s' against '%s'", round,
                     got->str, want->str);
          cr_assert_eq (got->str[got->len], '\0');
          checked++;
        }
      /* The word count is that of the fold as a C string. */
      g_autoptr (GString) f = g_string_new (NULL);
      model_fold (f, text, len);
      guint words = f->str[0] ? 1 : 0;
      for (const char *c = f->str; *c; c++)
        words += *c == ' ';
      cr_assert_eq (evl_ent_fold_words (text, len), words, "round %u", round);
    }
  g_rand_free (rand);
  cr_assert_eq (checked, 8000u);
}

/* ---- merge keys of names written with other blanks ---- */

typedef struct {
  char name[48];
  char same_as[48];
  EvlEntityType type;
} BlankKeyCase;

/* Lexicon lookups collapse blanks (space, tab, newline, CR): the
 * first-word filter in front of them must give the same key. */
static BlankKeyCase blank_key_cases[] = {
  { "North\tKorea", "North Korea", EVL_ENTITY_LOCATION },
  { "North\n\nKorea", "North Korea", EVL_ENTITY_LOCATION },
  { "NORTH  KOREA", "North Korea", EVL_ENTITY_LOCATION },
  { "Kim\tJong\rUn", "Kim Jong Un", EVL_ENTITY_PERSON },
  { "the\tKremlin", "the Kremlin", EVL_ENTITY_LOCATION },
  { "Democratic\tPeople's Republic of Korea", "DPRK", EVL_ENTITY_LOCATION },
  { "Nobody\tInparticular", "nobody inparticular", EVL_ENTITY_PERSON },
  { "Vostochny\x01" "Cosmodrome", "vostochny\x01" "cosmodrome", EVL_ENTITY_LOCATION },
};

ParameterizedTestParameters (entities, keys_ignore_how_blanks_are_written)
{
  return cr_make_param_array (BlankKeyCase, blank_key_cases, G_N_ELEMENTS (blank_key_cases));
}

ParameterizedTest (BlankKeyCase *tc, entities, keys_ignore_how_blanks_are_written)
{
  g_autofree char *key = evl_entity_normalize_key (ctx, tc->name, tc->type);
  g_autofree char *want = evl_entity_normalize_key (ctx, tc->same_as, tc->type);
  cr_expect_str_eq (key, want, "key of '%s'", tc->name);
}

/* Annotated for less than every need, a document gets the same mentions
 * (spans, types, cluster indices) and no cluster records. */
Test (entities, partial_needs_keep_the_mentions_and_skip_the_records)
{
  const char *text = "President Joe Biden met Kim Jong Un in Hanoi. Biden said the North Korean "
                     "leader had agreed. Kim left for Pyongyang on Friday with Biden's envoy.\n";
  g_autoptr (EvlDocument) full = annotate (text);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlDocument) part = evl_document_new ("t", text, -1, &error);
  cr_assert_not_null (part);
  evl_segment_document (ctx, part);
  evl_entities_annotate_for (ctx, part, EVL_PIPELINE_NEEDS_TIMEML | EVL_PIPELINE_NEEDS_ANCHORS);
  guint nf, np, nc;
  const EvlEntityMention *f = evl_document_get_entity_mentions (full, &nf);
  const EvlEntityMention *p = evl_document_get_entity_mentions (part, &np);
  cr_assert_gt (nf, 3);
  cr_assert_eq (np, nf);
  gboolean shared = FALSE;
  for (guint i = 0; i < nf; i++)
    {
      cr_assert (f[i].span.start == p[i].span.start && f[i].span.end == p[i].span.end);
      cr_assert_eq (f[i].type, p[i].type);
      cr_assert_eq (f[i].cluster, p[i].cluster);
      cr_assert_eq (f[i].is_pronoun, p[i].is_pronoun);
      for (guint j = 0; j < i; j++)
        shared |= f[j].cluster == f[i].cluster;
    }
  cr_assert (shared, "no two mentions of one entity: cluster indices untested");
  cr_assert_gt (evl_document_get_entity_clusters (full, &nc) != NULL ? nc : 0, 0);
  evl_document_get_entity_clusters (part, &nc);
  cr_assert_eq (nc, 0, "the partial run made cluster records");
}

/* A person named in an organisation's name ('Harry Truman Library', a
 * public body's head) stays a person of their own. */
Test (entities, person_in_a_public_body_name_stays_apart)
{
  g_autoptr (EvlDocument) doc = annotate ("Visitors came to the Arvid Kolstad Library on Monday. "
                                          "Arvid Kolstad was mayor for ten years.");
  const EvlEntityCluster *lib = cluster_of (doc, "Arvid Kolstad Library");
  const EvlEntityCluster *man = cluster_of (doc, "Arvid Kolstad");
  cr_expect_neq (lib, man);
  cr_expect_eq (man->type, EVL_ENTITY_PERSON);
}

/* Whether a cluster of @doc is named @name. */
static gboolean
has_cluster_named (EvlDocument *doc, const char *name)
{
  guint n;
  const EvlEntityCluster *c = evl_document_get_entity_clusters (doc, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (c[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

/* A capitalised common noun phrase is no name: a body's head left alone
 * when the text writes its modifier in lower case ('China's Justice
 * Ministry' and 'justice'), a law's head after a word that is also a
 * title ('the General Agreement on Tariffs'), a document's name ('defence
 * White Papers', the 'Asian Development Outlook').  A body's head that
 * stands for a name the text gave in full is still its mention. */
Test (entities, a_capitalised_common_phrase_is_no_name)
{
  g_autoptr (EvlDocument) doc = annotate (
    "Dissidents fared worse, a report from China's Justice Ministry said on Monday, though justice was "
    "promised. China sought admission to the General Agreement on Tariffs and Trade since 1986. "
    "Hideaki Ueda called on Beijing to issue defence White Papers in order to make its strategy clear. "
    "The annual Asian Development Outlook report said the upturn would be good news.");
  cr_expect_not (has_cluster_named (doc, "Ministry"));
  cr_expect_not (has_cluster_named (doc, "Agreement"));
  cr_expect_not (has_cluster_named (doc, "White Papers"));
  cr_expect_not (has_cluster_named (doc, "Development Outlook"));
  cr_expect (has_cluster_named (doc, "Hideaki Ueda"));

  g_autoptr (EvlDocument) body = annotate ("The Council of Orthodox Jewish Communities met on Monday. "
                                           "Its members said the Council would appeal.");
  cr_expect_eq (cluster_of (body, "Council"), cluster_of (body, "Council of Orthodox Jewish Communities"));
}

/* No person's name has a digit: a capitalised run with a model number
 * ('The Airbus A320', 'a Hercules C-130') names a machine; a person
 * named beside it is still one. */
Test (entities, a_model_number_makes_no_person)
{
  g_autoptr (EvlDocument) doc = annotate ("The Airbus A320, operated by a local airline, was arriving from the "
                                          "capital. A Hercules C-130 brought rescuers. Raj Mehan, its pilot, "
                                          "survived.");
  cr_expect_not (has_cluster_named (doc, "Airbus A320"));
  cr_expect_not (has_cluster_named (doc, "Hercules C-130"));
  cr_expect_eq (cluster_of (doc, "Raj Mehan")->type, EVL_ENTITY_PERSON);
}

/* A faith's followers are no entity in the older spelling either. */
Test (entities, a_faiths_followers_are_no_name_in_any_spelling)
{
  g_autoptr (EvlDocument) doc = annotate ("Thousands of Shiite Moslems marched on Friday, and Sunni Muslims "
                                          "joined them.");
  cr_expect_not (has_cluster_named (doc, "Shiite Moslems"));
  cr_expect_not (has_cluster_named (doc, "Sunni Muslims"));
}

/* A country's word before common words and 'and' starts the name of the
 * organisation after it, as 'the' does: 'Philippine Long Distance and
 * Telephone Co.' is one company, not a person 'Long Distance' and a
 * 'Telephone Co.'. */
Test (entities, a_national_name_runs_on_past_and)
{
  g_autoptr (EvlDocument) doc = annotate ("Art Samson, senior vice-president of Philippine Long Distance and "
                                          "Telephone Co., said on Monday the talks would go on.");
  cr_expect_not (has_cluster_named (doc, "Long Distance"));
  cr_expect_eq (cluster_of (doc, "Philippine Long Distance and Telephone Co.")->type, EVL_ENTITY_ORGANIZATION);
}

/* A capitalised run typed a person by default that starts with an
 * office's word or ends with a part of an organisation is a common noun
 * phrase, no name ('the fund's Executive Board', 'Foreign Affairs
 * officials', 'National Overseas passports'); a name after a title, and
 * a known body, stay. */
typedef struct {
  char text[160];
  char absent[32];   /* no cluster so named */
  char present[32];  /* a cluster so named, or "" */
} CommonPhraseCase;

ParameterizedTestParameters (entities, a_common_phrase_named_by_office_or_part_is_no_name)
{
  static CommonPhraseCase cases[] = {
    { "The fund's Executive Board approved the loan on Monday, Anna Lind said.", "Executive Board", "Anna Lind" },
    { "Foreign Affairs officials declined to comment, said Tomas Berg.", "Foreign Affairs", "Tomas Berg" },
    { "Many residents hold National Overseas passports, Karl Vos said.", "National Overseas", "Karl Vos" },
    { "The company's Senior Executives met in Oslo on Monday.", "Senior Executives", "Oslo" },
    { "The Supreme Court ruled on Monday that the law stands.", "", "Supreme Court" },
  };
  return cr_make_param_array (CommonPhraseCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (CommonPhraseCase *c, entities, a_common_phrase_named_by_office_or_part_is_no_name)
{
  g_autoptr (EvlDocument) doc = annotate (c->text);
  if (c->absent[0])
    cr_expect_not (has_cluster_named (doc, c->absent), "%s: %s", c->text, c->absent);
  if (c->present[0])
    cr_expect (has_cluster_named (doc, c->present), "%s: %s", c->text, c->present);
}
