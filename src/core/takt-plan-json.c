/* takt-plan-json.c — reading and writing the .takt plan document
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading goes in four steps, and the first one that fails ends it:
 *  1. limits and syntax: size, UTF-8, a quick scan of the raw text for
 *     nesting depth, long strings, long lists and integers beyond 64 bits
 *     (json-glib would crash on deep nesting and wrap big integers), then
 *     json-glib parses it and duplicate member names are refused;
 *  2. a newer version is refused on its own;
 *  3. the document is read into the model, noting every member that is
 *     missing, has the wrong type or cannot be read (dates, times, enums);
 *  4. the rules of takt-plan.c run on the model; what step 3 already said
 *     about a value is not said again.
 * Only when nothing was found is the plan handed out.
 *
 * Writing is a small hand-written generator, so that the layout is fixed
 * and diffs stay readable: large records one member per line, small rows
 * (orders, forecast, pins, routing steps, …) on one line each.
 */

#define G_LOG_DOMAIN "takt-plan"

#include "takt-plan.h"
#include "takt-plan-private.h"
#include "takt-time.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

/* ------------------------------------------------------------------ */
/* Step 1: limits and syntax                                           */
/* ------------------------------------------------------------------ */

typedef struct
{
  gboolean    is_array;
  gboolean    expect_key;
  guint       index;
  const char *key;
  gsize       key_len;
} ScanLevel;

static char *
scan_path (const ScanLevel *stack,
           int              n_levels)
{
  GString *path = g_string_new (NULL);

  for (int k = 0; k < n_levels; k++)
    {
      if (stack[k].is_array)
        g_string_append_printf (path, "[%u]", stack[k].index);
      else if (stack[k].key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, stack[k].key, stack[k].key_len);
        }
    }
  if (path->len == 0)
    g_string_append (path, "(document)");
  return g_string_free (path, FALSE);
}

static gboolean
scan_error (GError    **error,
            int         code,
            const char *filename,
            guint       line,
            guint       col,
            const char *message)
{
  g_set_error (error, TAKT_PLAN_ERROR, code, "%s:%u:%u: %s", filename, line, col, message);
  return FALSE;
}

/* The value of the 4 hex digits at @p, or -1. */
static int
hex4 (const char *p,
      gsize       avail)
{
  int v = 0;

  if (avail < 4)
    return -1;
  for (int k = 0; k < 4; k++)
    {
      int d = g_ascii_xdigit_value (p[k]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

static gboolean
scan_limits (const char  *data,
             gsize        length,
             const char  *filename,
             GError     **error)
{
  ScanLevel stack[TAKT_PLAN_MAX_DEPTH + 1];
  int depth = 0;
  guint line = 1, col = 1;
  gboolean in_string = FALSE, escape = FALSE;
  gsize string_start = 0;
  gsize decoded = 0;    /* bytes of the current string once unescaped */
  gboolean top_seen = FALSE;    /* the document's value has begun */
  gboolean top_closed = FALSE;  /* … and it was a list or an object that ended */

  memset (stack, 0, sizeof stack);

  for (gsize i = 0; i < length; i++)
    {
      guchar ch = (guchar) data[i];

      if (in_string)
        {
          if (escape)
            {
              int unit;

              escape = FALSE;
              decoded++;
              if (ch == 'u' && i + 4 < length && memcmp (data + i + 1, "0000", 4) == 0)
                return scan_error (error, TAKT_PLAN_ERROR_SYNTAX, filename, line, col - 1,
                                   "\\u0000 is not allowed in a string");
              unit = ch == 'u' ? hex4 (data + i + 1, length - i - 1) : -1;
              /* json-glib's scanner leaks its text buffer on a broken
               * escape: such text never reaches it. */
              if (ch == 'u' && unit < 0)
                return scan_error (error, TAKT_PLAN_ERROR_SYNTAX, filename, line, col - 1,
                                   "\\u must be followed by four hex digits");
              if (strchr ("\"\\/bfnrtu", ch) == NULL || ch == '\0')
                {
                  g_autofree char *message =
                    g_strdup_printf ("\\%.*s is not an escape (write \\\\, \\\", \\/, \\b, \\f, "
                                     "\\n, \\r, \\t or \\u and four hex digits)",
                                     (int) (g_utf8_next_char (data + i) - (data + i)), data + i);

                  return scan_error (error, TAKT_PLAN_ERROR_SYNTAX, filename, line, col - 1, message);
                }
              /* json-glib turns half of a UTF-16 surrogate pair into bytes
               * that are not UTF-8; only whole pairs pass. */
              if (unit >= 0xd800 && unit <= 0xdbff && i + 10 < length &&
                  data[i + 5] == '\\' && data[i + 6] == 'u' &&
                  hex4 (data + i + 7, length - i - 7) >= 0xdc00 &&
                  hex4 (data + i + 7, length - i - 7) <= 0xdfff)
                {
                  /* Four bytes of UTF-8.  The pair is ASCII: step over it
                   * but its last digit. */
                  decoded += 3;
                  i += 10;
                  col += 10;
                }
              else if (unit >= 0xd800 && unit <= 0xdfff)
                {
                  g_autofree char *message =
                    g_strdup_printf ("\\u%.4s is half of a UTF-16 surrogate pair, not a character",
                                     data + i + 1);

                  return scan_error (error, TAKT_PLAN_ERROR_SYNTAX, filename, line, col - 1, message);
                }
              else if (unit >= 0)
                {
                  decoded += unit >= 0x800 ? 2 : unit >= 0x80 ? 1 : 0;
                  i += 4;
                  col += 4;
                }
            }
          else if (ch == '\\')
            escape = TRUE;
          else if (ch == '"')
            {
              gsize len = i - string_start;

              in_string = FALSE;
              if (depth == 0)
                top_closed = TRUE;
              /* The limit is on the text itself, as Takt holds and writes
               * it: the writer escapes other characters than the file did
               * (a DEL, "\\b"), and its file must load again. */
              if (decoded > TAKT_PLAN_MAX_STRING)
                {
                  g_autofree char *path = scan_path (stack, depth);

                  g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE,
                               "%s: %s: text of %" G_GSIZE_FORMAT " bytes, more than the limit of %d",
                               filename, path, decoded, TAKT_PLAN_MAX_STRING);
                  return FALSE;
                }
              if (depth > 0 && !stack[depth - 1].is_array && stack[depth - 1].expect_key)
                {
                  stack[depth - 1].key = data + string_start;
                  stack[depth - 1].key_len = len;
                }
            }
          else if (ch < 0x20)
            return scan_error (error, TAKT_PLAN_ERROR_SYNTAX, filename, line, col,
                               "a control character inside a string (write it as \\n, \\t or \\u00XX)");
          else
            decoded++;
        }
      else
        {
          /* One value, then only white space: json-glib would parse a
           * second value too (and leak it). */
          if (depth == 0 && ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
            {
              if (top_closed || (top_seen && (ch == '{' || ch == '[' || ch == '"')))
                return scan_error (error, TAKT_PLAN_ERROR_SYNTAX, filename, line, col,
                                   "text after the end of the document");
              top_seen = TRUE;
            }
          switch (ch)
            {
            case '{':
            case '[':
              if (depth == TAKT_PLAN_MAX_DEPTH)
                return scan_error (error, TAKT_PLAN_ERROR_TOO_LARGE, filename, line, col,
                                   "nested deeper than 64 levels (the limit)");
              stack[depth].is_array = (ch == '[');
              stack[depth].expect_key = (ch == '{');
              stack[depth].index = 0;
              stack[depth].key = NULL;
              stack[depth].key_len = 0;
              depth++;
              break;

            case '}':
            case ']':
              if (depth == 0)
                return TRUE;    /* the parser will say what is wrong */
              depth--;
              top_closed = depth == 0;
              break;

            case ',':
              if (depth > 0)
                {
                  ScanLevel *top = &stack[depth - 1];

                  if (top->is_array)
                    {
                      top->index++;
                      if (top->index >= TAKT_PLAN_MAX_ITEMS)
                        {
                          g_autofree char *path = scan_path (stack, depth - 1);

                          g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE,
                                       "%s: %s: more than %d items (the limit)",
                                       filename, path, TAKT_PLAN_MAX_ITEMS);
                          return FALSE;
                        }
                    }
                  else
                    top->expect_key = TRUE;
                }
              break;

            case ':':
              if (depth > 0 && !stack[depth - 1].is_array)
                stack[depth - 1].expect_key = FALSE;
              break;

            case '"':
              in_string = TRUE;
              string_start = i + 1;
              decoded = 0;
              break;

            case '\'':
              return scan_error (error, TAKT_PLAN_ERROR_SYNTAX, filename, line, col,
                                 "strings must be in double quotes");

            case '-':
            case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':
              {
                gsize end = i;
                gboolean is_float = FALSE;

                while (end < length && (g_ascii_isdigit (data[end]) || strchr ("+-.eE", data[end]) != NULL))
                  {
                    if (data[end] == '.' || data[end] == 'e' || data[end] == 'E')
                      is_float = TRUE;
                    end++;
                  }
                if (!is_float && end - i > 18)
                  {
                    g_autofree char *token = g_strndup (data + i, MIN (end - i, 64));

                    errno = 0;
                    g_ascii_strtoll (token, NULL, 10);
                    if (errno == ERANGE || end - i > 20)
                      {
                        g_autofree char *path = scan_path (stack, depth);

                        g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE,
                                     "%s: %s: the number %s%s does not fit in 64 bits",
                                     filename, path, token, end - i > 64 ? "…" : "");
                        return FALSE;
                      }
                  }
                col += (guint) (end - i);
                i = end - 1;
                continue;
              }

            default:
              break;
            }
        }

      if (ch == '\n')
        {
          line++;
          col = 1;
        }
      else if ((ch & 0xc0) != 0x80)
        col++;
    }

  return TRUE;
}

static void
position_of (const char *data,
             const char *at,
             guint      *line,
             guint      *col)
{
  *line = 1;
  *col = 1;
  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *col = 1;
        }
      else if ((*p & 0xc0) != 0x80)
        (*col)++;
    }
}

