/* plan-resave.c — loads a .takt file and prints what the writer makes of it
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by check-schema.py: exit status 0 and the document on standard
 * output, or 1 and the loader's message on standard error.
 */

#define G_LOG_DOMAIN "plan-resave"

#include <stdio.h>

#include "takt-plan.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (argc != 2)
    {
      fprintf (stderr, "usage: plan-resave FILE.takt\n");
      return 2;
    }
  plan = takt_plan_load_from_file (argv[1], &error);
  if (plan == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  data = takt_plan_to_data (plan, &length);
  if (fwrite (data, 1, length, stdout) != length)
    return 1;
  return 0;
}
