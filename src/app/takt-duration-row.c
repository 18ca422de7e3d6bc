/* takt-duration-row.c — an entry row for a duration typed with its units
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-duration-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "takt-duration-row.h"

/* Longer than any routing step could sensibly take; the core has its own
 * limit and says so when it is passed. */
#define MAX_SECONDS 1.0e10

typedef struct
{
  const char *name;
  gint64      factor;
} Unit;

static const Unit units[] = {
  { "d", 86400 }, { "day", 86400 }, { "days", 86400 },
  { "h", 3600 }, { "hr", 3600 }, { "hrs", 3600 }, { "hour", 3600 }, { "hours", 3600 },
  { "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 }, { "minutes", 60 },
  { "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 }, { "seconds", 1 },
};

/* The units as this row writes them, in the language of the interface. */
static const char *
unit_day (void)
{
  /* Translators: the unit of days in a duration, "2 d 4 h"; people may type it */
  return C_("duration", "d");
}

static const char *
unit_hour (void)
{
  /* Translators: the unit of hours in a duration, "1 h 30 min"; people may type it */
  return C_("duration", "h");
}

static const char *
unit_minute (void)
{
  /* Translators: the unit of minutes in a duration, "1 h 30 min"; people may type it */
  return C_("duration", "min");
}

static const char *
unit_second (void)
{
  /* Translators: the unit of seconds in a duration, "45 s"; people may type it */
  return C_("duration", "s");
}

static gboolean
lookup_unit (const char *word,
             gint64     *factor)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  const struct { const char *name; gint64 factor; } local[] = {
    { unit_day (), 86400 }, { unit_hour (), 3600 }, { unit_minute (), 60 }, { unit_second (), 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (folded, units[i].name) == 0)
      {
        *factor = units[i].factor;
        return TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (local); i++)
    {
      g_autofree char *name = g_utf8_casefold (local[i].name, -1);

      if (strcmp (folded, name) == 0)
        {
          *factor = local[i].factor;
          return TRUE;
        }
    }

  return FALSE;
}

static void
set_message (char       **message,
             char        *text)
{
  if (message != NULL)
    *message = text;
  else
    g_free (text);
}

static char *
not_a_duration (const char *text)
{
  /* Translators: a duration that could not be read; %s is what was typed */
  return g_strdup_printf (_("“%s” is not a duration: type e.g. “1 h 30 min”, “90 min”, “45 s” or “1:30:00”"),
                          text);
}

/* "H:MM" (hours and minutes) or "H:MM:SS". */
static gboolean
parse_clock_span (const char  *text,
                  double      *seconds)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  double total = 0;

  if (n < 2 || n > 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *part = g_strstrip (parts[i]);
      guint64 value;

      if (part[0] == '\0' || strspn (part, "0123456789") != strlen (part) || strlen (part) > 9)
        return FALSE;
      value = g_ascii_strtoull (part, NULL, 10);
      if (i > 0 && (strlen (part) != 2 || value >= 60))
        return FALSE;
      total += (double) value * (i == 0 ? 3600.0 : i == 1 ? 60.0 : 1.0);
    }

  *seconds = total;
  return TRUE;
}

gboolean
takt_duration_parse (const char  *text,
                     gint64      *seconds,
                     char       **message)
{
  g_autofree char *copy = NULL;
  const char *p;
  double total = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (seconds != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    {
      set_message (message, g_strdup (_("Type a duration, e.g. “1 h 30 min”, “90 min” or “45 s”")));
      return FALSE;
    }

  if (strchr (copy, ':') != NULL)
    {
      if (!parse_clock_span (copy, &total))
        {
          set_message (message, not_a_duration (copy));
          return FALSE;
        }
      *seconds = (gint64) llround (total);
      return TRUE;
    }

  p = copy;
  while (*p != '\0')
    {
      g_autoptr(GString) number = g_string_new (NULL);
      g_autofree char *word = NULL;
      const char *start;
      gint64 factor;
      double value;
      gboolean point = FALSE;

      while (g_unichar_isspace (g_utf8_get_char (p)) || *p == ',' || *p == '+')
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      while (g_ascii_isdigit (*p) || ((*p == '.' || *p == ',') && !point && g_ascii_isdigit (p[1])))
        {
          if (*p == '.' || *p == ',')
            {
              point = TRUE;
              g_string_append_c (number, '.');
            }
          else
            g_string_append_c (number, *p);
          p++;
        }
      if (number->len == 0)
        {
          set_message (message, not_a_duration (copy));
          return FALSE;
        }
      value = g_ascii_strtod (number->str, NULL);

      while (g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      start = p;
      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        {
          /* Translators: a number typed without a unit; %s is the number */
          set_message (message, g_strdup_printf (_("Which unit is %s? Type e.g. “%s min” or “%s s”"),
                                                 number->str, number->str, number->str));
          return FALSE;
        }
      word = g_strndup (start, p - start);
      if (!lookup_unit (word, &factor))
        {
          /* Translators: %s is a unit that was typed; d, h, min and s are the ones known */
          set_message (message, g_strdup_printf (_("Unknown unit “%s”: use d, h, min or s"), word));
          return FALSE;
        }

      total += value * (double) factor;
      any = TRUE;
    }

  if (!any)
    {
      set_message (message, not_a_duration (copy));
      return FALSE;
    }
  if (total > MAX_SECONDS)
    {
      set_message (message, g_strdup (_("The duration is too long")));
      return FALSE;
    }

  *seconds = (gint64) llround (total);
  return TRUE;
}

char *
takt_duration_to_string (gint64 seconds)
{
  g_autoptr(GString) str = g_string_new (NULL);
  const struct { gint64 factor; const char *unit; } parts[] = {
    { 86400, unit_day () }, { 3600, unit_hour () }, { 60, unit_minute () }, { 1, unit_second () },
  };

  if (seconds <= 0)
    return g_strdup_printf ("0 %s", unit_second ());

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gint64 n = seconds / parts[i].factor;

      if (n == 0)
        continue;
      seconds -= n * parts[i].factor;
      if (str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append_printf (str, "%" G_GINT64_FORMAT " %s", n, parts[i].unit);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* ---- the row ---- */

struct _TaktDurationRow
{
  AdwEntryRow  parent_instance;

  gint64       seconds;
  char        *error;
  gboolean     committing;
};

G_DEFINE_FINAL_TYPE (TaktDurationRow, takt_duration_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_SECONDS,
  PROP_ERROR,
  N_PROPS
};

enum {
  COMMIT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
commit (TaktDurationRow *self)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  const char *text;
  gint64 seconds;

  if (self->committing)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self));
  shown = takt_duration_to_string (self->seconds);
  if (self->error == NULL && g_strcmp0 (text, shown) == 0)
    return;

  if (!takt_duration_parse (text, &seconds, &message))
    {
      takt_duration_row_set_error (self, message);
      return;
    }

  if (seconds == self->seconds)
    {
      takt_duration_row_set_seconds (self, seconds);
      return;
    }

  /* The handler may rebuild the rows around this one. */
  g_object_ref (self);
  self->committing = TRUE;
  takt_duration_row_set_error (self, NULL);
  g_signal_emit (self, signals[COMMIT], 0, seconds);
  self->committing = FALSE;
  g_object_unref (self);
}

static void
focus_leave_cb (TaktDurationRow *self)
{
  commit (self);
}

static void
takt_duration_row_finalize (GObject *object)
{
  TaktDurationRow *self = TAKT_DURATION_ROW (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (takt_duration_row_parent_class)->finalize (object);
}

static void
takt_duration_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TaktDurationRow *self = TAKT_DURATION_ROW (object);

  switch (prop_id)
    {
    case PROP_SECONDS:
      g_value_set_int64 (value, self->seconds);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_duration_row_class_init (TaktDurationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = takt_duration_row_finalize;
  object_class->get_property = takt_duration_row_get_property;

  properties[PROP_SECONDS] =
    g_param_spec_int64 ("seconds", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TaktDurationRow::commit:
   * @seconds: what the person typed, in whole seconds
   *
   * A new duration was typed and Enter pressed or the focus moved on.
   */
  signals[COMMIT] =
    g_signal_new ("commit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
takt_duration_row_init (TaktDurationRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect (self, "entry-activated", G_CALLBACK (commit), NULL);
  g_signal_connect (self, "apply", G_CALLBACK (commit), NULL);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               _("A duration with its units, e.g. “1 h 30 min”, “90 min”, “45 s” or “1:30:00”"));
  takt_duration_row_set_seconds (self, 0);
}

GtkWidget *
takt_duration_row_new (const char *title)
{
  GtkWidget *row = g_object_new (TAKT_TYPE_DURATION_ROW, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

gint64
takt_duration_row_get_seconds (TaktDurationRow *self)
{
  g_return_val_if_fail (TAKT_IS_DURATION_ROW (self), 0);
  return self->seconds;
}

void
takt_duration_row_set_seconds (TaktDurationRow *self,
                               gint64           seconds)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TAKT_IS_DURATION_ROW (self));

  text = takt_duration_to_string (seconds);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), text);
  takt_duration_row_set_error (self, NULL);

  if (self->seconds != seconds)
    {
      self->seconds = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
    }
}

/**
 * takt_duration_row_get_error:
 *
 * Returns: (nullable): why the text typed was refused
 */
const char *
takt_duration_row_get_error (TaktDurationRow *self)
{
  g_return_val_if_fail (TAKT_IS_DURATION_ROW (self), NULL);
  return self->error;
}

void
takt_duration_row_set_error (TaktDurationRow *self,
                             const char      *message)
{
  g_return_if_fail (TAKT_IS_DURATION_ROW (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}
