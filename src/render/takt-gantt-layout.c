/* takt-gantt-layout.c — rows, bars and geometry of the schedule chart
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-gantt"

#include "config.h"

#include <math.h>
#include <string.h>

#include "takt-gantt-private.h"
#include "takt-time.h"

/* ---- colours ---- */

/* GNOME's palette, the darker shades first; no red, which means "late". */
static const guint32 product_palette[] = {
  0x3584e4, 0x2ec27e, 0xff7800, 0x9141ac, 0x986a44, 0xe5a50a,
  0x1a5fb4, 0x26a269, 0xc64600, 0x613583, 0x63452c, 0x62a0ea,
  0x57e389, 0xffa348, 0xc061cb, 0xb5835a,
};

void
takt_gantt_color_from_rgb (guint32         rgb,
                           TaktGanttColor *color)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1.0;
}

gboolean
takt_gantt_color_parse (const char     *str,
                        TaktGanttColor *color)
{
  guint32 rgb = 0;

  if (str == NULL || str[0] != '#' || strlen (str) != 7)
    return FALSE;
  for (int i = 1; i < 7; i++)
    {
      int v = g_ascii_xdigit_value (str[i]);

      if (v < 0)
        return FALSE;
      rgb = (rgb << 4) | (guint32) v;
    }
  takt_gantt_color_from_rgb (rgb, color);
  return TRUE;
}

void
takt_gantt_product_color (const TaktPlan *plan,
                          int             product_index,
                          TaktGanttColor *color)
{
  const TaktProduct *product = NULL;
  guint n = G_N_ELEMENTS (product_palette);

  g_return_if_fail (plan != NULL);
  g_return_if_fail (color != NULL);

  if (product_index >= 0 && plan->products != NULL && (guint) product_index < plan->products->len)
    product = g_ptr_array_index (plan->products, product_index);
  if (product != NULL && takt_gantt_color_parse (product->color, color))
    return;
  takt_gantt_color_from_rgb (product_palette[(guint) MAX (product_index, 0) % n], color);
}

void
takt_gantt_channel_color (TaktChannel     channel,
                          TaktGanttColor *color)
{
  guint32 rgb;

  g_return_if_fail (color != NULL);

  switch (channel)
    {
    case TAKT_CHANNEL_SOCIAL:  rgb = 0x3584e4; break;
    case TAKT_CHANNEL_EMAIL:   rgb = 0x2ec27e; break;
    case TAKT_CHANNEL_SEARCH:  rgb = 0xe5a50a; break;
    case TAKT_CHANNEL_DISPLAY: rgb = 0xff7800; break;
    case TAKT_CHANNEL_VIDEO:   rgb = 0xc061cb; break;
    case TAKT_CHANNEL_PRINT:   rgb = 0x986a44; break;
    case TAKT_CHANNEL_EVENT:   rgb = 0x9141ac; break;
    case TAKT_CHANNEL_OTHER:
    case TAKT_N_CHANNELS:
    default:                   rgb = 0x77767b; break;
    }
  takt_gantt_color_from_rgb (rgb, color);
}

/* ---- viewport ---- */

void
takt_gantt_viewport_init (TaktGanttViewport *viewport,
                          double             width,
                          double             height,
                          gboolean           dark)
{
  g_return_if_fail (viewport != NULL);

  memset (viewport, 0, sizeof *viewport);
  viewport->t0 = 0;
  viewport->seconds_per_px = 3600.0 / 40.0;
  viewport->y_offset = 0;
  viewport->width = width;
  viewport->height = height;
  viewport->header_width = 184;
  viewport->axis_height = 44;
  viewport->lane_height = 52;
  viewport->row_height = 30;
  viewport->group_height = 28;
  viewport->scale = 1;
  if (dark)
    takt_gantt_theme_init_dark (&viewport->theme);
  else
    takt_gantt_theme_init_light (&viewport->theme);
}

double
takt_gantt_viewport_x_for_time (const TaktGanttViewport *viewport,
                                gint64                   t)
{
  g_return_val_if_fail (viewport != NULL, 0);

  return viewport->header_width + ((double) t - viewport->t0) / viewport->seconds_per_px;
}

double
takt_gantt_viewport_time_at_x (const TaktGanttViewport *viewport,
                               double                   x)
{
  g_return_val_if_fail (viewport != NULL, 0);

  return viewport->t0 + (x - viewport->header_width) * viewport->seconds_per_px;
}

