/* EvlPairIndex (recognize-index.h): numbering the en/event-pairs keys,
 * at build time for the compiled-in lexicon (lexicon-index-tool writes
 * the image, the recognizer maps it) and at run time for a lexicon
 * from a data dir or when the image does not match. */
#include "recognize-index.h"
#include "events-private.h"

#include <string.h>

static inline gboolean
bytes_equal (const char *a, const char *b, gsize n)
{
  /* the pair keys' words are 4 to 5 bytes on average: a loop, not a
   * memcmp() call (measured: 3.7 M instructions fewer per context, with
   * word_starts()) */
  for (gsize i = 0; i < n; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

/* The number of the folded word @w (@n bytes, evl_pair_word_hash() @h)
 * in @x's keys, and its slot in *@slot_out; 0 when no key has it. */
static inline guint
word_probe (const EvlPairIndex *x, const char *bytes, const char *w, gsize n, guint32 h,
            guint32 *slot_out)
{
  guint32 i = h & x->word_mask;
  for (; x->word_slots[i].id; i = (i + 1) & x->word_mask)
    {
      guint32 id = x->word_slots[i].id;
      if (x->word_slots[i].hash == h && x->word_len[id] == n
          && bytes_equal (bytes + x->word_off[id], w, n))
        return id;
    }
  *slot_out = i;
  return 0;
}

guint
evl_pair_index_find (const EvlPairIndex *x, const char *w, gsize n)
{
  if (!x->ok || n == 0 || n > G_MAXUINT8)
    return 0;
  guint32 slot;
  return word_probe (x, x->word_bytes, w, n, evl_pair_word_hash (w, n), &slot);
}

/* The number of @w (@n bytes, hash @h) in @x, a new one when it has none
 * (0 when they are used up); the bytes of the words are in @bytes while
 * building. */
static guint
word_add (EvlPairIndex *x, GByteArray *bytes, const char *w, gsize n, guint32 h)
{
  if (n == 0 || n > G_MAXUINT8)
    return 0;
  guint32 slot = 0;
  guint id = word_probe (x, (const char *) bytes->data, w, n, h, &slot);
  if (id || x->n_words == EVL_PAIR_ID_MAX)
    return id;
  id = ++x->n_words;
  x->word_off[id] = bytes->len;
  x->word_len[id] = (guint8) n;
  g_byte_array_append (bytes, (const guint8 *) w, (guint) n);
  x->word_slots[slot] = (EvlPairWordSlot) { h, id };
  return id;
}

/* Bytes that end a pair-key word or that folding would change or drop
 * (NUL, white space, control, upper case): one table load per byte
 * instead of four tests in scan_word(). */
static const guint8 *
word_stops (void)
{
  static guint8 stops[256];
  static gsize init;
  if (g_once_init_enter (&init))
    {
      for (guint ch = 0; ch < 256; ch++)
        stops[ch] = ch <= ' ' || (ch >= 'A' && ch <= 'Z');
      g_once_init_leave (&init, 1);
    }
  return stops;
}

/* Hashes the word at @c up to @stop (' ' or NUL) into *@h; returns where
 * it stopped.  *@odd is set when a byte that folding would change or
 * drop (upper case, white space, control) comes first. */
static const char *
scan_word (const guint8 *stops, const char *c, char stop, guint32 *h, guint *odd)
{
  guint32 v = 2166136261u;
  guchar ch;
  for (; !stops[ch = (guchar) *c]; c++)
    v = (v ^ ch) * 16777619u;
  *h = v;
  *odd |= ch != (guchar) stop;
  return c;
}

/* Does the NUL-terminated @c start with the @n bytes of @w (no NUL in
 * them), then @end?  Not read past its NUL. */
static inline gboolean
word_starts (const char *c, const char *w, gsize n, char end)
{
  for (gsize i = 0; i < n; i++)
    if (c[i] != w[i])
      return FALSE;
  return c[n] == end;
}

/* Splits the pair key @c ("K A B") into the folded words A and B with
 * their evl_pair_word_hash(): *@a and *@b point into @c, or into @key
 * (@cap bytes) when @c is not folded already (the derived file's keys
 * are: lower case, single spaces).  When A is @prev (@prev_n bytes; the
 * file is sorted, neighbours share it) *@same_a is set and A is not
 * hashed.  FALSE when the folded key is not a letter, a space, a word, a
 * space and a word. */
static gboolean
split_pair_key (const guint8 *stops, const char *c, char *key, gsize cap, const char *prev,
                gsize prev_n, gboolean *same_a, const char **a, gsize *an, guint32 *ha,
                const char **b, gsize *bn, guint32 *hb)
{
  guint odd = c[0] == '\0' || c[1] != ' ';
  const char *ae;
  *same_a = FALSE;
  *ha = 0;
  if (!odd && prev_n > 0 && word_starts (c + 2, prev, prev_n, ' '))
    {
      ae = c + 2 + prev_n;
      *same_a = TRUE;
    }
  else
    ae = odd ? c : scan_word (stops, c + 2, ' ', ha, &odd);
  const char *be = odd || *ae != ' ' ? ae : scan_word (stops, ae + 1, '\0', hb, &odd);
  if (odd || *ae != ' ' || ae == c + 2 || be == ae + 1 || (gsize) (be - c) >= cap)
    {
      *same_a = FALSE;
      gssize kl = evl_fold_key (c, strlen (c), key, cap);
      if (kl <= 2)
        return FALSE;
      const char *sp = memchr (key + 2, ' ', (gsize) kl - 2);
      if (key[1] != ' ' || sp == NULL || memchr (sp + 1, ' ', (gsize) (key + kl - sp - 1)))
        return FALSE;
      *a = key + 2;
      *an = (gsize) (sp - key - 2);
      *b = sp + 1;
      *bn = (gsize) (key + kl - sp - 1);
      *ha = evl_pair_word_hash (*a, *an);
      *hb = evl_pair_word_hash (*b, *bn);
      return TRUE;
    }
  *a = c + 2;
  *an = (gsize) (ae - c - 2);
  *b = ae + 1;
  *bn = (gsize) (be - ae - 1);
  return TRUE;
}

static int
weight_of (const EvlLexEntry *e)
{
  const char *s = e->n_attrs > 0 ? e->attrs[0] : NULL;
  return s ? evl_parse_milli_at (&s) : 0;
}

/* The filter of @x's keys (evl_pair_filter_bits()): a word per eight
 * keys (~1.5 % false positives on the derived file), 128 kB for its 90 K
 * keys. */
static void
filter_build (EvlPairIndex *x)
{
  guint32 n_keys = 0;
  for (guint32 j = 0; j <= x->mask; j++)
    n_keys += x->slots[j].key != 0;
  guint32 n_words = 1;
  while (n_words < n_keys / 8 && n_words < (1u << 20))
    n_words *= 2;
  x->filter_mask = n_words - 1;
  x->filter = g_new0 (guint64, n_words);
  for (guint32 j = 0; j <= x->mask; j++)
    if (x->slots[j].key != 0)
      {
        guint64 h = evl_pair_filter_hash (x->slots[j].key);
        x->filter[evl_pair_filter_word (h, x->filter_mask)] |= evl_pair_filter_bits (h);
      }
}

/* @x's per-word bounds (EvlPairIndex.lemma_bound), from its table: a
 * key's weight there is the one evl_pair_index_get() gives (the first
 * definition), so each bound is that of the weights a probe can find. */
static void
bounds_build (EvlPairIndex *x)
{
  gsize n_ids = (gsize) x->n_words + 1;
  gint32 *n_max = g_new0 (gint32, n_ids);
  x->lemma_bound = g_new0 (gint32, n_ids);
  x->suffix_bound = g_new0 (gint32, n_ids);
  for (guint32 j = 0; x->ok && j <= x->mask; j++)
    {
      guint32 code = x->slots[j].key;
      gint32 w = x->slots[j].weight;
      guint a = (code >> EVL_PAIR_ID_BITS) & EVL_PAIR_ID_MAX, b = code & EVL_PAIR_ID_MAX;
      guint32 kind = code & ~((1u << (2 * EVL_PAIR_ID_BITS)) - 1);
      gint32 *max = kind == evl_pair_code ('n', 0, 0) ? &n_max[a]
                    : kind == evl_pair_code ('l', 0, 0) ? &x->lemma_bound[b]
                    : kind == evl_pair_code ('s', 0, 0) ? &x->suffix_bound[b] : NULL;
      if (code != 0 && max && w > *max)
        *max = w;
    }
  /* a word is a lemma as A of its "n" keys and as B of its "l" keys */
  for (gsize i = 0; i < n_ids; i++)
    x->lemma_bound[i] += n_max[i];
  g_free (n_max);
}

/* (not inlined: shows in profiles as its own start-up cost) */
void G_GNUC_NO_INLINE
evl_pair_index_build (EvlPairIndex *x, const EvlLexicon *pairs)
{
  guint n = pairs ? evl_lexicon_size (pairs) : 0;
  memset (x, 0, sizeof *x);
  x->ok = TRUE;
  x->word_mask = (2u << EVL_PAIR_ID_BITS) - 1;   /* load at most 1/2 */
  x->word_slots = g_new0 (EvlPairWordSlot, x->word_mask + 1);
  x->word_off = g_new0 (guint32, EVL_PAIR_ID_MAX + 1);
  x->word_len = g_new0 (guint8, EVL_PAIR_ID_MAX + 1);
  GByteArray *bytes = g_byte_array_sized_new (64 * 1024);
  const guint8 *stops = word_stops ();
  /* load at most 1/2 (0.34 for the derived file): most probes are for
   * keys that are not there, and linear probing visits ~5.7 slots for a
   * missing key at the 0.69 of a 3/4 bound, ~1.7 at 0.34 (measured:
   * 2.5 M instructions fewer on 400 small documents); the table is built
   * at build time, so only the image grows (1.7 -> 2.8 MB) */
  guint32 n_slots = 64;
  while ((gsize) n_slots < (gsize) n * 2)
    n_slots *= 2;
  x->mask = n_slots - 1;
  x->slots = g_new0 (EvlPairSlot, n_slots);
  int best[256] = { 0 };
  const char *prev_a = NULL;   /* the last key's A when it was folded already */
  gsize prev_an = 0;
  guint prev_id = 0;
  for (guint i = 0; i < n; i++)
    {
      const EvlLexEntry *e = evl_lexicon_get (pairs, i);
      guchar kind = (guchar) e->canonical[0];
      int w = weight_of (e);
      if (w > best[kind])
        best[kind] = w;
      if (!x->ok)
        continue;
      char key[256];
      const char *aw, *bw;
      gsize an, bn;
      guint32 ha, hb;
      gboolean same_a;
      if (!split_pair_key (stops, e->canonical, key, sizeof key, prev_a, prev_an, &same_a, &aw,
                           &an, &ha, &bw, &bn, &hb)
          || evl_pair_code ((char) (kind | 0x20), 0, 0) == 0)
        {
          x->ok = FALSE;
          continue;
        }
      guint a = same_a ? prev_id : word_add (x, bytes, aw, an, ha);
      guint b = word_add (x, bytes, bw, bn, hb);
      if (aw == e->canonical + 2)
        {
          prev_a = aw;
          prev_an = an;
          prev_id = a;
        }
      else
        prev_an = 0;
      if (a == 0 || b == 0)
        {
          x->ok = FALSE;
          continue;
        }
      guint32 code = evl_pair_code ((char) (kind | 0x20), a, b);
      guint32 j = evl_pair_slot_of (code, x->mask);
      while (x->slots[j].key != 0 && x->slots[j].key != code)
        j = (j + 1) & x->mask;
      if (x->slots[j].key == 0)   /* first definition wins, as in the lexicon */
        x->slots[j] = (EvlPairSlot) { code, w };
    }
  for (guint k = 0; k < G_N_ELEMENTS (best); k++)
    x->pair_bound += best[k];
  filter_build (x);
  bounds_build (x);
  x->word_bytes = (char *) g_byte_array_free (bytes, FALSE);
  x->start = (guint16) evl_pair_index_find (x, "<s>", 3);
  x->end = (guint16) evl_pair_index_find (x, "</s>", 4);
}

void
evl_pair_index_clear (EvlPairIndex *x)
{
  if (!x->mapped)
    {
      g_free (x->word_slots);
      g_free (x->word_off);
      g_free (x->word_len);
      g_free (x->word_bytes);
      g_free (x->slots);
      g_free (x->filter);
      g_free (x->lemma_bound);
      g_free (x->suffix_bound);
    }
  memset (x, 0, sizeof *x);
}

/* ---- the image ---- */

/* An ImageHeader, then the word slots, word offsets, word lengths, word
 * bytes, key slots, key filter, lemma bounds and suffix bounds, each at
 * an 8-byte boundary, native byte order. */
#define IMAGE_MAGIC "EVLPAIRS"
#define IMAGE_VERSION 3u

typedef struct {
  char magic[8];
  guint32 layout;            /* IMAGE_LAYOUT */
  guint32 n_entries;         /* of the lexicon it was built from */
  guint64 text_len;          /* ... parsed from that many bytes */
  guint32 ok, word_mask, n_words, mask, start, end;
  gint32 pair_bound;
  guint32 word_slots, word_off, word_len, word_bytes, slots, n_word_bytes;   /* offsets */
  guint32 filter, filter_mask;
  guint32 lemma_bound, suffix_bound;   /* offsets, n_words + 1 each */
} ImageHeader;

#define IMAGE_LAYOUT (IMAGE_VERSION << 24 | (guint32) sizeof (ImageHeader) << 12 \
                      | (guint32) sizeof (EvlPairSlot) << 6 | (guint32) sizeof (EvlPairWordSlot))

static guint32
add_section (GByteArray *a, gconstpointer data, gsize len)
{
  static const guint8 zeros[8];
  g_byte_array_append (a, zeros, (8 - a->len % 8) % 8);
  guint32 off = a->len;
  if (len)
    g_byte_array_append (a, data, (guint) len);
  return off;
}

void
evl_pair_index_write (GByteArray *image, const EvlPairIndex *x, const EvlLexicon *pairs,
                      gsize text_len)
{
  g_return_if_fail (image->len == 0 && !x->mapped);
  ImageHeader h;
  memset (&h, 0, sizeof h);   /* padding too: images are byte-for-byte reproducible */
  memcpy (h.magic, IMAGE_MAGIC, sizeof h.magic);
  h.layout = IMAGE_LAYOUT;
  h.n_entries = evl_lexicon_size (pairs);
  h.text_len = text_len;
  h.ok = (guint32) x->ok;
  h.word_mask = x->word_mask;
  h.n_words = x->n_words;
  h.mask = x->mask;
  h.start = x->start;
  h.end = x->end;
  h.pair_bound = x->pair_bound;
  g_byte_array_append (image, (const guint8 *) &h, sizeof h);
  gsize n_ids = (gsize) x->n_words + 1;
  guint32 n_bytes = n_ids > 1 ? x->word_off[x->n_words] + x->word_len[x->n_words] : 0;
  h.word_slots = add_section (image, x->word_slots,
                              ((gsize) x->word_mask + 1) * sizeof (EvlPairWordSlot));
  h.word_off = add_section (image, x->word_off, n_ids * sizeof (guint32));
  h.word_len = add_section (image, x->word_len, n_ids);
  h.word_bytes = add_section (image, x->word_bytes, n_bytes);
  h.n_word_bytes = n_bytes;
  h.slots = add_section (image, x->slots, ((gsize) x->mask + 1) * sizeof (EvlPairSlot));
  h.filter = add_section (image, x->filter, ((gsize) x->filter_mask + 1) * sizeof (guint64));
  h.filter_mask = x->filter_mask;
  h.lemma_bound = add_section (image, x->lemma_bound, n_ids * sizeof (gint32));
  h.suffix_bound = add_section (image, x->suffix_bound, n_ids * sizeof (gint32));
  add_section (image, NULL, 0);
  memcpy (image->data, &h, sizeof h);
}

/* Is the section at @off of @n bytes inside an image of @len bytes? */
static gboolean
section_ok (guint32 off, gsize n, gsize len)
{
  return off % 8 == 0 && off <= len && n <= len - off;
}

gboolean
evl_pair_index_map (EvlPairIndex *x, const guint8 *image, gsize len, guint n_entries,
                    gsize text_len)
{
  const ImageHeader *h = (gconstpointer) image;
  if (image == NULL || len < sizeof *h || ((guintptr) image & 7) != 0
      || memcmp (h->magic, IMAGE_MAGIC, sizeof h->magic) != 0 || h->layout != IMAGE_LAYOUT
      || h->n_entries != n_entries || h->text_len != text_len || h->n_words > EVL_PAIR_ID_MAX
      || ((h->word_mask + 1) & h->word_mask) != 0 || ((h->mask + 1) & h->mask) != 0
      || ((h->filter_mask + 1) & h->filter_mask) != 0
      || !section_ok (h->word_slots, ((gsize) h->word_mask + 1) * sizeof (EvlPairWordSlot), len)
      || !section_ok (h->word_off, ((gsize) h->n_words + 1) * sizeof (guint32), len)
      || !section_ok (h->word_len, (gsize) h->n_words + 1, len)
      || !section_ok (h->word_bytes, h->n_word_bytes, len)
      || !section_ok (h->slots, ((gsize) h->mask + 1) * sizeof (EvlPairSlot), len)
      || !section_ok (h->filter, ((gsize) h->filter_mask + 1) * sizeof (guint64), len)
      || !section_ok (h->lemma_bound, ((gsize) h->n_words + 1) * sizeof (gint32), len)
      || !section_ok (h->suffix_bound, ((gsize) h->n_words + 1) * sizeof (gint32), len))
    return FALSE;
  memset (x, 0, sizeof *x);
  x->mapped = TRUE;
  x->ok = h->ok != 0;
  /* read only: a mapped index is never written */
  x->word_slots = (gpointer) (image + h->word_slots);
  x->word_mask = h->word_mask;
  x->word_off = (gpointer) (image + h->word_off);
  x->word_len = (gpointer) (image + h->word_len);
  x->word_bytes = (gpointer) (image + h->word_bytes);
  x->n_words = h->n_words;
  x->slots = (gpointer) (image + h->slots);
  x->mask = h->mask;
  x->filter = (gpointer) (image + h->filter);
  x->filter_mask = h->filter_mask;
  x->start = (guint16) h->start;
  x->end = (guint16) h->end;
  x->pair_bound = h->pair_bound;
  x->lemma_bound = (gpointer) (image + h->lemma_bound);
  x->suffix_bound = (gpointer) (image + h->suffix_bound);
  return TRUE;
}

/* ---- en/event-forms and en/event-lemmas records ---- */

void
evl_event_add_vector (int *v, const char *s)
{
  if (s == NULL || (s[0] == '-' && s[1] == '\0'))
    return;
  for (guint k = 0; k < EVL_EVENT_CLASS_N && *s; k++)
    {
      v[k] += evl_parse_milli_at (&s);
      while (*s && *s != ',')
        s++;
      if (*s == ',')
        s++;
    }
}

static guint32
vector_parse (EvlEventRecords *r, const char *s)
{
  if (s == NULL || (s[0] == '-' && s[1] == '\0'))
    return 0;
  evl_event_add_vector (r->vectors[r->n_vectors++], s);
  return r->n_vectors;
}

/* (not inlined: shows in profiles as its own start-up cost) */
void G_GNUC_NO_INLINE
evl_event_records_build (EvlEventRecords *r, const EvlLexicon *forms, const EvlLexicon *lemmas)
{
  memset (r, 0, sizeof *r);
  r->n_forms = forms ? evl_lexicon_size (forms) : 0;
  r->n_lemmas = lemmas ? evl_lexicon_size (lemmas) : 0;
  r->forms = g_new0 (EvlFormRecord, r->n_forms + 1);
  r->lemmas = g_new0 (EvlLemmaRecord, r->n_lemmas + 1);
  r->vectors = g_new0 (EvlClassVector, 3 * (gsize) r->n_forms + r->n_lemmas + 1);
  for (guint i = 0; i < r->n_forms; i++)
    {
      const EvlLexEntry *e = evl_lexicon_get (forms, i);
      EvlFormRecord *f = &r->forms[i];
      f->self = evl_entry_milli (e, 0);
      f->prev = evl_entry_milli (e, 1);
      f->next = evl_entry_milli (e, 2);
      f->prev2 = evl_entry_milli (e, 3);
      f->next2 = evl_entry_milli (e, 12);
      f->klass = evl_entry_milli (e, 8);
      f->classes = vector_parse (r, evl_entry_attr (e, 9));
      f->cue_prev = vector_parse (r, evl_entry_attr (e, 10));
      f->cue_next = vector_parse (r, evl_entry_attr (e, 11));
      r->most_prev = MAX (r->most_prev, f->prev);
      r->most_prev2 = MAX (r->most_prev2, f->prev2);
      r->most_next = MAX (r->most_next, f->next);
      r->most_next2 = MAX (r->most_next2, f->next2);
    }
  for (guint i = 0; i < r->n_lemmas; i++)
    {
      const EvlLexEntry *e = evl_lexicon_get (lemmas, i);
      EvlLemmaRecord *l = &r->lemmas[i];
      l->weight = evl_entry_milli (e, 0);
      l->klass = evl_entry_milli (e, 5);
      l->classes = vector_parse (r, evl_entry_attr (e, 6));
    }
}

void
evl_event_records_clear (EvlEventRecords *r)
{
  if (!r->mapped)
    {
      g_free (r->forms);
      g_free (r->lemmas);
      g_free (r->vectors);
    }
  memset (r, 0, sizeof *r);
}

/* A RecordsHeader, then the form records, lemma records and vectors,
 * each at an 8-byte boundary, native byte order. */
#define RECORDS_MAGIC "EVLRECDS"
#define RECORDS_VERSION 2u

typedef struct {
  char magic[8];
  guint32 layout;            /* RECORDS_LAYOUT */
  guint32 n_forms, n_lemmas, n_vectors;
  guint64 forms_len, lemmas_len;   /* the texts they were parsed from */
  guint32 forms, lemmas, vectors, pad;   /* offsets */
  gint32 most_prev, most_prev2, most_next, most_next2;
} RecordsHeader;

#define RECORDS_LAYOUT (RECORDS_VERSION << 24 | (guint32) sizeof (RecordsHeader) << 12 \
                        | (guint32) sizeof (EvlFormRecord) << 6 \
                        | (guint32) sizeof (EvlLemmaRecord) | EVL_EVENT_CLASS_N << 18)

