/* takt-report-tables.c — the report's tables: runs per station, late and at-risk demand
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows have one height, so a table is paginated by arithmetic and each page
 * sets the text of its own rows only (a thousand-page table of the L plan
 * costs no more memory than one page).
 */

#define G_LOG_DOMAIN "takt-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "takt-calendar.h"
#include "takt-chart-private.h"
#include "takt-gantt-private.h"
#include "takt-report-private.h"
#include "takt-time.h"

typedef struct
{
  const char *title;
  double      width;     /* points; 0: what is left */
  double      align;     /* 0 left, 0.5 centre, 1 right */
} Column;

enum
{
  RUN_COL_MACHINE,
  RUN_COL_RUN,
  RUN_COL_PRODUCT,
  RUN_COL_QUANTITY,
  RUN_COL_SETUP,
  RUN_COL_START,
  RUN_COL_END,
  RUN_COL_PINNED,
  RUN_COL_COVERS,
  RUN_N_COLS
};

enum
{
  LATE_COL_DEMAND,
  LATE_COL_CUSTOMER,
  LATE_COL_PRODUCT,
  LATE_COL_QUANTITY,
  LATE_COL_DUE,
  LATE_COL_FINISH,
  LATE_COL_LATENESS,
  LATE_COL_STATUS,
  LATE_COL_UNITS,
  LATE_N_COLS
};

#define MAX_COLS ((guint) RUN_N_COLS > (guint) LATE_N_COLS ? (guint) RUN_N_COLS : (guint) LATE_N_COLS)

static const TaktGanttColor text_color = { 0, 0, 0, 0.85 };
static const TaktGanttColor dim_color = { 0, 0, 0, 0.55 };
static const TaktGanttColor rule_color = { 0, 0, 0, 0.25 };
static const TaktGanttColor head_color = { 0.925, 0.922, 0.918, 1 };
static const TaktGanttColor stripe_color = { 0.973, 0.971, 0.969, 1 };
static const TaktGanttColor late_color = { 0.753, 0.110, 0.157, 1 };
static const TaktGanttColor risk_color = { 0.776, 0.275, 0.0, 1 };

static void
run_columns (Column *cols)
{
  cols[RUN_COL_MACHINE] = (Column) { _("Machine"), 44, 0.5 };
  cols[RUN_COL_RUN] = (Column) { _("Run"), 50, 0 };
  cols[RUN_COL_PRODUCT] = (Column) { _("Product"), 160, 0 };
  cols[RUN_COL_QUANTITY] = (Column) { _("Quantity"), 50, 1 };
  cols[RUN_COL_SETUP] = (Column) { _("Setup from"), 80, 0 };
  cols[RUN_COL_START] = (Column) { _("Start"), 80, 0 };
  cols[RUN_COL_END] = (Column) { _("End"), 80, 0 };
  cols[RUN_COL_PINNED] = (Column) { _("Pinned"), 40, 0.5 };
  cols[RUN_COL_COVERS] = (Column) { _("Covers"), 0, 0 };
}

static void
late_columns (Column *cols)
{
  cols[LATE_COL_DEMAND] = (Column) { _("Order"), 140, 0 };
  cols[LATE_COL_CUSTOMER] = (Column) { _("Customer"), 120, 0 };
  cols[LATE_COL_PRODUCT] = (Column) { _("Product"), 0, 0 };
  cols[LATE_COL_QUANTITY] = (Column) { _("Quantity"), 50, 1 };
  cols[LATE_COL_DUE] = (Column) { _("Due"), 80, 0 };
  cols[LATE_COL_FINISH] = (Column) { _("Finished"), 80, 0 };
  cols[LATE_COL_LATENESS] = (Column) { _("Late by / spare"), 84, 1 };
  cols[LATE_COL_STATUS] = (Column) { _("Status"), 50, 0 };
  cols[LATE_COL_UNITS] = (Column) { _("Late units"), 60, 1 };
}

/* ---- building ---- */

typedef struct
{
  guint  run;
  guint  step;
  gint64 machine;
  gint64 start;
} StepRef;

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const StepRef *x = a;
  const StepRef *y = b;

  if (x->machine != y->machine)
    return x->machine < y->machine ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->run > y->run) - (x->run < y->run);
}

