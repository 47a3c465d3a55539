/* Story half of the events stage: after recognition has added TimeML
 * event mentions (lemma, class, tense, aspect), this types them with the
 * story taxonomy (data/taxonomy/story.txt), attaches arguments
 * (story-args.c), factuality (story-factuality.c) and a time anchor
 * (story-anchor.c), then scores salience.
 *
 * Every rule family is one pass over the document's events; per-document
 * index arrays (token -> event/entity/timex/clause) keep each lookup O(1)
 * and nothing is allocated per token.  The taxonomy (story-taxonomy.c)
 * is made once per context data and shared (evl_story_taxonomy_get):
 * mapped from its build-time image, or parsed from a data dir's text.
 *
 * Run once per recognition: the implied events it appends ('since 2019')
 * would be appended again by a second run over the same mentions. */
#include "story-private.h"

#include <string.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- taxonomy */

/* The data of @ctx at @rel is the compiled-in file (the same bytes of
 * the library's resource, not a data dir's copy). */
static gboolean
compiled_in (GBytes *bytes, const char *rel)
{
  if (bytes == NULL)
    return FALSE;
  g_autofree char *path = g_strconcat ("/org/eventline/", rel, NULL);
  g_autoptr (GBytes) res = g_resource_lookup_data (evl_data_get_resource (), path, 0, NULL);
  return res && g_bytes_get_data (res, NULL) == g_bytes_get_data (bytes, NULL)
         && g_bytes_get_size (res) == g_bytes_get_size (bytes);
}

static gsize
size_of (GBytes *b)
{
  return b ? g_bytes_get_size (b) : G_MAXSIZE;
}

EvlStoryTaxonomy *
evl_story_taxonomy_new (const EvlContext *ctx, GError **error)
{
  static const char *const files[3] = {
    "taxonomy/story.txt", "lexicons/en/factuality.txt", "lexicons/en/event-cues-story.txt"
  };
  GBytes *text[3];
  gboolean mapped = TRUE;
  for (guint i = 0; i < 3; i++)
    {
      text[i] = evl_context_get_data (ctx, files[i]);
      mapped &= compiled_in (text[i], files[i]);
    }
  if (text[0] == NULL)
    {
      evl_fail (error, EVL_ERROR_IO, "taxonomy/story.txt is not compiled in");
      return NULL;
    }
  /* The compiled-in texts: their image, built with the library at build
   * time (story-taxonomy-tool); else (a data dir) the text parsed here. */
  static const char image_path[] = "/org/eventline-story/story-taxonomy.bin";
  g_autoptr (GBytes) image = NULL;
  gboolean from_resource = FALSE;
  if (mapped)
    image = g_resource_lookup_data (evl_story_image_get_resource (), image_path, 0, NULL);
  if (image)
    from_resource = evl_events_resource_is_static (evl_story_image_get_resource (), image_path,
                                                   g_bytes_get_data (image, NULL));
  else
    image = evl_story_taxonomy_build_image (text[0], text[1], text[2], error);
  if (image == NULL)
    return NULL;
  EvlStoryTaxonomy *tax = evl_story_taxonomy_new_from_image (image, size_of (text[0]), size_of (text[1]),
                                                             size_of (text[2]), error);
  if (tax)
    tax->strings_static = from_resource;
  return tax;
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

/* ------------------------------------------------------------ word ids */

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
 * serial, which no other taxonomy has).  Direct-mapped; 2^14 entries
 * (256 KiB) rather than 2^13 missed ~0.17 M instructions' worth less on
 * the small corpus (callgrind). */
#define WORD_MEMO_BITS 14
typedef struct {
  guint64 raw;     /* the token's bytes, zero-padded */
  guint32 len;     /* its length; 0: empty entry */
  guint32 id;
} WordMemo;

/* An unknown form ending in a digit ('Su-35') as these memos and
 * token_word() give its id: index_words() then asks model_family(),
 * without a test of every unknown token's last byte (most tokens are
 * unknown words: ~0.6 M instructions on the small corpus, callgrind). */
#define W_FAMILY G_MAXUINT32

/* @id as the memos keep it, for a form ending just before @end. */
static inline guint32
memo_id (guint32 id, const char *end)
{
  return id == EVL_W_UNKNOWN && (guint) (guchar) end[-1] - '0' < 10 ? W_FAMILY : id;
}

/* The same for tokens of 9 to 16 bytes ('negotiations', 'president'),
 * which recur as much and cost two folds and a probe of the word table
 * each (~40 instructions; ~0.6 M instructions on the small corpus,
 * callgrind): their bytes as they stand, the second word zero-padded.
 * At the end of the thread's WordMemo block (word_memo()). */
#define LONG_MEMO_BITS 12
typedef struct {
  guint64 raw0, raw1;
  guint32 len;     /* 0: empty entry */
  guint32 id;
} LongMemo;


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
  /* A clean token (most) is compared in the text, folded byte by byte
   * as evl_story_key_into() folds it, up to the first difference: no
   * copy of its form and no strcmp() call (~100 instructions a call,
   * 11 K calls on the small corpus).  Its bytes are all above ' ' (one
   * at or below makes it dirty: token_word()), so a shorter @word
   * differs at its NUL and is not read past it. */
  if (i < sd->n_tok && !sd->tok_dirty[i])
    {
      const EvlToken *t = &sd->tok[i];
      gsize len = EVL_SPAN_LEN (t->span);
      if (len == 0 || len >= EVL_STORY_KEY_CAP)
        return word[0] == '\0';
      const char *src = sd->text + t->span.start;
      for (gsize j = 0; j < len; j++)
        {
          guint c = (guchar) src[j];
          if ((c - 'A' < 26u ? c + 32u : c) != (guchar) word[j])
            return FALSE;
        }
      return word[len] == '\0';
    }
  char key[EVL_STORY_KEY_CAP];
  evl_story_key_into (sd, (gint) i, key);
  return strcmp (key, word) == 0;
}