void
takt_gantt_viewport_zoom_at (TaktGanttViewport *viewport,
                             double             factor,
                             double             x)
{
  double t;

  g_return_if_fail (viewport != NULL);
  g_return_if_fail (factor > 0);

  t = takt_gantt_viewport_time_at_x (viewport, x);
  viewport->seconds_per_px = CLAMP (viewport->seconds_per_px / factor,
                                    TAKT_GANTT_MIN_SECONDS_PER_PX,
                                    TAKT_GANTT_MAX_SECONDS_PER_PX);
  viewport->t0 = t - (x - viewport->header_width) * viewport->seconds_per_px;
}

double
takt_gantt_viewport_chart_top (const TaktGanttViewport *viewport)
{
  g_return_val_if_fail (viewport != NULL, 0);

  return viewport->axis_height + viewport->lane_height;
}

/* ---- layout ---- */

static int
bar_compare (gconstpointer a,
             gconstpointer b)
{
  const TaktGanttBar *x = a;
  const TaktGanttBar *y = b;

  if (x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->run != y->run)
    return x->run < y->run ? -1 : 1;
  return (int) x->step - (int) y->step;
}

static int
order_due_compare (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const TaktPlan *plan = user_data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;
  const TaktOrder *x = g_ptr_array_index (plan->orders, i);
  const TaktOrder *y = g_ptr_array_index (plan->orders, j);

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  return i < j ? -1 : (i > j ? 1 : 0);
}

static int
campaign_start_compare (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const TaktPlan *plan = user_data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;
  const TaktCampaign *x = g_ptr_array_index (plan->campaigns, i);
  const TaktCampaign *y = g_ptr_array_index (plan->campaigns, j);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return i < j ? -1 : (i > j ? 1 : 0);
}

static void
find_conflicts (TaktGanttRowData *row)
{
  gint64 max_end = G_MININT64;
  guint owner = 0;
  gint64 span_max = G_MININT64;

  for (guint i = 0; i < row->bars->len; i++)
    {
      TaktGanttBar *bar = &g_array_index (row->bars, TaktGanttBar, i);

      if (i > 0 && bar->begin < max_end)
        {
          TaktGanttSpan span;

          span.begin = bar->begin;
          span.end = MIN (bar->end, max_end);
          span_max = MAX (span_max, span.end);
          span.max_end = span_max;
          g_array_append_val (row->overlaps, span);
          bar->flags |= TAKT_GANTT_BAR_CONFLICT;
          g_array_index (row->bars, TaktGanttBar, owner).flags |= TAKT_GANTT_BAR_CONFLICT;
        }
      if (bar->end > max_end)
        {
          max_end = bar->end;
          owner = i;
        }
      bar->max_end = max_end;
    }
}

gint64
takt_gantt_layout_demand_due (const TaktGanttLayout *layout,
                              const char            *demand)
{
  gpointer value;
  const char *colon;
  gint64 date;

  g_return_val_if_fail (layout != NULL, G_MININT64);
  g_return_val_if_fail (demand != NULL, G_MININT64);

  if (g_hash_table_lookup_extended (layout->order_ids, demand, NULL, &value))
    {
      const TaktOrder *order = g_ptr_array_index (layout->plan->orders, GPOINTER_TO_UINT (value));

      return order->due;
    }
  /* "forecast:P:DATE" and "campaign:ID:P:DATE" are due at the end of DATE. */
  if (!g_str_has_prefix (demand, "forecast:") && !g_str_has_prefix (demand, "campaign:"))
    return G_MININT64;
  colon = strrchr (demand, ':');
  if (colon == NULL || !takt_parse_date (colon + 1, &date))
    return G_MININT64;
  return date + TAKT_DAY_S;
}

/* The due times of on-time and of late orders, each sorted, for the lane. */
static void
rebuild_due_lists (TaktGanttLayout *layout)
{
  for (int k = 0; k < 2; k++)
    {
      if (layout->dues[k] == NULL)
        layout->dues[k] = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_set_size (layout->dues[k], 0);
    }
  for (guint i = 0; i < layout->n_orders; i++)
    {
      guint o = layout->orders_by_due[i];
      const TaktOrder *order = g_ptr_array_index (layout->plan->orders, o);

      g_array_append_val (layout->dues[layout->order_late[o] ? 1 : 0], order->due);
    }
}

