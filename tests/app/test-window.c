/* test-window.c — the window: pages showing the sample, a refused file,
 * undo through the window's actions, the header's health figures
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "takt-application.h"
#include "takt-table.h"
#include "takt-window.h"
#include "test-app-common.h"

static const char * const page_names[] = { "schedule", "campaigns", "demand", "products", "stations", "costs" };
static const char * const page_titles[] = { "Schedule", "Campaigns", "Demand", "Products", "Stations", "Costs" };

/* Every text a person can read on @widget and below: labels, row titles and
 * subtitles, and the cells of the column views' rows. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

  if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (widget)));
      guint n_columns = g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget)));

      for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(TaktTableRow) row = g_list_model_get_item (model, i);

          for (guint c = 0; c < n_columns; c++)
            g_string_append_printf (out, "%s\t", takt_table_row_get_text (row, c));
          g_string_append_c (out, '\n');
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* Shows the page (a page out of sight is only brought up to date when it
 * is shown) and reads it. */
static char *
page_text (TaktWindow *window,
           const char *name)
{
  GString *out = g_string_new (NULL);

  takt_window_set_page (window, name);
  g_assert_cmpstr (takt_window_get_page (window), ==, name);
  test_spin (30);

  collect_text (takt_window_get_page_widget (window, name), out);
  return g_string_free (out, FALSE);
}

