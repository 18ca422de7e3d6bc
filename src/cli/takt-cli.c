/* takt-cli.c — the planning core without a window
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   takt-cli plan FILE [--strategy jit|level|asap] [--time-limit-ms N]
 *                      [--evaluations N] [--seed N] [--out FILE.takt] [--json]
 *                      [--csv RUNS.csv] [--csv-fulfilment FILE.csv] [--csv-costs FILE.csv]
 *                      [--csv-excel] [--pdf FILE.pdf] [--paper a4|letter] [--pages-wide N]
 *   takt-cli validate FILE
 *
 * Exit status: 0 done, 1 the input was refused (or the output could not be
 * written), 2 a usage error.
 */

#define G_LOG_DOMAIN "takt-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "takt-export-csv.h"
#include "takt-planner.h"
#include "takt-report.h"
#include "takt-time.h"

#define EXIT_REFUSED 1
#define EXIT_USAGE   2

static const char usage_text[] =
  "Usage: takt-cli plan FILE [--strategy jit|level|asap] [--time-limit-ms N] [--evaluations N]\n"
  "                          [--seed N] [--out FILE.takt] [--json]\n"
  "                          [--csv RUNS.csv] [--csv-fulfilment FILE.csv] [--csv-costs FILE.csv]\n"
  "                          [--csv-excel] [--pdf FILE.pdf] [--paper a4|letter] [--pages-wide N]\n"
  "       takt-cli validate FILE\n"
  "       takt-cli --version | --help\n";

static const char help_text[] =
  "Plans just-in-time production runs for a .takt plan.\n"
  "\n"
  "Commands:\n"
  "  plan FILE        plan the document and print a summary\n"
  "  validate FILE    check the document against the plan format\n"
  "\n"
  "Options of plan:\n"
  "  --strategy S         jit (pull, the default of most plans), level (heijunka)\n"
  "                       or asap (push); default: the plan's settings\n"
  "  --time-limit-ms N    time for the improving search; 0 builds the plan without it\n"
  "  --evaluations N      bound the search by work: N candidate moves\n"
  "  --seed N             seed of the search\n"
  "  --out FILE.takt      write the document with the computed schedule\n"
  "  --json               print the summary as one JSON object\n"
  "\n"
  "Exports of the computed plan (each file is written whole or not at all):\n"
  "  --csv FILE.csv       the runs: one row per step of each run\n"
  "  --csv-fulfilment F   one row per demand: due, finish, lateness, status\n"
  "  --csv-costs F        one row per day: holding, setup, tardiness, stock, WIP\n"
  "                       Only the files named are written: --csv alone writes the\n"
  "                       runs and nothing else.\n"
  "  --csv-excel          for Excel: a byte order mark and ';' between fields\n"
  "                       (default: ',' and no byte order mark, RFC 4180)\n"
  "  --pdf FILE.pdf       the report: summary, Gantt pages, charts, campaign\n"
  "                       calendar, runs per station, late and at-risk orders\n"
  "  --paper a4|letter    paper of the report (default: from the locale)\n"
  "  --pages-wide N       spread the Gantt chart over N pages side by side\n"
  "                       (default: 60 mm or more per day)\n"
  "\n"
  "Exit status: 0 done, 1 the input was refused, 2 a usage error.\n";

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "takt-cli: %s\n%s", message, usage_text);
  return EXIT_USAGE;
}

static gboolean
parse_count (const char *str,
             guint64     max,
             guint64    *out)
{
  guint64 v;
  char *end = NULL;

  if (str == NULL || *str == '\0' || *str == '-' || *str == '+')
    return FALSE;
  errno = 0;
  v = g_ascii_strtoull (str, &end, 10);
  if (errno != 0 || end == NULL || *end != '\0' || v > max)
    return FALSE;
  *out = v;
  return TRUE;
}

