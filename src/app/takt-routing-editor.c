/* takt-routing-editor.c — the steps of a product's routing, editable
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-routing-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-duration-row.h"
#include "takt-editor-common.h"
#include "takt-routing-editor.h"

#define NEW_STEP_CYCLE_S 60

typedef struct _TaktRoutingEditor TaktRoutingEditor;

typedef struct
{
  TaktRoutingEditor *editor;
  guint              index;
  GtkWidget         *expander;
  GtkWidget         *station_row;
  GtkWidget         *station;
  GtkWidget         *cycle;
  GtkWidget         *setup;
  GtkWidget         *error;
  GtkWidget         *order_row;
  GtkWidget         *up;
  GtkWidget         *down;
  GtkWidget         *remove;
} StepRow;

struct _TaktRoutingEditor
{
  AdwPreferencesGroup  parent_instance;

  TaktDocument        *document;
  char                *product_id;
  GtkStringList       *stations;   /* the plan's station names, in order */
  GPtrArray           *rows;       /* of StepRow* */
  GtkWidget           *add_button;
  guint                syncing;
};

G_DEFINE_FINAL_TYPE (TaktRoutingEditor, takt_routing_editor, ADW_TYPE_PREFERENCES_GROUP)

typedef enum
{
  STEP_SET_CYCLE,
  STEP_SET_SETUP,
  STEP_SET_STATION,
  STEP_ADD,
  STEP_REMOVE,
  STEP_MOVE_UP,
  STEP_MOVE_DOWN,
} StepOp;

typedef struct
{
  char   *product;
  StepOp  op;
  guint   index;
  gint64  seconds;
  char   *station;
} StepEdit;

static void sync_rows (TaktRoutingEditor *self);

static gboolean
edit_step_cb (TaktPlan  *plan,
              gpointer   user_data,
              GError   **error)
{
  StepEdit *edit = user_data;
  int p = takt_plan_find_product (plan, edit->product);
  TaktProduct *product;
  TaktStep *step = NULL;

  if (p < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no product “%s” any more"), edit->product);
      return FALSE;
    }
  product = g_ptr_array_index (plan->products, p);

  if (edit->op != STEP_ADD)
    {
      if (edit->index >= product->routing->len)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The routing has no step %u any more"), edit->index + 1);
          return FALSE;
        }
      step = g_ptr_array_index (product->routing, edit->index);
    }

  switch (edit->op)
    {
    case STEP_SET_CYCLE:
      step->cycle_s = edit->seconds;
      break;

    case STEP_SET_SETUP:
      step->setup_s = edit->seconds;
      break;

    case STEP_SET_STATION:
      g_free (step->station);
      step->station = g_strdup (edit->station);
      break;

    case STEP_ADD:
      step = takt_step_new ();
      step->station = g_strdup (edit->station);
      step->cycle_s = NEW_STEP_CYCLE_S;
      step->setup_s = 0;
      g_ptr_array_add (product->routing, step);
      break;

    case STEP_REMOVE:
      if (product->routing->len <= 1)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("A routing needs at least one step"));
          return FALSE;
        }
      g_ptr_array_remove_index (product->routing, edit->index);
      break;

    case STEP_MOVE_UP:
    case STEP_MOVE_DOWN:
      {
        guint other = edit->op == STEP_MOVE_UP ? edit->index - 1 : edit->index + 1;

        if ((edit->op == STEP_MOVE_UP && edit->index == 0) || other >= product->routing->len)
          return TRUE;
        product->routing->pdata[edit->index] = product->routing->pdata[other];
        product->routing->pdata[other] = step;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static const char *
describe (StepOp op)
{
  switch (op)
    {
    case STEP_SET_CYCLE: return _("Change Cycle Time");
    case STEP_SET_SETUP: return _("Change Setup Time");
    case STEP_SET_STATION: return _("Change Step Station");
    case STEP_ADD: return _("Add Routing Step");
    case STEP_REMOVE: return _("Remove Routing Step");
    case STEP_MOVE_UP:
    case STEP_MOVE_DOWN: return _("Move Routing Step");
    default: g_assert_not_reached ();
    }
}

/* Applies an edit; a refusal shows under the step (or under the group for
 * the group's own buttons).  Returns whether it was applied. */
static gboolean
apply (TaktRoutingEditor *self,
       StepOp             op,
       guint              index,
       gint64             seconds,
       const char        *station,
       const char        *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *product = g_strdup (self->product_id);
  g_autofree char *station_id = g_strdup (station);
  StepEdit edit = { product, op, index, seconds, station_id };
  StepRow *row = index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;

  if (self->document == NULL || product == NULL || self->syncing > 0)
    return FALSE;

  if (takt_document_edit (self->document, describe (op), edit_step_cb, &edit, &error))
    return TRUE;

  {
    g_autofree char *message = takt_editor_error_text (error, field);

    if (row == NULL && self->rows->len > 0)
      row = g_ptr_array_index (self->rows, self->rows->len - 1);
    if (row != NULL)
      {
        if (op == STEP_SET_CYCLE)
          takt_duration_row_set_error (TAKT_DURATION_ROW (row->cycle), message);
        else if (op == STEP_SET_SETUP)
          takt_duration_row_set_error (TAKT_DURATION_ROW (row->setup), message);
        takt_error_row_set_message (row->error, message);
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->expander), TRUE);
      }
    else
      takt_editor_toast (GTK_WIDGET (self), message, FALSE);
  }

  return FALSE;
}

