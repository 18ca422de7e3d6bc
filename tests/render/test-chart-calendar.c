/* test-chart-calendar.c — the campaign calendar: cells, bars, hit tests, marks
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-chart"

#include <locale.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <string.h>

#include "takt-campaign-calendar.h"
#include "takt-money.h"
#include "takt-time.h"
#include "test-chart-fixture.h"

#define W 700.0
#define H 520.0

static gint64
date (int y,
      int m,
      int d)
{
  return takt_days_from_civil (y, m, d) * TAKT_DAY_S;
}

static const char plan_json[] =
  "{ \"format\": \"takt-plan\", \"version\": 1, \"currency\": \"EUR\",\n"
  "  \"horizon\": { \"start\": \"2026-12-07T00:00\", \"days\": 14 },\n"
  "  \"stations\": [ { \"id\": \"s\" } ],\n"
  "  \"products\": [ { \"id\": \"p\", \"routing\": [ { \"station\": \"s\", \"cycle_s\": 600 } ] } ],\n"
  "  \"campaigns\": [\n"
  "    { \"id\": \"mail\", \"name\": \"Mailing\", \"channel\": \"email\", \"start\": \"2026-12-08\",\n"
  "      \"end\": \"2026-12-09\", \"spend\": 100, \"impressions\": 10000, \"conversion_per_mille\": 0.5,\n"
  "      \"products\": [ { \"product\": \"p\", \"share\": 1 } ] },\n"
  "    { \"id\": \"push\", \"name\": \"Weekend push\", \"channel\": \"social\", \"start\": \"2026-12-12\",\n"
  "      \"end\": \"2026-12-15\", \"spend\": 1500, \"impressions\": 250000, \"conversion_per_mille\": 0.8,\n"
  "      \"lag_days\": 1, \"shape\": \"launch\", \"products\": [ { \"product\": \"p\", \"share\": 1 } ] } ] }\n";

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  TaktGanttTheme   theme;
} Canvas;

static void
draw (TaktCampaignCalendar *cal,
      Canvas               *c,
      gboolean              dark)
{
  TaktChartRect r = { 0, 0, W, H };

  if (c->surface == NULL)
    {
      c->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) W, (int) H);
      c->cr = cairo_create (c->surface);
    }
  if (dark)
    takt_gantt_theme_init_dark (&c->theme);
  else
    takt_gantt_theme_init_light (&c->theme);
  takt_campaign_calendar_draw (cal, c->cr, &r, &c->theme, 1);
  cairo_surface_flush (c->surface);
}

static void
canvas_clear (Canvas *c)
{
  cairo_destroy (c->cr);
  cairo_surface_destroy (c->surface);
}

static guint32
pixel (Canvas *c,
       double  x,
       double  y)
{
  const guint8 *data = cairo_image_surface_get_data (c->surface);
  int stride = cairo_image_surface_get_stride (c->surface);

  return *(const guint32 *) (data + (int) floor (y) * stride + (int) floor (x) * 4) & 0xffffff;
}

static guint32
rgb (const TaktGanttColor *color)
{
  return ((guint32) lround (color->red * 255) << 16) | ((guint32) lround (color->green * 255) << 8) |
         (guint32) lround (color->blue * 255);
}

static void
test_month_grid_cells (void)
{
  g_autoptr(TaktPlan) plan = fixture_load (plan_json);
  g_autoptr(TaktCampaignCalendar) cal = takt_campaign_calendar_new (plan);
  Canvas c = { 0 };
  TaktChartRect cell, first, next;
  TaktCampaignHit hit;
  gint64 from, to;

  takt_campaign_calendar_set_month (cal, 2026, 12);
  draw (cal, &c, FALSE);

  /* Weeks from Monday: December 2026 shows 30 Nov – 3 Jan, five rows. */
  takt_campaign_calendar_get_range (cal, &from, &to);
  g_assert_cmpint (from, ==, date (2026, 11, 30));
  g_assert_cmpint (to, ==, date (2027, 1, 4));

  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 11, 30), &first));
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 1), &next));
  g_assert_cmpfloat_with_epsilon (next.x, first.x + first.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (first.width * 7, W - 16, 1e-6);
  /* 9 Dec, a Wednesday: second row, third column. */
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 9), &cell));
  g_assert_cmpfloat_with_epsilon (cell.x, first.x + 2 * first.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell.y, first.y + first.height, 1e-9);
  g_assert_false (takt_campaign_calendar_get_day_rect (cal, date (2027, 1, 4), &cell));

  /* The day under a point, anywhere in its cell. */
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 24), &cell));
  takt_campaign_calendar_hit_test (cal, cell.x + cell.width - 2, cell.y + cell.height - 2, &hit);
  g_assert_cmpint (hit.date, ==, date (2026, 12, 24));
  g_assert_cmpint (hit.campaign, ==, -1);
  takt_campaign_calendar_hit_test (cal, cell.x + 1, cell.y + 1, &hit);
  g_assert_cmpint (hit.date, ==, date (2026, 12, 24));

  /* Weeks from Sunday: 29 Nov – 2 Jan; 9 Dec in the fourth column. */
  takt_campaign_calendar_set_week_start (cal, 6);
  draw (cal, &c, FALSE);
  takt_campaign_calendar_get_range (cal, &from, &to);
  g_assert_cmpint (from, ==, date (2026, 11, 29));
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 11, 29), &first));
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 9), &cell));
  g_assert_cmpfloat_with_epsilon (cell.x, first.x + 3 * first.width, 1e-9);
  canvas_clear (&c);
}

