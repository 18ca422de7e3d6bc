/* takt-plan-properties.c — the plan's name, currency, horizon and planning options
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-plan-properties"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "takt-editor-common.h"
#include "takt-format.h"
#include "takt-plan-properties.h"
#include "takt-shift-editor.h"
#include "takt-time.h"

#define MAX_DAYS          3660
#define MAX_TIME_LIMIT_MS 600000

typedef enum
{
  PLAN_NAME,
  PLAN_CURRENCY,
  PLAN_START,
  PLAN_DAYS,
  PLAN_STRATEGY,
  PLAN_TIME_LIMIT,
} PlanField;

struct _TaktPlanProperties
{
  AdwPreferencesWindow  parent_instance;

  TaktDocument         *document;
  guint                 syncing;

  AdwPreferencesGroup  *plan_group;
  AdwPreferencesGroup  *horizon_group;
  AdwPreferencesGroup  *planning_group;
  GtkWidget            *name_row;
  GtkWidget            *currency_row;
  GtkWidget            *start_row;
  GtkWidget            *date_button;
  GtkWidget            *date_popover;
  GtkWidget            *calendar;
  GtkWidget            *time_entry;
  GtkWidget            *strategy_row;
  GtkWidget            *days_row;
  GtkWidget            *time_limit_row;
  GtkWidget            *plan_error;
  GtkWidget            *horizon_error;
  GtkWidget            *planning_error;
};

G_DEFINE_FINAL_TYPE (TaktPlanProperties, takt_plan_properties, ADW_TYPE_PREFERENCES_WINDOW)

typedef struct
{
  PlanField  field;
  char      *text;
  gint64     number;
} PlanEdit;

static gboolean
edit_plan_cb (TaktPlan  *plan,
              gpointer   user_data,
              GError   **error)
{
  PlanEdit *edit = user_data;

  switch (edit->field)
    {
    case PLAN_NAME:
      g_free (plan->name);
      plan->name = g_strdup (edit->text);
      break;

    case PLAN_CURRENCY:
      g_free (plan->currency);
      plan->currency = g_ascii_strup (g_strstrip (edit->text), -1);
      break;

    case PLAN_START:
      plan->horizon_start = edit->number;
      break;

    case PLAN_DAYS:
      plan->horizon_days = edit->number;
      break;

    case PLAN_STRATEGY:
      plan->settings.strategy = (TaktStrategy) edit->number;
      break;

    case PLAN_TIME_LIMIT:
      plan->settings.time_limit_ms = edit->number;
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static const char *
field_title (PlanField field)
{
  switch (field)
    {
    case PLAN_NAME: return _("Name");
    case PLAN_CURRENCY: return _("Currency");
    case PLAN_START: return _("Start");
    case PLAN_DAYS: return _("Days");
    case PLAN_STRATEGY: return _("Strategy");
    case PLAN_TIME_LIMIT: return _("Search time limit");
    default: g_assert_not_reached ();
    }
}

static GtkWidget *
error_row_for (TaktPlanProperties *self,
               PlanField           field)
{
  switch (field)
    {
    case PLAN_NAME:
    case PLAN_CURRENCY:
      return self->plan_error;
    case PLAN_START:
    case PLAN_DAYS:
      return self->horizon_error;
    case PLAN_STRATEGY:
    case PLAN_TIME_LIMIT:
    default:
      return self->planning_error;
    }
}

static gboolean
apply (TaktPlanProperties *self,
       PlanField           field,
       const char         *description,
       GtkWidget          *merge_widget,
       gint64              number,
       const char         *text)
{
  g_autofree char *copy = g_strdup (text);
  g_autofree char *what = NULL;
  PlanEdit edit = { field, copy, number };

  if (self->document == NULL || self->syncing > 0)
    return FALSE;

  what = g_strdup_printf ("plan:%d", field);
  return takt_editor_apply (self->document, description, merge_widget, what, edit_plan_cb, &edit,
                            error_row_for (self, field), field_title (field));
}

static void
name_changed_cb (TaktPlanProperties *self)
{
  apply (self, PLAN_NAME, _("Rename Plan"), self->name_row, 0,
         gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
currency_apply_cb (TaktPlanProperties *self)
{
  apply (self, PLAN_CURRENCY, _("Change Currency"), NULL, 0,
         gtk_editable_get_text (GTK_EDITABLE (self->currency_row)));
}

static gint64
current_start (TaktPlanProperties *self)
{
  return takt_document_get_plan (self->document)->horizon_start;
}

static void
day_selected_cb (TaktPlanProperties *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  gint64 start, day;

  if (self->syncing > 0 || self->document == NULL || when == NULL)
    return;

  start = current_start (self);
  day = takt_days_from_civil (g_date_time_get_year (when), g_date_time_get_month (when),
                              g_date_time_get_day_of_month (when)) * TAKT_DAY_S;
  if (apply (self, PLAN_START, _("Change Horizon Start"), NULL, day + (start - takt_day_start (start)), NULL))
    gtk_popover_popdown (GTK_POPOVER (self->date_popover));
}

static void
time_commit_cb (TaktPlanProperties *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  gint64 start;
  gint32 seconds;

  if (self->syncing > 0 || self->document == NULL)
    return;

  start = current_start (self);
  if (!takt_shift_parse_time (text, FALSE, &seconds))
    {
      /* Translators: %s is what was typed as the horizon's start time */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time of day: type e.g. 06:00"), text);

      takt_error_row_set_message (self->horizon_error, message);
      gtk_widget_add_css_class (self->time_entry, "error");
      return;
    }
  gtk_widget_remove_css_class (self->time_entry, "error");
  if (takt_day_start (start) + seconds != start)
    apply (self, PLAN_START, _("Change Horizon Start"), NULL, takt_day_start (start) + seconds, NULL);
  else
    takt_error_row_set_message (self->horizon_error, NULL);
}

