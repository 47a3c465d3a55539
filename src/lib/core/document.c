/* EvlDocument: text, metadata and the annotation arrays every stage fills.
 * Strings (and alias arrays) live in the document's own blocks, so
 * annotating allocates per block, never per string or record, and
 * freeing a document is a handful of frees. */
#include "evl-private.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* evl_document_intern(): an open-addressing set of the strings already in
 * the pool (GStringChunk's own const table hashes and compares whole
 * NUL-terminated strings through a GHashTable, several times slower). */
typedef struct {
  const char *str;      /* in the pool; NULL = empty slot */
  guint32 len, hash;
} InternSlot;

/* A record array.  Not a GArray: the array is part of the document (no
 * allocation of its own), the first growth goes straight to a capacity
 * estimated from the text's length (GArray doubled from 16 bytes, and
 * its reallocations and zeroing were 4.6 M instructions on the 400 small
 * documents), and an append is an inline bounds check and a copy. */
typedef struct {
  char *data;
  guint len, cap;
  gboolean borrowed;   /* data is a part of the document's first block */
} Vec;

/* Interned strings and the alias arrays of entity clusters: carved from
 * blocks the document frees whole (a g_new per cluster was 1 % of tag's
 * CPU time in malloc; GStringChunk took 60 instructions an insertion,
 * 1.5 M on the 400 small documents, and two allocations per document). */
typedef struct _Block Block;
struct _Block {
  Block *next;
  gsize size, used;
  /* then size bytes, pointer-aligned */
};

struct _EvlDocument {
  gatomicrefcount ref;
  char *id;
  char *text;
  gsize len;
  char *path, *title, *url;
  char *dct;
  EvlDay dct_day;
  EvlDctSource dct_source;
  gboolean annotated;
  InternSlot *interned;
  guint64 *interned_bits;   /* a bit per slot: in use (see intern_grow()) */
  guint32 interned_mask, interned_used;
  guint32 interned_limit;   /* grow when interned_used reaches it (half the slots; 0: no table) */
  Vec tokens, sentences, timexes, ementions, clusters, events, gold;
  char *first;              /* (nullable) see first_block() */
  gboolean first_tried;
  InternSlot *first_intern; /* (nullable) the intern table's part of @first */
  guint32 first_intern_slots;
  Block *blocks;
  Block *first_strings;     /* (nullable) the string block in @first */
  /* then the id and the text (evl_document_new()) */
};

static void first_block (EvlDocument *doc);
static guint32 intern_first_slots (const EvlDocument *doc);

/* Room for @n more records of @elt bytes in @v (of @doc), at least
 * @first when it has none yet.  Aborts like g_realloc_n() on overflow. */
static G_GNUC_NO_INLINE void
vec_grow (EvlDocument *doc, Vec *v, gsize elt, gsize n, gsize first)
{
  if (!doc->first_tried)
    {
      first_block (doc);
      if ((gsize) (v->cap - v->len) >= n)
        return;
    }
  gsize need = (gsize) v->len + n;
  if (need > G_MAXUINT)
    g_error ("eventline: more than %u annotation records", G_MAXUINT);
  gsize cap = v->cap ? v->cap : MAX (first, 4);
  while (cap < need)
    cap = cap > G_MAXUINT / 2 ? G_MAXUINT : cap * 2;
  if (v->borrowed)
    {
      /* Out of the first block: the records move to an array of their own. */
      char *data = g_malloc_n (cap, elt);
      memcpy (data, v->data, (gsize) v->len * elt);
      v->data = data;
      v->borrowed = FALSE;
    }
  else
    v->data = g_realloc_n (v->data, cap, elt);
  v->cap = (guint) cap;
}

/* Where @n records go at the end of @v (its length grown by @n). */
G_ALWAYS_INLINE static inline gpointer
vec_push (EvlDocument *doc, Vec *v, gsize elt, gsize n, gsize first)
{
  if (G_UNLIKELY ((gsize) (v->cap - v->len) < n))
    vec_grow (doc, v, elt, n, first);
  gpointer at = v->data + (gsize) v->len * elt;
  v->len += (guint) n;
  return at;
}

static void
vec_free (Vec *v)
{
  if (!v->borrowed)
    g_free (v->data);
}

/* First capacities from the text's length: on the 400 small documents
 * there is a token per 5.5 bytes, an event mention per 45, an entity
 * mention per 87, a cluster per 195 and a timex per 250; these leave
 * most documents with no second growth. */
