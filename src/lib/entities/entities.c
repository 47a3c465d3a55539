/* Entity detection: people, organisations and places in a segmented
 * document, from the compiled-in gazetteers plus title, capitalisation and
 * context rules (data/README.md, "Entities").
 *
 * One left-to-right pass per sentence produces candidates (EvlCand); the
 * clusterer (entities-cluster.c) then decides which candidates are mentions
 * and which entity each belongs to.  At each token the scanner tries, in
 * order:
 *   1. a title phrase: modifiers + title + name ('Former U.S. National
 *      Security Adviser John Bolton'), or a role description without a name
 *      ('the North Korean leader');
 *   2. the gazetteers, longest match first, optionally with "the";
 *   3. a run of capitalised words, classified by its head word (org-head,
 *      loc-head, epithet cues), by a preceding place preposition, or else
 *      taken as a person's name when none of its words is a common word of
 *      the document.
 * Demonyms ('Russian', 'North Korean') are evidence only (the country of a
 * title, part of an organisation's name), never mentions by themselves.
 * Headings (Title Case) yield only names the body also has. */
#include "entities-private.h"

#include <string.h>

#define MAX_NAME_TOKENS 5
#define MAX_SPAN_WORDS 8

/* Per-token memo: the scanner asks about the same token from several
 * rules.  Which parts are filled is in Scan.state (not zeroed itself). */
typedef struct {
  /* MEMO_GAZ: the four gazetteers' longest matches. */
  guint8 k[4];
  gint8 demonym[4];          /* -1 not yet known */
  const EvlLexEntry *e[4];
  /* MEMO_WORD: the token alone in the single-word lexicons, and the first
   * word of any longer probe from here: [start, fw_end), its most words
   * by lexicon (EvlEntFirst). */
  const EvlLexEntry *one[3]; /* stop, titles, cues */
  const EvlEntWord *word;    /* the token alone, when a first word */
  guint32 fw_end;
  guint32 fw_hash;           /* evl_ent_word_hash_step() of [start, fw_end) */
  guint8 fw[EVL_ENT_N_LEX];
  /* The same for the token alone as a first word: fw when the token ends
   * at fw_end, else its own ('Korea' of 'Korea,'). */
  guint8 fw1[EVL_ENT_N_LEX];
} TokMemo;

/* MEMO_ONE: the token's one_bloom bits are known, shifted by
 * MEMO_ONE_SHIFT. */
enum { MEMO_GAZ = 1, MEMO_WORD = 2, MEMO_ONE = 4, MEMO_ONE_SHIFT = 3 };

/* The scanner's per-document arrays, kept per thread and grown when a
 * document needs more (six allocations and frees per document were ~1 M
 * instructions on the small corpus).  Nothing in them outlives a call:
 * every array is (re)initialised before it is read.  Arrays grown for a
 * document of more than SCRATCH_KEEP tokens are freed after it: kept,
 * they would add to the later stages' peak memory. */
#define SCRATCH_KEEP 16384

/* A word_fill() answer by the raw bytes it depends on (the token's first
 * word [a, fw_end) and the token's length): see word_fill(). */
typedef struct {
  guint64 k0, k1;            /* the bytes [a, fw_end), zeros after them */
  guint8 e_len;              /* fw_end - a, 1-15; 0: empty slot */
  guint8 b_len;              /* the token's length, at most e_len */
  guint32 fw_hash;
  guint8 fw[EVL_ENT_N_LEX], fw1[EVL_ENT_N_LEX];
  const EvlEntWord *word;
  const EvlLexEntry *one[3];
} WordSlot;
/* 8 k slots of 72 bytes (~0.6 MB a thread): with 4 k, a tenth of the
 * misses on the small corpus were words pushed out by others (~0.15 M
 * instructions). */
#define WORD_CACHE_BITS 13

/* lower_list()'s buckets: 2^10, one per first and last letter. */
#define LOWER_HEAD_BITS 10

typedef struct {
  TokMemo *memo;
  guint8 *state;
  guint cap_tok;
  guint64 *lower_words;      /* lower_build()'s, made on first use */
  guint cap_words;
  guint64 *lower_keys, *lower_used;
  guint cap_slots;
  guint32 *lower_next;       /* lower_list()'s, made on first use */
  guint cap_next;
  guint32 lower_head[1u << LOWER_HEAD_BITS];
  GArray *cands;
  WordSlot *words;           /* 1 << WORD_CACHE_BITS, made on first use */
  guint words_lex;           /* EvlEntLex.id the answers come from */
} Scratch;

/* Open-addressing set of the keys (lower_key()) of the document's
 * lower-case words; a bit per slot says it is used, so that the table
 * itself needs no clearing. */
#define LOWER_FILTER_BITS 12
typedef struct {
  guint64 *keys;
  guint64 *used;
  Scratch *sc;               /* where the arrays are made */
  guint32 shift;             /* 64 - log2 (slots) */
  gboolean built;
  /* lower_bucket() bits of the words that may be asked about (every word
   * token that is not itself a lower-case word): only the lower-case words
   * whose bucket is set here go into the table. */
  guint64 filter[(1u << LOWER_FILTER_BITS) / 64];
  /* lower_list(): the lower-case words by lower_list_bucket(), each list
   * a chain of token indices from head[] through next[] (LOWER_NONE
   * ends it). */
  gboolean listed;
  const guint32 *head, *next;
} LowerSet;

typedef struct {
  const EvlEntLex *lex;
  EvlDocument *doc;
  const char *text;
  const EvlToken *tok;
  guint n_tok;
  guint32 sentence;
  guint s_end;               /* one past the sentence's last token */
  gboolean heading;
  /* EvlCand: the first n_cands are the candidates; the array's length
   * is its room (set to n_cands at the end): growing it by one per
   * candidate was ~50 instructions a call (~10 k on the small corpus). */
  GArray *cands;
  guint n_cands;
  TokMemo *memo;             /* one per token */
  guint8 *state;             /* one per token: MEMO_* bits */
  guint32 text_len;
  WordSlot *words;           /* the thread's word_fill() answers */
  LowerSet *lower;           /* built on first use */
  /* try_title()'s look-ahead: tokens [lc_from, lc_end) of the sentence are
   * lower-case words and lc_end is not one (or is s_end); each run is
   * walked once, not from each of its words (~3 M instructions). */
  guint lc_from, lc_end;
} Scan;

typedef struct {
  const EvlLexEntry *entry;
  EvlGazKind kind;
  guint end;                 /* one past the last matched token */
  guint start;               /* first matched token (after "the") */
  gboolean with_the;
} GazMatch;

/* ---- token helpers ---- */

static inline const char *
tok_text (const Scan *s, guint i)
{
  return s->text + s->tok[i].span.start;
}

static inline gsize
tok_len (const Scan *s, guint i)
{
  return EVL_SPAN_LEN (s->tok[i].span);
}

static inline gboolean
is_word (const Scan *s, guint i)
{
  return i < s->s_end && (s->tok[i].flags & EVL_TOKEN_WORD);
}

static inline gboolean
is_cap (const Scan *s, guint i)
{
  return is_word (s, i) && (s->tok[i].flags & EVL_TOKEN_CAP);
}

/* Token @i is @word (lower-case ASCII letters), ignoring ASCII case
 * (inline: @word is usually a literal, its length then a constant).  A
 * byte is such a letter but for case exactly when it is with bit 5 set:
 * one operation a byte fewer than evl_ent_ascii_lower() (~35 k calls with
 * "the" alone on the small corpus). */
G_ALWAYS_INLINE static inline gboolean
tok_is (const Scan *s, guint i, const char *word)
{
  gsize n = strlen (word);
  if (i >= s->s_end || tok_len (s, i) != n)
    return FALSE;
  const char *t = tok_text (s, i);
  for (gsize k = 0; k < n; k++)
    if (((guchar) t[k] | 0x20) != (guchar) word[k])
      return FALSE;
  return TRUE;
}

/* Token @i is the bytes of @punct (no letters: case does not apply). */
G_ALWAYS_INLINE static inline gboolean
tok_eq (const Scan *s, guint i, const char *punct)
{
  gsize n = strlen (punct);
  return i < s->s_end && tok_len (s, i) == n && memcmp (tok_text (s, i), punct, n) == 0;
}

/* A short word (at most seven bytes, NUL-padded) and its length, for
 * tok_in(). */
typedef struct {
  char w[8];
  guint8 n;
} ShortWord;
#define SHORT_WORD(s) { s, sizeof (s) - 1 }

/* Token @i is one of @words (ignoring ASCII case): the token's length
 * picks the words compared, without a strlen() per word (tok_is() over
 * word lists was ~0.8 M instructions on the small corpus), and the
 * token's bytes, lower-cased once into one word, are compared with each
 * word's eight bytes at once (byte by byte, the comparisons were ~0.4 M
 * instructions on the small corpus, mostly title_case()'s). */
static gboolean
tok_in (const Scan *s, guint i, const ShortWord *words, gsize n_words)
{
  if (i >= s->s_end)
    return FALSE;
  gsize n = tok_len (s, i);
  if (n == 0 || n >= sizeof words->w)
    return FALSE;
  guint64 t = evl_ent_chunk (tok_text (s, i), n, s->text + s->text_len);
  for (gsize k = 0; k < n_words; k++)
    if (words[k].n == n && evl_swar_lower (evl_load64 (words[k].w)) == t)
      return TRUE;
  return FALSE;
}

static gboolean
has_suffix (const char *p, gsize n, const char *suffix)
{
  gsize k = strlen (suffix);
  return n >= k && memcmp (p + n - k, suffix, k) == 0;
}

/* Token @i is "'s" or "’s" (any case of the s): inline, the length
 * first, since nearly every token asked is neither (two tok_is() in a
 * call were ~0.7 M instructions on the small corpus). */
G_ALWAYS_INLINE static inline gboolean
is_possessive (const Scan *s, guint i)
{
  if (i >= s->s_end)
    return FALSE;
  gsize n = tok_len (s, i);
  const char *t = tok_text (s, i);
  if (n == 2)
    return t[0] == '\'' && (t[1] | 0x20) == 's';
  return n == 4 && memcmp (t, "\xe2\x80\x99", 3) == 0 && (t[3] | 0x20) == 's';
}


/* ---- lexicon probes ----
 *
 * A probe is tokens [i, i + k) as one key.  Before folding and hashing it,
 * two exact filters from the per-context first-word table (EvlEntFirst)
 * rule most probes out: the key's first word must start some form of the
 * lexicon, and the key cannot have more words than the longest such form.
 * The key's first word runs from the token's start to the first blank (the
 * blanks evl_fold_key() collapses), or to the key's end. */

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The first-word slot of [a, end) (no blank inside; @h its hash by
 * evl_ent_word_hash_step()) into @out: zeros when no form starts so. */
static const EvlEntFirst *
first_word (const Scan *s, guint32 a, guint32 end, guint32 h, guint8 out[EVL_ENT_N_LEX])
{
  const EvlEntFirst *f = NULL;
  if (is_blank (s->text[a]))
    {
      /* Tokens never start with a blank; if one did, no filter. */
      memset (out, 255, EVL_ENT_N_LEX);
      return NULL;
    }
  /* A word longer than any key (255 bytes) starts none. */
  if (end - a < 256)
    f = evl_ent_first_word (s->lex, h, end - a);
  if (f)
    memcpy (out, f->maxw, EVL_ENT_N_LEX);
  else
    memset (out, 0, EVL_ENT_N_LEX);
  return f;
}

/* word_fill() from the token's bytes, without the thread's cache. */
static void
word_fill_slow (const Scan *s, guint i, TokMemo *g)
{
  guint32 a = s->tok[i].span.start, b = s->tok[i].span.end;
  guint32 lim = MIN (s->text_len, a + 256), e = a;
  /* One pass: the first word's end and hash, and the hash of the token
   * alone when it runs on without a blank ('People' of 'People’s'). */
  guint32 h = EVL_ENT_WORD_HASH_INIT, hb = 0;
  for (; e < lim && !is_blank (s->text[e]); e++)
    {
      if (e == b)
        hb = h;
      h = evl_ent_word_hash_step (h, (guchar) s->text[e]);
    }
  g->fw_end = e;
  g->fw_hash = h;
  const EvlEntFirst *tf = first_word (s, a, e, h, g->fw);
  const guint8 *mw = g->fw;
  guint8 own[EVL_ENT_N_LEX];
  if (b < e)
    {
      tf = first_word (s, a, b, hb, own);
      mw = own;
    }
  memcpy (g->fw1, mw, EVL_ENT_N_LEX);
  /* The token alone is a first word of the lexicons (no blank in it): its
   * lookups were made when the table was built.  Saves a fold and up to
   * three probes per token: ~6 M of 120 M instructions of the stage on
   * the small corpus. */
  g->word = b <= e ? evl_ent_slot_word_at (s->lex, tf, s->text + a, b - a, s->text + s->text_len) : NULL;
  static const EvlEntLexId one[3] = { EVL_ENT_LEX_STOP, EVL_ENT_LEX_TITLES, EVL_ENT_LEX_CUES };
  EvlLexKey key;
  gboolean ready = FALSE;
  g->one[0] = g->one[1] = g->one[2] = NULL;
  for (guint l = 0; l < 3; l++)
    {
      if (!mw[one[l]] || !s->lex->by_id[one[l]])
        continue;
      if (g->word)
        {
          g->one[l] = g->word->one[one[l]];
          continue;
        }
      if (!ready && !evl_lex_key_init (&key, s->text + a, b - a))
        break;
      ready = TRUE;
      g->one[l] = evl_lexicon_lookup_key (s->lex->by_id[one[l]], &key);
    }
}

/* Fills MEMO_WORD of token @i: the token's first word and its lookups in
 * the single-word lexicons (stop words, titles, cues), one fold for all
 * and none when no form of them starts with the token.
 *
 * What it finds depends only on the bytes of the token's first word
 * [a, fw_end) and on the token's length (when it ends within that word),
 * so a thread keeps the answers for such words of at most 15 bytes in a
 * direct-mapped cache: most capitalised words come back (names within a
 * document, sentence starters across documents), and a hit costs the
 * blank search and one compare instead of the hash, two first-word
 * probes and the single-word lookups (~240 instructions a fill, 28 k
 * fills on the small corpus). */
static const TokMemo *
word_fill (const Scan *s, guint i)
{
  TokMemo *g = &s->memo[i];
  s->state[i] |= MEMO_WORD;
  guint32 a = s->tok[i].span.start, b = s->tok[i].span.end;
  WordSlot *ws = NULL;
  guint64 k0 = 0, k1 = 0;
  guint e_len = 16;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (b - a <= 16 && a + 16 <= s->text_len)
    {
      const char *p = s->text + a;
      guint64 x0 = evl_load64 (p), x1 = evl_load64 (p + 8);
      /* The first byte below 0x21 ends the word when it is a blank
       * (evl_swar_below() is exact for the first such byte); any other
       * control byte, or none within 16 bytes, takes the slow path. */
      guint64 m0 = evl_swar_below (x0, 0x21);
      if (m0)
        {
          e_len = (guint) __builtin_ctzll (m0) >> 3;
          k0 = x0 & ((G_GUINT64_CONSTANT (1) << (8 * e_len)) - 1);
        }
      else
        {
          guint64 m1 = evl_swar_below (x1, 0x21);
          k0 = x0;
          if (m1)
            {
              e_len = 8 + ((guint) __builtin_ctzll (m1) >> 3);
              k1 = x1 & ((G_GUINT64_CONSTANT (1) << (8 * (e_len - 8))) - 1);
            }
        }
      if (e_len < 16 && e_len > 0 && b - a <= e_len && is_blank (p[e_len]))
        {
          guint64 h = (k0 ^ (k1 * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)) ^ (e_len << 8 | (b - a)))
                      * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
          ws = &s->words[h >> (64 - WORD_CACHE_BITS)];
          if (ws->k0 == k0 && ws->k1 == k1 && ws->e_len == e_len && ws->b_len == b - a)
            {
              g->fw_end = a + e_len;
              g->fw_hash = ws->fw_hash;
              memcpy (g->fw, ws->fw, EVL_ENT_N_LEX);
              memcpy (g->fw1, ws->fw1, EVL_ENT_N_LEX);
              g->word = ws->word;
              g->one[0] = ws->one[0];
              g->one[1] = ws->one[1];
              g->one[2] = ws->one[2];
              return g;
            }
        }
    }
#endif
  word_fill_slow (s, i, g);
  if (ws)
    {
      ws->k0 = k0;
      ws->k1 = k1;
      ws->e_len = (guint8) e_len;
      ws->b_len = (guint8) (b - a);
      ws->fw_hash = g->fw_hash;
      memcpy (ws->fw, g->fw, EVL_ENT_N_LEX);
      memcpy (ws->fw1, g->fw1, EVL_ENT_N_LEX);
      ws->word = g->word;
      ws->one[0] = g->one[0];
      ws->one[1] = g->one[1];
      ws->one[2] = g->one[2];
    }
  return g;
}

G_ALWAYS_INLINE static inline const TokMemo *
word_at (const Scan *s, guint i)
{
  return (s->state[i] & MEMO_WORD) ? &s->memo[i] : word_fill (s, i);
}

/* one_bits() of a token of @n bytes (1-32) at @p, eight bytes a step. */
static guint
one_bits_long (const Scan *s, const char *p, guint32 n)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  const char *limit = s->text + s->text_len;
  guint64 head = 0;
  for (guint32 k = 0; k < n; k += 8)
    {
      guint32 m = MIN (n - k, 8u);
      guint64 x = evl_ent_load (p + k, m, limit);
      /* Bytes past the token read as 0xff: never below 0x21. */
      if (evl_swar_below (m < 8 ? x | (~G_GUINT64_CONSTANT (0) << (8 * m)) : x, 0x21))
        return EVL_ENT_ONE_ALL;
      if (k == 0)
        head = x;
    }
  return s->lex->one_bloom[evl_ent_one_slot (head, n)];
