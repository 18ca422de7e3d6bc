/* takt-report.c — the PDF report: layout of the pages, cover, Gantt, charts
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-report"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1     /* _NL_PAPER_WIDTH */
#endif

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "takt-chart-private.h"
#include "takt-chart-views.h"
#include "takt-money.h"
#include "takt-report-private.h"
#include "takt-time.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* ---- paper ---- */

gboolean
takt_paper_from_string (const char *str,
                        TaktPaper  *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "a4") == 0)
    *paper = TAKT_PAPER_A4;
  else if (g_ascii_strcasecmp (str, "letter") == 0 || g_ascii_strcasecmp (str, "us-letter") == 0)
    *paper = TAKT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

const char *
takt_paper_to_string (TaktPaper paper)
{
  return paper == TAKT_PAPER_LETTER ? "letter" : "a4";
}

void
takt_paper_get_size (TaktPaper  paper,
                     double    *width,
                     double    *height)
{
  double w = MM_TO_PT (210.0), h = MM_TO_PT (297.0);

  if (paper == TAKT_PAPER_LETTER)
    {
      w = 612;
      h = 792;
    }
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

TaktPaper
takt_paper_for_locale (const char *locale)
{
  /* The territories that print on US Letter (CLDR's paper size data). */
  static const char * const letter[] = {
    "US", "CA", "MX", "BZ", "CL", "CO", "CR", "GT", "NI", "PA", "PH", "PR", "SV", "VE",
  };
  const char *p;
  char territory[3] = { 0 };

  if (locale == NULL)
    return TAKT_PAPER_A4;
  p = strchr (locale, '_');
  if (p == NULL || !g_ascii_isalpha (p[1]) || !g_ascii_isalpha (p[2]) ||
      (p[3] != '\0' && p[3] != '.' && p[3] != '@'))
    return TAKT_PAPER_A4;
  territory[0] = g_ascii_toupper (p[1]);
  territory[1] = g_ascii_toupper (p[2]);
  for (guint i = 0; i < G_N_ELEMENTS (letter); i++)
    if (strcmp (territory, letter[i]) == 0)
      return TAKT_PAPER_LETTER;
  return TAKT_PAPER_A4;
}

TaktPaper
takt_paper_default (void)
{
  static const char * const vars[] = { "LC_ALL", "LC_PAPER", "LANG" };
  const char *current = setlocale (LC_PAPER, NULL);

#ifdef _NL_PAPER_WIDTH
  if (current != NULL && strcmp (current, "C") != 0 && strcmp (current, "POSIX") != 0 &&
      !g_str_has_prefix (current, "C."))
    {
      /* glibc gives the width in millimetres (216 for Letter, 210 for A4). */
      int width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);

      return width == 216 ? TAKT_PAPER_LETTER : TAKT_PAPER_A4;
    }
#else
  (void) current;
#endif
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && *value != '\0')
        return takt_paper_for_locale (value);
    }
  return TAKT_PAPER_A4;
}

void
takt_report_options_init (TaktReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->paper = takt_paper_default ();
  options->gantt_portrait = FALSE;
  options->range_start = G_MININT64;
  options->range_end = G_MAXINT64;
  options->pages_wide = 0;
  options->mm_per_day = 60;
  options->at_risk_hours = 4;
  options->made = NULL;
}

/* ---- painting ---- */

static const struct
{
  double      size;
  PangoWeight weight;
} styles[REPORT_N_STYLES] = {
  [REPORT_STYLE_BODY] = { 7.5, PANGO_WEIGHT_NORMAL },
  [REPORT_STYLE_BODY_BOLD] = { 7.5, PANGO_WEIGHT_BOLD },
  [REPORT_STYLE_SMALL] = { 7, PANGO_WEIGHT_NORMAL },
  [REPORT_STYLE_TEXT] = { 9.5, PANGO_WEIGHT_NORMAL },
  [REPORT_STYLE_TEXT_BOLD] = { 9.5, PANGO_WEIGHT_BOLD },
  [REPORT_STYLE_HEADING] = { 13, PANGO_WEIGHT_BOLD },
  [REPORT_STYLE_TITLE] = { 24, PANGO_WEIGHT_BOLD },
  [REPORT_STYLE_KPI] = { 15, PANGO_WEIGHT_BOLD },
};

static const TaktGanttColor text_color = { 0, 0, 0, 0.85 };
static const TaktGanttColor dim_color = { 0, 0, 0, 0.55 };
static const TaktGanttColor rule_color = { 0, 0, 0, 0.25 };
static const TaktGanttColor card_color = { 0.965, 0.961, 0.957, 1 };

void
takt_report_painter_init (TaktReportPainter *painter,
                          cairo_t           *cr)
{
  g_assert (painter != NULL);

  memset (painter, 0, sizeof *painter);
  painter->cr = cr;
}

void
takt_report_painter_clear (TaktReportPainter *painter)
{
  for (guint i = 0; i < REPORT_N_STYLES; i++)
    g_clear_object (&painter->layouts[i]);
}

