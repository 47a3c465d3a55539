/* The story taxonomy (data/taxonomy/story.txt) and the word table the
 * story rules read, as one flat image (story-private.h).
 *
 * The text is parsed here into hash tables and arrays (TaxBuilder), which
 * are written out as the image; a taxonomy is always read from an image.
 * The compiled-in image is written at build time by story-taxonomy-tool
 * with this same code and used in place (story.c): parsing the text and
 * building the table were ~4.75 M instructions of every run, a fifth of
 * `tag` on the five sample articles (callgrind).  A data dir's text is
 * parsed into an image at run time. */
#include "story-private.h"

#include <string.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- builder */

typedef struct {
  GArray *types;          /* EvlStoryType, strings in @pool */
  GHashTable *type_index; /* name -> GUINT_TO_POINTER (index + 1) */
  GHashTable *rules;      /* word -> GArray of EvlStoryRule, file order */
  GHashTable *ctxwords[EVL_STORY_CTX_WORDS]; /* word -> GUINT_TO_POINTER (bitmask of groups
                                               32 i to 32 i + 31) */
  GHashTable *outcome;    /* word -> GINT_TO_POINTER (EVL_STORY_OUTCOME_*) */
  GHashTable *nonevent;   /* word set */
  GHashTable *group;      /* word set */
  GPtrArray *groups;      /* context group names, index = bit */
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
   * first); @table reads the arrays below. */
  EvlStoryWordInfo *words; /* by id; 0 = unknown word; rules set in the image */
  const GArray **word_rules;      /* by id: its rules, or NULL */
  const GArray **word_stem_rules; /* by id: its stem's rules, or NULL */
  guint32 *key_off;       /* by id: offset of its form in @keys */
  guint32 *word_lens;     /* length of each id's form */
  GString *keys;
  guint n_words, words_cap;
  guint64 *slot_head;
  guint32 *slot_id;
  guint32 *slot_hash;     /* for rehashing only */
  guint32 slot_mask;
  EvlStoryWordTable table;
} TaxBuilder;

static void
builder_free (TaxBuilder *tax)
{
  g_array_unref (tax->types);
  g_hash_table_unref (tax->type_index);
  g_hash_table_unref (tax->rules);
  for (guint i = 0; i < EVL_STORY_CTX_WORDS; i++)
    g_hash_table_unref (tax->ctxwords[i]);
  g_hash_table_unref (tax->outcome);
  g_hash_table_unref (tax->nonevent);
  g_hash_table_unref (tax->group);
  g_ptr_array_unref (tax->groups);
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
  g_free (tax->word_rules);
  g_free (tax->word_stem_rules);
  g_free (tax->key_off);
  g_free (tax->word_lens);
  g_string_free (tax->keys, TRUE);
  g_free (tax->slot_head);
  g_free (tax->slot_id);
  g_free (tax->slot_hash);
  g_free (tax);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaxBuilder, builder_free)

/* ------------------------------------------------------------------ text */

static const char *
pooled (TaxBuilder *tax, const char *s)
{
  char key[128];
  gssize n = evl_fold_key (s, strlen (s), key, sizeof key);
  return g_string_chunk_insert_const (tax->pool, n > 0 ? key : s);
}

/* Calls @fn for each '|'-separated word of @list. */
static void
each_word (TaxBuilder *tax, const char *list,
           void (*fn) (TaxBuilder *, const char *, gpointer), gpointer data)
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
add_ctxword (TaxBuilder *tax, const char *w, gpointer data)
{
  guint g = GPOINTER_TO_UINT (data);
  GHashTable *set = tax->ctxwords[g / 32];
  guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (set, w));
  g_hash_table_insert (set, (gpointer) w, GUINT_TO_POINTER (mask | (1u << (g & 31))));
}

static void
add_rule (TaxBuilder *tax, const char *w, gpointer data)
{
  GArray *rules = g_hash_table_lookup (tax->rules, w);
  if (rules == NULL)
    {
      rules = g_array_new (FALSE, FALSE, sizeof (EvlStoryRule));
      g_hash_table_insert (tax->rules, (gpointer) w, rules);
    }
  g_array_append_vals (rules, data, 1);
}

