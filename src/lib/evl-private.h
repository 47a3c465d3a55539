/* Shared by every library source file; never installed. */
#pragma once

#include <eventline/eventline.h>

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

/* The compiled-in resource (data/evl.gresource.xml). */
GResource *evl_data_get_resource (void);

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
