/* Story half of the events stage: after recognition has added TimeML
 * event mentions (lemma, class, tense, aspect), this types them with the
 * story taxonomy (data/taxonomy/story.txt), attaches arguments
 * (story-args.c), factuality (story-factuality.c) and a time anchor
 * (story-anchor.c), then scores salience.
 *
 * Every rule family is one pass over the document's events; per-document
 * index arrays (token -> event/entity/timex/clause) keep each lookup O(1)
 * and nothing is allocated per token.  The taxonomy is parsed once per
 * context data and shared (evl_story_taxonomy_get).
 *
 * Run once per recognition: the implied events it appends ('since 2019')
 * would be appended again by a second run over the same mentions. */
#include "story-private.h"

#include <string.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- taxonomy */

typedef struct {
  guint16 type;
  gint8 group;     /* context group, -1 = unconditional */
  guint8 window;   /* tokens either side, same sentence */
  guint8 pos;      /* 0 any, 1 nominal only, 2 verbal only */
} Rule;

/* A slot holds the form's first eight bytes (zero-padded; 0 = empty, as
 * no form is empty), so a form of up to eight bytes -- most tokens -- is
 * matched by one compare; its id is in a parallel array, read on a match
 * only: a probe reads eight bytes. */

struct _EvlStoryTaxonomy {
  gatomicrefcount ref;
  GArray *types;          /* EvlStoryType */
  GHashTable *type_index; /* name -> GUINT_TO_POINTER (index + 1) */
  GHashTable *rules;      /* word -> GArray of Rule, file order */
  GHashTable *ctxwords;   /* word -> GUINT_TO_POINTER (group bitmask) */
  GHashTable *outcome;    /* word -> GINT_TO_POINTER (EVL_STORY_OUTCOME_*) */
  GHashTable *nonevent;   /* word set */
  GHashTable *group;      /* word set */
  GPtrArray *groups;      /* context group names, index = bit */
  const EvlStoryType **type_st; /* per type: evl_story_taxonomy_lookup() of its name,
                                   made once (EvlStoryDoc.type_st) */
  GHashTable *starts[EVL_STORY_LEX_N]; /* first words of each lexicon's forms */
  GHashTable *maxw[EVL_STORY_LEX_N];   /* folded first word of a form -> GUINT_TO_POINTER
                                          (most words | fewest words << 8 of the forms it starts) */
  GPtrArray *forms[EVL_STORY_LEX_N];   /* each lexicon's forms, folded (pooled):
                                          build_next_masks() */
  guint64 *next_masks[EVL_STORY_LEX_N]; /* EVL_STORY_NEXT_STRIDE words per index of
                                           EvlStoryWordInfo.next (entry 0 unused) */
  guint n_next[EVL_STORY_LEX_N]; /* indexes used, + 1 */
  GStringChunk *pool;
  guint other;            /* index of OTHER */
  /* Word table: every word a rule tests, folded, by id (EvlStoryWord ids
   * first); open addressing on a cheap hash of the folded form. */
  EvlStoryWordInfo *words; /* by id; 0 = unknown word */
  const char **word_keys; /* folded form of each id (index 0 unused) */
  guint32 *word_lens;     /* length of each id's form */
  guint n_words, words_cap; /* (plain arrays: ~0.7 M instructions of GArray
                               appends building the table, callgrind) */
  guint64 *slot_head;
  guint32 *slot_id;
  guint32 *slot_hash;     /* for rehashing only */
  guint32 slot_mask;
  guint32 serial;         /* unique per taxonomy made (never 0): WordMemo */
};

EvlStoryTaxonomy *
evl_story_taxonomy_ref (EvlStoryTaxonomy *tax)
{
  g_return_val_if_fail (tax != NULL, NULL);
  g_atomic_ref_count_inc (&tax->ref);
  return tax;
}

void
evl_story_taxonomy_unref (EvlStoryTaxonomy *tax)
{
  if (tax == NULL || !g_atomic_ref_count_dec (&tax->ref))
    return;
  g_array_unref (tax->types);
  g_hash_table_unref (tax->type_index);
  g_hash_table_unref (tax->rules);
  g_hash_table_unref (tax->ctxwords);
  g_hash_table_unref (tax->outcome);
  g_hash_table_unref (tax->nonevent);
  g_hash_table_unref (tax->group);
  g_ptr_array_unref (tax->groups);
  g_free (tax->type_st);
  for (guint i = 0; i < EVL_STORY_LEX_N; i++)
    {
      if (tax->starts[i])
        g_hash_table_unref (tax->starts[i]);
      if (tax->maxw[i])
        g_hash_table_unref (tax->maxw[i]);
      if (tax->forms[i])
        g_ptr_array_unref (tax->forms[i]);
      g_free (tax->next_masks[i]);
    }
  g_string_chunk_free (tax->pool);
  g_free (tax->words);
  g_free (tax->word_keys);
  g_free (tax->word_lens);
  g_free (tax->slot_head);
  g_free (tax->slot_id);
  g_free (tax->slot_hash);
  g_free (tax);
}

static const char *
pooled (EvlStoryTaxonomy *tax, const char *s)
{
  char key[128];
  gssize n = evl_fold_key (s, strlen (s), key, sizeof key);
  return g_string_chunk_insert_const (tax->pool, n > 0 ? key : s);
}

/* Calls @fn for each '|'-separated word of @list. */
static void
each_word (EvlStoryTaxonomy *tax, const char *list,
           void (*fn) (EvlStoryTaxonomy *, const char *, gpointer), gpointer data)
{
  g_auto (GStrv) words = g_strsplit (list, "|", -1);
  for (guint i = 0; words[i]; i++)
    {
      char *w = g_strstrip (words[i]);
      if (*w)
        fn (tax, pooled (tax, w), data);
    }
}

static void
add_ctxword (EvlStoryTaxonomy *tax, const char *w, gpointer data)
{
  guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (tax->ctxwords, w));
  g_hash_table_insert (tax->ctxwords, (gpointer) w,
                       GUINT_TO_POINTER (mask | GPOINTER_TO_UINT (data)));
}

static void
add_rule (EvlStoryTaxonomy *tax, const char *w, gpointer data)
{
  GArray *rules = g_hash_table_lookup (tax->rules, w);
  if (rules == NULL)
    {
      rules = g_array_new (FALSE, FALSE, sizeof (Rule));
      g_hash_table_insert (tax->rules, (gpointer) w, rules);
    }
  g_array_append_vals (rules, data, 1);
}

static void
add_valued (EvlStoryTaxonomy *tax, const char *w, gpointer data)
{
  GHashTable *set = ((gpointer *) data)[0];
  if (!g_hash_table_contains (set, w))
    g_hash_table_insert (set, (gpointer) w, ((gpointer *) data)[1]);
}

static gint
group_index (EvlStoryTaxonomy *tax, const char *name)
{
  for (guint i = 0; i < tax->groups->len; i++)
    if (strcmp (tax->groups->pdata[i], name) == 0)
      return (gint) i;
  return -1;
}

static gboolean
parse_line (EvlStoryTaxonomy *tax, char **f, guint nf, guint lineno, GError **error)
{
  const char *kind = f[0];
  if (strcmp (kind, "type") == 0 && nf >= 6)
    {
      EvlStoryType t = { 0 };
      t.name = g_string_chunk_insert_const (tax->pool, f[1]);
      t.cameo = strcmp (f[2], "-") == 0 ? NULL : g_string_chunk_insert_const (tax->pool, f[2]);
      t.lane = g_string_chunk_insert_const (tax->pool, f[3]);
      t.weight = (float) g_ascii_strtod (f[4], NULL);
      t.outcome = strcmp (f[5], "yes") == 0;
      t.name_code = strcmp (t.name, "OTHER") == 0 ? EVL_STORY_TYPE_OTHER
                    : strcmp (t.name, "MEETING") == 0 ? EVL_STORY_TYPE_MEETING
                    : strcmp (t.name, "VISIT") == 0 ? EVL_STORY_TYPE_VISIT : 0;
      g_array_append_val (tax->types, t);
      g_hash_table_insert (tax->type_index, (gpointer) t.name,
                           GUINT_TO_POINTER (tax->types->len));
      if (strcmp (t.name, "OTHER") == 0)
        tax->other = tax->types->len - 1;
      return TRUE;
    }
  if (strcmp (kind, "context") == 0 && nf >= 3)
    {
      if (tax->groups->len >= 32)
        return evl_fail (error, EVL_ERROR_PARSE, "story.txt:%u: more than 32 context groups", lineno);
      g_ptr_array_add (tax->groups, (gpointer) g_string_chunk_insert_const (tax->pool, f[1]));
      each_word (tax, f[2], add_ctxword, GUINT_TO_POINTER (1u << (tax->groups->len - 1)));
      return TRUE;
    }
  if (strcmp (kind, "trigger") == 0 && nf >= 3)
    {
      guint ti = GPOINTER_TO_UINT (g_hash_table_lookup (tax->type_index, f[2]));
      if (ti == 0)
        return evl_fail (error, EVL_ERROR_PARSE, "story.txt:%u: unknown type %s", lineno, f[2]);
      Rule r = { (guint16) (ti - 1), -1, 8, 0 };
      if (nf >= 4 && *f[3] && strcmp (f[3], "-") != 0)
        {
          gint g = group_index (tax, f[3]);
          if (g < 0)
            return evl_fail (error, EVL_ERROR_PARSE, "story.txt:%u: unknown context %s", lineno, f[3]);
          r.group = (gint8) g;
        }
      if (nf >= 5 && strcmp (f[4], "-") != 0)
        r.window = (guint8) CLAMP (atoi (f[4]), 1, 40);
      if (nf >= 6)
        r.pos = strcmp (f[5], "noun") == 0 ? 1 : strcmp (f[5], "verb") == 0 ? 2 : 0;
      each_word (tax, f[1], add_rule, &r);
      return TRUE;
    }
  if (strcmp (kind, "outcome") == 0 && nf >= 3)
    {
      gint v = strcmp (f[1], "FAILED") == 0 ? EVL_STORY_OUTCOME_FAILED : EVL_STORY_OUTCOME_SUCCEEDED;
      gpointer data[2] = { tax->outcome, GINT_TO_POINTER (v) };
      each_word (tax, f[2], add_valued, data);
      return TRUE;
    }
  if ((strcmp (kind, "nonevent") == 0 || strcmp (kind, "group") == 0) && nf >= 2)
    {
      gpointer data[2] = { kind[0] == 'n' ? tax->nonevent : tax->group, GINT_TO_POINTER (1) };
      each_word (tax, f[1], add_valued, data);
      return TRUE;
    }
  return evl_fail (error, EVL_ERROR_PARSE, "story.txt:%u: malformed '%s' line", lineno, kind);
}

/* Calls @fn on each non-blank, non-comment line of @bytes (TAB-split,
 * fields stripped) until it returns FALSE. */
