/* takt-plan.c — the plan model: constructors, copies, lookups and rules
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-plan"

#include "takt-plan.h"
#include "takt-plan-private.h"
#include "takt-time.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (takt-plan-error-quark, takt_plan_error)

const char * const takt_weekday_names[7] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static const char * const channel_names[TAKT_N_CHANNELS] = {
  "social", "email", "search", "display", "video", "print", "event", "other",
};

static const char * const shape_names[TAKT_N_SHAPES] = {
  "flat", "launch", "build",
};

static const char * const strategy_names[TAKT_N_STRATEGIES] = {
  "jit", "level", "asap",
};

/* ---- JSON helpers ---- */

static JsonNode *
json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (node == NULL)
    return NULL;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(JsonObject) object = takt_json_object_copy (json_node_get_object (node));

        copy = json_node_new (JSON_NODE_OBJECT);
        json_node_set_object (copy, object);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        g_autoptr(JsonArray) new_array = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (new_array, json_node_deep_copy (json_array_get_element (array, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_set_array (copy, new_array);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

JsonObject *
takt_json_object_copy (JsonObject *object)
{
  JsonObject *copy;
  GList *members;

  if (object == NULL)
    return NULL;

  copy = json_object_new ();
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      json_object_set_member (copy, name,
                              json_node_deep_copy (json_object_get_member (object, name)));
    }
  g_list_free (members);
  return copy;
}

static inline JsonObject *
extra_copy (JsonObject *extra)
{
  return takt_json_object_copy (extra);
}

static inline void
extra_free (JsonObject *extra)
{
  if (extra != NULL)
    json_object_unref (extra);
}

/* ---- constructors, destructors, copies ---- */

TaktCalendar *
takt_calendar_new (void)
{
  TaktCalendar *calendar = g_new0 (TaktCalendar, 1);

  for (int d = 0; d < 7; d++)
    calendar->week[d] = g_array_new (FALSE, FALSE, sizeof (TaktShift));
  calendar->exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_calendar_exception_free);
  return calendar;
}

void
takt_calendar_exception_free (TaktCalendarException *exception)
{
  if (exception == NULL)
    return;
  g_clear_pointer (&exception->shifts, g_array_unref);
  extra_free (exception->extra);
  g_free (exception);
}

static GArray *
shifts_copy (const GArray *shifts)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (TaktShift), shifts ? shifts->len : 0);

  if (shifts != NULL && shifts->len > 0)
    g_array_append_vals (copy, shifts->data, shifts->len);
  return copy;
}

TaktCalendar *
takt_calendar_copy (const TaktCalendar *calendar)
{
  TaktCalendar *copy;

  g_return_val_if_fail (calendar != NULL, NULL);

  copy = g_new0 (TaktCalendar, 1);
  for (int d = 0; d < 7; d++)
    copy->week[d] = shifts_copy (calendar->week[d]);
  copy->exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_calendar_exception_free);
  for (guint i = 0; calendar->exceptions != NULL && i < calendar->exceptions->len; i++)
    {
      const TaktCalendarException *src = g_ptr_array_index (calendar->exceptions, i);
      TaktCalendarException *dst = g_new0 (TaktCalendarException, 1);

      dst->date = src->date;
      dst->shifts = shifts_copy (src->shifts);
      dst->extra = extra_copy (src->extra);
      g_ptr_array_add (copy->exceptions, dst);
    }
  copy->week_extra = extra_copy (calendar->week_extra);
  copy->extra = extra_copy (calendar->extra);
  return copy;
}

void
takt_calendar_free (TaktCalendar *calendar)
{
  if (calendar == NULL)
    return;
  for (int d = 0; d < 7; d++)
    g_clear_pointer (&calendar->week[d], g_array_unref);
  g_clear_pointer (&calendar->exceptions, g_ptr_array_unref);
  extra_free (calendar->week_extra);
  extra_free (calendar->extra);
  g_free (calendar);
}

TaktStation *
takt_station_new (void)
{
  TaktStation *station = g_new0 (TaktStation, 1);

  station->name = g_strdup ("");
  station->machines = 1;
  return station;
}

static TaktStation *
station_copy (const TaktStation *src)
{
  TaktStation *dst = g_new0 (TaktStation, 1);

  dst->id = g_strdup (src->id);
  dst->name = g_strdup (src->name);
  dst->machines = src->machines;
  dst->calendar = src->calendar ? takt_calendar_copy (src->calendar) : NULL;
  dst->color = g_strdup (src->color);
  dst->extra = extra_copy (src->extra);
  return dst;
}

void
takt_station_free (TaktStation *station)
{
  if (station == NULL)
    return;
  g_free (station->id);
  g_free (station->name);
  takt_calendar_free (station->calendar);
  g_free (station->color);
  extra_free (station->extra);
  g_free (station);
}

TaktStep *
takt_step_new (void)
{
  TaktStep *step = g_new0 (TaktStep, 1);

  step->station_index = -1;
  return step;
}

static TaktStep *
step_copy (const TaktStep *src)
{
  TaktStep *dst = g_new0 (TaktStep, 1);

  dst->station = g_strdup (src->station);
  dst->station_index = src->station_index;
  dst->cycle_s = src->cycle_s;
  dst->setup_s = src->setup_s;
  dst->extra = extra_copy (src->extra);
  return dst;
}

void
takt_step_free (TaktStep *step)
{
  if (step == NULL)
    return;
  g_free (step->station);
  extra_free (step->extra);
  g_free (step);
}

TaktProduct *
takt_product_new (void)
{
  TaktProduct *product = g_new0 (TaktProduct, 1);

  product->name = g_strdup ("");
  product->routing = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_step_free);
  product->min_run = 1;
  product->max_run = 0;
  return product;
}

static TaktProduct *
product_copy (const TaktProduct *src)
{
  TaktProduct *dst = g_new0 (TaktProduct, 1);

  dst->id = g_strdup (src->id);
  dst->name = g_strdup (src->name);
  dst->color = g_strdup (src->color);
  dst->routing = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_step_free);
  for (guint i = 0; src->routing != NULL && i < src->routing->len; i++)
    g_ptr_array_add (dst->routing, step_copy (g_ptr_array_index (src->routing, i)));
  dst->setup_cost = src->setup_cost;
  dst->holding_cost_per_day = src->holding_cost_per_day;
  dst->late_cost_per_day = src->late_cost_per_day;
  dst->initial_stock = src->initial_stock;
  dst->min_run = src->min_run;
  dst->max_run = src->max_run;
  dst->unit_cost = src->unit_cost;
  dst->price = src->price;
  dst->extra = extra_copy (src->extra);
  return dst;
}

