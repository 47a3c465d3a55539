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
 * kept. */
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

/* Appends to @kept the @items (sorted here) whose span is still free in
 * @used (one byte per text byte) and marks them used.  Linear in the
 * total span length, whatever the number of items. */
static void
place (GArray *kept, GArray *items, guint8 *used)
{
  g_array_sort (items, item_cmp);
  for (guint i = 0; i < items->len; i++)
    {
      const Item *it = &g_array_index (items, Item, i);
      if (memchr (used + it->start, 1, it->end - it->start) != NULL)
        continue;
      memset (used + it->start, 1, it->end - it->start);
      g_array_append_val (kept, *it);
    }
  g_array_sort (kept, item_cmp);
}

static void
escape_text (GString *s, const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      /* U+FFFE and U+FFFF are not XML characters either: three spaces. */
      if (c == 0xEF && i + 2 < len && (guchar) text[i + 1] == 0xBF
          && ((guchar) text[i + 2] == 0xBE || (guchar) text[i + 2] == 0xBF))
        {
          g_string_append (s, "   ");
          i += 2;
          continue;
        }
      switch (c)
        {
        case '&': g_string_append (s, "&amp;"); break;
        case '<': g_string_append (s, "&lt;"); break;
        case '>': g_string_append (s, "&gt;"); break;
        case '\r': g_string_append (s, "&#13;"); break;
        default:
          if (c < 0x20 && c != '\n' && c != '\t')
            g_string_append_c (s, ' ');
          else
            g_string_append_c (s, (char) c);
        }
    }
}

static void
attr (GString *s, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (s, " %s=\"", name);
  for (const char *p = value; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (s, "&amp;"); break;
        case '<': g_string_append (s, "&lt;"); break;
        case '>': g_string_append (s, "&gt;"); break;
        case '"': g_string_append (s, "&quot;"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_c (s, ' ');
          else
            g_string_append_c (s, *p);
        }
    }
  g_string_append_c (s, '"');
}

static const char *const timex_types[] = { "DATE", "TIME", "DURATION", "SET" };

static void
open_timex (GString *s, const EvlTimex *t, guint i, const gboolean *written, guint n,
            gboolean have_dct)
{
  char tid[16];
  g_snprintf (tid, sizeof tid, "t%u", i + 1);
  g_string_append (s, "<TIMEX3");
  attr (s, "tid", tid);
  attr (s, "type", (guint) t->type < G_N_ELEMENTS (timex_types) ? timex_types[t->type] : "DATE");
  attr (s, "value", t->value ? t->value : "");
  attr (s, "mod", t->mod);
  attr (s, "quant", t->quant);
  attr (s, "freq", t->freq);
  gboolean relative = (t->flags & EVL_TIMEX_FLAG_RELATIVE) != 0;
  attr (s, "temporalFunction", relative ? "true" : "false");
  attr (s, "functionInDocument", "NONE");
  char anchor[16];
  if (t->anchor >= 0 && (guint) t->anchor < n && written[t->anchor] && (guint) t->anchor != i)
    {
      g_snprintf (anchor, sizeof anchor, "t%d", t->anchor + 1);
      attr (s, "anchorTimeID", anchor);
    }
  else if (relative && have_dct)
    attr (s, "anchorTimeID", "t0");
  g_string_append_c (s, '>');
}

static void
write_dct (GString *s, const char *dct)
{
  if (dct == NULL)
    return;
  g_string_append (s, "<DCT><TIMEX3");
  attr (s, "tid", "t0");
  attr (s, "type", strchr (dct, 'T') ? "TIME" : "DATE");
  attr (s, "value", dct);
  attr (s, "temporalFunction", "false");
  attr (s, "functionInDocument", "CREATION_TIME");
  g_string_append_c (s, '>');
  escape_text (s, dct, strlen (dct));
  g_string_append (s, "</TIMEX3></DCT>\n\n");
}

