/* test-plan-model.c — the plan model, its defaults and the JSON round trip
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-plan-model"

#include <float.h>
#include <math.h>
#include <string.h>

#include "takt-plan.h"
#include "takt-time.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "core", "data", name, NULL);
}

static TaktPlan *
load_file (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  TaktPlan *plan = takt_plan_load_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static TaktPlan *
load_data (const char *data)
{
  g_autoptr(GError) error = NULL;
  TaktPlan *plan = takt_plan_load_from_data (data, -1, "mem.takt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static gint64
dt (const char *str)
{
  gint64 t = 0;

  if (!takt_parse_datetime (str, &t))
    g_assert_true (takt_parse_date (str, &t));
  return t;
}

static const char *
extra_string (JsonObject *extra,
              const char *name)
{
  g_assert_nonnull (extra);
  g_assert_true (json_object_has_member (extra, name));
  return json_object_get_string_member (extra, name);
}

/* ---- defaults ---- */

static void
test_defaults (void)
{
  g_autoptr(TaktPlan) plan = takt_plan_new ();
  g_autoptr(TaktCalendar) calendar = takt_calendar_new ();
  TaktStation *station = takt_station_new ();
  TaktStep *step = takt_step_new ();
  TaktProduct *product = takt_product_new ();
  TaktOrder *order = takt_order_new ();
  TaktForecast *forecast = takt_forecast_new ();
  TaktCampaign *campaign = takt_campaign_new ();
  TaktCampaignProduct *cp = takt_campaign_product_new ();
  TaktPin *pin = takt_pin_new ();
  g_autoptr(TaktRun) run = takt_run_new ();
  g_autoptr(TaktSchedule) schedule = takt_schedule_new ();

  g_assert_cmpstr (plan->name, ==, "");
  g_assert_cmpstr (plan->currency, ==, "EUR");
  g_assert_null (plan->calendar);
  g_assert_cmpuint (plan->stations->len, ==, 0);
  g_assert_cmpuint (plan->orders->len, ==, 0);
  g_assert_cmpint (plan->settings.strategy, ==, TAKT_STRATEGY_JIT);
  g_assert_cmpint (plan->settings.time_limit_ms, ==, 300);
  g_assert_cmpuint (plan->settings.seed, ==, 1);
  g_assert_null (plan->schedule);

  for (int d = 0; d < 7; d++)
    g_assert_cmpuint (calendar->week[d]->len, ==, 0);
  g_assert_cmpuint (calendar->exceptions->len, ==, 0);

  g_assert_cmpint (station->machines, ==, 1);
  g_assert_null (station->color);
  g_assert_null (station->calendar);
  g_assert_cmpint (step->station_index, ==, -1);
  g_assert_cmpint (step->setup_s, ==, 0);
  g_assert_cmpint (product->min_run, ==, 1);
  g_assert_cmpint (product->max_run, ==, 0);
  g_assert_cmpint (product->initial_stock, ==, 0);
  g_assert_cmpuint (product->routing->len, ==, 0);
  g_assert_cmpint (order->product_index, ==, -1);
  g_assert_null (order->customer);
  g_assert_cmpint (forecast->product_index, ==, -1);
  g_assert_cmpint (campaign->channel, ==, TAKT_CHANNEL_OTHER);
  g_assert_cmpint (campaign->shape, ==, TAKT_SHAPE_FLAT);
  g_assert_cmpint (campaign->lag_days, ==, 0);
  g_assert_cmpfloat (campaign->spend, ==, 0.0);
  g_assert_cmpfloat (cp->share, ==, 1.0);
  g_assert_cmpint (pin->machine, ==, 1);
  g_assert_cmpint (run->product_index, ==, -1);
  g_assert_cmpint (schedule->strategy, ==, TAKT_STRATEGY_JIT);

  /* A cover's demand is freed with the run. */
  {
    TaktCover cover = { g_strdup ("SO-1"), 3 };

    g_array_append_val (run->covers, cover);
  }

  takt_station_free (station);
  takt_step_free (step);
  takt_product_free (product);
  takt_order_free (order);
  takt_forecast_free (forecast);
  takt_campaign_free (campaign);
  takt_campaign_product_free (cp);
  takt_pin_free (pin);

  /* Freeing NULL is harmless. */
  takt_plan_free (NULL);
  takt_calendar_free (NULL);
  takt_schedule_free (NULL);
  takt_run_free (NULL);
}

