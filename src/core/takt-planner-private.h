/* takt-planner-private.h — what the planner, its search and its evaluation share
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside the planner every instant is relative to the horizon start (0) and
 * nothing starts before 0.
 *
 * The model: each station's working time, the demand per product after
 * initial stock, and the pins.  Pins are placed first, whatever else
 * happens; their units are then taken out of their product's demand (those
 * due soonest after the pin finishes).  What is left, the "plan units" of a
 * product, is a sequence in due order, and every other run covers a
 * contiguous range [a, b) of it: unit k of the run has the due time of plan
 * unit a + k as its deadline (units beyond b, made to reach min_run, have
 * none).  These deadlines only steer the planner; costs always come from
 * the spec's matching (first finished to first due) in takt-evaluate.c.
 *
 * A solution is a set of runs and one order π of the non-pinned ones.  It
 * is decoded into times like this:
 *   - jit: a backward pass over π from its end: each run gets the latest
 *     start at which its units meet their deadlines, with each step in a
 *     free gap of a machine of its station (clear of the runs placed so
 *     far and of the pins); then a forward pass in π order on empty
 *     machines: each run starts at that latest start, or later where a
 *     step does not fit into a gap or the start would lie before 0 (the
 *     forward repair: late, never dropped).
 *   - asap / level: the forward pass alone, from each run's release (0, or
 *     the day a level run belongs to).
 * π is a priority order: a run placed later may still take a gap before
 * the runs placed before it.  Inside a run units flow one piece at a time
 * as the spec says; a step's setup ends, when the machine allows, just as
 * the first unit arrives.
 */

#pragma once

#include "takt-calendar.h"
#include "takt-demand.h"
#include "takt-planner.h"

G_BEGIN_DECLS

#define TAKT_INF (G_MAXINT64 / 4)

/* A demand's units still to make (after stock and pins), in due order. */
typedef struct
{
  int    demand;    /* index in TaktModel.demands */
  gint64 first;     /* index of its first unit in the product's plan units */
  gint64 count;
  gint64 due;       /* relative */
} TaktUnitBlock;

typedef struct
{
  gint64 from;      /* setup start */
  gint64 to;        /* end */
  int    pin;       /* index in TaktModel.pin_runs */
} TaktWindow;

/* A machine held from @from to @to (a run's setup start to its end). */
typedef struct
{
  gint64 from;
  gint64 to;
} TaktSlot;

/* A machine's timeline: slots sorted by start (data[0 … len)), kept in
 * a block with room on both sides (alloc, cap). */
typedef struct
{
  TaktSlot *data;
  guint     len;
  TaktSlot *alloc;
  guint     cap;
} TaktSlots;

typedef struct _TaktPRun TaktPRun;

/* A calendar's explicit working intervals (takt_work_time_interval()):
 * interval i is [from[i], to[i]], W(from[i]) = cum[i], W(to[i]) = cend[i]. */
typedef struct
{
  const TaktWorkTime *wt;
  gsize               n;
  gint64             *from, *to, *cum, *cend;
} TaktWorkIndex;

/* A cache of what the decoder computed for a run (takt-memo.c): results
 * of pure functions of the run's identity (product, a, b, quantity) and
 * their other inputs, so an unchanged run costs a look-up, not a
 * recomputation.  Shared between copies of a run (refcounted). */
typedef struct _TaktRunMemo TaktRunMemo;

/* takt-reuse.c: a pass's log (one entry per turn: the run's key, what it
 * got; its ints and longs are in the log's pools) and the difference of
 * the machines' timelines from the logged decode's. */
typedef struct
{
  int      product;
  gboolean placed;
  guint    n_steps;
  gint64   a, b, quantity;
  gint64   x;          /* forward: the start asked for */
  guint    ints;       /* offset in ints */
  guint    longs;      /* offset in longs */
} TaktLogRun;

typedef struct
{
  gboolean valid;
  int      mode;       /* TaktDecode */
  GArray  *runs;       /* of TaktLogRun */
  GArray  *ints;
  GArray  *longs;
} TaktPassLog;

