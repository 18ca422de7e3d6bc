/* test-time.c — the naive-seconds date and time helpers
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-time"

#include "takt-time.h"

static void
test_civil_round_trip (void)
{
  static const struct { gint64 y; int m, d; gint64 days; } cases[] = {
    { 1970, 1, 1, 0 },
    { 1969, 12, 31, -1 },
    { 2000, 2, 29, 11016 },
    { 2026, 12, 25, 20812 },
    { 1000, 1, 1, -354285 },
    { 9999, 12, 31, 2932896 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 y;
      int m, d;

      g_assert_cmpint (takt_days_from_civil (cases[i].y, cases[i].m, cases[i].d), ==, cases[i].days);
      takt_civil_from_days (cases[i].days, &y, &m, &d);
      g_assert_cmpint (y, ==, cases[i].y);
      g_assert_cmpint (m, ==, cases[i].m);
      g_assert_cmpint (d, ==, cases[i].d);
    }

  /* Every day of four centuries goes there and back. */
  for (gint64 days = -146097; days < 146097 * 2; days += 7)
    {
      gint64 y;
      int m, d;

      takt_civil_from_days (days, &y, &m, &d);
      g_assert_cmpint (takt_days_from_civil (y, m, d), ==, days);
    }
}

static void
test_parse_datetime (void)
{
  static const char * const bad[] = {
    "2026-12-05", "2026-12-05T12", "2026-12-05T12:00:", "2026-12-05 12:00",
    "2026-12-5T12:00", "2026-13-01T00:00", "2026-02-29T00:00", "2026-12-05T24:00",
    "2026-12-05T12:60", "2026-12-05T12:00:60", "0999-12-31T00:00", "2026-12-05T12:00Z",
    "", "2026-12-05t12:00", "+026-12-05T12:00",
  };
  gint64 t;

  g_assert_true (takt_parse_datetime ("2026-12-05T12:00", &t));
  g_assert_cmpint (t, ==, takt_days_from_civil (2026, 12, 5) * TAKT_DAY_S + 12 * 3600);
  g_assert_true (takt_parse_datetime ("2026-12-05T12:00:07", &t));
  g_assert_cmpint (t % 60, ==, 7);
  g_assert_true (takt_parse_datetime ("2024-02-29T23:59:59", &t));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("refusing %s", bad[i]);
      g_assert_false (takt_parse_datetime (bad[i], &t));
    }
  g_assert_false (takt_parse_datetime (NULL, &t));
}

static void
test_parse_date (void)
{
  gint64 t;

  g_assert_true (takt_parse_date ("2026-12-07", &t));
  g_assert_cmpint (t, ==, takt_days_from_civil (2026, 12, 7) * TAKT_DAY_S);
  g_assert_false (takt_parse_date ("2026-12-07T00:00", &t));
  g_assert_false (takt_parse_date ("2026-11-31", &t));
  g_assert_false (takt_parse_date ("1900-02-29", &t));
  g_assert_true (takt_parse_date ("2000-02-29", &t));
}

static void
test_parse_clock (void)
{
  gint32 s;

  g_assert_true (takt_parse_clock ("06:00", FALSE, &s));
  g_assert_cmpint (s, ==, 6 * 3600);
  g_assert_true (takt_parse_clock ("23:59", FALSE, &s));
  g_assert_cmpint (s, ==, 86340);
  g_assert_false (takt_parse_clock ("24:00", FALSE, &s));
  g_assert_true (takt_parse_clock ("24:00", TRUE, &s));
  g_assert_cmpint (s, ==, 86400);
  g_assert_false (takt_parse_clock ("24:01", TRUE, &s));
  g_assert_false (takt_parse_clock ("6:00", TRUE, &s));
  g_assert_false (takt_parse_clock ("06:60", TRUE, &s));
  g_assert_false (takt_parse_clock ("06:00:00", TRUE, &s));
}

static void
test_format (void)
{
  gint64 t;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  g_assert_true (takt_parse_datetime ("2026-12-03T05:50", &t));
  a = takt_format_datetime (t, FALSE);
  b = takt_format_datetime (t, TRUE);
  c = takt_format_datetime (t + 7, FALSE);
  d = takt_format_date (t);
  e = takt_format_clock (86400);
  g_assert_cmpstr (a, ==, "2026-12-03T05:50");
  g_assert_cmpstr (b, ==, "2026-12-03T05:50:00");
  g_assert_cmpstr (c, ==, "2026-12-03T05:50:07");
  g_assert_cmpstr (d, ==, "2026-12-03");
  g_assert_cmpstr (e, ==, "24:00");
}

static void
test_weekday (void)
{
  gint64 t;

  g_assert_true (takt_parse_datetime ("2026-11-30T23:59:59", &t));   /* a Monday */
  g_assert_cmpint (takt_weekday (t), ==, 0);
  g_assert_cmpint (takt_weekday (t + 1), ==, 1);
  g_assert_cmpint (takt_day_start (t), ==, t - 86399);
  g_assert_true (takt_parse_date ("1969-12-28", &t));                /* a Sunday */
  g_assert_cmpint (takt_weekday (t), ==, 6);
  g_assert_cmpint (takt_day_start (t + 5), ==, t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time/civil-round-trip", test_civil_round_trip);
  g_test_add_func ("/time/parse-datetime", test_parse_datetime);
  g_test_add_func ("/time/parse-date", test_parse_date);
  g_test_add_func ("/time/parse-clock", test_parse_clock);
  g_test_add_func ("/time/format", test_format);
  g_test_add_func ("/time/weekday", test_weekday);
  return g_test_run ();
}
