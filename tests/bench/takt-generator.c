/* takt-generator.c — seeded plans for benchmarks and property tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-generator"

#include "takt-generator.h"

#include <math.h>
#include <string.h>

#include "takt-time.h"

/* How the S/M/L plans are made feasible (see make_realistic()). */
#define MAX_HOLD     0.95  /* no station held beyond this share of its working time */
#define CYCLE_SPREAD 0.3   /* a product's steps take base × (1 ± this) */
#define SCALE_RANGE  1.5   /* a station's cycle factor stays within mean ÷ this … mean × this */
#define STOCK_DAYS   4     /* initial stock ≈ orders due in the first days */

typedef struct
{
  int    n_products;
  int    n_stations;
  int    min_machines;
  int    max_machines;
  int    n_orders;
  int    n_days;
  int    n_campaigns;
  int    n_forecast_products;
  int    n_holidays;
  gint64 max_impressions;
  double target_load;
} SizeSpec;

static const SizeSpec size_specs[TAKT_GENERATOR_N_SIZES] = {
  [TAKT_GENERATOR_TINY] = { 0 },
  [TAKT_GENERATOR_S] = { 8, 5, 1, 2, 120, 28, 2, 2, 1, 60000, 0.80 },
  [TAKT_GENERATOR_M] = { 120, 12, 1, 4, 3000, 90, 15, 30, 3, 400000, 0.80 },
  [TAKT_GENERATOR_L] = { 1000, 30, 1, 4, 40000, 364, 100, 200, 10, 400000, 0.80 },
};

static const char *const station_words[] = {
  "cut", "print", "mill", "drill", "weld", "sand", "paint", "cure",
  "assemble", "solder", "test", "pack", "laser", "bend", "glue", "inspect",
};

static const char *const station_names[] = {
  "Cutting", "Print farm", "Milling", "Drilling", "Welding", "Sanding",
  "Paint booth", "Curing oven", "Assembly", "Soldering", "Test bench",
  "Packing", "Laser", "Press brake", "Gluing", "Inspection",
};

static const char *const product_adjectives[] = {
  "Spiral", "Nordic", "Compact", "Classic", "Modular", "Folding", "Twin",
  "Slim", "Rustic", "Studio", "Travel", "Mini", "Grand", "Soft", "Solid",
  "Curved", "Hexagon", "Linen", "Oak", "Copper",
};

static const char *const product_nouns[] = {
  "vase", "lamp", "shelf", "stool", "planter", "clock", "tray", "hook",
  "frame", "bowl", "holder", "box", "stand", "rack", "mug", "desk organiser",
  "coaster set", "bookend", "candle holder", "phone dock",
};

static const char *const customers[] = {
  "Shop A", "Shop B", "Webshop", "Marketplace", "Design store", "Museum shop",
  "Garden centre", "Concept store", "Wholesale North", "Wholesale South",
};

static const char *const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac",
  "#986a44", "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#c061cb",
  "#1c71d8", "#26a269", "#e5a50a", "#c64600", "#a51d2d", "#613583",
};

/* ---- small helpers ---- */

static int
rand_int (GRand *rand,
          int    lo,
          int    hi)  /* inclusive */
{
  return g_rand_int_range (rand, lo, hi + 1);
}

static gboolean
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

/* @x rounded to a multiple of @step, as the nearest double to that
 * decimal (0.1 steps give 53.8, not 53.800000000000004). */
static double
round_to (double x,
          double step)
{
  double inverse = round (1.0 / step);

  if (step < 1.0)
    return round (x * inverse) / inverse;
  return round (x / step) * step;
}

/* A log-normal quantity with the given median, clamped. */
static gint64
lognormal_int (GRand  *rand,
               double  median,
               double  sigma,
               gint64  lo,
               gint64  hi)
{
  double u1 = 1.0 - g_rand_double (rand);
  double u2 = g_rand_double (rand);
  double z = sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
  gint64 v = (gint64) llround (median * exp (sigma * z));

  return CLAMP (v, lo, hi);
}

static void
shuffle_ints (GRand *rand,
              int   *v,
              int    n)
{
  for (int i = n - 1; i > 0; i--)
    {
      int j = g_rand_int_range (rand, 0, i + 1);
      int t = v[i];

      v[i] = v[j];
      v[j] = t;
    }
}

static void
add_shift (GArray *shifts,
           gint32  from,
           gint32  to)
{
  TaktShift s = { from, to };

  g_assert (0 <= from && from < to && to <= 86400);
  g_array_append_val (shifts, s);
}

static TaktCalendarException *
add_exception (TaktCalendar *cal,
               gint64        date)
{
  TaktCalendarException *ex = g_new0 (TaktCalendarException, 1);
  guint i;

  ex->date = date;
  ex->shifts = g_array_new (FALSE, FALSE, sizeof (TaktShift));
  /* Keep the list sorted by date. */
  for (i = 0; i < cal->exceptions->len; i++)
    {
      TaktCalendarException *other = g_ptr_array_index (cal->exceptions, i);

      g_assert (other->date != date);
      if (other->date > date)
        break;
    }
  g_ptr_array_insert (cal->exceptions, (int) i, ex);
  return ex;
}

static gboolean
calendar_has_exception (const TaktCalendar *cal,
                        gint64              date)
{
  for (guint i = 0; i < cal->exceptions->len; i++)
    if (((TaktCalendarException *) g_ptr_array_index (cal->exceptions, i))->date == date)
      return TRUE;
  return FALSE;
}

