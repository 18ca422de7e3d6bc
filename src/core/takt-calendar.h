/* takt-calendar.h — a station's working time as sorted intervals
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TaktWorkTime turns a calendar (week pattern + dated exceptions, or NULL
 * for 24/7) into sorted working intervals with prefix sums, relative to an
 * origin (the horizon start, which becomes 0).  Nothing exists before the
 * origin: instants < 0 have no working time.  Intervals are listed one by
 * one up to the last exception (and at least past the horizon); after that
 * the week repeats, so every query below is O(log n) for any instant, however
 * far past the horizon.  Shifts that touch (14:00 end, 14:00 start, or
 * 24:00 and the next day's 00:00) are merged.
 *
 * "Worked" W(t) is the working time in [0, t).  Work of w seconds started
 * at t ends at the first instant e where W(e) = W(t) + w: work stops at a
 * shift's end and resumes at the next shift's start, losing nothing.
 *
 * Time ends at TAKT_TIME_LAST (9999-12-31T23:59:59, the last instant a
 * document can hold): an instant after it is TAKT_TIME_NEVER, as if the
 * calendar had no more working time, so that work which would end there is
 * left unscheduled instead of written as a year no one can load.
 */

#pragma once

#include "takt-plan.h"

G_BEGIN_DECLS

/* "Never": returned when the calendar has no more working time. */
#define TAKT_TIME_NEVER G_MAXINT64
/* "None": returned by takt_work_time_latest_start() when no start fits. */
#define TAKT_TIME_NONE  G_MININT64

typedef struct _TaktWorkTime TaktWorkTime;

/* @calendar may be NULL (24/7).  @origin is the absolute instant that
 * becomes 0; intervals are listed explicitly at least up to @min_end
 * (relative), and the week repeats after the last exception. */
TaktWorkTime *takt_work_time_new          (const TaktCalendar *calendar,
                                           gint64              origin,
                                           gint64              min_end);
void          takt_work_time_free         (TaktWorkTime       *self);

/* TRUE when there is no working time at all from the origin on. */
gboolean      takt_work_time_never_works  (const TaktWorkTime *self);
/* TRUE when the working time is finite (the week pattern is empty but an
 * exception has shifts). */
gboolean      takt_work_time_is_finite    (const TaktWorkTime *self);

/* W(t): working seconds in [0, t); 0 for t <= 0. */
gint64        takt_work_time_worked       (const TaktWorkTime *self,
                                           gint64              t);
/* The working instant where W passes @v (v >= 0): the largest s with
 * W(s) = v that still lies in a working interval.  TAKT_TIME_NEVER when the
 * calendar has less than or exactly @v of working time in all. */
gint64        takt_work_time_start_at     (const TaktWorkTime *self,
                                           gint64              v);
/* The first instant e with W(e) = @v (v > 0): where work that brings W to
 * @v ends.  TAKT_TIME_NEVER when the calendar has less than @v in all.
 * For v <= 0 returns 0. */
gint64        takt_work_time_end_at       (const TaktWorkTime *self,
                                           gint64              v);

/* The first working instant >= max (t, 0); TAKT_TIME_NEVER when none. */
gint64        takt_work_time_next         (const TaktWorkTime *self,
                                           gint64              t);
/* When @w working seconds started at @t (or the next working instant) are
 * done; max (t, 0) for w == 0; TAKT_TIME_NEVER when they never are. */
gint64        takt_work_time_add          (const TaktWorkTime *self,
                                           gint64              t,
                                           gint64              w);
/* The latest working instant s >= 0 with add (s, w) <= t (for w == 0, @t
 * itself); TAKT_TIME_NONE when there is none. */
gint64        takt_work_time_latest_start (const TaktWorkTime *self,
                                           gint64              t,
                                           gint64              w);
/* Working seconds in [a, b) (0 when b <= a). */
gint64        takt_work_time_between      (const TaktWorkTime *self,
                                           gint64              a,
                                           gint64              b);

/* The same as takt_work_time_worked(), _start_at() and _end_at(), for
 * sequences of nearby queries: *@hint (start it at 0) remembers where the
 * last one was found, so a monotone sequence costs O(1) per query. */
gint64        takt_work_time_worked_hint  (const TaktWorkTime *self,
                                           gint64              t,
                                           gsize              *hint);
gint64        takt_work_time_start_at_hint (const TaktWorkTime *self,
                                            gint64              v,
                                            gsize              *hint);
gint64        takt_work_time_end_at_hint  (const TaktWorkTime *self,
                                           gint64              v,
                                           gsize              *hint);

/* The explicit intervals (for tests and drawing): [from, to) relative. */
gsize         takt_work_time_n_intervals  (const TaktWorkTime *self);
void          takt_work_time_interval     (const TaktWorkTime *self,
                                           gsize               i,
                                           gint64             *from,
                                           gint64             *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktWorkTime, takt_work_time_free)

G_END_DECLS
