/* takt-chart.c — bar and line charts as plain cairo drawing
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "takt-chart-private.h"
#include "takt-money.h"
#include "takt-time.h"

#define PAD          8.0    /* around the drawing */
#define LABEL_GAP    6.0    /* between neighbouring labels, and labels and the plot */
#define SWATCH       10.0   /* a legend's colour square */
#define MAX_BAR_PX   56.0   /* the widest a bar of a category chart gets */
#define MAX_ROW_PX   34.0   /* the tallest band of a horizontal bar chart */

typedef enum
{
  X_NONE,
  X_CATEGORIES,
  X_DAYS,
  X_TIME,
} XKind;

typedef struct
{
  char           *name;
  TaktGanttColor  color;
  double         *values;
  gint64         *times;    /* lines only */
  guint           n;
  gboolean        steps;
  gboolean        dashed;
} Series;

typedef struct
{
  gint64  t;
  char   *label;
} Marker;

/* One value axis as drawn: ticks in display units (values × factor). */
typedef struct
{
  TaktChartFormat format;
  char           *unit_label;
  TaktChartTicks  ticks;
  double          factor;
  const char     *display_unit;  /* durations: "s", "min" or "h" */
} ValueAxis;

struct _TaktChart
{
  TaktChartKind   kind;
  char           *title;
  char           *currency;
  char           *empty_text;
  gboolean        show_values;

  XKind           x_kind;
  GPtrArray      *categories;
  gint64          first_day;
  guint           n_days;
  gint64          t0;
  gint64          t1;

  GPtrArray      *series;
  double         *references;
  guint           n_references;
  char           *reference_name;
  TaktGanttColor  reference_color;
  int             highlight;
  char           *highlight_label;
  TaktGanttColor *category_colors;
  guint           n_category_colors;
  GArray         *markers;

  ValueAxis       axis;
  ValueAxis       axis2;
  guint           secondary_first;
  gboolean        has_secondary;

  gboolean        has_pointer;
  double          pointer_x;
  double          pointer_y;

  /* the last drawing */
  gboolean           drawn;
  gboolean           empty;
  TaktChartRect      rect;
  TaktChartRect      plot;
  double             band;         /* the size of a category's or day's band */
  double             band_origin;
  double             bar_size;     /* across the band */
  double             value_room;   /* px kept right of a horizontal plot for values */
  TaktChartDateTicks date_ticks;
  gboolean           has_date_ticks;
  GArray            *label_rects[4];
  GArray            *legend_items; /* of int: a series, or -1 for the references */
};

typedef struct
{
  cairo_t              *cr;
  const TaktGanttTheme *theme;
  double                scale;
  PangoLayout          *text;
  PangoLayout          *small;
  PangoLayout          *bold;
  double                line_h;
  double                small_h;
} Frame;

/* ---- colours ---- */

static const guint32 chart_palette[TAKT_CHART_N_COLORS] = {
  0x3584e4, 0x33d17a, 0xf6d32d, 0xff7800, 0xe01b24, 0x9141ac, 0x986a44, 0x9a9996,
};

void
takt_chart_color (TaktChartColor  which,
                  TaktGanttColor *color)
{
  guint32 rgb;

  g_return_if_fail (color != NULL);

  rgb = chart_palette[(guint) which < TAKT_CHART_N_COLORS ? (guint) which : TAKT_CHART_GREY];
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1.0;
}

static void
set_color (cairo_t              *cr,
           const TaktGanttColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
set_color_alpha (cairo_t              *cr,
                 const TaktGanttColor *c,
                 double                alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* ---- ticks ---- */

static int
decimals_for_step (double step)
{
  if (step >= 1.0 - 1e-9)
    return 0;
  return MIN (10, (int) ceil (-log10 (step) - 1e-9));
}

static double
nice_step_at_least (double raw)
{
  double e = floor (log10 (raw));
  double base = pow (10.0, e);
  double m = raw / base;

  if (m <= 1.0 + 1e-9)
    return base;
  if (m <= 2.0 + 1e-9)
    return 2 * base;
  if (m <= 5.0 + 1e-9)
    return 5 * base;
  return 10 * base;
}

static double
next_nice_step (double step)
{
  double e = floor (log10 (step) + 1e-9);
  double base = pow (10.0, e);
  double m = step / base;

  if (m < 1.5)
    return 2 * base;
  if (m < 3.5)
    return 5 * base;
  return 10 * base;
}

void
takt_chart_nice_ticks (double          min,
                       double          max,
                       double          length_px,
                       double          min_spacing_px,
                       TaktChartTicks *ticks)
{
  int max_intervals;
  double step;

  g_return_if_fail (ticks != NULL);

  if (!isfinite (min) || !isfinite (max))
    min = max = 0;
  if (min > max)
    {
      double t = min;

      min = max;
      max = t;
    }
  if (max - min < 1e-12 * MAX (1.0, fabs (max)))
    {
      if (fabs (max) < 1e-12)
        {
          min = 0;
          max = 1;
        }
      else if (min > 0)
        {
          min = 0;
        }
      else if (max < 0)
        {
          max = 0;
        }
      else
        {
          min -= 1;
          max += 1;
        }
    }

  max_intervals = (int) floor (length_px / MAX (min_spacing_px, 1.0));
  max_intervals = CLAMP (max_intervals, 1, 1000);
  /* A range across zero needs two intervals at least: −step, 0, step. */
  if (max_intervals < 2 && min < 0 && max > 0)
    max_intervals = 2;

  step = nice_step_at_least ((max - min) / max_intervals);
  for (;;)
    {
      double lo = floor (min / step + 1e-9) * step;
      double hi = ceil (max / step - 1e-9) * step;
      int intervals = (int) llround ((hi - lo) / step);

      if (intervals < 1)
        {
          hi = lo + step;
          intervals = 1;
        }
      if (intervals <= max_intervals)
        {
          ticks->lo = lo;
          ticks->hi = hi;
          ticks->step = step;
          ticks->n = intervals + 1;
          ticks->decimals = decimals_for_step (step);
          return;
        }
      step = next_nice_step (step);
    }
}

void
takt_chart_date_ticks (double              px_per_day,
                       const double        label_width[3],
                       TaktChartDateTicks *ticks)
{
  static const struct { TaktChartDateUnit unit; int step; double days; } choices[] = {
    { TAKT_CHART_DATE_DAY, 1, 1 },
    { TAKT_CHART_DATE_DAY, 2, 2 },
    { TAKT_CHART_DATE_WEEK, 1, 7 },
    { TAKT_CHART_DATE_WEEK, 2, 14 },
    { TAKT_CHART_DATE_MONTH, 1, 28 },
    { TAKT_CHART_DATE_MONTH, 2, 59 },
    { TAKT_CHART_DATE_MONTH, 3, 89 },
    { TAKT_CHART_DATE_MONTH, 6, 181 },
    { TAKT_CHART_DATE_MONTH, 12, 365 },
  };

  g_return_if_fail (label_width != NULL);
  g_return_if_fail (ticks != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      /* Months are as short as 28 days: the cell is measured at its least. */
      if (choices[i].days * px_per_day >= label_width[choices[i].unit] + LABEL_GAP ||
          i == G_N_ELEMENTS (choices) - 1)
        {
          ticks->unit = choices[i].unit;
          ticks->step = choices[i].step;
          return;
        }
    }
}

gint64
takt_chart_date_tick_ceil (const TaktChartDateTicks *ticks,
                           gint64                    day)
{
  gint64 d;

  g_return_val_if_fail (ticks != NULL, day);

  d = takt_day_start (day);
  if (d < day)
    d += TAKT_DAY_S;

  switch (ticks->unit)
    {
    case TAKT_CHART_DATE_WEEK:
      while (takt_weekday (d) != 0)
        d += TAKT_DAY_S;
      if (ticks->step > 1)
        {
          /* Every other Monday counted from 1970-01-05, a Monday. */
          gint64 weeks = (d / TAKT_DAY_S - 4) / 7;

          if (weeks % ticks->step != 0)
            d += (ticks->step - weeks % ticks->step) * 7 * TAKT_DAY_S;
        }
      return d;

    case TAKT_CHART_DATE_MONTH:
      {
        gint64 year;
        int month, mday;
        gint64 months;

        takt_civil_from_days (d / TAKT_DAY_S, &year, &month, &mday);
        if (mday != 1)
          {
            month++;
            if (month > 12)
              {
                month = 1;
                year++;
              }
          }
        months = year * 12 + (month - 1);
        while (months % ticks->step != 0)
          months++;
        return takt_days_from_civil (months / 12, (int) (months % 12) + 1, 1) * TAKT_DAY_S;
      }

    case TAKT_CHART_DATE_DAY:
    default:
      if (ticks->step > 1)
        {
          gint64 days = d / TAKT_DAY_S;

          if (days % ticks->step != 0)
            d += (ticks->step - days % ticks->step) * TAKT_DAY_S;
        }
      return d;
    }
}

gint64
takt_chart_date_tick_next (const TaktChartDateTicks *ticks,
                           gint64                    tick)
{
  g_return_val_if_fail (ticks != NULL, tick);

  switch (ticks->unit)
    {
    case TAKT_CHART_DATE_WEEK:
      return tick + 7 * ticks->step * TAKT_DAY_S;

    case TAKT_CHART_DATE_MONTH:
      {
        gint64 year;
        int month, mday;
        gint64 months;

        takt_civil_from_days (tick / TAKT_DAY_S, &year, &month, &mday);
        months = year * 12 + (month - 1) + ticks->step;
        return takt_days_from_civil (months / 12, (int) (months % 12) + 1, 1) * TAKT_DAY_S;
      }

    case TAKT_CHART_DATE_DAY:
    default:
      return tick + ticks->step * TAKT_DAY_S;
    }
}

char *
takt_chart_format_datetime (gint64      t,
                            const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  char *str;

  if (dt == NULL)
    return g_strdup ("");
  str = g_date_time_format (dt, format);
  if (str == NULL)
    return g_strdup ("");
  return g_strstrip (str);
}

char *
takt_chart_format_date (gint64            t,
                        TaktChartDateUnit unit)
{
  /* Translators: a month on a chart's date axis, see g_date_time_format() */
  if (unit == TAKT_CHART_DATE_MONTH)
    return takt_chart_format_datetime (t, C_("chart month", "%b %Y"));
  /* Translators: a day on a chart's date axis, see g_date_time_format() */
  return takt_chart_format_datetime (t, C_("chart day", "%-e %b"));
}

/* ---- numbers ---- */

char *
takt_chart_format_number (double value,
                          int    decimals)
{
  g_autofree char *digits = NULL;

  decimals = CLAMP (decimals, 0, 10);
  if (fabs (value) < 0.5 * pow (10.0, -decimals))
    value = 0;
  digits = takt_number_format_grouped (value, decimals);
  return g_strconcat (value < 0 ? "−" : "", digits, NULL);
}

char *
takt_chart_format_duration (double seconds)
{
  if (fabs (seconds) < 10)
    return g_strdup_printf (_("%.1f s"), seconds);
  if (fabs (seconds) < 120)
    return g_strdup_printf (_("%.0f s"), seconds);
  if (fabs (seconds) < 7200)
    return g_strdup_printf (_("%.1f min"), seconds / 60);
  return g_strdup_printf (_("%.1f h"), seconds / 3600);
}

/* ---- the chart ---- */

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->name);
  g_free (s->values);
  g_free (s->times);
  g_free (s);
}

