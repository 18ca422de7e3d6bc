/* takt-routing-editor.h — the steps of a product's routing, editable
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preferences group with a row per step: its station (a drop-down of the
 * plan's stations), its cycle time per unit and its setup time per run
 * (durations typed with units), and buttons to move it up or down or to
 * remove it; an Add Step button in the group's header.  Every change is one
 * undo step of the document; a refused one leaves the plan as it was and
 * shows the core's message under the step.
 *
 * The widgets carry names the tests find them by: "routing-step-N",
 * "station-N", "cycle-time-N", "setup-time-N", "step-error-N" (N from 0).
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

#define TAKT_TYPE_ROUTING_EDITOR (takt_routing_editor_get_type ())

G_DECLARE_FINAL_TYPE (TaktRoutingEditor, takt_routing_editor, TAKT, ROUTING_EDITOR, AdwPreferencesGroup)

GtkWidget *takt_routing_editor_new          (void);
/* Shows the routing of product @product_id of @document (and re-reads it
 * from the plan when called again). */
void       takt_routing_editor_show         (TaktRoutingEditor *self,
                                             TaktDocument      *document,
                                             const char        *product_id);
guint      takt_routing_editor_get_n_steps  (TaktRoutingEditor *self);

G_END_DECLS
