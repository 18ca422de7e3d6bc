/* takt-document.c — one open plan: its file, undo history and live schedule
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-document"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "takt-document.h"
#include "takt-time.h"

#define DEFAULT_REPLAN_DELAY_MS   100
#define DEFAULT_AUTOSAVE_DELAY_MS 3000
/* Searches up to this long show no quick plan before their own. */
#define SHORT_SEARCH_MS           500

/* A plan's final schedule, as the search left it. */
typedef struct
{
  TaktSchedule *schedule;
  gint64        evaluations;
  double        plan_ms;
  gboolean      saved;          /* the schedule the file was saved with */
} Outcome;

typedef struct
{
  guint    serial;
  char    *description;
  char    *merge_key;
  GBytes  *before;
  GBytes  *after;
  /* The schedules shown for @before and @after, so that undo and redo bring
   * back the plan a person had rather than a new search's (which, bounded
   * by time, differs from run to run). NULL: not known. */
  Outcome *before_outcome;
  Outcome *after_outcome;
} UndoStep;

struct _TaktDocument
{
  GObject        parent_instance;

  TaktPlan      *plan;
  GBytes        *plan_bytes;     /* @plan written out, when known (an edit wrote it) */
  GFile         *file;
  char          *title;
  char          *display_name;   /* used in load messages when there is no file */
  char          *id;

  /* History: the last element of each array is the next step to take. */
  GPtrArray     *undo_stack;
  GPtrArray     *redo_stack;
  guint          next_serial;
  guint          saved_serial;   /* serial of the undo top when saved, 0: none */
  gboolean       saved_reachable;
  char          *undo_label;
  char          *redo_label;

  /* Planning. */
  TaktSchedule  *schedule;
  TaktPlanStats *stats;
  gboolean       schedule_final;  /* @schedule is the final one for the plan as it is */
  gboolean       schedule_saved;  /* @schedule is the one the file was saved with */
  Outcome       *pending_outcome; /* the next re-plan brings this back instead */
  /* The figures before the change being planned, for ::replanned. */
  double         baseline_total;
  gint64         baseline_late;
  gboolean       have_baseline;
  guint          revision;
  guint          replan_source;
  guint          replan_delay_ms;
  gint64         time_limit_override;
  GCancellable  *replan_cancellable;
  gboolean       replanning;
  /* A long search after a quick plan already shown, which may be stopped. */
  gboolean       searching;
  gint64         search_start_us;
  gint64         search_limit_ms;

  /* Recovery. */
  guint          autosave_source;
  guint          autosave_delay_ms;
  gboolean       recovery_written;
};

G_DEFINE_FINAL_TYPE (TaktDocument, takt_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_SCHEDULE,
  PROP_STATS,
  PROP_REPLANNING,
  PROP_SEARCHING,
  N_PROPS
};

enum {
  CHANGED,
  REPLANNED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_replan (TaktDocument *self);

static void
outcome_free (Outcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_pointer (&outcome->schedule, takt_schedule_free);
  g_free (outcome);
}

static Outcome *
outcome_copy (const Outcome *outcome)
{
  Outcome *copy;

  if (outcome == NULL)
    return NULL;
  copy = g_new0 (Outcome, 1);
  copy->schedule = takt_schedule_copy (outcome->schedule);
  copy->evaluations = outcome->evaluations;
  copy->plan_ms = outcome->plan_ms;
  copy->saved = outcome->saved;
  return copy;
}

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_free (step->description);
  g_free (step->merge_key);
  g_clear_pointer (&step->before, g_bytes_unref);
  g_clear_pointer (&step->after, g_bytes_unref);
  g_clear_pointer (&step->before_outcome, outcome_free);
  g_clear_pointer (&step->after_outcome, outcome_free);
  g_free (step);
}

void
takt_recovery_free (TaktRecovery *recovery)
{
  if (recovery == NULL)
    return;

  g_free (recovery->id);
  g_free (recovery->path);
  g_free (recovery->uri);
  g_free (recovery->title);
  g_free (recovery);
}

/* ---- helpers ---- */

static GBytes *
plan_to_bytes (const TaktPlan *plan)
{
  gsize length = 0;
  char *data;

  data = takt_plan_to_data (plan, &length);
  return g_bytes_new_take (data, length);
}

static TaktPlan *
plan_from_bytes (GBytes      *bytes,
                 const char  *display_name,
                 GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return takt_plan_load_from_data (data, length, display_name, error);
}

static void
update_title (TaktDocument *self)
{
  g_autofree char *title = NULL;

  if (self->plan != NULL && self->plan->name != NULL && self->plan->name[0] != '\0')
    {
      title = g_strdup (self->plan->name);
    }
  else if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      if (g_str_has_suffix (basename, ".takt"))
        basename[strlen (basename) - strlen (".takt")] = '\0';
      title = g_steal_pointer (&basename);
    }
  else
    {
      title = g_strdup (_("Untitled Plan"));
    }

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

