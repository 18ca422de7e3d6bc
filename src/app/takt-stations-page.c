/* takt-stations-page.c — the Stations page: line balance, plant calendar, stations
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At the side, the whole line (its balance chart and the plant calendar)
 * and a searchable list of the stations; at the right what is chosen
 * there: the yamazumi chart, the plant's shift editor or the station
 * editor.  An AdwLeaflet puts them one after the other when narrow.
 */

#define G_LOG_DOMAIN "takt-stations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-editor-common.h"
#include "takt-editor-list.h"
#include "takt-line-balance-view.h"
#include "takt-shift-editor.h"
#include "takt-station-editor.h"
#include "takt-stations-page.h"

struct _TaktStationsPage
{
  TaktPage             parent_instance;

  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkListBox          *overview_list;
  GtkListBoxRow       *balance_row;
  GtkListBoxRow       *plant_row;
  GtkWidget           *back_bar;
  GtkWidget           *back_button;
  GtkWidget           *back_title;
  GtkStack            *detail_stack;
  TaktLineBalanceView *balance_view;
  GtkLabel            *balance_summary;
  AdwPreferencesPage  *plant_page;
  TaktStationEditor   *editor;

  TaktEditorList      *list;
  TaktShiftEditor     *plant_shifts;
  guint                updating;
};

G_DEFINE_FINAL_TYPE (TaktStationsPage, takt_stations_page, TAKT_TYPE_PAGE)

static const char *
station_title (const TaktStation *station)
{
  return station->name != NULL && station->name[0] != '\0' ? station->name : station->id;
}

/* The right side follows what is chosen at the left. */
static void
show_detail (TaktStationsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  GtkListBoxRow *overview = gtk_list_box_get_selected_row (self->overview_list);
  const char *id = takt_editor_list_get_selected (self->list);
  const TaktPlan *plan = document != NULL ? takt_document_get_plan (document) : NULL;
  int s = plan != NULL && id != NULL ? takt_plan_find_station (plan, id) : -1;

  if (overview == self->balance_row)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "balance");
      gtk_label_set_text (GTK_LABEL (self->back_title), _("Line Balance"));
      takt_station_editor_show (self->editor, document, NULL);
    }
  else if (overview == self->plant_row)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "plant");
      gtk_label_set_text (GTK_LABEL (self->back_title), _("Plant Calendar"));
      takt_station_editor_show (self->editor, document, NULL);
    }
  else if (s >= 0)
    {
      takt_station_editor_show (self->editor, document, id);
      gtk_stack_set_visible_child_name (self->detail_stack, "station");
      gtk_label_set_text (GTK_LABEL (self->back_title), station_title (g_ptr_array_index (plan->stations, s)));
    }
  else
    {
      takt_station_editor_show (self->editor, document, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      gtk_label_set_text (GTK_LABEL (self->back_title), "");
    }
}

static void
summary_cb (TaktStationsPage *self)
{
  const char *summary = takt_line_balance_view_get_summary (self->balance_view);

  gtk_label_set_text (self->balance_summary, summary != NULL ? summary : "");
}

static void
takt_stations_page_plan_changed (TaktPage *page)
{
  TaktStationsPage *self = TAKT_STATIONS_PAGE (page);
  TaktDocument *document = takt_page_get_document (page);
  g_autofree TaktEditorListEntry *entries = NULL;
  g_autoptr(GPtrArray) subtitles = g_ptr_array_new_with_free_func (g_free);
  const TaktPlan *plan;

  self->updating++;

  takt_line_balance_view_set_document (self->balance_view, document);
  takt_line_balance_view_update (self->balance_view);
  takt_shift_editor_show (self->plant_shifts, document, NULL);

  if (document == NULL)
    {
      takt_editor_list_set_entries (self->list, NULL, 0);
      show_detail (self);
      self->updating--;
      return;
    }

  plan = takt_document_get_plan (document);
  entries = g_new0 (TaktEditorListEntry, MAX (plan->stations->len, 1));
  for (guint i = 0; i < plan->stations->len; i++)
    {
      const TaktStation *station = g_ptr_array_index (plan->stations, i);
      char *subtitle;

      if (station->calendar != NULL)
        /* Translators: a station's id and machines; it has a calendar of its own */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d machine · own calendar",
                                                 "%s · %d machines · own calendar", station->machines),
                                    station->id, (int) station->machines);
      else
        /* Translators: a station's id and machines; it works by the plant calendar */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d machine",
                                                 "%s · %d machines", station->machines),
                                    station->id, (int) station->machines);
      g_ptr_array_add (subtitles, subtitle);
      entries[i].id = station->id;
      entries[i].title = station_title (station);
      entries[i].subtitle = subtitle;
      entries[i].color = station->color;
    }

  takt_editor_list_set_entries (self->list, entries, plan->stations->len);
  takt_editor_list_set_can_remove (self->list, plan->stations->len > 1);

  /* Side by side, something is always shown: the line's balance first. */
  if (takt_editor_list_get_selected (self->list) == NULL &&
      gtk_list_box_get_selected_row (self->overview_list) == NULL &&
      !adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_select_row (self->overview_list, self->balance_row);
  else if (takt_editor_list_get_selected (self->list) != NULL)
    gtk_list_box_unselect_all (self->overview_list);

  show_detail (self);
  self->updating--;
}

