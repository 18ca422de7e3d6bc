/* takt-chart-private.h — drawing helpers the charts and the calendar share
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "takt-chart.h"

G_BEGIN_DECLS

void         takt_chart_set_source       (cairo_t              *cr,
                                          const TaktGanttColor *color,
                                          double                alpha);
PangoLayout *takt_chart_new_text_layout  (cairo_t              *cr,
                                          const char           *family,
                                          double                size,
                                          PangoWeight           weight);
/* Sets @text (plain, no width limit) and returns its size in px. */
void         takt_chart_measure_text     (PangoLayout          *layout,
                                          const char           *text,
                                          double               *width,
                                          double               *height);
/* Black or white, whichever reads better on @background. */
void         takt_chart_text_color_on    (const TaktGanttColor *background,
                                          TaktGanttColor       *text);
/* A rectangle with rounded corners at the left and/or right. */
void         takt_chart_rounded_rect     (cairo_t              *cr,
                                          double                x,
                                          double                y,
                                          double                width,
                                          double                height,
                                          double                radius,
                                          gboolean              round_left,
                                          gboolean              round_right);
/* A date through g_date_time_format(), trimmed. */
char        *takt_chart_format_datetime  (gint64                t,
                                          const char           *format);

G_END_DECLS
