/* takt-plan-properties.h — the plan's name, currency, horizon and planning options
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preferences window (win.plan-properties) over one document: name,
 * currency, the horizon's start (a date from a calendar and a time) and
 * length in days, the strategy and the search time limit.  Every change is
 * one undo step of the document; typing the name is one step until the
 * focus leaves it; a refused value shows the core's message and changes
 * nothing.
 *
 * Widget names for the tests: "plan-name", "plan-currency",
 * "horizon-date", "horizon-calendar", "horizon-time", "horizon-days",
 * "strategy", "time-limit"; refusals show in "plan-error", "horizon-error"
 * and "planning-error".
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_PLAN_PROPERTIES (takt_plan_properties_get_type ())

G_DECLARE_FINAL_TYPE (TaktPlanProperties, takt_plan_properties, TAKT, PLAN_PROPERTIES, AdwPreferencesWindow)

GtkWidget    *takt_plan_properties_new          (GtkWindow          *parent,
                                                 TaktDocument       *document);
TaktDocument *takt_plan_properties_get_document (TaktPlanProperties *self);

G_END_DECLS