void
evl_event_records_write (GByteArray *image, const EvlEventRecords *r, gsize forms_len,
                         gsize lemmas_len)
{
  g_return_if_fail (image->len == 0 && !r->mapped);
  RecordsHeader h;
  memset (&h, 0, sizeof h);   /* padding too: images are byte-for-byte reproducible */
  memcpy (h.magic, RECORDS_MAGIC, sizeof h.magic);
  h.layout = RECORDS_LAYOUT;
  h.n_forms = r->n_forms;
  h.n_lemmas = r->n_lemmas;
  h.n_vectors = r->n_vectors;
  h.forms_len = forms_len;
  h.lemmas_len = lemmas_len;
  h.most_prev = r->most_prev;
  h.most_prev2 = r->most_prev2;
  h.most_next = r->most_next;
  h.most_next2 = r->most_next2;
  g_byte_array_append (image, (const guint8 *) &h, sizeof h);
  h.forms = add_section (image, r->forms, r->n_forms * sizeof (EvlFormRecord));
  h.lemmas = add_section (image, r->lemmas, r->n_lemmas * sizeof (EvlLemmaRecord));
  h.vectors = add_section (image, r->vectors, r->n_vectors * sizeof (EvlClassVector));
  add_section (image, NULL, 0);
  memcpy (image->data, &h, sizeof h);
}

