/* Alias clustering within one document (data/README.md, "Entities").
 *
 * Candidates from the scanner become entities in this order:
 *   1. gazetteer names join their gazetteer line ('DPRK' and 'North Korea'
 *      are one line); capitals used as actors join their country;
 *   2. multi-word names join an entity with the same folded name ('Kim
 *      Jong-un' == 'Kim Jong Un'); a shorter person name that is the given
 *      part or first + last of a longer one joins it;
 *   3. single words join the person whose name they start, end or complete
 *      ('Kim', 'Putin', 'Jong-un'), choosing the person mentioned most often
 *      by full name (then the most recent); otherwise a titled single word
 *      ('Mr. Smith') is a person of its own, and any other is dropped;
 *   4. context aliases ('the North') join their country when the document
 *      names it; role descriptions ('the Russian President') join the person
 *      holding that role for that country;
 *   5. headings only add mentions of entities found so far (and gazetteer
 *      names), so Title Case is never taken for a name;
 *   6. 'he' / 'she' / 'his' / 'her' join the subject of the same or a
 *      recent sentence. */
#include "entities-private.h"

#include <string.h>

typedef struct {
  EvlEntityType type;
  const EvlLexEntry *gaz;     /* gazetteer line, NULL for rule names */
  gboolean city;              /* a capital named as a place */
  const char *fold;           /* folded name used for alias matching (pool) */
  guint fold_words;           /* words of fold (fold_scan()) */
  guint32 fold_hash;          /* evl_fnv1a() of fold */
  gsize fold_len;
  /* The bytes of fold's first word and their evl_fnv1a(), when it has two
   * words or more; else G_MAXSIZE (best_person()). */
  gsize first_len;
  guint32 first_hash;
  /* The longest surface form seen: its span, interned only when the
   * output needs it (names not from the gazetteer), 0 words when none. */
  EvlSpan surface;
  guint surface_words;
  guint n_full;               /* mentions by a full (multi-word) name */
  guint n_mentions;
  guint32 last;               /* offset of the latest mention so far */
  const EvlLexEntry *country; /* PERSON: country of their title */
  const EvlLexEntry *title;   /* PERSON: their title line */
  gint merged;                /* index of the cluster it joined, or -1 */
  /* Made by an unknown word before a verb of speech ('Fjordair said'):
   * kept only when it speaks twice and is named once mid-sentence
   * (confirm_speakers()). */
  guint8 tentative;
  guint8 mid;                 /* a single-word mention not at a sentence start */
  guint8 club;                /* EVL_OWN_* bits of its names */
  guint n_speech;             /* single-word mentions before a verb of speech */
  guint n_speech_it;          /* ... followed by 'it' ('X said it would') */
  /* Multi-word mentions by rules that speak or are described as a
   * person's, and ones read as a place's: retype_votes(). */
  guint16 n_as_person, n_as_place;
} Cl;

typedef struct {
  guint32 hash;
  guint32 len;
  const char *key;
  gint head, tail;            /* nodes; head -1: empty bucket */
  char prefix;
} Bucket;

typedef struct {
  gint ci;                    /* cluster index */
  gint next;                  /* next node of the list, or -1 */
} Node;

typedef struct {
  const EvlContext *ctx;
  const EvlEntLex *lex;
  EvlDocument *doc;
  const char *text;
  gsize text_len;
  Cl *cls;
  guint n_cls, cap_cls;
  GString *tmp;
  /* Cluster lookups without scanning every cluster (documents with
   * thousands of names stay linear): 'f' + folded name, 'w' + first word,
   * last word or given names of a multi-word name, 'a' + its initialism,
   * 'g' + gazetteer line -> list of cluster indices in creation order.
   * Callers filter on the current type, city flag and merge state.  One
   * open-addressing table; the lists are chains in one node array, the
   * keys point into the clusters' folded names in the pool: no allocation
   * per key. */
  Bucket *buckets;
  Bucket *kept;               /* the thread's table: not freed on growth */
  guint32 mask, used;
  /* The lists' nodes: a plain array, not a GArray (g_array_append_val()
   * per index key was ~0.9 M instructions on the small corpus). */
  Node *nodes;
  guint n_nodes, cap_nodes;
  struct Pool *pool;          /* folded names, initialisms */
  GString *ktmp;
  guint n_tentative;          /* clusters made tentative (Cl.tentative) */
  guint n_defined;            /* acronyms defined in the text (define_acronym()) */
  const GArray *cands;        /* the document's candidates, in text order */
} Cx;

/* A name is looked up under several prefixes ('f', 'w', 'a'): its bytes
 * are hashed once (evl_fnv1a(), without the prefix), then prefix_hash()
 * for each. */
static inline guint32
prefix_hash (char prefix, guint32 base)
{
  return (base ^ (guchar) prefix) * 16777619u;
}

static guint32
key_hash (char prefix, const char *key, gsize len)
{
  if (prefix == 'g')
    {
      guint64 v = (guint64) (guintptr) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      return (guint32) (v >> 32) ^ (2166136261u ^ (guchar) prefix);
    }
  return prefix_hash (prefix, evl_fnv1a (key, len));
}

/* The bucket of @prefix + @key (@len bytes; for 'g', @key is the
 * gazetteer line itself), or the empty bucket where it would go. */
static Bucket *
bucket (Cx *x, char prefix, const char *key, gsize len, guint32 h)
{
  for (guint32 i = h & x->mask;; i = (i + 1) & x->mask)
    {
      Bucket *b = &x->buckets[i];
      if (b->head < 0)
        return b;
      if (b->hash == h && b->prefix == prefix && b->len == len
          && (prefix == 'g' ? b->key == key : memcmp (b->key, key, len) == 0))
        return b;
    }
}

/* Empties the table into @n buckets at @room (NULL: new ones). */
static void
buckets_init (Cx *x, guint32 n, Bucket *room)
{
  x->mask = n - 1;
  x->buckets = room ? room : g_new (Bucket, n);
  for (guint32 i = 0; i < n; i++)
    x->buckets[i].head = -1;
}

/* Adds cluster @ci to the list of @prefix + @key, whose key_hash() is
 * @h; @key must live as long as the index (the pool, or a gazetteer
 * line). */
static void
index_add_h (Cx *x, char prefix, const char *key, gsize len, gint ci, guint32 h)
{
  if ((x->used + 1) * 4 > (x->mask + 1) * 3)
    {
      Bucket *old = x->buckets;
      guint32 old_n = x->mask + 1;
      buckets_init (x, old_n * 2, NULL);
      for (guint32 i = 0; i < old_n; i++)
        if (old[i].head >= 0)
          *bucket (x, old[i].prefix, old[i].key, old[i].len, old[i].hash) = old[i];
      if (old != x->kept)
        g_free (old);
    }
  Bucket *b = bucket (x, prefix, key, len, h);
  Node n = { ci, -1 };
  if (b->head < 0)
    {
      *b = (Bucket) { h, (guint32) len, key, (gint) x->n_nodes, (gint) x->n_nodes, prefix };
      x->used++;
    }
  else if (x->nodes[b->tail].ci == ci)
    return;
  else
    {
      x->nodes[b->tail].next = (gint) x->n_nodes;
      b->tail = (gint) x->n_nodes;
    }
  if (x->n_nodes == x->cap_nodes)
    {
      x->cap_nodes = MAX (16u, x->cap_nodes * 2);
      x->nodes = g_renew (Node, x->nodes, x->cap_nodes);
    }
  x->nodes[x->n_nodes++] = n;
}

static void
index_add (Cx *x, char prefix, const char *key, gsize len, gint ci)
{
  index_add_h (x, prefix, key, len, ci, key_hash (prefix, key, len));
}

/* The first node of the clusters under @prefix + @key, or -1; walk with
 * node(). */
static gint
index_get (Cx *x, char prefix, const char *key, gsize len)
{
  return bucket (x, prefix, key, len, key_hash (prefix, key, len))->head;
}

/* index_get() of a string key whose str_hash() is @base. */
static gint
index_get_h (Cx *x, char prefix, const char *key, gsize len, guint32 base)
{
  return bucket (x, prefix, key, len, prefix_hash (prefix, base))->head;
}

static const Node *
node (Cx *x, gint n)
{
  return &x->nodes[n];
}

static Cl *
cl (Cx *x, gint i)
{
  return &x->cls[i];
}

static gint
root (Cx *x, gint i)
{
  while (i >= 0 && cl (x, i)->merged >= 0)
    i = cl (x, i)->merged;
  return i;
}

/* What one pass over a folded name finds: its length up to its first
 * NUL, its words (one more than its spaces; 0 when empty), its
 * evl_fnv1a() and, when it has a space, the offsets of its first and last
 * spaces and the hash state at the first (the hash of its first word).
 * A mention's lookups and the cluster it may make (name_keys()) share it:
 * each took a pass over the name. */
typedef struct {
  gsize len;
  guint words;
  guint32 h, h_first;
  gsize sp, lsp;              /* G_MAXSIZE: no space */
} FoldScan;

