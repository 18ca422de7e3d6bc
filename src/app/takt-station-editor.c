/* takt-station-editor.c — every field of one station, editable
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-station-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "takt-editor-common.h"
#include "takt-station-editor.h"

#define MAX_MACHINES 10000

typedef enum
{
  FIELD_ID,
  FIELD_NAME,
  FIELD_COLOR,
  FIELD_MACHINES,
  FIELD_OWN_CALENDAR,
} Field;

struct _TaktStationEditor
{
  AdwBin           parent_instance;

  TaktDocument    *document;
  char            *station_id;
  guint            syncing;
  gboolean         switched;

  GtkWidget       *page;
  GtkWidget       *general;
  GtkWidget       *error;
  GtkWidget       *name_row;
  GtkWidget       *id_row;
  GtkWidget       *machines_row;
  GtkWidget       *color_row;
  GtkWidget       *color_button;
  GtkWidget       *time_group;
  GtkWidget       *plant_row;
  GtkWidget       *plant_switch;
  GtkWidget       *time_error;
  TaktShiftEditor *shifts;
};

G_DEFINE_FINAL_TYPE (TaktStationEditor, takt_station_editor, ADW_TYPE_BIN)

typedef struct
{
  char   *station;
  Field   field;
  gint64  number;
  char   *text;
} StationEdit;

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static gboolean
edit_station_cb (TaktPlan  *plan,
                 gpointer   user_data,
                 GError   **error)
{
  StationEdit *edit = user_data;
  int s = takt_plan_find_station (plan, edit->station);
  TaktStation *station;

  if (s < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no station “%s” any more"), edit->station);
      return FALSE;
    }
  station = g_ptr_array_index (plan->stations, s);

  switch (edit->field)
    {
    case FIELD_ID:
      {
        g_autofree char *id = g_strstrip (g_strdup (edit->text));

        if (id[0] == '\0')
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                 _("A station needs an id"));
            return FALSE;
          }
        if (g_strcmp0 (id, station->id) == 0)
          return TRUE;
        if (takt_plan_find_station (plan, id) >= 0)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         _("Another station has the id “%s”"), id);
            return FALSE;
          }
        /* Routings and pins follow the new id. */
        for (guint i = 0; i < plan->products->len; i++)
          {
            TaktProduct *product = g_ptr_array_index (plan->products, i);

            for (guint k = 0; k < product->routing->len; k++)
              {
                TaktStep *step = g_ptr_array_index (product->routing, k);

                if (g_strcmp0 (step->station, station->id) == 0)
                  replace_string (&step->station, id);
              }
          }
        for (guint i = 0; i < plan->pins->len; i++)
          {
            TaktPin *pin = g_ptr_array_index (plan->pins, i);

            if (g_strcmp0 (pin->station, station->id) == 0)
              replace_string (&pin->station, id);
          }
        replace_string (&station->id, id);
      }
      break;

    case FIELD_NAME:
      replace_string (&station->name, edit->text);
      break;

    case FIELD_COLOR:
      replace_string (&station->color, edit->text);
      break;

    case FIELD_MACHINES:
      station->machines = edit->number;
      break;

    case FIELD_OWN_CALENDAR:
      if (edit->number && station->calendar == NULL)
        {
          /* Its own calendar starts as the plant's, or around the clock. */
          if (plan->calendar != NULL)
            station->calendar = takt_calendar_copy (plan->calendar);
          else
            {
              station->calendar = takt_calendar_new ();
              for (int d = 0; d < 7; d++)
                {
                  TaktShift shift = { 0, 86400 };

                  g_array_append_val (station->calendar->week[d], shift);
                }
            }
        }
      else if (!edit->number)
        g_clear_pointer (&station->calendar, takt_calendar_free);
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static const char *
field_title (Field field)
{
  switch (field)
    {
    case FIELD_ID: return _("Id");
    case FIELD_NAME: return _("Name");
    case FIELD_COLOR: return _("Color");
    case FIELD_MACHINES: return _("Machines");
    case FIELD_OWN_CALENDAR: return _("Calendar");
    default: g_assert_not_reached ();
    }
}

