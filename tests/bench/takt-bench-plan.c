/* takt-bench-plan.c — speed and memory of the planner on generated plans
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   takt-bench-plan [--sizes S,M,L] [--seed N] [--repeat N] [--no-search] [--check]
 *
 * Each size runs in a child process of its own (so that its peak RSS, from
 * getrusage, is its own) and prints:
 *   - construction time (time_limit_ms 0; the median of --repeat runs) and
 *     the process's peak RSS;
 *   - re-plan time after one pin moves (what a drag in the Gantt chart
 *     does): a run of the plan is pinned, then the pin is moved ten times
 *     by 15 minutes, each time re-planning (time_limit_ms 0);
 *   - moves evaluated per second in a 1 s search;
 *   - the wall time of the whole planner call against its time limit
 *     (300 ms, the default, and 1 s): how well the limit is kept;
 *   - the cost of jit at 1 s against asap's construction.
 * Targets (issue 3): M ≤ 50 ms, L ≤ 1 s, L peak RSS ≤ 300 MB, re-plan after
 * a pin move on M ≤ 16 ms.
 */

#define G_LOG_DOMAIN "takt-bench-plan"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "takt-checker.h"
#include "takt-generator.h"

#define N_MOVES 10

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
double_cmp (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof (double), double_cmp);
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static TaktSchedule *
plan_once (const TaktPlan *plan,
           TaktStrategy    strategy,
           gint64          time_limit_ms,
           guint64         seed,
           TaktPlanStats **stats,
           double         *ms)
{
  TaktPlannerOptions options;
  g_autoptr(GError) error = NULL;
  TaktSchedule *schedule;
  double t0;

  takt_planner_options_init (&options, plan);
  options.strategy = strategy;
  options.time_limit_ms = time_limit_ms;
  options.evaluations = 0;
  options.seed = seed;
  t0 = now_ms ();
  schedule = takt_planner_run (plan, &options, stats, &error);
  *ms = now_ms () - t0;
  if (schedule == NULL)
    g_error ("the planner failed: %s", error != NULL ? error->message : "?");
  return schedule;
}

static void
check (const TaktPlan      *plan,
       const TaktSchedule  *schedule,
       const TaktPlanStats *stats,
       const char          *what)
{
  g_autoptr(GPtrArray) v = takt_schedule_checker_run (plan, schedule, stats, NULL);

  if (v->len == 0)
    printf ("check: %s: the checker finds nothing wrong\n", what);
  else
    {
      printf ("check: %s: %u violations, the first: %s\n", what, v->len,
              (const char *) g_ptr_array_index (v, 0));
    }
}

/* Pins the middle run of @schedule one hour later than it starts, then
 * moves the pin by 15 minutes N_MOVES times, re-planning each time. */
static void
bench_replan (TaktPlan           *plan,
              const TaktSchedule *schedule,
              guint64             seed,
              const char         *size)
{
  const TaktRun *run = NULL;
  const TaktRunStep *first;
  const TaktProduct *prod;
  TaktPin *pin;
  g_autoptr(GPtrArray) problems = NULL;
  double times[N_MOVES];
  double worst = 0;

  for (guint r = schedule->runs->len / 2; r < schedule->runs->len && run == NULL; r++)
    if (!((TaktRun *) g_ptr_array_index (schedule->runs, r))->pinned)
      run = g_ptr_array_index (schedule->runs, r);
  if (run == NULL)
    return;
  first = &g_array_index (run->steps, TaktRunStep, 0);
  prod = g_ptr_array_index (plan->products, run->product_index);

  pin = takt_pin_new ();
  g_free (pin->product);
  pin->product = g_strdup (prod->id);
  pin->quantity = run->quantity;
  g_free (pin->station);
  pin->station = g_strdup (((TaktStep *) g_ptr_array_index (prod->routing, 0))->station);
  pin->machine = first->machine;
  pin->start = first->setup_start + 3600;
  g_ptr_array_add (plan->pins, pin);
  problems = takt_plan_check (plan);
  g_assert (problems->len == 0);

  for (int i = 0; i < N_MOVES; i++)
    {
      g_autoptr(TaktPlanStats) stats = NULL;
      g_autoptr(TaktSchedule) s = NULL;

      pin->start += 15 * 60;
      s = plan_once (plan, plan->settings.strategy, 0, seed, &stats, &times[i]);
      worst = MAX (worst, times[i]);
    }
  printf ("replan: | %s | %.2f ms | %.2f ms | %d |\n", size, median (times, N_MOVES), worst, N_MOVES);
  g_ptr_array_remove (plan->pins, pin);
}

