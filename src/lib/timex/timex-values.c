/* TIMEX3 value strings: calendar points at a granularity, their ISO 8601 /
 * TimeML spelling, calendar bounds and validation.  Context free: the
 * document module calls evl_timex_value_bounds() for creation times. */
#include "timex-private.h"

#include <string.h>

static const char *const type_names[] = { "DATE", "TIME", "DURATION", "SET" };

const char *
evl_timex_type_to_string (EvlTimexType type)
{
  if ((guint) type >= G_N_ELEMENTS (type_names))
    return "DATE";
  return type_names[type];
}

gboolean
evl_timex_type_from_string (const char *name, EvlTimexType *out)
{
  for (guint i = 0; name && i < G_N_ELEMENTS (type_names); i++)
    if (g_ascii_strcasecmp (name, type_names[i]) == 0)
      {
        if (out)
          *out = (EvlTimexType) i;
        return TRUE;
      }
  return FALSE;
}

/* ---- calendar points ---- */

void
evl_timex_point_clear (EvlTimexPoint *p)
{
  memset (p, 0, sizeof *p);
  p->year = -1;
  p->hour = p->minute = -1;
}

static void
day_to_gdate (EvlDay day, GDate *g)
{
  g_date_clear (g, 1);
  g_date_set_julian (g, day);
}

static int
iso_week (EvlDay day, int *iso_year)
{
  GDate g;
  day_to_gdate (day, &g);
  int w = (int) g_date_get_iso8601_week_of_year (&g);
  int y = g_date_get_year (&g);
  int m = g_date_get_month (&g);
  if (m == 1 && w >= 52)
    y--;
  else if (m == 12 && w == 1)
    y++;
  *iso_year = y;
  return w;
}

static int
weekday_of (EvlDay day)
{
  GDate g;
  day_to_gdate (day, &g);
  return (int) g_date_get_weekday (&g);
}

/* Monday of ISO week @w of @y. */
static EvlDay
iso_week_monday (int y, int w)
{
  EvlDay jan4 = evl_timex_day_from_ymd (y, 1, 4);
  if (jan4 == 0)
    return 0;
  return jan4 - (EvlDay) (weekday_of (jan4) - 1) + (EvlDay) ((w - 1) * 7);
}

static const char *const season_codes[] = { "WI", "SP", "SU", "FA" };

void
evl_timex_point_from_day (EvlTimexPoint *p, EvlDay day, EvlGrain grain)
{
  evl_timex_point_clear (p);
  if (day == 0)
    return;
  int y, m, d;
  evl_day_to_ymd (day, &y, &m, &d);
  p->grain = grain;
  p->year = y;
  switch (grain)
    {
    case EVL_GRAIN_WEEK:
      p->week = iso_week (day, &p->year);
      break;
    case EVL_GRAIN_QUARTER:
      p->quarter = (m - 1) / 3 + 1;
      break;
    case EVL_GRAIN_HALF:
      p->half = m <= 6 ? 1 : 2;
      break;
    case EVL_GRAIN_SEASON:
      strcpy (p->season, season_codes[(m % 12) / 3]);
      if (m <= 2)
        p->year = y - 1; /* a winter is named by the year it starts in */
      break;
    case EVL_GRAIN_YEAR: case EVL_GRAIN_DECADE: case EVL_GRAIN_CENTURY:
      break;
    default:
      p->month = m;
      if (grain != EVL_GRAIN_MONTH)
        p->day = d;
      break;
    }
}

