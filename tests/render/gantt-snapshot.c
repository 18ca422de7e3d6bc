/* gantt-snapshot.c — renders the fixture plans' chart to PNG files to look at
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gantt-snapshot OUT.png [--dark] [--width W] [--height H] [--scale S]
 *                  [--days D] [--from YYYY-MM-DDTHH:MM] [--select N]
 *                  [--hover N] [--drag N:ROW:YYYY-MM-DDTHH:MM[:invalid]]
 *                  [--synthetic] [--scroll PX] [--plan FILE.takt]
 *
 * An OUT ending in .pdf is a vector page (no pixel snapping, DejaVu Sans).
 *
 * With --plan the file is loaded and planned (the planner's construction,
 * no search) and its statistics mark the late runs.
 */

#define G_LOG_DOMAIN "gantt-snapshot"

#include <cairo-pdf.h>
#include <stdlib.h>

#include "gantt-fixture.h"
#include "takt-gantt-renderer.h"
#include "takt-planner.h"

int
main (int   argc,
      char *argv[])
{
  gboolean dark = FALSE;
  gboolean synthetic = FALSE;
  int width = 1600;
  int height = 900;
  double scale = 1;
  double days = 0;
  double scroll = 0;
  const char *from = NULL;
  const char *drag = NULL;
  const char *out = NULL;
  const char *plan_file = NULL;
  TaktSchedule *schedule = NULL;
  TaktPlanStats *stats = NULL;
  int select = -1;
  int hover = -1;
  TaktPlan *plan;
  g_autoptr(TaktGanttLayout) layout = NULL;
  TaktGanttViewport vp;
  TaktGanttState state;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_auto(GStrv) parts = NULL;

  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];

      if (g_str_equal (a, "--dark"))
        dark = TRUE;
      else if (g_str_equal (a, "--synthetic"))
        synthetic = TRUE;
      else if (g_str_equal (a, "--width") && i + 1 < argc)
        width = atoi (argv[++i]);
      else if (g_str_equal (a, "--height") && i + 1 < argc)
        height = atoi (argv[++i]);
      else if (g_str_equal (a, "--scale") && i + 1 < argc)
        scale = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (a, "--days") && i + 1 < argc)
        days = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (a, "--scroll") && i + 1 < argc)
        scroll = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (a, "--from") && i + 1 < argc)
        from = argv[++i];
      else if (g_str_equal (a, "--select") && i + 1 < argc)
        select = atoi (argv[++i]);
      else if (g_str_equal (a, "--hover") && i + 1 < argc)
        hover = atoi (argv[++i]);
      else if (g_str_equal (a, "--drag") && i + 1 < argc)
        drag = argv[++i];
      else if (g_str_equal (a, "--plan") && i + 1 < argc)
        plan_file = argv[++i];
      else
        out = a;
    }
  if (out == NULL)
    {
      g_printerr ("usage: gantt-snapshot OUT.png [options]\n");
      return 2;
    }

  if (plan_file != NULL)
    {
      g_autoptr(GError) error = NULL;
      TaktPlannerOptions options;

      plan = takt_plan_load_from_file (plan_file, &error);
      if (plan == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      takt_planner_options_init (&options, plan);
      options.time_limit_ms = 0;
      schedule = takt_planner_run (plan, &options, &stats, &error);
      if (schedule == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      layout = takt_gantt_layout_new (plan, schedule);
      takt_gantt_layout_set_stats (layout, stats);
    }
  else
    {
      plan = synthetic ? fixture_synthetic (20, 10, 500) : fixture_print_farm ();
      layout = takt_gantt_layout_new (plan, plan->schedule);
    }
  takt_gantt_viewport_init (&vp, width, height, dark);
  vp.scale = scale;
  vp.lane_height = takt_gantt_layout_preferred_lane_height (layout, &vp);
  takt_gantt_viewport_fit (&vp, layout);
  if (days > 0)
    vp.seconds_per_px = days * 86400 / (width - vp.header_width);
  if (from != NULL)
    vp.t0 = (double) fixture_time (from);
  vp.y_offset = scroll;

  takt_gantt_state_init (&state);
  state.selected_run = select;
  state.hover_run = hover;
  if (drag != NULL)
    {
      parts = g_strsplit (drag, ",", 4);
      if (g_strv_length (parts) >= 3)
        {
          state.drag_active = TRUE;
          state.drag_run = atoi (parts[0]);
          state.drag_step = 0;
          state.drag_row = atoi (parts[1]);
          state.drag_start = fixture_time (parts[2]);
          state.drag_valid = parts[3] == NULL;
          state.drag_reason = parts[3];
        }
    }

  if (g_str_has_suffix (out, ".pdf"))
    {
      surface = cairo_pdf_surface_create (out, width, height);
      vp.scale = 0;
      vp.theme.font_family = "DejaVu Sans";
      cr = cairo_create (surface);
      takt_gantt_draw (cr, layout, &vp, &state);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
    }
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      cr = cairo_create (surface);
      takt_gantt_draw (cr, layout, &vp, &state);
      cairo_destroy (cr);
      cairo_surface_write_to_png (surface, out);
    }
  cairo_surface_destroy (surface);
  g_clear_pointer (&layout, takt_gantt_layout_free);
  if (plan_file != NULL)
    {
      takt_plan_stats_free (stats);
      takt_schedule_free (schedule);
      takt_plan_free (plan);
    }
  else
    fixture_plan_free (plan);
  return 0;
}
