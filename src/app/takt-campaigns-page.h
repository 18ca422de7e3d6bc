/* takt-campaigns-page.h — the Campaigns page: the campaign calendar, the
 * demand the campaigns bring and the list of campaigns with their readiness
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "takt-campaign-calendar-view.h"
#include "takt-page.h"

G_BEGIN_DECLS

#define TAKT_TYPE_CAMPAIGNS_PAGE (takt_campaigns_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktCampaignsPage, takt_campaigns_page, TAKT, CAMPAIGNS_PAGE, TaktPage)

GtkWidget                *takt_campaigns_page_new            (void);

/* The units a campaign brings, as plan-format.md counts them. */
gint64                    takt_campaign_expected_units       (const TaktCampaign *campaign);

TaktCampaignCalendarView *takt_campaigns_page_get_calendar   (TaktCampaignsPage  *self);

/* Launch readiness as the page shows it: the late units of the campaign
 * @id in the latest schedule (0: ready), -1 when not known yet; and the
 * text of its mark in the list ("Ready", "At risk · 12 late units"). */
gint64                    takt_campaigns_page_get_late_units (TaktCampaignsPage  *self,
                                                              const char         *id);
char                     *takt_campaigns_page_dup_readiness_text (TaktCampaignsPage *self,
                                                                  const char        *id);
/* What the line above the calendar says (the drag's preview, or a hint). */
const char               *takt_campaigns_page_get_status_text (TaktCampaignsPage *self);

/* Adds a campaign (one undo step), selects it and opens its editor. */
GtkWidget                *takt_campaigns_page_add_campaign   (TaktCampaignsPage  *self);
/* Opens the editor of campaign @id; returns its window. */
GtkWidget                *takt_campaigns_page_edit_campaign  (TaktCampaignsPage  *self,
                                                              const char         *id);

G_END_DECLS
