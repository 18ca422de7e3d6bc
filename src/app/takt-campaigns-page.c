/* takt-campaigns-page.c — the Campaigns page: the campaign calendar, the
 * demand the campaigns bring and the list of campaigns with their readiness
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-campaigns-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "takt-campaign-editor.h"
#include "takt-campaigns-page.h"
#include "takt-chart-views.h"
#include "takt-demand.h"
#include "takt-format.h"
#include "takt-time.h"
#include "takt-widgets.h"
#include "takt-wrap-box.h"

struct _TaktCampaignsPage
{
  TaktPage                  parent_instance;

  GtkToggleButton          *month_button;
  GtkToggleButton          *timeline_button;
  GtkButton                *previous_button;
  GtkButton                *next_button;
  GtkLabel                 *title_label;
  GtkLabel                 *preview_label;
  GtkScrolledWindow        *calendar_scroller;
  TaktCampaignCalendarView *calendar;
  GtkDrawingArea           *demand_area;
  GtkLabel                 *summary_label;
  GtkLabel                 *reach_label;
  GtkListBox               *list;

  TaktChart                *demand_chart;    /* NULL: build it at the next drawing */
  gboolean                  pointer_in_chart;
  double                    pointer_x;
  double                    pointer_y;
  gboolean                  syncing;
  char                     *status;
  GtkWindow                *editor;          /* weak */
};

G_DEFINE_FINAL_TYPE (TaktCampaignsPage, takt_campaigns_page, TAKT_TYPE_PAGE)

/**
 * takt_campaign_expected_units:
 *
 * Returns: impressions / 1000 × conversion per mille, split over the
 *   products by share and rounded per product (halves up), summed
 */
gint64
takt_campaign_expected_units (const TaktCampaign *campaign)
{
  gint64 units = 0;

  g_return_val_if_fail (campaign != NULL, 0);

  for (guint i = 0; i < campaign->products->len; i++)
    units += takt_campaign_product_units (campaign, i);
  return units;
}

static const TaktPlan *
get_plan (TaktCampaignsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));

  return document != NULL ? takt_document_get_plan (document) : NULL;
}

static int
find_campaign (const TaktPlan *plan,
               const char     *id)
{
  if (plan == NULL || id == NULL)
    return -1;
  for (guint i = 0; i < plan->campaigns->len; i++)
    if (g_strcmp0 (((TaktCampaign *) g_ptr_array_index (plan->campaigns, i))->id, id) == 0)
      return (int) i;
  return -1;
}

static const char *
campaign_name (const TaktCampaign *campaign)
{
  return campaign->name != NULL && *campaign->name ? campaign->name : campaign->id;
}

static char *
readiness_text (gint64 late)
{
  if (late == 0)
    return g_strdup (_("Ready"));
  if (late > 0)
    {
      g_autofree char *count = takt_format_count (late);

      /* Translators: a campaign's launch readiness; %s is a number of units */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At risk · %s late unit", "At risk · %s late units",
                                           (gulong) late), count);
    }
  return g_strdup (_("Not planned yet"));
}

/* "€7.50 per mille · 60 units · 0.333 per EUR" */
static char *
campaign_figures (const TaktCampaign *campaign,
                  const char         *currency)
{
  g_autoptr(GString) str = g_string_new (NULL);
  gint64 units = takt_campaign_expected_units (campaign);
  g_autofree char *count = takt_format_count (units);

  if (campaign->impressions > 0)
    {
      g_autofree char *cpm = takt_format_money (campaign->spend / (double) campaign->impressions * 1000.0, currency);

      /* Translators: cost per thousand impressions */
      g_string_append_printf (str, _("%s per mille"), cpm);
      g_string_append (str, " · ");
    }
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%s unit", "%s units", (gulong) units), count);
  if (campaign->spend > 0)
    {
      g_autofree char *per = takt_format_number ((double) units / campaign->spend, 3);

      g_string_append (str, " · ");
      /* Translators: units a campaign brings per unit of currency spent, "0.080 per EUR" */
      g_string_append_printf (str, _("%s per %s"), per, currency != NULL && *currency ? currency : "EUR");
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
color_string (const TaktGanttColor *c)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) round (CLAMP (c->red, 0, 1) * 255),
                          (int) round (CLAMP (c->green, 0, 1) * 255),
                          (int) round (CLAMP (c->blue, 0, 1) * 255));
}

