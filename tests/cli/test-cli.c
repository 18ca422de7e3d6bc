/* test-cli.c — takt-cli: exit status, messages, --json, --out
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built takt-cli (TAKT_CLI) on the sample plan (under
 * TAKT_SOURCE_ROOT) and on small documents written to a temporary folder.
 */

#define G_LOG_DOMAIN "test-cli"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "takt-plan.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static char *tmpdir;

static const char *
cli (void)
{
  const char *path = g_getenv ("TAKT_CLI");

  g_assert_nonnull (path);
  return path;
}

static char *
sample_path (void)
{
  const char *root = g_getenv ("TAKT_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "examples", "print-farm.takt", NULL);
}

/* Runs takt-cli with the NULL-terminated arguments. */
static void
run (Result *r,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli ());
  va_start (args, r);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", r->status, r->out, r->err);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_usage (void)
{
  g_auto(Result) none = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) help = { 0 };
  g_auto(Result) version = { 0 };

  run (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "Usage: takt-cli plan FILE"));

  run (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command frobnicate"));

  run (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--time-limit-ms"));

  run (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "takt-cli "));
}

static void
test_plan_usage_errors (void)
{
  g_autofree char *sample = sample_path ();
  struct
  {
    const char *args[4];
    const char *message;
  } cases[] = {
    { { "plan", NULL }, "FILE is missing" },
    { { "plan", sample, "--strategy", "pull" }, "--strategy must be jit, level or asap" },
    { { "plan", sample, "--time-limit-ms", "-5" }, "--time-limit-ms needs a whole number" },
    { { "plan", sample, "--evaluations", "many" }, "--evaluations needs a whole number" },
    { { "plan", sample, "--seed", NULL }, "--seed needs a value" },
    { { "plan", sample, "--frobnicate", NULL }, "unknown option --frobnicate" },
    { { "plan", sample, "--json=yes", NULL }, "--json takes no value" },
    { { "plan", sample, "--out=", NULL }, "--out needs a file name" },
    { { "plan", "-x", sample, NULL }, "unknown option -x" },
    { { "plan", sample, sample, NULL }, "only one FILE" },
    { { "validate", NULL }, "FILE is missing" },
    { { "validate", sample, "--json", NULL }, "unknown option --json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { 0 };

      run (&r, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3], NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, cases[i].message));
      g_assert_nonnull (strstr (r.err, "Usage: takt-cli"));
      g_assert_cmpstr (r.out, ==, "");
    }
}

static void
test_validate (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *broken = write_temp ("broken.takt", "{\n  \"format\": \"takt-plan\",\n  \"version\": 1,\n  oops\n}\n");
  g_autofree char *invalid = write_temp ("invalid.takt",
                                         "{ \"format\": \"takt-plan\", \"version\": 1,\n"
                                         "  \"horizon\": { \"start\": \"2026-01-05T00:00\", \"days\": 3 },\n"
                                         "  \"stations\": [ { \"id\": \"a\" } ],\n"
                                         "  \"products\": [ { \"id\": \"p\", \"routing\": [ { \"station\": \"a\", \"cycle_s\": 0 } ] } ] }\n");
  g_autofree char *missing = g_build_filename (tmpdir, "missing.takt", NULL);
  g_autofree char *ok_line = g_strdup_printf ("%s: ok (8 products, 5 stations, 60 orders, 4 campaigns)\n", sample);
  g_auto(Result) ok = { 0 };
  g_auto(Result) syntax = { 0 };
  g_auto(Result) rules = { 0 };
  g_auto(Result) absent = { 0 };

  run (&ok, "validate", sample, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==, ok_line);

  run (&syntax, "validate", broken, NULL);
  g_assert_cmpint (syntax.status, ==, 1);
  g_assert_true (g_str_has_prefix (syntax.err, broken));
  g_assert_true (g_regex_match_simple ("^[^\n]*broken\\.takt:[0-9]+:[0-9]+: ", syntax.err, 0, 0));

  run (&rules, "validate", invalid, NULL);
  g_assert_cmpint (rules.status, ==, 1);
  g_assert_nonnull (strstr (rules.err, "products[0].routing[0].cycle_s"));
  g_assert_cmpstr (rules.out, ==, "");

  run (&absent, "validate", missing, NULL);
  g_assert_cmpint (absent.status, ==, 1);
}

