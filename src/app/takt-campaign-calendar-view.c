/* takt-campaign-calendar-view.c — the campaign calendar one can drag campaigns in
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-campaign-calendar-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "takt-campaign-calendar-view.h"
#include "takt-time.h"

/* A quick re-plan that took no longer than this runs on the main thread
 * while dragging (the sample plan takes about 7 ms); slower ones run in a
 * worker, one at a time, the latest dates taken when it is done. */
#define PREVIEW_SYNC_MS 8.0

typedef struct
{
  TaktPlan      *plan;          /* the plan with the new dates */
  TaktPlan      *base_plan;     /* the plan as it is, when its quick plan is not known yet */
  int            campaign;
  gint64         start;
  gint64         end;
  guint          generation;
  guint          revision;
  TaktSchedule  *schedule;
  TaktPlanStats *stats;
  TaktPlanStats *base_stats;
  TaktChartData *data;
  double         ms;
} PreviewJob;

struct _TaktCampaignCalendarView
{
  GtkWidget             parent_instance;

  TaktDocument         *document;
  gulong                changed_handler;
  gulong                schedule_handler;
  const TaktPlan       *plan;             /* the document's; replaced on ::changed */
  guint                 plan_revision;    /* the document's revision when it was taken */
  TaktCampaignCalendar *calendar;         /* NULL without a document */
  TaktChartData        *data;
  gboolean              data_stale;
  gboolean              schedule_current; /* the document's schedule is of this plan */
  GHashTable           *late_by_id;       /* campaign id → late units in the last schedule */

  char                 *selected_id;
  int                   selected;
  gint64                today;
  int                   week_start;
  GSettings            *settings;
  char                 *font_family;

  gboolean              geometry_valid;
  int                   geometry_width;
  int                   geometry_height;

  /* Dragging. */
  GtkGesture           *drag;
  gboolean              dragging;
  char                 *drag_id;
  TaktCampaignPart      drag_part;
  gint64                drag_anchor;
  gint64                drag_orig_start;
  gint64                drag_orig_end;
  double                drag_x;
  double                drag_y;
  TaktCampaignPreview   preview;
  guint                 preview_generation;
  PreviewJob           *preview_result;
  gboolean              preview_running;
  gboolean              preview_pending;
  TaktPlanStats        *baseline;         /* the quick plan of the document's plan */
  guint                 baseline_revision;
  double                preview_cost_ms;  /* the last quick re-plan's time; < 0: unknown */
  guint                 activate_idle;
};

G_DEFINE_FINAL_TYPE (TaktCampaignCalendarView, takt_campaign_calendar_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED,
  PROP_MODE,
  N_PROPS
};

enum {
  CAMPAIGN_ACTIVATED,
  UPDATED,
  PREVIEW_CHANGED,
  VIEW_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void preview_start (TaktCampaignCalendarView *self);
static void sync_if_needed (TaktCampaignCalendarView *self);

/* ---- helpers ---- */

static const TaktCampaign *
get_campaign (TaktCampaignCalendarView *self,
              int                       c)
{
  if (self->plan == NULL || c < 0 || (guint) c >= self->plan->campaigns->len)
    return NULL;
  return g_ptr_array_index (self->plan->campaigns, c);
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

static gint64
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return takt_days_from_civil (g_date_time_get_year (now), g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now)) * TAKT_DAY_S;
}

/* The month holding most days of the plan's horizon (the sample's horizon
 * starts on 30 November and is mostly December). */
static void
best_month (const TaktPlan *plan,
            int            *year_out,
            int            *month_out)
{
  gint64 first = takt_day_start (plan->horizon_start);
  gint64 best_days = 0;
  int best_year = 1970, best_month_ = 1;
  gint64 d = first;

  for (gint64 left = plan->horizon_days; left > 0;)
    {
      gint64 year;
      int month, day;
      gint64 next_month, days;

      takt_civil_from_days (d / TAKT_DAY_S, &year, &month, &day);
      next_month = takt_days_from_civil (month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) * TAKT_DAY_S;
      days = MIN ((next_month - d) / TAKT_DAY_S, left);
      if (days > best_days)
        {
          best_days = days;
          best_year = (int) year;
          best_month_ = month;
        }
      left -= days;
      d = next_month;
    }
  *year_out = best_year;
  *month_out = best_month_;
}

static void
init_theme (TaktCampaignCalendarView *self,
            TaktGanttTheme           *theme)
{
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    takt_gantt_theme_init_dark (theme);
  else
    takt_gantt_theme_init_light (theme);
  if (self->font_family != NULL)
    theme->font_family = self->font_family;
}

static void
update_font (TaktCampaignCalendarView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = context != NULL ? pango_context_get_font_description (context) : NULL;
  const char *family = desc != NULL ? pango_font_description_get_family (desc) : NULL;

  g_clear_pointer (&self->font_family, g_free);
  if (family != NULL && *family != '\0')
    self->font_family = g_strdup_printf ("%s, Cantarell, DejaVu Sans, sans-serif", family);
}

