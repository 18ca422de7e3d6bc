/* test-export.c — CSV and PDF through takt-cli, and the report's pages
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * takt-cli plans a fixture with hostile names (formulas, commas, quotes,
 * line breaks, non-ASCII) and two late orders, and writes its CSV files and
 * its PDF report.  The CSV files are read back with the core's strict
 * RFC 4180 reader and compared with the schedule takt-cli wrote with --out.
 * The PDF is checked with poppler's tools: pdfinfo (page count and size of
 * every page), pdffonts (DejaVu Sans embedded), pdftotext (the plan's name,
 * every product name on the Gantt pages, every late order id), pdftoppm
 * (the first Gantt page as pixels: the bar of a known run where the
 * report's layout says it is).  The report API is tested in-process on the
 * sample plan: sections and page counts, the readable scale and "pages
 * wide", every run on a Gantt page, progress, cancellation, atomic writes,
 * drawing for a print context, and the paper a locale asks for.
 */

#define G_LOG_DOMAIN "test-export"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "takt-calendar.h"
#include "takt-csv.h"
#include "takt-export-csv.h"
#include "takt-gantt-renderer.h"
#include "takt-planner.h"
#include "takt-report.h"
#include "takt-time.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* ---- helpers ---- */

static char *
source_path (const char *rel)
{
  const char *root = g_getenv ("TAKT_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, rel, NULL);
}

static char *
cli_path (void)
{
  const char *root = g_getenv ("TAKT_BUILD_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "src", "cli", "takt-cli", NULL);
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s is not installed (poppler-utils)", name);

      g_test_skip (msg);
      return FALSE;
    }
  return TRUE;
}

/* Runs @argv (NULL-terminated); returns the exit status. */
static int
run (const char * const *argv,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *o = NULL;
  g_autofree char *e = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &o, &e, &status, &error));
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&o);
  if (err != NULL)
    *err = g_steal_pointer (&e);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

