/* The JSON string escaper and the `tag -f jsonl` line writer
 * (export/tagjson.c). */
#include <eventline/eventline.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <json-glib/json-glib.h>
#include <string.h>

TestSuite (tagjson);

/* ---- the escaper ---- */

typedef struct {
  char input[40];
  int len;              /* -1: up to the NUL */
  char expected[96];    /* with the quotes */
} EscapeCase;

static EscapeCase escape_cases[] = {
  { "", -1, "\"\"" },
  { "plain text", -1, "\"plain text\"" },
  { "say \"hi\"", -1, "\"say \\\"hi\\\"\"" },
  { "C:\\dir", -1, "\"C:\\\\dir\"" },
  { "a/b", -1, "\"a/b\"" },   /* '/' needs no escape */
  { "\b\f\n\r\t", -1, "\"\\b\\f\\n\\r\\t\"" },
  { "\x01\x1f", -1, "\"\\u0001\\u001f\"" },
  { "del\x7f", -1, "\"del\\u007f\"" },
  { "a\0b", 3, "\"a\\u0000b\"" },
  { "abc", 2, "\"ab\"" },
  /* long runs take the eight-byte path: an escape in the middle of one */
  { "0123456789abcdef\"0123456789", -1, "\"0123456789abcdef\\\"0123456789\"" },
  { "01234567\n", -1, "\"01234567\\n\"" },
  { "abcdefg\x7fhijklmnop", -1, "\"abcdefg\\u007fhijklmnop\"" },
  { "abc\x1e" "defghijklmno\\", -1, "\"abc\\u001edefghijklmno\\\\\"" },
  /* well-formed UTF-8 is kept as it is: 2, 3 and 4 bytes, the edges of
   * each range, noncharacters (legal in JSON) */
  { "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", -1, "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"" },
  { "\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf", -1, "\"\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\"" },
  { "\xee\x80\x80\xf0\x90\x80\x80\xf4\x8f\xbf\xbf", -1, "\"\xee\x80\x80\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\"" },
  { "\xef\xbf\xbe", -1, "\"\xef\xbf\xbe\"" },
  /* ill-formed: each maximal subpart becomes one U+FFFD (Unicode 3.9) */
  { "a\xff" "b", -1, "\"a\xef\xbf\xbd" "b\"" },
  { "\x80\xbf", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\"" },                         /* lone continuations */
  { "\xe2\x82" "A", -1, "\"\xef\xbf\xbd" "A\"" },                             /* truncated, then ASCII */
  { "x\xe2\x82", -1, "\"x\xef\xbf\xbd\"" },                                   /* truncated at the end */
  { "\xf0\x9f\x98", -1, "\"\xef\xbf\xbd\"" },
  { "\xc0\xaf", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\"" },                         /* overlong '/' */
  { "\xe0\x80\xaf", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },         /* overlong, 3 bytes */
  { "\xed\xa0\x80", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },         /* surrogate D800 */
  { "\xf4\x90\x80\x80", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" }, /* 110000 */
  { "\xf5\xbf", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\"" },
  { "\xc3\xa9\xc3", 3, "\"\xc3\xa9\xef\xbf\xbd\"" },   /* @len cuts a character */
  { "12345678\xc3\xa9\"\xff", -1, "\"12345678\xc3\xa9\\\"\xef\xbf\xbd\"" },
  /* tails of 1-7 bytes after eight-byte steps or an escape are copied as
   * one word unless a byte of them needs care */
  { "\"a", -1, "\"\\\"a\"" },
  { "\"abcdefg", -1, "\"\\\"abcdefg\"" },
  { "0123456789", -1, "\"0123456789\"" },
  { "0123456789abcde", -1, "\"0123456789abcde\"" },
  { "01234567\x01" "bcdefg", -1, "\"01234567\\u0001bcdefg\"" },
  { "01234567abcdef\\", -1, "\"01234567abcdef\\\\\"" },
  { "abcdef\xc3\xa9", -1, "\"abcdef\xc3\xa9\"" },
  { "x\ty", -1, "\"x\\ty\"" },
  { "abcdefgh", 7, "\"abcdefg\"" },   /* bytes past @len are never taken */
  { "a\"", 1, "\"a\"" },
};

ParameterizedTestParameters (tagjson, escapes_strings)
{
  return cr_make_param_array (EscapeCase, escape_cases, G_N_ELEMENTS (escape_cases));
}

ParameterizedTest (EscapeCase *c, tagjson, escapes_strings)
{
  g_autoptr (GString) out = g_string_new ("[");
  evl_export_append_json_string (out, c->input, c->len);
  cr_assert_str_eq (out->str + 1, c->expected);
  cr_assert_eq (out->len, 1 + strlen (c->expected), "len kept in step with the bytes");
}

/* Parses @json (a one-element array) to its string; NULL when it is not
 * JSON. */
static char *
parse_string (const char *json)
{
  g_autoptr (JsonParser) p = json_parser_new ();
  if (!json_parser_load_from_data (p, json, -1, NULL))
    return NULL;
  JsonNode *root = json_parser_get_root (p);
  if (!JSON_NODE_HOLDS_ARRAY (root) || json_array_get_length (json_node_get_array (root)) != 1)
    return NULL;
  return g_strdup (json_array_get_string_element (json_node_get_array (root), 0));
}

Test (tagjson, any_bytes_give_valid_utf8_json)
{
  /* Random strings over bytes that matter (ASCII letters, escapes,
   * controls, UTF-8 leads and continuations): what comes out is always
   * valid UTF-8 that parses as JSON, and a valid input comes back as it
   * went in. */
  static const guchar pool[] = "ab \"\\/\x01\x08\x0a\x1f\x7f\x80\xa0\xbf\xc0\xc2\xc3\xdf\xe0\xe2\xed\xef\xf0\xf4\xf5\xff";
  GRand *r = g_rand_new_with_seed (20260101);
  guint valid = 0;
  for (guint k = 0; k < 20000; k++)
    {
      char in[40];
      guint n = (guint) g_rand_int_range (r, 0, sizeof in);
      for (guint i = 0; i < n; i++)
        in[i] = (char) pool[g_rand_int_range (r, 0, sizeof pool - 1)];
      g_autoptr (GString) out = g_string_new ("[");
      evl_export_append_json_string (out, in, n);
      g_string_append_c (out, ']');
      cr_assert (g_utf8_validate_len (out->str, out->len, NULL), "case %u: invalid UTF-8 out", k);
      g_autofree char *back = parse_string (out->str);
      cr_assert_not_null (back, "case %u: not JSON: %s", k, out->str);
      if (g_utf8_validate_len (in, n, NULL))
        {
          valid++;
          cr_assert_eq (strlen (back), n, "case %u", k);
          cr_assert_eq (memcmp (back, in, n), 0, "case %u: %s", k, out->str);
        }
    }
  g_rand_free (r);
  cr_assert_gt (valid, 500, "the draw covers valid strings too");
}

/* ---- the document line ---- */

static EvlDocument *
sample_doc (void)
{
  const char *text = "Leaders met in \"Geneva\" on Monday.";
  EvlDocument *d = evl_document_new ("doc-1", text, -1, NULL);
  cr_assert_not_null (d);
  evl_document_set_path (d, "in/doc 1.txt");
  evl_document_set_title (d, "Tab\there");
  evl_document_set_dct (d, "2024-01-10", EVL_DCT_METADATA);
  const char *monday = strstr (text, "Monday");
  EvlTimex t = { 0 };
  t.span.start = (guint32) (monday - text);
  t.span.end = t.span.start + 6;
  t.type = EVL_TIMEX_DATE;
  t.value = "2024-01-08";
  t.anchor = -1;
  evl_document_add_timex (d, &t);
  EvlTimex set = t;
  set.type = EVL_TIMEX_SET;
  set.value = "P1W";
  set.quant = "EVERY";
  set.freq = "1X";
  set.mod = "APPROX";
  set.anchor = 0;
  evl_document_add_timex (d, &set);
  EvlEventMention e = { 0 };
  e.span.start = 8;
  e.span.end = 11;
  e.klass = EVL_EVENT_CLASS_OCCURRENCE;
  e.lemma = "meet";
  e.type = "MEETING";
  e.tense = "PAST";
  e.aspect = "NONE";
  e.polarity = EVL_POLARITY_NEG;
  e.modality = "may";
  e.timex = 0;
  e.agent = e.patient = e.location = -1;
  evl_document_add_event_mention (d, &e);
  EvlEventMention out_of_range = e;
  out_of_range.span.start = 30;
  out_of_range.span.end = 400;
  out_of_range.polarity = EVL_POLARITY_POS;
  out_of_range.modality = NULL;
  out_of_range.timex = -1;
  evl_document_add_event_mention (d, &out_of_range);
  return d;
}

Test (tagjson, line_has_the_members_of_tag_json_in_order)
{
  g_autoptr (EvlDocument) d = sample_doc ();
  g_autoptr (GString) out = g_string_new (NULL);
  evl_export_tag_json_line (out, d);
  cr_assert_str_eq (out->str,
    "{\"id\":\"doc-1\",\"path\":\"in/doc 1.txt\",\"title\":\"Tab\\there\",\"dct\":\"2024-01-10\","
    "\"timexes\":["
    "{\"tid\":\"t1\",\"start\":27,\"end\":33,\"text\":\"Monday\",\"type\":\"DATE\",\"value\":\"2024-01-08\"},"
    "{\"tid\":\"t2\",\"start\":27,\"end\":33,\"text\":\"Monday\",\"type\":\"SET\",\"value\":\"P1W\","
    "\"mod\":\"APPROX\",\"quant\":\"EVERY\",\"freq\":\"1X\",\"anchorTimeID\":\"t1\"}],"
    "\"events\":["
    "{\"eid\":\"e1\",\"start\":8,\"end\":11,\"text\":\"met\",\"class\":\"OCCURRENCE\",\"lemma\":\"meet\","
    "\"type\":\"MEETING\",\"tense\":\"PAST\",\"aspect\":\"NONE\",\"polarity\":\"NEG\",\"modality\":\"may\","
    "\"timex\":\"t1\"},"
    /* a span beyond the text has no text member, as in tag -f json */
    "{\"eid\":\"e2\",\"start\":30,\"end\":400,\"class\":\"OCCURRENCE\",\"lemma\":\"meet\","
    "\"type\":\"MEETING\",\"tense\":\"PAST\",\"aspect\":\"NONE\",\"polarity\":\"POS\"}]}\n");
}

Test (tagjson, bare_document_and_appending)
{
  g_autoptr (EvlDocument) d = evl_document_new ("x", "No dates here.", -1, NULL);
  g_autoptr (GString) out = g_string_new ("previous line\n");
  evl_export_tag_json_line (out, d);
  evl_export_tag_json_line (out, d);
  cr_assert_str_eq (out->str, "previous line\n"
                              "{\"id\":\"x\",\"timexes\":[],\"events\":[]}\n"
                              "{\"id\":\"x\",\"timexes\":[],\"events\":[]}\n");
}

Test (tagjson, span_text_with_quotes_and_a_bad_path_stay_valid)
{
  g_autoptr (EvlDocument) d = evl_document_new ("d\"q", "He said \"no\" twice.", -1, NULL);
  /* a file name need not be UTF-8 */
  evl_document_set_path (d, "dir/caf\xe9.txt");
  EvlEventMention e = { 0 };
  e.span.start = 8;
  e.span.end = 12;
  e.lemma = "no";
  e.timex = -1;
  evl_document_add_event_mention (d, &e);
  g_autoptr (GString) out = g_string_new (NULL);
  evl_export_tag_json_line (out, d);
  cr_assert (g_utf8_validate_len (out->str, out->len, NULL));
  g_autoptr (JsonParser) p = json_parser_new ();
  cr_assert (json_parser_load_from_data (p, out->str, (gssize) out->len, NULL), "%s", out->str);
  JsonObject *o = json_node_get_object (json_parser_get_root (p));
  cr_assert_str_eq (json_object_get_string_member (o, "id"), "d\"q");
  cr_assert_str_eq (json_object_get_string_member (o, "path"), "dir/caf\xef\xbf\xbd.txt");
  JsonObject *ev = json_array_get_object_element (json_object_get_array_member (o, "events"), 0);
  cr_assert_str_eq (json_object_get_string_member (ev, "text"), "\"no\"");
}

/* The events of @d's line, parsed by @p (which holds them). */
static JsonArray *
line_events (JsonParser *p, const EvlDocument *d)
{
  g_autoptr (GString) out = g_string_new (NULL);
  evl_export_tag_json_line (out, d);
  cr_assert (json_parser_load_from_data (p, out->str, (gssize) out->len, NULL), "%s", out->str);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (p)), "events");
}

