/* takt-gantt-view-dnd.c — dragging runs, the live preview of a drop, and
 * the edits of pins (drop, keys and the context menu)
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules a drop follows (the same for the keyboard):
 *
 *  - The pin is on the run's first step: its start is when the first unit
 *    begins there (the setup just before), snapped to the snap interval
 *    unless Shift is held.
 *  - Up and down go to another machine of the first step's station; a row
 *    of another station is refused ("Packing cannot start Spiral vase"), so
 *    is a station's heading row.  A later step can be dragged sideways only.
 *  - A start before the horizon or at or after its end is refused.
 *  - A start in closed time (no working time at that instant on that
 *    station) moves to the next working instant, as the planner would place
 *    it anyway: dropping on a weekend means "first thing on Monday".  Only
 *    when no working time follows is it refused.
 *
 * A pinned run is told to its pin like this: the pin of the same product,
 * first-step station, machine and quantity whose start is the latest at or
 * before the run's start (the planner only ever moves a pin's run later, to
 * the next working instant); failing that, the pin of that product, station
 * and machine nearest in time.  Right after an edit of the view's own, the
 * selection names the pin by its exact values, so repeated keys work before
 * the re-plan arrives.
 *
 * While dragging, the cost and lateness of the drop come from a quick
 * construction-only re-plan (time limit 0) of a copy of the plan with the
 * prospective pin, compared with the same quick re-plan without it.  On the
 * M benchmark plan that takes longer than a frame (≈ 70–150 ms here), so it
 * runs in a worker thread: one job at a time, and when it returns only the
 * latest target is planned next (coalescing).
 */

#define G_LOG_DOMAIN "takt-gantt-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "takt-format.h"
#include "takt-gantt-view-private.h"
#include "takt-time.h"

struct _TaktGanttDrag
{
  gboolean        started;       /* moved past the threshold */
  int             run;
  int             step;          /* the grabbed step */
  int             step_row;      /* its row when grabbed */
  TaktGanttRunKey key;           /* the run as grabbed */
  int             pin;           /* its pin, -1 */
  double          start_x;
  double          start_y;
  double          grab_offset;   /* pointer instant − the grabbed step's start */
  gint64          step_offset;   /* the grabbed step's start − the first step's start */

  /* The target. */
  int             row;
  gint64          machine;
  gint64          start;         /* of the first step: the pin's start */
  gboolean        valid;
  char           *reason;
};

typedef struct
{
  int     pin;                   /* to change, -1: a new pin */
  int     product_index;
  int     station_index;
  gint64  quantity;
  gint64  machine;
  gint64  start;
} PreviewTarget;

/* Shared with the worker; the view lets go of it when the drag ends. */
struct _TaktGanttPreview
{
  TaktPlan      *plan;           /* the worker's alone while a job runs */
  GCancellable  *cancellable;
  TaktGanttView *view;           /* NULL once the view let go */
  gboolean       busy;
  guint          wanted_serial;
  PreviewTarget  wanted;
  gboolean       have_base;
  double         base_total;
  gint64         base_late;
  guint          result_serial;  /* 0: no result yet */
  double         total;
  gint64         late;
  double         last_ms;
};

typedef struct
{
  TaktGanttPreview *preview;
  gboolean          base;
  PreviewTarget     target;
  guint             serial;
  double            total;
  gint64            late;
  double            ms;
} PreviewJob;

/* ---- pins as edits ---- */

typedef struct
{
  int      index;                /* the pin to change or remove; -1: add one */
  gboolean remove;
  char    *product;
  char    *station;
  gint64   quantity;
  gint64   machine;
  gint64   start;
} PinOp;

static void
pin_op_clear (gpointer data)
{
  PinOp *op = data;

  g_clear_pointer (&op->product, g_free);
  g_clear_pointer (&op->station, g_free);
}

static GArray *
pin_ops_new (void)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (PinOp));

  g_array_set_clear_func (ops, pin_op_clear);
  return ops;
}

static void
add_remove_op (GArray *ops,
               int     index)
{
  PinOp op = { index, TRUE, NULL, NULL, 0, 0, 0 };

  g_array_append_val (ops, op);
}

static void
add_set_op (GArray         *ops,
            const TaktPlan *plan,
            int             index,
            int             product_index,
            int             station_index,
            gint64          quantity,
            gint64          machine,
            gint64          start)
{
  const TaktProduct *product = g_ptr_array_index (plan->products, product_index);
  const TaktStation *station = g_ptr_array_index (plan->stations, station_index);
  PinOp op = { index, FALSE, g_strdup (product->id), g_strdup (station->id), quantity, machine, start };

  g_array_append_val (ops, op);
}

