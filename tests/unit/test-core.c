#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "evl-private.h"

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

/* The arithmetic agrees with GDate on every day it counts (the two
 * were one implementation before). */
Test (core, day_arithmetic_matches_gdate)
{
  for (EvlDay j = 1; j <= 3652059; j += 7)   /* 0001-01-01 .. 9999-12-31 */
    {
      GDate g;
      g_date_clear (&g, 1);
      g_date_set_julian (&g, j);
      int y, m, d;
      evl_day_to_ymd (j, &y, &m, &d);
      cr_assert (y == (int) g_date_get_year (&g) && m == (int) g_date_get_month (&g) && d == (int) g_date_get_day (&g),
                 "day %u", j);
      cr_assert_eq (evl_day_from_ymd (y, m, d), j);
      char buf[11], want[11];
      g_snprintf (want, sizeof want, "%04d-%02d-%02d", y, m, d);
      cr_assert_str_eq (evl_day_format (j, buf), want);
    }
  cr_assert_eq (evl_day_from_ymd (2024, 2, 29), evl_day_from_ymd (2024, 3, 1) - 1);
  cr_assert_eq (evl_day_from_ymd (2023, 2, 29), 0);
  cr_assert_eq (evl_day_from_ymd (1900, 2, 29), 0);
  cr_assert_neq (evl_day_from_ymd (2000, 2, 29), 0);
  cr_assert_eq (evl_day_from_ymd (0, 1, 1), 0);
  cr_assert_eq (evl_day_from_ymd (10000, 1, 1), 0);
  cr_assert_eq (evl_day_from_ymd (2023, 13, 1), 0);
  cr_assert_eq (evl_day_from_ymd (2023, 1, 0), 0);
  cr_assert_eq (evl_day_from_ymd (9999, 12, 31), 3652059);
  int y = -1, m = -1, d = -1;
  evl_day_to_ymd (0, &y, &m, &d);
  cr_assert (y == 0 && m == 0 && d == 0);
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

/* Documents accept exactly what g_utf8_validate_len() accepts (ASCII is
 * checked eight bytes a step): ASCII runs across word boundaries, NUL,
 * overlong forms, surrogates, code points past U+10FFFF, truncated and
 * stray continuation bytes, noncharacters; the error names the offset. */
typedef struct {
  char bytes[32];
  int len;
} Utf8Case;

ParameterizedTestParameters (core, document_utf8_matches_glib)
{
  static Utf8Case cases[] = {
    { "plain ascii text, 27 bytes.", 27 },
    { "abcdefgh\xc3\xa9", 10 },
    { "abcdefg\xc3\xa9h", 10 },
    { "abcdefgh\x00ijk", 12 },
    { "abc\x00", 4 },
    { "abcdefghij\xc0\xaf", 12 },
    { "\xe0\x80\xaf", 3 },
    { "\xed\xa0\x80 surrogate", 13 },
    { "\xf4\x90\x80\x80", 4 },
    { "\xf0\x9f\x98\x80 emoji", 10 },
    { "curly \xe2\x80\x9cquote\xe2\x80\x9d", 18 },
    { "cut \xe2\x80", 6 },
    { "stray \x80 byte", 12 },
    { "\xef\xbf\xbe nonchar", 11 },
    { "\xef\xb7\x90 nonchar", 11 },
    { "\xf5\x80\x80\x80", 4 },
    { "nbsp\xc2\xa0here", 10 },
    { "", 0 },
  };
  return cr_make_param_array (Utf8Case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (Utf8Case *c, core, document_utf8_matches_glib)
{
  const char *bad = NULL;
  gboolean glib_ok = g_utf8_validate_len (c->bytes, (gsize) c->len, &bad);
  GError *error = NULL;
  EvlDocument *doc = evl_document_new ("x", c->bytes, c->len, &error);
  cr_assert_eq (doc != NULL, glib_ok, "case of %d bytes", c->len);
  if (doc)
    {
      gsize n;
      const char *text = evl_document_get_text (doc, &n);
      cr_assert_eq (n, (gsize) c->len);
      cr_assert (memcmp (text, c->bytes, n) == 0 && text[n] == '\0');
      evl_document_unref (doc);
    }
  else
    {
      g_autofree char *want = g_strdup_printf ("invalid UTF-8 at byte %d", (int) (bad - c->bytes));
      cr_assert_str_eq (error->message, want);
      g_error_free (error);
    }
}

/* The interned cluster appender keeps the alias pointers it is given (the
 * document's own strings) and copies the array, as the general one does. */
Test (core, add_entity_cluster_interned_matches_general)
{
  EvlDocument *doc = evl_document_new ("x", "Kim met Putin. Kim left.", -1, NULL);
  const char *kim = evl_document_span_text (doc, (EvlSpan) { 0, 3 });
  const char *putin = evl_document_span_text (doc, (EvlSpan) { 8, 13 });
  const char *aliases[] = { kim, putin, NULL };
  EvlEntityCluster c = { 0 };
  c.name = kim;
  c.key = evl_document_intern (doc, "kim", -1);
  c.type = EVL_ENTITY_PERSON;
  c.aliases = aliases;
  c.n_mentions = 2;
  cr_assert_eq (evl_document_add_entity_cluster (doc, &c), 0u);
  cr_assert_eq (evl_document_add_entity_cluster_interned (doc, &c), 1u);
  aliases[0] = "changed";
  guint n = 0;
  const EvlEntityCluster *cls = evl_document_get_entity_clusters (doc, &n);
  cr_assert_eq (n, 2u);
  for (guint i = 0; i < n; i++)
    {
      cr_assert (cls[i].aliases != aliases);
      cr_assert_eq (cls[i].aliases[0], kim);
      cr_assert_eq (cls[i].aliases[1], putin);
      cr_assert_null (cls[i].aliases[2]);
      cr_assert_eq (cls[i].n_mentions, 2u);
    }
  c.aliases = NULL;
  cr_assert_eq (evl_document_add_entity_cluster_interned (doc, &c), 2u);
  cr_assert_null (evl_document_get_entity_clusters (doc, NULL)[2].aliases);
  evl_document_unref (doc);
}

Test (core, bulk_add_entity_mentions)
{
  EvlDocument *doc = evl_document_new ("x", "Kim met Putin.", -1, NULL);
  EvlEntityMention one = { .span = { 0, 3 }, .cluster = 0 };
  cr_assert_eq (evl_document_add_entity_mention (doc, &one), 0u);
  EvlEntityMention ms[2] = { { .span = { 8, 13 }, .cluster = 1 },
                             { .span = { 0, 3 }, .cluster = 0, .is_pronoun = 1 } };
  cr_assert_eq (evl_document_add_entity_mentions (doc, ms, 2), 1u);
  cr_assert_eq (evl_document_add_entity_mentions (doc, ms, 0), 3u);
  guint n = 0;
  const EvlEntityMention *got = evl_document_get_entity_mentions (doc, &n);
  cr_assert_eq (n, 3u);
  cr_assert_eq (got[1].span.start, 8u);
  cr_assert_eq (got[1].cluster, 1);
  cr_assert_eq (got[2].is_pronoun, 1);
  evl_document_unref (doc);
}

/* Every kind of record past its first capacity (estimated from the
 * text's length, here a few records): appended in order, readable and
 * writable through peek, and cleared kinds filled again. */
Test (core, records_grow_past_first_capacity)
{
  EvlDocument *doc = evl_document_new ("x", "Kim met Putin.", -1, NULL);
  const char *kim = evl_document_intern (doc, "Kim", -1);
  enum { N = 1000 };
  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < N; i++)
        {
          EvlTimex t = { .span = { i, i + 1 }, .anchor = (gint32) i };
          cr_assert_eq (evl_document_add_timex (doc, &t), i);
          gint32 parts[2] = { (gint32) i, -(gint32) i };
          EvlEventMention e = { .span = { i, i + 2 }, .participants = parts, .n_participants = 2 };
          cr_assert_eq (evl_document_add_event_mention (doc, &e), i);
          EvlEntityMention m = { .span = { i, i + 3 }, .cluster = (gint32) i };
          cr_assert_eq (evl_document_add_entity_mention (doc, &m), i);
          const char *aliases[] = { kim, NULL };
          EvlEntityCluster c = { .name = kim, .aliases = aliases, .n_mentions = i };
          cr_assert_eq (i % 2 ? evl_document_add_entity_cluster (doc, &c)
                              : evl_document_add_entity_cluster_interned (doc, &c), i);
          EvlGoldTag g = { .span = { i, i + 4 }, .tag = "EVENT" };
          cr_assert_eq (evl_document_add_gold (doc, &g), round * N + i);
        }
      guint n_t, n_e, n_m, n_c, n_g;
      const EvlTimex *t = evl_document_get_timexes (doc, &n_t);
      const EvlEventMention *e = evl_document_get_event_mentions (doc, &n_e);
      const EvlEntityMention *m = evl_document_get_entity_mentions (doc, &n_m);
      const EvlEntityCluster *c = evl_document_get_entity_clusters (doc, &n_c);
      const EvlGoldTag *g = evl_document_get_gold (doc, &n_g);
      cr_assert_eq (n_t, N);
      cr_assert_eq (n_e, N);
      cr_assert_eq (n_m, N);
      cr_assert_eq (n_c, N);
      cr_assert_eq (n_g, (round + 1) * N);
      for (guint i = 0; i < N; i++)
        {
          cr_assert_eq (t[i].anchor, (gint32) i);
          cr_assert_eq (e[i].span.end, i + 2);
          cr_assert_eq (e[i].n_participants, 2u);
          cr_assert_eq (e[i].participants[1], -(gint32) i);
          cr_assert_eq (m[i].cluster, (gint32) i);
          cr_assert_eq (c[i].n_mentions, i);
          cr_assert_eq (c[i].aliases[0], kim);
          cr_assert_null (c[i].aliases[1]);
          cr_assert_eq (g[round * N + i].span.end, i + 4);
        }
      evl_document_peek_timex (doc, N - 1)->anchor = -1;
      cr_assert_eq (evl_document_get_timexes (doc, NULL)[N - 1].anchor, -1);
      evl_document_clear_timexes (doc);
      evl_document_clear_events (doc);
      evl_document_clear_entities (doc);
      evl_document_get_timexes (doc, &n_t);
      evl_document_get_entity_clusters (doc, &n_c);
      cr_assert_eq (n_t, 0u);
      cr_assert_eq (n_c, 0u);
    }
  evl_document_unref (doc);
}

/* The segmenter hands its token array over: the document keeps that very
 * array (no copy) when it has no tokens yet, and appends a copy after
 * the ones it has otherwise. */
Test (core, take_tokens_keeps_the_array)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("x", "Putin met Kim.", -1, NULL);
  EvlToken *tk = g_new (EvlToken, 8);
  tk[0] = (EvlToken) { { 0, 5 }, 0, EVL_TOKEN_WORD | EVL_TOKEN_CAP };
  tk[1] = (EvlToken) { { 6, 9 }, 0, EVL_TOKEN_WORD };
  evl_document_take_tokens (doc, tk, 2, 8);
  guint n = 0;
  cr_assert_eq (evl_document_get_tokens (doc, &n), tk);
  cr_assert_eq (n, 2u);
  /* Room was left in the array: the next token goes into it. */
  EvlToken kim = { { 10, 13 }, 0, EVL_TOKEN_WORD | EVL_TOKEN_CAP };
  cr_assert_eq (evl_document_add_token (doc, &kim), 2u);
  cr_assert_eq (evl_document_get_tokens (doc, NULL), tk);
  EvlToken *more = g_new (EvlToken, 1);
  more[0] = (EvlToken) { { 13, 14 }, 0, EVL_TOKEN_PUNCT };
  evl_document_take_tokens (doc, more, 1, 1);
  const EvlToken *t = evl_document_get_tokens (doc, &n);
  cr_assert_eq (n, 4u);
  cr_assert_eq (t[1].span.end, 9u);
  cr_assert_eq (t[2].span.start, 10u);
  cr_assert_eq (t[3].flags, EVL_TOKEN_PUNCT);
  cr_assert_eq (evl_document_token_at (doc, 13), 3);
}

