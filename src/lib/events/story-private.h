/* Internal to the story half of the events stage (story*.c): the parsed
 * taxonomy and the per-document working state shared by the rule
 * families.  Never installed. */
#pragma once

#include "events-private.h"

#include <string.h>

/* One type line of data/taxonomy/story.txt. */
typedef struct {
  const char *name;      /* "MEETING" */
  const char *cameo;     /* "04" or NULL */
  const char *lane;      /* "diplomacy" */
  float weight;          /* base salience */
  gboolean outcome;      /* success/failure cues apply */
  guint8 name_code;      /* EVL_STORY_TYPE_* of @name, 0 for other names */
} EvlStoryType;

/* Type names the rules test (EvlStoryType.name_code), so a test is a
 * byte compare instead of a strcmp of the event's type. */
#define EVL_STORY_TYPE_OTHER 1
#define EVL_STORY_TYPE_MEETING 2
#define EVL_STORY_TYPE_VISIT 3

typedef struct _EvlStoryTaxonomy EvlStoryTaxonomy;

/* (transfer full) The taxonomy of @ctx's "taxonomy/story.txt" and cue
 * lexicons: mapped from the image built at build time from the
 * compiled-in files when @ctx has those (story-taxonomy-tool), else
 * parsed from @ctx's text (a data dir).  NULL with @error set when the
 * taxonomy is absent or malformed.  Reference counted. */
EvlStoryTaxonomy *evl_story_taxonomy_new (const EvlContext *ctx, GError **error);
/* (transfer full) The parsed taxonomy of @ctx, shared: parsed once per
 * context's data (a small process-wide cache keyed by the data, holding a
 * reference on it) instead of once per document.  NULL when absent or
 * malformed.  Thread-safe. */
EvlStoryTaxonomy *evl_story_taxonomy_get (const EvlContext *ctx);
EvlStoryTaxonomy *evl_story_taxonomy_ref (EvlStoryTaxonomy *tax);
void evl_story_taxonomy_unref (EvlStoryTaxonomy *tax);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvlStoryTaxonomy, evl_story_taxonomy_unref)

/* The taxonomy image: everything the rules read of the parsed taxonomy
 * in one flat, pointer-free block (offsets from its start, native byte
 * order, 8-byte aligned sections), so that the compiled-in taxonomy is
 * used in place instead of parsed at every start-up (story-taxonomy.c).
 *
 * (transfer full) The image of the taxonomy @story (the text of
 * "taxonomy/story.txt") with the forms of the cue lexicons @factuality
 * and @cues (their text; NULL when absent).  NULL with EVL_ERROR_PARSE
 * when @story is malformed.  A pure function of the three texts. */
GBytes *evl_story_taxonomy_build_image (GBytes *story, GBytes *factuality, GBytes *cues,
                                        GError **error);
/* (transfer full) The taxonomy of @image (8-byte aligned; kept
 * referenced), made by evl_story_taxonomy_build_image() of texts of
 * @story_len, @factuality_len and @cues_len bytes (G_MAXSIZE: absent).
 * NULL with @error set when @image is not such an image for this build. */
EvlStoryTaxonomy *evl_story_taxonomy_new_from_image (GBytes *image, gsize story_len,
                                                     gsize factuality_len, gsize cues_len,
                                                     GError **error);
/* (transfer none) The image @tax was made from. */
GBytes *evl_story_taxonomy_get_image (const EvlStoryTaxonomy *tax);
/* The compiled-in image (story-taxonomy.gresource.xml, generated). */
GResource *evl_story_image_get_resource (void);

/* The lexicons the story rules scan the text with. */
typedef enum {
  EVL_STORY_LEX_FACTUALITY,   /* "en/factuality" */
  EVL_STORY_LEX_CUES,         /* "en/event-cues-story" */
  EVL_STORY_LEX_N
} EvlStoryLex;

/* Words the rules test by identity get fixed ids in the taxonomy's word
 * table (story.c), so a test is an integer compare on a per-token id
 * computed once per document instead of a strcmp of the token's key. */
typedef enum {
  EVL_W_UNKNOWN = 0,   /* not in the table */
  EVL_W_THE, EVL_W_A, EVL_W_AN, EVL_W_THAT, EVL_W_WHETHER, EVL_W_IF,
  EVL_W_AND, EVL_W_AMPERSAND, EVL_W_TWO, EVL_W_BOTH, EVL_W_SINCE, EVL_W_OF,
  EVL_W_AT, EVL_W_BY, EVL_W_TO, EVL_W_WITH, EVL_W_BETWEEN, EVL_W_FOR,
  EVL_W_NO, EVL_W_NONE, EVL_W_NOTHING, EVL_W_COMMA,
  EVL_W_N_FIXED
} EvlStoryWord;

/* Word classes (bits of EvlStoryWordInfo.cls), from the word lists of the
 * rule families and the taxonomy. */
