/* test-gantt.c — the schedule chart: pixels, hit testing, axis units
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small known plan is drawn onto image surfaces at three zooms; the test
 * computes where things must be from the viewport and checks the pixels
 * there: a bar's colour inside its time span and the background outside,
 * non-working shading on a closed day, the red of a late run, the pin
 * glyph, a conflict, a drag ghost.
 */

#define G_LOG_DOMAIN "test-gantt"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "gantt-fixture.h"
#include "takt-gantt-private.h"
#include "takt-gantt-renderer.h"

#define WIDTH  1200
#define HEIGHT 420

/* ---- the known plan ----
 *
 * One station "Print" with two machines, open 06:00–22:00 on weekdays,
 * closed at weekends and on Wednesday 2026-12-09.  Runs (machine: setup,
 * start, end):
 *   R0 Alpha  m1  Mon 12-07 06:00, 06:30, 12:00   pinned, covers SO-1 (due 12-08 00:00)
 *   R1 Bravo  m1  Mon 12-07 13:00, 13:15, 20:00   covers SO-2 (due 12-07 18:00): late
 *   R2 Alpha  m1  Tue 12-08 06:00, 06:10, 09:00
 *   R3 Bravo  m2  Thu 12-10 08:00, 08:20, 15:00
 *   R4 Bravo  m2  Fri 12-11 08:00, 08:00, 14:00   } overlap 12:00–14:00
 *   R5 Alpha  m2  Fri 12-11 12:00, 12:00, 18:00   }
 */

static const TaktGanttColor alpha_color = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 };
static const TaktGanttColor bravo_color = { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0, 1 };

static TaktPlan *
known_plan (void)
{
  TaktPlan *plan = fixture_plan_new ("Known", fixture_time ("2026-12-07T00:00"), 7);
  TaktCalendar *calendar = fixture_calendar_new (6 * 3600, 22 * 3600, 0, 0);
  int station, alpha, bravo;
  TaktRun *run;

  fixture_calendar_close (calendar, fixture_time ("2026-12-09T00:00"));
  station = fixture_add_station (plan, "print", "Print", 2, calendar, "#3584e4");
  alpha = fixture_add_product (plan, "alpha", "Alpha", "#3584e4");
  bravo = fixture_add_product (plan, "bravo", "Bravo", "#ff7800");
  fixture_add_order (plan, "SO-1", alpha, 10, fixture_time ("2026-12-08T00:00"));
  fixture_add_order (plan, "SO-2", bravo, 5, fixture_time ("2026-12-07T18:00"));
  fixture_add_campaign (plan, "mail", "Mailing", TAKT_CHANNEL_EMAIL,
                        fixture_time ("2026-12-08T00:00"), fixture_time ("2026-12-09T00:00"));

  run = fixture_add_run (plan, alpha, 10, TRUE);
  fixture_run_add_step (run, station, 1, fixture_time ("2026-12-07T06:00"),
                        fixture_time ("2026-12-07T06:30"), fixture_time ("2026-12-07T12:00"));
  fixture_run_add_cover (run, "SO-1", 10);
  run = fixture_add_run (plan, bravo, 5, FALSE);
  fixture_run_add_step (run, station, 1, fixture_time ("2026-12-07T13:00"),
                        fixture_time ("2026-12-07T13:15"), fixture_time ("2026-12-07T20:00"));
  fixture_run_add_cover (run, "SO-2", 5);
  run = fixture_add_run (plan, alpha, 4, FALSE);
  fixture_run_add_step (run, station, 1, fixture_time ("2026-12-08T06:00"),
                        fixture_time ("2026-12-08T06:10"), fixture_time ("2026-12-08T09:00"));
  run = fixture_add_run (plan, bravo, 8, FALSE);
  fixture_run_add_step (run, station, 2, fixture_time ("2026-12-10T08:00"),
                        fixture_time ("2026-12-10T08:20"), fixture_time ("2026-12-10T15:00"));
  run = fixture_add_run (plan, bravo, 6, FALSE);
  fixture_run_add_step (run, station, 2, fixture_time ("2026-12-11T08:00"),
                        fixture_time ("2026-12-11T08:00"), fixture_time ("2026-12-11T14:00"));
  run = fixture_add_run (plan, alpha, 6, FALSE);
  fixture_run_add_step (run, station, 2, fixture_time ("2026-12-11T12:00"),
                        fixture_time ("2026-12-11T12:00"), fixture_time ("2026-12-11T18:00"));
  return plan;
}

/* ---- pixels ---- */

typedef struct
{
  int red;
  int green;
  int blue;
} Rgb;

static Rgb
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  double sx = 1, sy = 1;
  int px, py, stride;
  guint32 value;
  const guint8 *data;
  Rgb rgb;

  cairo_surface_flush (surface);
  cairo_surface_get_device_scale (surface, &sx, &sy);
  /* A sample must lie in the drawing (a test that looks off-screen is wrong). */
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface) / sx);
  px = (int) floor (x * sx);
  py = (int) floor (y * sy);
  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  memcpy (&value, data + py * stride + px * 4, sizeof value);
  /* Everything under the chart is opaque, so no unpremultiplying. */
  g_assert_cmpuint (value >> 24, ==, 0xff);
  rgb.red = (value >> 16) & 0xff;
  rgb.green = (value >> 8) & 0xff;
  rgb.blue = value & 0xff;
  return rgb;
}

static Rgb
rgb_of (const TaktGanttColor *c)
{
  Rgb rgb = { (int) round (c->red * 255), (int) round (c->green * 255), (int) round (c->blue * 255) };

  return rgb;
}

/* @over with its alpha laid on opaque @under. */
static Rgb
blend (const TaktGanttColor *over,
       const TaktGanttColor *under)
{
  TaktGanttColor c;

  c.red = over->red * over->alpha + under->red * (1 - over->alpha);
  c.green = over->green * over->alpha + under->green * (1 - over->alpha);
  c.blue = over->blue * over->alpha + under->blue * (1 - over->alpha);
  c.alpha = 1;
  return rgb_of (&c);
}