static void
build_run_items (TaktReport *self)
{
  const TaktPlan *plan = self->plan;
  g_autofree GArray **per_station = g_new0 (GArray *, plan->stations->len);
  gint64 from = self->options.range_start, to = self->options.range_end;

  if (from != G_MININT64)
    from = takt_day_start (from);
  if (to != G_MAXINT64)
    to = takt_day_start (to - 1) + TAKT_DAY_S;

  self->run_items = g_array_new (FALSE, FALSE, sizeof (TaktReportItem));
  for (guint s = 0; s < plan->stations->len; s++)
    per_station[s] = g_array_new (FALSE, FALSE, sizeof (StepRef));
  for (guint r = 0; r < self->schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (self->schedule->runs, r);

      for (guint k = 0; k < run->steps->len; k++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, k);
          StepRef ref = { r, k, step->machine, step->setup_start };

          if (step->end < from || step->setup_start >= to)
            continue;
          g_array_append_val (per_station[step->station_index], ref);
        }
    }
  for (guint s = 0; s < plan->stations->len; s++)
    {
      GArray *refs = per_station[s];
      TaktReportItem group = { REPORT_ITEM_GROUP, s, 0, 0 };

      g_array_sort (refs, compare_steps);
      g_array_append_val (self->run_items, group);
      if (refs->len == 0)
        {
          TaktReportItem note = { REPORT_ITEM_NOTE, s, 0, 0 };

          g_array_append_val (self->run_items, note);
        }
      for (guint i = 0; i < refs->len; i++)
        {
          const StepRef *ref = &g_array_index (refs, StepRef, i);
          TaktReportItem row = { REPORT_ITEM_ROW, s, ref->run, ref->step };

          g_array_append_val (self->run_items, row);
        }
      g_array_unref (refs);
    }
}

static void
clear_late_row (gpointer data)
{
  TaktReportLateRow *row = data;

  g_free (row->demand);
}

static void
build_late_rows (TaktReport          *self,
                 const TaktPlanStats *stats)
{
  const TaktPlan *plan = self->plan;
  g_autofree TaktWorkTime **work = g_new0 (TaktWorkTime *, plan->stations->len);
  gint64 risk_s = (gint64) llround (self->options.at_risk_hours * 3600.0);

  self->late_rows = g_array_new (FALSE, TRUE, sizeof (TaktReportLateRow));
  g_array_set_clear_func (self->late_rows, clear_late_row);
  self->late_items = g_array_new (FALSE, FALSE, sizeof (TaktReportItem));
  if (stats == NULL || stats->demands == NULL)
    return;

  for (guint i = 0; i < stats->demands->len; i++)
    {
      const TaktDemandResult *result = g_ptr_array_index (stats->demands, i);
      const TaktDemand *d = g_hash_table_lookup (self->demand_by_name, result->demand);
      TaktReportLateRow row = { 0 };

      if (d == NULL)
        continue;
      row.status = REPORT_LATE;
      if (result->unmet > 0)
        row.status = REPORT_UNMET;
      else if (result->late_units > 0)
        row.status = REPORT_LATE;
      else if (d->kind == TAKT_DEMAND_ORDER && result->finish != G_MININT64 &&
               result->finish > plan->horizon_start && result->product_index >= 0)
        {
          const TaktProduct *product = g_ptr_array_index (plan->products, result->product_index);
          const TaktStep *last = g_ptr_array_index (product->routing, product->routing->len - 1);
          int s = last->station_index;

          if (work[s] == NULL)
            work[s] = takt_work_time_new (takt_plan_station_calendar (plan, s), plan->horizon_start,
                                          plan->horizon_days * TAKT_DAY_S);
          row.slack_s = takt_work_time_between (work[s], result->finish - plan->horizon_start,
                                                result->due - plan->horizon_start);
          if (row.slack_s >= risk_s)
            continue;
          row.status = REPORT_AT_RISK;
        }
      else
        continue;

      row.demand = g_strdup (result->demand);
      row.kind = d->kind;
      row.source = d->source;
      row.product_index = result->product_index;
      row.quantity = result->quantity;
      row.due = result->due;
      row.finish = result->finish;
      row.late_units = result->late_units;
      row.unmet = result->unmet;
      g_array_append_val (self->late_rows, row);
    }
  for (guint s = 0; s < plan->stations->len; s++)
    g_clear_pointer (&work[s], takt_work_time_free);

  /* Unmet, then late, then at risk; each by due time (the stats' order). */
  for (guint status = 0; status < REPORT_N_LATE_STATUSES; status++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < self->late_rows->len; i++)
        {
          TaktReportItem item = { REPORT_ITEM_ROW, status, i, 0 };

          if (g_array_index (self->late_rows, TaktReportLateRow, i).status != status)
            continue;
          if (!any)
            {
              TaktReportItem group = { REPORT_ITEM_GROUP, status, 0, 0 };

              g_array_append_val (self->late_items, group);
              any = TRUE;
            }
          g_array_append_val (self->late_items, item);
        }
    }
  if (self->late_rows->len == 0)
    {
      TaktReportItem note = { REPORT_ITEM_NOTE, 0, 0, 0 };

      g_array_append_val (self->late_items, note);
    }
}

