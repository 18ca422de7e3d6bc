/* takt-import-csv.h — orders and forecast from a CSV file
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps, as the import dialog takes them:
 *
 *  1. takt_csv_import_new_from_data() / _from_file() reads the file: UTF-8
 *     (a byte order mark is dropped) or, when it is not UTF-8,
 *     Windows-1252 (what Excel writes in western European locales); ','
 *     or ';' detected from the first line (takt-csv.h).  Files over
 *     256 MiB, more than 1,000,000 rows and cells over 64 KiB are refused
 *     with a clear message.  The records can be shown as a preview.
 *
 *  2. takt_csv_import_detect() proposes a TaktCsvMapping: which column holds
 *     which field, found from the header names (case, spaces, '_', '-',
 *     '.' and '#' ignored):
 *       id        id, order, order id, order no, order number, SO, sales order,
 *                 Auftrag, Auftragsnummer, Bestellung, Bestellnummer, …
 *       product   product, product id, SKU, item, article, Artikel,
 *                 Artikelnummer, Produkt, material
 *       quantity  quantity, qty, amount, units, Menge, Anzahl, Stück
 *       due       due, due date, date, delivery, delivery date, ship date,
 *                 Liefertermin, Lieferdatum, Termin, Datum, fällig
 *       customer  customer, client, customer name, Kunde, Kundenname
 *     (the first column that matches wins).  When no header cell matches,
 *     the file is taken to have no header and the columns are proposed in
 *     the order id, product, quantity, due, customer (forecast: product,
 *     date, quantity).  The date format is detected from the due column
 *     (takt_csv_import_detect_date_format()).  The caller may change any of it.
 *
 *  3. takt_csv_import_check() applies a mapping to every row against a plan
 *     and returns the valid rows, the problems ("row 17: quantity 'ten' is
 *     not a number") and the unknown products.  A row's number is the line
 *     of the file on which it starts (the header is row 1), as a text
 *     editor or a spreadsheet shows it when no cell holds a line break.
 *     Rows with any problem are not imported; blank rows are skipped.
 *
 *  4. takt_csv_import_apply() adds the valid rows to the plan.
 *
 * Dates.  Formats: ISO "YYYY-MM-DD" with an optional time "THH:MM" or
 * " HH:MM" (":SS" allowed); "dd.mm.yyyy [HH:MM]"; "dd/mm/yyyy [HH:MM]";
 * "mm/dd/yyyy [HH:MM]" (day and month may have one digit; the year has
 * four).  ISO dates are read in every format, since they are unambiguous.
 * Detection picks the format under which every non-empty due cell reads:
 * ISO, else dotted, else the slash orders; when both slash orders read
 * every cell (no day above 12), the choice is ambiguous: detection takes
 * the caller's preference (dd/mm unless it says otherwise) and says so in
 * TaktCsvMapping.date_ambiguous, so that the dialog can ask.  When no
 * format reads every cell, the one that reads most is taken and the rest
 * are reported per row.
 *
 * An order's due date without a time is due at the end of that day (the
 * next day at 00:00), as forecast and campaign days are.  A forecast date
 * must be a date (a time of 00:00 is accepted and dropped).
 *
 * Products are found by id, else by id ignoring case, else by name
 * ignoring case (when only one product has it).  An unknown product is a
 * problem of its row — "row 4: no product \"vaze\"" — unless the mapping
 * says that the caller creates the unknown products
 * (TaktCsvMapping.create_products); then the row is valid and the product's
 * text is listed in TaktCsvImportResult.unknown_products, in the order of
 * first use, for the caller to create before takt_csv_import_apply().
 *
 * Duplicates: an order id already in the plan, or used by an earlier row,
 * is a problem of the row; so is a forecast for a product and date that the
 * plan or an earlier row already has.
 *
 * Units: a row whose quantity would bring the plan (with the rows before
 * it, and one unit for each product the caller creates) over the limit of
 * 10,000,000 units in all (see docs/file-format.md, "Limits") is a problem
 * of the row, so that the imported plan still passes takt_plan_check().
 */

#pragma once

#include <glib.h>

#include "takt-plan.h"

G_BEGIN_DECLS

typedef enum
{
  TAKT_CSV_IMPORT_ORDERS,
  TAKT_CSV_IMPORT_FORECAST,
} TaktCsvImportKind;

typedef enum
{
  TAKT_CSV_FIELD_ID,           /* orders only */
  TAKT_CSV_FIELD_PRODUCT,
  TAKT_CSV_FIELD_QUANTITY,
  TAKT_CSV_FIELD_DUE,          /* forecast: the date */
  TAKT_CSV_FIELD_CUSTOMER,     /* orders only, optional */
  TAKT_CSV_N_FIELDS
} TaktCsvField;

typedef enum
{
  TAKT_CSV_DATE_ISO,           /* YYYY-MM-DD[THH:MM[:SS]] */
  TAKT_CSV_DATE_DOTTED,        /* dd.mm.yyyy [HH:MM[:SS]] */
  TAKT_CSV_DATE_DAY_MONTH,     /* dd/mm/yyyy [HH:MM[:SS]] */
  TAKT_CSV_DATE_MONTH_DAY,     /* mm/dd/yyyy [HH:MM[:SS]] */
  TAKT_CSV_N_DATE_FORMATS
} TaktCsvDateFormat;

