/* takt-shift-editor.c — a working calendar, editable: weekly shifts and exceptions
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-shift-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "takt-editor-common.h"
#include "takt-format.h"
#include "takt-shift-editor.h"
#include "takt-time.h"

struct _TaktShiftEditor
{
  GObject       parent_instance;

  TaktDocument *document;
  char         *station_id;       /* NULL: the plant */
  GtkWidget    *week_group;
  GtkWidget    *exceptions_group;
  GPtrArray    *week_rows;
  GPtrArray    *exception_rows;
  GtkWidget    *picker;
  GtkWidget    *calendar;
  GtkWidget    *picker_error;
  char         *signature;        /* what the rows show */
  GHashTable   *expanded;         /* keys of the rows a person opened */
  GSettings    *settings;         /* for week-start; NULL without the schema */
  guint         syncing;
};

G_DEFINE_FINAL_TYPE (TaktShiftEditor, takt_shift_editor, G_TYPE_OBJECT)

/* A day's rows: a weekday (0 = Monday) or an exception's date. */
typedef struct
{
  TaktShiftEditor *editor;
  int              weekday;       /* -1 for an exception */
  gint64           date;
  char            *key;           /* "0" … "6" or "YYYY-MM-DD" */
  GtkWidget       *expander;
  GtkWidget       *from;
  GtkWidget       *to;
  GtkWidget       *error;
} Day;

static void
day_free (gpointer data)
{
  Day *day = data;

  g_free (day->key);
  g_free (day);
}

/* ---- times ---- */

gboolean
takt_shift_parse_time (const char *text,
                       gboolean    end,
                       gint32     *seconds)
{
  g_autofree char *copy = NULL;
  const char *sep;
  guint64 h, m = 0;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (seconds != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len == 0)
    return FALSE;

  sep = strpbrk (copy, ":.h");
  if (sep != NULL)
    {
      gsize hours_len = sep - copy;
      const char *minutes = sep + 1;

      if (hours_len < 1 || hours_len > 2 || strspn (copy, "0123456789") != hours_len)
        return FALSE;
      if (minutes[0] != '\0' && (strlen (minutes) != 2 || strspn (minutes, "0123456789") != 2))
        return FALSE;
      h = g_ascii_strtoull (copy, NULL, 10);
      if (minutes[0] != '\0')
        m = g_ascii_strtoull (minutes, NULL, 10);
    }
  else
    {
      if (strspn (copy, "0123456789") != len || len > 4)
        return FALSE;
      if (len <= 2)
        h = g_ascii_strtoull (copy, NULL, 10);
      else
        {
          guint64 v = g_ascii_strtoull (copy, NULL, 10);

          h = v / 100;
          m = v % 100;
        }
    }

  if (m >= 60 || h > 24 || (h == 24 && (m != 0 || !end)))
    return FALSE;

  *seconds = (gint32) (h * 3600 + m * 60);
  return TRUE;
}

static char *
shift_span (const TaktShift *shift,
            const char      *separator)
{
  g_autofree char *from = takt_format_clock (shift->from);
  g_autofree char *to = takt_format_clock (shift->to);

  return g_strconcat (from, separator, to, NULL);
}

/* ---- editing ---- */

typedef enum
{
  CAL_ADD_SHIFT,
  CAL_REMOVE_SHIFT,
  CAL_ADD_EXCEPTION,
  CAL_REMOVE_EXCEPTION,
} CalOp;

typedef struct
{
  char      *station;
  CalOp      op;
  int        weekday;
  gint64     date;
  guint      index;
  TaktShift  shift;
} CalEdit;

static GArray *
all_day (void)
{
  GArray *shifts = g_array_new (FALSE, FALSE, sizeof (TaktShift));
  TaktShift shift = { 0, 86400 };

  g_array_append_val (shifts, shift);
  return shifts;
}

