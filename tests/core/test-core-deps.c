/* test-core-deps.c — the scheduling core never includes GTK, cairo or pango
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two checks, each of which fails when someone adds such a dependency:
 * the sources of src/core/ include no header of those libraries, and the
 * compile commands meson made for the core library (compile_commands.json)
 * carry none of their include folders, i.e. takt_core_dep pulls in no
 * GTK, cairo, pango or libadwaita pkg-config dependency.
 */

#define G_LOG_DOMAIN "test-core-deps"

#include <string.h>

#include <json-glib/json-glib.h>

static const char * const forbidden_headers[] = {
  "gtk/", "gtk.h", "gdk/", "gdk-pixbuf", "cairo", "pango", "adwaita", "adw-", "graphene", NULL
};

static const char * const forbidden_flags[] = {
  "gtk-4.0", "gtk-3.0", "cairo", "pango", "libadwaita", "graphene", "gdk-pixbuf", "harfbuzz", NULL
};

static const char *
env_dir (const char *name)
{
  const char *dir = g_getenv (name);

  if (dir == NULL)
    {
      g_test_skip ("run through meson test: TAKT_SOURCE_ROOT and TAKT_BUILD_ROOT are not set");
      return NULL;
    }
  return dir;
}

/* Returns the forbidden word an #include line names, or NULL. */
static const char *
forbidden_include (const char *line)
{
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '#')
    return NULL;
  p++;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!g_str_has_prefix (p, "include"))
    return NULL;
  for (guint i = 0; forbidden_headers[i] != NULL; i++)
    if (strstr (p, forbidden_headers[i]) != NULL)
      return forbidden_headers[i];
  return NULL;
}

static void
test_detector (void)
{
  /* The checks below can fail: the detector sees what it must see. */
  g_assert_nonnull (forbidden_include ("#include <gtk/gtk.h>"));
  g_assert_nonnull (forbidden_include ("  #  include <cairo.h>"));
  g_assert_nonnull (forbidden_include ("#include <pango/pangocairo.h>"));
  g_assert_nonnull (forbidden_include ("#include <adwaita.h>"));
  g_assert_null (forbidden_include ("#include <glib.h>"));
  g_assert_null (forbidden_include ("/* not gtk/gtk.h */"));
}

static void
test_core_sources (void)
{
  const char *root = env_dir ("TAKT_SOURCE_ROOT");
  g_autofree char *core = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint files = 0;

  if (root == NULL)
    return;
  core = g_build_filename (root, "src", "core", NULL);
  dir = g_dir_open (core, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h"))
        continue;
      path = g_build_filename (core, name, NULL);
      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          const char *bad = forbidden_include (lines[i]);

          if (bad != NULL)
            g_error ("src/core/%s:%u includes %s: the core must not use GTK, cairo or pango", name, i + 1, bad);
        }
      files++;
    }
  g_test_message ("%u core files checked", files);
  g_assert_cmpuint (files, >=, 10);
}

static void
test_core_compile_flags (void)
{
  const char *build = env_dir ("TAKT_BUILD_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *commands;
  guint core_units = 0;
  gboolean saw_plan = FALSE;

  if (build == NULL)
    return;
  path = g_build_filename (build, "compile_commands.json", NULL);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  commands = json_node_get_array (json_parser_get_root (parser));

  for (guint i = 0; i < json_array_get_length (commands); i++)
    {
      JsonObject *entry = json_array_get_object_element (commands, i);
      const char *file = json_object_get_string_member (entry, "file");
      const char *command = json_object_get_string_member_with_default (entry, "command", "");

      if (strstr (file, "src/core/") == NULL)
        continue;
      core_units++;
      if (g_str_has_suffix (file, "takt-plan.c"))
        saw_plan = TRUE;
      g_assert_nonnull (strstr (command, "json-glib"));
      for (guint k = 0; forbidden_flags[k] != NULL; k++)
        if (strstr (command, forbidden_flags[k]) != NULL)
          g_error ("%s is compiled with %s in its flags: takt_core_dep must not depend on it",
                   file, forbidden_flags[k]);
    }
  g_test_message ("%u core compile commands checked", core_units);
  g_assert_cmpuint (core_units, >=, 5);
  g_assert_true (saw_plan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core-deps/detector", test_detector);
  g_test_add_func ("/core-deps/sources", test_core_sources);
  g_test_add_func ("/core-deps/compile-flags", test_core_compile_flags);
  return g_test_run ();
}
