/* takt-campaign-calendar.h — the campaign calendar as plain cairo drawing
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two views of a plan's campaigns, drawn onto any cairo_t into a rectangle
 * (the Campaigns page, the PDF report, the tests):
 *
 * - a month grid: seven columns (the week starts on Monday or Sunday), a row
 *   per week; each campaign a bar in its channel's colour spanning its days
 *   and wrapping from week to week, with its name, spend and expected units
 *   where they fit;
 * - a timeline: days across (labelled by week), one lane per channel in use,
 *   campaigns as bars and, under each, a thin line over the days its units
 *   fall due (moved later by lag_days).
 *
 * Both shade the days outside the plan's horizon, mark its start and end and
 * today, and put a launch-readiness mark at each campaign's end: a green tick
 * when the plan makes every unit the campaign brings by its due day, a red
 * mark with the number of late units otherwise (none before a plan exists).
 *
 * The last drawing's geometry is kept: takt_campaign_calendar_hit_test()
 * names the campaign under a point and whether it is on its start edge, end
 * edge or body, and the day under the point, for the widget's drag and drop.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "takt-chart.h"
#include "takt-chart-data.h"
#include "takt-gantt-renderer.h"
#include "takt-plan.h"

G_BEGIN_DECLS

typedef enum
{
  TAKT_CAMPAIGN_CALENDAR_MONTH,
  TAKT_CAMPAIGN_CALENDAR_TIMELINE,
} TaktCampaignCalendarMode;

typedef enum
{
  TAKT_CAMPAIGN_PART_NONE,
  TAKT_CAMPAIGN_PART_BODY,
  TAKT_CAMPAIGN_PART_START_EDGE,   /* drag to change the first day */
  TAKT_CAMPAIGN_PART_END_EDGE,     /* drag to change the last day */
} TaktCampaignPart;

typedef struct
{
  int              campaign;       /* -1: none */
  TaktCampaignPart part;
  gint64           date;           /* midnight of the day under the point; G_MININT64: none */
  int              channel;        /* timeline: the lane's TaktChannel; -1 */
} TaktCampaignHit;

typedef struct _TaktCampaignCalendar TaktCampaignCalendar;

/* @plan must outlive the calendar (or be replaced with _set_plan()). */
TaktCampaignCalendar *takt_campaign_calendar_new        (const TaktPlan        *plan);
void                  takt_campaign_calendar_free       (TaktCampaignCalendar  *self);
void                  takt_campaign_calendar_set_plan   (TaktCampaignCalendar  *self,
                                                         const TaktPlan        *plan);
/* Launch readiness from a plan's chart data (copied); NULL: unknown. */
void                  takt_campaign_calendar_set_readiness (TaktCampaignCalendar *self,
                                                            const TaktChartData  *data);

void                  takt_campaign_calendar_set_mode   (TaktCampaignCalendar    *self,
                                                         TaktCampaignCalendarMode mode);
TaktCampaignCalendarMode takt_campaign_calendar_get_mode (const TaktCampaignCalendar *self);
/* The month of the grid (1–12). */
void                  takt_campaign_calendar_set_month  (TaktCampaignCalendar  *self,
                                                         int                    year,
                                                         int                    month);
void                  takt_campaign_calendar_get_month  (const TaktCampaignCalendar *self,
                                                         int                   *year,
                                                         int                   *month);
/* The timeline's days: from the week start on or before @first_day, @n_weeks weeks. */
void                  takt_campaign_calendar_set_timeline (TaktCampaignCalendar *self,
                                                           gint64                first_day,
                                                           guint                 n_weeks);
void                  takt_campaign_calendar_get_range  (const TaktCampaignCalendar *self,
                                                         gint64                *first_day,
                                                         gint64                *end_day);
/* Shows the month (or the timeline's weeks) holding @day. */
void                  takt_campaign_calendar_go_to      (TaktCampaignCalendar  *self,
                                                         gint64                 day);
/* A month (or the timeline's length) forwards (+1) or backwards (−1). */
void                  takt_campaign_calendar_step       (TaktCampaignCalendar  *self,
                                                         int                    direction);
/* 0: weeks start on Monday; 6: on Sunday. */
void                  takt_campaign_calendar_set_week_start (TaktCampaignCalendar *self,
                                                             int                   weekday);
/* G_MININT64: no today mark. */
void                  takt_campaign_calendar_set_today  (TaktCampaignCalendar  *self,
                                                         gint64                 today);
void                  takt_campaign_calendar_set_selected (TaktCampaignCalendar *self,
                                                           int                   campaign);
/* While dragging: draws @campaign over [@start, @end] (midnights, end
 * inclusive) as a ghost, its own place faded.  -1 clears. */
void                  takt_campaign_calendar_set_preview (TaktCampaignCalendar *self,
                                                          int                   campaign,
                                                          gint64                start,
                                                          gint64                end);
/* Draws the title ("December 2026") above the grid; TRUE by default. */
void                  takt_campaign_calendar_set_show_title (TaktCampaignCalendar *self,
                                                             gboolean              show);

void                  takt_campaign_calendar_draw       (TaktCampaignCalendar  *self,
                                                         cairo_t               *cr,
                                                         const TaktChartRect   *rect,
                                                         const TaktGanttTheme  *theme,
                                                         double                 scale);

/* The height the current view wants at @width: the month grid with room
 * for every campaign of its busiest week (at least two rows of bars), the
 * timeline with all its lanes.  It lays the view out, so the geometry of
 * the last drawing is forgotten until the next one. */
double                takt_campaign_calendar_get_natural_height (TaktCampaignCalendar *self,
                                                                 double                width,
                                                                 const TaktGanttTheme *theme);

/* ---- the last drawing's geometry ---- */

gboolean              takt_campaign_calendar_hit_test   (const TaktCampaignCalendar *self,
                                                         double                 x,
                                                         double                 y,
                                                         TaktCampaignHit       *hit);
/* The cell of a day in the grid, or its column over the lanes in the
 * timeline; FALSE when the day is not shown. */
gboolean              takt_campaign_calendar_get_day_rect (const TaktCampaignCalendar *self,
                                                           gint64               day,
                                                           TaktChartRect       *rect);
/* The bar pieces of a campaign as drawn (one per week row in the grid), a
 * new GArray of TaktChartRect, in date order; empty when not shown. */
GArray               *takt_campaign_calendar_get_bar_rects (const TaktCampaignCalendar *self,
                                                            int                  campaign);

/* The timeline's note on what the thin lines under the bars mean, as
 * drawn; FALSE when it was left out (too narrow, or the month grid). */
gboolean              takt_campaign_calendar_get_note_rect (const TaktCampaignCalendar *self,
                                                            TaktChartRect       *rect);
/* Every text of the header and the axis as drawn (the title, the note, the
 * week and day labels), a new GArray of TaktChartRect; none overlaps another. */
GArray               *takt_campaign_calendar_get_header_text_rects (const TaktCampaignCalendar *self);

/* The text beside a campaign (and its hover read-out): dates, channel,
 * spend, impressions, cost per mille, expected units, units per currency
 * unit and its readiness. */
char                 *takt_campaign_calendar_describe   (const TaktCampaignCalendar *self,
                                                         int                    campaign);
/* A channel's name for people ("Social", "Email", …). */
const char           *takt_campaign_channel_label       (TaktChannel            channel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktCampaignCalendar, takt_campaign_calendar_free)

G_END_DECLS
