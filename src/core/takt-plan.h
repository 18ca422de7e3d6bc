/* takt-plan.h — the .takt plan document, version 1, as plain C data
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model follows docs/file-format.md (the project's copy of the plan
 * format).  It is plain data: the app and the planner read the fields
 * directly.  After editing a plan by hand, call takt_plan_check() so that
 * the resolved indices (product_index, station_index) are up to date.
 *
 * All instants are "naive" seconds: wall-clock plant-local time counted as
 * if it were UTC seconds since 1970-01-01T00:00 (see takt-time.h).  A date
 * is the instant of its midnight.  The planner works relative to
 * horizon_start.
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TAKT_PLAN_FORMAT  "takt-plan"
#define TAKT_PLAN_VERSION 1

typedef enum
{
  TAKT_CHANNEL_SOCIAL,
  TAKT_CHANNEL_EMAIL,
  TAKT_CHANNEL_SEARCH,
  TAKT_CHANNEL_DISPLAY,
  TAKT_CHANNEL_VIDEO,
  TAKT_CHANNEL_PRINT,
  TAKT_CHANNEL_EVENT,
  TAKT_CHANNEL_OTHER,
  TAKT_N_CHANNELS
} TaktChannel;

typedef enum
{
  TAKT_SHAPE_FLAT,
  TAKT_SHAPE_LAUNCH,
  TAKT_SHAPE_BUILD,
  TAKT_N_SHAPES
} TaktShape;

typedef enum
{
  TAKT_STRATEGY_JIT,
  TAKT_STRATEGY_LEVEL,
  TAKT_STRATEGY_ASAP,
  TAKT_N_STRATEGIES
} TaktStrategy;

/* A shift [from, to) in seconds after midnight; 0 <= from < to <= 86400. */
typedef struct
{
  gint32 from;
  gint32 to;
} TaktShift;

typedef struct
{
  gint64      date;       /* midnight of the date */
  GArray     *shifts;     /* of TaktShift, sorted, not overlapping */
  JsonObject *extra;      /* unknown members, kept for the round trip; may be NULL */
} TaktCalendarException;

typedef struct
{
  GArray     *week[7];    /* of TaktShift; 0 = Monday … 6 = Sunday */
  GPtrArray  *exceptions; /* of TaktCalendarException*, sorted by date, unique dates */
  JsonObject *week_extra; /* unknown members of "week" */
  JsonObject *extra;
} TaktCalendar;

typedef struct
{
  char         *id;
  char         *name;
  gint64        machines;   /* >= 1 */
  TaktCalendar *calendar;   /* NULL: uses the plant calendar */
  char         *color;      /* "#rrggbb" or NULL */
  JsonObject   *extra;
} TaktStation;

typedef struct
{
  char       *station;        /* station id */
  int         station_index;  /* resolved by takt_plan_check() */
  gint64      cycle_s;        /* > 0 */
  gint64      setup_s;        /* >= 0 */
  JsonObject *extra;
} TaktStep;

typedef struct
{
  char       *id;
  char       *name;
  char       *color;          /* "#rrggbb" or NULL */
  GPtrArray  *routing;        /* of TaktStep*, >= 1 */
  double      setup_cost;
  double      holding_cost_per_day;
  double      late_cost_per_day;
  gint64      initial_stock;
  gint64      min_run;        /* >= 1 */
  gint64      max_run;        /* 0 = no bound, else >= min_run */
  double      unit_cost;
  double      price;
  JsonObject *extra;
} TaktProduct;

typedef struct
{
  char       *id;
  char       *product;
  int         product_index;
  gint64      quantity;       /* >= 1 */
  gint64      due;
  char       *customer;       /* may be NULL */
  JsonObject *extra;
} TaktOrder;

typedef struct
{
  char       *product;
  int         product_index;
  gint64      date;           /* midnight; due at the end of that date */
  gint64      quantity;       /* >= 1 */
  JsonObject *extra;
} TaktForecast;

typedef struct
{
  char       *product;
  int         product_index;
  double      share;          /* > 0 */
  JsonObject *extra;
} TaktCampaignProduct;

typedef struct
{
  char        *id;
  char        *name;
  TaktChannel  channel;
  gint64       start;         /* midnight of the first day */
  gint64       end;           /* midnight of the last day (inclusive) */
  double       spend;         /* >= 0 */
  gint64       impressions;   /* >= 0 */
  double       conversion_per_mille; /* >= 0 */
  gint64       lag_days;      /* >= 0 */
  TaktShape    shape;
  GPtrArray   *products;      /* of TaktCampaignProduct*, >= 1 */
  JsonObject  *extra;
} TaktCampaign;

typedef struct
{
  char       *product;
  int         product_index;
  gint64      quantity;       /* >= 1 */
  char       *station;        /* the first step's station */
  int         station_index;
  gint64      machine;        /* 1-based */
  gint64      start;
  JsonObject *extra;
} TaktPin;

typedef struct
{
  TaktStrategy strategy;
  gint64       time_limit_ms; /* >= 0, default 300 */
  guint64      seed;          /* default 1 */
  JsonObject  *extra;
} TaktSettings;

/* ---- the computed plan (the "schedule" member) ---- */

typedef struct
{
  int    station_index;
  gint64 machine;             /* 1-based */
  gint64 setup_start;
  gint64 start;
  gint64 end;
} TaktRunStep;

typedef struct
{
  char  *demand;              /* "SO-1001", "forecast:P:DATE", "campaign:ID:P:DATE" */
  gint64 quantity;
} TaktCover;

