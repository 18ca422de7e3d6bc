/* takt-gantt-renderer.h — the schedule (Gantt) chart as plain cairo drawing
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart knows nothing of widgets: it draws a plan and its schedule onto
 * any cairo_t (a widget snapshot, an image in a test, a PDF page) through a
 * viewport.  The widget maps its events with the same viewport, so what is
 * drawn and what is hit are always the same pixels.
 *
 * Geometry of a viewport (all in user-space px, y downwards):
 *
 *   +-------------+------------------------------------------+  0
 *   | corner      | time axis (two label levels)             |
 *   |             +------------------------------------------+  axis_height
 *   |             | top lane: campaign bands, due markers    |
 *   +-------------+------------------------------------------+  chart top
 *   | row headers | rows: one per station (a group header),   |
 *   | (sticky)    | then one per machine of that station     |
 *   +-------------+------------------------------------------+  height
 *   0             header_width                               width
 *
 * x = header_width + (t − t0) / seconds_per_px; the rows scroll by y_offset.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "takt-plan.h"
#include "takt-planner.h"

G_BEGIN_DECLS

/* A colour with straight (not premultiplied) alpha, components 0…1. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} TaktGanttColor;

typedef struct
{
  TaktGanttColor background;   /* the chart body */
  TaktGanttColor header;       /* row header column, axis and top lane */
  TaktGanttColor group;        /* station group rows */
  TaktGanttColor grid;         /* minor grid lines, row separators */
  TaktGanttColor grid_strong;  /* major grid lines and borders */
  TaktGanttColor text;
  TaktGanttColor dim_text;
  TaktGanttColor non_working;  /* laid over closed time (uses its alpha) */
  TaktGanttColor accent;       /* horizon start, focus */
  TaktGanttColor late;         /* late runs and late orders */
  TaktGanttColor selection;
  TaktGanttColor conflict;     /* overlapping runs on one machine */
  TaktGanttColor valid;        /* a drop target that is allowed */
  gboolean       dark;
  const char    *font_family;  /* a Pango family list, e.g. "Cantarell, DejaVu Sans"; not owned */
  double         font_size;    /* px (user-space units) */
} TaktGanttTheme;

void      takt_gantt_theme_init_light     (TaktGanttTheme          *theme);
void      takt_gantt_theme_init_dark      (TaktGanttTheme          *theme);

typedef struct
{
  double         t0;             /* the instant at x = header_width (naive seconds) */
  double         seconds_per_px; /* zoom, > 0 */
  double         y_offset;       /* vertical scroll: px of rows above the chart top, >= 0 */
  double         width;          /* the whole drawing */
  double         height;
  double         header_width;   /* the sticky row header column */
  double         axis_height;    /* the two-level time axis */
  double         lane_height;    /* the lane of due markers and campaign bands */
  double         row_height;     /* a machine row */
  double         group_height;   /* a station header row */
  double         scale;          /* device pixels per px, for crisp lines; <= 0: no snapping (PDF) */
  TaktGanttTheme theme;
} TaktGanttViewport;

/* Sensible sizes for a @width × @height drawing in the light or dark theme;
 * t0 = 0 and one hour per 40 px until takt_gantt_viewport_fit() is called.
 * t0 is a double so that scrolling by a pixel at any zoom stays exact. */
void      takt_gantt_viewport_init        (TaktGanttViewport       *viewport,
                                           double                   width,
                                           double                   height,
                                           gboolean                 dark);
/* The exact x of an instant, and the exact instant (fractional seconds) at
 * an x; each is the inverse of the other at every zoom. */
double    takt_gantt_viewport_x_for_time  (const TaktGanttViewport *viewport,
                                           gint64                   t);
double    takt_gantt_viewport_time_at_x   (const TaktGanttViewport *viewport,
                                           double                   x);
/* Multiplies seconds_per_px by 1 / @factor, keeping the instant under @x where it is. */
void      takt_gantt_viewport_zoom_at     (TaktGanttViewport       *viewport,
                                           double                   factor,
                                           double                   x);
double    takt_gantt_viewport_chart_top   (const TaktGanttViewport *viewport);

/* ---- the time axis ---- */