/* A calendar that works around the clock, as a plan without one does. */
static TaktCalendar *
calendar_new_all_week (void)
{
  TaktCalendar *calendar = takt_calendar_new ();

  for (int d = 0; d < 7; d++)
    {
      TaktShift shift = { 0, 86400 };

      g_array_append_val (calendar->week[d], shift);
    }
  return calendar;
}

static TaktCalendarException *
find_exception (TaktCalendar *calendar,
                gint64        date,
                guint        *index)
{
  for (guint i = 0; i < calendar->exceptions->len; i++)
    {
      TaktCalendarException *ex = g_ptr_array_index (calendar->exceptions, i);

      if (ex->date == date)
        {
          if (index != NULL)
            *index = i;
          return ex;
        }
    }
  return NULL;
}

static gboolean
edit_calendar_cb (TaktPlan  *plan,
                  gpointer   user_data,
                  GError   **error)
{
  CalEdit *edit = user_data;
  TaktCalendar **slot;
  TaktCalendar *calendar;
  GArray *shifts = NULL;

  if (edit->station != NULL)
    {
      int s = takt_plan_find_station (plan, edit->station);

      if (s < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no station “%s” any more"), edit->station);
          return FALSE;
        }
      slot = &((TaktStation *) g_ptr_array_index (plan->stations, s))->calendar;
    }
  else
    slot = &plan->calendar;

  if (*slot == NULL)
    {
      if (edit->station != NULL && plan->calendar != NULL)
        *slot = takt_calendar_copy (plan->calendar);
      else
        *slot = calendar_new_all_week ();
    }
  calendar = *slot;

  if (edit->op == CAL_ADD_SHIFT || edit->op == CAL_REMOVE_SHIFT)
    {
      if (edit->weekday >= 0)
        shifts = calendar->week[edit->weekday];
      else
        {
          TaktCalendarException *ex = find_exception (calendar, edit->date, NULL);
          g_autofree char *day = takt_format_day (edit->date);

          if (ex == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("%s is not an exception any more"), day);
              return FALSE;
            }
          shifts = ex->shifts;
        }
    }

  switch (edit->op)
    {
    case CAL_ADD_SHIFT:
      {
        guint at = shifts->len;

        if (edit->shift.to <= edit->shift.from)
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                 _("A shift must end after it starts. Split a night shift at "
                                   "midnight, e.g. 22:00–24:00 and 00:00–06:00."));
            return FALSE;
          }
        for (guint i = 0; i < shifts->len; i++)
          {
            const TaktShift *other = &g_array_index (shifts, TaktShift, i);

            if (edit->shift.from < other->to && other->from < edit->shift.to)
              {
                g_autofree char *a = shift_span (other, "–");
                g_autofree char *b = shift_span (&edit->shift, "–");

                /* Translators: a refused shift, "Shifts 06:00–14:00 and 12:00–20:00 overlap" */
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Shifts %s and %s overlap"),
                             other->from < edit->shift.from ? a : b,
                             other->from < edit->shift.from ? b : a);
                return FALSE;
              }
            if (other->from > edit->shift.from && at == shifts->len)
              at = i;
          }
        g_array_insert_val (shifts, at, edit->shift);
      }
      break;

    case CAL_REMOVE_SHIFT:
      if (edit->index >= shifts->len)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The shift is gone"));
          return FALSE;
        }
      g_array_remove_index (shifts, edit->index);
      break;

    case CAL_ADD_EXCEPTION:
      {
        TaktCalendarException *ex;
        guint at = calendar->exceptions->len;

        if (find_exception (calendar, edit->date, NULL) != NULL)
          {
            g_autofree char *day = takt_format_day (edit->date);

            /* Translators: %s is a date */
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s has its own shifts already"), day);
            return FALSE;
          }
        for (guint i = 0; i < calendar->exceptions->len; i++)
          if (((TaktCalendarException *) g_ptr_array_index (calendar->exceptions, i))->date > edit->date)
            {
              at = i;
              break;
            }
        ex = g_new0 (TaktCalendarException, 1);
        ex->date = edit->date;
        ex->shifts = g_array_new (FALSE, FALSE, sizeof (TaktShift));
        g_ptr_array_insert (calendar->exceptions, at, ex);
      }
      break;

    case CAL_REMOVE_EXCEPTION:
      {
        guint index;

        if (find_exception (calendar, edit->date, &index) == NULL)
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The exception is gone"));
            return FALSE;
          }
        g_ptr_array_remove_index (calendar->exceptions, index);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static const char *
