/* takt-orlib.c — the public single-machine benchmarks as Takt plans
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-orlib"

#include "takt-orlib.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "takt-time.h"

static const char * const set_names[] = {
  "sch10", "sch20", "sch50", "sch100", "sch200", "sch500", "sch1000",
  "wt40", "wt50", "wt100", NULL,
};

const char * const *
takt_orlib_set_names (void)
{
  return set_names;
}

void
takt_orlib_instance_free (TaktOrlibInstance *instance)
{
  if (instance == NULL)
    return;
  g_free (instance->set);
  g_free (instance->label);
  g_free (instance->p);
  g_free (instance->early);
  g_free (instance->late);
  g_free (instance->due);
  g_free (instance);
}

static TaktOrlibInstance *
instance_new (const char *set,
              char       *label,
              int         n)
{
  TaktOrlibInstance *inst = g_new0 (TaktOrlibInstance, 1);

  inst->set = g_strdup (set);
  inst->label = label;
  inst->n = n;
  inst->p = g_new0 (gint64, n);
  inst->early = g_new0 (gint64, n);
  inst->late = g_new0 (gint64, n);
  inst->due = g_new0 (gint64, n);
  return inst;
}

/* Every whitespace-separated integer of a file. */
static GArray *
read_integers (const char  *path,
               GError     **error)
{
  g_autofree char *text = NULL;
  GArray *values;
  const char *s;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  values = g_array_new (FALSE, FALSE, sizeof (gint64));
  s = text;
  for (;;)
    {
      char *end;
      gint64 v;

      while (g_ascii_isspace (*s))
        s++;
      if (*s == '\0')
        break;
      v = g_ascii_strtoll (s, &end, 10);
      if (end == s)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not an integer near \"%.10s\"",
                       path, s);
          g_array_unref (values);
          return NULL;
        }
      g_array_append_val (values, v);
      s = end;
    }
  return values;
}

/* reference.csv as rows of fields, without its header line. */
static GPtrArray *
read_csv (const char  *path,
          GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_ptr_array_add (rows, g_strsplit (lines[i], ",", -1));
    }
  return rows;
}

static GPtrArray *
load_cdd (const char  *data_dir,
          const char  *set,
          int          n,
          GError     **error)
{
  g_autofree char *file = g_strdup_printf ("%s.txt", set);
  g_autofree char *path = g_build_filename (data_dir, "common-due-date", file, NULL);
  g_autofree char *csv = g_build_filename (data_dir, "common-due-date", "reference.csv", NULL);
  g_autoptr(GArray) ints = read_integers (path, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree guint *offsets = NULL;
  GPtrArray *out;
  gint64 problems;
  guint pos = 1;

  if (ints == NULL)
    return NULL;
  rows = read_csv (csv, error);
  if (rows == NULL)
    return NULL;

  /* Where each problem's triples start. */
  problems = g_array_index (ints, gint64, 0);
  offsets = g_new0 (guint, problems);
  for (gint64 k = 0; k < problems; k++)
    {
      if (pos >= ints->len || g_array_index (ints, gint64, pos) != n)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: problem %" G_GINT64_FORMAT
                       " does not have %d jobs", path, k + 1, n);
          return NULL;
        }
      offsets[k] = pos + 1;
      pos += 1 + 3 * n;
    }
  if (pos > ints->len)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: truncated", path);
      return NULL;
    }

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_orlib_instance_free);
  for (guint r = 0; r < rows->len; r++)
    {
      char **f = g_ptr_array_index (rows, r);
      gint64 k, sum_p = 0, due;
      TaktOrlibInstance *inst;

      if (g_strv_length (f) < 6 || atoi (f[0]) != n)
        continue;
      k = atoi (f[1]);
      due = g_ascii_strtoll (f[4], NULL, 10);
      if (k < 1 || k > problems)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: row %u names problem %" G_GINT64_FORMAT,
                       csv, r + 2, k);
          g_ptr_array_unref (out);
          return NULL;
        }
      inst = instance_new (set, g_strdup_printf ("%s k=%" G_GINT64_FORMAT " h=%s", set, k, f[2]), n);
      for (int j = 0; j < n; j++)
        {
          inst->p[j] = g_array_index (ints, gint64, offsets[k - 1] + 3 * j);
          inst->early[j] = g_array_index (ints, gint64, offsets[k - 1] + 3 * j + 1);
          inst->late[j] = g_array_index (ints, gint64, offsets[k - 1] + 3 * j + 2);
          inst->due[j] = due;
          sum_p += inst->p[j];
        }
      inst->reference = g_ascii_strtod (f[5], NULL);
      /* d = floor(h × Σp), with h in tenths. */
      if (sum_p != g_ascii_strtoll (f[3], NULL, 10) ||
          due != sum_p * (gint64) llround (g_ascii_strtod (f[2], NULL) * 10) / 10)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: row %u does not match %s",
                       csv, r + 2, path);
          takt_orlib_instance_free (inst);
          g_ptr_array_unref (out);
          return NULL;
        }
      g_ptr_array_add (out, inst);
    }
  return out;
}