static gboolean
compute_dirty (TaktDocument *self)
{
  guint top = 0;

  if (self->undo_stack->len > 0)
    top = ((UndoStep *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->serial;

  if (!self->saved_reachable)
    return TRUE;

  return top != self->saved_serial;
}

static void
update_history (TaktDocument *self,
                gboolean      old_can_undo,
                gboolean      old_can_redo,
                gboolean      old_dirty)
{
  const char *undo = NULL;
  const char *redo = NULL;

  if (self->undo_stack->len > 0)
    undo = ((UndoStep *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->description;
  if (self->redo_stack->len > 0)
    redo = ((UndoStep *) g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1))->description;

  if (g_strcmp0 (undo, self->undo_label) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_strdup (undo);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (redo, self->redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_strdup (redo);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }
  if (old_can_undo != takt_document_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (old_can_redo != takt_document_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (old_dirty != compute_dirty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
set_replanning (TaktDocument *self,
                gboolean      replanning)
{
  replanning = !!replanning;
  if (self->replanning == replanning)
    return;
  self->replanning = replanning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLANNING]);
}

static void
set_schedule (TaktDocument  *self,
              TaktSchedule  *schedule,
              TaktPlanStats *stats)
{
  g_clear_pointer (&self->schedule, takt_schedule_free);
  g_clear_pointer (&self->stats, takt_plan_stats_free);
  self->schedule = schedule;
  self->stats = stats;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATS]);
}

/* The final schedule of the plan as it is, or NULL. */
static Outcome *
current_outcome (TaktDocument *self)
{
  Outcome *outcome;

  if (!self->schedule_final || self->schedule == NULL || self->stats == NULL)
    return NULL;
  outcome = g_new0 (Outcome, 1);
  outcome->schedule = takt_schedule_copy (self->schedule);
  outcome->evaluations = self->stats->evaluations;
  outcome->plan_ms = self->stats->plan_ms;
  outcome->saved = self->schedule_saved;
  return outcome;
}

/* The plan as it is is the "after" of the step undo would take back and
 * the "before" of the step redo would take again: both learn its final
 * schedule. */
static void
remember_outcome (TaktDocument *self)
{
  if (self->undo_stack->len > 0)
    {
      UndoStep *top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);

      g_clear_pointer (&top->after_outcome, outcome_free);
      top->after_outcome = current_outcome (self);
    }
  if (self->redo_stack->len > 0)
    {
      UndoStep *top = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);

      g_clear_pointer (&top->before_outcome, outcome_free);
      top->before_outcome = current_outcome (self);
    }
}

static void
set_searching (TaktDocument *self,
               gboolean      searching)
{
  searching = !!searching;
  if (self->searching == searching)
    return;
  self->searching = searching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
cancel_replan (TaktDocument *self)
{
  set_searching (self, FALSE);
  g_clear_handle_id (&self->replan_source, g_source_remove);
  if (self->replan_cancellable != NULL)
    {
      g_cancellable_cancel (self->replan_cancellable);
      g_clear_object (&self->replan_cancellable);
    }
}

static void
autosave_cb_finish (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_debug ("Could not write the recovery file: %s", error->message);
}

static gboolean
write_recovery (TaktDocument  *self,
                gboolean       async,
                GError       **error)
{
  g_autofree char *dir = takt_document_get_recovery_dir ();
  g_autofree char *plan_name = g_strconcat (self->id, ".takt", NULL);
  g_autofree char *info_name = g_strconcat (self->id, ".recovery", NULL);
  g_autofree char *plan_path = g_build_filename (dir, plan_name, NULL);
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) plan_file = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  g_key_file_set_string (info, "Recovery", "Title", self->title);
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      g_key_file_set_string (info, "Recovery", "Uri", uri);
    }
  g_key_file_set_int64 (info, "Recovery", "Modified", g_get_real_time ());

  bytes = takt_document_serialize (self);
  plan_file = g_file_new_for_path (plan_path);

  if (async)
    {
      g_file_replace_contents_bytes_async (plan_file, bytes, NULL, FALSE,
                                           G_FILE_CREATE_PRIVATE, NULL,
                                           autosave_cb_finish, NULL);
    }
  else if (!g_file_replace_contents (plan_file,
                                     g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes),
                                     NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                     NULL, NULL, error))
    {
      return FALSE;
    }

  if (!g_key_file_save_to_file (info, info_path, error))
    return FALSE;

  self->recovery_written = TRUE;
  return TRUE;
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  TaktDocument *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;
  if (!compute_dirty (self))
    takt_document_discard_recovery (self);
  else if (!write_recovery (self, TRUE, &error))
    g_debug ("Could not autosave: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (TaktDocument *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->autosave_delay_ms == G_MAXUINT)
    return;
  self->autosave_source = g_timeout_add (self->autosave_delay_ms, autosave_timeout_cb, self);
}

/* Replaces the plan (after load, undo or redo) and tells everyone. */
static void
replace_plan (TaktDocument *self,
              TaktPlan     *plan)
{
  g_clear_pointer (&self->plan, takt_plan_free);
  g_clear_pointer (&self->plan_bytes, g_bytes_unref);
  self->plan = plan;
  update_title (self);
}

static void
document_changed (TaktDocument *self,
                  gboolean      by_user)
{
  /* The figures shown when a person starts changing the plan are what the
   * result is compared with, however many edits come before it arrives.  A
   * new plan has nothing to compare with. */
  if (!by_user)
    {
      self->have_baseline = FALSE;
    }
  else if (!self->have_baseline && self->stats != NULL)
    {
      self->baseline_total = self->stats->total;
      self->baseline_late = self->stats->late_orders;
      self->have_baseline = TRUE;
    }

  self->revision++;
  self->schedule_final = FALSE;
  self->schedule_saved = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  schedule_replan (self);
  if (by_user)
    schedule_autosave (self);
}

/* ---- planning ---- */

typedef struct
{
  TaktPlan      *plan;
  guint          revision;
  gboolean       final;
  gint64         time_limit_ms;
  GCancellable  *cancellable;
  Outcome       *outcome;      /* not NULL: measure this schedule, plan nothing */
  gboolean       saved;        /* @outcome is the schedule the file was saved with */
} ReplanJob;

typedef struct
{
  TaktSchedule  *schedule;
  TaktPlanStats *stats;
} ReplanResult;

static void
replan_job_free (gpointer data)
{
  ReplanJob *job = data;

  g_clear_pointer (&job->plan, takt_plan_free);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->outcome, outcome_free);
  g_free (job);
}