static int
compare_int_desc (gconstpointer a,
                  gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

static gboolean
apply_pin_ops (TaktPlan  *plan,
               gpointer   user_data,
               GError   **error)
{
  GArray *ops = user_data;
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < ops->len; i++)
    {
      const PinOp *op = &g_array_index (ops, PinOp, i);
      TaktPin *pin;

      if (op->index >= (int) plan->pins->len)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The pin is no longer in the plan"));
          return FALSE;
        }
      if (op->remove)
        {
          if (op->index >= 0)
            g_array_append_val (removed, op->index);
          continue;
        }
      if (op->index >= 0)
        {
          pin = g_ptr_array_index (plan->pins, op->index);
        }
      else
        {
          pin = takt_pin_new ();
          g_ptr_array_add (plan->pins, pin);
        }
      g_free (pin->product);
      pin->product = g_strdup (op->product);
      g_free (pin->station);
      pin->station = g_strdup (op->station);
      pin->product_index = takt_plan_find_product (plan, op->product);
      pin->station_index = takt_plan_find_station (plan, op->station);
      pin->quantity = op->quantity;
      pin->machine = op->machine;
      pin->start = op->start;
    }

  /* Removed from the end first, so the indices still hold. */
  g_array_sort (removed, compare_int_desc);
  for (guint i = 0; i < removed->len; i++)
    {
      int index = g_array_index (removed, int, i);

      if (i > 0 && index == g_array_index (removed, int, i - 1))
        continue;
      g_ptr_array_remove_index (plan->pins, (guint) index);
    }
  return TRUE;
}

static gboolean
run_edit (TaktGanttView         *self,
          const char            *description,
          GArray                *ops,
          const TaktGanttRunKey *keys,
          guint                  n_keys)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || ops->len == 0)
    return FALSE;
  if (!takt_document_edit (self->document, description, apply_pin_ops, ops, &error))
    {
      g_warning ("Could not change the pins: %s", error->message);
      return FALSE;
    }
  takt_gantt_view_set_selection_keys (self, keys, n_keys);
  return TRUE;
}

/* ---- pins of runs ---- */

static int
find_pin_for_run (TaktGanttView *self,
                  int            run_index)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  const TaktRun *run = takt_gantt_view_get_run (self, run_index);
  const TaktRunStep *first;
  int best = -1;
  gint64 best_start = G_MININT64;
  gint64 best_distance = G_MAXINT64;

  if (run == NULL || !run->pinned)
    return -1;
  first = &g_array_index (run->steps, TaktRunStep, 0);

  for (guint i = 0; i < plan->pins->len; i++)
    {
      const TaktPin *pin = g_ptr_array_index (plan->pins, i);

      if (pin->product_index == run->product_index && pin->station_index == first->station_index &&
          pin->machine == first->machine && pin->quantity == run->quantity &&
          pin->start <= first->start && pin->start > best_start)
        {
          best = (int) i;
          best_start = pin->start;
        }
    }
  if (best >= 0)
    return best;

  for (guint i = 0; i < plan->pins->len; i++)
    {
      const TaktPin *pin = g_ptr_array_index (plan->pins, i);
      gint64 distance = ABS (pin->start - first->start);

      if (pin->product_index == run->product_index && pin->station_index == first->station_index &&
          pin->machine == first->machine && distance < best_distance)
        {
          best = (int) i;
          best_distance = distance;
        }
    }
  return best;
}

int
takt_gantt_view_find_pin (TaktGanttView *self,
                          int            run)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), -1);
  return find_pin_for_run (self, run);
}

int
takt_gantt_view_find_pin_for_key (TaktGanttView         *self,
                                  const TaktGanttRunKey *key)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);

  if (plan == NULL || key == NULL || !key->pinned)
    return -1;
  for (guint i = 0; i < plan->pins->len; i++)
    {
      const TaktPin *pin = g_ptr_array_index (plan->pins, i);

      if (pin->product_index == key->product_index && pin->station_index == key->station_index &&
          pin->machine == key->machine && pin->start == key->start && pin->quantity == key->quantity)
        return (int) i;
    }
  return -1;
}

/* What an edit starts from: the selected run's pin when it has one (its
 * values may be newer than the schedule), else the run where it is. */
typedef struct
{
  int    run;
  int    pin;
  int    product_index;
  int    station_index;
  gint64 machine;
  gint64 start;
  gint64 quantity;
} Target;

static gboolean
target_for (TaktGanttView         *self,
            const TaktGanttRunKey *key,
            int                    run_index,
            Target                *target)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  int pin = takt_gantt_view_find_pin_for_key (self, key);

  target->run = run_index;
  if (pin < 0 && run_index >= 0)
    pin = find_pin_for_run (self, run_index);
  target->pin = pin;

  if (pin >= 0)
    {
      const TaktPin *p = g_ptr_array_index (plan->pins, pin);

      target->product_index = p->product_index;
      target->station_index = p->station_index;
      target->machine = p->machine;
      target->start = p->start;
      target->quantity = p->quantity;
      return TRUE;
    }
  else
    {
      const TaktRun *run = takt_gantt_view_get_run (self, run_index);
      const TaktRunStep *first;

      if (run == NULL)
        return FALSE;
      first = &g_array_index (run->steps, TaktRunStep, 0);
      target->product_index = run->product_index;
      target->station_index = first->station_index;
      target->machine = first->machine;
      target->start = first->start;
      target->quantity = run->quantity;
      return target->product_index >= 0 && target->station_index >= 0;
    }
}

