/* test-responsive.c — the window keeps drawing while a large plan re-plans
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated plan of 3,000 orders is shown in a window; after an edit the
 * planner runs in its worker thread while a 5 ms timer on the main loop
 * records the longest gap between its ticks.  The edit itself (one copy
 * and two snapshots of the plan, the visible page brought up to date) is
 * timed on its own.  The test asserts what the window does; the times are
 * printed (`meson test --benchmark app-responsive` runs it as a benchmark).
 *
 * Under Xvfb GTK would draw with llvmpipe, software OpenGL that competes
 * with the planner for the CPU and says more about the test machine than
 * about the app; the cairo renderer draws the same frames on the CPU alone.
 */

#define G_LOG_DOMAIN "test-responsive"

#include "config.h"

#include <adwaita.h>

#include "takt-generator.h"
#include "takt-window.h"
#include "test-app-common.h"

typedef struct
{
  gint64 last;
  gint64 max_gap;
  guint  ticks;
} Ticker;

static gboolean
tick_cb (gpointer user_data)
{
  Ticker *t = user_data;
  gint64 now = g_get_monotonic_time ();

  if (t->last != 0)
    t->max_gap = MAX (t->max_gap, now - t->last);
  t->last = now;
  t->ticks++;
  return G_SOURCE_CONTINUE;
}

static guint finals;
static guint constructions;

static void
replanned_cb (TaktDocument *document,
              double        previous_total,
              double        total,
              gint64        previous_late,
              gint64        late,
              gboolean      final,
              gpointer      user_data)
{
  if (final)
    finals++;
  else
    constructions++;
}

static void
test_replan_keeps_window_responsive (void)
{
  TaktPlan *plan = takt_generator_make (TAKT_GENERATOR_M, 1);
  g_autoptr(TaktDocument) document = NULL;
  TaktWindow *window;
  Ticker ticker = { 0 };
  gint64 start, edit_us;
  guint id;

  plan->settings.time_limit_ms = 1000;
  document = takt_document_new_from_plan (plan);
  takt_document_set_autosave_delay (document, G_MAXUINT);
  g_signal_connect (document, "replanned", G_CALLBACK (replanned_cb), NULL);

  window = takt_window_new (NULL, document);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (&finals, 1, 120000);
  test_spin (100);

  finals = constructions = 0;
  start = g_get_monotonic_time ();
  g_assert_true (takt_document_edit (document, "Change Cycle Time", test_longer_cycle, GINT_TO_POINTER (60), NULL));
  edit_us = g_get_monotonic_time () - start;

  id = g_timeout_add (5, tick_cb, &ticker);
  test_wait_until (&finals, 1, 120000);
  g_source_remove (id);

  g_test_message ("plan of %u orders, %u products: edit %.1f ms; while re-planning (%.0f ms, "
                  "%u ticks) the longest main-loop gap was %.1f ms",
                  takt_document_get_plan (document)->orders->len,
                  takt_document_get_plan (document)->products->len,
                  edit_us / 1000.0, (g_get_monotonic_time () - start) / 1000.0,
                  ticker.ticks, ticker.max_gap / 1000.0);

  g_assert_cmpuint (constructions, ==, 1);
  /* The search ran for its second in the worker and the main loop kept
   * turning: a 5 ms timer ticked all through it.  Planning on the main
   * loop would block it for the whole second (a tick or two at most).
   * How long the gaps and the edit took are figures, printed above and
   * read by the benchmark of the same name, not bounds of a test. */
  g_assert_cmpuint (ticker.ticks, >=, 10);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  test_init_gui (&argc, &argv);

  g_test_add_func ("/responsive/replan", test_replan_keeps_window_responsive);

  return g_test_run ();
}
