/* takt-time.h — plant-local wall-clock instants as naive seconds
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan format has no time zones: an instant is a wall-clock time in the
 * plant.  We count it as seconds since 1970-01-01T00:00 as if it were UTC
 * (a proleptic Gregorian calendar, no leap seconds, no daylight saving), so
 * that date arithmetic is plain integer arithmetic.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TAKT_DAY_S ((gint64) 86400)
/* The last instant a document can hold, 9999-12-31T23:59:59: work that
 * would end later cannot be written down, so it is never scheduled. */
#define TAKT_TIME_LAST ((gint64) 253402300799)

/* @a / @b rounded down (toward minus infinity, where C rounds toward
 * zero), for @b > 0: the day, minute or step an instant before 1970 is
 * in. */
static inline gint64
takt_floor_div (gint64 a,
                gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/* Days since 1970-01-01 of a civil date, and back. */
gint64    takt_days_from_civil   (gint64       year,
                                  int          month,
                                  int          day);
void      takt_civil_from_days   (gint64       days,
                                  gint64      *year,
                                  int         *month,
                                  int         *day);

/* "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (strict; years 1000–9999). */
gboolean  takt_parse_datetime    (const char  *str,
                                  gint64      *out);
/* "YYYY-MM-DD". */
gboolean  takt_parse_date        (const char  *str,
                                  gint64      *out);
/* "HH:MM", 00:00–23:59, or "24:00" when @allow_24 (seconds after midnight). */
gboolean  takt_parse_clock       (const char  *str,
                                  gboolean     allow_24,
                                  gint32      *out);

/* "YYYY-MM-DDTHH:MM", with ":SS" when @seconds or when the instant has them. */
char     *takt_format_datetime   (gint64       t,
                                  gboolean     seconds);
char     *takt_format_date       (gint64       t);
char     *takt_format_clock      (gint32       seconds_after_midnight);

/* Midnight of the day of @t, and its weekday (0 = Monday … 6 = Sunday). */
gint64    takt_day_start         (gint64       t);
int       takt_weekday           (gint64       t);

G_END_DECLS