static void
invalidate (TaktCampaignCalendarView *self,
            gboolean                  resize)
{
  self->geometry_valid = FALSE;
  if (resize && !self->dragging)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The renderer keeps the geometry of its last drawing; hit tests need it
 * at the widget's current size, so draw into a recording surface when the
 * last drawing is not that (e.g. after measuring, or before the first
 * frame). */
static gboolean
ensure_geometry (TaktCampaignCalendarView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_surface_t *surface;
  cairo_t *cr;
  TaktGanttTheme theme;
  TaktChartRect rect;

  sync_if_needed (self);
  if (self->calendar == NULL)
    return FALSE;
  if (self->geometry_valid && width == self->geometry_width && height == self->geometry_height)
    return TRUE;
  if (width <= 0 || height <= 0)
    return FALSE;

  init_theme (self, &theme);
  rect = (TaktChartRect) { 0, 0, width, height };
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  takt_campaign_calendar_draw (self->calendar, cr, &rect, &theme, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  self->geometry_valid = TRUE;
  self->geometry_width = width;
  self->geometry_height = height;
  return TRUE;
}

/* ---- readiness ---- */

static void
apply_readiness (TaktCampaignCalendarView *self)
{
  TaktChartData shim = { 0 };
  g_autofree gint64 *late = NULL;

  if (self->calendar == NULL)
    return;

  /* While dragging, the quick plan of the new dates tells. */
  if (self->dragging && self->preview.computed && self->preview.data != NULL)
    {
      takt_campaign_calendar_set_readiness (self->calendar, self->preview.data);
      return;
    }

  if (self->data != NULL && self->data->has_schedule)
    {
      takt_campaign_calendar_set_readiness (self->calendar, self->data);
      return;
    }

  /* The plan changed and its schedule is on its way: the campaigns keep
   * what the last schedule said of them. */
  if (g_hash_table_size (self->late_by_id) == 0)
    {
      takt_campaign_calendar_set_readiness (self->calendar, NULL);
      return;
    }
  late = g_new (gint64, MAX (self->plan->campaigns->len, 1));
  for (guint i = 0; i < self->plan->campaigns->len; i++)
    {
      const TaktCampaign *c = g_ptr_array_index (self->plan->campaigns, i);
      gpointer value;

      late[i] = g_hash_table_lookup_extended (self->late_by_id, c->id, NULL, &value)
        ? *(gint64 *) value : -1;
    }
  shim.has_schedule = TRUE;
  shim.n_campaigns = self->plan->campaigns->len;
  shim.campaign_late = late;
  takt_campaign_calendar_set_readiness (self->calendar, &shim);
}

static void
remember_readiness (TaktCampaignCalendarView *self,
                    const TaktChartData      *data)
{
  g_hash_table_remove_all (self->late_by_id);
  if (data == NULL || !data->has_schedule)
    return;
  for (guint i = 0; i < data->n_campaigns && i < data->plan->campaigns->len; i++)
    {
      const TaktCampaign *c = g_ptr_array_index (data->plan->campaigns, i);

      g_hash_table_insert (self->late_by_id, g_strdup (c->id), g_memdup2 (&data->campaign_late[i], sizeof (gint64)));
    }
}

static void
update_accessible (TaktCampaignCalendarView *self)
{
  g_autofree char *description = takt_campaign_calendar_view_describe_selection (self);

  if (description == NULL)
    {
      if (self->plan != NULL && self->plan->campaigns->len > 0)
        description = g_strdup (_("No campaign selected. Arrow keys select a campaign."));
      else
        description = g_strdup (_("No campaigns"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Brings the demand and readiness up to date with the document. */
static void
catch_up (TaktCampaignCalendarView *self)
{
  const TaktSchedule *schedule = NULL;
  const TaktPlanStats *stats = NULL;

  sync_if_needed (self);
  if (!self->data_stale || self->plan == NULL)
    return;
  self->data_stale = FALSE;

  if (self->schedule_current)
    {
      schedule = takt_document_get_schedule (self->document);
      stats = takt_document_get_stats (self->document);
    }
  g_clear_pointer (&self->data, takt_chart_data_free);
  self->data = takt_chart_data_new (self->plan, schedule, schedule != NULL ? stats : NULL);
  if (self->data->has_schedule)
    remember_readiness (self, self->data);
  apply_readiness (self);
  update_accessible (self);
  invalidate (self, FALSE);
  g_signal_emit (self, signals[UPDATED], 0);
}

/* ---- the document ---- */

static void
set_selected_index (TaktCampaignCalendarView *self,
                    int                       campaign)
{
  const TaktCampaign *c = get_campaign (self, campaign);

  if (c == NULL)
    campaign = -1;
  if (campaign == self->selected && g_strcmp0 (self->selected_id, c != NULL ? c->id : NULL) == 0)
    return;
  self->selected = campaign;
  g_free (self->selected_id);
  self->selected_id = c != NULL ? g_strdup (c->id) : NULL;
  if (self->calendar != NULL)
    takt_campaign_calendar_set_selected (self->calendar, campaign);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
preview_job_free (PreviewJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->data, takt_chart_data_free);
  g_clear_pointer (&job->schedule, takt_schedule_free);
  g_clear_pointer (&job->stats, takt_plan_stats_free);
  g_clear_pointer (&job->base_stats, takt_plan_stats_free);
  g_clear_pointer (&job->plan, takt_plan_free);
  g_clear_pointer (&job->base_plan, takt_plan_free);
  g_free (job);
}

static void
clear_preview (TaktCampaignCalendarView *self)
{
  self->preview_generation++;
  self->preview_pending = FALSE;
  g_clear_pointer (&self->preview_result, preview_job_free);
  memset (&self->preview, 0, sizeof self->preview);
  self->preview.campaign = -1;
}

static void
end_drag (TaktCampaignCalendarView *self)
{
  gboolean was = self->dragging;

  self->dragging = FALSE;
  g_clear_pointer (&self->drag_id, g_free);
  clear_preview (self);
  if (self->calendar != NULL)
    takt_campaign_calendar_set_preview (self->calendar, -1, 0, 0);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  if (was)
    {
      apply_readiness (self);
      invalidate (self, TRUE);
      g_signal_emit (self, signals[PREVIEW_CHANGED], 0);
    }
}

static void
sync_plan (TaktCampaignCalendarView *self)
{
  const TaktPlan *plan = self->document != NULL ? takt_document_get_plan (self->document) : NULL;
  int selected;

  if (self->dragging)
    end_drag (self);

  g_clear_pointer (&self->data, takt_chart_data_free);
  self->data_stale = TRUE;
  self->plan = plan;
  self->plan_revision = self->document != NULL ? takt_document_get_revision (self->document) : 0;

  if (plan == NULL)
    {
      g_clear_pointer (&self->calendar, takt_campaign_calendar_free);
      return;
    }

  if (self->calendar == NULL)
    {
      int year, month;

      self->calendar = takt_campaign_calendar_new (plan);
      /* The page shows the month above the calendar. */
      takt_campaign_calendar_set_show_title (self->calendar, FALSE);
      takt_campaign_calendar_set_week_start (self->calendar, self->week_start);
      takt_campaign_calendar_set_today (self->calendar, self->today);
      best_month (plan, &year, &month);
      takt_campaign_calendar_set_month (self->calendar, year, month);
    }
  else
    {
      takt_campaign_calendar_set_plan (self->calendar, plan);
    }

  /* The selection follows the campaign's id (undo replaces the plan). */
  selected = find_campaign (plan, self->selected_id);
  self->selected = -2;
  set_selected_index (self, selected);
  takt_campaign_calendar_set_selected (self->calendar, self->selected);
  apply_readiness (self);
  invalidate (self, TRUE);
}

/* Other handlers of the document's signals may ask the view before its
 * own handler ran: every way in checks that the plan is still the one it
 * holds (an edit, undo and redo give a new plan and a new revision). */
static void
sync_if_needed (TaktCampaignCalendarView *self)
{
  const TaktPlan *plan;
  guint revision;

  if (self->document == NULL)
    return;
  plan = takt_document_get_plan (self->document);
  revision = takt_document_get_revision (self->document);
  if (plan == self->plan && revision == self->plan_revision)
    return;
  if (revision != self->plan_revision)
    self->schedule_current = FALSE;
  sync_plan (self);
}

static void
document_changed_cb (TaktCampaignCalendarView *self,
                     TaktDocument             *document)
{
  sync_if_needed (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    catch_up (self);
}

static void
document_schedule_cb (TaktCampaignCalendarView *self,
                      GParamSpec               *pspec,
                      TaktDocument             *document)
{
  /* The document only sets a schedule of its latest plan (a loaded file's
   * schedule comes just before ::changed). */
  if (takt_document_get_plan (document) != self->plan)
    sync_plan (self);
  self->schedule_current = TRUE;
  g_clear_pointer (&self->data, takt_chart_data_free);
  self->data_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    catch_up (self);
}

TaktDocument *
takt_campaign_calendar_view_get_document (TaktCampaignCalendarView *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), NULL);
  return self->document;
}

void
takt_campaign_calendar_view_set_document (TaktCampaignCalendarView *self,
                                          TaktDocument             *document)
{
  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));
  g_return_if_fail (document == NULL || TAKT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->document);
      g_clear_signal_handler (&self->schedule_handler, self->document);
      g_clear_object (&self->document);
    }
  if (self->dragging)
    end_drag (self);
  g_clear_pointer (&self->baseline, takt_plan_stats_free);
  g_hash_table_remove_all (self->late_by_id);
  g_clear_pointer (&self->selected_id, g_free);
  self->selected = -1;
  self->preview_cost_ms = -1;
  /* A new plan opens at its own month. */
  g_clear_pointer (&self->calendar, takt_campaign_calendar_free);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->changed_handler = g_signal_connect_object (document, "changed",
                                                       G_CALLBACK (document_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
      self->schedule_handler = g_signal_connect_object (document, "notify::schedule",
                                                        G_CALLBACK (document_schedule_cb), self,
                                                        G_CONNECT_SWAPPED);
      self->schedule_current = takt_document_get_schedule (document) != NULL;
    }
  sync_plan (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    catch_up (self);
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* ---- what is shown ---- */

TaktCampaignCalendarMode
takt_campaign_calendar_view_get_mode (TaktCampaignCalendarView *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), TAKT_CAMPAIGN_CALENDAR_MONTH);
  sync_if_needed (self);
  if (self->calendar == NULL)
    return TAKT_CAMPAIGN_CALENDAR_MONTH;
  return takt_campaign_calendar_get_mode (self->calendar);
}

void
takt_campaign_calendar_view_set_mode (TaktCampaignCalendarView *self,
                                      TaktCampaignCalendarMode  mode)
{
  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));
  sync_if_needed (self);

  if (self->calendar == NULL || takt_campaign_calendar_get_mode (self->calendar) == mode)
    return;
  if (self->dragging)
    end_drag (self);
  takt_campaign_calendar_set_mode (self->calendar, mode);
  if (mode == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    {
      int year, month;

      /* The timeline starts at the month the grid showed. */
      takt_campaign_calendar_get_month (self->calendar, &year, &month);
      takt_campaign_calendar_set_timeline (self->calendar,
                                           MIN (takt_day_start (self->plan->horizon_start),
                                                takt_days_from_civil (year, month, 1) * TAKT_DAY_S),
                                           (guint) CLAMP ((self->plan->horizon_days + 13) / 7, 4, 104));
    }
  invalidate (self, TRUE);
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

void
takt_campaign_calendar_view_step (TaktCampaignCalendarView *self,
                                  int                       direction)
{
  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));
  sync_if_needed (self);

  if (self->calendar == NULL || self->dragging)
    return;
  takt_campaign_calendar_step (self->calendar, direction);
  invalidate (self, TRUE);
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

void
takt_campaign_calendar_view_go_to (TaktCampaignCalendarView *self,
                                   gint64                    day)
{
  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));
  sync_if_needed (self);

  if (self->calendar == NULL || self->dragging)
    return;
  takt_campaign_calendar_go_to (self->calendar, day);
  invalidate (self, TRUE);
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

void
takt_campaign_calendar_view_go_to_today (TaktCampaignCalendarView *self)
{
  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));
  takt_campaign_calendar_view_go_to (self, self->today);
}

