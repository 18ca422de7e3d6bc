/* takt-editor-list.c — the searchable list at the side of an editor page
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-editor-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "takt-editor-common.h"
#include "takt-editor-list.h"
#include "takt-widgets.h"

/* ---- an item ---- */

#define TAKT_TYPE_EDITOR_ITEM (takt_editor_item_get_type ())

G_DECLARE_FINAL_TYPE (TaktEditorItem, takt_editor_item, TAKT, EDITOR_ITEM, GObject)

struct _TaktEditorItem
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *subtitle;
  char    *color;
  guint    position;
};

G_DEFINE_FINAL_TYPE (TaktEditorItem, takt_editor_item, G_TYPE_OBJECT)

enum {
  ITEM_CHANGED,
  N_ITEM_SIGNALS
};

static guint item_signals[N_ITEM_SIGNALS];

static void
takt_editor_item_finalize (GObject *object)
{
  TaktEditorItem *self = TAKT_EDITOR_ITEM (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->color);

  G_OBJECT_CLASS (takt_editor_item_parent_class)->finalize (object);
}

static void
takt_editor_item_class_init (TaktEditorItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = takt_editor_item_finalize;

  item_signals[ITEM_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
takt_editor_item_init (TaktEditorItem *self)
{
}

static gboolean
replace (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* TRUE when the item changed. */
static gboolean
item_update (TaktEditorItem            *self,
             const TaktEditorListEntry *entry,
             guint                      position)
{
  gboolean changed = FALSE;

  changed |= replace (&self->id, entry->id);
  changed |= replace (&self->title, entry->title);
  changed |= replace (&self->subtitle, entry->subtitle);
  changed |= replace (&self->color, entry->color);
  self->position = position;

  if (changed)
    g_signal_emit (self, item_signals[ITEM_CHANGED], 0);
  return changed;
}

/* ---- the list ---- */

struct _TaktEditorList
{
  GtkWidget           parent_instance;

  GtkWidget          *header;
  GtkWidget          *search;
  GtkWidget          *stack;
  GtkWidget          *list_view;
  GtkWidget          *empty_label;
  GtkWidget          *add_button;
  GtkWidget          *remove_button;

  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  char               *empty_title;
  char               *search_key;   /* casefolded, NULL when empty */
  gboolean            can_remove;
  guint               programmatic;
};

G_DEFINE_FINAL_TYPE (TaktEditorList, takt_editor_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

enum {
  ADD,
  REMOVE,
  CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
contains_folded (const char *text,
                 const char *key)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, key) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TaktEditorList *self = user_data;
  TaktEditorItem *entry = item;

  if (self->search_key == NULL)
    return TRUE;
  return contains_folded (entry->id, self->search_key) || contains_folded (entry->title, self->search_key);
}

static void
update_state (TaktEditorList *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  if (shown == 0)
    {
      if (self->search_key != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Nothing matches “%s”"),
                                                   gtk_editable_get_text (GTK_EDITABLE (self->search)));

          gtk_label_set_text (GTK_LABEL (self->empty_label), text);
        }
      else
        gtk_label_set_text (GTK_LABEL (self->empty_label), self->empty_title);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
    }
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");

  gtk_widget_set_sensitive (self->remove_button, selected && self->can_remove);
}

static void
search_changed_cb (TaktEditorList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_key, g_free);
  if (stripped[0] != '\0')
    self->search_key = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
selection_changed_cb (TaktEditorList *self)
{
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  if (self->programmatic == 0)
    g_signal_emit (self, signals[CHOSEN], 0);
}

static void
add_clicked_cb (TaktEditorList *self)
{
  g_signal_emit (self, signals[ADD], 0);
}

static void
remove_clicked_cb (TaktEditorList *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* ---- rows ---- */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          TaktEditorList           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *swatch = takt_swatch_new (NULL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  g_object_set_data (G_OBJECT (box), "takt-swatch", swatch);
  g_object_set_data (G_OBJECT (box), "takt-title", title);
  g_object_set_data (G_OBJECT (box), "takt-subtitle", subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
refresh_row (GtkWidget      *box,
             TaktEditorItem *item)
{
  GtkWidget *swatch = g_object_get_data (G_OBJECT (box), "takt-swatch");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (box), "takt-subtitle");

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "takt-title"), item->title);
  gtk_label_set_text (GTK_LABEL (subtitle), item->subtitle != NULL ? item->subtitle : "");
  gtk_widget_set_visible (subtitle, item->subtitle != NULL && item->subtitle[0] != '\0');
  takt_swatch_set_color (swatch, item->color);
}

static void
item_changed_cb (TaktEditorItem *item,
                 GtkWidget      *box)
{
  refresh_row (box, item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         TaktEditorList           *self)
{
  TaktEditorItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  refresh_row (box, item);
  g_signal_connect_object (item, "changed", G_CALLBACK (item_changed_cb), box, 0);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           TaktEditorList           *self)
{
  TaktEditorItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_changed_cb, box);
}

/* ---- the widget ---- */

static void
takt_editor_list_dispose (GObject *object)
{
  TaktEditorList *self = TAKT_EDITOR_LIST (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (takt_editor_list_parent_class)->dispose (object);
}

static void
takt_editor_list_finalize (GObject *object)
{
  TaktEditorList *self = TAKT_EDITOR_LIST (object);

  g_free (self->empty_title);
  g_free (self->search_key);

  G_OBJECT_CLASS (takt_editor_list_parent_class)->finalize (object);
}

static void
takt_editor_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TaktEditorList *self = TAKT_EDITOR_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, takt_editor_list_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_editor_list_class_init (TaktEditorListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = takt_editor_list_dispose;
  object_class->finalize = takt_editor_list_finalize;
  object_class->get_property = takt_editor_list_get_property;

  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "takt-editor-list");
}

static void
takt_editor_list_init (TaktEditorList *self)
{
  GtkListItemFactory *factory;
  GtkWidget *scrolled, *toolbar;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->store = g_list_store_new (TAKT_TYPE_EDITOR_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_state), self);

  self->header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_visible (self->header, FALSE);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  self->search = gtk_search_entry_new ();
  gtk_widget_set_margin_start (self->search, 12);
  gtk_widget_set_margin_end (self->search, 12);
  gtk_widget_set_margin_top (self->search, 12);
  gtk_widget_set_margin_bottom (self->search, 6);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_widget_set_parent (self->search, GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);

  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->empty_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_start (self->empty_label, 18);
  gtk_widget_set_margin_end (self->empty_label, 18);
  gtk_widget_set_valign (self->empty_label, GTK_ALIGN_CENTER);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), self->empty_label, "empty");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (toolbar, "toolbar");
  self->add_button = takt_editor_icon_button_new ("list-add-symbolic", "");
  self->remove_button = takt_editor_icon_button_new ("list-remove-symbolic", "");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), self->add_button);
  gtk_box_append (GTK_BOX (toolbar), self->remove_button);
  gtk_widget_set_parent (gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), GTK_WIDGET (self));
  gtk_widget_set_parent (toolbar, GTK_WIDGET (self));

  self->can_remove = TRUE;
  update_state (self);
}