static void
replan_result_free (gpointer data)
{
  ReplanResult *result = data;

  g_clear_pointer (&result->schedule, takt_schedule_free);
  g_clear_pointer (&result->stats, takt_plan_stats_free);
  g_free (result);
}

static void
replan_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReplanJob *job = task_data;
  TaktPlannerOptions options;
  TaktPlanStats *stats = NULL;
  TaktSchedule *schedule;
  ReplanResult *result;
  GError *error = NULL;

  if (job->outcome != NULL)
    {
      /* Undo or redo: the schedule this plan had, measured again. */
      schedule = g_steal_pointer (&job->outcome->schedule);
      stats = takt_planner_evaluate (job->plan, schedule);
      stats->evaluations = job->outcome->evaluations;
      stats->plan_ms = job->outcome->plan_ms;
      result = g_new0 (ReplanResult, 1);
      result->schedule = schedule;
      result->stats = stats;
      g_task_return_pointer (task, result, replan_result_free);
      return;
    }

  takt_planner_options_init (&options, job->plan);
  options.time_limit_ms = job->time_limit_ms;
  options.cancellable = cancellable;

  schedule = takt_planner_run (job->plan, &options, &stats, &error);
  if (schedule == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (ReplanResult, 1);
  result->schedule = schedule;
  result->stats = stats;
  g_task_return_pointer (task, result, replan_result_free);
}

static void   start_replan_job     (TaktDocument *self,
                                    gboolean      final);
static gint64 effective_time_limit (TaktDocument *self);

static void
replan_done_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  TaktDocument *self = TAKT_DOCUMENT (object);
  GTask *task = G_TASK (async_result);
  ReplanJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  ReplanResult *result;
  double previous_total = NAN;
  gint64 previous_late = -1;
  gboolean final = job->final;

  result = g_task_propagate_pointer (task, &error);

  /* Only the latest revision counts. */
  if (job->revision != self->revision || g_cancellable_is_cancelled (job->cancellable))
    {
      g_clear_pointer (&result, replan_result_free);
      return;
    }

  if (result == NULL)
    {
      g_debug ("Re-planning failed: %s", error->message);
      set_replanning (self, FALSE);
      return;
    }

  /* The plan is final before its schedule is announced: whoever reads the
   * new figures sees planning done (the Costs page's comparison waited for
   * ever when the others were planned before the document's search). */
  if (final)
    set_replanning (self, FALSE);
  set_schedule (self, g_steal_pointer (&result->schedule), g_steal_pointer (&result->stats));
  replan_result_free (result);

  if (self->have_baseline)
    {
      previous_total = self->baseline_total;
      previous_late = self->baseline_late;
    }

  if (final)
    {
      self->schedule_final = TRUE;
      self->schedule_saved = job->saved;
      remember_outcome (self);
      g_clear_object (&self->replan_cancellable);
    }

  g_signal_emit (self, signals[REPLANNED], 0,
                 previous_total, self->stats->total,
                 previous_late, self->stats->late_orders,
                 final);

  if (final)
    {
      self->have_baseline = FALSE;
      set_searching (self, FALSE);
    }
  else
    {
      start_replan_job (self, TRUE);
      self->search_start_us = g_get_monotonic_time ();
      self->search_limit_ms = effective_time_limit (self);
      set_searching (self, TRUE);
    }
}

static gint64
effective_time_limit (TaktDocument *self)
{
  if (self->time_limit_override >= 0)
    return self->time_limit_override;
  return self->plan->settings.time_limit_ms;
}

static void
start_replan_job (TaktDocument *self,
                  gboolean      final)
{
  g_autoptr(GTask) task = NULL;
  ReplanJob *job;

  g_assert (TAKT_IS_DOCUMENT (self));
  g_assert (self->replan_cancellable != NULL);

  job = g_new0 (ReplanJob, 1);
  job->plan = takt_plan_copy (self->plan);
  job->revision = self->revision;
  job->outcome = g_steal_pointer (&self->pending_outcome);
  job->saved = job->outcome != NULL && job->outcome->saved;
  job->final = final || job->outcome != NULL;
  job->time_limit_ms = final ? effective_time_limit (self) : 0;
  job->cancellable = g_object_ref (self->replan_cancellable);

  task = g_task_new (self, self->replan_cancellable, replan_done_cb, NULL);
  g_task_set_source_tag (task, start_replan_job);
  g_task_set_name (task, "takt-replan");
  g_task_set_task_data (task, job, replan_job_free);
  g_task_run_in_thread (task, replan_thread);
}

