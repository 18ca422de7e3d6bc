/* takt-report-private.h — what the report's layout, pages and tables share
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "takt-campaign-calendar.h"
#include "takt-chart-data.h"
#include "takt-demand.h"
#include "takt-gantt-renderer.h"
#include "takt-report.h"

G_BEGIN_DECLS

/* Page furniture, in points. */
#define REPORT_MARGIN      30.0
#define REPORT_HEADER_H    22.0
#define REPORT_FOOTER_H    20.0

/* Tables. */
#define REPORT_TITLE_H     34.0    /* the section title and its note above a table */
#define REPORT_HEAD_H      16.0    /* the column header row */
#define REPORT_ROW_H       12.5    /* a row */
#define REPORT_GROUP_H     20.0    /* a group heading (a station) */
#define REPORT_CELL_PAD    4.0

typedef enum
{
  REPORT_STYLE_BODY,         /* 7.5 pt: table cells */
  REPORT_STYLE_BODY_BOLD,
  REPORT_STYLE_SMALL,        /* 7 pt: header, footer, notes */
  REPORT_STYLE_TEXT,         /* 9.5 pt: the cover's facts */
  REPORT_STYLE_TEXT_BOLD,
  REPORT_STYLE_HEADING,      /* 13 pt bold: section titles */
  REPORT_STYLE_TITLE,        /* 24 pt bold: the plan's name on the cover */
  REPORT_STYLE_KPI,          /* 15 pt bold: a KPI's value */
  REPORT_N_STYLES
} TaktReportStyle;

/* The text layouts of one cairo_t. */
typedef struct
{
  cairo_t     *cr;
  PangoLayout *layouts[REPORT_N_STYLES];
} TaktReportPainter;

typedef enum
{
  REPORT_ITEM_GROUP,         /* a station heading */
  REPORT_ITEM_ROW,
  REPORT_ITEM_NOTE,          /* a line of text: "No order is late or at risk." */
} TaktReportItemKind;

typedef struct
{
  TaktReportItemKind kind;
  guint              group;   /* runs: the station; late: the status */
  guint              index;   /* runs: the run; late: the row */
  guint              step;    /* runs: the step */
} TaktReportItem;

/* In the order the late table shows them. */
typedef enum
{
  REPORT_UNMET,
  REPORT_LATE,
  REPORT_AT_RISK,
  REPORT_N_LATE_STATUSES
} TaktReportLateStatus;

typedef struct
{
  char                 *demand;        /* its name as in the covers */
  TaktDemandKind        kind;
  int                   source;        /* index in orders, forecast or campaigns */
  int                   product_index;
  gint64                quantity;
  gint64                due;
  gint64                finish;        /* G_MININT64: none */
  gint64                late_units;
  gint64                unmet;
  gint64                slack_s;       /* at risk: working seconds from finish to due */
  TaktReportLateStatus  status;
} TaktReportLateRow;

typedef struct
{
  TaktReportSection section;
  gboolean          landscape;
  /* the schedule */
  guint             column;
  guint             band;
  gint64            t0;              /* the midnight at the chart's left edge */
  /* the charts */
  guint             first_chart;
  guint             n_charts;
  /* the calendar */
  int               year;
  int               month;
  /* the tables */
  guint             first_item;
  guint             end_item;
  gboolean          continued;       /* the first item's group heading is repeated */
} TaktReportPage;

typedef struct
{
  guint  first_row;
  guint  end_row;
  double offset;                     /* of the first row under the chart top, in points */
  double height;                     /* of the rows */
} TaktReportBand;

#define REPORT_MAX_CHARTS 6

struct _TaktReport
{
  TaktReportOptions     options;
  GDateTime            *made;
  TaktPlan             *plan;
  TaktSchedule         *schedule;      /* NULL: no plan yet */

  /* The cover's figures, copied from the stats. */
  gboolean              have_stats;
  double                total, holding, setup, tardiness;
  double                campaign_spend, cost_per_mille;
  double                on_time_rate, average_stock;
  gint64                runs, units, late_units, unmet_units, late_orders, changeovers;
  gint64                makespan_s;
  int                   bottleneck;
  double                bottleneck_utilisation;
  GPtrArray            *notes;         /* of char*: conflicts and unmet reasons */

  /* The schedule pages. */
  TaktGanttLayout      *gantt;
  TaktGanttViewport     gantt_vp;      /* sizes and theme; t0, y_offset, height set per page */
  gint64                first_day;
  guint                 n_days;
  guint                 days_per_page;
  guint                 columns;
  GArray               *bands;         /* of TaktReportBand */

  /* The charts and the calendar. */
  TaktChartData        *chart_data;
  TaktChart            *charts[REPORT_MAX_CHARTS];
  guint                 n_charts;
  TaktCampaignCalendar *calendar;
  TaktGanttTheme        theme;         /* charts and calendar */

  /* The tables. */
  GArray               *run_items;     /* of TaktReportItem */
  GArray               *late_rows;     /* of TaktReportLateRow */
  GArray               *late_items;    /* of TaktReportItem */
  GArray               *demands;       /* of TaktDemand: takt_demand_collect() of the copy */
  GHashTable           *demand_by_name; /* name → TaktDemand* in demands */

  GArray               *pages;         /* of TaktReportPage */
  int                   section_page[TAKT_REPORT_N_SECTIONS];
  guint                 section_pages[TAKT_REPORT_N_SECTIONS];
};

/* Painting. */
void     takt_report_painter_init    (TaktReportPainter       *painter,
                                      cairo_t                 *cr);
void     takt_report_painter_clear   (TaktReportPainter       *painter);
/* Shows @text at (@x, @y) (its top), within @width (<= 0: no limit, else
 * ellipsized at the end), aligned by @align (0 left, 0.5 centre, 1 right
 * within @width).  Returns the height of a line. */
double   takt_report_show_text       (TaktReportPainter       *painter,
                                      TaktReportStyle          style,
                                      const char              *text,
                                      double                   x,
                                      double                   y,
                                      double                   width,
                                      double                   align,
                                      const TaktGanttColor    *color);
/* Shows wrapped text within @width; returns its height. */
double   takt_report_show_wrapped    (TaktReportPainter       *painter,
                                      TaktReportStyle          style,
                                      const char              *text,
                                      double                   x,
                                      double                   y,
                                      double                   width,
                                      const TaktGanttColor    *color);
double   takt_report_text_width      (TaktReportPainter       *painter,
                                      TaktReportStyle          style,
                                      const char              *text);
void     takt_report_set_color       (cairo_t                 *cr,
                                      const TaktGanttColor    *color);

/* The rectangle inside the header and footer of a page. */
void     takt_report_body_rect       (const TaktReport        *self,
                                      const TaktReportPage    *page,
                                      TaktChartRect           *body);

/* Dates for people. */
char    *takt_report_format_time     (gint64                   t);
char    *takt_report_format_day      (gint64                   t,
                                      gboolean                 year);

/* The tables (takt-report-tables.c). */
void     takt_report_build_tables    (TaktReport              *self,
                                      const TaktPlanStats     *stats);
/* Appends the pages of a table section to self->pages. */
void     takt_report_paginate_table  (TaktReport              *self,
                                      TaktReportSection        section);
void     takt_report_draw_table_page (TaktReport              *self,
                                      TaktReportPainter       *painter,
                                      const TaktReportPage    *page,
                                      const TaktChartRect     *body);

G_END_DECLS