gint64
takt_campaign_calendar_view_get_today (TaktCampaignCalendarView *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), 0);
  return self->today;
}

void
takt_campaign_calendar_view_set_today (TaktCampaignCalendarView *self,
                                       gint64                    today)
{
  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));
  self->today = takt_day_start (today);
  if (self->calendar != NULL)
    takt_campaign_calendar_set_today (self->calendar, self->today);
  invalidate (self, FALSE);
}

void
takt_campaign_calendar_view_get_range (TaktCampaignCalendarView *self,
                                       gint64                   *first_day,
                                       gint64                   *end_day)
{
  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));
  sync_if_needed (self);

  if (self->calendar == NULL)
    {
      if (first_day != NULL)
        *first_day = self->today;
      if (end_day != NULL)
        *end_day = self->today + 7 * TAKT_DAY_S;
      return;
    }
  takt_campaign_calendar_get_range (self->calendar, first_day, end_day);
}

static char *
format_day (gint64      day,
            const char *format)
{
  gint64 year;
  int month, mday;
  g_autoptr(GDateTime) dt = NULL;

  takt_civil_from_days (takt_day_start (day) / TAKT_DAY_S, &year, &month, &mday);
  dt = g_date_time_new_utc ((int) year, month, mday, 0, 0, 0);
  return dt != NULL ? g_date_time_format (dt, format) : g_strdup ("");
}

char *
takt_campaign_calendar_view_dup_title (TaktCampaignCalendarView *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), NULL);
  sync_if_needed (self);

  if (self->calendar == NULL)
    return g_strdup ("");

  if (takt_campaign_calendar_get_mode (self->calendar) == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    {
      gint64 first, end;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      takt_campaign_calendar_get_range (self->calendar, &first, &end);
      /* Translators: the first day of a range of weeks, see g_date_time_format() */
      from = format_day (first, C_("timeline range", "%-e %b %Y"));
      to = format_day (end - TAKT_DAY_S, C_("timeline range", "%-e %b %Y"));
      /* Translators: the days a timeline shows, "30 Nov 2026 – 17 Jan 2027" */
      return g_strdup_printf (C_("timeline range", "%s – %s"), from, to);
    }
  else
    {
      int year, month;

      takt_campaign_calendar_get_month (self->calendar, &year, &month);
      /* Translators: the month a calendar shows, see g_date_time_format() */
      return format_day (takt_days_from_civil (year, month, 1) * TAKT_DAY_S, C_("calendar month", "%B %Y"));
    }
}