typedef struct
{
  int      n_machines;
  GArray **slots;      /* per machine: slots on it now and not then (+1) or then and not now (−1) */
  gboolean *given_up;  /* per machine: taken as different, slots not followed */
  int      dirty;      /* machines with a difference */
} TaktDiff;

/* The per-product cost of the last matchings (solution_cost). */
typedef struct
{
  gboolean valid;
  gsize    n;
  gsize    cap;
  gint64  *finish;      /* the product's unit finishes, in the order gathered */
  gint64   early, late, surplus, missing;
} TaktCostEntry;

typedef struct
{
  const TaktPlan *plan;
  gint64          origin;          /* horizon start, absolute */
  gint64          horizon;         /* horizon length in seconds */
  int             n_stations;
  int             n_products;
  GPtrArray      *work_times;      /* owns the TaktWorkTime* */
  TaktWorkTime  **station_wt;      /* per station, shared between equal calendars */
  TaktWorkIndex **station_ix;      /* per station: its calendar's intervals */
  GPtrArray      *work_ix;         /* owns the TaktWorkIndex* */
  int            *machine_base;    /* per station: its first machine in the flat list */
  int            *station_machines;
  int             n_machines;
  int            *dead_station;    /* per product: a routing station that never works, or -1 */
  int             max_steps;
  gboolean       *station_always;  /* per station: works around the clock */

  GArray         *demands;         /* of TaktDemand (takt-demand.h) */
  int            *demand_start;    /* per product + 1: its demands in @demands */

  /* Plan units (after stock and pins). */
  GArray         *blocks;          /* of TaktUnitBlock */
  int            *block_start;     /* per product + 1 */
  gint64         *plan_units;      /* per product */

  /* Pins, placed once. */
  GPtrArray      *pin_runs;        /* of TaktPRun* (owned) */
  GArray        **pin_windows;     /* per flat machine: TaktWindow sorted by from */
  GPtrArray      *conflicts;       /* of char* */

  /* Decoder state and scratch. */
  GArray        **pin_blocks;      /* per flat machine: the union of its pin windows */
  TaktSlots     **timeline;        /* per flat machine: sorted, disjoint */
  gint64         *min_work;        /* per station: the least work a step there holds */
  guint          *watermark;       /* per flat machine: the gaps before this slot are too
                                    * short for any step (valid while use_watermark) */
  gboolean       *watermark_ok;    /* per flat machine: the gap before slot watermark is
                                    * long enough (checked, unchanged since) */
  gboolean        use_watermark;
  gint64         *scratch[8];      /* per-unit work arrays, scratch_len long */
  gsize           scratch_len;
  gint64         *product_units_buf;   /* matching scratch */
  gsize           product_units_len;
  gint64         *merge_buf;
  gsize           merge_len;
  gsize          *offsets;
  gsize           offsets_len;
  int            *use_buf;         /* max_steps ints */

  /* Caches of the decoder (exact: a hit gives what a computation gives). */
  gboolean        no_memo;         /* when set, everything is computed */
  gboolean        in_search;       /* decodes leave push_holding alone */
  TaktPassLog     fwd_log[2];      /* the forward pass's, [fwd_cur] the last one */
  int             fwd_cur;
  TaktPassLog     back_log[2];     /* the backward pass's */
  int             back_cur;
  TaktDiff       *diff;
  int            *prefer_buf;      /* max_steps ints */
  gint64          last_decode_us;  /* how long the last decode took */
  GCancellable   *cancellable;     /* may be NULL; decodes look at it */
  gboolean        cancelled;       /* seen cancelled: decodes end at once */
  TaktCostEntry  *cost_cache;      /* 2 per product */
  guint8         *cost_next;       /* per product: the entry to replace next */
} TaktModel;

struct _TaktPRun
{
  int       product;
  gint64    a, b;          /* plan units covered */
  gint64    quantity;      /* >= b − a */
  int       pin;           /* index in plan->pins, or -1 */
  gint64    release;       /* earliest first-unit start wanted (level days, pins) */
  int      *assign;        /* per step: machine (0-based) chosen by the search, -1 free */