/* ---- the list ---- */

static GtkWidget *
new_row (TaktCampaignsPage  *self,
         const TaktPlan     *plan,
         guint               c)
{
  const TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, c);
  const char *currency = takt_page_get_currency (TAKT_PAGE (self));
  gint64 late = takt_campaign_calendar_view_get_late_units (self->calendar, (int) c);
  g_autofree char *color = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *details = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *accessible = NULL;
  TaktGanttColor rgb;
  GtkWidget *row, *box, *top, *label, *badge;

  takt_chart_campaign_color (plan, c, &rgb);
  color = color_string (&rgb);
  dates = takt_format_day_range (campaign->start, campaign->end);
  details = g_strdup_printf ("%s · %s", takt_format_channel (campaign->channel), dates);
  figures = campaign_figures (campaign, currency);
  ready = readiness_text (late);

  row = gtk_list_box_row_new ();
  g_object_set_data_full (G_OBJECT (row), "campaign-id", g_strdup (campaign->id), g_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (top), takt_swatch_new (color, 12));

  label = gtk_label_new (campaign_name (campaign));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* The side bar keeps its width whatever the campaigns are called. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (top), label);

  badge = gtk_label_new (ready);
  gtk_widget_add_css_class (badge, "takt-pill");
  if (late == 0)
    gtk_widget_add_css_class (badge, "success");
  else if (late > 0)
    gtk_widget_add_css_class (badge, "error");
  else
    gtk_widget_add_css_class (badge, "dim-label");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_name (badge, "readiness");
  g_object_set_data (G_OBJECT (row), "readiness", badge);
  gtk_box_append (GTK_BOX (top), badge);

  label = gtk_label_new (details);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* The side bar keeps its width whatever the campaigns are called. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_margin_start (label, 20);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (figures);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* The side bar keeps its width whatever the campaigns are called. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_margin_start (label, 20);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  accessible = g_strdup_printf ("%s, %s, %s, %s", campaign_name (campaign), details, figures, ready);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static GtkListBoxRow *
find_row (TaktCampaignsPage *self,
          const char        *id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        return NULL;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "campaign-id"), id) == 0)
        return row;
    }
}

static void
sync_list_selection (TaktCampaignsPage *self)
{
  const TaktPlan *plan = get_plan (self);
  int selected = takt_campaign_calendar_view_get_selected (self->calendar);
  GtkListBoxRow *row = NULL;

  if (plan != NULL && selected >= 0 && (guint) selected < plan->campaigns->len)
    row = find_row (self, ((TaktCampaign *) g_ptr_array_index (plan->campaigns, selected))->id);

  self->syncing = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  else
    gtk_list_box_unselect_all (self->list);
  self->syncing = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.remove", row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.edit", row != NULL);
}

static void
rebuild_list (TaktCampaignsPage *self)
{
  const TaktPlan *plan = get_plan (self);
  const char *currency = takt_page_get_currency (TAKT_PAGE (self));
  g_autofree char *summary = NULL;
  g_autofree char *spend_text = NULL;
  g_autofree char *impressions_text = NULL;
  g_autofree char *reach = NULL;
  GtkWidget *child;
  double spend = 0;
  gint64 impressions = 0;
  gint64 at_risk = 0;

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->syncing = FALSE;

  if (plan == NULL)
    return;

  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, i);

      gtk_list_box_append (self->list, new_row (self, plan, i));
      spend += campaign->spend;
      impressions += campaign->impressions;
      if (takt_campaign_calendar_view_get_late_units (self->calendar, (int) i) > 0)
        at_risk++;
    }

  if (at_risk > 0)
    /* Translators: campaigns in the plan, and how many of them the plan makes late */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Campaigns · %u at Risk", "%u Campaigns · %u at Risk",
                                            plan->campaigns->len),
                               plan->campaigns->len, (guint) at_risk);
  else
    /* Translators: the number of campaigns in a plan */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Campaign", "%u Campaigns",
                                            plan->campaigns->len),
                               plan->campaigns->len);
  gtk_label_set_text (self->summary_label, summary);

  spend_text = takt_format_money (spend, currency);
  impressions_text = takt_format_count (impressions);
  if (impressions > 0)
    {
      g_autofree char *cpm = takt_format_money (spend / (double) impressions * 1000.0, currency);

      /* Translators: the total spend, the impressions and the cost per thousand of all campaigns */
      reach = g_strdup_printf (_("%s spent · %s impressions · %s per mille"), spend_text, impressions_text, cpm);
    }
  else
    /* Translators: the total spend and the impressions of all campaigns */
    reach = g_strdup_printf (_("%s spent · %s impressions"), spend_text, impressions_text);
  gtk_label_set_text (self->reach_label, reach);

  sync_list_selection (self);
}

