/* test-application.c — the application: first start, one window per plan,
 * an open plan focused rather than opened twice, the last plan and the
 * window size remembered, the offer to restore after a crash
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-application"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "takt-application.h"
#include "takt-window.h"
#include "test-app-common.h"

static char *tmp_dir;

static TaktApplication *
start_app (void)
{
  static guint serial;
  TaktApplication *app = takt_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, ++serial);

  /* In-process, one instance after the other: each with its own id on the
   * session bus, if there is one. */
  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (takt_application_get_settings (app));
  return app;
}

static void
stop_app (TaktApplication *app)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  test_spin (20);
  g_object_unref (app);
}

static guint
n_windows (TaktApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (TAKT_IS_WINDOW (l->data))
      n++;
  return n;
}

static TaktWindow *
first_window (TaktApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (TAKT_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static GFile *
write_plan (const char *name,
            const char *title)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GString) text = g_string_new (TEST_BROKEN_PLAN);

  g_string_replace (text, "\"vaze\"", "\"vase\"", 0);
  g_string_replace (text, "\"Broken\"", title, 0);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return g_file_new_for_path (path);
}

static void
test_first_start (void)
{
  TaktApplication *app = start_app ();
  GSettings *settings = takt_application_get_settings (app);
  TaktWindow *window;

  g_settings_set_string (settings, "last-file", "");
  g_application_activate (G_APPLICATION (app));
  test_spin (50);

  /* The bundled sample, in one window. */
  g_assert_cmpuint (n_windows (app), ==, 1);
  window = first_window (app);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Print farm, December 2026");
  g_assert_true (takt_document_is_pristine (takt_window_get_document (window)));
  g_assert_cmpuint (takt_document_get_plan (takt_window_get_document (window))->orders->len, >, 0);

  /* Activating again shows the same window. */
  g_application_activate (G_APPLICATION (app));
  test_spin (20);
  g_assert_cmpuint (n_windows (app), ==, 1);

  stop_app (app);
}

static void
test_one_window_per_plan (void)
{
  TaktApplication *app = start_app ();
  g_autoptr(GFile) a = write_plan ("a.takt", "\"Plan A\"");
  g_autoptr(GFile) b = write_plan ("b.takt", "\"Plan B\"");
  g_autoptr(GFile) a_again = NULL;
  g_autofree char *a_path = g_file_get_path (a);
  GFile *files[1];
  TaktWindow *window_a;

  g_settings_set_string (takt_application_get_settings (app), "last-file", "");
  g_application_activate (G_APPLICATION (app));
  test_spin (50);
  window_a = first_window (app);

  /* The untouched sample gives way to the first plan opened… */
  files[0] = a;
  g_application_open (G_APPLICATION (app), files, 1, "");
  test_spin (50);
  g_assert_cmpuint (n_windows (app), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window_a)), ==, "Plan A");
  g_assert_true (takt_application_find_window (app, a) == GTK_WINDOW (window_a));

  /* …a second plan gets a window of its own… */
  takt_application_open_file (app, b, GTK_WINDOW (window_a));
  test_spin (50);
  g_assert_cmpuint (n_windows (app), ==, 2);
  g_assert_nonnull (takt_application_find_window (app, b));
  g_assert_true (takt_application_find_window (app, b) != GTK_WINDOW (window_a));

  /* …and opening one that is open (by another path to the same file) only
   * brings its window forward. */
  a_again = g_file_new_for_path (a_path);
  takt_application_open_file (app, a_again, NULL);
  test_spin (50);
  g_assert_cmpuint (n_windows (app), ==, 2);

  stop_app (app);
}

static void
test_last_file_and_size (void)
{
  TaktApplication *app = start_app ();
  GSettings *settings = takt_application_get_settings (app);
  g_autoptr(GFile) c = write_plan ("c.takt", "\"Plan C\"");
  g_autofree char *uri = g_file_get_uri (c);
  g_autofree char *last = NULL;
  TaktWindow *window;
  int width = 0, height = 0;

  g_settings_set_string (settings, "last-file", "");
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  g_application_activate (G_APPLICATION (app));
  test_spin (50);
  window = first_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  takt_application_open_file (app, c, GTK_WINDOW (window));
  test_spin (50);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Plan C");

  /* Closing remembers the plan and the size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  test_spin (50);
  last = g_settings_get_string (settings, "last-file");
  g_assert_cmpstr (last, ==, uri);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  stop_app (app);

  /* The next start opens it again. */
  app = start_app ();
  g_application_activate (G_APPLICATION (app));
  test_spin (50);
  g_assert_cmpuint (n_windows (app), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (first_window (app))), ==, "Plan C");
  stop_app (app);

  g_settings_set_string (settings, "last-file", "");
}

