/* takt-hardening.h — running takt-cli from the hardening tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean  timed_out;    /* killed after the time bound */
  gboolean  signalled;    /* ended by a signal (a crash) */
  int       exit_status;  /* when it exited */
  double    seconds;      /* wall time */
  char     *out;          /* stdout, NUL-terminated */
  char     *err;          /* stderr, NUL-terminated */
} TaktCliResult;

void   takt_cli_result_clear (TaktCliResult *result);

/* Runs @argv (NULL-terminated; argv[0] is the program) in @cwd (NULL: the
 * current folder), killing it after @timeout_s seconds. */
void   takt_cli_run          (const char * const *argv,
                              const char         *cwd,
                              double              timeout_s,
                              TaktCliResult      *result);

/* A new empty folder under the temporary folder, and its removal. */
char  *takt_hardening_tmpdir (const char         *tmpl);
void   takt_hardening_rmtree (const char         *path);

/* The sample plan's path in the source tree. */
char  *takt_hardening_sample (void);

G_END_DECLS
