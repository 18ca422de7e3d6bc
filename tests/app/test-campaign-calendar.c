/* test-campaign-calendar.c — the Campaigns page's calendar: dragging a
 * campaign and its edges, the preview while dragging, keys, readiness
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-campaign-calendar"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "takt-application.h"
#include "takt-campaigns-page.h"
#include "takt-time.h"
#include "test-app-common.h"

typedef struct
{
  TaktDocument             *document;
  GtkWindow                *window;
  TaktCampaignsPage        *page;
  TaktCampaignCalendarView *view;
  guint                     replans;
} Fixture;

/* Runs the main loop until the document's next final plan is in. */
static void
wait_for_replan (Fixture *f)
{
  guint target = f->replans + 1;

  test_wait_until (&f->replans, target, 30000);
  g_assert_false (takt_document_get_replanning (f->document));
}

/* @file: NULL for the sample.  With @keep_schedule, the file's schedule
 * stays on screen: the document does not re-plan. */
static void
fixture_set_up_full (Fixture  *f,
                     GFile    *file,
                     gboolean  keep_schedule)
{
  gboolean expired = FALSE;
  guint timeout;

  f->document = takt_document_new ();
  takt_document_set_replan_delay (f->document, keep_schedule ? G_MAXINT : 0);
  /* The planner's construction only: deterministic and quick. */
  takt_document_set_time_limit_ms (f->document, 0);
  test_count_replans (f->document, &f->replans);
  if (file != NULL)
    {
      g_autoptr(GError) error = NULL;

      takt_document_set_autosave_delay (f->document, G_MAXUINT);
      g_assert_true (takt_document_load (f->document, file, NULL, &error));
      g_assert_no_error (error);
    }
  else
    test_load_sample_into (f->document);

  f->page = TAKT_CAMPAIGNS_PAGE (takt_campaigns_page_new ());
  f->view = takt_campaigns_page_get_calendar (f->page);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  takt_page_set_document (TAKT_PAGE (f->page), f->document);
  gtk_window_present (f->window);

  if (!keep_schedule)
    wait_for_replan (f);

  /* Until the calendar has a size and the sample's month is laid out. */
  timeout = g_timeout_add (10000, test_timeout_cb, &expired);
  while (!expired && gtk_widget_get_width (GTK_WIDGET (f->view)) <= 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (timeout);
  test_spin (50);
}

static void
fixture_set_up (Fixture *f)
{
  fixture_set_up_full (f, NULL, FALSE);
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (f->window);
  g_signal_handlers_disconnect_by_data (f->document, &f->replans);
  g_clear_object (&f->document);
  test_spin (20);
}

static int
campaign_index (Fixture    *f,
                const char *id)
{
  const TaktPlan *plan = takt_document_get_plan (f->document);

  for (guint i = 0; i < plan->campaigns->len; i++)
    if (g_str_equal (((TaktCampaign *) g_ptr_array_index (plan->campaigns, i))->id, id))
      return (int) i;
  g_assert_not_reached ();
  return -1;
}

static const TaktCampaign *
get_campaign (Fixture    *f,
              const char *id)
{
  return g_ptr_array_index (takt_document_get_plan (f->document)->campaigns, campaign_index (f, id));
}

/* The middle of a campaign's first bar piece, away from its edges. */
static void
bar_middle (Fixture    *f,
            int         c,
            double     *x,
            double     *y)
{
  g_autoptr(GArray) rects = takt_campaign_calendar_view_get_bar_rects (f->view, c);
  const TaktChartRect *r;

  g_assert_cmpuint (rects->len, >=, 1);
  r = &g_array_index (rects, TaktChartRect, 0);
  g_assert_cmpfloat (r->width, >, 30);
  *x = r->x + r->width / 2;
  *y = r->y + r->height / 2;
}

/* The point at the same place in the cell of the day @days after the one
 * under (@x, @y). */
static void
point_days_later (Fixture *f,
                  double   x,
                  double   y,
                  gint64   days,
                  double  *tx,
                  double  *ty)
{
  TaktCampaignHit hit;
  TaktChartRect from, to;

  g_assert_true (takt_campaign_calendar_view_hit_test (f->view, x, y, &hit) || hit.date != G_MININT64);
  g_assert_cmpint (hit.date, !=, G_MININT64);
  g_assert_true (takt_campaign_calendar_view_get_day_rect (f->view, hit.date, &from));
  g_assert_true (takt_campaign_calendar_view_get_day_rect (f->view, hit.date + days * TAKT_DAY_S, &to));
  *tx = to.x + (x - from.x);
  *ty = to.y + (y - from.y);
}

static void
wait_for_preview (Fixture *f)
{
  gboolean expired = FALSE;
  guint timeout = g_timeout_add (10000, test_timeout_cb, &expired);
  const TaktCampaignPreview *preview;

  for (;;)
    {
      preview = takt_campaign_calendar_view_get_preview (f->view);
      g_assert_nonnull (preview);
      if (preview->computed && preview->computed_start == preview->start && preview->computed_end == preview->end)
        break;
      g_assert_false (expired);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
}

static gboolean
schedule_covers (Fixture    *f,
                 const char *demand)
{
  const TaktSchedule *schedule = takt_document_get_schedule (f->document);

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      for (guint k = 0; k < run->covers->len; k++)
        if (g_str_equal (g_array_index (run->covers, TaktCover, k).demand, demand))
          return TRUE;
    }
  return FALSE;
}

static void
test_drag_move (void)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  const TaktCampaign *campaign;
  const TaktCampaignPreview *preview;
  TaktCampaignHit hit;
  gint64 start, end, lag, first_due;
  guint revision;
  double x, y, tx, ty;
  int c;

  fixture_set_up (&f);
  before = takt_document_serialize (f.document);
  c = campaign_index (&f, "xmas-social");
  campaign = get_campaign (&f, "xmas-social");
  start = campaign->start;
  end = campaign->end;
  lag = campaign->lag_days;
  first_due = start + lag * TAKT_DAY_S;
  g_assert_true (schedule_covers (&f, "campaign:xmas-social:vase:2026-12-09"));

  /* Grab the middle of the bar, where the hit test says "body". */
  bar_middle (&f, c, &x, &y);
  g_assert_true (takt_campaign_calendar_view_hit_test (f.view, x, y, &hit));
  g_assert_cmpint (hit.campaign, ==, c);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_BODY);
  point_days_later (&f, x, y, 3, &tx, &ty);

  g_assert_true (takt_campaign_calendar_view_drag_begin (f.view, x, y));
  g_assert_true (takt_campaign_calendar_view_is_dragging (f.view));
  g_assert_cmpint (takt_campaign_calendar_view_get_selected (f.view), ==, c);
  /* Half way first: the preview follows whole days. */
  takt_campaign_calendar_view_drag_update (f.view, (x + tx) / 2 + 1, (y + ty) / 2);
  takt_campaign_calendar_view_drag_update (f.view, tx, ty);

  preview = takt_campaign_calendar_view_get_preview (f.view);
  g_assert_nonnull (preview);
  g_assert_cmpint (preview->campaign, ==, c);
  g_assert_cmpint (preview->start, ==, start + 3 * TAKT_DAY_S);
  g_assert_cmpint (preview->end, ==, end + 3 * TAKT_DAY_S);
  /* Nothing changes while dragging. */
  g_assert_cmpint (get_campaign (&f, "xmas-social")->start, ==, start);

  /* The quick re-plan of a copy: the demand moves with the campaign. */
  wait_for_preview (&f);
  preview = takt_campaign_calendar_view_get_preview (f.view);
  g_assert_nonnull (preview->stats);
  g_assert_nonnull (preview->baseline);
  g_assert_nonnull (preview->data);
  g_assert_cmpfloat (preview->data->campaign_demand[c][takt_chart_data_day_of (preview->data, first_due)], ==, 0);
  g_assert_cmpfloat (preview->data->campaign_demand[c][takt_chart_data_day_of (preview->data, first_due + 3 * TAKT_DAY_S)],
                     >, 0);
  g_assert_cmpint (preview->data->campaign_units[c], ==, 191);
  g_test_message ("quick re-plan of the preview: %.2f ms; late orders %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT
                  ", total %.2f → %.2f", preview->plan_ms, preview->baseline->late_orders,
                  preview->stats->late_orders, preview->baseline->total, preview->stats->total);
  g_assert_nonnull (strstr (takt_campaigns_page_get_status_text (f.page), "Christmas gift push →"));
  g_assert_nonnull (strstr (takt_campaigns_page_get_status_text (f.page), "late orders"));

  /* The drop: one undo step, and a re-plan. */
  revision = takt_document_get_revision (f.document);
  g_assert_true (takt_campaign_calendar_view_drag_end (f.view, tx, ty));
  g_assert_false (takt_campaign_calendar_view_is_dragging (f.view));
  g_assert_null (takt_campaign_calendar_view_get_preview (f.view));
  campaign = get_campaign (&f, "xmas-social");
  g_assert_cmpint (campaign->start, ==, start + 3 * TAKT_DAY_S);
  g_assert_cmpint (campaign->end, ==, end + 3 * TAKT_DAY_S);
  g_assert_cmpint (takt_document_get_revision (f.document), ==, revision + 1);
  g_assert_cmpstr (takt_document_get_undo_label (f.document), ==, "Move Campaign");
  g_assert_cmpint (takt_campaign_calendar_view_get_selected (f.view), ==, c);

  wait_for_replan (&f);
  /* The new schedule makes the campaign's units for their new due days. */
  g_assert_false (schedule_covers (&f, "campaign:xmas-social:vase:2026-12-09"));
  g_assert_true (schedule_covers (&f, "campaign:xmas-social:vase:2026-12-12"));
  g_assert_true (schedule_covers (&f, "campaign:xmas-social:vase:2026-12-23"));
  g_assert_cmpint (takt_campaign_calendar_view_get_chart_data (f.view)->campaign_units[c], ==, 191);

  /* Undo gives back the plan's bytes. */
  g_assert_true (takt_document_undo (f.document));
  after_undo = takt_document_serialize (f.document);
  g_assert_true (g_bytes_equal (before, after_undo));
  g_assert_cmpint (get_campaign (&f, "xmas-social")->start, ==, start);

  fixture_tear_down (&f);
}

