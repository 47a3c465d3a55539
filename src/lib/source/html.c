/* HTML loader: a saved news page -> one EvlDocument holding the article's
 * main text, its title, URL and publication date.
 *
 * 1. Bytes -> UTF-8 by the page's declared charset (decode.c), then
 *    libxml2's HTML parser with NONET (nothing is ever fetched) and
 *    RECOVER.  libxml2 caps element nesting at 256 levels, and every walk
 *    here is iterative over parent/next pointers, so hostile nesting costs
 *    neither stack nor time.
 * 2. One pre-order pass lists the elements with their own text length,
 *    link text and commas, and flags page furniture: by tag (script, nav,
 *    aside, footer ...), ARIA role, hidden state, and words of class, id
 *    and data-component/data-testid/data-module values from
 *    data/lexicons/en/html-boilerplate.txt (cookie, newsletter, related,
 *    comment, author-bio, byline ...); AMP components but amp-fit-text,
 *    amp-accordion, amp-live-list and amp-story*.  Hints and
 *    <header>/<form> are tentative: they never remove the article itself
 *    or its ancestors (a wrapper "layout-with-sidebar" around everything
 *    must survive).  So are teaser cards: a block with a linked <h2>-<h6>
 *    and a short summary.
 * 3. The article: the itemprop=articleBody, <article> or <main> element
 *    with the most paragraph text (sibling <article>s holding most of the
 *    text together, as in a live blog, are taken through their parent);
 *    without one, the element scoring best on paragraph text
 *    (readability-style: paragraphs of 25+ bytes - a <p>, or the running
 *    text of a <div>, <td>, <li> outside nested blocks - score 1 + commas
 *    + length/100 for their parent, half for the grandparent, discounted
 *    by link density), widened to its parent while that adds a quarter
 *    more paragraph text.
 * 4. Emission: block elements become paragraphs separated by a blank
 *    line, headings their own paragraph, <br><br> a paragraph break; a
 *    block or list that is mostly link text (teaser lists) is skipped, and
 *    so are paragraphs that are furniture by their words (an ad label,
 *    "Read more:" with a link, a copyright notice) and a heading left
 *    last.  When the article has no <h1> of its own, the title starts the
 *    text as a heading line, as in the plain-text inputs.
 * 5. Metadata, strongest first.  Date: article:published_time, JSON-LD
 *    datePublished of an Article (@graph arrays included), any
 *    itemprop=datePublished, meta date tags (date, pubdate, DC.date ...),
 *    JSON-LD datePublished of another type, <time datetime> (with pubdate,
 *    else the one nearest the article outside furniture, a modification
 *    time last), a date in the URL (/2023/09/14/, /20230914/).  Title:
 *    og:title, JSON-LD headline, twitter:title or itemprop=headline, first
 *    kept <h1>, <title>; og:site_name and a print view's "Print:" are cut
 *    off.  URL: og:url, <link rel=canonical>, JSON-LD url, a saved page's
 *    "saved from url=" comment. */
#include "source-private.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)
#define HINTS_RESOURCE "/org/eventline/lexicons/en/html-boilerplate.txt"
#define JSON_MAX_DEPTH 64
#define KEY_MAX 64
#define PRIO_TITLE_TAG 9   /* <title>: weakest title source */

/* ---- tag and hint tables (immutable, built once per process) ---- */

enum {
  T_BLOCK = 1 << 0,    /* ends the current paragraph */
  T_HEADING = 1 << 1,
  T_DROP = 1 << 2,     /* never article text */
  T_TENTATIVE = 1 << 3,/* furniture unless it holds the article */
  T_LIST = 1 << 4,     /* skipped whole when mostly links */
};

/* HINT_META: a byline or dateline, dropped from the text but searched for
 * the page's <time datetime>. */
enum { HINT_DROP = 1, HINT_CONTENT = 2, HINT_META = 4 };

static const struct {
  const char *name;
  guint flags;
} tag_table[] = {
  { "p", T_BLOCK }, { "div", T_BLOCK }, { "section", T_BLOCK }, { "article", T_BLOCK },
  { "main", T_BLOCK }, { "blockquote", T_BLOCK }, { "pre", T_BLOCK }, { "address", T_BLOCK },
  { "center", T_BLOCK }, { "fieldset", T_BLOCK }, { "details", T_BLOCK }, { "summary", T_BLOCK },
  { "hr", T_BLOCK }, { "li", T_BLOCK }, { "dt", T_BLOCK }, { "dd", T_BLOCK }, { "tr", T_BLOCK },
  { "caption", T_BLOCK }, { "body", T_BLOCK },
  { "ul", T_BLOCK | T_LIST }, { "ol", T_BLOCK | T_LIST }, { "dl", T_BLOCK | T_LIST },
  { "menu", T_BLOCK | T_DROP }, { "table", T_BLOCK | T_LIST },
  /* cells are blocks: on news pages tables lay out the page, and a
   * navigation cell must not run into the story beside it */
  { "td", T_BLOCK }, { "th", T_BLOCK },
  { "h1", T_BLOCK | T_HEADING }, { "h2", T_BLOCK | T_HEADING }, { "h3", T_BLOCK | T_HEADING },
  { "h4", T_BLOCK | T_HEADING }, { "h5", T_BLOCK | T_HEADING }, { "h6", T_BLOCK | T_HEADING },
  { "header", T_BLOCK | T_TENTATIVE }, { "form", T_BLOCK | T_TENTATIVE },
  { "nav", T_BLOCK | T_DROP }, { "aside", T_BLOCK | T_DROP }, { "footer", T_BLOCK | T_DROP },
  { "figure", T_BLOCK | T_DROP }, { "figcaption", T_BLOCK | T_DROP },
  { "script", T_DROP }, { "style", T_DROP }, { "noscript", T_DROP }, { "template", T_DROP },
  { "iframe", T_DROP }, { "svg", T_DROP }, { "math", T_DROP }, { "canvas", T_DROP },
  { "object", T_DROP }, { "embed", T_DROP }, { "video", T_DROP }, { "audio", T_DROP },
  { "button", T_DROP }, { "input", T_DROP }, { "select", T_DROP }, { "textarea", T_DROP },
  { "label", T_DROP }, { "dialog", T_DROP }, { "head", T_DROP }, { "title", T_DROP },
};

/* ARIA landmarks that are never the article. */
static const char *const drop_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
  "alertdialog", "menu", "menubar", "toolbar", "tablist", "alert", NULL
};

typedef struct {
  GHashTable *tags;   /* tag name -> flags */
  GHashTable *hints;  /* folded word -> HINT_* */
} Tables;