/* ---- selection and readiness ---- */

int
takt_campaign_calendar_view_get_selected (TaktCampaignCalendarView *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), -1);
  sync_if_needed (self);
  return self->selected;
}

static gboolean
campaign_in_view (TaktCampaignCalendarView *self,
                  const TaktCampaign       *c)
{
  gint64 first, end;

  takt_campaign_calendar_get_range (self->calendar, &first, &end);
  return c->end >= first && c->start < end;
}

void
takt_campaign_calendar_view_select (TaktCampaignCalendarView *self,
                                    int                       campaign)
{
  const TaktCampaign *c;

  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));
  sync_if_needed (self);

  set_selected_index (self, campaign);
  c = get_campaign (self, self->selected);
  if (c != NULL && !self->dragging && !campaign_in_view (self, c))
    takt_campaign_calendar_view_go_to (self, c->start);
}

char *
takt_campaign_calendar_view_describe (TaktCampaignCalendarView *self,
                                      int                       campaign)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), NULL);

  if (self->calendar == NULL || get_campaign (self, campaign) == NULL)
    return NULL;
  catch_up (self);
  return takt_campaign_calendar_describe (self->calendar, campaign);
}

char *
takt_campaign_calendar_view_describe_selection (TaktCampaignCalendarView *self)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), NULL);
  sync_if_needed (self);

  if (self->calendar == NULL || get_campaign (self, self->selected) == NULL)
    return NULL;
  text = takt_campaign_calendar_describe (self->calendar, self->selected);
  if (text == NULL)
    return NULL;
  /* One sentence per line of the read-out. */
  lines = g_strsplit (text, "\n", -1);
  g_free (text);
  text = g_strjoinv (". ", lines);
  /* Translators: what assistive technology says of the calendar's selection */
  return g_strdup_printf (_("Selected campaign: %s"), text);
}

gint64
takt_campaign_calendar_view_get_late_units (TaktCampaignCalendarView *self,
                                            int                       campaign)
{
  const TaktCampaign *c;
  gpointer value;

  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), -1);
  sync_if_needed (self);

  c = get_campaign (self, campaign);
  if (c == NULL)
    return -1;
  catch_up (self);
  if (self->data != NULL && self->data->has_schedule && (guint) campaign < self->data->n_campaigns)
    return self->data->campaign_late[campaign];
  if (g_hash_table_lookup_extended (self->late_by_id, c->id, NULL, &value))
    return *(gint64 *) value;
  return -1;
}

const TaktChartData *
takt_campaign_calendar_view_get_chart_data (TaktCampaignCalendarView *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), NULL);
  catch_up (self);
  return self->data;
}

/* ---- editing ---- */

typedef struct
{
  const char *id;
  gint64      start;
  gint64      end;
} DatesChange;

static gboolean
set_dates (TaktPlan  *plan,
           gpointer   user_data,
           GError   **error)
{
  const DatesChange *change = user_data;
  int c = find_campaign (plan, change->id);
  TaktCampaign *campaign;

  if (c < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The campaign “%s” is gone"), change->id);
      return FALSE;
    }
  campaign = g_ptr_array_index (plan->campaigns, c);
  campaign->start = change->start;
  campaign->end = change->end;
  return TRUE;
}

static gboolean
change_dates (TaktCampaignCalendarView *self,
              const char               *description,
              const char               *id,
              gint64                    start,
              gint64                    end)
{
  g_autoptr(GError) error = NULL;
  DatesChange change = { id, start, end };

  if (!takt_document_edit (self->document, description, set_dates, &change, &error))
    {
      g_warning ("Could not change the campaign's dates: %s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  return TRUE;
}

gboolean
takt_campaign_calendar_view_move_selected (TaktCampaignCalendarView *self,
                                           int                       days)
{
  const TaktCampaign *c;
  g_autofree char *id = NULL;

  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), FALSE);
  sync_if_needed (self);

  c = get_campaign (self, self->selected);
  if (c == NULL || days == 0 || self->dragging)
    return FALSE;
  id = g_strdup (c->id);
  return change_dates (self, _("Move Campaign"), id, c->start + days * TAKT_DAY_S, c->end + days * TAKT_DAY_S);
}

gboolean
takt_campaign_calendar_view_resize_selected (TaktCampaignCalendarView *self,
                                             int                       days)
{
  const TaktCampaign *c;
  g_autofree char *id = NULL;
  gint64 end;

  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), FALSE);
  sync_if_needed (self);

  c = get_campaign (self, self->selected);
  if (c == NULL || days == 0 || self->dragging)
    return FALSE;
  end = c->end + days * TAKT_DAY_S;
  if (end < c->start)
    {
      /* A campaign lasts a day at least. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  id = g_strdup (c->id);
  return change_dates (self, _("Change Campaign Dates"), id, c->start, end);
}

static gboolean
remove_campaign (TaktPlan  *plan,
                 gpointer   user_data,
                 GError   **error)
{
  int c = find_campaign (plan, user_data);

  if (c < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The campaign “%s” is gone"), (const char *) user_data);
      return FALSE;
    }
  g_ptr_array_remove_index (plan->campaigns, (guint) c);
  return TRUE;
}

gboolean
takt_campaign_calendar_view_remove_selected (TaktCampaignCalendarView *self)
{
  const TaktCampaign *c;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  int selected;

  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), FALSE);
  sync_if_needed (self);

  c = get_campaign (self, self->selected);
  if (c == NULL || self->dragging)
    return FALSE;
  id = g_strdup (c->id);
  selected = self->selected;
  if (!takt_document_edit (self->document, _("Remove Campaign"), remove_campaign, id, &error))
    {
      g_warning ("Could not remove the campaign: %s", error->message);
      return FALSE;
    }
  /* The next campaign (or the one before) takes the selection. */
  set_selected_index (self, MIN (selected, (int) self->plan->campaigns->len - 1));
  return TRUE;
}

/* ---- previews while dragging ---- */