void
takt_report_build_tables (TaktReport          *self,
                          const TaktPlanStats *stats)
{
  self->demands = takt_demand_collect (self->plan);
  self->demand_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->demands->len; i++)
    {
      TaktDemand *d = &g_array_index (self->demands, TaktDemand, i);

      g_hash_table_insert (self->demand_by_name, d->name, d);
    }
  if (self->schedule == NULL)
    return;
  build_run_items (self);
  build_late_rows (self, stats);
}

GPtrArray *
takt_report_dup_late_demands (const TaktReport *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, names);

  for (guint i = 0; self->late_rows != NULL && i < self->late_rows->len; i++)
    g_ptr_array_add (names, g_strdup (g_array_index (self->late_rows, TaktReportLateRow, i).demand));
  return names;
}

/* ---- pages ---- */

static GArray *
section_items (TaktReport        *self,
               TaktReportSection  section)
{
  return section == TAKT_REPORT_RUNS ? self->run_items : self->late_items;
}

static double
item_height (const TaktReportItem *item)
{
  return item->kind == REPORT_ITEM_GROUP ? REPORT_GROUP_H : REPORT_ROW_H;
}

void
takt_report_paginate_table (TaktReport        *self,
                            TaktReportSection  section)
{
  GArray *items = section_items (self, section);
  TaktReportPage probe = { .section = section, .landscape = TRUE };
  TaktChartRect body;
  double avail;
  guint i = 0;

  if (items == NULL)
    return;
  takt_report_body_rect (self, &probe, &body);
  avail = body.height - REPORT_TITLE_H - REPORT_HEAD_H;
  do
    {
      TaktReportPage page = probe;
      double y = 0;

      page.first_item = i;
      if (i < items->len && g_array_index (items, TaktReportItem, i).kind == REPORT_ITEM_ROW)
        {
          page.continued = TRUE;
          y += REPORT_GROUP_H;
        }
      while (i < items->len)
        {
          const TaktReportItem *item = &g_array_index (items, TaktReportItem, i);
          double h = item_height (item);

          if (y + h > avail)
            break;
          /* A heading needs a row under it on the same page. */
          if (item->kind == REPORT_ITEM_GROUP && y + h + REPORT_ROW_H > avail && i > page.first_item)
            break;
          y += h;
          i++;
        }
      if (i == page.first_item && i < items->len)
        i++;
      page.end_item = i;
      g_array_append_val (self->pages, page);
      if (self->section_page[section] < 0)
        self->section_page[section] = (int) self->pages->len - 1;
      self->section_pages[section]++;
    }
  while (i < items->len);
}

static void
layout_columns (Column *cols,
                guint   n,
                double  width,
                double *x)
{
  double fixed = 0;

  for (guint c = 0; c < n; c++)
    fixed += cols[c].width;
  for (guint c = 0; c < n; c++)
    if (cols[c].width == 0)
      cols[c].width = MAX (40, width - fixed);
  x[0] = 0;
  for (guint c = 0; c < n; c++)
    x[c + 1] = x[c] + cols[c].width;
}

