/* test-gantt-view.c — the Schedule chart: drags through the view's drag
 * handling at pixel positions taken from its layout, the same edits by
 * keyboard actions and the context menu, zoom, hover details and what
 * assistive technology is told
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gantt-view"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "takt-application.h"
#include "takt-gantt-view-private.h"
#include "takt-schedule-page.h"
#include "takt-time.h"
#include "takt-window.h"
#include "test-app-common.h"

#define SNAP_S (15 * 60)

typedef struct
{
  GtkWindow     *window;
  TaktGanttView *view;
  TaktDocument  *document;
  GBytes        *original;
  guint          replans;
} Fixture;

static void
wait_for_replan (Fixture *fixture)
{
  guint before = fixture->replans;

  test_wait_until (&fixture->replans, before + 1, 30000);
  test_spin (30);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *scroller;

  fixture->document = takt_document_new ();
  takt_document_set_time_limit_ms (fixture->document, 0);
  takt_document_set_replan_delay (fixture->document, 0);
  test_load_sample_into (fixture->document);
  test_count_replans (fixture->document, &fixture->replans);
  fixture->original = takt_document_serialize (fixture->document);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  scroller = gtk_scrolled_window_new ();
  fixture->view = TAKT_GANTT_VIEW (takt_gantt_view_new ());
  takt_gantt_view_set_snap_minutes (fixture->view, 15);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->view));
  gtk_window_set_child (fixture->window, scroller);
  gtk_window_present (fixture->window);

  takt_gantt_view_set_document (fixture->view, fixture->document);
  takt_document_replan (fixture->document);
  wait_for_replan (fixture);
  test_spin (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), >, 600);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_signal_handlers_disconnect_by_data (fixture->document, &fixture->replans);
  gtk_window_destroy (fixture->window);
  /* A re-plan still running in its thread holds the document until it
   * returns. */
  while (G_OBJECT (fixture->document)->ref_count > 1 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  g_clear_pointer (&fixture->original, g_bytes_unref);
  g_assert_finalize_object (fixture->document);
}

static const TaktPlan *
plan_of (Fixture *fixture)
{
  return takt_document_get_plan (fixture->document);
}

static const TaktRun *
run_of (Fixture *fixture,
        int      index)
{
  const TaktSchedule *schedule = takt_document_get_schedule (fixture->document);

  g_assert_nonnull (schedule);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (index, <, (int) schedule->runs->len);
  return g_ptr_array_index (schedule->runs, index);
}

static const TaktRunStep *
first_step (const TaktRun *run)
{
  return &g_array_index (run->steps, TaktRunStep, 0);
}

/* A print run with room below it (a next machine) and two days of time
 * after it that do not touch Christmas, when the print farm is closed. */
static int
find_movable_run (Fixture *fixture)
{
  const TaktPlan *plan = plan_of (fixture);
  const TaktSchedule *schedule = takt_document_get_schedule (fixture->document);
  gint64 christmas = 0;

  g_assert_true (takt_parse_date ("2026-12-25", &christmas));
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktRunStep *first = first_step (run);
      const TaktStation *station = g_ptr_array_index (plan->stations, first->station_index);

      if (g_str_equal (station->id, "print") && first->machine < station->machines &&
          run->quantity >= 4 && first->start > plan->horizon_start + TAKT_DAY_S &&
          first->start + 3 * TAKT_DAY_S < christmas)
        return (int) r;
    }
  g_assert_not_reached ();
  return -1;
}

/* The pinned run of @product on @machine that starts at @start. */
static int
find_pinned_run (Fixture *fixture,
                 int      product_index,
                 gint64   machine,
                 gint64   start)
{
  const TaktSchedule *schedule = takt_document_get_schedule (fixture->document);

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktRunStep *first = first_step (run);

      if (run->pinned && run->product_index == product_index && first->machine == machine &&
          first->start == start)
        return (int) r;
    }
  return -1;
}

static void
assert_bytes_restored (Fixture *fixture)
{
  g_autoptr(GBytes) now = NULL;

  while (takt_document_get_can_undo (fixture->document))
    g_assert_true (takt_document_undo (fixture->document));
  now = takt_document_serialize (fixture->document);
  g_assert_true (g_bytes_equal (now, fixture->original));
  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 0);
}

/* Moves the pointer from (x0, y0) to (x1, y1) in @steps steps, as a hand
 * would, ending exactly at (x1, y1). */
static void
drag_along (TaktGanttView *view,
            double         x0,
            double         y0,
            double         x1,
            double         y1,
            guint          steps,
            gboolean       free_placement)
{
  for (guint i = 1; i <= steps; i++)
    {
      double f = (double) i / steps;

      takt_gantt_view_update_drag (view, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, free_placement);
    }
}

