#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>
#include <string.h>

TestSuite (timeline);

typedef struct {
  char text[96];
  char name[32];
  int first;   /* byte offset of the first occurrence, -1 none */
  guint count; /* occurrences */
} NameCase;

ParameterizedTestParameters (timeline, finds_entity_names)
{
  static NameCase cases[] = {
    { "Steve Jobs unveiled the phone.", "Steve Jobs", 0, 1 },
    { "He said steve jobs was ill.", "Steve Jobs", 8, 1 },
    /* whole words only */
    { "Jobseekers queued outside.", "Jobs", -1, 0 },
    { "The iPods sold well.", "iPod", -1, 0 },
    { "Apple's iPod, the iPod nano.", "iPod", 8, 2 },
    /* one extra word between two of the name's words */
    { "the iTunes Music Store opened", "iTunes Store", 4, 1 },
    { "iTunes sells music in its Store", "iTunes Store", -1, 0 },
    { "Apple Corps Ltd sued", "Apple Corps", 0, 1 },
    /* the first word must be there; line breaks are space */
    { "Music Store of iTunes", "iTunes Store", -1, 0 },
    { "the iTunes\nStore", "iTunes Store", 4, 1 },
    /* a word at the very end of the text */
    { "It was the iPhone 4", "iPhone 4", 11, 1 },
    { "It was the iPhone 4S", "iPhone 4", -1, 0 },
  };
  return cr_make_param_array (NameCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (NameCase *tc, timeline, finds_entity_names)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean found = evl_timeline_find_name (tc->text, -1, tc->name, hits);
  cr_expect_eq (found, tc->first >= 0, "'%s' in \"%s\"", tc->name, tc->text);
  cr_expect_eq (hits->len, tc->count, "'%s' in \"%s\": %u hits", tc->name, tc->text, hits->len);
  if (tc->first >= 0 && hits->len)
    cr_expect_eq (g_array_index (hits, guint, 0), (guint) tc->first, "'%s' in \"%s\"", tc->name,
                  tc->text);
  cr_expect_eq (evl_timeline_find_name (tc->text, -1, tc->name, NULL), found);
}

Test (timeline, length_bounds_the_search)
{
  const char *text = "Apple unveiled the iPod";
  cr_expect_not (evl_timeline_find_name (text, 18, "iPod", NULL));
  cr_expect (evl_timeline_find_name (text, -1, "iPod", NULL));
  /* a prefix of a word is not the word: "iPo" ends inside "iPod" */
  cr_expect (evl_timeline_find_name (text, 22, "iPo", NULL));
  cr_expect_not (evl_timeline_find_name (text, -1, "iPo", NULL));
  cr_expect_not (evl_timeline_find_name (text, -1, "  ", NULL));
}

static EvlTimex
day_timex (guint start, int y, int m, int d)
{
  EvlTimex t = { .span = { start, start + 6 }, .type = EVL_TIMEX_DATE, .anchor = -1 };
  t.begin = t.end = evl_day_from_ymd (y, m, d);
  t.grain = EVL_GRAIN_DAY;
  return t;
}

Test (timeline, past_events_take_the_reports_last_named_day)
{
  EvlDay dct = evl_day_from_ymd (2010, 10, 23);
  EvlTimex tx[4] = {
    day_timex (0, 2010, 10, 23),   /* the dateline */
    day_timex (20, 2010, 10, 20),  /* "On Wednesday" */
    day_timex (300, 1976, 4, 1),   /* background: "founded on April 1, 1976" */
    day_timex (600, 2010, 10, 23), /* "today" */
  };
  cr_expect_eq (evl_timeline_reference_day (tx, 4, 10, dct), dct, "only the dateline before");
  cr_expect_eq (evl_timeline_reference_day (tx, 4, 100, dct), evl_day_from_ymd (2010, 10, 20));
  /* an old date dates its own clause, not the narrative after it */
  cr_expect_eq (evl_timeline_reference_day (tx, 4, 400, dct), evl_day_from_ymd (2010, 10, 20));
  cr_expect_eq (evl_timeline_reference_day (tx, 4, 700, dct), dct);
  /* a day after the creation time is a plan, not the report's past */
  EvlTimex next = day_timex (5, 2010, 10, 25);
  cr_expect_eq (evl_timeline_reference_day (&next, 1, 10, dct), dct);
  /* a coarser date is no day */
  EvlTimex month = day_timex (5, 2010, 10, 1);
  month.end = evl_day_from_ymd (2010, 10, 31);
  month.grain = EVL_GRAIN_MONTH;
  cr_expect_eq (evl_timeline_reference_day (&month, 1, 10, dct), dct);
  cr_expect_eq (evl_timeline_reference_day (NULL, 0, 10, dct), dct);
}

Test (timeline, one_event_takes_compatible_dates)
{
  /* a year alone is any event of that year */
  cr_expect_not (evl_timeline_same_event_date ("2010", "2010-06-07", TRUE));
  cr_expect_not (evl_timeline_same_event_date ("2010", "2010-06", FALSE));
  cr_expect (evl_timeline_same_event_date ("2010", "2010", FALSE));
  cr_expect (evl_timeline_same_event_date ("2010-06-07", "2010-06", TRUE));
  cr_expect (evl_timeline_same_event_date ("2010-06-07", "2010-06-07", TRUE));
  /* two days of one report are two events; two reports may differ by one */
  cr_expect_not (evl_timeline_same_event_date ("2010-10-20", "2010-10-23", TRUE));
  cr_expect (evl_timeline_same_event_date ("2010-10-20", "2010-10-23", FALSE));
  cr_expect_not (evl_timeline_same_event_date ("2010-10-31", "2010-11-01", FALSE));
  cr_expect_not (evl_timeline_same_event_date ("2009", "2010-06-07", FALSE));
}

typedef struct {
  char text[80];
  guint word_len;
  gboolean verb;
  char want[24];
} WordCase;

ParameterizedTestParameters (timeline, names_mentions_with_their_particle)
{
  static WordCase cases[] = {
    { "showed off the phone", 6, TRUE, "showed_off" },
    { "step down from his post", 4, TRUE, "step_down" },
    /* after a short object */
    { "took six months off in early 2009", 4, TRUE, "took_off" },
    { "taking the iPhone out of his pocket", 6, TRUE, "taking_out" },
    /* a clause word or a long object ends the search */
    { "said the deal was off", 4, TRUE, "said" },
    { "sold more than 21 million players out", 4, TRUE, "sold" },
    { "showed, off the record", 6, TRUE, "showed" },
    /* nouns take no particle; a particle must be a whole word */
    { "sales down by half", 5, FALSE, "sales" },
    { "stepped downstairs", 7, TRUE, "stepped" },
    { "showed", 6, TRUE, "showed" },
  };
  return cr_make_param_array (WordCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (WordCase *tc, timeline, names_mentions_with_their_particle)
{
  g_autofree char *w = evl_timeline_mention_word (tc->text, strlen (tc->text), tc->word_len, tc->verb);
  cr_expect_str_eq (w, tc->want, "\"%s\"", tc->text);
}

/* A test of the text at a byte offset: @arg is the text's length for
 * GENITIVE (0: the whole text) and the sentence's start for the others. */
typedef enum { GENITIVE, OPENS, TO } AtTest;

typedef struct {
  AtTest test;
  char text[48];
  guint arg, at;
  gboolean want;
} AtCase;

ParameterizedTestParameters (timeline, reads_the_words_around_an_offset)
{
  static AtCase cases[] = {
    /* a genitive date qualifies a noun */
    { GENITIVE, "at this year 's conference", 0, 12, TRUE },
    { GENITIVE, "at this year's conference", 0, 12, TRUE },
    { GENITIVE, "after two weeks' talks", 0, 15, TRUE },
    { GENITIVE, "Jobs ' health", 0, 4, TRUE },
    { GENITIVE, "the boss ' wife", 0, 8, TRUE },
    { GENITIVE, "said Jobs 'we will'", 0, 9, FALSE },
    { GENITIVE, "the iPod ' line", 0, 8, FALSE },
    { GENITIVE, "this year\xe2\x80\x99s show", 0, 9, TRUE },
    /* a quotation mark or a following word is no genitive */
    { GENITIVE, "said this year 'we will'", 0, 14, FALSE },
    { GENITIVE, "unveiled this year a phone", 0, 17, FALSE },
    { GENITIVE, "in 2010 's", 3, 7, FALSE }, /* past the end */
    { GENITIVE, "in 2010 's", 0, 7, TRUE },
    /* adverbial participle clauses */
    { OPENS, "Jobs started by hinting", 0, 16, TRUE },
    { OPENS, "the incident , saying", 0, 15, TRUE },
    { OPENS, "While introducing it", 0, 6, TRUE },
    { OPENS, "Speaking for Apple", 0, 0, TRUE },
    { OPENS, "walking onto it and taking", 0, 19, TRUE },
    { OPENS, "Done. Speaking for Apple", 6, 6, TRUE },
    /* a noun's participle or a progressive verb opens no clause */
    { OPENS, "He showed videos demonstrating", 0, 17, FALSE },
    { OPENS, "we 're launching", 0, 8, FALSE },
    { OPENS, "the hottest thing going", 0, 18, FALSE },
    { OPENS, "Bobby walking", 0, 6, FALSE },
    /* the infinitive marker right before a verb */
    { TO, "moved on to talk", 0, 12, TRUE },
    { TO, "To talk", 0, 3, TRUE },
    { TO, "to be deteriorating", 0, 6, FALSE },
    { TO, "went into talks", 0, 10, FALSE },
    { TO, "to talk", 3, 3, FALSE }, /* before the sentence */
  };
  return cr_make_param_array (AtCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (AtCase *tc, timeline, reads_the_words_around_an_offset)
{
  gboolean got = tc->test == GENITIVE ? evl_timeline_genitive_at (tc->text, tc->arg ? tc->arg : strlen (tc->text), tc->at)
                 : tc->test == OPENS  ? evl_timeline_opens_clause_before (tc->text, tc->arg, tc->at)
                                      : evl_timeline_to_before (tc->text, tc->arg, tc->at);
  cr_expect_eq (got, tc->want, "\"%s\" at %u", tc->text, tc->at);
}