static const Tables *
tables_get (void)
{
  static gsize once = 0;
  static Tables t;
  if (g_once_init_enter (&once))
    {
      t.tags = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (tag_table); i++)
        g_hash_table_insert (t.tags, (gpointer) tag_table[i].name, GUINT_TO_POINTER (tag_table[i].flags));
      t.hints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr (GBytes) bytes = g_resource_lookup_data (evl_data_get_resource (), HINTS_RESOURCE, 0, NULL);
      gsize n = 0;
      const char *data = bytes ? g_bytes_get_data (bytes, &n) : NULL;
      g_autofree char *copy = data ? g_strndup (data, n) : g_strdup ("");
      g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        {
          char *line = g_strstrip (lines[i]);
          if (*line == '\0' || *line == '#')
            continue;
          char *tab = strchr (line, '\t');
          if (tab == NULL)
            continue;
          *tab = '\0';
          guint kind = strstr (tab + 1, "content") ? HINT_CONTENT
                       : strstr (tab + 1, "byline") ? (HINT_DROP | HINT_META) : HINT_DROP;
          g_auto (GStrv) forms = g_strsplit (line, "|", -1);
          for (guint j = 0; forms[j]; j++)
            {
              char *f = g_ascii_strdown (g_strstrip (forms[j]), -1);
              if (*f == '\0' || g_hash_table_contains (t.hints, f))
                g_free (f);
              else
                g_hash_table_insert (t.hints, f, GUINT_TO_POINTER (kind));
            }
        }
      g_once_init_leave (&once, 1);
    }
  return &t;
}

static guint
hint_lookup (const Tables *t, const char *key, gsize len)
{
  char buf[KEY_MAX];
  if (len == 0 || len >= sizeof buf)
    return 0;
  for (gsize i = 0; i < len; i++)
    buf[i] = g_ascii_tolower (key[i]);
  buf[len] = '\0';
  return GPOINTER_TO_UINT (g_hash_table_lookup (t->hints, buf));
}

/* Hints in a class or id value: whole tokens may say "content", "drop" or
 * "byline"; words inside a token and adjacent word pairs only the last two. */
static guint
classify_attr (const Tables *t, const char *v)
{
  guint found = 0;
  const char *p = v;
  while (*p)
    {
      while (*p && g_ascii_isspace (*p))
        p++;
      const char *tok = p;
      while (*p && !g_ascii_isspace (*p))
        p++;
      gsize tl = (gsize) (p - tok);
      if (tl == 0)
        break;
      found |= hint_lookup (t, tok, tl);
      const char *prev = NULL;
      gsize prev_len = 0;
      for (const char *w = tok; w < p;)
        {
          while (w < p && !g_ascii_isalnum (*w))
            w++;
          const char *ws = w;
          while (w < p && g_ascii_isalnum (*w))
            w++;
          gsize wl = (gsize) (w - ws);
          if (wl == 0)
            break;
          found |= hint_lookup (t, ws, wl) & (HINT_DROP | HINT_META);
          if (prev && prev_len + 1 + wl < KEY_MAX)
            {
              char pair[KEY_MAX];
              memcpy (pair, prev, prev_len);
              pair[prev_len] = '-';
              memcpy (pair + prev_len + 1, ws, wl);
              found |= hint_lookup (t, pair, prev_len + 1 + wl) & (HINT_DROP | HINT_META);
            }
          prev = ws;
          prev_len = wl;
        }
    }
  return found;
}

/* (transfer full) @v with a '-' between a lower-case letter and an upper-case
 * one: "AuthorByline" -> "Author-Byline", so its words are looked up. */
static char *
split_camel (const char *v)
{
  GString *s = g_string_sized_new (strlen (v) + 8);
  for (const char *p = v; *p; p++)
    {
      if (p > v && g_ascii_isupper (*p) && g_ascii_islower (p[-1]))
        g_string_append_c (s, '-');
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* ---- element list ---- */

typedef struct {
  xmlNode *node;
  gint32 parent;
  guint32 tag;          /* T_* flags */
  guint32 own_text;     /* non-space bytes of direct text children */
  guint32 own_commas;
  guint8 hard, tentative, marker, is_p, is_a, is_h1;
  guint8 hinted;        /* tentative by a class/id word */
  guint8 meta;          /* a byline: hinted, but its <time> dates the page */
  /* aggregates over kept descendants (recomputed by aggregate()) */
  guint32 text, link, ptext, commas;
  /* the same over text outside nested blocks: a <div> or <td> holding
   * running text is a paragraph as much as a <p> */
  guint32 itext, ilink, icommas;
  float score;
  guint8 drop_eff;      /* this element or an ancestor is dropped */
} Elem;

/* Candidate metadata value: lower prio wins. */
typedef struct {
  char *value;
  int prio;
} Cand;

typedef struct {
  Cand title, date, url;
  Cand site;           /* og:site_name */
  Cand body;           /* JSON-LD articleBody: the text of script-rendered pages */
  GPtrArray *times;    /* xmlNode* <time datetime>, document order */
  GPtrArray *ldjson;   /* xmlNode* <script type=application/ld+json> */
} PageMeta;

static void
cand_set (Cand *c, int prio, const char *value)
{
  if (value == NULL || *value == '\0' || (c->value && c->prio <= prio))
    return;
  g_free (c->value);
  c->value = g_strdup (value);
  c->prio = prio;
}

static void
cand_set_date (Cand *c, int prio, const char *value)
{
  if (c->value && c->prio <= prio)
    return;
  g_autofree char *d = evl_source_normalize_date (value);
  cand_set (c, prio, d);
}

static char *
attr (xmlNode *n, const char *name)
{
  xmlChar *v = xmlGetProp (n, (const xmlChar *) name);
  if (v == NULL)
    return NULL;
  char *copy = g_strdup ((const char *) v);
  xmlFree (v);
  return copy;
}

static gboolean
attr_has (xmlNode *n, const char *name)
{
  return xmlHasProp (n, (const xmlChar *) name) != NULL;
}

/* Whitespace-collapsed, trimmed UTF-8 text of @n's subtree (iterative). */
static char *
node_text (xmlNode *n)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;
  xmlNode *c = n;
  while (c)
    {
      if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
        for (const guchar *p = c->content; *p; p++)
          {
            if (g_ascii_isspace (*p) || (p[0] == 0xC2 && p[1] == 0xA0))
              {
                space = TRUE;
                if (*p == 0xC2)
                  p++;
                continue;
              }
            if (space && s->len)
              g_string_append_c (s, ' ');
            space = FALSE;
            g_string_append_c (s, (char) *p);
          }
      if (c->type == XML_ELEMENT_NODE && c->children && s->len < 4096)
        {
          c = c->children;
          continue;
        }
      while (c != n && c->next == NULL)
        c = c->parent;
      c = c == n ? NULL : c->next;
    }
  return g_string_free (s, FALSE);
}

static void
read_meta_tag (xmlNode *n, PageMeta *m)
{
  g_autofree char *content = attr (n, "content");
  if (content == NULL)
    return;
  g_autofree char *key = NULL;
  static const char *const key_attrs[] = { "property", "name", "itemprop", "http-equiv", NULL };
  for (guint i = 0; key_attrs[i] && key == NULL; i++)
    {
      char *v = attr (n, key_attrs[i]);
      if (v)
        key = g_ascii_strdown (v, -1);
      g_free (v);
    }
  if (key == NULL)
    return;
  static const char *const date_keys[] = {
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
    "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "article:published", "og:published_time", "og:article:published_time",
    "originalpublicationdate", "publication_date", "citation_publication_date",
    "citation_date", "displaydate", "dc.date.published", "date_published", "published_date",
    "pub_date", "publication-date", "article_date_original", "original-publish-date",
    "dcterms.available", "dc.date.available", NULL
  };
  if (strcmp (key, "article:published_time") == 0)
    cand_set_date (&m->date, 0, content);
  else if (strcmp (key, "datepublished") == 0)
    cand_set_date (&m->date, 2, content);
  else if (g_strv_contains (date_keys, key))
    cand_set_date (&m->date, 3, content);
  else if (strcmp (key, "og:title") == 0)
    cand_set (&m->title, 0, g_strstrip (content));
  else if (strcmp (key, "headline") == 0)
    cand_set (&m->title, 2, g_strstrip (content));
  else if (strcmp (key, "twitter:title") == 0)
    cand_set (&m->title, 2, g_strstrip (content));
  else if (strcmp (key, "og:site_name") == 0 || strcmp (key, "application-name") == 0)
    cand_set (&m->site, strcmp (key, "og:site_name") == 0 ? 0 : 1, g_strstrip (content));
  else if (strcmp (key, "og:url") == 0)
    cand_set (&m->url, 0, g_strstrip (content));
}

/* ---- JSON-LD ---- */

static gboolean
ld_type_is_article (JsonObject *o)
{
  JsonNode *t = json_object_get_member (o, "@type");
  if (t == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (t))
    {
      JsonArray *a = json_node_get_array (t);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *e = json_array_get_element (a, i);
          const char *s = JSON_NODE_HOLDS_VALUE (e) ? json_node_get_string (e) : NULL;
          if (s && (strstr (s, "Article") || strstr (s, "Posting") || strstr (s, "Report")))
            return TRUE;
        }
      return FALSE;
    }
  const char *s = JSON_NODE_HOLDS_VALUE (t) ? json_node_get_string (t) : NULL;
  return s && (strstr (s, "Article") || strstr (s, "Posting") || strstr (s, "Report"));
}

