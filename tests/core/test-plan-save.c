/* test-plan-save.c — saving replaces the file atomically
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-plan-save"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "takt-plan.h"

static TaktPlan *
load_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "data", "minimal.takt", NULL);
  g_autoptr(GError) error = NULL;
  TaktPlan *plan = takt_plan_load_from_file (path, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("takt-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_dir (const char *dir)
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

static void
test_save_new_and_replace (void)
{
  g_autoptr(TaktPlan) plan = load_minimal ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.takt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autoptr(TaktPlan) back = NULL;
  struct stat st;

  /* A new file. */
  g_assert_true (takt_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);
  expected = takt_plan_to_data (plan, NULL);
  text = read_text (path);
  g_assert_cmpstr (text, ==, expected);

  /* Replacing it keeps its permissions and leaves no temporary file. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_free (plan->name);
  plan->name = g_strdup ("second version");
  g_assert_true (takt_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);
  back = takt_plan_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "second version");
  text2 = read_text (path);
  g_assert_cmpstr (text2, !=, text);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_dir (dir);
}

/* The temporary file is "NAME.XXXXXX" in the same folder: with a name of
 * 250 bytes it cannot be created (names are at most 255 bytes), which
 * fails the save even for root, before the old file is touched. */
static void
test_failed_save_keeps_old_file (void)
{
  g_autoptr(TaktPlan) plan = load_minimal ();
  g_autofree char *dir = make_dir ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *old = "the old plan, which must survive\n";
  FILE *fp;

  name = g_strnfill (245, 'p');
  path = g_strdup_printf ("%s/%s.takt", dir, name);
  /* Written directly: g_file_set_contents() itself needs the temporary name. */
  fp = g_fopen (path, "w");
  g_assert_nonnull (fp);
  g_assert_cmpint (fputs (old, fp), >=, 0);
  g_assert_cmpint (fclose (fp), ==, 0);

  g_assert_false (takt_plan_save_to_file (plan, path, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == G_FILE_ERROR);

  text = read_text (path);
  g_assert_cmpstr (text, ==, old);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

static void
test_failed_save_read_only_folder (void)
{
  g_autoptr(TaktPlan) plan = load_minimal ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.takt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *old = "old\n";

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders; the long-name test covers the failure");
      remove_dir (dir);
      return;
    }

  g_file_set_contents (path, old, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_assert_false (takt_plan_save_to_file (plan, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  text = read_text (path);
  g_assert_cmpstr (text, ==, old);

  g_chmod (dir, 0755);
  remove_dir (dir);
}

/* Saving through a symbolic link replaces the file it points to. */
static void
test_save_through_symlink (void)
{
  g_autoptr(TaktPlan) plan = load_minimal ();
  g_autofree char *dir = make_dir ();
  g_autofree char *real = g_build_filename (dir, "real.takt", NULL);
  g_autofree char *link = g_build_filename (dir, "link.takt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = takt_plan_to_data (plan, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (real, "old\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("real.takt", link), ==, 0);

  g_assert_true (takt_plan_save_to_file (plan, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  text = read_text (real);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  remove_dir (dir);
}

static void
test_failed_save_missing_folder (void)
{
  g_autoptr(TaktPlan) plan = load_minimal ();
  g_autoptr(GError) error = NULL;

  g_assert_false (takt_plan_save_to_file (plan, "/nonexistent-takt-folder/plan.takt", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save/new-and-replace", test_save_new_and_replace);
  g_test_add_func ("/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/save/failure-keeps-old-file", test_failed_save_keeps_old_file);
  g_test_add_func ("/save/failure-read-only-folder", test_failed_save_read_only_folder);
  g_test_add_func ("/save/failure-missing-folder", test_failed_save_missing_folder);
  return g_test_run ();
}
