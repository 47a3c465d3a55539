#include <criterion/criterion.h>
#include <eventline/eventline.h>

TestSuite (core);

Test (core, day_roundtrip_and_format)
{
  EvlDay d = evl_day_from_ymd (2023, 9, 13);
  cr_assert_neq (d, 0);
  char buf[11];
  cr_assert_str_eq (evl_day_format (d, buf), "2023-09-13");
  cr_assert_eq (evl_day_parse ("2023-09-13"), d);
  cr_assert_eq (evl_day_parse ("2023-02-30"), 0);
  cr_assert_eq (evl_day_parse ("13 Sept"), 0);
  cr_assert_eq (evl_day_parse ("2023-09-13T10:00"), d);
}

Test (core, document_rejects_invalid_utf8)
{
  GError *error = NULL;
  EvlDocument *doc = evl_document_new ("x", "ab\xff", 3, &error);
  cr_assert_null (doc);
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_ENCODING));
  g_error_free (error);
}

Test (core, stronger_dct_source_wins)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("x", "text", -1, NULL);
  cr_assert (evl_document_set_dct (doc, "2023-09-14", EVL_DCT_METADATA));
  cr_assert_not (evl_document_set_dct (doc, "2024-07-23", EVL_DCT_GUESSED));
  cr_assert_str_eq (evl_document_get_dct (doc), "2023-09-14");
  cr_assert_eq (evl_document_get_dct_source (doc), EVL_DCT_METADATA);
}

Test (core, intern_shares_storage)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("x", "Putin met Kim", -1, NULL);
  const char *a = evl_document_intern (doc, "Putin", -1);
  const char *b = evl_document_intern (doc, "Putin met", 5);
  cr_assert_eq (a, b);
  EvlSpan s = { 10, 13 };
  cr_assert_str_eq (evl_document_span_text (doc, s), "Kim");
}

Test (core, rel_inverse_pairs)
{
  cr_assert_eq (evl_rel_inverse (EVL_REL_BEFORE), EVL_REL_AFTER);
  cr_assert_eq (evl_rel_inverse (EVL_REL_INCLUDES), EVL_REL_IS_INCLUDED);
  cr_assert_eq (evl_rel_inverse (EVL_REL_SIMULTANEOUS), EVL_REL_SIMULTANEOUS);
}

Test (core, context_loads_lexicons)
{
  GError *error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  const EvlLexicon *abbr = evl_context_get_lexicon (ctx, "en/abbreviations");
  cr_assert_not_null (abbr);
  cr_assert_not_null (evl_lexicon_lookup (abbr, "U.S.", -1));
  cr_assert_not_null (evl_lexicon_lookup (abbr, "Gen.", 4));
  cr_assert_null (evl_lexicon_lookup (abbr, "summit.", -1));
}

/* Bulk appenders add after what is there, in order, and return the
 * index of the first record; an empty batch adds nothing. */
Test (core, bulk_add_tokens_and_sentences)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("x", "Putin met Kim.", -1, NULL);
  EvlToken one = { { 0, 5 }, 0, EVL_TOKEN_WORD | EVL_TOKEN_CAP | EVL_TOKEN_SENT_START };
  cr_assert_eq (evl_document_add_token (doc, &one), 0);
  EvlToken rest[3] = {
    { { 6, 9 }, 0, EVL_TOKEN_WORD },
    { { 10, 13 }, 0, EVL_TOKEN_WORD | EVL_TOKEN_CAP },
    { { 13, 14 }, 0, EVL_TOKEN_PUNCT },
  };
  cr_assert_eq (evl_document_add_tokens (doc, rest, 3), 1);
  cr_assert_eq (evl_document_add_tokens (doc, rest, 0), 4);
  guint n;
  const EvlToken *t = evl_document_get_tokens (doc, &n);
  cr_assert_eq (n, 4);
  cr_assert_eq (t[0].span.end, 5);
  cr_assert_eq (t[2].span.start, 10);
  cr_assert_eq (t[3].flags, EVL_TOKEN_PUNCT);
  EvlSentence s[2] = { { { 0, 9 }, 0, 2, 0, FALSE, FALSE }, { { 10, 14 }, 2, 2, 0, FALSE, FALSE } };
  cr_assert_eq (evl_document_add_sentences (doc, s, 2), 0);
  cr_assert_eq (evl_document_add_sentences (doc, NULL, 0), 2);
  const EvlSentence *got = evl_document_get_sentences (doc, &n);
  cr_assert_eq (n, 2);
  cr_assert_eq (got[1].first_token, 2);
  cr_assert_eq (evl_document_token_at (doc, 11), 2);
}