static gboolean
rgb_near (Rgb a,
          Rgb b,
          int tolerance)
{
  return ABS (a.red - b.red) <= tolerance && ABS (a.green - b.green) <= tolerance &&
         ABS (a.blue - b.blue) <= tolerance;
}

#define assert_pixel(surface, x, y, expected, tolerance) \
  G_STMT_START { \
    Rgb got_ = pixel_at ((surface), (x), (y)); \
    Rgb want_ = (expected); \
    if (!rgb_near (got_, want_, (tolerance))) \
      g_error ("pixel at (%.1f, %.1f) is #%02x%02x%02x, expected #%02x%02x%02x (+/-%d)", \
               (double) (x), (double) (y), got_.red, got_.green, got_.blue, \
               want_.red, want_.green, want_.blue, (tolerance)); \
  } G_STMT_END

static gboolean
is_reddish (Rgb c)
{
  return c.red > 180 && c.green < 90 && c.blue < 90;
}

/* ---- a drawn frame ---- */

typedef struct
{
  TaktPlan          *plan;
  TaktGanttLayout   *layout;
  TaktGanttViewport  vp;
  TaktGanttState     state;
  cairo_surface_t   *surface;
} Frame;

static void
frame_init (Frame    *f,
            double    seconds_per_px,
            gboolean  dark)
{
  f->plan = known_plan ();
  f->layout = takt_gantt_layout_new (f->plan, f->plan->schedule);
  takt_gantt_viewport_init (&f->vp, WIDTH, HEIGHT, dark);
  f->vp.theme.font_family = "DejaVu Sans";
  f->vp.lane_height = takt_gantt_layout_preferred_lane_height (f->layout, &f->vp);
  f->vp.seconds_per_px = seconds_per_px;
  takt_gantt_state_init (&f->state);
  f->surface = NULL;
}

/* Scrolls so that @t is 300 px into the chart. */
static void
frame_show (Frame  *f,
            gint64  t)
{
  f->vp.t0 = (double) t - 300 * f->vp.seconds_per_px;
}

static void
frame_draw (Frame *f)
{
  cairo_t *cr;

  g_clear_pointer (&f->surface, cairo_surface_destroy);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (WIDTH * f->vp.scale),
                                           (int) (HEIGHT * f->vp.scale));
  cairo_surface_set_device_scale (f->surface, f->vp.scale, f->vp.scale);
  cr = cairo_create (f->surface);
  takt_gantt_draw (cr, f->layout, &f->vp, &f->state);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

static void
frame_clear (Frame *f)
{
  g_clear_pointer (&f->surface, cairo_surface_destroy);
  g_clear_pointer (&f->layout, takt_gantt_layout_free);
  g_clear_pointer (&f->plan, fixture_plan_free);
}

/* The vertical middle of a machine row, and the top of its bars. */
static double
row_middle (Frame *f,
            int    machine)
{
  int row = takt_gantt_layout_find_row (f->layout, 0, machine);

  g_assert_cmpint (row, >=, 0);
  return takt_gantt_layout_row_y (f->layout, &f->vp, (guint) row) + f->vp.row_height / 2;
}

static double
x_of (Frame      *f,
      const char *iso)
{
  return takt_gantt_viewport_x_for_time (&f->vp, fixture_time (iso));
}

/* Whether @x is within 2 px of a tick line of the grid at this zoom. */
static gboolean
near_tick (Frame  *f,
           double  x)
{
  TaktGanttAxisScale scale;
  gint64 t = (gint64) floor (takt_gantt_viewport_time_at_x (&f->vp, x));
  gint64 a, b;

  takt_gantt_axis_choose (f->vp.seconds_per_px, f->vp.theme.font_size, &scale);
  a = takt_gantt_unit_floor (t, scale.minor_unit, scale.minor_step);
  b = takt_gantt_unit_next (a, scale.minor_unit, scale.minor_step);
  return fabs (takt_gantt_viewport_x_for_time (&f->vp, a) - x) < 2 ||
         fabs (takt_gantt_viewport_x_for_time (&f->vp, b) - x) < 2;
}

static const double zooms[] = {
  60,      /* a minute a pixel: the day shift spans 960 px */
  600,     /* ten minutes a pixel: a day is 144 px */
  4000,    /* a day is 21.6 px: runs of a few hours are thin bars */
};

/* ---- tests ---- */

static void
test_bar_colour_and_background (void)
{
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      Frame f;
      double x, y, w, h;
      double bg_x;
      Rgb background;

      frame_init (&f, zooms[z], FALSE);
      frame_show (&f, fixture_time ("2026-12-07T12:00"));
      frame_draw (&f);
      background = rgb_of (&f.vp.theme.background);
      g_test_message ("zoom %.0f s/px", zooms[z]);

      /* R0 (Alpha): its colour in the middle of its work, at the bar's top
       * edge (above the label and the pin). */
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 0, 0, &x, &y, &w, &h));
      g_assert_cmpfloat_with_epsilon (x, x_of (&f, "2026-12-07T06:00"), 1e-9);
      g_assert_cmpfloat_with_epsilon (x + w, x_of (&f, "2026-12-07T12:00"), 1e-9);
      assert_pixel (f.surface, (x_of (&f, "2026-12-07T06:30") + x + w) / 2, y + 1.5, rgb_of (&alpha_color), 2);

      /* R1 (Bravo) likewise. */
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 1, 0, &x, &y, &w, &h));
      assert_pixel (f.surface, x + w * 0.4, y + 1.5, rgb_of (&bravo_color), 2);

      /* Outside any span: machine 2 on Monday morning (open, no run). */
      bg_x = x_of (&f, "2026-12-07T10:30");
      g_assert_false (near_tick (&f, bg_x));
      assert_pixel (f.surface, bg_x, row_middle (&f, 2), background, 1);

      /* Machine 1 between R1 (ends 20:00) and the close at 22:00. */
      if (zooms[z] <= 600)
        {
          bg_x = x_of (&f, "2026-12-07T21:10");
          g_assert_false (near_tick (&f, bg_x));
          assert_pixel (f.surface, bg_x, row_middle (&f, 1), background, 1);
        }
      frame_clear (&f);
    }
}

