/* Entity names -> cross-document merge keys, and the small helpers the
 * detector and the clusterer share (lexicon handles, attribute lookups,
 * name folding).
 *
 * A key is the folded canonical name of the gazetteer line a name belongs
 * to ('DPRK' -> "north korea", 'the Kremlin' -> "russia"), else the folded
 * name itself ('Kim Myong-sik' -> "kim myong sik"). */
#include "entities-private.h"

#include <string.h>

void
evl_ent_lex_init (EvlEntLex *lex, const EvlContext *ctx)
{
  lex->countries = evl_context_get_lexicon (ctx, "en/gazetteer-countries");
  lex->places = evl_context_get_lexicon (ctx, "en/gazetteer-places");
  lex->orgs = evl_context_get_lexicon (ctx, "en/gazetteer-organizations");
  lex->people = evl_context_get_lexicon (ctx, "en/gazetteer-people");
  lex->titles = evl_context_get_lexicon (ctx, "en/person-titles");
  lex->roles = evl_context_get_lexicon (ctx, "en/entity-roles");
  lex->stop = evl_context_get_lexicon (ctx, "en/name-stopwords");
  lex->cues = evl_context_get_lexicon (ctx, "en/entity-cues");
}

const char *
evl_ent_attr (const EvlLexEntry *entry, const char *kind)
{
  if (entry == NULL)
    return NULL;
  gsize kl = strlen (kind);
  for (guint i = 0; i < entry->n_attrs; i++)
    if (strncmp (entry->attrs[i], kind, kl) == 0 && entry->attrs[i][kl] == '=')
      return entry->attrs[i] + kl + 1;
  return NULL;
}

/* Case-insensitive comparison of @a (@alen bytes) and @b (@blen bytes),
 * treating any run of white space as one space. */
static gboolean
fold_equal (const char *a, gsize alen, const char *b, gsize blen)
{
  char fa[256], fb[256];
  gssize la = evl_fold_key (a, alen, fa, sizeof fa);
  gssize lb = evl_fold_key (b, blen, fb, sizeof fb);
  return la > 0 && la == lb && memcmp (fa, fb, la) == 0;
}

gboolean
evl_ent_attr_has (const EvlLexEntry *entry, const char *kind,
                  const char *text, gsize len)
{
  const char *v = evl_ent_attr (entry, kind);
  while (v && *v)
    {
      const char *bar = strchr (v, '|');
      gsize n = bar ? (gsize) (bar - v) : strlen (v);
      /* Forms differ only in case and white space runs: lengths that far
       * apart cannot match. */
      if (n <= len + 8 && len <= n + 8 && fold_equal (v, n, text, len))
        return TRUE;
      v = bar ? bar + 1 : NULL;
    }
  return FALSE;
}

void
evl_ent_fold_name (GString *out, const char *text, gsize len)
{
  gsize start = out->len;
  gboolean space = FALSE;
  const char *end = text + len;
  for (const char *p = text; p < end;)
    {
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          /* ASCII fast path: most names. */
          p++;
          if (b == '.')
            continue;
          if (b == '-' || g_ascii_isspace (b))
            {
              space = out->len > start;
              continue;
            }
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, g_ascii_tolower (b));
          continue;
        }
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      p = g_utf8_next_char (p);
      if (c == '.')
        continue;
      if (c == '-' || c == 0x2010 || c == 0x2011 || g_unichar_isspace (c))
        {
          space = out->len > start;
          continue;
        }
      if (c == 0x2019 || c == 0x2018)
        c = '\'';
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
}

/* The gazetteer line @name belongs to, trying @name as written, then
 * without a leading article.  Sets *@kind and *@capital (the name is the
 * line's capital city). */
static const EvlLexEntry *
key_lookup (const EvlEntLex *lex, const char *name, gsize len,
            EvlEntityType type, EvlGazKind *kind, gboolean *capital)
{
  const EvlLexicon *order[4];
  EvlGazKind kinds[4];
  guint n = 0;
  if (type == EVL_ENTITY_PERSON)
    {
      order[n] = lex->people, kinds[n++] = EVL_GAZ_PERSON;
    }
  else
    {
      order[n] = lex->countries, kinds[n++] = EVL_GAZ_COUNTRY;
      if (type == EVL_ENTITY_ORGANIZATION)
        order[n] = lex->orgs, kinds[n++] = EVL_GAZ_ORG;
      order[n] = lex->places, kinds[n++] = EVL_GAZ_PLACE;
      if (type != EVL_ENTITY_ORGANIZATION)
        order[n] = lex->orgs, kinds[n++] = EVL_GAZ_ORG;
    }
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          const EvlLexEntry *e = evl_lexicon_lookup (order[i], name, len);
          if (e)
            {
              *kind = kinds[i];
              *capital = kinds[i] == EVL_GAZ_COUNTRY
                         && evl_ent_attr_has (e, "capital", name, len);
              return e;
            }
        }
      if (len > 4 && g_ascii_strncasecmp (name, "the ", 4) == 0)
        name += 4, len -= 4;
      else
        break;
    }
  return NULL;
}

char *
evl_entity_normalize_key (const EvlContext *ctx, const char *name, EvlEntityType type)
{
  g_return_val_if_fail (ctx != NULL && name != NULL, NULL);
  EvlEntLex lex;
  evl_ent_lex_init (&lex, ctx);

  gsize len = strlen (name);
  while (len > 0 && g_ascii_isspace (name[0]))
    name++, len--;
  while (len > 0 && g_ascii_isspace (name[len - 1]))
    len--;
  /* Possessive: "Russia's", "Kim’s". */
  if (len > 2 && (name[len - 1] == 's' || name[len - 1] == 'S') && name[len - 2] == '\'')
    len -= 2;
  else if (len > 4 && (name[len - 1] == 's' || name[len - 1] == 'S')
           && memcmp (name + len - 4, "\xe2\x80\x99", 3) == 0)
    len -= 4;

  g_autoptr (GString) out = g_string_new (NULL);
  EvlGazKind kind;
  gboolean capital = FALSE;
  const EvlLexEntry *e = key_lookup (&lex, name, len, type, &kind, &capital);
  if (e == NULL)
    {
      /* 'Kim Jong-un' reaches the line of 'Kim Jong Un' once folded. */
      evl_ent_fold_name (out, name, len);
      e = key_lookup (&lex, out->str, out->len, type, &kind, &capital);
      if (e == NULL)
        {
          if (out->len > 4 && strncmp (out->str, "the ", 4) == 0)
            g_string_erase (out, 0, 4);
          return g_string_free (g_steal_pointer (&out), FALSE);
        }
      g_string_truncate (out, 0);
    }
  /* A capital named as a place stays the city; as an actor (ORGANIZATION:
   * 'Pyongyang said') it is the country's government. */
  if (capital && type == EVL_ENTITY_LOCATION)
    evl_ent_fold_name (out, name, len);
  else
    evl_ent_fold_name (out, e->canonical, strlen (e->canonical));
  if (out->len > 4 && strncmp (out->str, "the ", 4) == 0)
    g_string_erase (out, 0, 4);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
