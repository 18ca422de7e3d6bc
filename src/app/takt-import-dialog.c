/* takt-import-dialog.c — orders or forecast from a CSV file, with a preview and a mapping
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <stdio.h>

#include "takt-import-dialog.h"
#include "takt-table.h"

/* Rows of the file shown in the preview. */
#define PREVIEW_ROWS 20
/* Problems written out in the list (the rest are counted). */
#define MAX_PROBLEMS_SHOWN 500

struct _TaktImportDialog
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkStack             *stack;
  AdwPreferencesGroup  *file_group;
  AdwActionRow         *file_row;
  GtkToggleButton      *orders_toggle;
  GtkToggleButton      *forecast_toggle;
  GtkDropDown          *delimiter_dropdown;
  AdwActionRow         *date_row;
  GtkWidget            *date_warning;
  GtkDropDown          *date_dropdown;
  GtkSwitch            *header_switch;
  AdwPreferencesGroup  *columns_group;
  GtkColumnView        *preview_view;
  AdwPreferencesGroup  *products_group;
  AdwPreferencesGroup  *problems_group;
  GtkLabel             *problems_label;

  TaktDocument         *document;
  TaktCsvImportKind     kind;

  GBytes               *bytes;
  char                 *display_name;
  char                  delimiter;        /* 0: as detected */
  TaktCsvImport        *import;
  TaktCsvMapping        mapping;
  TaktCsvImportResult  *result;
  char                 *load_error;
  gboolean              prefer_month_day;

  GtkWidget            *field_rows[TAKT_CSV_N_FIELDS];
  GtkDropDown          *field_dropdowns[TAKT_CSV_N_FIELDS];
  GtkStringList        *column_names;
  GPtrArray            *product_rows;     /* of AdwActionRow in products_group */
  GHashTable           *create;           /* unknown product text → GINT (create?) */

  GtkFileChooserNative *chooser;
  guint                 updating : 1;
  guint                 presented : 1;
};

G_DEFINE_FINAL_TYPE (TaktImportDialog, takt_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void recheck (TaktImportDialog *self);

/* ---- names ---- */

static const char *
field_title (TaktCsvImportKind kind,
             TaktCsvField      field)
{
  switch (field)
    {
    case TAKT_CSV_FIELD_ID: return _("Order");
    case TAKT_CSV_FIELD_PRODUCT: return _("Product");
    case TAKT_CSV_FIELD_QUANTITY: return _("Quantity");
    case TAKT_CSV_FIELD_DUE: return kind == TAKT_CSV_IMPORT_ORDERS ? _("Due") : _("Date");
    case TAKT_CSV_FIELD_CUSTOMER: return _("Customer");
    case TAKT_CSV_N_FIELDS:
    default: return "";
    }
}

static gboolean
field_applies (TaktCsvImportKind kind,
               TaktCsvField      field)
{
  return kind == TAKT_CSV_IMPORT_ORDERS ||
         (field != TAKT_CSV_FIELD_ID && field != TAKT_CSV_FIELD_CUSTOMER);
}

/* "A", "B", … "Z", "AA", … as spreadsheets name columns. */
static char *
column_letter (guint column)
{
  GString *str = g_string_new (NULL);

  column++;
  while (column > 0)
    {
      guint rem = (column - 1) % 26;

      g_string_prepend_c (str, (char) ('A' + rem));
      column = (column - 1) / 26;
    }
  return g_string_free (str, FALSE);
}

static char *
column_title (TaktImportDialog *self,
              guint             column)
{
  g_autofree char *letter = column_letter (column);
  const char * const *header;

  if (self->import == NULL || !self->mapping.has_header ||
      takt_csv_import_get_n_records (self->import) == 0)
    return g_steal_pointer (&letter);

  header = takt_csv_import_get_record (self->import, 0, NULL);
  for (guint i = 0; header[i] != NULL; i++)
    if (i == column && *header[i] != '\0')
      /* Translators: a column of the file in a drop-down, "B · Due date" */
      return g_strdup_printf (_("%s · %s"), letter, header[i]);

  return g_steal_pointer (&letter);
}

/* ---- the controls ---- */

static void
update_columns (TaktImportDialog *self)
{
  guint n_columns = self->import != NULL ? takt_csv_import_get_n_columns (self->import) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup (_("Not imported")));
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (names, column_title (self, c));
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->column_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->column_names)),
                          (const char * const *) names->pdata);

  for (guint f = 0; f < TAKT_CSV_N_FIELDS; f++)
    {
      int column = self->mapping.columns[f];

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->field_rows[f]), field_title (self->kind, f));
      gtk_widget_set_visible (self->field_rows[f], field_applies (self->kind, f));
      gtk_drop_down_set_selected (self->field_dropdowns[f],
                                  column >= 0 && (guint) column < n_columns ? (guint) column + 1 : 0);
    }

  gtk_drop_down_set_selected (self->delimiter_dropdown,
                              self->import != NULL && takt_csv_import_get_delimiter (self->import) == ';' ? 1 : 0);
  gtk_drop_down_set_selected (self->date_dropdown, self->mapping.date_format);
  gtk_switch_set_active (self->header_switch, self->mapping.has_header);
  gtk_toggle_button_set_active (self->kind == TAKT_CSV_IMPORT_ORDERS ? self->orders_toggle : self->forecast_toggle,
                                TRUE);
  self->updating = FALSE;
}

