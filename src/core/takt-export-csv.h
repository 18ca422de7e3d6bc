/* takt-export-csv.h — a computed plan as CSV for the ERP and the spreadsheet
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three exports of a checked plan and one of its schedules, each RFC 4180
 * (see takt-csv.h: CRLF, quoting, formula cells neutralised, numbers left
 * as numbers) with one header row of fixed English column names:
 *
 * runs — one row per step of each run, in the schedule's order:
 *   run, product, product_name, quantity, step (1-based), station,
 *   station_name, machine (1-based), setup_start, start, end, pinned
 *   ("true"/"false"), covers.  Instants are ISO 8601 local time
 *   "YYYY-MM-DDTHH:MM:SS".  covers lists the run's covers as written in the
 *   schedule, "DEMAND:QUANTITY" separated by "; " ("SO-1:5; SO-2:3"); the
 *   quantity follows the last colon of each item.
 *
 * fulfilment — one row per demand (order, forecast day, campaign day), by
 * due time:
 *   demand (its name as in covers), kind ("order", "forecast", "campaign"),
 *   product, product_name, customer, quantity, due, from_stock, finish,
 *   lateness_h, status, late_units, unmet_units, covered_by.
 *   Units are matched to demand as the format defines costs: initial stock
 *   first (counted as finished at the horizon start), then the units the
 *   runs make, first finished to first due.  finish is when the demand's
 *   last unit is finished (empty when none is); lateness_h is finish − due
 *   in hours (negative when early), rounded to 4 decimals.  status: "unmet"
 *   when a unit is never made, else "late" when a unit finishes after the
 *   due time, else "on time" when the last unit finishes at most 24 hours
 *   before it, else "early".  covered_by lists the runs whose units it got,
 *   "RUN:QUANTITY" separated by "; ".
 *
 * daily costs — one row per calendar day, from the first day with any cost,
 * stock or work (at the latest the horizon's first day) to the last (at
 * least the horizon's last day):
 *   date, holding, setup, tardiness, total, finished_stock, wip.
 *   Each unit's costs fall on the days they accrue: a unit finished before
 *   its due time is held from its finish to the due time (a surplus unit
 *   from its finish to the horizon end), and each day gets the holding of
 *   the seconds of that stretch that fall on it; a late unit's tardiness is
 *   spread the same way over the days from its due time to its finish; a
 *   run's setup cost falls on the day its first setup starts.  So the
 *   columns add up to the plan's holding, setup, tardiness and total.
 *   Costs are written with full precision.  finished_stock is the number of
 *   finished units on hand at the end of the day (24:00): initial stock
 *   until the demand it covers is due, units finished early until their
 *   due time, surplus and unused initial stock until the horizon end (as
 *   the planner's average stock counts them).  wip is the number of units
 *   started at their first step but not yet finished at their last, at
 *   the end of the day.
 *
 * Options: ',' and no byte order mark by default; "for Excel" writes a
 * UTF-8 byte order mark and ';', so that Excel in locales with a decimal
 * comma opens the columns apart and reads the text as UTF-8.  Decimals
 * always use '.', the form an ERP expects.
 *
 * The caller chooses every path: nothing from the document (plan, product
 * or order names) ever becomes part of a file name.
 */

#pragma once

#include <glib.h>

#include "takt-plan.h"

G_BEGIN_DECLS

typedef enum
{
  TAKT_CSV_EXPORT_RUNS,
  TAKT_CSV_EXPORT_FULFILMENT,
  TAKT_CSV_EXPORT_DAILY_COSTS,
  TAKT_CSV_N_EXPORTS
} TaktCsvExport;

typedef struct
{
  char     delimiter;     /* ',' or ';' */
  gboolean bom;
} TaktCsvOptions;

/* ',' without a byte order mark. */
void          takt_csv_options_init           (TaktCsvOptions       *options);
/* ';' with a byte order mark. */
void          takt_csv_options_init_excel     (TaktCsvOptions       *options);

/* "runs", "fulfilment", "costs". */
const char   *takt_csv_export_to_string       (TaktCsvExport         what);
gboolean      takt_csv_export_from_string     (const char           *str,
                                               TaktCsvExport        *what);

/* The file beside @path for another export: "plan.csv" → "plan-fulfilment.csv",
 * "plan-costs.csv" (the runs keep @path).  Only @path decides the folder. */
char         *takt_csv_export_sibling_path    (const char           *path,
                                               TaktCsvExport         what);

/* Appends the export to @out.  @plan must be checked (takt_plan_check()
 * found no problem) and @schedule must fit it; otherwise returns FALSE
 * with TAKT_PLAN_ERROR_INVALID. */
gboolean      takt_csv_export                 (const TaktPlan       *plan,
                                               const TaktSchedule   *schedule,
                                               TaktCsvExport         what,
                                               const TaktCsvOptions *options,
                                               GString              *out,
                                               GError              **error);
/* Writes the export to @path atomically (a temporary file, then a rename):
 * the file is either the old one or the complete new one. */
gboolean      takt_csv_export_to_file         (const TaktPlan       *plan,
                                               const TaktSchedule   *schedule,
                                               TaktCsvExport         what,
                                               const TaktCsvOptions *options,
                                               const char           *path,
                                               GError              **error);

G_END_DECLS
