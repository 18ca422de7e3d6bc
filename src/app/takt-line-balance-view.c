/* takt-line-balance-view.c — the line balance (yamazumi) chart of a document
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-line-balance-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "takt-chart-data.h"
#include "takt-chart-views.h"
#include "takt-format.h"
#include "takt-line-balance-view.h"

struct _TaktLineBalanceView
{
  GtkDrawingArea  parent_instance;

  TaktDocument   *document;
  TaktChart      *chart;
  char           *summary;
  char           *font_family;
  gboolean        stale;
  gboolean        has_pointer;
  double          pointer_x;
  double          pointer_y;
  guint           builds;
};

G_DEFINE_FINAL_TYPE (TaktLineBalanceView, takt_line_balance_view, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe (const TaktChartData *data)
{
  int worst = -1;
  double worst_ratio = 0;

  for (guint s = 0; s < data->n_stations; s++)
    {
      double load = takt_chart_data_station_load (data, s);

      if (isfinite (data->takt_s[s]) && data->takt_s[s] > 0 && load / data->takt_s[s] > worst_ratio)
        {
          worst_ratio = load / data->takt_s[s];
          worst = (int) s;
        }
    }

  if (worst < 0)
    return g_strdup (_("No demand within the horizon, so there is no takt time to balance against."));

  {
    const TaktStation *station = g_ptr_array_index (data->plan->stations, worst);
    const char *name = station->name != NULL && station->name[0] != '\0' ? station->name : station->id;
    g_autofree char *percent = takt_format_percent (worst_ratio);

    if (worst_ratio > 1.0)
      /* Translators: the bottleneck of the line cannot keep up; %1$s is a station, %2$s a percentage */
      return g_strdup_printf (_("%1$s needs %2$s of its working time: more than it has"), name, percent);
    /* Translators: %1$s is the most loaded station, %2$s a percentage */
    return g_strdup_printf (_("The bottleneck is %1$s: the demand needs %2$s of its working time"),
                            name, percent);
  }
}

static void
rebuild (TaktLineBalanceView *self)
{
  g_autoptr(TaktChartData) data = NULL;
  const TaktPlan *plan;

  self->stale = FALSE;
  g_clear_pointer (&self->chart, takt_chart_free);
  g_clear_pointer (&self->summary, g_free);

  if (self->document != NULL)
    {
      plan = takt_document_get_plan (self->document);
      /* The chart needs only the plan's demand and working time; the
       * figures give the utilisation when they fit the plan. */
      data = takt_chart_data_new (plan, NULL, takt_document_get_stats (self->document));
      self->chart = takt_chart_new_line_balance (data);
      self->summary = describe (data);
      self->builds++;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary ? self->summary : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
to_color (const GdkRGBA  *rgba,
          TaktGanttColor *color)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = 1.0;
}

/* The chart sits on a card: its colour, over the window's where it is
 * translucent. */
static void
card_color (GtkWidget      *widget,
            TaktGanttColor *color)
{
  GdkRGBA card, window;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "card_bg_color", &card))
    return;
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &window))
    window = (GdkRGBA) { 1, 1, 1, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS

  card.red = card.red * card.alpha + window.red * (1 - card.alpha);
  card.green = card.green * card.alpha + window.green * (1 - card.alpha);
  card.blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
  to_color (&card, color);
}

static const char *
font_family (TaktLineBalanceView *self)
{
  GtkSettings *settings;
  g_autofree char *font_name = NULL;

  if (self->font_family != NULL)
    return self->font_family;

  settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font_name);
      const char *family = pango_font_description_get_family (desc);

      if (family != NULL && family[0] != '\0')
        self->font_family = g_strdup_printf ("%s, Cantarell, DejaVu Sans, sans-serif", family);
      pango_font_description_free (desc);
    }
  return self->font_family;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  TaktLineBalanceView *self = TAKT_LINE_BALANCE_VIEW (area);
  TaktChartRect rect = { 0, 0, width, height };
  TaktGanttTheme theme;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    takt_gantt_theme_init_dark (&theme);
  else
    takt_gantt_theme_init_light (&theme);
  card_color (GTK_WIDGET (self), &theme.background);
  if (font_family (self) != NULL)
    theme.font_family = self->font_family;

  if (self->has_pointer)
    takt_chart_set_pointer (self->chart, self->pointer_x, self->pointer_y);
  else
    takt_chart_clear_pointer (self->chart);

  takt_chart_draw (self->chart, cr, &rect, &theme, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TaktLineBalanceView      *self)
{
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TaktLineBalanceView      *self)
{
  self->has_pointer = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (TaktLineBalanceView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
takt_line_balance_view_map (GtkWidget *widget)
{
  TaktLineBalanceView *self = TAKT_LINE_BALANCE_VIEW (widget);

  GTK_WIDGET_CLASS (takt_line_balance_view_parent_class)->map (widget);
  if (self->stale)
    rebuild (self);
}

static void
takt_line_balance_view_dispose (GObject *object)
{
  TaktLineBalanceView *self = TAKT_LINE_BALANCE_VIEW (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->chart, takt_chart_free);

  G_OBJECT_CLASS (takt_line_balance_view_parent_class)->dispose (object);
}

static void
takt_line_balance_view_finalize (GObject *object)
{
  TaktLineBalanceView *self = TAKT_LINE_BALANCE_VIEW (object);

  g_free (self->summary);
  g_free (self->font_family);

  G_OBJECT_CLASS (takt_line_balance_view_parent_class)->finalize (object);
}

static void
takt_line_balance_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TaktLineBalanceView *self = TAKT_LINE_BALANCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_line_balance_view_class_init (TaktLineBalanceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = takt_line_balance_view_dispose;
  object_class->finalize = takt_line_balance_view_finalize;
  object_class->get_property = takt_line_balance_view_get_property;
  widget_class->map = takt_line_balance_view_map;

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
takt_line_balance_view_init (TaktLineBalanceView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 360);
  /* Narrow enough for the Stations page at GNOME's small-screen width (360 px). */
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 280);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Line balance chart"),
                                  -1);
  self->stale = TRUE;
}

GtkWidget *
takt_line_balance_view_new (void)
{
  return g_object_new (TAKT_TYPE_LINE_BALANCE_VIEW, NULL);
}

void
takt_line_balance_view_set_document (TaktLineBalanceView *self,
                                     TaktDocument        *document)
{
  g_return_if_fail (TAKT_IS_LINE_BALANCE_VIEW (self));
  g_return_if_fail (document == NULL || TAKT_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    takt_line_balance_view_update (self);
}

void
takt_line_balance_view_update (TaktLineBalanceView *self)
{
  g_return_if_fail (TAKT_IS_LINE_BALANCE_VIEW (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
}

/**
 * takt_line_balance_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart
 */
TaktChart *
takt_line_balance_view_get_chart (TaktLineBalanceView *self)
{
  g_return_val_if_fail (TAKT_IS_LINE_BALANCE_VIEW (self), NULL);
  return self->chart;
}

/**
 * takt_line_balance_view_get_summary:
 *
 * Returns: (nullable): the bottleneck in words
 */
const char *
takt_line_balance_view_get_summary (TaktLineBalanceView *self)
{
  g_return_val_if_fail (TAKT_IS_LINE_BALANCE_VIEW (self), NULL);
  return self->summary;
}

guint
takt_line_balance_view_get_builds (TaktLineBalanceView *self)
{
  g_return_val_if_fail (TAKT_IS_LINE_BALANCE_VIEW (self), 0);
  return self->builds;
}