static void
list_selected_cb (TaktCampaignsPage *self,
                  GtkListBoxRow     *row,
                  GtkListBox        *list)
{
  const char *id;

  if (self->syncing)
    return;
  id = row != NULL ? g_object_get_data (G_OBJECT (row), "campaign-id") : NULL;
  takt_campaign_calendar_view_select (self->calendar, find_campaign (get_plan (self), id));
}

static void
list_activated_cb (TaktCampaignsPage *self,
                   GtkListBoxRow     *row,
                   GtkListBox        *list)
{
  takt_campaigns_page_edit_campaign (self, g_object_get_data (G_OBJECT (row), "campaign-id"));
}

/* ---- the status line and the title ---- */

typedef enum
{
  STATUS_HINT,      /* dim */
  STATUS_PREVIEW,   /* what a drag would do */
  STATUS_ALERT,     /* ... and it makes something late */
} StatusKind;

static void
set_status (TaktCampaignsPage *self,
            const char        *text,
            StatusKind         kind)
{
  GtkWidget *label = GTK_WIDGET (self->preview_label);

  g_free (self->status);
  self->status = g_strdup (text);
  gtk_label_set_text (self->preview_label, text);
  gtk_widget_set_tooltip_text (label, kind == STATUS_HINT ? NULL : text);
  if (kind == STATUS_HINT)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (kind == STATUS_ALERT)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
update_status (TaktCampaignsPage *self)
{
  const TaktCampaignPreview *preview = takt_campaign_calendar_view_get_preview (self->calendar);
  const TaktPlan *plan = get_plan (self);
  const char *currency = takt_page_get_currency (TAKT_PAGE (self));
  const TaktCampaign *campaign;
  g_autoptr(GString) str = NULL;
  g_autofree char *dates = NULL;
  gboolean alert = FALSE;
  gint64 days;

  if (preview == NULL || plan == NULL || preview->campaign < 0 || (guint) preview->campaign >= plan->campaigns->len)
    {
      if (plan != NULL && plan->campaigns->len > 0)
        set_status (self, _("Drag a campaign to move it, or its first or last day to change its dates"), STATUS_HINT);
      else
        set_status (self, "", STATUS_HINT);
      return;
    }

  campaign = g_ptr_array_index (plan->campaigns, preview->campaign);
  dates = takt_format_day_range (preview->start, preview->end);
  days = (preview->end - preview->start) / TAKT_DAY_S + 1;
  str = g_string_new (NULL);
  /* Translators: a campaign being dragged: its name, its new dates and its length */
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%s → %s (%lld day)",
                                            "%s → %s (%lld days)", (gulong) days),
                          campaign_name (campaign), dates, (long long) days);

  if (preview->start == campaign->start && preview->end == campaign->end)
    {
      g_string_append_printf (str, " · %s", _("no change"));
    }
  else if (!preview->computed || preview->stats == NULL ||
           preview->computed_start != preview->start || preview->computed_end != preview->end)
    {
      g_string_append_printf (str, " · %s", _("planning…"));
    }
  else
    {
      const TaktPlanStats *stats = preview->stats;
      const TaktPlanStats *baseline = preview->baseline;
      gint64 late = preview->data != NULL && (guint) preview->campaign < preview->data->n_campaigns
                    ? preview->data->campaign_late[preview->campaign] : -1;

      if (late == 0)
        g_string_append_printf (str, " · %s", _("ready"));
      else if (late > 0)
        {
          g_autofree char *count = takt_format_count (late);

          g_string_append (str, " · ");
          /* Translators: units of a dragged campaign the plan would make late */
          g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%s late unit", "%s late units", (gulong) late),
                                  count);
          alert = TRUE;
        }

      if (baseline != NULL)
        {
          g_autofree char *delta = takt_format_money_delta (stats->total - baseline->total, currency);
          TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
          const TaktPlanStats *shown = document != NULL ? takt_document_get_stats (document) : NULL;
          gint64 before = shown != NULL ? shown->late_orders : baseline->late_orders;
          gint64 after = MAX (before + stats->late_orders - baseline->late_orders, 0);

          /* The quick re-plans with and without the move give the change;
           * it starts from the figures on screen, which the search made
           * (a quick plan of the same plan has other ones). */
          g_string_append (str, " · ");
          /* Translators: late orders before → after a drag */
          g_string_append_printf (str, _("late orders %lld → %lld"), (long long) before, (long long) after);
          g_string_append (str, " · ");
          /* Translators: the change of the plan's cost a drag would make */
          g_string_append_printf (str, _("cost %s"), delta);
          if (after > before)
            alert = TRUE;
        }
      else
        {
          g_autofree char *total = takt_format_money (stats->total, currency);

          g_string_append (str, " · ");
          g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%lld late order",
                                                    "%lld late orders", (gulong) stats->late_orders),
                                  (long long) stats->late_orders);
          g_string_append (str, " · ");
          g_string_append_printf (str, _("cost %s"), total);
          if (stats->late_orders > 0)
            alert = TRUE;
        }
    }
  set_status (self, str->str, alert ? STATUS_ALERT : STATUS_PREVIEW);
}