static void
preview_job_run (PreviewJob *job)
{
  TaktPlannerOptions options;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  problems = takt_plan_check (job->plan);
  if (problems->len > 0)
    return;
  takt_planner_options_init (&options, job->plan);
  options.time_limit_ms = 0;
  job->schedule = takt_planner_run (job->plan, &options, &job->stats, &error);
  if (job->schedule == NULL)
    {
      g_debug ("The preview could not be planned: %s", error->message);
      return;
    }
  job->ms = (g_get_monotonic_time () - t0) / 1000.0;
  job->data = takt_chart_data_new (job->plan, job->schedule, job->stats);

  if (job->base_plan != NULL)
    {
      g_autoptr(TaktSchedule) schedule = NULL;

      takt_planner_options_init (&options, job->base_plan);
      options.time_limit_ms = 0;
      schedule = takt_planner_run (job->base_plan, &options, &job->base_stats, NULL);
    }
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;

  preview_job_run (job);
  g_task_return_pointer (task, job, (GDestroyNotify) preview_job_free);
}

static void
preview_adopt (TaktCampaignCalendarView *self,
               PreviewJob               *job)
{
  if (job->ms > 0)
    self->preview_cost_ms = job->ms;

  if (job->base_stats != NULL && job->revision == takt_document_get_revision (self->document))
    {
      g_clear_pointer (&self->baseline, takt_plan_stats_free);
      self->baseline = g_steal_pointer (&job->base_stats);
      self->baseline_revision = job->revision;
      if (self->preview.baseline != NULL)
        self->preview.baseline = self->baseline;
    }

  if (job->generation != self->preview_generation || !self->dragging || job->stats == NULL)
    {
      preview_job_free (job);
      return;
    }

  preview_job_free (self->preview_result);
  self->preview_result = job;
  self->preview.computed = TRUE;
  self->preview.computed_start = job->start;
  self->preview.computed_end = job->end;
  self->preview.stats = job->stats;
  self->preview.data = job->data;
  self->preview.plan_ms = job->ms;
  self->preview.baseline = self->baseline_revision == takt_document_get_revision (self->document)
                           ? self->baseline : NULL;
  apply_readiness (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[PREVIEW_CHANGED], 0);
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TaktCampaignCalendarView *self = TAKT_CAMPAIGN_CALENDAR_VIEW (object);
  PreviewJob *job = g_task_propagate_pointer (G_TASK (result), NULL);

  self->preview_running = FALSE;
  if (job != NULL)
    preview_adopt (self, job);

  if (self->preview_pending && self->dragging)
    {
      self->preview_pending = FALSE;
      preview_start (self);
    }
}

static void
preview_start (TaktCampaignCalendarView *self)
{
  PreviewJob *job;
  TaktCampaign *campaign;
  int c;

  if (self->preview_running)
    {
      /* One at a time: the latest dates go next. */
      self->preview_pending = TRUE;
      return;
    }

  job = g_new0 (PreviewJob, 1);
  job->plan = takt_plan_copy (self->plan);
  g_clear_pointer (&job->plan->schedule, takt_schedule_free);
  c = find_campaign (job->plan, self->drag_id);
  g_assert (c >= 0);
  campaign = g_ptr_array_index (job->plan->campaigns, c);
  campaign->start = self->preview.start;
  campaign->end = self->preview.end;
  job->campaign = c;
  job->start = self->preview.start;
  job->end = self->preview.end;
  job->generation = self->preview_generation;
  job->revision = takt_document_get_revision (self->document);
  if (self->baseline == NULL || self->baseline_revision != job->revision)
    {
      job->base_plan = takt_plan_copy (self->plan);
      g_clear_pointer (&job->base_plan->schedule, takt_schedule_free);
    }

  if (self->preview_cost_ms >= 0 && self->preview_cost_ms <= PREVIEW_SYNC_MS)
    {
      preview_job_run (job);
      preview_adopt (self, job);
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, preview_done_cb, NULL);

      g_task_set_source_tag (task, preview_start);
      g_task_set_name (task, "takt-campaign-preview");
      /* The thread hands the job back as the task's result. */
      g_task_set_task_data (task, job, NULL);
      self->preview_running = TRUE;
      g_task_run_in_thread (task, preview_thread);
    }
}

/* ---- dragging ---- */

/* The day under a point, the point first brought inside the days shown. */
static gint64
date_at (TaktCampaignCalendarView *self,
         double                    x,
         double                    y)
{
  TaktCampaignHit hit;
  TaktChartRect r0, r1;
  gint64 first, end;

  if (!ensure_geometry (self))
    return G_MININT64;
  takt_campaign_calendar_get_range (self->calendar, &first, &end);
  if (!takt_campaign_calendar_get_day_rect (self->calendar, first, &r0) ||
      !takt_campaign_calendar_get_day_rect (self->calendar, end - TAKT_DAY_S, &r1))
    return G_MININT64;

  if (takt_campaign_calendar_get_mode (self->calendar) == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    {
      x = CLAMP (x, r0.x, r1.x + r1.width - 0.5);
      y = CLAMP (y, r0.y, r0.y + r0.height - 0.5);
    }
  else
    {
      x = CLAMP (x, r0.x, r0.x + 7 * r0.width - 0.5);
      y = CLAMP (y, r0.y, r1.y + r1.height - 0.5);
    }
  takt_campaign_calendar_hit_test (self->calendar, x, y, &hit);
  return hit.date;
}

gboolean
takt_campaign_calendar_view_drag_begin (TaktCampaignCalendarView *self,
                                        double                    x,
                                        double                    y)
{
  TaktCampaignHit hit;
  const TaktCampaign *c;

  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), FALSE);

  if (self->dragging)
    end_drag (self);
  if (!ensure_geometry (self) ||
      !takt_campaign_calendar_hit_test (self->calendar, x, y, &hit) ||
      hit.date == G_MININT64)
    return FALSE;

  c = get_campaign (self, hit.campaign);
  if (c == NULL)
    return FALSE;
  set_selected_index (self, hit.campaign);

  self->dragging = TRUE;
  self->drag_id = g_strdup (c->id);
  self->drag_part = hit.part;
  self->drag_anchor = hit.date;
  self->drag_orig_start = c->start;
  self->drag_orig_end = c->end;
  self->drag_x = x;
  self->drag_y = y;
  clear_preview (self);
  self->preview.campaign = hit.campaign;
  self->preview.start = c->start;
  self->preview.end = c->end;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit.part == TAKT_CAMPAIGN_PART_BODY ? "grabbing" : "ew-resize");
  g_signal_emit (self, signals[PREVIEW_CHANGED], 0);
  return TRUE;
}

