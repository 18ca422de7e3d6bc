/* takt-generate.c — writes a generated plan to a .takt file
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   takt-generate SIZE SEED OUT.takt     SIZE is tiny, S, M or L
 */

#define G_LOG_DOMAIN "takt-generate"

#include <stdio.h>
#include <stdlib.h>

#include "takt-generator.h"

int
main (int   argc,
      char *argv[])
{
  TaktGeneratorSize size;
  guint64 seed;
  g_autoptr(TaktPlan) plan = NULL;
  g_autofree double *load = NULL;
  g_autoptr(GError) error = NULL;
  gint64 units = 0;

  if (argc != 4 || !takt_generator_size_from_string (argv[1], &size) ||
      !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT64, &seed, NULL))
    {
      fprintf (stderr, "usage: takt-generate tiny|S|M|L SEED OUT.takt\n");
      return 2;
    }

  plan = takt_generator_make (size, seed);
  if (!takt_plan_save_to_file (plan, argv[3], &error))
    {
      fprintf (stderr, "takt-generate: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < plan->orders->len; i++)
    units += ((TaktOrder *) g_ptr_array_index (plan->orders, i))->quantity;
  printf ("%s: %u products, %u stations, %u orders (%" G_GINT64_FORMAT " units), "
          "%u forecast, %u campaigns, %" G_GINT64_FORMAT " days\n",
          argv[3], plan->products->len, plan->stations->len, plan->orders->len, units,
          plan->forecast->len, plan->campaigns->len, plan->horizon_days);
  load = takt_generator_estimate_load (plan);
  printf ("estimated load per station:");
  for (guint s = 0; s < plan->stations->len; s++)
    printf (" %s %.0f%%", ((TaktStation *) g_ptr_array_index (plan->stations, s))->id,
            100.0 * load[s]);
  printf ("\n");
  return 0;
}
