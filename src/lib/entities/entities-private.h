/* Shared by the entities/ sources; never installed. */
#pragma once

#include "evl-private.h"

#include <string.h>

/* The lexicons the stage reads, in the order of EvlEntLex.by_id. */
typedef enum {
  EVL_ENT_LEX_COUNTRIES,
  EVL_ENT_LEX_PLACES,
  EVL_ENT_LEX_ORGS,
  EVL_ENT_LEX_PEOPLE,
  EVL_ENT_LEX_TITLES,
  EVL_ENT_LEX_ROLES,
  EVL_ENT_LEX_STOP,
  EVL_ENT_LEX_CUES,
  EVL_ENT_N_LEX
} EvlEntLexId;

/* A folded first word of the forms of the lexicons (by its
 * evl_ent_word_hash_step() hash and length): maxw[l] is the most
 * words of a form of lexicon l that starts with it (0: none does).  Slots
 * are matched on hash and length only, so two words that collide share a
 * slot and the larger counts: a probe is skipped only when no form can
 * match it, never wrongly. */
typedef struct {
  guint32 hash;
  guint16 len;               /* 0: empty slot */
  guint16 word;              /* 1 + index in EvlEntLex.words, 0: none */
  guint8 maxw[EVL_ENT_N_LEX];
} EvlEntFirst;

/* The word of a first-word slot and what each lexicon holds for that word
 * alone: a token whose lower-cased bytes are @text is looked up without
 * folding or probing any lexicon (a token folds to itself lower-cased). */
typedef struct {
  const char *text;          /* folded; NULL when two words share the slot */
  guint64 head;              /* evl_ent_load() of its first 8 bytes (or fewer) */
  const EvlLexEntry *one[EVL_ENT_N_LEX];  /* evl_lexicon_lookup() of it */
} EvlEntWord;

/* The gazetteer attributes whose forms are folded once per context. */
typedef enum {
  EVL_ENT_ATTR_DEMONYM,
  EVL_ENT_ATTR_CAPITAL,
  EVL_ENT_ATTR_CONTEXT,
  EVL_ENT_N_ATTR
} EvlEntAttrId;

#define EVL_ENT_PAIR_BITS 15

/* The pair_bloom bit of a key whose first word has @len1 bytes and hash
 * @h1 (evl_ent_word_hash_step()) and whose second word has @len2 bytes,
 * the first (at most eight) @head2, lower-cased (ASCII) and packed as by
 * evl_ent_load(). */
static inline guint32
evl_ent_pair_slot (guint32 h1, gsize len1, guint64 head2, gsize len2)
{
  guint64 x = ((guint64) h1 << 16 ^ len1 ^ (guint64) len2 << 48) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ head2 ^ x >> 29) * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);
  return (guint32) (x >> (64 - EVL_ENT_PAIR_BITS));
}

/* The lexicons and what the stage derives from them, built once per
 * context (evl_ent_lex_get()). */