static gboolean
selected_target (TaktGanttView *self,
                 Target        *target)
{
  const TaktGanttRunKey *key = takt_gantt_view_get_primary_key (self);

  if (key == NULL || takt_gantt_view_ensure_layout (self) == NULL)
    return FALSE;
  return target_for (self, key, takt_gantt_view_get_selected_run (self), target);
}

static void
key_for_target (const Target    *target,
                gint64           machine,
                gint64           start,
                gint64           quantity,
                gboolean         pinned,
                TaktGanttRunKey *key)
{
  key->product_index = target->product_index;
  key->station_index = target->station_index;
  key->machine = machine;
  key->start = start;
  key->quantity = quantity;
  key->pinned = pinned;
}

/* ---- working time and snapping ---- */

const TaktWorkTime *
takt_gantt_view_work_time (TaktGanttView *self,
                           int            station_index)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);

  if (plan == NULL || station_index < 0 || (guint) station_index >= plan->stations->len)
    return NULL;
  if (self->work_times == NULL)
    {
      self->n_work_times = plan->stations->len;
      self->work_times = g_new0 (TaktWorkTime *, self->n_work_times);
    }
  if (self->work_times[station_index] == NULL)
    self->work_times[station_index] =
      takt_work_time_new (takt_plan_station_calendar (plan, station_index), plan->horizon_start,
                          (plan->horizon_days + 7) * TAKT_DAY_S);
  return self->work_times[station_index];
}

static void
clear_work_times (TaktGanttView *self)
{
  for (guint i = 0; i < self->n_work_times; i++)
    g_clear_pointer (&self->work_times[i], takt_work_time_free);
  g_clear_pointer (&self->work_times, g_free);
  self->n_work_times = 0;
}

static gint64
snap_seconds (TaktGanttView *self)
{
  return (gint64) takt_gantt_view_get_snap_minutes (self) * 60;
}

/* The nearest multiple of the snap interval, counted from midnight. */
gint64
takt_gantt_view_snap (TaktGanttView *self,
                      double         t)
{
  gint64 snap = snap_seconds (self);
  gint64 day = takt_day_start ((gint64) floor (t));

  return day + (gint64) floor ((t - (double) day) / (double) snap + 0.5) * snap;
}

static gboolean
is_working (const TaktWorkTime *wt,
            gint64              rel)
{
  return takt_work_time_next (wt, rel) == rel;
}

/* Checks a start for the first step at @station_index; moves one in closed
 * time to the next working instant.  Returns the reason it cannot be, or
 * NULL. */
static char *
check_start (TaktGanttView *self,
             int            station_index,
             gint64        *start)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  const TaktWorkTime *wt = takt_gantt_view_work_time (self, station_index);
  gint64 horizon_end = plan->horizon_start + plan->horizon_days * TAKT_DAY_S;
  const TaktStation *station = g_ptr_array_index (plan->stations, station_index);
  gint64 next;

  if (*start < plan->horizon_start)
    return g_strdup (_("Before the plan’s horizon starts"));
  if (*start >= horizon_end)
    return g_strdup (_("After the plan’s horizon ends"));
  if (wt == NULL)
    return NULL;

  next = takt_work_time_next (wt, *start - plan->horizon_start);
  if (next == TAKT_TIME_NEVER || plan->horizon_start + next >= horizon_end)
    /* Translators: %s is a station */
    return g_strdup_printf (_("%s has no working time left"), station->name);
  *start = plan->horizon_start + next;
  return NULL;
}

/* ---- the preview ---- */

static void
preview_job_free (gpointer data)
{
  PreviewJob *job = data;

  g_free (job);
}

