/* test-hostile.c — takt-cli on hostile and absurd plans
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   test-hostile [GLib test options] PATH-TO-takt-cli
 *
 * Every case runs `takt-cli validate` or `takt-cli plan --json` with a work
 * bound, under a time bound, and expects either a refusal (exit 1) with a
 * clear message naming the problem, or a plan (exit 0) — never a crash, a
 * hang or a runaway allocation.  Plans that cannot be met report their
 * unmet units.
 */

#define G_LOG_DOMAIN "test-hostile"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "takt-hardening.h"
#include "takt-plan.h"
#ifdef TAKT_HARDENING_HAVE_CSV
#include "takt-import-csv.h"
#endif

/* Generous: the slowest case takes well under a second without sanitizers. */
#define TIME_BOUND_S 60.0

static char *cli;

typedef enum
{
  REFUSED,    /* exit 1 and the message in stderr */
  PLANNED,    /* exit 0; the JSON summary is checked */
} Outcome;

typedef enum
{
  UNMET_NONE,
  UNMET_SOME,
  UNMET_ANY,
} Unmet;

typedef struct
{
  const char *name;
  const char *command;        /* "validate" or "plan" */
  char       *document;       /* NULL: @path is used as it is */
  const char *path;           /* a path to give instead of a file */
  gssize      length;         /* of @document; -1: up to its NUL */
  gint64      sparse_size;    /* > 0: the file is this long, all holes */
  Outcome     outcome;
  const char *message;        /* REFUSED: a part of stderr */
  Unmet       unmet;          /* PLANNED: what unmet_units must be */
} Case;

/* A plan around the parts a case changes; NULL takes the default. */
static char *
doc (const char *days,
     const char *calendar,
     const char *stations,
     const char *products,
     const char *orders,
     const char *extra)
{
  return g_strdup_printf (
    "{\n"
    "  \"format\": \"takt-plan\",\n"
    "  \"version\": 1,\n"
    "  \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": %s },\n"
    "%s%s%s"
    "  \"stations\": [ %s ],\n"
    "  \"products\": [ %s ],\n"
    "  \"orders\": [ %s ]%s%s\n"
    "}\n",
    days != NULL ? days : "14",
    calendar != NULL ? "  \"calendar\": " : "", calendar != NULL ? calendar : "", calendar != NULL ? ",\n" : "",
    stations != NULL ? stations : "{ \"id\": \"m\", \"machines\": 2 }",
    products != NULL ? products :
      "{ \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 600, \"setup_s\": 300 } ] }",
    orders != NULL ? orders :
      "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 10, \"due\": \"2026-12-03T12:00\" }",
    extra != NULL ? ",\n  " : "", extra != NULL ? extra : "");
}

static char *
repeat (const char *piece,
        guint       n,
        const char *separator)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && separator != NULL)
        g_string_append (s, separator);
      g_string_append (s, piece);
    }
  return g_string_free (s, FALSE);
}

/* Checks the plan that `plan --out` wrote: Takt reads it back, with the
 * schedule it computed (a schedule that does not fit is dropped silently
 * on load, which would lose the plan without a word). */
