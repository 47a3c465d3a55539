#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <glib.h>
#include <eventline/evl-types.h>

G_BEGIN_DECLS

/* EvlDocument: one article's UTF-8 text, metadata and the annotations the
 * pipeline stages add to it.  Reference counted.
 *
 * Ownership: the document owns its text, metadata and every annotation.
 * Annotation records are plain read-only structs returned as borrowed
 * arrays; their strings live in the document's string pool and stay valid
 * for the document's lifetime.  Stages append with evl_document_add_*()
 * (which copy the record) and intern strings with evl_document_intern(). */
typedef struct _EvlDocument EvlDocument;

/* Where the creation time (DCT) came from; stronger sources win. */
typedef enum {
  EVL_DCT_NONE = 0,
  EVL_DCT_GUESSED,     /* a dateline found in the body text */
  EVL_DCT_DEFAULT,     /* --dct given on the command line */
  EVL_DCT_METADATA,    /* manifest, front matter, TimeML DCT, HTML meta */
} EvlDctSource;

/* ---- segmentation records (segment/) ---- */
typedef enum {
  EVL_TOKEN_WORD      = 1 << 0,  /* letters (may contain - ' .) */
  EVL_TOKEN_NUMBER    = 1 << 1,  /* starts with a digit */
  EVL_TOKEN_PUNCT     = 1 << 2,
  EVL_TOKEN_CAP       = 1 << 3,  /* first letter upper case */
  EVL_TOKEN_ALLCAPS   = 1 << 4,
  EVL_TOKEN_SENT_START= 1 << 5,
  EVL_TOKEN_ABBREV    = 1 << 6,  /* known abbreviation with its period */
  EVL_TOKEN_QUOTE     = 1 << 7,  /* a quotation mark (straight or curly) */
} EvlTokenFlags;

typedef struct {
  EvlSpan span;
  guint32 sentence;     /* index into the sentence array */
  guint16 flags;        /* EvlTokenFlags */
} EvlToken;

typedef struct {
  EvlSpan span;
  guint32 first_token;
  guint32 n_tokens;
  guint32 paragraph;    /* blank-line separated block index */
  guint8  is_heading;   /* short line without final punctuation */
  guint8  is_furniture; /* page furniture: teaser, credit, bio, comments */
} EvlSentence;

/* ---- temporal expressions (timex/) ---- */
typedef enum {
  EVL_TIMEX_DATE,
  EVL_TIMEX_TIME,
  EVL_TIMEX_DURATION,
  EVL_TIMEX_SET,
} EvlTimexType;

typedef enum {
  EVL_TIMEX_FLAG_RELATIVE   = 1 << 0, /* resolved against a reference time */
  EVL_TIMEX_FLAG_UNANCHORED = 1 << 1, /* needed a reference it didn't have */
  EVL_TIMEX_FLAG_RANGE      = 1 << 2, /* '1950-53', 'from May to August' */
  EVL_TIMEX_FLAG_DCT        = 1 << 3, /* the document creation time itself */
} EvlTimexFlags;

typedef struct {
  EvlSpan span;
  guint32 sentence;
  EvlTimexType type;
  const char *value;   /* TIMEX3 value: "2023-09-13", "P18M", "PAST_REF" */
  const char *mod;     /* NULL or START, END, MID, APPROX, MORE_THAN, ... */
  const char *quant;   /* SET only: "EVERY", ... or NULL */
  const char *freq;    /* SET only: "2X" ... or NULL */
  gint32 anchor;       /* index of the anchoring timex, -1 = DCT/none */
  guint32 flags;       /* EvlTimexFlags */
  /* Calendar bounds of a DATE/TIME (both 0 when not calendar-resolvable).
   * For a range ('1950-53') begin..end covers the whole range. */
  EvlDay begin;
  EvlDay end;
  EvlGrain grain;
} EvlTimex;

/* ---- entity mentions (entities/) ---- */
typedef struct {
  EvlSpan span;
  guint32 sentence;
  EvlEntityType type;
  gint32 cluster;      /* index into the document's entity clusters */
  guint8 is_pronoun;   /* 'he', 'the North Korean leader' style reference */
  guint32 token;       /* the token the mention starts in: a hint, as
                        * EvlEventMention.token */
} EvlEntityMention;

/* An entity within one document: the alias cluster of its mentions. */
typedef struct {
  const char *name;        /* canonical display name, e.g. "Kim Jong Un" */
  const char *key;         /* normalised merge key, e.g. "kim jong un" */
  EvlEntityType type;
  const char *const *aliases; /* NULL-terminated, distinct surface forms */
  guint32 n_mentions;
  const char *role;        /* NULL or a title/role: "President", "Admiral" */
} EvlEntityCluster;

/* ---- event mentions (events/) ---- */
typedef enum {
  EVL_POLARITY_POS,
  EVL_POLARITY_NEG,
} EvlPolarity;