static gboolean
each_line (GBytes *bytes, gboolean (*fn) (char **f, guint nf, guint lineno, gpointer data),
           gpointer data)
{
  gsize len;
  const char *raw = g_bytes_get_data (bytes, &len);
  g_autofree char *copy = g_strndup (raw, len);
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line == '\0' || *line == '#')
        continue;
      g_auto (GStrv) f = g_strsplit (line, "\t", -1);
      guint nf = g_strv_length (f);
      for (guint k = 0; k < nf; k++)
        g_strstrip (f[k]);
      if (!fn (f, nf, i + 1, data))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  EvlStoryTaxonomy *tax;
  GHashTable *set;
  GHashTable *maxw;
  GPtrArray *forms;
} StartsCtx;

static gboolean
starts_line (char **f, guint nf, guint lineno, gpointer data)
{
  StartsCtx *sc = data;
  g_auto (GStrv) forms = g_strsplit (f[0], "|", -1);
  for (guint i = 0; forms[i]; i++)
    {
      char *w = g_strstrip (forms[i]);
      /* The form as the lexicon keys it (evl_fold_key(), with its
       * 256-byte key cap): build_next_masks(). */
      char folded[256];
      if (evl_fold_key (w, strlen (w), folded, sizeof folded) > 0)
        g_ptr_array_add (sc->forms, (gpointer) pooled (sc->tax, folded));
      /* At least the number of words of its folded key (blanks are
       * ' ', TAB, CR, LF there; each run of them is one space), under
       * the first word as folding delimits it. */
      guint words = 1;
      gsize first = 0;
      gboolean exact = TRUE;   /* single spaces only: @words is the count */
      for (const char *c = w; *c; c++)
        if (*c == ' ' || *c == '\t' || *c == '\r' || *c == '\n')
          {
            if (first == 0)
              first = (gsize) (c - w);
            exact &= *c == ' ' && c[1] != ' ' && c[1] != '\t' && c[1] != '\r' && c[1] != '\n';
            words++;
          }
      if (*w == '\0')
        continue;
      char *sp = strchr (w, ' ');
      gboolean same = first == 0 || w[first] == ' ';   /* the two first words agree */
      const char *key = NULL;
      if (same)
        {
          if (sp)
            *sp = '\0';
          key = pooled (sc->tax, w);
          g_hash_table_add (sc->set, (gpointer) key);
        }
      else
        {
          char head[128];
          if (first < sizeof head)
            {
              memcpy (head, w, first);
              head[first] = '\0';
              key = pooled (sc->tax, head);
            }
          if (sp)
            *sp = '\0';
          g_hash_table_add (sc->set, (gpointer) pooled (sc->tax, w));
        }
      if (key)
        {
          /* @words is exact for a form whose blanks are single spaces;
           * else it only bounds from above, and the fewest is then 1. */
          guint most = MIN (words, 255u);
          guint fewest = exact ? most : 1;
          gpointer old;
          if (g_hash_table_lookup_extended (sc->maxw, key, NULL, &old))
            {
              guint o = GPOINTER_TO_UINT (old);
              most = MAX (most, o & 0xff);
              fewest = MIN (fewest, o >> 8);
            }
          g_hash_table_insert (sc->maxw, (gpointer) key, GUINT_TO_POINTER (most | fewest << 8));
        }
    }
  return TRUE;
}

/* The first words of every form of lexicon @name, from its raw file
 * (the lexicon API exposes canonical forms only). */
static void
add_starts (EvlStoryTaxonomy *tax, const EvlContext *ctx, EvlStoryLex lex, const char *name)
{
  g_autofree char *path = g_strdup_printf ("lexicons/%s.txt", name);
  GBytes *bytes = evl_context_get_data (ctx, path);
  if (bytes == NULL)
    return;
  StartsCtx sc = { tax, g_hash_table_new (g_str_hash, g_str_equal),
                   g_hash_table_new (g_str_hash, g_str_equal), g_ptr_array_new () };
  tax->starts[lex] = sc.set;
  tax->maxw[lex] = sc.maxw;
  tax->forms[lex] = sc.forms;
  each_line (bytes, starts_line, &sc);
}

typedef struct {
  EvlStoryTaxonomy *tax;
  GError **error;
} ParseCtx;

static gboolean
taxonomy_line (char **f, guint nf, guint lineno, gpointer data)
{
  ParseCtx *pc = data;
  return parse_line (pc->tax, f, nf, lineno, pc->error);
}

gboolean
evl_story_taxonomy_starts (const EvlStoryTaxonomy *tax, EvlStoryLex lex, const char *key)
{
  /* No file, no set: every word may start a form (the lookup then fails). */
  GHashTable *set = tax->starts[lex];
  return set == NULL || g_hash_table_contains (set, key);
}

/* ------------------------------------------------------------ word table */

/* The words EvlStoryWord names, by id. */
static const char *const fixed_words[EVL_W_N_FIXED] = {
  [EVL_W_UNKNOWN] = NULL,
  [EVL_W_THE] = "the", [EVL_W_A] = "a", [EVL_W_AN] = "an", [EVL_W_THAT] = "that",
  [EVL_W_WHETHER] = "whether", [EVL_W_IF] = "if", [EVL_W_AND] = "and", [EVL_W_AMPERSAND] = "&",
  [EVL_W_TWO] = "two", [EVL_W_BOTH] = "both", [EVL_W_SINCE] = "since", [EVL_W_OF] = "of",
  [EVL_W_AT] = "at", [EVL_W_BY] = "by", [EVL_W_TO] = "to", [EVL_W_WITH] = "with",
  [EVL_W_BETWEEN] = "between", [EVL_W_FOR] = "for", [EVL_W_NO] = "no", [EVL_W_NONE] = "none",
  [EVL_W_NOTHING] = "nothing", [EVL_W_COMMA] = ",",
};

/* The word lists of the rule families, one class each. */
static const char *const preps[] = {
  "of", "in", "at", "on", "with", "to", "from", "for", "by", "into", "toward",
  "towards", "near", "between", "against", "about", "over", "under", "across",
  "within", "off", "inside", "outside", "among", "amid", "via", "onto",
  "through", "during", "after", "before", "since", "like", "than", "as", "beyond", "despite",
  "upon", "without", "throughout", "behind", "around", "regarding", "concerning", "alongside",
  "unlike", "until", "till", NULL
};
/* Prepositions that are also subordinating conjunctions. */
static const char *const clause_preps[] = {
  "as", "since", "before", "after", "than", "like", "until", "till", NULL
};
static const char *const loc_preps[] = {
  "at", "in", "near", "inside", "outside", "across", "within", "into", NULL
};
static const char *const be_forms[] = {
  "is", "are", "was", "were", "be", "been", "being", "'s", NULL
};
/* Words and marks that end a clause: no coordination runs across them. */
static const char *const clause_breaks[] = {
  ";", ":", "(", ")", "\xe2\x80\x94", "\xe2\x80\x93", "--", "when", "while", "whereas", "because",
  "although", "though", "that", "which", "who", "where", "if", "but", NULL
};
static const char *const conj[] = { "and", "&", ",", "both", "as well as", NULL };
/* Never a modifier inside a noun phrase (evl_story_modifier_word()). */
static const char *const function_words[] = {
  "and", "or", "but", "not", "no", "that", "which", "who", "whom", "whose", "this", "these",
  "those", "it", "its", "they", "them", "their", "he", "his", "she", "her", "we", "our",
  "has", "have", "had", "will", "would", "may", "might", "can", "could", "should", "to", NULL
};
static const char *const modals[] = {
  "may", "might", "can", "could", "will", "would", "shall", "should", "must", "to", NULL
};
/* Subordinating and relative words: a new clause starts there. */
static const char *const clause_words[] = {
  "that", "which", "who", "whom", "whose", "while", "when", "where",
  "whereas", "because", "although", "though", "but", "so", "yet", NULL
};
static const char *const clause_punct[] = {
  ",", ";", ":", "(", ")", "\xe2\x80\x94" /* em dash */, "\xe2\x80\x93" /* en dash */, "-", "--", NULL
};
static const char *const possessive_marks[] = { "'s", "\xe2\x80\x99s", "'", "\xe2\x80\x99", NULL };
/* A nominal after one of these is presupposed (story-factuality.c). */
static const char *const definite[] = {
  "the", "this", "these", "those", "that", "its", "their", "his", "her", "our", "your", "my", NULL
};
/* Before a reporting word used as a noun (story-factuality.c). */
static const char *const nominal_dets[] = {
  "the", "a", "an", "these", "those", "this", "such", "its", "their", "his", "her", "our", "no", NULL
};
/* Open a clause with its own subject (story-args.c). */
static const char *const complementizers[] = { "that", "whether", NULL };
/* Before a trigger in noun position (story-anchor.c). */
static const char *const noun_dets[] = {
  "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "no", NULL
};

static const struct {
  guint32 cls;
  const char *const *words;
} word_classes[] = {
  { EVL_STORY_C_PREP, preps },
  { EVL_STORY_C_CLAUSE_PREP, clause_preps },
  { EVL_STORY_C_LOC_PREP, loc_preps },
  { EVL_STORY_C_BE, be_forms },
  { EVL_STORY_C_CLAUSE_BREAK, clause_breaks },
  { EVL_STORY_C_CONJ, conj },
  { EVL_STORY_C_FUNCTION, function_words },
  { EVL_STORY_C_MODAL, modals },
  { EVL_STORY_C_CLAUSE_WORD, clause_words },
  { EVL_STORY_C_CLAUSE_PUNCT, clause_punct },
  { EVL_STORY_C_POSSESSIVE, possessive_marks },
  { EVL_STORY_C_DEFINITE, definite },
  { EVL_STORY_C_NOMINAL_DET, nominal_dets },
  { EVL_STORY_C_NOUN_DET, noun_dets },
  { EVL_STORY_C_COMPLEMENTIZER, complementizers },
};

/* The first eight bytes of @key (@len bytes), zero-padded. */
static inline guint64
word_head (const char *key, gsize len)
{
  guint64 x = 0;
  memcpy (&x, key, MIN (len, (gsize) 8));
  return x;
}

/* Hash of a folded form from its eight-byte words (zero-padded): a form
 * of up to eight bytes, the common token, is one multiply.  The high half
 * of the product is well mixed in its low bits too, so it is the hash as
 * it is (the slot is its low bits): a shift where folding the product
 * with two shifts and two xors was ~0.9 M instructions on the small
 * corpus (callgrind).  Ids do not depend on the hash, only slots do. */