#else
  (void) s, (void) p, (void) n;
  return EVL_ENT_ONE_ALL;
#endif
}

/* The EvlEntLex.one_bloom bits of token @i: the single-word lexicons
 * (EVL_ENT_ONE_*) of which the token alone may be a key; all of them when
 * the filter cannot tell.  A token's key is its bytes lower-cased when it
 * has 1-255 bytes and none below 0x21 (evl_fold_key() changes nothing
 * else), so its slot is that of the key it would match.  Inline, a word
 * of at most eight bytes in one load: the loop and call were ~75
 * instructions a token (~37 k tokens on the small corpus). */
static inline guint
one_bits (const Scan *s, guint i)
{
  guint32 a = s->tok[i].span.start, n = EVL_SPAN_LEN (s->tok[i].span);
  if (n == 0 || n > 32)
    return EVL_ENT_ONE_ALL;
  const char *p = s->text + a;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (n <= 8 && a + 8 <= s->text_len)
    {
      /* As one_bits_long(): bytes past the token read as 0xff. */
      guint64 pad = n == 8 ? 0 : ~G_GUINT64_CONSTANT (0) << (8 * n);
      guint64 x = evl_load64 (p) | pad;
      if (evl_swar_below (x, 0x21))
        return EVL_ENT_ONE_ALL;
      return s->lex->one_bloom[evl_ent_one_slot (x & ~pad, n)];
    }
#endif
  return one_bits_long (s, p, n);
}

/* Token @i's state with its one_bits() known (MEMO_ONE). */
static inline guint
one_state (const Scan *s, guint i)
{
  guint st = s->state[i];
  if (!(st & MEMO_ONE))
    {
      st |= MEMO_ONE | (one_bits (s, i) << MEMO_ONE_SHIFT);
      s->state[i] = (guint8) st;
    }
  return st;
}

/* The single-word lexicon @id's entry for token @i alone (TokMemo.one),
 * filling MEMO_WORD only when the filter (one_bits()) cannot rule it
 * out: most words asked about are no stop word, title or cue, and the
 * fill was ~240 instructions a token (~30 k tokens on the small corpus). */
static G_GNUC_NO_INLINE const EvlLexEntry *
one_fill (const Scan *s, guint i, guint which)
{
  guint st = one_state (s, i);
  if (!((st >> MEMO_ONE_SHIFT) & (1u << which)))
    return NULL;
  return word_fill (s, i)->one[which];
}

G_ALWAYS_INLINE static inline const EvlLexEntry *
one_at (const Scan *s, guint i, EvlEntLexId id)
{
  static const guint8 one_index[EVL_ENT_N_LEX] = {
    [EVL_ENT_LEX_STOP] = 0, [EVL_ENT_LEX_TITLES] = 1, [EVL_ENT_LEX_CUES] = 2,
  };
  guint which = one_index[id];
  guint st = s->state[i];
  if (st & MEMO_WORD)
    return s->memo[i].one[which];
  if ((st & MEMO_ONE) && !((st >> MEMO_ONE_SHIFT) & (1u << which)))
    return NULL;
  return one_fill (s, i, which);
}

/* FALSE when token @i can start no title (title_at() finds none and no
 * cue of a title-mod kind starts there): from its single-word lookups
 * when MEMO_WORD has them, else when its one_bloom bits lack
 * EVL_ENT_ONE_TITLE_START.  Most words asked are neither a title nor such
 * a cue, and their cue and title lookups filled MEMO_WORD (~8 k fills on
 * the small corpus). */
static inline gboolean
title_may_start (const Scan *s, guint i)
{
  if (!is_word (s, i))
    return FALSE;
  if (s->state[i] & MEMO_WORD)
    return s->memo[i].one[1] != NULL
           || (evl_ent_cue_bits (s->lex, s->memo[i].one[2]) & (EVL_CUE_HAS_TITLE_START | EVL_CUE_HAS_TITLE_MOD));
  return ((one_state (s, i) >> MEMO_ONE_SHIFT) & EVL_ENT_ONE_TITLE_START) != 0;
}

/* lookup_tokens() of token @i alone in a single-word lexicon (stop words,
 * titles, cues), inline: asked ~60 k times on the small corpus, where the
 * call was ~20 instructions of the ~40 an answer costs once memoised. */
G_ALWAYS_INLINE static inline const EvlLexEntry *
lookup_one (const Scan *s, EvlEntLexId id, guint i)
{
  return is_word (s, i) ? one_at (s, i, id) : NULL;
}

/* TRUE when tokens [i, i + k) can form a key: words (abbreviations
 * included), a clitic ('People’s') only inside. */
G_ALWAYS_INLINE static inline gboolean
probe_tokens_ok (const Scan *s, guint i, guint k)
{
  if (i + k > s->s_end)
    return FALSE;
  for (guint j = i; j < i + k; j++)
    if (!is_word (s, j) && !(j > i && j + 1 < i + k && is_possessive (s, j)))
      return FALSE;
  return TRUE;
}

/* 1 when a blank separates token @j from the one before it (a word
 * boundary in a folded key), else 0. */
static inline guint
blank_gap (const Scan *s, guint j)
{
  return s->tok[j].span.start > s->tok[j - 1].span.end && is_blank (s->text[s->tok[j - 1].span.end]);
}

/* The fewest words the folded key of tokens [i, i + k) can have: one more
 * than the blank gaps between its tokens. */
static guint
probe_min_words (const Scan *s, guint i, guint k)
{
  guint n = 1;
  for (guint j = i + 1; j < i + k; j++)
    n += blank_gap (s, j);
  return n;
}

/* Sets @mw to the most words by lexicon of the forms starting with the
 * first word of tokens [i, i + k) (@tmp is room for it). */
static void
probe_first (const Scan *s, guint i, guint k, const guint8 **mw, guint8 tmp[EVL_ENT_N_LEX])
{
  const TokMemo *g = word_at (s, i);
  guint32 a = s->tok[i].span.start, b = s->tok[i + k - 1].span.end;
  if (k == 1)
    {
      *mw = g->fw1;
      return;
    }
  if (b < g->fw_end)
    {
      /* No blank in the key: it is its own first word. */
      guint32 h = EVL_ENT_WORD_HASH_INIT;
      for (guint32 p = a; p < b; p++)
        h = evl_ent_word_hash_step (h, (guchar) s->text[p]);
      first_word (s, a, b, h, tmp);
      *mw = tmp;
      return;
    }
  *mw = g->fw;
}

/* Prepares the key of tokens [i, i + k) in *@key; FALSE when it fits no
 * lexicon. */
static gboolean
probe_key (const Scan *s, guint i, guint k, EvlLexKey *key)
{
  guint32 a = s->tok[i].span.start, b = s->tok[i + k - 1].span.end;
  return evl_lex_key_init (key, s->text + a, b - a);
}

/* Looks up tokens [i, i + k) of the current sentence as one key in
 * lexicon @id. */
static const EvlLexEntry *
lookup_tokens (const Scan *s, EvlEntLexId id, guint i, guint k)
{
  const EvlLexicon *lex = s->lex->by_id[id];
  if (k == 1 && (id == EVL_ENT_LEX_STOP || id == EVL_ENT_LEX_TITLES || id == EVL_ENT_LEX_CUES))
    return lookup_one (s, id, i);
  if (lex == NULL || !probe_tokens_ok (s, i, k))
    return NULL;
  EvlLexKey key;
  const guint8 *mw;
  guint8 tmp[EVL_ENT_N_LEX];
  probe_first (s, i, k, &mw, tmp);
  if (probe_min_words (s, i, k) > mw[id])
    return NULL;
  if (k == 1 && s->memo[i].word)
    return s->memo[i].word->one[id];
  if (!probe_key (s, i, k, &key))
    return NULL;
  return evl_lexicon_lookup_key (lex, &key);
}

/* Longest match of lexicon @id starting at token @i, of at most @kmax
 * tokens: returns the number of tokens (0 when none) and the entry in
 * *@out. */
static guint
longest (const Scan *s, EvlEntLexId id, guint i, guint kmax, const EvlLexEntry **out)
{
  kmax = MIN (MIN (kmax, s->lex->max_tokens[id]), MAX_SPAN_WORDS);
  kmax = MIN (kmax, s->s_end - MIN (i, s->s_end));
  /* Probes of two tokens or more: lookup_tokens()'s filters (tokens that
   * can form a key, no more words than the longest form starting with the
   * first word) for every length in one pass, not once per length (titles
   * probed up to eight tokens were 5.4 M instructions on the small
   * corpus). */
  if (kmax >= 2 && s->lex->by_id[id] && is_word (s, i))
    {
      const TokMemo *g = word_at (s, i);
      /* Every probe's first word is the token's, and no form of the
       * lexicon starts with it: none matches, not even the token alone
       * (its memo lookups are skipped by the same filter). */
      if (s->tok[i].span.end >= g->fw_end && g->fw[id] == 0)
        return 0;
      /* Written for every k up to kmax below, so not cleared. */
      gboolean ok[MAX_SPAN_WORDS + 1];
      guint words[MAX_SPAN_WORDS + 1];
      gboolean inner = TRUE;
      for (guint k = 1; k <= kmax; k++)
        {
          guint j = i + k - 1;
          words[k] = k == 1 ? 1 : words[k - 1] + blank_gap (s, j);
          /* A probe past the first word with more words than its longest
           * form is skipped below, and so is every longer one (tokens are
           * in text order, as a probe's key assumes): not walked (~0.5 M
           * instructions on the small corpus). */
          if (words[k] > g->fw[id] && s->tok[j].span.end >= g->fw_end)
            {
              kmax = k - 1;
              break;
            }
          ok[k] = inner && is_word (s, j);
          inner = inner && (is_word (s, j) || (j > i && is_possessive (s, j)));
        }
      for (guint k = kmax; k >= 2; k--)
        {
          if (!ok[k])
            continue;
          const guint8 *mw = g->fw;
          guint8 tmp[EVL_ENT_N_LEX];
          if (s->tok[i + k - 1].span.end < g->fw_end)
            probe_first (s, i, k, &mw, tmp);
          EvlLexKey key;
          if (words[k] > mw[id] || !probe_key (s, i, k, &key))
            continue;
          const EvlLexEntry *e = evl_lexicon_lookup_key (s->lex->by_id[id], &key);
          if (e)
            {
              *out = e;
              return k;
            }
        }
      kmax = 1;
    }
  for (guint k = kmax; k >= 1; k--)
    {
      const EvlLexEntry *e = lookup_tokens (s, id, i, k);
      if (e)
        {
          *out = e;
          return k;
        }
    }
  return 0;
}

/* cue_is() for any @k but 1 (that is inline). */
static gboolean
cue_is_multi (const Scan *s, guint i, guint k, guint kind, guint *len_out)
{
  for (guint n = k; n >= 1; n--)
    {
      /* The token alone inline (lookup_tokens() would call it). */
      const EvlLexEntry *e = n == 1 ? lookup_one (s, EVL_ENT_LEX_CUES, i)
                                    : lookup_tokens (s, EVL_ENT_LEX_CUES, i, n);
      if (e && (evl_ent_cue_bits (s->lex, e) & kind))
        {
          if (len_out)
            *len_out = n;
          return TRUE;
        }
    }
  return FALSE;
}

/* The longest cue of at most @k tokens from @i whose kinds include @kind
 * (an EVL_CUE_* member bit): TRUE, its length in *@len_out.  Inline for
 * the token alone, most questions (~12 k on the small corpus, where the
 * call was a third of the answer). */
G_ALWAYS_INLINE static inline gboolean
cue_is (const Scan *s, guint i, guint k, guint kind, guint *len_out)
{
  if (k != 1)
    return cue_is_multi (s, i, k, kind, len_out);
  if (!(evl_ent_cue_bits (s->lex, lookup_one (s, EVL_ENT_LEX_CUES, i)) & kind))
    return FALSE;
  if (len_out)
    *len_out = 1;
  return TRUE;
}

/* How many tokens from @i a gazetteer name can span: capitalised words,
 * clitics and joiners ('of', 'the'), and at most one lower-case place head
 * at the end ('Korean peninsula', 'Amur region'). */
static guint
name_extent (const Scan *s, guint i)
{
  static const ShortWord joiners[] = {
    SHORT_WORD ("of"), SHORT_WORD ("the"), SHORT_WORD ("and"), SHORT_WORD ("for"), SHORT_WORD ("de"),
    SHORT_WORD ("al"), SHORT_WORD ("bin"), SHORT_WORD ("von"), SHORT_WORD ("van"), SHORT_WORD ("der"),
    SHORT_WORD ("da"), SHORT_WORD ("del"), SHORT_WORD ("la"), SHORT_WORD ("du"), SHORT_WORD ("es"),
  };
  guint j = i + 1;
  while (j < s->s_end && j - i < MAX_SPAN_WORDS)
    {
      const EvlToken *t = &s->tok[j];
      if ((t->flags & EVL_TOKEN_CAP) && (t->flags & EVL_TOKEN_WORD))
        {
          j++;
          continue;
        }
      if (is_possessive (s, j))
        {
          j++;
          continue;
        }
      if (!(t->flags & EVL_TOKEN_WORD))
        break;
      if (tok_len (s, j) <= 3 && tok_in (s, j, joiners, G_N_ELEMENTS (joiners)))
        {
          j++;
          continue;
        }
      if (cue_is (s, j, 1, EVL_CUE_LOC_HEAD, NULL))
        j++;
      break;
    }
  return j - i;
}

static gboolean
is_stopword (const Scan *s, guint i)
{
  return lookup_one (s, EVL_ENT_LEX_STOP, i) != NULL;
}

/* cue_is() of token @j alone, out of line: for the rules asked of few
 * tokens, so that their lookups add no inlined copy to the hot scan. */
static G_GNUC_NO_INLINE gboolean
cue_word (const Scan *s, guint j, guint kind)
{
  return cue_is (s, j, 1, kind, NULL);
}

/* ---- lower-case word set: 'Military Cooperation' is not a name when the
 * document also writes 'military cooperation' ---- */

/* The key of token @i for the set: its bytes lower-cased (ASCII), packed
 * with its length when it has at most seven bytes (exact), else a 64-bit
 * hash of them with the top bit set (as exact as the FNV-1a hash it
 * replaces).  Eight bytes a step: the byte-wise hash of every lower-case
 * word was ~7 M instructions on the small corpus. */
