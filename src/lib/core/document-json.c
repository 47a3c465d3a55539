/* An annotated document as one JSON line and back: the interchange of
 * `eventline extract` (a stateless mapper) and `eventline merge` (the
 * reducer).  Everything the graph builder reads is kept, so that merge
 * gives the same graph as build. */
#include "evl-private.h"
#include "export/json-cursor.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define FORMAT_VERSION 1

/* The line is written straight into a GString through the JSON cursor
 * of export/json-cursor.h, as json-glib's generator would write the same
 * tree (member order, "null", doubles as "%.17g" with ".0" when there is
 * no point, strings escaped as evl_export_append_json_string() does,
 * which keeps the line valid UTF-8 where json-glib 1.6 would not):
 * building a JsonBuilder tree of every token and generating it was 87 %
 * of `extract`'s instructions (3.13 G of 3.60 G on 400 small documents). */
typedef struct {
  EvlJsonCursor c;
  gboolean first;   /* no member or element yet in the open object/array */
  struct {
    double v;
    char text[G_ASCII_DTOSTR_BUF_SIZE + 2];
  } dbl[8];         /* recent doubles as written: saliences repeat */
  guint n_dbl;
} Out;

static inline void
sep (Out *o)
{
  if (!o->first)
    evl_json_put_char (&o->c, ',');
  o->first = FALSE;
}

/* Member name: @quoted is the name with its quotes and colon, a literal. */
#define NAME(o, quoted)                          \
  G_STMT_START {                                 \
    sep (o);                                     \
    EVL_JSON_LIT (&(o)->c, quoted);              \
  } G_STMT_END

#define PUT_INT(o, n, v)                  \
  G_STMT_START {                          \
    NAME ((o), "\"" n "\":");             \
    evl_json_put_int (&(o)->c, (v));      \
  } G_STMT_END

static void
str_value (Out *o, const char *v)
{
  if (v == NULL)
    EVL_JSON_LIT (&o->c, "null");
  else
    evl_json_put_str (&o->c, v);
}

#define PUT_STR(o, n, v)          \
  G_STMT_START {                  \
    NAME ((o), "\"" n "\":");     \
    str_value ((o), (v));         \
  } G_STMT_END

static void
open_in (Out *o, char bracket)
{
  evl_json_put_char (&o->c, bracket);
  o->first = TRUE;
}

static void
close_in (Out *o, char bracket)
{
  evl_json_put_char (&o->c, bracket);
  o->first = FALSE;
}

/* Elements @v[0..@n) of an array of integers. */
static void
int_elements (Out *o, const gint64 *v, guint n)
{
  for (guint k = 0; k < n; k++)
    {
      sep (o);
      evl_json_put_int (&o->c, v[k]);
    }
}