static const char *
station_name (const TaktStation *st)
{
  return st->name != NULL && *st->name ? st->name : st->id;
}

static const char *
product_name (const TaktProduct *p)
{
  return p->name != NULL && *p->name ? p->name : p->id;
}

/* How a demand reads in a table: the order's id, "Forecast 7 Dec",
 * "Black Friday push 11 Dec". */
static char *
demand_label (const TaktReport *self,
              TaktDemandKind    kind,
              int               source,
              const char       *name,
              gint64            due)
{
  switch (kind)
    {
    case TAKT_DEMAND_ORDER:
      return g_strdup (name);
    case TAKT_DEMAND_FORECAST:
      {
        g_autofree char *day = takt_chart_format_datetime (due - 1, C_("report day", "%-e %b"));

        /* Translators: a forecast day as demand in the report's tables, "Forecast 7 Dec" */
        return g_strdup_printf (_("Forecast %s"), day);
      }
    case TAKT_DEMAND_CAMPAIGN:
      {
        const TaktCampaign *c = source >= 0 && (guint) source < self->plan->campaigns->len
                                ? g_ptr_array_index (self->plan->campaigns, source) : NULL;
        g_autofree char *day = takt_chart_format_datetime (due - 1, C_("report day", "%-e %b"));

        if (c == NULL)
          return g_strdup (name);
        return g_strdup_printf ("%s %s", c->name != NULL && *c->name ? c->name : c->id, day);
      }
    default:
      return g_strdup (name);
    }
}

static char *
covers_text (const TaktReport *self,
             const TaktRun    *run)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; run->covers != NULL && c < run->covers->len; c++)
    {
      const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);

      const TaktDemand *d = g_hash_table_lookup (self->demand_by_name, cover->demand);
      g_autofree char *label = NULL;

      if (d != NULL)
        label = demand_label (self, d->kind, d->source, cover->demand, d->due);
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s ×%" G_GINT64_FORMAT, label != NULL ? label : cover->demand,
                              cover->quantity);
      /* More would not fit in the cell; shaping it only to cut it off
       * would cost more than the rest of the row. */
      if (text->len > 110 && c + 1 < run->covers->len)
        {
          g_string_append_printf (text, _(", … (%u more)"), run->covers->len - c - 1);
          break;
        }
    }
  return g_string_free (text, FALSE);
}

static void
draw_chip (cairo_t              *cr,
           const TaktGanttColor *color,
           double                x,
           double                cy,
           double                size)
{
  cairo_rectangle (cr, x, cy - size / 2, size, size);
  takt_report_set_color (cr, color);
  cairo_fill (cr);
}

static void
draw_head_row (TaktReportPainter *painter,
               const Column      *cols,
               const double      *x,
               guint              n,
               double             left,
               double             y,
               double             width)
{
  cairo_t *cr = painter->cr;

  cairo_rectangle (cr, left, y, width, REPORT_HEAD_H);
  takt_report_set_color (cr, &head_color);
  cairo_fill (cr);
  for (guint c = 0; c < n; c++)
    takt_report_show_text (painter, REPORT_STYLE_BODY_BOLD, cols[c].title,
                           left + x[c] + REPORT_CELL_PAD, y + 3.5,
                           cols[c].width - 2 * REPORT_CELL_PAD, cols[c].align, &text_color);
}

static const char *
status_title (TaktReportLateStatus status)
{
  switch (status)
    {
    case REPORT_UNMET:
      return _("Unmet: units never made");
    case REPORT_LATE:
      return _("Late");
    case REPORT_AT_RISK:
      return _("At risk");
    case REPORT_N_LATE_STATUSES:
    default:
      return "";
    }
}