/* Adds an event of span @start..@end and lemma @lemma, nothing else, to @d. */
static void
add_bare_event (EvlDocument *d, guint32 start, guint32 end, const char *lemma)
{
  EvlEventMention e = { 0 };
  e.span.start = start;
  e.span.end = end;
  e.lemma = lemma;
  e.timex = -1;
  e.agent = e.patient = e.location = -1;
  evl_document_add_event_mention (d, &e);
}

/* Numbers of every digit count and values repeated in a line (written
 * once, then copied from the line: short, 16 and more bytes escaped)
 * come out as they went in. */
Test (tagjson, numbers_and_repeated_values_round_trip)
{
  static const guint32 numbers[] = { 0, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999,
                                     100000, 999999, 1000000, 123456789, G_MAXUINT32 };
  static const char *const lemmas[] = { "a", "go", "meet\"x", "abcdefghijklm", "abcdefghijklmn",
                                        "abcdefghijklmno", "abcdefghijklmnopq", "tab\there" };
  g_autoptr (EvlDocument) d = evl_document_new ("n", "Short text.", -1, NULL);
  guint n_events = 0;
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++, n_events++)
      {
        EvlEventMention e = { 0 };
        e.span.start = numbers[i];
        e.span.end = numbers[(i + round) % G_N_ELEMENTS (numbers)];
        e.lemma = lemmas[(i + round) % G_N_ELEMENTS (lemmas)];
        e.tense = round ? "PAST" : "PRESENT";
        e.timex = -1;
        e.agent = e.patient = e.location = -1;
        evl_document_add_event_mention (d, &e);
      }
  g_autoptr (GString) out = g_string_new (NULL);
  evl_export_tag_json_line (out, d);
  g_autoptr (JsonParser) p = json_parser_new ();
  cr_assert (json_parser_load_from_data (p, out->str, (gssize) out->len, NULL), "%s", out->str);
  JsonArray *evs = json_object_get_array_member (json_node_get_object (json_parser_get_root (p)),
                                                 "events");
  cr_assert_eq (json_array_get_length (evs), n_events);
  guint k = 0;
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++, k++)
      {
        JsonObject *ev = json_array_get_object_element (evs, k);
        g_autofree char *eid = g_strdup_printf ("e%u", k + 1);
        cr_assert_str_eq (json_object_get_string_member (ev, "eid"), eid);
        cr_assert_eq ((guint32) json_object_get_int_member (ev, "start"), numbers[i]);
        cr_assert_eq ((guint32) json_object_get_int_member (ev, "end"),
                      numbers[(i + round) % G_N_ELEMENTS (numbers)]);
        cr_assert_str_eq (json_object_get_string_member (ev, "lemma"),
                          lemmas[(i + round) % G_N_ELEMENTS (lemmas)]);
        cr_assert_str_eq (json_object_get_string_member (ev, "tense"), round ? "PAST" : "PRESENT");
      }
  g_autofree char *digits = g_strdup_printf (",\"start\":%u,", G_MAXUINT32);
  cr_assert_not_null (strstr (out->str, digits));
}

