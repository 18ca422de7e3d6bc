/* test-campaign-editor.c — the campaign editor: live read-outs as values are
 * typed, the core's problems shown and not applied, one undo step
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-campaign-editor"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "takt-application.h"
#include "takt-campaign-editor.h"
#include "takt-campaigns-page.h"
#include "takt-format.h"
#include "takt-time.h"
#include "test-app-common.h"

/* The sample, planned by the planner's construction only. */
static TaktDocument *
load_sample (void)
{
  TaktDocument *document = test_new_sample_document ();

  takt_document_set_time_limit_ms (document, 0);
  return document;
}

static const TaktCampaign *
find_campaign (TaktDocument *document,
               const char   *id)
{
  const TaktPlan *plan = takt_document_get_plan (document);

  for (guint i = 0; i < plan->campaigns->len; i++)
    if (g_str_equal (((TaktCampaign *) g_ptr_array_index (plan->campaigns, i))->id, id))
      return g_ptr_array_index (plan->campaigns, i);
  return NULL;
}

/* Types @text into a field as a person would: the field's text changes,
 * nothing is activated. */
static void
type (TaktCampaignEditor *editor,
      const char         *field,
      const char         *text)
{
  GtkEditable *editable = takt_campaign_editor_get_field (editor, field);

  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
}

