/* TimeML writer: the document's text inside <TEXT> with the system's TIMEX3
 * and EVENT tags inserted, so that TempEval-3 style scorers align it with
 * the gold file of the same text.
 *
 * TimeML gives TIMEX3 and EVENT #PCDATA content only, so tags never nest
 * or overlap.  Placement is deterministic: timexes first, in order of
 * start (longer first on a tie), each kept only when it overlaps no timex
 * already kept; then events the same way against everything kept.  A span
 * that is empty, out of range or splits a UTF-8 character is dropped.
 *
 * Characters outside the tags are the input's; &, < and > are escaped, a
 * carriage return is written as &#13; (a parser would otherwise fold CR LF
 * and shift every offset) and the characters XML 1.0 cannot carry (C0
 * controls, U+FFFE, U+FFFF) become spaces, byte for byte, so offsets are
 * kept.
 *
 * The text is built in a buffer flushed to the stream every FLUSH_AT
 * bytes, so a document of any size never has its whole TimeML in memory. */
#include "evl-private.h"

#include <string.h>

typedef struct {
  guint32 start, end;
  guint index;          /* into the timex or event array */
  gboolean is_timex;
} Item;

static int
item_cmp (gconstpointer a, gconstpointer b)
{
  const Item *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

static gboolean
on_boundary (const char *text, gsize len, guint32 off)
{
  return off == len || (off < len && ((guchar) text[off] & 0xC0) != 0x80);
}

static gboolean
span_ok (const char *text, gsize len, guint32 start, guint32 end)
{
  return start < end && end <= len && on_boundary (text, len, start)
         && on_boundary (text, len, end);
}

static gboolean
is_sorted (const Item *a, guint n)
{
  for (guint i = 1; i < n; i++)
    if (item_cmp (&a[i - 1], &a[i]) > 0)
      return FALSE;
  return TRUE;
}

/* Adds to @kept (sorted) the @items whose span is still free in @used
 * (one byte per text byte) and marks them used; @kept stays sorted.
 * Items usually come in text order, so sorting is mostly a check and the
 * two sorted runs are merged; linear in the items and the total span
 * length otherwise, whatever the number of items.  item_cmp() is a total
 * order on kept items (their spans are disjoint and non-empty), so the
 * result is the one a full sort would give. */
static void
place (GArray *kept, GArray *items, guint8 *used)
{
  Item *it = (Item *) (void *) items->data;
  if (!is_sorted (it, items->len))
    g_array_sort (items, item_cmp);
  guint n_new = 0;
  for (guint i = 0; i < items->len; i++)
    {
      if (memchr (used + it[i].start, 1, it[i].end - it[i].start) != NULL)
        continue;
      memset (used + it[i].start, 1, it[i].end - it[i].start);
      it[n_new++] = it[i];
    }
  guint n_old = kept->len;
  g_array_set_size (kept, n_old + n_new);
  Item *kp = (Item *) (void *) kept->data;
  /* Merge from the back: kp[0, n_old) and it[0, n_new) into kp. */
  guint a = n_old, b = n_new, w = n_old + n_new;
  while (b > 0)
    {
      if (a > 0 && item_cmp (&kp[a - 1], &it[b - 1]) > 0)
        kp[--w] = kp[--a];
      else
        kp[--w] = it[--b];
    }
}

/* Bytes the escapers must look at; runs of other bytes are copied with
 * one append.  SP_TEXT (escape_text): &, <, >, CR, the C0 controls other
 * than LF and TAB, and 0xEF (the lead byte of U+FFFE/U+FFFF).  SP_ATTR
 * (attribute values): &, <, >, '"' and every C0 control. */
enum { SP_TEXT = 1, SP_ATTR = 2, SP_BOTH = 3 };

#define C0(b) [b] = SP_BOTH
static const guint8 special[256] = {
  C0 (0x01), C0 (0x02), C0 (0x03), C0 (0x04), C0 (0x05), C0 (0x06), C0 (0x07),
  C0 (0x08), [0x09] = SP_ATTR, [0x0A] = SP_ATTR, C0 (0x0B), C0 (0x0C), C0 (0x0D),
  C0 (0x0E), C0 (0x0F), C0 (0x10), C0 (0x11), C0 (0x12), C0 (0x13), C0 (0x14),
  C0 (0x15), C0 (0x16), C0 (0x17), C0 (0x18), C0 (0x19), C0 (0x1A), C0 (0x1B),
  C0 (0x1C), C0 (0x1D), C0 (0x1E), C0 (0x1F), [0x00] = SP_TEXT,
  ['&'] = SP_BOTH, ['<'] = SP_BOTH, ['>'] = SP_BOTH, ['"'] = SP_ATTR, [0xEF] = SP_TEXT,
};
#undef C0

/* g_string_append_len() without its generic insert path: a memcpy when
 * the buffer has room (the writer sizes it for the usual document). */
static inline void
put (GString *s, const char *p, gsize n)
{
  if (G_UNLIKELY (s->len + n >= s->allocated_len))
    {
      g_string_append_len (s, p, (gssize) n);
      return;
    }
  memcpy (s->str + s->len, p, n);
  s->len += n;
  s->str[s->len] = '\0';
}

static inline void
put_c (GString *s, char c)
{
  put (s, &c, 1);
}

#define APPEND_LIT(s, lit) put ((s), (lit), sizeof (lit) - 1)

static void
escape_text (GString *s, const char *text, gsize len)
{
  gsize run = 0;   /* start of the pending run of plain bytes */
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      if (G_LIKELY (!(special[c] & SP_TEXT)))
        continue;
      if (c == 0xEF && !(i + 2 < len && (guchar) text[i + 1] == 0xBF
                         && ((guchar) text[i + 2] == 0xBE || (guchar) text[i + 2] == 0xBF)))
        continue;   /* any other character starting with 0xEF */
      put (s, text + run, i - run);
      switch (c)
        {
        case '&': APPEND_LIT (s, "&amp;"); break;
        case '<': APPEND_LIT (s, "&lt;"); break;
        case '>': APPEND_LIT (s, "&gt;"); break;
        case '\r': APPEND_LIT (s, "&#13;"); break;
        case 0xEF:
          /* U+FFFE and U+FFFF are not XML characters either: three spaces. */
          APPEND_LIT (s, "   ");
          i += 2;
          break;
        default: put_c (s, ' ');   /* a C0 control */
        }
      run = i + 1;
    }
  put (s, text + run, len - run);
}