static inline guint32
hash_step (guint64 h, guint64 x)
{
  return (guint32) (((h ^ x) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}

static inline guint32
word_hash (const char *key, gsize len)
{
  guint32 h = hash_step (len, word_head (key, len));
  for (gsize i = 8; i < len; i += 8)
    h = hash_step (h, word_head (key + i, len - i));
  return h;
}

/* evl_fold_key() of a token (@len > 0 bytes, below its 64-byte cap) into
 * @buf: without blanks or control characters folding is lower-casing
 * ASCII letters.  -2 when the token has one (then fold it the general
 * way). */
static inline gssize
fold_token (const char *src, gsize len, char *buf)
{
  for (gsize i = 0; i < len; i++)
    {
      guint c = (guchar) src[i];
      if (c <= ' ')
        return -2;
      buf[i] = (char) (c - 'A' < 26u ? c + 32u : c);
    }
  buf[len] = '\0';
  return len > 0 ? (gssize) len : -2;
}

/* A per-thread memo of the word ids of tokens of one to eight bytes by
 * their bytes as they stand in the text (and their length): a token met
 * before ('the', 'The', 'said') is found by one multiply and one compare,
 * without folding and checking its bytes for blanks (~25 instructions)
 * and probing the word table.  Filled only by tokens folded the fast way,
 * so an entry is a pure function of its bytes and the taxonomy (its
 * serial, which no other taxonomy has).  Direct-mapped. */
#define WORD_MEMO_BITS 13
typedef struct {
  guint64 raw;     /* the token's bytes, zero-padded */
  guint32 len;     /* its length; 0: empty entry */
  guint32 id;
} WordMemo;


#if G_BYTE_ORDER == G_LITTLE_ENDIAN
/* The low @len bytes of a word set, by @len (1 to 8): a load instead of
 * a shift, a subtract and a test for 8 per token. */
static const guint64 keep_low[9] = {
  0, G_GUINT64_CONSTANT (0xff), G_GUINT64_CONSTANT (0xffff), G_GUINT64_CONSTANT (0xffffff),
  G_GUINT64_CONSTANT (0xffffffff), G_GUINT64_CONSTANT (0xffffffffff),
  G_GUINT64_CONSTANT (0xffffffffffff), G_GUINT64_CONSTANT (0xffffffffffffff),
  G_GUINT64_CONSTANT (0xffffffffffffffff),
};

/* fold_token() of a token of 1 to 8 bytes from the eight bytes at @src
 * (all readable): its folded form zero-padded in *@out, or FALSE when it
 * holds a blank or a control character (a byte below 0x21). */
static inline gboolean
fold_short (const char *src, gsize len, guint64 *out)
{
  guint64 keep = keep_low[len];
  guint64 x = evl_load64 (src) & keep;
  if (evl_swar_below (x | ~keep, 0x21) != 0)   /* padding reads as 0xFF: not a blank */
    return FALSE;
  *out = evl_swar_lower (x);
  return TRUE;
}
#endif

/* The id of the folded form @key (@len > 0 bytes, first eight bytes
 * @head), hashed @h.  @key is read only past its eighth byte (it may be
 * NULL for a form of up to eight bytes). */
static inline guint
word_find (const EvlStoryTaxonomy *tax, const char *key, gsize len, guint64 head, guint32 h)
{
  for (guint32 i = h & tax->slot_mask;; i = (i + 1) & tax->slot_mask)
    {
      guint64 sh = tax->slot_head[i];
      if (sh == 0)
        return EVL_W_UNKNOWN;
      if (sh != head)
        continue;
      /* Forms hold no NUL byte, so equal heads of forms of the same
       * length up to eight bytes are equal forms. */
      guint32 id = tax->slot_id[i];
      if (tax->word_lens[id] == len && (len <= 8 || memcmp (tax->word_keys[id] + 8, key + 8, len - 8) == 0))
        return id;
    }
}

guint
evl_story_word_id (const EvlStoryTaxonomy *tax, const char *key, gsize len)
{
  return len == 0 ? EVL_W_UNKNOWN : word_find (tax, key, len, word_head (key, len), word_hash (key, len));
}

const EvlStoryWordInfo *
evl_story_word_info (const EvlStoryTaxonomy *tax, guint id)
{
  g_return_val_if_fail (id < tax->n_words, NULL);
  return &tax->words[id];
}

const guint64 *
evl_story_taxonomy_next_masks (const EvlStoryTaxonomy *tax, EvlStoryLex lex)
{
  return tax->next_masks[lex];
}

guint
evl_story_taxonomy_n_next (const EvlStoryTaxonomy *tax, EvlStoryLex lex)
{
  return tax->n_next[lex];
}

static void
slot_put (EvlStoryTaxonomy *tax, guint64 head, guint32 h, guint32 id)
{
  guint32 i = h & tax->slot_mask;
  while (tax->slot_head[i])
    i = (i + 1) & tax->slot_mask;
  tax->slot_head[i] = head;
  tax->slot_id[i] = id;
  tax->slot_hash[i] = h;
}

/* (Re)hashes @tax's words into @n (a power of two) slots. */
static void
slots_resize (EvlStoryTaxonomy *tax, guint32 n)
{
  guint32 old_n = tax->slot_head ? tax->slot_mask + 1 : 0;
  guint64 *old_head = tax->slot_head;
  guint32 *old_id = tax->slot_id, *old_hash = tax->slot_hash;
  tax->slot_mask = n - 1;
  tax->slot_head = g_new0 (guint64, n);
  tax->slot_id = g_new0 (guint32, n);
  tax->slot_hash = g_new0 (guint32, n);
  for (guint32 i = 0; i < old_n; i++)
    if (old_head[i])
      slot_put (tax, old_head[i], old_hash[i], old_id[i]);
  g_free (old_head);
  g_free (old_id);
  g_free (old_hash);
}

/* Room for @cap words in the word arrays. */
static void
words_reserve (EvlStoryTaxonomy *tax, guint cap)
{
  if (cap <= tax->words_cap)
    return;
  tax->words = g_renew (EvlStoryWordInfo, tax->words, cap);
  tax->word_keys = g_renew (const char *, tax->word_keys, cap);
  tax->word_lens = g_renew (guint32, tax->word_lens, cap);
  tax->words_cap = cap;
}

/* The id of @w (a NUL-terminated folded form that outlives @tax), added
 * when new.  Load factor at most 1/2. */
static guint
word_add (EvlStoryTaxonomy *tax, const char *w)
{
  gsize len = strlen (w);
  if (len == 0)
    return EVL_W_UNKNOWN;
  guint32 h = word_hash (w, len);
  guint64 head = word_head (w, len);
  guint id = word_find (tax, w, len, head, h);
  if (id != EVL_W_UNKNOWN)
    return id;
  id = tax->n_words;
  if ((id + 1) * 2 > tax->slot_mask + 1)
    slots_resize (tax, (tax->slot_mask + 1) * 2);
  if (id == tax->words_cap)
    words_reserve (tax, MAX (2 * tax->words_cap, 64u));
  tax->words[id] = (EvlStoryWordInfo) { 0 };
  tax->word_keys[id] = w;
  tax->word_lens[id] = (guint32) len;
  tax->n_words++;
  slot_put (tax, head, h, id);
  return id;
}

/* Suffix rules of the regular English stems: 'convened' -> 'convene',
 * 'planned' -> 'plan', 'supplies' -> 'supply'. */
static const struct { const char *suffix, *repl; guint8 sl, rl; } stem_suffixes[] = {
  { "ies", "y", 3, 1 }, { "ied", "y", 3, 1 }, { "es", "", 2, 0 }, { "s", "", 1, 0 }, { "ed", "", 2, 0 },
  { "d", "", 1, 0 }, { "ing", "", 3, 0 }, { "ing", "e", 3, 1 }, { "ed", "e", 2, 1 },
};

/* @w (@n bytes) ends with the @sl bytes of @suffix (@sl <= @n, a few
 * bytes): a byte loop, not a memcmp() call per suffix tried. */
static inline gboolean
ends_with (const char *w, gsize n, const char *suffix, gsize sl)
{
  for (gsize k = 0; k < sl; k++)
    if (w[n - sl + k] != suffix[k])
      return FALSE;
  return TRUE;
}

/* The trigger rules of the first regular stem of the folded word @w (@n
 * bytes) that has some.  A fallback for lemmas the recogniser did not
 * normalise. */
static const GArray *
stem_rules (const EvlStoryTaxonomy *tax, const char *w, gsize n)
{
  if (n >= 64)
    return NULL;
  const EvlStoryWordInfo *info = tax->words;
  char buf[72];
  for (guint i = 0; i < G_N_ELEMENTS (stem_suffixes); i++)
    {
      gsize sl = stem_suffixes[i].sl;
      if (n <= sl + 2 || !ends_with (w, n, stem_suffixes[i].suffix, sl))
        continue;
      memcpy (buf, w, n - sl);
      memcpy (buf + n - sl, stem_suffixes[i].repl, stem_suffixes[i].rl + 1u);
      gsize bl = n - sl + stem_suffixes[i].rl;
      const GArray *r = info[evl_story_word_id (tax, buf, bl)].rules;
      /* 'planned' -> 'plan': undouble a final consonant. */
      if (r == NULL && *stem_suffixes[i].repl == '\0' && bl >= 3 && buf[bl - 1] == buf[bl - 2])
        {
          buf[bl - 1] = '\0';
          r = info[evl_story_word_id (tax, buf, bl - 1)].rules;
        }
      if (r)
        return r;
    }
  return NULL;
}

static EvlStoryWordInfo *
word_info_mut (EvlStoryTaxonomy *tax, const char *w)
{
  guint id = word_add (tax, w);
  return &tax->words[id];
}

/* Every word whose stem_rules() can be non-NULL is a rule word inflected
 * by one suffix rule (with a doubled final consonant for a bare suffix):
 * those forms get their stem_rules() in the table, so typing reads it
 * from the token's word id.  Any other word's stem_rules() is NULL.
 * stem_rules() per untyped trigger was ~7 M of the stage's 103 M
 * instructions on the small corpus (callgrind). */
static void
add_stem_form (EvlStoryTaxonomy *tax, const char *f)
{
  gsize n = strlen (f);
  const GArray *r = stem_rules (tax, f, n);
  if (r == NULL)
    return;
  /* Pooled only when new: word_add() keeps the pointer. */
  guint id = evl_story_word_id (tax, f, n);
  if (id == EVL_W_UNKNOWN)
    id = word_add (tax, g_string_chunk_insert (tax->pool, f));
  tax->words[id].stem_rules = r;
}

static void
add_stem_forms (EvlStoryTaxonomy *tax)
{
  /* Each form gets its stem_rules() as it is found: adding forms to the
   * table does not change a later stem_rules(), which reads only the
   * rules of other words, and new forms have none.  (Collecting the
   * pairs first took two GPtrArray appends a form.) */
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, tax->rules);
  while (g_hash_table_iter_next (&it, &k, NULL))
    {
      const char *w = k;
      gsize n = strlen (w);
      for (guint i = 0; i < G_N_ELEMENTS (stem_suffixes); i++)
        {
          gsize rl = stem_suffixes[i].rl;
          char buf[80];
          if (n < rl || n + 5 >= sizeof buf || !ends_with (w, n, stem_suffixes[i].repl, rl))
            continue;
          memcpy (buf, w, n - rl);
          memcpy (buf + n - rl, stem_suffixes[i].suffix, stem_suffixes[i].sl + 1u);
          add_stem_form (tax, buf);
          if (rl == 0 && n >= 2)
            {
              buf[n] = w[n - 1];
              memcpy (buf + n + 1, stem_suffixes[i].suffix, stem_suffixes[i].sl + 1u);
              add_stem_form (tax, buf);
            }
        }
    }
}

/* For each folded first word of the forms of each lexicon, what they say
 * of the words after it (EvlStoryWordInfo.next, evl_story_span_ok()):
 * their later words join the table (with no class and no rules: as the
 * unknown word to every rule), so that a token which is none of them has
 * another id. */
static void
build_next_masks (EvlStoryTaxonomy *tax)
{
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    {
      GPtrArray *forms = tax->forms[l];
      if (forms == NULL || forms->len == 0)
        continue;
      /* Every later word first: ids must not change once in a mask. */
      for (guint f = 0; f < forms->len; f++)
        {
          const char *form = g_ptr_array_index (forms, f);
          for (const char *sp = strchr (form, ' '); sp; sp = strchr (sp + 1, ' '))
            {
              const char *end = strchr (sp + 1, ' ');
              gsize n = end ? (gsize) (end - sp - 1) : strlen (sp + 1);
              if (evl_story_word_id (tax, sp + 1, n) == EVL_W_UNKNOWN)
                word_add (tax, g_string_chunk_insert_len (tax->pool, sp + 1, (gssize) n));
              /* Its proper prefixes too, marked as such. */
              for (gsize k = 1; k < n; k++)
                {
                  guint id = evl_story_word_id (tax, sp + 1, k);
                  if (id == EVL_W_UNKNOWN)
                    id = word_add (tax, g_string_chunk_insert_len (tax->pool, sp + 1, (gssize) k));
                  tax->words[id].cls |= EVL_STORY_C_FORM_PREFIX;
                }
            }
        }
      guint n_idx = 1;
      tax->next_masks[l] = g_new0 (guint64, (gsize) (MIN (forms->len, G_MAXUINT8) + 1) * EVL_STORY_NEXT_STRIDE);
      for (guint f = 0; f < forms->len; f++)
        {
          const char *form = g_ptr_array_index (forms, f);
          const char *sp = strchr (form, ' ');
          gsize first = sp ? (gsize) (sp - form) : strlen (form);
          guint id = evl_story_word_id (tax, form, first);
          if (id == EVL_W_UNKNOWN)
            continue;   /* no token has it: the filter is never asked */
          EvlStoryWordInfo *info = &tax->words[id];
          if (info->next[l] == 0)
            {
              if (n_idx > G_MAXUINT8)
                continue;   /* no index left: the word stays unfiltered */
              info->next[l] = (guint8) n_idx++;
            }
          guint64 *m = tax->next_masks[l] + (gsize) info->next[l] * EVL_STORY_NEXT_STRIDE;
          guint words = 1;
          for (; sp; sp = strchr (sp + 1, ' '), words++)
            if (words - 1 < EVL_STORY_NEXT_WORDS)
              {
                const char *end = strchr (sp + 1, ' ');
                gsize n = end ? (gsize) (end - sp - 1) : strlen (sp + 1);
                m[words - 1] |= G_GUINT64_CONSTANT (1) << (evl_story_word_id (tax, sp + 1, n) & 63);
              }
          m[EVL_STORY_NEXT_WORDS] |= G_GUINT64_CONSTANT (1) << MIN (words, 31u);
        }
      /* A first word that extends a shorter one ('n't' of 'n'): spans
       * from a token of the shorter one without a blank after it may
       * match.  Checked for every first word with an index. */
      for (guint f = 0; f < forms->len; f++)
        {
          const char *form = g_ptr_array_index (forms, f);
          const char *sp = strchr (form, ' ');
          gsize first = sp ? (gsize) (sp - form) : strlen (form);
          for (gsize k = 1; k < first; k++)
            {
              guint id = evl_story_word_id (tax, form, k);
              if (id != EVL_W_UNKNOWN && tax->words[id].next[l])
                tax->next_masks[l][(gsize) tax->words[id].next[l] * EVL_STORY_NEXT_STRIDE
                                   + EVL_STORY_NEXT_WORDS] |= EVL_STORY_NEXT_EXTENDS;
            }
        }
      tax->n_next[l] = n_idx;
      /* Words with more than 31 words: no count is ruled out. */
      for (guint x = 1; x < n_idx; x++)
        {
          guint64 *c = &tax->next_masks[l][(gsize) x * EVL_STORY_NEXT_STRIDE + EVL_STORY_NEXT_WORDS];
          if (*c & (G_GUINT64_CONSTANT (1) << 31))
            *c |= 0xffffffffu;
        }
    }
}

/* The word table, from the fixed words, the class lists and the parsed
 * taxonomy (every key of its hash tables is folded and pooled). */
static void
build_words (EvlStoryTaxonomy *tax)
{
  /* Sized up front for the words to come (each rule word has about ten
   * stem forms: 3,149 words from 251 rule words in data/taxonomy), so
   * that the table is not rehashed while it fills nor once more at the
   * end (two rehashes of 8 K and 16 K slots were ~0.4 M instructions of
   * every start-up, callgrind). */
  gsize expect = EVL_W_N_FIXED + 10 * g_hash_table_size (tax->rules) + g_hash_table_size (tax->ctxwords)
                 + g_hash_table_size (tax->outcome) + g_hash_table_size (tax->nonevent)
                 + g_hash_table_size (tax->group);
  for (guint c = 0; c < G_N_ELEMENTS (word_classes); c++)
    for (guint i = 0; word_classes[c].words[i]; i++)
      expect++;
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    if (tax->starts[l])
      expect += g_hash_table_size (tax->starts[l]) + EVL_STORY_NEXT_WORDS * tax->forms[l]->len;
  guint32 size = 256;
  while (size < expect * 4)
    size *= 2;
  slots_resize (tax, size);
  words_reserve (tax, (guint) expect + 1);
  tax->words[0] = (EvlStoryWordInfo) { 0 };
  tax->word_keys[0] = "";
  tax->word_lens[0] = 0;
  tax->n_words = 1;
  for (guint i = 1; i < EVL_W_N_FIXED; i++)
    {
      G_GNUC_UNUSED guint id = word_add (tax, fixed_words[i]);
      g_assert (id == i);
    }
  for (guint c = 0; c < G_N_ELEMENTS (word_classes); c++)
    for (guint i = 0; word_classes[c].words[i]; i++)
      word_info_mut (tax, word_classes[c].words[i])->cls |= word_classes[c].cls;

  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, tax->rules);
  while (g_hash_table_iter_next (&it, &k, &v))
    word_info_mut (tax, k)->rules = v;
  g_hash_table_iter_init (&it, tax->ctxwords);
  while (g_hash_table_iter_next (&it, &k, &v))
    word_info_mut (tax, k)->ctx = GPOINTER_TO_UINT (v);
  g_hash_table_iter_init (&it, tax->outcome);
  while (g_hash_table_iter_next (&it, &k, &v))
    word_info_mut (tax, k)->outcome = GPOINTER_TO_INT (v);
  g_hash_table_iter_init (&it, tax->nonevent);
  while (g_hash_table_iter_next (&it, &k, &v))
    word_info_mut (tax, k)->cls |= EVL_STORY_C_NONEVENT;
  g_hash_table_iter_init (&it, tax->group);
  while (g_hash_table_iter_next (&it, &k, &v))
    word_info_mut (tax, k)->cls |= EVL_STORY_C_GROUP;
  static const guint32 start_cls[EVL_STORY_LEX_N] = { EVL_STORY_C_START_FACT, EVL_STORY_C_START_CUES };
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    if (tax->starts[l])
      {
        g_hash_table_iter_init (&it, tax->starts[l]);
        while (g_hash_table_iter_next (&it, &k, &v))
          word_info_mut (tax, k)->cls |= start_cls[l];
        g_hash_table_iter_init (&it, tax->maxw[l]);
        while (g_hash_table_iter_next (&it, &k, &v))
          {
            EvlStoryWordInfo *info = word_info_mut (tax, k);
            info->max_words[l] = (guint8) (GPOINTER_TO_UINT (v) & 0xff);
            info->min_words[l] = (guint8) (GPOINTER_TO_UINT (v) >> 8);
          }
      }
  add_stem_forms (tax);
  build_next_masks (tax);
  /* Each word's scan bits once here instead of per token (~0.5 M
   * instructions of shifts and masks on the small corpus, callgrind). */
  guint32 start_all = (tax->starts[EVL_STORY_LEX_FACTUALITY] ? 0 : EVL_STORY_C_START_FACT)
                      | (tax->starts[EVL_STORY_LEX_CUES] ? 0 : EVL_STORY_C_START_CUES);
  for (guint id = 0; id < tax->n_words; id++)
    tax->words[id].scan = (guint8) (((tax->words[id].cls | start_all) / EVL_STORY_C_START_FACT)
                                    & (EVL_STORY_SCAN_FACT | EVL_STORY_SCAN_CUES | EVL_STORY_SCAN_GROUP
                                       | EVL_STORY_SCAN_COMPLEMENTIZER));
  /* Most tokens are not in the table, and a miss probes up to the next
   * empty slot: at load 1/4, fewer than at up to 1/2 while building, in
   * as many bytes as the 16-byte slots at 1/2 took. */
  guint32 want = tax->slot_mask + 1;
  while (want < tax->n_words * 4)
    want *= 2;
  if (want > tax->slot_mask + 1)
    slots_resize (tax, want);
}