static void
test_drag_edges (void)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  g_autoptr(GArray) rects = NULL;
  const TaktCampaign *campaign;
  const TaktChartRect *r;
  TaktCampaignHit hit;
  gint64 start, end;
  double x, y, tx, ty;
  int c;

  fixture_set_up (&f);
  before = takt_document_serialize (f.document);
  c = campaign_index (&f, "advent-mail");
  campaign = get_campaign (&f, "advent-mail");
  start = campaign->start;
  end = campaign->end;

  /* The last day's edge: two days longer. */
  rects = takt_campaign_calendar_view_get_bar_rects (f.view, c);
  g_assert_cmpuint (rects->len, >=, 1);
  r = &g_array_index (rects, TaktChartRect, rects->len - 1);
  x = r->x + r->width - 2;
  y = r->y + r->height / 2;
  g_assert_true (takt_campaign_calendar_view_hit_test (f.view, x, y, &hit));
  g_assert_cmpint (hit.campaign, ==, c);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_END_EDGE);
  point_days_later (&f, x, y, 2, &tx, &ty);
  g_assert_true (takt_campaign_calendar_view_drag_begin (f.view, x, y));
  takt_campaign_calendar_view_drag_update (f.view, tx, ty);
  g_assert_cmpint (takt_campaign_calendar_view_get_preview (f.view)->start, ==, start);
  g_assert_cmpint (takt_campaign_calendar_view_get_preview (f.view)->end, ==, end + 2 * TAKT_DAY_S);
  g_assert_true (takt_campaign_calendar_view_drag_end (f.view, tx, ty));
  campaign = get_campaign (&f, "advent-mail");
  g_assert_cmpint (campaign->start, ==, start);
  g_assert_cmpint (campaign->end, ==, end + 2 * TAKT_DAY_S);
  g_assert_cmpstr (takt_document_get_undo_label (f.document), ==, "Change Campaign Dates");
  wait_for_replan (&f);
  test_spin (30);

  /* The first day's edge: a day earlier. */
  g_array_unref (g_steal_pointer (&rects));
  rects = takt_campaign_calendar_view_get_bar_rects (f.view, c);
  r = &g_array_index (rects, TaktChartRect, 0);
  x = r->x + 2;
  y = r->y + r->height / 2;
  g_assert_true (takt_campaign_calendar_view_hit_test (f.view, x, y, &hit));
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_START_EDGE);
  point_days_later (&f, x, y, -1, &tx, &ty);
  g_assert_true (takt_campaign_calendar_view_drag_begin (f.view, x, y));
  takt_campaign_calendar_view_drag_update (f.view, tx, ty);
  g_assert_true (takt_campaign_calendar_view_drag_end (f.view, tx, ty));
  campaign = get_campaign (&f, "advent-mail");
  g_assert_cmpint (campaign->start, ==, start - TAKT_DAY_S);
  g_assert_cmpint (campaign->end, ==, end + 2 * TAKT_DAY_S);

  /* An edge dragged past the other end stops at a one-day campaign. */
  rects = (g_array_unref (rects), takt_campaign_calendar_view_get_bar_rects (f.view, c));
  r = &g_array_index (rects, TaktChartRect, 0);
  x = r->x + 2;
  y = r->y + r->height / 2;
  point_days_later (&f, x, y, 20, &tx, &ty);
  g_assert_true (takt_campaign_calendar_view_drag_begin (f.view, x, y));
  takt_campaign_calendar_view_drag_update (f.view, tx, ty);
  g_assert_cmpint (takt_campaign_calendar_view_get_preview (f.view)->start, ==, end + 2 * TAKT_DAY_S);
  g_assert_cmpint (takt_campaign_calendar_view_get_preview (f.view)->end, ==, end + 2 * TAKT_DAY_S);
  /* Esc: nothing happens. */
  takt_campaign_calendar_view_drag_cancel (f.view);
  g_assert_null (takt_campaign_calendar_view_get_preview (f.view));
  g_assert_cmpint (get_campaign (&f, "advent-mail")->start, ==, start - TAKT_DAY_S);

  /* Two steps back to the original bytes. */
  g_assert_cmpstr (takt_document_get_undo_label (f.document), ==, "Change Campaign Dates");
  g_assert_true (takt_document_undo (f.document));
  g_assert_true (takt_document_undo (f.document));
  after_undo = takt_document_serialize (f.document);
  g_assert_true (g_bytes_equal (before, after_undo));

  fixture_tear_down (&f);
}

