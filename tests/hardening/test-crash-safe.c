/* test-crash-safe.c — SIGKILL during `takt-cli plan --out` never leaves half a file
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   test-crash-safe [GLib test options] PATH-TO-takt-cli
 *
 * The target starts as the complete old document (the sample plan).  A
 * finished `takt-cli plan SAMPLE --out TARGET` replaces it with the complete
 * new document (the sample with its schedule).  The test starts the same
 * command again and again, kills it with SIGKILL after a random delay, and
 * checks each time that the target holds exactly the old bytes or exactly
 * the new bytes.  The delays are seeded: half of the kills come at a
 * random moment of the run, half at a random moment of the save itself
 * (the test watches the folder for the save's temporary file, then waits
 * up to a little longer than a save takes, measured on complete runs).  takt-cli saves with takt_plan_save_to_file(), the same call
 * as the app's Save; the app's autosave goes through g_file_replace.
 *
 * TAKT_CRASH_RUNS sets the number of kills (default 300).
 */

#define G_LOG_DOMAIN "test-crash-safe"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "takt-hardening.h"

#define DEFAULT_RUNS 300
#define SEED         9

static char *cli;

typedef struct
{
  char   *dir;
  char   *sample;
  char   *target;
  GBytes *old_doc;
  GBytes *new_doc;
} Fixture;

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

static GPid
start_plan (const Fixture *f)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "plan", f->sample, "--time-limit-ms", "0", "--seed", "1",
                         "--out", f->target, NULL };
  GPid pid = 0;

  g_spawn_async (f->dir, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

/* Waits for @pid; returns its wait status. */
static int
reap (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);
  return status;
}

/* Counts (and with @remove, removes) the temporary files of a save,
 * "TARGET.XXXXXX", which a killed save leaves behind. */
static guint
count_leftovers (const Fixture *f,
                 gboolean       remove)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  g_autofree char *base = g_path_get_basename (f->target);
  g_autofree char *prefix = g_strconcat (base, ".", NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        if (remove)
          {
            g_autofree char *path = g_build_filename (f->dir, name, NULL);

            g_unlink (path);
          }
        n++;
      }
  return n;
}

static void
fixture_clear (Fixture *f)
{
  takt_hardening_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->sample);
  g_free (f->target);
  g_bytes_unref (f->old_doc);
  g_bytes_unref (f->new_doc);
}