enum {
  EVL_STORY_C_PREP         = 1u << 0,  /* 'of', 'during' (story-args.c) */
  EVL_STORY_C_CLAUSE_PREP  = 1u << 1,  /* also a subordinator: 'since' */
  EVL_STORY_C_LOC_PREP     = 1u << 2,  /* 'at', 'in', 'near' */
  EVL_STORY_C_BE           = 1u << 3,  /* 'was', 'been', "'s" */
  EVL_STORY_C_CLAUSE_BREAK = 1u << 4,  /* ';', 'because': no coordination across */
  EVL_STORY_C_CONJ         = 1u << 5,  /* 'and', ',' */
  EVL_STORY_C_FUNCTION     = 1u << 6,  /* never a noun-phrase modifier */
  EVL_STORY_C_MODAL        = 1u << 7,  /* 'may', 'to' before a verb */
  EVL_STORY_C_CLAUSE_WORD  = 1u << 8,  /* opens a clause: 'which', 'because' */
  EVL_STORY_C_CLAUSE_PUNCT = 1u << 9,  /* ends a clause: ',', ';', dashes */
  EVL_STORY_C_POSSESSIVE   = 1u << 10, /* "'s", '’' */
  EVL_STORY_C_DEFINITE     = 1u << 11, /* 'the', 'its': presupposition */
  EVL_STORY_C_NOMINAL_DET  = 1u << 12, /* before a nominal reporting cue */
  EVL_STORY_C_NOUN_DET     = 1u << 13, /* before a trigger in noun position */
  EVL_STORY_C_NONEVENT     = 1u << 14, /* taxonomy 'nonevent' */
  EVL_STORY_C_START_FACT   = 1u << 16, /* starts a form of en/factuality */
  EVL_STORY_C_START_CUES   = 1u << 17, /* starts a form of en/event-cues-story */
  /* Bits 16 on shift onto the EVL_STORY_SCAN_* they set (build_index()). */
  EVL_STORY_C_GROUP        = 1u << 20, /* taxonomy 'group' */
  EVL_STORY_C_COMPLEMENTIZER = 1u << 21, /* 'that', 'whether': a clause with its own subject */
  EVL_STORY_C_FORM_PREFIX  = 1u << 22, /* a proper prefix of a word after the first of
                                          some lexicon form ('run' of 'run-up'):
                                          evl_story_span_ok() */
  EVL_STORY_C_PARTICLE     = 1u << 23, /* the particle of a phrasal trigger key
                                          ('off' of 'lift off') */
};

/* 32-bit masks of context groups per word: at most 32 times as many
 * groups in data/taxonomy/story.txt. */
#define EVL_STORY_CTX_WORDS 3

/* What the story rules know of a folded word; entry 0 (unknown words) is
 * all zero but for its scan bits. */
typedef struct {
  guint32 cls;           /* EVL_STORY_C_* */
  guint32 ctx[EVL_STORY_CTX_WORDS]; /* context group bits: group g is bit
                                       g % 32 of ctx[g / 32] */
  guint16 rules;         /* trigger rules: index of the first in the taxonomy's
                            rule list (EvlStoryTaxonomy.rules), 0 none */
  guint16 stem_rules;    /* those of the word's regular stem ('convened' ->
                            'convene'), 0 none: precomputed (story-taxonomy.c) */
  gint16 outcome;        /* EVL_STORY_OUTCOME_* or 0 */
  guint8 max_words[EVL_STORY_LEX_N]; /* most words of a form of lexicon
                                        EvlStoryLex starting with the word */
  guint8 min_words[EVL_STORY_LEX_N]; /* fewest words of such a form */
  guint8 next[EVL_STORY_LEX_N]; /* per lexicon: index of what the forms starting
                                   with this word say of the words after it
                                   (evl_story_span_ok()), 0 none known */
  guint8 scan;           /* the EVL_STORY_SCAN_* bits the word's classes set
                            (build_index()), with those of lexicons without a
                            start set: the only field of entry 0 that may
                            be non-zero */
  guint8 pad[3];         /* zero: no implicit padding in the image */
} EvlStoryWordInfo;

/* A trigger rule of data/taxonomy/story.txt.  A word's rules are
 * consecutive in the taxonomy's rule list, in file order, and end with
 * one of type EVL_STORY_RULE_END; entry 0 is such an end, so that index
 * 0 (no rules) is an empty list. */
typedef struct {
  guint16 type;          /* taxonomy type index */
  gint8 group;           /* context group, -1 = unconditional */
  guint8 window;         /* tokens either side, same sentence */
  guint8 pos;            /* 0 any, 1 nominal only, 2 verbal only */
  guint8 flags;          /* EVL_STORY_RULE_DOCUMENT, _AFTER, _PROVISIONAL */
  gint8 also;            /* a second context group that must occur in the
                            window too ('GROUP&ALSO'), -1 none */
  guint8 pad;            /* zero: no implicit padding in the image */
} EvlStoryRule;
#define EVL_STORY_RULE_END G_MAXUINT16
/* The rule's reading may come from the document: a noun of the word with
 * no context of its own takes it when the document's events typed by
 * context read so (story.txt 'document'; evl_story_type_events()). */
#define EVL_STORY_RULE_DOCUMENT 1u
/* The context is looked for after the trigger only (story.txt window
 * '+N': 'delivered air defence systems', not 'the defence ministry
 * provided'). */
#define EVL_STORY_RULE_AFTER 2u
/* The context types the trigger as an unconditional rule would: a noun
 * stays open to the document's reading, and casts no vote in it
 * (story.txt 'provisional': 'the blast killed ten' in a bombing story). */
#define EVL_STORY_RULE_PROVISIONAL 4u
/* The context is looked for before the trigger only (story.txt window
 * '-N': 'attempts to kill', not 'died in an attempt to flee'). */
#define EVL_STORY_RULE_BEFORE 8u
/* A noun's context after it is looked for in its clause only (story.txt
 * 'clause': 'after the embassy bombings in Africa, U.S. forces struck':
 * the forces are the strike's). */
#define EVL_STORY_RULE_CLAUSE 16u
/* The trigger calls its typed event off ('a planned visit was
 * cancelled'): the story's event (the visit) did not come about, its
 * polarity is NEG, and so it is no mention of a visit that did
 * (story.txt 'called-off'). */