static gboolean
replan_timeout_cb (gpointer user_data)
{
  TaktDocument *self = user_data;
  gint64 limit;

  self->replan_source = 0;
  if (self->replan_cancellable != NULL)
    {
      g_cancellable_cancel (self->replan_cancellable);
      g_clear_object (&self->replan_cancellable);
    }
  self->replan_cancellable = g_cancellable_new ();

  /* A short search: its plan only.  The quick construction shown before
   * it would be replaced within a moment by a plan that differs all over
   * (its runs, its figures), and every edit would make the chart jump
   * twice.  A long one: the quick construction first, then the search. */
  limit = effective_time_limit (self);
  start_replan_job (self, limit >= 0 && limit <= SHORT_SEARCH_MS);

  return G_SOURCE_REMOVE;
}

static void
schedule_replan (TaktDocument *self)
{
  cancel_replan (self);
  g_clear_pointer (&self->pending_outcome, outcome_free);
  if (self->plan == NULL)
    return;
  set_replanning (self, TRUE);
  self->replan_source = g_timeout_add (self->replan_delay_ms, replan_timeout_cb, self);
}

/* ---- GObject ---- */

static void
takt_document_dispose (GObject *object)
{
  TaktDocument *self = (TaktDocument *)object;

  cancel_replan (self);
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  G_OBJECT_CLASS (takt_document_parent_class)->dispose (object);
}

static void
takt_document_finalize (GObject *object)
{
  TaktDocument *self = (TaktDocument *)object;

  g_clear_pointer (&self->plan, takt_plan_free);
  g_clear_pointer (&self->plan_bytes, g_bytes_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);
  g_clear_pointer (&self->schedule, takt_schedule_free);
  g_clear_pointer (&self->stats, takt_plan_stats_free);
  g_clear_pointer (&self->pending_outcome, outcome_free);

  G_OBJECT_CLASS (takt_document_parent_class)->finalize (object);
}

static void
takt_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TaktDocument *self = TAKT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, takt_document_get_dirty (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, takt_document_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, takt_document_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;

    case PROP_SCHEDULE:
      g_value_set_pointer (value, self->schedule);
      break;

    case PROP_STATS:
      g_value_set_pointer (value, self->stats);
      break;

    case PROP_REPLANNING:
      g_value_set_boolean (value, self->replanning);
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_document_class_init (TaktDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = takt_document_dispose;
  object_class->finalize = takt_document_finalize;
  object_class->get_property = takt_document_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCHEDULE] =
    g_param_spec_pointer ("schedule", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATS] =
    g_param_spec_pointer ("stats", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REPLANNING] =
    g_param_spec_boolean ("replanning", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * TaktDocument:searching:
   *
   * A long search runs after the quick plan shown: see
   * takt_document_get_search_progress() and takt_document_stop_search().
   */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TaktDocument::changed:
   *
   * The plan changed: an edit, an undo or redo, or a new plan was loaded.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * TaktDocument::replanned:
   * @previous_total: the total cost before the change, NAN when there was
   *   no earlier plan to compare with (e.g. after loading)
   * @total: the new total cost
   * @previous_late_orders: late orders before the change, -1 when unknown
   * @late_orders: the new number of late orders
   * @final: FALSE for the quick construction, TRUE once the search is done
   *
   * A new schedule for the latest revision of the plan arrived.
   */
  signals[REPLANNED] =
    g_signal_new ("replanned",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5,
                  G_TYPE_DOUBLE, G_TYPE_DOUBLE,
                  G_TYPE_INT64, G_TYPE_INT64,
                  G_TYPE_BOOLEAN);
}

static void
takt_document_init (TaktDocument *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (undo_step_free);
  self->redo_stack = g_ptr_array_new_with_free_func (undo_step_free);
  self->next_serial = 1;
  self->saved_reachable = TRUE;
  self->replan_delay_ms = DEFAULT_REPLAN_DELAY_MS;
  self->autosave_delay_ms = DEFAULT_AUTOSAVE_DELAY_MS;
  self->time_limit_override = -1;
  self->id = g_uuid_string_random ();
}

/**
 * takt_document_blank_plan:
 *
 * Returns: (transfer full): a small plan that passes every rule, starting
 *   on this week's Monday: one station, one product — a place to start from
 */
TaktPlan *
takt_document_blank_plan (void)
{
  g_autoptr(TaktPlan) plan = takt_plan_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) problems = NULL;
  TaktStation *station;
  TaktProduct *product;
  TaktStep *step;
  gint64 today;

  g_free (plan->name);
  plan->name = g_strdup (_("Untitled Plan"));

  today = takt_days_from_civil (g_date_time_get_year (now),
                                g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now)) * TAKT_DAY_S;
  plan->horizon_start = today - takt_weekday (today) * TAKT_DAY_S;
  plan->horizon_days = 28;

  station = takt_station_new ();
  station->id = g_strdup ("station-1");
  g_free (station->name);
  station->name = g_strdup (_("Station 1"));
  station->machines = 1;
  g_ptr_array_add (plan->stations, station);

  product = takt_product_new ();
  product->id = g_strdup ("product-1");
  g_free (product->name);
  product->name = g_strdup (_("Product 1"));
  step = takt_step_new ();
  step->station = g_strdup ("station-1");
  step->cycle_s = 600;
  g_ptr_array_add (product->routing, step);
  g_ptr_array_add (plan->products, product);

  problems = takt_plan_check (plan);
  g_assert (problems->len == 0);

  return g_steal_pointer (&plan);
}