describe (CalOp op)
{
  switch (op)
    {
    case CAL_ADD_SHIFT: return _("Add Shift");
    case CAL_REMOVE_SHIFT: return _("Remove Shift");
    case CAL_ADD_EXCEPTION: return _("Add Exception");
    case CAL_REMOVE_EXCEPTION: return _("Remove Exception");
    default: g_assert_not_reached ();
    }
}

static gboolean
apply (TaktShiftEditor  *self,
       CalEdit          *edit,
       char            **message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *station = g_strdup (self->station_id);

  if (self->document == NULL || self->syncing > 0)
    return FALSE;

  edit->station = station;
  if (takt_document_edit (self->document, describe (edit->op), edit_calendar_cb, edit, &error))
    return TRUE;

  *message = takt_editor_error_text (error, NULL);
  return FALSE;
}

/* ---- rows ---- */

static void sync_rows (TaktShiftEditor *self, gboolean force);

static Day *
find_day (GPtrArray  *rows,
          const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Day *day = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "takt-day");

      if (day != NULL && g_strcmp0 (day->key, key) == 0)
        return day;
    }
  return NULL;
}

static void
add_shift_cb (Day *day)
{
  TaktShiftEditor *self = day->editor;
  g_autofree char *message = NULL;
  g_autofree char *key = g_strdup (day->key);
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (day->from));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (day->to));
  CalEdit edit = { NULL, CAL_ADD_SHIFT, day->weekday, day->date, 0, { 0, 0 } };
  GPtrArray *rows = day->weekday >= 0 ? self->week_rows : self->exception_rows;
  g_autoptr(GtkWidget) keep = NULL;
  Day *again;

  if (!takt_shift_parse_time (from_text, FALSE, &edit.shift.from))
    {
      /* Translators: %s is what was typed as a shift's start */
      message = g_strdup_printf (_("“%s” is not a time of day: type e.g. 06:00"), from_text);
      takt_error_row_set_message (day->error, message);
      gtk_widget_add_css_class (day->from, "error");
      gtk_widget_grab_focus (day->from);
      return;
    }
  gtk_widget_remove_css_class (day->from, "error");
  if (!takt_shift_parse_time (to_text, TRUE, &edit.shift.to))
    {
      /* Translators: %s is what was typed as a shift's end */
      message = g_strdup_printf (_("“%s” is not a time of day: type e.g. 14:00"), to_text);
      takt_error_row_set_message (day->error, message);
      gtk_widget_add_css_class (day->to, "error");
      gtk_widget_grab_focus (day->to);
      return;
    }
  gtk_widget_remove_css_class (day->to, "error");
  /* A shift that ends at midnight ends at 24:00. */
  if (edit.shift.to == 0)
    edit.shift.to = 86400;

  /* The edit rebuilds the rows: this day's stay alive until it returns. */
  keep = g_object_ref (day->expander);
  if (!apply (self, &edit, &message))
    {
      takt_error_row_set_message (day->error, message);
      return;
    }

  /* The next shift of the same day can be typed. */
  again = find_day (rows, key);
  if (again != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (again->expander), TRUE);
      gtk_widget_grab_focus (again->from);
    }
}

static void
from_activate_cb (Day *day)
{
  gtk_widget_grab_focus (day->to);
}