static void
test_minimal_defaults (void)
{
  g_autoptr(TaktPlan) plan = load_file ("minimal.takt");
  g_autofree char *out = takt_plan_to_data (plan, NULL);
  const TaktProduct *p = g_ptr_array_index (plan->products, 0);
  const TaktStep *step = g_ptr_array_index (p->routing, 0);

  g_assert_cmpstr (plan->name, ==, "");
  g_assert_cmpstr (plan->currency, ==, "EUR");
  g_assert_null (plan->calendar);
  g_assert_cmpint (((TaktStation *) g_ptr_array_index (plan->stations, 0))->machines, ==, 1);
  g_assert_cmpint (p->min_run, ==, 1);
  g_assert_cmpint (p->max_run, ==, 0);
  g_assert_cmpint (step->setup_s, ==, 0);
  g_assert_cmpint (step->station_index, ==, 0);
  g_assert_cmpint (plan->settings.strategy, ==, TAKT_STRATEGY_JIT);
  g_assert_cmpint (plan->settings.time_limit_ms, ==, 300);
  g_assert_cmpuint (plan->settings.seed, ==, 1);

  /* The main members are written even at their defaults. */
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\"machines\": 1"));
  g_assert_nonnull (strstr (out, "\"min_run\": 1"));
  g_assert_nonnull (strstr (out, "\"setup_s\": 0 }"));
  g_assert_nonnull (strstr (out, "\"orders\": []"));
  g_assert_nonnull (strstr (out, "\"settings\": { \"strategy\": \"jit\", \"time_limit_ms\": 300, \"seed\": 1 }"));
  g_assert_null (strstr (out, "\"calendar\""));
  g_assert_null (strstr (out, "\"schedule\""));
  g_assert_true (g_str_has_suffix (out, "}\n"));
}

/* ---- enums and lookups ---- */

static void
test_enums (void)
{
  static const char * const channels[] = { "social", "email", "search", "display", "video", "print", "event", "other" };
  static const char * const shapes[] = { "flat", "launch", "build" };
  static const char * const strategies[] = { "jit", "level", "asap" };
  TaktChannel channel;
  TaktShape shape;
  TaktStrategy strategy;

  g_assert_cmpint (G_N_ELEMENTS (channels), ==, TAKT_N_CHANNELS);
  for (int i = 0; i < TAKT_N_CHANNELS; i++)
    {
      g_assert_cmpstr (takt_channel_to_string ((TaktChannel) i), ==, channels[i]);
      g_assert_true (takt_channel_from_string (channels[i], &channel));
      g_assert_cmpint (channel, ==, i);
    }
  for (int i = 0; i < TAKT_N_SHAPES; i++)
    {
      g_assert_cmpstr (takt_shape_to_string ((TaktShape) i), ==, shapes[i]);
      g_assert_true (takt_shape_from_string (shapes[i], &shape));
      g_assert_cmpint (shape, ==, i);
    }
  for (int i = 0; i < TAKT_N_STRATEGIES; i++)
    {
      g_assert_cmpstr (takt_strategy_to_string ((TaktStrategy) i), ==, strategies[i]);
      g_assert_true (takt_strategy_from_string (strategies[i], &strategy));
      g_assert_cmpint (strategy, ==, i);
    }
  channel = TAKT_CHANNEL_EMAIL;
  g_assert_false (takt_channel_from_string ("Social", &channel));
  g_assert_false (takt_channel_from_string ("tv", &channel));
  g_assert_false (takt_channel_from_string (NULL, &channel));
  g_assert_cmpint (channel, ==, TAKT_CHANNEL_EMAIL);
  g_assert_false (takt_shape_from_string ("spike", &shape));
  g_assert_false (takt_strategy_from_string ("JIT", &strategy));
  g_assert_cmpuint (takt_plan_error_quark (), ==, g_quark_from_static_string ("takt-plan-error-quark"));
}

static void
test_lookups (void)
{
  g_autoptr(TaktPlan) plan = load_file ("full.takt");
  const TaktStation *finish;

  g_assert_cmpint (takt_plan_find_station (plan, "print"), ==, 0);
  g_assert_cmpint (takt_plan_find_station (plan, "pack"), ==, 2);
  g_assert_cmpint (takt_plan_find_station (plan, "vase"), ==, -1);
  g_assert_cmpint (takt_plan_find_station (plan, NULL), ==, -1);
  g_assert_cmpint (takt_plan_find_product (plan, "lamp"), ==, 1);
  g_assert_cmpint (takt_plan_find_product (plan, "print"), ==, -1);

  /* Own calendar, the plant's, or none (24/7). */
  finish = g_ptr_array_index (plan->stations, 1);
  g_assert_true (takt_plan_station_calendar (plan, 1) == finish->calendar);
  g_assert_true (takt_plan_station_calendar (plan, 0) == plan->calendar);
  g_clear_pointer (&plan->calendar, takt_calendar_free);
  g_assert_null (takt_plan_station_calendar (plan, 0));
  g_assert_nonnull (takt_plan_station_calendar (plan, 1));
}

/* ---- the full document ---- */

static void
assert_shift (const GArray *shifts,
              guint         i,
              const char   *from,
              const char   *to)
{
  gint32 f, t;

  g_assert_true (takt_parse_clock (from, FALSE, &f));
  g_assert_true (takt_parse_clock (to, TRUE, &t));
  g_assert_cmpuint (i, <, shifts->len);
  g_assert_cmpint (g_array_index (shifts, TaktShift, i).from, ==, f);
  g_assert_cmpint (g_array_index (shifts, TaktShift, i).to, ==, t);
}