static GPtrArray *
load_wt (const char  *data_dir,
         const char  *set,
         int          n,
         GError     **error)
{
  g_autofree char *file = g_strdup_printf ("%s.txt", set);
  g_autofree char *path = g_build_filename (data_dir, "weighted-tardiness", file, NULL);
  g_autofree char *csv = g_build_filename (data_dir, "weighted-tardiness", "reference.csv", NULL);
  g_autoptr(GArray) ints = read_integers (path, error);
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *out;
  guint count;

  if (ints == NULL)
    return NULL;
  rows = read_csv (csv, error);
  if (rows == NULL)
    return NULL;
  if (ints->len % (3 * n) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: %u numbers, not a multiple of 3 × %d",
                   path, ints->len, n);
      return NULL;
    }
  count = ints->len / (3 * n);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_orlib_instance_free);
  for (guint r = 0; r < rows->len; r++)
    {
      char **f = g_ptr_array_index (rows, r);
      gint64 i;
      guint base;
      TaktOrlibInstance *inst;

      if (g_strv_length (f) < 4 || strcmp (f[0], file) != 0)
        continue;
      i = atoi (f[1]);
      if (i < 1 || i > count || atoi (f[2]) != n)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: row %u names instance %" G_GINT64_FORMAT,
                       csv, r + 2, i);
          g_ptr_array_unref (out);
          return NULL;
        }
      base = (guint) (i - 1) * 3 * n;
      inst = instance_new (set, g_strdup_printf ("%s #%" G_GINT64_FORMAT, set, i), n);
      for (int j = 0; j < n; j++)
        {
          inst->p[j] = g_array_index (ints, gint64, base + j);
          inst->late[j] = g_array_index (ints, gint64, base + n + j);
          inst->due[j] = g_array_index (ints, gint64, base + 2 * n + j);
        }
      inst->reference = g_ascii_strtod (f[3], NULL);
      g_ptr_array_add (out, inst);
    }
  return out;
}

GPtrArray *
takt_orlib_load_set (const char  *data_dir,
                     const char  *set,
                     GError     **error)
{
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (set != NULL, NULL);

  if (g_str_has_prefix (set, "sch"))
    return load_cdd (data_dir, set, atoi (set + 3), error);
  if (g_str_has_prefix (set, "wt"))
    return load_wt (data_dir, set, atoi (set + 2), error);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "no benchmark set \"%s\"", set);
  return NULL;
}

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

