/* EvlLexicon: one lexicon file's entries and its O(1) index, either
 * parsed from text (evl_lexicon_parse(): files given with --data-dir, and the
 * build-time tool) or mapped from the image that tool wrote into the
 * library (evl_lexicon_index_map(): the compiled-in lexicons).
 *
 * Line format (data/README.md): "canonical|variant|...<TAB>attr<TAB>attr",
 * '#' starts a comment line, blank lines are skipped.  Keys are folded with
 * evl_fold_key() so lookups from the hot path need no allocation. */
#include "lexicon-private.h"

#include <string.h>

/* Open-addressing table keyed by folded form.  Lookups fold and hash the
 * probe into a stack buffer, so the hot path never allocates.  A slot is
 * only the hash and the key's number (8 bytes: the biggest lexicon's
 * table stays within ~128 kB, and a probe that misses, the common case,
 * reads one cache line); the key itself is read only when the hashes
 * agree.  Measured with perf, the slot load was most of the lookup's
 * time when slots held the key pointer and length (24 bytes, load 0.5). */
typedef struct {
  guint32 hash;
  guint32 ref;            /* 1 + index into keys; 0 = empty slot */
} Slot;

/* A folded key as 64-bit words, zero-padded: its first eight bytes sit
 * in the record (a hit on a short key, most words, reads no other
 * memory), the rest in the lexicon's word arena; comparing is comparing
 * words, without a memcmp call. */
typedef struct {
  guint64 head;           /* bytes 0-7 */
  guint32 len;
  guint32 off;            /* bytes 8.. in arena[off ...] when len > 8 */
  guint32 entry;          /* index into entries */
  guint32 pad;            /* zero: images are byte-for-byte reproducible */
} Key;

typedef struct _EntryRec EntryRec;

/* A parsed lexicon owns every array; a mapped one only its entries and
 * attrs (the rest points into the image, which is never written), and
 * builds those on first use (entries_of()). */
struct _EvlLexicon {
  char *text;             /* parsed: the file, split in place */
  gboolean mapped;
  Slot *slots;
  guint32 mask;           /* n_slots - 1, n_slots a power of two */
  guint32 used;           /* filled slots = keys used */
  Key *keys;              /* capacity: one per form of the file */
  guint64 *arena;         /* key words beyond the first */
  gsize arena_used;
  EvlLexEntry *entries;   /* file order; one allocation (at most one entry a line);
                           * mapped: NULL until first used, set once (g_once) */
  guint n_entries;
  const char **attrs;     /* every entry's NULL-terminated attrs, one allocation */
  guint max_words;
  /* mapped: the image's entry records, attribute lists and strings,
   * which entries_of() turns into entries and attrs */
  const EntryRec *recs;
  const guint32 *refs;
  const char *strings;
  guint32 n_attr_refs;
};

static const char *const no_attrs[] = { NULL };

/* Room a fold buffer needs beyond its capacity: keys are hashed and
 * compared in words of eight bytes, zero-padded. */
#define KEY_CAP 256
#define KEY_PAD 8

#ifndef G_ALWAYS_INLINE
#define G_ALWAYS_INLINE
#endif

/* One eight-byte step of the key hash, and the final mix that makes the
 * low bits (the slot index) depend on every byte. */
static inline guint64
hash_step (guint64 h, guint64 w)
{
  h = (h ^ w) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  return h ^ (h >> 31);
}

static inline guint32
hash_final (guint64 h)
{
  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0x94D049BB133111EB);
  h ^= h >> 32;
  return (guint32) h;
}

static inline guint64
hash_seed (gsize len)
{
  return G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ len;
}

/* Hash of a folded key of @len bytes in @buf (which has KEY_PAD bytes of
 * room after it, zeroed here): the hash fold_hash() computes on the way. */
static guint32
key_hash (char *buf, gsize len)
{
  memset (buf + len, 0, KEY_PAD);
  guint64 h = hash_seed (len);
  for (gsize i = 0; i < len; i += 8)
    h = hash_step (h, evl_load64 (buf + i));
  return hash_final (h);
}

/* Spaces in a folded key (no leading, trailing or double space). */
static guint
count_spaces (const char *s, gsize len)
{
  guint n = 0;
  for (gsize i = 0; i < len; i++)
    n += s[i] == ' ';
  return n;
}

