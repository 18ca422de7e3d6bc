/* takt-campaigns-page.h — the Campaigns page: the plan's marketing campaigns
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "takt-page.h"

G_BEGIN_DECLS

#define TAKT_TYPE_CAMPAIGNS_PAGE (takt_campaigns_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktCampaignsPage, takt_campaigns_page, TAKT, CAMPAIGNS_PAGE, TaktPage)

GtkWidget *takt_campaigns_page_new            (void);

/* The units a campaign brings, as plan-format.md counts them. */
gint64     takt_campaign_expected_units       (const TaktCampaign *campaign);

G_END_DECLS