EvlStoryTaxonomy *
evl_story_taxonomy_new (const EvlContext *ctx, GError **error)
{
  GBytes *bytes = evl_context_get_data (ctx, "taxonomy/story.txt");
  if (bytes == NULL)
    {
      evl_fail (error, EVL_ERROR_IO, "taxonomy/story.txt is not compiled in");
      return NULL;
    }
  g_autoptr (EvlStoryTaxonomy) tax = g_new0 (EvlStoryTaxonomy, 1);
  g_atomic_ref_count_init (&tax->ref);
  static gint serials;
  tax->serial = (guint32) g_atomic_int_add (&serials, 1) + 1u;
  tax->types = g_array_new (FALSE, TRUE, sizeof (EvlStoryType));
  tax->type_index = g_hash_table_new (g_str_hash, g_str_equal);
  tax->rules = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_array_unref);
  tax->ctxwords = g_hash_table_new (g_str_hash, g_str_equal);
  tax->outcome = g_hash_table_new (g_str_hash, g_str_equal);
  tax->nonevent = g_hash_table_new (g_str_hash, g_str_equal);
  tax->group = g_hash_table_new (g_str_hash, g_str_equal);
  tax->groups = g_ptr_array_new ();
  tax->pool = g_string_chunk_new (2048);
  tax->other = G_MAXUINT;

  ParseCtx pc = { tax, error };
  if (!each_line (bytes, taxonomy_line, &pc))
    return NULL;
  if (tax->other == G_MAXUINT)
    {
      evl_fail (error, EVL_ERROR_PARSE, "story.txt: no OTHER type");
      return NULL;
    }
  add_starts (tax, ctx, EVL_STORY_LEX_FACTUALITY, "en/factuality");
  add_starts (tax, ctx, EVL_STORY_LEX_CUES, "en/event-cues-story");
  build_words (tax);
  /* Each type's entry by its name, for every document's typing: a hash
   * lookup of the name per type and document was ~0.25 M instructions on
   * the small corpus (callgrind). */
  tax->type_st = g_new (const EvlStoryType *, MAX (tax->types->len, 1));
  for (guint t = 0; t < tax->types->len; t++)
    tax->type_st[t] = evl_story_taxonomy_lookup (tax, g_array_index (tax->types, EvlStoryType, t).name);
  return g_steal_pointer (&tax);
}