#define EVL_STORY_RULE_CALLED_OFF 32u

/* The word table's lookup structure: open addressing on a cheap hash of
 * the folded form.  A slot holds the form's first eight bytes
 * (zero-padded; 0 = empty, as no form is empty), so a form of up to
 * eight bytes -- most tokens -- is matched by one compare; its id is in a
 * parallel array, read on a match only. */
typedef struct {
  const guint64 *slot_head;
  const guint32 *slot_id;
  guint32 slot_mask;
  const guint32 *lens;     /* by id: length of the folded form */
  const guint32 *key_off;  /* by id: offset of the folded form in @keys */
  const char *keys;        /* NUL-terminated forms */
} EvlStoryWordTable;

/* Every field is read in place from the image (evl_story_taxonomy_get_image()). */
struct _EvlStoryTaxonomy {
  gatomicrefcount ref;
  GBytes *image;
  /* the image is the compiled-in resource's own bytes: its strings (type
   * names, CAMEO codes) outlive every document as literals do */
  gboolean strings_static;
  GArray *types;           /* EvlStoryType, strings in the image */
  GHashTable *type_index;  /* name -> GUINT_TO_POINTER (index + 1) */
  const EvlStoryType **type_st; /* per type: evl_story_taxonomy_lookup() of its name,
                                   made once (EvlStoryDoc.type_st) */
  guint other;             /* index of OTHER */
  EvlStoryWordTable table;
  const EvlStoryWordInfo *words; /* by id; 0 = unknown word */
  guint n_words;
  const EvlStoryRule *rules;
  const guint64 *next_masks[EVL_STORY_LEX_N]; /* EVL_STORY_NEXT_STRIDE words per index of
                                   EvlStoryWordInfo.next (entry 0 unused), by EvlStoryLex */
  guint n_next[EVL_STORY_LEX_N]; /* indexes used, + 1 */
  gboolean has_starts[EVL_STORY_LEX_N]; /* the lexicon's file was there (EvlStoryLex) */
  guint32 serial;          /* unique per taxonomy made (never 0): WordMemo (story.c) */
};

/* The first eight bytes of @key (@len bytes), zero-padded. */
static inline guint64
evl_story_word_head (const char *key, gsize len)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  /* Loads of fixed sizes within the @len bytes (two overlapping ones from
   * four bytes on) instead of a memcpy() call of a variable size (~25
   * instructions, 11,000 calls for the lemmas of the small corpus). */
  if (len >= 8)
    return evl_load64 (key);
  if (len >= 4)
    {
      guint32 lo, hi;
      memcpy (&lo, key, 4);
      memcpy (&hi, key + len - 4, 4);
      return (guint64) lo | ((guint64) hi << (8 * (len - 4)));
    }
  guint64 x = 0;
  if (len >= 1)
    x = (guchar) key[0];
  if (len >= 2)
    x |= (guint64) (guchar) key[1] << 8;
  if (len >= 3)
    x |= (guint64) (guchar) key[2] << 16;
  return x;
#else
  guint64 x = 0;
  memcpy (&x, key, MIN (len, (gsize) 8));
  return x;
#endif
}

/* Hash of a folded form from its eight-byte words (zero-padded): a form
 * of up to eight bytes, the common token, is one multiply.  The high half
 * of the product is well mixed in its low bits too, so it is the hash as
 * it is (the slot is its low bits): a shift where folding the product
 * with two shifts and two xors was ~0.9 M instructions on the small
 * corpus (callgrind).  Ids do not depend on the hash, only slots do. */
