/* test-plan-refusals.c — every rule of the format, broken one at a time
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case takes a small valid document, changes one value (a JSON
 * pointer and the new value, or NULL to remove the member) and checks the
 * exact message the loader gives.
 */

#define G_LOG_DOMAIN "test-plan-refusals"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "takt-plan.h"

static const char base_doc[] =
  "{\n"
  "  \"format\": \"takt-plan\",\n"
  "  \"version\": 1,\n"
  "  \"name\": \"t\",\n"
  "  \"currency\": \"EUR\",\n"
  "  \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 14 },\n"
  "  \"calendar\": {\n"
  "    \"week\": { \"mon\": [[\"06:00\", \"14:00\"], [\"14:00\", \"22:00\"]], \"tue\": [[\"06:00\", \"14:00\"]] },\n"
  "    \"exceptions\": [ { \"date\": \"2026-12-25\", \"shifts\": [] }, { \"date\": \"2026-12-24\", \"shifts\": [[\"08:00\", \"12:00\"]] } ]\n"
  "  },\n"
  "  \"stations\": [\n"
  "    { \"id\": \"print\", \"machines\": 4, \"color\": \"#3584e4\" },\n"
  "    { \"id\": \"finish\", \"calendar\": { \"week\": { \"tue\": [[\"08:00\", \"16:00\"]] } } }\n"
  "  ],\n"
  "  \"products\": [\n"
  "    { \"id\": \"vase\", \"routing\": [ { \"station\": \"print\", \"cycle_s\": 5400, \"setup_s\": 600 },\n"
  "                                    { \"station\": \"finish\", \"cycle_s\": 300 } ],\n"
  "      \"setup_cost\": 12.0, \"holding_cost_per_day\": 0.05, \"late_cost_per_day\": 2.0,\n"
  "      \"initial_stock\": 10, \"min_run\": 5, \"max_run\": 0, \"unit_cost\": 4.2, \"price\": 29.0 },\n"
  "    { \"id\": \"lamp\", \"routing\": [ { \"station\": \"print\", \"cycle_s\": 100 } ] }\n"
  "  ],\n"
  "  \"orders\": [\n"
  "    { \"id\": \"SO-1\", \"product\": \"vase\", \"quantity\": 20, \"due\": \"2026-12-05T12:00\", \"customer\": \"Shop A\" },\n"
  "    { \"id\": \"SO-2\", \"product\": \"lamp\", \"quantity\": 2, \"due\": \"2026-12-06T12:00\" }\n"
  "  ],\n"
  "  \"forecast\": [ { \"product\": \"vase\", \"date\": \"2026-12-07\", \"quantity\": 15 },\n"
  "                { \"product\": \"lamp\", \"date\": \"2026-12-07\", \"quantity\": 5 } ],\n"
  "  \"campaigns\": [\n"
  "    { \"id\": \"bf\", \"name\": \"Black Friday\", \"channel\": \"social\", \"start\": \"2026-12-10\", \"end\": \"2026-12-14\",\n"
  "      \"spend\": 1500.0, \"impressions\": 250000, \"conversion_per_mille\": 0.8, \"lag_days\": 1, \"shape\": \"launch\",\n"
  "      \"products\": [ { \"product\": \"vase\", \"share\": 0.6 }, { \"product\": \"lamp\", \"share\": 0.4 } ] },\n"
  "    { \"id\": \"news\", \"start\": \"2026-12-01\", \"end\": \"2026-12-01\", \"products\": [ { \"product\": \"lamp\" } ] }\n"
  "  ],\n"
  "  \"pins\": [ { \"product\": \"vase\", \"quantity\": 5, \"station\": \"print\", \"machine\": 2, \"start\": \"2026-12-03T06:00\" } ],\n"
  "  \"settings\": { \"strategy\": \"jit\", \"time_limit_ms\": 300, \"seed\": 1 }\n"
  "}\n";

typedef struct
{
  const char *pointer;   /* "/orders/0/quantity"; "-" appends to a list */
  const char *value;     /* JSON text, or NULL to remove the member */
  const char *message;   /* the expected "PATH: message" */
} Refusal;