static void
print_problems (const GError *error)
{
  fprintf (stderr, "%s\n", error->message);
}

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  const char *file = NULL;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "-") && strcmp (argv[i], "-") != 0)
        return usage_error ("validate: unknown option %s", argv[i]);
      if (file != NULL)
        return usage_error ("validate: only one FILE, got %s too", argv[i]);
      file = argv[i];
    }
  if (file == NULL)
    return usage_error ("validate: FILE is missing");

  plan = takt_plan_load_from_file (file, &error);
  if (plan == NULL)
    {
      print_problems (error);
      return EXIT_REFUSED;
    }
  printf ("%s: ok (%u products, %u stations, %u orders, %u campaigns)\n", file,
          plan->products->len, plan->stations->len,
          plan->orders != NULL ? plan->orders->len : 0,
          plan->campaigns != NULL ? plan->campaigns->len : 0);
  return EXIT_SUCCESS;
}

static char *
format_double (double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.17g", x));
}

static void
print_json (const TaktPlanStats *stats)
{
  g_autofree char *total = format_double (stats->total);
  g_autofree char *holding = format_double (stats->holding);
  g_autofree char *tardiness = format_double (stats->tardiness);
  g_autofree char *setup = format_double (stats->setup);
  g_autofree char *spend = format_double (stats->campaign_spend);
  g_autofree char *on_time = format_double (stats->on_time_rate);
  g_autofree char *plan_ms = format_double (stats->plan_ms);

  printf ("{\"cost\":{\"total\":%s,\"holding\":%s,\"tardiness\":%s,\"setup\":%s,\"campaign_spend\":%s},"
          "\"runs\":%" G_GINT64_FORMAT ",\"units\":%" G_GINT64_FORMAT ",\"late_units\":%" G_GINT64_FORMAT
          ",\"unmet_units\":%" G_GINT64_FORMAT ",\"on_time_rate\":%s,\"makespan_s\":%" G_GINT64_FORMAT
          ",\"plan_ms\":%s}\n",
          total, holding, tardiness, setup, spend,
          stats->runs, stats->units, stats->late_units, stats->unmet_units, on_time,
          stats->makespan_s, plan_ms);
}

static void
print_summary (const char          *file,
               const TaktPlan      *plan,
               TaktStrategy         strategy,
               const TaktPlanStats *stats)
{
  const char *currency = plan->currency != NULL ? plan->currency : "EUR";

  printf ("%s: %s plan, %" G_GINT64_FORMAT " runs, %" G_GINT64_FORMAT " units\n",
          file, takt_strategy_to_string (strategy), stats->runs, stats->units);
  printf ("  cost       %.2f %s (holding %.2f, tardiness %.2f, setup %.2f)\n",
          stats->total, currency, stats->holding, stats->tardiness, stats->setup);
  printf ("  campaigns  %.2f %s spent\n", stats->campaign_spend, currency);
  printf ("  delivery   %.1f %% on time, %" G_GINT64_FORMAT " late units, %" G_GINT64_FORMAT
          " unmet units, %" G_GINT64_FORMAT " late orders\n",
          stats->on_time_rate * 100.0, stats->late_units, stats->unmet_units, stats->late_orders);
  printf ("  flow       makespan %.1f days, average stock %.1f units, average WIP %.1f units, "
          "%" G_GINT64_FORMAT " changeovers\n",
          (double) stats->makespan_s / 86400.0, stats->average_stock, stats->average_wip,
          stats->changeovers);
  if (stats->bottleneck_station >= 0)
    {
      const TaktStation *st = g_ptr_array_index (plan->stations, stats->bottleneck_station);

      printf ("  bottleneck %s at %.1f %% utilisation\n", st->id, stats->bottleneck_utilisation * 100.0);
    }
  printf ("  planned in %.1f ms (%" G_GINT64_FORMAT " search evaluations)\n",
          stats->plan_ms, stats->evaluations);
  for (guint i = 0; i < stats->conflicts->len; i++)
    printf ("  note: %s\n", (const char *) g_ptr_array_index (stats->conflicts, i));
}