TaktPlan *
takt_orlib_to_plan (const TaktOrlibInstance *inst)
{
  TaktPlan *plan = takt_plan_new ();
  TaktStation *m = takt_station_new ();
  gint64 start = takt_days_from_civil (2024, 1, 1) * TAKT_DAY_S;   /* a Monday */
  gint64 span = 0;
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (inst != NULL, NULL);

  for (int j = 0; j < inst->n; j++)
    span += inst->p[j];
  for (int j = 0; j < inst->n; j++)
    span = MAX (span, inst->due[j]);

  set_str (&plan->name, inst->label);
  plan->horizon_start = start;
  plan->horizon_days = (span + TAKT_DAY_S - 1) / TAKT_DAY_S + 1;
  plan->calendar = NULL;

  set_str (&m->id, "m");
  set_str (&m->name, "Machine");
  m->machines = 1;
  g_ptr_array_add (plan->stations, m);

  for (int j = 0; j < inst->n; j++)
    {
      TaktProduct *prod = takt_product_new ();
      TaktStep *step = takt_step_new ();
      TaktOrder *order = takt_order_new ();
      g_autofree char *id = g_strdup_printf ("j%d", j + 1);
      g_autofree char *order_id = g_strdup_printf ("o%d", j + 1);

      set_str (&prod->id, id);
      set_str (&prod->name, id);
      if (prod->routing == NULL)
        prod->routing = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_step_free);
      set_str (&step->station, "m");
      step->cycle_s = inst->p[j];
      step->setup_s = 0;
      g_ptr_array_add (prod->routing, step);
      prod->setup_cost = 0;
      prod->holding_cost_per_day = (double) inst->early[j] * 86400.0;
      prod->late_cost_per_day = (double) inst->late[j] * 86400.0;
      prod->initial_stock = 0;
      prod->min_run = 1;
      prod->max_run = 0;
      g_ptr_array_add (plan->products, prod);

      set_str (&order->id, order_id);
      set_str (&order->product, id);
      order->quantity = 1;
      order->due = start + inst->due[j];
      g_ptr_array_add (plan->orders, order);
    }

  problems = takt_plan_check (plan);
  for (guint i = 0; i < problems->len; i++)
    g_critical ("%s: %s", inst->label, (const char *) g_ptr_array_index (problems, i));
  return plan;
}

double
takt_orlib_objective (const TaktOrlibInstance *inst,
                      const TaktPlan          *plan,
                      const TaktSchedule      *schedule)
{
  g_autofree gboolean *seen = g_new0 (gboolean, inst->n);
  double sum = 0;

  g_return_val_if_fail (inst != NULL, -1);
  g_return_val_if_fail (schedule != NULL, -1);

  if (schedule->runs->len != (guint) inst->n)
    return -1;
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      int j = run->product_index;
      gint64 c;

      if (j < 0 || j >= inst->n || seen[j] || run->quantity != 1 || run->steps->len != 1)
        return -1;
      seen[j] = TRUE;
      c = g_array_index (run->steps, TaktRunStep, 0).end - plan->horizon_start;
      if (c < inst->due[j])
        sum += (double) (inst->early[j] * (inst->due[j] - c));
      else
        sum += (double) (inst->late[j] * (c - inst->due[j]));
    }
  return sum;
}

void
takt_orlib_solve (const TaktOrlibInstance *inst,
                  gint64                   time_limit_ms,
                  gint64                   evaluations,
                  guint64                  seed,
                  TaktOrlibResult         *result)
{
  g_autoptr(TaktPlan) plan = takt_orlib_to_plan (inst);
  g_autoptr(TaktPlanStats) stats = NULL;
  g_autoptr(TaktSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  TaktPlannerOptions options;
  gint64 t0;

  g_return_if_fail (result != NULL);

  takt_planner_options_init (&options, plan);
  options.strategy = TAKT_STRATEGY_JIT;
  options.time_limit_ms = time_limit_ms;
  options.evaluations = evaluations;
  options.seed = seed;
  t0 = g_get_monotonic_time ();
  schedule = takt_planner_run (plan, &options, &stats, &error);
  result->ms = (g_get_monotonic_time () - t0) / 1000.0;
  if (schedule == NULL)
    g_error ("%s: the planner failed: %s", inst->label, error != NULL ? error->message : "?");
  result->cost = stats->total;
  result->objective = takt_orlib_objective (inst, plan, schedule);
  result->evaluations = stats->evaluations;
}

void
takt_orlib_summary_add (TaktOrlibSummary        *s,
                        const TaktOrlibInstance *inst,
                        const TaktOrlibResult   *result)
{
  double ref = inst->reference;
  double cost = result->cost;

  g_return_if_fail (s != NULL);

  if (s->instances == 0)
    s->worst_gap = -G_MAXDOUBLE;
  s->instances++;
  s->ms_sum += result->ms;
  if (fabs (result->objective - cost) > 1e-9 * MAX (1.0, fabs (cost)))
    s->mismatches++;
  if (ref > 0)
    {
      double gap = (cost - ref) / ref;

      s->with_gap++;
      s->gap_sum += gap;
      s->worst_gap = MAX (s->worst_gap, gap);
      if (fabs (cost - ref) < 1e-6 * ref)
        s->hits++;
      else if (cost < ref)
        s->better++;
    }
  else
    {
      s->zero_refs++;
      if (cost < 1e-6)
        s->zero_hits++;
    }
}