/* A few recently used (data, taxonomy) pairs.  The cache holds a reference
 * on the data bytes, so a key cannot be freed and reused by another
 * context's data while cached; the oldest slot is replaced when full. */
#define CACHE_SLOTS 4
static GMutex cache_lock;
static struct {
  GBytes *data;
  EvlStoryTaxonomy *tax;
} cache[CACHE_SLOTS];
static guint cache_next;

EvlStoryTaxonomy *
evl_story_taxonomy_get (const EvlContext *ctx)
{
  GBytes *data = evl_context_get_data (ctx, "taxonomy/story.txt");
  if (data == NULL)
    return NULL;
  g_mutex_lock (&cache_lock);
  for (guint i = 0; i < CACHE_SLOTS; i++)
    if (cache[i].data == data)
      {
        EvlStoryTaxonomy *tax = evl_story_taxonomy_ref (cache[i].tax);
        g_mutex_unlock (&cache_lock);
        return tax;
      }
  g_mutex_unlock (&cache_lock);

  EvlStoryTaxonomy *tax = evl_story_taxonomy_new (ctx, NULL);
  if (tax == NULL)
    return NULL;
  g_mutex_lock (&cache_lock);
  guint slot = cache_next++ % CACHE_SLOTS;
  GBytes *old_data = cache[slot].data;
  EvlStoryTaxonomy *old_tax = cache[slot].tax;
  cache[slot].data = g_bytes_ref (data);
  cache[slot].tax = evl_story_taxonomy_ref (tax);
  g_mutex_unlock (&cache_lock);
  if (old_data)
    g_bytes_unref (old_data);
  evl_story_taxonomy_unref (old_tax);
  return tax;
}

const EvlStoryType *
evl_story_taxonomy_lookup (const EvlStoryTaxonomy *tax, const char *name)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (tax->type_index, name));
  return i ? &g_array_index (tax->types, EvlStoryType, i - 1) : NULL;
}

/* ----------------------------------------------------------- token helpers */

gssize
evl_story_token_key (const EvlStoryDoc *sd, guint i, char *buf, gsize cap)
{
  if (i >= sd->n_tok)
    return -1;
  const EvlToken *t = &sd->tok[i];
  return evl_fold_key (sd->text + t->span.start, EVL_SPAN_LEN (t->span), buf, cap);
}

gsize
evl_story_key_into (const EvlStoryDoc *sd, gint i, char buf[EVL_STORY_KEY_CAP])
{
  buf[0] = '\0';
  if (i < 0 || (guint) i >= sd->n_tok)
    return 0;
  const EvlToken *t = &sd->tok[i];
  gsize len = EVL_SPAN_LEN (t->span);
  const char *src = sd->text + t->span.start;
  /* As token_word() folded it. */
  if (sd->tok_dirty[i])
    {
      gssize kl = evl_fold_key (src, len, buf, EVL_STORY_KEY_CAP);
      if (kl <= 0)
        {
          buf[0] = '\0';
          return 0;
        }
      return (gsize) kl;
    }
  if (len >= EVL_STORY_KEY_CAP)
    return 0;
  gssize kl = fold_token (src, len, buf);
  return kl > 0 ? (gsize) kl : 0;
}

gboolean
evl_story_token_is (const EvlStoryDoc *sd, guint i, const char *word)
{
  char key[EVL_STORY_KEY_CAP];
  evl_story_key_into (sd, (gint) i, key);
  return strcmp (key, word) == 0;
}

guint
evl_story_name_index (const char *s, const char *const *names)
{
  for (guint i = 0; names[i]; i++)
    if (names[i][0] == s[0] && strcmp (names[i], s) == 0)
      return i;
  return G_MAXUINT;
}

gboolean
evl_story_event_is_verbal (const EvlEventMention *e)
{
  return e->tense != NULL && strcmp (e->tense, "NONE") != 0;
}

guint
evl_story_tense_flags (const EvlEventMention *e)
{
  const char *t = e->tense, *a = e->aspect;
  guint f = 0;
  /* The first letter picks the one candidate to compare with. */
  if (t)
    {
      f = t[0] == 'N' && strcmp (t, "NONE") == 0 ? 0 : EVL_STORY_TF_VERBAL;
      if (t[0] == 'P' && t[1] == 'A')
        f |= strcmp (t, "PAST") == 0 ? EVL_STORY_TF_PAST
             : strcmp (t, "PASTPART") == 0 ? EVL_STORY_TF_PASTPART : 0;
      else if (t[0] == 'P')
        f |= strcmp (t, "PRESENT") == 0 ? EVL_STORY_TF_PRESENT : 0;
      else if (t[0] == 'F')
        f |= strcmp (t, "FUTURE") == 0 ? EVL_STORY_TF_FUTURE : 0;
    }
  if (a && !(a[0] == 'N' && strcmp (a, "NONE") == 0) && strstr (a, "PERFECTIVE") != NULL)
    f |= EVL_STORY_TF_PERFECT;
  return f;
}


static inline const EvlStoryWordInfo *
tok_info (const EvlStoryDoc *sd, gint i)
{
  return &sd->winfo[evl_story_wid (sd, i)];
}

/* The word-table entry of the folded form of @s (a lemma), or NULL. */
static const EvlStoryWordInfo *
lemma_info_of (const EvlStoryDoc *sd, const char *s)
{
  char key[64];
  gsize len = s ? strlen (s) : 0;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  /* Most lemmas: fold and find in a few word operations, as token_word()
   * does for tokens (the lemma's bytes only: no read past its NUL). */
  if (len - 1 < 8)
    {
      guint64 x = word_head (s, len), keep = keep_low[len];
      if (evl_swar_below (x | ~keep, 0x21) == 0)
        {
          x = evl_swar_lower (x);
          return &sd->winfo[word_find (sd->tax, s, len, x, hash_step (len, x))];
        }
    }
#endif
  gssize kl = len > 0 && len < 64 ? fold_token (s, len, key) : -1;
  if (kl == -2 || (kl == -1 && s))
    kl = evl_fold_key (s, len, key, sizeof key);
  if (kl <= 0)
    return NULL;
  return &sd->winfo[evl_story_word_id (sd->tax, key, (gsize) kl)];
}

/* Lemmas are interned in the document, so one lemma is one pointer: a
 * small direct-mapped memo of lemma_info_of() by pointer spares folding
 * and hashing a lemma again ('say', 'meet' recur), and is asked first:
 * the compare with the token's key only on a miss. */
#define LEMMA_MEMO 64
typedef struct {
  const char *lemma;
  const EvlStoryWordInfo *info;
} LemmaMemo;

static const EvlStoryWordInfo *
lemma_info (const EvlStoryDoc *sd, LemmaMemo *memo, const char *s, gint t)
{
  if (s == NULL)
    return NULL;
  LemmaMemo *m = &memo[((guintptr) s >> 3) % LEMMA_MEMO];
  if (m->lemma == s)
    return m->info;
  /* A lemma spelt as the folded form of a token that holds a blank is
   * that form: its entry is the token's.  (For any other token,
   * lemma_info_of() folds and finds such a lemma as token_word() did the
   * token, with no copy of the token's form to compare with first.) */
  m->lemma = s;
  if (sd->tok_dirty[t])
    {
      char key[EVL_STORY_KEY_CAP];
      if (evl_story_key_into (sd, t, key) > 0 && strcmp (s, key) == 0)
        return m->info = &sd->winfo[sd->wid[t]];
    }
  m->info = lemma_info_of (sd, s);
  return m->info;
}

gboolean
evl_story_group_word (const EvlStoryDoc *sd, gint i)
{
  if (i <= 0 || !(evl_story_cls (sd, i) & EVL_STORY_C_GROUP))
    return FALSE;
  guint w = evl_story_wid (sd, i - 1);
  return w == EVL_W_TWO || w == EVL_W_BOTH || w == EVL_W_THE;
}

/* ------------------------------------------------------------------ typing */

static guint
context_mask (const EvlStoryDoc *sd, gint t, guint window)
{
  guint sentence = sd->tok[t].sentence;
  gint lo = MAX (0, t - (gint) window);
  gint hi = MIN ((gint) sd->n_tok - 1, t + (gint) window);
  guint mask = 0;
  for (gint i = lo; i <= hi; i++)
    if (i != t && sd->tok[i].sentence == sentence)
      mask |= sd->winfo[sd->wid[i]].ctx;
  return mask;
}

static const GArray *
rules_for (const EvlStoryDoc *sd, LemmaMemo *memo, const EvlEventMention *e, gint t)
{
  const EvlStoryWordInfo *li = lemma_info (sd, memo, e->lemma, t);
  if (li && li->rules)
    return li->rules;
  const EvlStoryWordInfo *ti = tok_info (sd, t);
  return ti->rules ? ti->rules : ti->stem_rules;
}

/* The outcome cue nearest the trigger within its clause (8 tokens). */
static gint
find_outcome (const EvlStoryDoc *sd, LemmaMemo *memo, const EvlEventMention *e, gint t)
{
  const EvlStoryWordInfo *li = lemma_info (sd, memo, e->lemma, t);
  if (li && li->outcome)
    return li->outcome;
  for (gint d = 0; d <= 8; d++)
    for (gint s = -1; s <= 1; s += 2)
      {
        gint i = t + s * d;
        if (i < 0 || i >= (gint) sd->n_tok || sd->clause[i] != sd->clause[t])
          continue;
        gint v = tok_info (sd, i)->outcome;
        if (v)
          return v;
      }
  return 0;
}

void
evl_story_type_events (EvlStoryDoc *sd)
{
  const EvlStoryTaxonomy *tax = sd->tax;
  LemmaMemo memo[LEMMA_MEMO] = { { NULL, NULL } };
  for (guint k = 0; k < sd->n_ev; k++)
    {
      EvlEventMention *e = &sd->ev[k];
      gint t = sd->ev_tok[k];
      guint type = tax->other;
      gboolean verbal = evl_story_verbal (sd, (gint32) k);
      if (t >= 0 && !(sd->ev_mark[k] & EVL_STORY_MARK_JUNK))
        {
          const GArray *rules = rules_for (sd, memo, e, t);
          /* 'launch site', 'launch technology': a modifier, not an event. */
          gint next = t + 1;
          while (next < (gint) sd->n_tok && sd->tok_ev[next] == (gint32) k)
            next++;
          gboolean modifier = next < (gint) sd->n_tok
                              && sd->tok[next].sentence == sd->tok[t].sentence
                              && (evl_story_cls (sd, next) & EVL_STORY_C_NONEVENT);
          for (guint r = 0; rules && !modifier && r < rules->len; r++)
            {
              const Rule *rule = &g_array_index (rules, Rule, r);
              if ((rule->pos == 1 && verbal) || (rule->pos == 2 && !verbal))
                continue;
              if (rule->group < 0 || (context_mask (sd, t, rule->window) & (1u << rule->group)))
                {
                  type = rule->type;
                  break;
                }
            }
        }
      const EvlStoryType *st = &g_array_index (tax->types, EvlStoryType, type);
      if (sd->type_name[type] == NULL)
        {
          sd->type_name[type] = evl_document_intern (sd->doc, st->name, -1);
          sd->type_cameo[type] = st->cameo ? evl_document_intern (sd->doc, st->cameo, -1) : NULL;
        }
      e->type = sd->type_name[type];
      e->cameo = sd->type_cameo[type];
      sd->ev_type[k] = (guint16) type;
      sd->ev_code[k] = st->name_code;
      if (st->outcome && t >= 0)
        {
          gint v = find_outcome (sd, memo, e, t);
          if (v == EVL_STORY_OUTCOME_FAILED)
            e->flags |= EVL_EVENT_FLAG_FAILED;
          else if (v == EVL_STORY_OUTCOME_SUCCEEDED)
            e->flags |= EVL_EVENT_FLAG_SUCCEEDED;
        }
    }
}

