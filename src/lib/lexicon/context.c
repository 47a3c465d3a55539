/* EvlContext: parses every compiled-in lexicon once into hash tables.
 *
 * Line format (data/README.md): "canonical|variant|...<TAB>attr<TAB>attr",
 * '#' starts a comment line, blank lines are skipped.  Keys are folded with
 * evl_fold_key() so lookups from the hot path need no allocation. */
#include "evl-private.h"

#include <string.h>

#define RESOURCE_ROOT "/org/eventline/"

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

typedef struct {
  const char *key;        /* folded form, in the text or the pool */
  guint32 len;
  EvlLexEntry *entry;
} Key;

struct _EvlLexicon {
  char *text;             /* the file, split in place */
  Slot *slots;
  guint32 mask;           /* n_slots - 1, n_slots a power of two */
  guint32 used;           /* filled slots = keys used */
  Key *keys;              /* capacity: one per form of the file */
  EvlLexEntry *entries;   /* file order; one allocation (at most one entry a line) */
  guint n_entries;
  const char **attrs;     /* every entry's NULL-terminated attrs, one allocation */
  GStringChunk *pool;     /* folded canonical forms that differ from the text */
  guint max_words;
};

struct _EvlContext {
  gatomicrefcount ref;
  GHashTable *lexicons;   /* "en/months" -> EvlLexicon* */
  GHashTable *data;       /* "taxonomy/story.txt" -> GBytes* */
  gsize derived[EVL_CONTEXT_N_SLOTS];            /* evl_context_get_derived() */
  GDestroyNotify derived_free[EVL_CONTEXT_N_SLOTS];
};

static const char *const no_attrs[] = { NULL };

/* Room a fold buffer needs beyond its capacity: key_hash() reads the key
 * in words of eight bytes, zero-padded. */
#define KEY_CAP 256
#define KEY_PAD 8

/* Hash of a folded key of @len bytes in @buf (which has KEY_PAD bytes of
 * room after it): eight bytes per step, then a final mix so the low bits
 * (the slot index) depend on every byte. */
static inline guint32
key_hash (char *buf, gsize len)
{
  memset (buf + len, 0, KEY_PAD);
  guint64 h = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ len;
  for (gsize i = 0; i < len; i += 8)
    {
      guint64 w;
      memcpy (&w, buf + i, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
      h ^= h >> 31;
    }
  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0x94D049BB133111EB);
  h ^= h >> 32;
  return (guint32) h;
}

/* evl_fold_key() of @src into @buf (KEY_CAP + KEY_PAD bytes) and the
 * key's hash; -1 when the key does not fit. */
static gssize
fold_hash (const char *src, gsize len, char *buf, guint32 *hash_out)
{
  gssize o = evl_fold_key (src, len, buf, KEY_CAP);
  if (o >= 0)
    *hash_out = key_hash (buf, (gsize) o);
  return o;
}

/* Load factor at most 3/4: linear probing then averages under three
 * slots per miss, all in one or two cache lines. */
static guint32
slots_for (gsize n_keys)
{
  guint32 n = 64;
  while ((gsize) n * 3 < n_keys * 4)
    n *= 2;
  return n;
}

/* Indexes @key (@len bytes, hash @h; room for it in lex->keys). */
static void
index_insert (EvlLexicon *lex, const char *key, guint32 len, guint32 h, EvlLexEntry *e)
{
  if ((lex->used + 1) * 4 > (lex->mask + 1) * 3)
    {
      guint32 old_n = lex->mask + 1;
      Slot *old = lex->slots;
      lex->mask = old_n * 2 - 1;
      lex->slots = g_new0 (Slot, lex->mask + 1);
      for (guint32 i = 0; i < old_n; i++)
        if (old[i].ref)
          {
            guint32 j = old[i].hash & lex->mask;
            while (lex->slots[j].ref)
              j = (j + 1) & lex->mask;
            lex->slots[j] = old[i];
          }
      g_free (old);
    }
  guint32 i = h & lex->mask;
  for (; lex->slots[i].ref; i = (i + 1) & lex->mask)
    {
      const Key *k = &lex->keys[lex->slots[i].ref - 1];
      if (lex->slots[i].hash == h && k->len == len && memcmp (k->key, key, len) == 0)
        return;   /* first definition wins: files list the preferred reading first */
    }
  lex->keys[lex->used] = (Key) { key, len, e };
  lex->slots[i] = (Slot) { h, ++lex->used };
}

