/* takt-chart.h — bar and line charts as plain cairo drawing
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TaktChart is a small description of a chart (its kind, its categories,
 * days or time range, its series and a few decorations) that is drawn onto
 * any cairo_t into a rectangle, in the colours and font of a TaktGanttTheme
 * so that every chart of the app, of the PDF report and of the tests looks
 * the same.  The last drawing's geometry stays in the chart: hit testing
 * (hover read-outs in the widget) and the tests ask it where things went, so
 * what is drawn and what is hit are always the same pixels.
 *
 * Geometry of a drawing into a rectangle (y downwards):
 *
 *   title                                  legend (wrapping rows)
 *   unit label
 *   tick labels |  plot area (grid, bars, lines, reference lines)
 *               +--------------------------------------------------
 *                  category, day or date labels
 *
 * Horizontal bar charts put the category names at the left of the plot and
 * the value ticks under it.  A grouped bar chart may show its last
 * categories against a second value axis at the right (e.g. average stock,
 * in units, beside costs, in money).
 *
 * Labels never overlap: tick steps are chosen from the pixels they get
 * (takt_chart_nice_ticks(), takt_chart_date_ticks()), and any label that
 * would still touch the one before it, or leave the rectangle, is left out.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "takt-gantt-renderer.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TaktChartRect;

/* ---- ticks ---- */

typedef struct
{
  double lo;        /* the axis range: the first and the last tick */
  double hi;
  double step;      /* 1, 2 or 5 × 10^n */
  int    n;         /* ticks from lo to hi, both included (>= 2) */
  int    decimals;  /* what a label of this step needs */
} TaktChartTicks;

/* Chooses ticks for values in [@min, @max] on an axis @length_px long, so
 * that neighbouring ticks are at least @min_spacing_px apart: the smallest
 * step of 1, 2 or 5 × 10^n that keeps them so, with the range widened to
 * whole steps.  An empty or degenerate range becomes [0, 1] or [v − 1, v + 1];
 * a range across zero gets two intervals at least (−step, 0, step). */
void          takt_chart_nice_ticks       (double          min,
                                           double          max,
                                           double          length_px,
                                           double          min_spacing_px,
                                           TaktChartTicks *ticks);

typedef enum
{
  TAKT_CHART_DATE_DAY,
  TAKT_CHART_DATE_WEEK,     /* Mondays */
  TAKT_CHART_DATE_MONTH,    /* the 1st */
} TaktChartDateUnit;

typedef struct
{
  TaktChartDateUnit unit;
  int               step;   /* days: 1, 2; weeks: 1, 2; months: 1, 2, 3, 6, 12 */
} TaktChartDateTicks;

/* The finest date step whose ticks are at least a label wide (plus a gap)
 * at @px_per_day, given the widest label of each unit in px
 * (@label_width[TAKT_CHART_DATE_DAY … MONTH]). */
void          takt_chart_date_ticks       (double              px_per_day,
                                           const double        label_width[3],
                                           TaktChartDateTicks *ticks);
/* The first tick at or after the midnight @day (naive seconds), and the
 * tick after a tick. */
gint64        takt_chart_date_tick_ceil   (const TaktChartDateTicks *ticks,
                                           gint64                    day);
gint64        takt_chart_date_tick_next   (const TaktChartDateTicks *ticks,
                                           gint64                    tick);
/* A date in the locale: "%e %b" (" 3 Dec"), trimmed; months "%b %Y". */
char         *takt_chart_format_date      (gint64              t,
                                           TaktChartDateUnit   unit);

/* ---- numbers ---- */

typedef enum
{
  TAKT_CHART_FORMAT_NUMBER,     /* plain numbers */
  TAKT_CHART_FORMAT_CURRENCY,   /* money in the chart's currency */
  TAKT_CHART_FORMAT_PERCENT,    /* 0.25 is "25 %" */
  TAKT_CHART_FORMAT_DURATION,   /* seconds, shown in s, min or h by range */
} TaktChartFormat;

/* Money is written by takt_money_format() (takt-money.h). */

/* A number with the locale's grouping ("1,234.5", "−12"). */
char         *takt_chart_format_number    (double       value,
                                           int          decimals);
/* "45 s", "12.5 min", "3.2 h". */
char         *takt_chart_format_duration  (double       seconds);

/* ---- the chart ---- */