static guint64
lower_key_long (const char *p, gsize n, const char *lim)
{
  guint64 h = n;
  gsize k = 0;
  for (; k + 8 <= n; k += 8)
    {
      h = (h ^ evl_ent_chunk (p + k, 8, lim)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      h ^= h >> 29;
    }
  if (k < n)
    {
      h = (h ^ evl_ent_chunk (p + k, n - k, lim)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      h ^= h >> 29;
    }
  return h | (G_GUINT64_CONSTANT (1) << 63);
}

static inline guint64
lower_key (const char *p, gsize n, const char *lim)
{
  if (n <= 7)
    return evl_ent_chunk (p, n, lim) | ((guint64) n << 56);
  return lower_key_long (p, n, lim);
}

static inline guint32
lower_slot (const LowerSet *l, guint64 key)
{
  return (guint32) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> l->shift);
}

static inline gboolean
lower_used (const LowerSet *l, guint32 j)
{
  return (l->used[j >> 6] >> (j & 63)) & 1;
}

/* Token @t is one of the set's words: not capitalised, an ASCII
 * lower-case letter first. */
static inline gboolean
lower_member (const char *text, const EvlToken *t)
{
  return (t->flags & (EVL_TOKEN_WORD | EVL_TOKEN_CAP)) == EVL_TOKEN_WORD
         && (guint) ((guchar) text[t->span.start] - 'a') < 26u;
}

/* A cheap hash of a word's length and its first byte (@first_byte):
 * two words with the same key (lower_key()) have the same bucket. */
static inline guint32
lower_bucket (guint first_byte, gsize n)
{
  return ((guint32) n & 127u) << 5 | (first_byte & 31u);
}

static inline gboolean
lower_filter_has (const LowerSet *l, guint32 b)
{
  return (l->filter[b >> 6] >> (b & 63)) & 1;
}

/* The set holds only the lower-case words that may equal a word asked
 * about: one pass marks the buckets of the other word tokens and lists
 * the lower-case words with their buckets; only those in a marked bucket
 * are hashed and inserted.  Hashing and inserting every lower-case word
 * was ~8 M instructions on the small corpus for ~11 questions a
 * document. */
static void
lower_build (const Scan *s)
{
  LowerSet *l = s->lower;
  guint bits = 6;
  while ((1u << bits) < s->n_tok * 2)
    bits++;
  guint32 mask = (1u << bits) - 1;
  l->shift = 64 - bits;
  /* The arrays are the thread's (Scratch), grown for the document. */
  Scratch *sc = l->sc;
  if (mask + 1 > sc->cap_slots)
    {
      sc->cap_slots = mask + 1;
      g_free (sc->lower_keys);
      g_free (sc->lower_used);
      sc->lower_keys = g_new (guint64, sc->cap_slots);
      sc->lower_used = g_new (guint64, sc->cap_slots / 64);
    }
  if (s->n_tok > sc->cap_words)
    {
      sc->cap_words = s->n_tok;
      g_free (sc->lower_words);
      sc->lower_words = g_new (guint64, sc->cap_words);
    }
  l->keys = sc->lower_keys;
  l->used = sc->lower_used;
  memset (l->used, 0, (mask + 1) / 64 * sizeof (guint64));
  l->built = TRUE;
  const char *text = s->text, *lim = s->text + s->text_len;
  /* The lower-case words: token index, bucket in the high half. */
  guint64 *words = sc->lower_words;
  guint64 *wp = words;
  /* lower_bucket() and lower_member() of each word token, its flags and
   * first byte loaded once. */
  for (const EvlToken *t = s->tok, *te = s->tok + s->n_tok; t < te; t++)
    {
      guint f = t->flags;
      if (!(f & EVL_TOKEN_WORD))
        continue;
      guint32 a = t->span.start;
      guint c = (guchar) text[a];
      guint32 b = lower_bucket (c, t->span.end - a);
      if (!(f & EVL_TOKEN_CAP) && c - 'a' < 26u)
        *wp++ = (guint64) (t - s->tok) | (guint64) b << 32;
      else
        l->filter[b >> 6] |= G_GUINT64_CONSTANT (1) << (b & 63);
    }
  for (const guint64 *w = words, *we = wp; w < we; w++)
    {
      if (!lower_filter_has (l, (guint32) (*w >> 32)))
        continue;
      const EvlToken *t = &s->tok[(guint32) *w];
      guint64 key = lower_key (text + t->span.start, EVL_SPAN_LEN (t->span), lim);
      guint32 j = lower_slot (l, key);
      while (lower_used (l, j) && l->keys[j] != key)
        j = (j + 1) & mask;
      l->keys[j] = key;
      l->used[j >> 6] |= G_GUINT64_CONSTANT (1) << (j & 63);
    }
}

/* lower_list()'s bucket of a word of @n bytes whose first and last bytes
 * are @first and @last: two words equal but for ASCII case have the same
 * one (bit 5 of a byte is its ASCII case). */
#define LOWER_NONE G_MAXUINT32
static inline guint32
lower_list_bucket (guint first, guint last, guint32 n)
{
  return (first & 31u) | ((last ^ n) & 31u) << 5;
}

/* Lists the document's lower-case words by bucket, in one pass that
 * reads a token's flags and two bytes and hashes nothing: most questions
 * find their answer in a short list (the set, lower_build(), hashed and
 * inserted ~25 k words on the small corpus for ~4 k questions). */
static void
lower_list (const Scan *s)
{
  LowerSet *l = s->lower;
  Scratch *sc = l->sc;
  if (s->n_tok > sc->cap_next)
    {
      sc->cap_next = s->n_tok;
      g_free (sc->lower_next);
      sc->lower_next = g_new (guint32, sc->cap_next);
    }
  guint32 *head = sc->lower_head, *next = sc->lower_next;
  memset (head, 0xff, sizeof sc->lower_head);
  const char *text = s->text;
  const EvlToken *tok = s->tok;
  /* Empty tokens are left out: no question of length 0 comes here.
   * Unrolled: the loop's own counting and test, on every token of the
   * document, were ~0.2 M instructions on the small corpus (clang takes
   * the pragma too). */
#pragma GCC unroll 4
  for (guint32 j = 0, n = s->n_tok; j < n; j++)
    {
      guint32 a = tok[j].span.start, b = tok[j].span.end;
      if ((tok[j].flags & (EVL_TOKEN_WORD | EVL_TOKEN_CAP)) != EVL_TOKEN_WORD
          || (guint) ((guchar) text[a] - 'a') >= 26u || b == a)
        continue;
      guint32 h = lower_list_bucket ((guchar) text[a], (guchar) text[b - 1], b - a);
      next[j] = head[h];
      head[h] = j;
    }
  l->head = head;
  l->next = next;
  l->listed = TRUE;
}

/* The @n bytes at @p and @q are equal but for ASCII case. */
static inline gboolean
lower_equal (const char *p, const char *q, gsize n, const char *lim)
{
  for (gsize k = 0; k < n; k += 8)
    {
      gsize m = MIN (n - k, 8);
      if (evl_ent_chunk (p + k, m, lim) != evl_ent_chunk (q + k, m, lim))
        return FALSE;
    }
  return TRUE;
}

/* Token @i's word is written in lower case somewhere (a linear walk: for
 * tokens the set's filter does not cover, which are not words). */
static gboolean
lower_scan (const Scan *s, guint i)
{
  const char *p = tok_text (s, i);
  gsize n = tok_len (s, i);
  for (const EvlToken *t = s->tok, *te = s->tok + s->n_tok; t < te; t++)
    if (EVL_SPAN_LEN (t->span) == n && lower_member (s->text, t))
      {
        gsize k = 0;
        while (k < n
               && evl_ent_ascii_lower ((guchar) p[k])
                    == evl_ent_ascii_lower ((guchar) s->text[t->span.start + k]))
          k++;
        if (k == n)
          return TRUE;
      }
  return FALSE;
}

/* The most words lower_has() compares in a list before it builds the
 * set: a document of many words alike (the same length, first and last
 * letters) stays linear. */
#define LOWER_WALK_MAX 48

/* The document writes token @i's word in lower case.  The lists are made
 * on the first question (some documents ask none), the set only when a
 * list is long. */
static gboolean
lower_has (const Scan *s, guint i)
{
  if (lower_member (s->text, &s->tok[i]))
    return TRUE;
  if (!(s->tok[i].flags & EVL_TOKEN_WORD))
    return lower_scan (s, i);
  LowerSet *l = s->lower;
  gsize n = tok_len (s, i);
  if (!l->built && n > 0)
    {
      if (!l->listed)
        lower_list (s);
      const char *p = tok_text (s, i), *lim = s->text + s->text_len;
      guint walked = 0;
      guint32 j = l->head[lower_list_bucket ((guchar) p[0], (guchar) p[n - 1], (guint32) n)];
      for (; j != LOWER_NONE && walked < LOWER_WALK_MAX; j = l->next[j], walked++)
        if (EVL_SPAN_LEN (s->tok[j].span) == n && lower_equal (p, s->text + s->tok[j].span.start, n, lim))
          return TRUE;
      if (j == LOWER_NONE)
        return FALSE;
    }
  if (!l->built)
    lower_build (s);
  guint64 key = lower_key (tok_text (s, i), tok_len (s, i), s->text + s->text_len);
  guint32 mask = (guint32) (G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFFFF) >> l->shift);
  for (guint32 j = lower_slot (l, key); lower_used (l, j); j = (j + 1) & mask)
    if (l->keys[j] == key)
      return TRUE;
  return FALSE;
}

/* ---- gazetteer matching ---- */

/* Short all-letter forms ('US', 'WHO', 'AU') count only in capitals, so
 * that 'us' or 'Who' at a sentence start are not organisations. */
static gboolean
case_ok (const Scan *s, guint i, guint k)
{
  if (!is_cap (s, i))
    return FALSE;
  gsize n = tok_len (s, i);
  if (k != 1 || n > 3)
    return TRUE;
  /* No memchr() call for at most three bytes: gaz_memo_match() calls
   * nothing. */
  const char *t = tok_text (s, i);
  for (gsize c = 0; c < n; c++)
    if (t[c] == '.')
      return TRUE;
  return (s->tok[i].flags & EVL_TOKEN_ALLCAPS) != 0;
}

/* Fills MEMO_GAZ of token @i: for each gazetteer its longest match from
 * @i, longest first, one fold of each probe for the four of them. */
static inline TokMemo *
memo_clear (const Scan *s, guint i)
{
  TokMemo *g = &s->memo[i];
  s->state[i] |= MEMO_GAZ;
  for (guint l = 0; l < 4; l++)
    {
      g->k[l] = 0;
      g->e[l] = NULL;
      g->demonym[l] = -1;
    }
  return g;
}

/* TRUE when token @i starts no gazetteer form (memo_fill() would find no
 * match): the token is its first word and no form starts with that. */
static inline gboolean
gaz_none_from (const Scan *s, guint i)
{
  const TokMemo *w = word_at (s, i);
  guint32 fw;
  memcpy (&fw, w->fw, sizeof fw);
  return fw == 0 && s->tok[i].span.end >= w->fw_end;
}

/* FALSE when no form of any lexicon starts with the first two words of
 * the text from token @i (@w its word memo; its first word ends at a
 * blank): then no probe from @i that takes in the whole second word, up
 * to *@sw_end, can match.  Most multi-word probes of the gazetteers were
 * a capitalised first word of some name followed by any other word
 * ('North said'), each a fold and up to four lookups. */
static gboolean
pair_known (const Scan *s, guint i, const TokMemo *w, guint32 *sw_end)
{
  const char *t = s->text;
  guint32 a = s->tok[i].span.start, p = w->fw_end, n = s->text_len;
  while (p < n && is_blank (t[p]))
    p++;
  guint32 e = p;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  /* Most second words end at a blank within eight bytes: found in one
   * load (evl_swar_below() is exact for the first byte below 0x21). */
  guint64 below = p + 8 <= n ? evl_swar_below (evl_load64 (t + p), 0x21) : 0;
  if (below && is_blank (t[p + ((guint) __builtin_ctzll (below) >> 3)]))
    e = p + ((guint) __builtin_ctzll (below) >> 3);
  else
#endif
    while (e < n && !is_blank (t[e]))
      e++;
  *sw_end = e;
  if (e == p)
    return TRUE;
  guint32 b = evl_ent_pair_slot (w->fw_hash, w->fw_end - a, evl_ent_chunk (t + p, MIN (e - p, 8), t + n),
                                 e - p);
  return (s->lex->pair_bloom[b >> 6] >> (b & 63)) & 1;
}

static const TokMemo *
memo_fill (const Scan *s, guint i)
{
  TokMemo *g = memo_clear (s, i);
  const TokMemo *w = word_at (s, i);
  /* Every probe from here shares the token's first word unless the token
   * runs on without a blank ('People’s'). */
  gboolean shared = s->tok[i].span.end >= w->fw_end;
  guint most = MAX (MAX (w->fw[0], w->fw[1]), MAX (w->fw[2], w->fw[3]));
  if (shared && most == 0)
    return g;
  if (!shared && !is_word (s, i + 1) && !is_possessive (s, i + 1))
    {
      EvlLexKey key;
      gboolean ready = FALSE;
      if (!is_word (s, i))
        return g;
      /* 'Korea,': no probe of two tokens or more can form a key
       * (probe_tokens_ok()), so only the token alone is asked, with its
       * own first word (a fifth of the fills on the small corpus went
       * through the general path below for it). */
      for (guint l = 0; l < 4; l++)
        {
          if (w->fw1[l] == 0 || s->lex->max_tokens[l] == 0)
            continue;
          const EvlLexEntry *e;
          if (w->word)
            e = w->word->one[l];
          else
            {
              if (!ready && !probe_key (s, i, 1, &key))
                break;
              ready = TRUE;
              e = evl_lexicon_lookup_key (s->lex->by_id[l], &key);
            }
          if (e)
            {
              g->k[l] = 1;
              g->e[l] = e;
            }
        }
      return g;
    }
  /* When no form starts with the token's first two words, no probe that
   * takes in the whole second word can match: the probes end before it,
   * at most @cap tokens (most often the token alone: 'North said'; tokens
   * are in text order). */
  guint cap = MAX_SPAN_WORDS;
  guint32 sw_end;
  if (shared && most >= 2 && !pair_known (s, i, w, &sw_end))
    for (cap = 0; cap < MAX_SPAN_WORDS && i + cap < s->s_end && s->tok[i + cap].span.end < sw_end; cap++)
      ;
  /* When only one-word forms start with it, only the token alone can
   * match (any longer probe has a blank gap, hence two words): no need
   * for the name's extent, nor when only the token alone is probed. */
  guint extent = (shared && most == 1) || cap <= 1 ? 1 : name_extent (s, i);
  /* kmax4: the most tokens of a match of gazetteer l (at most 8), byte l. */
  guint32 kmax4 = 0;
  guint top = 0;
  for (guint l = 0; l < 4; l++)
    {
      /* +2: a clitic ('People’s') is a token of its own but no word. */
      guint kmax = MIN (extent, s->lex->max_tokens[l]);
      kmax4 |= (guint32) kmax << (8 * l);
      top = MAX (top, kmax);
    }
  top = MIN (MIN (top, s->s_end - MIN (i, s->s_end)), cap);
  /* ok[k]: tokens [i, i + k) can form a key (probe_tokens_ok());
   * n_words[k]: their probe_min_words(), one pass for every k up to
   * @filled, past which no k can (the arrays are not cleared: ~15
   * instructions a fill). */
  gboolean ok[MAX_SPAN_WORDS + 1];
  guint n_words[MAX_SPAN_WORDS + 1];
  guint filled = 0;
  for (guint k = 1, inner = TRUE; k <= top && inner; k++)
    {
      guint j = i + k - 1;
      ok[k] = is_word (s, j);
      inner = ok[k] || (j > i && is_possessive (s, j));
      n_words[k] = k == 1 ? 1 : n_words[k - 1] + blank_gap (s, j);
      filled = k;
    }
  for (guint k = filled; k >= 1; k--)
    {
      if (!ok[k])
        continue;
      EvlLexKey key;
      const guint8 *mw;
      guint8 tmp[EVL_ENT_N_LEX];
      guint words = n_words[k];
      if (shared)
        {
          /* Every probe's first word is the token's (probe_first()):
           * none of more words than its longest form (~1 M instructions
           * of probes on the small corpus). */
          if (words > most)
            continue;
          mw = w->fw;
        }
      else
        probe_first (s, i, k, &mw, tmp);
      /* The gazetteers l still without a match, with matches of k tokens
       * and forms of this many words from this first word: the high bit
       * of byte l, the four tests at once (byte by byte they were ~0.4 M
       * instructions on the small corpus).  Every byte compared is below
       * 0x80 (mw[] capped at 0x7f, words and k at most 8): no borrow
       * crosses a byte. */
      guint32 found4, mw4;
      memcpy (&found4, g->k, 4);
      memcpy (&mw4, mw, 4);
      /* Byte l at bits 8 l, as in kmax4, whatever the byte order. */
      found4 = GUINT32_FROM_LE (found4);
      mw4 = GUINT32_FROM_LE (mw4);
      mw4 = (mw4 | ((mw4 & 0x80808080u) >> 7) * 0x7fu) & 0x7f7f7f7fu;
      guint32 cand = ((kmax4 | 0x80808080u) - k * 0x01010101u) & ((mw4 | 0x80808080u) - words * 0x01010101u)
                     & (0x80808080u - found4) & 0x80808080u;
      gboolean ready = FALSE;
      for (; cand; cand &= cand - 1)
        {
          guint l = (guint) __builtin_ctz (cand) >> 3;
          const EvlLexEntry *e;
          if (k == 1 && w->word)
            e = w->word->one[l];
          else
            {
              if (!ready && !probe_key (s, i, k, &key))
                break;
              ready = TRUE;
              e = evl_lexicon_lookup_key (s->lex->by_id[l], &key);
            }
          if (e)
            {
              g->k[l] = (guint8) k;
              g->e[l] = e;
            }
        }
    }
  return g;
}

static inline const TokMemo *
memo_at (const Scan *s, guint i)
{
  return (s->state[i] & MEMO_GAZ) ? &s->memo[i] : memo_fill (s, i);
}

static gboolean gaz_at (const Scan *s, guint i, gboolean people, GazMatch *m);
static gboolean gaz_at_memo (const Scan *s, guint i, gboolean people, GazMatch *m, gboolean article);

static const EvlGazKind gaz_kinds[4] = { EVL_GAZ_COUNTRY, EVL_GAZ_PLACE, EVL_GAZ_ORG, EVL_GAZ_PERSON };

/* gaz_at_slow() at "the" (@g: its memo), before a capital: 'the North',
 * 'the West', forms that only exist with the article, unless a longer
 * name starts after it ('the North Korean delegation').  Not inline: the
 * recursion made every call of gaz_at_slow() save more registers. */
static G_GNUC_NO_INLINE gboolean
gaz_after_the (const Scan *s, guint i, gboolean people, const TokMemo *g, GazMatch *m)
{
  GazMatch next;
  if (!gaz_at (s, i + 1, people, &next))
    for (guint l = 0; l < 3; l++)
      {
        guint k = g->k[l];
        if (k > 1 && i + k > m->end)
          {
            m->entry = g->e[l], m->kind = gaz_kinds[l], m->start = i, m->end = i + k;
            m->with_the = TRUE;
          }
      }
  return m->entry != NULL;
}

G_ALWAYS_INLINE static inline gboolean
gaz_at_slow (const Scan *s, guint i, gboolean people, GazMatch *m)
{
  memset (m, 0, sizeof *m);
  if (i >= s->s_end || !is_word (s, i))
    return FALSE;
  gboolean article = tok_is (s, i, "the");
  if (!article && !is_cap (s, i))
    return FALSE;
  /* "the" matches only before a capital (below): no probes from the
   * article otherwise ('the summit'). */
  if (article && !is_cap (s, i + 1))
    return FALSE;
  /* Most capitals asked start no gazetteer form: answered from the word
   * memo, without memo_fill()'s call (~16 k calls on the small corpus,
   * most of them this answer). */
  if (!article && !(s->state[i] & MEMO_GAZ) && gaz_none_from (s, i))
    {
      memo_clear (s, i);
      return FALSE;
    }
  return gaz_at_memo (s, i, people, m, article);
}

/* The match of a capitalised token @i (no article) whose gazetteer memo
 * is filled and has some match, into *@m (zeroed): a function that calls
 * nothing, so it saves no registers; asked again of the same tokens by
 * several rules (through gaz_at_slow() and gaz_at_memo() it was ~100
 * instructions a question, ~13 k on the small corpus). */
static G_GNUC_NO_INLINE gboolean
gaz_memo_match (const Scan *s, guint i, gboolean people, GazMatch *m)
{
  const TokMemo *g = &s->memo[i];
  for (guint l = 0; l < (people ? 4u : 3u); l++)
    {
      guint k = g->k[l];
      if (k > 0 && i + k > m->end && case_ok (s, i, k))
        {
          m->entry = g->e[l], m->kind = gaz_kinds[l], m->start = i, m->end = i + k;
          m->with_the = FALSE;
        }
    }
  return m->entry != NULL;
}

/* gaz_at_slow() from the token's gazetteer memo: a function of its own,
 * so that the quick answers above save no more registers than they use
 * (the entry and exit were ~45 instructions a call). */