#if G_BYTE_ORDER == G_LITTLE_ENDIAN
/* The last @r (1-7) bytes of @src (@len bytes) in the low bytes of a word,
 * zeros above, without reading outside [src, src + len). */
static inline guint64
load_tail (const char *src, gsize len, gsize r)
{
  if (len >= 8)
    return evl_load64 (src + len - 8) >> (8 * (8 - r));
  /* len == r < 8: two overlapping loads; overlapping bytes are equal. */
  if (r >= 4)
    {
      guint32 lo, hi;
      memcpy (&lo, src, 4);
      memcpy (&hi, src + r - 4, 4);
      return (guint64) lo | ((guint64) hi << (8 * (r - 4)));
    }
  if (r >= 2)
    {
      guint16 lo, hi;
      memcpy (&lo, src, 2);
      memcpy (&hi, src + r - 2, 2);
      return (guint64) lo | ((guint64) hi << (8 * (r - 2)));
    }
  return (guchar) src[0];
}
#endif

/* evl_fold_key() of @src (@len bytes) into @buf (KEY_CAP + KEY_PAD bytes,
 * zero-padded to a multiple of eight) and the key's hash, in one pass;
 * -1 when the key does not fit.  @spaces_out (nullable) gets the number
 * of spaces in the key.  A clean key (no control character, no leading,
 * trailing or double space: nearly every token) folds to itself
 * lower-cased, eight bytes a step, hashed as it goes; any other key takes
 * evl_fold_key() and key_hash(), which give the same result.  Folding
 * and hashing separately with a byte loop for the tail took ~150
 * instructions a lookup, most of evl_lexicon_lookup()'s time. */
G_ALWAYS_INLINE static inline gssize
fold_hash (const char *src, gsize len, char *buf, guint32 *hash_out, guint *spaces_out)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (G_LIKELY (len - 1 < KEY_CAP - 1 && src[0] != ' ' && src[len - 1] != ' '))
    {
      guint64 h = hash_seed (len), bad = 0, carry = 0, spaces = 0;
      gsize i = 0;
      /* Only a word with a byte up to 0x20 (a space or a control
       * character, rare but in multi-word keys) needs the exact tests. */
#define CHECK_WORD(x, valid)                                            \
      if (evl_swar_below ((x), 0x21) & (valid))                            \
        {                                                               \
          guint64 sp = evl_swar_eq (x, ' ') & (valid);                       \
          bad |= (evl_swar_below ((x), 0x20) & (valid)) | (sp & ((sp << 8) | carry)); \
          carry = sp >> 56;                                             \
          spaces += sp >> 7;                                            \
        }                                                               \
      else                                                              \
        carry = 0;
      for (; i + 8 <= len; i += 8)
        {
          guint64 x = evl_load64 (src + i);
          CHECK_WORD (x, ~G_GUINT64_CONSTANT (0))
          x = evl_swar_lower (x);
          memcpy (buf + i, &x, 8);
          h = hash_step (h, x);
        }
      gsize r = len - i;
      if (r)
        {
          guint64 x = load_tail (src, len, r);
          guint64 valid = ~G_GUINT64_CONSTANT (0) >> (64 - 8 * r);
          CHECK_WORD (x, valid)
          x = evl_swar_lower (x);
          memcpy (buf + i, &x, 8);
          h = hash_step (h, x);
        }
      else
        buf[len] = '\0';
#undef CHECK_WORD
      if (G_LIKELY (!bad))
        {
          if (spaces_out)
            *spaces_out = (guint) ((spaces * EVL_SWAR_ONES) >> 56);   /* sum of the byte counts */
          *hash_out = hash_final (h);
          return (gssize) len;
        }
    }
#endif
  gssize o = evl_fold_key (src, len, buf, KEY_CAP);
  if (o >= 0)
    {
      *hash_out = key_hash (buf, (gsize) o);
      if (spaces_out)
        *spaces_out = count_spaces (buf, (gsize) o);
    }
  return o;
}

/* Is the key in @k the folded key of @kl bytes in @buf (zero-padded)? */
static inline gboolean
key_equal (const EvlLexicon *lex, const Key *k, const char *buf, guint32 kl)
{
  if (k->len != kl || k->head != evl_load64 (buf))
    return FALSE;
  const guint64 *rest = lex->arena + k->off;
  for (guint32 i = 8; i < kl; i += 8)
    if (*rest++ != evl_load64 (buf + i))
      return FALSE;
  return TRUE;
}

