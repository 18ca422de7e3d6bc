/* takt-format.c — numbers, money, times and names as people read them
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "takt-format.h"
#include "takt-money.h"
#include "takt-time.h"

#define MINUS_SIGN "\xe2\x88\x92"   /* U+2212 */

/**
 * takt_format_money:
 *
 * Returns: an amount with its currency, e.g. "€1,234.50" (the render
 *   library's takt_money_format() with cents, as every page writes money)
 */
char *
takt_format_money (double      amount,
                   const char *currency)
{
  return takt_money_format (amount, currency, 2);
}

/**
 * takt_format_money_delta:
 *
 * Returns: a signed change of an amount, e.g. "−€120.00" or "+€8.50"
 */
char *
takt_format_money_delta (double      delta,
                         const char *currency)
{
  return takt_money_format_delta (delta, currency, 2);
}

char *
takt_format_count (gint64 count)
{
  g_autofree char *number = takt_number_format_grouped ((double) count, 0);

  return g_strconcat (count < 0 ? MINUS_SIGN : "", number, NULL);
}

char *
takt_format_number (double value,
                     int    digits)
{
  g_autofree char *number = takt_number_format_grouped (value, digits);

  return g_strconcat (value < 0 && fabs (value) >= 0.5 * pow (10, -digits) ? MINUS_SIGN : "",
                      number, NULL);
}

char *
takt_format_percent (double fraction)
{
  return takt_percent_format (fraction, 1);
}

/**
 * takt_format_duration:
 *
 * Returns: a duration such as "1 h 30 min", "2 d 4 h", "45 s"
 */