typedef struct
{
  char *dir;
  char *plan;      /* the fixture */
  char *out;       /* the planned document takt-cli wrote */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("takt-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->plan = source_path ("tests/export/data/hostile.takt");
  f->out = g_build_filename (f->dir, "planned.takt", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->plan);
  g_free (f->out);
}

static char *
in_dir (Fixture    *f,
        const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* takt-cli plan FIXTURE --time-limit-ms 0 --out OUT EXTRA...; asserts exit 0. */
static void
plan_with (Fixture            *f,
           const char * const *extra)
{
  g_autofree char *cli = cli_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, (gpointer) "plan");
  g_ptr_array_add (argv, f->plan);
  g_ptr_array_add (argv, (gpointer) "--time-limit-ms");
  g_ptr_array_add (argv, (gpointer) "0");
  g_ptr_array_add (argv, (gpointer) "--out");
  g_ptr_array_add (argv, f->out);
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra[i]);
  g_ptr_array_add (argv, NULL);
  status = run ((const char * const *) argv->pdata, &out, &err);
  g_test_message ("takt-cli: %s%s", out, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static TaktPlan *
load_planned (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  TaktPlan *plan = takt_plan_load_from_file (f->out, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_nonnull (plan->schedule);
  g_assert_cmpuint (plan->schedule->runs->len, >, 0);
  return plan;
}

static TaktCsvTable *
read_csv (const char *path,
          char        delimiter,
          gboolean   *had_bom)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  TaktCsvTable *table;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  /* Only the export's own line ends: CRLF, and LF inside quoted text. */
  g_assert_true (length >= 2 && data[length - 2] == '\r' && data[length - 1] == '\n');
  table = takt_csv_read (data, length, delimiter, TAKT_CSV_READ_STRICT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  if (had_bom != NULL)
    *had_bom = table->had_bom;
  return table;
}

static const char *
cell (const TaktCsvTable *table,
      guint               row,
      guint               col)
{
  const TaktCsvRecord *rec = g_ptr_array_index (table->records, row);

  g_assert_cmpuint (col, <, rec->n_fields);
  return rec->fields[col];
}

static int
column (const TaktCsvTable *table,
        const char         *name)
{
  const TaktCsvRecord *head = g_ptr_array_index (table->records, 0);

  for (guint i = 0; i < head->n_fields; i++)
    if (g_str_equal (head->fields[i], name))
      return (int) i;
  g_error ("no column %s", name);
  return -1;
}

/* What the CSV writer makes of a text: the text, or "'" + text. */
static char *
neutralised (const char *text)
{
  return takt_csv_needs_neutralising (text) ? g_strconcat ("'", text, NULL) : g_strdup (text);
}

static const char *
station_id (const TaktPlan *plan,
            int             s)
{
  return ((const TaktStation *) g_ptr_array_index (plan->stations, s))->id;
}

/* ---- CSV ---- */

static void
test_csv_runs (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *csv = in_dir (f, "runs.csv");
  const char *args[] = { "--csv", csv, NULL };
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktCsvTable) table = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint row = 1, files = 0;
  gboolean bom = TRUE;

  plan_with (f, args);
  plan = load_planned (f);
  table = read_csv (csv, ',', &bom);
  g_assert_false (bom);

  /* --csv alone writes the runs and nothing beside them. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("file: %s", name);
      g_assert_true (g_str_equal (name, "runs.csv") || g_str_equal (name, "planned.takt"));
      files++;
    }
  g_assert_cmpuint (files, ==, 2);

  g_assert_cmpstr (cell (table, 0, 0), ==, "run");
  for (guint r = 0; r < plan->schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (plan->schedule->runs, r);
      const TaktProduct *product = g_ptr_array_index (plan->products, run->product_index);
      g_autofree char *product_name = neutralised (product->name);
      g_autoptr(GString) covers = g_string_new (NULL);

      for (guint c = 0; c < run->covers->len; c++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);

          g_string_append_printf (covers, "%s%s:%" G_GINT64_FORMAT, c > 0 ? "; " : "", cover->demand,
                                  cover->quantity);
        }
      for (guint k = 0; k < run->steps->len; k++, row++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, k);
          const TaktStation *station = g_ptr_array_index (plan->stations, step->station_index);
          g_autofree char *station_name = neutralised (station->name);
          g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, run->quantity);
          g_autofree char *step_no = g_strdup_printf ("%u", k + 1);
          g_autofree char *machine = g_strdup_printf ("%" G_GINT64_FORMAT, step->machine);
          g_autofree char *setup_start = takt_format_datetime (step->setup_start, TRUE);
          g_autofree char *start = takt_format_datetime (step->start, TRUE);
          g_autofree char *end = takt_format_datetime (step->end, TRUE);
          g_autofree char *covers_text = neutralised (covers->str);

          g_assert_cmpuint (row, <, table->records->len);
          g_assert_cmpstr (cell (table, row, column (table, "run")), ==, run->id);
          g_assert_cmpstr (cell (table, row, column (table, "product")), ==, product->id);
          g_assert_cmpstr (cell (table, row, column (table, "product_name")), ==, product_name);
          g_assert_cmpstr (cell (table, row, column (table, "quantity")), ==, quantity);
          g_assert_cmpstr (cell (table, row, column (table, "step")), ==, step_no);
          g_assert_cmpstr (cell (table, row, column (table, "station")), ==, station_id (plan, step->station_index));
          g_assert_cmpstr (cell (table, row, column (table, "station_name")), ==, station_name);
          g_assert_cmpstr (cell (table, row, column (table, "machine")), ==, machine);
          g_assert_cmpstr (cell (table, row, column (table, "setup_start")), ==, setup_start);
          g_assert_cmpstr (cell (table, row, column (table, "start")), ==, start);
          g_assert_cmpstr (cell (table, row, column (table, "end")), ==, end);
          g_assert_cmpstr (cell (table, row, column (table, "pinned")), ==, run->pinned ? "true" : "false");
          g_assert_cmpstr (cell (table, row, column (table, "covers")), ==, covers_text);
        }
    }
  g_assert_cmpuint (row, ==, table->records->len);
}

static void
test_csv_all (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *runs = in_dir (f, "runs.csv");
  g_autofree char *fulfilment = in_dir (f, "fulfilment.csv");
  g_autofree char *costs = in_dir (f, "costs.csv");
  const char *args[] = { "--csv", runs, "--csv-fulfilment", fulfilment, "--csv-costs", costs, NULL };
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktPlanStats) stats = NULL;
  g_autoptr(TaktCsvTable) ft = NULL;
  g_autoptr(TaktCsvTable) ct = NULL;
  double sums[4] = { 0 };
  const char *cost_cols[4] = { "holding", "setup", "tardiness", "total" };
  double expected[4];
  guint late = 0;

  plan_with (f, args);
  plan = load_planned (f);
  stats = takt_planner_evaluate (plan, plan->schedule);
  g_assert_true (g_file_test (runs, G_FILE_TEST_EXISTS));

  /* Fulfilment: one row per demand, the late orders late. */
  ft = read_csv (fulfilment, ',', NULL);
  g_assert_cmpuint (ft->records->len, ==, stats->demands->len + 1);
  for (guint i = 1; i < ft->records->len; i++)
    {
      const char *demand = cell (ft, i, column (ft, "demand"));
      const char *status = cell (ft, i, column (ft, "status"));

      g_test_message ("%s: %s", demand, status);
      if (g_str_has_prefix (demand, "SO-LATE-"))
        {
          g_assert_cmpstr (status, ==, "late");
          g_assert_cmpint (g_ascii_strtoll (cell (ft, i, column (ft, "late_units")), NULL, 10), >, 0);
          /* Lateness is a number, positive, never neutralised. */
          g_assert_cmpfloat (g_ascii_strtod (cell (ft, i, column (ft, "lateness_h")), NULL), >, 0);
          late++;
        }
      else
        g_assert_cmpstr (status, !=, "late");
    }
  g_assert_cmpuint (late, ==, 2);

  /* Daily costs add up to the schedule's. */
  ct = read_csv (costs, ',', NULL);
  expected[0] = stats->holding;
  expected[1] = stats->setup;
  expected[2] = stats->tardiness;
  expected[3] = stats->total;
  for (guint i = 1; i < ct->records->len; i++)
    for (guint k = 0; k < 4; k++)
      sums[k] += g_ascii_strtod (cell (ct, i, column (ct, cost_cols[k])), NULL);
  for (guint k = 0; k < 4; k++)
    {
      g_test_message ("%s: days %.9f, plan %.9f", cost_cols[k], sums[k], expected[k]);
      g_assert_cmpfloat (fabs (sums[k] - expected[k]), <=, 1e-9 * MAX (1.0, fabs (expected[k])));
    }
  g_assert_cmpfloat (stats->tardiness, >, 0);
}

static void
test_csv_excel (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *csv = in_dir (f, "excel.csv");
  g_autofree char *bytes = NULL;
  const char *args[] = { "--csv", csv, "--csv-excel", NULL };
  g_autoptr(TaktCsvTable) table = NULL;
  gboolean bom = FALSE;
  gsize length;

  plan_with (f, args);
  g_assert_true (g_file_get_contents (csv, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 3);
  g_assert_cmpmem (bytes, 3, "\xef\xbb\xbf", 3);
  g_assert_cmpint (takt_csv_detect_delimiter (bytes + 3, length - 3), ==, ';');
  table = read_csv (csv, ';', &bom);
  g_assert_true (bom);
  g_assert_cmpstr (cell (table, 0, 0), ==, "run");
  g_assert_cmpuint (((const TaktCsvRecord *) g_ptr_array_index (table->records, 0))->n_fields, ==, 13);
}

/* No cell of any export would run as a formula; the hostile names come
 * back exactly (after the apostrophe that neutralises them). */
static void
test_csv_injection (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *runs = in_dir (f, "runs.csv");
  g_autofree char *fulfilment = in_dir (f, "fulfilment.csv");
  g_autofree char *costs = in_dir (f, "costs.csv");
  const char *args[] = { "--csv", runs, "--csv-fulfilment", fulfilment, "--csv-costs", costs, NULL };
  const char *paths[] = { runs, fulfilment, costs };
  g_autoptr(TaktCsvTable) ft = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) customers = g_hash_table_new (g_str_hash, g_str_equal);
  guint checked = 0;

  plan_with (f, args);
  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    {
      g_autoptr(TaktCsvTable) table = read_csv (paths[p], ',', NULL);

      for (guint r = 0; r < table->records->len; r++)
        {
          const TaktCsvRecord *rec = g_ptr_array_index (table->records, r);

          for (guint c = 0; c < rec->n_fields; c++)
            {
              const char *v = rec->fields[c];
              char *end = NULL;

              if (strchr ("=+-@\t\r", v[0]) == NULL || v[0] == '\0')
                continue;
              /* Only numbers may start with '-' (negative lateness). */
              g_ascii_strtod (v, &end);
              if (end == NULL || *end != '\0')
                g_error ("%s row %u: cell \"%s\" would run as a formula", paths[p], r, v);
              checked++;
            }
        }
    }
  g_test_message ("%u negative numbers left as numbers", checked);

  ft = read_csv (fulfilment, ',', NULL);
  for (guint i = 1; i < ft->records->len; i++)
    {
      g_hash_table_add (names, (gpointer) cell (ft, i, column (ft, "product_name")));
      g_hash_table_add (customers, (gpointer) cell (ft, i, column (ft, "customer")));
    }
  g_assert_true (g_hash_table_contains (names, "'=SUM(A1:A9)"));
  g_assert_true (g_hash_table_contains (names, "'+Lamp, \"Deluxe\""));
  g_assert_true (g_hash_table_contains (names, "'-Bookend\nPair"));
  g_assert_true (g_hash_table_contains (names, "Crème brûlée stand"));
  g_assert_true (g_hash_table_contains (names, "'@Tray"));
  g_assert_true (g_hash_table_contains (customers, "'=1+2"));
  g_assert_true (g_hash_table_contains (customers, "'@SUM(1)"));
  g_assert_true (g_hash_table_contains (customers, "Müller, Schmidt & \"Söhne\""));
  g_assert_true (g_hash_table_contains (customers, "'\tTabbed"));
  g_assert_true (g_hash_table_contains (customers, "Line\r\nBreak"));
  /* The order id with a comma is one field. */
  g_assert_cmpstr (cell (ft, 3, column (ft, "demand")), ==, "SO,3");
}

static void
test_cli_usage (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *cli = cli_path ();
  g_autofree char *pdf = in_dir (f, "r.pdf");
  g_autofree char *help = NULL;
  struct
  {
    const char *args[6];
    int         status;
    const char *message;
  } cases[] = {
    { { "--paper", "a4" }, 2, "--pdf" },
    { { "--pdf", pdf, "--paper", "a5" }, 2, "a4 or letter" },
    { { "--pdf", pdf, "--pages-wide", "0" }, 2, "--pages-wide" },
    { { "--pdf", pdf, "--pages-wide", "x" }, 2, "--pages-wide" },
    { { "--csv-excel" }, 2, "--csv" },
    { { "--csv" }, 2, "needs a value" },
    { { "--pdf", "" }, 2, "file name" },
    { { "--json=1" }, 2, "takes no value" },
    { { "--pdf", "/nonexistent-folder/r.pdf" }, 1, "cannot write /nonexistent-folder/r.pdf" },
    { { "--csv", "/nonexistent-folder/r.csv" }, 1, "cannot write /nonexistent-folder/r.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[12] = { cli, "plan", f->plan, "--time-limit-ms", "0" };
      g_autofree char *err = NULL;
      guint n = 5;
      int status;

      for (guint k = 0; cases[i].args[k] != NULL; k++)
        argv[n++] = cases[i].args[k];
      status = run (argv, NULL, &err);
      g_test_message ("case %u: exit %d: %s", i, status, err);
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_nonnull (strstr (err, cases[i].message));
    }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* --help names the exports. */
  {
    const char *argv[] = { cli, "--help", NULL };

    g_assert_cmpint (run (argv, &help, NULL), ==, 0);
    g_assert_nonnull (strstr (help, "--csv FILE.csv"));
    g_assert_nonnull (strstr (help, "--pdf FILE.pdf"));
    g_assert_nonnull (strstr (help, "--pages-wide N"));
    g_assert_nonnull (strstr (help, "--csv alone writes the"));
  }
}

/* ---- PDF through takt-cli ---- */

typedef struct
{
  double width;
  double height;
} PageSize;

static GArray *
pdf_page_sizes (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *info[] = { "pdfinfo", "-f", "1", "-l", "100000", pdf, NULL };
  g_auto(GStrv) lines = NULL;
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (PageSize));

  g_assert_cmpint (run (info, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      unsigned page;
      char w[32], h[32];

      if (sscanf (lines[i], "Page %u size: %31s x %31s", &page, w, h) == 3)
        {
          PageSize size = { g_ascii_strtod (w, NULL), g_ascii_strtod (h, NULL) };

          g_assert_cmpuint (page, ==, sizes->len + 1);
          g_array_append_val (sizes, size);
        }
    }
  return sizes;
}

static char *
pdf_text (const char *pdf,
          int         first,
          int         last)
{
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", last);
  const char *argv[] = { "pdftotext", "-f", f, "-l", l, pdf, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (run (argv, &out, NULL), ==, 0);
  return out;
}

/* The report of the planned fixture, laid out as takt-cli lays it out. */
static TaktReport *
fixture_report (const TaktPlan *plan,
                TaktPaper       paper,
                guint           pages_wide)
{
  g_autoptr(GError) error = NULL;
  TaktReportOptions options;
  TaktReport *report;

  takt_report_options_init (&options);
  options.paper = paper;
  options.pages_wide = pages_wide;
  report = takt_report_new (plan, plan->schedule, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_page_sizes (const char       *pdf,
                   const TaktReport *report,
                   double            portrait_w,
                   double            portrait_h)
{
  g_autoptr(GArray) sizes = pdf_page_sizes (pdf);

  g_assert_cmpuint (sizes->len, ==, takt_report_get_n_pages (report));
  for (guint i = 0; i < sizes->len; i++)
    {
      const PageSize *s = &g_array_index (sizes, PageSize, i);
      gboolean landscape = takt_report_page_is_landscape (report, i);
      double w, h;

      takt_report_get_page_size (report, i, &w, &h);
      g_assert_cmpfloat (fabs (s->width - (landscape ? portrait_h : portrait_w)), <, 0.01);
      g_assert_cmpfloat (fabs (s->height - (landscape ? portrait_w : portrait_h)), <, 0.01);
      g_assert_cmpfloat (fabs (s->width - w), <, 0.01);
      g_assert_cmpfloat (fabs (s->height - h), <, 0.01);
      if (takt_report_get_page_section (report, i) == TAKT_REPORT_GANTT)
        g_assert_true (landscape);
    }
  g_assert_false (takt_report_page_is_landscape (report, 0));
}

static void
test_pdf_a4 (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = in_dir (f, "report.pdf");
  const char *args[] = { "--pdf", pdf, "--paper", "a4", NULL };
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktReport) report = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *all = NULL;
  g_autofree char *gantt = NULL;
  g_autofree char *gantt_flat = NULL;
  g_autoptr(GPtrArray) late = NULL;
  const char *pdffonts[] = { "pdffonts", pdf, NULL };
  g_auto(GStrv) lines = NULL;
  guint dejavu = 0;
  int first;

  if (!have_tool ("pdfinfo") || !have_tool ("pdffonts") || !have_tool ("pdftotext"))
    return;
  plan_with (f, args);
  plan = load_planned (f);
  report = fixture_report (plan, TAKT_PAPER_A4, 0);

  /* Every page: A4, the Gantt pages landscape. */
  assert_page_sizes (pdf, report, 595.276, 841.89);

  /* DejaVu Sans, embedded. */
  g_assert_cmpint (run (pdffonts, &fonts, NULL), ==, 0);
  g_test_message ("%s", fonts);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      guint n;

      if (lines[i][0] == '\0')
        continue;
      cols = g_strsplit_set (lines[i], " ", -1);
      /* name type… emb sub uni object ID: every font embedded */
      g_assert_true (strstr (lines[i], " yes ") != NULL);
      n = g_strv_length (cols);
      g_assert_cmpuint (n, >, 5);
      if (strstr (cols[0], "DejaVuSans") != NULL)
        dejavu++;
    }
  g_assert_cmpuint (dejavu, >=, 2);   /* regular and bold */

  /* The plan's name, the late orders, the products on the Gantt pages. */
  all = pdf_text (pdf, 1, (int) takt_report_get_n_pages (report));
  g_assert_nonnull (strstr (all, "Export fixture: Crème & \"quotes\", late orders"));
  late = takt_report_dup_late_demands (report);
  g_assert_cmpuint (late->len, >=, 2);
  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *order = g_ptr_array_index (plan->orders, i);

      if (g_str_has_prefix (order->id, "SO-LATE-"))
        g_assert_nonnull (strstr (all, order->id));
    }
  for (guint i = 0; i < late->len; i++)
    g_assert_nonnull (strstr (all, g_ptr_array_index (late, i)));

  first = takt_report_get_section_page (report, TAKT_REPORT_GANTT);
  g_assert_cmpint (first, ==, 1);
  gantt = pdf_text (pdf, first + 1, first + (int) takt_report_get_n_section_pages (report, TAKT_REPORT_GANTT));
  gantt_flat = g_strdelimit (g_strdup (gantt), "\n", ' ');
  for (guint p = 0; p < plan->products->len; p++)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, p);
      g_auto(GStrv) words = g_strsplit_set (product->name, " \n", -1);

      /* A line break in a name is drawn as a mark; each word shows. */
      for (guint w = 0; words[w] != NULL; w++)
        {
          if (words[w][0] == '\0')
            continue;
          g_test_message ("product %s: word \"%s\"", product->id, words[w]);
          g_assert_nonnull (strstr (gantt_flat, words[w]));
        }
    }
}

static void
test_pdf_letter (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = in_dir (f, "letter.pdf");
  const char *args[] = { "--pdf", pdf, "--paper", "letter", NULL };
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktReport) report = NULL;

  if (!have_tool ("pdfinfo"))
    return;
  plan_with (f, args);
  plan = load_planned (f);
  report = fixture_report (plan, TAKT_PAPER_LETTER, 0);
  assert_page_sizes (pdf, report, 612, 792);
}