#define FIRST_TOKENS(doc) ((doc)->len / 5 + 16)
#define FIRST_SENTENCES(doc) ((doc)->len / 64 + 8)
#define FIRST_TIMEXES(doc) ((doc)->len / 128 + 4)
#define FIRST_EMENTIONS(doc) ((doc)->len / 48 + 8)
#define FIRST_CLUSTERS(doc) ((doc)->len / 128 + 4)
#define FIRST_EVENTS(doc) ((doc)->len / 32 + 8)
#define FIRST_GOLD(doc) ((doc)->len / 64 + 8)

/* The first capacity of the token, sentence, timex, entity mention,
 * cluster and event arrays, in one allocation made when the first of
 * them is needed: one malloc and one free per document instead of six
 * (their reallocations from NULL and frees were 0.9 M instructions on
 * the 400 small documents, and the segmenter's token array alone 0.65 M
 * more).  An array that outgrows its part moves out to an allocation of
 * its own (vec_grow()).  The segmenter writes its tokens straight into
 * their part (evl_document_token_room()); gold tags come only from
 * TimeML. */
/* The largest first block's record parts: texts up to about 10 kB (9.3
 * bytes of records per byte of text). */
#define FIRST_BLOCK_MAX (96 * 1024)

/* The first string block's size with its header (doc_alloc_aligned()). */
#define FIRST_STRINGS 4096

/* One first block kept from a freed document for the next one, in any
 * thread: blocks of tens of kB take malloc's slow path, and their malloc
 * and free were 0.33 M instructions on the 400 small documents.  A
 * block's usable size is in its first BLOCK_HEAD bytes; sizes are
 * rounded up to BLOCK_STEP so that the next document mostly fits the
 * spare. */
static gpointer spare_block;   /* (atomic) (nullable) */
#define BLOCK_HEAD 16
#define BLOCK_STEP (8 * 1024)

static char *
first_block_alloc (gsize size)
{
  char *b = g_atomic_pointer_exchange (&spare_block, NULL);
  if (b != NULL && *(gsize *) (void *) b >= size)
    return b + BLOCK_HEAD;
  g_free (b);
  size = (size + BLOCK_STEP - 1) & ~(gsize) (BLOCK_STEP - 1);
  b = g_malloc (BLOCK_HEAD + size);
  *(gsize *) (void *) b = size;
  return b + BLOCK_HEAD;
}

static void
first_block_free (char *first)
{
  if (first != NULL)
    g_free (g_atomic_pointer_exchange (&spare_block, first - BLOCK_HEAD));
}

static void
first_block (EvlDocument *doc)
{
  struct {
    Vec *v;
    gsize elt, n;
  } part[] = {
    { &doc->tokens, sizeof (EvlToken), FIRST_TOKENS (doc) },
    { &doc->sentences, sizeof (EvlSentence), FIRST_SENTENCES (doc) },
    { &doc->timexes, sizeof (EvlTimex), FIRST_TIMEXES (doc) },
    { &doc->ementions, sizeof (EvlEntityMention), FIRST_EMENTIONS (doc) },
    { &doc->clusters, sizeof (EvlEntityCluster), FIRST_CLUSTERS (doc) },
    { &doc->events, sizeof (EvlEventMention), FIRST_EVENTS (doc) },
  };
  gsize size = 0;
  for (guint k = 0; k < G_N_ELEMENTS (part); k++)
    size += (part[k].elt * part[k].n + 15) & ~(gsize) 15;
  doc->first_tried = TRUE;
  /* A part an array outgrows stays allocated with the block: only small
   * documents get one (the parts of a 50 MB text would keep 200 MB
   * resident after the events moved out). */
  if (size > FIRST_BLOCK_MAX)
    return;
  /* The intern table's first size and the first string block go in too,
   * when none is made yet: two mallocs and two frees per document less
   * (0.4 M instructions on the 400 small documents).  At most 20.6 kB:
   * 1,024 slots and their bits, and 4 kB. */
  gsize intern_at = size, intern_size = 0;
  if (doc->interned == NULL)
    {
      guint32 n = intern_first_slots (doc);
      intern_size = (gsize) n * sizeof (InternSlot) + (gsize) n / 8;
      doc->first_intern_slots = n;
      size += (intern_size + 15) & ~(gsize) 15;
    }
  gsize strings_at = size;
  if (doc->blocks == NULL)
    size += FIRST_STRINGS;
  doc->first = first_block_alloc (size);
  gsize at = 0;
  for (guint k = 0; k < G_N_ELEMENTS (part); k++)
    {
      Vec *v = part[k].v;
      if (v->cap == 0)
        {
          v->data = doc->first + at;
          v->cap = (guint) part[k].n;
          v->borrowed = TRUE;
        }
      at += (part[k].elt * part[k].n + 15) & ~(gsize) 15;
    }
  if (intern_size)
    doc->first_intern = (InternSlot *) (void *) (doc->first + intern_at);
  if (doc->blocks == NULL)
    {
      Block *b = (Block *) (void *) (doc->first + strings_at);
      b->next = NULL;
      b->size = FIRST_STRINGS - sizeof (Block);
      b->used = 0;
      doc->blocks = doc->first_strings = b;
    }
}