static void
test_drag_back_is_no_edit (void)
{
  Fixture f = { 0 };
  guint revision;
  double x, y, tx, ty;
  int c;

  fixture_set_up (&f);
  c = campaign_index (&f, "xmas-social");
  bar_middle (&f, c, &x, &y);
  point_days_later (&f, x, y, 1, &tx, &ty);
  revision = takt_document_get_revision (f.document);

  g_assert_true (takt_campaign_calendar_view_drag_begin (f.view, x, y));
  takt_campaign_calendar_view_drag_update (f.view, tx, ty);
  takt_campaign_calendar_view_drag_update (f.view, x, y);
  g_assert_false (takt_campaign_calendar_view_drag_end (f.view, x + 1, y));
  g_assert_cmpint (takt_document_get_revision (f.document), ==, revision);
  g_assert_false (takt_document_get_can_undo (f.document));

  /* A press on no campaign starts no drag. */
  g_assert_false (takt_campaign_calendar_view_drag_begin (f.view, 2, gtk_widget_get_height (GTK_WIDGET (f.view)) - 2));

  fixture_tear_down (&f);
}

static void
test_keys (void)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  g_autofree char *description = NULL;
  const TaktCampaign *campaign;
  gint64 start, end;
  int c;

  fixture_set_up (&f);
  before = takt_document_serialize (f.document);
  c = campaign_index (&f, "xmas-social");
  campaign = get_campaign (&f, "xmas-social");
  start = campaign->start;
  end = campaign->end;

  takt_campaign_calendar_view_select (f.view, c);
  description = takt_campaign_calendar_view_describe_selection (f.view);
  g_assert_nonnull (strstr (description, "Christmas gift push"));

  /* Shift+→ twice, Alt+→ once, Alt+← once more than that. */
  g_assert_true (takt_campaign_calendar_view_move_selected (f.view, 1));
  g_assert_true (takt_campaign_calendar_view_move_selected (f.view, 1));
  g_assert_cmpstr (takt_document_get_undo_label (f.document), ==, "Move Campaign");
  g_assert_true (takt_campaign_calendar_view_resize_selected (f.view, 1));
  g_assert_cmpstr (takt_document_get_undo_label (f.document), ==, "Change Campaign Dates");
  campaign = get_campaign (&f, "xmas-social");
  g_assert_cmpint (campaign->start, ==, start + 2 * TAKT_DAY_S);
  g_assert_cmpint (campaign->end, ==, end + 3 * TAKT_DAY_S);
  /* The selection stays on the campaign through the edits. */
  g_assert_cmpint (takt_campaign_calendar_view_get_selected (f.view), ==, c);

  /* A campaign lasts a day at least. */
  g_assert_false (takt_campaign_calendar_view_resize_selected (f.view, -100));

  /* Delete, and undo brings it back. */
  g_assert_true (takt_campaign_calendar_view_remove_selected (f.view));
  g_assert_cmpuint (takt_document_get_plan (f.document)->campaigns->len, ==, 3);
  g_assert_cmpstr (takt_document_get_undo_label (f.document), ==, "Remove Campaign");
  for (int i = 0; i < 4; i++)
    g_assert_true (takt_document_undo (f.document));
  after_undo = takt_document_serialize (f.document);
  g_assert_true (g_bytes_equal (before, after_undo));

  fixture_tear_down (&f);
}

