/* takt-evaluate.c — costs and KPIs of a schedule, exactly as the spec defines them
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is recomputed from the schedule alone: each run's unit
 * finish times follow from the start of each of its steps by the one-piece
 * flow rule (unit 1 starts at the step's start; unit k starts when it has
 * left the previous step and unit k − 1 has left this one, at the next
 * working instant of the station, and needs cycle_s of working time).
 *
 * The KPIs, as defined here:
 * - late_units: units finished after their demand's due time (matched as
 *   the spec says); unmet_units: demanded units no unit covers.
 * - on_time_rate: (demanded − late − unmet) ÷ demanded units, counting the
 *   units that initial stock covers as on time; 1 when nothing is demanded.
 * - late_orders: orders with at least one late or unmet unit.
 * - makespan_s: the last step end of all runs − horizon start.
 * - average_stock: finished units on hand (initial stock until the demand
 *   it covers is due, units finished early until their due time, surplus
 *   and unused stock until the horizon end), integrated over the horizon
 *   and divided by its length.
 * - average_wip: units between the start of their first step and their
 *   finish, integrated over the horizon and divided by its length.
 * - changeovers: on each machine, consecutive runs (by setup start) of
 *   different products.
 * - utilisation: the working time inside the horizon that runs hold a
 *   machine (from setup start to end, including a unit's wait for the one
 *   before it), over the machines' working time in the horizon.
 * - takt time of a station: its machines' working time in the horizon ÷
 *   the units due in the horizon that pass it (once per routing step
 *   there); its load per unit: the cycle time there, weighted by those
 *   units.
 */

#define G_LOG_DOMAIN "takt-evaluate"

#include "config.h"

#include "takt-planner-private.h"

#include <stdlib.h>
#include <string.h>

#include "takt-time.h"

void
takt_plan_stats_free (TaktPlanStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->station_utilisation);
  g_free (stats->station_takt_s);
  g_free (stats->station_load_per_unit_s);
  g_free (stats->machine_utilisation);
  g_free (stats->station_first_machine);
  g_clear_pointer (&stats->demands, g_ptr_array_unref);
  g_clear_pointer (&stats->conflicts, g_ptr_array_unref);
  g_free (stats);
}

static void
demand_result_free (TaktDemandResult *result)
{
  g_free (result->demand);
  g_free (result);
}

void
takt_match_product (const TaktDemand *demands,
                    int               n_demands,
                    gint64            origin,
                    gint64            horizon,
                    const gint64     *finish,
                    gsize             n,
                    gint64           *early,
                    gint64           *late,
                    gint64           *surplus,
                    gint64           *missing)
{
  gsize u = 0;

  *early = *late = *surplus = *missing = 0;
  for (int d = 0; d < n_demands; d++)
    {
      gint64 due = demands[d].due - origin;
      gint64 need = demands[d].quantity - demands[d].from_stock;

      for (; need > 0 && u < n; need--, u++)
        {
          if (finish[u] < due)
            *early += due - finish[u];
          else
            *late += finish[u] - due;
        }
      *missing += MAX (need, 0);
    }
  for (; u < n; u++)
    *surplus += MAX (horizon - finish[u], 0);
}

typedef struct
{
  gint64 finish;
  gint64 start;     /* of its first step, for the WIP */
  int    run;
  int    product;
} Unit;

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const Unit *x = a;
  const Unit *y = b;

  if (x->product != y->product)
    return x->product < y->product ? -1 : 1;
  if (x->finish != y->finish)
    return x->finish < y->finish ? -1 : 1;
  return (x->run > y->run) - (x->run < y->run);
}

typedef struct
{
  int    machine;   /* flat */
  int    run;
  gint64 from;
  gint64 to;
} Busy;

static int
compare_busy (gconstpointer a,
              gconstpointer b)
{
  const Busy *x = a;
  const Busy *y = b;

  if (x->machine != y->machine)
    return x->machine < y->machine ? -1 : 1;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  if (x->to != y->to)
    return x->to < y->to ? -1 : 1;
  return (x->run > y->run) - (x->run < y->run);
}

static gint64
clip_len (gint64 from,
          gint64 to,
          gint64 horizon)
{
  from = MAX (from, 0);
  to = MIN (to, horizon);
  return to > from ? to - from : 0;
}