static void
test_pdf_pages_wide (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *pdf = in_dir (f, "wide.pdf");
  const char *args[] = { "--pdf", pdf, "--paper", "a4", "--pages-wide", "1", NULL };
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktReport) report = NULL;
  g_autoptr(TaktReport) readable = NULL;
  guint columns, bands, days, per_page;

  if (!have_tool ("pdfinfo"))
    return;
  plan_with (f, args);
  plan = load_planned (f);
  report = fixture_report (plan, TAKT_PAPER_A4, 1);
  readable = fixture_report (plan, TAKT_PAPER_A4, 0);
  takt_report_get_gantt_grid (report, NULL, &days, &per_page, &columns, &bands);
  g_assert_cmpuint (days, >=, 5);
  g_assert_cmpuint (columns, ==, 1);
  g_assert_cmpuint (per_page, ==, days);
  g_assert_cmpuint (takt_report_get_n_section_pages (report, TAKT_REPORT_GANTT), ==, bands);
  g_assert_cmpuint (takt_report_get_n_section_pages (readable, TAKT_REPORT_GANTT), >,
                    takt_report_get_n_section_pages (report, TAKT_REPORT_GANTT));
  assert_page_sizes (pdf, report, 595.276, 841.89);
}

/* The first Gantt page as pixels: the bar of a run that is not late is in
 * its product's colour where the report's layout puts it, and the space
 * just left of it is not. */
