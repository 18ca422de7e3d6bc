/* takt-import-csv.c — orders and forecast from a CSV file
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-import-csv"

#include "takt-import-csv.h"

#include <glib/gstdio.h>
#include <string.h>

#include "takt-csv.h"
#include "takt-plan-private.h"
#include "takt-time.h"

#define MAX_PROBLEMS 10000

struct _TaktCsvImport
{
  TaktCsvImportKind  kind;
  TaktCsvTable      *table;
  const char        *encoding;
  guint              n_columns;
};

/* ---- reading the file ---- */

TaktCsvImport *
takt_csv_import_new_from_data (const char         *data,
                               gsize               length,
                               TaktCsvImportKind   kind,
                               GError            **error)
{
  return takt_csv_import_new_from_data_full (data, length, kind, 0, error);
}

TaktCsvImport *
takt_csv_import_new_from_data_full (const char         *data,
                                    gsize               length,
                                    TaktCsvImportKind   kind,
                                    char                delimiter,
                                    GError            **error)
{
  g_autoptr(TaktCsvImport) self = NULL;
  g_autofree char *converted = NULL;
  const char *encoding = "UTF-8";

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (kind == TAKT_CSV_IMPORT_ORDERS || kind == TAKT_CSV_IMPORT_FORECAST, NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (length > TAKT_CSV_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE,
                   "the file holds %s (%" G_GSIZE_FORMAT " bytes); files over 256 MiB are refused",
                   size, length);
      return NULL;
    }

  /* UTF-16 with a byte order mark ("Unicode text" from Excel), or text
   * that is not UTF-8: most likely Windows-1252. */
  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    encoding = "UTF-16LE";
  else if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    encoding = "UTF-16BE";
  else if (memchr (data, '\0', length) == NULL && !g_utf8_validate_len (data, length, NULL))
    encoding = "Windows-1252";

  if (strcmp (encoding, "UTF-8") != 0)
    {
      gsize written = 0;
      gsize skip = g_str_has_prefix (encoding, "UTF-16") ? 2 : 0;

      converted = g_convert (data + skip, length - skip, "UTF-8", encoding, NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_ENCODING,
                       "the file is neither UTF-8 nor %s text", encoding);
          return NULL;
        }
      data = converted;
      length = written;
    }

  self = g_new0 (TaktCsvImport, 1);
  self->kind = kind;
  self->encoding = encoding;
  self->table = takt_csv_read (data, length, delimiter, TAKT_CSV_READ_DEFAULT, error);
  if (self->table == NULL)
    return NULL;
  for (guint i = 0; i < self->table->records->len; i++)
    {
      const TaktCsvRecord *r = g_ptr_array_index (self->table->records, i);

      self->n_columns = MAX (self->n_columns, r->n_fields);
    }
  return g_steal_pointer (&self);
}

TaktCsvImport *
takt_csv_import_new_from_file (const char         *path,
                               TaktCsvImportKind   kind,
                               GError            **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length = 0;
  TaktCsvImport *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  /* A device such as /dev/zero never ends: reading it would never stop. */
  if (g_stat (path, &st) == 0 && (S_ISCHR (st.st_mode) || S_ISBLK (st.st_mode)))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: a device, not a CSV file", display);
      return NULL;
    }
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > TAKT_CSV_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full ((guint64) st.st_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE,
                   "%s: the file holds %s (%" G_GUINT64_FORMAT " bytes); files over 256 MiB are refused",
                   display, size, (guint64) st.st_size);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  self = takt_csv_import_new_from_data (contents, length, kind, error);
  if (self == NULL)
    g_prefix_error (error, "%s: ", display);
  return self;
}

void
takt_csv_import_free (TaktCsvImport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->table, takt_csv_table_free);
  g_free (self);
}

TaktCsvImportKind
takt_csv_import_get_kind (TaktCsvImport *self)
{
  g_return_val_if_fail (self != NULL, TAKT_CSV_IMPORT_ORDERS);

  return self->kind;
}

char
takt_csv_import_get_delimiter (TaktCsvImport *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->table->delimiter;
}