/* Most lookups miss, and a miss with linear probing reads slots up to
 * the next empty one: about 1 + 1 / (2 (1 - a)^2) at load a, 8.5 at
 * 3/4, 2.5 at 1/2, 1.4 at 1/4.  Tables of up to 4,096 keys (32 kB of
 * slots or less) are kept at most 1/4 full, up to 32,768 keys at most
 * 1/2, bigger ones (en/event-pairs, which the recognizer reads through
 * its own pair image) at most 3/4. */
static guint32
slots_for (gsize n_keys)
{
  guint32 n = 64;
  if (n_keys <= 4096)
    while ((gsize) n < n_keys * 4)
      n *= 2;
  else if (n_keys <= 32768)
    while ((gsize) n < n_keys * 2)
      n *= 2;
  else
    while ((gsize) n * 3 < n_keys * 4)
      n *= 2;
  return n;
}

/* Indexes the folded key in @buf (@len bytes, zero-padded, hash @h) unless
 * it is there already; the table and lex->keys were sized for every form
 * of the file, lex->arena for every byte. */
static void
index_insert (EvlLexicon *lex, const char *buf, guint32 len, guint32 h, guint32 entry)
{
  guint32 i = h & lex->mask;
  for (; lex->slots[i].ref; i = (i + 1) & lex->mask)
    if (lex->slots[i].hash == h && key_equal (lex, &lex->keys[lex->slots[i].ref - 1], buf, len))
      return;   /* first definition wins: files list the preferred reading first */
  Key *k = &lex->keys[lex->used];
  k->head = evl_load64 (buf);
  k->len = len;
  k->off = (guint32) lex->arena_used;
  k->entry = entry;
  k->pad = 0;
  for (guint32 j = 8; j < len; j += 8)
    lex->arena[lex->arena_used++] = evl_load64 (buf + j);
  lex->slots[i] = (Slot) { h, ++lex->used };
}

void
evl_lexicon_free (EvlLexicon *lex)
{
  if (lex == NULL)
    return;
  if (!lex->mapped)
    {
      g_free (lex->slots);
      g_free (lex->keys);
      g_free (lex->arena);
    }
  g_free (lex->entries);
  g_free (lex->attrs);
  g_free (lex->text);
  g_free (lex);
}

/* Trims spaces and tabs around [*b, *e). */
static inline void
trim (char **b, char **e)
{
  /* Most fields have nothing to trim: one test a side. */
  if (*b < *e && (guchar) **b > ' ' && (guchar) (*e)[-1] > ' ')
    return;
  while (*b < *e && (**b == ' ' || **b == '\t'))
    (*b)++;
  while (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
    (*e)--;
}

/* Upper bounds for the allocations of evl_lexicon_parse(): lines (entries),
 * tabs (attributes) and bars (variants).  Byte counters over blocks of
 * 255 bytes, which the compiler vectorises (a byte-at-a-time count into
 * gsize counters was ~20 M instructions of every start-up). */
static void
count_fields (const char *data, gsize len, gsize *lines, gsize *tabs, gsize *bars)
{
  gsize nl = 1, nt = 0, nb = 0;
  for (gsize b = 0; b < len; b += 255)
    {
      const guchar *p = (const guchar *) data + b;
      gsize n = MIN (len - b, (gsize) 255);
      guint8 cl = 0, ct = 0, cb = 0;
      for (gsize i = 0; i < n; i++)
        {
          cl += p[i] == '\n';
          ct += p[i] == '\t';
          cb += p[i] == '|';
        }
      nl += cl;
      nt += ct;
      nb += cb;
    }
  *lines = nl;
  *tabs = nt;
  *bars = nb;
}

/* The first tab in [p, e), or e.  Eight bytes a step on a little-endian
 * machine, reading up to seven bytes past @e: evl_lexicon_parse() pads its
 * copy of the file with KEY_PAD zero bytes.  Attributes are most of the
 * bytes of the big lexicons (2 of 3.4 MB) and short (~7 bytes): a byte
 * loop here was 9.4 M of the ~65 M instructions of start-up. */
static inline char *
find_tab (char *p, char *e)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  for (; p < e; p += 8)
    {
      guint64 z = evl_swar_eq (evl_load64 (p), '\t');
      if (z)
        {
          char *t = p + ((guint) __builtin_ctzll (z) >> 3);
          return t < e ? t : e;
        }
    }
  return e;
#else
  while (p < e && *p != '\t')
    p++;
  return p;
#endif
}