static void
test_pdf_bar_pixels (Fixture       *f,
                     gconstpointer  data)
{
  const double dpi = 50;
  g_autofree char *pdf = in_dir (f, "pixels.pdf");
  g_autofree char *prefix = in_dir (f, "page");
  g_autofree char *png = in_dir (f, "page.png");
  g_autofree char *page_arg = NULL;
  const char *args[] = { "--pdf", pdf, "--paper", "a4", NULL };
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktReport) report = NULL;
  cairo_surface_t *image;
  TaktChartRect rect;
  TaktGanttColor color;
  guint page = 0, inside = 0, matching = 0, left_matching = 0, left_total = 0;
  int run_index = -1, first, x0, x1, y0, y1, stride;
  const guint8 *pixels;

  if (!have_tool ("pdftoppm"))
    return;
  plan_with (f, args);
  plan = load_planned (f);
  report = fixture_report (plan, TAKT_PAPER_A4, 0);

  /* The "bookend" run: on time, one long bar on the third day, which the
   * first Gantt page shows (three days a page at 60 mm a day). */
  for (guint r = 0; r < plan->schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (plan->schedule->runs, r);
      const TaktProduct *product = g_ptr_array_index (plan->products, run->product_index);

      if (g_str_equal (product->id, "bookend"))
        run_index = (int) r;
    }
  g_assert_cmpint (run_index, >=, 0);
  g_assert_true (takt_report_find_bar (report, (guint) run_index, 0, &page, &rect));
  first = takt_report_get_section_page (report, TAKT_REPORT_GANTT);
  g_assert_cmpint ((int) page, ==, first);
  g_test_message ("bar on page %u at %.1f,%.1f %.1f×%.1f pt", page + 1, rect.x, rect.y, rect.width, rect.height);
  g_assert_cmpfloat (rect.width, >, 20);
  g_assert_cmpfloat (rect.height, >, 6);

  page_arg = g_strdup_printf ("%u", page + 1);
  {
    const char *argv[] = { "pdftoppm", "-r", "50", "-f", page_arg, "-l", page_arg, "-png", "-singlefile",
                           pdf, prefix, NULL };

    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
  }
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) round (841.89 * dpi / 72));
  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);

  takt_gantt_product_color (plan, plan->schedule != NULL
                                    ? ((const TaktRun *) g_ptr_array_index (plan->schedule->runs, run_index))->product_index
                                    : 0,
                            &color);
  /* One pixel in from each edge: anti-aliasing. */
  x0 = (int) ceil (rect.x * dpi / 72) + 1;
  x1 = (int) floor ((rect.x + rect.width) * dpi / 72) - 1;
  y0 = (int) ceil (rect.y * dpi / 72) + 1;
  y1 = (int) floor ((rect.y + rect.height) * dpi / 72) - 1;
  g_assert_cmpint (x1, >, x0);
  g_assert_cmpint (y1, >=, y0);
  for (int y = y0; y <= y1; y++)
    for (int x = x0 - 12; x <= x1; x++)
      {
        guint32 px = *(const guint32 *) (pixels + y * stride + x * 4);
        int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
        gboolean close = abs (r - (int) round (color.red * 255)) < 40 &&
                         abs (g - (int) round (color.green * 255)) < 40 &&
                         abs (b - (int) round (color.blue * 255)) < 40;

        if (x >= x0)
          {
            inside++;
            matching += close;
          }
        else if (x < x0 - 3)
          {
            left_total++;
            left_matching += close;
          }
      }
  g_test_message ("%u of %u pixels in the bar's colour; %u of %u left of it", matching, inside,
                  left_matching, left_total);
  g_assert_cmpuint (matching * 2, >, inside);      /* the label takes some */
  g_assert_cmpuint (left_matching, ==, 0);
  cairo_surface_destroy (image);
}