static void
takt_stations_page_schedule_changed (TaktPage *page)
{
  TaktStationsPage *self = TAKT_STATIONS_PAGE (page);

  takt_line_balance_view_update (self->balance_view);
}

static void
go_forward (TaktStationsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
overview_selected_cb (TaktStationsPage *self,
                      GtkListBoxRow    *row)
{
  if (self->updating > 0)
    return;

  self->updating++;
  if (row != NULL)
    takt_editor_list_select (self->list, NULL);
  show_detail (self);
  self->updating--;
}

static void
overview_activated_cb (TaktStationsPage *self)
{
  go_forward (self);
}

static void
station_selected_cb (TaktStationsPage *self)
{
  if (self->updating > 0)
    return;

  self->updating++;
  if (takt_editor_list_get_selected (self->list) != NULL)
    gtk_list_box_unselect_all (self->overview_list);
  show_detail (self);
  self->updating--;
}

static void
chosen_cb (TaktStationsPage *self)
{
  if (takt_editor_list_get_selected (self->list) != NULL)
    go_forward (self);
}

static void
folded_cb (TaktStationsPage *self)
{
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
}

static void
back_cb (TaktStationsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- adding and removing ---- */

typedef struct
{
  char *id;
  char *name;
} AddStation;

static gboolean
add_station_cb (TaktPlan  *plan,
                gpointer   user_data,
                GError   **error)
{
  AddStation *add = user_data;
  TaktStation *station = takt_station_new ();

  station->id = g_strdup (add->id);
  g_free (station->name);
  station->name = g_strdup (add->name);
  g_ptr_array_add (plan->stations, station);
  return TRUE;
}

static void
add_cb (TaktStationsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  AddStation add;

  if (document == NULL)
    return;

  add.id = takt_editor_free_id (takt_document_get_plan (document)->stations,
                                G_STRUCT_OFFSET (TaktStation, id), "station");
  add.name = g_strdup (_("New station"));

  if (takt_editor_edit (GTK_WIDGET (self), document, _("Add Station"), add_station_cb, &add))
    {
      takt_editor_list_select (self->list, add.id);
      go_forward (self);
    }

  g_free (add.id);
  g_free (add.name);
}

typedef struct
{
  const char *id;
  guint       steps;
  guint       pins;
} RemoveStation;

static gboolean
remove_station_cb (TaktPlan  *plan,
                   gpointer   user_data,
                   GError   **error)
{
  RemoveStation *remove = user_data;
  int s = takt_plan_find_station (plan, remove->id);
  const TaktStation *station;

  if (s < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no station “%s” any more"), remove->id);
      return FALSE;
    }
  if (plan->stations->len <= 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A plan needs at least one station"));
      return FALSE;
    }
  station = g_ptr_array_index (plan->stations, s);

  /* Its routing steps go with it, unless a routing would be left empty. */
  remove->steps = remove->pins = 0;
  for (guint i = 0; i < plan->products->len; i++)
    {
      TaktProduct *product = g_ptr_array_index (plan->products, i);
      guint left = 0;

      for (guint k = 0; k < product->routing->len; k++)
        if (g_strcmp0 (((TaktStep *) g_ptr_array_index (product->routing, k))->station, station->id) != 0)
          left++;
      if (left == 0)
        {
          /* Translators: a station cannot be removed; %1$s is it, %2$s a product */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%1$s is the only station in the routing of %2$s: give that product "
                         "another step first"),
                       station_title (station),
                       product->name != NULL && product->name[0] != '\0' ? product->name : product->id);
          return FALSE;
        }
      for (guint k = product->routing->len; k > 0; k--)
        if (g_strcmp0 (((TaktStep *) g_ptr_array_index (product->routing, k - 1))->station, station->id) == 0)
          {
            g_ptr_array_remove_index (product->routing, k - 1);
            remove->steps++;
          }
    }
  for (guint i = plan->pins->len; i > 0; i--)
    if (g_strcmp0 (((TaktPin *) g_ptr_array_index (plan->pins, i - 1))->station, station->id) == 0)
      {
        g_ptr_array_remove_index (plan->pins, i - 1);
        remove->pins++;
      }

  g_ptr_array_remove_index (plan->stations, s);
  return TRUE;
}

