/* takt-chart-data.c — the series the cost, demand and capacity charts show
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-chart"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "takt-calendar.h"
#include "takt-chart-data.h"
#include "takt-demand.h"
#include "takt-time.h"

/* More days than any sane plan spans; a guard against broken instants. */
#define MAX_DAYS 20000

typedef struct
{
  gint64 t;
  double delta;
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a;
  const Event *eb = b;

  return (ea->t > eb->t) - (ea->t < eb->t);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
add_event (GArray *events,
           gint64  t,
           double  delta)
{
  Event e = { t, delta };

  if (delta != 0)
    g_array_append_val (events, e);
}

/* Sorts @events and sums them into a step function that starts at @start
 * at level 0 (events before @start count at @start). */
static void
steps_from_events (GArray         *events,
                   gint64          start,
                   TaktChartSteps *steps)
{
  double level = 0;
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      Event *e = &g_array_index (events, Event, i);

      e->t = MAX (e->t, start);
    }
  g_array_sort (events, compare_events);

  steps->t = g_new (gint64, events->len + 1);
  steps->v = g_new (double, events->len + 1);
  steps->t[0] = start;
  steps->v[0] = 0;
  n = 1;
  for (guint i = 0; i < events->len; i++)
    {
      const Event *e = &g_array_index (events, Event, i);

      level += e->delta;
      if (steps->t[n - 1] == e->t)
        steps->v[n - 1] = level;
      else
        {
          steps->t[n] = e->t;
          steps->v[n] = level;
          n++;
        }
    }
  steps->n = n;
}

static void
steps_clear (TaktChartSteps *steps)
{
  g_clear_pointer (&steps->t, g_free);
  g_clear_pointer (&steps->v, g_free);
  steps->n = 0;
}

gint64
takt_chart_data_day_of (const TaktChartData *data,
                        gint64               t)
{
  g_return_val_if_fail (data != NULL, 0);

  if (t >= data->first_day)
    return (t - data->first_day) / TAKT_DAY_S;
  return -((data->first_day - t + TAKT_DAY_S - 1) / TAKT_DAY_S);
}

/* Adds @rate_per_day × the seconds of [a, b) that fall on each day to that
 * day, so that the days add up to rate_per_day × (b − a) / 86400. */
static void
spread (const TaktChartData *data,
        double              *days,
        gint64               a,
        gint64               b,
        double               rate_per_day)
{
  gint64 d;

  if (b <= a || rate_per_day == 0)
    return;
  d = takt_chart_data_day_of (data, a);
  while (a < b)
    {
      gint64 day_end = data->first_day + (d + 1) * TAKT_DAY_S;
      gint64 e = MIN (b, day_end);

      if (d >= 0 && d < data->n_days)
        days[d] += rate_per_day * (double) (e - a) / TAKT_DAY_S;
      a = e;
      d++;
    }
}

/* The finish (leave of the last step) of every unit of @run, by one-piece
 * flow from each step's start in the station's working time; times are
 * relative to the horizon start.  TAKT_TIME_NEVER when a unit never ends. */
static void
run_unit_finishes (const TaktPlan *plan,
                   TaktWorkTime  **work,
                   const TaktRun  *run,
                   gint64         *leave)
{
  const TaktProduct *product = g_ptr_array_index (plan->products, run->product_index);
  guint n_steps = MIN (run->steps->len, product->routing->len);
  gint64 q = run->quantity;

  for (gint64 k = 0; k < q; k++)
    leave[k] = G_MININT64;

  for (guint j = 0; j < n_steps; j++)
    {
      const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, j);
      const TaktStep *rs = g_ptr_array_index (product->routing, j);
      const TaktWorkTime *wt;
      gint64 start = step->start - plan->horizon_start;

      if (step->station_index < 0 || (guint) step->station_index >= plan->stations->len)
        continue;
      wt = work[step->station_index];
      for (gint64 k = 0; k < q; k++)
        {
          gint64 begin = start;

          if (j > 0)
            begin = MAX (begin, leave[k]);
          if (k > 0)
            begin = MAX (begin, leave[k - 1]);
          if (begin == TAKT_TIME_NEVER)
            leave[k] = TAKT_TIME_NEVER;
          else
            leave[k] = takt_work_time_add (wt, begin, rs->cycle_s);
        }
    }
}