/* @n bytes that live as long as @doc, at a multiple of @align (a power
 * of two, at most a pointer's size) from the block's start. */
static gpointer
doc_alloc_aligned (EvlDocument *doc, gsize n, gsize align)
{
  Block *b = doc->blocks;
  gsize at = b ? (b->used + align - 1) & ~(align - 1) : 0;
  if (b == NULL || at > b->size || b->size - at < n)
    {
      gsize size = MAX (n, (gsize) 4096 - sizeof (Block));
      b = g_malloc (sizeof (Block) + size);
      b->size = size;
      b->used = 0;
      b->next = doc->blocks;
      doc->blocks = b;
      at = 0;
    }
  gpointer p = (char *) (b + 1) + at;
  b->used = at + n;
  return p;
}

static gpointer
doc_alloc (EvlDocument *doc, gsize n)
{
  return doc_alloc_aligned (doc, n, sizeof (gpointer));
}

static inline guint32
load32 (const char *p)
{
  guint32 w;
  memcpy (&w, p, 4);
  return w;
}

/* A NUL-ended copy of @str (@n bytes, no NUL among them) in @doc.
 * Interned strings are short: up to 64 bytes are copied inline in
 * eight- or four-byte (overlapping) moves; a memcpy() call was 19
 * instructions a string, 0.5 M on the 400 small documents. */
G_ALWAYS_INLINE static inline const char *
doc_strndup (EvlDocument *doc, const char *str, gsize n)
{
  char *copy = doc_alloc_aligned (doc, n + 1, 1);
  if (n > 64)
    memcpy (copy, str, n);
  else if (n >= 8)
    {
      for (gsize i = 0; i + 8 < n; i += 8)
        memcpy (copy + i, str + i, 8);
      memcpy (copy + n - 8, str + n - 8, 8);
    }
  else if (n >= 4)
    {
      guint32 a = load32 (str), b = load32 (str + n - 4);
      memcpy (copy, &a, 4);
      memcpy (copy + n - 4, &b, 4);
    }
  else
    for (gsize i = 0; i < n; i++)
      copy[i] = str[i];
  copy[n] = '\0';
  return copy;
}

/* TRUE when @s (@n bytes) is certainly valid for g_utf8_validate_len():
 * no NUL, every sequence a well-formed scalar value.  Checks ASCII eight
 * bytes a step (g_utf8_validate_len() was 6.1 M instructions, 9 a byte,
 * for the 400 small documents).  FALSE means "ask GLib", which also
 * covers what GLib's rules might treat otherwise (noncharacters). */
