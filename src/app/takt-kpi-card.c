/* takt-kpi-card.c — one key figure in a card: a title, a large value and a detail line
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-kpi-card"

#include "config.h"

#include "takt-kpi-card.h"

struct _TaktKpiCard
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *title;
  GtkLabel  *value;
  GtkLabel  *detail;
};

G_DEFINE_FINAL_TYPE (TaktKpiCard, takt_kpi_card, GTK_TYPE_WIDGET)

static void
update_accessible_label (TaktKpiCard *self)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", gtk_label_get_text (self->title),
                                           gtk_label_get_text (self->value));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
takt_kpi_card_dispose (GObject *object)
{
  TaktKpiCard *self = TAKT_KPI_CARD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (takt_kpi_card_parent_class)->dispose (object);
}

static void
takt_kpi_card_class_init (TaktKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = takt_kpi_card_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "taktkpicard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkLabel *
new_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* A card asks for little width, so that a row holds six on a wide
   * window; the flow box gives each the room there is. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
takt_kpi_card_init (TaktKpiCard *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = new_label (self->box, "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->title), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->title), 14);
  gtk_widget_set_margin_end (GTK_WIDGET (self->title), 14);

  self->value = new_label (self->box, "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->value), "numeric");
  gtk_widget_set_margin_start (GTK_WIDGET (self->value), 14);
  gtk_widget_set_margin_end (GTK_WIDGET (self->value), 14);
  gtk_label_set_text (self->value, "—");

  self->detail = new_label (self->box, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->detail), 14);
  gtk_widget_set_margin_end (GTK_WIDGET (self->detail), 14);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->detail), 12);
  gtk_widget_set_valign (GTK_WIDGET (self->detail), GTK_ALIGN_END);
  gtk_widget_set_vexpand (GTK_WIDGET (self->detail), TRUE);
  /* An empty line keeps the cards of a row the same height. */
  gtk_label_set_text (self->detail, " ");
}

GtkWidget *
takt_kpi_card_new (const char *title,
                   const char *tooltip)
{
  TaktKpiCard *self = g_object_new (TAKT_TYPE_KPI_CARD, NULL);

  gtk_label_set_text (self->title, title);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  update_accessible_label (self);
  return GTK_WIDGET (self);
}

const char *
takt_kpi_card_get_title (TaktKpiCard *self)
{
  g_return_val_if_fail (TAKT_IS_KPI_CARD (self), NULL);
  return gtk_label_get_text (self->title);
}

const char *
takt_kpi_card_get_value (TaktKpiCard *self)
{
  g_return_val_if_fail (TAKT_IS_KPI_CARD (self), NULL);
  return gtk_label_get_text (self->value);
}

const char *
takt_kpi_card_get_detail (TaktKpiCard *self)
{
  const char *text;

  g_return_val_if_fail (TAKT_IS_KPI_CARD (self), NULL);

  text = gtk_label_get_text (self->detail);
  return g_strcmp0 (text, " ") == 0 ? "" : text;
}

void
takt_kpi_card_set_value (TaktKpiCard *self,
                         const char  *value)
{
  g_return_if_fail (TAKT_IS_KPI_CARD (self));

  gtk_label_set_text (self->value, value != NULL ? value : "—");
  update_accessible_label (self);
}

void
takt_kpi_card_set_detail (TaktKpiCard *self,
                          const char  *detail)
{
  g_return_if_fail (TAKT_IS_KPI_CARD (self));

  gtk_label_set_text (self->detail, detail != NULL && *detail != '\0' ? detail : " ");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail), detail);
}

void
takt_kpi_card_set_tone (TaktKpiCard *self,
                        TaktKpiTone  tone)
{
  g_return_if_fail (TAKT_IS_KPI_CARD (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->value), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->value), "error");
  if (tone == TAKT_KPI_GOOD)
    gtk_widget_add_css_class (GTK_WIDGET (self->value), "success");
  else if (tone == TAKT_KPI_BAD)
    gtk_widget_add_css_class (GTK_WIDGET (self->value), "error");
}