/* One pass over the file, splitting lines in place in a private copy that
 * the lexicon keeps: canonical forms and attributes point into it,
 * entries and attribute lists sit in one array each, folded keys in one
 * word arena, and the index is sized up front, so the ~115,000 lines of
 * compiled-in data load with a handful of allocations. */
EvlLexicon *
evl_lexicon_parse (const char *name, const char *data, gsize len, GError **error)
{
  gsize n_lines, n_tabs, n_bars;
  count_fields (data, len, &n_lines, &n_tabs, &n_bars);
  EvlLexicon *lex = g_new0 (EvlLexicon, 1);
  guint32 n_slots = slots_for (n_lines + n_bars);
  lex->mask = n_slots - 1;
  lex->slots = g_new0 (Slot, n_slots);
  lex->keys = g_new (Key, n_lines + n_bars);
  /* A key's words beyond the first take at most its form's bytes / 8. */
  lex->arena = g_new (guint64, len / 8 + 1);
  lex->entries = g_new0 (EvlLexEntry, n_lines);
  lex->attrs = g_new (const char *, n_tabs + n_lines);
  lex->text = g_malloc (len + KEY_PAD);   /* find_tab() reads ahead */
  memcpy (lex->text, data, len);
  memset (lex->text + len, 0, KEY_PAD);

  char *p = lex->text, *end = lex->text + len;
  /* The next bar at or after the forms being split (end: none left):
   * searched again only once passed, so a file without variants (the
   * big event-* lexicons) takes one memchr() in all instead of one a
   * line.  In-place writes only touch lines already split. */
  char *next_bar = end;
  if (n_bars)
    {
      next_bar = memchr (p, '|', len);
      if (next_bar == NULL)
        next_bar = end;
    }
  guint lineno = 0;
  gsize n_attrs_used = 0;
  while (p < end)
    {
      char *eol = memchr (p, '\n', (gsize) (end - p));
      if (eol == NULL)
        eol = end;
      char *line = p;
      p = eol + 1;
      *eol = '\0';
      lineno++;
      char *b = line, *e = eol;
      trim (&b, &e);
      if (b == e || *b == '#')
        continue;
      char *tab = memchr (b, '\t', (gsize) (e - b));
      char *forms_end = tab ? tab : e;
      const char **attrs = lex->attrs + n_attrs_used;
      guint n_attrs = 0;
      /* Attributes are short (a weight, a class): find_tab() finds the
       * next tab for less than a memchr() call costs (a byte loop for
       * the first tab and the bars cost 8 M more than memchr()). */
      while (tab)
        {
          char *fb = tab + 1, *next = find_tab (fb, e);
          char *fe = next;
          *fe = '\0';
          char *tb = fb, *te = fe;
          trim (&tb, &te);
          *te = '\0';
          attrs[n_attrs++] = tb;
          tab = next < e ? next : NULL;
        }
      *forms_end = '\0';
      EvlLexEntry *entry = NULL;
      for (char *f = b; f != NULL;)
        {
          if (next_bar < f)
            {
              next_bar = memchr (f, '|', (gsize) (end - f));
              if (next_bar == NULL)
                next_bar = end;
            }
          char *bar = next_bar < forms_end ? next_bar : NULL;
          char *fe = bar ? bar : forms_end;
          char *fb = f;
          trim (&fb, &fe);
          *fe = '\0';
          f = bar ? bar + 1 : NULL;
          if (entry == NULL)
            {
              if (fb == fe)
                {
                  evl_lexicon_free (lex);
                  evl_fail (error, EVL_ERROR_PARSE, "%s:%u: empty canonical form", name, lineno);
                  return NULL;
                }
              entry = &lex->entries[lex->n_entries++];
              entry->canonical = fb;
              entry->line = lineno;
              entry->n_attrs = n_attrs;
              if (n_attrs)
                {
                  attrs[n_attrs] = NULL;
                  entry->attrs = attrs;
                  n_attrs_used += n_attrs + 1;
                }
              else
                entry->attrs = no_attrs;
            }
          char key[KEY_CAP + KEY_PAD];
          guint32 h;
          guint spaces;
          gssize kl = fold_hash (fb, (gsize) (fe - fb), key, &h, &spaces);
          if (kl <= 0)
            continue;
          index_insert (lex, key, (guint32) kl, h, (guint32) (entry - lex->entries));
          lex->max_words = MAX (lex->max_words, spaces + 1);
        }
    }
  lex->arena = g_renew (guint64, lex->arena, lex->arena_used + 1);
  return lex;
}