static inline guint32
evl_story_hash_step (guint64 h, guint64 x)
{
  return (guint32) (((h ^ x) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}

static inline guint32
evl_story_word_hash (const char *key, gsize len)
{
  guint32 h = evl_story_hash_step (len, evl_story_word_head (key, len));
  for (gsize i = 8; i < len; i += 8)
    h = evl_story_hash_step (h, evl_story_word_head (key + i, len - i));
  return h;
}

/* The id of the folded form @key (@len > 0 bytes, first eight bytes
 * @head), hashed @h, in @t; 0 when absent.  @key is read only past its
 * eighth byte (it may be NULL for a form of up to eight bytes). */
static inline guint
evl_story_table_find (const EvlStoryWordTable *t, const char *key, gsize len, guint64 head, guint32 h)
{
  for (guint32 i = h & t->slot_mask;; i = (i + 1) & t->slot_mask)
    {
      guint64 sh = t->slot_head[i];
      if (sh == 0)
        return 0;
      if (sh != head)
        continue;
      /* Forms hold no NUL byte, so equal heads of forms of the same
       * length up to eight bytes are equal forms. */
      guint32 id = t->slot_id[i];
      if (t->lens[id] == len && (len <= 8 || memcmp (t->keys + t->key_off[id] + 8, key + 8, len - 8) == 0))
        return id;
    }
}

/* What the forms of a lexicon starting with a word say of the words
 * after it (EvlStoryWordInfo.next): EVL_STORY_NEXT_WORDS masks of the
 * words 2, 3, ... (bit id % 64), then one word of the numbers of words
 * the forms have (bit n: n words) and EVL_STORY_NEXT_EXTENDS. */
#define EVL_STORY_NEXT_WORDS 3
#define EVL_STORY_NEXT_STRIDE (EVL_STORY_NEXT_WORDS + 1)
#define EVL_STORY_NEXT_EXTENDS (G_GUINT64_CONSTANT (1) << 32) /* some form's first
                                                  word extends this one */

/* The id of the folded word @key (@len bytes) in @tax's word table,
 * EVL_W_UNKNOWN when absent.  No allocation. */
guint evl_story_word_id (const EvlStoryTaxonomy *tax, const char *key, gsize len);
/* (transfer none) @tax's EVL_STORY_NEXT_STRIDE words per
 * EvlStoryWordInfo.next index of lexicon @lex, or NULL when the lexicon
 * has no forms (EvlStoryDoc.next_masks). */
const guint64 *evl_story_taxonomy_next_masks (const EvlStoryTaxonomy *tax, EvlStoryLex lex);
/* How many EvlStoryWordInfo.next indexes lexicon @lex uses (the largest + 1). */
guint evl_story_taxonomy_n_next (const EvlStoryTaxonomy *tax, EvlStoryLex lex);
/* (transfer none) Entry @id of @tax's word table (0 <= @id < the table's
 * size: ids come from evl_story_word_id()). */
const EvlStoryWordInfo *evl_story_word_info (const EvlStoryTaxonomy *tax, guint id);

/* (transfer none) The type named @name, or NULL. */
const EvlStoryType *evl_story_taxonomy_lookup (const EvlStoryTaxonomy *tax,
                                               const char *name);

/* Outcome of a word: 1 failed, 2 succeeded, 0 neither. */
#define EVL_STORY_OUTCOME_FAILED 1
#define EVL_STORY_OUTCOME_SUCCEEDED 2

/* Per-document working state.  Arrays are indexed by token (tok_*) or by
 * event (ev_*); all are allocated once per document. */
typedef struct {
  const EvlContext *ctx;
  EvlDocument *doc;
  const EvlStoryTaxonomy *tax;
  const char *text;
  gsize text_len;        /* bytes of @text */
  const EvlToken *tok;
  guint n_tok;
  const EvlSentence *sent;
  guint n_sent;
  const EvlTimex *tx;
  guint n_tx;
  const EvlEntityMention *ent;
  guint n_ent;
  EvlEventMention *ev;   /* the document's mentions, edited in place */
  guint n_ev;
  gint32 *ev_tok;        /* first token of each event's trigger, -1 none */
  gint32 *tok_ev;        /* event whose trigger covers the token, or -1 */
  gint32 *tok_ent;       /* entity mention covering the token, or -1 */
  gint32 *tok_tx;        /* timex covering the token, or -1 */
  guint32 *clause;       /* clause number of each token (document-wide) */
  /* Participants collected per event, EVL_STORY_MAX_PARTS slots each. */
  gint32 *parts;
  guint8 *n_parts;
  guint16 *ev_mark;      /* EVL_STORY_MARK_* bits per event */
  /* Events added by the rules (implied prior events), appended at the end
   * (the thread's scratch array, emptied per document). */
  GArray *extra;
  gint32 dct_timex;      /* index of the DCT timex record, or -1 */
  guint8 *sent_tx;       /* per sentence: EVL_STORY_SENT_* bits */
  guint32 *wid;          /* word id of each token (EvlStoryWord or beyond) */
  guint8 *tok_dirty;     /* 0: the token's folded form is its bytes with ASCII
                            letters lowered (empty from EVL_STORY_KEY_CAP bytes
                            on); else it may hold a blank, was folded the
                            general way, and this is EVL_STORY_KEY_DIRTY | the
                            form's length (evl_story_key_len()) */
  guint8 *tok_scan;      /* EVL_STORY_SCAN_* of each token; n_tok + 8 bytes, zero past n_tok */
  const EvlStoryWordInfo *winfo; /* the taxonomy's word table, by id */
  guint32 *tx_tokens;    /* the timex-covered tokens (EVL_STORY_SCAN_TIMEX), ascending */
  guint32 n_tx_tokens;
  guint32 *sent_tx_first; /* per sentence: its first entry in @tx_tokens, and */
  guint32 *sent_tx_end;  /* one past its last, for the sentences tokens have
                            (build_index()) */
  gint32 *tx_first;      /* first token each timex covers, -1 none (build_index) */
  guint32 *tx_end;       /* one past its last, when tx_first >= 0 */
  gint32 *ent_first;     /* first token of each entity mention (-1 none) */
  gint32 *ent_last;      /* last token of each entity mention (-1 none) */
  guint32 *ent_prep;     /* per entity mention: its prep_before() (story-args.c),
                            G_MAXUINT32 until asked */
  const char **type_name; /* per taxonomy type: its name interned in @doc, lazily */
  const char **type_cameo; /* per taxonomy type: its CAMEO code interned, lazily */
  const EvlStoryType *const *type_st; /* per taxonomy type: evl_story_taxonomy_lookup() of
                                         its name (the taxonomy's, made once) */
  guint16 *ev_type;      /* taxonomy type of each event (evl_story_type_events()) */
  guint8 *ev_code;       /* its name code (EvlStoryType.name_code), set with it */
  guint8 *ev_tf;         /* EVL_STORY_TF_* of each event: its tense and aspect, once */
  gint32 *ev_prep;       /* per event: its temporal_prep_before() + 2 (story-anchor.c),
                            0 until asked; zeroed */
  guint32 start_all;     /* EVL_STORY_C_START_* of lexicons without a start set */
  guint32 tok_per_kb;    /* tokens per 1024 bytes of text, for guesses (story.c) */
  guint8 *tx_excluded;   /* per timex: taken by an implied event (story-anchor.c), zeroed */
  gint32 *prior_of;      /* per event: its implied prior event (story-anchor.c) */
  gint32 *sent_source;   /* per sentence: its reported speaker (story-factuality.c) */
  const guint64 *next_masks[EVL_STORY_LEX_N]; /* the taxonomy's: EVL_STORY_NEXT_WORDS
                                                 masks per EvlStoryWordInfo.next
                                                 (EVL_STORY_NEXT_STRIDE words) */
  /* evl_story_lookup()'s memo of one-token lookups, by the word's
   * EvlStoryWordInfo.next index: its entry, once known (one_known). */
  const EvlLexEntry **one_entry[EVL_STORY_LEX_N];
  guint8 *one_known[EVL_STORY_LEX_N];
  gpointer block;        /* the per-thread scratch holding the arrays above (story.c) */
  gpointer word_memo;    /* the thread's memo of word ids by raw bytes (story.c) */
  gpointer lemma_memo;   /* the thread's memo of word info by static lemma (story.c) */
  const char *known_lo, *known_hi; /* evl_events_known_image_range() */
  guint steps;           /* the rule families run (EVL_STORY_STEP_*): build_index()
                            leaves out what only the others read */
} EvlStoryDoc;

/* Tense and aspect of an event as bits (evl_story_tense_flags()): the
 * rules test them per event and per token many times; strcmp chains on
 * the strings were ~9% of this stage's time (perf, 20 MB corpus). */
#define EVL_STORY_TF_VERBAL   1u   /* a tense other than NONE */
#define EVL_STORY_TF_PAST     2u
#define EVL_STORY_TF_PRESENT  4u
#define EVL_STORY_TF_FUTURE   8u
#define EVL_STORY_TF_PASTPART 16u
#define EVL_STORY_TF_PERFECT  32u  /* aspect contains PERFECTIVE */
#define EVL_STORY_TF_FINITE   (EVL_STORY_TF_PAST | EVL_STORY_TF_PRESENT | EVL_STORY_TF_FUTURE)

/* EVL_STORY_TF_* of @e's tense and aspect strings. */
guint evl_story_tense_flags (const EvlEventMention *e);

/* Event @k's EVL_STORY_TF_* bits (0 <= @k < n_ev). */
static inline guint
evl_story_tf (const EvlStoryDoc *sd, gint32 k)
{
  return sd->ev_tf[k];
}

/* Event @k has a tense other than NONE. */
static inline gboolean
evl_story_verbal (const EvlStoryDoc *sd, gint32 k)
{
  return (sd->ev_tf[k] & EVL_STORY_TF_VERBAL) != 0;
}

/* Event @k is a finite verb (PAST, PRESENT or FUTURE). */
static inline gboolean
evl_story_finite (const EvlStoryDoc *sd, gint32 k)
{
  return (sd->ev_tf[k] & EVL_STORY_TF_FINITE) != 0;
}

/* Name code (EVL_STORY_TYPE_*) of event @k's story type, once typed
 * (evl_story_type_events()): a load, not a call and two (~0.4 M
 * instructions on the small corpus, callgrind). */
static inline guint
evl_story_type_code (const EvlStoryDoc *sd, gint32 k)
{
  return sd->ev_code[k];
}

/* Token @i's word id; EVL_W_UNKNOWN out of range. */
static inline guint
evl_story_wid (const EvlStoryDoc *sd, gint i)
{
  return i >= 0 && (guint) i < sd->n_tok ? sd->wid[i] : EVL_W_UNKNOWN;
}

/* Token @i's word classes (EVL_STORY_C_*); 0 out of range. */
static inline guint32
evl_story_cls (const EvlStoryDoc *sd, gint i)
{
  return sd->winfo[evl_story_wid (sd, i)].cls;
}

/* EvlStoryDoc.sent_tx: the sentence holds a timex; a token of it
 * follows a token of a duration timex (temporal_prep_before(): 'two days
 * after', the sentences of a duration's tokens and of the token after
 * it). */
#define EVL_STORY_SENT_TIMEX 1u
#define EVL_STORY_SENT_AFTER_DURATION 2u

/* Token folded forms (evl_story_key_into()) are shorter than this; a
 * token of this many bytes or more has an empty one. */
#define EVL_STORY_KEY_CAP 64
#define EVL_STORY_KEY_DIRTY 0x80u

/* The length of token @i's folded form (@i < n_tok), 0 when empty. */
static inline gsize
evl_story_key_len (const EvlStoryDoc *sd, guint i)
{
  guint d = sd->tok_dirty[i];
  gsize len = EVL_SPAN_LEN (sd->tok[i].span);
  return d ? d & ~EVL_STORY_KEY_DIRTY : len < EVL_STORY_KEY_CAP ? len : 0;
}

static inline gboolean
evl_story_word_break_after (const EvlStoryDoc *sd, guint j)
{
  /* Token j holds no blank and has a non-empty key, a blank follows it,
   * and token j + 1 has a non-empty key: the folded text of any span
   * holding both has a space between them.  (A clean token's key is
   * non-empty below EVL_STORY_KEY_CAP bytes: tokens are not empty.) */
  guint32 end = sd->tok[j].span.end;
  char c = sd->text[end];
  return !sd->tok_dirty[j] && EVL_SPAN_LEN (sd->tok[j].span) < EVL_STORY_KEY_CAP
         && evl_story_key_len (sd, j + 1) > 0 && end < sd->tok[j + 1].span.start
         && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
}

/* FALSE when the folded text of tokens @i..@last provably holds more
 * words than any form of lexicon @lex that starts with token @i's word,
 * so a lookup of it would fail: its first word is token @i's alone and
 * each word break counted is a blank between two tokens.  Lets the
 * longest-match loops skip lookups that cannot match: most words of
 * en/factuality start forms of one word only (per token, the loop tried
 * every length up to the lexicon's longest form). */
static inline gboolean
evl_story_span_fits (const EvlStoryDoc *sd, EvlStoryLex lex, guint i, guint last)
{
  const EvlStoryWordInfo *info = &sd->winfo[sd->wid[i]];
  guint most = info->max_words[lex], fewest = info->min_words[lex], ntok = last - i + 1;
  if (most == 0 || (ntok <= most && ntok >= fewest))
    return TRUE;
  /* One clean token: its key, one word. */
  if (ntok == 1)
    return sd->tok_dirty[i] || evl_story_key_len (sd, i) == 0 || fewest <= 1;
  if (!evl_story_word_break_after (sd, i))
    return TRUE;
  if (ntok > most)
    {
      /* At least one word more than the breaks counted. */
      guint words = 2;
      for (guint j = i + 1; j < last && words <= most; j++)
        words += evl_story_word_break_after (sd, j);
      return words <= most;
    }
  /* Fewer tokens than the shortest form has words: at most one word per
   * token when no token holds a blank and the gaps hold only blanks. */
  for (guint j = i; j <= last; j++)
    {
      if (sd->tok_dirty[j])
        return TRUE;
      if (j < last)
        for (guint32 b = sd->tok[j].span.end; b < sd->tok[j + 1].span.start; b++)
          if (sd->text[b] != ' ' && sd->text[b] != '\t' && sd->text[b] != '\r' && sd->text[b] != '\n')
            return TRUE;
    }
  return FALSE;
}

static inline gboolean
evl_story_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Which numbers of tokens from token @i a lookup in lexicon @lex may
 * match (bit n: a span of n tokens, from 1 to 31; larger spans are not
 * ruled out), as far as the words of the span tell
 * (EvlStoryWordInfo.next).  Token @i is a clean word (no blank):
 *  - when no blank follows it, the folded text of a longer span has a
 *    first word that extends token @i's key: only possible when some form
 *    has such a first word ('said.' never is);
 *  - when the next tokens are clean words parted by blanks only, they are
 *    the folded text's words 2, 3, ...: a word no form starting with
 *    token @i's has at its place rules out every span that holds it as
 *    a whole word (the span ends with it, or a blank follows it), and a
 *    span ending at such a word has as many words as tokens, which some
 *    form must have; when no blank follows the word, longer spans extend
 *    it, which only a proper prefix of some form's word allows.
 * Tokens that are not a form's word have other ids (not in the table,
 * or of another word).  8,695 of the story pass's 14,867 lookups on the
 * small corpus were multi-word spans that failed ('said.', 'in the
 * region'), ~200 instructions each (callgrind). */
static inline guint32
evl_story_span_ok (const EvlStoryDoc *sd, EvlStoryLex lex, guint i)
{
  guint idx = sd->winfo[sd->wid[i]].next[lex];
  if (idx == 0 || sd->tok_dirty[i] || i + 1 >= sd->n_tok
      || EVL_SPAN_LEN (sd->tok[i].span) >= EVL_STORY_KEY_CAP)
    return G_MAXUINT32;
  const guint64 *m = sd->next_masks[lex] + (gsize) idx * EVL_STORY_NEXT_STRIDE;
  if (!evl_story_blank (sd->text[sd->tok[i].span.end]))
    return (m[EVL_STORY_NEXT_WORDS] & EVL_STORY_NEXT_EXTENDS) ? G_MAXUINT32 : 1u << 1;
  guint32 ok = G_MAXUINT32, counts = (guint32) m[EVL_STORY_NEXT_WORDS];
  for (guint p = 0; p < EVL_STORY_NEXT_WORDS; p++)
    {
      guint j = i + 1 + p, n = p + 2;   /* word n of the span is token j's */
      if (j >= sd->n_tok || sd->tok_dirty[j] || !evl_story_word_break_after (sd, j - 1))
        break;
      /* Only blanks between the two tokens (one, nearly always). */
      for (guint32 b = sd->tok[j - 1].span.end + 1; b < sd->tok[j].span.start; b++)
        if (!evl_story_blank (sd->text[b]))
          return ok;
      guint w = sd->wid[j];
      gboolean blank_after = evl_story_blank (sd->text[sd->tok[j].span.end]);
      /* Without a blank after it, the span's word n extends token j's
       * key when the span goes on: only some form's word can. */
      if (w == EVL_W_UNKNOWN || !((m[p] >> (w & 63)) & 1))
        return blank_after || !(sd->winfo[w].cls & EVL_STORY_C_FORM_PREFIX) ? ok & ((1u << n) - 1)
                                                                             : ok & ~(1u << n);
      if (!((counts >> n) & 1))
        ok &= ~(1u << n);
      if (!blank_after)
        break;
    }
  return ok;
}

/* A span of @n tokens is allowed by @ok (evl_story_span_ok()). */
static inline gboolean
evl_story_span_allowed (guint32 ok, guint n)
{
  return n > 31 || ((ok >> n) & 1);
}

/* The largest span of at most @n tokens that @ok allows
 * (evl_story_span_allowed()), 0 when none: the longest-match loops step
 * from one allowed length to the next instead of testing every length
 * down from the lexicon's longest form (most cue words allow one or two). */
static inline guint
evl_story_span_prev (guint32 ok, guint n)
{
  if (n > 31)
    return n;
  guint32 m = ok & ~1u & (n == 31 ? G_MAXUINT32 : (2u << n) - 1);
#if defined(__GNUC__)
  return m ? 31u - (guint) __builtin_clz (m) : 0;
#else
  guint k = 0;
  for (; m > 1; m >>= 1)
    k++;
  return k;
#endif
}

/* evl_lexicon_lookup() in @lex (lexicon @l) of the text of tokens @i to
 * @last.  The lookup of one clean token (no blank: its text folds to its
 * key) is that of its word, remembered per document by the word's index
 * (EvlStoryWordInfo.next: words that start forms): the same cue words
 * recur ('said', 'not', 'after'). */
static inline const EvlLexEntry *
evl_story_lookup (const EvlStoryDoc *sd, const EvlLexicon *lex, EvlStoryLex l, guint i, guint last)
{
  EvlSpan span = { sd->tok[i].span.start, sd->tok[last].span.end };
  guint idx = sd->winfo[sd->wid[i]].next[l];
  if (last != i || idx == 0 || sd->tok_dirty[i] || EVL_SPAN_LEN (span) >= EVL_STORY_KEY_CAP)
    return evl_lexicon_lookup (lex, sd->text + span.start, EVL_SPAN_LEN (span));
  if (!sd->one_known[l][idx])
    {
      sd->one_entry[l][idx] = evl_lexicon_lookup (lex, sd->text + span.start, EVL_SPAN_LEN (span));
      sd->one_known[l][idx] = 1;
    }
  return sd->one_entry[l][idx];
}

/* Tokens the per-token passes stop at (EvlStoryDoc.tok_scan, build_index()):
 * most tokens are neither, and those passes skip them eight at a time
 * (evl_story_next_scan()) instead of testing each. */
#define EVL_STORY_SCAN_FACT 1u  /* outside entities and timexes, and starts a form
                                   of en/factuality, ends in "'t" or "’t" (may be a
                                   negative contraction) or is a token of a verbal
                                   reporting event */
#define EVL_STORY_SCAN_CUES 2u  /* starts a form of en/event-cues-story */
#define EVL_STORY_SCAN_ARGS 4u  /* an event's or an entity mention's token */
#define EVL_STORY_SCAN_BLOCK 8u /* inside an entity mention or a timex (build_index()) */
#define EVL_STORY_SCAN_GROUP 16u /* a taxonomy 'group' word (EVL_STORY_C_GROUP) */
#define EVL_STORY_SCAN_COMPLEMENTIZER 32u /* EVL_STORY_C_COMPLEMENTIZER */
#define EVL_STORY_SCAN_TIMEX 128u /* covered by a timex (not the DCT) */
#define EVL_STORY_SCAN_QUOTED 64u /* the token lies inside a quotation (evl_story_quoted()):
                                     a bit of the byte build_index() stores per token
                                     anyway, not a byte array of its own */

/* The first token in [@i, @end) whose tok_scan has @bit, else @end (or
 * n_tok when @end is beyond): bounded, for marks so rare that an
 * unbounded search would cross the document. */
static inline guint
evl_story_next_scan_before (const EvlStoryDoc *sd, guint i, guint bit, guint end)
{
  end = MIN (end, sd->n_tok);
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
  const guint64 mask = EVL_SWAR_ONES * bit;
  for (; i < end; i += 8)
    {
      guint64 w;
      memcpy (&w, sd->tok_scan + i, 8);   /* n_tok + 8 bytes */
      w &= mask;
      if (w != 0)
        return MIN (i + (guint) __builtin_ctzll (w) / 8, end);
    }
#else
  for (; i < end; i++)
    if (sd->tok_scan[i] & bit)
      return i;
#endif
  return end;
}

/* The last token in [@lo, @i] (@lo >= 0) whose tok_scan has @bit, else -1. */
static inline gint
evl_story_prev_scan_after (const EvlStoryDoc *sd, gint i, guint bit, gint lo)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
  const guint64 mask = EVL_SWAR_ONES * bit;
  for (; i - 7 >= lo; i -= 8)
    {
      guint64 w;
      memcpy (&w, sd->tok_scan + i - 7, 8);
      w &= mask;
      if (w != 0)
        return i - 7 + (63 - __builtin_clzll (w)) / 8;
    }
#endif
  for (; i >= lo; i--)
    if (sd->tok_scan[i] & bit)
      return i;
  return -1;
}

/* The first token >= @i whose tok_scan has @bit, n_tok when none. */
static inline guint
evl_story_next_scan (const EvlStoryDoc *sd, guint i, guint bit)
{
  return evl_story_next_scan_before (sd, i, bit, sd->n_tok);
}

/* The last token <= @i whose tok_scan has @bit, -1 when none. */
static inline gint
evl_story_prev_scan (const EvlStoryDoc *sd, gint i, guint bit)
{
  return evl_story_prev_scan_after (sd, i, bit, 0);
}

/* Token @i (0 <= @i < n_tok) lies inside a quotation. */
static inline gboolean
evl_story_quoted (const EvlStoryDoc *sd, gint i)
{
  return (sd->tok_scan[i] & EVL_STORY_SCAN_QUOTED) != 0;
}

/* Token @i is word @w (case-folded). */
static inline gboolean
evl_story_is (const EvlStoryDoc *sd, gint i, EvlStoryWord w)
{
  return evl_story_wid (sd, i) == (guint) w;
}

#define EVL_STORY_MAX_PARTS 8

/* No clause- or sentence-wide scan looks further than this many tokens
 * from its start, so a text without sentence breaks stays linear. */
#define EVL_STORY_REACH 64

/* Internal per-event marks set by one rule family for a later one. */
#define EVL_STORY_MARK_DENIAL 1u   /* the event is a denial cue ('denied') */
#define EVL_STORY_MARK_JUNK   2u   /* trigger does not start with a letter ('’s') */
#define EVL_STORY_MARK_FUTURE 4u   /* governed by 'will', 'going to' */
#define EVL_STORY_MARK_MODAL_OUTSIDE 8u /* modality from a cue outside its clause */
#define EVL_STORY_MARK_CONTEXT 16u /* typed by a rule's context (evl_story_type_events()) */
#define EVL_STORY_MARK_DOC_OPEN 32u /* a noun typed without context that a 'document' rule
                                       may type (evl_story_type_events()) */
#define EVL_STORY_MARK_PHRASAL 64u /* typed as the phrasal verb of its trigger and the
                                      particle after it (evl_story_type_events()) */
#define EVL_STORY_MARK_RULED 128u /* a rule of its word typed it, untyped ('OTHER')
                                     included (evl_story_type_events()) */
#define EVL_STORY_MARK_SPECULATED 256u /* hedged by a cue that tells no plan ('may',
                                          'reportedly', 'whether') or by a condition */