EvlDay
evl_timex_point_first_day (const EvlTimexPoint *p)
{
  if (p->year < 0)
    return 0;
  switch (p->grain)
    {
    case EVL_GRAIN_CENTURY: return evl_timex_day_from_ymd (MAX (1, p->year / 100 * 100), 1, 1);
    case EVL_GRAIN_DECADE: return evl_timex_day_from_ymd (MAX (1, p->year / 10 * 10), 1, 1);
    case EVL_GRAIN_YEAR: return evl_timex_day_from_ymd (p->year, 1, 1);
    case EVL_GRAIN_HALF: return evl_timex_day_from_ymd (p->year, p->half == 2 ? 7 : 1, 1);
    case EVL_GRAIN_QUARTER: return evl_timex_day_from_ymd (p->year, (MAX (p->quarter, 1) - 1) * 3 + 1, 1);
    case EVL_GRAIN_SEASON:
      for (int i = 0; i < 4; i++)
        if (strcmp (p->season, season_codes[i]) == 0)
          return evl_timex_day_from_ymd (p->year, i == 0 ? 12 : i * 3, 1);
      return evl_timex_day_from_ymd (p->year, 1, 1);
    case EVL_GRAIN_WEEK:
      if (p->week > 0)
        return iso_week_monday (p->year, p->week);
      return 0;
    case EVL_GRAIN_MONTH:
      return p->month ? evl_timex_day_from_ymd (p->year, p->month, 1) : 0;
    default:
      if (p->month && p->day)
        return evl_timex_day_from_ymd (p->year, p->month, p->day);
      return 0;
    }
}

static int
season_index (const char *s)
{
  for (int i = 0; i < 4; i++)
    if (strcmp (s, season_codes[i]) == 0)
      return i;
  return -1;
}

void
evl_timex_point_shift (EvlTimexPoint *p, int n)
{
  if (n == 0 || p->year < 0)
    return;
  switch (p->grain)
    {
    case EVL_GRAIN_CENTURY: p->year += 100 * n; return;
    case EVL_GRAIN_DECADE: p->year += 10 * n; return;
    case EVL_GRAIN_YEAR: p->year += n; return;
    case EVL_GRAIN_HALF:
      {
        int h = p->year * 2 + (p->half - 1) + n;
        p->year = h / 2;
        p->half = h % 2 + 1;
        return;
      }
    case EVL_GRAIN_QUARTER:
      {
        int q = p->year * 4 + (p->quarter - 1) + n;
        p->year = q / 4;
        p->quarter = q % 4 + 1;
        return;
      }
    case EVL_GRAIN_SEASON:
      {
        int si = season_index (p->season);
        if (si < 0)
          return;
        /* Seasons in calendar order within a year: SP SU FA WI. */
        int ord = (si + 3) % 4;
        int s = p->year * 4 + ord + n;
        p->year = s / 4;
        strcpy (p->season, season_codes[(s % 4 + 1) % 4]);
        return;
      }
    case EVL_GRAIN_MONTH:
      {
        int m = p->year * 12 + (p->month - 1) + n;
        p->year = m / 12;
        p->month = m % 12 + 1;
        return;
      }
    case EVL_GRAIN_WEEK:
      {
        EvlDay d = iso_week_monday (p->year, p->week);
        if (d)
          p->week = iso_week (d + (EvlDay) (7 * n), &p->year);
        return;
      }
    default:
      {
        EvlDay d = evl_timex_day_from_ymd (p->year, p->month, p->day);
        if (d == 0)
          return;
        int y, m, dd;
        evl_day_to_ymd ((EvlDay) ((gint64) d + n), &y, &m, &dd);
        p->year = y;
        p->month = m;
        p->day = dd;
        return;
      }
    }
}

/* printf's "%0*d": @v in decimal, at least @width characters with the
 * sign, zero-padded after it.  Returns the end of what it wrote (at most
 * 12 bytes past @o with the widths used here). */
static char *
put_int (char *o, int v, int width)
{
  char d[12];
  int n = 0;
  guint u = v < 0 ? 0u - (guint) v : (guint) v;
  do
    d[n++] = (char) ('0' + u % 10);
  while ((u /= 10) != 0);
  if (v < 0)
    {
      *o++ = '-';
      width--;
    }
  for (int k = n; k < width; k++)
    *o++ = '0';
  while (n > 0)
    *o++ = d[--n];
  return o;
}

static char *
put_str (char *o, const char *s)
{
  while (*s)
    *o++ = *s++;
  return o;
}

/* Copies [@s, @e) into @buf as g_snprintf() would: at most @cap - 1 bytes,
 * always NUL-terminated when @cap > 0. */
static void
put_out (char *buf, gsize cap, const char *s, const char *e)
{
  if (cap == 0)
    return;
  gsize n = MIN ((gsize) (e - s), cap - 1);
  memcpy (buf, s, n);
  buf[n] = '\0';
}