static void
write_instances (GString *s, const EvlEventMention *ev, const GArray *kept)
{
  for (guint k = 0; k < kept->len; k++)
    {
      const Item *it = &g_array_index (kept, Item, k);
      if (it->is_timex)
        continue;
      const EvlEventMention *e = &ev[it->index];
      char eid[16], eiid[16];
      g_snprintf (eid, sizeof eid, "e%u", it->index + 1);
      g_snprintf (eiid, sizeof eiid, "ei%u", it->index + 1);
      g_string_append (s, "<MAKEINSTANCE");
      attr (s, "eventID", eid);
      attr (s, "eiid", eiid);
      attr (s, "tense", e->tense ? e->tense : "NONE");
      attr (s, "aspect", e->aspect ? e->aspect : "NONE");
      /* pos is required by TimeML 1.2.1; a tensed mention is a verb. */
      gboolean verb = e->tense && strcmp (e->tense, "NONE") != 0;
      attr (s, "polarity", e->polarity == EVL_POLARITY_NEG ? "NEG" : "POS");
      attr (s, "pos", verb ? "VERB" : "UNKNOWN");
      attr (s, "modality", e->modality);
      g_string_append (s, "/>\n");
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

  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autofree guint8 *used = g_malloc0 (len + 1);
  for (guint i = 0; i < n_tx; i++)
    if (span_ok (text, len, tx[i].span.start, tx[i].span.end))
      g_array_append_val (items, ((Item) { tx[i].span.start, tx[i].span.end, i, TRUE }));
  place (kept, items, used);
  g_array_set_size (items, 0);
  for (guint i = 0; i < n_ev; i++)
    if (span_ok (text, len, ev[i].span.start, ev[i].span.end))
      g_array_append_val (items, ((Item) { ev[i].span.start, ev[i].span.end, i, FALSE }));
  place (kept, items, used);

  g_autofree gboolean *written = g_new0 (gboolean, n_tx + 1);
  for (guint k = 0; k < kept->len; k++)
    {
      const Item *it = &g_array_index (kept, Item, k);
      if (it->is_timex)
        written[it->index] = TRUE;
    }

  const char *dct = evl_document_get_dct (doc);
  g_autoptr (GString) s = g_string_sized_new (len + len / 4 + 512);
  g_string_append (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n\n<DOCID>");
  const char *id = evl_document_get_id (doc);
  escape_text (s, id, strlen (id));
  g_string_append (s, "</DOCID>\n\n");
  write_dct (s, dct);
  const char *title = evl_document_get_title (doc);
  if (title)
    {
      g_string_append (s, "<TITLE>");
      escape_text (s, title, strlen (title));
      g_string_append (s, "</TITLE>\n\n");
    }
  g_string_append (s, "<TEXT>");
  guint32 pos = 0;
  for (guint k = 0; k < kept->len; k++)
    {
      const Item *it = &g_array_index (kept, Item, k);
      escape_text (s, text + pos, it->start - pos);
      if (it->is_timex)
        open_timex (s, &tx[it->index], it->index, written, n_tx, dct != NULL);
      else
        {
          char eid[16];
          g_snprintf (eid, sizeof eid, "e%u", it->index + 1);
          g_string_append (s, "<EVENT");
          attr (s, "eid", eid);
          attr (s, "class", evl_event_class_to_string (ev[it->index].klass));
          g_string_append_c (s, '>');
        }
      escape_text (s, text + it->start, it->end - it->start);
      g_string_append (s, it->is_timex ? "</TIMEX3>" : "</EVENT>");
      pos = it->end;
    }
  escape_text (s, text + pos, len - pos);
  g_string_append (s, "</TEXT>\n\n");
  write_instances (s, ev, kept);
  g_string_append (s, "\n</TimeML>\n");
  return g_output_stream_write_all (out, s->str, s->len, NULL, NULL, error);
}
