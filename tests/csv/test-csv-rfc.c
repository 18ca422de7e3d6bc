/* test-csv-rfc.c — the RFC 4180 writer and the strict reader
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv-rfc"

#include <math.h>
#include <string.h>

#include "takt-csv.h"

/* Text a spreadsheet or a naive parser would trip over. */
static const char * const hostile[] = {
  "plain",
  "",
  "comma, inside",
  "semi; colon",
  "\"quoted\"",
  "a \"quote\" in the middle",
  "\"",
  "\"\"",
  "line\nbreak",
  "crlf\r\nbreak",
  "lone\rcr",
  "trailing newline\n",
  "Ünïcödé — 漢字 🙂",
  "=SUM(A1:A9)",
  "=HYPERLINK(\"http://evil.example\",\"click\")",
  "+1+2",
  "-2+3",
  "@SUM(1)",
  "\tTab first",
  "\rCR first",
  "'already quoted",
  " =not first",
  "x=1",
  "-",
  "=",
  NULL
};

static char *
expected_text (const char *text)
{
  if (takt_csv_needs_neutralising (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static void
round_trip (char     delimiter,
            gboolean bom)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(TaktCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  TaktCsvWriter w;
  guint n = g_strv_length ((char **) hostile);
  static const double numbers[] = { 0, -0.0, 0.1, -3.5, 1e-20, 123456789.123, 2.0 / 3.0, -1e300 };

  takt_csv_writer_init (&w, out, delimiter, bom);
  /* Record 1: every hostile text; records 2…: one per text, each next to
   * a number, so that the text is also a whole record's first field. */
  for (guint i = 0; i < n; i++)
    takt_csv_writer_add_text (&w, hostile[i]);
  takt_csv_writer_end_record (&w);
  for (guint i = 0; i < n; i++)
    {
      takt_csv_writer_add_text (&w, hostile[i]);
      for (guint k = 1; k < n; k++)
        {
          if (k - 1 < G_N_ELEMENTS (numbers))
            takt_csv_writer_add_double (&w, numbers[k - 1]);
          else if (k == G_N_ELEMENTS (numbers) + 1)
            takt_csv_writer_add_int (&w, -(gint64) i - 5);
          else
            takt_csv_writer_add_fixed (&w, -1.23456789 * i, 4);
        }
      takt_csv_writer_end_record (&w);
    }

  g_assert_cmpint (g_str_has_prefix (out->str, "\xEF\xBB\xBF"), ==, bom);
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));

  table = takt_csv_read (out->str, out->len, 0, TAKT_CSV_READ_STRICT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpint (table->delimiter, ==, delimiter);
  g_assert_cmpint (table->had_bom, ==, bom);
  g_assert_cmpuint (table->records->len, ==, n + 1);

  {
    const TaktCsvRecord *first = g_ptr_array_index (table->records, 0);

    g_assert_cmpuint (first->line, ==, 1);
    g_assert_cmpuint (first->n_fields, ==, n);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *want = expected_text (hostile[i]);

        g_assert_cmpstr (first->fields[i], ==, want);
      }
  }
  for (guint i = 0; i < n; i++)
    {
      const TaktCsvRecord *r = g_ptr_array_index (table->records, i + 1);
      g_autofree char *want = expected_text (hostile[i]);

      g_assert_cmpuint (r->n_fields, ==, n);
      g_assert_cmpstr (r->fields[0], ==, want);
      for (guint k = 1; k < n; k++)
        {
          const char *f = r->fields[k];

          if (k - 1 < G_N_ELEMENTS (numbers))
            {
              /* Exactly the value, and never neutralised. */
              g_assert_cmpint (f[0], !=, '\'');
              g_assert_true (g_ascii_strtod (f, NULL) == numbers[k - 1]);
            }
          else if (k == G_N_ELEMENTS (numbers) + 1)
            g_assert_cmpint (g_ascii_strtoll (f, NULL, 10), ==, -(gint64) i - 5);
          else
            g_assert_cmpfloat_with_epsilon (g_ascii_strtod (f, NULL), -1.23456789 * i, 0.00005 + 1e-12);
        }
    }
  /* Line numbers count the line breaks inside quoted fields. */
  {
    guint line = 1;

    for (guint i = 0; i < table->records->len; i++)
      {
        const TaktCsvRecord *r = g_ptr_array_index (table->records, i);

        g_assert_cmpuint (r->line, ==, line);
        line++;
        for (guint k = 0; k < r->n_fields; k++)
          for (const char *p = r->fields[k]; *p != '\0'; p++)
            if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
              line++;
      }
  }
  g_test_message ("round trip with '%c'%s: %u records, %" G_GSIZE_FORMAT " bytes",
                  delimiter, bom ? " and a BOM" : "", table->records->len, out->len);
}

static void
test_round_trip (void)
{
  round_trip (',', FALSE);
  round_trip (';', FALSE);
  round_trip (',', TRUE);
  round_trip (';', TRUE);
}

static void
test_exact_bytes (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  TaktCsvWriter w;

  takt_csv_writer_init (&w, out, ',', FALSE);
  takt_csv_writer_add_text (&w, "a");
  takt_csv_writer_add_text (&w, "b,c");
  takt_csv_writer_add_text (&w, "d\"e");
  takt_csv_writer_add_text (&w, "=1+2");
  takt_csv_writer_add_text (&w, "x;y");
  takt_csv_writer_add_int (&w, -5);
  takt_csv_writer_add_double (&w, -0.25);
  takt_csv_writer_add_fixed (&w, 2.50004, 4);
  takt_csv_writer_add_fixed (&w, -0.00001, 4);
  takt_csv_writer_add_text (&w, NULL);
  takt_csv_writer_end_record (&w);
  /* A record of one empty field is written as "" so it is no blank line. */
  takt_csv_writer_add_empty (&w);
  takt_csv_writer_end_record (&w);
  takt_csv_writer_add_text (&w, "-3");
  takt_csv_writer_add_int (&w, -3);
  takt_csv_writer_end_record (&w);
  g_assert_cmpstr (out->str, ==,
                   "a,\"b,c\",\"d\"\"e\",\"'=1+2\",x;y,-5,-0.25,2.5,0,\r\n"
                   "\"\"\r\n"
                   "\"'-3\",-3\r\n");

  g_string_truncate (out, 0);
  takt_csv_writer_init (&w, out, ';', TRUE);
  takt_csv_writer_add_text (&w, "x;y");
  takt_csv_writer_add_text (&w, "b,c");
  takt_csv_writer_add_double (&w, 1234.5);
  takt_csv_writer_end_record (&w);
  g_assert_cmpstr (out->str, ==, "\xEF\xBB\xBF\"x;y\";b,c;1234.5\r\n");
}

static void
test_invalid_utf8_written (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(TaktCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  TaktCsvWriter w;

  takt_csv_writer_init (&w, out, ',', FALSE);
  takt_csv_writer_add_text (&w, "bad \xFF byte");
  takt_csv_writer_end_record (&w);
  g_assert_true (g_utf8_validate (out->str, out->len, NULL));
  table = takt_csv_read (out->str, out->len, ',', TAKT_CSV_READ_STRICT, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (((TaktCsvRecord *) table->records->pdata[0])->fields[0], "bad "));
}

static void
test_detect_delimiter (void)
{
  g_assert_cmpint (takt_csv_detect_delimiter ("a,b,c\r\n", 7), ==, ',');
  g_assert_cmpint (takt_csv_detect_delimiter ("a;b;c\r\n1,5;2,5;3\r\n", 19), ==, ';');
  /* Delimiters inside quotes do not count; only the first line does. */
  g_assert_cmpint (takt_csv_detect_delimiter ("\"a,b,c\";d;e\r\nx,y,z,w,v", 22), ==, ';');
  g_assert_cmpint (takt_csv_detect_delimiter ("\"x;y;z\",b\n", 10), ==, ',');
  g_assert_cmpint (takt_csv_detect_delimiter ("\xEF\xBB\xBF" "a;b", 6), ==, ';');
  g_assert_cmpint (takt_csv_detect_delimiter ("single", 6), ==, ',');
  g_assert_cmpint (takt_csv_detect_delimiter ("", 0), ==, ',');
}

static TaktCsvTable *
read_ok (const char       *text,
         TaktCsvReadFlags  flags)
{
  g_autoptr(GError) error = NULL;
  TaktCsvTable *table = takt_csv_read (text, strlen (text), 0, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
read_fails (const char       *text,
            gssize            length,
            TaktCsvReadFlags  flags,
            int               code,
            const char       *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktCsvTable) table = takt_csv_read (text, length < 0 ? strlen (text) : (gsize) length,
                                                 0, flags, &error);

  g_assert_null (table);
  g_assert_error (error, TAKT_CSV_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_reader (void)
{
  g_autoptr(TaktCsvTable) t1 = NULL;
  g_autoptr(TaktCsvTable) t2 = NULL;
  g_autoptr(TaktCsvTable) t3 = NULL;
  const TaktCsvRecord *r;

  /* Lenient: LF, CR and CRLF; blank lines skipped; ragged records. */
  t1 = read_ok ("id,name\n1,\"multi\nline\"\r\n\n2,x,extra\r3\n", TAKT_CSV_READ_DEFAULT);
  g_assert_cmpuint (t1->records->len, ==, 4);
  r = g_ptr_array_index (t1->records, 1);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_cmpstr (r->fields[1], ==, "multi\nline");
  r = g_ptr_array_index (t1->records, 2);
  g_assert_cmpuint (r->line, ==, 5);
  g_assert_cmpuint (r->n_fields, ==, 3);
  r = g_ptr_array_index (t1->records, 3);
  g_assert_cmpuint (r->line, ==, 6);
  g_assert_cmpstr (r->fields[0], ==, "3");
  g_assert_cmpuint (r->n_fields, ==, 1);

  /* Strict: CRLF, the last record may end without one; empty fields. */
  t2 = read_ok ("\xEF\xBB\xBF" "a;b;c\r\n;\"\";\r\n\"x\"\"y\";\"1;2\";z", TAKT_CSV_READ_STRICT);
  g_assert_true (t2->had_bom);
  g_assert_cmpint (t2->delimiter, ==, ';');
  g_assert_cmpuint (t2->records->len, ==, 3);
  r = g_ptr_array_index (t2->records, 0);
  g_assert_cmpstr (r->fields[0], ==, "a");
  r = g_ptr_array_index (t2->records, 1);
  g_assert_cmpstr (r->fields[0], ==, "");
  g_assert_cmpstr (r->fields[1], ==, "");
  g_assert_cmpstr (r->fields[2], ==, "");
  r = g_ptr_array_index (t2->records, 2);
  g_assert_cmpstr (r->fields[0], ==, "x\"y");
  g_assert_cmpstr (r->fields[1], ==, "1;2");

  /* A record of one quoted empty field is not a blank line. */
  t3 = read_ok ("h\r\n\"\"\r\n", TAKT_CSV_READ_STRICT);
  g_assert_cmpuint (t3->records->len, ==, 2);

  read_fails ("a,b\r\n\"open,c\r\nmore\r\n", -1, TAKT_CSV_READ_DEFAULT, TAKT_CSV_ERROR_SYNTAX,
              "line 2: a quoted field starts here and never ends");
  read_fails ("a,b\r\nx,y\"z\r\n", -1, TAKT_CSV_READ_DEFAULT, TAKT_CSV_ERROR_SYNTAX,
              "line 2: a quote inside a field that does not start with one");
  read_fails ("a,b\r\n\"x\ny\"z,1\r\n", -1, TAKT_CSV_READ_DEFAULT, TAKT_CSV_ERROR_SYNTAX,
              "line 3: text after the closing quote of a field");
  read_fails ("a,b\r\n1,2\n", -1, TAKT_CSV_READ_STRICT, TAKT_CSV_ERROR_SYNTAX,
              "line 2: the record ends in a bare LF, not CRLF");
  read_fails ("a,b\r1,2", -1, TAKT_CSV_READ_STRICT, TAKT_CSV_ERROR_SYNTAX,
              "line 1: the record ends in a bare CR, not CRLF");
  read_fails ("a,b\r\n1,2,3\r\n", -1, TAKT_CSV_READ_STRICT, TAKT_CSV_ERROR_SYNTAX,
              "line 2: 3 fields where the first record has 2");
  read_fails ("a,b\r\n\r\n1,2\r\n", -1, TAKT_CSV_READ_STRICT, TAKT_CSV_ERROR_SYNTAX,
              "line 2: a blank line");
  read_fails ("a,b\r\n1,\xC3\x28\r\n", -1, TAKT_CSV_READ_DEFAULT, TAKT_CSV_ERROR_ENCODING,
              "line 2: not UTF-8 text");
  read_fails ("a,b\n\n1,\0\n", 9, TAKT_CSV_READ_DEFAULT, TAKT_CSV_ERROR_ENCODING,
              "line 3: a NUL byte; this is not a text file");
}

static void
test_empty (void)
{
  g_autoptr(TaktCsvTable) t = read_ok ("", TAKT_CSV_READ_STRICT);
  g_autoptr(TaktCsvTable) u = read_ok ("\xEF\xBB\xBF", TAKT_CSV_READ_DEFAULT);

  g_assert_cmpuint (t->records->len, ==, 0);
  g_assert_cmpuint (u->records->len, ==, 0);
  g_assert_true (u->had_bom);
}

static void
test_limits (void)
{
  g_autoptr(GString) big = g_string_new ("a,b\r\n\"");
  g_autoptr(GString) rows = g_string_new ("h\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktCsvTable) table = NULL;

  /* A cell of 64 KiB is fine, one byte more is not. */
  for (int i = 0; i < TAKT_CSV_MAX_CELL; i++)
    g_string_append_c (big, i % 100 == 99 ? '\n' : 'x');
  g_string_append (big, "\",1\r\n");
  table = takt_csv_read (big->str, big->len, 0, TAKT_CSV_READ_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (((TaktCsvRecord *) table->records->pdata[1])->fields[0]), ==, TAKT_CSV_MAX_CELL);
  g_clear_pointer (&table, takt_csv_table_free);
  g_string_insert_c (big, 6, 'y');
  table = takt_csv_read (big->str, big->len, 0, TAKT_CSV_READ_DEFAULT, &error);
  g_assert_null (table);
  g_assert_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 2: a field longer than 64 KiB (the limit)");
  g_clear_error (&error);

  /* Unquoted too. */
  g_string_assign (big, "a\r\n");
  for (int i = 0; i <= TAKT_CSV_MAX_CELL; i++)
    g_string_append_c (big, 'z');
  table = takt_csv_read (big->str, big->len, 0, TAKT_CSV_READ_DEFAULT, &error);
  g_assert_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* 1,000,000 rows after the header are read; one more is refused. */
  for (int i = 0; i < TAKT_CSV_MAX_ROWS; i++)
    g_string_append (rows, "1\n");
  table = takt_csv_read (rows->str, rows->len, 0, TAKT_CSV_READ_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->records->len, ==, TAKT_CSV_MAX_ROWS + 1);
  g_clear_pointer (&table, takt_csv_table_free);
  g_string_append (rows, "2\n");
  table = takt_csv_read (rows->str, rows->len, 0, TAKT_CSV_READ_DEFAULT, &error);
  g_assert_null (table);
  g_assert_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 1000002: more than 1,000,000 rows (the limit)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/rfc/round-trip", test_round_trip);
  g_test_add_func ("/csv/rfc/exact-bytes", test_exact_bytes);
  g_test_add_func ("/csv/rfc/invalid-utf8-written", test_invalid_utf8_written);
  g_test_add_func ("/csv/rfc/detect-delimiter", test_detect_delimiter);
  g_test_add_func ("/csv/rfc/reader", test_reader);
  g_test_add_func ("/csv/rfc/empty", test_empty);
  g_test_add_func ("/csv/rfc/limits", test_limits);

  return g_test_run ();
}