static void
test_non_working_shade (void)
{
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      for (int dark = 0; dark < 2; dark++)
        {
          Frame f;
          double x;
          Rgb shade;

          frame_init (&f, zooms[z], dark);
          frame_show (&f, fixture_time ("2026-12-09T02:00"));
          frame_draw (&f);
          shade = blend (&f.vp.theme.non_working, &f.vp.theme.background);

          /* Wednesday 2026-12-09 is closed: shaded on both machines. */
          x = x_of (&f, "2026-12-09T09:30");
          g_assert_false (near_tick (&f, x));
          assert_pixel (f.surface, x, row_middle (&f, 2), shade, 1);
          assert_pixel (f.surface, x, row_middle (&f, 1), shade, 1);

          /* Tuesday 21:30 is open: no shade. */
          x = x_of (&f, "2026-12-08T21:30");
          g_assert_false (near_tick (&f, x));
          assert_pixel (f.surface, x, row_middle (&f, 2), rgb_of (&f.vp.theme.background), 1);

          /* Saturday is closed; so is a weekday night. */
          x = x_of (&f, "2026-12-12T13:30");
          if (x < WIDTH)
            assert_pixel (f.surface, x, row_middle (&f, 2), shade, 1);
          if (zooms[z] <= 600)
            {
              x = x_of (&f, "2026-12-08T23:30");
              g_assert_false (near_tick (&f, x));
              assert_pixel (f.surface, x, row_middle (&f, 2), shade, 1);
            }
          frame_clear (&f);
        }
    }
}

static void
test_late_marker (void)
{
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      Frame f;
      double x, y, w, h;
      Rgb late;

      frame_init (&f, zooms[z], FALSE);
      frame_show (&f, fixture_time ("2026-12-07T12:00"));
      frame_draw (&f);
      late = rgb_of (&f.vp.theme.late);

      g_assert_true (takt_gantt_layout_run_is_late (f.layout, 1));
      g_assert_false (takt_gantt_layout_run_is_late (f.layout, 0));

      /* R1 is late: a red line under it and a red end. */
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 1, 0, &x, &y, &w, &h));
      assert_pixel (f.surface, x + w / 2, y + h + 2, late, 2);
      if (w >= TAKT_GANTT_THIN_PX)
        g_assert_true (is_reddish (pixel_at (f.surface, x + w - 2.5, y + h / 2)));

      /* R0 is on time: nothing red under it. */
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 0, 0, &x, &y, &w, &h));
      g_assert_false (is_reddish (pixel_at (f.surface, x + w / 2, y + h + 2)));

      /* Its order's due marker in the top lane is red, SO-1's is not. */
      {
        TaktTopLaneGeometry g;
        double mx = x_of (&f, "2026-12-07T18:00");
        double my;

        takt_gantt_top_lane_geometry (f.layout, &f.vp, &g);
        my = g.marker_top + 2;
        g_assert_true (takt_gantt_layout_order_is_late (f.layout, 1));
        g_assert_false (takt_gantt_layout_order_is_late (f.layout, 0));
        assert_pixel (f.surface, mx, my, late, 40);
        if (x_of (&f, "2026-12-08T00:00") < WIDTH)
          g_assert_false (is_reddish (pixel_at (f.surface, x_of (&f, "2026-12-08T00:00"), my)));
      }
      frame_clear (&f);
    }
}

static void
test_pin_glyph (void)
{
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      Frame f;
      double x, y, w, h, cx, cy;
      guint8 none[6] = { 0 };
      Rgb ink = { 255, 255, 255 };   /* on Alpha's blue the ink is white */

      frame_init (&f, zooms[z], FALSE);
      frame_show (&f, fixture_time ("2026-12-07T12:00"));
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 0, 0, &x, &y, &w, &h));
      cy = y + h / 2 - MIN (h, f.vp.theme.font_size) * 0.18;
      if (w >= TAKT_GANTT_WIDE_PX)
        /* Before the label, after the setup. */
        cx = x_of (&f, "2026-12-07T06:30") + 4 + MIN (h, f.vp.theme.font_size) * 0.3;
      else
        /* Centred on a bar too small for a label. */
        cx = x + w / 2;

      frame_draw (&f);
      if (w >= 12)
        assert_pixel (f.surface, cx, cy, ink, 30);
      else
        assert_pixel (f.surface, x + w / 2, y + h / 2, rgb_of (&alpha_color), 2);

      /* Unpinned (the state overrides the runs' flags): no glyph. */
      f.state.pinned = none;
      frame_draw (&f);
      if (w < TAKT_GANTT_WIDE_PX)
        assert_pixel (f.surface, cx, cy, rgb_of (&alpha_color), 2);
      frame_clear (&f);
    }
}

static void
test_conflict (void)
{
  for (guint z = 0; z < 2; z++)
    {
      Frame f;
      double y, h, x;
      Rgb conflict;
      const TaktGanttRowData *row;

      frame_init (&f, zooms[z], FALSE);
      frame_show (&f, fixture_time ("2026-12-11T12:00"));
      frame_draw (&f);
      conflict = rgb_of (&f.vp.theme.conflict);

      row = &f.layout->rows[takt_gantt_layout_find_row (f.layout, 0, 2)];
      g_assert_cmpuint (row->overlaps->len, ==, 1);
      g_assert_cmpint (g_array_index (row->overlaps, TaktGanttSpan, 0).begin, ==, fixture_time ("2026-12-11T12:00"));
      g_assert_cmpint (g_array_index (row->overlaps, TaktGanttSpan, 0).end, ==, fixture_time ("2026-12-11T14:00"));

      /* The overlap is framed in the conflict colour just above the bars;
       * the part of R4 alone is not. */
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 4, 0, NULL, &y, NULL, &h));
      x = x_of (&f, "2026-12-11T13:00");
      assert_pixel (f.surface, x, y - 2, conflict, 2);
      x = x_of (&f, "2026-12-11T10:30");
      g_assert_false (near_tick (&f, x));
      assert_pixel (f.surface, x, y - 2, rgb_of (&f.vp.theme.background), 1);
      frame_clear (&f);
    }
}