void
takt_product_free (TaktProduct *product)
{
  if (product == NULL)
    return;
  g_free (product->id);
  g_free (product->name);
  g_free (product->color);
  g_clear_pointer (&product->routing, g_ptr_array_unref);
  extra_free (product->extra);
  g_free (product);
}

TaktOrder *
takt_order_new (void)
{
  TaktOrder *order = g_new0 (TaktOrder, 1);

  order->product_index = -1;
  return order;
}

static TaktOrder *
order_copy (const TaktOrder *src)
{
  TaktOrder *dst = g_new0 (TaktOrder, 1);

  dst->id = g_strdup (src->id);
  dst->product = g_strdup (src->product);
  dst->product_index = src->product_index;
  dst->quantity = src->quantity;
  dst->due = src->due;
  dst->customer = g_strdup (src->customer);
  dst->extra = extra_copy (src->extra);
  return dst;
}

void
takt_order_free (TaktOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->id);
  g_free (order->product);
  g_free (order->customer);
  extra_free (order->extra);
  g_free (order);
}

TaktForecast *
takt_forecast_new (void)
{
  TaktForecast *forecast = g_new0 (TaktForecast, 1);

  forecast->product_index = -1;
  return forecast;
}

static TaktForecast *
forecast_copy (const TaktForecast *src)
{
  TaktForecast *dst = g_new0 (TaktForecast, 1);

  dst->product = g_strdup (src->product);
  dst->product_index = src->product_index;
  dst->date = src->date;
  dst->quantity = src->quantity;
  dst->extra = extra_copy (src->extra);
  return dst;
}

void
takt_forecast_free (TaktForecast *forecast)
{
  if (forecast == NULL)
    return;
  g_free (forecast->product);
  extra_free (forecast->extra);
  g_free (forecast);
}

TaktCampaignProduct *
takt_campaign_product_new (void)
{
  TaktCampaignProduct *cp = g_new0 (TaktCampaignProduct, 1);

  cp->product_index = -1;
  cp->share = 1.0;
  return cp;
}

static TaktCampaignProduct *
campaign_product_copy (const TaktCampaignProduct *src)
{
  TaktCampaignProduct *dst = g_new0 (TaktCampaignProduct, 1);

  dst->product = g_strdup (src->product);
  dst->product_index = src->product_index;
  dst->share = src->share;
  dst->extra = extra_copy (src->extra);
  return dst;
}

void
takt_campaign_product_free (TaktCampaignProduct *cp)
{
  if (cp == NULL)
    return;
  g_free (cp->product);
  extra_free (cp->extra);
  g_free (cp);
}

TaktCampaign *
takt_campaign_new (void)
{
  TaktCampaign *campaign = g_new0 (TaktCampaign, 1);

  campaign->name = g_strdup ("");
  campaign->channel = TAKT_CHANNEL_OTHER;
  campaign->shape = TAKT_SHAPE_FLAT;
  campaign->products = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_campaign_product_free);
  return campaign;
}

static TaktCampaign *
campaign_copy (const TaktCampaign *src)
{
  TaktCampaign *dst = g_new0 (TaktCampaign, 1);

  dst->id = g_strdup (src->id);
  dst->name = g_strdup (src->name);
  dst->channel = src->channel;
  dst->start = src->start;
  dst->end = src->end;
  dst->spend = src->spend;
  dst->impressions = src->impressions;
  dst->conversion_per_mille = src->conversion_per_mille;
  dst->lag_days = src->lag_days;
  dst->shape = src->shape;
  dst->products = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_campaign_product_free);
  for (guint i = 0; src->products != NULL && i < src->products->len; i++)
    g_ptr_array_add (dst->products, campaign_product_copy (g_ptr_array_index (src->products, i)));
  dst->extra = extra_copy (src->extra);
  return dst;
}

void
takt_campaign_free (TaktCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->id);
  g_free (campaign->name);
  g_clear_pointer (&campaign->products, g_ptr_array_unref);
  extra_free (campaign->extra);
  g_free (campaign);
}

TaktPin *
takt_pin_new (void)
{
  TaktPin *pin = g_new0 (TaktPin, 1);

  pin->product_index = -1;
  pin->station_index = -1;
  pin->machine = 1;
  return pin;
}

static TaktPin *
pin_copy (const TaktPin *src)
{
  TaktPin *dst = g_new0 (TaktPin, 1);

  dst->product = g_strdup (src->product);
  dst->product_index = src->product_index;
  dst->quantity = src->quantity;
  dst->station = g_strdup (src->station);
  dst->station_index = src->station_index;
  dst->machine = src->machine;
  dst->start = src->start;
  dst->extra = extra_copy (src->extra);
  return dst;
}

void
takt_pin_free (TaktPin *pin)
{
  if (pin == NULL)
    return;
  g_free (pin->product);
  g_free (pin->station);
  extra_free (pin->extra);
  g_free (pin);
}

static void
cover_clear (gpointer data)
{
  TaktCover *cover = data;

  g_clear_pointer (&cover->demand, g_free);
}

TaktRun *
takt_run_new (void)
{
  TaktRun *run = g_new0 (TaktRun, 1);

  run->product_index = -1;
  run->steps = g_array_new (FALSE, TRUE, sizeof (TaktRunStep));
  run->covers = g_array_new (FALSE, TRUE, sizeof (TaktCover));
  g_array_set_clear_func (run->covers, cover_clear);
  return run;
}

static TaktRun *
run_copy (const TaktRun *src)
{
  TaktRun *dst = takt_run_new ();

  dst->id = g_strdup (src->id);
  dst->product_index = src->product_index;
  dst->quantity = src->quantity;
  dst->pinned = src->pinned;
  if (src->steps != NULL && src->steps->len > 0)
    g_array_append_vals (dst->steps, src->steps->data, src->steps->len);
  for (guint i = 0; src->covers != NULL && i < src->covers->len; i++)
    {
      TaktCover cover = g_array_index (src->covers, TaktCover, i);

      cover.demand = g_strdup (cover.demand);
      g_array_append_val (dst->covers, cover);
    }
  return dst;
}

void
takt_run_free (TaktRun *run)
{
  if (run == NULL)
    return;
  g_free (run->id);
  g_clear_pointer (&run->steps, g_array_unref);
  g_clear_pointer (&run->covers, g_array_unref);
  g_free (run);
}

