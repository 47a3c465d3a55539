/* Story half of the events stage: typing, factuality, arguments, anchoring,
 * salience.  Documents are built by hand (tokens, sentences, timexes,
 * entities, event mentions) so each rule family is tested on its own. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "events/story-private.h"
#include "../tmp-helpers.h"

TestSuite (story, .fini = evl_test_tmp_cleanup);

/* ------------------------------------------------------------ fixtures */

static gboolean
word_byte (const char *s)
{
  unsigned char c = (unsigned char) *s;
  if (g_ascii_isalnum (c) || c == '-' || c == '\'')
    return TRUE;
  /* Curly quotes are punctuation, other non-ASCII is word material;
   * U+2019 inside a word is an apostrophe ('Russia’s'). */
  if (strncmp (s, "\xe2\x80\x9c", 3) == 0 || strncmp (s, "\xe2\x80\x9d", 3) == 0
      || strncmp (s, "\xe2\x80\x98", 3) == 0)
    return FALSE;
  return c >= 0x80;
}

/* A plain tokenizer: words, one token per punctuation mark, sentences end
 * at . ! ?, paragraphs at blank lines. */
static EvlDocument *
make_doc_dct (const char *text, EvlDctSource dct_source)
{
  EvlDocument *doc = evl_document_new ("t", text, -1, NULL);
  cr_assert_not_null (doc);
  evl_document_set_dct (doc, "2023-09-14", dct_source);
  gsize len;
  const char *s = evl_document_get_text (doc, &len);
  guint sentence = 0, first = 0, n = 0, para = 0;
  guint32 sstart = 0;
  gboolean open = FALSE;
  for (gsize i = 0; i < len;)
    {
      if (g_ascii_isspace (s[i]))
        {
          if (s[i] == '\n' && i + 1 < len && s[i + 1] == '\n')
            para++;
          i++;
          continue;
        }
      EvlToken t = { { (guint32) i, 0 }, sentence, 0 };
      if (word_byte (s + i))
        {
          gsize j = i;
          while (j < len && word_byte (s + j))
            j += (unsigned char) s[j] >= 0x80 ? (gsize) g_utf8_skip[(unsigned char) s[j]] : 1;
          t.flags = EVL_TOKEN_WORD | (g_ascii_isupper (s[i]) ? EVL_TOKEN_CAP : 0);
          t.span.end = (guint32) j;
        }
      else
        {
          gsize j = i + g_utf8_skip[(unsigned char) s[i]];
          t.flags = EVL_TOKEN_PUNCT;
          if (s[i] == '"' || (unsigned char) s[i] == 0xe2)
            t.flags |= EVL_TOKEN_QUOTE;
          t.span.end = (guint32) j;
        }
      if (!open)
        {
          sstart = t.span.start;
          first = n;
          open = TRUE;
          t.flags |= EVL_TOKEN_SENT_START;
        }
      evl_document_add_token (doc, &t);
      n++;
      gboolean end = t.span.end - t.span.start == 1 && strchr (".!?", s[t.span.start]);
      i = t.span.end;
      if (end || i >= len)
        {
          EvlSentence sn = { { sstart, t.span.end }, first, n - first, para, 0, 0 };
          evl_document_add_sentence (doc, &sn);
          sentence++;
          open = FALSE;
        }
    }
  return doc;
}

static EvlDocument *
make_doc (const char *text)
{
  return make_doc_dct (text, EVL_DCT_METADATA);
}

/* Byte span of the @nth (0-based) occurrence of @needle. */
static EvlSpan
find (EvlDocument *doc, const char *needle, guint nth)
{
  const char *text = evl_document_get_text (doc, NULL);
  const char *p = text;
  for (guint i = 0;; i++)
    {
      p = strstr (p, needle);
      cr_assert_not_null (p, "'%s' not in the text", needle);
      if (i == nth)
        break;
      p += strlen (needle);
    }
  EvlSpan sp = { (guint32) (p - text), (guint32) (p - text + strlen (needle)) };
  return sp;
}

static guint
sentence_of (EvlDocument *doc, EvlSpan sp)
{
  gint t = evl_document_token_at (doc, sp.start);
  cr_assert_geq (t, 0);
  guint n;
  return evl_document_get_tokens (doc, &n)[t].sentence;
}

/* Entity mentions must be added in text order, as the entities stage does. */
static guint
add_entity (EvlDocument *doc, const char *surface, guint nth, EvlEntityType type, gint cluster)
{
  EvlSpan sp = find (doc, surface, nth);
  EvlEntityMention m = { sp, sentence_of (doc, sp), type, cluster, 0, 0 };
  return evl_document_add_entity_mention (doc, &m);
}

static guint
add_timex (EvlDocument *doc, const char *surface, EvlTimexType type, const char *value)
{
  EvlSpan sp = find (doc, surface, 0);
  EvlTimex x = { 0 };
  x.span = sp;
  x.sentence = sentence_of (doc, sp);
  x.type = type;
  x.value = evl_document_intern (doc, value, -1);
  x.anchor = -1;
  /* Bounds computed here so the test does not depend on the timex stage:
   * "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM". */
  int y = 0, m = 0, d = 0;
  int got = sscanf (value, "%d-%d-%d", &y, &m, &d);
  x.begin = evl_day_from_ymd (y, got >= 2 ? m : 1, got >= 3 ? d : 1);
  if (got >= 3 && strchr (value, 'T'))
    x.end = x.begin, x.grain = EVL_GRAIN_MINUTE, x.type = EVL_TIMEX_TIME;   /* "YYYY-MM-DDTHH:MM" */
  else if (got >= 3)
    x.end = x.begin, x.grain = EVL_GRAIN_DAY;
  else if (got == 2)
    x.end = evl_day_from_ymd (y, m, g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y)),
    x.grain = EVL_GRAIN_MONTH;
  else
    x.end = evl_day_from_ymd (y, 12, 31), x.grain = EVL_GRAIN_YEAR;
  return evl_document_add_timex (doc, &x);
}

static guint
add_event_aspect (EvlDocument *doc, const char *surface, guint nth, const char *lemma,
                  EvlEventClass klass, const char *tense, const char *aspect)
{
  EvlSpan sp = find (doc, surface, nth);
  EvlEventMention e = { 0 };
  e.span = sp;
  e.sentence = sentence_of (doc, sp);
  e.lemma = evl_document_intern (doc, lemma, -1);
  e.klass = klass;
  e.tense = tense;
  e.aspect = aspect;
  e.timex = e.agent = e.patient = e.location = e.source = e.cue_event = -1;
  return evl_document_add_event_mention (doc, &e);
}

static guint
add_event (EvlDocument *doc, const char *surface, guint nth, const char *lemma,
           EvlEventClass klass, const char *tense)
{
  return add_event_aspect (doc, surface, nth, lemma, klass, tense, "NONE");
}

static EvlContext *
context (void)
{
  GError *error = NULL;
  EvlContext *ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  return ctx;
}

static const EvlEventMention *
annotate (EvlDocument *doc, guint *n_out)
{
  g_autoptr (EvlContext) ctx = context ();
  evl_events_story_annotate (ctx, doc);
  return evl_document_get_event_mentions (doc, n_out);
}

/* @doc with one OCCURRENCE event (and one DATE timex, *@x, when @timex is
 * not empty), annotated: the event. */
static const EvlEventMention *
annotate_one (EvlDocument *doc, const char *trigger, const char *lemma, const char *tense,
              const char *timex, const char *value, gint32 *x)
{
  gint32 t = timex[0] ? (gint32) add_timex (doc, timex, EVL_TIMEX_DATE, value) : -1;
  if (x)
    *x = t;
  guint k = add_event (doc, trigger, 0, lemma, EVL_EVENT_CLASS_OCCURRENCE, tense);
  guint n;
  return &annotate (doc, &n)[k];
}

/* ------------------------------------------------------------- typing */

typedef struct {
  char text[128];
  char trigger[24];
  char lemma[24];
  char tense[12];
  char type[24];
  char cameo[4];
  guint flags;
} TypeCase;