/* Interned strings stay valid and shared across many storage blocks,
 * a string larger than a block included, mixed with alias arrays. */
Test (core, intern_across_blocks)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("x", "Kim", -1, NULL);
  enum { N = 3000 };
  const char *got[N];
  char buf[32];
  for (guint i = 0; i < N; i++)
    {
      g_snprintf (buf, sizeof buf, "string number %u", i);
      got[i] = evl_document_intern (doc, buf, -1);
      if (i % 100 == 0)
        {
          const char *aliases[] = { got[i], NULL };
          EvlEntityCluster c = { .name = got[i], .aliases = aliases };
          evl_document_add_entity_cluster_interned (doc, &c);
        }
    }
  g_autofree char *big = g_strnfill (10000, 'k');
  const char *b = evl_document_intern (doc, big, -1);
  cr_assert_str_eq (b, big);
  cr_assert_eq (evl_document_intern (doc, big, 10000), b);
  cr_assert_neq (evl_document_intern (doc, big, 9999), b);
  for (guint i = 0; i < N; i++)
    {
      g_snprintf (buf, sizeof buf, "string number %u", i);
      cr_assert_str_eq (got[i], buf);
      cr_assert_eq (evl_document_intern (doc, buf, -1), got[i]);
    }
  guint n = 0;
  const EvlEntityCluster *c = evl_document_get_entity_clusters (doc, &n);
  cr_assert_eq (n, N / 100);
  for (guint k = 0; k < n; k++)
    {
      cr_assert_eq (c[k].aliases[0], got[k * 100]);
      cr_assert_null (c[k].aliases[1]);
      cr_assert_eq ((guintptr) c[k].aliases % sizeof (gpointer), 0u, "alias arrays are aligned");
    }
}

