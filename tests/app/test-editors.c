/* test-editors.c — the Products and Stations editors and the plan's
 * properties, driven through their widgets under Xvfb
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens the sample plan in a window and changes it the way a
 * person would: text typed into the real entry rows and Enter pressed on
 * them, spin buttons, drop-downs, switches and buttons.  The document's
 * plan and history are then checked: the plan changes (or, when the editor
 * refuses, stays byte for byte what it was and the message is shown), each
 * action is one undo step with its label, undo goes back to the original
 * bytes and redo forward again, and a re-plan shows the new cost.
 *
 * With TAKT_EDITORS_SHOTS=DIR the tests also write pictures of what they
 * drove into DIR (to look at them).
 */

#define G_LOG_DOMAIN "test-editors"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "takt-duration-row.h"
#include "takt-generator.h"
#include "takt-editor-common.h"
#include "takt-plan-properties.h"
#include "takt-products-page.h"
#include "takt-shift-editor.h"
#include "takt-stations-page.h"
#include "takt-time.h"
#include "takt-window.h"
#include "test-app-common.h"

/* ---- helpers ---- */

/* The sample in a window, planned by the planner's construction only. */
static TaktWindow *
new_window (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);

  takt_document_set_time_limit_ms (takt_window_get_document (window), 0);
  test_spin (50);
  return window;
}