typedef enum
{
  TAKT_CHART_STACKED_BARS,      /* vertical bars, the series stacked */
  TAKT_CHART_GROUPED_BARS,      /* vertical bars, the series side by side */
  TAKT_CHART_HORIZONTAL_BARS,   /* a row per category, the series stacked */
  TAKT_CHART_LINES,             /* a line per series over time */
} TaktChartKind;

typedef enum
{
  TAKT_CHART_AXIS_X,            /* the labels under the plot */
  TAKT_CHART_AXIS_Y,            /* the labels at its left */
  TAKT_CHART_AXIS_Y2,           /* the second value axis at its right */
  TAKT_CHART_AXIS_LEGEND,       /* the legend's items */
} TaktChartAxis;

typedef struct _TaktChart TaktChart;

TaktChart    *takt_chart_new              (TaktChartKind        kind);
void          takt_chart_free             (TaktChart           *self);
TaktChartKind takt_chart_get_kind         (const TaktChart     *self);

/* Decorations; the strings are copied. */
void          takt_chart_set_title        (TaktChart           *self,
                                           const char          *title);
/* How values read, and the unit shown above the value axis ("EUR per day").
 * @currency is the ISO code for TAKT_CHART_FORMAT_CURRENCY. */
void          takt_chart_set_format       (TaktChart           *self,
                                           TaktChartFormat      format,
                                           const char          *currency,
                                           const char          *unit_label);
/* Shown instead of the plot when there is nothing to draw. */
void          takt_chart_set_empty_text   (TaktChart           *self,
                                           const char          *text);
/* Writes each bar's value (its stack's total) at its end when it fits. */
void          takt_chart_set_show_values  (TaktChart           *self,
                                           gboolean             show);

/* The x axis of bar charts: named categories, or consecutive days. */
void          takt_chart_set_categories   (TaktChart           *self,
                                           const char * const  *names,
                                           guint                n);
void          takt_chart_set_days         (TaktChart           *self,
                                           gint64               first_day,
                                           guint                n_days);
/* The x axis of a line chart: instants from @t0 to @t1. */
void          takt_chart_set_time_range   (TaktChart           *self,
                                           gint64               t0,
                                           gint64               t1);

/* A series of bar charts: one value per category or day (@n of them; the
 * missing ones are 0).  Returns its index. */
guint         takt_chart_add_series       (TaktChart            *self,
                                           const char           *name,
                                           const TaktGanttColor *color,
                                           const double         *values,
                                           guint                 n);
/* A series of a line chart: points (@times[i], @values[i]) by time; with
 * @steps the value holds from its point to the next one (a step line). */
guint         takt_chart_add_line         (TaktChart            *self,
                                           const char           *name,
                                           const TaktGanttColor *color,
                                           const gint64         *times,
                                           const double         *values,
                                           guint                 n,
                                           gboolean              steps);
/* Dashes a line series (e.g. demand against a solid production line). */
void          takt_chart_set_series_dashed (TaktChart          *self,
                                            guint               series,
                                            gboolean            dashed);

/* A reference value per category (NAN: none), drawn as a dashed line across
 * its band and named in the legend — the takt time of a yamazumi chart. */
void          takt_chart_set_references   (TaktChart            *self,
                                           const double         *values,
                                           guint                 n,
                                           const char           *name,
                                           const TaktGanttColor *color);
/* Marks one category (the bottleneck): an outline, a tinted band and
 * @label above it.  -1: none. */
void          takt_chart_set_highlight    (TaktChart            *self,
                                           int                   category,
                                           const char           *label);
/* Per-category bar colours of a single-series chart (e.g. the bottleneck
 * in red); NULL: the series colour. */
void          takt_chart_set_category_colors (TaktChart            *self,
                                              const TaktGanttColor *colors,
                                              guint                 n);
/* A vertical marker line at an instant or day ("Today", "Horizon end"). */
void          takt_chart_add_marker       (TaktChart            *self,
                                           gint64                t,
                                           const char           *label);
/* Grouped bars: the categories from @first on use a second value axis at
 * the right with its own format and unit. */
void          takt_chart_set_secondary    (TaktChart           *self,
                                           guint                first,
                                           TaktChartFormat      format,
                                           const char          *unit_label);

guint         takt_chart_get_n_series     (const TaktChart     *self);
guint         takt_chart_get_n_categories (const TaktChart     *self);
/* TRUE when there is nothing to draw (no category, no series, or every
 * value zero and no reference), i.e. the empty text is shown. */
