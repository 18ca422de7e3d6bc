/* takt-chart-views.c — the charts of the Costs, Demand and Campaigns pages
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "takt-chart-views.h"
#include "takt-money.h"
#include "takt-time.h"

static const char *
currency_of (const TaktChartData *data)
{
  const char *c = data->plan->currency;

  return c != NULL && *c != '\0' ? c : "EUR";
}

/* At most this many products get a series of their own; the rest are
 * summed into one, so legends stay readable with a thousand products. */
#define MAX_PRODUCT_SERIES 7

typedef struct
{
  guint  product;
  double weight;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return (x->product > y->product) - (x->product < y->product);
}

static const char *
product_name (const TaktChartData *data,
              guint                p)
{
  const TaktProduct *prod = g_ptr_array_index (data->plan->products, p);

  return prod->name != NULL && *prod->name ? prod->name : prod->id;
}

/* The time-weighted mean of a step function over [from, to). */
static double
steps_mean (const TaktChartSteps *st,
            gint64                from,
            gint64                to)
{
  double area = 0;

  if (to <= from)
    return 0;
  for (guint i = 0; i < st->n; i++)
    {
      gint64 a = MAX (st->t[i], from);
      gint64 b = MIN (i + 1 < st->n ? st->t[i + 1] : to, to);

      if (b > a)
        area += st->v[i] * (double) (b - a);
    }
  return area / (double) (to - from);
}

typedef struct
{
  gint64 t;
  double delta;
} StepEvent;

static int
compare_step_events (gconstpointer a,
                     gconstpointer b)
{
  const StepEvent *x = a;
  const StepEvent *y = b;

  return (x->t > y->t) - (x->t < y->t);
}

/* @total minus the step functions of @minus (n of them), into new arrays. */
static void
steps_subtract (const TaktChartSteps  *total,
                const TaktChartSteps **minus,
                guint                  n,
                gint64               **times,
                double               **values,
                guint                 *n_points)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (StepEvent));
  guint k = 0;
  double level = 0;

  for (guint j = 0; j <= n; j++)
    {
      const TaktChartSteps *st = j == 0 ? total : minus[j - 1];
      double sign = j == 0 ? 1 : -1;

      for (guint i = 0; i < st->n; i++)
        {
          StepEvent e = { st->t[i], sign * (st->v[i] - (i > 0 ? st->v[i - 1] : 0)) };

          g_array_append_val (events, e);
        }
    }
  g_array_sort (events, compare_step_events);
  *times = g_new (gint64, MAX (events->len, 1));
  *values = g_new (double, MAX (events->len, 1));
  for (guint i = 0; i < events->len; i++)
    {
      const StepEvent *e = &g_array_index (events, StepEvent, i);

      level += e->delta;
      if (k > 0 && (*times)[k - 1] == e->t)
        (*values)[k - 1] = level;
      else
        {
          (*times)[k] = e->t;
          (*values)[k] = level;
          k++;
        }
    }
  *n_points = k;
}

static gboolean
colors_alike (const TaktGanttColor *a,
              const TaktGanttColor *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue) < 0.3;
}

/* A product's colour, unless a series already shown has one like it: then
 * the first colour of GNOME's palette that none has (product colours come
 * from the document and may repeat). */
static void
distinct_product_color (const TaktChartData *data,
                        guint                p,
                        GArray              *used,
                        TaktGanttColor      *color)
{
  static const guint32 spare[] = {
    0x3584e4, 0x33d17a, 0xf6d32d, 0xff7800, 0x9141ac, 0x986a44, 0x1a5fb4, 0x26a269,
    0xe5a50a, 0xc64600, 0x613583, 0x63452c, 0x62a0ea, 0x8ff0a4, 0xffa348, 0xdc8add,
  };
  gboolean clash = FALSE;

  takt_gantt_product_color (data->plan, (int) p, color);
  for (guint k = 0; k < used->len && !clash; k++)
    clash = colors_alike (&g_array_index (used, TaktGanttColor, k), color);
  for (guint i = 0; clash && i < G_N_ELEMENTS (spare); i++)
    {
      TaktGanttColor c = { ((spare[i] >> 16) & 0xff) / 255.0, ((spare[i] >> 8) & 0xff) / 255.0,
                           (spare[i] & 0xff) / 255.0, 1.0 };

      clash = FALSE;
      for (guint k = 0; k < used->len && !clash; k++)
        clash = colors_alike (&g_array_index (used, TaktGanttColor, k), &c);
      if (!clash)
        *color = c;
    }
  g_array_append_val (used, *color);
}