static gboolean
summary_has_cost (TaktGanttView *view)
{
  const char *summary = takt_gantt_view_get_drop_summary (view);

  return summary != NULL && strstr (summary, "working out") == NULL;
}

static void
wait_for_drop_cost (TaktGanttView *view)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!summary_has_cost (view) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (summary_has_cost (view));
}

/* A point inside the working part of the run's first bar (past its setup),
 * scrolled into sight. */
static void
grab_point (Fixture *fixture,
            int      run,
            double  *x,
            double  *y)
{
  const TaktRunStep *first = first_step (run_of (fixture, run));
  graphene_rect_t rect;
  double start_x;

  takt_gantt_view_scroll_to_time (fixture->view, first->setup_start, 300);
  test_spin (20);
  g_assert_true (takt_gantt_view_get_bar_rect (fixture->view, run, 0, &rect));
  start_x = takt_gantt_view_x_for_time (fixture->view, first->start);
  g_assert_cmpfloat (start_x, >=, rect.origin.x);
  g_assert_cmpfloat (start_x, <, rect.origin.x + rect.size.width);
  *x = start_x + MIN (6, (rect.origin.x + rect.size.width - start_x) / 2);
  *y = rect.origin.y + rect.size.height / 2;
}

/* ---- drags ---- */

static void
test_drag_moves_run (Fixture       *fixture,
                     gconstpointer  data)
{
  int index = find_movable_run (fixture);
  const TaktRun *run = run_of (fixture, index);
  const TaktRunStep *first = first_step (run);
  int product = run->product_index;
  int station = first->station_index;
  gint64 machine = first->machine;
  gint64 quantity = run->quantity;
  gint64 wanted = first->start + 26 * 3600 + 7 * 60;
  gint64 expected = wanted - 7 * 60;
  double x0, y0, x1, y1, spp;
  gint64 start = 0, target_machine = 0;
  const char *reason = "none";
  const TaktPin *pin;
  int pinned;

  /* Exactly the snapped start falls out of the snap grid, whatever the
   * run's own start was. */
  expected = takt_day_start (wanted) + ((wanted - takt_day_start (wanted) + SNAP_S / 2) / SNAP_S) * SNAP_S;

  takt_gantt_view_zoom_at (fixture->view, 4.0, 400);
  grab_point (fixture, index, &x0, &y0);
  spp = takt_gantt_view_get_seconds_per_px (fixture->view);
  g_test_message ("dragging %s (%s × %" G_GINT64_FORMAT ") at %.1f s/px", run->id,
                  ((TaktProduct *) g_ptr_array_index (plan_of (fixture)->products, product))->id,
                  quantity, spp);

  /* The pointer moves 26 h 7 min later and one machine down. */
  x1 = x0 + (double) (wanted - first->start) / spp;
  y1 = takt_gantt_view_row_center_y (fixture->view, station, machine + 1);
  g_assert_cmpfloat (y1, >, y0);

  g_assert_true (takt_gantt_view_begin_drag (fixture->view, x0, y0));
  g_assert_false (takt_gantt_view_get_dragging (fixture->view));
  drag_along (fixture->view, x0, y0, x1, y1, 12, FALSE);
  g_assert_true (takt_gantt_view_get_dragging (fixture->view));

  g_assert_true (takt_gantt_view_get_drop_target (fixture->view, &start, &target_machine, &reason));
  g_assert_null (reason);
  g_assert_cmpint (start, ==, expected);
  g_assert_cmpint (target_machine, ==, machine + 1);

  /* The header learns what the drop would cost. */
  wait_for_drop_cost (fixture->view);
  g_test_message ("drop summary: %s (a preview re-plan took %.1f ms)",
                  takt_gantt_view_get_drop_summary (fixture->view), fixture->view->last_preview_ms);
  {
    g_autofree char *name = g_strdup_printf ("Print farm %d", (int) machine + 1);

    g_assert_nonnull (strstr (takt_gantt_view_get_drop_summary (fixture->view), name));
  }

  g_assert_true (takt_gantt_view_end_drag (fixture->view));
  g_assert_false (takt_gantt_view_get_dragging (fixture->view));
  g_assert_null (takt_gantt_view_get_drop_summary (fixture->view));

  /* One pin, where it was dropped, as one undo step. */
  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 1);
  pin = g_ptr_array_index (plan_of (fixture)->pins, 0);
  g_assert_cmpstr (pin->station, ==, "print");
  g_assert_cmpint (pin->product_index, ==, product);
  g_assert_cmpint (pin->quantity, ==, quantity);
  g_assert_cmpint (pin->machine, ==, machine + 1);
  g_assert_cmpint (pin->start, ==, expected);
  g_assert_cmpstr (takt_document_get_undo_label (fixture->document), ==, "Move Run");

  /* The re-planned schedule has the run there, and it stays selected. */
  wait_for_replan (fixture);
  pinned = find_pinned_run (fixture, product, machine + 1, expected);
  g_assert_cmpint (pinned, >=, 0);
  g_assert_cmpint (run_of (fixture, pinned)->quantity, ==, quantity);
  g_assert_cmpint (takt_gantt_view_get_selected_run (fixture->view), ==, pinned);
  g_assert_cmpint (takt_gantt_view_find_pin (fixture->view, pinned), ==, 0);

  /* Dragging the pinned run again moves its pin, it adds none. */
  grab_point (fixture, pinned, &x0, &y0);
  spp = takt_gantt_view_get_seconds_per_px (fixture->view);
  g_assert_true (takt_gantt_view_begin_drag (fixture->view, x0, y0));
  drag_along (fixture->view, x0, y0, x0 - 2.0 * 3600 / spp, y0, 4, FALSE);
  g_assert_true (takt_gantt_view_end_drag (fixture->view));
  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 1);
  pin = g_ptr_array_index (plan_of (fixture)->pins, 0);
  g_assert_cmpint (pin->start, ==, expected - 2 * 3600);
  g_assert_cmpint (pin->machine, ==, machine + 1);
  wait_for_replan (fixture);
  g_assert_cmpint (find_pinned_run (fixture, product, machine + 1, expected - 2 * 3600), >=, 0);

  assert_bytes_restored (fixture);
}