typedef struct
{
  GHashTable *counts;   /* JsonObject* -> members seen so far */
  char       *message;
  guint       line;
  guint       col;
} DuplicateCheck;

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  gpointer    user_data)
{
  DuplicateCheck *dc = user_data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (dc->counts, object)) + 1;

  g_hash_table_insert (dc->counts, object, GUINT_TO_POINTER (n));
  if (n > json_object_get_size (object) && dc->message == NULL)
    {
      g_autofree char *q = takt_quote (member_name);

      dc->message = g_strdup_printf ("the member %s appears twice in the same object", q);
      dc->line = json_parser_get_current_line (parser);
      dc->col = json_parser_get_current_pos (parser);
    }
}

static void
object_end_cb (JsonParser *parser,
               JsonObject *object,
               gpointer    user_data)
{
  DuplicateCheck *dc = user_data;

  g_hash_table_remove (dc->counts, object);
}

/* json-glib says "<data>:LINE:COL: Parse error: message". */
static void
set_syntax_error (GError     **error,
                  const char  *filename,
                  const GError *parse_error)
{
  /* json-glib quotes the token it stopped at cut to a number of bytes,
   * which can split a character: the message must stay UTF-8. */
  g_autofree char *valid = g_utf8_make_valid (parse_error->message, -1);
  const char *msg = valid;
  guint line = 0, col = 0;
  const char *rest = NULL;

  if (g_str_has_prefix (msg, "<data>:"))
    {
      char *end;

      line = (guint) g_ascii_strtoull (msg + 7, &end, 10);
      if (*end == ':')
        {
          col = (guint) g_ascii_strtoull (end + 1, &end, 10);
          if (g_str_has_prefix (end, ": "))
            rest = end + 2;
        }
    }
  if (rest == NULL || line == 0)
    {
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_SYNTAX, "%s:1:1: %s", filename, msg);
      return;
    }
  /* Drop json-glib's "Parse error: " (translated or not) when it is there. */
  {
    const char *inner = strstr (rest, ": ");

    if (inner != NULL && strchr ("`'\"", rest[0]) == NULL && (gsize) (inner - rest) < 32 &&
        memchr (rest, '`', (gsize) (inner - rest)) == NULL)
      rest = inner + 2;
  }
  g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_SYNTAX, "%s:%u:%u: %s", filename, line, col, rest);
}

/* ------------------------------------------------------------------ */
/* Step 3: reading the model                                           */
/* ------------------------------------------------------------------ */

typedef struct
{
  TaktChecker *c;
} Reader;

static char *
join (const char *parent,
      const char *name)
{
  if (parent == NULL || parent[0] == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%s.%s", parent, name);
}

static const char *
node_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "a list";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "text";
    case G_TYPE_BOOLEAN:
      return "true/false";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "a value";
    }
}

static void
wrong_type (Reader     *r,
            char       *path,
            const char *expected,
            JsonNode   *node)
{
  takt_checker_add (r->c, path, "must be %s, not %s", expected, node_kind (node));
}

static JsonNode *
get_member (Reader     *r,
            JsonObject *object,
            const char *parent,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && required)
    takt_checker_add (r->c, join (parent, name), "is missing");
  return node;
}