static void
preview_clear (TaktGanttPreview *preview)
{
  g_clear_pointer (&preview->plan, takt_plan_free);
  g_clear_object (&preview->cancellable);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  TaktPlan *plan = job->preview->plan;
  TaktPlannerOptions options;
  g_autoptr(TaktPlanStats) stats = NULL;
  g_autoptr(TaktSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  TaktPin saved = { 0 };
  TaktPin *pin = NULL;
  gint64 begin = g_get_monotonic_time ();

  if (!job->base)
    {
      if (job->target.pin >= 0 && (guint) job->target.pin < plan->pins->len)
        {
          pin = g_ptr_array_index (plan->pins, job->target.pin);
          saved = *pin;
        }
      else
        {
          pin = takt_pin_new ();
          pin->product = g_strdup (((TaktProduct *) g_ptr_array_index (plan->products, job->target.product_index))->id);
          pin->station = g_strdup (((TaktStation *) g_ptr_array_index (plan->stations, job->target.station_index))->id);
          g_ptr_array_add (plan->pins, pin);
        }
      pin->product_index = job->target.product_index;
      pin->station_index = job->target.station_index;
      pin->quantity = job->target.quantity;
      pin->machine = job->target.machine;
      pin->start = job->target.start;
    }

  takt_planner_options_init (&options, plan);
  options.time_limit_ms = 0;
  options.cancellable = cancellable;
  schedule = takt_planner_run (plan, &options, &stats, &error);

  /* The plan goes back as it was, for the next job. */
  if (pin != NULL && job->target.pin >= 0 && (guint) job->target.pin < plan->pins->len)
    *pin = saved;
  else if (pin != NULL)
    g_ptr_array_remove_index (plan->pins, plan->pins->len - 1);

  job->ms = (g_get_monotonic_time () - begin) / 1000.0;
  if (schedule == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->total = stats->total;
  job->late = stats->late_orders;
  g_task_return_boolean (task, TRUE);
}

static void preview_start_next (TaktGanttPreview *preview);
static void update_summary     (TaktGanttView    *self);

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = G_TASK (result);
  PreviewJob *job = g_task_get_task_data (task);
  TaktGanttPreview *preview = job->preview;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);

  preview->busy = FALSE;
  if (preview->view == NULL)
    {
      /* The drag ended while the job ran. */
      g_rc_box_release_full (preview, (GDestroyNotify) preview_clear);
      return;
    }

  if (ok)
    {
      preview->last_ms = job->ms;
      preview->view->last_preview_ms = job->ms;
      g_debug ("A quick re-plan for the drop preview took %.1f ms", job->ms);
      if (job->base)
        {
          preview->have_base = TRUE;
          preview->base_total = job->total;
          preview->base_late = job->late;
        }
      else
        {
          preview->result_serial = job->serial;
          preview->total = job->total;
          preview->late = job->late;
        }
      update_summary (preview->view);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("The drop preview could not be planned: %s", error->message);
    }

  preview_start_next (preview);
  g_rc_box_release_full (preview, (GDestroyNotify) preview_clear);
}

static void
preview_start_next (TaktGanttPreview *preview)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;

  if (preview->busy || preview->view == NULL)
    return;
  if (preview->have_base && (preview->wanted_serial == 0 || preview->result_serial == preview->wanted_serial))
    return;

  job = g_new0 (PreviewJob, 1);
  job->preview = g_rc_box_acquire (preview);
  job->base = !preview->have_base;
  job->target = preview->wanted;
  job->serial = preview->wanted_serial;
  preview->busy = TRUE;

  task = g_task_new (NULL, preview->cancellable, preview_done_cb, NULL);
  g_task_set_name (task, "takt-drop-preview");
  g_task_set_task_data (task, job, preview_job_free);
  g_task_run_in_thread (task, preview_thread);
}

static void
preview_want (TaktGanttView *self,
              const PreviewTarget *target)
{
  TaktGanttPreview *preview = self->preview;

  if (preview == NULL)
    return;
  if (preview->wanted_serial > 0 && memcmp (&preview->wanted, target, sizeof *target) == 0)
    return;
  preview->wanted = *target;
  preview->wanted_serial++;
  preview_start_next (preview);
}

static void
preview_begin (TaktGanttView *self)
{
  TaktGanttPreview *preview = g_rc_box_new0 (TaktGanttPreview);

  preview->plan = takt_plan_copy (takt_gantt_view_get_plan (self));
  g_clear_pointer (&preview->plan->schedule, takt_schedule_free);
  preview->cancellable = g_cancellable_new ();
  preview->view = self;
  self->preview = preview;
  preview_start_next (preview);
}

static void
preview_end (TaktGanttView *self)
{
  TaktGanttPreview *preview = g_steal_pointer (&self->preview);

  if (preview == NULL)
    return;
  preview->view = NULL;
  g_cancellable_cancel (preview->cancellable);
  g_rc_box_release_full (preview, (GDestroyNotify) preview_clear);
}

static char *
describe_change (TaktGanttView *self,
                 double         delta,
                 gint64         late_before,
                 gint64         late_after)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  g_autoptr(GString) text = g_string_new (NULL);

  if (fabs (delta) >= 0.005)
    {
      g_autofree char *money = takt_format_money_delta (delta, plan->currency);

      g_string_append (text, money);
    }
  else
    {
      g_string_append (text, _("same cost"));
    }

  g_string_append (text, " · ");
  if (late_after < late_before)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d order no longer late",
                                               "%d orders no longer late", late_before - late_after),
                            (int) (late_before - late_after));
  else if (late_after > late_before)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d more order late",
                                               "%d more orders late", late_after - late_before),
                            (int) (late_after - late_before));
  else if (late_after == 0)
    g_string_append (text, _("every order on time"));
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "still %d order late",
                                               "still %d orders late", late_after),
                            (int) late_after);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_summary (TaktGanttView *self)
{
  TaktGanttDrag *drag = self->drag;
  TaktGanttPreview *preview = self->preview;
  g_autofree char *where = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (drag == NULL || !drag->started)
    {
      takt_gantt_view_set_drop_summary (self, NULL);
      return;
    }

  if (!drag->valid)
    {
      /* Translators: while dragging a run over a place it cannot go */
      text = g_strdup_printf (_("Cannot drop here: %s"), drag->reason);
      takt_gantt_view_set_drop_summary (self, text);
      return;
    }

  where = takt_gantt_view_machine_name (self, drag->key.station_index, drag->machine);
  when = takt_format_instant (drag->start);
  if (preview != NULL && preview->have_base && preview->result_serial != 0 &&
      preview->result_serial == preview->wanted_serial)
    {
      const TaktPlanStats *shown = takt_document_get_stats (self->document);
      gint64 before = shown != NULL ? shown->late_orders : preview->base_late;
      g_autofree char *change = NULL;

      /* The quick re-plans with and without the move give the change; it
       * starts from the figures on screen, which the search made (a quick
       * plan of the same plan has other ones). */
      change = describe_change (self, preview->total - preview->base_total,
                                before, MAX (before + preview->late - preview->base_late, 0));

      /* Translators: while dragging, "Print farm 2, Wed 2 Dec, 06:00: −€3.20 · every order on time" */
      text = g_strdup_printf (_("%s, %s: %s"), where, when, change);
    }
  else
    {
      /* Translators: while dragging, before the cost of the drop is known */
      text = g_strdup_printf (_("%s, %s: working out the cost…"), where, when);
    }
  takt_gantt_view_set_drop_summary (self, text);
}