/* Appends ' name="value"' (@name_lit: " name=\"", a literal), the value
 * escaped; nothing when @value is NULL. */
static void
attr_lit (GString *s, const char *name_lit, gsize name_len, const char *value)
{
  if (value == NULL)
    return;
  put (s, name_lit, name_len);
  const char *run = value, *p = value;
  for (; *p; p++)
    {
      guchar c = (guchar) *p;
      if (G_LIKELY (!(special[c] & SP_ATTR)))
        continue;
      put (s, run, (gsize) (p - run));
      switch (c)
        {
        case '&': APPEND_LIT (s, "&amp;"); break;
        case '<': APPEND_LIT (s, "&lt;"); break;
        case '>': APPEND_LIT (s, "&gt;"); break;
        case '"': APPEND_LIT (s, "&quot;"); break;
        default: put_c (s, ' ');   /* a C0 control */
        }
      run = p + 1;
    }
  put (s, run, (gsize) (p - run));
  put_c (s, '"');
}

#define attr(s, name, value) attr_lit ((s), " " name "=\"", sizeof (" " name "=\"") - 1, (value))

/* Appends ' name="PREFIXn"' (an id: no escaping needed). */
static void
attr_id (GString *s, const char *name_lit, gsize name_len, char prefix1, char prefix2, guint n)
{
  char buf[16];
  char *e = buf + sizeof buf, *p = e;
  do
    *--p = (char) ('0' + n % 10);
  while ((n /= 10) > 0);
  if (prefix2)
    *--p = prefix2;
  *--p = prefix1;
  put (s, name_lit, name_len);
  put (s, p, (gsize) (e - p));
  put_c (s, '"');
}

