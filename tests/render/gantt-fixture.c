/* gantt-fixture.c — plans and schedules built in C for the chart's tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gantt-fixture"

#include "gantt-fixture.h"
#include "takt-time.h"

gint64
fixture_time (const char *iso)
{
  gint64 t = 0;

  if (!takt_parse_datetime (iso, &t))
    g_error ("bad date-time in a fixture: %s", iso);
  return t;
}

static void
calendar_free (TaktCalendar *calendar)
{
  if (calendar == NULL)
    return;
  for (int d = 0; d < 7; d++)
    g_array_unref (calendar->week[d]);
  for (guint i = 0; i < calendar->exceptions->len; i++)
    {
      TaktCalendarException *e = g_ptr_array_index (calendar->exceptions, i);

      g_array_unref (e->shifts);
      g_free (e);
    }
  g_ptr_array_unref (calendar->exceptions);
  g_free (calendar);
}

static TaktCalendar *
calendar_new (void)
{
  TaktCalendar *calendar = g_new0 (TaktCalendar, 1);

  for (int d = 0; d < 7; d++)
    calendar->week[d] = g_array_new (FALSE, FALSE, sizeof (TaktShift));
  calendar->exceptions = g_ptr_array_new ();
  return calendar;
}

TaktCalendar *
fixture_calendar_new (gint32 from,
                      gint32 to,
                      gint32 sat_from,
                      gint32 sat_to)
{
  TaktCalendar *calendar = calendar_new ();
  TaktShift shift = { from, to };
  TaktShift sat = { sat_from, sat_to };

  for (int d = 0; d < 5; d++)
    g_array_append_val (calendar->week[d], shift);
  if (sat_to > sat_from)
    g_array_append_val (calendar->week[5], sat);
  return calendar;
}

TaktCalendar *
fixture_calendar_always (void)
{
  TaktCalendar *calendar = calendar_new ();
  TaktShift shift = { 0, 86400 };

  for (int d = 0; d < 7; d++)
    g_array_append_val (calendar->week[d], shift);
  return calendar;
}

void
fixture_calendar_close (TaktCalendar *calendar,
                        gint64        date)
{
  TaktCalendarException *e = g_new0 (TaktCalendarException, 1);
  guint i;

  e->date = date;
  e->shifts = g_array_new (FALSE, FALSE, sizeof (TaktShift));
  for (i = 0; i < calendar->exceptions->len; i++)
    if (((TaktCalendarException *) g_ptr_array_index (calendar->exceptions, i))->date > date)
      break;
  g_ptr_array_insert (calendar->exceptions, (int) i, e);
}

TaktPlan *
fixture_plan_new (const char *name,
                  gint64      horizon_start,
                  gint64      days)
{
  TaktPlan *plan = g_new0 (TaktPlan, 1);

  plan->name = g_strdup (name);
  plan->currency = g_strdup ("EUR");
  plan->horizon_start = horizon_start;
  plan->horizon_days = days;
  plan->stations = g_ptr_array_new ();
  plan->products = g_ptr_array_new ();
  plan->orders = g_ptr_array_new ();
  plan->forecast = g_ptr_array_new ();
  plan->campaigns = g_ptr_array_new ();
  plan->pins = g_ptr_array_new ();
  plan->schedule = g_new0 (TaktSchedule, 1);
  plan->schedule->runs = g_ptr_array_new ();
  return plan;
}

void
fixture_plan_free (TaktPlan *plan)
{
  if (plan == NULL)
    return;

  for (guint i = 0; i < plan->stations->len; i++)
    {
      TaktStation *station = g_ptr_array_index (plan->stations, i);

      g_free (station->id);
      g_free (station->name);
      g_free (station->color);
      calendar_free (station->calendar);
      g_free (station);
    }
  for (guint i = 0; i < plan->products->len; i++)
    {
      TaktProduct *product = g_ptr_array_index (plan->products, i);

      g_free (product->id);
      g_free (product->name);
      g_free (product->color);
      g_ptr_array_unref (product->routing);
      g_free (product);
    }
  for (guint i = 0; i < plan->orders->len; i++)
    {
      TaktOrder *order = g_ptr_array_index (plan->orders, i);

      g_free (order->id);
      g_free (order->product);
      g_free (order);
    }
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, i);

      g_free (campaign->id);
      g_free (campaign->name);
      g_ptr_array_unref (campaign->products);
      g_free (campaign);
    }
  for (guint i = 0; i < plan->schedule->runs->len; i++)
    {
      TaktRun *run = g_ptr_array_index (plan->schedule->runs, i);

      for (guint c = 0; c < run->covers->len; c++)
        g_free (g_array_index (run->covers, TaktCover, c).demand);
      g_array_unref (run->covers);
      g_array_unref (run->steps);
      g_free (run->id);
      g_free (run);
    }
  g_ptr_array_unref (plan->schedule->runs);
  g_free (plan->schedule);
  calendar_free (plan->calendar);
  g_ptr_array_unref (plan->stations);
  g_ptr_array_unref (plan->products);
  g_ptr_array_unref (plan->orders);
  g_ptr_array_unref (plan->forecast);
  g_ptr_array_unref (plan->campaigns);
  g_ptr_array_unref (plan->pins);
  g_free (plan->name);
  g_free (plan->currency);
  g_free (plan);
}

int
fixture_add_station (TaktPlan     *plan,
                     const char   *id,
                     const char   *name,
                     gint64        machines,
                     TaktCalendar *calendar,
                     const char   *color)
{
  TaktStation *station = g_new0 (TaktStation, 1);

  station->id = g_strdup (id);
  station->name = g_strdup (name);
  station->machines = machines;
  station->calendar = calendar;
  station->color = g_strdup (color);
  g_ptr_array_add (plan->stations, station);
  return (int) plan->stations->len - 1;
}

int
fixture_add_product (TaktPlan   *plan,
                     const char *id,
                     const char *name,
                     const char *color)
{
  TaktProduct *product = g_new0 (TaktProduct, 1);

  product->id = g_strdup (id);
  product->name = g_strdup (name);
  product->color = g_strdup (color);
  product->routing = g_ptr_array_new ();
  product->min_run = 1;
  g_ptr_array_add (plan->products, product);
  return (int) plan->products->len - 1;
}

int
fixture_add_order (TaktPlan   *plan,
                   const char *id,
                   int         product,
                   gint64      quantity,
                   gint64      due)
{
  TaktOrder *order = g_new0 (TaktOrder, 1);

  order->id = g_strdup (id);
  order->product = g_strdup (((TaktProduct *) g_ptr_array_index (plan->products, product))->id);
  order->product_index = product;
  order->quantity = quantity;
  order->due = due;
  g_ptr_array_add (plan->orders, order);
  return (int) plan->orders->len - 1;
}

int
fixture_add_campaign (TaktPlan    *plan,
                      const char  *id,
                      const char  *name,
                      TaktChannel  channel,
                      gint64       start,
                      gint64       end)
{
  TaktCampaign *campaign = g_new0 (TaktCampaign, 1);

  campaign->id = g_strdup (id);
  campaign->name = g_strdup (name);
  campaign->channel = channel;
  campaign->start = start;
  campaign->end = end;
  campaign->products = g_ptr_array_new ();
  g_ptr_array_add (plan->campaigns, campaign);
  return (int) plan->campaigns->len - 1;
}

TaktRun *
fixture_add_run (TaktPlan *plan,
                 int       product,
                 gint64    quantity,
                 gboolean  pinned)
{
  TaktRun *run = g_new0 (TaktRun, 1);

  run->id = g_strdup_printf ("R%u", plan->schedule->runs->len + 1);
  run->product_index = product;
  run->quantity = quantity;
  run->pinned = pinned;
  run->steps = g_array_new (FALSE, FALSE, sizeof (TaktRunStep));
  run->covers = g_array_new (FALSE, FALSE, sizeof (TaktCover));
  g_ptr_array_add (plan->schedule->runs, run);
  return run;
}

void
fixture_run_add_step (TaktRun *run,
                      int      station,
                      gint64   machine,
                      gint64   setup_start,
                      gint64   start,
                      gint64   end)
{
  TaktRunStep step = { station, machine, setup_start, start, end };

  g_array_append_val (run->steps, step);
}

void
fixture_run_add_cover (TaktRun    *run,
                       const char *demand,
                       gint64      quantity)
{
  TaktCover cover = { g_strdup (demand), quantity };

  g_array_append_val (run->covers, cover);
}

/* A tiny deterministic generator (xorshift), so fixtures never change. */
static guint32
next_random (guint32 *state)
{
  guint32 x = *state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return x;
}

