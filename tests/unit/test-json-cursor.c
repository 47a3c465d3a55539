/* The JSON cursor shared by the tag line, the extract line and
 * events.json (src/lib/export/json-cursor.h): its escaping, numbers,
 * growth and flushing. */
#include "export/json-cursor.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <json-glib/json-glib.h>
#include <string.h>

TestSuite (json_cursor);

/* Appends the @n bytes of @s to a string that already holds @before,
 * through a cursor; the whole string. */
static GString *
written (const char *before, const char *s, gsize n)
{
  GString *out = g_string_new (before);
  EvlJsonCursor c;
  evl_json_cursor_init (&c, out);
  evl_json_put_string (&c, s, n);
  evl_json_cursor_finish (&c);
  return out;
}

typedef struct {
  char input[40];
  char strict[96];   /* the literal, with the quotes */
} PolicyCase;

/* '"', '\\', DEL and every control escaped (U+001F too, which json-glib
 * 1.6 leaves raw), each ill-formed UTF-8 subpart as U+FFFD. */
static PolicyCase policy_cases[] = {
  { "", "\"\"" },
  { "plain / text", "\"plain / text\"" },
  { "say \"hi\"", "\"say \\\"hi\\\"\"" },
  { "C:\\dir\\", "\"C:\\\\dir\\\\\"" },
  { "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"" },
  { "\x01\x07\x0b\x0e\x1e", "\"\\u0001\\u0007\\u000b\\u000e\\u001e\"" },
  { "unit\x1fsep", "\"unit\\u001fsep\"" },
  { "\x1f", "\"\\u001f\"" },
  { "0123456789abcdef\x1f", "\"0123456789abcdef\\u001f\"" },
  { "del\x7f", "\"del\\u007f\"" },
  { "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"" },
  { "\xe2\x80\xa8</script>", "\"\xe2\x80\xa8</script>\"" },
  /* ill-formed UTF-8 */
  { "a\xff" "b", "\"a\xef\xbf\xbd" "b\"" },
  { "caf\xe9", "\"caf\xef\xbf\xbd\"" },
  { "\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },
  { "\xc0\xaf\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },
  { "x\xe2\x82", "\"x\xef\xbf\xbd\"" },
  /* escapes after eight-byte steps and in one-word tails */
  { "01234567\"89abcdef\\g", "\"01234567\\\"89abcdef\\\\g\"" },
  { "abcdefgh\xc3\xa9\t\xff", "\"abcdefgh\xc3\xa9\\t\xef\xbf\xbd\"" },
  { "\"a", "\"\\\"a\"" },
  { "abcdefg\x1f", "\"abcdefg\\u001f\"" },
  { "abcdef\x80", "\"abcdef\xef\xbf\xbd\"" },
  /* the byte loop (a byte that needs care further on) */
  { "\x1f\xc3\xa9\xff\"", "\"\\u001f\xc3\xa9\xef\xbf\xbd\\\"\"" },
};

ParameterizedTestParameters (json_cursor, strings_escape_as_documented)
{
  return cr_make_param_array (PolicyCase, policy_cases, G_N_ELEMENTS (policy_cases));
}

ParameterizedTest (PolicyCase *c, json_cursor, strings_escape_as_documented)
{
  g_autoptr (GString) strict = written ("[", c->input, strlen (c->input));
  cr_assert_str_eq (strict->str + 1, c->strict);
  cr_assert_eq (strict->len, 1 + strlen (c->strict), "len kept in step with the bytes");
}

Test (json_cursor, every_ascii_control_has_its_escape)
{
  static const char hex[] = "0123456789abcdef";
  for (guint b = 1; b < 0x80; b++)
    {
      char in[2] = { (char) b, 0 };
      const char *shortform = b == '"' ? "\\\"" : b == '\\' ? "\\\\" : b == '\b' ? "\\b"
                              : b == '\f' ? "\\f" : b == '\n' ? "\\n" : b == '\r' ? "\\r"
                              : b == '\t' ? "\\t" : NULL;
      char want[16];
      if (shortform)
        g_snprintf (want, sizeof want, "\"%s\"", shortform);
      else if (b < 0x20 || b == 0x7f)
        g_snprintf (want, sizeof want, "\"\\u00%c%c\"", hex[b >> 4], hex[b & 0xf]);
      else
        g_snprintf (want, sizeof want, "\"%c\"", b);
      g_autoptr (GString) strict = written ("", in, 1);
      cr_assert_str_eq (strict->str, want, "byte 0x%02x", b);
    }
  /* a NUL inside the length is a control like the others */
  g_autoptr (GString) nul = written ("", "a\0b", 3);
  cr_assert_eq (nul->len, 10);
  cr_assert_eq (memcmp (nul->str, "\"a\\u0000b\"", 10), 0);
}

/* json-glib's own generation of @s as a string literal. */
static char *
glib_literal (const char *s)
{
  g_autoptr (JsonNode) node = json_node_init_string (json_node_alloc (), s);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

/* Random strings over the bytes that matter: always valid UTF-8 that
 * json-glib parses; the input again where it was UTF-8; json-glib's own
 * bytes where json-glib writes valid JSON (UTF-8 without U+001F). */
Test (json_cursor, random_strings_are_valid_json)
{
  static const guchar pool[] = "ab \"\\/\x01\x08\x0a\x1e\x1f\x7f\x80\xbf\xc3\xa9\xe2\x82\xac\xed"
                               "\xf0\x9f\x98\xff";
  GRand *r = g_rand_new_with_seed (1123);
  guint agree = 0, invalid = 0;
  for (guint k = 0; k < 30000; k++)
    {
      char in[40];
      guint n = (guint) g_rand_int_range (r, 0, sizeof in - 1);
      for (guint i = 0; i < n; i++)
        in[i] = (char) pool[g_rand_int_range (r, 0, sizeof pool - 1)];
      in[n] = '\0';
      g_autoptr (GString) strict = written ("[", in, n);
      g_string_append_c (strict, ']');
      cr_assert (g_utf8_validate_len (strict->str, strict->len, NULL), "case %u", k);
      g_autoptr (JsonParser) parser = json_parser_new ();
      cr_assert (json_parser_load_from_data (parser, strict->str, (gssize) strict->len, NULL),
                 "case %u: %s", k, strict->str);
      JsonArray *a = json_node_get_array (json_parser_get_root (parser));
      const char *back = json_array_get_string_element (a, 0);
      if (!g_utf8_validate (in, -1, NULL))
        {
          invalid++;
          continue;
        }
      cr_assert_str_eq (back, in, "case %u", k);
      if (strchr (in, 0x1f) == NULL)
        {
          agree++;
          g_autofree char *glib = glib_literal (in);
          g_autofree char *want = g_strconcat ("[", glib, "]", NULL);
          cr_assert_str_eq (strict->str, want, "case %u", k);
        }
    }
  g_rand_free (r);
  cr_assert_gt (agree, 1000, "the draw covers strings json-glib writes validly");
  cr_assert_gt (invalid, 1000, "the draw covers ill-formed UTF-8");
}

Test (json_cursor, numbers_of_every_length_and_sign)
{
  static const gint64 ints[] = { 0, 1, -1, 9, -10, 99, 100, -12345, 100000, 999999999,
                                 -1000000000, G_MAXINT32, G_MININT32, G_MAXINT64, G_MININT64 };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) want = g_string_new (NULL);
  EvlJsonCursor c;
  evl_json_cursor_init (&c, out);
  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      evl_json_put_int (&c, ints[i]);
      evl_json_put_char (&c, ',');
      g_string_append_printf (want, "%" G_GINT64_FORMAT ",", ints[i]);
    }
  for (guint64 v = 1; v != 0 && v <= G_MAXUINT64 / 10 + 1; v *= 10)
    {
      evl_json_put_uint (&c, v - 1);
      evl_json_put_char (&c, ' ');
      g_string_append_printf (want, "%" G_GUINT64_FORMAT " ", v - 1);
    }
  evl_json_put_uint (&c, G_MAXUINT64);
  g_string_append_printf (want, "%" G_GUINT64_FORMAT, G_MAXUINT64);
  evl_json_cursor_finish (&c);
  cr_assert_str_eq (out->str, want->str);
  cr_assert_eq (out->len, want->len);
}

Test (json_cursor, grows_past_the_allocation_and_keeps_what_was_there)
{
  g_autoptr (GString) out = g_string_sized_new (4);
  g_string_append (out, "head");
  EvlJsonCursor c;
  evl_json_cursor_init (&c, out);
  g_autoptr (GString) want = g_string_new ("head");
  for (guint i = 0; i < 3000; i++)
    {
      EVL_JSON_LIT (&c, "[\"k\":");
      evl_json_put_str (&c, "caf\xc3\xa9\n");
      evl_json_put_bytes (&c, "]", 1);
      g_string_append (want, "[\"k\":\"caf\xc3\xa9\\n\"]");
    }
  cr_assert_eq (evl_json_cursor_len (&c), want->len);
  evl_json_cursor_finish (&c);
  cr_assert_eq (out->len, want->len);
  cr_assert_str_eq (out->str, want->str);
  cr_assert_eq (out->str[out->len], '\0');
}

typedef struct {
  GString *got;
  guint calls;
  gsize smallest;
} Sink;

static void
sink_write (const char *data, gsize len, gpointer user_data)
{
  Sink *s = user_data;
  g_string_append_len (s->got, data, (gssize) len);
  s->calls++;
  s->smallest = MIN (s->smallest, len);
}

Test (json_cursor, flushes_every_limit_bytes_in_order)
{
  Sink sink = { g_string_new (NULL), 0, G_MAXSIZE };
  g_autoptr (GString) want = g_string_new (NULL);
  g_autoptr (GString) buf = g_string_sized_new (64);
  EvlJsonCursor c;
  evl_json_cursor_init (&c, buf);
  for (guint i = 0; i < 5000; i++)
    {
      evl_json_put_uint (&c, i);
      evl_json_put_str (&c, "\"q\"\x1f");
      g_string_append_printf (want, "%u\"\\\"q\\\"\\u001f\"", i);
      evl_json_cursor_flush_above (&c, 1000, sink_write, &sink);
      cr_assert_lt (evl_json_cursor_len (&c), 1000, "at most one piece waits past the limit");
    }
  cr_assert_gt (sink.calls, 50);
  cr_assert_geq (sink.smallest, 1000, "no flush below the limit");
  sink_write (c.s->str, evl_json_cursor_len (&c), &sink);
  cr_assert_str_eq (sink.got->str, want->str);
  cr_assert_lt (buf->allocated_len, 4096, "the allocation is reused, not grown");
  g_string_free (sink.got, TRUE);
}
