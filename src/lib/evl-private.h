/* Shared by every library source file; never installed. */
#pragma once

#include <eventline/eventline.h>

#include <string.h>

/* Sets @error (if not NULL) in the EVL_ERROR domain and returns FALSE, to
 * keep failure sites to one line. */
gboolean evl_fail (GError **error, EvlError code, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

/* ASCII-lower-cases @src (@len bytes) into @buf (size @cap), collapsing
 * runs of white space to one space; returns the length or -1 when it does
 * not fit.  Lexicon keys are built this way, so lookups never allocate. */
gssize evl_fold_key (const char *src, gsize len, char *buf, gsize cap);

/* 32-bit FNV-1a of @n bytes: the string hash of the document's intern
 * table and the entity clusterer's indexes (one definition, so both
 * hash alike). */
static inline guint32
evl_fnv1a (const char *s, gsize n)
{
  guint32 h = 2166136261u;
  for (gsize i = 0; i < n; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

/* SWAR: eight bytes of text in a guint64, tested or changed byte by
 * byte in a few word operations.  Each test below works on seven bits
 * (or borrows only upward), so no carry crosses into the next byte: on
 * little-endian the lowest flag is the first such byte.  One set for
 * every stage that folds or scans text eight bytes a step. */
#define EVL_SWAR_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define EVL_SWAR_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
evl_load64 (const char *p)
{
  guint64 w;
  memcpy (&w, p, 8);
  return w;
}

/* ASCII A-Z to a-z in every byte of @x; other bytes (UTF-8 too) kept. */
static inline guint64
evl_swar_lower (guint64 x)
{
  guint64 low7 = x & ~EVL_SWAR_HIGHS;
  guint64 ge_a = low7 + EVL_SWAR_ONES * (0x80 - 'A');   /* high bit: byte >= 'A' */
  guint64 gt_z = low7 + EVL_SWAR_ONES * (0x7F - 'Z');   /* high bit: byte > 'Z' */
  return x | ((ge_a & ~gt_z & ~x & EVL_SWAR_HIGHS) >> 2);   /* 0x80 >> 2 = 0x20 */
}

/* evl_swar_lower() of an @x whose bytes are all ASCII (below 0x80), in
 * two operations fewer: for words already checked to be ASCII. */
static inline guint64
evl_swar_lower_ascii (guint64 x)
{
  guint64 ge_a = x + EVL_SWAR_ONES * (0x80 - 'A');
  guint64 gt_z = x + EVL_SWAR_ONES * (0x7F - 'Z');
  return x | ((ge_a & ~gt_z & EVL_SWAR_HIGHS) >> 2);
}

/* 0x80 in each byte of @x that is an ASCII letter or digit. */
static inline guint64
evl_swar_alnum (guint64 x)
{
  guint64 low7 = x & ~EVL_SWAR_HIGHS, l = low7 | (EVL_SWAR_ONES * 0x20);   /* A-Z -> a-z */
  guint64 letter = (l + EVL_SWAR_ONES * (0x80 - 'a')) & ~(l + EVL_SWAR_ONES * (0x7F - 'z'));
  guint64 digit = (low7 + EVL_SWAR_ONES * (0x80 - '0')) & ~(low7 + EVL_SWAR_ONES * (0x7F - '9'));
  return (letter | digit) & ~x & EVL_SWAR_HIGHS;
}

/* 0x80 in each byte of @x equal to @c (exact per byte). */
static inline guint64
evl_swar_eq (guint64 x, guchar c)
{
  guint64 y = x ^ (EVL_SWAR_ONES * c);
  return ~(((y & ~EVL_SWAR_HIGHS) + ~EVL_SWAR_HIGHS) | y | ~EVL_SWAR_HIGHS);
}

/* Non-zero when a byte of @x is below @c (at most 0x80): exact as a
 * yes/no answer, also when masked to the low bytes, since a borrow only
 * moves up (so the lowest flag is exact too). */
static inline guint64
evl_swar_below (guint64 x, guint c)
{
  return (x - EVL_SWAR_ONES * c) & ~x & EVL_SWAR_HIGHS;
}

/* document.c: hands @tokens (g_malloc'd, @cap records of which the first
 * @n are set) to @doc, which frees it; the segmenter builds its tokens in
 * place of the document's own array instead of copying them there.  When
 * @doc already has tokens, they are appended and @tokens is freed. */
void evl_document_take_tokens (EvlDocument *doc, EvlToken *tokens, guint n, guint cap);
/* document.c: where the segmenter writes tokens in place: room for at
 * least @n records after the @used ones it has already written past the
 * end of @doc's tokens (kept when the array moves); *@room is the room
 * from the end.  evl_document_token_commit() then appends the @n written
 * ones.  The first room comes from the document's first block, so a
 * small document's tokens cost no allocation of their own. */
EvlToken *evl_document_token_room (EvlDocument *doc, guint used, guint n, guint *room);
void evl_document_token_commit (EvlDocument *doc, guint n);
/* document-json.c: evl_document_new_from_json() (EVL_JSON_READ_FAST);
 * EVL_JSON_READ_GLIB reads the whole line through json-glib (what the
 * fast paths fall back to) and EVL_JSON_READ_HAND_ONLY gives NULL, without
 * an error, where the hand reader gives up, so that tests can hold the
 * readers to the same results and see that the hand reader took a line. */
typedef enum {
  EVL_JSON_READ_GLIB,
  EVL_JSON_READ_FAST,
  EVL_JSON_READ_HAND_ONLY,
} EvlJsonRead;

EvlDocument *evl_document_new_from_json_full (const char *data, gssize len, EvlJsonRead how,
                                              GError **error);

/* The compiled-in resource (data/evl.gresource.xml). */
GResource *evl_data_get_resource (void);
/* The lexicon index and the recognizer's images built from it at build
 * time (generated by glib-compile-resources, src/lib/lexicon/meson.build). */
GResource *evl_lexicon_index_get_resource (void);
/* lexicon.c: was @lex mapped from the compiled-in lexicon index (rather
 * than parsed from a text, e.g. a --data-dir file)? */
gboolean evl_lexicon_is_mapped (const EvlLexicon *lex);

/* graph.c: one opaque slot where the reasoner keeps its incremental
 * indexes between evl_reason_add_document() calls (reason-add.c); the
 * graph frees it with @free_func when it is replaced or finalized. */
gpointer evl_graph_get_reason_cache (EvlGraph *g);
void evl_graph_set_reason_cache (EvlGraph *g, gpointer cache, GDestroyNotify free_func);

/* context.c: derived data a module builds once per context from its
 * lexicons (lookup tables, filters).  The first caller runs @build, others
 * wait for it (g_once); the context frees the result with @free_func when
 * it is finalized.  @build must not return NULL. */
typedef enum {
  EVL_CONTEXT_SLOT_TIMEX,
  EVL_CONTEXT_SLOT_ENTITIES,
  EVL_CONTEXT_SLOT_SEGMENT,
  EVL_CONTEXT_SLOT_EVENTS,
  EVL_CONTEXT_N_SLOTS
} EvlContextSlot;
gconstpointer evl_context_get_derived (const EvlContext *ctx, EvlContextSlot slot,
                                       gpointer (*build) (const EvlContext *ctx),
                                       GDestroyNotify free_func);