/**
 * takt_document_new:
 *
 * Returns: (transfer full): a document holding a small new plan, not saved
 *   anywhere yet.
 */
TaktDocument *
takt_document_new (void)
{
  return takt_document_new_from_plan (takt_document_blank_plan ());
}

/**
 * takt_document_new_from_plan:
 * @plan: (transfer full): a checked plan
 */
TaktDocument *
takt_document_new_from_plan (TaktPlan *plan)
{
  TaktDocument *self;

  g_return_val_if_fail (plan != NULL, NULL);

  self = g_object_new (TAKT_TYPE_DOCUMENT, NULL);
  g_clear_pointer (&plan->schedule, takt_schedule_free);
  replace_plan (self, plan);
  document_changed (self, FALSE);

  return self;
}

static void
reset_history (TaktDocument *self)
{
  gboolean can_undo = takt_document_get_can_undo (self);
  gboolean can_redo = takt_document_get_can_redo (self);
  gboolean dirty = compute_dirty (self);

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_serial = 0;
  self->saved_reachable = TRUE;
  update_history (self, can_undo, can_redo, dirty);
}

static void
adopt_loaded_plan (TaktDocument *self,
                   TaktPlan     *plan)
{
  TaktSchedule *schedule;

  /* The schedule the file was saved with is the plan: a person opens the
   * plan they saved (and handed on), not a new search's, which, bounded by
   * time, differs from it.  It comes as the first "re-plan" does, measured
   * again; a file without one (or whose schedule does not fit) is planned. */
  cancel_replan (self);
  schedule = g_steal_pointer (&plan->schedule);
  replace_plan (self, plan);
  reset_history (self);

  if (schedule != NULL)
    set_schedule (self, schedule, takt_planner_evaluate (self->plan, schedule));
  else
    set_schedule (self, NULL, NULL);

  document_changed (self, FALSE);
  if (schedule != NULL)
    {
      self->pending_outcome = g_new0 (Outcome, 1);
      self->pending_outcome->schedule = takt_schedule_copy (schedule);
      self->pending_outcome->saved = TRUE;
    }
}

static void
set_file (TaktDocument *self,
          GFile        *file)
{
  if (g_set_object (&self->file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      update_title (self);
    }
}

static gboolean
load_bytes (TaktDocument  *self,
            GBytes        *bytes,
            const char    *display_name,
            GFile         *file,
            GError       **error)
{
  TaktPlan *plan;

  plan = plan_from_bytes (bytes, display_name ? display_name : _("Plan"), error);
  if (plan == NULL)
    return FALSE;

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  takt_document_discard_recovery (self);
  set_file (self, file);
  adopt_loaded_plan (self, plan);

  return TRUE;
}

/**
 * takt_document_load:
 * @self: a #TaktDocument
 * @file: the plan to read (a local file or a resource:// URI)
 *
 * Reads @file.  When it is refused, the document keeps the plan it had and
 * @error holds every problem, one per line, as the core reports them.
 * A resource (the bundled sample) is loaded without a file, so saving it
 * asks where.
 */
gboolean
takt_document_load (TaktDocument  *self,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  gboolean is_resource;

  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  is_resource = g_file_has_uri_scheme (file, "resource");
  display = g_file_get_path (file);
  if (display == NULL)
    display = g_file_get_basename (file);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return FALSE;

  return load_bytes (self, bytes, display, is_resource ? NULL : file, error);
}

/**
 * takt_document_load_from_bytes:
 * @display_name: the name used in messages
 *
 * Reads a plan from memory; the document then has no file.
 */
gboolean
takt_document_load_from_bytes (TaktDocument  *self,
                               GBytes        *bytes,
                               const char    *display_name,
                               GError       **error)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  return load_bytes (self, bytes, display_name, NULL, error);
}

