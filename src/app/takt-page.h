/* takt-page.h — the base of the window's pages: a widget showing a document
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_PAGE (takt_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (TaktPage, takt_page, TAKT, PAGE, AdwBin)

struct _TaktPageClass
{
  AdwBinClass parent_class;

  /* The plan changed (or a new document was set): rebuild from it.  Called
   * at once while the page is shown, else when it is shown next. */
  void (*plan_changed)     (TaktPage *self);
  /* A new schedule or new figures arrived (the same rule). */
  void (*schedule_changed) (TaktPage *self);
};

TaktDocument *takt_page_get_document (TaktPage     *self);
void          takt_page_set_document (TaktPage     *self,
                                      TaktDocument *document);

/* The plan's currency, for takt_format_money(). */
const char   *takt_page_get_currency (TaktPage     *self);

G_END_DECLS