void
takt_campaign_calendar_view_drag_update (TaktCampaignCalendarView *self,
                                         double                    x,
                                         double                    y)
{
  gint64 date, delta, start, end;

  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));

  if (!self->dragging)
    return;
  date = date_at (self, x, y);
  if (date == G_MININT64)
    return;

  delta = date - self->drag_anchor;
  start = self->drag_orig_start;
  end = self->drag_orig_end;
  switch (self->drag_part)
    {
    case TAKT_CAMPAIGN_PART_START_EDGE:
      start = MIN (start + delta, end);
      break;
    case TAKT_CAMPAIGN_PART_END_EDGE:
      end = MAX (end + delta, start);
      break;
    case TAKT_CAMPAIGN_PART_BODY:
      start += delta;
      end += delta;
      break;
    case TAKT_CAMPAIGN_PART_NONE:
    default:
      return;
    }

  if (start == self->preview.start && end == self->preview.end)
    return;

  self->preview.start = start;
  self->preview.end = end;
  takt_campaign_calendar_set_preview (self->calendar, self->preview.campaign, start, end);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[PREVIEW_CHANGED], 0);

  if (start == self->drag_orig_start && end == self->drag_orig_end)
    {
      /* Back where it was: nothing to preview. */
      takt_campaign_calendar_set_preview (self->calendar, -1, 0, 0);
      self->preview.computed = FALSE;
      self->preview_pending = FALSE;
      apply_readiness (self);
      return;
    }
  preview_start (self);
}

gboolean
takt_campaign_calendar_view_drag_end (TaktCampaignCalendarView *self,
                                      double                    x,
                                      double                    y)
{
  g_autofree char *id = NULL;
  gint64 start, end;
  const char *description;
  gboolean changed = FALSE;
  g_autoptr(TaktChartData) adopted = NULL;
  PreviewJob *result;

  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), FALSE);

  if (!self->dragging)
    return FALSE;

  takt_campaign_calendar_view_drag_update (self, x, y);
  start = self->preview.start;
  end = self->preview.end;
  id = g_strdup (self->drag_id);
  description = self->drag_part == TAKT_CAMPAIGN_PART_BODY ? _("Move Campaign") : _("Change Campaign Dates");

  /* The quick plan of these dates tells the readiness until the
   * document's re-plan arrives. */
  result = self->preview_result;
  if (result != NULL && result->start == start && result->end == end && result->data != NULL)
    remember_readiness (self, result->data);

  end_drag (self);
  if (start != self->drag_orig_start || end != self->drag_orig_end)
    changed = change_dates (self, description, id, start, end);
  return changed;
}

void
takt_campaign_calendar_view_drag_cancel (TaktCampaignCalendarView *self)
{
  g_return_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self));
  end_drag (self);
}

gboolean
takt_campaign_calendar_view_is_dragging (TaktCampaignCalendarView *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), FALSE);
  return self->dragging;
}

const TaktCampaignPreview *
takt_campaign_calendar_view_get_preview (TaktCampaignCalendarView *self)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), NULL);
  return self->dragging ? &self->preview : NULL;
}

static void
drag_begin_cb (GtkGestureDrag           *gesture,
               double                    x,
               double                    y,
               TaktCampaignCalendarView *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!takt_campaign_calendar_view_drag_begin (self, x, y))
    {
      /* A click on no campaign clears the selection. */
      set_selected_index (self, -1);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (GtkGestureDrag           *gesture,
                double                    dx,
                double                    dy,
                TaktCampaignCalendarView *self)
{
  takt_campaign_calendar_view_drag_update (self, self->drag_x + dx, self->drag_y + dy);
}

static void
drag_end_cb (GtkGestureDrag           *gesture,
             double                    dx,
             double                    dy,
             TaktCampaignCalendarView *self)
{
  takt_campaign_calendar_view_drag_end (self, self->drag_x + dx, self->drag_y + dy);
}

static void
drag_cancel_cb (GtkGesture               *gesture,
                GdkEventSequence         *sequence,
                TaktCampaignCalendarView *self)
{
  end_drag (self);
}

static gboolean
activate_idle_cb (gpointer user_data)
{
  TaktCampaignCalendarView *self = user_data;

  self->activate_idle = 0;
  if (self->dragging)
    {
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
      end_drag (self);
    }
  if (self->selected >= 0)
    g_signal_emit (self, signals[CAMPAIGN_ACTIVATED], 0, self->selected);
  return G_SOURCE_REMOVE;
}

static void
click_pressed_cb (GtkGestureClick          *gesture,
                  int                       n_press,
                  double                    x,
                  double                    y,
                  TaktCampaignCalendarView *self)
{
  TaktCampaignHit hit;

  if (n_press != 2 || !ensure_geometry (self) ||
      !takt_campaign_calendar_hit_test (self->calendar, x, y, &hit))
    return;
  set_selected_index (self, hit.campaign);
  /* The second press also began a drag: the editor opens once this press
   * is handled, and the drag is dropped then. */
  if (self->activate_idle == 0)
    self->activate_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, activate_idle_cb, self, NULL);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TaktCampaignCalendarView *self)
{
  TaktCampaignHit hit;
  const char *cursor = NULL;

  if (self->dragging || !ensure_geometry (self))
    return;
  if (takt_campaign_calendar_hit_test (self->calendar, x, y, &hit))
    cursor = hit.part == TAKT_CAMPAIGN_PART_BODY ? "grab" : "ew-resize";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
query_tooltip_cb (GtkWidget                *widget,
                  int                       x,
                  int                       y,
                  gboolean                  keyboard,
                  GtkTooltip               *tooltip,
                  TaktCampaignCalendarView *self)
{
  TaktCampaignHit hit;
  g_autofree char *text = NULL;
  GArray *rects;

  if (self->dragging || !ensure_geometry (self))
    return FALSE;

  if (keyboard)
    {
      hit.campaign = self->selected;
      hit.part = TAKT_CAMPAIGN_PART_BODY;
    }
  else if (!takt_campaign_calendar_hit_test (self->calendar, x, y, &hit))
    return FALSE;

  text = takt_campaign_calendar_view_describe (self, hit.campaign);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);

  /* The tooltip stays while the pointer is on the same bar. */
  rects = takt_campaign_calendar_get_bar_rects (self->calendar, hit.campaign);
  for (guint i = 0; i < rects->len; i++)
    {
      const TaktChartRect *r = &g_array_index (rects, TaktChartRect, i);

      if (keyboard || (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height))
        {
          gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) r->x, (int) r->y,
                                                               (int) ceil (r->width), (int) ceil (r->height) });
          break;
        }
    }
  g_array_unref (rects);
  return TRUE;
}