/* ---- dragging ---- */

static void
drag_free (TaktGanttDrag *drag)
{
  g_free (drag->reason);
  g_free (drag);
}

gboolean
takt_gantt_view_get_dragging (TaktGanttView *self)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), FALSE);
  return self->drag != NULL && self->drag->started;
}

static void
clear_ghost (TaktGanttView *self)
{
  self->state.drag_active = FALSE;
  self->state.drag_run = -1;
  self->state.drag_step = -1;
  self->state.drag_row = -1;
  self->state.drag_reason = NULL;
  self->drop_pending = FALSE;
}

static void
end_drag_state (TaktGanttView *self,
                gboolean       keep_ghost)
{
  gboolean was_dragging = takt_gantt_view_get_dragging (self);

  preview_end (self);
  if (!keep_ghost)
    clear_ghost (self);
  else
    self->state.drag_reason = NULL;
  g_clear_pointer (&self->drag, drag_free);
  takt_gantt_view_set_drop_summary (self, NULL);
  if (was_dragging || !keep_ghost)
    takt_gantt_view_drag_state_changed (self);
}

gboolean
takt_gantt_view_begin_drag (TaktGanttView *self,
                            double         x,
                            double         y)
{
  TaktGanttLayout *layout;
  TaktGanttHit hit;
  TaktGanttDrag *drag;
  const TaktRun *run;
  const TaktRunStep *first, *step;

  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), FALSE);

  if (self->drag != NULL)
    end_drag_state (self, FALSE);
  layout = takt_gantt_view_ensure_layout (self);
  /* A schedule that does not match the plan yet would pin the wrong run. */
  if (layout == NULL || self->schedule_stale)
    return FALSE;
  if (!takt_gantt_hit_test (layout, &self->viewport, x, y, &hit) || hit.run < 0 || hit.step < 0)
    return FALSE;
  run = takt_gantt_view_get_run (self, hit.run);
  if (run == NULL || (guint) hit.step >= run->steps->len)
    return FALSE;
  first = &g_array_index (run->steps, TaktRunStep, 0);
  step = &g_array_index (run->steps, TaktRunStep, hit.step);
  if (first->station_index < 0 || run->product_index < 0)
    return FALSE;

  clear_ghost (self);
  drag = g_new0 (TaktGanttDrag, 1);
  drag->run = hit.run;
  drag->step = hit.step;
  drag->step_row = takt_gantt_layout_find_row (layout, step->station_index, step->machine);
  takt_gantt_view_key_for_run (self, hit.run, &drag->key);
  drag->pin = find_pin_for_run (self, hit.run);
  drag->start_x = x;
  drag->start_y = y;
  drag->grab_offset = takt_gantt_viewport_time_at_x (&self->viewport, x) - (double) step->start;
  drag->step_offset = step->start - first->start;
  drag->row = drag->step_row;
  drag->machine = first->machine;
  drag->start = first->start;
  drag->valid = TRUE;
  self->drag = drag;

  return TRUE;
}

static void
start_drag (TaktGanttView *self)
{
  TaktGanttDrag *drag = self->drag;

  drag->started = TRUE;
  /* The run this drag is about becomes the selection. */
  takt_gantt_view_select_run (self, drag->run, FALSE);
  self->selected_step = drag->step;
  self->state.hover_run = -1;
  preview_begin (self);
  takt_gantt_view_drag_state_changed (self);
}

