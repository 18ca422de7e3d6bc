/* takt-campaign-editor.c — a dialog that edits every field of a campaign
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-campaign-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "takt-campaign-editor.h"
#include "takt-demand.h"
#include "takt-format.h"
#include "takt-time.h"

typedef enum
{
  FIELD_SPEND,
  FIELD_IMPRESSIONS,
  FIELD_CONVERSION,
  FIELD_LAG,
  N_FIELDS
} Field;

typedef enum
{
  GROUP_GENERAL,
  GROUP_DATES,
  GROUP_REACH,
  GROUP_DEMAND,
  GROUP_PRODUCTS,
  N_GROUPS
} Group;

typedef struct
{
  TaktCampaignEditor *editor;
  GtkWidget          *row;
  GtkDropDown        *product;
  GtkSpinButton      *share;
  GtkLabel           *units;
  char               *share_error;
} ProductRow;

struct _TaktCampaignEditor
{
  AdwWindow           parent_instance;

  TaktDocument       *document;
  char               *campaign_id;    /* the campaign as it is in the document */
  TaktPlan           *work;           /* a copy of the plan, the campaign as edited */
  int                 index;          /* the campaign in work */
  GPtrArray          *rows;           /* of ProductRow*, one per product of the campaign */
  GtkStringList      *product_names;
  char               *field_error[N_FIELDS];
  char               *readout[3];
  char               *problems;
  gboolean            loading;

  AdwWindowTitle     *window_title;
  GtkButton          *apply_button;
  AdwEntryRow        *name_row;
  AdwEntryRow        *id_row;
  AdwComboRow        *channel_row;
  AdwActionRow       *start_row;
  AdwActionRow       *end_row;
  GtkMenuButton      *start_button;
  GtkMenuButton      *end_button;
  GtkCalendar        *start_calendar;
  GtkCalendar        *end_calendar;
  GtkSpinButton      *spend_spin;
  GtkSpinButton      *impressions_spin;
  GtkSpinButton      *conversion_spin;
  GtkSpinButton      *lag_spin;
  AdwComboRow        *shape_row;
  AdwActionRow       *cpm_row;
  AdwActionRow       *units_row;
  AdwActionRow       *per_currency_row;
  GtkLabel           *cpm_label;
  GtkLabel           *units_label;
  GtkLabel           *per_currency_label;
  AdwPreferencesGroup *products_group;
  GtkLabel           *general_error;
  GtkLabel           *dates_error;
  GtkLabel           *reach_error;
  GtkLabel           *demand_error;
  GtkLabel           *products_error;
};

G_DEFINE_FINAL_TYPE (TaktCampaignEditor, takt_campaign_editor, ADW_TYPE_WINDOW)

static void refresh (TaktCampaignEditor *self);

static TaktCampaign *
campaign (TaktCampaignEditor *self)
{
  return g_ptr_array_index (self->work->campaigns, self->index);
}

static const char *
currency (TaktCampaignEditor *self)
{
  return self->work->currency != NULL && *self->work->currency ? self->work->currency : "EUR";
}

/* A number as typed (the C or the person's locale), or FALSE. */
static gboolean
parse_number (GtkEditable *editable,
              double      *value)
{
  const char *text = gtk_editable_get_text (editable);
  char *end = NULL;
  double v;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  v = g_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

static char *
format_date (gint64 day)
{
  gint64 year;
  int month, mday;
  g_autoptr(GDateTime) dt = NULL;

  takt_civil_from_days (takt_day_start (day) / TAKT_DAY_S, &year, &month, &mday);
  dt = g_date_time_new_utc ((int) year, month, mday, 0, 0, 0);
  /* Translators: a campaign's first or last day, see g_date_time_format() */
  return dt != NULL ? g_date_time_format (dt, C_("campaign editor date", "%a %-e %b %Y")) : takt_format_date (day);
}

static void
select_calendar_day (GtkCalendar *calendar,
                     gint64       day)
{
  gint64 year;
  int month, mday;
  g_autoptr(GDateTime) dt = NULL;

  takt_civil_from_days (takt_day_start (day) / TAKT_DAY_S, &year, &month, &mday);
  dt = g_date_time_new_local ((int) year, month, mday, 12, 0, 0);
  if (dt != NULL)
    gtk_calendar_select_day (calendar, dt);
}

static gint64
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  return takt_days_from_civil (g_date_time_get_year (dt), g_date_time_get_month (dt),
                               g_date_time_get_day_of_month (dt)) * TAKT_DAY_S;
}