static const Refusal refusals[] = {
  /* top level */
  { "/format", NULL, "format: is missing" },
  { "/format", "\"takt-pla\"", "format: must be \"takt-plan\", not \"takt-pla\"" },
  { "/version", NULL, "version: is missing" },
  { "/version", "0", "version: must be 1" },
  { "/version", "\"1\"", "version: must be a whole number, not text" },
  { "/name", "5", "name: must be text in double quotes, not a number" },
  { "/name", "null", "name: must be text in double quotes, not null" },
  { "/currency", "\"euro\"", "currency: must be a three-letter ISO 4217 code such as \"EUR\", not \"euro\"" },
  /* horizon */
  { "/horizon", NULL, "horizon: is missing" },
  { "/horizon", "[]", "horizon: must be an object { … }, not a list" },
  { "/horizon/start", NULL, "horizon.start: is missing" },
  { "/horizon/start", "\"2026-12-01\"",
    "horizon.start: must be a date-time YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, not \"2026-12-01\"" },
  { "/horizon/days", "0", "horizon.days: must be >= 1" },
  { "/horizon/days", "3661", "horizon.days: must be <= 3660" },
  { "/horizon/days", "1.5", "horizon.days: must be a whole number, not 1.5" },
  { "/horizon/days", "\"7\"", "horizon.days: must be a whole number, not text" },
  /* calendar */
  { "/calendar", "\"24/7\"", "calendar: must be an object { … }, not text" },
  { "/calendar/week/mon/0/0", "\"6:00\"", "calendar.week.mon[0][0]: must be a time HH:MM (00:00 to 23:59), not \"6:00\"" },
  { "/calendar/week/mon/0/0", "\"24:00\"", "calendar.week.mon[0][0]: \"24:00\" can only end a shift" },
  { "/calendar/week/mon/1/1", "\"24:30\"",
    "calendar.week.mon[1][1]: must be a time HH:MM (00:00 to 23:59, or 24:00), not \"24:30\"" },
  { "/calendar/week/mon/0", "[\"14:00\", \"06:00\"]", "calendar.week.mon[0]: the shift must end after it starts" },
  { "/calendar/week/mon/0", "[\"06:00\", \"06:00\"]", "calendar.week.mon[0]: the shift must end after it starts" },
  { "/calendar/week/mon/1", "[\"13:00\", \"22:00\"]",
    "calendar.week.mon[1]: overlaps calendar.week.mon[0] [\"06:00\", \"14:00\"]" },
  { "/calendar/week/mon/0", "[\"06:00\"]", "calendar.week.mon[0]: must be a shift [\"HH:MM\", \"HH:MM\"]" },
  { "/calendar/week/mon/0", "[\"06:00\", 14]", "calendar.week.mon[0][1]: must be a time \"HH:MM\", not a number" },
  { "/calendar/week/tue", "\"06:00-14:00\"",
    "calendar.week.tue: must be a list of shifts [[\"HH:MM\", \"HH:MM\"], …], not text" },
  { "/calendar/week/monday", "[]", "calendar.week.monday: unknown weekday (use mon, tue, wed, thu, fri, sat or sun)" },
  { "/calendar/exceptions/0/date", "\"2026-12-32\"", "calendar.exceptions[0].date: must be a date YYYY-MM-DD, not \"2026-12-32\"" },
  { "/calendar/exceptions/0/date", NULL, "calendar.exceptions[0].date: is missing" },
  { "/calendar/exceptions/1/date", "\"2026-12-25\"",
    "calendar.exceptions[1].date: duplicate date 2026-12-25 (also calendar.exceptions[0])" },
  { "/calendar/exceptions/1/shifts/-", "[\"11:00\", \"13:00\"]",
    "calendar.exceptions[1].shifts[1]: overlaps calendar.exceptions[1].shifts[0] [\"08:00\", \"12:00\"]" },
  { "/calendar/exceptions", "{}", "calendar.exceptions: must be a list [ … ], not an object" },
  /* stations */
  { "/stations", NULL, "stations: is missing" },
  { "/stations", "[]", "stations: must list at least one station" },
  { "/stations/1", "\"finish\"", "stations[1]: must be an object { … }, not text" },
  { "/stations/1/id", NULL, "stations[1].id: is missing" },
  { "/stations/1/id", "\"\"", "stations[1].id: must not be empty" },
  { "/stations/-", "{ \"id\": \"print\" }", "stations[2].id: duplicate id \"print\" (also stations[0])" },
  { "/stations/0/machines", "0", "stations[0].machines: must be >= 1" },
  { "/stations/0/machines", "2.5", "stations[0].machines: must be a whole number, not 2.5" },
  { "/stations/0/machines", "20000", "stations[0].machines: must be <= 10000" },
  /* Ten stations of 10000 machines and one more machine. */
  { "/stations", "[ { \"id\": \"print\", \"machines\": 10000 }, { \"id\": \"finish\", \"machines\": 10000 }, "
                 "{ \"id\": \"m1\", \"machines\": 10000 }, { \"id\": \"m2\", \"machines\": 10000 }, "
                 "{ \"id\": \"m3\", \"machines\": 10000 }, { \"id\": \"m4\", \"machines\": 10000 }, "
                 "{ \"id\": \"m5\", \"machines\": 10000 }, { \"id\": \"m6\", \"machines\": 10000 }, "
                 "{ \"id\": \"m7\", \"machines\": 10000 }, { \"id\": \"m8\", \"machines\": 10000 }, "
                 "{ \"id\": \"m9\" } ]",
    "stations: 100001 machines in all, more than the limit of 100000" },
  { "/stations/0/color", "\"blue\"", "stations[0].color: must be a color \"#rrggbb\", not \"blue\"" },
  { "/stations/0/color", "\"#3584e\"", "stations[0].color: must be a color \"#rrggbb\", not \"#3584e\"" },
  { "/stations/1/calendar/week/tue/0/1", "\"25:00\"",
    "stations[1].calendar.week.tue[0][1]: must be a time HH:MM (00:00 to 23:59, or 24:00), not \"25:00\"" },
  /* products */
  { "/products", NULL, "products: is missing" },
  { "/products", "[]", "products: must list at least one product" },
  { "/products/-", "{ \"id\": \"vase\", \"routing\": [ { \"station\": \"print\", \"cycle_s\": 1 } ] }",
    "products[2].id: duplicate id \"vase\" (also products[0])" },
  { "/products/0/routing", NULL, "products[0].routing: is missing" },
  { "/products/0/routing", "[]", "products[0].routing: must list at least one step" },
  { "/products/0/routing/0/cycle_s", "0", "products[0].routing[0].cycle_s: must be > 0" },
  { "/products/0/routing/0/cycle_s", NULL, "products[0].routing[0].cycle_s: is missing" },
  { "/products/0/routing/0/cycle_s", "99.5", "products[0].routing[0].cycle_s: must be a whole number, not 99.5" },
  { "/products/0/routing/0/setup_s", "-1", "products[0].routing[0].setup_s: must be >= 0" },
  { "/products/0/routing/1/station", "\"paint\"", "products[0].routing[1].station: no station \"paint\"" },
  { "/products/0/routing/1/station", NULL, "products[0].routing[1].station: is missing" },
  { "/products/0/min_run", "0", "products[0].min_run: must be >= 1" },
  { "/products/0/max_run", "3", "products[0].max_run: must be 0 (no bound) or >= min_run (5)" },
  { "/products/0/max_run", "-1", "products[0].max_run: must be 0 (no bound) or >= min_run (5)" },
  { "/products/0/initial_stock", "-1", "products[0].initial_stock: must be >= 0" },
  { "/products/0/setup_cost", "-12.0", "products[0].setup_cost: must be >= 0" },
  { "/products/0/holding_cost_per_day", "\"cheap\"", "products[0].holding_cost_per_day: must be a number, not text" },
  { "/products/0/late_cost_per_day", "-0.5", "products[0].late_cost_per_day: must be >= 0" },
  { "/products/0/unit_cost", "true", "products[0].unit_cost: must be a number, not true/false" },
  { "/products/0/price", "-1", "products[0].price: must be >= 0" },
  { "/products/1/color", "\"#zzzzzz\"", "products[1].color: must be a color \"#rrggbb\", not \"#zzzzzz\"" },
  /* orders */
  { "/orders", "{}", "orders: must be a list [ … ], not an object" },
  { "/orders/0/id", "\"SO-2\"", "orders[1].id: duplicate id \"SO-2\" (also orders[0])" },
  { "/orders/1/id", "\"SO-1\"", "orders[1].id: duplicate id \"SO-1\" (also orders[0])" },
  { "/orders/0/id", "\"forecast:vase\"",
    "orders[0].id: must not start with \"forecast:\" or \"campaign:\" (those name other demand)" },
  { "/orders/1/product", "\"vaze\"", "orders[1].product: no product \"vaze\"" },
  { "/orders/1/product", NULL, "orders[1].product: is missing" },
  { "/orders/0/quantity", "1.5", "orders[0].quantity: must be a whole number, not 1.5" },
  { "/orders/0/quantity", "0", "orders[0].quantity: must be >= 1" },
  { "/orders/0/quantity", "1000000001", "orders[0].quantity: must be <= 1000000000" },
  /* All units together: the base plan asks for 253 (orders 22, forecast
   * 20, campaign "bf" 200, the pin 5, min_run 5 + 1); 9999749 for SO-2
   * brings it to the limit, one more is over. */
  { "/orders/1/quantity", "9999750",
    "orders: the plan asks for 10000001 units in all (orders, forecast, campaigns, pins and smallest runs), "
    "more than the limit of 10000000" },
  { "/products/1/min_run", "10000000",
    "products: the plan asks for 10000252 units in all (orders, forecast, campaigns, pins and smallest runs), "
    "more than the limit of 10000000" },
  { "/pins/0/quantity", "9999753",
    "pins: the plan asks for 10000001 units in all (orders, forecast, campaigns, pins and smallest runs), "
    "more than the limit of 10000000" },
  { "/orders/0/due", "\"2026-12-05 12:00\"",
    "orders[0].due: must be a date-time YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, not \"2026-12-05 12:00\"" },
  { "/orders/0/due", "\"2026-02-29T12:00\"",
    "orders[0].due: must be a date-time YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, not \"2026-02-29T12:00\"" },
  { "/orders/0/customer", "42", "orders[0].customer: must be text in double quotes, not a number" },
  /* forecast */
  { "/forecast/0/date", "\"2026-12-07T00:00\"", "forecast[0].date: must be a date YYYY-MM-DD, not \"2026-12-07T00:00\"" },
  { "/forecast/1/product", "\"vase\"", "forecast[1]: same product and date as forecast[0]" },
  { "/forecast/0/product", "\"bowl\"", "forecast[0].product: no product \"bowl\"" },
  { "/forecast/0/quantity", "-3", "forecast[0].quantity: must be >= 1" },
  /* campaigns */
  { "/campaigns/1/id", "\"bf\"", "campaigns[1].id: duplicate id \"bf\" (also campaigns[0])" },
  { "/campaigns/0/channel", "\"tv\"",
    "campaigns[0].channel: unknown channel \"tv\" (use social, email, search, display, video, print, event or other)" },
  { "/campaigns/0/shape", "\"spike\"", "campaigns[0].shape: unknown shape \"spike\" (use flat, launch or build)" },
  { "/campaigns/0/end", "\"2026-12-09\"", "campaigns[0].end: must not be before start (2026-12-10)" },
  { "/campaigns/0/start", NULL, "campaigns[0].start: is missing" },
  { "/campaigns/0/spend", "-1500", "campaigns[0].spend: must be >= 0" },
  { "/campaigns/0/impressions", "-5", "campaigns[0].impressions: must be >= 0" },
  { "/campaigns/0/conversion_per_mille", "2000", "campaigns[0].conversion_per_mille: must be <= 1000 (every impression converts)" },
  { "/campaigns/0/lag_days", "-1", "campaigns[0].lag_days: must be >= 0" },
  { "/campaigns/0/products", "[]", "campaigns[0].products: must list at least one product" },
  { "/campaigns/0/products/1/share", "0", "campaigns[0].products[1].share: must be > 0" },
  { "/campaigns/0/products/1/product", "\"lampe\"", "campaigns[0].products[1].product: no product \"lampe\"" },
  { "/campaigns/0/products/1/product", "\"vase\"",
    "campaigns[0].products[1].product: \"vase\" is listed twice (also campaigns[0].products[0])" },
  /* pins */
  { "/pins/0/station", "\"finish\"", "pins[0].station: must be \"print\", the first station of product \"vase\"" },
  { "/pins/0/station", "\"oven\"", "pins[0].station: no station \"oven\"" },
  { "/pins/0/machine", "5", "pins[0].machine: must be between 1 and 4 (station \"print\" has 4 machines)" },
  { "/pins/0/machine", "0", "pins[0].machine: must be between 1 and 4 (station \"print\" has 4 machines)" },
  { "/pins/0/machine", NULL, "pins[0].machine: is missing" },
  { "/pins/0/product", "\"bowl\"", "pins[0].product: no product \"bowl\"" },
  { "/pins/0/quantity", "0", "pins[0].quantity: must be >= 1" },
  { "/pins/0/start", "\"tomorrow\"", "pins[0].start: must be a date-time YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, not \"tomorrow\"" },
  /* settings */
  { "/settings/strategy", "\"fast\"", "settings.strategy: unknown strategy \"fast\" (use jit, level or asap)" },
  { "/settings/time_limit_ms", "-1", "settings.time_limit_ms: must be >= 0" },
  { "/settings/seed", "-1", "settings.seed: must be >= 0" },
  { "/settings", "true", "settings: must be an object { … }, not true/false" },
};