static G_GNUC_NO_INLINE gboolean
gaz_at_memo (const Scan *s, guint i, gboolean people, GazMatch *m, gboolean article)
{
  const TokMemo *g = memo_at (s, i);
  if (article)
    return gaz_after_the (s, i, people, g, m);
  /* Most tokens asked match no gazetteer: the four lengths as one word
   * rule them out without the loop. */
  guint32 ks;
  memcpy (&ks, g->k, sizeof ks);
  if (ks == 0)
    return FALSE;
  return gaz_memo_match (s, i, people, m);
}

/* The gazetteer match at token @i into *@m (zeros when none): inline
 * for a token asked before that is no 'the' (the call was ~70
 * instructions, ~38 k calls on the small corpus).  Its memo is filled
 * only once it passed gaz_at_slow()'s tests (a capitalised word, or
 * 'the', three bytes). */
G_ALWAYS_INLINE static inline gboolean
gaz_at (const Scan *s, guint i, gboolean people, GazMatch *m)
{
  if (i < s->s_end && (s->state[i] & MEMO_GAZ) && tok_len (s, i) != 3)
    {
      guint32 ks;
      memcpy (&ks, s->memo[i].k, sizeof ks);
      memset (m, 0, sizeof *m);
      return ks != 0 && gaz_memo_match (s, i, people, m);
    }
  return gaz_at_slow (s, i, people, m);
}

/* gaz_at() out of line, for rules asked of few runs: the inline copies
 * stay in the scanner's busy paths. */
static G_GNUC_NO_INLINE gboolean
gaz_at_rare (const Scan *s, guint i, gboolean people, GazMatch *m)
{
  return gaz_at (s, i, people, m);
}

static EvlSpan
span_of (const Scan *s, guint a, guint b)
{
  EvlSpan sp = { s->tok[a].span.start, s->tok[b - 1].span.end };
  return sp;
}

/* The text of country or place match @m is one of the forms of its
 * entry's attribute @attr. */
static gboolean
match_is (const Scan *s, const GazMatch *m, EvlEntAttrId attr)
{
  guint32 a = s->tok[m->start].span.start, b = s->tok[m->end - 1].span.end;
  guint l = m->kind == EVL_GAZ_COUNTRY ? 0 : 1;
  return evl_ent_forms_has (s->lex, attr, l, m->entry, s->text + a, b - a);
}

/* (transfer none) Room for one more candidate, counted (Scan.cands). */
static EvlCand *
cand_slot (Scan *s)
{
  if (s->n_cands == s->cands->len)
    g_array_set_size (s->cands, MAX (64u, s->cands->len * 2));
  return &g_array_index (s->cands, EvlCand, s->n_cands++);
}

static EvlCand *
add_cand (Scan *s, guint a, guint b, EvlCandKind kind, EvlEntityType type)
{
  /* Written in place (the other fields zero): no copy of the record
   * through g_array_append_vals(). */
  EvlCand *c = cand_slot (s);
  *c = (EvlCand) {
    .span = span_of (s, a, b),
    .sentence = s->sentence,
    .tok0 = a, .tok1 = b,
    .kind = kind,
    .type = type,
    .heading = s->heading,
    .cluster = -1,
  };
  return c;
}

static EvlEntityType
gaz_type (EvlGazKind k)
{
  switch (k)
    {
    case EVL_GAZ_PERSON: return EVL_ENTITY_PERSON;
    case EVL_GAZ_ORG: return EVL_ENTITY_ORGANIZATION;
    default: return EVL_ENTITY_LOCATION;
    }
}

/* A capital is its country's government unless a place preposition or
 * travel to it comes before it ('from Pyongyang', 'flew to Tokyo'). */
static gboolean
capital_is_actor (const Scan *s, guint i)
{
  if (i == 0 || s->tok[i - 1].sentence != s->sentence)
    return TRUE;
  if (cue_is (s, i - 1, 1, EVL_CUE_PLACE_PREP, NULL))
    return FALSE;
  /* 'flew to Tokyo', 'a visit to Pyongyang' (but 'supplied weapons to
   * Pyongyang' is the government). */
  return !(tok_is (s, i - 1, "to") && i >= 2 && s->tok[i - 2].sentence == s->sentence
           && cue_is (s, i - 2, 1, EVL_CUE_MOTION, NULL));
}

/* Emits the candidate for a gazetteer match (not a demonym). */
static EvlCand *
emit_gaz (Scan *s, const GazMatch *m)
{
  EvlCandKind kind = EVL_CAND_GAZ;
  if (m->kind == EVL_GAZ_COUNTRY && match_is (s, m, EVL_ENT_ATTR_CONTEXT))
    kind = EVL_CAND_CONTEXT;
  else if (m->kind == EVL_GAZ_COUNTRY && match_is (s, m, EVL_ENT_ATTR_CAPITAL))
    kind = EVL_CAND_CAPITAL;
  EvlCand *c = add_cand (s, m->start, m->end, kind, gaz_type (m->kind));
  c->gaz = m->entry;
  c->gaz_kind = m->kind;
  if (kind == EVL_CAND_CAPITAL)
    c->actor = capital_is_actor (s, m->start) || is_possessive (s, m->end);
  return c;
}

static gboolean
is_demonym (const Scan *s, const GazMatch *m)
{
  if (m->kind != EVL_GAZ_COUNTRY && m->kind != EVL_GAZ_PLACE)
    return FALSE;
  /* Memoised with the token's gazetteer matches: asked by several rules. */
  TokMemo *g = &s->memo[m->start];
  guint l = m->kind == EVL_GAZ_COUNTRY ? 0 : 1;
  if (!(s->state[m->start] & MEMO_GAZ) || g->e[l] != m->entry || m->start + g->k[l] != m->end)
    return match_is (s, m, EVL_ENT_ATTR_DEMONYM);
  if (g->demonym[l] < 0)
    g->demonym[l] = match_is (s, m, EVL_ENT_ATTR_DEMONYM) ? 1 : 0;
  return g->demonym[l] == 1;
}

/* ---- capitalised runs ---- */

/* Extends a run of capitalised words from @i: connectors ('of', 'for',
 * 'the') are taken when a capitalised word follows; a possessive ends the
 * run. */
/* One past the name word at @j: "O'Connor" comes as three adjacent
 * tokens (O, ', Connor). */
static guint
piece_end (const Scan *s, guint j)
{
  if (j + 2 < s->s_end && tok_len (s, j) <= 2 && is_cap (s, j + 2)
      && (tok_eq (s, j + 1, "'") || tok_eq (s, j + 1, "\xe2\x80\x99"))
      && s->tok[j].span.end == s->tok[j + 1].span.start
      && s->tok[j + 1].span.end == s->tok[j + 2].span.start)
    return j + 3;
  return j + 1;
}

/* 'Britain-based', 'Kremlin-backed', 'Arabic-language': a capitalised
 * compound that is a modifier, not a name. */
static gboolean
is_modifier_compound (const Scan *s, guint i)
{
  const char *p = tok_text (s, i);
  gsize n = tok_len (s, i);
  /* The last '-' before any NUL (what g_strrstr_len (p, n, "-") finds),
   * in one inline pass: the call was ~150 instructions a word.  A word
   * of at most eight bytes in one load: the byte loop was ~65
   * instructions a word (~8 k words on the small corpus). */
  const char *dash = NULL;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (n <= 8 && s->tok[i].span.start + 8 <= s->text_len)
    {
      /* Bytes past the token read as 0xff: neither NUL nor '-'. */
      guint64 x = evl_load64 (p) | (n == 8 ? 0 : ~G_GUINT64_CONSTANT (0) << (8 * n));
      guint64 d = evl_swar_eq (x, '-'), z = evl_swar_eq (x, 0);
      if (z)
        d &= (z & -z) - 1;   /* the bytes before the first NUL */
      if (d == 0)
        return FALSE;
      dash = p + ((63 - __builtin_clzll (d)) >> 3);
    }
  else
#endif
    for (gsize k = 0; k < n && p[k]; k++)
      if (p[k] == '-')
        dash = p + k;
  if (dash == NULL || !g_ascii_islower (dash[1]))
    return FALSE;
  gsize tail = n - (dash + 1 - p);
  return (tail > 3 && p[n - 2] == 'e' && p[n - 1] == 'd')
         || (tail == 4 && (strncmp (dash + 1, "born", 4) == 0 || strncmp (dash + 1, "made", 4) == 0))
         || (tail == 3 && (strncmp (dash + 1, "led", 3) == 0 || strncmp (dash + 1, "run", 3) == 0))
         || (tail == 8 && strncmp (dash + 1, "language", 8) == 0);
}

/* A title of two words or more starts at @j - 1 and runs over @j
 * ('District Attorney', 'Police Commissioner'); asked only where a run
 * breaks. */
static G_GNUC_NO_INLINE gboolean
title_starts_before (const Scan *s, guint j)
{
  const EvlLexEntry *t;
  return cue_word (s, j - 1, EVL_CUE_HAS_TITLE_START)
         && longest (s, EVL_ENT_LEX_TITLES, j - 1, MAX_SPAN_WORDS, &t) >= 2;
}

/* The run from @i, at possessive @j, starts with a place prefix ('St.')
 * and a place's or organisation's head follows the possessive; asked only
 * at a possessive. */
static G_GNUC_NO_INLINE gboolean
saints_building (const Scan *s, guint i, guint j)
{
  return j == i + 2 && j + 1 < s->s_end && is_cap (s, j + 1)
         && cue_word (s, i, EVL_CUE_LOC_PREFIX) && cue_word (s, j + 1, EVL_CUE_LOC_HEAD | EVL_CUE_ORG_HEAD);
}

/* 'Tomb of the Unknown Soldier', 'University of the Philippines': a
 * place's prefix or organisation's head @i alone before 'of the' +
 * capital starts the name ('Edward Morse of the Energy Intelligence
 * Group' does not).  Only these: the run they start is an organisation
 * or a place, never cut at its connectors and scanned again. */
static G_GNUC_NO_INLINE gboolean
head_of_the (const Scan *s, guint i)
{
  return i + 3 < s->s_end && tok_is (s, i + 1, "of") && tok_is (s, i + 2, "the") && is_cap (s, i + 3)
         && !(s->tok[i + 3].flags & EVL_TOKEN_QUOTE)
         && cue_word (s, i, EVL_CUE_ORG_HEAD | EVL_CUE_LOC_PREFIX);
}

/* Acronyms ('TWA', 'NATO') don't run on into Title Case words; initials
 * ('F.') and roman numerals ('III') do. */
static gboolean
is_acronym (const Scan *s, guint i)
{
  if (!(s->tok[i].flags & EVL_TOKEN_ALLCAPS) || tok_len (s, i) < 2
      || memchr (tok_text (s, i), '.', tok_len (s, i)))
    return FALSE;
  for (gsize k = 0; k < tok_len (s, i); k++)
    if (!strchr ("IVX", tok_text (s, i)[k]))
      return TRUE;
  return FALSE;
}

/* A word that ends a run before it: a title ('... Colonel Collins'), a
 * stop word ('Court Friday'), a modifier compound. */
G_ALWAYS_INLINE static inline gboolean
breaks_run (const Scan *s, guint j)
{
  return is_modifier_compound (s, j) || is_stopword (s, j)
         || lookup_one (s, EVL_ENT_LEX_TITLES, j) != NULL;
}

/* Extends a run of capitalised words from @i: connectors ('of', 'for',
 * 'the') are taken when a capitalised word follows; a possessive ends the
 * run, and so do breaks_run() words and a change between acronyms and
 * Title Case words ('Steven Snyder TWA'). */
static guint
cap_run (const Scan *s, guint i, guint limit)
{
  /* A gazetteer match can end the sentence ('MOSCOW'): nothing to extend. */
  if (i >= s->s_end)
    return i;
  guint j = i;
  gboolean acronym = is_acronym (s, i);
  while (j < s->s_end && j - i < limit)
    {
      if (is_cap (s, j) && !(s->tok[j].flags & EVL_TOKEN_QUOTE))
        {
          /* A club's letters join its place's name ('AC Milan',
           * 'Barcelona FC'); other letters do not ('Real GDP'). */
          if (j > i && ((is_acronym (s, j) != acronym
                         && !cue_is (s, acronym ? j - 1 : j, 1, EVL_CUE_CLUB, NULL))
                        || breaks_run (s, j)))
            {
              /* 'Erie County District Attorney Frank Clark': a title
               * that starts a word before the break is the title's, not
               * the name's. */
              if (j - 1 > i && title_starts_before (s, j))
                j--;
              break;
            }
          j = piece_end (s, j);
          if (is_possessive (s, j))
            {
              /* 'St. Patrick's Cathedral', 'St. Mary's Hospital': a
               * saint's possessive before a place's or organisation's
               * head is inside the name. */
              if (saints_building (s, i, j))
                {
                  j++;
                  continue;
                }
              break;
            }
          continue;
        }
      /* The capital after it first: most words after a run are followed
       * by none, and the cue lookup was the costly test (~0.3 M
       * instructions on the small corpus). */
      guint k = 0;
      if (j > i && is_word (s, j) && !is_cap (s, j) && is_cap (s, j + 1)
          && cue_is (s, j, 1, EVL_CUE_CONNECTOR, &k))
        {
          j++;
          continue;
        }
      break;
    }
  /* Never end on a connector. */
  while (j > i && !is_cap (s, j - 1))
    j--;
  return j;
}

/* A sports club's word ('United', 'Real', 'FC') makes a run an
 * organisation as an org-head does, the place in it too: 'Real Madrid' is
 * neither Madrid nor Spain. */
static gboolean
has_org_head (const Scan *s, guint a, guint b)
{
  for (guint j = a; j < b; j++)
    if (is_cap (s, j) && cue_is (s, j, MIN (2, b - j), EVL_CUE_ORG_HEAD | EVL_CUE_CLUB, NULL))
      return TRUE;
  return FALSE;
}

/* A word of [a, b) is a sports club's cue ('United', 'FC'). */
static G_GNUC_NO_INLINE gboolean
has_club (const Scan *s, guint a, guint b)
{
  for (guint j = a; j < b; j++)
    if (is_cap (s, j) && cue_is (s, j, 1, EVL_CUE_CLUB, NULL))
      return TRUE;
  return FALSE;
}

/* The EVL_OWN_* bits of organisation [a, b): a sports club ('Leeds
 * United'), a name ending in a public body's or society's head ('Buffalo
 * Shooting Club', 'Truman Presidential Library').  A firm's name is left
 * out: 'Alaska said' after 'Alaska Airlines' may be the airline. */
static guint8
names_own_place (const Scan *s, guint a, guint b)
{
  return (has_club (s, a, b) ? EVL_OWN_CLUB : 0) | (b > a && cue_word (s, b - 1, EVL_CUE_BODY) ? EVL_OWN_BODY : 0);
}

static gboolean
ends_loc_head (const Scan *s, guint a, guint b)
{
  if (b - a >= 2 && cue_is (s, b - 2, 2, EVL_CUE_LOC_HEAD, NULL))
    return TRUE;
  return b - a >= 2 && cue_is (s, b - 1, 1, EVL_CUE_LOC_HEAD, NULL);
}

/* Token @j's word is written elsewhere in the document after a capitalised
 * word other than token @prev's: part of another name ('in Vietnam Rubin
 * said' after 'Robert Rubin').  A linear walk, asked only of the rare
 * runs place_runs_on() would otherwise take. */
static G_GNUC_NO_INLINE gboolean
in_other_name (const Scan *s, guint j, guint prev)
{
  const char *w = tok_text (s, j), *p = tok_text (s, prev);
  gsize n = tok_len (s, j), pn = tok_len (s, prev);
  for (guint t = 1; t < s->n_tok; t++)
    {
      const EvlToken *a = &s->tok[t - 1], *b = &s->tok[t];
      if (t == j || EVL_SPAN_LEN (b->span) != n || memcmp (s->text + b->span.start, w, n) != 0
          || a->sentence != b->sentence
          || (a->flags & (EVL_TOKEN_WORD | EVL_TOKEN_CAP)) != (EVL_TOKEN_WORD | EVL_TOKEN_CAP))
        continue;
      if (EVL_SPAN_LEN (a->span) != pn || memcmp (s->text + a->span.start, p, pn) != 0)
        return TRUE;
    }
  return FALSE;
}

/* Token @j's word is written elsewhere in the document alone before a
 * verb of speech, as people's surnames are and the words after a place
 * in a company's name are not ('Peterson said' after 'Jordan Peterson').
 * A linear walk, asked only of the rare runs place_runs_on() takes. */
static G_GNUC_NO_INLINE gboolean
speaks_alone (const Scan *s, guint j)
{
  const char *w = tok_text (s, j);
  gsize n = tok_len (s, j);
  for (guint t = 0; t + 1 < s->n_tok; t++)
    {
      const EvlToken *b = &s->tok[t], *c = &s->tok[t + 1];
      if (t == j || EVL_SPAN_LEN (b->span) != n || memcmp (s->text + b->span.start, w, n) != 0
          || c->sentence != b->sentence || (c->flags & (EVL_TOKEN_WORD | EVL_TOKEN_CAP)) != EVL_TOKEN_WORD
          || (t > 0 && s->tok[t - 1].sentence == b->sentence
              && (s->tok[t - 1].flags & (EVL_TOKEN_WORD | EVL_TOKEN_CAP)) == (EVL_TOKEN_WORD | EVL_TOKEN_CAP)))
        continue;
      const EvlLexEntry *cue = evl_lexicon_lookup (s->lex->cues, tok_text (s, t + 1), (gssize) tok_len (s, t + 1));
      if (evl_ent_cue_bits (s->lex, cue) & EVL_CUE_SPEECH)
        return TRUE;
    }
  return FALSE;
}

