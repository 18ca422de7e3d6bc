/* takt-products-page.c — the Products page: a searchable list and an editor
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list at the side (takt-editor-list.h) and the product editor
 * (takt-product-editor.h) in an AdwLeaflet: side by side when there is
 * room, one after the other with a back button when the window is narrow.
 */

#define G_LOG_DOMAIN "takt-products-page"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-editor-common.h"
#include "takt-editor-list.h"
#include "takt-product-editor.h"
#include "takt-products-page.h"

#define NEW_STEP_CYCLE_S 60

struct _TaktProductsPage
{
  TaktPage           parent_instance;

  AdwLeaflet        *leaflet;
  GtkWidget         *sidebar;
  GtkWidget         *back_bar;
  GtkWidget         *back_button;
  GtkWidget         *back_title;
  GtkStack          *detail_stack;
  TaktProductEditor *editor;
  TaktEditorList    *list;
};

G_DEFINE_FINAL_TYPE (TaktProductsPage, takt_products_page, TAKT_TYPE_PAGE)

static const char *
product_title (const TaktProduct *product)
{
  return product->name != NULL && product->name[0] != '\0' ? product->name : product->id;
}

/* The editor shows the product selected in the list. */
static void
show_selected (TaktProductsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  const char *id = takt_editor_list_get_selected (self->list);
  const TaktPlan *plan;
  int p;

  if (document == NULL || id == NULL)
    {
      takt_product_editor_show (self->editor, document, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      gtk_label_set_text (GTK_LABEL (self->back_title), "");
      return;
    }

  plan = takt_document_get_plan (document);
  p = takt_plan_find_product (plan, id);
  takt_product_editor_show (self->editor, document, id);
  gtk_stack_set_visible_child_name (self->detail_stack, p >= 0 ? "product" : "empty");
  gtk_label_set_text (GTK_LABEL (self->back_title),
                      p >= 0 ? product_title (g_ptr_array_index (plan->products, p)) : "");
}

static void
takt_products_page_plan_changed (TaktPage *page)
{
  TaktProductsPage *self = TAKT_PRODUCTS_PAGE (page);
  TaktDocument *document = takt_page_get_document (page);
  g_autofree TaktEditorListEntry *entries = NULL;
  g_autoptr(GPtrArray) subtitles = g_ptr_array_new_with_free_func (g_free);
  const TaktPlan *plan;

  if (document == NULL)
    {
      takt_editor_list_set_entries (self->list, NULL, 0);
      show_selected (self);
      return;
    }

  plan = takt_document_get_plan (document);
  entries = g_new0 (TaktEditorListEntry, MAX (plan->products->len, 1));
  for (guint i = 0; i < plan->products->len; i++)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, i);
      /* Translators: a product's id and the number of steps of its routing, "vase · 4 steps" */
      char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u step", "%s · %u steps",
                                                     product->routing->len),
                                        product->id, product->routing->len);

      g_ptr_array_add (subtitles, subtitle);
      entries[i].id = product->id;
      entries[i].title = product_title (product);
      entries[i].subtitle = subtitle;
      entries[i].color = product->color;
    }

  takt_editor_list_set_entries (self->list, entries, plan->products->len);
  takt_editor_list_set_can_remove (self->list, plan->products->len > 1);

  /* Side by side, something is always shown. */
  if (takt_editor_list_get_selected (self->list) == NULL &&
      !adw_leaflet_get_folded (self->leaflet) && plan->products->len > 0 &&
      gtk_editable_get_text (takt_editor_list_get_search (self->list))[0] == '\0')
    takt_editor_list_select_position (self->list, 0);

  show_selected (self);
}

static void
selected_cb (TaktProductsPage *self)
{
  show_selected (self);
}

static void
chosen_cb (TaktProductsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet) && takt_editor_list_get_selected (self->list) != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
folded_cb (TaktProductsPage *self)
{
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
}

