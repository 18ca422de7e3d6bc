/* takt-gantt-view.c — the schedule as a Gantt chart: drawing, scrolling,
 * zoom, hover details, selection, keys and the context menu
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-gantt-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "takt-format.h"
#include "takt-gantt-view-private.h"
#include "takt-time.h"

/* Zoom: from 2 s per px (an hour is 1,800 px) to the whole range. */
#define MIN_SECONDS_PER_PX 2.0
#define ZOOM_STEP          1.5
/* The view opens on the first ten days of the horizon: labels readable, a
 * week and a half in sight. */
#define INITIAL_SPAN_S     (10 * TAKT_DAY_S)
#define AUTOSCROLL_EDGE    32.0

static void takt_gantt_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TaktGanttView, takt_gantt_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      takt_gantt_view_scrollable_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_RUN,
  PROP_DRAGGING,
  PROP_DROP_SUMMARY,
  PROP_SECONDS_PER_PX,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static void update_actions       (TaktGanttView *self);
static void update_zoom_actions  (TaktGanttView *self);
static void update_accessible    (TaktGanttView *self);
static void configure_adjustments (TaktGanttView *self);

/* ---- time and words ---- */

static gint64
now_naive (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return takt_days_from_civil (g_date_time_get_year (now),
                               g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now)) * TAKT_DAY_S +
         g_date_time_get_hour (now) * 3600 +
         g_date_time_get_minute (now) * 60 +
         g_date_time_get_second (now);
}

static char *
format_naive (gint64      t,
              const char *format)
{
  gint64 days = t >= 0 ? t / TAKT_DAY_S : -((-t + TAKT_DAY_S - 1) / TAKT_DAY_S);
  gint64 rest = t - days * TAKT_DAY_S;
  g_autoptr(GDateTime) dt = NULL;
  gint64 year;
  int month, day;

  takt_civil_from_days (days, &year, &month, &day);
  dt = g_date_time_new_utc ((int) year, month, day, (int) (rest / 3600),
                            (int) (rest % 3600 / 60), (double) (rest % 60));
  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, format);
}

/* "Wed 2 Dec 06:00–14:00", or with both days when it ends on another. */
static char *
format_span (gint64 start,
             gint64 end)
{
  /* Translators: a day and time, see g_date_time_format() */
  g_autofree char *from = format_naive (start, _("%a %-d %b %H:%M"));
  g_autofree char *to = NULL;

  if (takt_day_start (start) == takt_day_start (end) ||
      (end == takt_day_start (end) && takt_day_start (start) == end - TAKT_DAY_S))
    /* Translators: a time of day, see g_date_time_format() */
    to = format_naive (end, _("%H:%M"));
  else
    to = format_naive (end, _("%a %-d %b %H:%M"));

  /* Translators: a span of time, "Wed 2 Dec 06:00–14:00" */
  return g_strdup_printf (_("%s–%s"), from, to);
}

char *
takt_gantt_view_machine_name (TaktGanttView *self,
                              int            station_index,
                              gint64         machine)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  const TaktStation *station;

  if (plan == NULL || station_index < 0 || (guint) station_index >= plan->stations->len)
    return g_strdup ("");
  station = g_ptr_array_index (plan->stations, station_index);
  /* Translators: a station and one of its machines, e.g. "Print farm 2" */
  return g_strdup_printf (_("%s %d"), station->name, (int) machine);
}

static const char *
product_name (const TaktPlan *plan,
              int             product_index)
{
  const TaktProduct *product;

  if (plan == NULL || product_index < 0 || (guint) product_index >= plan->products->len)
    return "";
  product = g_ptr_array_index (plan->products, product_index);
  return product->name != NULL && product->name[0] ? product->name : product->id;
}

/* An order by its id, the forecast and campaign days by what they are. */
static char *
describe_demand (const TaktPlan *plan,
                 const char     *demand)
{
  if (g_str_has_prefix (demand, "forecast:"))
    {
      const char *date = strrchr (demand, ':');
      gint64 day;

      if (date != NULL && takt_parse_date (date + 1, &day))
        {
          g_autofree char *text = format_naive (day, _("%a %-d %b"));

          /* Translators: the forecast of one day, e.g. "Forecast Wed 2 Dec" */
          return g_strdup_printf (_("Forecast %s"), text);
        }
      return g_strdup (_("Forecast"));
    }

  if (g_str_has_prefix (demand, "campaign:"))
    {
      const char *id = demand + strlen ("campaign:");
      const char *colon = strchr (id, ':');
      const char *date = strrchr (demand, ':');
      gsize len = colon != NULL ? (gsize) (colon - id) : strlen (id);
      const char *name = NULL;
      g_autofree char *day_text = NULL;
      gint64 day;

      for (guint c = 0; c < plan->campaigns->len; c++)
        {
          const TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, c);

          if (strlen (campaign->id) == len && strncmp (campaign->id, id, len) == 0)
            name = campaign->name != NULL && campaign->name[0] ? campaign->name : campaign->id;
        }
      if (date != NULL && takt_parse_date (date + 1, &day))
        day_text = format_naive (day, _("%a %-d %b"));
      if (name == NULL)
        return g_strndup (id, len);
      if (day_text == NULL)
        return g_strdup (name);
      /* Translators: a campaign's demand of one day, "Advent newsletter, Wed 2 Dec" */
      return g_strdup_printf (_("%s, %s"), name, day_text);
    }

  return g_strdup (demand);
}

/* ---- the document and the layout ---- */

const TaktPlan *
takt_gantt_view_get_plan (TaktGanttView *self)
{
  if (self->document == NULL)
    return NULL;
  return takt_document_get_plan (self->document);
}

const TaktRun *
takt_gantt_view_get_run (TaktGanttView *self,
                         int            run)
{
  const TaktSchedule *schedule;
  const TaktRun *r;

  if (takt_gantt_view_ensure_layout (self) == NULL || run < 0)
    return NULL;
  schedule = takt_document_get_schedule (self->document);
  if (schedule == NULL || (guint) run >= schedule->runs->len)
    return NULL;
  r = g_ptr_array_index (schedule->runs, run);
  if (r->steps == NULL || r->steps->len == 0)
    return NULL;
  return r;
}

static guint
n_runs (TaktGanttView *self)
{
  const TaktSchedule *schedule;

  if (self->document == NULL)
    return 0;
  schedule = takt_document_get_schedule (self->document);
  return schedule != NULL ? schedule->runs->len : 0;
}

void
takt_gantt_view_key_for_run (TaktGanttView   *self,
                             int              run,
                             TaktGanttRunKey *key)
{
  const TaktRun *r = takt_gantt_view_get_run (self, run);
  const TaktRunStep *first;

  memset (key, 0, sizeof *key);
  key->product_index = -1;
  key->station_index = -1;
  if (r == NULL)
    return;
  first = &g_array_index (r->steps, TaktRunStep, 0);
  key->product_index = r->product_index;
  key->station_index = first->station_index;
  key->machine = first->machine;
  key->start = first->start;
  key->quantity = r->quantity;
  key->pinned = r->pinned;
}

/* The run of the current schedule that is most like @key: the same
 * product, then the same machine, pinning and quantity, then the nearest
 * start; -1 when no run makes that product. */
int
takt_gantt_view_resolve_key (TaktGanttView         *self,
                             const TaktGanttRunKey *key)
{
  const TaktSchedule *schedule = takt_document_get_schedule (self->document);
  int best = -1;
  gint64 best_score = G_MAXINT64;

  if (schedule == NULL)
    return -1;

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktRunStep *first;
      gint64 score, delta;

      if (run->product_index != key->product_index || run->steps == NULL || run->steps->len == 0)
        continue;
      first = &g_array_index (run->steps, TaktRunStep, 0);
      delta = first->start - key->start;
      score = delta >= 0 ? delta : -delta;
      if (first->station_index != key->station_index || first->machine != key->machine)
        score += 7 * TAKT_DAY_S;
      if (!run->pinned != !key->pinned)
        score += 7 * TAKT_DAY_S;
      if (run->quantity != key->quantity)
        score += TAKT_DAY_S;
      /* A pin only ever moves its run later (to the next working instant). */
      if (key->pinned && delta < 0)
        score += TAKT_DAY_S;
      if (score < best_score)
        {
          best_score = score;
          best = (int) r;
        }
    }
  return best;
}