static void
draw_group (TaktReport        *self,
            TaktReportPainter *painter,
            TaktReportSection  section,
            guint              group,
            gboolean           continued,
            guint              n_rows,
            double             left,
            double             y,
            double             width)
{
  cairo_t *cr = painter->cr;
  TaktGanttColor chip;
  const TaktGanttColor *title_color = &text_color;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  const char *name;

  if (section == TAKT_REPORT_RUNS)
    {
      const TaktStation *st = g_ptr_array_index (self->plan->stations, group);
      g_autofree char *machines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld machine", "%lld machines",
                                                                (gulong) st->machines),
                                                   (long long) st->machines);
      g_autofree char *steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u run step", "%u run steps",
                                                             n_rows),
                                                n_rows);

      if (!takt_gantt_color_parse (st->color, &chip))
        takt_gantt_color_from_rgb (0x9a9996, &chip);
      name = station_name (st);
      detail = g_strdup_printf ("%s · %s", machines, steps);
    }
  else
    {
      chip = group == REPORT_AT_RISK ? risk_color : late_color;
      title_color = &chip;
      name = status_title (group);
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order or demand", "%u orders or demands",
                                             (gulong) n_rows),
                                n_rows);
    }
  draw_chip (cr, &chip, left + 2, y + 10, 8);
  if (continued)
    /* Translators: a group's heading in a table when it goes on from the page before */
    title = g_strdup_printf (_("%s (continued)"), name);
  else
    title = g_strdup (name);
  takt_report_show_text (painter, REPORT_STYLE_TEXT_BOLD, title, left + 15, y + 4, width * 0.6, 0, title_color);
  if (!continued)
    takt_report_show_text (painter, REPORT_STYLE_BODY, detail, left, y + 6, width, 1, &dim_color);
  cairo_rectangle (cr, left, y + REPORT_GROUP_H - 1.5, width, 0.75);
  takt_report_set_color (cr, &rule_color);
  cairo_fill (cr);
}

static guint
group_rows (GArray *items,
            guint   from)
{
  guint n = 0;

  for (guint i = from + 1; i < items->len; i++)
    {
      const TaktReportItem *item = &g_array_index (items, TaktReportItem, i);

      if (item->kind == REPORT_ITEM_GROUP)
        break;
      if (item->kind == REPORT_ITEM_ROW)
        n++;
    }
  return n;
}

/* A row's product cell at @cell_x: the product's colour and its name. */
static void
draw_product_cell (TaktReport        *self,
                   TaktReportPainter *painter,
                   int                product_index,
                   const Column      *col,
                   double             cell_x,
                   double             y)
{
  const TaktProduct *product = g_ptr_array_index (self->plan->products, product_index);
  TaktGanttColor chip;

  takt_gantt_product_color (self->plan, product_index, &chip);
  draw_chip (painter->cr, &chip, cell_x + REPORT_CELL_PAD, y + REPORT_ROW_H / 2, 6);
  takt_report_show_text (painter, REPORT_STYLE_BODY, product_name (product), cell_x + REPORT_CELL_PAD + 9, y + 2.5,
                         col->width - 2 * REPORT_CELL_PAD - 9, 0, &text_color);
}

static void
draw_run_row (TaktReport           *self,
              TaktReportPainter    *painter,
              const TaktReportItem *item,
              const Column         *cols,
              const double         *x,
              double                left,
              double                y)
{
  const TaktRun *run = g_ptr_array_index (self->schedule->runs, item->index);
  const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, item->step);
  const double ty = y + 2.5;
  char *cells[RUN_N_COLS] = { NULL };

  cells[RUN_COL_MACHINE] = g_strdup_printf ("%" G_GINT64_FORMAT, step->machine);
  cells[RUN_COL_RUN] = g_strdup (run->id);
  cells[RUN_COL_QUANTITY] = g_strdup_printf ("%" G_GINT64_FORMAT, run->quantity);
  cells[RUN_COL_SETUP] = step->setup_start < step->start ? takt_report_format_time (step->setup_start)
                                                         : g_strdup ("—");
  cells[RUN_COL_START] = takt_report_format_time (step->start);
  cells[RUN_COL_END] = takt_report_format_time (step->end);
  cells[RUN_COL_PINNED] = g_strdup (run->pinned ? _("pinned") : "");
  cells[RUN_COL_COVERS] = covers_text (self, run);

  draw_product_cell (self, painter, run->product_index, &cols[RUN_COL_PRODUCT], left + x[RUN_COL_PRODUCT], y);
  for (guint c = 0; c < RUN_N_COLS; c++)
    {
      if (c == RUN_COL_PRODUCT)
        continue;
      takt_report_show_text (painter, REPORT_STYLE_BODY, cells[c], left + x[c] + REPORT_CELL_PAD, ty,
                             cols[c].width - 2 * REPORT_CELL_PAD, cols[c].align,
                             c == RUN_COL_COVERS || c == RUN_COL_SETUP ? &dim_color : &text_color);
      g_free (cells[c]);
    }
}