G_STATIC_ASSERT (sizeof (((EvlLexKey *) NULL)->folded) >= KEY_CAP + KEY_PAD);

static const EvlLexEntry *bind_entries (EvlLexicon *lex);

/* The entries of @lex: a mapped lexicon builds them on first use (a
 * run uses a few of the compiled-in lexicons' 115,000 entries; most are
 * in en/event-pairs, which the recognizer reads through its own pair
 * image).  Thread-safe: the first caller builds, others wait. */
static inline const EvlLexEntry *
entries_of (const EvlLexicon *lex)
{
  EvlLexicon *l = (EvlLexicon *) lex;   /* a cache: logically const */
  const EvlLexEntry *e = g_atomic_pointer_get (&l->entries);
  if (G_UNLIKELY (e == NULL))
    e = bind_entries (l);
  return e;
}

/* Probes for the folded key in @folded (@kl bytes, zero-padded, hash @h). */
static inline const EvlLexEntry *
probe (const EvlLexicon *lex, const char *folded, guint32 kl, guint32 h)
{
  for (guint32 i = h & lex->mask;; i = (i + 1) & lex->mask)
    {
      Slot sl = lex->slots[i];
      if (sl.ref == 0)
        return NULL;
      if (sl.hash == h)
        {
          const Key *k = &lex->keys[sl.ref - 1];
          if (key_equal (lex, k, folded, kl))
            return &entries_of (lex)[k->entry];
        }
    }
}

const EvlLexEntry *
evl_lexicon_lookup (const EvlLexicon *lex, const char *key, gssize len)
{
  if (lex == NULL || key == NULL)
    return NULL;
  char buf[KEY_CAP + KEY_PAD];
  gsize n = len < 0 ? strlen (key) : (gsize) len;
  guint32 h;
  gssize kl = fold_hash (key, n, buf, &h, NULL);
  if (kl <= 0)
    return NULL;
  return probe (lex, buf, (guint32) kl, h);
}

gboolean
evl_lex_key_init (EvlLexKey *k, const char *key, gssize len)
{
  g_return_val_if_fail (k != NULL, FALSE);
  k->len = -1;
  k->hash = 0;
  if (key == NULL)
    return FALSE;
  gsize n = len < 0 ? strlen (key) : (gsize) len;
  guint32 h;
  gssize kl = fold_hash (key, n, k->folded, &h, NULL);
  if (kl <= 0)
    return FALSE;
  k->len = (gint32) kl;
  k->hash = h;
  return TRUE;
}

const EvlLexEntry *
evl_lexicon_lookup_key (const EvlLexicon *lex, const EvlLexKey *k)
{
  if (lex == NULL || k == NULL || k->len <= 0)
    return NULL;
  return probe (lex, k->folded, (guint32) k->len, k->hash);
}

guint
evl_lexicon_size (const EvlLexicon *lex)
{
  return lex ? lex->n_entries : 0;
}

const EvlLexEntry *
evl_lexicon_get (const EvlLexicon *lex, guint i)
{
  g_return_val_if_fail (lex != NULL && i < lex->n_entries, NULL);
  return &entries_of (lex)[i];
}

guint
evl_lexicon_max_words (const EvlLexicon *lex)
{
  return lex ? lex->max_words : 0;
}

gboolean
evl_lexicon_is_mapped (const EvlLexicon *lex)
{
  return lex != NULL && lex->mapped;
}

/* The index (lexicon-private.h): an IndexHeader, then one image a lexicon,
 * each at an 8-byte boundary.  An image is an ImageHeader and its sections
 * at 8-byte boundaries: the table's slots, keys and arena exactly as
 * evl_lexicon_parse() built them (so a mapped lexicon probes the same
 * table), the entries as EntryRec, the attribute lists as offsets into
 * the strings, each followed by a slot for its NULL (slot 0 is the empty
 * list every entry without attributes shares), and the strings,
 * NUL-terminated and deduplicated (attributes repeat: weights, classes).
 * Building the entry records on mapping (pointers cannot be in the image)
 * is the only work left at start-up. */
