/* takt-hardening.c — running takt-cli from the hardening tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-hardening"

#include "takt-hardening.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

/* A runaway allocation in takt-cli must end in a failed allocation, not
 * in the machine swapping: the child gets this much memory. */
#define CHILD_MEMORY_MB 1024

#if defined(__SANITIZE_ADDRESS__)
# define TAKT_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define TAKT_ASAN 1
# endif
#endif

void
takt_cli_result_clear (TaktCliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

typedef struct
{
  GBytes   *out;
  GBytes   *err;
  GError   *error;
  gboolean  done;
} Wait;

static void
communicated (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  Wait *w = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), res, &w->out, &w->err, &w->error);
  w->done = TRUE;
}

static gboolean
time_up (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

static char *
bytes_to_text (GBytes *bytes)
{
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    return g_strdup ("");
  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data != NULL ? data : "", len);
}

#ifndef TAKT_ASAN
static void
limit_memory (gpointer user_data)
{
  struct rlimit limit;

  limit.rlim_cur = limit.rlim_max = (rlim_t) CHILD_MEMORY_MB * 1024 * 1024;
  setrlimit (RLIMIT_AS, &limit);
}
#endif

void
takt_cli_run (const char * const *argv,
              const char         *cwd,
              double              timeout_s,
              TaktCliResult      *result)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timer = NULL;
  Wait w = { NULL, NULL, NULL, FALSE };
  gboolean late = FALSE;
  gint64 t0;

  memset (result, 0, sizeof *result);
  g_main_context_push_thread_default (context);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
#ifdef TAKT_ASAN
  {
    /* AddressSanitizer reserves terabytes of address space, so the bound is
     * on the resident size, which it checks itself. */
    const char *asan = g_getenv ("ASAN_OPTIONS");
    g_autofree char *options = g_strdup_printf ("%s%shard_rss_limit_mb=%d", asan != NULL ? asan : "",
                                                asan != NULL && *asan != '\0' ? ":" : "",
                                                CHILD_MEMORY_MB);

    g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
  }
#else
  g_subprocess_launcher_set_child_setup (launcher, limit_memory, NULL, NULL);
#endif
  t0 = g_get_monotonic_time ();
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_async (proc, NULL, NULL, communicated, &w);
  timer = g_timeout_source_new ((guint) (timeout_s * 1000));
  g_source_set_callback (timer, time_up, &late, NULL);
  g_source_attach (timer, context);

  while (!w.done && !late)
    g_main_context_iteration (context, TRUE);
  if (!w.done)
    {
      /* A hang: kill it, then collect what it wrote. */
      result->timed_out = TRUE;
      g_subprocess_force_exit (proc);
      while (!w.done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timer);
  g_subprocess_wait (proc, NULL, NULL);
  result->seconds = (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC;

  g_main_context_pop_thread_default (context);

  result->out = bytes_to_text (w.out);
  result->err = bytes_to_text (w.err);
  g_clear_pointer (&w.out, g_bytes_unref);
  g_clear_pointer (&w.err, g_bytes_unref);
  g_clear_error (&w.error);

  if (g_subprocess_get_if_signaled (proc))
    result->signalled = !result->timed_out;
  else
    result->exit_status = g_subprocess_get_exit_status (proc);
}

char *
takt_hardening_tmpdir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
takt_hardening_rmtree (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        takt_hardening_rmtree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

char *
takt_hardening_sample (void)
{
  const char *root = g_getenv ("TAKT_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "examples", "print-farm.takt", NULL);
}
