/* test-chart.c — the chart primitives: ticks, pixels, labels, hit testing
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-chart"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <string.h>

#include "takt-chart.h"
#include "takt-money.h"
#include "takt-time.h"
#include "test-chart-fixture.h"

/* ---- pixels ---- */

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  TaktGanttTheme   theme;
} Canvas;

static void
canvas_init (Canvas  *c,
             int      width,
             int      height,
             gboolean dark)
{
  c->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  c->cr = cairo_create (c->surface);
  if (dark)
    takt_gantt_theme_init_dark (&c->theme);
  else
    takt_gantt_theme_init_light (&c->theme);
}

static void
canvas_clear (Canvas *c)
{
  cairo_destroy (c->cr);
  cairo_surface_destroy (c->surface);
}

static void
draw (TaktChart *chart,
      Canvas    *c)
{
  TaktChartRect r = { 0, 0, cairo_image_surface_get_width (c->surface),
                      cairo_image_surface_get_height (c->surface) };

  takt_chart_draw (chart, c->cr, &r, &c->theme, 1);
  cairo_surface_flush (c->surface);
}

/* The pixel at (x, y) as 0xRRGGBB (the surfaces are opaque). */
static guint32
pixel (Canvas *c,
       double  x,
       double  y)
{
  const guint8 *data = cairo_image_surface_get_data (c->surface);
  int stride = cairo_image_surface_get_stride (c->surface);
  int ix = (int) floor (x), iy = (int) floor (y);

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (c->surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (c->surface));
  return *(const guint32 *) (data + iy * stride + ix * 4) & 0xffffff;
}

static guint32
rgb_of (const TaktGanttColor *color)
{
  return ((guint32) lround (color->red * 255) << 16) | ((guint32) lround (color->green * 255) << 8) |
         (guint32) lround (color->blue * 255);
}

static guint32
palette (TaktChartColor which)
{
  TaktGanttColor c;

  takt_chart_color (which, &c);
  return rgb_of (&c);
}

