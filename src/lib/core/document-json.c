/* An annotated document as one JSON line and back: the interchange of
 * `eventline extract` (a stateless mapper) and `eventline merge` (the
 * reducer).  Everything the graph builder reads is kept, so that merge
 * gives the same graph as build. */
#include "evl-private.h"
#include "evl-json-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define FORMAT_VERSION 1

void
evl_json_put_str (JsonBuilder *b, const char *name, const char *v)
{
  json_builder_set_member_name (b, name);
  if (v)
    json_builder_add_string_value (b, v);
  else
    json_builder_add_null_value (b);
}

void
evl_json_put_int (JsonBuilder *b, const char *name, gint64 v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, v);
}

char *
evl_document_to_json (const EvlDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  evl_json_put_int (b, "v", FORMAT_VERSION);
  evl_json_put_str (b, "id", evl_document_get_id (doc));
  evl_json_put_str (b, "path", evl_document_get_path (doc));
  evl_json_put_str (b, "title", evl_document_get_title (doc));
  evl_json_put_str (b, "url", evl_document_get_url (doc));
  evl_json_put_str (b, "dct", evl_document_get_dct (doc));
  evl_json_put_int (b, "dct_source", evl_document_get_dct_source (doc));
  evl_json_put_str (b, "text", evl_document_get_text (doc, NULL));

  guint n;
  const EvlToken *tk = evl_document_get_tokens (doc, &n);
  json_builder_set_member_name (b, "tokens");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_add_int_value (b, tk[i].span.start);
      json_builder_add_int_value (b, tk[i].span.end);
      json_builder_add_int_value (b, tk[i].sentence);
      json_builder_add_int_value (b, tk[i].flags);
    }
  json_builder_end_array (b);

  const EvlSentence *se = evl_document_get_sentences (doc, &n);
  json_builder_set_member_name (b, "sentences");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      gint64 v[] = { se[i].span.start, se[i].span.end, se[i].first_token, se[i].n_tokens,
                     se[i].paragraph, se[i].is_heading, se[i].is_furniture };
      for (guint k = 0; k < G_N_ELEMENTS (v); k++)
        json_builder_add_int_value (b, v[k]);
    }
  json_builder_end_array (b);

  const EvlTimex *tx = evl_document_get_timexes (doc, &n);
  json_builder_set_member_name (b, "timexes");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (b);
      evl_json_put_int (b, "s", tx[i].span.start);
      evl_json_put_int (b, "e", tx[i].span.end);
      evl_json_put_int (b, "sent", tx[i].sentence);
      evl_json_put_int (b, "type", tx[i].type);
      evl_json_put_str (b, "value", tx[i].value);
      evl_json_put_str (b, "mod", tx[i].mod);
      evl_json_put_str (b, "quant", tx[i].quant);
      evl_json_put_str (b, "freq", tx[i].freq);
      evl_json_put_int (b, "anchor", tx[i].anchor);
      evl_json_put_int (b, "flags", tx[i].flags);
      evl_json_put_int (b, "begin", tx[i].begin);
      evl_json_put_int (b, "end", tx[i].end);
      evl_json_put_int (b, "grain", tx[i].grain);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  const EvlEntityMention *em = evl_document_get_entity_mentions (doc, &n);
  json_builder_set_member_name (b, "mentions");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      gint64 v[] = { em[i].span.start, em[i].span.end, em[i].sentence, em[i].type,
                     em[i].cluster, em[i].is_pronoun };
      for (guint k = 0; k < G_N_ELEMENTS (v); k++)
        json_builder_add_int_value (b, v[k]);
    }
  json_builder_end_array (b);

  const EvlEntityCluster *cl = evl_document_get_entity_clusters (doc, &n);
  json_builder_set_member_name (b, "clusters");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (b);
      evl_json_put_str (b, "name", cl[i].name);
      evl_json_put_str (b, "key", cl[i].key);
      evl_json_put_int (b, "type", cl[i].type);
      evl_json_put_int (b, "n", cl[i].n_mentions);
      evl_json_put_str (b, "role", cl[i].role);
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint k = 0; cl[i].aliases && cl[i].aliases[k]; k++)
        json_builder_add_string_value (b, cl[i].aliases[k]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      const EvlEventMention *e = &ev[i];
      json_builder_begin_object (b);
      evl_json_put_int (b, "s", e->span.start);
      evl_json_put_int (b, "e", e->span.end);
      evl_json_put_int (b, "sent", e->sentence);
      evl_json_put_str (b, "lemma", e->lemma);
      evl_json_put_int (b, "class", e->klass);
      evl_json_put_str (b, "type", e->type);
      evl_json_put_str (b, "cameo", e->cameo);
      evl_json_put_str (b, "tense", e->tense);
      evl_json_put_str (b, "aspect", e->aspect);
      evl_json_put_int (b, "polarity", e->polarity);
      evl_json_put_str (b, "modality", e->modality);
      evl_json_put_int (b, "flags", e->flags);
      evl_json_put_int (b, "timex", e->timex);
      evl_json_put_int (b, "anchor", e->anchor_method);
      evl_json_put_int (b, "cue_event", e->cue_event);
      evl_json_put_int (b, "cue_rel", e->cue_rel);
      evl_json_put_int (b, "agent", e->agent);
      evl_json_put_int (b, "patient", e->patient);
      evl_json_put_int (b, "location", e->location);
      evl_json_put_int (b, "source", e->source);
      json_builder_set_member_name (b, "participants");
      json_builder_begin_array (b);
      for (guint k = 0; k < e->n_participants; k++)
        json_builder_add_int_value (b, e->participants[k]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "salience");
      json_builder_add_double_value (b, e->salience);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  const EvlGoldTag *gold = evl_document_get_gold (doc, &n);
  json_builder_set_member_name (b, "gold");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (b);
      evl_json_put_int (b, "s", gold[i].span.start);
      evl_json_put_int (b, "e", gold[i].span.end);
      evl_json_put_str (b, "tag", gold[i].tag);
      evl_json_put_str (b, "id", gold[i].id);
      evl_json_put_str (b, "type", gold[i].type);
      evl_json_put_str (b, "value", gold[i].value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* ---- reading ---- */

typedef struct {
  GError **error;
  gboolean failed;
} Reader;

static gint64
get_int (Reader *r, JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  if (n == NULL || json_node_get_value_type (n) != G_TYPE_INT64)
    {
      if (!r->failed)
        evl_fail (r->error, EVL_ERROR_PARSE, "member \"%s\" missing or not an integer", name);
      r->failed = TRUE;
      return 0;
    }
  return json_node_get_int (n);
}

static const char *
get_str (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  if (n == NULL || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static JsonArray *
get_array (Reader *r, JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    {
      if (!r->failed)
        evl_fail (r->error, EVL_ERROR_PARSE, "member \"%s\" missing or not an array", name);
      r->failed = TRUE;
      return NULL;
    }
  return json_node_get_array (n);
}

static gint64
array_int (Reader *r, JsonArray *a, guint i)
{
  JsonNode *n = json_array_get_element (a, i);
  if (json_node_get_value_type (n) != G_TYPE_INT64)
    {
      if (!r->failed)
        evl_fail (r->error, EVL_ERROR_PARSE, "expected an integer at index %u", i);
      r->failed = TRUE;
      return 0;
    }
  return json_node_get_int (n);
}

static const char *
intern (EvlDocument *doc, const char *s)
{
  return s ? evl_document_intern (doc, s, -1) : NULL;
}

/* Offsets from the line must stay inside the text: a corrupt or hostile
 * line must not make later stages read out of bounds. */
static gboolean
span_ok (Reader *r, gsize len, gint64 s, gint64 e)
{
  if (s < 0 || e < s || (guint64) e > len)
    {
      if (!r->failed)
        evl_fail (r->error, EVL_ERROR_PARSE, "span %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT
                  " outside the text", s, e);
      r->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
index_ok (Reader *r, gint64 v, guint n, const char *what)
{
  if (v < -1 || v >= (gint64) n)
    {
      if (!r->failed)
        evl_fail (r->error, EVL_ERROR_PARSE, "%s index %" G_GINT64_FORMAT " out of range", what, v);
      r->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

EvlDocument *
evl_document_new_from_json (const char *data, gssize len, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_data (parser, data, len, &local))
    {
      evl_fail (error, EVL_ERROR_PARSE, "%s", local->message);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      evl_fail (error, EVL_ERROR_PARSE, "not a JSON object");
      return NULL;
    }
  JsonObject *o = json_node_get_object (root);
  Reader r = { error, FALSE };
  if (get_int (&r, o, "v") != FORMAT_VERSION)
    {
      if (!r.failed)
        evl_fail (error, EVL_ERROR_PARSE, "not an eventline extraction (format version %d)",
                  FORMAT_VERSION);
      return NULL;
    }
  const char *id = get_str (o, "id"), *text = get_str (o, "text");
  if (id == NULL || text == NULL)
    {
      evl_fail (error, EVL_ERROR_PARSE, "extraction without id or text");
      return NULL;
    }
  g_autoptr (EvlDocument) doc = evl_document_new (id, text, -1, error);
  if (doc == NULL)
    return NULL;
  gsize tlen = strlen (text);
  evl_document_set_path (doc, get_str (o, "path"));
  evl_document_set_title (doc, get_str (o, "title"));
  evl_document_set_url (doc, get_str (o, "url"));
  gint64 src = get_int (&r, o, "dct_source");
  if (get_str (o, "dct") && src > EVL_DCT_NONE && src <= EVL_DCT_METADATA)
    evl_document_set_dct (doc, get_str (o, "dct"), (EvlDctSource) src);

  JsonArray *a = get_array (&r, o, "sentences");
  guint n_sent = a ? json_array_get_length (a) / 7 : 0;
  JsonArray *ta = get_array (&r, o, "tokens");
  guint n_tok = ta ? json_array_get_length (ta) / 4 : 0;
  for (guint i = 0; !r.failed && i < n_sent; i++)
    {
      gint64 v[7];
      for (guint k = 0; k < 7; k++)
        v[k] = array_int (&r, a, i * 7 + k);
      if (!span_ok (&r, tlen, v[0], v[1]) || v[2] < 0 || v[3] < 0 || v[2] + v[3] > n_tok)
        {
          if (!r.failed)
            evl_fail (error, EVL_ERROR_PARSE, "sentence %u: tokens out of range", i);
          r.failed = TRUE;
          break;
        }
      EvlSentence s = { { (guint32) v[0], (guint32) v[1] }, (guint32) v[2], (guint32) v[3],
                        (guint32) v[4], (guint8) v[5], (guint8) v[6] };
      evl_document_add_sentence (doc, &s);
    }
  for (guint i = 0; !r.failed && i < n_tok; i++)
    {
      gint64 s = array_int (&r, ta, i * 4), e = array_int (&r, ta, i * 4 + 1);
      gint64 sent = array_int (&r, ta, i * 4 + 2), flags = array_int (&r, ta, i * 4 + 3);
      if (!span_ok (&r, tlen, s, e) || !index_ok (&r, sent, MAX (n_sent, 1u), "sentence"))
        break;
      EvlToken t = { { (guint32) s, (guint32) e }, (guint32) MAX (sent, 0), (guint16) flags };
      evl_document_add_token (doc, &t);
    }

  a = r.failed ? NULL : get_array (&r, o, "timexes");
  guint n_tx = a ? json_array_get_length (a) : 0;
  for (guint i = 0; !r.failed && i < n_tx; i++)
    {
      JsonObject *t = json_array_get_object_element (a, i);
      EvlTimex x = { 0 };
      gint64 s = get_int (&r, t, "s"), e = get_int (&r, t, "e");
      if (!span_ok (&r, tlen, s, e))
        break;
      x.span = (EvlSpan) { (guint32) s, (guint32) e };
      x.sentence = (guint32) get_int (&r, t, "sent");
      x.type = (EvlTimexType) CLAMP (get_int (&r, t, "type"), 0, EVL_TIMEX_SET);
      x.value = intern (doc, get_str (t, "value"));
      x.mod = intern (doc, get_str (t, "mod"));
      x.quant = intern (doc, get_str (t, "quant"));
      x.freq = intern (doc, get_str (t, "freq"));
      x.anchor = (gint32) get_int (&r, t, "anchor");
      x.flags = (guint32) get_int (&r, t, "flags");
      x.begin = (EvlDay) get_int (&r, t, "begin");
      x.end = (EvlDay) get_int (&r, t, "end");
      x.grain = (EvlGrain) CLAMP (get_int (&r, t, "grain"), 0, EVL_GRAIN_CENTURY);
      if (!index_ok (&r, x.anchor, n_tx, "anchor") || x.sentence >= MAX (n_sent, 1u))
        break;
      evl_document_add_timex (doc, &x);
    }

  a = r.failed ? NULL : get_array (&r, o, "clusters");
  guint n_cl = a ? json_array_get_length (a) : 0;
  for (guint i = 0; !r.failed && i < n_cl; i++)
    {
      JsonObject *c = json_array_get_object_element (a, i);
      JsonArray *al = c ? get_array (&r, c, "aliases") : NULL;
      if (al == NULL || get_str (c, "name") == NULL)
        {
          if (!r.failed)
            evl_fail (error, EVL_ERROR_PARSE, "cluster %u without a name", i);
          r.failed = TRUE;
          break;
        }
      g_autoptr (GPtrArray) aliases = g_ptr_array_new ();
      for (guint k = 0; k < json_array_get_length (al); k++)
        {
          const char *s = json_node_get_value_type (json_array_get_element (al, k)) == G_TYPE_STRING
                          ? json_array_get_string_element (al, k) : NULL;
          if (s)
            g_ptr_array_add (aliases, (gpointer) s);
        }
      g_ptr_array_add (aliases, NULL);
      EvlEntityCluster x = { intern (doc, get_str (c, "name")), intern (doc, get_str (c, "key")),
                             (EvlEntityType) CLAMP (get_int (&r, c, "type"), 0, EVL_ENTITY_LOCATION),
                             (const char *const *) aliases->pdata, (guint32) get_int (&r, c, "n"),
                             intern (doc, get_str (c, "role")) };
      evl_document_add_entity_cluster (doc, &x);
    }

  a = r.failed ? NULL : get_array (&r, o, "mentions");
  guint n_em = a ? json_array_get_length (a) / 6 : 0;
  for (guint i = 0; !r.failed && i < n_em; i++)
    {
      gint64 v[6];
      for (guint k = 0; k < 6; k++)
        v[k] = array_int (&r, a, i * 6 + k);
      if (!span_ok (&r, tlen, v[0], v[1]) || !index_ok (&r, v[4], n_cl, "cluster"))
        break;
      EvlEntityMention m = { { (guint32) v[0], (guint32) v[1] }, (guint32) v[2],
                             (EvlEntityType) CLAMP (v[3], 0, EVL_ENTITY_LOCATION), (gint32) v[4],
                             (guint8) v[5] };
      evl_document_add_entity_mention (doc, &m);
    }

  a = r.failed ? NULL : get_array (&r, o, "events");
  guint n_ev = a ? json_array_get_length (a) : 0;
  for (guint i = 0; !r.failed && i < n_ev; i++)
    {
      JsonObject *e = json_array_get_object_element (a, i);
      EvlEventMention x = { 0 };
      gint64 s = get_int (&r, e, "s"), en = get_int (&r, e, "e");
      if (!span_ok (&r, tlen, s, en))
        break;
      x.span = (EvlSpan) { (guint32) s, (guint32) en };
      x.sentence = (guint32) get_int (&r, e, "sent");
      x.lemma = intern (doc, get_str (e, "lemma"));
      x.klass = (EvlEventClass) CLAMP (get_int (&r, e, "class"), 0, EVL_EVENT_CLASS_N - 1);
      x.type = intern (doc, get_str (e, "type"));
      x.cameo = intern (doc, get_str (e, "cameo"));
      x.tense = intern (doc, get_str (e, "tense"));
      x.aspect = intern (doc, get_str (e, "aspect"));
      x.polarity = get_int (&r, e, "polarity") ? EVL_POLARITY_NEG : EVL_POLARITY_POS;
      x.modality = intern (doc, get_str (e, "modality"));
      x.flags = (guint32) get_int (&r, e, "flags");
      x.timex = (gint32) get_int (&r, e, "timex");
      x.anchor_method = (EvlAnchorMethod) CLAMP (get_int (&r, e, "anchor"), 0, EVL_ANCHOR_DCT);
      x.cue_event = (gint32) get_int (&r, e, "cue_event");
      x.cue_rel = (EvlRel) CLAMP (get_int (&r, e, "cue_rel"), 0, EVL_REL_N - 1);
      x.agent = (gint32) get_int (&r, e, "agent");
      x.patient = (gint32) get_int (&r, e, "patient");
      x.location = (gint32) get_int (&r, e, "location");
      x.source = (gint32) get_int (&r, e, "source");
      JsonNode *sal = json_object_get_member (e, "salience");
      x.salience = sal && JSON_NODE_HOLDS_VALUE (sal) ? (float) json_node_get_double (sal) : 0.0f;
      JsonArray *pa = get_array (&r, e, "participants");
      g_autoptr (GArray) parts = g_array_new (FALSE, FALSE, sizeof (gint32));
      for (guint k = 0; pa && k < json_array_get_length (pa); k++)
        {
          gint32 p = (gint32) array_int (&r, pa, k);
          if (!index_ok (&r, p, n_em, "participant"))
            break;
          g_array_append_val (parts, p);
        }
      if (r.failed || x.sentence >= MAX (n_sent, 1u) || !index_ok (&r, x.timex, n_tx, "timex")
          || !index_ok (&r, x.cue_event, n_ev, "cue event") || !index_ok (&r, x.agent, n_em, "agent")
          || !index_ok (&r, x.patient, n_em, "patient") || !index_ok (&r, x.location, n_em, "location")
          || !index_ok (&r, x.source, n_em, "source"))
        {
          if (!r.failed)
            evl_fail (error, EVL_ERROR_PARSE, "event %u: sentence out of range", i);
          r.failed = TRUE;
          break;
        }
      x.participants = (const gint32 *) (void *) parts->data;
      x.n_participants = parts->len;
      evl_document_add_event_mention (doc, &x);
    }

  a = r.failed ? NULL : get_array (&r, o, "gold");
  for (guint i = 0; !r.failed && a && i < json_array_get_length (a); i++)
    {
      JsonObject *gt = json_array_get_object_element (a, i);
      gint64 s = get_int (&r, gt, "s"), e = get_int (&r, gt, "e");
      if (!span_ok (&r, tlen, s, e))
        break;
      EvlGoldTag g = { { (guint32) s, (guint32) e }, intern (doc, get_str (gt, "tag")),
                       intern (doc, get_str (gt, "id")), intern (doc, get_str (gt, "type")),
                       intern (doc, get_str (gt, "value")) };
      evl_document_add_gold (doc, &g);
    }
  if (r.failed)
    return NULL;
  evl_document_set_annotated (doc, TRUE);
  return g_steal_pointer (&doc);
}