static PangoLayout *
painter_layout (TaktReportPainter *painter,
                TaktReportStyle    style)
{
  if (painter->layouts[style] == NULL)
    {
      PangoLayout *layout = pango_cairo_create_layout (painter->cr);
      PangoFontDescription *desc = pango_font_description_new ();
      cairo_font_options_t *options = cairo_font_options_create ();

      /* Outline metrics: text is placed where it will print. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
      cairo_font_options_destroy (options);
      pango_layout_context_changed (layout);

      pango_font_description_set_family (desc, TAKT_REPORT_FONT);
      pango_font_description_set_absolute_size (desc, styles[style].size * PANGO_SCALE);
      pango_font_description_set_weight (desc, styles[style].weight);
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
      painter->layouts[style] = layout;
    }
  return painter->layouts[style];
}

void
takt_report_set_color (cairo_t              *cr,
                       const TaktGanttColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

double
takt_report_show_text (TaktReportPainter    *painter,
                       TaktReportStyle       style,
                       const char           *text,
                       double                x,
                       double                y,
                       double                width,
                       double                align,
                       const TaktGanttColor *color)
{
  PangoLayout *layout = painter_layout (painter, style);
  g_autofree char *flat = NULL;
  int w, h;

  if (text == NULL)
    text = "";
  /* One line: line breaks and tabs in a name (a customer's "Line\nBreak")
   * become spaces rather than spilling into the next row. */
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      {
        flat = g_strdup (text);
        g_strdelimit (flat, "\n\r\t", ' ');
        text = flat;
        break;
      }
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_get_size (layout, &w, &h);
  if (width > 0 && align > 0)
    x += MAX (0, width - (double) w / PANGO_SCALE) * align;
  if (*text != '\0')
    {
      cairo_move_to (painter->cr, x, y);
      takt_report_set_color (painter->cr, color != NULL ? color : &text_color);
      pango_cairo_show_layout (painter->cr, layout);
    }
  return (double) h / PANGO_SCALE;
}

double
takt_report_show_wrapped (TaktReportPainter    *painter,
                          TaktReportStyle       style,
                          const char           *text,
                          double                x,
                          double                y,
                          double                width,
                          const TaktGanttColor *color)
{
  PangoLayout *layout = painter_layout (painter, style);
  int w, h;

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (painter->cr, x, y);
  takt_report_set_color (painter->cr, color != NULL ? color : &text_color);
  pango_cairo_show_layout (painter->cr, layout);
  return (double) h / PANGO_SCALE;
}

double
takt_report_text_width (TaktReportPainter *painter,
                        TaktReportStyle    style,
                        const char        *text)
{
  PangoLayout *layout = painter_layout (painter, style);
  int w, h;

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

/* ---- dates ---- */

char *
takt_report_format_time (gint64 t)
{
  /* Translators: a date and time in the report's tables, see
   * g_date_time_format(); keep it short: "Tue 1 Dec 06:00" */
  return takt_chart_format_datetime (t, C_("report time", "%a %-e %b %H:%M"));
}

char *
takt_report_format_day (gint64   t,
                        gboolean year)
{
  if (year)
    /* Translators: a day in the report, see g_date_time_format(): "Tue 1 Dec 2026" */
    return takt_chart_format_datetime (t, C_("report day", "%a %-e %b %Y"));
  /* Translators: a day in the report, see g_date_time_format(): "Tue 1 Dec" */
  return takt_chart_format_datetime (t, C_("report day", "%a %-e %b"));
}

static char *
format_made (GDateTime *made)
{
  /* Translators: when the report was made, see g_date_time_format(): "21 May 2026, 14:03" */
  char *str = g_date_time_format (made, C_("report made", "%-e %B %Y, %H:%M"));

  return str != NULL ? g_strstrip (str) : g_strdup ("");
}

/* ---- geometry ---- */

static void
page_size (const TaktReport     *self,
           const TaktReportPage *page,
           double               *width,
           double               *height)
{
  double w, h;

  takt_paper_get_size (self->options.paper, &w, &h);
  if (page != NULL && page->landscape)
    {
      *width = h;
      *height = w;
    }
  else
    {
      *width = w;
      *height = h;
    }
}

void
takt_report_body_rect (const TaktReport     *self,
                       const TaktReportPage *page,
                       TaktChartRect        *body)
{
  double w, h;

  page_size (self, page, &w, &h);
  body->x = REPORT_MARGIN;
  body->y = REPORT_MARGIN + REPORT_HEADER_H;
  body->width = w - 2 * REPORT_MARGIN;
  body->height = h - 2 * REPORT_MARGIN - REPORT_HEADER_H - REPORT_FOOTER_H;
}

static const TaktReportPage *
get_page (const TaktReport *self,
          guint             page)
{
  return &g_array_index (self->pages, TaktReportPage, page);
}

static void
add_page (TaktReport           *self,
          const TaktReportPage *page)
{
  if (self->section_page[page->section] < 0)
    self->section_page[page->section] = (int) self->pages->len;
  self->section_pages[page->section]++;
  g_array_append_val (self->pages, *page);
}

static const char *
section_title (TaktReportSection section)
{
  switch (section)
    {
    case TAKT_REPORT_COVER:
      return _("Summary");
    case TAKT_REPORT_GANTT:
      return _("Schedule");
    case TAKT_REPORT_CHARTS:
      return _("Costs and capacity");
    case TAKT_REPORT_CALENDAR:
      return _("Campaign calendar");
    case TAKT_REPORT_RUNS:
      return _("Runs per station");
    case TAKT_REPORT_LATE:
      return _("Late and at-risk orders");
    case TAKT_REPORT_N_SECTIONS:
    default:
      return "";
    }
}

static const char *
strategy_label (TaktStrategy strategy)
{
  switch (strategy)
    {
    case TAKT_STRATEGY_JIT:
      return _("Just in time (pull)");
    case TAKT_STRATEGY_LEVEL:
      return _("Level (heijunka)");
    case TAKT_STRATEGY_ASAP:
      return _("As soon as possible (push)");
    case TAKT_N_STRATEGIES:
    default:
      return "";
    }
}

/* ---- the schedule pages ---- */

/* Cuts the rows into bands of at most @avail points; returns how many. */
static guint
make_bands (TaktReport              *self,
            const TaktGanttViewport *vp,
            double                   avail,
            GArray                  *out)
{
  double chart_top = takt_gantt_viewport_chart_top (vp);
  guint n_rows = takt_gantt_layout_get_n_rows (self->gantt);
  guint first = 0;

  while (first < n_rows)
    {
      double top = takt_gantt_layout_row_y (self->gantt, vp, first);
      guint end_row = first + 1;
      TaktReportBand band;

      while (end_row < n_rows && takt_gantt_layout_row_y (self->gantt, vp, end_row + 1) - top <= avail)
        end_row++;
      if (end_row < n_rows)
        {
          /* Break where a station starts, unless that leaves the page
           * less than half full; never end on a station's header row. */
          for (guint r = end_row; r > first + 1; r--)
            if (takt_gantt_layout_get_row (self->gantt, r)->kind == TAKT_GANTT_ROW_STATION)
              {
                if (takt_gantt_layout_row_y (self->gantt, vp, r) - top >= avail / 2)
                  end_row = r;
                break;
              }
          if (end_row - first > 1 &&
              takt_gantt_layout_get_row (self->gantt, end_row - 1)->kind == TAKT_GANTT_ROW_STATION)
            end_row--;
        }
      band.first_row = first;
      band.end_row = end_row;
      band.offset = top - chart_top;
      band.height = takt_gantt_layout_row_y (self->gantt, vp, end_row) - top;
      g_array_append_val (out, band);
      first = end_row;
    }
  return out->len;
}

static void
layout_gantt (TaktReport *self)
{
  TaktGanttViewport *vp = &self->gantt_vp;
  TaktReportPage probe = { .landscape = !self->options.gantt_portrait };
  TaktChartRect body;
  gint64 start, end, last_day;
  double chart_w, chart_top, avail, lane;
  guint n_rows, default_bands;

  takt_report_body_rect (self, &probe, &body);
  takt_gantt_viewport_init (vp, body.width, body.height, FALSE);
  vp->scale = 0;
  vp->theme.font_family = TAKT_REPORT_FONT;
  vp->theme.font_size = 7.5;
  vp->header_width = MIN (126, body.width / 4);
  vp->axis_height = 30;
  vp->row_height = 17;
  vp->group_height = 16;
  lane = takt_gantt_layout_preferred_lane_height (self->gantt, vp);
  vp->lane_height = CLAMP (lane, 20, 64);

  takt_gantt_layout_get_time_range (self->gantt, &start, &end);
  if (self->options.range_start != G_MININT64)
    start = MAX (start, takt_day_start (self->options.range_start));
  if (self->options.range_end != G_MAXINT64)
    end = MIN (end, takt_day_start (self->options.range_end - 1) + TAKT_DAY_S);
  if (end <= start)
    end = start + 1;
  self->first_day = takt_day_start (start);
  last_day = takt_day_start (end - 1) + TAKT_DAY_S;
  self->n_days = (guint) MAX (1, (last_day - self->first_day) / TAKT_DAY_S);

  chart_w = vp->width - vp->header_width;
  if (self->options.pages_wide > 0)
    self->days_per_page = (self->n_days + self->options.pages_wide - 1) / self->options.pages_wide;
  else
    {
      double min_day = MM_TO_PT (self->options.mm_per_day > 0 ? self->options.mm_per_day : 60);

      self->days_per_page = (guint) MAX (1, floor (chart_w / min_day));
    }
  self->days_per_page = CLAMP (self->days_per_page, 1, self->n_days);
  self->columns = (self->n_days + self->days_per_page - 1) / self->days_per_page;
  vp->seconds_per_px = (double) self->days_per_page * TAKT_DAY_S / chart_w;
  vp->t0 = (double) self->first_day;
  vp->y_offset = 0;

  /* Whole rows in bands that fit under the axis and the lane.  Rows may
   * be lowered (down to 12 pt, the type to 7 pt) when that saves a band:
   * a page that shows every machine of its days is worth a smaller type. */
  chart_top = takt_gantt_viewport_chart_top (vp);
  avail = body.height - chart_top;
  n_rows = takt_gantt_layout_get_n_rows (self->gantt);
  default_bands = make_bands (self, vp, avail, self->bands);
  for (guint k = 1; k < default_bands; k++)
    {
      TaktGanttViewport lower = *vp;
      g_autoptr(GArray) bands = g_array_new (FALSE, TRUE, sizeof (TaktReportBand));
      double h = floor (avail * k / n_rows * 4) / 4;

      if (h < 12)
        continue;
      lower.row_height = MIN (h, vp->row_height);
      lower.group_height = MIN (h, vp->group_height);
      if (lower.row_height < 14)
        lower.theme.font_size = 7;
      if (make_bands (self, &lower, avail, bands) < default_bands)
        {
          *vp = lower;
          g_array_set_size (self->bands, 0);
          g_array_append_vals (self->bands, bands->data, bands->len);
          break;
        }
    }
}

static void
paginate_gantt (TaktReport *self)
{
  for (guint c = 0; c < self->columns; c++)
    for (guint b = 0; b < self->bands->len; b++)
      {
        TaktReportPage page = { 0 };

        page.section = TAKT_REPORT_GANTT;
        page.landscape = !self->options.gantt_portrait;
        page.column = c;
        page.band = b;
        page.t0 = self->first_day + (gint64) c * self->days_per_page * TAKT_DAY_S;
        add_page (self, &page);
      }
}

static void
gantt_page_viewport (const TaktReport     *self,
                     const TaktReportPage *page,
                     TaktGanttViewport    *vp)
{
  const TaktReportBand *band = &g_array_index (self->bands, TaktReportBand, page->band);

  *vp = self->gantt_vp;
  vp->t0 = (double) page->t0;
  vp->y_offset = band->offset;
  vp->height = takt_gantt_viewport_chart_top (vp) + band->height;
}

static char *
gantt_page_title (const TaktReport     *self,
                  const TaktReportPage *page)
{
  gint64 last = page->t0 + (gint64) (self->days_per_page - 1) * TAKT_DAY_S;
  g_autofree char *from = takt_report_format_day (page->t0, FALSE);
  g_autofree char *to = takt_report_format_day (last, TRUE);
  GString *title = g_string_new (section_title (TAKT_REPORT_GANTT));

  g_string_append (title, " · ");
  if (self->days_per_page == 1)
    g_string_append (title, to);
  else
    /* Translators: the days a schedule page shows, "Mon 30 Nov – Wed 2 Dec 2026" */
    g_string_append_printf (title, C_("report days", "%s – %s"), from, to);
  if (self->bands->len > 1)
    {
      const TaktReportBand *band = &g_array_index (self->bands, TaktReportBand, page->band);

      g_string_append (title, " · ");
      /* Translators: the machine rows a schedule page shows when they need several pages */
      g_string_append_printf (title, _("rows %u–%u of %u"), band->first_row + 1, band->end_row,
                              takt_gantt_layout_get_n_rows (self->gantt));
    }
  return g_string_free (title, FALSE);
}

static void
draw_gantt_page (TaktReport           *self,
                 TaktReportPainter    *painter,
                 const TaktReportPage *page,
                 const TaktChartRect  *body)
{
  cairo_t *cr = painter->cr;
  TaktGanttViewport vp;
  TaktGanttState state;
  const TaktReportBand *band = &g_array_index (self->bands, TaktReportBand, page->band);

  gantt_page_viewport (self, page, &vp);
  takt_gantt_state_init (&state);

  cairo_save (cr);
  cairo_translate (cr, body->x, body->y);
  cairo_rectangle (cr, 0, 0, vp.width, vp.height);
  cairo_clip (cr);
  takt_gantt_draw (cr, self->gantt, &vp, &state);
  cairo_restore (cr);

  /* A frame, so the chart's edge is clear on paper. */
  cairo_save (cr);
  cairo_rectangle (cr, body->x + 0.25, body->y + 0.25, vp.width - 0.5, vp.height - 0.5);
  cairo_set_line_width (cr, 0.5);
  takt_report_set_color (cr, &rule_color);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* When a station's rows go on from the page before, say so in the corner
   * left of the first row. */
  if (band->first_row > 0 &&
      takt_gantt_layout_get_row (self->gantt, band->first_row)->kind == TAKT_GANTT_ROW_MACHINE)
    {
      const TaktGanttRow *row = takt_gantt_layout_get_row (self->gantt, band->first_row);
      const TaktStation *st = g_ptr_array_index (self->plan->stations, row->station_index);
      g_autofree char *text = NULL;

      /* Translators: above the rows of a station that goes on from the page before */
      text = g_strdup_printf (_("%s (continued)"), st->name != NULL && *st->name ? st->name : st->id);
      takt_report_show_text (painter, REPORT_STYLE_SMALL, text, body->x + 4,
                             body->y + vp.height + 3, vp.header_width * 2, 0, &dim_color);
    }
}

gboolean
takt_report_find_bar (const TaktReport *self,
                      guint             run,
                      guint             step,
                      guint            *page,
                      TaktChartRect    *rect)
{
  int first;

  g_return_val_if_fail (self != NULL, FALSE);

  first = self->section_page[TAKT_REPORT_GANTT];
  if (first < 0 || self->schedule == NULL || run >= self->schedule->runs->len)
    return FALSE;
  for (guint i = (guint) first; i < self->pages->len; i++)
    {
      const TaktReportPage *p = get_page (self, i);
      TaktGanttViewport vp;
      TaktChartRect body;
      double x, y, w, h, x0, y0, x1, y1;

      if (p->section != TAKT_REPORT_GANTT)
        break;
      gantt_page_viewport (self, p, &vp);
      if (!takt_gantt_layout_get_bar_rect (self->gantt, &vp, run, step, &x, &y, &w, &h))
        return FALSE;
      x0 = MAX (x, vp.header_width);
      x1 = MIN (x + w, vp.width);
      y0 = MAX (y, takt_gantt_viewport_chart_top (&vp));
      y1 = MIN (y + h, vp.height);
      if (x1 <= x0 || y1 <= y0)
        continue;
      takt_report_body_rect (self, p, &body);
      if (page != NULL)
        *page = i;
      if (rect != NULL)
        {
          rect->x = body.x + x0;
          rect->y = body.y + y0;
          rect->width = x1 - x0;
          rect->height = y1 - y0;
        }
      return TRUE;
    }
  return FALSE;
}

void
takt_report_get_gantt_grid (const TaktReport *self,
                            gint64           *first_day,
                            guint            *n_days,
                            guint            *days_per_page,
                            guint            *columns,
                            guint            *bands)
{
  g_return_if_fail (self != NULL);

  if (first_day != NULL)
    *first_day = self->first_day;
  if (n_days != NULL)
    *n_days = self->n_days;
  if (days_per_page != NULL)
    *days_per_page = self->days_per_page;
  if (columns != NULL)
    *columns = self->gantt != NULL ? self->columns : 0;
  if (bands != NULL)
    *bands = self->gantt != NULL ? self->bands->len : 0;
}

/* ---- the charts and the calendar ---- */

static void
build_charts (TaktReport          *self,
              const TaktPlanStats *stats)
{
  self->chart_data = takt_chart_data_new (self->plan, self->schedule, stats);
  self->charts[self->n_charts++] = takt_chart_new_daily_cost (self->chart_data);
  self->charts[self->n_charts++] = takt_chart_new_cumulative (self->chart_data, -1);
  self->charts[self->n_charts++] = takt_chart_new_stock (self->chart_data);
  self->charts[self->n_charts++] = takt_chart_new_utilisation (self->chart_data);
  self->charts[self->n_charts++] = takt_chart_new_line_balance (self->chart_data);
  self->charts[self->n_charts++] = takt_chart_new_demand_by_source (self->chart_data);

  takt_gantt_theme_init_light (&self->theme);
  self->theme.font_family = TAKT_REPORT_FONT;
  self->theme.font_size = 8;

  if (self->plan->campaigns != NULL && self->plan->campaigns->len > 0)
    {
      self->calendar = takt_campaign_calendar_new (self->plan);
      takt_campaign_calendar_set_mode (self->calendar, TAKT_CAMPAIGN_CALENDAR_MONTH);
      takt_campaign_calendar_set_week_start (self->calendar, 0);
      takt_campaign_calendar_set_today (self->calendar, G_MININT64);
      takt_campaign_calendar_set_show_title (self->calendar, TRUE);
      if (self->schedule != NULL)
        takt_campaign_calendar_set_readiness (self->calendar, self->chart_data);
    }
}

static void
paginate_charts (TaktReport *self)
{
  for (guint i = 0; i < self->n_charts; i += 2)
    {
      TaktReportPage page = { 0 };

      page.section = TAKT_REPORT_CHARTS;
      page.landscape = FALSE;
      page.first_chart = i;
      page.n_charts = MIN (2, self->n_charts - i);
      add_page (self, &page);
    }
}

static void
paginate_calendar (TaktReport *self)
{
  gint64 y0, y1, last;
  int m0, m1, d;
  int year, month;

  if (self->calendar == NULL)
    return;
  last = self->plan->horizon_start + self->plan->horizon_days * TAKT_DAY_S - 1;
  takt_civil_from_days (self->plan->horizon_start / TAKT_DAY_S, &y0, &m0, &d);
  takt_civil_from_days (takt_day_start (last) / TAKT_DAY_S, &y1, &m1, &d);
  year = (int) y0;
  month = m0;
  while (year < y1 || (year == y1 && month <= m1))
    {
      TaktReportPage page = { 0 };
      int next_year = month == 12 ? year + 1 : year;
      int next_month = month == 12 ? 1 : month + 1;
      gint64 first = takt_days_from_civil (year, month, 1) * TAKT_DAY_S;
      gint64 end = takt_days_from_civil (next_year, next_month, 1) * TAKT_DAY_S;
      gint64 shown_from = G_MAXINT64, shown_to = G_MININT64;

      /* A month whose horizon days all show in the grid of the month
       * before or after it (the horizon starts on 30 November, say) needs
       * no page of its own. */
      first = MAX (first, self->plan->horizon_start);
      end = MIN (end, last + 1);
      if (self->pages->len > 0 && get_page (self, self->pages->len - 1)->section == TAKT_REPORT_CALENDAR)
        {
          const TaktReportPage *prev = get_page (self, self->pages->len - 1);

          takt_campaign_calendar_set_month (self->calendar, prev->year, prev->month);
          takt_campaign_calendar_get_range (self->calendar, &shown_from, &shown_to);
        }
      if (!(first >= shown_from && end <= shown_to) && (next_year < y1 || (next_year == y1 && next_month <= m1)))
        {
          takt_campaign_calendar_set_month (self->calendar, next_year, next_month);
          takt_campaign_calendar_get_range (self->calendar, &shown_from, &shown_to);
        }
      if (!(first >= shown_from && end <= shown_to))
        {
          page.section = TAKT_REPORT_CALENDAR;
          page.landscape = TRUE;
          page.year = year;
          page.month = month;
          add_page (self, &page);
        }
      year = next_year;
      month = next_month;
    }
}

static void
draw_charts_page (TaktReport           *self,
                  TaktReportPainter    *painter,
                  const TaktReportPage *page,
                  const TaktChartRect  *body)
{
  const double gap = 18;
  double h = (body->height - gap) / 2;

  for (guint i = 0; i < page->n_charts; i++)
    {
      TaktChartRect r = { body->x, body->y + i * (h + gap), body->width, h };

      takt_chart_draw (self->charts[page->first_chart + i], painter->cr, &r, &self->theme, 0);
    }
}

static void
draw_calendar_page (TaktReport           *self,
                    TaktReportPainter    *painter,
                    const TaktReportPage *page,
                    const TaktChartRect  *body)
{
  takt_campaign_calendar_set_month (self->calendar, page->year, page->month);
  takt_campaign_calendar_draw (self->calendar, painter->cr, body, &self->theme, 0);
}

/* ---- the cover ---- */

static void
draw_fact (TaktReportPainter *painter,
           const char        *label,
           const char        *value,
           double             x,
           double            *y,
           double             width)
{
  const double label_w = 110;
  double h;

  takt_report_show_text (painter, REPORT_STYLE_TEXT, label, x, *y, label_w - 8, 0, &dim_color);
  h = takt_report_show_wrapped (painter, REPORT_STYLE_TEXT, value, x + label_w, *y, width - label_w, &text_color);
  *y += MAX (h, 12) + 4;
}

static void
draw_card (TaktReportPainter    *painter,
           const TaktChartRect  *r,
           const char           *label,
           const char           *value,
           const char           *note,
           const TaktGanttColor *value_color)
{
  cairo_t *cr = painter->cr;

  takt_chart_rounded_rect (cr, r->x, r->y, r->width, r->height, 4, TRUE, TRUE);
  takt_report_set_color (cr, &card_color);
  cairo_fill (cr);
  takt_report_show_text (painter, REPORT_STYLE_SMALL, label, r->x + 8, r->y + 7, r->width - 16, 0, &dim_color);
  takt_report_show_text (painter, REPORT_STYLE_KPI, value, r->x + 8, r->y + 18, r->width - 16, 0,
                         value_color != NULL ? value_color : &text_color);
  if (note != NULL)
    takt_report_show_text (painter, REPORT_STYLE_SMALL, note, r->x + 8, r->y + r->height - 16,
                           r->width - 16, 0, &dim_color);
}

static char *
money (const TaktReport *self,
       double            value)
{
  const char *currency = self->plan->currency != NULL && *self->plan->currency ? self->plan->currency : "EUR";

  return takt_money_format (value, currency, 2);
}

static char *
share_of_total (const TaktReport *self,
                double            value)
{
  g_autofree char *percent = NULL;

  if (self->total <= 0)
    return NULL;
  percent = takt_percent_format (value / self->total, 0);
  /* Translators: a cost's share of the total on the report's cover, "16% of the total" */
  return g_strdup_printf (_("%s of the total"), percent);
}

/* What the plan holds, for the cover: "3 products, 2 stations with 5 machines, …",
 * each count with its own plural form. */
static char *
format_contents (const TaktPlan *plan,
                 gint64          machines)
{
  guint n_products = plan->products->len;
  guint n_stations = plan->stations->len;
  guint n_orders = plan->orders != NULL ? plan->orders->len : 0;
  guint n_forecast = plan->forecast != NULL ? plan->forecast->len : 0;
  guint n_campaigns = plan->campaigns != NULL ? plan->campaigns->len : 0;
  g_autofree char *products = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product", "%u products",
                                                            n_products),
                                               n_products);
  g_autofree char *stations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u station", "%u stations",
                                                            n_stations),
                                               n_stations);
  g_autofree char *with_machines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld machine",
                                                                 "%lld machines", (gulong) machines),
                                                    (long long) machines);
  g_autofree char *n_orders_text = takt_chart_format_number (n_orders, 0);
  g_autofree char *n_forecast_text = takt_chart_format_number (n_forecast, 0);
  /* Translators: a count of orders on the report's cover, "3,000 orders" */
  g_autofree char *orders = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s order", "%s orders", n_orders),
                                             n_orders_text);
  /* Translators: a count of forecast days on the report's cover, "1,200 forecast days" */
  g_autofree char *forecast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s forecast day",
                                                            "%s forecast days", n_forecast),
                                               n_forecast_text);
  g_autofree char *campaigns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u campaign", "%u campaigns",
                                                             n_campaigns),
                                                n_campaigns);

  /* Translators: the plan's contents on the report's cover: "3 products, 2 stations with
   * 5 machines, 40 orders, 14 forecast days, 1 campaign"; each %s is a count with its noun */
  return g_strdup_printf (_("%s, %s with %s, %s, %s, %s"),
                          products, stations, with_machines, orders, forecast, campaigns);
}