static void
update_title (TaktCampaignsPage *self)
{
  g_autofree char *title = takt_campaign_calendar_view_dup_title (self->calendar);
  gboolean timeline = takt_campaign_calendar_view_get_mode (self->calendar) == TAKT_CAMPAIGN_CALENDAR_TIMELINE;

  gtk_label_set_text (self->title_label, title);
  /* The timeline needs little height: the demand chart under it gets the
   * rest, so its days read at a glance. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->calendar_scroller), !timeline);
  gtk_scrolled_window_set_propagate_natural_height (self->calendar_scroller, timeline);
  gtk_widget_set_vexpand (GTK_WIDGET (self->demand_area), timeline);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->previous_button), timeline ? _("Earlier Weeks") : _("Previous Month"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), timeline ? _("Later Weeks") : _("Next Month"));
  self->syncing = TRUE;
  gtk_toggle_button_set_active (timeline ? self->timeline_button : self->month_button, TRUE);
  self->syncing = FALSE;
}

/* ---- the demand chart ---- */

static void
invalidate_chart (TaktCampaignsPage *self)
{
  g_clear_pointer (&self->demand_chart, takt_chart_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->demand_area));
}

/* The demand each campaign brings on the days the calendar shows. */
static TaktChart *
build_demand_chart (TaktCampaignsPage *self)
{
  const TaktCampaignPreview *preview = takt_campaign_calendar_view_get_preview (self->calendar);
  const TaktChartData *data = takt_campaign_calendar_view_get_chart_data (self->calendar);
  gint64 first, end, today;
  guint n;
  TaktChart *chart;
  g_autofree double *values = NULL;
  gboolean any_campaign = FALSE;

  /* While dragging, the demand the new dates would bring. */
  if (preview != NULL && preview->computed && preview->data != NULL)
    data = preview->data;

  takt_campaign_calendar_view_get_range (self->calendar, &first, &end);
  n = (guint) MAX ((end - first) / TAKT_DAY_S, 1);
  chart = takt_chart_new (TAKT_CHART_STACKED_BARS);
  takt_chart_set_format (chart, TAKT_CHART_FORMAT_NUMBER, NULL, _("units due per day from campaigns"));
  takt_chart_set_days (chart, first, n);
  values = g_new0 (double, n);

  for (guint c = 0; data != NULL && c < data->n_campaigns; c++)
    {
      const TaktCampaign *campaign = g_ptr_array_index (data->plan->campaigns, c);
      gboolean any = FALSE;
      TaktGanttColor color;

      any_campaign = TRUE;
      for (guint i = 0; i < n; i++)
        {
          gint64 d = takt_chart_data_day_of (data, first + (gint64) i * TAKT_DAY_S);

          values[i] = d >= 0 && d < data->n_days ? data->campaign_demand[c][d] : 0;
          any = any || values[i] > 0;
        }
      if (!any)
        continue;
      takt_chart_campaign_color (data->plan, c, &color);
      takt_chart_add_series (chart, campaign_name (campaign), &color, values, n);
    }

  today = takt_campaign_calendar_view_get_today (self->calendar);
  if (today >= first && today < end)
    takt_chart_add_marker (chart, today, _("Today"));
  if (data != NULL)
    {
      gint64 horizon_end = data->horizon_end;

      if (horizon_end > first && horizon_end < end)
        takt_chart_add_marker (chart, horizon_end, _("Horizon end"));
    }

  takt_chart_set_empty_text (chart, any_campaign ? _("No campaign brings units on these days")
                                                 : _("No campaigns yet"));
  return chart;
}