static gint64
random_range (guint32 *state,
              gint64   lo,
              gint64   hi)
{
  return lo + (gint64) (next_random (state) % (guint32) (hi - lo + 1));
}

/* The first open instant at or after @t in a Mon–Fri/Sat calendar. */
static gint64
next_open (const TaktCalendar *calendar,
           gint64              t)
{
  for (int i = 0; i < 30; i++)
    {
      gint64 day = takt_day_start (t);
      const GArray *shifts = calendar->week[takt_weekday (day)];

      for (guint e = 0; e < calendar->exceptions->len; e++)
        {
          TaktCalendarException *ex = g_ptr_array_index (calendar->exceptions, e);

          if (ex->date == day)
            shifts = ex->shifts;
        }
      for (guint k = 0; k < shifts->len; k++)
        {
          const TaktShift *s = &g_array_index (shifts, TaktShift, k);

          if (t < day + s->to)
            return MAX (t, day + s->from);
        }
      t = day + TAKT_DAY_S;
    }
  return t;
}

static int
print_end_compare (gconstpointer a,
                   gconstpointer b)
{
  const TaktRun *x = *(TaktRun * const *) a;
  const TaktRun *y = *(TaktRun * const *) b;
  gint64 ex = g_array_index (x->steps, TaktRunStep, 0).end;
  gint64 ey = g_array_index (y->steps, TaktRunStep, 0).end;

  return ex < ey ? -1 : (ex > ey ? 1 : 0);
}