static void
double_value (Out *o, double v)
{
  for (guint i = 0; i < MIN (o->n_dbl, G_N_ELEMENTS (o->dbl)); i++)
    if (memcmp (&o->dbl[i].v, &v, sizeof v) == 0)
      {
        evl_json_put_bytes (&o->c, o->dbl[i].text, strlen (o->dbl[i].text));
        return;
      }
  guint slot = o->n_dbl++ % G_N_ELEMENTS (o->dbl);
  o->dbl[slot].v = v;
  char *t = o->dbl[slot].text;
  g_ascii_formatd (t, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", v);
  if (strpbrk (t, ".eEni") == NULL)
    strcat (t, ".0");
  evl_json_put_bytes (&o->c, t, strlen (t));
}

char *
evl_document_to_json (const EvlDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  gsize text_len = 0;
  const char *text = evl_document_get_text (doc, &text_len);
  guint n;
  evl_document_get_tokens (doc, &n);
  Out out = { .first = FALSE };
  Out *o = &out;
  evl_json_cursor_init (&o->c, g_string_sized_new (text_len + 24 * (gsize) n + 1024));
  open_in (o, '{');
  PUT_INT (o, "v", FORMAT_VERSION);
  PUT_STR (o, "id", evl_document_get_id (doc));
  PUT_STR (o, "path", evl_document_get_path (doc));
  PUT_STR (o, "title", evl_document_get_title (doc));
  PUT_STR (o, "url", evl_document_get_url (doc));
  PUT_STR (o, "dct", evl_document_get_dct (doc));
  PUT_INT (o, "dct_source", evl_document_get_dct_source (doc));
  PUT_STR (o, "text", text);

  const EvlToken *tk = evl_document_get_tokens (doc, &n);
  NAME (o, "\"tokens\":");
  open_in (o, '[');
  for (guint i = 0; i < n; i++)
    {
      gint64 v[] = { tk[i].span.start, tk[i].span.end, tk[i].sentence, tk[i].flags };
      int_elements (o, v, G_N_ELEMENTS (v));
    }
  close_in (o, ']');

  const EvlSentence *se = evl_document_get_sentences (doc, &n);
  NAME (o, "\"sentences\":");
  open_in (o, '[');
  for (guint i = 0; i < n; i++)
    {
      gint64 v[] = { se[i].span.start, se[i].span.end, se[i].first_token, se[i].n_tokens,
                     se[i].paragraph, se[i].is_heading, se[i].is_furniture };
      int_elements (o, v, G_N_ELEMENTS (v));
    }
  close_in (o, ']');

  const EvlTimex *tx = evl_document_get_timexes (doc, &n);
  NAME (o, "\"timexes\":");
  open_in (o, '[');
  for (guint i = 0; i < n; i++)
    {
      sep (o);
      open_in (o, '{');
      PUT_INT (o, "s", tx[i].span.start);
      PUT_INT (o, "e", tx[i].span.end);
      PUT_INT (o, "sent", tx[i].sentence);
      PUT_INT (o, "type", tx[i].type);
      PUT_STR (o, "value", tx[i].value);
      PUT_STR (o, "mod", tx[i].mod);
      PUT_STR (o, "quant", tx[i].quant);
      PUT_STR (o, "freq", tx[i].freq);
      PUT_INT (o, "anchor", tx[i].anchor);
      PUT_INT (o, "flags", tx[i].flags);
      PUT_INT (o, "begin", tx[i].begin);
      PUT_INT (o, "end", tx[i].end);
      PUT_INT (o, "grain", tx[i].grain);
      close_in (o, '}');
    }
  close_in (o, ']');

  const EvlEntityMention *em = evl_document_get_entity_mentions (doc, &n);
  NAME (o, "\"mentions\":");
  open_in (o, '[');
  for (guint i = 0; i < n; i++)
    {
      gint64 v[] = { em[i].span.start, em[i].span.end, em[i].sentence, em[i].type,
                     em[i].cluster, em[i].is_pronoun };
      int_elements (o, v, G_N_ELEMENTS (v));
    }
  close_in (o, ']');

  const EvlEntityCluster *cl = evl_document_get_entity_clusters (doc, &n);
  NAME (o, "\"clusters\":");
  open_in (o, '[');
  for (guint i = 0; i < n; i++)
    {
      sep (o);
      open_in (o, '{');
      PUT_STR (o, "name", cl[i].name);
      PUT_STR (o, "key", cl[i].key);
      PUT_INT (o, "type", cl[i].type);
      PUT_INT (o, "n", cl[i].n_mentions);
      PUT_STR (o, "role", cl[i].role);
      NAME (o, "\"aliases\":");
      open_in (o, '[');
      for (guint k = 0; cl[i].aliases && cl[i].aliases[k]; k++)
        {
          sep (o);
          str_value (o, cl[i].aliases[k]);
        }
      close_in (o, ']');
      close_in (o, '}');
    }
  close_in (o, ']');

  const EvlEventMention *ev = evl_document_get_event_mentions (doc, &n);
  NAME (o, "\"events\":");
  open_in (o, '[');
  for (guint i = 0; i < n; i++)
    {
      const EvlEventMention *e = &ev[i];
      sep (o);
      open_in (o, '{');
      PUT_INT (o, "s", e->span.start);
      PUT_INT (o, "e", e->span.end);
      PUT_INT (o, "sent", e->sentence);
      PUT_STR (o, "lemma", e->lemma);
      PUT_INT (o, "class", e->klass);
      PUT_STR (o, "type", e->type);
      PUT_STR (o, "cameo", e->cameo);
      PUT_STR (o, "tense", e->tense);
      PUT_STR (o, "aspect", e->aspect);
      PUT_INT (o, "polarity", e->polarity);
      PUT_STR (o, "modality", e->modality);
      PUT_INT (o, "flags", e->flags);
      PUT_INT (o, "timex", e->timex);
      PUT_INT (o, "anchor", e->anchor_method);
      PUT_INT (o, "cue_event", e->cue_event);
      PUT_INT (o, "cue_rel", e->cue_rel);
      PUT_INT (o, "agent", e->agent);
      PUT_INT (o, "patient", e->patient);
      PUT_INT (o, "location", e->location);
      PUT_INT (o, "source", e->source);
      NAME (o, "\"participants\":");
      open_in (o, '[');
      for (guint k = 0; k < e->n_participants; k++)
        {
          sep (o);
          evl_json_put_int (&o->c, e->participants[k]);
        }
      close_in (o, ']');
      NAME (o, "\"salience\":");
      double_value (o, e->salience);
      close_in (o, '}');
    }
  close_in (o, ']');

  const EvlGoldTag *gold = evl_document_get_gold (doc, &n);
  NAME (o, "\"gold\":");
  open_in (o, '[');
  for (guint i = 0; i < n; i++)
    {
      sep (o);
      open_in (o, '{');
      PUT_INT (o, "s", gold[i].span.start);
      PUT_INT (o, "e", gold[i].span.end);
      PUT_STR (o, "tag", gold[i].tag);
      PUT_STR (o, "id", gold[i].id);
      PUT_STR (o, "type", gold[i].type);
      PUT_STR (o, "value", gold[i].value);
      close_in (o, '}');
    }
  close_in (o, ']');
  close_in (o, '}');
  evl_json_cursor_finish (&o->c);
  return g_string_free (o->c.s, FALSE);
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

/* The three integer arrays (tokens, sentences, mentions) are most of a
 * line's values: parsed by json-glib into a node each, they cost 4.3 G of
 * merge's 5.5 G instructions on 400 small documents.  prescan() reads
 * them by hand and hands json-glib the rest of the line with "[]" in
 * their place; anything it is not sure of (another shape, a number that
 * is not a plain integer, a repeated member) leaves the line to json-glib
 * whole, so errors and odd lines are read as before.  Lines come here
 * only when hand_read() (below), which reads them whole, gives up. */
enum { ARR_TOKENS, ARR_SENTENCES, ARR_MENTIONS, ARR_N };
static const char *const arr_names[ARR_N] = { "tokens", "sentences", "mentions" };

typedef struct {
  GArray *v[ARR_N];        /* gint64 values; NULL: read from the JSON tree */
  GString *rest;           /* the line with those arrays emptied */
} Prescan;

static void
prescan_clear (Prescan *ps)
{
  for (guint i = 0; i < ARR_N; i++)
    if (ps->v[i])
      g_array_free (ps->v[i], TRUE);
  if (ps->rest)
    g_string_free (ps->rest, TRUE);
  memset (ps, 0, sizeof *ps);
}

static inline const char *
ws (const char *p, const char *end)
{
  while (p < end && (guchar) *p <= ' ' && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* After the string literal at @p ('"'), or NULL. */
static const char *
skip_string (const char *p, const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '"')
        return p + 1;
      if (*p == '\\')
        p++;
    }
  return NULL;
}

/* After the value at @p (at the ',' or '}' that ends a scalar), or NULL;
 * json-glib judges the value itself later. */
static const char *
skip_value (const char *p, const char *end)
{
  guint depth = 0;
  while (p < end)
    {
      char c = *p;
      if (c == '"')
        {
          if ((p = skip_string (p, end)) == NULL || depth == 0)
            return p;
          continue;
        }
      if (c == '[' || c == '{')
        depth++;
      else if (c == ']' || c == '}')
        {
          if (depth == 0)
            return p;
          if (--depth == 0)
            return p + 1;
        }
      else if (c == ',' && depth == 0)
        return p;
      p++;
    }
  return NULL;
}

/* Reads the plain integer at @p into *@v: the end of it, or NULL when it
 * is another number (a fraction, an exponent, a leading zero, more
 * digits than surely fit) or no number. */
static inline const char *
read_int (const char *p, const char *end, gint64 *v)
{
  gboolean neg = p < end && *p == '-';
  p += neg;
  const char *first = p;
  guint64 u = 0;
  for (guint d; p < end && (d = (guchar) *p - '0') < 10; p++)
    u = u * 10 + d;
  gsize nd = (gsize) (p - first);
  if (nd == 0 || nd > 18 || (*first == '0' && nd > 1)
      || (p < end && (*p == '.' || *p == 'e' || *p == 'E')))
    return NULL;
  *v = neg ? -(gint64) u : (gint64) u;
  return p;
}

/* Reads the array of plain integers at @p ('[') onto @out; the end of it,
 * or NULL when it is anything else.  Values are stored straight into
 * room made ahead (an append call for each was 190 instructions a value
 * with read_int(): the arrays hold most of a line's values). */
static const char *
int_array (const char *p, const char *end, GArray *out)
{
  guint len = out->len, cap = out->len;
  p = ws (p + 1, end);
  if (p < end && *p == ']')
    return p + 1;
  while (p < end)
    {
      if (len == cap)
        {
          g_array_set_size (out, MAX (2 * cap, 256u));
          cap = out->len;
        }
      if ((p = read_int (p, end, &((gint64 *) (void *) out->data)[len])) == NULL)
        break;
      len++;
      p = ws (p, end);
      if (p < end && *p == ']')
        {
          g_array_set_size (out, len);
          return p + 1;
        }
      if (p >= end || *p != ',')
        break;
      p = ws (p + 1, end);
    }
  g_array_set_size (out, len);
  return NULL;
}

static gboolean
prescan (const char *data, gsize len, Prescan *ps)
{
  const char *p = ws (data, data + len), *end = data + len, *copied = data;
  if (p >= end || *p != '{')
    return FALSE;
  ps->rest = g_string_sized_new (len / 2 + 64);
  p = ws (p + 1, end);
  while (p < end && *p == '"')
    {
      const char *k = p + 1, *ke = skip_string (p, end);
      if (ke == NULL)
        return FALSE;
      p = ws (ke, end);
      if (p >= end || *p != ':')
        return FALSE;
      p = ws (p + 1, end);
      gint which = -1;
      for (guint i = 0; i < ARR_N; i++)
        if ((gsize) (ke - 1 - k) == strlen (arr_names[i]) && memcmp (k, arr_names[i], ke - 1 - k) == 0)
          which = (gint) i;
      const char *ve;
      if (which >= 0)
        {
          if (ps->v[which] || p >= end || *p != '[')
            return FALSE;
          ps->v[which] = g_array_new (FALSE, FALSE, sizeof (gint64));
          if ((ve = int_array (p, end, ps->v[which])) == NULL)
            return FALSE;
          g_string_append_len (ps->rest, copied, p - copied);
          g_string_append (ps->rest, "[]");
          copied = ve;
        }
      else if ((ve = skip_value (p, end)) == NULL)
        return FALSE;
      p = ws (ve, end);
      if (p < end && *p == ',')
        p = ws (p + 1, end);
    }
  g_string_append_len (ps->rest, copied, end - copied);
  return TRUE;
}

/* An array of integers: from prescan() or from the tree. */
typedef struct {
  JsonArray *ja;
  const gint64 *v;
  guint n;
} Ints;

static gboolean
get_ints (Reader *r, JsonObject *o, const Prescan *ps, guint which, Ints *out)
{
  memset (out, 0, sizeof *out);
  if (ps->v[which])
    {
      out->v = (const gint64 *) (void *) ps->v[which]->data;
      out->n = ps->v[which]->len;
      return TRUE;
    }
  out->ja = get_array (r, o, arr_names[which]);
  out->n = out->ja ? json_array_get_length (out->ja) : 0;
  return out->ja != NULL;
}

static inline gint64
ints_at (Reader *r, const Ints *a, guint i)
{
  return a->v ? a->v[i] : array_int (r, a->ja, i);
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

/* What the records of a line are checked against: the text's length and
 * the counts of the arrays (as the line has them). */
typedef struct {
  gsize tlen;
  guint n_tok, n_sent, n_tx, n_cl, n_em, n_ev;
} Counts;

/* The checks and appends below serve both readers (from_tree() and
 * hand_build()), so that both take and refuse the same records; each
 * returns FALSE where the reading stops. */
static gboolean
add_sentence (Reader *r, EvlDocument *doc, const Counts *n, const gint64 *v, guint i)
{
  if (!span_ok (r, n->tlen, v[0], v[1]) || v[2] < 0 || v[3] < 0 || v[2] + v[3] > n->n_tok)
    {
      if (!r->failed)
        evl_fail (r->error, EVL_ERROR_PARSE, "sentence %u: tokens out of range", i);
      r->failed = TRUE;
      return FALSE;
    }
  EvlSentence s = { { (guint32) v[0], (guint32) v[1] }, (guint32) v[2], (guint32) v[3],
                    (guint32) v[4], (guint8) v[5], (guint8) v[6] };
  evl_document_add_sentence (doc, &s);
  return TRUE;
}

static gboolean
add_token (Reader *r, EvlDocument *doc, const Counts *n, const gint64 *v)
{
  if (!span_ok (r, n->tlen, v[0], v[1]) || !index_ok (r, v[2], MAX (n->n_sent, 1u), "sentence"))
    return FALSE;
  EvlToken t = { { (guint32) v[0], (guint32) v[1] }, (guint32) MAX (v[2], 0), (guint16) v[3] };
  evl_document_add_token (doc, &t);
  return TRUE;
}

/* A timex whose sentence is out of range ends the timexes without an
 * error (as it always has). */
static gboolean
add_timex (Reader *r, EvlDocument *doc, const Counts *n, const EvlTimex *x)
{
  if (!index_ok (r, x->anchor, n->n_tx, "anchor") || x->sentence >= MAX (n->n_sent, 1u))
    return FALSE;
  evl_document_add_timex (doc, x);
  return TRUE;
}

static gboolean
add_mention (Reader *r, EvlDocument *doc, const Counts *n, const gint64 *v)
{
  if (!span_ok (r, n->tlen, v[0], v[1]) || !index_ok (r, v[4], n->n_cl, "cluster"))
    return FALSE;
  EvlEntityMention m = { { (guint32) v[0], (guint32) v[1] }, (guint32) v[2],
                         (EvlEntityType) CLAMP (v[3], 0, EVL_ENTITY_LOCATION), (gint32) v[4],
                         (guint8) v[5], 0 };
  evl_document_add_entity_mention (doc, &m);
  return TRUE;
}

static gboolean
add_participant (Reader *r, GArray *parts, const Counts *n, gint64 v)
{
  gint32 p = (gint32) v;
  if (!index_ok (r, p, n->n_em, "participant"))
    return FALSE;
  g_array_append_val (parts, p);
  return TRUE;
}

/* @x with its participants @parts, unless reading failed before. */
static gboolean
add_event (Reader *r, EvlDocument *doc, const Counts *n, EvlEventMention *x, GArray *parts, guint i)
{
  if (r->failed || x->sentence >= MAX (n->n_sent, 1u) || !index_ok (r, x->timex, n->n_tx, "timex")
      || !index_ok (r, x->cue_event, n->n_ev, "cue event") || !index_ok (r, x->agent, n->n_em, "agent")
      || !index_ok (r, x->patient, n->n_em, "patient") || !index_ok (r, x->location, n->n_em, "location")
      || !index_ok (r, x->source, n->n_em, "source"))
    {
      if (!r->failed)
        evl_fail (r->error, EVL_ERROR_PARSE, "event %u: sentence out of range", i);
      r->failed = TRUE;
      return FALSE;
    }
  x->participants = (const gint32 *) (void *) parts->data;
  x->n_participants = parts->len;
  evl_document_add_event_mention (doc, x);
  return TRUE;
}

static EvlDocument *from_tree (const char *data, gssize len, const Prescan *ps, GError **error);
static EvlDocument *hand_read (const char *data, gsize len);

EvlDocument *
evl_document_new_from_json (const char *data, gssize len, GError **error)
{
  return evl_document_new_from_json_full (data, len, EVL_JSON_READ_FAST, error);
}

EvlDocument *
evl_document_new_from_json_full (const char *data, gssize len, EvlJsonRead how, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  gsize n = len < 0 ? strlen (data) : (gsize) len;
  gboolean fast = how != EVL_JSON_READ_GLIB;
  EvlDocument *doc = fast ? hand_read (data, n) : NULL;
  if (doc || how == EVL_JSON_READ_HAND_ONLY)
    return doc;
  Prescan ps = { { NULL }, NULL };
  if (fast && !prescan (data, n, &ps))
    prescan_clear (&ps);
  if (ps.rest == NULL)
    return from_tree (data, (gssize) n, &ps, error);
  doc = from_tree (ps.rest->str, (gssize) ps.rest->len, &ps, NULL);
  prescan_clear (&ps);
  /* A bad line is read again whole, so that its error (and the place it
   * names) is json-glib's on the line as given. */
  return doc ? doc : from_tree (data, (gssize) n, &ps, error);
}

static EvlDocument *
from_tree (const char *data, gssize len, const Prescan *ps, GError **error)
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
  Counts n = { strlen (text), 0, 0, 0, 0, 0, 0 };
  evl_document_set_path (doc, get_str (o, "path"));
  evl_document_set_title (doc, get_str (o, "title"));
  evl_document_set_url (doc, get_str (o, "url"));
  gint64 src = get_int (&r, o, "dct_source");
  if (get_str (o, "dct") && src > EVL_DCT_NONE && src <= EVL_DCT_METADATA)
    evl_document_set_dct (doc, get_str (o, "dct"), (EvlDctSource) src);

  Ints sa, ta;
  get_ints (&r, o, ps, ARR_SENTENCES, &sa);
  n.n_sent = sa.n / 7;
  get_ints (&r, o, ps, ARR_TOKENS, &ta);
  n.n_tok = ta.n / 4;
  for (guint i = 0; !r.failed && i < n.n_sent; i++)
    {
      gint64 v[7];
      for (guint k = 0; k < 7; k++)
        v[k] = ints_at (&r, &sa, i * 7 + k);
      if (!add_sentence (&r, doc, &n, v, i))
        break;
    }
  for (guint i = 0; !r.failed && i < n.n_tok; i++)
    {
      gint64 v[4];
      for (guint k = 0; k < 4; k++)
        v[k] = ints_at (&r, &ta, i * 4 + k);
      if (!add_token (&r, doc, &n, v))
        break;
    }

  JsonArray *a = r.failed ? NULL : get_array (&r, o, "timexes");
  n.n_tx = a ? json_array_get_length (a) : 0;
  for (guint i = 0; !r.failed && i < n.n_tx; i++)
    {
      JsonObject *t = json_array_get_object_element (a, i);
      EvlTimex x = { 0 };
      gint64 s = get_int (&r, t, "s"), e = get_int (&r, t, "e");
      if (!span_ok (&r, n.tlen, s, e))
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
      if (!add_timex (&r, doc, &n, &x))
        break;
    }

  a = r.failed ? NULL : get_array (&r, o, "clusters");
  n.n_cl = a ? json_array_get_length (a) : 0;
  for (guint i = 0; !r.failed && i < n.n_cl; i++)
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

  Ints ma = { 0 };
  if (!r.failed)
    get_ints (&r, o, ps, ARR_MENTIONS, &ma);
  n.n_em = ma.n / 6;
  for (guint i = 0; !r.failed && i < n.n_em; i++)
    {
      gint64 v[6];
      for (guint k = 0; k < 6; k++)
        v[k] = ints_at (&r, &ma, i * 6 + k);
      if (!add_mention (&r, doc, &n, v))
        break;
    }

  a = r.failed ? NULL : get_array (&r, o, "events");
  n.n_ev = a ? json_array_get_length (a) : 0;
  for (guint i = 0; !r.failed && i < n.n_ev; i++)
    {
      JsonObject *e = json_array_get_object_element (a, i);
      EvlEventMention x = { 0 };
      gint64 s = get_int (&r, e, "s"), en = get_int (&r, e, "e");
      if (!span_ok (&r, n.tlen, s, en))
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
        if (!add_participant (&r, parts, &n, array_int (&r, pa, k)))
          break;
      if (!add_event (&r, doc, &n, &x, parts, i))
        break;
    }

  a = r.failed ? NULL : get_array (&r, o, "gold");
  for (guint i = 0; !r.failed && a && i < json_array_get_length (a); i++)
    {
      JsonObject *gt = json_array_get_object_element (a, i);
      gint64 s = get_int (&r, gt, "s"), e = get_int (&r, gt, "e");
      if (!span_ok (&r, n.tlen, s, e))
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

/* ---- the whole line by hand ----
 *
 * With prescan() json-glib still read the timexes, clusters and events
 * (objects of many members each): 2.1 G of merge's 4.0 G instructions.
 * hand_read() reads the whole line as evl_document_to_json() writes it
 * (in any member order and spacing) into plain records, then builds the
 * document through the checks from_tree() uses.  It only ever says yes:
 * on a member it does not know, one missing or repeated, a value of
 * another type (a null alias, an integer salience), a raw control byte or
 * DEL in a string, an escape it does not write, a string that is not
 * UTF-8, a number it cannot be sure to read as json-glib does, or a
 * record the checks refuse, it gives up and the line is read as before,
 * which gives the error. */

typedef struct {
  guint start, n;   /* elements of one of Hand's arrays */
} Run;

typedef struct {
  gsize off;        /* in Hand.pool, NUL-ended there */
  gssize len;       /* -1: null */
} Str;

typedef struct {
  gint64 s, e, sent, type, anchor, flags, begin, end, grain;
  Str value, mod, quant, freq;
} RawTimex;

typedef struct {
  gint64 type, n;
  Str name, key, role;
  Run aliases;      /* in Hand.strs */
} RawCluster;

typedef struct {
  gint64 s, e, sent, klass, polarity, flags, timex, anchor, cue_event, cue_rel, agent, patient,
         location, source;
  double salience;
  Str lemma, type, cameo, tense, aspect, modality;
  Run participants; /* in Hand.ints */
} RawEvent;

typedef struct {
  gint64 s, e;
  Str tag, id, type, value;
} RawGold;

typedef struct {
  gint64 v, dct_source;
  Str id, path, title, url, dct, text;
  Run arr[ARR_N];   /* in Hand.ints */
  Run timexes, clusters, events, gold;
} RawDoc;

enum { K_INT, K_STR, K_DBL, K_INTS, K_STRS, K_OBJS };
enum { SH_TIMEX, SH_CLUSTER, SH_EVENT, SH_GOLD, SH_DOC };

typedef struct {
  const char *name;
  guint8 len, kind, sub;   /* sub: the shape of a K_OBJS array's elements */
  guint16 off;
} Field;

#define FLD(T, name, kind, member, sub) { name, sizeof name - 1, kind, sub, offsetof (T, member) }
#define INT(T, name, member) FLD (T, name, K_INT, member, 0)
#define STR(T, name, member) FLD (T, name, K_STR, member, 0)

/* In the order evl_document_to_json() writes them: the member looked for
 * first is the one after the last. */
static const Field timex_fields[] = {
  INT (RawTimex, "s", s), INT (RawTimex, "e", e), INT (RawTimex, "sent", sent),
  INT (RawTimex, "type", type), STR (RawTimex, "value", value), STR (RawTimex, "mod", mod),
  STR (RawTimex, "quant", quant), STR (RawTimex, "freq", freq), INT (RawTimex, "anchor", anchor),
  INT (RawTimex, "flags", flags), INT (RawTimex, "begin", begin), INT (RawTimex, "end", end),
  INT (RawTimex, "grain", grain),
};
static const Field cluster_fields[] = {
  STR (RawCluster, "name", name), STR (RawCluster, "key", key), INT (RawCluster, "type", type),
  INT (RawCluster, "n", n), STR (RawCluster, "role", role),
  FLD (RawCluster, "aliases", K_STRS, aliases, 0),
};
static const Field event_fields[] = {
  INT (RawEvent, "s", s), INT (RawEvent, "e", e), INT (RawEvent, "sent", sent),
  STR (RawEvent, "lemma", lemma), INT (RawEvent, "class", klass), STR (RawEvent, "type", type),
  STR (RawEvent, "cameo", cameo), STR (RawEvent, "tense", tense), STR (RawEvent, "aspect", aspect),
  INT (RawEvent, "polarity", polarity), STR (RawEvent, "modality", modality),
  INT (RawEvent, "flags", flags), INT (RawEvent, "timex", timex), INT (RawEvent, "anchor", anchor),
  INT (RawEvent, "cue_event", cue_event), INT (RawEvent, "cue_rel", cue_rel),
  INT (RawEvent, "agent", agent), INT (RawEvent, "patient", patient),
  INT (RawEvent, "location", location), INT (RawEvent, "source", source),
  FLD (RawEvent, "participants", K_INTS, participants, 0),
  FLD (RawEvent, "salience", K_DBL, salience, 0),
};
static const Field gold_fields[] = {
  INT (RawGold, "s", s), INT (RawGold, "e", e), STR (RawGold, "tag", tag), STR (RawGold, "id", id),
  STR (RawGold, "type", type), STR (RawGold, "value", value),
};
static const Field doc_fields[] = {
  INT (RawDoc, "v", v), STR (RawDoc, "id", id), STR (RawDoc, "path", path),
  STR (RawDoc, "title", title), STR (RawDoc, "url", url), STR (RawDoc, "dct", dct),
  INT (RawDoc, "dct_source", dct_source), STR (RawDoc, "text", text),
  FLD (RawDoc, "tokens", K_INTS, arr[ARR_TOKENS], 0),
  FLD (RawDoc, "sentences", K_INTS, arr[ARR_SENTENCES], 0),
  FLD (RawDoc, "timexes", K_OBJS, timexes, SH_TIMEX),
  FLD (RawDoc, "mentions", K_INTS, arr[ARR_MENTIONS], 0),
  FLD (RawDoc, "clusters", K_OBJS, clusters, SH_CLUSTER),
  FLD (RawDoc, "events", K_OBJS, events, SH_EVENT),
  FLD (RawDoc, "gold", K_OBJS, gold, SH_GOLD),
};

#undef INT
#undef STR
#undef FLD

static const struct {
  const Field *f;
  guint n;
} shapes[] = {
  [SH_TIMEX] = { timex_fields, G_N_ELEMENTS (timex_fields) },
  [SH_CLUSTER] = { cluster_fields, G_N_ELEMENTS (cluster_fields) },
  [SH_EVENT] = { event_fields, G_N_ELEMENTS (event_fields) },
  [SH_GOLD] = { gold_fields, G_N_ELEMENTS (gold_fields) },
  [SH_DOC] = { doc_fields, G_N_ELEMENTS (doc_fields) },
};

typedef struct {
  const char *end;
  GString *pool;           /* the strings, unescaped, written in place */
  const char *pool_end;    /* its room: a string is never longer unescaped */
  GArray *ints;            /* gint64 */
  GArray *strs;            /* Str */
  GArray *objs[SH_DOC];    /* RawTimex, RawCluster, RawEvent, RawGold */
  struct {
    char text[32];
    gsize len;
    double v;
  } dbl[8];                /* recent doubles read: saliences repeat */
  guint n_dbl;
} Hand;

/* Reads the string literal at @p ('"') into the pool: the end of it, or
 * NULL. */
static const char *
read_str (Hand *h, const char *p, Str *out)
{
  const char *end = h->end;
  GString *pool = h->pool;
  char *w = pool->str + pool->len;
  guint64 high = 0;   /* bytes seen OR-ed together: 0x80 set when not ASCII */
  out->off = pool->len;
  p++;
  for (;;)
    {
      const char *run = p;
      for (; end - p >= 8; p += 8)
        {
          guint64 word = evl_load64 (p);
          if (evl_swar_below (word, 0x20) | evl_swar_eq (word, '"') | evl_swar_eq (word, '\\')
              | evl_swar_eq (word, 0x7F))
            break;
          high |= word;
        }
      for (; p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20 && *p != 0x7F; p++)
        high |= (guchar) *p;
      /* Unescaped, every literal is shorter than in the line: the
       * pool (sized to the line) has room; checked all the same. */
      if (h->pool_end - w <= p - run)
        return NULL;
      memcpy (w, run, (gsize) (p - run));
      w += p - run;
      if (p >= end || *p != '\\' || end - p < 2)
        {
          if (p < end && *p == '"')
            break;
          return NULL;
        }
      char c;
      switch (p[1])
        {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
          {
            /* The writer's \u00XX (controls, DEL); no NUL, nothing wider. */
            guint u = 0;
            for (guint k = 2; k < 6; k++)
              {
                gint x = end - p > k ? g_ascii_xdigit_value (p[k]) : -1;
                if (x < 0)
                  return NULL;
                u = u * 16 + (guint) x;
              }
            if (u == 0 || u > 0x7F)
              return NULL;
            c = (char) u;
            p += 4;
            break;
          }
        default:
          return NULL;
        }
      *w++ = c;
      p += 2;
    }
  out->len = (gssize) (w - pool->str - out->off);
  if ((high & EVL_SWAR_HIGHS) && !g_utf8_validate_len (pool->str + out->off, (gsize) out->len, NULL))
    return NULL;
  *w++ = '\0';
  pool->len = (gsize) (w - pool->str);
  return p + 1;
}

/* A number with a fraction or an exponent (as the writer writes a
 * double), read as json-glib's scanner reads it: strtod() of its text. */
static const char *
read_double (Hand *h, const char *p, double *v)
{
  const char *end = h->end, *q = p;
  gboolean real = FALSE;
  if (q < end && *q == '-')
    q++;
  if (q >= end || !g_ascii_isdigit (*q))
    return NULL;
  if (*q == '0')
    q++;
  else
    while (q < end && g_ascii_isdigit (*q))
      q++;
  if (q < end && *q == '.')
    {
      if (++q >= end || !g_ascii_isdigit (*q))
        return NULL;
      while (q < end && g_ascii_isdigit (*q))
        q++;
      real = TRUE;
    }
  if (q < end && (*q == 'e' || *q == 'E'))
    {
      if (++q < end && (*q == '+' || *q == '-'))
        q++;
      if (q >= end || !g_ascii_isdigit (*q))
        return NULL;
      while (q < end && g_ascii_isdigit (*q))
        q++;
      real = TRUE;
    }
  gsize len = (gsize) (q - p);
  if (!real || len >= sizeof h->dbl[0].text)
    return NULL;
  for (guint i = 0; i < MIN (h->n_dbl, G_N_ELEMENTS (h->dbl)); i++)
    if (h->dbl[i].len == len && memcmp (h->dbl[i].text, p, len) == 0)
      {
        *v = h->dbl[i].v;
        return q;
      }
  /* g_ascii_strtod() was a thousand instructions a salience. */
  guint slot = h->n_dbl++ % G_N_ELEMENTS (h->dbl);
  char *t = h->dbl[slot].text, *stop;
  memcpy (t, p, len);
  t[len] = '\0';
  *v = g_ascii_strtod (t, &stop);
  h->dbl[slot].len = *stop ? 0 : len;
  h->dbl[slot].v = *v;
  return *stop ? NULL : q;
}

static const char *read_object (Hand *h, const char *p, guint shape, guint8 *raw);

/* The array at @p ('[') of field @f into its array of @h. */
static const char *
read_array (Hand *h, const char *p, const Field *f, Run *run)
{
  GArray *a = f->kind == K_INTS ? h->ints : f->kind == K_STRS ? h->strs : h->objs[f->sub];
  run->start = a->len;
  if (f->kind == K_INTS)
    {
      p = int_array (p, h->end, a);
      run->n = a->len - run->start;
      return p;
    }
  p = ws (p + 1, h->end);
  if (p < h->end && *p == ']')
    {
      run->n = 0;
      return p + 1;
    }
  while (p < h->end)
    {
      if (f->kind == K_STRS)
        {
          Str s;
          if (*p != '"' || (p = read_str (h, p, &s)) == NULL)
            return NULL;
          g_array_append_val (a, s);
        }
      else
        {
          /* Elements hold no arrays of objects: a stays where it is. */
          g_array_set_size (a, a->len + 1);
          guint8 *raw = (guint8 *) a->data + (gsize) (a->len - 1) * g_array_get_element_size (a);
          if (*p != '{' || (p = read_object (h, p, f->sub, raw)) == NULL)
            return NULL;
        }
      p = ws (p, h->end);
      if (p < h->end && *p == ']')
        {
          run->n = a->len - run->start;
          return p + 1;
        }
      if (p >= h->end || *p != ',')
        return NULL;
      p = ws (p + 1, h->end);
    }
  return NULL;
}

/* The object at @p ('{') into the record @raw of @shape: every member
 * once, no other. */
static const char *
read_object (Hand *h, const char *p, guint shape, guint8 *raw)
{
  const Field *fields = shapes[shape].f;
  guint n = shapes[shape].n, next = 0;
  guint32 seen = 0;
  const char *end = h->end;
  p = ws (p + 1, end);
  for (;;)
    {
      if (p >= end || *p != '"')
        return NULL;
      /* The member the writer puts next, as it writes it ("name":), or
       * any other in any spacing. */
      const Field *f = &fields[next < n ? next : 0];
      if (end - p > f->len + 2 && p[f->len + 1] == '"' && p[f->len + 2] == ':'
          && memcmp (p + 1, f->name, f->len) == 0)
        p += f->len + 3;
      else
        {
          const char *k = ++p;
          while (p < end && *p != '"' && *p != '\\')
            p++;
          if (p >= end || *p != '"')
            return NULL;
          gsize kl = (gsize) (p - k);
          f = NULL;
          for (guint i = 0; i < n && f == NULL; i++)
            if (fields[i].len == kl && memcmp (fields[i].name, k, kl) == 0)
              f = &fields[i];
          if (f == NULL)
            return NULL;
          p = ws (p + 1, end);
          if (p >= end || *p != ':')
            return NULL;
          p++;
        }
      if (seen & (1u << (f - fields)))
        return NULL;
      next = (guint) (f - fields) + 1;
      seen |= 1u << (f - fields);
      p = ws (p, end);
      if (p >= end)
        return NULL;
      void *at = raw + f->off;
      switch (f->kind)
        {
        case K_INT:
          p = read_int (p, end, at);
          break;
        case K_STR:
          if (*p == '"')
            p = read_str (h, p, at);
          else if (end - p >= 4 && memcmp (p, "null", 4) == 0)
            {
              ((Str *) at)->len = -1;
              p += 4;
            }
          else
            p = NULL;
          break;
        case K_DBL:
          p = read_double (h, p, at);
          break;
        default:
          p = *p == '[' ? read_array (h, p, f, at) : NULL;
        }
      if (p == NULL)
        return NULL;
      p = ws (p, end);
      if (p < end && *p == ',')
        p = ws (p + 1, end);
      else if (p < end && *p == '}')
        break;
      else
        return NULL;
    }
  return seen == (1u << n) - 1 ? p + 1 : NULL;
}

static inline const char *
hand_str (const Hand *h, Str s)
{
  return s.len < 0 ? NULL : h->pool->str + s.off;
}

static inline const char *
hand_intern (EvlDocument *doc, const Hand *h, Str s)
{
  return s.len < 0 ? NULL : evl_document_intern (doc, h->pool->str + s.off, s.len);
}

#define RAW(h, sh, T, run, i) (&g_array_index ((h)->objs[sh], T, (run).start + (i)))

/* The document of @d, in from_tree()'s steps; NULL where from_tree()
 * would fail. */
static EvlDocument *
hand_build (Hand *h, const RawDoc *d)
{
  if (d->v != FORMAT_VERSION || d->id.len < 0 || d->text.len < 0)
    return NULL;
  g_autoptr (EvlDocument) doc = evl_document_new (hand_str (h, d->id), hand_str (h, d->text),
                                                  d->text.len, NULL);
  if (doc == NULL)
    return NULL;
  Reader r = { NULL, FALSE };
  const gint64 *ints = (const gint64 *) (void *) h->ints->data;
  const gint64 *tok = ints + d->arr[ARR_TOKENS].start, *sen = ints + d->arr[ARR_SENTENCES].start;
  const gint64 *men = ints + d->arr[ARR_MENTIONS].start;
  Counts n = { (gsize) d->text.len, d->arr[ARR_TOKENS].n / 4, d->arr[ARR_SENTENCES].n / 7,
               d->timexes.n, d->clusters.n, d->arr[ARR_MENTIONS].n / 6, d->events.n };
  evl_document_set_path (doc, hand_str (h, d->path));
  evl_document_set_title (doc, hand_str (h, d->title));
  evl_document_set_url (doc, hand_str (h, d->url));
  if (d->dct.len >= 0 && d->dct_source > EVL_DCT_NONE && d->dct_source <= EVL_DCT_METADATA)
    evl_document_set_dct (doc, hand_str (h, d->dct), (EvlDctSource) d->dct_source);
  for (guint i = 0; i < n.n_sent; i++)
    if (!add_sentence (&r, doc, &n, sen + 7 * i, i))
      return NULL;
  for (guint i = 0; i < n.n_tok; i++)
    if (!add_token (&r, doc, &n, tok + 4 * i))
      return NULL;

  for (guint i = 0; i < n.n_tx; i++)
    {
      const RawTimex *t = RAW (h, SH_TIMEX, RawTimex, d->timexes, i);
      if (!span_ok (&r, n.tlen, t->s, t->e))
        return NULL;
      EvlTimex x = {
        .span = { (guint32) t->s, (guint32) t->e },
        .sentence = (guint32) t->sent,
        .type = (EvlTimexType) CLAMP (t->type, 0, EVL_TIMEX_SET),
        .value = hand_intern (doc, h, t->value),
        .mod = hand_intern (doc, h, t->mod),
        .quant = hand_intern (doc, h, t->quant),
        .freq = hand_intern (doc, h, t->freq),
        .anchor = (gint32) t->anchor,
        .flags = (guint32) t->flags,
        .begin = (EvlDay) t->begin,
        .end = (EvlDay) t->end,
        .grain = (EvlGrain) CLAMP (t->grain, 0, EVL_GRAIN_CENTURY),
      };
      if (!add_timex (&r, doc, &n, &x))
        break;
    }
  if (r.failed)
    return NULL;

  g_autoptr (GPtrArray) aliases = g_ptr_array_new ();
  for (guint i = 0; i < n.n_cl; i++)
    {
      const RawCluster *c = RAW (h, SH_CLUSTER, RawCluster, d->clusters, i);
      if (c->name.len < 0)
        return NULL;
      g_ptr_array_set_size (aliases, 0);
      for (guint k = 0; k < c->aliases.n; k++)
        g_ptr_array_add (aliases, (gpointer) hand_str (h, g_array_index (h->strs, Str,
                                                                          c->aliases.start + k)));
      g_ptr_array_add (aliases, NULL);
      EvlEntityCluster x = { hand_intern (doc, h, c->name), hand_intern (doc, h, c->key),
                             (EvlEntityType) CLAMP (c->type, 0, EVL_ENTITY_LOCATION),
                             (const char *const *) aliases->pdata, (guint32) c->n,
                             hand_intern (doc, h, c->role) };
      evl_document_add_entity_cluster (doc, &x);
    }
  for (guint i = 0; i < n.n_em; i++)
    if (!add_mention (&r, doc, &n, men + 6 * i))
      return NULL;

  g_autoptr (GArray) parts = g_array_new (FALSE, FALSE, sizeof (gint32));
  for (guint i = 0; i < n.n_ev; i++)
    {
      const RawEvent *e = RAW (h, SH_EVENT, RawEvent, d->events, i);
      if (!span_ok (&r, n.tlen, e->s, e->e))
        return NULL;
      EvlEventMention x = {
        .span = { (guint32) e->s, (guint32) e->e },
        .sentence = (guint32) e->sent,
        .lemma = hand_intern (doc, h, e->lemma),
        .klass = (EvlEventClass) CLAMP (e->klass, 0, EVL_EVENT_CLASS_N - 1),
        .type = hand_intern (doc, h, e->type),
        .cameo = hand_intern (doc, h, e->cameo),
        .tense = hand_intern (doc, h, e->tense),
        .aspect = hand_intern (doc, h, e->aspect),
        .polarity = e->polarity ? EVL_POLARITY_NEG : EVL_POLARITY_POS,
        .modality = hand_intern (doc, h, e->modality),
        .flags = (guint32) e->flags,
        .timex = (gint32) e->timex,
        .anchor_method = (EvlAnchorMethod) CLAMP (e->anchor, 0, EVL_ANCHOR_DCT),
        .cue_event = (gint32) e->cue_event,
        .cue_rel = (EvlRel) CLAMP (e->cue_rel, 0, EVL_REL_N - 1),
        .agent = (gint32) e->agent,
        .patient = (gint32) e->patient,
        .location = (gint32) e->location,
        .source = (gint32) e->source,
        .salience = (float) e->salience,
      };
      g_array_set_size (parts, 0);
      for (guint k = 0; k < e->participants.n; k++)
        if (!add_participant (&r, parts, &n, ints[e->participants.start + k]))
          break;
      if (!add_event (&r, doc, &n, &x, parts, i))
        return NULL;
    }

  for (guint i = 0; i < d->gold.n; i++)
    {
      const RawGold *g = RAW (h, SH_GOLD, RawGold, d->gold, i);
      if (!span_ok (&r, n.tlen, g->s, g->e))
        return NULL;
      EvlGoldTag x = { { (guint32) g->s, (guint32) g->e }, hand_intern (doc, h, g->tag),
                       hand_intern (doc, h, g->id), hand_intern (doc, h, g->type),
                       hand_intern (doc, h, g->value) };
      evl_document_add_gold (doc, &x);
    }
  evl_document_set_annotated (doc, TRUE);
  return g_steal_pointer (&doc);
}

#undef RAW

/* The document of line @data, or NULL when the line is to be read the
 * way it was before (see above). */
static EvlDocument *
hand_read (const char *data, gsize len)
{
  static const gsize sizes[SH_DOC] = { sizeof (RawTimex), sizeof (RawCluster), sizeof (RawEvent),
                                       sizeof (RawGold) };
  Hand h = { data + len, g_string_sized_new (len + 64), NULL, g_array_new (FALSE, FALSE, sizeof (gint64)),
             g_array_new (FALSE, FALSE, sizeof (Str)), { NULL }, { { { 0 }, 0, 0 } }, 0 };
  h.pool_end = h.pool->str + h.pool->allocated_len;
  for (guint i = 0; i < SH_DOC; i++)
    h.objs[i] = g_array_new (FALSE, TRUE, (guint) sizes[i]);
  RawDoc d;
  memset (&d, 0, sizeof d);
  EvlDocument *doc = NULL;
  const char *p = ws (data, h.end);
  if (p < h.end && *p == '{' && (p = read_object (&h, p, SH_DOC, (guint8 *) &d)) != NULL
      && ws (p, h.end) == h.end)
    doc = hand_build (&h, &d);
  g_string_free (h.pool, TRUE);
  g_array_free (h.ints, TRUE);
  g_array_free (h.strs, TRUE);
  for (guint i = 0; i < SH_DOC; i++)
    g_array_free (h.objs[i], TRUE);
  return doc;
}