typedef struct
{
  TaktCsvImportKind kind;
  gboolean          has_header;       /* the first record names the columns */
  int               columns[TAKT_CSV_N_FIELDS]; /* column index, -1: none */
  TaktCsvDateFormat date_format;
  gboolean          date_ambiguous;   /* detection: both slash orders read every date */
  gboolean          create_products;  /* unknown products are listed, not problems */
} TaktCsvMapping;

typedef struct
{
  guint  row;                         /* line of the file where the row starts */
  char  *id;                          /* orders; NULL for forecast */
  char  *product;                     /* the plan's product id, or the unknown text */
  gint64 quantity;
  gint64 due;                         /* orders: due instant; forecast: the date's midnight */
  char  *customer;                    /* may be NULL */
} TaktCsvImportRow;

typedef struct
{
  TaktCsvImportKind kind;
  guint      n_rows;                  /* data rows read (blank rows not counted) */
  GPtrArray *rows;                    /* of TaktCsvImportRow*: the valid ones */
  GPtrArray *problems;                /* of char*: "row N: …" (at most 10,000 listed) */
  guint      n_bad_rows;              /* rows with at least one problem */
  GPtrArray *unknown_products;        /* of char*, unique, in order of first use */
} TaktCsvImportResult;

typedef struct _TaktCsvImport TaktCsvImport;

TaktCsvImport *takt_csv_import_new_from_data   (const char           *data,
                                                gsize                 length,
                                                TaktCsvImportKind     kind,
                                                GError              **error);
/* As above, with @delimiter (',' or ';') in place of the detected one
 * (0 detects it), for a person who knows better than the first line. */
TaktCsvImport *takt_csv_import_new_from_data_full (const char        *data,
                                                   gsize              length,
                                                   TaktCsvImportKind  kind,
                                                   char               delimiter,
                                                   GError           **error);
/* Refuses files over 256 MiB before reading them. */
TaktCsvImport *takt_csv_import_new_from_file   (const char           *path,
                                                TaktCsvImportKind     kind,
                                                GError              **error);
void           takt_csv_import_free            (TaktCsvImport        *self);

TaktCsvImportKind takt_csv_import_get_kind     (TaktCsvImport        *self);
char           takt_csv_import_get_delimiter   (TaktCsvImport        *self);
/* "UTF-8" or "Windows-1252". */
const char    *takt_csv_import_get_encoding    (TaktCsvImport        *self);
/* The widest record's number of fields. */
guint          takt_csv_import_get_n_columns   (TaktCsvImport        *self);
/* Every record, the header included (for the preview). */
guint          takt_csv_import_get_n_records   (TaktCsvImport        *self);
/* The cells of record @i (NULL-terminated), and the line it starts on. */
const char * const *takt_csv_import_get_record (TaktCsvImport        *self,
                                                guint                 i,
                                                guint                *line);

/* Proposes a mapping (see above).  @prefer_month_day picks mm/dd/yyyy over
 * dd/mm/yyyy when both read every date. */
void           takt_csv_import_detect          (TaktCsvImport        *self,
                                                gboolean              prefer_month_day,
                                                TaktCsvMapping       *mapping);
/* The date format for the due column of @mapping (after the caller changed
 * it); sets @ambiguous when both slash orders read every date. */
TaktCsvDateFormat takt_csv_import_detect_date_format (TaktCsvImport        *self,
                                                      const TaktCsvMapping *mapping,
                                                      gboolean              prefer_month_day,
                                                      gboolean             *ambiguous);

/* Every row under @mapping, against @plan (checked, so that its products'
 * ids are known; it is not changed). */
TaktCsvImportResult *takt_csv_import_check     (TaktCsvImport        *self,
                                                const TaktCsvMapping *mapping,
                                                const TaktPlan       *plan);
void           takt_csv_import_result_free     (TaktCsvImportResult  *result);

/* Adds the valid rows of @result to @plan as orders or forecast, in file
 * order.  Rows whose product the plan still lacks, or whose order id (or
 * forecast product and date) the plan has by now, are skipped and counted
 * in @skipped.  Returns the number of rows added.  Run takt_plan_check()
 * afterwards. */
guint          takt_csv_import_apply           (const TaktCsvImportResult *result,
                                                TaktPlan                  *plan,
                                                guint                     *skipped);

/* Reads a date in @format (or ISO); @has_time tells whether a time of day
 * was given.  Exposed for the dialog's preview and for tests. */
gboolean       takt_csv_parse_date             (const char           *text,
                                                TaktCsvDateFormat     format,
                                                gint64               *instant,
                                                gboolean             *has_time);

const char    *takt_csv_date_format_to_string  (TaktCsvDateFormat     format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktCsvImport, takt_csv_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktCsvImportResult, takt_csv_import_result_free)

G_END_DECLS