typedef struct {
  union {
    struct {
      const EvlLexicon *countries;  /* en/gazetteer-countries */
      const EvlLexicon *places;     /* en/gazetteer-places */
      const EvlLexicon *orgs;       /* en/gazetteer-organizations */
      const EvlLexicon *people;     /* en/gazetteer-people */
      const EvlLexicon *titles;     /* en/person-titles */
      const EvlLexicon *roles;      /* en/entity-roles */
      const EvlLexicon *stop;       /* en/name-stopwords */
      const EvlLexicon *cues;       /* en/entity-cues */
    };
    const EvlLexicon *by_id[EVL_ENT_N_LEX];
  };
  /* The most tokens a match can span: the lexicon's most words + 2 (a
   * clitic, 'People’s', is a token of its own but no word), at most 8;
   * 0 for a missing lexicon. */
  guint max_tokens[EVL_ENT_N_LEX];
  /* The one-word keys of the stop words, titles and cues, by
   * evl_ent_one_slot(): bit 1 << 0, 1, 2 set when a key of that lexicon
   * (EVL_ENT_ONE_*) falls in the slot.  A clear bit proves that the token
   * alone is no key of the lexicon, without the first-word table. */
  guint8 *one_bloom;         /* 1 << EVL_ENT_ONE_BITS slots */
  EvlEntFirst *first;        /* open addressing, first_mask + 1 slots */
  /* The first two words of the forms of two words or more, by
   * evl_ent_pair_slot(): a clear bit proves that no form starts with
   * those two words. */
  guint64 *pair_bloom;       /* 1 << EVL_ENT_PAIR_BITS bits */
  guint32 first_mask;
  /* The forms of attribute EvlEntAttrId a of the countries [0] and
   * places [1] by entry index: entry i's records are
   * form_data[a][l][form_off[a][l][i] .. form_off[a][l][i + 1]), each its
   * folded length, its length as written, then its evl_fold_key() bytes
   * (evl_ent_forms_has()). */
  guint32 *form_off[EVL_ENT_N_ATTR][2];
  guint8 *form_data[EVL_ENT_N_ATTR][2];
  /* The countries' [0] and places' [1] first entry and entry count
   * (entries are one array), for evl_ent_forms_has() without calls. */
  const EvlLexEntry *form_base[2];
  guint form_n[2];
  EvlEntWord *words;         /* n_words of them, at most G_MAXUINT16 */
  guint n_words, cap_words;
  /* evl_ent_cue_bits() of each entry of the cues, by index from
   * cue_base (the cues' first entry; entries are one array). */
  guint32 *cue_bits;
  const EvlLexEntry *cue_base;
  guint n_cues;
  GStringChunk *word_text;
  /* evl_ent_gaz_key()'s cache: (line, type) -> key, filled on first use,
   * shared by the threads annotating documents. */
  struct {
    GMutex lock;
    GHashTable *keys;
  } *gaz_keys;
  /* The four gazetteers' (EVL_ENT_LEX_COUNTRIES .. PEOPLE) first entry
   * and entry count (entries are one array), and per entry what is
   * derived from its canonical name once per context, filled on first use
   * by any thread (g_atomic_pointer_compare_and_exchange(): the loser
   * frees its copy; every copy is the same): gaz_names[l][i] the
   * clusterer's EvlEntGazNames (one block), gaz_key[l][i * EVL_ENTITY_N +
   * type] evl_ent_gaz_key(). */
  const EvlLexEntry *gaz_base[4];
  guint gaz_n[4];
  gpointer *gaz_names[4];
  gpointer *gaz_key[4];
  /* Unique among the tables built in this process (never 0): per-thread
   * caches of answers from these tables are tagged with it, so that a
   * later context's tables at the same address never read them. */
  guint id;
} EvlEntLex;

/* Which gazetteer a match came from. */
typedef enum {
  EVL_GAZ_NONE = 0,
  EVL_GAZ_COUNTRY,
  EVL_GAZ_PLACE,
  EVL_GAZ_ORG,
  EVL_GAZ_PERSON,
} EvlGazKind;

/* How a candidate mention was found; decides how it is clustered. */
typedef enum {
  EVL_CAND_GAZ,        /* gazetteer name (gaz/gaz_kind set) */
  EVL_CAND_CAPITAL,    /* capital city: the country as actor, else a place */
  EVL_CAND_CONTEXT,    /* 'the North': needs its country named elsewhere */
  EVL_CAND_NAME,       /* multi-word name found by rules */
  EVL_CAND_SINGLE,     /* one capitalised word: a known name's part or nothing */
  EVL_CAND_DESC,       /* 'the Russian President': resolves to a person */
  EVL_CAND_PRONOUN,    /* 'he', 'she', 'his', 'her': the subject of a
                        * recent sentence */
} EvlCandKind;