static guint32
fold_scan (const char *s, FoldScan *fs)
{
  guint32 h = 2166136261u, h_first = 0;
  gsize sp = G_MAXSIZE, lsp = G_MAXSIZE;
  guint n = *s ? 1 : 0;
  const char *p = s;
  for (; *p; p++)
    {
      if (*p == ' ')
        {
          if (sp == G_MAXSIZE)
            {
              sp = (gsize) (p - s);
              h_first = h;
            }
          lsp = (gsize) (p - s);
          n++;
        }
      h = (h ^ (guchar) *p) * 16777619u;
    }
  *fs = (FoldScan) { .len = (gsize) (p - s), .words = n, .h = h, .h_first = h_first, .sp = sp, .lsp = lsp };
  return h;
}

/* g_string_truncate (@s, 0) without the call (~6,900 calls on the small
 * corpus, nearly all before a fold into x->tmp). */
static inline void
tmp_clear (GString *s)
{
  s->len = 0;
  s->str[0] = '\0';
}

static void
fold_span (Cx *x, EvlSpan sp)
{
  tmp_clear (x->tmp);
  evl_ent_fold_name (x->tmp, x->text + sp.start, EVL_SPAN_LEN (sp));
}

static const char *
last_word (const char *s)
{
  const char *sp = strrchr (s, ' ');
  return sp ? sp + 1 : s;
}

/* The short function words an initialism skips, with their lengths. */
static const struct {
  char w[4];
  guint8 n;
} initialism_skip[] = {
  { "of", 2 }, { "for", 3 }, { "the", 3 }, { "and", 3 }, { "on", 2 }, { "in", 2 }, { "de", 2 },
};

/* Appends to @out the first letters of @full's words, short function words
 * skipped: "committee for space science" -> "css".  Words are found in
 * place and compared with the skip list only at its lengths (strchr()
 * and a strncmp() per skip word were ~250 instructions a name on the
 * small corpus). */
static void
initials (GString *out, const char *full)
{
  for (const char *p = full; *p;)
    {
      const char *e = p;
      while (*e && *e != ' ')
        e++;
      gsize n = (gsize) (e - p);
      gboolean fw = FALSE;
      if (n == 2 || n == 3)
        for (guint k = 0; k < G_N_ELEMENTS (initialism_skip) && !fw; k++)
          fw = initialism_skip[k].n == n && p[0] == initialism_skip[k].w[0]
               && p[1] == initialism_skip[k].w[1] && (n == 2 || p[2] == initialism_skip[k].w[2]);
      if (!fw)
        g_string_append_c (out, *p);
      p = *e ? e + 1 : e;
    }
}

/* What new_cluster() derives from a folded name: its words and the
 * index keys' bytes and FNV-1a hashes (evl_fnv1a(), before
 * prefix_hash()). */
typedef struct {
  const char *fold;           /* the name up to its first NUL */
  gsize len;
  guint words;                /* words of fold (fold_scan()) */
  guint32 h;                  /* the whole name */
  /* Names of two words or more: the first word (its length), the last
   * word and what follows the first word (their offsets), the
   * initialism (initials()). */
  gsize first_len, last_off, rest_off;
  guint32 h_first, h_last, h_rest;
  const char *ini;
  gsize ini_len;
} NameKeys;

/* Fills @nk for @fold_in (@fs: its fold_scan()), whose bytes and
 * initialism are copied with @copy (@ktmp: room for the initialism).  A
 * second pass over what follows the first space hashes it and its last
 * word.  strlen(), strchr(), strrchr(), count_words() and a hash per
 * index key were ~1.3 M instructions on the small corpus. */
static void
name_keys (NameKeys *nk, const char *fold_in, const FoldScan *fs, GString *ktmp,
           const char *(*copy) (gpointer data, const char *s, gsize len), gpointer data)
{
  gsize len = fs->len;
  *nk = (NameKeys) { .fold = copy (data, fold_in, len), .len = len, .words = fs->words, .h = fs->h };
  if (fs->sp == G_MAXSIZE)
    return;
  const char *fold = nk->fold;
  gsize first_len = fs->sp;
  const char *rest = fold + first_len + 1;
  guint32 h_rest = 2166136261u, h_last = 2166136261u;
  for (const char *q = rest; q < fold + len; q++)
    {
      if (*q == ' ')
        h_last = 2166136261u;
      else
        h_last = (h_last ^ (guchar) *q) * 16777619u;
      h_rest = (h_rest ^ (guchar) *q) * 16777619u;
    }
  nk->first_len = first_len;
  nk->h_first = fs->h_first;
  nk->last_off = fs->lsp + 1;
  nk->h_last = h_last;
  nk->rest_off = first_len + 1;
  nk->h_rest = h_rest;
  tmp_clear (ktmp);
  initials (ktmp, fold);
  nk->ini = copy (data, ktmp->str, ktmp->len);
  nk->ini_len = ktmp->len;
}

/* The folded names and initialisms of a document's clusters, copied one
 * after the other into blocks the thread keeps: the first block stays
 * between documents, any more are freed after one (a GStringChunk made,
 * filled and freed per document was ~0.5 M instructions on the small
 * corpus). */
#define POOL_BLOCK 4096
typedef struct PoolBlock {
  struct PoolBlock *next;
  gsize size;
  char data[];
} PoolBlock;

typedef struct Pool {
  PoolBlock *first, *cur;
  gsize used;                 /* bytes used of cur */
} Pool;

static PoolBlock *
pool_block_new (gsize size)
{
  PoolBlock *b = g_malloc (sizeof (PoolBlock) + size);
  b->next = NULL;
  b->size = size;
  return b;
}

static const char *
pool_copy (gpointer data, const char *s, gsize len)
{
  Pool *p = data;
  if (p->cur == NULL)
    p->first = p->cur = pool_block_new (POOL_BLOCK);
  if (p->used + len + 1 > p->cur->size)
    {
      PoolBlock *b = pool_block_new (MAX ((gsize) POOL_BLOCK, len + 1));
      p->cur->next = b;
      p->cur = b;
      p->used = 0;
    }
  char *d = p->cur->data + p->used;
  memcpy (d, s, len);
  d[len] = '\0';
  p->used += len + 1;
  return d;
}

/* Empties @p for the next document: its first block kept, or none when
 * @all. */
static void
pool_reset (Pool *p, gboolean all)
{
  PoolBlock *b = p->first ? p->first->next : NULL;
  while (b)
    {
      PoolBlock *next = b->next;
      g_free (b);
      b = next;
    }
  if (p->first)
    p->first->next = NULL;
  if (all)
    g_clear_pointer (&p->first, g_free);
  p->cur = p->first;
  p->used = 0;
}

/* Makes a cluster named @nk.  A gazetteer cluster gets only the index
 * keys some lookup can take it from: no cluster with a gazetteer line
 * changes type, and the name-part lookups ('w') take only people or
 * clusters without one, the initialism lookups ('a') only what is not a
 * person. */
static gint
new_cluster_keys (Cx *x, EvlEntityType type, const EvlLexEntry *gaz, const NameKeys *nk)
{
  if (x->n_cls == x->cap_cls)
    {
      x->cap_cls = MAX (16u, x->cap_cls * 2);
      x->cls = g_renew (Cl, x->cls, x->cap_cls);
    }
  gint ci = (gint) x->n_cls++;
  const char *fold = nk->fold;
  x->cls[ci] = (Cl) {
    .type = type,
    .gaz = gaz,
    .fold = fold,
    .fold_words = nk->words,
    .fold_hash = nk->h,
    .fold_len = nk->len,
    .first_len = nk->words >= 2 ? nk->first_len : G_MAXSIZE,
    .first_hash = nk->h_first,
    .merged = -1,
  };

  index_add_h (x, 'f', fold, nk->len, ci, prefix_hash ('f', nk->h));
  if (gaz)
    index_add (x, 'g', (const char *) gaz, 0, ci);
  if (nk->words < 2)
    return ci;
  /* A known organisation's first word: its short form ('Amnesty' of
   * 'Amnesty International', resolve_single()). */
  if (gaz && type == EVL_ENTITY_ORGANIZATION)
    index_add_h (x, 'w', fold, nk->first_len, ci, prefix_hash ('w', nk->h_first));
  if (gaz == NULL || type == EVL_ENTITY_PERSON)
    {
      const char *lw = fold + nk->last_off, *rest = fold + nk->rest_off;
      index_add_h (x, 'w', fold, nk->first_len, ci, prefix_hash ('w', nk->h_first));
      index_add_h (x, 'w', lw, nk->len - nk->last_off, ci, prefix_hash ('w', nk->h_last));
      /* Two words: the rest is the last word, already listed. */
      if (rest != lw)
        index_add_h (x, 'w', rest, nk->len - nk->rest_off, ci, prefix_hash ('w', nk->h_rest));
    }
  if (gaz == NULL || type != EVL_ENTITY_PERSON)
    index_add (x, 'a', nk->ini, nk->ini_len, ci);
  return ci;
}

