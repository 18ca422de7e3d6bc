/* takt-schedule-page.h — the Schedule page: the Gantt chart of the runs
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "takt-page.h"

G_BEGIN_DECLS

#define TAKT_TYPE_SCHEDULE_PAGE (takt_schedule_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktSchedulePage, takt_schedule_page, TAKT, SCHEDULE_PAGE, TaktPage)

GtkWidget *takt_schedule_page_new (void);

G_END_DECLS