/* Whether @node is a value (not an object, a list or null) of @type. */
static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_string (Reader      *r,
             JsonObject  *object,
             const char  *parent,
             const char  *name,
             gboolean     required,
             char       **out)
{
  JsonNode *node = get_member (r, object, parent, name, required);

  if (node == NULL)
    return FALSE;
  if (!node_holds (node, G_TYPE_STRING))
    {
      wrong_type (r, join (parent, name), "text in double quotes", node);
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
node_to_int (Reader     *r,
             JsonNode   *node,
             char       *path,
             gint64     *out)
{
  if (node_holds (node, G_TYPE_INT64))
    {
      g_free (path);
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (node_holds (node, G_TYPE_DOUBLE))
    {
      double v = json_node_get_double (node);

      if (isfinite (v) && floor (v) == v && fabs (v) < 9.2e18)
        {
          g_free (path);
          *out = (gint64) v;
          return TRUE;
        }
      if (!isfinite (v))
        takt_checker_add (r->c, path, "the number is out of range");
      else
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (buf, sizeof buf, "%.15g", v);
          takt_checker_add (r->c, path, "must be a whole number, not %s", buf);
        }
      return FALSE;
    }
  wrong_type (r, path, "a whole number", node);
  return FALSE;
}

static gboolean
read_int (Reader     *r,
          JsonObject *object,
          const char *parent,
          const char *name,
          gboolean    required,
          gint64     *out)
{
  JsonNode *node = get_member (r, object, parent, name, required);

  if (node == NULL)
    return FALSE;
  return node_to_int (r, node, join (parent, name), out);
}

static gboolean
read_number (Reader     *r,
             JsonObject *object,
             const char *parent,
             const char *name,
             gboolean    required,
             double     *out)
{
  JsonNode *node = get_member (r, object, parent, name, required);

  if (node == NULL)
    return FALSE;
  if (node_holds (node, G_TYPE_INT64))
    {
      *out = (double) json_node_get_int (node);
      return TRUE;
    }
  if (node_holds (node, G_TYPE_DOUBLE))
    {
      double v = json_node_get_double (node);

      if (!isfinite (v))
        {
          takt_checker_add (r->c, join (parent, name), "the number is out of range");
          return FALSE;
        }
      *out = v;
      return TRUE;
    }
  wrong_type (r, join (parent, name), "a number", node);
  return FALSE;
}

static gboolean
read_bool (Reader     *r,
           JsonObject *object,
           const char *parent,
           const char *name,
           gboolean   *out)
{
  JsonNode *node = get_member (r, object, parent, name, FALSE);

  if (node == NULL)
    return FALSE;
  if (node_holds (node, G_TYPE_BOOLEAN))
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  wrong_type (r, join (parent, name), "true or false", node);
  return FALSE;
}

typedef gboolean (*ParseTime) (const char *str, gint64 *t);

/* A member that is text @parse reads as a time; @must_be says what it
 * must be when it is not. */
static gboolean
read_time (Reader      *r,
           JsonObject  *object,
           const char  *parent,
           const char  *name,
           gboolean     required,
           ParseTime    parse,
           const char  *must_be,
           gint64      *out)
{
  g_autofree char *str = NULL;

  if (!read_string (r, object, parent, name, required, &str))
    return FALSE;
  if (!parse (str, out))
    {
      g_autofree char *q = takt_quote (str);

      takt_checker_add (r->c, join (parent, name), "must be %s, not %s", must_be, q);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_datetime (Reader     *r,
               JsonObject *object,
               const char *parent,
               const char *name,
               gboolean    required,
               gint64     *out)
{
  return read_time (r, object, parent, name, required, takt_parse_datetime,
                    "a date-time YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS", out);
}

static gboolean
read_date (Reader     *r,
           JsonObject *object,
           const char *parent,
           const char *name,
           gboolean    required,
           gint64     *out)
{
  return read_time (r, object, parent, name, required, takt_parse_date, "a date YYYY-MM-DD", out);
}

/* Says that @parent.@name, the text @str, names none of its @choices. */
static void
unknown_name (Reader     *r,
              const char *parent,
              const char *name,
              const char *str,
              const char *choices)
{
  g_autofree char *q = takt_quote (str);

  takt_checker_add (r->c, join (parent, name), "unknown %s %s (use %s)", name, q, choices);
}

static JsonObject *
object_node (Reader     *r,
             JsonNode   *node,
             const char *path)
{
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (r, g_strdup (path), "an object { … }", node);
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonObject *
read_object (Reader     *r,
             JsonObject *object,
             const char *parent,
             const char *name,
             gboolean    required)
{
  JsonNode *node = get_member (r, object, parent, name, required);
  g_autofree char *path = NULL;

  if (node == NULL)
    return NULL;
  path = join (parent, name);
  return object_node (r, node, path);
}

static JsonArray *
read_array (Reader     *r,
            JsonObject *object,
            const char *parent,
            const char *name,
            gboolean    required)
{
  JsonNode *node = get_member (r, object, parent, name, required);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (r, join (parent, name), "a list [ … ]", node);
      return NULL;
    }
  return json_node_get_array (node);
}

/* The members that are not in @known, or NULL when there are none. */
static JsonObject *
collect_extra (JsonObject         *object,
               const char * const *known)
{
  JsonObject *extra = NULL;
  GList *members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (known, name))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_object_dup_member (object, name));
    }
  g_list_free (members);
  return extra;
}

static gboolean
read_clock (Reader     *r,
            JsonNode   *node,
            gboolean    is_end,
            char       *path,
            gint32     *out)
{
  const char *str;

  if (!node_holds (node, G_TYPE_STRING))
    {
      wrong_type (r, path, "a time \"HH:MM\"", node);
      return FALSE;
    }
  str = json_node_get_string (node);
  if (takt_parse_clock (str, is_end, out))
    {
      g_free (path);
      return TRUE;
    }
  if (!is_end && g_strcmp0 (str, "24:00") == 0)
    takt_checker_add (r->c, path, "\"24:00\" can only end a shift");
  else
    {
      g_autofree char *q = takt_quote (str);

      takt_checker_add (r->c, path, "must be a time HH:MM (00:00 to 23:59%s), not %s",
                        is_end ? ", or 24:00" : "", q);
    }
  return FALSE;
}

static void
read_shifts (Reader     *r,
             JsonNode   *node,
             const char *path,
             GArray     *out)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (r, g_strdup (path), "a list of shifts [[\"HH:MM\", \"HH:MM\"], …]", node);
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *pair = json_array_get_element (array, i);
      TaktShift shift = { 0, 0 };

      if (!JSON_NODE_HOLDS_ARRAY (pair) || json_array_get_length (json_node_get_array (pair)) != 2)
        takt_checker_add (r->c, g_strdup_printf ("%s[%u]", path, i),
                          "must be a shift [\"HH:MM\", \"HH:MM\"]");
      else
        {
          JsonArray *ends = json_node_get_array (pair);

          read_clock (r, json_array_get_element (ends, 0), FALSE,
                      g_strdup_printf ("%s[%u][0]", path, i), &shift.from);
          read_clock (r, json_array_get_element (ends, 1), TRUE,
                      g_strdup_printf ("%s[%u][1]", path, i), &shift.to);
        }
      g_array_append_val (out, shift);
    }
}

static int
weekday_from_name (const char *name)
{
  for (int d = 0; d < 7; d++)
    if (strcmp (takt_weekday_names[d], name) == 0)
      return d;
  return -1;
}

typedef gpointer (*NewFunc) (void);
typedef void (*ReadFunc) (Reader *r, JsonObject *o, const char *path, gpointer item);

/* The list @parent.@name: each of its objects read by @read_item into a
 * new item from @new_item, added to @list. */
static void
read_list (Reader     *r,
           JsonObject *object,
           const char *parent,
           const char *name,
           gboolean    required,
           GPtrArray  *list,
           NewFunc     new_item,
           ReadFunc    read_item)
{
  JsonArray *array = read_array (r, object, parent, name, required);
  g_autofree char *list_path = join (parent, name);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", list_path, i);
      JsonObject *o = object_node (r, json_array_get_element (array, i), path);
      gpointer item = new_item ();

      /* A broken item keeps its place, so the paths of the rules match. */
      g_ptr_array_add (list, item);
      if (o != NULL)
        read_item (r, o, path, item);
    }
}

static TaktCalendarException *
exception_new (void)
{
  TaktCalendarException *ex = g_new0 (TaktCalendarException, 1);

  ex->shifts = g_array_new (FALSE, FALSE, sizeof (TaktShift));
  return ex;
}

static void
read_exception (Reader                *r,
                JsonObject            *o,
                const char            *path,
                TaktCalendarException *ex)
{
  static const char * const known[] = { "date", "shifts", NULL };
  JsonNode *shifts;

  read_date (r, o, path, "date", TRUE, &ex->date);
  shifts = get_member (r, o, path, "shifts", FALSE);
  if (shifts != NULL)
    {
      g_autofree char *shifts_path = join (path, "shifts");

      read_shifts (r, shifts, shifts_path, ex->shifts);
    }
  ex->extra = collect_extra (o, known);
}

/* The calendar @parent.@name, or NULL when there is none. */
static TaktCalendar *
read_calendar (Reader     *r,
               JsonObject *parent_object,
               const char *parent,
               const char *name)
{
  static const char * const known[] = { "week", "exceptions", NULL };
  g_autofree char *path = join (parent, name);
  TaktCalendar *calendar;
  JsonObject *object, *week;

  object = read_object (r, parent_object, parent, name, FALSE);
  if (object == NULL)
    return NULL;

  calendar = takt_calendar_new ();
  week = read_object (r, object, path, "week", FALSE);
  if (week != NULL)
    {
      GList *members = json_object_get_members (week);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *day = l->data;
          int d = weekday_from_name (day);
          g_autofree char *day_path = g_strdup_printf ("%s.week.%s", path, day);

          if (d < 0)
            takt_checker_add (r->c, g_steal_pointer (&day_path),
                              "unknown weekday (use mon, tue, wed, thu, fri, sat or sun)");
          else
            read_shifts (r, json_object_get_member (week, day), day_path, calendar->week[d]);
        }
      g_list_free (members);
    }

  read_list (r, object, path, "exceptions", FALSE, calendar->exceptions,
             (NewFunc) exception_new, (ReadFunc) read_exception);

  calendar->extra = collect_extra (object, known);
  return calendar;
}