/* ---- applying a change to the base document ---- */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
apply_change (JsonNode   *root,
              const char *pointer,
              const char *value)
{
  g_auto(GStrv) tokens = g_strsplit (pointer + 1, "/", -1);
  guint n = g_strv_length (tokens);
  JsonNode *node = root;
  const char *last;

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), tokens[i]);
      else
        node = json_array_get_element (json_node_get_array (node), (guint) atoi (tokens[i]));
      g_assert_nonnull (node);
    }

  last = tokens[n - 1];
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (value == NULL)
        json_object_remove_member (object, last);
      else
        json_object_set_member (object, last, parse_json (value));
    }
  else
    {
      JsonArray *array = json_node_get_array (node);

      if (strcmp (last, "-") == 0)
        json_array_add_element (array, parse_json (value));
      else
        {
          /* Replace element i by rebuilding the list. */
          guint index = (guint) atoi (last);
          g_autoptr(JsonArray) copy = json_array_new ();

          for (guint k = 0; k < json_array_get_length (array); k++)
            {
              if (k == index && value == NULL)
                continue;
              json_array_add_element (copy, k == index ? parse_json (value)
                                                       : json_node_copy (json_array_get_element (array, k)));
            }
          json_node_set_array (node, copy);
        }
    }
}

static char *
changed_doc (const Refusal *changes,
             guint          n_changes)
{
  g_autoptr(JsonNode) root = parse_json (base_doc);

  for (guint i = 0; i < n_changes; i++)
    apply_change (root, changes[i].pointer, changes[i].value);
  return json_to_string (root, TRUE);
}

