/* takt-campaign-calendar.c — the campaign calendar as plain cairo drawing
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "takt-campaign-calendar.h"
#include "takt-chart-private.h"
#include "takt-chart-views.h"
#include "takt-demand.h"
#include "takt-money.h"
#include "takt-time.h"

#define PAD        8.0
#define EDGE_PX    6.0     /* the grip at each end of a bar */
#define BAR_GAP    3.0

typedef struct
{
  int           campaign;
  TaktChartRect r;
  gboolean      first;     /* holds the campaign's first day */
  gboolean      last;      /* holds its last day */
  gboolean      ghost;     /* the preview of a drag */
  gboolean      outside;   /* the name goes after the bar (timeline, narrow bars) */
} Piece;

typedef struct
{
  int    channel;
  double y0;
  double y1;
  int    rows;
} Lane;

/* A campaign as placed: its days (midnights, end inclusive). */
typedef struct
{
  int      campaign;
  gint64   start;
  gint64   end;
  gboolean ghost;
  int      row;
  gint64   reserve_end;  /* the last day its row keeps (its name may run past its end) */
  gboolean outside;
} Item;

struct _TaktCampaignCalendar
{
  const TaktPlan          *plan;
  TaktCampaignCalendarMode mode;
  int                      year;
  int                      month;
  gint64                   timeline_first;
  guint                    timeline_weeks;
  int                      week_start;
  gint64                   today;
  int                      selected;
  int                      preview;
  gint64                   preview_start;
  gint64                   preview_end;
  gboolean                 show_title;

  gboolean                 has_readiness;
  guint                    n_readiness;
  gint64                  *late;

  /* the last drawing */
  gboolean                 drawn;
  TaktChartRect            rect;
  TaktChartRect            grid;
  gint64                   first_day;
  guint                    n_days;
  double                   cell_w;
  double                   cell_h;
  double                   px_per_day;
  GArray                  *pieces;
  GArray                  *lanes;
  GArray                  *header_texts;   /* TaktChartRect: title, note, axis labels */
  gboolean                 has_note;
  TaktChartRect            note;
};

typedef struct
{
  cairo_t              *cr;
  const TaktGanttTheme *theme;
  double                scale;
  PangoLayout          *small;
  PangoLayout          *bold;
  PangoLayout          *title;
  double                small_h;
  double                bar_h;
} Frame;

/* ---- set-up ---- */

TaktCampaignCalendar *
takt_campaign_calendar_new (const TaktPlan *plan)
{
  TaktCampaignCalendar *self;
  gint64 year;
  int month, day;

  g_return_val_if_fail (plan != NULL, NULL);

  self = g_new0 (TaktCampaignCalendar, 1);
  self->plan = plan;
  self->mode = TAKT_CAMPAIGN_CALENDAR_MONTH;
  takt_civil_from_days (takt_day_start (plan->horizon_start) / TAKT_DAY_S, &year, &month, &day);
  self->year = (int) year;
  self->month = month;
  self->timeline_first = takt_day_start (plan->horizon_start);
  self->timeline_weeks = (guint) CLAMP ((plan->horizon_days + 13) / 7, 2, 104);
  self->today = G_MININT64;
  self->selected = -1;
  self->preview = -1;
  self->show_title = TRUE;
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  self->lanes = g_array_new (FALSE, TRUE, sizeof (Lane));
  self->header_texts = g_array_new (FALSE, TRUE, sizeof (TaktChartRect));
  return self;
}

void
takt_campaign_calendar_free (TaktCampaignCalendar *self)
{
  if (self == NULL)
    return;
  g_free (self->late);
  g_array_unref (self->pieces);
  g_array_unref (self->lanes);
  g_array_unref (self->header_texts);
  g_free (self);
}

void
takt_campaign_calendar_set_plan (TaktCampaignCalendar *self,
                                 const TaktPlan       *plan)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (plan != NULL);

  self->plan = plan;
  self->has_readiness = FALSE;
  self->selected = -1;
  self->preview = -1;
  self->drawn = FALSE;
}

void
takt_campaign_calendar_set_readiness (TaktCampaignCalendar *self,
                                      const TaktChartData  *data)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->late, g_free);
  self->has_readiness = data != NULL && data->has_schedule;
  self->n_readiness = 0;
  if (!self->has_readiness)
    return;
  self->n_readiness = data->n_campaigns;
  self->late = g_memdup2 (data->campaign_late, sizeof (gint64) * MAX (data->n_campaigns, 1));
}

void
takt_campaign_calendar_set_mode (TaktCampaignCalendar    *self,
                                 TaktCampaignCalendarMode mode)
{
  g_return_if_fail (self != NULL);
  self->mode = mode;
}

TaktCampaignCalendarMode
takt_campaign_calendar_get_mode (const TaktCampaignCalendar *self)
{
  g_return_val_if_fail (self != NULL, TAKT_CAMPAIGN_CALENDAR_MONTH);
  return self->mode;
}

void
takt_campaign_calendar_set_month (TaktCampaignCalendar *self,
                                  int                   year,
                                  int                   month)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (month >= 1 && month <= 12);
  self->year = year;
  self->month = month;
}

void
takt_campaign_calendar_get_month (const TaktCampaignCalendar *self,
                                  int                        *year,
                                  int                        *month)
{
  g_return_if_fail (self != NULL);
  if (year != NULL)
    *year = self->year;
  if (month != NULL)
    *month = self->month;
}

static gint64
week_floor (const TaktCampaignCalendar *self,
            gint64                      day)
{
  gint64 d = takt_day_start (day);

  while (takt_weekday (d) != self->week_start)
    d -= TAKT_DAY_S;
  return d;
}

void
takt_campaign_calendar_set_timeline (TaktCampaignCalendar *self,
                                     gint64                first_day,
                                     guint                 n_weeks)
{
  g_return_if_fail (self != NULL);
  self->timeline_first = takt_day_start (first_day);
  self->timeline_weeks = CLAMP (n_weeks, 1, 104);
}

