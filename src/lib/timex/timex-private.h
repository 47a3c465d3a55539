/* Shared by the timex sources; never installed.
 *
 * timex-values.c   TIMEX3 value strings: calendar points, formatting,
 *                  bounds, validation.
 * timex-scan.c     cuts paragraphs into word units and classifies them
 *                  with the lexicons behind bloom filters (timex-scan.h).
 * timex-grammar.c  the patterns: the longest temporal expression at a unit.
 * timex-normalize.c anchoring (creation time, last mentioned date, tense)
 *                  and the evl_timex_annotate() driver. */
#pragma once

#include "evl-private.h"

/* A calendar point at some granularity.  Fields coarser than the grain are
 * set; year < 0 means unknown (XXXX). */
typedef struct {
  int year;         /* full year, or -1 */
  int month;        /* 1-12, 0 unknown */
  int day;          /* 1-31 */
  int week;         /* ISO week, 0 unknown */
  int weekday;      /* 1-7 for 'XXXX-WXX-3' style values */
  int quarter;      /* 1-4 */
  int half;         /* 1-2 */
  int weekend;      /* WEEK grain: the weekend of the week (-WE) */
  char season[3];   /* SP SU FA WI */
  char pod[3];      /* MO AF EV NI DT */
  int hour, minute; /* -1 unknown */
  EvlGrain grain;
} EvlTimexPoint;

void     evl_timex_point_clear (EvlTimexPoint *p);
/* The point at @grain containing @day. */
void     evl_timex_point_from_day (EvlTimexPoint *p, EvlDay day, EvlGrain grain);
/* A representative day inside @p (its first day), 0 when unknown. */
EvlDay   evl_timex_point_first_day (const EvlTimexPoint *p);
/* Moves @p by @n steps of its own grain (week, month, quarter...). */
void     evl_timex_point_shift (EvlTimexPoint *p, int n);
/* Writes the TIMEX3 value of @p into @buf (@cap bytes). */
void     evl_timex_point_format (const EvlTimexPoint *p, char *buf, gsize cap);

/* evl_day_from_ymd (@year, @month, @day): the same Julian day (1 for
 * 1 January of year 1, proleptic Gregorian), 0 for no date, by
 * arithmetic instead of GDate's validation and conversion (~370
 * instructions a call, ~0.4 M on the 400 small documents).  Its @day
 * is a GDateDay there: a byte. */
static inline EvlDay
evl_timex_day_from_ymd (int year, int month, int day)
{
  static const guint8 month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  static const guint16 days_before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  guint d = (guint8) day;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || d == 0)
    return 0;
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  gboolean feb29 = month == 2 && leap;
  if (d > month_days[month - 1] + (guint) feb29)
    return 0;
  guint y = (guint) year - 1;
  return y * 365 + y / 4 - y / 100 + y / 400 + days_before[month - 1] + (month > 2 && leap) + d;
}

/* Day of Easter Sunday (Gregorian) in @year. */
EvlDay   evl_timex_easter (int year);
/* The @nth (1-5, or -1 for the last) ISO @weekday of @month in @year. */
EvlDay   evl_timex_nth_weekday (int year, int month, int nth, int weekday);

/* Whether @text [@start, @end) is a word in capitals: two capital
 * letters or more and no small one ('MARCH', 'TSR'; not 'March', 'A'). */
static inline gboolean
evl_timex_upper_word (const char *text, guint32 start, guint32 end)
{
  int caps = 0;
  for (guint32 b = start; b < end; b++)
    {
      if (g_ascii_islower (text[b]))
        return FALSE;
      caps += g_ascii_isupper (text[b]) != 0;
    }
  return caps >= 2;
}