/* 'Baltic Wings', 'Atlantic Records': a place's name (@m, no demonym)
 * run on by the capitalised words [m->end, @b) in running text names an
 * organisation (a company, a team, a newspaper) even without an org-head
 * word, when those words are none of: a name of their own (gazetteer), a
 * stop word or title ('Moscow Tuesday', 'Texas Gov.'), a word the text
 * also writes in lower case, a place head ('Baltic Sea') or what ends a
 * law or event ('Paris Agreement'). */
static G_GNUC_NO_INLINE gboolean
place_runs_on (const Scan *s, const GazMatch *m, guint b)
{
  /* Title Case says nothing of names ('What America Didn't Want'). */
  if (s->heading || (m->kind != EVL_GAZ_COUNTRY && m->kind != EVL_GAZ_PLACE) || b - m->end > 3
      || cue_is (s, b - 1, 1, EVL_CUE_NOT_ENTITY, NULL))
    return FALSE;
  /* 'Washington DC', 'Portland OR': two capitals after a place are its
   * state's or district's code. */
  if (b == m->end + 1 && tok_len (s, m->end) == 2 && (s->tok[m->end].flags & EVL_TOKEN_ALLCAPS))
    return FALSE;
  /* 'ambassador to Norway Jane Doe': the place ends a title, and the
   * name after it is the holder's. */
  if (m->start >= 2 && s->tok[m->start - 2].sentence == s->sentence
      && (tok_is (s, m->start - 1, "to") || tok_is (s, m->start - 1, "in"))
      && lookup_one (s, EVL_ENT_LEX_TITLES, m->start - 2) != NULL)
    return FALSE;
  /* The run was cut before more of a name it does not understand: a
   * title ('US Assistant Secretary'), a connector or possessive before a
   * capital ('US House of Representatives', 'Sudan People's Liberation
   * Army'). */
  if (b < s->s_end && (is_cap (s, b) || (is_cap (s, b + 1) && !is_stopword (s, b + 1)
                                          && (is_possessive (s, b) || cue_is (s, b, 1, EVL_CUE_CONNECTOR, NULL)))))
    return FALSE;
  for (guint j = m->end; j < b; j++)
    {
      GazMatch g;
      if (!is_cap (s, j) || breaks_run (s, j) || title_may_start (s, j)
          || cue_is (s, j, 1, EVL_CUE_LOC_HEAD, NULL) || lower_has (s, j) || gaz_at (s, j, TRUE, &g))
        return FALSE;
    }
  /* Last: a walk over the document. */
  for (guint j = m->end; j < b; j++)
    if (in_other_name (s, j, m->end - 1))
      return FALSE;
  return TRUE;
}

/* A capitalised compound whose last part is a lower-case participle or
 * the like ('Cancer-stricken', 'Croat-held', 'Prize-winning',
 * 'Executive-designate'): a modifier, no part of a name.  Parts of two or
 * three letters, or of other endings, are names' ('Jong-un', 'Teng-hui',
 * 'Dae-jung'). */
static G_GNUC_NO_INLINE gboolean
compound_modifier_slow (const Scan *s, guint j)
{
  static const char *const ends[] = { "ed", "ing", "en", "eld", "designate", "elect" };
  const char *p = tok_text (s, j), *e = p + tok_len (s, j);
  const char *h = memchr (p, '-', tok_len (s, j));
  if (h == NULL)
    return FALSE;
  const char *w = h + 1;
  gsize n = (gsize) (e - w);
  if (n < 4)
    return FALSE;
  for (const char *q = w; q < e; q++)
    if (!g_ascii_islower (*q))
      return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
    if (has_suffix (w, n, ends[k]))
      return TRUE;
  return FALSE;
}

/* Asked of most capitalised runs' ends and of the word before them: the
 * capital and the length (a letter, '-', four letters) first, without a
 * call (the search for '-' in every such word was ~0.4 M instructions on
 * the small corpus). */
static inline gboolean
compound_modifier (const Scan *s, guint j)
{
  return is_cap (s, j) && tok_len (s, j) >= 6 && compound_modifier_slow (s, j);
}

/* Lower-case words that may carry on a name once it is recognised as a
 * place: 'Korean peninsula', 'Amur region'.  Not used for persons. */
G_ALWAYS_INLINE static inline gboolean
after_place_prep (const Scan *s, guint i)
{
  return i > 0 && s->tok[i - 1].sentence == s->sentence
         && cue_is (s, i - 1, 1, EVL_CUE_PLACE_PREP, NULL);
}

/* The EVL_CUE_* bits of the lower-case word at @j, 0 for any other
 * token. */
static inline guint
lower_cue_kinds (const Scan *s, guint j)
{
  return is_word (s, j) && !is_cap (s, j) ? evl_ent_cue_bits (s->lex, lookup_one (s, EVL_ENT_LEX_CUES, j)) : 0;
}

/* The name at @i follows a place preposition, or a kind of place in
 * apposition ('the capital Porto Lento', 'the town of Ostrava', 'the
 * state of Tamil Nadu': loc-of cues, which name a place only before
 * 'of': 'heads of state Jiang Zemin'): an unknown name there is a place,
 * where it would otherwise be read as a person's. */
static gboolean
place_context (const Scan *s, guint i)
{
  /* 'in Serb-held Banja Luka' */
  while (i > 0 && s->tok[i - 1].sentence == s->sentence && compound_modifier (s, i - 1))
    i--;
  if (after_place_prep (s, i))
    return TRUE;
  if (i >= 1 && s->tok[i - 1].sentence == s->sentence && (lower_cue_kinds (s, i - 1) & EVL_CUE_LOC_BEFORE))
    return TRUE;
  return i >= 2 && tok_is (s, i - 1, "of") && s->tok[i - 2].sentence == s->sentence
         && (lower_cue_kinds (s, i - 2) & (EVL_CUE_LOC_BEFORE | EVL_CUE_LOC_OF));
}

/* A name's own post, lower-case, before its holder's name: 'Kestrel chief
 * executive Helen Marsh', 'Aldane chairman Robert Finch' (org-of cues, a
 * 'chief' before them): a person holds no such post of a person, so the
 * name before it is an organisation's, at a sentence start too.  A word
 * alone so placed only types a name the text gives in full ('GE Life
 * chief executive' is no 'Life'): resolve_single(). */
static G_GNUC_NO_INLINE gboolean
org_title_after (const Scan *s, guint b)
{
  /* Asked of every capitalised run: the cheap tests first. */
  guint j = b;
  if (j + 1 >= s->s_end || s->tok[j + 1].sentence != s->sentence || is_cap (s, j))
    return FALSE;
  if (!is_cap (s, j + 1))
    {
      if (j + 2 >= s->s_end || s->tok[j + 2].sentence != s->sentence || !is_cap (s, j + 2)
          || !tok_is (s, j, "chief"))
        return FALSE;
      j++;
    }
  return !is_cap (s, j) && cue_is (s, j, 1, EVL_CUE_ORG_OF, NULL);
}

/* The capitalised name [a, b) stands where an organisation does: after a
 * noun whose complement is one ('shares of', 'a stake in', 'analysts at':
 * org-of cues), in apposition to a kind of organisation ('ferry operator
 * Nordlinja', 'carmaker Volvo': org-before cues), or mid-sentence before
 * one ('the Fjordair shares', 'Norvex's shareholders': org-after cues; at
 * a sentence start 'Energy shares' is a common noun).  @next:
 * lower_cue_kinds() of token @b. */
static gboolean
org_context (const Scan *s, guint a, guint b, guint next)
{
  if (a >= 1 && s->tok[a - 1].sentence == s->sentence && (lower_cue_kinds (s, a - 1) & EVL_CUE_ORG_BEFORE))
    return TRUE;
  /* 'of', 'in', 'at': two bytes. */
  if (a >= 2 && tok_len (s, a - 1) == 2 && s->tok[a - 2].sentence == s->sentence)
    {
      static const ShortWord preps[] = { SHORT_WORD ("of"), SHORT_WORD ("in"), SHORT_WORD ("at") };
      if (tok_in (s, a - 1, preps, G_N_ELEMENTS (preps)) && cue_is (s, a - 2, 1, EVL_CUE_ORG_OF, NULL))
        return TRUE;
    }
  if (s->tok[a].flags & EVL_TOKEN_SENT_START)
    return FALSE;
  return ((is_possessive (s, b) ? lower_cue_kinds (s, b + 1) : next) & EVL_CUE_ORG_AFTER) != 0;
}

/* The lower-case words inside the run [a, b) are connectors other
 * than the English 'of', 'for' and 'the'; at least one. */
static gboolean
foreign_particles (const Scan *s, guint a, guint b)
{
  static const ShortWord english[] = { SHORT_WORD ("of"), SHORT_WORD ("for"), SHORT_WORD ("the") };
  guint n = 0;
  for (guint j = a + 1; j + 1 < b; j++)
    if (!is_cap (s, j))
      {
        if (tok_in (s, j, english, G_N_ELEMENTS (english)))
          return FALSE;
        n++;
      }
  return n > 0;
}

/* Token @j is a particle of another language inside a name ('arap',
 * 'bin', 'de'): a connector other than the English 'of', 'for', 'the',
 * 'on'. */
static G_GNUC_NO_INLINE gboolean
name_particle (const Scan *s, guint j)
{
  static const ShortWord english[] = { SHORT_WORD ("of"), SHORT_WORD ("for"), SHORT_WORD ("the"),
                                       SHORT_WORD ("on") };
  return cue_word (s, j, EVL_CUE_CONNECTOR) && !tok_in (s, j, english, G_N_ELEMENTS (english));
}

/* [a, b) reads as a person's name with particles of another language:
 * foreign_particles(), no English 'on' ('Jones on Capitol Hill'), and
 * each capitalised word a name's (no stop word, none the text writes in
 * lower case). */
static G_GNUC_NO_INLINE gboolean
particle_person (const Scan *s, guint a, guint b)
{
  if (!foreign_particles (s, a, b))
    return FALSE;
  for (guint j = a; j < b; j++)
    if (is_cap (s, j) ? is_stopword (s, j) || lower_has (s, j) : tok_is (s, j, "on"))
      return FALSE;
  return TRUE;
}

/* Token @j is in the current sentence. */
static inline gboolean
in_sentence (const Scan *s, guint j)
{
  return j < s->s_end && s->tok[j].sentence == s->sentence;
}

/* What stands around an unknown run [a, b) makes it no person: an
 * indefinite article ('drove a Toyota Corolla to') or a year after a
 * determiner or possessive ('his 1994 Toyota Corolla'), as before a
 * thing's make or model and never before a person's name.  After 'a' the
 * run must end its phrase: in 'a Lockheed Martin facility' it is a
 * company's name before a noun. */
static G_GNUC_NO_INLINE gboolean
thing_before (const Scan *s, guint a, guint b)
{
  static const ShortWord ends[] = {
    SHORT_WORD ("to"), SHORT_WORD ("in"), SHORT_WORD ("at"), SHORT_WORD ("on"), SHORT_WORD ("with"),
    SHORT_WORD ("for"), SHORT_WORD ("from"), SHORT_WORD ("by"), SHORT_WORD ("of"), SHORT_WORD ("and"),
    SHORT_WORD ("or"), SHORT_WORD ("that"), SHORT_WORD ("which"), SHORT_WORD ("was"), SHORT_WORD ("is"),
    SHORT_WORD ("had"), SHORT_WORD ("has"), SHORT_WORD ("when"), SHORT_WORD ("as"),
  };
  static const ShortWord art[] = { SHORT_WORD ("a"), SHORT_WORD ("an") };
  static const ShortWord det[] = { SHORT_WORD ("the"), SHORT_WORD ("a"), SHORT_WORD ("his"), SHORT_WORD ("her"),
                                   SHORT_WORD ("its"), SHORT_WORD ("their"), SHORT_WORD ("our"), SHORT_WORD ("my") };
  if (a == 0 || !in_sentence (s, a - 1))
    return FALSE;
  if (tok_in (s, a - 1, art, G_N_ELEMENTS (art)))
    return !in_sentence (s, b) || !is_word (s, b) || is_cap (s, b) || tok_in (s, b, ends, G_N_ELEMENTS (ends));
  return a >= 2 && in_sentence (s, a - 2) && (s->tok[a - 1].flags & EVL_TOKEN_NUMBER) && tok_len (s, a - 1) == 4
         && (is_possessive (s, a - 2) || tok_in (s, a - 2, det, G_N_ELEMENTS (det)));
}

/* The run [a, b) stands in quotation marks ('nicknamed the "Iron
 * Wolf"'): a nickname or a work's title, not the name of an entity of its
 * own. */
static G_GNUC_NO_INLINE gboolean
quoted_run (const Scan *s, guint a, guint b)
{
  if (a == 0 || !in_sentence (s, a - 1) || !(s->tok[a - 1].flags & EVL_TOKEN_QUOTE))
    return FALSE;
  if (in_sentence (s, b) && (s->tok[b].flags & EVL_TOKEN_PUNCT) && !(s->tok[b].flags & EVL_TOKEN_QUOTE))
    b++;   /* 'the "Iron Wolves,"' */
  return in_sentence (s, b) && (s->tok[b].flags & EVL_TOKEN_QUOTE);
}

/* 'said Jane Doe, of Acme Health Partners': after a comma and 'of' a
 * name is someone's affiliation, an organisation unless a place's
 * region or country follows ('of Cherry Hill, N.J.'). */
static G_GNUC_NO_INLINE gboolean
affiliation (const Scan *s, guint a, guint b)
{
  if (a < 2 || !in_sentence (s, a - 2) || !tok_is (s, a - 1, "of") || !tok_eq (s, a - 2, ","))
    return FALSE;
  GazMatch g;
  return !(tok_eq (s, b, ",") && in_sentence (s, b + 1) && gaz_at_rare (s, b + 1, FALSE, &g)
           && (g.kind == EVL_GAZ_PLACE || g.kind == EVL_GAZ_COUNTRY));
}

/* 'Department of Fisheries and Coastal Affairs', 'Office of Science and
 * Technology Policy', 'Port Authority of Oslo and Akershus': an
 * organisation named '... of X' runs on past 'and' over capitalised
 * words that are no organisation of their own ('the Ministry of Defence
 * and the Foreign Office' are two) and name what X names when X is a
 * known name.  Returns the name's new end (@b: none). */
static G_GNUC_NO_INLINE guint
org_and_tail (const Scan *s, guint a, guint b)
{
  if (!tok_is (s, b, "and") || !in_sentence (s, b + 1) || !is_cap (s, b + 1))
    return b;
  guint of = 0;
  for (guint j = a + 1; j + 1 < b; j++)
    if (tok_is (s, j, "of"))
      of = j + 1;
  if (of == 0)
    return b;
  guint c = cap_run (s, b + 1, 4);
  if (c <= b + 1 || has_org_head (s, b + 1, c) || is_possessive (s, c) || cue_is (s, c - 1, 1, EVL_CUE_NOT_ENTITY, NULL))
    return b;
  GazMatch x, y;
  gboolean x_gaz = gaz_at_rare (s, of, TRUE, &x), y_gaz = gaz_at_rare (s, b + 1, TRUE, &y);
  if (y_gaz && !(x_gaz && x.end == b && y.end == c && x.kind == y.kind && x.kind != EVL_GAZ_PERSON))
    return b;
  /* 'the Ministry of Defence and Halvard Berg said': a person's surname
   * speaks alone. */
  if (!y_gaz && c - (b + 1) >= 2 && speaks_alone (s, c - 1))
    return b;
  return c;
}

/* 'the Licensing and Inspection Service', 'the U.S. Customs and Border
 * Service': common words capitalised after 'the' (or after 'the' and a
 * country), or ones the text also writes in lower case, then 'and',
 * start the organisation's name that follows at @a; a name of its own
 * ('Lindqvist and Justice Department officials') does not.  Candidates
 * made of them are taken back.  Returns the name's new start (@a:
 * none). */
static G_GNUC_NO_INLINE guint
org_and_head (Scan *s, guint a)
{
  if (a < 2 || !tok_is (s, a - 1, "and") || !in_sentence (s, a - 2) || !is_cap (s, a - 2))
    return a;
  /* Up to three capitalised words ('the Power Reactor and ...'), none a
   * known name or an organisation's head. */
  guint p = a - 1;
  gboolean common = FALSE;
  GazMatch g;
  while (p > 0 && a - 1 - p < 3 && in_sentence (s, p - 1) && is_cap (s, p - 1) && !is_possessive (s, p - 1))
    {
      if (is_stopword (s, p - 1) || gaz_at_rare (s, p - 1, TRUE, &g) || has_org_head (s, p - 1, p))
        break;
      common = common || lower_has (s, p - 1);
      p--;
    }
  if (p == a - 1)
    return a;
  /* 'Philippine Long Distance and Telephone Co.': a country's word
   * before the common words determines the name as 'the' does. */
  gboolean national = p > 0 && in_sentence (s, p - 1) && gaz_at_rare (s, p - 1, FALSE, &g) && g.end == p
                      && g.kind == EVL_GAZ_COUNTRY;
  if (national)
    p--;
  /* 'Britain's Competition and Markets Authority': an owner's possessive
   * determines the name as 'the' does. */
  gboolean owned = p > 1 && in_sentence (s, p - 2) && is_possessive (s, p - 1) && is_cap (s, p - 2);
  if (!common && !owned && !national && !(p > 0 && in_sentence (s, p - 1) && tok_is (s, p - 1, "the")))
    return a;
  while (s->n_cands > 0)
    {
      const EvlCand *prev = &g_array_index (s->cands, EvlCand, s->n_cands - 1);
      if (prev->sentence != s->sentence || prev->tok0 < p)
        break;
      s->n_cands--;
    }
  return p;
}

/* 'Central America', 'Southern Sudan', 'Little Havana': a word that
 * starts places' names, or a place-part cue, before place @g that ends
 * the run, names a part of it: emitted as a place. */