static gboolean
utf8_surely_valid (const char *s, gsize n)
{
  const guchar *p = (const guchar *) s, *end = p + n;
#ifdef __SSE2__
  const __m128i zero = _mm_setzero_si128 ();
#endif
  while (p < end)
    {
#ifdef __SSE2__
      /* Sixty-four bytes a step while they are ASCII without a NUL: the
       * high bit of their OR tells a non-ASCII byte, their minimum a NUL
       * (one test per sixteen bytes was 0.7 M instructions on the 400
       * small documents). */
      while (end - p >= 64)
        {
          const __m128i *q = (const __m128i *) (const void *) p;
          __m128i a = _mm_loadu_si128 (q), b = _mm_loadu_si128 (q + 1);
          __m128i c = _mm_loadu_si128 (q + 2), d = _mm_loadu_si128 (q + 3);
          __m128i any = _mm_or_si128 (_mm_or_si128 (a, b), _mm_or_si128 (c, d));
          __m128i low = _mm_min_epu8 (_mm_min_epu8 (a, b), _mm_min_epu8 (c, d));
          if (_mm_movemask_epi8 (_mm_or_si128 (any, _mm_cmpeq_epi8 (low, zero))))
            break;
          p += 64;
        }
      /* The 64-byte steps can end the text: @s is the caller's, with
       * nothing readable past @n. */
      if (p == end)
        break;
      /* Sixteen bytes a step: a byte's high bit is set in x | (x == 0)
       * when it is not ASCII or is a NUL (eight-byte steps alone were
       * 0.9 M instructions on the 400 small documents). */
      if (end - p >= 16)
        {
          __m128i x = _mm_loadu_si128 ((const __m128i *) (const void *) p);
          if (!_mm_movemask_epi8 (_mm_or_si128 (x, _mm_cmpeq_epi8 (x, zero))))
            {
              p += 16;
              continue;
            }
        }
#endif
      if (end - p >= 8)
        {
          guint64 w = evl_load64 ((const char *) p);
          if (((w & EVL_SWAR_HIGHS) | evl_swar_below (w, 1)) == 0)   /* ASCII, no NUL */
            {
              p += 8;
              continue;
            }
        }
      guint c = *p;
      if (c < 0x80)
        {
          if (c == 0)
            return FALSE;
          p++;
          continue;
        }
      gsize need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (need == 0 || (gsize) (end - p) < need)
        return FALSE;
      guint u = c & (0x7Fu >> need);
      for (gsize k = 1; k < need; k++)
        {
          if ((p[k] & 0xC0) != 0x80)
            return FALSE;
          u = u << 6 | (p[k] & 0x3Fu);
        }
      if ((need == 3 && (u < 0x800 || (u >= 0xD800 && u <= 0xDFFF)))
          || (need == 4 && (u < 0x10000 || u > 0x10FFFF))
          || (u >= 0xFDD0 && u <= 0xFDEF) || (u & 0xFFFE) == 0xFFFE)
        return FALSE;
      p += need;
    }
  return TRUE;
}

/* Zero bytes after a document's text and its NUL (evl_document_new()):
 * src/lib/segment/segment.c and token_word() in src/lib/events/story.c
 * read up to fifteen bytes past the NUL; shrink this and they overrun. */
#define TEXT_PAD 15

EvlDocument *
evl_document_new (const char *id, const char *text, gssize len, GError **error)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL || len == 0, NULL);
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  const char *bad = NULL;
  if (!utf8_surely_valid (text, n) && !g_utf8_validate_len (text, n, &bad))
    {
      evl_fail (error, EVL_ERROR_ENCODING, "invalid UTF-8 at byte %" G_GSIZE_FORMAT,
                (gsize) (bad - text));
      return NULL;
    }
  if (n >= G_MAXUINT32)
    {
      evl_fail (error, EVL_ERROR_TOO_LARGE, "document larger than 4 GiB");
      return NULL;
    }
  /* The record, its id and its text in one allocation (three were
   * 0.34 M instructions to allocate on the 400 small documents, and two
   * frees more); the text last, so that a read past its end meets the
   * allocation's end, after its NUL and TEXT_PAD more zero bytes: the
   * segmenter's sixteen-byte loads at any offset up to the text's end
   * stay inside the allocation, so its word scan needs no bound check
   * (NUL ends every run it looks for). */
  gsize id_len = strlen (id);
  EvlDocument *doc = g_malloc (sizeof *doc + id_len + 1 + n + 1 + TEXT_PAD);
  memset (doc, 0, sizeof *doc);
  g_atomic_ref_count_init (&doc->ref);
  doc->id = (char *) (doc + 1);
  memcpy (doc->id, id, id_len + 1);
  /* Valid UTF-8 for GLib holds no NUL: a plain copy. */
  doc->text = doc->id + id_len + 1;
  if (n)
    memcpy (doc->text, text, n);
  memset (doc->text + n, 0, 1 + TEXT_PAD);
  doc->len = n;
  return doc;
}

EvlDocument *
evl_document_ref (EvlDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_atomic_ref_count_inc (&doc->ref);
  return doc;
}

void
evl_document_unref (EvlDocument *doc)
{
  if (doc == NULL || !g_atomic_ref_count_dec (&doc->ref))
    return;
  g_free (doc->path);
  g_free (doc->title);
  g_free (doc->url);
  g_free (doc->dct);
  evl_document_clear_events (doc);
  evl_document_clear_entities (doc);
  if (doc->interned != doc->first_intern)
    g_free (doc->interned);
  vec_free (&doc->tokens);
  vec_free (&doc->sentences);
  vec_free (&doc->timexes);
  vec_free (&doc->ementions);
  vec_free (&doc->clusters);
  vec_free (&doc->events);
  vec_free (&doc->gold);
  for (Block *b = doc->blocks, *next; b; b = next)
    {
      next = b->next;
      if (b != doc->first_strings)
        g_free (b);
    }
  first_block_free (doc->first);
  g_free (doc);
}

