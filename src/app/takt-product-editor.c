/* takt-product-editor.c — every field of one product, editable
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-product-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "takt-editor-common.h"
#include "takt-format.h"
#include "takt-product-editor.h"
#include "takt-routing-editor.h"
#include "takt-widgets.h"

/* The plan format's bounds for quantities; the core refuses more. */
#define MAX_QUANTITY 1.0e9
#define MAX_AMOUNT   1.0e9

typedef enum
{
  FIELD_ID,
  FIELD_NAME,
  FIELD_COLOR,
  FIELD_SETUP_COST,
  FIELD_HOLDING_COST,
  FIELD_LATE_COST,
  FIELD_UNIT_COST,
  FIELD_PRICE,
  FIELD_INITIAL_STOCK,
  FIELD_MIN_RUN,
  FIELD_MAX_RUN,
  N_FIELDS
} Field;

#define FIRST_SPIN FIELD_SETUP_COST

typedef enum
{
  GROUP_GENERAL,
  GROUP_COSTS,
  GROUP_RUNS,
  N_GROUPS
} Group;

typedef struct
{
  const char *name;         /* widget name and merge key */
  const char *title;
  const char *subtitle;     /* NULL for money: money_subtitle() */
  gboolean    money;
  const char *undo;
  double      lower;
  double      upper;
  double      step;
  guint       digits;
  Group       group;
} SpinField;

/* Indexed by Field - FIRST_SPIN. */
static const SpinField spin_fields[] = {
  { "setup-cost", N_("Setup cost"), NULL, TRUE, N_("Change Setup Cost"),
    0, MAX_AMOUNT, 1, 2, GROUP_COSTS },
  { "holding-cost", N_("Holding cost"), NULL, TRUE, N_("Change Holding Cost"),
    0, MAX_AMOUNT, 0.01, 3, GROUP_COSTS },
  { "late-cost", N_("Late cost"), NULL, TRUE, N_("Change Late Cost"),
    0, MAX_AMOUNT, 0.1, 2, GROUP_COSTS },
  { "unit-cost", N_("Unit cost"), NULL, TRUE, N_("Change Unit Cost"),
    0, MAX_AMOUNT, 0.1, 2, GROUP_COSTS },
  { "price", N_("Price"), NULL, TRUE, N_("Change Price"),
    0, MAX_AMOUNT, 0.1, 2, GROUP_COSTS },
  { "initial-stock", N_("Initial stock"), N_("Units on hand at the start of the horizon"), FALSE,
    N_("Change Initial Stock"), 0, MAX_QUANTITY, 1, 0, GROUP_RUNS },
  { "min-run", N_("Minimum run"), N_("The fewest units a run makes"), FALSE, N_("Change Minimum Run"),
    1, MAX_QUANTITY, 1, 0, GROUP_RUNS },
  { "max-run", N_("Maximum run"), N_("The most units a run makes; 0 means no bound"), FALSE,
    N_("Change Maximum Run"), 0, MAX_QUANTITY, 1, 0, GROUP_RUNS },
};

struct _TaktProductEditor
{
  AdwBin               parent_instance;

  TaktDocument        *document;
  char                *product_id;
  guint                syncing;
  gboolean             switched;   /* another product than the last sync */

  GtkWidget           *page;
  GtkWidget           *groups[N_GROUPS];
  GtkWidget           *errors[N_GROUPS];
  GtkWidget           *id_row;
  GtkWidget           *name_row;
  GtkWidget           *color_row;
  GtkWidget           *color_button;
  GtkWidget           *spin_rows[G_N_ELEMENTS (spin_fields)];
  GtkWidget           *margin_row;
  GtkWidget           *routing;
};

G_DEFINE_FINAL_TYPE (TaktProductEditor, takt_product_editor, ADW_TYPE_BIN)

typedef struct
{
  char   *product;
  Field   field;
  double  number;
  char   *text;
} ProductEdit;

