/* takt-gantt-renderer.c — draws the schedule chart with cairo and pango
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only what the viewport shows is drawn: rows are found from the scroll
 * offset, bars by a binary search in their row, and bars thinner than a few
 * pixels are batched into one path per colour.
 */

#define G_LOG_DOMAIN "takt-gantt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "takt-gantt-private.h"
#include "takt-time.h"

/* ---- themes ---- */

static void
set_rgba (TaktGanttColor *color,
          guint32         rgb,
          double          alpha)
{
  takt_gantt_color_from_rgb (rgb, color);
  color->alpha = alpha;
}

void
takt_gantt_theme_init_light (TaktGanttTheme *theme)
{
  g_return_if_fail (theme != NULL);

  set_rgba (&theme->background, 0xffffff, 1);
  set_rgba (&theme->header, 0xf6f5f4, 1);
  set_rgba (&theme->group, 0xf3f2f1, 1);
  set_rgba (&theme->grid, 0x000000, 0.07);
  set_rgba (&theme->grid_strong, 0x000000, 0.15);
  set_rgba (&theme->text, 0x000000, 0.80);
  set_rgba (&theme->dim_text, 0x000000, 0.55);
  set_rgba (&theme->non_working, 0x000000, 0.055);
  set_rgba (&theme->accent, 0x1c71d8, 1);
  set_rgba (&theme->late, 0xe01b24, 1);
  set_rgba (&theme->selection, 0x1c71d8, 1);
  set_rgba (&theme->conflict, 0xe66100, 1);
  set_rgba (&theme->valid, 0x26a269, 1);
  theme->dark = FALSE;
  theme->font_family = "Cantarell, DejaVu Sans, sans-serif";
  theme->font_size = 13;
}

void
takt_gantt_theme_init_dark (TaktGanttTheme *theme)
{
  g_return_if_fail (theme != NULL);

  set_rgba (&theme->background, 0x242424, 1);
  set_rgba (&theme->header, 0x2e2e2e, 1);
  set_rgba (&theme->group, 0x2b2b2b, 1);
  set_rgba (&theme->grid, 0xffffff, 0.07);
  set_rgba (&theme->grid_strong, 0xffffff, 0.15);
  set_rgba (&theme->text, 0xffffff, 1);
  set_rgba (&theme->dim_text, 0xffffff, 0.55);
  set_rgba (&theme->non_working, 0x000000, 0.26);
  set_rgba (&theme->accent, 0x78aeed, 1);
  set_rgba (&theme->late, 0xff7b63, 1);
  set_rgba (&theme->selection, 0x78aeed, 1);
  set_rgba (&theme->conflict, 0xffa348, 1);
  set_rgba (&theme->valid, 0x8ff0a4, 1);
  theme->dark = TRUE;
  theme->font_family = "Cantarell, DejaVu Sans, sans-serif";
  theme->font_size = 13;
}

void
takt_gantt_state_init (TaktGanttState *state)
{
  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);
  state->selected_run = -1;
  state->hover_run = -1;
  state->hover_step = -1;
  state->now = G_MININT64;
  state->drag_run = -1;
  state->drag_step = -1;
  state->drag_row = -1;
}

/* ---- the time axis ---- */

gint64
takt_gantt_unit_floor (gint64        t,
                       TaktGanttUnit unit,
                       int           step)
{
  gint64 day;
  gint64 year;
  int month;
  int mday;

  g_return_val_if_fail (step >= 1, t);

  switch (unit)
    {
    case TAKT_GANTT_UNIT_MINUTE:
      return takt_floor_div (t, 60 * (gint64) step) * 60 * step;
    case TAKT_GANTT_UNIT_HOUR:
      day = takt_day_start (t);
      return day + ((t - day) / 3600 / step) * step * 3600;
    case TAKT_GANTT_UNIT_DAY:
      return takt_floor_div (t, TAKT_DAY_S * step) * TAKT_DAY_S * step;
    case TAKT_GANTT_UNIT_WEEK:
      day = takt_day_start (t);
      return day - takt_weekday (day) * TAKT_DAY_S;
    case TAKT_GANTT_UNIT_MONTH:
      takt_civil_from_days (takt_floor_div (t, TAKT_DAY_S), &year, &month, &mday);
      month = (month - 1) / step * step + 1;
      return takt_days_from_civil (year, month, 1) * TAKT_DAY_S;
    case TAKT_GANTT_UNIT_YEAR:
      takt_civil_from_days (takt_floor_div (t, TAKT_DAY_S), &year, &month, &mday);
      year -= year - takt_floor_div (year, step) * step;
      return takt_days_from_civil (year, 1, 1) * TAKT_DAY_S;
    default:
      g_return_val_if_reached (t);
    }
}

gint64
takt_gantt_unit_next (gint64        tick,
                      TaktGanttUnit unit,
                      int           step)
{
  gint64 year;
  int month;
  int mday;

  g_return_val_if_fail (step >= 1, tick + 1);

  switch (unit)
    {
    case TAKT_GANTT_UNIT_MINUTE:
      return tick + 60 * (gint64) step;
    case TAKT_GANTT_UNIT_HOUR:
      return tick + 3600 * (gint64) step;
    case TAKT_GANTT_UNIT_DAY:
      return tick + TAKT_DAY_S * step;
    case TAKT_GANTT_UNIT_WEEK:
      return tick + 7 * TAKT_DAY_S * step;
    case TAKT_GANTT_UNIT_MONTH:
      takt_civil_from_days (takt_floor_div (tick, TAKT_DAY_S), &year, &month, &mday);
      month += step;
      year += (month - 1) / 12;
      month = (month - 1) % 12 + 1;
      return takt_days_from_civil (year, month, 1) * TAKT_DAY_S;
    case TAKT_GANTT_UNIT_YEAR:
      takt_civil_from_days (takt_floor_div (tick, TAKT_DAY_S), &year, &month, &mday);
      return takt_days_from_civil (year + step, 1, 1) * TAKT_DAY_S;
    default:
      g_return_val_if_reached (tick + 1);
    }
}

/* The characters of the shortest label of a minor cell ("14:45", "30",
 * "Sep", "2026") in average widths of a digit. */
double
takt_gantt_axis_min_cell_width (TaktGanttUnit unit,
                                double        font_size)
{
  double chars;

  switch (unit)
    {
    case TAKT_GANTT_UNIT_MINUTE:
    case TAKT_GANTT_UNIT_HOUR:
      chars = 5;
      break;
    case TAKT_GANTT_UNIT_DAY:
    case TAKT_GANTT_UNIT_WEEK:
      chars = 2;
      break;
    case TAKT_GANTT_UNIT_MONTH:
      chars = 3.6;
      break;
    case TAKT_GANTT_UNIT_YEAR:
      chars = 4;
      break;
    default:
      g_return_val_if_reached (100);
    }
  /* A digit is about 0.64 em; the label has 4 px of padding each side. */
  return chars * 0.64 * font_size + 8;
}

static const struct
{
  TaktGanttUnit unit;
  int           step;
  double        seconds;   /* the longest such cell */
} minor_choices[] = {
  { TAKT_GANTT_UNIT_MINUTE, 1, 60 },
  { TAKT_GANTT_UNIT_MINUTE, 5, 300 },
  { TAKT_GANTT_UNIT_MINUTE, 10, 600 },
  { TAKT_GANTT_UNIT_MINUTE, 15, 900 },
  { TAKT_GANTT_UNIT_MINUTE, 30, 1800 },
  { TAKT_GANTT_UNIT_HOUR, 1, 3600 },
  { TAKT_GANTT_UNIT_HOUR, 2, 7200 },
  { TAKT_GANTT_UNIT_HOUR, 3, 10800 },
  { TAKT_GANTT_UNIT_HOUR, 6, 21600 },
  { TAKT_GANTT_UNIT_HOUR, 12, 43200 },
  { TAKT_GANTT_UNIT_DAY, 1, 86400 },
  { TAKT_GANTT_UNIT_WEEK, 1, 7 * 86400 },
  { TAKT_GANTT_UNIT_MONTH, 1, 28 * 86400 },
  { TAKT_GANTT_UNIT_MONTH, 3, 89 * 86400 },
  { TAKT_GANTT_UNIT_YEAR, 1, 365 * 86400 },
};