static void
days_changed_cb (TaktPlanProperties *self)
{
  GtkSpinButton *spin = takt_spin_row_get_spin (self->days_row);

  apply (self, PLAN_DAYS, _("Change Horizon Length"), GTK_WIDGET (spin),
         (gint64) llround (gtk_spin_button_get_value (spin)), NULL);
}

static void
strategy_changed_cb (TaktPlanProperties *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->strategy_row));

  if (selected < TAKT_N_STRATEGIES)
    apply (self, PLAN_STRATEGY, _("Change Strategy"), NULL, selected, NULL);
}

static void
time_limit_changed_cb (TaktPlanProperties *self)
{
  GtkSpinButton *spin = takt_spin_row_get_spin (self->time_limit_row);

  apply (self, PLAN_TIME_LIMIT, _("Change Search Time Limit"), GTK_WIDGET (spin),
         (gint64) llround (gtk_spin_button_get_value (spin)), NULL);
}

static const char *
strategy_description (TaktStrategy strategy)
{
  switch (strategy)
    {
    case TAKT_STRATEGY_JIT:
      return _("Pull: each run finishes as late as it can without being late, and the search lowers the total cost");
    case TAKT_STRATEGY_LEVEL:
      return _("Heijunka: the mix of products is spread evenly over the working days");
    case TAKT_STRATEGY_ASAP:
      return _("Push: everything as early as possible, the baseline just in time is compared with");
    case TAKT_N_STRATEGIES:
    default:
      return "";
    }
}

static void
sync_fields (TaktPlanProperties *self)
{
  const TaktPlan *plan;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *end = NULL;
  g_autofree char *ends = NULL;
  g_autoptr(GDateTime) when = NULL;
  GtkSpinButton *spin;
  gint64 year;
  int month, mday;

  if (self->document == NULL)
    return;

  self->syncing++;
  plan = takt_document_get_plan (self->document);

  takt_editor_set_text (GTK_EDITABLE (self->name_row), plan->name);
  if (!(gtk_widget_get_state_flags (self->currency_row) & GTK_STATE_FLAG_FOCUS_WITHIN))
    takt_editor_set_text (GTK_EDITABLE (self->currency_row), plan->currency);

  day = takt_format_day (takt_day_start (plan->horizon_start));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), day);
  takt_civil_from_days (takt_day_start (plan->horizon_start) / TAKT_DAY_S, &year, &month, &mday);
  when = g_date_time_new_utc ((int) year, month, mday, 12, 0, 0);
  if (when != NULL)
    gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
  clock = takt_format_clock ((gint32) (plan->horizon_start - takt_day_start (plan->horizon_start)));
  if (!gtk_widget_has_focus (self->time_entry) &&
      !(gtk_widget_get_state_flags (self->time_entry) & GTK_STATE_FLAG_FOCUS_WITHIN))
    takt_editor_set_text (GTK_EDITABLE (self->time_entry), clock);

  spin = takt_spin_row_get_spin (self->days_row);
  if (fabs (gtk_spin_button_get_value (spin) - (double) plan->horizon_days) > 0.5)
    gtk_spin_button_set_value (spin, (double) plan->horizon_days);
  end = takt_format_instant (plan->horizon_start + plan->horizon_days * TAKT_DAY_S);
  /* Translators: when the horizon ends, "Ends Mon 11 Jan, 00:00" */
  ends = g_strdup_printf (_("Ends %s"), end);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->days_row), ends);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->strategy_row), plan->settings.strategy);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->strategy_row),
                               strategy_description (plan->settings.strategy));

  spin = takt_spin_row_get_spin (self->time_limit_row);
  if (fabs (gtk_spin_button_get_value (spin) - (double) plan->settings.time_limit_ms) > 0.5)
    gtk_spin_button_set_value (spin, (double) MIN (plan->settings.time_limit_ms, MAX_TIME_LIMIT_MS));

  takt_error_row_set_message (self->plan_error, NULL);
  takt_error_row_set_message (self->horizon_error, NULL);
  takt_error_row_set_message (self->planning_error, NULL);

  self->syncing--;
}

