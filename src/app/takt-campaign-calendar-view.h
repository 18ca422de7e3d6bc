/* takt-campaign-calendar-view.h — the campaign calendar one can drag campaigns in
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TaktCampaignCalendarView draws a document's campaigns with the cairo
 * renderer (takt-campaign-calendar.h), as a month grid or a timeline, with
 * each campaign's launch readiness from the document's schedule.  It maps
 * pointer and keys onto the drawing:
 *
 * - dragging a campaign's body moves it, dragging its first or last day
 *   changes its start or end (whole days); while dragging, a ghost shows
 *   the new dates and a quick re-plan of a copy of the plan (the planner's
 *   construction, no search) tells what they would do: the demand, the late
 *   orders and the cost.  Esc cancels; the drop is one undo step;
 * - arrows move the selection from campaign to campaign (by start date),
 *   Shift+←/→ moves the selected campaign by a day, Alt+←/→ changes its
 *   last day, Delete removes it, Enter or a double click activates it
 *   (::campaign-activated, the page opens the editor), Page Up/Down show the
 *   previous or next month.
 *
 * The drag is driven by a GtkGestureDrag through drag_begin/update/end
 * below; tests call the same functions at widget coordinates taken from
 * takt_campaign_calendar_view_get_bar_rects() and _get_day_rect().
 */

#pragma once

#include <adwaita.h>

#include "takt-campaign-calendar.h"
#include "takt-chart-data.h"
#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_CAMPAIGN_CALENDAR_VIEW (takt_campaign_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (TaktCampaignCalendarView, takt_campaign_calendar_view, TAKT, CAMPAIGN_CALENDAR_VIEW, GtkWidget)

/* What a drag would do, from the quick re-plan of a copy of the plan. */
typedef struct
{
  int                  campaign;   /* the campaign dragged */
  gint64               start;      /* the dates the drop would give it (midnights) */
  gint64               end;
  gboolean             computed;   /* the figures below are in (for computed_start/end) */
  gint64               computed_start;
  gint64               computed_end;
  const TaktPlanStats *stats;      /* the quick plan with the new dates */
  const TaktPlanStats *baseline;   /* the quick plan with the dates as they are */
  const TaktChartData *data;       /* its demand and readiness */
  double               plan_ms;    /* how long the quick re-plan took */
} TaktCampaignPreview;

GtkWidget                *takt_campaign_calendar_view_new             (void);

TaktDocument             *takt_campaign_calendar_view_get_document    (TaktCampaignCalendarView *self);
void                      takt_campaign_calendar_view_set_document    (TaktCampaignCalendarView *self,
                                                                       TaktDocument             *document);

/* ---- what is shown ---- */

TaktCampaignCalendarMode  takt_campaign_calendar_view_get_mode        (TaktCampaignCalendarView *self);
void                      takt_campaign_calendar_view_set_mode        (TaktCampaignCalendarView *self,
                                                                       TaktCampaignCalendarMode  mode);
/* A month (the timeline: half its weeks) forwards (+1) or backwards (−1). */
void                      takt_campaign_calendar_view_step            (TaktCampaignCalendarView *self,
                                                                       int                       direction);
void                      takt_campaign_calendar_view_go_to           (TaktCampaignCalendarView *self,
                                                                       gint64                    day);
void                      takt_campaign_calendar_view_go_to_today     (TaktCampaignCalendarView *self);
/* Today's midnight (naive seconds); tests may fix it. */
gint64                    takt_campaign_calendar_view_get_today       (TaktCampaignCalendarView *self);
void                      takt_campaign_calendar_view_set_today       (TaktCampaignCalendarView *self,
                                                                       gint64                    today);
/* The days shown: [@first_day, @end_day). */
void                      takt_campaign_calendar_view_get_range       (TaktCampaignCalendarView *self,
                                                                       gint64                   *first_day,
                                                                       gint64                   *end_day);
/* "December 2026", or the timeline's "30 Nov 2026 – 17 Jan 2027". */
char                     *takt_campaign_calendar_view_dup_title       (TaktCampaignCalendarView *self);

/* ---- selection and readiness ---- */

/* The selected campaign: an index into the document's current plan, or -1. */
int                       takt_campaign_calendar_view_get_selected    (TaktCampaignCalendarView *self);
/* Selects @campaign (-1: none) and shows it when it is out of view. */
void                      takt_campaign_calendar_view_select          (TaktCampaignCalendarView *self,
                                                                       int                       campaign);
/* The selection in words, as assistive technology gets it; NULL: none. */
char                     *takt_campaign_calendar_view_describe_selection (TaktCampaignCalendarView *self);
/* The renderer's text about a campaign (dates, reach, units, readiness). */
char                     *takt_campaign_calendar_view_describe        (TaktCampaignCalendarView *self,
                                                                       int                       campaign);
/* The units of @campaign the schedule makes late (or not at all): 0 when it
 * is ready for launch, -1 when no schedule is known yet. */
gint64                    takt_campaign_calendar_view_get_late_units  (TaktCampaignCalendarView *self,
                                                                       int                       campaign);
/* Demand and readiness of the current plan (without a schedule until the
 * first re-plan arrives); owned by the view, valid until the next
 * ::updated. */
const TaktChartData      *takt_campaign_calendar_view_get_chart_data  (TaktCampaignCalendarView *self);

/* ---- editing (each one undo step of the document) ---- */

gboolean                  takt_campaign_calendar_view_move_selected   (TaktCampaignCalendarView *self,
                                                                       int                       days);
gboolean                  takt_campaign_calendar_view_resize_selected (TaktCampaignCalendarView *self,
                                                                       int                       days);
gboolean                  takt_campaign_calendar_view_remove_selected (TaktCampaignCalendarView *self);

/* ---- dragging (widget coordinates) ---- */

gboolean                  takt_campaign_calendar_view_drag_begin      (TaktCampaignCalendarView *self,
                                                                       double                    x,
                                                                       double                    y);
void                      takt_campaign_calendar_view_drag_update     (TaktCampaignCalendarView *self,
                                                                       double                    x,
                                                                       double                    y);
/* Drops: TRUE when the campaign got new dates (one undo step). */
gboolean                  takt_campaign_calendar_view_drag_end        (TaktCampaignCalendarView *self,
                                                                       double                    x,
                                                                       double                    y);
void                      takt_campaign_calendar_view_drag_cancel     (TaktCampaignCalendarView *self);
gboolean                  takt_campaign_calendar_view_is_dragging     (TaktCampaignCalendarView *self);
/* While dragging: the dates a drop would give and what they do; NULL
 * otherwise. */
const TaktCampaignPreview *takt_campaign_calendar_view_get_preview    (TaktCampaignCalendarView *self);

/* ---- geometry of the drawing (widget coordinates) ---- */

gboolean                  takt_campaign_calendar_view_hit_test        (TaktCampaignCalendarView *self,
                                                                       double                    x,
                                                                       double                    y,
                                                                       TaktCampaignHit          *hit);
gboolean                  takt_campaign_calendar_view_get_day_rect    (TaktCampaignCalendarView *self,
                                                                       gint64                    day,
                                                                       TaktChartRect            *rect);
/* A new GArray of TaktChartRect: the pieces of @campaign's bar. */
GArray                   *takt_campaign_calendar_view_get_bar_rects   (TaktCampaignCalendarView *self,
                                                                       int                       campaign);

G_END_DECLS