/* ---- read-outs ---- */

static void
set_readout (TaktCampaignEditor  *self,
             TaktCampaignReadout  which,
             GtkLabel            *label,
             char                *text)
{
  g_free (self->readout[which]);
  self->readout[which] = text;
  gtk_label_set_text (label, text);
}

static void
update_readouts (TaktCampaignEditor *self)
{
  TaktCampaign *c = campaign (self);
  double total = c->impressions / 1000.0 * c->conversion_per_mille;
  gint64 units = 0;
  g_autofree char *total_text = NULL;
  g_autofree char *subtitle = NULL;

  if (c->impressions > 0)
    set_readout (self, TAKT_CAMPAIGN_READOUT_COST_PER_MILLE, self->cpm_label,
                 takt_format_money (c->spend / (double) c->impressions * 1000.0, currency (self)));
  else
    set_readout (self, TAKT_CAMPAIGN_READOUT_COST_PER_MILLE, self->cpm_label, g_strdup ("—"));

  for (guint i = 0; i < c->products->len; i++)
    {
      ProductRow *row = g_ptr_array_index (self->rows, i);
      gint64 n = takt_campaign_product_units (c, i);
      g_autofree char *count = takt_format_count (n);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit", "%s units", (gulong) n), count);

      gtk_label_set_text (row->units, text);
      units += n;
    }
  if (c->products->len == 0)
    units = (gint64) floor (total + 0.5);

  set_readout (self, TAKT_CAMPAIGN_READOUT_EXPECTED_UNITS, self->units_label, takt_format_count (units));
  total_text = takt_format_number (total, 1);
  /* Translators: how the expected units are found; %s is the exact number before rounding */
  subtitle = g_strdup_printf (_("Impressions ÷ 1,000 × conversion = %s, rounded per product"), total_text);
  adw_action_row_set_subtitle (self->units_row, subtitle);

  if (c->spend > 0)
    {
      g_autofree char *per_text = NULL;

      per_text = takt_format_number ((double) units / c->spend, 3);
      set_readout (self, TAKT_CAMPAIGN_READOUT_UNITS_PER_CURRENCY, self->per_currency_label, g_steal_pointer (&per_text));
    }
  else
    set_readout (self, TAKT_CAMPAIGN_READOUT_UNITS_PER_CURRENCY, self->per_currency_label, g_strdup ("—"));
  {
    /* Translators: the title of the read-out of units per unit of money, "Units per EUR" */
    g_autofree char *title = g_strdup_printf (_("Units per %s"), currency (self));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->per_currency_row), title);
  }
}

/* ---- problems ---- */

/* Where a problem at PATH (after "campaigns[i].") is shown, and the name a
 * person knows it by. */
static Group
classify (const char  *field,
          char       **label)
{
  static const struct { const char *field; Group group; const char *label; } names[] = {
    { "id", GROUP_GENERAL, N_("Id") },
    { "name", GROUP_GENERAL, N_("Name") },
    { "channel", GROUP_GENERAL, N_("Channel") },
    { "start", GROUP_DATES, N_("First day") },
    { "end", GROUP_DATES, N_("Last day") },
    { "spend", GROUP_REACH, N_("Spend") },
    { "impressions", GROUP_REACH, N_("Impressions") },
    { "conversion_per_mille", GROUP_REACH, N_("Conversion") },
    { "lag_days", GROUP_DEMAND, N_("Lag") },
    { "shape", GROUP_DEMAND, N_("Shape") },
  };
  guint k;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (field, names[i].field))
      {
        *label = g_strdup (_(names[i].label));
        return names[i].group;
      }

  if (g_str_has_prefix (field, "products"))
    {
      if (sscanf (field, "products[%u]", &k) == 1)
        {
          if (strstr (field, ".share") != NULL)
            /* Translators: a problem with the share of the product in row %u */
            *label = g_strdup_printf (_("Share of product %u"), k + 1);
          else
            /* Translators: a problem with the product in row %u */
            *label = g_strdup_printf (_("Product %u"), k + 1);
        }
      else
        *label = g_strdup (_("Products"));
      return GROUP_PRODUCTS;
    }

  *label = g_strdup (*field != '\0' ? field : _("Campaign"));
  return GROUP_REACH;
}