/* The drop lands where the pointer is at every zoom: with Shift to the
 * second, else on the snap grid. */
static void
test_drag_every_zoom (Fixture       *fixture,
                      gconstpointer  data)
{
  static const double zooms[] = { 4.0, 45.0, 600.0, 4000.0 };
  int index = find_movable_run (fixture);
  const TaktRun *run = run_of (fixture, index);
  gint64 start0 = first_step (run)->start;
  gint64 machine = first_step (run)->machine;

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (int free_placement = 0; free_placement <= 1; free_placement++)
      {
        gint64 wanted = start0 + 9 * 3600 + 20 * 60 + 13;
        double min_spp = 0, max_spp = 0, spp, x0, y0, x1;
        gint64 start = 0, m = 0;
        const char *reason = "none";

        g_assert_true (takt_gantt_view_get_zoom_limits (fixture->view, &min_spp, &max_spp));
        takt_gantt_view_zoom_at (fixture->view,
                                 takt_gantt_view_get_seconds_per_px (fixture->view) / MIN (zooms[z], max_spp),
                                 400);
        grab_point (fixture, index, &x0, &y0);
        spp = takt_gantt_view_get_seconds_per_px (fixture->view);
        g_assert_cmpfloat (fabs (spp - MIN (zooms[z], max_spp)), <, 1e-6);

        x1 = x0 + (double) (wanted - start0) / spp;
        g_assert_true (takt_gantt_view_begin_drag (fixture->view, x0, y0));
        drag_along (fixture->view, x0, y0, x1, y0, 5, free_placement);
        g_assert_true (takt_gantt_view_get_drop_target (fixture->view, &start, &m, &reason));
        g_assert_null (reason);
        g_assert_cmpint (m, ==, machine);
        g_test_message ("%.1f s/px, %s: wanted %" G_GINT64_FORMAT " s later, got %" G_GINT64_FORMAT,
                        spp, free_placement ? "free" : "snapped", wanted - start0, start - start0);
        if (free_placement)
          {
            /* The pointer's pixel names the instant to a second. */
            g_assert_cmpint (ABS (start - wanted), <=, 1);
          }
        else
          {
            g_assert_cmpint ((start - takt_day_start (start)) % SNAP_S, ==, 0);
            g_assert_cmpint (ABS (start - wanted), <=, SNAP_S / 2);
          }
        takt_gantt_view_cancel_drag (fixture->view);
        g_assert_false (takt_gantt_view_get_dragging (fixture->view));
      }

  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 0);
  g_assert_false (takt_document_get_can_undo (fixture->document));
}

