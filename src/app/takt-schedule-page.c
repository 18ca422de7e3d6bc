/* takt-schedule-page.c — the Schedule page: the Gantt chart of the runs
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-schedule-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "takt-format.h"
#include "takt-gantt-renderer.h"
#include "takt-gantt-view.h"
#include "takt-schedule-page.h"
#include "takt-time.h"

struct _TaktSchedulePage
{
  TaktPage       parent_instance;

  GtkStack      *stack;
  GtkLabel      *status_label;
  GtkBox        *legend;
  TaktGanttView *gantt;

  char          *summary;
};

G_DEFINE_FINAL_TYPE (TaktSchedulePage, takt_schedule_page, TAKT_TYPE_PAGE)

/* ---- the toolbar ---- */

static void
update_status (TaktSchedulePage *self)
{
  const char *drop = takt_gantt_view_get_drop_summary (self->gantt);
  GtkWidget *label = GTK_WIDGET (self->status_label);

  const char *reason = NULL;

  if (drop != NULL)
    {
      takt_gantt_view_get_drop_target (self->gantt, NULL, NULL, &reason);
      gtk_label_set_text (self->status_label, drop);
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "heading");
      /* A place the run cannot go reads in the error colour. */
      if (reason != NULL)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
  else
    {
      gtk_label_set_text (self->status_label, self->summary != NULL ? self->summary : "");
      gtk_widget_remove_css_class (label, "heading");
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
update_zoom_actions (TaktSchedulePage *self)
{
  double min_spp = 0, max_spp = 0;
  double spp = takt_gantt_view_get_seconds_per_px (self->gantt);
  gboolean have = takt_gantt_view_get_zoom_limits (self->gantt, &min_spp, &max_spp);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.zoom-in", have && spp > min_spp * 1.0001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.zoom-out", have && spp < max_spp * 0.9999);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.zoom-fit", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.today", have);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TaktSchedulePage *self = TAKT_SCHEDULE_PAGE (widget);
  g_autofree char *name = g_strconcat ("gantt.", action_name + strlen ("schedule."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->gantt), name, NULL);
}

/* The marks of the legend, drawn in the chart's own colours. */
typedef enum
{
  MARK_LATE,
  MARK_PINNED,
  MARK_CONFLICT,
} Mark;

static void
draw_mark (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  Mark mark = GPOINTER_TO_INT (user_data);
  TaktGanttTheme theme;
  const TaktGanttColor *c;
  double y = (height - 10) / 2.0;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    takt_gantt_theme_init_dark (&theme);
  else
    takt_gantt_theme_init_light (&theme);

  switch (mark)
    {
    case MARK_LATE:
      /* A bar with the red end and underline of a late run. */
      cairo_set_source_rgba (cr, 0.47, 0.46, 0.48, 0.85);
      cairo_rectangle (cr, 0, y, width, 10);
      cairo_fill (cr);
      c = &theme.late;
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, 1);
      cairo_rectangle (cr, width - 4, y, 4, 10);
      cairo_rectangle (cr, 0, y + 11, width, 2);
      cairo_fill (cr);
      break;

    case MARK_PINNED:
      /* A drawing pin: a head and a needle. */
      c = &theme.text;
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.9);
      cairo_arc (cr, width / 2.0, y + 3.5, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, width / 2.0, y + 6);
      cairo_line_to (cr, width / 2.0, y + 12);
      cairo_stroke (cr);
      break;

    case MARK_CONFLICT:
    default:
      /* Two bars over each other, the overlap marked. */
      c = &theme.conflict;
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.35);
      cairo_rectangle (cr, 0, y, width, 10);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, 1);
      cairo_set_line_width (cr, 1.5);
      for (double x = -10; x < width; x += 4)
        {
          cairo_move_to (cr, x, y + 10);
          cairo_line_to (cr, x + 10, y);
        }
      cairo_save (cr);
      cairo_rectangle (cr, 0, y, width, 10);
      cairo_clip (cr);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    }
}

static void
add_legend_item (TaktSchedulePage *self,
                 Mark              mark,
                 int               width,
                 const char       *text,
                 const char       *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), width);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_mark, GINT_TO_POINTER (mark), NULL);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), area, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_tooltip_text (box, tooltip);
  gtk_box_append (self->legend, box);
}