/* A new cluster named @fold_in, whose fold_scan() is @fs. */
static gint
new_cluster_scanned (Cx *x, EvlEntityType type, const EvlLexEntry *gaz, const char *fold_in,
                     const FoldScan *fs)
{
  NameKeys nk;
  name_keys (&nk, fold_in, fs, x->ktmp, pool_copy, x->pool);
  return new_cluster_keys (x, type, gaz, &nk);
}

static gint
new_cluster (Cx *x, EvlEntityType type, const EvlLexEntry *gaz, const char *fold_in)
{
  FoldScan fs;
  fold_scan (fold_in, &fs);
  return new_cluster_scanned (x, type, gaz, fold_in, &fs);
}

/* The NameKeys of a gazetteer line's folded canonical name and the
 * bytes they point to, in one block. */
typedef struct {
  NameKeys nk;
  gsize used;
  char bytes[];
} GazNames;

static const char *
block_copy (gpointer data, const char *s, gsize len)
{
  GazNames *g = data;
  char *d = g->bytes + g->used;
  memcpy (d, s, len);
  d[len] = '\0';
  g->used += len + 1;
  return d;
}

/* A new cluster for the gazetteer line @gaz under its canonical name: the
 * fold and keys of the name are made once per context (EvlEntLex
 * gaz_names), not once per document (the fold, hashes, initialism and
 * pool copies were ~1,000 instructions a cluster on the small corpus). */
static gint
new_gaz_cluster (Cx *x, EvlEntityType type, const EvlLexEntry *gaz)
{
  guint l;
  gint at = evl_ent_gaz_index (x->lex, gaz, &l);
  tmp_clear (x->tmp);
  if (at < 0)
    {
      evl_ent_fold_name (x->tmp, gaz->canonical, strlen (gaz->canonical));
      return new_cluster (x, type, gaz, x->tmp->str);
    }
  gpointer *slot = &x->lex->gaz_names[l][at];
  GazNames *g = g_atomic_pointer_get (slot);
  if (g == NULL)
    {
      evl_ent_fold_name (x->tmp, gaz->canonical, strlen (gaz->canonical));
      /* The name and its initialism, each with a NUL: the initialism has
       * at most a byte per word. */
      g = g_malloc (sizeof (GazNames) + 2 * (x->tmp->len + 1));
      g->used = 0;
      FoldScan fs;
      fold_scan (x->tmp->str, &fs);
      name_keys (&g->nk, x->tmp->str, &fs, x->ktmp, block_copy, g);
      if (!g_atomic_pointer_compare_and_exchange (slot, NULL, g))
        {
          g_free (g);
          g = g_atomic_pointer_get (slot);
        }
    }
  return new_cluster_keys (x, type, gaz, &g->nk);
}

static gint
find_gaz (Cx *x, const EvlLexEntry *gaz)
{
  for (gint n = index_get (x, 'g', (const char *) gaz, 0); n >= 0; n = node (x, n)->next)
    {
      gint i = node (x, n)->ci;
      if (!cl (x, i)->city && cl (x, i)->merged < 0)
        return i;
    }
  return -1;
}

/* The first cluster of list @n ('f' + a folded name, index_get()) of
 * @type and @city that has not merged, or -1. */
static gint
find_in (Cx *x, gint n, EvlEntityType type, gboolean city)
{
  for (; n >= 0; n = node (x, n)->next)
    {
      Cl *c = cl (x, node (x, n)->ci);
      if (c->merged < 0 && c->type == type && c->city == city)
        return node (x, n)->ci;
    }
  return -1;
}

/* Records that candidate @c joined cluster @ci; @words is the number of words
 * of its folded text (unused for descriptions and pronouns). */
static void
attach (Cx *x, EvlCand *c, gint ci, guint words)
{
  c->cluster = ci;
  Cl *k = cl (x, ci);
  k->n_mentions++;
  k->last = MAX (k->last, c->span.start);
  k->mid |= c->mid;
  k->club |= c->club;
  k->n_speech += c->speaker != 0;
  k->n_speech_it += c->speaker == 2;
  /* An organisation's context ('shares of Fjordair') confirms a name. */
  if (c->org_ctx)
    k->tentative = FALSE;
  if (c->kind == EVL_CAND_DESC || c->kind == EVL_CAND_PRONOUN)
    return;
  if (c->kind != EVL_CAND_SINGLE && words >= 2)
    k->n_full++;
  if (c->kind == EVL_CAND_NAME)
    {
      k->n_as_person += c->person_cue && k->n_as_person < G_MAXUINT16;
      k->n_as_place += c->type == EVL_ENTITY_LOCATION && k->n_as_place < G_MAXUINT16;
    }
  if (k->type == EVL_ENTITY_PERSON)
    {
      if (c->country && !k->country)
        k->country = c->country;
      if (c->title && !k->title)
        k->title = c->title;
    }
  if (words > k->surface_words)
    {
      k->surface = c->span;
      k->surface_words = words;
    }
}

/* The span @sp is one word in capitals of 2-8 letters. */
static gboolean
is_caps_word (const Cx *x, EvlSpan sp)
{
  if (EVL_SPAN_LEN (sp) < 2 || EVL_SPAN_LEN (sp) > 8)
    return FALSE;
  for (guint32 k = sp.start; k < sp.end; k++)
    if (!g_ascii_isupper (x->text[k]))
      return FALSE;
  return TRUE;
}

/* The cluster an acronym defined in the text names (define_acronym()), or
 * -1: a later 'NSC' is the document's, not the gazetteer's. */
static G_GNUC_NO_INLINE gint
defined_acronym (Cx *x, const EvlCand *c)
{
  if (!is_caps_word (x, c->span))
    return -1;
  fold_span (x, c->span);
  gint n = index_get (x, 'f', x->tmp->str, x->tmp->len);
  return n >= 0 ? root (x, node (x, n)->ci) : -1;
}

/* 'the Norwegian Seafood Council (NSC)': an acronym in parentheses right
 * after a name @p (resolved) names what @p names, whatever the gazetteer
 * says of it, when each of its letters starts a word of the name ('UNITA'
 * after 'National Union for the Total Independence of Angola'; not 'AP'
 * after 'Moscow').  Then @c joins @p's cluster, and later mentions of the
 * acronym find it by its folded text. */
static G_GNUC_NO_INLINE gboolean
define_acronym (Cx *x, const EvlCand *p, EvlCand *c)
{
  const char *t = x->text;
  guint32 a = c->span.start, b = c->span.end;
  if (a == 0 || t[a - 1] != '(' || t[b] != ')' || p->cluster < 0 || p->span.end >= a
      || p->kind == EVL_CAND_PRONOUN || p->kind == EVL_CAND_DESC || !is_caps_word (x, c->span))
    return FALSE;
  for (guint32 k = p->span.end; k + 1 < a; k++)
    if (t[k] != ' ')
      return FALSE;
  guint32 initials = 0;
  for (guint32 k = p->span.start; k < p->span.end; k++)
    if ((k == p->span.start || t[k - 1] == ' ' || t[k - 1] == '-') && g_ascii_isalpha (t[k]))
      initials |= 1u << (g_ascii_toupper (t[k]) - 'A');
  for (guint32 k = a; k < b; k++)
    if (!(initials & (1u << (t[k] - 'A'))))
      return FALSE;
  gint ci = root (x, p->cluster);
  fold_span (x, c->span);
  index_add (x, 'f', pool_copy (x->pool, x->tmp->str, x->tmp->len), x->tmp->len, ci);
  x->n_defined++;
  c->kind = EVL_CAND_NAME;
  attach (x, c, ci, 1);
  return TRUE;
}

/* 'The crowd rushed at Manuel Gonzalez' once, 'Manuel Gonzalez, 59, a
 * bus mechanic' elsewhere: a place preposition before an unknown name
 * ('at', 'from') is weaker evidence than the name speaking or described
 * as a person, so a rule-made place at least as often so named is a
 * person.  (An organisation's cues are specific: kept.) */
static void
retype_votes (Cx *x)
{
  for (guint i = 0; i < x->n_cls; i++)
    {
      Cl *k = &x->cls[i];
      if (k->merged < 0 && k->type == EVL_ENTITY_LOCATION && !k->gaz && !k->city
          && k->n_as_person >= 1 && k->n_as_person >= k->n_as_place)
        k->type = EVL_ENTITY_PERSON;
    }
}