static G_GNUC_NO_INLINE gboolean
place_part (Scan *s, guint i, const GazMatch *g)
{
  if (is_cap (s, g->end) || (s->tok[i].flags & EVL_TOKEN_SENT_START)
      || (g->kind != EVL_GAZ_COUNTRY && g->kind != EVL_GAZ_PLACE) || is_stopword (s, i)
      || (word_at (s, i)->fw1[EVL_ENT_LEX_COUNTRIES] < 2 && word_at (s, i)->fw1[EVL_ENT_LEX_PLACES] < 2
          && !cue_word (s, i, EVL_CUE_PLACE_PART)))
    return FALSE;
  add_cand (s, i, g->end, EVL_CAND_NAME, EVL_ENTITY_LOCATION);
  return TRUE;
}

/* 'said Ana Lima', 'Ana Lima said', 'Ana Lima, 34, ...': the two-word
 * run [a, b), an unknown first word and a place's one-word name, speaks
 * or is described like a person: a person named like a place, not a
 * name and a place. */
static G_GNUC_NO_INLINE gboolean
named_speaker (const Scan *s, guint a, guint b)
{
  if (is_stopword (s, a) || lower_has (s, a) || !in_sentence (s, b))
    return FALSE;
  if (a >= 1 && s->tok[a - 1].sentence == s->sentence && (lower_cue_kinds (s, a - 1) & EVL_CUE_SPEECH))
    return TRUE;
  if (lower_cue_kinds (s, b) & EVL_CUE_SPEECH)
    return TRUE;
  if (!tok_eq (s, b, ",") || !in_sentence (s, b + 1))
    return FALSE;
  /* ', who', ', whose', ', 34,' */
  return tok_is (s, b + 1, "who") || tok_is (s, b + 1, "whose")
         || (g_ascii_isdigit (tok_text (s, b + 1)[0]) && tok_len (s, b + 1) <= 3 && tok_eq (s, b + 2, ","));
}

/* The run ending before @b is described as a person right after it:
 * ', who', ', 59,', ', founder of', ', chief of the general staff'. */
static G_GNUC_NO_INLINE gboolean
person_apposition (const Scan *s, guint b)
{
  if (!in_sentence (s, b + 1) || !tok_eq (s, b, ","))
    return FALSE;
  if (tok_is (s, b + 1, "who") || tok_is (s, b + 1, "whose"))
    return TRUE;
  if (g_ascii_isdigit (tok_text (s, b + 1)[0]))
    return tok_len (s, b + 1) <= 3 && tok_eq (s, b + 2, ",");
  return !is_cap (s, b + 1) && is_word (s, b + 1)
         && (lookup_one (s, EVL_ENT_LEX_TITLES, b + 1) != NULL || cue_is (s, b + 1, 1, EVL_CUE_ORG_OF, NULL));
}

/* One of the @n bytes at @p is an ASCII digit. */
static gboolean
memchr_digit (const char *p, gsize n)
{
  for (gsize k = 0; k < n; k++)
    if (g_ascii_isdigit (p[k]))
      return TRUE;
  return FALSE;
}

/* Classifies the capitalised run [a, b) and emits it.  Returns one past
 * the tokens it consumed: a run cut at a connector is scanned again from
 * there ('Later the Russian President ...'). */
/* 'the Kurram region', 'the Medea district': the one capitalised word
 * at @a before a kind of region (@next: lower_cue_kinds() of the token
 * after it) names it; but not a faith's ('the holy Hindu town') and not
 * a compound modifier ('the Croat-held town'). */
static G_GNUC_NO_INLINE gboolean
region_before (const Scan *s, guint a, guint next)
{
  return (next & EVL_CUE_LOC_AFTER) && in_sentence (s, a + 1) && !cue_word (s, a, EVL_CUE_NOT_ENTITY)
         && !compound_modifier (s, a);
}

static guint title_at (const Scan *s, guint j, guint kinds, const EvlLexEntry **out);
static guint cue_kinds (const Scan *s, guint j);

/* 'External Affairs Minister Inder Kumar Gujral', 'Deputy Assistant
 * Secretary of State Robert Einhorn': capitalised words right before a
 * public office's title (capitalised) and its holder's name are the
 * office's portfolio, no name.  Offices of firms are left out: 'Kelvara
 * Mining Chairman Lars Berg' names the firm. */
static G_GNUC_NO_INLINE gboolean
portfolio_before_title (const Scan *s, guint b)
{
  static const char *const offices[] = { "government", "deputy", "minister", "foreign", "defense",
                                         "official", "adviser", "diplomat", "spokesperson" };
  if (!in_sentence (s, b) || !is_cap (s, b))
    return FALSE;
  const EvlLexEntry *t = NULL;
  guint k = title_at (s, b, cue_kinds (s, b), &t);
  if (k == 0 || t == NULL || !in_sentence (s, b + k) || !is_cap (s, b + k) || is_stopword (s, b + k))
    return FALSE;
  const char *c = evl_ent_attr (t, "class");
  for (guint i = 0; c && i < G_N_ELEMENTS (offices); i++)
    if (strcmp (c, offices[i]) == 0)
      return TRUE;
  return FALSE;
}

/* 'the fund's Executive Board', 'Foreign Affairs officials': a
 * capitalised run nothing makes a name of (no gazetteer, no organisation
 * context: asked only of runs typed a person by default) is a common
 * noun phrase when its first word is one that starts an office's title
 * ('Foreign', 'National', 'Deputy': title-start and title-mod cues) or
 * its last names a part or people of an organisation ('Board',
 * 'Executives', 'Shareholders': org-of and org-after cues).  A person's
 * name starts with a given name and ends with a surname, neither of
 * them such a word. */
static G_GNUC_NO_INLINE gboolean
common_phrase (const Scan *s, guint a, guint b)
{
  return b - a >= 2
         && (cue_word (s, a, EVL_CUE_TITLE_START | EVL_CUE_TITLE_MOD)
             || cue_word (s, b - 1, EVL_CUE_ORG_OF | EVL_CUE_ORG_AFTER));
}

static guint
emit_run (Scan *s, guint a, guint b)
{
  /* Leading sentence starters and stop words: 'The', 'According',
   * 'Official' (when the document also writes 'official'). */
  while (a < b && (is_stopword (s, a)
                   || ((s->tok[a].flags & EVL_TOKEN_SENT_START) && lower_has (s, a))
                   || compound_modifier (s, a)))
    a++;
  if (a >= b)
    return b;
  /* 'Pulitzer Prize-winning': what stands before a compound modifier
   * may be a name; the modifier is scanned again, and dropped above. */
  if (b - a >= 2 && compound_modifier (s, b - 1))
    b--;
  if (b == a + 1 && b + 2 < s->s_end && tok_len (s, b) == 2 && tok_text (s, b)[0] == 'o' && head_of_the (s, a))
    b = cap_run (s, a + 3, MAX_NAME_TOKENS);

  /* 'Sixth Amendment', 'World War II' (a numeral after the cue):
   * laws, events, documents; 'Cyclone Freddy', 'Operation Desert Storm':
   * named storms and operations. */
  guint last = b - 1;
  if (b - a >= 2 && (s->tok[last].flags & EVL_TOKEN_ALLCAPS) && !is_acronym (s, last))
    last--;
  if (b - a >= 2 && (cue_is (s, last, 1, EVL_CUE_NOT_ENTITY, NULL) || cue_is (s, a, 1, EVL_CUE_EVENT_PREFIX, NULL)))
    return b;
  if (b - a >= 2 && has_org_head (s, a, b))
    {
      /* 'Fans of Leeds United': a club named after the run's connector,
       * with no organisation before it, is the club alone. */
      guint c0 = a;
      for (guint j = a; j < b; j++)
        if (!is_cap (s, j))
          c0 = j + 1;
      if (c0 > a && b - c0 >= 2 && has_club (s, c0, b) && !has_org_head (s, a, c0))
        {
          emit_run (s, a, c0 - 1);
          a = c0;
        }
      b = org_and_tail (s, a, b);
      a = org_and_head (s, a);
      add_cand (s, a, b, EVL_CAND_NAME, EVL_ENTITY_ORGANIZATION)->club = names_own_place (s, a, b);
      return b;
    }
  /* 'the Cape Valdor newspaper': a run before a kind of organisation is
   * its name, even when it starts like a place's. */
  guint next = lower_cue_kinds (s, b);
  gboolean org_kind = b - a >= 2 && in_sentence (s, b) && (next & (EVL_CUE_ORG_HEAD | EVL_CUE_ORG_BEFORE));
  if (ends_loc_head (s, a, b) || (b - a >= 2 && cue_is (s, a, 1, EVL_CUE_LOC_PREFIX, NULL)))
    {
      add_cand (s, a, b, EVL_CAND_NAME,
                org_kind && !ends_loc_head (s, a, b) ? EVL_ENTITY_ORGANIZATION : EVL_ENTITY_LOCATION);
      return b;
    }
  /* Name + the + epithet: 'Peter the Great'. */
  for (guint j = a + 1; j + 1 < b; j++)
    if (tok_is (s, j, "the") && j + 2 == b && cue_is (s, j + 1, 1, EVL_CUE_EPITHET, NULL))
      {
        add_cand (s, a, b, EVL_CAND_NAME, EVL_ENTITY_PERSON);
        return b;
      }
  /* 'in Dar es Salaam', 'near Rio de Janeiro': after a place
   * preposition, a name bound by a particle of another language (never
   * 'of', 'for', 'the') is a place. */
  if (b - a >= 3 && after_place_prep (s, a) && foreign_particles (s, a, b))
    {
      add_cand (s, a, b, EVL_CAND_NAME, EVL_ENTITY_LOCATION);
      return b;
    }
  /* Not an organisation, place or epithet: connectors don't bind, but
   * for a particle of another language in a person's name ('Daniel arap
   * Moi', 'Charles de Gaulle'). */
  for (guint j = a; j < b; j++)
    if (!is_cap (s, j) && !(j > a && piece_end (s, j - 1) == j + 2))
      {
        if (b - a >= 3 && !s->heading && particle_person (s, a, b))
          {
            add_cand (s, a, b, EVL_CAND_NAME, EVL_ENTITY_PERSON);
            return b;
          }
        emit_run (s, a, j);
        return j;
      }
  if (b - a == 1)
    {
      /* 'Central and South America', 'North and South Korea': a word
       * that starts places' names, coordinated with such a place, is
       * that place's other half, not a name alone. */
      GazMatch pl;
      if ((tok_is (s, b, "and") || tok_is (s, b, "or")) && in_sentence (s, b + 1) && is_cap (s, b + 1)
          && (word_at (s, a)->fw1[EVL_ENT_LEX_COUNTRIES] >= 2 || word_at (s, a)->fw1[EVL_ENT_LEX_PLACES] >= 2)
          && gaz_at_rare (s, b + 1, FALSE, &pl) && pl.end - pl.start >= 2
          && (pl.kind == EVL_GAZ_COUNTRY || pl.kind == EVL_GAZ_PLACE))
        return b;
      EvlCand *c = add_cand (s, a, b, EVL_CAND_SINGLE, EVL_ENTITY_PERSON);
      c->acronym = is_acronym (s, a) && tok_len (s, a) >= 3;
      for (gsize k = 0; k < tok_len (s, a) && c->acronym; k++)
        c->acronym = g_ascii_isalpha (tok_text (s, a)[k]);
      c->mid = !(s->tok[a].flags & EVL_TOKEN_SENT_START);
      if (c->acronym)
        return b;
      /* 'analysts at Nordvik' is no place.  A word at a sentence start
       * is none either: tested before the context and the lower-case
       * walk. */
      c->org_ctx = org_context (s, a, b, next) ? 1 : org_title_after (s, b) ? 2 : 0;
      /* 'cut from A2 to A3', 'from Baa1': a word with a digit is a grade
       * or a model, no place. */
      if (!c->org_ctx && c->mid && (place_context (s, a) || region_before (s, a, next))
          && !lower_has (s, a) && !memchr_digit (tok_text (s, a), tok_len (s, a)))
        c->type = EVL_ENTITY_LOCATION;
      else if (!c->org_ctx && (next & EVL_CUE_SPEECH))
        {
          /* 'Fjordair said it would ...': a thing speaks of itself as 'it'. */
          static const ShortWord it[] = { SHORT_WORD ("it"), SHORT_WORD ("its") };
          c->speaker = tok_in (s, b + 1, it, G_N_ELEMENTS (it)) ? 2 : 1;
        }
      /* 'the Embassy bombings', 'in Police custody': a public body's head
       * alone is a common noun, no name (known ones are in the gazetteer:
       * 'Congress'); a newspaper's ('the Times') is its short form.  Asked
       * only of a word that would make an entity of its own. */
      if ((c->org_ctx || c->speaker || c->type == EVL_ENTITY_LOCATION) && cue_word (s, a, EVL_CUE_BODY))
        s->n_cands--;
      else
        c->common = cue_word (s, a, EVL_CUE_BODY | EVL_CUE_NOT_ENTITY);
      return b;
    }
  for (guint j = a; j < b; j++)
    if (lower_has (s, j) || is_stopword (s, j))
      {
        /* 'Military Cooperation': a word the text also writes in lower
         * case is no part of a name; the pieces around it may be names
         * ('Vladimir Putin Kim Jong Un Meeting'). */
        if (j > a)
          emit_run (s, a, j);
        guint k = j + 1;
        while (k < b && (lower_has (s, k) || is_stopword (s, k)))
          k++;
        if (k < b)
          emit_run (s, k, b);
        return b;
      }
  if (!s->heading && (quoted_run (s, a, b) || (!org_kind && thing_before (s, a, b))))
    return b;
  /* 'Central European', 'grant Maria American citizenship': a run ending
   * in a demonym is a modifier; what comes before it may be a name. */
  GazMatch dm;
  if (gaz_at_rare (s, b - 1, FALSE, &dm) && dm.end == b && is_demonym (s, &dm))
    {
      emit_run (s, a, b - 1);
      return b;
    }
  /* 'a stake in Brekke Haugen' is no place; 'the ruling Umoja Mpya
   * party', 'an Iraqi Saraya Nasr group', 'of Acme Health Partners'
   * name organisations. */
  gboolean org = !s->heading && (org_kind || affiliation (s, a, b) || org_context (s, a, b, next)
                                 || org_title_after (s, b));
  EvlEntityType type = org ? EVL_ENTITY_ORGANIZATION
                       : place_context (s, a) && !person_apposition (s, b) ? EVL_ENTITY_LOCATION
                                                                           : EVL_ENTITY_PERSON;
  /* 'The Airbus A320', 'a Boeing 737-800': no person's name has a
   * digit; a make's model does, and what stands before it may be the
   * maker's name. */
  for (guint j = a; j < b && type == EVL_ENTITY_PERSON; j++)
    if (memchr_digit (tok_text (s, j), tok_len (s, j)))
      {
        emit_run (s, a, j);
        return b;
      }
  if (type == EVL_ENTITY_PERSON && !s->heading)
    {
      /* 'the Great Lakes region', 'the Central Java town of Yogyakarta':
       * a name before a kind of place is that place. */
      if (in_sentence (s, b) && (next & EVL_CUE_LOC_AFTER))
        type = EVL_ENTITY_LOCATION;
      else if (portfolio_before_title (s, b) || common_phrase (s, a, b))
        return b;
    }
  EvlCand *c = add_cand (s, a, b, EVL_CAND_NAME, type);
  c->org_ctx = (guint8) org;
  c->person_cue = c->type == EVL_ENTITY_PERSON && !s->heading && named_speaker (s, a, b);
  /* Headings: if the run is no name the body has ('Kim Affirms Support'),
   * its parts may still be ('Vladimir Putin', 'Kim'); of overlapping
   * candidates the longest that finds an entity wins. */
  if (s->heading)
    for (guint k = a; k < b; k++)
      for (guint e = k + 1; e <= b; e++)
        if (e - k < b - a)
          add_cand (s, k, e, e - k == 1 ? EVL_CAND_SINGLE : EVL_CAND_NAME, EVL_ENTITY_PERSON);
  return b;
}

/* 'Putin-Kim', 'U.S-Russia': a hyphenated word whose parts are all
 * capitalised names.  Returns TRUE when it was split. */
static gboolean
split_compound (Scan *s, guint i)
{
  const char *p = tok_text (s, i);
  gsize n = tok_len (s, i);
  if (!memchr (p, '-', n) || is_cap (s, i + 1))
    return FALSE;
  for (gsize k = 0; k < n; k++)
    if (p[k] == '-' && (k + 1 >= n || !g_ascii_isupper (p[k + 1])))
      return FALSE;
  gsize a = 0;
  for (gsize k = 0; k <= n; k++)
    if (k == n || p[k] == '-')
      {
        if (k > a)
          {
            EvlCand c = { 0 };
            c.span.start = s->tok[i].span.start + a;
            c.span.end = s->tok[i].span.start + k;
            c.sentence = s->sentence;
            c.tok0 = i, c.tok1 = i + 1;
            c.heading = s->heading;
            c.cluster = -1;
            c.kind = EVL_CAND_SINGLE;
            c.type = EVL_ENTITY_PERSON;
            const EvlLexicon *lexes[4] = { s->lex->countries, s->lex->places, s->lex->orgs, s->lex->people };
            for (guint l = 0; l < 4 && c.gaz == NULL; l++)
              {
                const EvlLexEntry *e = evl_lexicon_lookup (lexes[l], p + a, k - a);
                if (e)
                  {
                    c.gaz = e;
                    c.gaz_kind = (EvlGazKind) (EVL_GAZ_COUNTRY + l);
                    c.kind = EVL_CAND_GAZ;
                    c.type = gaz_type (c.gaz_kind);
                  }
              }
            if (c.gaz && c.gaz_kind == EVL_GAZ_COUNTRY
                && evl_ent_attr_has (c.gaz, "demonym", p + a, k - a))
              c.gaz = NULL;   /* 'Russian-made': a modifier */
            if (c.kind != EVL_CAND_GAZ || c.gaz)
              *cand_slot (s) = c;
          }
        a = k + 1;
      }
  return TRUE;
}