static void
resolve_selection (TaktGanttView *self)
{
  guint n = n_runs (self);
  int primary = -1;

  g_clear_pointer (&self->selected_flags, g_free);
  self->selected_flags = g_new0 (guint8, MAX (n, 1));

  for (guint i = 0; i < self->selection->len; i++)
    {
      const TaktGanttRunKey *key = &g_array_index (self->selection, TaktGanttRunKey, i);
      int run = takt_gantt_view_resolve_key (self, key);

      if (run >= 0)
        self->selected_flags[run] = 1;
      if (i == 0)
        primary = run;
    }

  if (primary != self->selected_run)
    {
      self->selected_run = primary;
      self->selected_step = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RUN]);
    }
  else if (primary >= 0)
    {
      const TaktRun *run = takt_gantt_view_get_run (self, primary);

      if (run == NULL || (guint) self->selected_step >= run->steps->len)
        self->selected_step = 0;
    }
}

static int
compare_row_bars (gconstpointer a,
                  gconstpointer b)
{
  const TaktGanttRowBar *x = a;
  const TaktGanttRowBar *y = b;

  if (x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  if (x->run != y->run)
    return x->run < y->run ? -1 : 1;
  return (int) x->step - (int) y->step;
}

static void
free_row_bars (TaktGanttView *self)
{
  for (guint i = 0; i < self->n_row_bars; i++)
    g_array_unref (self->row_bars[i]);
  g_clear_pointer (&self->row_bars, g_free);
  self->n_row_bars = 0;
}

static void
build_row_bars (TaktGanttView *self)
{
  const TaktSchedule *schedule = takt_document_get_schedule (self->document);
  guint n_rows = takt_gantt_layout_get_n_rows (self->layout);

  free_row_bars (self);
  self->row_bars = g_new0 (GArray *, MAX (n_rows, 1));
  self->n_row_bars = n_rows;
  for (guint i = 0; i < n_rows; i++)
    self->row_bars[i] = g_array_new (FALSE, FALSE, sizeof (TaktGanttRowBar));

  for (guint r = 0; schedule != NULL && r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      for (guint k = 0; run->steps != NULL && k < run->steps->len; k++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, k);
          int row = takt_gantt_layout_find_row (self->layout, step->station_index, step->machine);
          TaktGanttRowBar bar = { r, k, MIN (step->setup_start, step->start) };

          if (row >= 0)
            g_array_append_val (self->row_bars[row], bar);
        }
    }
  for (guint i = 0; i < n_rows; i++)
    g_array_sort (self->row_bars[i], compare_row_bars);
}

static void
invalidate_layout (TaktGanttView *self)
{
  if (self->layout != NULL)
    {
      /* Only its laid-out text is used again: it may point into a plan
       * or schedule that is gone. */
      g_clear_pointer (&self->stale_layout, takt_gantt_layout_free);
      self->stale_layout = g_steal_pointer (&self->layout);
    }
  free_row_bars (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
get_scroll_range (TaktGanttView *self,
                  double        *start,
                  double        *end)
{
  gint64 range_start = 0, range_end = TAKT_DAY_S;
  gint64 span, margin, now = now_naive ();

  if (self->layout != NULL)
    takt_gantt_layout_get_time_range (self->layout, &range_start, &range_end);
  /* Today, when it is a few days away, so that the line can be seen. */
  if (now < range_start && now > range_start - 7 * TAKT_DAY_S)
    range_start = takt_day_start (now);
  else if (now > range_end && now < range_end + 7 * TAKT_DAY_S)
    range_end = takt_day_start (now) + TAKT_DAY_S;
  span = MAX (range_end - range_start, 3600);
  margin = span / 100;
  *start = (double) (range_start - margin);
  *end = (double) (range_end + margin);
}

static double
chart_width (TaktGanttView *self)
{
  return MAX (self->viewport.width - self->viewport.header_width, 1.0);
}

static double
max_seconds_per_px (TaktGanttView *self)
{
  double start, end;

  get_scroll_range (self, &start, &end);
  return MAX ((end - start) / chart_width (self), MIN_SECONDS_PER_PX);
}

static void
initial_zoom (TaktGanttView *self)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  double start, end;
  gint64 span;

  if (plan == NULL || self->viewport.width <= self->viewport.header_width)
    return;

  get_scroll_range (self, &start, &end);
  span = MIN (plan->horizon_days * TAKT_DAY_S, INITIAL_SPAN_S);
  self->viewport.seconds_per_px = CLAMP ((span + TAKT_DAY_S / 4.0) / chart_width (self),
                                         MIN_SECONDS_PER_PX, max_seconds_per_px (self));
  self->viewport.t0 = plan->horizon_start - TAKT_DAY_S / 8.0;
  self->viewport.y_offset = 0;
  self->zoom_set = TRUE;
}

TaktGanttLayout *
takt_gantt_view_ensure_layout (TaktGanttView *self)
{
  const TaktPlan *plan;
  const TaktPlanStats *stats;

  if (self->layout != NULL)
    return self->layout;
  if (self->document == NULL)
    return NULL;

  plan = takt_document_get_plan (self->document);
  self->layout = takt_gantt_layout_new (plan, takt_document_get_schedule (self->document));
  stats = takt_document_get_stats (self->document);
  if (stats != NULL)
    takt_gantt_layout_set_stats (self->layout, stats);
  if (self->stale_layout != NULL)
    {
      takt_gantt_layout_take_text_cache (self->layout, self->stale_layout);
      g_clear_pointer (&self->stale_layout, takt_gantt_layout_free);
    }

  self->viewport.lane_height = MAX (40.0, takt_gantt_layout_preferred_lane_height (self->layout,
                                                                                  &self->viewport));
  build_row_bars (self);
  resolve_selection (self);
  update_actions (self);
  update_accessible (self);
  return self->layout;
}

/* ---- scrolling ---- */

static void
configure_adjustments (TaktGanttView *self)
{
  double start, end, content_w, value, chart_w, chart_h, content_h, y;
  double max_spp;

  if (self->layout == NULL)
    return;

  chart_w = chart_width (self);
  max_spp = max_seconds_per_px (self);
  self->viewport.seconds_per_px = CLAMP (self->viewport.seconds_per_px, MIN_SECONDS_PER_PX, max_spp);

  get_scroll_range (self, &start, &end);
  content_w = (end - start) / self->viewport.seconds_per_px;
  value = CLAMP ((self->viewport.t0 - start) / self->viewport.seconds_per_px,
                 0, MAX (content_w - chart_w, 0));
  self->viewport.t0 = start + value * self->viewport.seconds_per_px;

  chart_h = MAX (self->viewport.height - takt_gantt_viewport_chart_top (&self->viewport), 1.0);
  content_h = takt_gantt_layout_get_content_height (self->layout, &self->viewport);
  y = CLAMP (self->viewport.y_offset, 0, MAX (content_h - chart_h, 0));
  self->viewport.y_offset = y;

  self->in_configure = TRUE;
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, value, 0, MAX (content_w, chart_w),
                              chart_w * 0.1, chart_w * 0.9, chart_w);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, y, 0, MAX (content_h, chart_h),
                              self->viewport.row_height, chart_h * 0.9, chart_h);
  self->in_configure = FALSE;

  update_zoom_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_PER_PX]);
}

static void
hadjustment_value_changed_cb (TaktGanttView *self,
                              GtkAdjustment *adjustment)
{
  double start, end;

  if (self->in_configure)
    return;
  get_scroll_range (self, &start, &end);
  self->viewport.t0 = start + gtk_adjustment_get_value (adjustment) * self->viewport.seconds_per_px;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vadjustment_value_changed_cb (TaktGanttView *self,
                              GtkAdjustment *adjustment)
{
  if (self->in_configure)
    return;
  self->viewport.y_offset = gtk_adjustment_get_value (adjustment);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (TaktGanttView  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                GCallback       callback,
                int             prop_id)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_clear_object (slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed", callback, self, G_CONNECT_SWAPPED);
  configure_adjustments (self);
  g_object_notify (G_OBJECT (self), prop_id == PROP_HADJUSTMENT ? "hadjustment" : "vadjustment");
}

static gboolean
takt_gantt_view_get_border (GtkScrollable *scrollable,
                            GtkBorder     *border)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (scrollable);

  border->left = (gint16) self->viewport.header_width;
  border->top = (gint16) takt_gantt_viewport_chart_top (&self->viewport);
  border->right = 0;
  border->bottom = 0;
  return TRUE;
}

static void
takt_gantt_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = takt_gantt_view_get_border;
}