/* Every field of data/full.takt, as it must read after any number of saves. */
static void
assert_full_plan (const TaktPlan *plan)
{
  const TaktCalendar *cal = plan->calendar;
  const TaktStation *print, *finish, *pack;
  const TaktProduct *vase, *lamp;
  const TaktStep *step;
  const TaktOrder *order;
  const TaktForecast *forecast;
  const TaktCampaign *bf, *news;
  const TaktCampaignProduct *cp;
  const TaktPin *pin;
  const TaktRun *run;
  const TaktRunStep *rs;
  JsonObject *vendor;
  JsonArray *top;

  g_assert_cmpstr (plan->name, ==, "Round trip — every member");
  g_assert_cmpstr (plan->currency, ==, "CHF");
  g_assert_cmpint (plan->horizon_start, ==, dt ("2026-11-30T06:30"));
  g_assert_cmpint (plan->horizon_days, ==, 28);
  g_assert_cmpstr (extra_string (plan->horizon_extra, "x-note"), ==, "horizon extra");

  /* Plant calendar: shifts sorted on load, a weekday left out is closed. */
  g_assert_nonnull (cal);
  assert_shift (cal->week[0], 0, "06:00", "14:00");
  assert_shift (cal->week[0], 1, "14:00", "22:00");
  assert_shift (cal->week[4], 1, "22:00", "24:00");
  assert_shift (cal->week[5], 0, "08:00", "12:00");
  g_assert_cmpuint (cal->week[5]->len, ==, 1);
  g_assert_cmpuint (cal->week[6]->len, ==, 0);
  g_assert_cmpuint (cal->exceptions->len, ==, 3);
  g_assert_cmpint (((TaktCalendarException *) g_ptr_array_index (cal->exceptions, 0))->date, ==, dt ("2026-12-19"));
  assert_shift (((TaktCalendarException *) g_ptr_array_index (cal->exceptions, 0))->shifts, 0, "08:00", "12:00");
  g_assert_cmpint (((TaktCalendarException *) g_ptr_array_index (cal->exceptions, 1))->date, ==, dt ("2026-12-25"));
  g_assert_cmpuint (((TaktCalendarException *) g_ptr_array_index (cal->exceptions, 1))->shifts->len, ==, 0);
  g_assert_cmpstr (extra_string (((TaktCalendarException *) g_ptr_array_index (cal->exceptions, 1))->extra, "reason"),
                   ==, "Christmas");
  g_assert_cmpint (((TaktCalendarException *) g_ptr_array_index (cal->exceptions, 2))->date, ==, dt ("2026-12-26"));
  g_assert_cmpstr (extra_string (cal->extra, "x-calendar-owner"), ==, "plant manager");
  g_assert_null (cal->week_extra);

  /* Stations */
  g_assert_cmpuint (plan->stations->len, ==, 3);
  print = g_ptr_array_index (plan->stations, 0);
  finish = g_ptr_array_index (plan->stations, 1);
  pack = g_ptr_array_index (plan->stations, 2);
  g_assert_cmpstr (print->id, ==, "print");
  g_assert_cmpstr (print->name, ==, "Print farm");
  g_assert_cmpint (print->machines, ==, 6);
  g_assert_cmpstr (print->color, ==, "#3584e4");
  g_assert_null (print->calendar);
  vendor = json_object_get_object_member (print->extra, "x-vendor");
  g_assert_nonnull (vendor);
  g_assert_cmpstr (json_object_get_string_member (vendor, "brand"), ==, "Prusa");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (vendor, "models")), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (vendor, "firmware"), ==, 6.1);
  g_assert_cmpint (finish->machines, ==, 2);
  g_assert_nonnull (finish->calendar);
  assert_shift (finish->calendar->week[1], 0, "08:00", "16:00");
  g_assert_cmpuint (finish->calendar->week[2]->len, ==, 0);
  g_assert_cmpuint (finish->calendar->exceptions->len, ==, 1);
  g_assert_cmpstr (pack->id, ==, "pack");
  g_assert_cmpstr (pack->name, ==, "");
  g_assert_cmpint (pack->machines, ==, 1);
  g_assert_null (pack->color);
  g_assert_null (pack->extra);

  /* Products */
  g_assert_cmpuint (plan->products->len, ==, 2);
  vase = g_ptr_array_index (plan->products, 0);
  lamp = g_ptr_array_index (plan->products, 1);
  g_assert_cmpstr (vase->id, ==, "vase");
  g_assert_cmpstr (vase->name, ==, "Spiral vase");
  g_assert_cmpstr (vase->color, ==, "#e66100");
  g_assert_cmpuint (vase->routing->len, ==, 3);
  step = g_ptr_array_index (vase->routing, 0);
  g_assert_cmpstr (step->station, ==, "print");
  g_assert_cmpint (step->station_index, ==, 0);
  g_assert_cmpint (step->cycle_s, ==, 5400);
  g_assert_cmpint (step->setup_s, ==, 600);
  g_assert_cmpstr (extra_string (step->extra, "nozzle"), ==, "0.6 mm");
  step = g_ptr_array_index (vase->routing, 2);
  g_assert_cmpint (step->station_index, ==, 2);
  g_assert_cmpint (step->cycle_s, ==, 60);
  g_assert_cmpint (step->setup_s, ==, 0);
  g_assert_cmpfloat (vase->setup_cost, ==, 12.0);
  g_assert_cmpfloat (vase->holding_cost_per_day, ==, 0.05);
  g_assert_cmpfloat (vase->late_cost_per_day, ==, 2.0);
  g_assert_cmpint (vase->initial_stock, ==, 10);
  g_assert_cmpint (vase->min_run, ==, 5);
  g_assert_cmpint (vase->max_run, ==, 40);
  g_assert_cmpfloat (vase->unit_cost, ==, 4.2);
  g_assert_cmpfloat (vase->price, ==, 29.0);
  g_assert_cmpstr (extra_string (vase->extra, "x-sku"), ==, "VS-001");
  g_assert_cmpstr (lamp->name, ==, "Lamp shade \"Mond\"");
  g_assert_null (lamp->color);
  g_assert_cmpfloat (lamp->setup_cost, ==, 0.1);
  g_assert_cmpfloat (lamp->holding_cost_per_day, ==, 1e-7);
  g_assert_cmpfloat (lamp->late_cost_per_day, ==, 123456789.123);
  g_assert_cmpfloat (lamp->unit_cost, ==, 0.1 + 0.2);
  g_assert_cmpfloat (lamp->price, ==, 1e21);
  g_assert_cmpint (lamp->initial_stock, ==, 0);
  g_assert_cmpint (lamp->min_run, ==, 1);
  g_assert_cmpint (lamp->max_run, ==, 0);

  /* Orders */
  g_assert_cmpuint (plan->orders->len, ==, 3);
  order = g_ptr_array_index (plan->orders, 0);
  g_assert_cmpstr (order->id, ==, "SO-1001");
  g_assert_cmpstr (order->product, ==, "vase");
  g_assert_cmpint (order->product_index, ==, 0);
  g_assert_cmpint (order->quantity, ==, 20);
  g_assert_cmpint (order->due, ==, dt ("2026-12-05T12:00"));
  g_assert_cmpstr (order->customer, ==, "Shop A");
  g_assert_null (order->extra);
  order = g_ptr_array_index (plan->orders, 1);
  g_assert_cmpint (order->product_index, ==, 1);
  g_assert_cmpint (order->due, ==, dt ("2026-12-07T08:30:15"));
  g_assert_null (order->customer);
  g_assert_cmpstr (extra_string (order->extra, "priority"), ==, "high");
  order = g_ptr_array_index (plan->orders, 2);
  g_assert_cmpint (order->quantity, ==, 1);
  g_assert_cmpstr (order->customer, ==, "Zoë \xc3\xa9\ttab");

  /* Forecast */
  g_assert_cmpuint (plan->forecast->len, ==, 2);
  forecast = g_ptr_array_index (plan->forecast, 1);
  g_assert_cmpstr (forecast->product, ==, "lamp");
  g_assert_cmpint (forecast->product_index, ==, 1);
  g_assert_cmpint (forecast->date, ==, dt ("2026-12-07"));
  g_assert_cmpint (forecast->quantity, ==, 4);
  g_assert_cmpstr (extra_string (forecast->extra, "source"), ==, "last year");

  /* Campaigns, with the defaults of the second one */
  g_assert_cmpuint (plan->campaigns->len, ==, 2);
  bf = g_ptr_array_index (plan->campaigns, 0);
  g_assert_cmpstr (bf->id, ==, "bf");
  g_assert_cmpstr (bf->name, ==, "Black Friday push");
  g_assert_cmpint (bf->channel, ==, TAKT_CHANNEL_SOCIAL);
  g_assert_cmpint (bf->start, ==, dt ("2026-12-10"));
  g_assert_cmpint (bf->end, ==, dt ("2026-12-14"));
  g_assert_cmpfloat (bf->spend, ==, 1500.0);
  g_assert_cmpint (bf->impressions, ==, 250000);
  g_assert_cmpfloat (bf->conversion_per_mille, ==, 0.8);
  g_assert_cmpint (bf->lag_days, ==, 1);
  g_assert_cmpint (bf->shape, ==, TAKT_SHAPE_LAUNCH);
  g_assert_cmpuint (bf->products->len, ==, 2);
  cp = g_ptr_array_index (bf->products, 1);
  g_assert_cmpstr (cp->product, ==, "lamp");
  g_assert_cmpint (cp->product_index, ==, 1);
  g_assert_cmpfloat (cp->share, ==, 0.4);
  g_assert_cmpstr (extra_string (cp->extra, "note"), ==, "small");
  g_assert_cmpstr (extra_string (bf->extra, "x-agency"), ==, "Acme");
  news = g_ptr_array_index (plan->campaigns, 1);
  g_assert_cmpstr (news->name, ==, "");
  g_assert_cmpint (news->channel, ==, TAKT_CHANNEL_OTHER);
  g_assert_cmpint (news->shape, ==, TAKT_SHAPE_FLAT);
  g_assert_cmpfloat (news->spend, ==, 0.0);
  g_assert_cmpint (news->impressions, ==, 0);
  g_assert_cmpint (news->lag_days, ==, 0);
  g_assert_cmpint (news->start, ==, news->end);
  g_assert_cmpfloat (((TaktCampaignProduct *) g_ptr_array_index (news->products, 0))->share, ==, 1.0);

  /* Pins */
  g_assert_cmpuint (plan->pins->len, ==, 1);
  pin = g_ptr_array_index (plan->pins, 0);
  g_assert_cmpstr (pin->product, ==, "vase");
  g_assert_cmpint (pin->product_index, ==, 0);
  g_assert_cmpint (pin->quantity, ==, 20);
  g_assert_cmpstr (pin->station, ==, "print");
  g_assert_cmpint (pin->station_index, ==, 0);
  g_assert_cmpint (pin->machine, ==, 2);
  g_assert_cmpint (pin->start, ==, dt ("2026-12-03T06:00"));
  g_assert_cmpstr (extra_string (pin->extra, "by"), ==, "anna");

  /* Settings */
  g_assert_cmpint (plan->settings.strategy, ==, TAKT_STRATEGY_LEVEL);
  g_assert_cmpint (plan->settings.time_limit_ms, ==, 0);
  g_assert_cmpuint (plan->settings.seed, ==, 42);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (plan->settings.extra, "x-ui"), "zoom"), ==, 2);

  /* Schedule */
  g_assert_nonnull (plan->schedule);
  g_assert_cmpint (plan->schedule->strategy, ==, TAKT_STRATEGY_LEVEL);
  g_assert_cmpfloat (plan->schedule->total, ==, 14.5);
  g_assert_cmpfloat (plan->schedule->holding, ==, 1.25);
  g_assert_cmpfloat (plan->schedule->tardiness, ==, 1.25);
  g_assert_cmpfloat (plan->schedule->setup, ==, 12.0);
  g_assert_cmpuint (plan->schedule->runs->len, ==, 1);
  run = g_ptr_array_index (plan->schedule->runs, 0);
  g_assert_cmpstr (run->id, ==, "R7");
  g_assert_cmpint (run->product_index, ==, 0);
  g_assert_cmpint (run->quantity, ==, 20);
  g_assert_true (run->pinned);
  g_assert_cmpuint (run->steps->len, ==, 3);
  rs = &g_array_index (run->steps, TaktRunStep, 0);
  g_assert_cmpint (rs->station_index, ==, 0);
  g_assert_cmpint (rs->machine, ==, 2);
  g_assert_cmpint (rs->setup_start, ==, dt ("2026-12-03T05:50"));
  g_assert_cmpint (rs->start, ==, dt ("2026-12-03T06:00"));
  g_assert_cmpint (rs->end, ==, dt ("2026-12-04T13:40"));
  g_assert_cmpint (g_array_index (run->steps, TaktRunStep, 2).station_index, ==, 2);
  g_assert_cmpuint (run->covers->len, ==, 2);
  g_assert_cmpstr (g_array_index (run->covers, TaktCover, 1).demand, ==, "forecast:vase:2026-12-07");
  g_assert_cmpint (g_array_index (run->covers, TaktCover, 1).quantity, ==, 10);

  /* Top-level unknown member, every kind of JSON value in it */
  top = json_object_get_array_member (plan->extra, "x-top-level");
  g_assert_nonnull (top);
  g_assert_cmpuint (json_array_get_length (top), ==, 7);
  g_assert_cmpint (json_array_get_int_element (top, 0), ==, 1);
  g_assert_cmpfloat (json_array_get_double_element (top, 1), ==, 2.5);
  g_assert_cmpstr (json_array_get_string_element (top, 2), ==, "three");
  g_assert_true (json_array_get_null_element (top, 3));
  g_assert_true (json_array_get_boolean_element (top, 4));
  g_assert_cmpuint (json_object_get_size (json_array_get_object_element (top, 6)), ==, 0);
}

