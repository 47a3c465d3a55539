/* TimeML EVENT recognition: which tokens are event triggers, with their
 * class, tense and aspect.
 *
 * One pass over the tokens.  Each distinct word form costs one O(1)
 * lookup in the derived en/event-forms lexicon
 * (scripts/derive-event-lexicon; repeats hit a per-thread memo, and the
 * words of the compiled-in lexicons are filled at build time:
 * EvlKnownWords), which carries the weights of a logistic-regression model: the form's own
 * weight (form + lemma + suffixes) and its weights as the previous, next,
 * second-previous and second-next word of a candidate (the loop decides
 * token i - 2 once token i is read); three more weights from
 * en/event-pairs (its keys numbered at build time, EvlPairIndex) pair
 * the previous word with the word's last three letters and with its
 * lemma ('the ..ing', 'to meet'), and the lemma with the next word
 * ('plan to').  A token is an event
 * trigger when bias + shape + own + context + pair weights
 * exceed the model threshold.
 * Unseen forms fall back to their lemma's and suffixes' weights, so
 * unseen inflections of known lemmas are recognised.  A candidate is
 * kept only when P(event) x P(its class is right) also clears the model's
 * class threshold (class F1 is extent F1 times class accuracy, so an
 * uncertain trigger with an ambiguous class costs more than it brings);
 * P(class right) is the posterior of the decided class given the context
 * cues when the form or its lemma has a class vector, else the derived
 * confidence of an unseen lemma.
 * Only tokens that become events are lemmatised and interned.
 *
 * Class: the form's class log-scores, derived offline from the gold
 * class distribution of the form smoothed with its lemma's and the
 * corpus prior (TimeML classes are mostly lexical), plus the class cues
 * of the previous and next word ('declined to', 'said that', 'the loss
 * of'), carried by those words' entries so they cost no extra lookup.
 * A discriminative classifier over form, lemma, suffixes, neighbours and
 * the governing event, lemma x context counts and suffix back-off for
 * unseen lemmas did not beat this in cross-validation.  Tense and aspect follow
 * the TimeML 1.2 MAKEINSTANCE conventions from the auxiliary chain before
 * the trigger ('has fallen' PRESENT PERFECTIVE, 'will meet' FUTURE,
 * 'was launched' PAST, 'to meet' INFINITIVE). */
#include "events-private.h"
#include "recognize-index.h"

#include <math.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { SHAPE_PUNCT, SHAPE_NUM, SHAPE_ALLCAPS, SHAPE_CAPFIRST, SHAPE_CAP, SHAPE_LOWER, N_SHAPES };

static const char *const shape_names[N_SHAPES] = {
  "shape-punct", "shape-num", "shape-allcaps", "shape-capfirst", "shape-cap", "shape-lower",
};

/* A word form's model inputs (EvlWordSlot).  News repeats its words: a
 * two-way memo of folded forms turns most tokens' lexicon lookups (fold,
 * hash, compare) and unseen-word back-offs (lemma, suffixes) into one
 * short memcmp.  A slot is a pure function of its key and the context, so
 * the memo is kept per thread across documents (thread_memo()): measured
 * on 400 small documents, zeroing a per-document memo was a quarter of the
 * recognizer's instructions and each document started cold. */
/* 32 K slots (4 MB per thread, of which a token reads one 64-byte line):
 * 16 K left a wire-story vocabulary thrashing in its two-way sets
 * (measured with callgrind's cache model on 1,200 wire stories, 2 MB
 * last level: 1,037 K -> 957 K last-level read misses in all; 1.1 M
 * instructions fewer on 400 small documents). */
#ifndef MEMO_BITS
#define MEMO_BITS 15
#endif

typedef EvlWordSlot Slot;

typedef struct _Derived Derived;

typedef struct {
  const EvlContext *ctx;
  const Derived *d;
  const EvlLexicon *forms, *lemmas, *suffixes, *irregular, *pairs;
  int bias, shape[N_SHAPES], prev_start, prev2_start, next_end, next2_end, threshold;
  int pair_bound;            /* the most pair weights can add (derived_build()) */
  int bias_shape[N_SHAPES];  /* bias + shape[] (derived_build()) */
  int pair_floor;            /* threshold - pair_bound: a score at or under it is no event */
  /* by shape: a token whose own weight and pair bound (EvlWordSlot.pair_max)
   * add up to at most this is no event whatever its neighbours
   * (derived_build()); G_MININT / 2 when not known or after a word with
   * white space (whose pair keys go by string) */
  int never[N_SHAPES];
  /* the same once the nearer neighbours are read: threshold minus the
   * most the second neighbours can add */
  int near_floor;
  int unseen_class;          /* milli log P(class right) of an unseen lemma */
  double class_threshold;    /* log of the P(event) x P(class) bar */
  int class_prior[EVL_EVENT_CLASS_N];      /* milli log P(class) of an unseen word */
  int cue_prev_start[EVL_EVENT_CLASS_N];   /* cue vector of a sentence start */
  int cue_next_end[EVL_EVENT_CLASS_N];     /* cue vector of a sentence end */
  Slot *memo;                /* 1 << MEMO_BITS slots (thread_memo()) */
  double *exp_cache;         /* EXP_CACHE values of exp (-d / 1000.0), 0: not yet (thread_memo()) */
  double *log_event_cache;   /* EXP_CACHE values of worth_reporting()'s log P(event) (thread_memo()) */
  gint32 (*class_bounds)[2]; /* CLASS_BOUNDS bounds of a class log-posterior by margin (class_bounds()) */
  EvlWordSources src;        /* what a memo miss fills its slot from; its suffix
                                caches are per thread (thread_memo()) */
  const EvlKnownWords *known;   /* the compiled-in lexicons' words, NULL: none */
  /* known->strings, when they are static data (static_lemma()); else
   * both NULL */
  const char *static_lo, *static_hi;
} Model;

/* What the recognizer derives once per context (derived_build()). */
struct _Derived {
  Model model;               /* the model's constants (memo unset) */
  guint generation;          /* distinct for every context built (thread_memo()) */
  EvlPairIndex pairs;
  GBytes *pairs_image;       /* what pairs maps, NULL: built */
  EvlEventRecords records;   /* of the forms and lemmas lexicons' entries */
  GBytes *records_image;     /* what records maps, NULL: built */
  EvlKnownWords known;       /* mapped, or empty: the lexicons are not the compiled-in ones */
  GBytes *known_image;
  Slot edge;                 /* a sentence boundary as a neighbour: prev-start,
                                prev2-start, next-end and next2-end as its weights */
};


/* Per-token model inputs (ring of RING: two tokens before and two after
 * the candidate, and the AUX_WINDOW before it whose auxiliary roles and
 * adverb flags tense_aspect() reads from their slots).  A token points
 * at its memo slot instead of copying it; when a memo miss is about to
 * refill a slot that a ring entry still points at, that entry takes a
 * copy first (info_fill()). */
#define RING 16u
/* by field rather than by token: the candidate test reads five tokens'
 * slots and sentences, and a miss compares the slot pointers, at an
 * index scaled by 8 or 4 rather than by a 144-byte entry (measured: 2.0 M
 * instructions fewer on 400 small documents) */
typedef struct {
  const Slot *w[RING];       /* token's memo slot, or &own[] */
  guint32 sentence[RING];    /* its sentence; NO_SENTENCE before the first token, after the last */
  guint8 shape[RING];        /* SHAPE_CAP for SHAPE_CAPFIRST too (told when decided) */
  Slot own[RING];            /* a word without a memo key, or a rescued slot */
} Ring;

#define NO_SENTENCE G_MAXUINT32
/* a power of two: the pass's index of token i - 2 wraps below 0 onto
 * the ring's end (evl_events_recognize()) */
G_STATIC_ASSERT ((RING & (RING - 1)) == 0);

static int
model_weight (const EvlLexicon *model, const char *name)
{
  return evl_entry_milli (evl_lexicon_lookup (model, name, -1), 0);
}

static void
model_init (Model *m, const EvlContext *ctx)
{
  memset (m, 0, sizeof *m);
  m->ctx = ctx;
  m->forms = evl_context_get_lexicon (ctx, "en/event-forms");
  m->lemmas = evl_context_get_lexicon (ctx, "en/event-lemmas");
  m->suffixes = evl_context_get_lexicon (ctx, "en/event-suffixes");
  m->pairs = evl_context_get_lexicon (ctx, "en/event-pairs");
  m->irregular = evl_context_get_lexicon (ctx, "en/irregular-verbs");
  const EvlLexicon *model = evl_context_get_lexicon (ctx, "en/event-model");
  m->bias = model_weight (model, "bias");
  for (guint i = 0; i < N_SHAPES; i++)
    m->shape[i] = model_weight (model, shape_names[i]);
  m->prev_start = model_weight (model, "prev-start");
  m->prev2_start = model_weight (model, "prev2-start");
  m->next_end = model_weight (model, "next-end");
  m->next2_end = model_weight (model, "next2-end");
  m->threshold = model_weight (model, "threshold");
  m->unseen_class = model_weight (model, "unseen-class");
  m->class_threshold = model_weight (model, "class-threshold") / 1000.0;
  evl_event_add_vector (m->class_prior,
                        evl_entry_attr (evl_lexicon_lookup (model, "class-prior", -1), 0));
  evl_event_add_vector (m->cue_prev_start,
                        evl_entry_attr (evl_lexicon_lookup (model, "cue-prev-start", -1), 0));
  evl_event_add_vector (m->cue_next_end,
                        evl_entry_attr (evl_lexicon_lookup (model, "cue-next-end", -1), 0));
}

/* The shape of a word; a capitalized one is SHAPE_CAP, whether it
 * starts its sentence or not (the pass tells). */
static guint8
token_shape (const char *w, gsize n)
{
  guchar c = (guchar) w[0];
  if (c < 0x80 && !g_ascii_isalnum (c))
    return SHAPE_PUNCT;
  if (c >= 0x80)
    {
      /* Non-ASCII start: a word only if it has ASCII letters ('Élysée');
       * bullets, dashes, curly quotes are punctuation. */
      gboolean letters = FALSE;
      for (gsize i = 0; i < n && !letters; i++)
        letters = g_ascii_isalpha (w[i]);
      if (!letters)
        return SHAPE_PUNCT;
    }
  if (g_ascii_isdigit (c))
    return SHAPE_NUM;
  gboolean upper = FALSE, lower = FALSE;
  for (gsize i = 0; i < n && !lower; i++)   /* one lower-case letter: not all caps */
    {
      upper |= g_ascii_isupper (w[i]);
      lower |= g_ascii_islower (w[i]);
    }
  if (upper && !lower && n > 1)
    return SHAPE_ALLCAPS;
  if (g_ascii_isupper (c))
    return SHAPE_CAP;
  return SHAPE_LOWER;
}





/* A folded memo key, zero-padded to whole 64-bit words so that it is
 * hashed and compared a word at a time. */
typedef union {
  guint64 u[EVL_WORD_KEY_ROOM / 8];
  char c[EVL_WORD_KEY_ROOM];
} MemoKey;

/* The first slot of the key's set of two: the memo is two-way
 * set-associative, a miss replaces the way not used last (measured on
 * 400 small documents at the same size: 16.8K misses direct-mapped,
 * 13.9K two-way, 2.1 M instructions fewer). */
static inline guint32
memo_index (const MemoKey *k, gsize n)
{
  guint64 v = k->u[0] ^ n;
  if (n > 8)   /* else the other key words are 0 (zero-padded), and so their products */
    v ^= (k->u[1] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15))
         ^ (k->u[2] * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F));
  v *= G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  return (guint32) (v >> (64 - MEMO_BITS + 1)) << 1;
}

static inline gboolean
slot_holds (const Slot *slot, const MemoKey *k, gsize n)
{
  /* keys are zero-padded: a word of at most eight bytes (most) is its
   * first key word */
  return slot->len == n && evl_load64 (slot->key) == k->u[0]
         && (n <= 8 || (evl_load64 (slot->key + 8) == k->u[1]
                        && evl_load64 (slot->key + 16) == k->u[2]));
}

/* Bytes 'A'-'Z' ('a'-'z' with @lo 'a', @hi 'z') of the ASCII word @x: their
 * high bits set (no carry crosses a byte below 0x80). */
static inline guint64
swar_range (guint64 x, guchar lo, guchar hi)
{
  return (x + EVL_SWAR_ONES * (0x80u - lo)) & ~(x + EVL_SWAR_ONES * (0x7Fu - hi)) & EVL_SWAR_HIGHS;
}

/* token_shape() of an ASCII word of @n bytes in @lo, @hi (zero-padded),
 * by its first byte: a lower-case one (most words) settles it, an
 * upper-case one makes it all caps unless a lower-case letter follows
 * (tested a word at a time).  Measured on 400 small documents: the byte
 * loops were 3.7 M instructions. */
static inline guint8
swar_shape (guint64 lo, guint64 hi, gsize n)
{
  guchar c = (guchar) (lo & 0xFF);
  if (c >= 'a' && c <= 'z')   /* g_ascii_islower() without its table */
    return SHAPE_LOWER;
  if (c >= 'A' && c <= 'Z')
    return n > 1 && !(swar_range (lo, 'a', 'z') | swar_range (hi, 'a', 'z')) ? SHAPE_ALLCAPS
           : SHAPE_CAP;
  return c >= '0' && c <= '9' ? SHAPE_NUM : SHAPE_PUNCT;
}

/* the word's bytes of the two loads of a word of n <= 16 bytes, by a
 * table rather than branches on the length (the shift masked: clang
 * checks the branch not taken at file scope) */
#define M8(b) ((b) >= 8 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << (8 * ((b) & 7))) - 1)
#define MASKS(b) { M8 (b), (b) > 8 ? M8 ((b) - 8) : 0 }
static const guint64 masks[17][2] = {
  MASKS (0), MASKS (1), MASKS (2), MASKS (3), MASKS (4), MASKS (5), MASKS (6),
  MASKS (7), MASKS (8), MASKS (9), MASKS (10), MASKS (11), MASKS (12), MASKS (13),
  MASKS (14), MASKS (15), MASKS (16),
};
#undef MASKS
#undef M8

/* Folds the word @w (@n bytes, 0 < n <= EVL_WORD_KEY) into @k, zero-padded:
 * ASCII lower case, U+2019/U+2018 as apostrophe (the corpora write
 * "n't", "'s"), and its shape into *@shape.  Returns the folded length.
 * For the words info_fill() does not key itself, eight bytes at a time:
 * those of more than 16 bytes or not ASCII (measured on 400 small
 * documents, this byte loop for every word was 8 M instructions). */
