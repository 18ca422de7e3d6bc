/* takt-application.h — the Takt application: windows, settings, app actions
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_APPLICATION (takt_application_get_type ())

G_DECLARE_FINAL_TYPE (TaktApplication, takt_application, TAKT, APPLICATION, AdwApplication)

#define TAKT_SAMPLE_PLAN_URI "resource:///io/github/taktplanner/Takt/examples/print-farm.takt"

TaktApplication *takt_application_new              (void);

/* NULL when the schema is not installed (running from an odd place). */
GSettings       *takt_application_get_settings     (TaktApplication *self);

/* The window showing @file, if any. */
GtkWindow       *takt_application_find_window      (TaktApplication *self,
                                                    GFile           *file);
/* Opens @file: focuses its window when it is open already, else loads it
 * into @hint when that window shows an untouched plan, else into a new
 * window.  A refused file gets a dialog listing its problems. */
void             takt_application_open_file        (TaktApplication *self,
                                                    GFile           *file,
                                                    GtkWindow       *hint);
/* A new plan, in @hint when it is untouched, else in a new window. */
void             takt_application_new_plan         (TaktApplication *self,
                                                    GtkWindow       *hint);

G_END_DECLS