static void
test_drag_ghost (void)
{
  Frame f;
  double x, y, w, h, ghost_x;
  int target;

  frame_init (&f, 600, FALSE);
  frame_show (&f, fixture_time ("2026-12-10T12:00"));
  target = takt_gantt_layout_find_row (f.layout, 0, 1);
  f.state.drag_active = TRUE;
  f.state.drag_run = 3;
  f.state.drag_step = 0;
  f.state.drag_row = target;
  f.state.drag_start = fixture_time ("2026-12-10T10:20");
  f.state.drag_valid = TRUE;
  frame_draw (&f);

  /* The ghost: Bravo at 60 % over the background on machine 1, two hours
   * later; the original fades to 40 %. */
  g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 3, 0, &x, &y, &w, &h));
  ghost_x = x_of (&f, "2026-12-10T13:00");
  {
    TaktGanttColor ghost = bravo_color;
    TaktGanttColor faded = f.vp.theme.background;

    ghost.alpha = 0.6;
    faded.alpha = 0.6;
    assert_pixel (f.surface, ghost_x, row_middle (&f, 1) + 2, blend (&ghost, &f.vp.theme.background), 3);
    assert_pixel (f.surface, x + w / 2, y + 2, blend (&faded, &bravo_color), 3);
  }

  /* An invalid drop is edged in red with the reason in a red pill. */
  f.state.drag_valid = FALSE;
  f.state.drag_reason = "Closed";
  frame_draw (&f);
  {
    double pill_y = row_middle (&f, 1) - f.vp.row_height / 2;
    gboolean red = FALSE;

    /* The pill sits above the ghost's row. */
    for (double py = pill_y - 20; py < pill_y && !red; py += 1)
      red = is_reddish (pixel_at (f.surface, x_of (&f, "2026-12-10T10:00") + 4, py));
    g_assert_true (red);
  }
  frame_clear (&f);
}

static void
test_selection_and_dark (void)
{
  Frame f;
  double x, y, w, h;
  Rgb selection;

  frame_init (&f, 60, TRUE);
  frame_show (&f, fixture_time ("2026-12-07T12:00"));
  f.state.selected_run = 1;
  frame_draw (&f);
  selection = rgb_of (&f.vp.theme.selection);

  /* The dark background, and Bravo's bar framed in the selection colour. */
  assert_pixel (f.surface, x_of (&f, "2026-12-07T10:30"), row_middle (&f, 2), rgb_of (&f.vp.theme.background), 1);
  g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 1, 0, &x, &y, &w, &h));
  assert_pixel (f.surface, x + w / 2, y - 3, selection, 40);
  assert_pixel (f.surface, x + w * 0.4, y + 1.5, rgb_of (&bravo_color), 2);
  frame_clear (&f);
}

static void
test_hidpi (void)
{
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      Frame f;
      double x, y, w, h;

      frame_init (&f, zooms[z], FALSE);
      f.vp.scale = 2;
      frame_show (&f, fixture_time ("2026-12-07T12:00"));
      frame_draw (&f);
      g_assert_cmpint (cairo_image_surface_get_width (f.surface), ==, 2 * WIDTH);
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 1, 0, &x, &y, &w, &h));
      assert_pixel (f.surface, x + w * 0.4, y + 1.5, rgb_of (&bravo_color), 2);
      assert_pixel (f.surface, x_of (&f, "2026-12-07T10:30"), row_middle (&f, 2),
                    rgb_of (&f.vp.theme.background), 1);
      frame_clear (&f);
    }
}

/* The chart through a recording surface (as a GTK snapshot records it) must
 * look the same once replayed; a PDF page draws without error. */
static void
test_other_targets (void)
{
  Frame f;
  cairo_surface_t *recording;
  cairo_surface_t *pdf;
  cairo_t *cr;
  double x, y, w, h;
  g_autofree char *path = NULL;
  int fd;

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      frame_init (&f, zooms[z], FALSE);
      frame_show (&f, fixture_time ("2026-12-07T12:00"));
      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (recording);
      takt_gantt_draw (cr, f.layout, &f.vp, &f.state);
      cairo_destroy (cr);
      f.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cr = cairo_create (f.surface);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (recording);
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 1, 0, &x, &y, &w, &h));
      assert_pixel (f.surface, x + w * 0.4, y + 1.5, rgb_of (&bravo_color), 2);
      assert_pixel (f.surface, x + w / 2, y + h + 2, rgb_of (&f.vp.theme.late), 2);

      /* A PDF page: vector boxes for the thin bars, lines for the stripes. */
      fd = g_file_open_tmp ("takt-gantt-XXXXXX.pdf", &path, NULL);
      g_assert_cmpint (fd, >=, 0);
      close (fd);
      pdf = cairo_pdf_surface_create (path, WIDTH, HEIGHT);
      cr = cairo_create (pdf);
      f.vp.scale = 0;
      takt_gantt_draw (cr, f.layout, &f.vp, &f.state);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (pdf);
      g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (pdf);
      g_unlink (path);
      g_clear_pointer (&path, g_free);
      frame_clear (&f);
    }
}

/* A layout rebuilt after an edit takes the text of the old one and draws
 * the same pixels; the old one still draws too. */