/* ---- the document ---- */

static void
takt_schedule_page_schedule_changed (TaktPage *page)
{
  TaktSchedulePage *self = TAKT_SCHEDULE_PAGE (page);
  TaktDocument *document = takt_page_get_document (page);
  const TaktSchedule *schedule;
  const TaktPlan *plan;
  g_autofree char *range = NULL;
  g_autofree char *units = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  gint64 total_units = 0;

  if (document == NULL)
    return;

  takt_gantt_view_set_document (self->gantt, document);
  plan = takt_document_get_plan (document);
  schedule = takt_document_get_schedule (document);

  range = takt_format_day_range (plan->horizon_start,
                                 plan->horizon_start + (plan->horizon_days - 1) * TAKT_DAY_S);
  /* Translators: the plan's horizon, its length and the planning strategy,
   * e.g. "30 Nov 2026 – 10 Jan 2027 · 42 days · Just in time" */
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s · %d day · %s", "%s · %d days · %s",
                                                plan->horizon_days),
                          range, (int) plan->horizon_days,
                          takt_format_strategy (plan->settings.strategy));

  if (schedule == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "planning");
      g_free (self->summary);
      self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
      update_status (self);
      return;
    }

  for (guint i = 0; i < schedule->runs->len; i++)
    total_units += ((const TaktRun *) g_ptr_array_index (schedule->runs, i))->quantity;
  units = takt_format_count (total_units);
  g_string_append (summary, " · ");
  /* Translators: the runs of a plan and the units they make */
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u run, %s units",
                                                "%u runs, %s units", schedule->runs->len),
                          schedule->runs->len, units);
  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  update_status (self);

  gtk_stack_set_visible_child_name (self->stack, schedule->runs->len > 0 ? "chart" : "empty");
}

static void
takt_schedule_page_plan_changed (TaktPage *page)
{
  /* The chart follows the document by itself; the summary needs the
   * plan's horizon and strategy. */
  takt_schedule_page_schedule_changed (page);
}

static void
document_notify_cb (TaktSchedulePage *self)
{
  /* The chart needs the document even before the page is first shown,
   * e.g. for its accessible description. */
  takt_gantt_view_set_document (self->gantt, takt_page_get_document (TAKT_PAGE (self)));
}

/* ---- GObject ---- */

static void
takt_schedule_page_finalize (GObject *object)
{
  TaktSchedulePage *self = TAKT_SCHEDULE_PAGE (object);

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (takt_schedule_page_parent_class)->finalize (object);
}

static void
takt_schedule_page_class_init (TaktSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  object_class->finalize = takt_schedule_page_finalize;
  page_class->plan_changed = takt_schedule_page_plan_changed;
  page_class->schedule_changed = takt_schedule_page_schedule_changed;

  g_type_ensure (TAKT_TYPE_GANTT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktSchedulePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TaktSchedulePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, TaktSchedulePage, legend);
  gtk_widget_class_bind_template_child (widget_class, TaktSchedulePage, gantt);

  /* The toolbar's buttons, and the zoom keys wherever the focus is on the
   * page (the chart answers them itself when it has the focus). */
  gtk_widget_class_install_action (widget_class, "schedule.zoom-in", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "schedule.zoom-out", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "schedule.zoom-fit", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "schedule.today", NULL, forward_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "schedule.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "schedule.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "schedule.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "schedule.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "schedule.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "schedule.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "schedule.zoom-fit", NULL);
}

static void
takt_schedule_page_init (TaktSchedulePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_legend_item (self, MARK_LATE, 22, _("Late"), _("The run finishes after an order it covers is due"));
  add_legend_item (self, MARK_PINNED, 10, _("Pinned"), _("Placed by hand: drag a run, or press Shift+← or Shift+→"));
  add_legend_item (self, MARK_CONFLICT, 22, _("Conflict"), _("Runs that overlap on one machine"));

  g_signal_connect_object (self->gantt, "notify::drop-summary", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gantt, "notify::seconds-per-px", G_CALLBACK (update_zoom_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::document", G_CALLBACK (document_notify_cb), NULL);
  update_zoom_actions (self);
}

GtkWidget *
takt_schedule_page_new (void)
{
  return g_object_new (TAKT_TYPE_SCHEDULE_PAGE, NULL);
}