const char *
takt_csv_import_get_encoding (TaktCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

guint
takt_csv_import_get_n_columns (TaktCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

guint
takt_csv_import_get_n_records (TaktCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->table->records->len;
}

const char * const *
takt_csv_import_get_record (TaktCsvImport *self,
                            guint          i,
                            guint         *line)
{
  const TaktCsvRecord *r;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->table->records->len, NULL);

  r = g_ptr_array_index (self->table->records, i);
  if (line != NULL)
    *line = r->line;
  return (const char * const *) r->fields;
}

/* ---- dates ---- */

const char *
takt_csv_date_format_to_string (TaktCsvDateFormat format)
{
  switch (format)
    {
    case TAKT_CSV_DATE_ISO:
      return "yyyy-mm-dd";
    case TAKT_CSV_DATE_DOTTED:
      return "dd.mm.yyyy";
    case TAKT_CSV_DATE_DAY_MONTH:
      return "dd/mm/yyyy";
    case TAKT_CSV_DATE_MONTH_DAY:
      return "mm/dd/yyyy";
    case TAKT_CSV_N_DATE_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Reads @min to @max ASCII digits. */
static gboolean
read_number (const char **p,
             int          min,
             int          max,
             int         *out)
{
  int n = 0;
  int value = 0;

  while (n < max && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min || g_ascii_isdigit ((*p)[n]))
    return FALSE;
  *p += n;
  *out = value;
  return TRUE;
}

/* "H:MM" or "HH:MM", with ":SS" optionally, to the end of the text. */
static gboolean
read_time (const char *p,
           gint64     *seconds)
{
  int h, m, s = 0;

  if (!read_number (&p, 1, 2, &h) || *p++ != ':' || !read_number (&p, 2, 2, &m))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, 2, &s))
        return FALSE;
    }
  if (*p != '\0' || h > 23 || m > 59 || s > 59)
    return FALSE;
  *seconds = h * 3600 + m * 60 + s;
  return TRUE;
}

static gboolean
make_date (int     year,
           int     month,
           int     day,
           gint64 *out)
{
  gint64 days, y;
  int m, d;

  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;
  days = takt_days_from_civil (year, month, day);
  takt_civil_from_days (days, &y, &m, &d);
  if (y != year || m != month || d != day)
    return FALSE;
  *out = days * TAKT_DAY_S;
  return TRUE;
}

static gboolean
parse_trimmed (const char        *p,
               TaktCsvDateFormat  format,
               gint64            *instant,
               gboolean          *has_time)
{
  int a, b, year;
  gint64 date, seconds = 0;
  gboolean timed = FALSE;

  /* ISO, in every format. */
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
      g_ascii_isdigit (p[3]) && p[4] == '-')
    {
      if (!read_number (&p, 4, 4, &year) || *p++ != '-' || !read_number (&p, 2, 2, &a) ||
          *p++ != '-' || !read_number (&p, 2, 2, &b) || !make_date (year, a, b, &date))
        return FALSE;
      if (*p == 'T' || *p == ' ')
        {
          if (!read_time (p + 1, &seconds))
            return FALSE;
          timed = TRUE;
        }
      else if (*p != '\0')
        return FALSE;
      *instant = date + seconds;
      *has_time = timed;
      return TRUE;
    }
  if (format == TAKT_CSV_DATE_ISO)
    return FALSE;

  {
    char sep = format == TAKT_CSV_DATE_DOTTED ? '.' : '/';
    int day, month;

    if (!read_number (&p, 1, 2, &a) || *p++ != sep || !read_number (&p, 1, 2, &b) ||
        *p++ != sep || !read_number (&p, 4, 4, &year))
      return FALSE;
    if (format == TAKT_CSV_DATE_MONTH_DAY)
      {
        month = a;
        day = b;
      }
    else
      {
        day = a;
        month = b;
      }
    if (!make_date (year, month, day, &date))
      return FALSE;
    if (*p == ' ')
      {
        while (*p == ' ')
          p++;
        if (!read_time (p, &seconds))
          return FALSE;
        timed = TRUE;
      }
    else if (*p != '\0')
      return FALSE;
  }
  *instant = date + seconds;
  *has_time = timed;
  return TRUE;
}