static void
mark_saved (TaktDocument *self)
{
  gboolean can_undo = takt_document_get_can_undo (self);
  gboolean can_redo = takt_document_get_can_redo (self);
  gboolean dirty = compute_dirty (self);

  if (self->undo_stack->len > 0)
    self->saved_serial = ((UndoStep *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->serial;
  else
    self->saved_serial = 0;
  self->saved_reachable = TRUE;

  /* A later edit must not merge into the saved step. */
  if (self->undo_stack->len > 0)
    g_clear_pointer (&((UndoStep *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->merge_key, g_free);

  update_history (self, can_undo, can_redo, dirty);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  takt_document_discard_recovery (self);
}

/**
 * takt_document_save_as:
 * @file: where to write the plan (a local file)
 *
 * Writes the plan with its current schedule atomically: the old file stays
 * intact when writing fails.
 */
gboolean
takt_document_save_as (TaktDocument  *self,
                       GFile         *file,
                       GError       **error)
{
  g_autofree char *path = NULL;
  gboolean ok;

  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save to “%s”: not a local file"), uri);
      return FALSE;
    }

  /* The schedule is lent to the plan for the time of the write. */
  self->plan->schedule = self->schedule;
  ok = takt_plan_save_to_file (self->plan, path, error);
  self->plan->schedule = NULL;

  if (!ok)
    return FALSE;

  set_file (self, file);
  mark_saved (self);
  return TRUE;
}

gboolean
takt_document_save (TaktDocument  *self,
                    GError       **error)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The plan has not been saved to a file yet"));
      return FALSE;
    }

  return takt_document_save_as (self, self->file, error);
}

const TaktPlan *
takt_document_get_plan (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);
  return self->plan;
}

/**
 * takt_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file the plan is saved in
 */
GFile *
takt_document_get_file (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
takt_document_get_title (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * takt_document_dup_display_name:
 *
 * Returns: the file's name for a window subtitle, or NULL without a file
 */
char *
takt_document_dup_display_name (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return NULL;
  return g_file_get_basename (self->file);
}

gboolean
takt_document_get_dirty (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  return compute_dirty (self);
}

/**
 * takt_document_is_pristine:
 *
 * Returns: TRUE when the document has no file and no change: the sample
 *   or a new plan nobody touched, which opening a file may replace.
 */
gboolean
takt_document_is_pristine (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  return self->file == NULL && !compute_dirty (self) && self->undo_stack->len == 0;
}

const char *
takt_document_get_id (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);
  return self->id;
}

guint
takt_document_get_revision (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), 0);
  return self->revision;
}

GBytes *
takt_document_serialize (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);
  g_assert (self->plan->schedule == NULL);
  /* A large plan takes a while to write: once per change is enough. */
  if (self->plan_bytes == NULL)
    self->plan_bytes = plan_to_bytes (self->plan);
  return g_bytes_ref (self->plan_bytes);
}

/* ---- editing ---- */

static char *
join_problems (GPtrArray *problems)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (str, '\n');
      g_string_append (str, g_ptr_array_index (problems, i));
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static gboolean
restore_bytes (TaktDocument *self,
               GBytes       *bytes)
{
  g_autoptr(GError) error = NULL;
  TaktPlan *plan;

  plan = plan_from_bytes (bytes, self->title, &error);
  if (plan == NULL)
    {
      /* Our own bytes always load; anything else is a bug in the core. */
      g_critical ("Could not restore a snapshot of the plan: %s", error->message);
      return FALSE;
    }
  g_clear_pointer (&plan->schedule, takt_schedule_free);
  replace_plan (self, plan);
  return TRUE;
}

/**
 * takt_document_edit:
 * @description: what the edit does, for the menu ("Change Cycle Time")
 * @func: changes the plan in place
 *
 * Applies one user edit as one undo step.  When @func refuses, or the plan
 * it leaves breaks a rule of the format, nothing changes and @error says
 * why (one "PATH: message" per line).  An edit that changes nothing adds
 * no step.
 */
gboolean
takt_document_edit (TaktDocument          *self,
                    const char            *description,
                    TaktDocumentEditFunc   func,
                    gpointer               user_data,
                    GError               **error)
{
  return takt_document_edit_merge (self, description, NULL, func, user_data, error);
}

/**
 * takt_document_edit_merge:
 * @merge_key: (nullable): edits with the same key in a row (typing into
 *   one field) become one undo step
 *
 * Like takt_document_edit().
 */
gboolean
takt_document_edit_merge (TaktDocument          *self,
                          const char            *description,
                          const char            *merge_key,
                          TaktDocumentEditFunc   func,
                          gpointer               user_data,
                          GError               **error)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(TaktPlan) copy = NULL;
  gboolean can_undo, can_redo, dirty;
  UndoStep *top = NULL;
  UndoStep *step;

  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (description != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* The edit works on a copy, so a refused one leaves no trace. */
  copy = takt_plan_copy (self->plan);
  if (!func (copy, user_data, error))
    return FALSE;

  g_clear_pointer (&copy->schedule, takt_schedule_free);
  problems = takt_plan_check (copy);
  if (problems->len > 0)
    {
      g_autofree char *message = join_problems (problems);

      g_set_error_literal (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID, message);
      return FALSE;
    }

  before = takt_document_serialize (self);
  after = plan_to_bytes (copy);
  if (g_bytes_equal (before, after))
    return TRUE;

  replace_plan (self, g_steal_pointer (&copy));
  self->plan_bytes = g_bytes_ref (after);

  can_undo = takt_document_get_can_undo (self);
  can_redo = takt_document_get_can_redo (self);
  dirty = compute_dirty (self);

  if (self->redo_stack->len > 0)
    {
      /* The saved state may live on the branch being dropped. */
      for (guint i = 0; i < self->redo_stack->len; i++)
        if (((UndoStep *) g_ptr_array_index (self->redo_stack, i))->serial == self->saved_serial)
          self->saved_reachable = FALSE;
      g_ptr_array_set_size (self->redo_stack, 0);
    }

  if (self->undo_stack->len > 0)
    top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);

  if (merge_key != NULL && top != NULL &&
      g_strcmp0 (top->merge_key, merge_key) == 0 &&
      top->serial != self->saved_serial)
    {
      g_bytes_unref (top->after);
      top->after = g_steal_pointer (&after);
      g_clear_pointer (&top->after_outcome, outcome_free);
      if (g_bytes_equal (top->before, top->after))
        g_ptr_array_set_size (self->undo_stack, self->undo_stack->len - 1);
    }
  else
    {
      step = g_new0 (UndoStep, 1);
      step->serial = self->next_serial++;
      step->description = g_strdup (description);
      step->merge_key = g_strdup (merge_key);
      step->before = g_steal_pointer (&before);
      step->after = g_steal_pointer (&after);
      step->before_outcome = current_outcome (self);
      g_ptr_array_add (self->undo_stack, step);
    }

  update_title (self);
  update_history (self, can_undo, can_redo, dirty);
  document_changed (self, TRUE);

  return TRUE;
}

