/* Runs the per-document stages, in parallel across documents. */
#include "evl-private.h"

/* A document without any creation date may still open with a dateline
 * ("Tuesday, July 23 2024"): take the first absolute day-level date in its
 * first sentences as a GUESSED DCT — weaker than metadata and --dct, which
 * evl_document_set_dct() enforces — and re-tag relative to it. */
static void
guess_dct (const EvlContext *ctx, EvlDocument *doc)
{
  if (evl_document_get_dct_source (doc) != EVL_DCT_NONE)
    return;
  guint n;
  const EvlTimex *tx = evl_document_get_timexes (doc, &n);
  for (guint i = 0; i < n && tx[i].sentence < 3; i++)
    {
      if (tx[i].type != EVL_TIMEX_DATE || tx[i].grain != EVL_GRAIN_DAY
          || (tx[i].flags & (EVL_TIMEX_FLAG_RELATIVE | EVL_TIMEX_FLAG_UNANCHORED)))
        continue;
      char buf[11];
      if (evl_day_format (tx[i].begin, buf)
          && evl_document_set_dct (doc, buf, EVL_DCT_GUESSED))
        evl_timex_annotate (ctx, doc);
      return;
    }
}

void
evl_pipeline_annotate (const EvlContext *ctx, EvlDocument *doc)
{
  g_return_if_fail (ctx != NULL && doc != NULL);
  if (evl_document_get_annotated (doc))
    return;
  evl_segment_document (ctx, doc);
  evl_timex_annotate (ctx, doc);
  guess_dct (ctx, doc);
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

/* Streaming: workers annotate, the calling thread hands documents to the
 * sink in order; done[] under the lock tells it when.  Workers only read
 * their own slot of the array; the sink only writes slots already done. */
typedef struct {
  const EvlContext *ctx;
  EvlDocument **slots;
  GMutex lock;
  GCond cond;
  guint8 *done;
} Stream;

static void
annotate_stream_one (gpointer data, gpointer user_data)
{
  Stream *st = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;
  evl_pipeline_annotate (st->ctx, st->slots[i]);
  g_mutex_lock (&st->lock);
  st->done[i] = 1;
  g_cond_broadcast (&st->cond);
  g_mutex_unlock (&st->lock);
}

void
evl_pipeline_annotate_stream (const EvlContext *ctx, GPtrArray *docs, guint n_threads,
                              guint window, EvlPipelineSink sink, gpointer user_data)
{
  g_return_if_fail (ctx != NULL && docs != NULL && sink != NULL);
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  if (n_threads <= 1 || docs->len <= 1)
    {
      for (guint i = 0; i < docs->len; i++)
        {
          evl_pipeline_annotate (ctx, docs->pdata[i]);
          sink (docs->pdata[i], i, user_data);
        }
      return;
    }
  if (window == 0)
    window = 4 * n_threads;
  Stream st = { ctx, (EvlDocument **) docs->pdata, { 0 }, { 0 }, g_new0 (guint8, docs->len) };
  g_mutex_init (&st.lock);
  g_cond_init (&st.cond);
  GThreadPool *pool = g_thread_pool_new (annotate_stream_one, &st, (gint) n_threads, TRUE, NULL);
  guint pushed = 0;
  for (guint next = 0; next < docs->len; next++)
    {
      for (; pushed < docs->len && pushed < next + window; pushed++)
        g_thread_pool_push (pool, GUINT_TO_POINTER (pushed + 1), NULL);
      g_mutex_lock (&st.lock);
      while (!st.done[next])
        g_cond_wait (&st.cond, &st.lock);
      g_mutex_unlock (&st.lock);
      sink (docs->pdata[next], next, user_data);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&st.lock);
  g_cond_clear (&st.cond);
  g_free (st.done);
}