static gboolean
edit_machines (TaktPlan  *plan,
               gpointer   user_data,
               GError   **error)
{
  TaktStation *station = g_ptr_array_index (plan->stations, takt_plan_find_station (plan, "print"));

  station->machines = GPOINTER_TO_INT (user_data);
  return TRUE;
}

static void
test_readiness_flips (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  const TaktPlan *plan;
  g_autofree char *text = NULL;

  fixture_set_up (&f);
  plan = takt_document_get_plan (f.document);

  /* The sample's campaigns are all ready. */
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const char *id = ((TaktCampaign *) g_ptr_array_index (plan->campaigns, i))->id;
      g_autofree char *ready = takt_campaigns_page_dup_readiness_text (f.page, id);

      g_assert_cmpint (takt_campaigns_page_get_late_units (f.page, id), ==, 0);
      g_assert_cmpstr (ready, ==, "Ready");
    }

  /* One printer instead of six: the Christmas push is at risk. */
  g_assert_true (takt_document_edit (f.document, "Change Machines", edit_machines, GINT_TO_POINTER (1), &error));
  g_assert_no_error (error);
  wait_for_replan (&f);
  g_assert_cmpint (takt_campaigns_page_get_late_units (f.page, "xmas-social"), >, 0);
  text = takt_campaigns_page_dup_readiness_text (f.page, "xmas-social");
  g_test_message ("Christmas gift push with one printer: %s", text);
  g_assert_true (g_str_has_prefix (text, "At risk · "));
  g_assert_true (g_str_has_suffix (text, " late units"));
  g_clear_pointer (&text, g_free);

  /* The calendar says so to assistive technology too. */
  takt_campaign_calendar_view_select (f.view, campaign_index (&f, "xmas-social"));
  text = takt_campaign_calendar_view_describe_selection (f.view);
  g_assert_nonnull (strstr (text, "At risk"));
  g_clear_pointer (&text, g_free);

  /* Undo: ready again once the plan is in. */
  g_assert_true (takt_document_undo (f.document));
  wait_for_replan (&f);
  g_assert_cmpint (takt_campaigns_page_get_late_units (f.page, "xmas-social"), ==, 0);
  text = takt_campaigns_page_dup_readiness_text (f.page, "xmas-social");
  g_assert_cmpstr (text, ==, "Ready");

  fixture_tear_down (&f);
}