void
takt_gantt_axis_choose (double              seconds_per_px,
                        double              font_size,
                        TaktGanttAxisScale *scale)
{
  guint i;

  g_return_if_fail (seconds_per_px > 0);
  g_return_if_fail (scale != NULL);

  /* The shortest cell of a unit (28 days for a month) must hold its label. */
  for (i = 0; i < G_N_ELEMENTS (minor_choices) - 1; i++)
    if (minor_choices[i].seconds / seconds_per_px >=
        takt_gantt_axis_min_cell_width (minor_choices[i].unit, font_size))
      break;

  scale->minor_unit = minor_choices[i].unit;
  scale->minor_step = minor_choices[i].step;
  switch (scale->minor_unit)
    {
    case TAKT_GANTT_UNIT_MINUTE:
      scale->major_unit = TAKT_GANTT_UNIT_HOUR;
      scale->major_step = 1;
      break;
    case TAKT_GANTT_UNIT_HOUR:
      scale->major_unit = TAKT_GANTT_UNIT_DAY;
      scale->major_step = 1;
      break;
    case TAKT_GANTT_UNIT_DAY:
    case TAKT_GANTT_UNIT_WEEK:
      scale->major_unit = TAKT_GANTT_UNIT_MONTH;
      scale->major_step = 1;
      break;
    case TAKT_GANTT_UNIT_MONTH:
      scale->major_unit = TAKT_GANTT_UNIT_YEAR;
      scale->major_step = 1;
      break;
    case TAKT_GANTT_UNIT_YEAR:
      scale->major_unit = TAKT_GANTT_UNIT_YEAR;
      scale->major_step = 10;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* ---- a frame ---- */

typedef struct
{
  cairo_t                 *cr;
  TaktGanttLayout         *layout;
  const TaktGanttViewport *vp;
  const TaktGanttState    *state;
  const TaktGanttTheme    *theme;
  PangoLayout             *text;        /* regular, ellipsized at the end */
  PangoLayout             *bold;
  PangoLayout             *small;
  double                   line_h;
  double                   bold_line_h;
  double                   small_line_h;
  double                   scale;       /* device px per px, 0: no snapping */
  gboolean                 vector;      /* a PDF, PostScript or SVG target */
  guint32                 *packed;      /* n_products + 1 opaque pixels of the bar colours */
  guint32                 *packed_setup;
  double                   hair;        /* the width of a crisp 1 px line */
  gboolean                 hair_odd;    /* it covers an odd number of device px */
  double                   chart_left;
  double                   chart_top;
  double                   chart_right;
  double                   chart_bottom;
  double                   t_left;
  double                   t_right;
  int                      first_row;
  int                      last_row;    /* inclusive; < first_row: none */
} Frame;

static inline double
frame_x (const Frame *f,
         gint64       t)
{
  return f->vp->header_width + ((double) t - f->vp->t0) / f->vp->seconds_per_px;
}

static inline double
snap (const Frame *f,
      double       v)
{
  return f->scale > 0 ? round (v * f->scale) / f->scale : v;
}

/* The position of a 1 px line at @v, on device pixel centres or edges so
 * that it covers whole device pixels. */
static inline double
snap_line (const Frame *f,
           double       v)
{
  if (f->scale <= 0)
    return v;
  if (f->hair_odd)
    return (floor (v * f->scale) + 0.5) / f->scale;
  return round (v * f->scale) / f->scale;
}

static inline void
set_color (cairo_t              *cr,
           const TaktGanttColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static inline void
set_color_alpha (cairo_t              *cr,
                 const TaktGanttColor *c,
                 double                alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* @a over @b by the fraction @t of @a (opaque result). */
static void
mix (const TaktGanttColor *a,
     const TaktGanttColor *b,
     double                t,
     TaktGanttColor       *out)
{
  out->red = a->red * t + b->red * (1 - t);
  out->green = a->green * t + b->green * (1 - t);
  out->blue = a->blue * t + b->blue * (1 - t);
  out->alpha = 1;
}

static void
contrast_text (const TaktGanttColor *fill,
               TaktGanttColor       *out)
{
  double lum = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;

  if (lum > 0.6)
    set_rgba (out, 0x000000, 0.85);
  else
    set_rgba (out, 0xffffff, 1);
}

static double
line_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

static PangoLayout *
new_text_layout (PangoContext *context,
                 const char   *family,
                 double        size,
                 PangoWeight   weight)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (desc);
  return layout;
}

/* Shows @text left-aligned at @x, centred on @cy, elided to @max_width
 * (none when < 0). */
static void
show_text (Frame                *f,
           PangoLayout          *layout,
           double                lh,
           const char           *text,
           double                x,
           double                cy,
           double                max_width,
           const TaktGanttColor *color)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, max_width >= 0 ? (int) (max_width * PANGO_SCALE) : -1);
  cairo_move_to (f->cr, snap (f, x), snap (f, cy - lh / 2));
  set_color (f->cr, color);
  pango_cairo_show_layout (f->cr, layout);
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r_left,
              double   r_right)
{
  r_left = MIN (r_left, MIN (w, h) / 2);
  r_right = MIN (r_right, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  if (r_left > 0)
    {
      cairo_arc (cr, x + r_left, y + h - r_left, r_left, G_PI / 2, G_PI);
      cairo_arc (cr, x + r_left, y + r_left, r_left, G_PI, 3 * G_PI / 2);
    }
  else
    {
      cairo_move_to (cr, x, y + h);
      cairo_line_to (cr, x, y);
    }
  if (r_right > 0)
    {
      cairo_arc (cr, x + w - r_right, y + r_right, r_right, -G_PI / 2, 0);
      cairo_arc (cr, x + w - r_right, y + h - r_right, r_right, 0, G_PI / 2);
    }
  else
    {
      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x + w, y + h);
    }
  cairo_close_path (cr);
}

/* Diagonal stripes over a rectangle (clipped to it). */
static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   w,
       double   h,
       double   spacing,
       double   line_width)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  for (double k = x - h; k < x + w; k += spacing)
    {
      cairo_move_to (cr, k, y + h);
      cairo_line_to (cr, k + h, y);
    }
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
clip_rect (cairo_t *cr,
           double   x,
           double   y,
           double   w,
           double   h)
{
  cairo_rectangle (cr, x, y, MAX (w, 0), MAX (h, 0));
  cairo_clip (cr);
}

static gboolean
run_is_late (const Frame *f,
             guint        run)
{
  if (f->state->late != NULL)
    return f->state->late[run] != 0;
  return f->layout->run_late[run] != 0;
}

static gboolean
run_is_pinned (const Frame *f,
               guint        run)
{
  const TaktRun *r;

  if (f->state->pinned != NULL)
    return f->state->pinned[run] != 0;
  r = g_ptr_array_index (f->layout->schedule->runs, run);
  return r->pinned;
}

static gboolean
run_is_selected (const Frame *f,
                 guint        run)
{
  if (f->state->selected_run >= 0 && (guint) f->state->selected_run == run)
    return TRUE;
  return f->state->selected != NULL && f->state->selected[run] != 0;
}

static const TaktGanttColor *
run_color (const Frame *f,
           guint        run)
{
  const TaktRun *r = g_ptr_array_index (f->layout->schedule->runs, run);

  if (r->product_index >= 0 && (guint) r->product_index < f->layout->n_products)
    return &f->layout->product_colors[r->product_index];
  return &f->layout->product_colors[f->layout->n_products];
}

static guint
run_color_index (const Frame *f,
                 guint        run)
{
  const TaktRun *r = g_ptr_array_index (f->layout->schedule->runs, run);

  if (r->product_index >= 0 && (guint) r->product_index < f->layout->n_products)
    return (guint) r->product_index;
  return f->layout->n_products;
}

static void
run_label (const Frame *f,
           guint        run,
           char        *buf,
           gsize        size)
{
  const TaktRun *r = g_ptr_array_index (f->layout->schedule->runs, run);
  const TaktPlan *plan = f->layout->plan;
  const char *name = "?";

  if (r->product_index >= 0 && (guint) r->product_index < f->layout->n_products)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, r->product_index);

      name = (product->name != NULL && product->name[0] != '\0') ? product->name : product->id;
    }
  /* U+00D7 MULTIPLICATION SIGN */
  g_snprintf (buf, size, "%s \303\227 %" G_GINT64_FORMAT, name ? name : "?", r->quantity);
}

/* ---- the parts of the chart ---- */

static void
draw_group_rows (Frame *f,
                 double x0,
                 double x1)
{
  cairo_t *cr = f->cr;
  const TaktGanttLayout *layout = f->layout;

  for (int i = f->first_row; i <= f->last_row; i++)
    {
      double y;

      if (layout->rows[i].info.kind != TAKT_GANTT_ROW_STATION)
        continue;
      y = takt_gantt_layout_row_y (layout, f->vp, (guint) i);
      cairo_rectangle (cr, x0, snap (f, y), x1 - x0,
                       snap (f, y + f->vp->group_height) - snap (f, y));
    }
  set_color (cr, &f->theme->group);
  cairo_fill (cr);
}

static const GArray *
calendar_shifts (const TaktCalendar *calendar,
                 gint64              day)
{
  if (calendar->exceptions != NULL && calendar->exceptions->len > 0)
    {
      guint lo = 0;
      guint hi = calendar->exceptions->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          const TaktCalendarException *e = g_ptr_array_index (calendar->exceptions, mid);

          if (e->date == day)
            return e->shifts;
          if (e->date < day)
            lo = mid + 1;
          else
            hi = mid;
        }
    }
  return calendar->week[takt_weekday (day)];
}

static void
add_closed (Frame  *f,
            double  a,
            double  b,
            double  y0,
            double  y1)
{
  double x0 = MAX (f->vp->header_width + (a - f->vp->t0) / f->vp->seconds_per_px, f->chart_left);
  double x1 = MIN (f->vp->header_width + (b - f->vp->t0) / f->vp->seconds_per_px, f->chart_right);

  if (x1 <= x0)
    return;
  x0 = snap (f, x0);
  x1 = snap (f, x1);
  if (x1 > x0)
    cairo_rectangle (f->cr, x0, y0, x1 - x0, y1 - y0);
}