static void
cycle_commit_cb (TaktDurationRow *duration,
                 gint64           seconds,
                 StepRow         *row)
{
  apply (row->editor, STEP_SET_CYCLE, row->index, seconds, NULL, _("Cycle time"));
}

static void
setup_commit_cb (TaktDurationRow *duration,
                 gint64           seconds,
                 StepRow         *row)
{
  apply (row->editor, STEP_SET_SETUP, row->index, seconds, NULL, _("Setup time"));
}

static void
duration_error_cb (TaktDurationRow *duration,
                   GParamSpec      *pspec,
                   StepRow         *row)
{
  const char *message = takt_duration_row_get_error (duration);

  if (message != NULL)
    takt_error_row_set_message (row->error, message);
  else if (takt_duration_row_get_error (TAKT_DURATION_ROW (row->cycle)) == NULL &&
           takt_duration_row_get_error (TAKT_DURATION_ROW (row->setup)) == NULL)
    takt_error_row_set_message (row->error, NULL);
}

static void
station_selected_cb (GtkDropDown *drop_down,
                     GParamSpec  *pspec,
                     StepRow     *row)
{
  TaktRoutingEditor *self = row->editor;
  guint selected = gtk_drop_down_get_selected (drop_down);
  const TaktPlan *plan;
  const TaktStation *station;

  if (self->syncing > 0 || self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  plan = takt_document_get_plan (self->document);
  if (selected >= plan->stations->len)
    return;
  station = g_ptr_array_index (plan->stations, selected);
  if (!apply (self, STEP_SET_STATION, row->index, 0, station->id, _("Station")))
    {
      /* Refused: the drop-down shows the station the step still has. */
      int p = takt_plan_find_product (plan, self->product_id);
      const TaktProduct *product = p >= 0 ? g_ptr_array_index (plan->products, p) : NULL;

      if (product != NULL && row->index < product->routing->len)
        {
          const TaktStep *step = g_ptr_array_index (product->routing, row->index);

          self->syncing++;
          gtk_drop_down_set_selected (drop_down, step->station_index >= 0 ? (guint) step->station_index
                                                                          : GTK_INVALID_LIST_POSITION);
          self->syncing--;
        }
    }
}

static void
move_up_cb (StepRow *row)
{
  apply (row->editor, STEP_MOVE_UP, row->index, 0, NULL, NULL);
}

static void
move_down_cb (StepRow *row)
{
  apply (row->editor, STEP_MOVE_DOWN, row->index, 0, NULL, NULL);
}

static void
remove_cb (StepRow *row)
{
  apply (row->editor, STEP_REMOVE, row->index, 0, NULL, NULL);
}

static void
step_row_free (gpointer data)
{
  g_free (data);
}

static StepRow *
step_row_new (TaktRoutingEditor *self,
              guint              index)
{
  StepRow *row = g_new0 (StepRow, 1);
  g_autofree char *name = NULL;

  row->editor = self;
  row->index = index;

  row->expander = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  name = g_strdup_printf ("routing-step-%u", index);
  gtk_widget_set_name (row->expander, name);

  row->station_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->station_row), _("Station"));
  row->station = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->stations)), NULL);
  gtk_widget_set_valign (row->station, GTK_ALIGN_CENTER);
  g_free (name);
  name = g_strdup_printf ("station-%u", index);
  gtk_widget_set_name (row->station, name);
  g_signal_connect (row->station, "notify::selected", G_CALLBACK (station_selected_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->station_row), row->station);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->station_row), row->station);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), row->station_row);

  row->cycle = takt_duration_row_new (_("Cycle time per unit"));
  g_free (name);
  name = g_strdup_printf ("cycle-time-%u", index);
  gtk_widget_set_name (row->cycle, name);
  g_signal_connect (row->cycle, "commit", G_CALLBACK (cycle_commit_cb), row);
  g_signal_connect (row->cycle, "notify::error", G_CALLBACK (duration_error_cb), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), row->cycle);

  row->setup = takt_duration_row_new (_("Setup time per run"));
  g_free (name);
  name = g_strdup_printf ("setup-time-%u", index);
  gtk_widget_set_name (row->setup, name);
  g_signal_connect (row->setup, "commit", G_CALLBACK (setup_commit_cb), row);
  g_signal_connect (row->setup, "notify::error", G_CALLBACK (duration_error_cb), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), row->setup);

  /* Its place in the routing, and removing it. */
  row->order_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->order_row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->order_row), FALSE);
  row->up = takt_editor_icon_button_new ("go-up-symbolic", _("Move Step Up"));
  row->down = takt_editor_icon_button_new ("go-down-symbolic", _("Move Step Down"));
  row->remove = takt_editor_icon_button_new ("user-trash-symbolic", _("Remove Step"));
  g_signal_connect_swapped (row->up, "clicked", G_CALLBACK (move_up_cb), row);
  g_signal_connect_swapped (row->down, "clicked", G_CALLBACK (move_down_cb), row);
  g_signal_connect_swapped (row->remove, "clicked", G_CALLBACK (remove_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->order_row), row->up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->order_row), row->down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->order_row), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->order_row), row->remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), row->order_row);

  row->error = takt_error_row_new ();
  g_free (name);
  name = g_strdup_printf ("step-error-%u", index);
  gtk_widget_set_name (row->error, name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), row->error);

  return row;
}

