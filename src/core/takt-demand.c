/* takt-demand.c — orders, forecast and campaign uplift as dated demand
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-demand"

#include "takt-demand.h"

#include <math.h>
#include <stdlib.h>

#include "takt-time.h"

static void
demand_clear (gpointer data)
{
  TaktDemand *d = data;

  g_clear_pointer (&d->name, g_free);
}

gint64
takt_campaign_days (const TaktCampaign *campaign)
{
  g_return_val_if_fail (campaign != NULL, 0);

  if (campaign->end < campaign->start)
    return 0;
  return (campaign->end - campaign->start) / TAKT_DAY_S + 1;
}

gint64
takt_campaign_product_units (const TaktCampaign *campaign,
                             guint               i)
{
  const TaktCampaignProduct *cp;
  double share_sum = 0;
  double units;

  g_return_val_if_fail (campaign != NULL, 0);
  g_return_val_if_fail (campaign->products != NULL && i < campaign->products->len, 0);

  for (guint j = 0; j < campaign->products->len; j++)
    share_sum += ((const TaktCampaignProduct *) g_ptr_array_index (campaign->products, j))->share;
  if (!(share_sum > 0))
    return 0;
  cp = g_ptr_array_index (campaign->products, i);
  units = (double) campaign->impressions / 1000.0 * campaign->conversion_per_mille
          * (cp->share / share_sum);
  if (!(units > 0))
    return 0;
  /* Halves up.  The products above are rarely exact in binary (0.8 × 250 …),
   * so a value a rounding error below a half counts as the half. */
  return (gint64) floor (units + 0.5 + 1e-9 * MAX (1.0, units));
}

typedef struct
{
  gint64 rem;
  gint64 day;
} Remainder;

static int
compare_remainders (gconstpointer a,
                    gconstpointer b)
{
  const Remainder *ra = a;
  const Remainder *rb = b;

  if (ra->rem != rb->rem)
    return ra->rem > rb->rem ? -1 : 1;
  return (ra->day > rb->day) - (ra->day < rb->day);
}

void
takt_campaign_spread (gint64     total,
                      gint64     days,
                      TaktShape  shape,
                      gint64    *out)
{
  g_autofree gint64 *weights = NULL;
  g_autofree Remainder *rems = NULL;
  gint64 sum = 0;
  gint64 given = 0;

  g_return_if_fail (days >= 0);
  g_return_if_fail (days == 0 || out != NULL);

  if (days == 0)
    return;
  weights = g_new (gint64, days);
  rems = g_new (Remainder, days);
  /* The weights of the spec times 3 (D − 1), so they are whole numbers:
   * launch 1 − (2/3)·i/(D−1) → 3(D−1) − 2i; build → (D−1) + 2i. */
  for (gint64 i = 0; i < days; i++)
    {
      if (days == 1)
        weights[i] = 1;
      else if (shape == TAKT_SHAPE_LAUNCH)
        weights[i] = 3 * (days - 1) - 2 * i;
      else if (shape == TAKT_SHAPE_BUILD)
        weights[i] = (days - 1) + 2 * i;
      else
        weights[i] = 1;
      sum += weights[i];
    }
  for (gint64 i = 0; i < days; i++)
    {
      out[i] = total * weights[i] / sum;
      rems[i].rem = total * weights[i] % sum;
      rems[i].day = i;
      given += out[i];
    }
  qsort (rems, days, sizeof (Remainder), compare_remainders);
  for (gint64 i = 0; given < total && i < days; i++, given++)
    out[rems[i].day]++;
}

static int
compare_demands (gconstpointer a,
                 gconstpointer b)
{
  const TaktDemand *da = a;
  const TaktDemand *db = b;

  if (da->product_index != db->product_index)
    return da->product_index < db->product_index ? -1 : 1;
  if (da->due != db->due)
    return da->due < db->due ? -1 : 1;
  if (da->kind != db->kind)
    return da->kind < db->kind ? -1 : 1;
  if (da->source != db->source)
    return da->source < db->source ? -1 : 1;
  return (da->sub > db->sub) - (da->sub < db->sub);
}