static gsize
memo_key_at (const char *w, gsize n, MemoKey *k, guint8 *shape)
{
  *shape = token_shape (w, n);
  memset (k, 0, sizeof *k);
  gsize kn = 0;
  for (gsize i = 0; i < n; i++)
    {
      char c = w[i];
      if (c >= 'A' && c <= 'Z')
        c = (char) (c + ('a' - 'A'));
      else if ((guchar) c == 0xE2 && i + 2 < n && (guchar) w[i + 1] == 0x80
               && ((guchar) w[i + 2] == 0x99 || (guchar) w[i + 2] == 0x98))
        {
          c = '\'';
          i += 2;
        }
      k->c[kn++] = c;
    }
  return kn;
}

/* Fills @slot from the known word @kw: its first line as it is, its
 * vectors and lemma by number. */
static inline void
known_copy (const Model *m, const EvlKnownWord *kw, Slot *slot)
{
  memcpy (slot, kw->hot, sizeof kw->hot);
  const EvlEventRecords *r = m->src.records;
  /* the known words' copy of the form lemma: reading the entry's would
   * build the lexicon's entries (form_record()) */
  slot->form_lemma = kw->form_lemma ? m->known->strings + kw->form_lemma - 1 : NULL;
  slot->classes = kw->classes ? r->vectors[kw->classes - 1] : NULL;
  slot->cue_prev = kw->cue_prev ? r->vectors[kw->cue_prev - 1] : NULL;
  slot->cue_next = kw->cue_next ? r->vectors[kw->cue_next - 1] : NULL;
  memcpy (slot->lemma, kw->lemma_bytes, sizeof kw->lemma_bytes);
}

/* May an entry of @ring point at @slot?  Checked before a memo miss
 * refills it, and rarely so: with SSE2 the pointers' low halves are
 * compared two at a time, without a branch per entry (a match of the low
 * half alone only sends the caller to its exact loop). */
static inline gboolean
ring_may_hold (const Ring *ring, const Slot *slot)
{
#if defined(__SSE2__)
  G_STATIC_ASSERT (sizeof (gpointer) == 8 && RING % 2 == 0);
  __m128i want = _mm_set1_epi64x ((gint64) (guintptr) slot), any = _mm_setzero_si128 ();
  for (guint j = 0; j < RING; j += 2)
    any = _mm_or_si128 (any, _mm_cmpeq_epi32 (_mm_loadu_si128 ((const __m128i *) &ring->w[j]),
                                              want));
  return (_mm_movemask_epi8 (any) & 0x0F0F) != 0;   /* the low halves' bytes */
#else
  gboolean hit = FALSE;
  for (guint j = 0; j < RING; j++)
    hit |= ring->w[j] == slot;
  return hit;
#endif
}

/* The set of the memo to probe for the ASCII word of @n (1 to 16) bytes
 * @lo, @hi (zero-padded; @hi 0 for n <= 8) of shape @shape, its folded
 * key into @key (words past the length unset for n <= 8: a hit reads the
 * first only, a miss zeroes them in info_fill()), *@hit whether the set's
 * first way holds it.  A word that does not start with a capital is
 * probed as it is, unfolded: a memo key is folded, so a slot that holds
 * it is its folded form's; only when that misses is it folded, and probed
 * again when that changes it ('iPhone').  Measured: 0.42 M instructions
 * fewer on 400 small documents than folding every word of up to eight
 * bytes, 0.27 M more for those up to sixteen. */
static inline Slot *
probe_ascii (const Model *m, guint64 lo, guint64 hi, gsize n, guint8 shape, MemoKey *key,
             gboolean *hit)
{
  gboolean cap = shape == SHAPE_CAP || shape == SHAPE_ALLCAPS;
  key->u[0] = cap ? evl_swar_lower_ascii (lo) : lo;
  if (n > 8)
    {
      key->u[1] = cap ? evl_swar_lower_ascii (hi) : hi;
      key->u[2] = 0;
    }
  Slot *set = &m->memo[memo_index (key, n)];
  *hit = slot_holds (set, key, n);
  if (!*hit && !cap)
    {
      guint64 f0 = evl_swar_lower_ascii (lo), f1 = n > 8 ? evl_swar_lower_ascii (hi) : 0;
      if (f0 != lo || f1 != hi)
        {
          key->u[0] = f0;
          if (n > 8)
            key->u[1] = f1;
          set = &m->memo[memo_index (key, n)];
          *hit = slot_holds (set, key, n);
        }
    }
  return set;
}

/* Fills entry @at of @ring for the token @w (@n bytes) of a document's
 * text.
 * TRUE when the word's slot is spaced (white space in its key or lemma):
 * such a slot is not kept in the memo, so that a memo hit never is one
 * and the caller learns of each without reading the flag per token. */
static gboolean
info_fill (const Model *m, const char *w, gsize n, Ring *ring,
           guint at)
{
  /* (the hints: one token in ten misses the memo, fewer have no key;
   * laying out the hit path first measured 0.28 M instructions fewer on
   * 400 small documents) */
  MemoKey key;
  guint64 lo, hi;
  Slot *set;
  gboolean hit;
  /* an ASCII word of one to eight bytes (most) first, with one test of
   * its length (measured: 0.86 M instructions fewer on 400 small
   * documents than tests for 0, 16 and 8 bytes for every word), and a
   * probe of its own, which knows the length (measured: 0.40 M fewer);
   * then one of nine to sixteen, the document's text being followed by
   * its NUL and fifteen zero bytes (evl_document_new()), so that 16 bytes
   * from a token are readable */
  if (G_BYTE_ORDER == G_LITTLE_ENDIAN && G_LIKELY (n - 1 < 8)
      && ((lo = evl_load64 (w) & masks[n][0]) & EVL_SWAR_HIGHS) == 0)
    {
      guint8 shape = swar_shape (lo, 0, n);
      ring->shape[at] = shape;
      set = probe_ascii (m, lo, 0, n, shape, &key, &hit);
    }
  else if (G_BYTE_ORDER == G_LITTLE_ENDIAN && n - 9 < 8
           && (((lo = evl_load64 (w)) | (hi = evl_load64 (w + 8) & masks[n][1]))
               & EVL_SWAR_HIGHS) == 0)
    {
      guint8 shape = swar_shape (lo, hi, n);
      ring->shape[at] = shape;
      set = probe_ascii (m, lo, hi, n, shape, &key, &hit);
    }
  else if (G_UNLIKELY (n == 0 || n > EVL_WORD_KEY))
    {
      /* an empty token is never a trigger: as punctuation it is skipped
       * with the others (its shape serves nothing else) */
      ring->shape[at] = n == 0 ? SHAPE_PUNCT : token_shape (w, n);
      evl_word_slot_fill (&m->src, w, n, FALSE, FALSE, &ring->own[at], NULL);
      ring->own[at].len = 0;   /* no key: no pair weights */
      ring->w[at] = &ring->own[at];
      return ring->own[at].spaced;
    }
  else
    {
      n = memo_key_at (w, n, &key, &ring->shape[at]);
      set = &m->memo[memo_index (&key, n)];
      hit = slot_holds (set, &key, n);
    }
  Slot *slot = set;
  /* the way probed first is the one an empty set fills first, so that
   * the memo's words are mostly found by the first compare (measured:
   * when a set's first word went to its second way, 90% of the hits
   * were there, 0.3 M instructions more on 400 small documents) */
  if (G_LIKELY (hit))
    set->victim = 1;
  else if (slot_holds (set + 1, &key, n))
    {
      slot = set + 1;
      set->victim = 0;
    }
  else
    {
      guint way = set->victim;
      slot = set + way;
      if (n <= 8)   /* probe_ascii() left them: a hit reads the first word only */
        key.u[1] = key.u[2] = 0;
      /* an empty slot (most misses: a word not read before) is no
       * entry's: a slot is emptied only once no entry points at it
       * (measured: 0.28 M instructions fewer on 400 small documents) */
      if (slot->len != 0 && ring_may_hold (ring, slot))
        for (guint j = 0; j < RING; j++)
          if (ring->w[j] == slot && j != at)
            {
              ring->own[j] = *slot;
              ring->w[j] = &ring->own[j];
            }
      const EvlKnownWord *kw = m->known ? evl_known_words_find (m->known, key.u, n) : NULL;
      if (kw)
        known_copy (m, kw, slot);
      else
        {
          evl_word_slot_fill (&m->src, key.c, n, TRUE, m->known != NULL, slot, NULL);
          slot->len = (guint8) n;
          memcpy (slot->key, key.c, sizeof key.c);
        }
      set->victim = (guint8) (way ^ 1);
      if (G_UNLIKELY (slot->spaced))
        {
          ring->own[at] = *slot;
          ring->w[at] = &ring->own[at];
          slot->len = 0;   /* empty */
          return TRUE;
        }
    }
  ring->w[at] = slot;
  return FALSE;
}

/* The en/event-pairs weight of the key "@tag @a @b" (one of @a, @b a
 * memo key, the other a key or a lemma: @an + @bn < EVL_WORD_LEMMA_KEY + EVL_WORD_KEY). */
static int
pair_lookup (const Model *m, char tag, const char *a, gsize an, const char *b, gsize bn)
{
  char key[2 + EVL_WORD_LEMMA_KEY + 1 + EVL_WORD_KEY];
  key[0] = tag;
  key[1] = ' ';
  memcpy (key + 2, a, an);
  key[2 + an] = ' ';
  memcpy (key + 3 + an, b, bn);
  return evl_entry_milli (evl_lexicon_lookup (m->pairs, key, (gssize) (3 + an + bn)), 0);
}

#define IMAGE_ROOT "/org/eventline-lexicon-index/"

/* The compiled-in text of the lexicon @name ("en/event-pairs") when
 * @lex is that text's (mapped from the lexicon index: never a data
 * dir's file), else NULL. */
static GBytes *
compiled_text (const EvlContext *ctx, const EvlLexicon *lex, const char *name)
{
  g_autofree char *path = g_strconcat ("lexicons/", name, ".txt", NULL);
  return lex && evl_lexicon_is_mapped (lex) ? evl_context_get_data (ctx, path) : NULL;
}

/* The image @file that lexicon-index-tool wrote next to the lexicon
 * index (8-byte aligned resource data), or NULL. */
static GBytes *
image_get (const char *file, const guint8 **data, gsize *len)
{
  g_autofree char *path = g_strconcat (IMAGE_ROOT, file, NULL);
  GBytes *image = g_resource_lookup_data (evl_lexicon_index_get_resource (), path, 0, NULL);
  if (image)
    *data = g_bytes_get_data (image, len);
  return image;
}

gboolean
evl_events_resource_is_static (GResource *res, const char *path, gconstpointer data)
{
  /* A second lookup while the first's bytes are held: the same address
   * only when both wrap the resource's own bytes (a compressed resource
   * is a new copy each time), which stay when the bytes objects go. */
  GBytes *again = g_resource_lookup_data (res, path, 0, NULL);
  gboolean same = again && g_bytes_get_data (again, NULL) == data;
  g_clear_pointer (&again, g_bytes_unref);
  return same;
}

void
evl_events_known_image_range (const char **lo, const char **hi)
{
  static gsize once = 0;
  static const char *range[2];
  if (g_once_init_enter (&once))
    {
      const guint8 *data = NULL;
      gsize len = 0;
      GBytes *image = image_get ("event-known.bin", &data, &len);
      if (image && evl_events_resource_is_static (evl_lexicon_index_get_resource (),
                                                  IMAGE_ROOT "event-known.bin", data))
        {
          range[0] = (const char *) data;
          range[1] = (const char *) data + len;
        }
      g_clear_pointer (&image, g_bytes_unref);
      g_once_init_leave (&once, 1);
    }
  *lo = range[0];
  *hi = range[1];
}

/* Maps the pair index and the records that lexicon-index-tool built
 * from the compiled-in lexicons into @d when the context's lexicons are
 * those (mapped from the lexicon index, same sizes and entries); each
 * that does not map (a data dir's lexicon, a stale image) is built. */
static void
derived_images (Derived *d, const EvlContext *ctx)
{
  const Model *m = &d->model;
  const guint8 *data = NULL;
  gsize len = 0;
  GBytes *text = compiled_text (ctx, m->pairs, "en/event-pairs");
  GBytes *image = text ? image_get ("event-pairs.bin", &data, &len) : NULL;
  if (image && evl_pair_index_map (&d->pairs, data, len, evl_lexicon_size (m->pairs),
                                   g_bytes_get_size (text)))
    d->pairs_image = g_steal_pointer (&image);
  else
    evl_pair_index_build (&d->pairs, m->pairs);
  g_clear_pointer (&image, g_bytes_unref);

  GBytes *ftext = compiled_text (ctx, m->forms, "en/event-forms");
  GBytes *ltext = compiled_text (ctx, m->lemmas, "en/event-lemmas");
  image = ftext && ltext ? image_get ("event-records.bin", &data, &len) : NULL;
  if (image && evl_event_records_map (&d->records, data, len, evl_lexicon_size (m->forms),
                                      g_bytes_get_size (ftext), evl_lexicon_size (m->lemmas),
                                      g_bytes_get_size (ltext)))
    d->records_image = g_steal_pointer (&image);
  else
    evl_event_records_build (&d->records, m->forms, m->lemmas);
  g_clear_pointer (&image, g_bytes_unref);

  /* the known words, when every lexicon they were filled from is the
   * compiled-in one */
  static const char *const names[EVL_KNOWN_LEXICONS] = {
    "en/event-forms", "en/event-lemmas", "en/event-suffixes", "en/irregular-verbs",
    "en/event-pairs", "en/event-model",
  };
  EvlKnownFingerprint f;
  memset (&f, 0, sizeof f);
  gboolean compiled = TRUE;
  for (guint i = 0; i < EVL_KNOWN_LEXICONS && compiled; i++)
    {
      const EvlLexicon *lex = evl_context_get_lexicon (ctx, names[i]);
      GBytes *t = compiled_text (ctx, lex, names[i]);   /* the context's */
      compiled = t != NULL;
      if (t)
        {
          f.n_entries[i] = evl_lexicon_size (lex);
          f.text_len[i] = g_bytes_get_size (t);
        }
    }
  image = compiled ? image_get ("event-known.bin", &data, &len) : NULL;
  if (image && evl_known_words_map (&d->known, data, len, &f))
    d->known_image = g_steal_pointer (&image);
  g_clear_pointer (&image, g_bytes_unref);
}

/* The model's constants, the pair index, the records, and the most the
 * pair weights can add to a token's score: the sum over the pair kinds
 * (a key's first letter; each is looked up at most once per token) of the
 * kind's largest positive weight; a token whose score stays at or under
 * the threshold even with it takes no pair lookups, and the decision is
 * the same. */
