/* takt-preferences-window.h — the preferences, kept in GSettings
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAKT_TYPE_PREFERENCES_WINDOW (takt_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TaktPreferencesWindow, takt_preferences_window, TAKT, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *takt_preferences_window_new (GtkWindow *parent,
                                        GSettings *settings);

G_END_DECLS