gboolean
takt_document_get_can_undo (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
takt_document_get_can_redo (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0;
}

/**
 * takt_document_get_undo_label:
 *
 * Returns: (nullable): the description of the step undo would take back
 */
const char *
takt_document_get_undo_label (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);
  return self->undo_label;
}

const char *
takt_document_get_redo_label (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);
  return self->redo_label;
}

static gboolean
move_step (TaktDocument *self,
           GPtrArray    *from,
           GPtrArray    *to,
           gboolean      undo)
{
  gboolean can_undo = takt_document_get_can_undo (self);
  gboolean can_redo = takt_document_get_can_redo (self);
  gboolean dirty = compute_dirty (self);
  UndoStep *step;

  if (from->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  g_clear_pointer (&step->merge_key, g_free);
  if (!restore_bytes (self, undo ? step->before : step->after))
    {
      g_ptr_array_add (from, step);
      return FALSE;
    }
  g_ptr_array_add (to, step);

  update_history (self, can_undo, can_redo, dirty);
  document_changed (self, TRUE);
  /* The schedule it had comes back, as the next re-plan. */
  self->pending_outcome = outcome_copy (undo ? step->before_outcome : step->after_outcome);
  return TRUE;
}

gboolean
takt_document_undo (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  return move_step (self, self->undo_stack, self->redo_stack, TRUE);
}

gboolean
takt_document_redo (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  return move_step (self, self->redo_stack, self->undo_stack, FALSE);
}

/* ---- planning API ---- */

/**
 * takt_document_get_schedule:
 *
 * Returns: (nullable): the latest schedule: the one the file was saved
 *   with until the plan changes, NULL when there is none yet
 */
const TaktSchedule *
takt_document_get_schedule (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);
  return self->schedule;
}

const TaktPlanStats *
takt_document_get_stats (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), NULL);
  return self->stats;
}

gboolean
takt_document_get_searching (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  return self->searching;
}

/**
 * takt_document_get_search_progress:
 *
 * Returns: how much of its time limit the long search has used, 0 to 1;
 *   -1 when none runs
 */
double
takt_document_get_search_progress (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), -1);

  if (!self->searching)
    return -1;
  if (self->search_limit_ms <= 0)
    return 0;
  return CLAMP ((g_get_monotonic_time () - self->search_start_us) / (self->search_limit_ms * 1000.0), 0, 1);
}

/**
 * takt_document_stop_search:
 *
 * Stops the long search that runs after the quick plan: the quick plan
 * shown is the plan.
 *
 * Returns: whether a search was stopped
 */
gboolean
takt_document_stop_search (TaktDocument *self)
{
  double previous_total = NAN;
  gint64 previous_late = -1;

  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);

  if (!self->searching || self->stats == NULL)
    return FALSE;
  cancel_replan (self);
  self->schedule_final = TRUE;
  remember_outcome (self);
  set_replanning (self, FALSE);
  if (self->have_baseline)
    {
      previous_total = self->baseline_total;
      previous_late = self->baseline_late;
    }
  g_signal_emit (self, signals[REPLANNED], 0,
                 previous_total, self->stats->total,
                 previous_late, self->stats->late_orders,
                 TRUE);
  self->have_baseline = FALSE;
  return TRUE;
}

/**
 * takt_document_get_schedule_saved:
 *
 * Returns: whether the schedule is the one the file was saved with (the
 *   plan has not changed since it was opened, or is back as it was)
 */
gboolean
takt_document_get_schedule_saved (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  return self->schedule_saved;
}

gboolean
takt_document_get_replanning (TaktDocument *self)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  return self->replanning;
}

/**
 * takt_document_replan:
 *
 * Plans again now (after the debounce delay), e.g. after a preference that
 * changes planning.
 */
void
takt_document_replan (TaktDocument *self)
{
  g_return_if_fail (TAKT_IS_DOCUMENT (self));

  self->revision++;
  schedule_replan (self);
}

