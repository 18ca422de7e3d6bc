/* takt-bench-orlib.c — plan quality on the public single-machine benchmarks
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   takt-bench-orlib [--data DIR] [--set NAME]… [--limit-ms N] [--evaluations N]
 *                    [--first N] [--seed N] [--markdown] [--verbose]
 *
 * Converts each instance into a plan (takt-orlib.h), plans it with the jit
 * strategy and prints per set: instances, mean and worst gap
 * (cost − reference) / reference, exact hits, results better than the
 * reference, for references of 0 how often the cost is 0 too, and the mean
 * wall time per instance.  The default is every set at 1000 ms per
 * instance; --evaluations N alone bounds the search by work instead.
 */

#define G_LOG_DOMAIN "takt-bench-orlib"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "takt-orlib.h"

#ifndef TAKT_BENCHMARKS_DATA
#define TAKT_BENCHMARKS_DATA "../shared/benchmarks"
#endif

static char *
format_gap (double gap)
{
  return g_strdup_printf ("%+.3f %%", 100.0 * gap);
}

static void
print_header (gboolean markdown)
{
  if (markdown)
    {
      printf ("| set | instances | mean gap | worst gap | exact hits | better than ref | ref 0: cost 0 | mean time |\n");
      printf ("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    }
  else
    printf ("%-8s %5s %11s %11s %9s %7s %9s %10s\n", "set", "inst", "mean gap", "worst gap",
            "hits", "better", "ref0→0", "mean ms");
}

static void
print_row (const TaktOrlibSummary *s,
           gboolean                markdown)
{
  g_autofree char *mean = s->with_gap > 0 ? format_gap (s->gap_sum / s->with_gap) : g_strdup ("—");
  g_autofree char *worst = s->with_gap > 0 ? format_gap (s->worst_gap) : g_strdup ("—");
  g_autofree char *hits = g_strdup_printf ("%d/%d", s->hits, s->with_gap);
  g_autofree char *zero = s->zero_refs > 0 ? g_strdup_printf ("%d/%d", s->zero_hits, s->zero_refs)
                                           : g_strdup ("—");
  double ms = s->instances > 0 ? s->ms_sum / s->instances : 0;

  if (markdown)
    printf ("| %s | %d | %s | %s | %s | %d | %s | %.0f ms |\n", s->set, s->instances, mean, worst,
            hits, s->better, zero, ms);
  else
    printf ("%-8s %5d %11s %11s %9s %7d %9s %10.1f\n", s->set, s->instances, mean, worst, hits,
            s->better, zero, ms);
  if (s->mismatches > 0)
    printf ("%s: %d plans whose reported total differs from the objective of their schedule\n",
            s->set, s->mismatches);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = NULL;
  g_auto(GStrv) sets = NULL;
  gint64 limit_ms = G_MININT64;
  gint64 evaluations = 0;
  gint64 first = 0;
  gint64 seed = 1;
  gboolean markdown = FALSE;
  gboolean verbose = FALSE;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int mismatches = 0;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "Benchmarks folder (default " TAKT_BENCHMARKS_DATA ")", "DIR" },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets, "A set: sch10 … sch1000, wt40, wt50, wt100 (repeat or comma-separate; default all)", "NAME" },
    { "limit-ms", 0, 0, G_OPTION_ARG_INT64, &limit_ms, "Time limit per instance (default 1000; −1 with --evaluations alone)", "N" },
    { "evaluations", 0, 0, G_OPTION_ARG_INT64, &evaluations, "Bound the search by N evaluated moves", "N" },
    { "first", 0, 0, G_OPTION_ARG_INT64, &first, "Only the first N instances of each set", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Planner seed (default 1)", "N" },
    { "markdown", 0, 0, G_OPTION_ARG_NONE, &markdown, "Print a Markdown table", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "One line per instance", NULL },
    { NULL }
  };

  context = g_option_context_new ("— plan quality on the OR-Library benchmarks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "takt-bench-orlib: %s\n", error->message);
      return 2;
    }
  if (limit_ms == G_MININT64)
    limit_ms = evaluations > 0 ? -1 : 1000;
  if (data == NULL)
    data = g_strdup (g_getenv ("TAKT_BENCHMARKS_DATA") != NULL ? g_getenv ("TAKT_BENCHMARKS_DATA")
                                                                : TAKT_BENCHMARKS_DATA);
  if (!g_file_test (data, G_FILE_TEST_IS_DIR))
    {
      fprintf (stderr, "takt-bench-orlib: no benchmarks folder %s (use --data)\n", data);
      return 77;
    }
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (sets[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (parts[j][0] != '\0')
          g_ptr_array_add (names, g_strdup (g_strstrip (parts[j])));
    }
  if (names->len == 0)
    for (const char * const *n = takt_orlib_set_names (); *n != NULL; n++)
      g_ptr_array_add (names, g_strdup (*n));

  if (markdown)
    printf ("Time limit %" G_GINT64_FORMAT " ms, evaluations %" G_GINT64_FORMAT ", seed %" G_GINT64_FORMAT
            ", jit strategy.\n\n", limit_ms, evaluations, seed);
  else
    printf ("# limit %" G_GINT64_FORMAT " ms, evaluations %" G_GINT64_FORMAT ", seed %" G_GINT64_FORMAT
            ", data %s\n", limit_ms, evaluations, seed, data);
  print_header (markdown);

  for (guint i = 0; i < names->len; i++)
    {
      const char *set = g_ptr_array_index (names, i);
      g_autoptr(GPtrArray) instances = takt_orlib_load_set (data, set, &error);
      TaktOrlibSummary summary = { 0 };

      if (instances == NULL)
        {
          fprintf (stderr, "takt-bench-orlib: %s\n", error->message);
          return 1;
        }
      summary.set = (char *) set;
      for (guint k = 0; k < instances->len && (first <= 0 || k < first); k++)
        {
          const TaktOrlibInstance *inst = g_ptr_array_index (instances, k);
          TaktOrlibResult result;

          takt_orlib_solve (inst, limit_ms, evaluations, (guint64) seed, &result);
          takt_orlib_summary_add (&summary, inst, &result);
          if (verbose)
            fprintf (stderr, "%-20s cost %12.0f ref %12.0f gap %+8.3f %%  %7.1f ms  %" G_GINT64_FORMAT " evals%s\n",
                     inst->label, result.cost, inst->reference,
                     inst->reference > 0 ? 100.0 * (result.cost - inst->reference) / inst->reference : 0.0,
                     result.ms, result.evaluations,
                     result.objective != result.cost ? "  (total != objective!)" : "");
        }
      print_row (&summary, markdown);
      mismatches += summary.mismatches;
    }
  return mismatches > 0 ? 1 : 0;
}