gboolean
evl_event_records_map (EvlEventRecords *r, const guint8 *image, gsize len, guint n_forms,
                       gsize forms_len, guint n_lemmas, gsize lemmas_len)
{
  const RecordsHeader *h = (gconstpointer) image;
  if (image == NULL || len < sizeof *h || ((guintptr) image & 7) != 0
      || memcmp (h->magic, RECORDS_MAGIC, sizeof h->magic) != 0 || h->layout != RECORDS_LAYOUT
      || h->n_forms != n_forms || h->forms_len != forms_len || h->n_lemmas != n_lemmas
      || h->lemmas_len != lemmas_len
      || !section_ok (h->forms, (gsize) h->n_forms * sizeof (EvlFormRecord), len)
      || !section_ok (h->lemmas, (gsize) h->n_lemmas * sizeof (EvlLemmaRecord), len)
      || !section_ok (h->vectors, (gsize) h->n_vectors * sizeof (EvlClassVector), len))
    return FALSE;
  memset (r, 0, sizeof *r);
  r->mapped = TRUE;
  /* read only: a mapped image is never written */
  r->forms = (gpointer) (image + h->forms);
  r->n_forms = h->n_forms;
  r->lemmas = (gpointer) (image + h->lemmas);
  r->n_lemmas = h->n_lemmas;
  r->vectors = (gpointer) (image + h->vectors);
  r->n_vectors = h->n_vectors;
  r->most_prev = h->most_prev;
  r->most_prev2 = h->most_prev2;
  r->most_next = h->most_next;
  r->most_next2 = h->most_next2;
  return TRUE;
}

