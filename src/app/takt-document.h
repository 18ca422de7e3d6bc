/* takt-document.h — one open plan: its file, undo history and live schedule
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TaktDocument owns a checked TaktPlan.  Every change goes through
 * takt_document_edit(), which records one undo step (the plan's bytes
 * before and after), marks the document dirty, emits ::changed and starts
 * a debounced re-plan in a worker thread.  Widgets must not keep pointers
 * into the plan across ::changed: undo and redo replace it.
 *
 * The plan a document holds never carries a schedule; the computed one is
 * the document's own "schedule" property and is written out on save.
 */

#pragma once

#include <gio/gio.h>

#include "takt-plan.h"
#include "takt-planner.h"

G_BEGIN_DECLS

#define TAKT_TYPE_DOCUMENT (takt_document_get_type ())

G_DECLARE_FINAL_TYPE (TaktDocument, takt_document, TAKT, DOCUMENT, GObject)

/* Changes @plan in place.  Return FALSE with @error set to refuse the edit;
 * the document then keeps its plan as it was. */
typedef gboolean (*TaktDocumentEditFunc) (TaktPlan  *plan,
                                          gpointer   user_data,
                                          GError   **error);

/* A recovery file left behind by a session that did not end cleanly. */
typedef struct
{
  char   *id;            /* the document id it belongs to */
  char   *path;          /* the recovered plan */
  char   *uri;           /* the file the plan came from; NULL when it had none */
  char   *title;         /* the plan's title when it was written */
  gint64  modified;      /* unix time (µs) it was written */
} TaktRecovery;

void                takt_recovery_free               (TaktRecovery         *recovery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktRecovery, takt_recovery_free)

TaktPlan           *takt_document_blank_plan         (void);
TaktDocument       *takt_document_new                (void);
TaktDocument       *takt_document_new_from_plan      (TaktPlan             *plan);

gboolean            takt_document_load               (TaktDocument         *self,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
gboolean            takt_document_load_from_bytes    (TaktDocument         *self,
                                                      GBytes               *bytes,
                                                      const char           *display_name,
                                                      GError              **error);
gboolean            takt_document_save               (TaktDocument         *self,
                                                      GError              **error);
gboolean            takt_document_save_as            (TaktDocument         *self,
                                                      GFile                *file,
                                                      GError              **error);

const TaktPlan     *takt_document_get_plan           (TaktDocument         *self);
GFile              *takt_document_get_file           (TaktDocument         *self);
const char         *takt_document_get_title          (TaktDocument         *self);
char               *takt_document_dup_display_name   (TaktDocument         *self);
gboolean            takt_document_get_dirty          (TaktDocument         *self);
gboolean            takt_document_is_pristine        (TaktDocument         *self);
const char         *takt_document_get_id             (TaktDocument         *self);
guint               takt_document_get_revision       (TaktDocument         *self);

/* The plan's bytes as saved, without the schedule (what undo restores). */
GBytes             *takt_document_serialize          (TaktDocument         *self);

/* Editing and history. */
gboolean            takt_document_edit               (TaktDocument         *self,
                                                      const char           *description,
                                                      TaktDocumentEditFunc  func,
                                                      gpointer              user_data,
                                                      GError              **error);
gboolean            takt_document_edit_merge         (TaktDocument         *self,
                                                      const char           *description,
                                                      const char           *merge_key,
                                                      TaktDocumentEditFunc  func,
                                                      gpointer              user_data,
                                                      GError              **error);
gboolean            takt_document_get_can_undo       (TaktDocument         *self);
gboolean            takt_document_get_can_redo       (TaktDocument         *self);
const char         *takt_document_get_undo_label     (TaktDocument         *self);
const char         *takt_document_get_redo_label     (TaktDocument         *self);
gboolean            takt_document_undo               (TaktDocument         *self);
gboolean            takt_document_redo               (TaktDocument         *self);

/* Live planning. */
const TaktSchedule *takt_document_get_schedule       (TaktDocument         *self);
const TaktPlanStats *takt_document_get_stats         (TaktDocument         *self);
gboolean            takt_document_get_schedule_saved (TaktDocument         *self);
gboolean            takt_document_get_searching      (TaktDocument         *self);
double              takt_document_get_search_progress (TaktDocument        *self);
gboolean            takt_document_stop_search        (TaktDocument         *self);
gboolean            takt_document_get_replanning     (TaktDocument         *self);
void                takt_document_replan             (TaktDocument         *self);
void                takt_document_set_replan_delay   (TaktDocument         *self,
                                                      guint                 delay_ms);
void                takt_document_set_time_limit_ms  (TaktDocument         *self,
                                                      gint64                time_limit_ms);

/* Crash recovery. */
void                takt_document_set_autosave_delay (TaktDocument         *self,
                                                      guint                 delay_ms);
gboolean            takt_document_autosave_now       (TaktDocument         *self,
                                                      GError              **error);
void                takt_document_discard_recovery   (TaktDocument         *self);
gboolean            takt_document_restore_recovery   (TaktDocument         *self,
                                                      const TaktRecovery   *recovery,
                                                      GError              **error);
char               *takt_document_get_recovery_dir   (void);
GPtrArray          *takt_document_list_recoveries    (void);
void                takt_document_delete_recovery    (const TaktRecovery   *recovery);

G_END_DECLS