static gboolean
apply (TaktStationEditor *self,
       Field              field,
       const char        *description,
       GtkWidget         *merge_widget,
       gint64             number,
       const char        *text)
{
  g_autofree char *station = g_strdup (self->station_id);
  g_autofree char *copy = g_strdup (text);
  g_autofree char *what = NULL;
  StationEdit edit = { station, field, number, copy };

  if (self->document == NULL || station == NULL || self->syncing > 0)
    return FALSE;

  what = g_strdup_printf ("station:%s:%d", station, field);
  return takt_editor_apply (self->document, description, merge_widget, what, edit_station_cb, &edit,
                            field == FIELD_OWN_CALENDAR ? self->time_error : self->error,
                            field_title (field));
}

static void
id_apply_cb (TaktStationEditor *self)
{
  apply (self, FIELD_ID, _("Change Station Id"), NULL, 0,
         gtk_editable_get_text (GTK_EDITABLE (self->id_row)));
}

static void
name_changed_cb (TaktStationEditor *self)
{
  apply (self, FIELD_NAME, _("Rename Station"), self->name_row, 0,
         gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
color_set_cb (TaktStationEditor *self)
{
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = takt_editor_color_to_string (&rgba);
  apply (self, FIELD_COLOR, _("Change Station Color"), NULL, 0, color);
}

static void
machines_changed_cb (TaktStationEditor *self)
{
  GtkSpinButton *spin = takt_spin_row_get_spin (self->machines_row);

  apply (self, FIELD_MACHINES, _("Change Machines"), GTK_WIDGET (spin),
         (gint64) llround (gtk_spin_button_get_value (spin)), NULL);
}

static void sync_fields (TaktStationEditor *self);

static void
plant_switch_cb (TaktStationEditor *self)
{
  gboolean plant = gtk_switch_get_active (GTK_SWITCH (self->plant_switch));

  if (self->syncing > 0)
    return;
  if (!apply (self, FIELD_OWN_CALENDAR, plant ? _("Use the Plant Calendar") : _("Use an Own Calendar"),
              NULL, !plant, NULL))
    {
      g_autofree char *message = g_strdup (takt_error_row_get_message (self->time_error));

      sync_fields (self);
      takt_error_row_set_message (self->time_error, message);
    }
}

static void
sync_fields (TaktStationEditor *self)
{
  const TaktPlan *plan = self->document != NULL ? takt_document_get_plan (self->document) : NULL;
  int s = plan != NULL && self->station_id != NULL ? takt_plan_find_station (plan, self->station_id) : -1;
  const TaktStation *station;
  GtkSpinButton *spin;
  GdkRGBA rgba;
  gboolean plant;

  gtk_widget_set_sensitive (self->page, s >= 0);
  if (s < 0)
    {
      /* Nothing to edit: no rows, and none of the plant's either. */
      takt_shift_editor_show (self->shifts, NULL, NULL);
      return;
    }

  self->syncing++;

  station = g_ptr_array_index (plan->stations, s);

  if (!(gtk_widget_get_state_flags (self->id_row) & GTK_STATE_FLAG_FOCUS_WITHIN) || self->switched)
    takt_editor_set_text (GTK_EDITABLE (self->id_row), station->id);
  takt_editor_set_text (GTK_EDITABLE (self->name_row), station->name);

  spin = takt_spin_row_get_spin (self->machines_row);
  if (fabs (gtk_spin_button_get_value (spin) - (double) station->machines) > 0.5)
    gtk_spin_button_set_value (spin, (double) station->machines);

  takt_editor_color_parse (station->color, &rgba);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->color_row),
                               station->color != NULL ? station->color : _("None: the charts choose one"));

  plant = station->calendar == NULL;
  gtk_switch_set_active (GTK_SWITCH (self->plant_switch), plant);
  if (plant)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->plant_row),
                                 plan->calendar != NULL
                                 ? _("It works the plant’s shifts (see Plant Calendar)")
                                 : _("It works around the clock, as the plant has no calendar"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->plant_row),
                                 _("It has a week and exceptions of its own, below"));

  takt_shift_editor_show (self->shifts, self->document, station->id);
  gtk_widget_set_visible (takt_shift_editor_get_week_group (self->shifts), !plant);
  gtk_widget_set_visible (takt_shift_editor_get_exceptions_group (self->shifts), !plant);

  takt_error_row_set_message (self->error, NULL);
  takt_error_row_set_message (self->time_error, NULL);

  self->syncing--;
}

static void
takt_station_editor_dispose (GObject *object)
{
  TaktStationEditor *self = TAKT_STATION_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_object (&self->shifts);

  G_OBJECT_CLASS (takt_station_editor_parent_class)->dispose (object);
}