static void
test_text_cache (void)
{
  Frame f;
  TaktGanttLayout *rebuilt;
  cairo_surface_t *first;
  double x, y, w, h;

  frame_init (&f, 60, FALSE);
  frame_show (&f, fixture_time ("2026-12-07T12:00"));
  frame_draw (&f);
  first = cairo_surface_reference (f.surface);

  rebuilt = takt_gantt_layout_new (f.plan, f.plan->schedule);
  takt_gantt_layout_take_text_cache (rebuilt, f.layout);
  g_assert_nonnull (rebuilt->labels);
  g_assert_cmpuint (g_hash_table_size (rebuilt->labels), >, 0);
  takt_gantt_layout_free (f.layout);
  f.layout = rebuilt;
  frame_draw (&f);

  /* Same picture, label pixels included. */
  cairo_surface_flush (first);
  cairo_surface_flush (f.surface);
  g_assert_cmpmem (cairo_image_surface_get_data (first),
                   cairo_image_surface_get_stride (first) * HEIGHT,
                   cairo_image_surface_get_data (f.surface),
                   cairo_image_surface_get_stride (f.surface) * HEIGHT);
  g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 1, 0, &x, &y, &w, &h));
  assert_pixel (f.surface, x + w * 0.4, y + 1.5, rgb_of (&bravo_color), 2);
  cairo_surface_destroy (first);
  frame_clear (&f);
}

static void
test_hit (void)
{
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      Frame f;
      TaktGanttHit hit;
      double x, y, w, h;
      int row1, row2;

      frame_init (&f, zooms[z], FALSE);
      frame_show (&f, fixture_time ("2026-12-07T12:00"));
      f.vp.y_offset = 7;   /* scrolled a little: rows move up */
      row1 = takt_gantt_layout_find_row (f.layout, 0, 1);
      row2 = takt_gantt_layout_find_row (f.layout, 0, 2);

      /* On R1's bar. */
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 1, 0, &x, &y, &w, &h));
      g_assert_true (takt_gantt_hit_test (f.layout, &f.vp, x + w / 2, y + h / 2, &hit));
      g_assert_cmpint (hit.area, ==, TAKT_GANTT_AREA_CHART);
      g_assert_cmpint (hit.run, ==, 1);
      g_assert_cmpint (hit.step, ==, 0);
      g_assert_cmpint (hit.row, ==, row1);
      g_assert_true (hit.on_bar);
      g_assert_false (hit.on_setup);
      g_assert_cmpfloat_with_epsilon (hit.time, takt_gantt_viewport_time_at_x (&f.vp, x + w / 2), 1e-6);

      /* On its setup (13:00–13:15) when that is at least a pixel wide. */
      if (zooms[z] <= 600)
        {
          g_assert_true (takt_gantt_hit_test (f.layout, &f.vp, x_of (&f, "2026-12-07T13:00") + 0.5 * 300 / zooms[z],
                                              y + h / 2, &hit));
          g_assert_cmpint (hit.run, ==, 1);
          g_assert_true (hit.on_setup);
        }

      /* The first and last pixel of R0 belong to it at every zoom. */
      g_assert_true (takt_gantt_layout_get_bar_rect (f.layout, &f.vp, 0, 0, &x, &y, &w, &h));
      if (x > f.vp.header_width)
        {
          g_assert_true (takt_gantt_hit_test (f.layout, &f.vp, x + 0.01, y + 1, &hit));
          g_assert_cmpint (hit.run, ==, 0);
        }
      else
        {
          /* Under the sticky header column: the header, not the bar. */
          g_assert_false (takt_gantt_hit_test (f.layout, &f.vp, x + 0.01, y + 1, &hit));
          g_assert_cmpint (hit.area, ==, TAKT_GANTT_AREA_ROW_HEADER);
        }
      g_assert_true (takt_gantt_hit_test (f.layout, &f.vp, x + w - 0.01, y + h - 1, &hit));
      g_assert_cmpint (hit.run, ==, 0);

      /* A gap: machine 2 on Monday morning; and the row's padding above a bar. */
      g_assert_false (takt_gantt_hit_test (f.layout, &f.vp, x_of (&f, "2026-12-07T10:30"), row_middle (&f, 2), &hit));
      g_assert_cmpint (hit.area, ==, TAKT_GANTT_AREA_CHART);
      g_assert_cmpint (hit.row, ==, row2);
      g_assert_cmpint (hit.run, ==, -1);
      g_assert_false (hit.on_bar);
      g_assert_false (takt_gantt_hit_test (f.layout, &f.vp, x + w / 2, y - 2, &hit));
      g_assert_cmpint (hit.row, ==, row1);
      g_assert_cmpint (hit.run, ==, -1);

      /* Far from a thin bar is nothing, near it is the bar. */
      if (w < TAKT_GANTT_THIN_PX)
        {
          g_assert_true (takt_gantt_hit_test (f.layout, &f.vp, x - 1, y + h / 2, &hit));
          g_assert_cmpint (hit.run, ==, 0);
        }
      g_assert_false (takt_gantt_hit_test (f.layout, &f.vp, x - 10, y + h / 2, &hit) && hit.run == 0);

      /* The row header, the axis, the lane's due marker and campaign band. */
      takt_gantt_hit_test (f.layout, &f.vp, 20, row_middle (&f, 2), &hit);
      g_assert_cmpint (hit.area, ==, TAKT_GANTT_AREA_ROW_HEADER);
      g_assert_cmpint (hit.row, ==, row2);
      takt_gantt_hit_test (f.layout, &f.vp, 20, 10, &hit);
      g_assert_cmpint (hit.area, ==, TAKT_GANTT_AREA_CORNER);
      takt_gantt_hit_test (f.layout, &f.vp, 600, 10, &hit);
      g_assert_cmpint (hit.area, ==, TAKT_GANTT_AREA_AXIS);
      {
        TaktTopLaneGeometry g;

        takt_gantt_top_lane_geometry (f.layout, &f.vp, &g);
        takt_gantt_hit_test (f.layout, &f.vp, x_of (&f, "2026-12-07T18:00") + 1, g.marker_top + 3, &hit);
        g_assert_cmpint (hit.area, ==, TAKT_GANTT_AREA_LANE);
        g_assert_cmpint (hit.order, ==, 1);
        /* The mailing runs on Tuesday (off to the right at the first zoom). */
        x = x_of (&f, "2026-12-08T12:00");
        if (x < WIDTH)
          {
            takt_gantt_hit_test (f.layout, &f.vp, x, g.band_top + 2, &hit);
            g_assert_cmpint (hit.campaign, ==, 0);
            g_assert_cmpint (hit.order, ==, -1);
          }
        takt_gantt_hit_test (f.layout, &f.vp, x_of (&f, "2026-12-07T12:00"), g.band_top + 2, &hit);
        g_assert_cmpint (hit.campaign, ==, -1);
      }
      frame_clear (&f);
    }
}