static const GArray *
day_shifts (const TaktCalendar *cal,
            gint64              day)
{
  for (guint i = 0; i < cal->exceptions->len; i++)
    {
      const TaktCalendarException *ex = g_ptr_array_index (cal->exceptions, i);

      if (ex->date == day)
        return ex->shifts;
    }
  return cal->week[takt_weekday (day)];
}

/* Working seconds of @cal (NULL: 24/7) in [from, to), both midnights. */
static gint64
working_seconds (const TaktCalendar *cal,
                 gint64              from,
                 gint64              to)
{
  gint64 sum = 0;

  if (cal == NULL)
    return to - from;
  for (gint64 day = from; day < to; day += TAKT_DAY_S)
    {
      const GArray *shifts = day_shifts (cal, day);

      for (guint i = 0; i < shifts->len; i++)
        {
          const TaktShift *s = &g_array_index (shifts, TaktShift, i);
          sum += s->to - s->from;
        }
    }
  return sum;
}

/* ---- calendars ---- */

static TaktCalendar *
two_shift_calendar (void)
{
  TaktCalendar *cal = takt_calendar_new ();

  for (int d = 0; d < 5; d++)
    {
      add_shift (cal->week[d], 6 * 3600, 14 * 3600);
      add_shift (cal->week[d], 14 * 3600, 22 * 3600);
    }
  return cal;
}

static void
copy_exceptions (TaktCalendar       *to,
                 const TaktCalendar *from)
{
  for (guint i = 0; i < from->exceptions->len; i++)
    {
      const TaktCalendarException *ex = g_ptr_array_index (from->exceptions, i);
      TaktCalendarException *copy = add_exception (to, ex->date);

      g_array_append_vals (copy->shifts, ex->shifts->data, ex->shifts->len);
    }
}

/* One day's shifts for the tiny mode's random calendars. */
static void
random_day (GRand  *rand,
            GArray *shifts)
{
  switch (rand_int (rand, 0, 5))
    {
    case 0:
      add_shift (shifts, 0, 86400);
      break;
    case 1:
      add_shift (shifts, 6 * 3600, 14 * 3600);
      add_shift (shifts, 14 * 3600, 22 * 3600);
      break;
    case 2:
      add_shift (shifts, 8 * 3600, 12 * 3600);
      add_shift (shifts, 13 * 3600, 17 * 3600);
      break;
    case 3:
      add_shift (shifts, 0, 6 * 3600);
      add_shift (shifts, 22 * 3600, 86400);
      break;
    case 4:
      {
        int a = rand_int (rand, 0, 22 * 4) * 900;
        int b = a + rand_int (rand, 1, (86400 - a) / 900) * 900;

        add_shift (shifts, a, b);
      }
      break;
    default:
      add_shift (shifts, 7 * 3600 + 1800, 11 * 3600 + 45 * 60);
      add_shift (shifts, 12 * 3600 + 15 * 60, 16 * 3600);
      break;
    }
}

static TaktCalendar *
random_calendar (GRand  *rand,
                 gint64  horizon_day,
                 int     days)
{
  TaktCalendar *cal = takt_calendar_new ();
  g_autoptr(GArray) weekday = g_array_new (FALSE, FALSE, sizeof (TaktShift));
  int weekend = rand_int (rand, 0, 9);
  int n_exceptions;

  random_day (rand, weekday);
  for (int d = 0; d < 5; d++)
    g_array_append_vals (cal->week[d], weekday->data, weekday->len);
  if (weekend < 3)
    {
      g_array_append_vals (cal->week[5], weekday->data, weekday->len);
      g_array_append_vals (cal->week[6], weekday->data, weekday->len);
    }
  else if (weekend < 5)
    add_shift (cal->week[5], 8 * 3600, 12 * 3600);
  /* Now and then a day of the week differs. */
  if (chance (rand, 0.2))
    {
      int d = rand_int (rand, 0, 4);

      g_array_set_size (cal->week[d], 0);
      random_day (rand, cal->week[d]);
    }

  n_exceptions = chance (rand, 0.35) ? rand_int (rand, 1, 2) : 0;
  for (int i = 0; i < n_exceptions; i++)
    {
      gint64 date = horizon_day + rand_int (rand, 0, days) * TAKT_DAY_S;
      TaktCalendarException *ex;

      if (calendar_has_exception (cal, date))
        continue;
      ex = add_exception (cal, date);
      if (chance (rand, 0.3))
        random_day (rand, ex->shifts);
    }
  return cal;
}

/* ---- parts ---- */

static TaktStation *
station_new (const char *id,
             const char *name,
             gint64      machines,
             const char *color)
{
  TaktStation *st = takt_station_new ();

  g_free (st->id);
  st->id = g_strdup (id);
  g_free (st->name);
  st->name = g_strdup (name);
  st->machines = machines;
  g_free (st->color);
  st->color = g_strdup (color);
  return st;
}

static TaktProduct *
product_new (const char *id,
             const char *name,
             const char *color)
{
  TaktProduct *p = takt_product_new ();

  g_free (p->id);
  p->id = g_strdup (id);
  g_free (p->name);
  p->name = g_strdup (name);
  g_free (p->color);
  p->color = g_strdup (color);
  if (p->routing == NULL)
    p->routing = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_step_free);
  p->min_run = 1;
  p->max_run = 0;
  return p;
}

static void
product_add_step (TaktProduct       *p,
                  const TaktStation *st,
                  int                station_index,
                  gint64             cycle_s,
                  gint64             setup_s)
{
  TaktStep *step = takt_step_new ();

  g_free (step->station);
  step->station = g_strdup (st->id);
  step->station_index = station_index;
  step->cycle_s = cycle_s;
  step->setup_s = setup_s;
  g_ptr_array_add (p->routing, step);
}