static void
takt_station_editor_finalize (GObject *object)
{
  TaktStationEditor *self = TAKT_STATION_EDITOR (object);

  g_free (self->station_id);

  G_OBJECT_CLASS (takt_station_editor_parent_class)->finalize (object);
}

static void
takt_station_editor_class_init (TaktStationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = takt_station_editor_dispose;
  object_class->finalize = takt_station_editor_finalize;
}

static void
takt_station_editor_init (TaktStationEditor *self)
{
  AdwPreferencesPage *page;

  self->page = adw_preferences_page_new ();
  page = ADW_PREFERENCES_PAGE (self->page);
  adw_bin_set_child (ADW_BIN (self), self->page);

  self->general = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->general), _("Station"));

  self->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  gtk_widget_set_name (self->name_row, "station-name");
  takt_editor_track_focus (self->name_row);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->general), self->name_row);

  self->id_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_row), _("Id"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->id_row), TRUE);
  gtk_widget_set_name (self->id_row, "station-id");
  gtk_widget_set_tooltip_text (self->id_row,
                               _("How routings and pins name the station; they follow a new id"));
  g_signal_connect_swapped (self->id_row, "apply", G_CALLBACK (id_apply_cb), self);
  g_signal_connect_swapped (self->id_row, "entry-activated", G_CALLBACK (id_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->general), self->id_row);

  self->machines_row = takt_spin_row_new (_("Machines"), _("Identical machines working in parallel"),
                                          1, MAX_MACHINES, 1, 0);
  gtk_widget_set_name (self->machines_row, "machines");
  g_signal_connect_swapped (takt_spin_row_get_spin (self->machines_row), "value-changed",
                            G_CALLBACK (machines_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->general), self->machines_row);

  self->color_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->color_row), _("Color"));
  gtk_widget_set_name (self->color_row, "station-color");
  self->color_button = gtk_color_button_new ();
  gtk_color_button_set_title (GTK_COLOR_BUTTON (self->color_button), _("Station Color"));
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (self->color_button), FALSE);
  gtk_widget_set_valign (self->color_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->color_button, _("Choose the Station’s Color"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->color_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Station color"),
                                  -1);
  g_signal_connect_swapped (self->color_button, "color-set", G_CALLBACK (color_set_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->color_row), self->color_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->color_row), self->color_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->general), self->color_row);

  self->error = takt_error_row_new ();
  gtk_widget_set_name (self->error, "station-error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->general), self->error);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->general));

  self->time_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->time_group), _("Working Time"));
  self->plant_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plant_row), _("Uses the plant calendar"));
  gtk_widget_set_name (self->plant_row, "plant-calendar");
  self->plant_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->plant_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plant_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Uses the plant calendar"),
                                  -1);
  g_signal_connect_swapped (self->plant_switch, "notify::active", G_CALLBACK (plant_switch_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->plant_row), self->plant_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->plant_row), self->plant_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->time_group), self->plant_row);
  self->time_error = takt_error_row_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->time_group), self->time_error);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->time_group));

  self->shifts = takt_shift_editor_new ();
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (takt_shift_editor_get_week_group (self->shifts)));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (takt_shift_editor_get_exceptions_group (self->shifts)));
}

GtkWidget *
takt_station_editor_new (void)
{
  return g_object_new (TAKT_TYPE_STATION_EDITOR, NULL);
}

void
takt_station_editor_show (TaktStationEditor *self,
                          TaktDocument      *document,
                          const char        *station_id)
{
  g_return_if_fail (TAKT_IS_STATION_EDITOR (self));
  g_return_if_fail (document == NULL || TAKT_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  self->switched = g_strcmp0 (self->station_id, station_id) != 0;
  if (self->switched)
    {
      g_free (self->station_id);
      self->station_id = g_strdup (station_id);
    }

  sync_fields (self);
  self->switched = FALSE;
}

/**
 * takt_station_editor_get_station:
 *
 * Returns: (nullable): the id of the station shown
 */
const char *
takt_station_editor_get_station (TaktStationEditor *self)
{
  g_return_val_if_fail (TAKT_IS_STATION_EDITOR (self), NULL);
  return self->station_id;
}

/**
 * takt_station_editor_get_shifts:
 *
 * Returns: (transfer none): the editor of the station's own calendar
 */
TaktShiftEditor *
takt_station_editor_get_shifts (TaktStationEditor *self)
{
  g_return_val_if_fail (TAKT_IS_STATION_EDITOR (self), NULL);
  return self->shifts;
}
