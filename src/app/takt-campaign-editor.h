/* takt-campaign-editor.h — a dialog that edits every field of a campaign
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor works on a copy of the plan: as the person types it shows
 * what the campaign would bring (cost per mille, expected units, units per
 * currency unit, the units of each product, rounded as the plan counts
 * them) and, beside the fields concerned, every problem the core finds
 * (takt_plan_check()); "Apply" is offered only when there is none and
 * changes the document as one undo step ("Edit Campaign").
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_CAMPAIGN_EDITOR (takt_campaign_editor_get_type ())

G_DECLARE_FINAL_TYPE (TaktCampaignEditor, takt_campaign_editor, TAKT, CAMPAIGN_EDITOR, AdwWindow)

typedef enum
{
  TAKT_CAMPAIGN_READOUT_COST_PER_MILLE,
  TAKT_CAMPAIGN_READOUT_EXPECTED_UNITS,
  TAKT_CAMPAIGN_READOUT_UNITS_PER_CURRENCY,
} TaktCampaignReadout;

/* Edits the campaign @campaign_id of @document's plan. */
GtkWidget   *takt_campaign_editor_new            (TaktDocument        *document,
                                                  const char          *campaign_id);
const char  *takt_campaign_editor_get_campaign_id (TaktCampaignEditor *self);

/* A field by name, as a person types into it: "id", "name", "spend",
 * "impressions", "conversion", "lag-days". */
GtkEditable *takt_campaign_editor_get_field      (TaktCampaignEditor  *self,
                                                  const char          *name);
/* Sets the first or last day (the date pickers do the same). */
void         takt_campaign_editor_set_dates      (TaktCampaignEditor  *self,
                                                  gint64               start,
                                                  gint64               end);
/* The products: adds a row (the first product not listed yet) or removes one. */
void         takt_campaign_editor_add_product    (TaktCampaignEditor  *self);
void         takt_campaign_editor_remove_product (TaktCampaignEditor  *self,
                                                  guint                row);
guint        takt_campaign_editor_get_n_products (TaktCampaignEditor  *self);

/* What the editor shows now. */
const char  *takt_campaign_editor_get_readout    (TaktCampaignEditor  *self,
                                                  TaktCampaignReadout  readout);
/* The units of the product in row @row, as shown ("48 units"). */
const char  *takt_campaign_editor_get_product_units (TaktCampaignEditor *self,
                                                     guint               row);
/* Every problem shown, one per line; NULL when the campaign is valid. */
char        *takt_campaign_editor_dup_problems   (TaktCampaignEditor  *self);

/* What "Apply" does: FALSE with @error when the campaign is not valid (or
 * no longer in the plan). */
gboolean     takt_campaign_editor_apply          (TaktCampaignEditor  *self,
                                                  GError             **error);

G_END_DECLS