gboolean
evl_story_token_among (const EvlStoryDoc *sd, gint i, const char *const *words)
{
  for (guint j = 0; words[j]; j++)
    if (evl_story_token_is (sd, (guint) i, words[j]))
      return TRUE;
  return FALSE;
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

/* @s starts with the literal @lit (of at most 12 bytes): compared byte
 * by byte from the first, so nothing past the NUL of @s is read (the
 * first difference comes by it at the latest).  Written out for each
 * byte of the literal, which the compiler keeps as a few immediate
 * compares (a loop over the literal's bytes was ~4 instructions a
 * byte), instead of a strcmp() call. */
#define LIT_AT(s, lit, i) (sizeof (lit) <= (i) + 1 || (s)[i] == (lit)[i])
#define STARTS_WITH(s, lit)                                                    \
  (G_STATIC_ASSERT_EXPR (sizeof (lit) <= 13), LIT_AT (s, lit, 0) && LIT_AT (s, lit, 1)       \
   && LIT_AT (s, lit, 2) && LIT_AT (s, lit, 3) && LIT_AT (s, lit, 4) && LIT_AT (s, lit, 5)     \
   && LIT_AT (s, lit, 6) && LIT_AT (s, lit, 7) && LIT_AT (s, lit, 8) && LIT_AT (s, lit, 9)     \
   && LIT_AT (s, lit, 10) && LIT_AT (s, lit, 11))
/* @s is the literal @lit. */
#define IS_LIT(s, lit) (STARTS_WITH (s, lit) && (s)[sizeof (lit) - 1] == '\0')

/* A pure function of the two strings' bytes: the first letters pick the
 * one candidate to compare with, byte by byte (the tense and aspect
 * values TimeML has are a handful), and only an aspect of another
 * spelling is searched with strstr().  (A memo of the flags by the
 * strings' addresses cost about as much as this, and moved by +-0.5 M
 * instructions on the small corpus with the memory layout.) */
static inline guint
tense_flags (const EvlEventMention *e)
{
  const char *t = e->tense, *a = e->aspect;
  guint f = 0;
  if (t)
    {
      if (IS_LIT (t, "NONE"))
        f = 0;
      else if (STARTS_WITH (t, "PAST"))
        f = t[4] == '\0' ? EVL_STORY_TF_VERBAL | EVL_STORY_TF_PAST
            : IS_LIT (t + 4, "PART") ? EVL_STORY_TF_VERBAL | EVL_STORY_TF_PASTPART
            : EVL_STORY_TF_VERBAL;
      else if (IS_LIT (t, "PRESENT"))
        f = EVL_STORY_TF_VERBAL | EVL_STORY_TF_PRESENT;
      else if (IS_LIT (t, "FUTURE"))
        f = EVL_STORY_TF_VERBAL | EVL_STORY_TF_FUTURE;
      else
        f = EVL_STORY_TF_VERBAL;
    }
  if (a == NULL || IS_LIT (a, "NONE"))
    return f;
  if (STARTS_WITH (a, "PERFECTIVE"))
    return f | EVL_STORY_TF_PERFECT;
  if (IS_LIT (a, "PROGRESSIVE"))
    return f;
  return strstr (a, "PERFECTIVE") != NULL ? f | EVL_STORY_TF_PERFECT : f;
}

guint
evl_story_tense_flags (const EvlEventMention *e)
{
  return tense_flags (e);
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
      guint64 x = evl_story_word_head (s, len), keep = keep_low[len];
      /* Lemmas recur across documents ('say', 'meet'): the thread's memo
       * of token word ids by raw bytes serves them too (a lemma's id is
       * that of a token of the same bytes). */
      WordMemo *m = &((WordMemo *) sd->word_memo)[(x * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15))
                                                  >> (64 - WORD_MEMO_BITS)];
      if (m->raw == x && m->len == len)
        return &sd->winfo[m->id == W_FAMILY ? EVL_W_UNKNOWN : m->id];
      if (evl_swar_below (x | ~keep, 0x21) == 0)
        {
          guint64 head = evl_swar_lower (x);
          guint id = evl_story_table_find (&sd->tax->table, s, len, head, evl_story_hash_step (len, head));
          m->raw = x;
          m->len = (guint32) len;
          m->id = memo_id (id, s + len);
          return &sd->winfo[id];
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

/* A lemma is interned in the document or a static string of the known
 * words, so one pointer is one lemma: a
 * small direct-mapped memo of lemma_info_of() by pointer spares folding
 * and hashing a lemma again ('say', 'meet' recur), and is asked first:
 * the compare with the token's key only on a miss. */
#define LEMMA_MEMO 64
typedef struct {
  const char *lemma;
  const EvlStoryWordInfo *info;
} LemmaMemo;

/* The thread's memo of lemmas of the known-words image: 2^10 entries
 * (16 KiB) after its LongMemo (word_memo()). */
#define LEMMA_THREAD_BITS 10

static const EvlStoryWordInfo *
lemma_info (const EvlStoryDoc *sd, LemmaMemo *memo, const char *s, gint t)
{
  if (s == NULL)
    return NULL;
  /* A seen form's lemma is a string of the known-words image, the same
   * string in every document: the thread's memo keeps its entry from
   * document to document (the document's memo missed ~4 calls in 5 on
   * the small corpus).  Not at a token with a blank (below). */
  if (s >= sd->known_lo && s < sd->known_hi && !sd->tok_dirty[t])
    {
      LemmaMemo *tm = &((LemmaMemo *) sd->lemma_memo)[((guintptr) s * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15))
                                                       >> (64 - LEMMA_THREAD_BITS)];
      if (tm->lemma != s)
        {
          tm->lemma = s;
          tm->info = lemma_info_of (sd, s);
        }
      return tm->info;
    }
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

/* Whether word @i's rules (its own, else its stem's) read context
 * group @group, or it has none. */
static gboolean
word_reads_group (const EvlStoryDoc *sd, gint i, gint group)
{
  const EvlStoryWordInfo *wi = &sd->winfo[sd->wid[i]];
  guint16 first = wi->rules ? wi->rules : wi->stem_rules;
  if (first == 0)
    return TRUE;   /* no reading of its own: 'a court hearing' */
  for (const EvlStoryRule *r = &sd->tax->rules[first]; r->type != EVL_STORY_RULE_END; r++)
    if (r->group == group)
      return TRUE;
  return FALSE;
}

/* Whether a word of context group @group stands within @window tokens of
 * the trigger at @t, in its sentence.  A context word that modifies the
 * noun of another event right after it ('launched to stamp out rocket
 * attacks'; not a verb's subject: 'the missile flew') belongs to that
 * event, unless that noun is one the group types too ('a satellite
 * launch attempt') or one no rule types ('a court hearing').  @side:
 * EVL_STORY_RULE_AFTER or _BEFORE to look on that side of it only;
 * with EVL_STORY_RULE_CLAUSE, not in a later clause. */
static gboolean
context_has (const EvlStoryDoc *sd, gint t, guint window, gint group, guint side)
{
  guint sentence = sd->tok[t].sentence;
  gint lo = side & EVL_STORY_RULE_AFTER ? t + 1 : MAX (0, t - (gint) window);
  gint hi = side & EVL_STORY_RULE_BEFORE ? t - 1 : MIN ((gint) sd->n_tok - 1, t + (gint) window);
  const guint bit = 1u << (group & 31);
  const guint word = (guint) group / 32;
  for (gint i = lo; i <= hi; i++)
    if (i != t && sd->tok[i].sentence == sentence
        && (sd->winfo[sd->wid[i]].ctx[word] & bit)
        && !((side & EVL_STORY_RULE_CLAUSE) && i > t && sd->clause[i] != sd->clause[t]))
      {
        gint n = i + 1;
        if (n < (gint) sd->n_tok && sd->tok[n].sentence == sentence && sd->tok_ev[n] >= 0
            && sd->tok_ev[n] != sd->tok_ev[t] && !evl_story_verbal (sd, sd->tok_ev[n])
            && !word_reads_group (sd, n, group))
          continue;
        return TRUE;
      }
  return FALSE;
}

/* The index of the trigger's rules in the taxonomy's list (0: none). */
static guint
rules_for (const EvlStoryDoc *sd, LemmaMemo *memo, const EvlEventMention *e, gint t)
{
  const EvlStoryWordInfo *li = lemma_info (sd, memo, e->lemma, t);
  if (li && li->rules)
    return li->rules;
  const EvlStoryWordInfo *ti = tok_info (sd, t);
  return ti->rules ? ti->rules : ti->stem_rules;
}

/* The token after event @k's trigger (first token @t). */
static inline gint
token_after (const EvlStoryDoc *sd, guint k, gint t)
{
  gint next = t + 1;
  while (next < (gint) sd->n_tok && sd->tok_ev[next] == (gint32) k)
    next++;
  return next;
}

/* Token @t is a bare verb after a modal or 'to', with 'not' or 'never'
 * between or not ('would not back down'): a verb though its tense is
 * NONE. */
static gboolean
bare_verb (const EvlStoryDoc *sd, gint t)
{
  if (evl_story_after_modal (sd, t))
    return TRUE;
  return t > 0 && (evl_story_token_is (sd, (guint) t - 1, "not") || evl_story_token_is (sd, (guint) t - 1, "never"))
         && evl_story_after_modal (sd, t - 1);
}

/* The word id of the phrasal verb ('lift off', 'sign off') that event
 * @e, a verb at token @t, makes with the particle at token @next right
 * after it, when the taxonomy has rules for it; 0 otherwise.  A particle
 * before a time that opens with an article or 'to' is a preposition
 * ('took over the weekend', 'take up to six weeks'); a time without one
 * is an adverb of the phrase ('stepped down last month'). */
static guint
phrasal_id (const EvlStoryDoc *sd, const EvlEventMention *e, gint t, gint next)
{
  /* ('down', 'off', 'out', 'back', 'away' open no time: 'stepped down
   * the same day', 'called off the next morning') */
  static const char *const adverb_particles[] = { "down", "off", "out", "back", "away", NULL };
  if (next + 1 < (gint) sd->n_tok && sd->tok[next + 1].sentence == sd->tok[t].sentence
      && !evl_story_token_among (sd, next, adverb_particles)
      && (sd->tok_scan[next + 1] & EVL_STORY_SCAN_TIMEX)
      && (evl_story_is (sd, next + 1, EVL_W_THE) || evl_story_is (sd, next + 1, EVL_W_A)
          || evl_story_is (sd, next + 1, EVL_W_AN) || evl_story_is (sd, next + 1, EVL_W_TO)))
    return 0;
  char key[2 * EVL_STORY_KEY_CAP];
  gssize n = e->lemma ? evl_fold_key (e->lemma, strlen (e->lemma), key, EVL_STORY_KEY_CAP)
                      : (gssize) evl_story_key_into (sd, t, key);
  if (n <= 0)
    return 0;
  key[n++] = ' ';
  gsize pl = evl_story_key_into (sd, next, key + n);
  if (pl == 0)
    return 0;
  guint id = evl_story_word_id (sd->tax, key, (gsize) n + pl);
  return sd->winfo[id].rules ? id : 0;
}

/* The outcome cue nearest the trigger within its clause (8 tokens), on
 * each side not past another event's trigger: 'The launch came two
 * months after Iran's failed attempt' is no failed launch. */
static gint
find_outcome (const EvlStoryDoc *sd, LemmaMemo *memo, const EvlEventMention *e, gint t)
{
  const EvlStoryWordInfo *li = lemma_info (sd, memo, e->lemma, t);
  if (li && li->outcome)
    return li->outcome;
  gboolean blocked[2] = { FALSE, FALSE };
  for (gint d = 0; d <= 8; d++)
    for (gint s = -1; s <= 1; s += 2)
      {
        gint i = t + s * d;
        if (blocked[s > 0] || i < 0 || i >= (gint) sd->n_tok || sd->clause[i] != sd->clause[t])
          continue;
        gint v = tok_info (sd, i)->outcome;
        if (v)
          return v;
        if (d > 0 && sd->tok_ev[i] >= 0 && sd->tok_ev[i] != sd->tok_ev[t])
          blocked[s > 0] = TRUE;
      }
  return 0;
}

/* set_type()'s first use of type @st (@type) in the document: its
 * name and CAMEO code interned, unless they are static strings of the
 * compiled-in image (interning them was ~0.3 M instructions on the small
 * corpus). */
static G_GNUC_NO_INLINE void
type_names (EvlStoryDoc *sd, guint type, const EvlStoryType *st)
{
  if (sd->tax->strings_static)
    {
      sd->type_name[type] = st->name;
      sd->type_cameo[type] = st->cameo;
      return;
    }
  sd->type_name[type] = evl_document_intern (sd->doc, st->name, -1);
  sd->type_cameo[type] = st->cameo ? evl_document_intern (sd->doc, st->cameo, -1) : NULL;
}

/* set_type()'s outcome cue of event @e (trigger token @t). */
static G_GNUC_NO_INLINE void
type_outcome (const EvlStoryDoc *sd, LemmaMemo *memo, EvlEventMention *e, gint t)
{
  gint v = find_outcome (sd, memo, e, t);
  if (v == EVL_STORY_OUTCOME_FAILED)
    e->flags |= EVL_EVENT_FLAG_FAILED;
  else if (v == EVL_STORY_OUTCOME_SUCCEEDED)
    e->flags |= EVL_EVENT_FLAG_SUCCEEDED;
}

/* Gives event @k (trigger token @t, -1 none) taxonomy type @type, with
 * its outcome cue when the type takes one.  Inline, its rare parts out
 * of line: as a call per event, with its register saves and restores,
 * it was ~0.4 M instructions more on the small corpus (callgrind). */
static inline void
set_type (EvlStoryDoc *sd, LemmaMemo *memo, guint k, gint t, guint type)
{
  const EvlStoryTaxonomy *tax = sd->tax;
  EvlEventMention *e = &sd->ev[k];
  const EvlStoryType *st = &g_array_index (tax->types, EvlStoryType, type);
  if (G_UNLIKELY (sd->type_name[type] == NULL))
    type_names (sd, type, st);
  e->type = sd->type_name[type];
  e->cameo = sd->type_cameo[type];
  sd->ev_type[k] = (guint16) type;
  sd->ev_code[k] = st->name_code;
  if (st->outcome && t >= 0)
    type_outcome (sd, memo, e, t);
}

/* 'In a launch that drew swift condemnation', 'the launch came two
 * months after': a noun that names the story's event again often has no
 * context word near it, and its word's unconditional reading (a product
 * launch) is then wrong in a satellite story.  Such a noun (marked
 * EVL_STORY_MARK_DOC_OPEN) takes, of its word's 'document' rules, the
 * type that most of the document's events typed by context have (ties:
 * the type read first, as a story opens with its event).  Only the
 * rules the taxonomy marks read the document: a death near military
 * words is a war death, but 'died of a heart attack' in a war story is
 * not.  The votes are counted once per document, and only when some
 * noun is open. */
static void
type_from_document (EvlStoryDoc *sd, LemmaMemo *memo)
{
  const EvlStoryTaxonomy *tax = sd->tax;
  guint n_types = tax->types->len;
  guint *votes = g_newa (guint, 2 * n_types);
  guint *first = votes + n_types;
  memset (votes, 0, n_types * sizeof *votes);
  for (guint i = 0; i < n_types; i++)
    first[i] = G_MAXUINT;
  for (guint k = 0; k < sd->n_ev; k++)
    if (sd->ev_mark[k] & EVL_STORY_MARK_CONTEXT)
      {
        guint ty = sd->ev_type[k];
        votes[ty]++;
        first[ty] = MIN (first[ty], (guint) sd->ev_tok[k]);
      }
  for (guint k = 0; k < sd->n_ev; k++)
    {
      if (!(sd->ev_mark[k] & EVL_STORY_MARK_DOC_OPEN))
        continue;
      gint t = sd->ev_tok[k];
      gint best = -1;
      for (const EvlStoryRule *rule = &tax->rules[rules_for (sd, memo, &sd->ev[k], t)];
           rule->type != EVL_STORY_RULE_END; rule++)
        if ((rule->flags & EVL_STORY_RULE_DOCUMENT) && rule->pos != 2 && votes[rule->type] > 0
            && (best < 0 || votes[rule->type] > votes[best]
                || (votes[rule->type] == votes[best] && first[rule->type] < first[best])))
          best = rule->type;
      if (best >= 0 && (guint) best != sd->ev_type[k])
        {
          sd->ev[k].flags &= ~(guint) (EVL_EVENT_FLAG_FAILED | EVL_EVENT_FLAG_SUCCEEDED);
          set_type (sd, memo, k, t, (guint) best);
        }
    }
}

static gboolean ly_adverb (const EvlStoryDoc *sd, gint i);
static gboolean auxiliary (const EvlStoryDoc *sd, gint i);

/* The first of the rules from @rule that holds for a trigger at @t, a
 * verb when @verbal, or NULL; *@document is set when a 'document' rule
 * was passed over. */
static G_ALWAYS_INLINE inline const EvlStoryRule *
first_rule (const EvlStoryDoc *sd, const EvlStoryRule *rule, gint t, gboolean verbal,
            gboolean *document)
{
  for (; rule->type != EVL_STORY_RULE_END; rule++)
    {
      if ((rule->pos == 1 && verbal) || (rule->pos == 2 && !verbal))
        continue;
      if (rule->group < 0)
        return rule;
      guint side = rule->flags & (EVL_STORY_RULE_AFTER | EVL_STORY_RULE_BEFORE);
      /* A verb's later clause may still be its own ('struck the camps,
       * killing two soldiers'); a noun's is another's. */
      if (!verbal)
        side |= rule->flags & EVL_STORY_RULE_CLAUSE;
      if (context_has (sd, t, rule->window, rule->group, side)
          && (rule->also < 0 || context_has (sd, t, rule->window, rule->also, side)))
        return rule;
      *document |= (rule->flags & EVL_STORY_RULE_DOCUMENT) != 0;
    }
  return NULL;
}

/* The type of the happening named by the subject of the untyped verb
 * event @k (trigger @t), or the taxonomy's 'other': what 'the blaze'
 * did ('broke out', 'forced 6,000 people to flee'), 'a cyberattack that
 * paralysed the port' did, is told as that happening.  Only a verb of
 * occurrence or aspect in the past or perfect: a report or an intention
 * is its speaker's. */
static guint
subject_type (EvlStoryDoc *sd, guint k, gint t)
{
  const EvlStoryTaxonomy *tax = sd->tax;
  const EvlEventMention *e = &sd->ev[k];
  if (e->klass != EVL_EVENT_CLASS_OCCURRENCE && e->klass != EVL_EVENT_CLASS_ASPECTUAL)
    return tax->other;
  /* What happened, not what a happening is ('warned that the meeting
   * goes beyond an arms deal'). */
  if (!(sd->ev_tf[k] & (EVL_STORY_TF_PAST | EVL_STORY_TF_PERFECT)))
    return tax->other;
  gint j = t - 1;
  for (guint skip = 0; skip < 4 && j >= 0 && (auxiliary (sd, j) || ly_adverb (sd, j)); skip++)
    j--;
  gboolean relative = j > 0 && (evl_story_is (sd, j, EVL_W_THAT)
                                || ((evl_story_cls (sd, j) & EVL_STORY_C_CLAUSE_WORD)
                                    && evl_story_token_is (sd, (guint) j, "which")));
  if (relative)
    j--;
  guint sentence = sd->tok[t].sentence;
  if (j < 0 || sd->tok[j].sentence != sentence || !(sd->tok[j].flags & EVL_TOKEN_WORD)
      || (sd->tok[j].flags & EVL_TOKEN_CAP))
    return tax->other;
  /* The noun heads a subject that opens its clause ('A fast-moving
   * wildfire forced'), not the object of a preposition or a verb before
   * it ('victims of the attack were cremated', 'a statement faxed here',
   * 'hostages held'); the antecedent of 'that' wherever it stands. */
  if (!relative)
    {
      const guint32 opens = EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CONJ | EVL_STORY_C_CLAUSE_PUNCT
                            | EVL_STORY_C_COMPLEMENTIZER | EVL_STORY_C_CLAUSE_BREAK;
      gint i = j - 1;
      for (guint n = 0;; n++, i--)
        {
          if (i < 0 || sd->tok[i].sentence != sentence)
            break;
          guint32 cls = evl_story_cls (sd, i);
          if (cls & opens)
            break;
          if (n == 5 || (cls & EVL_STORY_C_PREP) || (sd->tok_ev[i] >= 0 && evl_story_verbal (sd, sd->tok_ev[i])))
            return tax->other;
        }
    }
  gint32 s = sd->tok_ev[j];
  if (s >= 0)
    return evl_story_verbal (sd, s) ? tax->other : sd->ev_type[s];
  /* A noun the recogniser left out ('a cyberattack'): only a word that
   * names one kind of happening whatever its context (its unconditional
   * noun reading, no context rule before it of another kind: no context
   * is read). */
  const EvlStoryWordInfo *wi = tok_info (sd, j);
  guint16 first = wi->rules ? wi->rules : wi->stem_rules;
  if (first == 0)
    return tax->other;
  const EvlStoryRule *r = &tax->rules[first];
  while (r->type != EVL_STORY_RULE_END && (r->pos == 1 || r->group >= 0))
    r++;
  if (r->type == EVL_STORY_RULE_END)
    return tax->other;
  for (const EvlStoryRule *c = &tax->rules[first]; c < r; c++)
    if (c->pos != 1 && c->type != r->type)
      return tax->other;
  return r->type;
}

void
evl_story_type_events (EvlStoryDoc *sd)
{
  const EvlStoryTaxonomy *tax = sd->tax;
  LemmaMemo memo[LEMMA_MEMO] = { { NULL, NULL } };
  gboolean open = FALSE;
  for (guint k = 0; k < sd->n_ev; k++)
    {
      EvlEventMention *e = &sd->ev[k];
      gint t = sd->ev_tok[k];
      guint type = tax->other;
      gboolean verbal = evl_story_verbal (sd, (gint32) k);
      if (t >= 0 && !(sd->ev_mark[k] & EVL_STORY_MARK_JUNK))
        {
          const EvlStoryRule *rule = &tax->rules[rules_for (sd, memo, e, t)];
          /* 'launch site', 'launch technology': a modifier, not an event. */
          gint next = token_after (sd, k, t);
          gboolean modifier = next < (gint) sd->n_tok
                              && sd->tok[next].sentence == sd->tok[t].sentence
                              && (evl_story_cls (sd, next) & EVL_STORY_C_NONEVENT);
          /* 'lifted off', 'to shoot down', 'would not back down': a verb
           * (with a tense, or bare after a modal) and the particle right
           * after it read as their phrasal verb's rules, not the verb's
           * own ('sign' an agreement, 'sign off' on a decision); none
           * matching leaves it untyped. */
          if (next < (gint) sd->n_tok && sd->tok[next].sentence == sd->tok[t].sentence
              && (evl_story_cls (sd, next) & EVL_STORY_C_PARTICLE)
              && (verbal || bare_verb (sd, t)))
            {
              guint id = phrasal_id (sd, e, t, next);
              if (id)
                {
                  rule = &tax->rules[sd->winfo[id].rules];
                  sd->ev_mark[k] |= EVL_STORY_MARK_PHRASAL;
                }
            }
          gboolean document = FALSE;   /* a 'document' rule passed over */
          if (!modifier)
            {
              const EvlStoryRule *hit = first_rule (sd, rule, t, verbal, &document);
              if (hit)
                {
                  type = hit->type;
                  sd->ev_mark[k] |= EVL_STORY_MARK_RULED;
                  if (hit->group >= 0 && !(hit->flags & EVL_STORY_RULE_PROVISIONAL))
                    sd->ev_mark[k] |= EVL_STORY_MARK_CONTEXT;
                  if (hit->flags & EVL_STORY_RULE_CALLED_OFF)
                    {
                      e->polarity = EVL_POLARITY_NEG;
                      sd->ev_mark[k] |= EVL_STORY_MARK_CALLED_OFF;
                    }
                }
            }
          /* A noun only: a verb without context ('police launched an
           * inquiry') seldom names the story's event again. */
          if (document && !verbal && !(sd->ev_mark[k] & EVL_STORY_MARK_CONTEXT))
            {
              sd->ev_mark[k] |= EVL_STORY_MARK_DOC_OPEN;
              open = TRUE;
            }
        }
      set_type (sd, memo, k, t, type);
    }
  if (open)
    type_from_document (sd, memo);
  for (guint k = 0; k < sd->n_ev; k++)
    if (sd->ev_type[k] == tax->other && sd->ev_tok[k] >= 0 && evl_story_verbal (sd, (gint32) k)
        && !(sd->ev_mark[k] & (EVL_STORY_MARK_JUNK | EVL_STORY_MARK_RULED)))
      {
        guint type = subject_type (sd, k, sd->ev_tok[k]);
        if (type != tax->other)
          set_type (sd, memo, k, sd->ev_tok[k], type);
      }
}

/* ---------------------------------------------------------------- salience */

/* Token @i is a lower-case word ending in '-ly' ('unexpectedly').  A
 * clean token's form is its bytes with ASCII letters lowered, so those are
 * read in the text (no copy per call). */
static gboolean
ly_adverb (const EvlStoryDoc *sd, gint i)
{
  const EvlToken *t = &sd->tok[i];
  if ((t->flags & EVL_TOKEN_CAP) || !(t->flags & EVL_TOKEN_WORD))
    return FALSE;
  char buf[EVL_STORY_KEY_CAP];
  const char *w = sd->text + t->span.start;
  gsize n = evl_story_key_len (sd, (guint) i);
  if (sd->tok_dirty[i])
    {
      evl_story_key_into (sd, i, buf);
      w = buf;
    }
  return n > 4 && g_ascii_tolower (w[n - 2]) == 'l' && g_ascii_tolower (w[n - 1]) == 'y';
}

/* Token @i is an auxiliary before a verb: a form of 'be' or 'have'. */
static gboolean
auxiliary (const EvlStoryDoc *sd, gint i)
{
  guint32 c = evl_story_cls (sd, i);
  if (c & EVL_STORY_C_BE)
    return TRUE;
  /* 'has', 'have', 'had' are function words: the rest are not tested. */
  return (c & EVL_STORY_C_FUNCTION) && evl_story_key_len (sd, (guint) i) <= 4
         && (evl_story_token_is (sd, (guint) i, "has") || evl_story_token_is (sd, (guint) i, "have")
             || evl_story_token_is (sd, (guint) i, "had"));
}

/* A common noun heads the subject of the verb at token @t ('Rail workers
 * walked out', 'The House approved', 'the bill was passed'): the argument
 * finder links named entities only, so without this the main events of a
 * story whose actors are unnamed have no participant-like argument.  The
 * word before the verb, past an auxiliary or an '-ly' adverb, must be a
 * content word of the same clause: no function word, preposition, timex
 * or verb. */
static gboolean
noun_subject (const EvlStoryDoc *sd, gint t)
{
  const guint32 not_noun = EVL_STORY_C_PREP | EVL_STORY_C_BE | EVL_STORY_C_FUNCTION | EVL_STORY_C_MODAL
                           | EVL_STORY_C_CLAUSE_WORD | EVL_STORY_C_CONJ | EVL_STORY_C_CLAUSE_PUNCT
                           | EVL_STORY_C_POSSESSIVE | EVL_STORY_C_NOMINAL_DET | EVL_STORY_C_NOUN_DET
                           | EVL_STORY_C_COMPLEMENTIZER | EVL_STORY_C_CLAUSE_BREAK;
  gint j = t - 1;
  /* 'Investigators on Tuesday recovered': a date between the subject and
   * its verb is skipped with its preposition ('for Saturday' modifies a
   * noun: 'a service planned for Saturday was canceled'). */
  for (guint skip = 0; skip < 6 && j >= 0 && sd->clause[j] == sd->clause[t]; skip++, j--)
    if (!(auxiliary (sd, j) || ly_adverb (sd, j) || (sd->tok_scan[j] & EVL_STORY_SCAN_TIMEX)
          || ((evl_story_cls (sd, j) & EVL_STORY_C_PREP) && j + 1 < t
              && (sd->tok_scan[j + 1] & EVL_STORY_SCAN_TIMEX)
              && (evl_story_token_is (sd, (guint) j, "on") || evl_story_token_is (sd, (guint) j, "in")))))
      break;
  if (j < 0 || sd->tok[j].sentence != sd->tok[t].sentence || sd->clause[j] != sd->clause[t])
    return FALSE;
  return (sd->tok[j].flags & EVL_TOKEN_WORD) && !(evl_story_cls (sd, j) & not_noun)
         && !(sd->tok_scan[j] & EVL_STORY_SCAN_TIMEX) && !(sd->tok_ev[j] >= 0 && evl_story_verbal (sd, sd->tok_ev[j]))
         && !ly_adverb (sd, j);
}

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

/* Trigger token @t opens a participle adjunct of time: an '-ing' verb
 * with no tense right after 'while' or 'when' ('died on Tuesday while
 * fighting a wildfire').  It tells the circumstance of its clause's
 * event, no happening a reader follows on its own. */
static gboolean
while_adjunct (const EvlStoryDoc *sd, const EvlEventMention *e, gint t, guint tf)
{
  static const char *const subordinators[] = { "while", "whilst", "when", NULL };
  if (t <= 0 || (tf & EVL_STORY_TF_FINITE) || e->klass != EVL_EVENT_CLASS_OCCURRENCE
      || sd->tok[t - 1].sentence != sd->tok[t].sentence || !evl_story_token_among (sd, t - 1, subordinators))
    return FALSE;
  /* (an occurrence: a saying while saying another is a statement of its
   * own, 'he said, while warning Beijing that ...')  A noun before a
   * finite verb is its clause's subject ('when flooding damaged'). */
  if (t + 1 < (gint) sd->n_tok && sd->tok_ev[t + 1] >= 0
      && (sd->ev_tf[sd->tok_ev[t + 1]] & EVL_STORY_TF_FINITE))
    return FALSE;
  const EvlSpan sp = sd->tok[t].span;
  return sp.end - sp.start > 4 && g_ascii_islower (sd->text[sp.start])
         && memcmp (sd->text + sp.end - 3, "ing", 3) == 0;
}

/* @t: the trigger's first token, -1 for an implied event (no text). */
static float
score_one (const EvlStoryDoc *sd, const EvlEventMention *e, gint t, guint tf, const EvlStoryType *st,
           guint np, gboolean quoted, guint mark, gboolean lead)
{
  gboolean other = st == NULL || st == &g_array_index (sd->tax->types, EvlStoryType, sd->tax->other);
  /* Past or perfect: the recogniser reads many plural nouns as present
   * verbs ('weapons tests'), and a noun before one is no subject. */
  gboolean past = (tf & (EVL_STORY_TF_PAST | EVL_STORY_TF_PERFECT)) != 0 && !(tf & EVL_STORY_TF_FUTURE);
  float s = st ? st->weight : 0.1f;
  if (np >= 1 || e->agent >= 0 || e->patient >= 0 || (past && t >= 0 && noun_subject (sd, t)))
    s += 0.15f;
  if (np >= 2)
    s += 0.1f;
  if (e->location >= 0)
    s += 0.05f;
  s += time_evidence (sd, e, tf);
  if (e->flags & (EVL_EVENT_FLAG_FAILED | EVL_EVENT_FLAG_SUCCEEDED))
    s += 0.05f;
  if (mark & (EVL_STORY_MARK_DENIAL | EVL_STORY_MARK_CALLED_OFF))
    s += 0.15f;     /* a denial or a cancellation is news in itself */
  /* A reported intention of named participants ('X would appeal the
   * ruling', 'the company said it would sell its unit to Y') is one
   * uncertainty, a plan: the future below counts it, the hedge does not
   * count it again.  Only the event the cue governs first (the one that
   * records it as modality) is the intention; what the rest of its
   * clause tells, speculation ('may', 'reportedly') and conditions keep
   * both. */
  if ((e->flags & EVL_EVENT_FLAG_HEDGED)
      && !(np >= 1 && e->modality && (e->flags & EVL_EVENT_FLAG_PLANNED) && e->polarity != EVL_POLARITY_NEG
           && !(mark & EVL_STORY_MARK_SPECULATED)))
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
   * a date of its own (day or month) in its clause, and in the past: a
   * present or future one is a state, a schedule or a plan.  A present
   * form dated before the document is a past one the recogniser misread
   * ('hit', 'set', 'cut').  In a story's lead the date may stand past
   * the object and its appositives ('A cyberattack paralysed the systems
   * of X, one of Europe's largest operators, on Monday'): the sentence's
   * date serves, for the one event news puts there. */
  gboolean own = e->anchor_method == EVL_ANCHOR_CLAUSE || (lead && e->anchor_method == EVL_ANCHOR_SENTENCE);
  const EvlTimex *x = own && e->timex >= 0 && (guint) e->timex < sd->n_tx ? &sd->tx[e->timex] : NULL;
  gboolean dated = x && x->grain != EVL_GRAIN_NONE && x->grain <= EVL_GRAIN_MONTH;
  gboolean before_doc = dated && !(tf & EVL_STORY_TF_FUTURE) && sd->dct_timex >= 0
                        && (guint) sd->dct_timex < sd->n_tx && x->end && x->end < sd->tx[sd->dct_timex].begin;
  /* (the lead tells the news in the present perfect or progressive as
   * well: 'X is recalling 210,000 trucks, regulators said Monday') */
  if (other && !(dated && (tf & EVL_STORY_TF_FINITE) && (past || before_doc || (lead && !(tf & EVL_STORY_TF_FUTURE)))))
    s = MIN (s, 0.4f);
  if (while_adjunct (sd, e, t, tf))
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
  /* The lead: the first sentence of the body, past a title or a
   * dateline-only line. */
  guint lead = 0;
  while (lead < sd->n_sent && (sd->sent[lead].is_heading || sd->sent[lead].is_furniture))
    lead++;
  /* Its first finite verb only: the main event, not what it reports or
   * what the rest of the sentence adds. */
  gint lead_verb = -1;
  for (guint k = 0; k < sd->n_ev && lead_verb < 0; k++)
    if (sd->ev[k].sentence == lead && (sd->ev_tf[k] & EVL_STORY_TF_FINITE)
        && sd->ev[k].klass != EVL_EVENT_CLASS_REPORTING)
      lead_verb = (gint) k;
  for (guint k = 0; k < sd->n_ev; k++)
    sd->ev[k].salience = sd->ev_mark[k] & EVL_STORY_MARK_JUNK
                         ? 0.0f
                         : score_one (sd, &sd->ev[k], sd->ev_tok[k], sd->ev_tf[k],
                                      sd->type_st[sd->ev_type[k]],
                                      sd->n_parts[k],
                                      sd->ev_tok[k] >= 0 && evl_story_quoted (sd, sd->ev_tok[k]), sd->ev_mark[k],
                                      (gint) k == lead_verb);
  for (guint i = 0; i < sd->extra->len; i++)
    {
      EvlEventMention *p = &g_array_index (sd->extra, EvlEventMention, i);
      const EvlStoryType *st = p->type ? evl_story_taxonomy_lookup (sd->tax, p->type) : NULL;
      p->salience = score_one (sd, p, -1, evl_story_tense_flags (p), st, p->n_participants, FALSE, 0, FALSE);
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

/* tok_at (@offset) when the token @token a stage noted for it
 * (EvlEventMention.token, EvlEntityMention.token) is that answer: the first token ending after
 * @offset, starting by it; else the search (~65 instructions a call). */
static inline gint
tok_at_noted (const EvlStoryDoc *sd, guint32 offset, guint32 token, guint *hint)
{
  const EvlToken *t = sd->tok;
  if (token < sd->n_tok && t[token].span.end > offset && t[token].span.start <= offset
      && (token == 0 || t[token - 1].span.end <= offset))
    {
      *hint = token;
      return (gint) token;
    }
  return tok_at (sd, offset, hint);
}

/* Covers tokens from the one at @span.start (@token: its index as noted,
 * see tok_at_noted()) up to @span.end with @value in @map (unless NULL)
 * and adds @scan to their tok_scan; returns the first, and in *@end (when
 * not NULL) one past the last. */
static gint
mark_tokens (EvlStoryDoc *sd, gint32 *map, EvlSpan span, guint32 token, gint32 value, guint8 scan,
             guint *hint, guint *end)
{
  gint first = tok_at_noted (sd, span.start, token, hint);
  if (first < 0)
    return -1;
  guint i = (guint) first;
  /* In locals: see build_index()'s token loop. */
  const EvlToken *tok = sd->tok;
  guint8 *tok_scan = sd->tok_scan;
  const guint n_tok = sd->n_tok;
  for (; i < n_tok && tok[i].span.start < span.end; i++)
    {
      if (map && map[i] < 0)
        map[i] = value;
      tok_scan[i] |= scan;
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

/* Carves the per-document arrays out of one block of @cap bytes at
 * @base, summing their sizes (eight-byte aligned) into @size; an array
 * past @cap is NULL (the caller carves again from a larger block). */
typedef struct {
  char *base;
  gsize size, cap;
} Carve;

static gpointer
carve (Carve *c, gsize n, gsize elem, gboolean zero)
{
  gsize bytes = n * elem;
  gsize step = (bytes + 7) & ~(gsize) 7;
  char *p = c->base && step <= c->cap - MIN (c->size, c->cap) ? c->base + c->size : NULL;
  if (p && zero)
    memset (p, 0, bytes);
  c->size += step;
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
  sd->ev_mark = carve (c, ne, sizeof (guint16), TRUE);
  sd->ev_type = carve (c, ne, sizeof (guint16), TRUE);
  sd->ev_code = carve (c, ne, 1, TRUE);
  sd->ev_tf = carve (c, ne, 1, FALSE);
  sd->ev_prep = carve (c, ne, sizeof (gint32), TRUE);
  sd->type_name = carve (c, nt, sizeof (const char *), TRUE);
  sd->type_cameo = carve (c, nt, sizeof (const char *), TRUE);
  sd->type_st = sd->tax->type_st;
  sd->ent_first = carve (c, MAX (sd->n_ent, 1), sizeof (gint32), FALSE);
  sd->ent_last = carve (c, MAX (sd->n_ent, 1), sizeof (gint32), FALSE);
  sd->ent_prep = carve (c, MAX (sd->n_ent, 1), sizeof (guint32), FALSE);
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

/* (transfer none) The calling thread's WordMemo, for @tax, followed by
 * its LongMemo (long_memo()) and its lemma memo (lemma_memo()). */
#define MEMO_BYTES ((sizeof (WordMemo) << WORD_MEMO_BITS) + (sizeof (LongMemo) << LONG_MEMO_BITS) \
                    + (sizeof (LemmaMemo) << LEMMA_THREAD_BITS))
static WordMemo *
word_memo (const EvlStoryTaxonomy *tax)
{
  Scratch *s = scratch_get ();
  if (s->memo == NULL)
    s->memo = g_malloc0 (MEMO_BYTES);
  else if (s->memo_serial != tax->serial)
    memset (s->memo, 0, MEMO_BYTES);
  s->memo_serial = tax->serial;
  return s->memo;
}

static inline LongMemo *
long_memo (WordMemo *memo)
{
  return (LongMemo *) (memo + (1u << WORD_MEMO_BITS));
}

static inline LemmaMemo *
lemma_memo (WordMemo *memo)
{
  return (LemmaMemo *) (long_memo (memo) + (1u << LONG_MEMO_BITS));
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
 * small corpus (callgrind).
 *
 * A document's text holds no NUL and is followed by its NUL and fifteen
 * zero bytes (evl_document_new(), for the segmenter's loads): a load of
 * eight or sixteen bytes at a token's start stays in it without a test
 * of the text's length per token, and a token's bytes up to its length
 * say that length (~0.8 M instructions on the small corpus, callgrind). */
static inline guint32
token_word (const EvlStoryTaxonomy *tax, const char *text, const EvlToken *t, guint8 *dirty,
            WordMemo *memo)
{
  gsize len = EVL_SPAN_LEN (t->span);
  const char *src = text + t->span.start;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  guint64 head;
  /* Most tokens: fold, hash and find in a few word operations (a form of
   * up to eight bytes is compared by its head only: evl_story_table_find()). */
  if (len - 1 < 8)
    {
      guint64 keep = keep_low[len];
      guint64 raw = evl_load64 (src) & keep;
      WordMemo *m = &memo[(raw * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - WORD_MEMO_BITS)];
      if (m->raw == raw)
        return m->id;
      /* Padding reads as 0xFF: not a blank. */
      if (evl_swar_below (raw | ~keep, 0x21) == 0)
        {
          head = evl_swar_lower (raw);
          guint32 id = memo_id (evl_story_table_find (&tax->table, NULL, len, head,
                                                      evl_story_hash_step (len, head)),
                                src + len);
          m->raw = raw;
          m->len = (guint32) len;
          m->id = id;
          return id;
        }
    }
  /* 9 to 16 bytes ('negotiations'): two words; at scale these went
   * the byte loop and were ~8% of the stage's samples. */
  guint64 tail;
  if (len - 9 < 8)
    {
      /* Met before: one probe of the thread's LongMemo by its bytes. */
      guint64 raw0 = evl_load64 (src), raw1 = evl_load64 (src + 8) & keep_low[len - 8];
      LongMemo *m = &long_memo (memo)[((raw0 ^ (raw1 * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)))
                                       * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - LONG_MEMO_BITS)];
      if (m->raw0 == raw0 && m->raw1 == raw1)
        return m->id;
      if (fold_short (src, 8, &head) && fold_short (src + 8, len - 8, &tail))
        {
          char key[16];
          memcpy (key, &head, 8);
          memcpy (key + 8, &tail, 8);
          guint32 id = memo_id (evl_story_table_find (&tax->table, key, len, head,
                                                      evl_story_hash_step (evl_story_hash_step (len, head),
                                                                           tail)),
                                src + len);
          m->raw0 = raw0;
          m->raw1 = raw1;
          m->len = (guint32) len;
          m->id = id;
          return id;
        }
    }
#endif
  char key[64];
  gssize kl = len < 64 ? fold_token (src, len, key) : -1;
  if (kl == -2)
    {
      kl = evl_fold_key (src, len, key, 64);
      /* It may hold a blank; its form's length (below 64) kept with the mark. */
      *dirty = (guint8) (EVL_STORY_KEY_DIRTY | (kl > 0 ? (guint) kl : 0u));
    }
  if (kl <= 0)
    return memo_id (EVL_W_UNKNOWN, src + len);
  return memo_id (evl_story_word_id (tax, key, (gsize) kl), src + len);
}

/* 'Hwasong-18', 'Falcon-9', 'Su-35': a model named by its family and a
 * number reads as the family's word (its context group, 'hwasong' a
 * missile's), as the tokenizer keeps it one token.  EVL_W_UNKNOWN when
 * the token is no such name or its family is unknown too. */
static G_GNUC_NO_INLINE guint32
model_family (const EvlStoryTaxonomy *tax, const char *text, const EvlToken *t)
{
  gsize len = EVL_SPAN_LEN (t->span);
  const char *src = text + t->span.start;
  if (len < 4 || len >= 64 || !g_ascii_isdigit (src[len - 1]))
    return EVL_W_UNKNOWN;
  gsize dash = len - 1;
  while (dash > 0 && (g_ascii_isdigit (src[dash]) || g_ascii_isupper (src[dash])))
    dash--;
  if (dash < 2 || src[dash] != '-')
    return EVL_W_UNKNOWN;
  char key[64];
  for (gsize k = 0; k < dash; k++)
    {
      if (!g_ascii_isalpha (src[k]))
        return EVL_W_UNKNOWN;
      key[k] = g_ascii_tolower (src[k]);
    }
  return evl_story_word_id (tax, key, dash);
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
G_STATIC_ASSERT (EVL_STORY_SCAN_BLOCK == EVL_STORY_SCAN_FACT << 3);

/* index_words()'s quotation marks and punctuation (token @t, its word
 * classes @cls, @quoted its state before): bit 0, a clause opens at the
 * token; bit 1, one opens after it; EVL_STORY_SCAN_QUOTED, the state
 * after.  Out of the loop, which keeps more of its values in registers
 * without it. */
G_STATIC_ASSERT ((EVL_STORY_SCAN_QUOTED & 3) == 0);
static G_GNUC_NO_INLINE guint
quote_or_punct (const char *text, const EvlToken *t, guint32 cls, guint32 quoted)
{
  const guint flags = t->flags;
  if ((flags & EVL_TOKEN_QUOTE)
      && EVL_SPAN_LEN (t->span) == (guint32) g_utf8_skip[(guchar) text[t->span.start]])
    {
      const char *s = text + t->span.start;
      /* Curly quotes say which side they are; straight ones toggle. */
      gboolean curly = s[0] == '\xe2' && s[1] == '\x80';   /* the text is NUL-terminated */
      gboolean open = curly && (s[2] == '\x9c' || s[2] == '\x98')
                      ? TRUE
                      : curly && (s[2] == '\x9d' || s[2] == '\x99')
                      ? FALSE : !quoted;
      return open ? 1u | EVL_STORY_SCAN_QUOTED : 2u;
    }
  if (flags & EVL_TOKEN_PUNCT && (cls & EVL_STORY_C_CLAUSE_PUNCT))
    return 2u | quoted;
  return quoted;
}

/* build_index()'s pass over the tokens, out of line: inlined with the
 * rest of build_index() into evl_events_story_annotate_for(), its loop
 * kept fewer of its values in registers (~0.17 M instructions more on
 * the small corpus, callgrind). */
G_GNUC_NO_INLINE static void
index_words (EvlStoryDoc *sd, WordMemo *memo)
{
  guint32 c = 0;
  guint32 quoted = 0;   /* EVL_STORY_SCAN_QUOTED inside a quotation, else 0 */
  guint paragraph = G_MAXUINT;
  guint32 sentence = G_MAXUINT32;   /* no token's: the first token starts one */
  /* The arrays in locals: the build has -fno-strict-aliasing, so each
   * byte stored to tok_scan (or tok_dirty) would make the compiler load
   * every field of @sd again for the next token. */
  const EvlToken *tok = sd->tok;
  const char *text = sd->text;
  const EvlStoryWordInfo *winfo = sd->winfo;
  const EvlSentence *sent = sd->sent;
  const EvlStoryTaxonomy *tax = sd->tax;
  guint32 *wid = sd->wid, *clause = sd->clause;
  guint8 *tok_scan = sd->tok_scan, *tok_dirty = sd->tok_dirty;
  const guint n_tok = sd->n_tok, n_sent = sd->n_sent;
  for (guint i = 0; i < n_tok; i++)
    {
      const EvlToken *t = &tok[i];
      guint32 w = token_word (tax, text, t, &tok_dirty[i], memo);
      /* unknown words are most words: only those ending in a digit */
      if (G_UNLIKELY (w == W_FAMILY))
        w = model_family (tax, text, t);
      wid[i] = w;
      guint32 cls = winfo[w].cls;
      gboolean boundary_after = FALSE;
      /* The paragraph changes only with the sentence: looked up there. */
      if (t->sentence != sentence)
        {
          sentence = t->sentence;
          guint para = sentence < n_sent ? sent[sentence].paragraph : 0;
          if (para != paragraph)
            quoted = 0, paragraph = para;
          c++;
        }
      else if ((cls & EVL_STORY_C_CLAUSE_WORD) && !(tok_scan[i] & EVL_STORY_SCAN_BLOCK))
        c++;   /* not inside an entity or a timex */
      /* "’s", "’re": an apostrophe token, not a quotation mark.  Words
       * (most tokens) are neither a quotation mark nor punctuation: one
       * test of the flags passes them. */
      const guint flags = t->flags;
      if (G_UNLIKELY (flags & (EVL_TOKEN_QUOTE | EVL_TOKEN_PUNCT)))
        {
          guint q = quote_or_punct (text, t, cls, quoted);
          c += q & 1;
          boundary_after = (q & 2) != 0;
          quoted = q & EVL_STORY_SCAN_QUOTED;
        }
      clause[i] = c;
      if (boundary_after)
        c++;
      /* Where the per-token passes of factuality and anchoring can act
       * (see EVL_STORY_SCAN_*): the marks of events, entities and timexes
       * (mark_tokens()), the word's scan bits (build_words()) and a final
       * 't'; and whether the token is quoted.  Bit arithmetic on the byte
       * instead of tests of tok_ev, tok_ent and tok_tx: those branches
       * were ~3.4 M instructions on the small corpus. */
      tok_scan[i] |= (guint8) (winfo[w].scan | quoted);
    }
  /* FACT cleared inside an entity or a timex (BLOCK), eight tokens a
   * step after the loop (BLOCK shifted onto FACT) instead of a test per
   * token in it (~0.5 M instructions on the small corpus, callgrind).
   * tok_scan has n_tok + 8 bytes, zero past n_tok. */
  for (guint i = 0; i < n_tok; i += 8)
    {
      guint64 x;
      memcpy (&x, tok_scan + i, 8);
      x &= ~((x & (EVL_SWAR_ONES * EVL_STORY_SCAN_BLOCK)) >> 3);
      memcpy (tok_scan + i, &x, 8);
    }
}


static void
build_index (EvlStoryDoc *sd)
{
  guint n = MAX (sd->n_tok, 1);
  gsize text_len = 0;
  evl_document_get_text (sd->doc, &text_len);
  sd->tok_per_kb = (guint32) MIN (((guint64) sd->n_tok << 10) / MAX (text_len, 1), G_MAXUINT32);
  /* Carved from the thread's block as it is, which nearly always has
   * room (a pass only to sum the sizes first was ~150 K instructions on
   * the small corpus); again from a larger one when it had not. */
  Scratch *scratch = scratch_get ();
  Carve cv = { scratch->base, 0, scratch->cap };
  carve_index (sd, &cv, text_len);
  if (cv.size > cv.cap)
    {
      cv = (Carve) { scratch_take (cv.size), 0, cv.size };
      carve_index (sd, &cv, text_len);
    }
  sd->block = cv.base;
  memset (sd->tok_ev, 0xff, n * sizeof (gint32));    /* -1 */
  memset (sd->tok_ent, 0xff, n * sizeof (gint32));
  /* The timex map and the per-mention and per-timex arrays are read by
   * arguments and anchoring only (a timex's tokens are known by their
   * EVL_STORY_SCAN_TIMEX mark): the TimeML layer alone spares them. */
  const gboolean args = (sd->steps & EVL_STORY_STEP_ARGUMENTS) != 0;
  const gboolean anchors = (sd->steps & EVL_STORY_STEP_ANCHORS) != 0;
  if (anchors)
    memset (sd->tok_tx, 0xff, n * sizeof (gint32));
  /* (anchoring reads the mentions' tokens too: evl_story_appositive()) */
  const gboolean ent_tokens = args || anchors;
  if (ent_tokens)
    memset (sd->ent_prep, 0xff, MAX (sd->n_ent, 1) * sizeof (guint32));
  guint hint = 0;
  /* The flags of the previous event's strings: the next event often has
   * the same ones (a pure function of the strings, so the same pointers
   * give the same flags whatever they point at). */
  /* Factuality's reporting cue at a verbal reporting event sets only
   * what EVL_STORY_STEP_SPEECH does (the TimeML layer alone visited those
   * tokens for nothing); the JUNK mark is read by typing, anchoring and
   * salience only. */
  const gboolean report_fact = (sd->steps & EVL_STORY_STEP_SPEECH) != 0;
  const gboolean junk = (sd->steps & (EVL_STORY_STEP_TYPES | EVL_STORY_STEP_ANCHORS | EVL_STORY_STEP_SALIENCE)) != 0;
  const char *last_tense = NULL, *last_aspect = NULL;
  guint tf = 0;   /* no tense, no aspect */
  for (guint k = 0; k < sd->n_ev; k++)
    {
      const EvlEventMention *e = &sd->ev[k];
      if (e->tense != last_tense || e->aspect != last_aspect)
        {
          last_tense = e->tense, last_aspect = e->aspect;
          tf = tense_flags (e);
        }
      sd->ev_tf[k] = (guint8) tf;
      /* Factuality acts at an event's token (without a cue or a negative
       * contraction there: those have their own marks) only for a verbal
       * reporting event: only those get FACT, so its loop passes over the
       * others (~13 k visits that did nothing on the small corpus). */
      guint8 scan = EVL_STORY_SCAN_ARGS;
      if (report_fact && e->klass == EVL_EVENT_CLASS_REPORTING && (tf & EVL_STORY_TF_VERBAL))
        scan |= EVL_STORY_SCAN_FACT;
      EvlSpan sp = e->span;
      sd->ev_tok[k] = mark_tokens (sd, sd->tok_ev, sp, e->token, (gint32) k, scan, &hint, NULL);
      /* A trigger that starts with punctuation ('’s' split off a name) is
       * a recognition slip: it is typed OTHER and never kept or cited. */
      if (junk && (sp.end <= sp.start || !alnum_at (sd->text + sp.start)))
        sd->ev_mark[k] |= EVL_STORY_MARK_JUNK;
    }
  hint = 0;
  for (guint m = 0; m < sd->n_ent; m++)
    {
      EvlSpan sp = sd->ent[m].span;
      guint end = 0;
      gint first = mark_tokens (sd, sd->tok_ent, sp, sd->ent[m].token, (gint32) m, EVL_STORY_SCAN_ARGS | EVL_STORY_SCAN_BLOCK,
                                &hint, &end);
      if (!ent_tokens)
        continue;
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
      gint first = mark_tokens (sd, anchors ? sd->tok_tx : NULL, sd->tx[x].span, G_MAXUINT32, (gint32) x,
                                EVL_STORY_SCAN_BLOCK | EVL_STORY_SCAN_TIMEX, &hint, &end);
      if (!anchors)
        continue;
      if (first >= 0 && end > (guint) first)
        {
          sd->tx_first[x] = first;
          sd->tx_end[x] = end;
        }
      if (sd->tx[x].sentence < sd->n_sent)
        sd->sent_tx[sd->tx[x].sentence] |= EVL_STORY_SENT_TIMEX;
      /* the tokens it may be tok_tx of, and the one after them */
      if (first >= 0 && sd->tx[x].type == EVL_TIMEX_DURATION)
        for (guint i = (guint) first; i <= end && i < sd->n_tok; i++)
          if (sd->tok[i].sentence < sd->n_sent)
            sd->sent_tx[sd->tok[i].sentence] |= EVL_STORY_SENT_AFTER_DURATION;
    }

  /* The timex-covered tokens in order, and each sentence's run of them
   * (for nearest_timex()), found by their marks eight tokens at a time. */
  guint32 n_txt = 0;
  for (guint i = anchors ? evl_story_next_scan (sd, 0, EVL_STORY_SCAN_TIMEX) : sd->n_tok; i < sd->n_tok;
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
  sd->word_memo = memo;
  sd->lemma_memo = lemma_memo (memo);
  evl_events_known_image_range (&sd->known_lo, &sd->known_hi);
  index_words (sd, memo);
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

/* The rule families the fields @needs names depend on.  What each reads
 * of the others (each family runs after those it reads):
 *  - factuality (polarity, modality) reads the index only: the agent
 *    (arguments) decides a cue's speaker, which sets the source and the
 *    REPORTED flag but never polarity or modality, and no family before
 *    it sets a mark it reads (EVL_STORY_MARK_MODAL_OUTSIDE is its own);
 *    its reported speech and generic readings (EVL_STORY_STEP_SPEECH)
 *    set only flags and the source, which no output but the whole one
 *    reads (anchoring does not);
 *  - typing reads the index only;
 *  - anchoring reads the types (ev_code, type) and factuality's
 *    EVL_STORY_MARK_FUTURE; the participants it copies into an implied
 *    event are not among the fields EVL_PIPELINE_NEEDS_ANCHORS names. */
static guint
steps_for (EvlPipelineNeeds needs)
{
  if ((needs & EVL_PIPELINE_NEEDS_ALL) == EVL_PIPELINE_NEEDS_ALL)
    return EVL_STORY_STEP_ALL;
  guint steps = EVL_STORY_STEP_FACTUALITY;   /* EVL_PIPELINE_NEEDS_TIMEML, always */
  if (needs & EVL_PIPELINE_NEEDS_TYPES)
    steps |= EVL_STORY_STEP_TYPES;
  if (needs & EVL_PIPELINE_NEEDS_ANCHORS)
    steps |= EVL_STORY_STEP_TYPES | EVL_STORY_STEP_ANCHORS;
  return steps;
}

void
evl_events_story_annotate (const EvlContext *ctx, EvlDocument *doc)
{
  evl_events_story_annotate_for (ctx, doc, EVL_PIPELINE_NEEDS_ALL);
}

void
evl_events_story_annotate_for (const EvlContext *ctx, EvlDocument *doc, EvlPipelineNeeds needs)
{
  g_return_if_fail (ctx != NULL && doc != NULL);
  guint steps = steps_for (needs);
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
  sd.steps = steps;
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
  if (!tax->has_starts[EVL_STORY_LEX_FACTUALITY])
    sd.start_all |= EVL_STORY_C_START_FACT;
  if (!tax->has_starts[EVL_STORY_LEX_CUES])
    sd.start_all |= EVL_STORY_C_START_CUES;
  for (guint k = 0; k < n_ev; k++)
    reset_fields (&sd.ev[k]);
  build_index (&sd);

  if (steps & EVL_STORY_STEP_TYPES)
    evl_story_type_events (&sd);
  if (steps & EVL_STORY_STEP_ARGUMENTS)
    {
      evl_story_fill_arguments (&sd);
      evl_story_resolve_groups (&sd);
    }
  if (steps & EVL_STORY_STEP_FACTUALITY)
    evl_story_apply_factuality (&sd);
  if (steps & EVL_STORY_STEP_ANCHORS)
    evl_story_anchor_events (&sd);
  /* It reads the anchors; it sets a flag, which only the whole output reads. */
  if ((steps & EVL_STORY_STEP_ANCHORS) && (steps & EVL_STORY_STEP_SPEECH))
    evl_story_mark_future_events (&sd);
  if (steps & EVL_STORY_STEP_SALIENCE)
    {
      evl_story_score_salience (&sd);
      store_participants (&sd);
    }

  /* A phrasal verb's lemma is the phrase ('lift off'), which the summary
   * shows; the rule families above read the verb's own. */
  if (steps & EVL_STORY_STEP_TYPES)
    for (guint k = 0; k < n_ev; k++)
      if (sd.ev_mark[k] & EVL_STORY_MARK_PHRASAL)
        {
          gint t = sd.ev_tok[k];
          guint id = phrasal_id (&sd, &sd.ev[k], t, token_after (&sd, k, t));
          const char *key = tax->table.keys + tax->table.key_off[id];
          sd.ev[k].lemma = evl_document_intern (doc, key, (gssize) tax->table.lens[id]);
        }

  /* Implied events were complete when created; adding them last keeps
   * every index computed above valid. */
  for (guint i = 0; i < sd.extra->len; i++)
    evl_document_add_event_mention (doc, &g_array_index (sd.extra, EvlEventMention, i));
  g_array_set_size (sd.extra, 0);
  free_index (&sd);
}
