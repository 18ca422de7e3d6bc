/* takt-plan-private.h — what takt-plan.c and takt-plan-json.c share
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading a document builds the model (reporting the problems of shape:
 * missing members, wrong types, unreadable dates) and then runs the same
 * checks as takt_plan_check() on it.  A TaktChecker collects the problems of
 * both passes and keeps the second from repeating what the first one said.
 */

#pragma once

#include "takt-plan.h"

G_BEGIN_DECLS

/* The limits of docs/file-format.md ("Limits"). */
#define TAKT_PLAN_MAX_BYTES      ((gint64) 256 * 1024 * 1024)
#define TAKT_PLAN_MAX_ITEMS      1000000
#define TAKT_PLAN_MAX_STRING     65536
#define TAKT_PLAN_MAX_DEPTH      64
#define TAKT_PLAN_MAX_DAYS       3660
#define TAKT_PLAN_MAX_MACHINES   10000
#define TAKT_PLAN_MAX_QUANTITY   ((gint64) 1000000000)
#define TAKT_PLAN_MAX_DURATION_S ((gint64) 100000000)
#define TAKT_PLAN_MAX_IMPRESSIONS ((gint64) 1000000000000)
#define TAKT_PLAN_MAX_PROBLEMS   1000
/* The planner times every unit (about 140 bytes each while it plans):
 * orders, forecast, campaigns, pins and smallest runs together. */
#define TAKT_PLAN_MAX_UNITS      ((gint64) 10000000)
/* The planner keeps a timeline for every machine. */
#define TAKT_PLAN_MAX_ALL_MACHINES ((gint64) 100000)

typedef struct
{
  GPtrArray  *problems;    /* of char*, "PATH: message" */
  GHashTable *reported;    /* paths the reading pass already reported */
  GHashTable *inside;      /* every prefix of those paths */
  gboolean    recording;   /* TRUE while reading: remember the paths */
} TaktChecker;

void      takt_checker_init              (TaktChecker *checker);
void      takt_checker_clear             (TaktChecker *checker);
/* Takes @path.  Does nothing when @path, a value around it or a value inside
 * it was already reported by the reading pass. */
void      takt_checker_add               (TaktChecker *checker,
                                          char        *path,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (3, 4);
gboolean  takt_checker_was_reported      (TaktChecker *checker,
                                          const char  *path);

/* The rules of the format on the model; resolves the indices. */
void      takt_plan_check_rules          (TaktPlan    *plan,
                                          TaktChecker *checker);
/* The units @plan asks for: its orders, forecast, campaigns (impressions
 * / 1000 × conversion_per_mille, rounded), pins and every product's
 * min_run.  Values outside their own limits count 0 (their rules report
 * them).  The sum is what TAKT_PLAN_MAX_UNITS bounds. */
gint64    takt_plan_count_units          (const TaktPlan *plan);
/* Sorts the shifts and the exceptions of every calendar. */
void      takt_plan_normalise            (TaktPlan    *plan);
/* Whether the schedule's indices fit the plan's products and routings. */
gboolean  takt_schedule_fits_plan        (const TaktSchedule *schedule,
                                          const TaktPlan     *plan);

/* "\"text\"" with control characters escaped, cut after 60 characters. */
char     *takt_quote                     (const char  *str);
gboolean  takt_color_is_valid            (const char  *str);
JsonObject *takt_json_object_copy        (JsonObject  *object);

extern const char * const takt_weekday_names[7];

G_END_DECLS
