/* takt-chart-widget.c — a cairo chart (takt-chart.h) as a widget, with hover read-outs
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-chart-widget"

#include "config.h"

#include "takt-chart-widget.h"

#define DEFAULT_HEIGHT 260
#define MIN_WIDTH      260

struct _TaktChartWidget
{
  GtkWidget   parent_instance;

  TaktChart  *chart;
  char       *readout;
  char       *font_family;
  int         chart_height;
  gboolean    has_pointer;
  double      pointer_x;
  double      pointer_y;
};

G_DEFINE_FINAL_TYPE (TaktChartWidget, takt_chart_widget, GTK_TYPE_WIDGET)

static void
to_theme_color (const GdkRGBA  *rgba,
                TaktGanttColor *color)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

/* The colour the chart sits on: a card's, laid over the window's when the
 * card colour is translucent (as in the dark style). */
static void
lookup_background (TaktChartWidget *self,
                   TaktGanttColor  *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA card, window;

  if (!gtk_style_context_lookup_color (context, "card_bg_color", &card))
    return;
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &window))
    window = (GdkRGBA) { 1, 1, 1, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (card.alpha < 1)
    {
      card.red = card.red * card.alpha + window.red * (1 - card.alpha);
      card.green = card.green * card.alpha + window.green * (1 - card.alpha);
      card.blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
      card.alpha = 1;
    }
  to_theme_color (&card, color);
}

static void
update_font (TaktChartWidget *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *font_name = NULL;

  g_clear_pointer (&self->font_family, g_free);
  if (settings == NULL)
    return;

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font_name);
      const char *family = pango_font_description_get_family (desc);

      if (family != NULL && *family != '\0')
        self->font_family = g_strdup_printf ("%s, Cantarell, DejaVu Sans, sans-serif", family);
      pango_font_description_free (desc);
    }
}

static void
takt_chart_widget_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TaktChartWidget *self = TAKT_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TaktChartRect rect = { 0, 0, width, height };
  TaktGanttTheme theme;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    takt_gantt_theme_init_dark (&theme);
  else
    takt_gantt_theme_init_light (&theme);
  lookup_background (self, &theme.background);
  if (self->font_family == NULL)
    update_font (self);
  if (self->font_family != NULL)
    theme.font_family = self->font_family;

  if (self->has_pointer)
    takt_chart_set_pointer (self->chart, self->pointer_x, self->pointer_y);
  else
    takt_chart_clear_pointer (self->chart);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  takt_chart_draw (self->chart, cr, &rect, &theme, gtk_widget_get_scale_factor (widget));
  cairo_destroy (cr);
}

static void
takt_chart_widget_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  TaktChartWidget *self = TAKT_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = MIN_WIDTH * 2;
    }
  else
    {
      /* A scrolled page gives its content the minimum height: a chart
       * keeps its own. */
      *minimum = self->chart_height;
      *natural = self->chart_height;
    }
}

static void
set_readout (TaktChartWidget *self,
             char            *readout)
{
  if (g_strcmp0 (self->readout, readout) == 0)
    {
      g_free (readout);
      return;
    }

  g_free (self->readout);
  self->readout = readout;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  readout != NULL ? readout : "",
                                  -1);
}

void
takt_chart_widget_hover (TaktChartWidget *self,
                         double           x,
                         double           y)
{
  TaktChartHit hit;

  g_return_if_fail (TAKT_IS_CHART_WIDGET (self));

  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;

  if (self->chart != NULL && takt_chart_hit_test (self->chart, x, y, &hit))
    set_readout (self, takt_chart_describe_hit (self->chart, &hit));
  else
    set_readout (self, NULL);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
takt_chart_widget_leave (TaktChartWidget *self)
{
  g_return_if_fail (TAKT_IS_CHART_WIDGET (self));

  self->has_pointer = FALSE;
  set_readout (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (TaktChartWidget          *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  takt_chart_widget_hover (self, x, y);
}

static void
leave_cb (TaktChartWidget          *self,
          GtkEventControllerMotion *controller)
{
  takt_chart_widget_leave (self);
}

static void
style_changed_cb (TaktChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
takt_chart_widget_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (takt_chart_widget_parent_class)->css_changed (widget, change);
  g_clear_pointer (&TAKT_CHART_WIDGET (widget)->font_family, g_free);
  gtk_widget_queue_draw (widget);
}

static void
takt_chart_widget_finalize (GObject *object)
{
  TaktChartWidget *self = TAKT_CHART_WIDGET (object);

  g_clear_pointer (&self->chart, takt_chart_free);
  g_clear_pointer (&self->readout, g_free);
  g_clear_pointer (&self->font_family, g_free);

  G_OBJECT_CLASS (takt_chart_widget_parent_class)->finalize (object);
}

static void
takt_chart_widget_class_init (TaktChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = takt_chart_widget_finalize;
  widget_class->snapshot = takt_chart_widget_snapshot;
  widget_class->measure = takt_chart_widget_measure;
  widget_class->css_changed = takt_chart_widget_css_changed;

  gtk_widget_class_set_css_name (widget_class, "taktchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
takt_chart_widget_init (TaktChartWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->chart_height = DEFAULT_HEIGHT;

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
takt_chart_widget_new (void)
{
  return g_object_new (TAKT_TYPE_CHART_WIDGET, NULL);
}

/**
 * takt_chart_widget_set_chart:
 * @chart: (transfer full) (nullable): the chart to show
 */
void
takt_chart_widget_set_chart (TaktChartWidget *self,
                             TaktChart       *chart)
{
  g_return_if_fail (TAKT_IS_CHART_WIDGET (self));

  if (self->chart == chart)
    return;

  g_clear_pointer (&self->chart, takt_chart_free);
  self->chart = chart;
  set_readout (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * takt_chart_widget_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
TaktChart *
takt_chart_widget_get_chart (TaktChartWidget *self)
{
  g_return_val_if_fail (TAKT_IS_CHART_WIDGET (self), NULL);
  return self->chart;
}

void
takt_chart_widget_set_chart_height (TaktChartWidget *self,
                                    int              height)
{
  g_return_if_fail (TAKT_IS_CHART_WIDGET (self));
  g_return_if_fail (height > 0);

  if (self->chart_height == height)
    return;
  self->chart_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
takt_chart_widget_get_readout (TaktChartWidget *self)
{
  g_return_val_if_fail (TAKT_IS_CHART_WIDGET (self), NULL);
  return self->readout;
}
