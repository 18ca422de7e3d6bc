/* takt-bench-export.c — how long the PDF report and the CSV exports take
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   takt-bench-export [--sizes M,L] [--seed N] [--keep DIR]
 *
 * For each size the generator's plan is planned (construction only, not
 * timed), then the report is laid out and written to a PDF (timed
 * together, as takt-cli --pdf does it) and the three CSV exports are
 * written (timed apart).  Targets (issue 8): the PDF of M in 2 s or less,
 * of L in 20 s or less.  Exits 1 when a target is missed.
 */

#define G_LOG_DOMAIN "takt-bench-export"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "takt-export-csv.h"
#include "takt-generator.h"
#include "takt-planner.h"
#include "takt-report.h"

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* CPU time of the process: what the export costs when other work shares
 * the machine's cores. */
static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct
{
  TaktReport *report;
  double      t0;
  double      section_s[TAKT_REPORT_N_SECTIONS];
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *p = user_data;
  double t = now_s ();

  p->section_s[takt_report_get_page_section (p->report, done - 1)] += t - p->t0;
  p->t0 = t;
}

static gboolean
bench_size (TaktGeneratorSize size,
            guint64           seed,
            const char       *dir)
{
  static const double target_s[TAKT_GENERATOR_N_SIZES] = { 1, 1, 2, 20 };
  g_autoptr(TaktPlan) plan = takt_generator_make (size, seed);
  g_autoptr(TaktPlanStats) stats = NULL;
  g_autoptr(TaktSchedule) schedule = NULL;
  g_autoptr(TaktReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  TaktPlannerOptions options;
  TaktReportOptions report_options;
  GStatBuf st;
  Progress progress = { 0 };
  double t0, c0, layout_s, pdf_s, pdf_cpu_s, csv_s;
  const char *name = takt_generator_size_to_string (size);

  takt_planner_options_init (&options, plan);
  options.time_limit_ms = 0;
  schedule = takt_planner_run (plan, &options, &stats, &error);
  if (schedule == NULL)
    {
      g_printerr ("%s: %s\n", name, error->message);
      return FALSE;
    }

  pdf = g_strdup_printf ("%s/report-%s.pdf", dir, name);
  takt_report_options_init (&report_options);
  report_options.paper = TAKT_PAPER_A4;
  t0 = now_s ();
  c0 = cpu_s ();
  report = takt_report_new (plan, schedule, stats, &report_options, NULL, &error);
  if (report == NULL)
    {
      g_printerr ("%s: %s\n", name, error->message);
      return FALSE;
    }
  layout_s = now_s () - t0;
  progress.report = report;
  progress.t0 = now_s ();
  if (!takt_report_write_pdf (report, pdf, NULL, progress_cb, &progress, &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      return FALSE;
    }
  pdf_s = now_s () - t0;
  pdf_cpu_s = cpu_s () - c0;

  t0 = now_s ();
  for (guint what = 0; what < TAKT_CSV_N_EXPORTS; what++)
    {
      g_autofree char *csv = g_strdup_printf ("%s/%s-%s.csv", dir, name, takt_csv_export_to_string (what));
      TaktCsvOptions csv_options;

      takt_csv_options_init (&csv_options);
      if (!takt_csv_export_to_file (plan, schedule, what, &csv_options, csv, &error))
        {
          g_printerr ("%s: %s\n", name, error->message);
          return FALSE;
        }
    }
  csv_s = now_s () - t0;

  if (g_stat (pdf, &st) != 0)
    st.st_size = 0;
  printf ("%-2s  %5u runs  PDF %5u pages %5.1f MB  %6.2f s (CPU %.2f s, layout %.2f s)  target <= %.0f s %s"
          "   CSV (3 files) %.2f s\n",
          name, schedule->runs->len, takt_report_get_n_pages (report), st.st_size / 1e6, pdf_s, pdf_cpu_s,
          layout_s, target_s[size], pdf_s <= target_s[size] ? "ok" : "MISSED", csv_s);
  fflush (stdout);
  printf ("    pages drawn: cover %.2f s, schedule %.2f s (%u pages), charts %.2f s, calendar %.2f s, "
          "runs %.2f s (%u pages), late %.2f s (%u pages)\n",
          progress.section_s[TAKT_REPORT_COVER], progress.section_s[TAKT_REPORT_GANTT],
          takt_report_get_n_section_pages (report, TAKT_REPORT_GANTT),
          progress.section_s[TAKT_REPORT_CHARTS], progress.section_s[TAKT_REPORT_CALENDAR],
          progress.section_s[TAKT_REPORT_RUNS], takt_report_get_n_section_pages (report, TAKT_REPORT_RUNS),
          progress.section_s[TAKT_REPORT_LATE], takt_report_get_n_section_pages (report, TAKT_REPORT_LATE));
  fflush (stdout);
  return pdf_s <= target_s[size];
}

int
main (int   argc,
      char *argv[])
{
  const char *sizes = "M,L";
  const char *keep = NULL;
  guint64 seed = 1;
  g_autofree char *dir = NULL;
  g_auto(GStrv) names = NULL;
  gboolean ok = TRUE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--sizes") && i + 1 < argc)
        sizes = argv[++i];
      else if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
        keep = argv[++i];
      else
        {
          g_printerr ("usage: takt-bench-export [--sizes M,L] [--seed N] [--keep DIR]\n");
          return 2;
        }
    }

  if (keep != NULL)
    {
      dir = g_strdup (keep);
      g_mkdir_with_parents (dir, 0755);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("takt-bench-export-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  names = g_strsplit (sizes, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      TaktGeneratorSize size;

      if (!takt_generator_size_from_string (names[i], &size))
        {
          g_printerr ("unknown size %s\n", names[i]);
          return 2;
        }
      ok = bench_size (size, seed, dir) && ok;
    }

  if (keep == NULL)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return ok ? 0 : 1;
}