static char *
per_day_unit (const TaktChartData *data)
{
  /* Translators: the unit of a chart's value axis; %s is a currency code */
  return g_strdup_printf (_("%s per day"), currency_of (data));
}

static void
add_horizon_markers (TaktChart           *chart,
                     const TaktChartData *data,
                     gint64               from,
                     gint64               to)
{
  if (data->horizon_start > from)
    takt_chart_add_marker (chart, data->horizon_start, _("Horizon start"));
  if (data->horizon_end < to)
    takt_chart_add_marker (chart, data->horizon_end, _("Horizon end"));
}

TaktChart *
takt_chart_new_daily_cost (const TaktChartData *data)
{
  TaktChart *chart;
  TaktGanttColor c;
  g_autofree char *unit = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  chart = takt_chart_new (TAKT_CHART_STACKED_BARS);
  unit = per_day_unit (data);
  takt_chart_set_title (chart, _("Cost per day"));
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_CURRENCY, currency_of (data), unit);
  takt_chart_set_days (chart, data->first_day, data->n_days);
  takt_chart_color (TAKT_CHART_BLUE, &c);
  takt_chart_add_series (chart, _("Holding"), &c, data->holding, data->n_days);
  takt_chart_color (TAKT_CHART_PURPLE, &c);
  takt_chart_add_series (chart, _("Setup"), &c, data->setup, data->n_days);
  takt_chart_color (TAKT_CHART_RED, &c);
  takt_chart_add_series (chart, _("Tardiness"), &c, data->tardiness, data->n_days);
  add_horizon_markers (chart, data, data->first_day, data->first_day + data->n_days * TAKT_DAY_S);
  if (!data->has_schedule)
    takt_chart_set_empty_text (chart, _("No plan yet: plan the document to see what it costs day by day"));
  else if (data->demand_units == 0)
    takt_chart_set_empty_text (chart, _("No demand in this plan: add orders, forecast or campaigns"));
  else
    takt_chart_set_empty_text (chart, _("This plan costs nothing"));
  return chart;
}

/* The end of the time axis: the horizon, or later when something is. */
static gint64
steps_end (const TaktChartData  *data,
           const TaktChartSteps *a,
           const TaktChartSteps *b)
{
  gint64 end = data->horizon_end;

  if (a->n > 0)
    end = MAX (end, a->t[a->n - 1]);
  if (b != NULL && b->n > 0)
    end = MAX (end, b->t[b->n - 1]);
  return end;
}

