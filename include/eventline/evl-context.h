#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <glib.h>
#include <eventline/evl-version.h>

G_BEGIN_DECLS

/* EvlContext holds the compiled-in knowledge (lexicons) every stage reads.
 * Create one per program; it is immutable after creation and may be shared
 * by threads.  Reference counted. */
typedef struct _EvlContext EvlContext;

/* A lexicon line: "canonical|variant|variant<TAB>attr<TAB>attr".
 * Lookup keys are case-folded (ASCII lower case) and whitespace-collapsed. */
typedef struct {
  const char *canonical;   /* the first form on the line, as written */
  const char *const *attrs;/* NULL-terminated list of TAB-separated fields */
  guint n_attrs;
  guint line;              /* 1-based line in the data file */
} EvlLexEntry;

typedef struct _EvlLexicon EvlLexicon;

/* (transfer full) Loads every lexicon in the compiled-in resource.
 * Fails with EVL_ERROR_PARSE when a data file is malformed. */
EVL_API EvlContext *evl_context_new (GError **error);
/* (transfer full) Like evl_context_new(), then files under @data_dir
 * (same relative layout as data/, e.g. DIR/lexicons/en/months.txt)
 * replace the compiled-in ones.  Used to evaluate regenerated lexicons
 * (cross-validation) without rebuilding.  @data_dir may be NULL. */
EVL_API EvlContext *evl_context_new_with_data_dir (const char *data_dir, GError **error);
EVL_API EvlContext *evl_context_ref (EvlContext *ctx);
EVL_API void        evl_context_unref (EvlContext *ctx);

/* (transfer none) The lexicon "en/months" is data/lexicons/en/months.txt.
 * Returns NULL when no such file is compiled in. */
EVL_API const EvlLexicon *evl_context_get_lexicon (const EvlContext *ctx,
                                                   const char *name);

/* (transfer none) O(1) lookup of @key (@len bytes, or -1 for NUL-ended),
 * case-insensitive for ASCII; no allocation.  NULL when absent. */
EVL_API const EvlLexEntry *evl_lexicon_lookup (const EvlLexicon *lex,
                                               const char *key, gssize len);
/* A probe folded and hashed once, for looking the same words up in
 * several lexicons (gazetteers of people, places, organisations...):
 * evl_lexicon_lookup (lex, key, len) is evl_lex_key_init() then
 * evl_lexicon_lookup_key().  Lives on the stack; no allocation. */
typedef struct {
  char folded[264];        /* private */
  gint32 len;              /* folded length; -1: no lexicon has this key */
  guint32 hash;
} EvlLexKey;

/* Prepares @k for @key (@len bytes, or -1 for NUL-ended).  FALSE when the
 * key can be in no lexicon (empty after folding, or too long). */
EVL_API gboolean evl_lex_key_init (EvlLexKey *k, const char *key, gssize len);
/* (transfer none) Same result as evl_lexicon_lookup() on the key @k was
 * prepared from. */
EVL_API const EvlLexEntry *evl_lexicon_lookup_key (const EvlLexicon *lex,
                                                   const EvlLexKey *k);
/* Number of entries (lines), and entry @i in file order.  Entries are
 * one array: evl_lexicon_get (lex, i) == evl_lexicon_get (lex, 0) + i, so
 * a lookup's result gives its entry number by pointer difference. */
EVL_API guint evl_lexicon_size (const EvlLexicon *lex);
EVL_API const EvlLexEntry *evl_lexicon_get (const EvlLexicon *lex, guint i);
/* The longest number of space-separated words of any form: multi-word
 * matchers use it to bound their look-ahead. */
EVL_API guint evl_lexicon_max_words (const EvlLexicon *lex);

/* (transfer none) Raw bytes of any compiled-in data file, e.g.
 * "taxonomy/story.txt".  NULL when absent. */
EVL_API GBytes *evl_context_get_data (const EvlContext *ctx, const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvlContext, evl_context_unref)

G_END_DECLS