static gpointer
derived_build (const EvlContext *ctx)
{
  Derived *d = g_new0 (Derived, 1);
  model_init (&d->model, ctx);
  derived_images (d, ctx);
  EvlWordSources *src = &d->model.src;
  src->forms = d->model.forms;
  src->lemmas = d->model.lemmas;
  src->suffixes = d->model.suffixes;
  src->irregular = d->model.irregular;
  src->records = &d->records;
  src->pairs = &d->pairs;
  src->unseen_class = d->model.unseen_class;
  d->model.known = d->known_image ? &d->known : NULL;
  src->known = d->model.known;
  const char *lo, *hi;
  evl_events_known_image_range (&lo, &hi);
  if (d->model.known && lo && d->known.strings >= lo && d->known.strings + d->known.n_strings <= hi)
    {
      d->model.static_lo = d->known.strings;
      d->model.static_hi = d->known.strings + d->known.n_strings;
    }
  d->model.pair_bound = d->pairs.pair_bound;
  d->model.pair_floor = d->model.threshold - d->model.pair_bound;
  for (guint k = 0; k < N_SHAPES; k++)
    d->model.bias_shape[k] = d->model.bias + d->model.shape[k];
  /* the most the neighbours can add: a word's context weights are its
   * en/event-forms record's, 0 when unseen, or a sentence boundary's
   * (the records' maxima come with their image: measured, 0.1 M
   * instructions to find at every start) */
  const EvlEventRecords *r = &d->records;
  int most[4] = { MAX (d->model.prev_start, r->most_prev), MAX (d->model.prev2_start, r->most_prev2),
                  MAX (d->model.next_end, r->most_next), MAX (d->model.next2_end, r->most_next2) };
  /* pair_max stands for the pair weights of a word without white space
   * next to neighbours without it; EVL_PAIR_MAX_UNKNOWN (a word with it)
   * then has to be at least pair_bound */
  gint64 room = (gint64) d->model.threshold - most[0] - most[1] - most[2] - most[3];
  d->model.near_floor = d->model.pair_bound <= EVL_PAIR_MAX_UNKNOWN
                        && (gint64) d->model.threshold - most[1] - most[3] > G_MININT / 2
                        ? d->model.threshold - most[1] - most[3] : G_MININT / 2;
  for (guint k = 0; k < N_SHAPES; k++)
    d->model.never[k] = d->model.pair_bound <= EVL_PAIR_MAX_UNKNOWN
                        && room - d->model.bias_shape[k] > G_MININT / 2
                        ? (int) (room - d->model.bias_shape[k]) : G_MININT / 2;
  d->edge.prev = d->model.prev_start;
  d->edge.prev2 = d->model.prev2_start;
  d->edge.next = d->model.next_end;
  d->edge.next2 = d->model.next2_end;
  static gint generations;
  d->generation = (guint) g_atomic_int_add (&generations, 1) + 1;
  return d;
}

static void
derived_free (gpointer p)
{
  Derived *d = p;
  evl_pair_index_clear (&d->pairs);
  if (d->pairs_image)
    g_bytes_unref (d->pairs_image);
  evl_event_records_clear (&d->records);
  if (d->records_image)
    g_bytes_unref (d->records_image);
  evl_known_words_clear (&d->known);
  if (d->known_image)
    g_bytes_unref (d->known_image);
  g_free (d);
}

/* The calling thread's memo, emptied when it last served another
 * context (a generation is never reused, so a new context at a freed
 * one's address cannot see stale slots); freed at thread exit. */
#define EXP_CACHE 16384
#define CLASS_BOUND_STEP 64   /* margins per class_bounds() entry */
#define CLASS_BOUNDS (EXP_CACHE / CLASS_BOUND_STEP)

typedef struct {
  Slot slots[1u << MEMO_BITS];   /* first: 64-byte aligned (thread_memo()) */
  gpointer block;            /* what was allocated */
  guint generation;
  EvlSuffixSlot suffixes[1u << EVL_SUFFIX_BITS];
  EvlSuffixIdSlot suffix_ids[1u << EVL_SUFFIX_BITS];
  double exp_cache[EXP_CACHE];   /* not per context: a pure function of its index */
  double log_event_cache[EXP_CACHE];   /* the same */
  gint32 class_bounds[CLASS_BOUNDS][2];   /* the same */
} Memo;

static void
memo_free (gpointer p)
{
  g_free (((Memo *) p)->block);
}

static GPrivate thread_memo_key = G_PRIVATE_INIT (memo_free);

static Memo *
thread_memo (const Derived *d)
{
  Memo *memo = g_private_get (&thread_memo_key);
  if (memo == NULL)
    {
      /* slots at a cache-line boundary (g_new0 gives 16 bytes) */
      gpointer block = g_malloc0 (sizeof (Memo) + 63);
      memo = (Memo *) (((guintptr) block + 63) & ~(guintptr) 63);
      memo->block = block;
      g_private_set (&thread_memo_key, memo);
    }
  else if (memo->generation != d->generation)
    {
      memset (memo->slots, 0, sizeof memo->slots);
      memset (memo->suffixes, 0, sizeof memo->suffixes);
      memset (memo->suffix_ids, 0, sizeof memo->suffix_ids);
    }
  memo->generation = d->generation;
  return memo;
}

/* The pair weights of @self (scripts/derive-event-lexicon, pair_keys()):
 * the previous word (@prev, NULL at a sentence start) with @self's last
 * three letters ("s PREV SUF3") and with its lemma ("l PREV LEMMA"), and
 * its lemma with the next word (@next, NULL at a sentence end; "n LEMMA
 * NEXT", 'plan to').  Words longer than the memo key take none.  @plain:
 * none of the three has white space (the caller knows). */
static int
pair_weights (const Model *m, const Slot *self, const Slot *prev, const Slot *next,
              gboolean plain)
{
  if (m->pairs == NULL || self->len == 0)
    return 0;
  const EvlPairIndex *x = &m->d->pairs;
  if (x->ok && (plain || (!self->spaced && !(prev && prev->spaced) && !(next && next->spaced))))
    {
      int sum = 0;
      if (self->lemma_len > 0 && !(next && next->len == 0))
        sum += evl_pair_index_get (x, 'n', self->lemma_id, next ? next->key_id : x->end);
      if (prev && prev->len == 0)
        return sum;
      guint p = prev ? prev->key_id : x->start;
      sum += evl_pair_index_get (x, 's', p, self->suffix_id);
      if (self->lemma_len > 0)
        sum += evl_pair_index_get (x, 'l', p, self->lemma_id);
      return sum;
    }
  int sum = 0;
  if (self->lemma_len > 0 && !(next && next->len == 0))
    sum += pair_lookup (m, 'n', self->lemma, self->lemma_len,
                        next ? next->key : "</s>", next ? next->len : 4);
  if (prev && prev->len == 0)
    return sum;
  const char *pk = prev ? prev->key : "<s>";
  gsize pn = prev ? prev->len : 3;
  gsize sn = self->len < 3 ? self->len : 3;
  sum += pair_lookup (m, 's', pk, pn, self->key + self->len - sn, sn);
  if (self->lemma_len > 0)
    sum += pair_lookup (m, 'l', pk, pn, self->lemma, self->lemma_len);
  return sum;
}

/* ---- tense and aspect ---- */

static const char *
tense_of_finite (Aux a)
{
  switch (a)
    {
    case AUX_BE_PRES: case AUX_HAVE_PRES: case AUX_DO_PRES: return "PRESENT";
    case AUX_BE_PAST: case AUX_HAVE_PAST: case AUX_DO_PAST: return "PAST";
    case AUX_WILL: return "FUTURE";
    case AUX_TO: return "INFINITIVE";
    case AUX_BEING: case AUX_HAVING: return "PRESPART";
    default: return "NONE";
    }
}

static gboolean
is_be (Aux a)
{
  return a >= AUX_BE_PRES && a <= AUX_BEING;
}

static gboolean
is_have (Aux a)
{
  return a >= AUX_HAVE_PRES && a <= AUX_HAVING;
}

/* The last @k (3 or 4) bytes of @w (@n >= @k bytes), ASCII
 * lower-cased, as a number to compare with lit_tail() of a suffix. */
static inline guint32
lower_tail (const char *w, gsize n, gsize k)
{
  guint32 x = 0;
  memcpy (&x, w + n - k, k);
  return (guint32) evl_swar_lower (x);
}

static inline guint32
lit_tail (const char *s, gsize k)
{
  guint32 x = 0;
  memcpy (&x, s, k);
  return x;
}

/* Does @w end with a nominal suffix (with at least three bytes before
 * it)?  The word's last four and three bytes lower-cased once, then
 * compared as numbers: eleven case-folding byte compares per trigger
 * were 0.6 M instructions on 400 small documents. */
static gboolean
nominal_suffix (const char *w, gsize n)
{
  if (n < 6)
    return FALSE;
  guint32 t3 = lower_tail (w, n, 3);
  if (t3 == lit_tail ("ity", 3) || t3 == lit_tail ("ure", 3) || t3 == lit_tail ("ism", 3)
      || t3 == lit_tail ("age", 3))
    return TRUE;
  if (n < 7)
    return FALSE;
  guint32 t4 = lower_tail (w, n, 4);
  return t4 == lit_tail ("tion", 4) || t4 == lit_tail ("sion", 4) || t4 == lit_tail ("ment", 4)
         || t4 == lit_tail ("ness", 4) || t4 == lit_tail ("ance", 4) || t4 == lit_tail ("ence", 4)
         || t4 == lit_tail ("ship", 4);
}

/* The verb group is read from the ring's slots (token j at j % RING):
 * the recognizer's pass fills token i + 2 before it decides token i, so
 * the ring holds tokens i - (RING - 3) to i + 2.  Copying each token's
 * roles into arrays of their own was 0.7 M instructions on 400 small
 * documents, for the few tokens that become events. */
#define AUX_WINDOW 8u
G_STATIC_ASSERT (AUX_WINDOW + 3 <= RING);

/* A document's interned lemmas by the en/event-forms string they were
 * interned from (direct-mapped by its address): a news story repeats
 * its triggers, and evl_document_intern() hashes and compares the
 * string each time (measured: 3.1 K of 15.3 K interns spared, 0.12 M
 * instructions fewer on 400 small documents). */
#define LEMMA_CACHE 64u

typedef struct {
  const char *from, *interned;
} LemmaCacheSlot;

typedef struct {
  const char *text;
  const EvlToken *tok;
  guint n_tok;
  const Ring *ring;
  LemmaCacheSlot *lemmas;    /* LEMMA_CACHE, for this document */
  /* the mention add_event() hands to the document, which copies it: the
   * fields every trigger has the same are set once per document
   * (measured: zeroing and setting them per trigger, 0.37 M instructions
   * on 400 small documents) */
  EvlEventMention *proto;
  /* the pass's previous event: its token, sentence and tense (NULL: none
   * yet), for coordinated_tense() */
  guint last_token;
  guint32 last_sentence;
  const char *last_tense;
} Tokens;

/* The word before token @i in its sentence is a determiner or a
 * possessive ('the launch came', 'a launch attempt', 'Russia's launch'),
 * or a preposition other than 'to' ('for use in', 'after talks'): what
 * follows is a noun phrase, whatever the word's most frequent part of
 * speech ('launch' is mostly a verb).  Not the contractions of 'is'
 * ('it's launching'); after a preposition a gerund keeps its reading
 * ('after visiting').  Asked for every trigger: words are compared as
 * packed lower-case bytes, by length. */
#define NP_WORD_MAX 9
typedef struct {
  guint64 w[8];   /* packed words of one length, 0 ends */
} NpBucket;

static guint64
pack_lower (const char *p, gsize n)
{
  guint64 v = 0;
  for (gsize i = 0; i < n && i < 8; i++)
    v |= (guint64) (guchar) g_ascii_tolower (p[i]) << (8 * i);
  return v;
}

/* Buckets by length (1..8) of determiners (bit 0 of the kind) and
 * prepositions; built once. */
static const NpBucket *
np_buckets (NpBucket **preps_out)
{
  static NpBucket dets[NP_WORD_MAX], preps[NP_WORD_MAX];
  static gsize done;
  if (g_once_init_enter (&done))
    {
      /* 'next', 'upcoming', 'future' stand where a determiner does and
       * only before a noun ('Next launch of the rocket ...' at a
       * sentence's start is no verb) */
      static const char *const d[] = { "the", "a", "an", "its", "their", "his", "her", "our",
                                       "another", "each", "every", "next", "upcoming", "future",
                                       NULL };
      static const char *const p[] = { "for", "of", "in", "on", "at", "after", "before", "with",
                                       "without", "from", "by", "into", "amid", "during",
                                       "despite", "under", "over", "against", "between",
                                       "following", NULL };
      for (guint k = 0; d[k]; k++)
        {
          gsize n = strlen (d[k]), j = 0;
          while (dets[n].w[j])
            j++;
          dets[n].w[j] = pack_lower (d[k], n);
        }
      for (guint k = 0; p[k]; k++)
        {
          gsize n = strlen (p[k]), j = 0;
          if (n >= NP_WORD_MAX)
            continue;   /* 'following' (9 bytes) is asked apart */
          while (preps[n].w[j])
            j++;
          preps[n].w[j] = pack_lower (p[k], n);
        }
      g_once_init_leave (&done, 1);
    }
  *preps_out = preps;
  return dets;
}

/* pack_lower() of the @n (< 9) bytes of a token at @p in a document's
 * text, which is followed by its NUL and fifteen zero bytes
 * (evl_document_new()): one load, masked and folded a word at a time
 * (g_ascii_tolower() is a call per byte: 0.5 M instructions on 400 small
 * documents).  Bytes past ASCII are kept, as g_ascii_tolower() keeps
 * them, so no such word equals a bucket's. */
static inline guint64
pack_lower_text (const char *p, gsize n)
{
  guint64 keep = n >= 8 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << (8 * n)) - 1;
  return evl_swar_lower (GUINT64_FROM_LE (evl_load64 (p)) & keep);
}

static gboolean
in_bucket (const NpBucket *b, guint64 v)
{
  for (guint j = 0; j < G_N_ELEMENTS (b->w) && b->w[j]; j++)
    if (b->w[j] == v)
      return TRUE;
  return FALSE;
}

/* The text of the token @back places before token @i when it is in the
 * same sentence. */
static gboolean
word_before (const Tokens *t, guint i, guint back, const char **p, gsize *n)
{
  if (i < back || t->tok[i - back].sentence != t->tok[i].sentence)
    return FALSE;
  *p = t->text + t->tok[i - back].span.start;
  *n = EVL_SPAN_LEN (t->tok[i - back].span);
  return TRUE;
}

/* Whether the @n bytes at @w equal one of @list, ignoring case. */
static gboolean
word_among (const char *w, gsize n, const char *const *list, gsize n_list)
{
  for (gsize k = 0; k < n_list; k++)
    if (strlen (list[k]) == n && evl_ascii_caseeq (w, list[k], n))
      return TRUE;
  return FALSE;
}