static void
check_written (const char *path,
               gint64      runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = takt_plan_load_from_file (path, &error);

  g_assert_no_error (error);
  if (plan == NULL)
    return;
  if (runs > 0)
    {
      g_assert_nonnull (plan->schedule);
      if (plan->schedule != NULL)
        g_assert_cmpint (plan->schedule->runs->len, ==, runs);
    }
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = takt_hardening_tmpdir ("takt-hostile-XXXXXX");
  g_autofree char *file = NULL;
  g_autofree char *out_file = g_build_filename (dir, "out.takt", NULL);
  TaktCliResult r;

  if (c->document != NULL)
    {
      g_autoptr(GError) error = NULL;

      file = g_build_filename (dir, "hostile.takt", NULL);
      g_file_set_contents (file, c->document, c->length, &error);
      g_assert_no_error (error);
      if (c->sparse_size > 0)
        g_assert_cmpint (truncate (file, c->sparse_size), ==, 0);
    }
  else
    file = g_strdup (c->path);

  if (g_str_equal (c->command, "validate"))
    {
      const char *argv[] = { cli, "validate", file, NULL };

      takt_cli_run (argv, dir, TIME_BOUND_S, &r);
    }
  else
    {
      const char *argv[] = { cli, "plan", file, "--evaluations", "300", "--seed", "3",
                             "--json", "--out", out_file, NULL };

      takt_cli_run (argv, dir, TIME_BOUND_S, &r);
    }

  g_test_message ("%s: exit %d in %.2f s\nstdout: %s\nstderr: %.2000s", c->name, r.exit_status,
                  r.seconds, r.out, r.err);
  g_assert_false (r.timed_out);
  g_assert_false (r.signalled);
  /* Sanitizer reports (a memory error, or the memory bound reached) go
   * to stderr and may end in exit status 1, like a refusal. */
  g_assert_null (strstr (r.err, "Sanitizer"));
  g_assert_null (strstr (r.err, "runtime error"));

  if (g_test_failed ())
    ;
  else if (c->outcome == REFUSED)
    {
      g_assert_cmpint (r.exit_status, ==, 1);
      g_assert_nonnull (strstr (r.err, c->message));
      g_assert_cmpstr (r.out, ==, "");
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (r.exit_status, ==, 0);
      json_parser_load_from_data (parser, r.out, -1, &error);
      g_assert_no_error (error);
      if (error == NULL && json_parser_get_root (parser) != NULL &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *summary = json_node_get_object (json_parser_get_root (parser));
          gint64 unmet = json_object_get_int_member_with_default (summary, "unmet_units", -1);
          gint64 runs = json_object_get_int_member_with_default (summary, "runs", -1);

          g_assert_cmpint (runs, >=, 0);
          if (c->unmet == UNMET_SOME)
            g_assert_cmpint (unmet, >, 0);
          else if (c->unmet == UNMET_NONE)
            g_assert_cmpint (unmet, ==, 0);
          else
            g_assert_cmpint (unmet, >=, 0);
          check_written (out_file, runs);
        }
      else
        g_test_fail_printf ("the summary is not a JSON object: %s", r.out);
    }

  takt_cli_result_clear (&r);
  takt_hardening_rmtree (dir);
}

static const char big_order[] =
  "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 1000000000, \"due\": \"2026-12-03T12:00\" }";

static void
add (GPtrArray  *cases,
     const char *name,
     const char *command,
     char       *document,
     Outcome     outcome,
     const char *message,
     Unmet       unmet)
{
  Case *c = g_new0 (Case, 1);

  c->name = name;
  c->command = command;
  c->document = document;
  c->length = -1;
  c->outcome = outcome;
  c->message = message;
  c->unmet = unmet;
  g_ptr_array_add (cases, c);
}

static void
add_path (GPtrArray  *cases,
          const char *name,
          const char *path,
          const char *message)
{
  Case *c = g_new0 (Case, 1);

  c->name = name;
  c->command = "validate";
  c->path = path;
  c->outcome = REFUSED;
  c->message = message;
  g_ptr_array_add (cases, c);
}

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->document);
  g_free (c);
}