/* Closed time of each station's calendar, over its machine rows. */
static void
draw_non_working (Frame *f)
{
  cairo_t *cr = f->cr;
  const TaktGanttLayout *layout = f->layout;
  const TaktPlan *plan = layout->plan;

  /* Below a pixel a day, shading would only be noise. */
  if (TAKT_DAY_S / f->vp->seconds_per_px < 0.75 || f->first_row > f->last_row)
    return;

  for (guint s = 0; s < layout->n_stations; s++)
    {
      const TaktStation *station = g_ptr_array_index (plan->stations, s);
      const TaktCalendar *calendar = station->calendar != NULL ? station->calendar : plan->calendar;
      guint first = (guint) layout->station_row[s] + 1;
      guint end = s + 1 < layout->n_stations ? (guint) layout->station_row[s + 1] : layout->n_rows;
      double y0, y1;
      double cursor;
      gint64 day;

      if (calendar == NULL || first >= end)
        continue;
      if ((int) end - 1 < f->first_row || (int) first > f->last_row)
        continue;
      y0 = snap (f, MAX (takt_gantt_layout_row_y (layout, f->vp, first), f->chart_top));
      y1 = snap (f, MIN (takt_gantt_layout_row_y (layout, f->vp, end), f->chart_bottom));
      if (y1 <= y0)
        continue;

      cursor = f->t_left;
      for (day = takt_day_start ((gint64) floor (f->t_left)); (double) day < f->t_right; day += TAKT_DAY_S)
        {
          const GArray *shifts = calendar_shifts (calendar, day);

          for (guint k = 0; shifts != NULL && k < shifts->len; k++)
            {
              const TaktShift *shift = &g_array_index (shifts, TaktShift, k);
              double a = (double) (day + shift->from);
              double b = (double) (day + shift->to);

              if (a > cursor)
                add_closed (f, cursor, a, y0, y1);
              cursor = MAX (cursor, b);
            }
        }
      if (cursor < f->t_right)
        add_closed (f, cursor, f->t_right, y0, y1);
    }
  set_color (cr, &f->theme->non_working);
  cairo_fill (cr);
}

static void
draw_grid (Frame                    *f,
           const TaktGanttAxisScale *scale)
{
  cairo_t *cr = f->cr;
  const TaktGanttLayout *layout = f->layout;
  double bottom = MIN (f->chart_bottom, takt_gantt_layout_row_y (layout, f->vp, layout->n_rows));
  gint64 t;

  cairo_set_line_width (cr, f->hair);

  /* Row separators. */
  for (int i = f->first_row; i <= f->last_row; i++)
    {
      double y = takt_gantt_layout_row_y (layout, f->vp, (guint) i) +
                 takt_gantt_layout_row_height (layout, f->vp, (guint) i);

      y = snap_line (f, y - f->hair / 2);
      cairo_move_to (cr, f->chart_left, y);
      cairo_line_to (cr, f->chart_right, y);
    }
  set_color (cr, &f->theme->grid);
  cairo_stroke (cr);

  if (bottom <= f->chart_top)
    return;

  /* Minor lines (not where a major one is). */
  if ((double) (takt_gantt_unit_next (0, scale->minor_unit, scale->minor_step)) / f->vp->seconds_per_px >= 6)
    {
      for (t = takt_gantt_unit_floor ((gint64) floor (f->t_left), scale->minor_unit, scale->minor_step);
           (double) t <= f->t_right;
           t = takt_gantt_unit_next (t, scale->minor_unit, scale->minor_step))
        {
          double x;

          if (takt_gantt_unit_floor (t, scale->major_unit, scale->major_step) == t)
            continue;
          x = snap_line (f, frame_x (f, t));
          cairo_move_to (cr, x, f->chart_top);
          cairo_line_to (cr, x, bottom);
        }
      set_color (cr, &f->theme->grid);
      cairo_stroke (cr);
    }

  for (t = takt_gantt_unit_floor ((gint64) floor (f->t_left), scale->major_unit, scale->major_step);
       (double) t <= f->t_right;
       t = takt_gantt_unit_next (t, scale->major_unit, scale->major_step))
    {
      double x = snap_line (f, frame_x (f, t));

      cairo_move_to (cr, x, f->chart_top);
      cairo_line_to (cr, x, bottom);
    }
  set_color (cr, &f->theme->grid_strong);
  cairo_stroke (cr);
}

static void
draw_pin (Frame                *f,
          double                x,
          double                cy,
          double                size,
          const TaktGanttColor *color)
{
  cairo_t *cr = f->cr;
  double r = size * 0.3;

  /* A pushpin: a round head over a short needle. */
  set_color (cr, color);
  cairo_arc (cr, x + r, cy - size * 0.18, r, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, x + r, cy - size * 0.18);
  cairo_line_to (cr, x + r, cy + size * 0.5);
  cairo_set_line_width (cr, MAX (size * 0.13, 1.2));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

void
takt_gantt_label_free (gpointer data)
{
  TaktGanttLabel *label = data;

  g_object_unref (label->layout);
  g_free (label);
}

/* A laid-out label, whole when it fits in @avail px, else elided to a
 * width rounded down to 4 px (so that neighbouring widths share it).
 * Labels live across frames: laying out text is the dearest part of a
 * frame. */
static PangoLayout *
get_label (Frame       *f,
           PangoLayout *base,
           const char  *text,
           double       avail)
{
  GHashTable *labels = f->layout->labels;
  TaktGanttLabel *label;
  char key[300];
  int bucket;

  /* Keys start with the font: 't' for the regular one, 's' for small. */
  g_snprintf (key, sizeof key, "%c%s", base == f->small ? 's' : 't', text);
  label = g_hash_table_lookup (labels, key);
  if (label == NULL)
    {
      if (g_hash_table_size (labels) > 4096)
        g_hash_table_remove_all (labels);
      label = g_new0 (TaktGanttLabel, 1);
      label->layout = pango_layout_copy (base);
      pango_layout_set_width (label->layout, -1);
      pango_layout_set_text (label->layout, text, -1);
      pango_layout_get_pixel_size (label->layout, &label->width, NULL);
      g_hash_table_insert (labels, g_strdup (key), label);
    }
  if (label->width <= avail)
    return label->layout;

  bucket = (int) floor (avail / 4) * 4;
  if (bucket < 8)
    return NULL;
  g_snprintf (key, sizeof key, "%c%s\037%d", base == f->small ? 's' : 't', text, bucket);
  label = g_hash_table_lookup (labels, key);
  if (label == NULL)
    {
      label = g_new0 (TaktGanttLabel, 1);
      label->layout = pango_layout_copy (base);
      pango_layout_set_width (label->layout, bucket * PANGO_SCALE);
      pango_layout_set_text (label->layout, text, -1);
      label->width = bucket;
      g_hash_table_insert (labels, g_strdup (key), label);
    }
  return label->layout;
}

/* The width the pin glyph takes before a label. */
static double
pin_width (const Frame *f,
           double       bar_h)
{
  return MIN (bar_h, f->theme->font_size) * 0.6 + 5;
}

static void
draw_bar_label (Frame                *f,
                guint                 run,
                double                label_x0,
                double                label_x1,
                double                cy,
                double                bar_h,
                const TaktGanttColor *fill)
{
  TaktGanttColor ink;
  char text[256];
  double pad = 5;
  double x = label_x0 + pad;
  double avail;
  PangoLayout *label;

  contrast_text (fill, &ink);
  if (run_is_pinned (f, run))
    {
      double size = MIN (bar_h, f->theme->font_size);

      if (label_x1 - label_x0 < size * 0.6 + 2 * pad - 2)
        return;
      draw_pin (f, x - 1, cy, size, &ink);
      x += pin_width (f, bar_h);
    }
  avail = label_x1 - pad - x;
  if (avail < f->theme->font_size * 2.4 || bar_h < f->line_h * 0.7)
    return;
  run_label (f, run, text, sizeof text);
  label = get_label (f, f->text, text, avail);
  if (label == NULL)
    return;
  cairo_move_to (f->cr, snap (f, x), snap (f, cy - f->line_h / 2));
  set_color (f->cr, &ink);
  pango_cairo_show_layout (f->cr, label);
}

/* Stripes that lighten every other band of what is under them: laid over
 * the setup part of the bars.  On an image a repeating tile does it in one
 * fill; on other targets (PDF) vector lines keep it sharp. */
static cairo_pattern_t *
stripe_pattern (Frame *f)
{
  double s = f->scale > 0 ? f->scale : 1;
  int n = MAX ((int) round (6 * s), 2);
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, n, n);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;

  set_color_alpha (cr, &f->theme->background, f->theme->dark ? 0.45 : 0.55);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_set_line_width (cr, 1.6 * s);
  for (int k = -1; k <= 1; k++)
    {
      cairo_move_to (cr, k * n, n);
      cairo_line_to (cr, (k + 1) * n, 0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_scale (&matrix, s, s);
  cairo_pattern_set_matrix (pattern, &matrix);
  return pattern;
}

static void
add_box (GArray *rects,
         double  x0,
         double  x1,
         double  y,
         double  h)
{
  cairo_rectangle_t r;

  /* Merge with the previous box of the same colour when they touch. */
  if (rects->len > 0)
    {
      cairo_rectangle_t *last = &g_array_index (rects, cairo_rectangle_t, rects->len - 1);

      if (last->y == y && x0 <= last->x + last->width && x0 >= last->x)
        {
          last->width = MAX (last->width, x1 - last->x);
          return;
        }
    }
  r.x = x0;
  r.y = y;
  r.width = x1 - x0;
  r.height = h;
  g_array_append_val (rects, r);
}

static void
fill_boxes (cairo_t              *cr,
            GArray               *rects,
            const TaktGanttColor *color)
{
  if (rects->len == 0)
    return;
  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (rects, cairo_rectangle_t, i);

      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
    }
  set_color (cr, color);
  cairo_fill (cr);
  g_array_set_size (rects, 0);
}

/* Thin bars of a row on a raster target: a one-pixel-high image of the
 * row's device pixels, stretched over the bar height in one fill.  Cairo
 * spends far longer on thousands of tiny boxes than on this. */
typedef struct
{
  cairo_surface_t *surface;
  guint32         *data;
  int              offset;   /* the device x of its first pixel */
  int              width;
  gboolean         used;
} TaktGanttStrip;

static void
strip_begin (Frame          *f,
             TaktGanttStrip *strip)
{
  strip->offset = (int) round (f->chart_left * f->scale);
  strip->width = MAX ((int) ceil (f->chart_right * f->scale) - strip->offset, 1);
  strip->surface = NULL;
  strip->data = NULL;
  strip->used = FALSE;
}

static void
strip_fill (TaktGanttStrip *strip,
            int             d0,
            int             d1,
            guint32         pixel)
{
  d0 = MAX (d0 - strip->offset, 0);
  d1 = MIN (d1 - strip->offset, strip->width);
  if (d1 <= d0)
    return;
  if (strip->surface == NULL)
    {
      strip->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, strip->width, 1);
      cairo_surface_flush (strip->surface);
      strip->data = (guint32 *) (gpointer) cairo_image_surface_get_data (strip->surface);
    }
  strip->used = TRUE;
  for (int x = d0; x < d1; x++)
    strip->data[x] = pixel;
}

