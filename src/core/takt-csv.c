/* takt-csv.c — RFC 4180 text: a writer that neutralises formulas, a strict reader
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-csv"

#include "takt-csv.h"

#include <math.h>
#include <string.h>

#define BOM "\xEF\xBB\xBF"

G_DEFINE_QUARK (takt-csv-error-quark, takt_csv_error)

/* ---- writing ---- */

void
takt_csv_writer_init (TaktCsvWriter *writer,
                      GString       *out,
                      char           delimiter,
                      gboolean       bom)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (delimiter == ',' || delimiter == ';');

  writer->out = out;
  writer->delimiter = delimiter;
  writer->n_fields = 0;
  if (bom)
    g_string_append (out, BOM);
  writer->record_start = out->len;
}

gboolean
takt_csv_needs_neutralising (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  switch (text[0])
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

static void
begin_field (TaktCsvWriter *writer)
{
  if (writer->n_fields > 0)
    g_string_append_c (writer->out, writer->delimiter);
  writer->n_fields++;
}

void
takt_csv_writer_add_text (TaktCsvWriter *writer,
                          const char    *text)
{
  g_autofree char *valid = NULL;
  gboolean neutralise;
  gboolean quote;

  g_return_if_fail (writer != NULL);

  begin_field (writer);
  if (text == NULL || text[0] == '\0')
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  neutralise = takt_csv_needs_neutralising (text);
  /* A cell that starts with U+FEFF is quoted, so that a reader never takes
   * it for the byte order mark of the file. */
  quote = neutralise || g_str_has_prefix (text, "\xef\xbb\xbf");
  for (const char *p = text; *p != '\0' && !quote; p++)
    quote = *p == writer->delimiter || *p == '"' || *p == '\r' || *p == '\n';

  if (!quote)
    {
      g_string_append (writer->out, text);
      return;
    }
  g_string_append_c (writer->out, '"');
  if (neutralise)
    g_string_append_c (writer->out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (writer->out, '"');
      g_string_append_c (writer->out, *p);
    }
  g_string_append_c (writer->out, '"');
}

void
takt_csv_writer_add_empty (TaktCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);

  begin_field (writer);
}

void
takt_csv_writer_add_int (TaktCsvWriter *writer,
                         gint64         value)
{
  g_return_if_fail (writer != NULL);

  begin_field (writer);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

void
takt_csv_writer_add_double (TaktCsvWriter *writer,
                            double         value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (writer != NULL);

  begin_field (writer);
  if (!isfinite (value))
    return;
  if (value == 0)
    {
      g_string_append_c (writer->out, '0');
      return;
    }
  /* %g drops trailing zeros; the first precision that reads back exactly
   * is the shortest text for the value. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.16g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  g_string_append (writer->out, buf);
}

void
takt_csv_writer_add_fixed (TaktCsvWriter *writer,
                           double         value,
                           int            decimals)
{
  char format[16];
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 64];
  gsize len;

  g_return_if_fail (writer != NULL);
  g_return_if_fail (decimals >= 0 && decimals <= 12);

  begin_field (writer);
  if (!isfinite (value))
    return;
  if (fabs (value) >= 1e15)
    {
      /* Beyond the digits %f can show usefully. */
      g_ascii_formatd (buf, sizeof buf, "%.17g", value);
      g_string_append (writer->out, buf);
      return;
    }
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  len = strlen (buf);
  if (strchr (buf, '.') != NULL)
    {
      while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
      if (len > 0 && buf[len - 1] == '.')
        buf[--len] = '\0';
    }
  if (strcmp (buf, "-0") == 0)
    g_string_append_c (writer->out, '0');
  else
    g_string_append (writer->out, buf);
}

void
takt_csv_writer_end_record (TaktCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);

  /* A record of one empty field would be a blank line, which readers
   * skip: write it as "". */
  if (writer->n_fields <= 1 && writer->out->len == writer->record_start)
    g_string_append (writer->out, "\"\"");
  g_string_append (writer->out, "\r\n");
  writer->n_fields = 0;
  writer->record_start = writer->out->len;
}

/* ---- reading ---- */

void
takt_csv_record_free (TaktCsvRecord *record)
{
  /* The record, its field pointers and their text are one block. */
  g_free (record);
}

void
takt_csv_table_free (TaktCsvTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->records, g_ptr_array_unref);
  g_free (table);
}

char
takt_csv_detect_delimiter (const char *data,
                           gsize       length)
{
  gsize commas = 0;
  gsize semicolons = 0;
  gboolean quoted = FALSE;
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, ',');

  if (length >= 3 && memcmp (data, BOM, 3) == 0)
    i = 3;
  for (; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\r' || c == '\n')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

/* The line (1-based) of byte @offset: CRLF, LF and a lone CR each end one. */
static guint
line_of (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n'))
        line++;
    }
  return line;
}

static gboolean
cell_too_long (GString  *field,
               guint     line,
               GError  **error)
{
  if (field->len <= TAKT_CSV_MAX_CELL)
    return FALSE;
  g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE,
               "line %u: a field longer than 64 KiB (the limit)", line);
  return TRUE;
}