typedef struct
{
  char    *id;
  int      product_index;
  gint64   quantity;
  gboolean pinned;
  GArray  *steps;             /* of TaktRunStep, one per routing step */
  GArray  *covers;            /* of TaktCover (clear func frees .demand) */
} TaktRun;

typedef struct
{
  TaktStrategy strategy;
  double       total;
  double       holding;
  double       tardiness;
  double       setup;
  GPtrArray   *runs;          /* of TaktRun* */
} TaktSchedule;

typedef struct
{
  char         *name;         /* "" by default */
  char         *currency;     /* "EUR" by default */
  gint64        horizon_start;
  gint64        horizon_days; /* >= 1 */
  JsonObject   *horizon_extra;
  TaktCalendar *calendar;     /* NULL: absent, i.e. 24/7 */
  GPtrArray    *stations;     /* of TaktStation* */
  GPtrArray    *products;     /* of TaktProduct* */
  GPtrArray    *orders;       /* of TaktOrder* */
  GPtrArray    *forecast;     /* of TaktForecast* */
  GPtrArray    *campaigns;    /* of TaktCampaign* */
  GPtrArray    *pins;         /* of TaktPin* */
  TaktSettings  settings;
  TaktSchedule *schedule;     /* NULL when absent */
  JsonObject   *extra;        /* unknown top-level members */
} TaktPlan;

#define TAKT_PLAN_ERROR (takt_plan_error_quark ())

typedef enum
{
  TAKT_PLAN_ERROR_SYNTAX,     /* not JSON: "FILE:LINE:COLUMN: message" */
  TAKT_PLAN_ERROR_INVALID,    /* broken rules: one "FILE: PATH: message" per line */
  TAKT_PLAN_ERROR_VERSION,    /* a newer version */
  TAKT_PLAN_ERROR_TOO_LARGE,  /* beyond the sane limits */
} TaktPlanError;

GQuark        takt_plan_error_quark          (void);

/* Constructors and destructors of every part. */
TaktPlan     *takt_plan_new                  (void);
void          takt_plan_free                 (TaktPlan            *plan);
TaktPlan     *takt_plan_copy                 (const TaktPlan      *plan);
TaktCalendar *takt_calendar_new              (void);
TaktCalendar *takt_calendar_copy             (const TaktCalendar  *calendar);
void          takt_calendar_free             (TaktCalendar        *calendar);
void          takt_calendar_exception_free   (TaktCalendarException *exception);
TaktStation  *takt_station_new               (void);
void          takt_station_free              (TaktStation         *station);
TaktStep     *takt_step_new                  (void);
void          takt_step_free                 (TaktStep            *step);
TaktProduct  *takt_product_new               (void);
void          takt_product_free              (TaktProduct         *product);
TaktOrder    *takt_order_new                 (void);
void          takt_order_free                (TaktOrder           *order);
TaktForecast *takt_forecast_new              (void);
void          takt_forecast_free             (TaktForecast        *forecast);
TaktCampaignProduct *takt_campaign_product_new  (void);
void          takt_campaign_product_free     (TaktCampaignProduct *cp);
TaktCampaign *takt_campaign_new              (void);
void          takt_campaign_free             (TaktCampaign        *campaign);
TaktPin      *takt_pin_new                   (void);
void          takt_pin_free                  (TaktPin             *pin);
TaktRun      *takt_run_new                   (void);
void          takt_run_free                  (TaktRun             *run);
TaktSchedule *takt_schedule_new              (void);
TaktSchedule *takt_schedule_copy             (const TaktSchedule  *schedule);
void          takt_schedule_free             (TaktSchedule        *schedule);

/* Lookups (linear; -1 when absent). */
int           takt_plan_find_station         (const TaktPlan      *plan,
                                              const char          *id);
int           takt_plan_find_product         (const TaktPlan      *plan,
                                              const char          *id);
/* The calendar in force at a station: its own, the plant's, or NULL (24/7). */
const TaktCalendar *takt_plan_station_calendar (const TaktPlan    *plan,
                                                int                station_index);

/* Reading and writing.  @filename is only used in messages. */
TaktPlan     *takt_plan_load_from_data       (const char          *data,
                                              gssize               length,
                                              const char          *filename,
                                              GError             **error);
TaktPlan     *takt_plan_load_from_file       (const char          *path,
                                              GError             **error);
char         *takt_plan_to_data              (const TaktPlan      *plan,
                                              gsize               *length);
/* Atomic: writes a temporary file in the same folder, then renames it. */
gboolean      takt_plan_save_to_file         (const TaktPlan      *plan,
                                              const char          *path,
                                              GError             **error);

/* Checks every rule of the format on an in-memory plan (after edits) and
 * resolves the indices.  Returns the problems as "PATH: message" strings
 * (an empty array when the plan is valid). */
GPtrArray    *takt_plan_check                (TaktPlan            *plan);

const char   *takt_channel_to_string         (TaktChannel          channel);
gboolean      takt_channel_from_string       (const char          *str,
                                              TaktChannel         *channel);
const char   *takt_shape_to_string           (TaktShape            shape);
gboolean      takt_shape_from_string         (const char          *str,
                                              TaktShape           *shape);
const char   *takt_strategy_to_string        (TaktStrategy         strategy);
gboolean      takt_strategy_from_string      (const char          *str,
                                              TaktStrategy        *strategy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktPlan, takt_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktCalendar, takt_calendar_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktSchedule, takt_schedule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktRun, takt_run_free)

G_END_DECLS
