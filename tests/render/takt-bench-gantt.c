/* takt-bench-gantt.c — how long one frame of the schedule chart takes
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws 1920×1080 frames onto an image surface at three zooms (the whole
 * horizon, a week, a day), scrolling between frames, and prints the mean
 * and median wall-clock time per frame, and the mean CPU time of the thread
 * (which other processes on a shared machine disturb less).  The target is
 * 8 ms per frame with 100,000 runs.
 *
 * The S, M and L plans of the benchmark generator are planned first (the
 * planner's construction, no search) and drawn the same way.
 *
 *   takt-bench-gantt [--frames N] [--stations S] [--machines M] [--runs R]
 *                    [--zoom horizon|week|day] [--only NAME] [--synthetic-only]
 */

#define G_LOG_DOMAIN "takt-bench-gantt"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gantt-fixture.h"
#include "takt-gantt-renderer.h"
#include "takt-planner.h"
#ifdef TAKT_HAVE_GENERATOR
#include "takt-generator.h"
#endif

#define WIDTH  1920
#define HEIGHT 1080

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
double_compare (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static void
bench_zoom (const char        *plan_name,
            TaktGanttLayout   *layout,
            const TaktPlan    *plan,
            const char        *zoom_name,
            double             days,
            int                frames,
            cairo_t           *cr,
            double            *mean_out)
{
  TaktGanttViewport vp;
  TaktGanttState state;
  gint64 range_start, range_end;
  double content_h, total = 0, cpu_total = 0;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  takt_gantt_viewport_init (&vp, WIDTH, HEIGHT, FALSE);
  vp.lane_height = takt_gantt_layout_preferred_lane_height (layout, &vp);
  takt_gantt_viewport_fit (&vp, layout);
  if (days > 0)
    vp.seconds_per_px = days * 86400.0 / (WIDTH - vp.header_width);
  takt_gantt_layout_get_time_range (layout, &range_start, &range_end);
  content_h = takt_gantt_layout_get_content_height (layout, &vp);
  takt_gantt_state_init (&state);
  state.selected_run = 0;
  state.hover_run = 1;

  /* Two frames to warm the font caches, then the measured ones. */
  for (int i = -2; i < frames; i++)
    {
      gint64 t0, t1;
      double ms, cpu0, cpu1;
      int k = MAX (i, 0);

      /* Scroll through the rows and along the time span. */
      vp.y_offset = fmod (k * 523.0, MAX (content_h - (HEIGHT - takt_gantt_viewport_chart_top (&vp)), 1));
      if (days > 0)
        vp.t0 = (double) range_start +
                fmod (k * 0.37 * days * 86400.0, MAX ((double) (range_end - range_start) - days * 86400.0, 1));

      cpu0 = thread_cpu_ms ();
      t0 = g_get_monotonic_time ();
      takt_gantt_draw (cr, layout, &vp, &state);
      cairo_surface_flush (cairo_get_target (cr));
      t1 = g_get_monotonic_time ();
      cpu1 = thread_cpu_ms ();
      if (i < 0)
        continue;
      ms = (t1 - t0) / 1000.0;
      total += ms;
      cpu_total += cpu1 - cpu0;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, double_compare);
  g_print ("%-24s %-8s mean %6.2f ms  median %6.2f ms  cpu %6.2f ms  (%d frames, %.0f s/px)\n",
           plan_name, zoom_name, total / frames, g_array_index (times, double, times->len / 2),
           cpu_total / frames, frames, vp.seconds_per_px);
  if (mean_out != NULL)
    *mean_out = cpu_total / frames;
}

static const char *only_zoom = NULL;
static const char *only_plan = NULL;

static double
bench_plan (const char         *name,
            const TaktPlan     *plan,
            const TaktSchedule *schedule,
            int                 frames,
            cairo_t            *cr)
{
  static const struct { const char *name; double days; } zooms[] = {
    { "horizon", 0 }, { "week", 7 }, { "day", 1 },
  };
  g_autoptr(TaktGanttLayout) layout = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double worst_mean = 0;

  if (only_plan != NULL && strstr (name, only_plan) == NULL)
    return 0;
  layout = takt_gantt_layout_new (plan, schedule);
  g_print ("%-24s layout   %6.2f ms  (%u runs, %u rows)\n", name,
           (g_get_monotonic_time () - t0) / 1000.0,
           schedule != NULL ? schedule->runs->len : 0,
           takt_gantt_layout_get_n_rows (layout));
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double mean;

      if (only_zoom != NULL && !g_str_equal (only_zoom, zooms[z].name))
        continue;
      bench_zoom (name, layout, plan, zooms[z].name, zooms[z].days, frames, cr, &mean);
      worst_mean = MAX (worst_mean, mean);
    }
  return worst_mean;
}

int
main (int   argc,
      char *argv[])
{
  int frames = 40;
  guint stations = 20, machines = 10, runs = 500;
  cairo_surface_t *surface;
  cairo_t *cr;
  TaktPlan *plan;
  double worst;
  char name[64];

  gboolean synthetic_only = FALSE;

  for (int i = 1; i < argc; i++)
    {
      int value = i + 1 < argc ? MAX (atoi (argv[i + 1]), 1) : 1;

      if (g_str_equal (argv[i], "--frames"))
        frames = value;
      else if (g_str_equal (argv[i], "--stations"))
        stations = (guint) value;
      else if (g_str_equal (argv[i], "--machines"))
        machines = (guint) value;
      else if (g_str_equal (argv[i], "--runs"))
        runs = (guint) value;
      else if (g_str_equal (argv[i], "--zoom") && i + 1 < argc)
        only_zoom = argv[i + 1];
      else if (g_str_equal (argv[i], "--only") && i + 1 < argc)
        only_plan = argv[i + 1];
      else if (g_str_equal (argv[i], "--synthetic-only"))
        {
          synthetic_only = TRUE;
          continue;
        }
      else
        continue;
      i++;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);

  if (!synthetic_only)
    {
      plan = fixture_print_farm ();
      bench_plan ("print farm (fixture)", plan, plan->schedule, frames, cr);
      fixture_plan_free (plan);
#ifdef TAKT_HAVE_GENERATOR
      for (TaktGeneratorSize size = TAKT_GENERATOR_S; size <= TAKT_GENERATOR_L; size++)
        {
          g_autoptr(GError) error = NULL;
          TaktPlannerOptions options;
          TaktPlan *generated = takt_generator_make (size, 1);
          TaktSchedule *schedule;
          gint64 t0 = g_get_monotonic_time ();

          takt_planner_options_init (&options, generated);
          options.time_limit_ms = 0;
          schedule = takt_planner_run (generated, &options, NULL, &error);
          g_snprintf (name, sizeof name, "generated %s", takt_generator_size_to_string (size));
          if (schedule == NULL)
            g_print ("%-24s not planned: %s\n", name, error->message);
          else
            {
              g_print ("%-24s planned  %6.0f ms\n", name, (g_get_monotonic_time () - t0) / 1000.0);
              bench_plan (name, generated, schedule, frames, cr);
              takt_schedule_free (schedule);
            }
          takt_plan_free (generated);
        }
#endif
    }

  plan = fixture_synthetic (stations, machines, runs);
  g_snprintf (name, sizeof name, "synthetic %ux%ux%u", stations, machines, runs);
  worst = bench_plan (name, plan, plan->schedule, frames, cr);
  fixture_plan_free (plan);

  g_print ("slowest zoom with %u runs: %.2f ms CPU per frame (target 8 ms): %s\n",
           stations * machines * runs, worst, worst <= 8.0 ? "ok" : "TOO SLOW");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