void
takt_gantt_view_scroll_to_time (TaktGanttView *self,
                                gint64         t,
                                double         x)
{
  g_return_if_fail (TAKT_IS_GANTT_VIEW (self));

  if (takt_gantt_view_ensure_layout (self) == NULL)
    return;
  self->viewport.t0 = (double) t - (x - self->viewport.header_width) * self->viewport.seconds_per_px;
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolls the least that shows the selected step's bar. */
static void
scroll_to_selection (TaktGanttView *self)
{
  graphene_rect_t rect;
  double chart_top, chart_right, chart_bottom;
  gboolean changed = FALSE;

  if (self->selected_run < 0 ||
      !takt_gantt_view_get_bar_rect (self, self->selected_run, self->selected_step, &rect))
    return;

  chart_top = takt_gantt_viewport_chart_top (&self->viewport);
  chart_right = self->viewport.width;
  chart_bottom = self->viewport.height;

  if (rect.origin.x < self->viewport.header_width ||
      rect.origin.x + MIN (rect.size.width, chart_width (self) - 24) > chart_right)
    {
      self->viewport.t0 += (rect.origin.x - self->viewport.header_width - 24) *
                           self->viewport.seconds_per_px;
      changed = TRUE;
    }
  if (rect.origin.y < chart_top)
    {
      self->viewport.y_offset -= chart_top - rect.origin.y + self->viewport.row_height;
      changed = TRUE;
    }
  else if (rect.origin.y + rect.size.height > chart_bottom)
    {
      self->viewport.y_offset += rect.origin.y + rect.size.height - chart_bottom +
                                 self->viewport.row_height;
      changed = TRUE;
    }
  if (changed)
    {
      configure_adjustments (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Scrolls while a drag holds the pointer near an edge of the chart. */
static gboolean
autoscroll_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);
  double x = self->pointer_x;
  double y = self->pointer_y;
  double dx = 0, dy = 0;
  double left = self->viewport.header_width;
  double top = takt_gantt_viewport_chart_top (&self->viewport);

  if (!takt_gantt_view_get_dragging (self))
    {
      self->autoscroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (x < left + AUTOSCROLL_EDGE && x >= 0)
    dx = -(left + AUTOSCROLL_EDGE - x) / 2;
  else if (x > self->viewport.width - AUTOSCROLL_EDGE)
    dx = (x - (self->viewport.width - AUTOSCROLL_EDGE)) / 2;
  if (y < top + AUTOSCROLL_EDGE / 2 && y >= top - AUTOSCROLL_EDGE)
    dy = -(top + AUTOSCROLL_EDGE / 2 - y) / 2;
  else if (y > self->viewport.height - AUTOSCROLL_EDGE / 2)
    dy = (y - (self->viewport.height - AUTOSCROLL_EDGE / 2)) / 2;

  if (dx == 0 && dy == 0)
    {
      self->autoscroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  self->viewport.t0 += CLAMP (dx, -24, 24) * self->viewport.seconds_per_px;
  self->viewport.y_offset += CLAMP (dy, -12, 12);
  configure_adjustments (self);
  takt_gantt_view_update_drag (self, x, y,
                               (gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (self->drag_gesture)) &
                                GDK_SHIFT_MASK) != 0);
  return G_SOURCE_CONTINUE;
}

void
takt_gantt_view_autoscroll (TaktGanttView *self,
                            double         x,
                            double         y)
{
  gboolean near;

  self->pointer_x = x;
  self->pointer_y = y;
  near = x < self->viewport.header_width + AUTOSCROLL_EDGE ||
         x > self->viewport.width - AUTOSCROLL_EDGE ||
         y > self->viewport.height - AUTOSCROLL_EDGE / 2 ||
         (y < takt_gantt_viewport_chart_top (&self->viewport) + AUTOSCROLL_EDGE / 2);
  /* A drag that starts near an edge scrolls only once it came back to it. */
  if (!near)
    self->autoscroll_armed = TRUE;
  if (!near || !self->autoscroll_armed || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      self->autoscroll_tick != 0)
    return;
  self->autoscroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick_cb, NULL, NULL);
}

/* ---- zoom ---- */

double
takt_gantt_view_get_seconds_per_px (TaktGanttView *self)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), 0);
  return self->viewport.seconds_per_px;
}

void
takt_gantt_view_zoom_at (TaktGanttView *self,
                         double         factor,
                         double         x)
{
  double spp, t;

  g_return_if_fail (TAKT_IS_GANTT_VIEW (self));
  g_return_if_fail (factor > 0);

  if (takt_gantt_view_ensure_layout (self) == NULL)
    return;

  x = MAX (x, self->viewport.header_width);
  t = takt_gantt_viewport_time_at_x (&self->viewport, x);
  spp = CLAMP (self->viewport.seconds_per_px / factor, MIN_SECONDS_PER_PX, max_seconds_per_px (self));
  if (spp == self->viewport.seconds_per_px)
    return;
  self->viewport.seconds_per_px = spp;
  self->viewport.t0 = t - (x - self->viewport.header_width) * spp;
  self->zoom_set = TRUE;
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_PER_PX]);
}

void
takt_gantt_view_zoom_fit (TaktGanttView *self)
{
  double start, end;

  g_return_if_fail (TAKT_IS_GANTT_VIEW (self));

  if (takt_gantt_view_ensure_layout (self) == NULL)
    return;
  get_scroll_range (self, &start, &end);
  self->viewport.seconds_per_px = max_seconds_per_px (self);
  self->viewport.t0 = start;
  self->zoom_set = TRUE;
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_PER_PX]);
}

gboolean
takt_gantt_view_get_zoom_limits (TaktGanttView *self,
                                 double        *min_spp,
                                 double        *max_spp)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), FALSE);

  if (takt_gantt_view_ensure_layout (self) == NULL || self->viewport.width <= self->viewport.header_width)
    return FALSE;
  if (min_spp != NULL)
    *min_spp = MIN_SECONDS_PER_PX;
  if (max_spp != NULL)
    *max_spp = max_seconds_per_px (self);
  return TRUE;
}

static double
zoom_anchor_x (TaktGanttView *self)
{
  graphene_rect_t rect;

  /* Around the selected bar when it is in sight, else the middle. */
  if (self->selected_run >= 0 &&
      takt_gantt_view_get_bar_rect (self, self->selected_run, self->selected_step, &rect) &&
      rect.origin.x >= self->viewport.header_width && rect.origin.x < self->viewport.width)
    return rect.origin.x;
  return self->viewport.header_width + chart_width (self) / 2;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TaktGanttView            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;
  if (dy != 0)
    takt_gantt_view_zoom_at (self, pow (1.2, -dy), self->pointer_x);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               TaktGanttView    *self)
{
  self->zoom_gesture_scale = 1.0;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       TaktGanttView  *self)
{
  double x, y;

  if (scale <= 0 || self->zoom_gesture_scale <= 0)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = zoom_anchor_x (self);
  takt_gantt_view_zoom_at (self, scale / self->zoom_gesture_scale, x);
  self->zoom_gesture_scale = scale;
}

/* ---- geometry for the outside ---- */

gboolean
takt_gantt_view_get_bar_rect (TaktGanttView   *self,
                              int              run,
                              int              step,
                              graphene_rect_t *rect)
{
  double x, y, w, h;

  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (takt_gantt_view_get_run (self, run) == NULL || step < 0)
    return FALSE;
  if (!takt_gantt_layout_get_bar_rect (self->layout, &self->viewport, (guint) run, (guint) step,
                                       &x, &y, &w, &h))
    return FALSE;
  graphene_rect_init (rect, (float) x, (float) y, (float) w, (float) h);
  return TRUE;
}

double
takt_gantt_view_time_at_x (TaktGanttView *self,
                           double         x)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), 0);
  return takt_gantt_viewport_time_at_x (&self->viewport, x);
}

double
takt_gantt_view_x_for_time (TaktGanttView *self,
                            gint64         t)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), 0);
  return takt_gantt_viewport_x_for_time (&self->viewport, t);
}

double
takt_gantt_view_row_center_y (TaktGanttView *self,
                              int            station_index,
                              gint64         machine)
{
  int row;

  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), -1);

  if (takt_gantt_view_ensure_layout (self) == NULL)
    return -1;
  row = takt_gantt_layout_find_row (self->layout, station_index, machine);
  if (row < 0)
    return -1;
  return takt_gantt_layout_row_y (self->layout, &self->viewport, (guint) row) +
         takt_gantt_layout_row_height (self->layout, &self->viewport, (guint) row) / 2;
}

/* ---- selection and its words ---- */