static void
mark_late_from_covers (TaktGanttLayout *layout)
{
  const TaktPlan *plan = layout->plan;
  g_autofree gint64 *covered = g_new0 (gint64, MAX (layout->n_orders, 1));
  g_autofree gint64 *last_finish = g_new (gint64, MAX (layout->n_orders, 1));

  memset (layout->run_late, 0, MAX (layout->n_runs, 1));
  memset (layout->order_late, 0, MAX (layout->n_orders, 1));
  for (guint i = 0; i < layout->n_orders; i++)
    last_finish[i] = G_MININT64;

  for (guint r = 0; r < layout->n_runs; r++)
    {
      const TaktRun *run = g_ptr_array_index (layout->schedule->runs, r);

      if (run->covers == NULL)
        continue;
      for (guint c = 0; c < run->covers->len; c++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);
          gint64 due;
          gpointer value;

          if (cover->demand == NULL)
            continue;
          due = takt_gantt_layout_demand_due (layout, cover->demand);
          if (due != G_MININT64 && layout->run_finish[r] > due)
            layout->run_late[r] = TRUE;
          if (g_hash_table_lookup_extended (layout->order_ids, cover->demand, NULL, &value))
            {
              guint o = GPOINTER_TO_UINT (value);

              covered[o] += cover->quantity;
              last_finish[o] = MAX (last_finish[o], layout->run_finish[r]);
            }
        }
    }

  for (guint o = 0; o < layout->n_orders; o++)
    {
      const TaktOrder *order = g_ptr_array_index (plan->orders, o);

      layout->order_late[o] = covered[o] < order->quantity || last_finish[o] > order->due;
    }
  rebuild_due_lists (layout);
}

void
takt_gantt_layout_set_stats (TaktGanttLayout     *layout,
                             const TaktPlanStats *stats)
{
  g_autoptr(GHashTable) late = NULL;

  g_return_if_fail (layout != NULL);

  if (stats == NULL || stats->demands == NULL)
    {
      mark_late_from_covers (layout);
      return;
    }

  /* demand name → its result, for the demands with late or unmet units */
  late = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < stats->demands->len; i++)
    {
      TaktDemandResult *result = g_ptr_array_index (stats->demands, i);

      if (result->demand != NULL && (result->late_units > 0 || result->unmet > 0))
        g_hash_table_insert (late, result->demand, result);
    }

  memset (layout->run_late, 0, MAX (layout->n_runs, 1));
  memset (layout->order_late, 0, MAX (layout->n_orders, 1));

  for (guint r = 0; r < layout->n_runs; r++)
    {
      const TaktRun *run = g_ptr_array_index (layout->schedule->runs, r);

      if (run->covers == NULL)
        continue;
      for (guint c = 0; c < run->covers->len; c++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);
          TaktDemandResult *result;

          if (cover->demand == NULL)
            continue;
          result = g_hash_table_lookup (late, cover->demand);
          if (result != NULL && result->late_units > 0 && layout->run_finish[r] > result->due)
            layout->run_late[r] = TRUE;
        }
    }

  for (guint o = 0; o < layout->n_orders; o++)
    {
      const TaktOrder *order = g_ptr_array_index (layout->plan->orders, o);

      layout->order_late[o] = g_hash_table_contains (late, order->id);
    }
  rebuild_due_lists (layout);
}