static void
test_recovery_offer (void)
{
  g_autoptr(TaktDocument) lost = takt_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) lost_bytes = NULL;
  g_autoptr(GPtrArray) left = NULL;
  TaktApplication *app;
  AdwMessageDialog *dialog;
  TaktDocument *restored;
  g_autoptr(GBytes) restored_bytes = NULL;

  /* A session that ended without saving left a recovery file behind. */
  takt_document_set_autosave_delay (lost, G_MAXUINT);
  g_assert_true (takt_document_edit (lost, "Rename Plan", test_rename_plan, (gpointer) "Lost plan", NULL));
  g_assert_true (takt_document_autosave_now (lost, &error));
  g_assert_no_error (error);
  lost_bytes = takt_document_serialize (lost);

  app = start_app ();
  g_settings_set_string (takt_application_get_settings (app), "last-file", "");
  g_application_activate (G_APPLICATION (app));
  test_spin (50);

  dialog = ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Lost plan"));

  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_spin (50);

  /* It takes the place of the untouched sample, unsaved. */
  g_assert_cmpuint (n_windows (app), ==, 1);
  restored = takt_window_get_document (first_window (app));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (first_window (app))), ==, "Lost plan •");
  g_assert_true (takt_document_get_dirty (restored));
  restored_bytes = takt_document_serialize (restored);
  g_assert_true (g_bytes_equal (restored_bytes, lost_bytes));

  /* Discarding the changes when closing removes the recovery file. */
  takt_document_discard_recovery (restored);
  left = takt_document_list_recoveries ();
  g_assert_cmpuint (left->len, ==, 0);

  stop_app (app);
}

/* Started with a file (from the file manager, or "takt FILE"), the app
 * still offers what a crash left; the changes to that file take the place
 * of the file as it is on disk. */
static void
test_recovery_offer_on_open (void)
{
  g_autoptr(GFile) file = write_plan ("crashed.takt", "\"Crashed\"");
  g_autoptr(TaktDocument) lost = takt_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) lost_bytes = NULL;
  g_autoptr(GBytes) restored_bytes = NULL;
  g_autoptr(GPtrArray) left = NULL;
  TaktApplication *app;
  AdwMessageDialog *dialog;
  TaktDocument *restored;

  takt_document_set_autosave_delay (lost, G_MAXUINT);
  g_assert_true (takt_document_load (lost, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (takt_document_edit (lost, "Rename Plan", test_rename_plan, (gpointer) "Crashed, renamed", NULL));
  g_assert_true (takt_document_autosave_now (lost, &error));
  g_assert_no_error (error);
  lost_bytes = takt_document_serialize (lost);

  app = start_app ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  test_spin (50);
  g_assert_cmpuint (n_windows (app), ==, 1);

  dialog = ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Crashed, renamed"));
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_spin (50);

  /* One window, for that file, with the changes, unsaved. */
  g_assert_cmpuint (n_windows (app), ==, 1);
  restored = takt_window_get_document (first_window (app));
  g_assert_true (g_file_equal (takt_document_get_file (restored), file));
  g_assert_true (takt_document_get_dirty (restored));
  restored_bytes = takt_document_serialize (restored);
  g_assert_true (g_bytes_equal (restored_bytes, lost_bytes));

  takt_document_discard_recovery (restored);
  left = takt_document_list_recoveries ();
  g_assert_cmpuint (left->len, ==, 0);
  stop_app (app);
}

int
main (int   argc,
      char *argv[])
{
  test_isolate_dirs ();
  gtk_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("takt-app-XXXXXX", NULL);

  g_test_add_func ("/application/first-start", test_first_start);
  g_test_add_func ("/application/one-window-per-plan", test_one_window_per_plan);
  g_test_add_func ("/application/last-file-and-size", test_last_file_and_size);
  g_test_add_func ("/application/recovery-offer", test_recovery_offer);
  g_test_add_func ("/application/recovery-offer-on-open", test_recovery_offer_on_open);

  return g_test_run ();
}
