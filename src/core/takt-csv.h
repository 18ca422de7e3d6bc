/* takt-csv.h — RFC 4180 text: a writer that neutralises formulas, a strict reader
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing.  Records end in CRLF; a field is quoted when it holds the
 * delimiter, a quote, CR or LF (quotes inside are doubled); text is UTF-8
 * (invalid sequences are replaced), optionally after a byte order mark.
 * Text cells that a spreadsheet would run as a formula — those starting
 * with '=', '+', '-', '@', a tab or a carriage return — get a leading
 * apostrophe and are quoted (OWASP's advice against CSV injection), so
 * "=SUM(A1)" is written as "'=SUM(A1)".  Numbers go through their own
 * functions, which never neutralise: -3.5 stays -3.5.  Decimals always use
 * '.', whatever the delimiter.
 *
 * Reading.  takt_csv_read() reads RFC 4180 with quoted fields that hold
 * delimiters, doubled quotes and line breaks; it strips a UTF-8 byte order
 * mark, refuses text that is not UTF-8 or holds NUL bytes, and gives each
 * record the line on which it starts (1-based).  The delimiter (',' or ';')
 * can be detected from the first line: whichever occurs more often outside
 * quotes, ',' on a tie.  Without TAKT_CSV_READ_STRICT, records may end in
 * CRLF, LF or CR, blank lines are skipped and records may have different
 * numbers of fields; with it, records must end in CRLF (the last one may
 * end without), every record must have as many fields as the first, and a
 * blank line is an error.  Either way a quote inside an unquoted field,
 * text after a closing quote and a quoted field that never ends are errors.
 *
 * Limits (issue "Hardening"): data over 256 MiB, more than 1,000,000 rows
 * after the first record, and fields over 64 KiB are refused with a clear
 * message (TAKT_CSV_ERROR_TOO_LARGE).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TAKT_CSV_MAX_BYTES ((gsize) 256 * 1024 * 1024)
#define TAKT_CSV_MAX_ROWS  1000000
#define TAKT_CSV_MAX_CELL  65536

#define TAKT_CSV_ERROR (takt_csv_error_quark ())

typedef enum
{
  TAKT_CSV_ERROR_SYNTAX,     /* broken quoting, line ends or field counts */
  TAKT_CSV_ERROR_ENCODING,   /* not UTF-8, or a NUL byte */
  TAKT_CSV_ERROR_TOO_LARGE,  /* beyond the limits above */
} TaktCsvError;

GQuark        takt_csv_error_quark          (void);

/* ---- writing ---- */

typedef struct
{
  GString *out;
  char     delimiter;
  guint    n_fields;    /* fields written in the current record */
  gsize    record_start;
} TaktCsvWriter;

/* Appends to @out; writes a byte order mark first when @bom.  @delimiter is
 * ',' or ';'. */
void          takt_csv_writer_init          (TaktCsvWriter *writer,
                                             GString       *out,
                                             char           delimiter,
                                             gboolean       bom);
/* A text cell (NULL is an empty cell), neutralised as described above. */
void          takt_csv_writer_add_text      (TaktCsvWriter *writer,
                                             const char    *text);
void          takt_csv_writer_add_empty     (TaktCsvWriter *writer);
void          takt_csv_writer_add_int       (TaktCsvWriter *writer,
                                             gint64         value);
/* The shortest decimal text that reads back as exactly @value ("0.1",
 * "1234.5", "1e-20"); an empty cell for NaN and infinities. */
void          takt_csv_writer_add_double    (TaktCsvWriter *writer,
                                             double         value);
/* @value rounded to @decimals places, without trailing zeros ("2.5", "-3"). */
void          takt_csv_writer_add_fixed     (TaktCsvWriter *writer,
                                             double         value,
                                             int            decimals);
void          takt_csv_writer_end_record    (TaktCsvWriter *writer);

/* Whether takt_csv_writer_add_text() prefixes @text with an apostrophe. */
gboolean      takt_csv_needs_neutralising   (const char    *text);

/* ---- reading ---- */

typedef enum
{
  TAKT_CSV_READ_DEFAULT = 0,
  TAKT_CSV_READ_STRICT  = 1 << 0,
} TaktCsvReadFlags;

typedef struct
{
  guint   line;         /* where the record starts, 1-based */
  guint   n_fields;     /* >= 1 */
  char  **fields;       /* n_fields strings, then NULL; in the record's block */
} TaktCsvRecord;

typedef struct
{
  char       delimiter;
  gboolean   had_bom;
  GPtrArray *records;   /* of TaktCsvRecord* */
} TaktCsvTable;

/* ',' or ';' by counting both on the first line, outside quotes. */
char          takt_csv_detect_delimiter     (const char    *data,
                                             gsize          length);

/* Reads @data.  @delimiter 0 detects it.  Errors name the line:
 * "line 7: text after the closing quote of a field". */
TaktCsvTable *takt_csv_read                 (const char    *data,
                                             gsize          length,
                                             char           delimiter,
                                             TaktCsvReadFlags flags,
                                             GError       **error);
void          takt_csv_table_free           (TaktCsvTable  *table);
void          takt_csv_record_free          (TaktCsvRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktCsvTable, takt_csv_table_free)

G_END_DECLS