void
takt_gantt_view_update_drag (TaktGanttView *self,
                             double         x,
                             double         y,
                             gboolean       free_placement)
{
  TaktGanttDrag *drag = self->drag;
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  const TaktGanttRow *row_info;
  const TaktStation *station;
  double raw;
  gint64 start;
  int row;
  g_autofree char *reason = NULL;

  g_return_if_fail (TAKT_IS_GANTT_VIEW (self));

  if (drag == NULL || takt_gantt_view_ensure_layout (self) == NULL)
    return;
  if (!drag->started)
    start_drag (self);

  /* Where the first unit of the first step would start. */
  raw = takt_gantt_viewport_time_at_x (&self->viewport, x) - drag->grab_offset - (double) drag->step_offset;
  start = free_placement ? (gint64) llround (raw) : takt_gantt_view_snap (self, raw);

  row = takt_gantt_layout_row_at_y (self->layout, &self->viewport, y);
  if (row < 0)
    row = drag->row;
  row_info = takt_gantt_layout_get_row (self->layout, (guint) row);
  station = g_ptr_array_index (plan->stations, drag->key.station_index);

  if (drag->step > 0)
    {
      /* A later step follows its first: it moves in time only. */
      if (row != drag->step_row)
        reason = g_strdup (_("Drag the first step to change machine"));
      row = drag->step_row;
      drag->machine = drag->key.machine;
    }
  else if (row_info->station_index != drag->key.station_index)
    {
      const TaktStation *other = g_ptr_array_index (plan->stations, row_info->station_index);

      /* Translators: while dragging, "Packing cannot start Spiral vase" */
      reason = g_strdup_printf (_("%s cannot start %s"), other->name,
                                ((TaktProduct *) g_ptr_array_index (plan->products, drag->key.product_index))->name);
    }
  else if (row_info->kind != TAKT_GANTT_ROW_MACHINE)
    {
      /* Translators: while dragging over a station's heading; %s is the station */
      reason = g_strdup_printf (_("Drop on a machine of %s"), station->name);
    }
  else
    {
      drag->machine = row_info->machine;
    }

  if (reason == NULL)
    reason = check_start (self, drag->key.station_index, &start);

  drag->row = row;
  drag->start = start;
  drag->valid = reason == NULL;
  g_free (drag->reason);
  drag->reason = g_steal_pointer (&reason);

  self->state.drag_active = TRUE;
  self->state.drag_run = drag->run;
  self->state.drag_step = drag->step;
  self->state.drag_row = row;
  self->state.drag_start = start + drag->step_offset;
  self->state.drag_valid = drag->valid;
  self->state.drag_reason = drag->reason;

  if (drag->valid)
    {
      PreviewTarget target = { drag->pin, drag->key.product_index, drag->key.station_index,
                               drag->key.quantity, drag->machine, drag->start };

      preview_want (self, &target);
    }
  update_summary (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), drag->valid ? "grabbing" : "not-allowed");
  takt_gantt_view_autoscroll (self, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
takt_gantt_view_end_drag (TaktGanttView *self)
{
  TaktGanttDrag *drag = self->drag;
  const TaktPlan *plan;
  g_autoptr(GArray) ops = NULL;
  TaktGanttRunKey key;
  guint revision;
  gboolean moved;

  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), FALSE);

  if (drag == NULL || !drag->started || !drag->valid)
    {
      takt_gantt_view_cancel_drag (self);
      return FALSE;
    }

  plan = takt_gantt_view_get_plan (self);
  ops = pin_ops_new ();
  add_set_op (ops, plan, drag->pin, drag->key.product_index, drag->key.station_index,
              drag->key.quantity, drag->machine, drag->start);
  key = drag->key;
  key.machine = drag->machine;
  key.start = drag->start;
  key.pinned = TRUE;
  moved = drag->machine != drag->key.machine || drag->start != drag->key.start || drag->pin < 0;

  /* The ghost stays where it was dropped until the re-plan shows the run
   * there. */
  end_drag_state (self, TRUE);
  revision = takt_document_get_revision (self->document);
  if (!moved || !run_edit (self, _("Move Run"), ops, &key, 1) ||
      takt_document_get_revision (self->document) == revision)
    {
      clear_ghost (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return moved && takt_document_get_revision (self->document) != revision;
    }
  self->drop_pending = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

void
takt_gantt_view_cancel_drag (TaktGanttView *self)
{
  g_return_if_fail (TAKT_IS_GANTT_VIEW (self));

  if (self->drag == NULL)
    return;
  end_drag_state (self, FALSE);
  if (self->drag_gesture != NULL)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
}

gboolean
takt_gantt_view_get_drop_target (TaktGanttView  *self,
                                 gint64         *start,
                                 gint64         *machine,
                                 const char    **reason)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), FALSE);

  if (!takt_gantt_view_get_dragging (self))
    return FALSE;
  if (start != NULL)
    *start = self->drag->start;
  if (machine != NULL)
    *machine = self->drag->machine;
  if (reason != NULL)
    *reason = self->drag->valid ? NULL : self->drag->reason;
  return TRUE;
}

