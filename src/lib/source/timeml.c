/* TimeML reader: TimeBank/AQUAINT .tml (gold TIMEX3/EVENT inline),
 * TempEval-3 .TE3input (DCT only) and SemEval-2015 TimeLine documents
 * (sentences in <s id> with space-separated tokens).
 *
 * The document text is the character content of <TEXT> with every inline
 * tag removed, byte for byte, so that gold spans and the spans of a tagger
 * writing the same text back line up.  Inline TIMEX3 and EVENT elements are
 * recorded with evl_document_add_gold().  The document id is the <DOCID>
 * when it is one word, else the file's basename without extension.
 *
 * SemEval-2015 documents: each non-empty <s> becomes one EvlSentence and its
 * space-separated words EvlTokens (the segmenter leaves a document that
 * already has sentences alone).  Their <s> elements follow each other with
 * nothing in between, so a "\n" is put into the text after each sentence
 * that is not already followed by white space.  The task's sentence numbers
 * stay retrievable: sentence k also has a gold tag { tag = "s", id = the
 * <s id> attribute, span = the sentence span }, the k-th "s" gold tag in
 * order.
 *
 * Security: XML_PARSE_NONET, no entity substitution (XML_PARSE_NOENT is
 * never set), no DTD loading; an external entity reference contributes
 * nothing to the text.  libxml2 diagnostics are silenced and become
 * EVL_ERROR_PARSE with the line number. */
#include "source-private.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* An inline element seen while flattening <TEXT>. */
typedef struct {
  xmlNode *node;
  guint32 start, end;
} Mark;

typedef struct {
  GString *text;
  GArray *marks;      /* Mark: TIMEX3, EVENT and s elements, document order */
} Flatten;

static gboolean
name_is (const xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->name
         && strcmp ((const char *) n->name, name) == 0;
}

static xmlNode *
find_element (xmlNode *n, const char *name)
{
  for (; n; n = n->next)
    {
      if (name_is (n, name))
        return n;
      if (n->type == XML_ELEMENT_NODE)
        {
          xmlNode *hit = find_element (n->children, name);
          if (hit)
            return hit;
        }
    }
  return NULL;
}

static void
flatten (Flatten *f, xmlNode *n)
{
  for (; n; n = n->next)
    {
      switch (n->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (n->content)
            g_string_append (f->text, (const char *) n->content);
          break;
        case XML_ELEMENT_NODE:
          {
            gboolean keep = name_is (n, "TIMEX3") || name_is (n, "EVENT") || name_is (n, "s");
            guint idx = f->marks->len;
            if (keep)
              {
                Mark m = { n, (guint32) f->text->len, 0 };
                g_array_append_val (f->marks, m);
              }
            flatten (f, n->children);
            if (keep)
              {
                g_array_index (f->marks, Mark, idx).end = (guint32) f->text->len;
                if (name_is (n, "s"))
                  {
                    /* Adjacent <s> elements: keep sentences apart in the text. */
                    const xmlNode *next = n->next;
                    gboolean ws_follows = next && next->type == XML_TEXT_NODE && next->content
                                          && g_ascii_isspace (next->content[0]);
                    if (!ws_follows)
                      g_string_append_c (f->text, '\n');
                  }
              }
          }
          break;
        default:
          /* Entity references stay unresolved; comments and PIs are not text. */
          break;
        }
    }
}

/* (transfer full) The element's text content, trimmed; NULL when empty. */
static char *
element_text (xmlNode *n)
{
  if (n == NULL)
    return NULL;
  xmlChar *raw = xmlNodeGetContent (n);
  if (raw == NULL)
    return NULL;
  char *s = g_strstrip (g_strdup ((const char *) raw));
  xmlFree (raw);
  if (*s == '\0')
    {
      g_free (s);
      return NULL;
    }
  return s;
}