TaktChart *
takt_chart_new_cumulative (const TaktChartData *data,
                           int                  product)
{
  TaktChart *chart;
  const TaktChartSteps *demand, *supply;
  TaktGanttColor c;
  guint p;
  gint64 end;
  guint s;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (product >= -1 && product < (int) data->n_products, NULL);

  p = product < 0 ? data->n_products : (guint) product;
  demand = &data->cumulative_demand[p];
  supply = &data->cumulative_supply[p];
  end = steps_end (data, demand, supply);

  chart = takt_chart_new (TAKT_CHART_LINES);
  if (product < 0)
    takt_chart_set_title (chart, _("Demand and supply, all products"));
  else
    {
      const TaktProduct *prod = g_ptr_array_index (data->plan->products, product);
      g_autofree char *title = NULL;

      /* Translators: a chart's title; %s is a product's name */
      title = g_strdup_printf (_("Demand and supply: %s"), prod->name != NULL && *prod->name ? prod->name : prod->id);
      takt_chart_set_title (chart, title);
    }
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_NUMBER, NULL, _("units, cumulative"));
  takt_chart_set_time_range (chart, data->horizon_start, end);

  if (data->demand_units == 0)
    {
      takt_chart_set_empty_text (chart, _("No demand in this plan: add orders, forecast or campaigns"));
      return chart;
    }
  takt_chart_color (TAKT_CHART_ORANGE, &c);
  s = takt_chart_add_line (chart, _("Demand due"), &c, demand->t, demand->v, demand->n, TRUE);
  takt_chart_set_series_dashed (chart, s, TRUE);
  if (data->has_schedule)
    {
      takt_chart_color (TAKT_CHART_BLUE, &c);
      takt_chart_add_line (chart, _("Supply (stock + made)"), &c, supply->t, supply->v, supply->n, TRUE);
    }
  add_horizon_markers (chart, data, data->horizon_start, end);
  return chart;
}

TaktChart *
takt_chart_new_stock (const TaktChartData *data)
{
  TaktChart *chart;
  gint64 end;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GArray) used = NULL;
  guint shown;

  g_return_val_if_fail (data != NULL, NULL);

  end = data->horizon_end;
  for (guint p = 0; p < data->n_products; p++)
    end = MAX (end, steps_end (data, &data->stock[p], NULL));

  chart = takt_chart_new (TAKT_CHART_LINES);
  takt_chart_set_title (chart, _("Finished stock"));
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_NUMBER, NULL, _("units on hand"));
  takt_chart_set_time_range (chart, data->horizon_start, end);
  takt_chart_set_empty_text (chart, data->has_schedule ? _("No finished stock is held in this plan")
                                                       : _("No plan yet: plan the document to see its stock"));

  /* The products that hold stock, the most on average first. */
  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  for (guint p = 0; p < data->n_products; p++)
    {
      const TaktChartSteps *st = &data->stock[p];
      gboolean any = FALSE;
      Ranked r = { p, steps_mean (st, data->horizon_start, end) };

      for (guint i = 0; i < st->n; i++)
        any = any || st->v[i] != 0;
      if (any)
        g_array_append_val (ranked, r);
    }
  if (ranked->len == 0)
    return chart;
  g_array_sort (ranked, compare_ranked);
  shown = ranked->len <= MAX_PRODUCT_SERIES + 1 ? ranked->len : MAX_PRODUCT_SERIES;

  /* In document order, so a product keeps its place in the legend. */
  used = g_array_new (FALSE, FALSE, sizeof (TaktGanttColor));
  for (guint p = 0; p < data->n_products; p++)
    for (guint k = 0; k < shown; k++)
      if (g_array_index (ranked, Ranked, k).product == p)
        {
          const TaktChartSteps *st = &data->stock[p];
          TaktGanttColor c;

          distinct_product_color (data, p, used, &c);
          takt_chart_add_line (chart, product_name (data, p), &c, st->t, st->v, st->n, TRUE);
        }
  if (shown < ranked->len)
    {
      g_autofree const TaktChartSteps **top = g_new (const TaktChartSteps *, shown);
      g_autofree gint64 *t = NULL;
      g_autofree double *v = NULL;
      g_autofree char *name = NULL;
      guint n = 0;
      TaktGanttColor grey;

      for (guint k = 0; k < shown; k++)
        top[k] = &data->stock[g_array_index (ranked, Ranked, k).product];
      steps_subtract (&data->stock[data->n_products], top, shown, &t, &v, &n);
      takt_chart_color (TAKT_CHART_GREY, &grey);
      /* Translators: the stock of the products without a line of their own */
      name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other product", "%u other products",
                                           ranked->len - shown), ranked->len - shown);
      takt_chart_add_line (chart, name, &grey, t, v, n, TRUE);
    }
  add_horizon_markers (chart, data, data->horizon_start, end);
  return chart;
}