typedef struct {
  EvlSpan span;              /* mention text, possessive 's excluded */
  guint32 sentence;
  guint32 tok0, tok1;        /* token range [tok0, tok1) */
  EvlEntityType type;
  EvlCandKind kind;
  EvlGazKind gaz_kind;
  guint8 heading;            /* found in a heading: join known entities only */
  guint8 titled;             /* preceded by a title ('Mr. Kim') */
  guint8 actor;              /* CAPITAL: used as a government actor */
  guint8 acronym;            /* SINGLE: an all-capitals word ('KCNA') */
  guint8 org_ctx;            /* SINGLE, NAME: in an organisation's context
                              * ('shares of X', 'carmaker X': org-of /
                              * org-after / org-before cues); 2: only a
                              * post of its after it ('X chief executive
                              * Y'), which types a name found, makes none */
  guint8 speaker;            /* SINGLE: before a verb of speech ('X said'):
                              * 2 when 'it' follows ('X said it'), else 1 */
  guint8 mid;                /* SINGLE: not at a sentence start */
  guint8 common;             /* SINGLE: a body's or a document's head
                              * ('Ministry', 'Agreement'): a known name's
                              * short form or nothing */
  guint8 club;               /* NAME: EVL_OWN_* bits, names_own_place() */
  guint8 person_cue;         /* NAME read as a person's: it speaks or is
                              * described as one ('X said', 'X, 59,') */
  const EvlLexEntry *gaz;    /* gazetteer line, or NULL */
  EvlSpan role;              /* title phrase ('Russian President'), or 0..0 */
  const EvlLexEntry *title;  /* person-titles line of the role, or NULL */
  const EvlLexEntry *country;/* country named in the title phrase or DESC */
  const EvlLexEntry *desc;   /* DESC: entity-roles line */
  gint32 cluster;            /* internal cluster, -1 while unresolved */
} EvlCand;

/* The single-word lexicons the scanner keeps per token (TokMemo.one),
 * as bits of EvlEntLex.one_bloom; EVL_ENT_ONE_TITLE_START: a title, or a
 * cue whose line mentions "title-start" or "title-mod" (what a title
 * phrase can start with, title_at()). */
enum {
  EVL_ENT_ONE_STOP = 1,
  EVL_ENT_ONE_TITLES = 2,
  EVL_ENT_ONE_CUES = 4,
  EVL_ENT_ONE_TITLE_START = 8,
  EVL_ENT_ONE_ALL = 15
};
#define EVL_ENT_ONE_BITS 13

/* The one_bloom slot of a key of @len bytes (1-255) whose first bytes,
 * packed as by evl_ent_load(), are @head, lower-cased (ASCII) or not:
 * bit 5 of every byte (what ASCII lower-casing sets) is left out, so a
 * token needs no lower-casing to find the slot of the key it would match
 * (the lower-casing was ~0.5 M instructions on the small corpus). */
static inline guint32
evl_ent_one_slot (guint64 head, gsize len)
{
  guint64 h = ((head & ~(EVL_SWAR_ONES * 0x20)) ^ ((guint64) len << 56))
              * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (guint32) (h >> (64 - EVL_ENT_ONE_BITS));
}

/* What an entity-cues line's "kind=a|b" attribute holds: EVL_CUE_<KIND>
 * when the list has that member, EVL_CUE_HAS_TITLE_* when its text
 * contains "title-start" / "title-mod" anywhere. */
enum {
  EVL_CUE_CONNECTOR = 1 << 0,
  EVL_CUE_EPITHET = 1 << 1,
  EVL_CUE_LOC_HEAD = 1 << 2,
  EVL_CUE_LOC_PREFIX = 1 << 3,
  EVL_CUE_MOTION = 1 << 4,
  EVL_CUE_NOT_ENTITY = 1 << 5,
  EVL_CUE_ORG_HEAD = 1 << 6,
  EVL_CUE_PLACE_PREP = 1 << 7,
  EVL_CUE_TITLE_MOD = 1 << 8,
  EVL_CUE_TITLE_START = 1 << 9,
  EVL_CUE_ORG_OF = 1 << 10,
  EVL_CUE_ORG_AFTER = 1 << 11,
  EVL_CUE_SPEECH = 1 << 12,
  EVL_CUE_ORG_BEFORE = 1 << 13,
  EVL_CUE_EVENT_PREFIX = 1 << 14,
  EVL_CUE_CLUB = 1 << 15,
  EVL_CUE_HAS_TITLE_MOD = 1 << 16,
  EVL_CUE_HAS_TITLE_START = 1 << 17,
  EVL_CUE_BODY = 1 << 18,
  EVL_CUE_PLACE_PART = 1 << 19,
  EVL_CUE_LOC_BEFORE = 1 << 20,
  EVL_CUE_LOC_OF = 1 << 21,
  EVL_CUE_LOC_AFTER = 1 << 22,
};