static char *
hours_text (gint64 seconds)
{
  return g_strdup_printf ("%.1f h", (double) seconds / 3600.0);
}

static void
draw_late_row (TaktReport           *self,
               TaktReportPainter    *painter,
               const TaktReportItem *item,
               const Column         *cols,
               const double         *x,
               double                left,
               double                y)
{
  const TaktReportLateRow *row = &g_array_index (self->late_rows, TaktReportLateRow, item->index);
  const double ty = y + 2.5;
  const TaktGanttColor *status_color = row->status == REPORT_AT_RISK ? &risk_color : &late_color;
  char *cells[LATE_N_COLS] = { NULL };

  cells[LATE_COL_DEMAND] = demand_label (self, row->kind, row->source, row->demand, row->due);
  if (row->kind == TAKT_DEMAND_ORDER && row->source >= 0 && (guint) row->source < self->plan->orders->len)
    {
      const TaktOrder *order = g_ptr_array_index (self->plan->orders, row->source);

      cells[LATE_COL_CUSTOMER] = g_strdup (order->customer != NULL ? order->customer : "");
    }
  else
    cells[LATE_COL_CUSTOMER] = g_strdup (row->kind == TAKT_DEMAND_FORECAST ? _("(forecast)") : _("(campaign)"));
  cells[LATE_COL_QUANTITY] = g_strdup_printf ("%" G_GINT64_FORMAT, row->quantity);
  cells[LATE_COL_DUE] = takt_report_format_time (row->due);
  cells[LATE_COL_FINISH] = row->finish != G_MININT64 ? takt_report_format_time (row->finish) : g_strdup ("—");
  switch (row->status)
    {
    case REPORT_LATE:
      {
        g_autofree char *h = hours_text (row->finish - row->due);

        cells[LATE_COL_LATENESS] = g_strdup_printf ("+%s", h);
        cells[LATE_COL_STATUS] = g_strdup (_("Late"));
      }
      break;
    case REPORT_UNMET:
      cells[LATE_COL_LATENESS] = g_strdup ("—");
      cells[LATE_COL_STATUS] = g_strdup (_("Unmet"));
      break;
    case REPORT_AT_RISK:
      {
        g_autofree char *h = hours_text (row->slack_s);

        /* Translators: the working time left between an at-risk order's finish and its due time */
        cells[LATE_COL_LATENESS] = g_strdup_printf (_("%s to spare"), h);
        cells[LATE_COL_STATUS] = g_strdup (_("At risk"));
      }
      break;
    case REPORT_N_LATE_STATUSES:
    default:
      break;
    }
  if (row->unmet > 0)
    /* Translators: units of an order never made, "5 unmet" */
    cells[LATE_COL_UNITS] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld unmet", "%lld unmet",
                                                          (gulong) row->unmet),
                                             (long long) row->unmet);
  else
    cells[LATE_COL_UNITS] = g_strdup_printf ("%" G_GINT64_FORMAT, row->late_units);

  draw_product_cell (self, painter, row->product_index, &cols[LATE_COL_PRODUCT], left + x[LATE_COL_PRODUCT], y);
  for (guint c = 0; c < LATE_N_COLS; c++)
    {
      const TaktGanttColor *color = &text_color;
      TaktReportStyle style = REPORT_STYLE_BODY;

      if (c == LATE_COL_PRODUCT)
        continue;
      if (c == LATE_COL_STATUS || c == LATE_COL_LATENESS)
        color = status_color;
      if (c == LATE_COL_STATUS || c == LATE_COL_DEMAND)
        style = REPORT_STYLE_BODY_BOLD;
      takt_report_show_text (painter, style, cells[c], left + x[c] + REPORT_CELL_PAD, ty,
                             cols[c].width - 2 * REPORT_CELL_PAD, cols[c].align, color);
      g_free (cells[c]);
    }
}