static void
assert_money (const char *shown,
              double      amount)
{
  g_autofree char *expected = takt_format_money (amount, "EUR");

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_readouts (void)
{
  g_autoptr(TaktDocument) document = load_sample ();
  TaktCampaignEditor *editor = TAKT_CAMPAIGN_EDITOR (takt_campaign_editor_new (document, "xmas-social"));

  gtk_window_present (GTK_WINDOW (editor));

  /* 2,400 € for 320,000 impressions at 0.6 ‰: 7.50 € per mille, 192
   * units split 35/25/20/20 and rounded per product: 67 + 48 + 38 + 38. */
  assert_money (takt_campaign_editor_get_readout (editor, TAKT_CAMPAIGN_READOUT_COST_PER_MILLE), 7.50);
  g_assert_cmpstr (takt_campaign_editor_get_readout (editor, TAKT_CAMPAIGN_READOUT_EXPECTED_UNITS), ==, "191");
  g_assert_cmpuint (takt_campaign_editor_get_n_products (editor), ==, 4);
  g_assert_cmpstr (takt_campaign_editor_get_product_units (editor, 0), ==, "67 units");
  g_assert_cmpstr (takt_campaign_editor_get_product_units (editor, 2), ==, "38 units");

  /* Typed spend: 3,000 € / 320,000 × 1,000 = 9.375 €. */
  type (editor, "spend", "3000");
  assert_money (takt_campaign_editor_get_readout (editor, TAKT_CAMPAIGN_READOUT_COST_PER_MILLE), 9.375);
  /* Typed impressions, one digit at a time as a person types. */
  type (editor, "impressions", "4");
  type (editor, "impressions", "40");
  type (editor, "impressions", "400000");
  assert_money (takt_campaign_editor_get_readout (editor, TAKT_CAMPAIGN_READOUT_COST_PER_MILLE), 7.50);
  /* 400 × 0.6 = 240: 84 + 60 + 48 + 48. */
  g_assert_cmpstr (takt_campaign_editor_get_readout (editor, TAKT_CAMPAIGN_READOUT_EXPECTED_UNITS), ==, "240");
  g_assert_cmpstr (takt_campaign_editor_get_product_units (editor, 0), ==, "84 units");
  type (editor, "conversion", "1.25");
  g_assert_cmpstr (takt_campaign_editor_get_readout (editor, TAKT_CAMPAIGN_READOUT_EXPECTED_UNITS), ==, "500");
  /* 500 units for 3,000 €. */
  g_assert_cmpstr (takt_campaign_editor_get_readout (editor, TAKT_CAMPAIGN_READOUT_UNITS_PER_CURRENCY), ==, "0.167");

  /* No impressions: no cost per mille. */
  type (editor, "impressions", "0");
  g_assert_cmpstr (takt_campaign_editor_get_readout (editor, TAKT_CAMPAIGN_READOUT_COST_PER_MILLE), ==, "—");
  g_assert_cmpstr (takt_campaign_editor_get_readout (editor, TAKT_CAMPAIGN_READOUT_EXPECTED_UNITS), ==, "0");

  /* Nothing reached the document. */
  g_assert_false (takt_document_get_can_undo (document));
  g_assert_cmpfloat (find_campaign (document, "xmas-social")->spend, ==, 2400);

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_problems (void)
{
  g_autoptr(TaktDocument) document = load_sample ();
  TaktCampaignEditor *editor = TAKT_CAMPAIGN_EDITOR (takt_campaign_editor_new (document, "advent-mail"));
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  const TaktCampaign *campaign = find_campaign (document, "advent-mail");
  gint64 start = campaign->start;

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_null (takt_campaign_editor_dup_problems (editor));

  /* The last day before the first: the core's words, beside the dates. */
  takt_campaign_editor_set_dates (editor, start, start - 2 * TAKT_DAY_S);
  problems = takt_campaign_editor_dup_problems (editor);
  g_assert_nonnull (problems);
  g_assert_nonnull (strstr (problems, "Last day: must not be before start (2026-12-03)"));
  g_assert_false (takt_campaign_editor_apply (editor, &error));
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (takt_document_get_can_undo (document));
  g_clear_pointer (&problems, g_free);

  /* No product at all. */
  takt_campaign_editor_set_dates (editor, start, start + 4 * TAKT_DAY_S);
  while (takt_campaign_editor_get_n_products (editor) > 0)
    takt_campaign_editor_remove_product (editor, 0);
  problems = takt_campaign_editor_dup_problems (editor);
  g_assert_nonnull (strstr (problems, "Products: must list at least one product"));
  g_assert_null (strstr (problems, "Last day"));
  g_clear_pointer (&problems, g_free);
  takt_campaign_editor_add_product (editor);
  g_assert_null (takt_campaign_editor_dup_problems (editor));

  /* Text that is not a number, and an id another campaign has. */
  type (editor, "spend", "lots");
  problems = takt_campaign_editor_dup_problems (editor);
  g_assert_nonnull (strstr (problems, "Spend: “lots” is not a number"));
  g_clear_pointer (&problems, g_free);
  type (editor, "spend", "250");
  type (editor, "id", "fair");
  problems = takt_campaign_editor_dup_problems (editor);
  g_assert_nonnull (strstr (problems, "fair"));
  g_clear_pointer (&problems, g_free);
  type (editor, "id", "advent-mail");
  g_assert_null (takt_campaign_editor_dup_problems (editor));

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_apply_and_undo (void)
{
  g_autoptr(TaktDocument) document = load_sample ();
  g_autoptr(GBytes) before = takt_document_serialize (document);
  g_autoptr(GBytes) after_undo = NULL;
  g_autoptr(GError) error = NULL;
  TaktCampaignEditor *editor = TAKT_CAMPAIGN_EDITOR (takt_campaign_editor_new (document, "desk-search"));
  const TaktCampaign *campaign;
  gint64 start = find_campaign (document, "desk-search")->start;

  gtk_window_present (GTK_WINDOW (editor));
  type (editor, "name", "Desk refresh, search and display");
  type (editor, "spend", "750");
  type (editor, "impressions", "200000");
  type (editor, "conversion", "0.9");
  type (editor, "lag-days", "3");
  takt_campaign_editor_set_dates (editor, start + TAKT_DAY_S, start + 10 * TAKT_DAY_S);
  takt_campaign_editor_add_product (editor);

  g_assert_true (takt_campaign_editor_apply (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Edit Campaign");

  campaign = find_campaign (document, "desk-search");
  g_assert_nonnull (campaign);
  g_assert_cmpstr (campaign->name, ==, "Desk refresh, search and display");
  g_assert_cmpfloat (campaign->spend, ==, 750);
  g_assert_cmpint (campaign->impressions, ==, 200000);
  g_assert_cmpfloat (campaign->conversion_per_mille, ==, 0.9);
  g_assert_cmpint (campaign->lag_days, ==, 3);
  g_assert_cmpint (campaign->start, ==, start + TAKT_DAY_S);
  g_assert_cmpint (campaign->end, ==, start + 10 * TAKT_DAY_S);
  g_assert_cmpuint (campaign->products->len, ==, 4);
  /* The product added is one the campaign did not list (the first: vase). */
  g_assert_cmpstr (((TaktCampaignProduct *) g_ptr_array_index (campaign->products, 3))->product, ==, "vase");

  /* All of it is one step. */
  g_assert_true (takt_document_undo (document));
  g_assert_false (takt_document_get_can_undo (document));
  after_undo = takt_document_serialize (document);
  g_assert_true (g_bytes_equal (before, after_undo));

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The page's "add" makes a campaign that passes every rule, as one step,
 * and opens its editor. */
static void
test_add_from_page (void)
{
  g_autoptr(TaktDocument) document = load_sample ();
  TaktCampaignsPage *page = TAKT_CAMPAIGNS_PAGE (takt_campaigns_page_new ());
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *editor;
  const TaktPlan *plan;

  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, GTK_WIDGET (page));
  takt_page_set_document (TAKT_PAGE (page), document);
  gtk_window_present (window);
  test_spin (100);

  editor = takt_campaigns_page_add_campaign (page);
  g_assert_true (TAKT_IS_CAMPAIGN_EDITOR (editor));
  plan = takt_document_get_plan (document);
  g_assert_cmpuint (plan->campaigns->len, ==, 5);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Add Campaign");
  g_assert_cmpstr (takt_campaign_editor_get_campaign_id (TAKT_CAMPAIGN_EDITOR (editor)), ==,
                   ((TaktCampaign *) g_ptr_array_index (plan->campaigns, 4))->id);
  g_assert_cmpint (takt_campaign_calendar_view_get_selected (takt_campaigns_page_get_calendar (page)), ==, 4);
  g_assert_null (takt_campaign_editor_dup_problems (TAKT_CAMPAIGN_EDITOR (editor)));

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (window);
  test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  test_init_gui (&argc, &argv);

  g_test_add_func ("/campaign-editor/readouts", test_readouts);
  g_test_add_func ("/campaign-editor/problems", test_problems);
  g_test_add_func ("/campaign-editor/apply-and-undo", test_apply_and_undo);
  g_test_add_func ("/campaign-editor/add-from-page", test_add_from_page);

  return g_test_run ();
}