static void
draw_cover (TaktReport           *self,
            TaktReportPainter    *painter,
            const TaktReportPage *page,
            const TaktChartRect  *body)
{
  static const TaktGanttColor late_color = { 0.878, 0.106, 0.141, 1 };
  cairo_t *cr = painter->cr;
  const TaktPlan *plan = self->plan;
  double x = body->x, y = body->y + 8, w = body->width;
  gint64 horizon_end = plan->horizon_start + plan->horizon_days * TAKT_DAY_S;
  g_autofree char *from = takt_report_format_day (plan->horizon_start, TRUE);
  g_autofree char *to = takt_report_format_day (horizon_end - TAKT_DAY_S, TRUE);
  g_autofree char *horizon = NULL;
  g_autofree char *made = format_made (self->made);
  g_autofree char *contents = NULL;
  gint64 machines = 0;

  y += takt_report_show_wrapped (painter, REPORT_STYLE_TITLE,
                                 plan->name != NULL && *plan->name ? plan->name : _("Untitled plan"),
                                 x, y, w, &text_color);
  y += 2;
  y += takt_report_show_text (painter, REPORT_STYLE_TEXT, _("Production plan report"), x, y, w, 0, &dim_color);
  y += 14;
  cairo_rectangle (cr, x, y, w, 1.5);
  takt_report_set_color (cr, &self->theme.accent);
  cairo_fill (cr);
  y += 14;

  /* Translators: the horizon on the report's cover: "Mon 30 Nov 2026 – Sun 10 Jan 2027 (42 days)" */
  horizon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s – %s (%d day)", "%s – %s (%d days)",
                                          (gulong) plan->horizon_days),
                             from, to, (int) plan->horizon_days);
  draw_fact (painter, _("Horizon"), horizon, x, &y, w);
  draw_fact (painter, _("Strategy"),
             self->schedule != NULL ? strategy_label (self->schedule->strategy)
                                    : _("No plan yet: the document has not been planned"),
             x, &y, w);
  draw_fact (painter, _("Made"), made, x, &y, w);
  for (guint s = 0; s < plan->stations->len; s++)
    machines += ((const TaktStation *) g_ptr_array_index (plan->stations, s))->machines;
  contents = format_contents (plan, machines);
  draw_fact (painter, _("Plan"), contents, x, &y, w);
  y += 14;

  if (self->have_stats)
    {
      const int cols = 3;
      const double gap = 10, card_h = 58;
      double card_w = (w - (cols - 1) * gap) / cols;
      int n = 0;
      g_autofree char *total = money (self, self->total);
      g_autofree char *holding = money (self, self->holding);
      g_autofree char *setup = money (self, self->setup);
      g_autofree char *tardiness = money (self, self->tardiness);
      g_autofree char *holding_note = share_of_total (self, self->holding);
      g_autofree char *setup_note = share_of_total (self, self->setup);
      g_autofree char *tardiness_note = share_of_total (self, self->tardiness);
      g_autofree char *on_time = takt_percent_format (self->on_time_rate, 1);
      g_autofree char *on_time_note = NULL;
      g_autofree char *late_orders = takt_chart_format_number (self->late_orders, 0);
      g_autofree char *late_orders_note = NULL;
      g_autofree char *runs = takt_chart_format_number (self->runs, 0);
      g_autofree char *runs_note = NULL;
      g_autofree char *changeovers = takt_chart_format_number (self->changeovers, 0);
      g_autofree char *bottleneck = NULL;
      g_autofree char *bottleneck_note = NULL;
      g_autofree char *spend = money (self, self->campaign_spend);
      g_autofree char *spend_note = NULL;
      g_autofree char *stock = takt_chart_format_number (self->average_stock, 1);
      g_autofree char *makespan = NULL;
      gint64 demanded;
      g_autofree char *late_units = takt_chart_format_number (self->late_units, 0);
      g_autofree char *unmet_units = takt_chart_format_number (self->unmet_units, 0);
      g_autofree char *late_unmet = g_strdup_printf ("%s / %s", late_units, unmet_units);
      g_autofree char *count = NULL;
      struct
      {
        const char           *label;
        const char           *value;
        const char           *note;
        const TaktGanttColor *color;
      } cards[12];

      /* The counts grouped as the app's pages group them ("1,597"). */
      demanded = self->chart_data != NULL ? self->chart_data->demand_units : 0;
      count = takt_chart_format_number (demanded, 0);
      /* Translators: under the on-time rate on the report's cover, "of 1,597 units demanded" */
      on_time_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %s unit demanded",
                                                   "of %s units demanded", (gulong) demanded),
                                      count);
      g_free (count);
      count = takt_chart_format_number (plan->orders != NULL ? plan->orders->len : 0, 0);
      /* Translators: under the late orders on the report's cover, "of 3,000 orders" */
      late_orders_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %s order", "of %s orders",
                                                       plan->orders != NULL ? plan->orders->len : 0),
                                          count);
      g_free (count);
      count = takt_chart_format_number (self->units, 0);
      /* Translators: under the runs on the report's cover, "1,513 units made" */
      runs_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit made", "%s units made",
                                                (gulong) self->units),
                                   count);
      if (self->bottleneck >= 0 && (guint) self->bottleneck < plan->stations->len)
        {
          const TaktStation *st = g_ptr_array_index (plan->stations, self->bottleneck);
          g_autofree char *percent = takt_percent_format (self->bottleneck_utilisation, 1);

          bottleneck = g_strdup (st->name != NULL && *st->name ? st->name : st->id);
          /* Translators: the bottleneck's utilisation on the report's cover, "64.2% utilisation" */
          bottleneck_note = g_strdup_printf (_("%s utilisation"), percent);
        }
      else
        bottleneck = g_strdup (_("None"));
      if (self->campaign_spend > 0)
        {
          g_autofree char *cpm = money (self, self->cost_per_mille);

          spend_note = g_strdup_printf (_("%s per thousand impressions"), cpm);
        }
      makespan = g_strdup_printf (_("makespan %.1f days"), (double) self->makespan_s / TAKT_DAY_S);

      cards[n++] = (typeof (cards[0])) { _("Total cost"), total, _("holding + setup + tardiness"), NULL };
      cards[n++] = (typeof (cards[0])) { _("Holding"), holding, holding_note, NULL };
      cards[n++] = (typeof (cards[0])) { _("Setup"), setup, setup_note, NULL };
      cards[n++] = (typeof (cards[0])) { _("Tardiness"), tardiness, tardiness_note,
                                         self->tardiness > 0 ? &late_color : NULL };
      cards[n++] = (typeof (cards[0])) { _("On-time rate"), on_time, on_time_note,
                                         self->late_units + self->unmet_units > 0 ? &late_color : NULL };
      cards[n++] = (typeof (cards[0])) { _("Late orders"), late_orders, late_orders_note,
                                         self->late_orders > 0 ? &late_color : NULL };
      cards[n++] = (typeof (cards[0])) { _("Runs"), runs, runs_note, NULL };
      cards[n++] = (typeof (cards[0])) { _("Changeovers"), changeovers, _("setups between different products"), NULL };
      cards[n++] = (typeof (cards[0])) { _("Bottleneck"), bottleneck, bottleneck_note, NULL };
      cards[n++] = (typeof (cards[0])) { _("Campaign spend"), spend, spend_note, NULL };
      cards[n++] = (typeof (cards[0])) { _("Average stock"), stock, _("finished units held"), NULL };
      cards[n++] = (typeof (cards[0])) { _("Late and unmet units"), late_unmet, makespan,
                                         self->late_units + self->unmet_units > 0 ? &late_color : NULL };

      y += 4;
      takt_report_show_text (painter, REPORT_STYLE_HEADING, _("Key figures"), x, y, w, 0, &text_color);
      y += 24;
      for (int i = 0; i < n; i++)
        {
          TaktChartRect r = { x + (i % cols) * (card_w + gap), y + (i / cols) * (card_h + gap), card_w, card_h };

          draw_card (painter, &r, cards[i].label, cards[i].value, cards[i].note, cards[i].color);
        }
      y += ((n + cols - 1) / cols) * (card_h + gap) + 10;
    }

  /* The contents, with page numbers. */
  y += 4;
  takt_report_show_text (painter, REPORT_STYLE_HEADING, _("Contents"), x, y, w, 0, &text_color);
  y += 24;
  for (int s = TAKT_REPORT_GANTT; s < TAKT_REPORT_N_SECTIONS; s++)
    {
      g_autofree char *pages = NULL;
      double tw;

      if (self->section_page[s] < 0)
        continue;
      if (self->section_pages[s] > 1)
        pages = g_strdup_printf ("%d–%u", self->section_page[s] + 1, self->section_page[s] + self->section_pages[s]);
      else
        pages = g_strdup_printf ("%d", self->section_page[s] + 1);
      takt_report_show_text (painter, REPORT_STYLE_TEXT, section_title (s), x, y, w * 0.6, 0, &text_color);
      tw = takt_report_text_width (painter, REPORT_STYLE_TEXT, pages);
      takt_report_show_text (painter, REPORT_STYLE_TEXT, pages, x + w - tw, y, -1, 0, &text_color);
      cairo_save (cr);
      cairo_set_line_width (cr, 0.6);
      cairo_set_dash (cr, (const double[]) { 0.6, 2.4 }, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x + takt_report_text_width (painter, REPORT_STYLE_TEXT, section_title (s)) + 6, y + 9);
      cairo_line_to (cr, x + w - tw - 6, y + 9);
      takt_report_set_color (cr, &rule_color);
      cairo_stroke (cr);
      cairo_restore (cr);
      y += 16;
    }

  /* What the planner reported: pin overlaps, demand that cannot be made. */
  if (self->notes != NULL && self->notes->len > 0)
    {
      guint shown = MIN (self->notes->len, 8);

      y += 14;
      takt_report_show_text (painter, REPORT_STYLE_HEADING, _("Notes"), x, y, w, 0, &text_color);
      y += 24;
      for (guint i = 0; i < shown && y < body->y + body->height - 14; i++)
        {
          g_autofree char *line = g_strdup_printf ("• %s", (const char *) g_ptr_array_index (self->notes, i));

          y += takt_report_show_wrapped (painter, REPORT_STYLE_BODY, line, x, y, w, &text_color) + 3;
        }
      if (shown < self->notes->len && y < body->y + body->height - 14)
        {
          guint rest = self->notes->len - shown;
          /* Translators: more notes than the report's page lists */
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                                rest),
                                                   rest);

          takt_report_show_text (painter, REPORT_STYLE_BODY, more, x, y, w, 0, &dim_color);
        }
    }
  (void) page;
}