typedef enum
{
  TAKT_GANTT_UNIT_MINUTE,
  TAKT_GANTT_UNIT_HOUR,
  TAKT_GANTT_UNIT_DAY,
  TAKT_GANTT_UNIT_WEEK,
  TAKT_GANTT_UNIT_MONTH,
  TAKT_GANTT_UNIT_YEAR,
} TaktGanttUnit;

typedef struct
{
  TaktGanttUnit minor_unit;   /* the lower label row and the fine grid */
  int           minor_step;
  TaktGanttUnit major_unit;   /* the upper label row and the strong grid */
  int           major_step;
} TaktGanttAxisScale;

/* The tick units for a zoom: the finest minor step whose cells are wide
 * enough for their labels at @font_size px (so labels never overlap). */
void      takt_gantt_axis_choose          (double                   seconds_per_px,
                                           double                   font_size,
                                           TaktGanttAxisScale      *scale);
/* The least width in px a minor cell of @unit needs for its label. */
double    takt_gantt_axis_min_cell_width  (TaktGanttUnit            unit,
                                           double                   font_size);
/* The tick at or before @t, and the tick after a tick. */
gint64    takt_gantt_unit_floor           (gint64                   t,
                                           TaktGanttUnit            unit,
                                           int                      step);
gint64    takt_gantt_unit_next            (gint64                   tick,
                                           TaktGanttUnit            unit,
                                           int                      step);

/* ---- the layout of a plan and its schedule ---- */

typedef struct _TaktGanttLayout TaktGanttLayout;

typedef enum
{
  TAKT_GANTT_ROW_STATION,     /* a group header: the station's name */
  TAKT_GANTT_ROW_MACHINE,     /* one machine of a station */
} TaktGanttRowKind;

typedef struct
{
  TaktGanttRowKind kind;
  int              station_index;
  gint64           machine;   /* 1-based; 0 for a station row */
} TaktGanttRow;

/* Builds rows and bars.  @plan and @schedule (which may be NULL: no bars)
 * must outlive the layout and stay unchanged; build a new layout after an
 * edit.  Late runs and late orders are found from the covers against the
 * due times until takt_gantt_layout_set_stats() gives the planner's view. */
TaktGanttLayout    *takt_gantt_layout_new            (const TaktPlan          *plan,
                                                      const TaktSchedule      *schedule);
void                takt_gantt_layout_free           (TaktGanttLayout         *layout);
/* Marks late runs and orders from the planner's per-demand results (a run
 * is late when it covers a demand with late units and ends after its due). */
void                takt_gantt_layout_set_stats      (TaktGanttLayout         *layout,
                                                      const TaktPlanStats     *stats);
guint               takt_gantt_layout_get_n_rows     (const TaktGanttLayout   *layout);
const TaktGanttRow *takt_gantt_layout_get_row        (const TaktGanttLayout   *layout,
                                                      guint                    row);
/* The row of a machine (1-based) of a station, or -1. */
int                 takt_gantt_layout_find_row       (const TaktGanttLayout   *layout,
                                                      int                      station_index,
                                                      gint64                   machine);
/* The span the chart covers: the horizon, widened to every run. */
void                takt_gantt_layout_get_time_range (const TaktGanttLayout   *layout,
                                                      gint64                  *start,
                                                      gint64                  *end);
gboolean            takt_gantt_layout_run_is_late    (const TaktGanttLayout   *layout,
                                                      guint                    run);
gboolean            takt_gantt_layout_order_is_late  (const TaktGanttLayout   *layout,
                                                      guint                    order);
/* The due time of a demand named as in TaktCover, or G_MININT64. */
gint64              takt_gantt_layout_demand_due     (const TaktGanttLayout   *layout,
                                                      const char              *demand);

/* Moves what @old has laid out of text (fonts, bar labels) into @layout, so
 * that a layout rebuilt after an edit (a re-plan while dragging) draws its
 * first frame as fast as the next.  @old stays usable. */
void                takt_gantt_layout_take_text_cache (TaktGanttLayout   *layout,
                                                       TaktGanttLayout   *old);

/* Rows against y (the viewport's scroll applied); takt_gantt_layout_row_y()
 * also takes n_rows, for the bottom of the last row. */
double              takt_gantt_layout_get_content_height (const TaktGanttLayout   *layout,
                                                          const TaktGanttViewport *viewport);