char *
takt_gantt_view_describe_run (TaktGanttView *self,
                              int            run)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  const TaktRun *r = takt_gantt_view_get_run (self, run);
  const TaktRunStep *first;
  g_autofree char *count = NULL;
  g_autofree char *machine = NULL;
  g_autofree char *span = NULL;
  GString *text;

  if (r == NULL)
    return NULL;

  first = &g_array_index (r->steps, TaktRunStep, 0);
  count = takt_format_count (r->quantity);
  machine = takt_gantt_view_machine_name (self, first->station_index, first->machine);
  span = format_span (first->start, first->end);

  text = g_string_new (NULL);
  /* Translators: a run, "Spiral vase × 20 on Print farm 2, Wed 2 Dec 06:00–14:00" */
  g_string_append_printf (text, _("%s × %s on %s, %s"),
                          product_name (plan, r->product_index), count, machine, span);
  if (r->pinned)
    /* Translators: added to a run's description */
    g_string_append (text, _(", pinned"));
  if (takt_gantt_layout_run_is_late (self->layout, (guint) run))
    /* Translators: added to a run's description */
    g_string_append (text, _(", late"));
  return g_string_free (text, FALSE);
}

char *
takt_gantt_view_describe_selection (TaktGanttView *self)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), NULL);

  if (takt_gantt_view_ensure_layout (self) == NULL || self->selected_run < 0)
    return NULL;
  return takt_gantt_view_describe_run (self, self->selected_run);
}

static void
update_accessible (TaktGanttView *self)
{
  g_autofree char *text = NULL;

  if (self->layout != NULL && self->selected_run >= 0)
    text = takt_gantt_view_describe_run (self, self->selected_run);

  if (text != NULL && self->selection->len > 1)
    {
      /* Translators: added when more runs are selected than the one described */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, and %u more run selected",
                                                            "%s, and %u more runs selected",
                                                            self->selection->len - 1),
                                               text, self->selection->len - 1);

      g_free (text);
      text = g_steal_pointer (&more);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text
                                  : _("No run selected. The arrow keys select runs."),
                                  -1);
}

int
takt_gantt_view_get_selected_run (TaktGanttView *self)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), -1);

  takt_gantt_view_ensure_layout (self);
  return self->selected_run;
}

const TaktGanttRunKey *
takt_gantt_view_get_primary_key (TaktGanttView *self)
{
  if (self->selection->len == 0)
    return NULL;
  return &g_array_index (self->selection, TaktGanttRunKey, 0);
}

static void
selection_changed (TaktGanttView *self)
{
  if (self->layout != NULL)
    resolve_selection (self);
  update_actions (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
takt_gantt_view_set_selection_keys (TaktGanttView         *self,
                                    const TaktGanttRunKey *keys,
                                    guint                  n_keys)
{
  g_array_set_size (self->selection, 0);
  if (n_keys > 0)
    g_array_append_vals (self->selection, keys, n_keys);
  selection_changed (self);
}

static int
selection_index_of (TaktGanttView *self,
                    int            run)
{
  for (guint i = 0; i < self->selection->len; i++)
    if (takt_gantt_view_resolve_key (self, &g_array_index (self->selection, TaktGanttRunKey, i)) == run)
      return (int) i;
  return -1;
}

void
takt_gantt_view_select_run (TaktGanttView *self,
                            int            run,
                            gboolean       extend)
{
  TaktGanttRunKey key;
  int at;

  g_return_if_fail (TAKT_IS_GANTT_VIEW (self));

  if (takt_gantt_view_ensure_layout (self) == NULL)
    return;

  if (run < 0 || takt_gantt_view_get_run (self, run) == NULL)
    {
      if (!extend)
        takt_gantt_view_set_selection_keys (self, NULL, 0);
      return;
    }

  takt_gantt_view_key_for_run (self, run, &key);
  at = selection_index_of (self, run);
  if (!extend)
    {
      g_array_set_size (self->selection, 0);
      g_array_append_val (self->selection, key);
    }
  else if (at >= 0)
    {
      /* Ctrl+click on a selected run takes it out. */
      g_array_remove_index (self->selection, (guint) at);
    }
  else
    {
      g_array_prepend_val (self->selection, key);
    }
  selection_changed (self);
}

static void
select_step (TaktGanttView *self,
             int            run,
             int            step)
{
  takt_gantt_view_select_run (self, run, FALSE);
  if (self->selected_run == run)
    self->selected_step = step;
  scroll_to_selection (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- keyboard ---- */

static int
row_bar_index (TaktGanttView *self,
               int            row,
               int            run,
               int            step)
{
  GArray *bars;

  if (row < 0 || (guint) row >= self->n_row_bars)
    return -1;
  bars = self->row_bars[row];
  for (guint i = 0; i < bars->len; i++)
    {
      const TaktGanttRowBar *bar = &g_array_index (bars, TaktGanttRowBar, i);

      if ((int) bar->run == run && (int) bar->step == step)
        return (int) i;
    }
  return -1;
}

static int
selected_row (TaktGanttView *self)
{
  const TaktRun *run = takt_gantt_view_get_run (self, self->selected_run);
  const TaktRunStep *step;

  if (run == NULL || (guint) self->selected_step >= run->steps->len)
    return -1;
  step = &g_array_index (run->steps, TaktRunStep, self->selected_step);
  return takt_gantt_layout_find_row (self->layout, step->station_index, step->machine);
}

/* The first bar in sight, for the first arrow key press. */
static void
select_first_in_sight (TaktGanttView *self)
{
  double t = takt_gantt_viewport_time_at_x (&self->viewport, self->viewport.header_width);

  for (guint row = 0; row < self->n_row_bars; row++)
    {
      GArray *bars = self->row_bars[row];
      double y = takt_gantt_layout_row_y (self->layout, &self->viewport, row);

      if (y < takt_gantt_viewport_chart_top (&self->viewport) - 1)
        continue;
      for (guint i = 0; i < bars->len; i++)
        {
          const TaktGanttRowBar *bar = &g_array_index (bars, TaktGanttRowBar, i);

          if ((double) bar->begin >= t || i + 1 == bars->len)
            {
              select_step (self, (int) bar->run, (int) bar->step);
              return;
            }
        }
    }
}

/* Moves the selection: @dx along the row (G_MININT / 2, G_MAXINT / 2: to
 * its first or last bar), @dy to the machine row above or below. */
static void
navigate (TaktGanttView *self,
          int            dx,
          int            dy)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int row, index;
  gint64 anchor;
  const TaktGanttRowBar *current;

  if (takt_gantt_view_ensure_layout (self) == NULL || takt_gantt_view_get_dragging (self))
    return;

  row = selected_row (self);
  index = row_bar_index (self, row, self->selected_run, self->selected_step);
  if (index < 0)
    {
      select_first_in_sight (self);
      return;
    }

  if (dx != 0)
    {
      GArray *bars = self->row_bars[row];
      int next;

      if (dx == G_MININT / 2)
        next = 0;
      else if (dx == G_MAXINT / 2)
        next = (int) bars->len - 1;
      else
        next = index + dx;
      if (next < 0 || next >= (int) bars->len || next == index)
        {
          gtk_widget_error_bell (widget);
          return;
        }
      current = &g_array_index (bars, TaktGanttRowBar, next);
      select_step (self, (int) current->run, (int) current->step);
      return;
    }

  /* Up and down: the next machine row with bars, the bar nearest in time. */
  current = &g_array_index (self->row_bars[row], TaktGanttRowBar, index);
  anchor = current->begin;
  for (int r = row + dy; r >= 0 && r < (int) self->n_row_bars; r += dy)
    {
      GArray *bars = self->row_bars[r];
      const TaktGanttRowBar *best = NULL;
      gint64 best_distance = G_MAXINT64;

      for (guint i = 0; i < bars->len; i++)
        {
          const TaktGanttRowBar *bar = &g_array_index (bars, TaktGanttRowBar, i);
          gint64 distance = bar->begin > anchor ? bar->begin - anchor : anchor - bar->begin;

          if (distance < best_distance)
            {
              best_distance = distance;
              best = bar;
            }
        }
      if (best != NULL)
        {
          select_step (self, (int) best->run, (int) best->step);
          return;
        }
    }
  gtk_widget_error_bell (widget);
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);
  const char *what = action_name + strlen ("gantt.select-");

  if (g_str_equal (what, "previous"))
    navigate (self, -1, 0);
  else if (g_str_equal (what, "next"))
    navigate (self, 1, 0);
  else if (g_str_equal (what, "above"))
    navigate (self, 0, -1);
  else if (g_str_equal (what, "below"))
    navigate (self, 0, 1);
  else if (g_str_equal (what, "first"))
    navigate (self, G_MININT / 2, 0);
  else if (g_str_equal (what, "last"))
    navigate (self, G_MAXINT / 2, 0);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);

  if (takt_gantt_view_get_dragging (self))
    {
      takt_gantt_view_cancel_drag (self);
      return TRUE;
    }
  if (self->selection->len > 0)
    {
      takt_gantt_view_set_selection_keys (self, NULL, 0);
      return TRUE;
    }
  return FALSE;
}

/* ---- the context menu ---- */

static GMenuModel *
build_menu_model (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) pins = g_menu_new ();
  g_autoptr(GMenu) runs = g_menu_new ();
  g_autoptr(GMenu) jit = g_menu_new ();
  struct { GMenu *section; const char *label; const char *action; } items[] = {
    { pins, N_("_Pin Here"), "gantt.pin" },
    { pins, N_("_Unpin"), "gantt.unpin" },
    { runs, N_("_Split Run…"), "gantt.split" },
    { runs, N_("_Merge with Next Run of the Same Product"), "gantt.merge" },
    { jit, N_("Re-plan _Just in Time"), "gantt.replan-jit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), items[i].action);

      if (i < 2)
        g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
      g_menu_append_item (items[i].section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (pins));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (runs));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (jit));
  return G_MENU_MODEL (menu);
}