static void
add_order (TaktPlan   *plan,
           const char *id,
           int         product_index,
           gint64      quantity,
           gint64      due,
           const char *customer)
{
  TaktOrder *o = takt_order_new ();
  const TaktProduct *p = g_ptr_array_index (plan->products, product_index);

  g_free (o->id);
  o->id = g_strdup (id);
  g_free (o->product);
  o->product = g_strdup (p->id);
  o->product_index = product_index;
  o->quantity = quantity;
  o->due = due;
  g_free (o->customer);
  o->customer = g_strdup (customer);
  g_ptr_array_add (plan->orders, o);
}

static void
add_forecast (TaktPlan *plan,
              int       product_index,
              gint64    date,
              gint64    quantity)
{
  TaktForecast *f = takt_forecast_new ();
  const TaktProduct *p = g_ptr_array_index (plan->products, product_index);

  g_free (f->product);
  f->product = g_strdup (p->id);
  f->product_index = product_index;
  f->date = date;
  f->quantity = quantity;
  g_ptr_array_add (plan->forecast, f);
}

static TaktCampaign *
campaign_new (const char *id,
              const char *name)
{
  TaktCampaign *c = takt_campaign_new ();

  g_free (c->id);
  c->id = g_strdup (id);
  g_free (c->name);
  c->name = g_strdup (name);
  if (c->products == NULL)
    c->products = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_campaign_product_free);
  return c;
}

static void
campaign_add_product (TaktPlan     *plan,
                      TaktCampaign *c,
                      int           product_index,
                      double        share)
{
  TaktCampaignProduct *cp = takt_campaign_product_new ();
  const TaktProduct *p = g_ptr_array_index (plan->products, product_index);

  g_free (cp->product);
  cp->product = g_strdup (p->id);
  cp->product_index = product_index;
  cp->share = share;
  g_ptr_array_add (c->products, cp);
}

/* Picks 1..max distinct products for a campaign with rounded shares. */
static void
campaign_fill_products (GRand        *rand,
                        TaktPlan     *plan,
                        TaktCampaign *c,
                        int           max_products,
                        const int    *allowed,
                        int           n_allowed)
{
  int n = rand_int (rand, 1, MIN (max_products, n_allowed));
  g_autofree int *pick = g_memdup2 (allowed, sizeof (int) * n_allowed);

  shuffle_ints (rand, pick, n_allowed);
  for (int i = 0; i < n; i++)
    campaign_add_product (plan, c, pick[i], round_to (0.05 + 0.95 * g_rand_double (rand), 0.05));
}

static TaktPin *
pin_new (const TaktPlan *plan,
         int             product_index,
         gint64          quantity,
         gint64          machine,
         gint64          start)
{
  TaktPin *pin = takt_pin_new ();
  const TaktProduct *p = g_ptr_array_index (plan->products, product_index);
  const TaktStep *first = g_ptr_array_index (p->routing, 0);

  g_free (pin->product);
  pin->product = g_strdup (p->id);
  pin->product_index = product_index;
  pin->quantity = quantity;
  g_free (pin->station);
  pin->station = g_strdup (first->station);
  pin->station_index = first->station_index;
  pin->machine = machine;
  pin->start = start;
  return pin;
}

static TaktPlan *
plan_new (const char *name,
          gint64      start,
          gint64      days)
{
  TaktPlan *plan = takt_plan_new ();

  g_free (plan->name);
  plan->name = g_strdup (name);
  g_free (plan->currency);
  plan->currency = g_strdup ("EUR");
  plan->horizon_start = start;
  plan->horizon_days = days;
  plan->settings.strategy = TAKT_STRATEGY_JIT;
  plan->settings.time_limit_ms = 300;
  plan->settings.seed = 1;
  return plan;
}

static GRand *
rand_for (TaktGeneratorSize size,
          guint64           seed)
{
  guint32 words[3] = { (guint32) seed, (guint32) (seed >> 32), 0x7a4b7100u + (guint32) size };

  return g_rand_new_with_seed_array (words, G_N_ELEMENTS (words));
}

/* ---- the load estimate ---- */

/* Units each product must make over the horizon (demand after stock). */
static gint64 *
demand_units (const TaktPlan *plan)
{
  gint64 *units = g_new0 (gint64, plan->products->len);

  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *o = g_ptr_array_index (plan->orders, i);
      units[o->product_index] += o->quantity;
    }
  for (guint i = 0; i < plan->forecast->len; i++)
    {
      const TaktForecast *f = g_ptr_array_index (plan->forecast, i);
      units[f->product_index] += f->quantity;
    }
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const TaktCampaign *c = g_ptr_array_index (plan->campaigns, i);
      double total = c->impressions / 1000.0 * c->conversion_per_mille;
      double shares = 0;

      for (guint j = 0; j < c->products->len; j++)
        shares += ((TaktCampaignProduct *) g_ptr_array_index (c->products, j))->share;
      for (guint j = 0; j < c->products->len; j++)
        {
          const TaktCampaignProduct *cp = g_ptr_array_index (c->products, j);
          units[cp->product_index] += (gint64) floor (total * cp->share / shares + 0.5);
        }
    }
  for (guint p = 0; p < plan->products->len; p++)
    {
      const TaktProduct *prod = g_ptr_array_index (plan->products, p);
      units[p] = MAX (0, units[p] - prod->initial_stock);
    }
  return units;
}