/* (transfer full) Attribute @name of @n in GLib memory, or NULL. */
static char *
attr_dup (xmlNode *n, const char *name)
{
  xmlChar *v = xmlGetProp (n, (const xmlChar *) name);
  if (v == NULL)
    return NULL;
  char *s = g_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

static const char *
attr_intern (EvlDocument *doc, xmlNode *n, const char *name)
{
  g_autofree char *v = attr_dup (n, name);
  return v ? evl_document_intern (doc, v, -1) : NULL;
}

/* First TIMEX3 under @n (document order) with functionInDocument=CREATION_TIME. */
static xmlNode *
find_creation_time (xmlNode *n)
{
  for (; n; n = n->next)
    {
      if (name_is (n, "TIMEX3"))
        {
          g_autofree char *fn = attr_dup (n, "functionInDocument");
          if (fn && strcmp (fn, "CREATION_TIME") == 0)
            return n;
        }
      else if (n->type == XML_ELEMENT_NODE)
        {
          xmlNode *hit = find_creation_time (n->children);
          if (hit)
            return hit;
        }
    }
  return NULL;
}

/* The creation time: <DCT><TIMEX3 value>, else any TIMEX3 whose
 * functionInDocument is CREATION_TIME; its text when it has no value.  A
 * compact YYYYMMDD (as some corpora write it) gets its dashes. */
static char *
find_dct (xmlNode *root)
{
  xmlNode *dct = find_element (root, "DCT");
  xmlNode *t = dct ? find_element (dct->children, "TIMEX3") : NULL;
  if (t == NULL)
    t = find_creation_time (root);
  char *v = t ? attr_dup (t, "value") : NULL;
  if (t && (v == NULL || *g_strstrip (v) == '\0'))
    {
      g_free (v);
      v = element_text (t);
    }
  if (v == NULL && dct)
    v = element_text (dct);
  if (v && strlen (v) >= 8 && strspn (v, "0123456789") == 8 && (v[8] == '\0' || v[8] == 'T'))
    {
      char *iso = g_strdup_printf ("%.4s-%.2s-%.2s%s", v, v + 4, v + 6, v + 8);
      g_free (v);
      v = iso;
    }
  return v;
}

/* The id: the <DOCID> (SemEval-2015 mentions are "DOCID-SENTENCE-TOKEN"),
 * else the basename of @name without its last extension. */
static char *
doc_id (xmlNode *root, const char *name)
{
  char *docid = element_text (find_element (root, "DOCID"));
  if (docid && strlen (docid) < 256 && strpbrk (docid, "/\\ \t\n") == NULL)
    return docid;
  g_free (docid);
  char *base = g_path_get_basename (name);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  return base;
}

static guint16
token_flags (const char *s, gsize len, gboolean first)
{
  guint16 fl = first ? EVL_TOKEN_SENT_START : 0;
  gunichar c = g_utf8_get_char (s);
  if (g_unichar_isdigit (c))
    fl |= EVL_TOKEN_NUMBER;
  else if (g_unichar_isalpha (c))
    fl |= EVL_TOKEN_WORD;
  else
    fl |= EVL_TOKEN_PUNCT;
  if (c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019
      || (len == 2 && (memcmp (s, "``", 2) == 0 || memcmp (s, "''", 2) == 0)))
    fl |= EVL_TOKEN_QUOTE;
  if (g_unichar_isupper (c))
    {
      fl |= EVL_TOKEN_CAP;
      gboolean all = TRUE, letters = FALSE;
      for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
        {
          gunichar u = g_utf8_get_char (p);
          if (g_unichar_isalpha (u))
            {
              letters = TRUE;
              if (!g_unichar_isupper (u))
                all = FALSE;
            }
        }
      if (all && letters && len > 1)
        fl |= EVL_TOKEN_ALLCAPS;
    }
  return fl;
}

/* SemEval-2015: one sentence per <s>, tokens split at white space. */
static void
add_sentence (EvlDocument *doc, const Mark *m)
{
  const char *text = evl_document_get_text (doc, NULL);
  EvlSentence s = { { m->start, m->start }, 0, 0, 0, 0, 0 };
  guint n_sent = 0;
  evl_document_get_sentences (doc, &n_sent);
  evl_document_get_tokens (doc, &s.first_token);
  guint32 i = m->start;
  while (i < m->end)
    {
      while (i < m->end && g_ascii_isspace (text[i]))
        i++;
      if (i >= m->end)
        break;
      guint32 b = i;
      while (i < m->end && !g_ascii_isspace (text[i]))
        i++;
      EvlToken t = { { b, i }, n_sent, token_flags (text + b, i - b, s.n_tokens == 0) };
      evl_document_add_token (doc, &t);
      if (s.n_tokens == 0)
        s.span.start = b;
      s.span.end = i;
      s.n_tokens++;
    }
  if (s.n_tokens == 0)
    return;
  evl_document_add_sentence (doc, &s);
  EvlGoldTag g = { s.span, "s", attr_intern (doc, m->node, "id"), NULL, NULL };
  evl_document_add_gold (doc, &g);
}

/* eventID -> tense (interned) of each event's first MAKEINSTANCE under
 * @n: TimeML 1.2 keeps tense and aspect on the instance, not the EVENT. */
static void
collect_instances (EvlDocument *doc, xmlNode *n, GHashTable *tense)
{
  for (; n; n = n->next)
    {
      if (name_is (n, "MAKEINSTANCE"))
        {
          g_autofree char *eid = attr_dup (n, "eventID");
          const char *t = attr_intern (doc, n, "tense");
          if (eid && t && !g_hash_table_contains (tense, eid))
            g_hash_table_insert (tense, (gpointer) evl_document_intern (doc, eid, -1), (gpointer) t);
        }
      else if (n->type == XML_ELEMENT_NODE)
        collect_instances (doc, n->children, tense);
    }
}

/* An EVENT's gold tag holds its class as type and its tense (from the
 * EVENT, else its first instance) as value. */
static void
add_gold (EvlDocument *doc, const Mark *m, GHashTable *tense)
{
  EvlGoldTag g = { { m->start, m->end }, NULL, NULL, NULL, NULL };
  if (name_is (m->node, "TIMEX3"))
    {
      g.tag = "TIMEX3";
      g.id = attr_intern (doc, m->node, "tid");
      g.type = attr_intern (doc, m->node, "type");
      g.value = attr_intern (doc, m->node, "value");
    }
  else
    {
      g.tag = "EVENT";
      g.id = attr_intern (doc, m->node, "eid");
      g.type = attr_intern (doc, m->node, "class");
      g.value = attr_intern (doc, m->node, "tense");
      if (g.value == NULL && g.id)
        g.value = g_hash_table_lookup (tense, g.id);
    }
  evl_document_add_gold (doc, &g);
}

/* A one-line EXTRAINFO (SemEval-2015 puts the headline there) that is not
 * just the wire header (which starts with the DOCID). */
static char *
find_title (xmlNode *root)
{
  char *title = element_text (find_element (root, "TITLE"));
  if (title)
    return title;
  g_autofree char *extra = element_text (find_element (root, "EXTRAINFO"));
  g_autofree char *docid = element_text (find_element (root, "DOCID"));
  if (extra == NULL || strchr (extra, '\n') || strlen (extra) > 300
      || (docid && g_str_has_prefix (extra, docid)))
    return NULL;
  return g_steal_pointer (&extra);
}

gboolean
evl_source_load_timeml (const char *name, const char *data, gsize len,
                        const EvlLoadOptions *opts, GPtrArray *out, GError **error)
{
  g_return_val_if_fail (name != NULL && out != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  if (len > G_MAXINT)
    return evl_fail (error, EVL_ERROR_TOO_LARGE, "%s: TimeML document larger than 2 GiB", name);

  g_autoptr (xmlParserCtxt) ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    return evl_fail (error, EVL_ERROR_PARSE, "%s: cannot create an XML parser", name);
  g_autoptr (xmlDoc) xdoc = xmlCtxtReadMemory (ctxt, data, (int) len, name, NULL, PARSE_OPTIONS);
  if (xdoc == NULL || !ctxt->wellFormed)
    {
      const xmlError *xe = xmlCtxtGetLastError (ctxt);
      if (xe && xe->message)
        {
          g_autofree char *msg = g_strchomp (g_strdup (xe->message));
          return evl_fail (error, EVL_ERROR_PARSE, "%s:%d: %s", name, xe->line, msg);
        }
      return evl_fail (error, EVL_ERROR_PARSE, "%s: not well-formed XML", name);
    }
  xmlNode *root = xmlDocGetRootElement (xdoc);
  xmlNode *text_el = root ? find_element (root, "TEXT") : NULL;
  if (text_el == NULL)
    return evl_fail (error, EVL_ERROR_PARSE, "%s:%d: no <TEXT> element", name,
                     root ? (int) xmlGetLineNo (root) : 1);

  Flatten f = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (Mark)) };
  flatten (&f, text_el->children);
  g_autoptr (GArray) marks = f.marks;
  g_autofree char *id = doc_id (root, name);
  g_autoptr (GError) local = NULL;
  g_autoptr (EvlDocument) doc = evl_document_new (id, f.text->str, (gssize) f.text->len, &local);
  g_string_free (f.text, TRUE);
  if (doc == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  g_autofree char *dct = find_dct (root);
  if (dct)
    evl_document_set_dct (doc, dct, EVL_DCT_METADATA);
  if (evl_document_get_dct (doc) == NULL && opts && opts->default_dct)
    evl_document_set_dct (doc, opts->default_dct, EVL_DCT_DEFAULT);
  g_autofree char *title = find_title (root);
  if (title)
    evl_document_set_title (doc, title);

  /* keys and values interned in the document */
  g_autoptr (GHashTable) tense = g_hash_table_new (g_str_hash, g_str_equal);
  collect_instances (doc, root, tense);
  for (guint i = 0; i < marks->len; i++)
    {
      const Mark *m = &g_array_index (marks, Mark, i);
      if (name_is (m->node, "s"))
        add_sentence (doc, m);
      else
        add_gold (doc, m, tense);
    }
  g_ptr_array_add (out, g_steal_pointer (&doc));
  return TRUE;
}

gboolean
evl_source_sniff_timeml (const char *data, gsize len)
{
  if (data == NULL)
    return FALSE;
  gsize i = 0;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i >= len || data[i] != '<')
    return FALSE;
  gsize head = MIN (len, (gsize) 4096);
  if (g_strstr_len (data, (gssize) head, "<TimeML") != NULL)
    return TRUE;
  gsize body = MIN (len, (gsize) 65536);
  return g_strstr_len (data, (gssize) body, "<TEXT>") != NULL
         || g_strstr_len (data, (gssize) body, "<TEXT ") != NULL;
}