static void
marker_clear (gpointer data)
{
  Marker *m = data;

  g_free (m->label);
}

TaktChart *
takt_chart_new (TaktChartKind kind)
{
  TaktChart *self = g_new0 (TaktChart, 1);

  self->kind = kind;
  self->x_kind = kind == TAKT_CHART_LINES ? X_TIME : X_NONE;
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);
  self->highlight = -1;
  self->axis.format = TAKT_CHART_FORMAT_NUMBER;
  self->axis.factor = 1;
  self->axis2.format = TAKT_CHART_FORMAT_NUMBER;
  self->axis2.factor = 1;
  self->empty_text = g_strdup (_("No data"));
  for (guint i = 0; i < G_N_ELEMENTS (self->label_rects); i++)
    self->label_rects[i] = g_array_new (FALSE, TRUE, sizeof (TaktChartRect));
  self->legend_items = g_array_new (FALSE, TRUE, sizeof (int));
  takt_chart_color (TAKT_CHART_RED, &self->reference_color);
  return self;
}

void
takt_chart_free (TaktChart *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->currency);
  g_free (self->empty_text);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
  g_free (self->references);
  g_free (self->reference_name);
  g_free (self->highlight_label);
  g_free (self->category_colors);
  g_array_unref (self->markers);
  g_free (self->axis.unit_label);
  g_free (self->axis2.unit_label);
  for (guint i = 0; i < G_N_ELEMENTS (self->label_rects); i++)
    g_array_unref (self->label_rects[i]);
  g_array_unref (self->legend_items);
  g_free (self);
}

TaktChartKind
takt_chart_get_kind (const TaktChart *self)
{
  g_return_val_if_fail (self != NULL, TAKT_CHART_STACKED_BARS);
  return self->kind;
}

void
takt_chart_set_title (TaktChart  *self,
                      const char *title)
{
  g_return_if_fail (self != NULL);
  g_free (self->title);
  self->title = g_strdup (title);
}

void
takt_chart_set_format (TaktChart       *self,
                       TaktChartFormat  format,
                       const char      *currency,
                       const char      *unit_label)
{
  g_return_if_fail (self != NULL);
  self->axis.format = format;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_free (self->axis.unit_label);
  self->axis.unit_label = g_strdup (unit_label);
}

void
takt_chart_set_empty_text (TaktChart  *self,
                           const char *text)
{
  g_return_if_fail (self != NULL);
  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
}

void
takt_chart_set_show_values (TaktChart *self,
                            gboolean   show)
{
  g_return_if_fail (self != NULL);
  self->show_values = !!show;
}

void
takt_chart_set_categories (TaktChart          *self,
                           const char * const *names,
                           guint               n)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->kind != TAKT_CHART_LINES);
  g_return_if_fail (n == 0 || names != NULL);

  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->categories, g_strdup (names[i] != NULL ? names[i] : ""));
  self->x_kind = X_CATEGORIES;
}

void
takt_chart_set_days (TaktChart *self,
                     gint64     first_day,
                     guint      n_days)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->kind == TAKT_CHART_STACKED_BARS || self->kind == TAKT_CHART_GROUPED_BARS);

  self->first_day = takt_day_start (first_day);
  self->n_days = n_days;
  self->x_kind = X_DAYS;
}

void
takt_chart_set_time_range (TaktChart *self,
                           gint64     t0,
                           gint64     t1)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->kind == TAKT_CHART_LINES);

  self->t0 = t0;
  self->t1 = MAX (t1, t0 + 1);
  self->x_kind = X_TIME;
}

guint
takt_chart_get_n_categories (const TaktChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  switch (self->x_kind)
    {
    case X_CATEGORIES:
      return self->categories->len;
    case X_DAYS:
      return self->n_days;
    case X_NONE:
    case X_TIME:
    default:
      return 0;
    }
}

guint
takt_chart_get_n_series (const TaktChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->series->len;
}

static Series *
get_series (const TaktChart *self,
            guint            i)
{
  return g_ptr_array_index (self->series, i);
}

/* A value of a bar series (0 past its end). */
static double
series_value (const Series *s,
              guint         i)
{
  return i < s->n && isfinite (s->values[i]) ? s->values[i] : 0.0;
}

guint
takt_chart_add_series (TaktChart            *self,
                       const char           *name,
                       const TaktGanttColor *color,
                       const double         *values,
                       guint                 n)
{
  Series *s;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->kind != TAKT_CHART_LINES, 0);
  g_return_val_if_fail (color != NULL, 0);
  g_return_val_if_fail (n == 0 || values != NULL, 0);

  s = g_new0 (Series, 1);
  s->name = g_strdup (name != NULL ? name : "");
  s->color = *color;
  s->values = n > 0 ? g_memdup2 (values, sizeof (double) * n) : NULL;
  s->n = n;
  g_ptr_array_add (self->series, s);
  return self->series->len - 1;
}

guint
takt_chart_add_line (TaktChart            *self,
                     const char           *name,
                     const TaktGanttColor *color,
                     const gint64         *times,
                     const double         *values,
                     guint                 n,
                     gboolean              steps)
{
  Series *s;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->kind == TAKT_CHART_LINES, 0);
  g_return_val_if_fail (color != NULL, 0);
  g_return_val_if_fail (n == 0 || (values != NULL && times != NULL), 0);

  s = g_new0 (Series, 1);
  s->name = g_strdup (name != NULL ? name : "");
  s->color = *color;
  s->values = n > 0 ? g_memdup2 (values, sizeof (double) * n) : NULL;
  s->times = n > 0 ? g_memdup2 (times, sizeof (gint64) * n) : NULL;
  s->n = n;
  s->steps = !!steps;
  g_ptr_array_add (self->series, s);
  return self->series->len - 1;
}

void
takt_chart_set_series_dashed (TaktChart *self,
                              guint      series,
                              gboolean   dashed)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);
  get_series (self, series)->dashed = !!dashed;
}

void
takt_chart_set_references (TaktChart            *self,
                           const double         *values,
                           guint                 n,
                           const char           *name,
                           const TaktGanttColor *color)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n == 0 || values != NULL);

  g_clear_pointer (&self->references, g_free);
  self->references = n > 0 ? g_memdup2 (values, sizeof (double) * n) : NULL;
  self->n_references = n;
  g_free (self->reference_name);
  self->reference_name = g_strdup (name);
  if (color != NULL)
    self->reference_color = *color;
}

void
takt_chart_set_highlight (TaktChart  *self,
                          int         category,
                          const char *label)
{
  g_return_if_fail (self != NULL);
  self->highlight = category;
  g_free (self->highlight_label);
  self->highlight_label = g_strdup (label);
}

void
takt_chart_set_category_colors (TaktChart            *self,
                                const TaktGanttColor *colors,
                                guint                 n)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n == 0 || colors != NULL);

  g_clear_pointer (&self->category_colors, g_free);
  self->category_colors = n > 0 ? g_memdup2 (colors, sizeof (TaktGanttColor) * n) : NULL;
  self->n_category_colors = n;
}

void
takt_chart_add_marker (TaktChart  *self,
                       gint64      t,
                       const char *label)
{
  Marker m;

  g_return_if_fail (self != NULL);
  m.t = t;
  m.label = g_strdup (label);
  g_array_append_val (self->markers, m);
}

void
takt_chart_set_secondary (TaktChart       *self,
                          guint            first,
                          TaktChartFormat  format,
                          const char      *unit_label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->kind == TAKT_CHART_GROUPED_BARS);

  self->has_secondary = TRUE;
  self->secondary_first = first;
  self->axis2.format = format;
  g_free (self->axis2.unit_label);
  self->axis2.unit_label = g_strdup (unit_label);
}

static gboolean
is_secondary (const TaktChart *self,
              guint            category)
{
  return self->has_secondary && category >= self->secondary_first;
}

static double
reference_at (const TaktChart *self,
              guint            category)
{
  if (self->references == NULL || category >= self->n_references)
    return NAN;
  return self->references[category];
}

gboolean
takt_chart_is_empty (const TaktChart *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (self->series->len == 0)
    return TRUE;
  if (self->x_kind == X_TIME)
    {
      for (guint i = 0; i < self->series->len; i++)
        if (get_series (self, i)->n > 0)
          return FALSE;
      return TRUE;
    }
  for (guint c = 0; c < takt_chart_get_n_categories (self); c++)
    {
      if (isfinite (reference_at (self, c)))
        return FALSE;
      for (guint i = 0; i < self->series->len; i++)
        if (series_value (get_series (self, i), c) != 0)
          return FALSE;
    }
  return TRUE;
}