static void
lexicon_free (gpointer p)
{
  EvlLexicon *lex = p;
  g_free (lex->slots);
  g_free (lex->keys);
  g_free (lex->entries);
  g_free (lex->attrs);
  g_string_chunk_free (lex->pool);
  g_free (lex->text);
  g_free (lex);
}

static guint
count_words (const char *s)
{
  guint n = 1;
  for (; *s; s++)
    if (*s == ' ')
      n++;
  return n;
}

/* Trims spaces and tabs around [*b, *e). */
static void
trim (char **b, char **e)
{
  while (*b < *e && (**b == ' ' || **b == '\t'))
    (*b)++;
  while (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
    (*e)--;
}

/* Upper bounds for the allocations of lexicon_parse(): lines (entries),
 * tabs (attributes) and bars (variants). */
static void
count_fields (const char *data, gsize len, gsize *lines, gsize *tabs, gsize *bars)
{
  gsize nl = 1, nt = 0, nb = 0;
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];
      nl += c == '\n';
      nt += c == '\t';
      nb += c == '|';
    }
  *lines = nl;
  *tabs = nt;
  *bars = nb;
}

/* One pass over the file, splitting lines in place in a private copy that
 * the lexicon keeps: canonical forms, attributes and folded variants point
 * into it, entries and attribute lists sit in one array each, and the
 * index is sized up front, so the ~25,000 lines of compiled-in data load
 * with a handful of allocations. */
