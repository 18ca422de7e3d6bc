/* takt-fuzz.h — what the fuzz targets share
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target defines LLVMFuzzerTestOneInput().  Built with clang and
 * -fsanitize=fuzzer it is a libFuzzer binary (tests/fuzz/run.sh); built
 * with takt-fuzz-replay.c it is a GLib test that feeds it the seed corpus
 * and the kept regression inputs (meson test --suite fuzz).
 *
 * A broken property aborts, so that libFuzzer keeps the input as a crash.
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

G_BEGIN_DECLS

int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);

/* Stops at the first broken property, saying which and where. */
#define TAKT_FUZZ_CHECK(cond)                                           \
  G_STMT_START {                                                        \
    if (G_UNLIKELY (!(cond)))                                           \
      {                                                                 \
        fprintf (stderr, "%s:%d: property broken: %s\n",                \
                 __FILE__, __LINE__, #cond);                            \
        abort ();                                                       \
      }                                                                 \
  } G_STMT_END

/* Like TAKT_FUZZ_CHECK, with an explanation printed first. */
#define TAKT_FUZZ_CHECK_MSG(cond, ...)                                  \
  G_STMT_START {                                                        \
    if (G_UNLIKELY (!(cond)))                                           \
      {                                                                 \
        fprintf (stderr, "%s:%d: property broken: %s: ",                \
                 __FILE__, __LINE__, #cond);                            \
        fprintf (stderr, __VA_ARGS__);                                  \
        fputc ('\n', stderr);                                           \
        abort ();                                                       \
      }                                                                 \
  } G_STMT_END

/* Makes GLib's warnings and criticals fatal, so that a
 * g_return_val_if_fail() reached by an input counts as a crash (a GLib
 * test does this already; a libFuzzer binary needs it). */
static inline void
takt_fuzz_init_logging (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&done, 1);
    }
}

G_END_DECLS