/* ---- header and footer ---- */

static void
draw_furniture (TaktReport           *self,
                TaktReportPainter    *painter,
                guint                 index,
                const TaktReportPage *page)
{
  cairo_t *cr = painter->cr;
  double w, h, name_w;
  g_autofree char *right = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *made = NULL;
  g_autofree char *made_text = NULL;
  const char *name = self->plan->name != NULL && *self->plan->name ? self->plan->name : _("Untitled plan");

  page_size (self, page, &w, &h);

  if (page->section == TAKT_REPORT_GANTT)
    right = gantt_page_title (self, page);
  else if (page->section == TAKT_REPORT_CALENDAR)
    right = g_strdup (section_title (page->section));
  else if (page->section != TAKT_REPORT_COVER)
    right = g_strdup (section_title (page->section));

  if (page->section != TAKT_REPORT_COVER)
    {
      double right_w = right != NULL ? takt_report_text_width (painter, REPORT_STYLE_BODY, right) : 0;

      name_w = MAX (60, w - 2 * REPORT_MARGIN - right_w - 24);
      takt_report_show_text (painter, REPORT_STYLE_BODY_BOLD, name, REPORT_MARGIN, REPORT_MARGIN, name_w, 0,
                             &text_color);
      takt_report_show_text (painter, REPORT_STYLE_BODY, right, w - REPORT_MARGIN - right_w, REPORT_MARGIN, -1, 0,
                             &text_color);
      cairo_rectangle (cr, REPORT_MARGIN, REPORT_MARGIN + 12, w - 2 * REPORT_MARGIN, 0.5);
      takt_report_set_color (cr, &rule_color);
      cairo_fill (cr);
    }

  cairo_rectangle (cr, REPORT_MARGIN, h - REPORT_MARGIN - 12, w - 2 * REPORT_MARGIN, 0.5);
  takt_report_set_color (cr, &rule_color);
  cairo_fill (cr);
  /* Translators: the footer of every page of the report */
  page_text = g_strdup_printf (_("Page %u of %u"), index + 1, self->pages->len);
  made = format_made (self->made);
  /* Translators: the footer of every page: the plan's name and when the report was made */
  made_text = g_strdup_printf (_("%s · made %s with Takt"), name, made);
  takt_report_show_text (painter, REPORT_STYLE_SMALL, made_text, REPORT_MARGIN, h - REPORT_MARGIN - 8,
                         (w - 2 * REPORT_MARGIN) * 0.7, 0, &dim_color);
  takt_report_show_text (painter, REPORT_STYLE_SMALL, page_text, REPORT_MARGIN, h - REPORT_MARGIN - 8,
                         w - 2 * REPORT_MARGIN, 1, &text_color);
}