/* ---------------------------------------------------------------- salience */

static float
time_evidence (const EvlStoryDoc *sd, const EvlEventMention *e, guint tf)
{
  switch (e->anchor_method)
    {
    case EVL_ANCHOR_CLAUSE:
    case EVL_ANCHOR_SENTENCE:
      {
        const EvlTimex *x = e->timex >= 0 && (guint) e->timex < sd->n_tx ? &sd->tx[e->timex] : NULL;
        float w = x && x->grain != EVL_GRAIN_NONE && x->grain <= EVL_GRAIN_MONTH ? 0.25f : 0.2f;
        return e->anchor_method == EVL_ANCHOR_CLAUSE ? w : w - 0.05f;
      }
    case EVL_ANCHOR_CUE:
      return 0.15f;
    case EVL_ANCHOR_TENSE:
      return e->cue_rel == EVL_REL_BEFORE && (tf & EVL_STORY_TF_VERBAL) ? 0.05f : 0.0f;
    case EVL_ANCHOR_DCT:
    case EVL_ANCHOR_NONE:
    default:
      return 0.0f;
    }
}

static float
score_one (const EvlStoryDoc *sd, const EvlEventMention *e, guint tf, const EvlStoryType *st, guint np,
           gboolean quoted, guint mark)
{
  gboolean other = st == NULL || st == &g_array_index (sd->tax->types, EvlStoryType, sd->tax->other);
  float s = st ? st->weight : 0.1f;
  if (np >= 1 || e->agent >= 0 || e->patient >= 0)
    s += 0.15f;
  if (np >= 2)
    s += 0.1f;
  if (e->location >= 0)
    s += 0.05f;
  s += time_evidence (sd, e, tf);
  if (e->flags & (EVL_EVENT_FLAG_FAILED | EVL_EVENT_FLAG_SUCCEEDED))
    s += 0.05f;
  if (mark & EVL_STORY_MARK_DENIAL)
    s += 0.15f;     /* a denial is news in itself */
  if (e->flags & EVL_EVENT_FLAG_HEDGED)
    s -= 0.25f;
  if (e->flags & EVL_EVENT_FLAG_GENERIC)
    s -= 0.25f;
  if ((mark & EVL_STORY_MARK_FUTURE) || (tf & EVL_STORY_TF_FUTURE))
    s -= 0.1f;      /* planned, not (yet) happened */
  switch (e->klass)
    {
    case EVL_EVENT_CLASS_REPORTING:
    case EVL_EVENT_CLASS_STATE:
    case EVL_EVENT_CLASS_I_STATE:
    case EVL_EVENT_CLASS_PERCEPTION:
      s -= 0.15f;
      break;
    case EVL_EVENT_CLASS_ASPECTUAL:
      s -= 0.1f;
      break;
    default:
      break;
    }
  if (quoted)
    s -= 0.1f;
  /* An untyped mention reaches the default cut only as a finite verb with
   * a date of its own (day or month) in its clause. */
  gboolean finite = (tf & EVL_STORY_TF_FINITE) != 0;
  if (other && !(finite && e->anchor_method == EVL_ANCHOR_CLAUSE && e->timex >= 0 && (guint) e->timex < sd->n_tx
                 && sd->tx[e->timex].grain != EVL_GRAIN_NONE && sd->tx[e->timex].grain <= EVL_GRAIN_MONTH))
    s = MIN (s, 0.4f);
  const EvlSentence *sn = e->sentence < sd->n_sent ? &sd->sent[e->sentence] : NULL;
  if (sn && sn->is_furniture)
    s *= 0.1f;
  else if (sn && sn->is_heading)
    s *= 0.7f;
  return CLAMP (s, 0.0f, 1.0f);
}

void
evl_story_score_salience (EvlStoryDoc *sd)
{
  for (guint k = 0; k < sd->n_ev; k++)
    sd->ev[k].salience = sd->ev_mark[k] & EVL_STORY_MARK_JUNK
                         ? 0.0f
                         : score_one (sd, &sd->ev[k], sd->ev_tf[k],
                                      sd->type_st[sd->ev_type[k]],
                                      sd->n_parts[k],
                                      sd->ev_tok[k] >= 0 && evl_story_quoted (sd, sd->ev_tok[k]), sd->ev_mark[k]);
  for (guint i = 0; i < sd->extra->len; i++)
    {
      EvlEventMention *p = &g_array_index (sd->extra, EvlEventMention, i);
      const EvlStoryType *st = p->type ? evl_story_taxonomy_lookup (sd->tax, p->type) : NULL;
      p->salience = score_one (sd, p, evl_story_tense_flags (p), st, p->n_participants, FALSE, 0);
    }
  /* An event a kept event is anchored to ('hours before the summit') is
   * kept too, or the relation would point nowhere. */
  for (guint k = 0; k < sd->n_ev; k++)
    {
      const EvlEventMention *e = &sd->ev[k];
      if (e->anchor_method == EVL_ANCHOR_CUE && e->salience >= 0.5f && e->cue_event >= 0
          && (guint) e->cue_event < sd->n_ev)
        {
          EvlEventMention *ref = &sd->ev[e->cue_event];
          const EvlSentence *sn = ref->sentence < sd->n_sent ? &sd->sent[ref->sentence] : NULL;
          if (!(sn && sn->is_furniture) && ref->type
              && evl_story_type_code (sd, e->cue_event) != EVL_STORY_TYPE_OTHER)
            ref->salience = MAX (ref->salience, 0.5f);
        }
    }
}

/* ------------------------------------------------------------ participants */

void
evl_story_add_participant (EvlStoryDoc *sd, guint e, gint32 m)
{
  if (m < 0 || (guint) m >= sd->n_ent)
    return;
  gint32 *slots = sd->parts + (gsize) e * EVL_STORY_MAX_PARTS;
  gint32 cluster = sd->ent[m].cluster;
  for (guint i = 0; i < sd->n_parts[e]; i++)
    if (slots[i] == m || (cluster >= 0 && sd->ent[slots[i]].cluster == cluster))
      return;
  if (sd->n_parts[e] < EVL_STORY_MAX_PARTS)
    slots[sd->n_parts[e]++] = m;
}

/* ------------------------------------------------------------------ index */

/* evl_document_token_at() on the document's tokens (the first token
 * ending after @offset, when it starts by @offset), searched from the
 * answer of the previous call (@hint): spans come mostly in text order,
 * so a galloping search forward finds it in a few steps even when it is
 * far on (events are ~8 tokens apart; the binary search over all tokens
 * that a miss of a short linear scan fell back to was ~1/3 of calls). */
#define TOK_AT_WALK 8
static gint
tok_at (const EvlStoryDoc *sd, guint32 offset, guint *hint)
{
  const EvlToken *t = sd->tok;
  guint n = sd->n_tok, lo = MIN (*hint, n);
  /* Every token before @lo ends by @offset (token ends ascend). */
  if (lo > 0 && t[lo - 1].span.end > offset)
    lo = 0;
  /* First a guess from the document's tokens per byte (tok_per_kb):
   * past it, search on from there; short of it, the answer lies
   * between, usually a step or two from the guess (galloping from @lo
   * took ~100 instructions a call, callgrind). */
  if (lo < n && t[lo].span.end <= offset)
    {
      guint guess = lo + (guint) (((guint64) (offset - t[lo].span.start) * sd->tok_per_kb) >> 10);
      guess = MIN (guess, n - 1);
      /* The answer is mostly within a few tokens of the guess: walk
       * there first (the halving alone was ~77 instructions a call). */
      if (guess > lo && t[guess].span.end <= offset)
        {
          guint g = guess + 1, stop = MIN (g + TOK_AT_WALK, n);
          while (g < stop && t[g].span.end <= offset)
            g++;
          if (g < stop)
            {
              *hint = g;
              return t[g].span.start <= offset ? (gint) g : -1;
            }
          lo = g;
        }
      else if (guess > lo)
        {
          guint hi = guess;   /* ends after @offset */
          guint stop = guess - MIN (guess - (lo + 1), TOK_AT_WALK);
          while (hi > stop && t[hi - 1].span.end > offset)
            hi--;
          if (hi == lo + 1 || t[hi - 1].span.end <= offset)
            {
              *hint = hi;
              return t[hi].span.start <= offset ? (gint) hi : -1;
            }
          for (lo++; lo < hi;)
            {
              guint mid = lo + (hi - lo) / 2;
              if (t[mid].span.end <= offset)
                lo = mid + 1;
              else
                hi = mid;
            }
          *hint = lo;
          return t[lo].span.start <= offset ? (gint) lo : -1;
        }
    }
  guint step = 1;
  while (lo + step <= n && t[lo + step - 1].span.end <= offset)
    {
      lo += step;
      step *= 2;
    }
  /* The answer is in [lo, lo + len]: halve the range. */
  for (guint len = MIN (lo + step - 1, n) - lo; len > 0;)
    {
      guint half = len / 2;
      if (t[lo + half].span.end <= offset)
        lo += half + 1, len -= half + 1;
      else
        len = half;
    }
  *hint = lo;
  return lo < n && t[lo].span.start <= offset ? (gint) lo : -1;
}

/* Covers tokens from the one at @span.start up to @span.end with @value
 * and adds @scan to their tok_scan; returns the first, and in *@end (when
 * not NULL) one past the last. */
static gint
mark_tokens (EvlStoryDoc *sd, gint32 *map, EvlSpan span, gint32 value, guint8 scan, guint *hint, guint *end)
{
  gint first = tok_at (sd, span.start, hint);
  if (first < 0)
    return -1;
  guint i = (guint) first;
  for (; i < sd->n_tok && sd->tok[i].span.start < span.end; i++)
    {
      if (map[i] < 0)
        map[i] = value;
      sd->tok_scan[i] |= scan;
    }
  if (end)
    *end = i;
  return first;
}

/* The character at @s is a letter or a digit: an ASCII byte (nearly
 * every trigger) without decoding and the Unicode tables, which were
 * ~0.3 M instructions on the small corpus (callgrind). */
static inline gboolean
alnum_at (const char *s)
{
  guchar c = (guchar) *s;
  return c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (g_utf8_get_char (s));
}

/* Carves the per-document arrays out of one block: with @base NULL it
 * only sums their sizes (eight-byte aligned) into @size. */
typedef struct {
  char *base;
  gsize size;
} Carve;

static gpointer
carve (Carve *c, gsize n, gsize elem, gboolean zero)
{
  gsize bytes = n * elem;
  char *p = c->base ? c->base + c->size : NULL;
  if (p && zero)
    memset (p, 0, bytes);
  c->size += (bytes + 7) & ~(gsize) 7;
  return p;
}