static void
update_date_row (TaktImportDialog *self)
{
  gtk_widget_set_visible (self->date_warning, self->mapping.date_ambiguous);
  if (self->mapping.date_ambiguous)
    adw_action_row_set_subtitle (self->date_row,
                                 _("Every date reads either way (no day is above 12): "
                                   "choose the order the file uses"));
  else
    adw_action_row_set_subtitle (self->date_row, _("Detected from the dates in the file"));
}

static void
update_preview (TaktImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);
  g_autoptr(GListStore) rows = g_list_store_new (TAKT_TYPE_TABLE_ROW);
  guint n_columns = self->import != NULL ? takt_csv_import_get_n_columns (self->import) : 0;
  guint n_records = self->import != NULL ? takt_csv_import_get_n_records (self->import) : 0;
  guint first = self->mapping.has_header ? 1 : 0;
  g_autoptr(GHashTable) bad = NULL;

  /* A new view for new columns: the old one's rows and cells go with it. */
  if (g_list_model_get_n_items (columns) > 0)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->preview_view), GTK_TYPE_SCROLLED_WINDOW);

      self->preview_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
      gtk_column_view_set_show_row_separators (self->preview_view, TRUE);
      gtk_column_view_set_show_column_separators (self->preview_view, TRUE);
      gtk_column_view_set_reorderable (self->preview_view, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Preview of the file"), -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->preview_view));
    }

  /* The line number first, as the problems name rows by it. */
  takt_table_add_column (self->preview_view, _("Row"), 0, TAKT_COLUMN_NUMERIC | TAKT_COLUMN_DIM);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *title = column_title (self, c);

      takt_table_add_column (self->preview_view, title, c + 1, 0);
    }

  /* The rows with a problem in red, by the line the problem names. */
  if (self->result != NULL)
    {
      bad = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < self->result->problems->len; i++)
        {
          const char *problem = g_ptr_array_index (self->result->problems, i);
          guint line;

          if (sscanf (problem, "row %u:", &line) == 1)
            g_hash_table_add (bad, GUINT_TO_POINTER (line));
        }
    }

  for (guint i = first; i < n_records && i < first + PREVIEW_ROWS; i++)
    {
      g_autoptr(TaktTableRow) row = takt_table_row_new (n_columns + 1);
      guint line = 0;
      const char * const *cells = takt_csv_import_get_record (self->import, i, &line);

      takt_table_row_take (row, 0, g_strdup_printf ("%u", line), line);
      takt_table_row_set_alert (row, bad != NULL && g_hash_table_contains (bad, GUINT_TO_POINTER (line)));
      for (guint c = 0; c < n_columns && cells[c] != NULL; c++)
        takt_table_row_set (row, c + 1, cells[c], 0);
      g_list_store_append (rows, row);
    }

  takt_table_set_rows (self->preview_view, G_LIST_MODEL (rows));
}

