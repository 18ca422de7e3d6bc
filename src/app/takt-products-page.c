/* takt-products-page.c — the Products page: products and their routings
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-products-page"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-format.h"
#include "takt-products-page.h"
#include "takt-widgets.h"

struct _TaktProductsPage
{
  TaktPage              parent_instance;

  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *group;
  GPtrArray            *rows;
};

G_DEFINE_FINAL_TYPE (TaktProductsPage, takt_products_page, TAKT_TYPE_PAGE)

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* The routing and figures of a product, built when its row is first
 * opened: a plan of a thousand products would otherwise make thousands of
 * rows nobody looks at. */
static void
add_details (AdwExpanderRow    *expander,
             const TaktPlan    *plan,
             const TaktProduct *product,
             const char        *currency)
{
  g_autofree char *price = takt_format_money (product->price, currency);
  g_autofree char *setup_cost = takt_format_money (product->setup_cost, currency);
  g_autofree char *holding = takt_format_money (product->holding_cost_per_day, currency);
  g_autofree char *late = takt_format_money (product->late_cost_per_day, currency);
  g_autofree char *unit_cost = takt_format_money (product->unit_cost, currency);
  g_autofree char *margin = takt_format_money (product->price - product->unit_cost, currency);
  g_autofree char *stock = takt_format_count (product->initial_stock);
  g_autofree char *min_run = takt_format_count (product->min_run);
  g_autofree char *max_run = NULL;
  g_autofree char *costs = NULL;
  g_autofree char *runs = NULL;
  g_autofree char *money = NULL;

  for (guint i = 0; i < product->routing->len; i++)
    {
      const TaktStep *step = g_ptr_array_index (product->routing, i);
      const char *station = step->station;
      g_autofree char *title = NULL;
      g_autofree char *cycle = takt_format_duration (step->cycle_s);
      g_autofree char *setup = takt_format_duration (step->setup_s);
      g_autofree char *detail = NULL;

      if (step->station_index >= 0 && step->station_index < (int) plan->stations->len)
        station = ((TaktStation *) g_ptr_array_index (plan->stations, step->station_index))->name;

      /* Translators: a routing step: its position and station, "2. Finishing" */
      title = g_strdup_printf (_("%u. %s"), i + 1, station);
      /* Translators: the work per unit and the setup per run at a step */
      detail = g_strdup_printf (_("Cycle %s per unit · setup %s per run"), cycle, setup);
      adw_expander_row_add_row (expander, plain_row (title, detail));
    }

  /* Translators: the cost figures of a product */
  costs = g_strdup_printf (_("Setup %s per run · holding %s per unit and day · late %s per unit and day"),
                           setup_cost, holding, late);
  adw_expander_row_add_row (expander, plain_row (_("Costs"), costs));

  if (product->max_run > 0)
    max_run = takt_format_count (product->max_run);
  if (max_run != NULL)
    /* Translators: stock on hand and the bounds of a run's quantity */
    runs = g_strdup_printf (_("%s in stock · runs of %s to %s units"), stock, min_run, max_run);
  else
    /* Translators: stock on hand and the lower bound of a run's quantity */
    runs = g_strdup_printf (_("%s in stock · runs of at least %s units"), stock, min_run);
  adw_expander_row_add_row (expander, plain_row (_("Stock and Runs"), runs));

  /* Translators: what a unit costs, sells for and earns */
  money = g_strdup_printf (_("Unit cost %s · price %s · margin %s"), unit_cost, price, margin);
  adw_expander_row_add_row (expander, plain_row (_("Margin"), money));

}

static void
expanded_cb (AdwExpanderRow   *expander,
             GParamSpec       *pspec,
             TaktProductsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  const char *id = g_object_get_data (G_OBJECT (expander), "takt-product-id");
  const TaktPlan *plan;
  int index;

  if (!adw_expander_row_get_expanded (expander) ||
      g_object_get_data (G_OBJECT (expander), "takt-details") != NULL ||
      document == NULL)
    return;

  plan = takt_document_get_plan (document);
  index = takt_plan_find_product (plan, id);
  if (index < 0)
    return;

  add_details (expander, plan, g_ptr_array_index (plan->products, index),
               takt_page_get_currency (TAKT_PAGE (self)));
  g_object_set_data (G_OBJECT (expander), "takt-details", GINT_TO_POINTER (TRUE));
}

static GtkWidget *
product_row (TaktProductsPage  *self,
             const TaktPlan    *plan,
             const TaktProduct *product,
             const char        *currency)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *price = takt_format_money (product->price, currency);
  g_autoptr(GString) path = g_string_new (NULL);
  GtkWidget *price_label;

  for (guint i = 0; i < product->routing->len; i++)
    {
      const TaktStep *step = g_ptr_array_index (product->routing, i);
      const char *station = step->station;

      if (step->station_index >= 0 && step->station_index < (int) plan->stations->len)
        station = ((TaktStation *) g_ptr_array_index (plan->stations, step->station_index))->name;
      if (i > 0)
        g_string_append (path, " → ");
      g_string_append (path, station);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), product->name ? product->name : product->id);
  /* Translators: a product's id and the stations of its routing in order,
   * "vase · Print farm → Finishing → Packing" */
  subtitle = g_strdup_printf (_("%s · %s"), product->id, path->str);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), takt_swatch_new (product->color));

  price_label = gtk_label_new (price);
  gtk_widget_add_css_class (price_label, "numeric");
  gtk_widget_add_css_class (price_label, "dim-label");
  gtk_widget_set_tooltip_text (price_label, _("Price"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), price_label);

  g_object_set_data_full (G_OBJECT (expander), "takt-product-id", g_strdup (product->id), g_free);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (expanded_cb), self);

  return expander;
}

static void
takt_products_page_plan_changed (TaktPage *page)
{
  TaktProductsPage *self = TAKT_PRODUCTS_PAGE (page);
  TaktDocument *document = takt_page_get_document (page);
  const char *currency = takt_page_get_currency (page);
  g_autofree char *description = NULL;
  const TaktPlan *plan;

  if (self->rows == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (document == NULL)
    return;

  plan = takt_document_get_plan (document);

  /* Translators: the number of products in a plan */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product", "%u products",
                                              plan->products->len),
                                 plan->products->len);
  adw_preferences_group_set_description (self->group, description);

  for (guint i = 0; i < plan->products->len; i++)
    {
      GtkWidget *row = product_row (self, plan, g_ptr_array_index (plan->products, i), currency);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
takt_products_page_dispose (GObject *object)
{
  TaktProductsPage *self = TAKT_PRODUCTS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (takt_products_page_parent_class)->dispose (object);
}

static void
takt_products_page_class_init (TaktProductsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  object_class->dispose = takt_products_page_dispose;
  page_class->plan_changed = takt_products_page_plan_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-products-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktProductsPage, page);
  gtk_widget_class_bind_template_child (widget_class, TaktProductsPage, group);
}

static void
takt_products_page_init (TaktProductsPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
takt_products_page_new (void)
{
  return g_object_new (TAKT_TYPE_PRODUCTS_PAGE, NULL);
}