/* ---- a word form's model inputs (EvlWordSlot) ---- */

/* The number of entry @e of the lexicon whose entry 0 is @base: a
 * lexicon keeps its entries in one array in file order (lexicon.c,
 * parsed or mapped), so the records are an array, not a table keyed by
 * entry (measured: 0.4 M instructions of lookups, 0.7 M of start-up). */
static inline guint
entry_number (const EvlLexEntry *base, const EvlLexEntry *e)
{
  return (guint) (((guintptr) e - (guintptr) base) / sizeof *e);
}

/* The record of entry @e of en/event-forms (NULL: not of it).  Entry 0
 * is asked for here, not kept: a mapped lexicon builds its entries on
 * first use (0.55 M instructions for en/event-forms, 0.31 M for
 * en/event-lemmas), which with the known words a small run mostly never
 * needs. */
static inline const EvlFormRecord *
form_record (const EvlWordSources *m, const EvlLexEntry *e)
{
  if (m->records->n_forms == 0)
    return NULL;
  guint i = entry_number (evl_lexicon_get (m->forms, 0), e);
  return i < m->records->n_forms ? &m->records->forms[i] : NULL;
}

static inline const EvlLemmaRecord *
lemma_record (const EvlWordSources *m, const EvlLexEntry *e)
{
  if (m->records->n_lemmas == 0)
    return NULL;
  guint i = entry_number (evl_lexicon_get (m->lemmas, 0), e);
  return i < m->records->n_lemmas ? &m->records->lemmas[i] : NULL;
}

/* A record's class vector, NULL for none. */
static inline const int *
vector_of (const EvlWordSources *m, guint32 v)
{
  return v ? m->records->vectors[v - 1] : NULL;
}

/* Keeps @lemma (@ll bytes) in @out, ASCII lower-cased as the pair keys
 * are, when it fits. */