static void
back_cb (TaktProductsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- adding and removing ---- */

typedef struct
{
  char *id;
  char *name;
} AddProduct;

static gboolean
add_product_cb (TaktPlan  *plan,
                gpointer   user_data,
                GError   **error)
{
  AddProduct *add = user_data;
  TaktProduct *product = takt_product_new ();
  TaktStep *step = takt_step_new ();
  const TaktStation *first = g_ptr_array_index (plan->stations, 0);

  product->id = g_strdup (add->id);
  g_free (product->name);
  product->name = g_strdup (add->name);
  step->station = g_strdup (first->id);
  step->cycle_s = NEW_STEP_CYCLE_S;
  g_ptr_array_add (product->routing, step);
  g_ptr_array_add (plan->products, product);
  return TRUE;
}

static void
add_cb (TaktProductsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  AddProduct add;
  const TaktPlan *plan;

  if (document == NULL)
    return;

  plan = takt_document_get_plan (document);
  add.id = takt_editor_free_id (plan->products, G_STRUCT_OFFSET (TaktProduct, id), "product");
  add.name = g_strdup (_("New product"));

  if (takt_editor_edit (GTK_WIDGET (self), document, _("Add Product"), add_product_cb, &add))
    {
      takt_editor_list_select (self->list, add.id);
      show_selected (self);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }

  g_free (add.id);
  g_free (add.name);
}

typedef struct
{
  const char *id;
  guint       demand;   /* orders, forecast days and campaign shares removed with it */
  guint       pins;
} RemoveProduct;

static void
remove_matching (GPtrArray  *list,
                 gsize       product_offset,
                 const char *id,
                 guint      *count)
{
  for (guint i = list->len; i > 0; i--)
    if (g_strcmp0 (G_STRUCT_MEMBER (const char *, g_ptr_array_index (list, i - 1), product_offset), id) == 0)
      {
        g_ptr_array_remove_index (list, i - 1);
        (*count)++;
      }
}

static gboolean
remove_product_cb (TaktPlan  *plan,
                   gpointer   user_data,
                   GError   **error)
{
  RemoveProduct *remove = user_data;
  int p = takt_plan_find_product (plan, remove->id);

  if (p < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no product “%s” any more"), remove->id);
      return FALSE;
    }
  if (plan->products->len <= 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A plan needs at least one product"));
      return FALSE;
    }

  /* What names the product goes with it, so the plan stays whole; undo
   * brings it all back. */
  remove->demand = remove->pins = 0;
  remove_matching (plan->orders, G_STRUCT_OFFSET (TaktOrder, product), remove->id, &remove->demand);
  remove_matching (plan->forecast, G_STRUCT_OFFSET (TaktForecast, product), remove->id, &remove->demand);
  remove_matching (plan->pins, G_STRUCT_OFFSET (TaktPin, product), remove->id, &remove->pins);
  for (guint c = plan->campaigns->len; c > 0; c--)
    {
      TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, c - 1);

      remove_matching (campaign->products, G_STRUCT_OFFSET (TaktCampaignProduct, product),
                       remove->id, &remove->demand);
      if (campaign->products->len == 0)
        g_ptr_array_remove_index (plan->campaigns, c - 1);
    }

  g_ptr_array_remove_index (plan->products, p);
  return TRUE;
}

static void
remove_cb (TaktProductsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  g_autofree char *id = g_strdup (takt_editor_list_get_selected (self->list));
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  RemoveProduct remove = { id, 0, 0 };
  const TaktPlan *plan;
  int p;

  if (document == NULL || id == NULL)
    return;

  plan = takt_document_get_plan (document);
  p = takt_plan_find_product (plan, id);
  if (p < 0)
    return;
  title = g_strdup (product_title (g_ptr_array_index (plan->products, p)));

  if (!takt_editor_edit (GTK_WIDGET (self), document, _("Remove Product"), remove_product_cb, &remove))
    return;

  if (remove.demand + remove.pins > 0)
    /* Translators: a toast after removing a product that demand or pins named */
    message = g_strdup_printf (_("“%s” removed, with its demand and pins"), title);
  else
    /* Translators: a toast after removing a product */
    message = g_strdup_printf (_("“%s” removed"), title);
  takt_editor_toast (GTK_WIDGET (self), message, TRUE);
}

/* ---- the page ---- */

static void
takt_products_page_class_init (TaktProductsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  page_class->plan_changed = takt_products_page_plan_changed;

  g_type_ensure (TAKT_TYPE_PRODUCT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-products-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktProductsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TaktProductsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TaktProductsPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, TaktProductsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TaktProductsPage, back_title);
  gtk_widget_class_bind_template_child (widget_class, TaktProductsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TaktProductsPage, editor);
}

static void
takt_products_page_init (TaktProductsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = TAKT_EDITOR_LIST (takt_editor_list_new (_("Search Products"), _("Add Product"),
                                                       _("Remove Product"), _("No products")));
  gtk_widget_set_vexpand (GTK_WIDGET (self->list), TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->list), "product-list");
  gtk_box_append (GTK_BOX (self->sidebar), GTK_WIDGET (self->list));

  g_signal_connect_swapped (self->list, "notify::selected", G_CALLBACK (selected_cb), self);
  g_signal_connect_swapped (self->list, "chosen", G_CALLBACK (chosen_cb), self);
  g_signal_connect_swapped (self->list, "add", G_CALLBACK (add_cb), self);
  g_signal_connect_swapped (self->list, "remove", G_CALLBACK (remove_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_cb), self);
  folded_cb (self);
}

GtkWidget *
takt_products_page_new (void)
{
  return g_object_new (TAKT_TYPE_PRODUCTS_PAGE, NULL);
}

/**
 * takt_products_page_get_list:
 *
 * Returns: (transfer none): the list of products at the side
 */
TaktEditorList *
takt_products_page_get_list (TaktProductsPage *self)
{
  g_return_val_if_fail (TAKT_IS_PRODUCTS_PAGE (self), NULL);
  return self->list;
}

/**
 * takt_products_page_get_editor:
 *
 * Returns: (transfer none): the editor of the selected product
 */
TaktProductEditor *
takt_products_page_get_editor (TaktProductsPage *self)
{
  g_return_val_if_fail (TAKT_IS_PRODUCTS_PAGE (self), NULL);
  return self->editor;
}