static void
demand_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  TaktCampaignsPage *self = user_data;
  TaktGanttTheme theme;
  TaktChartRect rect = { 0, 0, width, height };

  if (get_plan (self) == NULL)
    return;
  if (self->demand_chart == NULL)
    self->demand_chart = build_demand_chart (self);

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    takt_gantt_theme_init_dark (&theme);
  else
    takt_gantt_theme_init_light (&theme);

  if (self->pointer_in_chart)
    takt_chart_set_pointer (self->demand_chart, self->pointer_x, self->pointer_y);
  else
    takt_chart_clear_pointer (self->demand_chart);
  takt_chart_draw (self->demand_chart, cr, &rect, &theme, gtk_widget_get_scale_factor (GTK_WIDGET (area)));
}

static void
chart_motion_cb (GtkEventControllerMotion *controller,
                 double                    x,
                 double                    y,
                 TaktCampaignsPage        *self)
{
  self->pointer_in_chart = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self->demand_area));
}

static void
chart_leave_cb (GtkEventControllerMotion *controller,
                TaktCampaignsPage        *self)
{
  self->pointer_in_chart = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self->demand_area));
}

/* ---- the calendar's signals ---- */

static void
calendar_updated_cb (TaktCampaignsPage        *self,
                     TaktCampaignCalendarView *calendar)
{
  rebuild_list (self);
  update_title (self);
  update_status (self);
  invalidate_chart (self);
}

static void
calendar_view_changed_cb (TaktCampaignsPage        *self,
                          TaktCampaignCalendarView *calendar)
{
  update_title (self);
  invalidate_chart (self);
}

static void
calendar_preview_changed_cb (TaktCampaignsPage        *self,
                             TaktCampaignCalendarView *calendar)
{
  update_status (self);
  invalidate_chart (self);
}

static void
calendar_selected_cb (TaktCampaignsPage        *self,
                      GParamSpec               *pspec,
                      TaktCampaignCalendarView *calendar)
{
  sync_list_selection (self);
}

static void
calendar_activated_cb (TaktCampaignsPage        *self,
                       int                       campaign,
                       TaktCampaignCalendarView *calendar)
{
  const TaktPlan *plan = get_plan (self);

  if (plan != NULL && campaign >= 0 && (guint) campaign < plan->campaigns->len)
    takt_campaigns_page_edit_campaign (self, ((TaktCampaign *) g_ptr_array_index (plan->campaigns, campaign))->id);
}

static void
mode_toggled_cb (TaktCampaignsPage *self,
                 GtkToggleButton   *button)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  takt_campaign_calendar_view_set_mode (self->calendar,
                                        button == self->timeline_button ? TAKT_CAMPAIGN_CALENDAR_TIMELINE
                                                                        : TAKT_CAMPAIGN_CALENDAR_MONTH);
}

/* ---- actions ---- */

typedef struct
{
  char   *id;
  char   *name;
  gint64  start;
} NewCampaign;

static gboolean
add_campaign_cb (TaktPlan  *plan,
                 gpointer   user_data,
                 GError   **error)
{
  const NewCampaign *add = user_data;
  TaktCampaign *campaign = takt_campaign_new ();
  TaktCampaignProduct *cp = takt_campaign_product_new ();

  campaign->id = g_strdup (add->id);
  g_free (campaign->name);
  campaign->name = g_strdup (add->name);
  campaign->channel = TAKT_CHANNEL_SOCIAL;
  campaign->start = add->start;
  campaign->end = add->start + 6 * TAKT_DAY_S;
  campaign->spend = 500;
  campaign->impressions = 50000;
  campaign->conversion_per_mille = 1.0;
  campaign->lag_days = 1;
  campaign->shape = TAKT_SHAPE_LAUNCH;
  cp->product = g_strdup (((TaktProduct *) g_ptr_array_index (plan->products, 0))->id);
  cp->share = 1.0;
  g_ptr_array_add (campaign->products, cp);
  g_ptr_array_add (plan->campaigns, campaign);
  return TRUE;
}