static void
set_button_label (GtkWidget  *button,
                  const char *label)
{
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

GtkWidget *
takt_editor_list_new (const char *search_placeholder,
                      const char *add_label,
                      const char *remove_label,
                      const char *empty_title)
{
  TaktEditorList *self = g_object_new (TAKT_TYPE_EDITOR_LIST, NULL);

  g_object_set (self->search, "placeholder-text", search_placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search_placeholder,
                                  -1);
  set_button_label (self->add_button, add_label);
  set_button_label (self->remove_button, remove_label);
  self->empty_title = g_strdup (empty_title);
  update_state (self);

  return GTK_WIDGET (self);
}

static TaktEditorItem *
selected_item (TaktEditorList *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

void
takt_editor_list_set_entries (TaktEditorList            *self,
                              const TaktEditorListEntry *entries,
                              guint                      n_entries)
{
  guint n_items;

  g_return_if_fail (TAKT_IS_EDITOR_LIST (self));
  g_return_if_fail (entries != NULL || n_entries == 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (n_items == n_entries)
    {
      TaktEditorItem *selected = selected_item (self);
      g_autofree char *selected_id = g_strdup (selected != NULL ? selected->id : NULL);
      gboolean changed = FALSE;

      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(TaktEditorItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

          changed |= item_update (item, &entries[i], i);
        }
      if (changed && self->search_key != NULL)
        {
          self->programmatic++;
          gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
          self->programmatic--;
        }
      /* The selection moves with the item; its id may have changed. */
      if (g_strcmp0 (selected_id, takt_editor_list_get_selected (self)) != 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  else
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *selected_id = NULL;
      guint selected_position = G_MAXUINT;
      TaktEditorItem *selected = selected_item (self);

      if (selected != NULL)
        {
          selected_id = g_strdup (selected->id);
          selected_position = selected->position;
        }

      for (guint i = 0; i < n_entries; i++)
        {
          TaktEditorItem *item = g_object_new (TAKT_TYPE_EDITOR_ITEM, NULL);

          item_update (item, &entries[i], i);
          g_ptr_array_add (items, item);
        }

      self->programmatic++;
      g_list_store_splice (self->store, 0, n_items, items->pdata, items->len);
      if (selected_id != NULL && !takt_editor_list_select (self, selected_id) && n_entries > 0)
        takt_editor_list_select_position (self, MIN (selected_position, n_entries - 1));
      self->programmatic--;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }

  update_state (self);
}

guint
takt_editor_list_get_n_entries (TaktEditorList *self)
{
  g_return_val_if_fail (TAKT_IS_EDITOR_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

/**
 * takt_editor_list_get_selected:
 *
 * Returns: (nullable): the selected item's id
 */
const char *
takt_editor_list_get_selected (TaktEditorList *self)
{
  TaktEditorItem *item;

  g_return_val_if_fail (TAKT_IS_EDITOR_LIST (self), NULL);

  item = selected_item (self);
  return item != NULL ? item->id : NULL;
}

guint
takt_editor_list_get_selected_position (TaktEditorList *self)
{
  TaktEditorItem *item;

  g_return_val_if_fail (TAKT_IS_EDITOR_LIST (self), G_MAXUINT);

  item = selected_item (self);
  return item != NULL ? item->position : G_MAXUINT;
}

/* The position in the filtered list of the item at @position of the whole
 * list; clears the search when the search hides it. */
static guint
shown_position (TaktEditorList *self,
                guint           position)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TaktEditorItem) item = g_list_model_get_item (model, i);

          if (item->position == position)
            return i;
        }
      if (self->search_key == NULL)
        break;
      gtk_editable_set_text (GTK_EDITABLE (self->search), "");
      search_changed_cb (self);
      n = g_list_model_get_n_items (model);
    }

  return GTK_INVALID_LIST_POSITION;
}

gboolean
takt_editor_list_select (TaktEditorList *self,
                         const char     *id)
{
  GListModel *store;
  guint n;

  g_return_val_if_fail (TAKT_IS_EDITOR_LIST (self), FALSE);

  self->programmatic++;
  if (id == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->programmatic--;
      return TRUE;
    }

  store = G_LIST_MODEL (self->store);
  n = g_list_model_get_n_items (store);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TaktEditorItem) item = g_list_model_get_item (store, i);

      if (g_strcmp0 (item->id, id) == 0)
        {
          guint shown = shown_position (self, i);

          gtk_single_selection_set_selected (self->selection, shown);
          if (shown != GTK_INVALID_LIST_POSITION)
            gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", shown);
          self->programmatic--;
          return TRUE;
        }
    }

  self->programmatic--;
  return FALSE;
}

void
takt_editor_list_select_position (TaktEditorList *self,
                                  guint           position)
{
  guint n, shown;

  g_return_if_fail (TAKT_IS_EDITOR_LIST (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  if (n == 0)
    return;

  self->programmatic++;
  shown = shown_position (self, MIN (position, n - 1));
  gtk_single_selection_set_selected (self->selection, shown);
  self->programmatic--;
}

void
takt_editor_list_set_can_remove (TaktEditorList *self,
                                 gboolean        can_remove)
{
  g_return_if_fail (TAKT_IS_EDITOR_LIST (self));

  self->can_remove = can_remove;
  update_state (self);
}

GtkEditable *
takt_editor_list_get_search (TaktEditorList *self)
{
  g_return_val_if_fail (TAKT_IS_EDITOR_LIST (self), NULL);
  return GTK_EDITABLE (self->search);
}

guint
takt_editor_list_get_n_shown (TaktEditorList *self)
{
  g_return_val_if_fail (TAKT_IS_EDITOR_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

void
takt_editor_list_add_header (TaktEditorList *self,
                             GtkWidget      *widget)
{
  g_return_if_fail (TAKT_IS_EDITOR_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->header), widget);
  gtk_widget_set_visible (self->header, TRUE);
}