/* The days the current view shows: [first, end). */
static void
view_range (const TaktCampaignCalendar *self,
            gint64                     *first,
            gint64                     *end)
{
  if (self->mode == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    {
      *first = week_floor (self, self->timeline_first);
      *end = *first + (gint64) self->timeline_weeks * 7 * TAKT_DAY_S;
    }
  else
    {
      gint64 month_first = takt_days_from_civil (self->year, self->month, 1) * TAKT_DAY_S;
      gint64 next = takt_days_from_civil (self->month == 12 ? self->year + 1 : self->year,
                                          self->month == 12 ? 1 : self->month + 1, 1) * TAKT_DAY_S;
      gint64 weeks;

      *first = week_floor (self, month_first);
      weeks = ((next - *first) / TAKT_DAY_S + 6) / 7;
      *end = *first + weeks * 7 * TAKT_DAY_S;
    }
}

void
takt_campaign_calendar_get_range (const TaktCampaignCalendar *self,
                                  gint64                     *first_day,
                                  gint64                     *end_day)
{
  gint64 first, end;

  g_return_if_fail (self != NULL);
  view_range (self, &first, &end);
  if (first_day != NULL)
    *first_day = first;
  if (end_day != NULL)
    *end_day = end;
}

void
takt_campaign_calendar_go_to (TaktCampaignCalendar *self,
                              gint64                day)
{
  gint64 year;
  int month, mday;

  g_return_if_fail (self != NULL);

  takt_civil_from_days (takt_day_start (day) / TAKT_DAY_S, &year, &month, &mday);
  self->year = (int) year;
  self->month = month;
  if (self->mode == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    {
      gint64 first, end;

      view_range (self, &first, &end);
      if (day < first || day >= end)
        self->timeline_first = week_floor (self, day);
    }
}

void
takt_campaign_calendar_step (TaktCampaignCalendar *self,
                             int                   direction)
{
  g_return_if_fail (self != NULL);

  if (self->mode == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    {
      gint64 weeks = MAX ((gint64) self->timeline_weeks / 2, 1);

      self->timeline_first = week_floor (self, self->timeline_first) + (direction > 0 ? 1 : -1) * weeks * 7 * TAKT_DAY_S;
      return;
    }
  self->month += direction > 0 ? 1 : -1;
  if (self->month > 12)
    {
      self->month = 1;
      self->year++;
    }
  else if (self->month < 1)
    {
      self->month = 12;
      self->year--;
    }
}

void
takt_campaign_calendar_set_week_start (TaktCampaignCalendar *self,
                                       int                   weekday)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (weekday >= 0 && weekday <= 6);
  self->week_start = weekday;
}

void
takt_campaign_calendar_set_today (TaktCampaignCalendar *self,
                                  gint64                today)
{
  g_return_if_fail (self != NULL);
  self->today = today == G_MININT64 ? today : takt_day_start (today);
}

void
takt_campaign_calendar_set_selected (TaktCampaignCalendar *self,
                                     int                   campaign)
{
  g_return_if_fail (self != NULL);
  self->selected = campaign;
}

void
takt_campaign_calendar_set_preview (TaktCampaignCalendar *self,
                                    int                   campaign,
                                    gint64                start,
                                    gint64                end)
{
  g_return_if_fail (self != NULL);
  self->preview = campaign;
  self->preview_start = takt_day_start (MIN (start, end));
  self->preview_end = takt_day_start (MAX (start, end));
}

void
takt_campaign_calendar_set_show_title (TaktCampaignCalendar *self,
                                       gboolean              show)
{
  g_return_if_fail (self != NULL);
  self->show_title = !!show;
}

/* ---- text ---- */

const char *
takt_campaign_channel_label (TaktChannel channel)
{
  switch (channel)
    {
    case TAKT_CHANNEL_SOCIAL:
      return C_("channel", "Social");
    case TAKT_CHANNEL_EMAIL:
      return C_("channel", "Email");
    case TAKT_CHANNEL_SEARCH:
      return C_("channel", "Search");
    case TAKT_CHANNEL_DISPLAY:
      return C_("channel", "Display");
    case TAKT_CHANNEL_VIDEO:
      return C_("channel", "Video");
    case TAKT_CHANNEL_PRINT:
      return C_("channel", "Print");
    case TAKT_CHANNEL_EVENT:
      return C_("channel", "Event");
    case TAKT_CHANNEL_OTHER:
    case TAKT_N_CHANNELS:
    default:
      return C_("channel", "Other");
    }
}

static const TaktCampaign *
get_campaign (const TaktCampaignCalendar *self,
              int                         c)
{
  if (self->plan->campaigns == NULL || c < 0 || (guint) c >= self->plan->campaigns->len)
    return NULL;
  return g_ptr_array_index (self->plan->campaigns, c);
}

static gint64
campaign_units (const TaktCampaign *campaign)
{
  gint64 units = 0;

  for (guint j = 0; campaign->products != NULL && j < campaign->products->len; j++)
    units += takt_campaign_product_units (campaign, j);
  return units;
}

/* -1: unknown; else the late or unmet units. */
static gint64
campaign_late (const TaktCampaignCalendar *self,
               int                         c)
{
  if (!self->has_readiness || c < 0 || (guint) c >= self->n_readiness)
    return -1;
  return self->late[c];
}

static const char *
currency_of (const TaktCampaignCalendar *self)
{
  return self->plan->currency != NULL && *self->plan->currency ? self->plan->currency : "EUR";
}

char *
takt_campaign_calendar_describe (const TaktCampaignCalendar *self,
                                 int                         campaign)
{
  const TaktCampaign *c;
  g_autoptr(GString) str = NULL;
  g_autofree char *from = NULL, *to = NULL, *spend = NULL, *impressions = NULL;
  gint64 units, late;

  g_return_val_if_fail (self != NULL, NULL);

  c = get_campaign (self, campaign);
  if (c == NULL)
    return NULL;

  units = campaign_units (c);
  late = campaign_late (self, campaign);
  str = g_string_new (c->name != NULL && *c->name ? c->name : c->id);
  /* Translators: campaign dates, see g_date_time_format() */
  from = takt_chart_format_datetime (c->start, C_("campaign dates", "%a %-e %b"));
  to = takt_chart_format_datetime (c->end, C_("campaign dates", "%a %-e %b %Y"));
  g_string_append_printf (str, "\n%s – %s · %s", from, to, takt_campaign_channel_label (c->channel));
  spend = takt_money_format (c->spend, currency_of (self), 2);
  impressions = takt_chart_format_number ((double) c->impressions, 0);
  /* Translators: a campaign's spend and its reach */
  g_string_append_printf (str, _("\nSpend %s · %s impressions"), spend, impressions);
  if (c->impressions > 0)
    {
      g_autofree char *cpm = takt_money_format (c->spend / (double) c->impressions * 1000.0,
                                                         currency_of (self), 2);

      /* Translators: the cost per thousand impressions */
      g_string_append_printf (str, _("\nCost per mille %s"), cpm);
    }
  g_string_append_printf (str, "\n");
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%lld unit expected",
                                            "%lld units expected", (gulong) units),
                          (long long) units);
  if (c->spend > 0)
    {
      g_autofree char *per = takt_chart_format_number ((double) units / c->spend, 3);

      /* Translators: units a campaign brings per unit of currency spent; %s %s: "0.080", "EUR" */
      g_string_append_printf (str, _(" · %s units per %s"), per, currency_of (self));
    }
  if (c->lag_days > 0)
    {
      g_string_append (str, "\n");
      g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "Due %lld day after each campaign day",
                                                "Due %lld days after each campaign day",
                                                (gulong) c->lag_days),
                              (long long) c->lag_days);
    }
  if (late == 0)
    g_string_append_printf (str, "\n%s", _("Ready: the plan makes every unit by its due day"));
  else if (late > 0)
    {
      g_string_append (str, "\n");
      g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE,
                                                "At risk: %lld of %lld unit late",
                                                "At risk: %lld of %lld units late",
                                                (gulong) units),
                              (long long) late, (long long) units);
    }
  else
    g_string_append_printf (str, "\n%s", _("Not planned yet"));
  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* The short label of a bar: "Name · 1,500 € · 120 units". */