/* The writer's memo of escaped values outlives a line (each line counts
 * its own): a line written after another, into another buffer and at
 * another offset, copies nothing from the first; an event class out of
 * range is written as tag -f json writes it. */
Test (tagjson, lines_in_turn_copy_nothing_from_each_other)
{
  g_autoptr (EvlDocument) d = sample_doc ();
  g_autoptr (GString) alone = g_string_new (NULL);
  evl_export_tag_json_line (alone, d);
  g_autoptr (GString) first = g_string_new ("a longer prefix than the second line has\n");
  evl_export_tag_json_line (first, d);
  g_autoptr (GString) second = g_string_new ("p\n");
  evl_export_tag_json_line (second, d);
  cr_assert_str_eq (second->str + 2, alone->str);
  cr_assert_str_eq (first->str + first->len - alone->len, alone->str);

  g_autoptr (EvlDocument) odd = evl_document_new ("o", "It went.", -1, NULL);
  EvlEventMention e = { 0 };
  e.span.start = 3;
  e.span.end = 7;
  e.klass = (EvlEventClass) 99;
  e.timex = -1;
  e.agent = e.patient = e.location = -1;
  evl_document_add_event_mention (odd, &e);
  g_autoptr (GString) out = g_string_new (NULL);
  evl_export_tag_json_line (out, odd);
  cr_assert (strstr (out->str, "\"text\":\"went\",\"class\":\"OCCURRENCE\",\"polarity\"") != NULL, "%s",
             out->str);
}