#define EVL_STORY_MARK_CALLED_OFF 512u /* typed by a 'called-off' rule: the event
                                          it names was cancelled */

/* Lower-cased copy of token @i into @buf; returns its length or -1. */
gssize evl_story_token_key (const EvlStoryDoc *sd, guint i, char *buf, gsize cap);
/* Token @i's folded form into @buf, NUL-terminated ("" past the end or
 * from EVL_STORY_KEY_CAP bytes on), as build_index() folded it for its
 * word id; returns its length (evl_story_key_len()). */
gsize evl_story_key_into (const EvlStoryDoc *sd, gint i, char buf[EVL_STORY_KEY_CAP]);
/* TRUE when token @i, case-folded, equals @word. */
gboolean evl_story_token_is (const EvlStoryDoc *sd, guint i, const char *word);
/* Token @i is one of the NULL-terminated @words (evl_story_token_is()). */
gboolean evl_story_token_among (const EvlStoryDoc *sd, gint i, const char *const *words);
/* TRUE when token @i is a plural group head of the taxonomy ('leaders')
 * after 'two', 'both' or 'the'. */
gboolean evl_story_group_word (const EvlStoryDoc *sd, gint i);
/* TRUE when token @i is a lower-case word that can sit inside a noun
 * phrase before its head ('remote', 'arms'): no function word, event
 * trigger, timex, participle or past form (story-args.c). */