/* Written by hand rather than with g_snprintf(): one value per timex was
 * ~1,450 instructions of printf (3.1 M of the 400-document tag run).
 * Same output, including the truncations of the year (7 characters) and
 * of the date part (23) that the fixed buffers made. */
void
evl_timex_point_format (const EvlTimexPoint *p, char *buf, gsize cap)
{
  char y[16], out[128];
  char *ye;
  if (p->year < 0)
    ye = put_str (y, "XXXX");
  else
    ye = put_int (y, p->year, 4);
  if (ye - y > 7)
    ye = y + 7;
  *ye = '\0';
  char *o = out;
  switch (p->grain)
    {
    case EVL_GRAIN_CENTURY:
      o = p->year < 0 ? put_str (o, "XX") : put_int (o, p->year / 100, 2);
      put_out (buf, cap, out, o);
      return;
    case EVL_GRAIN_DECADE:
      o = p->year < 0 ? put_str (o, "XXX") : put_int (o, p->year / 10, 3);
      put_out (buf, cap, out, o);
      return;
    case EVL_GRAIN_YEAR:
      put_out (buf, cap, y, ye);
      return;
    case EVL_GRAIN_HALF:
      o = put_int (put_str (put_str (o, y), "-H"), p->half, 0);
      put_out (buf, cap, out, o);
      return;
    case EVL_GRAIN_QUARTER:
      o = put_int (put_str (put_str (o, y), "-Q"), p->quarter, 0);
      put_out (buf, cap, out, o);
      return;
    case EVL_GRAIN_SEASON:
      o = put_str (put_str (put_str (o, y), "-"), p->season);
      put_out (buf, cap, out, o);
      return;
    case EVL_GRAIN_WEEK:
      o = put_str (o, y);
      if (p->week > 0)
        o = put_str (put_int (put_str (o, "-W"), p->week, 2), p->weekend ? "-WE" : "");
      else
        o = put_str (o, "-WXX");
      put_out (buf, cap, out, o);
      return;
    case EVL_GRAIN_MONTH:
      o = put_str (put_str (o, y), "-");
      o = p->month ? put_int (o, p->month, 2) : put_str (o, "XX");
      put_out (buf, cap, out, o);
      return;
    default:
      break;
    }
  o = put_str (put_str (o, y), "-");
  if (p->month && p->day)
    o = put_int (put_str (put_int (o, p->month, 2), "-"), p->day, 2);
  else if (p->weekday)
    o = put_int (put_str (o, "WXX-"), p->weekday, 0);
  else if (p->month)
    o = put_str (put_int (o, p->month, 2), "-XX");
  else
    o = put_str (o, "XX-XX");
  if (o - out > 23)
    o = out + 23;
  if (p->grain == EVL_GRAIN_PART_OF_DAY && p->pod[0])
    o = put_str (put_str (o, "T"), p->pod);
  else if (p->grain == EVL_GRAIN_HOUR && p->hour >= 0)
    o = put_int (put_str (o, "T"), p->hour, 2);
  else if (p->grain == EVL_GRAIN_MINUTE && p->hour >= 0)
    o = put_int (put_str (put_int (put_str (o, "T"), p->hour, 2), ":"), MAX (p->minute, 0), 2);
  put_out (buf, cap, out, o);
}

EvlDay
evl_timex_easter (int year)
{
  /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return evl_timex_day_from_ymd (year, month, day);
}

EvlDay
evl_timex_nth_weekday (int year, int month, int nth, int weekday)
{
  if (nth < 0)
    {
      int nm = month == 12 ? 1 : month + 1, ny = month == 12 ? year + 1 : year;
      EvlDay last = evl_timex_day_from_ymd (ny, nm, 1);
      if (last == 0)
        return 0;
      last--;
      return last - (EvlDay) ((weekday_of (last) - weekday + 7) % 7);
    }
  EvlDay first = evl_timex_day_from_ymd (year, month, 1);
  if (first == 0)
    return 0;
  return first + (EvlDay) ((weekday - weekday_of (first) + 7) % 7 + 7 * (nth - 1));
}

/* ---- parsing values ---- */

