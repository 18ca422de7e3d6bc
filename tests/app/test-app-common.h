/* test-app-common.h — helpers shared by the app's tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "takt-document.h"
#include "takt-window.h"

G_BEGIN_DECLS

/* A plan whose only order names a product that does not exist. */
#define TEST_BROKEN_PLAN \
  "{ \"format\": \"takt-plan\", \"version\": 1, \"name\": \"Broken\",\n" \
  "  \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 7 },\n" \
  "  \"stations\": [ { \"id\": \"print\", \"name\": \"Print\" } ],\n" \
  "  \"products\": [ { \"id\": \"vase\", \"name\": \"Vase\",\n" \
  "                    \"routing\": [ { \"station\": \"print\", \"cycle_s\": 600 } ] } ],\n" \
  "  \"orders\": [ { \"id\": \"SO-1\", \"product\": \"vaze\", \"quantity\": 2,\n" \
  "                  \"due\": \"2026-12-03T12:00\" } ] }\n"

void          test_isolate_dirs        (void);
void          test_init_gui            (int          *argc,
                                        char       ***argv);

/* The main loop */
gboolean      test_timeout_cb          (gpointer      user_data);
void          test_wait_until          (guint        *counter,
                                        guint         target,
                                        guint         timeout_ms);
void          test_spin                (guint         ms);

/* The sample plan, a window on it, its re-plans */
void          test_load_sample_into    (TaktDocument *document);
TaktDocument *test_new_sample_document (void);
TaktWindow   *test_present_window      (TaktDocument *document,
                                        int           width,
                                        int           height);
TaktWindow   *test_window_with_sample  (int           width,
                                        int           height);
void          test_count_replans       (TaktDocument *document,
                                        guint        *finals);
double        test_replan_and_wait     (TaktDocument *document);

/* Edits for takt_document_edit () */
gboolean      test_rename_plan         (TaktPlan     *plan,
                                        gpointer      name,
                                        GError      **error);
gboolean      test_longer_cycle        (TaktPlan     *plan,
                                        gpointer      seconds,
                                        GError      **error);

/* Widgets */
GtkWindow    *test_find_toplevel       (GType         type);
GtkWidget    *test_find_descendant     (GtkWidget    *root,
                                        GType         type);
void          test_collect_labels      (GtkWidget    *widget,
                                        GString      *out);
void          test_write_png           (GtkWidget    *widget,
                                        const char   *path);
void          test_shoot_light_and_dark (const char  *name,
                                         void       (*shoot) (const char *path));

G_END_DECLS
