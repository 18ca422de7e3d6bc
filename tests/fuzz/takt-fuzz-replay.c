/* takt-fuzz-replay.c — feeds files to a fuzz target as ordinary GLib tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   replay-TARGET [GLib test options] PATH…
 *
 * Each PATH is a file or a folder; every file in a folder (not those whose
 * names start with '.' or "README") becomes one test case that passes the
 * file's bytes to LLVMFuzzerTestOneInput().  This is how the seed corpus
 * and the crash files kept in tests/fuzz/regressions/ run in the normal
 * suite, with gcc and, under ./build-aux/test --sanitize, with ASan+UBSan.
 */

#define G_LOG_DOMAIN "takt-fuzz-replay"

#include <string.h>

#include "takt-fuzz.h"

#ifndef TAKT_FUZZ_TARGET
#error "TAKT_FUZZ_TARGET names the target"
#endif

static void
replay_one (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", path, length);
  /* The target must not read past the input: give it a copy of exactly
   * the file's length (no terminating NUL), as libFuzzer does. */
  {
    g_autofree guint8 *exact = g_memdup2 (contents, length);

    g_assert_cmpint (LLVMFuzzerTestOneInput (exact, length), ==, 0);
  }
}

static gboolean
is_input (const char *name)
{
  return name[0] != '.' && !g_str_has_prefix (name, "README");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
add_path (const char *path)
{
  g_autofree char *dirname = g_path_get_basename (path);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;
  guint added = 0;

  /* A target with no kept crash has no regressions folder. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s", TAKT_FUZZ_TARGET, dirname);

      g_test_add_data_func_full (test_path, g_strdup (path), replay_one, g_free);
      return 1;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return 0;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_input (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *full = g_build_filename (path, file, NULL);
      g_autofree char *test_path = NULL;

      if (!g_file_test (full, G_FILE_TEST_IS_REGULAR))
        continue;
      test_path = g_strdup_printf ("/fuzz/%s/%s/%s", TAKT_FUZZ_TARGET, dirname, file);
      g_test_add_data_func_full (test_path, g_steal_pointer (&full), replay_one, g_free);
      added++;
    }
  return added;
}

static void
no_inputs (void)
{
  g_test_fail_printf ("no input files were found for %s", TAKT_FUZZ_TARGET);
}

int
main (int    argc,
      char **argv)
{
  guint added = 0;

  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    added += add_path (argv[i]);
  /* The seed corpus alone has inputs for every target; finding none means
   * the paths are wrong, and the suite would pass without testing. */
  if (added == 0)
    g_test_add_func ("/fuzz/" TAKT_FUZZ_TARGET "/no-inputs", no_inputs);

  return g_test_run ();
}