static void
test_plan_json (void)
{
  g_autofree char *sample = sample_path ();
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *obj, *cost;
  const char *keys[] = { "cost", "runs", "units", "late_units", "unmet_units",
                         "on_time_rate", "makespan_s", "plan_ms" };
  const char *cost_keys[] = { "total", "holding", "tardiness", "setup", "campaign_spend" };

  run (&r, "plan", sample, "--time-limit-ms", "0", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* One object on one line, nothing else. */
  g_assert_true (g_str_has_prefix (r.out, "{\"cost\":{\"total\":"));
  g_assert_true (g_str_has_suffix (r.out, "}\n"));
  g_assert_null (strchr (r.out, '\n') + 1 < r.out + strlen (r.out) ? strchr (strchr (r.out, '\n') + 1, '\n') : NULL);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  obj = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (obj);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (obj, keys[i]));
  cost = json_object_get_object_member (obj, "cost");
  g_assert_cmpuint (json_object_get_size (cost), ==, G_N_ELEMENTS (cost_keys));
  for (guint i = 0; i < G_N_ELEMENTS (cost_keys); i++)
    g_assert_true (json_object_has_member (cost, cost_keys[i]));

  /* The sample: no late units, the costs add up, full precision. */
  g_assert_cmpint (json_object_get_int_member (obj, "late_units"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (obj, "unmet_units"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (obj, "runs"), >, 0);
  g_assert_cmpint (json_object_get_int_member (obj, "units"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (obj, "on_time_rate"), ==, 1.0);
  g_assert_cmpint (json_object_get_int_member (obj, "makespan_s"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (obj, "plan_ms"), >=, 0);
  g_assert_cmpfloat (json_object_get_double_member (cost, "campaign_spend"), ==, 4630.0);
  g_assert_cmpfloat (ABS (json_object_get_double_member (cost, "total")
                          - json_object_get_double_member (cost, "holding")
                          - json_object_get_double_member (cost, "tardiness")
                          - json_object_get_double_member (cost, "setup")), <, 1e-9);
  g_assert_true (g_regex_match_simple ("\"holding\":[0-9]+\\.[0-9]{10,}", r.out, 0, 0));
}

static void
test_plan_summary (void)
{
  g_autofree char *sample = sample_path ();
  g_auto(Result) r = { 0 };

  run (&r, "plan", sample, "--strategy", "asap", "--time-limit-ms=0", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, sample));
  g_assert_nonnull (strstr (r.out, "asap plan"));
  g_assert_nonnull (strstr (r.out, "cost"));
}

static void
test_plan_refused (void)
{
  g_autofree char *broken = write_temp ("broken2.takt", "[1, 2");
  g_auto(Result) r = { 0 };

  run (&r, "plan", broken, "--json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_str_has_prefix (r.err, broken));
}

static char *
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

/* Bounded by work, the same input and seed give the same file. */
static void
test_out_deterministic (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *a = g_build_filename (tmpdir, "a.takt", NULL);
  g_autofree char *b = g_build_filename (tmpdir, "b.takt", NULL);
  g_autofree char *c = g_build_filename (tmpdir, "c.takt", NULL);
  g_autofree char *d = g_build_filename (tmpdir, "d.takt", NULL);
  g_autofree char *da = NULL, *db = NULL, *dc = NULL, *dd = NULL;
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };
  g_auto(Result) again = { 0 };
  g_autoptr(TaktPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;

  run (&r1, "plan", sample, "--evaluations", "300", "--seed", "7", "--out", a, NULL);
  run (&r2, "plan", sample, "--evaluations", "300", "--seed", "7", "--out", b, "--json", NULL);
  run (&r3, "plan", sample, "--time-limit-ms", "0", "--out", c, NULL);
  run (&r4, "plan", sample, "--time-limit-ms", "0", "--out", d, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_cmpint (r2.status, ==, 0);
  da = read_all (a);
  db = read_all (b);
  dc = read_all (c);
  dd = read_all (d);
  g_assert_cmpstr (da, ==, db);
  g_assert_cmpstr (dc, ==, dd);
  g_assert_nonnull (strstr (da, "\"schedule\""));
  g_assert_nonnull (strstr (da, "\"covers\""));

  /* The output is a plan document again, with its schedule. */
  loaded = takt_plan_load_from_file (a, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded->schedule);
  g_assert_cmpuint (loaded->schedule->runs->len, >, 0);
  run (&again, "validate", a, NULL);
  g_assert_cmpint (again.status, ==, 0);
}

static void
test_out_unwritable (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *out = g_build_filename (tmpdir, "no-such-folder", "x.takt", NULL);
  g_auto(Result) r = { 0 };

  run (&r, "plan", sample, "--time-limit-ms", "0", "--out", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "cannot write"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("takt-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/plan/usage-errors", test_plan_usage_errors);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/plan/json", test_plan_json);
  g_test_add_func ("/cli/plan/summary", test_plan_summary);
  g_test_add_func ("/cli/plan/refused", test_plan_refused);
  g_test_add_func ("/cli/plan/out-deterministic", test_out_deterministic);
  g_test_add_func ("/cli/plan/out-unwritable", test_out_unwritable);
  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (tmpdir);
    g_free (tmpdir);
  }
  return status;
}
