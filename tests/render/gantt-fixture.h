/* gantt-fixture.h — plans and schedules built in C for the chart's tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These build the model structs directly (the chart only reads them), so the
 * renderer's tests do not depend on the loader or the planner.
 */

#pragma once

#include "takt-plan.h"

G_BEGIN_DECLS

/* "YYYY-MM-DDTHH:MM" as naive seconds; aborts on a typo. */
gint64        fixture_time            (const char   *iso);

TaktPlan     *fixture_plan_new        (const char   *name,
                                       gint64        horizon_start,
                                       gint64        days);
void          fixture_plan_free       (TaktPlan     *plan);

/* Weekdays open [from, to) seconds after midnight; Saturday [sat_from,
 * sat_to) when sat_to > sat_from; Sunday closed. */
TaktCalendar *fixture_calendar_new    (gint32        from,
                                       gint32        to,
                                       gint32        sat_from,
                                       gint32        sat_to);
TaktCalendar *fixture_calendar_always (void);
void          fixture_calendar_close  (TaktCalendar *calendar,
                                       gint64        date);

int           fixture_add_station     (TaktPlan     *plan,
                                       const char   *id,
                                       const char   *name,
                                       gint64        machines,
                                       TaktCalendar *calendar,
                                       const char   *color);
int           fixture_add_product     (TaktPlan     *plan,
                                       const char   *id,
                                       const char   *name,
                                       const char   *color);
int           fixture_add_order       (TaktPlan     *plan,
                                       const char   *id,
                                       int           product,
                                       gint64        quantity,
                                       gint64        due);
int           fixture_add_campaign    (TaktPlan     *plan,
                                       const char   *id,
                                       const char   *name,
                                       TaktChannel   channel,
                                       gint64        start,
                                       gint64        end);

TaktRun      *fixture_add_run         (TaktPlan     *plan,
                                       int           product,
                                       gint64        quantity,
                                       gboolean      pinned);
void          fixture_run_add_step    (TaktRun      *run,
                                       int           station,
                                       gint64        machine,
                                       gint64        setup_start,
                                       gint64        start,
                                       gint64        end);
void          fixture_run_add_cover   (TaktRun      *run,
                                       const char   *demand,
                                       gint64        quantity);

/* A small 3D-print farm over two weeks of December 2026: four stations,
 * eight products, orders (some late), campaigns, pins and one conflict. */
TaktPlan     *fixture_print_farm      (void);
/* @stations × @machines machine rows, each with @runs one-step runs back to
 * back (with setups, gaps and weekend closures) from 2027-01-04. */
TaktPlan     *fixture_synthetic       (guint         stations,
                                       guint         machines,
                                       guint         runs);

G_END_DECLS