static void
read_station (Reader      *r,
              JsonObject  *o,
              const char  *path,
              TaktStation *st)
{
  static const char * const known[] = { "id", "name", "machines", "calendar", "color", NULL };

  read_string (r, o, path, "id", TRUE, &st->id);
  read_string (r, o, path, "name", FALSE, &st->name);
  read_int (r, o, path, "machines", FALSE, &st->machines);
  st->calendar = read_calendar (r, o, path, "calendar");
  read_string (r, o, path, "color", FALSE, &st->color);
  st->extra = collect_extra (o, known);
}

static void
read_step (Reader     *r,
           JsonObject *o,
           const char *path,
           TaktStep   *step)
{
  static const char * const known[] = { "station", "cycle_s", "setup_s", NULL };

  read_string (r, o, path, "station", TRUE, &step->station);
  read_int (r, o, path, "cycle_s", TRUE, &step->cycle_s);
  read_int (r, o, path, "setup_s", FALSE, &step->setup_s);
  step->extra = collect_extra (o, known);
}

static void
read_product (Reader      *r,
              JsonObject  *o,
              const char  *path,
              TaktProduct *p)
{
  static const char * const known[] = {
    "id", "name", "color", "routing", "setup_cost", "holding_cost_per_day",
    "late_cost_per_day", "initial_stock", "min_run", "max_run", "unit_cost", "price", NULL
  };

  read_string (r, o, path, "id", TRUE, &p->id);
  read_string (r, o, path, "name", FALSE, &p->name);
  read_string (r, o, path, "color", FALSE, &p->color);
  read_list (r, o, path, "routing", TRUE, p->routing, (NewFunc) takt_step_new, (ReadFunc) read_step);
  read_number (r, o, path, "setup_cost", FALSE, &p->setup_cost);
  read_number (r, o, path, "holding_cost_per_day", FALSE, &p->holding_cost_per_day);
  read_number (r, o, path, "late_cost_per_day", FALSE, &p->late_cost_per_day);
  read_int (r, o, path, "initial_stock", FALSE, &p->initial_stock);
  read_int (r, o, path, "min_run", FALSE, &p->min_run);
  read_int (r, o, path, "max_run", FALSE, &p->max_run);
  read_number (r, o, path, "unit_cost", FALSE, &p->unit_cost);
  read_number (r, o, path, "price", FALSE, &p->price);
  p->extra = collect_extra (o, known);
}

static void
read_order (Reader     *r,
            JsonObject *o,
            const char *path,
            TaktOrder  *order)
{
  static const char * const known[] = { "id", "product", "quantity", "due", "customer", NULL };

  read_string (r, o, path, "id", TRUE, &order->id);
  read_string (r, o, path, "product", TRUE, &order->product);
  read_int (r, o, path, "quantity", TRUE, &order->quantity);
  read_datetime (r, o, path, "due", TRUE, &order->due);
  read_string (r, o, path, "customer", FALSE, &order->customer);
  order->extra = collect_extra (o, known);
}

static void
read_forecast (Reader       *r,
               JsonObject   *o,
               const char   *path,
               TaktForecast *f)
{
  static const char * const known[] = { "product", "date", "quantity", NULL };

  read_string (r, o, path, "product", TRUE, &f->product);
  read_date (r, o, path, "date", TRUE, &f->date);
  read_int (r, o, path, "quantity", TRUE, &f->quantity);
  f->extra = collect_extra (o, known);
}

static void
read_campaign_product (Reader              *r,
                       JsonObject          *o,
                       const char          *path,
                       TaktCampaignProduct *cp)
{
  static const char * const known[] = { "product", "share", NULL };

  read_string (r, o, path, "product", TRUE, &cp->product);
  read_number (r, o, path, "share", FALSE, &cp->share);
  cp->extra = collect_extra (o, known);
}

static void
read_campaign (Reader       *r,
               JsonObject   *o,
               const char   *path,
               TaktCampaign *cam)
{
  static const char * const known[] = {
    "id", "name", "channel", "start", "end", "spend", "impressions",
    "conversion_per_mille", "lag_days", "shape", "products", NULL
  };
  g_autofree char *text = NULL;

  read_string (r, o, path, "id", TRUE, &cam->id);
  read_string (r, o, path, "name", FALSE, &cam->name);
  if (read_string (r, o, path, "channel", FALSE, &text) && !takt_channel_from_string (text, &cam->channel))
    unknown_name (r, path, "channel", text, "social, email, search, display, video, print, event or other");
  read_date (r, o, path, "start", TRUE, &cam->start);
  read_date (r, o, path, "end", TRUE, &cam->end);
  read_number (r, o, path, "spend", FALSE, &cam->spend);
  read_int (r, o, path, "impressions", FALSE, &cam->impressions);
  read_number (r, o, path, "conversion_per_mille", FALSE, &cam->conversion_per_mille);
  read_int (r, o, path, "lag_days", FALSE, &cam->lag_days);
  if (read_string (r, o, path, "shape", FALSE, &text) && !takt_shape_from_string (text, &cam->shape))
    unknown_name (r, path, "shape", text, "flat, launch or build");
  read_list (r, o, path, "products", TRUE, cam->products,
             (NewFunc) takt_campaign_product_new, (ReadFunc) read_campaign_product);
  cam->extra = collect_extra (o, known);
}

static void
read_pin (Reader     *r,
          JsonObject *o,
          const char *path,
          TaktPin    *pin)
{
  static const char * const known[] = { "product", "quantity", "station", "machine", "start", NULL };

  read_string (r, o, path, "product", TRUE, &pin->product);
  read_int (r, o, path, "quantity", TRUE, &pin->quantity);
  read_string (r, o, path, "station", TRUE, &pin->station);
  read_int (r, o, path, "machine", TRUE, &pin->machine);
  read_datetime (r, o, path, "start", TRUE, &pin->start);
  pin->extra = collect_extra (o, known);
}