ParameterizedTestParameters (story, typing)
{
  static TypeCase cases[] = {
    { "North Korea launched two ballistic missiles.", "launched", "launch", "PAST", "MISSILE_LAUNCH", "15", 0 },
    { "It was a failed reconnaissance satellite launch attempt in August.", "launch", "launch", "NONE",
      "SATELLITE_LAUNCH", "", EVL_EVENT_FLAG_FAILED },
    { "A rocket carrying a spy satellite plunged into the sea.", "plunged", "plunge", "PAST",
      "SATELLITE_LAUNCH", "", EVL_EVENT_FLAG_FAILED },
    { "The satellite launch was successful.", "launch", "launch", "NONE", "SATELLITE_LAUNCH", "",
      EVL_EVENT_FLAG_SUCCEEDED },
    { "Kim Jong Un met with Vladimir Putin.", "met", "meet", "PAST", "MEETING", "04", 0 },
    /* fighting a fire is no war */
    { "Firefighters and troops battled a blaze near the base.", "battled", "battle", "PAST", "DISASTER", "", 0 },
    { "Crews fought the flames for two days.", "fought", "fight", "PAST", "DISASTER", "", 0 },
    { "Troops fought rebels near the border.", "fought", "fight", "PAST", "CONFLICT", "19", 0 },
    { "The summit ended late.", "summit", "summit", "NONE", "MEETING", "04", 0 },
    { "The talks lasted just over an hour.", "talks", "talk", "NONE", "MEETING", "04", 0 },
    { "They toured the launch site.", "launch", "launch", "NONE", "OTHER", "", 0 },
    { "The rocket lifted off from the satellite launching ground.", "launching", "launch", "NONE", "OTHER", "", 0 },
    { "Troops held drills at the missile firing range.", "firing", "fire", "NONE", "OTHER", "", 0 },
    /* a model named by family and number reads as its family */
    { "North Korea last tested a Hwasong-18 in April.", "tested", "test", "PAST", "MISSILE_LAUNCH", "15", 0 },
    { "Moscow supplied weapons to Pyongyang.", "supplied", "supply", "PAST", "ARMS_TRANSFER", "07", 0 },
    /* Arms named by their kind; 'defence' right by the verb; troops and
     * food sent are no arms. */
    { "Britain sent tanks to Ukraine.", "sent", "send", "PAST", "ARMS_TRANSFER", "07", 0 },
    { "France provided howitzers.", "provided", "provide", "PAST", "ARMS_TRANSFER", "07", 0 },
    { "Washington will supply F-16 jets.", "supply", "supply", "FUTURE", "ARMS_TRANSFER", "07", 0 },
    { "Germany delivered air defence systems to Ukraine.", "delivered", "deliver", "PAST", "ARMS_TRANSFER",
      "07", 0 },
    { "Poland sent troops to the border.", "sent", "send", "PAST", "OTHER", "", 0 },
    /* a defence ministry before the verb, jets delivered to airlines and
     * drones sent at a target are no transfer of arms */
    { "The Defence Ministry provided no details.", "provided", "provide", "PAST", "OTHER", "", 0 },
    { "The planemaker delivered 27 jets to airlines.", "delivered", "deliver", "PAST", "OTHER", "", 0 },
    /* jets are arms only for a military buyer or a warplane's kind, not
     * when the airline is named, not called one */
    { "Boeing delivered 12 jets to Ryanair.", "delivered", "deliver", "PAST", "OTHER", "", 0 },
    { "Russia delivered 20 jets to the Syrian army.", "delivered", "deliver", "PAST", "ARMS_TRANSFER", "07", 0 },
    { "Tools were sent to a missile and fighter jet plant.", "sent", "send", "PAST", "OTHER", "", 0 },
    { "Iran sent drones toward Israel.", "sent", "send", "PAST", "OTHER", "", 0 },
    { "The charity delivered food to the village.", "delivered", "deliver", "PAST", "OTHER", "", 0 },
    /* imposing sanctions is the sanction; imposing a curfew is a coercive measure of its own */
    { "The European Union imposed new sanctions on Iran.", "imposed", "impose", "PAST", "SANCTION", "16", 0 },
    { "The army imposed a curfew on the city.", "imposed", "impose", "PAST", "EMERGENCY", "17", 0 },
    { "Reports of a potential arms deal spread.", "deal", "deal", "NONE", "ARMS_TRANSFER", "07", 0 },
    { "The two sides signed a trade agreement.", "signed", "sign", "PAST", "AGREEMENT", "05", 0 },
    { "The Korean War ended in 1953.", "War", "war", "NONE", "CONFLICT", "19", 0 },
    { "Kim pledged unwavering support.", "pledged", "pledge", "PAST", "STATEMENT", "01", 0 },
    { "The series of weapons tests continues.", "tests", "test", "NONE", "WEAPONS_TEST", "15", 0 },
    { "Kim arrived by train.", "arrived", "arrive", "PAST", "VISIT", "04", 0 },
    { "They discussed military cooperation.", "cooperation", "cooperation", "NONE",
      "MILITARY_COOPERATION", "06", 0 },
    { "The officials said little.", "said", "say", "PAST", "OTHER", "", 0 },
    /* General news types beyond geopolitics. */
    { "Apple launched the new iPhone.", "launched", "launch", "PAST", "RELEASE", "", 0 },
    { "Police arrested the suspect.", "arrested", "arrest", "PAST", "ARREST", "17", 0 },
    { "The earthquake killed 300 people.", "earthquake", "earthquake", "NONE", "DISASTER", "", 0 },
    { "Workers went on strike over pay.", "strike", "strike", "NONE", "PROTEST", "14", 0 },
    { "Thousands demonstrated against the law.", "demonstrated", "demonstrate", "PAST", "PROTEST", "14", 0 },
    { "The visit may demonstrate its influence.", "demonstrate", "demonstrate", "INFINITIVE", "OTHER", "", 0 },
    { "The air strike hit a convoy of troops.", "strike", "strike", "NONE", "CONFLICT", "19", 0 },
    { "Rebels killed two soldiers.", "killed", "kill", "PAST", "CONFLICT", "19", 0 },
    { "A bombing outside the embassy killed dozens.", "bombing", "bombing", "NONE", "ATTACK", "18", 0 },
    { "Troops repelled an attack on the base.", "attack", "attack", "NONE", "CONFLICT", "19", 0 },
    { "A sniper fired and killed the doctor.", "fired", "fire", "PAST", "OTHER", "", 0 },
    { "The fire killed three people.", "fire", "fire", "NONE", "DISASTER", "", 0 },
    { "The singer died on Monday.", "died", "die", "PAST", "DEATH", "", 0 },
    /* A labour strike is a stoppage wherever its workers are named; force
     * words make it an attack. */
    { "The strike entered its third day.", "strike", "strike", "NONE", "PROTEST", "14", 0 },
    { "Dockers will strike next week.", "strike", "strike", "INFINITIVE", "PROTEST", "14", 0 },
    { "Nurses at three hospitals called a national strike.", "strike", "strike", "NONE", "PROTEST", "14", 0 },
    { "A drone strike hit the convoy.", "strike", "strike", "NONE", "ATTACK", "18", 0 },
    { "Militants struck a checkpoint.", "struck", "strike", "PAST", "CONFLICT", "19", 0 },
    /* a force of nature that struck or hit is the disaster itself */
    { "A strong earthquake struck the coast.", "struck", "strike", "PAST", "DISASTER", "", 0 },
    /* a deal or an accord struck is the agreement reached, in a strike
     * story too; a court that struck down a law reached none */
    { "The union struck a tentative deal with the railway.", "struck", "strike", "PAST", "AGREEMENT", "05", 0 },
    { "Workers returned after a deal was struck on Tuesday.", "struck", "strike", "PAST", "AGREEMENT", "05", 0 },
    { "The two parties struck an accord late on Friday.", "struck", "strike", "PAST", "AGREEMENT", "05", 0 },
    /* agreeing to or on a deal, a ceasefire or a truce is the agreement;
     * agreeing to a plan or with a view is not */
    { "The rebels agreed on Sunday to a ceasefire.", "agreed", "agree", "PAST", "AGREEMENT", "05", 0 },
    { "The firms agreed a deal with the union.", "agreed", "agree", "PAST", "AGREEMENT", "05", 0 },
    { "The minister agreed with the critics on Sunday.", "agreed", "agree", "PAST", "OTHER", "", 0 },
    /* a truce taking effect, prisoners freed under it, carry the agreement
     * out; a law taking effect and a release with no deal do not */
    { "The truce will take effect at midnight on Monday.", "take", "take", "FUTURE", "AGREEMENT", "05", 0 },
    { "The accord came into force on Tuesday.", "came", "come", "PAST", "AGREEMENT", "05", 0 },
    { "The new law takes effect in May.", "takes", "take", "PRESENT", "OTHER", "", 0 },
    { "The army released 120 prisoners on Tuesday under the ceasefire.", "released", "release", "PAST",
      "AGREEMENT", "05", 0 },
    { "The two sides exchanged prisoners under the deal.", "exchanged", "exchange", "PAST", "AGREEMENT", "05",
      0 },
    { "The army released 120 prisoners on Tuesday.", "released", "release", "PAST", "OTHER", "", 0 },
    { "Rail workers struck over pay on Monday.", "struck", "strike", "PAST", "PROTEST", "14", 0 },
    { "The court struck down the law on Monday.", "struck", "strike down", "PAST", "OTHER", "", 0 },
    /* people arrive on a visit; goods do not */
    { "The first shipment of vaccine arrived in the capital on Wednesday.", "arrived", "arrive", "PAST", "OTHER",
      "", 0 },
    { "The president arrived in the capital on Wednesday.", "arrived", "arrive", "PAST", "VISIT", "04", 0 },
    { "Villagers said aid had been slow to arrive.", "arrive", "arrive", "INFINITIVE", "OTHER", "", 0 },
    { "The first tents and medicines arrived on Friday.", "arrived", "arrive", "PAST", "OTHER", "", 0 },
    /* nor do a plane or its passengers */
    { "The jet, operated by Sunway Airlines, was arriving from the capital.", "arriving", "arrive", "PRESPART",
      "OTHER", "", 0 },
    { "The stranded passengers arrived in Rome on Monday.", "arrived", "arrive", "PAST", "OTHER", "", 0 },
    /* widening sanctions is a sanction; widening trade is not */
    { "The EU expanded sanctions on the regime.", "expanded", "expand", "PAST", "SANCTION", "16", 0 },
    { "The two countries agreed to expand imports of grain.", "expand", "expand", "INFINITIVE", "OTHER", "", 0 },
    /* an aircraft's crash is an accident; a market's is not */
    { "A passenger jet crashed shortly after take-off.", "crashed", "crash", "PAST", "DISASTER", "", 0 },
    { "Shares crashed after the report.", "crashed", "crash", "PAST", "OTHER", "", 0 },
    { "The storm hit the island overnight.", "hit", "hit", "PAST", "DISASTER", "", 0 },
    { "The hurricane slammed into the coast.", "slammed", "slam", "PAST", "DISASTER", "", 0 },
    /* a storm's landfall is the disaster striking; people's is not */
    { "The storm made landfall near the port.", "made", "make", "PAST", "DISASTER", "", 0 },
    { "The storm came ashore on Thursday.", "came", "come", "PAST", "DISASTER", "", 0 },
    { "The migrants came ashore on Thursday.", "came", "come", "PAST", "OTHER", "", 0 },
    { "Rail workers walked out on Tuesday.", "walked", "walk", "PAST", "PROTEST", "14", 0 },
    /* Going on, joining or staging a stoppage is the stoppage; going on
     * an air strike's mission is not. */
    { "Dockworkers went on strike on Friday.", "went", "go", "PAST", "PROTEST", "14", 0 },
    { "Teachers joined a general strike.", "joined", "join", "PAST", "PROTEST", "14", 0 },
    { "Pilots staged a walkout.", "staged", "stage", "PAST", "PROTEST", "14", 0 },
    /* calling a strike or for a boycott is the protest; calling for air
     * strikes is not */
    { "The union called a strike.", "called", "call", "PAST", "PROTEST", "14", 0 },
    { "Workers called for a boycott of the firm.", "called", "call", "PAST", "PROTEST", "14", 0 },
    { "The general called for air strikes.", "called", "call", "PAST", "OTHER", "", 0 },
    { "The air strike went ahead at dawn.", "went", "go", "PAST", "OTHER", "", 0 },
    { "Teachers launched their strike.", "launched", "launch", "PAST", "PROTEST", "14", 0 },
    { "The House approved the bill.", "approved", "approve", "PAST", "LEGISLATION", "", 0 },
    { "Parliament rejected the budget.", "rejected", "reject", "PAST", "LEGISLATION", "", 0 },
    { "The minister rejected the claims.", "rejected", "reject", "PAST", "STATEMENT", "01", 0 },
    /* a court, a judge or a tribunal rejecting or dismissing a case rules on
     * it; a minister rejecting a court's ruling makes a statement */
    { "The Constitutional Court rejected the opposition's challenge.", "rejected", "reject", "PAST",
      "LEGAL_ACTION", "11", 0 },
    { "A judge rejected a request to dismiss the class action.", "rejected", "reject", "PAST",
      "LEGAL_ACTION", "11", 0 },
    { "The appeal was rejected by the tribunal on Friday.", "rejected", "reject", "PAST", "LEGAL_ACTION",
      "11", 0 },
    { "The tribunal dismissed the case on Monday.", "dismissed", "dismiss", "PAST", "LEGAL_ACTION", "11", 0 },
    { "A federal judge in Seattle rejected a request by the firm to dismiss the class action.", "dismiss",
      "dismiss", "INFINITIVE", "LEGAL_ACTION", "11", 0 },
    { "The supreme court upheld the sentence.", "upheld", "uphold", "PAST", "LEGAL_ACTION", "11", 0 },
    { "The minister rejected the court's ruling.", "rejected", "reject", "PAST", "STATEMENT", "01", 0 },
    /* a curfew or a lockdown imposed or lifted, a state's emergency declared,
     * is a coercive measure; a pilot's emergency is not */
    { "Authorities lifted the lockdown on Friday.", "lifted", "lift", "PAST", "EMERGENCY", "17", 0 },
    { "The lockdown on the port was lifted on Friday.", "lifted", "lift", "PAST", "EMERGENCY", "17", 0 },
    { "The government declared a national health emergency.", "declared", "declare", "PAST", "EMERGENCY",
      "17", 0 },
    { "The governor declared a state of emergency.", "declared", "declare", "PAST", "EMERGENCY", "17", 0 },
    { "The pilot declared an emergency over the sea.", "declared", "declare", "PAST", "STATEMENT", "01", 0 },
    { "The administration welcomed the vote.", "welcomed", "welcome", "PAST", "STATEMENT", "01", 0 },
    { "Putin welcomed Kim at the airport.", "welcomed", "welcome", "PAST", "VISIT", "04", 0 },
    /* An unnormalised lemma falls back to the form's regular stem. */
    { "The leaders convened at noon.", "convened", "conven", "PAST", "MEETING", "04", 0 },
    /* 'encounter' is a meeting only as a noun. */
    { "This encounter was historic.", "encounter", "encounter", "NONE", "MEETING", "04", 0 },
    { "The program encountered setbacks.", "encountered", "encounter", "PAST", "OTHER", "", 0 },
    { "The rocket exploded after liftoff.", "exploded", "explode", "PAST", "SATELLITE_LAUNCH", "",
      EVL_EVENT_FLAG_FAILED },
    /* ... as did one whose explosion is told, not a rocket explosion */
    { "A faulty valve caused the explosion of its Falka-1 rocket in May.", "explosion", "explosion", "NONE",
      "SATELLITE_LAUNCH", "", EVL_EVENT_FLAG_FAILED },
    { "A rocket explosion killed two people.", "explosion", "explosion", "NONE", "DISASTER", "", 0 },
    /* A campaign is a war's or a vote's only among their words. */
    { "Health teams began a vaccination campaign.", "campaign", "campaign", "NONE", "OTHER", "", 0 },
    { "The army began a military campaign.", "campaign", "campaign", "NONE", "CONFLICT", "19", 0 },
    { "She ran an election campaign.", "campaign", "campaign", "NONE", "ELECTION", "", 0 },
    /* Winning a vote is its result; a plea and a guilty finding are court
     * steps, finding anything else is not. */
    { "The opposition won the presidential election.", "won", "win", "PAST", "ELECTION", "", 0 },
    { "The former aide pleaded guilty to fraud.", "pleaded", "plead", "PAST", "LEGAL_ACTION", "11", 0 },
    { "A jury found the former mayor of the city guilty of bribery.", "found", "find", "PAST",
      "LEGAL_ACTION", "11", 0 },
    { "Inspectors found cracks in the wall.", "found", "find", "PAST", "OTHER", "", 0 },
    /* cases detected or people infected are an outbreak's */
    { "The first cholera cases were detected on Tuesday.", "detected", "detect", "PAST", "DISASTER", "", 0 },
    { "The virus infected 4,000 people.", "infected", "infect", "PAST", "DISASTER", "", 0 },
    { "Radar detected the aircraft.", "detected", "detect", "PAST", "OTHER", "", 0 },
    /* a verb and the particle after it read as their phrasal verb: a
     * type of its own, or none where the verb alone has one */
    { "The rocket lifted off from the pad.", "lifted", "lift", "PAST", "SATELLITE_LAUNCH", "", 0 },
    { "The missile blasted off at dawn.", "blasted", "blast", "PAST", "MISSILE_LAUNCH", "15", 0 },
    { "Yoon signed off on the decision.", "signed", "sign", "PAST", "OTHER", "", 0 },
    { "They threatened to shoot down reconnaissance planes.", "shoot", "shoot", "NONE", "ATTACK", "18", 0 },
    { "Its shares shot up 6 percent.", "shot", "shoot", "PAST", "OTHER", "", 0 },
    /* a shot at goal, not a shooting */
    { "The goalkeeper who saved a late shot was named man of the match.", "shot", "shoot", "NONE", "OTHER", "", 0 },
    { "The striker shot wide and the keeper saved the rebound.", "shot", "shoot", "PAST", "OTHER", "", 0 },
    { "A single shot killed the guard.", "shot", "shoot", "NONE", "DEATH", "", 0 },
    { "The guidelines killed off the plan.", "killed", "kill", "PAST", "OTHER", "", 0 },
    { "The minister stepped down last month.", "stepped", "step", "PAST", "APPOINTMENT", "", 0 },
    { "The party said it would not back down.", "back", "back", "NONE", "OTHER", "", 0 },
    { "Rivals may take over the company in a $5 billion deal.", "take", "take", "NONE", "ACQUISITION", "", 0 },
    /* a company's legal suffix is business enough for a purchase */
    { "It bought Gizmo Ltd in 2019.", "bought", "buy", "PAST", "ACQUISITION", "", 0 },
    { "She bought a new car in 2019.", "bought", "buy", "PAST", "OTHER", "", 0 },
    { "Militants set off a bomb in the market.", "set", "set", "PAST", "ATTACK", "18", 0 },
    { "Floods wiped out the earthquake-hit villages.", "wiped", "wipe", "PAST", "DISASTER", "", 0 },
    /* ... only right after the verb */
    { "Militants shot two soldiers down the road.", "shot", "shoot", "PAST", "CONFLICT", "19", 0 },
    /* 'fire' with what only a space launch puts up */
    { "North Korea fired the satellite late Tuesday.", "fired", "fire", "PAST", "SATELLITE_LAUNCH", "", 0 },
    { "Militants fired rockets at the town.", "fired", "fire", "PAST", "OTHER", "", 0 },
    /* A death a court passes is a sentence (the verb's), no death; facing
     * or seeking the death penalty is a court's step.  A death caused, or
     * one condemned as a statement, is still a death. */
    { "The judge sentenced the smuggler to death.", "sentenced", "sentence", "PAST", "ARREST", "17", 0 },
    { "The judge sentenced the smuggler to death.", "death", "death", "NONE", "OTHER", "", 0 },
    { "A court sentenced the three smugglers to death.", "death", "death", "NONE", "OTHER", "", 0 },
    { "A tribunal condemned the two officers to death.", "condemned", "condemn", "PAST", "ARREST", "17", 0 },
    { "A tribunal condemned the two officers to death.", "death", "death", "NONE", "OTHER", "", 0 },
    { "She was given a sentence of death.", "death", "death", "NONE", "OTHER", "", 0 },
    { "The deserters were condemned to die.", "condemned", "condemn", "PAST", "ARREST", "17", 0 },
    { "The gunman faces the death penalty if convicted.", "faces", "face", "PRESENT", "LEGAL_ACTION", "11", 0 },
    { "Prosecutors will seek the death penalty.", "seek", "seek", "FUTURE", "LEGAL_ACTION", "11", 0 },
    { "The owner was sentenced for causing the death of a patient.", "death", "death", "NONE", "DEATH", "", 0 },
    { "He was sentenced to life for the death of his wife.", "death", "death", "NONE", "DEATH", "", 0 },
    { "She was sentenced to prison over the death of a patient.", "death", "death", "NONE", "DEATH", "", 0 },
    { "The mayor condemned the death of the protester.", "condemned", "condemn", "PAST", "STATEMENT", "01", 0 },
    { "The mayor condemned the death of the protester.", "death", "death", "NONE", "DEATH", "", 0 },
    { "The team faces a tough season.", "faces", "face", "PRESENT", "OTHER", "", 0 },
    { "Police linked the group to last month's cyberattack on the port.", "cyberattack", "cyberattack", "NONE",
      "ATTACK", "18", 0 },
    { "The new president took office on Tuesday.", "took", "take", "PAST", "APPOINTMENT", "", 0 },
    { "Protesters gathered outside parliament during the vote.", "gathered", "gather", "PAST", "PROTEST", "14", 0 },
    { "Mourners gathered outside the church on Sunday.", "gathered", "gather", "PAST", "OTHER", "", 0 },
    /* a takeover's steps are the takeover's; an offer of talks is none */
    { "The board rejected a takeover bid from its rival.", "rejected", "reject", "PAST", "ACQUISITION", "", 0 },
    { "The rebels rejected the offer of talks.", "rejected", "reject", "PAST", "STATEMENT", "01", 0 },
    { "The firm offered 520 pence a share in cash.", "offered", "offer", "PAST", "ACQUISITION", "", 0 },
    { "The firm raised its offer for the retailer.", "raised", "raise", "PAST", "ACQUISITION", "", 0 },
    { "The regulator cleared the merger on Friday.", "cleared", "clear", "PAST", "ACQUISITION", "", 0 },
    { "Shareholders voted to approve the deal.", "voted", "vote", "PAST", "ACQUISITION", "", 0 },
    /* a quake that shook or damaged a place, or brought its buildings
     * down, is the disaster; a man who shook hands is not */
    { "A strong aftershock shook the city on Friday.", "shook", "shake", "PAST", "DISASTER", "", 0 },
    { "An aftershock on Monday evening brought down several buildings.", "brought", "bring", "PAST",
      "DISASTER", "", 0 },
    { "The floods damaged 300 homes.", "damaged", "damage", "PAST", "DISASTER", "", 0 },
    { "The minister shook hands with the mayor.", "shook", "shake", "PAST", "OTHER", "", 0 },
    { "The scandal brought down the government.", "brought", "bring", "PAST", "OTHER", "", 0 },
    /* a judge or a court ordering, granting or denying rules; a mayor
     * ordering is no court */
    { "A judge ordered the former director held for thirty days.", "ordered", "order", "PAST", "LEGAL_ACTION",
      "11", 0 },
    { "The court on Monday denied bail to the two men.", "denied", "deny", "PAST", "LEGAL_ACTION", "11", 0 },
    { "The mayor ordered an inquiry into the fire.", "ordered", "order", "PAST", "OTHER", "", 0 },
    { "The minister denied the reports.", "denied", "deny", "PAST", "STATEMENT", "01", 0 },
    /* a death toll that rose is the deaths told again; prices are not */
    { "The death toll from the quake rose to 112 on Tuesday.", "rose", "rise", "PAST", "DEATH", "", 0 },
    { "Prices rose after the toll road opened.", "rose", "rise", "PAST", "OTHER", "", 0 },
    /* a toll alone is as often a fee: death, the dead or a disaster near */
    { "Harbour tolls will rise next year.", "rise", "rise", "FUTURE", "OTHER", "", 0 },
    { "The bridge toll will rise by a dollar.", "rise", "rise", "FUTURE", "OTHER", "", 0 },
    { "The storm's toll climbed to 31 on Friday.", "climbed", "climb", "PAST", "DEATH", "", 0 },
    { "The toll of dead and missing reached 40.", "reached", "reach", "PAST", "DEATH", "", 0 },
    /* power lost or restored is the disaster's harm or its end; an office
     * regained is not */
    { "Power was restored to 90,000 homes on Friday.", "restored", "restore", "PAST", "DISASTER", "", 0 },
    { "The utility restored power to most customers.", "restored", "restore", "PAST", "DISASTER", "", 0 },
    { "The storm knocked out electricity to the island.", "knocked", "knock", "PAST", "DISASTER", "", 0 },
    { "About 300,000 homes lost power overnight.", "lost", "lose", "PAST", "DISASTER", "", 0 },
    { "The party lost power in 1997.", "lost", "lose", "PAST", "OTHER", "", 0 },
    { "The general was restored to power by the army.", "restored", "restore", "PAST", "OTHER", "", 0 },
    /* a candidate conceding or withdrawing, a recount ordered: the vote's */
    { "The mayor conceded defeat late on Sunday.", "conceded", "concede", "PAST", "ELECTION", "", 0 },
    { "A third candidate withdrew from the race last week.", "withdrew", "withdraw", "PAST", "ELECTION", "", 0 },
    { "The senator dropped out of the race.", "dropped", "drop", "PAST", "ELECTION", "", 0 },
    { "The commission ordered a recount of ballots.", "ordered", "order", "PAST", "ELECTION", "", 0 },
    { "The general ordered a retreat.", "ordered", "order", "PAST", "OTHER", "", 0 },
    { "The party filed a formal challenge to the result.", "filed", "file", "PAST", "LEGAL_ACTION", "11", 0 },
    { "The firm withdrew its appeal.", "withdrew", "withdraw", "PAST", "LEGAL_ACTION", "11", 0 },
    /* a visit or a meeting called off is told as that event */
    { "The president cancelled a planned visit to the region.", "cancelled", "cancel", "PAST", "VISIT", "04", 0 },
    { "A planned visit to the county was cancelled.", "cancelled", "cancel", "PAST", "VISIT", "04", 0 },
    { "Both sides postponed the summit.", "postponed", "postpone", "PAST", "MEETING", "04", 0 },
    { "The airline cancelled 40 flights.", "cancelled", "cancel", "PAST", "OTHER", "", 0 },
    /* jobs cut, not rates */
    { "The company will cut about 600 jobs.", "cut", "cut", "FUTURE", "LAYOFF", "", 0 },
    { "The bank cut interest rates.", "cut", "cut", "PAST", "OTHER", "", 0 },
  };
  return cr_make_param_array (TypeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (TypeCase *c, story, typing)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  add_event (doc, c->trigger, 0, c->lemma, EVL_EVENT_CLASS_OCCURRENCE, c->tense);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (n, 1);
  cr_assert_str_eq (ev[0].type, c->type, "%s: got %s", c->text, ev[0].type);
  if (c->cameo[0])
    cr_assert_str_eq (ev[0].cameo, c->cameo);
  else
    cr_assert_null (ev[0].cameo, "%s: cameo %s", c->text, ev[0].cameo);
  guint outcome = ev[0].flags & (EVL_EVENT_FLAG_FAILED | EVL_EVENT_FLAG_SUCCEEDED);
  cr_assert_eq (outcome, c->flags, "%s: outcome flags %u", c->text, outcome);
}

/* A context word that modifies another event's noun right after it is
 * that event's ('rocket attacks' say nothing of space), unless the noun
 * is one the same context types ('a rocket launch attempt') or one no
 * rule types ('a court hearing'). */
Test (story, context_word_modifying_another_event_is_that_events)
{
  static const struct {
    const char *text, *trigger, *lemma, *tense, *other, *other_lemma, *type;
  } cases[] = {
    { "Israel launched the offensive to stamp out Hezbollah rocket attacks.", "launched", "launch", "PAST",
      "attacks", "attack", "CONFLICT" },
    { "Israel launched air strikes on the town.", "launched", "launch", "PAST", "strikes", "strike", "ATTACK" },
    { "The rocket launch attempt failed.", "attempt", "attempt", "NONE", "launch", "launch", "SATELLITE_LAUNCH" },
    { "He was charged at a court hearing on Friday.", "charged", "charge", "PAST", "hearing", "hearing",
      "LEGAL_ACTION" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlDocument) doc = make_doc (cases[i].text);
      guint k = add_event (doc, cases[i].trigger, 0, cases[i].lemma, EVL_EVENT_CLASS_OCCURRENCE, cases[i].tense);
      add_event (doc, cases[i].other, 0, cases[i].other_lemma, EVL_EVENT_CLASS_OCCURRENCE, "NONE");
      guint n;
      const EvlEventMention *ev = annotate (doc, &n);
      cr_expect_str_eq (ev[k].type, cases[i].type, "%s: got %s", cases[i].text, ev[k].type);
    }
}

/* A phrasal verb's lemma is the phrase, which the summary shows; the verb
 * alone keeps its own. */
Test (story, phrasal_verb_lemma)
{
  static const struct { const char *text, *trigger, *lemma, *timex, *expected; } cases[] = {
    { "The rocket lifted off.", "lifted", "lift", "", "lift off" },
    { "The crane lifted the satellite.", "lifted", "lift", "", "lift" },
    { "Talks broke off in May.", "broke", "break", "May", "break off" },
    /* a time right after the particle: an adverb, unless an article
     * opens it and makes the particle its preposition */
    { "The minister stepped down last month.", "stepped", "step", "last month", "step down" },
    { "Rebels took over the weekend.", "took", "take", "the weekend", "take" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlDocument) doc = make_doc (cases[i].text);
      const EvlEventMention *ev = annotate_one (doc, cases[i].trigger, cases[i].lemma, "PAST",
                                                cases[i].timex, "2024-05", NULL);
      cr_expect_str_eq (ev->lemma, cases[i].expected, "%s", cases[i].text);
    }
}

/* A noun with no context of its own takes the reading the document's
 * context-typed events give its word's 'document' rules. */
typedef struct {
  char text[192];
  struct {
    char trigger[16];
    guint nth;
    char lemma[16];
    char tense[12];
  } ev[4];
  guint target;     /* index in @ev of the event checked */
  char type[24];
  guint flags;      /* its outcome flags */
} DocTypeCase;

ParameterizedTestParameters (story, typing_by_document)
{
  static DocTypeCase cases[] = {
    /* the launch named again, with no space word near it */
    { "A rocket carrying a spy satellite plunged into the sea after liftoff. Seoul condemned the launch.",
      { { "plunged", 0, "plunge", "PAST" }, { "liftoff", 0, "liftoff", "NONE" },
        { "launch", 0, "launch", "NONE" } }, 2, "SATELLITE_LAUNCH", 0 },
    { "Seoul condemned the launch. A rocket carrying a spy satellite exploded after liftoff.",
      { { "launch", 0, "launch", "NONE" }, { "exploded", 0, "explode", "PAST" } }, 0,
      "SATELLITE_LAUNCH", 0 },
    /* no event typed by context: the unconditional reading stays */
    { "The spy satellite failed to reach orbit. The launch failed too.",
      { { "failed", 0, "fail", "PAST" }, { "reach", 0, "reach", "INFINITIVE" },
        { "launch", 0, "launch", "NONE" } }, 2, "RELEASE", 0 },
    { "A rocket carrying a spy satellite plunged into the sea. The launch was a failure.",
      { { "plunged", 0, "plunge", "PAST" }, { "launch", 0, "launch", "NONE" } }, 1,
      "SATELLITE_LAUNCH", EVL_EVENT_FLAG_FAILED },
    { "Warplanes carried out an air strike on a depot. The government condemned the strike.",
      { { "strike", 0, "strike", "NONE" }, { "strike", 1, "strike", "NONE" } }, 1, "ATTACK", 0 },
    /* ties go to the type read first */
    { "Apple launched its new phone on Tuesday. The launch came at a hard time. Pyongyang test-fired a missile.",
      { { "launched", 0, "launch", "PAST" }, { "launch", 1, "launch", "NONE" },
        { "test-fired", 0, "test-fire", "PAST" } }, 1, "RELEASE", 0 },
    { "Pyongyang test-fired a missile. Apple launched its new phone on Tuesday. The launch came at a hard time.",
      { { "test-fired", 0, "test-fire", "PAST" }, { "launched", 0, "launch", "PAST" },
        { "launch", 1, "launch", "NONE" } }, 2, "MISSILE_LAUNCH", 0 },
    /* only rules marked 'document' read it: a death is not a war death,
     * nor a verb the story's event */
    { "Rebels killed two soldiers near the town. The opposition called a general strike for Monday.",
      { { "killed", 0, "kill", "PAST" }, { "strike", 0, "strike", "NONE" } }, 1, "PROTEST", 0 },
    { "Rebels killed two soldiers. The death of the singer shocked fans.",
      { { "killed", 0, "kill", "PAST" }, { "death", 0, "death", "NONE" } }, 1, "DEATH", 0 },
    /* a bare offer in a takeover story is the takeover's */
    { "The group on Monday made an unsolicited offer of 3.2 billion pounds for its rival. It offered 540 "
      "pence a share in cash.",
      { { "made", 0, "make", "PAST" }, { "offer", 0, "offer", "NONE" }, { "offered", 0, "offer", "PAST" } }, 1,
      "ACQUISITION", 0 },
    /* ... and so is a probe of it */
    { "The group offered 540 pence a share for its rival. The regulator said it opened an in-depth "
      "investigation into the purchase on Tuesday.",
      { { "offered", 0, "offer", "PAST" }, { "investigation", 0, "investigation", "NONE" } }, 1,
      "ACQUISITION", 0 },
    /* ... but a pay offer is no bid, nor improving it a takeover step */
    { "The group offered 540 pence a share for its rival. Workers will strike unless the railway improves its "
      "pay offer.",
      { { "offered", 0, "offer", "PAST" }, { "improves", 0, "improve", "PRESENT" }, { "offer", 1, "offer", "NONE" } },
      2, "OTHER", 0 },
    { "The group offered 540 pence a share for its rival. Workers will strike unless the railway improves its "
      "pay offer.",
      { { "offered", 0, "offer", "PAST" }, { "improves", 0, "improve", "PRESENT" }, { "offer", 1, "offer", "NONE" } },
      1, "OTHER", 0 },
    /* an inquiry launched is no release */
    { "A rocket carrying a spy satellite plunged into the sea. Police launched an inquiry.",
      { { "plunged", 0, "plunge", "PAST" }, { "launched", 0, "launch", "PAST" } }, 1, "OTHER", 0 },
  };
  return cr_make_param_array (DocTypeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (DocTypeCase *c, story, typing_by_document)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  guint k[4], n_ev = 0;
  for (guint i = 0; i < G_N_ELEMENTS (c->ev) && c->ev[i].trigger[0]; i++, n_ev++)
    k[i] = add_event (doc, c->ev[i].trigger, c->ev[i].nth, c->ev[i].lemma,
                      EVL_EVENT_CLASS_OCCURRENCE, c->ev[i].tense);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_geq (n, n_ev);
  const EvlEventMention *e = &ev[k[c->target]];
  cr_assert_str_eq (e->type, c->type, "%s: got %s", c->text, e->type);
  guint outcome = e->flags & (EVL_EVENT_FLAG_FAILED | EVL_EVENT_FLAG_SUCCEEDED);
  cr_assert_eq (outcome, c->flags, "%s: outcome flags %u", c->text, outcome);
}

/* ----------------------------------------------- polarity and modality */

typedef struct {
  char text[96];
  char trigger[16];
  guint nth;
  char lemma[16];
  char tense[12];
  gboolean neg;
  gboolean hedged;
  char modality[16];
  char month[16];   /* a DATE timex to add (its value is 2023-05), or "" */
} FactCase;

ParameterizedTestParameters (story, factuality)
{
  static FactCase cases[] = {
    { "Peskov said no formal documents were signed.", "signed", 0, "sign", "PASTPART", TRUE, FALSE, "", "" },
    { "Putin did not sign the deal.", "sign", 0, "sign", "INFINITIVE", TRUE, FALSE, "", "" },
    { "Putin didn't sign the deal.", "sign", 0, "sign", "INFINITIVE", TRUE, FALSE, "", "" },
    { "Putin didn\xe2\x80\x99t sign the deal.", "sign", 0, "sign", "INFINITIVE", TRUE, FALSE, "", "" },
    { "Kim hasn't visited Moscow since.", "visited", 0, "visit", "PASTPART", TRUE, FALSE, "", "" },
    { "Kim has never visited Moscow.", "visited", 0, "visit", "PASTPART", TRUE, FALSE, "", "" },
    { "Moscow refused to sign the accord.", "sign", 0, "sign", "INFINITIVE", TRUE, FALSE, "", "" },
    { "The rocket failed to reach orbit.", "reach", 0, "reach", "INFINITIVE", TRUE, FALSE, "", "" },
    { "The sides reached no agreement.", "reached", 0, "reach", "PAST", TRUE, FALSE, "", "" },
    { "Nobody hurried her.", "hurried", 0, "hurry", "PAST", TRUE, FALSE, "", "" },
    /* what a verb of prevention keeps from happening did not happen;
     * what one recovers from being did */
    { "They paid him to keep the containers from being inspected.", "inspected", 0, "inspect", "PASTPART", TRUE,
      FALSE, "", "" },
    { "The court barred him from running for office.", "running", 0, "run", "PRESPART", TRUE, FALSE, "", "" },
    { "Police stopped the ship from sailing.", "sailing", 0, "sail", "PRESPART", TRUE, FALSE, "", "" },
    { "He is recovering from being shot.", "shot", 0, "shoot", "PASTPART", FALSE, FALSE, "", "" },
    /* a visit called off did not come about: the story's visit is NEG */
    { "A planned visit to the county was cancelled.", "cancelled", 0, "cancel", "PAST", TRUE, FALSE, "", "" },
    { "The president called off his trip to Asia.", "called", 0, "call", "PAST", TRUE, FALSE, "", "" },
    { "The airline cancelled 40 flights.", "cancelled", 0, "cancel", "PAST", FALSE, FALSE, "", "" },
    { "The board rejected the offer.", "offer", 0, "offer", "NONE", FALSE, FALSE, "", "" },
    { "The Kremlin ruled out talks with Kyiv.", "talks", 0, "talk", "NONE", TRUE, FALSE, "", "" },
    { "Officials denied these claims.", "claims", 0, "claim", "NONE", TRUE, FALSE, "", "" },
    { "Officials denied these claims.", "denied", 0, "deny", "PAST", FALSE, FALSE, "", "" },
    { "Moscow denied that it supplied weapons, insisting on peace.", "supplied", 0, "supply", "PAST", TRUE, FALSE, "", "" },
    { "Moscow denied that it supplied weapons, insisting on peace.", "insisting", 0, "insist", "PRESPART", FALSE, FALSE, "", "" },
    { "Experts believe that Russia supplied shells.", "supplied", 0, "supply", "PAST", FALSE, TRUE, "believe", "" },
    { "In a highly anticipated meeting, they convened.", "convened", 0, "convene", "PAST", FALSE, FALSE, "", "" },
    { "Russia may supply them with weaponry.", "supply", 0, "supply", "INFINITIVE", FALSE, TRUE, "may", "" },
    { "Kim reportedly visited the site.", "visited", 0, "visit", "PAST", FALSE, TRUE, "reportedly", "" },
    { "Putin is expected to visit Pyongyang.", "visit", 0, "visit", "INFINITIVE", FALSE, TRUE, "expected to", "" },
    { "There is speculation about an arms deal.", "deal", 0, "deal", "NONE", FALSE, TRUE, "speculation", "" },
    { "They hinted at the possibility of closer ties.", "ties", 0, "tie", "NONE", FALSE, TRUE, "hinted at", "" },
    { "This would not only bolster its defences.", "bolster", 0, "bolster", "INFINITIVE", FALSE, TRUE, "would", "" },
    /* 'will' is future tense, not modality (TimeML); 'if' only hedges. */
    { "Kim will travel to Russia.", "travel", 0, "travel", "INFINITIVE", FALSE, FALSE, "", "" },
    { "If Kim travels to Russia, talks follow.", "travels", 0, "travel", "PRESENT", FALSE, TRUE, "", "" },
    { "He declined to confirm or deny that Moscow supplied arms.", "supplied", 0, "supply", "PAST", FALSE, FALSE, "", "" },
    { "The launch in May failed.", "launch", 0, "launch", "NONE", FALSE, FALSE, "", "May" },
    { "North Korea launched two missiles.", "launched", 0, "launch", "PAST", FALSE, FALSE, "", "" },
    /* A modal covers the rest of its clause, purpose infinitives included. */
    { "Kim may use closer ties to prompt an improved deal.", "deal", 0, "deal", "NONE", FALSE, TRUE, "may", "" },
    { "Putin may seek military support.", "support", 0, "support", "NONE", FALSE, TRUE, "may", "" },
    /* A hedge does not reach a definite noun phrase: the thing is given. */
    { "Speculation abounds about the nature of the discussions.", "discussions", 0, "discussion", "NONE", FALSE, FALSE, "", "" },
    { "Moscow could use the shells in its war.", "war", 0, "war", "NONE", FALSE, FALSE, "", "" },
    { "There is speculation about further talks.", "talks", 0, "talk", "NONE", FALSE, TRUE, "speculation", "" },
    /* The cue of the event's own clause is its modality, not a hedge
     * governing that clause from outside. */
    { "Experts suggested that Russia may supply arms.", "supply", 0, "supply", "INFINITIVE", FALSE, TRUE, "may", "" },
    { "The US raised allegations, suggesting that Russia may supply shells.", "supply", 0, "supply", "INFINITIVE", FALSE, TRUE, "may", "" },
  };
  return cr_make_param_array (FactCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (FactCase *c, story, factuality)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  if (c->month[0])
    add_timex (doc, c->month, EVL_TIMEX_DATE, "2023-05");
  guint k = add_event (doc, c->trigger, c->nth, c->lemma, EVL_EVENT_CLASS_OCCURRENCE, c->tense);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  const EvlEventMention *e = &ev[k];
  cr_assert_eq (e->polarity, c->neg ? EVL_POLARITY_NEG : EVL_POLARITY_POS, "%s: polarity", c->text);
  cr_assert_eq (!!(e->flags & EVL_EVENT_FLAG_HEDGED), c->hedged, "%s: hedged", c->text);
  if (c->modality[0])
    cr_assert (e->modality && strcmp (e->modality, c->modality) == 0, "%s: modality %s", c->text,
               e->modality ? e->modality : "(null)");
  else
    cr_assert_null (e->modality, "%s: modality %s", c->text, e->modality);
}

/* ------------------------------------------ planned, not yet happened */

typedef struct {
  gboolean planned;
  char text[96];
  char trigger[16];
  char lemma[16];
  char tense[12];
  char timex[16];      /* surface of a DATE timex, or "" */
  char value[12];
} PlanCase;

/* The documents' creation date is 2023-09-14 (make_doc()). */
ParameterizedTestParameters (story, planned)
{
  static PlanCase cases[] = {
    /* Plan and schedule words: as a predicate, the subject is planned. */
    { TRUE, "A second strike is planned for October if no deal is reached.", "strike", "strike", "NONE",
      "October", "2023-10" },
    { TRUE, "The summit is scheduled for next week.", "summit", "summit", "NONE", "", "" },
    { TRUE, "The vote is now expected on Friday.", "vote", "vote", "NONE", "", "" },
    { TRUE, "Elections are set for March.", "Elections", "election", "NONE", "", "" },
    { TRUE, "The planned strike drew criticism.", "strike", "strike", "NONE", "", "" },
    { TRUE, "Officials prepared for the upcoming elections.", "elections", "election", "NONE", "", "" },
    /* 'next', 'future' before a noun: the one to come, not the one told */
    { TRUE, "The next launch carries a weather probe.", "launch", "launch", "NONE", "", "" },
    { TRUE, "Next launch is expected soon.", "launch", "launch", "NONE", "", "" },
    { TRUE, "Future talks depend on the vote.", "talks", "talk", "NONE", "", "" },
    { FALSE, "The house stands next to the blast site.", "blast", "blast", "NONE", "", "" },
    { FALSE, "The territory's future leader warned of meddling.", "warned", "warn", "PAST", "", "" },
    { TRUE, "The union is set to strike again.", "strike", "strike", "INFINITIVE", "", "" },
    { TRUE, "The ministers are due to meet in Geneva.", "meet", "meet", "INFINITIVE", "", "" },
    { TRUE, "Putin plans to visit Pyongyang.", "visit", "visit", "INFINITIVE", "", "" },
    /* a past wish had not come true when told */
    { TRUE, "Putin hoped to visit Pyongyang soon.", "visit", "visit", "INFINITIVE", "", "" },
    { TRUE, "Putin wanted to visit Pyongyang.", "visit", "visit", "INFINITIVE", "", "" },
    { TRUE, "Putin is expected to visit Pyongyang.", "visit", "visit", "INFINITIVE", "", "" },
    /* ... as is what one plans or is planning, a noun or a present */
    { TRUE, "The agency plans a second launch in May.", "launch", "launch", "NONE", "", "" },
    { TRUE, "The army is planning a new offensive.", "offensive", "offensive", "NONE", "", "" },
    { TRUE, "Officials announced plans for a summit.", "summit", "summit", "NONE", "", "" },
    { FALSE, "Their plans collapsed last week.", "collapsed", "collapse", "PAST", "", "" },
    { TRUE, "The union threatened to strike.", "strike", "strike", "INFINITIVE", "", "" },
    /* an offer or an agreement to act is not yet the act */
    { TRUE, "The company offered to sell its depots.", "sell", "sell", "INFINITIVE", "", "" },
    { TRUE, "The two sides agreed to resume talks.", "resume", "resume", "INFINITIVE", "", "" },
    /* ... and so is a readiness to act */
    { TRUE, "The fund said it was ready to discuss emergency loans.", "discuss", "discuss", "INFINITIVE", "", "" },
    { TRUE, "Rebels are willing to negotiate.", "negotiate", "negotiate", "INFINITIVE", "", "" },
    /* Future, conditional, 'would'. */
    { TRUE, "Kim will meet Putin next week.", "meet", "meet", "INFINITIVE", "", "" },
    { TRUE, "If Kim travels to Russia, talks follow.", "travels", "travel", "PRESENT", "", "" },
    { TRUE, "Pyongyang would retaliate.", "retaliate", "retaliate", "INFINITIVE", "", "" },
    /* Dated after the creation day, not told in the past. */
    { TRUE, "Talks resume in October.", "resume", "resume", "PRESENT", "October", "2023-10" },
    /* Facts: told in the past, dated before, or not governed by a plan. */
    { FALSE, "Rail workers walked out on Tuesday.", "walked", "walk", "PAST", "", "" },
    { FALSE, "Kim arrived in October.", "arrived", "arrive", "PAST", "October", "2023-10" },
    { FALSE, "The strike in May hurt commuters.", "strike", "strike", "NONE", "May", "2023-05" },
    { FALSE, "Delays were due to the strike.", "strike", "strike", "NONE", "", "" },
    { FALSE, "The attack was planned for months.", "attack", "attack", "NONE", "", "" },
    { FALSE, "Russia would have supplied arms.", "supplied", "supply", "PASTPART", "", "" },
    { FALSE, "He acted as if the talks had failed.", "failed", "fail", "PAST", "", "" },
    { FALSE, "The set of talks ended.", "talks", "talk", "NONE", "", "" },
    /* A plan's clause may tell a past event: its own tense says so. */
    { FALSE, "They would hold talks on the troops killed in the war.", "killed", "kill", "PASTPART", "", "" },
    { FALSE, "Clinton would call after he met Netanyahu.", "met", "meet", "PAST", "", "" },
    /* In a condition a past tense is hypothetical. */
    { TRUE, "Washington would intervene if China invaded Taiwan.", "invaded", "invade", "PAST", "", "" },
  };
  return cr_make_param_array (PlanCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PlanCase *c, story, planned)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  const EvlEventMention *e = annotate_one (doc, c->trigger, c->lemma, c->tense, c->timex, c->value, NULL);
  cr_assert_eq (!!(e->flags & EVL_EVENT_FLAG_PLANNED), c->planned, "%s: planned", c->text);
}

/* What a verb of request asks its object to do had not happened when
 * told; what a verb of force or help made it do had. */
Test (story, a_requested_infinitive_is_planned)
{
  static const struct {
    gboolean planned;
    const char *text, *verb, *verb_lemma, *inf;
  } cases[] = {
    { TRUE, "She asked the president to declare a disaster.", "asked", "ask", "declare" },
    { TRUE, "The council urged both sides to stop fighting.", "urged", "urge", "stop" },
    { TRUE, "The union called on its members to reject the offer.", "called", "call", "reject" },
    { FALSE, "Troops forced the rebels to retreat.", "forced", "force", "retreat" },
    { FALSE, "She asked to leave.", "asked", "ask", "leave" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlDocument) doc = make_doc (cases[i].text);
      add_event (doc, cases[i].verb, 0, cases[i].verb_lemma, EVL_EVENT_CLASS_I_ACTION, "PAST");
      guint k = add_event (doc, cases[i].inf, 0, cases[i].inf, EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE");
      guint n;
      const EvlEventMention *ev = annotate (doc, &n);
      cr_expect_eq (!!(ev[k].flags & EVL_EVENT_FLAG_PLANNED), cases[i].planned, "%s: planned", cases[i].text);
    }
}

/* 'the next one' of a story told in the past had happened ('at the next
 * meeting the delegates voted'): only a present or future clause makes
 * it a plan. */
Test (story, next_in_a_past_clause_plans_nothing)
{
  g_autoptr (EvlDocument) doc = make_doc ("At the next meeting the delegates voted.");
  guint k = add_event (doc, "meeting", 0, "meeting", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  add_event (doc, "voted", 0, "vote", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_not (ev[k].flags & EVL_EVENT_FLAG_PLANNED);
}

/* A dateline guessed from the body may be a date the story looks back on:
 * no event is planned for coming after it. */
Test (story, a_guessed_creation_date_plans_nothing)
{
  g_autoptr (EvlDocument) doc = make_doc_dct ("Talks resume in October.", EVL_DCT_GUESSED);
  const EvlEventMention *e = annotate_one (doc, "resume", "resume", "PRESENT", "October", "2023-10", NULL);
  cr_assert_not (e->flags & EVL_EVENT_FLAG_PLANNED);
}

/* TimeML's MODALITY is the modal word: a plan word is no modality. */
Test (story, a_planned_event_keeps_timeml_modality)
{
  g_autoptr (EvlDocument) doc = make_doc ("A second strike is scheduled for October.");
  const EvlEventMention *e = annotate_one (doc, "strike", "strike", "NONE", "", "", NULL);
  cr_assert (e->flags & EVL_EVENT_FLAG_PLANNED);
  cr_assert_null (e->modality);
  cr_assert_not (e->flags & EVL_EVENT_FLAG_HEDGED);
}

Test (story, generic_cue_marks_habitual_events)
{
  g_autoptr (EvlDocument) doc = make_doc ("North Korea regularly launches missiles.");
  guint k = add_event (doc, "launches", 0, "launch", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert (ev[k].flags & EVL_EVENT_FLAG_GENERIC);
  cr_assert_lt (ev[k].salience, 0.5f);
}

/* ------------------------------------------------------------ arguments */

Test (story, agent_patient_location_of_a_verb)
{
  g_autoptr (EvlDocument) doc = make_doc ("Putin warmly welcomed Kim at the entrance of the Vostochny Cosmodrome.");
  guint putin = add_entity (doc, "Putin", 0, EVL_ENTITY_PERSON, 0);
  guint kim = add_entity (doc, "Kim", 0, EVL_ENTITY_PERSON, 1);
  guint vc = add_entity (doc, "Vostochny Cosmodrome", 0, EVL_ENTITY_LOCATION, 2);
  guint k = add_event (doc, "welcomed", 0, "welcome", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, (gint32) putin);
  cr_assert_eq (ev[k].patient, (gint32) kim);
  cr_assert_eq (ev[k].location, (gint32) vc);
  cr_assert_eq (ev[k].n_participants, 2);
}

/* A possessive pronoun resolved to a person ('his delight', 'His
 * lawyer') is neither the object nor the subject of the verb. */
Test (story, possessive_pronoun_takes_no_argument_role)
{
  g_autoptr (EvlDocument) doc = make_doc ("Kim expressed his delight. His lawyer said nothing.");
  guint kim = add_entity (doc, "Kim", 0, EVL_ENTITY_PERSON, 0);
  for (guint i = 0; i < 2; i++)
    {
      /* Pronoun mentions of Kim's cluster, as the entity stage adds them. */
      EvlSpan sp = find (doc, i ? "His" : "his", 0);
      EvlEntityMention m = { sp, sentence_of (doc, sp), EVL_ENTITY_PERSON, 0, TRUE, 0 };
      evl_document_add_entity_mention (doc, &m);
    }
  guint said = add_event (doc, "said", 0, "say", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint k = add_event (doc, "expressed", 0, "express", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  const EvlEventMention *ev = annotate (doc, NULL);
  cr_assert (ev[k].agent == (gint32) kim && ev[k].patient == -1, "'Kim expressed his delight'");
  cr_assert_eq (ev[said].agent, -1, "'His lawyer said'");
}

Test (story, subject_of_a_launch_and_no_patient)
{
  g_autoptr (EvlDocument) doc = make_doc ("North Korea launched two missiles toward the sea.");
  guint nk = add_entity (doc, "North Korea", 0, EVL_ENTITY_LOCATION, 0);
  guint k = add_event (doc, "launched", 0, "launch", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, (gint32) nk);
  cr_assert_eq (ev[k].patient, -1);
  cr_assert_eq (ev[k].location, -1);
  cr_assert_str_eq (ev[k].type, "MISSILE_LAUNCH");
}

Test (story, coordinated_subjects_are_participants_and_titles_are_skipped)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Russian President Vladimir Putin and North Korean leader Kim Jong Un convened "
    "at the Vostochny Cosmodrome on Wednesday.");
  guint putin = add_entity (doc, "Vladimir Putin", 0, EVL_ENTITY_PERSON, 0);
  add_entity (doc, "North Korean", 0, EVL_ENTITY_LOCATION, 1);
  guint kim = add_entity (doc, "Kim Jong Un", 0, EVL_ENTITY_PERSON, 2);
  guint vc = add_entity (doc, "Vostochny Cosmodrome", 0, EVL_ENTITY_LOCATION, 3);
  guint wed = add_timex (doc, "Wednesday", EVL_TIMEX_DATE, "2023-09-13");
  guint k = add_event (doc, "convened", 0, "convene", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_str_eq (ev[k].type, "MEETING");
  cr_assert_eq (ev[k].agent, (gint32) kim);
  cr_assert_eq (ev[k].n_participants, 2);
  gboolean has_putin = FALSE, has_kim = FALSE;
  for (guint i = 0; i < ev[k].n_participants; i++)
    {
      has_putin |= ev[k].participants[i] == (gint32) putin;
      has_kim |= ev[k].participants[i] == (gint32) kim;
    }
  cr_assert (has_putin && has_kim);
  cr_assert_eq (ev[k].location, (gint32) vc);
  cr_assert_eq (ev[k].timex, (gint32) wed);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CLAUSE);
  cr_assert_geq (ev[k].salience, 0.8f);
}

Test (story, meeting_between_two_people)
{
  g_autoptr (EvlDocument) doc = make_doc ("The meeting between Kim and Putin lasted an hour.");
  guint kim = add_entity (doc, "Kim", 0, EVL_ENTITY_PERSON, 0);
  guint putin = add_entity (doc, "Putin", 0, EVL_ENTITY_PERSON, 1);
  guint k = add_event (doc, "meeting", 0, "meeting", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  /* 'between': both sides alike, neither is the patient. */
  cr_assert_eq (ev[k].patient, -1);
  cr_assert_eq (ev[k].n_participants, 2);
  cr_assert_eq (ev[k].participants[0], (gint32) kim);
  cr_assert_eq (ev[k].participants[1], (gint32) putin);
}

Test (story, preposition_before_a_title_modifier_governs_the_person)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "The meeting between North Korea’s leader Kim Jong Un and Russian President Vladimir Putin ended.");
  add_entity (doc, "North Korea", 0, EVL_ENTITY_LOCATION, 0);
  guint kim = add_entity (doc, "Kim Jong Un", 0, EVL_ENTITY_PERSON, 1);
  guint putin = add_entity (doc, "Vladimir Putin", 0, EVL_ENTITY_PERSON, 2);
  guint k = add_event (doc, "meeting", 0, "meeting", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  /* 'between': both sides alike, neither is the patient. */
  cr_assert_eq (ev[k].patient, -1);
  cr_assert_eq (ev[k].n_participants, 2);
  cr_assert_eq (ev[k].participants[0], (gint32) kim);
  cr_assert_eq (ev[k].participants[1], (gint32) putin);
}

/* 'visiting French Defence Minister Millon': the traveller, not whom he
 * visits; a gerund after a preposition keeps its object. */
Test (story, attributive_visiting_names_the_visitor)
{
  static const struct { const char *text; gboolean agent; } cases[] = {
    { "China spoke to visiting French Defence Minister Millon on Monday.", TRUE },
    { "Visiting Russian Prime Minister Chernomyrdin warned Slovakia.", TRUE },
    { "Kohl flew home after visiting President Chirac.", FALSE },
  };
  static const char *const names[] = { "Millon", "Chernomyrdin", "Chirac" };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlDocument) doc = make_doc (cases[i].text);
      gint32 p = (gint32) add_entity (doc, names[i], 0, EVL_ENTITY_PERSON, 0);
      guint k = add_event (doc, i == 1 ? "Visiting" : "visiting", 0, "visit", EVL_EVENT_CLASS_OCCURRENCE,
                           "PRESPART");
      guint n;
      const EvlEventMention *ev = annotate (doc, &n);
      cr_expect_eq (ev[k].agent, cases[i].agent ? p : -1, "%s", cases[i].text);
      cr_expect_eq (ev[k].patient, cases[i].agent ? -1 : p, "%s", cases[i].text);
    }
}

/* A participle opening the sentence acts with the main clause's
 * subject; its object stays its patient. */
Test (story, opening_participle_takes_the_main_subject)
{
  g_autoptr (EvlDocument) doc = make_doc ("Visiting Paris on Monday, Millon said talks would resume.");
  guint paris = add_entity (doc, "Paris", 0, EVL_ENTITY_LOCATION, 0);
  guint millon = add_entity (doc, "Millon", 0, EVL_ENTITY_PERSON, 1);
  guint k = add_event (doc, "Visiting", 0, "visit", EVL_EVENT_CLASS_OCCURRENCE, "PRESPART");
  add_event (doc, "said", 0, "say", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, (gint32) millon);
  cr_assert_eq (ev[k].patient, (gint32) paris);
}

Test (story, passive_by_phrase_is_the_agent)
{
  g_autoptr (EvlDocument) doc = make_doc ("Kim was welcomed by Putin.");
  guint kim = add_entity (doc, "Kim", 0, EVL_ENTITY_PERSON, 0);
  guint putin = add_entity (doc, "Putin", 0, EVL_ENTITY_PERSON, 1);
  guint k = add_event (doc, "welcomed", 0, "welcome", EVL_EVENT_CLASS_OCCURRENCE, "PASTPART");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, (gint32) putin);
  cr_assert_eq (ev[k].patient, (gint32) kim);
}

/* 'hit', 'cut', 'set': the participle is the bare form, and the subject
 * of 'was hit by' undergoes it all the same. */
Test (story, passive_of_a_bare_form_participle)
{
  g_autoptr (EvlDocument) doc = make_doc ("Chile was hit by a storm that Peru escaped.");
  guint chile = add_entity (doc, "Chile", 0, EVL_ENTITY_LOCATION, 0);
  add_entity (doc, "Peru", 0, EVL_ENTITY_LOCATION, 1);
  guint k = add_event (doc, "hit", 0, "hit", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_neq (ev[k].agent, (gint32) chile, "Chile does not hit");
  cr_assert_eq (ev[k].patient, (gint32) chile, "Chile is hit");
}

/* The reported clause's subject, the sayer again, is no object of the
 * saying: no entity is both sides of an event. */
Test (story, agent_is_never_its_own_patient)
{
  g_autoptr (EvlDocument) doc = make_doc ("Novak told reporters she would name a government.");
  guint novak = add_entity (doc, "Novak", 0, EVL_ENTITY_PERSON, 0);
  add_entity (doc, "she", 0, EVL_ENTITY_PERSON, 0);
  guint k = add_event (doc, "told", 0, "tell", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, (gint32) novak);
  cr_assert_eq (ev[k].patient, -1, "the teller is not told (patient %d)", ev[k].patient);
}

Test (story, object_of_a_nominal_after_a_title)
{
  g_autoptr (EvlDocument) doc = make_doc ("Kim’s meeting with Russian President Vladimir Putin was long.");
  guint kim = add_entity (doc, "Kim", 0, EVL_ENTITY_PERSON, 0);
  guint putin = add_entity (doc, "Vladimir Putin", 0, EVL_ENTITY_PERSON, 1);
  guint k = add_event (doc, "meeting", 0, "meeting", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, (gint32) kim);
  cr_assert_eq (ev[k].patient, (gint32) putin);
}

Test (story, subject_search_stops_at_another_verb)
{
  g_autoptr (EvlDocument) doc = make_doc ("Putin said the troops withdrew.");
  add_entity (doc, "Putin", 0, EVL_ENTITY_PERSON, 0);
  add_event (doc, "said", 0, "say", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint k = add_event (doc, "withdrew", 0, "withdraw", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, -1);
}

Test (story, coordinated_verbs_share_the_subject)
{
  g_autoptr (EvlDocument) doc = make_doc ("Kim arrived and met Putin.");
  guint kim = add_entity (doc, "Kim", 0, EVL_ENTITY_PERSON, 0);
  guint putin = add_entity (doc, "Putin", 0, EVL_ENTITY_PERSON, 1);
  add_event (doc, "arrived", 0, "arrive", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint k = add_event (doc, "met", 0, "meet", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, (gint32) kim);
  cr_assert_eq (ev[k].patient, (gint32) putin);
}

Test (story, participle_shares_the_governing_subject)
{
  g_autoptr (EvlDocument) doc = make_doc ("Kim expressed support, affirming the alliance.");
  guint kim = add_entity (doc, "Kim", 0, EVL_ENTITY_PERSON, 0);
  add_event (doc, "expressed", 0, "express", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint k = add_event (doc, "affirming", 0, "affirm", EVL_EVENT_CLASS_REPORTING, "PRESPART");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, (gint32) kim);
  cr_assert_str_eq (ev[k].type, "STATEMENT");
}

Test (story, possessor_is_agent_of_a_nominal)
{
  g_autoptr (EvlDocument) doc = make_doc ("North Korea’s visit was brief.");
  guint nk = add_entity (doc, "North Korea", 0, EVL_ENTITY_LOCATION, 0);
  guint k = add_event (doc, "visit", 0, "visit", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].agent, (gint32) nk);
}

Test (story, reported_speech_has_its_source)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Kremlin spokesperson Dmitry Peskov said that no formal documents were signed.");
  guint peskov = add_entity (doc, "Dmitry Peskov", 0, EVL_ENTITY_PERSON, 0);
  guint said = add_event (doc, "said", 0, "say", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint signed_ = add_event (doc, "signed", 0, "sign", EVL_EVENT_CLASS_OCCURRENCE, "PASTPART");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[said].agent, (gint32) peskov);
  cr_assert (ev[signed_].flags & EVL_EVENT_FLAG_REPORTED);
  cr_assert_eq (ev[signed_].source, (gint32) peskov);
  cr_assert_eq (ev[signed_].polarity, EVL_POLARITY_NEG);
  cr_assert_not (ev[said].flags & EVL_EVENT_FLAG_REPORTED);
  cr_assert_lt (ev[said].salience, 0.5f);
}

Test (story, according_to_names_the_source)
{
  g_autoptr (EvlDocument) doc = make_doc ("According to Russian state media, Kim arrived at the cosmodrome.");
  guint media = add_entity (doc, "Russian state media", 0, EVL_ENTITY_ORGANIZATION, 0);
  add_entity (doc, "Kim", 0, EVL_ENTITY_PERSON, 1);
  guint k = add_event (doc, "arrived", 0, "arrive", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert (ev[k].flags & EVL_EVENT_FLAG_REPORTED);
  cr_assert_eq (ev[k].source, (gint32) media);
}

Test (story, quotation_is_reported_speech_of_the_speaker)
{
  g_autoptr (EvlDocument) doc = make_doc ("Putin said, \"We will discuss all issues.\"");
  guint putin = add_entity (doc, "Putin", 0, EVL_ENTITY_PERSON, 0);
  add_event (doc, "said", 0, "say", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint k = add_event (doc, "discuss", 0, "discuss", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert (ev[k].flags & EVL_EVENT_FLAG_REPORTED);
  cr_assert_eq (ev[k].source, (gint32) putin);
  cr_assert_null (ev[k].modality);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_TENSE);
  cr_assert_eq (ev[k].cue_rel, EVL_REL_AFTER);
}

Test (story, the_two_leaders_resolve_to_the_main_meeting)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Kim Jong Un met Vladimir Putin on Wednesday. The two leaders exchanged handshakes.");
  guint kim = add_entity (doc, "Kim Jong Un", 0, EVL_ENTITY_PERSON, 0);
  guint putin = add_entity (doc, "Vladimir Putin", 0, EVL_ENTITY_PERSON, 1);
  add_timex (doc, "Wednesday", EVL_TIMEX_DATE, "2023-09-13");
  add_event (doc, "met", 0, "meet", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint k = add_event (doc, "exchanged", 0, "exchange", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].n_participants, 2);
  cr_assert_eq (ev[k].participants[0], (gint32) kim);
  cr_assert_eq (ev[k].participants[1], (gint32) putin);
}

/* Argument attachment from syntax-like cues, one case per rule: the
 * preposition governing a noun phrase with a possessor and modifiers,
 * coordination that stops at clause boundaries, places after another
 * event's noun, a visit's place, symmetric 'between', a preposition that
 * opens a clause.  Entities are listed in text order; "" ends a list;
 * expected "" means none (-1). */
typedef struct {
  char text[128];
  char ents[6][24];
  EvlEntityType types[6];
  char triggers[3][16];   /* events in text order, each its first occurrence */
  char lemmas[3][16];
  char tenses[3][12];
  guint which;            /* the event checked */
  char agent[24], patient[24], location[24];
  char absent[24];        /* never a participant ("" no check) */
  guint n_parts;
} ArgCase;

ParameterizedTestParameters (story, arguments)
{
  static ArgCase cases[] = {
    /* 'in Russia's remote Far East region': the place is scenery of the
     * location phrase, not the meeting's patient or participant. */
    { "Putin and Kim convened at the Vostochny Cosmodrome in Russia’s remote Far East region.",
      { "Putin", "Kim", "Vostochny Cosmodrome", "Russia", "Far East", "" },
      { EVL_ENTITY_PERSON, EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION, EVL_ENTITY_LOCATION, EVL_ENTITY_LOCATION },
      { "convened", "" }, { "convene" }, { "PAST" }, 0, "Kim", "", "Vostochny Cosmodrome", "Far East", 2 },
    /* A comma closing a subordinate clause joins nothing. */
    { "When asked about cooperation between Russia and North Korea, Putin emphasized the need for care.",
      { "Russia", "North Korea", "Putin", "" },
      { EVL_ENTITY_LOCATION, EVL_ENTITY_LOCATION, EVL_ENTITY_PERSON },
      { "cooperation", "emphasized", "" }, { "cooperation", "emphasize" }, { "NONE", "PAST" }, 1,
      "Putin", "", "", "North Korea", 1 },
    /* A description, then the person's name between commas: the name
     * is the subject; not the last item of a list. */
    { "The company's former chief executive, Martin Kessler, resigned.",
      { "Martin Kessler", "" }, { EVL_ENTITY_PERSON },
      { "resigned", "" }, { "resign" }, { "PAST" }, 0, "Martin Kessler", "", "", "", 1 },
    { "Its rival, Helix, and the chief executive, Martin Kessler, resigned.",
      { "Helix", "Martin Kessler", "" }, { EVL_ENTITY_ORGANIZATION, EVL_ENTITY_PERSON },
      { "resigned", "" }, { "resign" }, { "PAST" }, 0, "", "", "", "", 0 },
    /* A modal's own subject, a noun phrase after the saying, is the
     * verb's, and of an infinitive after it: the sayer neither visits
     * nor meets. */
    { "Kyodo said the minister would visit Japan to meet Ikeda.",
      { "Kyodo", "Japan", "Ikeda", "" }, { EVL_ENTITY_ORGANIZATION, EVL_ENTITY_LOCATION, EVL_ENTITY_PERSON },
      { "said", "visit", "meet" }, { "say", "visit", "meet" }, { "PAST", "NONE", "INFINITIVE" }, 1,
      "", "Japan", "", "Kyodo", 0 },
    { "Kyodo said the minister would visit Japan to meet Ikeda.",
      { "Kyodo", "Japan", "Ikeda", "" }, { EVL_ENTITY_ORGANIZATION, EVL_ENTITY_LOCATION, EVL_ENTITY_PERSON },
      { "said", "visit", "meet" }, { "say", "visit", "meet" }, { "PAST", "NONE", "INFINITIVE" }, 2,
      "", "Ikeda", "", "Kyodo", 0 },
    /* A participle right after a noun reduces a relative clause on it
     * ('vessels involved in'): the noun is its subject, no other verb's,
     * and a verb it governs has that noun's subject too. */
    { "Kim said three vessels involved in shipping arms to Russia.",
      { "Kim", "Russia", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION },
      { "said", "involved", "shipping" }, { "say", "involve", "ship" }, { "PAST", "PASTPART", "PRESPART" }, 1,
      "", "", "", "Kim", 0 },
    { "Kim said three vessels involved in shipping arms to Russia.",
      { "Kim", "Russia", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION },
      { "said", "involved", "shipping" }, { "say", "involve", "ship" }, { "PAST", "PAST", "PRESPART" }, 2,
      "", "Russia", "", "Kim", 0 },
    { "Customs officers in Kent seized a ship carrying arms.",
      { "Kent", "" }, { EVL_ENTITY_LOCATION },
      { "seized", "carrying", "" }, { "seize", "carry" }, { "PAST", "PRESPART" }, 1,
      "", "", "", "Kent", 0 },
    /* an adverb is no noun: 'Kim declared an emergency, thus bypassing' */
    { "Kim declared an emergency, thus bypassing parliament.",
      { "Kim", "" }, { EVL_ENTITY_PERSON },
      { "declared", "bypassing", "" }, { "declare", "bypass" }, { "PAST", "PRESPART" }, 1,
      "Kim", "", "", "", 0 },
    /* A verb after 'and' shares the earlier verb's subject: when that is
     * no entity, none; that verb's object is never the subject. */
    { "A court convicted Paul Garnier of fraud and sentenced him to four years.",
      { "Paul Garnier", "" }, { EVL_ENTITY_PERSON },
      { "convicted", "sentenced", "" }, { "convict", "sentence" }, { "PAST", "PAST" }, 1,
      "", "", "", "", 0 },
    { "The union rejected the offer from Acme and called a strike.",
      { "Acme", "" }, { EVL_ENTITY_ORGANIZATION },
      { "rejected", "called", "" }, { "reject", "call" }, { "PAST", "PAST" }, 1, "", "", "", "Acme", 0 },
    /* A list closed by 'and' is coordinated, commas included. */
    { "Kim, Putin and Shoigu met in Moscow.",
      { "Kim", "Putin", "Shoigu", "Moscow", "" },
      { EVL_ENTITY_PERSON, EVL_ENTITY_PERSON, EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION },
      { "met", "" }, { "meet" }, { "PAST" }, 0, "Shoigu", "", "Moscow", "", 3 },
    /* ... and the second side, whatever the first, is no passive's
     * subject: it is inside the subject's 'between' phrase */
    { "The truce between the army and the Tamil Tigers was violated.",
      { "Tamil Tigers", "" }, { EVL_ENTITY_ORGANIZATION },
      { "violated", "" }, { "violate" }, { "PAST" }, 0, "", "", "", "Tamil Tigers", 0 },
    /* 'between X and Y': both sides alike, neither is the patient. */
    { "The cooperation between Russia and North Korea grew.",
      { "Russia", "North Korea", "" }, { EVL_ENTITY_LOCATION, EVL_ENTITY_LOCATION },
      { "cooperation", "" }, { "cooperation" }, { "NONE" }, 0, "", "", "", "", 2 },
    /* A place after another event's noun is that event's. */
    { "It is a fact Putin acknowledged during the visit to the Vostochny Cosmodrome in Russia.",
      { "Putin", "Vostochny Cosmodrome", "Russia", "" },
      { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION, EVL_ENTITY_LOCATION },
      { "acknowledged", "visit", "" }, { "acknowledge", "visit" }, { "PAST", "NONE" }, 0,
      "Putin", "", "", "Vostochny Cosmodrome", 1 },
    { "Kim spoke during the visit to the cosmodrome at Vostochny in Russia.",
      { "Kim", "Vostochny", "Russia", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION, EVL_ENTITY_LOCATION },
      { "spoke", "visit", "" }, { "speak", "visit" }, { "PAST", "NONE" }, 1, "", "", "Vostochny", "", 0 },
    /* 'a tour of <place>': the visit's place, not its patient. */
    { "Putin’s tour of Russia’s vast launch site ended.",
      { "Putin", "Russia", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION },
      { "tour", "" }, { "tour" }, { "NONE" }, 0, "Putin", "", "Russia", "Russia", 1 },
    /* 'as' past a common noun opens a clause: 'leader Kim' is a subject. */
    { "The move was seen as North Korea’s leader Kim met Putin.",
      { "North Korea", "Kim", "Putin", "" },
      { EVL_ENTITY_LOCATION, EVL_ENTITY_PERSON, EVL_ENTITY_PERSON },
      { "met", "" }, { "meet" }, { "PAST" }, 0, "Kim", "Putin", "", "", 2 },
    /* A nominal's agent is its compound modifier, not another verb's
     * subject. */
    { "The ongoing Ukraine conflict drags on.", { "Ukraine", "" }, { EVL_ENTITY_LOCATION },
      { "conflict", "" }, { "conflict" }, { "NONE" }, 0, "Ukraine", "", "", "", 1 },
    { "Putin praised the summit warmly.", { "Putin", "" }, { EVL_ENTITY_PERSON },
      { "summit", "" }, { "summit" }, { "NONE" }, 0, "", "", "", "Putin", 0 },
    /* After a quotation's closing mark the verb's subject follows it. */
    { "\"We will not yield,\" declared Foreign Minister Hotaki.", { "Hotaki", "" }, { EVL_ENTITY_PERSON },
      { "declared", "" }, { "declare" }, { "PAST" }, 0, "Hotaki", "", "", "", 1 },
    /* A reported clause's infinitive does not take the speaker as agent. */
    { "Peskov said that documents were signed to seal the pact.", { "Peskov", "" }, { EVL_ENTITY_PERSON },
      { "said", "signed", "seal" }, { "say", "sign", "seal" }, { "PAST", "PASTPART", "INFINITIVE" }, 2,
      "", "", "", "Peskov", 0 },
    /* After a modal the trigger is a verb, even tagged as a noun. */
    { "Analysts say that Russia may supply arms.", { "Russia", "" }, { EVL_ENTITY_LOCATION },
      { "supply", "" }, { "supply" }, { "NONE" }, 0, "Russia", "", "", "", 1 },
    /* A passive verb group carries its finite tense ('was arrested':
     * PAST): its subject is the patient; not so a progressive or 'to'. */
    { "Kim was arrested in Moscow.", { "Kim", "Moscow", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION },
      { "arrested", "" }, { "arrest" }, { "PAST" }, 0, "", "Kim", "Moscow", "", 1 },
    { "Kim will be sworn in by Putin.", { "Kim", "Putin", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_PERSON },
      { "sworn", "" }, { "swear" }, { "FUTURE" }, 0, "Putin", "Kim", "", "", 2 },
    { "Kim was arrested in Moscow and charged later.", { "Kim", "Moscow", "" },
      { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION }, { "arrested", "charged", "" }, { "arrest", "charge" },
      { "PAST", "PAST" }, 1, "", "Kim", "", "", 1 },
    { "Kim was elected and thanked Putin.", { "Kim", "Putin", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_PERSON },
      { "elected", "thanked", "" }, { "elect", "thank" }, { "PAST", "PAST" }, 1, "Kim", "Putin", "", "", 2 },
    /* a finite verb's subject is never before a subordinating 'after' */
    { "Putin fired Shoigu after an audit found gaps.", { "Putin", "Shoigu", "" },
      { EVL_ENTITY_PERSON, EVL_ENTITY_PERSON }, { "fired", "found", "" }, { "fire", "find" },
      { "PAST", "PAST" }, 1, "", "", "", "Shoigu", 0 },
    { "Kim was meeting Putin.", { "Kim", "Putin", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_PERSON },
      { "meeting", "" }, { "meet" }, { "PAST" }, 0, "Kim", "Putin", "", "", 2 },
    { "Kim is expected to visit Moscow.", { "Kim", "Moscow", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION },
      { "visit", "" }, { "visit" }, { "INFINITIVE" }, 0, "Kim", "Moscow", "", "", 0 },
    /* A person opening the sentence, then an appositive between commas,
     * is the subject of the verb after it; not a list's nouns. */
    { "Ivanov, 52, a surgeon who worked in Omsk, was shot in his garden.",
      { "Ivanov", "Omsk", "" }, { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION },
      { "worked", "shot", "" }, { "work", "shoot" }, { "PAST", "PAST" }, 1, "", "Ivanov", "", "Omsk", 1 },
    { "Petrov, the envoy of Moscow, has met Kim.", { "Petrov", "Moscow", "Kim", "" },
      { EVL_ENTITY_PERSON, EVL_ENTITY_LOCATION, EVL_ENTITY_PERSON },
      { "met", "" }, { "meet" }, { "PAST" }, 0, "Petrov", "Kim", "", "Moscow", 2 },
    /* A person in apposition to the noun after 'of' is in its phrase. */
    { "Police studied the killing of the doctor, Ivan Petrov.", { "Ivan Petrov", "" }, { EVL_ENTITY_PERSON },
      { "killing", "" }, { "killing" }, { "NONE" }, 0, "", "Ivan Petrov", "", "", 1 },
    /* ... and so is a verb's object restated by a name between commas,
     * past the head's own 'of' phrase; a passive's is its subject. */
    { "Police arrested the former head of the port, Ivan Petrov, at home.", { "Ivan Petrov", "" },
      { EVL_ENTITY_PERSON }, { "arrested", "" }, { "arrest" }, { "PAST" }, 0, "", "Ivan Petrov", "", "", 1 },
    { "Police arrested the old head of Omsk Port, Ivan Petrov.", { "Omsk Port", "Ivan Petrov", "" },
      { EVL_ENTITY_ORGANIZATION, EVL_ENTITY_PERSON }, { "arrested", "" }, { "arrest" }, { "PAST" }, 0, "",
      "Ivan Petrov", "", "", 1 },
    { "Police arrested the old head of the port, Ivan Petrov said.", { "Ivan Petrov", "" },
      { EVL_ENTITY_PERSON }, { "arrested", "" }, { "arrest" }, { "PAST" }, 0, "", "", "", "Ivan Petrov", 0 },
    { "Ivanov said his wife, son and friends died.", { "Ivanov", "" }, { EVL_ENTITY_PERSON },
      { "said", "died", "" }, { "say", "die" }, { "PAST", "PAST" }, 1, "", "", "", "Ivanov", 0 },
    /* A preposition before a possessor governs the whole phrase. */
    { "The meeting with Russia’s top general Gerasimov ended.",
      { "Russia", "Gerasimov", "" }, { EVL_ENTITY_LOCATION, EVL_ENTITY_PERSON },
      { "meeting", "" }, { "meeting" }, { "NONE" }, 0, "", "Gerasimov", "", "", 0 },
    /* A participle's 'by' right after a noun names the noun's doer
     * ('talks brokered by mediator X'); a 'by' of time does not. */
    { "The deal came after talks brokered by mediator Helen Strand.",
      { "Helen Strand", "" }, { EVL_ENTITY_PERSON },
      { "deal", "talks", "" }, { "deal", "talks" }, { "NONE", "NONE" }, 1,
      "Helen Strand", "", "", "", 1 },
    { "The talks ended by Friday with Helen Strand.",
      { "Helen Strand", "" }, { EVL_ENTITY_PERSON },
      { "talks", "" }, { "talks" }, { "NONE" }, 0,
      "", "Helen Strand", "", "", 1 },
  };
  return cr_make_param_array (ArgCase, cases, G_N_ELEMENTS (cases));
}

static gint32
entity_named (EvlDocument *doc, const char *surface)
{
  if (surface[0] == '\0')
    return -1;
  guint n;
  const EvlEntityMention *m = evl_document_get_entity_mentions (doc, &n);
  for (guint i = 0; i < n; i++)
    if (strcmp (evl_document_span_text (doc, m[i].span), surface) == 0)
      return (gint32) i;
  cr_assert_fail ("no entity '%s'", surface);
  return -1;
}

static const char *
entity_text (EvlDocument *doc, gint32 m)
{
  return m < 0 ? "(none)" : evl_document_span_text (doc, evl_document_get_entity_mentions (doc, NULL)[m].span);
}

ParameterizedTest (ArgCase *c, story, arguments)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  for (guint i = 0; i < G_N_ELEMENTS (c->ents) && c->ents[i][0]; i++)
    add_entity (doc, c->ents[i], 0, c->types[i], (gint) i);
  guint ids[3] = { 0 };
  for (guint i = 0; i < G_N_ELEMENTS (c->triggers) && c->triggers[i][0]; i++)
    ids[i] = add_event (doc, c->triggers[i], 0, c->lemmas[i], EVL_EVENT_CLASS_OCCURRENCE, c->tenses[i]);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  const EvlEventMention *e = &ev[ids[c->which]];
  cr_assert_eq (e->agent, entity_named (doc, c->agent), "%s: agent %s", c->text, entity_text (doc, e->agent));
  cr_assert_eq (e->patient, entity_named (doc, c->patient), "%s: patient %s", c->text,
                entity_text (doc, e->patient));
  cr_assert_eq (e->location, entity_named (doc, c->location), "%s: location %s", c->text,
                entity_text (doc, e->location));
  if (c->absent[0])
    for (guint i = 0; i < e->n_participants; i++)
      cr_assert_neq (e->participants[i], entity_named (doc, c->absent), "%s: %s takes part", c->text, c->absent);
  if (c->n_parts)
    cr_assert_eq (e->n_participants, c->n_parts, "%s: %u participants", c->text, e->n_participants);
}

/* Reported speech covers what the reporting verb's clause asserts: its
 * 'that' or bare complement, or what precedes a sentence-final 'X said';
 * not an adjunct after the verb ('acknowledged during the visit') nor a
 * noun the complement takes for granted ('following the talks', 'the
 * meeting goes beyond ...', 'reports of a potential deal'). */
typedef struct {
  char text[112];
  char speaker[16];
  char report[16];
  char report_lemma[16];
  char trigger[16];
  char lemma[16];
  char tense[12];
  gboolean reported;
} ReportCase;

/* A dateline's place before a date is no party to the list after it. */
Test (story, a_date_breaks_a_coordination)
{
  g_autoptr (EvlDocument) doc = make_doc ("VIENNA, Oct 1 - Iran and Russia resumed talks.");
  add_entity (doc, "VIENNA", 0, EVL_ENTITY_LOCATION, 0);
  add_entity (doc, "Iran", 0, EVL_ENTITY_LOCATION, 1);
  add_entity (doc, "Russia", 0, EVL_ENTITY_LOCATION, 2);
  add_timex (doc, "Oct 1", EVL_TIMEX_DATE, "2024-10-01");
  guint k = add_event (doc, "resumed", 0, "resume", EVL_EVENT_CLASS_ASPECTUAL, "PAST");
  guint n;
  const EvlEventMention *e = &annotate (doc, &n)[k];
  cr_assert_eq (e->agent, entity_named (doc, "Russia"));
  for (guint i = 0; i < e->n_participants; i++)
    cr_expect_neq (e->participants[i], entity_named (doc, "VIENNA"), "the dateline's place takes part");
  cr_expect_eq (e->n_participants, 2);
}

ParameterizedTestParameters (story, reported_speech_scope)
{
  static ReportCase cases[] = {
    { "Peskov clarified that no documents were signed following the talks.", "Peskov", "clarified", "clarify",
      "signed", "sign", "PASTPART", TRUE },
    { "Peskov clarified that no documents were signed following the talks.", "Peskov", "clarified", "clarify",
      "talks", "talk", "NONE", FALSE },
    { "Peskov clarified that nothing was signed, contrary to reports of a potential deal.", "Peskov", "clarified",
      "clarify", "deal", "deal", "NONE", FALSE },
    { "Bolton warned that the meeting goes beyond an arms deal.", "Bolton", "warned", "warn", "meeting",
      "meeting", "NONE", FALSE },
    { "Bolton warned that the meeting goes beyond an arms deal.", "Bolton", "warned", "warn", "deal",
      "deal", "NONE", FALSE },
    { "It is a fact Putin acknowledged during the visit to the site.", "Putin", "acknowledged", "acknowledge",
      "visit", "visit", "NONE", FALSE },
    { "Peskov said the sides signed no documents.", "Peskov", "said", "say", "signed", "sign", "PAST", TRUE },
    { "Peskov said on Tuesday that troops withdrew.", "Peskov", "said", "say", "withdrew", "withdraw", "PAST",
      TRUE },
    { "Troops withdrew from the border, Peskov said.", "Peskov", "said", "say", "withdrew", "withdraw", "PAST",
      TRUE },
    { "Peskov said that an explosion hit the depot.", "Peskov", "said", "say", "explosion", "explosion", "NONE",
      TRUE },
    /* The writer's own voice is no reported speech. */
    { "It is worth noting that Kim launched rockets.", "Kim", "noting", "note", "launched", "launch", "PAST",
      FALSE },
    /* A claim hedges its clause and is its subject's reported speech. */
    { "Bolton suggested that Russia supplied shells.", "Bolton", "suggested", "suggest", "supplied", "supply",
      "PAST", TRUE },
    { "Bolton claims that Russia may supply shells.", "Bolton", "claims", "claim", "supply", "supply", "NONE",
      TRUE },
  };
  return cr_make_param_array (ReportCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (ReportCase *c, story, reported_speech_scope)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  guint speaker = add_entity (doc, c->speaker, 0, EVL_ENTITY_PERSON, 0);
  EvlSpan rs = find (doc, c->report, 0), ts = find (doc, c->trigger, 0);
  /* Events are added in text order. */
  gboolean report_first = rs.start < ts.start;
  guint ids[2];
  for (guint i = 0; i < 2; i++)
    {
      gboolean rep = (i == 0) == report_first;
      ids[i] = add_event (doc, rep ? c->report : c->trigger, 0, rep ? c->report_lemma : c->lemma,
                          rep ? EVL_EVENT_CLASS_REPORTING : EVL_EVENT_CLASS_OCCURRENCE, rep ? "PAST" : c->tense);
    }
  guint k = ids[report_first ? 1 : 0];
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (!!(ev[k].flags & EVL_EVENT_FLAG_REPORTED), c->reported, "%s: '%s' reported", c->text, c->trigger);
  cr_assert_eq (ev[k].source, c->reported ? (gint32) speaker : -1, "%s: '%s' source", c->text, c->trigger);
  if (strstr (c->report, "claim") || strstr (c->report, "suggest"))
    cr_assert (ev[k].flags & EVL_EVENT_FLAG_HEDGED, "%s: a claim is not asserted", c->text);
}

/* ------------------------------------------------------------ anchoring */

typedef struct {
  char text[112];
  char trigger[16];
  char lemma[16];
  char tense[12];
  EvlEventClass klass;
  char timex[16];      /* surface of a DATE timex, or "" */
  char value[12];
  EvlAnchorMethod method;
  gboolean anchored;   /* expects timex == the added timex */
  EvlRel rel;          /* for CUE / TENSE / DCT */
} AnchorCase;

ParameterizedTestParameters (story, anchoring)
{
  static AnchorCase cases[] = {
    { "Kim arrived on Wednesday.", "arrived", "arrive", "PAST", EVL_EVENT_CLASS_OCCURRENCE,
      "Wednesday", "2023-09-13", EVL_ANCHOR_CLAUSE, TRUE, 0 },
    { "On Wednesday, Kim arrived at the cosmodrome.", "arrived", "arrive", "PAST",
      EVL_EVENT_CLASS_OCCURRENCE, "Wednesday", "2023-09-13", EVL_ANCHOR_SENTENCE, TRUE, 0 },
    /* A past event is not anchored to a future date. */
    { "Kim arrived before the talks planned for October.", "arrived", "arrive", "PAST",
      EVL_EVENT_CLASS_OCCURRENCE, "October", "2023-10", EVL_ANCHOR_TENSE, FALSE, EVL_REL_BEFORE },
    { "Putin welcomed Kim.", "welcomed", "welcome", "PAST", EVL_EVENT_CLASS_OCCURRENCE, "", "",
      EVL_ANCHOR_TENSE, FALSE, EVL_REL_BEFORE },
    { "The meeting carries implications.", "carries", "carry", "PRESENT", EVL_EVENT_CLASS_OCCURRENCE,
      "", "", EVL_ANCHOR_DCT, FALSE, EVL_REL_SIMULTANEOUS },
    { "Peskov said nothing.", "said", "say", "PAST", EVL_EVENT_CLASS_REPORTING, "", "",
      EVL_ANCHOR_DCT, FALSE, EVL_REL_BEFORE },
    { "Kim will travel to Moscow.", "travel", "travel", "FUTURE", EVL_EVENT_CLASS_OCCURRENCE, "", "",
      EVL_ANCHOR_TENSE, FALSE, EVL_REL_AFTER },
    /* After a preposition the trigger is a noun, whatever its tag: its
     * tense does not veto the date. */
    { "The rocket failed shortly after liftoff in May.", "liftoff", "liftoff", "PRESENT",
      EVL_EVENT_CLASS_OCCURRENCE, "May", "2023-05", EVL_ANCHOR_CLAUSE, TRUE, 0 },
    /* A present state is not anchored to a past date in its clause. */
    { "This action continues tests initiated in early 2022.", "continues", "continue", "PRESENT",
      EVL_EVENT_CLASS_ASPECTUAL, "early 2022", "2022", EVL_ANCHOR_DCT, FALSE, EVL_REL_SIMULTANEOUS },
    /* A bare 'after' may be the same day (a duration before it is not:
     * a_duration_after_moves_the_event_off_the_clause_date). */
    { "Kim resigned in May after the election.", "election", "election", "NONE",
      EVL_EVENT_CLASS_OCCURRENCE, "May", "2023-05", EVL_ANCHOR_CLAUSE, TRUE, 0 },
    { "Kim resigned after the election in May.", "election", "election", "NONE",
      EVL_EVENT_CLASS_OCCURRENCE, "May", "2023-05", EVL_ANCHOR_CLAUSE, TRUE, 0 },
  };
  return cr_make_param_array (AnchorCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (AnchorCase *c, story, anchoring)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  gint32 x = c->timex[0] ? (gint32) add_timex (doc, c->timex, EVL_TIMEX_DATE, c->value) : -1;
  guint k = add_event (doc, c->trigger, 0, c->lemma, c->klass, c->tense);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].anchor_method, c->method, "%s: method %s", c->text,
                evl_anchor_method_to_string (ev[k].anchor_method));
  if (c->anchored)
    cr_assert_eq (ev[k].timex, x);
  else
    cr_assert_eq (ev[k].timex, -1, "%s: timex %d", c->text, ev[k].timex);
  if (c->method == EVL_ANCHOR_TENSE || c->method == EVL_ANCHOR_DCT)
    cr_assert_eq (ev[k].cue_rel, c->rel, "%s: rel %s", c->text, evl_rel_to_string (ev[k].cue_rel));
}

/* 'in May, a year after the election': the election is a year off the
 * clause's date, which is not its own; one after its trigger is. */
/* A 'which' clause with a subject of its own dates its own deed, not the
 * noun it tells of; one whose subject the pronoun is may date the noun. */
Test (story, a_relative_clause_with_its_own_subject_dates_its_own_deed)
{
  static const struct {
    const char *text, *trigger, *lemma, *timex;
    gboolean anchored;
  } cases[] = {
    { "The agreement, which union members will vote on next week, raises pay.", "agreement", "agreement",
      "next week", FALSE },
    { "The accord, which the parliament must ratify in May, ends the dispute.", "accord", "accord", "May",
      FALSE },
    { "They await a ruling on the case, which is expected next month.", "ruling", "ruling", "next month",
      TRUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlDocument) doc = make_doc (cases[i].text);
      gint32 x = (gint32) add_timex (doc, cases[i].timex, EVL_TIMEX_DATE, "2023-06");
      guint k = add_event (doc, cases[i].trigger, 0, cases[i].lemma, EVL_EVENT_CLASS_OCCURRENCE, "NONE");
      guint n;
      const EvlEventMention *ev = annotate (doc, &n);
      cr_expect_eq (ev[k].timex == x, cases[i].anchored, "%s: timex %d", cases[i].text, ev[k].timex);
    }
}

Test (story, a_duration_after_moves_the_event_off_the_clause_date)
{
  static const char *const texts[] = { "Kim resigned in May, a year after the election.",
                                       "Kim resigned a year after the election in May." };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (EvlDocument) doc = make_doc (texts[i]);
      guint may = add_timex (doc, "May", EVL_TIMEX_DATE, "2023-05");
      add_timex (doc, "a year", EVL_TIMEX_DURATION, "P1Y");
      guint k = add_event (doc, "election", 0, "election", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
      guint n;
      const EvlEventMention *ev = annotate (doc, &n);
      if (i == 0)
        cr_expect_eq (ev[k].timex, -1, "%s: timex %d", texts[i], ev[k].timex);
      else
        cr_expect_eq (ev[k].timex, (gint32) may, "%s", texts[i]);
    }
}

/* A date inside the subject's appositive dates the appositive's
 * participle, not the main verb after it. */
Test (story, a_date_in_the_subjects_appositive_is_not_the_verbs)
{
  g_autoptr (EvlDocument) doc = make_doc ("Ivanov, born in Omsk on May 2, 1950, built the largest bank.");
  add_entity (doc, "Ivanov", 0, EVL_ENTITY_PERSON, 0);
  add_entity (doc, "Omsk", 0, EVL_ENTITY_LOCATION, 1);
  guint date = add_timex (doc, "May 2, 1950", EVL_TIMEX_DATE, "1950-05-02");
  guint born = add_event (doc, "born", 0, "bear", EVL_EVENT_CLASS_OCCURRENCE, "PASTPART");
  guint built = add_event (doc, "built", 0, "build", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_expect_eq (ev[born].timex, (gint32) date);
  cr_expect_neq (ev[built].timex, (gint32) date, "'built' takes the birth date");
  cr_expect_eq (ev[built].agent, 0);
}

Test (story, a_noun_tagged_as_a_verb_stands_between_no_verb_and_its_date)
{
  g_autoptr (EvlDocument) doc = make_doc ("A rocket plunged into the sea shortly after liftoff in May.");
  guint may = add_timex (doc, "May", EVL_TIMEX_DATE, "2023-05");
  guint k = add_event (doc, "plunged", 0, "plunge", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  add_event (doc, "liftoff", 0, "liftoff", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].timex, (gint32) may);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CLAUSE);
}

Test (story, nominals_take_a_past_verbs_anchor_but_not_a_present_ones)
{
  g_autoptr (EvlDocument) doc = make_doc ("The tour ended early. The visit is a sign of trust.");
  guint tour = add_event (doc, "tour", 0, "tour", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  add_event (doc, "ended", 0, "end", EVL_EVENT_CLASS_ASPECTUAL, "PAST");
  guint visit = add_event (doc, "visit", 0, "visit", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  add_event (doc, "is", 0, "be", EVL_EVENT_CLASS_STATE, "PRESENT");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[tour].anchor_method, EVL_ANCHOR_TENSE);
  cr_assert_eq (ev[tour].cue_rel, EVL_REL_BEFORE);
  cr_assert_eq (ev[visit].anchor_method, EVL_ANCHOR_NONE);
}

/* A nominal or non-finite event takes the tense anchor of the nearest
 * finite verb of its clause within 19 tokens, the left one on a tie. */
typedef struct {
  char text[160];
  char left[16], left_tense[12];
  char right[16], right_tense[12];
  EvlAnchorMethod method;
  EvlRel rel;
} NearestVerbCase;

ParameterizedTestParameters (story, nominal_takes_the_nearest_verbs_anchor)
{
  static NearestVerbCase cases[] = {
    { "Kim met for talks and will resume.", "met", "PAST", "resume", "FUTURE", EVL_ANCHOR_TENSE, EVL_REL_BEFORE },
    { "Kim met for talks will resume.", "met", "PAST", "resume", "FUTURE", EVL_ANCHOR_TENSE, EVL_REL_BEFORE },
    { "Kim met at the talks will resume.", "met", "PAST", "resume", "FUTURE", EVL_ANCHOR_TENSE, EVL_REL_AFTER },
    { "Kim will meet for talks, Putin met.", "meet", "FUTURE", "met", "PAST", EVL_ANCHOR_TENSE, EVL_REL_AFTER },
    /* The other verb is past a clause break. */
    { "Kim met, talks will resume.", "met", "PAST", "resume", "FUTURE", EVL_ANCHOR_TENSE, EVL_REL_AFTER },
    { "Kim will meet for talks, Putin said.", "meet", "FUTURE", "said", "PAST", EVL_ANCHOR_TENSE, EVL_REL_AFTER },
    /* Twenty tokens away is too far. */
    { "Kim met one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
      "sixteen seventeen eighteen nineteen talks.", "met", "PAST", "", "", EVL_ANCHOR_NONE, EVL_REL_BEFORE },
    { "Kim met one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
      "sixteen seventeen eighteen talks.", "met", "PAST", "", "", EVL_ANCHOR_TENSE, EVL_REL_BEFORE },
  };
  return cr_make_param_array (NearestVerbCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (NearestVerbCase *c, story, nominal_takes_the_nearest_verbs_anchor)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  guint talks = add_event (doc, "talks", 0, "talk", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  add_event (doc, c->left, 0, c->left, EVL_EVENT_CLASS_OCCURRENCE, c->left_tense);
  if (c->right[0])
    add_event (doc, c->right, 0, c->right, EVL_EVENT_CLASS_OCCURRENCE, c->right_tense);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[talks].anchor_method, c->method, "%s: method %s", c->text,
                evl_anchor_method_to_string (ev[talks].anchor_method));
  if (c->method == EVL_ANCHOR_TENSE)
    cr_assert_eq (ev[talks].cue_rel, c->rel, "%s: rel %s", c->text, evl_rel_to_string (ev[talks].cue_rel));
}

Test (story, hours_before_the_summit_is_a_cue)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Hours before the summit, North Korea launched two short-range ballistic missiles.");
  add_entity (doc, "North Korea", 0, EVL_ENTITY_LOCATION, 0);
  guint summit = add_event (doc, "summit", 0, "summit", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint k = add_event (doc, "launched", 0, "launch", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[k].cue_event, (gint32) summit);
  cr_assert_eq (ev[k].cue_rel, EVL_REL_BEFORE);
  cr_assert_str_eq (ev[k].type, "MISSILE_LAUNCH");
  cr_assert_geq (ev[k].salience, 0.5f);
}

Test (story, same_day_cue_inherits_the_date_of_the_named_event)
{
  /* 'the summit' is the summit dated earlier in the document. */
  g_autoptr (EvlDocument) doc = make_doc (
    "The summit opened on Wednesday. Hours before the summit, North Korea launched two missiles.");
  guint wed = add_timex (doc, "Wednesday", EVL_TIMEX_DATE, "2023-09-13");
  guint first = add_event (doc, "summit", 0, "summit", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint summit = add_event (doc, "summit", 1, "summit", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint k = add_event (doc, "launched", 0, "launch", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[first].timex, (gint32) wed);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[k].cue_event, (gint32) summit);
  cr_assert_eq (ev[k].timex, (gint32) wed);
}

Test (story, cue_names_the_head_noun_not_its_modifier)
{
  g_autoptr (EvlDocument) doc = make_doc ("Amid stalled negotiations, Kim sought new partners.");
  add_event (doc, "stalled", 0, "stall", EVL_EVENT_CLASS_OCCURRENCE, "PASTPART");
  guint talks = add_event (doc, "negotiations", 0, "negotiation", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint k = add_event (doc, "sought", 0, "seek", EVL_EVENT_CLASS_I_ACTION, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[k].cue_event, (gint32) talks);
  cr_assert_eq (ev[k].cue_rel, EVL_REL_IS_INCLUDED);
}

Test (story, later_that_day_follows_the_previous_event)
{
  g_autoptr (EvlDocument) doc = make_doc ("Kim arrived in Vladivostok on Tuesday. Later that day, he met Putin.");
  guint tue = add_timex (doc, "Tuesday", EVL_TIMEX_DATE, "2023-09-12");
  guint arrived = add_event (doc, "arrived", 0, "arrive", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint k = add_event (doc, "met", 0, "meet", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[k].cue_event, (gint32) arrived);
  cr_assert_eq (ev[k].cue_rel, EVL_REL_AFTER);
  cr_assert_eq (ev[k].timex, (gint32) tue);
}

Test (story, following_the_talks_is_an_after_cue)
{
  g_autoptr (EvlDocument) doc = make_doc ("No formal documents were signed following the talks.");
  guint k = add_event (doc, "signed", 0, "sign", EVL_EVENT_CLASS_OCCURRENCE, "PASTPART");
  guint talks = add_event (doc, "talks", 0, "talk", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[k].cue_event, (gint32) talks);
  cr_assert_eq (ev[k].cue_rel, EVL_REL_AFTER);
  cr_assert_eq (ev[k].polarity, EVL_POLARITY_NEG);
  cr_assert_str_eq (ev[k].type, "AGREEMENT");
}

Test (story, first_meeting_since_a_year_implies_a_prior_meeting)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Kim Jong Un met Vladimir Putin on Wednesday. "
    "It marked the first in-person meeting between the two leaders since 2019.");
  guint kim = add_entity (doc, "Kim Jong Un", 0, EVL_ENTITY_PERSON, 0);
  guint putin = add_entity (doc, "Vladimir Putin", 0, EVL_ENTITY_PERSON, 1);
  add_timex (doc, "Wednesday", EVL_TIMEX_DATE, "2023-09-13");
  guint y2019 = add_timex (doc, "2019", EVL_TIMEX_DATE, "2019");
  add_event (doc, "met", 0, "meet", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  add_event (doc, "marked", 0, "mark", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint k = add_event (doc, "meeting", 0, "meeting", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint before;
  evl_document_get_event_mentions (doc, &before);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (n, before + 1, "one implied prior meeting is appended");
  const EvlEventMention *prior = &ev[n - 1];
  /* The 2019 timex anchors the earlier meeting, not this one. */
  cr_assert_neq (ev[k].timex, (gint32) y2019);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[k].cue_event, (gint32) (n - 1));
  cr_assert_eq (ev[k].cue_rel, EVL_REL_AFTER);
  cr_assert_str_eq (prior->type, "MEETING");
  cr_assert_eq (prior->timex, (gint32) y2019);
  cr_assert_eq (prior->anchor_method, EVL_ANCHOR_CLAUSE);
  cr_assert_str_eq (evl_document_span_text (doc, prior->span), "since 2019");
  cr_assert_eq (prior->n_participants, 2);
  cr_assert_eq (prior->participants[0], (gint32) kim);
  cr_assert_eq (prior->participants[1], (gint32) putin);
  cr_assert_geq (prior->salience, 0.5f);
}

Test (story, since_without_first_anchors_normally)
{
  g_autoptr (EvlDocument) doc = make_doc ("Tests have continued since 2019.");
  guint y = add_timex (doc, "2019", EVL_TIMEX_DATE, "2019");
  add_event (doc, "Tests", 0, "test", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint before;
  evl_document_get_event_mentions (doc, &before);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (n, before);
  cr_assert_eq (ev[0].timex, (gint32) y);
}

Test (story, first_of_a_noun_since_a_year_dates_nothing_of_its_clause)
{
  /* 'stoppage' is no event: no prior event is implied, but the strike is
   * still not dated to the year of an earlier stoppage. */
  g_autoptr (EvlDocument) doc = make_doc ("The strike is the first national stoppage since 2023.");
  guint y = add_timex (doc, "2023", EVL_TIMEX_DATE, "2023");
  add_event (doc, "strike", 0, "strike", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint before;
  evl_document_get_event_mentions (doc, &before);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (n, before);
  cr_assert_neq (ev[0].timex, (gint32) y);
}

/* A definite noun names the event of its type already dated: the clause's
 * bare 'last week' is the calling, not the strike. */
Test (story, definite_nominal_takes_the_date_of_the_dated_event_it_names)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Union workers walked out on Tuesday. The union called the strike last week.");
  guint tue = add_timex (doc, "Tuesday", EVL_TIMEX_DATE, "2023-09-12");
  guint week = add_timex (doc, "last week", EVL_TIMEX_DATE, "2023-09-04");
  guint walked = add_event (doc, "walked", 0, "walk", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint k = add_event (doc, "strike", 0, "strike", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_str_eq (ev[walked].type, "PROTEST");
  cr_assert_str_eq (ev[k].type, "PROTEST");
  cr_assert_neq (ev[k].timex, (gint32) week);
  cr_assert_eq (ev[k].timex, (gint32) tue);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[k].cue_event, (gint32) walked);
  cr_assert_eq (ev[k].cue_rel, EVL_REL_SIMULTANEOUS);
}

/* A past verb 'in the' happening the article dated happened during it
 * and on its day; a present participle ('participating in the attack')
 * does not take it. */
Test (story, a_past_verb_in_a_dated_happening_takes_its_day)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Five soldiers were killed in the attack on Monday. A sixth soldier was wounded in the attack. "
    "Allies participating in the attack were named.");
  guint mon = add_timex (doc, "Monday", EVL_TIMEX_DATE, "2023-09-11");
  add_event (doc, "killed", 0, "kill", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint first = add_event (doc, "attack", 0, "attack", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint wounded = add_event (doc, "wounded", 0, "wound", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint second = add_event (doc, "attack", 1, "attack", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint part = add_event (doc, "participating", 0, "participate", EVL_EVENT_CLASS_OCCURRENCE, "PRESPART");
  add_event (doc, "attack", 2, "attack", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[first].timex, (gint32) mon);
  cr_assert_eq (ev[second].timex, (gint32) mon, "the attack named again");
  cr_assert_eq (ev[wounded].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[wounded].cue_event, (gint32) second);
  cr_assert_eq (ev[wounded].cue_rel, EVL_REL_IS_INCLUDED);
  cr_assert_eq (ev[wounded].timex, (gint32) mon);
  cr_assert_neq (ev[part].timex, (gint32) mon, "an ongoing part takes the article's present");
}

/* A past happening told next by 'he', 'they' or 'the two ...' goes on
 * the day of the happening before it; another subject does not. */
Test (story, a_subject_referring_back_keeps_the_day_before)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Xi welcomed Lukashenko on Monday. The two leaders signed a declaration. Critics condemned the pact.");
  guint mon = add_timex (doc, "Monday", EVL_TIMEX_DATE, "2023-09-11");
  guint welcomed = add_event (doc, "welcomed", 0, "welcome", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint signed_ = add_event (doc, "signed", 0, "sign", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint condemned = add_event (doc, "condemned", 0, "condemn", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[welcomed].timex, (gint32) mon);
  cr_assert_eq (ev[signed_].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[signed_].cue_event, (gint32) welcomed);
  cr_assert_eq (ev[signed_].timex, (gint32) mon);
  cr_assert_neq (ev[condemned].timex, (gint32) mon, "another subject is no continuation");
}

/* A verb 'and' joins to the one before takes the date after it, not
 * the other verb's nearer one before the 'and'. */
Test (story, a_joined_verb_takes_its_own_date_after_it)
{
  g_autoptr (EvlDocument) doc = make_doc ("Novak was arrested in January and indicted by a grand jury in February.");
  guint jan = add_timex (doc, "January", EVL_TIMEX_DATE, "2023-01");
  guint feb = add_timex (doc, "February", EVL_TIMEX_DATE, "2023-02");
  guint arrested = add_event (doc, "arrested", 0, "arrest", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint indicted = add_event (doc, "indicted", 0, "indict", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[arrested].timex, (gint32) jan);
  cr_assert_eq (ev[indicted].timex, (gint32) feb);
}

/* A death told with no date, a few sentences after a dated disaster or
 * attack, is its toll; one set apart ('a separate') is not. */
Test (story, an_undated_toll_takes_the_day_of_the_disaster_before)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "An earthquake struck the region on Monday. Rescuers searched the rubble. At least 12 people "
    "were killed, officials said. In a separate incident, three miners were killed.");
  guint mon = add_timex (doc, "Monday", EVL_TIMEX_DATE, "2023-09-11");
  guint quake = add_event (doc, "earthquake", 0, "earthquake", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  add_event (doc, "struck", 0, "strike", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  add_event (doc, "searched", 0, "search", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint toll = add_event (doc, "killed", 0, "kill", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  add_event (doc, "said", 0, "say", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint apart = add_event (doc, "killed", 1, "kill", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_str_eq (ev[quake].type, "DISASTER");
  cr_assert_str_eq (ev[toll].type, "DEATH");
  cr_assert_eq (ev[toll].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[toll].timex, (gint32) mon);
  cr_assert_neq (ev[apart].timex, (gint32) mon, "a toll set apart is another happening's");
}

/* ... but not an earlier one: a date its preposition gives it, a later
 * date of its clause, another noun of the type or a perfect's 'since'. */
typedef struct {
  char text[160];
  char first[16], first_lemma[16], first_tense[12], first_aspect[12];
  char second[16];
  char timex[16], value[12];   /* the second mention's clause date, or "" */
} DefiniteCase;

ParameterizedTestParameters (story, definite_nominal_keeps_its_own_evidence)
{
  static DefiniteCase cases[] = {
    { "Union workers walked out on Tuesday. The union called off the strike on Monday.",
      "walked", "walk", "PAST", "NONE", "strike", "Monday", "2023-09-11" },
    { "Union workers walked out on Tuesday. Talks held today ended the strike.",
      "walked", "walk", "PAST", "NONE", "strike", "today", "2023-09-14" },
    { "The offensive began on Tuesday. Soldiers were hurt in the attacks.",
      "offensive", "offensive", "NONE", "NONE", "attacks", "", "" },
    { "Soldiers have been killed on Tuesday. Others were hurt in the attacks.",
      "killed", "kill", "PRESENT", "PERFECTIVE", "attacks", "", "" },
  };
  return cr_make_param_array (DefiniteCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (DefiniteCase *c, story, definite_nominal_keeps_its_own_evidence)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  add_timex (doc, "Tuesday", EVL_TIMEX_DATE, "2023-09-12");
  gint32 own = c->timex[0] ? (gint32) add_timex (doc, c->timex, EVL_TIMEX_DATE, c->value) : -1;
  add_event_aspect (doc, c->first, 0, c->first_lemma, EVL_EVENT_CLASS_OCCURRENCE, c->first_tense, c->first_aspect);
  guint k = add_event (doc, c->second, 0, c->second, EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].timex, own, "%s: timex %d", c->text, ev[k].timex);
  cr_assert_neq (ev[k].anchor_method, EVL_ANCHOR_CUE, "%s", c->text);
}

/* A past intensional or reporting verb's date is not its object's: the
 * vote was postponed on Monday, not held then.  'for' dates the object,
 * and a present verb looks ahead to it. */
typedef struct {
  char text[112];
  char verb[16], lemma[16], tense[12];
  EvlEventClass klass;
  char noun[16];
  char timex[16], value[12];
  gboolean dated;      /* the noun takes the timex */
} GovernorCase;

ParameterizedTestParameters (story, object_of_an_intensional_verb_and_the_verbs_date)
{
  static GovernorCase cases[] = {
    { "The council postponed a vote on Monday.", "postponed", "postpone", "PAST", EVL_EVENT_CLASS_I_ACTION, "vote", "Monday", "2023-09-11", FALSE },
    { "On Monday the council postponed a vote.", "postponed", "postpone", "PAST", EVL_EVENT_CLASS_I_ACTION, "vote", "Monday", "2023-09-11", FALSE },
    { "The firm announced a merger on Monday.", "announced", "announce", "PAST", EVL_EVENT_CLASS_REPORTING, "merger", "Monday", "2023-09-11", FALSE },
    { "The firm announced Monday a merger.", "announced", "announce", "PAST", EVL_EVENT_CLASS_REPORTING, "merger", "Monday", "2023-09-11", FALSE },
    { "The court scheduled a trial for October.", "scheduled", "schedule", "PAST", EVL_EVENT_CLASS_I_ACTION, "trial", "October", "2023-10", TRUE },
    { "The firm expects growth in October.", "expects", "expect", "PRESENT", EVL_EVENT_CLASS_I_STATE, "growth", "October", "2023-10", TRUE },
    /* A future date is not the past verb's. */
    { "The union called for a debate in October.", "called", "call", "PAST", EVL_EVENT_CLASS_I_ACTION, "debate", "October", "2023-10", TRUE },
    /* An occurrence verb shares its object's date... */
    { "The two sides held talks on Monday.", "held", "hold", "PAST", EVL_EVENT_CLASS_OCCURRENCE, "talks", "Monday", "2023-09-11", TRUE },
    /* ... but not a 'for' object's, whatever its class: what was voted
     * for did not happen then. */
    { "Members voted for industrial action in May.", "voted", "vote", "PAST", EVL_EVENT_CLASS_OCCURRENCE, "action", "May", "2023-05", FALSE },
  };
  return cr_make_param_array (GovernorCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (GovernorCase *c, story, object_of_an_intensional_verb_and_the_verbs_date)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  guint x = add_timex (doc, c->timex, EVL_TIMEX_DATE, c->value);
  guint v = add_event (doc, c->verb, 0, c->lemma, c->klass, c->tense);
  guint k = add_event (doc, c->noun, 0, c->noun, EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  if (!c->dated)
    cr_assert_eq (ev[v].timex, (gint32) x, "%s: the verb's date", c->text);
  if (c->dated)
    cr_assert_eq (ev[k].timex, (gint32) x, "%s: timex %d", c->text, ev[k].timex);
  else
    cr_assert_neq (ev[k].timex, (gint32) x, "%s: the verb's date", c->text);
}

/* A date of another clause must fit the tense of the noun's clause. */
Test (story, nominal_takes_no_date_of_another_clause_against_its_clauses_tense)
{
  static const struct { const char *surface, *lemma, *tense; EvlEventClass klass; } events[] = {
    { "announced", "announce", "PAST", EVL_EVENT_CLASS_REPORTING },
    { "conference", "conference", "NONE", EVL_EVENT_CLASS_OCCURRENCE },
    { "said", "say", "PAST", EVL_EVENT_CLASS_REPORTING },
    { "close", "close", "FUTURE", EVL_EVENT_CLASS_OCCURRENCE },
  };
  g_autoptr (EvlDocument) doc = make_doc (
    "The firm announced the merger at a press conference, where its chief said the deal would close in October.");
  gint32 oct = (gint32) add_timex (doc, "October", EVL_TIMEX_DATE, "2023-10");
  guint id[G_N_ELEMENTS (events)];
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    id[i] = add_event (doc, events[i].surface, 0, events[i].lemma, events[i].klass, events[i].tense);
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[id[3]].timex, oct, "the closing is in October");
  cr_assert_neq (ev[id[1]].timex, oct, "the conference is not");
}

/* A noun that is the subject of a modal verb does not share that verb's
 * deadline as its own clause's date (at most as the sentence's, a weak
 * anchor). */
Test (story, subject_of_a_modal_verb_takes_no_date_after_it)
{
  g_autoptr (EvlDocument) doc = make_doc ("She said the merger would save 150 million euros a year by 2027.");
  gint32 y = (gint32) add_timex (doc, "2027", EVL_TIMEX_DATE, "2027");
  guint merger = add_event (doc, "merger", 0, "merger", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  add_event (doc, "save", 0, "save", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert (ev[merger].timex != y || ev[merger].anchor_method != EVL_ANCHOR_CLAUSE,
             "the merger dated by the saving's deadline as its own clause's date");
}

/* A year before a noun dates that noun, not the other events of the
 * sentence, unless 'in' or 'during' puts them inside it. */
typedef struct {
  char text[112];
  char trigger[16], lemma[16], tense[12];
  char timex[16], value[12];
  gboolean dated;
} PremodifierCase;

ParameterizedTestParameters (story, a_year_before_a_noun_dates_that_noun)
{
  static PremodifierCase cases[] = {
    { "The talks aim to replace the 1953 armistice.", "talks", "talk", "NONE", "1953", "1953", FALSE },
    { "Kim signed the 1994 accord.", "signed", "sign", "PAST", "1994", "1994", FALSE },
    { "Kim signed the 1994 accord.", "accord", "accord", "NONE", "1994", "1994", TRUE },
    { "China faced a resolution every year since the 1989 massacre.", "faced", "face", "PAST", "1989", "1989", FALSE },
    { "He regained his rights in a 1987 referendum.", "regained", "regain", "PAST", "1987", "1987", TRUE },
    { "Iraq supplied arms during its 1980 war.", "supplied", "supply", "PAST", "1980", "1980", TRUE },
    { "Kim signed the accord in 1994.", "signed", "sign", "PAST", "1994", "1994", TRUE },
  };
  return cr_make_param_array (PremodifierCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (PremodifierCase *c, story, a_year_before_a_noun_dates_that_noun)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  gint32 x;
  const EvlEventMention *e = annotate_one (doc, c->trigger, c->lemma, c->tense, c->timex, c->value, &x);
  if (c->dated)
    cr_assert_eq (e->timex, x, "%s: %s timex %d", c->text, c->trigger, e->timex);
  else
    cr_assert_neq (e->timex, x, "%s: %s dated by another noun's year", c->text, c->trigger);
}

/* @text through the whole pipeline, created on @dct. */
static EvlDocument *
pipeline_doc (const char *text, const char *dct)
{
  EvlDocument *doc = evl_document_new ("t", text, -1, NULL);
  evl_document_set_dct (doc, dct, EVL_DCT_METADATA);
  g_autoptr (EvlContext) ctx = context ();
  evl_pipeline_annotate (ctx, doc);
  return doc;
}

/* The event whose trigger is the @nth @trigger of the text. */
static const EvlEventMention *
pipeline_event (EvlDocument *doc, const char *trigger, guint nth)
{
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  EvlSpan sp = find (doc, trigger, nth);
  for (guint k = 0; k < n; k++)
    if (ev[k].span.start == sp.start)
      return &ev[k];
  cr_assert_fail ("no event '%s' (#%u)", trigger, nth);
  return NULL;
}

static const char *
pipeline_date_of (EvlDocument *doc, const char *trigger)
{
  guint n_tx;
  const EvlTimex *tx = evl_document_get_timexes (doc, &n_tx);
  const EvlEventMention *e = pipeline_event (doc, trigger, 0);
  return e->timex >= 0 && (guint) e->timex < n_tx ? tx[e->timex].value : NULL;
}

/* A possessive date ("last month's attack") dates its noun and, as the
 * gold annotates, the verb that takes the phrase ('issued Friday's
 * ruling') or has it for subject; not a verb with other predicates
 * between.  The whole pipeline: the segmenter makes "'s" a token of its
 * own. */
Test (story, a_possessive_date_skips_a_verb_with_predicates_between)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("Police have arrested a man suspected of taking part in last "
                                              "month's attack. The court issued Friday's ruling.",
                                              "2025-04-15");
  cr_assert_null (pipeline_date_of (doc, "arrested"), "the arrest dated by the attack's month");
  cr_assert_str_eq (pipeline_date_of (doc, "attack"), "2025-03");
  cr_assert_str_eq (pipeline_date_of (doc, "taking"), "2025-03");
  cr_assert_str_eq (pipeline_date_of (doc, "issued"), "2025-04-11");
}

/* 'From' before a possessive date governs the whole noun phrase ('the
 * toll from Sunday's earthquake'): the date is the noun's own, not where
 * a thing dates from ('a letter from May'). */
Test (story, a_possessive_date_after_from_dates_its_noun)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("The death toll from Sunday's earthquake in the south rose to 310 "
                                              "on Tuesday. A poster from May was found on Monday.",
                                              "2025-02-11");
  cr_assert_str_eq (pipeline_date_of (doc, "earthquake"), "2025-02-09");
  cr_assert_str_eq (pipeline_date_of (doc, "rose"), "2025-02-11");
  cr_assert_str_eq (pipeline_date_of (doc, "found"), "2025-02-10");
}

/* ------------------------------------------------------------- salience */

/* An untyped event makes the default cut with a date of its own clause;
 * in the lead, whose date often stands past the object and its
 * appositive, the sentence's date counts too.  Not so later on. */
Test (story, the_leads_untyped_verb_is_dated_by_its_sentence)
{
  g_autoptr (EvlDocument) doc = pipeline_doc (
    "A software fault paralysed the computer systems of Northport, one of Europe's largest "
    "container operators, on Monday. Another fault paralysed the phone lines of Southport, "
    "one of Europe's largest ferry operators, on Tuesday.", "2025-03-05");
  const EvlEventMention *lead = pipeline_event (doc, "paralysed", 0);
  const EvlEventMention *later = pipeline_event (doc, "paralysed", 1);
  cr_assert_eq (lead->anchor_method, EVL_ANCHOR_SENTENCE);
  cr_assert_eq (later->anchor_method, EVL_ANCHOR_SENTENCE);
  cr_assert_geq (lead->salience, 0.5f, "the lead's event");
  cr_assert_lt (later->salience, 0.5f, "a later sentence's untyped event");
}

/* ... and so does a lead told in the present progressive: the news. */
Test (story, a_progressive_lead_is_the_news)
{
  g_autoptr (EvlDocument) doc = pipeline_doc (
    "Halvorsen Motors is recalling 210,000 pickup trucks because the brake lines can leak, "
    "regulators said on Monday.", "2025-03-04");
  cr_assert_geq (pipeline_event (doc, "recalling", 0)->salience, 0.5f, "the lead's recall");
}

Test (story, salience_prefers_dated_typed_events_over_reporting_and_furniture)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Kim Jong Un met Vladimir Putin on Wednesday. Experts said it is important. "
    "Kim met readers in a teaser.");
  add_entity (doc, "Kim Jong Un", 0, EVL_ENTITY_PERSON, 0);
  add_entity (doc, "Vladimir Putin", 0, EVL_ENTITY_PERSON, 1);
  add_timex (doc, "Wednesday", EVL_TIMEX_DATE, "2023-09-13");
  guint met = add_event (doc, "met", 0, "meet", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint said = add_event (doc, "said", 0, "say", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint is = add_event (doc, "is", 0, "be", EVL_EVENT_CLASS_STATE, "PRESENT");
  guint teaser = add_event (doc, "met", 1, "meet", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  evl_document_peek_sentence (doc, 2)->is_furniture = 1;
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_geq (ev[met].salience, 0.8f);
  cr_assert_lt (ev[said].salience, 0.3f);
  cr_assert_lt (ev[is].salience, 0.3f);
  cr_assert_lt (ev[teaser].salience, 0.1f);
}

Test (story, a_denial_is_kept_and_what_it_denies_is_negated)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Russian and North Korean officials have vehemently denied claims of arms deliveries.");
  guint denied = add_event (doc, "denied", 0, "deny", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint del = add_event (doc, "deliveries", 0, "delivery", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_str_eq (ev[denied].type, "STATEMENT");
  cr_assert_eq (ev[denied].polarity, EVL_POLARITY_POS);
  cr_assert_geq (ev[denied].salience, 0.5f);
  cr_assert_str_eq (ev[del].type, "ARMS_TRANSFER");
  cr_assert_eq (ev[del].polarity, EVL_POLARITY_NEG);
  cr_assert_lt (ev[del].salience, ev[denied].salience);
}

Test (story, untyped_event_needs_its_own_date_to_be_kept)
{
  g_autoptr (EvlDocument) doc = make_doc ("Apple changed its logo on Monday. Apple keeps changing it.");
  add_entity (doc, "Apple", 0, EVL_ENTITY_ORGANIZATION, 0);
  add_entity (doc, "Apple", 1, EVL_ENTITY_ORGANIZATION, 0);
  add_timex (doc, "Monday", EVL_TIMEX_DATE, "2023-09-11");
  guint dated = add_event (doc, "changed", 0, "change", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint undated = add_event (doc, "changing", 0, "change", EVL_EVENT_CLASS_OCCURRENCE, "PRESPART");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_str_eq (ev[dated].type, "OTHER");
  cr_assert_geq (ev[dated].salience, 0.5f);
  cr_assert_lt (ev[undated].salience, 0.5f);
}

/* A story whose actors are unnamed keeps its dated main events: a common
 * noun subject ('Rail workers', 'The House') counts as a participant;
 * reporting, hedged, future and present mentions stay out. */
Test (story, dated_past_event_with_a_common_noun_subject_is_kept)
{
  g_autoptr (EvlDocument) doc = make_doc (
    "Rail workers walked out on Tuesday. Officials said on Monday that nothing changed. "
    "Workers may walk out again on Friday. The union will decide in October. "
    "The measure goes to the Senate in November. The House approved the package on Wednesday.");
  add_timex (doc, "Tuesday", EVL_TIMEX_DATE, "2023-09-12");
  add_timex (doc, "Monday", EVL_TIMEX_DATE, "2023-09-11");
  add_timex (doc, "Friday", EVL_TIMEX_DATE, "2023-09-15");
  add_timex (doc, "October", EVL_TIMEX_DATE, "2023-10");
  add_timex (doc, "November", EVL_TIMEX_DATE, "2023-11");
  add_timex (doc, "Wednesday", EVL_TIMEX_DATE, "2023-09-13");
  guint walked = add_event (doc, "walked", 0, "walk", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint said = add_event (doc, "said", 0, "say", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint walk = add_event (doc, "walk", 1, "walk", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE");
  guint decide = add_event (doc, "decide", 0, "decide", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE");
  guint goes = add_event (doc, "goes", 0, "go", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT");
  guint approved = add_event (doc, "approved", 0, "approve", EVL_EVENT_CLASS_I_ACTION, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_geq (ev[walked].salience, 0.5f, "walked: %.2f", ev[walked].salience);
  cr_assert_geq (ev[approved].salience, 0.5f, "approved: %.2f", ev[approved].salience);
  cr_assert_lt (ev[said].salience, 0.5f);
  cr_assert_lt (ev[walk].salience, 0.5f, "hedged: %.2f", ev[walk].salience);
  cr_assert_lt (ev[decide].salience, 0.5f, "future: %.2f", ev[decide].salience);
  cr_assert_lt (ev[goes].salience, 0.5f, "present: %.2f", ev[goes].salience);
}

/* A reported intention of named participants ('would', 'expected to',
 * 'plans to') is a plan, counted uncertain once: it makes the cut as a
 * planned event.  Speculation, a condition, a negation or an intention
 * of nobody named stays below it. */
typedef struct {
  char text[80];
  char trigger[12];
  gboolean kept;
} IntentCase;

ParameterizedTestParameters (story, a_reported_intention_is_one_uncertainty)
{
  static IntentCase cases[] = {
    { "Outside the court, his lawyer said John Harker would appeal the ruling.", "appeal", TRUE },
    { "Northwind Foods said it would buy Eastgate Dairy for $2 billion.", "buy", TRUE },
    { "Prime Minister Anna Berg is expected to visit Oslo.", "visit", TRUE },
    { "John Harker may appeal the ruling, a court official said.", "appeal", FALSE },
    { "His lawyer said John Harker would not appeal the ruling.", "appeal", FALSE },
    { "Nobody knows whether John Harker would appeal the ruling.", "appeal", FALSE },
    { "The lawyer said the defendant would appeal the ruling.", "appeal", FALSE },
  };
  return cr_make_param_array (IntentCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (IntentCase *c, story, a_reported_intention_is_one_uncertainty)
{
  g_autoptr (EvlDocument) doc = pipeline_doc (c->text, "2025-03-05");
  const EvlEventMention *e = pipeline_event (doc, c->trigger, 0);
  cr_assert_eq (e->salience >= 0.5f, c->kept, "%s: salience %.2f", c->text, e->salience);
  if (c->kept)
    cr_assert (e->flags & EVL_EVENT_FLAG_PLANNED, "%s: planned", c->text);
}

/* A noun before a plural the recogniser read as a present verb ('weapons
 * tests') is no subject: the undated mention stays below the cut. */
Test (story, a_noun_before_a_present_form_is_no_subject)
{
  g_autoptr (EvlDocument) doc = make_doc ("This continues a series of contentious weapons tests.");
  guint k = add_event (doc, "tests", 0, "test", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_str_eq (ev[k].type, "WEAPONS_TEST");
  cr_assert_lt (ev[k].salience, 0.5f, "%.2f", ev[k].salience);
}

Test (story, punctuation_trigger_is_never_kept_nor_a_cue_target)
{
  g_autoptr (EvlDocument) doc = make_doc ("Kim smiled during Putin ’s tour of the site.");
  guint smiled = add_event (doc, "smiled", 0, "smile", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint junk = add_event (doc, "’s", 0, "’", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint tour = add_event (doc, "tour", 0, "tour", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_str_eq (ev[junk].type, "OTHER");
  cr_assert_float_eq (ev[junk].salience, 0.0f, 1e-6);
  cr_assert_str_eq (ev[tour].type, "VISIT");
  cr_assert_eq (ev[smiled].anchor_method, EVL_ANCHOR_CUE);
  cr_assert_eq (ev[smiled].cue_event, (gint32) tour);
  cr_assert_eq (ev[smiled].cue_rel, EVL_REL_IS_INCLUDED);
}

Test (story, reannotation_is_idempotent)
{
  g_autoptr (EvlDocument) doc = make_doc ("Russia may supply weapons to North Korea.");
  add_entity (doc, "Russia", 0, EVL_ENTITY_LOCATION, 0);
  add_entity (doc, "North Korea", 0, EVL_ENTITY_LOCATION, 1);
  add_event (doc, "supply", 0, "supply", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE");
  g_autoptr (EvlContext) ctx = context ();
  evl_events_story_annotate (ctx, doc);
  EvlEventMention first = evl_document_get_event_mentions (doc, NULL)[0];
  evl_events_story_annotate (ctx, doc);
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  cr_assert_eq (n, 1);
  cr_assert_str_eq (ev[0].type, first.type);
  cr_assert_eq (ev[0].flags, first.flags);
  cr_assert_eq (ev[0].n_participants, first.n_participants);
  cr_assert_float_eq (ev[0].salience, first.salience, 1e-6);
  cr_assert_str_eq (ev[0].type, "ARMS_TRANSFER");
  cr_assert (ev[0].flags & EVL_EVENT_FLAG_HEDGED);
}

/* Words of nine to sixteen bytes are found again by their bytes (the
 * thread's memo of word ids, story.c): a cue met in one document is a cue
 * in the next, spelt alike or not, and a long word that is no cue stays
 * none after one that is. */
Test (story, long_cue_words_are_known_in_every_document)
{
  static const char *const texts[] = {
    "Kim reportedly visited the plant.",
    "Putin reportedly visited the base.",
    "Kim repeatedly visited the plant.",
    "Kim REPORTEDLY visited the plant.",
    "Kim reportedly visited the plant.",
  };
  static const gboolean hedged[] = { TRUE, TRUE, FALSE, TRUE, TRUE };
  g_autoptr (EvlContext) ctx = context ();
  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    {
      g_autoptr (EvlDocument) doc = make_doc (texts[c]);
      add_event (doc, "visited", 0, "visit", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
      evl_events_story_annotate (ctx, doc);
      const EvlEventMention *ev = evl_document_get_event_mentions (doc, NULL);
      cr_assert_eq (!!(ev[0].flags & EVL_EVENT_FLAG_HEDGED), hedged[c], "%s", texts[c]);
    }
}

Test (story, taxonomy_types_carry_cameo_and_lane)
{
  g_autoptr (EvlContext) ctx = context ();
  GError *error = NULL;
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_new (ctx, &error);
  cr_assert_not_null (tax, "%s", error ? error->message : "");
  const EvlStoryType *t = evl_story_taxonomy_lookup (tax, "MISSILE_LAUNCH");
  cr_assert_not_null (t);
  cr_assert_str_eq (t->cameo, "15");
  cr_assert_str_eq (t->lane, "missiles");
  cr_assert (t->outcome);
  cr_assert_null (evl_story_taxonomy_lookup (tax, "NO_SUCH_TYPE"));
}

Test (story, taxonomy_is_parsed_once_per_context_data)
{
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (EvlStoryTaxonomy) a = evl_story_taxonomy_get (ctx);
  g_autoptr (EvlStoryTaxonomy) b = evl_story_taxonomy_get (ctx);
  cr_assert_not_null (a);
  cr_assert_eq (a, b);
  g_autoptr (EvlContext) other = context ();
  g_autoptr (EvlStoryTaxonomy) c = evl_story_taxonomy_get (other);
  cr_assert_not_null (c);
  cr_assert_str_eq (evl_story_taxonomy_lookup (c, "MEETING")->cameo, "04");
}

/* ------------------------------------------------- the taxonomy image */

#define IMAGE_PATH "/org/eventline-story/story-taxonomy.bin"
static const char *const taxonomy_files[3] = {
  "taxonomy/story.txt", "lexicons/en/factuality.txt", "lexicons/en/event-cues-story.txt"
};

/* The compiled-in taxonomy is the image built at build time, used in
 * place; parsing the compiled-in texts now gives that image byte for byte. */
Test (story, taxonomy_image_is_the_parsed_text)
{
  g_autoptr (EvlContext) ctx = context ();
  GError *error = NULL;
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_new (ctx, &error);
  cr_assert_not_null (tax, "%s", error ? error->message : "");
  g_autoptr (GBytes) res = g_resource_lookup_data (evl_story_image_get_resource (), IMAGE_PATH, 0, NULL);
  cr_assert_not_null (res);
  cr_assert_eq (g_bytes_get_data (evl_story_taxonomy_get_image (tax), NULL), g_bytes_get_data (res, NULL),
                "the compiled-in taxonomy was not mapped from its image");
  GBytes *text[3];
  for (guint i = 0; i < 3; i++)
    cr_assert_not_null (text[i] = evl_context_get_data (ctx, taxonomy_files[i]), "%s", taxonomy_files[i]);
  g_autoptr (GBytes) parsed = evl_story_taxonomy_build_image (text[0], text[1], text[2], &error);
  cr_assert_not_null (parsed, "%s", error ? error->message : "");
  cr_assert_eq (g_bytes_get_size (parsed), g_bytes_get_size (res));
  cr_assert (g_bytes_equal (parsed, res), "the compiled-in image differs from the parsed text");
}

/* A data dir's files are parsed (their image is made at run time): the
 * same files give the same taxonomy as the compiled-in image. */
Test (story, taxonomy_from_data_dir_equals_mapped_one)
{
  const char *root = g_getenv ("EVL_SOURCE_ROOT");
  cr_assert_not_null (root, "EVL_SOURCE_ROOT is not set");
  g_autofree char *dir = g_build_filename (root, "data", NULL);
  GError *error = NULL;
  g_autoptr (EvlContext) mine = evl_context_new_with_data_dir (dir, &error);
  cr_assert_not_null (mine, "%s", error ? error->message : "");
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (EvlStoryTaxonomy) parsed = evl_story_taxonomy_new (mine, &error);
  g_autoptr (EvlStoryTaxonomy) mapped = evl_story_taxonomy_new (ctx, NULL);
  cr_assert_not_null (parsed, "%s", error ? error->message : "");
  cr_assert_not_null (mapped);
  GBytes *a = evl_story_taxonomy_get_image (parsed), *b = evl_story_taxonomy_get_image (mapped);
  cr_assert_neq (g_bytes_get_data (a, NULL), g_bytes_get_data (b, NULL), "a data dir's taxonomy was not parsed");
  cr_assert (g_bytes_equal (a, b));
  static const char *const words[] = { "summit", "convened", "failed", "leaders", "the", "said", "kremlinology" };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      guint id = evl_story_word_id (parsed, words[i], strlen (words[i]));
      cr_assert_eq (id, evl_story_word_id (mapped, words[i], strlen (words[i])), "%s", words[i]);
      const EvlStoryWordInfo *x = evl_story_word_info (parsed, id), *y = evl_story_word_info (mapped, id);
      cr_assert (x->cls == y->cls && memcmp (x->ctx, y->ctx, sizeof x->ctx) == 0 && x->rules == y->rules
                 && x->outcome == y->outcome,
                 "%s", words[i]);
    }
  cr_assert_str_eq (evl_story_taxonomy_lookup (parsed, "MEETING")->lane, "diplomacy");
}

/* Writes @text as taxonomy/story.txt of a new data dir; returns the dir. */
static char *
story_data_dir (const char *text)
{
  char *dir = evl_test_tmp_make ("evl-story-XXXXXX");
  g_autofree char *sub = g_build_filename (dir, "taxonomy", NULL);
  g_autofree char *path = g_build_filename (sub, "story.txt", NULL);
  cr_assert_eq (g_mkdir (sub, 0700), 0);
  cr_assert (g_file_set_contents (path, text, -1, NULL));
  return dir;
}

static void
remove_story_data_dir (const char *dir)
{
  g_autofree char *sub = g_build_filename (dir, "taxonomy", NULL);
  g_autofree char *path = g_build_filename (sub, "story.txt", NULL);
  g_remove (path);
  g_rmdir (sub);
  g_rmdir (dir);
}

/* A data dir's own taxonomy is the one used: its trigger words carry its
 * rules, and a malformed one is refused, not replaced by the image. */
Test (story, taxonomy_of_data_dir_text_is_used)
{
  g_autoptr (EvlContext) base = context ();
  gsize len;
  const char *text = g_bytes_get_data (evl_context_get_data (base, "taxonomy/story.txt"), &len);
  g_autofree char *extended = g_strdup_printf ("%.*s\ntrigger\tzorble\tVISIT\n", (int) len, text);
  g_autofree char *dir = story_data_dir (extended);
  GError *error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new_with_data_dir (dir, &error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_new (ctx, &error);
  cr_assert_not_null (tax, "%s", error ? error->message : "");
  const EvlStoryWordInfo *w = evl_story_word_info (tax, evl_story_word_id (tax, "zorble", 6));
  cr_assert_neq (w->rules, 0);
  const EvlStoryType *t = &g_array_index (tax->types, EvlStoryType, tax->rules[w->rules].type);
  cr_assert_str_eq (t->name, "VISIT");
  cr_assert_eq (tax->rules[w->rules + 1].type, EVL_STORY_RULE_END);
  g_autoptr (EvlStoryTaxonomy) mapped = evl_story_taxonomy_new (base, NULL);
  cr_assert_eq (evl_story_word_id (mapped, "zorble", 6), EVL_W_UNKNOWN);
  remove_story_data_dir (dir);

  g_autofree char *bad_dir = story_data_dir ("type\tOTHER\t-\tother\t0.1\tno\tx\ntrigger\tzorble\tNO_SUCH\n");
  g_autoptr (EvlContext) bad = evl_context_new_with_data_dir (bad_dir, &error);
  cr_assert_not_null (bad, "%s", error ? error->message : "");
  cr_assert_null (evl_story_taxonomy_new (bad, &error));
  cr_assert_not_null (error);
  cr_assert_eq (error->code, EVL_ERROR_PARSE);
  cr_assert (strstr (error->message, "NO_SUCH") != NULL, "%s", error->message);
  g_clear_error (&error);
  remove_story_data_dir (bad_dir);
}

/* 'document' marks a context rule; on an unconditional rule, or an
 * unknown marker, the taxonomy is refused. */
Test (story, taxonomy_document_marker)
{
  g_autoptr (EvlContext) base = context ();
  g_autoptr (EvlStoryTaxonomy) mapped = evl_story_taxonomy_new (base, NULL);
  const EvlStoryWordInfo *w = evl_story_word_info (mapped, evl_story_word_id (mapped, "launch", 6));
  guint marked = 0;
  for (const EvlStoryRule *r = &mapped->rules[w->rules]; r->type != EVL_STORY_RULE_END; r++)
    if (r->flags & EVL_STORY_RULE_DOCUMENT)
      {
        cr_assert_geq (r->group, 0);
        marked++;
      }
  cr_assert_geq (marked, 2);
  static const char *const bad[] = {
    "context\tspace\torbit\ntrigger\tzorble\tVISIT\t-\t-\t-\tdocument\n",
    "context\tspace\torbit\ntrigger\tzorble\tVISIT\tspace\t-\t-\teverywhere\n",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("type\tVISIT\t-\tv\t0.1\tno\tx\n"
                                               "type\tOTHER\t-\tother\t0.1\tno\tx\n%s", bad[i]);
      g_autofree char *dir = story_data_dir (text);
      GError *error = NULL;
      g_autoptr (EvlContext) ctx = evl_context_new_with_data_dir (dir, &error);
      cr_assert_not_null (ctx, "%s", error ? error->message : "");
      cr_assert_null (evl_story_taxonomy_new (ctx, &error), "%s: accepted", bad[i]);
      cr_assert_eq (error->code, EVL_ERROR_PARSE);
      g_clear_error (&error);
      remove_story_data_dir (dir);
    }
  /* the same line with the marker on a context rule is read */
  g_autofree char *good = story_data_dir ("type\tVISIT\t-\tv\t0.1\tno\tx\n"
                                          "type\tOTHER\t-\tother\t0.1\tno\tx\n"
                                          "context\tspace\torbit\n"
                                          "trigger\tzorble\tVISIT\tspace\t-\t-\tdocument\n");
  GError *error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new_with_data_dir (good, &error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_new (ctx, &error);
  cr_assert_not_null (tax, "%s", error ? error->message : "");
  w = evl_story_word_info (tax, evl_story_word_id (tax, "zorble", 6));
  cr_assert (tax->rules[w->rules].flags & EVL_STORY_RULE_DOCUMENT);
  remove_story_data_dir (good);
}

typedef struct {
  char what[32];
  gsize offset;     /* byte changed, or G_MAXSIZE: none */
  gsize keep;       /* bytes kept, or G_MAXSIZE: all */
  gsize story_len;  /* text length the caller states, or 0: the true one */
} ImageCase;

ParameterizedTestParameters (story, image_is_checked)
{
  static ImageCase cases[] = {
    { "intact", G_MAXSIZE, G_MAXSIZE, 0 },
    { "magic", 0, G_MAXSIZE, 0 },
    { "layout", 8, G_MAXSIZE, 0 },
    { "truncated header", G_MAXSIZE, 40, 0 },
    { "truncated", G_MAXSIZE, 4096, 0 },
    { "other text", G_MAXSIZE, G_MAXSIZE, 17 },
  };
  return cr_make_param_array (ImageCase, cases, G_N_ELEMENTS (cases));
}

/* An image that is not the one of the stated texts for this build is
 * refused with an error, never read. */
ParameterizedTest (ImageCase *c, story, image_is_checked)
{
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (GBytes) res = g_resource_lookup_data (evl_story_image_get_resource (), IMAGE_PATH, 0, NULL);
  cr_assert_not_null (res);
  gsize size;
  gconstpointer data = g_bytes_get_data (res, &size);
  guint8 *copy = g_memdup2 (data, size);
  if (c->offset != G_MAXSIZE)
    copy[c->offset] ^= 0x5a;
  g_autoptr (GBytes) image = g_bytes_new_take (copy, MIN (size, c->keep));
  gsize lens[3];
  for (guint i = 0; i < 3; i++)
    lens[i] = g_bytes_get_size (evl_context_get_data (ctx, taxonomy_files[i]));
  if (c->story_len)
    lens[0] = c->story_len;
  GError *error = NULL;
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_new_from_image (image, lens[0], lens[1], lens[2], &error);
  if (strcmp (c->what, "intact") == 0)
    {
      cr_assert_not_null (tax, "%s", error ? error->message : "");
      cr_assert_str_eq (evl_story_taxonomy_lookup (tax, "MISSILE_LAUNCH")->cameo, "15");
      return;
    }
  cr_assert_null (tax, "%s: accepted", c->what);
  cr_assert_not_null (error, "%s", c->what);
  cr_assert_eq (error->code, EVL_ERROR_PARSE);
  g_clear_error (&error);
}

/* A long text without sentence breaks must stay linear: every scan is
 * bounded by EVL_STORY_REACH tokens. */
Test (story, no_sentence_breaks_stays_linear, .timeout = 20 * EVL_TIMEOUT_SCALE)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < 4000; i++)
    g_string_append (s, "Kim said that Putin met Kim after the summit and ");
  g_autoptr (EvlDocument) doc = make_doc (s->str);
  g_string_free (s, TRUE);
  guint n_tok;
  const EvlToken *tok = evl_document_get_tokens (doc, &n_tok);
  const char *text = evl_document_get_text (doc, NULL);
  guint added = 0;
  for (guint i = 0; i < n_tok; i++)
    {
      const char *w = text + tok[i].span.start;
      guint len = EVL_SPAN_LEN (tok[i].span);
      EvlEventMention e = { 0 };
      e.span = tok[i].span;
      e.aspect = "NONE";
      e.timex = e.agent = e.patient = e.location = e.source = e.cue_event = -1;
      if (len == 3 && strncmp (w, "met", 3) == 0)
        e.lemma = "meet", e.tense = "PAST", e.klass = EVL_EVENT_CLASS_OCCURRENCE;
      else if (len == 4 && strncmp (w, "said", 4) == 0)
        e.lemma = "say", e.tense = "PAST", e.klass = EVL_EVENT_CLASS_REPORTING;
      else if (len == 6 && strncmp (w, "summit", 6) == 0)
        e.lemma = "summit", e.tense = "NONE", e.klass = EVL_EVENT_CLASS_OCCURRENCE;
      else
        continue;
      evl_document_add_event_mention (doc, &e);
      added++;
    }
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (n, added);
  cr_assert_str_eq (ev[1].type, "MEETING");
  cr_assert (ev[1].flags & EVL_EVENT_FLAG_REPORTED);
}

/* ------------------------------------------ the seed articles, end to end */

/* Runs the whole per-document pipeline on input/<prefix>*.txt with the
 * creation date the seeds are built with. */
static EvlDocument *
seed (const char *prefix)
{
  const char *root = g_getenv ("EVL_SOURCE_ROOT");
  cr_assert_not_null (root, "EVL_SOURCE_ROOT is not set");
  g_autofree char *dir = g_build_filename (root, "input", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  cr_assert_not_null (d);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".txt"))
      break;
  cr_assert_not_null (name, "no input/%s*.txt", prefix);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  gsize len;
  cr_assert (g_file_get_contents (path, &text, &len, NULL));
  EvlDocument *doc = evl_document_new (prefix, text, (gssize) len, NULL);
  cr_assert_not_null (doc);
  evl_document_set_dct (doc, "2023-09-14", EVL_DCT_DEFAULT);
  g_autoptr (EvlContext) ctx = context ();
  evl_pipeline_annotate (ctx, doc);
  return doc;
}

static const char *
timex_value (const EvlDocument *doc, gint32 x)
{
  guint n;
  const EvlTimex *tx = evl_document_get_timexes (doc, &n);
  return x >= 0 && (guint) x < n ? tx[x].value : "";
}

static gboolean
is_type (const EvlEventMention *e, const char *type)
{
  return e->type && strcmp (e->type, type) == 0;
}

Test (story, seed_missile_launches_precede_the_meeting)
{
  g_autoptr (EvlDocument) doc = seed ("004_");
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  gboolean found = FALSE;
  for (guint k = 0; k < n && !found; k++)
    found = is_type (&ev[k], "MISSILE_LAUNCH") && ev[k].salience >= 0.5f
            && ev[k].anchor_method == EVL_ANCHOR_CUE && ev[k].cue_rel == EVL_REL_BEFORE
            && ev[k].cue_event >= 0 && is_type (&ev[ev[k].cue_event], "MEETING")
            && ev[k].agent >= 0;
  cr_assert (found, "no kept MISSILE_LAUNCH anchored BEFORE a MEETING with an agent");
}

Test (story, seed_first_meeting_since_2019_implies_the_2019_meeting)
{
  g_autoptr (EvlDocument) doc = seed ("004_");
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  gboolean found = FALSE;
  for (guint k = 0; k < n && !found; k++)
    found = is_type (&ev[k], "MEETING") && strcmp (timex_value (doc, ev[k].timex), "2019") == 0
            && ev[k].n_participants >= 2 && ev[k].salience >= 0.5f;
  cr_assert (found, "no kept 2019 MEETING with both leaders");
}

Test (story, seed_failed_satellite_launches_in_may_and_august)
{
  g_autoptr (EvlDocument) doc = seed ("004_");
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  gboolean may = FALSE, august = FALSE;
  for (guint k = 0; k < n; k++)
    {
      const EvlEventMention *e = &ev[k];
      if (!is_type (e, "SATELLITE_LAUNCH") || !(e->flags & EVL_EVENT_FLAG_FAILED) || e->salience < 0.5f)
        continue;
      may |= strcmp (timex_value (doc, e->timex), "2023-05") == 0;
      august |= strcmp (timex_value (doc, e->timex), "2023-08") == 0;
    }
  cr_assert (may && august, "failed launches: May %d, August %d", may, august);
}

Test (story, seed_no_documents_signed_is_negative_and_sourced)
{
  g_autoptr (EvlDocument) doc = seed ("003_");
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  gboolean found = FALSE;
  for (guint k = 0; k < n && !found; k++)
    {
      const EvlEventMention *e = &ev[k];
      if (!is_type (e, "AGREEMENT") || e->polarity != EVL_POLARITY_NEG || e->source < 0)
        continue;
      found = strstr (evl_document_span_text (doc, evl_document_get_entity_mentions (doc, NULL)[e->source].span),
                      "Peskov") != NULL;
    }
  cr_assert (found, "no NEG AGREEMENT sourced to Peskov");
}

Test (story, seed_summit_has_date_place_and_both_leaders)
{
  g_autoptr (EvlDocument) doc = seed ("001_");
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  const EvlEntityMention *ents = evl_document_get_entity_mentions (doc, NULL);
  gboolean found = FALSE;
  for (guint k = 0; k < n && !found; k++)
    {
      const EvlEventMention *e = &ev[k];
      found = is_type (e, "MEETING") && strcmp (timex_value (doc, e->timex), "2023-09-13") == 0
              && e->n_participants >= 2 && e->location >= 0 && e->salience >= 0.8f
              && strstr (evl_document_span_text (doc, ents[e->location].span), "Vostochny") != NULL;
    }
  cr_assert (found, "no 2023-09-13 MEETING at Vostochny with both leaders");
}

Test (story, seed_korean_war_is_dated_context)
{
  g_autoptr (EvlDocument) doc = seed ("001_");
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  gboolean found = FALSE;
  for (guint k = 0; k < n && !found; k++)
    found = is_type (&ev[k], "CONFLICT") && g_str_has_prefix (timex_value (doc, ev[k].timex), "1950")
            && ev[k].salience >= 0.5f;
  cr_assert (found, "no kept CONFLICT dated 1950");
}

typedef struct {
  char prefix[8];
} SeedCase;

ParameterizedTestParameters (story, seed_kept_events_are_few_and_never_furniture)
{
  static SeedCase cases[] = { { "000_" }, { "001_" }, { "002_" }, { "003_" }, { "004_" } };
  return cr_make_param_array (SeedCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (SeedCase *c, story, seed_kept_events_are_few_and_never_furniture)
{
  g_autoptr (EvlDocument) doc = seed (c->prefix);
  guint n, ns;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  const EvlSentence *sent = evl_document_get_sentences (doc, &ns);
  guint kept = 0;
  for (guint k = 0; k < n; k++)
    {
      if (ev[k].salience < 0.5f)
        continue;
      kept++;
      cr_assert_not (ev[k].sentence < ns && sent[ev[k].sentence].is_furniture,
                     "%s: furniture mention '%s' kept", c->prefix, evl_document_span_text (doc, ev[k].span));
      cr_assert_neq (ev[k].klass == EVL_EVENT_CLASS_REPORTING && is_type (&ev[k], "OTHER"), TRUE);
    }
  cr_assert_leq (kept, 30u, "%s: %u kept mentions", c->prefix, kept);
  cr_assert_leq (kept * 2, n, "%s: %u of %u mentions kept", c->prefix, kept, n);
}

/* ------------------------------------ factuality against TimeBank's gold */

typedef struct {
  char tense[24], aspect[32];
  char eiid[16];
  char tid[16];        /* a timex this instance has a gold TLINK to */
  gboolean neg, modal;
} Instance;

/* MAKEINSTANCE attributes by eventID, read from the raw TimeML. */
static GHashTable *
read_instances (const char *xml)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GRegex) tag = g_regex_new ("<MAKEINSTANCE\\s([^>]*)>", 0, 0, NULL);
  g_autoptr (GRegex) attr = g_regex_new ("(\\w+)=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr (GMatchInfo) mi = NULL;
  g_regex_match (tag, xml, 0, &mi);
  for (; g_match_info_matches (mi); g_match_info_next (mi, NULL))
    {
      g_autofree char *attrs = g_match_info_fetch (mi, 1);
      Instance *in = g_new0 (Instance, 1);
      char *eid = NULL;
      g_autoptr (GMatchInfo) ai = NULL;
      g_regex_match (attr, attrs, 0, &ai);
      for (; g_match_info_matches (ai); g_match_info_next (ai, NULL))
        {
          g_autofree char *k = g_match_info_fetch (ai, 1);
          g_autofree char *v = g_match_info_fetch (ai, 2);
          if (strcmp (k, "eventID") == 0)
            eid = g_strdup (v);
          else if (strcmp (k, "tense") == 0)
            g_strlcpy (in->tense, v, sizeof in->tense);
          else if (strcmp (k, "aspect") == 0)
            g_strlcpy (in->aspect, v, sizeof in->aspect);
          else if (strcmp (k, "polarity") == 0)
            in->neg = strcmp (v, "NEG") == 0;
          else if (strcmp (k, "modality") == 0)
            in->modal = *v && g_ascii_strcasecmp (v, "none") != 0;
          else if (strcmp (k, "eiid") == 0)
            g_strlcpy (in->eiid, v, sizeof in->eiid);
        }
      if (eid && !g_hash_table_contains (map, eid))
        g_hash_table_insert (map, eid, in);
      else
        {
          g_free (eid);
          g_free (in);
        }
    }
  /* Event-timex TLINKs: the first linked timex of each instance. */
  g_autoptr (GHashTable) by_eiid = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter it;
  gpointer key, val;
  g_hash_table_iter_init (&it, map);
  while (g_hash_table_iter_next (&it, &key, &val))
    g_hash_table_insert (by_eiid, ((Instance *) val)->eiid, val);
  g_autoptr (GRegex) tlink = g_regex_new ("<TLINK\\s[^>]*eventInstanceID=\"([^\"]+)\"[^>]*relatedToTime=\"([^\"]+)\"",
                                          0, 0, NULL);
  g_autoptr (GMatchInfo) ti = NULL;
  g_regex_match (tlink, xml, 0, &ti);
  for (; g_match_info_matches (ti); g_match_info_next (ti, NULL))
    {
      g_autofree char *ei = g_match_info_fetch (ti, 1);
      g_autofree char *tid = g_match_info_fetch (ti, 2);
      Instance *in = g_hash_table_lookup (by_eiid, ei);
      if (in && in->tid[0] == '\0')
        g_strlcpy (in->tid, tid, sizeof in->tid);
    }
  return map;
}

typedef struct {
  guint tp, fp, fn;
} Prf;

static double
f1 (const Prf *c)
{
  return c->tp ? 2.0 * c->tp / (2.0 * c->tp + c->fp + c->fn) : 0.0;
}

static void
count (Prf *c, gboolean gold, gboolean sys)
{
  c->tp += gold && sys;
  c->fp += !gold && sys;
  c->fn += gold && !sys;
}

/* Polarity, modality and timex anchoring on TimeBank's gold events (spans,
 * classes, tense and aspect from the annotation), so only this stage's
 * rules are measured; anchors are checked against the gold event-timex
 * TLINKs.  Figures go to the Criterion log (--verbose). */
Test (story, timebank_polarity_and_modality, .timeout = 600 * EVL_TIMEOUT_SCALE)
{
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  g_autofree char *dir = shared ? g_build_filename (shared, "data", "timeml", "TimeBank", NULL) : NULL;
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    cr_skip_test ("no TimeBank under EVL_SHARED_DIR");
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  Prf neg = { 0 }, modal = { 0 };
  guint linked = 0, anchored = 0, right = 0;
  guint events = 0, docs = 0;
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (!g_str_has_suffix (name, ".tml"))
        continue;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *xml = NULL;
      cr_assert (g_file_get_contents (path, &xml, NULL, NULL));
      g_autoptr (GHashTable) inst = read_instances (xml);
      g_autoptr (GPtrArray) loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
      EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
      if (!evl_source_load_file (path, &opts, loaded, NULL) || loaded->len == 0)
        continue;
      EvlDocument *doc = loaded->pdata[0];
      evl_segment_document (ctx, doc);
      evl_timex_annotate (ctx, doc);
      evl_entities_annotate (ctx, doc);
      evl_document_clear_events (doc);
      guint ng, nt;
      const EvlGoldTag *gold = evl_document_get_gold (doc, &ng);
      const EvlToken *tok = evl_document_get_tokens (doc, &nt);
      g_autoptr (GArray) truth = g_array_new (FALSE, FALSE, sizeof (Instance));
      for (guint g = 0; g < ng; g++)
        {
          const Instance *in = gold[g].id ? g_hash_table_lookup (inst, gold[g].id) : NULL;
          gint t = evl_document_token_at (doc, gold[g].span.start);
          if (strcmp (gold[g].tag, "EVENT") != 0 || in == NULL || t < 0)
            continue;
          EvlEventMention e = { 0 };
          e.span = gold[g].span;
          e.sentence = tok[t].sentence;
          g_autofree char *low = g_ascii_strdown (evl_document_span_text (doc, e.span), -1);
          e.lemma = evl_document_intern (doc, low, -1);
          int klass = gold[g].type ? evl_event_class_from_string (gold[g].type) : -1;
          e.klass = klass < 0 ? EVL_EVENT_CLASS_OCCURRENCE : (EvlEventClass) klass;
          e.tense = evl_document_intern (doc, in->tense[0] ? in->tense : "NONE", -1);
          e.aspect = evl_document_intern (doc, in->aspect[0] ? in->aspect : "NONE", -1);
          e.timex = e.agent = e.patient = e.location = e.source = e.cue_event = -1;
          evl_document_add_event_mention (doc, &e);
          g_array_append_val (truth, *in);
        }
      evl_events_story_annotate (ctx, doc);
      guint ne, nx;
      const EvlEventMention *ev = evl_document_get_event_mentions (doc, &ne);
      const EvlTimex *tx = evl_document_get_timexes (doc, &nx);
      for (guint k = 0; k < truth->len && k < ne; k++)
        {
          const Instance *in = &g_array_index (truth, Instance, k);
          count (&neg, in->neg, ev[k].polarity == EVL_POLARITY_NEG);
          count (&modal, in->modal, ev[k].modality != NULL);
          /* Anchoring: gold links to a timex of the text (not the DCT). */
          const EvlGoldTag *gt = NULL;
          for (guint g = 0; g < ng && in->tid[0]; g++)
            if (strcmp (gold[g].tag, "TIMEX3") == 0 && gold[g].id && strcmp (gold[g].id, in->tid) == 0)
              gt = &gold[g];
          if (gt == NULL || EVL_SPAN_LEN (gt->span) == 0)
            continue;
          linked++;
          if ((ev[k].anchor_method == EVL_ANCHOR_CLAUSE || ev[k].anchor_method == EVL_ANCHOR_SENTENCE)
              && ev[k].timex >= 0 && (guint) ev[k].timex < nx)
            {
              anchored++;
              EvlSpan s = tx[ev[k].timex].span;
              right += s.start < gt->span.end && gt->span.start < s.end;
            }
        }
      events += truth->len;
      docs++;
    }
  cr_log_info ("TimeBank %u docs, %u events: polarity NEG P %.3f R %.3f F1 %.3f (tp %u fp %u fn %u); "
               "modality P %.3f R %.3f F1 %.3f (tp %u fp %u fn %u)",
               docs, events,
               neg.tp ? (double) neg.tp / (neg.tp + neg.fp) : 0.0,
               neg.tp ? (double) neg.tp / (neg.tp + neg.fn) : 0.0, f1 (&neg), neg.tp, neg.fp, neg.fn,
               modal.tp ? (double) modal.tp / (modal.tp + modal.fp) : 0.0,
               modal.tp ? (double) modal.tp / (modal.tp + modal.fn) : 0.0, f1 (&modal),
               modal.tp, modal.fp, modal.fn);
  cr_log_info ("TimeBank event-timex TLINKs: %u linked events, %u anchored to a timex by clause/sentence, "
               "%u to the linked one: precision %.3f, recall %.3f",
               linked, anchored, right, anchored ? (double) right / anchored : 0.0,
               linked ? (double) right / linked : 0.0);
  cr_assert_gt (docs, 100u);
  /* Measured 0.866 / 0.628: an anchor, when given, is the annotators'. */
  cr_assert_geq (anchored ? (double) right / anchored : 0.0, 0.8);
  /* Measured 0.860 and 0.666 (TimeML marks 'will' as tense and puts
   * modality on the modal's own complement only). */
  cr_assert_geq (f1 (&neg), 0.82, "polarity NEG F1 %.3f", f1 (&neg));
  cr_assert_geq (f1 (&modal), 0.60, "modality F1 %.3f", f1 (&modal));
}

/* ------------------------------------------------------------ word table */

/* The word table the rules test tokens with: fixed ids for the words
 * compared one by one, class bits for the word lists and the taxonomy. */
typedef struct {
  char word[24];
  guint id;          /* expected EvlStoryWord, or G_MAXUINT: any id */
  guint32 has;       /* classes it must have */
  guint32 lacks;     /* classes it must not have */
} WordCase;

ParameterizedTestParameters (story, word_table)
{
  static WordCase cases[] = {
    { "the", EVL_W_THE, EVL_STORY_C_DEFINITE | EVL_STORY_C_NOUN_DET | EVL_STORY_C_NOMINAL_DET, EVL_STORY_C_PREP },
    { "of", EVL_W_OF, EVL_STORY_C_PREP, EVL_STORY_C_LOC_PREP },
    { "at", EVL_W_AT, EVL_STORY_C_PREP | EVL_STORY_C_LOC_PREP, 0 },
    { "since", EVL_W_SINCE, EVL_STORY_C_PREP | EVL_STORY_C_CLAUSE_PREP, EVL_STORY_C_LOC_PREP },
    { ",", EVL_W_COMMA, EVL_STORY_C_CONJ | EVL_STORY_C_CLAUSE_PUNCT, EVL_STORY_C_CLAUSE_BREAK },
    { "and", EVL_W_AND, EVL_STORY_C_CONJ | EVL_STORY_C_FUNCTION, EVL_STORY_C_CLAUSE_WORD },
    { "that", EVL_W_THAT, EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CLAUSE_BREAK | EVL_STORY_C_DEFINITE, 0 },
    { "'s", G_MAXUINT, EVL_STORY_C_BE | EVL_STORY_C_POSSESSIVE, 0 },
    { "\xe2\x80\x99s", G_MAXUINT, EVL_STORY_C_POSSESSIVE, EVL_STORY_C_BE },
    { "\xe2\x80\x94", G_MAXUINT, EVL_STORY_C_CLAUSE_BREAK | EVL_STORY_C_CLAUSE_PUNCT, 0 },
    { "-", G_MAXUINT, EVL_STORY_C_CLAUSE_PUNCT, EVL_STORY_C_CLAUSE_BREAK },
    { "may", G_MAXUINT, EVL_STORY_C_MODAL | EVL_STORY_C_FUNCTION, 0 },
    { "to", EVL_W_TO, EVL_STORY_C_MODAL | EVL_STORY_C_PREP | EVL_STORY_C_FUNCTION, 0 },
    { "such", G_MAXUINT, EVL_STORY_C_NOMINAL_DET, EVL_STORY_C_NOUN_DET },
    { "leaders", G_MAXUINT, EVL_STORY_C_GROUP, EVL_STORY_C_PREP },
    { "kremlinology", EVL_W_UNKNOWN, 0, ~0u },
  };
  return cr_make_param_array (WordCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (WordCase *c, story, word_table)
{
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_new (ctx, NULL);
  cr_assert_not_null (tax);
  guint id = evl_story_word_id (tax, c->word, strlen (c->word));
  if (c->id != G_MAXUINT)
    cr_assert_eq (id, c->id, "%s: id %u, expected %u", c->word, id, c->id);
  else
    cr_assert_geq (id, EVL_W_N_FIXED, "%s: id %u", c->word, id);
  const EvlStoryWordInfo *info = evl_story_word_info (tax, id);
  cr_assert_eq (info->cls & c->has, c->has, "%s: classes %#x", c->word, info->cls);
  cr_assert_eq (info->cls & c->lacks, 0, "%s: classes %#x", c->word, info->cls);
}

/* Taxonomy words carry their rules and outcomes; ids are exact (a word
 * that only shares a prefix or differs in case is another word). */
Test (story, word_table_taxonomy_entries)
{
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_new (ctx, NULL);
  cr_assert_not_null (tax);
  const EvlStoryWordInfo *summit = evl_story_word_info (tax, evl_story_word_id (tax, "summit", 6));
  cr_assert_neq (summit->rules, 0);
  cr_assert_eq (evl_story_word_id (tax, "summi", 5), EVL_W_UNKNOWN);
  cr_assert_eq (evl_story_word_id (tax, "Summit", 6), EVL_W_UNKNOWN);
  cr_assert_eq (evl_story_word_id (tax, "", 0), EVL_W_UNKNOWN);
  /* 'th' is in the table only as a proper prefix of a later word of a
   * cue form ('in the wake of'): another word, with that class alone. */
  guint th = evl_story_word_id (tax, "the", 2);
  cr_assert_neq (th, evl_story_word_id (tax, "the", 3));
  cr_assert_eq (evl_story_word_info (tax, th)->cls, EVL_STORY_C_FORM_PREFIX);
  cr_assert_eq (evl_story_word_info (tax, th)->rules, 0);
  cr_assert_eq (evl_story_word_info (tax, evl_story_word_id (tax, "failed", 6))->outcome,
                EVL_STORY_OUTCOME_FAILED);
}

/* Each word's scan bits are those its classes set (build_index() adds
 * them per token): start words of en/factuality and of the cues, group
 * words and complementizers; a word with none of those classes has none. */
Test (story, word_table_scan_bits)
{
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_new (ctx, NULL);
  cr_assert_not_null (tax);
  static const struct { const char *word; guint8 scan; } cases[] = {
    { "said", EVL_STORY_SCAN_FACT },
    { "after", EVL_STORY_SCAN_CUES },
    { "that", EVL_STORY_SCAN_COMPLEMENTIZER },
    { "of", 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint id = evl_story_word_id (tax, cases[i].word, strlen (cases[i].word));
      cr_assert_neq (id, EVL_W_UNKNOWN, "%s", cases[i].word);
      const EvlStoryWordInfo *info = evl_story_word_info (tax, id);
      cr_assert_eq (info->scan & cases[i].scan, cases[i].scan, "%s: scan %#x", cases[i].word, info->scan);
      if (cases[i].scan == 0)
        cr_assert_eq (info->scan, 0, "%s: scan %#x", cases[i].word, info->scan);
    }
  cr_assert_eq (evl_story_word_info (tax, EVL_W_UNKNOWN)->scan, 0);
}

/* ------------------------------------------------ precomputed word facts */

typedef struct {
  char tense[16];
  char aspect[32];
  guint flags;
} TenseCase;

ParameterizedTestParameters (story, tense_flags)
{
  static TenseCase cases[] = {
    { "PAST", "NONE", EVL_STORY_TF_VERBAL | EVL_STORY_TF_PAST },
    { "PRESENT", "PERFECTIVE", EVL_STORY_TF_VERBAL | EVL_STORY_TF_PRESENT | EVL_STORY_TF_PERFECT },
    { "FUTURE", "PROGRESSIVE", EVL_STORY_TF_VERBAL | EVL_STORY_TF_FUTURE },
    { "PASTPART", "PERFECTIVE_PROGRESSIVE", EVL_STORY_TF_VERBAL | EVL_STORY_TF_PASTPART | EVL_STORY_TF_PERFECT },
    { "NONE", "NONE", 0 },
    /* Other tenses are verbal but none of the named ones. */
    { "INFINITIVE", "NONE", EVL_STORY_TF_VERBAL },
    { "PRESPART", "NONE", EVL_STORY_TF_VERBAL },
    { "PASTX", "", EVL_STORY_TF_VERBAL },
    { "", "", 0 },   /* no tense, no aspect (NULL) */
    /* Prefixes and extensions of the named values are none of them. */
    { "N", "N", EVL_STORY_TF_VERBAL },
    { "NONEX", "NONEX", EVL_STORY_TF_VERBAL },
    { "PAS", "PERFECTIV", EVL_STORY_TF_VERBAL },
    { "PASTPARTX", "PROGRESSIV", EVL_STORY_TF_VERBAL },
    { "PRESEN", "PROGRESSIVEX", EVL_STORY_TF_VERBAL },
    { "FUTURES", "PERFECTIVEX", EVL_STORY_TF_VERBAL | EVL_STORY_TF_PERFECT },
    /* An aspect holding PERFECTIVE anywhere is perfect. */
    { "PAST", "PROGRESSIVE_PERFECTIVE", EVL_STORY_TF_VERBAL | EVL_STORY_TF_PAST | EVL_STORY_TF_PERFECT },
    { "PAST", "NONE PERFECTIVE", EVL_STORY_TF_VERBAL | EVL_STORY_TF_PAST | EVL_STORY_TF_PERFECT },
  };
  return cr_make_param_array (TenseCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (TenseCase *c, story, tense_flags)
{
  EvlEventMention e = { 0 };
  e.tense = *c->tense ? c->tense : NULL;
  e.aspect = *c->aspect ? c->aspect : NULL;
  cr_assert_eq (evl_story_tense_flags (&e), c->flags, "%s/%s: %#x, expected %#x", c->tense, c->aspect,
                evl_story_tense_flags (&e), c->flags);
}

typedef struct {
  char form[24];
  char stem[24];   /* "" = no stem with trigger rules */
} StemCase;

ParameterizedTestParameters (story, stem_rules_in_word_table)
{
  static StemCase cases[] = {
    { "convened", "convene" },     /* -d */
    { "discussed", "discuss" },    /* -ed */
    { "meets", "meet" },           /* -s */
    { "summits", "summit" },
    { "launches", "launch" },      /* -es */
    { "negotiating", "negotiate" },/* -ing + e */
    { "meeting", "meet" },         /* -ing (typing prefers its own rules) */
    { "summitry", "" },
    { "be", "" },
  };
  return cr_make_param_array (StemCase, cases, G_N_ELEMENTS (cases));
}

/* Every form whose regular stem has trigger rules carries those rules in
 * the word table (typing reads them from the token's id). */
ParameterizedTest (StemCase *c, story, stem_rules_in_word_table)
{
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_get (ctx);
  cr_assert_not_null (tax);
  const EvlStoryWordInfo *fi = evl_story_word_info (tax, evl_story_word_id (tax, c->form, strlen (c->form)));
  if (*c->stem == '\0')
    {
      cr_assert_eq (fi->stem_rules, 0, "%s has stem rules", c->form);
      return;
    }
  const EvlStoryWordInfo *si = evl_story_word_info (tax, evl_story_word_id (tax, c->stem, strlen (c->stem)));
  cr_assert_neq (si->rules, 0, "%s is no rule word", c->stem);
  cr_assert_eq (fi->stem_rules, si->rules, "%s: not the rules of %s", c->form, c->stem);
}

Test (story, cue_first_words_know_their_form_lengths)
{
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_get (ctx);
  cr_assert_not_null (tax);
  /* 'in the wake of', 'in the run-up to': only four-word cues start with 'in'. */
  const EvlStoryWordInfo *in = evl_story_word_info (tax, evl_story_word_id (tax, "in", 2));
  cr_assert (in->cls & EVL_STORY_C_START_CUES);
  cr_assert_eq (in->max_words[EVL_STORY_LEX_CUES], 4);
  cr_assert_eq (in->min_words[EVL_STORY_LEX_CUES], 4);
  const EvlStoryWordInfo *later = evl_story_word_info (tax, evl_story_word_id (tax, "later", 5));
  cr_assert_geq (later->max_words[EVL_STORY_LEX_CUES], 3);
  cr_assert_leq (later->min_words[EVL_STORY_LEX_CUES], 2);
  static const char *const names[] = { "NONE", "NEG", "DENY", NULL };
  cr_assert_eq (evl_story_name_index ("NEG", names), 1);
  cr_assert_eq (evl_story_name_index ("DENY", names), 2);
  cr_assert_eq (evl_story_name_index ("NEGATE", names), G_MAXUINT);
}

/* evl_story_next_scan()/evl_story_prev_scan() and their bounded forms read
 * the marks eight tokens at a time: they must agree with a token-by-token search for every start,
 * document length (across the eight-byte steps) and pattern of marks. */
Test (story, scan_marks_agree_with_a_token_by_token_search)
{
  guint8 marks[40 + 8];
  guint checked = 0;
  for (guint n = 0; n <= 40; n++)
    for (guint pattern = 0; pattern < 6; pattern++)
      {
        memset (marks, 0, sizeof marks);
        for (guint i = 0; i < n; i++)
          {
            /* none, one at the end, sparse, dense, both bits, one early */
            guint8 m = pattern == 1 ? (i + 1 == n ? EVL_STORY_SCAN_FACT : 0)
                       : pattern == 2 ? (i % 11 == 3 ? EVL_STORY_SCAN_FACT : 0)
                       : pattern == 3 ? (i % 2 ? EVL_STORY_SCAN_FACT : EVL_STORY_SCAN_CUES)
                       : pattern == 4 ? (i % 5 == 0 ? EVL_STORY_SCAN_FACT | EVL_STORY_SCAN_ARGS : 0)
                       : pattern == 5 ? (i == 2 ? EVL_STORY_SCAN_CUES : 0) : 0;
            marks[i] = m;
          }
        EvlStoryDoc sd = { 0 };
        sd.n_tok = n;
        sd.tok_scan = marks;
        static const guint bits[] = { EVL_STORY_SCAN_FACT, EVL_STORY_SCAN_CUES, EVL_STORY_SCAN_ARGS };
        for (guint b = 0; b < G_N_ELEMENTS (bits); b++)
          {
            for (guint i = 0; i <= n; i++)
              {
                guint want = i;
                while (want < n && !(marks[want] & bits[b]))
                  want++;
                cr_assert_eq (evl_story_next_scan (&sd, i, bits[b]), want,
                              "next from %u of %u, pattern %u, bit %u", i, n, pattern, bits[b]);
                checked++;
              }
            for (gint i = -1; i < (gint) n; i++)
              {
                gint want = i;
                while (want >= 0 && !(marks[want] & bits[b]))
                  want--;
                cr_assert_eq (evl_story_prev_scan (&sd, i, bits[b]), want,
                              "prev from %d of %u, pattern %u, bit %u", i, n, pattern, bits[b]);
                checked++;
              }
            /* The bounded forms, for every bound. */
            for (guint i = 0; i <= n; i++)
              for (guint end = i; end <= n + 9; end++)
                {
                  guint stop = MIN (end, n), want = i;
                  while (want < stop && !(marks[want] & bits[b]))
                    want++;
                  cr_assert_eq (evl_story_next_scan_before (&sd, i, bits[b], end), want,
                                "next from %u before %u of %u, pattern %u, bit %u", i, end, n, pattern, bits[b]);
                  checked++;
                }
            for (gint i = -1; i < (gint) n; i++)
              for (gint lo = 0; lo <= i + 1; lo++)
                {
                  gint want = i;
                  while (want >= lo && !(marks[want] & bits[b]))
                    want--;
                  if (want < lo)
                    want = -1;
                  cr_assert_eq (evl_story_prev_scan_after (&sd, i, bits[b], lo), want,
                                "prev from %d after %d of %u, pattern %u, bit %u", i, lo, n, pattern, bits[b]);
                  checked++;
                }
          }
      }
  cr_assert_gt (checked, 10000);
}

/* Token forms are folded on demand (evl_story_key_into()) instead of
 * stored per token: for a token without a blank or control byte the form
 * must be evl_fold_key()'s (empty from EVL_STORY_KEY_CAP bytes on), and
 * evl_story_key_len() its length, whatever the token's case or bytes. */
typedef struct {
  char text[96];
  gboolean dirty;   /* holds a blank: marked as build_index() marks it */
} KeyCase;

ParameterizedTestParameters (story, lazy_token_forms_are_the_folded_forms)
{
  static KeyCase cases[] = {
    { "summit", FALSE },
    { "Summit", FALSE },
    { "NEGOTIATIONS", FALSE },
    { "Vostochny-Cosmodrome", FALSE },
    { "Russia\xe2\x80\x99s", FALSE },
    { "\xc3\x89LYS\xc3\x89\x45", FALSE },
    { "a", FALSE },
    { ",", FALSE },
    { "X23456789012345678901234567890123456789012345678901234567890123", FALSE },   /* 63 bytes */
    { "X234567890123456789012345678901234567890123456789012345678901234", FALSE },  /* 64 */
    { "New  York", TRUE },
    { "AS\tWELL", TRUE },
  };
  return cr_make_param_array (KeyCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (KeyCase *c, story, lazy_token_forms_are_the_folded_forms)
{
  /* The token between two others, so the text goes on past it. */
  g_autofree char *text = g_strdup_printf ("x %s y", c->text);
  gsize len = strlen (c->text);
  EvlToken tok[3] = {
    { { 0, 1 }, 0, EVL_TOKEN_WORD },
    { { 2, (guint32) (2 + len) }, 0, EVL_TOKEN_WORD },
    { { (guint32) (3 + len), (guint32) (4 + len) }, 0, EVL_TOKEN_WORD },
  };
  char want[EVL_STORY_KEY_CAP];
  gssize wl = evl_fold_key (c->text, len, want, sizeof want);
  if (wl <= 0)
    wl = 0, want[0] = '\0';
  guint8 dirty[3] = { 0, c->dirty ? (guint8) (EVL_STORY_KEY_DIRTY | (guint) wl) : 0, 0 };
  EvlStoryDoc sd = { 0 };
  sd.text = text;
  sd.text_len = strlen (text);
  sd.tok = tok;
  sd.n_tok = 3;
  sd.tok_dirty = dirty;
  char got[EVL_STORY_KEY_CAP];
  memset (got, 'z', sizeof got);
  cr_assert_eq (evl_story_key_into (&sd, 1, got), (gsize) wl, "%s", c->text);
  cr_assert_str_eq (got, want, "%s", c->text);
  cr_assert_eq (evl_story_key_len (&sd, 1), (gsize) wl, "%s", c->text);
  cr_assert_eq (evl_story_token_is (&sd, 1, want), TRUE, "%s", c->text);
  cr_assert_eq (evl_story_token_is (&sd, 0, want), FALSE, "%s", c->text);
  /* Out of range: empty. */
  cr_assert_eq (evl_story_key_into (&sd, 3, got), 0);
  cr_assert_str_eq (got, "");
  cr_assert_eq (evl_story_key_into (&sd, -1, got), 0);
}

/* The nearest dated timex of the clause anchors an event: the nearer side
 * wins, a tie goes to the right, a timex of another sentence is never a
 * candidate, and a timex of several tokens is one candidate (its first
 * token in the clause).  nearest_timex() walks the sentence's run of the
 * timex-covered tokens outward from the trigger. */
typedef struct {
  char text[96];
  char left[24], left_value[12];   /* timexes in text order; "" none */
  char right[24], right_value[12];
  gboolean want_right;             /* else the left one */
} NearestCase;

ParameterizedTestParameters (story, nearest_timex_of_the_clause_anchors)
{
  static NearestCase cases[] = {
    { "In May Kim met Putin in June.", "May", "2023-05", "June", "2023-06", FALSE },
    { "In May Kim met in June.", "May", "2023-05", "June", "2023-06", TRUE },
    { "Talks began in May. Kim met Putin in June.", "May", "2023-05", "June", "2023-06", TRUE },
    { "In May this year Kim met on September 13, 2023.", "May", "2023-05", "September 13, 2023",
      "2023-09-13", TRUE },
    { "Kim met Putin on 13 September 2023 at noon in May.", "13 September 2023", "2023-09-13", "May", "2023-05",
      FALSE },
  };
  return cr_make_param_array (NearestCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (NearestCase *c, story, nearest_timex_of_the_clause_anchors)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  gint32 l = (gint32) add_timex (doc, c->left, EVL_TIMEX_DATE, c->left_value);
  gint32 r = (gint32) add_timex (doc, c->right, EVL_TIMEX_DATE, c->right_value);
  guint k = add_event (doc, "met", 0, "meet", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert_eq (ev[k].anchor_method, EVL_ANCHOR_CLAUSE, "%s: method %s", c->text,
                evl_anchor_method_to_string (ev[k].anchor_method));
  cr_assert_eq (ev[k].timex, c->want_right ? r : l, "%s: timex %d", c->text, ev[k].timex);
}

/* evl_story_span_ok() rules out lookups by the words after a form's first
 * word: it must never rule out a span that a lookup matches.  Every form
 * of both lexicons, alone, after a word and followed by a word, a blank,
 * punctuation or nothing, is looked up at every length from its first
 * token; and some spans that cannot match must be ruled out. */
typedef struct {
  EvlStoryDoc sd;
  guint32 wid[64];
  guint8 dirty[64];
} SpanDoc;

static void
span_doc (SpanDoc *d, const EvlStoryTaxonomy *tax, EvlDocument *doc)
{
  memset (d, 0, sizeof *d);
  d->sd.text = evl_document_get_text (doc, &d->sd.text_len);
  d->sd.tok = evl_document_get_tokens (doc, &d->sd.n_tok);
  cr_assert_leq (d->sd.n_tok, G_N_ELEMENTS (d->wid));
  for (guint i = 0; i < d->sd.n_tok; i++)
    {
      char key[EVL_STORY_KEY_CAP];
      gssize kl = evl_fold_key (d->sd.text + d->sd.tok[i].span.start, EVL_SPAN_LEN (d->sd.tok[i].span),
                                key, sizeof key);
      d->wid[i] = kl > 0 ? evl_story_word_id (tax, key, (gsize) kl) : EVL_W_UNKNOWN;
    }
  d->sd.wid = d->wid;
  d->sd.tok_dirty = d->dirty;
  d->sd.winfo = evl_story_word_info (tax, 0);
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    d->sd.next_masks[l] = evl_story_taxonomy_next_masks (tax, l);
}

Test (story, span_filter_never_rules_out_a_form)
{
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_get (ctx);
  cr_assert_not_null (tax);
  static const char *const lexicons[EVL_STORY_LEX_N] = { "en/factuality", "en/event-cues-story" };
  static const char *const before[] = { "", "Then " };
  static const char *const after[] = { "", " x", ".", ", y", " x.", "s" };
  guint matched = 0;
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    {
      const EvlLexicon *lex = evl_context_get_lexicon (ctx, lexicons[l]);
      g_autofree char *path = g_strdup_printf ("lexicons/%s.txt", lexicons[l]);
      GBytes *bytes = evl_context_get_data (ctx, path);
      cr_assert_not_null (lex);
      cr_assert_not_null (bytes);
      gsize len;
      const char *raw = g_bytes_get_data (bytes, &len);
      g_autofree char *copy = g_strndup (raw, len);
      g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);
      for (guint li = 0; lines[li]; li++)
        {
          if (lines[li][0] == '#' || lines[li][0] == '\0')
            continue;
          g_auto (GStrv) fields = g_strsplit (lines[li], "\t", 2);
          g_auto (GStrv) forms = g_strsplit (fields[0], "|", -1);
          for (guint f = 0; forms[f]; f++)
            for (guint b = 0; b < G_N_ELEMENTS (before); b++)
              for (guint a = 0; a < G_N_ELEMENTS (after); a++)
                {
                  g_autofree char *text = g_strdup_printf ("%s%s%s", before[b], g_strstrip (forms[f]), after[a]);
                  g_autoptr (EvlDocument) doc = make_doc (text);
                  SpanDoc d;
                  span_doc (&d, tax, doc);
                  guint i = b > 0 ? 1 : 0;
                  if (i >= d.sd.n_tok)
                    continue;
                  guint32 ok = evl_story_span_ok (&d.sd, l, i);
                  for (guint n = 1; i + n <= d.sd.n_tok; n++)
                    {
                      EvlSpan span = { d.sd.tok[i].span.start, d.sd.tok[i + n - 1].span.end };
                      if (evl_lexicon_lookup (lex, d.sd.text + span.start, EVL_SPAN_LEN (span)) == NULL)
                        continue;
                      matched++;
                      cr_assert (evl_story_span_allowed (ok, n), "'%s': %u tokens from %u match, ruled out",
                                 text, n, i);
                    }
                }
        }
    }
  cr_assert_gt (matched, 200);

  /* Spans that cannot match are ruled out. */
  static const struct { const char *text; EvlStoryLex lex; guint n; } out[] = {
    { "Putin said.", EVL_STORY_LEX_FACTUALITY, 2 },              /* 'said.' is one word */
    { "Kim said Russia is near.", EVL_STORY_LEX_FACTUALITY, 3 }, /* no 'said russia ...' */
    { "It is in the region now.", EVL_STORY_LEX_CUES, 4 },       /* no 'in the region now' */
    { "It is in the region now.", EVL_STORY_LEX_CUES, 3 },
  };
  for (guint c = 0; c < G_N_ELEMENTS (out); c++)
    {
      g_autoptr (EvlDocument) doc = make_doc (out[c].text);
      SpanDoc d;
      span_doc (&d, tax, doc);
      guint i = out[c].lex == EVL_STORY_LEX_CUES ? 2 : 1;
      guint32 ok = evl_story_span_ok (&d.sd, out[c].lex, i);
      cr_assert_not (evl_story_span_allowed (ok, out[c].n), "'%s': %u tokens from %u allowed", out[c].text,
                     out[c].n, i);
      cr_assert (evl_story_span_allowed (ok, 1), "'%s': the one-token span ruled out", out[c].text);
    }
}

/* ------------------------------------------- partial pipelines (needs) */

static gint
name_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The project's input/ *.txt, then up to @n_shared TimeML documents of
 * ../shared's TimeBank when it is there, unannotated. */
static GPtrArray *
needs_docs (guint n_shared)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  const char *root = g_getenv ("EVL_SOURCE_ROOT");
  cr_assert_not_null (root, "EVL_SOURCE_ROOT is not set");
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  g_autofree char *input = g_build_filename (root, "input", NULL);
  g_autofree char *timebank = shared ? g_build_filename (shared, "data", "timeml", "TimeBank", NULL) : NULL;
  const char *dirs[2] = { input, timebank };
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr (GDir) d = dirs[k] ? g_dir_open (dirs[k], 0, NULL) : NULL;
      if (d == NULL)
        continue;
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      while ((name = g_dir_read_name (d)) != NULL)
        if (g_str_has_suffix (name, k == 0 ? ".txt" : ".tml"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, name_cmp);
      for (guint i = 0; i < names->len && (k == 0 || i < n_shared); i++)
        {
          g_autofree char *path = g_build_filename (dirs[k], names->pdata[i], NULL);
          EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
          cr_assert (evl_source_load_file (path, &opts, docs, NULL), "%s", path);
        }
    }
  return docs;
}

static char *
timeml_of (EvlDocument *doc)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  cr_assert (evl_export_timeml (doc, mem, NULL));
  cr_assert (g_output_stream_write_all (mem, "", 1, NULL, NULL, NULL));
  cr_assert (g_output_stream_close (mem, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (mem));
}

static char *
tag_json_of (EvlDocument *doc)
{
  GString *s = g_string_new (NULL);
  evl_export_tag_json_line (s, doc);
  return g_string_free (s, FALSE);
}

/* What `tag` writes (TimeML; -f json and jsonl) comes out the same when
 * the pipeline computes only what the format needs.  The partial runs must
 * really leave out what the format does not write, and polarity and
 * modality must occur, or the comparison would prove nothing.  TimeML
 * asks for the anchors (its TLINKs read them), so its run appends the
 * implied events too. */
Test (story, partial_pipeline_writes_what_the_full_one_writes, .timeout = 300 * EVL_TIMEOUT_SCALE)
{
  g_autoptr (EvlContext) ctx = context ();
  /* Each document three times: annotated whole, for TimeML, for tag JSON. */
  g_autoptr (GPtrArray) docs = needs_docs (25);
  g_autoptr (GPtrArray) timeml_docs = needs_docs (25);
  g_autoptr (GPtrArray) tagged_docs = needs_docs (25);
  cr_assert_eq (timeml_docs->len, docs->len);
  const EvlPipelineNeeds json = EVL_PIPELINE_NEEDS_TIMEML | EVL_PIPELINE_NEEDS_TYPES
                                | EVL_PIPELINE_NEEDS_ANCHORS;
  guint unargued = 0, unreported = 0, factual = 0;
  for (guint i = 0; i < docs->len; i++)
    {
      EvlDocument *full = docs->pdata[i], *timeml = timeml_docs->pdata[i];
      EvlDocument *tagged = tagged_docs->pdata[i];
      evl_pipeline_annotate (ctx, full);
      /* As `tag` asks for TimeML: its TLINKs read the anchors. */
      evl_pipeline_annotate_for (ctx, timeml, EVL_PIPELINE_NEEDS_TIMEML | EVL_PIPELINE_NEEDS_ANCHORS);
      evl_pipeline_annotate_for (ctx, tagged, json);
      g_autofree char *want = timeml_of (full);
      g_autofree char *got = timeml_of (timeml);
      cr_assert_str_eq (got, want, "TimeML of %s", evl_document_get_id (full));
      g_autofree char *want_json = tag_json_of (full);
      g_autofree char *got_json = tag_json_of (tagged);
      cr_assert_str_eq (got_json, want_json, "tag JSON of %s", evl_document_get_id (full));

      guint nf, nt, nj;
      const EvlEventMention *f = evl_document_get_event_mentions (full, &nf);
      const EvlEventMention *t = evl_document_get_event_mentions (timeml, &nt);
      const EvlEventMention *j = evl_document_get_event_mentions (tagged, &nj);
      cr_assert_eq (nt, nf, "implied events: the anchors TimeML asks for append them");
      cr_assert_eq (nj, nf);
      for (guint k = 0; k < nt; k++)
        {
          unargued += f[k].agent >= 0 && j[k].agent < 0;
          unreported += (f[k].flags & EVL_EVENT_FLAG_REPORTED) && !(t[k].flags & EVL_EVENT_FLAG_REPORTED);
          factual += f[k].polarity == EVL_POLARITY_NEG || f[k].modality != NULL;
        }
    }
  cr_assert_gt (unargued, 0, "the tag JSON run found every agent: it skipped nothing");
  cr_assert_gt (unreported, 0, "the TimeML run applied reported speech: it skipped nothing");
  cr_assert_gt (factual, 0, "no negated or modal event: polarity and modality untested");
}

/* Anchoring reads where the entity mentions stand ('Steve Jobs, born in
 * San Francisco on February 24, 1955, has built': the date is the
 * appositive's), so a run for tag's anchors must fill that in, not read
 * what the thread's previous document left there. */
Test (story, partial_anchors_read_this_documents_mentions)
{
  g_autoptr (EvlContext) ctx = context ();
  const char *text = "Steve Jobs, born in San Francisco on February 24, 1955, has built a company.";
  /* the scratch first holds a whole annotation whose first mention starts
   * later than this text's */
  g_autoptr (EvlDocument) before = evl_document_new ("a", "On Monday, officials said Anna Novak and "
                                                     "Steve Jobs met in Paris.", -1, NULL);
  evl_document_set_dct (before, "2023-09-14", EVL_DCT_METADATA);
  evl_pipeline_annotate (ctx, before);
  g_autoptr (EvlDocument) partial = evl_document_new ("b", text, -1, NULL);
  evl_document_set_dct (partial, "2023-09-14", EVL_DCT_METADATA);
  evl_pipeline_annotate_for (ctx, partial, EVL_PIPELINE_NEEDS_TIMEML | EVL_PIPELINE_NEEDS_TYPES
                                           | EVL_PIPELINE_NEEDS_ANCHORS);
  g_autoptr (EvlDocument) full = evl_document_new ("c", text, -1, NULL);
  evl_document_set_dct (full, "2023-09-14", EVL_DCT_METADATA);
  evl_pipeline_annotate (ctx, full);
  guint np, nf;
  const EvlEventMention *p = evl_document_get_event_mentions (partial, &np);
  const EvlEventMention *f = evl_document_get_event_mentions (full, &nf);
  gboolean built = FALSE;
  for (guint k = 0; k < np && k < nf; k++)
    if (EVL_SPAN_LEN (f[k].span) == 5 && memcmp (text + f[k].span.start, "built", 5) == 0)
      {
        built = TRUE;
        cr_assert_eq (p[k].timex, f[k].timex, "built: timex %d, whole run %d", p[k].timex, f[k].timex);
        cr_assert_eq (p[k].anchor_method, f[k].anchor_method);
      }
  cr_assert (built, "no event 'built'");
}

/* The pipeline keeps no record of a partial annotation: asked for more
 * later, it annotates the document again, whole, as if fresh (implied
 * events are not appended twice). */
Test (story, partial_annotation_completes_when_more_is_asked, .timeout = 120 * EVL_TIMEOUT_SCALE)
{
  g_autoptr (EvlContext) ctx = context ();
  g_autoptr (GPtrArray) docs = needs_docs (0);
  GPtrArray *again[2] = { needs_docs (0), needs_docs (0) };
  const EvlPipelineNeeds partial[] = {
    EVL_PIPELINE_NEEDS_TIMEML,
    EVL_PIPELINE_NEEDS_TIMEML | EVL_PIPELINE_NEEDS_TYPES | EVL_PIPELINE_NEEDS_ANCHORS,
  };
  cr_assert_gt (docs->len, 0);
  for (guint i = 0; i < docs->len; i++)
    {
      EvlDocument *fresh = docs->pdata[i];
      evl_pipeline_annotate (ctx, fresh);
      g_autofree char *want = evl_document_to_json (fresh);
      for (guint p = 0; p < G_N_ELEMENTS (partial); p++)
        {
          EvlDocument *doc = again[p]->pdata[i];
          evl_pipeline_annotate_for (ctx, doc, partial[p]);
          g_autofree char *before = evl_document_to_json (doc);
          cr_assert_str_neq (before, want, "%s: the partial run left nothing out",
                             evl_document_get_id (doc));
          cr_assert_not (evl_document_get_annotated (doc));
          evl_pipeline_annotate (ctx, doc);
          g_autofree char *got = evl_document_to_json (doc);
          cr_assert_str_eq (got, want, "%s completed from needs %#x", evl_document_get_id (doc),
                            (guint) partial[p]);
        }
    }
  g_ptr_array_unref (again[0]);
  g_ptr_array_unref (again[1]);
}

/* ------------------------------------- attacks, blasts and word senses */

/* A blast or a strike is an attack by its cue words (a bomb, a terrorist,
 * force named), an accident by others (gas, a plant); a word's other
 * senses ('dealt a blow', 'a heart attack', 'a custody battle', 'fighting
 * to keep') are not the event its noun names elsewhere. */
ParameterizedTestParameters (story, typing_of_attacks_and_senses)
{
  static TypeCase cases[] = {
    { "A car bomb exploded outside the ministry on Monday.", "exploded", "explode", "PAST", "ATTACK", "18", 0 },
    { "Two bombs exploded near the station.", "exploded", "explode", "PAST", "ATTACK", "18", 0 },
    { "A gas explosion destroyed a bakery.", "explosion", "explosion", "NONE", "DISASTER", "", 0 },
    { "The boiler exploded at the factory.", "exploded", "explode", "PAST", "DISASTER", "", 0 },
    { "Prices exploded last year.", "exploded", "explode", "PAST", "OTHER", "", 0 },
    { "A terrorist blast shook the old town.", "blast", "blast", "NONE", "ATTACK", "18", 0 },
    { "The blast killed ten people.", "blast", "blast", "NONE", "DISASTER", "", 0 },
    { "The senator blasted the mayor for the delays.", "blasted", "blast", "PAST", "STATEMENT", "01", 0 },
    { "The bomb went off near a busy market.", "went", "go", "PAST", "ATTACK", "18", 0 },
    { "The fire alarm went off twice.", "went", "go", "PAST", "OTHER", "", 0 },
    { "Rebels blew up a bridge with explosives.", "blew", "blow", "PAST", "ATTACK", "18", 0 },
    { "Jets carried out air strikes on the depot.", "strikes", "strike", "NONE", "ATTACK", "18", 0 },
    { "The navy launched cruise missile strikes on the camps.", "launched", "launch", "PAST", "ATTACK", "18",
      0 },
    { "The navy launched two cruise missiles.", "launched", "launch", "PAST", "MISSILE_LAUNCH", "15", 0 },
    { "He ordered the strikes on the terrorist camps.", "strikes", "strike", "NONE", "ATTACK", "18", 0 },
    { "Terrorists attacked an army post.", "attacked", "attack", "PAST", "ATTACK", "18", 0 },
    { "The minister died of a heart attack.", "attack", "attack", "NONE", "OTHER", "", 0 },
    { "Gunmen opened fire on a bus.", "opened", "open", "PAST", "ATTACK", "18", 0 },
    { "Soldiers raided rebel positions at dawn.", "raided", "raid", "PAST", "ATTACK", "18", 0 },
    { "Police raided the house of a priest.", "raided", "raid", "PAST", "OTHER", "", 0 },
    { "The storm dealt a blow to the tourism industry.", "dealt", "deal", "PAST", "OTHER", "", 0 },
    { "A great deal of work remains.", "deal", "deal", "NONE", "OTHER", "", 0 },
    { "The suspect was held overnight in the county jail.", "jail", "jail", "NONE", "OTHER", "", 0 },
    { "The court ordered his immediate jail.", "jail", "jail", "NONE", "ARREST", "17", 0 },
    { "The two firms closed the deal on Friday.", "deal", "deal", "NONE", "AGREEMENT", "05", 0 },
    { "France asked for his extradition.", "extradition", "extradition", "NONE", "LEGAL_ACTION", "11", 0 },
    { "The family lost a bitter custody battle.", "battle", "battle", "NONE", "LEGAL_ACTION", "11", 0 },
    { "Her parents fought to keep the house.", "fought", "fight", "PAST", "OTHER", "", 0 },
    { "The police stepped up the fight against crime.", "fight", "fight", "NONE", "OTHER", "", 0 },
    { "Rebels fought government troops for the town.", "fought", "fight", "PAST", "CONFLICT", "19", 0 },
    { "The judge dismissed the lawsuit.", "dismissed", "dismiss", "PAST", "LEGAL_ACTION", "11", 0 },
    { "The spokesman dismissed the reports.", "dismissed", "dismiss", "PAST", "STATEMENT", "01", 0 },
    { "The president dismissed the finance minister.", "dismissed", "dismiss", "PAST", "APPOINTMENT", "", 0 },
    { "She signed a letter to the mayor.", "signed", "sign", "PAST", "OTHER", "", 0 },
    { "The minister welcomed the new policy.", "welcomed", "welcome", "PAST", "STATEMENT", "01", 0 },
    { "Thousands staged a rally in the capital.", "staged", "stage", "PAST", "PROTEST", "14", 0 },
    { "The volcano erupted on Sunday.", "erupted", "erupt", "PAST", "DISASTER", "", 0 },
    { "Fighting erupted in the capital.", "erupted", "erupt", "PAST", "OTHER", "", 0 },
    { "The party won the election by a landslide.", "landslide", "landslide", "NONE", "OTHER", "", 0 },
    { "Police obtained an arrest warrant.", "arrest", "arrest", "NONE", "OTHER", "", 0 },
    { "The cry became a battle cry.", "battle", "battle", "NONE", "OTHER", "", 0 },
  };
  return cr_make_param_array (TypeCase, cases, G_N_ELEMENTS (cases));
}

/* The type and CAMEO code the pipeline gives the @target'th of @n_ev
 * events added to @text (the others give it its document). */
static void
check_typed (const char *text, const DocTypeCase *evs, guint n_ev, guint target, const char *type,
             const char *cameo)
{
  g_autoptr (EvlDocument) doc = make_doc (text);
  guint k[G_N_ELEMENTS (evs->ev)];
  for (guint i = 0; i < n_ev; i++)
    k[i] = add_event (doc, evs->ev[i].trigger, evs->ev[i].nth, evs->ev[i].lemma,
                      EVL_EVENT_CLASS_OCCURRENCE, evs->ev[i].tense);
  guint n;
  const EvlEventMention *e = &annotate (doc, &n)[k[target]];
  cr_assert_eq (n, n_ev, "%s: %u events", text, n);
  cr_assert_str_eq (e->type, type, "%s: got %s", text, e->type);
  if (cameo && cameo[0])
    cr_assert_str_eq (e->cameo, cameo, "%s", text);
  else if (cameo)
    cr_assert_null (e->cameo, "%s: cameo %s", text, e->cameo);
}

ParameterizedTest (TypeCase *c, story, typing_of_attacks_and_senses)
{
  DocTypeCase one = { .target = 0 };
  g_strlcpy (one.ev[0].trigger, c->trigger, sizeof one.ev[0].trigger);
  g_strlcpy (one.ev[0].lemma, c->lemma, sizeof one.ev[0].lemma);
  g_strlcpy (one.ev[0].tense, c->tense, sizeof one.ev[0].tense);
  check_typed (c->text, &one, 1, 0, c->type, c->cameo);
}

/* 'The blast' with harm only is a disaster until the story's blasts say
 * what set them off: a bomb's story makes it the attack, a gas leak's the
 * accident ('provisional' keeps the noun open to the document). */
ParameterizedTestParameters (story, blast_typed_by_document)
{
  static DocTypeCase cases[] = {
    { "A bomb blast hit the embassy on Friday. The blast killed ten people.",
      { { "blast", 0, "blast", "NONE" }, { "blast", 1, "blast", "NONE" } }, 1, "ATTACK", 0 },
    { "A gas blast hit the mine on Friday. The blast killed ten people.",
      { { "blast", 0, "blast", "NONE" }, { "blast", 1, "blast", "NONE" } }, 1, "DISASTER", 0 },
    { "Two bombs exploded in the city. An explosion near the port was heard.",
      { { "exploded", 0, "explode", "PAST" }, { "explosion", 0, "explosion", "NONE" } }, 1, "ATTACK", 0 },
    /* a verb is no name of the story's event */
    { "A bomb blast hit the embassy on Friday. The crowd exploded in anger.",
      { { "blast", 0, "blast", "NONE" }, { "exploded", 0, "explode", "PAST" } }, 1, "OTHER", 0 },
  };
  return cr_make_param_array (DocTypeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (DocTypeCase *c, story, blast_typed_by_document)
{
  guint n_ev = 0;
  while (n_ev < G_N_ELEMENTS (c->ev) && c->ev[n_ev].trigger[0])
    n_ev++;
  check_typed (c->text, c, n_ev, c->target, c->type, NULL);
}

/* 'provisional' marks a context rule; on an unconditional rule the
 * taxonomy is refused. */
Test (story, taxonomy_provisional_marker)
{
  static const struct { const char *line; gboolean ok; } cases[] = {
    { "trigger\tzorble\tVISIT\tspace\t-\t-\tprovisional\n", TRUE },
    { "trigger\tzorble\tVISIT\t-\t-\t-\tprovisional\n", FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("type\tVISIT\t-\tv\t0.1\tno\tx\n"
                                               "type\tOTHER\t-\tother\t0.1\tno\tx\n"
                                               "context\tspace\torbit\n%s", cases[i].line);
      g_autofree char *dir = story_data_dir (text);
      GError *error = NULL;
      g_autoptr (EvlContext) ctx = evl_context_new_with_data_dir (dir, &error);
      cr_assert_not_null (ctx, "%s", error ? error->message : "");
      g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_new (ctx, &error);
      if (cases[i].ok)
        {
          cr_assert_not_null (tax, "%s", error ? error->message : "");
          const EvlStoryWordInfo *w = evl_story_word_info (tax, evl_story_word_id (tax, "zorble", 6));
          cr_assert (tax->rules[w->rules].flags & EVL_STORY_RULE_PROVISIONAL);
          cr_assert_not (tax->rules[w->rules].flags & EVL_STORY_RULE_DOCUMENT);
        }
      else
        {
          cr_assert_null (tax, "%s: accepted", cases[i].line);
          cr_assert_eq (error->code, EVL_ERROR_PARSE);
          g_clear_error (&error);
        }
      remove_story_data_dir (dir);
    }
}

/* ------------------------------------------- a verb's date is its own */

/* A day named next to a verb ('Tuesday condemned', 'condemned ... on
 * Tuesday') dates that verb; a noun of its object or complement, or one
 * after 'for', 'to', 'since', 'over' (and 'following' or 'after' before a
 * happening told of before), is an earlier or other happening and does
 * not take it.  The noun's own date ('the bombing on Tuesday', "Tuesday's
 * bombing"), a subject ('the talks Tuesday ended'), the object of a verb
 * that performs it ('held talks on Tuesday') and a coarser date keep it.
 * DCT 2023-09-14, a Thursday. */
typedef struct {
  char surface[16];
  char lemma[16];
  EvlEventClass klass;
  char tense[12];
} ForeignEvent;

typedef struct {
  char text[128];
  char dct[12];
  char timex[12], value[12];     /* the date under test */
  char timex2[12], value2[12];   /* another date of the sentence, or "" */
  ForeignEvent ev[4];            /* ev[0] is the event under test */
  gboolean dated;                /* ev[0] anchored to the date under test */
} ForeignDateCase;

#define FE_NOUN(s, l) { s, l, EVL_EVENT_CLASS_OCCURRENCE, "NONE" }
#define FE_PAST(s, l) { s, l, EVL_EVENT_CLASS_OCCURRENCE, "PAST" }

ParameterizedTestParameters (story, a_verbs_date_is_not_its_objects)
{
  static ForeignDateCase cases[] = {
    /* a date in the 'that' clause a verb takes, after the clause's own
     * verb, is that verb's; a relative's 'that' after a noun is no such
     * clause */
    { "The chief executive denied that he had known about the breach before Sept. 20.", "2023-10-01",
      "Sept. 20", "2023-09-20", "", "", { FE_PAST ("denied", "deny"), FE_PAST ("known", "know") }, FALSE },
    { "Officials concluded that the man fired the shots that killed a doctor in August.", "2023-09-14",
      "August", "2023-08", "", "",
      { FE_PAST ("fired", "fire"), FE_PAST ("killed", "kill"), FE_PAST ("concluded", "conclude") }, TRUE },
    /* a reduced relative's participle after a preposition of grounds
     * has no part in the main verb's date; after 'at' (a venue) it shares
     * it */
    { "The government freed prisoners on Tuesday under the truce agreed in Muscat.", "2023-09-14", "Tuesday",
      "2023-09-12", "", "", { FE_PAST ("agreed", "agree"), FE_PAST ("freed", "free") }, FALSE },
    { "The firm appealed on Tuesday against the fine imposed by the regulator.", "2023-09-14", "Tuesday",
      "2023-09-12", "", "", { FE_PAST ("imposed", "impose"), FE_PAST ("appealed", "appeal") }, FALSE },
    { "The minister spoke on Tuesday at a ceremony held in the capital.", "2023-09-14", "Tuesday",
      "2023-09-12", "", "", { FE_PAST ("held", "hold"), FE_PAST ("spoke", "speak") }, TRUE },
    /* a participle after a comma takes its verb's date */
    { "The volcano erupted on Thursday, spewing lava.", "2023-09-14", "Thursday", "2023-09-07", "", "",
      { { "spewing", "spew", EVL_EVENT_CLASS_OCCURRENCE, "PRESPART" }, FE_PAST ("erupted", "erupt") }, TRUE },
    /* the object of a statement, the date before the verb or after the object */
    { "The council Tuesday condemned the shelling of the port.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { FE_NOUN ("shelling", "shelling"), FE_PAST ("condemned", "condemn") }, FALSE },
    { "The council condemned the shelling of the port on Tuesday and urged calm.", "2023-09-14", "Tuesday",
      "2023-09-12", "", "", { FE_NOUN ("shelling", "shelling"), FE_PAST ("condemned", "condemn") }, FALSE },
    /* the verb itself keeps its date */
    { "The council Tuesday condemned the shelling of the port.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { FE_PAST ("condemned", "condemn"), FE_NOUN ("shelling", "shelling") }, TRUE },
    /* 'to', 'for', 'since' */
    { "Mourners paid tribute on Tuesday to the victims of the crash.", "2023-09-14", "Tuesday", "2023-09-12", "",
      "", { FE_NOUN ("crash", "crash"), FE_PAST ("paid", "pay") }, FALSE },
    { "The governor vowed on Tuesday to punish those responsible for the riots.", "2023-09-14", "Tuesday",
      "2023-09-12", "", "",
      { FE_NOUN ("riots", "riot"), { "vowed", "vow", EVL_EVENT_CLASS_I_ACTION, "PAST" },
        { "punish", "punish", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE" } }, FALSE },
    { "Guards left the city on Tuesday amid threats since the riots.", "2023-09-14", "Tuesday", "2023-09-12", "",
      "", { FE_NOUN ("riots", "riot"), FE_PAST ("left", "leave") }, FALSE },
    /* 'following' a happening told of before, and the clause that tells of it */
    { "Floods hit the valley. The mayor met aides on Tuesday following the floods.", "2023-09-14", "Tuesday",
      "2023-09-12", "", "", { FE_NOUN ("floods", "flood"), FE_PAST ("met", "meet"), FE_NOUN ("Floods", "flood") },
      FALSE },
    { "Floods hit the valley. The mayor met aides on Tuesday following the floods, which killed nine people.",
      "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { FE_PAST ("killed", "kill"), FE_PAST ("met", "meet"), FE_NOUN ("floods", "flood"), FE_NOUN ("Floods", "flood") },
      FALSE },
    /* a bare 'after' may be the same day */
    { "Workers walked out on Tuesday after talks broke down.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { FE_NOUN ("talks", "talk"), FE_PAST ("walked", "walk"), FE_PAST ("broke", "break") }, TRUE },
    /* a later 'after' clause with a subject of its own dates its verb,
     * unless a word puts the two close */
    { "The storm killed nine people, police said, after two more bodies were found on Tuesday.", "2023-09-14",
      "Tuesday", "2023-09-12", "", "",
      { FE_PAST ("killed", "kill"), { "said", "say", EVL_EVENT_CLASS_REPORTING, "PAST" }, FE_PAST ("found", "find") },
      FALSE },
    { "The guard was shot shortly after he returned home on Tuesday.", "2023-09-14", "Tuesday", "2023-09-12", "",
      "", { FE_PAST ("shot", "shoot"), FE_PAST ("returned", "return") }, TRUE },
    /* a noun that modifies another inside an event noun's object: the
     * date after the phrase is the head event's */
    { "The party filed a challenge to the election result on Tuesday.", "2023-09-14", "Tuesday", "2023-09-12", "",
      "", { FE_NOUN ("election", "election"), FE_NOUN ("challenge", "challenge"), FE_PAST ("filed", "file") },
      FALSE },
    { "The party filed a challenge to the election result on Tuesday.", "2023-09-14", "Tuesday", "2023-09-12", "",
      "", { FE_NOUN ("challenge", "challenge"), FE_NOUN ("election", "election"), FE_PAST ("filed", "file") },
      TRUE },
    /* a strike voted for comes later; an approval voted is the vote */
    { "Union members voted on Tuesday to strike at the port.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { { "strike", "strike", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE" }, FE_PAST ("voted", "vote") }, FALSE },
    { "Union members voted on Tuesday to approve the deal.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { { "approve", "approve", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE" }, FE_PAST ("voted", "vote") }, TRUE },
    /* a noun of a reported clause with its own verb */
    { "Officials said on Tuesday that the shelling had damaged the port.", "2023-09-14", "Tuesday", "2023-09-12",
      "", "",
      { FE_NOUN ("shelling", "shelling"), { "said", "say", EVL_EVENT_CLASS_REPORTING, "PAST" },
        FE_PAST ("damaged", "damage") }, FALSE },
    /* the noun's own date */
    { "The bombing on Tuesday killed eight people.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { FE_NOUN ("bombing", "bombing"), FE_PAST ("killed", "kill") }, TRUE },
    { "Tuesday's bombing killed eight people.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { FE_NOUN ("bombing", "bombing"), FE_PAST ("killed", "kill") }, TRUE },
    { "The council Monday condemned the shelling on Tuesday.", "2023-09-14", "Tuesday", "2023-09-12", "Monday",
      "2023-09-11", { FE_NOUN ("shelling", "shelling"), FE_PAST ("condemned", "condemn") }, TRUE },
    /* a subject, and the object of a verb that performs it */
    { "The talks Tuesday ended without a deal.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { FE_NOUN ("talks", "talk"), { "ended", "end", EVL_EVENT_CLASS_ASPECTUAL, "PAST" } }, TRUE },
    { "Rebels launched an attack on the port on Tuesday.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { FE_NOUN ("attack", "attack"), FE_PAST ("launched", "launch") }, TRUE },
    { "Rebels held talks with envoys on Tuesday.", "2023-09-14", "Tuesday", "2023-09-12", "", "",
      { FE_NOUN ("talks", "talk"), FE_PAST ("held", "hold") }, TRUE },
    /* a month is a span the object more often shares */
    { "The council condemned the shelling of the port in May.", "2023-09-14", "May", "2023-05", "", "",
      { FE_NOUN ("shelling", "shelling"), FE_PAST ("condemned", "condemn") }, TRUE },
  };
  return cr_make_param_array (ForeignDateCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (ForeignDateCase *c, story, a_verbs_date_is_not_its_objects)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  evl_document_set_dct (doc, c->dct, EVL_DCT_METADATA);
  gint32 x = (gint32) add_timex (doc, c->timex, EVL_TIMEX_DATE, c->value);
  if (c->timex2[0])
    add_timex (doc, c->timex2, EVL_TIMEX_DATE, c->value2);
  guint k = 0;
  for (guint i = 0; i < G_N_ELEMENTS (c->ev) && c->ev[i].surface[0]; i++)
    {
      guint id = add_event (doc, c->ev[i].surface, 0, c->ev[i].lemma, c->ev[i].klass, c->ev[i].tense);
      if (i == 0)
        k = id;
    }
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  gboolean dated = ev[k].timex == x && (ev[k].anchor_method == EVL_ANCHOR_CLAUSE
                                        || ev[k].anchor_method == EVL_ANCHOR_SENTENCE);
  cr_assert_eq (dated, c->dated, "%s: '%s' %s %s (method %s, timex %d)", c->text, c->ev[0].surface,
                c->dated ? "lost" : "took", c->timex, evl_anchor_method_to_string (ev[k].anchor_method),
                ev[k].timex);
}

/* 'Police imposed a curfew on Monday, a day after troops opened fire,
 * killing 14 people': the killing is the firing's, an offset before the
 * curfew's Monday; the Monday of the clause before the 'after' is no
 * more the participle's than it is the firing's: it goes with the
 * firing.  Without the 'after' clause the main verb's date stands. */
Test (story, a_participle_after_an_offset_clause_takes_no_earlier_date)
{
  static const struct {
    const char *text;
    gboolean dated;
  } rows[] = {
    { "Police imposed a curfew on Monday, a day after troops opened fire, killing 14 people.", FALSE },
    { "On Monday, troops opened fire on the crowd, killing 14 people.", TRUE },
  };
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autoptr (EvlDocument) doc = make_doc (rows[r].text);
      gint32 x = (gint32) add_timex (doc, "Monday", EVL_TIMEX_DATE, "2023-09-11");
      if (strstr (rows[r].text, "a day"))
        add_timex (doc, "a day", EVL_TIMEX_DURATION, "P1D");
      guint k = add_event (doc, "killing", 0, "kill", EVL_EVENT_CLASS_OCCURRENCE, "PRESPART");
      if (strstr (rows[r].text, "imposed"))
        add_event (doc, "imposed", 0, "impose", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
      guint o = add_event (doc, "opened", 0, "open", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
      guint n;
      const EvlEventMention *ev = annotate (doc, &n);
      cr_assert_eq (ev[k].timex == x, rows[r].dated, "%s: method %s, timex %d", rows[r].text,
                    evl_anchor_method_to_string (ev[k].anchor_method), ev[k].timex);
      /* (kept off the date, it goes with the firing) */
      if (!rows[r].dated)
        cr_assert (ev[k].anchor_method == EVL_ANCHOR_CUE && ev[k].cue_event == (gint32) o
                   && ev[k].cue_rel == EVL_REL_SIMULTANEOUS, "%s: method %s", rows[r].text,
                   evl_anchor_method_to_string (ev[k].anchor_method));
    }
}

/* 'Two days after the flood, officials on Tuesday reopened the road': a
 * date after the event, in another clause, is the other event's, a
 * duration away, as one before the 'after' is; one of the event's own
 * clause stays ('months before he entered office in May'). */
Test (story, a_duration_after_keeps_the_later_clauses_date_off)
{
  static const struct {
    const char *text, *duration, *timex, *value, *trigger, *lemma, *tense;
    gboolean dated;
  } cases[] = {
    { "Two days after the flood, officials on Tuesday reopened the road.", "Two days", "Tuesday", "2023-09-12",
      "flood", "flood", "NONE", FALSE },
    { "She spoke to him months before he entered office in May.", "months", "May", "2023-05", "entered", "enter",
      "PAST", TRUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlDocument) doc = make_doc (cases[i].text);
      gint32 x = (gint32) add_timex (doc, cases[i].timex, EVL_TIMEX_DATE, cases[i].value);
      add_timex (doc, cases[i].duration, EVL_TIMEX_DURATION, "P2D");
      guint k = add_event (doc, cases[i].trigger, 0, cases[i].lemma, EVL_EVENT_CLASS_OCCURRENCE, cases[i].tense);
      add_event (doc, i == 0 ? "reopened" : "spoke", 0, i == 0 ? "reopen" : "speak", EVL_EVENT_CLASS_OCCURRENCE,
                 "PAST");
      guint n;
      const EvlEventMention *ev = annotate (doc, &n);
      cr_expect_eq (ev[k].timex == x, cases[i].dated, "%s: timex %d", cases[i].text, ev[k].timex);
    }
}

/* ------------------------ attempts, sentences, launches and word senses */

/* A word governing the event's word ('tried to kill', 'a plot to kill',
 * 'sentenced to death', 'escaped death') says whether it happened: an
 * attempt is an attack, a plot, a threat or a sentence no death.  A launch
 * is a release with a product only; a verbal attack is a statement, a
 * market rally no protest; talking about a matter no meeting, 'backed by'
 * no statement, rhetoric flying no trip, a ban at home no sanction, a
 * budget unveiled an announcement.  Military words in a later clause are
 * its own event's ('after the embassy bombing in the capital, army troops
 * struck'). */
ParameterizedTestParameters (story, typing_of_governed_events_and_senses)
{
  static TypeCase cases[] = {
    { "Gunmen tried to kill the mayor on Monday.", "kill", "kill", "INFINITIVE", "ATTACK", "18", 0 },
    { "There were two attempts to kill the king.", "kill", "kill", "INFINITIVE", "ATTACK", "18", 0 },
    { "He survived an assassination attempt in May.", "assassination", "assassination", "NONE", "ATTACK",
      "18", 0 },
    { "He was charged with attempted murder.", "murder", "murder", "NONE", "ATTACK", "18", 0 },
    { "Police found a plot to assassinate the judge.", "assassinate", "assassinate", "INFINITIVE", "OTHER", "",
      0 },
    { "The man threatened to kill his neighbour.", "kill", "kill", "INFINITIVE", "OTHER", "", 0 },
    { "Gunmen killed the mayor on Monday.", "killed", "kill", "PAST", "DEATH", "", 0 },
    { "Her mother died in a failed attempt to cross the sea.", "died", "die", "PAST", "DEATH", "", 0 },
    { "Four men were sentenced to death on Friday.", "death", "death", "NONE", "OTHER", "", 0 },
    { "He faces the death penalty.", "death", "death", "NONE", "OTHER", "", 0 },
    { "He faces the death penalty.", "penalty", "penalty", "NONE", "LEGAL_ACTION", "11", 0 },
    { "The pilot narrowly escaped death.", "death", "death", "NONE", "OTHER", "", 0 },
    { "Police launched an appeal for witnesses.", "launched", "launch", "PAST", "OTHER", "", 0 },
    { "The ministry announced the launch of an inquiry.", "launch", "launch", "NONE", "OTHER", "", 0 },
    { "The studio launched a new film in June.", "launched", "launch", "PAST", "RELEASE", "", 0 },
    { "Rebels launched an offensive on the town.", "launched", "launch", "PAST", "CONFLICT", "19", 0 },
    { "The senator attacked the government's plan.", "attacked", "attack", "PAST", "STATEMENT", "01", 0 },
    { "She launched a scathing attack on the minister.", "attack", "attack", "NONE", "STATEMENT", "01", 0 },
    { "He attacked the president's record on jobs.", "attacked", "attack", "PAST", "STATEMENT", "01", 0 },
    { "It was the deadliest attack on record.", "attack", "attack", "NONE", "ATTACK", "18", 0 },
    { "The dollar rallied against the yen.", "rallied", "rally", "PAST", "OTHER", "", 0 },
    { "Stocks rallied in late trading.", "rallied", "rally", "PAST", "OTHER", "", 0 },
    { "Thousands rallied against the government.", "rallied", "rally", "PAST", "PROTEST", "14", 0 },
    { "Party members rallied behind the leader.", "rallied", "rally", "PAST", "OTHER", "", 0 },
    { "The minister was talking about the budget.", "talking", "talk", "PRESPART", "OTHER", "", 0 },
    { "The rebels agreed to talk with the envoy.", "talk", "talk", "INFINITIVE", "MEETING", "04", 0 },
    { "The mayor, backed by the unions, won.", "backed", "back", "PAST", "OTHER", "", 0 },
    { "Most countries backed the motion.", "backed", "back", "PAST", "STATEMENT", "01", 0 },
    { "The minister flew to Paris on Monday.", "flew", "fly", "PAST", "VISIT", "04", 0 },
    { "Angry words were flying between the two capitals.", "flying", "fly", "PRESPART", "OTHER", "", 0 },
    { "The king welcomed the president at the airport.", "welcomed", "welcome", "PAST", "VISIT", "04", 0 },
    { "New members are welcome to join the club.", "welcome", "welcome", "NONE", "OTHER", "", 0 },
    { "The union imposed a ban on beef imports.", "ban", "ban", "NONE", "SANCTION", "16", 0 },
    { "The city banned traffic in the old town.", "banned", "ban", "PAST", "OTHER", "", 0 },
    { "The minister unveiled the new budget.", "unveiled", "unveil", "PAST", "STATEMENT", "01", 0 },
    { "The company unveiled a new phone.", "unveiled", "unveil", "PAST", "RELEASE", "", 0 },
    /* military words in a later clause are its own event's */
    { "Days after the embassy bombing in the capital, army troops struck the camps.", "bombing", "bombing",
      "NONE", "ATTACK", "18", 0 },
    { "The army bombing of the town lasted a week.", "bombing", "bombing", "NONE", "CONFLICT", "19", 0 },
  };
  return cr_make_param_array (TypeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (TypeCase *c, story, typing_of_governed_events_and_senses)
{
  DocTypeCase one = { .target = 0 };
  g_strlcpy (one.ev[0].trigger, c->trigger, sizeof one.ev[0].trigger);
  g_strlcpy (one.ev[0].lemma, c->lemma, sizeof one.ev[0].lemma);
  g_strlcpy (one.ev[0].tense, c->tense, sizeof one.ev[0].tense);
  check_typed (c->text, &one, 1, 0, c->type, c->cameo);
}

/* 'Nine were killed, officials said Tuesday': a date in an attribution
 * that closes the sentence is the saying's, not that of the past events
 * reported before it (a present or a modal shares it: 'the towns now
 * share a mayor, officials said Tuesday'); 'as of Tuesday' dates a tally,
 * not the events its noun phrase tells of; a duration before an 'after'
 * five words before the noun keeps the later date off it as well, and so
 * do a 'but' clause with a verb of its own and a 'since' clause.  DCT
 * 2023-09-14, a Thursday. */
typedef struct {
  char surface[16], lemma[16];
  EvlEventClass klass;
  char tense[12], aspect[12];
} ReportedEvent;

typedef struct {
  char text[112];
  char timex[16], value[20];  /* the date under test */
  char duration[16];          /* a duration of the sentence, or "" */
  ReportedEvent ev[4];        /* ev[0] is the event under test */
  gboolean dated;
} ReportedDateCase;

#define RE_NOUN(s, l) { s, l, EVL_EVENT_CLASS_OCCURRENCE, "NONE", "NONE" }
#define RE_PAST(s, l) { s, l, EVL_EVENT_CLASS_OCCURRENCE, "PAST", "NONE" }
#define RE_SAID { "said", "say", EVL_EVENT_CLASS_REPORTING, "PAST", "NONE" }

ParameterizedTestParameters (story, a_reports_date_is_not_the_reported_events)
{
  static ReportedDateCase cases[] = {
    /* what one plans or hopes to do comes after the saying's date, not
     * after a date that opens the sentence */
    { "Chirac said on Monday he plans to travel to Beijing.", "Monday", "2023-09-11", "",
      { { "travel", "travel", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE", "NONE" }, RE_SAID,
        { "plans", "plan", EVL_EVENT_CLASS_I_STATE, "PRESENT", "NONE" } }, FALSE },
    { "On Monday, the league plans to hold a news conference.", "Monday", "2023-09-11", "",
      { { "hold", "hold", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE", "NONE" },
        { "plans", "plan", EVL_EVENT_CLASS_I_STATE, "PRESENT", "NONE" } }, TRUE },
    /* a future comes after the saying */
    { "Kim will visit Moscow for talks, an official said Thursday.", "Thursday", "2023-09-14", "",
      { { "visit", "visit", EVL_EVENT_CLASS_OCCURRENCE, "FUTURE", "NONE" }, RE_SAID }, FALSE },
    { "Nine people were killed, officials said Tuesday.", "Tuesday", "2023-09-12", "",
      { RE_PAST ("killed", "kill"), RE_SAID }, FALSE },
    { "Nine people were killed, officials said as dawn broke Tuesday.", "Tuesday", "2023-09-12", "",
      { RE_PAST ("killed", "kill"), RE_SAID, RE_PAST ("broke", "break") }, FALSE },
    { "The toll in the flood, first nine, has risen to twelve, officials said Tuesday.", "Tuesday", "2023-09-12",
      "", { RE_NOUN ("flood", "flood"), { "risen", "rise", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", "PERFECTIVE" },
            RE_SAID }, FALSE },
    /* the saying keeps it, and so does a present */
    { "Nine people were killed, officials said Tuesday.", "Tuesday", "2023-09-12", "",
      { RE_SAID, RE_PAST ("killed", "kill") }, TRUE },
    { "The two towns now share a mayor, officials said Tuesday.", "Tuesday", "2023-09-12", "",
      { { "share", "share", EVL_EVENT_CLASS_STATE, "PRESENT", "NONE" }, RE_SAID }, TRUE },
    /* an attribution that goes on reports what follows it */
    { "After the storm passed, officials said Tuesday they had reopened the road.", "Tuesday", "2023-09-12", "",
      { RE_PAST ("passed", "pass"), RE_SAID, RE_PAST ("reopened", "reopen") }, TRUE },
    /* 'as of' */
    { "The latest tallies as of Tuesday for the victims of the floods follow.", "Tuesday", "2023-09-12", "",
      { RE_NOUN ("floods", "flood") }, FALSE },
    { "Shares were down five percent as of Tuesday's close.", "Tuesday", "2023-09-12", "",
      { RE_NOUN ("close", "close") }, TRUE },
    { "Many songs had been sold by then, and as of May the store holds the lead.", "May", "2023-05", "",
      { RE_PAST ("sold", "sell"), { "holds", "hold", EVL_EVENT_CLASS_STATE, "PRESENT", "NONE" } }, FALSE },
    /* 'after' farther before the noun */
    { "Nine days after the deadly river floods, the army on Tuesday reopened the road.", "Tuesday", "2023-09-12",
      "Nine days", { RE_NOUN ("floods", "flood"), RE_PAST ("reopened", "reopen") }, FALSE },
    { "The army on Tuesday reopened the road after the deadly river floods.", "Tuesday", "2023-09-12", "",
      { RE_NOUN ("floods", "flood"), RE_PAST ("reopened", "reopen") }, TRUE },
    /* a 'but' clause with a verb of its own */
    { "Agents came to study the bombings but there was no word on Tuesday of any leads.", "Tuesday", "2023-09-12",
      "", { RE_NOUN ("bombings", "bombing"), RE_PAST ("came", "come") }, FALSE },
    { "The bombings happened miles apart but minutes apart on Tuesday.", "Tuesday", "2023-09-12", "",
      { RE_NOUN ("bombings", "bombing"), RE_PAST ("happened", "happen") }, TRUE },
    /* ... and so is the first clause's verb's, finite or not */
    { "His captors demanded a ransom, but the talks broke off at noon on Tuesday.", "Tuesday", "2023-09-12", "",
      { RE_PAST ("demanded", "demand"), RE_PAST ("broke", "break") }, FALSE },
    { "No one confirmed the plan to free the men, but the envoy has called a meeting on Tuesday.", "Tuesday",
      "2023-09-12", "", { { "free", "free", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE", "NONE" },
                          { "called", "call", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", "PERFECTIVE" } }, FALSE },
    { "His captors demanded a ransom, but the talks broke off at noon on Tuesday.", "Tuesday", "2023-09-12", "",
      { RE_PAST ("broke", "break"), RE_PAST ("demanded", "demand") }, TRUE },
    /* a 'since' clause's date starts the state before it */
    { "The boy has been the focus of a custody fight since he was rescued at sea on Tuesday.", "Tuesday",
      "2023-09-12", "", { RE_NOUN ("fight", "fight"), RE_PAST ("rescued", "rescue") }, FALSE },
    { "The boy has been the focus of a custody fight since he was rescued at sea on Tuesday.", "Tuesday",
      "2023-09-12", "", { RE_PAST ("rescued", "rescue"), RE_NOUN ("fight", "fight") }, TRUE },
    /* a 'who' clause's date is its own */
    { "Crowds paid tribute to the men who won the cup two years ago at a rally.", "two years ago", "2021", "",
      { RE_PAST ("won", "win"), RE_PAST ("paid", "pay") }, TRUE },
    { "They await a ruling on the case, which is due on Tuesday.", "Tuesday", "2023-09-12", "",
      { RE_NOUN ("ruling", "ruling"), { "await", "await", EVL_EVENT_CLASS_I_STATE, "PRESENT", "NONE" } }, TRUE },
    /* a date right after a saying that a report follows is the saying's:
     * a past or a past perfect reported after it happened before */
    { "The envoy said Tuesday that the army raided two villages.", "Tuesday", "2023-09-12", "",
      { RE_PAST ("raided", "raid"), RE_SAID }, FALSE },
    { "The envoy said Tuesday that the army raided two villages.", "Tuesday", "2023-09-12", "",
      { RE_SAID, RE_PAST ("raided", "raid") }, TRUE },
    { "Police told reporters on Tuesday the driver fled north.", "Tuesday", "2023-09-12", "",
      { RE_PAST ("fled", "flee"), { "told", "tell", EVL_EVENT_CLASS_REPORTING, "PAST", "NONE" } }, FALSE },
    { "The envoy said Tuesday the rebels had seized the bridge.", "Tuesday", "2023-09-12", "",
      { { "seized", "seize", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "PERFECTIVE" }, RE_SAID }, FALSE },
    /* a state or a progressive may be a present put back; a past form
     * before the clause's verb modifies its subject; the saying's own
     * next verb shares its date */
    { "The envoy said Tuesday that she regretted the delay.", "Tuesday", "2023-09-12", "",
      { { "regretted", "regret", EVL_EVENT_CLASS_I_STATE, "PAST", "NONE" }, RE_SAID }, TRUE },
    { "The envoy said Tuesday that the sides were holding talks.", "Tuesday", "2023-09-12", "",
      { { "holding", "hold", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "PROGRESSIVE" }, RE_SAID }, TRUE },
    { "Police confirmed Tuesday that the car found near the river belonged to him.", "Tuesday", "2023-09-12", "",
      { RE_PAST ("found", "find"), { "confirmed", "confirm", EVL_EVENT_CLASS_REPORTING, "PAST", "NONE" },
        { "belonged", "belong", EVL_EVENT_CLASS_STATE, "PAST", "NONE" } }, TRUE },
    { "The envoy said Tuesday that talks failed but insisted on a deal.", "Tuesday", "2023-09-12", "",
      { { "insisted", "insist", EVL_EVENT_CLASS_REPORTING, "PAST", "NONE" }, RE_SAID, RE_PAST ("failed", "fail") },
      TRUE },
    { "The envoy said Tuesday that talks failed but did not say why.", "Tuesday", "2023-09-12", "",
      { { "say", "say", EVL_EVENT_CLASS_REPORTING, "PAST", "NONE" }, RE_SAID, RE_PAST ("failed", "fail") }, TRUE },
    /* a temporal clause in the report may share the day */
    { "The envoy said Tuesday the army would withdraw after it met the rebels.", "Tuesday", "2023-09-12", "",
      { RE_PAST ("met", "meet"), RE_SAID }, TRUE },
  };
  return cr_make_param_array (ReportedDateCase, cases, G_N_ELEMENTS (cases));
}

/* Annotates case @c and checks whether its first event is dated by its
 * timex. */
static void
check_reported_date (const ReportedDateCase *c)
{
  g_autoptr (EvlDocument) doc = make_doc (c->text);
  gint32 x = (gint32) add_timex (doc, c->timex, EVL_TIMEX_DATE, c->value);
  if (c->duration[0])
    add_timex (doc, c->duration, EVL_TIMEX_DURATION, "P9D");
  guint k = 0;
  for (guint i = 0; i < G_N_ELEMENTS (c->ev) && c->ev[i].surface[0]; i++)
    {
      const ReportedEvent *e = &c->ev[i];
      guint id = add_event_aspect (doc, e->surface, 0, e->lemma, e->klass, e->tense, e->aspect);
      if (i == 0)
        k = id;
    }
  guint n;
  const EvlEventMention *e = &annotate (doc, &n)[k];
  gboolean by_date = e->anchor_method == EVL_ANCHOR_CLAUSE || e->anchor_method == EVL_ANCHOR_SENTENCE;
  cr_assert_eq (by_date && e->timex == x, c->dated, "%s: '%s' should%s be dated %s (%s, timex %d)", c->text,
                c->ev[0].surface, c->dated ? "" : " not", c->timex, evl_anchor_method_to_string (e->anchor_method),
                e->timex);
}

ParameterizedTest (ReportedDateCase *c, story, a_reports_date_is_not_the_reported_events)
{
  check_reported_date (c);
}

/* A date of another part of the sentence is not the event's: a
 * saying's date stands next to it, not in what it reports or in the
 * report an attribution closes, nor is it that of a noun the clause
 * answers for ('responsible for the death'); a date inside an aside set
 * off by dashes is the aside's, and one in a 'who' clause between commas
 * its subject's; an 'earlier' date after 'from' and an amount is the
 * compared figure's; a later date than the article's is not that of a
 * present perfect, nor of a present intention before an infinitive.  But
 * a date that modifies a noun is the noun's own, not its governing
 * verb's ('reported a third-quarter loss'), and that of a past 'that'
 * clause telling what the happening did.  DCT 2023-09-14. */
ParameterizedTestParameters (story, a_date_of_another_part_of_the_sentence_is_not_the_events)
{
  static ReportedDateCase cases[] = {
    /* a 'before' noun's own date is later than what comes before the cue;
     * an 'after' one's may be the same day */
    { "Police arrested dozens of protesters ahead of the summit in September.", "September", "2023-09", "",
      { RE_PAST ("arrested", "arrest"), RE_NOUN ("summit", "summit") }, FALSE },
    { "Kim resigned after the vote in May.", "May", "2023-05", "",
      { RE_PAST ("resigned", "resign"), RE_NOUN ("vote", "vote") }, TRUE },
    /* a noun's own date after 'despite', 'in spite of' or 'amid' is
     * the concession's or the background's, not the clause's; the noun
     * keeps it */
    { "The talks went ahead despite clashes last week.", "last week", "2023-W36", "",
      { RE_PAST ("went", "go"), RE_NOUN ("clashes", "clash") }, FALSE },
    { "The talks went ahead despite clashes last week.", "last week", "2023-W36", "",
      { RE_NOUN ("clashes", "clash"), RE_PAST ("went", "go") }, TRUE },
    { "The vote went ahead in spite of the strike on Monday.", "Monday", "2023-09-11", "",
      { RE_PAST ("went", "go"), RE_NOUN ("strike", "strike") }, FALSE },
    { "Shares fell amid protests last week.", "last week", "2023-W36", "",
      { RE_PAST ("fell", "fall"), RE_NOUN ("protests", "protest") }, FALSE },
    { "The car was found last month at the airport, the police said.", "last month", "2023-08", "",
      { RE_SAID, RE_PAST ("found", "find") }, FALSE },
    { "The envoy said he was in the capital in 1968.", "1968", "1968", "",
      { RE_SAID, { "was", "be", EVL_EVENT_CLASS_STATE, "PAST", "NONE" } }, FALSE },
    { "Funds flowed out of the market last week, according to estimates.", "last week", "2023-W36", "",
      { { "according", "accord", EVL_EVENT_CLASS_REPORTING, "NONE", "NONE" }, RE_PAST ("flowed", "flow") }, FALSE },
    { "Based on new evidence _ a rifle found in May _ officials decided to issue a warrant.", "May", "2023-05", "",
      { { "decided", "decide", EVL_EVENT_CLASS_I_ACTION, "PAST", "NONE" }, RE_PAST ("found", "find") }, FALSE },
    { "The protest \xe2\x80\x94 first planned in May \xe2\x80\x94 drew thousands of people.", "May", "2023-05", "",
      { RE_PAST ("drew", "draw"), RE_PAST ("planned", "plan") }, FALSE },
    { "\"He is responsible for the death of the doctor,\" an agent said in May.", "May", "2023-05", "",
      { RE_NOUN ("death", "death"), RE_SAID }, FALSE },
    { "The envoy, who fled after the coup in 1998, made no secret of her joy.", "1998", "1998", "",
      { RE_PAST ("made", "make"), RE_PAST ("fled", "flee") }, FALSE },
    /* ... and the main clause's date after the comma that closes a 'who'
     * clause is not the clause's; a comma of a list inside it closes
     * nothing */
    { "The envoy, who arrived in the capital, met the king on Monday.", "Monday", "2023-09-11", "",
      { RE_PAST ("arrived", "arrive"), RE_PAST ("met", "meet") }, FALSE },
    { "He succeeds Taylor, who stepped down as chairman, president and chief in March.", "March", "2023-03", "",
      { RE_PAST ("stepped", "step"), { "succeeds", "succeed", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", "NONE" } },
      TRUE },
    { "Marsh, who had led the bank since 2015, said he took the blame.", "2015", "2015", "",
      { RE_PAST ("took", "take"), RE_SAID, { "led", "lead", EVL_EVENT_CLASS_OCCURRENCE, "PAST", "PERFECTIVE" } },
      FALSE },
    { "Profit soared to $155 million from $99 million a year earlier.", "a year earlier", "2022", "",
      { RE_PAST ("soared", "soar") }, FALSE },
    { "The minister has invited them to a ceremony on September 20.", "September 20", "2023-09-20", "",
      { { "invited", "invite", EVL_EVENT_CLASS_I_ACTION, "PRESENT", "PERFECTIVE" } }, FALSE },
    { "The three are expected to join the alliance in November.", "November", "2023-11", "",
      { { "expected", "expect", EVL_EVENT_CLASS_I_STATE, "PRESENT", "NONE" },
        { "join", "join", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE", "NONE" } }, FALSE },
    { "The bank reported a third-quarter loss of $2 million.", "third-quarter", "2023-Q3", "",
      { RE_NOUN ("loss", "loss"), { "reported", "report", EVL_EVENT_CLASS_REPORTING, "PAST", "NONE" } }, TRUE },
    { "Police hunt the man wanted for the 2019 bombing of a hotel that killed nine people.", "2019", "2019", "",
      { RE_PAST ("killed", "kill"), RE_NOUN ("bombing", "bombing"),
        { "hunt", "hunt", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", "NONE" } }, TRUE },
    /* what a happening is about is not at its date: an 'of' after its
     * verb and object, an 'into' after it; a date after the noun may be
     * the noun's own */
    { "A jury on Thursday convicted the former mayor of taking bribes.", "Thursday", "2023-09-14", "",
      { RE_NOUN ("taking", "take"), RE_PAST ("convicted", "convict") }, FALSE },
    { "Regulators opened an inquiry on Monday into the purchase of the bank.", "Monday", "2023-09-11", "",
      { RE_NOUN ("purchase", "purchase"), RE_NOUN ("inquiry", "inquiry"), RE_PAST ("opened", "open") }, FALSE },
    { "Regulators opened an inquiry on Monday into Acme Corp's planned $4 billion purchase.", "Monday", "2023-09-11",
      "", { RE_NOUN ("purchase", "purchase"), RE_PAST ("opened", "open") }, FALSE },
    { "Two men suspected of blowing up a jet in 1988 were freed.", "1988", "1988", "",
      { RE_NOUN ("blowing", "blow"), RE_PAST ("freed", "free") }, TRUE },
    { "Crews on Friday marked the end of the war with a parade.", "Friday", "2023-09-08", "",
      { RE_NOUN ("end", "end"), RE_PAST ("marked", "mark") }, TRUE },
    /* a duration before 'after' puts its clause away from the main
     * clause's date, through a long subject too */
    { "The missile was fired on Thursday, days after the defence minister of the country visited Moscow.",
      "Thursday", "2023-09-14", "days", { RE_PAST ("visited", "visit"), RE_PAST ("fired", "fire") }, FALSE },
    /* ... and so is the object of that clause's verb */
    { "The missile was fired on Thursday, a day after the minister held talks in Moscow.", "Thursday",
      "2023-09-14", "a day", { RE_NOUN ("talks", "talks"), RE_PAST ("held", "hold"), RE_PAST ("fired", "fire") },
      FALSE },
    /* a clock time of the article's day before an attribution is the
     * report's, not the saying's */
    { "The plane lost contact with the tower at 07:42 GMT, the authority said.", "07:42 GMT", "2023-09-14T07:42",
      "", { RE_SAID, RE_PAST ("lost", "lose") }, FALSE },
    /* after a verb, a date ending its object's phrases is the verb's */
    { "Regulators announced the purchase of the bank in March.", "March", "2023-03", "",
      { RE_NOUN ("purchase", "purchase"), { "announced", "announce", EVL_EVENT_CLASS_REPORTING, "PAST", "NONE" } },
      FALSE },
    /* a 'since' date starts a span: no day of a simple past, nor of the
     * nouns of its clause, whichever side; a perfect runs on from it */
    { "The rally included prayers for the victims of attacks since 1993.", "1993", "1993", "",
      { RE_PAST ("included", "include"), RE_NOUN ("attacks", "attack") }, FALSE },
    { "The rally included prayers for the victims of attacks since 1993.", "1993", "1993", "",
      { RE_NOUN ("prayers", "prayer"), RE_PAST ("included", "include") }, FALSE },
    { "Since 2019 the firm sold its shares to the fund.", "2019", "2019", "",
      { RE_PAST ("sold", "sell") }, FALSE },
    { "The fund has seen outflows since early September.", "early September", "2023-09", "",
      { { "seen", "see", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", "PERFECTIVE" } }, TRUE },
    /* a 'through' date ends the span of the verb before it only, or of
     * the verb after it when it opens the clause */
    { "He thinks the banks will report losses through 2024.", "2024", "2024", "",
      { { "thinks", "think", EVL_EVENT_CLASS_I_STATE, "PRESENT", "NONE" },
        { "report", "report", EVL_EVENT_CLASS_OCCURRENCE, "FUTURE", "NONE" } }, FALSE },
    { "The price wars flaring up in the industry will continue through next year.", "next year", "2024", "",
      { { "flaring", "flare", EVL_EVENT_CLASS_OCCURRENCE, "PRESPART", "NONE" },
        { "continue", "continue", EVL_EVENT_CLASS_OCCURRENCE, "FUTURE", "NONE" } }, FALSE },
    { "The price wars flaring up in the industry will continue through next year.", "next year", "2024", "",
      { { "continue", "continue", EVL_EVENT_CLASS_OCCURRENCE, "FUTURE", "NONE" },
        { "flaring", "flare", EVL_EVENT_CLASS_OCCURRENCE, "PRESPART", "NONE" } }, TRUE },
    { "Through August 19, the funds had a return of 1%.", "August 19", "2023-08-19", "",
      { { "had", "have", EVL_EVENT_CLASS_STATE, "PAST", "NONE" } }, TRUE },
    { "The men were not termed suspects, and police on Saturday played down the idea.", "Saturday", "2023-09-09", "",
      { RE_PAST ("termed", "term"), RE_PAST ("played", "play") }, FALSE },
    { "The men were freed, and police on Saturday played down the idea.", "Saturday", "2023-09-09", "",
      { RE_PAST ("freed", "free"), RE_PAST ("played", "play") }, FALSE },
    /* a 'from' date after a thing or a figure is the thing's or the
     * comparison's */
    { "He brought a poster from 1989 for the library.", "1989", "1989", "",
      { RE_PAST ("brought", "bring") }, FALSE },
    { "Prices rose by 0.5 percent from February, confirming the trend.", "February", "2023-02", "",
      { RE_PAST ("rose", "rise") }, FALSE },
  };
  return cr_make_param_array (ReportedDateCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (ReportedDateCase *c, story, a_date_of_another_part_of_the_sentence_is_not_the_events)
{
  check_reported_date (c);
}

/* A date inside a subject relative clause on a noun, after the clause's
 * verb, is that verb's: the main clause's verb after it, and what
 * follows that verb, have their own time ('The man who fled on Friday
 * was arrested').  The relative verb keeps it, and so does a verb an
 * 'and' joins to it; a 'that' clause with its own subject is a report's,
 * not a relative.  DCT 2023-09-14. */
ParameterizedTestParameters (story, a_date_in_a_relative_clause_is_not_the_main_clauses)
{
  static ReportedDateCase cases[] = {
    { "The man who fled on Friday was arrested in the capital.", "Friday", "2023-09-08", "",
      { RE_PAST ("arrested", "arrest"), RE_PAST ("fled", "flee") }, FALSE },
    { "The man who fled on Friday was arrested in the capital.", "Friday", "2023-09-08", "",
      { RE_PAST ("fled", "flee"), RE_PAST ("arrested", "arrest") }, TRUE },
    { "The talks that began on Monday ended in failure.", "Monday", "2023-09-11", "",
      { RE_PAST ("ended", "end"), RE_PAST ("began", "begin") }, FALSE },
    { "A nurse who was hurt in a bombing in 1998 attended the rites.", "1998", "1998", "",
      { RE_PAST ("attended", "attend"), RE_PAST ("hurt", "hurt"), RE_NOUN ("bombing", "bombing") }, FALSE },
    { "A nurse who was hurt in a bombing in 1998 attended the rites.", "1998", "1998", "",
      { RE_NOUN ("rites", "rite"), RE_PAST ("attended", "attend"), RE_PAST ("hurt", "hurt") }, FALSE },
    /* an aside between the date and the main verb ends nothing */
    { "A nurse who was hurt in the 1998 bombing in Selma, Ala., attended the rites.", "1998", "1998", "",
      { RE_PAST ("attended", "attend"), RE_PAST ("hurt", "hurt") }, FALSE },
    { "The man who was arrested on Friday and charged with murder fled.", "Friday", "2023-09-08", "",
      { RE_PAST ("charged", "charge"), RE_PAST ("arrested", "arrest") }, TRUE },
    { "The man who was arrested on Friday and charged with murder fled.", "Friday", "2023-09-08", "",
      { RE_PAST ("fled", "flee"), RE_PAST ("charged", "charge"), RE_PAST ("arrested", "arrest") }, FALSE },
    { "It means that crews worked on Friday and fired the kiln.", "Friday", "2023-09-08", "",
      { RE_PAST ("fired", "fire"), RE_PAST ("worked", "work") }, TRUE },
    /* before the clause: an aside inside it, set off by commas, does not
     * end it, nor does it hide its pronoun */
    { "Police charged the men who killed nine people, including two guards, on Aug. 7.", "Aug. 7", "2023-08-07",
      "", { RE_PAST ("charged", "charge"), RE_PAST ("killed", "kill") }, FALSE },
    { "Police charged the men who killed nine people, including two guards, on Aug. 7.", "Aug. 7", "2023-08-07",
      "", { RE_PAST ("killed", "kill"), RE_PAST ("charged", "charge") }, TRUE },
    { "Tests showed the hair came from a home where Kopp, a drifter, lived last year.", "last year", "2022", "",
      { RE_PAST ("showed", "show"), RE_PAST ("came", "come"), RE_PAST ("lived", "live") }, FALSE },
    /* a past participle right after a noun object tells of that noun,
     * at its own date */
    { "Both firms are allies of the mayor in his fight against a bid launched Monday by a rival.", "Monday",
      "2023-09-11", "", { RE_NOUN ("fight", "fight"), RE_PAST ("launched", "launch") }, FALSE },
    { "The ministry wants the court to lift the ban issued Thursday.", "Thursday", "2023-09-14", "",
      { { "lift", "lift", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE", "NONE" }, RE_PAST ("issued", "issue"),
        { "wants", "want", EVL_EVENT_CLASS_I_STATE, "PRESENT", "NONE" } }, FALSE },
    /* ... not the verb of a subject, nor one of an object relative */
    { "The rival firm launched a bid on Monday.", "Monday", "2023-09-11", "",
      { RE_PAST ("launched", "launch") }, TRUE },
    { "They were wary of the sharp gains these stocks made on Monday.", "Monday", "2023-09-11", "",
      { RE_NOUN ("gains", "gain"), RE_PAST ("made", "make") }, TRUE },
    /* ... but a comma before a closing quote ends the quotation */
    { "\"The boy, who has suffered, belongs here,\" Ruiz said Wednesday, adding that the law is clear.",
      "Wednesday", "2023-09-13", "",
      { { "adding", "add", EVL_EVENT_CLASS_REPORTING, "PRESPART", "NONE" }, RE_SAID,
        { "suffered", "suffer", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", "PERFECTIVE" } }, TRUE },
  };
  return cr_make_param_array (ReportedDateCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (ReportedDateCase *c, story, a_date_in_a_relative_clause_is_not_the_main_clauses)
{
  check_reported_date (c);
}

/* A relative clause on a noun a year modifies tells what that happening
 * did, at its date: right after the noun ('the 1993 bombing that destroyed
 * the market'), and inside it after a preposition, whatever the subject
 * and a main clause's date after it ('a 1975 coup in which the leader was
 * killed was set to open on Monday').  What another subject did to the
 * noun may be later ('the 1994 law that Congress repealed'). */
Test (story, a_relative_clause_on_a_dated_noun_takes_its_date)
{
  static const struct {
    const char *text, *trigger, *value;
  } cases[] = {
    { "The trial of the plotters of a 1975 coup in which the country's founding leader was killed was set to "
      "open on Monday.", "killed", "1975" },
    { "The hearing on the 1993 bombing that destroyed the market opened on Monday.", "destroyed", "1993" },
    { "The 1994 law that Congress repealed had banned the sale of rifles.", "repealed", NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (EvlDocument) doc = pipeline_doc (cases[i].text, "2025-03-05");
      const char *v = pipeline_date_of (doc, cases[i].trigger);
      if (cases[i].value)
        cr_expect_str_eq (v ? v : "(none)", cases[i].value, "%s", cases[i].text);
      else
        cr_expect (v == NULL || strcmp (v, "1994") != 0, "%s: dated %s", cases[i].text, v);
    }
}

/* A quotation that opens the sentence and the attribution after it tell
 * of two times: a date in the quote is not the saying's (but for the
 * article's day, the saying's too), nor is the saying's that of a quoted
 * event other than a present, which is said as it is spoken.  A quote
 * inside the sentence is part of its clause.  DCT 2023-09-14. */
ParameterizedTestParameters (story, a_quotation_and_its_attribution_keep_their_dates)
{
  static ReportedDateCase cases[] = {
    { "\"The raids of May 7 prove that they know no borders,\" said the envoy.", "May 7", "2023-05-07", "",
      { RE_SAID, { "prove", "prove", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", "NONE" } }, FALSE },
    { "\"We have done as much as we need to,\" said Ruiz in a talk before he quit in April.", "April", "2023-04",
      "", { { "need", "need", EVL_EVENT_CLASS_STATE, "NONE", "NONE" }, RE_SAID,
            RE_PAST ("quit", "quit") }, FALSE },
    { "\"Today is a sad day for us all,\" said the lawyer.", "Today", "2023-09-14", "",
      { RE_SAID }, TRUE },
    { "\"I formally object to these moves,\" Ruiz said in the letter on Monday.", "Monday", "2023-09-11", "",
      { { "object", "object", EVL_EVENT_CLASS_OCCURRENCE, "PRESENT", "NONE" }, RE_SAID }, TRUE },
    { "Profits were \"squeezed\" in 1989, the firm said.", "1989", "1989", "",
      { RE_PAST ("squeezed", "squeeze"), RE_SAID }, TRUE },
  };
  return cr_make_param_array (ReportedDateCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (ReportedDateCase *c, story, a_quotation_and_its_attribution_keep_their_dates)
{
  check_reported_date (c);
}

/* A verb phrase an 'and' opens after a date, with a date of its own
 * after its verb, takes that one, nearer or not: 'held a rally on
 * Saturday and were planning to march ... on Monday'. */
Test (story, a_joined_verb_phrase_takes_its_own_date_after_it)
{
  static const char *const texts[] = {
    "Crowds held a rally on Saturday and were planning to march around the old harbour on Monday.",
    "Crowds held a rally on Saturday and were planning to march around the harbour on Monday.",
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (EvlDocument) doc = make_doc (texts[i]);
      gint32 sat = (gint32) add_timex (doc, "Saturday", EVL_TIMEX_DATE, "2023-09-09");
      gint32 mon = (gint32) add_timex (doc, "Monday", EVL_TIMEX_DATE, "2023-09-11");
      guint held = add_event (doc, "held", 0, "hold", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
      add_event (doc, "planning", 0, "plan", EVL_EVENT_CLASS_I_STATE, "NONE");
      guint march = add_event (doc, "march", 0, "march", EVL_EVENT_CLASS_OCCURRENCE, "INFINITIVE");
      guint n;
      const EvlEventMention *ev = annotate (doc, &n);
      cr_assert_eq (ev[held].timex, sat, "%s: held dated by timex %d", texts[i], ev[held].timex);
      cr_assert_eq (ev[march].timex, mon, "%s: march dated by timex %d", texts[i], ev[march].timex);
    }
}

/* A 'which' clause between commas keeps its whole time phrase ('at
 * noon on Wednesday'), not only the part next to its closing comma. */
Test (story, a_which_clause_keeps_its_time_phrase)
{
  g_autoptr (EvlDocument) doc = make_doc ("The ship, which docked at noon on Wednesday, was detained by police.");
  gint32 noon = (gint32) add_timex (doc, "noon", EVL_TIMEX_TIME, "2023-09-13T12:00");
  gint32 wed = (gint32) add_timex (doc, "Wednesday", EVL_TIMEX_DATE, "2023-09-13");
  guint docked = add_event (doc, "docked", 0, "dock", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint detained = add_event (doc, "detained", 0, "detain", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *ev = annotate (doc, &n);
  cr_assert (ev[docked].timex == noon || ev[docked].timex == wed);
  cr_assert (ev[detained].timex != noon && ev[detained].timex != wed, "detained dated by timex %d",
             ev[detained].timex);
}

/* A verb of an 'after' clause takes its own clause's date, not the main
 * clause's nearer one; with none of its own, the main clause's. */
Test (story, an_after_clause_keeps_its_own_date)
{
  static const char *const texts[] = {
    "Workers ended the strike on Friday after the union reached a wage deal with port operators late on Thursday.",
    "Workers ended the strike on Friday after the union reached a deal.",
  };
  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    {
      g_autoptr (EvlDocument) doc = make_doc (texts[c]);
      gint32 fri = (gint32) add_timex (doc, "Friday", EVL_TIMEX_DATE, "2023-09-08");
      gint32 thu = c == 0 ? (gint32) add_timex (doc, "late on Thursday", EVL_TIMEX_DATE, "2023-09-07") : -1;
      guint ended = add_event (doc, "ended", 0, "end", EVL_EVENT_CLASS_ASPECTUAL, "PAST");
      guint reached = add_event (doc, "reached", 0, "reach", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
      guint n;
      const EvlEventMention *e = annotate (doc, &n);
      cr_assert_eq (e[ended].timex, fri, "%s: the ending is on Friday", texts[c]);
      cr_assert_eq (e[reached].timex, c == 0 ? thu : fri, "%s: the deal was reached on %s (timex %d)", texts[c],
                    c == 0 ? "Thursday" : "Friday", e[reached].timex);
    }
}

/* A participle after a comma takes its main verb's date, not the nearer
 * one of the verb's object. */
Test (story, a_participle_after_a_comma_takes_its_verbs_date)
{
  g_autoptr (EvlDocument) doc = make_doc ("The government on Saturday condemned the attacks in the capital Friday, "
                                          "calling them a crime.");
  gint32 sat = (gint32) add_timex (doc, "Saturday", EVL_TIMEX_DATE, "2023-09-09");
  add_timex (doc, "Friday", EVL_TIMEX_DATE, "2023-09-08");
  guint cond = add_event (doc, "condemned", 0, "condemn", EVL_EVENT_CLASS_I_ACTION, "PAST");
  add_event (doc, "attacks", 0, "attack", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  guint call = add_event (doc, "calling", 0, "call", EVL_EVENT_CLASS_I_ACTION, "PRESPART");
  guint n;
  const EvlEventMention *e = annotate (doc, &n);
  cr_assert_eq (e[cond].timex, sat, "the condemnation is on Saturday");
  cr_assert_eq (e[call].timex, sat, "the calling is on Saturday too (timex %d)", e[call].timex);
}

/* An outcome word tells of the nearest event, not of one past another
 * event's trigger. */
Test (story, an_outcome_word_is_not_read_past_another_event)
{
  g_autoptr (EvlDocument) doc = make_doc ("The satellite launch came weeks after the failed attempt to put a "
                                          "satellite into orbit.");
  guint launch = add_event (doc, "launch", 0, "launch", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
  add_event (doc, "came", 0, "come", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint attempt = add_event (doc, "attempt", 0, "attempt", EVL_EVENT_CLASS_I_ACTION, "NONE");
  guint n;
  const EvlEventMention *e = annotate (doc, &n);
  cr_assert_str_eq (e[launch].type, "SATELLITE_LAUNCH");
  cr_assert (!(e[launch].flags & EVL_EVENT_FLAG_FAILED), "the launch did not fail");
  cr_assert (e[attempt].flags & EVL_EVENT_FLAG_FAILED, "the attempt failed (type %s)", e[attempt].type);
}

/* A 'when' clause right after a date and a comma happened then, even
 * after a 'since' date, which dates nothing else. */
Test (story, a_when_clause_after_a_date_happened_then)
{
  g_autoptr (EvlDocument) doc = make_doc ("He lived in London from 1968, when the troops invaded the country, until 1989.");
  gint32 y68 = (gint32) add_timex (doc, "1968", EVL_TIMEX_DATE, "1968");
  add_timex (doc, "1989", EVL_TIMEX_DATE, "1989");
  add_event (doc, "lived", 0, "live", EVL_EVENT_CLASS_STATE, "PAST");
  guint inv = add_event (doc, "invaded", 0, "invade", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *e = annotate (doc, &n);
  cr_assert_eq (e[inv].timex, y68, "the invasion is in 1968 (timex %d)", e[inv].timex);
}

/* ... set off by a dash too, or with no comma after a 'since' or a
 * 'from' date. */
Test (story, a_when_clause_after_a_since_date_happened_then)
{
  static const char *const texts[] = {
    "Since 1985 _ when the army created a buffer zone _ 200 soldiers have died there.",
    "The island has been divided since 1985 when the army created a buffer zone.",
    "He showed them a poster from 1985 when the army created a buffer zone.",
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (EvlDocument) doc = make_doc (texts[i]);
      gint32 y = (gint32) add_timex (doc, "1985", EVL_TIMEX_DATE, "1985");
      guint cr = add_event (doc, "created", 0, "create", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
      guint n;
      const EvlEventMention *e = annotate (doc, &n);
      cr_assert_eq (e[cr].timex, y, "%s: the creating is in 1985 (timex %d)", texts[i], e[cr].timex);
    }
}

/* A verb's date after a happening told of before, which the verb is
 * about, is the verb's: the deal of June is no deal of October. */
Test (story, a_verb_about_a_told_happening_keeps_its_date)
{
  static const char *const texts[][2] = {
    { "The firms agreed to the deal in June. Shareholders will vote on the deal in October.", "October" },
    { "The firms agreed to the deal in June. Shareholders will vote on the deal next month.", "next month" },
  };
  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    {
      g_autoptr (EvlDocument) doc = make_doc (texts[c][0]);
      add_timex (doc, "June", EVL_TIMEX_DATE, "2023-06");
      gint32 oct = (gint32) add_timex (doc, texts[c][1], EVL_TIMEX_DATE, "2023-10");
      add_event (doc, "agreed", 0, "agree", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
      add_event (doc, "deal", 0, "deal", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
      guint vote = add_event (doc, "vote", 0, "vote", EVL_EVENT_CLASS_OCCURRENCE, "FUTURE");
      guint deal = add_event (doc, "deal", 1, "deal", EVL_EVENT_CLASS_OCCURRENCE, "NONE");
      guint n;
      const EvlEventMention *e = annotate (doc, &n);
      cr_assert_eq (e[vote].timex, oct, "%s: the vote is in October", texts[c][0]);
      cr_assert_neq (e[deal].timex, oct, "%s: the deal voted on is not dated October (%s)", texts[c][0],
                     evl_anchor_method_to_string (e[deal].anchor_method));
    }
}

/* A report whose saying has the date happened before the saying: with
 * no date of its own it is placed before it. */
Test (story, a_report_after_a_dated_saying_comes_before_it)
{
  g_autoptr (EvlDocument) doc = make_doc ("The envoy said Tuesday that the army raided two villages.");
  add_timex (doc, "Tuesday", EVL_TIMEX_DATE, "2023-09-12");
  guint said = add_event (doc, "said", 0, "say", EVL_EVENT_CLASS_REPORTING, "PAST");
  guint raided = add_event (doc, "raided", 0, "raid", EVL_EVENT_CLASS_OCCURRENCE, "PAST");
  guint n;
  const EvlEventMention *e = annotate (doc, &n);
  cr_assert_eq (e[raided].anchor_method, EVL_ANCHOR_CUE, "%s", evl_anchor_method_to_string (e[raided].anchor_method));
  cr_assert_eq (e[raided].cue_event, (gint32) said);
  cr_assert_eq (e[raided].cue_rel, EVL_REL_BEFORE);
  cr_assert_eq (e[raided].timex, -1);
}

/* An untyped verb whose subject names a kind of happening is told as
 * that happening ('a cyberattack paralysed', 'a wildfire forced'); a noun
 * inside a prepositional phrase or before a reduced relative is no
 * subject. */
typedef struct {
  char text[160];
  char trigger[16];
  char type[16];   /* "" = left untyped */
} SubjectTypeCase;

ParameterizedTestParameters (story, verb_typed_by_its_happening_subject)
{
  static SubjectTypeCase cases[] = {
    { "A cyberattack paralysed the computer systems of the port on Monday.", "paralysed", "ATTACK" },
    { "A fast-moving wildfire forced more than 6,000 people to leave on Monday.", "forced", "DISASTER" },
    { "Police said a bombing that wrecked the hall on Monday killed nobody.", "wrecked", "ATTACK" },
    { "Two victims of the attack were cremated on Monday at the temple.", "cremated", "" },
    { "The union said in a statement faxed here on Monday that it would strike.", "faxed", "" },
    /* a fire that broke out, started or spread is the fire itself; a
     * battle firefighters wage is the fire's, whatever stands after it */
    { "The blaze broke out on Sunday afternoon in pine forest north of the town.", "broke", "DISASTER" },
    { "The fire, which started on Sunday, has forced about 8,000 people from their homes.", "started",
      "DISASTER" },
    { "Investigators found fuel at three points where the fire began on July 13.", "began", "DISASTER" },
    { "Firefighters declared the blaze under control on Friday after a week-long battle.", "battle",
      "DISASTER" },
    { "Residents began returning home over the weekend.", "began", "" },
    /* a trial that opened is the court's step */
    { "The fraud trial of the former mayor opened on Monday in Lyon.", "opened", "LEGAL_ACTION" },
  };
  return cr_make_param_array (SubjectTypeCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (SubjectTypeCase *c, story, verb_typed_by_its_happening_subject)
{
  g_autoptr (EvlDocument) doc = pipeline_doc (c->text, "2025-03-05");
  const EvlEventMention *e = pipeline_event (doc, c->trigger, 0);
  if (c->type[0])
    cr_assert_str_eq (e->type ? e->type : "(none)", c->type, "'%s' in '%s'", c->trigger, c->text);
  else
    cr_assert (e->type == NULL || strcmp (e->type, "OTHER") == 0, "'%s' in '%s' typed %s", c->trigger,
               c->text, e->type);
}

/* ------------------------------------------------------ anchoring, 26 */

/* A verb's date is not that of an event noun inside a prepositional
 * complement of its subject's head ('the toll from the quake rose on
 * Tuesday'): TimeBank leaves such nouns undated.  A duration before the
 * verb is no date of the verb's own that would hide the date after it. */
Test (story, a_subject_complement_noun_does_not_take_the_verbs_date)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("The death toll from the strongest earthquake in more than a "
                                              "century rose to 2,100 on Tuesday. Talks on the bombing "
                                              "resumed on Monday.",
                                              "2025-03-05");
  cr_assert_str_eq (pipeline_date_of (doc, "rose"), "2025-03-04");
  cr_assert_null (pipeline_date_of (doc, "earthquake"), "the quake dated by the toll's rise");
  cr_assert_str_eq (pipeline_date_of (doc, "resumed"), "2025-03-03");
  cr_assert_null (pipeline_date_of (doc, "bombing"), "the bombing dated by the talks' resumption");
}

/* A date inside a verbless noun phrase set off by a comma after the
 * event belongs to a noun of that phrase ('the closing price on
 * Monday'), not to the event before it; a phrase whose verb follows
 * the date is a clause's subject and keeps it ('..., the ministry on
 * Sunday issued a warning'). */
Test (story, a_date_in_an_appositive_noun_phrase_is_not_the_events)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("Halvard offered 310 pence a share in cash, a premium of 25 "
                                              "percent to the closing price on Monday. Ahead of the "
                                              "visit, the ministry on Sunday issued a warning.",
                                              "2025-03-05");
  cr_assert_null (pipeline_date_of (doc, "offered"), "the offer dated by the price's day");
  cr_assert_str_eq (pipeline_date_of (doc, "issued"), "2025-03-02");
}

/* The deadline or the coming date of an infinitive after an event is the
 * infinitive's, not the event's nor that of a noun between ('announcing
 * a plan to repair the bridges by the end of the year'); the verb before
 * was not then. */
Test (story, an_infinitives_deadline_is_not_the_events_before_it)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("The ministry will focus on the roads, the minister said, "
                                              "announcing a plan to repair the bridges by the end of the "
                                              "year. The unions agreed to strike next month.",
                                              "2025-03-05");
  cr_assert_str_eq (pipeline_date_of (doc, "repair"), "2025");
  cr_assert_null (pipeline_date_of (doc, "announcing"), "the announcing dated by the deadline");
  cr_assert_null (pipeline_date_of (doc, "plan"), "the plan dated by the deadline");
  cr_assert_str_eq (pipeline_date_of (doc, "strike"), "2025-04");
  cr_assert_null (pipeline_date_of (doc, "agreed"), "the agreeing dated next month");
  /* (with no article day, a date not after 'by' may be past: kept) */
  g_autoptr (EvlDocument) undated = pipeline_doc ("The firm agreed to pay the fine in 2019.", NULL);
  cr_assert_str_eq (pipeline_date_of (undated, "agreed"), "2019");
}

/* An undated past death after a dated one or after a dated disaster is
 * that toll's, on its day, though a saying dates the first sentence to
 * the next day: a saying's date is no other happening's. */
Test (story, a_later_undated_death_takes_the_dated_deaths_day)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("A rescuer died on Monday while fighting a forest fire near the "
                                              "town, officials said on Tuesday. The 41-year-old was killed "
                                              "when his vehicle was trapped by flames, the regional "
                                              "government said.",
                                              "2025-03-05");
  cr_assert_str_eq (pipeline_date_of (doc, "died"), "2025-03-03");
  cr_assert_str_eq (pipeline_date_of (doc, "killed"), "2025-03-03");
  /* ... the death's, not the circumstance it was told in ('while
   * fighting'), which stays below the cut. */
  guint n;
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  const EvlEventMention *died = pipeline_event (doc, "died", 0);
  cr_assert_eq (pipeline_event (doc, "killed", 0)->cue_event, (gint) (died - ev));
  cr_assert_lt (pipeline_event (doc, "fighting", 0)->salience, 0.5f);
  g_autoptr (EvlDocument) alone = pipeline_doc ("A soldier died on Monday near the border. The 22-year-old was "
                                                "killed when his truck overturned, the army said.",
                                                "2025-03-05");
  cr_assert_str_eq (pipeline_date_of (alone, "killed"), "2025-03-03");
}

/* ---------------------------------------------------- fires (usr26) */

/* An '-ing' verb after 'while' or 'when' tells its clause's
 * circumstance, no card of its own; a noun subject after 'when' and a
 * saying are not such adjuncts. */
Test (story, a_while_participle_adjunct_is_below_the_cut)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("A firefighter died on Tuesday while fighting a wildfire in "
                                              "southern Spain.", "2025-07-16");
  const EvlEventMention *fight = pipeline_event (doc, "fighting", 0);
  const EvlEventMention *died = pipeline_event (doc, "died", 0);
  cr_assert_lt (fight->salience, 0.5f, "%.2f", fight->salience);
  cr_assert_geq (died->salience, 0.5f, "%.2f", died->salience);
  g_autoptr (EvlDocument) flood = pipeline_doc ("Aid has been sent since 1995, when flooding damaged the crops.",
                                                "2025-07-16");
  const EvlEventMention *flooding = pipeline_event (flood, "flooding", 0);
  cr_assert_geq (flooding->salience, 0.5f, "%.2f", flooding->salience);
}

/* ------------------------------------------ event dating (anc27) */

/* A present perfect or a present progressive holds up to now: a
 * finished past date of another clause or of a noun is not its time,
 * but a span up to now, a day right after the verb and the day of a
 * saying that reports it are. */
Test (story, a_present_perfect_or_progressive_takes_no_finished_past_date)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("Regulators are still reviewing a complaint from a rival last week. "
                                              "The strike has intensified fears of shortages between 2019 and "
                                              "2021. The company has cut 600 jobs since January. The agency "
                                              "said on Monday it has assigned a rating to the bonds. The "
                                              "founder has died yesterday at the age of 56.",
                                              "2025-06-11");
  cr_assert_null (pipeline_date_of (doc, "reviewing"), "the reviewing dated last week");
  cr_assert_null (pipeline_date_of (doc, "intensified"), "the intensifying dated 2019");
  cr_assert_str_eq (pipeline_date_of (doc, "cut"), "2025-01");
  cr_assert_str_eq (pipeline_date_of (doc, "assigned"), "2025-06-09");
  cr_assert_str_eq (pipeline_date_of (doc, "died"), "2025-06-10");
}

/* A saying that closes the sentence is not dated by the report's date
 * before it, even past a verb right after a comma. */
Test (story, a_closing_attribution_takes_no_date_of_the_report)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("Last week, the minister, on a visit to Rome, asked Italy to join "
                                              "the talks, officials said.",
                                              "2025-06-11");
  cr_assert_str_eq (pipeline_date_of (doc, "asked"), "2025-W23");
  cr_assert_null (pipeline_date_of (doc, "said"), "the saying dated last week");
}

/* A participle phrase set off by commas after the subject tells of the
 * subject, as a 'which' clause does: its date is not the main verb's. */
Test (story, a_date_in_the_subjects_participle_phrase_is_not_the_main_verbs)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("The bill, passed by the Senate in May, was signed into law by the "
                                              "president. Police, acting on a tip, raided the house on Monday.",
                                              "2025-06-11");
  cr_assert_str_eq (pipeline_date_of (doc, "passed"), "2025-05");
  cr_assert_null (pipeline_date_of (doc, "signed"), "the signing dated May");
  cr_assert_str_eq (pipeline_date_of (doc, "raided"), "2025-06-09");
}

/* A 'when' clause after a date and a comma tells what happened then,
 * a verb 'and' joins to it too; the main clause after its comma keeps
 * its own date. */
Test (story, a_when_clauses_joined_verb_takes_the_date_before_it)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("Unlike Thursday, when hundreds of protesters were arrested and "
                                              "police were forced to use tear gas, the crowds were calm on "
                                              "Friday.",
                                              "2025-06-14");
  cr_assert_str_eq (pipeline_date_of (doc, "arrested"), "2025-06-12");
  cr_assert_str_eq (pipeline_date_of (doc, "forced"), "2025-06-12");
}

/* A semicolon joins two sentences, each with its own time: the date of
 * one is not the other's. */
Test (story, a_date_across_a_semicolon_is_the_other_sentences)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("A committee is evaluating the proposal; the parent asked it to "
                                              "respond by Oct. 31.",
                                              "2025-10-20");
  cr_assert_null (pipeline_date_of (doc, "evaluating"), "the evaluating dated by the deadline");
}

/* A 'where' clause tells of its place: its date is not that of the
 * clause before it.  A participle phrase after the subject of a 'that'
 * clause dates only itself too. */
Test (story, a_where_clauses_date_is_not_the_main_clauses)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("The envoy held talks with officials in Italy, where the Senate "
                                              "voted last week to ease sanctions. The court ruled on Monday "
                                              "that the ban, imposed in 2021, was unlawful.",
                                              "2025-06-13");
  cr_assert_str_eq (pipeline_date_of (doc, "voted"), "2025-W23");
  cr_assert_null (pipeline_date_of (doc, "held"), "the talks dated by the vote");
  cr_assert_str_eq (pipeline_date_of (doc, "imposed"), "2021");
  cr_assert (g_strcmp0 (pipeline_date_of (doc, "unlawful"), "2021") != 0, "the ruling's object dated 2021");
}

/* A possessive date in the subject of a reported clause is the
 * reported noun's, not the saying's. */
Test (story, a_possessive_date_in_a_reported_subject_is_not_the_sayings)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("Investigators said last month's discovery of a rifle represented "
                                              "a breakthrough. The court issued Friday's ruling.",
                                              "2025-06-11");
  cr_assert_null (pipeline_date_of (doc, "said"), "the saying dated by the discovery");
  cr_assert_str_eq (pipeline_date_of (doc, "discovery"), "2025-05");
  cr_assert_str_eq (pipeline_date_of (doc, "issued"), "2025-06-06");
}

/* A date in a subject relative clause on a noun tells when the noun's
 * own happening was, not the main verb's: the recovering was not on the
 * day of the crash, nor the saying on the day of the resigning. */
Test (story, a_date_in_a_relative_clause_on_a_noun_is_not_the_main_verbs)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("Investigators recovered both flight recorders from the wreckage of "
                                              "the jet that crashed near the city on Sunday, the bureau said on "
                                              "Tuesday. The leader, who resigned at the weekend, said he was "
                                              "willing to quit.",
                                              "2025-09-16");
  cr_assert_str_eq (pipeline_date_of (doc, "crashed"), "2025-09-14");
  cr_assert (g_strcmp0 (pipeline_date_of (doc, "recovered"), "2025-09-14") != 0, "the recovering dated by the crash");
  cr_assert (g_strcmp0 (pipeline_date_of (doc, "willing"), "2025-W37-WE") != 0, "the willing dated by the resigning");
}

/* A 'for' period after a verb's object is the span the object measures:
 * a verb joined after it was not in the period.  An 'until' date ends a
 * state and is not its event's day. */
Test (story, a_measured_period_does_not_date_a_joined_verb)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("The company reported a loss for the third quarter and said it would "
                                              "cut jobs. The airline has cancelled flights until Friday.",
                                              "2025-11-18");
  cr_assert_str_eq (pipeline_date_of (doc, "loss"), "2025-Q3");
  cr_assert_null (pipeline_date_of (doc, "said"), "the saying dated by the quarter");
  cr_assert_null (pipeline_date_of (doc, "cancelled"), "the cancelling dated by its end");
}

/* A 'when' clause after a date tells what happened then, but not a
 * temporal clause inside it: the returning awaited is no happening of
 * early December. */
Test (story, a_temporal_clause_inside_a_when_clause_keeps_its_own_time)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("Rallies have been held since early December, when the president "
                                              "promised protests until the boy was returned to his father.",
                                              "2026-01-07");
  cr_assert_str_eq (pipeline_date_of (doc, "promised"), "2025-12");
  cr_assert_null (pipeline_date_of (doc, "returned"), "the returning dated early December");
}

/* A relative clause on the happening a passive's 'by' names dates the
 * passive as well: the landslide hit when it came. */
Test (story, a_relative_clause_on_a_passives_agent_dates_the_passive)
{
  g_autoptr (EvlDocument) doc = pipeline_doc ("A landslide destroyed the village. Three people were buried when "
                                              "their house was hit by the landslide that followed heavy rain on "
                                              "Saturday.",
                                              "2025-04-28");
  cr_assert_str_eq (pipeline_date_of (doc, "hit"), "2025-04-26");
}