/* evl_ent_cue_bits() of a line that is not the cues lexicon's. */
guint evl_ent_cue_bits_slow (const EvlLexEntry *cue);

/* (transfer none) The stage's lexicons and derived tables for @ctx, built
 * on first use and kept by the context. */
const EvlEntLex *evl_ent_lex_get (const EvlContext *ctx);

/* The @n bytes (at most 8) at @p packed into one word, the rest zero:
 * the same value for the same bytes on every call.  Reads eight bytes
 * when they lie before @limit, else only @n. */
static inline guint64
evl_ent_load (const char *p, gsize n, const char *limit)
{
  guint64 x = 0;
  if (n == 0)
    return 0;
  if (p + 8 <= limit)
    memcpy (&x, p, 8);
  else
    memcpy (&x, p, n);
  if (n < 8)
    {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      x &= (G_GUINT64_CONSTANT (1) << (8 * n)) - 1;
#else
      x &= ~G_GUINT64_CONSTANT (0) << (8 * (8 - n));
#endif
    }
  return x;
}

/* evl_ent_load() lower-cased (ASCII). */
static inline guint64
evl_ent_chunk (const char *p, gsize n, const char *limit)
{
  return evl_swar_lower (evl_ent_load (p, n, limit));
}

/* @c lower-cased if an ASCII capital. */
static inline guchar
evl_ent_ascii_lower (guchar c)
{
  return (guint) (c - 'A') < 26u ? (guchar) (c + 32) : c;
}

/* Hash of a word for the first-word table: FNV-1a of its bytes without
 * bit 5, the bit ASCII lower-casing sets, so that the scanner hashes text
 * as it reads it, without folding a copy (evl_fold_key() of a word
 * without blanks lower-cases it), and without lower-casing each byte.
 * Words that differ in that bit of other bytes share a hash: the table
 * matches on hash and length only and allows that. */
#define EVL_ENT_WORD_HASH_INIT 2166136261u
static inline guint32
evl_ent_word_hash_step (guint32 h, guchar c)
{
  return (h ^ (c & 0xdfu)) * 16777619u;
}

/* What a name's first word alone names (EvlCand.club): a sports club's
 * place is the place ('Leeds United' ... 'in Leeds'); a public body's or
 * society's first word is the place, or the person it is named after
 * ('Truman Presidential Library' ... 'President Truman'), unless it
 * speaks or an organisation's context says so ('Harvard said'). */
enum {
  EVL_OWN_CLUB = 1 << 0,
  EVL_OWN_BODY = 1 << 1,
};

/* The EVL_CUE_* bits of the first "kind=" attribute of @cue (nullable; 0
 * when none), from a per-context table for lines of the cues lexicon:
 * parsing the list per question was ~1.7 M instructions on the small
 * corpus. */
G_ALWAYS_INLINE static inline guint
evl_ent_cue_bits (const EvlEntLex *lex, const EvlLexEntry *cue)
{
  if (cue == NULL)
    return 0;
  if (lex->n_cues && cue >= lex->cue_base && cue < lex->cue_base + lex->n_cues)
    return lex->cue_bits[cue - lex->cue_base];
  return evl_ent_cue_bits_slow (cue);
}

/* (transfer none) The first-word slot of the word of @len bytes whose
 * hash (evl_ent_word_hash_step() over its bytes) is @h, or NULL when no
 * form of any lexicon starts with that word.  Inline, as the next: asked
 * for most tokens. */
static inline const EvlEntFirst *
evl_ent_first_word (const EvlEntLex *lex, guint32 h, gsize len)
{
  if (len == 0 || len > G_MAXUINT16)
    return NULL;
  guint32 i = h & lex->first_mask;
  const EvlEntFirst *t = lex->first;
  while (t[i].len != 0 && (t[i].hash != h || t[i].len != len))
    i = (i + 1) & lex->first_mask;
  return t[i].len ? &t[i] : NULL;
}

/* (transfer none) The word of @slot (nullable) when it is the @len bytes
 * at @text lower-cased (ASCII), else NULL; bytes before @limit (at least
 * @text + @len) may be read.  The first eight bytes are compared as one
 * word: byte by byte, the comparison was ~1.3 M instructions on the small
 * corpus. */