void
takt_chart_set_pointer (TaktChart *self,
                        double     x,
                        double     y)
{
  g_return_if_fail (self != NULL);
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
}

void
takt_chart_clear_pointer (TaktChart *self)
{
  g_return_if_fail (self != NULL);
  self->has_pointer = FALSE;
}

/* ---- text ---- */

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *family,
            double      size,
            PangoWeight weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family != NULL ? family : "Sans");
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

static void
measure (PangoLayout *layout,
         const char  *text,
         double      *width,
         double      *height)
{
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static void
show_at (Frame                *f,
         PangoLayout          *layout,
         const char           *text,
         double                x,
         double                y,
         const TaktGanttColor *color)
{
  measure (layout, text, NULL, NULL);
  cairo_move_to (f->cr, x, y);
  set_color (f->cr, color);
  pango_cairo_show_layout (f->cr, layout);
}

static gboolean
rects_touch (const TaktChartRect *a,
             const TaktChartRect *b,
             double               gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Records a label's rectangle when it lies inside @bounds (horizontally)
 * and touches no label placed before it on this axis. */
static gboolean
place_label (TaktChart           *self,
             TaktChartAxis        axis,
             const TaktChartRect *r,
             const TaktChartRect *bounds)
{
  GArray *rects = self->label_rects[axis];

  if (r->x < bounds->x - 0.5 || r->x + r->width > bounds->x + bounds->width + 0.5)
    return FALSE;
  for (guint i = rects->len; i > 0 && i + 3 > rects->len; i--)
    if (rects_touch (&g_array_index (rects, TaktChartRect, i - 1), r, LABEL_GAP / 2))
      return FALSE;
  g_array_append_val (rects, *r);
  return TRUE;
}

static double
crisp (const Frame *f,
       double       v)
{
  if (f->scale <= 0)
    return v;
  return (floor (v * f->scale) + 0.5) / f->scale;
}

/* ---- value axes ---- */

static const char *
duration_unit_for (double max_seconds,
                   double *factor)
{
  if (max_seconds < 120)
    {
      *factor = 1;
      return "s";
    }
  if (max_seconds < 7200)
    {
      *factor = 1.0 / 60;
      return "min";
    }
  *factor = 1.0 / 3600;
  return "h";
}

static void
axis_prepare (ValueAxis *axis,
              double     max_value)
{
  axis->display_unit = NULL;
  switch (axis->format)
    {
    case TAKT_CHART_FORMAT_PERCENT:
      axis->factor = 100;
      break;
    case TAKT_CHART_FORMAT_DURATION:
      axis->display_unit = duration_unit_for (max_value, &axis->factor);
      break;
    case TAKT_CHART_FORMAT_NUMBER:
    case TAKT_CHART_FORMAT_CURRENCY:
    default:
      axis->factor = 1;
      break;
    }
}

static char *
axis_tick_label (const ValueAxis *axis,
                 double           display_value)
{
  if (axis->format == TAKT_CHART_FORMAT_PERCENT)
    return takt_percent_format (display_value / 100.0, axis->ticks.decimals);
  return takt_chart_format_number (display_value, axis->ticks.decimals);
}

static char *
axis_unit_text (const TaktChart *self,
                const ValueAxis *axis)
{
  const char *label = axis->unit_label != NULL ? axis->unit_label : "";

  if (axis->format == TAKT_CHART_FORMAT_DURATION && axis->display_unit != NULL)
    {
      if (*label == '\0')
        return g_strdup (axis->display_unit);
      return g_strdup_printf ("%s %s", axis->display_unit, label);
    }
  return g_strdup (label);
}

static char *
format_value (const TaktChart *self,
              guint            category,
              double           value)
{
  const ValueAxis *axis = is_secondary (self, category) ? &self->axis2 : &self->axis;

  switch (axis->format)
    {
    case TAKT_CHART_FORMAT_CURRENCY:
      return takt_money_format (value, self->currency, 2);
    case TAKT_CHART_FORMAT_PERCENT:
      return takt_percent_format (value, 1);
    case TAKT_CHART_FORMAT_DURATION:
      return takt_chart_format_duration (value);
    case TAKT_CHART_FORMAT_NUMBER:
    default:
      if (fabs (value - round (value)) < 1e-9)
        return takt_chart_format_number (value, 0);
      return takt_chart_format_number (value, fabs (value) < 10 ? 2 : 1);
    }
}

/* The largest stack (or bar) and reference of the categories on one axis. */
static double
value_max (const TaktChart *self,
           gboolean         secondary)
{
  double max = 0;

  if (self->x_kind == X_TIME)
    {
      for (guint i = 0; i < self->series->len; i++)
        {
          const Series *s = get_series (self, i);

          for (guint k = 0; k < s->n; k++)
            if (isfinite (s->values[k]))
              max = MAX (max, s->values[k]);
        }
      return max;
    }

  for (guint c = 0; c < takt_chart_get_n_categories (self); c++)
    {
      double stack = 0;
      double ref = reference_at (self, c);

      if (is_secondary (self, c) != secondary)
        continue;
      for (guint i = 0; i < self->series->len; i++)
        {
          double v = MAX (series_value (get_series (self, i), c), 0);

          if (self->kind == TAKT_CHART_GROUPED_BARS)
            stack = MAX (stack, v);
          else
            stack += v;
        }
      max = MAX (max, stack);
      if (isfinite (ref))
        max = MAX (max, ref);
    }
  return max;
}

static double
value_min (const TaktChart *self)
{
  double min = 0;

  if (self->x_kind != X_TIME)
    return 0;
  for (guint i = 0; i < self->series->len; i++)
    {
      const Series *s = get_series (self, i);

      for (guint k = 0; k < s->n; k++)
        if (isfinite (s->values[k]))
          min = MIN (min, s->values[k]);
    }
  return min;
}

static double
axis_position (const TaktChart *self,
               const ValueAxis *axis,
               double           value)
{
  const TaktChartTicks *t = &axis->ticks;
  double frac = (value * axis->factor - t->lo) / (t->hi - t->lo);

  if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
    return self->plot.x + frac * self->plot.width;
  return self->plot.y + self->plot.height * (1 - frac);
}

double
takt_chart_value_position (const TaktChart *self,
                           guint            category,
                           double           value)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->drawn, 0);

  return axis_position (self, is_secondary (self, category) ? &self->axis2 : &self->axis, value);
}

/* ---- geometry ---- */

gboolean
takt_chart_get_plot_area (const TaktChart *self,
                          TaktChartRect   *plot)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (plot != NULL, FALSE);

  if (!self->drawn)
    return FALSE;
  *plot = self->plot;
  return !self->empty;
}

gboolean
takt_chart_get_ticks (const TaktChart *self,
                      gboolean         secondary,
                      TaktChartTicks  *ticks)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (ticks != NULL, FALSE);

  if (!self->drawn || self->empty || (secondary && !self->has_secondary))
    return FALSE;
  *ticks = secondary ? self->axis2.ticks : self->axis.ticks;
  return TRUE;
}

gboolean
takt_chart_get_date_ticks (const TaktChart    *self,
                           TaktChartDateTicks *ticks)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (ticks != NULL, FALSE);

  if (!self->drawn || !self->has_date_ticks)
    return FALSE;
  *ticks = self->date_ticks;
  return TRUE;
}

gboolean
takt_chart_get_band (const TaktChart *self,
                     guint            category,
                     double          *from,
                     double          *to)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->drawn || self->empty || category >= takt_chart_get_n_categories (self))
    return FALSE;
  if (from != NULL)
    *from = self->band_origin + category * self->band;
  if (to != NULL)
    *to = self->band_origin + (category + 1) * self->band;
  return TRUE;
}

gboolean
takt_chart_get_bar_rect (const TaktChart *self,
                         guint            category,
                         guint            series,
                         TaktChartRect   *rect)
{
  double from, to, base = 0, v, a, b;
  const ValueAxis *axis;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (self->kind == TAKT_CHART_LINES || series >= self->series->len ||
      !takt_chart_get_band (self, category, &from, &to))
    return FALSE;

  axis = is_secondary (self, category) ? &self->axis2 : &self->axis;
  v = MAX (series_value (get_series (self, series), category), 0);
  if (v <= 0)
    return FALSE;

  if (self->kind == TAKT_CHART_GROUPED_BARS)
    {
      double group = self->bar_size;
      double each = group / self->series->len;
      double x0 = (from + to) / 2 - group / 2 + series * each;

      a = axis_position (self, axis, 0);
      b = axis_position (self, axis, v);
      rect->x = x0 + (each > 4 ? 0.5 : 0);
      rect->width = each - (each > 4 ? 1 : 0);
      rect->y = b;
      rect->height = a - b;
      return TRUE;
    }

  for (guint i = 0; i < series; i++)
    base += MAX (series_value (get_series (self, i), category), 0);
  a = axis_position (self, axis, base);
  b = axis_position (self, axis, base + v);

  if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
    {
      rect->x = a;
      rect->width = b - a;
      rect->y = (from + to) / 2 - self->bar_size / 2;
      rect->height = self->bar_size;
    }
  else
    {
      rect->x = (from + to) / 2 - self->bar_size / 2;
      rect->width = self->bar_size;
      rect->y = b;
      rect->height = a - b;
    }
  return TRUE;
}

double
takt_chart_x_for_time (const TaktChart *self,
                       double           t)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->x_kind == X_DAYS)
    return self->band_origin + (t - self->first_day) / TAKT_DAY_S * self->band;
  if (self->x_kind == X_TIME)
    return self->plot.x + (t - self->t0) / (double) (self->t1 - self->t0) * self->plot.width;
  return self->plot.x;
}

static double
time_at_x (const TaktChart *self,
           double           x)
{
  if (self->x_kind == X_DAYS)
    return self->first_day + (x - self->band_origin) / self->band * TAKT_DAY_S;
  return self->t0 + (x - self->plot.x) / self->plot.width * (double) (self->t1 - self->t0);
}

const GArray *
takt_chart_get_label_rects (const TaktChart *self,
                            TaktChartAxis    axis)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) axis < G_N_ELEMENTS (self->label_rects), NULL);
  return self->label_rects[axis];
}

