/* Runs the per-document stages, in parallel across documents. */
#include "evl-private.h"

void
evl_pipeline_annotate (const EvlContext *ctx, EvlDocument *doc)
{
  g_return_if_fail (ctx != NULL && doc != NULL);
  evl_segment_document (ctx, doc);
  evl_timex_annotate (ctx, doc);
  evl_entities_annotate (ctx, doc);
  evl_events_annotate (ctx, doc);
}

typedef struct {
  const EvlContext *ctx;
} Job;

static void
annotate_one (gpointer data, gpointer user_data)
{
  Job *job = user_data;
  evl_pipeline_annotate (job->ctx, data);
}

void
evl_pipeline_annotate_all (const EvlContext *ctx, GPtrArray *docs, guint n_threads)
{
  g_return_if_fail (ctx != NULL && docs != NULL);
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  if (n_threads <= 1 || docs->len <= 1)
    {
      for (guint i = 0; i < docs->len; i++)
        evl_pipeline_annotate (ctx, docs->pdata[i]);
      return;
    }
  /* Documents are independent and the context is read-only, so a plain
   * pool suffices; results stay in the documents, order is untouched. */
  Job job = { ctx };
  GThreadPool *pool = g_thread_pool_new (annotate_one, &job, (gint) n_threads, TRUE, NULL);
  for (guint i = 0; i < docs->len; i++)
    g_thread_pool_push (pool, docs->pdata[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}