TaktSchedule *
takt_schedule_new (void)
{
  TaktSchedule *schedule = g_new0 (TaktSchedule, 1);

  schedule->strategy = TAKT_STRATEGY_JIT;
  schedule->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_run_free);
  return schedule;
}

TaktSchedule *
takt_schedule_copy (const TaktSchedule *schedule)
{
  TaktSchedule *copy;

  g_return_val_if_fail (schedule != NULL, NULL);

  copy = takt_schedule_new ();
  copy->strategy = schedule->strategy;
  copy->total = schedule->total;
  copy->holding = schedule->holding;
  copy->tardiness = schedule->tardiness;
  copy->setup = schedule->setup;
  for (guint i = 0; schedule->runs != NULL && i < schedule->runs->len; i++)
    g_ptr_array_add (copy->runs, run_copy (g_ptr_array_index (schedule->runs, i)));
  return copy;
}

void
takt_schedule_free (TaktSchedule *schedule)
{
  if (schedule == NULL)
    return;
  g_clear_pointer (&schedule->runs, g_ptr_array_unref);
  g_free (schedule);
}

TaktPlan *
takt_plan_new (void)
{
  TaktPlan *plan = g_new0 (TaktPlan, 1);

  plan->name = g_strdup ("");
  plan->currency = g_strdup ("EUR");
  plan->horizon_days = 1;
  plan->stations = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_station_free);
  plan->products = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_product_free);
  plan->orders = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_order_free);
  plan->forecast = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_forecast_free);
  plan->campaigns = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_campaign_free);
  plan->pins = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_pin_free);
  plan->settings.strategy = TAKT_STRATEGY_JIT;
  plan->settings.time_limit_ms = 300;
  plan->settings.seed = 1;
  return plan;
}

typedef gpointer (*CopyFunc) (gconstpointer item);

static GPtrArray *
list_copy (const GPtrArray *src,
           CopyFunc         copy,
           GDestroyNotify   free_func)
{
  GPtrArray *dst = g_ptr_array_new_full (src ? src->len : 0, free_func);

  for (guint i = 0; src != NULL && i < src->len; i++)
    g_ptr_array_add (dst, copy (g_ptr_array_index (src, i)));
  return dst;
}

TaktPlan *
takt_plan_copy (const TaktPlan *plan)
{
  TaktPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_new0 (TaktPlan, 1);
  copy->name = g_strdup (plan->name);
  copy->currency = g_strdup (plan->currency);
  copy->horizon_start = plan->horizon_start;
  copy->horizon_days = plan->horizon_days;
  copy->horizon_extra = extra_copy (plan->horizon_extra);
  copy->calendar = plan->calendar ? takt_calendar_copy (plan->calendar) : NULL;
  copy->stations = list_copy (plan->stations, (CopyFunc) station_copy, (GDestroyNotify) takt_station_free);
  copy->products = list_copy (plan->products, (CopyFunc) product_copy, (GDestroyNotify) takt_product_free);
  copy->orders = list_copy (plan->orders, (CopyFunc) order_copy, (GDestroyNotify) takt_order_free);
  copy->forecast = list_copy (plan->forecast, (CopyFunc) forecast_copy, (GDestroyNotify) takt_forecast_free);
  copy->campaigns = list_copy (plan->campaigns, (CopyFunc) campaign_copy, (GDestroyNotify) takt_campaign_free);
  copy->pins = list_copy (plan->pins, (CopyFunc) pin_copy, (GDestroyNotify) takt_pin_free);
  copy->settings.strategy = plan->settings.strategy;
  copy->settings.time_limit_ms = plan->settings.time_limit_ms;
  copy->settings.seed = plan->settings.seed;
  copy->settings.extra = extra_copy (plan->settings.extra);
  copy->schedule = plan->schedule ? takt_schedule_copy (plan->schedule) : NULL;
  copy->extra = extra_copy (plan->extra);
  return copy;
}

void
takt_plan_free (TaktPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->name);
  g_free (plan->currency);
  extra_free (plan->horizon_extra);
  takt_calendar_free (plan->calendar);
  g_clear_pointer (&plan->stations, g_ptr_array_unref);
  g_clear_pointer (&plan->products, g_ptr_array_unref);
  g_clear_pointer (&plan->orders, g_ptr_array_unref);
  g_clear_pointer (&plan->forecast, g_ptr_array_unref);
  g_clear_pointer (&plan->campaigns, g_ptr_array_unref);
  g_clear_pointer (&plan->pins, g_ptr_array_unref);
  extra_free (plan->settings.extra);
  takt_schedule_free (plan->schedule);
  extra_free (plan->extra);
  g_free (plan);
}

/* ---- lookups ---- */

int
takt_plan_find_station (const TaktPlan *plan,
                        const char     *id)
{
  g_return_val_if_fail (plan != NULL, -1);

  if (id == NULL)
    return -1;
  for (guint i = 0; i < plan->stations->len; i++)
    {
      const TaktStation *station = g_ptr_array_index (plan->stations, i);

      if (g_strcmp0 (station->id, id) == 0)
        return (int) i;
    }
  return -1;
}

int
takt_plan_find_product (const TaktPlan *plan,
                        const char     *id)
{
  g_return_val_if_fail (plan != NULL, -1);

  if (id == NULL)
    return -1;
  for (guint i = 0; i < plan->products->len; i++)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, i);

      if (g_strcmp0 (product->id, id) == 0)
        return (int) i;
    }
  return -1;
}

const TaktCalendar *
takt_plan_station_calendar (const TaktPlan *plan,
                            int             station_index)
{
  const TaktStation *station;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (station_index >= 0 && (guint) station_index < plan->stations->len, NULL);

  station = g_ptr_array_index (plan->stations, station_index);
  if (station->calendar != NULL)
    return station->calendar;
  return plan->calendar;
}

/* ---- enums ---- */