static void
cover_clear (gpointer data)
{
  TaktCover *c = data;

  g_clear_pointer (&c->demand, g_free);
}

static void
add_cover (TaktRun    *run,
           const char *demand,
           gint64      quantity)
{
  TaktCover c;

  if (run->covers == NULL)
    {
      run->covers = g_array_new (FALSE, FALSE, sizeof (TaktCover));
      g_array_set_clear_func (run->covers, cover_clear);
    }
  for (guint i = run->covers->len; i > 0; i--)
    {
      TaktCover *o = &g_array_index (run->covers, TaktCover, i - 1);

      if (g_strcmp0 (o->demand, demand) == 0)
        {
          o->quantity += quantity;
          return;
        }
    }
  c.demand = g_strdup (demand);
  c.quantity = quantity;
  g_array_append_val (run->covers, c);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const TaktDemandResult *x = *(const TaktDemandResult * const *) a;
  const TaktDemandResult *y = *(const TaktDemandResult * const *) b;

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  if (x->product_index != y->product_index)
    return x->product_index < y->product_index ? -1 : 1;
  return strcmp (x->demand, y->demand);
}

TaktPlanStats *
takt_evaluate_schedule (const TaktPlan      *plan,
                        TaktSchedule        *schedule,
                        gboolean             fill_covers,
                        gboolean             overlaps,
                        const gint64 *const *finishes)
{
  TaktPlanStats *stats = g_new0 (TaktPlanStats, 1);
  gint64 origin = plan->horizon_start;
  gint64 horizon = plan->horizon_days * TAKT_DAY_S;
  int n_stations = (int) plan->stations->len;
  int n_products = (int) plan->products->len;
  g_autoptr(GPtrArray) wts = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_work_time_free);
  g_autoptr(GHashTable) by_calendar = g_hash_table_new (NULL, NULL);
  g_autofree TaktWorkTime **station_wt = g_new0 (TaktWorkTime *, MAX (n_stations, 1));
  g_autoptr(GArray) demands = takt_demand_collect (plan);
  g_autofree int *demand_start = g_new0 (int, n_products + 1);
  g_autofree gint64 *station_available = g_new0 (gint64, MAX (n_stations, 1));
  g_autofree gint64 *machine_busy = NULL;
  g_autofree gint64 *product_demanded = g_new0 (gint64, MAX (n_products, 1));
  g_autofree gint64 *product_unmet = g_new0 (gint64, MAX (n_products, 1));
  g_autofree gint64 *order_bad = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (Unit));
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (Busy));
  g_autofree gint64 *prev = NULL;
  g_autofree gint64 *cur = NULL;
  gsize buf_len = 0;
  guint n_runs = schedule != NULL && schedule->runs != NULL ? schedule->runs->len : 0;
  double stock_area = 0, wip_area = 0;
  gint64 demanded = 0;
  gint64 last_end = G_MININT64;
  double impressions = 0;

  stats->n_stations = n_stations;
  stats->station_utilisation = g_new0 (double, MAX (n_stations, 1));
  stats->station_takt_s = g_new0 (double, MAX (n_stations, 1));
  stats->station_load_per_unit_s = g_new0 (double, MAX (n_stations, 1));
  stats->station_first_machine = g_new0 (int, n_stations + 1);
  stats->demands = g_ptr_array_new_with_free_func ((GDestroyNotify) demand_result_free);
  stats->conflicts = g_ptr_array_new_with_free_func (g_free);
  stats->bottleneck_station = -1;

  for (int s = 0; s < n_stations; s++)
    {
      const TaktStation *st = g_ptr_array_index (plan->stations, s);
      const TaktCalendar *cal = takt_plan_station_calendar (plan, s);
      TaktWorkTime *wt = g_hash_table_lookup (by_calendar, cal);

      if (wt == NULL)
        {
          wt = takt_work_time_new (cal, origin, horizon + 14 * TAKT_DAY_S);
          g_ptr_array_add (wts, wt);
          g_hash_table_insert (by_calendar, (gpointer) cal, wt);
        }
      station_wt[s] = wt;
      station_available[s] = takt_work_time_between (wt, 0, horizon);
      stats->station_first_machine[s + 1] = stats->station_first_machine[s] + (int) MAX (st->machines, 1);
    }
  stats->n_machines = stats->station_first_machine[n_stations];
  stats->machine_utilisation = g_new0 (double, MAX (stats->n_machines, 1));
  machine_busy = g_new0 (gint64, MAX (stats->n_machines, 1));

  for (guint i = 0; i < demands->len; i++)
    {
      const TaktDemand *d = &g_array_index (demands, TaktDemand, i);

      demand_start[d->product_index + 1]++;
      product_demanded[d->product_index] += d->quantity;
      demanded += d->quantity;
    }
  for (int p = 0; p < n_products; p++)
    demand_start[p + 1] += demand_start[p];

  /* Each run's units, step by step. */
  for (guint r = 0; r < n_runs; r++)
    {
      TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktProduct *prod;
      gint64 q = run->quantity;

      if (run->covers != NULL && fill_covers)
        g_array_set_size (run->covers, 0);
      if (run->product_index < 0 || run->product_index >= n_products)
        continue;
      prod = g_ptr_array_index (plan->products, run->product_index);
      stats->setup += prod->setup_cost;
      stats->runs++;
      if (run->steps == NULL || run->steps->len != prod->routing->len || q <= 0)
        {
          g_ptr_array_add (stats->conflicts,
                           g_strdup_printf ("run %s: its steps do not follow the routing of %s",
                                            run->id != NULL ? run->id : "?", prod->id));
          continue;
        }
      if ((gsize) q > buf_len)
        {
          buf_len = MAX ((gsize) q, buf_len * 2);
          prev = g_renew (gint64, prev, buf_len);
          cur = g_renew (gint64, cur, buf_len);
        }
      {
        gint64 base = units->len;
        gboolean never = FALSE;

        g_array_set_size (units, units->len + q);
        if (finishes != NULL && finishes[r] != NULL)
          {
            /* The planner knows the finishes; the first step's unit starts
             * follow one after the other there. */
            const TaktStep *step = g_ptr_array_index (prod->routing, 0);
            const TaktWorkTime *wt = station_wt[step->station_index];
            gint64 w0 = takt_work_time_worked (wt, g_array_index (run->steps, TaktRunStep, 0).start - origin);
            gsize hint = 0;

            for (gint64 k = 0; k < q; k++)
              g_array_index (units, Unit, base + k).start =
                takt_work_time_start_at_hint (wt, w0 + k * step->cycle_s, &hint);
            memcpy (prev, finishes[r], q * sizeof (gint64));
          }
        else
        /* prev/cur hold working time of the step's station (prev_wt);
         * instants are made only where the next station's calendar
         * differs, and for the finish. */
        {
          const TaktWorkTime *prev_wt = NULL;

          for (guint j = 0; j < prod->routing->len && !never; j++)
            {
              const TaktStep *step = g_ptr_array_index (prod->routing, j);
              const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, j);
              const TaktWorkTime *wt = station_wt[step->station_index];
              gint64 ew = takt_work_time_worked (wt, rs->start - origin) + step->cycle_s;
              gboolean same = prev_wt == wt;
              gsize hint = 0, hint2 = 0;

              if (j > 0 && !same)
                for (gint64 k = 0; k < q; k++)
                  prev[k] = takt_work_time_end_at_hint (prev_wt, prev[k], &hint);
              hint = 0;
              if (j == 0)
                g_array_index (units, Unit, base).start =
                  takt_work_time_start_at_hint (wt, ew - step->cycle_s, &hint2);
              cur[0] = ew;
              for (gint64 k = 1; k < q; k++)
                {
                  gint64 sw = ew;

                  if (j > 0)
                    sw = MAX (sw, same ? prev[k] : takt_work_time_worked_hint (wt, prev[k], &hint));
                  else
                    g_array_index (units, Unit, base + k).start = takt_work_time_start_at_hint (wt, sw, &hint2);
                  ew = sw + step->cycle_s;
                  cur[k] = ew;
                }
              if (takt_work_time_end_at (wt, ew) == TAKT_TIME_NEVER)
                never = TRUE;
              prev_wt = wt;
              {
                gint64 *t = prev;

                prev = cur;
                cur = t;
              }
            }
          if (!never)
            {
              gsize hint = 0;

              for (gint64 k = 0; k < q; k++)
                prev[k] = takt_work_time_end_at_hint (prev_wt, prev[k], &hint);
            }
        }
        if (never)
          {
            g_ptr_array_add (stats->conflicts,
                             g_strdup_printf ("run %s: never finishes (a station has no working time left)",
                                              run->id != NULL ? run->id : "?"));
            g_array_set_size (units, base);
            continue;
          }
        for (gint64 k = 0; k < q; k++)
          {
            Unit *u = &g_array_index (units, Unit, base + k);

            u->finish = prev[k];
            u->run = (int) r;
            u->product = run->product_index;
            wip_area += (double) clip_len (u->start, u->finish, horizon);
          }
        stats->units += q;
      }

      for (guint j = 0; j < run->steps->len; j++)
        {
          const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, j);
          int s = rs->station_index;
          gint64 m = rs->machine - 1;
          gint64 held;

          last_end = MAX (last_end, rs->end);
          if (s < 0 || s >= n_stations)
            continue;
          held = takt_work_time_between (station_wt[s], MAX (rs->setup_start - origin, 0),
                                         MIN (rs->end - origin, horizon));
          if (m >= 0 && m < stats->station_first_machine[s + 1] - stats->station_first_machine[s])
            {
              Busy b = { stats->station_first_machine[s] + (int) m, (int) r, rs->setup_start, rs->end };

              machine_busy[b.machine] += held;
              g_array_append_val (busy, b);
            }
        }
    }

  /* Machines: utilisation, changeovers, overlaps. */
  g_array_sort (busy, compare_busy);
  {
    gint64 reach = G_MININT64;
    int reach_run = -1;

    for (guint i = 0; i < busy->len; i++)
      {
        const Busy *b = &g_array_index (busy, Busy, i);
        const TaktRun *rb = g_ptr_array_index (schedule->runs, b->run);

        if (i == 0 || g_array_index (busy, Busy, i - 1).machine != b->machine)
          {
            reach = G_MININT64;
            reach_run = -1;
          }
        else
          {
            const TaktRun *ra = g_ptr_array_index (schedule->runs, g_array_index (busy, Busy, i - 1).run);

            if (ra->product_index != rb->product_index)
              stats->changeovers++;
          }
        if (overlaps && reach_run >= 0 && b->from < reach && b->to > b->from)
          {
            const TaktRun *ra = g_ptr_array_index (schedule->runs, reach_run);
            int s = 0;
            g_autofree char *x = takt_format_datetime (b->from, FALSE);
            g_autofree char *y = takt_format_datetime (MIN (reach, b->to), FALSE);

            while (s + 1 < n_stations && stats->station_first_machine[s + 1] <= b->machine)
              s++;
            g_ptr_array_add (stats->conflicts,
                             g_strdup_printf ("runs %s and %s overlap on %s machine %d from %s to %s",
                                              ra->id != NULL ? ra->id : "?",
                                              rb->id != NULL ? rb->id : "?",
                                              ((const TaktStation *) g_ptr_array_index (plan->stations, s))->id,
                                              b->machine - stats->station_first_machine[s] + 1, x, y));
          }
        if (b->to > reach)
          {
            reach = b->to;
            reach_run = b->run;
          }
      }
  }
  for (int s = 0; s < n_stations; s++)
    {
      int n_mach = stats->station_first_machine[s + 1] - stats->station_first_machine[s];
      gint64 sum = 0;

      for (int m = 0; m < n_mach; m++)
        {
          gint64 held = machine_busy[stats->station_first_machine[s] + m];

          sum += held;
          stats->machine_utilisation[stats->station_first_machine[s] + m] =
            station_available[s] > 0 ? (double) held / (double) station_available[s] : 0;
        }
      if (station_available[s] > 0 && n_mach > 0)
        stats->station_utilisation[s] = (double) sum / ((double) station_available[s] * n_mach);
      if (stats->station_utilisation[s] > stats->bottleneck_utilisation)
        {
          stats->bottleneck_station = s;
          stats->bottleneck_utilisation = stats->station_utilisation[s];
        }
    }

  /* The matching, product by product: units sorted by finish (then by
   * their run's place in the schedule) against demands by due. */
  {
    /* By product (counting sort, keeping the runs' order), then by finish
     * within a product where its runs overlap in time. */
    g_autofree guint *start = g_new0 (guint, n_products + 1);
    GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (Unit), units->len);

    g_array_set_size (sorted, units->len);
    for (guint i = 0; i < units->len; i++)
      start[g_array_index (units, Unit, i).product + 1]++;
    for (int p = 0; p < n_products; p++)
      start[p + 1] += start[p];
    {
      g_autofree guint *fill = g_memdup2 (start, (n_products + 1) * sizeof (guint));

      for (guint i = 0; i < units->len; i++)
        {
          const Unit *unit = &g_array_index (units, Unit, i);

          g_array_index (sorted, Unit, fill[unit->product]++) = *unit;
        }
    }
    for (int p = 0; p < n_products; p++)
      {
        guint n = start[p + 1] - start[p];
        Unit *seg;

        /* With no unit at all the array has no storage to point into. */
        if (n < 2)
          continue;
        seg = &g_array_index (sorted, Unit, start[p]);
        for (guint i = 1; i < n; i++)
          if (compare_units (&seg[i - 1], &seg[i]) > 0)
            {
              qsort (seg, n, sizeof (Unit), compare_units);
              break;
            }
      }
    g_array_unref (units);
    units = sorted;
  }
  order_bad = g_new0 (gint64, MAX (plan->orders != NULL ? plan->orders->len : 0, 1));
  {
    guint u = 0;

    for (int p = 0; p < n_products; p++)
      {
        const TaktProduct *prod = g_ptr_array_index (plan->products, p);
        gint64 early = 0, late = 0, surplus = 0;
        gint64 stock_left = MAX (prod->initial_stock, 0);

        for (int d = demand_start[p]; d < demand_start[p + 1]; d++)
          {
            const TaktDemand *dem = &g_array_index (demands, TaktDemand, d);
            TaktDemandResult *res = g_new0 (TaktDemandResult, 1);
            gint64 due = dem->due - origin;
            gint64 need = dem->quantity - dem->from_stock;

            res->demand = g_strdup (dem->name);
            res->product_index = p;
            res->quantity = dem->quantity;
            res->due = dem->due;
            res->finish = G_MININT64;
            if (dem->from_stock > 0)
              {
                res->finish = origin;
                stock_area += (double) dem->from_stock * (double) clip_len (0, due, horizon);
                stock_left -= dem->from_stock;
              }
            while (need > 0 && u < units->len && g_array_index (units, Unit, u).product == p)
              {
                const Unit *unit = &g_array_index (units, Unit, u);

                if (unit->finish < due)
                  {
                    early += due - unit->finish;
                    stock_area += (double) clip_len (unit->finish, due, horizon);
                  }
                else if (unit->finish > due)
                  {
                    late += unit->finish - due;
                    res->late_units++;
                  }
                res->finish = MAX (res->finish, origin + unit->finish);
                if (fill_covers)
                  {
                    TaktRun *run = g_ptr_array_index (schedule->runs, unit->run);
                    gint64 same = 1;

                    /* The following units of the same run go to the same demand. */
                    while (same < need && u + same < units->len &&
                           g_array_index (units, Unit, u + same).product == p &&
                           g_array_index (units, Unit, u + same).run == unit->run)
                      {
                        const Unit *o = &g_array_index (units, Unit, u + same);

                        if (o->finish < due)
                          {
                            early += due - o->finish;
                            stock_area += (double) clip_len (o->finish, due, horizon);
                          }
                        else if (o->finish > due)
                          {
                            late += o->finish - due;
                            res->late_units++;
                          }
                        res->finish = MAX (res->finish, origin + o->finish);
                        same++;
                      }
                    add_cover (run, dem->name, same);
                    need -= same;
                    u += same;
                  }
                else
                  {
                    need--;
                    u++;
                  }
              }
            res->unmet = need;
            product_unmet[p] += need;
            stats->late_units += res->late_units;
            stats->unmet_units += need;
            if (dem->kind == TAKT_DEMAND_ORDER && (res->late_units > 0 || need > 0))
              order_bad[dem->source] = 1;
            g_ptr_array_add (stats->demands, res);
          }
        while (u < units->len && g_array_index (units, Unit, u).product == p)
          {
            const Unit *unit = &g_array_index (units, Unit, u);

            surplus += MAX (horizon - unit->finish, 0);
            stock_area += (double) clip_len (unit->finish, horizon, horizon);
            u++;
          }
        stock_area += (double) MAX (stock_left, 0) * (double) horizon;
        stats->holding += prod->holding_cost_per_day * (double) (early + surplus) / (double) TAKT_DAY_S;
        stats->tardiness += prod->late_cost_per_day * (double) late / (double) TAKT_DAY_S;
      }
  }
  for (guint i = 0; plan->orders != NULL && i < plan->orders->len; i++)
    stats->late_orders += order_bad[i] != 0;
  g_ptr_array_sort (stats->demands, compare_results);

  /* Unmet demand, with its reason. */
  for (int p = 0; p < n_products; p++)
    {
      const TaktProduct *prod = g_ptr_array_index (plan->products, p);
      int dead = -1;

      if (product_unmet[p] == 0)
        continue;
      for (guint j = 0; j < prod->routing->len && dead < 0; j++)
        {
          int s = ((const TaktStep *) g_ptr_array_index (prod->routing, j))->station_index;

          if (takt_work_time_never_works (station_wt[s]))
            dead = s;
        }
      if (dead >= 0)
        g_ptr_array_add (stats->conflicts,
                         g_strdup_printf ("%s: %" G_GINT64_FORMAT " units unmet: station %s never works",
                                          prod->id, product_unmet[p],
                                          ((const TaktStation *) g_ptr_array_index (plan->stations, dead))->id));
      else
        g_ptr_array_add (stats->conflicts,
                         g_strdup_printf ("%s: %" G_GINT64_FORMAT " units unmet: no run makes them "
                                          "(a station of its routing has too little working time left)",
                                          prod->id, product_unmet[p]));
    }

  /* Takt time and load per unit of each station. */
  {
    g_autofree double *units_at = g_new0 (double, MAX (n_stations, 1));
    g_autofree double *work_at = g_new0 (double, MAX (n_stations, 1));
    g_autofree gint64 *in_horizon = g_new0 (gint64, MAX (n_products, 1));

    for (guint i = 0; i < demands->len; i++)
      {
        const TaktDemand *d = &g_array_index (demands, TaktDemand, i);

        if (d->due - origin <= horizon)
          in_horizon[d->product_index] += d->quantity;
      }
    for (int p = 0; p < n_products; p++)
      {
        const TaktProduct *prod = g_ptr_array_index (plan->products, p);

        for (guint j = 0; j < prod->routing->len; j++)
          {
            const TaktStep *step = g_ptr_array_index (prod->routing, j);

            units_at[step->station_index] += (double) in_horizon[p];
            work_at[step->station_index] += (double) in_horizon[p] * (double) step->cycle_s;
          }
      }
    for (int s = 0; s < n_stations; s++)
      {
        int n_mach = stats->station_first_machine[s + 1] - stats->station_first_machine[s];

        if (units_at[s] > 0)
          {
            stats->station_takt_s[s] = (double) station_available[s] * n_mach / units_at[s];
            stats->station_load_per_unit_s[s] = work_at[s] / units_at[s];
          }
      }
  }

  stats->total = stats->holding + stats->tardiness + stats->setup;
  stats->on_time_rate = demanded > 0
    ? (double) (demanded - stats->late_units - stats->unmet_units) / (double) demanded
    : 1.0;
  stats->makespan_s = n_runs > 0 && last_end != G_MININT64 ? MAX (last_end - origin, 0) : 0;
  stats->average_stock = horizon > 0 ? stock_area / (double) horizon : 0;
  stats->average_wip = horizon > 0 ? wip_area / (double) horizon : 0;

  for (guint i = 0; plan->campaigns != NULL && i < plan->campaigns->len; i++)
    {
      const TaktCampaign *c = g_ptr_array_index (plan->campaigns, i);

      stats->campaign_spend += c->spend;
      impressions += (double) c->impressions;
    }
  stats->campaign_cost_per_mille = impressions > 0 ? stats->campaign_spend / impressions * 1000.0 : 0;
  return stats;
}

TaktPlanStats *
takt_planner_evaluate (const TaktPlan     *plan,
                       const TaktSchedule *schedule)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (schedule != NULL, NULL);

  /* Without covers to fill, the schedule is only read. */
  return takt_evaluate_schedule (plan, (TaktSchedule *) schedule, FALSE, TRUE, NULL);
}