static void
slot_set_lemma (EvlWordSlot *out, const char *lemma, gsize ll)
{
  out->lemma_len = ll > 0 && ll < EVL_WORD_LEMMA_KEY ? (guint8) ll : 0;
  /* a copy, then lower-cased eight bytes at a time (the bytes past the
   * length are never read as the lemma): the byte loop was 0.7 M
   * instructions on 400 small documents */
  memcpy (out->lemma, lemma, out->lemma_len);
  for (guint i = 0; i < out->lemma_len; i += 8)
    {
      guint64 x = evl_swar_lower (evl_load64 (out->lemma + i));
      memcpy (out->lemma + i, &x, sizeof x);
    }
}

/* The last @k (1 to 4) of the @n bytes at @w as a number (the bytes in
 * memory order, zero above).  @room: EVL_WORD_KEY_ROOM bytes are readable at @w
 * (a memo key, @n <= MEMO_KEY), so one 4-byte load and a mask do instead
 * of a copy of a variable length (measured: 0.5 M instructions fewer on
 * 400 small documents). */
static inline guint32
tail_bytes (const char *w, gsize n, gsize k, gboolean room)
{
  guint32 x = 0;
  if (room && G_BYTE_ORDER == G_LITTLE_ENDIAN)
    {
      memcpy (&x, w + n - k, sizeof x);
      return k >= 4 ? x : x & ((1u << (8 * k)) - 1);
    }
  memcpy (&x, w + n - k, k);
  return x;
}

/* Is every byte of @s (@n bytes) one that a lexicon key folds to
 * itself (printable ASCII, neither a space nor upper case)? */
static gboolean
folds_to_itself (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if ((guchar) s[i] <= ' ' || (guchar) s[i] >= 0x7F || (s[i] >= 'A' && s[i] <= 'Z'))
      return FALSE;
  return TRUE;
}

/* The en/event-lemmas record of @lemma (@ll bytes, EVL_WORD_KEY_ROOM
 * readable), NULL: none.  With the known words' lemmas complete, one
 * probe of their table answers (measured: 1,870 lookups, 0.25 M
 * instructions on 400 small documents, most of them missing: unseen
 * words' lemmas are mostly unknown too). */
static const EvlLemmaRecord *
lemma_of (const EvlWordSources *m, const char *lemma, gsize ll)
{
  const EvlKnownWords *k = m->known;
  if (k && k->lemmas_complete && ll > 0 && ll <= EVL_WORD_KEY)
    {
      guint64 u[EVL_WORD_KEY_ROOM / 8];
      evl_known_key_load (u, lemma, ll);
      if (evl_known_key_folds_to_itself (u, ll))
        {
          const EvlKnownWord *kw = evl_known_words_find (k, u, ll);
          return kw && kw->lemma ? &m->records->lemmas[kw->lemma - 1] : NULL;
        }
    }
  const EvlLexEntry *le = evl_lexicon_lookup (m->lemmas, lemma, ll);
  return le ? lemma_record (m, le) : NULL;
}

/* The own weight of an unseen form: lemma + 2/3/4-letter suffixes;
 * *klass gets its lemma's class confidence, @out its lemma.  @irr: the
 * form's en/irregular-verbs entry (NULL: none); @room: tail_bytes(). */
static int
unseen_weight (const EvlWordSources *m, const char *w, gsize n, gboolean room, const EvlLexEntry *irr,
               int *klass, const int **classes, EvlWordSlot *out)
{
  char lemma[EVL_LEMMA_MAX];
  gsize ll = evl_events_lemma_known (m->forms, m->irregular, m->known, irr, TRUE, w, n, room,
                                     lemma, sizeof lemma);
  slot_set_lemma (out, lemma, ll);
  const EvlLemmaRecord *r = lemma_of (m, lemma, ll);
  *klass = r ? r->klass : m->unseen_class;
  *classes = r ? vector_of (m, r->classes) : NULL;
  int sum = r ? r->weight : 0;
  char key[8];
  for (gsize k = 2; k <= 4; k++)
    {
      if (n <= k)
        break;
      guint64 code = (guint64) k << 32 | tail_bytes (w, n, k, room);
      guint64 h = code * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      EvlSuffixSlot *sl = &m->suffix_cache[h >> (64 - EVL_SUFFIX_BITS)];
      if (sl->key != code)
        {
          sl->key = code;
          /* the known words' table when it holds every ending (measured:
           * 2,057 lookups, 0.3 M instructions on 400 small documents) */
          guint64 bytes = (guint32) code;
          if (m->known && m->known->suffixes_complete && evl_known_key_folds_to_itself (&bytes, k))
            sl->weight = evl_known_suffix_weight (m->known, code);
          else
            {
              key[0] = (char) ('0' + k);
              key[1] = ':';
              memcpy (key + 2, w + n - k, k);
              sl->weight = evl_entry_milli (evl_lexicon_lookup (m->suffixes, key, (gssize) k + 2),
                                            0);
            }
        }
      sum += sl->weight;
    }
  return sum;
}

/* ---- auxiliaries (closed class; TimeML tense/aspect come from them) ---- */

static gboolean
word_is (const char *w, gsize n, const char *s)
{
  return strlen (s) == n && evl_ascii_caseeq (w, s, n);
}

/* The auxiliary role of a word, from its lemma in the irregular table
 * (@e: the word's entry there, NULL: none). */
static Aux
aux_of (const char *w, gsize n, const EvlLexEntry *e)
{
  if (n > 6)   /* longest auxiliary: 'having', 'should' */
    return AUX_NONE;
  if (word_is (w, n, "to"))
    return AUX_TO;
  if (word_is (w, n, "must") || word_is (w, n, "ought"))
    return AUX_MODAL;
  if (e == NULL)
    return AUX_NONE;
  const char *lemma = e->canonical;
  if (evl_str_is (lemma, "be"))
    {
      if (word_is (w, n, "be"))
        return AUX_BE_BASE;
      if (word_is (w, n, "been"))
        return AUX_BEEN;
      if (word_is (w, n, "being"))
        return AUX_BEING;
      if (word_is (w, n, "was") || word_is (w, n, "were"))
        return AUX_BE_PAST;
      return AUX_BE_PRES;
    }
  if (evl_str_is (lemma, "have"))
    {
      if (word_is (w, n, "had") || word_is (w, n, "'d"))
        return AUX_HAVE_PAST;
      if (word_is (w, n, "having"))
        return AUX_HAVING;
      return AUX_HAVE_PRES;
    }
  if (evl_str_is (lemma, "do"))
    {
      if (word_is (w, n, "did"))
        return AUX_DO_PAST;
      if (word_is (w, n, "do") || word_is (w, n, "does"))
        return AUX_DO_PRES;
      return AUX_NONE;
    }
  if (evl_str_is (lemma, "will") || evl_str_is (lemma, "shall"))
    return word_is (w, n, "would") || word_is (w, n, "should") ? AUX_MODAL : AUX_WILL;
  if (evl_str_is (lemma, "can") || evl_str_is (lemma, "may"))
    return AUX_MODAL;
  return AUX_NONE;
}

/* Adverbs that may sit inside a verb group ('has not yet fallen').  @w
 * is a folded memo key (lower case, zero-padded to EVL_WORD_KEY_ROOM bytes) when
 * @n <= 7, so a list word is one 64-bit compare (measured: the byte
 * compares were 1.8 M instructions on 400 small documents). */