static void
read_plan (Reader     *r,
           JsonObject *root,
           TaktPlan   *plan)
{
  static const char * const known[] = {
    "format", "version", "name", "currency", "horizon", "calendar", "stations",
    "products", "orders", "forecast", "campaigns", "pins", "settings", "schedule", NULL
  };
  static const char * const horizon_known[] = { "start", "days", NULL };
  static const char * const settings_known[] = { "strategy", "time_limit_ms", "seed", NULL };
  g_autofree char *format = NULL;
  JsonObject *horizon, *settings;
  gint64 version;

  if (read_string (r, root, "", "format", TRUE, &format) && strcmp (format, TAKT_PLAN_FORMAT) != 0)
    {
      g_autofree char *q = takt_quote (format);

      takt_checker_add (r->c, g_strdup ("format"), "must be \"takt-plan\", not %s", q);
    }
  if (read_int (r, root, "", "version", TRUE, &version) && version != TAKT_PLAN_VERSION)
    takt_checker_add (r->c, g_strdup ("version"), "must be 1");

  read_string (r, root, "", "name", FALSE, &plan->name);
  read_string (r, root, "", "currency", FALSE, &plan->currency);

  horizon = read_object (r, root, "", "horizon", TRUE);
  if (horizon != NULL)
    {
      read_datetime (r, horizon, "horizon", "start", TRUE, &plan->horizon_start);
      read_int (r, horizon, "horizon", "days", TRUE, &plan->horizon_days);
      plan->horizon_extra = collect_extra (horizon, horizon_known);
    }

  plan->calendar = read_calendar (r, root, "", "calendar");

  read_list (r, root, "", "stations", TRUE, plan->stations,
             (NewFunc) takt_station_new, (ReadFunc) read_station);
  read_list (r, root, "", "products", TRUE, plan->products,
             (NewFunc) takt_product_new, (ReadFunc) read_product);
  read_list (r, root, "", "orders", FALSE, plan->orders,
             (NewFunc) takt_order_new, (ReadFunc) read_order);
  read_list (r, root, "", "forecast", FALSE, plan->forecast,
             (NewFunc) takt_forecast_new, (ReadFunc) read_forecast);
  read_list (r, root, "", "campaigns", FALSE, plan->campaigns,
             (NewFunc) takt_campaign_new, (ReadFunc) read_campaign);
  read_list (r, root, "", "pins", FALSE, plan->pins,
             (NewFunc) takt_pin_new, (ReadFunc) read_pin);

  settings = read_object (r, root, "", "settings", FALSE);
  if (settings != NULL)
    {
      gint64 seed = (gint64) plan->settings.seed;
      g_autofree char *strategy = NULL;

      if (read_string (r, settings, "settings", "strategy", FALSE, &strategy) &&
          !takt_strategy_from_string (strategy, &plan->settings.strategy))
        unknown_name (r, "settings", "strategy", strategy, "jit, level or asap");
      read_int (r, settings, "settings", "time_limit_ms", FALSE, &plan->settings.time_limit_ms);
      if (read_int (r, settings, "settings", "seed", FALSE, &seed))
        {
          if (seed < 0)
            takt_checker_add (r->c, g_strdup ("settings.seed"), "must be >= 0");
          else
            plan->settings.seed = (guint64) seed;
        }
      plan->settings.extra = collect_extra (settings, settings_known);
    }

  plan->extra = collect_extra (root, known);
}

/* The schedule is output: it is read only when it fits the plan exactly,
 * and otherwise left out (it is shown until the next planning anyway). */
static TaktSchedule *
read_schedule (TaktPlan *plan,
               JsonNode *node)
{
  g_autoptr(TaktSchedule) schedule = takt_schedule_new ();
  g_autoptr(GHashTable) products = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stations = g_hash_table_new (g_str_hash, g_str_equal);
  TaktChecker checker;
  Reader reader = { &checker };
  Reader *r = &reader;
  JsonObject *object, *cost;
  JsonArray *runs;
  gboolean fits;

  takt_checker_init (&checker);
  checker.recording = TRUE;

  for (guint i = 0; i < plan->products->len; i++)
    g_hash_table_insert (products, ((TaktProduct *) g_ptr_array_index (plan->products, i))->id,
                         GINT_TO_POINTER ((int) i + 1));
  for (guint i = 0; i < plan->stations->len; i++)
    g_hash_table_insert (stations, ((TaktStation *) g_ptr_array_index (plan->stations, i))->id,
                         GINT_TO_POINTER ((int) i + 1));

  object = object_node (r, node, "schedule");
  if (object != NULL)
    {
      g_autofree char *strategy = NULL;

      if (read_string (r, object, "schedule", "strategy", FALSE, &strategy) &&
          !takt_strategy_from_string (strategy, &schedule->strategy))
        unknown_name (r, "schedule", "strategy", strategy, "jit, level or asap");
      cost = read_object (r, object, "schedule", "cost", FALSE);
      if (cost != NULL)
        {
          read_number (r, cost, "cost", "total", FALSE, &schedule->total);
          read_number (r, cost, "cost", "holding", FALSE, &schedule->holding);
          read_number (r, cost, "cost", "tardiness", FALSE, &schedule->tardiness);
          read_number (r, cost, "cost", "setup", FALSE, &schedule->setup);
        }
      runs = read_array (r, object, "schedule", "runs", FALSE);
      for (guint i = 0; runs != NULL && i < json_array_get_length (runs); i++)
        {
          JsonObject *ro = object_node (r, json_array_get_element (runs, i), "run");
          g_autofree char *product = NULL;
          JsonArray *steps, *covers;
          TaktRun *run;

          if (ro == NULL)
            break;
          run = takt_run_new ();
          g_ptr_array_add (schedule->runs, run);
          read_string (r, ro, "run", "id", TRUE, &run->id);
          if (read_string (r, ro, "run", "product", TRUE, &product))
            run->product_index = GPOINTER_TO_INT (g_hash_table_lookup (products, product)) - 1;
          read_int (r, ro, "run", "quantity", TRUE, &run->quantity);
          read_bool (r, ro, "run", "pinned", &run->pinned);
          steps = read_array (r, ro, "run", "steps", TRUE);
          for (guint k = 0; steps != NULL && k < json_array_get_length (steps); k++)
            {
              JsonObject *so = object_node (r, json_array_get_element (steps, k), "step");
              g_autofree char *station = NULL;
              TaktRunStep step = { -1, 0, 0, 0, 0 };

              if (so == NULL)
                break;
              if (read_string (r, so, "step", "station", TRUE, &station))
                step.station_index = GPOINTER_TO_INT (g_hash_table_lookup (stations, station)) - 1;
              read_int (r, so, "step", "machine", TRUE, &step.machine);
              read_datetime (r, so, "step", "setup_start", TRUE, &step.setup_start);
              read_datetime (r, so, "step", "start", TRUE, &step.start);
              read_datetime (r, so, "step", "end", TRUE, &step.end);
              g_array_append_val (run->steps, step);
            }
          covers = read_array (r, ro, "run", "covers", FALSE);
          for (guint k = 0; covers != NULL && k < json_array_get_length (covers); k++)
            {
              JsonObject *co = object_node (r, json_array_get_element (covers, k), "cover");
              TaktCover cover = { NULL, 0 };

              if (co == NULL)
                break;
              read_string (r, co, "cover", "demand", TRUE, &cover.demand);
              read_int (r, co, "cover", "quantity", TRUE, &cover.quantity);
              g_array_append_val (run->covers, cover);
            }
        }
    }

  fits = checker.problems->len == 0 && takt_schedule_fits_plan (schedule, plan);
  if (!fits)
    g_debug ("The schedule does not fit the plan (%s); it is left out",
             checker.problems->len > 0 ? (const char *) g_ptr_array_index (checker.problems, 0)
                                       : "a product, station or machine does not match");
  takt_checker_clear (&checker);
  return fits ? g_steal_pointer (&schedule) : NULL;
}

static gboolean
newer_version (JsonObject *root,
               gint64     *version)
{
  JsonNode *node = json_object_get_member (root, "version");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *version = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE &&
           floor (json_node_get_double (node)) == json_node_get_double (node) &&
           fabs (json_node_get_double (node)) < 9.2e18)
    *version = (gint64) json_node_get_double (node);
  else
    return FALSE;
  return *version > TAKT_PLAN_VERSION;
}

/* Problems in the order of the document: by top-level member, then by the
 * first list index in the path; reading before rules within one item. */
typedef struct
{
  const char *text;
  int         section;
  gint64      index;
  guint       position;
} SortedProblem;

static int
section_rank (const char *path)
{
  static const char * const order[] = {
    "format", "version", "name", "currency", "horizon", "calendar", "stations", "products",
    "orders", "forecast", "campaigns", "pins", "settings", NULL
  };
  gsize len = strcspn (path, ".[:");

  for (int i = 0; order[i] != NULL; i++)
    if (strlen (order[i]) == len && strncmp (order[i], path, len) == 0)
      return i;
  return G_N_ELEMENTS (order);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const SortedProblem *pa = a, *pb = b;

  if (pa->section != pb->section)
    return pa->section < pb->section ? -1 : 1;
  if (pa->index != pb->index)
    return pa->index < pb->index ? -1 : 1;
  return (pa->position > pb->position) - (pa->position < pb->position);
}