static GError *
load_error (const char *text,
            gssize      length)
{
  GError *error = NULL;
  TaktPlan *plan = takt_plan_load_from_data (text, length, "t.takt", &error);

  g_assert_null (plan);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  return error;
}

/* ---- tests ---- */

static void
test_base_is_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = takt_plan_load_from_data (base_doc, -1, "t.takt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->campaigns->len, ==, 2);
}

static void
test_refusal (gconstpointer data)
{
  const Refusal *r = data;
  g_autofree char *doc = changed_doc (r, 1);
  g_autoptr(GError) error = load_error (doc, -1);
  g_autofree char *expected = g_strdup_printf ("t.takt: %s", r->message);

  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Distinct rules, not distinct documents: the table must keep growing with
 * the rules, never shrink below what the format promises. */
static void
test_refusal_count (void)
{
  g_autoptr(GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    g_hash_table_add (messages, (gpointer) refusals[i].message);
  g_test_message ("%u refusals, %u distinct messages", (guint) G_N_ELEMENTS (refusals),
                  g_hash_table_size (messages));
  g_assert_cmpuint (g_hash_table_size (messages), >=, 100);
}

static void
test_many_problems (void)
{
  const Refusal changes[] = {
    { "/horizon/days", "0", NULL },
    { "/stations/0/machines", "-2", NULL },
    { "/products/1/routing/0/cycle_s", "-5", NULL },
    { "/orders/0/product", "\"vaze\"", NULL },
    { "/orders/1/quantity", "\"two\"", NULL },
    { "/campaigns/0/channel", "\"radio\"", NULL },
    { "/calendar/week/sun", "[[\"10:00\", \"09:00\"]]", NULL },
    { "/pins/0/start", NULL, NULL },
    { "/settings/seed", "0.5", NULL },
  };
  /* Listed in the order of the document, whichever pass found them. */
  const char *expected[] = {
    "t.takt: horizon.days: must be >= 1",
    "t.takt: calendar.week.sun[0]: the shift must end after it starts",
    "t.takt: stations[0].machines: must be >= 1",
    "t.takt: products[1].routing[0].cycle_s: must be > 0",
    "t.takt: orders[0].product: no product \"vaze\"",
    "t.takt: orders[1].quantity: must be a whole number, not text",
    "t.takt: campaigns[0].channel: unknown channel \"radio\" (use social, email, search, display, video, print, event or other)",
    "t.takt: pins[0].start: is missing",
    "t.takt: settings.seed: must be a whole number, not 0.5",
  };
  g_autofree char *doc = changed_doc (changes, G_N_ELEMENTS (changes));
  g_autoptr(GError) error = load_error (doc, -1);
  g_auto(GStrv) lines = NULL;

  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (lines[i], ==, expected[i]);
}

/* A value that cannot be read is reported once, not again by every rule
 * that would have used it. */
static void
test_no_cascades (void)
{
  const struct { Refusal change; const char *message; } cases[] = {
    { { "/products/0/id", NULL, NULL }, "t.takt: products[0].id: is missing" },
    { { "/products/0/id", "7", NULL }, "t.takt: products[0].id: must be text in double quotes, not a number" },
    { { "/products/0", "[]", NULL }, "t.takt: products[0]: must be an object { … }, not a list" },
    { { "/stations/0/id", "null", NULL }, "t.takt: stations[0].id: must be text in double quotes, not null" },
    { { "/stations", "{}", NULL }, "t.takt: stations: must be a list [ … ], not an object" },
    { { "/orders/0", "5", NULL }, "t.takt: orders[0]: must be an object { … }, not a number" },
    { { "/calendar/week/mon/0/1", "\"2pm\"", NULL },
      "t.takt: calendar.week.mon[0][1]: must be a time HH:MM (00:00 to 23:59, or 24:00), not \"2pm\"" },
    { { "/campaigns/0/start", "\"soon\"", NULL },
      "t.takt: campaigns[0].start: must be a date YYYY-MM-DD, not \"soon\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = changed_doc (&cases[i].change, 1);
      g_autoptr(GError) error = load_error (doc, -1);

      g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_problem_cap (void)
{
  GString *doc = g_string_new ("{ \"format\": \"takt-plan\", \"version\": 1,"
                               " \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 7 },"
                               " \"stations\": [ { \"id\": \"m\" } ],"
                               " \"products\": [ { \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 1 } ] } ],"
                               " \"orders\": [");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (doc, "%s{ \"id\": \"o%u\", \"product\": \"p\", \"quantity\": 0, \"due\": \"2026-12-02T00:00\" }",
                            i ? "," : "", i);
  g_string_append (doc, "] }");
  error = load_error (doc->str, (gssize) doc->len);
  g_string_free (doc, TRUE);

  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, ==, 1001);
  g_assert_cmpstr (lines[0], ==, "t.takt: orders[0].quantity: must be >= 1");
  g_assert_cmpstr (lines[999], ==, "t.takt: orders[999].quantity: must be >= 1");
  g_assert_cmpstr (lines[1000], ==, "t.takt: … and 500 more problems");
}


/* Cases the change table cannot write: numbers json-glib cannot print back,
 * rules that need two changes, and a byte order mark. */
static void
test_other_refusals (void)
{
  g_auto(GStrv) parts = g_strsplit (base_doc, "\"quantity\": 20", 2);
  g_autofree char *huge = g_strjoin ("\"quantity\": 1e400", parts[0], parts[1], NULL);
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", base_doc, NULL);
  const Refusal units[] = {
    { "/campaigns/0/impressions", "1000000000000", NULL },
    { "/campaigns/0/conversion_per_mille", "1000", NULL },
  };
  g_autofree char *many_units = changed_doc (units, G_N_ELEMENTS (units));
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = NULL;

  error = load_error (huge, -1);
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "t.takt: orders[0].quantity: the number is out of range");
  g_clear_error (&error);

  error = load_error (many_units, -1);
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "t.takt: campaigns[0]: brings more than 1000000000 units (impressions / 1000 × conversion_per_mille)");
  g_clear_error (&error);

  plan = takt_plan_load_from_data (with_bom, -1, "t.takt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->name, ==, "t");
}

/* ---- syntax ---- */

static void
test_syntax_errors (void)
{
  const struct { const char *text; const char *prefix; } cases[] = {
    { "{\n  \"format\": \"takt-plan\",\n  \"version\": 1,\n  oops\n}\n", "t.takt:3:15: " },
    { "{\n  \"format\": \"takt-plan\",\n  \"version\": 1,\n}\n", "t.takt:3:15: " },
    { "{ \"a\": [1, 2 }", "t.takt:1:" },
    { "{ \"a\": 'x' }", "t.takt:1:8: strings must be in double quotes" },
    { "{ \"a\": \"line\nbreak\" }", "t.takt:1:13: a control character inside a string" },
    { "{ \"a\": \"nul \\u0000\" }", "t.takt:1:13: \\u0000 is not allowed in a string" },
    /* Half of a UTF-16 surrogate pair would come out of json-glib as bytes
     * that are not UTF-8 (found by the plan-load fuzzer in a member name). */
    { "{ \"sa\\ud83d^ude00t\": 1 }", "t.takt:1:6: \\ud83d is half of a UTF-16 surrogate pair, not a character" },
    { "{ \"a\": \"x\\uDE00\" }", "t.takt:1:10: \\uDE00 is half of a UTF-16 surrogate pair, not a character" },
    { "{ \"a\": \"\\uD83D\\u0041\" }", "t.takt:1:9: \\uD83D is half of a UTF-16 surrogate pair" },
    { "{ \"a\": \"\\uD83D\" }", "t.takt:1:9: \\uD83D is half of a UTF-16 surrogate pair" },
    { "{\n  \"ok\": \"caf\xc3\xa9\",\n  \"bad\": \"\xff\"\n}", "t.takt:3:11: the text is not valid UTF-8" },
    { "{ \"a\": 1,\n  \"b\": 2,\n  \"a\": 3 }", "t.takt:3:" },
    /* json-glib would read (and leak) a second value (found by the planner
     * fuzzer under LeakSanitizer). */
    { "{ \"a\": 1 } { \"b\": 2 }", "t.takt:1:12: text after the end of the document" },
    { "false {\"a\": {\"b\": [1]}}", "t.takt:1:7: text after the end of the document" },
    { "[1]\n  x", "t.takt:2:3: text after the end of the document" },
    { "\"a\" \"b\"", "t.takt:1:5: text after the end of the document" },
    /* json-glib's scanner leaks on a broken escape (plan-load fuzzer). */
    { "\"\\ud83\"\\ud\\ued0z", "t.takt:1:2: \\u must be followed by four hex digits" },
    { "{ \"a\": \"\\x41\" }", "t.takt:1:9: \\x is not an escape (write \\\\, \\\", \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hex digits)" },
    { "{ \"a\": \"\\\xc3\xa9\" }", "t.takt:1:9: \\\xc3\xa9 is not an escape" },
    { "", "t.takt:1:1: the document is empty" },
    { "   \n ", "t.takt:1:1: the document is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = load_error (cases[i].text, -1);

      g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, cases[i].prefix));
      g_assert_null (strchr (error->message, '\n'));
    }

  /* The line and column are the parser's, and json-glib's "<data>" is gone. */
  {
    g_autoptr(GError) error = load_error ("{\n  \"a\": 1,\n  \"b\": ,\n}", -1);

    g_assert_cmpstr (error->message, ==, "t.takt:3:8: unexpected character `,', expected character `}'");
  }
  {
    g_autoptr(GError) error = load_error ("{ \"a\": 1,\n  \"b\": 2,\n  \"a\": 3 }", -1);

    g_assert_nonnull (strstr (error->message, "the member \"a\" appears twice in the same object"));
  }
  /* A whole pair is one character, and the text after it is still scanned. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) doc = g_string_new (base_doc);
    g_autoptr(TaktPlan) plan = NULL;

    g_assert_cmpuint (g_string_replace (doc, "\"name\": \"t\"", "\"name\": \"\\ud83d\\ude00\"", 1), ==, 1);
    plan = takt_plan_load_from_data (doc->str, -1, "t.takt", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (plan->name, ==, "\xf0\x9f\x98\x80");
  }
  {
    g_autoptr(GError) error = load_error ("{ \"a\": \"\\ud83d\\ude00\\udc00\" }", -1);

    g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_SYNTAX);
    g_assert_cmpstr (error->message, ==, "t.takt:1:21: \\udc00 is half of a UTF-16 surrogate pair, not a character");
  }
  /* A NUL byte inside the given length is not a silent end of the text. */
  {
    g_autoptr(GError) error = load_error ("{ \"a\": 1 }\0garbage", 18);

    g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_SYNTAX);
    g_assert_cmpstr (error->message, ==, "t.takt:1:11: a NUL byte in the text");
  }
}

static void
test_not_an_object (void)
{
  g_autoptr(GError) error = load_error ("[1, 2, 3]", -1);

  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "t.takt: (document): must be an object { \"format\": \"takt-plan\", … }, not a list");
}