/* Span texts of every length up to past 16 bytes, at every offset up to
 * the end of the text (short ones are copied a word at a time when none
 * of their bytes needs escaping), with and without bytes to escape; and
 * the events' ids counting up past 99. */
Test (tagjson, span_texts_of_every_length_and_offset)
{
  static const char text[] = "plain words \"quoted\" a\\b\ttab and more plain text to end";
  const guint len = sizeof text - 1;
  g_autoptr (EvlDocument) d = evl_document_new ("s", text, -1, NULL);
  guint n_events = 0;
  for (guint start = 0; start <= len; start++)
    for (guint n = 0; n <= 18 && start + n <= len; n++, n_events++)
      add_bare_event (d, start, start + n, NULL);
  g_autoptr (JsonParser) p = json_parser_new ();
  JsonArray *evs = line_events (p, d);
  cr_assert_eq (json_array_get_length (evs), n_events);
  guint k = 0;
  for (guint start = 0; start <= len; start++)
    for (guint n = 0; n <= 18 && start + n <= len; n++, k++)
      {
        JsonObject *ev = json_array_get_object_element (evs, k);
        g_autofree char *want = g_strndup (text + start, n);
        cr_assert_str_eq (json_object_get_string_member (ev, "text"), want, "at %u, %u bytes", start, n);
        /* Some 900 events: ids of one to three digits. */
        g_autofree char *eid = g_strdup_printf ("e%u", k + 1);
        cr_assert_str_eq (json_object_get_string_member (ev, "eid"), eid);
      }
}

