/* Day arithmetic shared by the core (evl_day_from_ymd(),
 * evl_day_to_ymd()) and the timex normalizer, which inlines it. */
#pragma once

#include "evl-private.h"

/* The Julian day of @year-@month-@day (1 for 1 January of year 1,
 * proleptic Gregorian, as GDate counts), 0 for no date, by arithmetic
 * instead of GDate's validation and conversion (~370 instructions a
 * call).  @day is taken as a byte, as GDateDay was. */
static inline EvlDay
evl_day_arith_from_ymd (int year, int month, int day)
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

/* The inverse for @day >= 1: years counted from 1 March of year 0, so
 * that a leap day ends its year (civil-from-days). */
static inline void
evl_day_arith_to_ymd (EvlDay day, int *year, int *month, int *dom)
{
  guint64 z = (guint64) day - 1 + 306;   /* 0000-03-01 to 0001-01-01 */
  guint64 era = z / 146097;
  guint64 doe = z - era * 146097;
  guint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  guint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint64 mp = (5 * doy + 2) / 153;
  guint m = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (m <= 2));
  *month = (int) m;
  *dom = (int) (doy - (153 * mp + 2) / 5 + 1);
}