static void
test_newer_version (void)
{
  const Refusal change = { "/version", "2", NULL };
  const Refusal change_and_more[] = {
    { "/version", "7", NULL },
    { "/stations", "\"a feature of version 7\"", NULL },
  };
  g_autofree char *doc = changed_doc (&change, 1);
  g_autofree char *doc2 = changed_doc (change_and_more, G_N_ELEMENTS (change_and_more));
  g_autoptr(GError) error = load_error (doc, -1);
  g_autoptr(GError) error2 = load_error (doc2, -1);

  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "t.takt: version: the plan is version 2, but this Takt reads version 1 only; "
                   "open it with a newer Takt");
  /* Only the version is reported: the rest may be valid in version 7. */
  g_assert_error (error2, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_VERSION);
  g_assert_null (strchr (error2->message, '\n'));
}

/* ---- limits ---- */

static char *
doc_with_name (const char *name_json)
{
  return g_strdup_printf ("{ \"format\": \"takt-plan\", \"version\": 1, \"name\": %s,"
                          " \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 7 },"
                          " \"stations\": [ { \"id\": \"m\" } ],"
                          " \"products\": [ { \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 1 } ] } ] }",
                          name_json);
}

static void
test_limit_string (void)
{
  g_autofree char *ok_text = g_strnfill (65536, 'x');
  g_autofree char *long_text = g_strnfill (70000, 'x');
  g_autofree char *ok_json = g_strdup_printf ("\"%s\"", ok_text);
  g_autofree char *long_json = g_strdup_printf ("\"%s\"", long_text);
  g_autofree char *ok_doc = doc_with_name (ok_json);
  g_autofree char *long_doc = doc_with_name (long_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = takt_plan_load_from_data (ok_doc, -1, "t.takt", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (plan->name), ==, 65536);
  g_clear_error (&error);

  error = load_error (long_doc, -1);
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "t.takt: name: text of 70000 bytes, more than the limit of 65536");
  g_clear_error (&error);

  /* The limit is on the text once its escapes are read: "\u00e9" is two
   * bytes of UTF-8, "\u20ac" three, a pair four, "\n" one. */
  {
    const struct { const char *piece; guint n; gsize bytes; } cases[] = {
      { "\\u00e9", 32768, 65536 },
      { "\\u20ac", 21845, 65535 },
      { "\\ud83d\\ude00", 16384, 65536 },
      { "\\n", 65536, 65536 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GString) json = g_string_new ("\"");
        g_autofree char *doc = NULL;
        g_autofree char *doc_over = NULL;
        g_autoptr(TaktPlan) loaded = NULL;

        for (guint k = 0; k < cases[i].n; k++)
          g_string_append (json, cases[i].piece);
        g_string_append_c (json, '"');
        doc = doc_with_name (json->str);
        loaded = takt_plan_load_from_data (doc, -1, "t.takt", &error);
        g_assert_no_error (error);
        g_assert_cmpuint (strlen (loaded->name), ==, cases[i].bytes);

        /* One more character is over the limit. */
        g_string_insert (json, 1, cases[i].piece);
        doc_over = doc_with_name (json->str);
        error = load_error (doc_over, -1);
        g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE);
        g_assert_true (g_str_has_prefix (error->message, "t.takt: name: text of "));
        g_clear_error (&error);
      }
  }

  /* What Takt saves, it loads again: text at the limit made of characters
   * that the writer escapes longer than the file did (DEL as \u007f, a
   * backspace as \u0008, quotes and backslashes with a backslash). */
  {
    const char *pieces[] = { "\x7f", "\\b", "\\\"", "\\\\" };

    for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
      {
        g_autoptr(GString) json = g_string_new ("\"");
        g_autofree char *doc = NULL;
        g_autofree char *saved = NULL;
        g_autoptr(TaktPlan) loaded = NULL;
        g_autoptr(TaktPlan) reloaded = NULL;
        gsize len = 0;

        for (guint k = 0; k < 65536; k++)
          g_string_append (json, pieces[i]);
        g_string_append_c (json, '"');
        doc = doc_with_name (json->str);
        loaded = takt_plan_load_from_data (doc, -1, "t.takt", &error);
        g_assert_no_error (error);
        g_assert_cmpuint (strlen (loaded->name), ==, 65536);
        saved = takt_plan_to_data (loaded, &len);
        reloaded = takt_plan_load_from_data (saved, (gssize) len, "saved.takt", &error);
        g_assert_no_error (error);
        g_assert_cmpstr (reloaded->name, ==, loaded->name);
      }
  }
}