gboolean
takt_csv_parse_date (const char        *text,
                     TaktCsvDateFormat  format,
                     gint64            *instant,
                     gboolean          *has_time)
{
  g_autofree char *copy = NULL;
  gint64 t = 0;
  gboolean timed = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (format < TAKT_CSV_N_DATE_FORMATS, FALSE);

  copy = g_strstrip (g_strdup (text));
  if (!parse_trimmed (copy, format, &t, &timed))
    return FALSE;
  if (instant != NULL)
    *instant = t;
  if (has_time != NULL)
    *has_time = timed;
  return TRUE;
}

/* ---- mapping ---- */

typedef struct
{
  TaktCsvField  field;
  const char   *names;   /* normalised synonyms, strongest first, '|'-separated */
} Synonyms;

static const Synonyms synonyms[] = {
  { TAKT_CSV_FIELD_ID,
    "orderid|ordernumber|orderno|ordernr|order|salesorder|salesorderid|salesordernumber|so|"
    "sonumber|sono|id|auftragsnummer|auftragsnr|auftrag|bestellnummer|bestellnr|bestellung|"
    "belegnummer|belegnr|reference|ref" },
  { TAKT_CSV_FIELD_PRODUCT,
    "product|productid|productcode|sku|item|itemid|itemcode|itemno|article|articleno|"
    "artikel|artikelnummer|artikelnr|produkt|produktid|material|materialnummer|materialnr|"
    "part|partno|partnumber" },
  { TAKT_CSV_FIELD_QUANTITY,
    "quantity|qty|amount|units|menge|anzahl|stück|stückzahl|stk|pieces|pcs|count" },
  { TAKT_CSV_FIELD_DUE,
    "due|duedate|dueon|deliverydate|delivery|requireddate|requesteddate|shipdate|"
    "liefertermin|lieferdatum|wunschtermin|termin|fällig|fälligkeit|faellig|date|datum|day|tag" },
  { TAKT_CSV_FIELD_CUSTOMER,
    "customer|customername|client|clientname|customerid|buyer|account|kunde|kundenname|"
    "kundennummer|kundennr|abnehmer" },
};