static void
popup_menu_at (TaktGanttView *self,
               double         x,
               double         y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (self->context_menu == NULL)
    {
      g_autoptr(GMenuModel) model = build_menu_model ();

      self->context_menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }
  update_actions (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);
  graphene_rect_t rect;

  if (self->selected_run < 0)
    return;
  if (takt_gantt_view_get_bar_rect (self, self->selected_run, self->selected_step, &rect))
    popup_menu_at (self,
                   CLAMP (rect.origin.x + MIN (rect.size.width, 40) / 2, self->viewport.header_width,
                          self->viewport.width - 1),
                   CLAMP (rect.origin.y + rect.size.height, 0, self->viewport.height - 1));
  else
    popup_menu_at (self, self->viewport.header_width + 8, takt_gantt_viewport_chart_top (&self->viewport));
}

/* ---- actions ---- */

/* The zoom's actions: cheap, for every scroll and zoom step. */
static void
update_zoom_actions (TaktGanttView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->layout != NULL;
  double max_spp = have ? max_seconds_per_px (self) : 0;

  gtk_widget_action_set_enabled (widget, "gantt.zoom-in",
                                 have && self->viewport.seconds_per_px > MIN_SECONDS_PER_PX * 1.0001);
  gtk_widget_action_set_enabled (widget, "gantt.zoom-out",
                                 have && self->viewport.seconds_per_px < max_spp * 0.9999);
  gtk_widget_action_set_enabled (widget, "gantt.zoom-fit", have);
  gtk_widget_action_set_enabled (widget, "gantt.today", have);
}

static void
update_actions (TaktGanttView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = takt_gantt_view_ensure_layout (self) != NULL;
  gboolean selected = have && self->selected_run >= 0 && !takt_gantt_view_get_dragging (self);
  const TaktRun *run = selected ? takt_gantt_view_get_run (self, self->selected_run) : NULL;

  update_zoom_actions (self);
  gtk_widget_action_set_enabled (widget, "gantt.move-earlier", run != NULL);
  gtk_widget_action_set_enabled (widget, "gantt.move-later", run != NULL);
  gtk_widget_action_set_enabled (widget, "gantt.machine-up", run != NULL);
  gtk_widget_action_set_enabled (widget, "gantt.machine-down", run != NULL);
  gtk_widget_action_set_enabled (widget, "gantt.pin", run != NULL && !run->pinned &&
                                 self->selection->len == 1);
  gtk_widget_action_set_enabled (widget, "gantt.unpin", run != NULL && run->pinned);
  gtk_widget_action_set_enabled (widget, "gantt.split", run != NULL && run->quantity >= 2 &&
                                 self->selection->len == 1);
  gtk_widget_action_set_enabled (widget, "gantt.merge", run != NULL && self->selection->len == 1 &&
                                 takt_gantt_view_find_merge_partner (self) >= 0);
  gtk_widget_action_set_enabled (widget, "gantt.replan-jit",
                                 selected && takt_gantt_view_selection_has_pins (self));
  gtk_widget_action_set_enabled (widget, "gantt.show-menu", run != NULL);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);

  takt_gantt_view_zoom_at (self, ZOOM_STEP, zoom_anchor_x (self));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);

  takt_gantt_view_zoom_at (self, 1.0 / ZOOM_STEP, zoom_anchor_x (self));
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  takt_gantt_view_zoom_fit (TAKT_GANTT_VIEW (widget));
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);

  /* Today a fifth of the way in: what is coming matters more. */
  takt_gantt_view_scroll_to_time (self, now_naive (),
                                  self->viewport.header_width + chart_width (self) / 5);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);
  gboolean done = FALSE;

  if (g_str_equal (action_name, "gantt.move-earlier"))
    done = takt_gantt_view_move_selected (self, -1);
  else if (g_str_equal (action_name, "gantt.move-later"))
    done = takt_gantt_view_move_selected (self, 1);
  else if (g_str_equal (action_name, "gantt.machine-up"))
    done = takt_gantt_view_change_machine (self, -1);
  else if (g_str_equal (action_name, "gantt.machine-down"))
    done = takt_gantt_view_change_machine (self, 1);
  else if (g_str_equal (action_name, "gantt.pin"))
    done = takt_gantt_view_pin_selected (self);
  else if (g_str_equal (action_name, "gantt.unpin"))
    done = takt_gantt_view_unpin_selected (self);
  else if (g_str_equal (action_name, "gantt.merge"))
    done = takt_gantt_view_merge_selected (self);
  else if (g_str_equal (action_name, "gantt.replan-jit"))
    done = takt_gantt_view_replan_jit_selected (self);

  if (!done)
    gtk_widget_error_bell (widget);
}

/* "Split Run…": how many units the first part makes. */
static void
split_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TaktGanttView    *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "takt-spin");

  if (g_str_equal (response, "split") && spin != NULL)
    takt_gantt_view_split_selected (self, gtk_spin_button_get_value_as_int (spin));
}