static inline const EvlEntWord *
evl_ent_slot_word_at (const EvlEntLex *lex, const EvlEntFirst *slot, const char *text, gsize len,
                      const char *limit)
{
  if (slot == NULL || slot->word == 0 || slot->len != len)
    return NULL;
  const EvlEntWord *w = &lex->words[slot->word - 1];
  if (w->text == NULL || evl_ent_chunk (text, MIN (len, 8), limit) != w->head)
    return NULL;
  for (gsize i = 8; i < len; i++)
    {
      guchar c = (guchar) text[i];
      if ((char) ((guint) (c - 'A') < 26u ? c + 32u : c) != w->text[i])
        return NULL;
    }
  return w;
}

/* evl_ent_slot_word_at() reading only the @len bytes at @text. */
static inline const EvlEntWord *
evl_ent_slot_word (const EvlEntLex *lex, const EvlEntFirst *slot, const char *text, gsize len)
{
  return evl_ent_slot_word_at (lex, slot, text, len, text + len);
}

/* TRUE when @entry's attribute "@kind=a|b|c" lists @text (@len bytes),
 * compared case-insensitively with white space folded. */
gboolean evl_ent_attr_has (const EvlLexEntry *entry, const char *kind,
                           const char *text, gsize len);
/* evl_ent_attr_has (@entry, the name of @attr, @text, @len) for an
 * @entry of the countries (@l 0) or places (@l 1), from forms folded once
 * per context. */
gboolean evl_ent_forms_has (const EvlEntLex *lex, EvlEntAttrId attr, guint l,
                            const EvlLexEntry *entry, const char *text, gsize len);
/* (transfer none) The value of attribute "@kind=..." of @entry, or NULL. */
const char *evl_ent_attr (const EvlLexEntry *entry, const char *kind);

/* Appends to @out the name folding used for keys and alias matching:
 * lower case (Unicode), hyphens to spaces, periods dropped, curly
 * apostrophes made straight, white space collapsed and trimmed. */
void evl_ent_fold_name (GString *out, const char *text, gsize len);

/* The number of words of evl_ent_fold_name (@text, @len) up to its first
 * NUL (one more than its spaces; 0 when empty), without writing it: the
 * clusterer needs only the count for most mentions of known names. */
guint evl_ent_fold_words (const char *text, gsize len);

/* Sets @out to evl_entity_normalize_key (@name, @type). */
void evl_ent_normalize_key (GString *out, const EvlEntLex *lex, const char *name,
                            EvlEntityType type);

/* (transfer none) evl_ent_normalize_key() of the canonical name of the
 * gazetteer line @entry, computed once per context; valid while the
 * context lives. */
const char *evl_ent_gaz_key (const EvlEntLex *lex, const EvlLexEntry *entry,
                             EvlEntityType type);

/* The index of @entry among the entries of gazetteer *@l_out (0-3), or
 * -1 when it is no gazetteer line of these tables. */
static inline gint
evl_ent_gaz_index (const EvlEntLex *lex, const EvlLexEntry *entry, guint *l_out)
{
  for (guint l = 0; l < 4; l++)
    if (lex->gaz_n[l] && entry >= lex->gaz_base[l] && entry < lex->gaz_base[l] + lex->gaz_n[l])
      {
        *l_out = l;
        return (gint) (entry - lex->gaz_base[l]);
      }
  return -1;
}

/* Turns the candidates into clusters and mentions on @doc.  Without
 * @records only the mentions are added (their cluster indices as with
 * them): no cluster records, whose names, keys, aliases and roles were
 * ~4 M instructions on the small corpus for callers that read none. */
void evl_ent_cluster (const EvlContext *ctx, const EvlEntLex *lex,
                      EvlDocument *doc, GArray *cands, gboolean records);

/* evl_entities_annotate() computing only what @needs asks for
 * (EvlPipelineNeeds): the mentions always, the cluster records only for
 * EVL_PIPELINE_NEEDS_ALL (nothing else reads them). (entities.c) */
void evl_entities_annotate_for (const EvlContext *ctx, EvlDocument *doc, EvlPipelineNeeds needs);
