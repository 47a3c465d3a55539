/* Timex recognition and normalisation, table-driven per TIMEX3 family. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>
#include <string.h>

#include "timex/timex-private.h"

TestSuite (timex);

typedef struct {
  char text[256];
  char dct[24];      /* "" = no creation time */
  char extent[64];   /* the expected timex text */
  char type[12];     /* "" = @extent must NOT be (part of) a timex */
  char value[32];
  char mod[16];
} TxCase;

/* The context the tests share (made on first use). */
static EvlContext *
shared_ctx (void)
{
  static EvlContext *ctx;
  if (ctx == NULL)
    {
      GError *error = NULL;
      ctx = evl_context_new (&error);
      cr_assert_not_null (ctx, "%s", error ? error->message : "");
    }
  return ctx;
}

static EvlDocument *
annotate (const char *text, const char *dct)
{
  EvlContext *ctx = shared_ctx ();
  EvlDocument *doc = evl_document_new ("t", text, -1, NULL);
  cr_assert_not_null (doc);
  if (*dct)
    evl_document_set_dct (doc, dct, EVL_DCT_METADATA);
  evl_segment_document (ctx, doc);
  evl_timex_annotate (ctx, doc);
  return doc;
}

static void
check_case (const TxCase *c)
{
  g_autoptr (EvlDocument) doc = annotate (c->text, c->dct);
  gsize len;
  const char *text = evl_document_get_text (doc, &len);
  const char *at = strstr (text, c->extent);
  cr_assert_not_null (at, "fixture: '%s' not in '%s'", c->extent, c->text);
  guint32 start = (guint32) (at - text), end = start + (guint32) strlen (c->extent);
  guint n;
  const EvlTimex *tx = evl_document_get_timexes (doc, &n);
  GString *found = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (found, " [%.*s]=%s", (int) EVL_SPAN_LEN (tx[i].span),
                            text + tx[i].span.start, tx[i].value);
  if (c->type[0] == '\0')
    {
      for (guint i = 0; i < n; i++)
        cr_assert (tx[i].span.end <= start || tx[i].span.start >= end,
                   "'%s' in '%s' must not be a timex; found%s", c->extent, c->text, found->str);
      g_string_free (found, TRUE);
      return;
    }
  const EvlTimex *t = NULL;
  for (guint i = 0; i < n; i++)
    if (tx[i].span.start == start && tx[i].span.end == end)
      t = &tx[i];
  cr_assert_not_null (t, "no timex '%s' in '%s'; found%s", c->extent, c->text, found->str);
  g_string_free (found, TRUE);
  cr_assert_str_eq (evl_timex_type_to_string (t->type), c->type, "type of '%s'", c->extent);
  cr_assert_str_eq (t->value, c->value, "value of '%s'", c->extent);
  if (c->mod[0])
    cr_assert (t->mod && strcmp (t->mod, c->mod) == 0, "mod of '%s': %s", c->extent,
               t->mod ? t->mod : "(none)");
  else
    cr_assert_null (t->mod, "mod of '%s': %s", c->extent, t->mod);
}

#define DCT "2023-09-14"

/* One parameterized test per table of cases. */
#define TX_FAMILY(name, table)                                              \
  ParameterizedTestParameters (timex, name)                                 \
  {                                                                         \
    return cr_make_param_array (TxCase, table, G_N_ELEMENTS (table));       \
  }                                                                         \
  ParameterizedTest (TxCase *c, timex, name)                                \
  {                                                                         \
    check_case (c);                                                         \
  }

/* The seed story (issue 2), dated 2023-09-14. */
static TxCase seed_cases[] = {
  { "Putin and Kim met on Wednesday at the cosmodrome.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "The leaders convened at the Vostochny Cosmodrome on a Wednesday.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "A rocket carrying a spy satellite failed in August.", DCT, "August", "DATE", "2023-08", "" },
  { "The first launch attempt failed in May.", DCT, "May", "DATE", "2023-05", "" },
  { "Tensions have grown this year.", DCT, "this year", "DATE", "2023", "" },
  { "NASA had planned the launch for November of this year.", DCT, "November of this year", "DATE", "2023-11", "" },
  { "It opened on March 3 of last year.", DCT, "March 3 of last year", "DATE", "2022-03-03", "" },
  { "Russia began buying shells in early 2022.", DCT, "early 2022", "DATE", "2022", "START" },
  { "The Korean War of 1950-53 ended in an armistice.", DCT, "1950-53", "DATE", "1950/1953", "" },
  { "The two leaders have not met since 2019.", DCT, "2019", "DATE", "2019", "" },
  /* a year in the sentence sets the scene for a bare month, one after
   * 'since' does not */
  { "Prices fell in 2019, most of all in August.", DCT, "August", "DATE", "2019-08", "" },
  { "Prices showed their sharpest fall since September 2019 in August.", DCT, "August", "DATE", "2023-08", "" },
  { "Output has not been this low since 2019 in the third quarter.", DCT, "the third quarter", "DATE", "2023-Q3", "" },
  { "The program stalled for over 18 months.", DCT, "over 18 months", "DURATION", "P18M", "MORE_THAN" },
  { "Hours before the meeting, North Korea fired two missiles.", DCT, "Hours", "DURATION", "PTXH", "" },
  { "A second satellite launch failed in April.", DCT, "April", "DATE", "2023-04", "" },
  { "Pyongyang may supply artillery shells to Moscow.", DCT, "may", "", "", "" },
  { "Tuesday , July 23 2024\nHome / World", DCT, "Tuesday , July 23 2024", "DATE", "2024-07-23", "" },
  { "Space ties may deepen in the coming years.", DCT, "the coming years", "DURATION", "PXY", "" },
};

TX_FAMILY (seed_story, seed_cases)

/* Calendar dates at every granularity. */
static TxCase date_cases[] = {
  { "The deal closed on March 5, 1998, in New York.", DCT, "March 5, 1998", "DATE", "1998-03-05", "" },
  { "The deal closed on 5 March 1998.", DCT, "5 March 1998", "DATE", "1998-03-05", "" },
  { "It was signed on Sept. 30 in Geneva.", "1989-10-26", "Sept. 30", "DATE", "1989-09-30", "" },
  { "Payments start Feb. 1 under the plan.", "1989-10-26", "Feb. 1", "DATE", "1990-02-01", "" },
  { "In the fiscal year ended Jan. 31, the chain earned $3 million.", "1989-10-31", "Jan. 31", "DATE", "1989-01-31", "" },
  { "The dividend will be paid Dec. 14 to holders of record.", "1989-10-26", "Dec. 14", "DATE", "1989-12-14", "" },
  { "The offer was extended to Nov. 20 by the bidders.", "1989-10-26", "Nov. 20", "DATE", "1989-11-20", "" },
  { "Profit rose in the third quarter.", "1989-10-26", "the third quarter", "DATE", "1989-Q3", "" },
  { "Third-quarter profit rose.", "1989-10-26", "Third-quarter", "DATE", "1989-Q3", "" },
  /* the article of an adjectival quarter is the noun's */
  { "The third-quarter loss widened.", "1989-10-26", "third-quarter", "DATE", "1989-Q3", "" },
  { "It posted the fiscal second-quarter results.", "1989-10-26", "fiscal second-quarter", "DATE", "1989-Q2", "" },
  { "Analysts expect the second-half recovery to stall.", "1989-10-26", "second-half", "DATE", "1989-H2", "" },
  { "It expects sales above fiscal 1989 sales of $155 million.", "1989-10-26", "fiscal 1989", "DATE", "1989", "" },
  { "Sales fell in the first half of 1990.", DCT, "the first half of 1990", "DATE", "1990-H1", "" },
  /* two quarters from a named year's start or end are its half; with
   * no year they stay a duration */
  { "Sales fell in the first two quarters of 1990.", DCT, "the first two quarters of 1990", "DATE", "1990-H1", "" },
  { "Profit rose in the last two quarters of 1989.", DCT, "the last two quarters of 1989", "DATE", "1989-H2", "" },
  { "Sales fell in the first two quarters.", DCT, "the first two quarters", "DURATION", "P2Q", "" },
  { "The slump will last through at least the first two quarters of 1990.", DCT, "the first two quarters of 1990", "DATE",
    "1990-H1", "" },
  { "Sales rose in the last half of the '80s.", DCT, "the last half of the '80s", "DATE", "198", "END" },
  { "Prices soared in the 1990s.", DCT, "the 1990s", "DATE", "199", "" },
  { "Prices soared in the '80s.", DCT, "the '80s", "DATE", "198", "" },
  { "Prices soared in the nineties.", DCT, "the nineties", "DATE", "199", "" },
  { "She is in her sixties.", DCT, "sixties", "", "", "" },
  { "It was built in the 20th century.", DCT, "the 20th century", "DATE", "19", "" },
  { "The report was published on 2023-06-01.", DCT, "2023-06-01", "DATE", "2023-06-01", "" },
  { "The report was published on 2023/06/01.", DCT, "2023/06/01", "DATE", "2023-06-01", "" },
  { "The report was published on 13/06/2023.", DCT, "13/06/2023", "DATE", "2023-06-13", "" },
  { "The 2022/23 season ended badly.", DCT, "2022/23", "DATE", "2022/2023", "" },
  { "They met in the summer of 1990.", DCT, "the summer of 1990", "DATE", "1990-SU", "" },
  { "Exports grew this summer.", DCT, "this summer", "DATE", "2023-SU", "" },
  /* in February, a winter named by the year it began in: 'this spring'
   * is still the calendar year's */
  { "The rules will be reviewed this spring.", "2024-02-09", "this spring", "DATE", "2024-SP", "" },
  { "It snowed a lot this winter.", "2024-02-09", "this winter", "DATE", "2023-WI", "" },
  /* as many units as the paragraph before, which has no season: what the
   * grammar notes of one paragraph's classes must not serve the next */
  { "He saw the two men.\n\nExports grew again this summer.", DCT, "this summer", "DATE", "2023-SU", "" },
  { "The company was founded in fiscal 1989.", DCT, "fiscal 1989", "DATE", "1989", "" },
  { "The plan dates from nineteen ninety-six.", DCT, "nineteen ninety-six", "DATE", "1996", "" },
  { "Budapest hopes to join the union around the year 2000.", DCT, "the year 2000", "DATE", "2000", "" },
  { "Over the year 2000 troops left the base.", DCT, "2000", "", "", "" },
  { "Sales for fiscal 1989 rose, and in the year two thousand they fell.", DCT, "the year two thousand", "DATE", "2000", "" },
  { "Results for fiscal year 2024 are due.", DCT, "fiscal year 2024", "DATE", "2024", "" },
  { "Rates should peak by end-2024.", DCT, "end-2024", "DATE", "2024", "END" },
  { "The strikes end Monday.", DCT, "end", "", "", "" },
  { "Stores expect crowds on Black Friday.", DCT, "Black Friday", "DATE", "2023-11-24", "" },
  { "Online sales peak on Cyber Monday.", DCT, "Cyber Monday", "DATE", "2023-11-27", "" },
};

TX_FAMILY (calendar_dates, date_cases)

/* Clock times and parts of the day. */
static TxCase time_cases[] = {
  { "The blast came at 10:35 a.m. local time.", DCT, "10:35 a.m. local time", "TIME", "2023-09-14T10:35", "" },
  { "Polls close at 5 p.m. EST on the coast.", DCT, "5 p.m. EST", "TIME", "2023-09-14T17:00", "" },
  /* 'AM'/'PM' in capitals, as web copy and wires write them */
  { "The rocket lifted off at 2:02 PM UTC.", DCT, "2:02 PM UTC", "TIME", "2023-09-14T14:02", "" },
  { "Doors open at 7 PM sharp.", DCT, "7 PM", "TIME", "2023-09-14T19:00", "" },
  { "The shift ended at 12 AM.", DCT, "12 AM", "TIME", "2023-09-14T00:00", "" },
  { "The vote is scheduled for noon Saturday.", DCT, "noon Saturday", "TIME", "2023-09-16T12:00", "" },
  { "He will speak tonight.", DCT, "tonight", "TIME", "2023-09-14TNI", "" },
  { "Officials met this morning.", DCT, "this morning", "TIME", "2023-09-14TMO", "" },
  { "Shots were fired last night.", DCT, "last night", "TIME", "2023-09-13TNI", "" },
  { "The woman was killed Tuesday evening.", DCT, "Tuesday evening", "TIME", "2023-09-12TEV", "" },
  { "The woman was killed Tuesday morning.", DCT, "Tuesday morning", "DATE", "2023-09-12TMO", "" },
  /* a weekday and its part of day: the day with the part (TimeML,
   * TempEval-3), not the bare day */
  { "Police arrived on Friday night.", DCT, "Friday night", "DATE", "2023-09-08TNI", "" },
  /* a part of a day sets that day as the scene for a clock time or
   * 'the next morning' */
  { "Police arrived on Friday night at 10 p.m. local time.", DCT, "10 p.m. local time", "TIME", "2023-09-08T22:00", "" },
  { "It began Tuesday evening and ended the next morning.", DCT, "the next morning", "DATE", "2023-09-13", "" },
  { "The talks resume Monday morning.", DCT, "Monday morning", "DATE", "2023-09-18TMO", "" },
  { "The vote was held Saturday afternoon.", DCT, "Saturday afternoon", "TIME", "2023-09-09TAF", "" },
  { "The ship docked at 4 in the morning.", DCT, "4 in the morning", "TIME", "2023-09-14T04:00", "" },
  /* a modified part of day takes the day named after it */
  { "The raid lasted until the early morning of Sept. 10.", DCT, "early morning of Sept. 10", "TIME", "2023-09-10TMO", "START" },
  { "The raid began in the late evening Sept. 9.", DCT, "late evening Sept. 9", "TIME", "2023-09-09TEV", "END" },
  { "Rain fell in the late afternoon.", DCT, "late afternoon", "TIME", "2023-09-14TAF", "END" },
  /* a weekday after a clock time with no tense cue: the nearer one, as
   * a bare weekday */
  { "The deadline is 4 p.m. Friday.", DCT, "4 p.m. Friday", "TIME", "2023-09-15T16:00", "" },
  { "The deadline for bids is 1600 GMT Friday.", DCT, "1600 GMT Friday", "TIME", "2023-09-15T16:00", "" },
  { "The talks ended at 4 p.m. Friday.", DCT, "4 p.m. Friday", "TIME", "2023-09-08T16:00", "" },
  /* midnight (T24:00) ends its day: in a past clause the one just gone */
  { "The blast happened shortly after midnight.", DCT, "midnight", "TIME", "2023-09-13T24:00", "" },
  { "The curfew starts at midnight.", DCT, "midnight", "TIME", "2023-09-14T24:00", "" },
};

TX_FAMILY (clock_times, time_cases)

/* A time zone, a named one or an offset, is part of the time's extent
 * (TimeBank: '5 p.m. EST', '4 a.m. EDT Thursday'); the value is the
 * clock as written, without the zone, as TimeBank values it. */
static TxCase time_zone_cases[] = {
  { "Voting closes at 3 p.m. local time.", DCT, "3 p.m. local time", "TIME", "2023-09-14T15:00", "" },
  { "The offer expires at 5 p.m. New York time.", DCT, "5 p.m. New York time", "TIME", "2023-09-14T17:00", "" },
  { "Trading opened at 9:30 a.m. Hong Kong time.", DCT, "9:30 a.m. Hong Kong time", "TIME", "2023-09-14T09:30", "" },
  { "The summit opens at 10 a.m. Moscow time on Friday.", DCT, "10 a.m. Moscow time", "TIME", "2023-09-15T10:00", "" },
  { "Flights resume at 09:00 UTC+3.", DCT, "09:00 UTC+3", "TIME", "2023-09-14T09:00", "" },
  { "The strike began at 06:00 GMT-5 on Monday.", DCT, "06:00 GMT-5", "TIME", "2023-09-11T06:00", "" },
  { "Results are due at 9 a.m. UTC+05:30.", DCT, "9 a.m. UTC+05:30", "TIME", "2023-09-14T09:00", "" },
  { "Trading opens at 9:30 a.m. ET on Monday.", DCT, "9:30 a.m. ET", "TIME", "2023-09-18T09:30", "" },
  { "The meeting starts at 10 a.m. EST and ends at 14:00 GMT.", DCT, "14:00 GMT", "TIME", "2023-09-14T14:00", "" },
  { "The quake struck at 2 p.m. AEST.", DCT, "2 p.m. AEST", "TIME", "2023-09-14T14:00", "" },
  /* a zone in capitals only: 'West' opens a place name */
  { "Shops shut at 17:00 West of the river.", DCT, "17:00", "TIME", "2023-09-14T17:00", "" },
  /* the day after the same time in another zone, in brackets */
  { "The craft will land at 3:15 p.m. EDT (1915 GMT) on Sunday.", DCT, "3:15 p.m. EDT", "TIME", "2023-09-17T15:15", "" },
  { "The craft will land at 3:15 p.m. EDT (1915 GMT) on Sunday.", DCT, "1915 GMT", "TIME", "2023-09-17T19:15", "" },
  { "The quake struck at 6:45 a.m. local time (2145 GMT), Tuesday.", DCT, "6:45 a.m. local time", "TIME", "2023-09-12T06:45", "" },
  { "The blast occurred at around 11:20 a.m. (0220 GMT).", DCT, "0220 GMT", "TIME", "2023-09-14T02:20", "" },
};

TX_FAMILY (time_zones, time_zone_cases)

/* A day of the month alone: the month last named, else the creation
 * month (the one before for a later day in the past, the next for an
 * earlier day ahead).  Ordinals that count something else are no days. */