static const char *
station_label (const TaktStation *station)
{
  return station->name != NULL && station->name[0] != '\0' ? station->name : station->id;
}

/* The drop-downs' list of stations, replaced only when it changed. */
static void
sync_stations (TaktRoutingEditor *self,
               const TaktPlan    *plan)
{
  GListModel *model = G_LIST_MODEL (self->stations);
  guint n = g_list_model_get_n_items (model);
  gboolean same = n == plan->stations->len;
  g_autoptr(GPtrArray) names = NULL;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->stations, i),
                      station_label (g_ptr_array_index (plan->stations, i))) == 0;
  if (same)
    return;

  names = g_ptr_array_new ();
  for (guint i = 0; i < plan->stations->len; i++)
    g_ptr_array_add (names, (gpointer) station_label (g_ptr_array_index (plan->stations, i)));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->stations, 0, n, (const char * const *) names->pdata);
}

static void
clear_rows (TaktRoutingEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      StepRow *row = g_ptr_array_index (self->rows, i);

      g_signal_handlers_disconnect_by_data (row->station, row);
      g_signal_handlers_disconnect_by_data (row->cycle, row);
      g_signal_handlers_disconnect_by_data (row->setup, row);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row->expander);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
sync_rows (TaktRoutingEditor *self)
{
  const TaktPlan *plan;
  const TaktProduct *product;
  int p;

  self->syncing++;

  plan = self->document != NULL ? takt_document_get_plan (self->document) : NULL;
  p = plan != NULL && self->product_id != NULL ? takt_plan_find_product (plan, self->product_id) : -1;
  if (p < 0)
    {
      clear_rows (self);
      gtk_widget_set_sensitive (self->add_button, FALSE);
      self->syncing--;
      return;
    }

  product = g_ptr_array_index (plan->products, p);
  sync_stations (self, plan);
  gtk_widget_set_sensitive (self->add_button, TRUE);

  if (self->rows->len != product->routing->len)
    {
      clear_rows (self);
      for (guint i = 0; i < product->routing->len; i++)
        {
          StepRow *row = step_row_new (self, i);

          g_ptr_array_add (self->rows, row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row->expander);
        }
    }

  for (guint i = 0; i < product->routing->len; i++)
    {
      const TaktStep *step = g_ptr_array_index (product->routing, i);
      StepRow *row = g_ptr_array_index (self->rows, i);
      const char *station = step->station;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *cycle = takt_duration_to_string (step->cycle_s);
      g_autofree char *setup = takt_duration_to_string (step->setup_s);
      g_autofree char *label = NULL;

      if (step->station_index >= 0 && step->station_index < (int) plan->stations->len)
        station = station_label (g_ptr_array_index (plan->stations, step->station_index));

      /* Translators: a routing step: its position and station, "2. Finishing" */
      title = g_strdup_printf (_("%u. %s"), i + 1, station);
      if (step->setup_s > 0)
        /* Translators: the work per unit and the setup per run at a step */
        subtitle = g_strdup_printf (_("Cycle %s per unit · setup %s per run"), cycle, setup);
      else
        /* Translators: the work per unit at a step that needs no setup */
        subtitle = g_strdup_printf (_("Cycle %s per unit · no setup"), cycle);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), subtitle);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (row->station),
                                  step->station_index >= 0 ? (guint) step->station_index
                                                           : GTK_INVALID_LIST_POSITION);
      takt_duration_row_set_seconds (TAKT_DURATION_ROW (row->cycle), step->cycle_s);
      takt_duration_row_set_seconds (TAKT_DURATION_ROW (row->setup), step->setup_s);
      takt_error_row_set_message (row->error, NULL);

      g_free (label);
      /* Translators: a step's place in a routing, "Step 2 of 4" */
      label = g_strdup_printf (_("Step %u of %u"), i + 1, product->routing->len);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->order_row), label);
      g_clear_pointer (&label, g_free);

      gtk_widget_set_sensitive (row->up, i > 0);
      gtk_widget_set_sensitive (row->down, i + 1 < product->routing->len);
      gtk_widget_set_sensitive (row->remove, product->routing->len > 1);

      /* Translators: the accessible name of a step's station drop-down, "Station of step 2" */
      label = g_strdup_printf (_("Station of step %u"), i + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->station),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  self->syncing--;
}