/* Whether the @n bytes at @w are an '-ly' adverb ('deliberately',
 * 'successfully'), not one of the common nouns in '-ly', which may be a
 * subject ('the family cut ties', 'the rally hit the centre'). */
static gboolean
ly_adverb (const char *w, gsize n)
{
  static const char *const ly_nouns[] = { "family", "assembly", "rally", "ally", "supply", "monopoly",
                                          "anomaly", "reply", "july", "italy", "bully", "daily",
                                          "weekly", "monthly", "quarterly" };
  return n > 3 && g_ascii_tolower (w[n - 2]) == 'l' && g_ascii_tolower (w[n - 1]) == 'y'
         && !word_among (w, n, ly_nouns, G_N_ELEMENTS (ly_nouns));
}

/* The @n bytes at @w are a word whose "'s" is 'is' or 'has' ('it's',
 * 'he's', 'let's'), not a possessive. */
static gboolean
contracts_is (const char *w, gsize n)
{
  static const char *const is_short[] = { "it", "he", "she", "that", "there", "what", "who", "here",
                                          "where", "let" };
  return word_among (w, n, is_short, G_N_ELEMENTS (is_short));
}

static gboolean
determined (const Tokens *t, guint i)
{
  const char *p;
  gsize n;
  if (!word_before (t, i, 1, &p, &n))
    return FALSE;
  NpBucket *preps;
  const NpBucket *dets = np_buckets (&preps);
  if (n > 0 && n < NP_WORD_MAX)
    {
      guint64 v = pack_lower_text (p, n);
      if (in_bucket (&dets[n], v))
        return TRUE;
      const char *w = t->text + t->tok[i].span.start;
      gsize wn = EVL_SPAN_LEN (t->tok[i].span);
      if (in_bucket (&preps[n], v) && !(wn > 4 && evl_ascii_caseeq (w + wn - 3, "ing", 3)))
        return TRUE;
    }
  else if (n == 9 && evl_ascii_caseeq (p, "following", 9))
    {
      const char *w = t->text + t->tok[i].span.start;
      gsize wn = EVL_SPAN_LEN (t->tok[i].span);
      return !(wn > 4 && evl_ascii_caseeq (w + wn - 3, "ing", 3));
    }
  gsize apos = n >= 2 && evl_ascii_caseeq (p + n - 2, "'s", 2) ? 1
               : n >= 4 && memcmp (p + n - 4, "\xe2\x80\x99s", 4) == 0 ? 3 : 0;
  if (apos == 0)
    return FALSE;
  gsize stem = n - 1 - apos;
  if (stem == 0)
    {
      /* the tokenizer's own "'s" token: the word before is the stem */
      if (i < 2 || t->tok[i - 2].sentence != t->tok[i].sentence)
        return FALSE;
      p = t->text + t->tok[i - 2].span.start;
      stem = EVL_SPAN_LEN (t->tok[i - 2].span);
    }
  return !contracts_is (p, stem);
}

/* A bare form after a modifier that follows an article ('a
 * preliminary report', 'the pension reform') heads that noun phrase: a
 * singular noun or adjective between an article and a verb would leave
 * the verb without agreement ('the company report' is no clause; 'the
 * company reports' and 'the company sold' are, and keep their tense).
 * Not after a plural ('the rebels report') nor after an auxiliary, nor
 * for an irregular verb.
 * In-sample tense accuracy 89.34 -> 89.42 (TLINK awareness unchanged). */
static gboolean
modified_noun (const Model *m, const Tokens *t, guint i)
{
  if (i < 2 || t->tok[i - 2].sentence != t->tok[i].sentence)
    return FALSE;
  /* the memo slots' folded keys, which the ring still holds */
  const Slot *self = t->ring->w[i % RING], *mod = t->ring->w[(i - 1) % RING];
  const Slot *art = t->ring->w[(i - 2) % RING];
  if (mod->len < 3 || !g_ascii_isalpha (mod->key[0]) || mod->key[mod->len - 1] == 's'
      || mod->aux != AUX_NONE || self->len == 0 || self->lemma_len != self->len
      || memcmp (self->lemma, self->key, self->len) != 0)
    return FALSE;
  if (!((art->len == 3 && memcmp (art->key, "the", 3) == 0)
        || (art->len == 1 && art->key[0] == 'a')
        || (art->len == 2 && memcmp (art->key, "an", 2) == 0)))
    return FALSE;
  /* an irregular verb's bare form may be its past ('a storm hit the
   * coast', 'the company put'): the irregular table holds them all;
   * not after an '-ly' adverb, which is no subject, before a lower-case
   * word: 'a deliberately set fire' is a participle, an adjective */
  if (mod->adverb && ly_adverb (mod->key, mod->len) && i + 1 < t->n_tok
      && t->tok[i + 1].sentence == t->tok[i].sentence && (t->tok[i + 1].flags & EVL_TOKEN_WORD)
      && g_ascii_islower (t->text[t->tok[i + 1].span.start]))
    return TRUE;
  return evl_lexicon_lookup (m->irregular, self->key, (gssize) self->len) == NULL;
}

/* A bare form right after a regular past form is its object, a noun
 * ('conceded defeat', 'claimed victory', 'voiced support'): a verb's
 * bare form follows only a modal, 'to' or a few verbs of causing,
 * of which 'helped' alone ends in '-ed' ('helped build').  Not for an
 * irregular verb, whose bare form may be its past. */
static gboolean
object_noun (const Model *m, const Tokens *t, guint i)
{
  if (i < 1 || t->tok[i - 1].sentence != t->tok[i].sentence)
    return FALSE;
  const Slot *self = t->ring->w[i % RING], *verb = t->ring->w[(i - 1) % RING];
  if (verb->len < 5 || verb->key[verb->len - 2] != 'e' || verb->key[verb->len - 1] != 'd'
      || verb->aux != AUX_NONE || (verb->len == 6 && memcmp (verb->key, "helped", 6) == 0)
      || self->len == 0 || self->lemma_len != self->len || memcmp (self->lemma, self->key, self->len) != 0)
    return FALSE;
  return evl_lexicon_lookup (m->irregular, self->key, (gssize) self->len) == NULL;
}

/* Where a bare or -s form is a noun though no determiner precedes it:
 * after an amount ('$4 billion purchase', '5 percent rise'), after an
 * adjective of time or sequence that only modifies nouns ('earlier
 * floods', 'recent talks'), or as the object of a past verb whose
 * subject is a name or a pronoun ('Vos conceded defeat'; not 'those
 * killed include', whose participle has no subject before it).  Asked
 * only for a bare or -s form that would otherwise be PRESENT: an
 * irregular past ('in 1988 fell') keeps its tense. */
/* 'He hit the ball', 'The storm hit the coast', 'In November it put a
 * satellite into orbit': a verb whose past is its bare form, after a
 * singular subject (he, she, it; a name; a noun after an article), is
 * past, as the present would take its -s ('hits'); so it is with an
 * adverb between ('Korinth successfully put', 'it quickly cut'). */
static gboolean
invariant_past (const Tokens *t, guint i, const char *w, gsize n)
{
  static const char *const verbs[] = { "put", "cut", "hit", "set", "let", "cost", "hurt", "shut",
                                       "spread", "quit", "cast", "split", "burst", "shed", "upset",
                                       "bid", "broadcast", "forecast", "thrust", "beat" };
  static const char *const singular[] = { "he", "she", "it" };
  static const char *const articles[] = { "the", "a", "an", "its", "his", "her", "their", "this" };
  const char *p, *q;
  gsize pn, qn;
  if (!word_among (w, n, verbs, G_N_ELEMENTS (verbs)) || !word_before (t, i, 1, &p, &pn) || pn < 2)
    return FALSE;
  /* the subject is before an -ly adverb or one of these unless an
   * article is: 'a deliberately set fire' is no clause */
  static const char *const adverbs[] = { "also", "then", "later", "never", "already", "just", "even", "first" };
  guint back = 1;
  if ((ly_adverb (p, pn)
       || word_among (p, pn, adverbs, G_N_ELEMENTS (adverbs)))
      && word_before (t, i, 2, &q, &qn) && qn >= 2 && !word_among (q, qn, articles, G_N_ELEMENTS (articles)))
    {
      p = q, pn = qn;
      back = 2;
    }
  if (word_among (p, pn, singular, G_N_ELEMENTS (singular)))
    return TRUE;
  static const char *const plural[] = { "i", "we", "you", "they", "these", "those" };
  if (p[pn - 1] == 's' || p[pn - 1] == 'S' || !g_ascii_isalpha (p[0])
      || word_among (p, pn, plural, G_N_ELEMENTS (plural)))
    return FALSE;
  /* a name ('Russia hit'), or a noun after an article */
  if (g_ascii_isupper (p[0]))
    return TRUE;
  /* (not an adverb: 'a deliberately set fire') */
  return !ly_adverb (p, pn) && word_before (t, i, back + 1, &q, &qn)
         && word_among (q, qn, articles, G_N_ELEMENTS (articles));
}

/* The tense a bare form after 'and' or 'or' shares with the event before
 * it, at most three words before the conjunction ('to isolate and
 * strangle', 'will meet and discuss', 'did not comment or elaborate'),
 * NULL: none.  Only the tenses that an auxiliary gave a bare form: a
 * NONE event may be a noun ('the war and return'), and a present one
 * leaves the default.  Out of line, as infinitive_after_to() and
 * after_help(): inlined, the three grew the pass until the compiler
 * stopped inlining info_fill() into it (measured: 3.6 M instructions
 * more on 400 small documents). */
static G_NO_INLINE const char *
coordinated_tense (const Tokens *t, guint i)
{
  const char *p;
  gsize pn;
  const char *tense = t->last_tense;
  if (tense == NULL || t->last_token >= i || i - t->last_token > 4
      || t->last_sentence != t->tok[i].sentence || !word_before (t, i, 1, &p, &pn)
      || !((pn == 3 && evl_ascii_caseeq (p, "and", 3)) || (pn == 2 && evl_ascii_caseeq (p, "or", 2))))
    return NULL;
  return evl_str_is (tense, "INFINITIVE") || evl_str_is (tense, "FUTURE") || evl_str_is (tense, "PAST")
         ? tense : NULL;
}

/* Is @w (@n bytes, lemma @lemma), after 'to', its bare infinitive though
 * the word is mostly a noun ('want to return', 'plans to visit')?  Of the
 * gold events after 'to' whose form is mostly a noun, 64 are INFINITIVE
 * and 10 are not, mostly nouns with a nominal suffix after a preposition
 * ('prior to completion'; 5-fold tense F1 75.35 -> 76.10, up in every
 * fold). */
static G_NO_INLINE gboolean
infinitive_after_to (const char *lemma, const char *w, gsize n)
{
  return strlen (lemma) == n && evl_ascii_caseeq (lemma, w, n) && !nominal_suffix (w, n);
}

/* 'help' takes a bare infinitive ('helped end the war', 'to help
 * prevent'): is the word before token @i a form of it? */
static G_NO_INLINE gboolean
after_help (const Tokens *t, guint i)
{
  static const char *const helps[] = { "help", "helps", "helped", "helping" };
  const char *p;
  gsize pn;
  return word_before (t, i, 1, &p, &pn) && word_among (p, pn, helps, G_N_ELEMENTS (helps));
}

static gboolean
bare_noun_slot (const Tokens *t, guint i)
{
  const char *p, *s;
  gsize n, sn;
  if (!word_before (t, i, 1, &p, &n) || n == 0)
    return FALSE;
  if (g_ascii_isdigit (p[n - 1]))
    return TRUE;
  static const char *const before_noun[] = { "million", "billion", "trillion", "percent",
                                             "earlier", "recent", "previous", "prior",
                                             "latest", "new", "last", "former", "past" };
  if (n < NP_WORD_MAX)
    {
      guint64 v = pack_lower_text (p, n);
      /* the first byte first: most words before a trigger match none */
      for (gsize k = 0; k < G_N_ELEMENTS (before_noun); k++)
        if ((guchar) before_noun[k][0] == (v & 0xff) && strlen (before_noun[k]) == n
            && pack_lower (before_noun[k], n) == v)
          return TRUE;
    }
  if (n <= 4 || !evl_ascii_caseeq (p + n - 2, "ed", 2) || !g_ascii_islower (p[0])
      || !word_before (t, i, 2, &s, &sn) || sn == 0)
    return FALSE;
  /* 'helped build', 'dared say': a bare verb after its governing verb */
  if (evl_ascii_caseeq (p, "help", 4) || evl_ascii_caseeq (p, "dare", 4))
    return FALSE;
  const char *q;
  gsize qn;
  gboolean sentence_first = !word_before (t, i, 3, &q, &qn);
  if (g_ascii_isupper (s[0]) && g_ascii_islower (s[sn - 1]) && !sentence_first)
    return TRUE;
  static const char *const subject[] = { "he", "she", "it", "we", "they", "i", "who" };
  for (gsize k = 0; k < G_N_ELEMENTS (subject); k++)
    if (strlen (subject[k]) == sn && evl_ascii_caseeq (s, subject[k], sn))
      return TRUE;
  return FALSE;
}

/* The last four bytes of the folded key of @s as a number, its last
 * byte highest (zeros below for a shorter key): a suffix of k <= 4 bytes
 * is then one shift and compare (measured: memcmp() and strlen() calls
 * per unseen word were 0.6 M instructions on 400 small documents). */
static inline guint32
key_tail (const Slot *s)
{
  guint32 x = 0;
  if (s->len >= 4)
    memcpy (&x, s->key + s->len - 4, 4);
  else if (s->len > 0)   /* (an empty key, which fuzzed input makes, is 0: a shift by 32 is undefined) */
    {
      memcpy (&x, s->key, 4);   /* zero-padded */
      x <<= 8 * (4 - s->len);
    }
  return GUINT32_FROM_LE (x);
}

/* Does @tail (key_tail() of a key of @len bytes) end with the @k (1 to
 * 4) bytes at @suffix? */
static inline gboolean
tail_is (guint32 tail, gsize len, const char *suffix, gsize k)
{
  guint32 y = 0;
  for (gsize i = 0; i < k; i++)
    y |= (guint32) (guchar) suffix[i] << (8 * (4 - k + i));
  return len >= k && (tail & ~((G_GUINT64_CONSTANT (1) << (8 * (4 - k))) - 1)) == y;
}

#define KEY_ENDS(s, lit) tail_is (key_tail (s), (s)->len, (lit), sizeof (lit) - 1)