static void
test_drag_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  const TaktPlan *plan = plan_of (fixture);
  int index = find_movable_run (fixture);
  const TaktRun *run = run_of (fixture, index);
  gint64 start0 = first_step (run)->start;
  int finish = takt_plan_find_station (plan, "finish");
  gint64 christmas = 0, start = 0, machine = 0;
  const char *reason = NULL;
  double x0, y0, spp, y_other;

  g_assert_true (takt_parse_datetime ("2026-12-25T10:00", &christmas));

  /* Onto a machine of another station: "Finishing cannot start …". */
  grab_point (fixture, index, &x0, &y0);
  y_other = takt_gantt_view_row_center_y (fixture->view, finish, 2);
  g_assert_cmpfloat (y_other, >, 0);
  g_assert_true (takt_gantt_view_begin_drag (fixture->view, x0, y0));
  drag_along (fixture->view, x0, y0, x0, y_other, 6, FALSE);
  g_assert_true (takt_gantt_view_get_drop_target (fixture->view, &start, &machine, &reason));
  g_assert_nonnull (reason);
  g_test_message ("another station: %s", reason);
  g_assert_nonnull (strstr (reason, "Finishing cannot start"));
  g_assert_nonnull (strstr (takt_gantt_view_get_drop_summary (fixture->view), "Cannot drop here"));
  g_assert_true (fixture->view->state.drag_active);
  g_assert_false (fixture->view->state.drag_valid);
  /* Dropped there, it snaps back: nothing changes. */
  g_assert_false (takt_gantt_view_end_drag (fixture->view));
  g_assert_false (fixture->view->state.drag_active);
  g_assert_cmpuint (plan->pins->len, ==, 0);
  g_assert_false (takt_document_get_can_undo (fixture->document));

  /* Before the horizon starts. */
  takt_gantt_view_scroll_to_time (fixture->view, plan->horizon_start - 6 * 3600, 250);
  test_spin (20);
  grab_point (fixture, index, &x0, &y0);
  g_assert_true (takt_gantt_view_begin_drag (fixture->view, x0, y0));
  spp = takt_gantt_view_get_seconds_per_px (fixture->view);
  drag_along (fixture->view, x0, y0, x0 - (double) (start0 - (plan->horizon_start - 4 * 3600)) / spp, y0,
              8, FALSE);
  g_assert_true (takt_gantt_view_get_drop_target (fixture->view, &start, &machine, &reason));
  g_test_message ("before the horizon: %s", reason);
  g_assert_cmpstr (reason, ==, "Before the plan’s horizon starts");

  /* Esc: the drag ends, the run stays. */
  takt_gantt_view_cancel_drag (fixture->view);
  g_assert_false (takt_gantt_view_get_dragging (fixture->view));
  g_assert_false (fixture->view->state.drag_active);
  g_assert_null (takt_gantt_view_get_drop_summary (fixture->view));

  /* Into closed time (the print farm is shut on Christmas Day): the ghost
   * goes to the next working instant, the day after at 00:00. */
  grab_point (fixture, index, &x0, &y0);
  spp = takt_gantt_view_get_seconds_per_px (fixture->view);
  g_assert_true (takt_gantt_view_begin_drag (fixture->view, x0, y0));
  drag_along (fixture->view, x0, y0, x0 + (double) (christmas - start0) / spp, y0, 3, FALSE);
  g_assert_true (takt_gantt_view_get_drop_target (fixture->view, &start, &machine, &reason));
  g_assert_null (reason);
  g_assert_cmpint (start, ==, christmas - 10 * 3600 + TAKT_DAY_S);
  g_assert_true (takt_gantt_view_end_drag (fixture->view));
  /* The document holds a new plan after an edit. */
  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 1);
  g_assert_cmpint (((TaktPin *) g_ptr_array_index (plan_of (fixture)->pins, 0))->start, ==,
                   christmas - 10 * 3600 + TAKT_DAY_S);
  wait_for_replan (fixture);

  assert_bytes_restored (fixture);
}

/* ---- the keyboard ---- */

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  int index = find_movable_run (fixture);
  const TaktRun *run = run_of (fixture, index);
  int product = run->product_index;
  gint64 start0 = first_step (run)->start;
  gint64 machine = first_step (run)->machine;
  gint64 day = takt_day_start (start0);
  gint64 expected = day + ((start0 - day) / SNAP_S + 2) * SNAP_S;
  const TaktPin *pin;
  int pinned;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  takt_gantt_view_select_run (fixture->view, index, FALSE);
  g_assert_cmpint (takt_gantt_view_get_selected_run (fixture->view), ==, index);

  /* Shift+→ twice: two grid steps later, two undo steps. */
  activate (fixture, "gantt.move-later");
  activate (fixture, "gantt.move-later");
  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 1);
  pin = g_ptr_array_index (plan_of (fixture)->pins, 0);
  g_assert_cmpint (pin->start, ==, expected);
  g_assert_cmpint (pin->machine, ==, machine);
  g_assert_cmpstr (takt_document_get_undo_label (fixture->document), ==, "Move Run");

  /* Alt+↓: the next machine. */
  activate (fixture, "gantt.machine-down");
  pin = g_ptr_array_index (plan_of (fixture)->pins, 0);
  g_assert_cmpint (pin->machine, ==, machine + 1);
  g_assert_cmpint (pin->start, ==, expected);
  g_assert_cmpstr (takt_document_get_undo_label (fixture->document), ==, "Change Machine");

  wait_for_replan (fixture);
  pinned = find_pinned_run (fixture, product, machine + 1, expected);
  g_assert_cmpint (pinned, >=, 0);
  g_assert_cmpint (takt_gantt_view_get_selected_run (fixture->view), ==, pinned);

  /* Shift+← after the re-plan: one step back. */
  activate (fixture, "gantt.move-earlier");
  g_assert_cmpint (((TaktPin *) g_ptr_array_index (plan_of (fixture)->pins, 0))->start, ==,
                   expected - SNAP_S);
  wait_for_replan (fixture);

  /* Delete unpins. */
  activate (fixture, "gantt.unpin");
  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 0);
  g_assert_cmpstr (takt_document_get_undo_label (fixture->document), ==, "Unpin Run");
  wait_for_replan (fixture);
  g_assert_cmpint (takt_gantt_view_get_selected_run (fixture->view), >=, 0);
  g_assert_cmpint (run_of (fixture, takt_gantt_view_get_selected_run (fixture->view))->product_index, ==,
                   product);

  assert_bytes_restored (fixture);
}