TaktGanttLayout *
takt_gantt_layout_new (const TaktPlan     *plan,
                       const TaktSchedule *schedule)
{
  TaktGanttLayout *layout;
  guint n_stations;
  g_autofree gint64 *machines = NULL;
  guint n_rows = 0;
  guint groups = 0;
  guint machine_rows = 0;
  guint n_refs = 0;
  guint row_index = 0;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (plan->stations != NULL, NULL);

  layout = g_new0 (TaktGanttLayout, 1);
  layout->plan = plan;
  layout->schedule = schedule;
  layout->n_runs = (schedule != NULL && schedule->runs != NULL) ? schedule->runs->len : 0;
  layout->n_orders = plan->orders != NULL ? plan->orders->len : 0;
  layout->n_products = plan->products != NULL ? plan->products->len : 0;
  n_stations = plan->stations->len;

  /* Rows: every station with as many machines as it has, or as the
   * schedule uses if that is more. */
  machines = g_new0 (gint64, MAX (n_stations, 1));
  for (guint s = 0; s < n_stations; s++)
    {
      const TaktStation *station = g_ptr_array_index (plan->stations, s);

      machines[s] = MAX (station->machines, 1);
    }
  for (guint r = 0; r < layout->n_runs; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      if (run->steps == NULL)
        continue;
      n_refs += run->steps->len;
      for (guint k = 0; k < run->steps->len; k++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, k);

          if (step->station_index >= 0 && (guint) step->station_index < n_stations &&
              step->machine >= 1 && step->machine <= G_MAXINT)
            machines[step->station_index] = MAX (machines[step->station_index], step->machine);
        }
    }
  for (guint s = 0; s < n_stations; s++)
    n_rows += 1 + (guint) machines[s];

  layout->n_rows = n_rows;
  layout->rows = g_new0 (TaktGanttRowData, MAX (n_rows, 1));
  layout->station_row = g_new (int, MAX (n_stations, 1));
  layout->n_stations = n_stations;
  for (guint s = 0; s < n_stations; s++)
    {
      layout->station_row[s] = (int) row_index;
      for (gint64 m = 0; m <= machines[s]; m++)
        {
          TaktGanttRowData *row = &layout->rows[row_index++];

          row->info.kind = m == 0 ? TAKT_GANTT_ROW_STATION : TAKT_GANTT_ROW_MACHINE;
          row->info.station_index = (int) s;
          row->info.machine = m;
          row->n_groups_before = groups;
          row->n_machines_before = machine_rows;
          row->bars = g_array_new (FALSE, FALSE, sizeof (TaktGanttBar));
          row->overlaps = g_array_new (FALSE, FALSE, sizeof (TaktGanttSpan));
          if (m == 0)
            groups++;
          else
            machine_rows++;
        }
    }

  /* Bars, and each run's finish. */
  layout->run_finish = g_new (gint64, MAX (layout->n_runs, 1));
  layout->range_start = plan->horizon_start;
  layout->range_end = plan->horizon_start + MAX (plan->horizon_days, 1) * TAKT_DAY_S;
  for (guint r = 0; r < layout->n_runs; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      layout->run_finish[r] = G_MININT64;
      if (run->steps == NULL)
        continue;
      for (guint k = 0; k < run->steps->len; k++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, k);
          TaktGanttBar bar;
          int row;

          layout->run_finish[r] = MAX (layout->run_finish[r], step->end);
          row = takt_gantt_layout_find_row (layout, step->station_index, step->machine);
          if (row < 0)
            continue;
          bar.begin = MIN (step->setup_start, step->start);
          bar.start = step->start;
          bar.end = MAX (step->end, step->start);
          bar.max_end = bar.end;
          bar.run = r;
          bar.step = (guint16) MIN (k, G_MAXUINT16);
          bar.flags = 0;
          g_array_append_val (layout->rows[row].bars, bar);
          layout->range_start = MIN (layout->range_start, bar.begin);
          layout->range_end = MAX (layout->range_end, bar.end);
        }
    }

  /* Sort each row by time, find overlaps, and index every step's bar. */
  layout->run_first_ref = g_new0 (guint, layout->n_runs + 1);
  for (guint r = 0; r < layout->n_runs; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      layout->run_first_ref[r + 1] = layout->run_first_ref[r] + (run->steps != NULL ? run->steps->len : 0);
    }
  layout->refs = g_new (TaktGanttBarRef, MAX (n_refs, 1));
  for (guint i = 0; i < n_refs; i++)
    {
      layout->refs[i].row = G_MAXUINT;
      layout->refs[i].index = 0;
    }
  for (guint i = 0; i < n_rows; i++)
    {
      TaktGanttRowData *row = &layout->rows[i];

      g_array_sort (row->bars, bar_compare);
      find_conflicts (row);
      for (guint b = 0; b < row->bars->len; b++)
        {
          const TaktGanttBar *bar = &g_array_index (row->bars, TaktGanttBar, b);
          guint ref = layout->run_first_ref[bar->run] + bar->step;

          layout->refs[ref].row = i;
          layout->refs[ref].index = b;
        }
    }

  /* Orders: by id, and by due time for the lane. */
  layout->order_ids = g_hash_table_new (g_str_hash, g_str_equal);
  layout->orders_by_due = g_new (guint, MAX (layout->n_orders, 1));
  for (guint o = 0; o < layout->n_orders; o++)
    {
      const TaktOrder *order = g_ptr_array_index (plan->orders, o);

      if (order->id != NULL && !g_hash_table_contains (layout->order_ids, order->id))
        g_hash_table_insert (layout->order_ids, order->id, GUINT_TO_POINTER (o));
      layout->orders_by_due[o] = o;
    }
  g_qsort_with_data (layout->orders_by_due, (gint) layout->n_orders, sizeof (guint),
                     order_due_compare, (gpointer) plan);

  /* Campaigns: sub-lanes so that bands never overlap. */
  layout->n_campaigns = plan->campaigns != NULL ? plan->campaigns->len : 0;
  layout->campaign_lane = g_new0 (int, MAX (layout->n_campaigns, 1));
  if (layout->n_campaigns > 0)
    {
      g_autofree guint *by_start = g_new (guint, layout->n_campaigns);
      g_autoptr(GArray) lane_end = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint c = 0; c < layout->n_campaigns; c++)
        by_start[c] = c;
      g_qsort_with_data (by_start, (gint) layout->n_campaigns, sizeof (guint),
                         campaign_start_compare, (gpointer) plan);
      for (guint i = 0; i < layout->n_campaigns; i++)
        {
          const TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, by_start[i]);
          gint64 end = MAX (campaign->end, campaign->start) + TAKT_DAY_S;
          guint lane;

          for (lane = 0; lane < lane_end->len; lane++)
            if (g_array_index (lane_end, gint64, lane) <= campaign->start)
              break;
          if (lane == lane_end->len)
            g_array_append_val (lane_end, end);
          else
            g_array_index (lane_end, gint64, lane) = end;
          layout->campaign_lane[by_start[i]] = (int) lane;
        }
      layout->n_campaign_lanes = (int) lane_end->len;
    }

  layout->run_late = g_new0 (guint8, MAX (layout->n_runs, 1));
  layout->order_late = g_new0 (guint8, MAX (layout->n_orders, 1));
  if (layout->n_runs > 0)
    mark_late_from_covers (layout);
  else
    rebuild_due_lists (layout);

  /* Per-frame scratch: bars batched by colour. */
  layout->box_main = g_new0 (GArray *, layout->n_products + 1);
  layout->box_setup = g_new0 (GArray *, layout->n_products + 1);
  layout->wide = g_new0 (GArray *, layout->n_products + 1);
  for (guint p = 0; p <= layout->n_products; p++)
    {
      layout->box_main[p] = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
      layout->box_setup[p] = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
      layout->wide[p] = g_array_new (FALSE, FALSE, sizeof (TaktGanttWide));
    }
  layout->box_late = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  layout->small_pins = g_array_new (FALSE, FALSE, sizeof (TaktGanttWide));
  layout->spans = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  layout->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, takt_gantt_label_free);
  layout->product_colors = g_new (TaktGanttColor, layout->n_products + 1);
  for (guint p = 0; p < layout->n_products; p++)
    takt_gantt_product_color (plan, (int) p, &layout->product_colors[p]);
  takt_gantt_color_from_rgb (0x77767b, &layout->product_colors[layout->n_products]);

  return layout;
}