/* Step 1 and 2: gazetteer names, capitals, multi-word rule names. */
static void
resolve_names (Cx *x, EvlCand *c, gboolean heading_pass)
{
  if (c->kind != EVL_CAND_GAZ && c->kind != EVL_CAND_CAPITAL && c->kind != EVL_CAND_NAME)
    return;
  /* A gazetteer name joins its line's cluster: its folded text is needed
   * only for its word count (folding every mention was ~1 M instructions
   * on the small corpus). */
  guint words;
  gsize flen = 0;
  guint32 fh = 0;
  FoldScan fs;
  if (c->kind == EVL_CAND_GAZ || (c->kind == EVL_CAND_CAPITAL && c->actor))
    words = evl_ent_fold_words (x->text + c->span.start, EVL_SPAN_LEN (c->span));
  else
    {
      fold_span (x, c->span);
      fh = fold_scan (x->tmp->str, &fs);
      flen = fs.len;
      words = fs.words;
    }
  /* A bare surname from the gazetteer ('Cheney') names whoever the
   * document calls by it ('Liz Cheney'); the gazetteer only decides when
   * the document has no such full name (step 3). */
  if (c->kind == EVL_CAND_GAZ && c->gaz_kind == EVL_GAZ_PERSON && words < 2)
    {
      c->kind = EVL_CAND_SINGLE;
      return;
    }
  gint ci = -1;
  switch (c->kind)
    {
    case EVL_CAND_GAZ:
      ci = x->n_defined ? defined_acronym (x, c) : -1;
      if (ci < 0)
        ci = find_gaz (x, c->gaz);
      if (ci < 0)
        ci = new_gaz_cluster (x, c->type, c->gaz);
      break;
    case EVL_CAND_CAPITAL:
      if (c->actor)
        {
          ci = find_gaz (x, c->gaz);
          if (ci < 0)
            ci = new_gaz_cluster (x, EVL_ENTITY_LOCATION, c->gaz);
        }
      else
        {
          ci = find_in (x, index_get_h (x, 'f', x->tmp->str, flen, fh), EVL_ENTITY_LOCATION, TRUE);
          if (ci < 0)
            {
              ci = new_cluster_scanned (x, EVL_ENTITY_LOCATION, c->gaz, x->tmp->str, &fs);
              cl (x, ci)->city = TRUE;
            }
        }
      break;
    case EVL_CAND_NAME:
      {
        /* One list for every type: no cluster is made meanwhile. */
        gint fl = index_get_h (x, 'f', x->tmp->str, flen, fh);
        ci = find_in (x, fl, c->type, FALSE);
        for (guint t = 0; t < EVL_ENTITY_N && ci < 0; t++)
          if (t != c->type)
            {
              /* Rules may type one name differently in two places ('Khmer
               * Rouge' as actor, 'in Khmer Rouge territory'): person is
               * only the default, so evidence for a place or organisation
               * wins. */
              ci = find_in (x, fl, (EvlEntityType) t, FALSE);
              if (ci >= 0 && !cl (x, ci)->gaz && cl (x, ci)->type == EVL_ENTITY_PERSON
                  && c->type != EVL_ENTITY_PERSON && !c->titled)
                cl (x, ci)->type = c->type;
            }
      }
      if (ci < 0 && !heading_pass)
        ci = new_cluster_scanned (x, c->type, NULL, x->tmp->str, &fs);
      break;
    default:
      return;
    }
  if (ci >= 0)
    attach (x, c, ci, words);
}

/* TRUE when the folded partial name @s names the person @full: a single
 * word that is @full's first or last word ('Kim', 'Putin'); or several
 * words that are everything after the first ('Jong Un' of 'Kim Jong Un') or
 * the same first and last words ('Vladimir Putin' of 'Vladimir V. Putin'). */
static gboolean
name_part (const char *s, const char *full)
{
  gsize n = strlen (s), fl = strlen (full);
  if (n == 0 || n >= fl)
    return FALSE;
  const char *fsp = strchr (full, ' ');
  const char *ssp = strchr (s, ' ');
  if (fsp == NULL)
    return FALSE;
  if (ssp == NULL)
    return (strncmp (full, s, n) == 0 && full[n] == ' ') || strcmp (last_word (full), s) == 0;
  if (strcmp (fsp + 1, s) == 0)
    return TRUE;
  return ssp - s == fsp - full && strncmp (s, full, ssp - s) == 0
         && strcmp (last_word (s), last_word (full)) == 0;
}

static gboolean
titles_clash (const EvlLexEntry *a, const EvlLexEntry *b)
{
  if (a == NULL || b == NULL || a == b)
    return FALSE;
  const char *ca = evl_ent_attr (a, "class"), *cb = evl_ent_attr (b, "class");
  return !(ca && strcmp (ca, "honorific") == 0) && !(cb && strcmp (cb, "honorific") == 0);
}

/* 1 + the offset of the latest mention of cluster @ci (merges followed)
 * before @at, 0 when none.  A scan of the candidates: asked only when two
 * people share a surname. */
static guint32
latest_before (Cx *x, gint ci, guint32 at)
{
  guint32 best = 0;
  for (guint i = 0; i < x->cands->len; i++)
    {
      const EvlCand *c = &g_array_index (x->cands, EvlCand, i);
      if (c->span.start >= at)
        break;
      if (c->cluster >= 0 && root (x, c->cluster) == ci)
        best = c->span.start + 1;
    }
  return best;
}

/* The person cluster a partial name refers to (@base: str_hash() of
 * @fold): most full-name mentions, then most recent before @at.  A
 * person with another title is someone else ('King Hussein' is not
 * 'President Saddam Hussein').  A surname two people share, written
 * last in both names ('Bellingham' of two brothers), is the one named
 * latest before it: writers repeat the full name on each change of
 * person, so counting full names would give every bare surname to one. */
static gint
best_person (Cx *x, const char *fold, gsize len, guint32 base, gsize first_len, guint32 first_hash,
             guint32 at, gint exclude, const EvlLexEntry *title)
{
  /* Candidates: names with @fold as first word, last word or given names,
   * and (for a multi-word @fold, whose first word has @first_len bytes
   * and evl_fnv1a() @first_hash; G_MAXSIZE when one word) names sharing
   * its first word.  Each list is in creation order (ascending, no
   * repeats): walked as one merged list, without collecting and sorting
   * them.  @len, @first_len and the hashes come from the fold's scan: a
   * strlen(), strchr() and hash a call were ~0.3 M instructions on the
   * small corpus. */
  gint na = index_get_h (x, 'w', fold, len, base);
  gboolean one_word = first_len == G_MAXSIZE;
  gint nb = one_word ? -1 : index_get_h (x, 'w', fold, first_len, first_hash);
  gint best = -1, prev = -1;
  while (na >= 0 || nb >= 0)
    {
      guint i;
      if (nb < 0 || (na >= 0 && node (x, na)->ci <= node (x, nb)->ci))
        {
          i = (guint) node (x, na)->ci;
          na = node (x, na)->next;
        }
      else
        {
          i = (guint) node (x, nb)->ci;
          nb = node (x, nb)->next;
        }
      if ((gint) i == prev)
        continue;
      prev = (gint) i;
      Cl *k = cl (x, i);
      if (k->merged >= 0 || k->type != EVL_ENTITY_PERSON || (gint) i == exclude
          || k->fold_words < 2 || !name_part (fold, k->fold)
          || titles_clash (title, k->title))
        continue;
      if (best < 0)
        {
          best = (gint) i;
          continue;
        }
      Cl *b = cl (x, best);
      if (one_word && at != G_MAXUINT32 && strcmp (last_word (k->fold), fold) == 0
          && strcmp (last_word (b->fold), fold) == 0)
        {
          guint32 lk = latest_before (x, (gint) i, at), lb = latest_before (x, best, at);
          if (lk != lb)
            {
              if (lk > lb)
                best = (gint) i;
              continue;
            }
        }
      guint32 kl = k->last <= at ? k->last : 0, bl = b->last <= at ? b->last : 0;
      if (k->n_full > b->n_full || (k->n_full == b->n_full && kl > bl))
        best = (gint) i;
    }
  return best;
}

/* A shorter multi-word person name that is part of a longer one
 * ('Jong Un' of 'Kim Jong Un', 'Vladimir Putin' of 'Vladimir V. Putin'). */
static void
merge_people (Cx *x)
{
  for (guint i = 0; i < x->n_cls; i++)
    {
      Cl *a = cl (x, i);
      if (a->merged >= 0 || a->type != EVL_ENTITY_PERSON || a->gaz)
        continue;
      gint b = best_person (x, a->fold, a->fold_len, a->fold_hash, a->first_len, a->first_hash,
                            G_MAXUINT32, (gint) i, a->title);
      if (b >= 0 && cl (x, b)->fold_words > a->fold_words)
        {
          a->merged = b;
          cl (x, b)->n_full += a->n_full;
          cl (x, b)->n_mentions += a->n_mentions;
        }
    }
}

/* 'Nationalist Action' of the 'Nationalist Action Party', 'Bank of
 * Melbourne' of 'Bank of Melbourne Ltd': a name of an organisation, or
 * one the rules took for a person's by default with nothing about it a
 * person's, that is the document's organisation's name less its one last
 * word, an organisation's head, is that organisation's short form.  Not a public
 * body's head (body cues): those are named after people ('Harry Truman
 * Library', 'Kennedy Institute'). */