static void
test_keyboard_navigation (Fixture       *fixture,
                          gconstpointer  data)
{
  int index = find_movable_run (fixture);
  const TaktRunStep *step = first_step (run_of (fixture, index));
  int station = step->station_index;
  gint64 machine = step->machine;
  gint64 begin = MIN (step->setup_start, step->start);
  int selected;
  const TaktRunStep *now;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  g_assert_cmpint (takt_gantt_view_get_selected_run (fixture->view), ==, -1);

  /* The first arrow key selects a run in sight. */
  activate (fixture, "gantt.select-next");
  g_assert_cmpint (takt_gantt_view_get_selected_run (fixture->view), >=, 0);

  takt_gantt_view_select_run (fixture->view, index, FALSE);

  /* → goes to the next bar on the same machine, later. */
  activate (fixture, "gantt.select-next");
  selected = takt_gantt_view_get_selected_run (fixture->view);
  if (selected != index)
    {
      now = first_step (run_of (fixture, selected));
      g_assert_cmpint (now->station_index, ==, station);
      g_assert_cmpint (now->machine, ==, machine);
      g_assert_cmpint (MIN (now->setup_start, now->start), >=, begin);
      /* ← comes back. */
      activate (fixture, "gantt.select-previous");
      g_assert_cmpint (takt_gantt_view_get_selected_run (fixture->view), ==, index);
    }

  /* ↓ goes to the machine below. */
  activate (fixture, "gantt.select-below");
  selected = takt_gantt_view_get_selected_run (fixture->view);
  g_assert_cmpint (selected, !=, index);
  {
    const TaktRun *run = run_of (fixture, selected);
    gboolean below = FALSE;

    for (guint k = 0; k < run->steps->len; k++)
      {
        const TaktRunStep *s = &g_array_index (run->steps, TaktRunStep, k);

        below |= (s->station_index == station && s->machine > machine) || s->station_index > station;
      }
    g_assert_true (below);
  }

  /* Home: the first bar of that row. */
  activate (fixture, "gantt.select-first");
  g_assert_cmpint (takt_gantt_view_get_selected_run (fixture->view), >=, 0);
  g_assert_false (takt_document_get_can_undo (fixture->document));
}

/* ---- the context menu's edits ---- */