void
takt_gantt_layout_free (TaktGanttLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < layout->n_rows; i++)
    {
      g_array_unref (layout->rows[i].bars);
      g_array_unref (layout->rows[i].overlaps);
    }
  g_free (layout->rows);
  g_free (layout->station_row);
  g_free (layout->run_first_ref);
  g_free (layout->refs);
  g_free (layout->run_finish);
  g_free (layout->run_late);
  g_free (layout->order_late);
  g_free (layout->orders_by_due);
  g_array_unref (layout->dues[0]);
  g_array_unref (layout->dues[1]);
  g_free (layout->campaign_lane);
  g_hash_table_unref (layout->order_ids);
  for (guint p = 0; p <= layout->n_products; p++)
    {
      g_array_unref (layout->box_main[p]);
      g_array_unref (layout->box_setup[p]);
      g_array_unref (layout->wide[p]);
    }
  g_free (layout->box_main);
  g_free (layout->box_setup);
  g_free (layout->wide);
  g_array_unref (layout->box_late);
  g_array_unref (layout->small_pins);
  g_array_unref (layout->spans);
  g_hash_table_unref (layout->labels);
  g_clear_object (&layout->text);
  g_clear_object (&layout->bold);
  g_clear_object (&layout->small);
  g_clear_object (&layout->pango);
  g_free (layout->font_key);
  g_free (layout->product_colors);
  g_free (layout);
}