static gboolean
create_product (TaktImportDialog *self,
                const char       *product)
{
  gpointer value;

  if (g_hash_table_lookup_extended (self->create, product, NULL, &value))
    return GPOINTER_TO_INT (value);
  return TRUE;
}

static void
product_toggled_cb (GtkCheckButton   *check,
                    GParamSpec       *pspec,
                    TaktImportDialog *self)
{
  const char *product = g_object_get_data (G_OBJECT (check), "takt-product");

  if (self->updating)
    return;
  g_hash_table_replace (self->create, g_strdup (product),
                        GINT_TO_POINTER (gtk_check_button_get_active (check)));
  recheck (self);
}

static void
update_products (TaktImportDialog *self)
{
  const TaktPlan *plan = takt_document_get_plan (self->document);
  GPtrArray *unknown = self->result != NULL ? self->result->unknown_products : NULL;
  const TaktProduct *model = plan->products->len > 0 ? g_ptr_array_index (plan->products, 0) : NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->product_rows->len; i++)
    adw_preferences_group_remove (self->products_group, g_ptr_array_index (self->product_rows, i));
  g_ptr_array_set_size (self->product_rows, 0);

  if (unknown == NULL || unknown->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->products_group), FALSE);
      return;
    }

  if (model != NULL)
    /* Translators: %s is the first product of the plan */
    description = g_strdup_printf (_("The file names products the plan does not have. A product "
                                     "created here is made like %s until you change it on the "
                                     "Products page; the rows of the others are left out."),
                                   model->name != NULL && *model->name != '\0' ? model->name : model->id);
  adw_preferences_group_set_description (self->products_group, description);

  self->updating = TRUE;
  for (guint i = 0; i < unknown->len; i++)
    {
      const char *product = g_ptr_array_index (unknown, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *title = NULL;

      /* Translators: a check box in the import dialog */
      title = g_strdup_printf (_("Create product “%s”"), product);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), create_product (self, product));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "takt-product", g_strdup (product), g_free);
      g_signal_connect_object (check, "notify::active", G_CALLBACK (product_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->products_group, row);
      g_ptr_array_add (self->product_rows, row);
    }
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->products_group), TRUE);
}

static void
update_problems (TaktImportDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *description = NULL;
  guint skipped = 0;

  if (self->result == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
      return;
    }

  for (guint i = 0; i < self->result->problems->len && i < MAX_PROBLEMS_SHOWN; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->result->problems, i));
    }
  if (self->result->problems->len > MAX_PROBLEMS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more"), self->result->problems->len - MAX_PROBLEMS_SHOWN);

      g_string_append_printf (text, "\n%s", more);
    }

  for (guint i = 0; i < self->result->rows->len; i++)
    {
      const TaktCsvImportRow *row = g_ptr_array_index (self->result->rows, i);
      const TaktPlan *plan = takt_document_get_plan (self->document);

      if (takt_plan_find_product (plan, row->product) < 0 && !create_product (self, row->product))
        {
          skipped++;
          if (self->result->problems->len + skipped <= MAX_PROBLEMS_SHOWN)
            {
              if (text->len > 0)
                g_string_append_c (text, '\n');
              /* Translators: a row of the file left out, "row 4: product “Desk lamp” is not created" */
              g_string_append_printf (text, _("row %u: product “%s” is not created"), row->row, row->product);
            }
        }
    }

  gtk_label_set_text (self->problems_label, text->str);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u row is not imported. Fix it in the file and choose it again, "
                                              "or import the others.",
                                              "%u rows are not imported. Fix them in the file and choose it "
                                              "again, or import the others.",
                                              self->result->n_bad_rows + skipped),
                                 self->result->n_bad_rows + skipped);
  adw_preferences_group_set_description (self->problems_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), text->len > 0);
}