static void
test_split_merge_jit (Fixture       *fixture,
                      gconstpointer  data)
{
  int index = find_movable_run (fixture);
  const TaktRun *run = run_of (fixture, index);
  int product = run->product_index;
  gint64 quantity = run->quantity;
  gint64 start0 = first_step (run)->start;
  gint64 machine = first_step (run)->machine;
  gint64 first_part = quantity / 2;
  const TaktPin *a, *b;
  int part;

  takt_gantt_view_select_run (fixture->view, index, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "gantt.pin", NULL));
  g_assert_cmpstr (takt_document_get_undo_label (fixture->document), ==, "Pin Run");
  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 1);
  wait_for_replan (fixture);

  /* Split: two pins that add up, the second right after the first. */
  g_assert_true (takt_gantt_view_split_selected (fixture->view, first_part));
  g_assert_cmpstr (takt_document_get_undo_label (fixture->document), ==, "Split Run");
  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 2);
  a = g_ptr_array_index (plan_of (fixture)->pins, 0);
  b = g_ptr_array_index (plan_of (fixture)->pins, 1);
  g_assert_cmpint (a->quantity + b->quantity, ==, quantity);
  g_assert_cmpint (a->quantity, ==, first_part);
  g_assert_cmpint (a->start, ==, start0);
  g_assert_cmpint (b->start, >, a->start);
  g_assert_cmpint (a->machine, ==, machine);
  g_assert_cmpint (b->machine, ==, machine);
  wait_for_replan (fixture);
  part = find_pinned_run (fixture, product, machine, start0);
  g_assert_cmpint (part, >=, 0);
  g_assert_cmpint (run_of (fixture, part)->quantity, ==, first_part);
  g_assert_cmpint (find_pinned_run (fixture, product, machine, b->start), >=, 0);

  /* Merge the first part with the next run of the product. */
  takt_gantt_view_select_run (fixture->view, part, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "gantt.merge", NULL));
  g_assert_cmpstr (takt_document_get_undo_label (fixture->document), ==, "Merge Runs");
  a = g_ptr_array_index (plan_of (fixture)->pins, 0);
  g_assert_cmpint (a->start, ==, start0);
  g_assert_cmpint (a->quantity, >, first_part);
  wait_for_replan (fixture);

  /* Re-plan just in time: the selection's pins go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "gantt.replan-jit", NULL));
  g_assert_cmpstr (takt_document_get_undo_label (fixture->document), ==, "Re-plan Just in Time");
  g_assert_cmpuint (plan_of (fixture)->pins->len, <, 2);
  wait_for_replan (fixture);

  assert_bytes_restored (fixture);
}

/* "Split Run…" through its dialog: a spin button for the first part. */
static void
test_split_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  int index = find_movable_run (fixture);
  gint64 quantity = run_of (fixture, index)->quantity;
  AdwMessageDialog *dialog;
  GtkSpinButton *spin;
  guint before;

  takt_gantt_view_select_run (fixture->view, index, FALSE);
  activate (fixture, "gantt.split");
  test_spin (50);

  dialog = ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Split Run");
  spin = GTK_SPIN_BUTTON (test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, quantity / 2);
  gtk_spin_button_set_value (spin, 3);
  before = fixture->replans;
  adw_message_dialog_response (dialog, "split");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpstr (takt_document_get_undo_label (fixture->document), ==, "Split Run");
  g_assert_cmpuint (plan_of (fixture)->pins->len, ==, 2);
  g_assert_cmpint (((TaktPin *) g_ptr_array_index (plan_of (fixture)->pins, 0))->quantity, ==, 3);
  g_assert_cmpint (((TaktPin *) g_ptr_array_index (plan_of (fixture)->pins, 1))->quantity, ==, quantity - 3);
  test_wait_until (&fixture->replans, before + 1, 30000);

  assert_bytes_restored (fixture);
}

/* ---- zoom, hover, words ---- */

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  const TaktPlan *plan = plan_of (fixture);
  double x = 640, t, spp, min_spp, max_spp;
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->view));

  /* Around the pointer: the instant under it stays. */
  t = takt_gantt_view_time_at_x (fixture->view, x);
  spp = takt_gantt_view_get_seconds_per_px (fixture->view);
  takt_gantt_view_zoom_at (fixture->view, 2.0, x);
  g_assert_cmpfloat (fabs (takt_gantt_view_get_seconds_per_px (fixture->view) - spp / 2), <, 1e-9);
  g_assert_cmpfloat (fabs (takt_gantt_view_time_at_x (fixture->view, x) - t), <, 1e-6);
  g_assert_cmpfloat (fabs (takt_gantt_view_x_for_time (fixture->view, (gint64) t) - x), <, 1.0);

  /* The zoom buttons' actions step by half again. */
  spp = takt_gantt_view_get_seconds_per_px (fixture->view);
  activate (fixture, "gantt.zoom-in");
  g_assert_cmpfloat (fabs (takt_gantt_view_get_seconds_per_px (fixture->view) - spp / 1.5), <, 1e-9);
  activate (fixture, "gantt.zoom-out");
  g_assert_cmpfloat (fabs (takt_gantt_view_get_seconds_per_px (fixture->view) - spp), <, 1e-9);

  /* Ctrl+0: the whole horizon in sight. */
  activate (fixture, "gantt.zoom-fit");
  g_assert_true (takt_gantt_view_get_zoom_limits (fixture->view, &min_spp, &max_spp));
  g_assert_cmpfloat (takt_gantt_view_get_seconds_per_px (fixture->view), ==, max_spp);
  g_assert_cmpfloat (takt_gantt_view_x_for_time (fixture->view, plan->horizon_start), >=,
                     fixture->view->viewport.header_width);
  g_assert_cmpfloat (takt_gantt_view_x_for_time (fixture->view, plan->horizon_start + plan->horizon_days * TAKT_DAY_S),
                     <=, width);
  /* No further out than that. */
  takt_gantt_view_zoom_at (fixture->view, 0.5, x);
  g_assert_cmpfloat (takt_gantt_view_get_seconds_per_px (fixture->view), ==, max_spp);

  /* The scrollbars follow: the horizontal one spans the range. */
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->view));

    g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h) + 1);
    takt_gantt_view_zoom_at (fixture->view, 8.0, x);
    g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, 7 * gtk_adjustment_get_page_size (h));
    t = takt_gantt_view_time_at_x (fixture->view, 400);
    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + 100);
    g_assert_cmpfloat (fabs (takt_gantt_view_time_at_x (fixture->view, 400) -
                             (t + 100 * takt_gantt_view_get_seconds_per_px (fixture->view))), <, 1e-6);
  }
}