static gboolean
close_to (guint32 a,
          guint32 b,
          int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

/* ---- ticks ---- */

static gboolean
is_nice (double step)
{
  double e = floor (log10 (step) + 1e-9);
  double m = step / pow (10, e);

  return fabs (m - 1) < 1e-6 || fabs (m - 2) < 1e-6 || fabs (m - 5) < 1e-6;
}

static void
test_nice_ticks_known (void)
{
  TaktChartTicks t;

  /* 300 px, 30 px apart: ten intervals at most, so 9.7 a step → 10. */
  takt_chart_nice_ticks (0, 97, 300, 30, &t);
  g_assert_cmpfloat (t.step, ==, 10);
  g_assert_cmpfloat (t.lo, ==, 0);
  g_assert_cmpfloat (t.hi, ==, 100);
  g_assert_cmpint (t.n, ==, 11);
  g_assert_cmpint (t.decimals, ==, 0);

  /* Five intervals at most over [0, 1]: 0.2. */
  takt_chart_nice_ticks (0, 1, 200, 40, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 0.2, 1e-12);
  g_assert_cmpint (t.n, ==, 6);
  g_assert_cmpint (t.decimals, ==, 1);

  /* Eight at most over [0, 12345]: 1543 → 2000, up to 14000. */
  takt_chart_nice_ticks (0, 12345, 400, 50, &t);
  g_assert_cmpfloat (t.step, ==, 2000);
  g_assert_cmpfloat (t.hi, ==, 14000);
  g_assert_cmpint (t.n, ==, 8);

  /* A negative start is widened to a whole step. */
  takt_chart_nice_ticks (-3, 7, 100, 16, &t);
  g_assert_cmpfloat (t.step, ==, 2);
  g_assert_cmpfloat (t.lo, ==, -4);
  g_assert_cmpfloat (t.hi, ==, 8);

  /* Small values: 0.0012 over 3 intervals → 0.0005. */
  takt_chart_nice_ticks (0, 0.0012, 90, 30, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 0.0005, 1e-15);
  g_assert_cmpint (t.decimals, ==, 4);

  /* Nothing: [0, 1]; a single value: from 0. */
  takt_chart_nice_ticks (0, 0, 200, 40, &t);
  g_assert_cmpfloat (t.lo, ==, 0);
  g_assert_cmpfloat (t.hi, ==, 1);
  takt_chart_nice_ticks (5, 5, 200, 40, &t);
  g_assert_cmpfloat (t.lo, ==, 0);
  g_assert_cmpfloat (t.hi, >=, 5);

  /* Too little room for two intervals: one. */
  takt_chart_nice_ticks (0, 37, 20, 30, &t);
  g_assert_cmpint (t.n, ==, 2);
  g_assert_cmpfloat (t.hi, >=, 37);
}

static void
test_nice_ticks_properties (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (int i = 0; i < 5000; i++)
    {
      double scale = pow (10, g_rand_double_range (rand, -4, 7));
      double a = g_rand_double_range (rand, -1, 1) * scale;
      double b = a + g_rand_double_range (rand, 0.001, 3) * scale;
      double length = g_rand_double_range (rand, 20, 1200);
      double spacing = g_rand_double_range (rand, 12, 80);
      TaktChartTicks t;
      int max_intervals = MAX (1, (int) floor (length / spacing));

      /* A range across zero always gets −step, 0, step. */
      if (max_intervals < 2 && a < 0 && b > 0)
        max_intervals = 2;
      takt_chart_nice_ticks (a, b, length, spacing, &t);
      g_assert_true (is_nice (t.step));
      g_assert_cmpfloat (t.lo, <=, a + 1e-9 * scale);
      g_assert_cmpfloat (t.hi, >=, b - 1e-9 * scale);
      g_assert_cmpint (t.n, >=, 2);
      /* Labels never closer than asked. */
      g_assert_cmpint (t.n - 1, <=, max_intervals);
      g_assert_cmpfloat (fabs (t.lo + (t.n - 1) * t.step - t.hi), <, 1e-6 * t.step);
      /* And the step is the finest that keeps them so: the nice step below
       * it would need more intervals than fit. */
      {
        double e = floor (log10 (t.step) + 1e-9);
        double m = t.step / pow (10, e);
        double finer = m < 1.5 ? 0.5 * pow (10, e) : m < 3.5 ? 1 * pow (10, e) : 2 * pow (10, e);
        double lo = floor (a / finer + 1e-9) * finer;
        double hi = ceil (b / finer - 1e-9) * finer;

        g_assert_cmpint ((int) llround ((hi - lo) / finer), >, max_intervals);
      }
    }
  g_rand_free (rand);
}

static void
test_date_ticks (void)
{
  const double widths[3] = { 40, 40, 60 };
  TaktChartDateTicks t;
  gint64 thu = takt_days_from_civil (2026, 12, 3) * TAKT_DAY_S;
  gint64 tick;
  gint64 year;
  int month, day;

  takt_chart_date_ticks (50, widths, &t);
  g_assert_cmpint (t.unit, ==, TAKT_CHART_DATE_DAY);
  g_assert_cmpint (t.step, ==, 1);
  takt_chart_date_ticks (25, widths, &t);
  g_assert_cmpint (t.unit, ==, TAKT_CHART_DATE_DAY);
  g_assert_cmpint (t.step, ==, 2);
  takt_chart_date_ticks (10, widths, &t);
  g_assert_cmpint (t.unit, ==, TAKT_CHART_DATE_WEEK);
  g_assert_cmpint (t.step, ==, 1);
  takt_chart_date_ticks (4, widths, &t);
  g_assert_cmpint (t.unit, ==, TAKT_CHART_DATE_WEEK);
  g_assert_cmpint (t.step, ==, 2);
  takt_chart_date_ticks (2.5, widths, &t);
  g_assert_cmpint (t.unit, ==, TAKT_CHART_DATE_MONTH);
  g_assert_cmpint (t.step, ==, 1);
  takt_chart_date_ticks (0.4, widths, &t);
  g_assert_cmpint (t.unit, ==, TAKT_CHART_DATE_MONTH);
  g_assert_cmpint (t.step, ==, 6);

  /* Weeks tick on Mondays, months on the 1st. */
  t.unit = TAKT_CHART_DATE_WEEK;
  t.step = 1;
  tick = takt_chart_date_tick_ceil (&t, thu);
  g_assert_cmpint (takt_weekday (tick), ==, 0);
  g_assert_cmpint (tick, ==, takt_days_from_civil (2026, 12, 7) * TAKT_DAY_S);
  g_assert_cmpint (takt_chart_date_tick_next (&t, tick), ==, tick + 7 * TAKT_DAY_S);

  t.unit = TAKT_CHART_DATE_MONTH;
  tick = takt_chart_date_tick_ceil (&t, thu);
  takt_civil_from_days (tick / TAKT_DAY_S, &year, &month, &day);
  g_assert_cmpint (year, ==, 2027);
  g_assert_cmpint (month, ==, 1);
  g_assert_cmpint (day, ==, 1);
  tick = takt_chart_date_tick_next (&t, tick);
  takt_civil_from_days (tick / TAKT_DAY_S, &year, &month, &day);
  g_assert_cmpint (month, ==, 2);
  g_assert_cmpint (day, ==, 1);

  /* A midnight tick is its own ceiling. */
  t.unit = TAKT_CHART_DATE_DAY;
  g_assert_cmpint (takt_chart_date_tick_ceil (&t, thu), ==, thu);
  g_assert_cmpint (takt_chart_date_tick_ceil (&t, thu + 1), ==, thu + TAKT_DAY_S);
}

static void
test_formats (void)
{
  g_autofree char *eur = takt_money_format (1234.5, "EUR", 2);
  g_autofree char *usd = takt_money_format (-12, "USD", 0);
  g_autofree char *chf = takt_money_format (3, "CHF", 1);
  g_autofree char *xyz = takt_money_format (1450, "XYZ", 0);
  g_autofree char *plain = takt_money_format (1450, NULL, 0);
  g_autofree char *tiny = takt_money_format (-0.004, "EUR", 2);
  g_autofree char *gain = takt_money_format_delta (8.5, "EUR", 2);
  g_autofree char *loss = takt_money_format_delta (-120, "EUR", 2);
  g_autofree char *none = takt_money_format_delta (0.001, "EUR", 2);
  g_autofree char *count = takt_chart_format_number (-1234567, 0);
  g_autofree char *min = takt_chart_format_duration (750);
  g_autofree char *hours = takt_chart_format_duration (5 * 3600);
  g_autofree char *date = takt_chart_format_date (takt_days_from_civil (2026, 12, 3) * TAKT_DAY_S,
                                                  TAKT_CHART_DATE_DAY);
  g_autofree char *share = takt_percent_format (0.6423, 1);
  g_autofree char *whole = takt_percent_format (0.67, 0);
  g_autofree char *over = takt_percent_format (12.5, 0);

  /* The C locale: English order, a comma between thousands, U+2212 for
   * minus, a no-break space after a symbol written with letters. */
  g_assert_cmpstr (eur, ==, "€1,234.50");
  g_assert_cmpstr (usd, ==, "−$12");
  g_assert_cmpstr (chf, ==, "CHF\u00a03.0");
  g_assert_cmpstr (xyz, ==, "XYZ\u00a01,450");
  g_assert_cmpstr (plain, ==, "€1,450");
  g_assert_cmpstr (tiny, ==, "€0.00");
  g_assert_cmpstr (gain, ==, "+€8.50");
  g_assert_cmpstr (loss, ==, "−€120.00");
  g_assert_cmpstr (none, ==, "€0.00");
  g_assert_cmpstr (count, ==, "−1,234,567");
  g_assert_cmpstr (min, ==, "12.5 min");
  g_assert_cmpstr (hours, ==, "5.0 h");
  /* "%e %b" without the padding of single-digit days. */
  g_assert_cmpstr (date, ==, "3 Dec");
  /* Percentages as the app's pages write them, charts and report alike. */
  g_assert_cmpstr (share, ==, "64.2%");
  g_assert_cmpstr (whole, ==, "67%");
  g_assert_cmpstr (over, ==, "1,250%");
}

/* Money in German: the locale's grouping and decimal point, and the
 * translation's order, the symbol after the number. */
static void
test_formats_german (void)
{
  const char *build_root = g_getenv ("TAKT_BUILD_ROOT");
  g_autofree char *locale_dir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *saved_all = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *eur = NULL;
  g_autofree char *usd = NULL;
  g_autofree char *chf = NULL;
  g_autofree char *loss = NULL;
  g_autofree char *share = NULL;

  if (build_root == NULL)
    {
      g_test_skip ("TAKT_BUILD_ROOT is not set");
      return;
    }
  locale_dir = g_build_filename (build_root, "po", NULL);
  mo = g_build_filename (locale_dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the German catalogue is not built");
      return;
    }
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  eur = takt_money_format (1234.5, "EUR", 2);
  usd = takt_money_format (-12, "USD", 0);
  chf = takt_money_format (1450, "CHF", 0);
  loss = takt_money_format_delta (-120, "EUR", 2);
  share = takt_percent_format (0.6423, 1);
  g_test_message ("de_DE: %s, %s, %s, %s, %s", eur, usd, chf, loss, share);

  setlocale (LC_ALL, saved_all);
  g_assert_cmpstr (eur, ==, "1.234,50\u00a0€");
  g_assert_cmpstr (usd, ==, "−12\u00a0$");
  g_assert_cmpstr (chf, ==, "1.450\u00a0CHF");
  g_assert_cmpstr (loss, ==, "−120,00\u00a0€");
  g_assert_cmpstr (share, ==, "64,2\u00a0%");
}

/* ---- bars ---- */

static TaktChart *
stacked_abc (void)
{
  const char *names[] = { "Alpha", "Beta", "Gamma" };
  const double s1[] = { 10, 20, 0 };
  const double s2[] = { 5, 0, 30 };
  TaktChart *chart = takt_chart_new (TAKT_CHART_STACKED_BARS);
  TaktGanttColor blue, red;

  takt_chart_color (TAKT_CHART_BLUE, &blue);
  takt_chart_color (TAKT_CHART_RED, &red);
  takt_chart_set_categories (chart, names, 3);
  takt_chart_add_series (chart, "Holding", &blue, s1, 3);
  takt_chart_add_series (chart, "Tardiness", &red, s2, 3);
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_CURRENCY, "EUR", "EUR per day");
  return chart;
}

