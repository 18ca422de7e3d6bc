/* takt-report.h — the PDF report of a plan: cover, Gantt pages, charts, tables
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TaktReport lays a plan and its schedule out on numbered pages once, and
 * then draws any page onto any cairo_t: a PDF surface (takt-cli --pdf, the
 * app's Export), a GtkPrintOperation's context (Print) or an image in a
 * test.  It needs cairo and pango only, never GTK.
 *
 * The pages, in order:
 *   1. the cover (portrait): the plan's name, horizon, strategy, the date
 *      the report was made, the KPIs (total, holding, setup and tardiness
 *      cost, on-time rate, late orders, runs, changeovers, bottleneck,
 *      campaign spend, …) and the contents with their page numbers;
 *   2. the schedule (landscape unless chosen otherwise): the Gantt chart
 *      tiled over as many pages as it needs.  Each page shows whole days,
 *      from midnight to midnight: by default as many as fit at 60 mm a day
 *      or more (so a day is never narrower than 60 mm), or, with
 *      pages_wide N, the days spread over N pages side by side.  When the
 *      rows do not fit under each other they continue on further pages
 *      (whole rows only; a station's header row never ends a page).  Every
 *      page repeats the row headers, the time axis and the lane of due
 *      markers and campaign bands.  Pages run through time first: all rows
 *      of the first days, then all rows of the next days;
 *   3. the charts (portrait, two a page): daily cost (stacked), cumulative
 *      demand against production, finished stock, station utilisation, the
 *      line balance (yamazumi) and demand by source;
 *   4. the campaign calendar (landscape, a month a page): the month grid of
 *      every month the horizon touches, but for a month whose horizon days
 *      all show in the grid of the month before or after; left out when the
 *      plan has no campaign;
 *   5. the runs per station (landscape): for each station a heading and
 *      one row per run step there, by machine, then start;
 *   6. the late and at-risk orders (landscape): one row per order, forecast
 *      day or campaign day with unmet units, then with late units, then per
 *      customer order at risk; each group by due time.  At risk: every unit
 *      of the order is made on time, but the last one finishes less than
 *      at_risk_hours (4 by default) of working time before its due time,
 *      counted in the calendar of the station of the product's last routing
 *      step.  Working time, not clock time: a Friday-evening finish for a
 *      Monday-morning due date leaves no slack to fix a problem.  (Forecast
 *      and campaign days are estimates: they are listed when late, not when
 *      merely tight, or a just-in-time plan would list nearly all of them.)
 * Tables break across pages with their column headers (and the station's
 * heading, "continued") repeated.  Every page has a header (the plan's name
 * and the section) and a footer ("Page x of y", the date made).
 *
 * Units: a page is measured in PostScript points (1/72 inch); A4 is
 * 595.28 × 841.89 pt and US Letter 612 × 792 pt, portrait.  Text is set in
 * "DejaVu Sans" by name, so the PDF embeds it and its text can be selected
 * and searched.
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "takt-chart.h"
#include "takt-plan.h"
#include "takt-planner.h"

G_BEGIN_DECLS

#define TAKT_REPORT_FONT "DejaVu Sans"

typedef enum
{
  TAKT_PAPER_A4,
  TAKT_PAPER_LETTER,
  TAKT_N_PAPERS
} TaktPaper;

typedef enum
{
  TAKT_REPORT_COVER,
  TAKT_REPORT_GANTT,
  TAKT_REPORT_CHARTS,
  TAKT_REPORT_CALENDAR,
  TAKT_REPORT_RUNS,
  TAKT_REPORT_LATE,
  TAKT_REPORT_N_SECTIONS
} TaktReportSection;

/* Called after each page is written with the pages done and all pages
 * (from the thread that writes). */
typedef void (*TaktReportProgress) (guint    done,
                                    guint    total,
                                    gpointer user_data);

typedef struct
{
  TaktPaper   paper;             /* default: from the locale (takt_paper_default()) */
  gboolean    gantt_portrait;    /* the Gantt pages upright; FALSE: landscape */
  gint64      range_start;       /* the days the Gantt pages and the runs table show: */
  gint64      range_end;         /*   [start, end) in naive seconds, rounded out to whole
                                  *   days; G_MININT64 / G_MAXINT64: the whole chart */
  guint       pages_wide;        /* 0: as many as the readable scale needs */
  double      mm_per_day;        /* the least width of a day with pages_wide 0; 60 */
  double      at_risk_hours;     /* working hours of slack below which a demand is at risk; 4 */
  GDateTime  *made;              /* the date on the cover and footers; NULL: now (not owned) */
} TaktReportOptions;

