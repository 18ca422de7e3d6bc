/* fuzz-csv-import.c — any bytes through the CSV reader and the order/forecast import
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte of the input chooses how the rest is imported:
 *   bit 0      forecast instead of orders
 *   bit 1      prefer mm/dd/yyyy when the slash order is ambiguous
 *   bit 2      the caller creates unknown products
 *   bits 3–4   0: the detected date format, else format (n − 1)
 *   bit 5      flip the detected "has a header"
 *   bit 6      read with ';' instead of detecting the delimiter
 * The rest is the file.
 *
 * Properties, for every input:
 *  - the import either reads the file or refuses it with a TAKT_CSV_ERROR
 *    and a UTF-8 message;
 *  - every record the preview shows has at most get_n_columns() cells,
 *    each valid UTF-8, and a line number that grows with the records;
 *  - checking against a small plan gives no more valid and bad rows than
 *    data rows, a problem for each bad row, and the problems are UTF-8;
 *  - when the import is applied (after creating the unknown products the
 *    mapping asks for), the plan still passes takt_plan_check(), and it
 *    saves, reloads and saves to the same bytes;
 *  - every record written back with the CSV writer reads back with the
 *    same cells, except that a neutralised cell gains its leading "'".
 */

#define G_LOG_DOMAIN "fuzz-csv-import"

#include <string.h>

#include "takt-fuzz.h"
#include "takt-csv.h"
#include "takt-import-csv.h"
#include "takt-plan.h"

/* Products vase ("Spiral vase") and lamp; order SO-1; a forecast of lamps. */
static const char base_plan[] =
  "{\n"
  "  \"format\": \"takt-plan\",\n"
  "  \"version\": 1,\n"
  "  \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 31 },\n"
  "  \"stations\": [ { \"id\": \"print\", \"machines\": 2 } ],\n"
  "  \"products\": [\n"
  "    { \"id\": \"vase\", \"name\": \"Spiral vase\", \"routing\": [ { \"station\": \"print\", \"cycle_s\": 600 } ] },\n"
  "    { \"id\": \"lamp\", \"name\": \"Desk lamp\", \"routing\": [ { \"station\": \"print\", \"cycle_s\": 900 } ] }\n"
  "  ],\n"
  "  \"orders\": [ { \"id\": \"SO-1\", \"product\": \"vase\", \"quantity\": 1, \"due\": \"2026-12-03T12:00\" } ],\n"
  "  \"forecast\": [ { \"product\": \"lamp\", \"date\": \"2026-12-07\", \"quantity\": 2 } ]\n"
  "}\n";

static TaktPlan *
load_base_plan (void)
{
  g_autoptr(GError) error = NULL;
  TaktPlan *plan = takt_plan_load_from_data (base_plan, -1, "base.takt", &error);

  TAKT_FUZZ_CHECK_MSG (plan != NULL, "the base plan is refused: %s",
                       error != NULL ? error->message : "");
  return plan;
}

static void
check_writer_round_trip (const TaktCsvTable *table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktCsvTable) back = NULL;
  g_autoptr(GArray) written = g_array_new (FALSE, FALSE, sizeof (guint));
  TaktCsvWriter writer;

  takt_csv_writer_init (&writer, out, table->delimiter, FALSE);
  for (guint i = 0; i < table->records->len; i++)
    {
      const TaktCsvRecord *r = g_ptr_array_index (table->records, i);

      /* A record of one empty cell is a blank line, which the reader skips. */
      if (r->n_fields == 1 && r->fields[0][0] == '\0')
        continue;
      for (guint f = 0; f < r->n_fields; f++)
        takt_csv_writer_add_text (&writer, r->fields[f]);
      takt_csv_writer_end_record (&writer);
      g_array_append_val (written, i);
    }

  back = takt_csv_read (out->str, out->len, table->delimiter, TAKT_CSV_READ_DEFAULT, &error);
  TAKT_FUZZ_CHECK_MSG (back != NULL, "the writer's text does not read back: %s",
                       error != NULL ? error->message : "");
  TAKT_FUZZ_CHECK_MSG (back->records->len == written->len,
                       "%u records written, %u read back", written->len, back->records->len);
  for (guint i = 0; i < written->len; i++)
    {
      const TaktCsvRecord *r = g_ptr_array_index (table->records, g_array_index (written, guint, i));
      const TaktCsvRecord *b = g_ptr_array_index (back->records, i);

      TAKT_FUZZ_CHECK_MSG (r->n_fields == b->n_fields, "record %u: %u cells written, %u read",
                           i, r->n_fields, b->n_fields);
      for (guint f = 0; f < r->n_fields; f++)
        {
          const char *want = r->fields[f];
          const char *got = b->fields[f];

          if (takt_csv_needs_neutralising (want))
            {
              TAKT_FUZZ_CHECK_MSG (got[0] == '\'' && strcmp (got + 1, want) == 0,
                                   "record %u cell %u: \"%s\" came back as \"%s\"", i, f, want, got);
            }
          else
            TAKT_FUZZ_CHECK_MSG (strcmp (got, want) == 0,
                                 "record %u cell %u: \"%s\" came back as \"%s\"", i, f, want, got);
        }
    }
}