static void
validate (TaktCampaignEditor *self)
{
  static const char * const field_names[N_FIELDS] = { N_("Spend"), N_("Impressions"), N_("Conversion"), N_("Lag") };
  static const Group field_groups[N_FIELDS] = { GROUP_REACH, GROUP_REACH, GROUP_REACH, GROUP_DEMAND };
  GtkLabel *labels[N_GROUPS] = {
    self->general_error, self->dates_error, self->reach_error, self->demand_error, self->products_error,
  };
  GString *text[N_GROUPS];
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *prefix = g_strdup_printf ("campaigns[%d]", self->index);

  for (guint g = 0; g < N_GROUPS; g++)
    text[g] = g_string_new (NULL);

  /* What could not be read as a number is not in the copy: say so first. */
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->field_error[f] != NULL)
      g_string_append_printf (text[field_groups[f]], "%s%s: %s", text[field_groups[f]]->len > 0 ? "\n" : "",
                              _(field_names[f]), self->field_error[f]);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ProductRow *row = g_ptr_array_index (self->rows, i);

      if (row->share_error != NULL)
        g_string_append_printf (text[GROUP_PRODUCTS], "%s%s",
                                text[GROUP_PRODUCTS]->len > 0 ? "\n" : "", row->share_error);
    }

  /* Every problem the core finds in the plan with this campaign, as it
   * words it; those of this campaign beside its fields. */
  problems = takt_plan_check (self->work);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);
      const char *colon = strstr (problem, ": ");
      g_autofree char *path = colon != NULL ? g_strndup (problem, colon - problem) : g_strdup ("");
      const char *message = colon != NULL ? colon + 2 : problem;
      g_autofree char *label = NULL;
      Group group = GROUP_GENERAL;

      if (g_str_has_prefix (path, prefix) && (path[strlen (prefix)] == '.' || path[strlen (prefix)] == '\0'))
        {
          const char *field = path + strlen (prefix);

          group = classify (*field == '.' ? field + 1 : field, &label);
        }
      else
        label = g_strdup (path);
      g_string_append_printf (text[group], "%s%s: %s", text[group]->len > 0 ? "\n" : "", label, message);
    }

  for (guint g = 0; g < N_GROUPS; g++)
    {
      gtk_label_set_text (labels[g], text[g]->str);
      gtk_widget_set_visible (GTK_WIDGET (labels[g]), text[g]->len > 0);
      if (text[g]->len > 0)
        g_string_append_printf (all, "%s%s", all->len > 0 ? "\n" : "", text[g]->str);
      g_string_free (text[g], TRUE);
    }

  g_clear_pointer (&self->problems, g_free);
  if (all->len > 0)
    self->problems = g_strdup (all->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.apply", self->problems == NULL);
}

static void
refresh (TaktCampaignEditor *self)
{
  if (self->loading)
    return;
  update_readouts (self);
  validate (self);
}

/* ---- fields ---- */

static void
name_changed_cb (TaktCampaignEditor *self,
                 GtkEditable        *editable)
{
  TaktCampaign *c = campaign (self);

  g_free (c->name);
  c->name = g_strdup (gtk_editable_get_text (editable));
  adw_window_title_set_subtitle (self->window_title, c->name);
  refresh (self);
}

static void
id_changed_cb (TaktCampaignEditor *self,
               GtkEditable        *editable)
{
  TaktCampaign *c = campaign (self);

  g_free (c->id);
  c->id = g_strdup (gtk_editable_get_text (editable));
  refresh (self);
}

static void
channel_changed_cb (TaktCampaignEditor *self,
                    GParamSpec         *pspec,
                    AdwComboRow        *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < TAKT_N_CHANNELS)
    campaign (self)->channel = (TaktChannel) selected;
  refresh (self);
}

static const char *
shape_description (TaktShape shape)
{
  switch (shape)
    {
    case TAKT_SHAPE_LAUNCH:
      return _("Most on the first day, down to a third by the last");
    case TAKT_SHAPE_BUILD:
      return _("Growing to the last day, three times the first");
    case TAKT_SHAPE_FLAT:
    case TAKT_N_SHAPES:
    default:
      return _("The same every day");
    }
}

static void
shape_changed_cb (TaktCampaignEditor *self,
                  GParamSpec         *pspec,
                  AdwComboRow        *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < TAKT_N_SHAPES)
    campaign (self)->shape = (TaktShape) selected;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shape_description (campaign (self)->shape));
  refresh (self);
}

