/* takt-window.h — a window showing one plan
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_WINDOW (takt_window_get_type ())

G_DECLARE_FINAL_TYPE (TaktWindow, takt_window, TAKT, WINDOW, AdwApplicationWindow)

TaktWindow   *takt_window_new            (GtkApplication *application,
                                          TaktDocument   *document);
TaktDocument *takt_window_get_document   (TaktWindow     *self);
void          takt_window_set_document   (TaktWindow     *self,
                                          TaktDocument   *document);

/* Loads @file into a new document.  On success the document is returned;
 * on failure the window shows a dialog listing the problems, keeps what it
 * had and NULL is returned. */
TaktDocument *takt_window_load_file      (TaktWindow     *self,
                                          GFile          *file);
/* Opens @file as the Open dialog does (see takt_application_open_file()). */
void          takt_window_open_file      (TaktWindow     *self,
                                          GFile          *file);

void          takt_window_show_error     (TaktWindow     *self,
                                          const char     *heading,
                                          const char     *body);
void          takt_window_add_toast      (TaktWindow     *self,
                                          const char     *title);
void          takt_window_add_toast_full (TaktWindow     *self,
                                          AdwToast       *toast);

/* The visible page's name ("schedule", "campaigns", …). */
const char   *takt_window_get_page       (TaktWindow     *self);
void          takt_window_set_page       (TaktWindow     *self,
                                          const char     *name);
GtkWidget    *takt_window_get_page_widget (TaktWindow    *self,
                                           const char    *name);

G_END_DECLS
