/* takt-import-dialog.h — orders or forecast from a CSV file, with a preview and a mapping
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog walks the steps of takt-import-csv.h: a file is read (a
 * GtkFileChooserNative, or takt_import_dialog_load_file()), its first rows
 * are shown, the column of each field, the delimiter and the date format
 * are proposed and can be changed, unknown products can be created, and
 * every row's problem is listed with its row number.  "Import" adds the
 * valid rows to the document as one undo step ("Import 42 Orders") and
 * emits ::imported; "Cancel" (or closing the window) changes nothing.
 *
 * The actions "import.apply" and "import.cancel" are what the buttons do.
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"
#include "takt-import-csv.h"

G_BEGIN_DECLS

#define TAKT_TYPE_IMPORT_DIALOG (takt_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TaktImportDialog, takt_import_dialog, TAKT, IMPORT_DIALOG, AdwWindow)

GtkWidget                 *takt_import_dialog_new                (TaktDocument       *document,
                                                                  TaktCsvImportKind   kind);

/* Asks for a file with a file chooser; the dialog is presented once a file
 * is read, and destroyed when the chooser is cancelled before any was. */
void                       takt_import_dialog_choose_file        (TaktImportDialog   *self);
/* Reads @file at once (what the file chooser leads to). */
gboolean                   takt_import_dialog_load_file          (TaktImportDialog   *self,
                                                                  GFile              *file,
                                                                  GError            **error);
gboolean                   takt_import_dialog_load_data          (TaktImportDialog   *self,
                                                                  const char         *data,
                                                                  gsize               length,
                                                                  const char         *display_name,
                                                                  GError            **error);

/* What the controls set; each change checks the rows again. */
TaktCsvImportKind          takt_import_dialog_get_kind           (TaktImportDialog   *self);
void                       takt_import_dialog_set_kind           (TaktImportDialog   *self,
                                                                  TaktCsvImportKind   kind);
char                       takt_import_dialog_get_delimiter      (TaktImportDialog   *self);
void                       takt_import_dialog_set_delimiter      (TaktImportDialog   *self,
                                                                  char                delimiter);
const TaktCsvMapping      *takt_import_dialog_get_mapping        (TaktImportDialog   *self);
/* @column -1: the field is not imported. */
void                       takt_import_dialog_set_column         (TaktImportDialog   *self,
                                                                  TaktCsvField        field,
                                                                  int                 column);
void                       takt_import_dialog_set_date_format    (TaktImportDialog   *self,
                                                                  TaktCsvDateFormat   format);
void                       takt_import_dialog_set_has_header     (TaktImportDialog   *self,
                                                                  gboolean            has_header);
/* Whether an unknown product (as the file names it) is created on import;
 * its rows are skipped when not.  All are offered for creation at first. */
void                       takt_import_dialog_set_create_product (TaktImportDialog   *self,
                                                                  const char         *product,
                                                                  gboolean            create);

/* (nullable) The rows under the current settings: valid ones, problems,
 * unknown products. */
const TaktCsvImportResult *takt_import_dialog_get_result         (TaktImportDialog   *self);
/* The rows "Import" would add now. */
guint                      takt_import_dialog_get_n_importable   (TaktImportDialog   *self);

G_END_DECLS