static void
test_month_grid_bars (void)
{
  g_autoptr(TaktPlan) plan = fixture_load (plan_json);
  g_autoptr(TaktCampaignCalendar) cal = takt_campaign_calendar_new (plan);
  g_autoptr(GArray) mail = NULL;
  g_autoptr(GArray) push = NULL;
  TaktChartRect d8, d9, d12, d15, *r;
  TaktCampaignHit hit;
  TaktGanttColor email;
  Canvas c = { 0 };

  takt_campaign_calendar_set_month (cal, 2026, 12);
  draw (cal, &c, FALSE);
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 8), &d8));
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 9), &d9));
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 12), &d12));
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 15), &d15));

  /* Mailing, 8–9 Dec: one bar over the two cells. */
  mail = takt_campaign_calendar_get_bar_rects (cal, 0);
  g_assert_cmpuint (mail->len, ==, 1);
  r = &g_array_index (mail, TaktChartRect, 0);
  g_assert_cmpfloat (r->x, >=, d8.x);
  g_assert_cmpfloat (r->x, <, d8.x + 4);
  g_assert_cmpfloat (r->x + r->width, >, d9.x + d9.width - 4);
  g_assert_cmpfloat (r->x + r->width, <=, d9.x + d9.width);
  g_assert_cmpfloat (r->y, >, d8.y);
  g_assert_cmpfloat (r->y + r->height, <, d8.y + d8.height);
  /* Drawn in the email channel's colour (the bar's lower edge, under the text). */
  takt_gantt_channel_color (TAKT_CHANNEL_EMAIL, &email);
  g_assert_cmphex (pixel (&c, r->x + r->width / 2, r->y + r->height - 2), ==, rgb (&email));

  /* Hits: the body, each edge's grip, and beside the bar. */
  takt_campaign_calendar_hit_test (cal, r->x + r->width / 2, r->y + r->height / 2, &hit);
  g_assert_cmpint (hit.campaign, ==, 0);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_BODY);
  g_assert_cmpint (hit.date, ==, r->x + r->width / 2 < d9.x ? date (2026, 12, 8) : date (2026, 12, 9));
  takt_campaign_calendar_hit_test (cal, r->x + 2, r->y + r->height / 2, &hit);
  g_assert_cmpint (hit.campaign, ==, 0);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_START_EDGE);
  g_assert_cmpint (hit.date, ==, date (2026, 12, 8));
  takt_campaign_calendar_hit_test (cal, r->x + r->width - 2, r->y + r->height / 2, &hit);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_END_EDGE);
  g_assert_cmpint (hit.date, ==, date (2026, 12, 9));
  g_assert_false (takt_campaign_calendar_hit_test (cal, r->x + r->width / 2, r->y + r->height + 4, &hit));
  g_assert_cmpint (hit.campaign, ==, -1);

  /* Weekend push, Sat 12 – Tue 15 Dec: wraps into two pieces; only the
   * first has the start grip and only the last the end grip. */
  push = takt_campaign_calendar_get_bar_rects (cal, 1);
  g_assert_cmpuint (push->len, ==, 2);
  r = &g_array_index (push, TaktChartRect, 0);
  g_assert_cmpfloat (r->x, <, d12.x + 4);
  g_assert_cmpfloat (r->y, >, d12.y);
  g_assert_cmpfloat (r->y, <, d12.y + d12.height);
  takt_campaign_calendar_hit_test (cal, r->x + r->width - 2, r->y + r->height / 2, &hit);
  g_assert_cmpint (hit.campaign, ==, 1);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_BODY);
  g_assert_cmpint (hit.date, ==, date (2026, 12, 13));
  r = &g_array_index (push, TaktChartRect, 1);
  g_assert_cmpfloat (r->y, >, d15.y);
  g_assert_cmpfloat (r->x + r->width, >, d15.x + d15.width - 4);
  takt_campaign_calendar_hit_test (cal, r->x + 2, r->y + r->height / 2, &hit);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_BODY);
  g_assert_cmpint (hit.date, ==, date (2026, 12, 14));
  takt_campaign_calendar_hit_test (cal, r->x + r->width - 2, r->y + r->height / 2, &hit);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_END_EDGE);
  g_assert_cmpint (hit.date, ==, date (2026, 12, 15));

  /* Dragging it three days later: the ghost is not hit, its place stays. */
  takt_campaign_calendar_set_preview (cal, 1, date (2026, 12, 15), date (2026, 12, 18));
  draw (cal, &c, FALSE);
  {
    g_autoptr(GArray) again = takt_campaign_calendar_get_bar_rects (cal, 1);

    g_assert_cmpuint (again->len, ==, 2);
  }
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 17), &d15));
  takt_campaign_calendar_hit_test (cal, d15.x + d15.width / 2, d15.y + d15.height - 3, &hit);
  g_assert_cmpint (hit.date, ==, date (2026, 12, 17));
  canvas_clear (&c);
}