TaktCsvTable *
takt_csv_read (const char        *data,
               gsize              length,
               char               delimiter,
               TaktCsvReadFlags   flags,
               GError           **error)
{
  g_autoptr(TaktCsvTable) table = NULL;
  g_autoptr(GString) field = NULL;
  g_autoptr(GString) text = NULL;       /* the record's fields, each ending in NUL */
  g_autoptr(GArray) starts = NULL;      /* of gsize: where each field starts in @text */
  gboolean strict = (flags & TAKT_CSV_READ_STRICT) != 0;
  const char *p;
  const char *end;
  const char *bad;
  guint line = 1;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > TAKT_CSV_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE,
                   "the file holds %s (%" G_GSIZE_FORMAT " bytes); files over 256 MiB are refused",
                   size, length);
      return NULL;
    }

  table = g_new0 (TaktCsvTable, 1);
  table->records = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_csv_record_free);
  p = data != NULL ? data : "";
  end = p + length;
  if (length >= 3 && memcmp (p, BOM, 3) == 0)
    {
      table->had_bom = TRUE;
      p += 3;
    }

  bad = memchr (p, '\0', end - p);
  if (bad != NULL)
    {
      g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_ENCODING,
                   "line %u: a NUL byte; this is not a text file", line_of (p, bad - p));
      return NULL;
    }
  if (!g_utf8_validate_len (p, end - p, &bad))
    {
      g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_ENCODING,
                   "line %u: not UTF-8 text", line_of (p, bad - p));
      return NULL;
    }

  table->delimiter = delimiter != 0 ? delimiter : takt_csv_detect_delimiter (p, end - p);
  delimiter = table->delimiter;
  field = g_string_sized_new (64);
  text = g_string_sized_new (256);
  starts = g_array_new (FALSE, FALSE, sizeof (gsize));

  while (p < end)
    {
      guint record_line = line;
      gboolean any_quoted = FALSE;
      gboolean record_done = FALSE;

      g_string_truncate (text, 0);
      g_array_set_size (starts, 0);
      while (!record_done)
        {
          g_string_truncate (field, 0);
          if (p < end && *p == '"')
            {
              guint field_line = line;

              any_quoted = TRUE;
              p++;
              for (;;)
                {
                  const char *run = p;

                  /* Copy up to the next quote or line break in one go. */
                  while (p < end && *p != '"' && *p != '\n' && *p != '\r')
                    p++;
                  g_string_append_len (field, run, p - run);
                  if (p >= end)
                    {
                      g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_SYNTAX,
                                   "line %u: a quoted field starts here and never ends",
                                   field_line);
                      return NULL;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  /* A line break inside the field is kept as it is. */
                  if (*p == '\n' || p + 1 >= end || p[1] != '\n')
                    line++;
                  g_string_append_c (field, *p);
                  p++;
                  if (cell_too_long (field, field_line, error))
                    return NULL;
                }
              if (cell_too_long (field, field_line, error))
                return NULL;
              if (p < end && *p != delimiter && *p != '\r' && *p != '\n')
                {
                  g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_SYNTAX,
                               "line %u: text after the closing quote of a field", line);
                  return NULL;
                }
            }
          else
            {
              const char *run = p;

              while (p < end && *p != delimiter && *p != '\r' && *p != '\n' && *p != '"')
                p++;
              if (p < end && *p == '"')
                {
                  g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_SYNTAX,
                               "line %u: a quote inside a field that does not start with one",
                               line);
                  return NULL;
                }
              g_string_append_len (field, run, p - run);
              if (cell_too_long (field, line, error))
                return NULL;
            }
          g_array_append_val (starts, text->len);
          g_string_append_len (text, field->str, field->len);
          g_string_append_c (text, '\0');

          if (p >= end)
            record_done = TRUE;
          else if (*p == delimiter)
            p++;
          else if (*p == '\r' && p + 1 < end && p[1] == '\n')
            {
              p += 2;
              line++;
              record_done = TRUE;
            }
          else
            {
              if (strict)
                {
                  g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_SYNTAX,
                               "line %u: the record ends in a bare %s, not CRLF",
                               line, *p == '\r' ? "CR" : "LF");
                  return NULL;
                }
              p++;
              line++;
              record_done = TRUE;
            }
        }

      if (starts->len == 1 && !any_quoted && text->str[0] == '\0')
        {
          if (strict)
            {
              g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_SYNTAX,
                           "line %u: a blank line", record_line);
              return NULL;
            }
          continue;
        }

      if (table->records->len > TAKT_CSV_MAX_ROWS)
        {
          g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE,
                       "line %u: more than 1,000,000 rows (the limit)", record_line);
          return NULL;
        }
      if (strict && table->records->len > 0)
        {
          const TaktCsvRecord *first = g_ptr_array_index (table->records, 0);

          if (starts->len != first->n_fields)
            {
              g_set_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_SYNTAX,
                           "line %u: %u fields where the first record has %u",
                           record_line, starts->len, first->n_fields);
              return NULL;
            }
        }

      {
        gsize head = sizeof (TaktCsvRecord) + (starts->len + 1) * sizeof (char *);
        TaktCsvRecord *record = g_malloc (head + text->len);
        char *copy = (char *) record + head;

        record->line = record_line;
        record->n_fields = starts->len;
        record->fields = (char **) (gpointer) (record + 1);
        memcpy (copy, text->str, text->len);
        for (guint k = 0; k < starts->len; k++)
          record->fields[k] = copy + g_array_index (starts, gsize, k);
        record->fields[starts->len] = NULL;
        g_ptr_array_add (table->records, record);
      }
    }

  return g_steal_pointer (&table);
}
