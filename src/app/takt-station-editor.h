/* takt-station-editor.h — every field of one station, editable
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name, id, machines and colour; whether the station works by the plant
 * calendar or by its own, and its own week and exceptions
 * (takt-shift-editor.h).  Every change is one undo step; typing into the
 * name is one step until the focus leaves it.  A new id is applied with
 * Enter or the apply button, and the routing steps and pins naming the old
 * id follow it.
 *
 * Widget names for the tests: "station-name", "station-id", "machines",
 * "station-color", "plant-calendar" (the switch row; its switch is the
 * row's activatable widget), "station-error".
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"
#include "takt-shift-editor.h"

G_BEGIN_DECLS

#define TAKT_TYPE_STATION_EDITOR (takt_station_editor_get_type ())

G_DECLARE_FINAL_TYPE (TaktStationEditor, takt_station_editor, TAKT, STATION_EDITOR, AdwBin)

GtkWidget       *takt_station_editor_new           (void);
/* Shows station @station_id of @document, and re-reads it from the plan
 * when called again. */
void             takt_station_editor_show          (TaktStationEditor *self,
                                                    TaktDocument      *document,
                                                    const char        *station_id);
const char      *takt_station_editor_get_station   (TaktStationEditor *self);
TaktShiftEditor *takt_station_editor_get_shifts    (TaktStationEditor *self);

G_END_DECLS