static void
test_conversions (void)
{
  static const double spps[] = { 1.0 / 32, 1.0 / 3, 1, 60, 3600.5, 86400 };
  TaktGanttViewport vp;
  TaktPlan *plan = known_plan ();
  g_autoptr(TaktGanttLayout) layout = takt_gantt_layout_new (plan, plan->schedule);
  double chart_top;

  takt_gantt_viewport_init (&vp, WIDTH, HEIGHT, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (spps); i++)
    {
      gint64 t = fixture_time ("2026-12-08T07:13") + 17;

      vp.seconds_per_px = spps[i];
      vp.t0 = (double) fixture_time ("2026-12-08T07:00") + 0.25;
      for (int k = -3; k <= 3; k++)
        {
          gint64 tk = t + k * 1000;
          double x = takt_gantt_viewport_x_for_time (&vp, tk);

          g_assert_cmpfloat_with_epsilon (takt_gantt_viewport_time_at_x (&vp, x), (double) tk, 1e-5);
        }

      /* Zooming in and out around x keeps the instant under x. */
      {
        double x = 517.25;
        double before = takt_gantt_viewport_time_at_x (&vp, x);

        takt_gantt_viewport_zoom_at (&vp, 1.25, x);
        g_assert_cmpfloat_with_epsilon (takt_gantt_viewport_time_at_x (&vp, x), before, 1e-5);
        takt_gantt_viewport_zoom_at (&vp, 1 / 1.25, x);
        g_assert_cmpfloat_with_epsilon (takt_gantt_viewport_time_at_x (&vp, x), before, 1e-5);
        g_assert_cmpfloat_with_epsilon (vp.seconds_per_px, spps[i], spps[i] * 1e-12);
      }
    }

  /* Rows: every row's top and bottom pixel map back to it, scrolled or not. */
  chart_top = takt_gantt_viewport_chart_top (&vp);
  for (int scroll = 0; scroll < 2; scroll++)
    {
      vp.y_offset = scroll ? 37.5 : 0;
      for (guint r = 0; r < takt_gantt_layout_get_n_rows (layout); r++)
        {
          double y = takt_gantt_layout_row_y (layout, &vp, r);
          double h = takt_gantt_layout_row_height (layout, &vp, r);

          if (y >= chart_top)
            g_assert_cmpint (takt_gantt_layout_row_at_y (layout, &vp, y + 0.01), ==, (int) r);
          if (y + h - 0.01 >= chart_top)
            g_assert_cmpint (takt_gantt_layout_row_at_y (layout, &vp, y + h - 0.01), ==, (int) r);
        }
      g_assert_cmpint (takt_gantt_layout_row_at_y (layout, &vp, chart_top - 0.5), ==, -1);
      g_assert_cmpint (takt_gantt_layout_row_at_y (layout, &vp,
                                                   takt_gantt_layout_row_y (layout, &vp, takt_gantt_layout_get_n_rows (layout)) + 1),
                       ==, -1);
    }

  /* One group row and two machine rows. */
  g_assert_cmpuint (takt_gantt_layout_get_n_rows (layout), ==, 3);
  g_assert_cmpint (takt_gantt_layout_get_row (layout, 0)->kind, ==, TAKT_GANTT_ROW_STATION);
  g_assert_cmpint (takt_gantt_layout_get_row (layout, 2)->kind, ==, TAKT_GANTT_ROW_MACHINE);
  g_assert_cmpint (takt_gantt_layout_get_row (layout, 2)->machine, ==, 2);
  g_assert_cmpint (takt_gantt_layout_find_row (layout, 0, 3), ==, -1);
  g_assert_cmpint (takt_gantt_layout_find_row (layout, 1, 1), ==, -1);
  g_assert_cmpfloat (takt_gantt_layout_get_content_height (layout, &vp), ==, vp.group_height + 2 * vp.row_height);

  g_clear_pointer (&layout, takt_gantt_layout_free);
  fixture_plan_free (plan);
}