/* The defaults above. */
void          takt_report_options_init      (TaktReportOptions       *options);

/* "a4", "letter" (case-insensitive; "us-letter" too). */
gboolean      takt_paper_from_string        (const char              *str,
                                             TaktPaper               *paper);
const char   *takt_paper_to_string          (TaktPaper                paper);
/* The portrait size in points. */
void          takt_paper_get_size           (TaktPaper                paper,
                                             double                  *width,
                                             double                  *height);
/* US Letter for a locale name whose territory uses it ("en_US.UTF-8",
 * "es_MX", "fr_CA", …), A4 for any other. */
TaktPaper     takt_paper_for_locale         (const char              *locale);
/* The paper of the process's LC_PAPER (glibc's measurement when the locale
 * is set, else the LC_ALL, LC_PAPER or LANG environment variable). */
TaktPaper     takt_paper_default            (void);

typedef struct _TaktReport TaktReport;

/* Lays out the report of @plan (checked) and @schedule (may be NULL: the
 * cover says there is no plan yet, and no Gantt, runs or late pages are
 * made).  The report keeps its own copies of both, so they may change or go
 * once this returns; @stats (may be NULL: computed here) is only read now.
 * Returns NULL with G_IO_ERROR_CANCELLED when @cancellable is cancelled, or
 * with TAKT_PLAN_ERROR_INVALID when @schedule does not fit @plan. */
TaktReport   *takt_report_new               (const TaktPlan          *plan,
                                             const TaktSchedule      *schedule,
                                             const TaktPlanStats     *stats,
                                             const TaktReportOptions *options,
                                             GCancellable            *cancellable,
                                             GError                 **error);
void          takt_report_free              (TaktReport              *self);

guint         takt_report_get_n_pages       (const TaktReport        *self);
/* The size of page @page (0-based) in points, as it is to be printed
 * (landscape pages are wider than tall). */
void          takt_report_get_page_size     (const TaktReport        *self,
                                             guint                    page,
                                             double                  *width,
                                             double                  *height);
gboolean      takt_report_page_is_landscape (const TaktReport        *self,
                                             guint                    page);
TaktReportSection takt_report_get_page_section (const TaktReport     *self,
                                                guint                 page);
/* The first page of a section, or -1 when the report has none. */
int           takt_report_get_section_page  (const TaktReport        *self,
                                             TaktReportSection        section);
guint         takt_report_get_n_section_pages (const TaktReport      *self,
                                               TaktReportSection      section);

/* Draws page @page onto @cr into (0, 0, @width, @height) of its user
 * space: the page is scaled to fit, keeping its proportions, and centred.
 * Use the page's own size (takt_report_get_page_size()) for a PDF page, a
 * print context's width and height for printing. */
void          takt_report_draw_page         (TaktReport              *self,
                                             guint                    page,
                                             cairo_t                 *cr,
                                             double                   width,
                                             double                   height);

/* Writes every page to a PDF file at @path, atomically (a temporary file
 * beside it, then a rename: the file is either the old one or the whole new
 * report).  Checks @cancellable between pages (G_IO_ERROR_CANCELLED, and
 * nothing is left behind). */
gboolean      takt_report_write_pdf         (TaktReport              *self,
                                             const char              *path,
                                             GCancellable            *cancellable,
                                             TaktReportProgress       progress,
                                             gpointer                 progress_data,
                                             GError                 **error);

/* ---- the layout, for tests and for the app's preview ---- */

/* The Gantt chart's days: the first midnight, the number of days, the days
 * per page and the page columns and row bands. */
void          takt_report_get_gantt_grid    (const TaktReport        *self,
                                             gint64                  *first_day,
                                             guint                   *n_days,
                                             guint                   *days_per_page,
                                             guint                   *columns,
                                             guint                   *bands);
/* Where step @step of run @run is drawn: the first Gantt page that shows
 * any of it and its rectangle there in page points, clipped to the chart
 * area.  FALSE when no Gantt page shows it. */
gboolean      takt_report_find_bar          (const TaktReport        *self,
                                             guint                    run,
                                             guint                    step,
                                             guint                   *page,
                                             TaktChartRect           *rect);

/* Demand rows of the late table: the demand names in the order shown. */
GPtrArray    *takt_report_dup_late_demands  (const TaktReport        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktReport, takt_report_free)

G_END_DECLS
