/* fuzz-plan-load.c — any bytes through the plan loader and writer
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Properties, for every input:
 *  - loading either gives a plan or refuses it with a TAKT_PLAN_ERROR and a
 *    message that is valid UTF-8; it never crashes or leaks;
 *  - a loaded plan passes takt_plan_check() with no problem;
 *  - saving it and loading the saved text gives a plan whose text is the
 *    same bytes (the writer is stable), and so does a copy of the plan;
 *  - the saved text ends with a newline and is valid UTF-8.
 */

#define G_LOG_DOMAIN "fuzz-plan-load"

#include <string.h>

#include "takt-fuzz.h"
#include "takt-plan.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktPlan) reloaded = NULL;
  g_autoptr(TaktPlan) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *text3 = NULL;
  gsize len = 0, len2 = 0, len3 = 0;

  takt_fuzz_init_logging ();

  plan = takt_plan_load_from_data ((const char *) data, (gssize) size, "fuzz.takt", &error);
  if (plan == NULL)
    {
      TAKT_FUZZ_CHECK (error != NULL);
      TAKT_FUZZ_CHECK (error->domain == TAKT_PLAN_ERROR);
      TAKT_FUZZ_CHECK (error->message != NULL && error->message[0] != '\0');
      TAKT_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  TAKT_FUZZ_CHECK (error == NULL);

  problems = takt_plan_check (plan);
  TAKT_FUZZ_CHECK_MSG (problems != NULL && problems->len == 0,
                       "a loaded plan fails the check: %s",
                       problems != NULL && problems->len > 0 ?
                         (const char *) g_ptr_array_index (problems, 0) : "(null)");

  text = takt_plan_to_data (plan, &len);
  TAKT_FUZZ_CHECK (text != NULL && len > 0 && len == strlen (text));
  TAKT_FUZZ_CHECK (text[len - 1] == '\n');
  TAKT_FUZZ_CHECK (g_utf8_validate (text, (gssize) len, NULL));

  reloaded = takt_plan_load_from_data (text, (gssize) len, "saved.takt", &error);
  TAKT_FUZZ_CHECK_MSG (reloaded != NULL, "the saved text is refused: %s",
                       error != NULL ? error->message : "");

  text2 = takt_plan_to_data (reloaded, &len2);
  TAKT_FUZZ_CHECK_MSG (len == len2 && memcmp (text, text2, len) == 0,
                       "load, save, load, save changes the bytes:\n%s\n----\n%s", text, text2);

  copy = takt_plan_copy (plan);
  text3 = takt_plan_to_data (copy, &len3);
  TAKT_FUZZ_CHECK_MSG (len == len3 && memcmp (text, text3, len) == 0,
                       "a copy saves differently:\n%s\n----\n%s", text, text3);
  return 0;
}