static int
run_size (const char *size_name,
          guint64     seed,
          int         repeat,
          gboolean    search,
          gboolean    do_check)
{
  TaktGeneratorSize size;
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktPlanStats) stats = NULL;
  g_autoptr(TaktSchedule) schedule = NULL;
  g_autofree double *times = g_new0 (double, repeat);
  double t0, gen_ms, rss_model;
  gint64 units = 0;

  if (!takt_generator_size_from_string (size_name, &size) || size == TAKT_GENERATOR_TINY)
    {
      fprintf (stderr, "takt-bench-plan: no size %s\n", size_name);
      return 2;
    }
  t0 = now_ms ();
  plan = takt_generator_make (size, seed);
  gen_ms = now_ms () - t0;
  rss_model = peak_rss_mb ();
  for (guint i = 0; i < plan->orders->len; i++)
    units += ((TaktOrder *) g_ptr_array_index (plan->orders, i))->quantity;

  for (int i = 0; i < repeat; i++)
    {
      g_clear_pointer (&schedule, takt_schedule_free);
      g_clear_pointer (&stats, takt_plan_stats_free);
      schedule = plan_once (plan, TAKT_STRATEGY_JIT, 0, seed, &stats, &times[i]);
    }
  printf ("row: | %s | %u | %u | %u | %" G_GINT64_FORMAT " | %" G_GINT64_FORMAT " | %.0f ms | %.1f ms | %.0f MB | %.0f MB | %.0f %% |\n",
          size_name, plan->products->len, plan->stations->len, plan->orders->len, units,
          stats->runs, gen_ms, median (times, repeat), rss_model, peak_rss_mb (),
          100 * stats->bottleneck_utilisation);
  fflush (stdout);

  if (do_check)
    {
      g_autofree char *what = g_strdup_printf ("%s, jit construction", size_name);
      check (plan, schedule, stats, what);
    }

  if (size == TAKT_GENERATOR_L && !search)
    return 0;

  bench_replan (plan, schedule, seed, size_name);
  fflush (stdout);

  if (search)
    {
      g_autoptr(TaktPlanStats) asap = NULL;
      g_autoptr(TaktPlanStats) jit = NULL;
      g_autoptr(TaktSchedule) s_asap = NULL;
      g_autoptr(TaktSchedule) s_jit = NULL;
      double ms_asap, ms_jit;

      s_asap = plan_once (plan, TAKT_STRATEGY_ASAP, 0, seed, &asap, &ms_asap);
      s_jit = plan_once (plan, TAKT_STRATEGY_JIT, 1000, seed, &jit, &ms_jit);
      printf ("search: | %s | %" G_GINT64_FORMAT " | %.0f ms | %.0f |\n", size_name,
              jit->evaluations, ms_jit, jit->evaluations / (ms_jit / 1000.0));
      {
        g_autoptr(TaktPlanStats) short_stats = NULL;
        g_autoptr(TaktSchedule) s_short = NULL;
        double ms_short;

        s_short = plan_once (plan, TAKT_STRATEGY_JIT, 300, seed, &short_stats, &ms_short);
        printf ("limit: | %s | 300 ms | %.0f ms | %+.0f %% | %" G_GINT64_FORMAT " |\n", size_name,
                ms_short, 100.0 * (ms_short - 300) / 300, short_stats->evaluations);
        printf ("limit: | %s | 1000 ms | %.0f ms | %+.0f %% | %" G_GINT64_FORMAT " |\n", size_name,
                ms_jit, 100.0 * (ms_jit - 1000) / 1000, jit->evaluations);
      }
      printf ("quality: | %s | %.0f | %.0f | %.0f | %+.1f %% | %" G_GINT64_FORMAT " | %" G_GINT64_FORMAT " |\n",
              size_name, asap->total, stats->total, jit->total,
              asap->total > 0 ? 100.0 * (jit->total - asap->total) / asap->total : 0.0,
              jit->late_units, jit->unmet_units);
      if (do_check)
        {
          g_autofree char *what = g_strdup_printf ("%s, jit after 1 s", size_name);
          check (plan, s_jit, jit, what);
        }
      fflush (stdout);
    }
  return 0;
}

