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
#include "core/day-private.h"

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

/* evl_day_from_ymd()'s arithmetic, inlined into the normalizer. */
static inline EvlDay
evl_timex_day_from_ymd (int year, int month, int day)
{
  return evl_day_arith_from_ymd (year, month, day);
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