static const char *
ld_string (JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member (o, key);
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
         ? json_node_get_string (n) : NULL;
}

/* Depth is bounded by evl_source_json_depth_ok() before parsing. */
static void
ld_visit (JsonNode *node, PageMeta *m)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (a); i++)
        ld_visit (json_array_get_element (a, i), m);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  JsonObject *o = json_node_get_object (node);
  gboolean article = ld_type_is_article (o);
  cand_set_date (&m->date, article ? 1 : 4, ld_string (o, "datePublished"));
  if (article)
    {
      cand_set (&m->title, 1, ld_string (o, "headline"));
      cand_set (&m->body, 1, ld_string (o, "articleBody"));
      cand_set (&m->url, 2, ld_string (o, "url"));
    }
  ld_visit (json_object_get_member (o, "@graph"), m);
  ld_visit (json_object_get_member (o, "mainEntity"), m);
}

static void
read_ldjson (PageMeta *m)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  for (guint i = 0; i < m->ldjson->len; i++)
    {
      g_autofree char *text = NULL;
      xmlChar *raw = xmlNodeGetContent (m->ldjson->pdata[i]);
      if (raw == NULL)
        continue;
      text = g_strdup ((const char *) raw);
      xmlFree (raw);
      /* Common breakage: a CDATA or comment wrapper (parse from the first
       * '{' or '[' to the last '}' or ']'), raw line breaks inside strings
       * (control bytes become spaces). */
      char *from = strstr (text, "<![CDATA[");
      if (from)
        {
          from += 9;
          char *close = g_strrstr (from, "]]");
          if (close)
            *close = '\0';
        }
      char *start = strpbrk (from ? from : text, "{[");
      char *end = start ? start + strlen (start) : NULL;
      while (end && end > start && end[-1] != '}' && end[-1] != ']')
        end--;
      if (start == NULL || end == start)
        continue;
      *end = '\0';
      for (char *c = start; *c; c++)
        if ((guchar) *c < 0x20)
          *c = ' ';
      gsize len = (gsize) (end - start);
      if (!evl_source_json_depth_ok (start, len, JSON_MAX_DEPTH)
          || !json_parser_load_from_data (parser, start, (gssize) len, NULL))
        continue;  /* broken JSON-LD is common and never fatal */
      ld_visit (json_parser_get_root (parser), m);
    }
}

/* ---- pass 1: list elements, flag furniture, gather metadata ---- */

static guint
count_text (const guchar *p, guint32 *commas)
{
  guint n = 0;
  for (; *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      n++;
      if (*p == ',')
        (*commas)++;
    }
  return n;
}

