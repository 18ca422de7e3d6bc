/* takt-stations-page.c — the Stations page: stations, machines and shifts
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-stations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-format.h"
#include "takt-stations-page.h"
#include "takt-widgets.h"

struct _TaktStationsPage
{
  TaktPage              parent_instance;

  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *stations_group;
  AdwPreferencesGroup  *week_group;
  AdwPreferencesGroup  *exceptions_group;

  /* The rows added to each group, to take them out again. */
  GPtrArray            *rows;
};

G_DEFINE_FINAL_TYPE (TaktStationsPage, takt_stations_page, TAKT_TYPE_PAGE)

static void
add_row (TaktStationsPage    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "takt-group", group);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
exception_row (const TaktCalendarException *exception)
{
  g_autofree char *day = takt_format_day (exception->date);
  g_autofree char *shifts = takt_format_shifts (exception->shifts);

  return takt_value_row_new (day, NULL, shifts);
}

/* The calendar's week and exceptions as rows, into an expander or a group. */
static void
add_calendar_rows (TaktStationsPage    *self,
                   const TaktCalendar  *calendar,
                   AdwExpanderRow      *expander,
                   AdwPreferencesGroup *week_group,
                   AdwPreferencesGroup *exceptions_group)
{
  for (int day = 0; day < 7; day++)
    {
      g_autofree char *shifts = takt_format_shifts (calendar->week[day]);
      GtkWidget *row = takt_value_row_new (takt_format_weekday (day), NULL, shifts);

      if (expander != NULL)
        adw_expander_row_add_row (expander, row);
      else
        add_row (self, week_group, row);
    }

  for (guint i = 0; i < calendar->exceptions->len; i++)
    {
      GtkWidget *row = exception_row (g_ptr_array_index (calendar->exceptions, i));

      if (expander != NULL)
        adw_expander_row_add_row (expander, row);
      else
        add_row (self, exceptions_group, row);
    }
}

static GtkWidget *
station_row (TaktStationsPage  *self,
             const TaktStation *station)
{
  g_autofree char *subtitle = NULL;
  const char *title = station->name ? station->name : station->id;
  GtkWidget *row;

  if (station->calendar != NULL)
    /* Translators: a station's id and machines; it has a calendar of its own */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d machine · own calendar",
                                             "%s · %d machines · own calendar", station->machines),
                                station->id, (int) station->machines);
  else
    /* Translators: a station's id and machines; it works by the plant calendar */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d machine · plant calendar",
                                             "%s · %d machines · plant calendar", station->machines),
                                station->id, (int) station->machines);

  if (station->calendar == NULL)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), takt_swatch_new (station->color));
      return row;
    }

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), takt_swatch_new (station->color));
  add_calendar_rows (self, station->calendar, ADW_EXPANDER_ROW (row), NULL, NULL);

  return row;
}

static void
takt_stations_page_plan_changed (TaktPage *page)
{
  TaktStationsPage *self = TAKT_STATIONS_PAGE (page);
  TaktDocument *document = takt_page_get_document (page);
  g_autofree char *description = NULL;
  const TaktPlan *plan;
  gint64 machines = 0;

  if (self->rows == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "takt-group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (document == NULL)
    return;

  plan = takt_document_get_plan (document);

  for (guint i = 0; i < plan->stations->len; i++)
    {
      const TaktStation *station = g_ptr_array_index (plan->stations, i);

      machines += station->machines;
      add_row (self, self->stations_group, station_row (self, station));
    }

  /* Translators: stations and machines in a plan, "5 stations · 30 machines" */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u station · %d machines",
                                              "%u stations · %d machines", plan->stations->len),
                                 plan->stations->len, (int) machines);
  adw_preferences_group_set_description (self->stations_group, description);

  if (plan->calendar != NULL)
    {
      adw_preferences_group_set_description (self->week_group,
                                             _("The working time of every station without a calendar of its own."));
      add_calendar_rows (self, plan->calendar, NULL, self->week_group, self->exceptions_group);
    }
  else
    {
      adw_preferences_group_set_description (self->week_group, NULL);
      add_row (self, self->week_group,
               takt_value_row_new (_("Every day"), _("The plant has no calendar: it works around the clock."),
                                   _("All day")));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->exceptions_group),
                          plan->calendar != NULL && plan->calendar->exceptions->len > 0);
}

static void
takt_stations_page_dispose (GObject *object)
{
  TaktStationsPage *self = TAKT_STATIONS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (takt_stations_page_parent_class)->dispose (object);
}

static void
takt_stations_page_class_init (TaktStationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  object_class->dispose = takt_stations_page_dispose;
  page_class->plan_changed = takt_stations_page_plan_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-stations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, page);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, stations_group);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, week_group);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, exceptions_group);
}

static void
takt_stations_page_init (TaktStationsPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
takt_stations_page_new (void)
{
  return g_object_new (TAKT_TYPE_STATIONS_PAGE, NULL);
}
