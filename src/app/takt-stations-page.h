/* takt-stations-page.h — the Stations page: stations, machines and shifts
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "takt-page.h"

G_BEGIN_DECLS

#define TAKT_TYPE_STATIONS_PAGE (takt_stations_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktStationsPage, takt_stations_page, TAKT, STATIONS_PAGE, TaktPage)

GtkWidget *takt_stations_page_new (void);

G_END_DECLS