static gint64 *
order_counts (const TaktPlan *plan)
{
  gint64 *counts = g_new0 (gint64, plan->products->len);

  for (guint i = 0; i < plan->orders->len; i++)
    counts[((TaktOrder *) g_ptr_array_index (plan->orders, i))->product_index]++;
  return counts;
}

/* Machine time per station, split in a part proportional to the cycle
 * times (@cycle_part) and the setups (@setup_part): the work of all demand
 * at each step, with runs assumed to cover two orders each on average.
 * (A step that waits for a slower step before it holds its machine longer;
 * a planner can avoid that by starting it later, so it is not counted.) */
static void
station_work (const TaktPlan *plan,
              double         *cycle_part,
              double         *setup_part)
{
  g_autofree gint64 *units = demand_units (plan);
  g_autofree gint64 *orders = order_counts (plan);

  for (guint p = 0; p < plan->products->len; p++)
    {
      const TaktProduct *prod = g_ptr_array_index (plan->products, p);
      double runs = MAX (1.0, orders[p] / 2.0);

      if (units[p] == 0)
        continue;
      for (guint k = 0; k < prod->routing->len; k++)
        {
          const TaktStep *step = g_ptr_array_index (prod->routing, k);

          cycle_part[step->station_index] += (double) units[p] * step->cycle_s;
          setup_part[step->station_index] += runs * step->setup_s;
        }
    }
}

/* The machine time a step holds with one-piece flow when it starts as
 * soon as its first unit arrives: a slower step before it paces the units,
 * so a unit costs max(cycle of steps 0..k) at step k.  Plus setups as in
 * station_work(). */
static void
station_hold (const TaktPlan *plan,
              double         *hold,
              double         *setup_part)
{
  g_autofree gint64 *units = demand_units (plan);
  g_autofree gint64 *orders = order_counts (plan);

  for (guint p = 0; p < plan->products->len; p++)
    {
      const TaktProduct *prod = g_ptr_array_index (plan->products, p);
      double runs = MAX (1.0, orders[p] / 2.0);
      gint64 pace = 0;

      for (guint k = 0; k < prod->routing->len; k++)
        {
          const TaktStep *step = g_ptr_array_index (prod->routing, k);

          pace = MAX (pace, step->cycle_s);
          hold[step->station_index] += (double) units[p] * pace;
          setup_part[step->station_index] += runs * step->setup_s;
        }
    }
}

static gint64
station_capacity (const TaktPlan *plan,
                  int             s)
{
  const TaktStation *st = g_ptr_array_index (plan->stations, s);
  const TaktCalendar *cal = st->calendar != NULL ? st->calendar : plan->calendar;

  return st->machines * working_seconds (cal, takt_day_start (plan->horizon_start),
                                         takt_day_start (plan->horizon_start) +
                                         plan->horizon_days * TAKT_DAY_S);
}

typedef void (*StationTimes) (const TaktPlan *plan, double *main_part, double *setup_part);

/* What @times gives each station, its main part and its setups, as a
 * share of the station's capacity. */
static double *
share_of_capacity (const TaktPlan *plan,
                   StationTimes    times)
{
  guint n = plan->stations->len;
  double *share = g_new0 (double, n);
  g_autofree double *setup = g_new0 (double, n);

  times (plan, share, setup);
  for (guint s = 0; s < n; s++)
    {
      gint64 cap = station_capacity (plan, s);

      share[s] = cap > 0 ? (share[s] + setup[s]) / cap : 0;
    }
  return share;
}

double *
takt_generator_estimate_load (const TaktPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return share_of_capacity (plan, station_work);
}

double *
takt_generator_estimate_hold (const TaktPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return share_of_capacity (plan, station_hold);
}

/* ---- S, M, L ---- */