GArray *
takt_demand_collect (const TaktPlan *plan)
{
  GArray *list;
  const TaktProduct *product = NULL;
  gint64 stock = 0;

  g_return_val_if_fail (plan != NULL, NULL);

  list = g_array_new (FALSE, TRUE, sizeof (TaktDemand));
  g_array_set_clear_func (list, demand_clear);

  for (guint i = 0; plan->orders != NULL && i < plan->orders->len; i++)
    {
      const TaktOrder *o = g_ptr_array_index (plan->orders, i);
      TaktDemand d = { 0 };

      if (o->quantity <= 0)
        continue;
      d.name = g_strdup (o->id);
      d.product_index = o->product_index;
      d.kind = TAKT_DEMAND_ORDER;
      d.source = (int) i;
      d.due = o->due;
      d.quantity = o->quantity;
      g_array_append_val (list, d);
    }

  for (guint i = 0; plan->forecast != NULL && i < plan->forecast->len; i++)
    {
      const TaktForecast *f = g_ptr_array_index (plan->forecast, i);
      const TaktProduct *p = g_ptr_array_index (plan->products, f->product_index);
      g_autofree char *date = takt_format_date (f->date);
      TaktDemand d = { 0 };

      if (f->quantity <= 0)
        continue;
      d.name = g_strdup_printf ("forecast:%s:%s", p->id, date);
      d.product_index = f->product_index;
      d.kind = TAKT_DEMAND_FORECAST;
      d.source = (int) i;
      d.due = takt_day_start (f->date) + TAKT_DAY_S;
      d.quantity = f->quantity;
      g_array_append_val (list, d);
    }

  for (guint i = 0; plan->campaigns != NULL && i < plan->campaigns->len; i++)
    {
      const TaktCampaign *c = g_ptr_array_index (plan->campaigns, i);
      gint64 days = takt_campaign_days (c);
      g_autofree gint64 *spread = g_new0 (gint64, MAX (days, 1));

      for (guint j = 0; c->products != NULL && j < c->products->len; j++)
        {
          const TaktCampaignProduct *cp = g_ptr_array_index (c->products, j);
          const TaktProduct *p = g_ptr_array_index (plan->products, cp->product_index);
          gint64 total = takt_campaign_product_units (c, j);

          if (total <= 0 || days <= 0)
            continue;
          takt_campaign_spread (total, days, c->shape, spread);
          for (gint64 k = 0; k < days; k++)
            {
              gint64 day = takt_day_start (c->start) + (k + c->lag_days) * TAKT_DAY_S;
              g_autofree char *date = NULL;
              TaktDemand d = { 0 };

              if (spread[k] <= 0)
                continue;
              date = takt_format_date (day);
              d.name = g_strdup_printf ("campaign:%s:%s:%s", c->id, p->id, date);
              d.product_index = cp->product_index;
              d.kind = TAKT_DEMAND_CAMPAIGN;
              d.source = (int) i;
              d.sub = (int) (j * 65536 + k);
              d.due = day + TAKT_DAY_S;
              d.quantity = spread[k];
              g_array_append_val (list, d);
            }
        }
    }

  g_array_sort (list, compare_demands);

  for (guint i = 0; i < list->len; i++)
    {
      TaktDemand *d = &g_array_index (list, TaktDemand, i);

      if (product == NULL || i == 0 ||
          g_array_index (list, TaktDemand, i - 1).product_index != d->product_index)
        {
          product = g_ptr_array_index (plan->products, d->product_index);
          stock = MAX (product->initial_stock, 0);
        }
      d->from_stock = MIN (stock, d->quantity);
      stock -= d->from_stock;
    }
  return list;
}
