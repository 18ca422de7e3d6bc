/* test-document.c — the document model of the app: load, save, undo, re-plan
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>

#include "takt-application.h"
#include "takt-document.h"
#include "test-app-common.h"

static gboolean
change_cycle (TaktPlan *plan,
              gpointer  user_data,
              GError  **error)
{
  TaktProduct *product = g_ptr_array_index (plan->products, 0);
  TaktStep *step = g_ptr_array_index (product->routing, 0);

  step->cycle_s = GPOINTER_TO_INT (user_data);
  return TRUE;
}

static gboolean
refuse_edit (TaktPlan *plan,
             gpointer  user_data,
             GError  **error)
{
  g_free (plan->name);
  plan->name = g_strdup ("half done");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "refused on purpose");
  return FALSE;
}

static void
test_load_sample (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  const TaktPlan *plan = takt_document_get_plan (document);

  g_assert_cmpstr (takt_document_get_title (document), ==, "Print farm, December 2026");
  g_assert_cmpuint (plan->products->len, >=, 6);
  g_assert_cmpuint (plan->stations->len, >=, 4);
  g_assert_cmpuint (plan->orders->len, >=, 40);
  g_assert_cmpuint (plan->campaigns->len, >=, 3);
  /* The sample comes from the resources: there is no file to save into. */
  g_assert_null (takt_document_get_file (document));
  g_assert_false (takt_document_get_dirty (document));
  g_assert_true (takt_document_is_pristine (document));
  g_assert_false (takt_document_get_can_undo (document));
  g_assert_null (takt_document_get_undo_label (document));
}