static TaktPlan *
make_realistic (TaktGeneratorSize size,
                guint64           seed)
{
  const SizeSpec *spec = &size_specs[size];
  g_autoptr(GRand) rand = rand_for (size, seed);
  gint64 start = takt_days_from_civil (2026, 1, 5) * TAKT_DAY_S;   /* a Monday */
  gint64 end = start + spec->n_days * TAKT_DAY_S;
  g_autofree char *title = g_strdup_printf ("Generated %s plan, seed %" G_GUINT64_FORMAT,
                                            takt_generator_size_to_string (size), seed);
  TaktPlan *plan = plan_new (title, start, spec->n_days);
  g_autofree double *popularity = g_new0 (double, spec->n_products);
  g_autofree double *raw_cycle = NULL;
  g_autofree double *cycle_part = g_new0 (double, spec->n_stations);
  g_autofree double *setup_part = g_new0 (double, spec->n_stations);
  g_autofree int *ranks = g_new0 (int, spec->n_products);
  g_autofree int *all_products = g_new0 (int, spec->n_products);
  double popularity_sum = 0;
  g_autofree double *scale = g_new0 (double, spec->n_stations);
  int bottleneck;
  double mean_scale = 0;
  int holidays = 0;

  /* The plant works two shifts Monday to Friday; holidays fall on
   * weekdays spread over the horizon, one day is a short Friday. */
  plan->calendar = two_shift_calendar ();
  while (holidays < spec->n_holidays)
    {
      gint64 day = start + rand_int (rand, 1, spec->n_days - 1) * TAKT_DAY_S;

      if (takt_weekday (day) >= 5 || calendar_has_exception (plan->calendar, day))
        continue;
      add_exception (plan->calendar, day);
      holidays++;
    }
  for (int tries = 0; tries < 50; tries++)
    {
      gint64 day = start + rand_int (rand, 1, spec->n_days - 1) * TAKT_DAY_S;
      TaktCalendarException *ex;

      if (takt_weekday (day) != 4 || calendar_has_exception (plan->calendar, day))
        continue;
      ex = add_exception (plan->calendar, day);
      add_shift (ex->shifts, 6 * 3600, 12 * 3600);
      break;
    }

  /* Stations: most follow the plant; some run three shifts or a single
   * day shift, with the plant's holidays. */
  for (int s = 0; s < spec->n_stations; s++)
    {
      int w = s % (int) G_N_ELEMENTS (station_words);
      int round_no = s / (int) G_N_ELEMENTS (station_words);
      g_autofree char *id = round_no == 0 ? g_strdup (station_words[w])
                                          : g_strdup_printf ("%s-%d", station_words[w], round_no + 1);
      g_autofree char *name = round_no == 0 ? g_strdup (station_names[w])
                                            : g_strdup_printf ("%s %d", station_names[w], round_no + 1);
      TaktStation *st = station_new (id, name,
                                     rand_int (rand, spec->min_machines, spec->max_machines),
                                     palette[s % G_N_ELEMENTS (palette)]);
      double r = g_rand_double (rand);

      if (r < 0.15)
        {
          st->calendar = takt_calendar_new ();
          for (int d = 0; d < 5; d++)
            {
              add_shift (st->calendar->week[d], 0, 6 * 3600);
              add_shift (st->calendar->week[d], 6 * 3600, 14 * 3600);
              add_shift (st->calendar->week[d], 14 * 3600, 22 * 3600);
              add_shift (st->calendar->week[d], 22 * 3600, 86400);
            }
          copy_exceptions (st->calendar, plan->calendar);
        }
      else if (r < 0.25)
        {
          st->calendar = takt_calendar_new ();
          for (int d = 0; d < 5; d++)
            add_shift (st->calendar->week[d], 7 * 3600, 15 * 3600 + 1800);
          copy_exceptions (st->calendar, plan->calendar);
        }
      g_ptr_array_add (plan->stations, st);
    }

  /* Products: a routing of 1–5 distinct stations in line order, relative
   * cycle times (scaled below), setups, costs. */
  raw_cycle = g_new0 (double, spec->n_products * 5);
  for (int p = 0; p < spec->n_products; p++)
    {
      const char *adj = product_adjectives[rand_int (rand, 0, G_N_ELEMENTS (product_adjectives) - 1)];
      const char *noun = product_nouns[p % G_N_ELEMENTS (product_nouns)];
      g_autofree char *id = g_strdup_printf ("p%04d", p + 1);
      g_autofree char *name = g_strdup_printf ("%s %s %d", adj, noun, p + 1);
      TaktProduct *prod = product_new (id, name, palette[p % G_N_ELEMENTS (palette)]);
      int n_steps_max = MIN (5, spec->n_stations);
      int weights[5] = { 10, 30, 30, 20, 10 };
      int r = rand_int (rand, 1, 100);
      int n_steps = 1;
      g_autofree int *stations = g_new0 (int, spec->n_stations);
      double base = exp (g_rand_double_range (rand, log (0.3), log (3.0)));
      double unit_cost;

      for (int acc = weights[0]; n_steps < n_steps_max && r > acc; n_steps++)
        acc += weights[n_steps];
      for (int s = 0; s < spec->n_stations; s++)
        stations[s] = s;
      shuffle_ints (rand, stations, spec->n_stations);
      /* Sort the chosen ones so that every routing follows the line. */
      for (int i = 0; i < n_steps; i++)
        for (int j = i + 1; j < n_steps; j++)
          if (stations[j] < stations[i])
            {
              int t = stations[i];
              stations[i] = stations[j];
              stations[j] = t;
            }
      for (int k = 0; k < n_steps; k++)
        {
          const TaktStation *st = g_ptr_array_index (plan->stations, stations[k]);
          gint64 setup_s = chance (rand, 0.2) ? 0 : rand_int (rand, 1, 12) * 300;

          /* A balanced line: a product's steps take about as long. */
          raw_cycle[p * 5 + k] = 1000.0 * base * g_rand_double_range (rand, 1.0 - CYCLE_SPREAD, 1.0 + CYCLE_SPREAD);
          product_add_step (prod, st, stations[k], 1, setup_s);
        }

      unit_cost = round_to (exp (g_rand_double_range (rand, log (2.0), log (80.0))), 0.1);
      prod->unit_cost = unit_cost;
      prod->price = round_to (unit_cost * g_rand_double_range (rand, 1.6, 3.5), 0.5);
      prod->setup_cost = round_to (g_rand_double_range (rand, 10.0, 150.0), 0.5);
      /* Roughly 25 % a year of the unit's cost to hold it; being late costs
       * a good share of the margin per day. */
      prod->holding_cost_per_day = round_to (unit_cost * 0.25 / 365.0 + 0.005, 0.001);
      prod->late_cost_per_day = round_to ((prod->price - unit_cost) * g_rand_double_range (rand, 0.1, 0.4) + 0.1, 0.01);
      if (chance (rand, 0.15))
        prod->min_run = rand_int (rand, 2, 10);
      if (chance (rand, 0.15))
        prod->max_run = prod->min_run + rand_int (rand, 20, 150);
      g_ptr_array_add (plan->products, prod);
      all_products[p] = p;
    }

  /* Popularity: a Zipf-like law over a random order of the products. */
  for (int p = 0; p < spec->n_products; p++)
    ranks[p] = p;
  shuffle_ints (rand, ranks, spec->n_products);
  for (int p = 0; p < spec->n_products; p++)
    {
      popularity[p] = 1.0 / pow (ranks[p] + 1, 0.8);
      popularity_sum += popularity[p];
    }

  /* Orders, due from the third day on, on working days at office hours. */
  for (int i = 0; i < spec->n_orders; i++)
    {
      double x = g_rand_double (rand) * popularity_sum;
      int p = 0;
      gint64 day;
      gint64 due;
      g_autofree char *id = g_strdup_printf ("SO-%05d", i + 1);

      while (p < spec->n_products - 1 && x > popularity[p])
        x -= popularity[p++];
      do
        day = start + rand_int (rand, 2, spec->n_days - 1) * TAKT_DAY_S;
      while (takt_weekday (day) >= 5);
      due = day + rand_int (rand, 8, 18) * 3600;
      add_order (plan, id, p, lognormal_int (rand, 6.0, 0.9, 1, 200), due,
                 customers[rand_int (rand, 0, G_N_ELEMENTS (customers) - 1)]);
    }

  /* A weekly forecast for some products, due on one weekday. */
  shuffle_ints (rand, all_products, spec->n_products);
  for (int i = 0; i < spec->n_forecast_products && i < spec->n_products; i++)
    {
      int p = all_products[i];
      int weekday = rand_int (rand, 0, 4);
      gint64 median = rand_int (rand, 5, 40);

      for (gint64 day = start + weekday * TAKT_DAY_S + 7 * TAKT_DAY_S; day < end; day += 7 * TAKT_DAY_S)
        add_forecast (plan, p, day, lognormal_int (rand, median, 0.3, 1, 500));
    }

  /* Campaigns. */
  for (int i = 0; i < spec->n_campaigns; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%03d", i + 1);
      g_autofree char *name = g_strdup_printf ("Campaign %d", i + 1);
      TaktCampaign *c = campaign_new (id, name);
      int d = rand_int (rand, 3, MIN (14, spec->n_days / 2));
      int first = rand_int (rand, 0, spec->n_days - d - 3);

      c->channel = (TaktChannel) rand_int (rand, 0, TAKT_N_CHANNELS - 1);
      c->shape = (TaktShape) rand_int (rand, 0, TAKT_N_SHAPES - 1);
      c->start = start + first * TAKT_DAY_S;
      c->end = c->start + (d - 1) * TAKT_DAY_S;
      c->lag_days = rand_int (rand, 0, 3);
      c->impressions = rand_int (rand, 10, (int) (spec->max_impressions / 1000)) * 1000;
      c->conversion_per_mille = round_to (g_rand_double_range (rand, 0.2, 2.0), 0.1);
      c->spend = round_to (c->impressions / 1000.0 * g_rand_double_range (rand, 2.0, 12.0), 10.0);
      campaign_fill_products (rand, plan, c, 4, all_products, spec->n_products);
      g_ptr_array_add (plan->campaigns, c);
    }

  /* Stock on hand: about what the first days' orders need (a running
   * plant is not empty at the start of a plan), more or less. */
  {
    g_autofree gint64 *early = g_new0 (gint64, spec->n_products);

    for (guint i = 0; i < plan->orders->len; i++)
      {
        const TaktOrder *o = g_ptr_array_index (plan->orders, i);

        if (o->due < start + STOCK_DAYS * TAKT_DAY_S)
          early[o->product_index] += o->quantity;
      }
    for (int p = 0; p < spec->n_products; p++)
      ((TaktProduct *) g_ptr_array_index (plan->products, p))->initial_stock =
        (gint64) llround (early[p] * g_rand_double_range (rand, 0.7, 1.3));
  }

  /* Scale each station's cycle times to its load: 55–78 %, and 80 % at
   * one station, the bottleneck.  station_work() is linear in them. */
  for (int p = 0; p < spec->n_products; p++)
    {
      TaktProduct *prod = g_ptr_array_index (plan->products, p);

      for (guint k = 0; k < prod->routing->len; k++)
        ((TaktStep *) g_ptr_array_index (prod->routing, k))->cycle_s =
          MAX (1, (gint64) llround (raw_cycle[p * 5 + k]));
    }
  station_work (plan, cycle_part, setup_part);
  /* Machines where the work is: a station gets 1–4 (S: 1–2) machines
   * after its share of the work, so that the cycle times need little
   * scaling per station and the lines stay balanced. */
  {
    double mean_work = 0;

    for (int s = 0; s < spec->n_stations; s++)
      mean_work += (cycle_part[s] + setup_part[s]) / spec->n_stations;
    for (int s = 0; s < spec->n_stations; s++)
      {
        TaktStation *st = g_ptr_array_index (plan->stations, s);
        double share = (cycle_part[s] + setup_part[s]) / mean_work;
        gint64 machines = llround (share * (spec->min_machines + spec->max_machines) / 2.0);

        st->machines = CLAMP (machines, spec->min_machines, spec->max_machines);
      }
  }
  bottleneck = rand_int (rand, 0, spec->n_stations - 1);
  for (int s = 0; s < spec->n_stations; s++)
    {
      double want = s == bottleneck ? spec->target_load : g_rand_double_range (rand, 0.55, 0.78);
      double cap = station_capacity (plan, s);

      scale[s] = cycle_part[s] > 0 ? MAX (0.01, (want * cap - setup_part[s]) / cycle_part[s]) : 1.0;
      mean_scale += log (scale[s]) / spec->n_stations;
    }
  /* Keep the lines balanced: each station's factor stays within a range
   * around the mean one. */
  for (int s = 0; s < spec->n_stations; s++)
    scale[s] = CLAMP (scale[s], exp (mean_scale) / SCALE_RANGE, exp (mean_scale) * SCALE_RANGE);
  for (int p = 0; p < spec->n_products; p++)
    {
      TaktProduct *prod = g_ptr_array_index (plan->products, p);

      for (guint k = 0; k < prod->routing->len; k++)
        {
          TaktStep *step = g_ptr_array_index (prod->routing, k);
          /* Keep whole seconds, and at least ten. */
          step->cycle_s = MAX (10, (gint64) floor (step->cycle_s * scale[step->station_index]));
        }
    }

  /* Where slow steps pace fast ones, the machines are held longer than
   * their work: scale all down so that no station is held beyond its
   * working time (max_hold), or one-piece flow could not keep up. */
  {
    g_autofree double *hold = g_new0 (double, spec->n_stations);
    g_autofree double *setup = g_new0 (double, spec->n_stations);
    double factor = 1.0;

    station_hold (plan, hold, setup);
    for (int s = 0; s < spec->n_stations; s++)
      if (hold[s] > 0)
        factor = MIN (factor, (MAX_HOLD * station_capacity (plan, s) - setup[s]) / hold[s]);
    g_assert (factor > 0);
    if (factor < 1.0)
      for (int p = 0; p < spec->n_products; p++)
        {
          TaktProduct *prod = g_ptr_array_index (plan->products, p);

          for (guint k = 0; k < prod->routing->len; k++)
            {
              TaktStep *step = g_ptr_array_index (prod->routing, k);
              step->cycle_s = MAX (10, (gint64) floor (step->cycle_s * factor));
            }
        }
  }
  return plan;
}

