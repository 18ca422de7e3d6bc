/* takt-products-page.h — the Products page: a searchable list and an editor
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "takt-editor-list.h"
#include "takt-page.h"
#include "takt-product-editor.h"

G_BEGIN_DECLS

#define TAKT_TYPE_PRODUCTS_PAGE (takt_products_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktProductsPage, takt_products_page, TAKT, PRODUCTS_PAGE, TaktPage)

GtkWidget         *takt_products_page_new        (void);
TaktEditorList    *takt_products_page_get_list   (TaktProductsPage *self);
TaktProductEditor *takt_products_page_get_editor (TaktProductsPage *self);

G_END_DECLS