typedef struct
{
  GArray *supply;   /* of Event */
  GArray *demand;
  GArray *stock;
} ProductEvents;

static void
compute_units (TaktChartData      *data,
               const TaktSchedule *schedule,
               TaktWorkTime      **work,
               GArray             *demands,
               ProductEvents      *events,
               gint64             *demand_late)
{
  const TaktPlan *plan = data->plan;
  guint n_products = plan->products->len;
  g_autofree GArray **finishes = g_new0 (GArray *, n_products);
  guint d = 0;

  for (guint p = 0; p < n_products; p++)
    finishes[p] = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktProduct *product;
      g_autofree gint64 *leave = NULL;

      if (run->product_index < 0 || (guint) run->product_index >= n_products || run->steps == NULL ||
          run->steps->len == 0)
        continue;
      product = g_ptr_array_index (plan->products, run->product_index);

      /* A run's setup cost falls on the day its first setup starts. */
      {
        const TaktRunStep *first = &g_array_index (run->steps, TaktRunStep, 0);
        gint64 day = takt_chart_data_day_of (data, first->setup_start);

        if (day >= 0 && day < data->n_days)
          data->setup[day] += product->setup_cost;
        data->total_setup += product->setup_cost;
      }

      if (run->quantity <= 0)
        continue;
      leave = g_new (gint64, run->quantity);
      run_unit_finishes (plan, work, run, leave);
      for (gint64 k = 0; k < run->quantity; k++)
        if (leave[k] != TAKT_TIME_NEVER && leave[k] != G_MININT64)
          {
            gint64 finish = leave[k] + plan->horizon_start;

            g_array_append_val (finishes[run->product_index], finish);
          }
    }

  for (guint p = 0; p < n_products; p++)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, p);
      GArray *f = finishes[p];
      guint u = 0;

      g_array_sort (f, compare_gint64);
      data->units += f->len;
      for (guint k = 0; k < f->len; k++)
        add_event (events[p].supply, g_array_index (f, gint64, k), 1);

      /* First finished to first due, over this product's demand. */
      for (; d < demands->len; d++)
        {
          const TaktDemand *dem = &g_array_index (demands, TaktDemand, d);
          gint64 need;

          if (dem->product_index != (int) p)
            break;
          need = dem->quantity - dem->from_stock;
          for (; need > 0 && u < f->len; need--, u++)
            {
              gint64 finish = g_array_index (f, gint64, u);

              if (finish < dem->due)
                {
                  data->total_holding += product->holding_cost_per_day * (double) (dem->due - finish) / TAKT_DAY_S;
                  spread (data, data->holding, finish, dem->due, product->holding_cost_per_day);
                  add_event (events[p].stock, finish, 1);
                  add_event (events[p].stock, dem->due, -1);
                }
              else if (finish > dem->due)
                {
                  data->total_tardiness += product->late_cost_per_day * (double) (finish - dem->due) / TAKT_DAY_S;
                  spread (data, data->tardiness, dem->due, finish, product->late_cost_per_day);
                  data->late_units++;
                  demand_late[d]++;
                }
            }
          data->unmet_units += need;
          demand_late[d] += need;
        }

      /* Surplus is held from its finish to the end of the horizon. */
      for (; u < f->len; u++)
        {
          gint64 finish = g_array_index (f, gint64, u);

          data->surplus_units++;
          if (finish < data->horizon_end)
            {
              add_event (events[p].stock, finish, 1);
              add_event (events[p].stock, data->horizon_end, -1);
              data->total_holding += product->holding_cost_per_day * (double) (data->horizon_end - finish) / TAKT_DAY_S;
              spread (data, data->holding, finish, data->horizon_end, product->holding_cost_per_day);
            }
        }
    }

  for (guint p = 0; p < n_products; p++)
    g_array_unref (finishes[p]);
}

