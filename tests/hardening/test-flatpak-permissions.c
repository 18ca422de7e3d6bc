/* test-flatpak-permissions.c — the sandbox asks for no more than a document app needs
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   test-flatpak-permissions [GLib test options] MANIFEST
 *
 * Takt reaches files only through the file chooser portal, so the manifest
 * grants no --filesystem= access at all, and its finish-args are a subset
 * of what a GNOME document app needs: the display (Wayland, X11 as a
 * fallback), GPU rendering, and IPC for X11's shared memory.
 */

#define G_LOG_DOMAIN "test-flatpak-permissions"

#include <json-glib/json-glib.h>
#include <string.h>

static const char *manifest;

static const char *const allowed[] = {
  "--share=ipc",
  "--socket=fallback-x11",
  "--socket=wayland",
  "--device=dri",
};

static JsonArray *
finish_args (JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;

  json_parser_load_from_file (parser, manifest, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_true (json_object_has_member (object, "finish-args"));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "finish-args")));
  return json_object_get_array_member (object, "finish-args");
}

static void
test_no_filesystem (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *args = finish_args (parser);

  g_assert_cmpuint (json_array_get_length (args), >, 0);
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      g_assert_nonnull (arg);
      g_test_message ("finish-arg %s", arg);
      g_assert_false (g_str_has_prefix (arg, "--filesystem"));
      g_assert_false (g_str_has_prefix (arg, "--persist"));
    }
}

static void
test_only_what_is_needed (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *args = finish_args (parser);
  gboolean wayland = FALSE;

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);
      gboolean ok = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (allowed); k++)
        ok |= g_strcmp0 (arg, allowed[k]) == 0;
      if (!ok)
        g_test_fail_printf ("finish-arg %s is more than a document app needs", arg);
      wayland |= g_strcmp0 (arg, "--socket=wayland") == 0;
    }
  /* Without a display socket the app would not start at all. */
  g_assert_true (wayland);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s [GLib test options] MANIFEST\n", argv[0]);
      return 2;
    }
  manifest = argv[1];

  g_test_add_func ("/flatpak/no-filesystem-access", test_no_filesystem);
  g_test_add_func ("/flatpak/only-what-a-document-app-needs", test_only_what_is_needed);
  return g_test_run ();
}