static void
add_step_cb (TaktRoutingEditor *self)
{
  const TaktPlan *plan;
  const TaktProduct *product;
  const TaktStation *station;
  int p, next = 0;

  if (self->document == NULL || self->product_id == NULL)
    return;

  plan = takt_document_get_plan (self->document);
  p = takt_plan_find_product (plan, self->product_id);
  if (p < 0)
    return;
  product = g_ptr_array_index (plan->products, p);

  /* The station after the last step's, along the line. */
  if (product->routing->len > 0)
    {
      const TaktStep *last = g_ptr_array_index (product->routing, product->routing->len - 1);

      next = last->station_index + 1;
      if (next < 0 || next >= (int) plan->stations->len)
        next = MAX (last->station_index, 0);
    }
  station = g_ptr_array_index (plan->stations, next);

  if (apply (self, STEP_ADD, G_MAXUINT, 0, station->id, NULL) && self->rows->len > 0)
    {
      StepRow *row = g_ptr_array_index (self->rows, self->rows->len - 1);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->expander), TRUE);
      gtk_widget_grab_focus (row->cycle);
    }
}

static void
takt_routing_editor_dispose (GObject *object)
{
  TaktRoutingEditor *self = TAKT_ROUTING_EDITOR (object);

  if (self->rows != NULL)
    for (guint i = 0; i < self->rows->len; i++)
      {
        StepRow *row = g_ptr_array_index (self->rows, i);

        g_signal_handlers_disconnect_by_data (row->station, row);
        g_signal_handlers_disconnect_by_data (row->cycle, row);
        g_signal_handlers_disconnect_by_data (row->setup, row);
      }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->stations);

  G_OBJECT_CLASS (takt_routing_editor_parent_class)->dispose (object);
}

static void
takt_routing_editor_finalize (GObject *object)
{
  TaktRoutingEditor *self = TAKT_ROUTING_EDITOR (object);

  g_free (self->product_id);

  G_OBJECT_CLASS (takt_routing_editor_parent_class)->finalize (object);
}

static void
takt_routing_editor_class_init (TaktRoutingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = takt_routing_editor_dispose;
  object_class->finalize = takt_routing_editor_finalize;
}

static void
takt_routing_editor_init (TaktRoutingEditor *self)
{
  GtkWidget *content;

  self->rows = g_ptr_array_new_with_free_func (step_row_free);
  self->stations = gtk_string_list_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Routing"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The stations a unit passes, in order"));

  self->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Step"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (self->add_button, "add-step");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_step_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);
}

GtkWidget *
takt_routing_editor_new (void)
{
  return g_object_new (TAKT_TYPE_ROUTING_EDITOR, NULL);
}

void
takt_routing_editor_show (TaktRoutingEditor *self,
                          TaktDocument      *document,
                          const char        *product_id)
{
  g_return_if_fail (TAKT_IS_ROUTING_EDITOR (self));
  g_return_if_fail (document == NULL || TAKT_IS_DOCUMENT (document));

  if (g_strcmp0 (self->product_id, product_id) != 0 || self->document != document)
    {
      /* Another product: its steps start folded. */
      for (guint i = 0; i < self->rows->len; i++)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (((StepRow *) g_ptr_array_index (self->rows, i))->expander),
                                       FALSE);
    }

  g_set_object (&self->document, document);
  if (g_strcmp0 (self->product_id, product_id) != 0)
    {
      g_free (self->product_id);
      self->product_id = g_strdup (product_id);
    }

  sync_rows (self);
}

guint
takt_routing_editor_get_n_steps (TaktRoutingEditor *self)
{
  g_return_val_if_fail (TAKT_IS_ROUTING_EDITOR (self), 0);
  return self->rows->len;
}