const char *
evl_document_get_id (const EvlDocument *doc)
{
  return doc->id;
}

const char *
evl_document_get_text (const EvlDocument *doc, gsize *len)
{
  if (len)
    *len = doc->len;
  return doc->text;
}

#define STRING_PROP(name)                                               \
  const char *evl_document_get_##name (const EvlDocument *doc)          \
  { return doc->name; }                                                 \
  void evl_document_set_##name (EvlDocument *doc, const char *v)        \
  { g_free (doc->name); doc->name = g_strdup (v); }

STRING_PROP (path)
STRING_PROP (title)
STRING_PROP (url)

gboolean
evl_document_set_dct (EvlDocument *doc, const char *value, EvlDctSource source)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  if (value == NULL || source < doc->dct_source)
    return FALSE;
  EvlDay day = evl_day_parse (value);
  if (day == 0)
    {
      /* A bare year or month as DCT still gives the timex module a year. */
      EvlDay b = 0, e = 0;
      EvlGrain grain;
      if (!evl_timex_value_bounds (value, &b, &e, &grain))
        return FALSE;
      day = b;
    }
  g_free (doc->dct);
  doc->dct = g_strdup (value);
  doc->dct_day = day;
  doc->dct_source = source;
  return TRUE;
}

void
evl_document_set_annotated (EvlDocument *doc, gboolean annotated)
{
  doc->annotated = annotated;
}

gboolean
evl_document_get_annotated (const EvlDocument *doc)
{
  return doc->annotated;
}

const char *
evl_document_get_dct (const EvlDocument *doc)
{
  return doc->dct;
}

EvlDay
evl_document_get_dct_day (const EvlDocument *doc)
{
  return doc->dct_day;
}

EvlDctSource
evl_document_get_dct_source (const EvlDocument *doc)
{
  return doc->dct_source;
}

static inline gboolean
intern_slot_used (const EvlDocument *doc, guint32 i)
{
  return (doc->interned_bits[i >> 6] >> (i & 63)) & 1;
}

/* The intern table's first number of slots, from the text's length: on
 * the 400 small documents a document interns a distinct string per 26
 * bytes (median); a slot per 12 bytes, 64 to 1024 of them, zeroes 22 %
 * fewer bytes than a fixed 256 with as few regrowths (30 against 26). */
static guint32
intern_first_slots (const EvlDocument *doc)
{
  guint32 n = 64;
  while (n < 1024 && n < doc->len / 12)
    n *= 2;
  return n;
}

/* The table and its in-use bits are one allocation (the first one part
 * of the first block when there is one), and only the bits are zeroed:
 * g_new0() of the slots zeroed 16 bytes a slot, 1.5 M instructions for
 * 427 tables on the 400 small documents. */
static void
intern_grow (EvlDocument *doc)
{
  guint32 old_n = doc->interned ? doc->interned_mask + 1 : 0;
  InternSlot *old = doc->interned;
  const guint64 *old_bits = doc->interned_bits;
  guint32 n = old_n ? old_n * 2 : intern_first_slots (doc);
  if (old_n == 0 && doc->first_intern)
    doc->interned = doc->first_intern;
  else
    doc->interned = g_malloc ((gsize) n * sizeof (InternSlot) + (gsize) n / 8);
  doc->interned_bits = (guint64 *) (void *) (doc->interned + n);
  memset (doc->interned_bits, 0, (gsize) n / 8);
  doc->interned_mask = n - 1;
  doc->interned_limit = n / 2;
  for (guint32 i = 0; i < old_n; i++)
    if ((old_bits[i >> 6] >> (i & 63)) & 1)
      {
        guint32 j = old[i].hash & doc->interned_mask;
        while (intern_slot_used (doc, j))
          j = (j + 1) & doc->interned_mask;
        doc->interned[j] = old[i];
        doc->interned_bits[j >> 6] |= G_GUINT64_CONSTANT (1) << (j & 63);
      }
  if (old != doc->first_intern)
    g_free (old);
}