static void
update_summary (TaktImportDialog *self)
{
  guint importable = takt_import_dialog_get_n_importable (self);
  g_autofree char *summary = NULL;

  if (self->load_error != NULL)
    {
      adw_preferences_group_set_description (self->file_group, self->load_error);
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }
  if (self->result == NULL)
    {
      adw_preferences_group_set_description (self->file_group, NULL);
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }

  if (self->kind == TAKT_CSV_IMPORT_ORDERS)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u rows is an order to import",
                                            "%u of %u rows are orders to import", importable),
                               importable, self->result->n_rows);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u rows is a forecast to import",
                                            "%u of %u rows are forecast entries to import", importable),
                               importable, self->result->n_rows);
  adw_preferences_group_set_description (self->file_group, summary);
  gtk_widget_set_sensitive (self->import_button, importable > 0);
}

static void
recheck (TaktImportDialog *self)
{
  g_clear_pointer (&self->result, takt_csv_import_result_free);

  if (self->import != NULL)
    {
      self->mapping.create_products = TRUE;
      self->result = takt_csv_import_check (self->import, &self->mapping, takt_document_get_plan (self->document));
    }

  update_products (self);
  update_problems (self);
  update_summary (self);
  update_preview (self);
}

/* Reads the file again as the kind and delimiter say, and proposes the
 * mapping anew. */
static void
reload (TaktImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data;

  g_clear_pointer (&self->import, takt_csv_import_free);
  g_clear_pointer (&self->load_error, g_free);
  memset (&self->mapping, 0, sizeof self->mapping);
  for (guint f = 0; f < TAKT_CSV_N_FIELDS; f++)
    self->mapping.columns[f] = -1;

  if (self->bytes == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      recheck (self);
      return;
    }

  data = g_bytes_get_data (self->bytes, &length);
  self->import = takt_csv_import_new_from_data_full (data, length, self->kind, self->delimiter, &error);
  if (self->import == NULL)
    {
      /* Translators: the file could not be read, e.g. "line 7: text after the closing quote of a field" */
      self->load_error = g_strdup_printf (_("The file cannot be read: %s"), error->message);
    }
  else
    {
      takt_csv_import_detect (self->import, self->prefer_month_day, &self->mapping);
    }

  gtk_stack_set_visible_child_name (self->stack, "file");
  update_columns (self);
  update_date_row (self);
  recheck (self);
}

static void
kind_toggled_cb (TaktImportDialog *self)
{
  TaktCsvImportKind kind = gtk_toggle_button_get_active (self->forecast_toggle)
                             ? TAKT_CSV_IMPORT_FORECAST : TAKT_CSV_IMPORT_ORDERS;

  if (self->updating || kind == self->kind)
    return;
  takt_import_dialog_set_kind (self, kind);
}

static void
delimiter_selected_cb (TaktImportDialog *self)
{
  if (self->updating)
    return;
  takt_import_dialog_set_delimiter (self, gtk_drop_down_get_selected (self->delimiter_dropdown) == 1 ? ';' : ',');
}

static void
date_selected_cb (TaktImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->date_dropdown);

  if (self->updating || selected >= TAKT_CSV_N_DATE_FORMATS)
    return;
  takt_import_dialog_set_date_format (self, selected);
}

static void
header_toggled_cb (TaktImportDialog *self)
{
  if (self->updating)
    return;
  takt_import_dialog_set_has_header (self, gtk_switch_get_active (self->header_switch));
}

static void
field_selected_cb (GtkDropDown      *dropdown,
                   GParamSpec       *pspec,
                   TaktImportDialog *self)
{
  TaktCsvField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "takt-field"));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating)
    return;
  takt_import_dialog_set_column (self, field, selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1);
}

/* ---- import ---- */

typedef struct
{
  TaktImportDialog *self;
  guint             added;
  guint             skipped;
} ApplyData;

static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
};