static void
test_stacked_bar_pixels (void)
{
  g_autoptr(TaktChart) chart = stacked_abc ();
  Canvas c;
  TaktChartRect plot, r;
  TaktChartTicks t;
  double band, y_of_10, y_of_15, y_of_0, cx;

  canvas_init (&c, 480, 320, FALSE);
  draw (chart, &c);

  g_assert_true (takt_chart_get_plot_area (chart, &plot));
  g_assert_true (takt_chart_get_ticks (chart, FALSE, &t));
  g_assert_cmpfloat (t.lo, ==, 0);
  g_assert_cmpfloat (t.hi, >=, 30);

  /* The value axis maps linearly from the plot's bottom (lo) to its top (hi). */
  y_of_0 = plot.y + plot.height;
  y_of_10 = plot.y + plot.height * (t.hi - 10) / (t.hi - t.lo);
  y_of_15 = plot.y + plot.height * (t.hi - 15) / (t.hi - t.lo);
  g_assert_cmpfloat_with_epsilon (takt_chart_value_position (chart, 0, 10), y_of_10, 1e-9);

  /* Bands split the plot evenly; bars are centred in them. */
  band = plot.width / 3;
  for (guint i = 0; i < 3; i++)
    {
      double from, to;

      g_assert_true (takt_chart_get_band (chart, i, &from, &to));
      g_assert_cmpfloat_with_epsilon (from, plot.x + i * band, 1e-9);
      g_assert_cmpfloat_with_epsilon (to, plot.x + (i + 1) * band, 1e-9);
    }

  /* Alpha: Holding 0→10 in blue, Tardiness 10→15 in red above it. */
  g_assert_true (takt_chart_get_bar_rect (chart, 0, 0, &r));
  g_assert_cmpfloat_with_epsilon (r.y, y_of_10, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.y + r.height, y_of_0, 1e-9);
  cx = plot.x + band / 2;
  g_assert_cmpfloat_with_epsilon (r.x + r.width / 2, cx, 1e-9);
  g_assert_true (takt_chart_get_bar_rect (chart, 0, 1, &r));
  g_assert_cmpfloat_with_epsilon (r.y, y_of_15, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.y + r.height, y_of_10, 1e-9);

  g_assert_cmphex (pixel (&c, cx, (y_of_0 + y_of_10) / 2), ==, palette (TAKT_CHART_BLUE));
  g_assert_cmphex (pixel (&c, cx, (y_of_10 + y_of_15) / 2), ==, palette (TAKT_CHART_RED));
  /* Above the stack, and between bars, the background. */
  g_assert_cmphex (pixel (&c, cx, plot.y + plot.height * (t.hi - 17.3) / (t.hi - t.lo)), ==,
                   rgb_of (&c.theme.background));
  g_assert_cmphex (pixel (&c, plot.x + band + 2, plot.y + plot.height * (t.hi - 7.3) / (t.hi - t.lo)), ==,
                   rgb_of (&c.theme.background));

  /* Beta: one blue bar to 20; Gamma: no blue, red to 30. */
  g_assert_true (takt_chart_get_bar_rect (chart, 1, 0, &r));
  g_assert_cmpfloat_with_epsilon (r.y, plot.y + plot.height * (t.hi - 20) / (t.hi - t.lo), 1e-9);
  g_assert_false (takt_chart_get_bar_rect (chart, 2, 0, &r));
  g_assert_cmphex (pixel (&c, plot.x + 2.5 * band, y_of_0 - 3), ==, palette (TAKT_CHART_RED));
  g_assert_cmphex (pixel (&c, plot.x + 2.5 * band,
                          plot.y + plot.height * (t.hi - 29) / (t.hi - t.lo)), ==, palette (TAKT_CHART_RED));

  canvas_clear (&c);
}

