/* takt-money.c — amounts of money and grouped numbers as people read them
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "takt-money.h"

#define MINUS_SIGN "\xe2\x88\x92"   /* U+2212 */

const char *
takt_money_symbol (const char *currency)
{
  static const struct { const char *code; const char *symbol; } symbols[] = {
    { "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "JPY", "¥" },
    { "CNY", "¥" }, { "INR", "₹" }, { "KRW", "₩" }, { "PLN", "zł" },
    { "CHF", "CHF" }, { "SEK", "kr" }, { "NOK", "kr" }, { "DKK", "kr." },
    { "CZK", "Kč" }, { "BRL", "R$" }, { "CAD", "CA$" }, { "AUD", "A$" },
  };

  if (currency == NULL || currency[0] == '\0')
    return "€";

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_ascii_strcasecmp (currency, symbols[i].code) == 0)
      return symbols[i].symbol;

  return currency;
}

char *
takt_number_format_grouped (double value,
                            int    decimals)
{
  const struct lconv *conv = localeconv ();
  g_autofree char *plain = NULL;
  const char *sep = conv->thousands_sep;
  g_autoptr(GString) str = g_string_new (NULL);
  gsize int_len = 0;

  decimals = CLAMP (decimals, 0, 10);
  plain = g_strdup_printf ("%.*f", decimals, fabs (value));
  if (sep == NULL || sep[0] == '\0')
    sep = g_strcmp0 (conv->decimal_point, ",") == 0 ? "\xe2\x80\xaf" : ",";

  while (g_ascii_isdigit (plain[int_len]))
    int_len++;

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (str, sep);
      g_string_append_c (str, plain[i]);
    }
  g_string_append (str, plain + int_len);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* Whether @symbol ends in a letter ("CHF", "kr", "zł"), which wants a space
 * between it and a number after it. */
static gboolean
symbol_is_word (const char *symbol)
{
  const char *last = g_utf8_find_prev_char (symbol, symbol + strlen (symbol));

  return last != NULL && g_unichar_isalpha (g_utf8_get_char (last));
}

char *
takt_money_format (double      amount,
                   const char *currency,
                   int         decimals)
{
  const char *symbol = takt_money_symbol (currency);
  g_autofree char *number = NULL;
  g_autofree char *money = NULL;

  decimals = CLAMP (decimals, 0, 10);
  /* What rounds to zero is zero, without a sign. */
  if (fabs (amount) < 0.5 * pow (10.0, -decimals))
    amount = 0;
  number = takt_number_format_grouped (amount, decimals);

  if (symbol_is_word (symbol))
    /* Translators: an amount of money in a currency written with letters:
     * %1$s is the symbol or code, %2$s the number ("CHF 1,234.50"); reorder
     * for your language ("1.234,50 CHF"), with a no-break space. */
    money = g_strdup_printf (_("%1$s\xc2\xa0%2$s"), symbol, number);
  else
    /* Translators: an amount of money: %1$s is the currency symbol, %2$s the
     * number ("€1,234.50"); reorder for your language ("1.234,50 €"), with a
     * no-break space. */
    money = g_strdup_printf (_("%1$s%2$s"), symbol, number);
  return g_strconcat (amount < 0 ? MINUS_SIGN : "", money, NULL);
}

char *
takt_money_format_delta (double      delta,
                         const char *currency,
                         int         decimals)
{
  g_autofree char *money = NULL;

  decimals = CLAMP (decimals, 0, 10);
  if (fabs (delta) < 0.5 * pow (10.0, -decimals))
    return takt_money_format (0, currency, decimals);

  money = takt_money_format (fabs (delta), currency, decimals);
  return g_strconcat (delta < 0 ? MINUS_SIGN : "+", money, NULL);
}

char *
takt_percent_format (double fraction,
                     int    decimals)
{
  double value = fraction * 100.0;
  g_autofree char *digits = NULL;
  g_autofree char *number = NULL;

  decimals = CLAMP (decimals, 0, 6);
  if (fabs (value) < 0.5 * pow (10.0, -decimals))
    value = 0;
  digits = takt_number_format_grouped (value, decimals);
  number = g_strconcat (value < 0 ? "\u2212" : "", digits, NULL);
  /* Translators: a percentage, "64.2%"; German writes "64,2 %" with a
   * no-break space (U+00A0) */
  return g_strdup_printf (C_("percent", "%s%%"), number);
}