/* ---- keys ---- */

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const TaktPlan *plan = user_data;
  int ia = *(const int *) a, ib = *(const int *) b;
  const TaktCampaign *ca = g_ptr_array_index (plan->campaigns, ia);
  const TaktCampaign *cb = g_ptr_array_index (plan->campaigns, ib);

  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  return ia - ib;
}

/* The campaign before or after the selected one, by start date. */
static int
neighbour (TaktCampaignCalendarView *self,
           int                       direction)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  guint n = self->plan->campaigns->len;
  guint pos = 0;

  if (n == 0)
    return -1;
  for (guint i = 0; i < n; i++)
    {
      int c = (int) i;

      g_array_append_val (order, c);
    }
  g_array_sort_with_data (order, compare_by_start, (gpointer) self->plan);

  if (self->selected < 0)
    {
      gint64 first, end;

      /* Nothing selected: the first campaign in view, else the first. */
      takt_campaign_calendar_get_range (self->calendar, &first, &end);
      for (guint i = 0; i < n; i++)
        {
          const TaktCampaign *c = g_ptr_array_index (self->plan->campaigns, g_array_index (order, int, i));

          if (c->end >= first && c->start < end)
            return g_array_index (order, int, i);
        }
      return g_array_index (order, int, 0);
    }

  for (guint i = 0; i < n; i++)
    if (g_array_index (order, int, i) == self->selected)
      pos = i;
  if (direction < 0)
    return g_array_index (order, int, pos > 0 ? pos - 1 : 0);
  return g_array_index (order, int, MIN (pos + 1, n - 1));
}

static gboolean
key_pressed_cb (GtkEventControllerKey    *controller,
                guint                     keyval,
                guint                     keycode,
                GdkModifierType           state,
                TaktCampaignCalendarView *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  int direction = 0;

  if (self->plan == NULL)
    return FALSE;

  if (keyval == GDK_KEY_Escape)
    {
      if (!self->dragging)
        return FALSE;
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
      end_drag (self);
      return TRUE;
    }
  if (self->dragging)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      direction = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      direction = 1;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (mods != 0)
        return FALSE;
      takt_campaign_calendar_view_step (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      if (mods != 0)
        return FALSE;
      takt_campaign_calendar_view_step (self, 1);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (mods != 0 || self->selected < 0)
        return FALSE;
      /* The page's action says what went, with an Undo button. */
      if (gtk_widget_activate_action (GTK_WIDGET (self), "campaigns.remove", NULL))
        return TRUE;
      return takt_campaign_calendar_view_remove_selected (self);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (mods != 0 || self->selected < 0)
        return FALSE;
      g_signal_emit (self, signals[CAMPAIGN_ACTIVATED], 0, self->selected);
      return TRUE;
    default:
      return FALSE;
    }

  /* Shift and Alt only go with ←/→. */
  if (mods != 0 && (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down ||
                    keyval == GDK_KEY_KP_Up || keyval == GDK_KEY_KP_Down))
    return FALSE;

  if (mods == GDK_SHIFT_MASK)
    return takt_campaign_calendar_view_move_selected (self, direction);
  if (mods == GDK_ALT_MASK)
    return takt_campaign_calendar_view_resize_selected (self, direction);
  if (mods != 0)
    return FALSE;

  takt_campaign_calendar_view_select (self, neighbour (self, direction));
  return TRUE;
}

/* ---- geometry ---- */

gboolean
takt_campaign_calendar_view_hit_test (TaktCampaignCalendarView *self,
                                      double                    x,
                                      double                    y,
                                      TaktCampaignHit          *hit)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (!ensure_geometry (self))
    {
      hit->campaign = -1;
      hit->part = TAKT_CAMPAIGN_PART_NONE;
      hit->date = G_MININT64;
      hit->channel = -1;
      return FALSE;
    }
  return takt_campaign_calendar_hit_test (self->calendar, x, y, hit);
}

gboolean
takt_campaign_calendar_view_get_day_rect (TaktCampaignCalendarView *self,
                                          gint64                    day,
                                          TaktChartRect            *rect)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  return ensure_geometry (self) && takt_campaign_calendar_get_day_rect (self->calendar, day, rect);
}

GArray *
takt_campaign_calendar_view_get_bar_rects (TaktCampaignCalendarView *self,
                                           int                       campaign)
{
  g_return_val_if_fail (TAKT_IS_CAMPAIGN_CALENDAR_VIEW (self), NULL);

  if (!ensure_geometry (self))
    return g_array_new (FALSE, TRUE, sizeof (TaktChartRect));
  return takt_campaign_calendar_get_bar_rects (self->calendar, campaign);
}

/* ---- GtkWidget ---- */

static GtkSizeRequestMode
takt_campaign_calendar_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
takt_campaign_calendar_view_measure (GtkWidget      *widget,
                                     GtkOrientation  orientation,
                                     int             for_size,
                                     int            *minimum,
                                     int            *natural,
                                     int            *minimum_baseline,
                                     int            *natural_baseline)
{
  TaktCampaignCalendarView *self = TAKT_CAMPAIGN_CALENDAR_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* A month of seven columns still reads at GNOME's small-screen width. */
      *minimum = 300;
      *natural = 800;
    }
  else if (self->calendar == NULL)
    {
      *minimum = *natural = 200;
    }
  else
    {
      TaktGanttTheme theme;
      double height;

      init_theme (self, &theme);
      height = takt_campaign_calendar_get_natural_height (self->calendar, for_size > 0 ? for_size : 800, &theme);
      /* Measuring lays the calendar out anew. */
      self->geometry_valid = FALSE;
      *minimum = *natural = (int) MAX (height, 160);
    }
}