static void
remove_cb (TaktStationsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  g_autofree char *id = g_strdup (takt_editor_list_get_selected (self->list));
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  RemoveStation remove = { id, 0, 0 };
  const TaktPlan *plan;
  int s;

  if (document == NULL || id == NULL)
    return;

  plan = takt_document_get_plan (document);
  s = takt_plan_find_station (plan, id);
  if (s < 0)
    return;
  title = g_strdup (station_title (g_ptr_array_index (plan->stations, s)));

  if (!takt_editor_edit (GTK_WIDGET (self), document, _("Remove Station"), remove_station_cb, &remove))
    return;

  if (remove.steps + remove.pins > 0)
    /* Translators: a toast after removing a station that routings or pins named */
    message = g_strdup_printf (_("“%s” removed, with its routing steps and pins"), title);
  else
    /* Translators: a toast after removing a station */
    message = g_strdup_printf (_("“%s” removed"), title);
  takt_editor_toast (GTK_WIDGET (self), message, TRUE);
}

/* ---- the page ---- */

static void
takt_stations_page_dispose (GObject *object)
{
  TaktStationsPage *self = TAKT_STATIONS_PAGE (object);

  g_clear_object (&self->plant_shifts);

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
  page_class->schedule_changed = takt_stations_page_schedule_changed;

  g_type_ensure (TAKT_TYPE_LINE_BALANCE_VIEW);
  g_type_ensure (TAKT_TYPE_STATION_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-stations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, overview_list);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, balance_row);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, plant_row);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, back_title);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, balance_view);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, balance_summary);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, plant_page);
  gtk_widget_class_bind_template_child (widget_class, TaktStationsPage, editor);
}

static void
takt_stations_page_init (TaktStationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = TAKT_EDITOR_LIST (takt_editor_list_new (_("Search Stations"), _("Add Station"),
                                                       _("Remove Station"), _("No stations")));
  gtk_widget_set_vexpand (GTK_WIDGET (self->list), TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->list), "station-list");
  gtk_box_append (GTK_BOX (self->sidebar), GTK_WIDGET (self->list));

  self->plant_shifts = takt_shift_editor_new ();
  adw_preferences_page_add (self->plant_page,
                            ADW_PREFERENCES_GROUP (takt_shift_editor_get_week_group (self->plant_shifts)));
  adw_preferences_page_add (self->plant_page,
                            ADW_PREFERENCES_GROUP (takt_shift_editor_get_exceptions_group (self->plant_shifts)));

  g_signal_connect_swapped (self->overview_list, "row-selected", G_CALLBACK (overview_selected_cb), self);
  g_signal_connect_swapped (self->overview_list, "row-activated", G_CALLBACK (overview_activated_cb), self);
  g_signal_connect_swapped (self->list, "notify::selected", G_CALLBACK (station_selected_cb), self);
  g_signal_connect_swapped (self->list, "chosen", G_CALLBACK (chosen_cb), self);
  g_signal_connect_swapped (self->list, "add", G_CALLBACK (add_cb), self);
  g_signal_connect_swapped (self->list, "remove", G_CALLBACK (remove_cb), self);
  g_signal_connect_swapped (self->balance_view, "notify::summary", G_CALLBACK (summary_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_cb), self);
  folded_cb (self);
}

GtkWidget *
takt_stations_page_new (void)
{
  return g_object_new (TAKT_TYPE_STATIONS_PAGE, NULL);
}

TaktEditorList *
takt_stations_page_get_list (TaktStationsPage *self)
{
  g_return_val_if_fail (TAKT_IS_STATIONS_PAGE (self), NULL);
  return self->list;
}

TaktStationEditor *
takt_stations_page_get_editor (TaktStationsPage *self)
{
  g_return_val_if_fail (TAKT_IS_STATIONS_PAGE (self), NULL);
  return self->editor;
}

TaktShiftEditor *
takt_stations_page_get_plant_shifts (TaktStationsPage *self)
{
  g_return_val_if_fail (TAKT_IS_STATIONS_PAGE (self), NULL);
  return self->plant_shifts;
}

TaktLineBalanceView *
takt_stations_page_get_balance_view (TaktStationsPage *self)
{
  g_return_val_if_fail (TAKT_IS_STATIONS_PAGE (self), NULL);
  return self->balance_view;
}

/* Shows the line balance ("balance"), the plant calendar ("plant") or the
 * station @what is the id of. */
void
takt_stations_page_show (TaktStationsPage *self,
                         const char       *what)
{
  g_return_if_fail (TAKT_IS_STATIONS_PAGE (self));
  g_return_if_fail (what != NULL);

  if (g_strcmp0 (what, "balance") == 0)
    gtk_list_box_select_row (self->overview_list, self->balance_row);
  else if (g_strcmp0 (what, "plant") == 0)
    gtk_list_box_select_row (self->overview_list, self->plant_row);
  else
    takt_editor_list_select (self->list, what);
}
