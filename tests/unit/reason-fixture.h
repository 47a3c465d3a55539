/* Hand-built annotated documents for the graph, reason and export tests:
 * each line of the text is a sentence, tokens are split on spaces and
 * punctuation, and annotations are placed by searching their surface text,
 * so the tests do not depend on the annotating stages. */
#pragma once

#include <criterion/criterion.h>
#include <eventline/eventline.h>
#include <string.h>

static inline guint
fx_sentence_of (EvlDocument *doc, guint32 off)
{
  guint n = 0;
  const EvlSentence *s = evl_document_get_sentences (doc, &n);
  for (guint i = 0; i < n; i++)
    if (off >= s[i].span.start && off < s[i].span.end)
      return i;
  return 0;
}

static inline void
fx_segment (EvlDocument *doc)
{
  gsize len = 0;
  const char *t = evl_document_get_text (doc, &len);
  guint32 start = 0;
  guint sent = 0;
  for (guint32 i = 0; i <= len; i++)
    {
      if (i < len && t[i] != '\n')
        continue;
      EvlSentence s = { { start, i }, 0, 0, 0, 0, 0 };   /* one paragraph */
      guint ntok = 0;
      evl_document_get_tokens (doc, &ntok);
      s.first_token = ntok;
      guint32 p = start;
      while (p < i)
        {
          if (t[p] == ' ')
            {
              p++;
              continue;
            }
          guint32 q = p;
          guint16 flags = 0;
          if (g_ascii_isalnum (t[p]) || (guchar) t[p] >= 0x80)
            {
              /* '20,000' and '7.1' are one number, as the segmenter has them */
              while (q < i && (g_ascii_isalnum (t[q]) || t[q] == '-' || (guchar) t[q] >= 0x80
                               || ((t[q] == ',' || t[q] == '.') && g_ascii_isdigit (t[p]) && q + 1 < i
                                   && g_ascii_isdigit (t[q + 1]))))
                q++;
              flags = g_ascii_isdigit (t[p]) ? EVL_TOKEN_NUMBER : EVL_TOKEN_WORD;
              if (g_ascii_isupper (t[p]))
                flags |= EVL_TOKEN_CAP;
            }
          else
            {
              q = p + 1;
              flags = EVL_TOKEN_PUNCT;
            }
          EvlToken tok = { { p, q }, sent, flags };
          evl_document_add_token (doc, &tok);
          s.n_tokens++;
          p = q;
        }
      evl_document_add_sentence (doc, &s);
      sent++;
      start = i + 1;
    }
}

/* A document dated @dct (NULL: none) whose lines are sentences. */
static inline EvlDocument *
fx_doc (const char *id, const char *text, const char *dct)
{
  EvlDocument *doc = evl_document_new (id, text, -1, NULL);
  cr_assert_not_null (doc);
  evl_document_set_path (doc, id);
  if (dct)
    evl_document_set_dct (doc, dct, EVL_DCT_DEFAULT);
  fx_segment (doc);
  return doc;
}

/* Span of the @nth (0-based) occurrence of @surface. */
static inline EvlSpan
fx_span (EvlDocument *doc, const char *surface, guint nth)
{
  const char *t = evl_document_get_text (doc, NULL);
  const char *p = t;
  for (guint i = 0;; i++)
    {
      p = strstr (p, surface);
      cr_assert_not_null (p, "'%s' #%u not in the fixture text", surface, nth);
      if (i == nth)
        break;
      p++;
    }
  EvlSpan s = { (guint32) (p - t), (guint32) (p - t + strlen (surface)) };
  return s;
}

static inline gint32
fx_cluster (EvlDocument *doc, const char *name, const char *key, EvlEntityType type,
            const char *alias)
{
  const char *aliases[2] = { alias, NULL };
  /* (the document copies only the aliases: the name and key are interned
   * so that a caller's temporary strings may go) */
  EvlEntityCluster c = { evl_document_intern (doc, name, -1), key ? evl_document_intern (doc, key, -1) : NULL,
                         type, alias ? aliases : NULL, 1, NULL };
  return (gint32) evl_document_add_entity_cluster (doc, &c);
}

/* An entity mention of @cluster at the first occurrence of @surface. */
static inline gint32
fx_entity (EvlDocument *doc, const char *surface, guint nth, gint32 cluster)
{
  guint n = 0;
  const EvlEntityCluster *cl = evl_document_get_entity_clusters (doc, &n);
  EvlSpan s = fx_span (doc, surface, nth);
  EvlEntityMention m = { s, fx_sentence_of (doc, s.start), cl[cluster].type, cluster, 0, 0 };
  return (gint32) evl_document_add_entity_mention (doc, &m);
}

/* A DATE timex with explicit bounds (yyyy-mm-dd .. yyyy-mm-dd). */
static inline gint32
fx_timex (EvlDocument *doc, const char *surface, const char *value, const char *begin,
          const char *end, EvlGrain grain)
{
  EvlSpan s = fx_span (doc, surface, 0);
  EvlTimex t = { 0 };
  t.span = s;
  t.sentence = fx_sentence_of (doc, s.start);
  t.type = EVL_TIMEX_DATE;
  t.value = evl_document_intern (doc, value, -1);
  t.anchor = -1;
  t.begin = evl_day_parse (begin);
  t.end = evl_day_parse (end);
  t.grain = grain;
  return (gint32) evl_document_add_timex (doc, &t);
}