static void
split_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);
  const TaktRun *run = takt_gantt_view_get_run (self, self->selected_run);
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  g_autofree char *count = NULL;
  GtkWidget *dialog, *spin;

  if (run == NULL || run->quantity < 2)
    return;

  count = takt_format_count (run->quantity);
  /* Translators: the question of the Split Run dialog */
  body = g_strdup_printf (_("How many of the %s units of %s does the first part make? "
                            "The rest follow right after it on the same machine; both parts "
                            "are pinned."),
                          count, product_name (plan, run->product_index));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Split Run"), body);
  spin = gtk_spin_button_new_with_range (1, (double) (run->quantity - 1), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) (run->quantity / 2));
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Units in the first part"), -1);
  /* Enter splits. */
  if (GTK_IS_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (spin))))
    gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (spin))), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spin);
  g_object_set_data (G_OBJECT (dialog), "takt-spin", spin);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "split", _("_Split"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "split",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "split");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (split_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- pointer ---- */

static void
set_hover (TaktGanttView *self,
           int            run,
           int            step)
{
  if (self->state.hover_run == run && self->state.hover_step == step)
    return;
  self->state.hover_run = run;
  self->state.hover_step = step;
  if (!takt_gantt_view_get_dragging (self))
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), run >= 0 ? "grab" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TaktGanttView            *self)
{
  TaktGanttHit hit;

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (takt_gantt_view_ensure_layout (self) == NULL || takt_gantt_view_get_dragging (self))
    return;
  takt_gantt_hit_test (self->layout, &self->viewport, x, y, &hit);
  set_hover (self, hit.on_bar ? hit.run : -1, hit.on_bar ? hit.step : -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TaktGanttView            *self)
{
  self->pointer_inside = FALSE;
  set_hover (self, -1, -1);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  TaktGanttView   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  TaktGanttHit hit;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (takt_gantt_view_ensure_layout (self) == NULL || takt_gantt_view_get_dragging (self))
    return;

  takt_gantt_hit_test (self->layout, &self->viewport, x, y, &hit);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (hit.on_bar && (self->selected_flags == NULL || !self->selected_flags[hit.run]))
        select_step (self, hit.run, hit.step);
      if (self->selected_run >= 0)
        popup_menu_at (self, x, y);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY)
    return;

  if (hit.on_bar)
    {
      if ((state & GDK_CONTROL_MASK) != 0)
        takt_gantt_view_select_run (self, hit.run, TRUE);
      else if (self->selected_flags == NULL || !self->selected_flags[hit.run] ||
               self->selection->len == 1)
        takt_gantt_view_select_run (self, hit.run, FALSE);
      if (self->selected_run == hit.run)
        self->selected_step = hit.step;
    }
  else if (hit.area == TAKT_GANTT_AREA_CHART && (state & GDK_CONTROL_MASK) == 0)
    {
      takt_gantt_view_set_selection_keys (self, NULL, 0);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
long_press_cb (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               TaktGanttView       *self)
{
  TaktGanttHit hit;

  if (takt_gantt_view_ensure_layout (self) == NULL || takt_gantt_view_get_dragging (self))
    return;
  takt_gantt_hit_test (self->layout, &self->viewport, x, y, &hit);
  if (!hit.on_bar)
    return;
  select_step (self, hit.run, hit.step);
  popup_menu_at (self, x, y);
}

/* ---- tooltips ---- */

static void
append_run_tooltip (TaktGanttView *self,
                    GString       *markup,
                    int            run_index)
{
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  const TaktRun *run = takt_gantt_view_get_run (self, run_index);
  const TaktPlanStats *stats = takt_document_get_stats (self->document);
  g_autofree char *count = takt_format_count (run->quantity);
  g_autofree char *name = g_markup_escape_text (product_name (plan, run->product_index), -1);
  gint64 finish = G_MININT64;
  guint shown = 0;

  g_string_append_printf (markup, "<b>%s</b> × %s", name, count);
  if (run->pinned)
    g_string_append_printf (markup, " · %s", _("pinned"));
  if (takt_gantt_layout_run_is_late (self->layout, (guint) run_index))
    g_string_append_printf (markup, " · <b>%s</b>", _("late"));
  g_string_append_printf (markup, "\n<small>%s</small>", run->id);

  for (guint k = 0; k < run->steps->len; k++)
    {
      const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, k);
      g_autofree char *machine = takt_gantt_view_machine_name (self, step->station_index, step->machine);
      g_autofree char *span = format_span (step->start, step->end);
      g_autofree char *escaped = g_markup_escape_text (machine, -1);

      g_string_append_printf (markup, "\n%s: %s", escaped, span);
      if (step->start > step->setup_start)
        {
          g_autofree char *setup = takt_format_duration (step->start - step->setup_start);

          /* Translators: after a step's times in a run's details */
          g_string_append_printf (markup, _(" (setup %s)"), setup);
        }
      finish = MAX (finish, step->end);
    }

  for (guint c = 0; run->covers != NULL && c < run->covers->len; c++)
    {
      const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);
      gint64 due = takt_gantt_layout_demand_due (self->layout, cover->demand);
      g_autofree char *what = describe_demand (plan, cover->demand);
      g_autofree char *escaped = g_markup_escape_text (what, -1);
      g_autofree char *units = takt_format_count (cover->quantity);
      const TaktDemandResult *result = NULL;
      gint64 demand_finish;

      if (shown == 0)
        g_string_append_printf (markup, "\n<b>%s</b>", _("Covers"));
      if (shown == 8)
        {
          guint more = run->covers->len - c;

          g_string_append_c (markup, '\n');
          /* Translators: more demands a run covers than are listed */
          g_string_append_printf (markup, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more),
                                  more);
          break;
        }
      shown++;

      for (guint d = 0; stats != NULL && stats->demands != NULL && d < stats->demands->len; d++)
        {
          const TaktDemandResult *r = g_ptr_array_index (stats->demands, d);

          if (g_strcmp0 (r->demand, cover->demand) == 0)
            {
              result = r;
              break;
            }
        }

      /* How early or late the demand is met is what the plan says: its last
       * unit's finish.  In one-piece flow a run's units finish one by one,
       * so the run's end is only when its last unit is done. */
      demand_finish = finish;
      if (result != NULL && result->finish != G_MININT64)
        demand_finish = result->finish;

      /* Translators: a demand a run covers and how many units, "SO-1001: 12" */
      g_string_append_printf (markup, _("\n%s: %s"), escaped, units);
      if (due != G_MININT64)
        {
          g_autofree char *due_text = format_naive (due, _("%a %-d %b %H:%M"));
          g_autofree char *gap = takt_format_duration (ABS (due - demand_finish));

          /* Translators: when a demand is due, in a run's details */
          g_string_append_printf (markup, _(", due %s"), due_text);
          if (demand_finish > due)
            {
              g_string_append (markup, " · <b>");
              /* Translators: how late a run finishes for a demand, "3 h late" */
              g_string_append_printf (markup, _("%s late"), gap);
              g_string_append (markup, "</b>");
            }
          else if (demand_finish < due)
            {
              g_string_append (markup, " · ");
              /* Translators: how early a run finishes for a demand, "22 h early" */
              g_string_append_printf (markup, _("%s early"), gap);
            }
          else
            {
              g_string_append_printf (markup, " · %s", _("just in time"));
            }
        }
      if (result != NULL && result->late_units > 0 && result->late_units < result->quantity)
        {
          g_autofree char *late = takt_format_count (result->late_units);

          /* Translators: some of a demand's units are late, after "3 h late" */
          g_string_append_printf (markup, _(" (%s units of it late)"), late);
        }
    }
}

char *
takt_gantt_view_dup_run_markup (TaktGanttView *self,
                                int            run)
{
  GString *markup;

  if (takt_gantt_view_get_run (self, run) == NULL)
    return NULL;
  markup = g_string_new (NULL);
  append_run_tooltip (self, markup, run);
  return g_string_free (markup, FALSE);
}

static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip,
                  TaktGanttView *self)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const TaktPlan *plan = takt_gantt_view_get_plan (self);
  TaktGanttHit hit;
  graphene_rect_t rect;
  GdkRectangle area;

  if (takt_gantt_view_ensure_layout (self) == NULL || takt_gantt_view_get_dragging (self))
    return FALSE;

  if (keyboard_mode)
    {
      if (self->selected_run < 0)
        return FALSE;
      hit.run = self->selected_run;
      hit.step = self->selected_step;
      hit.on_bar = TRUE;
      hit.order = hit.campaign = -1;
    }
  else
    {
      takt_gantt_hit_test (self->layout, &self->viewport, x, y, &hit);
    }

  if (hit.on_bar && hit.run >= 0 && takt_gantt_view_get_run (self, hit.run) != NULL)
    {
      append_run_tooltip (self, markup, hit.run);
      if (takt_gantt_view_get_bar_rect (self, hit.run, hit.step, &rect))
        {
          area.x = (int) floor (MAX (rect.origin.x, self->viewport.header_width));
          area.y = (int) floor (rect.origin.y);
          area.width = MAX ((int) ceil (MIN (rect.origin.x + rect.size.width, self->viewport.width)) - area.x, 1);
          area.height = MAX ((int) ceil (rect.size.height), 1);
          gtk_tooltip_set_tip_area (tooltip, &area);
        }
    }
  else if (hit.order >= 0 && (guint) hit.order < plan->orders->len)
    {
      const TaktOrder *order = g_ptr_array_index (plan->orders, hit.order);
      g_autofree char *id = g_markup_escape_text (order->id, -1);
      g_autofree char *name = g_markup_escape_text (product_name (plan, order->product_index), -1);
      g_autofree char *count = takt_format_count (order->quantity);
      g_autofree char *due = format_naive (order->due, _("%a %-d %b %H:%M"));

      /* Translators: an order's details: id, product and quantity, due time */
      g_string_append_printf (markup, _("<b>%s</b>\n%s × %s\nDue %s"), id, name, count, due);
      if (order->customer != NULL)
        {
          g_autofree char *customer = g_markup_escape_text (order->customer, -1);

          g_string_append_printf (markup, "\n%s", customer);
        }
      if (takt_gantt_layout_order_is_late (self->layout, (guint) hit.order))
        g_string_append_printf (markup, "\n<b>%s</b>", _("Late"));
    }
  else if (hit.campaign >= 0 && (guint) hit.campaign < plan->campaigns->len)
    {
      const TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, hit.campaign);
      g_autofree char *name = g_markup_escape_text (campaign->name ? campaign->name : campaign->id, -1);
      g_autofree char *days = takt_format_day_range (campaign->start, campaign->end);

      g_string_append_printf (markup, "<b>%s</b>\n%s · %s", name,
                              takt_format_channel (campaign->channel), days);
    }
  else
    {
      return FALSE;
    }

  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