static void
check_read (const char *data,
            gsize       size,
            char        delimiter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktCsvTable) table = NULL;
  g_autoptr(TaktCsvTable) strict = NULL;
  guint last_line = 0;

  table = takt_csv_read (data, size, delimiter, TAKT_CSV_READ_DEFAULT, &error);
  if (table == NULL)
    {
      TAKT_FUZZ_CHECK (error != NULL && error->domain == TAKT_CSV_ERROR);
      TAKT_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  TAKT_FUZZ_CHECK (table->delimiter == ',' || table->delimiter == ';');
  for (guint i = 0; i < table->records->len; i++)
    {
      const TaktCsvRecord *r = g_ptr_array_index (table->records, i);

      TAKT_FUZZ_CHECK (r->n_fields >= 1 && r->fields[r->n_fields] == NULL);
      TAKT_FUZZ_CHECK_MSG (r->line > last_line, "record %u starts on line %u after line %u",
                           i, r->line, last_line);
      last_line = r->line;
      for (guint f = 0; f < r->n_fields; f++)
        {
          TAKT_FUZZ_CHECK (r->fields[f] != NULL);
          TAKT_FUZZ_CHECK (g_utf8_validate (r->fields[f], -1, NULL));
          TAKT_FUZZ_CHECK (strlen (r->fields[f]) <= TAKT_CSV_MAX_CELL);
        }
    }
  check_writer_round_trip (table);

  /* What strict reading accepts, default reading accepts the same way. */
  g_clear_error (&error);
  strict = takt_csv_read (data, size, table->delimiter, TAKT_CSV_READ_STRICT, &error);
  if (strict != NULL)
    {
      TAKT_FUZZ_CHECK (strict->records->len <= table->records->len);
      if (strict->records->len > 0)
        {
          const TaktCsvRecord *first = g_ptr_array_index (strict->records, 0);

          for (guint i = 1; i < strict->records->len; i++)
            TAKT_FUZZ_CHECK (((const TaktCsvRecord *) g_ptr_array_index (strict->records, i))->n_fields ==
                             first->n_fields);
        }
    }
}

static void
add_product (TaktPlan   *plan,
             const char *id)
{
  TaktProduct *p = takt_product_new ();
  TaktStep *step = takt_step_new ();

  p->id = g_strdup (id);
  step->station = g_strdup ("print");
  step->cycle_s = 60;
  g_ptr_array_add (p->routing, step);
  g_ptr_array_add (plan->products, p);
}