/* The day range: every instant the charts place on a day. */
static void
compute_range (TaktChartData      *data,
               const TaktSchedule *schedule,
               GArray             *demands)
{
  gint64 lo = data->horizon_start;
  gint64 hi = data->horizon_end - 1;

  for (guint i = 0; i < demands->len; i++)
    {
      const TaktDemand *d = &g_array_index (demands, TaktDemand, i);

      lo = MIN (lo, d->due - 1);
      hi = MAX (hi, d->due - 1);
    }
  for (guint r = 0; schedule != NULL && r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      for (guint j = 0; run->steps != NULL && j < run->steps->len; j++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, j);

          lo = MIN (lo, step->setup_start);
          hi = MAX (hi, step->end);
        }
    }

  data->first_day = takt_day_start (lo);
  hi = MAX (hi, data->first_day);
  data->n_days = (guint) CLAMP ((takt_day_start (hi) - data->first_day) / TAKT_DAY_S + 1, 1, MAX_DAYS);
  data->horizon_first = (guint) ((takt_day_start (data->horizon_start) - data->first_day) / TAKT_DAY_S);
  data->horizon_days = (guint) MIN ((gint64) data->n_days - data->horizon_first,
                                    (takt_day_start (data->horizon_end - 1) - takt_day_start (data->horizon_start)) /
                                    TAKT_DAY_S + 1);
}

static void
compute_stations (TaktChartData       *data,
                  const TaktSchedule  *schedule,
                  const TaktPlanStats *stats,
                  TaktWorkTime       **work)
{
  const TaktPlan *plan = data->plan;
  guint n_stations = plan->stations->len;
  guint n_products = plan->products->len;
  gint64 horizon = data->horizon_end - data->horizon_start;
  double all_units = 0;
  g_autofree double *busy = g_new0 (double, n_stations);

  data->n_stations = n_stations;
  data->utilisation = g_new0 (double, n_stations);
  data->available_s = g_new0 (double, n_stations);
  data->takt_s = g_new0 (double, n_stations);
  data->load_s = g_new0 (double, (gsize) n_stations * MAX (n_products, 1));
  data->bottleneck = -1;

  for (guint p = 0; p < n_products; p++)
    all_units += data->takt_demand[p];

  /* Busy: the work a step does (its setup and every unit's cycle), the
   * share of it that falls in the horizon counted by working time, rather
   * than the time a machine waits between units for the step before. */
  for (guint r = 0; schedule != NULL && r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktProduct *product;

      if (run->product_index < 0 || (guint) run->product_index >= n_products || run->steps == NULL)
        continue;
      product = g_ptr_array_index (plan->products, run->product_index);
      for (guint j = 0; j < run->steps->len && j < product->routing->len; j++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, j);
          const TaktStep *rs = g_ptr_array_index (product->routing, j);
          const TaktWorkTime *wt;
          gint64 a, b, a_in, b_in, span;
          double work_s = (double) rs->setup_s + (double) rs->cycle_s * (double) MAX (run->quantity, 0);

          if (step->station_index < 0 || (guint) step->station_index >= n_stations)
            continue;
          wt = work[step->station_index];
          a = step->setup_start - data->horizon_start;
          b = step->end - data->horizon_start;
          a_in = MAX (a, 0);
          b_in = MIN (b, horizon);
          span = takt_work_time_between (wt, a, b);
          if (span <= 0)
            {
              if (a >= 0 && a < horizon)
                busy[step->station_index] += work_s;
              continue;
            }
          if (b_in > a_in)
            busy[step->station_index] += work_s * (double) takt_work_time_between (wt, a_in, b_in) / (double) span;
        }
    }

  for (guint s = 0; s < n_stations; s++)
    {
      const TaktStation *station = g_ptr_array_index (plan->stations, s);
      double machines = (double) MAX (station->machines, 1);

      data->available_s[s] = (double) takt_work_time_between (work[s], 0, horizon);
      data->utilisation[s] = data->available_s[s] > 0 ? busy[s] / (machines * data->available_s[s]) : 0;
      data->takt_s[s] = all_units > 0 ? data->available_s[s] / all_units : NAN;

      for (guint p = 0; p < n_products; p++)
        {
          const TaktProduct *product = g_ptr_array_index (plan->products, p);
          double cycle = 0;

          for (guint j = 0; j < product->routing->len; j++)
            {
              const TaktStep *rs = g_ptr_array_index (product->routing, j);

              if (rs->station_index == (int) s)
                cycle += (double) rs->cycle_s;
            }
          if (all_units > 0)
            data->load_s[(gsize) s * n_products + p] = data->takt_demand[p] / all_units * cycle / machines;
        }
    }

  if (stats != NULL && stats->station_utilisation != NULL && stats->n_stations == (int) n_stations)
    {
      for (guint s = 0; s < n_stations; s++)
        data->utilisation[s] = stats->station_utilisation[s];
      data->bottleneck = stats->bottleneck_station;
    }
  else
    {
      double best = 0;

      for (guint s = 0; s < n_stations; s++)
        if (data->utilisation[s] > best)
          {
            best = data->utilisation[s];
            data->bottleneck = (int) s;
          }
    }
}