static void
test_views (void)
{
  Fixture f = { 0 };
  g_autofree char *title = NULL;
  gint64 first, end;

  fixture_set_up (&f);

  /* The sample's horizon is mostly December: the grid shows it. */
  title = takt_campaign_calendar_view_dup_title (f.view);
  g_assert_cmpstr (title, ==, "December 2026");
  takt_campaign_calendar_view_get_range (f.view, &first, &end);
  g_assert_cmpint (takt_weekday (first), ==, 0);
  g_assert_cmpint ((end - first) / TAKT_DAY_S % 7, ==, 0);

  takt_campaign_calendar_view_step (f.view, 1);
  g_clear_pointer (&title, g_free);
  title = takt_campaign_calendar_view_dup_title (f.view);
  g_assert_cmpstr (title, ==, "January 2027");

  /* The timeline: every campaign has a bar there. */
  takt_campaign_calendar_view_set_mode (f.view, TAKT_CAMPAIGN_CALENDAR_TIMELINE);
  takt_campaign_calendar_view_go_to (f.view, takt_document_get_plan (f.document)->horizon_start);
  test_spin (50);
  for (guint i = 0; i < takt_document_get_plan (f.document)->campaigns->len; i++)
    {
      g_autoptr(GArray) rects = takt_campaign_calendar_view_get_bar_rects (f.view, (int) i);

      g_assert_cmpuint (rects->len, ==, 1);
    }

  /* "Today" goes to the month of the day given as today. */
  takt_campaign_calendar_view_set_mode (f.view, TAKT_CAMPAIGN_CALENDAR_MONTH);
  takt_campaign_calendar_view_set_today (f.view, takt_days_from_civil (2027, 3, 15) * TAKT_DAY_S);
  takt_campaign_calendar_view_go_to_today (f.view);
  g_clear_pointer (&title, g_free);
  title = takt_campaign_calendar_view_dup_title (f.view);
  g_assert_cmpstr (title, ==, "March 2027");

  fixture_tear_down (&f);
}

