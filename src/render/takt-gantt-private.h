/* takt-gantt-private.h — what the layout and the drawing of the chart share
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "takt-gantt-renderer.h"

G_BEGIN_DECLS

/* Bars thinner than this are drawn as plain boxes (no rounding, no label),
 * and hit within half this width of them. */
#define TAKT_GANTT_THIN_PX 6.0
/* Bars at least this wide are drawn in full: rounded, striped setup, label. */
#define TAKT_GANTT_WIDE_PX 40.0

/* From a sixty-fourth of a second to a month and a half per px. */
#define TAKT_GANTT_MIN_SECONDS_PER_PX (1.0 / 64.0)
#define TAKT_GANTT_MAX_SECONDS_PER_PX (86400.0 * 45.0)

enum
{
  TAKT_GANTT_BAR_CONFLICT = 1 << 0,
};

/* One step of one run on its machine row. */
typedef struct
{
  gint64  begin;      /* setup start */
  gint64  start;      /* the first unit starts */
  gint64  end;        /* the last unit leaves */
  gint64  max_end;    /* the latest end of this bar and of all before it in the row */
  guint   run;
  guint16 step;
  guint16 flags;
} TaktGanttBar;

/* An overlap of two bars on one machine. */
typedef struct
{
  gint64 begin;
  gint64 end;
  gint64 max_end;
} TaktGanttSpan;

typedef struct
{
  TaktGanttRow info;
  guint        n_groups_before;
  guint        n_machines_before;
  GArray      *bars;       /* of TaktGanttBar, by begin */
  GArray      *overlaps;   /* of TaktGanttSpan, by begin */
} TaktGanttRowData;

/* A bar wide enough for rounded ends, a label and marks, as laid out in a
 * frame (snapped). */
typedef struct
{
  double x0;
  double xs;
  double x1;
  double y;
  double h;
  guint  run;
} TaktGanttWide;

typedef struct
{
  guint row;                /* G_MAXUINT: the step has no row */
  guint index;
} TaktGanttBarRef;

struct _TaktGanttLayout
{
  const TaktPlan     *plan;
  const TaktSchedule *schedule;
  TaktGanttRowData   *rows;
  guint               n_rows;
  guint               n_stations;
  guint               n_runs;
  guint               n_orders;
  guint               n_products;
  guint               n_campaigns;
  int                *station_row;     /* n_stations: the group row */
  guint              *run_first_ref;   /* n_runs + 1: first index into refs */
  TaktGanttBarRef    *refs;            /* one per run step */
  gint64             *run_finish;      /* the end of the run's last step */
  guint8             *run_late;
  guint8             *order_late;
  guint              *orders_by_due;
  GArray             *dues[2];         /* of gint64, sorted: orders on time, late */
  GHashTable         *order_ids;       /* id → index */
  int                *campaign_lane;
  int                 n_campaign_lanes;
  gint64              range_start;
  gint64              range_end;
  TaktGanttColor     *product_colors;  /* n_products + 1 (the last for unknown) */
  /* scratch of a frame, kept to spare allocations */
  GArray            **box_main;        /* n_products + 1, of cairo_rectangle_t */
  GArray            **box_setup;       /* n_products + 1, of cairo_rectangle_t */
  GArray            **wide;            /* n_products + 1, of TaktGanttWide */
  GArray             *box_late;        /* of cairo_rectangle_t */
  GArray             *small_pins;      /* of TaktGanttWide: pins on small bars */
  GArray             *spans;           /* of cairo_rectangle_t: overlaps to mark */
  /* text, kept between frames while the font and the target allow */
  PangoContext       *pango;
  char               *font_key;
  PangoLayout        *text;
  PangoLayout        *bold;
  PangoLayout        *small;
  double              line_h;
  double              bold_line_h;
  double              small_line_h;
  GHashTable         *labels;          /* label (+ width) → TaktGanttLabel */
};

typedef struct
{
  PangoLayout *layout;
  int          width;
} TaktGanttLabel;

typedef struct
{
  double band_top;
  double band_height;       /* 0: no campaign band */
  double band_gap;
  double marker_top;
  double marker_half_width;
  double marker_bottom;
} TaktTopLaneGeometry;

void     takt_gantt_label_free            (gpointer                 data);
void     takt_gantt_color_from_rgb        (guint32                  rgb,
                                           TaktGanttColor          *color);
gboolean takt_gantt_color_parse           (const char              *str,
                                           TaktGanttColor          *color);
void     takt_gantt_bar_geometry          (const TaktGanttViewport *viewport,
                                           double                   row_y,
                                           double                  *bar_y,
                                           double                  *bar_h);
void     takt_gantt_top_lane_geometry     (const TaktGanttLayout   *layout,
                                           const TaktGanttViewport *viewport,
                                           TaktTopLaneGeometry     *geometry);
guint    takt_gantt_row_first_bar_after   (const TaktGanttRowData  *row,
                                           double                   t);
guint    takt_gantt_row_first_span_after  (const TaktGanttRowData  *row,
                                           double                   t);

G_END_DECLS