static void
test_grouped_secondary (void)
{
  const char *names[] = { "Total", "Holding", "Average stock" };
  const double jit[] = { 100, 40, 12 };
  const double push[] = { 300, 250, 90 };
  g_autoptr(TaktChart) chart = takt_chart_new (TAKT_CHART_GROUPED_BARS);
  TaktGanttColor green, orange;
  TaktChartTicks t1, t2;
  TaktChartRect plot, r;
  Canvas c;

  takt_chart_color (TAKT_CHART_GREEN, &green);
  takt_chart_color (TAKT_CHART_ORANGE, &orange);
  takt_chart_set_categories (chart, names, 3);
  takt_chart_add_series (chart, "JIT", &green, jit, 3);
  takt_chart_add_series (chart, "Push", &orange, push, 3);
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_CURRENCY, "EUR", "EUR");
  takt_chart_set_secondary (chart, 2, TAKT_CHART_FORMAT_NUMBER, "units");

  canvas_init (&c, 520, 300, TRUE);
  draw (chart, &c);
  g_assert_true (takt_chart_get_plot_area (chart, &plot));
  g_assert_true (takt_chart_get_ticks (chart, FALSE, &t1));
  g_assert_true (takt_chart_get_ticks (chart, TRUE, &t2));
  /* Costs on the left axis reach 300; stock on the right only 90. */
  g_assert_cmpfloat (t1.hi, >=, 300);
  g_assert_cmpfloat (t2.hi, >=, 90);
  g_assert_cmpfloat (t2.hi, <, 300);

  /* Side by side in a group; each on its own axis. */
  g_assert_true (takt_chart_get_bar_rect (chart, 0, 0, &r));
  {
    TaktChartRect r2;

    g_assert_true (takt_chart_get_bar_rect (chart, 0, 1, &r2));
    g_assert_cmpfloat (r2.x, >=, r.x + r.width);
  }
  g_assert_true (takt_chart_get_bar_rect (chart, 2, 1, &r));
  g_assert_cmpfloat_with_epsilon (r.y, plot.y + plot.height * (t2.hi - 90) / (t2.hi - t2.lo), 1e-9);
  g_assert_cmphex (pixel (&c, r.x + r.width / 2, r.y + r.height / 2), ==, palette (TAKT_CHART_ORANGE));
  g_assert_true (takt_chart_get_bar_rect (chart, 2, 0, &r));
  g_assert_cmphex (pixel (&c, r.x + r.width / 2, r.y + r.height / 2), ==, palette (TAKT_CHART_GREEN));
  g_assert_cmpuint (takt_chart_get_label_rects (chart, TAKT_CHART_AXIS_Y2)->len, >=, 2);
  canvas_clear (&c);
}