static char *
bar_label (const TaktCampaignCalendar *self,
           const TaktCampaign         *c,
           gboolean                    details)
{
  const char *name = c->name != NULL && *c->name ? c->name : c->id;
  g_autofree char *spend = NULL;
  g_autofree char *units = NULL;
  gint64 n;

  if (!details)
    return g_strdup (name);
  n = campaign_units (c);
  spend = takt_money_format (c->spend, currency_of (self), 0);
  units = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld unit",
                                        "%lld units", (gulong) n),
                           (long long) n);
  return g_strdup_printf ("%s · %s · %s", name, spend, units);
}

/* ---- placing ---- */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->campaign - y->campaign;
}

/* The campaigns that touch [first, end), the dragged one twice (its own
 * place and its ghost), sorted by start, then the longer first. */
static GArray *
collect_items (const TaktCampaignCalendar *self,
               gint64                      first,
               gint64                      end)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  for (guint i = 0; self->plan->campaigns != NULL && i < self->plan->campaigns->len; i++)
    {
      const TaktCampaign *c = g_ptr_array_index (self->plan->campaigns, i);
      Item it = { (int) i, takt_day_start (c->start), takt_day_start (c->end), FALSE, 0, 0, FALSE };

      if (it.end < it.start)
        it.end = it.start;
      it.reserve_end = it.end;
      if (it.start < end && it.end >= first)
        g_array_append_val (items, it);
      if ((int) i == self->preview)
        {
          Item ghost = { (int) i, self->preview_start, self->preview_end, TRUE, 0, self->preview_end, FALSE };

          if (ghost.start < end && ghost.end >= first)
            g_array_append_val (items, ghost);
        }
    }
  g_array_sort (items, compare_items);
  return items;
}

/* Gives each item of @items the lowest row free over its days within
 * [first, end); returns the number of rows. */
static int
assign_rows (GArray *items,
             gint64  first,
             gint64  end,
             gboolean (*keep) (const Item *item, gpointer data),
             gpointer data)
{
  g_autoptr(GArray) row_end = g_array_new (FALSE, TRUE, sizeof (gint64));

  for (guint i = 0; i < items->len; i++)
    {
      Item *it = &g_array_index (items, Item, i);
      gint64 a = MAX (it->start, first);
      guint r;

      if (keep != NULL && !keep (it, data))
        {
          it->row = -1;
          continue;
        }
      if (it->start >= end || it->end < first)
        {
          it->row = -1;
          continue;
        }
      for (r = 0; r < row_end->len; r++)
        if (g_array_index (row_end, gint64, r) < a)
          break;
      if (r == row_end->len)
        g_array_set_size (row_end, r + 1);
      g_array_index (row_end, gint64, r) = MIN (MAX (it->end, it->reserve_end), end);
      it->row = (int) r;
    }
  return (int) row_end->len;
}

/* ---- drawing pieces ---- */