typedef enum {
  EVL_ANCHOR_NONE,        /* no time found */
  EVL_ANCHOR_CLAUSE,      /* a timex in the same clause */
  EVL_ANCHOR_SENTENCE,    /* a timex elsewhere in the sentence */
  EVL_ANCHOR_CUE,         /* relative to another event: 'hours before X' */
  EVL_ANCHOR_TENSE,       /* the reference time, by tense */
  EVL_ANCHOR_DCT,         /* the document creation time (reporting) */
} EvlAnchorMethod;

EVL_API const char *evl_anchor_method_to_string (EvlAnchorMethod m);

typedef enum {
  EVL_EVENT_FLAG_HEDGED    = 1 << 0, /* speculation, rumour, 'reportedly' */
  EVL_EVENT_FLAG_REPORTED  = 1 << 1, /* inside reported speech */
  EVL_EVENT_FLAG_FAILED    = 1 << 2, /* outcome failure ('failed launch') */
  EVL_EVENT_FLAG_SUCCEEDED = 1 << 3,
  EVL_EVENT_FLAG_GENERIC   = 1 << 4, /* habitual/generic, not one event */
  /* Had not happened when the text was written: planned, scheduled,
   * expected, threatened, conditional ('if ...') or future ('will').
   * A status of its own, not a modality: TimeML's MODALITY is the modal
   * word itself ('will', 'may'), which 'scheduled for' or 'if' is not. */
  EVL_EVENT_FLAG_PLANNED   = 1 << 5,
} EvlEventFlags;

/* Flags a merged event keeps only when every member has them: one
 * mention asserting the event outweighs the others' hedge, generic
 * reading or plan (a later report that the planned strike took place). */
#define EVL_EVENT_FLAGS_UNANIMOUS \
  ((guint32) (EVL_EVENT_FLAG_HEDGED | EVL_EVENT_FLAG_GENERIC | EVL_EVENT_FLAG_PLANNED))

typedef struct {
  EvlSpan span;            /* the trigger word(s) */
  guint32 sentence;
  const char *lemma;       /* "launch" for 'launched' */
  EvlEventClass klass;     /* TimeML class */
  const char *type;        /* story type: "MEETING", "MISSILE_LAUNCH" ... */
  const char *cameo;       /* CAMEO root code or NULL */
  const char *tense;       /* PAST PRESENT FUTURE INFINITIVE PRESPART PASTPART NONE */
  const char *aspect;      /* NONE PROGRESSIVE PERFECTIVE PERFECTIVE_PROGRESSIVE */
  EvlPolarity polarity;
  const char *modality;    /* NULL, "may", "would", "expected", ... */
  guint32 flags;           /* EvlEventFlags */
  gint32 timex;            /* anchoring timex index, -1 none */
  EvlAnchorMethod anchor_method;
  gint32 cue_event;        /* ANCHOR_CUE: index of the reference event */
  EvlRel cue_rel;          /* this event cue_rel the reference event */
  gint32 agent;            /* entity mention indices, -1 none */
  gint32 patient;
  gint32 location;
  gint32 source;           /* reported-speech source ('Peskov said') */
  const gint32 *participants; /* further entity mention indices */
  guint32 n_participants;
  float salience;          /* 0..1: how timeline-worthy this mention is */
  /* The token the trigger starts in, as the recognizer found it, so that
   * later stages need not search for it again: a hint (0 when not
   * known), which readers check against the tokens before use. */
  guint32 token;
} EvlEventMention;

/* (transfer full) A new document over a copy of @text (@len bytes, or -1).
 * Fails with EVL_ERROR_ENCODING when @text is not valid UTF-8.  @id is the
 * stable document identifier (usually the file's basename without
 * extension). */
EVL_API EvlDocument *evl_document_new (const char *id, const char *text,
                                       gssize len, GError **error);
EVL_API EvlDocument *evl_document_ref (EvlDocument *doc);
EVL_API void         evl_document_unref (EvlDocument *doc);

EVL_API const char *evl_document_get_id (const EvlDocument *doc);
EVL_API const char *evl_document_get_text (const EvlDocument *doc, gsize *len);
/* NULL when unset. */
EVL_API const char *evl_document_get_path (const EvlDocument *doc);
EVL_API void        evl_document_set_path (EvlDocument *doc, const char *path);
EVL_API const char *evl_document_get_title (const EvlDocument *doc);
EVL_API void        evl_document_set_title (EvlDocument *doc, const char *title);
EVL_API const char *evl_document_get_url (const EvlDocument *doc);
EVL_API void        evl_document_set_url (EvlDocument *doc, const char *url);

/* The document creation time.  A weaker source never replaces a stronger
 * one: setting a GUESSED date over a METADATA date is a no-op returning
 * FALSE.  @value is a TIMEX3 DATE/TIME value ("2023-09-14"). */
EVL_API gboolean     evl_document_set_dct (EvlDocument *doc, const char *value,
                                           EvlDctSource source);
EVL_API const char  *evl_document_get_dct (const EvlDocument *doc);
EVL_API EvlDay       evl_document_get_dct_day (const EvlDocument *doc);
EVL_API EvlDctSource evl_document_get_dct_source (const EvlDocument *doc);

/* (transfer none) A string owned by the document, equal to @str
 * (@len bytes or -1).  Equal strings share storage. */