static double
get_number (const TaktProduct *product,
            Field              field)
{
  switch (field)
    {
    case FIELD_SETUP_COST: return product->setup_cost;
    case FIELD_HOLDING_COST: return product->holding_cost_per_day;
    case FIELD_LATE_COST: return product->late_cost_per_day;
    case FIELD_UNIT_COST: return product->unit_cost;
    case FIELD_PRICE: return product->price;
    case FIELD_INITIAL_STOCK: return (double) product->initial_stock;
    case FIELD_MIN_RUN: return (double) product->min_run;
    case FIELD_MAX_RUN: return (double) product->max_run;
    case FIELD_ID:
    case FIELD_NAME:
    case FIELD_COLOR:
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static void
rename_references (TaktPlan   *plan,
                   const char *old_id,
                   const char *new_id)
{
  for (guint i = 0; i < plan->orders->len; i++)
    {
      TaktOrder *order = g_ptr_array_index (plan->orders, i);

      if (g_strcmp0 (order->product, old_id) == 0)
        replace_string (&order->product, new_id);
    }
  for (guint i = 0; i < plan->forecast->len; i++)
    {
      TaktForecast *forecast = g_ptr_array_index (plan->forecast, i);

      if (g_strcmp0 (forecast->product, old_id) == 0)
        replace_string (&forecast->product, new_id);
    }
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, i);

      for (guint k = 0; k < campaign->products->len; k++)
        {
          TaktCampaignProduct *cp = g_ptr_array_index (campaign->products, k);

          if (g_strcmp0 (cp->product, old_id) == 0)
            replace_string (&cp->product, new_id);
        }
    }
  for (guint i = 0; i < plan->pins->len; i++)
    {
      TaktPin *pin = g_ptr_array_index (plan->pins, i);

      if (g_strcmp0 (pin->product, old_id) == 0)
        replace_string (&pin->product, new_id);
    }
}

static gboolean
edit_product_cb (TaktPlan  *plan,
                 gpointer   user_data,
                 GError   **error)
{
  ProductEdit *edit = user_data;
  int p = takt_plan_find_product (plan, edit->product);
  TaktProduct *product;

  if (p < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no product “%s” any more"), edit->product);
      return FALSE;
    }
  product = g_ptr_array_index (plan->products, p);

  switch (edit->field)
    {
    case FIELD_ID:
      {
        g_autofree char *id = g_strstrip (g_strdup (edit->text));

        if (id[0] == '\0')
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                 _("A product needs an id"));
            return FALSE;
          }
        if (g_strcmp0 (id, product->id) == 0)
          return TRUE;
        if (takt_plan_find_product (plan, id) >= 0)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         _("Another product has the id “%s”"), id);
            return FALSE;
          }
        rename_references (plan, product->id, id);
        replace_string (&product->id, id);
      }
      break;

    case FIELD_NAME:
      replace_string (&product->name, edit->text);
      break;

    case FIELD_COLOR:
      replace_string (&product->color, edit->text);
      break;

    case FIELD_SETUP_COST:
      product->setup_cost = edit->number;
      break;

    case FIELD_HOLDING_COST:
      product->holding_cost_per_day = edit->number;
      break;

    case FIELD_LATE_COST:
      product->late_cost_per_day = edit->number;
      break;

    case FIELD_UNIT_COST:
      product->unit_cost = edit->number;
      break;

    case FIELD_PRICE:
      product->price = edit->number;
      break;

    case FIELD_INITIAL_STOCK:
      product->initial_stock = (gint64) llround (edit->number);
      break;

    case FIELD_MIN_RUN:
      product->min_run = (gint64) llround (edit->number);
      break;

    case FIELD_MAX_RUN:
      product->max_run = (gint64) llround (edit->number);
      break;

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static Group
field_group (Field field)
{
  if (field >= FIRST_SPIN)
    return spin_fields[field - FIRST_SPIN].group;
  return GROUP_GENERAL;
}

static const char *
field_title (Field field)
{
  if (field == FIELD_ID)
    return _("Id");
  if (field == FIELD_NAME)
    return _("Name");
  if (field == FIELD_COLOR)
    return _("Color");
  return gettext (spin_fields[field - FIRST_SPIN].title);
}

/* What a money field counts, in the plan's currency ("EUR per run"). */
static char *
money_subtitle (Field       field,
                const char *currency)
{
  if (field == FIELD_SETUP_COST)
    /* Translators: %s is the plan's currency code, "EUR per run" */
    return g_strdup_printf (_("%s per run"), currency);
  if (field == FIELD_HOLDING_COST)
    /* Translators: %s is the plan's currency code */
    return g_strdup_printf (_("%s per unit and day in stock"), currency);
  if (field == FIELD_LATE_COST)
    /* Translators: %s is the plan's currency code */
    return g_strdup_printf (_("%s per unit and day late"), currency);
  /* Translators: %s is the plan's currency code; unit cost and price only give the margin */
  return g_strdup_printf (_("%s per unit, for the margin"), currency);
}

/* One user edit as one undo step (merged while typing when @merge_widget
 * is given); a refusal is shown under the field's group. */