  /* Results of the last decode. */
  gboolean  placed;
  gint64    latest;        /* jit: latest first-unit start from the backward pass */
  int      *use;           /* per step: machine used (0-based) */
  gint64   *setup_start;   /* per step */
  gint64   *start;
  gint64   *end;
  gint64   *finish;        /* per unit: when it leaves the last step */
  gsize     finish_len;

  TaktRunMemo *memo;       /* may be NULL; see above */
};

/* How a solution's order becomes times (see above). */
typedef enum
{
  TAKT_DECODE_PUSH,          /* forward pass only (asap, level) */
  TAKT_DECODE_PULL,          /* backward pass, forward repair (jit) */
  TAKT_DECODE_PUSH_JUSTIFY,  /* forward pass, then right-justification (jit) */
} TaktDecode;

typedef struct
{
  TaktDecode mode;
  GPtrArray *runs;         /* of TaktPRun* (non-pinned; owned) */
  GArray    *order;        /* of int: π, indices into runs */
  /* Totals of the last decode. */
  double     push_holding;  /* PUSH_JUSTIFY: the holding before the justification
                             * (not set during the search, which needs no such) */
  double     total;
  double     holding;
  double     tardiness;
  double     setup;
  gint64     unmet;
} TaktSolution;

/* takt-planner.c */
TaktModel    *takt_model_new             (const TaktPlan     *plan,
                                          TaktStrategy        strategy);
void          takt_model_free            (TaktModel          *model);
const TaktProduct *takt_model_product    (const TaktModel    *model,
                                          int                 product);
TaktPRun     *takt_prun_new              (const TaktModel    *model,
                                          int                 product);
TaktPRun     *takt_prun_copy             (const TaktModel    *model,
                                          const TaktPRun     *run);
void          takt_prun_free             (TaktPRun           *run);
TaktSolution *takt_solution_copy         (const TaktModel    *model,
                                          const TaktSolution *solution);
void          takt_solution_free         (TaktSolution       *solution);
/* The strategy's construction of a solution (decoded). */
TaktSolution *takt_solution_construct    (TaktModel          *model,
                                          TaktStrategy        strategy);
/* Decodes @solution (see above, by solution->mode) and sets its totals. */
void          takt_solution_decode       (TaktModel          *model,
                                          TaktSolution       *solution);
/* Places the (one-step) runs of @solution back to back on flat machine
 * @machine of a round-the-clock station in the order @seq from @start,
 * times the blocks optimally and sets the totals. */
void          takt_solution_place_sequence (TaktModel        *model,
                                          TaktSolution       *solution,
                                          int                 machine,
                                          const int          *seq,
                                          int                 n,
                                          gint64              start);
/* The deadline (relative due) of plan unit @u of @product; TAKT_INF past
 * the end. */
gint64        takt_model_unit_due        (const TaktModel    *model,
                                          int                 product,
                                          gint64              u);
/* Compares two decoded totals: fewer unmet units first, then lower cost. */
gboolean      takt_solution_better       (const TaktSolution *a,
                                          const TaktSolution *b);

/* takt-search.c: improves a decoded jit solution in place.  Returns FALSE
 * when cancelled. */
gboolean      takt_search_run            (TaktModel                *model,
                                          TaktSolution             *solution,
                                          const TaktPlannerOptions *options,
                                          gint64                    deadline_us,
                                          gint64                   *evaluations);

/* takt-memo.c */
typedef struct
{
  int      step;
  gboolean ok;
  gint64   free;
  gint64   setup_start, start, end;
} TaktFwdCall;

/* What one forward placing of a run (from first-unit start x) computed:
 * every one-piece-flow timing of a step it asked for (a step's timing is
 * a pure function of the step, the timings picked for the steps before it
 * and the instant the machine is free), the picks, and the finishes. */
typedef struct
{
  gboolean used;
  gboolean complete;
  gboolean ok;
  gint64   x;
  guint64  stamp;
  int      n_picked;
  gint64  *pick_free;      /* per step: the free instant of the picked timing */
  gint64  *arrive0;        /* per step: when its first unit arrives */
  TaktFwdCall *calls;
  guint    n_calls;
  guint    calls_len;
  gint64  *finish;         /* quantity values when ok */
} TaktFwdTrace;