TaktChartData *
takt_chart_data_new (const TaktPlan      *plan,
                     const TaktSchedule  *schedule,
                     const TaktPlanStats *stats)
{
  g_autoptr(GArray) demands = NULL;
  TaktChartData *data;
  guint n_products, n_stations;
  g_autofree ProductEvents *events = NULL;
  g_autofree gint64 *demand_late = NULL;
  TaktWorkTime **work;
  g_autoptr(GHashTable) campaign_of = NULL;
  g_autofree gint64 *stock_used = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (plan->products != NULL && plan->stations != NULL, NULL);

  n_products = plan->products->len;
  n_stations = plan->stations->len;

  data = g_new0 (TaktChartData, 1);
  data->plan = plan;
  data->has_schedule = schedule != NULL;
  data->horizon_start = plan->horizon_start;
  data->horizon_end = plan->horizon_start + MAX (plan->horizon_days, 1) * TAKT_DAY_S;

  demands = takt_demand_collect (plan);
  compute_range (data, schedule, demands);

  data->holding = g_new0 (double, data->n_days);
  data->setup = g_new0 (double, data->n_days);
  data->tardiness = g_new0 (double, data->n_days);
  data->demand_orders = g_new0 (double, data->n_days);
  data->demand_forecast = g_new0 (double, data->n_days);
  data->demand_campaigns = g_new0 (double, data->n_days);
  data->n_campaigns = plan->campaigns != NULL ? plan->campaigns->len : 0;
  data->campaign_demand = g_new0 (double *, MAX (data->n_campaigns, 1));
  for (guint c = 0; c < data->n_campaigns; c++)
    data->campaign_demand[c] = g_new0 (double, data->n_days);
  data->campaign_units = g_new0 (gint64, MAX (data->n_campaigns, 1));
  data->campaign_late = g_new0 (gint64, MAX (data->n_campaigns, 1));
  data->n_products = n_products;
  data->takt_demand = g_new0 (double, n_products + 1);
  data->cumulative_demand = g_new0 (TaktChartSteps, n_products + 1);
  data->cumulative_supply = g_new0 (TaktChartSteps, n_products + 1);
  data->stock = g_new0 (TaktChartSteps, n_products + 1);

  stock_used = g_new0 (gint64, n_products + 1);
  events = g_new0 (ProductEvents, n_products + 1);
  for (guint p = 0; p <= n_products; p++)
    {
      events[p].supply = g_array_new (FALSE, FALSE, sizeof (Event));
      events[p].demand = g_array_new (FALSE, FALSE, sizeof (Event));
      events[p].stock = g_array_new (FALSE, FALSE, sizeof (Event));
    }

  /* Demand, by day and source. */
  campaign_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < demands->len; i++)
    {
      const TaktDemand *d = &g_array_index (demands, TaktDemand, i);
      gint64 day = takt_chart_data_day_of (data, d->due - 1);
      double q = (double) d->quantity;

      data->demand_units += d->quantity;
      if (d->due - data->horizon_start <= data->horizon_end - data->horizon_start)
        data->takt_demand[d->product_index] += (double) d->quantity;
      add_event (events[d->product_index].demand, d->due, q);
      add_event (events[d->product_index].stock, d->due, -(double) d->from_stock);
      stock_used[d->product_index] += d->from_stock;
      if (day < 0 || day >= data->n_days)
        continue;
      switch (d->kind)
        {
        case TAKT_DEMAND_ORDER:
          data->demand_orders[day] += q;
          break;
        case TAKT_DEMAND_FORECAST:
          data->demand_forecast[day] += q;
          break;
        case TAKT_DEMAND_CAMPAIGN:
          data->demand_campaigns[day] += q;
          if (d->source >= 0 && (guint) d->source < data->n_campaigns)
            {
              data->campaign_demand[d->source][day] += q;
              data->campaign_units[d->source] += d->quantity;
              g_hash_table_insert (campaign_of, d->name, GINT_TO_POINTER (d->source + 1));
            }
          break;
        default:
          break;
        }
    }
  for (guint p = 0; p < n_products; p++)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, p);

      add_event (events[p].supply, data->horizon_start, (double) MAX (product->initial_stock, 0));
      add_event (events[p].stock, data->horizon_start, (double) MAX (product->initial_stock, 0));
      /* Initial stock no demand takes is held to the horizon end. */
      add_event (events[p].stock, data->horizon_end, -(double) (MAX (product->initial_stock, 0) - stock_used[p]));
      data->takt_demand[n_products] += data->takt_demand[p];
    }

  work = g_new0 (TaktWorkTime *, MAX (n_stations, 1));
  for (guint s = 0; s < n_stations; s++)
    work[s] = takt_work_time_new (takt_plan_station_calendar (plan, (int) s), plan->horizon_start,
                                  data->horizon_end - data->horizon_start + 7 * TAKT_DAY_S);

  demand_late = g_new0 (gint64, MAX (demands->len, 1));
  if (schedule != NULL && schedule->runs != NULL)
    compute_units (data, schedule, work, demands, events, demand_late);

  /* Launch readiness: the planner's per-demand results when given. */
  if (stats != NULL && stats->demands != NULL)
    {
      for (guint i = 0; i < stats->demands->len; i++)
        {
          const TaktDemandResult *r = g_ptr_array_index (stats->demands, i);
          int c = GPOINTER_TO_INT (g_hash_table_lookup (campaign_of, r->demand)) - 1;

          if (c >= 0)
            data->campaign_late[c] += r->late_units + r->unmet;
        }
    }
  else if (schedule != NULL)
    {
      for (guint i = 0; i < demands->len; i++)
        {
          const TaktDemand *d = &g_array_index (demands, TaktDemand, i);

          if (d->kind == TAKT_DEMAND_CAMPAIGN && d->source >= 0 && (guint) d->source < data->n_campaigns)
            data->campaign_late[d->source] += demand_late[i];
        }
    }

  compute_stations (data, schedule, stats, work);
  for (guint s = 0; s < n_stations; s++)
    takt_work_time_free (work[s]);
  g_free (work);

  /* The step functions, and all products together. */
  for (guint p = 0; p < n_products; p++)
    {
      g_array_append_vals (events[n_products].supply, events[p].supply->data, events[p].supply->len);
      g_array_append_vals (events[n_products].demand, events[p].demand->data, events[p].demand->len);
      g_array_append_vals (events[n_products].stock, events[p].stock->data, events[p].stock->len);
    }
  for (guint p = 0; p <= n_products; p++)
    {
      steps_from_events (events[p].demand, data->horizon_start, &data->cumulative_demand[p]);
      steps_from_events (events[p].supply, data->horizon_start, &data->cumulative_supply[p]);
      steps_from_events (events[p].stock, data->horizon_start, &data->stock[p]);
      g_array_unref (events[p].supply);
      g_array_unref (events[p].demand);
      g_array_unref (events[p].stock);
    }

  return data;
}