static void
test_full_round_trip (void)
{
  g_autoptr(TaktPlan) first = load_file ("full.takt");
  g_autoptr(TaktPlan) second = NULL;
  g_autoptr(TaktPlan) third = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;
  gsize len1, len2;

  assert_full_plan (first);
  out1 = takt_plan_to_data (first, &len1);
  g_assert_cmpuint (len1, ==, strlen (out1));
  second = load_data (out1);
  assert_full_plan (second);
  out2 = takt_plan_to_data (second, &len2);
  g_assert_cmpstr (out1, ==, out2);
  g_assert_cmpuint (len1, ==, len2);
  third = load_data (out2);
  out3 = takt_plan_to_data (third, NULL);
  g_assert_cmpstr (out2, ==, out3);
}

/* The layout a planner sees in a text editor. */
static void
test_layout (void)
{
  g_autoptr(TaktPlan) plan = load_file ("full.takt");
  g_autofree char *out = takt_plan_to_data (plan, NULL);
  const char *keys[] = {
    "\"format\"", "\"version\"", "\"name\"", "\"currency\"", "\"horizon\"", "\"calendar\"",
    "\"stations\"", "\"products\"", "\"orders\"", "\"forecast\"", "\"campaigns\"", "\"pins\"",
    "\"settings\"", "\"schedule\"", "\"x-top-level\"",
  };
  const char *last = out;

  /* Fixed member order, unknown members last. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *needle = g_strdup_printf ("\n  %s: ", keys[i]);
      const char *at = strstr (out, needle);

      g_assert_nonnull (at);
      g_assert_true (at > last || i == 0);
      last = at;
    }
  g_assert_true (g_str_has_prefix (out, "{\n  \"format\": \"takt-plan\",\n  \"version\": 1,\n"));
  g_assert_nonnull (strstr (out, "\n  \"horizon\": { \"start\": \"2026-11-30T06:30\", \"days\": 28, \"x-note\": \"horizon extra\" },\n"));
  g_assert_nonnull (strstr (out, "\n      \"mon\": [[\"06:00\", \"14:00\"], [\"14:00\", \"22:00\"]],\n"));
  g_assert_nonnull (strstr (out, "\n      \"sun\": []\n"));
  g_assert_nonnull (strstr (out, "\n      { \"date\": \"2026-12-25\", \"shifts\": [], \"reason\": \"Christmas\" },\n"));
  g_assert_nonnull (strstr (out, "\n    { \"id\": \"SO-1002\", \"product\": \"lamp\", \"quantity\": 3, \"due\": \"2026-12-07T08:30:15\", \"priority\": \"high\" },\n"));
  g_assert_nonnull (strstr (out, "\"due\": \"2026-12-05T12:00\""));
  g_assert_nonnull (strstr (out, "\"setup_start\": \"2026-12-03T05:50:00\""));
  g_assert_nonnull (strstr (out, "\"setup_cost\": 12.0,"));
  g_assert_nonnull (strstr (out, "\"unit_cost\": 0.30000000000000004,"));
  g_assert_nonnull (strstr (out, "\"customer\": \"Zoë é\\ttab\""));
  g_assert_nonnull (strstr (out, "\"name\": \"Lamp shade \\\"Mond\\\"\""));
  g_assert_nonnull (strstr (out, "\"models\": [\"MK4\", \"XL\"],"));
  g_assert_null (strstr (out, "\t"));
  g_assert_null (strstr (out, " \n"));
  g_assert_true (g_str_has_suffix (out, "\n}\n"));
}

static void
test_doubles_round_trip (void)
{
  const double values[] = {
    0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-300, 5e-324, DBL_MAX, 123456789.123456789,
    0.30000000000000004, 1e15, 1e16 + 2, 4.35, 100.0, 0.0, 9007199254740993.0,
  };
  g_autoptr(TaktPlan) plan = load_file ("minimal.takt");
  TaktProduct *p = g_ptr_array_index (plan->products, 0);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *out = NULL;
      g_autoptr(TaktPlan) back = NULL;
      const TaktProduct *q;

      p->unit_cost = values[i];
      p->price = values[i] / 3;
      out = takt_plan_to_data (plan, NULL);
      back = load_data (out);
      q = g_ptr_array_index (back->products, 0);
      g_test_message ("%.17g", values[i]);
      g_assert_true (q->unit_cost == values[i]);
      g_assert_true (q->price == values[i] / 3);
    }
}

static void
test_strings_round_trip (void)
{
  const char *names[] = {
    "plain", "quote \" and backslash \\", "tab\tnew line\ncarriage\r", "\x01\x1f control",
    "Grüße, 東京, 🚀", "slash / and </script>", "",
  };
  g_autoptr(TaktPlan) plan = load_file ("minimal.takt");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = NULL;
      g_autoptr(TaktPlan) back = NULL;

      g_free (plan->name);
      plan->name = g_strdup (names[i]);
      out = takt_plan_to_data (plan, NULL);
      back = load_data (out);
      g_assert_cmpstr (back->name, ==, names[i]);
    }
}

/* ---- copies ---- */

static void
test_copy (void)
{
  g_autoptr(TaktPlan) plan = load_file ("full.takt");
  g_autoptr(TaktPlan) copy = takt_plan_copy (plan);
  g_autoptr(TaktCalendar) cal = takt_calendar_copy (plan->calendar);
  g_autoptr(TaktSchedule) schedule = takt_schedule_copy (plan->schedule);
  g_autofree char *a = takt_plan_to_data (plan, NULL);
  g_autofree char *b = takt_plan_to_data (copy, NULL);
  TaktProduct *p;

  assert_full_plan (copy);
  g_assert_cmpstr (a, ==, b);

  /* A deep copy: changing it leaves the original alone. */
  p = g_ptr_array_index (copy->products, 0);
  ((TaktStep *) g_ptr_array_index (p->routing, 0))->cycle_s = 1;
  g_array_index (copy->calendar->week[0], TaktShift, 0).from = 0;
  json_object_set_string_member (copy->extra, "x-new", "only in the copy");
  json_object_set_string_member (json_object_get_object_member (
    ((TaktStation *) g_ptr_array_index (copy->stations, 0))->extra, "x-vendor"), "brand", "Other");
  g_array_index (((TaktRun *) g_ptr_array_index (copy->schedule->runs, 0))->steps, TaktRunStep, 0).machine = 3;
  assert_full_plan (plan);
  g_assert_false (json_object_has_member (plan->extra, "x-new"));

  g_assert_cmpuint (cal->exceptions->len, ==, 3);
  assert_shift (cal->week[0], 1, "14:00", "22:00");
  g_assert_cmpstr (extra_string (cal->extra, "x-calendar-owner"), ==, "plant manager");
  g_assert_cmpuint (schedule->runs->len, ==, 1);
  g_assert_cmpstr (g_array_index (((TaktRun *) g_ptr_array_index (schedule->runs, 0))->covers, TaktCover, 0).demand,
                   ==, "SO-1001");
}

/* ---- checking an edited plan ---- */

static void
assert_problems (GPtrArray   *problems,
                 const char **expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (problems, i), ==, expected[i]);
}