static void
remove_shift_cb (GtkButton *button,
                 Day       *day)
{
  g_autofree char *message = NULL;
  CalEdit edit = { NULL, CAL_REMOVE_SHIFT, day->weekday, day->date,
                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "takt-index")), { 0, 0 } };
  g_autoptr(GtkWidget) keep = g_object_ref (day->expander);

  if (!apply (day->editor, &edit, &message))
    takt_error_row_set_message (day->error, message);
}

static void
remove_exception_cb (Day *day)
{
  g_autofree char *message = NULL;
  CalEdit edit = { NULL, CAL_REMOVE_EXCEPTION, -1, day->date, 0, { 0, 0 } };
  g_autoptr(GtkWidget) keep = g_object_ref (day->expander);

  if (!apply (day->editor, &edit, &message))
    takt_error_row_set_message (day->error, message);
}

static void
set_name (GtkWidget  *widget,
          const char *prefix,
          const char *key)
{
  g_autofree char *name = g_strconcat (prefix, key, NULL);

  gtk_widget_set_name (widget, name);
}

static GtkWidget *
time_entry (const char *placeholder,
            const char *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 5);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (entry, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

/* The rows of one day: its shifts, a row to add one, a row for refusals. */
static GtkWidget *
day_rows (TaktShiftEditor *self,
          int              weekday,
          gint64           date,
          const char      *title,
          const GArray    *shifts,
          gboolean         around_the_clock)
{
  Day *day = g_new0 (Day, 1);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *add_row, *box, *dash, *add;
  g_autofree char *summary = NULL;
  g_autofree char *from_label = NULL;
  g_autofree char *to_label = NULL;

  day->editor = self;
  day->weekday = weekday;
  day->date = date;
  day->key = weekday >= 0 ? g_strdup_printf ("%d", weekday) : takt_format_date (date);
  day->expander = expander;
  g_object_set_data_full (G_OBJECT (expander), "takt-day", day, day_free);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  summary = takt_format_shifts (shifts);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), summary);
  set_name (expander, weekday >= 0 ? "weekday-" : "exception-", day->key);

  for (guint i = 0; shifts != NULL && i < shifts->len; i++)
    {
      const TaktShift *shift = &g_array_index (shifts, TaktShift, i);
      g_autofree char *span = shift_span (shift, " – ");
      g_autofree char *length = takt_format_duration (shift->to - shift->from);
      g_autofree char *index = g_strdup_printf ("%s-%u", day->key, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), span);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), length);
      gtk_widget_add_css_class (row, "numeric");
      remove = takt_editor_icon_button_new ("user-trash-symbolic", _("Remove Shift"));
      set_name (remove, "remove-shift-", index);
      g_object_set_data (G_OBJECT (remove), "takt-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_shift_cb), day);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  if (around_the_clock)
    {
      GtkWidget *note = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Around the clock"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (note),
                                   _("The plant has no calendar yet; a change to any day gives it one"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), note);
    }

  /* Translators: the accessible names of the times of a new shift, "Start of a new shift on Monday" */
  from_label = g_strdup_printf (_("Start of a new shift on %s"), title);
  to_label = g_strdup_printf (_("End of a new shift on %s"), title);

  add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("New shift"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add_row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  day->from = time_entry ("06:00", from_label);
  day->to = time_entry ("14:00", to_label);
  set_name (day->from, "shift-from-", day->key);
  set_name (day->to, "shift-to-", day->key);
  dash = gtk_label_new ("–");
  gtk_accessible_update_state (GTK_ACCESSIBLE (dash), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  add = takt_editor_icon_button_new ("list-add-symbolic", _("Add Shift"));
  set_name (add, "add-shift-", day->key);
  g_signal_connect_swapped (day->from, "activate", G_CALLBACK (from_activate_cb), day);
  g_signal_connect_swapped (day->to, "activate", G_CALLBACK (add_shift_cb), day);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_shift_cb), day);
  gtk_box_append (GTK_BOX (box), day->from);
  gtk_box_append (GTK_BOX (box), dash);
  gtk_box_append (GTK_BOX (box), day->to);
  gtk_box_append (GTK_BOX (box), add);
  adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), add_row);

  day->error = takt_error_row_new ();
  set_name (day->error, "shift-error-", day->key);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), day->error);

  if (weekday < 0)
    {
      GtkWidget *remove = takt_editor_icon_button_new ("user-trash-symbolic", _("Remove Exception"));

      set_name (remove, "remove-exception-", day->key);
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_exception_cb), day);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);
    }

  if (g_hash_table_contains (self->expanded, day->key))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);

  return expander;
}