void
takt_document_set_replan_delay (TaktDocument *self,
                                guint         delay_ms)
{
  g_return_if_fail (TAKT_IS_DOCUMENT (self));
  self->replan_delay_ms = delay_ms;
}

/**
 * takt_document_set_time_limit_ms:
 * @time_limit_ms: the improving search's limit; -1 uses the plan's setting
 */
void
takt_document_set_time_limit_ms (TaktDocument *self,
                                 gint64        time_limit_ms)
{
  g_return_if_fail (TAKT_IS_DOCUMENT (self));
  self->time_limit_override = MAX (time_limit_ms, -1);
}

/* ---- recovery ---- */

/**
 * takt_document_set_autosave_delay:
 * @delay_ms: how long after a change the recovery file is written;
 *   G_MAXUINT turns autosave off
 */
void
takt_document_set_autosave_delay (TaktDocument *self,
                                  guint         delay_ms)
{
  g_return_if_fail (TAKT_IS_DOCUMENT (self));
  self->autosave_delay_ms = delay_ms;
}

gboolean
takt_document_autosave_now (TaktDocument  *self,
                            GError       **error)
{
  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  return write_recovery (self, FALSE, error);
}

char *
takt_document_get_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "takt", "recovery", NULL);
}

static void
delete_recovery_files (const char *id)
{
  g_autofree char *dir = takt_document_get_recovery_dir ();
  g_autofree char *plan_name = g_strconcat (id, ".takt", NULL);
  g_autofree char *info_name = g_strconcat (id, ".recovery", NULL);
  g_autofree char *plan_path = g_build_filename (dir, plan_name, NULL);
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);

  g_unlink (info_path);
  g_unlink (plan_path);
}

/**
 * takt_document_discard_recovery:
 *
 * Removes the document's recovery file (after a save, or when the person
 * chose to discard the changes).
 */
void
takt_document_discard_recovery (TaktDocument *self)
{
  g_return_if_fail (TAKT_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recovery_written)
    delete_recovery_files (self->id);
  self->recovery_written = FALSE;
}

void
takt_document_delete_recovery (const TaktRecovery *recovery)
{
  g_return_if_fail (recovery != NULL);
  delete_recovery_files (recovery->id);
}

static int
compare_recovery (gconstpointer a,
                  gconstpointer b)
{
  const TaktRecovery *ra = *(const TaktRecovery * const *) a;
  const TaktRecovery *rb = *(const TaktRecovery * const *) b;

  return (ra->modified < rb->modified) - (ra->modified > rb->modified);
}

/**
 * takt_document_list_recoveries:
 *
 * Returns: (transfer full): the recovery files left behind, newest first
 */
GPtrArray *
takt_document_list_recoveries (void)
{
  g_autofree char *dir_path = takt_document_get_recovery_dir ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_recovery_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return g_steal_pointer (&found);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = NULL;
      g_autofree char *id = NULL;
      g_autofree char *plan_name = NULL;
      TaktRecovery *recovery;

      if (!g_str_has_suffix (name, ".recovery"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".recovery"));
      info_path = g_build_filename (dir_path, name, NULL);
      plan_name = g_strconcat (id, ".takt", NULL);
      if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        continue;

      recovery = g_new0 (TaktRecovery, 1);
      recovery->id = g_steal_pointer (&id);
      recovery->path = g_build_filename (dir_path, plan_name, NULL);
      recovery->uri = g_key_file_get_string (info, "Recovery", "Uri", NULL);
      recovery->title = g_key_file_get_string (info, "Recovery", "Title", NULL);
      recovery->modified = g_key_file_get_int64 (info, "Recovery", "Modified", NULL);

      if (!g_file_test (recovery->path, G_FILE_TEST_IS_REGULAR))
        {
          takt_recovery_free (recovery);
          continue;
        }
      g_ptr_array_add (found, recovery);
    }

  g_ptr_array_sort (found, compare_recovery);
  return g_steal_pointer (&found);
}

/**
 * takt_document_restore_recovery:
 *
 * Loads the recovered plan; the document takes over the original file (if
 * any) and stays dirty until saved.  The recovery file is kept until then.
 */
gboolean
takt_document_restore_recovery (TaktDocument        *self,
                                const TaktRecovery  *recovery,
                                GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TaktPlan *plan;
  gboolean can_undo, can_redo, dirty;

  g_return_val_if_fail (TAKT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (recovery != NULL, FALSE);

  file = g_file_new_for_path (recovery->path);
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  plan = plan_from_bytes (bytes, recovery->path, error);
  if (plan == NULL)
    return FALSE;

  if (recovery->uri != NULL)
    {
      g_autoptr(GFile) original = g_file_new_for_uri (recovery->uri);

      set_file (self, original);
    }
  else
    {
      set_file (self, NULL);
    }

  adopt_loaded_plan (self, plan);

  /* Unsaved: the state on disk is not what is shown. */
  can_undo = takt_document_get_can_undo (self);
  can_redo = takt_document_get_can_redo (self);
  dirty = compute_dirty (self);
  self->saved_reachable = FALSE;
  update_history (self, can_undo, can_redo, dirty);

  g_free (self->id);
  self->id = g_strdup (recovery->id);
  self->recovery_written = TRUE;

  return TRUE;
}