typedef struct {
  const char *type;
  const char *lemma;
  const char *tense;        /* NULL: a noun */
  gint32 agent, patient, location;
  gint32 participant;       /* one more participant mention or -1 */
  gint32 timex;
  EvlAnchorMethod anchor;
  EvlPolarity polarity;
  const char *modality;
  guint32 flags;
  float salience;
  EvlEventClass klass;
} FxEvent;

#define FX_EVENT(type_, lemma_) \
  { (type_), (lemma_), NULL, -1, -1, -1, -1, -1, EVL_ANCHOR_NONE, EVL_POLARITY_POS, NULL, 0, 0.9f, \
    EVL_EVENT_CLASS_OCCURRENCE }

static inline gint32
fx_event (EvlDocument *doc, const char *surface, guint nth, const FxEvent *f)
{
  EvlSpan s = fx_span (doc, surface, nth);
  EvlEventMention m = { 0 };
  m.span = s;
  m.sentence = fx_sentence_of (doc, s.start);
  m.lemma = f->lemma;
  m.klass = f->klass;
  m.type = f->type;
  m.tense = f->tense ? f->tense : "NONE";
  m.aspect = "NONE";
  m.polarity = f->polarity;
  m.modality = f->modality;
  m.flags = f->flags;
  m.timex = f->timex;
  m.anchor_method = f->timex >= 0 && f->anchor == EVL_ANCHOR_NONE ? EVL_ANCHOR_CLAUSE : f->anchor;
  m.cue_event = -1;
  m.cue_rel = EVL_REL_BEFORE;
  m.agent = f->agent;
  m.patient = f->patient;
  m.location = f->location;
  m.source = -1;
  if (f->participant >= 0)
    {
      m.participants = &f->participant;
      m.n_participants = 1;
    }
  m.salience = f->salience;
  return (gint32) evl_document_add_event_mention (doc, &m);
}

/* A graph event of @type dated @value (begin..end, clause-anchored), or
 * undated when @value is NULL. */
static inline guint
fx_graph_event (EvlGraph *g, const char *type, const char *value, const char *begin,
                const char *end)
{
  EvlGraphEvent e = { 0 };
  e.type = type;
  e.trigger = "launch";
  e.agent = e.patient = e.location = e.source = -1;
  if (value)
    {
      e.time.known = TRUE;
      e.time.value = value;
      e.time.begin = evl_day_parse (begin);
      e.time.end = evl_day_parse (end);
      e.time.grain = e.time.begin == e.time.end ? EVL_GRAIN_DAY : EVL_GRAIN_MONTH;
      e.time.anchor = "clause";
    }
  return evl_graph_add_event (g, &e);
}

static inline EvlContext *
fx_context (void)
{
  GError *error = NULL;
  EvlContext *ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
  return ctx;
}

/* A summit article: Kim and Putin meet at the cosmodrome; @when is the
 * timex surface in the text or NULL for an undated report. */
static inline EvlDocument *
fx_summit_doc (const char *id, const char *text, const char *when, const char *value,
               const char *begin, const char *end, EvlGrain grain)
{
  EvlDocument *doc = fx_doc (id, text, "2023-09-14");
  gint32 kim = fx_cluster (doc, "Kim Jong Un", "kim jong un", EVL_ENTITY_PERSON, "Kim");
  gint32 putin = fx_cluster (doc, "Vladimir Putin", "vladimir putin", EVL_ENTITY_PERSON, "Putin");
  gint32 k = fx_entity (doc, "Kim", 0, kim);
  gint32 p = fx_entity (doc, "Putin", 0, putin);
  gint32 loc = -1;
  if (strstr (text, "Vostochny Cosmodrome"))
    {
      gint32 vc = fx_cluster (doc, "Vostochny Cosmodrome", "vostochny cosmodrome",
                              EVL_ENTITY_LOCATION, NULL);
      loc = fx_entity (doc, "Vostochny Cosmodrome", 0, vc);
    }
  FxEvent f = FX_EVENT ("MEETING", "meet");
  f.tense = "PAST";
  f.agent = k;
  f.patient = -1;
  f.location = loc;
  f.participant = p;   /* 'Kim met with Putin': a co-participant */
  if (when)
    f.timex = fx_timex (doc, when, value, begin, end, grain);
  fx_event (doc, strstr (text, " met ") ? "met" : "meeting", 0, &f);
  return doc;
}

/* @doc written by evl_export_timeml() into memory, NUL-terminated; free
 * with g_free(). */
static inline char *
fx_timeml_text (const EvlDocument *doc)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  GError *error = NULL;
  cr_assert (evl_export_timeml (doc, mem, &error), "%s", error ? error->message : "");
  cr_assert (g_output_stream_write_all (mem, "", 1, NULL, NULL, NULL));
  cr_assert (g_output_stream_close (mem, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (mem));
}