static gboolean
is_hidden (xmlNode *n)
{
  if (attr_has (n, "hidden"))
    return TRUE;
  g_autofree char *aria = attr (n, "aria-hidden");
  if (aria && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  g_autofree char *style = attr (n, "style");
  if (style == NULL)
    return FALSE;
  g_autofree char *s = g_ascii_strdown (style, -1);
  char *w = s;
  for (char *r = s; *r; r++)  /* drop spaces: "display : none" */
    if (!g_ascii_isspace (*r))
      *w++ = *r;
  *w = '\0';
  return strstr (s, "display:none") != NULL || strstr (s, "visibility:hidden") != NULL;
}

static void
visit_element (const Tables *t, Elem *e, gboolean in_article, PageMeta *m)
{
  xmlNode *n = e->node;
  const char *name = (const char *) n->name;
  e->tag = GPOINTER_TO_UINT (g_hash_table_lookup (t->tags, name));
  /* AMP components are ads, menus, share buttons, consent prompts, embeds
   * and analytics; only a few hold the page's own text (a live blog's
   * updates, web story pages, fitted or folded text). */
  if (g_str_has_prefix (name, "amp-") && strcmp (name, "amp-fit-text") != 0
      && strcmp (name, "amp-accordion") != 0 && strcmp (name, "amp-live-list") != 0
      && !g_str_has_prefix (name, "amp-story"))
    e->tag = T_DROP;
  e->is_p = strcmp (name, "p") == 0;
  e->is_a = strcmp (name, "a") == 0;
  e->is_h1 = strcmp (name, "h1") == 0;
  if (e->tag & T_DROP)
    e->hard = TRUE;
  if ((e->tag & T_TENTATIVE) && !in_article)
    e->tentative = TRUE;
  if (strcmp (name, "article") == 0)
    e->marker = 2;
  else if (strcmp (name, "main") == 0)
    e->marker = 1;

  g_autofree char *role = attr (n, "role");
  if (role)
    {
      if (g_strv_contains (drop_roles, role))
        e->hard = TRUE;
      else if (strcmp (role, "main") == 0 && e->marker == 0)
        e->marker = 1;
    }
  g_autofree char *itemprop = attr (n, "itemprop");
  if (itemprop && strcmp (itemprop, "articleBody") == 0)
    e->marker = 3;
  if (itemprop && strcmp (itemprop, "headline") == 0 && strcmp (name, "meta") != 0)
    {
      g_autofree char *h = node_text (n);
      cand_set (&m->title, 2, h);
    }
  if (is_hidden (n))
    e->hard = TRUE;
  g_autofree char *klass = attr (n, "class");
  g_autofree char *id = attr (n, "id");
  guint hints = (klass ? classify_attr (t, klass) : 0) | (id ? classify_attr (t, id) : 0);
  /* component names of script-built pages ("links-block", "AuthorByline") */
  static const char *const data_attrs[] = { "data-component", "data-testid", "data-module", NULL };
  for (guint i = 0; data_attrs[i] && n->properties; i++)
    {
      g_autofree char *v = attr (n, data_attrs[i]);
      g_autofree char *split = v ? split_camel (v) : NULL;
      hints |= split ? classify_attr (t, split) : 0;
    }
  if ((hints & HINT_DROP) && !(hints & HINT_CONTENT) && e->marker < 2
      && strcmp (name, "body") != 0 && strcmp (name, "html") != 0)
    {
      e->tentative = e->hinted = TRUE;
      e->meta = (hints & HINT_META) != 0;
    }

  /* metadata */
  if (strcmp (name, "title") == 0 && !m->title.value)
    {
      g_autofree char *s = node_text (n);
      cand_set (&m->title, PRIO_TITLE_TAG, s);
    }
  else if (strcmp (name, "meta") == 0)
    read_meta_tag (n, m);
  else if (strcmp (name, "link") == 0)
    {
      g_autofree char *rel = attr (n, "rel");
      g_autofree char *href = attr (n, "href");
      if (rel && href && g_ascii_strcasecmp (rel, "canonical") == 0)
        cand_set (&m->url, 1, href);
    }
  else if (strcmp (name, "script") == 0)
    {
      g_autofree char *type = attr (n, "type");
      if (type && g_ascii_strcasecmp (type, "application/ld+json") == 0)
        g_ptr_array_add (m->ldjson, n);
    }
  else if (strcmp (name, "time") == 0 && attr_has (n, "datetime"))
    g_ptr_array_add (m->times, n);
  if (itemprop && strcmp (itemprop, "datePublished") == 0 && strcmp (name, "meta") != 0)
    {
      g_autofree char *dt = attr (n, "datetime");
      g_autofree char *txt = dt ? NULL : node_text (n);
      cand_set_date (&m->date, 2, dt ? dt : txt);
    }
}

static guint
elem_index (const xmlNode *n)
{
  return GPOINTER_TO_UINT (n->_private) - 1;
}

static GArray *
collect (xmlNode *root, PageMeta *m)
{
  const Tables *t = tables_get ();
  GArray *elems = g_array_new (FALSE, TRUE, sizeof (Elem));
  xmlNode *n = root;
  while (n)
    {
      if (n->type == XML_ELEMENT_NODE && n->name)
        {
          Elem e = { 0 };
          e.node = n;
          e.parent = (n != root && n->parent && n->parent->_private)
                     ? (gint32) elem_index (n->parent) : -1;
          gboolean in_article = FALSE;
          for (gint32 p = e.parent; p >= 0 && !in_article; p = g_array_index (elems, Elem, p).parent)
            in_article = g_array_index (elems, Elem, p).marker >= 2;
          visit_element (t, &e, in_article, m);
          g_array_append_val (elems, e);
          n->_private = GUINT_TO_POINTER (elems->len);
          if (n->children)
            {
              n = n->children;
              continue;
            }
        }
      else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content
               && n->parent && n->parent->_private)
        {
          Elem *p = &g_array_index (elems, Elem, elem_index (n->parent));
          p->own_text += count_text (n->content, &p->own_commas);
        }
      while (n != root && n->next == NULL)
        n = n->parent;
      n = n == root ? NULL : n->next;
    }
  return elems;
}

/* ---- passes 2-3: drops, aggregates, the article ---- */

static void
propagate_drops (GArray *elems, gboolean tentative_too)
{
  for (guint i = 0; i < elems->len; i++)
    {
      Elem *e = &g_array_index (elems, Elem, i);
      gboolean parent = e->parent >= 0 && g_array_index (elems, Elem, e->parent).drop_eff;
      e->drop_eff = parent || e->hard || (tentative_too && e->tentative);
    }
}

/* Sums text over kept descendants: a dropped element keeps its own totals
 * (a marker inside a dropped area can still be measured) but adds nothing
 * to its parent. */
static void
aggregate (GArray *elems)
{
  for (guint i = 0; i < elems->len; i++)
    {
      Elem *e = &g_array_index (elems, Elem, i);
      e->text = e->itext = e->own_text;
      e->commas = e->icommas = e->own_commas;
      e->link = e->ptext = e->ilink = 0;
      e->score = 0;
    }
  for (guint i = elems->len; i-- > 0;)
    {
      Elem *e = &g_array_index (elems, Elem, i);
      if (e->is_a)
        {
          e->link = e->text;
          e->ilink = e->itext;
        }
      /* a paragraph: <p>, or another block's running text outside links */
      guint32 para = 0, para_commas = 0;
      if (e->is_p)
        {
          e->ptext = e->text - MIN (e->link, e->text);
          para = e->ptext;
          para_commas = e->commas;
        }
      else if ((e->tag & T_BLOCK) && !(e->tag & T_HEADING))
        {
          guint32 run = e->itext - MIN (e->ilink, e->itext);
          if (run >= 25)
            {
              e->ptext += run;
              para = run;
              para_commas = e->icommas;
            }
        }
      if (e->parent < 0)
        continue;
      Elem *p = &g_array_index (elems, Elem, e->parent);
      gboolean kept = !e->hard && !(e->drop_eff && !p->drop_eff);
      if (!kept)
        continue;
      p->text += e->text;
      p->link += e->link;
      p->ptext += e->ptext;
      p->commas += e->commas;
      if (!(e->tag & T_BLOCK))
        {
          p->itext += e->itext;
          p->ilink += e->ilink;
          p->icommas += e->icommas;
        }
      if (para >= 25)
        {
          float s = 1.0f + (float) para_commas + MIN ((float) para / 100.0f, 3.0f);
          p->score += s;
          if (p->parent >= 0)
            g_array_index (elems, Elem, p->parent).score += s / 2.0f;
        }
    }
}

static float
link_density (const Elem *e)
{
  return e->text ? (float) e->link / (float) e->text : 0.0f;
}