/* The index arrays, in one block (the thread's scratch, scratch_take()):
 * ~25 mallocs per document were ~10% of this stage's samples at scale
 * (perf, 20 MB corpus: _int_malloc, unlink_chunk for the large arrays). */
static void
carve_index (EvlStoryDoc *sd, Carve *c, gsize text_len)
{
  guint n = MAX (sd->n_tok, 1), ne = MAX (sd->n_ev, 1), nt = MAX (sd->tax->types->len, 1);
  sd->tok_ev = carve (c, n, sizeof (gint32), FALSE);
  sd->tok_ent = carve (c, n, sizeof (gint32), FALSE);
  sd->tok_tx = carve (c, n, sizeof (gint32), FALSE);
  sd->clause = carve (c, n, sizeof (guint32), FALSE);   /* build_index() sets every token's */
  sd->wid = carve (c, n, sizeof (guint32), FALSE);
  sd->tok_dirty = carve (c, n, 1, TRUE);
  sd->tok_scan = carve (c, n + 8, 1, TRUE);   /* evl_story_next_scan() reads 8 bytes at a time */
  sd->ev_tok = carve (c, ne, sizeof (gint32), FALSE);
  sd->parts = carve (c, (gsize) ne * EVL_STORY_MAX_PARTS, sizeof (gint32), FALSE);
  sd->n_parts = carve (c, ne, 1, TRUE);
  sd->ev_mark = carve (c, ne, 1, TRUE);
  sd->ev_type = carve (c, ne, sizeof (guint16), TRUE);
  sd->ev_code = carve (c, ne, 1, TRUE);
  sd->ev_tf = carve (c, ne, 1, FALSE);
  sd->type_name = carve (c, nt, sizeof (const char *), TRUE);
  sd->type_cameo = carve (c, nt, sizeof (const char *), TRUE);
  sd->type_st = sd->tax->type_st;
  sd->ent_first = carve (c, MAX (sd->n_ent, 1), sizeof (gint32), FALSE);
  sd->ent_last = carve (c, MAX (sd->n_ent, 1), sizeof (gint32), FALSE);
  sd->sent_tx = carve (c, MAX (sd->n_sent, 1), 1, TRUE);
  sd->sent_tx_first = carve (c, MAX (sd->n_sent, 1), sizeof (guint32), TRUE);
  sd->sent_tx_end = carve (c, MAX (sd->n_sent, 1), sizeof (guint32), TRUE);
  sd->tx_tokens = carve (c, n, sizeof (guint32), FALSE);
  sd->tx_first = carve (c, MAX (sd->n_tx, 1), sizeof (gint32), FALSE);
  sd->tx_end = carve (c, MAX (sd->n_tx, 1), sizeof (guint32), FALSE);
  sd->tx_excluded = carve (c, MAX (sd->n_tx, 1), 1, TRUE);
  sd->prior_of = carve (c, ne, sizeof (gint32), FALSE);
  sd->sent_source = carve (c, MAX (sd->n_sent, 1), sizeof (gint32), FALSE);
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    {
      guint nn = MAX (evl_story_taxonomy_n_next (sd->tax, l), 1);
      sd->one_entry[l] = carve (c, nn, sizeof (const EvlLexEntry *), FALSE);
      sd->one_known[l] = carve (c, nn, 1, TRUE);
    }
}

/* The per-document arrays live in one buffer per thread, grown as needed
 * and kept for the next document instead of a malloc and free of the
 * whole block per document (each reused array is set before it is read,
 * as a fresh block's was).  A buffer grown past SCRATCH_KEEP for one
 * outsized document is released after it. */
#define SCRATCH_KEEP (8u << 20)
typedef struct {
  gpointer base;
  gsize cap;
  GArray *extra;   /* EvlStoryDoc.extra, emptied per document */
  WordMemo *memo;  /* token_word()'s, for the taxonomy numbered memo_serial */
  guint32 memo_serial;
} Scratch;