static gboolean
apply (TaktProductEditor *self,
       Field              field,
       const char        *description,
       GtkWidget         *merge_widget,
       double             number,
       const char        *text)
{
  g_autofree char *product = g_strdup (self->product_id);
  g_autofree char *copy = g_strdup (text);
  g_autofree char *what = NULL;
  ProductEdit edit = { product, field, number, copy };

  if (self->document == NULL || product == NULL || self->syncing > 0)
    return FALSE;

  what = g_strdup_printf ("product:%s:%d", product, field);
  return takt_editor_apply (self->document, description, merge_widget, what, edit_product_cb, &edit,
                            self->errors[field_group (field)], field_title (field));
}

static void
id_apply_cb (TaktProductEditor *self)
{
  apply (self, FIELD_ID, _("Change Product Id"), NULL, 0,
         gtk_editable_get_text (GTK_EDITABLE (self->id_row)));
}

static void
name_changed_cb (TaktProductEditor *self)
{
  apply (self, FIELD_NAME, _("Rename Product"), self->name_row, 0,
         gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
color_set_cb (TaktProductEditor *self)
{
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = takt_editor_color_to_string (&rgba);
  apply (self, FIELD_COLOR, _("Change Product Color"), NULL, 0, color);
}

static void
spin_changed_cb (GtkSpinButton     *spin,
                 TaktProductEditor *self)
{
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "takt-field"));
  const SpinField *info = &spin_fields[field - FIRST_SPIN];
  const TaktPlan *plan;
  double value = gtk_spin_button_get_value (spin);
  int p;

  if (self->syncing > 0 || self->document == NULL || self->product_id == NULL)
    return;

  /* A spin button rounds what it shows to its digits: leaving it must not
   * change a value that has more of them. */
  plan = takt_document_get_plan (self->document);
  p = takt_plan_find_product (plan, self->product_id);
  if (p >= 0 && fabs (get_number (g_ptr_array_index (plan->products, p), field) - value) <
      0.5 * pow (10.0, -(double) info->digits))
    {
      takt_error_row_set_message (self->errors[info->group], NULL);
      return;
    }

  apply (self, field, gettext (info->undo), GTK_WIDGET (spin), value, NULL);
}

static void
set_spin (GtkWidget *row,
          double     value)
{
  GtkSpinButton *spin = takt_spin_row_get_spin (row);

  if (fabs (gtk_spin_button_get_value (spin) - value) > 1e-12)
    gtk_spin_button_set_value (spin, value);
}

static void
sync_fields (TaktProductEditor *self)
{
  const TaktPlan *plan = self->document != NULL ? takt_document_get_plan (self->document) : NULL;
  int p = plan != NULL && self->product_id != NULL ? takt_plan_find_product (plan, self->product_id) : -1;
  const char *currency;
  const TaktProduct *product;
  g_autofree char *margin = NULL;
  GdkRGBA rgba;

  takt_routing_editor_show (TAKT_ROUTING_EDITOR (self->routing), self->document,
                            p >= 0 ? self->product_id : NULL);
  gtk_widget_set_sensitive (self->page, p >= 0);
  if (p < 0)
    return;

  self->syncing++;

  product = g_ptr_array_index (plan->products, p);
  currency = plan->currency != NULL ? plan->currency : "EUR";

  /* A new id being typed stays until it is applied or the focus leaves. */
  if (!(gtk_widget_get_state_flags (self->id_row) & GTK_STATE_FLAG_FOCUS_WITHIN) || self->switched)
    takt_editor_set_text (GTK_EDITABLE (self->id_row), product->id);
  takt_editor_set_text (GTK_EDITABLE (self->name_row), product->name);
  takt_editor_color_parse (product->color, &rgba);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->color_row),
                               product->color != NULL ? product->color : _("None: the charts choose one"));

  for (guint i = 0; i < G_N_ELEMENTS (spin_fields); i++)
    {
      const SpinField *info = &spin_fields[i];

      set_spin (self->spin_rows[i], get_number (product, FIRST_SPIN + i));
      if (info->money)
        {
          g_autofree char *subtitle = money_subtitle (FIRST_SPIN + i, currency);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->spin_rows[i]), subtitle);
        }
    }

  margin = takt_format_money (product->price - product->unit_cost, currency);
  takt_value_row_set_value (self->margin_row, margin);

  for (guint g = 0; g < N_GROUPS; g++)
    takt_error_row_set_message (self->errors[g], NULL);

  self->syncing--;
}