static gboolean
enum_from_string (const char * const *names,
                  int                 n_names,
                  const char         *str,
                  int                *out)
{
  if (str == NULL)
    return FALSE;
  for (int i = 0; i < n_names; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
takt_channel_to_string (TaktChannel channel)
{
  g_return_val_if_fail ((int) channel >= 0 && channel < TAKT_N_CHANNELS, NULL);
  return channel_names[channel];
}

gboolean
takt_channel_from_string (const char  *str,
                          TaktChannel *channel)
{
  int value;

  g_return_val_if_fail (channel != NULL, FALSE);

  if (!enum_from_string (channel_names, TAKT_N_CHANNELS, str, &value))
    return FALSE;
  *channel = (TaktChannel) value;
  return TRUE;
}

const char *
takt_shape_to_string (TaktShape shape)
{
  g_return_val_if_fail ((int) shape >= 0 && shape < TAKT_N_SHAPES, NULL);
  return shape_names[shape];
}

gboolean
takt_shape_from_string (const char *str,
                        TaktShape  *shape)
{
  int value;

  g_return_val_if_fail (shape != NULL, FALSE);

  if (!enum_from_string (shape_names, TAKT_N_SHAPES, str, &value))
    return FALSE;
  *shape = (TaktShape) value;
  return TRUE;
}

const char *
takt_strategy_to_string (TaktStrategy strategy)
{
  g_return_val_if_fail ((int) strategy >= 0 && strategy < TAKT_N_STRATEGIES, NULL);
  return strategy_names[strategy];
}

gboolean
takt_strategy_from_string (const char   *str,
                           TaktStrategy *strategy)
{
  int value;

  g_return_val_if_fail (strategy != NULL, FALSE);

  if (!enum_from_string (strategy_names, TAKT_N_STRATEGIES, str, &value))
    return FALSE;
  *strategy = (TaktStrategy) value;
  return TRUE;
}

/* ---- small shared helpers ---- */

char *
takt_quote (const char *str)
{
  GString *out = g_string_new ("\"");
  glong n = 0;

  if (str == NULL)
    str = "";
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (n++ == 60)
        {
          g_string_append (out, "…");
          break;
        }
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_c (out, '?');
          continue;
        }
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

gboolean
takt_color_is_valid (const char *str)
{
  if (str == NULL || strlen (str) != 7 || str[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (str[i]))
      return FALSE;
  return TRUE;
}

/* ---- the checker ---- */

void
takt_checker_init (TaktChecker *checker)
{
  checker->problems = g_ptr_array_new_with_free_func (g_free);
  checker->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker->inside = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker->recording = FALSE;
}

void
takt_checker_clear (TaktChecker *checker)
{
  g_clear_pointer (&checker->problems, g_ptr_array_unref);
  g_clear_pointer (&checker->reported, g_hash_table_unref);
  g_clear_pointer (&checker->inside, g_hash_table_unref);
}

/* Whether @path or a value that holds it was reported: "orders[3].product"
 * is covered by "orders", "orders[3]" and "orders[3].product". */
gboolean
takt_checker_was_reported (TaktChecker *checker,
                           const char  *path)
{
  g_autofree char *buf = NULL;

  if (g_hash_table_size (checker->reported) == 0)
    return FALSE;
  if (g_hash_table_contains (checker->reported, path))
    return TRUE;
  buf = g_strdup (path);
  for (char *p = buf + 1; *p != '\0'; p++)
    {
      if (*p == '.' || *p == '[')
        {
          char saved = *p;
          gboolean hit;

          *p = '\0';
          hit = g_hash_table_contains (checker->reported, buf);
          *p = saved;
          if (hit)
            return TRUE;
        }
    }
  return FALSE;
}

static void
remember_prefixes (TaktChecker *checker,
                   const char  *path)
{
  g_autofree char *buf = g_strdup (path);

  for (char *p = buf + 1; *p != '\0'; p++)
    {
      if (*p == '.' || *p == '[')
        {
          char saved = *p;

          *p = '\0';
          g_hash_table_add (checker->inside, g_strdup (buf));
          *p = saved;
        }
    }
}

void
takt_checker_add (TaktChecker *checker,
                  char        *path,
                  const char  *format,
                  ...)
{
  g_autofree char *owned = path;
  g_autofree char *message = NULL;
  va_list args;

  if (checker->recording)
    {
      g_hash_table_add (checker->reported, g_strdup (path));
      remember_prefixes (checker, path);
    }
  else if (takt_checker_was_reported (checker, path) ||
           g_hash_table_contains (checker->inside, path))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (checker->problems, g_strdup_printf ("%s: %s", path, message));
}

static gboolean reported_at (TaktChecker *c, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Whether the reading pass already reported the value at a path: rules that
 * compare two values skip the comparison when one of them is unknown. */
static gboolean
reported_at (TaktChecker *c,
             const char  *format,
             ...)
{
  g_autofree char *path = NULL;
  va_list args;

  if (g_hash_table_size (c->reported) == 0)
    return FALSE;
  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return takt_checker_was_reported (c, path);
}

#define PROBLEM(checker, message, ...) \
  takt_checker_add ((checker), g_strdup_printf (__VA_ARGS__), "%s", (message))

/* ---- the rules ---- */

static gint64
quantity_in_range (gint64 q)
{
  return q >= 0 && q <= TAKT_PLAN_MAX_QUANTITY ? q : 0;
}

/* The units of takt_plan_count_units() by where they come from. */
enum { UNITS_ORDERS, UNITS_FORECAST, UNITS_CAMPAIGNS, UNITS_PINS, UNITS_PRODUCTS, N_UNITS };
static const char * const units_section[N_UNITS] = { "orders", "forecast", "campaigns", "pins", "products" };

static void
count_units (const TaktPlan *plan,
             gint64          parts[N_UNITS])
{
  memset (parts, 0, N_UNITS * sizeof (gint64));
  for (guint i = 0; i < plan->orders->len; i++)
    parts[UNITS_ORDERS] += quantity_in_range (((TaktOrder *) g_ptr_array_index (plan->orders, i))->quantity);
  for (guint i = 0; i < plan->forecast->len; i++)
    parts[UNITS_FORECAST] += quantity_in_range (((TaktForecast *) g_ptr_array_index (plan->forecast, i))->quantity);
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const TaktCampaign *cam = g_ptr_array_index (plan->campaigns, i);
      double brings = (double) cam->impressions / 1000.0 * cam->conversion_per_mille;

      if (isfinite (brings) && brings >= 0 && brings <= (double) TAKT_PLAN_MAX_QUANTITY)
        parts[UNITS_CAMPAIGNS] += (gint64) floor (brings + 0.5);
    }
  for (guint i = 0; i < plan->pins->len; i++)
    parts[UNITS_PINS] += quantity_in_range (((TaktPin *) g_ptr_array_index (plan->pins, i))->quantity);
  for (guint i = 0; i < plan->products->len; i++)
    parts[UNITS_PRODUCTS] += quantity_in_range (((TaktProduct *) g_ptr_array_index (plan->products, i))->min_run);
}

gint64
takt_plan_count_units (const TaktPlan *plan)
{
  gint64 parts[N_UNITS];
  gint64 units = 0;

  g_return_val_if_fail (plan != NULL, 0);

  count_units (plan, parts);
  for (int k = 0; k < N_UNITS; k++)
    units += parts[k];
  return units;
}

/* Instants a document can hold: years 1000 to 9999. */
#define MIN_INSTANT ((gint64) -30610224000)  /* 1000-01-01T00:00 */
#define MAX_INSTANT ((gint64) 253402300799)  /* 9999-12-31T23:59:59 */

static void
check_instant (TaktChecker *c,
               gint64       t,
               gboolean     is_date,
               char        *path)
{
  if (t < MIN_INSTANT || t > MAX_INSTANT)
    takt_checker_add (c, path, "must lie between the years 1000 and 9999");
  else if (is_date && takt_day_start (t) != t)
    takt_checker_add (c, path, "must be a date (midnight), not a time of day");
  else
    g_free (path);
}

static void
check_count (TaktChecker *c,
             gint64       value,
             gint64       min,
             gint64       max,
             char        *path)
{
  if (value < min)
    takt_checker_add (c, path, "must be >= %" G_GINT64_FORMAT, min);
  else if (value > max)
    takt_checker_add (c, path, "must be <= %" G_GINT64_FORMAT, max);
  else
    g_free (path);
}

static void
check_amount (TaktChecker *c,
              double       value,
              gboolean     strictly_positive,
              char        *path)
{
  if (!isfinite (value))
    takt_checker_add (c, path, "must be a finite number");
  else if (strictly_positive && !(value > 0))
    takt_checker_add (c, path, "must be > 0");
  else if (!strictly_positive && value < 0)
    takt_checker_add (c, path, "must be >= 0");
  else
    g_free (path);
}

static void
check_id (TaktChecker *c,
          const char  *id,
          GHashTable  *seen,
          const char  *list,
          guint        i)
{
  gpointer first;

  if (id == NULL)
    {
      PROBLEM (c, "is missing", "%s[%u].id", list, i);
      return;
    }
  if (id[0] == '\0')
    {
      PROBLEM (c, "must not be empty", "%s[%u].id", list, i);
      return;
    }
  if (g_hash_table_lookup_extended (seen, id, NULL, &first))
    {
      g_autofree char *q = takt_quote (id);

      takt_checker_add (c, g_strdup_printf ("%s[%u].id", list, i),
                        "duplicate id %s (also %s[%u])", q, list, GPOINTER_TO_UINT (first));
      return;
    }
  g_hash_table_insert (seen, (gpointer) id, GUINT_TO_POINTER (i));
}

static void
check_color (TaktChecker *c,
             const char  *color,
             char        *path)
{
  if (color != NULL && !takt_color_is_valid (color))
    {
      g_autofree char *q = takt_quote (color);

      takt_checker_add (c, path, "must be a color \"#rrggbb\", not %s", q);
    }
  else
    g_free (path);
}

typedef struct
{
  GHashTable *index;        /* id -> index + 1 (first of duplicates) */
  gboolean    incomplete;   /* an id could not be read: do not report missing references */
  const char *what;         /* "product", "station" */
} Ids;

static int
resolve (TaktChecker *c,
         Ids         *ids,
         const char  *ref,
         char        *path)
{
  gpointer found;

  if (ref == NULL)
    {
      takt_checker_add (c, path, "is missing");
      return -1;
    }
  if (ref[0] == '\0')
    {
      takt_checker_add (c, path, "must not be empty");
      return -1;
    }
  found = g_hash_table_lookup (ids->index, ref);
  if (found != NULL)
    {
      g_free (path);
      return GPOINTER_TO_INT (found) - 1;
    }
  if (ids->incomplete)
    g_free (path);
  else
    {
      g_autofree char *q = takt_quote (ref);

      takt_checker_add (c, path, "no %s %s", ids->what, q);
    }
  return -1;
}

static int
compare_shift_order (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const TaktShift *shifts = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (shifts[ia].from != shifts[ib].from)
    return shifts[ia].from < shifts[ib].from ? -1 : 1;
  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

static void
check_shifts (TaktChecker  *c,
              const GArray *shifts,
              const char   *path)
{
  g_autofree guint *order = NULL;
  const TaktShift *s;
  guint n_valid = 0;

  if (shifts == NULL || shifts->len == 0)
    return;
  s = (const TaktShift *) (gpointer) shifts->data;
  order = g_new (guint, shifts->len);

  for (guint i = 0; i < shifts->len; i++)
    {
      gboolean ok = TRUE;

      if (s[i].from < 0 || s[i].from >= 86400 || s[i].from % 60 != 0)
        {
          PROBLEM (c, "must be a whole minute from 00:00 to 23:59", "%s[%u][0]", path, i);
          ok = FALSE;
        }
      if (s[i].to <= 0 || s[i].to > 86400 || s[i].to % 60 != 0)
        {
          PROBLEM (c, "must be a whole minute from 00:01 to 24:00", "%s[%u][1]", path, i);
          ok = FALSE;
        }
      if (ok && s[i].from >= s[i].to)
        {
          PROBLEM (c, "the shift must end after it starts", "%s[%u]", path, i);
          ok = FALSE;
        }
      if (ok)
        order[n_valid++] = i;
    }

  g_qsort_with_data (order, n_valid, sizeof (guint), compare_shift_order, (gpointer) s);
  for (guint k = 1; k < n_valid; k++)
    {
      const TaktShift *prev = &s[order[k - 1]];
      const TaktShift *cur = &s[order[k]];

      if (cur->from < prev->to)
        {
          g_autofree char *a = takt_format_clock (prev->from);
          g_autofree char *b = takt_format_clock (prev->to);

          takt_checker_add (c, g_strdup_printf ("%s[%u]", path, order[k]),
                            "overlaps %s[%u] [\"%s\", \"%s\"]", path, order[k - 1], a, b);
        }
    }
}

static void
check_calendar (TaktChecker  *c,
                TaktCalendar *calendar,
                const char   *path)
{
  g_autoptr(GHashTable) dates = NULL;

  if (calendar == NULL)
    return;

  for (int d = 0; d < 7; d++)
    {
      g_autofree char *day_path = g_strdup_printf ("%s.week.%s", path, takt_weekday_names[d]);

      check_shifts (c, calendar->week[d], day_path);
    }

  if (calendar->week_extra != NULL)
    {
      GList *members = json_object_get_members (calendar->week_extra);

      for (const GList *l = members; l != NULL; l = l->next)
        PROBLEM (c, "unknown weekday (use mon, tue, wed, thu, fri, sat or sun)",
                 "%s.week.%s", path, (const char *) l->data);
      g_list_free (members);
    }

  dates = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; calendar->exceptions != NULL && i < calendar->exceptions->len; i++)
    {
      TaktCalendarException *ex = g_ptr_array_index (calendar->exceptions, i);
      g_autofree char *shifts_path = g_strdup_printf ("%s.exceptions[%u].shifts", path, i);
      gpointer first;

      check_instant (c, ex->date, TRUE, g_strdup_printf ("%s.exceptions[%u].date", path, i));
      if (g_hash_table_lookup_extended (dates, &ex->date, NULL, &first))
        {
          g_autofree char *date = takt_format_date (ex->date);

          takt_checker_add (c, g_strdup_printf ("%s.exceptions[%u].date", path, i),
                            "duplicate date %s (also %s.exceptions[%u])",
                            date, path, GPOINTER_TO_UINT (first));
        }
      else
        g_hash_table_insert (dates, &ex->date, GUINT_TO_POINTER (i));
      check_shifts (c, ex->shifts, shifts_path);
    }
}

static Ids
ids_for (GPtrArray  *list,
         gsize       id_offset,
         const char *list_name,
         const char *what,
         TaktChecker *c)
{
  Ids ids = { g_hash_table_new (g_str_hash, g_str_equal), FALSE, what };

  if (list->len == 0 || takt_checker_was_reported (c, list_name))
    ids.incomplete = TRUE;
  for (guint i = 0; i < list->len; i++)
    {
      const char *id = G_STRUCT_MEMBER (const char *, g_ptr_array_index (list, i), id_offset);

      if (id == NULL || id[0] == '\0')
        ids.incomplete = TRUE;
      else if (!g_hash_table_contains (ids.index, id))
        g_hash_table_insert (ids.index, (gpointer) id, GINT_TO_POINTER ((int) i + 1));
    }
  return ids;
}

static gboolean
is_currency_code (const char *str)
{
  if (str == NULL || strlen (str) != 3)
    return FALSE;
  for (int i = 0; i < 3; i++)
    if (str[i] < 'A' || str[i] > 'Z')
      return FALSE;
  return TRUE;
}

void
takt_plan_check_rules (TaktPlan    *plan,
                       TaktChecker *c)
{
  g_autoptr(GHashTable) seen = NULL;
  Ids stations, products;

  g_assert (plan != NULL);
  g_assert (c != NULL);

  c->recording = FALSE;

  if (plan->currency == NULL)
    PROBLEM (c, "is missing", "currency");
  else if (!is_currency_code (plan->currency))
    {
      g_autofree char *q = takt_quote (plan->currency);

      takt_checker_add (c, g_strdup ("currency"),
                        "must be a three-letter ISO 4217 code such as \"EUR\", not %s", q);
    }

  check_instant (c, plan->horizon_start, FALSE, g_strdup ("horizon.start"));
  check_count (c, plan->horizon_days, 1, TAKT_PLAN_MAX_DAYS, g_strdup ("horizon.days"));

  check_calendar (c, plan->calendar, "calendar");

  /* stations */
  if (plan->stations->len == 0)
    PROBLEM (c, "must list at least one station", "stations");
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < plan->stations->len; i++)
    {
      TaktStation *st = g_ptr_array_index (plan->stations, i);
      g_autofree char *cal_path = g_strdup_printf ("stations[%u].calendar", i);

      check_id (c, st->id, seen, "stations", i);
      check_count (c, st->machines, 1, TAKT_PLAN_MAX_MACHINES, g_strdup_printf ("stations[%u].machines", i));
      check_color (c, st->color, g_strdup_printf ("stations[%u].color", i));
      check_calendar (c, st->calendar, cal_path);
    }
  g_clear_pointer (&seen, g_hash_table_unref);
  {
    gint64 machines = 0;

    /* Counts only the counts that are right (the others are reported). */
    for (guint i = 0; i < plan->stations->len; i++)
      {
        gint64 m = ((TaktStation *) g_ptr_array_index (plan->stations, i))->machines;

        if (m >= 1 && m <= TAKT_PLAN_MAX_MACHINES)
          machines += m;
      }
    if (machines > TAKT_PLAN_MAX_ALL_MACHINES)
      takt_checker_add (c, g_strdup ("stations"),
                        "%" G_GINT64_FORMAT " machines in all, more than the limit of %" G_GINT64_FORMAT,
                        machines, TAKT_PLAN_MAX_ALL_MACHINES);
  }
  stations = ids_for (plan->stations, G_STRUCT_OFFSET (TaktStation, id), "stations", "station", c);

  /* products */
  if (plan->products->len == 0)
    PROBLEM (c, "must list at least one product", "products");
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < plan->products->len; i++)
    {
      TaktProduct *p = g_ptr_array_index (plan->products, i);

      check_id (c, p->id, seen, "products", i);
      check_color (c, p->color, g_strdup_printf ("products[%u].color", i));
      if (p->routing->len == 0)
        PROBLEM (c, "must list at least one step", "products[%u].routing", i);
      for (guint k = 0; k < p->routing->len; k++)
        {
          TaktStep *step = g_ptr_array_index (p->routing, k);

          step->station_index = resolve (c, &stations, step->station,
                                         g_strdup_printf ("products[%u].routing[%u].station", i, k));
          if (step->cycle_s <= 0)
            PROBLEM (c, "must be > 0", "products[%u].routing[%u].cycle_s", i, k);
          else
            check_count (c, step->cycle_s, 1, TAKT_PLAN_MAX_DURATION_S,
                         g_strdup_printf ("products[%u].routing[%u].cycle_s", i, k));
          check_count (c, step->setup_s, 0, TAKT_PLAN_MAX_DURATION_S,
                       g_strdup_printf ("products[%u].routing[%u].setup_s", i, k));
        }
      check_amount (c, p->setup_cost, FALSE, g_strdup_printf ("products[%u].setup_cost", i));
      check_amount (c, p->holding_cost_per_day, FALSE, g_strdup_printf ("products[%u].holding_cost_per_day", i));
      check_amount (c, p->late_cost_per_day, FALSE, g_strdup_printf ("products[%u].late_cost_per_day", i));
      check_count (c, p->initial_stock, 0, TAKT_PLAN_MAX_QUANTITY, g_strdup_printf ("products[%u].initial_stock", i));
      check_count (c, p->min_run, 1, TAKT_PLAN_MAX_QUANTITY, g_strdup_printf ("products[%u].min_run", i));
      if (p->max_run != 0 && p->max_run < p->min_run && p->min_run >= 1 &&
          !reported_at (c, "products[%u].min_run", i))
        takt_checker_add (c, g_strdup_printf ("products[%u].max_run", i),
                          "must be 0 (no bound) or >= min_run (%" G_GINT64_FORMAT ")", p->min_run);
      else
        check_count (c, p->max_run, 0, TAKT_PLAN_MAX_QUANTITY, g_strdup_printf ("products[%u].max_run", i));
      check_amount (c, p->unit_cost, FALSE, g_strdup_printf ("products[%u].unit_cost", i));
      check_amount (c, p->price, FALSE, g_strdup_printf ("products[%u].price", i));
    }
  g_clear_pointer (&seen, g_hash_table_unref);
  products = ids_for (plan->products, G_STRUCT_OFFSET (TaktProduct, id), "products", "product", c);

  /* orders */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < plan->orders->len; i++)
    {
      TaktOrder *o = g_ptr_array_index (plan->orders, i);

      check_id (c, o->id, seen, "orders", i);
      if (o->id != NULL && (g_str_has_prefix (o->id, "forecast:") || g_str_has_prefix (o->id, "campaign:")))
        PROBLEM (c, "must not start with \"forecast:\" or \"campaign:\" (those name other demand)",
                 "orders[%u].id", i);
      o->product_index = resolve (c, &products, o->product, g_strdup_printf ("orders[%u].product", i));
      check_count (c, o->quantity, 1, TAKT_PLAN_MAX_QUANTITY, g_strdup_printf ("orders[%u].quantity", i));
      check_instant (c, o->due, FALSE, g_strdup_printf ("orders[%u].due", i));
    }
  g_clear_pointer (&seen, g_hash_table_unref);

  /* forecast */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < plan->forecast->len; i++)
    {
      TaktForecast *f = g_ptr_array_index (plan->forecast, i);
      gpointer first;
      char *key;

      f->product_index = resolve (c, &products, f->product, g_strdup_printf ("forecast[%u].product", i));
      check_instant (c, f->date, TRUE, g_strdup_printf ("forecast[%u].date", i));
      check_count (c, f->quantity, 1, TAKT_PLAN_MAX_QUANTITY, g_strdup_printf ("forecast[%u].quantity", i));
      if (f->product == NULL || reported_at (c, "forecast[%u].date", i))
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", f->date, f->product);
      if (g_hash_table_lookup_extended (seen, key, NULL, &first))
        {
          takt_checker_add (c, g_strdup_printf ("forecast[%u]", i),
                            "same product and date as forecast[%u]", GPOINTER_TO_UINT (first));
          g_free (key);
        }
      else
        g_hash_table_insert (seen, key, GUINT_TO_POINTER (i));
    }
  g_clear_pointer (&seen, g_hash_table_unref);

  /* campaigns */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      TaktCampaign *cam = g_ptr_array_index (plan->campaigns, i);
      g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
      double units;

      check_id (c, cam->id, seen, "campaigns", i);
      if ((int) cam->channel < 0 || cam->channel >= TAKT_N_CHANNELS)
        PROBLEM (c, "unknown channel", "campaigns[%u].channel", i);
      if ((int) cam->shape < 0 || cam->shape >= TAKT_N_SHAPES)
        PROBLEM (c, "unknown shape", "campaigns[%u].shape", i);
      check_instant (c, cam->start, TRUE, g_strdup_printf ("campaigns[%u].start", i));
      check_instant (c, cam->end, TRUE, g_strdup_printf ("campaigns[%u].end", i));
      if (reported_at (c, "campaigns[%u].start", i) || reported_at (c, "campaigns[%u].end", i))
        ;
      else if (cam->end < cam->start)
        {
          g_autofree char *start = takt_format_date (cam->start);

          takt_checker_add (c, g_strdup_printf ("campaigns[%u].end", i),
                            "must not be before start (%s)", start);
        }
      else if ((cam->end - cam->start) / TAKT_DAY_S + 1 > TAKT_PLAN_MAX_DAYS)
        PROBLEM (c, "a campaign may last at most 3660 days", "campaigns[%u].end", i);
      check_amount (c, cam->spend, FALSE, g_strdup_printf ("campaigns[%u].spend", i));
      check_count (c, cam->impressions, 0, TAKT_PLAN_MAX_IMPRESSIONS, g_strdup_printf ("campaigns[%u].impressions", i));
      if (isfinite (cam->conversion_per_mille) && cam->conversion_per_mille > 1000)
        PROBLEM (c, "must be <= 1000 (every impression converts)", "campaigns[%u].conversion_per_mille", i);
      else
        check_amount (c, cam->conversion_per_mille, FALSE,
                      g_strdup_printf ("campaigns[%u].conversion_per_mille", i));
      check_count (c, cam->lag_days, 0, TAKT_PLAN_MAX_DAYS, g_strdup_printf ("campaigns[%u].lag_days", i));
      units = (double) cam->impressions / 1000.0 * cam->conversion_per_mille;
      if (isfinite (units) && units > (double) TAKT_PLAN_MAX_QUANTITY)
        PROBLEM (c, "brings more than 1000000000 units (impressions / 1000 × conversion_per_mille)",
                 "campaigns[%u]", i);
      if (cam->products->len == 0)
        PROBLEM (c, "must list at least one product", "campaigns[%u].products", i);
      for (guint k = 0; k < cam->products->len; k++)
        {
          TaktCampaignProduct *cp = g_ptr_array_index (cam->products, k);
          gpointer first;

          cp->product_index = resolve (c, &products, cp->product,
                                       g_strdup_printf ("campaigns[%u].products[%u].product", i, k));
          check_amount (c, cp->share, TRUE, g_strdup_printf ("campaigns[%u].products[%u].share", i, k));
          if (cp->product == NULL)
            continue;
          if (g_hash_table_lookup_extended (listed, cp->product, NULL, &first))
            {
              g_autofree char *q = takt_quote (cp->product);

              takt_checker_add (c, g_strdup_printf ("campaigns[%u].products[%u].product", i, k),
                                "%s is listed twice (also campaigns[%u].products[%u])",
                                q, i, GPOINTER_TO_UINT (first));
            }
          else
            g_hash_table_insert (listed, cp->product, GUINT_TO_POINTER (k));
        }
    }
  g_clear_pointer (&seen, g_hash_table_unref);

  /* pins */
  for (guint i = 0; i < plan->pins->len; i++)
    {
      TaktPin *pin = g_ptr_array_index (plan->pins, i);
      gboolean station_ok = TRUE;

      pin->product_index = resolve (c, &products, pin->product, g_strdup_printf ("pins[%u].product", i));
      check_count (c, pin->quantity, 1, TAKT_PLAN_MAX_QUANTITY, g_strdup_printf ("pins[%u].quantity", i));
      pin->station_index = resolve (c, &stations, pin->station, g_strdup_printf ("pins[%u].station", i));
      check_instant (c, pin->start, FALSE, g_strdup_printf ("pins[%u].start", i));
      if (pin->product_index >= 0 && pin->station_index >= 0)
        {
          const TaktProduct *p = g_ptr_array_index (plan->products, pin->product_index);
          const TaktStep *first = p->routing->len > 0 ? g_ptr_array_index (p->routing, 0) : NULL;

          if (first != NULL && first->station_index >= 0 && first->station_index != pin->station_index)
            {
              g_autofree char *qs = takt_quote (first->station);
              g_autofree char *qp = takt_quote (p->id);

              takt_checker_add (c, g_strdup_printf ("pins[%u].station", i),
                                "must be %s, the first station of product %s", qs, qp);
              station_ok = FALSE;
            }
        }
      /* The machine is checked against the station's count only when both
       * the station and its count are known to be right. */
      if (station_ok && pin->station_index >= 0 &&
          !reported_at (c, "stations[%d].machines", pin->station_index) &&
          ((const TaktStation *) g_ptr_array_index (plan->stations, pin->station_index))->machines >= 1 &&
          ((const TaktStation *) g_ptr_array_index (plan->stations, pin->station_index))->machines <= TAKT_PLAN_MAX_MACHINES)
        {
          const TaktStation *st = g_ptr_array_index (plan->stations, pin->station_index);

          if (pin->machine < 1 || pin->machine > st->machines)
            {
              g_autofree char *q = takt_quote (st->id);

              takt_checker_add (c, g_strdup_printf ("pins[%u].machine", i),
                                "must be between 1 and %" G_GINT64_FORMAT " (station %s has %"
                                G_GINT64_FORMAT " machine%s)",
                                st->machines, q, st->machines, st->machines == 1 ? "" : "s");
            }
        }
      else
        check_count (c, pin->machine, 1, TAKT_PLAN_MAX_MACHINES, g_strdup_printf ("pins[%u].machine", i));
    }

  /* all units together, reported where most of them come from */
  {
    gint64 parts[N_UNITS];
    gint64 units = 0;
    int most = 0;

    count_units (plan, parts);
    for (int k = 0; k < N_UNITS; k++)
      {
        units += parts[k];
        if (parts[k] > parts[most])
          most = k;
      }
    if (units > TAKT_PLAN_MAX_UNITS)
      takt_checker_add (c, g_strdup (units_section[most]),
                        "the plan asks for %" G_GINT64_FORMAT " units in all (orders, forecast, "
                        "campaigns, pins and smallest runs), more than the limit of %" G_GINT64_FORMAT,
                        units, TAKT_PLAN_MAX_UNITS);
  }

  /* settings */
  if ((int) plan->settings.strategy < 0 || plan->settings.strategy >= TAKT_N_STRATEGIES)
    PROBLEM (c, "unknown strategy", "settings.strategy");
  check_count (c, plan->settings.time_limit_ms, 0, G_MAXINT64, g_strdup ("settings.time_limit_ms"));
  if (plan->settings.seed > (guint64) G_MAXINT64)
    PROBLEM (c, "must be <= 9223372036854775807", "settings.seed");

  g_hash_table_unref (stations.index);
  g_hash_table_unref (products.index);
}

