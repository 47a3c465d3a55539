/* The events stage: TimeML event recognition (recognize.c, lemma.c), then
 * story typing, arguments, factuality, anchoring and salience (story.c). */
#include "events-private.h"

#include <string.h>

void
evl_events_annotate_for (const EvlContext *ctx, EvlDocument *doc, EvlPipelineNeeds needs)
{
  g_return_if_fail (ctx != NULL && doc != NULL);
  evl_document_clear_events (doc);
  evl_events_recognize (ctx, doc);
  evl_events_story_annotate_for (ctx, doc, needs);
}

void
evl_events_annotate (const EvlContext *ctx, EvlDocument *doc)
{
  evl_events_annotate_for (ctx, doc, EVL_PIPELINE_NEEDS_ALL);
}

char *
evl_events_lemmatize (const EvlContext *ctx, const char *word, gssize len)
{
  g_return_val_if_fail (ctx != NULL && word != NULL, NULL);
  gsize n = len < 0 ? strlen (word) : (gsize) len;
  if (n + 2 > EVL_LEMMA_MAX)
    return g_ascii_strdown (word, (gssize) n);
  char buf[EVL_LEMMA_MAX];
  gsize k = evl_events_lemma_into (ctx, word, n, buf, sizeof buf);
  return g_strndup (buf, k);
}