static gboolean
is_adverb (const char *w, gsize n)
{
  /* by length, so that a word is compared with a few list words, not
   * all eighteen (measured: 0.5 M instructions fewer on 400 small
   * documents) */
  static const char adverbs[8][8][8] = {
    [3] = { "not", "n't", "yet", "now", "all" },
    [4] = { "also", "just", "ever", "even", "only", "then", "soon", "both" },
    [5] = { "never", "still", "again" },
    [7] = { "already", "further" },
  };
  if (n > 4 && evl_ascii_caseeq (w + n - 2, "ly", 2))
    return TRUE;
  if (n < 3 || n > 7)
    return FALSE;
  guint64 x = evl_load64 (w);
  for (guint i = 0; i < G_N_ELEMENTS (adverbs[n]) && adverbs[n][i][0]; i++)
    if (evl_load64 (adverbs[n][i]) == x)
      return TRUE;
  return FALSE;
}

/* White space in a word makes its folded pair key differ from the
 * word's bytes: such a word takes the string lookups.  @room: the bytes
 * readable at @w are @n rounded up to whole 64-bit words (a memo key, a
 * slot's lemma), so that they are tested eight at a time (measured: the
 * byte loops were 1.4 M instructions on 400 small documents). */
static gboolean
has_space (const char *w, gsize n, gboolean room)
{
  /* one compare a byte, or a word, first: words without a byte up to
   * ' ' (nearly all) take no further test */
  guint64 low = 0;
  if (room && G_BYTE_ORDER == G_LITTLE_ENDIAN)
    for (gsize i = 0; i < n; i += 8)
      {
        guint64 x = evl_load64 (w + i);
        if (n - i < 8)
          x |= ~G_GUINT64_CONSTANT (0) << (8 * (n - i));   /* bytes past @n: 0xFF */
        low |= (x - EVL_SWAR_ONES * 0x21) & ~x & EVL_SWAR_HIGHS;   /* a byte below 0x21 */
      }
  else
    for (gsize i = 0; i < n; i++)
      low |= (guchar) w[i] <= ' ';
  if (!low)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (w[i] == ' ' || w[i] == '\t' || w[i] == '\n' || w[i] == '\r')
      return TRUE;
  return FALSE;
}

/* The pair-key number of the last @k (1 to 3) of the @n bytes at @w
 * (@room: tail_bytes()). */
static guint
suffix_id (const EvlWordSources *m, const EvlPairIndex *x, const char *w, gsize n, gsize k,
           gboolean room)
{
  guint32 key = (guint32) k << 24 | tail_bytes (w, n, k, room);
  EvlSuffixIdSlot *sl = &m->suffix_ids[(key * 0x9E3779B1u) >> (32 - EVL_SUFFIX_BITS)];
  if (sl->key != key)
    {
      sl->key = key;
      sl->id = evl_pair_index_find (x, w + n - k, k);
    }
  return sl->id;
}

/* The pair-key numbers of a filled slot (@room: @w is its memo key). */
static void
slot_number (const EvlWordSources *m, const EvlPairIndex *x, EvlWordSlot *out, const char *w, gsize n,
             gboolean room)
{
  out->spaced = (guint8) (has_space (w, n, room) || has_space (out->lemma, out->lemma_len, TRUE));
  gsize sn = n < 3 ? n : 3;
  out->key_id = (guint16) evl_pair_index_find (x, w, n);
  out->suffix_id = (guint16) (sn > 0 ? suffix_id (m, x, w, n, sn, room) : 0);
  /* a lemma that is the word itself (base forms: most of them) has its
   * number (measured: 0.6 M instructions fewer on 400 small documents) */
  out->lemma_id = out->lemma_len == n && memcmp (out->lemma, w, n) == 0
                  ? out->key_id : (guint16) evl_pair_index_find (x, out->lemma, out->lemma_len);
  /* the numbers' own bounds (pair_weights() probes with them); a word
   * with white space, or keys without numbers, take the string lookups */
  gint32 b = x->suffix_bound[out->suffix_id] + (out->lemma_len > 0 ? x->lemma_bound[out->lemma_id] : 0);
  out->pair_max = !x->ok || out->spaced || b >= EVL_PAIR_MAX_UNKNOWN ? EVL_PAIR_MAX_UNKNOWN : (gint16) b;
}

/* Fills @out for the word @w (@n bytes; @room: a memo key, EVL_WORD_KEY_ROOM
 * bytes readable). */
void
evl_word_slot_fill (const EvlWordSources *m, const char *w, gsize n, gboolean room,
                    gboolean unknown, EvlWordSlot *out, const EvlLexEntry **form_out)
{
  static const EvlFormRecord unseen = { 0 };
  /* the word folded and hashed once for its forms and irregular lookups
   * (measured: 0.9 M instructions fewer on 400 small documents) */
  EvlLexKey key;
  /* a memo key that is no known word, when the known words hold every
   * key of both lexicons, is in neither (measured: 0.4 M instructions of
   * folding, hashing and missing on 400 small documents) */
  gboolean absent = FALSE;
  if (unknown && room && m->known && m->known->keys_complete && n > 0 && n <= EVL_WORD_KEY)
    {
      guint64 u[EVL_WORD_KEY_ROOM / 8];
      evl_known_key_load (u, w, n);
      absent = evl_known_key_folds_to_itself (u, n);
    }
  gboolean keyed = !absent && evl_lex_key_init (&key, w, (gssize) n);
  const EvlLexEntry *form = keyed ? evl_lexicon_lookup_key (m->forms, &key) : NULL;
  const EvlFormRecord *r = form ? form_record (m, form) : NULL;
  if (r == NULL)
    {
      form = NULL;
      r = &unseen;
    }
  if (form_out)
    *form_out = form;
  out->seen = form != NULL;
  out->prev = r->prev;
  out->next = r->next;
  out->prev2 = r->prev2;
  out->next2 = r->next2;
  /* wanted for an auxiliary (at most 6 bytes) and an unseen word's lemma */
  const EvlLexEntry *irr = keyed && (n <= 6 || form == NULL)
                           ? evl_lexicon_lookup_key (m->irregular, &key) : NULL;
  out->aux = (guint8) aux_of (w, n, irr);
  out->adverb = (guint8) is_adverb (w, n);
  guchar c = (guchar) w[0];
  out->klass = form ? r->klass : m->unseen_class;
  out->classes = vector_of (m, r->classes);
  out->cue_prev = vector_of (m, r->cue_prev);
  out->cue_next = vector_of (m, r->cue_next);
  out->lemma_len = 0;
  const char *lemma = evl_entry_attr (form, 6);
  out->form_lemma = lemma;
  out->pos = evl_pos_of (evl_entry_attr (form, 5));
  if (lemma)
    slot_set_lemma (out, lemma, strlen (lemma));
  if ((c < 0x80 && !g_ascii_isalnum (c)) || g_ascii_isdigit (c))
    out->self = 0;   /* punctuation and numbers are never triggers */
  else if (form)
    out->self = r->self;
  else
    out->self = unseen_weight (m, w, n, room, irr, &out->klass, &out->classes, out);
  slot_number (m, m->pairs, out, w, n, room);
}