/* ---- tiny random plans ---- */

static TaktPlan *
make_tiny (guint64 seed)
{
  g_autoptr(GRand) rand = rand_for (TAKT_GENERATOR_TINY, seed);
  gint64 day0 = takt_days_from_civil (2026, 1, 1) * TAKT_DAY_S + rand_int (rand, 0, 364) * TAKT_DAY_S;
  gint64 start = day0 + (chance (rand, 0.3) ? rand_int (rand, 1, 95) * 900 : 0);
  int days = rand_int (rand, 2, 10);
  gint64 end = day0 + days * TAKT_DAY_S;
  g_autofree char *title = g_strdup_printf ("Tiny plan %" G_GUINT64_FORMAT, seed);
  TaktPlan *plan = plan_new (title, start, days);
  int n_stations = rand_int (rand, 1, 3);
  int n_products = rand_int (rand, 1, 4);
  int n_orders = rand_int (rand, 0, 12);
  gboolean dead[3] = { FALSE, FALSE, FALSE };
  int makeable[4];
  int n_makeable = 0;
  int all[4] = { 0, 1, 2, 3 };

  if (chance (rand, 0.7))
    plan->calendar = random_calendar (rand, day0, days);

  for (int s = 0; s < n_stations; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%d", s + 1);
      g_autofree char *name = g_strdup_printf ("Station %d", s + 1);
      TaktStation *st = station_new (id, name, rand_int (rand, 1, 2), NULL);

      if (chance (rand, 0.03))
        {
          /* A station that never works: its products' demand is unmet. */
          st->calendar = takt_calendar_new ();
          dead[s] = TRUE;
        }
      else if (chance (rand, 0.35))
        st->calendar = random_calendar (rand, day0, days);
      g_ptr_array_add (plan->stations, st);
    }

  for (int p = 0; p < n_products; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%d", p + 1);
      g_autofree char *name = g_strdup_printf ("Product %d", p + 1);
      TaktProduct *prod = product_new (id, name, NULL);
      int n_steps = rand_int (rand, 1, n_stations);
      int order[3] = { 0, 1, 2 };
      gboolean ok = TRUE;

      shuffle_ints (rand, order, n_stations);
      for (int k = 0; k < n_steps; k++)
        {
          const TaktStation *st = g_ptr_array_index (plan->stations, order[k]);
          gint64 cycle = lognormal_int (rand, 600.0, 1.2, 1, 4 * 3600);
          gint64 setup = chance (rand, 0.4) ? 0 : lognormal_int (rand, 900.0, 1.0, 1, 3 * 3600);

          product_add_step (prod, st, order[k], cycle, setup);
          if (dead[order[k]])
            ok = FALSE;
        }
      prod->setup_cost = chance (rand, 0.3) ? 0.0 : round_to (g_rand_double_range (rand, 1.0, 100.0), 0.25);
      prod->holding_cost_per_day = chance (rand, 0.05) ? 0.0 : round_to (g_rand_double_range (rand, 0.01, 2.0), 0.01);
      prod->late_cost_per_day = chance (rand, 0.05) ? 0.0 : round_to (g_rand_double_range (rand, 0.5, 50.0), 0.01);
      prod->initial_stock = chance (rand, 0.6) ? 0 : rand_int (rand, 1, 10);
      prod->min_run = chance (rand, 0.6) ? 1 : rand_int (rand, 2, 10);
      prod->max_run = chance (rand, 0.6) ? 0 : prod->min_run + rand_int (rand, 0, 15);
      prod->unit_cost = round_to (g_rand_double_range (rand, 1.0, 50.0), 0.1);
      prod->price = round_to (prod->unit_cost * 2.5, 0.5);
      g_ptr_array_add (plan->products, prod);
      if (ok)
        makeable[n_makeable++] = p;
    }

  for (int i = 0; i < n_orders; i++)
    {
      g_autofree char *id = g_strdup_printf ("SO-%d", i + 1);
      /* Any instant from the start to a day past the end, in minutes. */
      gint64 due = start + rand_int (rand, 0, (int) ((end + TAKT_DAY_S - start) / 60)) * 60;

      add_order (plan, id, rand_int (rand, 0, n_products - 1), rand_int (rand, 1, 20), due,
                 chance (rand, 0.5) ? customers[rand_int (rand, 0, G_N_ELEMENTS (customers) - 1)] : NULL);
    }

  if (chance (rand, 0.4))
    {
      int n = rand_int (rand, 1, 3);
      gint64 used[3][2];
      int n_used = 0;

      for (int i = 0; i < n; i++)
        {
          int p = rand_int (rand, 0, n_products - 1);
          gint64 date = day0 + rand_int (rand, 0, days - 1) * TAKT_DAY_S;
          gboolean dup = FALSE;

          for (int j = 0; j < n_used; j++)
            dup = dup || (used[j][0] == p && used[j][1] == date);
          if (dup)
            continue;
          used[n_used][0] = p;
          used[n_used][1] = date;
          n_used++;
          add_forecast (plan, p, date, rand_int (rand, 1, 15));
        }
    }

  if (chance (rand, 0.4))
    {
      int n = rand_int (rand, 1, 2);

      for (int i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("camp%d", i + 1);
          g_autofree char *name = g_strdup_printf ("Campaign %d", i + 1);
          TaktCampaign *c = campaign_new (id, name);
          int d = rand_int (rand, 1, MIN (4, days));

          c->channel = (TaktChannel) rand_int (rand, 0, TAKT_N_CHANNELS - 1);
          c->shape = (TaktShape) rand_int (rand, 0, TAKT_N_SHAPES - 1);
          c->start = day0 + rand_int (rand, 0, days - d) * TAKT_DAY_S;
          c->end = c->start + (d - 1) * TAKT_DAY_S;
          c->lag_days = rand_int (rand, 0, 2);
          c->impressions = rand_int (rand, 1, 40) * 500;
          c->conversion_per_mille = round_to (g_rand_double_range (rand, 0.1, 2.0), 0.1);
          c->spend = round_to (g_rand_double_range (rand, 0.0, 500.0), 1.0);
          campaign_fill_products (rand, plan, c, 3, all, n_products);
          if (chance (rand, 0.25))
            {
              /* Equal shares: the halves of the rounding rule. */
              for (guint j = 0; j < c->products->len; j++)
                ((TaktCampaignProduct *) g_ptr_array_index (c->products, j))->share = 0.5;
            }
          g_ptr_array_add (plan->campaigns, c);
        }
    }

  if (n_makeable > 0 && chance (rand, 0.3))
    {
      int n = chance (rand, 0.3) ? 2 : 1;
      gint64 last_start = 0;
      gint64 last_machine = 1;

      for (int i = 0; i < n; i++)
        {
          int p = makeable[rand_int (rand, 0, n_makeable - 1)];
          const TaktProduct *prod = g_ptr_array_index (plan->products, p);
          const TaktStep *first = g_ptr_array_index (prod->routing, 0);
          const TaktStation *st = g_ptr_array_index (plan->stations, first->station_index);
          gint64 machine = rand_int (rand, 1, (int) st->machines);
          gint64 at = start + rand_int (rand, 0, (int) ((end - start) / 60)) * 60;

          /* The second pin sometimes lands on the first one. */
          if (i == 1 && chance (rand, 0.5) && st->machines >= last_machine)
            {
              machine = last_machine;
              at = last_start + rand_int (rand, 0, 120) * 60;
            }
          g_ptr_array_add (plan->pins, pin_new (plan, p, rand_int (rand, 1, 12), machine, at));
          last_start = at;
          last_machine = machine;
        }
    }

  return plan;
}