double              takt_gantt_layout_row_y          (const TaktGanttLayout   *layout,
                                                      const TaktGanttViewport *viewport,
                                                      guint                    row);
double              takt_gantt_layout_row_height     (const TaktGanttLayout   *layout,
                                                      const TaktGanttViewport *viewport,
                                                      guint                    row);
/* The row under @y, or -1 above the chart top or below the last row. */
int                 takt_gantt_layout_row_at_y       (const TaktGanttLayout   *layout,
                                                      const TaktGanttViewport *viewport,
                                                      double                   y);
/* The rectangle of step @step of run @run as drawn (setup included, not
 * clipped to the chart area).  FALSE when the step has no row. */
gboolean            takt_gantt_layout_get_bar_rect   (const TaktGanttLayout   *layout,
                                                      const TaktGanttViewport *viewport,
                                                      guint                    run,
                                                      guint                    step,
                                                      double                  *x,
                                                      double                  *y,
                                                      double                  *width,
                                                      double                  *height);

/* The height of the top lane that shows every campaign band with its name
 * above the due markers, for the viewport's font. */
double              takt_gantt_layout_preferred_lane_height (const TaktGanttLayout   *layout,
                                                             const TaktGanttViewport *viewport);

/* Zooms and scrolls @viewport to show the whole horizon. */
void                takt_gantt_viewport_fit          (TaktGanttViewport       *viewport,
                                                      const TaktGanttLayout   *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktGanttLayout, takt_gantt_layout_free)

/* ---- hit testing ---- */

typedef enum
{
  TAKT_GANTT_AREA_NONE,        /* outside the drawing */
  TAKT_GANTT_AREA_CORNER,
  TAKT_GANTT_AREA_AXIS,
  TAKT_GANTT_AREA_LANE,
  TAKT_GANTT_AREA_ROW_HEADER,
  TAKT_GANTT_AREA_CHART,
} TaktGanttArea;

typedef struct
{
  TaktGanttArea area;
  int           row;          /* -1: none */
  int           run;          /* -1: none */
  int           step;         /* -1: none */
  gboolean      on_bar;
  gboolean      on_setup;     /* on the setup part of the bar */
  double        time;         /* the instant under x, exact */
  int           order;        /* a due marker under the pointer in the lane, -1 */
  int           campaign;     /* a campaign band under the pointer in the lane, -1 */
} TaktGanttHit;

/* Fills @hit for the point (@x, @y); returns whether it is on a run's bar. */
gboolean  takt_gantt_hit_test             (const TaktGanttLayout   *layout,
                                           const TaktGanttViewport *viewport,
                                           double                   x,
                                           double                   y,
                                           TaktGanttHit            *hit);

/* ---- drawing ---- */

typedef struct
{
  int            selected_run;  /* -1: none */
  const guint8  *selected;      /* NULL, or one flag per run (a multiple selection) */
  int            hover_run;     /* -1: none */
  int            hover_step;
  const guint8  *late;          /* NULL: the layout's late runs; else one flag per run */
  const guint8  *pinned;        /* NULL: TaktRun.pinned; else one flag per run */
  gint64         now;           /* a "now" line; G_MININT64: none */
  gboolean       drag_active;   /* a ghost of the dragged step: */
  int            drag_run;
  int            drag_step;
  int            drag_row;      /* the target row */
  gint64         drag_start;    /* where its first unit would start (its setup before) */
  gboolean       drag_valid;
  const char    *drag_reason;   /* why not, shown beside an invalid ghost; may be NULL */
} TaktGanttState;

void      takt_gantt_state_init           (TaktGanttState          *state);

/* Draws the chart into (0, 0, width, height) of @cr's user space.  The
 * layout keeps scratch memory between frames, hence not const. */
void      takt_gantt_draw                 (cairo_t                 *cr,
                                           TaktGanttLayout         *layout,
                                           const TaktGanttViewport *viewport,
                                           const TaktGanttState    *state);

/* The colour a product's bars are drawn in: its own, else the palette's. */
void      takt_gantt_product_color        (const TaktPlan          *plan,
                                           int                      product_index,
                                           TaktGanttColor          *color);
void      takt_gantt_channel_color        (TaktChannel              channel,
                                           TaktGanttColor          *color);

G_END_DECLS
