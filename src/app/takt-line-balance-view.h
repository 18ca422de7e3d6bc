/* takt-line-balance-view.h — the line balance (yamazumi) chart of a document
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin GtkDrawingArea over the cairo chart of takt-chart-views.h: per
 * station the work per unit stacked by product against the station's takt
 * time, the most loaded station marked.  It is rebuilt from the document's
 * plan and figures when they change (while it is on screen, else when it
 * is shown next) and drawn in the light or dark style of the application.
 * Pointing at a bar shows its values.
 */

#pragma once

#include <adwaita.h>

#include "takt-chart.h"
#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_LINE_BALANCE_VIEW (takt_line_balance_view_get_type ())

G_DECLARE_FINAL_TYPE (TaktLineBalanceView, takt_line_balance_view, TAKT, LINE_BALANCE_VIEW, GtkDrawingArea)

GtkWidget  *takt_line_balance_view_new          (void);
void        takt_line_balance_view_set_document (TaktLineBalanceView *self,
                                                 TaktDocument        *document);
/* The plan or its figures changed. */
void        takt_line_balance_view_update       (TaktLineBalanceView *self);
/* The chart as last built (NULL before), with its last drawing's geometry. */
TaktChart  *takt_line_balance_view_get_chart    (TaktLineBalanceView *self);
/* The bottleneck in words ("Print farm needs 87 % of its working time"),
 * for the page and assistive technology; NULL before the chart is built. */
const char *takt_line_balance_view_get_summary  (TaktLineBalanceView *self);
/* How many times the chart was rebuilt (for the tests). */
guint       takt_line_balance_view_get_builds   (TaktLineBalanceView *self);

G_END_DECLS