GtkWidget *
takt_campaigns_page_add_campaign (TaktCampaignsPage *self)
{
  TaktDocument *document;
  const TaktPlan *plan;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  NewCampaign add;
  gint64 first, end, today;

  g_return_val_if_fail (TAKT_IS_CAMPAIGNS_PAGE (self), NULL);

  document = takt_page_get_document (TAKT_PAGE (self));
  plan = get_plan (self);
  if (plan == NULL || plan->products->len == 0)
    return NULL;

  id = g_strdup ("campaign");
  for (guint n = 2; find_campaign (plan, id) >= 0; n++)
    {
      g_free (id);
      id = g_strdup_printf ("campaign-%u", n);
    }

  /* Today when it is in view, else the first day of the month shown. */
  takt_campaign_calendar_view_get_range (self->calendar, &first, &end);
  today = takt_campaign_calendar_view_get_today (self->calendar);
  if (today >= first && today < end)
    add.start = today;
  else if (takt_campaign_calendar_view_get_mode (self->calendar) == TAKT_CAMPAIGN_CALENDAR_MONTH)
    {
      gint64 year;
      int month, day;

      /* The grid starts in the week before the month's first day. */
      takt_civil_from_days ((first + 7 * TAKT_DAY_S) / TAKT_DAY_S, &year, &month, &day);
      add.start = takt_days_from_civil (year, month, 1) * TAKT_DAY_S;
    }
  else
    add.start = MAX (first, takt_day_start (plan->horizon_start));
  add.id = id;
  add.name = _("New campaign");

  if (!takt_document_edit (document, _("Add Campaign"), add_campaign_cb, &add, &error))
    {
      g_warning ("Could not add a campaign: %s", error->message);
      return NULL;
    }
  takt_campaign_calendar_view_select (self->calendar, find_campaign (get_plan (self), id));
  return takt_campaigns_page_edit_campaign (self, id);
}

static void
editor_destroyed_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  TaktCampaignsPage *self = data;

  self->editor = NULL;
}