/* evl_document_intern() takes @len bytes or up to the first NUL,
 * whichever comes first (or the whole NUL-ended string for -1), and
 * returns the one copy of that text. */
typedef struct {
  char bytes[16];       /* may hold a NUL before @len */
  gint len;
  char want[16];
} InternCase;

ParameterizedTestParameters (core, intern_lengths)
{
  static InternCase cases[] = {
    { "abc", -1, "abc" }, { "abc", 3, "abc" }, { "abc", 2, "ab" }, { "abc", 0, "" },
    { "", -1, "" }, { "abc\0def", 7, "abc" }, { "abc\0def", 4, "abc" }, { "abc", 10, "abc" },
    { "\xc3\xa9t\xc3\xa9", -1, "\xc3\xa9t\xc3\xa9" }, { "\xc3\xa9t\xc3\xa9", 2, "\xc3\xa9" },
  };
  return cr_make_param_array (InternCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (InternCase *c, core, intern_lengths)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("x", "Kim", -1, NULL);
  /* Other strings first, so the probe meets occupied slots. */
  for (guint i = 0; i < 200; i++)
    {
      char buf[16];
      g_snprintf (buf, sizeof buf, "w%u", i);
      evl_document_intern (doc, buf, -1);
    }
  const char *got = evl_document_intern (doc, c->bytes, c->len);
  cr_assert_str_eq (got, c->want, "'%s' (%d): '%s'", c->bytes, c->len, got);
  cr_assert_eq (evl_document_intern (doc, c->want, -1), got, "one copy of '%s'", c->want);
  cr_assert_eq (evl_document_intern (doc, c->bytes, c->len), got);
}

/* The record arrays start in one shared block and move out as they
 * grow: records added one by one or in bulk (a first bulk add larger
 * than the first part included), interleaved across arrays, all stay in
 * order with their contents; the id and text stay whole. */
typedef struct {
  guint text_len;       /* bytes of text: sets the first capacities */
  guint n;              /* records of each kind */
  gboolean bulk_first;  /* sentences and mentions first added in bulk */
} GrowCase;

ParameterizedTestParameters (core, arrays_grow_out_of_the_first_block)
{
  static GrowCase cases[] = {
    { 0, 3, FALSE }, { 10, 40, FALSE }, { 10, 40, TRUE }, { 3000, 10, TRUE },
    { 3000, 500, FALSE }, { 3000, 500, TRUE },
    /* A text too long for a first block: arrays of their own. */
    { 20000, 50, FALSE }, { 20000, 2000, TRUE },
  };
  return cr_make_param_array (GrowCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (GrowCase *c, core, arrays_grow_out_of_the_first_block)
{
  g_autofree char *text = g_strnfill (c->text_len, 'k');
  g_autoptr (EvlDocument) doc = evl_document_new ("grow-id", text, -1, NULL);
  if (c->bulk_first)
    {
      g_autofree EvlSentence *s = g_new0 (EvlSentence, c->n);
      g_autofree EvlEntityMention *m = g_new0 (EvlEntityMention, c->n);
      for (guint i = 0; i < c->n; i++)
        {
          s[i].first_token = i;
          m[i].cluster = (gint32) i;
        }
      cr_assert_eq (evl_document_add_sentences (doc, s, c->n), 0u);
      cr_assert_eq (evl_document_add_entity_mentions (doc, m, c->n), 0u);
    }
  for (guint i = 0; i < c->n; i++)
    {
      if (!c->bulk_first)
        {
          EvlSentence s = { .first_token = i };
          EvlEntityMention m = { .cluster = (gint32) i };
          cr_assert_eq (evl_document_add_sentence (doc, &s), i);
          cr_assert_eq (evl_document_add_entity_mention (doc, &m), i);
        }
      EvlEventMention e = { .span = { i, i + 1 }, .timex = (gint32) i };
      EvlTimex t = { .span = { i, i + 2 }, .anchor = (gint32) i };
      EvlEntityCluster cl = { .n_mentions = i };
      cr_assert_eq (evl_document_add_event_mention (doc, &e), i);
      cr_assert_eq (evl_document_add_timex (doc, &t), i);
      cr_assert_eq (evl_document_add_entity_cluster (doc, &cl), i);
    }
  guint ns, nm, ne, nt, nc;
  const EvlSentence *s = evl_document_get_sentences (doc, &ns);
  const EvlEntityMention *m = evl_document_get_entity_mentions (doc, &nm);
  const EvlEventMention *e = evl_document_get_event_mentions (doc, &ne);
  const EvlTimex *t = evl_document_get_timexes (doc, &nt);
  const EvlEntityCluster *cl = evl_document_get_entity_clusters (doc, &nc);
  cr_assert (ns == c->n && nm == c->n && ne == c->n && nt == c->n && nc == c->n);
  for (guint i = 0; i < c->n; i++)
    {
      cr_assert_eq (s[i].first_token, i);
      cr_assert_eq (m[i].cluster, (gint32) i);
      cr_assert_eq (e[i].timex, (gint32) i);
      cr_assert_eq (e[i].span.start, i);
      cr_assert_eq (t[i].anchor, (gint32) i);
      cr_assert_eq (cl[i].n_mentions, i);
    }
  cr_assert_str_eq (evl_document_get_id (doc), "grow-id");
  gsize len;
  cr_assert_str_eq (evl_document_get_text (doc, &len), text);
  cr_assert_eq (len, c->text_len);
}

/* A mention added from the document's own array (a record that growing
 * the array may move) is copied whole, participants included. */
Test (core, event_mention_added_from_its_own_array)
{
  for (guint text_len = 10; text_len <= 20000; text_len *= 40)
    {
      g_autofree char *text = g_strnfill (text_len, 'k');
      g_autoptr (EvlDocument) doc = evl_document_new ("x", text, -1, NULL);
      gint32 parts[] = { 4, 7, 9 };
      EvlEventMention e = { .span = { 1, 5 }, .timex = 3, .agent = 2, .participants = parts,
                            .n_participants = 3 };
      cr_assert_eq (evl_document_add_event_mention (doc, &e), 0u);
      for (guint i = 1; i < 300; i++)
        cr_assert_eq (evl_document_add_event_mention (doc, evl_document_peek_event_mention (doc, i - 1)), i);
      guint n;
      const EvlEventMention *got = evl_document_get_event_mentions (doc, &n);
      cr_assert_eq (n, 300u);
      for (guint i = 0; i < n; i++)
        {
          cr_assert (got[i].span.start == 1 && got[i].span.end == 5 && got[i].timex == 3 && got[i].agent == 2);
          cr_assert_eq (got[i].n_participants, 3u);
          cr_assert (got[i].participants != parts && got[i].participants[0] == 4
                     && got[i].participants[2] == 9, "mention %u (text %u)", i, text_len);
          cr_assert (i == 0 || got[i].participants != got[i - 1].participants);
        }
    }
}

/* ---- evl_pipeline_annotate_stream(): the calling thread annotates too ---- */

typedef struct {
  guint docs;
  guint threads;
  guint window;             /* 0 = the default */
} StreamCase;

ParameterizedTestParameters (core, stream_sinks_in_order_on_the_calling_thread)
{
  static StreamCase cases[] = {
    { 1, 2, 0 }, { 2, 2, 1 }, { 37, 2, 1 }, { 37, 3, 2 }, { 120, 2, 0 }, { 50, 8, 3 },
  };
  return cr_make_param_array (StreamCase, cases, G_N_ELEMENTS (cases));
}

typedef struct {
  GThread *caller;
  guint next;               /* index the sink expects */
  guint *timexes;           /* per document, from a one-thread run */
  guint *events;
  gboolean ok;
} StreamCheck;

static void
stream_check_sink (EvlDocument *doc, guint index, gpointer user_data)
{
  StreamCheck *c = user_data;
  guint nt = 0, ne = 0;
  evl_document_get_timexes (doc, &nt);
  evl_document_get_event_mentions (doc, &ne);
  /* An unannotated document has no timexes; every fixture text has some. */
  if (g_thread_self () != c->caller || index != c->next || nt != c->timexes[index]
      || ne != c->events[index])
    c->ok = FALSE;
  c->next++;
}

static GPtrArray *
stream_docs (guint n)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  for (guint i = 0; i < n; i++)
    {
      /* Lengths differ so that documents finish out of order. */
      g_autoptr (GString) text = g_string_new (NULL);
      for (guint k = 0; k <= (i * 7) % 23; k++)
        g_string_append (text, k % 3 ? "Putin met Kim on Monday. " : "North Korea launched two missiles in May 2023. ");
      g_autofree char *id = g_strdup_printf ("d%u", i);
      EvlDocument *doc = evl_document_new (id, text->str, (gssize) text->len, NULL);
      evl_document_set_dct (doc, "2023-09-14", EVL_DCT_DEFAULT);
      g_ptr_array_add (docs, doc);
    }
  return docs;
}

ParameterizedTest (StreamCase *c, core, stream_sinks_in_order_on_the_calling_thread)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  g_autoptr (GPtrArray) serial = stream_docs (c->docs);
  g_autofree guint *timexes = g_new0 (guint, c->docs);
  g_autofree guint *events = g_new0 (guint, c->docs);
  for (guint i = 0; i < c->docs; i++)
    {
      evl_pipeline_annotate (ctx, serial->pdata[i]);
      evl_document_get_timexes (serial->pdata[i], &timexes[i]);
      evl_document_get_event_mentions (serial->pdata[i], &events[i]);
    }
  for (guint i = 0; i < c->docs; i++)
    cr_assert_gt (timexes[i], 0, "fixture text %u has timexes", i);
  g_autoptr (GPtrArray) docs = stream_docs (c->docs);
  StreamCheck check = { g_thread_self (), 0, timexes, events, TRUE };
  evl_pipeline_annotate_stream (ctx, docs, c->threads, c->window, stream_check_sink, &check);
  cr_expect_eq (check.next, c->docs, "sink saw %u of %u documents", check.next, c->docs);
  cr_expect (check.ok, "%u docs, %u threads, window %u: a document came out of order, "
             "unannotated, off the calling thread or with other annotations",
             c->docs, c->threads, c->window);
}

/* evl_document_to_json() writes its line by hand; it must be exactly what
 * json-glib's generator writes for the same tree (the format `merge` and
 * other JSON readers take) ... and read back to the same line.  The table
 * holds texts whose strings need every kind of escape. */
typedef struct {
  char text[96];
  char title[32];   /* "" for none (null) */
} JsonCase;

ParameterizedTestParameters (core, document_json_is_json_glibs)
{
  static JsonCase cases[] = {
    { "Putin met Kim on Wednesday, 13 September 2023, at Vostochny.", "" },
    { "He said \"we met\" on Monday\\Tuesday.\tTabs,\nnew lines\r\nand \x01\x1f\x7f bytes.",
      "A \"quoted\" \\ title" },
    { "Caf\xc3\xa9 talks \xe2\x80\x94 \xe2\x80\x9cquotes\xe2\x80\x9d \xe2\x80\xa8 line "
      "separator, \xf0\x9f\x9a\x80 launch on 21 November.", "\xc3\xa9t\xc3\xa9" },
    { "", "" },
  };
  return cr_make_param_array (JsonCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (JsonCase *c, core, document_json_is_json_glibs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  g_autoptr (EvlDocument) doc = evl_document_new ("doc\"1", c->text, -1, &error);
  cr_assert_not_null (doc, "%s", error ? error->message : "");
  if (c->title[0])
    evl_document_set_title (doc, c->title);
  evl_document_set_dct (doc, "2023-09-13", EVL_DCT_METADATA);
  evl_pipeline_annotate (ctx, doc);

  g_autofree char *line = evl_document_to_json (doc);
  cr_assert_not_null (line);
  g_autoptr (JsonParser) p = json_parser_new ();
  cr_assert (json_parser_load_from_data (p, line, -1, &error), "%s: %s", error->message, line);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, json_parser_get_root (p));
  g_autofree char *generated = json_generator_to_data (gen, NULL);
  /* ... but for U+001F, which json-glib 1.6 leaves raw and RFC 8259
   * wants escaped. */
  GString *want = g_string_new (generated);
  g_string_replace (want, "\x1f", "\\u001f", 0);
  cr_assert_str_eq (line, want->str);
  g_string_free (want, TRUE);

  g_autoptr (EvlDocument) back = evl_document_new_from_json (line, -1, &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");
  g_autofree char *again = evl_document_to_json (back);
  cr_assert_str_eq (again, line);
}

/* evl_document_new_from_json() reads the line by hand and leaves to
 * json-glib what it is not sure of; on any line, odd or broken, it must
 * give what reading the whole line through json-glib gives: the same
 * document (written back out) or the same error.  @hand says whether the
 * hand reader must take the edited line itself (so that the comparison
 * is of the two readers), must give it up, or either. */
enum { HAND_ANY, HAND_TAKES, HAND_GIVES_UP };

typedef struct {
  char from[40];   /* the text in the extracted line to replace ... */
  char to[96];     /* ... by this, once (from "" = the line as written) */
  int hand;
} LineEdit;

ParameterizedTestParameters (core, document_json_fast_read_is_json_glibs)
{
  static LineEdit edits[] = {
    { "", "", HAND_TAKES },
    { "\"tokens\":[", "\"tokens\" : [ ", HAND_TAKES },          /* spacing */
    { "\"tokens\":[0,", "\"tokens\":[0 ,\n\t", HAND_TAKES },
    { "\"tokens\":[0,", "\"tokens\":[0.0,", HAND_GIVES_UP },   /* not an integer */
    { "\"tokens\":[0,", "\"tokens\":[1e0,", HAND_GIVES_UP },
    { "\"tokens\":[0,", "\"tokens\":[00,", HAND_GIVES_UP },
    { "\"tokens\":[0,", "\"tokens\":[-0,", HAND_TAKES },
    { "\"tokens\":[0,", "\"tokens\":[\"0\",", HAND_GIVES_UP },
    { "\"tokens\":[0,", "\"tokens\":[99999999999999999999,", HAND_GIVES_UP },
    { "\"tokens\":[0,", "\"tokens\":[0,,", HAND_GIVES_UP },    /* broken */
    { "\"tokens\":[0,", "\"tokens\":{0,", HAND_GIVES_UP },
    { "\"sentences\":[", "\"sentences\":[5,", HAND_GIVES_UP },  /* off by one */
    { "\"mentions\":[", "\"tokens\":[],\"mentions\":[", HAND_GIVES_UP },   /* repeated */
    { "\"mentions\":[", "\"x\":{\"tokens\":[1]},\"mentions\":[", HAND_GIVES_UP },
    { "\"text\":\"", "\"text\":\"\\\"tokens\\\":[9], ", HAND_TAKES },
    { "\"text\":\"", "\"text\":\"\\u0001\\b\\f\\r\\t\\n\\\\\\u007f\\u0041", HAND_TAKES },
    { "\"text\":\"", "\"text\":\"\\u0000", HAND_GIVES_UP },
    { "\"text\":\"", "\"text\":\"\\u00e9", HAND_GIVES_UP },
    { "\"text\":\"", "\"text\":\"\\/", HAND_GIVES_UP },
    { "\"text\":\"", "\"text\":\"\xc3", HAND_GIVES_UP },       /* not UTF-8 */
    { "{\"v\":1,", "{\"v\":1,\"mentions\":[0,1],\"mentions\":[],", HAND_GIVES_UP },
    { "{\"v\":1,", "{\"v\":2,", HAND_GIVES_UP },
    { "{\"v\":1,", " \r\n{\"v\":1,", HAND_TAKES },
    { "\"id\":\"d1\"", "\"id\":null", HAND_GIVES_UP },
    { "\"id\":\"d1\"", "\"id\":\"d\\u0031\"", HAND_TAKES },
    { "\"path\":null", "\"path\":\"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x9a\x80\"", HAND_TAKES },
    { "\"path\":null", "\"path\":\"a\tb\"", HAND_GIVES_UP },   /* raw control */
    { "\"path\":null", "\"path\":\"a\x7f\"", HAND_GIVES_UP },
    { "\"path\":null", "\"path\":5", HAND_GIVES_UP },          /* json-glib: no path */
    { "\"path\":null,", "", HAND_GIVES_UP },                     /* missing */
    { "\"path\":null", "\"path\":nul", HAND_GIVES_UP },
    { "\"path\":null", "\"path\":\"x", HAND_GIVES_UP },
    { "\"dct_source\":3", "\"dct_source\":9", HAND_TAKES },
    { "\"gold\":[]}", "\"gold\":[]", HAND_GIVES_UP },           /* cut short */
    { "\"gold\":[]}", "\"gold\":[]}  ", HAND_TAKES },
    { "\"gold\":[]}", "\"gold\":[]}x", HAND_GIVES_UP },
    { "\"gold\":[]", "\"gold\":[{\"s\":0,\"e\":5,\"tag\":\"TIMEX3\",\"id\":\"t1\",\"type\":\"DATE\","
                     "\"value\":null}]", HAND_TAKES },
    { "\"gold\":[]", "\"gold\":[{\"s\":0,\"e\":500,\"tag\":\"T\",\"id\":\"t\",\"type\":\"D\","
                     "\"value\":null}]", HAND_GIVES_UP },       /* outside the text */
    { "\"gold\":[]", "\"gold\":[{\"s\":0,\"e\":5}]", HAND_GIVES_UP },
    /* timexes */
    { "\"timexes\":[{\"s\":", "\"timexes\":[ {\"s\" :", HAND_TAKES },
    { "\"timexes\":[{\"s\":", "\"timexes\":[{\"grain\":0,\"s\":", HAND_GIVES_UP },
    { "\"timexes\":[{\"s\":", "\"timexes\":[{\"x\":0,\"s\":", HAND_GIVES_UP },
    { "\"timexes\":[", "\"timexes\":{", HAND_GIVES_UP },
    { "\"timexes\":[", "\"timexes\":null,\"x\":[", HAND_GIVES_UP },
    { "\"mod\":null", "\"mod\":\"\\u0041\\n\\t\\\\\\\"x\"", HAND_TAKES },
    { "\"mod\":null", "\"mod\":\"\\ud83d\\ude80\"", HAND_GIVES_UP },
    { "\"mod\":null", "\"mod\":\"\\q\"", HAND_GIVES_UP },
    { "\"mod\":null", "\"mod\":\"\\u12\"", HAND_GIVES_UP },
    { "\"mod\":null", "\"mod\":true", HAND_GIVES_UP },
    { "\"freq\":null,", "", HAND_GIVES_UP },
    { "\"anchor\":-1,\"flags\"", "\"anchor\":5,\"flags\"", HAND_GIVES_UP },   /* out of range */
    { "\"anchor\":-1,\"flags\"", "\"anchor\":-2,\"flags\"", HAND_GIVES_UP },
    { "\"anchor\":-1,\"flags\"", "\"anchor\":4294967296,\"flags\"", HAND_TAKES },  /* wraps */
    { "\"anchor\":-1,\"flags\"", "\"flags\"", HAND_GIVES_UP },                /* missing */
    { "\"begin\":", "\"begin\":-99999999999,\"x\":", HAND_GIVES_UP },
    { "\"begin\":", "\"begin\":-9999999999", HAND_TAKES },
    { "\"grain\":", "\"grain\":99", HAND_TAKES },                            /* clamped */
    { "\"grain\":", "\"grain\":0.", HAND_GIVES_UP },
    { "\"grain\":", "\"grain\":0,\"grain\":", HAND_GIVES_UP },
    { "\"type\":", "\"type\":-3", HAND_TAKES },
    /* clusters */
    { "\"aliases\":[", "\"aliases\":[\"P\\u0075tin\",", HAND_TAKES },
    { "\"aliases\":[", "\"aliases\":[null,", HAND_GIVES_UP },
    { "\"aliases\":[", "\"aliases\":[5,", HAND_GIVES_UP },
    { "\"aliases\":[", "\"aliases\":[[],", HAND_GIVES_UP },
    { "\"aliases\":[", "\"aliases\":null,\"x\":[", HAND_GIVES_UP },
    { "\"clusters\":[{\"name\":", "\"clusters\":[{\"name\":null,\"y\":", HAND_GIVES_UP },
    { "\"clusters\":[{\"name\":\"", "\"clusters\":[{\"name\":\"\\n", HAND_TAKES },
    { "\"role\":null", "\"role\":\"leader\"", HAND_TAKES },
    { "\"n\":", "\"n\":1.5,\"x\":", HAND_GIVES_UP },
    /* events */
    { "\"events\":[{\"s\":", "\"events\":[{\"salience\":0.25,\"s\":", HAND_GIVES_UP },
    { "\"lemma\":\"", "\"lemma\":\"\\\"", HAND_TAKES },
    { "\"lemma\":\"", "\"lemma\":null,\"x\":\"", HAND_GIVES_UP },
    { "\"salience\":", "\"salience\":1e-1,\"x\":", HAND_GIVES_UP },
    { "\"salience\":", "\"salience\":-2.5E+2,\"cameo\":\"x\",\"c\":", HAND_GIVES_UP },
    { "\"salience\":", "\"salience\":1,\"x\":", HAND_GIVES_UP },
    { "},{\"s\":", ",\"x\":1},{\"s\":", HAND_GIVES_UP },
    { "\"salience\":0.5", "\"salience\":5e-1", HAND_TAKES },
    { "\"salience\":0.5", "\"salience\":0.500000000000000000000000001", HAND_TAKES },
    { "\"salience\":0.5", "\"salience\":1", HAND_GIVES_UP },   /* json-glib: 1.0 */
    { "\"salience\":0.5", "\"salience\":null", HAND_GIVES_UP },
    { "\"salience\":0.5", "\"salience\":.5", HAND_GIVES_UP },
    { "\"salience\":0.5", "\"salience\":0.5e", HAND_GIVES_UP },
    { "\"salience\":0.5", "\"salience\":-", HAND_GIVES_UP },
    { "\"participants\":[", "\"participants\":[ 1 , ", HAND_TAKES },
    { "\"participants\":[", "\"participants\":[99,", HAND_GIVES_UP },
    { "\"participants\":[", "\"participants\":[\"0\",", HAND_GIVES_UP },
    { "\"participants\":[", "\"participants\":null,\"x\":[", HAND_GIVES_UP },
    { "\"cue_event\":-1", "\"cue_event\":1", HAND_TAKES },
    { "\"cue_event\":-1", "\"cue_event\":9", HAND_GIVES_UP },
    { "\"timex\":-1", "\"timex\":1", HAND_TAKES },
    { "\"timex\":-1", "\"timex\":9", HAND_GIVES_UP },
    { "\"agent\":", "\"agent\":-5,\"x\":", HAND_GIVES_UP },
    { "\"class\":", "\"class\":-7", HAND_TAKES },
    { "\"polarity\":0", "\"polarity\":3", HAND_TAKES },
    { "\"e\":9,\"sent\":0", "\"e\":9,\"sent\":7", HAND_GIVES_UP },   /* sentence out of range */
    { "\"s\":6,\"e\":9", "\"s\":9,\"e\":6", HAND_GIVES_UP },
    { "\"source\":-1,", "", HAND_GIVES_UP },
    { "\"e\":9,", "\"e\":9,\"E\":9,", HAND_GIVES_UP },
  };
  return cr_make_param_array (LineEdit, edits, G_N_ELEMENTS (edits));
}

ParameterizedTest (LineEdit *ed, core, document_json_fast_read_is_json_glibs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  cr_assert_not_null (ctx);
  g_autoptr (EvlDocument) doc = evl_document_new ("d1", "Putin met Kim Jong Un at the Vostochny "
                                                  "Cosmodrome on Wednesday. They talked for hours.",
                                                  -1, &error);
  evl_document_set_dct (doc, "2023-09-13", EVL_DCT_METADATA);
  evl_pipeline_annotate (ctx, doc);
  g_autofree char *line = evl_document_to_json (doc);
  GString *edited = g_string_new (line);
  if (ed->from[0])
    cr_assert_eq (g_string_replace (edited, ed->from, ed->to, 1), 1, "'%s' not in %s", ed->from, line);

  g_autoptr (GError) e1 = NULL, e2 = NULL, e3 = NULL;
  g_autoptr (EvlDocument) fast = evl_document_new_from_json_full (edited->str, (gssize) edited->len,
                                                                  EVL_JSON_READ_FAST, &e1);
  g_autoptr (EvlDocument) slow = evl_document_new_from_json_full (edited->str, (gssize) edited->len,
                                                                  EVL_JSON_READ_GLIB, &e2);
  g_autoptr (EvlDocument) hand = evl_document_new_from_json_full (edited->str, (gssize) edited->len,
                                                                  EVL_JSON_READ_HAND_ONLY, &e3);
  cr_assert_null (e3, "the hand reader gives up without an error");
  if (ed->hand == HAND_TAKES)
    cr_assert_not_null (hand, "the hand reader gave up on %s", edited->str);
  else if (ed->hand == HAND_GIVES_UP)
    cr_assert_null (hand, "the hand reader took %s", edited->str);
  if (slow == NULL)
    {
      cr_assert_null (fast, "json-glib refused (%s), the fast read did not", e2->message);
      cr_assert_null (hand, "json-glib refused (%s), the hand reader did not", e2->message);
      cr_assert_str_eq (e1->message, e2->message);
    }
  else
    {
      cr_assert_not_null (fast, "the fast read refused: %s", e1 ? e1->message : "");
      g_autofree char *a = evl_document_to_json (fast), *b = evl_document_to_json (slow);
      cr_assert_str_eq (a, b);
      if (hand)
        {
          g_autofree char *c = evl_document_to_json (hand);
          cr_assert_str_eq (c, b);
        }
    }
  if (!ed->from[0])
    {
      g_autofree char *again = evl_document_to_json (fast);
      cr_assert_str_eq (again, line);
    }
  g_string_free (edited, TRUE);
}

/* Annotates @doc, writes it out and reads it back both ways: the hand
 * reader must take the line and give the document json-glib gives,
 * which writes out to the same line. */
static void
json_round_trip (EvlContext *ctx, EvlDocument *doc, const char *what)
{
  evl_pipeline_annotate (ctx, doc);
  g_autofree char *line = evl_document_to_json (doc);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlDocument) hand = evl_document_new_from_json_full (line, -1, EVL_JSON_READ_HAND_ONLY,
                                                                  NULL);
  g_autoptr (EvlDocument) slow = evl_document_new_from_json_full (line, -1, EVL_JSON_READ_GLIB, &error);
  cr_assert_not_null (hand, "%s: the hand reader gave up", what);
  cr_assert_not_null (slow, "%s: %s", what, error->message);
  g_autofree char *a = evl_document_to_json (hand), *b = evl_document_to_json (slow);
  cr_assert_str_eq (a, line, "%s", what);
  cr_assert_str_eq (b, line, "%s", what);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The seeds and the first TimeBank documents (gold tags and all), from
 * ../shared when it is there. */
Test (core, document_json_round_trips_seeds_and_timebank, .timeout = 300 * EVL_TIMEOUT_SCALE)
{
  const char *shared = g_getenv ("EVL_SHARED_DIR");
  g_autofree char *root = g_strdup (shared ? shared : "../shared");
  g_autofree char *seeds = g_build_filename (root, "seeds", NULL);
  g_autofree char *timebank = g_build_filename (root, "data", "timeml", "TimeBank", NULL);
  if (!g_file_test (seeds, G_FILE_TEST_IS_DIR) && !g_file_test (timebank, G_FILE_TEST_IS_DIR))
    cr_skip_test ("no seeds or TimeBank under %s", root);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  const char *dirs[] = { seeds, timebank };
  const guint most[] = { G_MAXUINT, 24 };
  guint seen = 0, gold = 0;
  for (guint k = 0; k < G_N_ELEMENTS (dirs); k++)
    {
      g_autoptr (GDir) d = g_dir_open (dirs[k], 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      while (d && (name = g_dir_read_name (d)) != NULL)
        if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".tml"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < MIN (names->len, most[k]); i++)
        {
          g_autofree char *path = g_build_filename (dirs[k], names->pdata[i], NULL);
          g_autoptr (GPtrArray) loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
          EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
          cr_assert (evl_source_load_file (path, &opts, loaded, &error), "%s: %s", path,
                     error ? error->message : "");
          for (guint j = 0; j < loaded->len; j++, seen++)
            {
              guint n_gold;
              evl_document_get_gold (loaded->pdata[j], &n_gold);
              gold += n_gold;
              json_round_trip (ctx, loaded->pdata[j], path);
            }
        }
    }
  cr_assert_gt (seen, 0);
  if (g_file_test (timebank, G_FILE_TEST_IS_DIR))
    cr_assert_gt (gold, 0, "TimeBank documents come with gold tags");
}

/* What evl_fold_key() means: the words between whitespace runs, joined
 * by one space, in ASCII lower case (every other byte kept). */
static gssize
fold_key_reference (const char *src, gsize len, char *buf)
{
  g_autofree char *copy = g_strndup (src, len);
  g_auto (GStrv) words = g_strsplit_set (copy, " \t\n\r", -1);
  g_autoptr (GString) joined = g_string_new (NULL);
  for (guint w = 0; words[w]; w++)
    if (words[w][0])
      g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[w]);
  g_autofree char *lower = g_ascii_strdown (joined->str, -1);
  strcpy (buf, lower);
  return (gssize) joined->len;
}

/* The word-at-a-time paths (eight bytes, four to seven) agree with the
 * byte-by-byte meaning on keys of every short length. */
Test (core, fold_key_matches_bytewise_fold)
{
  static const char alphabet[] = { 'a', 'Z', 'q', 'M', ' ', ' ', '\t', '\n', '\x01', '\x1f', '@', '[',
                                   '\xc3', '\xa9', '0', '-' };
  GRand *rand = g_rand_new_with_seed (22);
  for (guint round = 0; round < 20000; round++)
    {
      char src[24], got[64], want[64];
      gsize len = (gsize) g_rand_int_range (rand, 0, 21);
      for (gsize i = 0; i < len; i++)
        src[i] = alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))];
      gssize g = evl_fold_key (src, len, got, sizeof got);
      gssize w = fold_key_reference (src, len, want);
      cr_assert_eq (g, w, "round %u", round);
      cr_assert_str_eq (got, want, "round %u", round);
    }
  g_rand_free (rand);
}