static void
takt_plan_properties_dispose (GObject *object)
{
  TaktPlanProperties *self = TAKT_PLAN_PROPERTIES (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (takt_plan_properties_parent_class)->dispose (object);
}

static void
takt_plan_properties_class_init (TaktPlanPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = takt_plan_properties_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-plan-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, plan_group);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, horizon_group);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, planning_group);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, name_row);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, currency_row);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, start_row);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, date_button);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, date_popover);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, calendar);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, time_entry);
  gtk_widget_class_bind_template_child (widget_class, TaktPlanProperties, strategy_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
takt_plan_properties_init (TaktPlanProperties *self)
{
  g_autoptr(GtkStringList) strategies = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  takt_editor_track_focus (self->name_row);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->currency_row, "apply", G_CALLBACK (currency_apply_cb), self);
  g_signal_connect_swapped (self->currency_row, "entry-activated", G_CALLBACK (currency_apply_cb), self);
  adw_entry_row_set_input_hints (ADW_ENTRY_ROW (self->currency_row), GTK_INPUT_HINT_UPPERCASE_CHARS);
  self->plan_error = takt_error_row_new ();
  gtk_widget_set_name (self->plan_error, "plan-error");
  adw_preferences_group_add (self->plan_group, self->plan_error);

  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect_swapped (self->time_entry, "activate", G_CALLBACK (time_commit_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (time_commit_cb), self);
  gtk_widget_add_controller (self->time_entry, focus);

  self->days_row = takt_spin_row_new (_("Days"), NULL, 1, MAX_DAYS, 1, 0);
  gtk_widget_set_name (self->days_row, "horizon-days");
  g_signal_connect_swapped (takt_spin_row_get_spin (self->days_row), "value-changed",
                            G_CALLBACK (days_changed_cb), self);
  adw_preferences_group_add (self->horizon_group, self->days_row);
  self->horizon_error = takt_error_row_new ();
  gtk_widget_set_name (self->horizon_error, "horizon-error");
  adw_preferences_group_add (self->horizon_group, self->horizon_error);

  for (int s = 0; s < TAKT_N_STRATEGIES; s++)
    gtk_string_list_append (strategies, takt_format_strategy ((TaktStrategy) s));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->strategy_row), G_LIST_MODEL (strategies));
  g_signal_connect_swapped (self->strategy_row, "notify::selected", G_CALLBACK (strategy_changed_cb), self);

  self->time_limit_row = takt_spin_row_new (_("Search time limit"),
                                            _("Milliseconds the improving search may take after each "
                                              "change; 0 shows the first plan found"),
                                            0, MAX_TIME_LIMIT_MS, 50, 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->time_limit_row), 0);
  gtk_widget_set_name (self->time_limit_row, "time-limit");
  g_signal_connect_swapped (takt_spin_row_get_spin (self->time_limit_row), "value-changed",
                            G_CALLBACK (time_limit_changed_cb), self);
  adw_preferences_group_add (self->planning_group, self->time_limit_row);
  self->planning_error = takt_error_row_new ();
  gtk_widget_set_name (self->planning_error, "planning-error");
  adw_preferences_group_add (self->planning_group, self->planning_error);
}

GtkWidget *
takt_plan_properties_new (GtkWindow    *parent,
                          TaktDocument *document)
{
  TaktPlanProperties *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TAKT_IS_DOCUMENT (document), NULL);

  self = g_object_new (TAKT_TYPE_PLAN_PROPERTIES,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "changed", G_CALLBACK (sync_fields), self, G_CONNECT_SWAPPED);
  sync_fields (self);

  return GTK_WIDGET (self);
}

/**
 * takt_plan_properties_get_document:
 *
 * Returns: (transfer none): the document edited
 */
TaktDocument *
takt_plan_properties_get_document (TaktPlanProperties *self)
{
  g_return_val_if_fail (TAKT_IS_PLAN_PROPERTIES (self), NULL);
  return self->document;
}