/* ---- pages ---- */

static void
draw_page_content (TaktReport        *self,
                   TaktReportPainter *painter,
                   guint              index)
{
  const TaktReportPage *page = get_page (self, index);
  cairo_t *cr = painter->cr;
  TaktChartRect body;
  double w, h;

  page_size (self, page, &w, &h);
  takt_report_body_rect (self, page, &body);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_line_width (cr, 0.5);

  switch (page->section)
    {
    case TAKT_REPORT_COVER:
      draw_cover (self, painter, page, &body);
      break;
    case TAKT_REPORT_GANTT:
      draw_gantt_page (self, painter, page, &body);
      break;
    case TAKT_REPORT_CHARTS:
      draw_charts_page (self, painter, page, &body);
      break;
    case TAKT_REPORT_CALENDAR:
      draw_calendar_page (self, painter, page, &body);
      break;
    case TAKT_REPORT_RUNS:
    case TAKT_REPORT_LATE:
      takt_report_draw_table_page (self, painter, page, &body);
      break;
    case TAKT_REPORT_N_SECTIONS:
    default:
      break;
    }
  draw_furniture (self, painter, index, page);
  cairo_restore (cr);
}

guint
takt_report_get_n_pages (const TaktReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

void
takt_report_get_page_size (const TaktReport *self,
                           guint             page,
                           double           *width,
                           double           *height)
{
  double w = 0, h = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  page_size (self, get_page (self, page), &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

gboolean
takt_report_page_is_landscape (const TaktReport *self,
                               guint             page)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (page < self->pages->len, FALSE);

  return get_page (self, page)->landscape;
}

TaktReportSection
takt_report_get_page_section (const TaktReport *self,
                              guint             page)
{
  g_return_val_if_fail (self != NULL, TAKT_REPORT_COVER);
  g_return_val_if_fail (page < self->pages->len, TAKT_REPORT_COVER);

  return get_page (self, page)->section;
}

int
takt_report_get_section_page (const TaktReport  *self,
                              TaktReportSection  section)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (section < TAKT_REPORT_N_SECTIONS, -1);

  return self->section_page[section];
}

guint
takt_report_get_n_section_pages (const TaktReport  *self,
                                 TaktReportSection  section)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (section < TAKT_REPORT_N_SECTIONS, 0);

  return self->section_pages[section];
}

