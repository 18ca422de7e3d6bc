/* takt-money.h — amounts of money and grouped numbers as people read them
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one money formatter of Takt: the app's pages and read-outs, the
 * charts, the campaign calendar and the PDF report all write money with it,
 * so an amount reads the same everywhere.  Pure GLib and the C library's
 * locale: the digits are grouped and the decimal point set as the locale
 * (LC_NUMERIC) does it, and where the symbol stands is the translation's
 * choice ("€1,234.50" in English, "1.234,50 €" in German).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The symbol of an ISO 4217 code ("EUR" is "€"); the code itself when it
 * has no common symbol; "€" for NULL or "" (a plan's default currency). */
const char *takt_money_symbol        (const char *currency);
/* An amount with its currency: "€1,234.50", "−$12", "CHF 3.0". */
char       *takt_money_format        (double      amount,
                                      const char *currency,
                                      int         decimals);
/* A signed change of an amount: "+€8.50", "−€120.00"; zero has no sign. */
char       *takt_money_format_delta  (double      delta,
                                      const char *currency,
                                      int         decimals);
/* The digits of |value| with the locale's grouping and decimal point
 * ("1,234.50"); the C locale, which groups nothing, gets a comma. */
char       *takt_number_format_grouped (double    value,
                                        int       decimals);
/* A fraction as a percentage, written as the locale writes one: "64.2%"
 * in English, "64,2 %" in German. */
char       *takt_percent_format        (double    fraction,
                                        int       decimals);

G_END_DECLS