static gboolean
apply_import (TaktPlan  *plan,
              gpointer   user_data,
              GError   **error)
{
  ApplyData *apply = user_data;
  TaktImportDialog *self = apply->self;
  const TaktProduct *model = plan->products->len > 0 ? g_ptr_array_index (plan->products, 0) : NULL;
  GPtrArray *unknown = self->result->unknown_products;

  for (guint i = 0; i < unknown->len; i++)
    {
      const char *text = g_ptr_array_index (unknown, i);
      TaktProduct *product;

      if (!create_product (self, text) || takt_plan_find_product (plan, text) >= 0 || model == NULL)
        continue;

      product = takt_product_new ();
      product->id = g_strdup (text);
      g_free (product->name);
      product->name = g_strdup (text);
      product->color = g_strdup (palette[plan->products->len % G_N_ELEMENTS (palette)]);
      for (guint s = 0; s < model->routing->len; s++)
        {
          const TaktStep *from = g_ptr_array_index (model->routing, s);
          TaktStep *step = takt_step_new ();

          step->station = g_strdup (from->station);
          step->cycle_s = from->cycle_s;
          step->setup_s = from->setup_s;
          g_ptr_array_add (product->routing, step);
        }
      product->setup_cost = model->setup_cost;
      product->holding_cost_per_day = model->holding_cost_per_day;
      product->late_cost_per_day = model->late_cost_per_day;
      g_ptr_array_add (plan->products, product);
    }

  apply->added = takt_csv_import_apply (self->result, plan, &apply->skipped);
  if (apply->added == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("No row of the file can be imported"));
      return FALSE;
    }
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TaktImportDialog *self = TAKT_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  ApplyData apply = { self, 0, 0 };
  guint n = takt_import_dialog_get_n_importable (self);

  if (self->result == NULL || n == 0)
    return;

  if (self->kind == TAKT_CSV_IMPORT_ORDERS)
    /* Translators: an undo step, "Import 42 Orders" */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Order", "Import %u Orders", n), n);
  else
    /* Translators: an undo step, "Import 12 Forecast Entries" */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Forecast Entry",
                                                "Import %u Forecast Entries", n), n);

  if (!takt_document_edit (self->document, description, apply_import, &apply, &error))
    {
      AdwMessageDialog *message;

      message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"),
                                                            error->message));
      adw_message_dialog_add_response (message, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, self->kind, apply.added,
                 self->result->n_bad_rows + apply.skipped);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* ---- the file ---- */