static void
number_changed (TaktCampaignEditor *self,
                Field               field,
                GtkSpinButton      *spin)
{
  TaktCampaign *c = campaign (self);
  double value;

  g_clear_pointer (&self->field_error[field], g_free);
  if (!parse_number (GTK_EDITABLE (spin), &value))
    {
      /* Translators: a number field holds text that is not a number */
      self->field_error[field] = g_strdup_printf (_("“%s” is not a number"), gtk_editable_get_text (GTK_EDITABLE (spin)));
      refresh (self);
      return;
    }

  switch (field)
    {
    case FIELD_SPEND:
      c->spend = value;
      break;
    case FIELD_IMPRESSIONS:
      if (value != floor (value) || fabs (value) > 1e15)
        self->field_error[field] = g_strdup (_("must be a whole number"));
      else
        c->impressions = (gint64) value;
      break;
    case FIELD_CONVERSION:
      c->conversion_per_mille = value;
      break;
    case FIELD_LAG:
      if (value != floor (value) || fabs (value) > 1e9)
        self->field_error[field] = g_strdup (_("must be a whole number of days"));
      else
        c->lag_days = (gint64) value;
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  refresh (self);
}

static void
spend_changed_cb (TaktCampaignEditor *self,
                  GtkSpinButton      *spin)
{
  number_changed (self, FIELD_SPEND, spin);
}

static void
impressions_changed_cb (TaktCampaignEditor *self,
                        GtkSpinButton      *spin)
{
  number_changed (self, FIELD_IMPRESSIONS, spin);
}

static void
conversion_changed_cb (TaktCampaignEditor *self,
                       GtkSpinButton      *spin)
{
  number_changed (self, FIELD_CONVERSION, spin);
}

static void
lag_changed_cb (TaktCampaignEditor *self,
                GtkSpinButton      *spin)
{
  number_changed (self, FIELD_LAG, spin);
}

static void
update_date_buttons (TaktCampaignEditor *self)
{
  TaktCampaign *c = campaign (self);
  g_autofree char *start = format_date (c->start);
  g_autofree char *end = format_date (c->end);
  gint64 days = (c->end - c->start) / TAKT_DAY_S + 1;
  g_autofree char *length = NULL;

  gtk_menu_button_set_label (self->start_button, start);
  gtk_menu_button_set_label (self->end_button, end);
  if (days >= 1)
    length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld day, inclusive",
                                           "%lld days, inclusive", (gulong) days),
                             (long long) days);
  adw_action_row_set_subtitle (self->end_row, length != NULL ? length : "");
}

static void
start_selected_cb (TaktCampaignEditor *self,
                   GtkCalendar        *calendar)
{
  if (self->loading)
    return;
  campaign (self)->start = calendar_day (calendar);
  update_date_buttons (self);
  gtk_menu_button_popdown (self->start_button);
  refresh (self);
}

static void
end_selected_cb (TaktCampaignEditor *self,
                 GtkCalendar        *calendar)
{
  if (self->loading)
    return;
  campaign (self)->end = calendar_day (calendar);
  update_date_buttons (self);
  gtk_menu_button_popdown (self->end_button);
  refresh (self);
}

void
takt_campaign_editor_set_dates (TaktCampaignEditor *self,
                                gint64              start,
                                gint64              end)
{
  TaktCampaign *c;

  g_return_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self));

  c = campaign (self);
  c->start = takt_day_start (start);
  c->end = takt_day_start (end);
  self->loading = TRUE;
  select_calendar_day (self->start_calendar, c->start);
  select_calendar_day (self->end_calendar, c->end);
  self->loading = FALSE;
  update_date_buttons (self);
  refresh (self);
}

/* ---- products ---- */

static int
row_index (TaktCampaignEditor *self,
           ProductRow         *row)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_ptr_array_index (self->rows, i) == row)
      return (int) i;
  return -1;
}

static void
product_selected_cb (GtkDropDown *dropdown,
                     GParamSpec  *pspec,
                     ProductRow  *row)
{
  TaktCampaignEditor *self = row->editor;
  int i = row_index (self, row);
  guint selected = gtk_drop_down_get_selected (dropdown);
  TaktCampaignProduct *cp;

  if (i < 0 || selected >= self->work->products->len)
    return;
  cp = g_ptr_array_index (campaign (self)->products, i);
  g_free (cp->product);
  cp->product = g_strdup (((TaktProduct *) g_ptr_array_index (self->work->products, selected))->id);
  refresh (self);
}