static gboolean
digits (const char *s, int n, int *out)
{
  int v = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

static EvlDay
month_end (int y, int m)
{
  if (y < 1 || m < 1 || m > 12)
    return 0; /* '0000-Q1': no such calendar day */
  return evl_timex_day_from_ymd (y, m, g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y));
}

/* Bounds of one point value (no '/'). */
static gboolean
point_bounds (const char *v, gsize len, EvlDay *b, EvlDay *e, EvlGrain *g)
{
  int y, m, d, n;
  if (len >= 2 && v[0] == 'F' && v[1] == 'Y')
    {
      v += 2;
      len -= 2;
    }
  if (len == 2 && digits (v, 2, &n))
    {
      *b = evl_timex_day_from_ymd (MAX (1, n * 100), 1, 1);
      *e = evl_timex_day_from_ymd (n * 100 + 99, 12, 31);
      *g = EVL_GRAIN_CENTURY;
      return *b && *e;
    }
  if (len == 3 && digits (v, 3, &n))
    {
      *b = evl_timex_day_from_ymd (MAX (1, n * 10), 1, 1);
      *e = evl_timex_day_from_ymd (n * 10 + 9, 12, 31);
      *g = EVL_GRAIN_DECADE;
      return *b && *e;
    }
  if (len < 4 || !digits (v, 4, &y))
    return FALSE;
  if (len == 4)
    {
      *b = evl_timex_day_from_ymd (y, 1, 1);
      *e = evl_timex_day_from_ymd (y, 12, 31);
      *g = EVL_GRAIN_YEAR;
      return *b != 0;
    }
  if (v[4] != '-' || len < 7)
    return FALSE;
  const char *r = v + 5;
  gsize rl = len - 5;
  if (r[0] == 'Q' && rl == 2 && r[1] >= '1' && r[1] <= '4')
    {
      m = (r[1] - '1') * 3 + 1;
      *b = evl_timex_day_from_ymd (y, m, 1);
      *e = month_end (y, m + 2);
      *g = EVL_GRAIN_QUARTER;
      return *b != 0;
    }
  if (r[0] == 'H' && rl == 2 && (r[1] == '1' || r[1] == '2'))
    {
      m = r[1] == '1' ? 1 : 7;
      *b = evl_timex_day_from_ymd (y, m, 1);
      *e = month_end (y, m + 5);
      *g = EVL_GRAIN_HALF;
      return *b != 0;
    }
  if (rl == 2 && g_ascii_isupper (r[0]))
    {
      char s[3] = { r[0], r[1], 0 };
      int si = season_index (s);
      if (si < 0)
        return FALSE;
      EvlTimexPoint p;
      evl_timex_point_clear (&p);
      p.year = y;
      p.grain = EVL_GRAIN_SEASON;
      strcpy (p.season, s);
      *b = evl_timex_point_first_day (&p);
      evl_timex_point_shift (&p, 1);
      *e = evl_timex_point_first_day (&p) - 1;
      *g = EVL_GRAIN_SEASON;
      return *b != 0;
    }
  if (r[0] == 'W' && rl >= 3 && digits (r + 1, 2, &n))
    {
      EvlDay mon = iso_week_monday (y, n);
      if (mon == 0 || n < 1 || n > 53)
        return FALSE;
      *g = EVL_GRAIN_WEEK;
      if (rl == 3)
        {
          *b = mon;
          *e = mon + 6;
          return TRUE;
        }
      if (rl == 6 && r[3] == '-' && r[4] == 'W' && r[5] == 'E')
        {
          *b = mon + 5;
          *e = mon + 6;
          return TRUE;
        }
      if (rl == 5 && r[3] == '-' && r[4] >= '1' && r[4] <= '7')
        {
          *b = *e = mon + (EvlDay) (r[4] - '1');
          *g = EVL_GRAIN_DAY;
          return TRUE;
        }
      return FALSE;
    }
  if (!digits (r, 2, &m) || m < 1 || m > 12)
    return FALSE;
  if (rl == 2)
    {
      *b = evl_timex_day_from_ymd (y, m, 1);
      *e = month_end (y, m);
      *g = EVL_GRAIN_MONTH;
      return *b != 0;
    }
  if (rl < 5 || r[2] != '-' || !digits (r + 3, 2, &d))
    return FALSE;
  *b = *e = evl_timex_day_from_ymd (y, m, d);
  if (*b == 0)
    return FALSE;
  *g = EVL_GRAIN_DAY;
  if (rl == 5)
    return TRUE;
  if (r[5] != 'T')
    return FALSE;
  const char *t = r + 6;
  gsize tl = rl - 6;
  if (tl == 2 && g_ascii_isupper (t[0]))
    *g = EVL_GRAIN_PART_OF_DAY;
  else if (tl == 2 && digits (t, 2, &n))
    *g = EVL_GRAIN_HOUR;
  else if (tl >= 5 && digits (t, 2, &n) && t[2] == ':')
    *g = EVL_GRAIN_MINUTE;
  else
    return FALSE;
  return TRUE;
}