void
takt_report_draw_page (TaktReport *self,
                       guint       page,
                       cairo_t    *cr,
                       double      width,
                       double      height)
{
  TaktReportPainter painter;
  double pw, ph, scale;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);
  g_return_if_fail (width > 0 && height > 0);

  page_size (self, get_page (self, page), &pw, &ph);
  scale = MIN (width / pw, height / ph);

  cairo_save (cr);
  cairo_translate (cr, (width - pw * scale) / 2, (height - ph * scale) / 2);
  cairo_scale (cr, scale, scale);
  takt_report_painter_init (&painter, cr);
  draw_page_content (self, &painter, page);
  takt_report_painter_clear (&painter);
  cairo_restore (cr);
}

/* ---- making a report ---- */

static gboolean
schedule_fits (const TaktPlan     *plan,
               const TaktSchedule *schedule,
               GError            **error)
{
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktProduct *product;

      if (run->product_index < 0 || (guint) run->product_index >= plan->products->len)
        goto bad;
      product = g_ptr_array_index (plan->products, run->product_index);
      if (run->steps == NULL || run->steps->len != product->routing->len)
        goto bad;
      for (guint s = 0; s < run->steps->len; s++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, s);
          const TaktStep *routing = g_ptr_array_index (product->routing, s);
          const TaktStation *station;

          if (step->station_index != routing->station_index)
            goto bad;
          station = g_ptr_array_index (plan->stations, step->station_index);
          if (step->machine < 1 || step->machine > station->machines)
            goto bad;
        }
      continue;
    bad:
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID,
                   "schedule.runs[%u]: does not fit the plan's products and stations", r);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_cancelled (GCancellable *cancellable,
                 GError      **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

TaktReport *
takt_report_new (const TaktPlan          *plan,
                 const TaktSchedule      *schedule,
                 const TaktPlanStats     *stats,
                 const TaktReportOptions *options,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autoptr(TaktReport) self = NULL;
  g_autoptr(TaktPlanStats) own_stats = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  TaktReportPage cover = { 0 };

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (TaktReport, 1);
  self->pages = g_array_new (FALSE, TRUE, sizeof (TaktReportPage));
  self->bands = g_array_new (FALSE, TRUE, sizeof (TaktReportBand));
  for (guint i = 0; i < TAKT_REPORT_N_SECTIONS; i++)
    self->section_page[i] = -1;
  if (options != NULL)
    self->options = *options;
  else
    takt_report_options_init (&self->options);
  if (self->options.paper >= TAKT_N_PAPERS)
    self->options.paper = TAKT_PAPER_A4;
  if (!(self->options.at_risk_hours >= 0))
    self->options.at_risk_hours = 4;
  self->made = self->options.made != NULL ? g_date_time_ref (self->options.made) : g_date_time_new_now_local ();
  self->options.made = NULL;

  self->plan = takt_plan_copy (plan);
  g_clear_pointer (&self->plan->schedule, takt_schedule_free);
  problems = takt_plan_check (self->plan);
  if (problems->len > 0)
    {
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID, "%s",
                   (const char *) g_ptr_array_index (problems, 0));
      return NULL;
    }
  if (schedule != NULL)
    {
      if (!schedule_fits (self->plan, schedule, error))
        return NULL;
      self->schedule = takt_schedule_copy (schedule);
      if (stats == NULL)
        {
          own_stats = takt_planner_evaluate (self->plan, self->schedule);
          stats = own_stats;
        }
    }
  else
    stats = NULL;
  if (check_cancelled (cancellable, error))
    return NULL;

  if (stats != NULL)
    {
      self->have_stats = TRUE;
      self->total = stats->total;
      self->holding = stats->holding;
      self->setup = stats->setup;
      self->tardiness = stats->tardiness;
      self->campaign_spend = stats->campaign_spend;
      self->cost_per_mille = stats->campaign_cost_per_mille;
      self->on_time_rate = stats->on_time_rate;
      self->average_stock = stats->average_stock;
      self->runs = stats->runs;
      self->units = stats->units;
      self->late_units = stats->late_units;
      self->unmet_units = stats->unmet_units;
      self->late_orders = stats->late_orders;
      self->changeovers = stats->changeovers;
      self->makespan_s = stats->makespan_s;
      self->bottleneck = stats->bottleneck_station;
      self->bottleneck_utilisation = stats->bottleneck_utilisation;
      self->notes = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; stats->conflicts != NULL && i < stats->conflicts->len; i++)
        g_ptr_array_add (self->notes, g_strdup (g_ptr_array_index (stats->conflicts, i)));
    }
  else
    self->bottleneck = -1;

  /* The pages, section by section. */
  cover.section = TAKT_REPORT_COVER;
  add_page (self, &cover);

  if (self->schedule != NULL)
    {
      self->gantt = takt_gantt_layout_new (self->plan, self->schedule);
      takt_gantt_layout_set_stats (self->gantt, stats);
      layout_gantt (self);
      paginate_gantt (self);
    }
  if (check_cancelled (cancellable, error))
    return NULL;

  build_charts (self, stats);
  paginate_charts (self);
  paginate_calendar (self);
  if (check_cancelled (cancellable, error))
    return NULL;

  takt_report_build_tables (self, stats);
  if (self->schedule != NULL)
    {
      takt_report_paginate_table (self, TAKT_REPORT_RUNS);
      takt_report_paginate_table (self, TAKT_REPORT_LATE);
    }
  if (check_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
takt_report_free (TaktReport *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_charts; i++)
    takt_chart_free (self->charts[i]);
  g_clear_pointer (&self->calendar, takt_campaign_calendar_free);
  g_clear_pointer (&self->chart_data, takt_chart_data_free);
  g_clear_pointer (&self->gantt, takt_gantt_layout_free);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->run_items, g_array_unref);
  g_clear_pointer (&self->late_items, g_array_unref);
  g_clear_pointer (&self->late_rows, g_array_unref);
  g_clear_pointer (&self->demand_by_name, g_hash_table_unref);
  g_clear_pointer (&self->demands, g_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->schedule, takt_schedule_free);
  g_clear_pointer (&self->plan, takt_plan_free);
  g_clear_pointer (&self->made, g_date_time_unref);
  g_free (self);
}