/* At the limit of units the plan is valid. */
static void
test_limit_units (void)
{
  g_autoptr(GString) doc = g_string_new (base_doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = NULL;

  g_assert_cmpuint (g_string_replace (doc, "\"quantity\": 2,", "\"quantity\": 9999749,", 1), ==, 1);
  plan = takt_plan_load_from_data (doc->str, -1, "t.takt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
}

static char *
nested (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static void
test_limit_nesting (void)
{
  /* The document itself is one level: 63 more are allowed, 64 are not. */
  g_autofree char *ok_value = nested (63);
  g_autofree char *deep_value = nested (64);
  g_autofree char *hostile = nested (200000);
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  g_autofree char *doc = NULL;

  doc = g_strdup_printf ("{ \"format\": \"takt-plan\", \"version\": 1, \"x-deep\": %s,"
                         " \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 7 },"
                         " \"stations\": [ { \"id\": \"m\" } ],"
                         " \"products\": [ { \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 1 } ] } ] }",
                         ok_value);
  plan = takt_plan_load_from_data (doc, -1, "t.takt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_free (doc);

  doc = g_strdup_printf ("{ \"format\": \"takt-plan\", \"version\": 1, \"x-deep\": %s }", deep_value);
  error = load_error (doc, -1);
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "t.takt:1:113: nested deeper than 64 levels (the limit)");
  g_clear_error (&error);

  /* Deep enough to overflow the stack of a recursive parser. */
  error = load_error (hostile, -1);
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE);
}

static void
test_limit_items (void)
{
  GString *doc = g_string_new ("{ \"format\": \"takt-plan\", \"version\": 1, \"orders\": [");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000001; i++)
    g_string_append (doc, i ? ",0" : "0");
  g_string_append (doc, "] }");
  error = load_error (doc->str, (gssize) doc->len);
  g_string_free (doc, TRUE);

  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "t.takt: orders: more than 1000000 items (the limit)");
}

