/* takt-gantt-view.h — the schedule as a Gantt chart one can drag runs in
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TaktGanttView draws a document's schedule with the cairo renderer
 * (takt-gantt-renderer.h) and maps pointer, touch and keys onto it: zoom
 * and scroll (it is a GtkScrollable: horizontal time, vertical rows),
 * hover details, selection, and dragging a run to pin it somewhere else.
 * Every change it makes to the plan is one undo step of the document.
 *
 * The drag is driven by a GtkGestureDrag through begin/update/end below;
 * tests call the same functions at pixel positions taken from
 * takt_gantt_view_get_bar_rect().
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_GANTT_VIEW (takt_gantt_view_get_type ())

G_DECLARE_FINAL_TYPE (TaktGanttView, takt_gantt_view, TAKT, GANTT_VIEW, GtkWidget)

GtkWidget    *takt_gantt_view_new                (void);

TaktDocument *takt_gantt_view_get_document       (TaktGanttView *self);
void          takt_gantt_view_set_document       (TaktGanttView *self,
                                                  TaktDocument  *document);

/* The snap interval of drags and Shift+←/→, in minutes (the GSettings key
 * snap-minutes when the schema is installed, else 15). */
int           takt_gantt_view_get_snap_minutes   (TaktGanttView *self);
void          takt_gantt_view_set_snap_minutes   (TaktGanttView *self,
                                                  int            minutes);

/* The selected run: an index into the document's current schedule, or -1. */
int           takt_gantt_view_get_selected_run   (TaktGanttView *self);
void          takt_gantt_view_select_run         (TaktGanttView *self,
                                                  int            run,
                                                  gboolean       extend);
/* What the selection is, in words ("Spiral vase × 20 on Print farm 2, …"),
 * as assistive technology gets it; NULL when nothing is selected. */
char         *takt_gantt_view_describe_selection (TaktGanttView *self);

/* Zoom: seconds per px of the time axis. */
double        takt_gantt_view_get_seconds_per_px (TaktGanttView *self);
void          takt_gantt_view_zoom_at            (TaktGanttView *self,
                                                  double         factor,
                                                  double         x);
void          takt_gantt_view_zoom_fit           (TaktGanttView *self);
/* The zoom's bounds for the current plan and size; FALSE with no plan. */
gboolean      takt_gantt_view_get_zoom_limits    (TaktGanttView *self,
                                                  double        *min_seconds_per_px,
                                                  double        *max_seconds_per_px);
/* Scrolls so that @t is at @x (widget px), as far as the range allows. */
void          takt_gantt_view_scroll_to_time     (TaktGanttView *self,
                                                  gint64         t,
                                                  double         x);

/* Where step @step of run @run is drawn, in widget px (setup included).
 * FALSE when the run or step does not exist or has no row. */
gboolean      takt_gantt_view_get_bar_rect       (TaktGanttView *self,
                                                  int            run,
                                                  int            step,
                                                  graphene_rect_t *rect);
/* The exact instant at x and the x of an instant, at the current zoom. */
double        takt_gantt_view_time_at_x          (TaktGanttView *self,
                                                  double         x);
double        takt_gantt_view_x_for_time         (TaktGanttView *self,
                                                  gint64         t);
/* The y of the middle of a machine's row (1-based machine), or -1. */
double        takt_gantt_view_row_center_y       (TaktGanttView *self,
                                                  int            station_index,
                                                  gint64         machine);

/* Dragging at widget coordinates.  begin returns FALSE when (@x, @y) is
 * not on a bar.  end drops: pins the run at the ghost's place when that is
 * valid (one undo step, TRUE) and snaps back otherwise (FALSE). */
gboolean      takt_gantt_view_begin_drag         (TaktGanttView *self,
                                                  double         x,
                                                  double         y);
void          takt_gantt_view_update_drag        (TaktGanttView *self,
                                                  double         x,
                                                  double         y,
                                                  gboolean       free_placement);
gboolean      takt_gantt_view_end_drag           (TaktGanttView *self);
void          takt_gantt_view_cancel_drag        (TaktGanttView *self);
gboolean      takt_gantt_view_get_dragging       (TaktGanttView *self);
/* The ghost: where the first step would start and on which machine, and
 * why it cannot go there (NULL when it can). */
gboolean      takt_gantt_view_get_drop_target    (TaktGanttView *self,
                                                  gint64        *start,
                                                  gint64        *machine,
                                                  const char   **reason);
/* What the drop would do to cost and lateness ("−€3.20 · 1 order no longer
 * late"), or the reason it cannot be dropped; NULL when not dragging. */
const char   *takt_gantt_view_get_drop_summary   (TaktGanttView *self);

/* The pin of run @run in the document's plan (index into plan->pins), or
 * -1 when the run is not pinned or its pin cannot be told. */
int           takt_gantt_view_find_pin           (TaktGanttView *self,
                                                  int            run);

/* The edits of the context menu, without their dialogs. */
gboolean      takt_gantt_view_split_selected     (TaktGanttView *self,
                                                  gint64         first_quantity);

G_END_DECLS