static void
share_changed_cb (GtkSpinButton *spin,
                  ProductRow    *row)
{
  TaktCampaignEditor *self = row->editor;
  int i = row_index (self, row);
  double value;

  if (i < 0)
    return;
  g_clear_pointer (&row->share_error, g_free);
  if (parse_number (GTK_EDITABLE (spin), &value))
    ((TaktCampaignProduct *) g_ptr_array_index (campaign (self)->products, i))->share = value;
  else
    /* Translators: a product's share holds text that is not a number */
    row->share_error = g_strdup_printf (_("Share of product %d: “%s” is not a number"), i + 1,
                                        gtk_editable_get_text (GTK_EDITABLE (spin)));
  refresh (self);
}

static void
remove_clicked_cb (GtkButton  *button,
                   ProductRow *row)
{
  TaktCampaignEditor *self = row->editor;
  int i = row_index (self, row);

  if (i >= 0)
    takt_campaign_editor_remove_product (self, (guint) i);
}

static void
product_row_free (gpointer data)
{
  ProductRow *row = data;

  g_free (row->share_error);
  g_free (row);
}

static void
append_row (TaktCampaignEditor        *self,
            const TaktCampaignProduct *cp)
{
  ProductRow *row = g_new0 (ProductRow, 1);
  GtkWidget *remove;
  GtkAdjustment *adjustment;
  int product = takt_plan_find_product (self->work, cp->product);

  row->editor = self;
  row->row = adw_action_row_new ();
  row->product = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->product_names)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (row->product), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (row->product), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (row->product), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (row->product), "flat");
  gtk_drop_down_set_selected (row->product, product >= 0 ? (guint) product : GTK_INVALID_LIST_POSITION);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->product), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row->row), GTK_WIDGET (row->product));

  row->units = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->units, 1);
  gtk_widget_add_css_class (GTK_WIDGET (row->units), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (row->units), "dim-label");
  gtk_label_set_width_chars (row->units, 10);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), GTK_WIDGET (row->units));

  adjustment = gtk_adjustment_new (cp->share, 0, 1000, 0.05, 0.1, 0);
  row->share = GTK_SPIN_BUTTON (gtk_spin_button_new (adjustment, 0.05, 2));
  gtk_widget_set_valign (GTK_WIDGET (row->share), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->share), _("Share"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->share), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Share"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), GTK_WIDGET (row->share));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Product"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Product"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), remove);

  g_signal_connect (row->product, "notify::selected", G_CALLBACK (product_selected_cb), row);
  g_signal_connect (row->share, "changed", G_CALLBACK (share_changed_cb), row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), row);

  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (self->products_group, row->row);
}

void
takt_campaign_editor_add_product (TaktCampaignEditor *self)
{
  TaktCampaign *c;
  TaktCampaignProduct *cp;
  double shares = 0;

  g_return_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self));

  c = campaign (self);
  cp = takt_campaign_product_new ();
  /* The first product not listed yet. */
  for (guint p = 0; p < self->work->products->len && cp->product == NULL; p++)
    {
      const char *id = ((TaktProduct *) g_ptr_array_index (self->work->products, p))->id;
      gboolean listed = FALSE;

      for (guint i = 0; i < c->products->len; i++)
        listed = listed || g_strcmp0 (((TaktCampaignProduct *) g_ptr_array_index (c->products, i))->product, id) == 0;
      if (!listed)
        cp->product = g_strdup (id);
    }
  if (cp->product == NULL)
    cp->product = g_strdup (((TaktProduct *) g_ptr_array_index (self->work->products, 0))->id);
  /* An average share, so the new product does not take everything. */
  for (guint i = 0; i < c->products->len; i++)
    shares += ((TaktCampaignProduct *) g_ptr_array_index (c->products, i))->share;
  cp->share = c->products->len > 0 && shares > 0 ? round (shares / c->products->len * 100) / 100 : 1.0;
  g_ptr_array_add (c->products, cp);
  append_row (self, cp);
  refresh (self);
}

void
takt_campaign_editor_remove_product (TaktCampaignEditor *self,
                                     guint               i)
{
  ProductRow *row;

  g_return_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self));
  g_return_if_fail (i < self->rows->len);

  row = g_ptr_array_index (self->rows, i);
  adw_preferences_group_remove (self->products_group, row->row);
  g_ptr_array_remove_index (self->rows, i);
  g_ptr_array_remove_index (campaign (self)->products, i);
  refresh (self);
}