gboolean
evl_timex_value_bounds (const char *value, EvlDay *begin_out, EvlDay *end_out,
                        EvlGrain *grain_out)
{
  EvlDay b = 0, e = 0, b2 = 0, e2 = 0;
  EvlGrain g = EVL_GRAIN_NONE, g2;
  if (value == NULL)
    return FALSE;
  const char *slash = strchr (value, '/');
  gboolean ok;
  if (slash)
    ok = point_bounds (value, (gsize) (slash - value), &b, &e, &g)
         && point_bounds (slash + 1, strlen (slash + 1), &b2, &e2, &g2) && e2 >= b;
  else
    {
      ok = point_bounds (value, strlen (value), &b, &e, &g);
      e2 = e;
    }
  if (!ok)
    return FALSE;
  if (begin_out) *begin_out = b;
  if (end_out) *end_out = e2;
  if (grain_out) *grain_out = g;
  return TRUE;
}

/* ---- validation ---- */

static gboolean
valid_duration (const char *v)
{
  if (*v++ != 'P')
    return FALSE;
  gboolean any = FALSE, in_time = FALSE;
  while (*v)
    {
      if (*v == 'T' && !in_time)
        {
          in_time = TRUE;
          v++;
          continue;
        }
      if (*v == 'X')
        v++;
      else if (g_ascii_isdigit (*v))
        {
          while (g_ascii_isdigit (*v) || *v == '.')
            v++;
        }
      else
        return FALSE;
      const char *u = v;
      while (g_ascii_isupper (*v) && *v != 'T')
        v++;
      if (v == u || v - u > 2)
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* Date and time values: digits or X in the calendar positions, and the
 * TIMEX3 designators (W, Q, H, seasons, parts of day). */
static gboolean
valid_point (const char *v)
{
  if (g_str_equal (v, "PRESENT_REF") || g_str_equal (v, "PAST_REF")
      || g_str_equal (v, "FUTURE_REF"))
    return TRUE;
  if (v[0] == 'F' && v[1] == 'Y')
    v += 2;
  gsize n = 0;
  while (g_ascii_isdigit (v[n]) || v[n] == 'X')
    n++;
  if (n < 2 || n > 4)
    return FALSE;
  for (const char *c = v + n; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != ':' && *c != '.'
        && *c != '+')
      return FALSE;
  return TRUE;
}

gboolean
evl_timex_value_validate (EvlTimexType type, const char *value, GError **error)
{
  gboolean ok = FALSE;
  if (value != NULL && *value)
    switch (type)
      {
      case EVL_TIMEX_DURATION:
        ok = valid_duration (value);
        break;
      case EVL_TIMEX_SET:
        ok = valid_duration (value) || valid_point (value);
        break;
      default:
        {
          const char *slash = strchr (value, '/');
          if (slash)
            {
              g_autofree char *a = g_strndup (value, (gsize) (slash - value));
              ok = valid_point (a) && valid_point (slash + 1);
            }
          else
            ok = valid_point (value);
        }
        break;
      }
  if (!ok)
    return evl_fail (error, EVL_ERROR_INVALID_TIMEX, "'%s' is not a valid TIMEX3 %s value",
                     value ? value : "(null)", evl_timex_type_to_string (type));
  return TRUE;
}
