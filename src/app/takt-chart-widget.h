/* takt-chart-widget.h — a cairo chart (takt-chart.h) as a widget, with hover read-outs
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TaktChartWidget draws a TaktChart at its allocated size, in the light
 * or dark style of the application (AdwStyleManager), with crisp lines at
 * the display's scale factor, on the background of the card it sits in.
 * Moving the pointer over it shows the exact values under the pointer (the
 * chart draws the read-out itself, so it is the same on screen and in the
 * tests); the read-out text is also the widget's accessible description.
 */

#pragma once

#include <adwaita.h>

#include "takt-chart.h"

G_BEGIN_DECLS

#define TAKT_TYPE_CHART_WIDGET (takt_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (TaktChartWidget, takt_chart_widget, TAKT, CHART_WIDGET, GtkWidget)

GtkWidget  *takt_chart_widget_new              (void);

/* Shows @chart (the widget takes it; NULL shows nothing). */
void        takt_chart_widget_set_chart        (TaktChartWidget *self,
                                                TaktChart       *chart);
/* (transfer none) The chart, with the geometry of its last drawing. */
TaktChart  *takt_chart_widget_get_chart        (TaktChartWidget *self);

/* The height the widget asks for (px). */
void        takt_chart_widget_set_chart_height (TaktChartWidget *self,
                                                int              height);

/* What the pointer does: a read-out of the values at (@x, @y), in widget
 * coordinates; _leave() removes it.  The motion controller calls these. */
void        takt_chart_widget_hover            (TaktChartWidget *self,
                                                double           x,
                                                double           y);
void        takt_chart_widget_leave            (TaktChartWidget *self);
/* The read-out shown now ("3 Dec\nHolding: €1.20"), or NULL. */
const char *takt_chart_widget_get_readout      (TaktChartWidget *self);

G_END_DECLS