void
takt_chart_data_free (TaktChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->holding);
  g_free (data->setup);
  g_free (data->tardiness);
  g_free (data->demand_orders);
  g_free (data->demand_forecast);
  g_free (data->demand_campaigns);
  for (guint c = 0; c < data->n_campaigns; c++)
    g_free (data->campaign_demand[c]);
  g_free (data->campaign_demand);
  g_free (data->campaign_units);
  g_free (data->campaign_late);
  for (guint p = 0; p <= data->n_products; p++)
    {
      steps_clear (&data->cumulative_demand[p]);
      steps_clear (&data->cumulative_supply[p]);
      steps_clear (&data->stock[p]);
    }
  g_free (data->cumulative_demand);
  g_free (data->cumulative_supply);
  g_free (data->stock);
  g_free (data->takt_demand);
  g_free (data->utilisation);
  g_free (data->available_s);
  g_free (data->takt_s);
  g_free (data->load_s);
  g_free (data);
}

double
takt_chart_data_station_load (const TaktChartData *data,
                              guint                s)
{
  double sum = 0;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (s < data->n_stations, 0);

  for (guint p = 0; p < data->n_products; p++)
    sum += data->load_s[(gsize) s * data->n_products + p];
  return sum;
}

gboolean
takt_chart_data_campaign_ready (const TaktChartData *data,
                                guint                c)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (c < data->n_campaigns, FALSE);

  return data->has_schedule && data->campaign_late[c] == 0;
}
