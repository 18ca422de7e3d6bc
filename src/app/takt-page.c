/* takt-page.c — the base of the window's pages: a widget showing a document
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-page"

#include "config.h"

#include "takt-page.h"

typedef struct
{
  TaktDocument *document;
  gulong        changed_handler;
  gulong        schedule_handler;

  /* A page out of sight only notes that it is out of date, and catches up
   * when it is shown: a large plan rebuilds one page, not six. */
  guint         plan_stale : 1;
  guint         schedule_stale : 1;
} TaktPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TaktPage, takt_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
catch_up (TaktPage *self)
{
  TaktPagePrivate *priv = takt_page_get_instance_private (self);
  TaktPageClass *klass = TAKT_PAGE_GET_CLASS (self);
  gboolean plan_stale = priv->plan_stale;
  gboolean schedule_stale = priv->schedule_stale;

  priv->plan_stale = FALSE;
  priv->schedule_stale = FALSE;

  if (plan_stale && klass->plan_changed != NULL)
    klass->plan_changed (self);
  if (schedule_stale && klass->schedule_changed != NULL)
    klass->schedule_changed (self);
}

static void
plan_changed (TaktPage *self)
{
  TaktPagePrivate *priv = takt_page_get_instance_private (self);

  priv->plan_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    catch_up (self);
}

static void
schedule_changed (TaktPage *self)
{
  TaktPagePrivate *priv = takt_page_get_instance_private (self);

  priv->schedule_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    catch_up (self);
}

static void
takt_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (takt_page_parent_class)->map (widget);
  catch_up (TAKT_PAGE (widget));
}

static void
document_changed_cb (TaktPage     *self,
                     TaktDocument *document)
{
  plan_changed (self);
}

static void
document_schedule_cb (TaktPage     *self,
                      GParamSpec   *pspec,
                      TaktDocument *document)
{
  schedule_changed (self);
}

static void
disconnect_document (TaktPage *self)
{
  TaktPagePrivate *priv = takt_page_get_instance_private (self);

  if (priv->document == NULL)
    return;

  g_clear_signal_handler (&priv->changed_handler, priv->document);
  g_clear_signal_handler (&priv->schedule_handler, priv->document);
  g_clear_object (&priv->document);
}

static void
takt_page_dispose (GObject *object)
{
  TaktPage *self = TAKT_PAGE (object);

  disconnect_document (self);

  G_OBJECT_CLASS (takt_page_parent_class)->dispose (object);
}

static void
takt_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TaktPage *self = TAKT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, takt_page_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TaktPage *self = TAKT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      takt_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_page_class_init (TaktPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = takt_page_dispose;
  object_class->get_property = takt_page_get_property;
  object_class->set_property = takt_page_set_property;
  GTK_WIDGET_CLASS (klass)->map = takt_page_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TAKT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
takt_page_init (TaktPage *self)
{
}

/**
 * takt_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document the page shows
 */
TaktDocument *
takt_page_get_document (TaktPage *self)
{
  TaktPagePrivate *priv = takt_page_get_instance_private (self);

  g_return_val_if_fail (TAKT_IS_PAGE (self), NULL);

  return priv->document;
}

void
takt_page_set_document (TaktPage     *self,
                        TaktDocument *document)
{
  TaktPagePrivate *priv = takt_page_get_instance_private (self);

  g_return_if_fail (TAKT_IS_PAGE (self));
  g_return_if_fail (document == NULL || TAKT_IS_DOCUMENT (document));

  if (priv->document == document)
    return;

  disconnect_document (self);

  if (document != NULL)
    {
      priv->document = g_object_ref (document);
      priv->changed_handler =
        g_signal_connect_object (document, "changed",
                                 G_CALLBACK (document_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      priv->schedule_handler =
        g_signal_connect_object (document, "notify::stats",
                                 G_CALLBACK (document_schedule_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  plan_changed (self);
  schedule_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
takt_page_get_currency (TaktPage *self)
{
  TaktPagePrivate *priv = takt_page_get_instance_private (self);
  const TaktPlan *plan;

  g_return_val_if_fail (TAKT_IS_PAGE (self), "EUR");

  if (priv->document == NULL)
    return "EUR";
  plan = takt_document_get_plan (priv->document);
  return plan->currency != NULL ? plan->currency : "EUR";
}