static void
sort_problems (GPtrArray *problems)
{
  g_autofree SortedProblem *sorted = g_new (SortedProblem, problems->len);

  for (guint i = 0; i < problems->len; i++)
    {
      const char *text = g_ptr_array_index (problems, i);
      const char *bracket = strchr (text, '[');
      const char *colon = strstr (text, ": ");

      sorted[i].text = text;
      sorted[i].section = section_rank (text);
      sorted[i].index = (bracket != NULL && (colon == NULL || bracket < colon))
                        ? g_ascii_strtoll (bracket + 1, NULL, 10) : -1;
      sorted[i].position = i;
    }
  qsort (sorted, problems->len, sizeof (SortedProblem), compare_problems);
  for (guint i = 0; i < problems->len; i++)
    problems->pdata[i] = (gpointer) sorted[i].text;
}

static void
set_invalid_error (GError     **error,
                   const char  *filename,
                   GPtrArray   *problems)
{
  GString *message = g_string_new (NULL);
  guint shown = MIN (problems->len, TAKT_PLAN_MAX_PROBLEMS);

  sort_problems (problems);
  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append_printf (message, "%s: %s", filename, (const char *) g_ptr_array_index (problems, i));
    }
  if (problems->len > shown)
    g_string_append_printf (message, "\n%s: … and %u more problems", filename, problems->len - shown);
  g_set_error_literal (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID, message->str);
  g_string_free (message, TRUE);
}

TaktPlan *
takt_plan_load_from_data (const char  *data,
                          gssize       length,
                          const char  *filename,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  DuplicateCheck dc = { NULL, NULL, 0, 0 };
  TaktChecker checker;
  Reader reader = { &checker };
  const char *end = NULL;
  JsonNode *root;
  JsonNode *schedule;
  JsonObject *root_object;
  gint64 version = 0;
  gsize len;
  gboolean parsed;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filename == NULL)
    filename = "(plan)";
  if (data == NULL)
    data = "";
  len = length < 0 ? strlen (data) : (gsize) length;

  if ((gint64) len > TAKT_PLAN_MAX_BYTES)
    {
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE,
                   "%s: the document is %" G_GSIZE_FORMAT " bytes, more than the limit of 256 MiB",
                   filename, len);
      return NULL;
    }

  /* A byte order mark is tolerated. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (!g_utf8_validate (data, (gssize) len, &end))
    {
      guint line, col;

      position_of (data, end, &line, &col);
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_SYNTAX, "%s:%u:%u: %s", filename, line, col,
                   *end == '\0' ? "a NUL byte in the text" : "the text is not valid UTF-8");
      return NULL;
    }

  if (!scan_limits (data, len, filename, error))
    return NULL;

  parser = json_parser_new ();
  dc.counts = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &dc);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_end_cb), &dc);
  parsed = json_parser_load_from_data (parser, data, (gssize) len, &parse_error);
  g_hash_table_unref (dc.counts);
  if (!parsed)
    {
      g_free (dc.message);
      set_syntax_error (error, filename, parse_error);
      return NULL;
    }
  if (dc.message != NULL)
    {
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_SYNTAX, "%s:%u:%u: %s",
                   filename, dc.line, dc.col, dc.message);
      g_free (dc.message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_SYNTAX,
                   "%s:1:1: the document is empty", filename);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID,
                   "%s: (document): must be an object { \"format\": \"takt-plan\", … }, not %s",
                   filename, node_kind (root));
      return NULL;
    }
  root_object = json_node_get_object (root);

  if (newer_version (root_object, &version))
    {
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_VERSION,
                   "%s: version: the plan is version %" G_GINT64_FORMAT
                   ", but this Takt reads version %d only; open it with a newer Takt",
                   filename, version, TAKT_PLAN_VERSION);
      return NULL;
    }

  plan = takt_plan_new ();
  takt_checker_init (&checker);
  checker.recording = TRUE;
  read_plan (&reader, root_object, plan);
  takt_plan_check_rules (plan, &checker);

  if (checker.problems->len > 0)
    {
      set_invalid_error (error, filename, checker.problems);
      takt_checker_clear (&checker);
      return NULL;
    }
  takt_checker_clear (&checker);

  takt_plan_normalise (plan);
  schedule = json_object_get_member (root_object, "schedule");
  if (schedule != NULL)
    plan->schedule = read_schedule (plan, schedule);

  return g_steal_pointer (&plan);
}

TaktPlan *
takt_plan_load_from_file (const char  *path,
                          GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  /* A device such as /dev/zero never ends: reading it would never stop. */
  if (g_stat (path, &st) == 0 && (S_ISCHR (st.st_mode) || S_ISBLK (st.st_mode)))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: a device, not a plan file", display);
      return NULL;
    }
  if (g_stat (path, &st) == 0 && (gint64) st.st_size > TAKT_PLAN_MAX_BYTES)
    {
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GINT64_FORMAT " bytes, more than the limit of 256 MiB",
                   display, (gint64) st.st_size);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return takt_plan_load_from_data (data, (gssize) length, display, error);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

static void
w_indent (GString *s,
          int      level)
{
  for (int i = 0; i < level; i++)
    g_string_append (s, "  ");
}

static void
w_string (GString    *s,
          const char *str)
{
  g_autofree char *valid = NULL;

  if (str == NULL)
    str = "";
  if (!g_utf8_validate (str, -1, NULL))
    str = valid = g_utf8_make_valid (str, -1);

  g_string_append_c (s, '"');
  for (const guchar *p = (const guchar *) str; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (s, "\\\"");
          break;
        case '\\':
          g_string_append (s, "\\\\");
          break;
        case '\n':
          g_string_append (s, "\\n");
          break;
        case '\r':
          g_string_append (s, "\\r");
          break;
        case '\t':
          g_string_append (s, "\\t");
          break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (s, "\\u%04x", *p);
          else
            g_string_append_c (s, (char) *p);
          break;
        }
    }
  g_string_append_c (s, '"');
}

/* The shortest of %.15g, %.16g, %.17g that reads back as the same double,
 * always with a '.' or an exponent so that it stays a double. */
static void
w_double (GString *s,
          double   v)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    v = 0;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (s, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (s, ".0");
}

static void w_node (GString *s, JsonNode *node, int level, gboolean pretty);

typedef struct
{
  GString  *s;
  int       level;
  gboolean  pretty;
  gboolean  first;
  gboolean  is_array;
} W;

static void
w_begin (W        *w,
         GString  *s,
         int       level,
         gboolean  pretty,
         gboolean  is_array)
{
  w->s = s;
  w->level = level;
  w->pretty = pretty;
  w->first = TRUE;
  w->is_array = is_array;
  g_string_append_c (s, is_array ? '[' : '{');
}

static void
w_next (W *w)
{
  if (!w->first)
    g_string_append_c (w->s, ',');
  if (w->pretty)
    {
      g_string_append_c (w->s, '\n');
      w_indent (w->s, w->level + 1);
    }
  else if (!w->is_array || !w->first)
    g_string_append_c (w->s, ' ');
  w->first = FALSE;
}

static void
w_key (W          *w,
       const char *key)
{
  w_next (w);
  w_string (w->s, key);
  g_string_append (w->s, ": ");
}

static void
w_end (W *w)
{
  char close = w->is_array ? ']' : '}';

  if (!w->first)
    {
      if (w->pretty)
        {
          g_string_append_c (w->s, '\n');
          w_indent (w->s, w->level);
        }
      else if (!w->is_array)
        g_string_append_c (w->s, ' ');
    }
  g_string_append_c (w->s, close);
}

static void
w_str (W          *w,
       const char *key,
       const char *value)
{
  w_key (w, key);
  w_string (w->s, value);
}