/* An '-ing' form after a comma with its object right after it is a
 * participle whatever the word's usual noun reading ('opened fire,
 * killing 14 people', ', toppling a statue'; gold TimeML tags 148 of
 * 158 such forms PRESPART): the object opens with a number, a
 * determiner or a quantity ('at least', 'dozens'), never with the 'of'
 * of a noun ('the bombing of'). */
static gboolean
comma_participle (const Tokens *t, guint i)
{
  const char *p;
  gsize n;
  if (!word_before (t, i, 1, &p, &n) || n != 1 || *p != ',' || i + 1 >= t->n_tok
      || t->tok[i + 1].sentence != t->tok[i].sentence)
    return FALSE;
  const char *w = t->text + t->tok[i + 1].span.start;
  gsize wn = EVL_SPAN_LEN (t->tok[i + 1].span);
  static const char *const opens[] = { "a", "an", "the", "its", "their", "his", "her", "at", "dozens",
                                       "hundreds", "thousands", "scores", "several", "many", "more", "two",
                                       "three", "four", "five", "six", "seven", "eight", "nine", "ten" };
  return wn > 0 && (g_ascii_isdigit (w[0]) || word_among (w, wn, opens, G_N_ELEMENTS (opens)));
}

/* Token @j (a 'have' auxiliary of trigger @i's group) is the bare
 * 'have' after 'will' (adverbs between: 'will not have'), within the
 * group's window and sentence. */
static gboolean
will_before (const Tokens *t, guint i, guint j)
{
  const char *w = t->text + t->tok[j].span.start;
  if (EVL_SPAN_LEN (t->tok[j].span) != 4 || !evl_ascii_caseeq (w, "have", 4))
    return FALSE;
  for (guint k = j; k-- > 0 && i - k <= AUX_WINDOW && t->tok[k].sentence == t->tok[i].sentence;)
    {
      const Slot *sk = t->ring->w[k % RING];
      if ((Aux) sk->aux == AUX_WILL)
        return TRUE;
      if (sk->aux != AUX_NONE || !sk->adverb)
        return FALSE;
    }
  return FALSE;
}

static void
tense_aspect (const Model *m, const Tokens *t, guint i, Pos pos,
              const char *lemma, const char **tense_out, const char **aspect_out)
{
  const char *w = t->text + t->tok[i].span.start;
  gsize n = EVL_SPAN_LEN (t->tok[i].span);
  *tense_out = "NONE";
  *aspect_out = "NONE";

  /* The auxiliary chain before the trigger, closest first. */
  Aux chain[6];
  guint nc = 0;
  for (guint j = i; j-- > 0 && nc < G_N_ELEMENTS (chain) && i - j <= AUX_WINDOW;)
    {
      if (t->tok[j].sentence != t->tok[i].sentence)
        break;
      const Slot *sj = t->ring->w[j % RING];
      Aux a = (Aux) sj->aux;
      if (a != AUX_NONE)
        {
          chain[nc++] = a;
          /* 'will have left': the bare 'have' after 'will' is no finite
           * present; the 'will' further left opens the group (the
           * future perfect) */
          if (a == AUX_HAVE_PRES && will_before (t, i, j))
            continue;
          if (a == AUX_TO || a == AUX_WILL || a == AUX_MODAL
              || a == AUX_BE_PRES || a == AUX_BE_PAST || a == AUX_HAVE_PRES
              || a == AUX_HAVE_PAST || a == AUX_DO_PRES || a == AUX_DO_PAST)
            break;   /* a finite auxiliary or 'to' opens the verb group */
          continue;
        }
      if (!sj->adverb)
        break;
    }

  /* the endings from the token's folded key when it has one (folding
   * keeps ASCII letters at the end of a word where they are): one
   * compare each rather than a byte loop (measured: 0.09 M instructions
   * fewer on 400 small documents) */
  const Slot *self_slot = t->ring->w[i % RING];
  gboolean ing, ed;
  if (self_slot->len > 0)
    {
      ing = n > 4 && KEY_ENDS (self_slot, "ing");
      ed = n > 3 && KEY_ENDS (self_slot, "ed");
    }
  else
    {
      ing = n > 4 && evl_ascii_caseeq (w + n - 3, "ing", 3);
      ed = n > 3 && evl_ascii_caseeq (w + n - 2, "ed", 2);
    }
  /* 'a failed attack', 'the jailed chief': a participle after a
   * determiner is an adjective the story still reads as a past deed */
  gboolean noun = (pos == POS_NOUN && !(ing && comma_participle (t, i)))
                  || (!ed && (determined (t, i) || modified_noun (m, t, i) || object_noun (m, t, i)));
  gboolean adj = pos == POS_ADJECTIVE;
  /* Without a known pos (AQUAINT leaves it UNKNOWN, mostly on verbs),
   * a word is a verb unless it has a nominal suffix. */
  gboolean verb = pos == POS_VERB
                  || (!noun && !adj && !nominal_suffix (w, n));

  /* A modal, 'will' or 'do' can only precede a verb ('will return'). */
  if (nc > 0 && (chain[0] == AUX_WILL || chain[0] == AUX_MODAL
                 || chain[0] == AUX_DO_PRES || chain[0] == AUX_DO_PAST))
    noun = adj = FALSE;
  /* 'had known', 'has broken': after a 'have' auxiliary a participle's
   * form is the perfect's verb, whatever the word's usual adjective or
   * noun reading (not a noun such as 'had talks', no participle form) */
  else if ((noun || adj) && nc > 0 && is_have (chain[0])
           && (ed || (n > 2 && (evl_ascii_caseeq (w + n - 2, "en", 2) || evl_ascii_caseeq (w + n - 2, "wn", 2)))))
    noun = adj = FALSE;
  /* 'to' before a bare form is mostly the infinitive's, whatever the
   * word's usual pos (infinitive_after_to()) */
  else if ((noun || adj) && nc > 0 && chain[0] == AUX_TO && infinitive_after_to (lemma, w, n))
    noun = adj = FALSE;
  if (noun || (adj && (nc == 0 || !is_be (chain[0]))))
    return;
  if (adj)
    {
      *tense_out = tense_of_finite (chain[nc - 1]);
      return;
    }
  Aux self = (Aux) self_slot->aux;
  if (nc == 0)
    {
      if (self != AUX_NONE && self != AUX_TO)
        *tense_out = tense_of_finite (self);
      else if (ing)
        *tense_out = verb ? "PRESPART" : "NONE";
      else if (ed)
        *tense_out = "PAST";
      else if (!verb)
        return;
      else if (strlen (lemma) == n && evl_ascii_caseeq (lemma, w, n))
        {
          const char *coord = coordinated_tense (t, i);
          *tense_out = coord ? coord
                     : after_help (t, i) ? "INFINITIVE"
                     : bare_noun_slot (t, i) ? "NONE"
                     : invariant_past (t, i, w, n) ? "PAST" : "PRESENT";
        }
      else if (n > 2 && (evl_ascii_caseeq (w + n - 2, "en", 2) || evl_ascii_caseeq (w + n - 2, "wn", 2)))
        *tense_out = "PASTPART";
      else if (w[n - 1] == 's' || w[n - 1] == 'S')
        *tense_out = bare_noun_slot (t, i) ? "NONE" : "PRESENT";
      else
        *tense_out = "PAST";
      return;
    }

  *tense_out = tense_of_finite (chain[nc - 1]);
  gboolean perfective = FALSE, progressive = FALSE;
  for (guint k = 0; k < nc; k++)
    if (is_have (chain[k]) && (k > 0 ? chain[k - 1] == AUX_BEEN : !ing))
      perfective = TRUE;
  if (ing && (is_be (chain[0])))
    progressive = TRUE;
  *aspect_out = perfective && progressive ? "PERFECTIVE_PROGRESSIVE"
              : perfective ? "PERFECTIVE"
              : progressive ? "PROGRESSIVE" : "NONE";
}

/* ---- the pass ---- */

/* The class of a trigger: its class log-scores (the form's, else its
 * lemma's, else the prior) plus the cue vectors of its neighbours
 * (NULL: sentence boundary), a damped naive-Bayes update
 * (scripts/derive-event-lexicon, CUE_ALPHA); the best score wins, with
 * its milli log-posterior the softmax over the scores.  Runs only for
 * candidates above the event threshold: a few vectors added
 * (EvlFormRecord), no lookup. */
static gboolean
has_classes (const Slot *self)
{
  return self->classes != NULL;
}

/* exp (@d / 1000.0) for @d <= 0, the same double: the class scores are
 * integers, so their softmax takes the same few thousand values again
 * and again (measured: 103K exp() calls, 5.7 M instructions on 400 small
 * documents); worth_reporting()'s exp (-z / 1000.0) takes it too (16K
 * calls).  exp() of these is never 0, which marks an empty entry. */
static inline double
exp_milli (const Model *m, int d)
{
  if (d <= -EXP_CACHE || d > 0)
    return exp (d / 1000.0);
  double *e = &m->exp_cache[-d];
  if (*e == 0)
    *e = exp (d / 1000.0);
  return *e;
}

/* The class scores of a candidate (@v): its class log-scores (else the
 * prior) plus its neighbours' cues (else the sentence boundary's); the
 * best class, the first of the highest, is returned and *@margin gets
 * how far its score is above all the others' (0: a tie), in the same
 * pass.  A vector that is absent adds zeros, so that the sum is one loop
 * the compiler vectorizes (measured: 0.3 M instructions fewer on 400
 * small documents than a loop per vector and a pass for the margin). */
static guint
class_scores (const Model *m, const Slot *self, const Slot *prev, const Slot *next, int *v,
              int *margin)
{
  static const int zeros[EVL_EVENT_CLASS_N];
  const int *vs = has_classes (self) ? self->classes : m->class_prior;
  const int *vp = !prev ? m->cue_prev_start : prev->cue_prev ? prev->cue_prev : zeros;
  const int *vn = !next ? m->cue_next_end : next->cue_next ? next->cue_next : zeros;
  for (guint k = 0; k < EVL_EVENT_CLASS_N; k++)
    v[k] = vs[k] + vp[k] + vn[k];
  guint best = 0;
  int second = G_MININT;
  for (guint k = 1; k < EVL_EVENT_CLASS_N; k++)
    if (v[k] > v[best])
      {
        second = v[best];
        best = k;
      }
    else if (v[k] > second)
      second = v[k];
  *margin = v[best] - second;
  return best;
}

/* The milli log-posterior of class @best of the scores @v (softmax). */
static int
class_log_p (const Model *m, const int *v, guint best)
{
  double sum = 0;
  for (guint k = 0; k < EVL_EVENT_CLASS_N; k++)
    sum += exp_milli (m, v[k] - v[best]);
  return (int) (-1000.0 * log (sum));
}

/* Class F1 is extent F1 times class accuracy: an event counts only when
 * log P(event) + log P(class right) clears the model's class threshold
 * (an uncertain trigger with an ambiguous class costs more than it
 * brings).  @z and @klass are milli log-odds / milli log-probability. */
#define LOG_EVENT_MIN (-2048)   /* the cache holds z from here on */

/* log P(event) of an integer score, cached like exp_milli(): measured,
 * 16.6K log1p() calls were 0.9 M instructions on 400 small documents;
 * a log probability is never 0, which marks an empty entry */
static double
log_event_of (const Model *m, int z)
{
  if (z >= LOG_EVENT_MIN && z < LOG_EVENT_MIN + EXP_CACHE)
    {
      double *e = &m->log_event_cache[z - LOG_EVENT_MIN];
      if (*e == 0)
        *e = -log1p (exp_milli (m, -z));
      return *e;
    }
  return -log1p (exp_milli (m, -z));
}

static gboolean
clears_class_threshold (const Model *m, double log_event, int klass)
{
  return log_event + klass / 1000.0 > m->class_threshold;
}

/* Bounds of class_log_p() of scores whose best exceeds all others by
 * @g >= 0: the posterior's denominator is 1 + the other classes' terms,
 * each in (0, exp (-g / 1000)], at least one of them that large, so
 * -1000 log (1 + (N - 1) e) <= log_p <= -1000 log (1 + e) with
 * e = exp (-g / 1000); two thousandths of room each way cover the
 * rounding of both computations (their errors are below 1e-9).  Cached
 * for CLASS_BOUND_STEP margins at a time, each bound the loosest of its
 * margins (the lower one's at the first, the upper one's at the last):
 * on 400 small documents an entry per margin took 9.6 K logs to fill,
 * more than it spared; 64 margins an entry measured best (16: 0.09 M,
 * 256: 0.03 M instructions more).  A lower bound is below 0, so 0 marks
 * an empty entry. */
static const gint32 *
class_bounds (const Model *m, int g)
{
  static const gint32 far[2] = { -3, 0 };   /* g >= EXP_CACHE: e < 8e-8 */
  if (g >= EXP_CACHE)
    return far;
  gint32 *b = m->class_bounds[g / CLASS_BOUND_STEP];
  if (b[0] == 0)
    {
      int g0 = g - g % CLASS_BOUND_STEP, g1 = g0 + CLASS_BOUND_STEP - 1;
      b[0] = (gint32) floor (-1000.0 * log (1 + (EVL_EVENT_CLASS_N - 1) * exp_milli (m, -g0))) - 2;
      b[1] = MIN ((gint32) ceil (-1000.0 * log (1 + exp_milli (m, -g1))) + 2, 0);
    }
  return b;
}

/* Decides the class of a candidate of score @z into *@klass_out and
 * whether it is worth reporting.  Without a class vector the confidence
 * is the derived one (self->klass); with one it is the posterior of the
 * decided class given the context cues, whose softmax is computed only
 * when the bounds of class_bounds() leave the answer open (measured on
 * 400 small documents: 10.7 K of 14 K candidates decided by them, 1.2 M
 * instructions fewer). */
static gboolean
decide (const Model *m, const Slot *self, const Slot *prev, const Slot *next, int z,
        EvlEventClass *klass_out)
{
  int v[EVL_EVENT_CLASS_N], margin;
  guint best = class_scores (m, self, prev, next, v, &margin);
  *klass_out = (EvlEventClass) best;
  double log_event = log_event_of (m, z);
  if (!has_classes (self))
    return clears_class_threshold (m, log_event, self->klass);
  const gint32 *b = class_bounds (m, margin);
  if (clears_class_threshold (m, log_event, b[0]))
    return TRUE;
  if (!clears_class_threshold (m, log_event, b[1]))
    return FALSE;
  return clears_class_threshold (m, log_event, class_log_p (m, v, best));
}

static gboolean
is_ascii (const char *w, gsize n)
{
  guint high = 0;
  for (gsize i = 0; i < n; i++)
    high |= (guchar) w[i] & 0x80;
  return high == 0;
}

/* The pos of the en/event-lemmas entry of @lemma (@ll bytes,
 * EVL_WORD_KEY_ROOM readable), POS_OTHER: none; from the known words
 * when they hold every lemma (a lookup would build the lexicon's entries:
 * form_record() in recognize-index.c). */