static char *
normalise_header (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (!strchr (" \t_-.#/()", *p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The rank of @name among @field's synonyms (0 strongest), or -1. */
static int
synonym_rank (TaktCsvField  field,
              const char   *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      g_auto(GStrv) list = NULL;

      if (synonyms[i].field != field)
        continue;
      list = g_strsplit (synonyms[i].names, "|", -1);
      for (int k = 0; list[k] != NULL; k++)
        if (strcmp (list[k], name) == 0)
          return k;
    }
  return -1;
}

static gboolean
field_applies (TaktCsvImportKind kind,
               TaktCsvField      field)
{
  return kind == TAKT_CSV_IMPORT_ORDERS ||
         (field != TAKT_CSV_FIELD_ID && field != TAKT_CSV_FIELD_CUSTOMER);
}

static const char *
cell (const TaktCsvRecord *r,
      int                  column)
{
  if (column < 0 || (guint) column >= r->n_fields)
    return "";
  return r->fields[column];
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

TaktCsvDateFormat
takt_csv_import_detect_date_format (TaktCsvImport        *self,
                                    const TaktCsvMapping *mapping,
                                    gboolean              prefer_month_day,
                                    gboolean             *ambiguous)
{
  gsize reads[TAKT_CSV_N_DATE_FORMATS] = { 0 };
  gsize n = 0;
  int column;
  TaktCsvDateFormat slash_first, slash_second;
  TaktCsvDateFormat order[TAKT_CSV_N_DATE_FORMATS];
  TaktCsvDateFormat best;

  g_return_val_if_fail (self != NULL, TAKT_CSV_DATE_ISO);
  g_return_val_if_fail (mapping != NULL, TAKT_CSV_DATE_ISO);

  if (ambiguous != NULL)
    *ambiguous = FALSE;
  column = mapping->columns[TAKT_CSV_FIELD_DUE];
  for (guint i = mapping->has_header ? 1 : 0; column >= 0 && i < self->table->records->len; i++)
    {
      const TaktCsvRecord *r = g_ptr_array_index (self->table->records, i);
      const char *text = cell (r, column);

      if (is_blank (text))
        continue;
      n++;
      for (int f = 0; f < TAKT_CSV_N_DATE_FORMATS; f++)
        if (takt_csv_parse_date (text, (TaktCsvDateFormat) f, NULL, NULL))
          reads[f]++;
    }

  slash_first = prefer_month_day ? TAKT_CSV_DATE_MONTH_DAY : TAKT_CSV_DATE_DAY_MONTH;
  slash_second = prefer_month_day ? TAKT_CSV_DATE_DAY_MONTH : TAKT_CSV_DATE_MONTH_DAY;
  order[0] = TAKT_CSV_DATE_ISO;
  order[1] = TAKT_CSV_DATE_DOTTED;
  order[2] = slash_first;
  order[3] = slash_second;

  if (n > 0 && reads[TAKT_CSV_DATE_ISO] < n &&
      reads[TAKT_CSV_DATE_DAY_MONTH] == n && reads[TAKT_CSV_DATE_MONTH_DAY] == n &&
      ambiguous != NULL)
    *ambiguous = TRUE;

  best = order[0];
  for (int k = 1; k < TAKT_CSV_N_DATE_FORMATS; k++)
    if (reads[order[k]] > reads[best])
      best = order[k];
  return best;
}

void
takt_csv_import_detect (TaktCsvImport  *self,
                        gboolean        prefer_month_day,
                        TaktCsvMapping *mapping)
{
  int best_rank[TAKT_CSV_N_FIELDS];
  gboolean any = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (mapping != NULL);

  memset (mapping, 0, sizeof *mapping);
  mapping->kind = self->kind;
  for (int f = 0; f < TAKT_CSV_N_FIELDS; f++)
    {
      mapping->columns[f] = -1;
      best_rank[f] = G_MAXINT;
    }

  if (self->table->records->len > 0)
    {
      const TaktCsvRecord *header = g_ptr_array_index (self->table->records, 0);

      for (guint c = 0; c < header->n_fields; c++)
        {
          g_autofree char *name = normalise_header (header->fields[c]);

          for (int f = 0; f < TAKT_CSV_N_FIELDS; f++)
            {
              int rank;

              if (!field_applies (self->kind, (TaktCsvField) f))
                continue;
              rank = synonym_rank ((TaktCsvField) f, name);
              if (rank < 0)
                continue;
              any = TRUE;
              if (rank < best_rank[f])
                {
                  best_rank[f] = rank;
                  mapping->columns[f] = (int) c;
                }
              break;
            }
        }
    }

  mapping->has_header = any;
  if (!any)
    {
      static const TaktCsvField orders[] = {
        TAKT_CSV_FIELD_ID, TAKT_CSV_FIELD_PRODUCT, TAKT_CSV_FIELD_QUANTITY,
        TAKT_CSV_FIELD_DUE, TAKT_CSV_FIELD_CUSTOMER,
      };
      static const TaktCsvField forecast[] = {
        TAKT_CSV_FIELD_PRODUCT, TAKT_CSV_FIELD_DUE, TAKT_CSV_FIELD_QUANTITY,
      };
      const TaktCsvField *list = self->kind == TAKT_CSV_IMPORT_ORDERS ? orders : forecast;
      guint n = self->kind == TAKT_CSV_IMPORT_ORDERS ? G_N_ELEMENTS (orders) : G_N_ELEMENTS (forecast);

      for (guint c = 0; c < n && c < self->n_columns; c++)
        mapping->columns[list[c]] = (int) c;
    }

  mapping->date_format = takt_csv_import_detect_date_format (self, mapping, prefer_month_day,
                                                             &mapping->date_ambiguous);
}

/* ---- checking ---- */

static void
import_row_free (TaktCsvImportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_free (row->product);
  g_free (row->customer);
  g_free (row);
}

void
takt_csv_import_result_free (TaktCsvImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->unknown_products, g_ptr_array_unref);
  g_free (result);
}

/* 'text' for a message: control characters as spaces, cut after 40
 * characters. */
static char *
single_quote (const char *text)
{
  GString *out = g_string_new ("'");
  glong n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n++ == 40)
        {
          g_string_append (out, "…");
          break;
        }
      if (c < 0x20 || c == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  g_string_append_c (out, '\'');
  return g_string_free (out, FALSE);
}

typedef struct
{
  TaktCsvImportResult *result;
  guint                row;
  guint                n_problems;   /* of the current row */
  guint                n_total;      /* all problems, listed or not */
} Problems;

static void problem (Problems   *ps,
                     const char *format,
                     ...) G_GNUC_PRINTF (2, 3);

static void
problem (Problems   *ps,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  ps->n_problems++;
  ps->n_total++;
  if (ps->result->problems->len >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (ps->row > 0)
    g_ptr_array_add (ps->result->problems, g_strdup_printf ("row %u: %s", ps->row, message));
  else
    g_ptr_array_add (ps->result->problems, g_steal_pointer (&message));
}

/* A whole number of units; @text is trimmed. */
static void
read_quantity (Problems   *ps,
               const char *text,
               gint64     *out)
{
  g_autofree char *q = single_quote (text);
  const char *p = text;
  const char *digits;
  gsize n_digits;
  gint64 value = 0;

  if (*p == '\0')
    {
      problem (ps, "no quantity");
      return;
    }
  if (*p == '+')
    p++;
  digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  n_digits = p - digits;
  if (n_digits == 0)
    {
      if (*p == '-' && g_ascii_isdigit (p[1]))
        problem (ps, "quantity %s must be at least 1", q);
      else
        problem (ps, "quantity %s is not a number", q);
      return;
    }
  if (*p == '.' || *p == ',')
    {
      const char *frac = p + 1;
      gsize n_frac = 0;
      gboolean zeros = TRUE;

      while (g_ascii_isdigit (frac[n_frac]))
        {
          zeros = zeros && frac[n_frac] == '0';
          n_frac++;
        }
      if (n_frac == 3 && n_digits <= 3)
        {
          /* "1,000" or "1.000": a thousands separator, not decimals. */
          problem (ps, "quantity %s has a thousands separator; write whole units without one", q);
          return;
        }
      if (n_frac == 0 || frac[n_frac] != '\0')
        {
          problem (ps, "quantity %s is not a number", q);
          return;
        }
      if (!zeros)
        {
          problem (ps, "quantity %s is not a whole number", q);
          return;
        }
    }
  else if (*p != '\0')
    {
      problem (ps, "quantity %s is not a number", q);
      return;
    }
  while (*digits == '0' && n_digits > 1)
    {
      digits++;
      n_digits--;
    }
  if (n_digits > 10)
    {
      problem (ps, "quantity %s is more than 1,000,000,000", q);
      return;
    }
  for (gsize i = 0; i < n_digits; i++)
    value = value * 10 + (digits[i] - '0');
  if (value < 1)
    problem (ps, "quantity %s must be at least 1", q);
  else if (value > TAKT_PLAN_MAX_QUANTITY)
    problem (ps, "quantity %s is more than 1,000,000,000", q);
  else
    *out = value;
}

static char *
forecast_key (gint64      date,
              const char *product)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", date, product);
}

typedef struct
{
  const TaktPlan *plan;
  GHashTable     *by_id;        /* id → index + 1 */
  GHashTable     *by_folded_id; /* casefolded id → index + 1, 0 when ambiguous */
  GHashTable     *by_name;      /* casefolded name → index + 1, 0 when ambiguous */
} ProductIndex;

static void
product_index_init (ProductIndex   *pi,
                    const TaktPlan *plan)
{
  pi->plan = plan;
  pi->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  pi->by_folded_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pi->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < plan->products->len; i++)
    {
      const TaktProduct *p = g_ptr_array_index (plan->products, i);
      GHashTable *tables[2] = { pi->by_folded_id, pi->by_name };
      const char *keys[2] = { p->id, p->name };

      if (p->id == NULL)
        continue;
      if (!g_hash_table_contains (pi->by_id, p->id))
        g_hash_table_insert (pi->by_id, p->id, GUINT_TO_POINTER (i + 1));
      for (int t = 0; t < 2; t++)
        {
          char *folded;

          if (keys[t] == NULL || keys[t][0] == '\0')
            continue;
          folded = g_utf8_casefold (keys[t], -1);
          if (g_hash_table_contains (tables[t], folded))
            g_hash_table_insert (tables[t], folded, GUINT_TO_POINTER (0));
          else
            g_hash_table_insert (tables[t], folded, GUINT_TO_POINTER (i + 1));
        }
    }
}

static void
product_index_clear (ProductIndex *pi)
{
  g_clear_pointer (&pi->by_id, g_hash_table_unref);
  g_clear_pointer (&pi->by_folded_id, g_hash_table_unref);
  g_clear_pointer (&pi->by_name, g_hash_table_unref);
}

/* The plan's product id for @text, or NULL. */
static const char *
product_index_find (ProductIndex *pi,
                    const char   *text)
{
  g_autofree char *folded = NULL;
  guint i;

  i = GPOINTER_TO_UINT (g_hash_table_lookup (pi->by_id, text));
  if (i == 0)
    {
      folded = g_utf8_casefold (text, -1);
      i = GPOINTER_TO_UINT (g_hash_table_lookup (pi->by_folded_id, folded));
      if (i == 0)
        i = GPOINTER_TO_UINT (g_hash_table_lookup (pi->by_name, folded));
    }
  if (i == 0)
    return NULL;
  return ((const TaktProduct *) g_ptr_array_index (pi->plan->products, i - 1))->id;
}

/* The limit as the row problem writes it. */
G_STATIC_ASSERT (TAKT_PLAN_MAX_UNITS == 10000000);

static const char * const field_names[TAKT_CSV_N_FIELDS] = {
  "order id", "product", "quantity", "due date", "customer",
};

TaktCsvImportResult *
takt_csv_import_check (TaktCsvImport        *self,
                       const TaktCsvMapping *mapping,
                       const TaktPlan       *plan)
{
  g_autoptr(GHashTable) ids = NULL;       /* order id → row (0: the plan) */
  g_autoptr(GHashTable) days = NULL;      /* forecast key → row (0: the plan) */
  g_autoptr(GHashTable) unknown = NULL;
  TaktCsvImportResult *result;
  ProductIndex products;
  Problems ps = { 0 };
  gboolean orders;
  gboolean missing = FALSE;
  gint64 units;   /* the plan's units with the rows taken so far */

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (mapping->date_format < TAKT_CSV_N_DATE_FORMATS, NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  orders = self->kind == TAKT_CSV_IMPORT_ORDERS;
  result = g_new0 (TaktCsvImportResult, 1);
  result->kind = self->kind;
  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);
  result->problems = g_ptr_array_new_with_free_func (g_free);
  result->unknown_products = g_ptr_array_new_with_free_func (g_free);
  ps.result = result;

  for (int f = 0; f < TAKT_CSV_N_FIELDS; f++)
    {
      if (f == TAKT_CSV_FIELD_CUSTOMER || !field_applies (self->kind, (TaktCsvField) f))
        continue;
      if (mapping->columns[f] < 0)
        {
          problem (&ps, "no column is chosen for the %s",
                   !orders && f == TAKT_CSV_FIELD_DUE ? "date" : field_names[f]);
          missing = TRUE;
        }
    }
  if (missing)
    return result;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  unknown = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *o = g_ptr_array_index (plan->orders, i);

      if (o->id != NULL)
        g_hash_table_replace (ids, g_strdup (o->id), GUINT_TO_POINTER (0));
    }
  for (guint i = 0; i < plan->forecast->len; i++)
    {
      const TaktForecast *fc = g_ptr_array_index (plan->forecast, i);

      if (fc->product != NULL)
        g_hash_table_replace (days, forecast_key (fc->date, fc->product), GUINT_TO_POINTER (0));
    }
  product_index_init (&products, plan);
  units = takt_plan_count_units (plan);

  for (guint i = mapping->has_header ? 1 : 0; i < self->table->records->len; i++)
    {
      const TaktCsvRecord *r = g_ptr_array_index (self->table->records, i);
      g_autofree char *id = NULL;
      g_autofree char *product_text = NULL;
      g_autofree char *quantity_text = NULL;
      g_autofree char *due_text = NULL;
      g_autofree char *customer = NULL;
      const char *product = NULL;
      gint64 quantity = 0;
      gint64 due = 0;
      gboolean blank = TRUE;

      for (guint c = 0; c < r->n_fields && blank; c++)
        blank = is_blank (r->fields[c]);
      if (blank)
        continue;
      result->n_rows++;
      ps.row = r->line;
      ps.n_problems = 0;

      product_text = g_strstrip (g_strdup (cell (r, mapping->columns[TAKT_CSV_FIELD_PRODUCT])));
      quantity_text = g_strstrip (g_strdup (cell (r, mapping->columns[TAKT_CSV_FIELD_QUANTITY])));
      due_text = g_strstrip (g_strdup (cell (r, mapping->columns[TAKT_CSV_FIELD_DUE])));

      if (orders)
        {
          gpointer earlier;

          id = g_strstrip (g_strdup (cell (r, mapping->columns[TAKT_CSV_FIELD_ID])));
          customer = g_strstrip (g_strdup (cell (r, mapping->columns[TAKT_CSV_FIELD_CUSTOMER])));
          if (id[0] == '\0')
            problem (&ps, "no order id");
          else if (g_str_has_prefix (id, "forecast:") || g_str_has_prefix (id, "campaign:"))
            {
              g_autofree char *q = takt_quote (id);

              problem (&ps, "order id %s must not start with \"forecast:\" or \"campaign:\"", q);
            }
          else if (g_hash_table_lookup_extended (ids, id, NULL, &earlier))
            {
              g_autofree char *q = takt_quote (id);

              if (GPOINTER_TO_UINT (earlier) == 0)
                problem (&ps, "order %s is already in the plan", q);
              else
                problem (&ps, "order %s repeats row %u", q, GPOINTER_TO_UINT (earlier));
            }
          else
            g_hash_table_insert (ids, g_strdup (id), GUINT_TO_POINTER (r->line));
        }

      if (product_text[0] == '\0')
        problem (&ps, "no product");
      else
        {
          product = product_index_find (&products, product_text);
          if (product == NULL)
            {
              if (!g_hash_table_contains (unknown, product_text))
                {
                  char *copy = g_strdup (product_text);

                  g_ptr_array_add (result->unknown_products, copy);
                  g_hash_table_add (unknown, copy);
                  /* A product the caller creates runs at least one unit
                   * (takt_product_new()'s min_run). */
                  if (mapping->create_products)
                    units++;
                }
              if (mapping->create_products)
                product = product_text;
              else
                {
                  g_autofree char *q = takt_quote (product_text);

                  problem (&ps, "no product %s", q);
                }
            }
        }

      read_quantity (&ps, quantity_text, &quantity);

      if (due_text[0] == '\0')
        problem (&ps, orders ? "no due date" : "no date");
      else
        {
          gboolean has_time = FALSE;
          g_autofree char *q = single_quote (due_text);

          if (!takt_csv_parse_date (due_text, mapping->date_format, &due, &has_time))
            problem (&ps, "%s %s is not a date in the form %s", orders ? "due date" : "date", q,
                     takt_csv_date_format_to_string (mapping->date_format));
          else if (orders && !has_time)
            due += TAKT_DAY_S;
          else if (!orders && takt_day_start (due) != due)
            problem (&ps, "date %s has a time of day; forecast is per day", q);
          else if (!orders && product != NULL)
            {
              g_autofree char *key = forecast_key (due, product);
              gpointer earlier;

              if (g_hash_table_lookup_extended (days, key, NULL, &earlier))
                {
                  g_autofree char *pq = takt_quote (product);
                  g_autofree char *date = takt_format_date (due);

                  if (GPOINTER_TO_UINT (earlier) == 0)
                    problem (&ps, "the plan already has a forecast for %s on %s", pq, date);
                  else
                    problem (&ps, "a forecast for %s on %s repeats row %u", pq, date,
                             GPOINTER_TO_UINT (earlier));
                }
              else
                g_hash_table_insert (days, g_steal_pointer (&key), GUINT_TO_POINTER (r->line));
            }
        }

      /* The rows taken must leave the plan within its limit of units. */
      if (ps.n_problems == 0 && quantity > TAKT_PLAN_MAX_UNITS - units)
        problem (&ps, "quantity %s would bring the plan over its limit of 10,000,000 units in all",
                 quantity_text);
      else if (ps.n_problems == 0)
        units += quantity;

      if (ps.n_problems > 0)
        {
          result->n_bad_rows++;
          continue;
        }

      {
        TaktCsvImportRow *row = g_new0 (TaktCsvImportRow, 1);

        row->row = r->line;
        row->id = g_steal_pointer (&id);
        row->product = g_strdup (product);
        row->quantity = quantity;
        row->due = due;
        if (customer != NULL && customer[0] != '\0')
          row->customer = g_steal_pointer (&customer);
        g_ptr_array_add (result->rows, row);
      }
    }
  product_index_clear (&products);

  if (ps.n_total > result->problems->len)
    g_ptr_array_add (result->problems,
                     g_strdup_printf ("… and %u more problems", ps.n_total - result->problems->len));
  return result;
}