TaktPlan *
fixture_print_farm (void)
{
  static const struct
  {
    const char *id;
    const char *name;
    const char *color;
    gint64      print_h;   /* hours of printing per unit ×10 */
  } products[] = {
    { "vase", "Spiral vase", "#3584e4", 25 },
    { "lamp", "Moon lamp", "#e5a50a", 60 },
    { "planter", "Hex planter", "#2ec27e", 35 },
    { "stand", "Phone stand", NULL, 12 },
    { "ornament", "Ornament set", "#c061cb", 8 },
    { "figurine", "Dragon figurine", "#986a44", 45 },
    { "organizer", "Desk organizer", NULL, 30 },
    { "coaster", "Coaster set (6)", "#ff7800", 10 },
  };
  TaktPlan *plan = fixture_plan_new ("Print farm — December", fixture_time ("2026-12-01T00:00"), 14);
  TaktCalendar *plant = fixture_calendar_new (7 * 3600, 19 * 3600, 8 * 3600, 13 * 3600);
  TaktCalendar *pack = fixture_calendar_new (8 * 3600, 17 * 3600, 0, 0);
  gint64 holiday = fixture_time ("2026-12-08T00:00");
  int print, post, paint, packing;
  gint64 post_free[2], paint_free[2], pack_free = 0;
  GPtrArray *by_end;
  guint32 rnd = 0x2545f491;
  int order_no = 1001;

  fixture_calendar_close (plant, holiday);
  fixture_calendar_close (pack, holiday);
  plan->calendar = plant;
  print = fixture_add_station (plan, "print", "Print farm", 6, fixture_calendar_always (), "#3584e4");
  post = fixture_add_station (plan, "post", "Post-processing", 2, NULL, "#9141ac");
  paint = fixture_add_station (plan, "paint", "Painting", 2, NULL, "#e66100");
  packing = fixture_add_station (plan, "pack", "Packing", 1, pack, "#2ec27e");
  for (guint p = 0; p < G_N_ELEMENTS (products); p++)
    fixture_add_product (plan, products[p].id, products[p].name, products[p].color);

  fixture_add_campaign (plan, "bf", "Black Friday push", TAKT_CHANNEL_SOCIAL,
                        fixture_time ("2026-11-27T00:00"), fixture_time ("2026-12-02T00:00"));
  fixture_add_campaign (plan, "advent", "Advent newsletter", TAKT_CHANNEL_EMAIL,
                        fixture_time ("2026-12-04T00:00"), fixture_time ("2026-12-06T00:00"));
  fixture_add_campaign (plan, "guide", "Gift guide ads", TAKT_CHANNEL_SEARCH,
                        fixture_time ("2026-12-05T00:00"), fixture_time ("2026-12-13T00:00"));
  fixture_add_campaign (plan, "market", "Christmas market", TAKT_CHANNEL_EVENT,
                        fixture_time ("2026-12-11T00:00"), fixture_time ("2026-12-13T00:00"));

  /* The printers first; then the later steps in the order printing ends. */
  for (gint64 m = 1; m <= 6; m++)
    {
      gint64 t = plan->horizon_start + random_range (&rnd, 0, 5) * 1800;
      guint p = (guint) (m - 1) % G_N_ELEMENTS (products);

      while (t < plan->horizon_start + 13 * TAKT_DAY_S)
        {
          gint64 qty = random_range (&rnd, 4, 24);
          gint64 unit = products[p].print_h * 360;
          gint64 setup = random_range (&rnd, 1, 3) * 600;
          gint64 start = t + setup;
          gint64 end = start + qty * unit / 3;
          gboolean pinned = (m == 2 && t > plan->horizon_start + 3 * TAKT_DAY_S &&
                             t < plan->horizon_start + 4 * TAKT_DAY_S) ||
                            (m == 5 && t > plan->horizon_start + 7 * TAKT_DAY_S &&
                             t < plan->horizon_start + 8 * TAKT_DAY_S);
          TaktRun *run = fixture_add_run (plan, (int) p, qty, pinned);

          fixture_run_add_step (run, print, m, t, start, end);
          t = end + random_range (&rnd, 0, 6) * 1800;
          p = (p + 1 + (guint) random_range (&rnd, 0, 2)) % G_N_ELEMENTS (products);
        }
    }
  by_end = g_ptr_array_copy (plan->schedule->runs, NULL, NULL);
  g_ptr_array_sort (by_end, print_end_compare);

  post_free[0] = post_free[1] = paint_free[0] = paint_free[1] = plan->horizon_start;
  for (guint i = 0; i < by_end->len; i++)
    {
      TaktRun *run = g_ptr_array_index (by_end, i);
      const TaktRunStep *first = &g_array_index (run->steps, TaktRunStep, 0);
      gint64 end = first->end;
      gint64 qty = run->quantity;
      guint p = (guint) run->product_index;
      gint64 pm, s2, e2, s3, e3, s4, e4;
      gint64 due;
      char id[32];

      /* Post-processing, painting (every other product) and packing follow,
       * each on the machine that is free first. */
      pm = post_free[0] <= post_free[1] ? 0 : 1;
      s2 = next_open (plant, MAX (end, post_free[pm]));
      e2 = next_open (plant, s2 + qty * 240);
      post_free[pm] = e2;
      fixture_run_add_step (run, post, pm + 1, s2 - 600, s2, e2);
      if (p % 2 == 0)
        {
          pm = paint_free[0] <= paint_free[1] ? 0 : 1;
          s3 = next_open (plant, MAX (e2, paint_free[pm]));
          e3 = next_open (plant, s3 + qty * 300);
          paint_free[pm] = e3;
          fixture_run_add_step (run, paint, pm + 1, s3 - 900, s3, e3);
        }
      else
        e3 = e2;
      s4 = next_open (pack, MAX (e3, pack_free));
      e4 = next_open (pack, s4 + qty * 120);
      pack_free = e4;
      fixture_run_add_step (run, packing, 1, s4, s4, e4);

      /* Its order is due a little after it is done, or (now and then)
       * before, which makes it late. */
      g_snprintf (id, sizeof id, "SO-%d", order_no++);
      due = e4 + random_range (&rnd, -5, 48) * 3600;
      fixture_add_order (plan, id, (int) p, qty, due);
      fixture_run_add_cover (run, id, qty);
    }
  g_ptr_array_unref (by_end);

  /* Two pins that overlap on printer 3: a conflict. */
  {
    TaktRun *a = fixture_add_run (plan, 4, 12, TRUE);
    TaktRun *b = fixture_add_run (plan, 6, 8, TRUE);

    fixture_run_add_step (a, print, 3, fixture_time ("2026-12-09T20:00"),
                          fixture_time ("2026-12-09T20:20"), fixture_time ("2026-12-10T06:00"));
    fixture_run_add_step (b, print, 3, fixture_time ("2026-12-10T02:00"),
                          fixture_time ("2026-12-10T02:30"), fixture_time ("2026-12-10T11:00"));
  }
  return plan;
}