/* ---- known word forms (EvlKnownWords) ---- */

/* Adds the word @w (@n bytes) to @k unless it is there already or is no
 * memo key: ASCII lower case as memo_key_at() folds it, 1 to
 * EVL_WORD_KEY bytes, no byte that it would fold. */
typedef struct {
  GByteArray *bytes;         /* NUL-terminated strings */
  GHashTable *offsets;       /* string -> its offset + 1 */
} KnownStrings;

/* The offset of @s in @strings, added when new. */
static guint32
known_string (KnownStrings *strings, const char *s)
{
  guint32 off = GPOINTER_TO_UINT (g_hash_table_lookup (strings->offsets, s));
  if (off)
    return off - 1;
  off = strings->bytes->len;
  g_byte_array_append (strings->bytes, (const guint8 *) s, (guint) strlen (s) + 1);
  g_hash_table_insert (strings->offsets, (gpointer) s, GUINT_TO_POINTER (off + 1));
  return off;
}

static void
known_add (EvlKnownWords *k, const EvlWordSources *s, KnownStrings *strings, const char *w,
           gsize n, guint *cap)
{
  if (n == 0 || n > EVL_WORD_KEY)
    return;
  union { guint64 u[EVL_WORD_KEY_ROOM / 8]; char c[EVL_WORD_KEY_ROOM]; } key;
  memset (&key, 0, sizeof key);
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) w[i];
      if (c == 0 || c >= 0x80)
        return;
      key.c[i] = evl_ascii_lower ((char) c);
    }
  if (evl_known_words_find (k, key.u, n))
    return;
  if (k->n_words == *cap)
    {
      *cap *= 2;
      k->words = g_renew (EvlKnownWord, k->words, *cap);
    }
  EvlWordSlot slot;
  memset (&slot, 0, sizeof slot);   /* padding too: images are byte-for-byte reproducible */
  evl_word_slot_fill (s, key.c, n, TRUE, FALSE, &slot, NULL);
  slot.len = (guint8) n;
  memcpy (slot.key, key.c, sizeof key.c);
  EvlKnownWord *kw = &k->words[k->n_words];
  memset (kw, 0, sizeof *kw);
  memcpy (kw->hot, &slot, sizeof kw->hot);
  kw->form_lemma = slot.form_lemma ? known_string (strings, slot.form_lemma) + 1 : 0;
  const int *vectors[3] = { slot.classes, slot.cue_prev, slot.cue_next };
  guint32 *ids[3] = { &kw->classes, &kw->cue_prev, &kw->cue_next };
  for (guint j = 0; j < 3; j++)
    *ids[j] = vectors[j] ? (guint32) (((guintptr) vectors[j] - (guintptr) s->records->vectors)
                                      / sizeof (EvlClassVector)) + 1
                         : 0;
  memcpy (kw->lemma_bytes, slot.lemma, slot.lemma_len);
  const EvlLexEntry *le = evl_lexicon_lookup (s->lemmas, key.c, n);
  const EvlLemmaRecord *lr = le ? lemma_record (s, le) : NULL;
  kw->lemma = lr ? (guint32) (lr - s->records->lemmas) + 1 : 0;
  kw->stem_known = (guint8) evl_events_lemma_is_known (s->forms, s->irregular, key.c, n);
  kw->lemma_pos = evl_pos_of (evl_entry_attr (le, 3));
  k->n_words++;
  guint64 h = evl_known_hash (key.u, n);
  guint32 i = (guint32) (h >> 40) & k->mask;
  while (k->slots[i].word)
    i = (i + 1) & k->mask;
  k->slots[i] = (EvlKnownSlot) { (guint32) h, k->n_words };
}

/* (not inlined: shows in profiles as its own start-up cost) */
/* The endings of en/event-suffixes into @k ("K:BYTES", K 2 to 4, the
 * weight as unseen_weight() looks it up); suffixes_complete when every
 * key is such an ending that folds to itself. */
static void
known_suffixes_build (EvlKnownWords *k, const EvlWordSources *s, gboolean unvaried)
{
  guint n = s->suffixes ? evl_lexicon_size (s->suffixes) : 0;
  guint32 n_slots = 64;
  while ((gsize) n_slots < (gsize) n * 2)
    n_slots *= 2;
  k->suffix_mask = n_slots - 1;
  k->suffixes = g_new0 (EvlKnownSuffix, n_slots);
  k->suffixes_complete = unvaried && s->suffixes != NULL;
  for (guint i = 0; i < n; i++)
    {
      const char *c = evl_lexicon_get (s->suffixes, i)->canonical;
      gsize len = strlen (c), kn = len - 2;
      if (len < 4 || len > 6 || c[1] != ':' || (gsize) (c[0] - '0') != kn
          || !folds_to_itself (c, len))
        {
          k->suffixes_complete = FALSE;
          continue;
        }
      guint32 bytes = 0;
      memcpy (&bytes, c + 2, kn);
      guint64 code = (guint64) kn << 32 | bytes;
      guint32 j = evl_known_suffix_slot (code, k->suffix_mask);
      while (k->suffixes[j].code != 0 && k->suffixes[j].code != code)
        j = (j + 1) & k->suffix_mask;
      k->suffixes[j].code = code;
      k->suffixes[j].weight = evl_entry_milli (evl_lexicon_lookup (s->suffixes, c, (gssize) len), 0);
    }
}

/* lexicon.c's trim(): the field [*b, *e) without the blanks around it. */
static void
trim_field (const char **b, const char **e)
{
  while (*b < *e && (**b == ' ' || **b == '\t'))
    (*b)++;
  while (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
    (*e)--;
}

GPtrArray *
evl_known_text_keys (const char *text, gsize len)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  const char *p = text, *end = text + len;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      if (eol == NULL)
        eol = end;
      const char *b = p, *e = eol;
      p = eol + 1;
      trim_field (&b, &e);
      if (b == e || *b == '#')
        continue;
      const char *tab = memchr (b, '\t', (gsize) (e - b));
      const char *forms_end = tab ? tab : e;
      for (const char *f = b; f != NULL;)
        {
          const char *bar = memchr (f, '|', (gsize) (forms_end - f));
          const char *fb = f, *fe = bar ? bar : forms_end;
          f = bar ? bar + 1 : NULL;
          trim_field (&fb, &fe);
          if (fb < fe)
            g_ptr_array_add (keys, g_strndup (fb, (gsize) (fe - fb)));
        }
    }
  return keys;
}

/* Do all canonical forms of @lex fold to themselves? */
static gboolean
canonicals_fold_to_themselves (const EvlLexicon *lex)
{
  for (guint i = 0; lex && i < evl_lexicon_size (lex); i++)
    {
      const char *w = evl_lexicon_get (lex, i)->canonical;
      if (!folds_to_itself (w, strlen (w)))
        return FALSE;
    }
  return lex != NULL;
}