/* ---- the report in-process, on the sample plan ---- */

typedef struct
{
  TaktPlan      *plan;
  TaktSchedule  *schedule;
  TaktPlanStats *stats;
} Sample;

static void
sample_load (Sample *s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = source_path ("data/examples/print-farm.takt");
  TaktPlannerOptions options;

  s->plan = takt_plan_load_from_file (path, &error);
  g_assert_no_error (error);
  takt_planner_options_init (&options, s->plan);
  options.time_limit_ms = 0;
  s->schedule = takt_planner_run (s->plan, &options, &s->stats, &error);
  g_assert_no_error (error);
}

static void
sample_clear (Sample *s)
{
  takt_plan_stats_free (s->stats);
  takt_schedule_free (s->schedule);
  takt_plan_free (s->plan);
}

static void
test_report_sections (void)
{
  Sample s;
  g_autoptr(TaktReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) made = g_date_time_new_local (2026, 11, 20, 9, 30, 0);
  TaktReportOptions options;
  TaktReportSection last = TAKT_REPORT_COVER;
  guint days, per_page, columns, bands, total = 0;
  gint64 first_day;
  double w, h;

  sample_load (&s);
  takt_report_options_init (&options);
  options.paper = TAKT_PAPER_A4;
  options.made = made;
  report = takt_report_new (s.plan, s.schedule, s.stats, &options, NULL, &error);
  g_assert_no_error (error);

  /* The sections in order, each once, adding up to every page. */
  g_assert_cmpint (takt_report_get_section_page (report, TAKT_REPORT_COVER), ==, 0);
  for (guint i = 0; i < takt_report_get_n_pages (report); i++)
    {
      TaktReportSection section = takt_report_get_page_section (report, i);

      g_assert_cmpint (section, >=, last);
      if (section != last)
        g_assert_cmpint (takt_report_get_section_page (report, section), ==, (int) i);
      last = section;
    }
  for (int sec = 0; sec < TAKT_REPORT_N_SECTIONS; sec++)
    {
      g_test_message ("section %d: first page %d, %u pages", sec, takt_report_get_section_page (report, sec),
                      takt_report_get_n_section_pages (report, sec));
      g_assert_cmpuint (takt_report_get_n_section_pages (report, sec), >, 0);
      total += takt_report_get_n_section_pages (report, sec);
    }
  g_assert_cmpuint (total, ==, takt_report_get_n_pages (report));
  g_assert_cmpuint (takt_report_get_n_section_pages (report, TAKT_REPORT_CHARTS), ==, 3);

  /* Whole days, at 60 mm a day or more, covering the horizon. */
  takt_report_get_gantt_grid (report, &first_day, &days, &per_page, &columns, &bands);
  g_test_message ("%u days from %" G_GINT64_FORMAT ", %u a page, %u columns, %u bands",
                  days, first_day, per_page, columns, bands);
  g_assert_cmpint (first_day, <=, s.plan->horizon_start);
  g_assert_cmpint (first_day % TAKT_DAY_S, ==, 0);
  g_assert_cmpuint (days, >=, (guint) s.plan->horizon_days);
  g_assert_cmpuint (columns * per_page, >=, days);
  g_assert_cmpuint ((columns - 1) * per_page, <, days);
  takt_report_get_page_size (report, (guint) takt_report_get_section_page (report, TAKT_REPORT_GANTT), &w, &h);
  g_assert_cmpfloat (w, >, h);
  g_assert_cmpfloat ((w - 60 - 126) / per_page, >=, MM_TO_PT (60));
  g_assert_cmpfloat ((w - 60 - 126) / (per_page + 1), <, MM_TO_PT (60));
  g_assert_cmpuint (takt_report_get_n_section_pages (report, TAKT_REPORT_GANTT), ==, columns * bands);

  /* Every run step is drawn on some Gantt page, inside the page. */
  for (guint r = 0; r < s.schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (s.schedule->runs, r);

      for (guint k = 0; k < run->steps->len; k++)
        {
          TaktChartRect rect;
          guint page;

          g_assert_true (takt_report_find_bar (report, r, k, &page, &rect));
          g_assert_cmpint (takt_report_get_page_section (report, page), ==, TAKT_REPORT_GANTT);
          takt_report_get_page_size (report, page, &w, &h);
          g_assert_cmpfloat (rect.x, >=, 30);
          g_assert_cmpfloat (rect.x + rect.width, <=, w - 30 + 0.01);
          g_assert_cmpfloat (rect.y + rect.height, <=, h - 30);
        }
    }

  /* The late table lists exactly the demand with late or unmet units and
   * the orders finished with less than 4 working hours to spare at their
   * product's last station. */
  {
    g_autoptr(GPtrArray) late = takt_report_dup_late_demands (report);
    g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) orders = g_hash_table_new (g_str_hash, g_str_equal);
    guint at_risk = 0, late_or_unmet = 0;

    for (guint i = 0; i < late->len; i++)
      g_hash_table_add (listed, g_ptr_array_index (late, i));
    for (guint i = 0; i < s.plan->orders->len; i++)
      g_hash_table_add (orders, ((TaktOrder *) g_ptr_array_index (s.plan->orders, i))->id);
    for (guint i = 0; i < s.stats->demands->len; i++)
      {
        const TaktDemandResult *d = g_ptr_array_index (s.stats->demands, i);
        const TaktProduct *product = g_ptr_array_index (s.plan->products, d->product_index);
        const TaktStep *last_step = g_ptr_array_index (product->routing, product->routing->len - 1);
        g_autoptr(TaktWorkTime) wt = NULL;
        gint64 slack;
        gboolean expected;

        if (d->late_units > 0 || d->unmet > 0)
          {
            g_assert_true (g_hash_table_contains (listed, d->demand));
            late_or_unmet++;
            continue;
          }
        if (!g_hash_table_contains (orders, d->demand) || d->finish == G_MININT64)
          {
            g_assert_false (g_hash_table_contains (listed, d->demand));
            continue;
          }
        wt = takt_work_time_new (takt_plan_station_calendar (s.plan, last_step->station_index),
                                 s.plan->horizon_start, s.plan->horizon_days * TAKT_DAY_S);
        slack = takt_work_time_between (wt, d->finish - s.plan->horizon_start, d->due - s.plan->horizon_start);
        expected = slack < 4 * 3600;
        at_risk += expected;
        g_assert_cmpint (g_hash_table_contains (listed, d->demand), ==, expected);
      }
    g_test_message ("%u demands late or unmet, %u of %u orders at risk", late_or_unmet, at_risk,
                    s.plan->orders->len);
    g_assert_cmpuint (at_risk + late_or_unmet, ==, late->len);
  }
  sample_clear (&s);
}