static gboolean
under_hard_drop (GArray *elems, gint32 i)
{
  for (; i >= 0; i = g_array_index (elems, Elem, i).parent)
    if (g_array_index (elems, Elem, i).hard)
      return TRUE;
  return FALSE;
}

/* The best article marker: highest rank with paragraph text, then most
 * paragraph text; markers inside furniture only when no other has text. */
static gint
best_marker (GArray *elems)
{
  gint best = -1;
  for (int pass = 0; pass < 2 && best < 0; pass++)
    for (guint i = 0; i < elems->len; i++)
      {
        const Elem *e = &g_array_index (elems, Elem, i);
        gboolean in_furniture = e->drop_eff;
        if (e->marker == 0 || (pass == 0 && in_furniture) || e->hard || (e->ptext == 0 && e->text < 200))
          continue;
        /* only tentative furniture may be overruled, never a hard drop */
        if (pass == 1 && under_hard_drop (elems, e->parent))
          continue;
        if (best < 0)
          {
            best = (gint) i;
            continue;
          }
        const Elem *b = &g_array_index (elems, Elem, best);
        guint32 ev = e->ptext ? e->ptext : e->text / 4, bv = b->ptext ? b->ptext : b->text / 4;
        if (e->marker > b->marker ? ev * 2 > bv : (e->marker == b->marker ? ev > bv : ev > bv * 2))
          best = (gint) i;
      }
  return best;
}

/* The best-scoring element outside furniture; one inside tentative
 * furniture only when it scores three times better (a class word such as
 * "with-sidebar" on the article's own wrapper). */
static gint
best_scored (GArray *elems)
{
  gint best[2] = { -1, -1 };
  float score[2] = { 0, 0 };
  for (guint i = 0; i < elems->len; i++)
    {
      const Elem *e = &g_array_index (elems, Elem, i);
      float s = e->score * (1.0f - link_density (e));
      int k = e->drop_eff ? 1 : 0;
      if (s > score[k] && !(k == 1 && under_hard_drop (elems, (gint32) i)))
        {
          score[k] = s;
          best[k] = (gint) i;
        }
    }
  return (best[0] < 0 || score[1] > 3.0f * score[0]) ? best[1] : best[0];
}

/* A live blog: <article> siblings that together hold most of the text are
 * one article, their parent.  Not when two of them have an <h1>: stories
 * loaded one after another (infinite scroll) stay apart.  (Pre-order: the
 * parent's subtree is the elements after it up to the first whose parent
 * comes before it.) */
static gint
merge_sibling_articles (GArray *elems, gint target)
{
  const Elem *t = &g_array_index (elems, Elem, target);
  if (t->marker != 2 || t->parent < 0)
    return target;
  gint32 parent = t->parent;
  guint32 total = 0, n = 0, h1s = 0;
  gboolean in_entry = FALSE;
  for (guint i = (guint) parent + 1; i < elems->len; i++)
    {
      const Elem *e = &g_array_index (elems, Elem, i);
      if (e->parent < parent)
        break;
      if (e->parent == parent)
        {
          in_entry = e->marker == 2 && !e->drop_eff && e->ptext >= 25;
          total += in_entry ? e->ptext : 0;
          n += in_entry;
        }
      else if (in_entry && e->is_h1 && !e->drop_eff)
        h1s++;
    }
  return n >= 3 && h1s < 2 && (float) t->ptext < 0.6f * (float) total ? parent : target;
}

/* Teaser cards: a block holding a linked headline (<h2>-<h6> that is
 * mostly link text) and at most a short summary is a link to another story,
 * furniture like a hinted one.  Needs aggregate(). */
static void
mark_teasers (GArray *elems)
{
  for (guint i = 0; i < elems->len; i++)
    {
      const Elem *h = &g_array_index (elems, Elem, i);
      if (!(h->tag & T_HEADING) || h->is_h1 || h->text < 15 || h->link * 5 < h->text * 4 || h->parent < 0)
        continue;
      Elem *card = &g_array_index (elems, Elem, h->parent);
      const char *cn = (const char *) card->node->name;
      if (card->text > h->text + 400 || strcmp (cn, "body") == 0 || strcmp (cn, "html") == 0)
        continue;
      card->tentative = card->hinted = TRUE;
      card->meta = FALSE;
    }
}

static gint
choose_article (GArray *elems, gboolean *is_marker)
{
  /* Tentative drops first, to see where the text is outside furniture. */
  propagate_drops (elems, TRUE);
  aggregate (elems);
  mark_teasers (elems);
  propagate_drops (elems, TRUE);
  aggregate (elems);
  gint target = best_marker (elems);
  if (target >= 0)
    target = merge_sibling_articles (elems, target);
  /* An <article> holding only the headline and a teaser while the story
   * runs in a sibling block is no article: it must hold a third of the
   * page's paragraph text outside furniture. */
  if (target >= 0 && elems->len > 0)
    {
      guint32 page = g_array_index (elems, Elem, 0).ptext;
      guint32 mine = g_array_index (elems, Elem, target).ptext;
      if (mine * 3 < page)
        target = -1;
    }
  *is_marker = target >= 0;
  if (target < 0)
    target = best_scored (elems);
  /* The article and its ancestors are never furniture. */
  for (gint32 p = target; p >= 0; p = g_array_index (elems, Elem, p).parent)
    g_array_index (elems, Elem, p).tentative = FALSE;
  propagate_drops (elems, TRUE);
  aggregate (elems);
  if (target < 0 || *is_marker)
    return target;
  for (;;)
    {
      const Elem *e = &g_array_index (elems, Elem, target);
      if (e->parent < 0)
        break;
      const Elem *p = &g_array_index (elems, Elem, e->parent);
      const char *pn = (const char *) p->node->name;
      if (strcmp (pn, "body") == 0 || strcmp (pn, "html") == 0
          || (float) p->ptext < 1.25f * (float) e->ptext || link_density (p) > 0.4f)
        break;
      target = e->parent;
    }
  return target;
}

/* ---- pass 4: emission ---- */

typedef struct {
  GArray *elems;
  GString *out;
  GString *para;
  guint para_text, para_link;
  guint in_link;
  gboolean space;
  gboolean heading;   /* the open paragraph is a heading */
  gboolean saw_h1;
  gsize last_heading; /* where the last kept paragraph starts when it is a heading, else G_MAXSIZE */
} Emit;

/* Lines that are page furniture whatever element holds them (an ad slot's
 * label, share links, a reprint notice), lower case, without end
 * punctuation. */