/* ---- theme, settings, time ---- */

static void
update_theme (TaktGanttView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (dark)
    takt_gantt_theme_init_dark (&self->viewport.theme);
  else
    takt_gantt_theme_init_light (&self->viewport.theme);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
snap_changed_cb (TaktGanttView *self,
                 const char    *key,
                 GSettings     *settings)
{
  takt_gantt_view_set_snap_minutes (self, g_settings_get_int (settings, "snap-minutes"));
}

int
takt_gantt_view_get_snap_minutes (TaktGanttView *self)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), 15);
  return self->snap_minutes;
}

void
takt_gantt_view_set_snap_minutes (TaktGanttView *self,
                                  int            minutes)
{
  g_return_if_fail (TAKT_IS_GANTT_VIEW (self));
  self->snap_minutes = CLAMP (minutes, 1, 24 * 60);
}

static gboolean
now_tick_cb (gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
  return G_SOURCE_CONTINUE;
}

/* ---- documents ---- */

static void
document_changed_cb (TaktGanttView *self,
                     TaktDocument  *document)
{
  self->schedule_stale = TRUE;
  takt_gantt_view_dnd_plan_changed (self);
  invalidate_layout (self);
}

/* Run indices change with every schedule: the bar under the pointer is
 * found again, or the outline would stay on whichever run took the index. */
static void
refresh_hover (TaktGanttView *self)
{
  TaktGanttHit hit;

  if (self->state.hover_run < 0 && !self->pointer_inside)
    return;
  if (takt_gantt_view_get_dragging (self) || takt_gantt_view_ensure_layout (self) == NULL)
    {
      set_hover (self, -1, -1);
      return;
    }
  takt_gantt_hit_test (self->layout, &self->viewport, self->pointer_x, self->pointer_y, &hit);
  set_hover (self, hit.on_bar ? hit.run : -1, hit.on_bar ? hit.step : -1);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
document_schedule_cb (TaktGanttView *self,
                      GParamSpec    *pspec,
                      TaktDocument  *document)
{
  self->schedule_stale = FALSE;
  if (self->drop_pending)
    {
      self->drop_pending = FALSE;
      self->state.drag_active = FALSE;
    }
  invalidate_layout (self);
  refresh_hover (self);
}

TaktDocument *
takt_gantt_view_get_document (TaktGanttView *self)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), NULL);
  return self->document;
}

void
takt_gantt_view_set_document (TaktGanttView *self,
                              TaktDocument  *document)
{
  g_return_if_fail (TAKT_IS_GANTT_VIEW (self));
  g_return_if_fail (document == NULL || TAKT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  takt_gantt_view_cancel_drag (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::schedule", G_CALLBACK (document_schedule_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::stats", G_CALLBACK (document_schedule_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_array_set_size (self->selection, 0);
  self->selected_run = -1;
  self->zoom_set = FALSE;
  self->schedule_stale = FALSE;
  self->drop_pending = FALSE;
  self->state.drag_active = FALSE;
  takt_gantt_view_dnd_plan_changed (self);
  invalidate_layout (self);
  /* Nothing of the old plan's text can be used. */
  g_clear_pointer (&self->stale_layout, takt_gantt_layout_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RUN]);
}

void
takt_gantt_view_set_drop_summary (TaktGanttView *self,
                                  const char    *summary)
{
  if (g_strcmp0 (self->drop_summary, summary) == 0)
    return;
  g_free (self->drop_summary);
  self->drop_summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DROP_SUMMARY]);
}

const char *
takt_gantt_view_get_drop_summary (TaktGanttView *self)
{
  g_return_val_if_fail (TAKT_IS_GANTT_VIEW (self), NULL);
  return self->drop_summary;
}

void
takt_gantt_view_drag_state_changed (TaktGanttView *self)
{
  gboolean dragging = takt_gantt_view_get_dragging (self);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   dragging ? "grabbing" : self->state.hover_run >= 0 ? "grab" : NULL);
  if (!dragging)
    {
      self->autoscroll_armed = FALSE;
      if (self->autoscroll_tick != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_tick);
      self->autoscroll_tick = 0;
    }
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAGGING]);
}

/* ---- debugging: where a bar is, for tests with real input ----
 *
 * TAKT_DEBUG_GANTT_BAR=R7 prints where run R7's first bar is drawn, in the
 * window's X coordinates, to stderr whenever that changes; "auto" picks a
 * run in sight with room to be dragged (tests/app/e2e-drag.sh).
 */

static void
debug_print_bar (TaktGanttView *self)
{
  static char *last;
  const char *wanted = g_getenv ("TAKT_DEBUG_GANTT_BAR");
  const TaktSchedule *schedule;
  const TaktPlan *plan;
  GtkNative *native;
  graphene_point_t point;
  double sx = 0, sy = 0;
  g_autofree char *line = NULL;

  if (wanted == NULL || self->layout == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  schedule = takt_document_get_schedule (self->document);
  plan = takt_gantt_view_get_plan (self);
  native = gtk_widget_get_native (GTK_WIDGET (self));
  if (schedule == NULL || native == NULL)
    return;

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktRunStep *first;
      const TaktStation *station;
      graphene_rect_t rect;
      g_autofree char *start = NULL;

      if (run->steps == NULL || run->steps->len == 0)
        continue;
      if (!takt_gantt_view_get_bar_rect (self, (int) r, 0, &rect))
        continue;
      first = &g_array_index (run->steps, TaktRunStep, 0);
      station = g_ptr_array_index (plan->stations, first->station_index);
      if (g_str_equal (wanted, "auto"))
        {
          /* A run with room to move: in sight with 300 px to its right, a
           * machine below it in sight, not pinned. */
          if (run->pinned || first->machine >= station->machines ||
              rect.origin.x < self->viewport.header_width + AUTOSCROLL_EDGE + 8 || rect.size.width < 16 ||
              rect.origin.x + rect.size.width > self->viewport.width - 300 ||
              rect.origin.y < takt_gantt_viewport_chart_top (&self->viewport) ||
              rect.origin.y + 2 * self->viewport.row_height > self->viewport.height - 8)
            continue;
        }
      else if (g_strcmp0 (run->id, wanted) != 0)
        {
          continue;
        }
      if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (native),
                                     &GRAPHENE_POINT_INIT (rect.origin.x, rect.origin.y), &point))
        return;
      gtk_native_get_surface_transform (native, &sx, &sy);
      start = takt_format_datetime (first->start, TRUE);
      line = g_strdup_printf ("takt-gantt-bar: run=%s station=%s machine=%d machines=%d start=%s "
                              "x=%.1f y=%.1f width=%.1f height=%.1f bar_start_x=%.1f "
                              "row_height=%.1f seconds_per_px=%.6f snap_s=%d replanning=%d",
                              run->id, station->id, (int) first->machine, (int) station->machines,
                              start, point.x + sx, point.y + sy, rect.size.width, rect.size.height,
                              point.x + sx + (takt_gantt_viewport_x_for_time (&self->viewport, first->start) -
                                              rect.origin.x),
                              self->viewport.row_height, self->viewport.seconds_per_px,
                              self->snap_minutes * 60,
                              takt_document_get_replanning (self->document) || self->schedule_stale);
      break;
    }

  if (line != NULL && g_strcmp0 (line, last) != 0)
    {
      g_printerr ("%s\n", line);
      g_free (last);
      last = g_steal_pointer (&line);
    }
}

/* ---- GtkWidget ---- */

static void
takt_gantt_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) self->viewport.header_width + 120;
      *natural = (int) self->viewport.header_width + 800;
    }
  else
    {
      *minimum = (int) takt_gantt_viewport_chart_top (&self->viewport) + 2 * (int) self->viewport.row_height;
      *natural = (int) takt_gantt_viewport_chart_top (&self->viewport) + 12 * (int) self->viewport.row_height;
    }
}