#define INDEX_MAGIC "EVLLXIDX"
#define INDEX_BYTE_ORDER 0x01020304u
#define INDEX_VERSION 2u

typedef struct {
  char magic[8];
  guint32 byte_order;     /* INDEX_BYTE_ORDER as the writer stores it */
  guint32 layout;         /* INDEX_LAYOUT: format version and struct sizes */
  guint32 n_lexicons;
  guint32 pad;
} IndexHeader;

typedef struct {
  guint64 size;           /* bytes, a multiple of 8 */
  guint64 text_len;       /* the text the image was parsed from */
  guint32 name;           /* offset in strings */
  guint32 mask, used, n_entries, n_attr_refs, max_words;
  guint32 slots, keys, arena, entries, attr_refs, strings;   /* from the image start */
} ImageHeader;

struct _EntryRec {
  guint32 canonical;      /* offset in strings */
  guint32 attrs;          /* first of its n_attrs refs, then its NULL's slot */
  guint32 n_attrs;
  guint32 line;
};

#define INDEX_LAYOUT (INDEX_VERSION << 24 | (guint32) sizeof (ImageHeader) << 16 \
                      | (guint32) sizeof (Key) << 8 | (guint32) sizeof (Slot))

static void
pad8 (GByteArray *a)
{
  static const guint8 zeros[8];
  g_byte_array_append (a, zeros, (8 - a->len % 8) % 8);
}

/* Appends @len bytes at an 8-byte boundary; their offset from @base. */
static guint32
add_section (GByteArray *a, gsize base, gconstpointer data, gsize len)
{
  pad8 (a);
  gsize off = a->len - base;
  if (len)
    g_byte_array_append (a, data, (guint) len);
  return (guint32) off;
}

/* Offset of @s in @strings, added when not seen yet. */
static guint32
intern_string (GString *strings, GHashTable *seen, const char *s)
{
  gpointer v;
  if (g_hash_table_lookup_extended (seen, s, NULL, &v))
    return GPOINTER_TO_UINT (v) - 1;
  guint32 off = (guint32) strings->len;
  g_string_append_len (strings, s, (gssize) strlen (s) + 1);
  g_hash_table_insert (seen, (gpointer) s, GUINT_TO_POINTER (off + 1));
  return off;
}

void
evl_lexicon_index_write (GByteArray *index, const char *name, const EvlLexicon *lex,
                         gsize text_len)
{
  if (index->len == 0)
    {
      IndexHeader ih = { INDEX_MAGIC, INDEX_BYTE_ORDER, INDEX_LAYOUT, 0, 0 };
      g_byte_array_append (index, (const guint8 *) &ih, sizeof ih);
    }
  pad8 (index);
  gsize base = index->len;
  ImageHeader h = { 0 };
  g_byte_array_append (index, (const guint8 *) &h, sizeof h);

  g_autoptr (GString) strings = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) recs = g_array_sized_new (FALSE, FALSE, sizeof (EntryRec), lex->n_entries);
  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (guint32));
  h.name = intern_string (strings, seen, name);
  guint32 null_slot = 0;   /* any value: the slot of a NULL */
  g_array_append_val (refs, null_slot);
  const EvlLexEntry *entries = entries_of (lex);
  for (guint i = 0; i < lex->n_entries; i++)
    {
      const EvlLexEntry *e = &entries[i];
      EntryRec r = { intern_string (strings, seen, e->canonical), e->n_attrs ? refs->len : 0,
                     e->n_attrs, e->line };
      for (guint a = 0; a < e->n_attrs; a++)
        {
          guint32 off = intern_string (strings, seen, e->attrs[a]);
          g_array_append_val (refs, off);
        }
      if (e->n_attrs)
        g_array_append_val (refs, null_slot);
      g_array_append_val (recs, r);
    }
  h.text_len = text_len;
  h.mask = lex->mask;
  h.used = lex->used;
  h.n_entries = lex->n_entries;
  h.n_attr_refs = refs->len;
  h.max_words = lex->max_words;
  h.slots = add_section (index, base, lex->slots, ((gsize) lex->mask + 1) * sizeof (Slot));
  h.keys = add_section (index, base, lex->keys, lex->used * sizeof (Key));
  h.arena = add_section (index, base, lex->arena, lex->arena_used * sizeof (guint64));
  h.entries = add_section (index, base, recs->data, recs->len * sizeof (EntryRec));
  h.attr_refs = add_section (index, base, refs->data, refs->len * sizeof (guint32));
  h.strings = add_section (index, base, strings->str, strings->len);
  pad8 (index);
  h.size = index->len - base;
  memcpy (index->data + base, &h, sizeof h);
  ((IndexHeader *) (gpointer) index->data)->n_lexicons++;
}