static void
takt_product_editor_dispose (GObject *object)
{
  TaktProductEditor *self = TAKT_PRODUCT_EDITOR (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (takt_product_editor_parent_class)->dispose (object);
}

static void
takt_product_editor_finalize (GObject *object)
{
  TaktProductEditor *self = TAKT_PRODUCT_EDITOR (object);

  g_free (self->product_id);

  G_OBJECT_CLASS (takt_product_editor_parent_class)->finalize (object);
}

static void
takt_product_editor_class_init (TaktProductEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = takt_product_editor_dispose;
  object_class->finalize = takt_product_editor_finalize;
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static void
takt_product_editor_init (TaktProductEditor *self)
{
  AdwPreferencesPage *page;

  self->page = adw_preferences_page_new ();
  page = ADW_PREFERENCES_PAGE (self->page);
  adw_bin_set_child (ADW_BIN (self), self->page);

  /* General */
  self->groups[GROUP_GENERAL] = new_group (_("Product"), NULL);

  self->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  gtk_widget_set_name (self->name_row, "product-name");
  takt_editor_track_focus (self->name_row);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[GROUP_GENERAL]), self->name_row);

  self->id_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_row), _("Id"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->id_row), TRUE);
  gtk_widget_set_name (self->id_row, "product-id");
  gtk_widget_set_tooltip_text (self->id_row,
                               _("How orders, forecast, campaigns and pins name the product; "
                                 "they follow a new id"));
  g_signal_connect_swapped (self->id_row, "apply", G_CALLBACK (id_apply_cb), self);
  g_signal_connect_swapped (self->id_row, "entry-activated", G_CALLBACK (id_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[GROUP_GENERAL]), self->id_row);

  self->color_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->color_row), _("Color"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->color_row), FALSE);
  gtk_widget_set_name (self->color_row, "product-color");
  self->color_button = gtk_color_button_new ();
  gtk_color_button_set_title (GTK_COLOR_BUTTON (self->color_button), _("Product Color"));
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (self->color_button), FALSE);
  gtk_widget_set_valign (self->color_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->color_button, _("Choose the Product’s Color"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->color_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product color"),
                                  -1);
  g_signal_connect_swapped (self->color_button, "color-set", G_CALLBACK (color_set_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->color_row), self->color_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->color_row), self->color_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[GROUP_GENERAL]), self->color_row);

  /* Costs, stock and runs */
  self->groups[GROUP_COSTS] =
    new_group (_("Costs"), _("Setup, holding and late costs are what the planner weighs; "
                             "unit cost and price give the margin."));
  self->groups[GROUP_RUNS] = new_group (_("Stock and Runs"), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (spin_fields); i++)
    {
      const SpinField *info = &spin_fields[i];
      GtkWidget *row = takt_spin_row_new (gettext (info->title),
                                          info->money ? NULL : gettext (info->subtitle),
                                          info->lower, info->upper, info->step, info->digits);
      GtkSpinButton *spin = takt_spin_row_get_spin (row);

      gtk_widget_set_name (row, info->name);
      gtk_adjustment_set_page_increment (gtk_spin_button_get_adjustment (spin), info->step * 10);
      g_object_set_data (G_OBJECT (spin), "takt-field", GINT_TO_POINTER (FIRST_SPIN + i));
      g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[info->group]), row);
      self->spin_rows[i] = row;
    }

  self->margin_row = takt_value_row_new (_("Margin"), _("Price less unit cost"), "");
  gtk_widget_set_name (self->margin_row, "margin");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[GROUP_COSTS]), self->margin_row);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      static const char * const names[] = { "product-error", "costs-error", "runs-error" };

      self->errors[g] = takt_error_row_new ();
      gtk_widget_set_name (self->errors[g], names[g]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[g]), self->errors[g]);
      adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->groups[g]));
    }

  self->routing = takt_routing_editor_new ();
  gtk_widget_set_name (self->routing, "routing");
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->routing));
}

GtkWidget *
takt_product_editor_new (void)
{
  return g_object_new (TAKT_TYPE_PRODUCT_EDITOR, NULL);
}

void
takt_product_editor_show (TaktProductEditor *self,
                          TaktDocument      *document,
                          const char        *product_id)
{
  g_return_if_fail (TAKT_IS_PRODUCT_EDITOR (self));
  g_return_if_fail (document == NULL || TAKT_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  self->switched = g_strcmp0 (self->product_id, product_id) != 0;
  if (self->switched)
    {
      g_free (self->product_id);
      self->product_id = g_strdup (product_id);
    }

  sync_fields (self);
  self->switched = FALSE;
}

/**
 * takt_product_editor_get_product:
 *
 * Returns: (nullable): the id of the product shown
 */
const char *
takt_product_editor_get_product (TaktProductEditor *self)
{
  g_return_val_if_fail (TAKT_IS_PRODUCT_EDITOR (self), NULL);
  return self->product_id;
}