EVL_API const char *evl_document_intern (EvlDocument *doc, const char *str,
                                         gssize len);
/* (transfer none) A NUL-ended copy of the text under @span, in the pool. */
EVL_API const char *evl_document_span_text (EvlDocument *doc, EvlSpan span);

/* Annotation arrays: (transfer none), *n_out set to the count. */
EVL_API const EvlToken    *evl_document_get_tokens (const EvlDocument *doc, guint *n_out);
EVL_API const EvlSentence *evl_document_get_sentences (const EvlDocument *doc, guint *n_out);
EVL_API const EvlTimex    *evl_document_get_timexes (const EvlDocument *doc, guint *n_out);
EVL_API const EvlEntityMention *evl_document_get_entity_mentions (const EvlDocument *doc, guint *n_out);
EVL_API const EvlEntityCluster *evl_document_get_entity_clusters (const EvlDocument *doc, guint *n_out);
EVL_API const EvlEventMention  *evl_document_get_event_mentions (const EvlDocument *doc, guint *n_out);

/* Appenders copy the record and return its index.  String fields must
 * already be interned in this document (or be static literals); array
 * fields (aliases, participants) are copied into the document. */
EVL_API guint evl_document_add_token (EvlDocument *doc, const EvlToken *tok);
EVL_API guint evl_document_add_sentence (EvlDocument *doc, const EvlSentence *s);
EVL_API guint evl_document_add_timex (EvlDocument *doc, const EvlTimex *t);
EVL_API guint evl_document_add_entity_mention (EvlDocument *doc, const EvlEntityMention *m);
EVL_API guint evl_document_add_entity_cluster (EvlDocument *doc, const EvlEntityCluster *c);
EVL_API guint evl_document_add_event_mention (EvlDocument *doc, const EvlEventMention *e);
/* Bulk appenders: copy @n records at once (one copy, one growth) and
 * return the index of the first. */
EVL_API guint evl_document_add_tokens (EvlDocument *doc, const EvlToken *toks, guint n);
EVL_API guint evl_document_add_sentences (EvlDocument *doc, const EvlSentence *s, guint n);
EVL_API guint evl_document_add_entity_mentions (EvlDocument *doc, const EvlEntityMention *m, guint n);
/* As evl_document_add_entity_cluster() for a cluster whose strings,
 * aliases included, all come from evl_document_intern() or
 * evl_document_span_text() of @doc (or are static literals): the alias
 * array is copied as it is, without interning each alias again. */
EVL_API guint evl_document_add_entity_cluster_interned (EvlDocument *doc, const EvlEntityCluster *c);

/* Mutable access for the stage that owns the records (e.g. entities/
 * assigning clusters after the fact, events/ setting anchors).  The pointer
 * is invalidated by the next add of the same kind. */
EVL_API EvlTimex         *evl_document_peek_timex (EvlDocument *doc, guint i);
EVL_API EvlEntityMention *evl_document_peek_entity_mention (EvlDocument *doc, guint i);
EVL_API EvlEventMention  *evl_document_peek_event_mention (EvlDocument *doc, guint i);
EVL_API EvlSentence      *evl_document_peek_sentence (EvlDocument *doc, guint i);

/* Removes every annotation of the kind (used by re-annotation and tests). */
EVL_API void evl_document_clear_timexes (EvlDocument *doc);
EVL_API void evl_document_clear_events (EvlDocument *doc);
EVL_API void evl_document_clear_entities (EvlDocument *doc);

/* Gold annotations read from TimeML input (source/timeml.c), kept apart
 * from the system's own so that scorers can compare them.  Spans index the
 * document text (tags removed). */
typedef struct {
  EvlSpan span;
  const char *tag;     /* "TIMEX3" or "EVENT" */
  const char *id;      /* tid / eid */
  const char *type;    /* TIMEX3 type or EVENT class */
  const char *value;   /* TIMEX3 value or NULL */
} EvlGoldTag;

EVL_API guint evl_document_add_gold (EvlDocument *doc, const EvlGoldTag *g);
EVL_API const EvlGoldTag *evl_document_get_gold (const EvlDocument *doc, guint *n_out);

/* An annotated document (read back from `eventline extract` output) is
 * not annotated again by evl_pipeline_annotate(). */
EVL_API void     evl_document_set_annotated (EvlDocument *doc, gboolean annotated);
EVL_API gboolean evl_document_get_annotated (const EvlDocument *doc);

/* (transfer full) The document and all its annotations as one line of
 * JSON (no newline), for `eventline extract`. */
EVL_API char *evl_document_to_json (const EvlDocument *doc);
/* (transfer full) Reads a line written by evl_document_to_json().  Fails
 * with EVL_ERROR_PARSE on malformed JSON or offsets and indices that do not
 * fit the text (a corrupt line never yields an inconsistent document). */
EVL_API EvlDocument *evl_document_new_from_json (const char *data, gssize len,
                                                 GError **error);

/* Index of the token starting at or containing byte @offset, or -1. */
EVL_API gint evl_document_token_at (const EvlDocument *doc, guint32 offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvlDocument, evl_document_unref)

G_END_DECLS