static void
test_axis_choice (void)
{
  static const struct
  {
    double        spp;
    TaktGanttUnit minor;
    int           minor_step;
    TaktGanttUnit major;
  } cases[] = {
    { 1, TAKT_GANTT_UNIT_MINUTE, 1, TAKT_GANTT_UNIT_HOUR },
    { 10, TAKT_GANTT_UNIT_MINUTE, 10, TAKT_GANTT_UNIT_HOUR },
    { 60, TAKT_GANTT_UNIT_HOUR, 1, TAKT_GANTT_UNIT_DAY },
    { 600, TAKT_GANTT_UNIT_HOUR, 12, TAKT_GANTT_UNIT_DAY },
    { 3000, TAKT_GANTT_UNIT_DAY, 1, TAKT_GANTT_UNIT_MONTH },
    { 4000, TAKT_GANTT_UNIT_WEEK, 1, TAKT_GANTT_UNIT_MONTH },
    { 40000, TAKT_GANTT_UNIT_MONTH, 1, TAKT_GANTT_UNIT_YEAR },
    { 200000, TAKT_GANTT_UNIT_MONTH, 3, TAKT_GANTT_UNIT_YEAR },
  };
  static const double unit_s[] = { 60, 3600, 86400, 7 * 86400, 28 * 86400, 365 * 86400 };
  TaktGanttAxisScale scale;
  double last_cell_s = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      takt_gantt_axis_choose (cases[i].spp, 13, &scale);
      g_test_message ("%.0f s/px: minor unit %d x %d, major unit %d", cases[i].spp,
                      scale.minor_unit, scale.minor_step, scale.major_unit);
      g_assert_cmpint (scale.minor_unit, ==, cases[i].minor);
      g_assert_cmpint (scale.minor_step, ==, cases[i].minor_step);
      g_assert_cmpint (scale.major_unit, ==, cases[i].major);
    }

  /* Over every zoom: the shortest minor cell holds its label (labels never
   * overlap), the major unit is coarser, and zooming out never picks a
   * finer unit. */
  for (double spp = 0.5; spp < 2e6; spp *= 1.07)
    {
      double cell_s;

      takt_gantt_axis_choose (spp, 13, &scale);
      /* The shortest cell: 28 days for a month, 90 for a quarter (Jan–Mar). */
      cell_s = unit_s[scale.minor_unit] * scale.minor_step;
      if (scale.minor_unit == TAKT_GANTT_UNIT_MONTH && scale.minor_step == 3)
        cell_s = 90 * 86400.0;
      if (!(scale.minor_unit == TAKT_GANTT_UNIT_YEAR))
        g_assert_cmpfloat (cell_s / spp, >=, takt_gantt_axis_min_cell_width (scale.minor_unit, 13));
      g_assert_cmpfloat (unit_s[scale.major_unit] * scale.major_step, >, cell_s);
      g_assert_cmpfloat (cell_s, >=, last_cell_s);
      last_cell_s = cell_s;
    }

  /* A bigger font needs wider cells. */
  takt_gantt_axis_choose (60, 20, &scale);
  g_assert_cmpint (scale.minor_unit, ==, TAKT_GANTT_UNIT_HOUR);
  g_assert_cmpint (scale.minor_step, ==, 2);
}

static void
test_axis_ticks (void)
{
  gint64 t = fixture_time ("2026-12-03T14:37") + 20;   /* a Thursday */

  g_assert_cmpint (takt_gantt_unit_floor (t, TAKT_GANTT_UNIT_MINUTE, 15), ==, fixture_time ("2026-12-03T14:30"));
  g_assert_cmpint (takt_gantt_unit_floor (t, TAKT_GANTT_UNIT_HOUR, 6), ==, fixture_time ("2026-12-03T12:00"));
  g_assert_cmpint (takt_gantt_unit_floor (t, TAKT_GANTT_UNIT_DAY, 1), ==, fixture_time ("2026-12-03T00:00"));
  g_assert_cmpint (takt_gantt_unit_floor (t, TAKT_GANTT_UNIT_WEEK, 1), ==, fixture_time ("2026-11-30T00:00"));
  g_assert_cmpint (takt_gantt_unit_floor (t, TAKT_GANTT_UNIT_MONTH, 1), ==, fixture_time ("2026-12-01T00:00"));
  g_assert_cmpint (takt_gantt_unit_floor (t, TAKT_GANTT_UNIT_MONTH, 3), ==, fixture_time ("2026-10-01T00:00"));
  g_assert_cmpint (takt_gantt_unit_floor (t, TAKT_GANTT_UNIT_YEAR, 1), ==, fixture_time ("2026-01-01T00:00"));
  g_assert_cmpint (takt_gantt_unit_floor (t, TAKT_GANTT_UNIT_YEAR, 10), ==, fixture_time ("2020-01-01T00:00"));

  g_assert_cmpint (takt_gantt_unit_next (fixture_time ("2026-12-01T00:00"), TAKT_GANTT_UNIT_MONTH, 1), ==,
                   fixture_time ("2027-01-01T00:00"));
  g_assert_cmpint (takt_gantt_unit_next (fixture_time ("2026-10-01T00:00"), TAKT_GANTT_UNIT_MONTH, 3), ==,
                   fixture_time ("2027-01-01T00:00"));
  g_assert_cmpint (takt_gantt_unit_next (fixture_time ("2026-11-30T00:00"), TAKT_GANTT_UNIT_WEEK, 1), ==,
                   fixture_time ("2026-12-07T00:00"));
  g_assert_cmpint (takt_gantt_unit_next (fixture_time ("2026-12-03T23:00"), TAKT_GANTT_UNIT_HOUR, 1), ==,
                   fixture_time ("2026-12-04T00:00"));
  /* Before 1970 too (negative naive seconds). */
  g_assert_cmpint (takt_gantt_unit_floor (fixture_time ("1969-12-31T23:59") + 30, TAKT_GANTT_UNIT_MINUTE, 5), ==,
                   fixture_time ("1969-12-31T23:55"));
  g_assert_cmpint (takt_gantt_unit_floor (fixture_time ("1969-07-20T20:17"), TAKT_GANTT_UNIT_MONTH, 1), ==,
                   fixture_time ("1969-07-01T00:00"));
}

static void
test_late_from_stats (void)
{
  TaktPlan *plan = known_plan ();
  g_autoptr(TaktGanttLayout) layout = takt_gantt_layout_new (plan, plan->schedule);
  TaktPlanStats stats = { 0 };
  TaktDemandResult so1 = { (char *) "SO-1", 0, 10, fixture_time ("2026-12-08T00:00"), 0, 0, 0 };
  TaktDemandResult so2 = { (char *) "SO-2", 1, 5, fixture_time ("2026-12-07T18:00"), 0, 0, 0 };

  /* From covers: R1 ends after SO-2 is due. */
  g_assert_true (takt_gantt_layout_run_is_late (layout, 1));
  g_assert_cmpint (takt_gantt_layout_demand_due (layout, "SO-2"), ==, fixture_time ("2026-12-07T18:00"));
  g_assert_cmpint (takt_gantt_layout_demand_due (layout, "forecast:alpha:2026-12-09"), ==,
                   fixture_time ("2026-12-10T00:00"));
  g_assert_cmpint (takt_gantt_layout_demand_due (layout, "campaign:mail:alpha:2026-12-08"), ==,
                   fixture_time ("2026-12-09T00:00"));
  g_assert_cmpint (takt_gantt_layout_demand_due (layout, "nothing"), ==, G_MININT64);

  /* The planner says no unit is late (say, stock covered it): nothing is. */
  stats.demands = g_ptr_array_new ();
  g_ptr_array_add (stats.demands, &so1);
  g_ptr_array_add (stats.demands, &so2);
  so2.finish = fixture_time ("2026-12-07T20:00");
  takt_gantt_layout_set_stats (layout, &stats);
  g_assert_false (takt_gantt_layout_run_is_late (layout, 1));
  g_assert_false (takt_gantt_layout_order_is_late (layout, 1));

  /* Three of SO-2's units are late: R1 and SO-2 are. */
  so2.late_units = 3;
  takt_gantt_layout_set_stats (layout, &stats);
  g_assert_true (takt_gantt_layout_run_is_late (layout, 1));
  g_assert_false (takt_gantt_layout_run_is_late (layout, 0));
  g_assert_true (takt_gantt_layout_order_is_late (layout, 1));
  g_assert_false (takt_gantt_layout_order_is_late (layout, 0));

  /* No stats: back to covers against due times. */
  takt_gantt_layout_set_stats (layout, NULL);
  g_assert_true (takt_gantt_layout_run_is_late (layout, 1));

  g_ptr_array_unref (stats.demands);
  g_clear_pointer (&layout, takt_gantt_layout_free);
  fixture_plan_free (plan);
}

