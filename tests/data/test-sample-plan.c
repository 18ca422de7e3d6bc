/* test-sample-plan.c — the bundled sample plan, read by the real loader
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sample-plan"

#include "takt-plan.h"
#include "takt-time.h"

#include <string.h>

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "print-farm.takt", NULL);
}

static TaktPlan *
load_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;
  TaktPlan *plan;

  plan = takt_plan_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
test_sample_loads (void)
{
  g_autoptr(TaktPlan) plan = load_sample ();
  g_autoptr(GPtrArray) problems = NULL;
  int print;

  g_assert_cmpuint (plan->products->len, ==, 8);
  g_assert_cmpuint (plan->stations->len, ==, 5);
  g_assert_cmpuint (plan->orders->len, ==, 60);
  g_assert_cmpuint (plan->campaigns->len, ==, 4);
  g_assert_cmpuint (plan->forecast->len, >, 0);
  g_assert_cmpint (plan->horizon_days, ==, 42);

  print = takt_plan_find_station (plan, "print");
  g_assert_cmpint (print, >=, 0);
  g_assert_cmpint (((TaktStation *) g_ptr_array_index (plan->stations, print))->machines, ==, 6);

  /* The plant works two shifts on weekdays, a Saturday morning, no Sunday. */
  g_assert_nonnull (plan->calendar);
  g_assert_cmpuint (plan->calendar->week[0]->len, ==, 2);
  g_assert_cmpuint (plan->calendar->week[5]->len, ==, 1);
  g_assert_cmpuint (plan->calendar->week[6]->len, ==, 0);
  g_assert_cmpuint (plan->calendar->exceptions->len, ==, 5);

  problems = takt_plan_check (plan);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The file is written as Takt saves it: opening and saving it changes no byte. */
static void
test_sample_saves_unchanged (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TaktPlan) plan = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  gsize original_length = 0;
  gsize saved_length = 0;

  g_file_get_contents (path, &original, &original_length, &error);
  g_assert_no_error (error);

  saved = takt_plan_to_data (plan, &saved_length);
  g_assert_nonnull (saved);
  if (saved_length != original_length || memcmp (saved, original, saved_length) != 0)
    {
      gsize i = 0;

      while (i < saved_length && i < original_length && saved[i] == original[i])
        i++;
      g_test_message ("first difference at byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT,
                      i, original_length);
      g_test_fail ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/data/sample-plan/loads", test_sample_loads);
  g_test_add_func ("/data/sample-plan/saves-unchanged", test_sample_saves_unchanged);

  return g_test_run ();
}
