/* takt-duration-row.h — an entry row for a duration typed with its units
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People type "1 h 30 min", "90 min", "1.5 h", "45 s", "2 d" or a clock
 * span "1:30:00" / "1:30" (hours and minutes); the row keeps whole seconds
 * and shows them back the same way ("1 h 30 min").  Enter, or the focus
 * leaving the row, commits what was typed: ::commit is emitted with the
 * seconds when they parse and differ from the row's value, else the row
 * shows why in its "error" property.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Parses a duration; on failure @message (when given) says why, for
 * people.  Results are whole seconds (rounded), 0 or more. */
gboolean   takt_duration_parse            (const char      *text,
                                           gint64          *seconds,
                                           char           **message);
/* Exact, as takt_duration_parse() reads it back: "1 h 30 min", "45 s",
 * "2 d 1 h", "0 s". */
char      *takt_duration_to_string        (gint64           seconds);

#define TAKT_TYPE_DURATION_ROW (takt_duration_row_get_type ())

G_DECLARE_FINAL_TYPE (TaktDurationRow, takt_duration_row, TAKT, DURATION_ROW, AdwEntryRow)

GtkWidget *takt_duration_row_new          (const char      *title);
gint64     takt_duration_row_get_seconds  (TaktDurationRow *self);
/* Shows @seconds (and clears the error). */
void       takt_duration_row_set_seconds  (TaktDurationRow *self,
                                           gint64           seconds);
const char *takt_duration_row_get_error   (TaktDurationRow *self);
/* Marks the row as refused with @message; NULL clears it. */
void       takt_duration_row_set_error    (TaktDurationRow *self,
                                           const char      *message);

G_END_DECLS