static EvlLexicon *
lexicon_parse (const char *name, const char *data, gsize len, GError **error)
{
  gsize n_lines, n_tabs, n_bars;
  count_fields (data, len, &n_lines, &n_tabs, &n_bars);
  EvlLexicon *lex = g_new0 (EvlLexicon, 1);
  guint32 n_slots = slots_for (n_lines + n_bars);
  lex->mask = n_slots - 1;
  lex->slots = g_new0 (Slot, n_slots);
  lex->keys = g_new (Key, n_lines + n_bars);
  lex->entries = g_new0 (EvlLexEntry, n_lines);
  lex->attrs = g_new (const char *, n_tabs + n_lines);
  lex->pool = g_string_chunk_new (1024);
  lex->text = g_malloc (len + 1);
  memcpy (lex->text, data, len);
  lex->text[len] = '\0';

  char *p = lex->text, *end = lex->text + len;
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
      while (tab)
        {
          char *fb = tab + 1;
          char *next = memchr (fb, '\t', (gsize) (e - fb));
          char *fe = next ? next : e;
          *fe = '\0';
          char *tb = fb, *te = fe;
          trim (&tb, &te);
          *te = '\0';
          attrs[n_attrs++] = tb;
          tab = next;
        }
      *forms_end = '\0';
      EvlLexEntry *entry = NULL;
      for (char *f = b; f != NULL;)
        {
          char *bar = memchr (f, '|', (gsize) (forms_end - f));
          char *fe = bar ? bar : forms_end;
          char *fb = f;
          trim (&fb, &fe);
          *fe = '\0';
          f = bar ? bar + 1 : NULL;
          if (entry == NULL)
            {
              if (fb == fe)
                {
                  lexicon_free (lex);
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
          gsize flen = (gsize) (fe - fb);
          gssize kl = fold_hash (fb, flen, key, &h);
          if (kl <= 0)
            continue;
          /* The folded key is never longer than the form: a variant is
           * folded in place; the canonical form keeps its spelling, so its
           * key goes to the pool unless folding left it unchanged. */
          const char *k;
          if ((gsize) kl == flen && memcmp (fb, key, flen) == 0)
            k = fb;
          else if (fb != entry->canonical)
            {
              memcpy (fb, key, (gsize) kl + 1);
              k = fb;
            }
          else
            k = g_string_chunk_insert_len (lex->pool, key, kl);
          index_insert (lex, k, (guint32) kl, h, entry);
          lex->max_words = MAX (lex->max_words, count_words (k));
        }
    }
  return lex;
}

static gboolean
add_data (EvlContext *ctx, const char *rel, GBytes *bytes, GError **error)
{
  g_hash_table_insert (ctx->data, g_strdup (rel), g_bytes_ref (bytes));
  if (g_str_has_prefix (rel, "lexicons/") && g_str_has_suffix (rel, ".txt"))
    {
      const char *lname = rel + strlen ("lexicons/");
      gsize n;
      const char *d = g_bytes_get_data (bytes, &n);
      EvlLexicon *lex = lexicon_parse (lname, d, n, error);
      if (lex == NULL)
        return FALSE;
      g_hash_table_insert (ctx->lexicons, g_strndup (lname, strlen (lname) - 4), lex);
    }
  return TRUE;
}

static gboolean
load_overlay (EvlContext *ctx, const char *root, const char *rel, GError **error)
{
  g_autofree char *dirpath = g_build_filename (root, rel, NULL);
  g_autoptr (GDir) dir = g_dir_open (dirpath, 0, error);
  if (dir == NULL)
    return FALSE;
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = *rel ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
      g_autofree char *path = g_build_filename (root, child_rel, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!load_overlay (ctx, root, child_rel, error))
            return FALSE;
          continue;
        }
      char *contents;
      gsize len;
      if (!g_file_get_contents (path, &contents, &len, error))
        return FALSE;
      g_autoptr (GBytes) bytes = g_bytes_new_take (contents, len);
      if (!add_data (ctx, child_rel, bytes, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_dir (EvlContext *ctx, GResource *res, const char *dir, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_auto (GStrv) children = g_resource_enumerate_children (res, dir, 0, &local);
  if (children == NULL)
    return TRUE;
  for (guint i = 0; children[i]; i++)
    {
      g_autofree char *path = g_strconcat (dir, children[i], NULL);
      if (g_str_has_suffix (children[i], "/"))
        {
          if (!load_dir (ctx, res, path, error))
            return FALSE;
          continue;
        }
      g_autoptr (GBytes) bytes = g_resource_lookup_data (res, path, 0, error);
      if (bytes == NULL)
        return FALSE;
      if (!add_data (ctx, path + strlen (RESOURCE_ROOT), bytes, error))
        return FALSE;
    }
  return TRUE;
}

EvlContext *
evl_context_new (GError **error)
{
  return evl_context_new_with_data_dir (NULL, error);
}

EvlContext *
evl_context_new_with_data_dir (const char *data_dir, GError **error)
{
  g_autoptr (EvlContext) ctx = g_new0 (EvlContext, 1);
  g_atomic_ref_count_init (&ctx->ref);
  ctx->lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lexicon_free);
  ctx->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_bytes_unref);
  if (!load_dir (ctx, evl_data_get_resource (), RESOURCE_ROOT, error))
    return NULL;
  if (data_dir && !load_overlay (ctx, data_dir, "", error))
    return NULL;
  return g_steal_pointer (&ctx);
}

EvlContext *
evl_context_ref (EvlContext *ctx)
{
  g_return_val_if_fail (ctx != NULL, NULL);
  g_atomic_ref_count_inc (&ctx->ref);
  return ctx;
}

void
evl_context_unref (EvlContext *ctx)
{
  if (ctx == NULL || !g_atomic_ref_count_dec (&ctx->ref))
    return;
  for (guint i = 0; i < EVL_CONTEXT_N_SLOTS; i++)
    if (ctx->derived[i] && ctx->derived_free[i])
      ctx->derived_free[i] ((gpointer) ctx->derived[i]);
  g_hash_table_unref (ctx->lexicons);
  g_hash_table_unref (ctx->data);
  g_free (ctx);
}

gconstpointer
evl_context_get_derived (const EvlContext *ctx, EvlContextSlot slot,
                         gpointer (*build) (const EvlContext *ctx), GDestroyNotify free_func)
{
  g_return_val_if_fail (ctx != NULL && slot < EVL_CONTEXT_N_SLOTS && build != NULL, NULL);
  /* a cache: the context stays logically const */
  EvlContext *c = (EvlContext *) ctx;
  if (g_once_init_enter (&c->derived[slot]))
    {
      gpointer p = build (ctx);
      c->derived_free[slot] = free_func;
      g_once_init_leave (&c->derived[slot], (gsize) p);
    }
  return (gconstpointer) c->derived[slot];
}

const EvlLexicon *
evl_context_get_lexicon (const EvlContext *ctx, const char *name)
{
  g_return_val_if_fail (ctx != NULL && name != NULL, NULL);
  return g_hash_table_lookup (ctx->lexicons, name);
}

GBytes *
evl_context_get_data (const EvlContext *ctx, const char *path)
{
  g_return_val_if_fail (ctx != NULL && path != NULL, NULL);
  return g_hash_table_lookup (ctx->data, path);
}

G_STATIC_ASSERT (sizeof (((EvlLexKey *) NULL)->folded) >= KEY_CAP + KEY_PAD);

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
          if (k->len == kl && memcmp (k->key, folded, kl) == 0)
            return k->entry;
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
  gssize kl = fold_hash (key, n, buf, &h);
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
  gssize kl = fold_hash (key, n, k->folded, &h);
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
  return &lex->entries[i];
}

guint
evl_lexicon_max_words (const EvlLexicon *lex)
{
  return lex ? lex->max_words : 0;
}