static GPtrArray *
make_cases (void)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);
  g_autofree char *deep = NULL;
  g_autofree char *long_text = NULL;
  char *many = NULL;

  /* ---- horizons ---- */
  add (cases, "horizon-zero", "validate", doc ("0", NULL, NULL, NULL, NULL, NULL),
       REFUSED, "horizon.days: must be >= 1", UNMET_NONE);
  add (cases, "horizon-negative", "plan", doc ("-30", NULL, NULL, NULL, NULL, NULL),
       REFUSED, "horizon.days: must be >= 1", UNMET_NONE);
  add (cases, "horizon-absurd", "plan", doc ("1000000000", NULL, NULL, NULL, NULL, NULL),
       REFUSED, "horizon.days: must be <= 3660", UNMET_NONE);
  add (cases, "horizon-fraction", "validate", doc ("1.5", NULL, NULL, NULL, NULL, NULL),
       REFUSED, "horizon.days: must be a whole number, not 1.5", UNMET_NONE);
  add (cases, "horizon-ten-years", "plan",
       doc ("3660", NULL, NULL, NULL,
            "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 10, \"due\": \"2036-11-01T12:00\" }",
            NULL),
       PLANNED, NULL, UNMET_NONE);
  add (cases, "horizon-one-day-late-demand", "plan",
       doc ("1", NULL, NULL, NULL,
            "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 500, \"due\": \"2026-12-01T01:00\" }",
            NULL),
       PLANNED, NULL, UNMET_NONE);

  /* ---- working time ---- */
  add (cases, "calendar-never-works", "plan",
       doc (NULL, "{ \"week\": {} }", NULL, NULL, NULL, NULL),
       PLANNED, NULL, UNMET_SOME);
  add (cases, "calendar-only-closed-exceptions", "plan",
       doc ("3", "{ \"week\": {}, \"exceptions\": [ { \"date\": \"2026-12-01\" } ] }",
            NULL, NULL, NULL, NULL),
       PLANNED, NULL, UNMET_SOME);
  add (cases, "calendar-one-minute-a-week", "plan",
       doc ("60", "{ \"week\": { \"sun\": [[\"23:59\", \"24:00\"]] } }", NULL, NULL,
            "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 50, \"due\": \"2026-12-03T12:00\" }",
            NULL),
       PLANNED, NULL, UNMET_NONE);

  {
    /* A busy week (100 short shifts a day) and an order due in 9999: the
     * working time is listed about ten years on, not to the due date (a
     * list of 290 million intervals ran out of memory). */
    GString *week = g_string_new ("{ \"week\": {");
    const char *days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

    for (guint d = 0; d < G_N_ELEMENTS (days); d++)
      {
        g_string_append_printf (week, "%s \"%s\": [", d > 0 ? "," : "", days[d]);
        for (int m = 0; m < 400; m += 4)
          g_string_append_printf (week, "%s[\"%02d:%02d\", \"%02d:%02d\"]", m > 0 ? ", " : "",
                                  m / 60, m % 60, (m + 1) / 60, (m + 1) % 60);
        g_string_append_c (week, ']');
      }
    g_string_append (week, " } }");
    add (cases, "busy-calendar-due-in-9999", "plan",
         doc (NULL, week->str, NULL, NULL,
              "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 5, \"due\": \"9999-12-31T00:00\" }",
              NULL),
         PLANNED, NULL, UNMET_NONE);
    g_string_free (week, TRUE);
  }

  /* ---- routings and stations ---- */
  add (cases, "routing-loops-on-one-station", "plan",
       doc (NULL, NULL, NULL,
            "{ \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 60 }, "
            "{ \"station\": \"m\", \"cycle_s\": 60, \"setup_s\": 60 }, "
            "{ \"station\": \"m\", \"cycle_s\": 30 }, { \"station\": \"m\", \"cycle_s\": 90 } ] }",
            NULL, NULL),
       PLANNED, NULL, UNMET_NONE);
  add (cases, "routing-to-a-missing-station", "plan",
       doc (NULL, NULL, NULL,
            "{ \"id\": \"p\", \"routing\": [ { \"station\": \"paint\", \"cycle_s\": 60 } ] }",
            NULL, NULL),
       REFUSED, "products[0].routing[0].station: no station \"paint\"", UNMET_NONE);
  add (cases, "routing-empty", "validate",
       doc (NULL, NULL, NULL, "{ \"id\": \"p\", \"routing\": [] }", NULL, NULL),
       REFUSED, "products[0].routing: must list at least one step", UNMET_NONE);
  add (cases, "product-no-station-can-make", "plan",
       doc (NULL, NULL,
            "{ \"id\": \"m\" }, { \"id\": \"dead\", \"calendar\": { \"week\": {} } }",
            "{ \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 60 } ] }, "
            "{ \"id\": \"q\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 60 }, "
            "{ \"station\": \"dead\", \"cycle_s\": 60 } ] }",
            "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 5, \"due\": \"2026-12-03T12:00\" }, "
            "{ \"id\": \"o2\", \"product\": \"q\", \"quantity\": 5, \"due\": \"2026-12-03T12:00\" }",
            NULL),
       PLANNED, NULL, UNMET_SOME);
  add (cases, "no-stations", "validate",
       doc (NULL, NULL, "", NULL, NULL, NULL),
       REFUSED, "stations: must list at least one station", UNMET_NONE);

  /* ---- pins ---- */
  add (cases, "pin-before-the-horizon", "plan",
       doc (NULL, NULL, NULL, NULL, NULL,
            "\"pins\": [ { \"product\": \"p\", \"quantity\": 5, \"station\": \"m\", "
            "\"machine\": 1, \"start\": \"2026-11-20T08:00\" } ]"),
       PLANNED, NULL, UNMET_NONE);
  add (cases, "pin-years-before-the-horizon", "plan",
       doc (NULL, NULL, NULL, NULL, NULL,
            "\"pins\": [ { \"product\": \"p\", \"quantity\": 5, \"station\": \"m\", "
            "\"machine\": 1, \"start\": \"1000-01-01T00:00\" } ]"),
       PLANNED, NULL, UNMET_NONE);
  add (cases, "pin-on-a-missing-machine", "validate",
       doc (NULL, NULL, NULL, NULL, NULL,
            "\"pins\": [ { \"product\": \"p\", \"quantity\": 5, \"station\": \"m\", "
            "\"machine\": 3, \"start\": \"2026-12-02T08:00\" } ]"),
       REFUSED, "pins[0].machine: must be between 1 and 2", UNMET_NONE);
  add (cases, "pins-clashing", "plan",
       doc (NULL, NULL, NULL, NULL, NULL,
            "\"pins\": [ { \"product\": \"p\", \"quantity\": 50, \"station\": \"m\", "
            "\"machine\": 1, \"start\": \"2026-12-02T08:00\" }, "
            "{ \"product\": \"p\", \"quantity\": 50, \"station\": \"m\", "
            "\"machine\": 1, \"start\": \"2026-12-02T09:00\" } ]"),
       PLANNED, NULL, UNMET_NONE);

  /* ---- quantities and durations ---- */
  add (cases, "quantity-over-the-limit", "validate",
       doc (NULL, NULL, NULL, NULL,
            "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 1000000001, \"due\": \"2026-12-03T12:00\" }",
            NULL),
       REFUSED, "orders[0].quantity: must be <= 1000000000", UNMET_NONE);
  add (cases, "quantity-beyond-64-bits", "validate",
       doc (NULL, NULL, NULL, NULL,
            "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 99999999999999999999, \"due\": \"2026-12-03T12:00\" }",
            NULL),
       REFUSED, "does not fit in 64 bits", UNMET_NONE);
  add (cases, "number-beyond-double", "validate",
       doc (NULL, NULL, NULL,
            "{ \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 60 } ], \"price\": 1e400 }",
            NULL, NULL),
       REFUSED, "the number is out of range", UNMET_NONE);
  /* The planner times every unit: 10^9 of them would need gigabytes. */
  add (cases, "quantity-huge-order", "plan",
       doc (NULL, NULL, NULL, NULL, big_order, NULL),
       REFUSED, "orders: the plan asks for 1000000001 units in all (orders, forecast, campaigns, "
                "pins and smallest runs), more than the limit of 10000000", UNMET_NONE);
  add (cases, "quantity-huge-smallest-run", "plan",
       doc (NULL, NULL, NULL,
            "{ \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 60 } ], \"min_run\": 1000000000 }",
            NULL, NULL),
       REFUSED, "products: the plan asks for 1000000010 units in all", UNMET_NONE);
  add (cases, "quantity-huge-pin", "plan",
       doc (NULL, NULL, NULL, NULL, NULL,
            "\"pins\": [ { \"product\": \"p\", \"quantity\": 1000000000, \"station\": \"m\", "
            "\"machine\": 1, \"start\": \"2026-12-02T08:00\" } ]"),
       REFUSED, "pins: the plan asks for 1000000011 units in all", UNMET_NONE);
  {
    g_autofree char *orders = repeat ("{ \"id\": \"o\", \"product\": \"p\", \"quantity\": 1000000, "
                                      "\"due\": \"2026-12-03T12:00\" }", 11, ", ");
    char *o = orders;

    /* Eleven orders of a million (ids o0 … o9, oa). */
    for (int k = 0; (o = strstr (o, "\"o\"")) != NULL; k++, o++)
      o[1] = "0123456789a"[k];
    add (cases, "units-over-the-limit-in-all", "validate",
         doc (NULL, NULL, NULL, NULL, orders, NULL),
         REFUSED, "orders: the plan asks for 11000001 units in all", UNMET_NONE);
  }
  add (cases, "durations-at-the-limit", "plan",
       doc (NULL, NULL, NULL,
            "{ \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 100000000, "
            "\"setup_s\": 100000000 }, { \"station\": \"m\", \"cycle_s\": 100000000 } ] }",
            "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 1000, \"due\": \"2026-12-03T12:00\" }",
            NULL),
       PLANNED, NULL, UNMET_ANY);
  add (cases, "work-beyond-year-9999", "plan",
       doc (NULL, NULL, NULL,
            "{ \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 100000000 } ] }",
            "{ \"id\": \"o1\", \"product\": \"p\", \"quantity\": 100000, \"due\": \"2026-12-03T12:00\" }",
            NULL),
       PLANNED, NULL, UNMET_SOME);
  /* A horizon in the last days of 9999: what would end after the year is
   * left unmet, what fits is planned, and the file loads again. */
  add (cases, "horizon-at-the-end-of-time", "plan",
       g_strdup ("{ \"format\": \"takt-plan\", \"version\": 1,\n"
                 "  \"horizon\": { \"start\": \"9999-12-20T00:00\", \"days\": 10 },\n"
                 "  \"stations\": [ { \"id\": \"m\" } ],\n"
                 "  \"products\": [ { \"id\": \"p\", \"routing\": [ { \"station\": \"m\", \"cycle_s\": 86400 } ] } ],\n"
                 "  \"orders\": [ { \"id\": \"o1\", \"product\": \"p\", \"quantity\": 3, \"due\": \"9999-12-24T00:00\" },\n"
                 "              { \"id\": \"o2\", \"product\": \"p\", \"quantity\": 40, \"due\": \"9999-12-30T00:00\" } ] }\n"),
       PLANNED, NULL, UNMET_SOME);
  add (cases, "campaign-too-many-units", "validate",
       doc (NULL, NULL, NULL, NULL, NULL,
            "\"campaigns\": [ { \"id\": \"c\", \"start\": \"2026-12-01\", \"end\": \"2026-12-02\", "
            "\"impressions\": 1000000000000, \"conversion_per_mille\": 1000, "
            "\"products\": [ { \"product\": \"p\" } ] } ]"),
       REFUSED, "campaigns[0]: brings more than 1000000000 units", UNMET_NONE);
  add (cases, "campaign-ten-years", "plan",
       doc (NULL, NULL, NULL, NULL, NULL,
            "\"campaigns\": [ { \"id\": \"c\", \"start\": \"2026-12-01\", \"end\": \"2036-11-27\", "
            "\"impressions\": 1000000, \"conversion_per_mille\": 1, \"shape\": \"build\", "
            "\"products\": [ { \"product\": \"p\" } ] } ]"),
       PLANNED, NULL, UNMET_NONE);
  add (cases, "machines-over-the-limit", "validate",
       doc (NULL, NULL, "{ \"id\": \"m\", \"machines\": 10001 }", NULL, NULL, NULL),
       REFUSED, "stations[0].machines: must be <= 10000", UNMET_NONE);
  {
    /* 1000 stations of 10000 machines: the planner kept a timeline for
     * each of the 10 million (2 GB, 40 s). */
    g_autofree char *stations = NULL;
    GString *list = g_string_new ("{ \"id\": \"m\" }");

    for (int i = 0; i < 1000; i++)
      g_string_append_printf (list, ", { \"id\": \"s%d\", \"machines\": 10000 }", i);
    stations = g_string_free (list, FALSE);
    add (cases, "machines-over-the-limit-in-all", "plan", doc (NULL, NULL, stations, NULL, NULL, NULL),
         REFUSED, "stations: 10000001 machines in all, more than the limit of 100000", UNMET_NONE);
  }
  add (cases, "machines-at-the-limit", "plan",
       doc (NULL, NULL, "{ \"id\": \"m\", \"machines\": 10000 }", NULL, NULL, NULL),
       PLANNED, NULL, UNMET_NONE);

  /* ---- the text itself ---- */
  {
    g_autofree char *open = repeat ("[", 100000, NULL);
    g_autofree char *close = repeat ("]", 100000, NULL);

    deep = g_strconcat ("{ \"format\": ", open, close, " }\n", NULL);
  }
  add (cases, "nesting-100000-deep", "validate", g_steal_pointer (&deep),
       REFUSED, "nested deeper than 64 levels (the limit)", UNMET_NONE);
  {
    g_autofree char *x = repeat ("x", 70000, NULL);

    long_text = g_strdup_printf ("\"settings\": { \"x-note\": \"%s\" }", x);
  }
  add (cases, "text-70000-bytes", "validate", doc (NULL, NULL, NULL, NULL, NULL, long_text),
       REFUSED, "settings.x-note: text of 70000 bytes, more than the limit of 65536", UNMET_NONE);
  {
    g_autofree char *items = repeat ("{}", 1000001, ",");

    many = g_strdup_printf ("{ \"format\": \"takt-plan\", \"version\": 1, \"orders\": [%s] }\n", items);
  }
  add (cases, "million-and-one-orders", "validate", g_steal_pointer (&many),
       REFUSED, "orders: more than 1000000 items (the limit)", UNMET_NONE);
  {
    Case *c;

    add (cases, "nul-byte", "validate", g_strdup ("{ \"format\": \"takt-plan\" }\n"),
         REFUSED, "a NUL byte in the text", UNMET_NONE);
    c = g_ptr_array_index (cases, cases->len - 1);
    c->document[5] = '\0';
    c->length = strlen ("{ \"format\": \"takt-plan\" }\n");
  }
  {
    Case *c;

    add (cases, "file-over-256-mib", "validate", g_strdup (""),
         REFUSED, "bytes, more than the limit of 256 MiB", UNMET_NONE);
    c = g_ptr_array_index (cases, cases->len - 1);
    c->sparse_size = (gint64) 257 * 1024 * 1024;
  }
  {
    g_autofree char *dels = repeat ("\x7f", 20000, NULL);
    g_autofree char *named = g_strdup_printf ("\"name\": \"%s\"", dels);

    add (cases, "text-that-grows-when-saved", "plan",
         doc (NULL, NULL, NULL, NULL, NULL, named), PLANNED, NULL, UNMET_NONE);
  }
  add (cases, "not-utf8", "validate", g_strdup ("{ \"format\": \"takt-plan\xff\" }\n"),
       REFUSED, "not valid UTF-8", UNMET_NONE);
  add (cases, "empty-file", "validate", g_strdup (""), REFUSED, "hostile.takt", UNMET_NONE);
  add (cases, "newer-version", "plan", g_strdup ("{ \"format\": \"takt-plan\", \"version\": 2 }\n"),
       REFUSED, "version: the plan is version 2", UNMET_NONE);
  add (cases, "not-a-plan", "validate", g_strdup ("[1, 2, 3]\n"),
       REFUSED, "(document): must be an object", UNMET_NONE);

  /* ---- not regular files ---- */
  add_path (cases, "endless-device", "/dev/zero", "/dev/zero: a device, not a plan file");
  add_path (cases, "a-folder", "/", "/");
  add_path (cases, "missing-file", "/nonexistent/takt/plan.takt", "plan.takt");

  return cases;
}

#ifdef TAKT_HARDENING_HAVE_CSV
/* The CSV import refuses a device too, instead of reading it forever. */
static void
test_csv_import_device (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktCsvImport) import = takt_csv_import_new_from_file ("/dev/zero", TAKT_CSV_IMPORT_ORDERS, &error);

  g_assert_null (import);
  g_assert_nonnull (error);
  if (error != NULL)
    g_assert_nonnull (strstr (error->message, "a device, not a CSV file"));
}
#endif

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = NULL;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s [GLib test options] PATH-TO-takt-cli\n", argv[0]);
      return 2;
    }
  /* Meson passes it relative to the build folder; the cases run elsewhere. */
  cli = g_canonicalize_filename (argv[1], NULL);
  /* A case that fails goes on to the next, so that the report lists all. */
  g_test_set_nonfatal_assertions ();

  cases = make_cases ();
  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);
      g_autofree char *path = g_strdup_printf ("/hostile/%s", c->name);

      g_test_add_data_func (path, c, run_case);
    }
#ifdef TAKT_HARDENING_HAVE_CSV
  g_test_add_func ("/hostile/csv-import-endless-device", test_csv_import_device);
#endif
  return g_test_run ();
}