static void
test_report_range (void)
{
  Sample s;
  g_autoptr(TaktReport) report = NULL;
  g_autoptr(GError) error = NULL;
  TaktReportOptions options;
  guint days, per_page, columns;
  gint64 first_day;

  sample_load (&s);
  takt_report_options_init (&options);
  options.paper = TAKT_PAPER_LETTER;
  options.range_start = s.plan->horizon_start + 7 * TAKT_DAY_S + 3600;   /* rounded out to the day */
  options.range_end = s.plan->horizon_start + 14 * TAKT_DAY_S;
  options.pages_wide = 1;
  options.gantt_portrait = TRUE;
  report = takt_report_new (s.plan, s.schedule, s.stats, &options, NULL, &error);
  g_assert_no_error (error);
  takt_report_get_gantt_grid (report, &first_day, &days, &per_page, &columns, NULL);
  g_assert_cmpint (first_day, ==, s.plan->horizon_start + 7 * TAKT_DAY_S);
  g_assert_cmpuint (days, ==, 7);
  g_assert_cmpuint (per_page, ==, 7);
  g_assert_cmpuint (columns, ==, 1);
  for (guint i = 0; i < takt_report_get_n_pages (report); i++)
    if (takt_report_get_page_section (report, i) == TAKT_REPORT_GANTT)
      g_assert_false (takt_report_page_is_landscape (report, i));
  sample_clear (&s);
}