/* The natural height leaves room for the busiest week's bars, and the
 * timeline's lanes; a drawing that tall hides no campaign. */
static void
test_natural_height (void)
{
  g_autoptr(TaktPlan) plan = fixture_load_sample ();
  g_autoptr(TaktCampaignCalendar) cal = NULL;
  TaktGanttTheme theme;
  double month_h, timeline_h;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (plan == NULL)
    {
      g_test_skip ("the sample plan is not found (TAKT_SOURCE_ROOT)");
      return;
    }
  takt_gantt_theme_init_light (&theme);
  cal = takt_campaign_calendar_new (plan);
  takt_campaign_calendar_set_month (cal, 2026, 12);
  month_h = takt_campaign_calendar_get_natural_height (cal, 640, &theme);
  takt_campaign_calendar_set_mode (cal, TAKT_CAMPAIGN_CALENDAR_TIMELINE);
  timeline_h = takt_campaign_calendar_get_natural_height (cal, 640, &theme);
  g_test_message ("natural heights at 640 px: month %.0f, timeline %.0f", month_h, timeline_h);
  g_assert_cmpfloat (month_h, >, 200);
  g_assert_cmpfloat (month_h, <, 1000);
  g_assert_cmpfloat (timeline_h, >, 100);
  g_assert_cmpfloat (timeline_h, <, month_h);

  /* Drawn at those heights, every campaign of the view has its bar. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, (int) month_h);
  cr = cairo_create (surface);
  for (int mode = 0; mode < 2; mode++)
    {
      TaktChartRect r = { 0, 0, 640, mode == 0 ? month_h : timeline_h };

      takt_campaign_calendar_set_mode (cal, (TaktCampaignCalendarMode) mode);
      takt_campaign_calendar_draw (cal, cr, &r, &theme, 1);
      for (guint c = 0; c < plan->campaigns->len; c++)
        {
          const TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, c);
          g_autoptr(GArray) bars = takt_campaign_calendar_get_bar_rects (cal, (int) c);
          gint64 from, to;

          takt_campaign_calendar_get_range (cal, &from, &to);
          if (campaign->end < from || campaign->start >= to)
            continue;
          g_assert_cmpuint (bars->len, >=, 1);
          for (guint k = 0; k < bars->len; k++)
            g_assert_cmpfloat (g_array_index (bars, TaktChartRect, k).y +
                               g_array_index (bars, TaktChartRect, k).height, <=, r.height);
        }
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_timeline (void)
{
  g_autoptr(TaktPlan) plan = fixture_load (plan_json);
  g_autoptr(TaktCampaignCalendar) cal = takt_campaign_calendar_new (plan);
  g_autoptr(GArray) bars = NULL;
  TaktChartRect d7, d8, *r;
  TaktCampaignHit hit;
  Canvas c = { 0 };
  gint64 from, to;

  takt_campaign_calendar_set_mode (cal, TAKT_CAMPAIGN_CALENDAR_TIMELINE);
  /* From a Thursday: the timeline starts on that week's Monday. */
  takt_campaign_calendar_set_timeline (cal, date (2026, 12, 10), 3);
  draw (cal, &c, TRUE);
  takt_campaign_calendar_get_range (cal, &from, &to);
  g_assert_cmpint (from, ==, date (2026, 12, 7));
  g_assert_cmpint (to, ==, date (2026, 12, 28));

  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 7), &d7));
  g_assert_true (takt_campaign_calendar_get_day_rect (cal, date (2026, 12, 8), &d8));
  g_assert_cmpfloat_with_epsilon (d8.x - d7.x, d7.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (d7.width * 21, d7.width * 21, 1e-9);

  bars = takt_campaign_calendar_get_bar_rects (cal, 1);
  g_assert_cmpuint (bars->len, ==, 1);
  r = &g_array_index (bars, TaktChartRect, 0);
  /* 12–15 Dec: five days after the 7th, four days long. */
  g_assert_cmpfloat_with_epsilon (r->x, d7.x + 5 * d7.width + 1, 1e-6);
  g_assert_cmpfloat_with_epsilon (r->width, 4 * d7.width - 2, 1e-6);
  takt_campaign_calendar_hit_test (cal, d7.x + 6.5 * d7.width, r->y + r->height / 2, &hit);
  g_assert_cmpint (hit.campaign, ==, 1);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_BODY);
  g_assert_cmpint (hit.date, ==, date (2026, 12, 13));
  g_assert_cmpint (hit.channel, ==, TAKT_CHANNEL_SOCIAL);

  /* The email lane is another one. */
  g_array_unref (bars);
  bars = takt_campaign_calendar_get_bar_rects (cal, 0);
  g_assert_cmpuint (bars->len, ==, 1);
  r = &g_array_index (bars, TaktChartRect, 0);
  takt_campaign_calendar_hit_test (cal, r->x + r->width - 1, r->y + r->height / 2, &hit);
  g_assert_cmpint (hit.campaign, ==, 0);
  g_assert_cmpint (hit.part, ==, TAKT_CAMPAIGN_PART_END_EDGE);
  g_assert_cmpint (hit.channel, ==, TAKT_CHANNEL_EMAIL);

  /* Navigation: half the span forwards, and to a date. */
  takt_campaign_calendar_step (cal, 1);
  takt_campaign_calendar_get_range (cal, &from, NULL);
  g_assert_cmpint (from, ==, date (2026, 12, 14));
  takt_campaign_calendar_go_to (cal, date (2027, 2, 3));
  takt_campaign_calendar_get_range (cal, &from, NULL);
  g_assert_cmpint (from, ==, date (2027, 2, 1));
  canvas_clear (&c);
}