gboolean      takt_chart_is_empty         (const TaktChart     *self);

/* The pointer, for a hover read-out drawn by the next takt_chart_draw();
 * takt_chart_clear_pointer() removes it. */
void          takt_chart_set_pointer      (TaktChart           *self,
                                           double               x,
                                           double               y);
void          takt_chart_clear_pointer    (TaktChart           *self);

/* Draws into @rect of @cr's user space and keeps the geometry for the
 * queries below.  @scale is device px per user px for crisp lines (<= 0:
 * no snapping, e.g. in a PDF). */
void          takt_chart_draw             (TaktChart             *self,
                                           cairo_t               *cr,
                                           const TaktChartRect   *rect,
                                           const TaktGanttTheme  *theme,
                                           double                 scale);

/* ---- the last drawing's geometry ---- */

gboolean      takt_chart_get_plot_area    (const TaktChart     *self,
                                           TaktChartRect       *plot);
/* The value axis (@secondary: the right one). */
gboolean      takt_chart_get_ticks        (const TaktChart     *self,
                                           gboolean             secondary,
                                           TaktChartTicks      *ticks);
/* The date ticks of a day or time axis. */
gboolean      takt_chart_get_date_ticks   (const TaktChart     *self,
                                           TaktChartDateTicks  *ticks);
/* Where a value lies across the value axis: y in vertical charts, x in
 * horizontal ones.  Category @category chooses the axis (secondary or not). */
double        takt_chart_value_position   (const TaktChart     *self,
                                           guint                category,
                                           double               value);
/* The band of a category or day: its x range in vertical bar charts, its y
 * range in horizontal ones. */
gboolean      takt_chart_get_band         (const TaktChart     *self,
                                           guint                category,
                                           double              *from,
                                           double              *to);
/* The rectangle of a bar segment (series @series of @category) as drawn;
 * FALSE when it has no area. */
gboolean      takt_chart_get_bar_rect     (const TaktChart     *self,
                                           guint                category,
                                           guint                series,
                                           TaktChartRect       *rect);
/* x of an instant on a line chart's or day chart's time axis. */
double        takt_chart_x_for_time       (const TaktChart     *self,
                                           double               t);
/* The rectangles of the labels drawn on an axis (a GArray of TaktChartRect,
 * owned by the chart, in drawing order). */
const GArray *takt_chart_get_label_rects  (const TaktChart     *self,
                                           TaktChartAxis        axis);

/* ---- hit testing ---- */

typedef enum
{
  TAKT_CHART_HIT_NONE,          /* outside the plot and the legend */
  TAKT_CHART_HIT_PLOT,          /* in the plot, on no bar */
  TAKT_CHART_HIT_BAR,           /* on a bar segment */
  TAKT_CHART_HIT_POINT,         /* near a line */
  TAKT_CHART_HIT_LEGEND,        /* on a legend item */
} TaktChartHitKind;

typedef struct
{
  TaktChartHitKind kind;
  int              index;       /* category or day; the point of a line; -1 */
  int              series;      /* -1: none */
  double           value;       /* the series' value there (NAN when none) */
  double           total;       /* the stack's total (bars) */
  double           time;        /* day and line charts: the instant under x */
} TaktChartHit;

gboolean      takt_chart_hit_test         (const TaktChart     *self,
                                           double               x,
                                           double               y,
                                           TaktChartHit        *hit);
/* The hover read-out of a hit, one line per value ("3 Dec\nHolding: 1.20 €"),
 * or NULL when the hit names nothing. */
char         *takt_chart_describe_hit     (const TaktChart     *self,
                                           const TaktChartHit  *hit);

/* ---- colours ---- */

/* GNOME's palette: blue, green, yellow, orange, red, purple, brown. */
typedef enum
{
  TAKT_CHART_BLUE,
  TAKT_CHART_GREEN,
  TAKT_CHART_YELLOW,
  TAKT_CHART_ORANGE,
  TAKT_CHART_RED,
  TAKT_CHART_PURPLE,
  TAKT_CHART_BROWN,
  TAKT_CHART_GREY,
  TAKT_CHART_N_COLORS
} TaktChartColor;

void          takt_chart_color            (TaktChartColor       which,
                                           TaktGanttColor      *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktChart, takt_chart_free)

G_END_DECLS