typedef struct
{
  guint         calls;
  guint         last_done;
  guint         total;
  GCancellable *cancel_at_5;
} ProgressLog;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_cmpuint (done, ==, log->last_done + 1);
  log->calls++;
  log->last_done = done;
  log->total = total;
  if (log->cancel_at_5 != NULL && done == 5)
    g_cancellable_cancel (log->cancel_at_5);
}

static void
test_report_write (void)
{
  Sample s;
  g_autoptr(TaktReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_dir_make_tmp ("takt-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *old = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GDir) d = NULL;
  ProgressLog log = { 0 };
  TaktReportOptions options;
  gsize length;

  sample_load (&s);
  takt_report_options_init (&options);
  options.paper = TAKT_PAPER_A4;
  report = takt_report_new (s.plan, s.schedule, NULL, &options, NULL, &error);
  g_assert_no_error (error);

  /* Progress once a page. */
  g_assert_true (takt_report_write_pdf (report, path, NULL, progress_cb, &log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.calls, ==, takt_report_get_n_pages (report));
  g_assert_cmpuint (log.total, ==, takt_report_get_n_pages (report));
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  g_assert_nonnull (g_strstr_len (bytes + length - 32, 32, "%%EOF"));

  /* Cancelled half-way: an error, the old file kept, no temporary left. */
  old = g_steal_pointer (&bytes);
  memset (&log, 0, sizeof log);
  log.cancel_at_5 = cancellable;
  g_assert_false (takt_report_write_pdf (report, path, cancellable, progress_cb, &log, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (log.calls, ==, 5);
  g_assert_true (g_file_get_contents (path, &bytes, NULL, NULL));
  g_assert_cmpstr (bytes, ==, old);
  d = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (d), ==, "report.pdf");
  g_assert_null (g_dir_read_name (d));

  /* Cancelled before: a new report is refused at once. */
  g_assert_null (takt_report_new (s.plan, s.schedule, NULL, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_unlink (path);
  g_rmdir (dir);
  sample_clear (&s);
}

/* A print context: any size; the page is scaled to fit and centred. */
static void
test_report_draw_page (void)
{
  Sample s;
  g_autoptr(TaktReport) report = NULL;
  g_autoptr(GError) error = NULL;
  TaktReportOptions options;
  cairo_surface_t *image;
  cairo_t *cr;
  const guint8 *data;
  int stride, dark = 0, page;
  TaktChartRect rect;
  guint bar_page;
  TaktGanttColor color;

  sample_load (&s);
  takt_report_options_init (&options);
  options.paper = TAKT_PAPER_A4;
  report = takt_report_new (s.plan, s.schedule, s.stats, &options, NULL, &error);
  g_assert_no_error (error);

  /* A landscape page into a square: scaled by 600 / 841.89, centred vertically. */
  g_assert_true (takt_report_find_bar (report, 0, 0, &bar_page, &rect));
  page = (int) bar_page;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 600);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  takt_report_draw_page (report, (guint) page, cr, 600, 600);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  /* Black bands above and below the page, white paper in between. */
  for (int y = 0; y < 600; y++)
    dark += (*(const guint32 *) (data + y * stride + 300 * 4) & 0xffffff) == 0;
  {
    double scale = 600 / 841.89;
    int band = (int) ((600 - 595.276 * scale) / 2);
    double cx = (rect.x + rect.width / 2) * scale;
    double cy = band + (rect.y + rect.height * 0.85) * scale;
    guint32 px = *(const guint32 *) (data + (int) cy * stride + (int) cx * 4);

    g_test_message ("%d dark rows, bands of %d", dark, band);
    g_assert_cmpint (abs (dark - 2 * band), <=, 2);
    takt_gantt_product_color (s.plan, ((const TaktRun *) g_ptr_array_index (s.schedule->runs, 0))->product_index,
                              &color);
    g_assert_cmpint (abs ((int) ((px >> 16) & 0xff) - (int) round (color.red * 255)), <, 50);
    g_assert_cmpint (abs ((int) ((px >> 8) & 0xff) - (int) round (color.green * 255)), <, 50);
    g_assert_cmpint (abs ((int) (px & 0xff) - (int) round (color.blue * 255)), <, 50);
  }
  cairo_surface_destroy (image);
  sample_clear (&s);
}

static void
test_report_no_schedule (void)
{
  Sample s;
  g_autoptr(TaktReport) report = NULL;
  g_autoptr(GError) error = NULL;

  sample_load (&s);
  report = takt_report_new (s.plan, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (takt_report_get_section_page (report, TAKT_REPORT_GANTT), ==, -1);
  g_assert_cmpint (takt_report_get_section_page (report, TAKT_REPORT_RUNS), ==, -1);
  g_assert_cmpint (takt_report_get_section_page (report, TAKT_REPORT_LATE), ==, -1);
  g_assert_cmpint (takt_report_get_section_page (report, TAKT_REPORT_CHARTS), ==, 1);
  g_assert_false (takt_report_find_bar (report, 0, 0, NULL, NULL));
  sample_clear (&s);
}

static void
test_report_refuses (void)
{
  Sample s;
  g_autoptr(TaktSchedule) broken = NULL;
  g_autoptr(GError) error = NULL;
  TaktRun *run;

  sample_load (&s);
  broken = takt_schedule_copy (s.schedule);
  run = g_ptr_array_index (broken->runs, 0);
  g_array_index (run->steps, TaktRunStep, 0).machine = 99;
  g_assert_null (takt_report_new (s.plan, broken, NULL, NULL, NULL, &error));
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  sample_clear (&s);
}

static void
test_paper (void)
{
  TaktPaper paper;
  double w, h;

  g_assert_cmpint (takt_paper_for_locale ("en_US.UTF-8"), ==, TAKT_PAPER_LETTER);
  g_assert_cmpint (takt_paper_for_locale ("en_CA"), ==, TAKT_PAPER_LETTER);
  g_assert_cmpint (takt_paper_for_locale ("fr_CA.UTF-8"), ==, TAKT_PAPER_LETTER);
  g_assert_cmpint (takt_paper_for_locale ("es_MX.UTF-8@euro"), ==, TAKT_PAPER_LETTER);
  g_assert_cmpint (takt_paper_for_locale ("en_GB.UTF-8"), ==, TAKT_PAPER_A4);
  g_assert_cmpint (takt_paper_for_locale ("de_DE.UTF-8"), ==, TAKT_PAPER_A4);
  g_assert_cmpint (takt_paper_for_locale ("C.UTF-8"), ==, TAKT_PAPER_A4);
  g_assert_cmpint (takt_paper_for_locale ("POSIX"), ==, TAKT_PAPER_A4);
  g_assert_cmpint (takt_paper_for_locale ("en_USA"), ==, TAKT_PAPER_A4);
  g_assert_cmpint (takt_paper_for_locale (NULL), ==, TAKT_PAPER_A4);

  g_assert_true (takt_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, TAKT_PAPER_A4);
  g_assert_true (takt_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, TAKT_PAPER_LETTER);
  g_assert_false (takt_paper_from_string ("a5", &paper));
  takt_paper_get_size (TAKT_PAPER_A4, &w, &h);
  g_assert_cmpfloat (fabs (w - 595.276), <, 0.001);
  g_assert_cmpfloat (fabs (h - 841.89), <, 0.001);
  takt_paper_get_size (TAKT_PAPER_LETTER, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);

  /* The environment decides when the process never set a locale. */
  g_setenv ("LC_ALL", "", TRUE);
  g_setenv ("LC_PAPER", "en_US.UTF-8", TRUE);
  g_assert_cmpint (takt_paper_default (), ==, TAKT_PAPER_LETTER);
  g_setenv ("LC_PAPER", "de_DE.UTF-8", TRUE);
  g_assert_cmpint (takt_paper_default (), ==, TAKT_PAPER_A4);
  g_unsetenv ("LC_PAPER");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/csv/runs", Fixture, NULL, fixture_setup, test_csv_runs, fixture_teardown);
  g_test_add ("/export/csv/all", Fixture, NULL, fixture_setup, test_csv_all, fixture_teardown);
  g_test_add ("/export/csv/excel", Fixture, NULL, fixture_setup, test_csv_excel, fixture_teardown);
  g_test_add ("/export/csv/injection", Fixture, NULL, fixture_setup, test_csv_injection, fixture_teardown);
  g_test_add ("/export/cli/usage", Fixture, NULL, fixture_setup, test_cli_usage, fixture_teardown);
  g_test_add ("/export/pdf/a4", Fixture, NULL, fixture_setup, test_pdf_a4, fixture_teardown);
  g_test_add ("/export/pdf/letter", Fixture, NULL, fixture_setup, test_pdf_letter, fixture_teardown);
  g_test_add ("/export/pdf/pages-wide", Fixture, NULL, fixture_setup, test_pdf_pages_wide, fixture_teardown);
  g_test_add ("/export/pdf/bar-pixels", Fixture, NULL, fixture_setup, test_pdf_bar_pixels, fixture_teardown);
  g_test_add_func ("/export/report/sections", test_report_sections);
  g_test_add_func ("/export/report/range", test_report_range);
  g_test_add_func ("/export/report/write", test_report_write);
  g_test_add_func ("/export/report/draw-page", test_report_draw_page);
  g_test_add_func ("/export/report/no-schedule", test_report_no_schedule);
  g_test_add_func ("/export/report/refuses", test_report_refuses);
  g_test_add_func ("/export/report/paper", test_paper);

  return g_test_run ();
}
