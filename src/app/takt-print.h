/* takt-print.h — printing a plan: the PDF report's pages through GtkPrintOperation
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "takt-document.h"

G_BEGIN_DECLS

/* A print operation that draws the report of @document's plan and
 * schedule as it is when printing begins, on the paper the print setup
 * chooses (US Letter for a Letter-sized paper, A4 proportions otherwise),
 * each page upright or turned as the report has it. */
GtkPrintOperation *takt_print_operation_new (TaktDocument *document);

/* Shows the print dialog over @parent and prints; errors are shown in a
 * dialog. */
void               takt_print_document      (GtkWindow    *parent,
                                             TaktDocument *document);

G_END_DECLS