static int
run_plan (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktPlanStats) stats = NULL;
  TaktSchedule *schedule;
  TaktPlannerOptions options;
  const char *file = NULL;
  const char *out = NULL;
  const char *csv_paths[TAKT_CSV_N_EXPORTS] = { NULL };
  const char *pdf = NULL;
  gboolean json = FALSE;
  gboolean csv_excel = FALSE;
  gboolean have_paper = FALSE;
  TaktPaper paper = TAKT_PAPER_A4;
  guint64 pages_wide = 0;
  gboolean have_strategy = FALSE, have_limit = FALSE, have_evaluations = FALSE, have_seed = FALSE;
  TaktStrategy strategy = TAKT_STRATEGY_JIT;
  guint64 limit = 0, evaluations = 0, seed = 0;

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autofree char *name = NULL;
      const char *value = NULL;
      gboolean takes_value;

      if (!g_str_has_prefix (arg, "--"))
        {
          if (g_str_has_prefix (arg, "-") && strcmp (arg, "-") != 0)
            return usage_error ("plan: unknown option %s", arg);
          if (file != NULL)
            return usage_error ("plan: only one FILE, got %s too", arg);
          file = arg;
          continue;
        }
      if (strchr (arg, '=') != NULL)
        {
          name = g_strndup (arg, strchr (arg, '=') - arg);
          value = strchr (arg, '=') + 1;
        }
      else
        name = g_strdup (arg);

      takes_value = g_str_equal (name, "--strategy") || g_str_equal (name, "--time-limit-ms") ||
                    g_str_equal (name, "--evaluations") || g_str_equal (name, "--seed") ||
                    g_str_equal (name, "--out") || g_str_equal (name, "--csv") ||
                    g_str_equal (name, "--csv-fulfilment") || g_str_equal (name, "--csv-costs") ||
                    g_str_equal (name, "--pdf") || g_str_equal (name, "--paper") ||
                    g_str_equal (name, "--pages-wide");
      if (g_str_equal (name, "--json") || g_str_equal (name, "--csv-excel"))
        {
          if (value != NULL)
            return usage_error ("plan: %s takes no value", name);
          if (g_str_equal (name, "--json"))
            json = TRUE;
          else
            csv_excel = TRUE;
          continue;
        }
      if (!takes_value)
        return usage_error ("plan: unknown option %s", name);
      if (value == NULL)
        {
          if (i + 1 >= argc)
            return usage_error ("plan: %s needs a value", name);
          value = argv[++i];
        }

      if (g_str_equal (name, "--strategy"))
        {
          if (!takt_strategy_from_string (value, &strategy))
            return usage_error ("plan: --strategy must be jit, level or asap, not \"%s\"", value);
          have_strategy = TRUE;
        }
      else if (g_str_equal (name, "--time-limit-ms"))
        {
          if (!parse_count (value, G_MAXINT64 / 1000, &limit))
            return usage_error ("plan: --time-limit-ms needs a whole number >= 0, not \"%s\"", value);
          have_limit = TRUE;
        }
      else if (g_str_equal (name, "--evaluations"))
        {
          if (!parse_count (value, G_MAXINT64, &evaluations))
            return usage_error ("plan: --evaluations needs a whole number >= 0, not \"%s\"", value);
          have_evaluations = TRUE;
        }
      else if (g_str_equal (name, "--seed"))
        {
          if (!parse_count (value, G_MAXUINT64, &seed))
            return usage_error ("plan: --seed needs a whole number >= 0, not \"%s\"", value);
          have_seed = TRUE;
        }
      else if (g_str_equal (name, "--out"))
        {
          if (*value == '\0')
            return usage_error ("plan: --out needs a file name");
          out = value;
        }
      else if (g_str_equal (name, "--csv") || g_str_equal (name, "--csv-fulfilment") ||
               g_str_equal (name, "--csv-costs"))
        {
          TaktCsvExport what = g_str_equal (name, "--csv") ? TAKT_CSV_EXPORT_RUNS
                             : g_str_equal (name, "--csv-fulfilment") ? TAKT_CSV_EXPORT_FULFILMENT
                             : TAKT_CSV_EXPORT_DAILY_COSTS;

          if (*value == '\0')
            return usage_error ("plan: %s needs a file name", name);
          csv_paths[what] = value;
        }
      else if (g_str_equal (name, "--pdf"))
        {
          if (*value == '\0')
            return usage_error ("plan: --pdf needs a file name");
          pdf = value;
        }
      else if (g_str_equal (name, "--paper"))
        {
          if (!takt_paper_from_string (value, &paper))
            return usage_error ("plan: --paper must be a4 or letter, not \"%s\"", value);
          have_paper = TRUE;
        }
      else if (g_str_equal (name, "--pages-wide"))
        {
          if (!parse_count (value, 10000, &pages_wide) || pages_wide == 0)
            return usage_error ("plan: --pages-wide needs a whole number from 1 to 10000, not \"%s\"", value);
        }
    }
  if (file == NULL)
    return usage_error ("plan: FILE is missing");
  if ((have_paper || pages_wide > 0) && pdf == NULL)
    return usage_error ("plan: --paper and --pages-wide shape the report: add --pdf FILE.pdf");
  if (csv_excel && csv_paths[TAKT_CSV_EXPORT_RUNS] == NULL && csv_paths[TAKT_CSV_EXPORT_FULFILMENT] == NULL &&
      csv_paths[TAKT_CSV_EXPORT_DAILY_COSTS] == NULL)
    return usage_error ("plan: --csv-excel shapes the CSV files: add --csv, --csv-fulfilment or --csv-costs");

  plan = takt_plan_load_from_file (file, &error);
  if (plan == NULL)
    {
      print_problems (error);
      return EXIT_REFUSED;
    }

  takt_planner_options_init (&options, plan);
  if (have_strategy)
    options.strategy = strategy;
  if (have_seed)
    options.seed = seed;
  if (have_evaluations && evaluations > 0)
    {
      options.evaluations = (gint64) evaluations;
      /* The work bound alone, unless a clock limit is given too. */
      options.time_limit_ms = have_limit ? (gint64) limit : -1;
    }
  else if (have_evaluations)
    options.time_limit_ms = 0;   /* a work bound of nothing: the construction alone */
  else if (have_limit)
    options.time_limit_ms = (gint64) limit;

  schedule = takt_planner_run (plan, &options, &stats, &error);
  if (schedule == NULL)
    {
      print_problems (error);
      return EXIT_REFUSED;
    }

  g_clear_pointer (&plan->schedule, takt_schedule_free);
  plan->schedule = schedule;

  if (out != NULL && !takt_plan_save_to_file (plan, out, &error))
    {
      fprintf (stderr, "takt-cli: cannot write %s: %s\n", out, error->message);
      return EXIT_REFUSED;
    }

  for (guint what = 0; what < TAKT_CSV_N_EXPORTS; what++)
    {
      TaktCsvOptions csv_options;

      if (csv_paths[what] == NULL)
        continue;
      if (csv_excel)
        takt_csv_options_init_excel (&csv_options);
      else
        takt_csv_options_init (&csv_options);
      if (!takt_csv_export_to_file (plan, plan->schedule, (TaktCsvExport) what, &csv_options,
                                    csv_paths[what], &error))
        {
          fprintf (stderr, "takt-cli: cannot write %s: %s\n", csv_paths[what], error->message);
          return EXIT_REFUSED;
        }
    }

  if (pdf != NULL)
    {
      g_autoptr(TaktReport) report = NULL;
      TaktReportOptions report_options;

      takt_report_options_init (&report_options);
      if (have_paper)
        report_options.paper = paper;
      report_options.pages_wide = (guint) pages_wide;
      report = takt_report_new (plan, plan->schedule, stats, &report_options, NULL, &error);
      if (report == NULL || !takt_report_write_pdf (report, pdf, NULL, NULL, NULL, &error))
        {
          fprintf (stderr, "takt-cli: cannot write %s: %s\n", pdf, error->message);
          return EXIT_REFUSED;
        }
    }

  if (json)
    print_json (stats);
  else
    print_summary (file, plan, options.strategy, stats);
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  if (argc < 2)
    return usage_error ("a command is missing");

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      printf ("%s\n%s", usage_text, help_text);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("takt-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  for (int i = 2; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      {
        printf ("%s\n%s", usage_text, help_text);
        return EXIT_SUCCESS;
      }

  if (g_str_equal (argv[1], "plan"))
    return run_plan (argc - 2, argv + 2);
  if (g_str_equal (argv[1], "validate"))
    return run_validate (argc - 2, argv + 2);
  return usage_error ("unknown command %s", argv[1]);
}