static void
remember_expanded (TaktShiftEditor *self,
                   GPtrArray       *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      Day *day = g_object_get_data (G_OBJECT (row), "takt-day");

      if (day == NULL)
        continue;
      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (self->expanded, g_strdup (day->key));
      else
        g_hash_table_remove (self->expanded, day->key);
    }
}

static void
clear_group (GtkWidget *group,
             GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_to_group (GtkWidget *group,
              GPtrArray *rows,
              GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (rows, row);
}

static const TaktCalendar *
target_calendar (TaktShiftEditor *self,
                 const TaktPlan  *plan,
                 gboolean        *found)
{
  *found = TRUE;
  if (self->station_id == NULL)
    return plan->calendar;
  else
    {
      int s = takt_plan_find_station (plan, self->station_id);

      if (s < 0)
        {
          *found = FALSE;
          return NULL;
        }
      return takt_plan_station_calendar (plan, s);
    }
}

static void
append_shifts (GString      *out,
               const GArray *shifts)
{
  for (guint i = 0; shifts != NULL && i < shifts->len; i++)
    {
      const TaktShift *shift = &g_array_index (shifts, TaktShift, i);

      g_string_append_printf (out, "%d-%d,", shift->from, shift->to);
    }
  g_string_append_c (out, ';');
}

static char *
signature (TaktShiftEditor    *self,
           const TaktCalendar *calendar,
           int                 week_start)
{
  GString *out = g_string_new (self->station_id != NULL ? self->station_id : "(plant)");

  g_string_append_printf (out, "|%d|%d|", week_start, calendar != NULL);
  if (calendar != NULL)
    {
      for (int d = 0; d < 7; d++)
        append_shifts (out, calendar->week[d]);
      for (guint i = 0; i < calendar->exceptions->len; i++)
        {
          const TaktCalendarException *ex = g_ptr_array_index (calendar->exceptions, i);

          g_string_append_printf (out, "%" G_GINT64_FORMAT ":", ex->date);
          append_shifts (out, ex->shifts);
        }
    }
  return g_string_free (out, FALSE);
}

static void
sync_rows (TaktShiftEditor *self,
           gboolean         force)
{
  const TaktPlan *plan = self->document != NULL ? takt_document_get_plan (self->document) : NULL;
  const TaktCalendar *calendar = NULL;
  g_autofree char *sig = NULL;
  int week_start = takt_editor_week_start ();
  gboolean found = FALSE;

  if (plan != NULL)
    calendar = target_calendar (self, plan, &found);
  if (!found)
    {
      remember_expanded (self, self->week_rows);
      remember_expanded (self, self->exception_rows);
      clear_group (self->week_group, self->week_rows);
      clear_group (self->exceptions_group, self->exception_rows);
      g_clear_pointer (&self->signature, g_free);
      return;
    }

  sig = signature (self, calendar, week_start);
  if (!force && g_strcmp0 (sig, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_steal_pointer (&sig);

  self->syncing++;

  remember_expanded (self, self->week_rows);
  remember_expanded (self, self->exception_rows);
  clear_group (self->week_group, self->week_rows);
  clear_group (self->exceptions_group, self->exception_rows);

  for (int i = 0; i < 7; i++)
    {
      int d = (week_start + i) % 7;
      g_autoptr(GArray) around = calendar == NULL ? all_day () : NULL;

      add_to_group (self->week_group, self->week_rows,
                    day_rows (self, d, 0, takt_format_weekday (d),
                              calendar != NULL ? calendar->week[d] : around, calendar == NULL));
    }

  if (calendar != NULL && calendar->exceptions->len > 0)
    {
      for (guint i = 0; i < calendar->exceptions->len; i++)
        {
          const TaktCalendarException *ex = g_ptr_array_index (calendar->exceptions, i);
          g_autofree char *title = takt_format_day (ex->date);

          add_to_group (self->exceptions_group, self->exception_rows,
                        day_rows (self, -1, ex->date, title, ex->shifts, FALSE));
        }
    }
  else
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _("No holidays or exceptions"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (empty),
                                   _("Every date follows the week. Add a date to close it or give it other shifts."));
      gtk_widget_add_css_class (empty, "dim-label");
      add_to_group (self->exceptions_group, self->exception_rows, empty);
    }

  self->syncing--;
}

/* ---- the date picker ---- */

static void
picker_show_cb (TaktShiftEditor *self)
{
  const TaktPlan *plan;
  const TaktCalendar *calendar;
  gint64 date, year;
  int month, day;
  gboolean found;
  g_autoptr(GDateTime) when = NULL;

  takt_error_row_set_message (self->picker_error, NULL);
  if (self->document == NULL)
    return;

  /* The day after the last exception, or the start of the horizon. */
  plan = takt_document_get_plan (self->document);
  calendar = target_calendar (self, plan, &found);
  date = takt_day_start (plan->horizon_start);
  if (calendar != NULL && calendar->exceptions->len > 0)
    {
      const TaktCalendarException *last =
        g_ptr_array_index (calendar->exceptions, calendar->exceptions->len - 1);

      date = MAX (date, last->date + TAKT_DAY_S);
    }

  takt_civil_from_days (date / TAKT_DAY_S, &year, &month, &day);
  when = g_date_time_new_utc ((int) year, month, day, 12, 0, 0);
  if (when != NULL)
    gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
}

static void
add_exception_cb (TaktShiftEditor *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;
  CalEdit edit = { NULL, CAL_ADD_EXCEPTION, -1, 0, 0, { 0, 0 } };
  Day *day;

  edit.date = takt_days_from_civil (g_date_time_get_year (when), g_date_time_get_month (when),
                                    g_date_time_get_day_of_month (when)) * TAKT_DAY_S;
  if (!apply (self, &edit, &message))
    {
      takt_error_row_set_message (self->picker_error, message);
      return;
    }

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->picker));
  key = takt_format_date (edit.date);
  day = find_day (self->exception_rows, key);
  if (day != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (day->expander), TRUE);
      gtk_widget_grab_focus (day->from);
    }
}