static const char *const furniture_lines[] = {
  "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content",
  "paid content", "promoted content", "partner content", "paid post",
  "story continues below advertisement", "article continues below advertisement",
  "story continues below", "article continues below", "continue reading below",
  "continue reading the main story", "scroll to continue with content",
  "advertisement - scroll to continue", "advertisement \xE2\x80\x93 scroll to continue", "skip advertisement",
  "anzeige", "werbung", "publicit\xC3\xA9", "publicidad", "pubblicit\xC3\xA0", "reklama", "annonce",
  "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
  "email this story", "copy link", "link copied", "print", "print this page", "comments", "view comments",
  /* headings of lists and boxes whose links were dropped */
  "related", "related stories", "related articles", "related content", "related coverage", "related topics",
  "more on this story", "more stories", "more news", "more from this section", "most read", "most popular",
  "most viewed", "most shared", "recommended", "recommended for you", "you may also like",
  "you might also like", "read next", "up next", "trending", "trending now", "latest news", "top stories",
  "editor's picks", "editors' picks", "around the web", "in other news", "leave a comment", "leave a reply",
  "join the conversation", "join the discussion", "topics", "tags", "follow us",
  NULL
};

/* Openings of a paragraph that points to another story when it holds a link. */
static const char *const link_openings[] = {
  "read more", "read also", "also read", "read next", "related", "see also", "more:", "more on this",
  "watch:", "listen:", "recommended", "further reading", "click here", "lesen sie auch", "mehr zum thema",
  "lire aussi", "lee tambi\xC3\xA9n", "leggi anche", NULL
};

/* Openings of a short paragraph (200 bytes at most) that is a credit, a
 * call to follow or subscribe, or a wire service's staff line. */
static const char *const short_openings[] = {
  "photo:", "photograph:", "photo by ", "photos:", "image:", "picture:", "pictured:", "foto:", "(photo",
  "file photo", "follow us ", "sign up for ", "sign up to ", "subscribe to ", "additional reporting by ",
  "reporting by ", "editing by ", "writing by ", "compiled by ", NULL
};

/* Marks of a copyright or reprint notice: openings, then phrases anywhere. */
static const char *const notice_openings[] = {
  "\xC2\xA9", "(c) ", "copyright \xC2\xA9", "copyright (c)", "printed from ", NULL
};
static const char *const notice_phrases[] = {
  "all rights reserved", "alle rechte vorbehalten", "tous droits r\xC3\xA9serv\xC3\xA9s",
  "todos los derechos reservados", "tutti i diritti riservati", NULL
};

/* TRUE when paragraph @s (@len bytes, white space collapsed) is furniture
 * by its words alone: a label line, a "Read more:" link, a notice. */
static gboolean
furniture_text (const char *s, gsize len, gboolean has_link)
{
  if (len > 400)
    return FALSE;
  char low[401];
  for (gsize i = 0; i < len; i++)
    low[i] = g_ascii_tolower (s[i]);
  gsize n = len;
  while (n && strchr (".:!|>\xE2\x80\xA6 ", low[n - 1]))  /* end punctuation, ellipsis bytes */
    n--;
  low[n] = '\0';
  for (guint i = 0; furniture_lines[i]; i++)
    if (strcmp (low, furniture_lines[i]) == 0)
      return TRUE;
  low[n] = len > n ? g_ascii_tolower (s[n]) : '\0';
  low[len] = '\0';
  if (has_link && len <= 250)
    for (guint i = 0; link_openings[i]; i++)
      if (g_str_has_prefix (low, link_openings[i]))
        return TRUE;
  for (guint i = 0; len <= 200 && short_openings[i]; i++)
    if (g_str_has_prefix (low, short_openings[i]))
      return TRUE;
  for (guint i = 0; notice_openings[i]; i++)
    if (g_str_has_prefix (low, notice_openings[i]))
      return TRUE;
  if (g_str_has_prefix (low, "copyright ") && g_ascii_isdigit (low[10]))
    return TRUE;
  for (guint i = 0; notice_phrases[i]; i++)
    if (strstr (low, notice_phrases[i]))
      return TRUE;
  return FALSE;
}

static void
flush (Emit *em)
{
  GString *p = em->para;
  while (p->len && (p->str[p->len - 1] == '\n' || p->str[p->len - 1] == ' '))
    g_string_truncate (p, p->len - 1);
  gboolean keep = p->len > 0 && !(em->para_link * 2 > em->para_text && !em->heading)
                  && !furniture_text (p->str, p->len, em->para_link > 0);
  if (keep)
    {
      if (em->out->len)
        g_string_append (em->out, "\n\n");
      em->last_heading = em->heading ? em->out->len : G_MAXSIZE;
      g_string_append_len (em->out, p->str, (gssize) p->len);
    }
  g_string_truncate (p, 0);
  em->para_text = em->para_link = 0;
  em->space = FALSE;
  em->heading = FALSE;
}

static void
emit_text (Emit *em, const guchar *s)
{
  for (const guchar *p = s; *p; p++)
    {
      if (g_ascii_isspace (*p) || (p[0] == 0xC2 && p[1] == 0xA0))
        {
          em->space = TRUE;
          if (*p == 0xC2)
            p++;
          continue;
        }
      if (em->space && em->para->len && em->para->str[em->para->len - 1] != '\n')
        g_string_append_c (em->para, ' ');
      em->space = FALSE;
      g_string_append_c (em->para, (char) *p);
      em->para_text++;
      if (em->in_link)
        em->para_link++;
    }
}

static gboolean
enter (Emit *em, xmlNode *n)
{
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
    {
      if (n->content)
        emit_text (em, n->content);
      return FALSE;
    }
  if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
    return FALSE;
  const Elem *e = &g_array_index (em->elems, Elem, elem_index (n));
  if (e->drop_eff || ((e->tag & T_LIST) && link_density (e) > 0.5f))
    return FALSE;
  if (strcmp ((const char *) n->name, "br") == 0)
    {
      if (em->para->len && em->para->str[em->para->len - 1] == '\n')
        flush (em);
      else if (em->para->len)
        g_string_append_c (em->para, '\n');
      em->space = FALSE;
      return FALSE;
    }
  if (e->tag & T_BLOCK)
    flush (em);
  if (e->tag & T_HEADING)
    {
      em->heading = TRUE;
      if (e->is_h1 && e->text)
        em->saw_h1 = TRUE;
    }
  if (e->is_a)
    em->in_link++;
  return TRUE;
}

static void
leave (Emit *em, xmlNode *n)
{
  if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
    return;
  const Elem *e = &g_array_index (em->elems, Elem, elem_index (n));
  if (e->tag & T_BLOCK)
    flush (em);
  if (e->is_a && em->in_link)
    em->in_link--;
}

static void
emit (Emit *em, xmlNode *root)
{
  xmlNode *n = root;
  for (;;)
    {
      gboolean entered = enter (em, n);
      if (entered && n->children)
        {
          n = n->children;
          continue;
        }
      if (entered)
        leave (em, n);
      while (n != root && n->next == NULL)
        {
          n = n->parent;
          leave (em, n);
        }
      if (n == root)
        break;
      n = n->next;
    }
  flush (em);
  /* a heading left last introduced a list or box that was dropped */
  if (em->last_heading != G_MAXSIZE && em->last_heading > 0)
    g_string_truncate (em->out, em->last_heading - 2);
}