static void
test_limit_integer (void)
{
  g_autoptr(GError) error = load_error ("{ \"format\": \"takt-plan\", \"version\": 1,"
                                        " \"orders\": [ { \"quantity\": 99999999999999999999 } ] }", -1);

  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "t.takt: orders[0].quantity: the number 99999999999999999999 does not fit in 64 bits");
}

static void
test_limit_file_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  int fd;

  /* A sparse file: 256 MiB + 1 byte on paper, nothing on disk. */
  fd = g_file_open_tmp ("takt-huge-XXXXXX.takt", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t) 256 * 1024 * 1024 + 1), ==, 0);
  close (fd);

  plan = takt_plan_load_from_file (path, &error);
  g_assert_null (plan);
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_suffix (error->message, ": the file is 268435457 bytes, more than the limit of 256 MiB"));
  g_unlink (path);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = takt_plan_load_from_file ("/nonexistent/plan.takt", &error);

  g_assert_null (plan);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/refusals/base-is-valid", test_base_is_valid);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/refusals/rule/%03u", i);

      g_test_add_data_func (name, &refusals[i], test_refusal);
    }
  g_test_add_func ("/refusals/count", test_refusal_count);
  g_test_add_func ("/refusals/many-problems", test_many_problems);
  g_test_add_func ("/refusals/no-cascades", test_no_cascades);
  g_test_add_func ("/refusals/problem-cap", test_problem_cap);
  g_test_add_func ("/refusals/other", test_other_refusals);
  g_test_add_func ("/refusals/syntax", test_syntax_errors);
  g_test_add_func ("/refusals/not-an-object", test_not_an_object);
  g_test_add_func ("/refusals/newer-version", test_newer_version);
  g_test_add_func ("/refusals/limit-string", test_limit_string);
  g_test_add_func ("/refusals/limit-units", test_limit_units);
  g_test_add_func ("/refusals/limit-nesting", test_limit_nesting);
  g_test_add_func ("/refusals/limit-items", test_limit_items);
  g_test_add_func ("/refusals/limit-integer", test_limit_integer);
  g_test_add_func ("/refusals/limit-file-size", test_limit_file_size);
  g_test_add_func ("/refusals/missing-file", test_missing_file);
  return g_test_run ();
}