static TxCase day_ordinal_cases[] = {
  { "Talks began in March. The vote came on the 15th.", DCT, "the 15th", "DATE", "2023-03-15", "" },
  /* the named month is no scene for a day the tense puts on the other
   * side of the creation date */
  { "Talks began in March. They will meet again on the 15th.", DCT, "the 15th", "DATE", "2023-09-15", "" },
  { "The deal was signed on Sept. 3. It closed on the 12th, officials said.", DCT, "the 12th", "DATE", "2023-09-12", "" },
  { "The vote came on the 15th and a recount followed.", DCT, "the 15th", "DATE", "2023-08-15", "" },
  { "The vote came on the 3rd.", DCT, "the 3rd", "DATE", "2023-09-03", "" },
  { "Payments will resume by the 3rd.", DCT, "the 3rd", "DATE", "2023-10-03", "" },
  { "The court will rule on the 20th.", DCT, "the 20th", "DATE", "2023-09-20", "" },
  /* a guessed month sets no scene: the next bare day is read alone */
  { "It failed on the 15th. A new test is due on the 2nd.", DCT, "the 2nd", "DATE", "2023-10-02", "" },
  { "The board relied on the 15th amendment.", DCT, "the 15th", "", "", "" },
  { "He lives on the 3rd floor.", DCT, "the 3rd", "", "", "" },
  { "A church from the 15th century burned.", DCT, "the 15th century", "DATE", "14", "" },
  { "She finished 3rd in the race.", DCT, "3rd", "", "", "" },
  { "He scored in the 3rd.", DCT, "the 3rd", "", "", "" },
  { "It rained on the 3rd and final day.", DCT, "the 3rd", "", "", "" },
  { "The 15th-century bridge was closed on the 2nd-floor level.", DCT, "2nd", "", "", "" },
};

TX_FAMILY (day_of_month_alone, day_ordinal_cases)

/* ISO weeks by number ('in week 12'): YYYY-Www. */
static TxCase week_number_cases[] = {
  { "Sales rose in week 12.", DCT, "week 12", "DATE", "2023-W12", "" },
  { "Output fell in week 52 of 2022.", DCT, "week 52 of 2022", "DATE", "2022-W52", "" },
  { "Deliveries will start in week 40.", DCT, "week 40", "DATE", "2023-W40", "" },
  /* a later week in the past: last year's */
  { "Sales peaked in week 48.", DCT, "week 48", "DATE", "2022-W48", "" },
  /* the ISO year of the creation day: 1 January 2021 is in 2020-W53 */
  { "Sales rose in week 50.", "2021-01-01", "week 50", "DATE", "2020-W50", "" },
  { "The team won in Week 3.", DCT, "Week 3", "", "", "" },
  { "In week 3 of the trial, he spoke.", DCT, "week 3", "", "", "" },
  { "Output fell in week 53 of 2022.", DCT, "week 53", "", "", "" },
};

TX_FAMILY (week_numbers, week_number_cases)

/* Durations, numbers in words, fractions and quantity modifiers. */
static TxCase duration_cases[] = {
  { "Lawyers emerged from their third day-long meeting.", DCT, "day-long", "DURATION", "P1D", "" },
  { "The hour-long speech ended.", DCT, "hour-long", "DURATION", "PT1H", "" },
  { "The city was ruled from Moscow for centuries.", DCT, "centuries", "DURATION", "PXC", "" },
  { "He probably died within weeks or months of his capture.", DCT, "weeks or months", "DURATION", "PXW", "" },
  { "The loan may be extended for an additional year.", DCT, "an additional year", "DURATION", "P1Y", "" },
  /* a fiscal year named by its end is reported as a duration */
  { "Profit rose 5% in the year ended March 31.", DCT, "the year", "DURATION", "P1Y", "" },
  { "The bank posted net losses for the year to March.", DCT, "the year", "DURATION", "P1Y", "" },
  { "Output fell in the year to February 2022.", DCT, "the year", "DURATION", "P1Y", "" },
  { "Prices rose in the year to 2022 levels.", DCT, "the year", "DATE", "2023", "" },
  { "Talks ran an extra day.", DCT, "an extra day", "DURATION", "P1D", "" },
  { "The strike lasted one day.", DCT, "one day", "DURATION", "P1D", "" },
  { "Lawyers have until the end of the 14-day period to appeal.", DCT, "14-day", "DURATION", "P14D", "" },
  { "Elections for the next five-year term are due.", DCT, "five-year", "DURATION", "P5Y", "" },
  { "The last two-day meeting failed.", DCT, "two-day", "DURATION", "P2D", "" },
  { "A year-long inquiry found no fault.", DCT, "year-long", "DURATION", "P1Y", "" },
  { "The siege lasted two weeks.", DCT, "two weeks", "DURATION", "P2W", "" },
  { "He served two and a half years.", DCT, "two and a half years", "DURATION", "P2Y6M", "" },
  { "Prices have tripled in the past two and a half years.", DCT, "the past two and a half years", "DURATION",
    "P2Y6M", "" },
  /* 'the weeks ahead' is one span, as 'the coming weeks' */
  { "Prices could rise in the months ahead.", DCT, "the months ahead", "DURATION", "PXM", "" },
  { "In the days after the vote, protests grew.", DCT, "days", "DURATION", "PXD", "" },
  /* 'the past week', 'in the last month': the span up to now */
  { "Stocks rose 3 percent over the past week.", DCT, "the past week", "DURATION", "P1W", "" },
  { "In the last month, 40 people died.", DCT, "the last month", "DURATION", "P1M", "" },
  /* the verb 'last' after a modal or 'to' is no part of the duration */
  { "The trial is expected to last three weeks.", DCT, "three weeks", "DURATION", "P3W", "" },
  { "The ceasefire did not last a week.", DCT, "a week", "DURATION", "P1W", "" },
  { "The strike will last two days.", DCT, "two days", "DURATION", "P2D", "" },
  { "Prices rose in the last three weeks.", DCT, "the last three weeks", "DURATION", "P3W", "" },
  { "Talks went on for three hours.", DCT, "three hours", "DURATION", "PT3H", "" },
  { "He served a dozen years in office.", DCT, "a dozen years", "DURATION", "P12Y", "" },
  { "It took twenty-four hours to decide.", DCT, "twenty-four hours", "DURATION", "PT24H", "" },
  { "The trial lasted a year and a half.", DCT, "a year and a half", "DURATION", "P1Y6M", "" },
  { "The flight took 5 1/2 hours.", DCT, "5 1/2 hours", "DURATION", "PT5H30M", "" },
  { "The work will take about three years.", DCT, "three years", "DURATION", "P3Y", "APPROX" },
  { "The ban lasted more than 18 months.", DCT, "more than 18 months", "DURATION", "P18M", "MORE_THAN" },
  { "They waited at least 72 hours.", DCT, "at least 72 hours", "DURATION", "PT72H", "EQUAL_OR_MORE" },
  { "He stayed for several years.", DCT, "several years", "DURATION", "PXY", "" },
  { "The conflict has lasted decades.", DCT, "decades", "DURATION", "PXY", "" },
  { "Unemployment rose over the past two months.", DCT, "the past two months", "DURATION", "P2M", "" },
  { "A two-year program was announced.", DCT, "two-year", "DURATION", "P2Y", "" },
  { "Output fell for two decades.", DCT, "two decades", "DURATION", "P20Y", "" },
  /* a range by its first bound; a year before 'to' and a term is no range */
  { "Repairs will take two to three weeks.", DCT, "two to three weeks", "DURATION", "P2W", "" },
  { "The fighting lasted four or five days.", DCT, "four or five days", "DURATION", "P4D", "" },
  { "Four deputies were sentenced in 1995 to 15 years in prison.", DCT, "1995", "DATE", "1995", "" },
  { "Four deputies were sentenced in 1995 to 15 years in prison.", DCT, "15 years", "DURATION", "P15Y", "" },
  { "Output fell over the past decade.", DCT, "the past decade", "DURATION", "P10Y", "" },
  { "Output fell in the last decade.", DCT, "the last decade", "DATE", "201", "" },
  /* a target year ahead is no point the story has reached: a span from
   * 'over the next' counts from the creation time */
  { "It aims to double output by 2030 and expects growth over the next decade.", DCT, "the next decade", "DATE", "203", "" },
  { "It aims to double output by 2030. Growth in the next decade will be slow.", DCT, "the next decade", "DATE", "203", "" },
  { "Output grew in 1998. Over the next decade it doubled.", DCT, "the next decade", "DATE", "200", "" },
  { "It will open on Oct. 3 and close the next day.", DCT, "the next day", "DATE", "2023-10-04", "" },
  { "Profits doubled in the past two quarters.", DCT, "the past two quarters", "DURATION", "P2Q", "" },
  /* counts as printf's %g spells them: digits below a million, a
   * fraction in the smaller unit, an exponent from a million on */
  { "They argued for 999,999 days.", DCT, "999,999 days", "DURATION", "P999999D", "" },
  { "The talks lasted 1.5 hours.", DCT, "1.5 hours", "DURATION", "PT1H30M", "" },
  { "The wait was 0.5 days.", DCT, "0.5 days", "DURATION", "PT12H", "" },
  { "The trip took 2.25 years.", DCT, "2.25 years", "DURATION", "P2Y3M", "" },
  { "The rocks formed in over 2,000,000 years.", DCT, "over 2,000,000 years", "DURATION", "P2e+06Y", "MORE_THAN" },
  { "The rocks formed in 1,500,000 years.", DCT, "1,500,000 years", "DURATION", "P1.5e+06Y", "" },
  /* a count of one half, in the smaller unit */
  { "The gunfire lasted half an hour.", DCT, "half an hour", "DURATION", "PT30M", "" },
  { "Half a day later the roads reopened.", DCT, "Half a day", "DURATION", "PT12H", "" },
  { "The feud lasted half a century.", DCT, "half a century", "DURATION", "P50Y", "" },
  { "The mill closed half a century ago.", DCT, "half a century ago", "DATE", "1973", "" },
  { "Half a million people marched.", DCT, "Half a million", "", "", "" },
  /* dozens counted */
  { "The siege lasted two dozen days.", DCT, "two dozen days", "DURATION", "P24D", "" },
  { "He spent three dozen years abroad.", DCT, "three dozen years", "DURATION", "P36Y", "" },
  { "Two dozen people were hurt.", DCT, "Two dozen", "", "", "" },
  /* the article of an adjectival vague count is the noun's */
  { "It was a several-year effort.", DCT, "several-year", "DURATION", "PXY", "" },
  { "The strike caused a few-day delay.", DCT, "few-day", "DURATION", "PXD", "" },
  { "It took a few days.", DCT, "a few days", "DURATION", "PXD", "" },
};

TX_FAMILY (durations, duration_cases)

/* Recurrences. */
static TxCase set_cases[] = {
  { "The committee meets every week.", DCT, "every week", "SET", "P1W", "" },
  { "Inspectors visit twice a year.", DCT, "twice a year", "SET", "P1Y", "" },
  { "The paper is published daily.", DCT, "daily", "SET", "P1D", "" },
  { "The market opens each Thursday.", DCT, "each Thursday", "SET", "XXXX-WXX-4", "" },
  { "Rates are reviewed three times a month.", DCT, "three times a month", "SET", "P1M", "" },
  { "Commemorations are held here annually.", DCT, "annually", "SET", "P1Y", "" },
  { "Two flights will leave Bombay on Monday and Tuesday nights.", DCT, "Monday", "SET", "XXXX-WXX-1TNI", "" },
  { "Two flights will leave Bombay on Monday and Tuesday nights.", DCT, "Tuesday nights", "SET", "XXXX-WXX-2TNI", "" },
  { "The shop closes on Sundays.", DCT, "Sundays", "SET", "XXXX-WXX-7", "" },
  { "Most auctions are held in the second and fourth quarters.", DCT, "second", "SET", "XXXX-Q2", "" },
  { "Most auctions are held in the second and fourth quarters.", DCT, "fourth quarters", "SET", "XXXX-Q4", "" },
  { "Marches have provoked violence for the past three summers.", DCT, "the past three summers", "SET", "XXXX-SU", "" },
  { "They spend winters in Florida.", DCT, "winters", "SET", "XXXX-WI", "" },
  { "The committee meets every other week.", DCT, "every other week", "SET", "P2W", "" },
  { "The museum is open on weekends.", DCT, "weekends", "SET", "XXXX-WXX-WE", "" },
  { "They spent several weekends there.", DCT, "several weekends", "DURATION", "PXWE", "" },
  /* a rate after a quantity, like '$500 million a year' */
  { "The plant would produce about 10,000 units annually.", DCT, "annually", "", "", "" },
  { "Revenue should rise 8.5% annually.", DCT, "annually", "", "", "" },
  /* after a clock time the rate repeats the time, no quantity */
  { "A curfew runs from 10 p.m. to 5 a.m. daily.", DCT, "daily", "SET", "P1D", "" },
  { "The museum opens at 09:00 daily.", DCT, "daily", "SET", "P1D", "" },
  { "The shop opens at 9am daily.", DCT, "daily", "SET", "P1D", "" },
  { "The plant makes 500 units daily.", DCT, "daily", "", "", "" },
  { "The field pumps 300,000 barrels a day.", DCT, "a day", "", "", "" },
  { "Teachers earn 300 dollars a month.", DCT, "a month", "", "", "" },
  { "Calls cost one dollar a minute.", DCT, "a minute", "", "", "" },
  { "The train runs at 450 kilometres an hour.", DCT, "an hour", "", "", "" },
  { "They earn 8,000 Singapore dollars (5,714 US) a month.", DCT, "a month", "", "", "" },
  { "The festival lasts a week.", DCT, "a week", "DURATION", "P1W", "" },
  /* a vague count keeps the recurrence */
  { "Floods strike the valley every few years.", DCT, "every few years", "SET", "PXY", "" },
  { "The panel meets every several months.", DCT, "every several months", "SET", "PXM", "" },
  /* an ordinal step: 'every second week' as 'every other week' */
  { "The bins are emptied every second week.", DCT, "every second week", "SET", "P2W", "" },
  { "The census is held every third year.", DCT, "every third year", "SET", "P3Y", "" },
  { "The club meets every second Tuesday.", DCT, "every second Tuesday", "SET", "XXXX-WXX-2", "" },
  { "Every second counts.", DCT, "Every second", "SET", "PT1S", "" },
  /* the second day of 'every Monday and Thursday' recurs too */
  { "The market opens every Monday and Thursday.", DCT, "Thursday", "SET", "XXXX-WXX-4", "" },
  { "He calls each Tuesday or Friday.", DCT, "Friday", "SET", "XXXX-WXX-5", "" },
  { "The leaders met on Monday and Tuesday.", DCT, "Tuesday", "DATE", "2023-09-12", "" },
};

TX_FAMILY (sets, set_cases)

Test (timex, set_frequency_and_quantifier)
{
  g_autoptr (EvlDocument) doc = annotate ("Inspectors visit twice a year and meet every week.", DCT);
  guint n;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  cr_assert_eq (n, 2);
  cr_assert_str_eq (t[0].freq, "2X");
  cr_assert_str_eq (t[1].quant, "EVERY");
}