static void
test_horizontal_bars (void)
{
  const char *names[] = { "Print farm", "Finishing" };
  const double util[] = { 0.8, 0.25 };
  const double cap[] = { 1, 1 };
  g_autoptr(TaktChart) chart = takt_chart_new (TAKT_CHART_HORIZONTAL_BARS);
  TaktGanttColor colors[2], grey;
  TaktChartRect plot, r;
  TaktChartTicks t;
  Canvas c;
  double x80, from, to;

  takt_chart_color (TAKT_CHART_RED, &colors[0]);
  takt_chart_color (TAKT_CHART_BLUE, &colors[1]);
  takt_chart_color (TAKT_CHART_GREY, &grey);
  takt_chart_set_categories (chart, names, 2);
  takt_chart_add_series (chart, "Utilisation", &colors[1], util, 2);
  takt_chart_set_category_colors (chart, colors, 2);
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_PERCENT, NULL, NULL);
  takt_chart_set_references (chart, cap, 2, "Capacity", &grey);
  takt_chart_set_highlight (chart, 0, "Bottleneck");
  takt_chart_set_show_values (chart, TRUE);

  canvas_init (&c, 500, 200, FALSE);
  draw (chart, &c);
  g_assert_true (takt_chart_get_plot_area (chart, &plot));
  g_assert_true (takt_chart_get_ticks (chart, FALSE, &t));
  /* Percent ticks are in percent; the capacity line (100 %) is in range. */
  g_assert_cmpfloat (t.hi, >=, 100);
  x80 = plot.x + plot.width * (80 - t.lo) / (t.hi - t.lo);
  g_assert_true (takt_chart_get_bar_rect (chart, 0, 0, &r));
  g_assert_cmpfloat_with_epsilon (r.x + r.width, x80, 1e-9);
  g_assert_true (takt_chart_get_band (chart, 0, &from, &to));
  /* The bottleneck's bar in its own colour, the other in blue. */
  g_assert_cmphex (pixel (&c, x80 - 5, (from + to) / 2), ==, palette (TAKT_CHART_RED));
  g_assert_true (takt_chart_get_band (chart, 1, &from, &to));
  g_assert_cmphex (pixel (&c, plot.x + 4, (from + to) / 2), ==, palette (TAKT_CHART_BLUE));
  g_assert_false (close_to (pixel (&c, x80 - 5, (from + to) / 2), palette (TAKT_CHART_BLUE), 8));
  /* Both names were written at the left. */
  g_assert_cmpuint (takt_chart_get_label_rects (chart, TAKT_CHART_AXIS_Y)->len, ==, 2);
  canvas_clear (&c);
}