static void
load_contents_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TaktImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      AdwMessageDialog *message;
      GtkWindow *parent = self->presented ? GTK_WINDOW (self)
                                          : gtk_window_get_transient_for (GTK_WINDOW (self));

      message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The File Cannot Be Read"), error->message));
      adw_message_dialog_add_response (message, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      if (!self->presented)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  name = g_file_get_basename (G_FILE (object));
  takt_import_dialog_load_data (self, contents, length, name, NULL);
  self->presented = TRUE;
  gtk_window_present (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     TaktImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    {
      if (!self->presented)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  g_file_load_contents_async (file, NULL, load_contents_cb, g_object_ref (self));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  takt_import_dialog_choose_file (TAKT_IMPORT_DIALOG (widget));
}

void
takt_import_dialog_choose_file (TaktImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkWindow *parent;

  g_return_if_fail (TAKT_IS_IMPORT_DIALOG (self));

  if (self->chooser != NULL)
    return;

  parent = self->presented ? GTK_WINDOW (self) : gtk_window_get_transient_for (GTK_WINDOW (self));
  self->chooser = gtk_file_chooser_native_new (self->kind == TAKT_CSV_IMPORT_ORDERS ? _("Import Orders")
                                                                                   : _("Import Forecast"),
                                               parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

gboolean
takt_import_dialog_load_data (TaktImportDialog *self,
                              const char       *data,
                              gsize             length,
                              const char       *display_name,
                              GError          **error)
{
  g_return_val_if_fail (TAKT_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->display_name);
  self->bytes = g_bytes_new (data != NULL ? data : "", length);
  self->display_name = g_strdup (display_name != NULL ? display_name : "");
  self->delimiter = 0;
  g_hash_table_remove_all (self->create);

  adw_action_row_set_subtitle (self->file_row, self->display_name);
  adw_window_title_set_subtitle (self->window_title, self->display_name);
  reload (self);

  if (self->load_error != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, self->load_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
takt_import_dialog_load_file (TaktImportDialog  *self,
                              GFile             *file,
                              GError           **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (TAKT_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;
  name = g_file_get_basename (file);
  return takt_import_dialog_load_data (self, contents, length, name, error);
}

/* ---- GObject ---- */

static void
takt_import_dialog_dispose (GObject *object)
{
  TaktImportDialog *self = TAKT_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  G_OBJECT_CLASS (takt_import_dialog_parent_class)->dispose (object);
}

static void
takt_import_dialog_finalize (GObject *object)
{
  TaktImportDialog *self = TAKT_IMPORT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->import, takt_csv_import_free);
  g_clear_pointer (&self->result, takt_csv_import_result_free);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->product_rows, g_ptr_array_unref);
  g_clear_pointer (&self->create, g_hash_table_unref);
  g_clear_object (&self->column_names);

  G_OBJECT_CLASS (takt_import_dialog_parent_class)->finalize (object);
}

static void
takt_import_dialog_class_init (TaktImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = takt_import_dialog_dispose;
  object_class->finalize = takt_import_dialog_finalize;

  /**
   * TaktImportDialog::imported:
   * @kind: a #TaktCsvImportKind
   * @added: the rows added to the plan
   * @skipped: the rows of the file left out
   *
   * The rows were added to the document, as one undo step.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, orders_toggle);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, forecast_toggle);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, delimiter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, date_warning);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, products_group);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, TaktImportDialog, problems_label);
}

static void
takt_import_dialog_init (TaktImportDialog *self)
{
  const char *date_format;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  self->product_rows = g_ptr_array_new ();
  self->create = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->column_names = gtk_string_list_new (NULL);

  /* Where the locale writes the month first (en_US), an ambiguous date is
   * taken as month/day until the person says otherwise. */
  date_format = nl_langinfo (D_FMT);
  self->prefer_month_day = date_format != NULL && g_str_has_prefix (date_format, "%m");

  for (guint f = 0; f < TAKT_CSV_N_FIELDS; f++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->column_names)), NULL);

      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (dropdown), "takt-field", GUINT_TO_POINTER (f));
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (field_selected_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
      if (f == TAKT_CSV_FIELD_CUSTOMER)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Optional"));
      adw_preferences_group_add (self->columns_group, row);
      self->field_rows[f] = row;
      self->field_dropdowns[f] = GTK_DROP_DOWN (dropdown);
    }

  g_signal_connect_object (self->orders_toggle, "notify::active", G_CALLBACK (kind_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delimiter_dropdown, "notify::selected", G_CALLBACK (delimiter_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_dropdown, "notify::selected", G_CALLBACK (date_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header_switch, "notify::active", G_CALLBACK (header_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
takt_import_dialog_new (TaktDocument      *document,
                        TaktCsvImportKind  kind)
{
  TaktImportDialog *self;

  g_return_val_if_fail (TAKT_IS_DOCUMENT (document), NULL);

  self = g_object_new (TAKT_TYPE_IMPORT_DIALOG, NULL);
  self->document = g_object_ref (document);
  self->kind = kind;
  gtk_window_set_title (GTK_WINDOW (self), kind == TAKT_CSV_IMPORT_ORDERS ? _("Import Orders")
                                                                          : _("Import Forecast"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  reload (self);
  return GTK_WIDGET (self);
}

/* ---- settings ---- */

TaktCsvImportKind
takt_import_dialog_get_kind (TaktImportDialog *self)
{
  g_return_val_if_fail (TAKT_IS_IMPORT_DIALOG (self), TAKT_CSV_IMPORT_ORDERS);
  return self->kind;
}

void
takt_import_dialog_set_kind (TaktImportDialog  *self,
                             TaktCsvImportKind  kind)
{
  g_return_if_fail (TAKT_IS_IMPORT_DIALOG (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  gtk_window_set_title (GTK_WINDOW (self), kind == TAKT_CSV_IMPORT_ORDERS ? _("Import Orders")
                                                                          : _("Import Forecast"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  reload (self);
}

char
takt_import_dialog_get_delimiter (TaktImportDialog *self)
{
  g_return_val_if_fail (TAKT_IS_IMPORT_DIALOG (self), ',');

  if (self->import != NULL)
    return takt_csv_import_get_delimiter (self->import);
  return self->delimiter != 0 ? self->delimiter : ',';
}

void
takt_import_dialog_set_delimiter (TaktImportDialog *self,
                                  char              delimiter)
{
  g_return_if_fail (TAKT_IS_IMPORT_DIALOG (self));
  g_return_if_fail (delimiter == ',' || delimiter == ';');

  if (takt_import_dialog_get_delimiter (self) == delimiter && self->load_error == NULL)
    return;
  self->delimiter = delimiter;
  reload (self);
}

const TaktCsvMapping *
takt_import_dialog_get_mapping (TaktImportDialog *self)
{
  g_return_val_if_fail (TAKT_IS_IMPORT_DIALOG (self), NULL);
  return &self->mapping;
}

void
takt_import_dialog_set_column (TaktImportDialog *self,
                               TaktCsvField      field,
                               int               column)
{
  guint n_columns;

  g_return_if_fail (TAKT_IS_IMPORT_DIALOG (self));
  g_return_if_fail (field < TAKT_CSV_N_FIELDS);

  n_columns = self->import != NULL ? takt_csv_import_get_n_columns (self->import) : 0;
  if (column < 0 || (guint) column >= n_columns)
    column = -1;
  if (self->mapping.columns[field] == column)
    return;

  self->mapping.columns[field] = column;
  if (field == TAKT_CSV_FIELD_DUE && self->import != NULL && column >= 0)
    self->mapping.date_format = takt_csv_import_detect_date_format (self->import, &self->mapping,
                                                                    self->prefer_month_day,
                                                                    &self->mapping.date_ambiguous);
  update_columns (self);
  update_date_row (self);
  recheck (self);
}

void
takt_import_dialog_set_date_format (TaktImportDialog  *self,
                                    TaktCsvDateFormat  format)
{
  g_return_if_fail (TAKT_IS_IMPORT_DIALOG (self));
  g_return_if_fail (format < TAKT_CSV_N_DATE_FORMATS);

  if (self->mapping.date_format == format && !self->mapping.date_ambiguous)
    return;
  self->mapping.date_format = format;
  /* The person chose: the question is answered. */
  self->mapping.date_ambiguous = FALSE;
  update_columns (self);
  update_date_row (self);
  recheck (self);
}

void
takt_import_dialog_set_has_header (TaktImportDialog *self,
                                   gboolean          has_header)
{
  g_return_if_fail (TAKT_IS_IMPORT_DIALOG (self));

  has_header = !!has_header;
  if (self->mapping.has_header == has_header)
    return;
  self->mapping.has_header = has_header;
  update_columns (self);
  recheck (self);
}

void
takt_import_dialog_set_create_product (TaktImportDialog *self,
                                       const char       *product,
                                       gboolean          create)
{
  g_return_if_fail (TAKT_IS_IMPORT_DIALOG (self));
  g_return_if_fail (product != NULL);

  g_hash_table_replace (self->create, g_strdup (product), GINT_TO_POINTER (!!create));
  recheck (self);
}

const TaktCsvImportResult *
takt_import_dialog_get_result (TaktImportDialog *self)
{
  g_return_val_if_fail (TAKT_IS_IMPORT_DIALOG (self), NULL);
  return self->result;
}

guint
takt_import_dialog_get_n_importable (TaktImportDialog *self)
{
  const TaktPlan *plan;
  guint n = 0;

  g_return_val_if_fail (TAKT_IS_IMPORT_DIALOG (self), 0);

  if (self->result == NULL)
    return 0;

  plan = takt_document_get_plan (self->document);
  for (guint i = 0; i < self->result->rows->len; i++)
    {
      const TaktCsvImportRow *row = g_ptr_array_index (self->result->rows, i);

      if (takt_plan_find_product (plan, row->product) >= 0 || create_product (self, row->product))
        n++;
    }
  return n;
}