static int
compare_shifts (gconstpointer a,
                gconstpointer b)
{
  const TaktShift *sa = a, *sb = b;

  if (sa->from != sb->from)
    return sa->from < sb->from ? -1 : 1;
  return (sa->to > sb->to) - (sa->to < sb->to);
}

static int
compare_exceptions (gconstpointer a,
                    gconstpointer b)
{
  const TaktCalendarException *ea = *(TaktCalendarException * const *) a;
  const TaktCalendarException *eb = *(TaktCalendarException * const *) b;

  return (ea->date > eb->date) - (ea->date < eb->date);
}

static void
normalise_calendar (TaktCalendar *calendar)
{
  if (calendar == NULL)
    return;
  for (int d = 0; d < 7; d++)
    g_array_sort (calendar->week[d], compare_shifts);
  g_ptr_array_sort (calendar->exceptions, compare_exceptions);
  for (guint i = 0; i < calendar->exceptions->len; i++)
    {
      TaktCalendarException *ex = g_ptr_array_index (calendar->exceptions, i);

      g_array_sort (ex->shifts, compare_shifts);
    }
}

void
takt_plan_normalise (TaktPlan *plan)
{
  normalise_calendar (plan->calendar);
  for (guint i = 0; i < plan->stations->len; i++)
    normalise_calendar (((TaktStation *) g_ptr_array_index (plan->stations, i))->calendar);
}