/* The visible-bar search against a plain scan, on rows with overlaps. */
static void
test_visible_search (void)
{
  TaktPlan *plan = fixture_plan_new ("Random", fixture_time ("2027-01-04T00:00"), 30);
  int station, product;
  guint32 seed = 7;
  g_autoptr(TaktGanttLayout) layout = NULL;
  const TaktGanttRowData *row;

  station = fixture_add_station (plan, "s", "S", 1, NULL, NULL);
  product = fixture_add_product (plan, "p", "P", NULL);
  for (int i = 0; i < 400; i++)
    {
      gint64 begin, length;
      TaktRun *run;

      seed = seed * 1103515245 + 12345;
      begin = plan->horizon_start + (gint64) ((seed >> 8) % (30 * 86400));
      seed = seed * 1103515245 + 12345;
      length = 60 + (gint64) ((seed >> 8) % (i % 10 == 0 ? 400000 : 20000));
      run = fixture_add_run (plan, product, 1, FALSE);
      fixture_run_add_step (run, station, 1, begin, begin, begin + length);
    }
  layout = takt_gantt_layout_new (plan, plan->schedule);
  row = &layout->rows[takt_gantt_layout_find_row (layout, station, 1)];
  g_assert_cmpuint (row->bars->len, ==, 400);
  g_assert_cmpuint (row->overlaps->len, >, 0);

  for (gint64 t = plan->horizon_start - 86400; t < plan->horizon_start + 32 * 86400; t += 3001)
    {
      guint first = takt_gantt_row_first_bar_after (row, (double) t);

      /* No bar before the first found reaches past t ... */
      for (guint i = 0; i < first; i++)
        g_assert_cmpint (g_array_index (row->bars, TaktGanttBar, i).end, <=, t);
      /* ... and the first found does (or there is none). */
      if (first < row->bars->len)
        g_assert_cmpint (g_array_index (row->bars, TaktGanttBar, first).max_end, >, t);
    }

  g_clear_pointer (&layout, takt_gantt_layout_free);
  fixture_plan_free (plan);
}

/* Odd input: no schedule, scrolled past every row, the print farm at every
 * zoom from minutes to months, an S-sized plan in both themes. */
static void
test_robustness (void)
{
  TaktPlan *plan = fixture_print_farm ();
  g_autoptr(TaktGanttLayout) empty = takt_gantt_layout_new (plan, NULL);
  g_autoptr(TaktGanttLayout) layout = takt_gantt_layout_new (plan, plan->schedule);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
  cairo_t *cr = cairo_create (surface);
  TaktGanttViewport vp;
  TaktGanttHit hit;

  takt_gantt_viewport_init (&vp, 800, 500, FALSE);
  takt_gantt_viewport_fit (&vp, layout);
  takt_gantt_draw (cr, empty, &vp, NULL);
  g_assert_false (takt_gantt_hit_test (empty, &vp, 400, 300, &hit));

  for (double spp = 1.0 / 60; spp < 86400 * 40; spp *= 2.5)
    {
      vp.seconds_per_px = spp;
      vp.y_offset = spp > 1000 ? 10000 : 0;
      takt_gantt_draw (cr, layout, &vp, NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  takt_gantt_theme_init_dark (&vp.theme);
  takt_gantt_viewport_fit (&vp, layout);
  vp.y_offset = -50;
  takt_gantt_draw (cr, layout, &vp, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_clear_pointer (&empty, takt_gantt_layout_free);
  g_clear_pointer (&layout, takt_gantt_layout_free);
  fixture_plan_free (plan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gantt/bar-colour", test_bar_colour_and_background);
  g_test_add_func ("/gantt/non-working", test_non_working_shade);
  g_test_add_func ("/gantt/late", test_late_marker);
  g_test_add_func ("/gantt/pin", test_pin_glyph);
  g_test_add_func ("/gantt/conflict", test_conflict);
  g_test_add_func ("/gantt/drag-ghost", test_drag_ghost);
  g_test_add_func ("/gantt/selection-dark", test_selection_and_dark);
  g_test_add_func ("/gantt/hidpi", test_hidpi);
  g_test_add_func ("/gantt/targets", test_other_targets);
  g_test_add_func ("/gantt/text-cache", test_text_cache);
  g_test_add_func ("/gantt/hit", test_hit);
  g_test_add_func ("/gantt/conversions", test_conversions);
  g_test_add_func ("/gantt/axis-choice", test_axis_choice);
  g_test_add_func ("/gantt/axis-ticks", test_axis_ticks);
  g_test_add_func ("/gantt/late-from-stats", test_late_from_stats);
  g_test_add_func ("/gantt/visible-search", test_visible_search);
  g_test_add_func ("/gantt/robustness", test_robustness);

  return g_test_run ();
}