/* ---- a creation date guessed from the first lines of an undated text ---- */

typedef struct {
  char text[200];
  char dct[11];  /* "" = none guessed */
} GuessCase;

ParameterizedTestParameters (core, dct_guessed_from_the_first_lines)
{
  static GuessCase cases[] = {
    { "Tuesday, July 23 2024\n\nThe ministers met.", "2024-07-23" },
    /* A web page's time stamp names the day as well as a dateline. */
    { "Quake toll rises\n\nUpdated 4:12 PM EDT, Tue September 12, 2023\n\nThe toll rose.",
      "2023-09-12" },
    { "Posted 09:30 GMT, 3 March 2025\n\nShares fell.", "2025-03-03" },
    /* ... however many lines the masthead takes. */
    { "Quake toll rises\n\nRescuers search the rubble\n\nBy Ana Ruiz\n\nReuters\n\n"
      "Sept. 12, 2023\n\nThe toll rose.", "2023-09-12" },
    /* A date deep in the body is no dateline. */
    { "The toll rose. Rescuers dug. Aid came. Schools shut. It began on Sept. 8, 2023.", "" },
    /* A month is not a day, and a time alone names none. */
    { "September 2023\n\nThe ministers met.", "" },
    { "At 4:12 PM the ministers met.", "" },
  };
  return cr_make_param_array (GuessCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (GuessCase *c, core, dct_guessed_from_the_first_lines)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvlContext) ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  g_autoptr (EvlDocument) doc = evl_document_new ("d", c->text, -1, &error);
  cr_assert_not_null (doc, "%s", error ? error->message : "");
  evl_pipeline_annotate (ctx, doc);
  const char *dct = evl_document_get_dct (doc);
  if (c->dct[0] == '\0')
    cr_assert_null (dct, "'%s': guessed %s", c->text, dct);
  else
    {
      cr_assert_str_eq (dct ? dct : "(none)", c->dct, "'%s'", c->text);
      cr_assert_eq (evl_document_get_dct_source (doc), EVL_DCT_GUESSED);
    }
}