gboolean
takt_schedule_fits_plan (const TaktSchedule *schedule,
                         const TaktPlan     *plan)
{
  if ((int) schedule->strategy < 0 || schedule->strategy >= TAKT_N_STRATEGIES)
    return FALSE;
  for (guint i = 0; i < schedule->runs->len; i++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, i);
      const TaktProduct *product;

      if (run->product_index < 0 || (guint) run->product_index >= plan->products->len)
        return FALSE;
      product = g_ptr_array_index (plan->products, run->product_index);
      if (run->steps->len != product->routing->len)
        return FALSE;
      for (guint k = 0; k < run->steps->len; k++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, k);
          const TaktStep *routing_step = g_ptr_array_index (product->routing, k);
          const TaktStation *station;

          if (step->station_index < 0 || (guint) step->station_index >= plan->stations->len ||
              g_strcmp0 (((const TaktStation *) g_ptr_array_index (plan->stations, step->station_index))->id,
                         routing_step->station) != 0)
            return FALSE;
          station = g_ptr_array_index (plan->stations, step->station_index);
          if (step->machine < 1 || step->machine > station->machines)
            return FALSE;
        }
      for (guint k = 0; k < run->covers->len; k++)
        if (g_array_index (run->covers, TaktCover, k).demand == NULL)
          return FALSE;
    }
  return TRUE;
}

GPtrArray *
takt_plan_check (TaktPlan *plan)
{
  TaktChecker checker;
  GPtrArray *problems;

  g_return_val_if_fail (plan != NULL, NULL);

  takt_checker_init (&checker);
  takt_plan_check_rules (plan, &checker);
  problems = g_steal_pointer (&checker.problems);
  takt_checker_clear (&checker);
  if (problems->len == 0)
    takt_plan_normalise (plan);
  return problems;
}
