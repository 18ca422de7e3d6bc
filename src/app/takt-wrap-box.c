/* takt-wrap-box.c — a row of widgets that wraps onto more lines when narrow
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-wrap-box"

#include "config.h"

#include "takt-wrap-box.h"

struct _TaktWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
  int       line_spacing;
  guint     n_lines;
};

G_DEFINE_FINAL_TYPE (TaktWrapBox, takt_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_LINE_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A child as placed in a line. */
typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
  int        min_height;
  gboolean   expand;
  guint      line;
} Item;

/* Breaks the visible children into lines of at most @width (-1: one line),
 * each child at its natural width where that fits (a child wider than
 * @width alone on a line, at least at its minimum width).  Fills @items (by
 * child order) and returns the number of lines. */
static guint
break_lines (TaktWrapBox *self,
             int          width,
             GArray      *items)
{
  int x = 0;
  guint line = 0;
  gboolean line_empty = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0, 0, FALSE, 0 };
      int min_w, nat_w, nat_h;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      item.width = width >= 0 ? MAX (min_w, MIN (nat_w, width)) : nat_w;
      item.expand = gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      if (!line_empty && width >= 0 && x + self->spacing + item.width > width)
        {
          /* A child that expands (a label that ellipsizes) takes the rest
           * of the line when its minimum fits there. */
          if (item.expand && x + self->spacing + min_w <= width)
            item.width = width - x - self->spacing;
          else
            {
              line++;
              x = 0;
              line_empty = TRUE;
            }
        }
      x += (line_empty ? 0 : self->spacing) + item.width;
      line_empty = FALSE;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, item.width, &item.min_height, &nat_h, NULL, NULL);
      item.height = nat_h;
      item.line = line;
      g_array_append_val (items, item);
    }
  return items->len > 0 ? line + 1 : 0;
}

/* The height of the lines of @items: the sum of each line's tallest child
 * (@minimum: at their minimum heights) and the spacing between lines. */
static int
lines_height (TaktWrapBox *self,
              GArray      *items,
              guint        n_lines,
              gboolean     minimum)
{
  int height = 0;

  for (guint line = 0; line < n_lines; line++)
    {
      int tallest = 0;

      for (guint i = 0; i < items->len; i++)
        {
          const Item *item = &g_array_index (items, Item, i);

          if (item->line == line)
            tallest = MAX (tallest, minimum ? item->min_height : item->height);
        }
      height += tallest;
    }
  if (n_lines > 1)
    height += (int) (n_lines - 1) * self->line_spacing;
  return height;
}

static GtkSizeRequestMode
takt_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
takt_wrap_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  TaktWrapBox *self = TAKT_WRAP_BOX (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the widest child; as wide as all of them in a row. */
      guint n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min_w, nat_w;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
          *minimum = MAX (*minimum, min_w);
          *natural += nat_w + (n > 0 ? self->spacing : 0);
          n++;
        }
    }
  else
    {
      g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
      guint n_lines;

      if (for_size >= 0)
        {
          n_lines = break_lines (self, for_size, items);
          *minimum = lines_height (self, items, n_lines, TRUE);
          *natural = lines_height (self, items, n_lines, FALSE);
        }
      else
        {
          int min_w, nat_w;

          /* Unknown width: the tallest it gets (at its minimum width) and
           * the height of one line. */
          takt_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
          n_lines = break_lines (self, min_w, items);
          *minimum = lines_height (self, items, n_lines, TRUE);
          g_array_set_size (items, 0);
          n_lines = break_lines (self, -1, items);
          *natural = MAX (*minimum, lines_height (self, items, n_lines, FALSE));
        }
    }
}

static void
takt_wrap_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  TaktWrapBox *self = TAKT_WRAP_BOX (widget);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n_lines = break_lines (self, width, items);
  gboolean tight = lines_height (self, items, n_lines, FALSE) > height;
  guint first = 0;
  int y = 0;

  self->n_lines = n_lines;
  for (guint line = 0; line < n_lines; line++)
    {
      guint end = first, n_expand = 0;
      int used = 0, tallest = 0, extra, x = 0;

      while (end < items->len && g_array_index (items, Item, end).line == line)
        {
          const Item *item = &g_array_index (items, Item, end);

          used += item->width + (end > first ? self->spacing : 0);
          tallest = MAX (tallest, tight ? item->min_height : item->height);
          n_expand += item->expand ? 1 : 0;
          end++;
        }

      /* The free width of the line goes to its expanding children. */
      extra = MAX (width - used, 0);
      for (guint i = first; i < end; i++)
        {
          Item *item = &g_array_index (items, Item, i);
          int w = item->width;
          GtkAllocation allocation;

          if (item->expand && n_expand > 0)
            {
              int share = extra / (int) n_expand;

              w += share;
              extra -= share;
              n_expand--;
            }
          allocation.x = rtl ? width - x - w : x;
          allocation.y = y;
          allocation.width = w;
          allocation.height = tallest;
          gtk_widget_size_allocate (item->widget, &allocation, -1);
          x += w + self->spacing;
        }
      y += tallest + self->line_spacing;
      first = end;
    }
}

static void
takt_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (takt_wrap_box_parent_class)->dispose (object);
}

static void
takt_wrap_box_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TaktWrapBox *self = TAKT_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_LINE_SPACING:
      g_value_set_int (value, self->line_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_wrap_box_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TaktWrapBox *self = TAKT_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      takt_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    case PROP_LINE_SPACING:
      takt_wrap_box_set_line_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_wrap_box_class_init (TaktWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = takt_wrap_box_dispose;
  object_class->get_property = takt_wrap_box_get_property;
  object_class->set_property = takt_wrap_box_set_property;
  widget_class->get_request_mode = takt_wrap_box_get_request_mode;
  widget_class->measure = takt_wrap_box_measure;
  widget_class->size_allocate = takt_wrap_box_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LINE_SPACING] =
    g_param_spec_int ("line-spacing", NULL, NULL, 0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
takt_wrap_box_init (TaktWrapBox *self)
{
}

GtkWidget *
takt_wrap_box_new (void)
{
  return g_object_new (TAKT_TYPE_WRAP_BOX, NULL);
}

void
takt_wrap_box_append (TaktWrapBox *self,
                      GtkWidget   *child)
{
  g_return_if_fail (TAKT_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
takt_wrap_box_set_spacing (TaktWrapBox *self,
                           int          spacing)
{
  g_return_if_fail (TAKT_IS_WRAP_BOX (self));

  spacing = MAX (spacing, 0);
  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
takt_wrap_box_get_spacing (TaktWrapBox *self)
{
  g_return_val_if_fail (TAKT_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

void
takt_wrap_box_set_line_spacing (TaktWrapBox *self,
                                int          spacing)
{
  g_return_if_fail (TAKT_IS_WRAP_BOX (self));

  spacing = MAX (spacing, 0);
  if (self->line_spacing == spacing)
    return;
  self->line_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_SPACING]);
}

int
takt_wrap_box_get_line_spacing (TaktWrapBox *self)
{
  g_return_val_if_fail (TAKT_IS_WRAP_BOX (self), 0);

  return self->line_spacing;
}

guint
takt_wrap_box_get_n_lines (TaktWrapBox *self)
{
  g_return_val_if_fail (TAKT_IS_WRAP_BOX (self), 0);

  return self->n_lines;
}
