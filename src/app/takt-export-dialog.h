/* takt-export-dialog.h — Export: the PDF report or CSV files of a plan
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small window over a TaktWindow: the format (the PDF report, one of the
 * three CSV files, or all three), the report's paper, the orientation of
 * its schedule pages, the days it shows and how many pages wide the
 * schedule is, and "for Excel" for CSV.  Export… asks where (a save
 * dialog), then writes in a worker thread from a copy of the plan and its
 * schedule, with a progress bar and Cancel; when it is done the dialog
 * closes and the window shows a toast with an Open button.
 */

#pragma once

#include <adwaita.h>

#include "takt-window.h"

G_BEGIN_DECLS

typedef enum
{
  TAKT_EXPORT_PDF,
  TAKT_EXPORT_CSV_RUNS,
  TAKT_EXPORT_CSV_FULFILMENT,
  TAKT_EXPORT_CSV_COSTS,
  TAKT_EXPORT_CSV_ALL,       /* runs at the file chosen, the others beside it */
  TAKT_N_EXPORT_FORMATS
} TaktExportFormat;

#define TAKT_TYPE_EXPORT_DIALOG (takt_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TaktExportDialog, takt_export_dialog, TAKT, EXPORT_DIALOG, AdwWindow)

TaktExportDialog *takt_export_dialog_new          (TaktWindow       *window);

TaktExportFormat  takt_export_dialog_get_format   (TaktExportDialog *self);
void              takt_export_dialog_set_format   (TaktExportDialog *self,
                                                   TaktExportFormat  format);
gboolean          takt_export_dialog_get_busy     (TaktExportDialog *self);

/* Exports to @file at once, as Export… does after the save dialog. */
void              takt_export_dialog_export_to    (TaktExportDialog *self,
                                                   GFile            *file);
/* Stops a running export; the file is left as it was. */
void              takt_export_dialog_cancel       (TaktExportDialog *self);

G_END_DECLS