static void
print_section (GPtrArray  *lines,
               const char *tag,
               const char *title,
               const char *header,
               const char *rule)
{
  gsize len = strlen (tag);
  gboolean any = FALSE;

  for (guint i = 0; i < lines->len; i++)
    any = any || g_str_has_prefix (g_ptr_array_index (lines, i), tag);
  if (!any)
    return;
  printf ("\n%s\n\n", title);
  if (header[0] != '\0')
    printf ("%s\n%s\n", header, rule);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_has_prefix (line, tag))
        printf ("%s\n", line + len + 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *size = NULL;
  g_autofree char *sizes = NULL;
  gint64 seed = 1;
  gint64 repeat = 3;
  gboolean no_search = FALSE;
  gboolean do_check = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) list = NULL;
  g_autofree char *self = NULL;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Measure one size in this process", "S|M|L" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Sizes to measure (default S,M,L)", "LIST" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Generator and planner seed (default 1)", "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT64, &repeat, "Constructions to time (median; default 3)", "N" },
    { "no-search", 0, 0, G_OPTION_ARG_NONE, &no_search, "Skip the 1 s searches", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &do_check, "Run the independent checker on the plans", NULL },
    { NULL }
  };

  context = g_option_context_new ("— planner speed and memory on generated plans");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "takt-bench-plan: %s\n", error->message);
      return 2;
    }
  repeat = CLAMP (repeat, 1, 100);

  if (size != NULL)
    return run_size (size, (guint64) seed, (int) repeat, !no_search, do_check);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);
  list = g_strsplit (sizes != NULL ? sizes : "S,M,L", ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *seed_s = g_strdup_printf ("%" G_GINT64_FORMAT, seed);
      g_autofree char *repeat_s = g_strdup_printf ("%" G_GINT64_FORMAT, repeat);
      const char *child[12] = { self, "--size", list[i], "--seed", seed_s, "--repeat", repeat_s };
      int n = 7;
      g_autofree char *out = NULL;
      g_auto(GStrv) out_lines = NULL;
      int status;

      if (no_search)
        child[n++] = "--no-search";
      if (do_check)
        child[n++] = "--check";
      child[n] = NULL;
      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          fprintf (stderr, "takt-bench-plan: size %s: %s\n", list[i], error->message);
          return 1;
        }
      out_lines = g_strsplit (out, "\n", -1);
      for (guint j = 0; out_lines[j] != NULL; j++)
        if (out_lines[j][0] != '\0')
          g_ptr_array_add (lines, g_strdup (out_lines[j]));
      fprintf (stderr, "takt-bench-plan: %s done\n", list[i]);
    }

  printf ("Generated plans (takt-generate SIZE %" G_GINT64_FORMAT "), jit strategy.  Targets: "
          "M ≤ 50 ms, L ≤ 1 s, L peak RSS ≤ 300 MB, re-plan after a pin move on M ≤ 16 ms.\n",
          seed);
  print_section (lines, "row:", "Construction (time limit 0, median of the runs):",
                 "| size | products | stations | orders | ordered units | runs | generate | construct | RSS after generating | peak RSS | bottleneck load |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  print_section (lines, "replan:", "Re-plan after moving one pin (time limit 0):",
                 "| size | median | worst | moves |", "|---|---:|---:|---:|");
  print_section (lines, "search:", "Search for 1 s:",
                 "| size | moves evaluated | wall time | moves per second |", "|---|---:|---:|---:|");
  print_section (lines, "limit:", "Time limit kept (jit, the whole planner call):",
                 "| size | time limit | wall time | over the limit | moves evaluated |",
                 "|---|---:|---:|---:|---:|");
  print_section (lines, "quality:", "Total cost: asap (construction) against jit (construction, and 1 s search):",
                 "| size | asap | jit, construction | jit, 1 s | jit 1 s vs asap | late units (jit 1 s) | unmet units |",
                 "|---|---:|---:|---:|---:|---:|---:|");
  print_section (lines, "check:", "Independent checker:", "", "");
  return 0;
}