char *
takt_format_duration (gint64 seconds)
{
  g_autoptr(GString) str = g_string_new (NULL);
  gint64 d, h, m, s;

  if (seconds < 0)
    {
      g_string_append (str, MINUS_SIGN);
      seconds = -seconds;
    }

  d = seconds / 86400;
  h = (seconds % 86400) / 3600;
  m = (seconds % 3600) / 60;
  s = seconds % 60;

  if (seconds == 0)
    {
      /* Translators: a duration of zero minutes */
      g_string_append (str, _("0 min"));
      return g_string_free (g_steal_pointer (&str), FALSE);
    }

  if (d > 0)
    /* Translators: days in a duration, e.g. "2 d 4 h" */
    g_string_append_printf (str, _("%d d"), (int) d);
  if (h > 0)
    {
      if (str->len > 0 && d > 0)
        g_string_append_c (str, ' ');
      /* Translators: hours in a duration, e.g. "1 h 30 min" */
      g_string_append_printf (str, _("%d h"), (int) h);
    }
  if (m > 0 && d == 0)
    {
      if (h > 0)
        g_string_append_c (str, ' ');
      /* Translators: minutes in a duration, e.g. "1 h 30 min" */
      g_string_append_printf (str, _("%d min"), (int) m);
    }
  if (s > 0 && d == 0 && h == 0)
    {
      if (m > 0)
        g_string_append_c (str, ' ');
      /* Translators: seconds in a duration, e.g. "1 min 30 s" */
      g_string_append_printf (str, _("%d s"), (int) s);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static GDateTime *
naive_to_date_time (gint64 instant)
{
  return g_date_time_new_from_unix_utc (instant);
}

/**
 * takt_format_instant:
 *
 * Returns: a plant-local instant to the minute, e.g. "Thu 3 Dec, 06:00"
 */
char *
takt_format_instant (gint64 instant)
{
  g_autoptr(GDateTime) dt = naive_to_date_time (instant);

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a date and time, see g_date_time_format() */
  return g_date_time_format (dt, _("%a %-d %b, %H:%M"));
}

/**
 * takt_format_day:
 *
 * Returns: a date, e.g. "Thu 3 Dec 2026"
 */
char *
takt_format_day (gint64 date)
{
  g_autoptr(GDateTime) dt = naive_to_date_time (date);

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a date, see g_date_time_format() */
  return g_date_time_format (dt, _("%a %-d %b %Y"));
}

/**
 * takt_format_day_range:
 *
 * Returns: two dates, both included, e.g. "1 – 14 Dec 2026"
 */
char *
takt_format_day_range (gint64 first,
                       gint64 last)
{
  g_autoptr(GDateTime) a = naive_to_date_time (first);
  g_autoptr(GDateTime) b = naive_to_date_time (last);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (a == NULL || b == NULL)
    return g_strdup ("");

  if (first == last)
    return takt_format_day (first);

  if (g_date_time_get_year (a) != g_date_time_get_year (b))
    /* Translators: the first day of a range across years */
    from = g_date_time_format (a, _("%-d %b %Y"));
  else if (g_date_time_get_month (a) != g_date_time_get_month (b))
    /* Translators: the first day of a range within a year */
    from = g_date_time_format (a, _("%-d %b"));
  else
    /* Translators: the first day of a range within a month */
    from = g_date_time_format (a, _("%-d"));

  /* Translators: the last day of a range */
  to = g_date_time_format (b, _("%-d %b %Y"));

  /* Translators: a range of days, e.g. "1 – 14 Dec 2026" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/**
 * takt_format_shifts:
 *
 * Returns: "06:00–14:00, 14:00–22:00", or "Closed" for none
 */
char *
takt_format_shifts (const GArray *shifts)
{
  g_autoptr(GString) str = g_string_new (NULL);

  if (shifts == NULL || shifts->len == 0)
    return g_strdup (_("Closed"));

  for (guint i = 0; i < shifts->len; i++)
    {
      const TaktShift *shift = &g_array_index (shifts, TaktShift, i);
      g_autofree char *from = takt_format_clock (shift->from);
      g_autofree char *to = takt_format_clock (shift->to);

      if (i > 0)
        g_string_append (str, ", ");
      if (shift->from == 0 && shift->to == 86400)
        g_string_append (str, _("All day"));
      else
        g_string_append_printf (str, "%s–%s", from, to);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

const char *
takt_format_weekday (int weekday)
{
  switch (weekday)
    {
    case 0: return _("Monday");
    case 1: return _("Tuesday");
    case 2: return _("Wednesday");
    case 3: return _("Thursday");
    case 4: return _("Friday");
    case 5: return _("Saturday");
    case 6: return _("Sunday");
    default: return "";
    }
}

const char *
takt_format_channel (TaktChannel channel)
{
  switch (channel)
    {
    case TAKT_CHANNEL_SOCIAL: return _("Social");
    case TAKT_CHANNEL_EMAIL: return _("Email");
    case TAKT_CHANNEL_SEARCH: return _("Search");
    case TAKT_CHANNEL_DISPLAY: return _("Display");
    case TAKT_CHANNEL_VIDEO: return _("Video");
    case TAKT_CHANNEL_PRINT: return _("Print");
    case TAKT_CHANNEL_EVENT: return _("Event");
    case TAKT_CHANNEL_OTHER: return _("Other");
    case TAKT_N_CHANNELS:
    default: return "";
    }
}

const char *
takt_format_shape (TaktShape shape)
{
  switch (shape)
    {
    case TAKT_SHAPE_FLAT: return _("Flat");
    case TAKT_SHAPE_LAUNCH: return _("Launch");
    case TAKT_SHAPE_BUILD: return _("Build-up");
    case TAKT_N_SHAPES:
    default: return "";
    }
}

const char *
takt_format_strategy (TaktStrategy strategy)
{
  switch (strategy)
    {
    case TAKT_STRATEGY_JIT: return _("Just in time");
    case TAKT_STRATEGY_LEVEL: return _("Level");
    case TAKT_STRATEGY_ASAP: return _("As soon as possible");
    case TAKT_N_STRATEGIES:
    default: return "";
    }
}