static void
test_check_edits (void)
{
  g_autoptr(TaktPlan) plan = load_file ("full.takt");
  g_autoptr(GPtrArray) problems = takt_plan_check (plan);
  TaktOrder *order;
  TaktPin *pin;
  TaktShift late = { 20 * 3600, 23 * 3600 };
  TaktShift early = { 1 * 3600, 2 * 3600 };

  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Edits that break rules are reported with the paths of the file. */
  order = g_ptr_array_index (plan->orders, 2);
  order->quantity = 0;
  g_free (order->product);
  order->product = g_strdup ("vaze");
  pin = g_ptr_array_index (plan->pins, 0);
  pin->machine = 7;
  g_array_append_val (plan->calendar->week[0], late);
  problems = takt_plan_check (plan);
  {
    const char *expected[] = {
      "calendar.week.mon[2]: overlaps calendar.week.mon[1] [\"14:00\", \"22:00\"]",
      "orders[2].product: no product \"vaze\"",
      "orders[2].quantity: must be >= 1",
      "pins[0].machine: must be between 1 and 6 (station \"print\" has 6 machines)",
      NULL
    };
    assert_problems (problems, expected);
  }
  g_assert_cmpint (order->product_index, ==, -1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Fixed again; moving products around re-resolves the indices, and the
   * shifts are put in order. */
  order->quantity = 2;
  g_free (order->product);
  order->product = g_strdup ("lamp");
  pin->machine = 6;
  g_array_remove_index (plan->calendar->week[0], 2);
  g_array_append_val (plan->calendar->week[0], early);
  g_ptr_array_add (plan->products, g_ptr_array_steal_index (plan->products, 0));
  problems = takt_plan_check (plan);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (order->product_index, ==, 0);
  g_assert_cmpint (((TaktOrder *) g_ptr_array_index (plan->orders, 0))->product_index, ==, 1);
  g_assert_cmpint (pin->product_index, ==, 1);
  assert_shift (plan->calendar->week[0], 0, "01:00", "02:00");
  assert_shift (plan->calendar->week[0], 2, "14:00", "22:00");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* In-memory only mistakes: a date that is not midnight, a shift that is
   * not on a whole minute, an empty id, a bad color, a NaN cost. */
  ((TaktForecast *) g_ptr_array_index (plan->forecast, 0))->date += 3600;
  g_array_index (plan->calendar->week[1], TaktShift, 0).to += 30;
  g_free (((TaktStation *) g_ptr_array_index (plan->stations, 2))->id);
  ((TaktStation *) g_ptr_array_index (plan->stations, 2))->id = g_strdup ("");
  ((TaktProduct *) g_ptr_array_index (plan->products, 0))->price = NAN;
  g_free (((TaktProduct *) g_ptr_array_index (plan->products, 0))->color);
  ((TaktProduct *) g_ptr_array_index (plan->products, 0))->color = g_strdup ("#12345g");
  problems = takt_plan_check (plan);
  {
    const char *expected[] = {
      "calendar.week.tue[0][1]: must be a whole minute from 00:01 to 24:00",
      "stations[2].id: must not be empty",
      "products[0].color: must be a color \"#rrggbb\", not \"#12345g\"",
      "products[0].price: must be a finite number",
      "forecast[0].date: must be a date (midnight), not a time of day",
      NULL
    };
    assert_problems (problems, expected);
  }
}

/* ---- the schedule is output: kept when it fits, left out when not ---- */

static char *
full_text_with (const char *from,
                const char *to)
{
  g_autofree char *path = data_path ("full.takt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, from));
  parts = g_strsplit (text, from, 2);
  return g_strconcat (parts[0], to, parts[1], NULL);
}

static void
test_schedule_discarded (void)
{
  const char *edits[][2] = {
    { "\"product\": \"vase\",\n        \"quantity\": 20,\n        \"pinned\": true",
      "\"product\": \"ghost\",\n        \"quantity\": 20,\n        \"pinned\": true" },
    { "{ \"station\": \"pack\", \"machine\": 1, \"setup_start\"", "{ \"station\": \"print\", \"machine\": 1, \"setup_start\"" },
    { "\"station\": \"print\", \"machine\": 2, \"setup_start\"", "\"station\": \"print\", \"machine\": 9, \"setup_start\"" },
    { "\"end\": \"2026-12-04T13:40:00\"", "\"end\": \"soon\"" },
    { "\"pinned\": true", "\"pinned\": \"yes\"" },
    { "\"schedule\": {", "\"schedule\": [], \"x-old\": {" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *text = full_text_with (edits[i][0], edits[i][1]);
      g_autoptr(TaktPlan) plan = load_data (text);
      g_autofree char *out = takt_plan_to_data (plan, NULL);

      g_test_message ("edit %u", i);
      g_assert_null (plan->schedule);
      g_assert_null (strstr (out, "\"schedule\""));
      g_assert_cmpuint (plan->orders->len, ==, 3);
    }

  /* A schedule that no longer fits after an edit is left out on save. */
  {
    g_autoptr(TaktPlan) plan = load_file ("full.takt");
    g_autofree char *before = takt_plan_to_data (plan, NULL);
    g_autofree char *after = NULL;
    TaktProduct *vase = g_ptr_array_index (plan->products, 0);

    g_assert_nonnull (strstr (before, "\"schedule\""));
    g_ptr_array_remove_index (vase->routing, 2);
    after = takt_plan_to_data (plan, NULL);
    g_assert_null (strstr (after, "\"schedule\""));
  }
}

/* Unknown members keep their order and their types through saves. */
static void
test_unknown_members (void)
{
  const char *doc =
    "{ \"zz-first\": 1, \"format\": \"takt-plan\", \"version\": 1,"
    "  \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 1, \"b\": 1, \"a\": 2.0 },"
    "  \"stations\": [ { \"id\": \"m\", \"deep\": { \"x\": [ { \"y\": [ [] ] } ] } } ],"
    "  \"products\": [ { \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 60, \"k\": null } ] } ],"
    "  \"calendar\": { \"week\": {}, \"exceptions\": [ { \"date\": \"2026-12-02\", \"why\": \"inventory\" } ] },"
    "  \"aa-last\": { \"n\": -0.5, \"big\": 9007199254740993, \"neg\": -9223372036854775808 } }";
  g_autoptr(TaktPlan) plan = load_data (doc);
  g_autofree char *out1 = takt_plan_to_data (plan, NULL);
  g_autoptr(TaktPlan) back = load_data (out1);
  g_autofree char *out2 = takt_plan_to_data (back, NULL);
  JsonObject *aa = json_object_get_object_member (back->extra, "aa-last");
  GList *members = json_object_get_members (back->extra);

  g_test_message ("%s", out1);
  g_assert_cmpstr (out1, ==, out2);
  g_assert_cmpstr (members->data, ==, "zz-first");
  g_assert_cmpstr (members->next->data, ==, "aa-last");
  g_list_free (members);
  g_assert_cmpint (json_object_get_int_member (aa, "big"), ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_cmpint (json_object_get_int_member (aa, "neg"), ==, G_MININT64);
  g_assert_cmpfloat (json_object_get_double_member (aa, "n"), ==, -0.5);
  g_assert_nonnull (strstr (out1, "\"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 1, \"b\": 1, \"a\": 2.0 }"));
  g_assert_nonnull (strstr (out1, "{ \"station\": \"m\", \"cycle_s\": 60, \"setup_s\": 0, \"k\": null }"));
  g_assert_nonnull (strstr (out1, "{ \"date\": \"2026-12-02\", \"shifts\": [], \"why\": \"inventory\" }"));
  g_assert_cmpuint (((TaktCalendarException *) g_ptr_array_index (back->calendar->exceptions, 0))->shifts->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/defaults", test_defaults);
  g_test_add_func ("/plan/minimal-defaults", test_minimal_defaults);
  g_test_add_func ("/plan/enums", test_enums);
  g_test_add_func ("/plan/lookups", test_lookups);
  g_test_add_func ("/plan/full-round-trip", test_full_round_trip);
  g_test_add_func ("/plan/layout", test_layout);
  g_test_add_func ("/plan/doubles-round-trip", test_doubles_round_trip);
  g_test_add_func ("/plan/strings-round-trip", test_strings_round_trip);
  g_test_add_func ("/plan/copy", test_copy);
  g_test_add_func ("/plan/check-edits", test_check_edits);
  g_test_add_func ("/plan/schedule-discarded", test_schedule_discarded);
  g_test_add_func ("/plan/unknown-members", test_unknown_members);
  return g_test_run ();
}