gboolean evl_story_modifier_word (const EvlStoryDoc *sd, gint i);
/* 'Slepian, 52, an obstetrician who worked in Buffalo, was shot': the
 * person opening the sentence whose appositive, between the commas at
 * *@open and *@close, stands before the verb at token @t (past its
 * auxiliaries); -1 when none (story-args.c). */
gint32 evl_story_appositive (const EvlStoryDoc *sd, gint t, gint *open, gint *close);
/* TRUE when a modal or 'to' stands right before token @t ('may supply'):
 * the trigger there is a verb whatever its tag (story-args.c). */
gboolean evl_story_after_modal (const EvlStoryDoc *sd, gint t);
/* Index of @s in the NULL-terminated @names, G_MAXUINT when absent.
 * Compares the first byte before calling strcmp: the attribute names of
 * the cue lexicons, looked up per cue, mostly differ there. */
guint evl_story_name_index (const char *s, const char *const *names);
/* Whether the event is a verb (has a tense other than NONE). */
gboolean evl_story_event_is_verbal (const EvlEventMention *e);

/* The rule families evl_events_story_annotate_for() runs (EvlStoryDoc.steps). */
#define EVL_STORY_STEP_TYPES      (1u << 0)  /* evl_story_type_events() */
#define EVL_STORY_STEP_ARGUMENTS  (1u << 1)  /* evl_story_fill_arguments(), _resolve_groups() */
#define EVL_STORY_STEP_FACTUALITY (1u << 2)  /* evl_story_apply_factuality() */
#define EVL_STORY_STEP_ANCHORS    (1u << 3)  /* evl_story_anchor_events(), implied events */
#define EVL_STORY_STEP_SALIENCE   (1u << 4)  /* evl_story_score_salience(), participants */
#define EVL_STORY_STEP_SPEECH     (1u << 5)  /* factuality's reported speech and generic
                                                readings: the REPORTED and GENERIC flags
                                                and the source, nothing else */
#define EVL_STORY_STEP_ALL        ((1u << 6) - 1)

/* Rule families, each one pass over the events (story-*.c). */
void evl_story_type_events (EvlStoryDoc *sd);              /* story.c */
void evl_story_fill_arguments (EvlStoryDoc *sd);           /* story-args.c */
void evl_story_resolve_groups (EvlStoryDoc *sd);           /* story-args.c */
void evl_story_apply_factuality (EvlStoryDoc *sd);         /* story-factuality.c */
/* Whether verb event @o governs the infinitive at token @t through its
 * object ('urged the rebels to talk'): story-args.c. */
gboolean evl_story_object_controls (const EvlStoryDoc *sd, gint32 o, gint t);
void evl_story_anchor_events (EvlStoryDoc *sd);            /* story-anchor.c */
void evl_story_mark_future_events (EvlStoryDoc *sd);       /* story-factuality.c */
void evl_story_score_salience (EvlStoryDoc *sd);           /* story.c */

/* Adds entity mention @m to event @e's participant set (dedup by cluster). */
void evl_story_add_participant (EvlStoryDoc *sd, guint e, gint32 m);