static void
takt_campaign_calendar_view_snapshot (GtkWidget   *widget,
                                      GtkSnapshot *snapshot)
{
  TaktCampaignCalendarView *self = TAKT_CAMPAIGN_CALENDAR_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TaktGanttTheme theme;
  TaktChartRect rect;
  cairo_t *cr;

  if (self->calendar == NULL || width <= 0 || height <= 0)
    return;

  init_theme (self, &theme);
  rect = (TaktChartRect) { 0, 0, width, height };
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  takt_campaign_calendar_draw (self->calendar, cr, &rect, &theme, gtk_widget_get_scale_factor (widget));
  self->geometry_valid = TRUE;
  self->geometry_width = width;
  self->geometry_height = height;

  if (gtk_widget_has_visible_focus (widget))
    {
      /* The keyboard focus: a ring inside the edge, in the accent colour. */
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_set_source_rgba (cr, theme.accent.red, theme.accent.green, theme.accent.blue, 0.5);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
takt_campaign_calendar_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (takt_campaign_calendar_view_parent_class)->map (widget);
  catch_up (TAKT_CAMPAIGN_CALENDAR_VIEW (widget));
}

static void
takt_campaign_calendar_view_unmap (GtkWidget *widget)
{
  TaktCampaignCalendarView *self = TAKT_CAMPAIGN_CALENDAR_VIEW (widget);

  /* A drag does not outlive the page being shown. */
  if (self->dragging)
    end_drag (self);
  GTK_WIDGET_CLASS (takt_campaign_calendar_view_parent_class)->unmap (widget);
}

static void
takt_campaign_calendar_view_css_changed (GtkWidget         *widget,
                                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (takt_campaign_calendar_view_parent_class)->css_changed (widget, change);
  update_font (TAKT_CAMPAIGN_CALENDAR_VIEW (widget));
  invalidate (TAKT_CAMPAIGN_CALENDAR_VIEW (widget), TRUE);
}

static gboolean
takt_campaign_calendar_view_focus (GtkWidget        *widget,
                                   GtkDirectionType  direction)
{
  /* One stop in the focus chain: the arrows work inside. */
  if (gtk_widget_has_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/* ---- GObject ---- */

static void
style_dark_cb (TaktCampaignCalendarView *self)
{
  invalidate (self, FALSE);
}

static void
week_start_changed_cb (TaktCampaignCalendarView *self,
                       const char               *key,
                       GSettings                *settings)
{
  g_autofree char *day = g_settings_get_string (settings, "week-start");

  self->week_start = g_str_equal (day, "sunday") ? 6 : g_str_equal (day, "saturday") ? 5 : 0;
  if (self->calendar != NULL)
    takt_campaign_calendar_set_week_start (self->calendar, self->week_start);
  invalidate (self, TRUE);
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

static void
takt_campaign_calendar_view_dispose (GObject *object)
{
  TaktCampaignCalendarView *self = TAKT_CAMPAIGN_CALENDAR_VIEW (object);

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->document);
      g_clear_signal_handler (&self->schedule_handler, self->document);
      g_clear_object (&self->document);
    }
  self->dragging = FALSE;
  self->plan = NULL;
  g_clear_handle_id (&self->activate_idle, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (takt_campaign_calendar_view_parent_class)->dispose (object);
}

static void
takt_campaign_calendar_view_finalize (GObject *object)
{
  TaktCampaignCalendarView *self = TAKT_CAMPAIGN_CALENDAR_VIEW (object);

  preview_job_free (self->preview_result);
  g_clear_pointer (&self->calendar, takt_campaign_calendar_free);
  g_clear_pointer (&self->data, takt_chart_data_free);
  g_clear_pointer (&self->baseline, takt_plan_stats_free);
  g_clear_pointer (&self->late_by_id, g_hash_table_unref);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->font_family, g_free);

  G_OBJECT_CLASS (takt_campaign_calendar_view_parent_class)->finalize (object);
}

static void
takt_campaign_calendar_view_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  TaktCampaignCalendarView *self = TAKT_CAMPAIGN_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;

    case PROP_MODE:
      g_value_set_int (value, takt_campaign_calendar_view_get_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_campaign_calendar_view_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  TaktCampaignCalendarView *self = TAKT_CAMPAIGN_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      takt_campaign_calendar_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      takt_campaign_calendar_view_select (self, g_value_get_int (value));
      break;

    case PROP_MODE:
      takt_campaign_calendar_view_set_mode (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_campaign_calendar_view_class_init (TaktCampaignCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = takt_campaign_calendar_view_dispose;
  object_class->finalize = takt_campaign_calendar_view_finalize;
  object_class->get_property = takt_campaign_calendar_view_get_property;
  object_class->set_property = takt_campaign_calendar_view_set_property;

  widget_class->get_request_mode = takt_campaign_calendar_view_get_request_mode;
  widget_class->measure = takt_campaign_calendar_view_measure;
  widget_class->snapshot = takt_campaign_calendar_view_snapshot;
  widget_class->map = takt_campaign_calendar_view_map;
  widget_class->unmap = takt_campaign_calendar_view_unmap;
  widget_class->css_changed = takt_campaign_calendar_view_css_changed;
  widget_class->focus = takt_campaign_calendar_view_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TAKT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL,
                      TAKT_CAMPAIGN_CALENDAR_MONTH, TAKT_CAMPAIGN_CALENDAR_TIMELINE, TAKT_CAMPAIGN_CALENDAR_MONTH,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TaktCampaignCalendarView::campaign-activated:
   * @campaign: its index in the plan
   *
   * A double click or Enter on a campaign: open its editor.
   */
  signals[CAMPAIGN_ACTIVATED] =
    g_signal_new ("campaign-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * TaktCampaignCalendarView::updated:
   *
   * The campaigns, their demand or their readiness changed.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TaktCampaignCalendarView::preview-changed:
   *
   * A drag began, moved to other dates, got its figures, or ended.
   */
  signals[PREVIEW_CHANGED] =
    g_signal_new ("preview-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TaktCampaignCalendarView::view-changed:
   *
   * Another month, mode or range of days is shown.
   */
  signals[VIEW_CHANGED] =
    g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "takt-campaign-calendar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
takt_campaign_calendar_view_init (TaktCampaignCalendarView *self)
{
  GtkEventController *controller;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->selected = -1;
  self->preview.campaign = -1;
  self->preview_cost_ms = -1;
  self->today = local_today ();
  self->late_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Campaign calendar"),
                                  -1);
  update_accessible (self);

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (self->drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_PRIMARY);
  g_signal_connect (controller, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "week-start"))
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::week-start",
                               G_CALLBACK (week_start_changed_cb), self, G_CONNECT_SWAPPED);
      week_start_changed_cb (self, "week-start", self->settings);
    }
}

GtkWidget *
takt_campaign_calendar_view_new (void)
{
  return g_object_new (TAKT_TYPE_CAMPAIGN_CALENDAR_VIEW, NULL);
}
