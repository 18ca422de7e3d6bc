/* test-narrow.c — every page fits GNOME's small-screen width (360 px)
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page of the window on the sample plan is measured (its own minimum
 * width and the window content's with the page shown) and must fit 360 px;
 * then the window, set to 360 × 720, must really be that wide.  With
 * TAKT_NARROW_SHOTS=FOLDER each page is also saved there as a PNG, for a
 * person to look at (in German with LANGUAGE=de LC_ALL=de_DE.UTF-8).  And
 * the wrapping box of the toolbars lays out as it should.
 */

#define G_LOG_DOMAIN "test-narrow"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "takt-application.h"
#include "takt-window.h"
#include "takt-wrap-box.h"
#include "test-app-common.h"

#define NARROW_WIDTH  360
#define NARROW_HEIGHT 720

static const char * const page_names[] = { "schedule", "campaigns", "demand", "products", "stations", "costs" };

/* The widest descendants of @widget, for a message when a page is too
 * wide: each widget whose minimum width is over @limit while none of its
 * children's is. */
static void
report_wide (GtkWidget *widget,
             int        limit,
             GString   *out)
{
  gboolean wide_child = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > limit)
        {
          wide_child = TRUE;
          report_wide (child, limit, out);
        }
    }
  if (!wide_child)
    {
      int min = 0;

      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
      g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
      g_autofree char *joined = g_strjoinv (".", classes);
      GtkWidget *parent = gtk_widget_get_parent (widget);

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_string_append_printf (out, "  %s #%s .%s in %s: %d px\n", G_OBJECT_TYPE_NAME (widget),
                              id != NULL ? id : "", joined, parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-",
                              min);
    }
}

/* The first widget under @widget of @type, or with the builder id @id. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *id)
{
  if ((type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (widget, type)) ||
      (id != NULL && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save_shot (GtkWidget  *widget,
           const char *folder,
           const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.png", folder, name);

  test_write_png (widget, path);
}

static void
test_pages_fit (void)
{
  TaktWindow *window = test_window_with_sample (NARROW_WIDTH, NARROW_HEIGHT);
  const char *shots = g_getenv ("TAKT_NARROW_SHOTS");
  GString *too_wide = g_string_new (NULL);

  test_replan_and_wait (takt_window_get_document (window));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *page = takt_window_get_page_widget (window, page_names[i]);
      int page_min = 0, window_min = 0;

      takt_window_set_page (window, page_names[i]);
      /* Past the pages' cross-fades, for the pictures. */
      test_spin (shots != NULL ? 600 : 150);

      gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &page_min, NULL, NULL, NULL);
      /* The window's content: the header bar, the page, the switcher bar
       * (the window itself adds the frame of its decoration). */
      gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &window_min, NULL, NULL, NULL);
      g_test_message ("%s: page at least %d px, window content at least %d px, shown %d x %d", page_names[i], page_min,
                      window_min, gtk_widget_get_width (GTK_WIDGET (window)),
                      gtk_widget_get_height (GTK_WIDGET (window)));
      if (page_min > NARROW_WIDTH || window_min > NARROW_WIDTH)
        {
          g_string_append_printf (too_wide, "%s needs %d px:\n", page_names[i], MAX (page_min, window_min));
          report_wide (page, NARROW_WIDTH, too_wide);
        }
      if (shots != NULL)
        {
          g_autofree char *name = g_strdup_printf ("narrow-%s", page_names[i]);

          save_shot (GTK_WIDGET (window), shots, name);
        }
    }

  /* The Campaigns page's list folds over the calendar; its button in the
   * toolbar brings it. */
  {
    GtkWidget *page = takt_window_get_page_widget (window, "campaigns");
    AdwFlap *flap;
    GtkWidget *button, *list;

    takt_window_set_page (window, "campaigns");
    test_spin (150);
    flap = ADW_FLAP (find_widget (page, ADW_TYPE_FLAP, NULL));
    button = find_widget (page, G_TYPE_INVALID, "list_button");
    list = find_widget (page, G_TYPE_INVALID, "list");
    g_assert_nonnull (flap);
    g_assert_nonnull (button);
    g_assert_nonnull (list);
    g_assert_true (adw_flap_get_folded (flap));
    g_assert_false (adw_flap_get_reveal_flap (flap));
    g_assert_true (gtk_widget_get_mapped (button));
    g_assert_false (gtk_widget_get_mapped (list));
    gtk_widget_activate (button);
    test_spin (shots != NULL ? 600 : 300);
    g_assert_true (adw_flap_get_reveal_flap (flap));
    /* The flap slides in: on a busy machine that takes longer. */
    for (int i = 0; i < 30 && !gtk_widget_get_mapped (list); i++)
      test_spin (100);
    g_assert_true (gtk_widget_get_mapped (list));
    if (shots != NULL)
      save_shot (GTK_WIDGET (window), shots, "narrow-campaigns-list");
    /* (A button clicks a moment after its activation.) */
    gtk_widget_activate (button);
    test_spin (300);
    g_assert_false (adw_flap_get_reveal_flap (flap));
  }

  if (too_wide->len > 0)
    g_test_message ("too wide:\n%s", too_wide->str);
  g_assert_cmpuint (too_wide->len, ==, 0);
  g_string_free (too_wide, TRUE);

  /* The window really is that narrow. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, NARROW_WIDTH);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
fixed_child (int width,
             int height)
{
  GtkWidget *child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_size_request (child, width, height);
  return child;
}

static graphene_rect_t
bounds_in (GtkWidget *child,
           GtkWidget *parent)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, parent, &bounds));
  return bounds;
}

/* The toolbars' wrapping box: one line while the children fit, a new line
 * for each child that does not, expanding children take a line's rest. */