static Pos
lemma_pos (const Model *m, const char *lemma, gsize ll)
{
  if (m->known && m->known->lemmas_complete && ll > 0 && ll <= EVL_WORD_KEY)
    {
      guint64 u[EVL_WORD_KEY_ROOM / 8];
      evl_known_key_load (u, lemma, ll);
      if (evl_known_key_folds_to_itself (u, ll))
        {
          const EvlKnownWord *kw = evl_known_words_find (m->known, u, ll);
          return kw ? (Pos) kw->lemma_pos : POS_OTHER;
        }
    }
  return (Pos) evl_pos_of (evl_entry_attr (evl_lexicon_lookup (m->lemmas, lemma, ll), 3));
}

/* @lemma is a string of the known words mapped from the compiled-in
 * image (event-known.bin, an uncompressed resource: static data,
 * evl_events_known_image_range()), which outlives every document as a
 * literal does, so a mention may hold it without interning it (evl_document_intern() of every trigger's lemma
 * was 1.56 M instructions on the small corpus). */
static inline gboolean
static_lemma (const Model *m, const char *lemma)
{
  return lemma >= m->static_lo && lemma < m->static_hi;
}

static void
add_event (const Model *m, EvlDocument *doc, Tokens *t, guint i, EvlEventClass klass)
{
  const EvlToken *tok = &t->tok[i];
  const char *w = t->text + tok->span.start;
  gsize n = EVL_SPAN_LEN (tok->span);
  const char *lemma;
  Pos pos;
  char buf[EVL_LEMMA_MAX];
  const Slot *sl = t->ring->w[i % RING];
  if (sl->form_lemma)
    {
      /* Seen form: lemma, class and pos were chosen offline. */
      lemma = sl->form_lemma;
      pos = (Pos) sl->pos;
    }
  else
    {
      /* An unseen word's slot holds the lemma unseen_weight() made from
       * its folded form, which is the word's own when the word is ASCII
       * (measured: 1.5 M instructions of lemmatising again on 400 small
       * documents). */
      gsize ll;
      if (!sl->seen && sl->lemma_len > 0 && is_ascii (w, n))
        {
          ll = sl->lemma_len;
          memcpy (buf, sl->lemma, ll);
          buf[ll] = '\0';
        }
      else
        ll = evl_events_lemma_with (m->forms, m->irregular, w, n, buf, sizeof buf);
      lemma = buf;
      /* The lemma's pos fits only its base form ('damage' NOUN, not
       * 'damaged'). */
      pos = ll == n && evl_ascii_caseeq (lemma, w, n) ? lemma_pos (m, lemma, ll) : POS_OTHER;
    }

  EvlEventMention *ev = t->proto;
  ev->span = tok->span;
  ev->token = i;
  ev->sentence = tok->sentence;
  if (sl->form_lemma && static_lemma (m, lemma))
    ev->lemma = lemma;
  else if (sl->form_lemma)
    {
      LemmaCacheSlot *lc = &t->lemmas[((guintptr) lemma >> 3) % LEMMA_CACHE];
      if (lc->from != lemma)
        {
          lc->from = lemma;
          lc->interned = evl_document_intern (doc, lemma, -1);
        }
      ev->lemma = lc->interned;
    }
  else
    ev->lemma = evl_document_intern (doc, lemma, -1);
  ev->klass = klass;
  tense_aspect (m, t, i, pos, ev->lemma, &ev->tense, &ev->aspect);
  t->last_token = i;
  t->last_sentence = tok->sentence;
  t->last_tense = ev->tense;
  evl_document_add_event_mention (doc, ev);
}

/* ---- words the lexicons never saw ----
 *
 * The model knows a word form from the gold corpus, else only its lemma
 * and last letters; on unseen text syntax tells more (5-fold
 * cross-validation, scripts/crossval-events: unseen forms were 1,275 of
 * 11,129 gold events, 366 of them missed and 266 false ones reported).
 * A verb slot that an auxiliary, 'to' or a subject pronoun opens, or a
 * verb form with its object right after it, holds an event whatever the
 * word ('would accrue', 'to entice', 'which lowers', 'are wallowing',
 * 'owes its'), and so does a nominalised event verb after an article
 * ('the condemnation'); a participle or adjective compound between an
 * article and its noun describes the noun and is no event
 * ('state-appointed receivers', 'unconfirmed reports', 'the bombed
 * embassy').  Asked only for unseen lower-case words: a seen form keeps
 * the model's answer, which the gold taught it.  Each rule was kept only
 * where it raised 5-fold extent F1 without lowering class F1. */
typedef enum { UNSEEN_MODEL, UNSEEN_EVENT, UNSEEN_NONE, UNSEEN_VERB } UnseenVerdict;

/* Does the folded key of @s hold a hyphen ('state-appointed')?  Eight
 * bytes at a time (the key is zero-padded). */
static inline gboolean
key_hyphen (const Slot *s)
{
  guint64 any = 0;
  for (gsize i = 0; i < s->len; i += 8)
    {
      guint64 x = evl_load64 (s->key + i) ^ (EVL_SWAR_ONES * '-');
      any |= (x - EVL_SWAR_ONES) & ~x & EVL_SWAR_HIGHS;
    }
  return any != 0;
}

/* What a function word can tell of the word next to it, by bit; a
 * word's roles are one probe of a table of the words of at most eight
 * bytes (a folded key is zero-padded, so such a word is one 64-bit
 * number): on 400 small documents, comparing with the lists word by
 * word was 2 M instructions. */
enum {
  ROLE_ARTICLE = 1 << 0,      /* opens a noun phrase: 'the', 'its' */
  ROLE_DETERMINER = 1 << 1,   /* an article or a demonstrative */
  ROLE_PREPOSITION = 1 << 2,
  ROLE_SUBJECT = 1 << 3,      /* a pronoun whose verb follows: 'which lowers' */
  ROLE_OBJECT = 1 << 4,       /* follows a verb as its object: 'owes its' */
  ROLE_FUNCTION = 1 << 5,     /* opens no noun */
  ROLE_PARTICLE = 1 << 6,     /* follows a verb: 'flaring up' (and a plural: 'pupils out') */
  ROLE_COUNT = 1 << 7,        /* a count before a noun: 'two failed attempts' */
};

#define ROLE_BITS 8
typedef struct {
  guint64 word;              /* 0: empty */
  guint8 roles;
} RoleSlot;

static inline guint32
role_hash (guint64 x)
{
  return (guint32) ((x * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - ROLE_BITS));
}

static G_NO_INLINE void
role_table_fill (RoleSlot *table)
{
  static const struct {
    guint8 roles;
    char words[24][8];
  } lists[] = {
    { ROLE_ARTICLE | ROLE_DETERMINER | ROLE_OBJECT | ROLE_FUNCTION,
      { "the", "its", "their", "his", "our", "her" } },
    { ROLE_ARTICLE | ROLE_DETERMINER | ROLE_FUNCTION, { "a", "an", "any", "no", "some" } },
    { ROLE_ARTICLE | ROLE_DETERMINER, { "each", "every" } },
    { ROLE_DETERMINER | ROLE_FUNCTION, { "this", "that", "these", "those" } },
    { ROLE_PREPOSITION | ROLE_FUNCTION,
      { "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "over", "after",
        "before", "about", "as", "than" } },
    { ROLE_PREPOSITION, { "under", "between", "against", "during", "without", "amid" } },
    { ROLE_SUBJECT | ROLE_FUNCTION, { "who", "which", "he", "she", "it" } },
    { ROLE_OBJECT, { "him", "them", "us", "me" } },
    { ROLE_PARTICLE | ROLE_FUNCTION, { "up", "out", "down", "off" } },
    { ROLE_FUNCTION,
      { "and", "or", "but", "is", "was", "are", "were", "be", "been", "has", "have", "had",
        "will", "would", "can", "could", "may", "might", "should", "not", "n't", "they",
        "we", "i" } },
    { ROLE_COUNT,
      { "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
        "several", "many", "both" } },
    { ROLE_FUNCTION,
      { "you", "there", "if", "when", "while", "because", "since", "until", "so", "such",
        "more", "most", "all" } },
  };
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint k = 0; k < G_N_ELEMENTS (lists[l].words) && lists[l].words[k][0]; k++)
      {
        guint64 x = evl_load64 (lists[l].words[k]);
        guint32 i = role_hash (x);
        while (table[i].word != 0 && table[i].word != x)
          i = (i + 1) & ((1u << ROLE_BITS) - 1);
        table[i].word = x;
        table[i].roles |= lists[l].roles;
      }
}

/* inline, with the filling apart: its callers ask for it 12 K times on
 * 400 small documents, and a call each was 0.15 M instructions */
static inline const RoleSlot *
role_table (void)
{
  static RoleSlot table[1u << ROLE_BITS];
  static gsize done;
  if (g_once_init_enter (&done))
    {
      role_table_fill (table);
      g_once_init_leave (&done, 1);
    }
  return table;
}

/* The roles of the word of @s (NULL: none, a sentence boundary). */
static guint
word_roles (const RoleSlot *table, const Slot *s)
{
  if (s == NULL || s->len == 0 || s->len > 8)
    return 0;
  guint64 x = evl_load64 (s->key);
  for (guint32 i = role_hash (x);; i = (i + 1) & ((1u << ROLE_BITS) - 1))
    {
      if (table[i].word == x)
        return table[i].roles;
      if (table[i].word == 0)
        return 0;
    }
}

/* Can @s be the base form of a verb?  Not an inflection (-s, -ed, -ing
 * are decided by their own rules or the model), a compound, or a word
 * with a suffix that makes nouns, adjectives or adverbs ('to capitalism',
 * 'will personally'). */
static gboolean
base_verb_shape (const Slot *s)
{
  /* each suffix as key_tail() would read it and the mask of its bytes
   * there: one and and compare a suffix (packing the bytes per call was
   * ~0.2 M instructions on 400 small documents); a key shorter than a
   * suffix has a zero byte where the suffix has a letter */
#define Y2(a, b) ((guint32) (guchar) (a) << 16 | (guint32) (guchar) (b) << 24)
#define Y3(a, b, c) ((guint32) (guchar) (a) << 8 | Y2 (b, c))
#define T2(a, b) { Y2 (a, b), 0xFFFF0000u }
#define T3(a, b, c) { Y3 (a, b, c), 0xFFFFFF00u }
#define T4(a, b, c, d) { (guint32) (guchar) (a) | Y3 (b, c, d), 0xFFFFFFFFu }
  typedef struct {
    guint32 y, mask;
  } Tail;
  static const Tail non_verb[] = {
    T2 ('l', 'y'), T3 ('i', 's', 'm'), T2 ('a', 'l'), T2 ('i', 'c'), T3 ('o', 'u', 's'),
    T3 ('e', 's', 't'), T3 ('i', 'v', 'e'), T3 ('f', 'u', 'l'), T4 ('l', 'e', 's', 's'),
    T3 ('i', 't', 'y'), T4 ('n', 'e', 's', 's'), T4 ('t', 'i', 'o', 'n'),
    T4 ('s', 'i', 'o', 'n'), T4 ('m', 'e', 'n', 't'), T4 ('a', 'n', 'c', 'e'),
    T4 ('e', 'n', 'c', 'e'), T2 ('t', 'y'), T3 ('i', 's', 't'), T3 ('e', 's', 's'),
    T3 ('u', 'r', 'e'), T3 ('a', 'r', 'y'), T3 ('o', 'r', 'y'), T3 ('i', 'a', 'n'),
    T4 ('s', 'h', 'i', 'p'), T4 ('h', 'o', 'o', 'd'), T3 ('d', 'o', 'm'),
    T4 ('i', 'b', 'l', 'e'), T4 ('a', 'b', 'l', 'e'), T3 ('i', 'n', 'g'), T2 ('e', 'd'),
  };
#undef T4
#undef T3
#undef T2
#undef Y3
#undef Y2
  if (s->len < 3 || key_hyphen (s) || (KEY_ENDS (s, "s") && !KEY_ENDS (s, "ss")))
    return FALSE;
  guint32 tail = key_tail (s);
  for (guint k = 0; k < G_N_ELEMENTS (non_verb); k++)
    if ((tail & non_verb[k].mask) == non_verb[k].y)
      return FALSE;
  return TRUE;
}

/* A third-person present ('lowers', 'occupies'), not a word whose -s is
 * its own ('crisis', 'status', 'physics'). */
static gboolean
s_verb_shape (const Slot *s)
{
  return s->len > 3 && KEY_ENDS (s, "s") && !KEY_ENDS (s, "ss") && !KEY_ENDS (s, "us")
         && !KEY_ENDS (s, "is") && !KEY_ENDS (s, "ics") && !key_hyphen (s);
}

/* Is @stem (@n bytes) an en/event-lemmas verb that the model leans
 * toward as a trigger (a positive weight)?  From the known words when
 * they hold every lemma, as lemma_pos() reads them. */
static gboolean
event_verb (const Model *m, const char *stem, gsize n)
{
  if (n == 0 || n > EVL_WORD_KEY)
    return FALSE;
  if (m->known && m->known->lemmas_complete)
    {
      guint64 u[EVL_WORD_KEY_ROOM / 8];
      evl_known_key_load (u, stem, n);
      if (evl_known_key_folds_to_itself (u, n))
        {
          const EvlKnownWord *kw = evl_known_words_find (m->known, u, n);
          return kw && kw->lemma && kw->lemma_pos == POS_VERB
                 && m->src.records->lemmas[kw->lemma - 1].weight > 0;
        }
    }
  const EvlLexEntry *e = evl_lexicon_lookup (m->lemmas, stem, (gssize) n);
  return evl_pos_of (evl_entry_attr (e, 3)) == POS_VERB && evl_entry_milli (e, 0) > 0;
}

/* Is @s a nominalisation of an event verb ('the condemnation', 'the
 * refurbishment', 'a seizure')?  The suffix off (and a plural -s), the
 * stem as written or with the letter the suffix swallowed ('seize',
 * 'extend', 'permit') must be such a verb. */