/* ---- titles and role descriptions ---- */

/* The EVL_CUE_* bits of the single-word cue at @j (0: none). */
static guint
cue_kinds (const Scan *s, guint j)
{
  return evl_ent_cue_bits (s->lex, lookup_one (s, EVL_ENT_LEX_CUES, j));
}

/* Longest title at @j.  One single-word lookup in each of the titles and
 * cues lexicons decides whether a multi-word title can start here (its
 * first word is a title, or a cue of kind title-start or title-mod);
 * @kinds is cue_kinds() of @j. */
static guint
title_at (const Scan *s, guint j, guint kinds, const EvlLexEntry **out)
{
  if (lookup_one (s, EVL_ENT_LEX_TITLES, j) == NULL
      && !(kinds & (EVL_CUE_HAS_TITLE_START | EVL_CUE_HAS_TITLE_MOD)))
    return 0;
  return longest (s, EVL_ENT_LEX_TITLES, j, MAX_SPAN_WORDS, out);
}

typedef struct {
  guint role_start;          /* first token of the role text */
  guint title_end;           /* one past the last title token, 0 = none */
  const EvlLexEntry *title;
  const EvlLexEntry *country;
  guint country_end;         /* one past the country words */
  gboolean modified;         /* a modifier or country precedes the title */
  GazMatch mods[4];          /* proper-name modifiers to emit as mentions */
  guint n_mods;
} TitlePhrase;

/* The person name after a title: capitalised words up to a possessive,
 * lower-case word or punctuation.  Returns one past its end (== @i when
 * none). */
static guint
name_after_title (const Scan *s, guint i, GazMatch *person)
{
  memset (person, 0, sizeof *person);
  if (!is_cap (s, i) || is_stopword (s, i))
    return i;
  GazMatch m;
  if (gaz_at (s, i, TRUE, &m) && !m.with_the)
    {
      if (m.kind != EVL_GAZ_PERSON)
        return i;
      *person = m;
      return m.end;
    }
  guint j = i;
  /* A stop word ends the name as it ends a run ('President Jacques Chirac
   * Monday'). */
  while (j < s->s_end && j - i < MAX_NAME_TOKENS && is_cap (s, j) && !is_possessive (s, j)
         && (j == i || !is_stopword (s, j)))
    {
      j = piece_end (s, j);
      /* 'President Daniel arap Moi', 'Prince Bandar bin Sultan'. */
      if (j + 1 < s->s_end && !is_cap (s, j) && is_cap (s, j + 1) && name_particle (s, j))
        j++;
    }
  return j;
}

/* Parses modifiers + titles from @i.  Returns FALSE when no title. */
static gboolean
parse_title (const Scan *s, guint i, TitlePhrase *tp)
{
  /* Not memset: mods[] is written before it is read (n_mods). */
  tp->title_end = 0;
  tp->title = NULL;
  tp->country = NULL;
  tp->country_end = 0;
  tp->modified = FALSE;
  tp->n_mods = 0;
  tp->role_start = G_MAXUINT;
  guint j = i;
  while (j < s->s_end && j - i < 10)
    {
      GazMatch m;
      guint k = 0;
      if (tp->title_end == 0 && is_cap (s, j) && gaz_at (s, j, FALSE, &m) && !m.with_the
          && m.kind != EVL_GAZ_PLACE)
        {
          gboolean demonym = is_demonym (s, &m);
          if (!demonym && tp->n_mods < G_N_ELEMENTS (tp->mods))
            tp->mods[tp->n_mods++] = m;
          if (m.kind == EVL_GAZ_COUNTRY)
            tp->country = m.entry;
          tp->modified = TRUE;
          j = m.end;
          if (is_possessive (s, j))
            {
              /* "North Korea's leader": the role text starts after. */
              j++;
              tp->role_start = G_MAXUINT;
            }
          else if (tp->role_start == G_MAXUINT)
            tp->role_start = m.start;
          tp->country_end = j;
          continue;
        }
      if (!title_may_start (s, j))
        break;
      const EvlLexEntry *t = NULL;
      guint kinds = cue_kinds (s, j);
      guint tk = title_at (s, j, kinds, &t);
      if (tk > 0)
        {
          if (tp->role_start == G_MAXUINT)
            tp->role_start = j;
          tp->title = t;
          tp->title_end = j + tk;
          j += tk;
          continue;
        }
      if (tp->title_end == 0 && (kinds & (EVL_CUE_HAS_TITLE_MOD | EVL_CUE_HAS_TITLE_START))
          && cue_is (s, j, 2, EVL_CUE_TITLE_MOD, &k))
        {
          if (tp->role_start == G_MAXUINT)
            tp->role_start = j;
          tp->modified = TRUE;
          j += k;
          continue;
        }
      break;
    }
  if (tp->country_end == 0)
    tp->country_end = i;
  return tp->title_end > 0;
}

static gboolean
title_is_honorific (const EvlLexEntry *t)
{
  const char *c = evl_ent_attr (t, "class");
  return c && strcmp (c, "honorific") == 0;
}

static void
emit_mods (Scan *s, const TitlePhrase *tp)
{
  for (guint k = 0; k < tp->n_mods; k++)
    emit_gaz (s, &tp->mods[k]);
}

/* One past the lower-case words after @start (the first token after it
 * that is not a lower-case word, or s_end), from try_title()'s cache of
 * the current run. */
static inline guint
lc_end_after (Scan *s, guint start)
{
  if (start + 1 < s->lc_from || start + 1 > s->lc_end)
    {
      /* One flags test a token (is_word() and is_cap() each tested the
       * bound and the word flag again: ~0.4 M instructions on the small
       * corpus). */
      guint k = start + 1;
      while (k < s->s_end && (s->tok[k].flags & (EVL_TOKEN_WORD | EVL_TOKEN_CAP)) == EVL_TOKEN_WORD)
        k++;
      s->lc_from = start + 1;
      s->lc_end = k;
    }
  return s->lc_end;
}

/* 'the former treasurer', 'the chief executive': "the" (at @i), a title
 * (@tp) and no name or country refer to the person the document gave
 * that title (resolve_reference() asks that one person hold it); one past
 * the description, or @i when it is none.  Apart from try_title(), which
 * stays inlined in the scan (~0.5 M instructions on the small corpus). */
static G_GNUC_NO_INLINE guint
title_description (Scan *s, guint i, const TitlePhrase *tp)
{
  if (title_is_honorific (tp->title) || (tp->title_end < s->s_end && is_cap (s, tp->title_end))
      || is_possessive (s, tp->title_end - 1))
    return i;
  EvlCand *c = add_cand (s, i, tp->title_end, EVL_CAND_DESC, EVL_ENTITY_PERSON);
  c->title = tp->title;
  return tp->title_end;
}

/* Tries a title phrase or a role description at @i; returns one past the
 * consumed tokens, or @i when there is none.  Inlined in its one caller:
 * gcc stopped doing so by itself once descriptions without a country
 * came in (+0.27 M instructions on the small corpus). */
G_ALWAYS_INLINE static inline guint
try_title (Scan *s, guint i)
{
  gboolean has_the = tok_is (s, i, "the");
  guint start = has_the ? i + 1 : i;
  if (start >= s->s_end || !is_word (s, start))
    return i;
  /* Cheap exit for the common lower-case word: a title phrase must start
   * with a capital, a title or a title modifier. */
  if (!is_cap (s, start))
    {
      /* A lower-case title needs a capitalised name (or country) within a
       * few words, with no punctuation in between; after 'the' it may be
       * a description of the person who holds it ('the former
       * treasurer'). */
      guint k = MIN (lc_end_after (s, start), start + 6);
      if ((k >= s->s_end || !is_cap (s, k)) && !(has_the && title_may_start (s, start)))
        return i;
      const EvlLexEntry *e;
      if (!title_may_start (s, start) || (!title_at (s, start, cue_kinds (s, start), &e) && !has_the))
        return i;
    }
  else
    {
      /* parse_title() goes on at a capital only past a gazetteer
       * modifier or at a title (or title-mod cue): at most capitals it
       * would stop at once, finding no title and no country (the call
       * was ~140 instructions). */
      GazMatch m;
      if ((!gaz_at (s, start, FALSE, &m) || m.with_the || m.kind == EVL_GAZ_PLACE)
          && !title_may_start (s, start))
        return i;
    }

  TitlePhrase tp;
  gboolean titled = parse_title (s, start, &tp);
  if (titled)
    {
      GazMatch person;
      guint name_end = name_after_title (s, tp.title_end, &person);
      guint name_len = name_end - tp.title_end;
      gboolean lower_title = !is_cap (s, tp.role_start == G_MAXUINT ? tp.title_end - 1 : tp.role_start);
      /* A lower-case title names a person without a modifier only before a
       * full name ('spokesman Dmitry Peskov', not 'in general Putin'). */
      if (name_len > 0 && lower_title && !tp.modified && name_len < 2)
        name_len = 0;
      /* 'market leader Nomura Securities Co.': no person holds a title
       * whose 'name' is an organisation's. */
      if (name_len > 1 && person.entry == NULL && has_org_head (s, tp.title_end, name_end))
        name_len = 0;
      /* 'the General Agreement on Tariffs': nor one whose 'name' ends
       * like a law's or a document's, or is a body's head alone. */
      if (name_len > 0 && person.entry == NULL
          && (cue_word (s, name_end - 1, EVL_CUE_NOT_ENTITY)
              || (name_len == 1 && cue_word (s, tp.title_end, EVL_CUE_BODY))))
        name_len = 0;
      if (name_len > 0)
        {
          emit_mods (s, &tp);
          EvlCand *c;
          if (person.entry)
            {
              c = emit_gaz (s, &person);
            }
          else
            {
              c = add_cand (s, tp.title_end, name_end,
                            name_len == 1 ? EVL_CAND_SINGLE : EVL_CAND_NAME, EVL_ENTITY_PERSON);
            }
          c->titled = TRUE;
          if (!title_is_honorific (tp.title) && tp.role_start != G_MAXUINT)
            {
              c->role = span_of (s, tp.role_start, tp.title_end);
              c->title = tp.title;
            }
          c->country = tp.country;
          return name_end;
        }
    }
  if (titled && has_the && !tp.country && tp.n_mods == 0)
    {
      guint end = title_description (s, i, &tp);
      if (end > i)
        return end;
    }
  /* Role description: "the" (or a possessive country) + country + role
   * noun, no name after it. */
  if (tp.country && (has_the || tp.role_start == G_MAXUINT || tp.country_end > start))
    {
      const EvlLexEntry *r = NULL;
      gboolean poss = tp.country_end > start && is_possessive (s, tp.country_end - 1);
      /* Only after "the" or a possessive: no role lookup otherwise
       * ('Russia said', ~4 k lookups on the small corpus). */
      guint rk = has_the || poss ? longest (s, EVL_ENT_LEX_ROLES, tp.country_end, MAX_SPAN_WORDS, &r) : 0;
      if (rk > 0)
        {
          guint end = tp.country_end + rk;
          GazMatch person;
          if (name_after_title (s, end, &person) == end)
            {
              emit_mods (s, &tp);
              EvlCand *c = add_cand (s, has_the ? i : tp.country_end, end, EVL_CAND_DESC, EVL_ENTITY_PERSON);
              c->country = tp.country;
              c->desc = r;
              return end;
            }
        }
    }
  return i;
}

/* 'Pak Thae Song, chairman of ...': a title in apposition after a name. */
static void
apposition (Scan *s, EvlCand *c)
{
  guint j = c->tok1;
  if (c->type != EVL_ENTITY_PERSON || c->role.end != 0 || !tok_eq (s, j, ","))
    return;
  j++;
  if (tok_is (s, j, "the") || tok_is (s, j, "a") || tok_is (s, j, "an"))
    j++;
  TitlePhrase tp;
  if (j < s->s_end && parse_title (s, j, &tp) && !title_is_honorific (tp.title)
      && tp.role_start != G_MAXUINT
      && (tp.title_end >= s->s_end || !is_cap (s, tp.title_end)))
    {
      c->role = span_of (s, tp.role_start, tp.title_end);
      c->title = tp.title;
      if (!c->country)
        c->country = tp.country;
    }
}

/* ---- the sentence scan ---- */

/* What pronoun_at() finds. */
enum {
  PRON_SUBJECT = 1,          /* 'he', 'she' */
  PRON_POSSESSIVE,           /* 'his', 'her' */
  PRON_OBJECT,               /* 'him' */
};

/* Token @i (< s_end) as a personal pronoun of the third person singular
 * (any case), else 0.  Inline: asked of nearly every lower-case word. */
static inline guint
pronoun_at (const Scan *s, guint i)
{
  gsize n = tok_len (s, i);
  if (n - 2 >= 2)
    return 0;
  const guchar *t = (const guchar *) tok_text (s, i);
  guint a = t[0] | 0x20, b = t[1] | 0x20;
  if (n == 2)
    return a == 'h' && b == 'e' ? PRON_SUBJECT : 0;
  guint c = t[2] | 0x20;
  if (a == 's')
    return b == 'h' && c == 'e' ? PRON_SUBJECT : 0;
  if (a != 'h')
    return 0;
  if (b == 'i')
    return c == 's' ? PRON_POSSESSIVE : c == 'm' ? PRON_OBJECT : 0;
  return b == 'e' && c == 'r' ? PRON_POSSESSIVE : 0;
}

/* Adds the pronoun @kind (pronoun_at()) at token @i, a subject or a
 * possessive: the subject of the same or a recent sentence is nearly
 * always who 'he' and 'his' are.  An object ('him', 'praised her.',
 * 'told her that') is not: it is never the subject of its own clause and
 * mostly someone else named in a recent one (about half of those on the
 * silver texts were wrong), so it makes no mention. */
static G_GNUC_NO_INLINE void
pronoun_add (Scan *s, guint i, guint kind)
{
  static const ShortWord function_words[] = {
    SHORT_WORD ("to"), SHORT_WORD ("that"), SHORT_WORD ("the"), SHORT_WORD ("a"), SHORT_WORD ("an"),
    SHORT_WORD ("and"), SHORT_WORD ("or"), SHORT_WORD ("but"), SHORT_WORD ("in"), SHORT_WORD ("on"),
    SHORT_WORD ("at"), SHORT_WORD ("for"), SHORT_WORD ("with"), SHORT_WORD ("as"), SHORT_WORD ("from"),
    SHORT_WORD ("of"), SHORT_WORD ("about"), SHORT_WORD ("by"), SHORT_WORD ("into"), SHORT_WORD ("after"),
    SHORT_WORD ("before"), SHORT_WORD ("if"), SHORT_WORD ("when"), SHORT_WORD ("up"), SHORT_WORD ("out"),
    SHORT_WORD ("back"), SHORT_WORD ("off"), SHORT_WORD ("again"), SHORT_WORD ("not"),
  };
  if (kind == PRON_OBJECT)
    return;
  /* 'her' before a noun phrase is a possessive ('her coach'); before
   * punctuation, a capital or a function word an object. */
  if (kind == PRON_POSSESSIVE && (tok_text (s, i)[1] | 0x20) == 'e'
      && (!is_word (s, i + 1) || is_cap (s, i + 1)
          || tok_in (s, i + 1, function_words, G_N_ELEMENTS (function_words))))
    return;
  add_cand (s, i, i + 1, EVL_CAND_PRONOUN, EVL_ENTITY_PERSON);
}

/* Capitalised words that start no name: stop words, modifier compounds,
 * and at a sentence start a word the document also writes in lower case
 * or an adverb or participle before another capital ('Finally Kim ...',
 * 'Speaking ...'). */
static gboolean
not_a_name_start (const Scan *s, guint i)
{
  if (is_stopword (s, i) || is_modifier_compound (s, i))
    return TRUE;
  if (!(s->tok[i].flags & EVL_TOKEN_SENT_START))
    return FALSE;
  if (lower_has (s, i))
    return TRUE;
  const char *p = tok_text (s, i);
  gsize n = tok_len (s, i);
  /* Only before another capital: alone, a name start would have to be a
   * known name's part anyway ('Manning said'). */
  return n > 4 && !(s->tok[i].flags & EVL_TOKEN_ALLCAPS) && is_cap (s, i + 1)
         && (has_suffix (p, n, "ly") || has_suffix (p, n, "ing"))
         && !cue_is (s, i, 1, EVL_CUE_CLUB, NULL);   /* 'Sporting Lisbon' */
}

static gboolean
is_dateline_end (const Scan *s, guint j)
{
  return tok_eq (s, j, "(") || tok_eq (s, j, "--") || tok_eq (s, j, "_") || tok_eq (s, j, "-")
         || tok_eq (s, j, "\xe2\x80\x94") || tok_eq (s, j, "\xe2\x80\x93");
}

/* Token @e is a capitalised word of at most four letters right before a
 * number: a month written short without its full stop ('Oct 18', 'Sept
 * 3'), which the stop words hold only as 'Oct.'. */
static gboolean
month_abbrev (const Scan *s, guint e)
{
  return e + 1 < s->s_end && tok_len (s, e) <= 4 && g_ascii_isdigit (tok_text (s, e + 1)[0]);
}

/* One past the date of a dateline from @k ('March 3', 'Jan. 4, 2001',
 * after a comma): month and day names (stop words), numbers and commas
 * before the dateline's end; @k when there is none. */
static G_GNUC_NO_INLINE guint
dateline_date (const Scan *s, guint k)
{
  guint e = k;
  while (e < s->s_end && e - k < 6
         && ((is_cap (s, e) && (is_stopword (s, e) || (e == k && month_abbrev (s, e))))
             || g_ascii_isdigit (tok_text (s, e)[0]) || (e > k && tok_eq (s, e, ","))))
    e++;
  return e > k && is_dateline_end (s, e) ? e : k;
}

/* Token @e opens a wire service's credit in parentheses followed by a
 * dash: '(Reuters) -', '(AP) --', '(Yonhap News Agency) -'. */