#define attr_idn(s, name, p1, p2, n) \
  attr_id ((s), " " name "=\"", sizeof (" " name "=\"") - 1, (p1), (p2), (n))

static const char *const timex_types[] = { "DATE", "TIME", "DURATION", "SET" };

static void
open_timex (GString *s, const EvlTimex *t, guint i, const gboolean *written, guint n,
            gboolean have_dct)
{
  APPEND_LIT (s, "<TIMEX3");
  attr_idn (s, "tid", 't', 0, i + 1);
  attr (s, "type", (guint) t->type < G_N_ELEMENTS (timex_types) ? timex_types[t->type] : "DATE");
  attr (s, "value", t->value ? t->value : "");
  attr (s, "mod", t->mod);
  attr (s, "quant", t->quant);
  attr (s, "freq", t->freq);
  gboolean relative = (t->flags & EVL_TIMEX_FLAG_RELATIVE) != 0;
  attr (s, "temporalFunction", relative ? "true" : "false");
  attr (s, "functionInDocument", "NONE");
  if (t->anchor >= 0 && (guint) t->anchor < n && written[t->anchor] && (guint) t->anchor != i)
    attr_idn (s, "anchorTimeID", 't', 0, (guint) t->anchor + 1);
  else if (relative && have_dct)
    attr (s, "anchorTimeID", "t0");
  put_c (s, '>');
}

static void
write_dct (GString *s, const char *dct)
{
  if (dct == NULL)
    return;
  APPEND_LIT (s, "<DCT><TIMEX3");
  attr (s, "tid", "t0");
  attr (s, "type", strchr (dct, 'T') ? "TIME" : "DATE");
  attr (s, "value", dct);
  attr (s, "temporalFunction", "false");
  attr (s, "functionInDocument", "CREATION_TIME");
  put_c (s, '>');
  escape_text (s, dct, strlen (dct));
  APPEND_LIT (s, "</TIMEX3></DCT>\n\n");
}

#define FLUSH_AT (64 * 1024)

/* Writes out what @s holds once it passes FLUSH_AT (or when @force);
 * after a failure, drops the rest and keeps the first error. */
static void
flush (GString *s, GOutputStream *out, gboolean force, GError **error)
{
  if (s->len < FLUSH_AT && !force)
    return;
  if (*error == NULL)
    g_output_stream_write_all (out, s->str, s->len, NULL, NULL, error);
  g_string_truncate (s, 0);
}

static void
write_instances (GString *s, const EvlEventMention *ev, const GArray *kept,
                 GOutputStream *out, GError **error)
{
  for (guint k = 0; k < kept->len; k++)
    {
      const Item *it = &g_array_index (kept, Item, k);
      flush (s, out, FALSE, error);
      if (it->is_timex)
        continue;
      const EvlEventMention *e = &ev[it->index];
      APPEND_LIT (s, "<MAKEINSTANCE");
      attr_idn (s, "eventID", 'e', 0, it->index + 1);
      attr_idn (s, "eiid", 'e', 'i', it->index + 1);
      attr (s, "tense", e->tense ? e->tense : "NONE");
      attr (s, "aspect", e->aspect ? e->aspect : "NONE");
      /* pos is required by TimeML 1.2.1; a tensed mention is a verb. */
      gboolean verb = e->tense && strcmp (e->tense, "NONE") != 0;
      attr (s, "polarity", e->polarity == EVL_POLARITY_NEG ? "NEG" : "POS");
      attr (s, "pos", verb ? "VERB" : "UNKNOWN");
      attr (s, "modality", e->modality);
      APPEND_LIT (s, "/>\n");
    }
}