static char *
station_name (const TaktChartData *data,
              guint                s)
{
  const TaktStation *st = g_ptr_array_index (data->plan->stations, s);

  return g_strdup (st->name != NULL && *st->name ? st->name : st->id);
}

TaktChart *
takt_chart_new_utilisation (const TaktChartData *data)
{
  TaktChart *chart;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree TaktGanttColor *colors = NULL;
  g_autofree double *capacity = NULL;
  TaktGanttColor blue;

  g_return_val_if_fail (data != NULL, NULL);

  colors = g_new0 (TaktGanttColor, MAX (data->n_stations, 1));
  capacity = g_new0 (double, MAX (data->n_stations, 1));
  takt_chart_color (TAKT_CHART_BLUE, &blue);
  for (guint s = 0; s < data->n_stations; s++)
    {
      g_ptr_array_add (names, station_name (data, s));
      if ((int) s == data->bottleneck)
        takt_chart_color (TAKT_CHART_RED, &colors[s]);
      else
        colors[s] = blue;
      capacity[s] = 1.0;
    }

  chart = takt_chart_new (TAKT_CHART_HORIZONTAL_BARS);
  takt_chart_set_title (chart, _("Utilisation per station"));
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_PERCENT, NULL, _("of working time in the horizon"));
  takt_chart_set_categories (chart, (const char * const *) names->pdata, names->len);
  takt_chart_add_series (chart, _("Utilisation"), &blue, data->utilisation, data->n_stations);
  takt_chart_set_category_colors (chart, colors, data->n_stations);
  takt_chart_set_show_values (chart, TRUE);
  if (data->has_schedule)
    {
      TaktGanttColor grey;

      takt_chart_color (TAKT_CHART_GREY, &grey);
      takt_chart_set_references (chart, capacity, data->n_stations, _("Capacity"), &grey);
      takt_chart_set_highlight (chart, data->bottleneck, _("Bottleneck"));
    }
  else
    takt_chart_set_empty_text (chart, _("No plan yet: plan the document to see how busy each station is"));
  return chart;
}