static void
merge_org_prefixes (Cx *x)
{
  for (guint i = 0; i < x->n_cls; i++)
    {
      Cl *a = cl (x, i);
      if (a->merged >= 0 || a->gaz || a->fold_words < 2 || a->type == EVL_ENTITY_LOCATION
          || (a->type == EVL_ENTITY_PERSON && (a->title || a->n_as_person)))
        continue;
      gint found = -1;
      gboolean twice = FALSE;
      for (gint j = index_get_h (x, 'w', a->fold, a->first_len, a->first_hash); j >= 0 && !twice;
           j = node (x, j)->next)
        {
          gint ci = node (x, j)->ci;
          Cl *k = cl (x, ci);
          if (ci == found || k->merged >= 0 || k->type != EVL_ENTITY_ORGANIZATION
              || k->fold_words != a->fold_words + 1 || k->fold_len <= a->fold_len + 1
              || k->fold[a->fold_len] != ' ' || memcmp (k->fold, a->fold, a->fold_len) != 0)
            continue;
          const char *head = k->fold + a->fold_len + 1;
          const EvlLexEntry *cue = x->lex->cues ? evl_lexicon_lookup (x->lex->cues, head, -1) : NULL;
          guint bits = evl_ent_cue_bits (x->lex, cue);
          if (!(bits & EVL_CUE_ORG_HEAD) || (bits & EVL_CUE_BODY))
            continue;
          twice = found >= 0;
          found = ci;
        }
      if (found < 0 || twice)
        continue;
      a->merged = found;
      cl (x, found)->n_full += a->n_full;
      cl (x, found)->n_mentions += a->n_mentions;
    }
}

/* evl_lexicon_lookup() of @fold (@len bytes) in the titles, NULL at once
 * when the one_bloom filter rules it out: a key of 1-255 bytes none below
 * 0x21 is its bytes lower-cased (evl_fold_key()), whose slot has
 * EVL_ENT_ONE_TITLES when some title is such a word.  Nearly every single
 * word is no title, and the lookup's fold and probe were ~110
 * instructions (~4 k words on the small corpus). */
static const EvlLexEntry *
title_lookup (const Cx *x, const char *fold, gsize len)
{
  if (len >= 1 && len <= 255)
    {
      gsize k = 0;
      while (k < len && (guchar) fold[k] >= 0x21)
        k++;
      if (k == len
          && !(x->lex->one_bloom[evl_ent_one_slot (evl_ent_chunk (fold, MIN (len, 8), fold + len), len)]
               & EVL_ENT_ONE_TITLES))
        return NULL;
    }
  return evl_lexicon_lookup (x->lex->titles, fold, (gssize) len);
}

/* The start of the word that ends, after spaces, right before @at, or
 * @at when none does. */
static gsize
word_before (const char *t, gsize at)
{
  gsize a = at;
  while (a > 0 && t[a - 1] == ' ')
    a--;
  if (a == at || a == 0 || !g_ascii_isalpha (t[a - 1]))
    return at;
  while (a > 0 && g_ascii_isalpha (t[a - 1]))
    a--;
  return a;
}

/* No capitalised word touches @sp across a space, nor across 'of': a
 * word of a longer name or title the scanner did not take whole ('the
 * PNG State', 'Croatian Democratic Union', 'Secretary of State for
 * African Affairs') is no short form of another name. */
static gboolean
stands_alone (const Cx *x, EvlSpan sp)
{
  const char *t = x->text;
  gsize len = x->text_len;
  gsize a = word_before (t, sp.start);
  if (a + 2 < sp.start && t[a] == 'o' && t[a + 1] == 'f' && !g_ascii_isalpha (t[a + 2]))
    a = word_before (t, a);
  if (a < sp.start && g_ascii_isupper (t[a]))
    return FALSE;
  gsize b = sp.end;
  while (b < len && t[b] == ' ')
    b++;
  return !(b > sp.end && b < len && g_ascii_isupper (t[b]));
}

/* Single word @c names something other than organisation @k whose first
 * word it is (EVL_OWN_*): a place, or what a body is named after. */
static gboolean
first_word_elsewhere (const Cl *k, const EvlCand *c)
{
  if ((k->club & EVL_OWN_CLUB) && c->type == EVL_ENTITY_LOCATION)
    return TRUE;
  return (k->club & EVL_OWN_BODY) && (c->type == EVL_ENTITY_LOCATION || !(c->speaker || c->org_ctx));
}

/* Step 3: single words. */
static void
resolve_single (Cx *x, EvlCand *c, gboolean heading_pass)
{
  fold_span (x, c->span);
  /* The name is looked up under several prefixes; no cluster is made
   * before the last lookup (a gazetteer cluster ends the search). */
  FoldScan fs;
  guint32 fh = fold_scan (x->tmp->str, &fs);
  gsize flen = fs.len;   /* the 'f' keys end at a NUL */
  guint fwords = fs.words;
  guint32 base = flen == x->tmp->len ? fh : evl_fnv1a (x->tmp->str, x->tmp->len);
  gint fl = index_get_h (x, 'f', x->tmp->str, flen, fh);
  /* 'Amnesty said' after 'Amnesty International', 'Ford shares' after
   * 'Ford Motor': the first word of a known organisation named in the
   * text is its short form, when it reads as a name (mid-sentence, or
   * speaking) and is no known name of its own ('European').  In an
   * organisation's context it is the organisation even when a person has
   * that name too ('Bill Ford'). */
  gint org = -1;
  if (c->gaz == NULL && !c->titled && (c->mid || c->speaker || c->org_ctx))
    for (gint j = index_get_h (x, 'w', x->tmp->str, x->tmp->len, base); j >= 0 && org < 0; j = node (x, j)->next)
      {
        Cl *k = cl (x, node (x, j)->ci);
        gsize n = x->tmp->len;
        if (k->merged < 0 && k->type == EVL_ENTITY_ORGANIZATION && !first_word_elsewhere (k, c)
            && strncmp (k->fold, x->tmp->str, n) == 0 && k->fold[n] == ' ')
          org = node (x, j)->ci;
      }
  if (org >= 0 && !stands_alone (x, c->span))
    org = -1;
  /* 'the Queen', 'Pope': a title alone names nobody here. */
  gint ci = org >= 0 && c->org_ctx ? org
            : title_lookup (x, x->tmp->str, x->tmp->len) ? -1
            : best_person (x, x->tmp->str, fs.len, fh, fs.sp, fs.h_first, c->span.start, -1,
                           c->titled ? c->title : NULL);
  /* A place or organisation of exactly this name ('Newark' after the
   * dateline 'NEWARK'), before any longer name it starts. */
  for (guint t = 0; t < EVL_ENTITY_N && ci < 0; t++)
    if (t != EVL_ENTITY_PERSON)
      ci = find_in (x, fl, (EvlEntityType) t, FALSE);
  if (ci < 0)
    ci = find_in (x, fl, EVL_ENTITY_LOCATION, TRUE);
  if (ci < 0)
    {
      /* 'Vostochny' after 'Vostochny Cosmodrome': the first word of a
       * multi-word place or organisation found by rules; but 'through
       * Leeds' is the city, not Leeds United. */
      for (gint j = index_get_h (x, 'w', x->tmp->str, x->tmp->len, base); j >= 0 && ci < 0; j = node (x, j)->next)
        {
          Cl *k = cl (x, node (x, j)->ci);
          gsize n = x->tmp->len;
          if (k->merged < 0 && k->type != EVL_ENTITY_PERSON && !k->gaz && !c->titled
              && !first_word_elsewhere (k, c)
              && strncmp (k->fold, x->tmp->str, n) == 0 && k->fold[n] == ' ')
            ci = node (x, j)->ci;
        }
    }
  if (ci < 0)
    ci = org;
  gint ini = c->acronym && ci < 0 ? index_get_h (x, 'a', x->tmp->str, x->tmp->len, base) : -1;
  for (gint j = ini; j >= 0 && ci < 0; j = node (x, j)->next)
    {
      Cl *k = cl (x, node (x, j)->ci);
      if (k->merged < 0 && k->type != EVL_ENTITY_PERSON)
        ci = node (x, j)->ci;
    }
  if (ci < 0 && c->gaz)
    {
      ci = find_gaz (x, c->gaz);
      /* The canonical name takes the buffer: the mention's fold is not
       * needed again (fwords was counted). */
      if (ci < 0)
        ci = new_gaz_cluster (x, EVL_ENTITY_PERSON, c->gaz);
    }
  if (ci < 0 && !heading_pass)
    {
      /* An unknown acronym in running text names an organisation
       * ('TWA', 'KCNA'), and so does a word in an organisation's context
       * ('shares of Fjordair'). */
      if (c->acronym || c->org_ctx)
        c->type = EVL_ENTITY_ORGANIZATION;
      ci = find_in (x, fl, c->type, FALSE);
      /* 'Fujimori said', 'Fjordair said it': a name if it speaks again
       * (confirm_speakers()); news speakers are mostly people whose full
       * name was missed. */
      gboolean tentative = !(c->titled || c->acronym || c->org_ctx == 1 || c->type == EVL_ENTITY_LOCATION);
      if (tentative && c->speaker == 2)
        c->type = EVL_ENTITY_ORGANIZATION;
      /* 'China's Justice Ministry' cut at the document's 'justice': the
       * head of a common noun phrase names nobody of its own. */
      if (ci < 0 && (!tentative || c->speaker) && !c->common)
        {
          ci = new_cluster (x, c->type, NULL, x->tmp->str);
          if (tentative)
            {
              cl (x, ci)->tentative = TRUE;
              x->n_tentative++;
            }
        }
    }
  else if (ci >= 0 && c->org_ctx && !c->titled)
    {
      /* 'Kelvara Mining said ... Kelvara shares fell': a name taken for a
       * person by default is the organisation its context says. */
      Cl *k = cl (x, ci);
      if (k->type == EVL_ENTITY_PERSON && k->gaz == NULL && k->title == NULL)
        k->type = EVL_ENTITY_ORGANIZATION;
    }
  if (ci >= 0)
    {
      c->type = cl (x, ci)->type;
      attach (x, c, ci, fwords);
    }
}