static void
strip_end (Frame          *f,
           TaktGanttStrip *strip,
           double          y,
           double          h)
{
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;

  if (strip->surface == NULL)
    return;
  if (strip->used)
    {
      cairo_surface_mark_dirty (strip->surface);
      pattern = cairo_pattern_create_for_surface (strip->surface);
      cairo_matrix_init (&matrix, f->scale, 0, 0, 1 / h, -strip->offset, -y / h);
      cairo_pattern_set_matrix (pattern, &matrix);
      cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
      cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
      cairo_set_source (f->cr, pattern);
      cairo_rectangle (f->cr, strip->offset / f->scale, y, strip->width / f->scale, h);
      cairo_fill (f->cr);
      cairo_pattern_destroy (pattern);
    }
  cairo_surface_destroy (strip->surface);
  strip->surface = NULL;
}

static guint32
pack_pixel (const TaktGanttColor *c)
{
  return 0xff000000u |
         ((guint32) CLAMP (round (c->red * 255), 0, 255) << 16) |
         ((guint32) CLAMP (round (c->green * 255), 0, 255) << 8) |
         (guint32) CLAMP (round (c->blue * 255), 0, 255);
}

/* Lays out one bar: thin ones go to the row's strip (or become boxes on a
 * vector target), the others wide bars; those are drawn later, one path
 * per colour. */
static void
add_bar (Frame              *f,
         const TaktGanttBar *bar,
         double              bar_y,
         double              bar_h,
         TaktGanttStrip     *strip,
         TaktGanttStrip     *late_strip)
{
  TaktGanttLayout *layout = f->layout;
  guint color = run_color_index (f, bar->run);
  double x0 = frame_x (f, bar->begin);
  double xs = frame_x (f, bar->start);
  double x1 = frame_x (f, bar->end);
  double w = x1 - x0;
  gboolean late;

  if (w >= TAKT_GANTT_WIDE_PX)
    {
      TaktGanttWide wide;

      wide.x0 = snap (f, x0);
      wide.x1 = snap (f, x1);
      wide.xs = CLAMP (snap (f, xs), wide.x0, wide.x1);
      wide.y = bar_y;
      wide.h = bar_h;
      wide.run = bar->run;
      g_array_append_val (layout->wide[color], wide);
      return;
    }

  /* Small bars: square, a device pixel apart from the next one when there
   * is room, the setup lighter; late ones get a red end and underline. */
  late = run_is_late (f, bar->run);
  if (strip != NULL)
    {
      int d0 = (int) floor (x0 * f->scale);
      int d1 = MAX ((int) round (x1 * f->scale), d0 + 1);
      int ds = CLAMP ((int) round (xs * f->scale), d0, d1);
      int gap = w >= TAKT_GANTT_THIN_PX ? 1 : 0;

      strip_fill (strip, d0, ds, f->packed_setup[color]);
      strip_fill (strip, ds, d1 - gap, f->packed[color]);
      if (late)
        {
          int cap = MAX (1, MIN ((int) round (4 * f->scale), (d1 - d0) / 3));

          if (w >= TAKT_GANTT_THIN_PX)
            strip_fill (strip, d1 - gap - cap, d1 - gap, f->packed[layout->n_products + 1]);
          strip_fill (late_strip, d0, d1 - gap, f->packed[layout->n_products + 1]);
        }
      x0 = d0 / f->scale;
      x1 = (d1 - gap) / f->scale;
    }
  else
    {
      double min_w = f->scale > 0 ? 1 / f->scale : 0.5;

      if (f->scale > 0)
        {
          x0 = floor (x0 * f->scale) / f->scale;
          xs = round (xs * f->scale) / f->scale;
          x1 = MAX (round (x1 * f->scale) / f->scale, x0 + min_w);
        }
      else
        x1 = MAX (x1, x0 + min_w);
      if (w >= TAKT_GANTT_THIN_PX)
        x1 -= min_w;
      xs = CLAMP (xs, x0, x1);
      if (xs > x0)
        add_box (layout->box_setup[color], x0, xs, bar_y, bar_h);
      if (x1 > xs)
        add_box (layout->box_main[color], xs, x1, bar_y, bar_h);
      if (late)
        {
          if (w >= TAKT_GANTT_THIN_PX)
            add_box (layout->box_late, x1 - MIN (4, (x1 - x0) / 3), x1, bar_y, bar_h);
          add_box (layout->box_late, x0, x1, bar_y + bar_h + 1, 2);
        }
    }

  if (w >= 12 && run_is_pinned (f, bar->run))
    {
      TaktGanttWide pin = { x0, xs, x1, bar_y, bar_h, bar->run };

      g_array_append_val (layout->small_pins, pin);
    }
}

#define BAR_RADIUS 3.0

static void
draw_batched_bars (Frame *f)
{
  cairo_t *cr = f->cr;
  TaktGanttLayout *layout = f->layout;
  gboolean image = !f->vector;
  gboolean any_setup = FALSE;
  gboolean any_late = FALSE;

  for (guint p = 0; p <= layout->n_products; p++)
    {
      const TaktGanttColor *color = &layout->product_colors[p];
      GArray *wide = layout->wide[p];

      /* Setups and boxes take the product colour too: the stripes come on top. */
      for (guint i = 0; i < wide->len; i++)
        {
          const TaktGanttWide *w = &g_array_index (wide, TaktGanttWide, i);

          if (w->xs - w->x0 >= 1)
            rounded_rect (cr, w->x0, w->y, w->xs - w->x0, w->h, BAR_RADIUS, 0);
          if (w->x1 - w->xs >= 0.5)
            rounded_rect (cr, w->xs, w->y, w->x1 - w->xs, w->h,
                          w->xs - w->x0 >= 1 ? 0 : BAR_RADIUS, BAR_RADIUS);
          any_late |= run_is_late (f, w->run);
        }
      for (guint i = 0; i < layout->box_main[p]->len; i++)
        {
          const cairo_rectangle_t *r = &g_array_index (layout->box_main[p], cairo_rectangle_t, i);

          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
        }
      g_array_set_size (layout->box_main[p], 0);
      set_color (cr, color);
      cairo_fill (cr);
      if (layout->box_setup[p]->len > 0)
        {
          TaktGanttColor light;

          mix (color, &f->theme->background, 0.45, &light);
          fill_boxes (cr, layout->box_setup[p], &light);
        }
    }

  /* The stripes over every setup at once. */
  for (guint p = 0; p <= layout->n_products; p++)
    for (guint i = 0; i < layout->wide[p]->len; i++)
      {
        const TaktGanttWide *w = &g_array_index (layout->wide[p], TaktGanttWide, i);

        if (w->xs - w->x0 >= 4)
          {
            any_setup = TRUE;
            if (image)
              cairo_rectangle (cr, w->x0, w->y, w->xs - w->x0, w->h);
            else
              {
                set_color_alpha (cr, &f->theme->background, f->theme->dark ? 0.45 : 0.55);
                cairo_rectangle (cr, w->x0, w->y, w->xs - w->x0, w->h);
                cairo_fill (cr);
                set_color (cr, &layout->product_colors[p]);
                hatch (cr, w->x0, w->y, w->xs - w->x0, w->h, 6, 1.6);
              }
          }
      }
  if (any_setup && image)
    {
      cairo_pattern_t *stripes = stripe_pattern (f);

      cairo_set_source (cr, stripes);
      cairo_fill (cr);
      cairo_pattern_destroy (stripes);
    }
  cairo_new_path (cr);

  /* Setups too narrow for stripes are just lighter. */
  any_setup = FALSE;
  for (guint p = 0; p <= layout->n_products; p++)
    for (guint i = 0; i < layout->wide[p]->len; i++)
      {
        const TaktGanttWide *w = &g_array_index (layout->wide[p], TaktGanttWide, i);

        if (w->xs - w->x0 >= 1 && w->xs - w->x0 < 4)
          {
            cairo_rectangle (cr, w->x0, w->y, w->xs - w->x0, w->h);
            any_setup = TRUE;
          }
      }
  if (any_setup)
    {
      set_color_alpha (cr, &f->theme->background, 0.55);
      cairo_fill (cr);
    }

  /* Late: a red end and a red line under the bar. */
  if (any_late)
    {
      for (guint p = 0; p <= layout->n_products; p++)
        for (guint i = 0; i < layout->wide[p]->len; i++)
          {
            const TaktGanttWide *w = &g_array_index (layout->wide[p], TaktGanttWide, i);

            if (run_is_late (f, w->run))
              {
                rounded_rect (cr, w->x1 - 4, w->y, 4, w->h, 0, BAR_RADIUS);
                cairo_rectangle (cr, w->x0, w->y + w->h + 1, w->x1 - w->x0, 2);
              }
          }
      set_color (cr, &f->theme->late);
      cairo_fill (cr);
    }
  fill_boxes (cr, layout->box_late, &f->theme->late);

  /* Pins on bars too small for a label. */
  for (guint i = 0; i < layout->small_pins->len; i++)
    {
      const TaktGanttWide *w = &g_array_index (layout->small_pins, TaktGanttWide, i);
      double size = MIN (w->h, f->theme->font_size);
      TaktGanttColor ink;

      contrast_text (run_color (f, w->run), &ink);
      draw_pin (f, (w->x0 + w->x1) / 2 - size * 0.3, w->y + w->h / 2, size, &ink);
    }
  g_array_set_size (layout->small_pins, 0);

  /* Labels and pins keep to the visible part of each bar. */
  for (guint p = 0; p <= layout->n_products; p++)
    {
      for (guint i = 0; i < layout->wide[p]->len; i++)
        {
          const TaktGanttWide *w = &g_array_index (layout->wide[p], TaktGanttWide, i);
          gboolean late = run_is_late (f, w->run);

          if (w->x1 - w->x0 < f->theme->font_size * 1.2)
            continue;
          draw_bar_label (f, w->run, MAX (w->xs > w->x0 + 8 ? w->xs : w->x0, f->chart_left),
                          MIN (w->x1 - (late ? 4 : 0), f->chart_right),
                          w->y + w->h / 2, w->h, &layout->product_colors[p]);
        }
      g_array_set_size (layout->wide[p], 0);
    }
}