/* (transfer full) @s with white space collapsed and trimmed; NULL when empty. */
static char *
clean_title (const char *s)
{
  if (s == NULL)
    return NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = s; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Plain text with newlines -> paragraphs separated by blank lines,
 * white space collapsed. */
static void
append_plain_paragraphs (GString *out, const char *s)
{
  g_auto (GStrv) lines = g_strsplit (s, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = clean_title (lines[i]);
      if (line == NULL)
        continue;
      if (out->len)
        g_string_append (out, "\n\n");
      g_string_append (out, line);
    }
}

/* ---- metadata needing the drops ---- */

static gboolean
is_inside (xmlNode *n, xmlNode *ancestor)
{
  for (; n; n = n->parent)
    if (n == ancestor)
      return TRUE;
  return FALSE;
}

/* The first kept, non-empty <h1> (inside @within when not NULL). */
static xmlNode *
first_h1 (GArray *elems, xmlNode *within)
{
  for (guint i = 0; i < elems->len; i++)
    {
      const Elem *e = &g_array_index (elems, Elem, i);
      if (e->is_h1 && !e->drop_eff && e->text && (within == NULL || is_inside (e->node, within)))
        return e->node;
    }
  return NULL;
}

/* TRUE when <time> @n tells when the page was changed rather than
 * published: so marked by class, id or itemprop, or after a word such as
 * "Updated". */
static gboolean
time_is_modified (xmlNode *n)
{
  static const char *const attrs[] = { "class", "itemprop", "id", NULL };
  static const char *const marks[] = { "modif", "updat", "edited", "revised", NULL };
  for (guint i = 0; attrs[i]; i++)
    {
      g_autofree char *v = attr (n, attrs[i]);
      g_autofree char *low = v ? g_ascii_strdown (v, -1) : NULL;
      for (guint j = 0; low && marks[j]; j++)
        if (strstr (low, marks[j]))
          return TRUE;
    }
  /* the words just before it, in its parent or before the parent */
  xmlNode *prev = n->prev;
  while (prev && prev->type == XML_TEXT_NODE && prev->content
         && strspn ((const char *) prev->content, " \t\r\n") == strlen ((const char *) prev->content))
    prev = prev->prev;
  if (prev == NULL && n->parent)
    prev = n->parent->prev;
  if (prev == NULL)
    return FALSE;
  g_autofree char *before = node_text (prev);
  gsize len = strlen (before);
  while (len && (before[len - 1] == ':' || before[len - 1] == ' '))
    before[--len] = '\0';
  g_autofree char *tail = g_ascii_strdown (before + (len > 16 ? len - 16 : 0), -1);
  static const char *const words[] = { "updated", "update", "modified", "edited", "revised", NULL };
  for (guint j = 0; words[j]; j++)
    if (g_str_has_suffix (tail, words[j]))
      return TRUE;
  return FALSE;
}

/* The <time datetime> dating the page: one marked pubdate, else the one
 * nearest the article (inside it, else in the smallest block around it),
 * first in page order at equal distance; a modification time only when no
 * other is left.  Times in furniture (a hint other than a byline's, a hard
 * drop) are never taken. */
static void
date_from_times (PageMeta *m, GArray *elems, xmlNode *article)
{
  if (m->times->len == 0 || article->_private == NULL)
    return;
  g_autofree gint32 *level = g_new (gint32, elems->len);
  for (guint i = 0; i < elems->len; i++)
    level[i] = -1;
  gint32 depth = 0;
  for (gint32 p = (gint32) elem_index (article); p >= 0; p = g_array_index (elems, Elem, p).parent)
    level[p] = depth++;
  xmlNode *best = NULL;
  gint64 best_rank = G_MAXINT64;
  for (guint i = 0; i < m->times->len; i++)
    {
      xmlNode *n = m->times->pdata[i];
      gint64 rank = -1;
      if (!attr_has (n, "pubdate"))
        {
          gboolean usable = TRUE;
          gint32 p = (gint32) elem_index (n);
          for (; p >= 0 && level[p] < 0; p = g_array_index (elems, Elem, p).parent)
            {
              const Elem *e = &g_array_index (elems, Elem, p);
              usable = usable && !e->hard && !(e->hinted && !e->meta);
            }
          if (!usable || p < 0)
            continue;
          rank = level[p] + (time_is_modified (n) ? (gint64) G_MAXINT32 : 0);
        }
      if (rank < best_rank)
        {
          g_autofree char *d = attr (n, "datetime");
          g_autofree char *norm = evl_source_normalize_date (d);
          if (norm == NULL)
            continue;
          best = n;
          best_rank = rank;
        }
    }
  if (best)
    {
      g_autofree char *dt = attr (best, "datetime");
      cand_set_date (&m->date, 5, dt);
    }
}

static void
finish_meta (PageMeta *m, GArray *elems, xmlNode *article)
{
  read_ldjson (m);
  if (!(m->date.value && m->date.prio <= 5))
    date_from_times (m, elems, article);
  /* The first kept <h1>, preferring the article's own. */
  for (int pass = 0; pass < 2 && !(m->title.value && m->title.prio <= 3); pass++)
    {
      xmlNode *h1 = first_h1 (elems, pass == 0 ? article : NULL);
      g_autofree char *s = h1 ? node_text (h1) : NULL;
      cand_set (&m->title, 3, s);
    }
}

static const char *const title_seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", ": ", NULL };

/* "Budget passes after long debate | The Daily Example" -> the part before
 * the last " | ", " - ", " – " or " — " when that part is long enough to be
 * a headline and the rest short enough to be a site name. */
static void
strip_site_name (char *title)
{
  char *cut = NULL;
  gsize cut_len = 0;
  for (guint i = 0; title_seps[i + 1]; i++)  /* not ": " */
    for (char *p = strstr (title, title_seps[i]); p; p = strstr (p + 1, title_seps[i]))
      if (p > cut)
        {
          cut = p;
          cut_len = strlen (title_seps[i]);
        }
  if (cut && cut - title >= 20 && strlen (cut + cut_len) <= 40)
    *cut = '\0';
}


/* Removes the site's name (og:site_name) from either end of @title, and a
 * print view's "Print: " opening; then, for a <title>, a site-like tail. */
static void
tidy_title (char *title, const char *site, gboolean title_tag)
{
  static const char *const print_openings[] = {
    "print: ", "print - ", "print | ", "print version: ", "printable version: ",
    "printer friendly version: ", "printer-friendly version: ", NULL
  };
  for (guint i = 0; print_openings[i]; i++)
    {
      gsize n = strlen (print_openings[i]);
      if (g_ascii_strncasecmp (title, print_openings[i], n) == 0 && title[n])
        {
          memmove (title, title + n, strlen (title + n) + 1);
          break;
        }
    }
  gsize site_len = site ? strlen (site) : 0;
  gsize len = strlen (title);
  for (guint i = 0; site_len && title_seps[i]; i++)
    {
      gsize sep = strlen (title_seps[i]);
      if (len < site_len + sep + 10)
        continue;
      char *tail = title + len - site_len - sep;
      if (strncmp (tail, title_seps[i], sep) == 0 && g_ascii_strcasecmp (tail + sep, site) == 0)
        {
          *tail = '\0';
          return;
        }
      if (g_ascii_strncasecmp (title, site, site_len) == 0 && strncmp (title + site_len, title_seps[i], sep) == 0)
        {
          memmove (title, title + site_len + sep, len - site_len - sep + 1);
          return;
        }
    }
  if (title_tag)
    strip_site_name (title);
}


/* A browser's "Save Page As" notes where the page came from in a comment
 * before <html>: "<!-- saved from url=(0052)https://... -->". */
static void
read_saved_from (xmlDoc *doc, PageMeta *m)
{
  for (xmlNode *n = doc->children; n; n = n->next)
    {
      if (n->type != XML_COMMENT_NODE || n->content == NULL)
        continue;
      const char *c = strstr ((const char *) n->content, "saved from url=(");
      c = c ? strchr (c, ')') : NULL;
      if (c == NULL)
        continue;
      c++;
      gsize len = strcspn (c, " \t\r\n");
      g_autofree char *url = g_strndup (c, len);
      if (g_str_has_prefix (url, "http"))
        cand_set (&m->url, 3, url);
    }
}

/* Many news sites date their URLs: ".../2023/09/14/slug", "/2023-09-14/",
 * "/20230914/".  The last resort for the date. */
static void
date_from_url (PageMeta *m)
{
  const char *u = m->url.value;
  if (u == NULL || (m->date.value && m->date.prio <= 8))
    return;
  for (const char *p = strchr (u, '/'); p; p = strchr (p + 1, '/'))
    {
      const char *d = p + 1;
      if (!((d[0] == '1' && d[1] == '9') || (d[0] == '2' && d[1] == '0')))
        continue;
      gsize digits = strspn (d, "0123456789");
      char buf[11];
      if (digits == 4 && (d[4] == '/' || d[4] == '-'))
        {
          /* YYYY/MM/DD or YYYY-MM-DD: both separators the same, day ended */
          char sep = d[4];
          gsize m1 = strspn (d + 5, "0123456789");
          if (m1 < 1 || m1 > 2 || d[5 + m1] != sep)
            continue;
          const char *dd = d + 6 + m1;
          gsize d1 = strspn (dd, "0123456789");
          if (d1 < 1 || d1 > 2 || (dd[d1] && dd[d1] != '/' && dd[d1] != '-' && dd[d1] != '.'
                                   && dd[d1] != '_' && dd[d1] != '?' && dd[d1] != '#'))
            continue;
          g_snprintf (buf, sizeof buf, "%.4s-%.*s-%.*s", d, (int) m1, d + 5, (int) d1, dd);
        }
      else if (digits == 8 && (d[8] == '/' || d[8] == '-'))
        g_snprintf (buf, sizeof buf, "%.4s-%.2s-%.2s", d, d + 4, d + 6);
      else
        continue;
      cand_set_date (&m->date, 8, buf);
      if (m->date.value)
        return;
    }
}

static void
page_meta_clear (PageMeta *m)
{
  g_free (m->title.value);
  g_free (m->date.value);
  g_free (m->url.value);
  g_free (m->site.value);
  g_free (m->body.value);
  g_ptr_array_unref (m->times);
  g_ptr_array_unref (m->ldjson);
}

gboolean
evl_source_load_html (const char *name, const char *data, gsize len,
                      const EvlLoadOptions *opts, GPtrArray *out, GError **error)
{
  (void) opts;
  gsize ulen = 0;
  g_autofree char *utf8 = evl_source_html_to_utf8 (name, data, len, &ulen, error);
  if (utf8 == NULL)
    return FALSE;
  if (ulen > G_MAXINT)
    return evl_fail (error, EVL_ERROR_TOO_LARGE, "%s: page too large for the HTML parser", name);
  /* The bytes are UTF-8 now: naming the encoding makes libxml2 ignore the
   * page's own (possibly different) declaration. */
  g_autoptr (xmlDoc) doc = htmlReadMemory (utf8, (int) ulen, NULL, "UTF-8", HTML_OPTIONS);
  xmlNode *root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    return evl_fail (error, EVL_ERROR_PARSE, "%s: not an HTML page", name);

  PageMeta m = { .times = g_ptr_array_new (), .ldjson = g_ptr_array_new () };
  g_autoptr (GArray) elems = collect (root, &m);
  gboolean is_marker = FALSE;
  gint article = choose_article (elems, &is_marker);
  xmlNode *article_node = article >= 0 ? g_array_index (elems, Elem, article).node : NULL;
  if (article_node == NULL)
    {
      xmlNode *body = root->children;
      while (body && !(body->type == XML_ELEMENT_NODE && strcmp ((const char *) body->name, "body") == 0))
        body = body->next;
      article_node = body ? body : root;
    }
  finish_meta (&m, elems, article_node);
  read_saved_from (doc, &m);
  date_from_url (&m);

  Emit em = { elems, g_string_new (NULL), g_string_new (NULL), 0, 0, 0, FALSE, FALSE, FALSE, G_MAXSIZE };
  emit (&em, article_node);
  g_string_free (em.para, TRUE);
  g_autoptr (GString) text = em.out;
  /* A page whose story is rendered by script carries it only in JSON-LD:
   * take articleBody when it holds twice the text the markup gave. */
  if (m.body.value && strlen (m.body.value) > 2 * text->len)
    {
      g_string_truncate (text, 0);
      em.saw_h1 = FALSE;
      append_plain_paragraphs (text, m.body.value);
    }
  g_autofree char *title = clean_title (m.title.value);
  if (title)
    tidy_title (title, m.site.value, m.title.prio == PRIO_TITLE_TAG);
  if (title && !em.saw_h1 && !g_str_has_prefix (text->str, title))
    {
      g_string_prepend (text, text->len ? "\n\n" : "");
      g_string_prepend (text, title);
    }
  if (text->len == 0)
    {
      page_meta_clear (&m);
      return evl_fail (error, EVL_ERROR_PARSE, "%s: no article text found in the page", name);
    }
  g_autofree char *id = evl_source_name_stem (name);
  g_autoptr (GError) local = NULL;
  g_autoptr (EvlDocument) d = evl_document_new (id, text->str, (gssize) text->len, &local);
  if (d == NULL)
    {
      page_meta_clear (&m);
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
      return FALSE;
    }
  if (title)
    evl_document_set_title (d, title);
  if (m.url.value)
    evl_document_set_url (d, m.url.value);
  if (m.date.value)
    evl_document_set_dct (d, m.date.value, EVL_DCT_METADATA);
  page_meta_clear (&m);
  g_ptr_array_add (out, g_steal_pointer (&d));
  return TRUE;
}
