/* test-app-common.c — helpers shared by the app's tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-app-common"

#include "config.h"

#include "takt-application.h"
#include "test-app-common.h"

/* Points the XDG folders (recent files, recovery files) at a new temporary
 * folder, before GLib reads them.  A test's subprocess shares its parent's
 * folder. */
void
test_isolate_dirs (void)
{
  static const char * const vars[] = { "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  g_autofree char *root = g_strdup (g_getenv ("TAKT_TEST_ROOT"));

  if (root == NULL)
    {
      root = g_dir_make_tmp ("takt-app-test-XXXXXX", NULL);
      g_assert (root != NULL);
      g_setenv ("TAKT_TEST_ROOT", root, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (root, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
}

/* What a test program with widgets does first: isolates its folders
 * (test_isolate_dirs ()), then starts GTK and libadwaita for tests. */
void
test_init_gui (int    *argc,
               char ***argv)
{
  test_isolate_dirs ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* A timeout's callback: sets the gboolean at @user_data. */
gboolean
test_timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *counter reaches @target, failing after
 * @timeout_ms. */
void
test_wait_until (guint *counter,
                 guint  target,
                 guint  timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, test_timeout_cb, &expired);

  while (*counter < target && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (id);
  g_assert_false (expired);
}

/* Runs the main loop for @ms milliseconds. */
void
test_spin (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, test_timeout_cb, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

/* Loads the sample plan into @document and turns its autosave off (what
 * else the test wants of it, a re-plan delay or a time limit, it sets
 * before). */
void
test_load_sample_into (TaktDocument *document)
{
  g_autoptr(GFile) sample = g_file_new_for_uri (TAKT_SAMPLE_PLAN_URI);
  g_autoptr(GError) error = NULL;

  takt_document_set_autosave_delay (document, G_MAXUINT);
  g_assert_true (takt_document_load (document, sample, NULL, &error));
  g_assert_no_error (error);
}

/* A new document with the sample plan, autosave off. */
TaktDocument *
test_new_sample_document (void)
{
  TaktDocument *document = takt_document_new ();

  test_load_sample_into (document);
  return document;
}

/* A window on @document, shown; @width × @height is its default size, or
 * with 0 the window's own. */
TaktWindow *
test_present_window (TaktDocument *document,
                     int           width,
                     int           height)
{
  TaktWindow *window = takt_window_new (NULL, document);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* A window on a new document with the sample plan (test_new_sample_document ()). */
TaktWindow *
test_window_with_sample (int width,
                         int height)
{
  g_autoptr(TaktDocument) document = test_new_sample_document ();

  return test_present_window (document, width, height);
}

static void
count_replans_cb (TaktDocument *document,
                  double        previous_total,
                  double        total,
                  gint64        previous_late,
                  gint64        late,
                  gboolean      final,
                  guint        *finals)
{
  if (final)
    (*finals)++;
}

/* Counts @document's final plans in *finals (the quick construction's
 * "replanned" does not count) until the document is finalized or its
 * handlers for @finals are disconnected. */
void
test_count_replans (TaktDocument *document,
                    guint        *finals)
{
  g_signal_connect (document, "replanned", G_CALLBACK (count_replans_cb), finals);
}

typedef struct
{
  guint  finals;
  double total;
} Replan;

static void
replan_done_cb (TaktDocument *document,
                double        previous_total,
                double        total,
                gint64        previous_late,
                gint64        late,
                gboolean      final,
                Replan       *replan)
{
  if (final)
    {
      replan->finals++;
      replan->total = total;
    }
}

/* Plans @document again with the planner's construction only (the same
 * plan every time), runs the main loop until that plan is in and a little
 * after it (for the pages to show it) and returns its total cost. */
double
test_replan_and_wait (TaktDocument *document)
{
  Replan replan = { 0 };

  takt_document_set_time_limit_ms (document, 0);
  g_signal_connect (document, "replanned", G_CALLBACK (replan_done_cb), &replan);
  takt_document_replan (document);
  test_wait_until (&replan.finals, 1, 60000);
  g_signal_handlers_disconnect_by_func (document, replan_done_cb, &replan);
  test_spin (50);

  g_assert_nonnull (takt_document_get_schedule (document));
  g_assert_nonnull (takt_document_get_stats (document));
  g_assert_cmpfloat_with_epsilon (takt_document_get_stats (document)->total, replan.total, 1e-9);
  return replan.total;
}

/* An edit for takt_document_edit (): the plan's name becomes @name. */
gboolean
test_rename_plan (TaktPlan  *plan,
                  gpointer   name,
                  GError   **error)
{
  g_free (plan->name);
  plan->name = g_strdup (name);
  return TRUE;
}

/* An edit for takt_document_edit (): the first step of the first product
 * takes GPOINTER_TO_INT (@seconds) longer. */
gboolean
test_longer_cycle (TaktPlan  *plan,
                   gpointer   seconds,
                   GError   **error)
{
  TaktProduct *product = g_ptr_array_index (plan->products, 0);
  TaktStep *step = g_ptr_array_index (product->routing, 0);

  step->cycle_s += GPOINTER_TO_INT (seconds);
  return TRUE;
}

/* The first of the toplevel windows that is a @type, or NULL. */
GtkWindow *
test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* Writes what @widget shows, on its window's background, to the PNG file
 * @path. */
void
test_write_png (GtkWidget  *widget,
                const char *path)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GdkRGBA background = { 1, 1, 1, 1 };

  /* A widget inside a window has no background of its own. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &background);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s (%d × %d)", path, width, height);
}

/* @root, or the first widget under it (depth first), that is a @type; or
 * NULL. */
GtkWidget *
test_find_descendant (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Appends the text of each label shown (mapped) on @widget and below to
 * @out, one a line. */
void
test_collect_labels (GtkWidget *widget,
                     GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    test_collect_labels (child, out);
}

/* With TAKT_TEST_SCREENSHOTS=DIR: @shoot writes DIR/@name-light.png in the
 * light style, then DIR/@name-dark.png in the dark one.  Without it the
 * test is skipped. */
void
test_shoot_light_and_dark (const char *name,
                           void      (*shoot) (const char *path))
{
  const char *dir = g_getenv ("TAKT_TEST_SCREENSHOTS");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (dir == NULL)
    {
      g_test_skip ("TAKT_TEST_SCREENSHOTS is not set");
      return;
    }

  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s-%s.png", dir, name, dark ? "dark" : "light");

      adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      shoot (path);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}