static void
check_import (const char *data,
              gsize       size,
              guint8      flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktCsvImport) import = NULL;
  g_autoptr(TaktCsvImportResult) result = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(TaktPlan) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  TaktCsvImportKind kind = (flags & 1) ? TAKT_CSV_IMPORT_FORECAST : TAKT_CSV_IMPORT_ORDERS;
  TaktCsvMapping mapping;
  guint n_records, n_columns, last_line = 0, skipped = 0, added;
  guint orders_before, forecast_before;
  gsize len = 0, len2 = 0;
  int date_choice = (flags >> 3) & 3;

  import = takt_csv_import_new_from_data (data, size, kind, &error);
  if (import == NULL)
    {
      TAKT_FUZZ_CHECK (error != NULL && error->domain == TAKT_CSV_ERROR);
      TAKT_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  TAKT_FUZZ_CHECK (takt_csv_import_get_kind (import) == kind);
  TAKT_FUZZ_CHECK (takt_csv_import_get_delimiter (import) == ',' ||
                   takt_csv_import_get_delimiter (import) == ';');
  TAKT_FUZZ_CHECK (takt_csv_import_get_encoding (import) != NULL);

  n_records = takt_csv_import_get_n_records (import);
  n_columns = takt_csv_import_get_n_columns (import);
  for (guint i = 0; i < n_records; i++)
    {
      guint line = 0;
      const char * const *cells = takt_csv_import_get_record (import, i, &line);
      guint n = 0;

      TAKT_FUZZ_CHECK (cells != NULL);
      while (cells[n] != NULL)
        {
          TAKT_FUZZ_CHECK (g_utf8_validate (cells[n], -1, NULL));
          n++;
        }
      TAKT_FUZZ_CHECK_MSG (n >= 1 && n <= n_columns, "record %u has %u cells of %u", i, n, n_columns);
      TAKT_FUZZ_CHECK (line > last_line);
      last_line = line;
    }

  takt_csv_import_detect (import, (flags & 2) != 0, &mapping);
  TAKT_FUZZ_CHECK (mapping.kind == kind);
  TAKT_FUZZ_CHECK (mapping.date_format < TAKT_CSV_N_DATE_FORMATS);
  for (int f = 0; f < TAKT_CSV_N_FIELDS; f++)
    TAKT_FUZZ_CHECK (mapping.columns[f] >= -1 && mapping.columns[f] < (int) MAX (n_columns, 1));
  if (date_choice > 0)
    mapping.date_format = (TaktCsvDateFormat) (date_choice - 1);
  if (flags & 32)
    mapping.has_header = !mapping.has_header;
  mapping.create_products = (flags & 4) != 0;

  plan = load_base_plan ();
  orders_before = plan->orders->len;
  forecast_before = plan->forecast->len;

  result = takt_csv_import_check (import, &mapping, plan);
  TAKT_FUZZ_CHECK (result != NULL);
  TAKT_FUZZ_CHECK (result->kind == kind);
  TAKT_FUZZ_CHECK_MSG (result->rows->len + result->n_bad_rows <= result->n_rows,
                       "%u valid and %u bad rows of %u", result->rows->len, result->n_bad_rows,
                       result->n_rows);
  TAKT_FUZZ_CHECK (result->n_bad_rows == 0 || result->problems->len > 0);
  for (guint i = 0; i < result->problems->len; i++)
    TAKT_FUZZ_CHECK (g_utf8_validate (g_ptr_array_index (result->problems, i), -1, NULL));
  for (guint i = 0; i < result->rows->len; i++)
    {
      const TaktCsvImportRow *row = g_ptr_array_index (result->rows, i);

      TAKT_FUZZ_CHECK (row->product != NULL);
      TAKT_FUZZ_CHECK (row->quantity >= 1);
      TAKT_FUZZ_CHECK ((row->id != NULL) == (kind == TAKT_CSV_IMPORT_ORDERS));
    }
  if (!mapping.create_products)
    g_ptr_array_set_size (result->unknown_products, 0);

  for (guint i = 0; i < result->unknown_products->len; i++)
    add_product (plan, g_ptr_array_index (result->unknown_products, i));
  problems = takt_plan_check (plan);
  if (problems->len > 0)
    {
      /* An unknown product's text that is no valid id (empty, say) is the
       * caller's business; nothing to import then. */
      return;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);

  added = takt_csv_import_apply (result, plan, &skipped);
  TAKT_FUZZ_CHECK (added + skipped == result->rows->len);
  TAKT_FUZZ_CHECK (plan->orders->len + plan->forecast->len == orders_before + forecast_before + added);

  problems = takt_plan_check (plan);
  TAKT_FUZZ_CHECK_MSG (problems->len == 0, "the plan after the import fails the check: %s",
                       problems->len > 0 ? (const char *) g_ptr_array_index (problems, 0) : "");

  text = takt_plan_to_data (plan, &len);
  reloaded = takt_plan_load_from_data (text, (gssize) len, "imported.takt", &error);
  TAKT_FUZZ_CHECK_MSG (reloaded != NULL, "the plan after the import does not reload: %s",
                       error != NULL ? error->message : "");
  text2 = takt_plan_to_data (reloaded, &len2);
  TAKT_FUZZ_CHECK (len == len2 && memcmp (text, text2, len) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  guint8 flags;

  takt_fuzz_init_logging ();

  if (size < 1)
    return 0;
  flags = data[0];
  data++;
  size--;

  /* The reader is given the text as it is, UTF-8 or not. */
  check_read ((const char *) data, size, (flags & 64) ? ';' : 0);
  check_import ((const char *) data, size, flags);
  return 0;
}