/* The first tentative cluster of list @n ('f' + a folded name) of a
 * person or organisation, or -1. */
static gint
find_tentative (Cx *x, gint n)
{
  for (; n >= 0; n = node (x, n)->next)
    {
      Cl *c = cl (x, node (x, n)->ci);
      if (c->merged < 0 && c->tentative && c->type != EVL_ENTITY_LOCATION)
        return node (x, n)->ci;
    }
  return -1;
}

/* The tentative clusters of unknown speakers (resolve_single()): earlier
 * mentions of the same word join them; one that speaks only once, or is
 * named only at sentence starts ('Witnesses said'), is dropped; one that
 * speaks of itself as 'it' is an organisation, and joins the organisation
 * of that name found by its context ('shares of Fjordair'). */
static G_GNUC_NO_INLINE void
confirm_speakers (Cx *x, GArray *cands, const guint *singles, guint n_single)
{
  for (guint k = 0; k < n_single; k++)
    {
      EvlCand *c = &g_array_index (cands, EvlCand, singles[k]);
      if (c->cluster >= 0)
        continue;
      fold_span (x, c->span);
      FoldScan fs;
      guint32 fh = fold_scan (x->tmp->str, &fs);
      gint ci = find_tentative (x, index_get_h (x, 'f', x->tmp->str, fs.len, fh));
      if (ci >= 0)
        attach (x, c, ci, fs.words);
    }
  gboolean dropped = FALSE;
  for (guint i = 0; i < x->n_cls; i++)
    {
      Cl *k = cl (x, i);
      if (!k->tentative || k->merged >= 0)
        continue;
      gint n = index_get_h (x, 'f', k->fold, k->fold_len, k->fold_hash);
      for (gint o; n >= 0 && k->merged < 0; n = node (x, n)->next)
        if ((o = node (x, n)->ci) != (gint) i && cl (x, o)->merged < 0 && !cl (x, o)->city
            && cl (x, o)->type == EVL_ENTITY_ORGANIZATION && !cl (x, o)->tentative)
          {
            k->merged = o;
            cl (x, o)->n_mentions += k->n_mentions;
          }
      if (k->merged >= 0)
        continue;
      if (k->n_speech < 2 || !k->mid)
        {
          k->type = EVL_ENTITY_N;   /* no lookup takes it */
          dropped = TRUE;
          continue;
        }
      /* 'it' after a verb of speech is often no subject ('Fujimori said
       * it took ...'): the most of its speeches decide. */
      k->type = k->n_speech_it * 2 > k->n_speech ? EVL_ENTITY_ORGANIZATION : EVL_ENTITY_PERSON;
    }
  for (guint i = 0; i < cands->len && dropped; i++)
    {
      EvlCand *c = &g_array_index (cands, EvlCand, i);
      if (c->cluster >= 0 && cl (x, root (x, c->cluster))->type == EVL_ENTITY_N)
        c->cluster = -1;
    }
}

static const EvlLexEntry *
person_country (Cx *x, Cl *k)
{
  if (k->country)
    return k->country;
  const char *cn = evl_ent_attr (k->gaz, "country");
  return cn ? evl_lexicon_lookup (x->lex->countries, cn, -1) : NULL;
}

static const char *
person_class (Cx *x, Cl *k)
{
  if (k->title)
    return evl_ent_attr (k->title, "class");
  const char *role = evl_ent_attr (k->gaz, "role");
  const EvlLexEntry *t = role ? evl_lexicon_lookup (x->lex->titles, role, -1) : NULL;
  return evl_ent_attr (t, "class");
}

static gboolean
class_in (const char *cls, const char *list)
{
  gsize n = strlen (cls);
  for (const char *p = list; p && *p;)
    {
      if (strncmp (p, cls, n) == 0 && (p[n] == '|' || p[n] == '\0'))
        return TRUE;
      p = strchr (p, '|');
      p = p ? p + 1 : NULL;
    }
  return FALSE;
}

/* Step 4. */
static void
resolve_reference (Cx *x, EvlCand *c)
{
  gint ci = -1;
  if (c->kind == EVL_CAND_CONTEXT)
    ci = find_gaz (x, c->gaz);
  else if (c->kind == EVL_CAND_DESC && c->desc == NULL)
    {
      /* a title alone ('the former treasurer'): the one person the
       * document titles so, none when two are */
      for (guint i = 0; i < x->n_cls && ci != -2; i++)
        {
          Cl *k = cl (x, i);
          if (k->merged < 0 && k->type == EVL_ENTITY_PERSON && k->title == c->title)
            ci = ci < 0 ? (gint) i : -2;
        }
    }
  else if (c->kind == EVL_CAND_DESC)
    {
      const char *want = evl_ent_attr (c->desc, "class");
      for (guint i = 0; i < x->n_cls; i++)
        {
          Cl *k = cl (x, i);
          if (k->merged >= 0 || k->type != EVL_ENTITY_PERSON || person_country (x, k) != c->country)
            continue;
          const char *have = person_class (x, k);
          if (!have || !want || !class_in (have, want))
            continue;
          if (ci < 0 || k->n_mentions > cl (x, ci)->n_mentions)
            ci = (gint) i;
        }
    }
  if (ci >= 0)
    attach (x, c, ci, c->kind == EVL_CAND_CONTEXT
                      ? evl_ent_fold_words (x->text + c->span.start, EVL_SPAN_LEN (c->span)) : 0);
}

/* The pronoun spanning @sp opens a relative clause on the clause before
 * it whose verb denies it (', which he denied', ', which she has
 * flatly disputed'): past up to two auxiliaries or adverbs. */
static gboolean
which_denied (const Cx *x, EvlSpan sp)
{
  static const char *const deny[] = { "deny", "denies", "denied", "denying", "dispute", "disputes", "disputed",
                                      "refute", "refutes", "refuted", NULL };
  gsize i = sp.start;
  while (i > 0 && x->text[i - 1] == ' ')
    i--;
  if (i < 7 || g_ascii_strncasecmp (x->text + i - 5, "which", 5) != 0 || g_ascii_isalnum (x->text[i - 6]))
    return FALSE;
  i -= 5;
  while (i > 0 && x->text[i - 1] == ' ')
    i--;
  if (i == 0 || x->text[i - 1] != ',')
    return FALSE;
  gsize j = sp.end;
  for (guint n = 0; n < 3 && j < x->text_len; n++)
    {
      while (j < x->text_len && x->text[j] == ' ')
        j++;
      gsize b = j;
      while (j < x->text_len && g_ascii_isalpha (x->text[j]))
        j++;
      char w[16];
      if (j == b || j - b >= sizeof w)
        return FALSE;
      for (gsize k = b; k < j; k++)
        w[k - b] = g_ascii_tolower (x->text[k]);
      w[j - b] = '\0';
      if (g_strv_contains (deny, w))
        return TRUE;
    }
  return FALSE;
}

/* Step 6: 'he' / 'she' is the person who is the first person mentioned
 * (roughly, the subject) earlier in the same sentence, else in the nearest
 * of the two sentences before.  News prose keeps its subject across such
 * short spans; further back it is left unresolved.  In a relative clause
 * denying the clause before it ('A's lawyer accused B of lying, which he
 * denied'), the pronoun is the one that clause tells of, its last
 * person: who denies a claim is whom it is about, not who made it. */
static void
resolve_pronouns (Cx *x, GArray *cands)
{
  gint first_in[3] = { -1, -1, -1 };   /* sentence s, s-1, s-2 */
  gint last_in = -1;                    /* the last person of sentence s */
  guint32 sent[3] = { G_MAXUINT32, G_MAXUINT32, G_MAXUINT32 };
  for (guint i = 0; i < cands->len; i++)
    {
      EvlCand *c = &g_array_index (cands, EvlCand, i);
      if (c->sentence != sent[0])
        {
          /* Shift the window; sentences without people keep their slot
           * empty so that the window still spans two sentences. */
          guint gap = sent[0] == G_MAXUINT32 ? 3 : MIN (c->sentence - sent[0], 3u);
          for (guint k = 0; k < gap; k++)
            {
              first_in[2] = first_in[1], sent[2] = sent[1];
              first_in[1] = first_in[0], sent[1] = sent[0];
              first_in[0] = -1, sent[0] = c->sentence;
            }
          sent[0] = c->sentence;
          last_in = -1;
        }
      if (c->kind == EVL_CAND_PRONOUN)
        {
          gint who = first_in[0] >= 0 ? first_in[0] : first_in[1] >= 0 ? first_in[1] : first_in[2];
          if (last_in >= 0 && which_denied (x, c->span))
            who = last_in;
          if (who >= 0)
            attach (x, c, root (x, who), 0);
          continue;
        }
      gint r = root (x, c->cluster);
      if (r >= 0 && cl (x, r)->type == EVL_ENTITY_PERSON && !c->heading)
        {
          if (first_in[0] < 0)
            first_in[0] = r;
          last_in = r;
        }
    }
}