static void
draw_overlaps (Frame *f)
{
  cairo_t *cr = f->cr;
  GArray *spans = f->layout->spans;

  if (spans->len == 0)
    return;
  set_color (cr, &f->theme->conflict);
  for (guint i = 0; i < spans->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (spans, cairo_rectangle_t, i);

      if (r->width >= 5)
        hatch (cr, r->x, r->y, r->width, r->height, 6, 2.5);
      cairo_rectangle (cr, r->x + 1, r->y - 2, r->width - 2, r->height + 4);
    }
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  g_array_set_size (spans, 0);
}

static void
add_overlaps (Frame                  *f,
              const TaktGanttRowData *row,
              double                  bar_y,
              double                  bar_h)
{
  double margin = TAKT_GANTT_THIN_PX * f->vp->seconds_per_px;

  for (guint i = takt_gantt_row_first_span_after (row, f->t_left - margin); i < row->overlaps->len; i++)
    {
      const TaktGanttSpan *span = &g_array_index (row->overlaps, TaktGanttSpan, i);
      cairo_rectangle_t r;
      double x0, x1;

      if ((double) span->begin > f->t_right + margin)
        break;
      if ((double) span->end < f->t_left - margin)
        continue;
      x0 = snap (f, frame_x (f, span->begin));
      x1 = MAX (snap (f, frame_x (f, span->end)), x0 + 2);
      r.x = x0;
      r.y = bar_y;
      r.width = x1 - x0;
      r.height = bar_h;
      g_array_append_val (f->layout->spans, r);
    }
}

static void
draw_run_state (Frame *f,
                guint  r)
{
  cairo_t *cr = f->cr;
  const TaktGanttState *state = f->state;
  const TaktGanttLayout *layout = f->layout;
  gboolean selected = run_is_selected (f, r);
  gboolean hovered = state->hover_run >= 0 && (guint) state->hover_run == r;
  gboolean dragged = state->drag_active && state->drag_run >= 0 && (guint) state->drag_run == r;

  for (guint k = layout->run_first_ref[r]; k < layout->run_first_ref[r + 1]; k++)
    {
      double x, y, w, h;

      if (!takt_gantt_layout_get_bar_rect (layout, f->vp, r, k - layout->run_first_ref[r], &x, &y, &w, &h))
        continue;
      if (x > f->chart_right || x + w < f->chart_left ||
          y > f->chart_bottom || y + h < f->chart_top)
        continue;
      x = snap (f, x);
      y = snap (f, y);
      w = MAX (snap (f, x + w) - x, 1);
      h = snap (f, y + h) - y;
      if (dragged)
        {
          /* The bar being moved fades where it was. */
          rounded_rect (cr, x - 1, y - 1, w + 2, h + 2, 4, 4);
          set_color_alpha (cr, &f->theme->background, 0.6);
          cairo_fill (cr);
        }
      if (hovered && !dragged)
        {
          rounded_rect (cr, x, y, w, h, 3, 3);
          cairo_set_source_rgba (cr, 1, 1, 1, f->theme->dark ? 0.14 : 0.22);
          cairo_fill (cr);
          rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, 3, 3);
          set_color_alpha (cr, &f->theme->text, 0.6);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
      if (selected)
        {
          rounded_rect (cr, x - 3, y - 3, w + 6, h + 6, 5, 5);
          set_color (cr, &f->theme->selection);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
    }
}

/* Outlines of the selection and of the bar under the pointer, and the
 * fading of a bar being dragged. */
static void
draw_bar_states (Frame *f)
{
  const TaktGanttState *state = f->state;
  guint n = f->layout->n_runs;

  if (state->selected != NULL)
    {
      for (guint r = 0; r < n; r++)
        if (state->selected[r] && (state->selected_run < 0 || (guint) state->selected_run != r))
          draw_run_state (f, r);
    }
  if (state->drag_active && state->drag_run >= 0 && (guint) state->drag_run < n)
    draw_run_state (f, (guint) state->drag_run);
  if (state->hover_run >= 0 && (guint) state->hover_run < n &&
      state->hover_run != state->selected_run && (!state->drag_active || state->hover_run != state->drag_run))
    draw_run_state (f, (guint) state->hover_run);
  if (state->selected_run >= 0 && (guint) state->selected_run < n &&
      (!state->drag_active || state->selected_run != state->drag_run))
    draw_run_state (f, (guint) state->selected_run);
}

static void
draw_bars (Frame *f)
{
  TaktGanttLayout *layout = f->layout;
  double margin = TAKT_GANTT_THIN_PX * f->vp->seconds_per_px;
  gboolean raster = !f->vector && f->scale > 0;
  TaktGanttStrip strip, late_strip;
  g_autofree guint32 *packed = NULL;

  if (layout->n_runs == 0)
    return;

  /* The opaque pixels of each product's bar and setup, and of "late". */
  packed = g_new (guint32, 2 * (layout->n_products + 2));
  f->packed = packed;
  f->packed_setup = packed + layout->n_products + 2;
  for (guint p = 0; p <= layout->n_products; p++)
    {
      TaktGanttColor light;

      mix (&layout->product_colors[p], &f->theme->background, 0.45, &light);
      f->packed[p] = pack_pixel (&layout->product_colors[p]);
      f->packed_setup[p] = pack_pixel (&light);
    }
  {
    TaktGanttColor late = f->theme->late;

    late.alpha = 1;
    f->packed[layout->n_products + 1] = pack_pixel (&late);
  }

  for (int i = f->first_row; i <= f->last_row; i++)
    {
      const TaktGanttRowData *row = &layout->rows[i];
      double row_y, bar_y, bar_h;

      if (row->info.kind != TAKT_GANTT_ROW_MACHINE || row->bars->len == 0)
        continue;
      row_y = takt_gantt_layout_row_y (layout, f->vp, (guint) i);
      takt_gantt_bar_geometry (f->vp, row_y, &bar_y, &bar_h);
      bar_y = snap (f, bar_y);
      bar_h = snap (f, bar_y + bar_h) - bar_y;

      if (raster)
        {
          strip_begin (f, &strip);
          strip_begin (f, &late_strip);
        }
      for (guint b = takt_gantt_row_first_bar_after (row, f->t_left - margin); b < row->bars->len; b++)
        {
          const TaktGanttBar *bar = &g_array_index (row->bars, TaktGanttBar, b);

          if ((double) bar->begin > f->t_right + margin)
            break;
          if ((double) bar->end < f->t_left - margin)
            continue;
          add_bar (f, bar, bar_y, bar_h, raster ? &strip : NULL, raster ? &late_strip : NULL);
        }
      if (raster)
        {
          strip_end (f, &strip, bar_y, bar_h);
          strip_end (f, &late_strip, bar_y + bar_h + 1, 2);
        }
      if (row->overlaps->len > 0)
        add_overlaps (f, row, bar_y, bar_h);
    }
  draw_batched_bars (f);
  draw_overlaps (f);
}

static void
format_time (gint64      t,
             const char *format,
             char       *buf,
             gsize       size)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  g_autofree char *s = dt != NULL ? g_date_time_format (dt, format) : NULL;

  g_strlcpy (buf, s != NULL ? s : "", size);
}

/* A label in a pill: the ghost's start or the reason it cannot go there. */
static void
draw_pill (Frame                *f,
           const char           *text,
           double                x,
           double                y,
           const TaktGanttColor *fill)
{
  cairo_t *cr = f->cr;
  TaktGanttColor ink;
  double w = text_width (f->small, text) + 12;
  double h = f->small_line_h + 6;

  x = CLAMP (x, f->chart_left + 2, MAX (f->chart_right - w - 2, f->chart_left + 2));
  rounded_rect (cr, x, y, w, h, h / 2, h / 2);
  set_color (cr, fill);
  cairo_fill (cr);
  contrast_text (fill, &ink);
  show_text (f, f->small, f->small_line_h, text, x + 6, y + h / 2, -1, &ink);
}