/* ---- lines ---- */

/* The index of the last point at or before @t, or -1. */
static int
point_at (const Series *s,
          double        t)
{
  guint lo = 0, hi = s->n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (s->times[mid] <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (int) lo - 1;
}

static double
line_value_at (const Series *s,
               double        t,
               int          *index)
{
  int i = point_at (s, t);

  *index = i;
  if (i < 0)
    return NAN;
  if (s->steps || (guint) i + 1 >= s->n)
    return (guint) i + 1 >= s->n && !s->steps && t > s->times[i] ? NAN : s->values[i];
  {
    double span = (double) (s->times[i + 1] - s->times[i]);

    if (span <= 0)
      return s->values[i + 1];
    return s->values[i] + (s->values[i + 1] - s->values[i]) * (t - s->times[i]) / span;
  }
}

/* ---- hit testing ---- */

static gboolean
in_rect (const TaktChartRect *r,
         double               x,
         double               y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

gboolean
takt_chart_hit_test (const TaktChart *self,
                     double           x,
                     double           y,
                     TaktChartHit    *hit)
{
  guint n;
  double pos;
  int c;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  hit->kind = TAKT_CHART_HIT_NONE;
  hit->index = -1;
  hit->series = -1;
  hit->value = NAN;
  hit->total = NAN;
  hit->time = NAN;

  if (!self->drawn)
    return FALSE;

  {
    const GArray *legend = self->label_rects[TAKT_CHART_AXIS_LEGEND];

    for (guint i = 0; i < legend->len; i++)
      if (in_rect (&g_array_index (legend, TaktChartRect, i), x, y))
        {
          hit->kind = TAKT_CHART_HIT_LEGEND;
          hit->series = g_array_index (self->legend_items, int, i);
          return TRUE;
        }
  }

  if (self->empty || !in_rect (&self->plot, x, y))
    return FALSE;
  hit->kind = TAKT_CHART_HIT_PLOT;

  if (self->x_kind == X_TIME)
    {
      double best = G_MAXDOUBLE;

      hit->time = time_at_x (self, x);
      for (guint i = 0; i < self->series->len; i++)
        {
          const Series *s = get_series (self, i);
          int index;
          double v = line_value_at (s, hit->time, &index);
          double d;

          if (!isfinite (v))
            continue;
          d = fabs (axis_position (self, &self->axis, v) - y);
          if (d < best)
            {
              best = d;
              hit->series = (int) i;
              hit->index = index;
              hit->value = v;
            }
        }
      if (hit->series >= 0 && best <= 12)
        hit->kind = TAKT_CHART_HIT_POINT;
      return TRUE;
    }

  n = takt_chart_get_n_categories (self);
  pos = self->kind == TAKT_CHART_HORIZONTAL_BARS ? y : x;
  c = (int) floor ((pos - self->band_origin) / self->band);
  if (c < 0 || (guint) c >= n)
    return TRUE;

  hit->index = c;
  if (self->x_kind == X_DAYS)
    hit->time = (double) (self->first_day + c * TAKT_DAY_S);
  hit->total = 0;
  for (guint i = 0; i < self->series->len; i++)
    {
      double v = MAX (series_value (get_series (self, i), (guint) c), 0);

      hit->total += v;
    }
  for (guint i = 0; i < self->series->len; i++)
    {
      TaktChartRect r;

      if (takt_chart_get_bar_rect (self, (guint) c, i, &r) && in_rect (&r, x, y))
        {
          hit->kind = TAKT_CHART_HIT_BAR;
          hit->series = (int) i;
          hit->value = series_value (get_series (self, i), (guint) c);
          break;
        }
    }
  return TRUE;
}

char *
takt_chart_describe_hit (const TaktChart    *self,
                         const TaktChartHit *hit)
{
  g_autoptr(GString) str = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->kind == TAKT_CHART_HIT_LEGEND)
    {
      if (hit->series >= 0 && (guint) hit->series < self->series->len)
        return g_strdup (get_series (self, hit->series)->name);
      return g_strdup (self->reference_name);
    }
  if (hit->kind != TAKT_CHART_HIT_BAR && hit->kind != TAKT_CHART_HIT_POINT &&
      hit->kind != TAKT_CHART_HIT_PLOT)
    return NULL;

  str = g_string_new (NULL);
  if (self->x_kind == X_TIME)
    {
      g_autofree char *when = NULL;

      if (!isfinite (hit->time))
        return NULL;
      /* Translators: an instant in a chart's read-out, see g_date_time_format() */
      when = takt_chart_format_datetime ((gint64) floor (hit->time), C_("chart read-out", "%a %-e %b, %H:%M"));
      g_string_append (str, when);
      for (guint i = 0; i < self->series->len; i++)
        {
          const Series *s = get_series (self, i);
          int index;
          double v = line_value_at (s, hit->time, &index);
          g_autofree char *value = NULL;

          if (!isfinite (v))
            continue;
          value = format_value (self, 0, v);
          g_string_append_printf (str, "\n%s: %s", s->name, value);
        }
      return g_string_free (g_steal_pointer (&str), FALSE);
    }

  if (hit->index < 0)
    return NULL;

  if (self->x_kind == X_DAYS)
    {
      /* Translators: a day in a chart's read-out, see g_date_time_format() */
      g_autofree char *day = takt_chart_format_datetime (self->first_day + hit->index * TAKT_DAY_S,
                                              C_("chart read-out", "%a %-e %b %Y"));
      g_string_append (str, day);
    }
  else
    {
      g_string_append (str, g_ptr_array_index (self->categories, hit->index));
    }

  {
    guint shown = 0;
    double total = 0;

    for (guint i = 0; i < self->series->len; i++)
      {
        const Series *s = get_series (self, i);
        double v = series_value (s, (guint) hit->index);
        g_autofree char *value = NULL;

        total += MAX (v, 0);
        if (v == 0 && self->series->len > 2)
          continue;
        value = format_value (self, (guint) hit->index, v);
        if (*s->name != '\0')
          g_string_append_printf (str, "\n%s: %s", s->name, value);
        else
          g_string_append_printf (str, "\n%s", value);
        shown++;
      }
    if (self->kind != TAKT_CHART_GROUPED_BARS && self->series->len > 1)
      {
        g_autofree char *value = format_value (self, (guint) hit->index, total);

        g_string_append_printf (str, "\n%s: %s", _("Total"), value);
      }
    else if (shown == 0)
      {
        g_autofree char *value = format_value (self, (guint) hit->index, 0);

        g_string_append_printf (str, "\n%s", value);
      }
  }
  {
    double ref = reference_at (self, (guint) hit->index);

    if (isfinite (ref))
      {
        g_autofree char *value = format_value (self, (guint) hit->index, ref);

        g_string_append_printf (str, "\n%s: %s",
                                self->reference_name != NULL ? self->reference_name : _("Reference"),
                                value);
      }
  }
  if (hit->index == self->highlight && self->highlight_label != NULL)
    g_string_append_printf (str, "\n%s", self->highlight_label);
  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* ---- drawing ---- */

static void
draw_legend (TaktChart           *self,
             Frame               *f,
             double              *y)
{
  double x0 = self->rect.x + PAD;
  double x_max = self->rect.x + self->rect.width - PAD;
  double x = x0;
  double row_h = MAX (f->small_h, SWATCH) + 4;
  gboolean any = FALSE;
  guint n_items = self->series->len + (self->reference_name != NULL && self->references != NULL ? 1 : 0);

  if (n_items < 2 && !(self->references != NULL && self->reference_name != NULL))
    return;

  for (guint k = 0; k < n_items; k++)
    {
      int item = k < self->series->len ? (int) k : -1;
      const char *name = item >= 0 ? get_series (self, item)->name : self->reference_name;
      const TaktGanttColor *color = item >= 0 ? &get_series (self, item)->color : &self->reference_color;
      double w, h, item_w;
      TaktChartRect r;

      if (name == NULL || *name == '\0')
        continue;
      measure (f->small, name, &w, &h);
      item_w = SWATCH + 5 + w;
      if (x > x0 && x + item_w > x_max)
        {
          x = x0;
          *y += row_h;
        }
      if (item_w > x_max - x0)
        {
          /* A name wider than the whole row is cut. */
          w = MAX (0, x_max - x0 - SWATCH - 5);
          item_w = x_max - x0;
        }
      if (item >= 0 && self->kind != TAKT_CHART_LINES)
        {
          set_color (f->cr, color);
          cairo_rectangle (f->cr, x, *y + (row_h - SWATCH) / 2, SWATCH, SWATCH);
          cairo_fill (f->cr);
        }
      else
        {
          set_color (f->cr, color);
          cairo_set_line_width (f->cr, 2.5);
          if (item < 0 || get_series (self, item)->dashed)
            {
              double dash[] = { 4, 3 };

              cairo_set_dash (f->cr, dash, 2, 0);
            }
          cairo_move_to (f->cr, x, *y + row_h / 2);
          cairo_line_to (f->cr, x + SWATCH + 2, *y + row_h / 2);
          cairo_stroke (f->cr);
          cairo_set_dash (f->cr, NULL, 0, 0);
        }
      pango_layout_set_width (f->small, (int) (w * PANGO_SCALE) + PANGO_SCALE);
      pango_layout_set_ellipsize (f->small, PANGO_ELLIPSIZE_END);
      cairo_move_to (f->cr, x + SWATCH + 5, *y + (row_h - h) / 2);
      set_color (f->cr, &f->theme->text);
      pango_cairo_show_layout (f->cr, f->small);

      r.x = x;
      r.y = *y;
      r.width = item_w;
      r.height = row_h;
      g_array_append_val (self->label_rects[TAKT_CHART_AXIS_LEGEND], r);
      g_array_append_val (self->legend_items, item);
      x += item_w + 14;
      any = TRUE;
    }
  if (any)
    *y += row_h + 4;
}

static void
draw_empty (TaktChart *self,
            Frame     *f,
            double     top)
{
  double w, h;
  double avail_w = self->rect.width - 2 * PAD;
  double cy = (top + self->rect.y + self->rect.height) / 2;

  self->plot.x = self->rect.x + PAD;
  self->plot.y = top;
  self->plot.width = avail_w;
  self->plot.height = MAX (0, self->rect.y + self->rect.height - top - PAD);

  if (self->empty_text == NULL || avail_w <= 0)
    return;
  pango_layout_set_text (f->text, self->empty_text, -1);
  pango_layout_set_width (f->text, (int) (avail_w * PANGO_SCALE));
  pango_layout_set_alignment (f->text, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (f->text, PANGO_WRAP_WORD);
  {
    int iw, ih;

    pango_layout_get_pixel_size (f->text, &iw, &ih);
    w = iw;
    h = ih;
  }
  cairo_move_to (f->cr, self->rect.x + PAD, cy - h / 2);
  set_color (f->cr, &f->theme->dim_text);
  pango_cairo_show_layout (f->cr, f->text);
  pango_layout_set_alignment (f->text, PANGO_ALIGN_LEFT);
  (void) w;
}

/* Chooses ticks on an axis whose labels run along it (a horizontal value
 * axis): the spacing grows until the widest label fits between ticks. */
static void
choose_ticks_across (const TaktChart *self,
                     Frame           *f,
                     ValueAxis       *axis,
                     double           min,
                     double           max,
                     double           length)
{
  double spacing = 48;

  for (int round = 0; round < 8; round++)
    {
      double widest = 0;

      takt_chart_nice_ticks (min * axis->factor, max * axis->factor, length, spacing, &axis->ticks);
      for (int i = 0; i < axis->ticks.n; i++)
        {
          g_autofree char *label = axis_tick_label (axis, axis->ticks.lo + i * axis->ticks.step);
          double w;

          measure (f->small, label, &w, NULL);
          widest = MAX (widest, w);
        }
      if (widest + LABEL_GAP * 2 <= spacing)
        return;
      spacing = widest + LABEL_GAP * 2;
    }
}

static double
widest_tick_label (Frame           *f,
                   const ValueAxis *axis)
{
  double widest = 0;

  for (int i = 0; i < axis->ticks.n; i++)
    {
      g_autofree char *label = axis_tick_label (axis, axis->ticks.lo + i * axis->ticks.step);
      double w;

      measure (f->small, label, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
date_label_widths (Frame  *f,
                   double  widths[3])
{
  widths[0] = widths[1] = widths[2] = 0;
  for (int month = 1; month <= 12; month++)
    {
      gint64 t = takt_days_from_civil (2026, month, 28) * TAKT_DAY_S;
      g_autofree char *day = takt_chart_format_date (t, TAKT_CHART_DATE_DAY);
      g_autofree char *mon = takt_chart_format_date (t, TAKT_CHART_DATE_MONTH);
      double w;

      measure (f->small, day, &w, NULL);
      widths[0] = MAX (widths[0], w);
      widths[1] = MAX (widths[1], w);
      measure (f->small, mon, &w, NULL);
      widths[2] = MAX (widths[2], w);
    }
}

static void
draw_value_grid (TaktChart       *self,
                 Frame           *f,
                 const ValueAxis *axis,
                 gboolean         right)
{
  const TaktChartTicks *t = &axis->ticks;
  TaktChartAxis which = right ? TAKT_CHART_AXIS_Y2 : TAKT_CHART_AXIS_Y;
  TaktChartRect bounds = self->rect;

  for (int i = 0; i < t->n; i++)
    {
      double v = t->lo + i * t->step;
      double frac = (v - t->lo) / (t->hi - t->lo);
      g_autofree char *label = axis_tick_label (axis, v);
      double w, h;
      TaktChartRect r;

      measure (f->small, label, &w, &h);

      if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
        {
          double x = crisp (f, self->plot.x + frac * self->plot.width);

          if (!right)
            {
              set_color (f->cr, fabs (v) < 1e-12 ? &f->theme->grid_strong : &f->theme->grid);
              cairo_set_line_width (f->cr, 1);
              cairo_move_to (f->cr, x, self->plot.y);
              cairo_line_to (f->cr, x, self->plot.y + self->plot.height);
              cairo_stroke (f->cr);
            }
          r.x = x - w / 2;
          r.y = self->plot.y + self->plot.height + 4;
          r.width = w;
          r.height = h;
          if (r.x < self->rect.x + PAD && i == 0)
            r.x = self->rect.x + PAD;
          if (place_label (self, TAKT_CHART_AXIS_X, &r, &bounds))
            show_at (f, f->small, label, r.x, r.y, &f->theme->dim_text);
        }
      else
        {
          double y = crisp (f, self->plot.y + self->plot.height * (1 - frac));

          if (!right)
            {
              set_color (f->cr, fabs (v) < 1e-12 ? &f->theme->grid_strong : &f->theme->grid);
              cairo_set_line_width (f->cr, 1);
              cairo_move_to (f->cr, self->plot.x, y);
              cairo_line_to (f->cr, self->plot.x + self->plot.width, y);
              cairo_stroke (f->cr);
            }
          r.x = right ? self->plot.x + self->plot.width + LABEL_GAP : self->plot.x - LABEL_GAP - w;
          r.y = y - h / 2;
          r.width = w;
          r.height = h;
          /* The vertical axis: no label may touch the one below it. */
          {
            GArray *rects = self->label_rects[which];

            if (rects->len > 0)
              {
                const TaktChartRect *prev = &g_array_index (rects, TaktChartRect, rects->len - 1);

                if (r.y + r.height + 1 > prev->y)
                  continue;
              }
            g_array_append_val (rects, r);
          }
          show_at (f, f->small, label, r.x, r.y, &f->theme->dim_text);
        }
    }
}

static void
draw_day_axis (TaktChart *self,
               Frame     *f,
               double     label_y)
{
  double widths[3];
  gint64 first, last;
  TaktChartRect bounds = self->rect;
  gboolean bars = self->x_kind == X_DAYS;
  double px_per_day;

  date_label_widths (f, widths);
  if (bars)
    {
      first = self->first_day;
      last = self->first_day + (gint64) self->n_days * TAKT_DAY_S;
      px_per_day = self->band;
    }
  else
    {
      first = self->t0;
      last = self->t1;
      px_per_day = self->plot.width * TAKT_DAY_S / (double) (self->t1 - self->t0);
    }
  takt_chart_date_ticks (px_per_day, widths, &self->date_ticks);
  self->has_date_ticks = TRUE;

  for (gint64 t = takt_chart_date_tick_ceil (&self->date_ticks, first);
       t <= last;
       t = takt_chart_date_tick_next (&self->date_ticks, t))
    {
      g_autofree char *label = takt_chart_format_date (t, self->date_ticks.unit);
      double x = takt_chart_x_for_time (self, (double) t);
      double w, h;
      TaktChartRect r;

      if (bars && t >= last)
        break;
      /* Week and month lines in the plot; days only on a line chart. */
      if (!bars || self->date_ticks.unit != TAKT_CHART_DATE_DAY)
        {
          double gx = crisp (f, x);

          set_color (f->cr, &f->theme->grid);
          cairo_set_line_width (f->cr, 1);
          cairo_move_to (f->cr, gx, self->plot.y);
          cairo_line_to (f->cr, gx, self->plot.y + self->plot.height + 3);
          cairo_stroke (f->cr);
        }
      measure (f->small, label, &w, &h);
      r.x = bars && self->date_ticks.unit == TAKT_CHART_DATE_DAY ? x + self->band / 2 - w / 2 : x - w / 2;
      if (bars && self->date_ticks.unit != TAKT_CHART_DATE_DAY)
        r.x = x + 3;
      r.y = label_y;
      r.width = w;
      r.height = h;
      if (place_label (self, TAKT_CHART_AXIS_X, &r, &bounds))
        show_at (f, f->small, label, r.x, r.y, &f->theme->dim_text);
    }
}

/* Category names under vertical bars: two lines at most, ellipsized; every
 * k-th name when the bands are too narrow for any. */
static void
draw_category_axis (TaktChart *self,
                    Frame     *f,
                    double     label_y,
                    double     max_h)
{
  guint n = self->categories->len;
  double w_max = self->band - 4;
  TaktChartRect bounds = self->rect;

  if (w_max < f->small_h * 1.5)
    return;
  for (guint c = 0; c < n; c++)
    {
      const char *name = g_ptr_array_index (self->categories, c);
      int iw, ih;
      double from = self->band_origin + c * self->band;
      TaktChartRect r;
      gboolean bold = (int) c == self->highlight;
      PangoLayout *layout = bold ? f->bold : f->small;

      /* Two lines broken between words; one ellipsized line when a word
       * alone is wider than the band (no word is cut in two). */
      {
        g_auto(GStrv) words = g_strsplit (name, " ", -1);
        gboolean one_line = max_h < 2 * f->small_h - 0.5;

        for (guint k = 0; words[k] != NULL && !one_line; k++)
          {
            double ww;

            measure (layout, words[k], &ww, NULL);
            if (ww > w_max)
              one_line = TRUE;
          }
        pango_layout_set_text (layout, name, -1);
        pango_layout_set_width (layout, (int) (w_max * PANGO_SCALE));
        pango_layout_set_height (layout, one_line ? -1 : -2);
      }
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &iw, &ih);
      r.x = from + (self->band - iw) / 2;
      r.y = label_y;
      r.width = iw;
      r.height = ih;
      if (place_label (self, TAKT_CHART_AXIS_X, &r, &bounds))
        {
          cairo_move_to (f->cr, from + 2, label_y);
          set_color (f->cr, bold ? &f->theme->late : &f->theme->text);
          pango_cairo_show_layout (f->cr, layout);
        }
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_height (layout, -1);
      pango_layout_set_width (layout, -1);
    }
}

static const TaktGanttColor *
bar_color (const TaktChart *self,
           guint            series,
           guint            category)
{
  if (self->category_colors != NULL && self->series->len == 1 && category < self->n_category_colors)
    return &self->category_colors[category];
  return &get_series (self, series)->color;
}

static void
draw_bars (TaktChart *self,
           Frame     *f)
{
  guint n = takt_chart_get_n_categories (self);

  for (guint c = 0; c < n; c++)
    for (guint i = 0; i < self->series->len; i++)
      {
        TaktChartRect r;

        if (!takt_chart_get_bar_rect (self, c, i, &r))
          continue;
        set_color (f->cr, bar_color (self, i, c));
        cairo_rectangle (f->cr, r.x, r.y, r.width, r.height);
        cairo_fill (f->cr);
        /* A thin line between stacked segments that are tall enough. */
        if (self->kind != TAKT_CHART_GROUPED_BARS && i > 0 &&
            MIN (r.width, r.height) >= 3 && self->bar_size >= 6)
          {
            set_color (f->cr, &f->theme->background);
            cairo_set_line_width (f->cr, 1);
            if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
              {
                cairo_move_to (f->cr, r.x, r.y);
                cairo_line_to (f->cr, r.x, r.y + r.height);
              }
            else
              {
                cairo_move_to (f->cr, r.x, r.y + r.height);
                cairo_line_to (f->cr, r.x + r.width, r.y + r.height);
              }
            cairo_stroke (f->cr);
          }
      }
}

/* The label at the end of a stack: its total, and on a horizontal chart
 * the highlight's label after it. */
static char *
stack_label (const TaktChart *self,
             guint            c)
{
  double total = 0;
  g_autofree char *value = NULL;

  for (guint i = 0; i < self->series->len; i++)
    total += MAX (series_value (get_series (self, i), c), 0);
  if (self->series->len == 1 && self->axis.format == TAKT_CHART_FORMAT_PERCENT)
    value = takt_percent_format (total, 0);
  else
    value = format_value (self, c, total);
  if (self->kind == TAKT_CHART_HORIZONTAL_BARS && (int) c == self->highlight && self->highlight_label != NULL)
    return g_strdup_printf ("%s · %s", value, self->highlight_label);
  return g_steal_pointer (&value);
}

static void
draw_values (TaktChart *self,
             Frame     *f)
{
  guint n = takt_chart_get_n_categories (self);

  for (guint c = 0; c < n; c++)
    {
      double from, to;

      if (!takt_chart_get_band (self, c, &from, &to))
        continue;

      if (self->kind == TAKT_CHART_GROUPED_BARS)
        {
          double each = self->bar_size / self->series->len;

          for (guint i = 0; i < self->series->len; i++)
            {
              double v = series_value (get_series (self, i), c);
              g_autofree char *label = format_value (self, c, v);
              double w, h, x, y;

              measure (f->small, label, &w, &h);
              if (w > each + 2)
                continue;
              x = (from + to) / 2 - self->bar_size / 2 + i * each + (each - w) / 2;
              y = takt_chart_value_position (self, c, MAX (v, 0)) - h - 1;
              if (y < self->plot.y - h)
                continue;
              show_at (f, f->small, label, x, y, &f->theme->dim_text);
            }
          continue;
        }

      {
        double total = 0;
        g_autofree char *label = NULL;
        double w, h, end;

        for (guint i = 0; i < self->series->len; i++)
          total += MAX (series_value (get_series (self, i), c), 0);
        label = stack_label (self, c);
        measure (f->small, label, &w, &h);
        end = takt_chart_value_position (self, c, total);

        if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
          {
            double y = (from + to) / 2 - h / 2;

            if (end + 4 + w <= self->plot.x + self->plot.width + self->value_room)
              show_at (f, f->small, label, end + 4, y,
                       (int) c == self->highlight ? &f->theme->late : &f->theme->text);
            else if (end - 4 - w >= self->plot.x)
              show_at (f, f->small, label, end - 4 - w, y, &f->theme->background);
          }
        else if (w <= to - from)
          {
            show_at (f, f->small, label, (from + to) / 2 - w / 2, end - h - 1, &f->theme->dim_text);
          }
      }
    }
}

static void
draw_references (TaktChart *self,
                 Frame     *f)
{
  guint n = takt_chart_get_n_categories (self);
  gboolean all_same = TRUE;
  double first = NAN;
  double dash[] = { 6, 4 };

  if (self->references == NULL)
    return;
  for (guint c = 0; c < n; c++)
    {
      double ref = reference_at (self, c);

      if (!isfinite (ref))
        {
          all_same = FALSE;
          continue;
        }
      if (!isfinite (first))
        first = ref;
      else if (fabs (ref - first) > 1e-9 * MAX (1.0, fabs (first)))
        all_same = FALSE;
    }
  if (!isfinite (first))
    return;

  set_color (f->cr, &self->reference_color);
  cairo_set_line_width (f->cr, 2);
  cairo_set_dash (f->cr, dash, 2, 0);
  if (all_same)
    {
      double p = crisp (f, takt_chart_value_position (self, 0, first));

      if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
        {
          cairo_move_to (f->cr, p, self->plot.y);
          cairo_line_to (f->cr, p, self->plot.y + self->plot.height);
        }
      else
        {
          cairo_move_to (f->cr, self->plot.x, p);
          cairo_line_to (f->cr, self->plot.x + self->plot.width, p);
        }
      cairo_stroke (f->cr);
    }
  else
    {
      for (guint c = 0; c < n; c++)
        {
          double ref = reference_at (self, c);
          double from, to, p;

          if (!isfinite (ref) || !takt_chart_get_band (self, c, &from, &to))
            continue;
          p = crisp (f, takt_chart_value_position (self, c, ref));
          if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
            {
              cairo_move_to (f->cr, p, from + 1);
              cairo_line_to (f->cr, p, to - 1);
            }
          else
            {
              cairo_move_to (f->cr, from + 1, p);
              cairo_line_to (f->cr, to - 1, p);
            }
          cairo_stroke (f->cr);
        }
    }
  cairo_set_dash (f->cr, NULL, 0, 0);

  /* The reference's value at the end of a single line. */
  if (all_same && self->kind != TAKT_CHART_HORIZONTAL_BARS)
    {
      g_autofree char *value = format_value (self, 0, first);
      g_autofree char *label = g_strdup_printf ("%s %s", self->reference_name != NULL ? self->reference_name : "",
                                                value);
      double w, h;
      double p = takt_chart_value_position (self, 0, first);
      double x;

      measure (f->small, label, &w, &h);
      x = self->plot.x + self->plot.width - w - 4;
      if (p - h - 2 >= self->plot.y)
        {
          set_color_alpha (f->cr, &f->theme->background, 0.85);
          cairo_rectangle (f->cr, x - 2, p - h - 2, w + 4, h);
          cairo_fill (f->cr);
          show_at (f, f->small, label, x, p - h - 2, &self->reference_color);
        }
    }
}

static void
draw_highlight_band (TaktChart *self,
                     Frame     *f)
{
  double from, to;

  if (self->highlight < 0 || !takt_chart_get_band (self, (guint) self->highlight, &from, &to))
    return;
  set_color_alpha (f->cr, &f->theme->late, f->theme->dark ? 0.16 : 0.08);
  if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
    cairo_rectangle (f->cr, self->rect.x, from, self->rect.width, to - from);
  else
    cairo_rectangle (f->cr, from, self->plot.y, to - from, self->plot.height);
  cairo_fill (f->cr);
}

static void
draw_highlight_label (TaktChart *self,
                      Frame     *f)
{
  double from, to, w, h, top = G_MAXDOUBLE, x, y;

  if (self->highlight < 0 || self->highlight_label == NULL ||
      !takt_chart_get_band (self, (guint) self->highlight, &from, &to))
    return;
  measure (f->small, self->highlight_label, &w, &h);

  if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
    {
      /* After the bar (with its value when values are shown). */
      double total = 0;

      if (self->show_values)
        return;
      for (guint i = 0; i < self->series->len; i++)
        total += MAX (series_value (get_series (self, i), (guint) self->highlight), 0);
      x = takt_chart_value_position (self, (guint) self->highlight, total) + 4;
      y = (from + to) / 2 - h / 2;
      if (x + w <= self->rect.x + self->rect.width - PAD)
        show_at (f, f->small, self->highlight_label, x, y, &f->theme->late);
      return;
    }

  /* Over the bar when it fits in the band; else in the row kept free
   * above the plot, where it cannot cover a neighbour. */
  for (guint i = 0; i < self->series->len; i++)
    {
      TaktChartRect r;

      if (takt_chart_get_bar_rect (self, (guint) self->highlight, i, &r))
        top = MIN (top, r.y);
    }
  if (top == G_MAXDOUBLE)
    top = self->plot.y + self->plot.height;
  if (self->show_values)
    top -= h + 1;
  if (w <= to - from - 2)
    y = MAX (top - h - 1, self->rect.y);
  else
    y = self->plot.y - (self->show_values ? 2 * (h + 2) : h + 2);
  x = (from + to) / 2 - w / 2;
  x = CLAMP (x, self->rect.x + PAD, self->rect.x + self->rect.width - PAD - w);
  show_at (f, f->small, self->highlight_label, x, y, &f->theme->late);
}

static void
draw_markers (TaktChart *self,
              Frame     *f)
{
  double dash[] = { 3, 3 };
  double label_right = -G_MAXDOUBLE;

  if (self->x_kind != X_DAYS && self->x_kind != X_TIME)
    return;
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);
      double x = takt_chart_x_for_time (self, (double) m->t);
      double w, h;

      if (x < self->plot.x - 0.5 || x > self->plot.x + self->plot.width + 0.5)
        continue;
      x = crisp (f, x);
      set_color (f->cr, &f->theme->accent);
      cairo_set_line_width (f->cr, 1.5);
      cairo_set_dash (f->cr, dash, 2, 0);
      cairo_move_to (f->cr, x, self->plot.y);
      cairo_line_to (f->cr, x, self->plot.y + self->plot.height);
      cairo_stroke (f->cr);
      cairo_set_dash (f->cr, NULL, 0, 0);
      if (m->label == NULL)
        continue;
      measure (f->small, m->label, &w, &h);
      if (x + 3 + w > self->plot.x + self->plot.width)
        x -= w + 6;
      if (x + 3 < label_right + LABEL_GAP)
        continue;
      set_color_alpha (f->cr, &f->theme->background, 0.85);
      cairo_rectangle (f->cr, x + 1, self->plot.y + 1, w + 4, h);
      cairo_fill (f->cr);
      show_at (f, f->small, m->label, x + 3, self->plot.y + 1, &f->theme->accent);
      label_right = x + 3 + w;
    }
}

/* Points that fall in the pixel column of the one before are folded into
 * a vertical stroke over their range: a line of 600,000 steps costs a path
 * of a few thousand segments and looks the same. */
static void
draw_lines (TaktChart *self,
            Frame     *f)
{
  double px = f->scale > 0 ? f->scale : 4;

  cairo_save (f->cr);
  cairo_rectangle (f->cr, self->plot.x, self->plot.y - 2, self->plot.width, self->plot.height + 4);
  cairo_clip (f->cr);
  cairo_set_line_join (f->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->series->len; i++)
    {
      const Series *s = get_series (self, i);
      double last_y = 0, col_x = 0, col_min = 0, col_max = 0;
      gint64 col = G_MININT64;
      gboolean folded = FALSE;

      if (s->n == 0)
        continue;
      for (guint k = 0; k < s->n; k++)
        {
          double x = takt_chart_x_for_time (self, (double) s->times[k]);
          double y = axis_position (self, &self->axis, s->values[k]);
          gint64 c = (gint64) floor (x * px);

          if (k == 0)
            {
              cairo_move_to (f->cr, x, y);
              col = c;
              col_x = x;
              col_min = col_max = last_y = y;
              continue;
            }
          if (c == col)
            {
              /* The same column: only its range and last level matter. */
              col_min = MIN (col_min, MIN (y, last_y));
              col_max = MAX (col_max, MAX (y, last_y));
              last_y = y;
              folded = TRUE;
              continue;
            }
          if (folded)
            {
              cairo_line_to (f->cr, col_x, col_min);
              cairo_line_to (f->cr, col_x, col_max);
              cairo_line_to (f->cr, col_x, last_y);
              folded = FALSE;
            }
          if (s->steps)
            cairo_line_to (f->cr, x, last_y);
          cairo_line_to (f->cr, x, y);
          col = c;
          col_x = x;
          col_min = MIN (y, last_y);
          col_max = MAX (y, last_y);
          last_y = y;
        }
      if (folded)
        {
          cairo_line_to (f->cr, col_x, col_min);
          cairo_line_to (f->cr, col_x, col_max);
          cairo_line_to (f->cr, col_x, last_y);
        }
      if (s->steps)
        cairo_line_to (f->cr, self->plot.x + self->plot.width, last_y);
      set_color (f->cr, &s->color);
      cairo_set_line_width (f->cr, 2);
      if (s->dashed)
        {
          double dash[] = { 6, 4 };

          cairo_set_dash (f->cr, dash, 2, 0);
        }
      cairo_stroke (f->cr);
      cairo_set_dash (f->cr, NULL, 0, 0);
    }
  cairo_restore (f->cr);
}

static void
draw_hover_under (TaktChart          *self,
                  Frame              *f,
                  const TaktChartHit *hit)
{
  double from, to;

  if (self->x_kind == X_TIME || hit->index < 0 ||
      !takt_chart_get_band (self, (guint) hit->index, &from, &to))
    return;
  set_color (f->cr, &f->theme->grid);
  if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
    cairo_rectangle (f->cr, self->plot.x, from, self->plot.width, to - from);
  else
    cairo_rectangle (f->cr, from, self->plot.y, to - from, self->plot.height);
  cairo_fill (f->cr);
}

static void
draw_readout (TaktChart          *self,
              Frame              *f,
              const TaktChartHit *hit)
{
  g_autofree char *text = takt_chart_describe_hit (self, hit);
  g_autofree char *markup = NULL;
  char *nl;
  int iw, ih;
  double x, y, w, h;

  if (text == NULL || hit->kind == TAKT_CHART_HIT_LEGEND)
    return;

  if (self->x_kind == X_TIME && isfinite (hit->time))
    {
      double gx = crisp (f, takt_chart_x_for_time (self, hit->time));

      set_color (f->cr, &f->theme->grid_strong);
      cairo_set_line_width (f->cr, 1);
      cairo_move_to (f->cr, gx, self->plot.y);
      cairo_line_to (f->cr, gx, self->plot.y + self->plot.height);
      cairo_stroke (f->cr);
      for (guint i = 0; i < self->series->len; i++)
        {
          const Series *s = get_series (self, i);
          int index;
          double v = line_value_at (s, hit->time, &index);

          if (!isfinite (v))
            continue;
          cairo_arc (f->cr, gx, axis_position (self, &self->axis, v), 4, 0, 2 * G_PI);
          set_color (f->cr, &s->color);
          cairo_fill_preserve (f->cr);
          set_color (f->cr, &f->theme->background);
          cairo_set_line_width (f->cr, 1.5);
          cairo_stroke (f->cr);
        }
    }

  nl = strchr (text, '\n');
  if (nl != NULL)
    {
      *nl = '\0';
      markup = g_markup_printf_escaped ("<b>%s</b>\n%s", text, nl + 1);
    }
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", text);

  pango_layout_set_width (f->small, -1);
  pango_layout_set_ellipsize (f->small, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_markup (f->small, markup, -1);
  pango_layout_get_pixel_size (f->small, &iw, &ih);
  w = iw + 16;
  h = ih + 10;
  x = self->pointer_x + 14;
  y = self->pointer_y + 14;
  if (x + w > self->rect.x + self->rect.width - 2)
    x = self->pointer_x - 14 - w;
  if (y + h > self->rect.y + self->rect.height - 2)
    y = self->pointer_y - 14 - h;
  x = MAX (x, self->rect.x + 2);
  y = MAX (y, self->rect.y + 2);

  cairo_new_sub_path (f->cr);
  cairo_arc (f->cr, x + w - 5, y + 5, 5, -G_PI / 2, 0);
  cairo_arc (f->cr, x + w - 5, y + h - 5, 5, 0, G_PI / 2);
  cairo_arc (f->cr, x + 5, y + h - 5, 5, G_PI / 2, G_PI);
  cairo_arc (f->cr, x + 5, y + 5, 5, G_PI, 3 * G_PI / 2);
  cairo_close_path (f->cr);
  set_color (f->cr, &f->theme->header);
  cairo_fill_preserve (f->cr);
  set_color (f->cr, &f->theme->grid_strong);
  cairo_set_line_width (f->cr, 1);
  cairo_stroke (f->cr);
  cairo_move_to (f->cr, x + 8, y + 5);
  set_color (f->cr, &f->theme->text);
  pango_cairo_show_layout (f->cr, f->small);
  pango_layout_set_attributes (f->small, NULL);
}

static gboolean
layout_vertical (TaktChart *self,
                 Frame     *f,
                 double     top)
{
  double bottom = self->rect.y + self->rect.height - PAD;
  double x_label_h = f->small_h + 4;
  double headroom = 0;
  double left_w, right_w = 0;
  double min_v = value_min (self), max_v = value_max (self, FALSE);
  guint n = takt_chart_get_n_categories (self);

  if (self->x_kind == X_CATEGORIES)
    {
      double est_band = (self->rect.width * 0.8) / MAX (n, 1) - 4;

      for (guint c = 0; c < n; c++)
        {
          double w;

          measure (f->small, g_ptr_array_index (self->categories, c), &w, NULL);
          if (w > est_band)
            {
              x_label_h = 2 * f->small_h + 4;
              break;
            }
        }
    }
  if (self->show_values && self->kind != TAKT_CHART_LINES)
    headroom += f->small_h + 2;
  if (self->highlight >= 0 && self->highlight_label != NULL)
    headroom += f->small_h + 2;

  self->plot.y = top + headroom;
  self->plot.height = bottom - x_label_h - self->plot.y;
  if (self->plot.height < 2 * f->small_h)
    return FALSE;

  takt_chart_nice_ticks (min_v * self->axis.factor, max_v * self->axis.factor,
                         self->plot.height, f->small_h * 2.2, &self->axis.ticks);
  left_w = widest_tick_label (f, &self->axis);
  if (self->has_secondary)
    {
      takt_chart_nice_ticks (0, value_max (self, TRUE) * self->axis2.factor,
                             self->plot.height, f->small_h * 2.2, &self->axis2.ticks);
      right_w = widest_tick_label (f, &self->axis2) + LABEL_GAP;
    }
  self->plot.x = self->rect.x + PAD + left_w + LABEL_GAP;
  self->plot.width = self->rect.x + self->rect.width - PAD - right_w - self->plot.x;
  if (self->x_kind == X_TIME)
    self->plot.width -= 4;
  if (self->plot.width < 16)
    return FALSE;

  if (self->x_kind != X_TIME)
    {
      self->band = self->plot.width / MAX (n, 1);
      self->band_origin = self->plot.x;
      switch (self->kind)
        {
        case TAKT_CHART_GROUPED_BARS:
          self->bar_size = MIN (self->band * 0.8, 26.0 * self->series->len);
          break;
        case TAKT_CHART_STACKED_BARS:
          if (self->x_kind == X_DAYS)
            self->bar_size = self->band >= 4 ? self->band * 0.78 : self->band;
          else
            self->bar_size = MIN (self->band * 0.7, MAX_BAR_PX);
          break;
        case TAKT_CHART_HORIZONTAL_BARS:
        case TAKT_CHART_LINES:
        default:
          self->bar_size = self->band;
          break;
        }
    }
  return TRUE;
}

static gboolean
layout_horizontal (TaktChart *self,
                   Frame     *f,
                   double     top)
{
  double bottom = self->rect.y + self->rect.height - PAD;
  double x_label_h = f->small_h + 4;
  double label_w = 0, value_w = 0;
  guint n = takt_chart_get_n_categories (self);
  double avail;

  for (guint c = 0; c < n; c++)
    {
      double w;

      measure (f->bold, g_ptr_array_index (self->categories, c), &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, self->rect.width * 0.38);
  if (self->show_values)
    {
      for (guint c = 0; c < n; c++)
        {
          g_autofree char *label = stack_label (self, c);
          double w;

          measure (f->small, label, &w, NULL);
          value_w = MAX (value_w, w + 6);
        }
    }

  self->plot.x = self->rect.x + PAD + label_w + LABEL_GAP;
  self->plot.width = self->rect.x + self->rect.width - PAD - value_w - self->plot.x;
  self->value_room = value_w;
  self->plot.y = top;
  avail = bottom - x_label_h - top;
  if (self->plot.width < 16 || avail < f->small_h)
    return FALSE;
  self->band = MIN (avail / MAX (n, 1), MAX_ROW_PX);
  self->band_origin = top;
  self->plot.height = self->band * n;
  self->bar_size = self->band * 0.66;

  choose_ticks_across (self, f, &self->axis, 0, value_max (self, FALSE), self->plot.width);
  return TRUE;
}

static void
draw_row_labels (TaktChart *self,
                 Frame     *f)
{
  guint n = self->categories->len;
  double label_w = self->plot.x - LABEL_GAP - (self->rect.x + PAD);
  GArray *rects = self->label_rects[TAKT_CHART_AXIS_Y];

  for (guint c = 0; c < n; c++)
    {
      PangoLayout *layout = (int) c == self->highlight ? f->bold : f->small;
      int iw, ih;
      TaktChartRect r;
      double from = self->band_origin + c * self->band;

      pango_layout_set_text (layout, g_ptr_array_index (self->categories, c), -1);
      pango_layout_set_width (layout, (int) (label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (layout, &iw, &ih);
      r.x = self->plot.x - LABEL_GAP - iw;
      r.y = from + (self->band - ih) / 2;
      r.width = iw;
      r.height = ih;
      if (rects->len == 0 ||
          r.y >= g_array_index (rects, TaktChartRect, rects->len - 1).y +
                 g_array_index (rects, TaktChartRect, rects->len - 1).height)
        {
          g_array_append_val (rects, r);
          cairo_move_to (f->cr, self->rect.x + PAD, r.y);
          set_color (f->cr, (int) c == self->highlight ? &f->theme->late : &f->theme->text);
          pango_cairo_show_layout (f->cr, layout);
        }
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
}

void
takt_chart_draw (TaktChart            *self,
                 cairo_t              *cr,
                 const TaktChartRect  *rect,
                 const TaktGanttTheme *theme,
                 double                scale)
{
  Frame f = { 0 };
  double y, h;
  TaktChartHit hit;
  gboolean ok;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (theme != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->label_rects); i++)
    g_array_set_size (self->label_rects[i], 0);
  g_array_set_size (self->legend_items, 0);
  self->rect = *rect;
  self->plot = *rect;
  self->drawn = TRUE;
  self->empty = FALSE;
  self->has_date_ticks = FALSE;
  self->band = 1;
  self->band_origin = rect->x;
  self->bar_size = 0;
  self->value_room = 0;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  set_color (cr, &theme->background);
  cairo_paint (cr);

  f.cr = cr;
  f.theme = theme;
  f.scale = scale;
  f.text = new_layout (cr, theme->font_family, theme->font_size, PANGO_WEIGHT_NORMAL);
  f.small = new_layout (cr, theme->font_family, round (theme->font_size * 0.88), PANGO_WEIGHT_NORMAL);
  f.bold = new_layout (cr, theme->font_family, round (theme->font_size * 0.88), PANGO_WEIGHT_BOLD);
  measure (f.text, "Ag", NULL, &f.line_h);
  measure (f.small, "Ag", NULL, &f.small_h);

  y = rect->y + PAD;
  if (self->title != NULL && *self->title != '\0')
    {
      PangoLayout *title = new_layout (cr, theme->font_family, theme->font_size, PANGO_WEIGHT_BOLD);

      pango_layout_set_text (title, self->title, -1);
      pango_layout_set_width (title, (int) (MAX (rect->width - 2 * PAD, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, rect->x + PAD, y);
      set_color (cr, &theme->text);
      pango_cairo_show_layout (cr, title);
      y += f.line_h + 4;
      g_object_unref (title);
    }
  draw_legend (self, &f, &y);

  self->empty = takt_chart_is_empty (self) ||
                (self->x_kind != X_TIME && takt_chart_get_n_categories (self) == 0);
  if (self->empty)
    {
      draw_empty (self, &f, y);
      goto out;
    }

  axis_prepare (&self->axis, value_max (self, FALSE));
  axis_prepare (&self->axis2, value_max (self, TRUE));
  {
    g_autofree char *unit = axis_unit_text (self, &self->axis);
    g_autofree char *unit2 = self->has_secondary ? axis_unit_text (self, &self->axis2) : NULL;
    double w2 = 0;

    if (unit2 != NULL && *unit2 != '\0')
      {
        measure (f.small, unit2, &w2, &h);
        show_at (&f, f.small, unit2, rect->x + rect->width - PAD - w2, y, &theme->dim_text);
      }
    if (*unit != '\0')
      {
        pango_layout_set_text (f.small, unit, -1);
        pango_layout_set_width (f.small, (int) (MAX (rect->width - 2 * PAD - w2 - 12, 1) * PANGO_SCALE));
        pango_layout_set_ellipsize (f.small, PANGO_ELLIPSIZE_END);
        cairo_move_to (cr, rect->x + PAD, y);
        set_color (cr, &theme->dim_text);
        pango_cairo_show_layout (cr, f.small);
      }
    if (*unit != '\0' || w2 > 0)
      y += f.small_h + 4;
  }

  if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
    ok = layout_horizontal (self, &f, y);
  else
    ok = layout_vertical (self, &f, y);
  if (!ok)
    {
      self->empty = TRUE;
      goto out;
    }

  hit.kind = TAKT_CHART_HIT_NONE;
  if (self->has_pointer)
    takt_chart_hit_test (self, self->pointer_x, self->pointer_y, &hit);

  draw_highlight_band (self, &f);
  if (hit.kind != TAKT_CHART_HIT_NONE && hit.kind != TAKT_CHART_HIT_LEGEND)
    draw_hover_under (self, &f, &hit);

  draw_value_grid (self, &f, &self->axis, FALSE);
  if (self->has_secondary)
    {
      double from;

      draw_value_grid (self, &f, &self->axis2, TRUE);
      /* A line between the groups of the two axes. */
      if (takt_chart_get_band (self, self->secondary_first, &from, NULL))
        {
          double x = crisp (&f, from);

          set_color (cr, &theme->grid_strong);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, x, self->plot.y);
          cairo_line_to (cr, x, self->plot.y + self->plot.height + f.small_h + 4);
          cairo_stroke (cr);
        }
    }

  if (self->kind == TAKT_CHART_LINES)
    {
      draw_day_axis (self, &f, self->plot.y + self->plot.height + 4);
      draw_lines (self, &f);
      draw_markers (self, &f);
    }
  else
    {
      if (self->x_kind == X_DAYS)
        draw_day_axis (self, &f, self->plot.y + self->plot.height + 4);
      draw_bars (self, &f);
      if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
        draw_row_labels (self, &f);
      else if (self->x_kind == X_CATEGORIES)
        draw_category_axis (self, &f, self->plot.y + self->plot.height + 4,
                            rect->y + rect->height - PAD - (self->plot.y + self->plot.height + 4));
      draw_markers (self, &f);
      draw_references (self, &f);
      if (self->show_values)
        draw_values (self, &f);
      draw_highlight_label (self, &f);
    }

  /* The baseline over everything. */
  {
    double base = crisp (&f, takt_chart_value_position (self, 0, 0));

    set_color (cr, &theme->grid_strong);
    cairo_set_line_width (cr, 1);
    if (self->kind == TAKT_CHART_HORIZONTAL_BARS)
      {
        cairo_move_to (cr, base, self->plot.y);
        cairo_line_to (cr, base, self->plot.y + self->plot.height);
      }
    else if (base >= self->plot.y - 0.5 && base <= self->plot.y + self->plot.height + 0.5)
      {
        cairo_move_to (cr, self->plot.x, base);
        cairo_line_to (cr, self->plot.x + self->plot.width, base);
      }
    cairo_stroke (cr);
  }

  if (hit.kind != TAKT_CHART_HIT_NONE)
    draw_readout (self, &f, &hit);

out:
  g_object_unref (f.text);
  g_object_unref (f.small);
  g_object_unref (f.bold);
  cairo_restore (cr);
}

/* ---- helpers shared with the campaign calendar ---- */

void
takt_chart_set_source (cairo_t              *cr,
                       const TaktGanttColor *color,
                       double                alpha)
{
  set_color_alpha (cr, color, alpha);
}

PangoLayout *
takt_chart_new_text_layout (cairo_t    *cr,
                            const char *family,
                            double      size,
                            PangoWeight weight)
{
  return new_layout (cr, family, size, weight);
}

void
takt_chart_measure_text (PangoLayout *layout,
                         const char  *text,
                         double      *width,
                         double      *height)
{
  measure (layout, text, width, height);
}

void
takt_chart_text_color_on (const TaktGanttColor *background,
                          TaktGanttColor       *text)
{
  double luma = 0.299 * background->red + 0.587 * background->green + 0.114 * background->blue;

  text->red = text->green = text->blue = luma > 0.62 ? 0.0 : 1.0;
  text->alpha = luma > 0.62 ? 0.85 : 1.0;
}

void
takt_chart_rounded_rect (cairo_t *cr,
                         double   x,
                         double   y,
                         double   width,
                         double   height,
                         double   radius,
                         gboolean round_left,
                         gboolean round_right)
{
  double r = MIN (radius, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  if (round_right)
    {
      cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
    }
  else
    {
      cairo_line_to (cr, x + width, y);
      cairo_line_to (cr, x + width, y + height);
    }
  if (round_left)
    {
      cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    }
  else
    {
      cairo_line_to (cr, x, y + height);
      cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}