static gint
cmp_cand (gconstpointer a, gconstpointer b)
{
  const EvlCand *x = a, *y = b;
  if (x->span.start != y->span.start)
    return x->span.start < y->span.start ? -1 : 1;
  return x->span.end > y->span.end ? -1 : x->span.end < y->span.end;
}

/* The output clusters' aliases and roles: interned strings (equal strings
 * are the same pointer) with a count, chained per cluster in one array. */
typedef struct {
  const char *str;
  gsize len;                  /* strlen (str) */
  guint count;
  gint next;
} StrNode;

/* One cluster's list of distinct strings, in order of first addition.  A
 * hash index (string -> node + 1) only once the list is long
 * (pathological documents); short lists are scanned. */
typedef struct {
  gint head, tail;            /* -1 when empty */
  guint n;
  GHashTable *index;
} StrList;

typedef struct {
  StrList aliases;
  StrList roles;
  guint n_mentions;
  gint out;
} OutCl;

/* The node of @s in @l, added (count 0) when new. */
static StrNode *
str_list_get (StrNode *nodes, guint *n_nodes, StrList *l, const char *s)
{
  if (l->index)
    {
      gint at = GPOINTER_TO_INT (g_hash_table_lookup (l->index, s)) - 1;
      if (at >= 0)
        return &nodes[at];
    }
  else
    for (gint k = l->head; k >= 0; k = nodes[k].next)
      if (nodes[k].str == s)
        return &nodes[k];
  StrNode sn = { s, strlen (s), 0, -1 };
  gint at = (gint) (*n_nodes)++;
  nodes[at] = sn;
  if (l->tail >= 0)
    nodes[l->tail].next = at;
  else
    l->head = at;
  l->tail = at;
  l->n++;
  if (l->index)
    g_hash_table_insert (l->index, (gpointer) s, GINT_TO_POINTER (at + 1));
  else if (l->n > 16)
    {
      l->index = g_hash_table_new (NULL, NULL);
      for (gint k = l->head; k >= 0; k = nodes[k].next)
        g_hash_table_insert (l->index, (gpointer) nodes[k].str,
                             GINT_TO_POINTER (k + 1));
    }
  return &nodes[at];
}

/* The node of @l whose string is evl_document_span_text (@sp), or NULL
 * when there is none or @l is indexed (then str_list_get() of the
 * interned text decides): the text is compared in place, not interned
 * per mention (a hash and probe of the document's strings per mention
 * was ~1 M instructions on the small corpus).  The interned text stops
 * at a NUL in the span. */
static StrNode *
str_list_find_span (const Cx *x, StrNode *nodes, const StrList *l, EvlSpan sp)
{
  if (l->index)
    return NULL;
  const char *t = x->text + sp.start;
  gsize n = EVL_SPAN_LEN (sp);
  for (gint k = l->head; k >= 0; k = nodes[k].next)
    {
      gsize m = nodes[k].len;
      if (m <= n && (m == n || t[m] == '\0') && memcmp (nodes[k].str, t, m) == 0)
        return &nodes[k];
    }
  return NULL;
}

/* The role most mentions give, the longer one on a tie (then the first in
 * strcmp() order: the choice is independent of the list's order). */
static const char *
pick_role (const StrNode *nodes, const StrList *roles)
{
  const char *best = NULL;
  guint best_n = 0;
  for (gint k = roles->head; k >= 0; k = nodes[k].next)
    {
      const StrNode *sn = &nodes[k];
      guint n = sn->count;
      const char *r = sn->str;
      if (n > best_n || (n == best_n && (strlen (r) > strlen (best)
                                         || (strlen (r) == strlen (best) && strcmp (r, best) < 0))))
        best = r, best_n = n;
    }
  return best;
}

static gboolean
is_upper (const char *s)
{
  gboolean letters = FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      letters |= g_unichar_isalpha (c);
    }
  return letters;
}

/* @a and @b are the same text but for case. */
static gboolean
same_but_case (const char *a, const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  return strcmp (fa, fb) == 0;
}

/* Datelines write names in capitals ('THE HAGUE', 'OSLO'): prefer a form
 * written otherwise, else capitalise each word.  A short name in capitals
 * is kept as it is ('NATO', 'NASA' are acronyms) unless the text also
 * writes it in mixed case or it is a known place (@k has a gazetteer
 * line: a capital city named in a dateline), and so is an organisation's
 * single word. */
static const char *
display_name (Cx *x, const Cl *k, const char *surface, const char *const *aliases, guint n_aliases)
{
  if (!is_upper (surface))
    return surface;
  gboolean is_short = strlen (surface) <= 4;
  for (guint i = 0; i < n_aliases; i++)
    if (aliases[i] && !is_upper (aliases[i])
        && (is_short ? same_but_case (aliases[i], surface)
                     : g_utf8_strlen (aliases[i], -1) == g_utf8_strlen (surface, -1)))
      return aliases[i];
  if (is_short && k->gaz == NULL)
    return surface;
  /* 'UNITA', 'FRELIMO': an organisation's one word in capitals is an
   * acronym too. */
  if (k->gaz == NULL && k->type == EVL_ENTITY_ORGANIZATION && strchr (surface, ' ') == NULL)
    return surface;
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean start = TRUE;
  for (const char *p = surface; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, start ? c : g_unichar_tolower (c));
      start = !g_unichar_isalpha (c) && c != '\'';
    }
  return evl_document_intern (x->doc, out->str, (gssize) out->len);
}

/* The clusterer's working arrays, kept per thread between documents and
 * grown when a document needs more: a dozen allocations and frees per
 * document were ~2 M instructions on the small corpus.  Their contents
 * never outlive a call.  After a document of more than SCRATCH_KEEP
 * candidates they are freed: kept, they would add to the later stages'
 * peak memory. */
#define SCRATCH_KEEP 2048
typedef struct {
  Cl *cls;
  guint cap_cls;
  Node *nodes;
  guint cap_nodes;
  GString *tmp, *ktmp;
  OutCl *out;
  guint cap_out;
  StrNode *str_nodes;
  guint cap_str;
  gint *order;
  guint cap_order;
  guint *later;               /* evl_ent_cluster(): steps 3 and 4's candidates */
  guint cap_later;
  EvlEntityMention *ms;
  guint cap_ms;
  const char **aliases;
  guint cap_aliases;
  Pool pool;
  Bucket *buckets;            /* the index's table, grown ones kept */
  guint cap_buckets;
} Scratch;

/* Frees the arrays (the GStrings stay). */
static void
scratch_arrays_free (Scratch *sc)
{
  g_free (sc->cls);
  g_free (sc->nodes);
  g_free (sc->out);
  g_free (sc->str_nodes);
  g_free (sc->order);
  g_free (sc->later);
  g_free (sc->ms);
  g_free (sc->aliases);
  g_free (sc->buckets);
  pool_reset (&sc->pool, TRUE);
  *sc = (Scratch) { .tmp = sc->tmp, .ktmp = sc->ktmp };
}