void G_GNUC_NO_INLINE
evl_known_words_build (EvlKnownWords *k, const EvlWordSources *s, gboolean lemmas_unvaried,
                       gboolean suffixes_unvaried, gboolean forms_unvaried,
                       const GPtrArray *irregular_variants)
{
  const EvlLexicon *lexicons[] = { s->forms, s->lemmas, s->irregular };
  guint n = 0;
  for (guint j = 0; j < G_N_ELEMENTS (lexicons); j++)
    n += lexicons[j] ? evl_lexicon_size (lexicons[j]) : 0;
  n += irregular_variants ? irregular_variants->len : 0;
  memset (k, 0, sizeof *k);
  guint32 n_slots = 64;
  while ((gsize) n_slots < (gsize) n * 2)   /* load at most 1/2: most probes miss */
    n_slots *= 2;
  k->mask = n_slots - 1;
  k->slots = g_new0 (EvlKnownSlot, n_slots);
  guint cap = 64;
  k->words = g_new (EvlKnownWord, cap);
  KnownStrings strings = { g_byte_array_new (), g_hash_table_new (g_str_hash, g_str_equal) };
  for (guint j = 0; j < G_N_ELEMENTS (lexicons); j++)
    for (guint i = 0; lexicons[j] && i < evl_lexicon_size (lexicons[j]); i++)
      {
        const char *w = evl_lexicon_get (lexicons[j], i)->canonical;
        known_add (k, s, &strings, w, strlen (w), &cap);
      }
  /* a key is its entry's canonical or a variant folded; one that folds
   * to itself is a word here when it is short enough (known_add()) */
  k->lemmas_complete = lemmas_unvaried && canonicals_fold_to_themselves (s->lemmas);
  k->keys_complete = forms_unvaried && irregular_variants != NULL
                     && canonicals_fold_to_themselves (s->forms)
                     && canonicals_fold_to_themselves (s->irregular);
  for (guint i = 0; irregular_variants && i < irregular_variants->len; i++)
    {
      const char *w = g_ptr_array_index (irregular_variants, i);
      gsize wn = strlen (w);
      if (!folds_to_itself (w, wn) || evl_lexicon_lookup (s->irregular, w, wn) == NULL)
        k->keys_complete = FALSE;
      else
        known_add (k, s, &strings, w, wn, &cap);
    }
  known_suffixes_build (k, s, suffixes_unvaried);
  g_hash_table_unref (strings.offsets);
  k->n_strings = strings.bytes->len;
  k->strings = (char *) g_byte_array_free (strings.bytes, FALSE);
}

void
evl_known_words_clear (EvlKnownWords *k)
{
  if (!k->mapped)
    {
      g_free (k->slots);
      g_free (k->words);
      g_free (k->suffixes);
      g_free (k->strings);
    }
  memset (k, 0, sizeof *k);
}

/* A KnownHeader, then the table and the words, each at an 8-byte
 * boundary, native byte order. */
#define KNOWN_MAGIC "EVLKNOWN"
#define KNOWN_VERSION 5u

typedef struct {
  char magic[8];
  guint32 layout;            /* KNOWN_LAYOUT */
  guint32 mask, n_words;
  guint32 slots, words;      /* offsets */
  guint32 lemmas_complete;
  guint32 suffixes, suffix_mask, suffixes_complete, keys_complete;
  guint32 strings, n_strings;
  EvlKnownFingerprint lexicons;   /* what the words were filled from */
} KnownHeader;

#define KNOWN_LAYOUT (KNOWN_VERSION << 24 | (guint32) sizeof (KnownHeader) << 12 \
                      | (guint32) sizeof (EvlKnownWord) << 4 | (guint32) sizeof (EvlKnownSlot))

void
evl_known_words_write (GByteArray *image, const EvlKnownWords *k, const EvlKnownFingerprint *f)
{
  g_return_if_fail (image->len == 0 && !k->mapped);
  KnownHeader h;
  memset (&h, 0, sizeof h);
  memcpy (h.magic, KNOWN_MAGIC, sizeof h.magic);
  h.layout = KNOWN_LAYOUT;
  h.mask = k->mask;
  h.n_words = k->n_words;
  h.lemmas_complete = (guint32) k->lemmas_complete;
  h.suffix_mask = k->suffix_mask;
  h.suffixes_complete = (guint32) k->suffixes_complete;
  h.keys_complete = (guint32) k->keys_complete;
  h.lexicons = *f;
  g_byte_array_append (image, (const guint8 *) &h, sizeof h);
  h.slots = add_section (image, k->slots, ((gsize) k->mask + 1) * sizeof (EvlKnownSlot));
  h.words = add_section (image, k->words, (gsize) k->n_words * sizeof (EvlKnownWord));
  h.suffixes = add_section (image, k->suffixes,
                            ((gsize) k->suffix_mask + 1) * sizeof (EvlKnownSuffix));
  h.strings = add_section (image, k->strings, k->n_strings);
  h.n_strings = k->n_strings;
  add_section (image, NULL, 0);
  memcpy (image->data, &h, sizeof h);
}

gboolean
evl_known_words_map (EvlKnownWords *k, const guint8 *image, gsize len,
                     const EvlKnownFingerprint *f)
{
  const KnownHeader *h = (gconstpointer) image;
  if (image == NULL || len < sizeof *h || ((guintptr) image & 7) != 0
      || memcmp (h->magic, KNOWN_MAGIC, sizeof h->magic) != 0 || h->layout != KNOWN_LAYOUT
      || memcmp (&h->lexicons, f, sizeof *f) != 0 || ((h->mask + 1) & h->mask) != 0
      || h->n_words > h->mask
      || !section_ok (h->slots, ((gsize) h->mask + 1) * sizeof (EvlKnownSlot), len)
      || !section_ok (h->words, (gsize) h->n_words * sizeof (EvlKnownWord), len)
      || ((h->suffix_mask + 1) & h->suffix_mask) != 0
      || !section_ok (h->suffixes, ((gsize) h->suffix_mask + 1) * sizeof (EvlKnownSuffix), len)
      || !section_ok (h->strings, h->n_strings, len)
      || (h->n_strings > 0 && image[h->strings + h->n_strings - 1] != '\0'))
    return FALSE;
  memset (k, 0, sizeof *k);
  k->mapped = TRUE;
  k->lemmas_complete = h->lemmas_complete != 0;
  k->suffixes_complete = h->suffixes_complete != 0;
  k->keys_complete = h->keys_complete != 0;
  k->suffixes = (gpointer) (image + h->suffixes);
  k->suffix_mask = h->suffix_mask;
  k->strings = (gpointer) (image + h->strings);
  k->n_strings = h->n_strings;
  /* read only: a mapped image is never written */
  k->slots = (gpointer) (image + h->slots);
  k->mask = h->mask;
  k->words = (gpointer) (image + h->words);
  k->n_words = h->n_words;
  return TRUE;
}