/* ---- lines ---- */

static void
test_line_pixels (void)
{
  gint64 t0 = takt_days_from_civil (2026, 12, 1) * TAKT_DAY_S;
  const gint64 times[] = { t0, t0 + TAKT_DAY_S, t0 + 3 * TAKT_DAY_S };
  const double values[] = { 0, 40, 100 };
  g_autoptr(TaktChart) chart = takt_chart_new (TAKT_CHART_LINES);
  TaktGanttColor blue;
  TaktChartRect plot;
  TaktChartTicks t;
  TaktChartHit hit;
  Canvas c;
  double x, y;
  gboolean found = FALSE;

  takt_chart_color (TAKT_CHART_BLUE, &blue);
  takt_chart_set_time_range (chart, t0, t0 + 4 * TAKT_DAY_S);
  takt_chart_add_line (chart, "Made", &blue, times, values, 3, TRUE);
  canvas_init (&c, 400, 260, FALSE);
  draw (chart, &c);
  g_assert_true (takt_chart_get_plot_area (chart, &plot));
  g_assert_true (takt_chart_get_ticks (chart, FALSE, &t));

  /* Half way through the second day the step line holds 40. */
  x = plot.x + plot.width * 1.5 / 4;
  g_assert_cmpfloat_with_epsilon (takt_chart_x_for_time (chart, t0 + 1.5 * TAKT_DAY_S), x, 1e-9);
  y = plot.y + plot.height * (t.hi - 40) / (t.hi - t.lo);
  for (int dy = -1; dy <= 1; dy++)
    if (close_to (pixel (&c, x, y + dy), palette (TAKT_CHART_BLUE), 40))
      found = TRUE;
  g_assert_true (found);
  g_assert_cmphex (pixel (&c, x, y - 8), ==, rgb_of (&c.theme.background));
  g_assert_cmphex (pixel (&c, x, y + 8), !=, palette (TAKT_CHART_BLUE));

  /* The step up at the third day's end is vertical at its x. */
  x = plot.x + plot.width * 3 / 4;
  found = FALSE;
  for (int dx = -1; dx <= 1; dx++)
    if (close_to (pixel (&c, x + dx, plot.y + plot.height * (t.hi - 70) / (t.hi - t.lo)),
                  palette (TAKT_CHART_BLUE), 40))
      found = TRUE;
  g_assert_true (found);

  /* Hover: the value at the pointer's time. */
  g_assert_true (takt_chart_hit_test (chart, plot.x + plot.width * 2.5 / 4, y, &hit));
  g_assert_cmpint (hit.kind, ==, TAKT_CHART_HIT_POINT);
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.index, ==, 1);
  g_assert_cmpfloat (hit.value, ==, 40);
  canvas_clear (&c);
}

/* ---- labels ---- */