void
evl_lexicon_index_finish (GByteArray *index)
{
  pad8 (index);
}

/* A lexicon whose table is the image's; its entries and attribute lists
 * (pointers) are built by bind_entries() on first use. */
static EvlLexicon *
image_bind (const guint8 *img, const ImageHeader *h)
{
  EvlLexicon *lex = g_new0 (EvlLexicon, 1);
  lex->mapped = TRUE;
  lex->mask = h->mask;
  lex->used = h->used;
  lex->n_entries = h->n_entries;
  lex->max_words = h->max_words;
  /* read only: a mapped lexicon is never written */
  lex->slots = (gpointer) (img + h->slots);
  lex->keys = (gpointer) (img + h->keys);
  lex->arena = (gpointer) (img + h->arena);
  lex->strings = (const char *) img + h->strings;
  lex->refs = (const guint32 *) (gconstpointer) (img + h->attr_refs);
  lex->recs = (const EntryRec *) (gconstpointer) (img + h->entries);
  lex->n_attr_refs = h->n_attr_refs;
  return lex;
}

/* Builds a mapped lexicon's entries and attribute lists from its image
 * (~115,000 entries and ~395,000 attributes for all compiled-in
 * lexicons: 4.1 M instructions when every lexicon was bound at start-up,
 * most of it en/event-pairs, which a run with the compiled-in data never
 * reads).  Branch-free loops (the attribute loop vectorises; each entry
 * then writes its list's NULL): 7.1 M with a sentinel test per attribute
 * and a test for the empty list per entry. */
static G_GNUC_NO_INLINE const EvlLexEntry *
bind_entries (EvlLexicon *lex)
{
  if (g_once_init_enter (&lex->entries))
    {
      const char *strings = lex->strings;
      const guint32 *refs = lex->refs;
      const EntryRec *recs = lex->recs;
      const char **attrs = g_new (const char *, lex->n_attr_refs + 1);
      for (guint32 i = 0; i < lex->n_attr_refs; i++)
        attrs[i] = strings + refs[i];
      attrs[0] = NULL;
      lex->attrs = attrs;
      EvlLexEntry *entries = g_new (EvlLexEntry, lex->n_entries + 1);
      for (guint32 i = 0; i < lex->n_entries; i++)
        {
          EvlLexEntry *e = &entries[i];
          e->canonical = strings + recs[i].canonical;
          e->attrs = attrs + recs[i].attrs;
          e->n_attrs = recs[i].n_attrs;
          e->line = recs[i].line;
          attrs[recs[i].attrs + recs[i].n_attrs] = NULL;
        }
      g_once_init_leave (&lex->entries, entries);
    }
  return lex->entries;
}

EvlLexicon *
evl_lexicon_index_map (const guint8 *index, gsize index_len, const char *name, gsize text_len)
{
  const IndexHeader *ih = (gconstpointer) index;
  if (index == NULL || index_len < sizeof *ih || ((guintptr) index & 7) != 0
      || memcmp (ih->magic, INDEX_MAGIC, sizeof ih->magic) != 0
      || ih->byte_order != INDEX_BYTE_ORDER || ih->layout != INDEX_LAYOUT)
    return NULL;
  gsize off = sizeof *ih;
  for (guint32 i = 0; i < ih->n_lexicons; i++)
    {
      const ImageHeader *h = (gconstpointer) (index + off);
      if (index_len - off < sizeof *h || h->size > index_len - off || h->size % 8 != 0)
        return NULL;
      const guint8 *img = index + off;
      off += h->size;
      if (strcmp ((const char *) img + h->strings + h->name, name) == 0)
        return h->text_len == text_len ? image_bind (img, h) : NULL;
    }
  return NULL;
}