static void
draw_mark (Frame   *f,
           double   cx,
           double   cy,
           double   radius,
           gboolean ready)
{
  TaktGanttColor c;
  cairo_t *cr = f->cr;

  takt_chart_color (ready ? TAKT_CHART_GREEN : TAKT_CHART_RED, &c);
  if (ready)
    {
      /* GNOME's darker green, so the white tick reads. */
      c.red = 0x26 / 255.0;
      c.green = 0xa2 / 255.0;
      c.blue = 0x69 / 255.0;
    }
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  takt_chart_set_source (cr, &c, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, MAX (1.5, radius * 0.3));
  if (ready)
    {
      cairo_move_to (cr, cx - radius * 0.45, cy + radius * 0.02);
      cairo_line_to (cr, cx - radius * 0.1, cy + radius * 0.38);
      cairo_line_to (cr, cx + radius * 0.5, cy - radius * 0.35);
      cairo_stroke (cr);
    }
  else
    {
      cairo_move_to (cr, cx, cy - radius * 0.5);
      cairo_line_to (cr, cx, cy + radius * 0.1);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy + radius * 0.45, MAX (0.9, radius * 0.13), 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
draw_piece (TaktCampaignCalendar *self,
            Frame                *f,
            const Piece          *p,
            gboolean              faded)
{
  const TaktCampaign *c = get_campaign (self, p->campaign);
  TaktGanttColor color, text;
  cairo_t *cr = f->cr;
  const TaktChartRect *r = &p->r;
  double text_right = r->x + r->width - 4;
  gint64 late = campaign_late (self, p->campaign);
  double alpha = p->ghost ? 0.8 : faded ? 0.3 : 1.0;

  if (c == NULL || r->width <= 0)
    return;
  takt_chart_campaign_color (self->plan, (guint) p->campaign, &color);
  takt_chart_text_color_on (&color, &text);

  takt_chart_rounded_rect (cr, r->x, r->y, r->width, r->height, 4, p->first, p->last);
  takt_chart_set_source (cr, &color, alpha);
  cairo_fill_preserve (cr);
  if (p->ghost)
    {
      double dash[] = { 4, 3 };

      takt_chart_set_source (cr, &f->theme->text, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else if (p->campaign == self->selected && !faded)
    {
      takt_chart_set_source (cr, &f->theme->selection, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      /* A lighter inner line keeps the outline visible on a bar of the same hue. */
      takt_chart_rounded_rect (cr, r->x + 2, r->y + 2, r->width - 4, r->height - 4, 3, p->first, p->last);
      takt_chart_set_source (cr, &f->theme->background, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    cairo_new_path (cr);

  /* The readiness mark at the campaign's end. */
  if (p->last && late >= 0 && !faded && r->width >= r->height + 8)
    {
      double radius = r->height / 2 - 2.5;

      draw_mark (f, r->x + r->width - 3 - radius, r->y + r->height / 2, radius, late == 0);
      text_right -= 2 * radius + 3;
    }

  if (p->outside && p->last && !faded)
    {
      g_autofree char *name = bar_label (self, c, FALSE);
      double w, h;

      takt_chart_measure_text (f->small, name, &w, &h);
      cairo_move_to (cr, r->x + r->width + 4, r->y + (r->height - h) / 2);
      takt_chart_set_source (cr, &f->theme->text, 1);
      pango_cairo_show_layout (cr, f->small);
    }
  else if (text_right - (r->x + 5) >= 12 && !faded)
    {
      g_autofree char *label = NULL;
      g_autofree char *full = bar_label (self, c, TRUE);
      double w, h;

      takt_chart_measure_text (f->small, full, &w, &h);
      label = w <= text_right - (r->x + 5) ? g_steal_pointer (&full) : bar_label (self, c, FALSE);
      if (p->last && late > 0)
        {
          g_autofree char *with = NULL;

          with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %lld late",
                                               "%s · %lld late", (gulong) late),
                                  label, (long long) late);
          takt_chart_measure_text (f->small, with, &w, &h);
          if (w <= text_right - (r->x + 5))
            {
              g_free (label);
              label = g_steal_pointer (&with);
            }
        }
      takt_chart_measure_text (f->small, "Ag", NULL, &h);
      pango_layout_set_text (f->small, label, -1);
      pango_layout_set_width (f->small, (int) ((text_right - (r->x + 5)) * PANGO_SCALE));
      pango_layout_set_ellipsize (f->small, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, r->x + 5, r->y + (r->height - h) / 2);
      takt_chart_set_source (cr, &text, p->ghost ? 0.9 : 1);
      pango_cairo_show_layout (cr, f->small);
      pango_layout_set_width (f->small, -1);
      pango_layout_set_ellipsize (f->small, PANGO_ELLIPSIZE_NONE);
    }
}

static void
add_piece (TaktCampaignCalendar *self,
           const Item           *it,
           double                x,
           double                y,
           double                w,
           double                h,
           gboolean              first,
           gboolean              last)
{
  Piece p;

  p.campaign = it->campaign;
  p.r.x = x;
  p.r.y = y;
  p.r.width = w;
  p.r.height = h;
  p.first = first;
  p.last = last;
  p.ghost = it->ghost;
  p.outside = it->outside;
  g_array_append_val (self->pieces, p);
}

static void
draw_pieces (TaktCampaignCalendar *self,
             Frame                *f)
{
  /* Ghosts last, over everything. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->pieces->len; i++)
      {
        const Piece *p = &g_array_index (self->pieces, Piece, i);

        if (p->ghost != (pass == 1))
          continue;
        draw_piece (self, f, p, !p->ghost && p->campaign == self->preview);
      }
}

static gboolean
in_horizon (const TaktCampaignCalendar *self,
            gint64                      day)
{
  gint64 hs = takt_day_start (self->plan->horizon_start);

  return day >= hs && day < hs + self->plan->horizon_days * TAKT_DAY_S;
}

/* Keeps where a text of the header or the axis went, for the tests. */
static void
add_header_text (TaktCampaignCalendar *self,
                 double                x,
                 double                y,
                 double                width,
                 double                height)
{
  TaktChartRect r = { x, y, width, height };

  g_array_append_val (self->header_texts, r);
}

static void
draw_title (TaktCampaignCalendar *self,
            Frame                *f,
            double               *y,
            const char           *title)
{
  double w, h;

  if (!self->show_title)
    return;
  takt_chart_measure_text (f->title, title, &w, &h);
  /* Cut with an ellipsis where the drawing is narrower than the title. */
  if (w > self->rect.width - 2 * PAD)
    {
      int pw, ph;

      pango_layout_set_width (f->title, (int) (MAX (self->rect.width - 2 * PAD, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (f->title, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (f->title, &pw, &ph);
      w = pw;
      h = ph;
    }
  cairo_move_to (f->cr, self->rect.x + PAD, *y);
  takt_chart_set_source (f->cr, &f->theme->text, 1);
  pango_cairo_show_layout (f->cr, f->title);
  add_header_text (self, self->rect.x + PAD, *y, w, h);
  *y += h + 6;
}

/* ---- the month grid ---- */

static gboolean
item_visible_in_week (const Item *it,
                      gpointer    data)
{
  const gint64 *week = data;

  return it->start <= week[0] + 6 * TAKT_DAY_S && it->end >= week[0];
}

static void
draw_month (TaktCampaignCalendar *self,
            Frame                *f,
            double                y)
{
  cairo_t *cr = f->cr;
  gint64 first, end;
  int weeks;
  double head_h, day_h;
  g_autofree char *title = NULL;
  g_autoptr(GArray) items = NULL;

  view_range (self, &first, &end);
  weeks = (int) ((end - first) / TAKT_DAY_S / 7);
  self->first_day = first;
  self->n_days = (guint) ((end - first) / TAKT_DAY_S);

  title = takt_chart_format_datetime (takt_days_from_civil (self->year, self->month, 1) * TAKT_DAY_S,
                                      /* Translators: the month grid's title, see g_date_time_format() */
                                      C_("calendar title", "%B %Y"));
  draw_title (self, f, &y, title);

  /* Weekday names. */
  head_h = f->small_h + 6;
  self->grid.x = self->rect.x + PAD;
  self->grid.width = self->rect.width - 2 * PAD;
  self->cell_w = self->grid.width / 7;
  for (int col = 0; col < 7; col++)
    {
      g_autofree char *name = NULL;
      double w, h;

      /* 2024-01-01 was a Monday. */
      name = takt_chart_format_datetime ((takt_days_from_civil (2024, 1, 1) + (self->week_start + col) % 7) * TAKT_DAY_S,
                                         /* Translators: a weekday over the month grid */
                                         C_("calendar weekday", "%a"));
      takt_chart_measure_text (f->bold, name, &w, &h);
      if (w > self->cell_w - 4)
        continue;
      cairo_move_to (cr, self->grid.x + col * self->cell_w + 4, y);
      takt_chart_set_source (cr, &f->theme->dim_text, 1);
      pango_cairo_show_layout (cr, f->bold);
    }
  y += head_h;
  self->grid.y = y;
  self->grid.height = self->rect.y + self->rect.height - PAD - y;
  self->cell_h = self->grid.height / MAX (weeks, 1);
  if (self->cell_h < f->small_h + 4 || self->cell_w < 8)
    return;

  day_h = f->small_h + 4;

  /* Cells: outside the month dimmed, outside the horizon shaded, today ringed. */
  for (int i = 0; i < weeks * 7; i++)
    {
      gint64 day = first + i * TAKT_DAY_S;
      double cx = self->grid.x + (i % 7) * self->cell_w;
      double cy = self->grid.y + (i / 7) * self->cell_h;
      gint64 year;
      int month, mday;
      g_autofree char *num = NULL;
      double w, h;

      takt_civil_from_days (day / TAKT_DAY_S, &year, &month, &mday);
      if (!in_horizon (self, day))
        {
          takt_chart_set_source (cr, &f->theme->non_working, 1);
          cairo_rectangle (cr, cx, cy, self->cell_w, self->cell_h);
          cairo_fill (cr);
        }
      num = g_strdup_printf ("%d", mday);
      takt_chart_measure_text (f->small, num, &w, &h);
      if (day == self->today)
        {
          cairo_arc (cr, cx + 4 + w / 2, cy + 2 + h / 2, h / 2 + 2, 0, 2 * G_PI);
          takt_chart_set_source (cr, &f->theme->accent, 1);
          cairo_fill (cr);
          cairo_move_to (cr, cx + 4, cy + 2);
          cairo_set_source_rgb (cr, 1, 1, 1);
        }
      else
        {
          cairo_move_to (cr, cx + 4, cy + 2);
          takt_chart_set_source (cr, month == self->month ? &f->theme->text : &f->theme->dim_text,
                                 month == self->month ? 1 : 0.6);
        }
      pango_cairo_show_layout (cr, f->small);
    }

  /* Grid lines. */
  takt_chart_set_source (cr, &f->theme->grid_strong, 1);
  cairo_set_line_width (cr, 1);
  for (int col = 0; col <= 7; col++)
    {
      double x = round (self->grid.x + col * self->cell_w) + 0.5;

      cairo_move_to (cr, x, self->grid.y);
      cairo_line_to (cr, x, self->grid.y + weeks * self->cell_h);
    }
  for (int row = 0; row <= weeks; row++)
    {
      double yy = round (self->grid.y + row * self->cell_h) + 0.5;

      cairo_move_to (cr, self->grid.x, yy);
      cairo_line_to (cr, self->grid.x + 7 * self->cell_w, yy);
    }
  cairo_stroke (cr);

  /* The horizon's start and end: a thick accent line at the cell edge. */
  {
    gint64 hs = takt_day_start (self->plan->horizon_start);
    gint64 he = hs + self->plan->horizon_days * TAKT_DAY_S;
    gint64 edges[2] = { hs, he };

    for (int k = 0; k < 2; k++)
      {
        gint64 i = (edges[k] - first) / TAKT_DAY_S;
        double cx, cy;

        if (edges[k] < first || edges[k] >= end)
          continue;
        cx = self->grid.x + (i % 7) * self->cell_w;
        cy = self->grid.y + (i / 7) * self->cell_h;
        takt_chart_set_source (cr, &f->theme->accent, 1);
        cairo_rectangle (cr, cx - 1.5, cy, 3, self->cell_h);
        cairo_fill (cr);
      }
  }

  /* Campaign bars, week by week. */
  items = collect_items (self, first, end);
  for (int row = 0; row < weeks; row++)
    {
      gint64 week[1] = { first + row * 7 * TAKT_DAY_S };
      gint64 week_last = week[0] + 6 * TAKT_DAY_S;
      double cy = self->grid.y + row * self->cell_h;
      int fit = (int) floor ((self->cell_h - day_h - 2) / (f->bar_h + BAR_GAP));
      int hidden[7] = { 0 };

      assign_rows (items, week[0], week_last + TAKT_DAY_S, item_visible_in_week, week);
      for (guint i = 0; i < items->len; i++)
        {
          const Item *it = &g_array_index (items, Item, i);
          gint64 a, b;
          int col_a, col_b;

          if (it->row < 0)
            continue;
          a = MAX (it->start, week[0]);
          b = MIN (it->end, week_last);
          col_a = (int) ((a - week[0]) / TAKT_DAY_S);
          col_b = (int) ((b - week[0]) / TAKT_DAY_S);
          if (it->row >= fit)
            {
              for (int col = col_a; col <= col_b; col++)
                if (!it->ghost)
                  hidden[col]++;
              continue;
            }
          add_piece (self, it,
                     self->grid.x + col_a * self->cell_w + 2,
                     cy + day_h + it->row * (f->bar_h + BAR_GAP),
                     (col_b - col_a + 1) * self->cell_w - 4, f->bar_h,
                     it->start >= week[0], it->end <= week_last);
        }
      for (int col = 0; col < 7; col++)
        {
          g_autofree char *more = NULL;
          double w, h;

          if (hidden[col] == 0)
            continue;
          /* Translators: campaigns that do not fit in a day's cell */
          more = g_strdup_printf (_("+%d more"), hidden[col]);
          takt_chart_measure_text (f->small, more, &w, &h);
          if (w > self->cell_w - 4)
            {
              g_free (more);
              more = g_strdup_printf ("+%d", hidden[col]);
              takt_chart_measure_text (f->small, more, &w, &h);
            }
          cairo_move_to (cr, self->grid.x + (col + 1) * self->cell_w - w - 4, cy + 2);
          takt_chart_set_source (cr, &f->theme->dim_text, 1);
          pango_cairo_show_layout (cr, f->small);
        }
    }
  draw_pieces (self, f);
}

/* ---- the timeline ---- */

static gboolean
item_in_channel (const Item *it,
                 gpointer    data)
{
  const struct { const TaktCampaignCalendar *self; int channel; } *ctx = data;
  const TaktCampaign *c = get_campaign (ctx->self, it->campaign);

  return c != NULL && (int) c->channel == ctx->channel;
}

static void
draw_timeline (TaktCampaignCalendar *self,
               Frame                *f,
               double                y)
{
  cairo_t *cr = f->cr;
  gint64 first, end;
  g_autoptr(GArray) items = NULL;
  gboolean used[TAKT_N_CHANNELS] = { FALSE };
  double header_w = 0, lane_y, row_h, axis_h;
  guint n_days;
  struct { const TaktCampaignCalendar *self; int channel; } ctx;
  g_autofree char *title = NULL;

  view_range (self, &first, &end);
  n_days = (guint) ((end - first) / TAKT_DAY_S);
  self->first_day = first;
  self->n_days = n_days;

  {
    g_autofree char *a = takt_chart_format_datetime (first, C_("campaign dates", "%a %-e %b"));
    g_autofree char *b = takt_chart_format_datetime (end - TAKT_DAY_S, C_("campaign dates", "%a %-e %b %Y"));

    title = g_strdup_printf ("%s – %s", a, b);
  }
  {
    /* What the thin line under a bar means: at the right of the title when
     * it fits there, else on a line of its own above the axis (never in
     * the row of the week labels); left out when even that is too narrow. */
    const char *note = _("Thin line: the days its units fall due");
    double left = self->rect.x + PAD, right = self->rect.x + self->rect.width - PAD;
    double w, h, title_w = 0;
    gboolean beside_title;

    if (self->show_title)
      takt_chart_measure_text (f->title, title, &title_w, NULL);
    takt_chart_measure_text (f->small, note, &w, &h);
    beside_title = self->show_title && left + title_w + 24 + w <= right;
    if (beside_title || left + w <= right)
      {
        double note_y;

        if (!beside_title)
          draw_title (self, f, &y, title);
        note_y = beside_title ? y + 3 : y;
        cairo_move_to (cr, right - w, note_y);
        takt_chart_set_source (cr, &f->theme->dim_text, 1);
        pango_cairo_show_layout (cr, f->small);
        self->has_note = TRUE;
        self->note = (TaktChartRect) { right - w, note_y, w, h };
        add_header_text (self, right - w, note_y, w, h);
        if (beside_title)
          draw_title (self, f, &y, title);
        else
          y += h + 4;
      }
    else
      draw_title (self, f, &y, title);
  }

  items = collect_items (self, first, end);
  for (guint i = 0; i < items->len; i++)
    {
      const TaktCampaign *c = get_campaign (self, g_array_index (items, Item, i).campaign);

      used[c->channel] = TRUE;
    }
  for (int ch = 0; ch < TAKT_N_CHANNELS; ch++)
    {
      double w;

      takt_chart_measure_text (f->bold, takt_campaign_channel_label ((TaktChannel) ch), &w, NULL);
      header_w = MAX (header_w, w);
    }
  header_w += 16;

  self->grid.x = self->rect.x + PAD + header_w;
  self->grid.width = self->rect.x + self->rect.width - PAD - self->grid.x;
  self->px_per_day = self->grid.width / MAX (n_days, 1);
  axis_h = 2 * (f->small_h + 2) + 4;
  self->grid.y = y + axis_h;
  self->grid.height = self->rect.y + self->rect.height - PAD - self->grid.y;
  if (self->grid.width < 40 || self->grid.height < f->bar_h)
    return;

  /* Outside the horizon shaded; day lines when days are wide enough. */
  for (guint d = 0; d < n_days; d++)
    {
      gint64 day = first + d * TAKT_DAY_S;
      double x = self->grid.x + d * self->px_per_day;

      if (!in_horizon (self, day))
        {
          takt_chart_set_source (cr, &f->theme->non_working, 1);
          cairo_rectangle (cr, x, self->grid.y, self->px_per_day, self->grid.height);
          cairo_fill (cr);
        }
    }

  /* The axis: weeks above, day numbers below when they fit. */
  {
    double num_w;
    gboolean days_fit;
    double label_right = -G_MAXDOUBLE;

    takt_chart_measure_text (f->small, "30", &num_w, NULL);
    days_fit = self->px_per_day >= num_w + 4;
    for (guint d = 0; d < n_days; d++)
      {
        gint64 day = first + d * TAKT_DAY_S;
        double x = round (self->grid.x + d * self->px_per_day) + 0.5;
        gboolean week = takt_weekday (day) == self->week_start;
        gint64 year;
        int month, mday;

        takt_civil_from_days (day / TAKT_DAY_S, &year, &month, &mday);
        if (week || self->px_per_day >= 10)
          {
            takt_chart_set_source (cr, week ? &f->theme->grid_strong : &f->theme->grid, 1);
            cairo_set_line_width (cr, 1);
            cairo_move_to (cr, x, week ? y : y + f->small_h + 2);
            cairo_line_to (cr, x, self->grid.y + self->grid.height);
            cairo_stroke (cr);
          }
        if (week)
          {
            g_autofree char *label = NULL;
            g_autofree char *date = takt_chart_format_date (day, TAKT_CHART_DATE_DAY);
            double w, h;

            if (self->week_start == 0)
              {
                g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day);

                /* Translators: a week on the timeline: its ISO number and first day */
                label = g_strdup_printf (_("W%d · %s"), g_date_time_get_week_of_year (dt), date);
              }
            else
              label = g_strdup (date);
            takt_chart_measure_text (f->bold, label, &w, &h);
            if (w > 7 * self->px_per_day - 6)
              takt_chart_measure_text (f->bold, date, &w, &h);
            if (x + 4 >= label_right && x + 4 + w <= self->rect.x + self->rect.width)
              {
                cairo_move_to (cr, x + 4, y);
                takt_chart_set_source (cr, &f->theme->text, 1);
                pango_cairo_show_layout (cr, f->bold);
                add_header_text (self, x + 4, y, w, h);
                label_right = x + 4 + w + 6;
              }
          }
        if (days_fit)
          {
            g_autofree char *num = g_strdup_printf ("%d", mday);
            double w, h;

            takt_chart_measure_text (f->small, num, &w, &h);
            cairo_move_to (cr, x - 0.5 + (self->px_per_day - w) / 2, y + f->small_h + 4);
            takt_chart_set_source (cr, day == self->today ? &f->theme->accent : &f->theme->dim_text, 1);
            pango_cairo_show_layout (cr, f->small);
            add_header_text (self, x - 0.5 + (self->px_per_day - w) / 2, y + f->small_h + 4, w, h);
          }
      }
  }

  /* A bar too narrow for its name shows it after its end, and keeps its
   * row free that far. */
  for (guint i = 0; i < items->len; i++)
    {
      Item *it = &g_array_index (items, Item, i);
      const TaktCampaign *c = get_campaign (self, it->campaign);
      g_autofree char *name = bar_label (self, c, FALSE);
      double w, bar_w;

      takt_chart_measure_text (f->small, name, &w, NULL);
      bar_w = ((it->end - it->start) / TAKT_DAY_S + 1) * self->px_per_day - 2;
      it->reserve_end = it->end;
      it->outside = FALSE;
      /* (Not when the name would run out of the drawing: then it is cut.) */
      if (!it->ghost && w + 10 + f->bar_h > bar_w &&
          self->grid.x + ((MIN (it->end, end - TAKT_DAY_S) - first) / TAKT_DAY_S + 1) * self->px_per_day + w + 6 <=
          self->grid.x + self->grid.width)
        {
          it->outside = TRUE;
          it->reserve_end = it->end + (gint64) ceil ((w + 12) / self->px_per_day) * TAKT_DAY_S;
        }
    }

  /* Lanes: one per channel in use, as many rows as its campaigns overlap. */
  row_h = f->bar_h + 9;
  lane_y = self->grid.y;
  ctx.self = self;
  for (int ch = 0; ch < TAKT_N_CHANNELS; ch++)
    {
      Lane lane;
      int rows;
      double w, h;

      if (!used[ch])
        continue;
      ctx.channel = ch;
      rows = assign_rows (items, first, end, item_in_channel, &ctx);
      lane.channel = ch;
      lane.rows = MAX (rows, 1);
      lane.y0 = lane_y;
      lane.y1 = lane_y + lane.rows * row_h + 6;
      g_array_append_val (self->lanes, lane);

      takt_chart_measure_text (f->bold, takt_campaign_channel_label ((TaktChannel) ch), &w, &h);
      {
        TaktGanttColor c;

        takt_gantt_channel_color ((TaktChannel) ch, &c);
        takt_chart_set_source (cr, &c, 1);
        cairo_rectangle (cr, self->rect.x + PAD, lane.y0 + 5, 3, lane.y1 - lane.y0 - 10);
        cairo_fill (cr);
      }
      cairo_move_to (cr, self->rect.x + PAD + 9, lane.y0 + 3 + (f->bar_h - h) / 2 + 3);
      takt_chart_set_source (cr, &f->theme->text, 1);
      pango_cairo_show_layout (cr, f->bold);

      for (guint i = 0; i < items->len; i++)
        {
          const Item *it = &g_array_index (items, Item, i);
          const TaktCampaign *c = get_campaign (self, it->campaign);
          gint64 a, b;
          double x0, x1, by;

          if (it->row < 0)
            continue;
          a = MAX (it->start, first);
          b = MIN (it->end, end - TAKT_DAY_S);
          x0 = self->grid.x + (a - first) / TAKT_DAY_S * self->px_per_day;
          x1 = self->grid.x + ((b - first) / TAKT_DAY_S + 1) * self->px_per_day;
          by = lane.y0 + 5 + it->row * row_h;
          add_piece (self, it, x0 + 1, by, x1 - x0 - 2, f->bar_h, it->start >= first, it->end < end);

          /* When its units fall due: each day moved by lag_days, due at its end. */
          {
              gint64 da = MAX (it->start + c->lag_days * TAKT_DAY_S, first);
              gint64 db = MIN (it->end + c->lag_days * TAKT_DAY_S, end - TAKT_DAY_S);
              TaktGanttColor color;

              if (db >= da)
                {
                  double dx0 = self->grid.x + (da - first) / TAKT_DAY_S * self->px_per_day;
                  double dx1 = self->grid.x + ((db - first) / TAKT_DAY_S + 1) * self->px_per_day;

                  takt_chart_campaign_color (self->plan, (guint) it->campaign, &color);
                  takt_chart_set_source (cr, &color, it->ghost ? 0.4 : 0.55);
                  cairo_rectangle (cr, dx0 + 1, by + f->bar_h + 2, dx1 - dx0 - 2, 2.5);
                  cairo_fill (cr);
                }
            }
        }
      lane_y = lane.y1;
      takt_chart_set_source (cr, &f->theme->grid_strong, 1);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, self->rect.x + PAD, round (lane_y) + 0.5);
      cairo_line_to (cr, self->grid.x + self->grid.width, round (lane_y) + 0.5);
      cairo_stroke (cr);
    }

  if (self->lanes->len == 0)
    {
      double w, h;

      takt_chart_measure_text (f->small, _("No campaigns in these weeks"), &w, &h);
      cairo_move_to (cr, self->grid.x + (self->grid.width - w) / 2, self->grid.y + 12);
      takt_chart_set_source (cr, &f->theme->dim_text, 1);
      pango_cairo_show_layout (cr, f->small);
    }

  draw_pieces (self, f);

  /* Today, and the horizon's start and end, over the lanes. */
  {
    gint64 hs = takt_day_start (self->plan->horizon_start);
    struct { gint64 day; const char *label; gboolean today; } marks[] = {
      { hs, _("Plan start"), FALSE },
      { hs + self->plan->horizon_days * TAKT_DAY_S, _("Plan end"), FALSE },
      { self->today, _("Today"), TRUE },
    };

    for (guint k = 0; k < G_N_ELEMENTS (marks); k++)
      {
        double x, w, h;

        if (marks[k].day == G_MININT64 || marks[k].day < first || marks[k].day > end)
          continue;
        x = self->grid.x + (marks[k].day - first) / TAKT_DAY_S * self->px_per_day;
        if (marks[k].today)
          x += self->px_per_day / 2;
        x = round (x) + 0.5;
        takt_chart_set_source (cr, &f->theme->accent, 1);
        cairo_set_line_width (cr, marks[k].today ? 2 : 1.5);
        if (!marks[k].today)
          {
            double dash[] = { 4, 3 };

            cairo_set_dash (cr, dash, 2, 0);
          }
        cairo_move_to (cr, x, self->grid.y);
        cairo_line_to (cr, x, MAX (lane_y, self->grid.y + 20));
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        takt_chart_measure_text (f->small, marks[k].label, &w, &h);
        if (x + 3 + w > self->grid.x + self->grid.width)
          x -= w + 6;
        takt_chart_set_source (cr, &f->theme->background, 0.85);
        cairo_rectangle (cr, x + 1, MAX (lane_y, self->grid.y + 20) + 1, w + 4, h);
        cairo_fill (cr);
        cairo_move_to (cr, x + 3, MAX (lane_y, self->grid.y + 20) + 1);
        takt_chart_set_source (cr, &f->theme->accent, 1);
        pango_cairo_show_layout (cr, f->small);
      }
  }
}

void
takt_campaign_calendar_draw (TaktCampaignCalendar *self,
                             cairo_t              *cr,
                             const TaktChartRect  *rect,
                             const TaktGanttTheme *theme,
                             double                scale)
{
  Frame f = { 0 };
  double y;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (theme != NULL);

  g_array_set_size (self->pieces, 0);
  g_array_set_size (self->lanes, 0);
  g_array_set_size (self->header_texts, 0);
  self->has_note = FALSE;
  self->rect = *rect;
  self->grid = *rect;
  self->grid.width = 0;
  self->drawn = TRUE;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  takt_chart_set_source (cr, &theme->background, 1);
  cairo_paint (cr);

  f.cr = cr;
  f.theme = theme;
  f.scale = scale;
  f.small = takt_chart_new_text_layout (cr, theme->font_family, round (theme->font_size * 0.88), PANGO_WEIGHT_NORMAL);
  f.bold = takt_chart_new_text_layout (cr, theme->font_family, round (theme->font_size * 0.88), PANGO_WEIGHT_BOLD);
  f.title = takt_chart_new_text_layout (cr, theme->font_family, round (theme->font_size * 1.15), PANGO_WEIGHT_BOLD);
  takt_chart_measure_text (f.small, "Ag", NULL, &f.small_h);
  f.bar_h = f.small_h + 6;

  y = rect->y + PAD;
  if (self->mode == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    draw_timeline (self, &f, y);
  else
    draw_month (self, &f, y);

  g_object_unref (f.small);
  g_object_unref (f.bold);
  g_object_unref (f.title);
  cairo_restore (cr);
}

double
takt_campaign_calendar_get_natural_height (TaktCampaignCalendar *self,
                                           double                width,
                                           const TaktGanttTheme *theme)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  TaktChartRect rect = { 0, 0, width, 20000 };
  double height = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);

  /* Lay out into a very tall drawing, where nothing is hidden. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  takt_campaign_calendar_draw (self, cr, &rect, theme, 0);

  if (self->mode == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    {
      double bottom = self->grid.y + 40;

      for (guint i = 0; i < self->lanes->len; i++)
        bottom = MAX (bottom, g_array_index (self->lanes, Lane, i).y1);
      /* The labels of today and the horizon marks under the lanes. */
      height = bottom + theme->font_size * 1.5 + PAD;
    }
  else if (self->cell_h > 0)
    {
      PangoLayout *small = takt_chart_new_text_layout (cr, theme->font_family, round (theme->font_size * 0.88),
                                                       PANGO_WEIGHT_NORMAL);
      double small_h, bar_h, day_h;
      int rows = 2;
      int weeks = (int) (self->n_days / 7);

      takt_chart_measure_text (small, "Ag", NULL, &small_h);
      bar_h = small_h + 6;
      day_h = small_h + 4;
      for (guint i = 0; i < self->pieces->len; i++)
        {
          const Piece *p = &g_array_index (self->pieces, Piece, i);
          double row_top = self->grid.y + floor ((p->r.y - self->grid.y) / self->cell_h) * self->cell_h;

          rows = MAX (rows, (int) floor ((p->r.y - row_top - day_h) / (bar_h + BAR_GAP) + 0.5) + 1);
        }
      height = self->grid.y + weeks * (day_h + rows * (bar_h + BAR_GAP) + 4) + PAD;
      g_object_unref (small);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  self->drawn = FALSE;
  g_array_set_size (self->pieces, 0);
  g_array_set_size (self->lanes, 0);
  return ceil (height);
}

/* ---- geometry ---- */

gboolean
takt_campaign_calendar_get_day_rect (const TaktCampaignCalendar *self,
                                     gint64                      day,
                                     TaktChartRect              *rect)
{
  gint64 i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!self->drawn || self->grid.width <= 0)
    return FALSE;
  day = takt_day_start (day);
  if (day < self->first_day)
    return FALSE;
  i = (day - self->first_day) / TAKT_DAY_S;
  if (i >= self->n_days)
    return FALSE;

  if (self->mode == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    {
      rect->x = self->grid.x + i * self->px_per_day;
      rect->width = self->px_per_day;
      rect->y = self->grid.y;
      rect->height = self->grid.height;
    }
  else
    {
      rect->x = self->grid.x + (i % 7) * self->cell_w;
      rect->y = self->grid.y + (i / 7) * self->cell_h;
      rect->width = self->cell_w;
      rect->height = self->cell_h;
    }
  return TRUE;
}

gboolean
takt_campaign_calendar_get_note_rect (const TaktCampaignCalendar *self,
                                      TaktChartRect              *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->drawn || !self->has_note)
    return FALSE;
  if (rect != NULL)
    *rect = self->note;
  return TRUE;
}

GArray *
takt_campaign_calendar_get_header_text_rects (const TaktCampaignCalendar *self)
{
  GArray *rects = g_array_new (FALSE, TRUE, sizeof (TaktChartRect));

  g_return_val_if_fail (self != NULL, rects);

  if (self->drawn)
    g_array_append_vals (rects, self->header_texts->data, self->header_texts->len);
  return rects;
}

GArray *
takt_campaign_calendar_get_bar_rects (const TaktCampaignCalendar *self,
                                      int                         campaign)
{
  GArray *rects = g_array_new (FALSE, TRUE, sizeof (TaktChartRect));

  g_return_val_if_fail (self != NULL, rects);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *p = &g_array_index (self->pieces, Piece, i);

      if (p->campaign == campaign && !p->ghost)
        g_array_append_val (rects, p->r);
    }
  return rects;
}

gboolean
takt_campaign_calendar_hit_test (const TaktCampaignCalendar *self,
                                 double                      x,
                                 double                      y,
                                 TaktCampaignHit            *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  hit->campaign = -1;
  hit->part = TAKT_CAMPAIGN_PART_NONE;
  hit->date = G_MININT64;
  hit->channel = -1;

  if (!self->drawn || self->grid.width <= 0)
    return FALSE;

  /* The day under the point. */
  if (self->mode == TAKT_CAMPAIGN_CALENDAR_TIMELINE)
    {
      if (x >= self->grid.x && x < self->grid.x + self->grid.width)
        hit->date = self->first_day + (gint64) floor ((x - self->grid.x) / self->px_per_day) * TAKT_DAY_S;
      for (guint i = 0; i < self->lanes->len; i++)
        {
          const Lane *lane = &g_array_index (self->lanes, Lane, i);

          if (y >= lane->y0 && y < lane->y1)
            hit->channel = lane->channel;
        }
    }
  else if (x >= self->grid.x && x < self->grid.x + 7 * self->cell_w &&
           y >= self->grid.y && y < self->grid.y + self->grid.height)
    {
      gint64 col = (gint64) floor ((x - self->grid.x) / self->cell_w);
      gint64 row = (gint64) floor ((y - self->grid.y) / self->cell_h);
      gint64 i = row * 7 + col;

      if (i >= 0 && i < self->n_days)
        hit->date = self->first_day + i * TAKT_DAY_S;
    }

  /* The campaign under it: the last drawn wins. */
  for (guint i = self->pieces->len; i > 0; i--)
    {
      const Piece *p = &g_array_index (self->pieces, Piece, i - 1);
      double grip;

      if (p->ghost || x < p->r.x || x >= p->r.x + p->r.width || y < p->r.y || y >= p->r.y + p->r.height)
        continue;
      hit->campaign = p->campaign;
      grip = MIN (EDGE_PX, p->r.width / 3);
      if (p->first && x < p->r.x + grip)
        hit->part = TAKT_CAMPAIGN_PART_START_EDGE;
      else if (p->last && x >= p->r.x + p->r.width - grip)
        hit->part = TAKT_CAMPAIGN_PART_END_EDGE;
      else
        hit->part = TAKT_CAMPAIGN_PART_BODY;
      break;
    }
  return hit->campaign >= 0;
}