static gboolean
deverbal_noun (const Model *m, const Slot *s)
{
  /* each suffix as a number, its last byte highest, like the key's
   * last eight bytes below: one shift and compare a suffix (strlen() and
   * memcmp() calls were 0.6 M instructions on 400 small documents) */
#define SUF2(a, b) ((guint64) (guchar) (a) | (guint64) (guchar) (b) << 8)
#define SUF3(a, b, c) (SUF2 (a, b) | (guint64) (guchar) (c) << 16)
#define SUF4(a, b, c, d) (SUF3 (a, b, c) | (guint64) (guchar) (d) << 24)
#define SUF5(a, b, c, d, e) (SUF4 (a, b, c, d) | (guint64) (guchar) (e) << 32)
  static const struct {
    guint64 v;
    guint len;
  } suffixes[] = {
    { SUF5 ('a', 't', 'i', 'o', 'n'), 5 }, { SUF5 ('i', 't', 'i', 'o', 'n'), 5 },
    { SUF4 ('t', 'i', 'o', 'n'), 4 }, { SUF4 ('s', 'i', 'o', 'n'), 4 },
    { SUF4 ('m', 'e', 'n', 't'), 4 }, { SUF4 ('a', 'n', 'c', 'e'), 4 },
    { SUF4 ('e', 'n', 'c', 'e'), 4 }, { SUF3 ('u', 'r', 'e'), 3 }, { SUF2 ('a', 'l'), 2 },
  };
#undef SUF5
#undef SUF4
#undef SUF3
#undef SUF2
  gsize n = s->len;
  if (n > 1 && s->key[n - 1] == 's' && s->key[n - 2] != 's')
    n--;
  /* the key's last (up to) eight bytes before n, zeros below (a plural
   * 's' at n shifted out) */
  guint64 tail = n >= 8 ? GUINT64_FROM_LE (evl_load64 (s->key + n - 8))
                        : GUINT64_FROM_LE (evl_load64 (s->key)) << (8 * (8 - n));
  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    {
      gsize k_len = suffixes[k].len;
      if (n < k_len + 3 || tail >> (8 * (8 - k_len)) != suffixes[k].v)
        continue;
      char stem[EVL_WORD_KEY_ROOM];
      gsize b = n - k_len;
      memcpy (stem, s->key, b);
      if (event_verb (m, stem, b))
        return TRUE;
      static const char restored[] = "etd";
      for (guint r = 0; r < sizeof restored - 1; r++)
        {
          stem[b] = restored[r];
          if (event_verb (m, stem, b + 1))
            return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* Does @s end like a nominalised event, singular or plural ('seizure',
 * 'expulsions', 'refurbishment', 'lighting', 'approval'), with at least
 * three letters before the suffix?  Not -ity, -ness or -ism, which make
 * qualities ('the importance of' is -ance's price). */
static gboolean
event_noun_shape (const Slot *s)
{
  static const char *const endings[] = { "ion", "ions", "ment", "ents", "ance", "nces", "ence",
                                         "ure", "ures", "ing", "ings", "al", "als" };
  guint32 tail = key_tail (s);
  for (guint k = 0; k < G_N_ELEMENTS (endings); k++)
    {
      gsize e = strlen (endings[k]);
      if (s->len >= e + 4 && tail_is (tail, s->len, endings[k], e))
        return TRUE;
    }
  return FALSE;
}

/* What the slot of a finite verb adds to an unseen past form's score
 * (milli log-odds, finite_verb_slot()): weighed with the word's own
 * back-off weights, not instead of them, so that a form the suffixes
 * speak strongly against stays out. */
#ifndef FINITE_VERB_BOOST
#define FINITE_VERB_BOOST 1000
#endif

/* What a name just before it adds to a known past form's score (milli
 * log-odds; the pass's loop). */
#ifndef NAME_PAST_BOOST
#define NAME_PAST_BOOST 500
#endif

/* How an unseen form is shaped like a finite verb (finite_form()). */
typedef enum {
  FINITE_NO,
  FINITE_PAST,   /* a past form of a verb */
  /* an irregular form whose lemma was never an event ('oversaw'), or a
   * third-person present of a verb ('accuses'), which a participle as a
   * modifier ('bound for') or a plural noun ('the rebel raids in') may
   * also be: weaker evidence */
  FINITE_WEAK,
} FiniteForm;

/* Is the unseen form @s shaped like a finite verb: a regular '-ed' past
 * ('restored'; not 'need', 'speed' nor the adjective 'unnamed'), an
 * irregular one, whose lemma differs from it and is a verb ('ran'; not
 * a plural or a gerund), or a third-person present whose lemma is a
 * verb? */
static FiniteForm
finite_form (const Model *m, const Slot *s)
{
  if (s->len < 3 || s->aux != AUX_NONE || KEY_ENDS (s, "ing") || key_hyphen (s))
    return FINITE_NO;
  gboolean s_form = KEY_ENDS (s, "s");
  if (s_form && !s_verb_shape (s))
    return FINITE_NO;
  if (!s_form && KEY_ENDS (s, "ed"))
    return s->len > 4 && !KEY_ENDS (s, "eed") && !(s->key[0] == 'u' && s->key[1] == 'n')
           ? FINITE_PAST : FINITE_NO;
  if (s->lemma_len == 0 || (s->lemma_len == s->len && memcmp (s->lemma, s->key, s->len) == 0))
    return FINITE_NO;
  Pos pos = lemma_pos (m, s->lemma, s->lemma_len);
  if (s_form)
    return pos == POS_VERB ? FINITE_WEAK : FINITE_NO;
  /* a lemma never seen as an event may be an irregular plural's too
   * ('criteria'): weak */
  return pos == POS_VERB ? FINITE_PAST : pos == POS_OTHER ? FINITE_WEAK : FINITE_NO;
}

/* Is the known word at @c, after a capitalized word, a past form whose
 * subject that name is: the name not its sentence's first word, the
 * clause going on after the verb?  Kept out of the pass's loop, which
 * runs for every token. */
static G_NO_INLINE gboolean
name_subject_past (const Model *m, const Ring *ring, guint c, guint32 sent)
{
  guint q1 = (c - 1) % RING, q2 = (c - 2) % RING, r1 = (c + 1) % RING;
  return ring->sentence[q1] == sent && ring->sentence[q2] == sent
         && ring->shape[q2] != SHAPE_PUNCT && ring->sentence[r1] == sent
         && ring->shape[r1] == SHAPE_LOWER
         && finite_form (m, ring->w[c % RING]) == FINITE_PAST;
}

/* Is the 'that' before @c a relative pronoun, the subject of the verb
 * at @c ('sales that shrank revenue', 'a ceremony that commemorates
 * the dead'): after a lower-case word that is no verb, function word or
 * adverb?  After a verb it opens a clause with a subject of its own
 * ('said that prices fell'). */
static gboolean
relative_that (const Model *m, const Ring *ring, guint c, guint32 sent)
{
  guint p2 = (c - 2) % RING;
  if (c < 2 || ring->sentence[p2] != sent || ring->shape[p2] != SHAPE_LOWER)
    return FALSE;
  const Slot *noun = ring->w[p2];
  return !(word_roles (role_table (), noun) & (ROLE_FUNCTION | ROLE_PREPOSITION))
         && noun->aux == AUX_NONE && !noun->adverb && noun->pos != POS_VERB
         && (noun->lemma_len == 0 || lemma_pos (m, noun->lemma, noun->lemma_len) != POS_VERB);
}

/* Is the unseen finite form at @c in the slot of a finite verb: after its
 * subject, a noun or a name ('the two governments restored', 'Vos
 * congratulated') or a subject pronoun ('which struck'), or after 'and'
 * or 'but' before a name ('and congratulated Novak'), with something
 * after it in its clause ('restored ties', 'ran aground')?  A weak form
 * wants no preposition after it ('bound for', 'raids in').  A participle
 * modifying a noun follows an article or a possessive instead
 * (modifying_participle()), one after its auxiliary is the model's.
 * 5-fold extent F1 85.46 -> 85.48, class F1 72.45 unchanged (in-sample
 * unchanged: every gold form is seen).  Seen forms are left to the
 * model: keeping them in this slot past the class threshold cost 5-fold
 * class F1 (72.45 -> 72.42; their classes: 'alleged', 'held', 'called')
 * and a boost cost in-sample extent F1 (95.51 -> 95.25 at 1000, 95.47 at
 * 300; 'had', 'made', 'ended' before a date).  The weak forms: 5-fold
 * extent F1 85.47 -> 85.48, class F1 72.43 unchanged ('approves',
 * 'pays', 'enters' found, 'awaits' spurious; 'bound for' kept out by
 * the preposition). */
static gboolean
finite_verb_slot (const Model *m, const Ring *ring, guint c, guint32 sent)
{
  guint p1 = (c - 1) % RING, n1 = (c + 1) % RING;
  if (c == 0 || ring->sentence[p1] != sent || ring->sentence[n1] != sent
      || ring->shape[n1] == SHAPE_PUNCT)
    return FALSE;
  FiniteForm form = finite_form (m, ring->w[c % RING]);
  if (form == FINITE_NO)
    return FALSE;
  const RoleSlot *roles = role_table ();
  if (form == FINITE_WEAK && (word_roles (roles, ring->w[n1]) & ROLE_PREPOSITION))
    return FALSE;
  const Slot *prev = ring->w[p1];
  if (ring->shape[p1] == SHAPE_PUNCT || ring->shape[p1] == SHAPE_NUM)
    return FALSE;
  guint prev_roles = word_roles (roles, prev);
  if (prev_roles & ROLE_SUBJECT)
    return TRUE;
  if (prev->len == 3 && (memcmp (prev->key, "and", 3) == 0 || memcmp (prev->key, "but", 3) == 0))
    return ring->shape[n1] != SHAPE_LOWER;
  return !(prev_roles & (ROLE_FUNCTION | ROLE_PREPOSITION | ROLE_DETERMINER | ROLE_PARTICLE))
         && prev->aux == AUX_NONE && !prev->adverb && !KEY_ENDS (prev, "ly")
         && !KEY_ENDS (prev, "ed");
}

/* kept out of the pass's loop, which runs for every token (measured:
 * 0.04 M instructions fewer on 400 small documents than inlined) */
static G_NO_INLINE UnseenVerdict
unseen_verdict (const Model *m, const Ring *ring, guint c, guint32 sent)
{
  const Slot *self = ring->w[c % RING];
  if (self->len == 0)
    return UNSEEN_MODEL;
  const RoleSlot *roles = role_table ();
  gboolean hyphen = key_hyphen (self);
  gboolean ing = self->len > 5 && KEY_ENDS (self, "ing") && !hyphen;
  gboolean ed = self->len > 4 && KEY_ENDS (self, "ed") && !hyphen;
  guint n1 = (c + 1) % RING, p1 = (c - 1) % RING;
  const Slot *next = ring->sentence[n1] == sent ? ring->w[n1] : NULL;
  const Slot *prev = c > 0 && ring->sentence[p1] == sent ? ring->w[p1] : NULL;
  guint prev_roles = word_roles (roles, prev);
  /* the word before the candidate, past adverbs inside a verb group
   * ('could ever foresee') */
  const Slot *before = NULL;
  for (guint k = 1; k <= 3 && k <= c; k++)
    {
      guint j = (c - k) % RING;
      if (ring->sentence[j] != sent)
        break;
      if (!ring->w[j]->adverb)
        {
          before = ring->w[j];
          break;
        }
    }
  if (before)
    {
      Aux a = (Aux) before->aux;
      if ((a == AUX_TO || a == AUX_MODAL || a == AUX_WILL || a == AUX_DO_PRES || a == AUX_DO_PAST)
          && base_verb_shape (self))
        return UNSEEN_EVENT;
      /* 'are wallowing', not the possessive of "Sansui 's deepening" */
      if (is_be (a) && ing && !(before->len == 2 && memcmp (before->key, "'s", 2) == 0))
        return UNSEEN_EVENT;
      if (s_verb_shape (self)
          && ((before == prev ? prev_roles : word_roles (roles, before)) & ROLE_SUBJECT))
        return UNSEEN_EVENT;
    }
  /* a past verb right after a name, its subject ('Vos congratulated
   * Novak'); a name modifies a participle only through a hyphen
   * ('Soviet-backed', not unseen_verdict's -ed) (5-fold extent F1
   * 85.45 -> 85.46) */
  if (ed && prev && ring->shape[p1] == SHAPE_CAP && !(prev_roles & ROLE_FUNCTION))
    return UNSEEN_EVENT;
  /* an inflected verb with its object or particle right after it ('Columbia
   * owes its', 'from balancing the budget', 'flaring up'); not a noun
   * after a determiner ('the swelling the') nor a plural after a
   * preposition */
  guint next_roles = word_roles (roles, next);
  if (((ing || ed) ? (next_roles & (ROLE_OBJECT | ROLE_PARTICLE))
                   : s_verb_shape (self) && (next_roles & ROLE_OBJECT))
      && !(prev_roles & ROLE_DETERMINER) && (ing || !(prev_roles & ROLE_PREPOSITION)))
    return UNSEEN_EVENT;
  /* the verb of a relative 'that' with its object or complement after
   * it ('sales that shrank revenue', 'laws that prohibit violence') */
  if (prev && prev->len == 4 && memcmp (prev->key, "that", 4) == 0 && next
      && ring->shape[n1] == SHAPE_LOWER && !(next_roles & ROLE_FUNCTION)
      && (finite_form (m, self) != FINITE_NO
          || (base_verb_shape (self) && event_verb (m, self->key, self->len)))
      && relative_that (m, ring, c, sent))
    return UNSEEN_EVENT;
  /* a base form of an event verb coordinated with 'and' or 'or' and
   * followed by its object ('isolate and strangle Iraq', 'buy or lease
   * ships'): a second verb of the same subject */
  if (prev && ring->shape[n1] != SHAPE_PUNCT && next
      && ((prev->len == 3 && memcmp (prev->key, "and", 3) == 0)
          || (prev->len == 2 && memcmp (prev->key, "or", 2) == 0))
      && !(next_roles & ROLE_PREPOSITION)
      && (!(next_roles & ROLE_FUNCTION) || (next_roles & (ROLE_DETERMINER | ROLE_OBJECT)))
      && base_verb_shape (self) && event_verb (m, self->key, self->len))
    return UNSEEN_EVENT;
  gboolean after_article = (prev_roles & ROLE_ARTICLE) != 0;
  /* a nominalised event verb after an article or possessive */
  if (after_article && !hyphen && deverbal_noun (m, self))
    return UNSEEN_EVENT;
  /* a noun shaped like a nominalised event between a definite article
   * or a possessive and 'of' ('the refurbishment of', 'the lighting
   * of'), whatever its stem: the of-phrase is the event's patient;
   * deverbal_noun() above wants a stem that is a known event verb, which
   * an unseen word often lacks.  Not after 'a' or 'some', where the noun
   * is mostly a quantity or a kind ('a collection of', 'some semblance
   * of') */
  if ((prev_roles & (ROLE_ARTICLE | ROLE_OBJECT)) == (ROLE_ARTICLE | ROLE_OBJECT) && !hyphen
      && next && next->len == 2 && memcmp (next->key, "of", 2) == 0 && event_noun_shape (self))
    return UNSEEN_EVENT;
  /* modifiers in front of a noun: 'state-appointed receivers',
   * 'unconfirmed reports', 'the bombed embassy' */
  gboolean hyphen_participle = hyphen && (KEY_ENDS (self, "ed") || KEY_ENDS (self, "en"));
  gboolean negated = self->len >= 6 && self->key[0] == 'u' && self->key[1] == 'n'
                     && memcmp (self->key, "under", 5) != 0 && !KEY_ENDS (self, "ing");
  /* an -ed form after a preposition modifies the noun after it as well
   * ('of capitalized servicing', 'through restricted voting shares');
   * an -ing form there is mostly a gerund with its object ('about
   * reclaiming custody': 5-fold 11 gold events would be lost for 3
   * spurious ones dropped).  5-fold extent F1 85.568 -> 85.574 (2
   * spurious events fewer), class F1 72.498 -> 72.504 */
  gboolean attributive = ((ing || ed) && after_article) || (ed && (prev_roles & ROLE_PREPOSITION));
  /* but not a verb after its auxiliary or a name as its subject ('was
   * re-elected', 'Pahad co-chaired talks') */
  gboolean verb_slot = (before && before->aux != AUX_NONE && before->aux != AUX_TO)
                       || (prev && ring->shape[p1] != SHAPE_LOWER
                           && ring->shape[p1] != SHAPE_PUNCT);
  if ((hyphen_participle || negated || attributive) && !verb_slot && next
      && ring->shape[n1] == SHAPE_LOWER && !(next_roles & ROLE_FUNCTION))
    return UNSEEN_NONE;
  return finite_verb_slot (m, ring, c, sent) ? UNSEEN_VERB : UNSEEN_MODEL;
}

/* A past participle between a possessive or an article and a noun ('the
 * country's failed attempt', "Sony's planned acquisition", 'the bombed
 * embassy') modifies the noun: TimeML tags the noun, not the modifier
 * (in TimeBank and AQUAINT 15 of 16 after a possessive and 110 of 117
 * after an article are untagged).  Not after the "'s" of 'it's' or
 * 'he's' (is, has: 'he's expected to').  5-fold extent F1 85.35 ->
 * 85.37 (in-sample 95.57 -> 95.55). */
static G_NO_INLINE gboolean
modifying_participle_slow (const Ring *ring, guint c, guint32 sent)
{
  const Slot *self = ring->w[c % RING];
  if (key_hyphen (self) || c < 2)
    return FALSE;
  guint p1 = (c - 1) % RING, p2 = (c - 2) % RING, n1 = (c + 1) % RING;
  if (ring->sentence[p1] != sent || ring->sentence[p2] != sent || ring->sentence[n1] != sent)
    return FALSE;
  const Slot *prev = ring->w[p1], *owner = ring->w[p2], *next = ring->w[n1];
  gboolean possessive = prev->len == 2 && memcmp (prev->key, "'s", 2) == 0
                        && !contracts_is (owner->key, owner->len);
  if (!possessive && !(word_roles (role_table (), prev) & (ROLE_ARTICLE | ROLE_COUNT)))
    return FALSE;
  return ring->shape[n1] == SHAPE_LOWER && !(word_roles (role_table (), next) & ROLE_FUNCTION);
}

/* the ending in the pass, the rest in a call: most candidates end in no
 * -ed, and the call saved the registers before its first test (measured:
 * 0.24 M instructions fewer on 400 small documents) */
static inline gboolean
modifying_participle (const Ring *ring, guint c, guint32 sent)
{
  const Slot *self = ring->w[c % RING];
  return self->len > 4 && KEY_ENDS (self, "ed") && modifying_participle_slow (ring, c, sent);
}

/* A singular event noun right before another noun ('election
 * commission', 'takeover bid', 'bomb factory') names a kind of thing:
 * TimeML tags the head, not the modifier (in TimeBank and AQUAINT an
 * event noun before a lower-case content word is tagged about one time in
 * five, mostly before a preposition or an object pronoun, which are
 * excluded here).  The next word is taken for a noun when it is no verb
 * form, function word, adverb, preposition, particle or time word.
 * 5-fold extent F1 85.37 -> 85.45 (in-sample 95.55 -> 95.49). */
static G_NO_INLINE gboolean
noun_modifier_slow (const Ring *ring, guint c, guint32 sent)
{
  const Slot *self = ring->w[c % RING];
  guint n1 = (c + 1) % RING;
  if (ring->sentence[n1] != sent || ring->shape[n1] != SHAPE_LOWER
      || KEY_ENDS (self, "s") || KEY_ENDS (self, "ing"))
    return FALSE;
  const Slot *next = ring->w[n1];
  if (next->len < 3 || next->pos == POS_VERB || next->adverb || next->aux != AUX_NONE
      || KEY_ENDS (next, "ed") || KEY_ENDS (next, "ing") || KEY_ENDS (next, "ly")
      || (word_roles (role_table (), next)
          & (ROLE_FUNCTION | ROLE_PREPOSITION | ROLE_OBJECT | ROLE_PARTICLE | ROLE_DETERMINER)))
    return FALSE;
  /* closed-class words that follow a head noun: time and degree adverbs,
   * prepositions outside the role table, numbers ('offer three') */
  static const char *const not_noun[] = { "today", "tonight", "tomorrow", "yesterday", "here",
                                          "now", "then", "again", "last", "next", "home", "this",
                                          "ago", "alone", "abroad", "too", "very", "late",
                                          "early", "against", "among", "through", "across",
                                          "toward", "towards", "outside", "inside", "near",
                                          "within", "without", "via", "per", "until", "upon",
                                          "off", "still", "only", "much", "due", "even",
                                          "already", "soon", "one", "two", "three", "four",
                                          "five", "ten", "thousands", "millions", "hundreds" };
  /* the first byte and length first: most next words match neither */
  for (gsize k = 0; k < G_N_ELEMENTS (not_noun); k++)
    if (not_noun[k][0] == next->key[0] && strlen (not_noun[k]) == next->len
        && memcmp (next->key, not_noun[k], next->len) == 0)
      return FALSE;
  return TRUE;
}

/* the pos in the pass, the rest in a call: most candidates are no known
 * noun (measured: 0.27 M instructions fewer on 400 small documents) */
static inline gboolean
noun_modifier (const Ring *ring, guint c, guint32 sent)
{
  return ring->w[c % RING]->pos == POS_NOUN && noun_modifier_slow (ring, c, sent);
}

void
evl_events_recognize (const EvlContext *ctx, EvlDocument *doc)
{
  const Derived *d = evl_context_get_derived (ctx, EVL_CONTEXT_SLOT_EVENTS, derived_build,
                                              derived_free);
  Model m = d->model;
  m.d = d;
  if (m.forms == NULL)
    return;
  Tokens t;
  t.text = evl_document_get_text (doc, NULL);
  t.tok = evl_document_get_tokens (doc, &t.n_tok);
  if (t.n_tok == 0)
    return;

  Memo *memo = thread_memo (d);
  m.memo = memo->slots;
  m.exp_cache = memo->exp_cache;
  m.log_event_cache = memo->log_event_cache;
  m.class_bounds = memo->class_bounds;
  m.src.suffix_cache = memo->suffixes;
  m.src.suffix_ids = memo->suffix_ids;
  Ring ring;
  /* the entries of tokens -2 and -1 (decided with tokens 0 and 1 read)
   * are punctuation, which the pass skips: no test of the index per
   * token */
  for (guint j = 0; j < RING; j++)
    {
      ring.w[j] = NULL;
      ring.sentence[j] = NO_SENTENCE;
      ring.shape[j] = SHAPE_PUNCT;
    }
  t.ring = &ring;
  LemmaCacheSlot lemmas[LEMMA_CACHE] = { { NULL, NULL } };
  t.lemmas = lemmas;
  EvlEventMention proto = { 0 };
  proto.polarity = EVL_POLARITY_POS;
  proto.timex = -1;
  proto.anchor_method = EVL_ANCHOR_NONE;
  proto.cue_event = -1;
  proto.agent = proto.patient = proto.location = proto.source = -1;
  t.proto = &proto;
  t.last_token = 0;
  t.last_sentence = 0;
  t.last_tense = NULL;
  const Slot *const edge = &d->edge;
  /* no word with white space so far, and EVL_PAIR_MAX_UNKNOWN above any
   * pair weights: a slot's pair_max then bounds its pair weights as it is
   * (a neighbour of a candidate has been filled before it is decided) */
  gboolean plain = m.pair_bound <= EVL_PAIR_MAX_UNKNOWN;
  for (guint i = 0;; i++)
    {
      /* Fill token i's inputs, then decide token i - 2, whose next two
       * neighbours are now known; the loop's end is tested only past the
       * last token (measured: 0.69 M instructions fewer on 400 small
       * documents than a test of both per token) */
      if (G_LIKELY (i < t.n_tok))
        {
          const EvlToken *tok = &t.tok[i];
          if (G_UNLIKELY (info_fill (&m, t.text + tok->span.start, EVL_SPAN_LEN (tok->span), &ring,
                                     i % RING)))
            /* its neighbours' pair weights go by string (pair_weights()):
             * none is decided by the bound any more (token i - 2, decided
             * below, has it as its second neighbour only) */
            {
              for (guint k = 0; k < N_SHAPES; k++)
                m.never[k] = G_MININT / 2;
              m.near_floor = G_MININT / 2;
              plain = FALSE;
            }
          ring.sentence[i % RING] = tok->sentence;
        }
      else if (i < t.n_tok + 2)
        ring.sentence[i % RING] = NO_SENTENCE;
      else
        break;
      guint c = i - 2;   /* wraps for i < 2: RING divides 2^32 */
      guint8 shape = ring.shape[c % RING];
      if (shape == SHAPE_PUNCT || shape == SHAPE_NUM)
        continue;
      guint32 sent = ring.sentence[c % RING];
      /* a capitalized word is filled as SHAPE_CAP: the first of its
       * sentence is told here, for the few that are (measured: 0.44 M
       * instructions fewer on 400 small documents than telling every
       * token at its fill) */
      if (shape == SHAPE_CAP && ring.sentence[(c - 1) % RING] != sent)
        shape = SHAPE_CAPFIRST;
      const Slot *self = ring.w[c % RING];
      /* an unseen word that syntax settles skips the model (one call
       * site each for decide() and add_event(), which stay inlined) */
      const Slot *prev, *next;
      int z;
      gboolean forced = FALSE;
      int boost = 0;
      if (G_UNLIKELY (!self->seen) && shape == SHAPE_LOWER)
        {
          UnseenVerdict verdict = unseen_verdict (&m, &ring, c, sent);
          if (verdict == UNSEEN_NONE)
            continue;
          /* the model's, with the slot of a finite verb weighing for it */
          if (verdict == UNSEEN_VERB)
            boost = FINITE_VERB_BOOST;
          if (verdict == UNSEEN_EVENT)
            {
              guint p1 = (c - 1) % RING, n1 = (c + 1) % RING;
              prev = ring.sentence[p1] == sent ? ring.w[p1] : NULL;
              next = ring.sentence[n1] == sent ? ring.w[n1] : NULL;
              z = m.threshold;
              forced = TRUE;
              goto classify;
            }
        }
      /* a known past form right after a name inside its sentence, with
       * its clause going on: the name's last word is its subject ('The
       * Federal Reserve held interest rates steady'), though the model
       * reads it as the lower-case word ('reserve', a noun before a
       * verb).  5-fold extent and class F1 unchanged (85.51, 72.44;
       * folds move by up to 0.03), in-sample too; at 1000 in-sample
       * extent fell to 95.48 and class to 84.98.  Costs about 1.4 M
       * instructions on 400 small documents, most of it in the
       * candidates it lets past the bounds below. */
      if (G_UNLIKELY (ring.shape[(c - 1) % RING] == SHAPE_CAP) && shape == SHAPE_LOWER
          && self->seen && c >= 2 && name_subject_past (&m, &ring, c, sent))
        boost = NAME_PAST_BOOST;
      /* most function words cannot make it even with the best neighbours
       * and pairs: their neighbours are never read (measured: 32.8 K of
       * 108 K words skipped, 1.1 M instructions fewer on 400 small
       * documents) */
      if (self->self + self->pair_max + boost <= m.never[shape])
        continue;
      /* neighbours in the same sentence (the ring's NO_SENTENCE marks
       * the ends of the document) */
      guint p1 = (c - 1) % RING, p2 = (c - 2) % RING, n1 = (c + 1) % RING, n2 = (c + 2) % RING;
      /* a neighbour across a sentence boundary is the edge slot, whose
       * weights are the boundary's: selects instead of branches, with the
       * constants summed once (measured: 1.3 M instructions fewer on 400
       * small documents) */
      const Slot *a1 = ring.sentence[p1] == sent ? ring.w[p1] : edge;
      const Slot *b1 = ring.sentence[n1] == sent ? ring.w[n1] : edge;
      z = m.bias_shape[shape] + self->self + a1->prev + b1->next + boost;
      /* the same bound with the nearer neighbours read settles half of
       * those left (measured: 35.9 K of 75 K, 0.14 M instructions fewer on
       * 400 small documents) */
      if (z + self->pair_max <= m.near_floor)
        continue;
      const Slot *a2 = ring.sentence[p2] == sent ? ring.w[p2] : edge;
      const Slot *b2 = ring.sentence[n2] == sent ? ring.w[n2] : edge;
      z += a2->prev2 + b2->next2;
      if (z <= m.pair_floor)
        continue;
      /* most candidates left have low bounds of their own: their words
       * are in few keys, with small weights (measured: pair probes for 23 K
       * candidates instead of 43 K, 1.7 M instructions fewer on 400 small
       * documents) */
      if (plain)
        {
          if (z + self->pair_max <= m.threshold)
            continue;
        }
      else if (z + self->pair_max <= m.threshold && self->pair_max != EVL_PAIR_MAX_UNKNOWN
               && !(a1 != edge && a1->spaced) && !(b1 != edge && b1->spaced))
        continue;
      prev = a1 != edge ? a1 : NULL;
      next = b1 != edge ? b1 : NULL;
      z += pair_weights (&m, self, prev, next, plain);
      if (z <= m.threshold)
        continue;
    classify:;
      EvlEventClass klass;
      if (!forced && modifying_participle (&ring, c, sent))
        continue;
      if (!forced && noun_modifier (&ring, c, sent))
        continue;
      if (decide (&m, self, prev, next, z, &klass) || forced)
        add_event (&m, doc, &t, c, klass);
    }
}

gsize
evl_events_lemma_into (const EvlContext *ctx, const char *word, gsize len,
                       char *buf, gsize cap)
{
  return evl_events_lemma_with (evl_context_get_lexicon (ctx, "en/event-forms"),
                                evl_context_get_lexicon (ctx, "en/irregular-verbs"),
                                word, len, buf, cap);
}