static gboolean
rects_overlap (const TaktChartRect *a,
               const TaktChartRect *b)
{
  /* Touching edges are not an overlap. */
  return a->x < b->x + b->width - 0.5 && b->x < a->x + a->width - 0.5 &&
         a->y < b->y + b->height - 0.5 && b->y < a->y + a->height - 0.5;
}

/* The timeline's header: the title, the note on the thin lines and the
 * week and day labels never overlap, at any width, with the title shown
 * (the PDF report) or not (the app, which shows it in its toolbar). */
static void
test_timeline_header (void)
{
  g_autoptr(TaktPlan) plan = fixture_load_sample ();
  g_autoptr(TaktCampaignCalendar) cal = NULL;
  TaktGanttTheme theme;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint drawings = 0, with_note = 0, own_line = 0;

  if (plan == NULL)
    plan = fixture_load (plan_json);
  takt_gantt_theme_init_light (&theme);
  cal = takt_campaign_calendar_new (plan);
  takt_campaign_calendar_set_mode (cal, TAKT_CAMPAIGN_CALENDAR_TIMELINE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 400);
  cr = cairo_create (surface);

  for (int show_title = 0; show_title < 2; show_title++)
    for (guint weeks = 2; weeks <= 8; weeks += 3)
      for (double width = 240; width <= 1600; width += 16)
        {
          TaktChartRect r = { 0, 0, width, 400 };
          g_autoptr(GArray) texts = NULL;
          TaktChartRect note, first_day;

          takt_campaign_calendar_set_show_title (cal, show_title);
          takt_campaign_calendar_set_timeline (cal, plan->horizon_start, weeks);
          takt_campaign_calendar_draw (cal, cr, &r, &theme, 1);
          drawings++;
          texts = takt_campaign_calendar_get_header_text_rects (cal);
          g_assert_cmpuint (texts->len, >=, 1);
          for (guint i = 0; i < texts->len; i++)
            {
              const TaktChartRect *a = &g_array_index (texts, TaktChartRect, i);

              if (a->x < 0 || a->x + a->width > width + 0.5)
                g_error ("at %.0f px, %u weeks, title %s: text %u (%.1f, %.1f, %.1f × %.1f) runs out of "
                         "the drawing", width, weeks, show_title ? "shown" : "hidden",
                         i, a->x, a->y, a->width, a->height);
              for (guint j = i + 1; j < texts->len; j++)
                {
                  const TaktChartRect *b = &g_array_index (texts, TaktChartRect, j);

                  if (rects_overlap (a, b))
                    g_error ("at %.0f px, %u weeks, title %s: text %u (%.1f, %.1f, %.1f × %.1f) overlaps "
                             "text %u (%.1f, %.1f, %.1f × %.1f)", width, weeks, show_title ? "shown" : "hidden",
                             i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
                }
            }
          if (!takt_campaign_calendar_get_note_rect (cal, &note))
            {
              /* Left out only when it cannot fit at all. */
              g_assert_cmpfloat (width, <, 320);
              continue;
            }
          with_note++;
          /* Above the lanes, inside the drawing. */
          g_assert_cmpfloat (note.x, >=, 0);
          g_assert_cmpfloat (note.x + note.width, <=, width);
          g_assert_true (takt_campaign_calendar_get_day_rect (cal, takt_day_start (plan->horizon_start), &first_day));
          g_assert_cmpfloat (note.y + note.height, <=, first_day.y);
          if (!show_title || (texts->len > 1 && g_array_index (texts, TaktChartRect, 0).y + 0.5 < note.y))
            own_line++;
        }
  g_test_message ("%u drawings, the note in %u, on a line of its own in %u", drawings, with_note, own_line);
  g_assert_cmpuint (with_note, >, drawings / 2);
  g_assert_cmpuint (own_line, >, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Money reads as everywhere else in Takt (takt_money_format(): the
 * Campaigns page, the Costs page and the report use it too). */
static void
test_money (void)
{
  g_autoptr(TaktPlan) plan = fixture_load (plan_json);
  g_autoptr(TaktCampaignCalendar) cal = takt_campaign_calendar_new (plan);
  g_autofree char *text = takt_campaign_calendar_describe (cal, 1);
  g_autofree char *spend = takt_money_format (1500, "EUR", 2);
  g_autofree char *cpm = takt_money_format (6, "EUR", 2);

  g_test_message ("%s", text);
  g_assert_cmpstr (spend, ==, "€1,500.00");
  g_assert_nonnull (strstr (text, "Spend €1,500.00 · 250,000 impressions"));
  g_assert_nonnull (strstr (text, "Cost per mille €6.00"));
  g_assert_null (strstr (text, "1500"));
  g_assert_null (strstr (text, "0 €"));
  g_assert_null (strstr (text, "0\u00a0€"));
}

/* Launch readiness: ready when every unit is made by its due day. */
static void
test_readiness (void)
{
  g_autoptr(TaktPlan) plan = fixture_tiny ();
  g_autoptr(TaktSchedule) partial = fixture_tiny_schedule (plan);
  g_autoptr(TaktSchedule) full = fixture_schedule (plan);
  g_autoptr(TaktChartData) at_risk = takt_chart_data_new (plan, partial, NULL);
  g_autoptr(TaktChartData) ready = takt_chart_data_new (plan, full, NULL);
  g_autoptr(TaktCampaignCalendar) cal = takt_campaign_calendar_new (plan);
  g_autoptr(GArray) bars = NULL;
  g_autofree char *risk_text = NULL;
  g_autofree char *ready_text = NULL;
  g_autofree char *unknown_text = NULL;
  TaktChartRect *r;
  Canvas c = { 0 };
  guint32 mark;
  double radius, cx, cy;

  /* The hand schedule leaves the campaign's 5 units unmade. */
  g_assert_cmpint (at_risk->campaign_late[0], ==, 5);
  g_assert_false (takt_chart_data_campaign_ready (at_risk, 0));
  /* The simple planner makes them all in time. */
  g_test_message ("simple planner: %" G_GINT64_FORMAT " late, %" G_GINT64_FORMAT " unmet",
                  ready->late_units, ready->unmet_units);
  g_assert_cmpint (ready->campaign_late[0], ==, 0);
  g_assert_true (takt_chart_data_campaign_ready (ready, 0));

  unknown_text = takt_campaign_calendar_describe (cal, 0);
  g_assert_nonnull (strstr (unknown_text, "Not planned yet"));
  g_assert_nonnull (strstr (unknown_text, "5 units expected"));
  g_assert_nonnull (strstr (unknown_text, "Cost per mille €10.00"));
  g_assert_nonnull (strstr (unknown_text, "0.050 units per EUR"));

  takt_campaign_calendar_set_month (cal, 2026, 12);
  takt_campaign_calendar_set_readiness (cal, at_risk);
  risk_text = takt_campaign_calendar_describe (cal, 0);
  g_assert_nonnull (strstr (risk_text, "At risk: 5 of 5 units late"));
  draw (cal, &c, FALSE);
  bars = takt_campaign_calendar_get_bar_rects (cal, 0);
  g_assert_cmpuint (bars->len, ==, 1);
  r = &g_array_index (bars, TaktChartRect, 0);
  /* The mark sits at the bar's end: its ring's left side is red. */
  radius = r->height / 2 - 2.5;
  cx = r->x + r->width - 3 - radius;
  cy = r->y + r->height / 2;
  mark = pixel (&c, cx - radius * 0.7, cy);
  g_assert_cmphex (mark, ==, 0xe01b24);

  takt_campaign_calendar_set_readiness (cal, ready);
  ready_text = takt_campaign_calendar_describe (cal, 0);
  g_assert_nonnull (strstr (ready_text, "Ready"));
  draw (cal, &c, FALSE);
  mark = pixel (&c, cx - radius * 0.7, cy);
  g_assert_cmphex (mark, ==, 0x26a269);
  canvas_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaign-calendar/month/cells", test_month_grid_cells);
  g_test_add_func ("/campaign-calendar/month/bars", test_month_grid_bars);
  g_test_add_func ("/campaign-calendar/timeline", test_timeline);
  g_test_add_func ("/campaign-calendar/timeline-header", test_timeline_header);
  g_test_add_func ("/campaign-calendar/natural-height", test_natural_height);
  g_test_add_func ("/campaign-calendar/readiness", test_readiness);
  g_test_add_func ("/campaign-calendar/money", test_money);
  rc = g_test_run ();
  fixture_release_fonts ();
  return rc;
}