/* Relative to the creation time; tense picks past or future. */
static TxCase relative_cases[] = {
  { "The minister resigned yesterday.", DCT, "yesterday", "DATE", "2023-09-13", "" },
  { "The minister will resign tomorrow.", DCT, "tomorrow", "DATE", "2023-09-15", "" },
  { "The rally took place last Friday.", DCT, "last Friday", "DATE", "2023-09-08", "" },
  { "The two sides will meet on Friday.", DCT, "Friday", "DATE", "2023-09-15", "" },
  { "The two sides met on Monday.", DCT, "Monday", "DATE", "2023-09-11", "" },
  /* the future perfect is done by a time ahead; 'would have' is past */
  { "The troops will have left by Tuesday.", DCT, "Tuesday", "DATE", "2023-09-19", "" },
  { "The troops will not have finished by Wednesday.", DCT, "Wednesday", "DATE", "2023-09-20", "" },
  { "The troops would have left by Tuesday.", DCT, "Tuesday", "DATE", "2023-09-12", "" },
  /* what a call asks for may lie ahead: the nearer day */
  { "The union called for a general strike on Friday.", DCT, "Friday", "DATE", "2023-09-15", "" },
  { "The union called for a general strike on Wednesday.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "The union had called for a general strike on Friday.", DCT, "Friday", "DATE", "2023-09-08", "" },
  { "The offer had been scheduled to expire Friday.", DCT, "Friday", "DATE", "2023-09-08", "" },
  { "Officials postponed until Tuesday any action on the case.", DCT, "Tuesday", "DATE", "2023-09-19", "" },
  { "Until Thursday, they had not called him a suspect.", "2023-09-15", "Thursday", "DATE", "2023-09-14", "" },
  { "It was not until Tuesday that he spoke.", DCT, "Tuesday", "DATE", "2023-09-12", "" },
  /* 'the weekend' with no tense cue: the nearer one, the one just gone
   * in Monday to Wednesday copy; after 'since' the last one */
  { "Crowds at the weekend are the biggest in years.", "2023-09-11", "the weekend", "DATE", "2023-W36-WE", "" },
  { "Crowds at the weekend are the biggest in years.", DCT, "the weekend", "DATE", "2023-W37-WE", "" },
  { "Prices are up since the weekend.", "2023-09-13", "the weekend", "DATE", "2023-W36-WE", "" },
  { "Prices are up since the weekend.", "2023-09-15", "the weekend", "DATE", "2023-W36-WE", "" },
  /* verbs of beginning and ending in the present tell a schedule */
  { "His term of office expires in May.", DCT, "May", "DATE", "2024-05", "" },
  { "The new season opens in May.", DCT, "May", "DATE", "2024-05", "" },
  /* so does 'meet': 'leaders meet Monday' is a meeting still ahead */
  { "He and Arafat meet separately Monday with Albright.", "1998-05-01", "Monday", "DATE", "1998-05-04", "" },
  { "The council meets on Tuesday.", DCT, "Tuesday", "DATE", "2023-09-19", "" },
  { "They did not meet on Monday.", DCT, "Monday", "DATE", "2023-09-11", "" },
  { "The offer had been due to expire Friday.", DCT, "Friday", "DATE", "2023-09-08", "" },
  { "The law takes effect in January.", "2025-06-11", "January", "DATE", "2026-01", "" },
  { "The summit takes place on Monday.", "2025-06-11", "Monday", "DATE", "2025-06-16", "" },
  { "The law did not take effect in January.", "2025-06-11", "January", "DATE", "2025-01", "" },
  /* 'would' is the future of reported speech; after the date and
   * 'that' it tells a past report */
  { "The agency said it would decide on Friday.", DCT, "Friday", "DATE", "2023-09-15", "" },
  { "Officials said the plant would close in December.", "2025-06-11", "December", "DATE", "2025-12", "" },
  { "He made it clear on Thursday that he would fight.", "2025-06-11", "Thursday", "DATE", "2025-06-05", "" },
  /* 'is due in' a deadline ahead, as 'is due to' */
  { "The report is due in March.", "2025-06-11", "March", "DATE", "2026-03", "" },
  { "The report was due in March.", "2025-06-11", "March", "DATE", "2025-03", "" },
  /* a modal heading the clause rules out a month long gone */
  { "Elections must be held by March.", "2025-06-11", "March", "DATE", "2026-03", "" },
  { "He may return in March.", "2025-06-11", "March", "DATE", "2026-03", "" },
  { "The decision in March may prove costly.", "2025-06-11", "March", "DATE", "2025-03", "" },
  /* a perfect otherwise tells a past as firmly as a verb next to the date */
  { "Lawmakers have averted several since then, most recently in March.", "2025-12-17", "March", "DATE",
    "2025-03", "" },
  { "The trip, which had been set for June 7, was called off.", "1997-04-15", "June 7", "DATE", "1997-06-07", "" },
  /* a present perfect sets a target after 'for' */
  { "The union has called a strike for Friday.", "2025-06-11", "Friday", "DATE", "2025-06-13", "" },
  { "He has been jailed for Friday's attack.", "2025-06-11", "Friday", "DATE", "2025-06-06", "" },
  /* irregular past forms of news verbs are past cues */
  { "Witnesses heard shots late Friday night.", "2025-06-11", "late Friday night", "DATE", "2025-06-06TNI", "END" },
  { "Thousands fled the city on Friday.", "2025-06-11", "Friday", "DATE", "2025-06-06", "" },
  /* 'to be' + participle is an infinitive too */
  { "The results are to be announced on Monday.", DCT, "Monday", "DATE", "2023-09-18", "" },
  { "He wants to be home by Monday.", DCT, "Monday", "DATE", "2023-09-18", "" },
  /* a date after 'since' starts a state lasting to the time of writing */
  { "He has been missing since Friday.", "2025-06-11", "Friday", "DATE", "2025-06-06", "" },
  /* a past verb heading the clause beyond the near window still governs */
  { "A cargo ship docked in the northern port of the city of Gdansk on Friday.", "2025-06-12", "Friday", "DATE",
    "2025-06-06", "" },
  { "The court ordered him to attend a hearing at the district court beginning Friday.", "2025-06-12", "Friday",
    "DATE", "2025-06-13", "" },
  { "The border has been closed since Thursday, officials said.", "2025-06-11", "Thursday", "DATE", "2025-06-05", "" },
  { "Schools have been shut since Sept. 3.", "2025-06-11", "Sept. 3", "DATE", "2024-09-03", "" },
  /* 'this past', 'this coming': one expression, the second word tells */
  { "It happened this past weekend.", "2025-06-11", "this past weekend", "DATE", "2025-W23-WE", "" },
  { "The vote is this coming Sunday.", "2025-06-11", "this coming Sunday", "DATE", "2025-06-15", "" },
  { "He was here this past Monday.", "2025-06-11", "this past Monday", "DATE", "2025-06-09", "" },
  { "The deal was struck this past spring.", "2025-06-11", "this past spring", "DATE", "2025-SP", "" },
  /* 'is set for' tells a plan, as 'is scheduled for' */
  { "The election is set for Nov. 5.", "2025-06-11", "Nov. 5", "DATE", "2025-11-05", "" },
  { "The runoff is set for Feb. 2.", DCT, "Feb. 2", "DATE", "2024-02-02", "" },
  /* a present passive is no past, irregular participles included */
  { "Elections are held on Oct. 20.", DCT, "Oct. 20", "DATE", "2023-10-20", "" },
  { "The tariffs are put in place on Oct. 20.", DCT, "Oct. 20", "DATE", "2023-10-20", "" },
  { "Elections were held on Oct. 20.", DCT, "Oct. 20", "DATE", "2022-10-20", "" },
  /* 'to' before a bare place noun is no infinitive: the past verb tells */
  { "He was taken to hospital Tuesday.", DCT, "Tuesday", "DATE", "2023-09-12", "" },
  { "He was rushed to hospital late Tuesday.", DCT, "late Tuesday", "DATE", "2023-09-12", "END" },
  { "The bridge was closed to traffic on Thursday.", "2025-03-14", "Thursday", "DATE", "2025-03-13", "" },
  { "The minister spoke to reporters on Monday.", DCT, "Monday", "DATE", "2023-09-11", "" },
  /* nor is a 'to' after a return: the verb group before it tells */
  { "The strikers returned to work on Tuesday.", DCT, "Tuesday", "DATE", "2023-09-12", "" },
  { "Dock workers went back to work Tuesday.", DCT, "Tuesday", "DATE", "2023-09-12", "" },
  { "The strikers will return to work on Tuesday.", DCT, "Tuesday", "DATE", "2023-09-19", "" },
  { "The shares were sold to investors on Tuesday.", DCT, "Tuesday", "DATE", "2023-09-12", "" },
  { "They hope to discuss it on Tuesday.", DCT, "Tuesday", "DATE", "2023-09-19", "" },
  { "He wants to leave Tuesday.", DCT, "Tuesday", "DATE", "2023-09-19", "" },
  { "Protesters were planning to drive around the airport on Monday.", DCT, "Monday", "DATE", "2023-09-18", "" },
  { "Among the first three countries to accede to the alliance on Monday were Poland and Hungary.", DCT,
    "Monday", "DATE", "2023-09-11", "" },
  { "A memorial planned for Saturday was canceled.", DCT, "Saturday", "DATE", "2023-09-09", "" },
  /* a participle after its noun leaves the year to the clause's verb */
  { "The board will urge investors to back the deal at a meeting planned for April.", "2025-02-25",
    "April", "DATE", "2025-04", "" },
  { "Fans will gather at a concert scheduled for June.", "2025-02-25", "June", "DATE", "2025-06", "" },
  { "A vote planned for October was called off.", "2025-02-25", "October", "DATE", "2024-10", "" },
  { "Exiles vowed to get around Wednesday's ruling.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  /* what a clause runs ahead of lies ahead */
  { "Shares fell ahead of Sunday's election.", "2025-06-12", "Sunday", "DATE", "2025-06-15", "" },
  { "Police were deployed ahead of Saturday's march.", "2025-06-12", "Saturday", "DATE", "2025-06-14", "" },
  { "Traders squared positions ahead of the weekend.", "2025-06-12", "the weekend", "DATE", "2025-W24-WE", "" },
  /* a passive infinitive looks ahead as an active one does */
  { "The survey, to be published in the newspaper Friday, put the party ahead.", "2025-06-12", "Friday", "DATE",
    "2025-06-13", "" },
  /* 'following' without 'the' is the preposition 'after' */
  { "The president was praised following Tuesday's raid.", "2025-06-12", "Tuesday", "DATE", "2025-06-10", "" },
  { "Prices rose following April's vote.", "2025-06-12", "April", "DATE", "2025-04", "" },
  { "He left on Monday and returned the following Tuesday.", "2025-06-12", "the following Tuesday", "DATE",
    "2025-06-10", "" },
  /* a newspaper or a magazine, not a rate */
  { "The mayor resigned, the daily said.", "2025-06-12", "daily", "", "", "" },
  { "The move may come by 2030, the leading economic daily said.", "2025-06-12", "daily", "", "", "" },
  { "A statue was found, a government daily reported.", "2025-06-12", "daily", "", "", "" },
  { "He told the weekly Der Spiegel that he would stay.", "2025-06-12", "weekly", "", "", "" },
  { "A poll in the right-wing Daily Courier put the party ahead.", "2025-06-12", "Daily", "", "", "" },
  { "The Lagos Tribune daily reported the arrests.", "2025-06-12", "daily", "", "", "" },
  { "Prices are checked daily.", "2025-06-12", "daily", "SET", "P1D", "" },
  { "Protests have been held almost daily since March.", "2025-06-12", "daily", "SET", "P1D", "" },
  /* a date before its noun names the noun's time, not the past verb's */
  { "Opposition leaders called the May 23 polls a farce.", "2025-04-21", "May 23", "DATE", "2025-05-23", "" },
  { "The city faced a legal vacuum after the July 1 handover of the port.", "2025-04-09", "July 1", "DATE",
    "2025-07-01", "" },
  /* a list of days keeps to one week: each day nearest the one before it */
  { "The pearls were to be put on show on Friday and Saturday before being auctioned.", "2025-06-13", "Saturday",
    "DATE", "2025-06-14", "" },
  { "Following are statements made Friday and Thursday by the lawyer.", "2025-06-13", "Thursday", "DATE",
    "2025-06-12", "" },
  /* ... but not past the creation time in a past clause: the week before
   * (2025-06-11 is a Wednesday) */
  { "They met Monday and Thursday.", "2025-06-11", "Thursday", "DATE", "2025-06-05", "" },
  { "Talks were held on Monday and Thursday.", "2025-06-11", "Thursday", "DATE", "2025-06-05", "" },
  { "Talks will be held on Monday and Thursday.", "2025-06-11", "Thursday", "DATE", "2025-06-19", "" },
  { "The poll, carried out between Friday and Wednesday, showed a lead.", "2025-06-11", "Wednesday", "DATE",
    "2025-06-11", "" },
  /* an auxiliary or a plan heading the clause puts a named day ahead */
  { "Fans are expected to pack Sunday's final in the capital.", "2025-06-12", "Sunday", "DATE", "2025-06-15", "" },
  { "Delegates will attend Friday's summit.", "2025-06-12", "Friday", "DATE", "2025-06-13", "" },
  /* a date something was set or slated for lies ahead, told in the past or not */
  { "The judge scheduled a hearing, which she set for June 12.", "2025-03-18", "June 12", "DATE", "2025-06-12", "" },
  { "The hearing was set for June 12.", "2025-03-18", "June 12", "DATE", "2025-06-12", "" },
  { "The talks were slated for June 12.", "2025-03-18", "June 12", "DATE", "2025-06-12", "" },
  { "The vote, which had been set for Feb. 12, was postponed.", "2025-03-18", "Feb. 12", "DATE", "2025-02-12", "" },
  { "He set the tone for the talks on Tuesday.", "2025-03-20", "Tuesday", "DATE", "2025-03-18", "" },
  /* a past form after 'to' is the bare verb: the infinitive looks ahead */
  { "The storm is forecast to hit on Friday.", "2025-03-20", "Friday", "DATE", "2025-03-21", "" },
  { "The team is due to set out on Monday.", "2025-03-20", "Monday", "DATE", "2025-03-24", "" },
  /* 'plan' the noun is no plan of the clause: its verb tells */
  { "The cabinet approved the plan on Tuesday.", "2025-03-20", "Tuesday", "DATE", "2025-03-18", "" },
  { "The company unveiled plans on Monday.", "2025-03-20", "Monday", "DATE", "2025-03-17", "" },
  { "The company plans to cut jobs on Friday.", "2025-03-20", "Friday", "DATE", "2025-03-21", "" },
  /* the dateline's year is the creation year: the tense decides */
  { "NEW DELHI, April 30, 1997 (AFP) -- The party took office in October.", "1997-04-30", "October", "DATE",
    "1996-10", "" },
  { "NEW DELHI, April 30, 1997 (AFP) -- The party will take office in October.", "1997-04-30", "October",
    "DATE", "1997-10", "" },
  { "Lawyers will appeal Thursday's ruling.", DCT, "Thursday", "DATE", "2023-09-14", "" },
  { "They will hold celebrations to mark the country's entry into the alliance on Friday.", DCT, "Friday", "DATE", "2023-09-15", "" },
  { "Inflation slowed last week.", DCT, "last week", "DATE", "2023-W36", "" },
  { "Prices rose last month.", DCT, "last month", "DATE", "2023-08", "" },
  { "Elections are due next year.", DCT, "next year", "DATE", "2024", "" },
  { "The plant closed a year ago.", DCT, "a year ago", "DATE", "2022", "" },
  { "The plant closed three days ago.", DCT, "three days ago", "DATE", "2023-09-11", "" },
  { "Markets are calm now.", DCT, "now", "DATE", "PRESENT_REF", "" },
  { "The firm recently hired staff.", DCT, "recently", "DATE", "PAST_REF", "" },
  { "Prices fell last November.", DCT, "last November", "DATE", "2022-11", "" },
  { "The vote is set for mid-November.", DCT, "mid-November", "DATE", "2023-11", "MID" },
  { "A deal is expected by the end of the year.", DCT, "the end of the year", "DATE", "2023", "END" },
  { "Sales rose earlier this month.", DCT, "earlier this month", "DATE", "2023-09", "START" },
  { "Hearings resume the week of March 6, 2000.", DCT, "the week of March 6, 2000", "DATE", "2000-W10", "" },
  { "They plan to meet at Christmas.", DCT, "Christmas", "DATE", "2023-12-25", "" },
  { "Families gathered for Thanksgiving Day 1998.", DCT, "Thanksgiving Day 1998", "DATE", "1998-11-26", "" },
  { "Protesters prayed as Easter week began.", "2000-04-17", "Easter week", "DATE", "2000-W16", "" },
  { "Islam will one day be the second largest religion.", DCT, "one day", "DATE", "FUTURE_REF", "" },
  { "Holders may buy shares at half the then current market price.", DCT, "then current", "DATE", "PAST_REF", "" },
  { "The two sides agreed last week to meet on Friday.", DCT, "Friday", "DATE", "2023-09-15", "" },
  { "Margins will stay thin in the near term.", DCT, "the near term", "DATE", "FUTURE_REF", "" },
  { "Holders may sell in the short term.", DCT, "the short term", "DATE", "FUTURE_REF", "" },
  { "It will sell the unit as soon as possible.", DCT, "as soon as possible", "DATE", "FUTURE_REF", "" },
  { "The vote was put off to a later date.", DCT, "a later date", "DATE", "FUTURE_REF", "" },
  /* 'the early part of' as 'the first part of' and 'the latter part of' */
  { "Sales rose in the early part of the year.", DCT, "the early part of the year", "DATE", "2023", "START" },
  { "Sales rose in the first part of the year.", DCT, "the first part of the year", "DATE", "2023", "START" },
  /* a bare 'last quarter' is the one before the creation time's, as
   * 'last month'; 'the last quarter' is the fourth */
  { "The company posted a loss last quarter.", "2025-06-11", "last quarter", "DATE", "2025-Q1", "" },
  { "The company said last quarter's sales fell.", "2025-06-11", "last quarter", "DATE", "2025-Q1", "" },
  { "The bank lost money last quarter.", "2025-02-11", "last quarter", "DATE", "2024-Q4", "" },
  { "Sales fell in the last quarter of 2024.", "2025-06-11", "the last quarter of 2024", "DATE", "2024-Q4", "" },
  /* the end of a year still to come is last year's in a past clause, not
   * a deadline's */
  { "Sales fell at the end of the year.", "2025-06-11", "the end of the year", "DATE", "2024", "END" },
  { "Sales fell at year's end.", "2025-06-11", "year's end", "DATE", "2024", "END" },
  { "China committed to sign the pact before the end of the year.", "2025-06-11", "the end of the year", "DATE",
    "2025", "END" },
  /* a quarter or half not yet begun is last year's in a past clause */
  { "Profit rose 5% in the fourth quarter.", "2025-06-11", "the fourth quarter", "DATE", "2024-Q4", "" },
  { "Fourth-quarter profit rose 10%.", "2025-06-11", "Fourth-quarter", "DATE", "2024-Q4", "" },
  { "Sales in the second half were weak.", "2025-03-11", "the second half", "DATE", "2024-H2", "" },
  /* ... but not in a future clause, nor one already begun */
  { "The company expects growth in the fourth quarter.", "2025-06-11", "the fourth quarter", "DATE", "2025-Q4", "" },
  { "Sales in the second half will improve.", "2025-03-11", "the second half", "DATE", "2025-H2", "" },
  { "Revenue fell in the first quarter.", "2025-06-11", "the first quarter", "DATE", "2025-Q1", "" },
  /* 'the most recent' is 'the latest' in two words */
  { "Revenue fell in the most recent quarter.", "2025-06-11", "the most recent quarter", "DATE", "2025-Q1", "" },
  { "In the most recent week, jobless claims rose.", DCT, "the most recent week", "DATE", "2023-W37", "" },
  { "Sales fell 3% in the third quarter. In the most recent period, costs rose.", "2025-11-04",
    "the most recent period", "DATE", "2025-Q3", "" },
  { "Prices doubled in the most recent two years.", DCT, "the most recent two years", "DURATION", "P2Y", "" },
  { "His most recent book sold well.", DCT, "most recent", "", "", "" },
  /* a unit and a half after 'the past' is a length, as 'the past 18 months' */
  { "Prices rose over the past year and a half.", DCT, "the past year and a half", "DURATION", "P1Y6M", "" },
  { "Output grew in the past decade and a half.", DCT, "the past decade and a half", "DURATION", "P15Y", "" },
  { "Talks may take the next month and a half.", DCT, "the next month and a half", "DURATION", "P1M15D", "" },
  /* 'or so' joins a relative date as it joins a length */
  { "Rates should rise in the next year or so.", DCT, "the next year or so", "DATE", "2024", "APPROX" },
  { "Prices fell over the past month or so.", DCT, "the past month or so", "DURATION", "P1M", "APPROX" },
  { "The fund grew over the next two years or so.", DCT, "the next two years or so", "DURATION", "P2Y", "APPROX" },
};

TX_FAMILY (relative_to_creation_time, relative_cases)

/* A part of a named month: valued in that month, not against the
 * creation time as 'the last week' alone is. */
static TxCase month_part_cases[] = {
  { "Fighting flared in the last week of August.", DCT, "the last week of August", "DATE", "2023-W35", "" },
  { "Talks resume in the first week of October.", DCT, "the first week of October", "DATE", "2023-W40", "" },
  { "Output slumped in the second week of May 2022.", DCT, "the second week of May 2022", "DATE", "2022-W19", "" },
  { "Rain fell in the final week of February.", DCT, "the final week of February", "DATE", "2023-W08", "" },
  { "The lease ends on the last day of February.", "2024-01-10", "the last day of February", "DATE", "2024-02-29", "" },
  { "The fair opened on the first day of April.", DCT, "the first day of April", "DATE", "2023-04-01", "" },
  { "Crowds came on the first weekend in July.", DCT, "the first weekend in July", "DATE", "2023-W26-WE", "" },
  { "Troops left in the final few weeks of the war.", DCT, "the final few weeks", "DURATION", "PXW", "" },
  { "The last week saw heavy rain.", DCT, "The last week", "DATE", "2023-W36", "" },
};

TX_FAMILY (month_part, month_part_cases)

/* Anaphoric: against the last mentioned date. */
static TxCase anaphoric_cases[] = {
  { "The summit opened on June 3, 1998. Two weeks later, talks collapsed.", DCT, "Two weeks", "DURATION", "P2W", "" },
  { "Talks began at noon. Three hours later, they collapsed.", DCT, "Three hours", "DURATION", "PT3H", "" },
  { "The storm hit in May 1998. A few days later, the dam broke.", DCT, "A few days", "DURATION", "PXD", "" },
  { "The summit opened on June 3, 1998. The following day, talks collapsed.", DCT, "The following day", "DATE", "1998-06-04", "" },
  /* a date after 'since' opens a span to now and sets no scene */
  { "The chief quit on June 3, 1998. Smith, who had led the bank since 1995, left the following day.", DCT,
    "the following day", "DATE", "1998-06-04", "" },
  { "The day before last Tuesday's hearing, he visited.", DCT, "The day before last Tuesday", "DATE", "2023-09-11", "" },
  { "He left the day after Christmas 1998.", DCT, "the day after Christmas 1998", "DATE", "1998-12-26", "" },
  { "The treaty was signed in 1975. That year, trade doubled.", DCT, "That year", "DATE", "1975", "" },
  { "The raid came in October 1998. That day, police arrested nine.", DCT, "That day", "DATE", "1998-10-XX", "" },
  /* a year qualifying a noun dates that thing, not the scene: 'that
   * day' is still the day named before it in the sentence */
  { "Kopp was charged on May 6 in the 1998 slaying. Later that day he fled.", DCT, "that day", "DATE", "2023-05-06", "" },
  { "The jet crashed Thursday, two years after the 1996 disaster. That night, rescuers came.", DCT, "That night",
    "TIME", "2023-09-14TNI", "" },
  { "The raid came on May 6, 1998. In 1999, police arrested nine. That day, ...", DCT, "That day", "DATE", "1999-XX-XX", "" },
  /* a step smaller than the date the story knows stays within it: not
   * a month, a year or a week on */
  { "The strike began in March 2019. He quit the next day.", DCT, "the next day", "DATE", "2019-03-XX", "" },
  { "The strike began in March 2019. He quit the previous day.", DCT, "the previous day", "DATE", "2019-03-XX", "" },
  { "Prices fell in 2019. He quit the following day.", DCT, "the following day", "DATE", "2019-XX-XX", "" },
  { "The strike began in March 2019. It ended the next week.", DCT, "the next week", "DATE", "2019-03", "" },
  { "Talks opened in 2019. A deal came the following month.", DCT, "the following month", "DATE", "2019", "" },
  { "Prices fell last week. He quit the day before.", "2024-01-10", "the day before", "DATE", "2024-W01", "" },
  { "Talks opened on March 3, 2019. He quit the next day.", DCT, "the next day", "DATE", "2019-03-04", "" },
  { "The summit opened on June 3, 1998. A year earlier, talks had collapsed.", DCT, "A year earlier", "DATE", "1997", "" },
  /* comparison periods name the quarter reported on, not one in a
   * forecast or an aside */
  { "Profit fell in the third quarter. Analysts expect the slump to continue into the fourth quarter and "
    "through the third quarter of 1990. In the year-ago period, it earned $1.", "1989-10-26",
    "the year-ago period", "DATE", "1988-Q3", "" },
  { "The firm posted a third-quarter gain. After a flat second quarter, sales rose. "
    "In the year-earlier period, it earned $2.", "1989-10-26", "the year-earlier period", "DATE", "1988-Q3", "" },
  { "Net rose in the third quarter. It earned $2 in the corresponding period last year.", "1989-10-26",
    "the corresponding period last year", "DATE", "1988-Q3", "" },
  { "Net rose in the third quarter. For the quarter a year ago, it earned $1.", "1989-10-26",
    "the quarter a year ago", "DATE", "1988-Q3", "" },
  { "Net rose in the third quarter. Sales for last year's quarter were $3 million.", "1989-10-26",
    "last year's quarter", "DATE", "1988-Q3", "" },
  /* a fiscal quarter just named is the one whose end date follows, in
   * the fiscal year's numbering; the comparison periods take it too */
  { "Sun said it earned $5 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose.",
    "1989-10-26", "the quarter", "DATE", "1989-Q1", "" },
  { "Sun said it earned $5 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose. "
    "In the 1988 period, it earned $2 million.", "1989-10-26", "the 1988 period", "DATE", "1988-Q1", "" },
  { "Bethlehem posted a drop in third-quarter profit. Inland posted net income for the fiscal "
    "second quarter of $8 million. Sales rose in the quarter ended Sept. 30. The latest period "
    "includes gains.", "1989-10-26", "The latest period", "DATE", "1989-Q2", "" },
  { "Net rose in the third quarter. Sales for the quarter ended Sept. 30 rose.", "1989-10-26",
    "the quarter", "DATE", "1989-Q3", "" },
  /* 'the quarter to June' as 'the three months to June'; a quarter that
   * ended lies behind, as does one a past clause reports on */
  { "Sales rose in the quarter to June.", "2024-03-13", "the quarter", "DATE", "2023-Q2", "" },
  { "Sales rose in the quarter ended June 30.", "2024-03-13", "the quarter", "DATE", "2023-Q2", "" },
  { "Sales will rise in the quarter to June.", "2024-03-13", "the quarter", "DATE", "2024-Q2", "" },
  /* "this quarter's" results in a report on the quarter just ended are
   * that quarter's; with no such report, the creation time's */
  { "The firm reported a loss for the third quarter ended Sept. 30. This quarter's loss includes "
    "charges.", "1989-11-01", "This quarter", "DATE", "1989-Q3", "" },
  { "The firm reported a loss for the third quarter ended Sept. 30. This quarter's loss includes "
    "charges. Sales for last year's quarter were $3 million.", "1989-11-01", "last year's quarter", "DATE",
    "1988-Q3", "" },
  { "This quarter's sales fell.", "1989-11-01", "This quarter", "DATE", "1989-Q4", "" },
  /* 'the end of the month' takes the month last written out; a year names
   * none, so then the creation time's */
  { "Talks resumed on March 3 and were to go on until the end of the month.", "1997-04-21",
    "the end of the month", "DATE", "1997-03", "END" },
  { "Talks stalled in 1996, and a new round is expected to last until the end of the month.",
    "1997-04-21", "the end of the month", "DATE", "1997-04", "END" },
  /* 'that night', 'the night before': a part of the day under discussion */
  { "Rebels seized the town on May 3. That night, the army withdrew.", "2025-06-11", "That night", "TIME",
    "2025-05-03TNI", "" },
  { "Rebels seized the town on May 3. The night before, the army had left.", "2025-06-11", "The night before",
    "TIME", "2025-05-02TNI", "" },
  { "The night was cold.", "2025-06-11", "The night", "", "", "" },
  { "The pope said mass early Sunday and flew home in the evening.", "2023-11-22", "the evening", "TIME",
    "2023-11-19TEV", "" },
  { "On Monday volunteers worked throughout the night to shore up dikes.", "2023-11-22", "the night", "TIME",
    "2023-11-20TNI", "" },
  { "Volume in the morning session was thin.", "2023-11-22", "the morning", "", "", "" },
  { "He was seen on the night of May 5.", "2023-11-22", "the night", "", "", "" },
  /* a background story told by full dates years back goes on in their
   * year; a bare month does not */
  { "The protests began on Jan. 25, 2011. On Feb. 11, the president resigned.", "2025-06-11",
    "Feb. 11", "DATE", "2011-02-11", "" },
  { "The protests began on Dec. 20, 2010. On Jan. 5, the president resigned.", "2025-06-11",
    "Jan. 5", "DATE", "2011-01-05", "" },
  { "The protests began on Jan. 25, 2011. In February, the president resigned.", "2025-06-11",
    "February", "DATE", "2025-02", "" },
  /* 'the year before', 'the day before': from the date under discussion */
  { "The plant opened in 2010. It had been planned the year before.", "2025-06-11",
    "the year before", "DATE", "2009", "" },
  { "Revenue fell last year, down from $4 million the year before.", "2025-06-11",
    "the year before", "DATE", "2023", "" },
  { "Rebels seized the town on May 3. The army had left the day before.", "2025-06-11",
    "the day before", "DATE", "2025-05-02", "" },
  { "He left the day before the election.", "2025-06-11", "the day before", "", "", "" },
};

TX_FAMILY (anaphoric, anaphoric_cases)

Test (timex, later_duration_keeps_the_date_as_bounds)
{
  g_autoptr (EvlDocument) doc = annotate ("The summit opened on June 3, 1998. Two weeks later, talks collapsed.", DCT);
  guint n;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  cr_assert_eq (n, 2);
  cr_assert_eq (t[1].type, EVL_TIMEX_DURATION);
  cr_assert_eq (t[1].begin, evl_day_from_ymd (1998, 6, 17));
  cr_assert_eq (t[1].anchor, 0);
}

/* Words that look temporal but are not, here. */
static TxCase negative_cases[] = {
  { "Pyongyang may supply shells.", DCT, "may", "", "", "" },
  { "May I ask a question?", DCT, "May", "", "", "" },
  { "Protesters will March on the capital.", DCT, "March", "", "", "" },
  { "He was the second person to arrive.", DCT, "second", "", "", "" },
  { "Prices may fall sharply.", DCT, "fall", "", "", "" },
  { "They hope to spring a surprise.", DCT, "spring", "", "", "" },
  { "The Sun reported the story.", DCT, "Sun", "", "", "" },
  { "Now that the vote is over, talks resume.", DCT, "Now", "", "", "" },
  { "The plan failed. Now, he says, the talks must restart.", DCT, "Now", "", "", "" },
  { "He said on the \"This Week\" program that talks failed.", DCT, "This Week", "", "", "" },
  { "He said, \"Next week we talk.\"", DCT, "Next week", "DATE", "2023-W38", "" },
  { "The army sent 2000 troops.", DCT, "2000", "", "", "" },
  { "The company's 2022 results were weak.", DCT, "2022", "DATE", "2022", "" },
  { "Its 2019 elections were disputed.", DCT, "2019", "DATE", "2019", "" },
  { "A 6-year-old boy was rescued.", DCT, "6-year-old", "", "", "" },
  { "The august assembly voted.", DCT, "august", "", "", "" },
  { "The story ran in USA Today last week.", DCT, "Today", "", "", "" },
  { "He quoted the film High Noon in his speech.", DCT, "Noon", "", "", "" },
  { "The current account deficit widened.", DCT, "current", "", "", "" },
  { "Current assets rose 4 percent.", DCT, "Current", "", "", "" },
  { "Shares fell in after-hours trading.", DCT, "hours", "", "", "" },
  { "Volunteers worked round-the-clock shifts for days.", DCT, "days", "DURATION", "PXD", "" },
};

TX_FAMILY (not_temporal, negative_cases)

/* 'N years ago' in a report about a quarter: only 'a year ago' names the
 * year-ago quarter; more years back is a year. */
static TxCase years_ago_cases[] = {
  { "Profit rose in the third quarter. The plant opened five years ago.", "1989-10-26", "five years ago", "DATE", "1984", "" },
  { "Sales fell in the second quarter. Two years ago the unit was sold.", "1989-10-26", "Two years ago", "DATE", "1987", "" },
  { "Sales fell in the second quarter. A year ago they rose.", "1989-10-26", "A year ago", "DATE", "1988-Q2", "" },
  { "The mill closed three years ago.", "1989-10-26", "three years ago", "DATE", "1986", "" },
  /* the nine months, not the quarter, are compared */
  { "Profit rose in the third quarter. For the nine months, net rose to $2 billion from $1.7 billion a year earlier.",
    "1989-10-26", "a year earlier", "DATE", "1988", "" },
  { "Profit rose in the third quarter. For the nine months, it lost $3 million, against year-earlier net of $1 million.",
    "1989-10-26", "year-earlier", "DATE", "1988", "" },
  { "Profit rose in the third quarter. Net rose to $2 billion from $1.7 billion a year earlier.",
    "1989-10-26", "a year earlier", "DATE", "1988-Q3", "" },
  /* an anniversary: the creation time's month, week or day years back */
  { "Two years ago this month, floods killed 200 people.", DCT, "Two years ago this month", "DATE", "2021-09", "" },
  { "A year ago this week, the storm hit.", DCT, "A year ago this week", "DATE", "2022-W37", "" },
  { "Ten years ago today the towers were opened.", DCT, "Ten years ago today", "DATE", "2013-09-14", "" },
  { "He left two years ago, this month he returned.", DCT, "two years ago", "DATE", "2021", "" },
  /* a day from a month: the report's own day, not the month */
  { "Exports fell in February. Turnover rose to 246 million shares from 193 million a day earlier.", DCT,
    "a day earlier", "DATE", "2023-09-13", "" },
  { "He left on Monday. A day earlier, prices fell.", DCT, "A day earlier", "DATE", "2023-09-10", "" },
};

TX_FAMILY (years_ago_in_quarter_reports, years_ago_cases)

/* 'the early hours of Sunday', 'the small hours': a part of the night,
 * not a duration; the day after 'of' is the timex. */
static TxCase early_hours_cases[] = {
  { "Police raided the house in the early hours of Sunday.", DCT, "hours", "", "", "" },
  { "Police raided the house in the early hours of Sunday.", DCT, "Sunday", "DATE", "2023-09-10", "" },
  { "The fire broke out in the small hours.", DCT, "hours", "", "", "" },
  { "The dogs barked into the wee hours.", DCT, "hours", "", "", "" },
  { "The negotiators argued for hours.", DCT, "hours", "DURATION", "PTXH", "" },
  { "They waited for three hours in the early afternoon.", DCT, "three hours", "DURATION", "PT3H", "" },
};

TX_FAMILY (early_hours, early_hours_cases)

/* 'at 9 a.m. on Thursday': the day after 'on' values the clock time and
 * stays a timex of its own. */
static TxCase time_on_day_cases[] = {
  { "The fair opened on Sept. 12. Judges met at 9 a.m. on Thursday.", DCT, "9 a.m.", "TIME", "2023-09-14T09:00", "" },
  { "The fair opened on Sept. 12. Judges met at 9 a.m. on Thursday.", DCT, "Thursday", "DATE", "2023-09-14", "" },
  { "Polls close at 8 p.m. on Nov. 7 in most states.", DCT, "8 p.m.", "TIME", "2023-11-07T20:00", "" },
  { "The vote ends at 6 p.m. EST on Oct. 2 in the capital.", DCT, "6 p.m. EST", "TIME", "2023-10-02T18:00", "" },
  { "The parade started at 10 a.m. on a cold day.", DCT, "10 a.m.", "TIME", "2023-09-14T10:00", "" },
  /* a clock time alone takes the day under discussion, but not one on
   * the other side of the creation day from its clause's tense */
  { "The court adjourned the case until Sept. 20. The blaze started shortly before 2 a.m., police said.", DCT, "2 a.m.",
    "TIME", "2023-09-14T02:00", "" },
  { "The law was passed on Sept. 3. Voting will begin at 2 p.m. in the capital.", DCT, "2 p.m.", "TIME",
    "2023-09-14T14:00", "" },
  { "The law was passed on Sept. 3. Voting began at 2 p.m. in the capital.", DCT, "2 p.m.", "TIME",
    "2023-09-03T14:00", "" },
  /* a creation time late or early in its day: a past clock time later
   * than it (beyond an hour's slack) was the day before, a coming one
   * earlier than it the next day */
  { "The blast came at 11 p.m. in the old town.", "2023-09-14T01:30", "11 p.m.", "TIME", "2023-09-13T23:00", "" },
  { "The blast came at 11 p.m. in the old town.", "2023-09-14T23:30", "11 p.m.", "TIME", "2023-09-14T23:00", "" },
  { "Voting will begin at 7 a.m. in the capital.", "2023-09-14T23:30", "7 a.m.", "TIME", "2023-09-15T07:00", "" },
  { "Voting will begin at 7 a.m. in the capital.", "2023-09-14T01:30", "7 a.m.", "TIME", "2023-09-14T07:00", "" },
  /* the same moment in another zone, in brackets: the weekday nearest
   * the day just named */
  { "The storm hit at 4 a.m. AEDT on Friday (1700 GMT Thursday).", DCT, "1700 GMT Thursday", "TIME",
    "2023-09-07T17:00", "" },
  /* (a scheduled present: the coming Sunday, so the Saturday before it) */
  { "Polls open at 7 a.m. local time (2200 GMT Saturday) on Sunday.", DCT, "2200 GMT Saturday", "TIME",
    "2023-09-16T22:00", "" },
  /* a weekday's part of the day after the clock time: that day */
  { "The blast shook the town at 10:30 p.m. Monday night.", DCT, "10:30 p.m. Monday night", "TIME", "2023-09-11T22:30", "" },
  { "The convoy will leave at 6 a.m. Friday morning.", DCT, "6 a.m. Friday morning", "TIME", "2023-09-15T06:00", "" },
};

TX_FAMILY (clock_time_on_a_day, time_on_day_cases)

/* 'mid-afternoon', 'late evening', 'mid-afternoon yesterday': a modified
 * part of the creation day, or of the day named right after it. */
static TxCase modified_pod_cases[] = {
  { "Shares slipped in mid-afternoon trading.", DCT, "mid-afternoon", "TIME", "2023-09-14TAF", "MID" },
  { "At mid-afternoon yesterday, the index was flat.", DCT, "mid-afternoon yesterday", "TIME", "2023-09-13TAF", "MID" },
  { "The rain stopped in mid afternoon.", DCT, "mid afternoon", "TIME", "2023-09-14TAF", "MID" },
  { "The rain stopped in late evening.", DCT, "late evening", "TIME", "2023-09-14TEV", "END" },
  { "The ferry sailed early morning Saturday.", DCT, "early morning Saturday", "TIME", "2023-09-09TMO", "START" },
  { "On Monday, the talks ran until late evening.", DCT, "late evening", "TIME", "2023-09-11TEV", "END" },
};

TX_FAMILY (modified_part_of_day, modified_pod_cases)

/* 'yesterday afternoon', 'tomorrow morning': a part of a day is a TIME,
 * as 'this afternoon' is. */
static TxCase deictic_pod_cases[] = {
  { "The envoy left yesterday afternoon.", DCT, "yesterday afternoon", "TIME", "2023-09-13TAF", "" },
  { "The envoy leaves tomorrow morning.", DCT, "tomorrow morning", "TIME", "2023-09-15TMO", "" },
  { "The envoy left this afternoon.", DCT, "this afternoon", "TIME", "2023-09-14TAF", "" },
  { "The envoy left yesterday.", DCT, "yesterday", "DATE", "2023-09-13", "" },
  /* 'overnight' the adverb: the night before, ahead after 'will' */
  { "The writer died overnight in Berlin.", DCT, "overnight", "TIME", "2023-09-13TNI", "" },
  { "Rain will fall overnight.", DCT, "overnight", "TIME", "2023-09-14TNI", "" },
  { "Stocks rose after an overnight rally.", DCT, "overnight", "", "", "" },
};

TX_FAMILY (deictic_part_of_day, deictic_pod_cases)

/* Future cues for a year-less date or a bare weekday: a plan or a future
 * auxiliary still governs a date past a long verb phrase, and a modal
 * before a verb looks ahead, whatever a reporting verb after the date says. */
static TxCase future_cue_cases[] = {
  /* 'last' the verb after a modal or 'to' is no past cue */
  { "The strike will last through Monday.", "2023-11-22", "Monday", "DATE", "2023-11-27", "" },
  { "The talks are expected to last into Friday.", "2023-11-22", "Friday", "DATE", "2023-11-24", "" },
  { "The first train is due to leave the capital on the evening of 14 April.", "2024-10-02",
    "14 April", "DATE", "2025-04-14", "" },
  { "The ferry is scheduled to carry its first cars across the estuary in the evening of 3 June.",
    "2024-10-02", "3 June", "DATE", "2025-06-03", "" },
  { "The airline will almost double its daily flights between the two capitals by August.",
    "1998-02-13", "August", "DATE", "1998-08", "" },
  { "Passengers can travel on Wednesday instead or ask for a refund, the company said.", "2025-03-11",
    "Wednesday", "DATE", "2025-03-12", "" },
  { "Fans may collect their tickets at the stadium on Friday, organisers said.", "2025-03-11",
    "Friday", "DATE", "2025-03-14", "" },
  /* a past form after 'will' or a modal is the bare verb ('hit', 'cut') */
  { "The storm will hit at 11:30 a.m. Tuesday.", DCT, "11:30 a.m. Tuesday", "TIME", "2023-09-19T11:30", "" },
  { "The storm will hit Tuesday.", DCT, "Tuesday", "DATE", "2023-09-19", "" },
  { "The bank may cut rates on Tuesday.", DCT, "Tuesday", "DATE", "2023-09-19", "" },
  { "The storm hit at 11:30 a.m. Tuesday.", DCT, "11:30 a.m. Tuesday", "TIME", "2023-09-12T11:30", "" },
  /* the past stays past */
  { "She may have met the envoy at the embassy on Friday, officials said.", "2025-03-11",
    "Friday", "DATE", "2025-03-07", "" },
  { "The vote had been due to take place in the main hall of the parliament on 14 April.",
    "2024-10-02", "14 April", "DATE", "2024-04-14", "" },
  { "A bomb ripped through a building next to the embassy in the capital of the country on Friday.",
    "2025-03-11", "Friday", "DATE", "2025-03-07", "" },
  { "Rescuers could not reach the village on Wednesday.", "2025-03-13", "Wednesday", "DATE",
    "2025-03-12", "" },
  /* a date months back cannot follow 'will' or a plan close by */
  { "Talks will resume on 10 March.", "2025-06-01", "10 March", "DATE", "2026-03-10", "" },
  { "The ministers are due to meet on 14 April.", "2025-06-01", "14 April", "DATE", "2026-04-14", "" },
  { "The ministers will decide by 15 March whether to act.", "2025-06-01", "15 March", "DATE",
    "2026-03-15", "" },
  /* far from the date, through a passive ('be named'), 'will' still rules
   * out a past date; a past verb nearer the date still speaks */
  { "Collins will be named commander of the space shuttle fleet for a mission in December.",
    "1998-03-04", "December", "DATE", "1998-12", "" },
  { "Collins was named commander of the space shuttle fleet for a mission in December.",
    "1998-03-04", "December", "DATE", "1997-12", "" },
  { "The agency will not say much about the astronaut it dismissed from the crew in December.",
    "1998-03-04", "December", "DATE", "1997-12", "" },
  /* the last part of a hyphenated adjective is no verb ('worst-hit') */
  { "He is expected to visit the worst-hit towns on Saturday.", "2024-03-08", "Saturday", "DATE",
    "2024-03-09", "" },
  { "Officials will tour the long-awaited bridge on Saturday.", "2024-03-08", "Saturday", "DATE",
    "2024-03-09", "" },
  /* nor is a participle between a determiner and its noun */
  { "He will visit the affected areas on Saturday.", "2024-03-08", "Saturday", "DATE",
    "2024-03-09", "" },
  { "Crews will repair their damaged homes on Saturday.", "2024-03-08", "Saturday", "DATE",
    "2024-03-09", "" },
  { "Crews repaired the damaged homes on Saturday.", "2024-03-08", "Saturday", "DATE",
    "2024-03-02", "" },
  /* ... unless told in the past, or the cue is a noun */
  { "The deal was expected to close on 3 May.", "2025-06-01", "3 May", "DATE", "2025-05-03", "" },
  { "Talks had been scheduled to resume on 10 March.", "2025-06-01", "10 March", "DATE",
    "2025-03-10", "" },
  { "The thrift announced the plan Aug. 21.", "2025-10-02", "Aug. 21", "DATE", "2025-08-21", "" },
  /* a present passive is no past; a past one is */
  { "A further walkout is planned for 3 November.", "2025-10-14", "3 November", "DATE",
    "2025-11-03", "" },
  { "A further walkout was planned for 3 October.", "2025-10-14", "3 October", "DATE",
    "2025-10-03", "" },
  /* after the past of a verb of attempt or onset the infinitive happened
   * then; after one of intent it lies ahead */
  { "Gunmen tried to storm the prison on Monday, police said.", "2025-03-12", "Monday", "DATE",
    "2025-03-10", "" },
  { "The rocket failed to reach orbit on Friday.", "2025-03-12", "Friday", "DATE", "2025-03-07", "" },
  { "The two sides agreed to resume talks on Friday.", "2025-03-12", "Friday", "DATE",
    "2025-03-14", "" },
  /* what was planned may lie ahead: the nearer day; unless 'had' */
  { "Protesters planned a large rally in the capital on Saturday.", "2025-03-14", "Saturday", "DATE",
    "2025-03-15", "" },
  { "Protesters had planned a large rally in the capital on Saturday.", "2025-03-14", "Saturday",
    "DATE", "2025-03-08", "" },
};

TX_FAMILY (future_cues, future_cue_cases)

/* Relative dates readers write, against a Wednesday creation day
 * (2024-03-13): a step of two units back or ahead, the same time a
 * year back, a weekday of a week back, a clock time on a part of the
 * creation day, a quarter told by its last month. */
#define WED "2024-03-13"
static TxCase user_phrase_cases[] = {
  { "Talks failed the week before last.", WED, "the week before last", "DATE", "2024-W09", "" },
  { "Talks failed the weekend before last.", WED, "the weekend before last", "DATE", "2024-W09-WE", "" },
  { "Talks resume the month after next.", WED, "the month after next", "DATE", "2024-05", "" },
  { "Talks failed the day before yesterday.", WED, "the day before yesterday", "DATE", "2024-03-11", "" },
  { "Sales rose in the same week last year.", WED, "the same week last year", "DATE", "2023-W11", "" },
  { "Sales peaked on the same day a year ago.", WED, "the same day a year ago", "DATE", "2023-03-13", "" },
  { "Sales were higher this time last year.", WED, "this time last year", "DATE", "2023-03-13", "" },
  { "The board met a week ago Friday.", WED, "a week ago Friday", "DATE", "2024-03-08", "" },
  { "The board met a week ago Monday.", "2024-03-16", "a week ago Monday", "DATE", "2024-03-04", "" },
  { "The board met a week ago.", WED, "a week ago", "DATE", "2024-W10", "" },
  { "Talks resume a week from Friday.", WED, "a week from Friday", "DATE", "2024-03-22", "" },
  { "Talks resume two weeks from Monday.", WED, "two weeks from Monday", "DATE", "2024-04-01", "" },
  { "Talks ran two weeks from Monday to Friday.", WED, "two weeks", "DURATION", "P2W", "" },
  { "Sales will rise this time next year.", WED, "this time next year", "DATE", "2025-03-13", "" },
  { "Talks failed a fortnight ago.", WED, "a fortnight ago", "DATE", "2024-W09", "" },
  { "Talks resume in a fortnight.", WED, "a fortnight", "DURATION", "P2W", "" },
  { "The fire started at nine o'clock this morning.", WED, "nine o'clock this morning", "TIME",
    "2024-03-13T09:00", "" },
  { "He will speak at 9 o'clock tonight.", WED, "9 o'clock tonight", "TIME", "2024-03-13T21:00", "" },
  { "He spoke at ten o'clock last night.", WED, "ten o'clock last night", "TIME", "2024-03-12T22:00", "" },
  { "He spoke at 7:30 this evening.", WED, "7:30 this evening", "TIME", "2024-03-13T19:30", "" },
  { "The blast shook the town at 10 o'clock Monday night.", WED, "10 o'clock Monday night", "TIME",
    "2024-03-11T22:00", "" },
  { "Profit fell in the quarter ending in September.", WED, "the quarter", "DATE", "2023-Q3", "" },
  { "Profit fell in the three months to September.", WED, "the three months", "DATE", "2023-Q3", "" },
  { "Profit fell in the three months ended Dec. 31.", WED, "the three months", "DATE", "2023-Q4", "" },
  { "Profit fell in the six months to September.", WED, "the six months", "DURATION", "P6M", "" },
  { "Profit fell in the three months to June.", WED, "the three months", "DATE", "2023-Q2", "" },
  { "Profit will rise in the three months to June.", WED, "the three months", "DATE", "2024-Q2", "" },
};

TX_FAMILY (user_phrases, user_phrase_cases)

/* A simple present with no other cue tells a scheduled event in news:
 * the weekday ahead (DCT is a Thursday).  Not a verb of saying or of
 * state, nor a noun after its modifier, nor a clause another cue tells. */
static TxCase scheduled_present_cases[] = {
  { "Voters go to the polls on Sunday.", DCT, "Sunday", "DATE", "2023-09-17", "" },
  { "The court rules on Monday.", DCT, "Monday", "DATE", "2023-09-18", "" },
  { "The team plays on Tuesday.", DCT, "Tuesday", "DATE", "2023-09-19", "" },
  { "The union strikes on Monday.", DCT, "Monday", "DATE", "2023-09-18", "" },
  { "The minister says on Monday that taxes are too high.", DCT, "Monday", "DATE", "2023-09-11", "" },
  { "The index remains at that level on Monday.", DCT, "Monday", "DATE", "2023-09-11", "" },
  { "Israeli troops on Monday killed two gunmen.", DCT, "Monday", "DATE", "2023-09-11", "" },
  { "The talks on Monday ended without a deal.", DCT, "Monday", "DATE", "2023-09-11", "" },
  { "The court rules on Monday, the lawyer said.", DCT, "Monday", "DATE", "2023-09-11", "" },
  /* the subject may carry a place ('voters in Paris go'); not a verb
   * of saying, nor a past after it */
  { "Voters in Paris go to the polls on Sunday.", DCT, "Sunday", "DATE", "2023-09-17", "" },
  { "The court in New York rules on Monday.", DCT, "Monday", "DATE", "2023-09-18", "" },
  { "Fans across the country go to the polls on Sunday.", DCT, "Sunday", "DATE", "2023-09-17", "" },
  { "Officials in Paris say on Monday that taxes are high.", DCT, "Monday", "DATE", "2023-09-11", "" },
  { "Prices in Paris rose on Monday.", DCT, "Monday", "DATE", "2023-09-11", "" },
  { "Voters in Paris go to the polls on Sunday\n\nThe vote was calm, officials said.", DCT, "Sunday", "DATE",
    "2023-09-10", "" },
  /* ... or the span it fills ('from', 'through', 'until') */
  { "The exhibit runs through Sunday.", DCT, "Sunday", "DATE", "2023-09-17", "" },
  { "The exhibition runs from Monday to Friday.", DCT, "Monday", "DATE", "2023-09-18", "" },
  { "The exhibition runs from Monday to Friday.", DCT, "Friday", "DATE", "2023-09-22", "" },
  { "The show ran from Friday to Monday.", DCT, "Friday", "DATE", "2023-09-08", "" },
  { "Exhibit runs through Sunday\n\nThe opening was calm, officials said.", DCT, "Sunday", "DATE",
    "2023-09-10", "" },
  /* a headline's present tells what happened: the nearer day */
  { "Kim arrives in Vladivostok on Tuesday\n\nThe visit was calm, officials said.", DCT, "Tuesday", "DATE",
    "2023-09-12", "" },
  { "Leaders meet in Moscow on Monday\n\nThe talks were calm, officials said.", DCT, "Monday", "DATE",
    "2023-09-11", "" },
  { "Kim to visit Vladivostok on Tuesday\n\nThe visit will be calm, officials said.", DCT, "Tuesday", "DATE",
    "2023-09-19", "" },
};
TX_FAMILY (scheduled_present, scheduled_present_cases)

/* 'X on Wednesday, the company said.': the attribution's past tense is
 * the report's, not the date's; a cue in the date's own clause still
 * speaks. */
static TxCase attribution_cases[] = {
  { "Passengers travel free on Wednesday, the company said.", "2025-03-11", "Wednesday", "DATE",
    "2025-03-12", "" },
  { "The police search would be widened on Saturday, he added.", "2025-03-14", "Saturday", "DATE",
    "2025-03-15", "" },
  { "The minister resigned on Wednesday, officials said.", "2025-03-11", "Wednesday", "DATE",
    "2025-03-05", "" },
  { "Talks on Wednesday, which ended without a deal, were tense.", "2025-03-11", "Wednesday", "DATE",
    "2025-03-05", "" },
  /* a date opening its sentence, set off by a comma, belongs to the main
   * clause after it: that clause's past verb keeps it in the past even
   * when the month's next occurrence is nearer; a future one, or a date
   * inside a clause, keeps the old reading */
  { "In January, the company brought in a new chief executive.", "1989-10-27", "January", "DATE",
    "1989-01", "" },
  { "On 3 December, the board approved the sale.", "1989-10-27", "3 December", "DATE", "1988-12-03",
    "" },
  { "In January, the company will bring in a new chief executive.", "1989-10-27", "January", "DATE",
    "1990-01", "" },
  /* ... past a long adjunct and subject, abbreviations and all */
  { "In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision, a clinic "
    "bombing in Birmingham, Ala., killed a security guard.", "1998-10-25", "January", "DATE", "1998-01", "" },
  { "In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision, a clinic "
    "in Birmingham, Ala., will open a new wing.", "1998-10-25", "January", "DATE", "1999-01", "" },
  { "The vote in January, the minister said, will be close.", "1989-10-27", "January", "DATE",
    "1990-01", "" },
  /* ... also when that past verb ends the sentence: after a fronted
   * date it is the main clause's, no attribution */
  { "In May, sales fell.", "2024-03-15", "May", "DATE", "2023-05", "" },
  { "In November, the chief executive resigned.", "1989-10-27", "November", "DATE", "1988-11", "" },
  { "On Friday, the company said.", "2024-03-14", "Friday", "DATE", "2024-03-08", "" },
  /* a range opening its sentence is fronted too, both its ends; a
   * past range ends before the writing, its start a year back when the
   * end would lie ahead */
  { "Between May and July, sales fell.", "2024-03-15", "May", "DATE", "2023-05", "" },
  { "Between May and July, sales fell.", "2024-03-15", "July", "DATE", "2023-07", "" },
  { "From March to May, prices rose.", "2024-03-15", "March", "DATE", "2023-03", "" },
  { "From March to May, prices rose.", "2024-03-15", "May", "DATE", "2023-05", "" },
  { "Prices rose from January to May.", "2024-03-15", "January", "DATE", "2023-01", "" },
  { "From May 3 to May 9, talks ran.", "2024-03-15", "May 9", "DATE", "2023-05-09", "" },
  { "From April to June, prices will rise.", "2024-03-15", "April", "DATE", "2024-04", "" },
  { "Prices rose from January to March.", "2024-03-15", "January", "DATE", "2024-01", "" },
  /* a date closing the period a past clause reports on is as past */
  { "Sales rose in the 12 months to June.", "2024-03-13", "June", "DATE", "2023-06", "" },
  { "Inflation rose in the year to May, the agency said.", "2024-03-13", "May", "DATE", "2023-05", "" },
  { "Sales will rise in the year to June.", "2024-03-13", "June", "DATE", "2024-06", "" },
  /* an amount's signs are no break between a past verb and its date */
  { "Sales fell 5% in November, the company said.", "1989-10-27", "November", "DATE", "1988-11", "" },
  { "Profit rose 12% in November.", "1989-10-27", "November", "DATE", "1988-11", "" },
  { "Profit rose 12 percent in November.", "1989-10-27", "November", "DATE", "1988-11", "" },
  /* ... nor is the verb's manner adverb */
  { "Sales fell sharply in November.", "1989-10-27", "November", "DATE", "1988-11", "" },
  { "Shares rose slightly in November, traders said.", "1989-10-27", "November", "DATE", "1988-11", "" },
};

TX_FAMILY (attribution, attribution_cases)

/* Live blogs and chronologies: a clock time opening a paragraph takes the
 * day of the first such time or of a date heading since, not a date the
 * entry before it mentioned; inside an entry, the day under discussion. */
static TxCase entry_time_cases[] = {
  { "10:42 Talks ended on Friday, the union said.\n\n09:15 Ministers arrived at the port.", "2025-03-11",
    "09:15", "TIME", "2025-03-11T09:15", "" },
  { "15:40 GMT\n\nPassengers can travel on Wednesday instead.\n\n11:15 GMT\n\nShips are waiting.",
    "2025-03-11", "11:15 GMT", "TIME", "2025-03-11T11:15", "" },
  { "Monday 10 March 2025\n\n10:42 Talks ended on Friday.\n\n09:15 Ministers arrived at the port.",
    "2025-03-11", "09:15", "TIME", "2025-03-10T09:15", "" },
  { "The plane crashed on March 3, 1998.\n\n10:42 a.m.: Rescuers reached the site on Tuesday.\n\n"
    "11:00 a.m.: More teams came.", "2025-03-11", "11:00 a.m.", "TIME", "1998-03-03T11:00", "" },
  /* inside an entry */
  { "10:42 Talks resumed on Friday. At 11:30 they broke up.", "2025-03-11", "11:30", "TIME",
    "2025-03-07T11:30", "" },
};

TX_FAMILY (entry_times, entry_time_cases)

Test (timex, month_vs_modal_in_one_sentence)
{
  g_autoptr (EvlDocument) doc = annotate ("Kim may visit Moscow in May.", DCT);
  guint n;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  cr_assert_eq (n, 1);
  /* the modal looks ahead: next May from a September creation date */
  cr_assert_str_eq (t[0].value, "2024-05");
  cr_assert_eq (t[0].span.start, strlen ("Kim may visit Moscow in "));
}

Test (timex, range_flag_and_bounds)
{
  g_autoptr (EvlDocument) doc = annotate ("The Korean War of 1950-53.", DCT);
  guint n;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  cr_assert_eq (n, 1);
  cr_assert (t[0].flags & EVL_TIMEX_FLAG_RANGE);
  cr_assert_eq (t[0].begin, evl_day_from_ymd (1950, 1, 1));
  cr_assert_eq (t[0].end, evl_day_from_ymd (1953, 12, 31));
}

Test (timex, relative_bounds_and_flags)
{
  g_autoptr (EvlDocument) doc = annotate ("North Korea failed to launch in August.", DCT);
  guint n;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  cr_assert_eq (n, 1);
  cr_assert (t[0].flags & EVL_TIMEX_FLAG_RELATIVE);
  cr_assert_not (t[0].flags & EVL_TIMEX_FLAG_UNANCHORED);
  cr_assert_eq (t[0].begin, evl_day_from_ymd (2023, 8, 1));
  cr_assert_eq (t[0].end, evl_day_from_ymd (2023, 8, 31));
  cr_assert_eq (t[0].grain, EVL_GRAIN_MONTH);
}

Test (timex, no_creation_time_leaves_relative_unanchored)
{
  g_autoptr (EvlDocument) doc = annotate ("The minister resigned yesterday, in 1998.", "");
  guint n;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  cr_assert_eq (n, 2);
  cr_assert_str_eq (t[0].value, "XXXX-XX-XX");
  cr_assert (t[0].flags & EVL_TIMEX_FLAG_UNANCHORED);
  cr_assert_str_eq (t[1].value, "1998");
  cr_assert_not (t[1].flags & EVL_TIMEX_FLAG_UNANCHORED);
}

Test (timex, reannotation_replaces)
{
  g_autoptr (EvlDocument) doc = annotate ("They met on Wednesday.", DCT);
  g_autoptr (EvlContext) ctx = evl_context_new (NULL);
  evl_timex_annotate (ctx, doc);
  guint n;
  evl_document_get_timexes (doc, &n);
  cr_assert_eq (n, 1);
}

/* Numbers longer than a 64-bit integer, where the grammar reads a count
 * (seasons, durations, ages): the libFuzzer smoke run found a signed
 * overflow here; the ASan/UBSan suite (halt_on_error) fails on one. */
Test (timex, overlong_numbers_are_read_without_overflow)
{
  static const char *const texts[] = {
    "It happened in spring 44444444444444444444 and again later.",
    "They waited 88888888888888888888 days for it.",
    "A 123456789012345678901234567890-year-old claim was filed 3.5 days ago.",
    "The fund lost 99999999999999999999.5 percent in 1234567890123456 years.",
  };
  for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
    {
      g_autoptr (EvlDocument) doc = annotate (texts[k], DCT);
      guint n;
      const EvlTimex *tx = evl_document_get_timexes (doc, &n);
      for (guint i = 0; i < n; i++)
        cr_assert (tx[i].value && *tx[i].value, "text %u, timex %u has a value", k, i);
      if (k == 2)
        {
          gboolean found = FALSE;
          for (guint i = 0; i < n; i++)
            found |= strcmp (tx[i].value, "2023-09-10") == 0;
          cr_assert (found, "'3.5 days ago' still read after an over-long number");
        }
    }
}

/* ---- value bounds ---- */

typedef struct {
  char value[32];
  char begin[11];
  char end[11];
  int grain;
} BoundsCase;

static BoundsCase bounds_cases[] = {
  { "2023-08", "2023-08-01", "2023-08-31", EVL_GRAIN_MONTH },
  { "2023-09-13", "2023-09-13", "2023-09-13", EVL_GRAIN_DAY },
  { "2023-W37", "2023-09-11", "2023-09-17", EVL_GRAIN_WEEK },
  { "2023-W37-WE", "2023-09-16", "2023-09-17", EVL_GRAIN_WEEK },
  { "2023-Q1", "2023-01-01", "2023-03-31", EVL_GRAIN_QUARTER },
  { "2023-H2", "2023-07-01", "2023-12-31", EVL_GRAIN_HALF },
  { "2023-SU", "2023-06-01", "2023-08-31", EVL_GRAIN_SEASON },
  { "2023-WI", "2023-12-01", "2024-02-29", EVL_GRAIN_SEASON },
  { "2023", "2023-01-01", "2023-12-31", EVL_GRAIN_YEAR },
  { "199", "1990-01-01", "1999-12-31", EVL_GRAIN_DECADE },
  { "19", "1900-01-01", "1999-12-31", EVL_GRAIN_CENTURY },
  { "2023-09-13TAF", "2023-09-13", "2023-09-13", EVL_GRAIN_PART_OF_DAY },
  { "2023-09-13T14:30", "2023-09-13", "2023-09-13", EVL_GRAIN_MINUTE },
  { "1950/1953", "1950-01-01", "1953-12-31", EVL_GRAIN_YEAR },
  { "2020-W53", "2020-12-28", "2021-01-03", EVL_GRAIN_WEEK },
};

ParameterizedTestParameters (timex, value_bounds)
{
  return cr_make_param_array (BoundsCase, bounds_cases, G_N_ELEMENTS (bounds_cases));
}

ParameterizedTest (BoundsCase *c, timex, value_bounds)
{
  EvlDay b = 0, e = 0;
  EvlGrain g = EVL_GRAIN_NONE;
  cr_assert (evl_timex_value_bounds (c->value, &b, &e, &g), "%s", c->value);
  char bb[11], eb[11];
  cr_assert_str_eq (evl_day_format (b, bb), c->begin, "begin of %s", c->value);
  cr_assert_str_eq (evl_day_format (e, eb), c->end, "end of %s", c->value);
  cr_assert_eq ((int) g, c->grain, "grain of %s", c->value);
}

Test (timex, values_without_calendar_extent)
{
  const char *no[] = { "PRESENT_REF", "XXXX-03-05", "P18M", "2023-13", "2023-02-30", "", "abc" };
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    cr_assert_not (evl_timex_value_bounds (no[i], NULL, NULL, NULL), "%s", no[i]);
}

Test (timex, value_validation)
{
  cr_assert (evl_timex_value_validate (EVL_TIMEX_DATE, "2023-W37", NULL));
  cr_assert (evl_timex_value_validate (EVL_TIMEX_DATE, "XXXX-03-05", NULL));
  cr_assert (evl_timex_value_validate (EVL_TIMEX_DATE, "PAST_REF", NULL));
  cr_assert (evl_timex_value_validate (EVL_TIMEX_DURATION, "PT3H", NULL));
  cr_assert (evl_timex_value_validate (EVL_TIMEX_DURATION, "PXY", NULL));
  cr_assert (evl_timex_value_validate (EVL_TIMEX_SET, "P1W", NULL));
  GError *error = NULL;
  cr_assert_not (evl_timex_value_validate (EVL_TIMEX_DURATION, "2023", &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_INVALID_TIMEX));
  g_clear_error (&error);
  cr_assert_not (evl_timex_value_validate (EVL_TIMEX_DATE, "yesterday", NULL));
  cr_assert_not (evl_timex_value_validate (EVL_TIMEX_DURATION, "P", NULL));
}

Test (timex, type_names_roundtrip)
{
  for (int t = EVL_TIMEX_DATE; t <= EVL_TIMEX_SET; t++)
    {
      EvlTimexType back;
      cr_assert (evl_timex_type_from_string (evl_timex_type_to_string ((EvlTimexType) t), &back));
      cr_assert_eq ((int) back, t);
    }
  EvlTimexType x;
  cr_assert_not (evl_timex_type_from_string ("EVENT", &x));
}

/* Pathological input: one huge paragraph of temporal-looking words with no
 * sentence break; must stay linear and produce only valid values. */
Test (timex, huge_unbroken_text_stays_linear_and_valid, .timeout = 60 * EVL_TIMEOUT_SCALE)
{
  static const char *const words[] = {
    "May", "may", "March", "1950-53", "the", "last", "next", "week", "Friday", ",", "-",
    "'80s", "5 1/2", "12:30", "a.m.", "Sept.", "over", "more than", "three", "years", "ago",
    "early", "2022", "year-earlier", "quarter", "third", "of", "Christmas", "spring", "now",
    "daily", "every", "twice a", "day", "hours", "20th century", "twenty-four", "nineteen",
  };
  GString *text = g_string_new (NULL);
  guint32 seed = 7;
  while (text->len < 2000000)
    {
      seed = seed * 1103515245u + 12345u;
      g_string_append (text, words[(seed >> 16) % G_N_ELEMENTS (words)]);
      g_string_append_c (text, ' ');
    }
  g_autoptr (EvlDocument) doc = annotate (text->str, DCT);
  g_string_free (text, TRUE);
  guint n;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  cr_assert_gt (n, 1000);
  for (guint i = 0; i < n; i++)
    cr_assert (evl_timex_value_validate (t[i].type, t[i].value, NULL), "invalid value %s", t[i].value);
}

/* Day-month dates and dotted clock times as British and European copy
 * writes them.  After a day number 'March', 'May' and the short names
 * ('Sep') are months, with or without a leading weekday ('Mon' needs no
 * period before a date); a modal or a lower-case verb keeps them words.
 * '9.30am', '14.30 GMT' are clock times only with an am/pm or a zone:
 * '2.15' alone is a decimal. */
#define UKDCT "2025-06-01"
static TxCase day_month_cases[] = {
  { "Officials met on 10 March in Paris.", UKDCT, "10 March", "DATE", "2025-03-10", "" },
  { "The talks ended on 3 May.", UKDCT, "3 May", "DATE", "2025-05-03", "" },
  { "By 3 May, the talks had ended.", UKDCT, "3 May", "DATE", "2025-05-03", "" },
  { "On 10 March the talks ended.", UKDCT, "10 March", "DATE", "2025-03-10", "" },
  { "They met on Monday, 10 March.", UKDCT, "Monday, 10 March", "DATE", "2025-03-10", "" },
  { "Officials met on Monday 10 March.", UKDCT, "Monday 10 March", "DATE", "2025-03-10", "" },
  { "They met on 10th March.", UKDCT, "10th March", "DATE", "2025-03-10", "" },
  { "They met on the 10th of March.", UKDCT, "the 10th of March", "DATE", "2025-03-10", "" },
  { "They met on March 10th.", UKDCT, "March 10th", "DATE", "2025-03-10", "" },
  { "It began on 12 May 2023.", UKDCT, "12 May 2023", "DATE", "2023-05-12", "" },
  { "It happened on 10 Sep, officials said.", UKDCT, "10 Sep", "DATE", "2024-09-10", "" },
  { "It started in May 2023.", UKDCT, "May 2023", "DATE", "2023-05", "" },
  { "Exports fell in early May.", UKDCT, "early May", "DATE", "2025-05", "START" },
  { "It opened at 9.30am.", UKDCT, "9.30am", "TIME", "2025-06-01T09:30", "" },
  { "The blog was updated at 2.15pm.", UKDCT, "2.15pm", "TIME", "2025-06-01T14:15", "" },
  { "It opened at 9.30 a.m. on Monday.", UKDCT, "9.30 a.m.", "TIME", "2025-05-26T09:30", "" },
  { "The statement came at 14.30 GMT on Monday.", UKDCT, "14.30 GMT", "TIME", "2025-05-26T14:30", "" },
  { "Last modified on Mon 10 Mar 2025 14.30 GMT", UKDCT, "Mon 10 Mar 2025", "DATE", "2025-03-10", "" },
  { "Last modified on Mon 10 Mar 2025 14.30 GMT", UKDCT, "14.30 GMT", "TIME", "2025-03-10T14:30", "" },
  { "Posted Wed, May 7, before the vote.", UKDCT, "Wed, May 7", "DATE", "2025-05-07", "" },
  { "The Sun 10 March edition ran it.", UKDCT, "Sun", "", "", "" },
  { "Shares rose 14.30 points.", UKDCT, "14.30", "", "", "" },
  { "Officials may meet on Friday.", UKDCT, "may", "", "", "" },
  { "Protesters march on Saturday.", UKDCT, "march", "", "", "" },
  { "They will march 10 miles.", UKDCT, "march", "", "", "" },
  { "They will March 10 miles.", UKDCT, "March", "", "", "" },
  { "Shares rose 2.15 points.", UKDCT, "2.15", "", "", "" },
  { "The rate was 9.30 percent.", UKDCT, "9.30", "", "", "" },
  { "Rubber grade TSR 20 May contracts rose.", UKDCT, "20 May", "", "", "" },
  /* the wire services' four-digit clock, with a zone only */
  { "The plane landed at 1530 GMT on Tuesday.", UKDCT, "1530 GMT", "TIME", "2025-05-27T15:30", "" },
  { "Fighting resumed at 0900 GMT.", UKDCT, "0900 GMT", "TIME", "2025-06-01T09:00", "" },
  { "He was born in 1530 in Rome.", UKDCT, "1530", "DATE", "1530", "" },
  { "Shares closed at 1530 points.", UKDCT, "1530", "", "", "" },
  { "The fleet reached 2460 GMT ships.", UKDCT, "2460 GMT", "", "", "" },
  /* a named zone or 'local time' marks the clock as well as 'GMT' */
  { "The plane landed at 1530 local time on Tuesday.", UKDCT, "1530 local time", "TIME", "2025-05-27T15:30", "" },
  { "Fighting resumed at 0900 local time.", UKDCT, "0900 local time", "TIME", "2025-06-01T09:00", "" },
  { "The ship docked at 1530 Beijing time.", UKDCT, "1530 Beijing time", "TIME", "2025-06-01T15:30", "" },
  { "It opened at 9.30 local time.", UKDCT, "9.30 local time", "TIME", "2025-06-01T09:30", "" },
  { "It was the 1530 Friday time slot.", UKDCT, "1530", "DATE", "1530", "" },
  /* day, month and year joined by hyphens, as filings write them */
  { "The shares were listed on 13-Sep-2023.", UKDCT, "13-Sep-2023", "DATE", "2023-09-13", "" },
  { "The notice is dated 05-MAR-2024.", UKDCT, "05-MAR-2024", "DATE", "2024-03-05", "" },
  { "It was signed on 3-May-2024 in Rome.", UKDCT, "3-May-2024", "DATE", "2024-05-03", "" },
};

TX_FAMILY (day_month_dates, day_month_cases)

/* Ranges of days in one month are one span ('10 to 12 March', 'March
 * 10-12'), valued as an interval as '1950-53' is; pairs joined by 'and'
 * stay two dates, as TimeBank tags them ('April 24 and 25'), the first
 * with the month (and year) written after the second.  Ranges of counts
 * stay untagged. */
static TxCase day_range_cases[] = {
  { "Talks ran 10 to 12 March.", UKDCT, "10 to 12 March", "DATE", "2025-03-10/2025-03-12", "" },
  { "Talks ran 10-12 March.", UKDCT, "10-12 March", "DATE", "2025-03-10/2025-03-12", "" },
  { "Talks ran 10 \u2013 12 March.", UKDCT, "10 \u2013 12 March", "DATE", "2025-03-10/2025-03-12", "" },
  { "The fair opens 3-5 July.", UKDCT, "3-5 July", "DATE", "2025-07-03/2025-07-05", "" },
  { "Talks ran between 10 and 12 March 2024.", UKDCT, "10", "DATE", "2024-03-10", "" },
  { "Talks ran between 10 and 12 March 2024.", UKDCT, "12 March 2024", "DATE", "2024-03-12", "" },
  { "Talks will run 10 to 12 March.", UKDCT, "10 to 12 March", "DATE", "2026-03-10/2026-03-12", "" },
  { "Talks ran March 10 to 12.", UKDCT, "March 10 to 12", "DATE", "2025-03-10/2025-03-12", "" },
  { "Talks ran March 3-5.", UKDCT, "March 3-5", "DATE", "2025-03-03/2025-03-05", "" },
  { "The vote is set for Sept. 12-14.", UKDCT, "Sept. 12-14", "DATE", "2025-09-12/2025-09-14", "" },
  { "The summit was held on April 24 and 25 in Washington.", UKDCT, "25", "DATE", "2025-04-25", "" },
  { "The summit was held on April 24 and 25 in Washington.", UKDCT, "April 24", "DATE", "2025-04-24", "" },
  { "They met on June 16-17.", UKDCT, "June 16-17", "DATE", "2025-06-16/2025-06-17", "" },
  { "Talks ran Oct. 23-25, 2022.", UKDCT, "Oct. 23-25, 2022", "DATE", "2022-10-23/2022-10-25", "" },
  /* no such day: no span */
  { "Talks ran Feb. 27-30, 2022.", UKDCT, "Feb. 27-30", "", "", "" },
  /* counts, not days */
  { "Prices rose 10 to 12 percent.", UKDCT, "10 to 12", "", "", "" },
  { "About 10 to 12 people came.", UKDCT, "10 to 12", "", "", "" },
  { "Sales rose 10-12 percent in May.", UKDCT, "10-12", "", "", "" },
  { "On March 10 to 12 people died.", UKDCT, "12 people", "", "", "" },
  { "Children aged 10 and 12 March 2024 were asked.", UKDCT, "10", "", "", "" },
};

TX_FAMILY (day_ranges, day_range_cases)

/* Quarters, halves and fiscal years by their codes, valued as the words
 * are ('the third quarter', 'fiscal 1989'); a code after a name is a
 * model, not a period. */
static TxCase period_code_cases[] = {
  { "Profit fell in FY2023.", DCT, "FY2023", "DATE", "2023", "" },
  { "Profit fell in FY22.", DCT, "FY22", "DATE", "2022", "" },
  { "Sales rose in Q3 2022.", DCT, "Q3 2022", "DATE", "2022-Q3", "" },
  { "Sales rose in Q3.", DCT, "Q3", "DATE", "2023-Q3", "" },
  { "Sales rose in Q4 of 2021.", DCT, "Q4 of 2021", "DATE", "2021-Q4", "" },
  { "Sales rose in Q2 FY2022.", DCT, "Q2 FY2022", "DATE", "2022-Q2", "" },
  { "Margins held in H1 2022.", DCT, "H1 2022", "DATE", "2022-H1", "" },
  { "The Q2 results were weak.", DCT, "Q2", "DATE", "2023-Q2", "" },
  { "Sales rose in the third quarter of fiscal 2022.", DCT, "the third quarter of fiscal 2022", "DATE",
    "2022-Q3", "" },
  { "Sales rose in the first half of FY2022.", DCT, "the first half of FY2022", "DATE", "2022-H1", "" },
  { "The sale should close in the first quarter of calendar 2024.", DCT, "the first quarter of calendar 2024",
    "DATE", "2024-Q1", "" },
  { "Sales in calendar 2022 rose.", DCT, "calendar 2022", "DATE", "2022", "" },
  { "The target for calendar year 2022 was missed.", DCT, "calendar year 2022", "DATE", "2022", "" },
  { "The firm moved from a fiscal year to a calendar year.", DCT, "a calendar year", "", "", "" },
  { "Buyers have 30 calendar days to object.", DCT, "30 calendar days", "DURATION", "P30D", "" },
  { "The new Audi Q3 sold well.", DCT, "Q3", "", "", "" },
  { "The H1N1 virus spread.", DCT, "H1N1", "", "", "" },
  { "He wore a Q9 badge.", DCT, "Q9", "", "", "" },
  /* the number first, as analysts write them */
  { "The firm reported a loss for 3Q23.", DCT, "3Q23", "DATE", "2023-Q3", "" },
  { "It guided for 1H2024 sales.", DCT, "1H2024", "DATE", "2024-H1", "" },
  { "Margins fell in 4Q 2022.", DCT, "4Q 2022", "DATE", "2022-Q4", "" },
  { "Sales rose in 2Q.", DCT, "2Q", "DATE", "2023-Q2", "" },
  { "He sharpened two 2H pencils.", DCT, "2H", "", "", "" },
  { "The 3D printer ran at 5Hz.", DCT, "3D", "", "", "" },
};

TX_FAMILY (period_codes, period_code_cases)

/* Headlines and datelines in capitals: a month in capitals beside a day
 * or year is a date whatever the word before it ('UPDATED 10 MARCH', not
 * the acronym of 'TSR 20 May'), and 'TODAY' after another word in
 * capitals is no name ('USA Today'); but there 'MAY' and 'MARCH' without
 * a day or year beside them are the modal and the verb, prepositions or
 * not. */
static TxCase capitals_cases[] = {
  { "UPDATED 10 MARCH 2024", UKDCT, "10 MARCH 2024", "DATE", "2024-03-10", "" },
  { "UPDATED 10 MARCH\n\nTalks ended.", UKDCT, "10 MARCH", "DATE", "2025-03-10", "" },
  { "POSTED 3 MAY, 14:20 BST", UKDCT, "3 MAY", "DATE", "2025-05-03", "" },
  { "LONDON 10 SEP (Reuters) - Talks ended.", "2025-09-11", "10 SEP", "DATE", "2025-09-10", "" },
  { "LONDON 30 MAY (Reuters) - Talks ended.", UKDCT, "30 MAY", "DATE", "2025-05-30", "" },
  { "WASHINGTON, SEPT. 13, 2023 - Talks ended.", UKDCT, "SEPT. 13, 2023", "DATE", "2023-09-13", "" },
  { "STRIKE ENDS MONDAY", UKDCT, "MONDAY", "DATE", "2025-06-02", "" },
  { "TALKS MAY END TODAY", UKDCT, "TODAY", "DATE", "2025-06-01", "" },
  { "RESULTS UPDATED YESTERDAY", UKDCT, "YESTERDAY", "DATE", "2025-05-31", "" },
  { "PRICES MAY RISE", UKDCT, "MAY", "", "", "" },
  { "WORKERS MARCH ON CAPITAL", UKDCT, "MARCH", "", "", "" },
  { "PROTESTERS TO MARCH ON FRIDAY", UKDCT, "MARCH", "", "", "" },
  { "VOTE SET FOR MAY", UKDCT, "MAY", "", "", "" },
  { "Rubber grade TSR 20 May contracts rose.", UKDCT, "20 May", "", "", "" },
  { "The story ran in USA Today last week.", UKDCT, "Today", "", "", "" },
};

TX_FAMILY (capitals, capitals_cases)

/* Months as first names and surnames: a capitalised word after the name
 * that is no temporal word, or one before it that is no preposition, nor
 * a title ('Ms.'), makes it a name; with a day, a year, a preposition
 * that introduces a time or 'the' before it, it stays the month. */
static TxCase month_name_cases[] = {
  { "April Ryan said the briefing ran late.", UKDCT, "April", "", "", "" },
  { "June Carter sang on the radio.", UKDCT, "June", "", "", "" },
  { "Theresa May met the envoy.", UKDCT, "May", "", "", "" },
  { "The question came from reporter April Ryan.", UKDCT, "April", "", "", "" },
  { "Kelly June said the vote failed.", UKDCT, "June", "", "", "" },
  { "Ms. April spoke first.", UKDCT, "April", "", "", "" },
  { "Prices fell in April.", UKDCT, "April", "DATE", "2025-04", "" },
  { "The plant opened April 5.", UKDCT, "April 5", "DATE", "2025-04-05", "" },
  { "The plant opened in April 2024.", UKDCT, "April 2024", "DATE", "2024-04", "" },
  { "Prices fell last April.", UKDCT, "last April", "DATE", "2025-04", "" },
  { "In April Congress voted on the bill.", UKDCT, "April", "DATE", "2025-04", "" },
  { "The April Fed meeting was calm.", UKDCT, "April", "DATE", "2025-04", "" },
  { "April was a cruel month for the markets.", UKDCT, "April", "DATE", "2025-04", "" },
  { "Sales rose in June, August and September.", "2025-10-01", "August", "DATE", "2025-08", "" },
};

TX_FAMILY (month_names, month_name_cases)

/* A past verb right after the date's phrase, with no cue before the date,
 * is the verb of the clause the date is an adjunct of: the date lies
 * before it, even where next year's is nearer to the creation time
 * ('The summit on Sept. 13 ended' in June).  Not a participle before
 * 'by', a verb after a conjunction or a future auxiliary. */
static TxCase past_after_cases[] = {
  { "The summit on Sept. 13 ended with a deal.", "2023-06-01", "Sept. 13", "DATE", "2022-09-13", "" },
  { "The Sept. 13 summit ended with a deal.", "2023-06-01", "Sept. 13", "DATE", "2022-09-13", "" },
  { "Rain on Aug. 20 flooded the town.", "2023-06-01", "Aug. 20", "DATE", "2022-08-20", "" },
  { "Talks on Monday ended without a deal.", "2023-06-03", "Monday", "DATE", "2023-05-29", "" },
  { "The vote on Sept. 13 will decide.", "2023-06-01", "Sept. 13", "DATE", "2023-09-13", "" },
  { "A meeting on Sept. 13 planned by the board will decide.", "2023-06-01", "Sept. 13", "DATE",
    "2023-09-13", "" },
  { "Talks resume Sept. 13 as planned.", "2023-06-01", "Sept. 13", "DATE", "2023-09-13", "" },
  { "Talks on Monday will decide.", "2023-06-03", "Monday", "DATE", "2023-06-05", "" },
};

TX_FAMILY (past_verb_after_date, past_after_cases)

/* A past verb with its object, a few words before the date, governs it
 * as one right before it does; not a verb of saying, an adjective
 * before its noun, or a clause a future cue takes on. */
static TxCase object_past_cases[] = {
  { "The company reported the breach in December.", DCT, "December", "DATE", "2022-12", "" },
  { "Police arrested him on Dec. 5.", DCT, "Dec. 5", "DATE", "2022-12-05", "" },
  { "The firm said it lost $3 million in November.", DCT, "November", "DATE", "2022-11", "" },
  { "He said the summit in December would focus on trade.", DCT, "December", "DATE", "2023-12", "" },
  { "The board declared a dividend, payable Dec. 15 to holders.", DCT, "Dec. 15", "DATE", "2023-12-15", "" },
  { "They signed the deal in November and it will close soon.", DCT, "November", "DATE", "2022-11", "" },
  { "They approved a plan that will cut jobs in November.", DCT, "November", "DATE", "2023-11", "" },
};

TX_FAMILY (past_verb_with_object, object_past_cases)

/* A plan told in reported speech lies ahead of the day it was told. */
static TxCase reported_plan_cases[] = {
  { "The ministry said on Monday it would vote on Wednesday.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "The ministry said on Tuesday it would act on Friday.", DCT, "Friday", "DATE", "2023-09-15", "" },
  { "The ministry said on Monday. It would vote on Wednesday.", DCT, "Wednesday", "DATE", "2023-09-20", "" },
  { "The ministry will say on Friday whether it would vote on Monday.", DCT, "Monday", "DATE", "2023-09-18", "" },
};

TX_FAMILY (reported_plan_day, reported_plan_cases)

/* Weekdays told by their place: the end of a span after its start, the
 * nth of a month, the week a day ends. */
static TxCase weekday_place_cases[] = {
  { "The event runs from Friday to Sunday.", DCT, "Sunday", "DATE", "2023-09-17", "" },
  { "The festival ran from Friday to Sunday.", DCT, "Sunday", "DATE", "2023-09-10", "" },
  { "Talks will run Monday through Wednesday.", DCT, "Wednesday", "DATE", "2023-09-20", "" },
  { "The vote will be held on the first Tuesday in November.", DCT, "the first Tuesday in November", "DATE",
    "2023-11-07", "" },
  { "Sales peaked on the last Friday of June.", DCT, "the last Friday of June", "DATE", "2023-06-30", "" },
  { "The rally is set for the second Sunday of October 2024.", DCT, "the second Sunday of October 2024", "DATE",
    "2024-10-13", "" },
  { "Jobless claims fell in the week ending Sept. 9.", DCT, "the week", "DATE", "2023-W36", "" },
  { "Claims fell in the week to Sept. 9.", DCT, "Sept. 9", "DATE", "2023-09-09", "" },
  { "The minister will visit China in the week starting Oct. 2.", DCT, "the week", "DATE", "2023-W40", "" },
  { "Sales rose in the week beginning Aug. 28.", DCT, "the week", "DATE", "2023-W35", "" },
  { "Claims fell in the week to come.", DCT, "the week", "DATE", "2023-W37", "" },
};

TX_FAMILY (weekday_by_place, weekday_place_cases)

/* Patterns reached through the start classes a unit is given once
 * (timex-scan.h): after 'the' by the class of the next unit, numbers by
 * the parser that accepts them (count, ordinal, year, decade, day, clock,
 * hour, slash date), number words by their kind.  Each must still match
 * in full. */
static TxCase start_class_cases[] = {
  { "It happened in the 20th century.", DCT, "the 20th century", "DATE", "19", "" },
  { "It happened in the twenty-first century.", DCT, "the twenty-first century", "DATE", "20", "" },
  { "Profits rose in the third quarter.", DCT, "the third quarter", "DATE", "2023-Q3", "" },
  { "Rates rose in the fiscal first quarter.", DCT, "the fiscal first quarter", "DATE", "2023-Q1", "" },
  { "Shares fell 20% in the fourth quarter of 1998.", DCT, "the fourth quarter of 1998", "DATE", "1998-Q4", "" },
  { "The first half of 1989 was weak.", DCT, "The first half of 1989", "DATE", "1989-H1", "" },
  { "They met on the 3rd of May.", DCT, "the 3rd of May", "DATE", "2023-05-03", "" },
  { "He returns the following week.", DCT, "the following week", "DATE", "2023-W38", "" },
  { "The year two thousand was quiet.", DCT, "The year two thousand", "DATE", "2000", "" },
  { "The summer of 1990 was hot.", DCT, "The summer of 1990", "DATE", "1990-SU", "" },
  { "Sales fell in the past two years.", DCT, "the past two years", "DURATION", "P2Y", "" },
  { "The talks lasted twenty-four hours.", DCT, "twenty-four hours", "DURATION", "PT24H", "" },
  { "The empire lasted one hundred years.", DCT, "one hundred years", "DURATION", "P100Y", "" },
  { "The project took a dozen years.", DCT, "a dozen years", "DURATION", "P12Y", "" },
  { "He spoke for a couple of hours.", DCT, "a couple of hours", "DURATION", "PT2H", "" },
  { "He was born in nineteen ninety-six.", DCT, "nineteen ninety-six", "DATE", "1996", "" },
  { "The vote is in 5 1/2 hours.", DCT, "5 1/2 hours", "DURATION", "PT5H30M", "" },
  { "Three times a week he runs.", DCT, "Three times a week", "SET", "P1W", "" },
  { "The store opens at 6am.", DCT, "6am", "TIME", "2023-09-14T06:00", "" },
  { "The store opens at 6.45am.", DCT, "6.45am", "TIME", "2023-09-14T06:45", "" },
  { "The store opens at 6.45 PM.", DCT, "6.45 PM", "TIME", "2023-09-14T18:45", "" },
  { "The store opens at 18.45 GMT.", DCT, "18.45 GMT", "TIME", "2023-09-14T18:45", "" },
  { "Talks resume at 10:35 a.m. Thursday.", DCT, "10:35 a.m. Thursday", "TIME", "2023-09-14T10:35", "" },
  { "The treaty was signed on 9/14/2023.", DCT, "9/14/2023", "DATE", "2023-09-14", "" },
  { "Music of the '80s was loud.", DCT, "the '80s", "DATE", "198", "" },
  { "The plant closed in the 1990s.", DCT, "the 1990s", "DATE", "199", "" },
  { "The 20 people left.", DCT, "20", "", "", "" },
};

TX_FAMILY (start_classes, start_class_cases)

/* Words as the scanner cuts and folds them (timex-scan.c): a plain word
 * is folded eight bytes at a time and classified through a per-thread
 * cache; a word near the end of the text, one of 24 bytes or more, one
 * that goes on with an apostrophe, or a single letter before a period
 * ('U.S.', 'a.m.') takes the byte-wise path; a longer word before a
 * period ('Wednesday.', 'Sept.') is plain.  Both must classify alike, in
 * any case of letters. */
static TxCase word_form_cases[] = {
  { "They met on Wednesday in the capital.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "They met on Wednesday", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "They met on WEDNESDAY in the capital.", DCT, "WEDNESDAY", "DATE", "2023-09-13", "" },
  { "Wednesday's meeting in the capital was long.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "Wednesday\u2019s meeting in the capital was long.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "It rained in September and in September again.", DCT, "September", "DATE", "2023-09", "" },
  { "Antidisestablishmentarianisms waned in May of that year.", DCT, "May", "DATE", "2023-05", "" },
  { "Antidisestablishmentarianism waned yesterday.", DCT, "yesterday", "DATE", "2023-09-13", "" },
  { "The A4 memo of May 2 was leaked.", DCT, "May 2", "DATE", "2023-05-02", "" },
  { "It was signed on Sept. 30 in Geneva.", DCT, "Sept. 30", "DATE", "2023-09-30", "" },
  { "Calendarizations aside, talks ran an extra day.", DCT, "an extra day", "DURATION", "P1D", "" },
  { "The vote was held on Wednesday. Results came later in the week.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "The talks in the U.S. ended on Wednesday, officials said.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "He left in Sept. and came back in the fall of that year.", DCT, "Sept.", "DATE", "2023-09", "" },
  { "The blast at 9 a.m. Wednesday was heard across the capital.", DCT, "9 a.m. Wednesday", "TIME", "2023-09-13T09:00", "" },
  { "Officials didn't comment on Wednesday's launch.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  { "The launch came at 10 o'clock on Wednesday.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  /* a unit per byte: more units than the room first reserved for the
   * paragraph (a unit per four bytes), which grows it twice */
  { "x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x "
    "ended on Wednesday.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
};

TX_FAMILY (word_forms, word_form_cases)

/* A unit of a candidate word the scanner's word table lacks (a filter
 * false positive: a few in a hundred random words) holds its classes
 * itself, and its cached copy may be overwritten by the next such word;
 * when the paragraph's units outgrow their first room (a unit per four
 * bytes) and move, those units must point at their own copies again.
 * Thousands of distinct made-up words, two units each in four or five
 * bytes, before and after a date: under ASan a stale pointer fails. */
Test (timex, dense_paragraph_of_unknown_words_keeps_its_units)
{
  GString *text = g_string_new ("On Wednesday");
  for (guint round = 0; round < 2; round++)
    for (guint k = 0; k < 3000; k++)
      {
        /* letters only: 'qa', 'qb' ... 'zzz' */
        char w[8];
        guint n = 0, v = k + 26 * (round + 1);
        do
          {
            w[n++] = (char) ('a' + v % 26);
            v /= 26;
          }
        while (v && n < 6);
        w[n] = '\0';
        g_string_append_printf (text, " %s,", w);
      }
  g_string_append (text, " they met again on Friday.");
  g_autoptr (EvlDocument) doc = annotate (text->str, DCT);
  g_string_free (text, TRUE);
  guint n;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  gboolean wed = FALSE, fri = FALSE;
  for (guint i = 0; i < n; i++)
    {
      cr_assert (evl_timex_value_validate (t[i].type, t[i].value, NULL), "invalid value %s", t[i].value);
      wed |= strcmp (t[i].value, "2023-09-13") == 0;
      fri |= strcmp (t[i].value, "2023-09-15") == 0 || strcmp (t[i].value, "2023-09-08") == 0;
    }
  cr_assert (wed, "'Wednesday' before the made-up words");
  cr_assert (fri, "'Friday' after them");
}

/* ---- a document tagged twice (pipeline.c's guess_dct()) ----
 * The units of a document without a creation date are kept for a
 * second run on the same text; these tests compare such runs with runs
 * whose units are cut afresh (a new context: its own word tables). */

static void
assert_same_timexes (EvlDocument *a, EvlDocument *b)
{
  guint na, nb;
  const EvlTimex *ta = evl_document_get_timexes (a, &na);
  const EvlTimex *tb = evl_document_get_timexes (b, &nb);
  cr_assert_eq (na, nb, "%u timexes against %u", na, nb);
  for (guint i = 0; i < na; i++)
    {
      cr_assert_eq (ta[i].span.start, tb[i].span.start, "timex %u", i);
      cr_assert_eq (ta[i].span.end, tb[i].span.end, "timex %u", i);
      cr_assert_str_eq (ta[i].value, tb[i].value, "timex %u", i);
      cr_assert_eq (ta[i].type, tb[i].type, "timex %u", i);
      cr_assert_eq (ta[i].flags, tb[i].flags, "timex %u", i);
      cr_assert_eq (ta[i].sentence, tb[i].sentence, "timex %u", i);
    }
}

static EvlDocument *
annotate_fresh (const char *text, const char *dct)
{
  g_autoptr (EvlContext) ctx = evl_context_new (NULL);
  cr_assert_not_null (ctx);
  EvlDocument *doc = evl_document_new ("t", text, -1, NULL);
  if (*dct)
    evl_document_set_dct (doc, dct, EVL_DCT_METADATA);
  evl_segment_document (ctx, doc);
  evl_timex_annotate (ctx, doc);
  return doc;
}

Test (timex, second_run_with_a_guessed_date_matches_a_fresh_run)
{
  static const char text[] =
    "WASHINGTON, Tuesday, July 23, 2024\n\n"
    "The talks began on Monday and will end on Friday. Officials said last week that a deal was near.\n\n"
    "Three days later the ministers met again. The accord of May 3 expires next year.\n\n"
    "By 10:30 a.m. on Thursday, the two sides had signed. \"It took 18 months,\" one said.";
  g_autoptr (EvlDocument) doc = annotate (text, "");
  guint n;
  const EvlTimex *t = evl_document_get_timexes (doc, &n);
  cr_assert (n > 0 && t[0].type == EVL_TIMEX_DATE && t[0].grain == EVL_GRAIN_DAY);
  /* as guess_dct() does: the dateline's day, then the same text again
   * (the units kept by the first run) */
  cr_assert (evl_document_set_dct (doc, "2024-07-23", EVL_DCT_GUESSED));
  evl_timex_annotate (shared_ctx (), doc);
  g_autoptr (EvlDocument) fresh = annotate_fresh (text, "2024-07-23");
  assert_same_timexes (doc, fresh);
  t = evl_document_get_timexes (doc, &n);
  gboolean friday = FALSE;
  for (guint i = 0; i < n; i++)
    friday |= strcmp (t[i].value, "2024-07-26") == 0;
  cr_assert (friday, "'Friday' resolved against the guessed date");
}

/* A text of the same length as the one whose units were kept, but
 * other words: its units are cut again, not taken from the kept ones. */
Test (timex, kept_units_serve_only_the_same_text)
{
  static const char kept[] = "They met on Monday, May 6.\n\nNo date was set for the next round.";
  static const char other[] = "They met on Friday, May 3.\n\nNo date was set for the next round.";
  G_STATIC_ASSERT (sizeof kept == sizeof other);
  g_autoptr (EvlDocument) a = annotate (kept, "");
  g_autoptr (EvlDocument) b = annotate (other, "");
  g_autoptr (EvlDocument) fresh = annotate_fresh (other, "");
  assert_same_timexes (b, fresh);
  guint n;
  const EvlTimex *t = evl_document_get_timexes (b, &n);
  cr_assert_eq (n, 1);
  cr_assert_str_eq (t[0].value, "XXXX-05-03");
  t = evl_document_get_timexes (a, &n);
  cr_assert_eq (n, 1);
  cr_assert_str_eq (t[0].value, "XXXX-05-06");
}

/* Wire-news forms TimeBank has few of. */
static TxCase wire_cases[] = {
  { "A ruling is due two weeks from now.", DCT, "two weeks from now", "DATE", "2023-W39", "" },
  { "A decade from now the plant will be gone.", DCT, "A decade from now", "DATE", "2033", "" },
  { "The talks could resume three days from now.", DCT, "three days from now", "DATE", "2023-09-17", "" },
  { "Army rule ended in 1992 with the vote that made Ali, a candidate in elections to be held in November, president.", DCT, "November", "DATE", "2023-11", "" },
  { "Army rule ended in 1992 with a vote held in November.", DCT, "November", "DATE", "1992-11", "" },
  { "Inflation during the first quarter of the year was high.", DCT, "the first quarter of the year", "DATE", "2023-Q1", "" },
  { "Growth should pick up in the second half of the year.", DCT, "the second half of the year", "DATE", "2023-H2", "" },
  { "Growth should pick up in the latter half of the year.", DCT, "the latter half of the year", "DATE", "2023-H2", "" },
  { "Demand will recover in the back half of 2024.", DCT, "the back half of 2024", "DATE", "2024-H2", "" },
  { "Sales rose in the second half of the fiscal year.", DCT, "the second half of the fiscal year", "DATE", "2023-H2", "" },
  { "He scored twice in the second half of the match.", DCT, "the second half", "", "", "" },
  /* a winter across the turn of the year is the one it begins in */
  { "The pandemic peaked in the winter of 2020-21.", DCT, "the winter of 2020-21", "DATE", "2020-WI", "" },
  { "Prices spiked in winter 2021-2022.", DCT, "winter 2021-2022", "DATE", "2021-WI", "" },
  /* the second month of a span follows the first */
  { "The survey ran from December 2022 to February.", DCT, "February", "DATE", "2023-02", "" },
  { "The season runs from November to February.", DCT, "February", "DATE", "2024-02", "" },
  /* half a month: the month, its start or end */
  { "The first half of October was warm.", DCT, "The first half of October", "DATE", "2022-10", "START" },
  { "Sales slumped in the second half of March 2022.", DCT, "the second half of March 2022", "DATE", "2022-03", "END" },
  /* 'back half' is no half of a year here: the length starts at 'half' */
  { "He came back half an hour later.", DCT, "half an hour", "DURATION", "PT30M", "" },
  { "The company reported results for the January-March quarter.", DCT, "the January-March quarter", "DATE", "2023-Q1", "" },
  { "Profit rose in the July-September quarter of 2022.", DCT, "the July-September quarter of 2022", "DATE", "2022-Q3", "" },
  { "Sales rose in the February-April quarter.", DCT, "February", "DATE", "2023-02", "" },
  { "Sales in the December quarter beat forecasts.", "2024-01-04", "the December quarter", "DATE", "2023-Q4", "" },
  { "Sales in the June quarter will be weak.", "2024-01-04", "the June quarter", "DATE", "2024-Q2", "" },
  /* a quarter over before the last one lies next year in a future
   * clause; the one just ended is still this year's */
  { "The plant will reopen in the second quarter.", "2023-11-20", "the second quarter", "DATE", "2024-Q2", "" },
  { "The company will post a loss for the third quarter.", "2023-11-20", "the third quarter", "DATE", "2023-Q3", "" },
  /* results come out after their quarter */
  { "The company will report fourth-quarter results on Jan. 25.", "2024-01-04", "fourth-quarter", "DATE", "2023-Q4", "" },
  { "The company will report third-quarter results on Oct. 24.", DCT, "third-quarter", "DATE", "2023-Q3", "" },
};

TX_FAMILY (wire_news, wire_cases)

/* The timex module's own day arithmetic gives what evl_day_from_ymd()
 * gives, for every year it takes and past both ends, every month and
 * none, and the days around each month's ends, past 255 (a GDateDay is
 * a byte) and below 0. */
Test (timex, day_from_ymd_is_evl_day_from_ymd)
{
  static const int days[] = { -256, -255, -1, 0, 1, 2, 15, 27, 28, 29, 30, 31, 32, 99, 255, 256, 257, 300 };
  guint wrong = 0;
  int wy = 0, wm = 0, wd = 0;
  for (int y = -2; y <= 10002; y++)
    for (int m = -1; m <= 14; m++)
      for (gsize k = 0; k < G_N_ELEMENTS (days); k++)
        if (evl_timex_day_from_ymd (y, m, days[k]) != evl_day_from_ymd (y, m, days[k]) && wrong++ == 0)
          wy = y, wm = m, wd = days[k];
  cr_assert_eq (wrong, 0, "%u dates differ, the first %d-%d-%d: %u, not %u", wrong, wy, wm, wd,
                evl_timex_day_from_ymd (wy, wm, wd), evl_day_from_ymd (wy, wm, wd));
}

/* News of 2023-2025 the tagger once got wrong (session 27). */
static TxCase news2023_cases[] = {
  /* 'to life' is no infinitive looking ahead */
  { "He was sentenced to 25 years to life on Wednesday.", DCT, "Wednesday", "DATE", "2023-09-13", "" },
  /* 'go into effect', 'comes into force': a schedule, as 'takes effect' */
  { "The new rules go into effect on Monday.", DCT, "Monday", "DATE", "2023-09-18", "" },
  { "The ban comes into force on Monday.", DCT, "Monday", "DATE", "2023-09-18", "" },
  { "The rules went into effect on Monday.", DCT, "Monday", "DATE", "2023-09-11", "" },
  /* a bare clock time takes the day of a time just named */
  { "The quake struck at 11:11 p.m. local time Friday (2211 GMT).", DCT, "2211 GMT", "TIME", "2023-09-08T22:11", "" },
  { "The quake struck at 4:09 a.m. Sunday. A second tremor hit at 6:15 a.m.", DCT, "6:15 a.m", "TIME", "2023-09-10T06:15", "" },
  /* 'almost' and the preposition 'over' stay out of a length, as in
   * TimeBank; 'over' after a preposition is 'more than' */
  { "The country has been at war for almost two decades.", DCT, "two decades", "DURATION", "P20Y", "LESS_THAN" },
  { "Russia was worn down by over 18 months of conflict.", DCT, "over 18 months", "DURATION", "P18M", "MORE_THAN" },
  { "The loan will be repaid over three years.", DCT, "three years", "DURATION", "P3Y", "" },
  { "The war ended almost two years ago.", DCT, "almost two years ago", "DATE", "2021", "LESS_THAN" },
  /* 'the 1990s': the article inside, as in 'the late 1980s' */
  { "The year 2000 problem was overblown.", DCT, "The year 2000", "DATE", "2000", "" },
  /* 'right now': 'now' alone, as TimeBank tags it */
  { "Right now the talks are stalled.", DCT, "now", "DATE", "PRESENT_REF", "" },
  /* 'the 2024-25 winter': one winter, as 'the winter of 2024-25' */
  { "The forecast covers the 2024-25 winter.", DCT, "the 2024-25 winter", "DATE", "2024-WI", "" },
  { "Gas prices spiked in the 2021-2022 winter.", DCT, "the 2021-2022 winter", "DATE", "2021-WI", "" },
  /* 'multi-year' as 'several-year', the article the noun's */
  { "The company signed a multi-year deal with the league.", DCT, "multi-year", "DURATION", "PXY", "" },
  { "A multi-billion deal ended the multi-party talks.", DCT, "multi", "", "", "" },
  /* 'after weeks of talks': the measure of the talks, untagged */
  { "The deal came after weeks of talks.", DCT, "weeks", "", "", "" },
  { "The vote ends the country's decades of military rule.", DCT, "decades", "DURATION", "PXY", "" },
  /* '1H 2024' as analysts write it; a bare '2H' stays a pencil's grade */
  { "Profit fell in 1H 2024, the company said.", DCT, "1H 2024", "DATE", "2024-H1", "" },
  { "Use a 2H pencil for the 2H 20 form.", DCT, "2H", "", "", "" },
};

TX_FAMILY (news2023, news2023_cases)