void
takt_report_draw_table_page (TaktReport           *self,
                             TaktReportPainter    *painter,
                             const TaktReportPage *page,
                             const TaktChartRect  *body)
{
  cairo_t *cr = painter->cr;
  gboolean runs = page->section == TAKT_REPORT_RUNS;
  GArray *items = section_items (self, page->section);
  Column cols[MAX_COLS];
  double x[MAX_COLS + 1];
  guint n = runs ? RUN_N_COLS : LATE_N_COLS;
  double left = body->x, width = body->width;
  double y = body->y;
  g_autofree char *subtitle = NULL;
  guint stripe = 0;
  gint64 prev_machine = 0;

  if (runs)
    run_columns (cols);
  else
    late_columns (cols);
  layout_columns (cols, n, width, x);

  /* The title, and what the table holds. */
  takt_report_show_text (painter, REPORT_STYLE_HEADING,
                         runs ? _("Runs per station") : _("Late and at-risk orders"),
                         left, y, width, 0, &text_color);
  if (runs)
    subtitle = g_strdup (_("Each run's step at the station, by machine and start. Times are plant-local; "
                           "setup from: when the machine's setup for the run begins."));
  else
    /* Translators: the definition of "at risk" under the late orders table */
    subtitle = g_strdup_printf (_("Late: a unit is finished after the due time. Unmet: a unit is never made. "
                                  "At risk: a customer order finished in time, but with less than %.3g working "
                                  "hours to spare at its product's last station."),
                                self->options.at_risk_hours);
  takt_report_show_text (painter, REPORT_STYLE_SMALL, subtitle, left, y + 18, width, 0, &dim_color);
  y += REPORT_TITLE_H;
  draw_head_row (painter, cols, x, n, left, y, width);
  y += REPORT_HEAD_H;

  if (page->continued && page->first_item < items->len)
    {
      const TaktReportItem *first = &g_array_index (items, TaktReportItem, page->first_item);

      draw_group (self, painter, page->section, first->group, TRUE, 0, left, y, width);
      y += REPORT_GROUP_H;
    }

  for (guint i = page->first_item; i < page->end_item; i++)
    {
      const TaktReportItem *item = &g_array_index (items, TaktReportItem, i);

      switch (item->kind)
        {
        case REPORT_ITEM_GROUP:
          draw_group (self, painter, page->section, item->group, FALSE, group_rows (items, i), left, y, width);
          stripe = 0;
          prev_machine = 0;
          break;
        case REPORT_ITEM_NOTE:
          takt_report_show_text (painter, REPORT_STYLE_BODY,
                                 runs ? _("No run at this station in these days.")
                                      : _("No order is late or at risk: every unit is made in time."),
                                 left + REPORT_CELL_PAD, y + 2.5, width, 0, &dim_color);
          break;
        case REPORT_ITEM_ROW:
          if (runs)
            {
              const TaktRun *run = g_ptr_array_index (self->schedule->runs, item->index);
              gint64 machine = g_array_index (run->steps, TaktRunStep, item->step).machine;

              /* A line between machines, and the stripes start again. */
              if (prev_machine != 0 && machine != prev_machine)
                {
                  cairo_rectangle (cr, left, y - 0.25, width, 0.5);
                  takt_report_set_color (cr, &rule_color);
                  cairo_fill (cr);
                  stripe = 0;
                }
              prev_machine = machine;
            }
          if (stripe++ % 2 == 1)
            {
              cairo_rectangle (cr, left, y, width, REPORT_ROW_H);
              takt_report_set_color (cr, &stripe_color);
              cairo_fill (cr);
            }
          if (runs)
            draw_run_row (self, painter, item, cols, x, left, y);
          else
            draw_late_row (self, painter, item, cols, x, left, y);
          break;
        default:
          break;
        }
      y += item_height (item);
    }

  /* The last line, so a table visibly ends or goes on. */
  cairo_rectangle (cr, left, y, width, 0.5);
  takt_report_set_color (cr, &rule_color);
  cairo_fill (cr);
  if (page->end_item < items->len)
    takt_report_show_text (painter, REPORT_STYLE_SMALL, _("Continued on the next page"), left, y + 3, width, 1,
                           &dim_color);
}