TaktChart *
takt_chart_new_line_balance (const TaktChartData *data)
{
  TaktChart *chart;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = NULL;
  g_autofree gboolean *keep = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GArray) used = NULL;
  guint shown;
  int worst = -1;
  double worst_ratio = 0;

  g_return_val_if_fail (data != NULL, NULL);

  values = g_new0 (double, MAX (data->n_stations, 1));
  for (guint s = 0; s < data->n_stations; s++)
    {
      double load = takt_chart_data_station_load (data, s);

      g_ptr_array_add (names, station_name (data, s));
      if (isfinite (data->takt_s[s]) && data->takt_s[s] > 0 && load / data->takt_s[s] > worst_ratio)
        {
          worst_ratio = load / data->takt_s[s];
          worst = (int) s;
        }
    }

  chart = takt_chart_new (TAKT_CHART_STACKED_BARS);
  takt_chart_set_title (chart, _("Line balance"));
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_DURATION, NULL, _("of work per unit, per machine"));
  takt_chart_set_categories (chart, (const char * const *) names->pdata, names->len);
  /* The products with work, the largest load first; the rest together. */
  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  for (guint p = 0; p < data->n_products; p++)
    {
      Ranked r = { p, 0 };

      for (guint s = 0; s < data->n_stations; s++)
        r.weight += data->load_s[(gsize) s * data->n_products + p];
      if (r.weight > 0)
        g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  shown = ranked->len <= MAX_PRODUCT_SERIES + 1 ? ranked->len : MAX_PRODUCT_SERIES;
  keep = g_new0 (gboolean, MAX (data->n_products, 1));
  for (guint k = 0; k < shown; k++)
    keep[g_array_index (ranked, Ranked, k).product] = TRUE;

  used = g_array_new (FALSE, FALSE, sizeof (TaktGanttColor));
  for (guint p = 0; p < data->n_products; p++)
    {
      TaktGanttColor c;

      if (!keep[p])
        continue;
      for (guint s = 0; s < data->n_stations; s++)
        values[s] = data->load_s[(gsize) s * data->n_products + p];
      distinct_product_color (data, p, used, &c);
      takt_chart_add_series (chart, product_name (data, p), &c, values, data->n_stations);
    }
  if (shown < ranked->len)
    {
      g_autofree char *name = NULL;
      TaktGanttColor grey;

      for (guint s = 0; s < data->n_stations; s++)
        {
          values[s] = 0;
          for (guint k = shown; k < ranked->len; k++)
            values[s] += data->load_s[(gsize) s * data->n_products + g_array_index (ranked, Ranked, k).product];
        }
      takt_chart_color (TAKT_CHART_GREY, &grey);
      name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other product", "%u other products",
                                           ranked->len - shown), ranked->len - shown);
      takt_chart_add_series (chart, name, &grey, values, data->n_stations);
    }
  if (worst >= 0)
    {
      TaktGanttColor red;
      g_autofree char *label = NULL;
      g_autofree char *percent = takt_percent_format (worst_ratio, 0);

      /* Translators: over the most loaded station of the line balance
       * chart, "Over takt: 120%" or "Bottleneck: 67% of takt" */
      label = g_strdup_printf (worst_ratio > 1 ? _("Over takt: %s") : _("Bottleneck: %s of takt"), percent);
      takt_chart_color (TAKT_CHART_RED, &red);
      takt_chart_set_references (chart, data->takt_s, data->n_stations, _("Takt time"), &red);
      takt_chart_set_highlight (chart, worst, label);
    }
  takt_chart_set_empty_text (chart, _("No demand in this plan: the line balance needs demand to weigh the products"));
  return chart;
}

TaktChart *
takt_chart_new_demand_by_source (const TaktChartData *data)
{
  TaktChart *chart;
  TaktGanttColor c;

  g_return_val_if_fail (data != NULL, NULL);

  chart = takt_chart_new (TAKT_CHART_STACKED_BARS);
  takt_chart_set_title (chart, _("Demand per day"));
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_NUMBER, NULL, _("units due per day"));
  takt_chart_set_days (chart, data->first_day, data->n_days);
  takt_chart_color (TAKT_CHART_BLUE, &c);
  takt_chart_add_series (chart, _("Orders"), &c, data->demand_orders, data->n_days);
  takt_chart_color (TAKT_CHART_GREEN, &c);
  takt_chart_add_series (chart, _("Forecast"), &c, data->demand_forecast, data->n_days);
  takt_chart_color (TAKT_CHART_ORANGE, &c);
  takt_chart_add_series (chart, _("Campaigns"), &c, data->demand_campaigns, data->n_days);
  add_horizon_markers (chart, data, data->first_day, data->first_day + data->n_days * TAKT_DAY_S);
  takt_chart_set_empty_text (chart, _("No demand yet: add orders, forecast or campaigns"));
  return chart;
}

void
takt_chart_campaign_color (const TaktPlan *plan,
                           guint           c,
                           TaktGanttColor *color)
{
  const TaktCampaign *campaign;
  guint earlier = 0;
  double mix;

  g_return_if_fail (plan != NULL && plan->campaigns != NULL);
  g_return_if_fail (c < plan->campaigns->len);
  g_return_if_fail (color != NULL);

  campaign = g_ptr_array_index (plan->campaigns, c);
  takt_gantt_channel_color (campaign->channel, color);
  for (guint i = 0; i < c; i++)
    {
      const TaktCampaign *other = g_ptr_array_index (plan->campaigns, i);

      if (other->channel == campaign->channel)
        earlier++;
    }
  /* Alternately lighter and darker, so neighbours in a stack differ. */
  if (earlier == 0)
    return;
  mix = 0.22 * ((earlier + 1) / 2);
  mix = MIN (mix, 0.6);
  if (earlier % 2 == 1)
    {
      color->red += (1 - color->red) * mix;
      color->green += (1 - color->green) * mix;
      color->blue += (1 - color->blue) * mix;
    }
  else
    {
      color->red *= 1 - mix;
      color->green *= 1 - mix;
      color->blue *= 1 - mix;
    }
}