static void
add_valued (TaxBuilder *tax, const char *w, gpointer data)
{
  GHashTable *set = ((gpointer *) data)[0];
  if (!g_hash_table_contains (set, w))
    g_hash_table_insert (set, (gpointer) w, ((gpointer *) data)[1]);
}

static gint
group_index (TaxBuilder *tax, const char *name)
{
  for (guint i = 0; i < tax->groups->len; i++)
    if (strcmp (tax->groups->pdata[i], name) == 0)
      return (gint) i;
  return -1;
}

static gboolean
parse_line (TaxBuilder *tax, char **f, guint nf, guint lineno, GError **error)
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
      if (tax->groups->len >= 32 * EVL_STORY_CTX_WORDS)
        return evl_fail (error, EVL_ERROR_PARSE, "story.txt:%u: more than %u context groups", lineno,
                         32 * EVL_STORY_CTX_WORDS);
      g_ptr_array_add (tax->groups, (gpointer) g_string_chunk_insert_const (tax->pool, f[1]));
      each_word (tax, f[2], add_ctxword, GUINT_TO_POINTER (tax->groups->len - 1));
      return TRUE;
    }
  if (strcmp (kind, "trigger") == 0 && nf >= 3)
    {
      guint ti = GPOINTER_TO_UINT (g_hash_table_lookup (tax->type_index, f[2]));
      if (ti == 0)
        return evl_fail (error, EVL_ERROR_PARSE, "story.txt:%u: unknown type %s", lineno, f[2]);
      EvlStoryRule r = { (guint16) (ti - 1), -1, 8, 0, 0, -1, 0 };
      if (nf >= 4 && *f[3] && strcmp (f[3], "-") != 0)
        {
          /* 'jets&military': both groups in the window. */
          char *amp = strchr (f[3], '&');
          if (amp)
            *amp = '\0';
          gint g = group_index (tax, f[3]);
          gint also = amp ? group_index (tax, amp + 1) : -1;
          if (g < 0 || (amp && also < 0))
            return evl_fail (error, EVL_ERROR_PARSE, "story.txt:%u: unknown context %s", lineno,
                             g < 0 ? f[3] : amp + 1);
          r.group = (gint8) g;
          r.also = (gint8) also;
        }
      if (nf >= 5 && strcmp (f[4], "-") != 0)
        {
          r.window = (guint8) CLAMP (atoi (f[4]), 1, 40);
          if (*f[4] == '+')
            r.flags |= EVL_STORY_RULE_AFTER;
          else if (*f[4] == '-')
            {
              r.window = (guint8) CLAMP (-atoi (f[4]), 1, 40);
              r.flags |= EVL_STORY_RULE_BEFORE;
            }
        }
      if (nf >= 6)
        r.pos = strcmp (f[5], "noun") == 0 ? 1 : strcmp (f[5], "verb") == 0 ? 2 : 0;
      if (nf >= 7 && strcmp (f[6], "document") == 0)
        {
          if (r.group < 0)
            return evl_fail (error, EVL_ERROR_PARSE,
                             "story.txt:%u: a 'document' rule needs a context", lineno);
          r.flags |= EVL_STORY_RULE_DOCUMENT;
        }
      else if (nf >= 7 && strcmp (f[6], "provisional") == 0)
        {
          if (r.group < 0)
            return evl_fail (error, EVL_ERROR_PARSE,
                             "story.txt:%u: a 'provisional' rule needs a context", lineno);
          r.flags |= EVL_STORY_RULE_PROVISIONAL;
        }
      else if (nf >= 7 && strcmp (f[6], "clause") == 0)
        r.flags |= EVL_STORY_RULE_CLAUSE;
      else if (nf >= 7 && strcmp (f[6], "called-off") == 0)
        r.flags |= EVL_STORY_RULE_CALLED_OFF;
      else if (nf >= 7 && strcmp (f[6], "-") != 0)
        return evl_fail (error, EVL_ERROR_PARSE, "story.txt:%u: unknown marker %s", lineno, f[6]);
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
  TaxBuilder *tax;
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

/* The first words of every form of lexicon @lex, from its raw file
 * @bytes (the lexicon API exposes canonical forms only); none when NULL. */
static void
add_starts (TaxBuilder *tax, EvlStoryLex lex, GBytes *bytes)
{
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
  TaxBuilder *tax;
  GError **error;
} ParseCtx;

static gboolean
taxonomy_line (char **f, guint nf, guint lineno, gpointer data)
{
  ParseCtx *pc = data;
  return parse_line (pc->tax, f, nf, lineno, pc->error);
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

static void
slot_put (TaxBuilder *tax, guint64 head, guint32 h, guint32 id)
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
slots_resize (TaxBuilder *tax, guint32 n)
{
  guint32 old_n = tax->slot_head ? tax->slot_mask + 1 : 0;
  guint64 *old_head = tax->slot_head;
  guint32 *old_id = tax->slot_id, *old_hash = tax->slot_hash;
  tax->slot_mask = n - 1;
  tax->slot_head = g_new0 (guint64, n);
  tax->slot_id = g_new0 (guint32, n);
  tax->slot_hash = g_new0 (guint32, n);
  tax->table.slot_head = tax->slot_head;
  tax->table.slot_id = tax->slot_id;
  tax->table.slot_mask = tax->slot_mask;
  for (guint32 i = 0; i < old_n; i++)
    if (old_head[i])
      slot_put (tax, old_head[i], old_hash[i], old_id[i]);
  g_free (old_head);
  g_free (old_id);
  g_free (old_hash);
}

/* Room for @cap words in the word arrays. */
static void
words_reserve (TaxBuilder *tax, guint cap)
{
  if (cap <= tax->words_cap)
    return;
  tax->words = g_renew (EvlStoryWordInfo, tax->words, cap);
  tax->word_rules = g_renew (const GArray *, tax->word_rules, cap);
  tax->word_stem_rules = g_renew (const GArray *, tax->word_stem_rules, cap);
  tax->key_off = g_renew (guint32, tax->key_off, cap);
  tax->word_lens = g_renew (guint32, tax->word_lens, cap);
  tax->words_cap = cap;
  tax->table.lens = tax->word_lens;
  tax->table.key_off = tax->key_off;
}

/* The id of the folded form @key (@len bytes) in the table so far, 0
 * when absent. */
static guint
bword_id (const TaxBuilder *tax, const char *key, gsize len)
{
  return len == 0 ? EVL_W_UNKNOWN
                  : evl_story_table_find (&tax->table, key, len, evl_story_word_head (key, len),
                                          evl_story_word_hash (key, len));
}

/* The id of the folded form @w (@len bytes), added when new (a copy of
 * it in the key pool).  Load factor at most 1/2. */
static guint
word_add_len (TaxBuilder *tax, const char *w, gsize len)
{
  if (len == 0)
    return EVL_W_UNKNOWN;
  guint32 h = evl_story_word_hash (w, len);
  guint64 head = evl_story_word_head (w, len);
  guint id = evl_story_table_find (&tax->table, w, len, head, h);
  if (id != EVL_W_UNKNOWN)
    return id;
  id = tax->n_words;
  if ((id + 1) * 2 > tax->slot_mask + 1)
    slots_resize (tax, (tax->slot_mask + 1) * 2);
  if (id == tax->words_cap)
    words_reserve (tax, MAX (2 * tax->words_cap, 64u));
  memset (&tax->words[id], 0, sizeof tax->words[id]);   /* padding too: the image */
  tax->word_rules[id] = tax->word_stem_rules[id] = NULL;
  tax->key_off[id] = (guint32) tax->keys->len;
  g_string_append_len (tax->keys, w, (gssize) len);
  g_string_append_c (tax->keys, '\0');
  tax->table.keys = tax->keys->str;
  tax->word_lens[id] = (guint32) len;
  tax->n_words++;
  slot_put (tax, head, h, id);
  return id;
}

static guint
word_add (TaxBuilder *tax, const char *w)
{
  return word_add_len (tax, w, strlen (w));
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
stem_rules (const TaxBuilder *tax, const char *w, gsize n)
{
  if (n >= 64)
    return NULL;
  const GArray *const *info = tax->word_rules;
  char buf[72];
  for (guint i = 0; i < G_N_ELEMENTS (stem_suffixes); i++)
    {
      gsize sl = stem_suffixes[i].sl;
      if (n <= sl + 2 || !ends_with (w, n, stem_suffixes[i].suffix, sl))
        continue;
      memcpy (buf, w, n - sl);
      memcpy (buf + n - sl, stem_suffixes[i].repl, stem_suffixes[i].rl + 1u);
      gsize bl = n - sl + stem_suffixes[i].rl;
      const GArray *r = info[bword_id (tax, buf, bl)];
      /* 'planned' -> 'plan': undouble a final consonant. */
      if (r == NULL && *stem_suffixes[i].repl == '\0' && bl >= 3 && buf[bl - 1] == buf[bl - 2])
        {
          buf[bl - 1] = '\0';
          r = info[bword_id (tax, buf, bl - 1)];
        }
      if (r)
        return r;
    }
  return NULL;
}

static EvlStoryWordInfo *
word_info_mut (TaxBuilder *tax, const char *w)
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
add_stem_form (TaxBuilder *tax, const char *f)
{
  gsize n = strlen (f);
  const GArray *r = stem_rules (tax, f, n);
  if (r == NULL)
    return;
  tax->word_stem_rules[word_add (tax, f)] = r;
}

static void
add_stem_forms (TaxBuilder *tax)
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
      /* A phrasal key is found by the verb's lemma, never inflected. */
      if (strchr (w, ' '))
        continue;
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
build_next_masks (TaxBuilder *tax)
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
              word_add_len (tax, sp + 1, n);
              /* Its proper prefixes too, marked as such. */
              for (gsize k = 1; k < n; k++)
                {
                  tax->words[word_add_len (tax, sp + 1, k)].cls |= EVL_STORY_C_FORM_PREFIX;
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
          guint id = bword_id (tax, form, first);
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
                m[words - 1] |= G_GUINT64_CONSTANT (1) << (bword_id (tax, sp + 1, n) & 63);
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
              guint id = bword_id (tax, form, k);
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
build_words (TaxBuilder *tax)
{
  /* Sized up front for the words to come (each rule word has about ten
   * stem forms: 3,149 words from 251 rule words in data/taxonomy), so
   * that the table is not rehashed while it fills nor once more at the
   * end (two rehashes of 8 K and 16 K slots were ~0.4 M instructions of
   * every start-up, callgrind). */
  gsize expect = EVL_W_N_FIXED + 10 * g_hash_table_size (tax->rules) + g_hash_table_size (tax->outcome)
                 + g_hash_table_size (tax->nonevent) + g_hash_table_size (tax->group);
  for (guint i = 0; i < EVL_STORY_CTX_WORDS; i++)
    expect += g_hash_table_size (tax->ctxwords[i]);
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
  memset (&tax->words[0], 0, sizeof tax->words[0]);
  tax->word_rules[0] = tax->word_stem_rules[0] = NULL;
  tax->key_off[0] = 0;
  g_string_append_c (tax->keys, '\0');
  tax->table.keys = tax->keys->str;
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
    {
      tax->word_rules[word_add (tax, k)] = v;
      /* A phrasal key 'VERB PARTICLE': its particle is looked for after
       * the verb (evl_story_type_events()). */
      const char *sp = strchr (k, ' ');
      if (sp && strchr (sp + 1, ' ') == NULL)
        word_info_mut (tax, sp + 1)->cls |= EVL_STORY_C_PARTICLE;
    }
  for (guint i = 0; i < EVL_STORY_CTX_WORDS; i++)
    {
      g_hash_table_iter_init (&it, tax->ctxwords[i]);
      while (g_hash_table_iter_next (&it, &k, &v))
        word_info_mut (tax, k)->ctx[i] = GPOINTER_TO_UINT (v);
    }
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


static TaxBuilder *
builder_new (void)
{
  TaxBuilder *tax = g_new0 (TaxBuilder, 1);
  tax->types = g_array_new (FALSE, TRUE, sizeof (EvlStoryType));
  tax->type_index = g_hash_table_new (g_str_hash, g_str_equal);
  tax->rules = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < EVL_STORY_CTX_WORDS; i++)
    tax->ctxwords[i] = g_hash_table_new (g_str_hash, g_str_equal);
  tax->outcome = g_hash_table_new (g_str_hash, g_str_equal);
  tax->nonevent = g_hash_table_new (g_str_hash, g_str_equal);
  tax->group = g_hash_table_new (g_str_hash, g_str_equal);
  tax->groups = g_ptr_array_new ();
  tax->pool = g_string_chunk_new (2048);
  tax->keys = g_string_sized_new (32 << 10);
  tax->other = G_MAXUINT;
  return tax;
}

/* ------------------------------------------------------------------ image */

/* Sections of the image, in this order. */
enum {
  S_TYPES, S_STRINGS, S_WORDS, S_LENS, S_KEY_OFF, S_KEYS, S_SLOT_HEAD, S_SLOT_ID, S_RULES,
  S_MASKS, /* one per EvlStoryLex */
  S_N = S_MASKS + EVL_STORY_LEX_N
};

typedef struct {
  guint32 name, cameo, lane; /* offsets in S_STRINGS; cameo G_MAXUINT32: none */
  float weight;
  guint8 outcome, name_code, pad[2];
} ImageType;

static const guint8 elem_size[S_N] = {
  [S_TYPES] = sizeof (ImageType), [S_STRINGS] = 1, [S_WORDS] = sizeof (EvlStoryWordInfo),
  [S_LENS] = 4, [S_KEY_OFF] = 4, [S_KEYS] = 1, [S_SLOT_HEAD] = 8, [S_SLOT_ID] = 4,
  [S_RULES] = sizeof (EvlStoryRule), [S_MASKS] = 8, [S_MASKS + 1] = 8,
};

#define IMAGE_MAGIC "EVLSTAX1"
#define IMAGE_BYTE_ORDER 0x01020304u
/* The layouts an image depends on: another build's image is refused. */
#define IMAGE_LAYOUT ((guint32) (sizeof (EvlStoryWordInfo) << 24 | sizeof (EvlStoryRule) << 16 \
                                 | EVL_STORY_NEXT_STRIDE << 8 | EVL_W_N_FIXED))

typedef struct {
  char magic[8];
  guint32 layout, byte_order;
  guint64 size;              /* of the whole image */
  guint64 text_len[3];       /* story, factuality, cues; G_MAXUINT64: absent */
  guint64 off[S_N];          /* each section's offset (8-byte aligned) */
  guint32 count[S_N];        /* and its number of elements */
  guint32 other;
  guint32 n_next[EVL_STORY_LEX_N];
  guint32 has_starts[EVL_STORY_LEX_N];
} ImageHeader;
G_STATIC_ASSERT (sizeof (ImageHeader) % 8 == 0);
G_STATIC_ASSERT (sizeof (EvlStoryWordInfo) == 32 && sizeof (EvlStoryRule) == 8);
G_STATIC_ASSERT (EVL_STORY_LEX_N == 2);   /* elem_size[] */

static void
put_section (GByteArray *img, ImageHeader *h, guint s, gconstpointer data, gsize count)
{
  static const guint8 zero[8] = { 0 };
  g_byte_array_append (img, zero, (8 - img->len % 8) % 8);
  h->off[s] = img->len;
  h->count[s] = (guint32) count;
  if (count)
    g_byte_array_append (img, data, (guint) (count * elem_size[s]));
}

static guint32
put_string (GString *strings, const char *s)
{
  guint32 off = (guint32) strings->len;
  g_string_append_len (strings, s, (gssize) strlen (s) + 1);
  return off;
}

static guint64
text_len (gsize len)
{
  return len == G_MAXSIZE ? G_MAXUINT64 : len;
}

/* The image of @tax, parsed from texts of @lens bytes. */
static GBytes *
write_image (const TaxBuilder *tax, const gsize lens[3], GError **error)
{
  ImageHeader h;
  memset (&h, 0, sizeof h);
  memcpy (h.magic, IMAGE_MAGIC, 8);
  h.layout = IMAGE_LAYOUT;
  h.byte_order = IMAGE_BYTE_ORDER;
  for (guint i = 0; i < 3; i++)
    h.text_len[i] = text_len (lens[i]);
  h.other = tax->other;

  /* Each word's rules, then an end, after the end at index 0. */
  g_autoptr (GArray) rules = g_array_new (FALSE, TRUE, sizeof (EvlStoryRule));
  g_autoptr (GHashTable) first = g_hash_table_new (NULL, NULL);   /* GArray -> its index */
  const EvlStoryRule end = { EVL_STORY_RULE_END, 0, 0, 0, 0, 0, 0 };
  g_array_append_val (rules, end);
  for (guint id = 1; id < tax->n_words; id++)
    if (tax->word_rules[id])
      {
        g_hash_table_insert (first, (gpointer) tax->word_rules[id], GUINT_TO_POINTER (rules->len));
        g_array_append_vals (rules, tax->word_rules[id]->data, tax->word_rules[id]->len);
        g_array_append_val (rules, end);
      }
  if (rules->len > G_MAXUINT16)
    {
      evl_fail (error, EVL_ERROR_PARSE, "story.txt: more than %u trigger rules", G_MAXUINT16 / 2);
      return NULL;
    }
  g_autofree EvlStoryWordInfo *words = g_memdup2 (tax->words, tax->n_words * sizeof *words);
  for (guint id = 1; id < tax->n_words; id++)
    {
      words[id].rules = (guint16) GPOINTER_TO_UINT (g_hash_table_lookup (first, tax->word_rules[id]));
      words[id].stem_rules = (guint16) GPOINTER_TO_UINT (g_hash_table_lookup (first, tax->word_stem_rules[id]));
    }

  g_autoptr (GString) strings = g_string_new (NULL);
  g_autofree ImageType *types = g_new0 (ImageType, MAX (tax->types->len, 1));
  for (guint t = 0; t < tax->types->len; t++)
    {
      const EvlStoryType *st = &g_array_index (tax->types, EvlStoryType, t);
      types[t].name = put_string (strings, st->name);
      types[t].cameo = st->cameo ? put_string (strings, st->cameo) : G_MAXUINT32;
      types[t].lane = put_string (strings, st->lane);
      types[t].weight = st->weight;
      types[t].outcome = (guint8) (st->outcome != 0);
      types[t].name_code = st->name_code;
    }

  GByteArray *img = g_byte_array_sized_new (512 << 10);
  g_byte_array_set_size (img, sizeof h);
  put_section (img, &h, S_TYPES, types, tax->types->len);
  put_section (img, &h, S_STRINGS, strings->str, strings->len);
  put_section (img, &h, S_WORDS, words, tax->n_words);
  put_section (img, &h, S_LENS, tax->word_lens, tax->n_words);
  put_section (img, &h, S_KEY_OFF, tax->key_off, tax->n_words);
  put_section (img, &h, S_KEYS, tax->keys->str, tax->keys->len);
  put_section (img, &h, S_SLOT_HEAD, tax->slot_head, tax->slot_mask + 1u);
  put_section (img, &h, S_SLOT_ID, tax->slot_id, tax->slot_mask + 1u);
  put_section (img, &h, S_RULES, rules->data, rules->len);
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    {
      h.n_next[l] = tax->n_next[l];
      h.has_starts[l] = tax->starts[l] != NULL;
      put_section (img, &h, S_MASKS + l, tax->next_masks[l],
                   tax->next_masks[l] ? (gsize) tax->n_next[l] * EVL_STORY_NEXT_STRIDE : 0);
    }
  h.size = img->len;
  memcpy (img->data, &h, sizeof h);
  return g_byte_array_free_to_bytes (img);
}

static gsize
size_of (GBytes *b)
{
  return b ? g_bytes_get_size (b) : G_MAXSIZE;
}

GBytes *
evl_story_taxonomy_build_image (GBytes *story, GBytes *factuality, GBytes *cues, GError **error)
{
  g_return_val_if_fail (story != NULL, NULL);
  const gsize lens[3] = { size_of (story), size_of (factuality), size_of (cues) };
  g_autoptr (TaxBuilder) tax = builder_new ();
  ParseCtx pc = { tax, error };
  if (!each_line (story, taxonomy_line, &pc))
    return NULL;
  if (tax->other == G_MAXUINT)
    {
      evl_fail (error, EVL_ERROR_PARSE, "story.txt: no OTHER type");
      return NULL;
    }
  add_starts (tax, EVL_STORY_LEX_FACTUALITY, factuality);
  add_starts (tax, EVL_STORY_LEX_CUES, cues);
  build_words (tax);
  return write_image (tax, lens, error);
}

/* -------------------------------------------------------------- taxonomy */

static gboolean
image_invalid (GError **error, const char *what)
{
  return evl_fail (error, EVL_ERROR_PARSE, "story taxonomy image: %s", what);
}

/* Checks the header and section bounds of an image (the sections are
 * written by write_image(); their contents are not checked again). */
static gboolean
image_check (const ImageHeader *h, gsize size, const guint64 lens[3], GError **error)
{
  if (memcmp (h->magic, IMAGE_MAGIC, 8) != 0 || h->layout != IMAGE_LAYOUT
      || h->byte_order != IMAGE_BYTE_ORDER || h->size != size)
    return image_invalid (error, "not an image of this build");
  if (h->text_len[0] != lens[0] || h->text_len[1] != lens[1] || h->text_len[2] != lens[2])
    return image_invalid (error, "made from other texts");
  for (guint s = 0; s < S_N; s++)
    if (h->off[s] % 8 != 0 || h->off[s] < sizeof *h || h->off[s] > size
        || h->count[s] > (size - h->off[s]) / elem_size[s])
      return image_invalid (error, "section out of bounds");
  guint32 n_words = h->count[S_WORDS], n_slots = h->count[S_SLOT_HEAD];
  if (h->count[S_TYPES] == 0 || h->other >= h->count[S_TYPES] || n_words < EVL_W_N_FIXED
      || h->count[S_LENS] != n_words || h->count[S_KEY_OFF] != n_words
      || n_slots < n_words || (n_slots & (n_slots - 1)) != 0 || h->count[S_SLOT_ID] != n_slots
      || h->count[S_RULES] == 0 || h->count[S_STRINGS] == 0 || h->count[S_KEYS] == 0)
    return image_invalid (error, "inconsistent counts");
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    if (h->count[S_MASKS + l] != (h->count[S_MASKS + l] ? h->n_next[l] * EVL_STORY_NEXT_STRIDE : 0))
      return image_invalid (error, "inconsistent counts");
  return TRUE;
}

EvlStoryTaxonomy *
evl_story_taxonomy_new_from_image (GBytes *image, gsize story_len, gsize factuality_len,
                                   gsize cues_len, GError **error)
{
  g_return_val_if_fail (image != NULL, NULL);
  gsize size;
  const guint8 *d = g_bytes_get_data (image, &size);
  g_autoptr (GBytes) img = NULL;
  if (((guintptr) d & 7) != 0)
    img = g_bytes_new_take (g_memdup2 (d, size), size);   /* never with glib's resources */
  else
    img = g_bytes_ref (image);
  d = g_bytes_get_data (img, &size);
  ImageHeader h;
  const guint64 lens[3] = { text_len (story_len), text_len (factuality_len), text_len (cues_len) };
  if (size < sizeof h)
    {
      image_invalid (error, "truncated");
      return NULL;
    }
  memcpy (&h, d, sizeof h);
  if (!image_check (&h, size, lens, error))
    return NULL;
  const char *strings = (const char *) d + h.off[S_STRINGS];
  guint32 n_strings = h.count[S_STRINGS];
  if (strings[n_strings - 1] != '\0' || d[h.off[S_KEYS] + h.count[S_KEYS] - 1] != '\0')
    {
      image_invalid (error, "unterminated strings");
      return NULL;
    }

  EvlStoryTaxonomy *tax = g_new0 (EvlStoryTaxonomy, 1);
  g_atomic_ref_count_init (&tax->ref);
  static gint serials;
  tax->serial = (guint32) g_atomic_int_add (&serials, 1) + 1u;
  tax->image = g_steal_pointer (&img);
  tax->types = g_array_sized_new (FALSE, TRUE, sizeof (EvlStoryType), h.count[S_TYPES]);
  tax->type_index = g_hash_table_new (g_str_hash, g_str_equal);
  tax->type_st = g_new (const EvlStoryType *, h.count[S_TYPES]);
  const ImageType *it = (const ImageType *) (d + h.off[S_TYPES]);
  for (guint t = 0; t < h.count[S_TYPES]; t++)
    {
      if (it[t].name >= n_strings || it[t].lane >= n_strings
          || (it[t].cameo != G_MAXUINT32 && it[t].cameo >= n_strings))
        {
          evl_story_taxonomy_unref (tax);
          image_invalid (error, "type name out of bounds");
          return NULL;
        }
      EvlStoryType st = { strings + it[t].name, it[t].cameo == G_MAXUINT32 ? NULL : strings + it[t].cameo,
                          strings + it[t].lane, it[t].weight, it[t].outcome, it[t].name_code };
      g_array_append_val (tax->types, st);
    }
  /* The index after the array is complete (it points into it); a later
   * type of the same name wins, as in the text. */
  for (guint t = 0; t < tax->types->len; t++)
    g_hash_table_insert (tax->type_index, (gpointer) g_array_index (tax->types, EvlStoryType, t).name,
                         GUINT_TO_POINTER (t + 1));
  /* Each type's entry by its name, for every document's typing: a hash
   * lookup of the name per type and document was ~0.25 M instructions on
   * the small corpus (callgrind). */
  for (guint t = 0; t < tax->types->len; t++)
    tax->type_st[t] = evl_story_taxonomy_lookup (tax, g_array_index (tax->types, EvlStoryType, t).name);
  tax->other = h.other;
  tax->words = (const EvlStoryWordInfo *) (d + h.off[S_WORDS]);
  tax->n_words = h.count[S_WORDS];
  tax->table.slot_head = (const guint64 *) (d + h.off[S_SLOT_HEAD]);
  tax->table.slot_id = (const guint32 *) (d + h.off[S_SLOT_ID]);
  tax->table.slot_mask = h.count[S_SLOT_HEAD] - 1;
  tax->table.lens = (const guint32 *) (d + h.off[S_LENS]);
  tax->table.key_off = (const guint32 *) (d + h.off[S_KEY_OFF]);
  tax->table.keys = (const char *) d + h.off[S_KEYS];
  tax->rules = (const EvlStoryRule *) (d + h.off[S_RULES]);
  for (guint l = 0; l < EVL_STORY_LEX_N; l++)
    {
      tax->next_masks[l] = h.count[S_MASKS + l] ? (const guint64 *) (d + h.off[S_MASKS + l]) : NULL;
      tax->n_next[l] = h.count[S_MASKS + l] ? h.n_next[l] : 0;
      tax->has_starts[l] = h.has_starts[l] != 0;
    }
  return tax;
}

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
  g_free (tax->type_st);
  g_bytes_unref (tax->image);
  g_free (tax);
}

GBytes *
evl_story_taxonomy_get_image (const EvlStoryTaxonomy *tax)
{
  return tax->image;
}

const EvlStoryType *
evl_story_taxonomy_lookup (const EvlStoryTaxonomy *tax, const char *name)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (tax->type_index, name));
  return i ? &g_array_index (tax->types, EvlStoryType, i - 1) : NULL;
}

guint
evl_story_word_id (const EvlStoryTaxonomy *tax, const char *key, gsize len)
{
  return len == 0 ? EVL_W_UNKNOWN
                  : evl_story_table_find (&tax->table, key, len, evl_story_word_head (key, len),
                                          evl_story_word_hash (key, len));
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
