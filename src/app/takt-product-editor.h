/* takt-product-editor.h — every field of one product, editable
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Id, name and colour; setup, holding, late and unit costs and the price
 * (in the plan's currency); initial stock and the bounds of a run; the
 * routing (takt-routing-editor.h).  Every change is one undo step; typing
 * into the name is one step until the focus leaves it.  A new id is applied
 * with Enter or the apply button, and every order, forecast, campaign share
 * and pin naming the old id is changed with it, so the plan stays valid.
 *
 * Widget names for the tests: "product-id", "product-name", "product-color",
 * "setup-cost", "holding-cost", "late-cost", "unit-cost", "price",
 * "initial-stock", "min-run", "max-run" (the rows; their spin buttons via
 * takt_spin_row_get_spin()), "product-error", "routing".
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_PRODUCT_EDITOR (takt_product_editor_get_type ())

G_DECLARE_FINAL_TYPE (TaktProductEditor, takt_product_editor, TAKT, PRODUCT_EDITOR, AdwBin)

GtkWidget  *takt_product_editor_new         (void);
/* Shows product @product_id of @document, and re-reads it from the plan
 * when called again (after every change of the document). */
void        takt_product_editor_show        (TaktProductEditor *self,
                                             TaktDocument      *document,
                                             const char        *product_id);
const char *takt_product_editor_get_product (TaktProductEditor *self);

G_END_DECLS
