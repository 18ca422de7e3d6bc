/* takt-shift-editor.h — a working calendar, editable: weekly shifts and exceptions
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits the plant's calendar or a station's own one through two preferences
 * groups the host puts on its page:
 * - the week: a row per weekday (from the week-start setting on), its
 *   shifts as "06:00 – 14:00" rows with a remove button and a row to add
 *   one; a shift that overlaps another, or a time that is not one, is
 *   refused with a message and nothing changes;
 * - holidays and exceptions: dates picked in a calendar, each with its own
 *   shifts (none: closed all day).
 * Every change is one undo step of the document.  A plant without a
 * calendar works around the clock; its first change gives it one.
 *
 * Widget names for the tests, with K the weekday (0 = Monday) or the date
 * ("2026-12-24"): "weekday-K" / "exception-K" (the expander rows),
 * "shift-from-K", "shift-to-K", "add-shift-K", "shift-error-K",
 * "remove-shift-K-I" (I the shift's index), "remove-exception-K";
 * "exception-calendar", "add-exception", "exception-error" in the
 * date picker.
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_SHIFT_EDITOR (takt_shift_editor_get_type ())

G_DECLARE_FINAL_TYPE (TaktShiftEditor, takt_shift_editor, TAKT, SHIFT_EDITOR, GObject)

TaktShiftEditor *takt_shift_editor_new                  (void);
/* (transfer none) The two groups, to add to a preferences page. */
GtkWidget       *takt_shift_editor_get_week_group       (TaktShiftEditor *self);
GtkWidget       *takt_shift_editor_get_exceptions_group (TaktShiftEditor *self);

/* Edits the calendar of station @station_id, or the plant's when it is
 * NULL; re-reads it from the plan when called again. */
void             takt_shift_editor_show                 (TaktShiftEditor *self,
                                                         TaktDocument    *document,
                                                         const char      *station_id);

/* Parses a time of day typed by a person: "6", "06", "6:00", "06:00",
 * "0600", "6.30"; "24:00" only when @end (a shift's end).  Seconds after
 * midnight. */
gboolean         takt_shift_parse_time                  (const char      *text,
                                                         gboolean         end,
                                                         gint32          *seconds);

G_END_DECLS
