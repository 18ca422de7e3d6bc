/* takt-format.h — numbers, money, times and names as people read them
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "takt-plan.h"

G_BEGIN_DECLS

char       *takt_format_money          (double        amount,
                                        const char   *currency);
char       *takt_format_money_delta    (double        delta,
                                        const char   *currency);
char       *takt_format_count          (gint64        count);
char       *takt_format_number         (double        value,
                                        int           digits);
char       *takt_format_percent        (double        fraction);
char       *takt_format_duration       (gint64        seconds);
char       *takt_format_instant        (gint64        instant);
char       *takt_format_day            (gint64        date);
char       *takt_format_day_range      (gint64        first,
                                        gint64        last);
char       *takt_format_shifts         (const GArray *shifts);
const char *takt_format_weekday        (int           weekday);
const char *takt_format_channel        (TaktChannel   channel);
const char *takt_format_shape          (TaktShape     shape);
const char *takt_format_strategy       (TaktStrategy  strategy);

G_END_DECLS