/* Values of every length up to past 16 bytes, plain or with a byte to
 * escape at each place, first met and met again in the line. */
Test (tagjson, values_of_every_length_round_trip)
{
  static const char plain[] = "abcdefghijklmnopqrs";
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  for (guint n = 0; n <= 18; n++)
    {
      g_ptr_array_add (values, g_strndup (plain, n));
      for (guint at = 0; at < n; at++)
        {
          char *v = g_strndup (plain, n);
          v[at] = at % 2 ? '"' : '\n';
          g_ptr_array_add (values, v);
        }
    }
  g_autoptr (EvlDocument) d = evl_document_new ("v", "Some text.", -1, NULL);
  for (guint round = 0; round < 2; round++)
    for (guint k = 0; k < values->len; k++)
      add_bare_event (d, 0, 0, values->pdata[k]);
  g_autoptr (JsonParser) p = json_parser_new ();
  JsonArray *evs = line_events (p, d);
  cr_assert_eq (json_array_get_length (evs), 2 * values->len);
  for (guint k = 0; k < 2 * values->len; k++)
    cr_assert_str_eq (json_object_get_string_member (json_array_get_object_element (evs, k), "lemma"),
                      values->pdata[k % values->len]);
}

/* Every member of an item holding a value that takes the cursor's own
 * path (long, or with a byte to escape), in items enough for the line's
 * buffer to grow inside one: the members written after such a value,
 * within the item's room made again, come out whole and in order. */