TaktPlan *
fixture_synthetic (guint stations,
                   guint machines,
                   guint runs)
{
  static const char *colors[] = { "#3584e4", "#2ec27e", "#e5a50a", "#ff7800", "#9141ac", "#986a44" };
  TaktPlan *plan = fixture_plan_new ("Synthetic", fixture_time ("2027-01-04T00:00"), 56);
  guint32 rnd = 0x9e3779b9;
  int order_no = 1;

  plan->calendar = fixture_calendar_new (6 * 3600, 22 * 3600, 0, 0);
  for (guint p = 0; p < 24; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);
      g_autofree char *name = g_strdup_printf ("Product %u", p + 1);

      fixture_add_product (plan, id, name, p < G_N_ELEMENTS (colors) ? colors[p] : NULL);
    }
  for (guint s = 0; s < stations; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s);
      g_autofree char *name = g_strdup_printf ("Station %u", s + 1);

      fixture_add_station (plan, id, name, machines, NULL, NULL);
      for (guint m = 1; m <= machines; m++)
        {
          gint64 t = plan->horizon_start + random_range (&rnd, 0, 8) * 900;

          for (guint r = 0; r < runs; r++)
            {
              int product = (int) random_range (&rnd, 0, 23);
              gint64 setup = random_range (&rnd, 1, 4) * 300;
              gint64 work = random_range (&rnd, 6, 20) * 600;
              TaktRun *run = fixture_add_run (plan, product, random_range (&rnd, 1, 40), r % 97 == 0);

              fixture_run_add_step (run, (int) s, m, t, t + setup, t + setup + work);
              if (r % 5 == 0)
                {
                  char oid[32];

                  g_snprintf (oid, sizeof oid, "O-%d", order_no++);
                  fixture_add_order (plan, oid, product, run->quantity,
                                     t + setup + work + random_range (&rnd, -4, 30) * 3600);
                  fixture_run_add_cover (run, oid, run->quantity);
                }
              t += setup + work + random_range (&rnd, 0, 4) * 600;
            }
        }
    }
  return plan;
}