gboolean
evl_export_timeml (const EvlDocument *doc, GOutputStream *out, GError **error)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  gsize len = 0;
  const char *text = evl_document_get_text (doc, &len);
  guint n_tx = 0, n_ev = 0;
  const EvlTimex *tx = evl_document_get_timexes (doc, &n_tx);
  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n_ev);

  g_autoptr (GArray) kept = g_array_sized_new (FALSE, FALSE, sizeof (Item), n_tx + n_ev);
  g_autoptr (GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (Item), MAX (n_tx, n_ev));
  g_array_set_size (items, MAX (n_tx, n_ev));
  g_autofree guint8 *used = g_malloc0 (len + 1);
  Item *slot = (Item *) (void *) items->data;
  guint n = 0;
  for (guint i = 0; i < n_tx; i++)
    if (span_ok (text, len, tx[i].span.start, tx[i].span.end))
      slot[n++] = (Item) { tx[i].span.start, tx[i].span.end, i, TRUE };
  g_array_set_size (items, n);
  place (kept, items, used);
  g_array_set_size (items, MAX (n_tx, n_ev));
  slot = (Item *) (void *) items->data;
  n = 0;
  for (guint i = 0; i < n_ev; i++)
    if (span_ok (text, len, ev[i].span.start, ev[i].span.end))
      slot[n++] = (Item) { ev[i].span.start, ev[i].span.end, i, FALSE };
  g_array_set_size (items, n);
  place (kept, items, used);

  g_autofree gboolean *written = g_new0 (gboolean, n_tx + 1);
  for (guint k = 0; k < kept->len; k++)
    {
      const Item *it = &g_array_index (kept, Item, k);
      if (it->is_timex)
        written[it->index] = TRUE;
    }

  const char *dct = evl_document_get_dct (doc);
  g_autoptr (GString) s = g_string_sized_new (MIN (len + len / 4 + 512, 2 * FLUSH_AT));
  g_autoptr (GError) werr = NULL;
  APPEND_LIT (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n\n<DOCID>");
  const char *id = evl_document_get_id (doc);
  escape_text (s, id, strlen (id));
  APPEND_LIT (s, "</DOCID>\n\n");
  write_dct (s, dct);
  const char *title = evl_document_get_title (doc);
  if (title)
    {
      APPEND_LIT (s, "<TITLE>");
      escape_text (s, title, strlen (title));
      APPEND_LIT (s, "</TITLE>\n\n");
    }
  APPEND_LIT (s, "<TEXT>");
  guint32 pos = 0;
  for (guint k = 0; k < kept->len; k++)
    {
      const Item *it = &g_array_index (kept, Item, k);
      flush (s, out, FALSE, &werr);
      escape_text (s, text + pos, it->start - pos);
      if (it->is_timex)
        open_timex (s, &tx[it->index], it->index, written, n_tx, dct != NULL);
      else
        {
          APPEND_LIT (s, "<EVENT");
          attr_idn (s, "eid", 'e', 0, it->index + 1);
          attr (s, "class", evl_event_class_to_string (ev[it->index].klass));
          put_c (s, '>');
        }
      escape_text (s, text + it->start, it->end - it->start);
      if (it->is_timex)
        APPEND_LIT (s, "</TIMEX3>");
      else
        APPEND_LIT (s, "</EVENT>");
      pos = it->end;
    }
  escape_text (s, text + pos, len - pos);
  APPEND_LIT (s, "</TEXT>\n\n");
  write_instances (s, ev, kept, out, &werr);
  APPEND_LIT (s, "\n</TimeML>\n");
  flush (s, out, TRUE, &werr);
  if (werr)
    {
      g_propagate_error (error, g_steal_pointer (&werr));
      return FALSE;
    }
  return TRUE;
}