TaktChart *
takt_chart_new_campaign_demand (const TaktChartData *data)
{
  TaktChart *chart;

  g_return_val_if_fail (data != NULL, NULL);

  chart = takt_chart_new (TAKT_CHART_STACKED_BARS);
  takt_chart_set_title (chart, _("Demand the campaigns bring"));
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_NUMBER, NULL, _("units due per day"));
  takt_chart_set_days (chart, data->first_day, data->n_days);
  for (guint i = 0; i < data->n_campaigns; i++)
    {
      const TaktCampaign *campaign = g_ptr_array_index (data->plan->campaigns, i);
      TaktGanttColor c;

      takt_chart_campaign_color (data->plan, i, &c);
      takt_chart_add_series (chart, campaign->name != NULL && *campaign->name ? campaign->name : campaign->id,
                             &c, data->campaign_demand[i], data->n_days);
    }
  add_horizon_markers (chart, data, data->first_day, data->first_day + data->n_days * TAKT_DAY_S);
  if (data->n_campaigns == 0)
    takt_chart_set_empty_text (chart, _("No campaigns yet"));
  else
    takt_chart_set_empty_text (chart, _("The campaigns bring no units: check their impressions and conversion"));
  return chart;
}

TaktChart *
takt_chart_new_strategy_comparison (const TaktPlanStats * const *stats,
                                    const char                  *currency)
{
  const char *categories[] = {
    C_("cost", "Total"), C_("cost", "Holding"), C_("cost", "Setup"), C_("cost", "Tardiness"),
    _("Average stock"),
  };
  static const TaktChartColor colors[TAKT_N_STRATEGIES] = {
    [TAKT_STRATEGY_JIT] = TAKT_CHART_GREEN,
    [TAKT_STRATEGY_LEVEL] = TAKT_CHART_BLUE,
    [TAKT_STRATEGY_ASAP] = TAKT_CHART_ORANGE,
  };
  const char *names[TAKT_N_STRATEGIES] = {
    [TAKT_STRATEGY_JIT] = _("Just in time"),
    [TAKT_STRATEGY_LEVEL] = _("Level"),
    [TAKT_STRATEGY_ASAP] = _("Push (ASAP)"),
  };
  TaktChart *chart;
  g_autofree char *unit = NULL;

  g_return_val_if_fail (stats != NULL, NULL);

  if (currency == NULL || *currency == '\0')
    currency = "EUR";
  chart = takt_chart_new (TAKT_CHART_GROUPED_BARS);
  takt_chart_set_title (chart, _("Strategies compared"));
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_CURRENCY, currency, currency);
  takt_chart_set_categories (chart, categories, G_N_ELEMENTS (categories));
  takt_chart_set_secondary (chart, 4, TAKT_CHART_FORMAT_NUMBER, _("units"));
  for (int s = 0; s < TAKT_N_STRATEGIES; s++)
    {
      const TaktPlanStats *st = stats[s];
      double values[5];
      TaktGanttColor c;

      if (st == NULL)
        continue;
      values[0] = st->total;
      values[1] = st->holding;
      values[2] = st->setup;
      values[3] = st->tardiness;
      values[4] = st->average_stock;
      takt_chart_color (colors[s], &c);
      takt_chart_add_series (chart, names[s], &c, values, G_N_ELEMENTS (values));
    }
  takt_chart_set_empty_text (chart, _("Compare strategies to see what just in time saves"));
  return chart;
}