TaktPlan *
takt_generator_make (TaktGeneratorSize size,
                     guint64           seed)
{
  TaktPlan *plan;
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (size < TAKT_GENERATOR_N_SIZES, NULL);

  if (size == TAKT_GENERATOR_TINY)
    plan = make_tiny (seed);
  else
    plan = make_realistic (size, seed);

  problems = takt_plan_check (plan);
  for (guint i = 0; i < problems->len; i++)
    g_critical ("generated %s plan %" G_GUINT64_FORMAT ": %s",
                takt_generator_size_to_string (size), seed,
                (const char *) g_ptr_array_index (problems, i));
  return plan;
}

gboolean
takt_generator_size_from_string (const char        *str,
                                 TaktGeneratorSize *size)
{
  g_return_val_if_fail (size != NULL, FALSE);

  for (int i = 0; i < TAKT_GENERATOR_N_SIZES; i++)
    if (str != NULL && g_ascii_strcasecmp (str, takt_generator_size_to_string (i)) == 0)
      {
        *size = i;
        return TRUE;
      }
  return FALSE;
}

const char *
takt_generator_size_to_string (TaktGeneratorSize size)
{
  switch (size)
    {
    case TAKT_GENERATOR_TINY:
      return "tiny";
    case TAKT_GENERATOR_S:
      return "S";
    case TAKT_GENERATOR_M:
      return "M";
    case TAKT_GENERATOR_L:
      return "L";
    case TAKT_GENERATOR_N_SIZES:
    default:
      return "?";
    }
}