guint
takt_campaign_editor_get_n_products (TaktCampaignEditor *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self), 0);
  return self->rows->len;
}

/* ---- applying ---- */

typedef struct
{
  const char   *id;
  TaktCampaign *campaign;
} Replace;

static gboolean
replace_campaign (TaktPlan  *plan,
                  gpointer   user_data,
                  GError   **error)
{
  Replace *replace = user_data;

  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      TaktCampaign *c = g_ptr_array_index (plan->campaigns, i);

      if (g_strcmp0 (c->id, replace->id) == 0)
        {
          takt_campaign_free (c);
          plan->campaigns->pdata[i] = g_steal_pointer (&replace->campaign);
          return TRUE;
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The campaign “%s” is no longer in the plan"), replace->id);
  return FALSE;
}

gboolean
takt_campaign_editor_apply (TaktCampaignEditor  *self,
                            GError             **error)
{
  g_autoptr(TaktPlan) copy = NULL;
  Replace replace;
  gboolean ok;

  g_return_val_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self), FALSE);

  /* The spin buttons take what was typed last. */
  refresh (self);
  if (self->problems != NULL)
    {
      g_set_error_literal (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID, self->problems);
      return FALSE;
    }

  copy = takt_plan_copy (self->work);
  replace.id = self->campaign_id;
  replace.campaign = g_ptr_array_steal_index (copy->campaigns, (guint) self->index);
  ok = takt_document_edit (self->document, _("Edit Campaign"), replace_campaign, &replace, error);
  g_clear_pointer (&replace.campaign, takt_campaign_free);
  if (ok)
    {
      g_free (self->campaign_id);
      self->campaign_id = g_strdup (campaign (self)->id);
    }
  return ok;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TaktCampaignEditor *self = TAKT_CAMPAIGN_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!takt_campaign_editor_apply (self, &error))
    {
      gtk_label_set_text (self->general_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  takt_campaign_editor_add_product (TAKT_CAMPAIGN_EDITOR (widget));
}

/* ---- public ---- */

const char *
takt_campaign_editor_get_campaign_id (TaktCampaignEditor *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self), NULL);
  return self->campaign_id;
}

GtkEditable *
takt_campaign_editor_get_field (TaktCampaignEditor *self,
                                const char         *name)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "id"))
    return GTK_EDITABLE (self->id_row);
  if (g_str_equal (name, "name"))
    return GTK_EDITABLE (self->name_row);
  if (g_str_equal (name, "spend"))
    return GTK_EDITABLE (self->spend_spin);
  if (g_str_equal (name, "impressions"))
    return GTK_EDITABLE (self->impressions_spin);
  if (g_str_equal (name, "conversion"))
    return GTK_EDITABLE (self->conversion_spin);
  if (g_str_equal (name, "lag-days"))
    return GTK_EDITABLE (self->lag_spin);
  g_return_val_if_reached (NULL);
}

const char *
takt_campaign_editor_get_readout (TaktCampaignEditor  *self,
                                  TaktCampaignReadout  readout)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self), NULL);
  g_return_val_if_fail (readout <= TAKT_CAMPAIGN_READOUT_UNITS_PER_CURRENCY, NULL);
  return self->readout[readout];
}

const char *
takt_campaign_editor_get_product_units (TaktCampaignEditor *self,
                                        guint               row)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return gtk_label_get_text (((ProductRow *) g_ptr_array_index (self->rows, row))->units);
}

char *
takt_campaign_editor_dup_problems (TaktCampaignEditor *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_EDITOR (self), NULL);
  return g_strdup (self->problems);
}

/* ---- GObject ---- */

