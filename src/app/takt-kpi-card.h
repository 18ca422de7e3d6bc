/* takt-kpi-card.h — one key figure in a card: a title, a large value and a detail line
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAKT_TYPE_KPI_CARD (takt_kpi_card_get_type ())

G_DECLARE_FINAL_TYPE (TaktKpiCard, takt_kpi_card, TAKT, KPI_CARD, GtkWidget)

typedef enum
{
  TAKT_KPI_NEUTRAL,
  TAKT_KPI_GOOD,        /* the value in the success colour */
  TAKT_KPI_BAD,         /* the value in the error colour */
} TaktKpiTone;

GtkWidget  *takt_kpi_card_new        (const char  *title,
                                      const char  *tooltip);

const char *takt_kpi_card_get_title  (TaktKpiCard *self);
const char *takt_kpi_card_get_value  (TaktKpiCard *self);
const char *takt_kpi_card_get_detail (TaktKpiCard *self);

/* @value NULL shows a dash; @detail NULL hides the detail line. */
void        takt_kpi_card_set_value  (TaktKpiCard *self,
                                      const char  *value);
void        takt_kpi_card_set_detail (TaktKpiCard *self,
                                      const char  *detail);
void        takt_kpi_card_set_tone   (TaktKpiCard *self,
                                      TaktKpiTone  tone);

G_END_DECLS