#define SWAP(type, a, b) G_STMT_START { type tmp_ = (a); (a) = (b); (b) = tmp_; } G_STMT_END

void
takt_gantt_layout_take_text_cache (TaktGanttLayout *layout,
                                   TaktGanttLayout *old)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (old != NULL);

  if (layout == old)
    return;
  /* A swap: @old gets whatever @layout had (usually nothing). */
  SWAP (PangoContext *, layout->pango, old->pango);
  SWAP (char *, layout->font_key, old->font_key);
  SWAP (PangoLayout *, layout->text, old->text);
  SWAP (PangoLayout *, layout->bold, old->bold);
  SWAP (PangoLayout *, layout->small, old->small);
  SWAP (double, layout->line_h, old->line_h);
  SWAP (double, layout->bold_line_h, old->bold_line_h);
  SWAP (double, layout->small_line_h, old->small_line_h);
  SWAP (GHashTable *, layout->labels, old->labels);
}

guint
takt_gantt_layout_get_n_rows (const TaktGanttLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_rows;
}

const TaktGanttRow *
takt_gantt_layout_get_row (const TaktGanttLayout *layout,
                           guint                  row)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (row < layout->n_rows, NULL);

  return &layout->rows[row].info;
}

int
takt_gantt_layout_find_row (const TaktGanttLayout *layout,
                            int                    station_index,
                            gint64                 machine)
{
  guint first;
  guint end;

  g_return_val_if_fail (layout != NULL, -1);

  if (station_index < 0 || (guint) station_index >= layout->n_stations || machine < 1)
    return -1;
  first = (guint) layout->station_row[station_index];
  end = (guint) station_index + 1 < layout->n_stations
        ? (guint) layout->station_row[station_index + 1] : layout->n_rows;
  if (machine >= (gint64) (end - first))
    return -1;
  return (int) (first + (guint) machine);
}

void
takt_gantt_layout_get_time_range (const TaktGanttLayout *layout,
                                  gint64                *start,
                                  gint64                *end)
{
  g_return_if_fail (layout != NULL);

  if (start != NULL)
    *start = layout->range_start;
  if (end != NULL)
    *end = layout->range_end;
}

gboolean
takt_gantt_layout_run_is_late (const TaktGanttLayout *layout,
                               guint                  run)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (run < layout->n_runs, FALSE);

  return layout->run_late[run] != 0;
}

gboolean
takt_gantt_layout_order_is_late (const TaktGanttLayout *layout,
                                 guint                  order)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (order < layout->n_orders, FALSE);

  return layout->order_late[order] != 0;
}

double
takt_gantt_layout_get_content_height (const TaktGanttLayout   *layout,
                                      const TaktGanttViewport *viewport)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (viewport != NULL, 0);

  return layout->n_stations * viewport->group_height +
         (layout->n_rows - layout->n_stations) * viewport->row_height;
}

double
takt_gantt_layout_row_y (const TaktGanttLayout   *layout,
                         const TaktGanttViewport *viewport,
                         guint                    row)
{
  const TaktGanttRowData *data;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (viewport != NULL, 0);
  g_return_val_if_fail (row <= layout->n_rows, 0);

  if (row == layout->n_rows)
    return takt_gantt_viewport_chart_top (viewport) - viewport->y_offset +
           takt_gantt_layout_get_content_height (layout, viewport);
  data = &layout->rows[row];
  return takt_gantt_viewport_chart_top (viewport) - viewport->y_offset +
         data->n_groups_before * viewport->group_height +
         data->n_machines_before * viewport->row_height;
}

double
takt_gantt_layout_row_height (const TaktGanttLayout   *layout,
                              const TaktGanttViewport *viewport,
                              guint                    row)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (viewport != NULL, 0);
  g_return_val_if_fail (row < layout->n_rows, 0);

  return layout->rows[row].info.kind == TAKT_GANTT_ROW_STATION
         ? viewport->group_height : viewport->row_height;
}