static void
scratch_free (gpointer p)
{
  Scratch *s = p;
  g_free (s->base);
  g_array_unref (s->extra);
  g_free (s->memo);
  g_free (s);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

/* (transfer none) The calling thread's scratch. */
static Scratch *
scratch_get (void)
{
  Scratch *s = g_private_get (&scratch_key);
  if (s == NULL)
    {
      s = g_new0 (Scratch, 1);
      s->extra = g_array_new (FALSE, TRUE, sizeof (EvlEventMention));
      g_private_set (&scratch_key, s);
    }
  return s;
}

/* (transfer none) At least @size bytes of the thread's scratch buffer. */
static gpointer
scratch_take (gsize size)
{
  Scratch *s = scratch_get ();
  if (s->cap < size)
    {
      gsize cap = MAX (s->cap, (gsize) 64 << 10);
      while (cap < size)
        cap *= 2;
      g_free (s->base);
      s->base = g_malloc (cap);
      s->cap = cap;
    }
  return s->base;
}

/* (transfer none) The calling thread's WordMemo, for @tax. */
static WordMemo *
word_memo (const EvlStoryTaxonomy *tax)
{
  Scratch *s = scratch_get ();
  if (s->memo == NULL)
    s->memo = g_new0 (WordMemo, 1u << WORD_MEMO_BITS);
  else if (s->memo_serial != tax->serial)
    memset (s->memo, 0, sizeof (WordMemo) << WORD_MEMO_BITS);
  s->memo_serial = tax->serial;
  return s->memo;
}

static void
scratch_release (void)
{
  Scratch *s = g_private_get (&scratch_key);
  if (s && s->cap > SCRATCH_KEEP)
    {
      g_clear_pointer (&s->base, g_free);
      s->cap = 0;
    }
}

/* Token @i's word id, from its folded form; sets its tok_dirty when it
 * is not folded by lowering its ASCII letters.  The form itself is not
 * kept: the rules ask for a few tokens' forms only (evl_story_key_into()),
 * and storing every token's form and offset was ~1 M instructions on the
 * small corpus (callgrind). */
static inline guint32
token_word (EvlStoryDoc *sd, WordMemo *memo, guint i, gsize text_len)
{
  const EvlToken *t = &sd->tok[i];
  gsize len = EVL_SPAN_LEN (t->span);
  const char *src = sd->text + t->span.start;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  guint64 head;
  /* Most tokens: fold, hash and find in a few word operations (a form of
   * up to eight bytes is compared by its head only: word_find()). */
  if (len - 1 < 8 && t->span.start + 8 <= text_len)
    {
      guint64 keep = keep_low[len];
      guint64 raw = evl_load64 (src) & keep;
      WordMemo *m = &memo[(raw * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - WORD_MEMO_BITS)];
      if (m->raw == raw && m->len == len)
        return m->id;
      /* Padding reads as 0xFF: not a blank. */
      if (evl_swar_below (raw | ~keep, 0x21) == 0)
        {
          head = evl_swar_lower (raw);
          guint32 id = word_find (sd->tax, NULL, len, head, hash_step (len, head));
          m->raw = raw;
          m->len = (guint32) len;
          m->id = id;
          return id;
        }
    }
  /* 9 to 16 bytes ('negotiations'): two words; at scale these went
   * the byte loop and were ~8% of the stage's samples. */
  guint64 tail;
  if (len - 9 < 8 && t->span.start + 16 <= text_len && fold_short (src, 8, &head)
      && fold_short (src + 8, len - 8, &tail))
    {
      char key[16];
      memcpy (key, &head, 8);
      memcpy (key + 8, &tail, 8);
      return word_find (sd->tax, key, len, head, hash_step (hash_step (len, head), tail));
    }
#endif
  char key[64];
  gssize kl = len < 64 ? fold_token (src, len, key) : -1;
  if (kl == -2)
    {
      kl = evl_fold_key (src, len, key, 64);
      /* It may hold a blank; its form's length (below 64) kept with the mark. */
      sd->tok_dirty[i] = (guint8) (EVL_STORY_KEY_DIRTY | (kl > 0 ? (guint) kl : 0u));
    }
  if (kl <= 0)
    return EVL_W_UNKNOWN;
  return evl_story_word_id (sd->tax, key, (gsize) kl);
}

/* Marks EVL_STORY_SCAN_FACT on every token ending in "'t" or "’t" (byte
 * 0x99 then 't'): every negative contraction story-factuality.c knows
 * ("n't", "'t" after 'n') is one.  Found by searching the text for the
 * two bytes (memchr) instead of testing each token's last byte, and
 * factuality then visits these instead of every token ending in 't'
 * ('at', 'that', 'summit'), visits that did nothing. */
static void
mark_contractions (EvlStoryDoc *sd, gsize text_len)
{
  static const char marks[] = { '\'', '\x99' };
  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    {
      guint hint = 0;
      for (const char *p = memchr (sd->text, marks[m], text_len); p != NULL;
           p = memchr (p + 1, marks[m], text_len - (gsize) (p + 1 - sd->text)))
        {
          if (p[1] != 't')   /* the text is NUL-terminated */
            continue;
          guint32 at = (guint32) (p + 1 - sd->text);
          gint j = tok_at (sd, at, &hint);
          if (j >= 0 && sd->tok[j].span.end == at + 1)
            sd->tok_scan[j] |= EVL_STORY_SCAN_FACT;
        }
    }
}

/* build_words() maps the START classes onto the scan bits by a shift. */
G_STATIC_ASSERT (EVL_STORY_C_START_CUES == 2 * EVL_STORY_C_START_FACT);
G_STATIC_ASSERT (EVL_STORY_C_GROUP == EVL_STORY_SCAN_GROUP * EVL_STORY_C_START_FACT);
G_STATIC_ASSERT (EVL_STORY_C_COMPLEMENTIZER == EVL_STORY_SCAN_COMPLEMENTIZER * EVL_STORY_C_START_FACT);
G_STATIC_ASSERT (EVL_STORY_SCAN_FACT == 1 && EVL_STORY_SCAN_CUES == 2);

static void
build_index (EvlStoryDoc *sd)
{
  guint n = MAX (sd->n_tok, 1);
  gsize text_len = 0;
  evl_document_get_text (sd->doc, &text_len);
  sd->tok_per_kb = (guint32) MIN (((guint64) sd->n_tok << 10) / MAX (text_len, 1), G_MAXUINT32);
  Carve cv = { NULL, 0 };
  carve_index (sd, &cv, text_len);
  cv.base = scratch_take (cv.size);
  sd->block = cv.base;
  cv.size = 0;
  carve_index (sd, &cv, text_len);
  memset (sd->tok_ev, 0xff, n * sizeof (gint32));    /* -1 */
  memset (sd->tok_ent, 0xff, n * sizeof (gint32));
  memset (sd->tok_tx, 0xff, n * sizeof (gint32));
  /* Tense and aspect strings are interned or static, so a pair of
   * pointers seen before has the flags computed then (a pure function of
   * the strings): a small direct-mapped memo by pointers spares most
   * strcmp/strstr chains (~1 M instructions on the small corpus). */
  struct { const char *tense, *aspect; guint tf; gboolean set; } tf_memo[16] = { { NULL, NULL, 0, FALSE } };
  for (guint k = 0; k < sd->n_ev; k++)
    {
      const EvlEventMention *e = &sd->ev[k];
      guint slot = (guint) ((((guintptr) e->tense >> 3) ^ ((guintptr) e->aspect >> 5)) % G_N_ELEMENTS (tf_memo));
      if (!tf_memo[slot].set || tf_memo[slot].tense != e->tense || tf_memo[slot].aspect != e->aspect)
        {
          tf_memo[slot].tense = e->tense, tf_memo[slot].aspect = e->aspect, tf_memo[slot].set = TRUE;
          tf_memo[slot].tf = evl_story_tense_flags (e);
        }
      sd->ev_tf[k] = (guint8) tf_memo[slot].tf;
    }
  guint hint = 0;
  for (guint k = 0; k < sd->n_ev; k++)
    {
      /* Factuality acts at an event's token (without a cue or a negative
       * contraction there: those have their own marks) only for a verbal
       * reporting event: only those get FACT, so its loop passes over the
       * others (~13 k visits that did nothing on the small corpus). */
      guint8 scan = EVL_STORY_SCAN_ARGS;
      if (sd->ev[k].klass == EVL_EVENT_CLASS_REPORTING && evl_story_verbal (sd, (gint32) k))
        scan |= EVL_STORY_SCAN_FACT;
      sd->ev_tok[k] = mark_tokens (sd, sd->tok_ev, sd->ev[k].span, (gint32) k, scan, &hint, NULL);
      /* A trigger that starts with punctuation ('’s' split off a name) is
       * a recognition slip: it is typed OTHER and never kept or cited. */
      EvlSpan sp = sd->ev[k].span;
      if (sp.end <= sp.start || !alnum_at (sd->text + sp.start))
        sd->ev_mark[k] |= EVL_STORY_MARK_JUNK;
    }
  hint = 0;
  for (guint m = 0; m < sd->n_ent; m++)
    {
      EvlSpan sp = sd->ent[m].span;
      guint end = 0;
      gint first = mark_tokens (sd, sd->tok_ent, sp, (gint32) m, EVL_STORY_SCAN_ARGS | EVL_STORY_SCAN_BLOCK,
                                &hint, &end);
      sd->ent_first[m] = first;
      /* The token at the mention's last byte: the last one covered when
       * it reaches that byte (the next starts past it), else none. */
      if (first >= 0 && sp.end > sp.start)
        sd->ent_last[m] = sd->tok[end - 1].span.end >= sp.end ? (gint32) end - 1 : -1;
      else
        {
          guint last_hint = hint;
          sd->ent_last[m] = tok_at (sd, sp.end > sp.start ? sp.end - 1 : sp.start, &last_hint);
        }
    }
  sd->dct_timex = -1;
  hint = 0;
  for (guint x = 0; x < sd->n_tx; x++)
    {
      sd->tx_first[x] = -1;
      if (sd->tx[x].flags & EVL_TIMEX_FLAG_DCT)
        {
          if (sd->dct_timex < 0)
            sd->dct_timex = (gint32) x;
          continue;
        }
      guint end = 0;
      gint first = mark_tokens (sd, sd->tok_tx, sd->tx[x].span, (gint32) x,
                                EVL_STORY_SCAN_BLOCK | EVL_STORY_SCAN_TIMEX, &hint, &end);
      if (first >= 0 && end > (guint) first)
        {
          sd->tx_first[x] = first;
          sd->tx_end[x] = end;
        }
      if (sd->tx[x].sentence < sd->n_sent)
        sd->sent_tx[sd->tx[x].sentence] = 1;
    }

  /* The timex-covered tokens in order, and each sentence's run of them
   * (for nearest_timex()), found by their marks eight tokens at a time. */
  guint32 n_txt = 0;
  for (guint i = evl_story_next_scan (sd, 0, EVL_STORY_SCAN_TIMEX); i < sd->n_tok;
       i = evl_story_next_scan (sd, i + 1, EVL_STORY_SCAN_TIMEX))
    {
      guint32 s = sd->tok[i].sentence;
      if (s < sd->n_sent)
        {
          if (sd->sent_tx_end[s] == 0)
            sd->sent_tx_first[s] = n_txt;
          sd->sent_tx_end[s] = n_txt + 1;
        }
      sd->tx_tokens[n_txt++] = i;
    }
  sd->n_tx_tokens = n_txt;

  /* One pass over the tokens, now that the event, entity and timex maps
   * are known: folded forms and word ids (every rule family compares and
   * looks them up), clauses and the scan marks.  Clauses: a new one at
   * each sentence, after clause punctuation and quotation marks, and at
   * subordinating/relative words. */
  mark_contractions (sd, text_len);
  sd->winfo = evl_story_word_info (sd->tax, 0);
  WordMemo *memo = word_memo (sd->tax);
  guint32 c = 0;
  guint32 quoted = 0;   /* EVL_STORY_SCAN_QUOTED inside a quotation, else 0 */
  guint paragraph = G_MAXUINT;
  guint32 sentence = G_MAXUINT32;   /* no token's: the first token starts one */
  for (guint i = 0; i < sd->n_tok; i++)
    {
      const EvlToken *t = &sd->tok[i];
      guint32 w = token_word (sd, memo, i, text_len);
      sd->wid[i] = w;
      guint32 cls = sd->winfo[w].cls;
      gboolean boundary_after = FALSE;
      /* The paragraph changes only with the sentence: looked up there. */
      if (t->sentence != sentence)
        {
          sentence = t->sentence;
          guint para = sentence < sd->n_sent ? sd->sent[sentence].paragraph : 0;
          if (para != paragraph)
            quoted = 0, paragraph = para;
          c++;
        }
      else if ((cls & EVL_STORY_C_CLAUSE_WORD) && !(sd->tok_scan[i] & EVL_STORY_SCAN_BLOCK))
        c++;   /* not inside an entity or a timex */
      /* "’s", "’re": an apostrophe token, not a quotation mark. */
      gboolean quote_mark = (t->flags & EVL_TOKEN_QUOTE)
                            && EVL_SPAN_LEN (t->span) == (guint32) g_utf8_skip[(guchar) sd->text[t->span.start]];
      if (quote_mark)
        {
          const char *s = sd->text + t->span.start;
          /* Curly quotes say which side they are; straight ones toggle. */
          gboolean curly = s[0] == '\xe2' && s[1] == '\x80';   /* the text is NUL-terminated */
          gboolean open = curly && (s[2] == '\x9c' || s[2] == '\x98')
                          ? TRUE
                          : curly && (s[2] == '\x9d' || s[2] == '\x99')
                          ? FALSE : !quoted;
          if (open)
            c++;
          else
            boundary_after = TRUE;
          quoted = open ? EVL_STORY_SCAN_QUOTED : 0;
        }
      else if (t->flags & EVL_TOKEN_PUNCT && (cls & EVL_STORY_C_CLAUSE_PUNCT))
        boundary_after = TRUE;
      sd->clause[i] = c;
      if (boundary_after)
        c++;
      /* Where the per-token passes of factuality and anchoring can act
       * (see EVL_STORY_SCAN_*): the marks of events, entities and timexes
       * (mark_tokens()), the word's scan bits (build_words()) and a final 't', FACT
       * cleared inside an entity or a timex (BLOCK); and whether the token
       * is quoted.  Bit arithmetic on the byte instead of tests of tok_ev,
       * tok_ent and tok_tx: those branches were ~3.4 M instructions on
       * the small corpus. */
      guint32 scan = sd->tok_scan[i] | sd->winfo[w].scan | quoted;
      if (scan & EVL_STORY_SCAN_BLOCK)
        scan &= ~EVL_STORY_SCAN_FACT;
      sd->tok_scan[i] = (guint8) scan;
    }
}

static void
free_index (EvlStoryDoc *sd)
{
  sd->block = NULL;
  scratch_release ();
}

/* Fields this half owns start from a known state, so re-annotation is
 * idempotent; the recogniser's flags are kept. */
static void
reset_fields (EvlEventMention *e)
{
  e->type = NULL;
  e->cameo = NULL;
  e->polarity = EVL_POLARITY_POS;
  e->modality = NULL;
  e->timex = -1;
  e->anchor_method = EVL_ANCHOR_NONE;
  e->cue_event = -1;
  e->cue_rel = EVL_REL_BEFORE;
  e->agent = e->patient = e->location = e->source = -1;
  e->salience = 0.0f;
}

static void
store_participants (EvlStoryDoc *sd)
{
  for (guint k = 0; k < sd->n_ev; k++)
    {
      EvlEventMention *e = &sd->ev[k];
      g_free ((gpointer) e->participants);
      e->participants = NULL;
      e->n_participants = sd->n_parts[k];
      if (sd->n_parts[k] > 0)
        e->participants = g_memdup2 (sd->parts + (gsize) k * EVL_STORY_MAX_PARTS,
                                     sd->n_parts[k] * sizeof (gint32));
    }
}

void
evl_events_story_annotate (const EvlContext *ctx, EvlDocument *doc)
{
  g_return_if_fail (ctx != NULL && doc != NULL);
  guint n_ev = 0;
  evl_document_get_event_mentions (doc, &n_ev);
  if (n_ev == 0)
    return;
  g_autoptr (EvlStoryTaxonomy) tax = evl_story_taxonomy_get (ctx);
  if (tax == NULL)
    return;   /* no taxonomy compiled in: leave the TimeML layer alone */

  EvlStoryDoc sd = { 0 };
  sd.ctx = ctx;
  sd.doc = doc;
  sd.tax = tax;
  sd.text = evl_document_get_text (doc, &sd.text_len);
  sd.tok = evl_document_get_tokens (doc, &sd.n_tok);
  sd.sent = evl_document_get_sentences (doc, &sd.n_sent);
  sd.tx = evl_document_get_timexes (doc, &sd.n_tx);
  sd.ent = evl_document_get_entity_mentions (doc, &sd.n_ent);
  sd.ev = evl_document_peek_event_mention (doc, 0);
  sd.n_ev = n_ev;
  sd.extra = scratch_get ()->extra;
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    sd.next_masks[l] = evl_story_taxonomy_next_masks (tax, l);
  g_array_set_size (sd.extra, 0);
  /* No start set (the lexicon file is absent): every word may start a form. */
  if (tax->starts[EVL_STORY_LEX_FACTUALITY] == NULL)
    sd.start_all |= EVL_STORY_C_START_FACT;
  if (tax->starts[EVL_STORY_LEX_CUES] == NULL)
    sd.start_all |= EVL_STORY_C_START_CUES;
  for (guint k = 0; k < n_ev; k++)
    reset_fields (&sd.ev[k]);
  build_index (&sd);

  evl_story_type_events (&sd);
  evl_story_fill_arguments (&sd);
  evl_story_resolve_groups (&sd);
  evl_story_apply_factuality (&sd);
  evl_story_anchor_events (&sd);
  evl_story_score_salience (&sd);
  store_participants (&sd);

  /* Implied events were complete when created; adding them last keeps
   * every index computed above valid. */
  for (guint i = 0; i < sd.extra->len; i++)
    evl_document_add_event_mention (doc, &g_array_index (sd.extra, EvlEventMention, i));
  g_array_set_size (sd.extra, 0);
  free_index (&sd);
}