static void
draw_ghost (Frame *f)
{
  cairo_t *cr = f->cr;
  const TaktGanttState *state = f->state;
  const TaktGanttLayout *layout = f->layout;
  const TaktRun *run;
  const TaktRunStep *step;
  const TaktGanttColor *color;
  const TaktGanttColor *edge;
  gint64 begin, end;
  double row_y, bar_y, bar_h, x0, xs, x1;
  char text[128];

  if (!state->drag_active || state->drag_run < 0 || (guint) state->drag_run >= layout->n_runs ||
      state->drag_row < 0 || (guint) state->drag_row >= layout->n_rows)
    return;
  run = g_ptr_array_index (layout->schedule->runs, state->drag_run);
  if (run->steps == NULL || state->drag_step < 0 || (guint) state->drag_step >= run->steps->len)
    return;
  step = &g_array_index (run->steps, TaktRunStep, state->drag_step);
  begin = state->drag_start - (step->start - MIN (step->setup_start, step->start));
  end = state->drag_start + MAX (step->end - step->start, 0);

  row_y = takt_gantt_layout_row_y (layout, f->vp, (guint) state->drag_row);
  takt_gantt_bar_geometry (f->vp, row_y, &bar_y, &bar_h);
  if (layout->rows[state->drag_row].info.kind == TAKT_GANTT_ROW_STATION)
    {
      bar_y = row_y + 3;
      bar_h = f->vp->group_height - 6;
    }
  x0 = snap (f, frame_x (f, begin));
  xs = snap (f, frame_x (f, state->drag_start));
  x1 = MAX (snap (f, frame_x (f, end)), x0 + 2);
  color = run_color (f, (guint) state->drag_run);
  edge = state->drag_valid ? &f->theme->valid : &f->theme->late;

  if (xs > x0)
    {
      rounded_rect (cr, x0, bar_y, xs - x0, bar_h, 3, 0);
      set_color_alpha (cr, color, 0.3);
      cairo_fill (cr);
    }
  rounded_rect (cr, xs, bar_y, x1 - xs, bar_h, xs > x0 ? 0 : 3, 3);
  set_color_alpha (cr, color, 0.6);
  cairo_fill (cr);
  rounded_rect (cr, x0 - 1, bar_y - 1, x1 - x0 + 2, bar_h + 2, 4, 4);
  set_color (cr, edge);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* A start line through the axis helps to place it precisely. */
  cairo_move_to (cr, snap_line (f, xs), f->chart_top);
  cairo_line_to (cr, snap_line (f, xs), bar_y);
  cairo_set_line_width (cr, f->hair);
  set_color_alpha (cr, edge, 0.7);
  cairo_stroke (cr);

  if (state->drag_valid || state->drag_reason == NULL)
    format_time (state->drag_start, "%a %-d %b %H:%M", text, sizeof text);
  else
    g_strlcpy (text, state->drag_reason, sizeof text);
  {
    double pill_h = f->small_line_h + 6;
    double y = bar_y - pill_h - 4;

    if (y < f->chart_top + 2)
      y = bar_y + bar_h + 4;
    draw_pill (f, text, x0, y, edge);
  }
}