static GtkWidget *
find_named_in (GtkWidget  *widget,
               const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named_in (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  GtkWidget *found = find_named_in (root, name);

  if (found == NULL)
    g_error ("no widget named %s", name);
  return found;
}

/* Whether a label under @root reads @text. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The first button under @root whose tooltip is @tooltip. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types @text into an editable (an entry row, an entry) and presses Enter. */
static void
type_and_enter (GtkWidget  *editable,
                const char *text)
{
  GtkWidget *inner = test_find_descendant (editable, GTK_TYPE_TEXT);

  g_assert_nonnull (inner);
  gtk_widget_grab_focus (inner);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  /* What Enter does: the text's keybinding emits ::activate. */
  g_signal_emit_by_name (inner, "activate");
  test_spin (10);
}

static void
click (GtkWidget *button)
{
  g_autoptr(GtkWidget) keep = g_object_ref (button);

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  /* What a click does when the pointer is released on it. */
  g_signal_emit_by_name (button, "clicked");
  test_spin (10);
}

static char *
plan_bytes (TaktDocument *document)
{
  g_autoptr(GBytes) bytes = takt_document_serialize (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const TaktProduct *
product (TaktDocument *document,
         const char   *id)
{
  const TaktPlan *plan = takt_document_get_plan (document);
  int p = takt_plan_find_product (plan, id);

  g_assert_cmpint (p, >=, 0);
  return g_ptr_array_index (plan->products, p);
}

static const TaktStation *
station (TaktDocument *document,
         const char   *id)
{
  const TaktPlan *plan = takt_document_get_plan (document);
  int s = takt_plan_find_station (plan, id);

  g_assert_cmpint (s, >=, 0);
  return g_ptr_array_index (plan->stations, s);
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("TAKT_EDITORS_SHOTS");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  test_spin (300);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  test_write_png (widget, path);
}

static TaktProductsPage *
show_products (TaktWindow *window)
{
  takt_window_set_page (window, "products");
  test_spin (50);
  return TAKT_PRODUCTS_PAGE (takt_window_get_page_widget (window, "products"));
}

static TaktStationsPage *
show_stations (TaktWindow *window)
{
  takt_window_set_page (window, "stations");
  test_spin (50);
  return TAKT_STATIONS_PAGE (takt_window_get_page_widget (window, "stations"));
}

static void
select_product (TaktProductsPage *page,
                const char       *id)
{
  g_assert_true (takt_editor_list_select (takt_products_page_get_list (page), id));
  test_spin (20);
  g_assert_cmpstr (takt_product_editor_get_product (takt_products_page_get_editor (page)), ==, id);
}

static void
expand (GtkWidget *root,
        const char *name)
{
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_named (root, name)), TRUE);
  test_spin (250);
}

/* ---- parsing ---- */

static void
test_duration_parse (void)
{
  static const struct { const char *text; gint64 seconds; } good[] = {
    { "1 h 30 min", 5400 }, { "90 min", 5400 }, { "45 s", 45 }, { "1:30:00", 5400 },
    { "1:30", 5400 }, { "1.5 h", 5400 }, { "1,5 h", 5400 }, { "2 d", 172800 },
    { "1h30min", 5400 }, { " 2 hours 5 minutes ", 7500 }, { "0 s", 0 }, { "2.5 min", 150 },
    { "1 H", 3600 }, { "0:00:45", 45 },
  };
  static const char * const bad[] = { "", "abc", "90", "5 parsecs", "1:3", "h", "-5 min", "1:30:75" };
  static const gint64 round_trip[] = { 0, 1, 45, 60, 90, 5400, 3605, 86400, 90061, 9000 };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 seconds = -1;
      g_autofree char *message = NULL;

      g_assert_true (takt_duration_parse (good[i].text, &seconds, &message));
      g_assert_null (message);
      g_assert_cmpint (seconds, ==, good[i].seconds);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 seconds = -1;
      g_autofree char *message = NULL;

      g_assert_false (takt_duration_parse (bad[i], &seconds, &message));
      g_assert_nonnull (message);
      g_assert_cmpint (seconds, ==, -1);
      g_test_message ("“%s”: %s", bad[i], message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (round_trip); i++)
    {
      g_autofree char *text = takt_duration_to_string (round_trip[i]);
      gint64 seconds = -1;

      g_assert_true (takt_duration_parse (text, &seconds, NULL));
      g_assert_cmpint (seconds, ==, round_trip[i]);
    }

  {
    g_autofree char *a = takt_duration_to_string (5400);
    g_autofree char *b = takt_duration_to_string (45);

    g_assert_cmpstr (a, ==, "1 h 30 min");
    g_assert_cmpstr (b, ==, "45 s");
  }
}

static void
test_shift_times (void)
{
  static const struct { const char *text; gboolean end; gint32 seconds; } good[] = {
    { "06:00", FALSE, 21600 }, { "6", FALSE, 21600 }, { "6:30", FALSE, 23400 }, { "0630", FALSE, 23400 },
    { "24:00", TRUE, 86400 }, { "00:00", FALSE, 0 }, { "23:59", FALSE, 86340 }, { "14.15", TRUE, 51300 },
  };
  static const struct { const char *text; gboolean end; } bad[] = {
    { "24:00", FALSE }, { "25:00", TRUE }, { "12:60", FALSE }, { "noon", FALSE }, { "", FALSE },
    { "6:5", FALSE }, { "12345", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint32 seconds = -1;

      g_assert_true (takt_shift_parse_time (good[i].text, good[i].end, &seconds));
      g_assert_cmpint (seconds, ==, good[i].seconds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint32 seconds = -1;

      g_assert_false (takt_shift_parse_time (bad[i].text, bad[i].end, &seconds));
      g_assert_cmpint (seconds, ==, -1);
    }
}

/* ---- products ---- */

/* A cycle time typed into the routing editor changes the plan, is one undo
 * step, and the re-plan after it costs something else; a cycle of 0 and a
 * word are refused with a message and change nothing. */
static void
test_cycle_time (void)
{
  TaktWindow *window = new_window ();
  TaktDocument *document = takt_window_get_document (window);
  TaktProductsPage *page = show_products (window);
  GtkWidget *editor = GTK_WIDGET (takt_products_page_get_editor (page));
  g_autofree char *original = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *after_refusal = NULL;
  GtkWidget *cycle, *error_row;
  double before, after;

  before = test_replan_and_wait (document);
  select_product (page, "vase");
  g_assert_cmpint (((TaktStep *) g_ptr_array_index (product (document, "vase")->routing, 0))->cycle_s, ==, 9000);
  original = plan_bytes (document);

  /* Each step says its cycle and setup; a step without a setup says so. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_named (editor, "routing-step-0"))), ==,
                   "Cycle 2 h 30 min per unit · setup 15 min per run");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_named (editor, "routing-step-1"))), ==,
                   "Cycle 4 min per unit · no setup");

  expand (editor, "routing-step-0");
  cycle = find_named (editor, "cycle-time-0");
  g_assert_true (TAKT_IS_DURATION_ROW (cycle));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cycle)), ==, "2 h 30 min");
  gtk_widget_grab_focus (test_find_descendant (find_named (editor, "step-error-0"), GTK_TYPE_WIDGET));
  gtk_widget_grab_focus (test_find_descendant (cycle, GTK_TYPE_TEXT));
  save_shot (GTK_WIDGET (window), "products-routing");

  /* Ten hours a vase on the printers: the plan is late and costs more. */
  type_and_enter (cycle, "10 h");
  g_assert_cmpint (((TaktStep *) g_ptr_array_index (product (document, "vase")->routing, 0))->cycle_s, ==, 36000);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Change Cycle Time");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cycle)), ==, "10 h");
  after = test_replan_and_wait (document);
  g_test_message ("total cost: %.2f before, %.2f with a 10 h cycle", before, after);
  g_assert_cmpfloat (after, >, before + 1.0);
  changed = plan_bytes (document);

  /* Refused: nothing changes and the row says why. */
  error_row = find_named (editor, "step-error-0");
  type_and_enter (cycle, "0 s");
  g_assert_nonnull (takt_error_row_get_message (error_row));
  g_test_message ("0 s: %s", takt_error_row_get_message (error_row));
  g_assert_nonnull (strstr (takt_error_row_get_message (error_row), "must be > 0"));
  g_assert_nonnull (strstr (takt_error_row_get_message (error_row), "Cycle time"));
  g_assert_true (gtk_widget_has_css_class (cycle, "error"));
  after_refusal = plan_bytes (document);
  g_assert_cmpstr (after_refusal, ==, changed);

  type_and_enter (cycle, "soon");
  g_assert_nonnull (strstr (takt_error_row_get_message (error_row), "not a duration"));
  g_clear_pointer (&after_refusal, g_free);
  after_refusal = plan_bytes (document);
  g_assert_cmpstr (after_refusal, ==, changed);
  save_shot (GTK_WIDGET (window), "products-refused");

  /* Undo goes back to the file's bytes, and the cost with them. */
  g_assert_true (takt_document_undo (document));
  test_spin (20);
  g_clear_pointer (&after_refusal, g_free);
  after_refusal = plan_bytes (document);
  g_assert_cmpstr (after_refusal, ==, original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cycle)), ==, "2 h 30 min");
  g_assert_null (takt_error_row_get_message (error_row));
  g_assert_cmpfloat_with_epsilon (test_replan_and_wait (document), before, 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing into the name is one undo step until the focus leaves it. */
static void
test_name_typing (void)
{
  TaktWindow *window = new_window ();
  TaktDocument *document = takt_window_get_document (window);
  TaktProductsPage *page = show_products (window);
  GtkWidget *editor = GTK_WIDGET (takt_products_page_get_editor (page));
  GtkWidget *name = find_named (editor, "product-name");
  GtkWidget *inner = test_find_descendant (name, GTK_TYPE_TEXT);
  static const char * const typed[] = { "S", "Sp", "Spi", "Spir", "Spira", "Spiral" };
  g_autofree char *original = NULL;
  GtkWidget *list = GTK_WIDGET (takt_products_page_get_list (page));

  select_product (page, "vase");
  original = plan_bytes (document);

  gtk_widget_grab_focus (inner);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    gtk_editable_set_text (GTK_EDITABLE (name), typed[i]);
  g_assert_cmpstr (product (document, "vase")->name, ==, "Spiral");
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Rename Product");
  /* The list shows the new name at once. */
  test_spin (20);
  g_assert_true (has_label (list, "Spiral"));

  /* The focus moves on: the next typing is a step of its own. */
  gtk_widget_grab_focus (test_find_descendant (find_named (editor, "setup-cost"), GTK_TYPE_TEXT));
  test_spin (10);
  gtk_widget_grab_focus (inner);
  gtk_editable_set_text (GTK_EDITABLE (name), "Spiral vase XL");
  g_assert_cmpstr (product (document, "vase")->name, ==, "Spiral vase XL");

  g_assert_true (takt_document_undo (document));
  g_assert_cmpstr (product (document, "vase")->name, ==, "Spiral");
  g_assert_true (takt_document_undo (document));
  {
    g_autofree char *now = plan_bytes (document);

    g_assert_cmpstr (now, ==, original);
  }
  g_assert_false (takt_document_get_can_undo (document));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Spiral vase");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new id is applied everywhere the old one was named. */
static void
test_rename_product (void)
{
  TaktWindow *window = new_window ();
  TaktDocument *document = takt_window_get_document (window);
  TaktProductsPage *page = show_products (window);
  GtkWidget *editor = GTK_WIDGET (takt_products_page_get_editor (page));
  const TaktPlan *plan;
  guint named = 0;

  select_product (page, "vase");
  type_and_enter (find_named (editor, "product-id"), "spiral-vase");
  plan = takt_document_get_plan (document);
  g_assert_cmpint (takt_plan_find_product (plan, "vase"), <, 0);
  g_assert_cmpint (takt_plan_find_product (plan, "spiral-vase"), >=, 0);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Change Product Id");
  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *order = g_ptr_array_index (plan->orders, i);

      g_assert_cmpstr (order->product, !=, "vase");
      named += g_strcmp0 (order->product, "spiral-vase") == 0;
    }
  g_assert_cmpuint (named, >, 0);
  /* The editor and the list follow the product. */
  g_assert_cmpstr (takt_product_editor_get_product (takt_products_page_get_editor (page)), ==, "spiral-vase");
  g_assert_cmpstr (takt_editor_list_get_selected (takt_products_page_get_list (page)), ==, "spiral-vase");

  /* An id another product has is refused. */
  type_and_enter (find_named (editor, "product-id"), "lamp");
  g_assert_nonnull (strstr (takt_error_row_get_message (find_named (editor, "product-error")), "lamp"));
  g_assert_cmpint (takt_plan_find_product (takt_document_get_plan (document), "spiral-vase"), >=, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The search filters by id and name; add and remove are undoable. */
static void
test_products_list (void)
{
  TaktWindow *window = new_window ();
  TaktDocument *document = takt_window_get_document (window);
  TaktProductsPage *page = show_products (window);
  TaktEditorList *list = takt_products_page_get_list (page);
  GtkWidget *list_widget = GTK_WIDGET (list);
  guint n = takt_document_get_plan (document)->products->len;
  g_autofree char *original = plan_bytes (document);
  GtkWidget *add = NULL, *remove = NULL;

  g_assert_cmpuint (takt_editor_list_get_n_shown (list), ==, n);
  gtk_editable_set_text (takt_editor_list_get_search (list), "LAMP");
  g_signal_emit_by_name (takt_editor_list_get_search (list), "search-changed");
  test_spin (20);
  g_assert_cmpuint (takt_editor_list_get_n_shown (list), ==, 1);
  gtk_editable_set_text (takt_editor_list_get_search (list), "shade");
  g_signal_emit_by_name (takt_editor_list_get_search (list), "search-changed");
  test_spin (20);
  g_assert_cmpuint (takt_editor_list_get_n_shown (list), ==, 1);
  gtk_editable_set_text (takt_editor_list_get_search (list), "zzz");
  g_signal_emit_by_name (takt_editor_list_get_search (list), "search-changed");
  test_spin (20);
  g_assert_cmpuint (takt_editor_list_get_n_shown (list), ==, 0);
  save_shot (GTK_WIDGET (window), "products-no-match");
  gtk_editable_set_text (takt_editor_list_get_search (list), "");
  g_signal_emit_by_name (takt_editor_list_get_search (list), "search-changed");
  test_spin (20);
  g_assert_cmpuint (takt_editor_list_get_n_shown (list), ==, n);

  /* The + and − buttons under the list. */
  add = find_button (list_widget, "Add Product");
  remove = find_button (list_widget, "Remove Product");
  g_assert_nonnull (add);
  g_assert_nonnull (remove);

  click (add);
  g_assert_cmpuint (takt_document_get_plan (document)->products->len, ==, n + 1);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Add Product");
  g_assert_cmpstr (takt_editor_list_get_selected (list), ==, "product");
  g_assert_cmpstr (product (document, "product")->name, ==, "New product");

  /* Removing a product takes the demand naming it along; undo brings it back. */
  select_product (page, "vase");
  click (remove);
  g_assert_cmpint (takt_plan_find_product (takt_document_get_plan (document), "vase"), <, 0);
  for (guint i = 0; i < takt_document_get_plan (document)->orders->len; i++)
    g_assert_cmpstr (((TaktOrder *) g_ptr_array_index (takt_document_get_plan (document)->orders, i))->product,
                     !=, "vase");
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Remove Product");

  g_assert_true (takt_document_undo (document));
  g_assert_true (takt_document_undo (document));
  {
    g_autofree char *now = plan_bytes (document);

    g_assert_cmpstr (now, ==, original);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- stations ---- */

static gboolean
drop_calendar_cb (TaktPlan  *plan,
                  gpointer   user_data,
                  GError   **error)
{
  g_clear_pointer (&plan->calendar, takt_calendar_free);
  return TRUE;
}

/* A shift that overlaps another is refused with a message, and the plan
 * stays as it was; one that fits is added as one step. */
static void
test_shift_overlap (void)
{
  TaktWindow *window = new_window ();
  TaktDocument *document = takt_window_get_document (window);
  TaktStationsPage *page = show_stations (window);
  GtkWidget *root = GTK_WIDGET (page);
  g_autofree char *original = plan_bytes (document);
  GtkWidget *error_row;
  const TaktPlan *plan;

  takt_stations_page_show (page, "plant");
  test_spin (50);
  expand (root, "weekday-0");
  error_row = find_named (root, "shift-error-0");

  gtk_editable_set_text (GTK_EDITABLE (find_named (root, "shift-from-0")), "12:00");
  gtk_editable_set_text (GTK_EDITABLE (find_named (root, "shift-to-0")), "20:00");
  click (find_named (root, "add-shift-0"));
  g_assert_cmpstr (takt_error_row_get_message (error_row), ==, "Shifts 06:00–14:00 and 12:00–20:00 overlap");
  {
    g_autofree char *now = plan_bytes (document);

    g_assert_cmpstr (now, ==, original);
  }
  g_assert_false (takt_document_get_can_undo (document));
  save_shot (GTK_WIDGET (window), "stations-overlap");

  /* Not a time. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (root, "shift-from-0")), "25:00");
  click (find_named (root, "add-shift-0"));
  g_assert_nonnull (strstr (takt_error_row_get_message (error_row), "not a time of day"));

  /* A night shift must be split at midnight. */
  type_and_enter (find_named (root, "shift-from-0"), "22:00");
  type_and_enter (find_named (root, "shift-to-0"), "06:00");
  g_assert_nonnull (strstr (takt_error_row_get_message (find_named (root, "shift-error-0")), "midnight"));
  {
    g_autofree char *now = plan_bytes (document);

    g_assert_cmpstr (now, ==, original);
  }

  /* Sunday morning fits; Enter in the second time adds it. */
  expand (root, "weekday-6");
  gtk_editable_set_text (GTK_EDITABLE (find_named (root, "shift-from-6")), "8");
  type_and_enter (find_named (root, "shift-to-6"), "12:00");
  plan = takt_document_get_plan (document);
  g_assert_cmpuint (plan->calendar->week[6]->len, ==, 1);
  g_assert_cmpint (g_array_index (plan->calendar->week[6], TaktShift, 0).from, ==, 8 * 3600);
  g_assert_cmpint (g_array_index (plan->calendar->week[6], TaktShift, 0).to, ==, 12 * 3600);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Add Shift");
  /* The row of the day shows it, and its times are ready for the next. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_named (root, "weekday-6"))),
                   ==, "08:00–12:00");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (find_named (root, "weekday-6"))));

  g_assert_true (takt_document_undo (document));
  {
    g_autofree char *now = plan_bytes (document);

    g_assert_cmpstr (now, ==, original);
  }

  /* The week starts on the day the preferences say, at once. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.taktplanner.Takt");
    GtkWidget *group = find_named (root, "week-group");
    GtkWidget *first;

    g_settings_set_string (settings, "week-start", "sunday");
    test_spin (20);
    first = test_find_descendant (group, ADW_TYPE_EXPANDER_ROW);
    g_assert_cmpstr (gtk_widget_get_name (first), ==, "weekday-6");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Sunday");
    g_settings_set_string (settings, "week-start", "monday");
    test_spin (20);
    first = test_find_descendant (group, ADW_TYPE_EXPANDER_ROW);
    g_assert_cmpstr (gtk_widget_get_name (first), ==, "weekday-0");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A plant without a calendar works around the clock; its first change
 * gives it one, and undo takes it away again. */
static void
test_plant_without_calendar (void)
{
  TaktWindow *window = new_window ();
  TaktDocument *document = takt_window_get_document (window);
  TaktStationsPage *page = show_stations (window);
  GtkWidget *root = GTK_WIDGET (page);
  g_autofree char *with_calendar = NULL;
  g_autofree char *without = NULL;
  const TaktPlan *plan;

  /* The sample's plant calendar goes (an edit of the plan, like any). */
  g_assert_true (takt_document_edit (document, "Remove Plant Calendar", drop_calendar_cb, NULL, NULL));
  without = plan_bytes (document);
  takt_stations_page_show (page, "plant");
  test_spin (50);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_named (root, "weekday-0"))), ==, "All day");
  save_shot (GTK_WIDGET (window), "stations-plant-24-7");

  /* Monday's day-long shift removed: Monday closed, the other days still
   * around the clock. */
  expand (root, "weekday-0");
  click (find_named (root, "remove-shift-0-0"));
  plan = takt_document_get_plan (document);
  g_assert_nonnull (plan->calendar);
  g_assert_cmpuint (plan->calendar->week[0]->len, ==, 0);
  for (int d = 1; d < 7; d++)
    {
      g_assert_cmpuint (plan->calendar->week[d]->len, ==, 1);
      g_assert_cmpint (g_array_index (plan->calendar->week[d], TaktShift, 0).from, ==, 0);
      g_assert_cmpint (g_array_index (plan->calendar->week[d], TaktShift, 0).to, ==, 86400);
    }
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Remove Shift");
  with_calendar = plan_bytes (document);

  g_assert_true (takt_document_undo (document));
  {
    g_autofree char *now = plan_bytes (document);

    g_assert_cmpstr (now, ==, without);
  }
  g_assert_null (takt_document_get_plan (document)->calendar);
  g_assert_true (takt_document_redo (document));
  {
    g_autofree char *now = plan_bytes (document);

    g_assert_cmpstr (now, ==, with_calendar);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The yamazumi chart is there and follows the plan: fewer printers load
 * the print farm more. */
static void
test_line_balance (void)
{
  TaktWindow *window = new_window ();
  TaktDocument *document = takt_window_get_document (window);
  TaktStationsPage *page = show_stations (window);
  TaktLineBalanceView *view = takt_stations_page_get_balance_view (page);
  g_autofree char *before = NULL;
  guint builds;

  test_replan_and_wait (document);
  takt_stations_page_show (page, "balance");
  test_spin (100);
  g_assert_nonnull (takt_line_balance_view_get_chart (view));
  g_assert_false (takt_chart_is_empty (takt_line_balance_view_get_chart (view)));
  g_assert_cmpuint (takt_chart_get_n_categories (takt_line_balance_view_get_chart (view)), ==,
                    takt_document_get_plan (document)->stations->len);
  before = g_strdup (takt_line_balance_view_get_summary (view));
  g_test_message ("%s", before);
  g_assert_nonnull (strstr (before, "Print farm"));
  save_shot (GTK_WIDGET (window), "stations-balance");

  /* One printer instead of six, through the station editor. */
  takt_stations_page_show (page, "print");
  test_spin (50);
  gtk_spin_button_set_value (takt_spin_row_get_spin (find_named (GTK_WIDGET (page), "machines")), 1);
  g_assert_cmpint (station (document, "print")->machines, ==, 1);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Change Machines");
  test_replan_and_wait (document);

  builds = takt_line_balance_view_get_builds (view);
  takt_stations_page_show (page, "balance");
  test_spin (100);
  g_assert_cmpuint (takt_line_balance_view_get_builds (view), >, builds);
  g_test_message ("%s", takt_line_balance_view_get_summary (view));
  g_assert_cmpstr (takt_line_balance_view_get_summary (view), !=, before);
  g_assert_nonnull (strstr (takt_line_balance_view_get_summary (view), "more than it has"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- every kind of edit, undone and redone ---- */

typedef struct
{
  GPtrArray *states;   /* the plan's bytes after each step, [0] the original */
  GPtrArray *labels;
} History;

static void
record (History      *history,
        TaktDocument *document,
        const char   *label)
{
  char *now = plan_bytes (document);

  g_assert_cmpstr (takt_document_get_undo_label (document), ==, label);
  g_assert_cmpstr (now, !=, g_ptr_array_index (history->states, history->states->len - 1));
  g_ptr_array_add (history->states, now);
  g_ptr_array_add (history->labels, g_strdup (label));
}

static void
test_undo_redo_every_edit (void)
{
  TaktWindow *window = new_window ();
  TaktDocument *document = takt_window_get_document (window);
  TaktProductsPage *products = show_products (window);
  GtkWidget *pe = GTK_WIDGET (takt_products_page_get_editor (products));
  History history = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  TaktStationsPage *stations;
  GtkWidget *se, *root;
  TaktPlanProperties *properties;
  GtkWidget *pp;
  GdkRGBA red = { 0.75, 0.11, 0.16, 1.0 };

  /* Three dozen edits in a row need no plan in between (and each re-plan
   * would raise a toast over the last one). */
  test_replan_and_wait (document);
  takt_document_set_replan_delay (document, 24 * 3600 * 1000);
  g_ptr_array_add (history.states, plan_bytes (document));

  /* Products: every field. */
  select_product (products, "lamp");
  gtk_widget_grab_focus (test_find_descendant (find_named (pe, "product-name"), GTK_TYPE_TEXT));
  gtk_editable_set_text (GTK_EDITABLE (find_named (pe, "product-name")), "Lamp");
  gtk_editable_set_text (GTK_EDITABLE (find_named (pe, "product-name")), "Lamp shade, large");
  record (&history, document, "Rename Product");
  type_and_enter (find_named (pe, "product-id"), "lamp-large");
  record (&history, document, "Change Product Id");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (test_find_descendant (find_named (pe, "product-color"), GTK_TYPE_COLOR_BUTTON)),
                              &red);
  g_signal_emit_by_name (test_find_descendant (find_named (pe, "product-color"), GTK_TYPE_COLOR_BUTTON), "color-set");
  g_assert_cmpstr (product (document, "lamp-large")->color, ==, "#bf1c29");
  record (&history, document, "Change Product Color");
  {
    static const struct { const char *name; double value; const char *label; } spins[] = {
      { "setup-cost", 20.5, "Change Setup Cost" }, { "holding-cost", 0.125, "Change Holding Cost" },
      { "late-cost", 7, "Change Late Cost" }, { "unit-cost", 11.25, "Change Unit Cost" },
      { "price", 64, "Change Price" }, { "initial-stock", 3, "Change Initial Stock" },
      { "min-run", 2, "Change Minimum Run" }, { "max-run", 40, "Change Maximum Run" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
      {
        GtkSpinButton *spin = takt_spin_row_get_spin (find_named (pe, spins[i].name));

        gtk_widget_grab_focus (GTK_WIDGET (spin));
        gtk_spin_button_set_value (spin, spins[i].value);
        record (&history, document, spins[i].label);
      }
    g_assert_cmpfloat (product (document, "lamp-large")->holding_cost_per_day, ==, 0.125);
    g_assert_cmpint (product (document, "lamp-large")->max_run, ==, 40);
  }

  /* A maximum run below the minimum is refused with the core's message. */
  {
    g_autofree char *before = plan_bytes (document);
    g_autofree char *after = NULL;

    gtk_spin_button_set_value (takt_spin_row_get_spin (find_named (pe, "max-run")), 1);
    g_assert_nonnull (strstr (takt_error_row_get_message (find_named (pe, "runs-error")), "min_run"));
    after = plan_bytes (document);
    g_assert_cmpstr (after, ==, before);
    gtk_spin_button_set_value (takt_spin_row_get_spin (find_named (pe, "max-run")), 40);
  }

  /* Routing: cycle, setup, station, add, move, remove. */
  expand (pe, "routing-step-1");
  type_and_enter (find_named (pe, "cycle-time-1"), "5 min");
  record (&history, document, "Change Cycle Time");
  type_and_enter (find_named (pe, "setup-time-1"), "1:30:00");
  g_assert_cmpint (((TaktStep *) g_ptr_array_index (product (document, "lamp-large")->routing, 1))->setup_s, ==, 5400);
  record (&history, document, "Change Setup Time");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (pe, "station-1")), 3);
  g_assert_cmpstr (((TaktStep *) g_ptr_array_index (product (document, "lamp-large")->routing, 1))->station, ==, "qc");
  record (&history, document, "Change Step Station");
  click (find_named (pe, "add-step"));
  g_assert_cmpuint (product (document, "lamp-large")->routing->len, ==, 6);
  record (&history, document, "Add Routing Step");
  /* The new last step one up, then the step before it removed. */
  click (find_button (find_named (pe, "routing-step-5"), "Move Step Up"));
  record (&history, document, "Move Routing Step");
  click (find_button (find_named (pe, "routing-step-3"), "Remove Step"));
  g_assert_cmpuint (product (document, "lamp-large")->routing->len, ==, 5);
  record (&history, document, "Remove Routing Step");

  /* Stations: every field, the plant calendar switch, shifts and exceptions. */
  stations = show_stations (window);
  root = GTK_WIDGET (stations);
  se = GTK_WIDGET (takt_stations_page_get_editor (stations));
  takt_stations_page_show (stations, "finish");
  test_spin (50);
  gtk_widget_grab_focus (test_find_descendant (find_named (se, "station-name"), GTK_TYPE_TEXT));
  gtk_editable_set_text (GTK_EDITABLE (find_named (se, "station-name")), "Finishing bench");
  record (&history, document, "Rename Station");
  type_and_enter (find_named (se, "station-id"), "bench");
  g_assert_cmpint (takt_plan_find_station (takt_document_get_plan (document), "finish"), <, 0);
  g_assert_cmpstr (((TaktStep *) g_ptr_array_index (product (document, "vase")->routing, 1))->station, ==, "bench");
  record (&history, document, "Change Station Id");
  gtk_spin_button_set_value (takt_spin_row_get_spin (find_named (se, "machines")), 3);
  record (&history, document, "Change Machines");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (test_find_descendant (find_named (se, "station-color"), GTK_TYPE_COLOR_BUTTON)),
                              &red);
  g_signal_emit_by_name (test_find_descendant (find_named (se, "station-color"), GTK_TYPE_COLOR_BUTTON), "color-set");
  record (&history, document, "Change Station Color");
  gtk_switch_set_active (GTK_SWITCH (test_find_descendant (find_named (se, "plant-calendar"), GTK_TYPE_SWITCH)), FALSE);
  g_assert_nonnull (station (document, "bench")->calendar);
  record (&history, document, "Use an Own Calendar");
  test_spin (50);
  save_shot (GTK_WIDGET (window), "stations-station");

  expand (se, "weekday-5");
  click (find_named (se, "remove-shift-5-0"));
  g_assert_cmpuint (station (document, "bench")->calendar->week[5]->len, ==, 0);
  record (&history, document, "Remove Shift");
  expand (se, "weekday-5");
  gtk_editable_set_text (GTK_EDITABLE (find_named (se, "shift-from-5")), "09:00");
  gtk_editable_set_text (GTK_EDITABLE (find_named (se, "shift-to-5")), "13:30");
  click (find_named (se, "add-shift-5"));
  record (&history, document, "Add Shift");

  /* An exception on the 8th of December, picked in the calendar. */
  {
    GtkWidget *calendar = find_named (se, "exception-calendar");
    g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 12, 8, 12, 0, 0);
    const TaktCalendar *cal;

    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    click (find_named (se, "add-exception"));
    cal = station (document, "bench")->calendar;
    g_assert_cmpuint (cal->exceptions->len, >, 0);
    record (&history, document, "Add Exception");
    /* Twice the same date is refused. */
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    click (find_named (se, "add-exception"));
    g_assert_nonnull (takt_error_row_get_message (find_named (se, "exception-error")));
    g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Add Exception");

    expand (se, "exception-2026-12-08");
    gtk_editable_set_text (GTK_EDITABLE (find_named (se, "shift-from-2026-12-08")), "10:00");
    type_and_enter (find_named (se, "shift-to-2026-12-08"), "12:00");
    record (&history, document, "Add Shift");
    save_shot (GTK_WIDGET (window), "stations-exception");
    click (find_named (se, "remove-exception-2026-12-08"));
    record (&history, document, "Remove Exception");
  }
  gtk_switch_set_active (GTK_SWITCH (test_find_descendant (find_named (se, "plant-calendar"), GTK_TYPE_SWITCH)), TRUE);
  g_assert_null (station (document, "bench")->calendar);
  record (&history, document, "Use the Plant Calendar");

  /* The plant calendar: a Sunday shift, then one of Saturday's removed. */
  takt_stations_page_show (stations, "plant");
  test_spin (50);
  expand (root, "weekday-6");
  gtk_editable_set_text (GTK_EDITABLE (find_named (root, "shift-from-6")), "10:00");
  type_and_enter (find_named (root, "shift-to-6"), "14:00");
  g_assert_cmpuint (takt_document_get_plan (document)->calendar->week[6]->len, ==, 1);
  record (&history, document, "Add Shift");
  save_shot (GTK_WIDGET (window), "stations-plant");

  /* The plan's properties, through win.plan-properties. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-properties", NULL));
  test_spin (200);
  properties = TAKT_PLAN_PROPERTIES (test_find_toplevel (TAKT_TYPE_PLAN_PROPERTIES));
  g_assert_nonnull (properties);
  pp = GTK_WIDGET (properties);
  g_assert_true (takt_plan_properties_get_document (properties) == document);
  gtk_widget_grab_focus (test_find_descendant (find_named (pp, "plan-name"), GTK_TYPE_TEXT));
  gtk_editable_set_text (GTK_EDITABLE (find_named (pp, "plan-name")), "Print farm, January");
  g_assert_cmpstr (takt_document_get_plan (document)->name, ==, "Print farm, January");
  record (&history, document, "Rename Plan");
  type_and_enter (find_named (pp, "plan-currency"), "EU");
  g_assert_nonnull (strstr (takt_error_row_get_message (find_named (pp, "plan-error")), "ISO 4217"));
  g_assert_cmpstr (takt_document_get_plan (document)->currency, ==, "EUR");
  type_and_enter (find_named (pp, "plan-currency"), "chf");
  g_assert_cmpstr (takt_document_get_plan (document)->currency, ==, "CHF");
  record (&history, document, "Change Currency");
  type_and_enter (find_named (pp, "horizon-time"), "06:00");
  g_assert_cmpint (takt_document_get_plan (document)->horizon_start % 86400, ==, 6 * 3600);
  record (&history, document, "Change Horizon Start");
  {
    g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 12, 7, 12, 0, 0);
    g_autofree char *start = NULL;

    gtk_calendar_select_day (GTK_CALENDAR (find_named (pp, "horizon-calendar")), day);
    test_spin (10);
    start = takt_format_datetime (takt_document_get_plan (document)->horizon_start, FALSE);
    g_assert_cmpstr (start, ==, "2026-12-07T06:00");
    record (&history, document, "Change Horizon Start");
  }
  gtk_spin_button_set_value (takt_spin_row_get_spin (find_named (pp, "horizon-days")), 28);
  record (&history, document, "Change Horizon Length");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (pp, "strategy")), TAKT_STRATEGY_LEVEL);
  g_assert_cmpint (takt_document_get_plan (document)->settings.strategy, ==, TAKT_STRATEGY_LEVEL);
  record (&history, document, "Change Strategy");
  gtk_spin_button_set_value (takt_spin_row_get_spin (find_named (pp, "time-limit")), 1500);
  record (&history, document, "Change Search Time Limit");
  save_shot (pp, "plan-properties");
  gtk_window_destroy (GTK_WINDOW (properties));

  /* All the way back, one step at a time, to the file's bytes. */
  g_test_message ("%u steps", history.labels->len);
  for (guint i = history.labels->len; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_cmpstr (takt_document_get_undo_label (document), ==, g_ptr_array_index (history.labels, i - 1));
      g_assert_true (takt_document_undo (document));
      test_spin (5);
      now = plan_bytes (document);
      g_assert_cmpstr (now, ==, g_ptr_array_index (history.states, i - 1));
    }
  g_assert_false (takt_document_get_can_undo (document));
  g_assert_false (takt_document_get_dirty (document));

  /* And forward again. */
  for (guint i = 0; i < history.labels->len; i++)
    {
      g_autofree char *now = NULL;

      g_assert_cmpstr (takt_document_get_redo_label (document), ==, g_ptr_array_index (history.labels, i));
      g_assert_true (takt_document_redo (document));
      test_spin (5);
      now = plan_bytes (document);
      g_assert_cmpstr (now, ==, g_ptr_array_index (history.states, i + 1));
    }
  g_assert_false (takt_document_get_can_redo (document));

  g_ptr_array_unref (history.states);
  g_ptr_array_unref (history.labels);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Icon buttons say what they do; the pages show no empty placeholders. */
static void
check_icon_buttons (GtkWidget *widget,
                    guint     *checked)
{
  if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) &&
      gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON) == NULL &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_CALENDAR) == NULL &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) == NULL &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY) == NULL)
    {
      if (gtk_widget_get_tooltip_text (widget) == NULL)
        g_error ("icon button %s (%s) has no tooltip", gtk_widget_get_name (widget),
                 gtk_button_get_icon_name (GTK_BUTTON (widget)));
      (*checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_icon_buttons (child, checked);
}

static void
test_tooltips (void)
{
  TaktWindow *window = new_window ();
  TaktProductsPage *products = show_products (window);
  TaktStationsPage *stations;
  guint checked = 0;

  select_product (products, "vase");
  expand (GTK_WIDGET (products), "routing-step-0");
  check_icon_buttons (GTK_WIDGET (products), &checked);
  stations = show_stations (window);
  takt_stations_page_show (stations, "plant");
  test_spin (50);
  check_icon_buttons (GTK_WIDGET (stations), &checked);
  g_test_message ("%u icon buttons with tooltips", checked);
  g_assert_cmpuint (checked, >, 20);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Narrow, the list and the editor come one after the other: choosing a
 * product shows its editor with a way back. */
static void
test_narrow (void)
{
  TaktWindow *big = new_window ();
  GtkWidget *window = gtk_window_new ();
  TaktProductsPage *page = TAKT_PRODUCTS_PAGE (takt_products_page_new ());
  AdwLeaflet *leaflet = ADW_LEAFLET (test_find_descendant (GTK_WIDGET (page), ADW_TYPE_LEAFLET));
  GtkWidget *list_view = test_find_descendant (GTK_WIDGET (takt_products_page_get_list (page)), GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  GtkWidget *back;
  int min = 0;

  /* The page alone, as narrow as a phone (the window's other pages ask
   * for more room than that). */
  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("the Products page needs %d px", min);
  g_assert_cmpint (min, <=, 360);
  takt_page_set_document (TAKT_PAGE (page), takt_window_get_document (big));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 380, 720);
  gtk_window_present (GTK_WINDOW (window));
  test_spin (300);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  save_shot (window, "products-narrow-list");

  /* A person picks the second product. */
  g_assert_true (gtk_selection_model_select_item (selection, 1, TRUE));
  test_spin (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_assert_cmpstr (takt_product_editor_get_product (takt_products_page_get_editor (page)), ==, "lamp");
  back = find_button (GTK_WIDGET (page), "Back to the Products");
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_is_visible (back));
  save_shot (window, "products-narrow-detail");

  click (back);
  test_spin (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (big));
}

/* A plan of a thousand products: the pages stay quick to show, to search
 * and to type into. */
static void
test_large_plan (void)
{
  TaktPlan *plan = takt_generator_make (TAKT_GENERATOR_L, 1);
  g_autoptr(TaktDocument) document = NULL;
  TaktWindow *window;
  TaktProductsPage *page;
  TaktStationsPage *stations;
  TaktEditorList *list;
  GtkWidget *name;
  g_autofree char *id = NULL;
  gint64 start, show_us, search_us, slowest_us = 0, shift_us;
  guint n_products = plan->products->len;

  document = takt_document_new_from_plan (plan);
  takt_document_set_autosave_delay (document, G_MAXUINT);
  /* Only the editors are measured here, not the planner. */
  takt_document_set_replan_delay (document, 24 * 3600 * 1000);
  window = takt_window_new (NULL, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  test_spin (100);

  start = g_get_monotonic_time ();
  page = show_products (window);
  show_us = g_get_monotonic_time () - start;
  list = takt_products_page_get_list (page);
  g_assert_cmpuint (takt_editor_list_get_n_entries (list), ==, n_products);

  start = g_get_monotonic_time ();
  gtk_editable_set_text (takt_editor_list_get_search (list), "7");
  g_signal_emit_by_name (takt_editor_list_get_search (list), "search-changed");
  search_us = g_get_monotonic_time () - start;
  g_assert_cmpuint (takt_editor_list_get_n_shown (list), <, n_products);
  g_assert_cmpuint (takt_editor_list_get_n_shown (list), >, 0);
  gtk_editable_set_text (takt_editor_list_get_search (list), "");
  g_signal_emit_by_name (takt_editor_list_get_search (list), "search-changed");

  id = g_strdup (((TaktProduct *) g_ptr_array_index (takt_document_get_plan (document)->products, 500))->id);
  select_product (page, id);
  name = find_named (GTK_WIDGET (takt_products_page_get_editor (page)), "product-name");
  gtk_widget_grab_focus (test_find_descendant (name, GTK_TYPE_TEXT));
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *text = g_strndup ("Widget", i);
      gint64 us;

      start = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (name), text);
      us = g_get_monotonic_time () - start;
      slowest_us = MAX (slowest_us, us);
    }
  g_assert_cmpstr (product (document, id)->name, ==, "Widget");
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Rename Product");

  stations = show_stations (window);
  takt_stations_page_show (stations, "plant");
  test_spin (50);
  expand (GTK_WIDGET (stations), "weekday-6");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (stations), "shift-from-6")), "01:00");
  start = g_get_monotonic_time ();
  type_and_enter (find_named (GTK_WIDGET (stations), "shift-to-6"), "02:00");
  shift_us = g_get_monotonic_time () - start;
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Add Shift");

  g_test_message ("%u products, %u orders: page shown in %.1f ms, search in %.1f ms, "
                  "slowest keystroke in the name %.1f ms, a shift added in %.1f ms",
                  n_products, takt_document_get_plan (document)->orders->len,
                  show_us / 1000.0, search_us / 1000.0, slowest_us / 1000.0, shift_us / 1000.0);
  /* The times are figures, not bounds: `meson test --benchmark
   * editors-large-plan` prints them. */

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  test_init_gui (&argc, &argv);

  g_test_add_func ("/editors/duration-parse", test_duration_parse);
  g_test_add_func ("/editors/shift-times", test_shift_times);
  g_test_add_func ("/editors/cycle-time", test_cycle_time);
  g_test_add_func ("/editors/name-typing", test_name_typing);
  g_test_add_func ("/editors/rename-product", test_rename_product);
  g_test_add_func ("/editors/products-list", test_products_list);
  g_test_add_func ("/editors/shift-overlap", test_shift_overlap);
  g_test_add_func ("/editors/plant-without-calendar", test_plant_without_calendar);
  g_test_add_func ("/editors/line-balance", test_line_balance);
  g_test_add_func ("/editors/undo-redo-every-edit", test_undo_redo_every_edit);
  g_test_add_func ("/editors/tooltips", test_tooltips);
  g_test_add_func ("/editors/narrow", test_narrow);
  g_test_add_func ("/editors/large-plan", test_large_plan);

  return g_test_run ();
}