/* ---- the PDF file ---- */

typedef struct
{
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (TaktReport      *self,
              cairo_surface_t *surface)
{
  g_autofree char *date = g_date_time_format (self->made, "%Y-%m-%dT%H:%M:%S%:z");
  const char *name = self->plan->name != NULL && *self->plan->name ? self->plan->name : _("Untitled plan");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Production plan report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Takt " PACKAGE_VERSION);
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
}

static void
add_outline (TaktReport      *self,
             cairo_surface_t *surface)
{
  for (int s = 0; s < TAKT_REPORT_N_SECTIONS; s++)
    {
      g_autofree char *link = NULL;

      if (self->section_page[s] < 0)
        continue;
      link = g_strdup_printf ("page=%d", self->section_page[s] + 1);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, section_title (s), link, 0);
    }
}

gboolean
takt_report_write_pdf (TaktReport         *self,
                       const char         *path,
                       GCancellable       *cancellable,
                       TaktReportProgress  progress,
                       gpointer            progress_data,
                       GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  TaktReportPainter painter;
  Sink sink = { -1, 0 };
  gboolean cancelled = FALSE;
  double w, h;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (check_cancelled (cancellable, error))
    return FALSE;

  /* A new file beside the target, so that the rename stays on one file system. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  for (int attempt = 0; attempt < 100 && sink.fd < 0; attempt++)
    {
      g_free (tmp);
      tmp = g_strdup_printf ("%s%c.%s.%08x.tmp", dir, G_DIR_SEPARATOR, base, g_random_int ());
      sink.fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (sink.fd < 0 && errno != EEXIST)
        break;
    }
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("no new file can be made in %s: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  page_size (self, get_page (self, 0), &w, &h);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, w, h);
  set_metadata (self, surface);
  cr = cairo_create (surface);
  takt_report_painter_init (&painter, cr);

  for (guint i = 0; i < self->pages->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      page_size (self, get_page (self, i), &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      draw_page_content (self, &painter, i);
      cairo_show_page (cr);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        break;
      if (progress != NULL)
        progress (i + 1, self->pages->len, progress_data);
    }
  if (!cancelled)
    add_outline (self, surface);

  takt_report_painter_clear (&painter);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!cancelled && status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    sink.saved_errno = errno;
  if (close (sink.fd) != 0 && sink.saved_errno == 0)
    sink.saved_errno = errno;

  if (cancelled || check_cancelled (cancellable, NULL))
    {
      g_unlink (tmp);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS || sink.saved_errno != 0)
    {
      g_unlink (tmp);
      if (sink.saved_errno != 0)
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (sink.saved_errno),
                             g_strerror (sink.saved_errno));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