/* ---- the gesture ---- */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               TaktGanttView  *self)
{
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY ||
      (gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)) & GDK_CONTROL_MASK) != 0 ||
      !takt_gantt_view_begin_drag (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                TaktGanttView  *self)
{
  TaktGanttDrag *drag = self->drag;
  GdkModifierType state;
  int threshold = 8;

  if (drag == NULL)
    return;
  if (!drag->started)
    {
      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
      if (hypot (offset_x, offset_y) < threshold)
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  takt_gantt_view_update_drag (self, drag->start_x + offset_x, drag->start_y + offset_y,
                               (state & GDK_SHIFT_MASK) != 0);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             TaktGanttView  *self)
{
  if (self->drag == NULL)
    return;
  if (!self->drag->started)
    {
      /* A click, not a drag. */
      g_clear_pointer (&self->drag, drag_free);
      return;
    }
  takt_gantt_view_end_drag (self);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TaktGanttView    *self)
{
  if (self->drag != NULL)
    end_drag_state (self, FALSE);
}

void
takt_gantt_view_dnd_init (TaktGanttView *self)
{
  GtkGesture *gesture = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->drag_gesture = gesture;
}

void
takt_gantt_view_dnd_dispose (TaktGanttView *self)
{
  preview_end (self);
  g_clear_pointer (&self->drag, drag_free);
  clear_work_times (self);
  self->drag_gesture = NULL;
}

void
takt_gantt_view_dnd_plan_changed (TaktGanttView *self)
{
  clear_work_times (self);
  /* A drag works on the plan it began with. */
  if (takt_gantt_view_get_dragging (self))
    takt_gantt_view_cancel_drag (self);
  else
    g_clear_pointer (&self->drag, drag_free);
}

/* ---- keyboard and menu edits ---- */

gboolean
takt_gantt_view_move_selected (TaktGanttView *self,
                               int            direction)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  g_autoptr(GArray) ops = NULL;
  g_autofree char *reason = NULL;
  const TaktWorkTime *wt;
  TaktGanttRunKey key;
  Target target;
  gint64 snap = snap_seconds (self);
  gint64 day, start, rel;

  if (!selected_target (self, &target))
    return FALSE;

  /* The next point of the snap grid in that direction. */
  day = takt_day_start (target.start);
  if (direction > 0)
    start = day + ((target.start - day) / snap + 1) * snap;
  else
    start = day + ((target.start - day + snap - 1) / snap - 1) * snap;

  /* Past closed time: later, to the next working instant; earlier, to the
   * last grid point that still works. */
  wt = takt_gantt_view_work_time (self, target.station_index);
  rel = start - plan->horizon_start;
  if (direction < 0 && wt != NULL && rel > 0 && !is_working (wt, rel))
    {
      gint64 worked = takt_work_time_worked (wt, rel);
      gint64 last;

      if (worked <= 0)
        return FALSE;
      last = takt_work_time_start_at (wt, worked - 1);
      if (last == TAKT_TIME_NEVER)
        return FALSE;
      start = takt_gantt_view_snap (self, (double) (plan->horizon_start + last) - snap / 2.0);
      if (!is_working (wt, start - plan->horizon_start))
        start = plan->horizon_start + last - last % 60;
    }
  reason = check_start (self, target.station_index, &start);
  if (reason != NULL || start == target.start)
    return FALSE;

  ops = pin_ops_new ();
  add_set_op (ops, plan, target.pin, target.product_index, target.station_index, target.quantity,
              target.machine, start);
  key_for_target (&target, target.machine, start, target.quantity, TRUE, &key);
  return run_edit (self, _("Move Run"), ops, &key, 1);
}

gboolean
takt_gantt_view_change_machine (TaktGanttView *self,
                                int            delta)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  const TaktStation *station;
  g_autoptr(GArray) ops = NULL;
  TaktGanttRunKey key;
  Target target;
  gint64 machine;

  if (!selected_target (self, &target))
    return FALSE;
  station = g_ptr_array_index (plan->stations, target.station_index);
  machine = target.machine + delta;
  if (machine < 1 || machine > station->machines)
    return FALSE;

  ops = pin_ops_new ();
  add_set_op (ops, plan, target.pin, target.product_index, target.station_index, target.quantity,
              machine, target.start);
  key_for_target (&target, machine, target.start, target.quantity, TRUE, &key);
  return run_edit (self, _("Change Machine"), ops, &key, 1);
}

gboolean
takt_gantt_view_pin_selected (TaktGanttView *self)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  g_autoptr(GArray) ops = NULL;
  TaktGanttRunKey key;
  Target target;

  if (!selected_target (self, &target) || target.pin >= 0)
    return FALSE;
  ops = pin_ops_new ();
  add_set_op (ops, plan, -1, target.product_index, target.station_index, target.quantity,
              target.machine, target.start);
  key_for_target (&target, target.machine, target.start, target.quantity, TRUE, &key);
  return run_edit (self, _("Pin Run"), ops, &key, 1);
}

/* The pins of every selected run; their keys unpinned. */
static GArray *
selection_pin_ops (TaktGanttView *self,
                   GArray        *keys)
{
  GArray *ops = pin_ops_new ();

  if (takt_gantt_view_ensure_layout (self) == NULL)
    return ops;
  for (guint i = 0; i < self->selection->len; i++)
    {
      const TaktGanttRunKey *key = &g_array_index (self->selection, TaktGanttRunKey, i);
      TaktGanttRunKey unpinned;
      Target target;
      int run = takt_gantt_view_resolve_key (self, key);

      if (!target_for (self, key, run, &target))
        continue;
      key_for_target (&target, target.machine, target.start, target.quantity, FALSE, &unpinned);
      g_array_append_val (keys, unpinned);
      if (target.pin >= 0)
        add_remove_op (ops, target.pin);
    }
  return ops;
}

