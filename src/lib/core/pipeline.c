/* Runs the per-document stages, in parallel across documents. */
#include "evl-private.h"
#include "../events/events-private.h"   /* evl_events_annotate_for() */
#include "../entities/entities-private.h" /* evl_entities_annotate_for() */

/* A document without any creation date may still open with a dateline
 * ("Tuesday, July 23 2024"): take the first absolute date of a day or a
 * time of day in its first sentences as a GUESSED DCT — weaker than metadata and --dct, which
 * evl_document_set_dct() enforces — and re-tag relative to it. */
static void
guess_dct (const EvlContext *ctx, EvlDocument *doc)
{
  if (evl_document_get_dct_source (doc) != EVL_DCT_NONE)
    return;
  guint n, n_sents;
  const EvlTimex *tx = evl_document_get_timexes (doc, &n);
  const EvlSentence *se = evl_document_get_sentences (doc, &n_sents);
  /* The first three sentences, or a page's whole masthead (headline,
   * standfirst, byline, time stamp: lines without a full stop) and the
   * first sentence after it. */
  guint first_body = 0;
  while (first_body < n_sents && se[first_body].is_heading)
    first_body++;
  guint limit = MAX (3, first_body + 1);
  for (guint i = 0; i < n && tx[i].sentence < limit; i++)
    {
      /* A web page's 'Updated 4:12 PM EDT, Tue September 12, 2023' is a
       * TIME whose day is the DCT as much as a dateline's DATE is. */
      if ((tx[i].type != EVL_TIMEX_DATE && tx[i].type != EVL_TIMEX_TIME)
          || tx[i].grain < EVL_GRAIN_MINUTE || tx[i].grain > EVL_GRAIN_DAY
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
evl_pipeline_annotate_for (const EvlContext *ctx, EvlDocument *doc, EvlPipelineNeeds needs)
{
  g_return_if_fail (ctx != NULL && doc != NULL);
  if (evl_document_get_annotated (doc))
    return;
  /* Every stage before the events runs whole whatever @needs says: the
   * TimeML layer's polarity and modality read the entity mentions
   * (story-factuality.c), and which candidates become mentions is decided
   * by the clustering (entities-cluster.c).  Only the entity cluster
   * records (names, keys, aliases, roles) wait for EVL_PIPELINE_NEEDS_ALL:
   * the later stages read the mentions and their cluster indices. */
  evl_segment_document (ctx, doc);
  evl_timex_annotate (ctx, doc);
  guess_dct (ctx, doc);
  evl_entities_annotate_for (ctx, doc, needs);
  evl_events_annotate_for (ctx, doc, needs);
}

void
evl_pipeline_annotate (const EvlContext *ctx, EvlDocument *doc)
{
  evl_pipeline_annotate_for (ctx, doc, EVL_PIPELINE_NEEDS_ALL);
}

/* Workers take the next document from a shared counter (no queue
 * hand-off per document); the streaming variant also keeps done flags
 * and a window for its ordered sink. */
typedef struct {
  const EvlContext *ctx;
  EvlPipelineNeeds needs;
  EvlDocument **slots;
  guint n;
  guint window;              /* stream only: documents ahead of the sink */
  gint next;                 /* atomic: next document to take */
  gint sunk;                 /* atomic, stream only: documents given to the sink */
  gint *done;                /* atomic flags, stream only */
  GMutex lock;               /* guards the two waiting counts and the waits */
  GCond cond;
  guint main_waiting;
  guint workers_waiting;
} Work;

static void
work_init (Work *w, const EvlContext *ctx, EvlPipelineNeeds needs, GPtrArray *docs, guint window,
           gboolean stream)
{
  memset (w, 0, sizeof *w);
  w->ctx = ctx;
  w->needs = needs;
  w->slots = (EvlDocument **) docs->pdata;
  w->n = docs->len;
  w->window = window;
  w->done = stream ? g_new0 (gint, docs->len) : NULL;
  g_mutex_init (&w->lock);
  g_cond_init (&w->cond);
}

static void
work_clear (Work *w)
{
  g_mutex_clear (&w->lock);
  g_cond_clear (&w->cond);
  g_free (w->done);
}

/* One per thread: annotates documents until none is left. */
static void
work_loop (gpointer data, gpointer user_data)
{
  (void) data;
  Work *w = user_data;
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&w->next, 1);
      if (i >= w->n)
        return;
      if (w->done && i >= (guint) g_atomic_int_get (&w->sunk) + w->window)
        {
          /* Too far ahead of the sink: wait, so annotated documents held
           * for it stay within the window. */
          g_mutex_lock (&w->lock);
          w->workers_waiting++;
          while (i >= (guint) g_atomic_int_get (&w->sunk) + w->window)
            g_cond_wait (&w->cond, &w->lock);
          w->workers_waiting--;
          g_mutex_unlock (&w->lock);
        }
      evl_pipeline_annotate_for (w->ctx, w->slots[i], w->needs);
      if (w->done)
        {
          g_atomic_int_set (&w->done[i], 1);
          /* The sink thread sets main_waiting under the lock before it
           * re-checks done[], so this wake-up cannot be lost. */
          g_mutex_lock (&w->lock);
          if (w->main_waiting)
            g_cond_broadcast (&w->cond);
          g_mutex_unlock (&w->lock);
        }
    }
}

/* Starts @n_threads workers on @w; g_thread_pool_free (pool, FALSE, TRUE)
 * waits for them. */
static GThreadPool *
work_start (Work *w, guint n_threads)
{
  GThreadPool *pool = g_thread_pool_new (work_loop, w, (gint) n_threads, TRUE, NULL);
  for (guint t = 0; t < n_threads; t++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (t + 1), NULL);
  return pool;
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
  /* Documents are independent and the context is read-only; results stay
   * in the documents, order is untouched. */
  Work w;
  work_init (&w, ctx, EVL_PIPELINE_NEEDS_ALL, docs, 0, FALSE);
  g_thread_pool_free (work_start (&w, MIN (n_threads, docs->len)), FALSE, TRUE);
  work_clear (&w);
}

void
evl_pipeline_annotate_stream (const EvlContext *ctx, GPtrArray *docs, guint n_threads,
                              guint window, EvlPipelineSink sink, gpointer user_data)
{
  evl_pipeline_annotate_stream_for (ctx, docs, n_threads, window, EVL_PIPELINE_NEEDS_ALL,
                                    sink, user_data);
}

void
evl_pipeline_annotate_stream_for (const EvlContext *ctx, GPtrArray *docs, guint n_threads,
                                  guint window, EvlPipelineNeeds needs, EvlPipelineSink sink,
                                  gpointer user_data)
{
  g_return_if_fail (ctx != NULL && docs != NULL && sink != NULL);
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  if (n_threads <= 1 || docs->len <= 1)
    {
      for (guint i = 0; i < docs->len; i++)
        {
          evl_pipeline_annotate_for (ctx, docs->pdata[i], needs);
          sink (docs->pdata[i], i, user_data);
        }
      return;
    }
  if (window == 0)
    window = 4 * n_threads;
  /* This thread hands documents to the sink in order and annotates too
   * whenever the next one is not done yet (n_threads - 1 workers help):
   * a thread that only waited for the sink slept and woke once per
   * document (14 k context switches on 11.7 k wire stories, twice the
   * system time of -j 1).  Workers only touch a slot before its done flag
   * is set; the sink only reads slots whose flag is set, and may drop
   * them. */
  Work w;
  work_init (&w, ctx, needs, docs, window, TRUE);
  GThreadPool *pool = work_start (&w, MIN (n_threads, docs->len) - 1);
  for (guint next = 0; next < w.n;)
    {
      if (g_atomic_int_get (&w.done[next]))
        {
          sink (docs->pdata[next], next, user_data);
          next++;
          g_atomic_int_set (&w.sunk, (gint) next);
          /* Workers count themselves waiting under the lock before they
           * re-check sunk, so this wake-up cannot be lost. */
          g_mutex_lock (&w.lock);
          if (w.workers_waiting)
            g_cond_broadcast (&w.cond);
          g_mutex_unlock (&w.lock);
          continue;
        }
      /* Take a document within the window (never beyond it: this thread
       * is the one that moves the window). */
      gint i = g_atomic_int_get (&w.next);
      if ((guint) i < w.n && (guint) i < next + w.window)
        {
          if (g_atomic_int_compare_and_exchange (&w.next, i, i + 1))
            {
              evl_pipeline_annotate_for (ctx, w.slots[i], needs);
              g_atomic_int_set (&w.done[i], 1);
            }
          continue;
        }
      g_mutex_lock (&w.lock);
      w.main_waiting++;
      while (!g_atomic_int_get (&w.done[next]))
        g_cond_wait (&w.cond, &w.lock);
      w.main_waiting--;
      g_mutex_unlock (&w.lock);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  work_clear (&w);
}