static void
test_hover_and_words (Fixture       *fixture,
                      gconstpointer  data)
{
  int index = find_movable_run (fixture);
  const TaktRun *run = run_of (fixture, index);
  const TaktProduct *product = g_ptr_array_index (plan_of (fixture)->products, run->product_index);
  g_autofree char *markup = takt_gantt_view_dup_run_markup (fixture->view, index);
  g_autofree char *words = NULL;
  g_autofree char *machine = g_strdup_printf ("Print farm %d", (int) first_step (run)->machine);
  const char *error;

  g_test_message ("hover: %s", markup);
  g_assert_nonnull (markup);
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  g_assert_nonnull (strstr (markup, product->name));
  g_assert_nonnull (strstr (markup, machine));
  g_assert_nonnull (strstr (markup, "Finishing"));
  if (run->covers->len > 0)
    {
      g_assert_nonnull (strstr (markup, "Covers"));
      g_assert_true (strstr (markup, " early") != NULL || strstr (markup, " late") != NULL ||
                     strstr (markup, "just in time") != NULL);
    }

  /* Assistive technology: the chart is "Schedule", its description names
   * the selected run. */
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Schedule");
  g_assert_null (error);
  takt_gantt_view_select_run (fixture->view, index, FALSE);
  words = takt_gantt_view_describe_selection (fixture->view);
  g_test_message ("described: %s", words);
  g_assert_nonnull (strstr (words, product->name));
  g_assert_nonnull (strstr (words, machine));
  g_assert_nonnull (strstr (words, "×"));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words);
  g_assert_null (error);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->view)));
}

/* ---- the page ---- */

static void
test_page (void)
{
  g_autoptr(TaktDocument) document = takt_document_new ();
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GString) dragging = g_string_new (NULL);
  TaktWindow *window;
  GtkWidget *page;
  TaktGanttView *view;
  Fixture fixture = { 0 };
  int index;
  double x0, y0, spp;

  takt_document_set_replan_delay (document, 0);
  test_load_sample_into (document);
  window = test_present_window (document, 0, 0);
  fixture.document = document;
  test_replan_and_wait (document);
  takt_window_set_page (window, "schedule");
  test_spin (100);

  page = takt_window_get_page_widget (window, "schedule");
  view = TAKT_GANTT_VIEW (test_find_descendant (page, TAKT_TYPE_GANTT_VIEW));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  test_collect_labels (page, labels);
  g_test_message ("page:\n%s", labels->str);
  g_assert_nonnull (strstr (labels->str, "42 days"));
  g_assert_nonnull (strstr (labels->str, "runs"));
  g_assert_nonnull (strstr (labels->str, "Late"));
  g_assert_nonnull (strstr (labels->str, "Pinned"));

  /* While dragging, the toolbar says what the drop would do. */
  fixture.view = view;
  fixture.window = GTK_WINDOW (window);
  index = find_movable_run (&fixture);
  grab_point (&fixture, index, &x0, &y0);
  spp = takt_gantt_view_get_seconds_per_px (view);
  g_assert_true (takt_gantt_view_begin_drag (view, x0, y0));
  drag_along (view, x0, y0, x0 + 7200 / spp, y0, 4, FALSE);
  wait_for_drop_cost (view);
  test_collect_labels (page, dragging);
  g_test_message ("dragging:\n%s", dragging->str);
  g_assert_nonnull (strstr (dragging->str, takt_gantt_view_get_drop_summary (view)));
  takt_gantt_view_cancel_drag (view);

  gtk_window_destroy (GTK_WINDOW (window));
  test_spin (20);
}

/* In one-piece flow a run's units finish one by one: a demand met by its
 * first units is on time even when the run ends after its due time.  The
 * details say "late" exactly for the demands the plan counts late. */
static void
test_hover_lateness (Fixture       *fixture,
                     gconstpointer  data)
{
  const TaktSchedule *schedule = takt_document_get_schedule (fixture->document);
  const TaktPlanStats *stats = takt_document_get_stats (fixture->document);
  guint checked = 0, ends_after_due = 0;

  g_assert_nonnull (stats);
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      g_autofree char *markup = takt_gantt_view_dup_run_markup (fixture->view, (int) r);
      g_auto(GStrv) lines = g_strsplit (markup, "\n", -1);
      gint64 end = G_MININT64;
      guint line = 0;

      for (guint k = 0; k < run->steps->len; k++)
        end = MAX (end, g_array_index (run->steps, TaktRunStep, k).end);

      /* The covers' lines follow the one that says "Covers". */
      while (lines[line] != NULL && strstr (lines[line], "Covers") == NULL)
        line++;
      for (guint c = 0; c < run->covers->len && c < 8 && lines[line] != NULL; c++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);
          const TaktDemandResult *result = NULL;
          const char *text = lines[++line];

          if (text == NULL)
            break;
          for (guint d = 0; d < stats->demands->len; d++)
            {
              const TaktDemandResult *candidate = g_ptr_array_index (stats->demands, d);

              if (g_strcmp0 (candidate->demand, cover->demand) == 0)
                result = candidate;
            }
          g_assert_nonnull (result);
          if (result->late_units == 0 && end > result->due)
            ends_after_due++;
          if (result->late_units > 0)
            g_assert_nonnull (strstr (text, " late"));
          else if (strstr (text, " late") != NULL)
            g_error ("run %s: \"%s\" while the plan has %s on time", run->id, text, cover->demand);
          checked++;
        }
    }
  g_test_message ("%u covered demands checked; %u of them on time though their run ends after the due time",
                  checked, ends_after_due);
  g_assert_cmpuint (checked, >, 20);
  /* The sample has such demands, so the test can tell the run's end from
   * the demand's finish. */
  g_assert_cmpuint (ends_after_due, >, 0);
}