/* The offset of the first NUL in @s (@n bytes), or @n: eight bytes a
 * step, never reading outside @s. */
static inline gsize
nul_cut (const char *s, gsize n)
{
  gsize i = 0;
  for (; i + 8 <= n; i += 8)
    {
      guint64 m = evl_swar_below (evl_load64 (s + i), 1);
      if (m)
        return i + ((guint) __builtin_ctzll (m) >> 3);
    }
  if (i < n && n >= 8)
    {
      /* The last eight bytes: those before @i were checked, so the
       * lowest flag (exact) is at or after it. */
      guint64 m = evl_swar_below (evl_load64 (s + n - 8), 1);
      return m ? n - 8 + ((guint) __builtin_ctzll (m) >> 3) : n;
    }
  for (; i < n; i++)
    if (s[i] == '\0')
      return i;
  return n;
}

/* The intern table's hash of @s (@n bytes): eight bytes a step, the
 * last partial word as one overlapping load (or two four-byte loads, or
 * three bytes), never reading outside @s.  FNV-1a a byte at a time was
 * 1.9 M of evl_document_intern()'s 5.5 M instructions on the 400 small
 * documents.  Only this table uses it (slots are never iterated in
 * hash order, so the choice changes no output). */
static inline guint32
intern_hash (const char *s, gsize n)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint64 h = n * k;
  gsize i = 0;
  for (; i + 8 <= n; i += 8)
    {
      h = (h ^ evl_load64 (s + i)) * k;
      h = h << 27 | h >> 37;
    }
  if (i < n)
    {
      guint64 w;
      if (n >= 8)
        w = evl_load64 (s + n - 8) >> (8 * (8 - (n - i)));   /* the n - i last bytes */
      else if (n >= 4)
        w = load32 (s) | (guint64) load32 (s + n - 4) << 32;
      else
        w = (guchar) s[0] | (guint) (guchar) s[n / 2] << 8 | (guint) (guchar) s[n - 1] << 16;
      h = (h ^ w) * k;
    }
  h ^= h >> 32;
  h *= G_GUINT64_CONSTANT (0xD6E8FEB86659FD93);
  return (guint32) (h ^ h >> 32);
}

/* Are the @n bytes at @a and @b equal?  Inline word compares: the
 * strings are short (a memcmp() call per hit was 19 instructions). */