static void
day_selected_cb (TaktShiftEditor *self)
{
  takt_error_row_set_message (self->picker_error, NULL);
}

static GtkWidget *
date_picker (TaktShiftEditor *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Date"));
  GtkWidget *errors = gtk_list_box_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Date"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add a Holiday or a Date with Other Shifts"));
  gtk_widget_set_name (button, "exception-picker");

  self->calendar = gtk_calendar_new ();
  gtk_widget_set_name (self->calendar, "exception-calendar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date of the exception"),
                                  -1);

  self->picker_error = takt_error_row_new ();
  gtk_widget_set_name (self->picker_error, "exception-error");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (errors), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (errors, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (errors), self->picker_error);
  g_object_bind_property (self->picker_error, "visible", errors, "visible", G_BINDING_SYNC_CREATE);

  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_name (add, "add-exception");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_exception_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);

  gtk_box_append (GTK_BOX (box), self->calendar);
  gtk_box_append (GTK_BOX (box), errors);
  gtk_box_append (GTK_BOX (box), add);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (picker_show_cb), self);

  self->picker = button;
  return button;
}

/* ---- the object ---- */

static void
takt_shift_editor_dispose (GObject *object)
{
  TaktShiftEditor *self = TAKT_SHIFT_EDITOR (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->week_group);
  g_clear_object (&self->exceptions_group);
  g_clear_pointer (&self->week_rows, g_ptr_array_unref);
  g_clear_pointer (&self->exception_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (takt_shift_editor_parent_class)->dispose (object);
}

static void
takt_shift_editor_finalize (GObject *object)
{
  TaktShiftEditor *self = TAKT_SHIFT_EDITOR (object);

  g_free (self->station_id);
  g_free (self->signature);
  g_hash_table_unref (self->expanded);

  G_OBJECT_CLASS (takt_shift_editor_parent_class)->finalize (object);
}

static void
takt_shift_editor_class_init (TaktShiftEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = takt_shift_editor_dispose;
  object_class->finalize = takt_shift_editor_finalize;
}

static void
week_start_changed_cb (TaktShiftEditor *self)
{
  sync_rows (self, FALSE);
}

static void
takt_shift_editor_init (TaktShiftEditor *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->week_rows = g_ptr_array_new ();
  self->exception_rows = g_ptr_array_new ();

  self->week_group = g_object_ref_sink (adw_preferences_group_new ());
  gtk_widget_set_name (self->week_group, "week-group");
  self->exceptions_group = g_object_ref_sink (adw_preferences_group_new ());
  gtk_widget_set_name (self->exceptions_group, "exceptions-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->exceptions_group),
                                   _("Holidays and Exceptions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->exceptions_group),
                                         _("Dates with shifts of their own; a date without shifts is "
                                           "closed all day."));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->exceptions_group),
                                           date_picker (self));

  /* The week starts where the preferences say, at once when they change. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.taktplanner.Takt", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "week-start"))
    {
      self->settings = g_settings_new ("io.github.taktplanner.Takt");
      g_signal_connect_swapped (self->settings, "changed::week-start",
                                G_CALLBACK (week_start_changed_cb), self);
    }
}

TaktShiftEditor *
takt_shift_editor_new (void)
{
  return g_object_new (TAKT_TYPE_SHIFT_EDITOR, NULL);
}

GtkWidget *
takt_shift_editor_get_week_group (TaktShiftEditor *self)
{
  g_return_val_if_fail (TAKT_IS_SHIFT_EDITOR (self), NULL);
  return self->week_group;
}

GtkWidget *
takt_shift_editor_get_exceptions_group (TaktShiftEditor *self)
{
  g_return_val_if_fail (TAKT_IS_SHIFT_EDITOR (self), NULL);
  return self->exceptions_group;
}

void
takt_shift_editor_show (TaktShiftEditor *self,
                        TaktDocument    *document,
                        const char      *station_id)
{
  gboolean other;

  g_return_if_fail (TAKT_IS_SHIFT_EDITOR (self));
  g_return_if_fail (document == NULL || TAKT_IS_DOCUMENT (document));

  other = self->document != document || g_strcmp0 (self->station_id, station_id) != 0;
  if (other)
    {
      /* Another calendar: its days start folded. */
      clear_group (self->week_group, self->week_rows);
      clear_group (self->exceptions_group, self->exception_rows);
      g_hash_table_remove_all (self->expanded);
      g_set_object (&self->document, document);
      g_free (self->station_id);
      self->station_id = g_strdup (station_id);
    }

  if (station_id == NULL)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->week_group), _("Plant Calendar"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->week_group),
                                             _("The working week of every station that uses the plant "
                                               "calendar. Shifts may not overlap; work stops at a "
                                               "shift’s end and goes on at the next one’s start."));
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->week_group), _("Weekly Shifts"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->week_group),
                                             _("This station’s own working week."));
    }

  sync_rows (self, other);
}