Test (tagjson, long_values_in_every_member_of_many_items)
{
  static const char text[] = "A \"quoted\" span and a long one of plain words to its end.";
  g_autoptr (EvlDocument) d = evl_document_new ("m", text, -1, NULL);
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const guint n_items = 300;
  for (guint k = 0; k < n_items; k++)
    {
      /* Distinct strings, so that each is first met in its item. */
      char *v[9];
      for (guint m = 0; m < G_N_ELEMENTS (v); m++)
        {
          v[m] = g_strdup_printf (m % 2 ? "value %u of member %u, \"quoted\"" : "tab\t%u/%u", k, m);
          g_ptr_array_add (keep, v[m]);
        }
      EvlTimex t = { 0 };
      t.span.start = 2;
      t.span.end = 10;
      t.value = v[0], t.mod = v[1], t.quant = v[2], t.freq = v[3];
      t.anchor = k > 0 ? (gint32) k - 1 : -1;
      evl_document_add_timex (d, &t);
      EvlEventMention e = { 0 };
      e.span.start = 0;
      e.span.end = sizeof text - 1;
      e.lemma = v[4], e.type = v[5], e.tense = v[6], e.aspect = v[7], e.modality = v[8];
      e.polarity = k % 2 ? EVL_POLARITY_NEG : EVL_POLARITY_POS;
      e.timex = (gint32) k;
      e.agent = e.patient = e.location = -1;
      evl_document_add_event_mention (d, &e);
    }
  g_autoptr (GString) out = g_string_new (NULL);
  evl_export_tag_json_line (out, d);
  g_autoptr (JsonParser) p = json_parser_new ();
  cr_assert (json_parser_load_from_data (p, out->str, (gssize) out->len, NULL));
  JsonObject *root = json_node_get_object (json_parser_get_root (p));
  JsonArray *txs = json_object_get_array_member (root, "timexes");
  JsonArray *evs = json_object_get_array_member (root, "events");
  cr_assert_eq (json_array_get_length (txs), n_items);
  cr_assert_eq (json_array_get_length (evs), n_items);
  static const char *const tx_members[] = { "value", "mod", "quant", "freq" };
  static const char *const ev_members[] = { "lemma", "type", "tense", "aspect", "modality" };
  for (guint k = 0; k < n_items; k++)
    {
      JsonObject *t = json_array_get_object_element (txs, k);
      JsonObject *e = json_array_get_object_element (evs, k);
      for (guint m = 0; m < G_N_ELEMENTS (tx_members); m++)
        cr_assert_str_eq (json_object_get_string_member (t, tx_members[m]), keep->pdata[9 * k + m]);
      for (guint m = 0; m < G_N_ELEMENTS (ev_members); m++)
        cr_assert_str_eq (json_object_get_string_member (e, ev_members[m]), keep->pdata[9 * k + 4 + m]);
      cr_assert_str_eq (json_object_get_string_member (t, "text"), "\"quoted\"");
      cr_assert_str_eq (json_object_get_string_member (e, "text"), text);
      cr_assert_str_eq (json_object_get_string_member (e, "polarity"), k % 2 ? "NEG" : "POS");
      g_autofree char *tid = g_strdup_printf ("t%u", k + 1);
      cr_assert_str_eq (json_object_get_string_member (e, "timex"), tid);
      if (k > 0)
        {
          g_autofree char *anchor = g_strdup_printf ("t%u", k);
          cr_assert_str_eq (json_object_get_string_member (t, "anchorTimeID"), anchor);
        }
      cr_assert_eq (json_object_get_int_member (e, "start"), 0);
      cr_assert_eq (json_object_get_int_member (e, "end"), (gint64) sizeof text - 1);
    }
}