static void
test_kill_during_plan_out (void)
{
  Fixture f = { NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *reference = NULL;
  const char *runs_env = g_getenv ("TAKT_CRASH_RUNS");
  guint runs = runs_env != NULL ? (guint) g_ascii_strtoull (runs_env, NULL, 10) : DEFAULT_RUNS;
  guint kept_old = 0, got_new = 0, finished = 0, leftovers = 0, mid_save = 0;
  gint64 full_us = G_MAXINT64, save_from_us = 0, save_to_us = 0;

  f.dir = takt_hardening_tmpdir ("takt-crash-XXXXXX");
  f.sample = g_build_filename (f.dir, "sample.takt", NULL);
  f.target = g_build_filename (f.dir, "target.takt", NULL);
  reference = takt_hardening_sample ();
  f.old_doc = read_bytes (reference);
  write_bytes (f.sample, f.old_doc);

  /* The new document, how long a whole run takes, and when in the run the
   * temporary file appears and when it replaces the target (found by
   * watching the folder; the slowest of 3 runs).  Without the search
   * (--time-limit-ms 0) every run writes the same bytes, and most of a
   * run is starting, loading and saving. */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) result = NULL;
      gint64 t0, t, tmp_at = -1, rename_at = -1;
      GStatBuf before, st;
      GPid pid;
      int status = 0;

      write_bytes (f.target, f.old_doc);
      g_assert_cmpint (g_stat (f.target, &before), ==, 0);
      t0 = g_get_monotonic_time ();
      pid = start_plan (&f);
      while (waitpid (pid, &status, WNOHANG) == 0)
        {
          t = g_get_monotonic_time () - t0;
          if (tmp_at < 0 && count_leftovers (&f, FALSE) > 0)
            tmp_at = t;
          if (rename_at < 0 && g_stat (f.target, &st) == 0 && st.st_ino != before.st_ino)
            rename_at = t;
          g_usleep (100);
        }
      g_spawn_close_pid (pid);
      t = g_get_monotonic_time () - t0;
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      if ((full_us == G_MAXINT64 || t > full_us) && rename_at >= 0)
        {
          full_us = t;
          save_from_us = tmp_at >= 0 ? tmp_at : rename_at;
          save_to_us = rename_at;
        }
      result = read_bytes (f.target);
      g_assert_false (g_bytes_equal (result, f.old_doc));
      if (f.new_doc == NULL)
        f.new_doc = g_bytes_ref (result);
      else
        g_assert_true (g_bytes_equal (result, f.new_doc));
    }
  g_assert_cmpint (full_us, <, G_MAXINT64);
  g_test_message ("a whole run takes %.1f ms, the save from about %.1f ms to %.1f ms; old document %"
                  G_GSIZE_FORMAT " bytes, new %" G_GSIZE_FORMAT " bytes; %u kills",
                  full_us / 1000.0, save_from_us / 1000.0, save_to_us / 1000.0,
                  g_bytes_get_size (f.old_doc), g_bytes_get_size (f.new_doc), runs);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GBytes) now = NULL;
      gint64 delay_us, t0;
      GPid pid;
      int status = 0;
      guint left;
      gboolean exited = FALSE;

      write_bytes (f.target, f.old_doc);
      t0 = g_get_monotonic_time ();
      pid = start_plan (&f);

      if (g_rand_boolean (rand))
        {
          /* Anywhere in the run, and a little past it. */
          delay_us = (gint64) g_rand_double_range (rand, 0, 1.1 * (double) full_us);
          g_usleep ((gulong) delay_us);
        }
      else
        {
          /* Inside the save: runs vary by many milliseconds on a busy
           * machine, more than the save takes, so wait for the temporary
           * file to appear, then up to a little longer than a save lasts. */
          gint64 extra = g_rand_int_range (rand, 0, (gint32) (save_to_us - save_from_us) * 3 / 2 + 200);

          while (!(exited = waitpid (pid, &status, WNOHANG) == pid) &&
                 count_leftovers (&f, FALSE) == 0 &&
                 g_get_monotonic_time () - t0 < 4 * full_us)
            g_usleep (20);
          if (!exited)
            g_usleep ((gulong) extra);
          delay_us = g_get_monotonic_time () - t0;
        }

      if (exited)
        g_spawn_close_pid (pid);
      else
        {
          kill (pid, SIGKILL);
          status = reap (pid);
        }
      if (WIFEXITED (status))
        {
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          finished++;
        }
      else
        g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      now = read_bytes (f.target);
      if (g_bytes_equal (now, f.old_doc))
        kept_old++;
      else if (g_bytes_equal (now, f.new_doc))
        got_new++;
      else
        g_test_fail_printf ("kill %u after %.1f ms left a target of %" G_GSIZE_FORMAT
                            " bytes that is neither the old nor the new document",
                            i, delay_us / 1000.0, g_bytes_get_size (now));

      left = count_leftovers (&f, TRUE);
      leftovers += left;
      if (left > 0)
        mid_save++;
    }

  g_test_message ("%u kills: %u left the old document, %u the new one (%u of those runs had "
                  "finished before the signal); "
                  "%u kills fell inside a save and left its temporary file (%u files)",
                  runs, kept_old, got_new, finished, mid_save, leftovers);
  g_assert_cmpuint (kept_old + got_new, ==, runs);
  if (runs >= 100)
    {
      /* Both outcomes must occur, or the delays missed the save. */
      g_assert_cmpuint (kept_old, >, 0);
      g_assert_cmpuint (got_new, >, 0);
      g_assert_cmpuint (mid_save, >, 0);
    }

  fixture_clear (&f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s [GLib test options] PATH-TO-takt-cli\n", argv[0]);
      return 2;
    }
  cli = g_canonicalize_filename (argv[1], NULL);

  g_test_add_func ("/crash-safe/kill-during-plan-out", test_kill_during_plan_out);
  return g_test_run ();
}