/* ---- applying ---- */

guint
takt_csv_import_apply (const TaktCsvImportResult *result,
                       TaktPlan                  *plan,
                       guint                     *skipped)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) days = NULL;
  guint added = 0;
  guint n_skipped = 0;

  g_return_val_if_fail (result != NULL, 0);
  g_return_val_if_fail (plan != NULL, 0);

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < plan->orders->len; i++)
    {
      TaktOrder *o = g_ptr_array_index (plan->orders, i);

      if (o->id != NULL)
        g_hash_table_add (ids, o->id);
    }
  for (guint i = 0; i < plan->forecast->len; i++)
    {
      TaktForecast *fc = g_ptr_array_index (plan->forecast, i);

      if (fc->product != NULL)
        g_hash_table_add (days, forecast_key (fc->date, fc->product));
    }

  for (guint i = 0; i < result->rows->len; i++)
    {
      const TaktCsvImportRow *row = g_ptr_array_index (result->rows, i);
      int p = takt_plan_find_product (plan, row->product);

      if (p < 0)
        {
          n_skipped++;
          continue;
        }
      if (result->kind == TAKT_CSV_IMPORT_ORDERS)
        {
          TaktOrder *o;

          if (row->id == NULL || g_hash_table_contains (ids, row->id))
            {
              n_skipped++;
              continue;
            }
          o = takt_order_new ();
          o->id = g_strdup (row->id);
          o->product = g_strdup (row->product);
          o->product_index = p;
          o->quantity = row->quantity;
          o->due = row->due;
          o->customer = g_strdup (row->customer);
          g_ptr_array_add (plan->orders, o);
          g_hash_table_add (ids, o->id);
        }
      else
        {
          char *key = forecast_key (row->due, row->product);
          TaktForecast *fc;

          if (g_hash_table_contains (days, key))
            {
              g_free (key);
              n_skipped++;
              continue;
            }
          g_hash_table_add (days, key);
          fc = takt_forecast_new ();
          fc->product = g_strdup (row->product);
          fc->product_index = p;
          fc->date = row->due;
          fc->quantity = row->quantity;
          g_ptr_array_add (plan->forecast, fc);
        }
      added++;
    }

  if (skipped != NULL)
    *skipped = n_skipped;
  return added;
}
