/* takt-stations-page.h — the Stations page: line balance, plant calendar, stations
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "takt-editor-list.h"
#include "takt-line-balance-view.h"
#include "takt-page.h"
#include "takt-shift-editor.h"
#include "takt-station-editor.h"

G_BEGIN_DECLS

#define TAKT_TYPE_STATIONS_PAGE (takt_stations_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktStationsPage, takt_stations_page, TAKT, STATIONS_PAGE, TaktPage)

GtkWidget           *takt_stations_page_new              (void);
TaktEditorList      *takt_stations_page_get_list         (TaktStationsPage *self);
TaktStationEditor   *takt_stations_page_get_editor       (TaktStationsPage *self);
TaktShiftEditor     *takt_stations_page_get_plant_shifts (TaktStationsPage *self);
TaktLineBalanceView *takt_stations_page_get_balance_view (TaktStationsPage *self);
/* Shows "balance", "plant" or the station of that id. */
void                 takt_stations_page_show             (TaktStationsPage *self,
                                                          const char       *what);

G_END_DECLS