gboolean
takt_gantt_view_selection_has_pins (TaktGanttView *self)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (TaktGanttRunKey));
  g_autoptr(GArray) ops = selection_pin_ops (self, keys);

  return ops->len > 0;
}

gboolean
takt_gantt_view_unpin_selected (TaktGanttView *self)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (TaktGanttRunKey));
  g_autoptr(GArray) ops = selection_pin_ops (self, keys);

  if (ops->len == 0)
    return FALSE;
  return run_edit (self, g_dngettext (GETTEXT_PACKAGE, "Unpin Run", "Unpin Runs", ops->len),
                   ops, (const TaktGanttRunKey *) keys->data, keys->len);
}

gboolean
takt_gantt_view_replan_jit_selected (TaktGanttView *self)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (TaktGanttRunKey));
  g_autoptr(GArray) ops = selection_pin_ops (self, keys);

  if (ops->len == 0)
    return FALSE;
  return run_edit (self, _("Re-plan Just in Time"), ops, (const TaktGanttRunKey *) keys->data, keys->len);
}

gboolean
takt_gantt_view_split_selected (TaktGanttView *self,
                                gint64         first_quantity)
{
  const TaktPlan *plan;
  const TaktProduct *product;
  const TaktStep *step;
  const TaktWorkTime *wt;
  g_autoptr(GArray) ops = NULL;
  TaktGanttRunKey key;
  Target target;
  gint64 rel, end, second;

  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), FALSE);

  if (!selected_target (self, &target) || first_quantity < 1 || first_quantity >= target.quantity)
    return FALSE;
  plan = takt_gantt_view_get_plan (self);
  product = g_ptr_array_index (plan->products, target.product_index);
  step = g_ptr_array_index (product->routing, 0);
  wt = takt_gantt_view_work_time (self, target.station_index);

  /* The second part starts where the first one's last unit leaves the
   * first step, after its own setup. */
  rel = MAX (target.start - plan->horizon_start, 0);
  if (wt != NULL)
    {
      end = takt_work_time_add (wt, rel, first_quantity * step->cycle_s);
      if (end == TAKT_TIME_NEVER)
        return FALSE;
      second = step->setup_s > 0 ? takt_work_time_add (wt, end, step->setup_s) : takt_work_time_next (wt, end);
      if (second == TAKT_TIME_NEVER)
        return FALSE;
    }
  else
    {
      second = rel + first_quantity * step->cycle_s + step->setup_s;
    }
  second += plan->horizon_start;

  ops = pin_ops_new ();
  add_set_op (ops, plan, target.pin, target.product_index, target.station_index, first_quantity,
              target.machine, target.start);
  add_set_op (ops, plan, -1, target.product_index, target.station_index,
              target.quantity - first_quantity, target.machine, second);
  key_for_target (&target, target.machine, target.start, first_quantity, TRUE, &key);
  return run_edit (self, _("Split Run"), ops, &key, 1);
}

/* The next run of the same product after the selected one, or -1. */
int
takt_gantt_view_find_merge_partner (TaktGanttView *self)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  const TaktRun *selected = takt_gantt_view_get_run (self, self->selected_run);
  const TaktSchedule *schedule;
  const TaktProduct *product;
  gint64 start;
  int best = -1;
  gint64 best_start = G_MAXINT64;

  if (selected == NULL || selected->product_index < 0)
    return -1;
  schedule = takt_document_get_schedule (self->document);
  product = g_ptr_array_index (plan->products, selected->product_index);
  start = g_array_index (selected->steps, TaktRunStep, 0).start;

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      gint64 s;

      if ((int) r == self->selected_run || run->product_index != selected->product_index ||
          run->steps == NULL || run->steps->len == 0)
        continue;
      s = g_array_index (run->steps, TaktRunStep, 0).start;
      if ((s > start || (s == start && (int) r > self->selected_run)) && s < best_start)
        {
          best = (int) r;
          best_start = s;
        }
    }
  if (best >= 0 && product->max_run > 0 &&
      selected->quantity + ((TaktRun *) g_ptr_array_index (schedule->runs, best))->quantity > product->max_run)
    return -1;
  return best;
}

gboolean
takt_gantt_view_merge_selected (TaktGanttView *self)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  int partner = takt_gantt_view_find_merge_partner (self);
  g_autoptr(GArray) ops = NULL;
  const TaktRun *other;
  TaktGanttRunKey key;
  Target target;
  int other_pin;

  if (partner < 0 || !selected_target (self, &target))
    return FALSE;
  other = takt_gantt_view_get_run (self, partner);
  other_pin = find_pin_for_run (self, partner);

  ops = pin_ops_new ();
  add_set_op (ops, plan, target.pin, target.product_index, target.station_index,
              target.quantity + other->quantity, target.machine, target.start);
  if (other_pin >= 0 && other_pin != target.pin)
    add_remove_op (ops, other_pin);
  key_for_target (&target, target.machine, target.start, target.quantity + other->quantity, TRUE, &key);
  return run_edit (self, _("Merge Runs"), ops, &key, 1);
}