static void
scratch_free (gpointer p)
{
  Scratch *sc = p;
  scratch_arrays_free (sc);
  g_string_free (sc->tmp, TRUE);
  g_string_free (sc->ktmp, TRUE);
  g_free (sc);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

static void
scratch_trim (Scratch *sc, guint n_cands)
{
  if (n_cands > SCRATCH_KEEP)
    scratch_arrays_free (sc);
}

/* *@p with room for @need elements of @size bytes (contents not kept). */
static gpointer
room (gpointer *p, guint *cap, guint need, gsize size)
{
  if (need > *cap)
    {
      g_free (*p);
      *cap = MAX (need, *cap * 2);
      *p = g_malloc_n (*cap, size);
    }
  return *p;
}

static void
emit (Cx *x, Scratch *sc, GArray *cands, gboolean records)
{
  guint n = x->n_cls;
  OutCl *out = room ((gpointer *) &sc->out, &sc->cap_out, n + 1, sizeof (OutCl));
  memset (out, 0, n * sizeof (OutCl));
  /* At most an alias and a role per candidate: never grows. */
  StrNode *str_nodes = room ((gpointer *) &sc->str_nodes, &sc->cap_str, 2 * cands->len + 1, sizeof (StrNode));
  guint n_str = 0;
  for (guint i = 0; i < n; i++)
    out[i].out = -1;

  /* Clusters in order of first mention. */
  guint n_out = 0;
  gint *order = room ((gpointer *) &sc->order, &sc->cap_order, n + 1, sizeof (gint));   /* output index -> cluster */
  guint32 last_end = 0;
  for (guint i = 0; i < cands->len; i++)
    {
      EvlCand *c = &g_array_index (cands, EvlCand, i);
      c->cluster = root (x, c->cluster);
      if (c->cluster < 0 || (i > 0 && c->span.start < last_end))
        {
          c->cluster = -1;
          continue;
        }
      last_end = c->span.end;
      OutCl *o = &out[c->cluster];
      if (o->out < 0)
        {
          order[n_out] = c->cluster;
          o->out = (gint) n_out++;
          o->aliases.head = o->aliases.tail = -1;
          o->roles.head = o->roles.tail = -1;
        }
      o->n_mentions++;
      if (!records)
        continue;
      /* A capital standing for its government ('Moscow said') is no name
       * of the country: as an alias it would pull the city itself, named
       * as a place in other articles (a dateline, 'in Moscow'), into the
       * country when the story's entities are merged. */
      if (c->kind != EVL_CAND_DESC && c->kind != EVL_CAND_PRONOUN
          && !(c->kind == EVL_CAND_CAPITAL && c->actor)
          && !str_list_find_span (x, str_nodes, &o->aliases, c->span))
        str_list_get (str_nodes, &n_str, &o->aliases, evl_document_span_text (x->doc, c->span));
      if (c->role.end > c->role.start)
        {
          StrNode *r = str_list_find_span (x, str_nodes, &o->roles, c->role);
          if (r == NULL)
            r = str_list_get (str_nodes, &n_str, &o->roles, evl_document_span_text (x->doc, c->role));
          r->count++;
        }
    }

  /* A cluster's aliases are distinct mention texts: at most one per
   * candidate. */
  const char **aliases = room ((gpointer *) &sc->aliases, &sc->cap_aliases, cands->len + 1, sizeof (char *));
  for (guint want = 0; records && want < n_out; want++)
    {
      guint i = (guint) order[want];
      Cl *k = cl (x, i);
      guint n_aliases = 0;
      for (gint a = out[i].aliases.head; a >= 0; a = str_nodes[a].next)
        aliases[n_aliases++] = str_nodes[a].str;
      EvlEntityCluster ec = { 0 };
      const char *name;
      if (k->gaz && !k->city)
        name = evl_document_intern (x->doc, k->gaz->canonical, -1);
      else
        {
          /* The surface is nearly always one of the cluster's aliases,
           * interned above: found in place, it is not interned again. */
          const StrNode *sn = k->surface_words > 0
                                ? str_list_find_span (x, str_nodes, &out[i].aliases, k->surface) : NULL;
          name = display_name (x, k, sn ? sn->str
                                     : k->surface_words > 0 ? evl_document_span_text (x->doc, k->surface)
                                     : n_aliases > 0 ? aliases[0] : "",
                               aliases, n_aliases);
        }
      ec.name = name;
      if (k->gaz && !k->city)
        ec.key = evl_document_intern (x->doc, evl_ent_gaz_key (x->lex, k->gaz, k->type), -1);
      else
        {
          evl_ent_normalize_key (x->ktmp, x->lex, name, k->type);
          ec.key = evl_document_intern (x->doc, x->ktmp->str, (gssize) x->ktmp->len);
        }
      ec.type = k->type;
      aliases[n_aliases] = NULL;
      ec.aliases = aliases;
      ec.role = pick_role (str_nodes, &out[i].roles);
      ec.n_mentions = out[i].n_mentions;
      /* Every string here comes from evl_document_intern()/span_text(). */
      evl_document_add_entity_cluster_interned (x->doc, &ec);
    }

  /* The mentions are added in one copy. */
  EvlEntityMention *ms = room ((gpointer *) &sc->ms, &sc->cap_ms, cands->len + 1, sizeof (EvlEntityMention));
  guint n_ms = 0;
  for (guint i = 0; i < cands->len; i++)
    {
      EvlCand *c = &g_array_index (cands, EvlCand, i);
      if (c->cluster < 0)
        continue;
      ms[n_ms++] = (EvlEntityMention) {
        .span = c->span,
        .sentence = c->sentence,
        .type = cl (x, c->cluster)->type,
        .cluster = out[c->cluster].out,
        .is_pronoun = c->kind == EVL_CAND_DESC || c->kind == EVL_CAND_PRONOUN,
        .token = c->tok0,
      };
    }
  evl_document_add_entity_mentions (x->doc, ms, n_ms);

  for (guint i = 0; i < n; i++)
    {
      if (out[i].aliases.index)
        g_hash_table_unref (out[i].aliases.index);
      if (out[i].roles.index)
        g_hash_table_unref (out[i].roles.index);
    }
}

void
evl_ent_cluster (const EvlContext *ctx, const EvlEntLex *lex,
                 EvlDocument *doc, GArray *cands, gboolean records)
{
  Cx x = { 0 };
  x.ctx = ctx;
  x.lex = lex;
  x.doc = doc;
  x.text = evl_document_get_text (doc, &x.text_len);
  Scratch *sc = g_private_get (&scratch_key);
  if (sc == NULL)
    {
      sc = g_new0 (Scratch, 1);
      sc->tmp = g_string_new (NULL);
      sc->ktmp = g_string_new (NULL);
      g_private_set (&scratch_key, sc);
    }
  /* At most a cluster per candidate and five index keys per cluster:
   * reserved, no growth. */
  x.cls = room ((gpointer *) &sc->cls, &sc->cap_cls, MAX (16u, cands->len), sizeof (Cl));
  x.cap_cls = sc->cap_cls;
  x.tmp = sc->tmp;
  x.ktmp = sc->ktmp;
  g_string_truncate (x.tmp, 0);
  g_string_truncate (x.ktmp, 0);
  x.kept = room ((gpointer *) &sc->buckets, &sc->cap_buckets, 64, sizeof (Bucket));
  buckets_init (&x, 64, x.kept);
  x.nodes = room ((gpointer *) &sc->nodes, &sc->cap_nodes, MAX (16u, cands->len * 2), sizeof (Node));
  x.cap_nodes = sc->cap_nodes;
  x.pool = &sc->pool;
  x.cands = cands;

  /* The scanner emits nearly every document's candidates in order
   * already; the sort is stable, so a sorted array stays as it is. */
  gboolean sorted = TRUE;
  for (guint i = 1; i < cands->len && sorted; i++)
    sorted = cmp_cand (&g_array_index (cands, EvlCand, i - 1), &g_array_index (cands, EvlCand, i)) <= 0;
  if (!sorted)
    g_array_sort (cands, cmp_cand);
  /* The pass of step 1 and 2 lists the candidates of steps 3 (from the
   * front) and 4 (from the back), in order, once their kinds are final
   * (resolve_names() makes some bare surnames single words): two more
   * passes over every candidate per heading were ~0.5 M instructions on
   * the small corpus. */
  guint *later = room ((gpointer *) &sc->later, &sc->cap_later, cands->len + 1, sizeof (guint));
  for (int heading = 0; heading < 2; heading++)
    {
      guint n_single = 0, first_ref = cands->len;
      for (guint i = 0; i < cands->len; i++)
        {
          EvlCand *c = &g_array_index (cands, EvlCand, i);
          if (c->heading != heading)
            continue;
          if (!heading && i > 0 && c->span.start > 0 && x.text[c->span.start - 1] == '('
              && define_acronym (&x, &g_array_index (cands, EvlCand, i - 1), c))
            continue;
          resolve_names (&x, c, heading);
          if (c->kind == EVL_CAND_SINGLE)
            later[n_single++] = i;
          else if (c->kind == EVL_CAND_CONTEXT || c->kind == EVL_CAND_DESC)
            later[--first_ref] = i;
        }
      if (!heading)
        {
          retype_votes (&x);
          merge_people (&x);
          merge_org_prefixes (&x);
        }
      for (guint k = 0; k < n_single; k++)
        resolve_single (&x, &g_array_index (cands, EvlCand, later[k]), heading);
      if (!heading && x.n_tentative)
        confirm_speakers (&x, cands, later, n_single);
      for (guint k = cands->len; k > first_ref; k--)
        resolve_reference (&x, &g_array_index (cands, EvlCand, later[k - 1]));
    }
  resolve_pronouns (&x, cands);
  emit (&x, sc, cands, records);
  /* Grown arrays stay with the thread. */
  sc->cls = x.cls, sc->cap_cls = x.cap_cls;
  sc->nodes = x.nodes, sc->cap_nodes = x.cap_nodes;
  if (x.buckets != sc->buckets)
    {
      /* Grown: the larger table is kept instead. */
      g_free (sc->buckets);
      sc->buckets = x.buckets;
      sc->cap_buckets = x.mask + 1;
    }
  scratch_trim (sc, cands->len);
  pool_reset (&sc->pool, FALSE);
}