static void
test_undo_redo_bytes (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  g_autoptr(GBytes) original = takt_document_serialize (document);
  g_autoptr(GBytes) renamed = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;
  const TaktProduct *product;
  gint64 old_cycle;

  product = g_ptr_array_index (takt_document_get_plan (document)->products, 0);
  old_cycle = ((TaktStep *) g_ptr_array_index (product->routing, 0))->cycle_s;

  g_assert_true (takt_document_edit (document, "Rename Plan", test_rename_plan, (gpointer) "Renamed", &error));
  g_assert_no_error (error);
  renamed = takt_document_serialize (document);
  g_assert_cmpstr (takt_document_get_title (document), ==, "Renamed");

  g_assert_true (takt_document_edit (document, "Change Cycle Time", change_cycle,
                                     GINT_TO_POINTER ((int) old_cycle + 600), &error));
  g_assert_no_error (error);
  edited = takt_document_serialize (document);

  g_assert_false (g_bytes_equal (original, renamed));
  g_assert_false (g_bytes_equal (renamed, edited));
  g_assert_true (takt_document_get_dirty (document));
  g_assert_false (takt_document_is_pristine (document));
  g_assert_true (takt_document_get_can_undo (document));
  g_assert_false (takt_document_get_can_redo (document));
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Change Cycle Time");

  product = g_ptr_array_index (takt_document_get_plan (document)->products, 0);
  g_assert_cmpint (((TaktStep *) g_ptr_array_index (product->routing, 0))->cycle_s, ==, old_cycle + 600);

  /* Undo twice: back to the original bytes, exactly. */
  g_assert_true (takt_document_undo (document));
  now = takt_document_serialize (document);
  g_assert_true (g_bytes_equal (now, renamed));
  g_clear_pointer (&now, g_bytes_unref);
  g_assert_cmpstr (takt_document_get_redo_label (document), ==, "Change Cycle Time");
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Rename Plan");

  g_assert_true (takt_document_undo (document));
  now = takt_document_serialize (document);
  g_assert_cmpmem (g_bytes_get_data (now, NULL), g_bytes_get_size (now),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_clear_pointer (&now, g_bytes_unref);
  g_assert_false (takt_document_get_dirty (document));
  g_assert_false (takt_document_get_can_undo (document));
  g_assert_false (takt_document_undo (document));
  g_assert_cmpstr (takt_document_get_title (document), ==, "Print farm, December 2026");

  /* Redo twice: the edited bytes again. */
  g_assert_true (takt_document_redo (document));
  g_assert_true (takt_document_redo (document));
  g_assert_false (takt_document_redo (document));
  now = takt_document_serialize (document);
  g_assert_true (g_bytes_equal (now, edited));
  g_assert_true (takt_document_get_dirty (document));
  g_clear_pointer (&now, g_bytes_unref);

  /* A new edit after an undo drops the redo branch. */
  g_assert_true (takt_document_undo (document));
  g_assert_true (takt_document_edit (document, "Rename Plan", test_rename_plan, (gpointer) "Other", &error));
  g_assert_false (takt_document_get_can_redo (document));
}

static void
test_edit_refused (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  g_autoptr(GBytes) original = takt_document_serialize (document);
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;
  const TaktPlan *plan_before = takt_document_get_plan (document);

  /* A cycle time of zero breaks a rule of the format. */
  g_assert_false (takt_document_edit (document, "Change Cycle Time", change_cycle, GINT_TO_POINTER (0), &error));
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  g_test_message ("refusal: %s", error->message);
  g_assert_nonnull (strstr (error->message, "products[0].routing[0].cycle_s"));
  g_clear_error (&error);

  /* The edit function's own refusal. */
  g_assert_false (takt_document_edit (document, "Rename Plan", refuse_edit, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  now = takt_document_serialize (document);
  g_assert_true (g_bytes_equal (now, original));
  g_assert_true (takt_document_get_plan (document) == plan_before);
  g_assert_false (takt_document_get_can_undo (document));
  g_assert_false (takt_document_get_dirty (document));

  /* An edit that changes nothing adds no step. */
  g_assert_true (takt_document_edit (document, "Rename Plan", test_rename_plan,
                                     (gpointer) "Print farm, December 2026", &error));
  g_assert_no_error (error);
  g_assert_false (takt_document_get_can_undo (document));
}

static void
test_merge (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  g_autoptr(GBytes) original = takt_document_serialize (document);
  g_autoptr(GBytes) now = NULL;

  /* Typing "Abc" into one field is one step. */
  g_assert_true (takt_document_edit_merge (document, "Rename Plan", "name", test_rename_plan, (gpointer) "A", NULL));
  g_assert_true (takt_document_edit_merge (document, "Rename Plan", "name", test_rename_plan, (gpointer) "Ab", NULL));
  g_assert_true (takt_document_edit_merge (document, "Rename Plan", "name", test_rename_plan, (gpointer) "Abc", NULL));
  g_assert_cmpstr (takt_document_get_title (document), ==, "Abc");

  g_assert_true (takt_document_undo (document));
  g_assert_false (takt_document_get_can_undo (document));
  now = takt_document_serialize (document);
  g_assert_true (g_bytes_equal (now, original));
}

typedef struct
{
  guint    count;
  guint    finals;
  double   previous_total;
  double   total;
  gboolean final;
} Replanned;

static void
replanned_cb (TaktDocument *document,
              double        previous_total,
              double        total,
              gint64        previous_late,
              gint64        late,
              gboolean      final,
              Replanned    *r)
{
  r->count++;
  r->finals += final ? 1 : 0;
  r->previous_total = previous_total;
  r->total = total;
  r->final = final;
}

static void
test_replan (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  Replanned r = { 0 };
  const TaktSchedule *schedule;
  const TaktPlanStats *stats;

  takt_document_set_time_limit_ms (document, 50);
  g_signal_connect (document, "replanned", G_CALLBACK (replanned_cb), &r);

  g_assert_true (takt_document_get_replanning (document));
  test_wait_until (&r.finals, 1, 30000);

  g_assert_false (takt_document_get_replanning (document));
  /* A short search: its plan only, no quick plan shown for a moment
   * before it. */
  g_assert_cmpuint (r.count, ==, 1);
  g_assert_true (r.final);
  /* After loading there is nothing to compare with. */
  g_assert_true (isnan (r.previous_total));

  schedule = takt_document_get_schedule (document);
  stats = takt_document_get_stats (document);
  g_assert_nonnull (schedule);
  g_assert_nonnull (stats);
  g_assert_cmpuint (schedule->runs->len, >, 0);
  g_assert_cmpfloat (stats->total, >=, 0);
  g_assert_cmpfloat_with_epsilon (stats->total, r.total, 1e-9);
  g_test_message ("sample: %u runs, total %.2f, %" G_GINT64_FORMAT " late orders, %.1f ms",
                  schedule->runs->len, stats->total, stats->late_orders, stats->plan_ms);
}

/* A long search: the quick construction first, so an edit shows at once,
 * then the search's plan. */
static void
test_replan_long_search (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  Replanned r = { 0 };
  gint64 start = g_get_monotonic_time ();
  gint64 first_us = 0;

  takt_document_set_time_limit_ms (document, 800);
  g_signal_connect (document, "replanned", G_CALLBACK (replanned_cb), &r);
  test_wait_until (&r.count, 1, 30000);
  first_us = g_get_monotonic_time () - start;
  g_assert_false (r.final);
  g_assert_true (takt_document_get_replanning (document));
  test_wait_until (&r.finals, 1, 30000);
  g_test_message ("the quick plan after %.0f ms, the search's after %.0f ms",
                  first_us / 1000.0, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (r.count, ==, 2);
  g_assert_true (r.final);
}

/* A long search can be stopped: the quick plan shown stays, as the plan. */
static void
test_stop_search (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  Replanned r = { 0 };
  double quick_total, progress;
  gint64 start;

  takt_document_set_time_limit_ms (document, 20000);
  g_signal_connect (document, "replanned", G_CALLBACK (replanned_cb), &r);
  g_assert_false (takt_document_stop_search (document));
  test_wait_until (&r.count, 1, 30000);
  g_assert_false (r.final);
  g_assert_true (takt_document_get_searching (document));
  quick_total = takt_document_get_stats (document)->total;
  test_spin (300);
  progress = takt_document_get_search_progress (document);
  g_test_message ("after 0.3 s of a 20 s search: %.3f", progress);
  g_assert_cmpfloat (progress, >, 0);
  g_assert_cmpfloat (progress, <, 0.5);

  start = g_get_monotonic_time ();
  g_assert_true (takt_document_stop_search (document));
  g_assert_cmpuint (r.finals, ==, 1);
  g_assert_false (takt_document_get_searching (document));
  g_assert_false (takt_document_get_replanning (document));
  g_assert_cmpfloat (takt_document_get_search_progress (document), <, 0);
  g_assert_cmpfloat_with_epsilon (takt_document_get_stats (document)->total, quick_total, 1e-9);
  g_assert_false (takt_document_stop_search (document));
  /* Nothing comes after it. */
  test_spin (500);
  g_assert_cmpuint (r.count, ==, 2);
  g_assert_cmpfloat_with_epsilon (takt_document_get_stats (document)->total, quick_total, 1e-9);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_replan_latest_only (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(TaktPlanStats) expected_stats = NULL;
  g_autoptr(TaktSchedule) expected = NULL;
  g_autoptr(TaktPlan) copy = NULL;
  TaktPlannerOptions options;
  Replanned r = { 0 };
  const TaktProduct *product;
  gint64 cycle;

  /* Construction only: deterministic, so the result can be checked. */
  takt_document_set_time_limit_ms (document, 0);
  g_signal_connect (document, "replanned", G_CALLBACK (replanned_cb), &r);
  test_wait_until (&r.finals, 1, 30000);

  product = g_ptr_array_index (takt_document_get_plan (document)->products, 0);
  cycle = ((TaktStep *) g_ptr_array_index (product->routing, 0))->cycle_s;

  /* Three quick edits: only the last revision's plan arrives. */
  r.count = r.finals = 0;
  for (int i = 1; i <= 3; i++)
    g_assert_true (takt_document_edit (document, "Change Cycle Time", change_cycle,
                                       GINT_TO_POINTER ((int) cycle + i * 1200), NULL));
  g_assert_true (takt_document_get_replanning (document));
  test_wait_until (&r.finals, 1, 30000);
  test_spin (200);
  g_assert_cmpuint (r.count, ==, 1);
  g_assert_cmpuint (r.finals, ==, 1);
  g_assert_false (isnan (r.previous_total));

  copy = takt_plan_copy (takt_document_get_plan (document));
  problems = takt_plan_check (copy);
  g_assert_cmpuint (problems->len, ==, 0);
  takt_planner_options_init (&options, copy);
  options.time_limit_ms = 0;
  expected = takt_planner_run (copy, &options, &expected_stats, NULL);
  g_assert_nonnull (expected);
  g_assert_cmpfloat_with_epsilon (takt_document_get_stats (document)->total, expected_stats->total, 1e-6);
  g_assert_cmpuint (takt_document_get_schedule (document)->runs->len, ==, expected->runs->len);
}

static gboolean
same_schedule (const TaktSchedule *a,
               const TaktSchedule *b)
{
  if (a->runs->len != b->runs->len)
    return FALSE;
  for (guint r = 0; r < a->runs->len; r++)
    {
      const TaktRun *x = g_ptr_array_index (a->runs, r);
      const TaktRun *y = g_ptr_array_index (b->runs, r);

      if (x->product_index != y->product_index || x->quantity != y->quantity ||
          x->steps->len != y->steps->len)
        return FALSE;
      for (guint k = 0; k < x->steps->len; k++)
        {
          const TaktRunStep *p = &g_array_index (x->steps, TaktRunStep, k);
          const TaktRunStep *q = &g_array_index (y->steps, TaktRunStep, k);

          if (p->machine != q->machine || p->start != q->start || p->end != q->end)
            return FALSE;
        }
    }
  return TRUE;
}

/* Undo brings back the plan a person had, and redo the one after the
 * edit: not a new search, whose result (bounded by time) differs. */
static void
test_undo_restores_schedule (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  g_autoptr(TaktSchedule) first = NULL;
  g_autoptr(TaktSchedule) second = NULL;
  Replanned r = { 0 };
  double first_total, second_total;
  gint64 first_evaluations;
  gint64 cycle;

  takt_document_set_time_limit_ms (document, 100);
  takt_document_set_replan_delay (document, 0);
  g_signal_connect (document, "replanned", G_CALLBACK (replanned_cb), &r);
  test_wait_until (&r.finals, 1, 30000);
  first = takt_schedule_copy (takt_document_get_schedule (document));
  first_total = takt_document_get_stats (document)->total;
  first_evaluations = takt_document_get_stats (document)->evaluations;

  cycle = ((TaktStep *) g_ptr_array_index (((TaktProduct *) g_ptr_array_index (
    takt_document_get_plan (document)->products, 0))->routing, 0))->cycle_s;
  r.count = r.finals = 0;
  g_assert_true (takt_document_edit (document, "Change Cycle Time", change_cycle,
                                     GINT_TO_POINTER ((int) cycle * 2), NULL));
  test_wait_until (&r.finals, 1, 30000);
  second = takt_schedule_copy (takt_document_get_schedule (document));
  second_total = takt_document_get_stats (document)->total;

  /* A new search now would give another plan (the quick construction). */
  takt_document_set_time_limit_ms (document, 0);

  r.count = r.finals = 0;
  g_assert_true (takt_document_undo (document));
  g_assert_true (takt_document_get_replanning (document));
  test_wait_until (&r.finals, 1, 30000);
  test_spin (50);
  g_test_message ("totals: %.2f, after the edit %.2f, after undo %.2f", first_total, second_total,
                  takt_document_get_stats (document)->total);
  g_assert_cmpuint (r.count, ==, 1);
  g_assert_false (takt_document_get_replanning (document));
  g_assert_true (same_schedule (takt_document_get_schedule (document), first));
  g_assert_cmpfloat_with_epsilon (takt_document_get_stats (document)->total, first_total, 1e-6);
  g_assert_cmpint (takt_document_get_stats (document)->evaluations, ==, first_evaluations);
  /* The toast compares with what was shown before. */
  g_assert_cmpfloat_with_epsilon (r.previous_total, second_total, 1e-6);

  r.count = r.finals = 0;
  g_assert_true (takt_document_redo (document));
  test_wait_until (&r.finals, 1, 30000);
  g_assert_true (same_schedule (takt_document_get_schedule (document), second));
  g_assert_cmpfloat_with_epsilon (takt_document_get_stats (document)->total, second_total, 1e-6);

  /* A change of the plan is planned anew. */
  r.count = r.finals = 0;
  g_assert_true (takt_document_edit (document, "Change Cycle Time", change_cycle,
                                     GINT_TO_POINTER ((int) cycle * 3), NULL));
  test_wait_until (&r.finals, 1, 30000);
  g_assert_false (same_schedule (takt_document_get_schedule (document), second));
  /* Undo goes back to the edit's plan; the first plan is two steps back. */
  r.count = r.finals = 0;
  g_assert_true (takt_document_undo (document));
  test_wait_until (&r.finals, 1, 30000);
  g_assert_true (same_schedule (takt_document_get_schedule (document), second));
  r.count = r.finals = 0;
  g_assert_true (takt_document_undo (document));
  test_wait_until (&r.finals, 1, 30000);
  g_assert_true (same_schedule (takt_document_get_schedule (document), first));
}

/* A saved plan opens as it was saved: its schedule is kept (measured
 * again), not replaced by a new search's, until the plan changes. */
static void
test_reopen_keeps_schedule (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  g_autoptr(TaktDocument) again = takt_document_new ();
  g_autofree char *dir = g_dir_make_tmp ("takt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "farm.takt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TaktSchedule) saved = NULL;
  g_autoptr(GError) error = NULL;
  Replanned r = { 0 }, q = { 0 };
  double saved_total;
  gint64 cycle;

  /* Searched, then saved. */
  takt_document_set_time_limit_ms (document, 100);
  g_signal_connect (document, "replanned", G_CALLBACK (replanned_cb), &r);
  test_wait_until (&r.finals, 1, 30000);
  g_assert_true (takt_document_save_as (document, file, &error));
  g_assert_no_error (error);
  saved = takt_schedule_copy (takt_document_get_schedule (document));
  saved_total = takt_document_get_stats (document)->total;
  g_assert_false (takt_document_get_schedule_saved (document));

  /* Opened where a new plan would be the quick construction, another one. */
  takt_document_set_autosave_delay (again, G_MAXUINT);
  takt_document_set_time_limit_ms (again, 0);
  g_signal_connect (again, "replanned", G_CALLBACK (replanned_cb), &q);
  g_assert_true (takt_document_load (again, file, NULL, &error));
  g_assert_no_error (error);
  test_wait_until (&q.finals, 1, 30000);
  test_spin (50);
  g_test_message ("saved %.2f, opened %.2f", saved_total, takt_document_get_stats (again)->total);
  g_assert_cmpuint (q.count, ==, 1);
  g_assert_false (takt_document_get_replanning (again));
  g_assert_true (same_schedule (takt_document_get_schedule (again), saved));
  g_assert_cmpfloat_with_epsilon (takt_document_get_stats (again)->total, saved_total, 1e-6);
  g_assert_true (takt_document_get_schedule_saved (again));

  /* A change is planned; undoing it brings the saved plan back. */
  cycle = ((TaktStep *) g_ptr_array_index (((TaktProduct *) g_ptr_array_index (
    takt_document_get_plan (again)->products, 0))->routing, 0))->cycle_s;
  q.count = q.finals = 0;
  g_assert_true (takt_document_edit (again, "Change Cycle Time", change_cycle,
                                     GINT_TO_POINTER ((int) cycle * 2), NULL));
  test_wait_until (&q.finals, 1, 30000);
  g_assert_false (takt_document_get_schedule_saved (again));
  g_assert_false (same_schedule (takt_document_get_schedule (again), saved));
  q.count = q.finals = 0;
  g_assert_true (takt_document_undo (again));
  test_wait_until (&q.finals, 1, 30000);
  g_assert_true (same_schedule (takt_document_get_schedule (again), saved));
  g_assert_true (takt_document_get_schedule_saved (again));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_and_reload (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  g_autoptr(TaktDocument) again = takt_document_new ();
  g_autofree char *dir = g_dir_make_tmp ("takt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "farm.takt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Replanned r = { 0 };

  takt_document_set_time_limit_ms (document, 0);
  g_signal_connect (document, "replanned", G_CALLBACK (replanned_cb), &r);
  test_wait_until (&r.finals, 1, 30000);

  g_assert_true (takt_document_edit (document, "Rename Plan", test_rename_plan, (gpointer) "Saved farm", NULL));
  g_assert_true (takt_document_get_dirty (document));

  /* Without a file, plain Save has nowhere to go. */
  g_assert_false (takt_document_save (document, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (takt_document_save_as (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (takt_document_get_dirty (document));
  g_assert_true (g_file_equal (takt_document_get_file (document), file));
  /* Still undoable, and undoing makes it dirty again. */
  g_assert_true (takt_document_get_can_undo (document));

  /* The file carries the schedule the app computed. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"schedule\""));

  takt_document_set_autosave_delay (again, G_MAXUINT);
  g_assert_true (takt_document_load (again, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (takt_document_get_title (again), ==, "Saved farm");
  g_assert_nonnull (takt_document_get_schedule (again));
  g_assert_nonnull (takt_document_get_stats (again));
  before = takt_document_serialize (document);
  after = takt_document_serialize (again);
  g_assert_true (g_bytes_equal (before, after));

  g_assert_true (takt_document_undo (document));
  g_assert_true (takt_document_get_dirty (document));
  g_assert_true (takt_document_redo (document));
  g_assert_false (takt_document_get_dirty (document));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_load_broken (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  g_autoptr(GBytes) original = takt_document_serialize (document);
  g_autoptr(GBytes) now = NULL;
  g_autofree char *dir = g_dir_make_tmp ("takt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.takt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, TEST_BROKEN_PLAN, -1, NULL));

  g_assert_false (takt_document_load (document, file, NULL, &error));
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "orders[0].product"));
  g_assert_nonnull (strstr (error->message, "vaze"));
  g_assert_nonnull (strstr (error->message, "broken.takt"));

  /* Nothing of it was half-loaded. */
  now = takt_document_serialize (document);
  g_assert_true (g_bytes_equal (now, original));
  g_assert_null (takt_document_get_file (document));
  g_assert_cmpstr (takt_document_get_title (document), ==, "Print farm, December 2026");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_recovery (void)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();
  g_autoptr(TaktDocument) restored = takt_document_new ();
  g_autoptr(GPtrArray) recoveries = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;
  const TaktRecovery *recovery = NULL;

  recoveries = takt_document_list_recoveries ();
  g_assert_cmpuint (recoveries->len, ==, 0);
  g_clear_pointer (&recoveries, g_ptr_array_unref);

  /* Autosave writes a few moments after a change. */
  takt_document_set_autosave_delay (document, 50);
  g_assert_true (takt_document_edit (document, "Rename Plan", test_rename_plan, (gpointer) "Unsaved farm", NULL));
  edited = takt_document_serialize (document);
  test_spin (600);

  recoveries = takt_document_list_recoveries ();
  g_assert_cmpuint (recoveries->len, ==, 1);
  recovery = g_ptr_array_index (recoveries, 0);
  g_assert_cmpstr (recovery->id, ==, takt_document_get_id (document));
  g_assert_cmpstr (recovery->title, ==, "Unsaved farm");
  g_assert_null (recovery->uri);
  g_assert_cmpint (recovery->modified, >, 0);

  takt_document_set_autosave_delay (restored, G_MAXUINT);
  g_assert_true (takt_document_restore_recovery (restored, recovery, &error));
  g_assert_no_error (error);
  now = takt_document_serialize (restored);
  g_assert_true (g_bytes_equal (now, edited));
  g_assert_true (takt_document_get_dirty (restored));
  g_assert_false (takt_document_is_pristine (restored));

  /* Discarding removes the recovery file. */
  takt_document_discard_recovery (restored);
  g_clear_pointer (&recoveries, g_ptr_array_unref);
  recoveries = takt_document_list_recoveries ();
  g_assert_cmpuint (recoveries->len, ==, 0);
}

/* The process dies (SIGKILL, no chance to clean up) a moment after an edit;
 * the next session finds the autosaved plan and restores it. */
static void
test_crash_recovery (void)
{
  g_autoptr(GPtrArray) recoveries = NULL;
  g_autoptr(TaktDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  const TaktRecovery *recovery = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(TaktDocument) document = test_new_sample_document ();

      takt_document_set_autosave_delay (document, 50);
      g_assert_true (takt_document_edit (document, "Rename Plan", test_rename_plan, (gpointer) "Crashed farm", NULL));
      test_spin (600);
      raise (SIGKILL);
      g_assert_not_reached ();
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  recoveries = takt_document_list_recoveries ();
  for (guint i = 0; i < recoveries->len; i++)
    {
      const TaktRecovery *r = g_ptr_array_index (recoveries, i);

      if (g_strcmp0 (r->title, "Crashed farm") == 0)
        recovery = r;
    }
  g_assert_nonnull (recovery);

  restored = takt_document_new ();
  takt_document_set_autosave_delay (restored, G_MAXUINT);
  g_assert_true (takt_document_restore_recovery (restored, recovery, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (takt_document_get_title (restored), ==, "Crashed farm");
  g_assert_true (takt_document_get_dirty (restored));
  g_assert_cmpuint (takt_document_get_plan (restored)->orders->len, >, 0);

  takt_document_discard_recovery (restored);
  g_clear_pointer (&recoveries, g_ptr_array_unref);
  recoveries = takt_document_list_recoveries ();
  g_assert_cmpuint (recoveries->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_isolate_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/load-sample", test_load_sample);
  g_test_add_func ("/document/undo-redo-bytes", test_undo_redo_bytes);
  g_test_add_func ("/document/edit-refused", test_edit_refused);
  g_test_add_func ("/document/merge", test_merge);
  g_test_add_func ("/document/replan", test_replan);
  g_test_add_func ("/document/replan-long-search", test_replan_long_search);
  g_test_add_func ("/document/stop-search", test_stop_search);
  g_test_add_func ("/document/replan-latest-only", test_replan_latest_only);
  g_test_add_func ("/document/undo-restores-schedule", test_undo_restores_schedule);
  g_test_add_func ("/document/save-and-reload", test_save_and_reload);
  g_test_add_func ("/document/reopen-keeps-schedule", test_reopen_keeps_schedule);
  g_test_add_func ("/document/load-broken", test_load_broken);
  g_test_add_func ("/document/recovery", test_recovery);
  g_test_add_func ("/document/crash-recovery", test_crash_recovery);

  return g_test_run ();
}