int
takt_gantt_layout_row_at_y (const TaktGanttLayout   *layout,
                            const TaktGanttViewport *viewport,
                            double                   y)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (layout != NULL, -1);
  g_return_val_if_fail (viewport != NULL, -1);

  if (layout->n_rows == 0 || y < takt_gantt_viewport_chart_top (viewport) ||
      y >= takt_gantt_layout_row_y (layout, viewport, layout->n_rows))
    return -1;

  /* The last row whose top is at or above y. */
  hi = layout->n_rows;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (takt_gantt_layout_row_y (layout, viewport, mid) <= y)
        lo = mid;
      else
        hi = mid;
    }
  return (int) lo;
}

void
takt_gantt_bar_geometry (const TaktGanttViewport *viewport,
                         double                   row_y,
                         double                  *bar_y,
                         double                  *bar_h)
{
  double pad = floor (viewport->row_height * 0.17 + 0.5);

  *bar_y = row_y + pad;
  *bar_h = MAX (viewport->row_height - 2 * pad, 2);
}

gboolean
takt_gantt_layout_get_bar_rect (const TaktGanttLayout   *layout,
                                const TaktGanttViewport *viewport,
                                guint                    run,
                                guint                    step,
                                double                  *x,
                                double                  *y,
                                double                  *width,
                                double                  *height)
{
  const TaktGanttBarRef *ref;
  const TaktGanttBar *bar;
  double x0, x1, by, bh;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (viewport != NULL, FALSE);

  if (run >= layout->n_runs || layout->run_first_ref[run] + step >= layout->run_first_ref[run + 1])
    return FALSE;
  ref = &layout->refs[layout->run_first_ref[run] + step];
  if (ref->row == G_MAXUINT)
    return FALSE;
  bar = &g_array_index (layout->rows[ref->row].bars, TaktGanttBar, ref->index);
  x0 = takt_gantt_viewport_x_for_time (viewport, bar->begin);
  x1 = takt_gantt_viewport_x_for_time (viewport, bar->end);
  takt_gantt_bar_geometry (viewport, takt_gantt_layout_row_y (layout, viewport, ref->row), &by, &bh);
  if (x != NULL)
    *x = x0;
  if (y != NULL)
    *y = by;
  if (width != NULL)
    *width = x1 - x0;
  if (height != NULL)
    *height = bh;
  return TRUE;
}

void
takt_gantt_viewport_fit (TaktGanttViewport     *viewport,
                         const TaktGanttLayout *layout)
{
  double chart_w;
  gint64 span;
  gint64 margin;

  g_return_if_fail (viewport != NULL);
  g_return_if_fail (layout != NULL);

  chart_w = MAX (viewport->width - viewport->header_width, 1);
  span = MAX (layout->range_end - layout->range_start, 3600);
  margin = span / 100;
  viewport->t0 = (double) (layout->range_start - margin);
  viewport->seconds_per_px = (double) (span + 2 * margin) / chart_w;
}

/* The first bar of a row whose span may reach past @t: bars are sorted by
 * start, and max_end (the latest end so far) only grows. */