static void
w_int (W          *w,
       const char *key,
       gint64      value)
{
  w_key (w, key);
  g_string_append_printf (w->s, "%" G_GINT64_FORMAT, value);
}

static void
w_dbl (W          *w,
       const char *key,
       double      value)
{
  w_key (w, key);
  w_double (w->s, value);
}

static void
w_datetime (W          *w,
            const char *key,
            gint64      t,
            gboolean    seconds)
{
  g_autofree char *str = takt_format_datetime (t, seconds);

  w_str (w, key, str);
}

static void
w_date (W          *w,
        const char *key,
        gint64      t)
{
  g_autofree char *str = takt_format_date (t);

  w_str (w, key, str);
}

static void
w_extra (W          *w,
         JsonObject *extra)
{
  GList *members;

  if (extra == NULL)
    return;
  members = json_object_get_members (extra);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      w_key (w, l->data);
      w_node (w->s, json_object_get_member (extra, l->data), w->level + 1, w->pretty);
    }
  g_list_free (members);
}

static void
w_node (GString  *s,
        JsonNode *node,
        int       level,
        gboolean  pretty)
{
  W w;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      w_begin (&w, s, level, pretty, FALSE);
      w_extra (&w, json_node_get_object (node));
      w_end (&w);
      return;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        gboolean scalars = TRUE;

        /* A list of plain values stays on one line. */
        for (guint i = 0; i < json_array_get_length (array) && scalars; i++)
          {
            JsonNodeType type = json_node_get_node_type (json_array_get_element (array, i));

            scalars = (type == JSON_NODE_VALUE || type == JSON_NODE_NULL);
          }
        w_begin (&w, s, level, pretty && !scalars, TRUE);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            w_next (&w);
            w_node (s, json_array_get_element (array, i), level + 1, pretty && !scalars);
          }
        w_end (&w);
        return;
      }

    case JSON_NODE_NULL:
      g_string_append (s, "null");
      return;

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (s, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      w_double (s, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (s, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      w_string (s, json_node_get_string (node));
      break;
    default:
      g_string_append (s, "null");
      break;
    }
}

static void
w_shifts (GString      *s,
          const GArray *shifts)
{
  g_string_append_c (s, '[');
  for (guint i = 0; shifts != NULL && i < shifts->len; i++)
    {
      const TaktShift *shift = &g_array_index (shifts, TaktShift, i);
      g_autofree char *from = takt_format_clock (shift->from);
      g_autofree char *to = takt_format_clock (shift->to);

      g_string_append_printf (s, "%s[\"%s\", \"%s\"]", i > 0 ? ", " : "", from, to);
    }
  g_string_append_c (s, ']');
}

static void
w_calendar (W                  *parent,
            const char         *key,
            const TaktCalendar *calendar)
{
  W cal, week, list;

  w_key (parent, key);
  w_begin (&cal, parent->s, parent->level + 1, TRUE, FALSE);

  w_key (&cal, "week");
  w_begin (&week, cal.s, cal.level + 1, TRUE, FALSE);
  for (int d = 0; d < 7; d++)
    {
      w_key (&week, takt_weekday_names[d]);
      w_shifts (week.s, calendar->week[d]);
    }
  w_extra (&week, calendar->week_extra);
  w_end (&week);

  w_key (&cal, "exceptions");
  w_begin (&list, cal.s, cal.level + 1, TRUE, TRUE);
  for (guint i = 0; i < calendar->exceptions->len; i++)
    {
      const TaktCalendarException *ex = g_ptr_array_index (calendar->exceptions, i);
      W row;

      w_next (&list);
      w_begin (&row, list.s, list.level + 1, FALSE, FALSE);
      w_date (&row, "date", ex->date);
      w_key (&row, "shifts");
      w_shifts (row.s, ex->shifts);
      w_extra (&row, ex->extra);
      w_end (&row);
    }
  w_end (&list);

  w_extra (&cal, calendar->extra);
  w_end (&cal);
}

static const char *
product_id (const TaktPlan *plan,
            int             index)
{
  if (index < 0 || (guint) index >= plan->products->len)
    return "";
  return ((const TaktProduct *) g_ptr_array_index (plan->products, index))->id;
}

static const char *
station_id (const TaktPlan *plan,
            int             index)
{
  if (index < 0 || (guint) index >= plan->stations->len)
    return "";
  return ((const TaktStation *) g_ptr_array_index (plan->stations, index))->id;
}

static void
w_schedule (W                  *top,
            const TaktPlan     *plan,
            const TaktSchedule *schedule)
{
  W sch, cost, runs;

  w_key (top, "schedule");
  w_begin (&sch, top->s, 1, TRUE, FALSE);
  w_str (&sch, "strategy", takt_strategy_to_string (schedule->strategy));
  w_key (&sch, "cost");
  w_begin (&cost, sch.s, 2, FALSE, FALSE);
  w_dbl (&cost, "total", schedule->total);
  w_dbl (&cost, "holding", schedule->holding);
  w_dbl (&cost, "tardiness", schedule->tardiness);
  w_dbl (&cost, "setup", schedule->setup);
  w_end (&cost);

  w_key (&sch, "runs");
  w_begin (&runs, sch.s, 2, TRUE, TRUE);
  for (guint i = 0; i < schedule->runs->len; i++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, i);
      W ro, list;

      w_next (&runs);
      w_begin (&ro, runs.s, 3, TRUE, FALSE);
      w_str (&ro, "id", run->id);
      w_str (&ro, "product", product_id (plan, run->product_index));
      w_int (&ro, "quantity", run->quantity);
      w_key (&ro, "pinned");
      g_string_append (ro.s, run->pinned ? "true" : "false");

      w_key (&ro, "steps");
      w_begin (&list, ro.s, 4, TRUE, TRUE);
      for (guint k = 0; k < run->steps->len; k++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, k);
          W row;

          w_next (&list);
          w_begin (&row, list.s, 5, FALSE, FALSE);
          w_str (&row, "station", station_id (plan, step->station_index));
          w_int (&row, "machine", step->machine);
          w_datetime (&row, "setup_start", step->setup_start, TRUE);
          w_datetime (&row, "start", step->start, TRUE);
          w_datetime (&row, "end", step->end, TRUE);
          w_end (&row);
        }
      w_end (&list);

      w_key (&ro, "covers");
      w_begin (&list, ro.s, 4, TRUE, TRUE);
      for (guint k = 0; k < run->covers->len; k++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, k);
          W row;

          w_next (&list);
          w_begin (&row, list.s, 5, FALSE, FALSE);
          w_str (&row, "demand", cover->demand);
          w_int (&row, "quantity", cover->quantity);
          w_end (&row);
        }
      w_end (&list);
      w_end (&ro);
    }
  w_end (&runs);
  w_end (&sch);
}