static void
assert_no_overlap (const TaktChart     *chart,
                   TaktChartAxis        axis,
                   const TaktChartRect *bounds)
{
  const GArray *rects = takt_chart_get_label_rects (chart, axis);

  for (guint i = 0; i < rects->len; i++)
    {
      const TaktChartRect *a = &g_array_index (rects, TaktChartRect, i);

      g_assert_cmpfloat (a->x, >=, bounds->x - 0.5);
      g_assert_cmpfloat (a->x + a->width, <=, bounds->x + bounds->width + 0.5);
      for (guint j = 0; j < i; j++)
        {
          const TaktChartRect *b = &g_array_index (rects, TaktChartRect, j);
          gboolean overlap = a->x < b->x + b->width && b->x < a->x + a->width &&
                             a->y < b->y + b->height && b->y < a->y + a->height;

          if (overlap)
            g_test_message ("axis %d: label %u (%.1f,%.1f %.1fx%.1f) overlaps %u (%.1f,%.1f %.1fx%.1f)",
                            axis, i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
          g_assert_false (overlap);
        }
    }
}

static void
test_labels_never_overlap (void)
{
  gint64 day0 = takt_days_from_civil (2026, 11, 30) * TAKT_DAY_S;
  const char *long_names[] = { "Print farm with a long name", "Support removal", "Finishing",
                               "Quality check", "Packing and shipping" };
  double days[90];
  double util[5] = { 0.9, 0.4, 0.55, 0.2, 0.7 };
  gint64 times[90];
  double cum[90];
  TaktGanttColor blue;
  guint checked = 0;

  takt_chart_color (TAKT_CHART_BLUE, &blue);
  for (int i = 0; i < 90; i++)
    {
      days[i] = (i * 37) % 23 * 1000.0;
      times[i] = day0 + i * 7200 * 11;
      cum[i] = i * 123456.0;
    }

  for (int width = 100; width <= 900; width += 20)
    for (int k = 0; k < 4; k++)
      {
        g_autoptr(TaktChart) chart = NULL;
        TaktChartRect bounds = { 0, 0, width, 260 };
        Canvas c;

        switch (k)
          {
          case 0:
            chart = takt_chart_new (TAKT_CHART_STACKED_BARS);
            takt_chart_set_days (chart, day0, 90);
            takt_chart_add_series (chart, "Cost", &blue, days, 90);
            takt_chart_set_format (chart, TAKT_CHART_FORMAT_CURRENCY, "EUR", "EUR per day");
            break;
          case 1:
            chart = takt_chart_new (TAKT_CHART_STACKED_BARS);
            takt_chart_set_categories (chart, long_names, 5);
            takt_chart_add_series (chart, "Load", &blue, util, 5);
            takt_chart_set_format (chart, TAKT_CHART_FORMAT_DURATION, NULL, "per unit");
            break;
          case 2:
            chart = takt_chart_new (TAKT_CHART_HORIZONTAL_BARS);
            takt_chart_set_categories (chart, long_names, 5);
            takt_chart_add_series (chart, "Utilisation", &blue, util, 5);
            takt_chart_set_format (chart, TAKT_CHART_FORMAT_PERCENT, NULL, NULL);
            takt_chart_set_show_values (chart, TRUE);
            break;
          case 3:
          default:
            chart = takt_chart_new (TAKT_CHART_LINES);
            takt_chart_set_time_range (chart, day0, times[89]);
            takt_chart_add_line (chart, "Demand", &blue, times, cum, 90, TRUE);
            break;
          }
        canvas_init (&c, width, 260, FALSE);
        draw (chart, &c);
        assert_no_overlap (chart, TAKT_CHART_AXIS_X, &bounds);
        assert_no_overlap (chart, TAKT_CHART_AXIS_Y, &bounds);
        assert_no_overlap (chart, TAKT_CHART_AXIS_LEGEND, &bounds);
        /* At a usable width the axes do get labels. */
        if (width >= 300)
          {
            g_assert_cmpuint (takt_chart_get_label_rects (chart, TAKT_CHART_AXIS_X)->len, >=, 2);
            g_assert_cmpuint (takt_chart_get_label_rects (chart, TAKT_CHART_AXIS_Y)->len, >=, 2);
          }
        checked++;
        canvas_clear (&c);
      }
  g_test_message ("%u drawings checked", checked);
}

/* ---- hit testing, read-outs, empty states ---- */

static void
test_hit_test_bars (void)
{
  g_autoptr(TaktChart) chart = stacked_abc ();
  g_autofree char *text = NULL;
  TaktChartRect r, plot;
  TaktChartHit hit;
  Canvas c;

  canvas_init (&c, 480, 320, FALSE);
  draw (chart, &c);
  g_assert_true (takt_chart_get_plot_area (chart, &plot));

  g_assert_true (takt_chart_get_bar_rect (chart, 0, 1, &r));
  g_assert_true (takt_chart_hit_test (chart, r.x + r.width / 2, r.y + r.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, TAKT_CHART_HIT_BAR);
  g_assert_cmpint (hit.index, ==, 0);
  g_assert_cmpint (hit.series, ==, 1);
  g_assert_cmpfloat (hit.value, ==, 5);
  g_assert_cmpfloat (hit.total, ==, 15);
  text = takt_chart_describe_hit (chart, &hit);
  g_assert_nonnull (strstr (text, "Alpha"));
  g_assert_nonnull (strstr (text, "Tardiness"));
  g_assert_nonnull (strstr (text, "5.00"));
  g_assert_nonnull (strstr (text, "15.00"));

  /* Above the stack: the category, no series. */
  g_assert_true (takt_chart_hit_test (chart, r.x + r.width / 2, r.y - 10, &hit));
  g_assert_cmpint (hit.kind, ==, TAKT_CHART_HIT_PLOT);
  g_assert_cmpint (hit.index, ==, 0);
  g_assert_cmpint (hit.series, ==, -1);

  /* Outside the plot and the legend: nothing. */
  g_assert_false (takt_chart_hit_test (chart, plot.x - 3, plot.y + plot.height + 20, &hit));
  g_assert_cmpint (hit.kind, ==, TAKT_CHART_HIT_NONE);

  /* The legend names its series. */
  {
    const GArray *legend = takt_chart_get_label_rects (chart, TAKT_CHART_AXIS_LEGEND);
    const TaktChartRect *item;

    g_assert_cmpuint (legend->len, ==, 2);
    item = &g_array_index (legend, TaktChartRect, 1);
    g_assert_true (takt_chart_hit_test (chart, item->x + 3, item->y + item->height / 2, &hit));
    g_assert_cmpint (hit.kind, ==, TAKT_CHART_HIT_LEGEND);
    g_assert_cmpint (hit.series, ==, 1);
  }

  /* With the pointer set, the read-out is drawn near it (over the plot). */
  takt_chart_set_pointer (chart, r.x + r.width / 2, r.y + r.height / 2);
  draw (chart, &c);
  g_assert_cmphex (pixel (&c, r.x + r.width / 2 + 30, r.y + r.height / 2 + 24), ==, rgb_of (&c.theme.header));
  canvas_clear (&c);
}

static void
test_empty_state (void)
{
  const char *names[] = { "A", "B" };
  const double zeros[] = { 0, 0 };
  g_autoptr(TaktChart) chart = takt_chart_new (TAKT_CHART_STACKED_BARS);
  TaktGanttColor blue;
  TaktChartRect plot;
  TaktChartHit hit;
  Canvas c;
  guint32 text_pixels = 0;

  takt_chart_color (TAKT_CHART_BLUE, &blue);
  takt_chart_set_categories (chart, names, 2);
  takt_chart_add_series (chart, "Cost", &blue, zeros, 2);
  takt_chart_set_empty_text (chart, "No demand in this plan");
  g_assert_true (takt_chart_is_empty (chart));

  canvas_init (&c, 300, 200, FALSE);
  draw (chart, &c);
  g_assert_false (takt_chart_get_plot_area (chart, &plot));
  g_assert_false (takt_chart_hit_test (chart, 150, 100, &hit));
  /* The empty text is written in the middle row, and no bar is drawn. */
  for (int x = 0; x < 300; x++)
    for (int y = 90; y < 120; y++)
      {
        guint32 p = pixel (&c, x, y);

        g_assert_cmphex (p, !=, palette (TAKT_CHART_BLUE));
        if (p != rgb_of (&c.theme.background))
          text_pixels++;
      }
  g_assert_cmpuint (text_pixels, >, 50);
  canvas_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/ticks/known", test_nice_ticks_known);
  g_test_add_func ("/chart/ticks/properties", test_nice_ticks_properties);
  g_test_add_func ("/chart/ticks/dates", test_date_ticks);
  g_test_add_func ("/chart/formats", test_formats);
  g_test_add_func ("/chart/formats/german", test_formats_german);
  g_test_add_func ("/chart/bars/stacked-pixels", test_stacked_bar_pixels);
  g_test_add_func ("/chart/bars/grouped-secondary", test_grouped_secondary);
  g_test_add_func ("/chart/bars/horizontal", test_horizontal_bars);
  g_test_add_func ("/chart/lines/pixels", test_line_pixels);
  g_test_add_func ("/chart/labels/never-overlap", test_labels_never_overlap);
  g_test_add_func ("/chart/hit-test/bars", test_hit_test_bars);
  g_test_add_func ("/chart/empty", test_empty_state);
  rc = g_test_run ();
  fixture_release_fonts ();
  return rc;
}