TaktRunMemo  *takt_run_memo_ref          (TaktRunMemo        *memo);
void          takt_run_memo_unref        (TaktRunMemo        *memo);
/* @run's memo, made anew when the run's identity changed. */
TaktRunMemo  *takt_run_memo_for          (const TaktModel    *model,
                                          TaktPRun           *run);
gboolean      takt_run_memo_backward_get (TaktRunMemo        *memo,
                                          const gint64       *bound,
                                          gint64             *x,
                                          gint64             *lss,
                                          gint64             *le);
void          takt_run_memo_backward_put (TaktRunMemo        *memo,
                                          const gint64       *bound,
                                          gint64              x,
                                          const gint64       *lss,
                                          const gint64       *le);
/* The complete trace from @x, or NULL. */
TaktFwdTrace *takt_run_memo_trace_find   (TaktRunMemo        *memo,
                                          gint64              x);
/* An empty trace for @x to record into (replacing the one for @x, else
 * the least recently used). */
TaktFwdTrace *takt_run_memo_trace_begin  (TaktRunMemo        *memo,
                                          gint64              x);
/* Marks @trace complete with its result (and the finishes when @ok). */
void          takt_run_memo_trace_end    (TaktRunMemo        *memo,
                                          TaktFwdTrace       *trace,
                                          gboolean            ok,
                                          const gint64       *finish);
const TaktFwdCall *takt_fwd_trace_lookup (const TaktFwdTrace *trace,
                                          int                 step,
                                          gint64              free);
void          takt_fwd_trace_add         (TaktFwdTrace       *trace,
                                          const TaktFwdCall  *call);

/* takt-reuse.c */
TaktDiff     *takt_diff_new              (int                 n_machines);
void          takt_diff_free             (TaktDiff           *diff);
void          takt_diff_clear            (TaktDiff           *diff);
/* Slot [@from, @to) on @machine: @count 1 when it came on the timeline
 * now (or left it then), −1 when it came on then (or left now). */
void          takt_diff_add              (TaktDiff           *diff,
                                          int                 machine,
                                          gint64              from,
                                          gint64              to,
                                          int                 count);
/* @machine is taken as different until the next clear. */
void          takt_diff_give_up          (TaktDiff           *diff,
                                          int                 machine);
static inline gboolean
takt_diff_clean (const TaktDiff *diff,
                 int             machine)
{
  return diff->dirty == 0 || (diff->slots[machine]->len == 0 && !diff->given_up[machine]);
}
void          takt_pass_log_init         (TaktPassLog        *log);
void          takt_pass_log_clear        (TaktPassLog        *log);
void          takt_pass_log_begin        (TaktPassLog        *log,
                                          int                 mode);
/* A new entry with room for @n_ints and @n_longs in the pools. */
TaktLogRun   *takt_pass_log_add          (TaktPassLog        *log,
                                          guint               n_ints,
                                          guint               n_longs);

/* takt-evaluate.c */
/* The spec's matching for one product: its units' finish times (relative,
 * sorted) against its demands (after stock), first finished to first due.
 * Sums in unit × seconds: @early (finished before due), @late (after),
 * @surplus (units beyond all demand, held to the horizon end); @missing
 * demanded units no unit covers. */
void          takt_match_product         (const TaktDemand   *demands,
                                          int                 n_demands,
                                          gint64              origin,
                                          gint64              horizon,
                                          const gint64       *finish,
                                          gsize               n,
                                          gint64             *early,
                                          gint64             *late,
                                          gint64             *surplus,
                                          gint64             *missing);
/* Stats of @schedule; when @fill_covers, also fills each run's covers;
 * with @overlaps, runs that overlap on a machine are reported.
 * @finishes (may be NULL): per schedule run, its units' finish times
 * (relative) when already known. */
TaktPlanStats *takt_evaluate_schedule    (const TaktPlan      *plan,
                                          TaktSchedule        *schedule,
                                          gboolean             fill_covers,
                                          gboolean             overlaps,
                                          const gint64 *const *finishes);

G_END_DECLS
