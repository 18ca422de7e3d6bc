/* takt-gantt-view-private.h — what the Gantt view's files share
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * takt-gantt-view.c draws, scrolls, zooms, selects and answers keys;
 * takt-gantt-view-dnd.c drags, previews and edits the pins.
 */

#pragma once

#include "takt-calendar.h"
#include "takt-gantt-renderer.h"
#include "takt-gantt-view.h"

G_BEGIN_DECLS

/* A run as a person knows it, so that it can be found again in the next
 * schedule (run indices and ids change with every re-plan). */
typedef struct
{
  int      product_index;
  int      station_index;   /* of the first step */
  gint64   machine;         /* of the first step */
  gint64   start;           /* the first step's first unit (a pin's start) */
  gint64   quantity;
  gboolean pinned;
} TaktGanttRunKey;

/* One bar of a machine row, for moving along it with the keyboard. */
typedef struct
{
  guint  run;
  guint  step;
  gint64 begin;
} TaktGanttRowBar;

typedef struct _TaktGanttDrag    TaktGanttDrag;
typedef struct _TaktGanttPreview TaktGanttPreview;

struct _TaktGanttView
{
  GtkWidget            parent_instance;

  TaktDocument        *document;
  gboolean             schedule_stale;  /* the plan changed; its schedule is on the way */

  /* Drawing. */
  TaktGanttLayout     *layout;          /* NULL: to be built from the document */
  TaktGanttLayout     *stale_layout;    /* the previous one, kept for its text */
  TaktGanttViewport    viewport;
  TaktGanttState       state;
  gboolean             zoom_set;        /* the zoom was chosen for this document */
  GArray             **row_bars;        /* per layout row, of TaktGanttRowBar by begin */
  guint                n_row_bars;
  TaktWorkTime       **work_times;      /* per station, built on demand */
  guint                n_work_times;

  /* Scrolling. */
  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  guint                hscroll_policy : 1;
  guint                vscroll_policy : 1;
  guint                in_configure : 1;

  /* Selection: keys, the primary first; resolved against each layout. */
  GArray              *selection;       /* of TaktGanttRunKey */
  guint8              *selected_flags;  /* one per run of the layout */
  int                  selected_run;
  int                  selected_step;   /* the step the keyboard walks rows with */

  /* Pointer. */
  double               pointer_x;
  double               pointer_y;
  gboolean             pointer_inside;
  double               zoom_gesture_scale;

  GSettings           *settings;
  int                  snap_minutes;
  guint                now_source;

  GtkWidget           *context_menu;

  /* Dragging (takt-gantt-view-dnd.c). */
  GtkGesture          *drag_gesture;
  TaktGanttDrag       *drag;
  TaktGanttPreview    *preview;
  char                *drop_summary;
  gboolean             drop_pending;    /* a dropped ghost shown until the re-plan */
  double               last_preview_ms; /* how long the last preview re-plan took */
  guint                autoscroll_tick;
  gboolean             autoscroll_armed; /* the drag has left the edges once */
};

/* takt-gantt-view.c */
TaktGanttLayout    *takt_gantt_view_ensure_layout      (TaktGanttView         *self);
const TaktPlan     *takt_gantt_view_get_plan           (TaktGanttView         *self);
const TaktRun      *takt_gantt_view_get_run            (TaktGanttView         *self,
                                                        int                    run);
void                takt_gantt_view_key_for_run        (TaktGanttView         *self,
                                                        int                    run,
                                                        TaktGanttRunKey       *key);
void                takt_gantt_view_set_selection_keys (TaktGanttView         *self,
                                                        const TaktGanttRunKey *keys,
                                                        guint                  n_keys);
const TaktGanttRunKey *takt_gantt_view_get_primary_key (TaktGanttView         *self);
int                 takt_gantt_view_resolve_key        (TaktGanttView         *self,
                                                        const TaktGanttRunKey *key);
char               *takt_gantt_view_describe_run       (TaktGanttView         *self,
                                                        int                    run);
void                takt_gantt_view_set_drop_summary   (TaktGanttView         *self,
                                                        const char            *summary);
void                takt_gantt_view_drag_state_changed (TaktGanttView         *self);
void                takt_gantt_view_autoscroll         (TaktGanttView         *self,
                                                        double                 x,
                                                        double                 y);
/* The details shown when hovering over a run (Pango markup). */
char               *takt_gantt_view_dup_run_markup     (TaktGanttView         *self,
                                                        int                    run);
char               *takt_gantt_view_machine_name       (TaktGanttView         *self,
                                                        int                    station_index,
                                                        gint64                 machine);

/* takt-gantt-view-dnd.c */
void                takt_gantt_view_dnd_init           (TaktGanttView         *self);
void                takt_gantt_view_dnd_dispose        (TaktGanttView         *self);
void                takt_gantt_view_dnd_plan_changed   (TaktGanttView         *self);
const TaktWorkTime *takt_gantt_view_work_time          (TaktGanttView         *self,
                                                        int                    station_index);
gint64              takt_gantt_view_snap               (TaktGanttView         *self,
                                                        double                 t);
int                 takt_gantt_view_find_pin_for_key   (TaktGanttView         *self,
                                                        const TaktGanttRunKey *key);
gboolean            takt_gantt_view_move_selected      (TaktGanttView         *self,
                                                        int                    direction);
gboolean            takt_gantt_view_change_machine     (TaktGanttView         *self,
                                                        int                    delta);
gboolean            takt_gantt_view_pin_selected       (TaktGanttView         *self);
gboolean            takt_gantt_view_unpin_selected     (TaktGanttView         *self);
gboolean            takt_gantt_view_merge_selected     (TaktGanttView         *self);
gboolean            takt_gantt_view_replan_jit_selected (TaktGanttView        *self);
gboolean            takt_gantt_view_selection_has_pins (TaktGanttView         *self);
int                 takt_gantt_view_find_merge_partner (TaktGanttView         *self);

G_END_DECLS