static void
load (TaktCampaignEditor *self)
{
  const TaktPlan *plan = takt_document_get_plan (self->document);
  TaktCampaign *c;
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) shapes = gtk_string_list_new (NULL);

  self->work = takt_plan_copy (plan);
  g_clear_pointer (&self->work->schedule, takt_schedule_free);
  self->index = -1;
  for (guint i = 0; i < self->work->campaigns->len; i++)
    if (g_strcmp0 (((TaktCampaign *) g_ptr_array_index (self->work->campaigns, i))->id, self->campaign_id) == 0)
      self->index = (int) i;
  g_return_if_fail (self->index >= 0);
  c = campaign (self);

  self->product_names = gtk_string_list_new (NULL);
  for (guint p = 0; p < self->work->products->len; p++)
    {
      const TaktProduct *product = g_ptr_array_index (self->work->products, p);

      gtk_string_list_append (self->product_names, product->name != NULL && *product->name ? product->name : product->id);
    }
  for (int ch = 0; ch < TAKT_N_CHANNELS; ch++)
    gtk_string_list_append (channels, takt_format_channel ((TaktChannel) ch));
  for (int s = 0; s < TAKT_N_SHAPES; s++)
    gtk_string_list_append (shapes, takt_format_shape ((TaktShape) s));

  self->loading = TRUE;
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_model (self->shape_row, G_LIST_MODEL (shapes));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), c->name != NULL ? c->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), c->id);
  adw_combo_row_set_selected (self->channel_row, c->channel);
  adw_combo_row_set_selected (self->shape_row, c->shape);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->shape_row), shape_description (c->shape));
  gtk_spin_button_set_value (self->spend_spin, c->spend);
  gtk_spin_button_set_value (self->impressions_spin, (double) c->impressions);
  gtk_spin_button_set_value (self->conversion_spin, c->conversion_per_mille);
  gtk_spin_button_set_value (self->lag_spin, (double) c->lag_days);
  select_calendar_day (self->start_calendar, c->start);
  select_calendar_day (self->end_calendar, c->end);
  for (guint i = 0; i < c->products->len; i++)
    append_row (self, g_ptr_array_index (c->products, i));
  adw_window_title_set_subtitle (self->window_title, c->name != NULL && *c->name ? c->name : c->id);
  self->loading = FALSE;

  update_date_buttons (self);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->id_row, "changed", G_CALLBACK (id_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->channel_row, "notify::selected", G_CALLBACK (channel_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->shape_row, "notify::selected", G_CALLBACK (shape_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->spend_spin, "changed", G_CALLBACK (spend_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->impressions_spin, "changed", G_CALLBACK (impressions_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conversion_spin, "changed", G_CALLBACK (conversion_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lag_spin, "changed", G_CALLBACK (lag_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_calendar, "day-selected", G_CALLBACK (start_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->end_calendar, "day-selected", G_CALLBACK (end_selected_cb), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

static void
takt_campaign_editor_dispose (GObject *object)
{
  TaktCampaignEditor *self = TAKT_CAMPAIGN_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAKT_TYPE_CAMPAIGN_EDITOR);

  G_OBJECT_CLASS (takt_campaign_editor_parent_class)->dispose (object);
}

static void
takt_campaign_editor_finalize (GObject *object)
{
  TaktCampaignEditor *self = TAKT_CAMPAIGN_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->work, takt_plan_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->product_names);
  for (guint f = 0; f < N_FIELDS; f++)
    g_free (self->field_error[f]);
  for (guint r = 0; r < G_N_ELEMENTS (self->readout); r++)
    g_free (self->readout[r]);
  g_free (self->problems);

  G_OBJECT_CLASS (takt_campaign_editor_parent_class)->finalize (object);
}

static void
takt_campaign_editor_class_init (TaktCampaignEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = takt_campaign_editor_dispose;
  object_class->finalize = takt_campaign_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-campaign-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, end_button);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, spend_spin);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, impressions_spin);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, conversion_spin);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, lag_spin);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, shape_row);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, cpm_row);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, units_row);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, per_currency_row);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, cpm_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, units_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, per_currency_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, products_group);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, dates_error);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, reach_error);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, demand_error);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignEditor, products_error);

  gtk_widget_class_install_action (widget_class, "editor.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "editor.add-product", NULL, add_product_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.apply", NULL);
}

static void
takt_campaign_editor_init (TaktCampaignEditor *self)
{
  self->rows = g_ptr_array_new_with_free_func (product_row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * takt_campaign_editor_new:
 *
 * Returns: (transfer floating): a new editor of the campaign @campaign_id
 */
GtkWidget *
takt_campaign_editor_new (TaktDocument *document,
                          const char   *campaign_id)
{
  TaktCampaignEditor *self;

  g_return_val_if_fail (TAKT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (campaign_id != NULL, NULL);

  self = g_object_new (TAKT_TYPE_CAMPAIGN_EDITOR, NULL);
  self->document = g_object_ref (document);
  self->campaign_id = g_strdup (campaign_id);
  load (self);
  return GTK_WIDGET (self);
}