static GtkEventController *
motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  return NULL;
}

static gboolean
three_times_longer (TaktPlan *plan,
                    gpointer  user_data,
                    GError  **error)
{
  for (guint p = 0; p < plan->products->len; p++)
    {
      TaktProduct *product = g_ptr_array_index (plan->products, p);
      TaktStep *step = g_ptr_array_index (product->routing, 0);

      step->cycle_s *= 3;
    }
  return TRUE;
}

/* The outline under the pointer follows the plan: after a re-plan it is on
 * the bar now under the pointer, not on the run that took the old index. */
static void
test_hover_after_replan (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkEventController *motion = motion_controller (GTK_WIDGET (fixture->view));
  int index = find_movable_run (fixture);
  graphene_rect_t rect;
  TaktGanttHit hit;
  double x, y;

  g_assert_nonnull (motion);
  g_assert_nonnull (takt_gantt_view_ensure_layout (fixture->view));
  g_assert_true (takt_gantt_view_get_bar_rect (fixture->view, index, 0, &rect));
  x = rect.origin.x + rect.size.width / 2;
  y = rect.origin.y + rect.size.height / 2;
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpint (fixture->view->state.hover_run, ==, index);

  g_assert_true (takt_document_edit (fixture->document, "Change Cycle Time", three_times_longer, NULL, NULL));
  wait_for_replan (fixture);

  g_assert_nonnull (takt_gantt_view_ensure_layout (fixture->view));
  takt_gantt_hit_test (fixture->view->layout, &fixture->view->viewport, x, y, &hit);
  g_test_message ("under the pointer: run %d before, %d after the re-plan; outlined: %d",
                  index, hit.on_bar ? hit.run : -1, fixture->view->state.hover_run);
  /* Something else is there now, so a stale outline would show. */
  g_assert_cmpint (hit.on_bar ? hit.run : -1, !=, index);
  /* (On a screen shared with other tests the real pointer may have moved
   * over the window meanwhile: the outline follows where the view last
   * saw it.) */
  takt_gantt_hit_test (fixture->view->layout, &fixture->view->viewport,
                       fixture->view->pointer_x, fixture->view->pointer_y, &hit);
  g_assert_cmpint (fixture->view->state.hover_run, ==, hit.on_bar ? hit.run : -1);

  /* Scrolling moves the bars, not the pointer: the outline follows once
   * the chart is drawn. */
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->view));
    int before = fixture->view->state.hover_run;

    g_signal_emit_by_name (motion, "motion", x, y);
    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + rect.size.width + 40);
    test_spin (100);
    takt_gantt_hit_test (fixture->view->layout, &fixture->view->viewport,
                         fixture->view->pointer_x, fixture->view->pointer_y, &hit);
    g_test_message ("scrolled: outlined %d before, %d after; under the pointer %d",
                    before, fixture->view->state.hover_run, hit.on_bar ? hit.run : -1);
    g_assert_cmpint (fixture->view->state.hover_run, ==, hit.on_bar ? hit.run : -1);
  }
}

int
main (int   argc,
      char *argv[])
{
  test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gantt/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("drag-moves-run", test_drag_moves_run);
  ADD ("drag-every-zoom", test_drag_every_zoom);
  ADD ("drag-refused", test_drag_refused);
  ADD ("keyboard", test_keyboard);
  ADD ("keyboard-navigation", test_keyboard_navigation);
  ADD ("split-merge-jit", test_split_merge_jit);
  ADD ("split-dialog", test_split_dialog);
  ADD ("zoom", test_zoom);
  ADD ("hover-and-words", test_hover_and_words);
  ADD ("hover-lateness", test_hover_lateness);
  ADD ("hover-after-replan", test_hover_after_replan);
  g_test_add_func ("/gantt/page", test_page);

#undef ADD

  return g_test_run ();
}