static void
takt_gantt_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);
  double old_width = self->viewport.width;

  self->viewport.width = width;
  self->viewport.height = height;

  if (takt_gantt_view_ensure_layout (self) != NULL)
    {
      if (!self->zoom_set)
        initial_zoom (self);
      else if (old_width > self->viewport.header_width && width != old_width &&
               self->viewport.seconds_per_px >= max_seconds_per_px (self) * 0.999)
        /* A fitted chart stays fitted when the window grows. */
        self->viewport.seconds_per_px = max_seconds_per_px (self);
      configure_adjustments (self);
    }

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
takt_gantt_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || takt_gantt_view_ensure_layout (self) == NULL)
    return;

  self->viewport.width = width;
  self->viewport.height = height;
  self->viewport.scale = gtk_widget_get_scale_factor (widget);
  self->state.now = now_naive ();
  self->state.selected_run = self->selected_run;
  self->state.selected = self->selection->len > 1 ? self->selected_flags : NULL;

  /* Scrolling and zooming move the bars under a pointer that stays: the
   * outline goes to the one under it now. */
  if (self->pointer_inside && !takt_gantt_view_get_dragging (self))
    {
      TaktGanttHit hit;

      takt_gantt_hit_test (self->layout, &self->viewport, self->pointer_x, self->pointer_y, &hit);
      self->state.hover_run = hit.on_bar ? hit.run : -1;
      self->state.hover_step = hit.on_bar ? hit.step : -1;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  takt_gantt_draw (cr, self->layout, &self->viewport, &self->state);

  /* The keyboard's place: a ring around the selected bar. */
  if (gtk_widget_has_visible_focus (widget) && self->selected_run >= 0 && !self->state.drag_active)
    {
      graphene_rect_t rect;

      if (takt_gantt_view_get_bar_rect (self, self->selected_run, self->selected_step, &rect))
        {
          const TaktGanttColor *accent = &self->viewport.theme.accent;
          double top = takt_gantt_viewport_chart_top (&self->viewport);

          cairo_rectangle (cr, self->viewport.header_width, top,
                           width - self->viewport.header_width, height - top);
          cairo_clip (cr);
          cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1.0);
          cairo_set_line_width (cr, 2.0);
          cairo_rectangle (cr, rect.origin.x - 2.5, rect.origin.y - 2.5,
                           MAX (rect.size.width, 2) + 5, rect.size.height + 5);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);

  debug_print_bar (self);
}

static void
takt_gantt_view_map (GtkWidget *widget)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);

  GTK_WIDGET_CLASS (takt_gantt_view_parent_class)->map (widget);
  if (self->now_source == 0)
    self->now_source = g_timeout_add_seconds (60, now_tick_cb, self);
}

static void
takt_gantt_view_unmap (GtkWidget *widget)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (widget);

  takt_gantt_view_cancel_drag (self);
  g_clear_handle_id (&self->now_source, g_source_remove);
  GTK_WIDGET_CLASS (takt_gantt_view_parent_class)->unmap (widget);
}

static gboolean
takt_gantt_view_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  /* One stop in the focus chain: the arrow keys work inside. */
  if (gtk_widget_is_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

static void
takt_gantt_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (takt_gantt_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

/* ---- GObject ---- */

static void
takt_gantt_view_dispose (GObject *object)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (object);

  takt_gantt_view_cancel_drag (self);
  takt_gantt_view_dnd_dispose (self);
  g_clear_handle_id (&self->now_source, g_source_remove);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (takt_gantt_view_parent_class)->dispose (object);
}

static void
takt_gantt_view_finalize (GObject *object)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (object);

  g_clear_pointer (&self->layout, takt_gantt_layout_free);
  g_clear_pointer (&self->stale_layout, takt_gantt_layout_free);
  free_row_bars (self);
  g_clear_pointer (&self->selected_flags, g_free);
  g_clear_pointer (&self->selection, g_array_unref);
  g_clear_pointer (&self->drop_summary, g_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (takt_gantt_view_parent_class)->finalize (object);
}

static void
takt_gantt_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_RUN:
      g_value_set_int (value, self->selected_run);
      break;

    case PROP_DRAGGING:
      g_value_set_boolean (value, takt_gantt_view_get_dragging (self));
      break;

    case PROP_DROP_SUMMARY:
      g_value_set_string (value, self->drop_summary);
      break;

    case PROP_SECONDS_PER_PX:
      g_value_set_double (value, self->viewport.seconds_per_px);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_gantt_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TaktGanttView *self = TAKT_GANTT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      takt_gantt_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value),
                      G_CALLBACK (hadjustment_value_changed_cb), PROP_HADJUSTMENT);
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value),
                      G_CALLBACK (vadjustment_value_changed_cb), PROP_VADJUSTMENT);
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_navigation (GtkWidgetClass *widget_class,
                const char     *action,
                guint           keyval,
                guint           keypad)
{
  gtk_widget_class_install_action (widget_class, action, NULL, navigate_action);
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, action, NULL);
  gtk_widget_class_add_binding_action (widget_class, keypad, 0, action, NULL);
}

static void
takt_gantt_view_class_init (TaktGanttViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const edits[] = {
    "gantt.move-earlier", "gantt.move-later", "gantt.machine-up", "gantt.machine-down",
    "gantt.pin", "gantt.unpin", "gantt.merge", "gantt.replan-jit",
  };

  object_class->dispose = takt_gantt_view_dispose;
  object_class->finalize = takt_gantt_view_finalize;
  object_class->get_property = takt_gantt_view_get_property;
  object_class->set_property = takt_gantt_view_set_property;

  widget_class->measure = takt_gantt_view_measure;
  widget_class->size_allocate = takt_gantt_view_size_allocate;
  widget_class->snapshot = takt_gantt_view_snapshot;
  widget_class->map = takt_gantt_view_map;
  widget_class->unmap = takt_gantt_view_unmap;
  widget_class->focus = takt_gantt_view_focus;
  widget_class->css_changed = takt_gantt_view_css_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TAKT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_RUN] =
    g_param_spec_int ("selected-run", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DRAGGING] =
    g_param_spec_boolean ("dragging", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DROP_SUMMARY] =
    g_param_spec_string ("drop-summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SECONDS_PER_PX] =
    g_param_spec_double ("seconds-per-px", NULL, NULL, 0, G_MAXDOUBLE, 90,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "gantt.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "gantt.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "gantt.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "gantt.today", NULL, today_action);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_class_install_action (widget_class, edits[i], NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "gantt.split", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "gantt.show-menu", NULL, show_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "gantt.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "gantt.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "gantt.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "gantt.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "gantt.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "gantt.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "gantt.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "gantt.move-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_SHIFT_MASK, "gantt.move-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "gantt.move-later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_SHIFT_MASK, "gantt.move-later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "gantt.machine-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "gantt.machine-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "gantt.machine-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "gantt.machine-down", NULL);
  /* The menu shows the last key bound to an action. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "gantt.unpin", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "gantt.unpin", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "gantt.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "gantt.show-menu", NULL);

  add_navigation (widget_class, "gantt.select-previous", GDK_KEY_Left, GDK_KEY_KP_Left);
  add_navigation (widget_class, "gantt.select-next", GDK_KEY_Right, GDK_KEY_KP_Right);
  add_navigation (widget_class, "gantt.select-above", GDK_KEY_Up, GDK_KEY_KP_Up);
  add_navigation (widget_class, "gantt.select-below", GDK_KEY_Down, GDK_KEY_KP_Down);
  add_navigation (widget_class, "gantt.select-first", GDK_KEY_Home, GDK_KEY_KP_Home);
  add_navigation (widget_class, "gantt.select-last", GDK_KEY_End, GDK_KEY_KP_End);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "ganttview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
takt_gantt_view_init (TaktGanttView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;
  GSettingsSchema *schema;

  self->selection = g_array_new (FALSE, FALSE, sizeof (TaktGanttRunKey));
  self->selected_run = -1;
  self->snap_minutes = 15;
  self->last_preview_ms = -1;
  takt_gantt_viewport_init (&self->viewport, 0, 0, FALSE);
  takt_gantt_state_init (&self->state);
  self->state.hover_run = -1;
  self->state.hover_step = -1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (long_press_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  takt_gantt_view_dnd_init (self);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL)
    {
      if (g_settings_schema_has_key (schema, "snap-minutes"))
        {
          self->settings = g_settings_new (APP_ID);
          g_signal_connect_object (self->settings, "changed::snap-minutes",
                                   G_CALLBACK (snap_changed_cb), self, G_CONNECT_SWAPPED);
          self->snap_minutes = g_settings_get_int (self->settings, "snap-minutes");
        }
      g_settings_schema_unref (schema);
    }

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_theme), self, G_CONNECT_SWAPPED);
  update_theme (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Schedule"),
                                  -1);
  update_accessible (self);
  update_actions (self);
}

GtkWidget *
takt_gantt_view_new (void)
{
  return g_object_new (TAKT_TYPE_GANTT_VIEW, NULL);
}