guint
takt_gantt_row_first_bar_after (const TaktGanttRowData *row,
                                double                  t)
{
  guint lo = 0;
  guint hi = row->bars->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((double) g_array_index (row->bars, TaktGanttBar, mid).max_end <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
takt_gantt_row_first_span_after (const TaktGanttRowData *row,
                                 double                  t)
{
  guint lo = 0;
  guint hi = row->overlaps->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((double) g_array_index (row->overlaps, TaktGanttSpan, mid).max_end <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* ---- hit testing ---- */

gboolean
takt_gantt_hit_test (const TaktGanttLayout   *layout,
                     const TaktGanttViewport *viewport,
                     double                   x,
                     double                   y,
                     TaktGanttHit            *hit)
{
  double chart_top;
  const TaktGanttRowData *row;
  double by, bh;
  double spp;
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (viewport != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  hit->area = TAKT_GANTT_AREA_NONE;
  hit->row = -1;
  hit->run = -1;
  hit->step = -1;
  hit->on_bar = FALSE;
  hit->on_setup = FALSE;
  hit->order = -1;
  hit->campaign = -1;
  hit->time = takt_gantt_viewport_time_at_x (viewport, x);

  if (x < 0 || y < 0 || x >= viewport->width || y >= viewport->height)
    return FALSE;

  chart_top = takt_gantt_viewport_chart_top (viewport);
  if (x < viewport->header_width)
    {
      hit->area = y < chart_top ? TAKT_GANTT_AREA_CORNER : TAKT_GANTT_AREA_ROW_HEADER;
      if (hit->area == TAKT_GANTT_AREA_ROW_HEADER)
        hit->row = takt_gantt_layout_row_at_y (layout, viewport, y);
      return FALSE;
    }
  if (y < viewport->axis_height)
    {
      hit->area = TAKT_GANTT_AREA_AXIS;
      return FALSE;
    }
  spp = viewport->seconds_per_px;
  if (y < chart_top)
    {
      TaktTopLaneGeometry g;

      hit->area = TAKT_GANTT_AREA_LANE;
      takt_gantt_top_lane_geometry (layout, viewport, &g);
      if (y >= g.marker_top)
        {
          /* The nearest due marker within its half width; orders are
           * sorted by due time. */
          double best_dx = g.marker_half_width + 0.5;
          double from = hit->time - best_dx * spp;
          guint lo = 0;
          guint hi = layout->n_orders;

          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;
              const TaktOrder *order = g_ptr_array_index (layout->plan->orders, layout->orders_by_due[mid]);

              if ((double) order->due < from)
                lo = mid + 1;
              else
                hi = mid;
            }
          for (guint i = lo; i < layout->n_orders; i++)
            {
              const TaktOrder *order = g_ptr_array_index (layout->plan->orders, layout->orders_by_due[i]);
              double dx = fabs (takt_gantt_viewport_x_for_time (viewport, order->due) - x);

              if ((double) order->due > hit->time + best_dx * spp)
                break;
              if (dx < best_dx)
                {
                  best_dx = dx;
                  hit->order = (int) layout->orders_by_due[i];
                }
            }
        }
      else if (g.band_height > 0 && y >= g.band_top)
        {
          int lane = (int) floor ((y - g.band_top) / (g.band_height + g.band_gap));

          for (guint c = 0; c < layout->n_campaigns; c++)
            {
              const TaktCampaign *campaign = g_ptr_array_index (layout->plan->campaigns, c);

              if (layout->campaign_lane[c] == lane &&
                  hit->time >= (double) campaign->start &&
                  hit->time < (double) (MAX (campaign->end, campaign->start) + TAKT_DAY_S))
                hit->campaign = (int) c;
            }
        }
      return FALSE;
    }

  hit->area = TAKT_GANTT_AREA_CHART;
  hit->row = takt_gantt_layout_row_at_y (layout, viewport, y);
  if (hit->row < 0 || layout->rows[hit->row].info.kind != TAKT_GANTT_ROW_MACHINE)
    return FALSE;
  takt_gantt_bar_geometry (viewport, takt_gantt_layout_row_y (layout, viewport, (guint) hit->row), &by, &bh);
  if (y < by || y >= by + bh)
    return FALSE;

  /* A bar contains x when x0 <= x < x1; a bar drawn thinner than
   * TAKT_GANTT_THIN_PX is also hit within half that width of it. */
  row = &layout->rows[hit->row];
  for (guint i = takt_gantt_row_first_bar_after (row, hit->time - TAKT_GANTT_THIN_PX * spp);
       i < row->bars->len; i++)
    {
      const TaktGanttBar *bar = &g_array_index (row->bars, TaktGanttBar, i);
      double x0, x1, distance;

      if ((double) bar->begin > hit->time + TAKT_GANTT_THIN_PX * spp)
        break;
      x0 = takt_gantt_viewport_x_for_time (viewport, bar->begin);
      x1 = takt_gantt_viewport_x_for_time (viewport, bar->end);
      if (x >= x0 && x < x1)
        distance = 0;
      else if (x1 - x0 < TAKT_GANTT_THIN_PX)
        distance = x < x0 ? x0 - x : x - x1;
      else
        continue;
      if (distance > TAKT_GANTT_THIN_PX / 2)
        continue;
      /* Later bars are drawn on top: on a tie, they win. */
      if (distance <= best_distance)
        {
          best_distance = distance;
          best = (int) i;
        }
    }
  if (best < 0)
    return FALSE;

  {
    const TaktGanttBar *bar = &g_array_index (row->bars, TaktGanttBar, best);

    hit->run = (int) bar->run;
    hit->step = bar->step;
    hit->on_bar = TRUE;
    hit->on_setup = hit->time < (double) bar->start;
  }
  return TRUE;
}
