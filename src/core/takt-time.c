/* takt-time.c — plant-local wall-clock instants as naive seconds
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-time"

#include "takt-time.h"

#include <string.h>

/* The civil-date algorithms of the proleptic Gregorian calendar, counted in
 * 400-year eras of 146097 days that start on March 1st. */
gint64
takt_days_from_civil (gint64 year,
                      int    month,
                      int    day)
{
  gint64 y = year - (month <= 2 ? 1 : 0);
  gint64 era = takt_floor_div (y, 400);
  gint64 yoe = y - era * 400;
  gint64 mp = (month + 9) % 12;
  gint64 doy = (153 * mp + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
takt_civil_from_days (gint64  days,
                      gint64 *year,
                      int    *month,
                      int    *day)
{
  gint64 z = days + 719468;
  gint64 era = takt_floor_div (z, 146097);
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int d = (int) (doy - (153 * mp + 2) / 5 + 1);
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *year = yoe + era * 400 + (m <= 2 ? 1 : 0);
  *month = m;
  *day = d;
}

static gboolean
read_digits (const char *s,
             int         n,
             int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

static int
days_in_month (gint64 year,
               int    month)
{
  static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  if (month == 2 && leap)
    return 29;
  return dim[month - 1];
}

static gboolean
parse_date_prefix (const char *s,
                   gint64     *out)
{
  int y, m, d;

  if (!read_digits (s, 4, &y) || s[4] != '-' ||
      !read_digits (s + 5, 2, &m) || s[7] != '-' ||
      !read_digits (s + 8, 2, &d))
    return FALSE;
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month (y, m))
    return FALSE;
  *out = takt_days_from_civil (y, m, d) * TAKT_DAY_S;
  return TRUE;
}

gboolean
takt_parse_date (const char *str,
                 gint64     *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (str == NULL || strlen (str) != 10)
    return FALSE;
  return parse_date_prefix (str, out);
}

gboolean
takt_parse_datetime (const char *str,
                     gint64     *out)
{
  gint64 day;
  int h, mi, s = 0;
  gsize len;

  g_return_val_if_fail (out != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  len = strlen (str);
  if (len != 16 && len != 19)
    return FALSE;
  if (!parse_date_prefix (str, &day) || str[10] != 'T')
    return FALSE;
  if (!read_digits (str + 11, 2, &h) || str[13] != ':' || !read_digits (str + 14, 2, &mi))
    return FALSE;
  if (len == 19 && (str[16] != ':' || !read_digits (str + 17, 2, &s)))
    return FALSE;
  if (h > 23 || mi > 59 || s > 59)
    return FALSE;
  *out = day + h * 3600 + mi * 60 + s;
  return TRUE;
}

gboolean
takt_parse_clock (const char *str,
                  gboolean    allow_24,
                  gint32     *out)
{
  int h, m;

  g_return_val_if_fail (out != NULL, FALSE);

  if (str == NULL || strlen (str) != 5)
    return FALSE;
  if (!read_digits (str, 2, &h) || str[2] != ':' || !read_digits (str + 3, 2, &m))
    return FALSE;
  if (h == 24 && m == 0 && allow_24)
    {
      *out = 86400;
      return TRUE;
    }
  if (h > 23 || m > 59)
    return FALSE;
  *out = h * 3600 + m * 60;
  return TRUE;
}

gint64
takt_day_start (gint64 t)
{
  return takt_floor_div (t, TAKT_DAY_S) * TAKT_DAY_S;
}

int
takt_weekday (gint64 t)
{
  /* 1970-01-01 was a Thursday (3 with Monday = 0). */
  gint64 days = takt_floor_div (t, TAKT_DAY_S);
  gint64 wd = (days + 3) % 7;

  return (int) (wd < 0 ? wd + 7 : wd);
}

char *
takt_format_date (gint64 t)
{
  gint64 y;
  int m, d;

  takt_civil_from_days (takt_floor_div (t, TAKT_DAY_S), &y, &m, &d);
  return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02d-%02d", y, m, d);
}

char *
takt_format_datetime (gint64   t,
                      gboolean seconds)
{
  gint64 day = takt_day_start (t);
  gint64 sod = t - day;
  g_autofree char *date = takt_format_date (day);
  int h = (int) (sod / 3600), mi = (int) (sod / 60 % 60), s = (int) (sod % 60);

  if (seconds || s != 0)
    return g_strdup_printf ("%sT%02d:%02d:%02d", date, h, mi, s);
  return g_strdup_printf ("%sT%02d:%02d", date, h, mi);
}

char *
takt_format_clock (gint32 seconds_after_midnight)
{
  return g_strdup_printf ("%02d:%02d",
                          seconds_after_midnight / 3600,
                          seconds_after_midnight / 60 % 60);
}