/* The horizon's start and end, "now", and the due times of the selected run. */
static void
draw_time_lines (Frame *f)
{
  cairo_t *cr = f->cr;
  const TaktPlan *plan = f->layout->plan;
  const TaktGanttLayout *layout = f->layout;
  double top = f->vp->axis_height;
  double bottom = MIN (f->chart_bottom, takt_gantt_layout_row_y (layout, f->vp, layout->n_rows));
  gint64 horizon_end = plan->horizon_start + MAX (plan->horizon_days, 1) * TAKT_DAY_S;
  double x;

  /* The due times of what the selected run covers. */
  if (f->state->selected_run >= 0 && (guint) f->state->selected_run < layout->n_runs)
    {
      const TaktRun *run = g_ptr_array_index (layout->schedule->runs, f->state->selected_run);

      for (guint c = 0; run->covers != NULL && c < run->covers->len; c++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);
          gint64 due = cover->demand != NULL ? takt_gantt_layout_demand_due (layout, cover->demand) : G_MININT64;

          if (due == G_MININT64)
            continue;
          x = snap_line (f, frame_x (f, due));
          if (x < f->chart_left || x > f->chart_right)
            continue;
          cairo_move_to (cr, x, f->chart_top);
          cairo_line_to (cr, x, bottom);
          cairo_set_line_width (cr, f->hair);
          cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
          set_color (cr, layout->run_finish[f->state->selected_run] > due ? &f->theme->late : &f->theme->selection);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }

  x = frame_x (f, horizon_end);
  if (x >= f->chart_left && x <= f->chart_right)
    {
      x = snap_line (f, x);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_set_line_width (cr, f->hair);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      set_color (cr, &f->theme->dim_text);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  x = frame_x (f, plan->horizon_start);
  if (x >= f->chart_left - 2 && x <= f->chart_right + 2)
    {
      x = snap (f, x);
      cairo_rectangle (cr, x - 1, top, 2, bottom - top);
      set_color (cr, &f->theme->accent);
      cairo_fill (cr);
    }

  if (f->state->now != G_MININT64)
    {
      x = frame_x (f, f->state->now);
      if (x >= f->chart_left && x <= f->chart_right)
        {
          x = snap (f, x);
          cairo_rectangle (cr, x - 1, top, 2, bottom - top);
          set_color (cr, &f->theme->late);
          cairo_fill (cr);
          cairo_arc (cr, x, f->chart_top, 4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

/* A campaign band holds a line of small text. */
static double
band_height (const TaktGanttViewport *viewport)
{
  return round (viewport->theme.font_size * 0.88 * 1.25) + 4;
}

double
takt_gantt_layout_preferred_lane_height (const TaktGanttLayout   *layout,
                                         const TaktGanttViewport *viewport)
{
  int n;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (viewport != NULL, 0);

  n = layout->n_campaign_lanes;
  /* See takt_gantt_top_lane_geometry(): 4 above the bands, 3 + 7 + 2 for
   * the markers below, 2 between bands. */
  return 16 + n * band_height (viewport) + MAX (n - 1, 0) * 2 + (n == 0 ? 4 : 0);
}

void
takt_gantt_top_lane_geometry (const TaktGanttLayout   *layout,
                              const TaktGanttViewport *viewport,
                              TaktTopLaneGeometry     *g)
{
  double chart_top = takt_gantt_viewport_chart_top (viewport);
  double avail;
  int n = layout->n_campaign_lanes;

  g->marker_half_width = 4.5;
  g->marker_bottom = chart_top - 2;
  g->marker_top = g->marker_bottom - 7;
  g->band_gap = 2;
  g->band_top = viewport->axis_height + 4;
  avail = g->marker_top - 3 - g->band_top;
  g->band_height = n > 0 ? MIN (band_height (viewport), (avail - (n - 1) * g->band_gap) / n) : 0;
  if (g->band_height < 2)
    g->band_height = 0;
}

static void
draw_top_lane (Frame *f)
{
  cairo_t *cr = f->cr;
  const TaktGanttLayout *layout = f->layout;
  const TaktPlan *plan = layout->plan;
  TaktTopLaneGeometry g;
  guint lo, hi;
  double margin = 6 * f->vp->seconds_per_px;

  takt_gantt_top_lane_geometry (layout, f->vp, &g);

  /* Campaign bands, by channel colour, with their names. */
  for (guint c = 0; g.band_height > 0 && c < layout->n_campaigns; c++)
    {
      const TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, c);
      gint64 end = MAX (campaign->end, campaign->start) + TAKT_DAY_S;
      double x0 = frame_x (f, campaign->start);
      double x1 = frame_x (f, end);
      double y = g.band_top + layout->campaign_lane[c] * (g.band_height + g.band_gap);
      TaktGanttColor color;
      double text_x;

      if (x1 < f->chart_left || x0 > f->chart_right)
        continue;
      x0 = snap (f, x0);
      x1 = snap (f, x1);
      takt_gantt_channel_color (campaign->channel, &color);
      rounded_rect (cr, x0, y, x1 - x0, g.band_height, 3, 3);
      set_color_alpha (cr, &color, f->theme->dark ? 0.38 : 0.24);
      cairo_fill (cr);
      rounded_rect (cr, x0, y, MIN (3, x1 - x0), g.band_height, 3, 0);
      set_color (cr, &color);
      cairo_fill (cr);
      text_x = MAX (x0, f->chart_left) + 7;
      if (g.band_height >= f->small_line_h - 2 && x1 - 4 - text_x > f->theme->font_size)
        {
          PangoLayout *label = get_label (f, f->small,
                                          campaign->name != NULL && campaign->name[0] ? campaign->name : campaign->id,
                                          x1 - 4 - text_x);

          if (label != NULL)
            {
              cairo_move_to (cr, snap (f, text_x), snap (f, y + g.band_height / 2 - f->small_line_h / 2));
              set_color (cr, &f->theme->text);
              pango_cairo_show_layout (cr, label);
            }
        }
    }

  /* Due markers, on-time ones then late ones on top.  Each list is sorted:
   * find the first visible by bisection, and after each marker skip to the
   * first due at least 3 px further (closer ones would read as one). */
  for (int pass = 0; pass < 2; pass++)
    {
      const GArray *dues = layout->dues[pass];
      const gint64 *due = (const gint64 *) (gconstpointer) dues->data;
      double from = f->t_left - margin;
      gboolean any = FALSE;

      lo = 0;
      while (lo < dues->len)
        {
          double x;

          hi = dues->len;
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if ((double) due[mid] < from)
                lo = mid + 1;
              else
                hi = mid;
            }
          if (lo >= dues->len || (double) due[lo] > f->t_right + margin)
            break;
          x = snap (f, frame_x (f, due[lo]));
          cairo_move_to (cr, x, g.marker_bottom);
          cairo_line_to (cr, x - g.marker_half_width, g.marker_top);
          cairo_line_to (cr, x + g.marker_half_width, g.marker_top);
          cairo_close_path (cr);
          any = TRUE;
          from = takt_gantt_viewport_time_at_x (f->vp, x + 3);
          lo++;
        }
      if (any)
        {
          set_color (cr, pass == 1 ? &f->theme->late : &f->theme->dim_text);
          cairo_fill (cr);
        }
    }
}

static const char *const major_formats[][5] = {
  /* TAKT_GANTT_UNIT_MINUTE */ { NULL },
  /* TAKT_GANTT_UNIT_HOUR */   { "%A %-d %B, %H:%M", "%a %-d %b, %H:%M", "%-d %b %H:%M", "%H:%M", NULL },
  /* TAKT_GANTT_UNIT_DAY */    { "%A %-d %B %Y", "%a %-d %b %Y", "%a %-d %b", "%-d %b", "%-d" },
  /* TAKT_GANTT_UNIT_WEEK */   { "%-d %b %Y", "%-d %b", "%-d", NULL },
  /* TAKT_GANTT_UNIT_MONTH */  { "%B %Y", "%b %Y", "%b", NULL },
  /* TAKT_GANTT_UNIT_YEAR */   { "%Y", NULL },
};

static const char *const minor_formats[][3] = {
  /* TAKT_GANTT_UNIT_MINUTE */ { "%H:%M", NULL },
  /* TAKT_GANTT_UNIT_HOUR */   { "%H:%M", NULL },
  /* TAKT_GANTT_UNIT_DAY */    { "%a %-d", "%-d", NULL },
  /* TAKT_GANTT_UNIT_WEEK */   { "%-d %b", "%-d", NULL },
  /* TAKT_GANTT_UNIT_MONTH */  { "%B", "%b", NULL },
  /* TAKT_GANTT_UNIT_YEAR */   { "%Y", NULL },
};

/* The longest format of @formats whose label fits in @avail px. */
static gboolean
fit_label (PangoLayout       *layout,
           const char *const *formats,
           guint              n_formats,
           gint64             t,
           double             avail,
           char              *buf,
           gsize              size,
           double            *width)
{
  for (guint i = 0; i < n_formats && formats[i] != NULL; i++)
    {
      format_time (t, formats[i], buf, size);
      *width = text_width (layout, buf);
      if (*width <= avail)
        return TRUE;
    }
  return FALSE;
}

static void
draw_axis (Frame                    *f,
           const TaktGanttAxisScale *scale)
{
  cairo_t *cr = f->cr;
  double h = f->vp->axis_height;
  double major_cy = h * 0.3;
  double minor_cy = h * 0.74;
  char buf[128];
  double w;
  gint64 t;

  cairo_set_line_width (cr, f->hair);

  /* Minor cells: one format for the whole row (the longest that fits in
   * every cell of a sample that covers each weekday and month name), the
   * label at the left of each cell, tick marks at the bottom. */
  {
    const char *const *formats = minor_formats[scale->minor_unit];
    guint chosen = 0;
    gboolean fits = FALSE;

    for (; chosen < G_N_ELEMENTS (minor_formats[0]) && formats[chosen] != NULL && !fits; chosen++)
      {
        int n = 0;

        fits = TRUE;
        for (t = takt_gantt_unit_floor ((gint64) floor (f->t_left), scale->minor_unit, scale->minor_step);
             (double) t <= f->t_right && n < 14 && fits;
             t = takt_gantt_unit_next (t, scale->minor_unit, scale->minor_step), n++)
          {
            gint64 next = takt_gantt_unit_next (t, scale->minor_unit, scale->minor_step);

            format_time (t, formats[chosen], buf, sizeof buf);
            fits = text_width (f->small, buf) <= frame_x (f, next) - frame_x (f, t) - 8;
          }
      }
    /* The loop went one past the format that fits (or past the last one). */
    chosen = chosen > 0 ? chosen - 1 : 0;

    for (t = takt_gantt_unit_floor ((gint64) floor (f->t_left), scale->minor_unit, scale->minor_step);
         (double) t <= f->t_right;
         t = takt_gantt_unit_next (t, scale->minor_unit, scale->minor_step))
      {
        gint64 next = takt_gantt_unit_next (t, scale->minor_unit, scale->minor_step);
        double x0 = frame_x (f, t);
        double x1 = frame_x (f, next);
        double xl = snap_line (f, x0);

        cairo_move_to (cr, xl, h - 5);
        cairo_line_to (cr, xl, h);
        format_time (t, formats[chosen], buf, sizeof buf);
        if (fits || text_width (f->small, buf) <= x1 - x0 - 8)
          {
            gboolean weekend = scale->minor_unit == TAKT_GANTT_UNIT_DAY && takt_weekday (t) >= 5;

            show_text (f, f->small, f->small_line_h, buf, x0 + 4, minor_cy, -1,
                       weekend ? &f->theme->dim_text : &f->theme->text);
          }
      }
    set_color (cr, &f->theme->grid_strong);
    cairo_stroke (cr);
  }

  /* Major cells: a full-height line, and one label format for all of them
   * (the longest that fits every whole cell in view); the label of a cell
   * cut by the left edge sticks to that edge, shortened if it must be. */
  {
    const char *const *formats = major_formats[scale->major_unit];
    guint n_formats = G_N_ELEMENTS (major_formats[0]);
    guint chosen;

    for (chosen = 0; chosen + 1 < n_formats && formats[chosen + 1] != NULL; chosen++)
      {
        gboolean fits = TRUE;
        int n = 0;

        for (t = takt_gantt_unit_floor ((gint64) floor (f->t_left), scale->major_unit, scale->major_step);
             (double) t <= f->t_right && n < 8 && fits;
             t = takt_gantt_unit_next (t, scale->major_unit, scale->major_step))
          {
            gint64 next = takt_gantt_unit_next (t, scale->major_unit, scale->major_step);

            if (frame_x (f, t) < f->chart_left || frame_x (f, next) > f->chart_right)
              continue;
            n++;
            format_time (t, formats[chosen], buf, sizeof buf);
            fits = text_width (f->bold, buf) <= frame_x (f, next) - frame_x (f, t) - 12;
          }
        if (fits)
          break;
      }

    for (t = takt_gantt_unit_floor ((gint64) floor (f->t_left), scale->major_unit, scale->major_step);
         (double) t <= f->t_right;
         t = takt_gantt_unit_next (t, scale->major_unit, scale->major_step))
      {
        gint64 next = takt_gantt_unit_next (t, scale->major_unit, scale->major_step);
        double x0 = frame_x (f, t);
        double x1 = frame_x (f, next);
        double left = MAX (x0, f->chart_left);
        double xl = snap_line (f, x0);

        cairo_move_to (cr, xl, 0);
        cairo_line_to (cr, xl, h);
        set_color (cr, &f->theme->grid_strong);
        cairo_stroke (cr);
        if (fit_label (f->bold, formats + chosen, n_formats - chosen, t, x1 - left - 12, buf, sizeof buf, &w))
          show_text (f, f->bold, f->bold_line_h, buf, MIN (left + 6, x1 - 6 - w), major_cy, -1, &f->theme->text);
      }
  }
}

static void
draw_row_headers (Frame *f)
{
  cairo_t *cr = f->cr;
  const TaktGanttLayout *layout = f->layout;
  const TaktPlan *plan = layout->plan;
  double hw = f->vp->header_width;

  set_color (cr, &f->theme->header);
  cairo_paint (cr);
  draw_group_rows (f, 0, hw);

  cairo_set_line_width (cr, f->hair);
  for (int i = f->first_row; i <= f->last_row; i++)
    {
      const TaktGanttRow *row = &layout->rows[i].info;
      const TaktStation *station = g_ptr_array_index (plan->stations, row->station_index);
      double y = takt_gantt_layout_row_y (layout, f->vp, (guint) i);
      double h = takt_gantt_layout_row_height (layout, f->vp, (guint) i);
      double cy = y + h / 2;
      double line_y = snap_line (f, y + h - f->hair / 2);

      if (row->kind == TAKT_GANTT_ROW_STATION)
        {
          TaktGanttColor chip;
          g_autofree char *count = NULL;
          double count_w;

          if (!takt_gantt_color_parse (station->color, &chip))
            takt_gantt_color_from_rgb (0x9a9996, &chip);
          rounded_rect (cr, snap (f, 12), snap (f, cy - 5), 10, 10, 3, 3);
          set_color (cr, &chip);
          cairo_fill (cr);
          count = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (station->machines, 1));
          count_w = text_width (f->small, count);
          show_text (f, f->small, f->small_line_h, count, hw - 10 - count_w, cy, -1, &f->theme->dim_text);
          show_text (f, f->bold, f->bold_line_h,
                     station->name != NULL && station->name[0] ? station->name : station->id,
                     30, cy, hw - 30 - count_w - 18, &f->theme->text);
        }
      else
        {
          g_autofree char *label = g_strdup_printf (_("Machine %d"), (int) row->machine);

          show_text (f, f->text, f->line_h, label, 30, cy, hw - 38, &f->theme->dim_text);
        }
      cairo_move_to (cr, 0, line_y);
      cairo_line_to (cr, hw, line_y);
      set_color (cr, &f->theme->grid);
      cairo_stroke (cr);
    }
}

static void
draw_corner (Frame *f)
{
  const TaktPlan *plan = f->layout->plan;
  double hw = f->vp->header_width;
  double orders_cy, campaigns_cy;
  TaktTopLaneGeometry g;

  takt_gantt_top_lane_geometry (f->layout, f->vp, &g);
  set_color (f->cr, &f->theme->header);
  cairo_paint (f->cr);
  if (plan->name != NULL && plan->name[0] != '\0')
    show_text (f, f->bold, f->bold_line_h, plan->name, 12, f->vp->axis_height * 0.3, hw - 20, &f->theme->text);
  show_text (f, f->small, f->small_line_h, _("Stations"), 12, f->vp->axis_height * 0.74, hw - 20,
             &f->theme->dim_text);
  /* "Orders due" beside its markers, but its line (descenders and all)
   * above the chart's top border; "Campaigns" beside the first band, above
   * it. */
  orders_cy = MIN ((g.marker_top + g.marker_bottom) / 2,
                   takt_gantt_viewport_chart_top (f->vp) - 1 - f->small_line_h / 2);
  campaigns_cy = g.band_top + MIN (g.band_height, f->vp->lane_height / 2) / 2;
  if (f->layout->n_orders > 0)
    campaigns_cy = MIN (campaigns_cy, orders_cy - f->small_line_h);
  if (f->layout->n_campaign_lanes > 0 && g.band_height > 0)
    show_text (f, f->small, f->small_line_h, _("Campaigns"), 12, campaigns_cy, hw - 20, &f->theme->dim_text);
  if (f->layout->n_orders > 0)
    show_text (f, f->small, f->small_line_h, _("Orders due"), 12, orders_cy, hw - 20, &f->theme->dim_text);
}

static void
draw_borders (Frame *f)
{
  cairo_t *cr = f->cr;
  double x = snap_line (f, f->vp->header_width - f->hair / 2);
  double y_axis = snap_line (f, f->vp->axis_height - f->hair / 2);
  double y_top = snap_line (f, f->chart_top - f->hair / 2);

  cairo_set_line_width (cr, f->hair);
  cairo_move_to (cr, f->chart_left, y_axis);
  cairo_line_to (cr, f->vp->width, y_axis);
  set_color (cr, &f->theme->grid);
  cairo_stroke (cr);
  cairo_move_to (cr, x, 0);
  cairo_line_to (cr, x, f->vp->height);
  cairo_move_to (cr, 0, y_top);
  cairo_line_to (cr, f->vp->width, y_top);
  set_color (cr, &f->theme->grid_strong);
  cairo_stroke (cr);
}

/* The text layouts live in the chart layout between frames; they are made
 * again when the font, or what the target does to text (its font options,
 * the transformation, the device scale), changes.  (The Pango context's
 * serial cannot tell: updating a context from a cairo_t bumps it every
 * time.) */
static void
ensure_text (Frame *f)
{
  TaktGanttLayout *layout = f->layout;
  const TaktGanttTheme *theme = f->theme;
  cairo_surface_t *target = cairo_get_target (f->cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;
  double sx = 1, sy = 1;
  g_autofree char *key = NULL;

  cairo_surface_get_font_options (target, options);
  cairo_get_matrix (f->cr, &matrix);
  cairo_surface_get_device_scale (target, &sx, &sy);
  key = g_strdup_printf ("%s|%g|%lu|%g,%g,%g,%g|%d|%g,%g",
                         theme->font_family ? theme->font_family : "", theme->font_size,
                         cairo_font_options_hash (options),
                         matrix.xx, matrix.yx, matrix.xy, matrix.yy,
                         (int) cairo_surface_get_type (target), sx, sy);
  cairo_font_options_destroy (options);

  if (layout->pango == NULL || layout->text == NULL || g_strcmp0 (key, layout->font_key) != 0)
    {
      const char *family = theme->font_family ? theme->font_family : "sans-serif";

      if (layout->pango == NULL)
        layout->pango = pango_cairo_create_context (f->cr);
      else
        pango_cairo_update_context (f->cr, layout->pango);
      g_hash_table_remove_all (layout->labels);
      g_clear_object (&layout->text);
      g_clear_object (&layout->bold);
      g_clear_object (&layout->small);
      layout->text = new_text_layout (layout->pango, family, theme->font_size, PANGO_WEIGHT_NORMAL);
      layout->bold = new_text_layout (layout->pango, family, theme->font_size, PANGO_WEIGHT_BOLD);
      layout->small = new_text_layout (layout->pango, family, round (theme->font_size * 0.88), PANGO_WEIGHT_NORMAL);
      layout->line_h = line_height (layout->text);
      layout->bold_line_h = line_height (layout->bold);
      layout->small_line_h = line_height (layout->small);
      g_free (layout->font_key);
      layout->font_key = g_steal_pointer (&key);
    }
  f->text = layout->text;
  f->bold = layout->bold;
  f->small = layout->small;
  f->line_h = layout->line_h;
  f->bold_line_h = layout->bold_line_h;
  f->small_line_h = layout->small_line_h;
}

void
takt_gantt_draw (cairo_t                 *cr,
                 TaktGanttLayout         *layout,
                 const TaktGanttViewport *viewport,
                 const TaktGanttState    *state)
{
  Frame frame = { 0 };
  Frame *f = &frame;
  TaktGanttState default_state;
  TaktGanttAxisScale scale;
  int dev;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (viewport->seconds_per_px > 0);

  if (state == NULL)
    {
      takt_gantt_state_init (&default_state);
      state = &default_state;
    }

  f->cr = cr;
  f->layout = layout;
  f->vp = viewport;
  f->state = state;
  f->theme = &viewport->theme;
  f->scale = viewport->scale;
  switch ((int) cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      f->vector = TRUE;
      break;
    default:
      f->vector = FALSE;
      break;
    }
  dev = f->scale > 0 ? MAX (1, (int) round (f->scale)) : 1;
  f->hair = f->scale > 0 ? dev / f->scale : 1;
  f->hair_odd = (dev % 2) == 1;
  f->chart_left = viewport->header_width;
  f->chart_top = takt_gantt_viewport_chart_top (viewport);
  f->chart_right = viewport->width;
  f->chart_bottom = viewport->height;
  f->t_left = takt_gantt_viewport_time_at_x (viewport, f->chart_left);
  f->t_right = takt_gantt_viewport_time_at_x (viewport, f->chart_right);
  f->first_row = 1;
  f->last_row = 0;
  if (layout->n_rows > 0)
    {
      double content_top = takt_gantt_layout_row_y (layout, viewport, 0);
      double content_bottom = takt_gantt_layout_row_y (layout, viewport, layout->n_rows);

      if (content_bottom > f->chart_top && content_top < f->chart_bottom)
        {
          f->first_row = MAX (0, takt_gantt_layout_row_at_y (layout, viewport, MAX (f->chart_top, content_top)));
          f->last_row = takt_gantt_layout_row_at_y (layout, viewport,
                                                    MIN (f->chart_bottom, content_bottom) - 0.001);
          if (f->last_row < 0)
            f->last_row = (int) layout->n_rows - 1;
        }
    }

  takt_gantt_axis_choose (viewport->seconds_per_px, viewport->theme.font_size, &scale);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  ensure_text (f);

  /* The chart body. */
  cairo_save (cr);
  clip_rect (cr, f->chart_left, f->chart_top, f->chart_right - f->chart_left, f->chart_bottom - f->chart_top);
  set_color (cr, &f->theme->background);
  cairo_paint (cr);
  if (f->first_row <= f->last_row)
    {
      draw_group_rows (f, f->chart_left, f->chart_right);
      draw_non_working (f);
      draw_grid (f, &scale);
      draw_bars (f);
      draw_bar_states (f);
    }
  cairo_restore (cr);

  /* The top lane. */
  cairo_save (cr);
  clip_rect (cr, f->chart_left, viewport->axis_height, f->chart_right - f->chart_left, viewport->lane_height);
  set_color (cr, &f->theme->header);
  cairo_paint (cr);
  draw_top_lane (f);
  cairo_restore (cr);

  /* Lines through the lane and the body, and the ghost on top. */
  cairo_save (cr);
  clip_rect (cr, f->chart_left, viewport->axis_height, f->chart_right - f->chart_left,
             f->chart_bottom - viewport->axis_height);
  draw_time_lines (f);
  cairo_restore (cr);
  cairo_save (cr);
  clip_rect (cr, f->chart_left, f->chart_top, f->chart_right - f->chart_left, f->chart_bottom - f->chart_top);
  draw_ghost (f);
  cairo_restore (cr);

  /* The axis. */
  cairo_save (cr);
  clip_rect (cr, f->chart_left, 0, f->chart_right - f->chart_left, viewport->axis_height);
  set_color (cr, &f->theme->header);
  cairo_paint (cr);
  draw_axis (f, &scale);
  cairo_restore (cr);

  /* The sticky row headers and the corner. */
  cairo_save (cr);
  clip_rect (cr, 0, f->chart_top, viewport->header_width, f->chart_bottom - f->chart_top);
  draw_row_headers (f);
  cairo_restore (cr);
  cairo_save (cr);
  clip_rect (cr, 0, 0, viewport->header_width, f->chart_top);
  draw_corner (f);
  cairo_restore (cr);

  draw_borders (f);

  cairo_restore (cr);
}