/* The figures while dragging start from those on screen.  Here the screen
 * shows a plan made by pushing (the file's schedule, kept), so the quick
 * plan the preview compares with has other late orders. */
static void
test_preview_starts_from_screen (void)
{
  g_autoptr(GFile) sample = g_file_new_for_uri (TAKT_SAMPLE_PLAN_URI);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "takt-calendar-pushed.takt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  const TaktCampaignPreview *preview;
  const TaktPlanStats *shown;
  TaktPlannerOptions options;
  const char *status;
  Fixture f = { 0 };
  double x, y, tx, ty;
  gsize length;

  /* The sample with slower printing (orders late), pushed. */
  g_assert_true (g_file_load_contents (sample, NULL, &contents, &length, NULL, &error));
  plan = takt_plan_load_from_data (contents, length, "sample", &error);
  g_assert_no_error (error);
  for (guint p = 0; p < plan->products->len; p++)
    {
      TaktStep *step = g_ptr_array_index (((TaktProduct *) g_ptr_array_index (plan->products, p))->routing, 0);

      step->cycle_s = step->cycle_s * 3 / 2;
    }
  g_clear_pointer (&plan->schedule, takt_schedule_free);
  takt_planner_options_init (&options, plan);
  options.strategy = TAKT_STRATEGY_ASAP;
  options.time_limit_ms = 0;
  plan->schedule = takt_planner_run (plan, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (takt_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);

  fixture_set_up_full (&f, file, TRUE);
  shown = takt_document_get_stats (f.document);
  g_assert_nonnull (shown);

  bar_middle (&f, campaign_index (&f, "xmas-social"), &x, &y);
  point_days_later (&f, x, y, 2, &tx, &ty);
  g_assert_true (takt_campaign_calendar_view_drag_begin (f.view, x, y));
  takt_campaign_calendar_view_drag_update (f.view, tx, ty);
  wait_for_preview (&f);
  preview = takt_campaign_calendar_view_get_preview (f.view);
  g_assert_nonnull (preview->baseline);
  status = takt_campaigns_page_get_status_text (f.page);
  g_test_message ("on screen %lld late orders, the quick plan %lld, with the move %lld: %s",
                  (long long) shown->late_orders, (long long) preview->baseline->late_orders,
                  (long long) preview->stats->late_orders, status);
  /* The case this test is about. */
  g_assert_cmpint (shown->late_orders, !=, preview->baseline->late_orders);
  expected = g_strdup_printf ("late orders %lld → %lld", (long long) shown->late_orders,
                              (long long) MAX (shown->late_orders + preview->stats->late_orders -
                                               preview->baseline->late_orders, 0));
  g_assert_nonnull (strstr (status, expected));

  takt_campaign_calendar_view_drag_cancel (f.view);
  fixture_tear_down (&f);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  test_init_gui (&argc, &argv);

  g_test_add_func ("/campaign-calendar/drag-move", test_drag_move);
  g_test_add_func ("/campaign-calendar/drag-edges", test_drag_edges);
  g_test_add_func ("/campaign-calendar/drag-back-is-no-edit", test_drag_back_is_no_edit);
  g_test_add_func ("/campaign-calendar/keys", test_keys);
  g_test_add_func ("/campaign-calendar/readiness-flips", test_readiness_flips);
  g_test_add_func ("/campaign-calendar/views", test_views);
  g_test_add_func ("/campaign-calendar/preview-starts-from-screen", test_preview_starts_from_screen);

  return g_test_run ();
}