char *
takt_plan_to_data (const TaktPlan *plan,
                   gsize          *length)
{
  GString *s;
  W top, obj, list;

  g_return_val_if_fail (plan != NULL, NULL);

  s = g_string_sized_new (4096);
  w_begin (&top, s, 0, TRUE, FALSE);
  w_str (&top, "format", TAKT_PLAN_FORMAT);
  w_int (&top, "version", TAKT_PLAN_VERSION);
  w_str (&top, "name", plan->name);
  w_str (&top, "currency", plan->currency);

  w_key (&top, "horizon");
  w_begin (&obj, s, 1, FALSE, FALSE);
  w_datetime (&obj, "start", plan->horizon_start, FALSE);
  w_int (&obj, "days", plan->horizon_days);
  w_extra (&obj, plan->horizon_extra);
  w_end (&obj);

  if (plan->calendar != NULL)
    w_calendar (&top, "calendar", plan->calendar);

  /* stations */
  w_key (&top, "stations");
  w_begin (&list, s, 1, TRUE, TRUE);
  for (guint i = 0; i < plan->stations->len; i++)
    {
      const TaktStation *st = g_ptr_array_index (plan->stations, i);

      w_next (&list);
      w_begin (&obj, s, 2, TRUE, FALSE);
      w_str (&obj, "id", st->id);
      if (st->name != NULL && st->name[0] != '\0')
        w_str (&obj, "name", st->name);
      w_int (&obj, "machines", st->machines);
      if (st->calendar != NULL)
        w_calendar (&obj, "calendar", st->calendar);
      if (st->color != NULL)
        w_str (&obj, "color", st->color);
      w_extra (&obj, st->extra);
      w_end (&obj);
    }
  w_end (&list);

  /* products */
  w_key (&top, "products");
  w_begin (&list, s, 1, TRUE, TRUE);
  for (guint i = 0; i < plan->products->len; i++)
    {
      const TaktProduct *p = g_ptr_array_index (plan->products, i);
      W routing;

      w_next (&list);
      w_begin (&obj, s, 2, TRUE, FALSE);
      w_str (&obj, "id", p->id);
      if (p->name != NULL && p->name[0] != '\0')
        w_str (&obj, "name", p->name);
      if (p->color != NULL)
        w_str (&obj, "color", p->color);
      w_key (&obj, "routing");
      w_begin (&routing, s, 3, TRUE, TRUE);
      for (guint k = 0; k < p->routing->len; k++)
        {
          const TaktStep *step = g_ptr_array_index (p->routing, k);
          W row;

          w_next (&routing);
          w_begin (&row, s, 4, FALSE, FALSE);
          w_str (&row, "station", step->station);
          w_int (&row, "cycle_s", step->cycle_s);
          w_int (&row, "setup_s", step->setup_s);
          w_extra (&row, step->extra);
          w_end (&row);
        }
      w_end (&routing);
      w_dbl (&obj, "setup_cost", p->setup_cost);
      w_dbl (&obj, "holding_cost_per_day", p->holding_cost_per_day);
      w_dbl (&obj, "late_cost_per_day", p->late_cost_per_day);
      w_int (&obj, "initial_stock", p->initial_stock);
      w_int (&obj, "min_run", p->min_run);
      w_int (&obj, "max_run", p->max_run);
      w_dbl (&obj, "unit_cost", p->unit_cost);
      w_dbl (&obj, "price", p->price);
      w_extra (&obj, p->extra);
      w_end (&obj);
    }
  w_end (&list);

  /* orders */
  w_key (&top, "orders");
  w_begin (&list, s, 1, TRUE, TRUE);
  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *o = g_ptr_array_index (plan->orders, i);

      w_next (&list);
      w_begin (&obj, s, 2, FALSE, FALSE);
      w_str (&obj, "id", o->id);
      w_str (&obj, "product", o->product);
      w_int (&obj, "quantity", o->quantity);
      w_datetime (&obj, "due", o->due, FALSE);
      if (o->customer != NULL)
        w_str (&obj, "customer", o->customer);
      w_extra (&obj, o->extra);
      w_end (&obj);
    }
  w_end (&list);

  /* forecast */
  w_key (&top, "forecast");
  w_begin (&list, s, 1, TRUE, TRUE);
  for (guint i = 0; i < plan->forecast->len; i++)
    {
      const TaktForecast *f = g_ptr_array_index (plan->forecast, i);

      w_next (&list);
      w_begin (&obj, s, 2, FALSE, FALSE);
      w_str (&obj, "product", f->product);
      w_date (&obj, "date", f->date);
      w_int (&obj, "quantity", f->quantity);
      w_extra (&obj, f->extra);
      w_end (&obj);
    }
  w_end (&list);

  /* campaigns */
  w_key (&top, "campaigns");
  w_begin (&list, s, 1, TRUE, TRUE);
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const TaktCampaign *cam = g_ptr_array_index (plan->campaigns, i);
      W products;

      w_next (&list);
      w_begin (&obj, s, 2, TRUE, FALSE);
      w_str (&obj, "id", cam->id);
      if (cam->name != NULL && cam->name[0] != '\0')
        w_str (&obj, "name", cam->name);
      w_str (&obj, "channel", ((int) cam->channel >= 0 && cam->channel < TAKT_N_CHANNELS)
                              ? takt_channel_to_string (cam->channel) : "other");
      w_date (&obj, "start", cam->start);
      w_date (&obj, "end", cam->end);
      w_dbl (&obj, "spend", cam->spend);
      w_int (&obj, "impressions", cam->impressions);
      w_dbl (&obj, "conversion_per_mille", cam->conversion_per_mille);
      w_int (&obj, "lag_days", cam->lag_days);
      w_str (&obj, "shape", ((int) cam->shape >= 0 && cam->shape < TAKT_N_SHAPES)
                            ? takt_shape_to_string (cam->shape) : "flat");
      w_key (&obj, "products");
      w_begin (&products, s, 3, TRUE, TRUE);
      for (guint k = 0; k < cam->products->len; k++)
        {
          const TaktCampaignProduct *cp = g_ptr_array_index (cam->products, k);
          W row;

          w_next (&products);
          w_begin (&row, s, 4, FALSE, FALSE);
          w_str (&row, "product", cp->product);
          w_dbl (&row, "share", cp->share);
          w_extra (&row, cp->extra);
          w_end (&row);
        }
      w_end (&products);
      w_extra (&obj, cam->extra);
      w_end (&obj);
    }
  w_end (&list);

  /* pins */
  w_key (&top, "pins");
  w_begin (&list, s, 1, TRUE, TRUE);
  for (guint i = 0; i < plan->pins->len; i++)
    {
      const TaktPin *pin = g_ptr_array_index (plan->pins, i);

      w_next (&list);
      w_begin (&obj, s, 2, FALSE, FALSE);
      w_str (&obj, "product", pin->product);
      w_int (&obj, "quantity", pin->quantity);
      w_str (&obj, "station", pin->station);
      w_int (&obj, "machine", pin->machine);
      w_datetime (&obj, "start", pin->start, FALSE);
      w_extra (&obj, pin->extra);
      w_end (&obj);
    }
  w_end (&list);

  /* settings */
  w_key (&top, "settings");
  w_begin (&obj, s, 1, FALSE, FALSE);
  w_str (&obj, "strategy", ((int) plan->settings.strategy >= 0 && plan->settings.strategy < TAKT_N_STRATEGIES)
                           ? takt_strategy_to_string (plan->settings.strategy) : "jit");
  w_int (&obj, "time_limit_ms", plan->settings.time_limit_ms);
  w_int (&obj, "seed", (gint64) MIN (plan->settings.seed, (guint64) G_MAXINT64));
  w_extra (&obj, plan->settings.extra);
  w_end (&obj);

  if (plan->schedule != NULL && takt_schedule_fits_plan (plan->schedule, plan))
    w_schedule (&top, plan, plan->schedule);

  w_extra (&top, plan->extra);
  w_end (&top);
  g_string_append_c (s, '\n');

  if (length != NULL)
    *length = s->len;
  return g_string_free (s, FALSE);
}

gboolean
takt_plan_save_to_file (const TaktPlan  *plan,
                        const char      *path,
                        GError         **error)
{
  g_autofree char *data = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;
  int mode = 0666;
  gsize length;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Replace the file a symbolic link points to, not the link itself. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      target = realpath (path, NULL);
      if (target != NULL)
        path = target;
    }

  /* Keep the permissions of the file being replaced. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    mode = (int) (st.st_mode & 0777);

  data = takt_plan_to_data (plan, &length);
  /* Written to "PATH.XXXXXX" in the same folder, flushed to disk, then
   * renamed over PATH: a failure at any point leaves the old file. */
  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
}