static void
test_wrap_box (void)
{
  GtkWidget *window = gtk_window_new ();
  TaktWrapBox *box = TAKT_WRAP_BOX (takt_wrap_box_new ());
  GtkWidget *children[4];
  graphene_rect_t r;
  int min, nat;

  takt_wrap_box_set_spacing (box, 10);
  takt_wrap_box_set_line_spacing (box, 5);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      children[i] = fixed_child (100, 20);
      takt_wrap_box_append (box, children[i]);
    }
  gtk_widget_set_hexpand (children[3], TRUE);

  gtk_widget_measure (GTK_WIDGET (box), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 100);
  g_assert_cmpint (nat, ==, 430);
  gtk_widget_measure (GTK_WIDGET (box), GTK_ORIENTATION_VERTICAL, 430, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 20);
  gtk_widget_measure (GTK_WIDGET (box), GTK_ORIENTATION_VERTICAL, 215, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 2 * 20 + 5);
  gtk_widget_measure (GTK_WIDGET (box), GTK_ORIENTATION_VERTICAL, 100, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 4 * 20 + 3 * 5);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (box));
  gtk_window_present (GTK_WINDOW (window));
  test_spin (100);

  /* Wide: one line, the expanding child takes what is left. */
  gtk_widget_size_allocate (GTK_WIDGET (box), &(GtkAllocation) { 0, 0, 500, 20 }, -1);
  g_assert_cmpuint (takt_wrap_box_get_n_lines (box), ==, 1);
  r = bounds_in (children[2], GTK_WIDGET (box));
  g_assert_cmpfloat (r.origin.x, ==, 220);
  r = bounds_in (children[3], GTK_WIDGET (box));
  g_assert_cmpfloat (r.origin.x, ==, 330);
  g_assert_cmpfloat (r.size.width, ==, 170);

  /* 250 px: two a line; the second line starts under the first. */
  gtk_widget_size_allocate (GTK_WIDGET (box), &(GtkAllocation) { 0, 0, 250, 45 }, -1);
  g_assert_cmpuint (takt_wrap_box_get_n_lines (box), ==, 2);
  r = bounds_in (children[1], GTK_WIDGET (box));
  g_assert_cmpfloat (r.origin.x, ==, 110);
  g_assert_cmpfloat (r.origin.y, ==, 0);
  r = bounds_in (children[2], GTK_WIDGET (box));
  g_assert_cmpfloat (r.origin.x, ==, 0);
  g_assert_cmpfloat (r.origin.y, ==, 25);
  r = bounds_in (children[3], GTK_WIDGET (box));
  g_assert_cmpfloat (r.origin.x, ==, 110);
  g_assert_cmpfloat (r.size.width, ==, 140);

  /* A hidden child takes no room. */
  gtk_widget_set_visible (children[1], FALSE);
  gtk_widget_measure (GTK_WIDGET (box), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 320);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("TAKT_BUILD_ROOT");

  test_isolate_dirs ();
  /* The build's catalogues, so that LANGUAGE=de LC_ALL=de_DE.UTF-8 shows
   * (and measures) the German pages. */
  if (build_root != NULL)
    {
      g_autofree char *locale_dir = g_build_filename (build_root, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() sets the C locale; pictures are taken in the
   * environment's. */
  if (g_getenv ("TAKT_NARROW_SHOTS") != NULL)
    setlocale (LC_ALL, "");
  adw_init ();

  g_test_add_func ("/narrow/wrap-box", test_wrap_box);
  g_test_add_func ("/narrow/pages-fit", test_pages_fit);

  return g_test_run ();
}
