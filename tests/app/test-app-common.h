/* test-app-common.h — helpers shared by the app's tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A plan whose only order names a product that does not exist. */
#define TEST_BROKEN_PLAN \
  "{ \"format\": \"takt-plan\", \"version\": 1, \"name\": \"Broken\",\n" \
  "  \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 7 },\n" \
  "  \"stations\": [ { \"id\": \"print\", \"name\": \"Print\" } ],\n" \
  "  \"products\": [ { \"id\": \"vase\", \"name\": \"Vase\",\n" \
  "                    \"routing\": [ { \"station\": \"print\", \"cycle_s\": 600 } ] } ],\n" \
  "  \"orders\": [ { \"id\": \"SO-1\", \"product\": \"vaze\", \"quantity\": 2,\n" \
  "                  \"due\": \"2026-12-03T12:00\" } ] }\n"

/* Points the XDG folders (recent files, recovery files) at a new temporary
 * folder, before GLib reads them.  A test's subprocess shares its parent's
 * folder. */
static inline void
test_isolate_dirs (void)
{
  static const char * const vars[] = { "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  char *root = g_strdup (g_getenv ("TAKT_TEST_ROOT"));

  if (root == NULL)
    {
      root = g_dir_make_tmp ("takt-app-test-XXXXXX", NULL);
      g_assert (root != NULL);
      g_setenv ("TAKT_TEST_ROOT", root, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      char *dir = g_build_filename (root, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
      g_free (dir);
    }
  g_free (root);
}

static inline gboolean
test_timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *counter reaches @target, failing after
 * @timeout_ms. */
static inline void
test_wait_until (guint *counter,
                 guint  target,
                 guint  timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, test_timeout_cb, &expired);

  while (*counter < target && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (id);
  g_assert_false (expired);
}

/* Runs the main loop for @ms milliseconds. */
static inline void
test_spin (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, test_timeout_cb, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}
