/* test-generator.c — the benchmark plan generator
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-generator"

#include "takt-generator.h"
#include "takt-time.h"

static gint64
count_units (const TaktPlan *plan)
{
  gint64 units = 0;

  for (guint i = 0; i < plan->orders->len; i++)
    units += ((TaktOrder *) g_ptr_array_index (plan->orders, i))->quantity;
  return units;
}

static void
assert_valid (TaktPlan *plan)
{
  g_autoptr(GPtrArray) problems = takt_plan_check (plan);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Saved, loaded back and saved again: the same bytes. */
static void
assert_round_trip (TaktPlan *plan)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *data = takt_plan_to_data (plan, &len);
  g_autoptr(TaktPlan) back = takt_plan_load_from_data (data, (gssize) len, "generated.takt", &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  again = takt_plan_to_data (back, NULL);
  g_assert_cmpstr (data, ==, again);
}

static void
test_size (gconstpointer data)
{
  TaktGeneratorSize size = GPOINTER_TO_INT (data);
  static const struct { guint products, stations, orders, days, campaigns; } want[] = {
    [TAKT_GENERATOR_S] = { 8, 5, 120, 28, 2 },
    [TAKT_GENERATOR_M] = { 120, 12, 3000, 90, 15 },
    [TAKT_GENERATOR_L] = { 1000, 30, 40000, 364, 100 },
  };
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(TaktPlan) plan = takt_generator_make (size, 1);
  gint64 t1 = g_get_monotonic_time ();
  g_autofree double *load = takt_generator_estimate_load (plan);
  g_autofree double *hold = takt_generator_estimate_hold (plan);
  double max_load = 0, max_hold = 0;
  guint loaded = 0;

  g_test_message ("%s: generated in %.1f ms, %" G_GINT64_FORMAT " ordered units, "
                  "%u forecast lines", takt_generator_size_to_string (size),
                  (t1 - t0) / 1000.0, count_units (plan), plan->forecast->len);
  assert_valid (plan);
  g_assert_cmpuint (plan->products->len, ==, want[size].products);
  g_assert_cmpuint (plan->stations->len, ==, want[size].stations);
  g_assert_cmpuint (plan->orders->len, ==, want[size].orders);
  g_assert_cmpint (plan->horizon_days, ==, want[size].days);
  g_assert_cmpuint (plan->campaigns->len, ==, want[size].campaigns);
  g_assert_cmpint (takt_weekday (plan->horizon_start), ==, 0);
  g_assert_nonnull (plan->calendar);
  g_assert_cmpuint (plan->calendar->exceptions->len, >=, 1);

  for (guint s = 0; s < plan->stations->len; s++)
    {
      const TaktStation *st = g_ptr_array_index (plan->stations, s);

      g_test_message ("  station %s: %" G_GINT64_FORMAT " machines, estimated work %.0f %%, "
                      "held %.0f %%", st->id, st->machines, 100 * load[s], 100 * hold[s]);
      g_assert_cmpint (st->machines, >=, 1);
      g_assert_cmpint (st->machines, <=, 4);
      max_load = MAX (max_load, load[s]);
      max_hold = MAX (max_hold, hold[s]);
      if (load[s] >= 0.2)
        loaded++;
    }
  /* Loaded, but never held beyond its working time. */
  g_assert_cmpfloat (max_load, >=, 0.45);
  g_assert_cmpfloat (max_hold, >=, 0.6);
  g_assert_cmpfloat (max_hold, <=, 0.951);
  g_assert_cmpuint (loaded, ==, plan->stations->len);

  for (guint p = 0; p < plan->products->len; p++)
    {
      const TaktProduct *prod = g_ptr_array_index (plan->products, p);

      g_assert_cmpuint (prod->routing->len, >=, 1);
      g_assert_cmpuint (prod->routing->len, <=, 5);
    }

  if (size != TAKT_GENERATOR_L)
    assert_round_trip (plan);
}

static void
test_deterministic (void)
{
  g_autoptr(TaktPlan) a = takt_generator_make (TAKT_GENERATOR_S, 7);
  g_autoptr(TaktPlan) b = takt_generator_make (TAKT_GENERATOR_S, 7);
  g_autoptr(TaktPlan) c = takt_generator_make (TAKT_GENERATOR_S, 8);
  g_autofree char *da = takt_plan_to_data (a, NULL);
  g_autofree char *db = takt_plan_to_data (b, NULL);
  g_autofree char *dc = takt_plan_to_data (c, NULL);

  g_assert_cmpstr (da, ==, db);
  g_assert_cmpstr (da, !=, dc);
}

static void
test_tiny (void)
{
  guint with_pins = 0, with_campaigns = 0, with_forecast = 0, with_calendar = 0;
  guint n = 1000;

  for (guint seed = 1; seed <= n; seed++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_TINY, seed);

      assert_valid (plan);
      g_assert_cmpuint (plan->products->len, >=, 1);
      g_assert_cmpuint (plan->products->len, <=, 4);
      g_assert_cmpuint (plan->stations->len, >=, 1);
      g_assert_cmpuint (plan->stations->len, <=, 3);
      g_assert_cmpuint (plan->orders->len, <=, 12);
      for (guint s = 0; s < plan->stations->len; s++)
        g_assert_cmpint (((TaktStation *) g_ptr_array_index (plan->stations, s))->machines, <=, 2);
      with_pins += plan->pins->len > 0;
      with_campaigns += plan->campaigns->len > 0;
      with_forecast += plan->forecast->len > 0;
      with_calendar += plan->calendar != NULL;
      if (seed <= 100)
        assert_round_trip (plan);
    }
  g_test_message ("%u tiny plans: %u with pins, %u with campaigns, %u with forecast, "
                  "%u with a plant calendar", n, with_pins, with_campaigns, with_forecast,
                  with_calendar);
  /* Every feature shows up often enough to be tested. */
  g_assert_cmpuint (with_pins, >=, n / 10);
  g_assert_cmpuint (with_campaigns, >=, n / 5);
  g_assert_cmpuint (with_forecast, >=, n / 5);
  g_assert_cmpuint (with_calendar, >=, n / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/bench/generator/S", GINT_TO_POINTER (TAKT_GENERATOR_S), test_size);
  g_test_add_data_func ("/bench/generator/M", GINT_TO_POINTER (TAKT_GENERATOR_M), test_size);
  g_test_add_data_func ("/bench/generator/L", GINT_TO_POINTER (TAKT_GENERATOR_L), test_size);
  g_test_add_func ("/bench/generator/deterministic", test_deterministic);
  g_test_add_func ("/bench/generator/tiny", test_tiny);

  return g_test_run ();
}