static void
test_pages (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);
  AdwViewStack *stack = NULL;
  const TaktPlan *plan = takt_document_get_plan (takt_window_get_document (window));
  g_autofree char *products = NULL;
  g_autofree char *stations = NULL;
  g_autofree char *demand = NULL;
  g_autofree char *campaigns = NULL;
  g_autofree char *schedule = NULL;
  g_autofree char *costs = NULL;
  GtkSelectionModel *pages;

  test_replan_and_wait (takt_window_get_document (window));

  /* Six pages, with these names and titles, in this order. */
  stack = ADW_VIEW_STACK (gtk_widget_get_parent (takt_window_get_page_widget (window, "schedule")));
  g_assert_true (ADW_IS_VIEW_STACK (stack));
  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (page_names));
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, page_names[i]);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, page_titles[i]);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
    }
  g_object_unref (pages);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Print farm, December 2026");

  products = page_text (window, "products");
  for (guint i = 0; i < plan->products->len; i++)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, i);

      g_assert_nonnull (strstr (products, product->name));
    }

  stations = page_text (window, "stations");
  for (guint i = 0; i < plan->stations->len; i++)
    g_assert_nonnull (strstr (stations, ((TaktStation *) g_ptr_array_index (plan->stations, i))->name));
  g_assert_nonnull (strstr (stations, "06:00–14:00"));

  demand = page_text (window, "demand");
  for (guint i = 0; i < plan->orders->len; i++)
    g_assert_nonnull (strstr (demand, ((TaktOrder *) g_ptr_array_index (plan->orders, i))->id));

  campaigns = page_text (window, "campaigns");
  for (guint i = 0; i < plan->campaigns->len; i++)
    g_assert_nonnull (strstr (campaigns, ((TaktCampaign *) g_ptr_array_index (plan->campaigns, i))->name));

  /* The runs of the schedule the planner made: drawn in the Gantt chart
   * (tests/app/test-gantt-view.c), counted in the page's toolbar. */
  schedule = page_text (window, "schedule");
  {
    const TaktSchedule *runs = takt_document_get_schedule (takt_window_get_document (window));
    g_autofree char *count = NULL;

    g_assert_nonnull (runs);
    g_assert_cmpuint (runs->runs->len, >, 0);
    count = g_strdup_printf ("%u runs", runs->runs->len);
    g_assert_nonnull (strstr (schedule, count));
  }

  /* The cost figures, and no page shows a placeholder. */
  costs = page_text (window, "costs");
  g_assert_nonnull (strstr (costs, "Total Cost"));
  g_assert_nonnull (strstr (costs, "€"));
  g_test_message ("costs page:\n%s", costs);
  g_assert_null (strstr (products, "TODO"));
  g_assert_null (strstr (costs, "placeholder"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_broken_file (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);
  TaktDocument *before = takt_window_get_document (window);
  g_autofree char *dir = g_dir_make_tmp ("takt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.takt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *extra;

  g_assert_true (g_file_set_contents (path, TEST_BROKEN_PLAN, -1, NULL));
  g_assert_null (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  takt_window_open_file (window, file);
  test_spin (50);

  dialog = ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.takt"));

  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (extra);
  collect_text (extra, text);
  g_test_message ("problems shown:\n%s", text->str);
  g_assert_nonnull (strstr (text->str, "orders[0].product"));
  g_assert_nonnull (strstr (text->str, "vaze"));

  /* The window keeps the plan it had. */
  g_assert_true (takt_window_get_document (window) == before);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Print farm, December 2026");

  gtk_window_close (GTK_WINDOW (dialog));
  test_spin (50);
  g_assert_null (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_open_good_file (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);
  g_autofree char *dir = g_dir_make_tmp ("takt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "small.takt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) fixed = g_string_new (TEST_BROKEN_PLAN);
  g_autofree char *products = NULL;

  g_string_replace (fixed, "\"vaze\"", "\"vase\"", 0);
  g_string_replace (fixed, "\"Vase\"", "\"Small vase\"", 0);
  g_assert_true (g_file_set_contents (path, fixed->str, -1, NULL));

  takt_window_open_file (window, file);
  test_spin (50);

  g_assert_null (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (g_file_equal (takt_document_get_file (takt_window_get_document (window)), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Broken");
  products = page_text (window, "products");
  g_assert_nonnull (strstr (products, "Small vase"));
  g_assert_null (strstr (products, "Spiral vase"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_undo_action (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);
  TaktDocument *document = takt_window_get_document (window);
  g_autoptr(GBytes) original = takt_document_serialize (document);
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) now = NULL;

  g_assert_true (takt_document_edit (document, "Change Cycle Time", test_longer_cycle, GINT_TO_POINTER (900), NULL));
  edited = takt_document_serialize (document);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Print farm, December 2026 •");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  now = takt_document_serialize (document);
  g_assert_true (g_bytes_equal (now, original));
  g_clear_pointer (&now, g_bytes_unref);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Print farm, December 2026");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  now = takt_document_serialize (document);
  g_assert_true (g_bytes_equal (now, edited));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
rename_first_product (TaktPlan *plan,
                      gpointer  user_data,
                      GError  **error)
{
  TaktProduct *product = g_ptr_array_index (plan->products, 0);

  g_free (product->name);
  product->name = g_strdup (user_data);
  return TRUE;
}

static void
test_hidden_page_catches_up (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);
  TaktDocument *document = takt_window_get_document (window);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  before = page_text (window, "products");
  g_assert_nonnull (strstr (before, "Spiral vase"));

  /* Changed while another page is shown… */
  takt_window_set_page (window, "schedule");
  test_spin (30);
  g_assert_true (takt_document_edit (document, "Rename Product", rename_first_product,
                                     (gpointer) "Twisted vase", NULL));

  /* …and up to date when shown again. */
  after = page_text (window, "products");
  g_assert_nonnull (strstr (after, "Twisted vase"));
  g_assert_null (strstr (after, "Spiral vase"));

  /* Shown while it changes: at once. */
  g_assert_true (takt_document_undo (document));
  test_spin (30);
  undone = page_text (window, "products");
  g_assert_nonnull (strstr (undone, "Spiral vase"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_close_asks (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);
  TaktDocument *document = takt_window_get_document (window);
  g_autoptr(GPtrArray) recoveries = NULL;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* Untouched: nothing to ask.  Changed: Save, Discard or Cancel. */
  g_assert_true (takt_document_edit (document, "Change Cycle Time", test_longer_cycle, GINT_TO_POINTER (900), NULL));
  g_assert_true (takt_document_autosave_now (document, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  test_spin (50);
  dialog = ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));

  /* Cancel keeps the window and the changes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_spin (50);
  g_assert_nonnull (window);
  g_assert_true (takt_document_get_dirty (document));

  /* Discard closes it and forgets the recovery file. */
  gtk_window_close (GTK_WINDOW (window));
  test_spin (50);
  dialog = ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_spin (100);
  g_assert_null (window);

  recoveries = takt_document_list_recoveries ();
  g_assert_cmpuint (recoveries->len, ==, 0);
}

static gboolean
much_longer_cycles (TaktPlan *plan,
                    gpointer  user_data,
                    GError  **error)
{
  for (guint i = 0; i < plan->products->len; i++)
    {
      TaktProduct *product = g_ptr_array_index (plan->products, i);
      TaktStep *step = g_ptr_array_index (product->routing, 0);

      step->cycle_s *= 3;
    }
  return TRUE;
}

static void
test_replan_toast (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);
  TaktDocument *document = takt_window_get_document (window);
  g_autoptr(GString) labels = g_string_new (NULL);
  const TaktPlanStats *stats;
  double before;
  guint replans = 0;

  before = test_replan_and_wait (document);

  /* Tripled print times: the plan gets dearer and orders late; the toast
   * says by how much. */
  test_count_replans (document, &replans);
  g_assert_true (takt_document_edit (document, "Change Cycle Time", much_longer_cycles, NULL, NULL));
  test_wait_until (&replans, 1, 30000);
  g_signal_handlers_disconnect_by_data (document, &replans);
  test_spin (300);

  stats = takt_document_get_stats (document);
  g_assert_cmpfloat (stats->total, >, before);

  test_collect_labels (GTK_WIDGET (window), labels);
  g_test_message ("labels shown:\n%s", labels->str);
  /* It says what changed, not only by how much. */
  g_assert_nonnull (strstr (labels->str, "Total cost +€"));
  if (stats->late_orders > 0)
    g_assert_nonnull (strstr (labels->str, "late"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkLabel *
find_label_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_header_health (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);
  const TaktPlanStats *stats;
  GtkLabel *cost;

  test_replan_and_wait (takt_window_get_document (window));
  stats = takt_document_get_stats (takt_window_get_document (window));
  g_assert_nonnull (stats);

  cost = find_label_with_class (GTK_WIDGET (window), "takt-cost");
  g_assert_nonnull (cost);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (cost)));
  g_test_message ("header: %s", gtk_label_get_text (cost));
  g_assert_nonnull (strstr (gtk_label_get_text (cost), "€"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_widget_with_class (GtkWidget  *widget,
                        const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkSpinner *
find_spinning (GtkWidget *widget)
{
  if (GTK_IS_SPINNER (widget) && gtk_widget_is_visible (widget) &&
      gtk_spinner_get_spinning (GTK_SPINNER (widget)))
    return GTK_SPINNER (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinner *found = find_spinning (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* While a new plan is worked out the header bar shows a spinner, and its
 * end keeps its width: the view switcher beside it must not turn narrow
 * and back at every re-plan of a window of the default size. */
static void
test_header_steady (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);
  TaktDocument *document = takt_window_get_document (window);
  GtkWidget *health;
  int before, during, after;

  test_replan_and_wait (document);
  health = find_widget_with_class (GTK_WIDGET (window), "takt-health");
  g_assert_nonnull (health);
  before = gtk_widget_get_width (health);
  g_assert_null (find_spinning (health));

  /* A re-plan that cannot start while this test looks. */
  takt_document_set_replan_delay (document, 60000);
  g_assert_true (takt_document_edit (document, "Change Cycle Time", much_longer_cycles, NULL, NULL));
  g_assert_true (takt_document_get_replanning (document));
  test_spin (200);
  during = gtk_widget_get_width (health);
  g_assert_nonnull (find_spinning (health));

  takt_document_set_replan_delay (document, 0);
  test_replan_and_wait (document);
  test_spin (100);
  after = gtk_widget_get_width (health);
  g_test_message ("the header's figures: %d px, %d px while planning, %d px after", before, during, after);
  g_assert_null (find_spinning (health));
  g_assert_cmpint (during, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A long search shows a bar with the time it used and a button that stops
 * it; the quick plan shown stays. */
static void
test_stop_search_bar (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  GtkRevealer *revealer;
  GtkProgressBar *bar;
  guint finals = 0;

  test_replan_and_wait (document);
  revealer = GTK_REVEALER (test_find_descendant (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  bar = GTK_PROGRESS_BAR (test_find_descendant (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR));
  g_assert_nonnull (revealer);
  g_assert_nonnull (bar);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  takt_document_set_time_limit_ms (document, 20000);
  takt_document_replan (document);
  while (!takt_document_get_searching (document))
    g_main_context_iteration (NULL, TRUE);
  test_spin (400);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_test_message ("the bar after 0.4 s of 20 s: %.3f", gtk_progress_bar_get_fraction (bar));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), >, 0);

  test_count_replans (document, &finals);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-search", NULL));
  test_spin (50);
  g_assert_cmpuint (finals, ==, 1);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_false (takt_document_get_replanning (document));

  g_signal_handlers_disconnect_by_data (document, &finals);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  test_init_gui (&argc, &argv);

  g_test_add_func ("/window/pages", test_pages);
  g_test_add_func ("/window/broken-file", test_broken_file);
  g_test_add_func ("/window/open-good-file", test_open_good_file);
  g_test_add_func ("/window/undo-action", test_undo_action);
  g_test_add_func ("/window/hidden-page-catches-up", test_hidden_page_catches_up);
  g_test_add_func ("/window/close-asks", test_close_asks);
  g_test_add_func ("/window/replan-toast", test_replan_toast);
  g_test_add_func ("/window/header-health", test_header_health);
  g_test_add_func ("/window/header-steady", test_header_steady);
  g_test_add_func ("/window/stop-search-bar", test_stop_search_bar);

  return g_test_run ();
}
