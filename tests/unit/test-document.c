/* The document store's word-at-a-time paths: the intern table's hash,
 * compare and copy (eight, four or one byte at a time by length) and the
 * sixteen-byte UTF-8 check of evl_document_new(). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>
#include <string.h>

#include "evl-private.h"

TestSuite (document);

/* Every length from 0 to 40 bytes crosses the 1-3 / 4-7 / 8 / 9-15 /
 * 16+ byte paths.  For each: a string interns to one copy with its
 * bytes; a string that differs in any one byte is another copy; a NUL
 * at any offset inside @len cuts the string there. */
typedef struct {
  guint len;
} LenCase;

ParameterizedTestParameters (document, intern_every_length)
{
  static LenCase cases[41];
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    cases[i].len = i;
  return cr_make_param_array (LenCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (LenCase *c, document, intern_every_length)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("x", "Kim", -1, NULL);
  guint n = c->len;
  char base[48], other[48];
  for (guint i = 0; i < n; i++)
    base[i] = (char) ('a' + (i * 7) % 26);
  base[n] = '\0';
  const char *b = evl_document_intern (doc, base, (gssize) n);
  cr_assert_eq (strlen (b), n);
  cr_assert_eq (memcmp (b, base, n), 0);
  cr_assert_eq (evl_document_intern (doc, base, -1), b, "one copy of %u bytes", n);
  cr_assert_neq ((gpointer) b, (gpointer) base);
  for (guint p = 0; p < n; p++)
    {
      memcpy (other, base, n + 1);
      other[p] = 'Z';
      const char *o = evl_document_intern (doc, other, (gssize) n);
      cr_assert_neq (o, b, "len %u, byte %u differs", n, p);
      cr_assert_str_eq (o, other);
      cr_assert_eq (evl_document_intern (doc, other, -1), o);
    }
  /* A NUL at @p inside the length: the string is its first @p bytes. */
  for (guint p = 0; p < n; p++)
    {
      memcpy (other, base, n + 1);
      other[p] = '\0';
      const char *o = evl_document_intern (doc, other, (gssize) n);
      cr_assert_eq (strlen (o), p, "len %u, NUL at %u", n, p);
      cr_assert_eq (memcmp (o, base, p), 0);
      cr_assert_eq (evl_document_intern (doc, base, (gssize) p), o);
    }
  /* All copies survive the table's growth. */
  for (guint i = 0; i < 3000; i++)
    {
      char w[16];
      g_snprintf (w, sizeof w, "g%u", i);
      evl_document_intern (doc, w, -1);
    }
  cr_assert_eq (evl_document_intern (doc, base, (gssize) n), b);
  cr_assert_eq (memcmp (b, base, n + 1), 0);
}

/* Strings read from the end of an allocation of exactly their size
 * (ASan catches a load past it): every length from 1 to 24. */
Test (document, intern_reads_inside_the_string)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("x", "", 0, NULL);
  for (guint n = 1; n <= 24; n++)
    {
      g_autofree char *exact = g_malloc (n);
      memset (exact, 'q', n);
      const char *s = evl_document_intern (doc, exact, (gssize) n);
      cr_assert_eq (strlen (s), n);
      g_autofree char *z = g_malloc (n + 1);
      memset (z, 'q', n);
      z[n] = '\0';
      cr_assert_eq (evl_document_intern (doc, z, -1), s);
    }
}

/* evl_document_new() accepts what g_utf8_validate_len() accepts when the
 * byte sequence @seq sits at every offset of a 160-byte ASCII text:
 * before, inside and after each sixteen- and sixty-four-byte step. */
typedef struct {
  char seq[8];
  guint len;
} SeqCase;

ParameterizedTestParameters (document, utf8_at_every_offset)
{
  static SeqCase cases[] = {
    { "\xc3\xa9", 2 },          /* valid two-byte */
    { "\xe2\x80\x9c", 3 },      /* valid three-byte */
    { "\xf0\x9f\x98\x80", 4 },  /* valid four-byte */
    { "\x00", 1 },              /* NUL */
    { "\xff", 1 },              /* never valid */
    { "\x80", 1 },              /* stray continuation */
    { "\xc3", 1 },              /* truncated */
    { "\xed\xa0\x80", 3 },      /* surrogate */
    { "\x7f", 1 },              /* DEL: ASCII */
  };
  return cr_make_param_array (SeqCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (SeqCase *c, document, utf8_at_every_offset)
{
  for (guint at = 0; at + c->len <= 160; at++)
    {
      char text[160];
      memset (text, 'a', sizeof text);
      memcpy (text + at, c->seq, c->len);
      gboolean glib_ok = g_utf8_validate_len (text, sizeof text, NULL);
      GError *error = NULL;
      EvlDocument *doc = evl_document_new ("x", text, sizeof text, &error);
      cr_assert_eq (doc != NULL, glib_ok, "sequence of %u bytes at %u", c->len, at);
      if (doc)
        {
          gsize len = 0;
          cr_assert_eq (memcmp (evl_document_get_text (doc, &len), text, sizeof text), 0);
          cr_assert_eq (len, sizeof text);
          evl_document_unref (doc);
        }
      else
        g_error_free (error);
    }
}