static inline gboolean
bytes_equal (const char *a, const char *b, gsize n)
{
  if (n >= 8)
    {
      for (gsize i = 0; i + 8 < n; i += 8)
        if (evl_load64 (a + i) != evl_load64 (b + i))
          return FALSE;
      return evl_load64 (a + n - 8) == evl_load64 (b + n - 8);
    }
  if (n >= 4)
    return load32 (a) == load32 (b) && load32 (a + n - 4) == load32 (b + n - 4);
  for (gsize i = 0; i < n; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

/* The string ends at its first NUL, as the pool's strings do. */
const char *
evl_document_intern (EvlDocument *doc, const char *str, gssize len)
{
  if (str == NULL)
    return NULL;
  gsize n = len < 0 ? strlen (str) : nul_cut (str, (gsize) len);
  if (G_UNLIKELY (n >= G_MAXUINT32))
    return doc_strndup (doc, str, n);
  guint32 h = intern_hash (str, n);
  if (G_UNLIKELY (doc->interned_used >= doc->interned_limit))
    intern_grow (doc);
  guint32 i = h & doc->interned_mask;
  for (; intern_slot_used (doc, i); i = (i + 1) & doc->interned_mask)
    {
      const InternSlot *sl = &doc->interned[i];
      if (sl->hash == h && sl->len == n && bytes_equal (sl->str, str, n))
        return sl->str;
    }
  const char *copy = doc_strndup (doc, str, n);
  doc->interned[i] = (InternSlot) { copy, (guint32) n, h };
  doc->interned_bits[i >> 6] |= G_GUINT64_CONSTANT (1) << (i & 63);
  doc->interned_used++;
  return copy;
}

const char *
evl_document_span_text (EvlDocument *doc, EvlSpan span)
{
  g_return_val_if_fail (span.start <= span.end && span.end <= doc->len, NULL);
  return evl_document_intern (doc, doc->text + span.start, span.end - span.start);
}

#define ARRAY_GET(fn, type, field)                                      \
  const type *fn (const EvlDocument *doc, guint *n_out)                 \
  {                                                                     \
    if (n_out) *n_out = doc->field.len;                                 \
    return (const type *) (void *) doc->field.data;                     \
  }

ARRAY_GET (evl_document_get_tokens, EvlToken, tokens)
ARRAY_GET (evl_document_get_sentences, EvlSentence, sentences)
ARRAY_GET (evl_document_get_timexes, EvlTimex, timexes)
ARRAY_GET (evl_document_get_entity_mentions, EvlEntityMention, ementions)
ARRAY_GET (evl_document_get_entity_clusters, EvlEntityCluster, clusters)
ARRAY_GET (evl_document_get_event_mentions, EvlEventMention, events)
ARRAY_GET (evl_document_get_gold, EvlGoldTag, gold)

#define ARRAY_ADD(fn, type, field, first)                               \
  guint fn (EvlDocument *doc, const type *rec)                          \
  {                                                                     \
    *(type *) vec_push (doc, &doc->field, sizeof (type), 1, first (doc)) = *rec; \
    return doc->field.len - 1;                                          \
  }

ARRAY_ADD (evl_document_add_token, EvlToken, tokens, FIRST_TOKENS)
ARRAY_ADD (evl_document_add_sentence, EvlSentence, sentences, FIRST_SENTENCES)
ARRAY_ADD (evl_document_add_timex, EvlTimex, timexes, FIRST_TIMEXES)
ARRAY_ADD (evl_document_add_entity_mention, EvlEntityMention, ementions, FIRST_EMENTIONS)
ARRAY_ADD (evl_document_add_gold, EvlGoldTag, gold, FIRST_GOLD)

#define ARRAY_ADD_N(fn, type, field, first)                             \
  guint fn (EvlDocument *doc, const type *recs, guint n)                \
  {                                                                     \
    guint at = doc->field.len;                                          \
    if (n > 0)                                                          \
      memcpy (vec_push (doc, &doc->field, sizeof (type), n, first (doc)), recs, \
              (gsize) n * sizeof (type));                               \
    return at;                                                          \
  }

/* The segmenter's whole token array in one copy (see also
 * evl_document_take_tokens()): appending 125,000 tokens one call at a
 * time was 12.4 M instructions on the 400 small documents. */
ARRAY_ADD_N (evl_document_add_tokens, EvlToken, tokens, FIRST_TOKENS)
ARRAY_ADD_N (evl_document_add_sentences, EvlSentence, sentences, FIRST_SENTENCES)
/* The clusterer's mentions in one copy (one call each was 1.44 M
 * instructions for 7,856 mentions on the 400 small documents). */
ARRAY_ADD_N (evl_document_add_entity_mentions, EvlEntityMention, ementions, FIRST_EMENTIONS)

EvlToken *
evl_document_token_room (EvlDocument *doc, guint used, guint n, guint *room)
{
  Vec *v = &doc->tokens;
  if ((gsize) (v->cap - v->len) < (gsize) used + n)
    {
      /* The @used records past the length move with the array. */
      v->len += used;
      vec_grow (doc, v, sizeof (EvlToken), n, FIRST_TOKENS (doc));
      v->len -= used;
    }
  *room = v->cap - v->len;
  return (EvlToken *) (void *) v->data + v->len;
}

void
evl_document_token_commit (EvlDocument *doc, guint n)
{
  g_return_if_fail ((gsize) doc->tokens.len + n <= doc->tokens.cap);
  doc->tokens.len += n;
}

void
evl_document_take_tokens (EvlDocument *doc, EvlToken *tokens, guint n, guint cap)
{
  g_return_if_fail (n <= cap && (tokens != NULL || cap == 0));
  if (doc->tokens.len > 0)
    {
      evl_document_add_tokens (doc, tokens, n);
      g_free (tokens);
      return;
    }
  vec_free (&doc->tokens);
  doc->tokens.borrowed = FALSE;
  doc->tokens.data = (char *) tokens;
  doc->tokens.len = n;
  doc->tokens.cap = cap;
}

guint
evl_document_add_entity_cluster (EvlDocument *doc, const EvlEntityCluster *c)
{
  EvlEntityCluster copy = *c;
  if (c->aliases)
    {
      gsize n = 0;
      while (c->aliases[n])
        n++;
      const char **a = doc_alloc (doc, (n + 1) * sizeof *a);
      for (gsize i = 0; i < n; i++)
        a[i] = evl_document_intern (doc, c->aliases[i], -1);
      a[n] = NULL;
      copy.aliases = a;
    }
  *(EvlEntityCluster *) vec_push (doc, &doc->clusters, sizeof copy, 1, FIRST_CLUSTERS (doc)) = copy;
  return doc->clusters.len - 1;
}

/* For a clusterer whose alias strings are already this document's own
 * (evl_document_intern(), evl_document_span_text()): the alias array is
 * copied without re-interning.  The general appender took 4.39 M
 * instructions for 3,510 clusters on the 400 small documents (a
 * GPtrArray and a hash probe per alias). */
guint
evl_document_add_entity_cluster_interned (EvlDocument *doc, const EvlEntityCluster *c)
{
  EvlEntityCluster copy = *c;
  if (c->aliases)
    {
      gsize n = 0;
      while (c->aliases[n])
        n++;
      const char **a = doc_alloc (doc, (n + 1) * sizeof *a);
      memcpy (a, c->aliases, (n + 1) * sizeof *a);
      copy.aliases = a;
    }
  *(EvlEntityCluster *) vec_push (doc, &doc->clusters, sizeof copy, 1, FIRST_CLUSTERS (doc)) = copy;
  return doc->clusters.len - 1;
}

/* evl_document_add_event_mention() when the array must grow: @e may be
 * one of its records, which growing moves, so it is copied first. */
static G_GNUC_NO_INLINE guint
add_event_mention_growing (EvlDocument *doc, const EvlEventMention *e, const gint32 *parts,
                           guint32 n_parts)
{
  EvlEventMention tmp = *e;
  EvlEventMention *dst = vec_push (doc, &doc->events, sizeof *dst, 1, FIRST_EVENTS (doc));
  *dst = tmp;
  dst->participants = parts;
  dst->n_participants = n_parts;
  return doc->events.len - 1;
}

guint
evl_document_add_event_mention (EvlDocument *doc, const EvlEventMention *e)
{
  const gint32 *parts = NULL;
  guint32 n_parts = 0;
  if (e->n_participants > 0 && e->participants)
    {
      parts = g_memdup2 (e->participants, e->n_participants * sizeof (gint32));
      n_parts = e->n_participants;
    }
  /* With room left the array does not move, so @e, even one of its own
   * records, is copied straight into the new one (a copy on the stack
   * first was 0.3 M instructions for 15,000 mentions on the 400 small
   * documents, and testing whether @e is in the array 0.2 M more). */
  if (G_UNLIKELY (doc->events.cap == doc->events.len))
    return add_event_mention_growing (doc, e, parts, n_parts);
  EvlEventMention *dst = vec_push (doc, &doc->events, sizeof *dst, 1, FIRST_EVENTS (doc));
  *dst = *e;
  dst->participants = parts;
  dst->n_participants = n_parts;
  return doc->events.len - 1;
}

#define ARRAY_PEEK(fn, type, field)                                     \
  type *fn (EvlDocument *doc, guint i)                                  \
  {                                                                     \
    g_return_val_if_fail (i < doc->field.len, NULL);                    \
    return &((type *) (void *) doc->field.data)[i];                     \
  }

ARRAY_PEEK (evl_document_peek_timex, EvlTimex, timexes)
ARRAY_PEEK (evl_document_peek_entity_mention, EvlEntityMention, ementions)
ARRAY_PEEK (evl_document_peek_event_mention, EvlEventMention, events)
ARRAY_PEEK (evl_document_peek_sentence, EvlSentence, sentences)

void
evl_document_clear_timexes (EvlDocument *doc)
{
  doc->timexes.len = 0;
}

void
evl_document_clear_events (EvlDocument *doc)
{
  const EvlEventMention *ev = (const EvlEventMention *) (void *) doc->events.data;
  /* Most mentions have no participants: a g_free (NULL) call each was
   * 0.35 M instructions on the 400 small documents. */
  for (guint i = 0; i < doc->events.len; i++)
    if (ev[i].participants)
      g_free ((gpointer) ev[i].participants);
  doc->events.len = 0;
}

void
evl_document_clear_entities (EvlDocument *doc)
{
  /* The alias arrays stay in the document's blocks until it is freed. */
  doc->clusters.len = 0;
  doc->ementions.len = 0;
}

gint
evl_document_token_at (const EvlDocument *doc, guint32 offset)
{
  const EvlToken *t = (const EvlToken *) (void *) doc->tokens.data;
  guint lo = 0, hi = doc->tokens.len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (t[mid].span.end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < doc->tokens.len && t[lo].span.start <= offset)
    return (gint) lo;
  return -1;
}
