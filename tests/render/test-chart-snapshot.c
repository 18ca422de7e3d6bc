/* test-chart-snapshot.c — every chart and the campaign calendar of a plan as PNG
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * chart-snapshot [PLAN.takt] [OUTDIR] [WIDTH] [HEIGHT]
 *
 * Plans the document with each strategy (construction only, so the pictures
 * do not change from run to run), then writes each chart — from the JIT
 * plan — and the strategy comparison, in the light and the dark style, to
 * look at them.  Without a plan it uses the sample plan.
 */

#define G_LOG_DOMAIN "chart-snapshot"

#include <locale.h>
#include <stdlib.h>

#include "takt-campaign-calendar.h"
#include "takt-chart-views.h"
#include "takt-planner.h"
#include "takt-time.h"
#include "test-chart-fixture.h"

static void
write_png (const char *dir,
           const char *name,
           gboolean    dark,
           int         width,
           int         height,
           TaktChart  *chart,
           TaktCampaignCalendar *cal)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  TaktChartRect rect = { 0, 0, width, height };
  TaktGanttTheme theme;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, dark ? "dark" : "light");
  g_autofree char *path = g_build_filename (dir, file, NULL);

  if (dark)
    takt_gantt_theme_init_dark (&theme);
  else
    takt_gantt_theme_init_light (&theme);
  if (chart != NULL)
    takt_chart_draw (chart, cr, &rect, &theme, 1);
  else
    takt_campaign_calendar_draw (cal, cr, &rect, &theme, 1);
  if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
    g_printerr ("%s: could not be written\n", path);
  else
    g_print ("%s\n", path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktSchedule) schedule = NULL;
  g_autoptr(TaktChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  TaktPlanStats *stats[TAKT_N_STRATEGIES] = { NULL };
  const char *dir = argc > 2 ? argv[2] : ".";
  int width = argc > 3 ? atoi (argv[3]) : 800;
  int height = argc > 4 ? atoi (argv[4]) : 360;

  setlocale (LC_ALL, "");
  if (argc > 1)
    {
      plan = takt_plan_load_from_file (argv[1], &error);
      if (plan == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  else if ((plan = fixture_load_sample ()) == NULL)
    {
      g_printerr ("usage: %s [PLAN.takt] [OUTDIR] [WIDTH] [HEIGHT]\n", argv[0]);
      return 2;
    }
  for (int s = TAKT_N_STRATEGIES - 1; s >= 0; s--)
    {
      TaktPlannerOptions options;

      takt_planner_options_init (&options, plan);
      options.strategy = (TaktStrategy) s;
      options.time_limit_ms = 0;
      g_clear_pointer (&schedule, takt_schedule_free);
      schedule = takt_planner_run (plan, &options, &stats[s], &error);
      if (schedule == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  data = takt_chart_data_new (plan, schedule, stats[TAKT_STRATEGY_JIT]);

  for (int dark = 0; dark < 2; dark++)
    {
      struct { const char *name; TaktChart *chart; } charts[] = {
        { "chart-daily-cost", takt_chart_new_daily_cost (data) },
        { "chart-cumulative", takt_chart_new_cumulative (data, -1) },
        { "chart-stock", takt_chart_new_stock (data) },
        { "chart-utilisation", takt_chart_new_utilisation (data) },
        { "chart-line-balance", takt_chart_new_line_balance (data) },
        { "chart-demand", takt_chart_new_demand_by_source (data) },
        { "chart-campaign-demand", takt_chart_new_campaign_demand (data) },
        { "chart-strategies", takt_chart_new_strategy_comparison ((const TaktPlanStats * const *) stats,
                                                                   plan->currency) },
      };
      g_autoptr(TaktCampaignCalendar) cal = takt_campaign_calendar_new (plan);
      gint64 year;
      int month, day;

      for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
        {
          write_png (dir, charts[i].name, dark, width, height, charts[i].chart, NULL);
          takt_chart_free (charts[i].chart);
        }
      takt_campaign_calendar_set_readiness (cal, data);
      takt_civil_from_days (takt_day_start (plan->horizon_start + 7 * TAKT_DAY_S) / TAKT_DAY_S, &year, &month, &day);
      takt_campaign_calendar_set_month (cal, (int) year, month);
      write_png (dir, "calendar-month", dark, width, height * 3 / 2, NULL, cal);
      takt_campaign_calendar_set_mode (cal, TAKT_CAMPAIGN_CALENDAR_TIMELINE);
      write_png (dir, "calendar-timeline", dark, width, height, NULL, cal);
    }
  for (int s = 0; s < TAKT_N_STRATEGIES; s++)
    takt_plan_stats_free (stats[s]);
  return 0;
}