GtkWidget *
takt_campaigns_page_edit_campaign (TaktCampaignsPage *self,
                                   const char        *id)
{
  TaktDocument *document;
  GtkWidget *editor;
  GtkRoot *root;

  g_return_val_if_fail (TAKT_IS_CAMPAIGNS_PAGE (self), NULL);

  document = takt_page_get_document (TAKT_PAGE (self));
  if (document == NULL || find_campaign (get_plan (self), id) < 0)
    return NULL;

  if (self->editor != NULL)
    {
      if (g_strcmp0 (takt_campaign_editor_get_campaign_id (TAKT_CAMPAIGN_EDITOR (self->editor)), id) == 0)
        {
          gtk_window_present (self->editor);
          return GTK_WIDGET (self->editor);
        }
      gtk_window_destroy (self->editor);
    }

  editor = takt_campaign_editor_new (document, id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  self->editor = GTK_WINDOW (editor);
  g_object_weak_ref (G_OBJECT (editor), editor_destroyed_cb, self);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  takt_campaigns_page_add_campaign (TAKT_CAMPAIGNS_PAGE (widget));
}

static void
selected_id (TaktCampaignsPage  *self,
             char              **id)
{
  const TaktPlan *plan = get_plan (self);
  int selected = takt_campaign_calendar_view_get_selected (self->calendar);

  *id = NULL;
  if (plan != NULL && selected >= 0 && (guint) selected < plan->campaigns->len)
    *id = g_strdup (((TaktCampaign *) g_ptr_array_index (plan->campaigns, selected))->id);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TaktCampaignsPage *self = TAKT_CAMPAIGNS_PAGE (widget);
  g_autofree char *id = NULL;

  selected_id (self, &id);
  if (id != NULL)
    takt_campaigns_page_edit_campaign (self, id);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TaktCampaignsPage *self = TAKT_CAMPAIGNS_PAGE (widget);
  const TaktPlan *plan = get_plan (self);
  int selected = takt_campaign_calendar_view_get_selected (self->calendar);
  g_autofree char *title = NULL;
  GtkWidget *overlay;

  if (plan == NULL || selected < 0 || (guint) selected >= plan->campaigns->len)
    return;
  /* Translators: a toast after a campaign was removed */
  title = g_strdup_printf (_("“%s” removed"), campaign_name (g_ptr_array_index (plan->campaigns, selected)));
  if (!takt_campaign_calendar_view_remove_selected (self->calendar))
    return;

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  takt_campaign_calendar_view_go_to_today (TAKT_CAMPAIGNS_PAGE (widget)->calendar);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  takt_campaign_calendar_view_step (TAKT_CAMPAIGNS_PAGE (widget)->calendar, -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  takt_campaign_calendar_view_step (TAKT_CAMPAIGNS_PAGE (widget)->calendar, 1);
}

/* ---- public ---- */

TaktCampaignCalendarView *
takt_campaigns_page_get_calendar (TaktCampaignsPage *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGNS_PAGE (self), NULL);
  return self->calendar;
}

gint64
takt_campaigns_page_get_late_units (TaktCampaignsPage *self,
                                    const char        *id)
{
  int c;

  g_return_val_if_fail (TAKT_IS_CAMPAIGNS_PAGE (self), -1);

  c = find_campaign (get_plan (self), id);
  if (c < 0)
    return -1;
  return takt_campaign_calendar_view_get_late_units (self->calendar, c);
}

char *
takt_campaigns_page_dup_readiness_text (TaktCampaignsPage *self,
                                        const char        *id)
{
  GtkListBoxRow *row;
  GtkWidget *badge;

  g_return_val_if_fail (TAKT_IS_CAMPAIGNS_PAGE (self), NULL);

  /* Bring the page up to date, as showing it would. */
  takt_campaign_calendar_view_get_chart_data (self->calendar);
  row = find_row (self, id);
  if (row == NULL)
    return NULL;
  badge = g_object_get_data (G_OBJECT (row), "readiness");
  return g_strdup (gtk_label_get_text (GTK_LABEL (badge)));
}

const char *
takt_campaigns_page_get_status_text (TaktCampaignsPage *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGNS_PAGE (self), NULL);
  return self->status != NULL ? self->status : "";
}

/* ---- TaktPage ---- */

static void
takt_campaigns_page_plan_changed (TaktPage *page)
{
  TaktCampaignsPage *self = TAKT_CAMPAIGNS_PAGE (page);

  /* The calendar follows the document itself and says when it has caught
   * up (::updated), which rebuilds the list. */
  takt_campaign_calendar_view_set_document (self->calendar, takt_page_get_document (page));
}

static void
takt_campaigns_page_dispose (GObject *object)
{
  TaktCampaignsPage *self = TAKT_CAMPAIGNS_PAGE (object);

  if (self->editor != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->editor), editor_destroyed_cb, self);
      self->editor = NULL;
    }
  g_clear_pointer (&self->demand_chart, takt_chart_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (takt_campaigns_page_parent_class)->dispose (object);
}

static void
takt_campaigns_page_class_init (TaktCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  object_class->dispose = takt_campaigns_page_dispose;
  page_class->plan_changed = takt_campaigns_page_plan_changed;

  g_type_ensure (TAKT_TYPE_CAMPAIGN_CALENDAR_VIEW);

  g_type_ensure (TAKT_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-campaigns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, timeline_button);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, preview_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, calendar_scroller);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, demand_area);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, reach_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, list);

  gtk_widget_class_install_action (widget_class, "campaigns.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "campaigns.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "campaigns.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "campaigns.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "campaigns.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "campaigns.next", NULL, next_action);
}

static void
takt_campaigns_page_init (TaktCampaignsPage *self)
{
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->demand_area, demand_draw, self, NULL);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (chart_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (chart_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->demand_area), motion);

  g_signal_connect_object (self->calendar, "updated", G_CALLBACK (calendar_updated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "view-changed", G_CALLBACK (calendar_view_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "preview-changed", G_CALLBACK (calendar_preview_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::selected", G_CALLBACK (calendar_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "campaign-activated", G_CALLBACK (calendar_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (list_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (list_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (invalidate_chart), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.remove", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.edit", FALSE);
}

GtkWidget *
takt_campaigns_page_new (void)
{
  return g_object_new (TAKT_TYPE_CAMPAIGNS_PAGE, NULL);
}