static gboolean
wire_credit (const Scan *s, guint e)
{
  if (!tok_eq (s, e, "("))
    return FALSE;
  guint k = e + 1;
  while (k < s->s_end && k - e <= 3 && is_cap (s, k))
    k++;
  return k > e + 1 && tok_eq (s, k, ")") && is_dateline_end (s, k + 1) && !tok_eq (s, k + 1, "(");
}

/* Wire datelines: 'SAN JUAN, Puerto Rico (AP) --', 'MOSCOW (AP) --',
 * 'NAIROBI, March 3 (AP) -'.  The capitalised place is a place (a capital
 * there is the city), and so is the region after the comma.  Some sources
 * write the place in mixed case ('Moscow (Reuters) -', 'Seoul, South
 * Korea (CNN) -'): capitalised words start most sentences, so those count
 * only at a paragraph's start (@para_start) before a wire service's
 * credit.  Returns the first token after
 * it. */
static G_GNUC_NO_INLINE guint
dateline (Scan *s, guint i, gboolean para_start)
{
  guint j = i;
  while (j < s->s_end && is_word (s, j) && (s->tok[j].flags & EVL_TOKEN_ALLCAPS) && tok_len (s, j) > 1
         && g_ascii_isalpha (tok_text (s, j)[0]))
    j++;
  gboolean caps = j > i;
  if (!caps)
    {
      /* Only a comma or the credit itself can follow. */
      if (!para_start)
        return i;
      while (j < s->s_end && j - i <= 4 && is_cap (s, j))
        j++;
      if (!tok_eq (s, j, ",") && !tok_eq (s, j, "("))
        return i;
    }
  if (j == i || j - i > 4 || !(tok_eq (s, j, ",") || is_dateline_end (s, j)))
    return i;
  /* Stop words last: most sentences fail the test above. */
  for (guint k = i; !caps && k < j; k++)
    if (is_stopword (s, k))
      return i;
  guint k = j, end = j;
  if (tok_eq (s, j, ","))
    {
      k = j + 1;
      while (k < s->s_end && is_cap (s, k) && !is_stopword (s, k) && !month_abbrev (s, k) && k - j <= 4)
        k++;
      /* A date may follow the region, after a comma, or stand alone. */
      guint d = k > j + 1 && tok_eq (s, k, ",") ? k + 1 : k;
      end = dateline_date (s, d);
      if (end == d)
        {
          if (k == j + 1 || !is_dateline_end (s, k))
            return i;
          end = k;
        }
    }
  if (!caps && !wire_credit (s, end))
    return i;
  for (guint a = i; a < k; a = (a == i ? j + 1 : k))
    {
      guint b = a == i ? j : k;
      GazMatch m;
      EvlCand *c;
      if (gaz_at (s, a, FALSE, &m) && m.end == b && m.kind != EVL_GAZ_ORG)
        {
          c = emit_gaz (s, &m);
          c->actor = FALSE;
        }
      else
        add_cand (s, a, b, EVL_CAND_NAME, EVL_ENTITY_LOCATION);
      if (b == k)
        break;
    }
  /* The wire service credited after the place ('(Reuters) -') is the
   * article's source, no participant: the scan resumes past it, so that
   * only the text's own mentions of the agency make it an entity. */
  if (wire_credit (s, end))
    while (end < s->s_end && !tok_eq (s, end++, ")"))
      ;
  return end;
}

/* 'Miami International Airport', 'Erie County': place @m run on by
 * words [m->end, @b) ending in a place's head is that other place,
 * emitted; but not where the run was cut before more of a name ('US House
 * of Representatives'). */
static G_GNUC_NO_INLINE gboolean
place_with_head (Scan *s, const GazMatch *m, guint b)
{
  if (s->heading || m->with_the || m->kind == EVL_GAZ_ORG || is_demonym (s, m)
      || !cue_word (s, b - 1, EVL_CUE_LOC_HEAD)
      || (b + 1 < s->s_end && is_cap (s, b + 1) && !is_stopword (s, b + 1)
          && cue_word (s, b, EVL_CUE_CONNECTOR)))
    return FALSE;
  add_cand (s, m->start, b, EVL_CAND_NAME, EVL_ENTITY_LOCATION);
  return TRUE;
}

static void
scan_sentence (Scan *s, const EvlSentence *sent, gboolean para_start)
{
  guint i = dateline (s, sent->first_token, para_start);
  while (i < s->s_end)
    {
      if (!is_word (s, i))
        {
          i++;
          continue;
        }
      if (!(s->tok[i].flags & EVL_TOKEN_CAP))
        {
          /* In a run of lower-case words, a word (or 'the') more than six
           * words before the run's end, or anywhere in a run that no
           * capital ends, starts no title phrase (try_title()) and no
           * gazetteer name ('the' needs a capital after it): only 'he'
           * and 'she' (his, her, him) make candidates.  Such runs are most of the text;
           * each word took ~40 instructions of rule tests. */
          guint end = lc_end_after (s, i);
          guint stop = end < s->s_end && is_cap (s, end) ? (end > 7 ? end - 7 : 0) : end;
          if (i < stop)
            {
              /* Unrolled as lower_list(): most words are one length test. */
#pragma GCC unroll 4
              for (; i < stop; i++)
                {
                  guint pron = pronoun_at (s, i);
                  if (pron && !s->heading)
                    pronoun_add (s, i, pron);
                }
              continue;
            }
          /* The same for a lower-case word (not 'the') that can start no
           * title (title_may_start()): try_title() would return at once,
           * and no other rule starts at it.  Most of the ~30 k words left
           * on the small corpus are such, and the rules took ~100
           * instructions a word.  'the' first: its test is a length
           * compare for most words, and 'the' needs no filter.  The words
           * up to @end are walked here: from the loop's top, each took
           * the tests above again for the same run and @stop. */
          while (!tok_is (s, i, "the") && !title_may_start (s, i))
            {
              guint pron = pronoun_at (s, i);
              if (pron && !s->heading)
                pronoun_add (s, i, pron);
              if (++i >= end)
                break;
            }
          if (i >= end)
            continue;
        }
      guint before = s->n_cands;
      guint j = try_title (s, i);
      if (j > i)
        {
          for (guint k = before; k < s->n_cands; k++)
            apposition (s, &g_array_index (s->cands, EvlCand, k));
          i = j;
          continue;
        }
      guint pron = pronoun_at (s, i);
      if (pron && !s->heading)
        {
          pronoun_add (s, i, pron);
          i++;
          continue;
        }
      GazMatch m;
      if ((is_cap (s, i) || tok_is (s, i, "the")) && gaz_at (s, i, TRUE, &m))
        {
          if (is_demonym (s, &m) || (m.kind != EVL_GAZ_PERSON && !is_possessive (s, m.end)))
            {
              /* 'North Korean Navy', 'Moscow State University': a name
               * (or demonym) followed by an organisation's name. */
              guint b = cap_run (s, m.end, MAX_NAME_TOKENS);
              if (b > m.end
                  && ((has_org_head (s, m.end, b) && !is_stopword (s, m.end))
                      || (!is_demonym (s, &m) && place_runs_on (s, &m, b))))
                {
                  /* 'Jordan Peterson ... Peterson said': a person named
                   * like a place. */
                  gboolean person = b == m.end + 1 && !has_org_head (s, m.end, b) && speaks_alone (s, m.end);
                  /* 'the North Atlantic Cooperation Council': the article
                   * of a form that needs it ('the North') is no part of
                   * the longer name. */
                  guint a0 = m.with_the ? m.start + 1 : m.start;
                  if (!person)
                    b = org_and_tail (s, a0, b);
                  add_cand (s, a0, b, EVL_CAND_NAME,
                            person ? EVL_ENTITY_PERSON : EVL_ENTITY_ORGANIZATION)->club
                    = !person && names_own_place (s, m.end, b);
                  i = b;
                  continue;
                }
              if (b > m.end && place_with_head (s, &m, b))
                {
                  i = b;
                  continue;
                }
            }
          if (!is_demonym (s, &m))
            {
              EvlCand *c = emit_gaz (s, &m);
              apposition (s, c);
            }
          i = m.end;
          continue;
        }
      if (is_cap (s, i) && !tok_is (s, i, "the"))
        {
          /* 'the Halden v. Morrow Supreme Court ruling': the word after 'v.'
           * ends a case's name; what follows starts anew.  (A sentence
           * may wrongly end at 'v.'.) */
          if (not_a_name_start (s, i)
              || (i > 0 && (tok_is (s, i - 1, "v.") || tok_is (s, i - 1, "vs.") || tok_is (s, i - 1, "v")
                      || (i > 1 && tok_eq (s, i - 1, ".") && (tok_is (s, i - 2, "v") || tok_is (s, i - 2, "vs"))))))
            {
              i++;
              continue;
            }
          if (split_compound (s, i))
            {
              i++;
              continue;
            }
          guint b = cap_run (s, i, 8);
          /* Stop a run where a gazetteer name begins ('... Putin Kim Jong
           * Un'), unless a connector leads into it ('Bank of Korea'). */
          for (guint k = i + 1; k < b; k++)
            {
              GazMatch g;
              /* ... but a known surname after a first name is that
               * person's ('Liz Cheney' is not 'Liz' + Dick Cheney). */
              if (is_cap (s, k - 1) && gaz_at (s, k, TRUE, &g) && !is_demonym (s, &g)
                  && !(g.kind == EVL_GAZ_PERSON && g.end == k + 1)
                  && !has_org_head (s, i, b) && !ends_loc_head (s, i, b)
                  && !(k == i + 1 && g.end == b && b == k + 1 && named_speaker (s, i, b)))
                {
                  if (k == i + 1 && g.end == b && place_part (s, i, &g))
                    {
                      b = i;
                      i = g.end;
                    }
                  else
                    b = k;
                  break;
                }
            }
          if (b < i)
            continue;
          guint before_run = s->n_cands;
          guint end = emit_run (s, i, b);
          for (guint k = before_run; k < s->n_cands; k++)
            apposition (s, &g_array_index (s->cands, EvlCand, k));
          i = MAX (end, i + 1);
          continue;
        }
      i++;
    }
}

/* Byte k of a word of at most four bytes at bits 8 k, its length @n at
 * bits 56-63: title_function_word()'s labels. */
#define PACKED4(n, a, b, c, d) \
  ((guint64) (n) << 56 | (guint64) (a) | (guint64) (b) << 8 | (guint64) (c) << 16 | (guint64) (d) << 24)

/* The @n bytes (1-4) at @p, ignoring ASCII case, are a short function
 * word of titles ('a', 'of', 'with', 'per', ...).  A switch on the bytes
 * packed into one word: tok_in() compared each of the 22 words in turn
 * (~0.5 M instructions on the small corpus, nearly all title_case()'s). */
static inline gboolean
title_function_word (const char *p, gsize n, const char *limit)
{
  guint64 key = GUINT64_FROM_LE (evl_ent_chunk (p, n, limit)) | (guint64) n << 56;
  switch (key)
    {
    case PACKED4 (1, 'a', 0, 0, 0):
    case PACKED4 (2, 'a', 'n', 0, 0):
    case PACKED4 (3, 't', 'h', 'e', 0):
    case PACKED4 (3, 'a', 'n', 'd', 0):
    case PACKED4 (2, 'o', 'r', 0, 0):
    case PACKED4 (3, 'b', 'u', 't', 0):
    case PACKED4 (3, 'n', 'o', 'r', 0):
    case PACKED4 (2, 'o', 'f', 0, 0):
    case PACKED4 (3, 'f', 'o', 'r', 0):
    case PACKED4 (2, 't', 'o', 0, 0):
    case PACKED4 (2, 'i', 'n', 0, 0):
    case PACKED4 (2, 'o', 'n', 0, 0):
    case PACKED4 (2, 'a', 't', 0, 0):
    case PACKED4 (2, 'b', 'y', 0, 0):
    case PACKED4 (4, 'w', 'i', 't', 'h'):
    case PACKED4 (2, 'a', 's', 0, 0):
    case PACKED4 (4, 'f', 'r', 'o', 'm'):
    case PACKED4 (4, 'i', 'n', 't', 'o'):
    case PACKED4 (4, 'o', 'v', 'e', 'r'):
    case PACKED4 (2, 'v', 's', 0, 0):
    case PACKED4 (3, 'v', 'i', 'a', 0):
    case PACKED4 (3, 'p', 'e', 'r', 0):
      return TRUE;
    default:
      return FALSE;
    }
}

/* A sentence in Title Case ('Are Putin and Kim Rekindling a Connection?')
 * is treated like a heading: its capitals say nothing about names.  It has
 * four words or more and no lower-case word other than short function
 * words. */
static gboolean
title_case (const Scan *s, const EvlSentence *sent)
{
  guint words = 0;
  for (guint i = sent->first_token; i < sent->first_token + sent->n_tokens; i++)
    {
      if (!is_word (s, i) || is_possessive (s, i))
        continue;
      words++;
      if (is_cap (s, i) || !g_ascii_isalpha (tok_text (s, i)[0]))
        continue;
      gsize n = tok_len (s, i);
      if (n == 0 || n > 4 || !title_function_word (tok_text (s, i), n, s->text + s->text_len))
        return FALSE;
    }
  return words >= 4;
}


static void
scratch_free (gpointer p)
{
  Scratch *sc = p;
  g_free (sc->memo);
  g_free (sc->state);
  g_free (sc->lower_words);
  g_free (sc->lower_keys);
  g_free (sc->lower_used);
  g_free (sc->lower_next);
  g_array_unref (sc->cands);
  g_free (sc->words);
  g_free (sc);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

static Scratch *
scratch_get (guint n_tok, const EvlEntLex *lex)
{
  Scratch *sc = g_private_get (&scratch_key);
  if (sc == NULL)
    {
      sc = g_new0 (Scratch, 1);
      sc->cands = g_array_new (FALSE, FALSE, sizeof (EvlCand));
      sc->words = g_new0 (WordSlot, 1u << WORD_CACHE_BITS);
      sc->words_lex = lex->id;
      g_private_set (&scratch_key, sc);
    }
  if (sc->words_lex != lex->id)
    {
      /* Another context's tables: its answers do not hold here. */
      memset (sc->words, 0, sizeof (WordSlot) << WORD_CACHE_BITS);
      sc->words_lex = lex->id;
    }
  if (n_tok > sc->cap_tok)
    {
      sc->cap_tok = n_tok <= SCRATCH_KEEP ? MAX (n_tok, MIN (sc->cap_tok * 2, SCRATCH_KEEP)) : n_tok;
      g_free (sc->memo);
      g_free (sc->state);
      sc->memo = g_new (TokMemo, sc->cap_tok);
      sc->state = g_new (guint8, sc->cap_tok);
    }
  return sc;
}

/* Frees what a document larger than SCRATCH_KEEP tokens grew. */
static void
scratch_trim (Scratch *sc)
{
  if (sc->cap_tok > SCRATCH_KEEP)
    {
      g_clear_pointer (&sc->memo, g_free);
      g_clear_pointer (&sc->state, g_free);
      sc->cap_tok = 0;
    }
  if (sc->cap_words > SCRATCH_KEEP)
    {
      g_clear_pointer (&sc->lower_words, g_free);
      g_clear_pointer (&sc->lower_keys, g_free);
      g_clear_pointer (&sc->lower_used, g_free);
      sc->cap_words = sc->cap_slots = 0;
    }
  if (sc->cap_next > SCRATCH_KEEP)
    {
      g_clear_pointer (&sc->lower_next, g_free);
      sc->cap_next = 0;
    }
  if (sc->cands->len > SCRATCH_KEEP / 8)
    {
      g_array_unref (sc->cands);
      sc->cands = g_array_new (FALSE, FALSE, sizeof (EvlCand));
    }
}

void
evl_entities_annotate (const EvlContext *ctx, EvlDocument *doc)
{
  evl_entities_annotate_for (ctx, doc, EVL_PIPELINE_NEEDS_ALL);
}

void
evl_entities_annotate_for (const EvlContext *ctx, EvlDocument *doc, EvlPipelineNeeds needs)
{
  g_return_if_fail (ctx != NULL && doc != NULL);
  evl_document_clear_entities (doc);

  const EvlEntLex *lex = evl_ent_lex_get (ctx);
  Scan s = { 0 };
  s.lex = lex;
  s.doc = doc;
  gsize text_len;
  s.text = evl_document_get_text (doc, &text_len);
  s.text_len = (guint32) text_len;
  s.tok = evl_document_get_tokens (doc, &s.n_tok);
  guint n_sent;
  const EvlSentence *sents = evl_document_get_sentences (doc, &n_sent);
  if (s.n_tok == 0 || n_sent == 0)
    return;
  Scratch *sc = scratch_get (s.n_tok, lex);
  LowerSet lower = { .sc = sc };
  s.lower = &lower;
  s.memo = sc->memo;
  s.state = sc->state;
  s.words = sc->words;
  memset (s.state, 0, s.n_tok);
  /* Emptied (n_cands), its room kept: it grows only past the thread's
   * largest document so far. */
  s.cands = sc->cands;
  s.n_cands = 0;

  for (guint si = 0; si < n_sent; si++)
    {
      const EvlSentence *sent = &sents[si];
      if (sent->is_furniture || sent->n_tokens == 0)
        continue;
      s.sentence = si;
      s.s_end = sent->first_token + sent->n_tokens;
      s.lc_from = s.lc_end = G_MAXUINT;
      s.heading = sent->is_heading != 0 || title_case (&s, sent);
      scan_sentence (&s, sent, si == 0 || sents[si - 1].paragraph != sent->paragraph);
    }

  g_array_set_size (s.cands, s.n_cands);
  evl_ent_cluster (ctx, lex, doc, s.cands, (needs & EVL_PIPELINE_NEEDS_ALL) == EVL_PIPELINE_NEEDS_ALL);
  scratch_trim (sc);
}
