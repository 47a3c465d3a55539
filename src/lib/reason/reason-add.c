/* Annotated documents -> graph records.  One document at a time: its
 * metadata, its entity clusters (merged with the story's entities by key
 * and alias), and one graph event per timeline-worthy event mention with
 * its time, arguments, provenance and summary line.  Within-document cue
 * relations ('hours before the meeting') become graph relations. */
#include "reason-private.h"

#include <locale.h>
#include <string.h>

/* ---- shared helpers ---- */

guint
evl_reason_anchor_strength (const char *anchor)
{
  if (anchor == NULL)
    return 0;
  if (strcmp (anchor, "clause") == 0)
    return 3;
  if (strcmp (anchor, "sentence") == 0 || strcmp (anchor, "cue") == 0 || strcmp (anchor, "offset") == 0)
    return 2;
  if (strcmp (anchor, "tense") == 0 || strcmp (anchor, "dct") == 0)
    return 1;
  return 0;
}

gboolean
evl_reason_evidence_is_derived (const char *evidence)
{
  return g_strcmp0 (evidence, EVL_EVIDENCE_DATES) == 0
         || g_strcmp0 (evidence, EVL_EVIDENCE_CLOSURE) == 0;
}

guint
evl_reason_interval_gap (EvlDay b1, EvlDay e1, EvlDay b2, EvlDay e2)
{
  if (e1 < b2)
    return b2 - e1;
  if (e2 < b1)
    return b1 - e2;
  return 0;
}

/* ---- entities ---- */

/* Folded comparison form of a name: lower case, '-' and '_' as spaces,
 * '.' dropped, runs of spaces collapsed ("Kim Jong-un" = "kim jong un").
 * Written into @out (at least strlen (@s) + 1 bytes, the most it needs:
 * folding never lengthens an ASCII name); returns @out. */
static char *
fold_ascii_into (const char *s, char *out)
{
  gsize o = 0;
  gboolean space = TRUE;
  for (const char *p = s; *p; p++)
    {
      char c = *p;
      if (c == '.')
        continue;
      if (c == '-' || c == '_' || g_ascii_isspace (c))
        {
          if (!space)
            out[o++] = ' ';
          space = TRUE;
          continue;
        }
      out[o++] = g_ascii_tolower (c);
      space = FALSE;
    }
  if (o && out[o - 1] == ' ')
    o--;
  out[o] = '\0';
  return out;
}

/* Can @s skip g_utf8_strdown()?  ASCII only, and no 'I' under a Turkic
 * locale (where g_utf8_strdown() makes it a dotless i). */
static gboolean
ascii_folds (const char *s)
{
  gboolean capital_i = FALSE;
  for (; *s; s++)
    {
      if ((guchar) *s >= 0x80)
        return FALSE;
      capital_i |= *s == 'I';
    }
  if (!capital_i)
    return TRUE;
  const char *loc = setlocale (LC_CTYPE, NULL);
  return loc == NULL || !((loc[0] == 't' && loc[1] == 'r') || (loc[0] == 'a' && loc[1] == 'z'));
}

/* (transfer full) fold_name.  Names are nearly always ASCII, where
 * g_utf8_strdown() is ASCII lower-casing: that path skips it (it was two
 * thirds of the folding cost, folding a tenth of adding documents). */
static char *
fold_name (const char *s)
{
  if (ascii_folds (s))
    return fold_ascii_into (s, g_malloc (strlen (s) + 1));
  g_autofree char *low = g_utf8_strdown (s, -1);
  return fold_ascii_into (low, g_malloc (strlen (low) + 1));
}

static guint
count_words (const char *s)
{
  guint n = 0;
  gboolean in = FALSE;
  for (; *s; s++)
    {
      gboolean sp = g_ascii_isspace (*s);
      if (!sp && !in)
        n++;
      in = !sp;
    }
  return n;
}

#define AMBIGUOUS GUINT_TO_POINTER (G_MAXUINT)

/* Folded key or name -> entity, folded alias -> entity or AMBIGUOUS when
 * several entities share the alias ('Kim').  Keys: the entity of highest
 * index that has the string as its key or name, as if every entity were
 * indexed in order.  The index lives with the graph (one per graph, kept
 * up to date after each document) so adding a document costs its own
 * clusters, not the whole graph.  While a document is added, changes go
 * to an overlay that is read first and folded into the index at the end:
 * within a document the last entity indexed wins a key. */
typedef struct {
  char *fkey, *fname;    /* folded key (NULL when none) and name */
  const char *key, *name;/* the interned strings they were folded from */
  GHashTable *aliases;   /* interned aliases already indexed, or NULL */
} IndexedEntity;

/* The most neighbours an entity keeps: enough to tell a party's country
 * and leaders, a bound on work for any input. */
#define NEAR_MAX 64

typedef struct {
  GHashTable *keys;      /* folded -> GArray of guint (entities) */
  GHashTable *aliases;   /* folded -> index + 1 or AMBIGUOUS */
  GArray *ents;          /* IndexedEntity, one per indexed entity */
  const EvlLexicon *nicknames;  /* en/nicknames: given_form() */
  gboolean all_events;   /* some document was added with every mention kept */
  /* Not about entities, but per graph too: cue_prefixes_get(). */
  const EvlLexicon *cue_lex;
  GHashTable *cue_prefixes;
} EntityCache;

typedef struct {
  EntityCache *base;
  GHashTable *keys;      /* overlay: folded -> index + 1 */
  GHashTable *aliases;   /* overlay: folded -> index + 1 or AMBIGUOUS */
  GArray *touched;       /* guint: entities indexed during this document */
} EntityIndex;

static void
indexed_entity_clear (gpointer p)
{
  IndexedEntity *ie = p;
  g_free (ie->fkey);
  g_free (ie->fname);
  g_clear_pointer (&ie->aliases, g_hash_table_unref);
}

static void
entity_cache_free (gpointer p)
{
  EntityCache *c = p;
  g_hash_table_unref (c->keys);
  g_hash_table_unref (c->aliases);
  g_array_unref (c->ents);
  g_clear_pointer (&c->cue_prefixes, g_hash_table_unref);
  g_free (c);
}

static void
key_set_add (EntityCache *c, const char *f, guint ent)
{
  GArray *set = g_hash_table_lookup (c->keys, f);
  if (set == NULL)
    {
      set = g_array_sized_new (FALSE, FALSE, sizeof (guint), 1);
      g_hash_table_insert (c->keys, g_strdup (f), set);
    }
  for (guint i = 0; i < set->len; i++)
    if (g_array_index (set, guint, i) == ent)
      return;
  g_array_append_val (set, ent);
}

static void
key_set_remove (EntityCache *c, const char *f, guint ent)
{
  GArray *set = g_hash_table_lookup (c->keys, f);
  for (guint i = 0; set && i < set->len; i++)
    if (g_array_index (set, guint, i) == ent)
      {
        g_array_remove_index_fast (set, i);
        break;
      }
  if (set && set->len == 0)
    g_hash_table_remove (c->keys, f);
}

/* Value of @f in the whole-graph key index: the highest entity + 1. */
static gpointer
key_set_value (EntityCache *c, const char *f)
{
  GArray *set = g_hash_table_lookup (c->keys, f);
  if (set == NULL)
    return NULL;
  guint best = 0;
  for (guint i = 0; i < set->len; i++)
    best = MAX (best, g_array_index (set, guint, i) + 1);
  return GUINT_TO_POINTER (best);
}

static gboolean
str_eq0 (const char *a, const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/* Records in @dst that alias @f (transfer full), whose current value is
 * @old, also names entity @ent: it becomes AMBIGUOUS when @old is another. */
static void
alias_put (GHashTable *dst, char *f, gpointer old, guint ent)
{
  gpointer v = GUINT_TO_POINTER (ent + 1);
  if (old == NULL || old != v)
    g_hash_table_insert (dst, f, old == NULL ? v : AMBIGUOUS);
  else
    g_free (f);
}

/* A person's name of three words told another way ('James C. Kopp' /
 * 'James Kopp', 'James Charles Kopp' / 'James C. Kopp'): without a
 * middle initial, or with a middle name as its initial, into @buf; FALSE
 * for any other name.  A full middle name is never dropped: 'Kim Jong
 * Un' is no 'Kim Un'. */
static gboolean
middle_form (const char *name, char *buf, gsize size)
{
  const char *a = strchr (name, ' ');
  const char *b = a ? strchr (a + 1, ' ') : NULL;
  if (b == NULL || strchr (b + 1, ' ') || !g_ascii_isupper (name[0]) || !g_ascii_isupper (a[1])
      || !g_ascii_isupper (b[1]))
    return FALSE;
  gsize mid = (gsize) (b - a - 1);
  gboolean initial = mid == 1 || (mid == 2 && a[2] == '.');
  if (initial)
    g_snprintf (buf, size, "%.*s %s", (int) (a - name), name, b + 1);
  else if (mid >= 3 && g_ascii_islower (a[2]) && a[mid] != '.')
    g_snprintf (buf, size, "%.*s %c. %s", (int) (a - name), name, a[1], b + 1);
  else
    return FALSE;
  return strlen (buf) + 1 < size;
}

/* A person's name with the given name in one form for its familiar forms
 * and spellings, as a key to compare into @buf: 'Chuck Schumer' and
 * 'Charles Schumer' give 'charles Schumer', 'Barnett Slepian' gives
 * 'barnet Slepian' (a doubled letter written once).  FALSE when that is
 * the name itself, or the name has no given name to tell (one word, an
 * initial, letters other than ASCII's).  Only the given name changes, so
 * 'James D. Kopp' never meets 'Jim C. Kopp'. */
static gboolean
given_form (const EvlLexicon *nicknames, const char *name, char *buf, gsize size)
{
  const char *sp = strchr (name, ' ');
  if (sp == NULL || sp - name < 2 || !g_ascii_isupper (name[0]))
    return FALSE;
  gsize n = (gsize) (sp - name);
  const EvlLexEntry *nick = nicknames ? evl_lexicon_lookup (nicknames, name, (gssize) n) : NULL;
  const char *given = nick ? nick->canonical : name;
  gsize gn = nick ? strlen (given) : n, o = 0;
  for (gsize k = 0; k < gn; k++)
    {
      char c = g_ascii_tolower (given[k]);
      if (!g_ascii_isalpha (c) || o + 1 >= size)
        return FALSE;
      if (o == 0 || buf[o - 1] != c)
        buf[o++] = c;
    }
  gsize rest = strlen (sp);
  if (o + rest + 1 > size || (nick == NULL && o == n))
    return FALSE;
  memcpy (buf + o, sp, rest + 1);
  return TRUE;
}

/* An acronym's letters folded ('IAEA', 'I.A.E.A.' -> "iaea") into @buf:
 * FALSE unless @name is one word of two capitals or more (periods
 * allowed) and nothing else. */
static gboolean
acronym_letters (const char *name, char *buf, gsize size)
{
  gsize o = 0;
  for (const char *p = name; *p; p++)
    {
      if (*p == '.')
        continue;
      if (!g_ascii_isupper (*p) || o + 1 >= size)
        return FALSE;
      buf[o++] = g_ascii_tolower (*p);
    }
  buf[o] = '\0';
  return o >= 2;
}

/* The initials of a name of two words or more, short function words
 * skipped as the document clusterer skips them ('International Atomic
 * Energy Agency' -> "iaea"), into @buf; FALSE for fewer than three
 * initials: two letters name too many bodies to link articles by. */
static gboolean
name_initials (const char *name, char *buf, gsize size)
{
  static const char *const skip[] = { "of", "for", "the", "and", "on", "in", "de" };
  g_autofree char *f = fold_name (name);
  gsize o = 0;
  guint words = 0;
  for (char *w = f; *w;)
    {
      char *e = strchr (w, ' ');
      gsize n = e ? (gsize) (e - w) : strlen (w);
      gboolean fw = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (skip) && !fw; k++)
        fw = strlen (skip[k]) == n && strncmp (w, skip[k], n) == 0;
      if (!g_ascii_isalpha (w[0]) || o + 1 >= size)
        return FALSE;
      if (!fw)
        buf[o++] = w[0];
      words++;
      w = e ? e + 1 : w + n;
    }
  buf[o] = '\0';
  return words >= 2 && o >= 3;
}

/* Alias keys only the index knows start with a byte no folded name
 * holds, so that they never meet a name or an alias read in a text. */
#define FORM_INITIALS '\x01'  /* a body's initials: its acronym elsewhere */
#define FORM_GIVEN '\x02'     /* a person's name less its last word */
#define FORM_WORD '\x03'      /* a person's last word */

/* The forms of entity @e's name that the index holds as aliases besides
 * its aliases: a person's other middle and given forms (middle_form(),
 * given_form()), the name less its last word ('Juan Miguel' for 'Juan
 * Miguel Gonzalez': two given names are told without the surname), its
 * last word (the surname alone: a later article's 'President Mobutu' for
 * 'Mobutu Sese Seko' is not, but 'Mr. Nasrallah' for 'Hassan Nasrallah'
 * is; a first word is as often a given name: 'Mohammed'), a body's
 * or place's initials (an article that writes 'the IAEA' and another that
 * writes 'International Atomic Energy Agency'). */
typedef struct {
  char f[5][128];
  guint n;
} OtherForms;

static void
other_forms (const EvlLexicon *nicknames, const EvlGraphEntity *e, OtherForms *out)
{
  out->n = 0;
  if (e->type == EVL_ENTITY_PERSON)
    {
      if (middle_form (e->name, out->f[out->n], sizeof out->f[0]))
        out->n++;
      if (given_form (nicknames, e->name, out->f[out->n], sizeof out->f[0]))
        out->n++;
      const char *last = strrchr (e->name, ' ');
      if (last && count_words (e->name) >= 3 && (gsize) (last - e->name) + 2 < sizeof out->f[0])
        g_snprintf (out->f[out->n++], sizeof out->f[0], "%c%.*s", FORM_GIVEN,
                    (int) (last - e->name), e->name);
      if (last && strlen (last + 1) >= 2 && g_ascii_isupper (last[1]) && strlen (last) + 1 < sizeof out->f[0])
        g_snprintf (out->f[out->n++], sizeof out->f[0], "%c%s", FORM_WORD, last + 1);
    }
  else if (name_initials (e->name, out->f[out->n] + 1, sizeof out->f[0] - 1))
    out->f[out->n++][0] = FORM_INITIALS;
}

gboolean
evl_reason_keeps_all_events (EvlGraph *g)
{
  const EntityCache *c = evl_graph_get_reason_cache (g);
  return c != NULL && c->all_events;
}

/* Brings entity @i of the cache in line with the graph. */
static void
cache_sync_entity (EntityCache *c, const EvlGraph *g, guint i)
{
  const EvlGraphEntity *e = evl_graph_get_entity (g, i);
  while (c->ents->len <= i)
    {
      IndexedEntity blank = { 0 };
      g_array_append_val (c->ents, blank);
    }
  IndexedEntity *ie = &g_array_index (c->ents, IndexedEntity, i);
  /* Interned strings compare by pointer: an entity whose name and key did
   * not change since it was last synced is already indexed under them
   * (only this function removes entity i from a key set). */
  if (ie->fname == NULL || ie->name != e->name || ie->key != e->key)
    {
      char *fkey = e->key ? fold_name (e->key) : NULL;
      char *fname = fold_name (e->name);
      if (ie->fkey && !str_eq0 (ie->fkey, fkey) && !str_eq0 (ie->fkey, fname))
        key_set_remove (c, ie->fkey, i);
      if (ie->fname && !str_eq0 (ie->fname, fkey) && !str_eq0 (ie->fname, fname))
        key_set_remove (c, ie->fname, i);
      if (fkey)
        key_set_add (c, fkey, i);
      key_set_add (c, fname, i);
      /* the name's other forms, as aliases only the index knows */
      OtherForms of;
      other_forms (c->nicknames, e, &of);
      for (guint k = 0; k < of.n; k++)
        {
          char *f = fold_name (of.f[k]);
          alias_put (c->aliases, f, g_hash_table_lookup (c->aliases, f), i);
        }
      g_free (ie->fkey);
      g_free (ie->fname);
      ie->fkey = fkey;
      ie->fname = fname;
      ie->key = e->key;
      ie->name = e->name;
    }
  for (guint j = 0; j < e->aliases->len; j++)
    {
      gpointer a = e->aliases->pdata[j];
      if (ie->aliases == NULL)
        ie->aliases = g_hash_table_new (NULL, NULL);
      if (!g_hash_table_add (ie->aliases, a))
        continue;
      char *f = fold_name (a);
      alias_put (c->aliases, f, g_hash_table_lookup (c->aliases, f), i);
    }
}

/* The graph's index, created on first use and extended to entities added
 * since (by graph loading or another path). */
static EntityCache *
entity_cache_get (const EvlContext *ctx, EvlGraph *g)
{
  EntityCache *c = evl_graph_get_reason_cache (g);
  if (c == NULL)
    {
      c = g_new0 (EntityCache, 1);
      c->nicknames = evl_context_get_lexicon (ctx, "en/nicknames");
      c->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
      c->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      c->ents = g_array_new (FALSE, TRUE, sizeof (IndexedEntity));
      g_array_set_clear_func (c->ents, indexed_entity_clear);
      evl_graph_set_reason_cache (g, c, entity_cache_free);
    }
  for (guint i = c->ents->len; i < evl_graph_n_entities (g); i++)
    cache_sync_entity (c, g, i);
  return c;
}

static gpointer
overlay_lookup (GHashTable *overlay, GHashTable *base_aliases, EntityCache *c,
                const char *f)
{
  gpointer v = NULL;
  if (g_hash_table_lookup_extended (overlay, f, NULL, &v))
    return v;
  return base_aliases ? g_hash_table_lookup (base_aliases, f) : key_set_value (c, f);
}

static void
index_alias (EntityIndex *ix, const char *alias, guint ent)
{
  char *f = fold_name (alias);
  alias_put (ix->aliases, f, overlay_lookup (ix->aliases, ix->base->aliases, ix->base, f), ent);
}

static void
index_entity (EntityIndex *ix, const EvlGraph *g, guint i)
{
  const EvlGraphEntity *e = evl_graph_get_entity (g, i);
  if (e->key)
    g_hash_table_insert (ix->keys, fold_name (e->key), GUINT_TO_POINTER (i + 1));
  g_hash_table_insert (ix->keys, fold_name (e->name), GUINT_TO_POINTER (i + 1));
  for (guint j = 0; j < e->aliases->len; j++)
    index_alias (ix, e->aliases->pdata[j], i);
  OtherForms of;
  other_forms (ix->base->nicknames, e, &of);
  for (guint k = 0; k < of.n; k++)
    index_alias (ix, of.f[k], i);
  g_array_append_val (ix->touched, i);
}

static gint
lookup_index (EntityIndex *ix, gboolean aliases, const char *name)
{
  /* Probes are folded on the stack when they fit. */
  char buf[128];
  g_autofree char *heap = NULL;
  const char *f = strlen (name) < sizeof buf && ascii_folds (name)
                  ? fold_ascii_into (name, buf) : (heap = fold_name (name));
  gpointer v = aliases ? overlay_lookup (ix->aliases, ix->base->aliases, ix->base, f)
                       : overlay_lookup (ix->keys, NULL, ix->base, f);
  if (v == NULL || v == AMBIGUOUS)
    return -1;
  return (gint) GPOINTER_TO_UINT (v) - 1;
}

/* The person an earlier article named by @surname alone ('Prime
 * Minister Beldan'), for a full name whose own article calls it by that
 * surname too ('Tomas Beldan' ... 'Beldan said'), or gives it the title
 * the earlier article gave ('Governor Ambrose' ... 'Governor Ruth
 * Ambrose'): the story's one person of that name, as a later bare
 * surname joins an earlier full name.  Another title is another person
 * as often ('Interior Minister Hussein', a given name whose surname the
 * recogniser lost, is no 'President Saddam Hussein').  Not when the
 * story already has another full name ending in it (an earlier bare
 * 'Bush' of the two Bushes is then either). */
static gint
earlier_bare_surname (EntityIndex *ix, const EvlGraph *g, const EvlEntityCluster *c, const char *surname)
{
  gboolean called = FALSE;
  for (guint k = 0; !called && c->aliases && c->aliases[k]; k++)
    called = g_ascii_strcasecmp (c->aliases[k], surname) == 0;
  gint b = lookup_index (ix, FALSE, surname);
  if (b < 0)
    return -1;
  const char *title = called ? NULL : evl_graph_entity_get_title (g, (guint) b);
  if (!called && !(title && c->role && g_ascii_strcasecmp (title, c->role) == 0))
    return -1;
  const EvlGraphEntity *be = evl_graph_get_entity (g, (guint) b);
  if (be->type != EVL_ENTITY_PERSON || count_words (be->name) != 1)
    return -1;
  char form[128];
  g_snprintf (form, sizeof form, "%c%s", FORM_WORD, surname);
  return lookup_index (ix, TRUE, form) < 0 ? b : -1;
}

/* The entity a cluster names in a form another article wrote shorter or
 * longer (other_forms()): 'the IAEA' for the 'International Atomic
 * Energy Agency' of an earlier article, or the reverse when the earlier
 * one wrote only the acronym; 'Juan Miguel' for 'Juan Miguel Gonzalez',
 * or the reverse; 'Nasrallah' for an earlier 'Hassan Nasrallah'.  The reverse takes an entity still named by that short
 * form only: one already told in full is another's. */
static gint
find_by_short_form (EntityIndex *ix, const EvlGraph *g, const EvlEntityCluster *c, gboolean *initials)
{
  char form[128];
  gboolean person = c->type == EVL_ENTITY_PERSON;
  /* A bare surname names the one person of the story whose last word it
   * is, named before.  Not the reverse: an earlier bare 'Kim' may
   * be any of the later Kims ('Kim Jong Un', 'Kim Yo Jong'). */
  if (person && count_words (c->name) == 1)
    {
      g_snprintf (form, sizeof form, "%c%s", FORM_WORD, c->name);
      return lookup_index (ix, TRUE, form);
    }
  if (person ? count_words (c->name) >= 2 : acronym_letters (c->name, form + 1, sizeof form - 1))
    {
      if (person)
        g_snprintf (form, sizeof form, "%c%s", FORM_GIVEN, c->name);
      else
        form[0] = FORM_INITIALS;
      gint e = lookup_index (ix, TRUE, form);
      if (e >= 0)
        {
          *initials = !person;
          return e;
        }
    }
  const char *last = strrchr (c->name, ' ');
  if (person && last)
    {
      gint b = earlier_bare_surname (ix, g, c, last + 1);
      if (b >= 0)
        return b;
    }
  gboolean shorter = person ? last && count_words (c->name) >= 3 && (gsize) (last - c->name) < sizeof form
                            : name_initials (c->name, form, sizeof form);
  if (!shorter)
    return -1;
  if (person)
    g_snprintf (form, sizeof form, "%.*s", (int) (last - c->name), c->name);
  gint e = lookup_index (ix, FALSE, form);
  if (e < 0)
    return -1;
  const char *name = evl_graph_get_entity (g, (guint) e)->name;
  char letters[128];
  g_autofree char *fname = fold_name (name), *fform = fold_name (form);
  gboolean same = person ? count_words (name) >= 2 && strcmp (fname, fform) == 0
                         : acronym_letters (name, letters, sizeof letters) && strcmp (letters, fform) == 0;
  *initials = same && !person;
  return same ? e : -1;
}

/* The story entity a document cluster refers to: same key or name, else a
 * unique alias match either way ('Putin' in one article, 'Vladimir Putin'
 * with alias 'Putin' in another). */
static gint
find_entity (EntityIndex *ix, const EvlGraph *g, const EvlEntityCluster *c, gboolean *initials)
{
  gint e = c->key ? lookup_index (ix, FALSE, c->key) : -1;
  if (e < 0)
    e = lookup_index (ix, FALSE, c->name);
  if (e >= 0)
    return e;
  /* Alias matches need the same type; a one-word alias ('Kim') never
   * names another entity's key: it is shared by relatives. */
  e = lookup_index (ix, TRUE, c->name);
  char form[128];
  /* ... but an acronym ('NASA') is no relative's */
  for (guint i = 0; e < 0 && c->aliases && c->aliases[i]; i++)
    if (count_words (c->aliases[i]) > 1 || acronym_letters (c->aliases[i], form, sizeof form))
      e = lookup_index (ix, FALSE, c->aliases[i]);
  if (e < 0)
    e = find_by_short_form (ix, g, c, initials);
  /* 'James C. Kopp' after 'James Kopp', 'James Charles Kopp' after
   * 'James C. Kopp': the other form as a name (as an alias it may be
   * another's other form: 'James D. Kopp' is not 'James C. Kopp'; the
   * index holds each name's other form as an alias for the reverse
   * order) */
  if (e < 0 && c->type == EVL_ENTITY_PERSON && middle_form (c->name, form, sizeof form))
    e = lookup_index (ix, FALSE, form);
  /* 'Chuck Schumer' after 'Charles Schumer' (a name), 'Bill Bradley'
   * after 'Billy Bradley' (the other's given form, indexed as an alias) */
  if (e < 0 && c->type == EVL_ENTITY_PERSON
      && given_form (ix->base->nicknames, c->name, form, sizeof form))
    {
      e = lookup_index (ix, FALSE, form);
      if (e < 0)
        e = lookup_index (ix, TRUE, form);
    }
  if (e >= 0 && evl_graph_get_entity (g, (guint) e)->type != c->type)
    return -1;
  return e;
}

/* Whether a gazetteer of @type lists @name. */
static gboolean
gazetteer_lists (const EvlContext *ctx, const char *name, EvlEntityType type)
{
  static const char *const lists[EVL_ENTITY_N][3] = {
    [EVL_ENTITY_PERSON] = { "en/gazetteer-people" },
    [EVL_ENTITY_ORGANIZATION] = { "en/gazetteer-organizations" },
    [EVL_ENTITY_LOCATION] = { "en/gazetteer-countries", "en/gazetteer-cities", "en/gazetteer-places" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (lists[0]) && lists[type][i]; i++)
    if (evl_lexicon_lookup (evl_context_get_lexicon (ctx, lists[type][i]), name, -1))
      return TRUE;
  return FALSE;
}

/* The type of story entity @e once an article typed @live more of its
 * mentions @type.  Articles may type one name differently ('Morgan Vale
 * said' in one, 'the town of Morgan Vale' in another): the story gives
 * it the type a gazetteer lists it as, else the one most of its mentions
 * have, whatever the articles' order.  A full name no article's words
 * typed is a person by default, so one that another article's words
 * make an organisation ('Aldane chairman Robert Finch', 'shares of
 * Aldane Therapeutics') is that organisation; so is a tie. */
static EvlEntityType
voted_type (const EvlContext *ctx, EvlGraph *g, guint e, EvlEntityType type, guint live)
{
  /* kept in the graph: a story loaded back (-g) goes on counting them */
  guint *v = evl_graph_entity_peek_type_votes (g, e);
  const EvlGraphEntity *ge = evl_graph_get_entity (g, e);
  guint total = 0;
  for (guint t = 0; t < EVL_ENTITY_N; t++)
    total += v[t];
  /* an entity of a saved graph that wrote no split vote: its mentions
   * voted its type */
  if (total == 0)
    total = v[ge->type] = ge->n_mentions;
  guint add = MAX (live, 1u);
  v[type] += add;
  /* the common case: every article agrees */
  if (type == ge->type && v[type] == total + add)
    return type;
  gboolean gaz[EVL_ENTITY_N] = { FALSE }, any_gaz = FALSE;
  for (guint t = 0; t < EVL_ENTITY_N; t++)
    if (v[t])
      any_gaz |= gaz[t] = gazetteer_lists (ctx, ge->name, (EvlEntityType) t);
  gboolean many = count_words (ge->name) > 1;
  EvlEntityType best = EVL_ENTITY_N;
  /* later types win ties: none is the person default */
  for (guint t = 0; t < EVL_ENTITY_N; t++)
    {
      if (v[t] == 0 || (any_gaz && !gaz[t]))
        continue;
      if (t == EVL_ENTITY_PERSON && many && v[EVL_ENTITY_ORGANIZATION] && !gaz[t])
        continue;
      if (best == EVL_ENTITY_N || v[t] >= v[best])
        best = (EvlEntityType) t;
    }
  return best == EVL_ENTITY_N ? ge->type : best;
}

/* A cluster whose story entity waits for the others of its article:
 * initials_agree(). */
#define DEFERRED (G_MAXUINT - 1)

/* Whether the article of a name that matched story entity @e by its
 * initials alone ('CDU' for 'Croatian Democratic Union') agrees with
 * @e's articles: it names a person or a place they named (@map, the
 * article's clusters, @n of them, less @self), as 'NATO' among 'Brussels'
 * and the 'North Atlantic Treaty Organization' of another article among
 * 'Brussels' do; or it cannot disagree, as one side names no place.  Two
 * articles that name places and share none tell of other bodies:
 * initials of three letters name many, and the German 'CDU' of a vote in
 * Hesse is no Croatian party of Zagreb. */
static gboolean
initials_agree (const EvlGraph *g, guint e, const guint *map, guint n, guint self)
{
  guint nn = 0;
  const guint *near = evl_graph_entity_get_near (g, e, &nn);
  gboolean here_place = FALSE, there_place = FALSE;
  for (guint k = 0; k < n; k++)
    {
      if (k == self || map[k] >= DEFERRED || map[k] == e)
        continue;
      here_place |= evl_graph_get_entity (g, map[k])->type == EVL_ENTITY_LOCATION;
      for (guint j = 0; j < nn; j++)
        if (near[j] == map[k])
          return TRUE;
    }
  for (guint j = 0; j < nn && !there_place; j++)
    there_place = evl_graph_get_entity (g, near[j])->type == EVL_ENTITY_LOCATION;
  return !(here_place && there_place);
}

/* Story entity @e may be matched by initials (find_by_short_form ()):
 * a body or place whose name has three initials or more, or is an
 * acronym. */
static gboolean
initials_target (const EvlGraphEntity *e)
{
  char buf[128];
  return e->type != EVL_ENTITY_PERSON
         && (name_initials (e->name, buf, sizeof buf) || acronym_letters (e->name, buf, sizeof buf));
}

/* Records the people and places of an article (@map, @n clusters) as
 * neighbours of each of its story entities that initials may match, up
 * to NEAR_MAX each.  They are kept in the graph (evl_graph_entity_add_near
 * ()), which a saved story (build -g) carries, so that an acronym of a
 * later run is matched as in one build. */
static void
record_near (EvlGraph *g, const guint *map, guint n)
{
  for (guint a = 0; a < n; a++)
    {
      if (map[a] >= DEFERRED || map[a] >= evl_graph_n_entities (g)
          || !initials_target (evl_graph_get_entity (g, map[a])))
        continue;
      for (guint b = 0; b < n; b++)
        {
          if (b == a || map[b] >= DEFERRED || map[b] == map[a])
            continue;
          EvlEntityType t = evl_graph_get_entity (g, map[b])->type;
          if (t != EVL_ENTITY_PERSON && t != EVL_ENTITY_LOCATION)
            continue;
          guint nn = 0;
          evl_graph_entity_get_near (g, map[a], &nn);
          if (nn < NEAR_MAX)
            evl_graph_entity_add_near (g, map[a], map[b]);
        }
    }
}

/* Makes cluster @c of an article the story entity @e (-1: a new one),
 * merging its name, aliases, type and counts; returns the entity. */
static guint
attach_cluster (const EvlContext *ctx, EvlGraph *g, EntityIndex *ix, const EvlEntityCluster *cl,
                guint c, gint e, const guint *live, const guint *map, guint n_clusters)
{
  g_autofree char *key = NULL;
  if (e < 0)
    {
      key = cl[c].key ? g_strdup (cl[c].key)
                      : evl_entity_normalize_key (ctx, cl[c].name, cl[c].type);
      EvlGraphEntity ne = { 0 };
      ne.name = cl[c].name;
      ne.key = key;
      ne.type = cl[c].type;
      e = (gint) evl_graph_add_entity (g, &ne);
    }
  EvlEntityType voted = voted_type (ctx, g, (guint) e, cl[c].type, live[c]);
  EvlGraphEntity *ge = evl_graph_peek_entity (g, (guint) e);
  ge->type = voted;
  /* A fuller form of the name wins ('Putin' -> 'Vladimir Putin'). */
  if (count_words (cl[c].name) > count_words (ge->name))
    {
      evl_graph_entity_add_alias (g, (guint) e, ge->name);
      ge = evl_graph_peek_entity (g, (guint) e);
      ge->name = evl_graph_intern (g, cl[c].name);
      /* told in full: no longer a bare surname another full name may join */
      evl_graph_entity_set_title (g, (guint) e, NULL);
    }
  /* a person named by a title and a surname alone ('Governor Ambrose'):
   * earlier_bare_surname () */
  else if (cl[c].role && cl[c].type == EVL_ENTITY_PERSON && count_words (ge->name) == 1)
    evl_graph_entity_set_title (g, (guint) e, cl[c].role);
  gboolean seen = FALSE;
  for (guint k = 0; k < n_clusters; k++)
    seen |= k != c && map[k] == (guint) e;
  ge->n_mentions += live[c];
  if (!seen)
    ge->n_documents++;
  if (g_strcmp0 (cl[c].name, ge->name) != 0)
    evl_graph_entity_add_alias (g, (guint) e, cl[c].name);
  for (guint k = 0; cl[c].aliases && cl[c].aliases[k]; k++)
    if (g_strcmp0 (cl[c].aliases[k], evl_graph_get_entity (g, (guint) e)->name) != 0)
      evl_graph_entity_add_alias (g, (guint) e, cl[c].aliases[k]);
  index_entity (ix, g, (guint) e);
  return (guint) e;
}

/* Maps each document cluster to a story entity (G_MAXUINT when the
 * cluster is only mentioned in page furniture). */
static guint *
add_entities (const EvlContext *ctx, EvlGraph *g, const EvlDocument *doc,
              const EvlSentence *sents, guint n_sents)
{
  guint n_clusters = 0, n_em = 0;
  const EvlEntityCluster *cl = evl_document_get_entity_clusters (doc, &n_clusters);
  const EvlEntityMention *em = evl_document_get_entity_mentions (doc, &n_em);
  guint *map = g_new (guint, n_clusters + 1);
  g_autofree guint *live = g_new0 (guint, n_clusters + 1);
  g_autofree gint *by_initials = g_new (gint, n_clusters + 1);
  for (guint i = 0; i < n_em; i++)
    {
      if (em[i].cluster < 0 || (guint) em[i].cluster >= n_clusters)
        continue;
      if (em[i].sentence < n_sents && sents[em[i].sentence].is_furniture)
        continue;
      live[em[i].cluster]++;
    }

  EntityIndex ix = {
    entity_cache_get (ctx, g),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_array_new (FALSE, FALSE, sizeof (guint)),
  };

  for (guint c = 0; c < n_clusters; c++)
    map[c] = G_MAXUINT;
  guint deferred = 0;
  for (guint c = 0; c < n_clusters; c++)
    {
      if (live[c] == 0 || cl[c].name == NULL)
        continue;
      gboolean initials = FALSE;
      gint e = find_entity (&ix, g, &cl[c], &initials);
      if (e >= 0 && initials)
        {
          by_initials[c] = e;
          map[c] = DEFERRED;
          deferred++;
          continue;
        }
      map[c] = attach_cluster (ctx, g, &ix, cl, c, e, live, map, n_clusters);
    }
  for (guint c = 0; deferred > 0 && c < n_clusters; c++)
    if (map[c] == DEFERRED)
      {
        gint e = initials_agree (g, (guint) by_initials[c], map, n_clusters, c) ? by_initials[c] : -1;
        map[c] = attach_cluster (ctx, g, &ix, cl, c, e, live, map, n_clusters);
      }
  for (guint i = 0; i < ix.touched->len; i++)
    cache_sync_entity (ix.base, g, g_array_index (ix.touched, guint, i));
  entity_cache_get (ctx, g);
  record_near (g, map, n_clusters);
  g_hash_table_unref (ix.keys);
  g_hash_table_unref (ix.aliases);
  g_array_unref (ix.touched);
  return map;
}

/* ---- text helpers ---- */

/* The text of @span with runs of white space collapsed to one space. */
static char *
collapse_ws (const char *text, gsize len, EvlSpan span)
{
  if (span.end > len || span.start >= span.end)
    return g_strdup ("");
  GString *out = g_string_sized_new (span.end - span.start);
  gboolean space = FALSE;
  for (guint i = span.start; i < span.end; i++)
    {
      char c = text[i];
      if (g_ascii_isspace (c))
        {
          space = TRUE;
          continue;
        }
      /* U+00A0 no-break space is white space in page text too. */
      if ((guchar) c == 0xC2 && i + 1 < span.end && (guchar) text[i + 1] == 0xA0)
        {
          space = TRUE;
          i++;
          continue;
        }
      if (space && out->len)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

enum { TRIGGER_NONE, TRIGGER_OTHER, TRIGGER_FINITE };

typedef struct {
  const EvlContext *ctx;
  EvlGraph *g;
  const EvlDocument *doc;
  const char *text;
  gsize len;
  const EvlSentence *sents;
  guint n_sents;
  const EvlToken *toks;
  guint n_toks;
  const EvlEntityMention *em;
  guint n_em;
  const EvlTimex *tx;
  guint n_tx;
  const EvlEventMention *ev;
  guint n_ev;
  guint *cluster_map;
  guint n_clusters;
  guint *event_map;     /* mention index -> graph event or G_MAXUINT */
  guint8 *trigger_tok;  /* per token: TRIGGER_* of the event mention it is in */
  gint32 *tok_event;    /* per token: the first event mention it starts in, or -1 */
  guint doc_index;
  const EvlLexicon *stops;
  const EvlLexicon *cues;
  GHashTable *cue_prefixes;   /* cue_prefixes_get() */
  const EvlLexicon *irregular;
  const EvlLexicon *forms;
  const EvlLexicon *possessor_patients;   /* en/possessor-patients */
  const EvlLexicon *control;              /* en/control-verbs */
} AddCtx;

static gboolean
tok_is_comma (const AddCtx *a, guint t)
{
  return EVL_SPAN_LEN (a->toks[t].span) == 1 && a->text[a->toks[t].span.start] == ',';
}

static gboolean
tok_is_punct (const AddCtx *a, guint t)
{
  return (a->toks[t].flags & (EVL_TOKEN_PUNCT | EVL_TOKEN_QUOTE)) != 0;
}

static const EvlLexEntry *
tok_lookup (const EvlLexicon *lex, const AddCtx *a, guint t)
{
  if (lex == NULL || t >= a->n_toks)
    return NULL;
  EvlSpan s = a->toks[t].span;
  return evl_lexicon_lookup (lex, a->text + s.start, EVL_SPAN_LEN (s));
}

/* First token starting at or after byte @off in sentence @sent (searched
 * from the token at byte @hint), or n_toks. */
static guint
token_from (const AddCtx *a, guint32 hint, guint32 off, guint sent)
{
  gint t = evl_document_token_at (a->doc, hint);
  if (t < 0 && a->sents && sent < a->n_sents)
    t = (gint) a->sents[sent].first_token;
  guint i = t < 0 ? 0 : (guint) t;
  while (i < a->n_toks && a->toks[i].span.start < off)
    i++;
  if (i < a->n_toks && a->toks[i].sentence != sent)
    return a->n_toks;
  return i;
}

/* Is byte @off inside a time expression of sentence @sent?  The time is
 * shown apart from the summary ('says yesterday'). */
static gboolean
in_timex (const AddCtx *a, guint sent, guint32 off)
{
  for (guint i = 0; i < a->n_tx; i++)
    if (a->tx[i].sentence == sent && off >= a->tx[i].span.start && off < a->tx[i].span.end)
      return TRUE;
  return FALSE;
}

static gboolean word_in (const AddCtx *a, guint t, const char *const *list);

/* Token @t is a whole time expression written as one hyphenated word
 * before a noun of a phrase ('a two-day strike', 'a 24-hour stoppage'):
 * the noun's modifier, which the phrase keeps. */
static gboolean
timex_modifier (const AddCtx *a, guint t, guint sent)
{
  /* ... and a lower-case one after a determiner ('the current
   * parliament', 'its former leader') */
  gboolean after_det = t > 0 && a->toks[t - 1].sentence == sent && g_ascii_islower (a->text[a->toks[t].span.start])
                       && word_in (a, t - 1, (const char *const[]) { "the", "a", "an", "its", "their", "his",
                                                                     "her", NULL });
  if (t + 1 >= a->n_toks || a->toks[t + 1].sentence != sent || !(a->toks[t + 1].flags & EVL_TOKEN_WORD)
      || tok_is_punct (a, t + 1) || tok_lookup (a->stops, a, t + 1) != NULL
      || (!after_det && memchr (a->text + a->toks[t].span.start, '-', EVL_SPAN_LEN (a->toks[t].span)) == NULL))
    return FALSE;
  for (guint i = 0; i < a->n_tx; i++)
    if (a->tx[i].sentence == sent && a->tx[i].span.start <= a->toks[t].span.start
        && a->toks[t].span.start < a->tx[i].span.end)
      return a->tx[i].span.start == a->toks[t].span.start && a->tx[i].span.end == a->toks[t].span.end
             && !in_timex (a, sent, a->toks[t + 1].span.start);
  return FALSE;
}

/* The token after a duration (or a vague 'the future') that opens at
 * token @t and is followed by 'of' and a word: a measure of a noun, no
 * time ('declared three days of national mourning', 'carry up to seven
 * years of jail'), which an object keeps whole; else @t. */
static guint
timex_measure_end (const AddCtx *a, guint t, guint sent)
{
  for (guint i = 0; i < a->n_tx; i++)
    if (a->tx[i].sentence == sent && a->tx[i].span.start == a->toks[t].span.start
        /* (a date names when: 'emptied last week of its people') */
        && (a->tx[i].type == EVL_TIMEX_DURATION || (a->tx[i].value && g_str_has_suffix (a->tx[i].value, "_REF"))))
      {
        guint e = t;
        while (e < a->n_toks && a->toks[e].sentence == sent && a->toks[e].span.start < a->tx[i].span.end)
          e++;
        if (e + 1 < a->n_toks && a->toks[e + 1].sentence == sent && word_in (a, e, (const char *const[]) { "of", NULL })
            && (a->toks[e + 1].flags & EVL_TOKEN_WORD) && !tok_is_punct (a, e + 1))
          return e;
        return t;
      }
  return t;
}

/* Words whose referent a summary line cannot show: no subject or object
 * of one. */
static const char *const pronouns[] = { "he", "she", "it", "they", "we", "i", "you", "him", "her",
                                        "them", "us", "me", "this", "that", "these", "those", NULL };

/* The forms of 'be': before a participle, a passive. */
static const char *const be_forms[] = { "is", "are", "was", "were", "be", "been", "being", NULL };

/* ... of which those that name people as an object ('sentenced her'). */
static const char *const object_pronouns[] = { "him", "her", "them", "us", "me", NULL };

/* Words that open a clause, not a phrase: no summary's subject runs
 * past one, and no prepositional phrase starts with one ('died when
 * their vehicle'). */
static const char *const conjunctions[] = { "and", "or", "but", "nor", "that", "which", "who", "whom",
                                            "whose", "what", "whatever", "whether", "how", "why", "when",
                                            "while", "where", "because", "although", "though", "if", "than",
                                            "as", "so", "yet", NULL };

/* A currency sign written before a number ('$460 billion', '£3m'), which
 * belongs to the phrase it stands in; so does a percent sign after one. */
static gboolean
currency_before_number (const AddCtx *a, guint t)
{
  const char *w = a->text + a->toks[t].span.start;
  gsize n = EVL_SPAN_LEN (a->toks[t].span);
  gboolean sign = (n == 1 && w[0] == '$') || (n == 2 && memcmp (w, "\xC2\xA3", 2) == 0)
                  || (n == 3 && memcmp (w, "\xE2\x82\xAC", 3) == 0);
  if (sign)
    return t + 1 < a->n_toks && a->toks[t + 1].span.start == a->toks[t].span.end
           && g_ascii_isdigit (a->text[a->toks[t + 1].span.start]);
  /* ... and a percent sign written after one ('56.6%') */
  return n == 1 && w[0] == '%' && t > 0 && a->toks[t - 1].span.end == a->toks[t].span.start
         && g_ascii_isdigit (a->text[a->toks[t].span.start - 1]);
}

/* 'a state of emergency', 'thousands of homes': an 'of' between two
 * words of an object, with room for both. */
static gboolean
of_inside (const AddCtx *a, guint t, guint words)
{
  return words > 0 && words < 4 && t + 1 < a->n_toks && a->toks[t + 1].sentence == a->toks[t].sentence
         && word_in (a, t, (const char *const[]) { "of", NULL }) && !tok_is_punct (a, t + 1)
         && tok_lookup (a->stops, a, t + 1) == NULL
         && !in_timex (a, a->toks[t].sentence, a->toks[t + 1].span.start);
}

/* The words after a verb trigger up to the first punctuation, function
 * word or time expression, at most five: the summary's object when there
 * is no patient. */
/* 'than' of 'more than 500 people', 'at' of 'at least 12 people': the
 * count goes on. */
static gboolean
than_count (const AddCtx *a, guint t)
{
  static const char *const than[] = { "than", NULL };
  static const char *const at[] = { "at", NULL };
  static const char *const least[] = { "least", NULL };
  static const char *const comparatives[] = { "more", "fewer", "less", NULL };
  if (t + 1 >= a->n_toks || !(a->toks[t + 1].flags & (EVL_TOKEN_NUMBER | EVL_TOKEN_WORD)))
    return FALSE;
  return (t > 0 && word_in (a, t, than) && word_in (a, t - 1, comparatives))
         || (word_in (a, t, at) && word_in (a, t + 1, least))
         /* a vote's or a match's score ('voted 105 to 90') */
         || (t > 0 && word_in (a, t, (const char *const[]) { "to", NULL }) && (a->toks[t - 1].flags & EVL_TOKEN_NUMBER)
             && (a->toks[t + 1].flags & EVL_TOKEN_NUMBER) && a->toks[t - 1].sentence == a->toks[t + 1].sentence);
}

/* Token @t is a preposition that rounds the number after it: 'cut about
 * 600 jobs', 'around 40 people', 'over 300 flights' (the count is the
 * object, not a phrase of 'about'). */
static gboolean
approx_count (const AddCtx *a, guint t)
{
  static const char *const approx[] = { "about", "around", "over", "under", "some", NULL };
  return t + 1 < a->n_toks && a->toks[t + 1].sentence == a->toks[t].sentence
         && (a->toks[t + 1].flags & EVL_TOKEN_NUMBER) && word_in (a, t, approx);
}

/* Token @t goes on the phrase before it: a word of the sentence that is
 * no function word, punctuation or time. */
static gboolean
runs_on (const AddCtx *a, guint t, guint sentence)
{
  return t < a->n_toks && a->toks[t].sentence == sentence && !tok_is_punct (a, t)
         && tok_lookup (a->stops, a, t) == NULL && !in_timex (a, sentence, a->toks[t].span.start);
}

/* ... and no determiner, which opens a noun phrase of its own ('a
 * ruling accusing the government'). */
static gboolean
runs_on_np (const AddCtx *a, guint t, guint sentence)
{
  static const char *const dets[] = { "a", "an", "the", "its", "their", "his", "her", "this", "these",
                                      "those", NULL };
  return runs_on (a, t, sentence) && !word_in (a, t, dets);
}

/* A lower-case '-ing' or '-ed' word: after a noun, the verb of a clause
 * on it ('a court ruling accusing the government'). */
static gboolean
participle_word (const AddCtx *a, guint t)
{
  const char *w = a->text + a->toks[t].span.start;
  gsize n = EVL_SPAN_LEN (a->toks[t].span);
  return n > 4 && g_ascii_islower (w[0])
         && (memcmp (w + n - 3, "ing", 3) == 0 || memcmp (w + n - 2, "ed", 2) == 0);
}

/* The end of a phrase from token @t0 that the word cap cut at token @t:
 * the line never ends inside a noun phrase ('from the Sohae satellite
 * launching'), so a phrase whose head is at most two words on goes to
 * it; one that runs on further ends before a clause on its noun ('a
 * motion criticizing China's record': 'a motion'), else is no phrase of
 * the line (0). */
static guint
phrase_end (const AddCtx *a, guint t0, guint t, guint sentence)
{
  for (guint j = 0; j < 3; j++)
    if (!runs_on_np (a, t + j, sentence))
      return t + j;
  for (guint k = t0 + 2; k < t; k++)
    if (participle_word (a, k))
      return k;
  return 0;
}


/* Token @t opens a preposition of two words ('next to', 'ahead of',
 * 'close to', 'because of'): a phrase stopped at the second word ends
 * before the first ('in the blasts next to the embassies': 'in the
 * blasts'). */
static gboolean
two_word_prep (const AddCtx *a, guint t)
{
  static const char *const first[] = { "next", "close", "ahead", "prior", "due", "according", "instead",
                                       "because", "out", "adjacent", "opposite", "thanks", "owing", NULL };
  static const char *const second[] = { "to", "of", "from", NULL };
  return t + 1 < a->n_toks && a->toks[t + 1].sentence == a->toks[t].sentence && word_in (a, t, first)
         && word_in (a, t + 1, second);
}

/* Token @t is an 'and' or 'or' joining two modifiers of one noun: a
 * lower-case word before and after it that is no function word, verb
 * or '-ed' form, and another word of the phrase after that one ('central
 * and eastern European countries'; not 'apples and oranges.', nor
 * 'two soldiers and wounded three'). */
static gboolean is_ly_adverb (const AddCtx *a, guint t);

static gboolean
modifier_and (const AddCtx *a, guint t, guint sentence)
{
  if (t == 0 || t + 2 >= a->n_toks || a->toks[t + 2].sentence != sentence
      || !word_in (a, t, (const char *const[]) { "and", "or", NULL }))
    return FALSE;
  for (guint k = t - 1; k <= t + 1; k += 2)
    {
      const char *w = a->text + a->toks[k].span.start;
      gsize n = EVL_SPAN_LEN (a->toks[k].span);
      if (!runs_on_np (a, k, sentence) || !g_ascii_islower (w[0]) || a->trigger_tok[k] != TRIGGER_NONE
          || (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd') || (a->toks[k].flags & EVL_TOKEN_NUMBER))
        return FALSE;
    }
  /* 'and then several shops': an adverb opens a clause of its own */
  return runs_on_np (a, t + 2, sentence) && a->trigger_tok[t + 2] == TRIGGER_NONE && !is_ly_adverb (a, t + 1)
         && !word_in (a, t + 1, (const char *const[]) { "then", "also", "later", "again", "now", "still", "even",
                                                        "thus", "so", NULL });
}

/* Token @t opens ', N.Y.,' after a capitalised place and before a word
 * of the phrase ('a Buffalo, N.Y., abortion doctor'): the state is the
 * town's, the phrase runs on past it. */
static gboolean
state_apposition (const AddCtx *a, guint t, guint sentence)
{
  return t > 0 && t + 3 < a->n_toks && a->toks[t + 3].sentence == sentence
         && (a->toks[t - 1].flags & EVL_TOKEN_CAP) && (a->toks[t + 1].flags & EVL_TOKEN_ABBREV)
         && (a->toks[t + 1].flags & EVL_TOKEN_CAP) && tok_is_comma (a, t) && tok_is_comma (a, t + 2)
         && runs_on_np (a, t + 3, sentence);
}

static const char *const lead_dets[] = { "a", "an", "the", "its", "their", "his", "her", "this", "these", "those",
                                         NULL };

/* Token @t is a lower-case past form ('-ed' or irregular: 'fled') right
 * after a noun: not after a determiner ('the planned merger'), a number
 * ('two injured men') nor an adverb ('also accused', 'strongly
 * opposed'), which leave it a modifier or in the verb group before. */
static gboolean
past_after_noun (const AddCtx *a, guint t)
{
  static const char *const before[] = { "also", "then", "still", "never", "later", "again", "now", "already",
                                        "just", "not", NULL };
  const char *w = a->text + a->toks[t].span.start;
  gsize n = EVL_SPAN_LEN (a->toks[t].span);
  const EvlLexEntry *irr = tok_lookup (a->irregular, a, t);
  gboolean past = (n > 3 && memcmp (w + n - 2, "ed", 2) == 0)
                  || (irr && g_ascii_strncasecmp (irr->canonical, w, n) != 0);
  return past && t > 0 && g_ascii_islower (w[0]) && (a->toks[t - 1].flags & EVL_TOKEN_WORD)
         && !(a->toks[t - 1].flags & EVL_TOKEN_NUMBER) && !word_in (a, t - 1, lead_dets)
         && !word_in (a, t - 1, before) && !is_ly_adverb (a, t - 1);
}

/* Token @t is the main clause's verb after a relative clause's object
 * ('The man that killed the mayor fled'): such a past form that is a
 * finite trigger, not one the tagger took on a noun ('its stronghold',
 * 'a swing vote'). */
static gboolean
relative_ends (const AddCtx *a, guint t)
{
  if (a->trigger_tok[t] != TRIGGER_FINITE || !past_after_noun (a, t))
    return FALSE;
  /* An irregular form may be a noun ('a late shot was named'): it ends
   * the object only before a function word or punctuation that is no
   * verb of its own. */
  gsize n = EVL_SPAN_LEN (a->toks[t].span);
  if (n > 3 && memcmp (a->text + a->toks[t].span.end - 2, "ed", 2) == 0)
    return TRUE;
  return t + 1 < a->n_toks && a->toks[t + 1].sentence == a->toks[t].sentence
         && (tok_is_punct (a, t + 1) || tok_lookup (a->stops, a, t + 1) != NULL || is_ly_adverb (a, t + 1))
         && !word_in (a, t + 1, be_forms) && !word_in (a, t + 1, (const char *const[]) { "has", "have", "had", NULL });
}

/* The end of a state phrase at token @t that completes the object of
 * @m, a verb whose object takes a predicate ('declared the blaze under
 * control', 'kept the suspect in custody', 'put the plan on hold',
 * 'placed the army on alert'): a preposition and one bare lower-case
 * noun ending the phrase (punctuation, a function word or a time after
 * it); @t when there is none.  Without it the line says the opposite of
 * the news ('Firefighters declare the blaze'). */
static guint
object_complement_end (const AddCtx *a, const EvlEventMention *m, guint t)
{
  static const char *const verbs[] = { "declare", "pronounce", "keep", "bring", "put", "place", "hold", "get",
                                       "leave", NULL };
  static const char *const preps[] = { "under", "in", "on", "out", "beyond", NULL };
  if (m->lemma == NULL || !g_strv_contains (verbs, m->lemma) || t + 1 >= a->n_toks
      || a->toks[t].sentence != m->sentence || !word_in (a, t, preps))
    return t;
  guint n = t + 1;
  /* 'out of control', 'out of danger' */
  if (word_in (a, t, (const char *const[]) { "out", NULL }))
    {
      if (!word_in (a, n, (const char *const[]) { "of", NULL }))
        return t;
      n++;
    }
  if (n >= a->n_toks || a->toks[n].sentence != m->sentence || tok_is_punct (a, n)
      || !g_ascii_islower (a->text[a->toks[n].span.start]) || tok_lookup (a->stops, a, n) != NULL
      || in_timex (a, m->sentence, a->toks[n].span.start))
    return t;
  guint after = n + 1;
  if (after < a->n_toks && a->toks[after].sentence == m->sentence && !tok_is_punct (a, after)
      && tok_lookup (a->stops, a, after) == NULL && !in_timex (a, m->sentence, a->toks[after].span.start))
    return t;
  return after;
}

/* The end of the phrase that says what a stance is about, after the
 * short object (tokens @t0..@t - 1) of statement @m ('expressed concern
 * about the delays', 'voiced anger over the verdict'): a preposition, an
 * article and up to three words ending at punctuation, a function word
 * other than 'of', a time or the sentence's end; @t when there is none
 * or it would be cut inside a noun phrase.  'Lipton expresses concern' tells nothing. */
static guint
stance_complement_end (const AddCtx *a, const EvlEventMention *m, guint t0, guint t)
{
  static const char *const preps[] = { "about", "over", "at", "for", "on", "with", NULL };
  static const char *const articles[] = { "the", "a", "an", "its", "their", "his", "her", NULL };
  if (g_strcmp0 (m->type, "STATEMENT") != 0 || t <= t0 || t - t0 > 3 || t + 1 >= a->n_toks
      || a->toks[t].sentence != m->sentence || !word_in (a, t, preps))
    return t;
  guint e = t + 1;
  if (word_in (a, e, articles))
    e++;
  guint words = 0;
  for (; words < 4 && runs_on (a, e, m->sentence) && a->trigger_tok[e] != TRIGGER_FINITE; words++)
    e++;
  /* ('doubts on the credibility' of whom: cut inside its noun phrase) */
  if (words == 0 || words == 4 || (e < a->n_toks && word_in (a, e, (const char *const[]) { "of", NULL })))
    return t;
  return e;
}

/* The end of the infinitive that completes the object of @m, a verb of
 * object control ('forced more than 6,000 people to leave their homes',
 * 'urged the rebels to talk'), the phrase having stopped at token @t:
 * 'to', the verb and up to three words of its own object, to a
 * preposition, punctuation or a time; @t when no such infinitive
 * follows.  What the object was made to do is the news the line tells. */
static guint
object_infinitive_end (const AddCtx *a, const EvlEventMention *m, guint t)
{
  if (m->lemma == NULL || a->control == NULL || t + 1 >= a->n_toks || a->toks[t + 1].sentence != m->sentence
      || !word_in (a, t, (const char *const[]) { "to", NULL }) || a->trigger_tok[t + 1] == TRIGGER_NONE
      || evl_lexicon_lookup (a->control, m->lemma, strlen (m->lemma)) == NULL)
    return t;
  static const char *const dets[] = { "a", "an", "the", "its", "their", "his", "her", NULL };
  guint e = t + 2;
  for (guint words = 0; words < 4 && e < a->n_toks && a->toks[e].sentence == m->sentence && !tok_is_punct (a, e)
                        && (tok_lookup (a->stops, a, e) == NULL || word_in (a, e, dets))
                        && !in_timex (a, m->sentence, a->toks[e].span.start);
       words++)
    e++;
  /* Cut short, it would end inside a noun phrase ('to replace a key
   * Russian'), an 'of' phrase ('to use' of) or on a particle ('to secure
   * up'): the line goes without it. */
  if (e < a->n_toks && a->toks[e].sentence == m->sentence && !tok_is_punct (a, e)
      && !in_timex (a, m->sentence, a->toks[e].span.start)
      && (tok_lookup (a->stops, a, e) == NULL || word_in (a, e, (const char *const[]) { "of", NULL })))
    return t;
  if (word_in (a, e - 1, (const char *const[]) { "up", "down", "out", "off", NULL }))
    return t;
  return e;
}

/* Predicate adjectives a verdict or a finding is told by ('was found
 * guilty', 'pleaded not guilty', 'declared dead'): the news itself. */
static const char *const predicates[] = { "guilty", "innocent", "liable", "responsible", "dead", "alive",
                                          "missing", "insane", "unfit", "competent", "incompetent", NULL };

/* Whether token @t is the 'not' of a negated predicate adjective ('pleaded
 * not guilty'): the plea is the event, and 'not' is its object's, so the
 * object phrase runs on past it. */
static gboolean
not_predicate (const AddCtx *a, guint t)
{
  return t + 1 < a->n_toks && a->toks[t + 1].sentence == a->toks[t].sentence
         && word_in (a, t, (const char *const[]) { "not", NULL }) && word_in (a, t + 1, predicates);
}

static gboolean appositive_between (const AddCtx *a, guint open, guint close);

/* The closing comma of the apposition that comma @c opens when a verdict's
 * predicate follows it ('found Anton Brevik, the port's former head,
 * guilty of bribery'), or 0.  The predicate is the finding: without it
 * the line says only that someone was found. */
static guint
predicate_after_apposition (const AddCtx *a, guint c)
{
  if (c == 0 || c + 2 >= a->n_toks || !tok_is_comma (a, c))
    return 0;
  guint sent = a->toks[c].sentence;
  for (guint k = c + 2; k < a->n_toks && k < c + 14 && a->toks[k].sentence == sent; k++)
    if (tok_is_punct (a, k))
      return tok_is_comma (a, k) && k + 1 < a->n_toks && a->toks[k + 1].sentence == sent
                     && (word_in (a, k + 1, predicates) || not_predicate (a, k + 1))
                     && appositive_between (a, c + 1, k)
             ? k : 0;
  return 0;
}

/* 'arrested the former director of the port, Anton Brevik,': the
 * patient's name restates the words after the verb @m (lower-case words
 * and names, no punctuation, up to the comma before the name), so the
 * title names the patient, not the description. */
static gboolean
appositive_patient (const AddCtx *a, const EvlEventMention *m)
{
  if (m->patient < 0 || (guint) m->patient >= a->n_em || a->n_toks == 0)
    return FALSE;
  gint p = evl_document_token_at (a->doc, a->em[m->patient].span.start);
  guint t0 = token_from (a, m->span.start, m->span.end, m->sentence);
  if (p < 2 || t0 >= (guint) p - 1 || (guint) p - 1 - t0 > 10 || !tok_is_comma (a, (guint) p - 1)
      || !g_ascii_islower (a->text[a->toks[t0].span.start]))
    return FALSE;
  for (guint t = t0; t < (guint) p - 1; t++)
    if (!(a->toks[t].flags & EVL_TOKEN_WORD))
      return FALSE;
  return TRUE;
}

/* @inf (may be NULL): set to the object's infinitive (object_infinitive_end
 * ()), which ends the phrase, or NULL. */
static char *
object_phrase (const AddCtx *a, const EvlEventMention *m, gboolean named_ok, char **inf)
{
  if (a->n_toks == 0)
    return NULL;
  guint t0 = token_from (a, m->span.start, m->span.end, m->sentence);
  if (t0 >= a->n_toks)
    return NULL;
  /* 'met Putin': a participant already named in the subject (unless the
   * subject is the clause's own, @named_ok). */
  guint32 first = a->toks[t0].span.start;
  for (guint i = 0; !named_ok && i < m->n_participants; i++)
    {
      gint32 k = m->participants[i];
      if (k >= 0 && (guint) k < a->n_em && a->em[k].span.start <= first && first < a->em[k].span.end)
        return NULL;
    }
  static const char *const dets[] = { "a", "an", "the", "its", "their", "his", "her", "this", "these",
                                      "those", "our", "my", "your", NULL };
  /* 'voiced "great indignation" at': a statement's quoted words of two
   * to four, closed by their mark, are its object as written ('Beijing
   * voices' told nothing); a longer quotation is what was said, no
   * object a line holds. */
  if (g_strcmp0 (m->type, "STATEMENT") == 0 && (a->toks[t0].flags & EVL_TOKEN_QUOTE))
    {
      guint q = t0 + 1;
      while (q < a->n_toks && q < t0 + 6 && a->toks[q].sentence == m->sentence
             && (a->toks[q].flags & EVL_TOKEN_WORD) && !(a->toks[q].flags & EVL_TOKEN_QUOTE))
        q++;
      if (q > t0 + 2 && q < a->n_toks && a->toks[q].sentence == m->sentence && (a->toks[q].flags & EVL_TOKEN_QUOTE))
        return collapse_ws (a->text, a->len, (EvlSpan) { a->toks[t0].span.start, a->toks[q].span.end });
      return NULL;
    }
  /* the verb opens a subject relative clause ('who saved', 'that
   * allegedly killed') */
  gboolean rel = FALSE;
  for (guint k = t0; k > 0 && k + 3 > t0 && !rel && a->toks[k - 1].sentence == m->sentence; k--)
    rel = word_in (a, k - 1, (const char *const[]) { "that", "who", "which", NULL });
  guint t = t0, words = 0, of = 0;
  guint measure = timex_measure_end (a, t0, m->sentence);
  while (t < a->n_toks && words < 5 && a->toks[t].sentence == m->sentence
         && (!tok_is_punct (a, t) || currency_before_number (a, t))
         && (t < measure || tok_lookup (a->stops, a, t) == NULL || of_inside (a, t, words) || than_count (a, t)
             || approx_count (a, t) || not_predicate (a, t))
         && (t < measure || !in_timex (a, m->sentence, a->toks[t].span.start) || timex_modifier (a, t, m->sentence)))
    {
      if (tok_lookup (a->stops, a, t) != NULL)
        of = t;
      /* a subject pronoun opens the next clause ('warned the divided
       * society he said', 'assured the leader he was') */
      if (two_word_prep (a, t)
          || (t > t0 && !word_in (a, t - 1, (const char *const[]) { "what", NULL })
              && word_in (a, t, (const char *const[]) { "he", "she", "they", "we", "i", NULL })))
        break;
      /* ... as does the finite verb after a relative clause's object
       * ('The man that killed the mayor fled': 'killed the mayor'); after
       * a determiner it is a tagger's slip on an adjective ('the planned
       * merger') */
      if (rel && t > t0 && relative_ends (a, t))
        break;
      /* an article right after a noun opens another noun phrase, no
       * part of the object: a bare time adverbial ('visited the city
       * the day after the quake') or a second object */
      /* (not after a verb's form or a pronoun, whose object it is:
       * 'a deal giving it a stake', 'legislation allowing the army') */
      if (t > t0 + 1 && word_in (a, t, (const char *const[]) { "the", "a", "an", NULL }) && !tok_is_punct (a, t - 1)
          && tok_lookup (a->stops, a, t - 1) == NULL && g_ascii_islower (a->text[a->toks[t - 1].span.start])
          && a->trigger_tok[t - 1] == TRIGGER_NONE && !participle_word (a, t - 1)
          && !word_in (a, t - 1, (const char *const[]) { "it", "him", "her", "them", "us", "me", "you", NULL })
          && !(EVL_SPAN_LEN (a->toks[t - 1].span) > 4
               && memcmp (a->text + a->toks[t - 1].span.end - 3, "ing", 3) == 0))
        break;
      words += !tok_is_punct (a, t++);
      if (words < 5 && state_apposition (a, t, m->sentence))
        t += 3, words++;
      /* 'the three central and eastern European countries': an 'and'
       * between two modifiers (a plain lower-case word after it, which
       * the phrase runs on past) joins them inside the phrase */
      if (words < 5 && modifier_and (a, t, m->sentence))
        t += 2, words += 2;
    }
  /* An 'of' phrase the five words cut short goes whole ('13 members of
   * the Israeli-backed'). */
  if (of > t0 && runs_on (a, t, m->sentence))
    t = of;
  else if (words == 5 && runs_on_np (a, t, m->sentence) && !two_word_prep (a, t)
           && (t = phrase_end (a, t0, t, m->sentence)) == 0)
    return NULL;
  /* The cap reached the verb of a clause on the noun: the noun ends it. */
  else if (words == 5 && runs_on (a, t, m->sentence) && t > t0 + 1 && participle_word (a, t - 1))
    t--;
  /* ... as does an '-ing' verb going on with its own complement ('a
   * paper promising to return', 'a motion urging the ...'); not a noun
   * in '-ing' after its determiner ('a meeting'). */
  else if (t > t0 + 1 && t < a->n_toks && a->toks[t].sentence == m->sentence && participle_word (a, t - 1)
           && a->text[a->toks[t - 1].span.end - 1] == 'g' && !word_in (a, t - 2, dets)
           && word_in (a, t, (const char *const[]) { "to", "that", "the", "a", "an", NULL }))
    t--;
  /* ... and an '-ed' one whose complement the phrase stopped at ('a
   * 24-year-old man suspected of taking part'): the noun ends it.  Not
   * after a saying, whose words are a clause ('said the mob gathered
   * to'), nor a verb whose object takes a predicate ('left 20 people
   * injured in', 'have their grievances addressed by'); nor after a
   * pronoun or an adverb, no noun ('the majority it lacked', 'a yacht
   * formerly owned by'). */
  else if (t > t0 + 2 && t < a->n_toks && a->toks[t].sentence == m->sentence && participle_word (a, t - 1)
           && a->text[a->toks[t - 1].span.end - 1] == 'd' && runs_on_np (a, t - 2, m->sentence)
           && word_in (a, t, (const char *const[]) { "of", "by", "in", "on", "at", "for", "to", "from", "with",
                                                    "under", "during", "against", "into", "as", NULL })
           && !word_in (a, t - 2, pronouns) && !is_ly_adverb (a, t - 2)
           && !word_in (a, t - 2, (const char *const[]) { "more", "less", "most", "very", "so", "too", NULL })
           && m->klass != EVL_EVENT_CLASS_REPORTING
           && !(m->lemma && g_strv_contains ((const char *const[]) { "leave", "have", "see", "make", "get", "keep",
                                                                    "hear", "watch", "want", "need", "consider",
                                                                    "declare", NULL }, m->lemma)))
    t--;
  /* 'passed a' cut by what follows is no object; nor is a bare pronoun
   * ('sign it', 'condemned them'), whose referent the line cannot show:
   * a card titled 'X condemns them' tells a reader nothing the line
   * without it does not, and the entities leave object pronouns
   * unresolved (half of those tried named the wrong person). */
  /* 'struck central Chile late on Sunday': 'late' or 'early' before a
   * time tells when, as the time does, and is no part of the object */
  if (t > t0 + 1 && t < a->n_toks && a->toks[t].sentence == m->sentence
      && word_in (a, t - 1, (const char *const[]) { "late", "early", NULL })
      && (in_timex (a, m->sentence, a->toks[t].span.start)
          || (t + 1 < a->n_toks && a->toks[t + 1].sentence == m->sentence
              && word_in (a, t, (const char *const[]) { "on", "in", "at", "last", "this", "next", NULL })
              && in_timex (a, m->sentence, a->toks[t + 1].span.start))))
    t--;
  guint np_end = t, inf_end = t;
  if (t > t0)
    t = inf_end = object_infinitive_end (a, m, np_end = object_complement_end (a, m, t));
  /* (a rounding word whose count the phrase stopped at, a time's: 'exploded
   * about 90 seconds after liftoff') */
  while (t > t0 && (word_in (a, t - 1, dets) || approx_count (a, t - 1)
                               || (tok_is_punct (a, t - 1) && !currency_before_number (a, t - 1))   /* '1.5%' */
                               || (t > t0 + 1 && word_in (a, t - 1, (const char *const[]) { "he", "she", "they", "we",
                                                                                            "i", NULL }))))
    t--;
  if (t == t0 || (t == t0 + 1 && word_in (a, t0, pronouns)))
    return NULL;
  /* The words run into the agent, who stands after the verb ('visiting
   * French Defence Minister Charles Millon'): titles, no object. */
  if (m->agent >= 0 && (guint) m->agent < a->n_em && a->em[m->agent].span.start >= first
      && a->em[m->agent].span.start < a->toks[t - 1].span.end)
    return NULL;
  if (inf && t == inf_end && t > np_end + 1 && np_end > t0)
    *inf = collapse_ws (a->text, a->len, (EvlSpan) { a->toks[np_end].span.start, a->toks[t - 1].span.end });
  if (t == inf_end)
    t = stance_complement_end (a, m, t0, t);
  EvlSpan s = { a->toks[t0].span.start, a->toks[t - 1].span.end };
  guint close = t < a->n_toks ? predicate_after_apposition (a, t) : 0;
  if (close)
    {
      /* the object, then its predicate as written after the apposition */
      EvlEventMention rest = *m;
      rest.span = a->toks[close].span;
      g_autofree char *pred = object_phrase (a, &rest, TRUE, NULL);
      g_autofree char *np = collapse_ws (a->text, a->len, s);
      if (pred)
        return g_strdup_printf ("%s %s", np, pred);
    }
  return collapse_ws (a->text, a->len, s);
}

/* The index in @list (NULL-terminated) of token @t's word, case aside,
 * or -1. */
static gint
word_index (const AddCtx *a, guint t, const char *const *list)
{
  gsize n = EVL_SPAN_LEN (a->toks[t].span);
  for (guint i = 0; list[i]; i++)
    if (strlen (list[i]) == n && g_ascii_strncasecmp (a->text + a->toks[t].span.start, list[i], n) == 0)
      return (gint) i;
  return -1;
}

static gboolean
word_in (const AddCtx *a, guint t, const char *const *list)
{
  return word_index (a, t, list) >= 0;
}

/* A lower-case word in '-ly' ('finally', 'briefly'), an adverb before
 * its verb; not 'Italy' or 'rally'-like nouns, which the capital or the
 * shortness keeps out, nor the common nouns in '-ly' ('Members of a
 * Kurd family died', 'The national assembly voted'; a word after a
 * determiner may still be an adverb: 'a highly prized status'). */
static gboolean
is_ly_adverb (const AddCtx *a, guint t)
{
  static const char *const nouns[] = { "family", "assembly", "supply", "monopoly", "anomaly", "reply",
                                       "homily", "butterfly", "bully", "belly", "jelly", NULL };
  const char *w = a->text + a->toks[t].span.start;
  gsize n = EVL_SPAN_LEN (a->toks[t].span);
  return n > 5 && g_ascii_islower (w[0]) && w[n - 2] == 'l' && w[n - 1] == 'y' && !word_in (a, t, nouns);
}

/* The base form of a linking verb at token @t ('remained closed', 'seems
 * unlikely', 'became known'), else NULL: it links its subject to the
 * participle or adjective after it, and is no part of that subject. */
static const char *
linking_verb (const AddCtx *a, guint t)
{
  static const char *const bases[] = { "remain", "stay", "seem", "become", "appear", NULL };
  static const char *const forms[] = { "remain", "remains", "remained",
                                       "stay", "stays", "stayed",
                                       "seem", "seems", "seemed",
                                       "become", "becomes", "became",
                                       "appear", "appears", "appeared", NULL };
  /* (most words start with none of their letters: one test, not 15) */
  if (!strchr ("rsbaRSBA", a->text[a->toks[t].span.start]))
    return NULL;
  gint i = word_index (a, t, forms);
  return i >= 0 ? bases[i / 3] : NULL;
}

/* Whether the past participle @m, with no auxiliary before it, is a
 * reduced relative on the noun before it ('a commission appointed by the
 * Vatican', 'soldiers killed in the attack were buried') rather than that
 * noun's finite verb ('The bill passed by 231 votes', 'Two people died
 * when ...').  An object after it (past a time: 'approved Thursday a
 * budget') makes it active; an agent 'by' (not a margin: 'by 231') or a
 * finite verb later in its clause a relative, as does no object after
 * a verb that needs one.  A headline drops its
 * auxiliaries ('Two grandparents killed in crash'), so there a participle
 * with no object is taken as one. */
static gboolean
strv_has (const char *const *list, const char *w)
{
  for (guint i = 0; list[i]; i++)
    if (g_ascii_strcasecmp (list[i], w) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
reduced_relative (const AddCtx *a, const EvlEventMention *m)
{
  /* News verbs that never stand without their object: 'Two grandparents
   * killed as their home burned' is a passive whatever follows. */
  static const char *const transitive[] = { "kill", "injure", "wound", "hurt", "arrest", "detain", "capture",
                                            "abduct", "kidnap", "appoint", "elect", "name", "destroy",
                                            "damage", "sentence", "charge", "jail", "free", "rescue",
                                            "evacuate", "displace", "hit", "found", NULL };
  static const char *const finite[] = { "is", "are", "was", "were", "has", "have", "had", "will", "would",
                                        "shall", "should", "may", "might", "can", "could", "must", NULL };
  guint t0 = token_from (a, m->span.end, m->span.end, m->sentence), t = t0;
  while (t < a->n_toks && a->toks[t].sentence == m->sentence && in_timex (a, m->sentence, a->toks[t].span.start))
    t++;
  if (t >= a->n_toks || a->toks[t].sentence != m->sentence)
    return TRUE;
  /* 'Evidence produced Tuesday showed': a finite verb right after the
   * participle's time is the clause's own, so the participle modifies
   * the noun before it.  (Not without the time: a verb's object or
   * complement may be tagged a verb too, 'announced plans', 'remained
   * closed'.) */
  if (t > t0 && (a->trigger_tok[t] == TRIGGER_FINITE || word_in (a, t, finite)))
    return TRUE;
  if (!tok_is_punct (a, t) && tok_lookup (a->stops, a, t) == NULL)
    return FALSE;
  if (m->lemma && strv_has (transitive, m->lemma))
    return TRUE;
  if (word_in (a, t, (const char *const[]) { "by", NULL }))
    return !(t + 1 < a->n_toks && a->toks[t + 1].sentence == m->sentence
             && g_ascii_isdigit (a->text[a->toks[t + 1].span.start]));
  if (m->sentence < a->n_sents && a->sents[m->sentence].is_heading)
    return TRUE;
  for (; t < a->n_toks && a->toks[t].sentence == m->sentence; t++)
    {
      if (in_timex (a, m->sentence, a->toks[t].span.start))
        continue;   /* 'in May' is no modal */
      if (tok_is_punct (a, t) || word_in (a, t, conjunctions))
        return FALSE;
      if (word_in (a, t, finite) || a->trigger_tok[t] == TRIGGER_FINITE)
        return TRUE;
    }
  return FALSE;
}

/* Token @t is a personal or demonstrative pronoun: not 'US', a name
 * written in capitals, but 'I', whose one letter is always one. */
static gboolean
pronoun_tok (const AddCtx *a, guint t)
{
  return word_in (a, t, pronouns)
         && (EVL_SPAN_LEN (a->toks[t].span) == 1 || !g_ascii_isupper (a->text[a->toks[t].span.end - 1]));
}

/* Whether tokens @first..@end before the active verb of @m can be its
 * subject as they stand: no pronoun ('she told', 'said they
 * encountered'), no other finite verb ('officials say the fire kills';
 * an event noun is fine: 'Talks over pay broke down'), and the verb,
 * with no auxiliary before it (@aux), no reduced relative. */
/* Token @t is a possessive after a quantity's 'of' ('Thousands of her
 * supporters'): a determiner, which a headline drops, not a pronoun. */
static gboolean
quantity_possessive (const AddCtx *a, guint t)
{
  static const char *const poss[] = { "her", "his", "their", "our", "my", "your", NULL };
  static const char *const quantities[] = { "dozens", "hundreds", "thousands", "scores", "millions", "tens",
                                            NULL };
  return t >= 2 && t + 1 < a->n_toks && a->toks[t + 1].sentence == a->toks[t].sentence
         && a->toks[t - 2].sentence == a->toks[t].sentence && word_in (a, t, poss)
         && word_in (a, t - 1, (const char *const[]) { "of", NULL }) && word_in (a, t - 2, quantities)
         && (a->toks[t + 1].flags & EVL_TOKEN_WORD) && !tok_is_punct (a, t + 1)
         && tok_lookup (a->stops, a, t + 1) == NULL;
}

static gboolean finite_verb (const AddCtx *a, gint k);

static gboolean
plain_subject (const AddCtx *a, const EvlEventMention *m, guint first, guint end, gboolean aux)
{
  for (guint t = first; t <= end; t++)
    if ((pronoun_tok (a, t) && !quantity_possessive (a, t))
        || (finite_verb (a, (gint) t)
            /* (a reduced relative's participle: 'a plane operated by X') */
            && !(t > first && t < end && word_in (a, t + 1, (const char *const[]) { "by", NULL }))))
      return FALSE;
  gsize n = EVL_SPAN_LEN (m->span);
  const char *w = a->text + m->span.start;
  gboolean participle = (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd') || g_strcmp0 (m->tense, "PASTPART") == 0;
  return aux || !(participle && reduced_relative (a, m));
}

/* Whether the noun phrase whose head is token @head reads as a plural:
 * '-s' ('Two sides meet'), an irregular plural ('people', 'police') or a
 * number or quantifier before it ('Two civilians', 'many people'). */
static gboolean
plural_head (const AddCtx *a, guint head, guint first)
{
  static const char *const plurals[] = { "people", "police", "children", "men", "women", "staff",
                                         "personnel", "cattle", NULL };
  static const char *const many[] = { "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                      "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                      "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
                                      "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                                      "dozens", "hundreds", "thousands", "millions", "many",
                                      "several", "both", "few", "some", "all", NULL };
  const char *last = a->text + a->toks[head].span.start;
  gsize n = EVL_SPAN_LEN (a->toks[head].span);
  if (n > 3 && last[n - 1] == 's' && last[n - 2] != 's' && last[n - 2] != 'u' && last[n - 2] != 'i'
      && last[n - 2] != '\'')
    return TRUE;
  if (word_in (a, head, plurals))
    return TRUE;
  /* ... compounds of 'men' and 'people' ('Gunmen release', 'townspeople
   * flee'), not the nouns and names that merely end so */
  static const char *const singular_men[] = { "yemen", "abdomen", "specimen", "regimen", "acumen", "omen",
                                              "stamen", "amen", NULL };
  if ((n > 4 && g_ascii_strncasecmp (last + n - 3, "men", 3) == 0 && !word_in (a, head, singular_men))
      || (n > 7 && g_ascii_strncasecmp (last + n - 6, "people", 6) == 0))
    return TRUE;
  /* 'more than 860 died', 'Seventeen of the victims died' */
  if ((a->toks[head].flags & EVL_TOKEN_NUMBER) && !(n == 1 && last[0] == '1'))
    return TRUE;
  if (word_in (a, head, many))
    return TRUE;
  for (guint t = first; t < head; t++)
    {
      /* A digit starts a count, but not an age or a size ('59-year-old',
       * '10-storey') nor a label after a noun ('a magnitude 7.1 quake'). */
      const char *w = a->text + a->toks[t].span.start;
      gsize wn = EVL_SPAN_LEN (a->toks[t].span);
      if (word_in (a, t, many)
          || (g_ascii_isdigit (w[0]) && !(wn == 1 && w[0] == '1') && memchr (w, '-', wn) == NULL
              && (t == first || tok_lookup (a->stops, a, t - 1) != NULL || word_in (a, t - 1, many)
                  || !(a->toks[t - 1].flags & EVL_TOKEN_WORD))))
        return TRUE;
    }
  return FALSE;
}

/* The subject noun phrase of a verb trigger written in its clause, at most
 * five words, past auxiliaries and a relative pronoun; leading
 * determiners and 'no' dropped (polarity is a field).  @passive: a form
 * of 'be' stood before the trigger; @plural: the phrase's last word reads
 * as a plural ('Two sides meet'). */
/* Token @k is a count in a noun phrase ('Around 20,000 people died', 'the
 * 39 members killed themselves'): a number no time expression holds,
 * between a determiner, a quantifier or the clause's start and a word.
 * Only an active subject takes one: that walk must reach the clause's
 * start, while a passive's ('officials said 343 pilgrims were killed')
 * would run on through the words before the count. */
static gboolean
counted_number (const AddCtx *a, gint k, guint sentence)
{
  static const char *const before[] = { "the", "a", "some", "around", "about", "nearly", "almost",
                                        "least", "further", "another", "all", "its", "their", "than",
                                        "and", NULL };
  if (!(a->toks[k].flags & EVL_TOKEN_NUMBER) || in_timex (a, sentence, a->toks[k].span.start)
      || (guint) k + 1 >= a->n_toks || !(a->toks[k + 1].flags & EVL_TOKEN_WORD)
      || in_timex (a, sentence, a->toks[k + 1].span.start))
    return FALSE;
  if (k == 0 || a->toks[k - 1].sentence != sentence || tok_is_punct (a, (guint) k - 1)
      || word_in (a, (guint) k - 1, before))
    return TRUE;
  /* 'a magnitude 7.1 earthquake': a noun's modifier, no verb */
  return (a->toks[k - 1].flags & EVL_TOKEN_WORD) && !(a->toks[k - 1].flags & EVL_TOKEN_CAP)
         && tok_lookup (a->stops, a, (guint) k - 1) == NULL && a->trigger_tok[k - 1] == 0;
}

/* ... and a passive's subject takes one only where its phrase opens: at
 * the clause's start or after 'at least', 'more than' or a determiner
 * ('At least 82 were killed'), so no verb before it is read as one. */
static gboolean
count_opens (const AddCtx *a, gint k, guint sentence)
{
  static const char *const before[] = { "the", "least", "than", "some", "about", "around", "nearly",
                                        "almost", NULL };
  return k == 0 || a->toks[k - 1].sentence != sentence || tok_is_punct (a, (guint) k - 1)
         || word_in (a, (guint) k - 1, before);
}

/* Token @k, right before a verb group, is a count standing alone as its
 * subject ('officials said 23 have died', 'At least 40 were arrested'):
 * a number no time holds, opening its phrase at a saying verb, 'that',
 * a count's words, punctuation or the clause's start, so that it is no
 * label or measure of a noun before it. */
static gboolean
bare_count (const AddCtx *a, gint k, guint sentence)
{
  static const char *const before[] = { "that", "least", "than", "about", "around", "nearly", "almost",
                                        "some", "and", "but", NULL };
  if (!(a->toks[k].flags & EVL_TOKEN_NUMBER) || in_timex (a, sentence, a->toks[k].span.start))
    return FALSE;
  return k == 0 || a->toks[k - 1].sentence != sentence || tok_is_punct (a, (guint) k - 1)
         || a->trigger_tok[k - 1] == TRIGGER_FINITE || word_in (a, (guint) k - 1, before);
}

static char *subject_walk (const AddCtx *a, const EvlEventMention *m, gboolean *passive, gboolean *plural,
                           guint32 *start);

/* The words of tokens @first..@end as a phrase opening a headline
 * (first letter upper-cased); its byte start in *@start when asked. */
static char *
token_phrase (const AddCtx *a, gint first, gint end, guint32 *start)
{
  EvlSpan sp = { a->toks[first].span.start, a->toks[end].span.end };
  if (start)
    *start = sp.start;
  char *s = collapse_ws (a->text, a->len, sp);
  s[0] = g_ascii_toupper (s[0]);
  return s;
}

/* Tokens @open..@close (a comma) make an appositive: a participle ('The
 * race, scheduled for Sunday, was cancelled') or a noun phrase from its
 * article ('Novak, a former judge, will be sworn in'), no finite verb. */
static gboolean
appositive_between (const AddCtx *a, guint open, guint close)
{
  const char *w = a->text + a->toks[open].span.start;
  gsize n = EVL_SPAN_LEN (a->toks[open].span);
  if (!(word_in (a, open, (const char *const[]) { "a", "an", "the", NULL })
        || (n > 4 && g_ascii_islower (w[0]) && memcmp (w + n - 2, "ed", 2) == 0)))
    return FALSE;
  /* (the participle may be tagged a finite verb: the verb group after
   * the second comma says it is none) */
  for (guint t = open; t < close; t++)
    if ((t > open && a->trigger_tok[t] == TRIGGER_FINITE) || pronoun_tok (a, t) || word_in (a, t, conjunctions))
      return FALSE;
  return TRUE;
}

/* Tokens @open..@close (a comma) are a name alone: capitalised words, no
 * pronoun ('US' is a name), no number ('Smith, 42,'). */
static gboolean
appositive_name (const AddCtx *a, guint open, guint close)
{
  if (open >= close)
    return FALSE;
  for (guint t = open; t < close; t++)
    if (!(a->toks[t].flags & EVL_TOKEN_WORD) || !(a->toks[t].flags & EVL_TOKEN_CAP) || tok_is_punct (a, t)
        || pronoun_tok (a, t) || (a->toks[t].flags & EVL_TOKEN_SENT_START))
      return FALSE;
  return TRUE;
}

/* The noun phrase before the appositive that comma @c opens, as the
 * verb's subject: it must open the clause, from its article or as a
 * name, at most eight words ('Formula One race at Imola', 'Novak');
 * NULL when it does not. */
static char *
appositive_subject (const AddCtx *a, guint sentence, gint c, gboolean *plural, guint32 *start)
{
  gint end = c - 1, k = end, head = end;
  while (k >= 0 && end - k < 8 && a->toks[k].sentence == sentence && !tok_is_punct (a, (guint) k)
         && (a->toks[k].flags & (EVL_TOKEN_WORD | EVL_TOKEN_NUMBER)) && a->trigger_tok[k] != TRIGGER_FINITE
         && !in_timex (a, sentence, a->toks[k].span.start) && !pronoun_tok (a, (guint) k)
         && !word_in (a, (guint) k, conjunctions))
    {
      if (tok_lookup (a->stops, a, (guint) k) != NULL)
        head = k - 1;
      k--;
    }
  if (!(k < 0 || a->toks[k].sentence != sentence || tok_is_punct (a, (guint) k)))
    return NULL;
  gint first = k + 1;
  /* ('One hostage, a judge, died': a count opens a phrase as an article
   * does, and stays in it) */
  gboolean counted = (a->toks[first].flags & EVL_TOKEN_NUMBER)
                     || word_in (a, (guint) first, (const char *const[]) { "one", "two", "three", "four", "five",
                                                                          "six", "seven", "eight", "nine", "ten",
                                                                          NULL });
  gboolean name = !counted && !word_in (a, (guint) first, (const char *const[]) { "the", "a", "an", NULL });
  if (!name && !counted)
    first++;
  else if (name)
    for (gint j = first; j <= end; j++)
      if (!(a->toks[j].flags & EVL_TOKEN_CAP))
        return NULL;   /* no article: a name, else no phrase of its own */
  if (first > head || tok_lookup (a->stops, a, (guint) first) != NULL)
    return NULL;
  /* ('Alex Papas tells': a name's '-s' makes no plural) */
  *plural = !name && plural_head (a, (guint) head, (guint) first);
  return token_phrase (a, first, end, start);
}

/* Number @k measures the noun after it under a plain noun before it ('a
 * magnitude 6.9 quake, which struck'): a modifier inside the phrase,
 * not the start of a count.  (Only in a relative's antecedent, a whole
 * noun phrase: before a passive, 'another 37 people were hurt' counts
 * from the number.) */
static gboolean
measure_number (const AddCtx *a, gint k, guint sentence)
{
  return k > 0 && a->toks[k - 1].sentence == sentence && (a->toks[k - 1].flags & EVL_TOKEN_WORD)
         && !(a->toks[k - 1].flags & EVL_TOKEN_CAP) && !tok_is_punct (a, (guint) k - 1)
         && tok_lookup (a->stops, a, (guint) k - 1) == NULL && a->trigger_tok[k - 1] == TRIGGER_NONE;
}

/* The noun phrase right before a reduced relative ('the 343 pilgrims
 * killed in a blaze', 'an official commission appointed by the
 * Vatican'): the participle's passive subject, up to a function word,
 * punctuation or the sentence's start, at most four words. */
static char *
relative_subject (const AddCtx *a, const EvlEventMention *m, gboolean *passive, gboolean *plural,
                  guint32 *start)
{
  static const char *const aux[] = { "is", "are", "was", "were", "be", "been", "being", "has", "have",
                                     "had", NULL };
  static const char *const lead[] = { "the", "a", "an", "its", "their", "his", "her", "this", "these",
                                      "those", NULL };
  gsize vn = EVL_SPAN_LEN (m->span);
  const char *vw = a->text + m->span.start;
  gint t = evl_document_token_at (a->doc, m->span.start);
  if (t <= 0 || !((vn > 4 && vw[vn - 2] == 'e' && vw[vn - 1] == 'd') || g_strcmp0 (m->tense, "PASTPART") == 0)
      || !g_ascii_islower (vw[0]))
    return NULL;
  static const char *const adverbs[] = { "never", "also", "already", "still", "just", "not", "recently",
                                         "then", NULL };
  /* the noun's phrase opens after an article, 'of' ('one of the
   * candidates elected'), 'and' or punctuation; after another preposition
   * the participle may tell of a noun before it ('a coup in the capital
   * backed by the army') */
  static const char *const opens[] = { "the", "a", "an", "its", "their", "his", "her", "of", "and", NULL };
  gint k = t - 1;
  while (k >= 0 && a->toks[k].sentence == m->sentence && (is_ly_adverb (a, (guint) k) || word_in (a, (guint) k, adverbs)))
    k--;
  if (k < 0 || a->toks[k].sentence != m->sentence || word_in (a, (guint) k, aux) || !reduced_relative (a, m))
    return NULL;
  gint end = k;
  while (k >= 0 && end - k < 4 && a->toks[k].sentence == m->sentence && !tok_is_punct (a, (guint) k)
         && ((a->toks[k].flags & EVL_TOKEN_WORD) || counted_number (a, k, m->sentence))
         && tok_lookup (a->stops, a, (guint) k) == NULL && !in_timex (a, m->sentence, a->toks[k].span.start)
         && a->trigger_tok[k] != TRIGGER_FINITE && !word_in (a, (guint) k, pronouns))
    k--;
  if (k == end || (k >= 0 && a->toks[k].sentence == m->sentence && !tok_is_punct (a, (guint) k)
                   && !word_in (a, (guint) k, opens)))
    return NULL;
  gint first = k + 1;
  while (first <= end && word_in (a, (guint) first, lead))
    first++;
  /* 'hit the coast, damaging buildings already weakened by': an '-ing'
   * verb after a comma or 'and' opens the clause the noun is the object
   * of, and is no part of the noun the participle tells of */
  if (first == k + 1 && first < end && k >= 0 && a->toks[k].sentence == m->sentence
      && (tok_is_comma (a, (guint) k) || word_in (a, (guint) k, (const char *const[]) { "and", NULL }))
      && a->trigger_tok[first] != TRIGGER_NONE && g_ascii_islower (a->text[a->toks[first].span.start])
      && EVL_SPAN_LEN (a->toks[first].span) > 4
      && memcmp (a->text + a->toks[first].span.end - 3, "ing", 3) == 0)
    first++;
  /* ('What happened today shows': a free relative, no noun) */
  if (first > end || a->text[a->toks[first].span.start] == '\''
      || word_in (a, (guint) first, (const char *const[]) { "what", "whatever", NULL }))
    return NULL;
  *passive = TRUE;
  *plural = plural_head (a, (guint) end, (guint) first);
  return token_phrase (a, first, end, start);
}

static gint32 mention_at (const AddCtx *a, gint t);
static gint entity_of (const AddCtx *a, gint32 mention);

static char *
subject_phrase (const AddCtx *a, const EvlEventMention *m, gboolean *passive, gboolean *plural,
                guint32 *start)
{
  gboolean p0 = *passive, pl0 = *plural;
  char *s = subject_walk (a, m, passive, plural, start);
  if (s == NULL)
    {
      *passive = p0;
      *plural = pl0;
      s = relative_subject (a, m, passive, plural, start);
    }
  return s;
}

static gboolean finite_tense (const char *tense);

/* 'The death toll from the quake that struck southern Peru rose', 'the
 * bookkeeper who helped her launder the money was sentenced': the words
 * from @k back to a restrictive relative's verb (a finite one right after
 * 'that', 'which' or 'who', past its auxiliaries, with a noun before it)
 * are that clause's, and the subject of the verb after it stands before
 * the relative word, whose token this returns; -1 when the words before
 * the verb are no such clause.  Not past punctuation, a conjunction or a
 * finite verb of another clause, nor a saying verb's (its object is a
 * clause with a subject of its own: 'officials who said prices rose'). */
static gint
restrictive_relative (const AddCtx *a, gint k, guint sentence)
{
  static const char *const rel[] = { "that", "which", "who", NULL };
  static const char *const aux[] = { "has", "have", "had", "was", "were", "is", "are", "also", NULL };
  static const char *const subordinators[] = { "since", "after", "before", "until", "till", "once",
                                                "unless", NULL };
  guint bare = 0;
  /* a verb right before: the word is its object ('winning support') */
  if (k < 0 || a->trigger_tok[k] == TRIGGER_FINITE || word_in (a, (guint) k, subordinators)
      || word_in (a, (guint) k, (const char *const[]) { "to", NULL }))   /* 'asked not to be named' */
    return -1;
  for (gint j = k; j >= 2 && k - j < 12 && a->toks[j].sentence == sentence; j--)
    {
      if (tok_is_punct (a, (guint) j) || (a->toks[j].flags & EVL_TOKEN_QUOTE)
          || (word_in (a, (guint) j, conjunctions) && !word_in (a, (guint) j, rel))
          || word_in (a, (guint) j, subordinators))
        return -1;
      if (a->trigger_tok[j] != TRIGGER_FINITE)
        continue;
      gint32 v = mention_at (a, j);
      if (v < 0 || a->ev[v].klass == EVL_EVENT_CLASS_REPORTING || a->ev[v].klass == EVL_EVENT_CLASS_I_STATE)
        return -1;
      gint r = j - 1;
      while (r > 0 && j - r < 3 && a->toks[r].sentence == sentence && word_in (a, (guint) r, aux))
        r--;
      /* a bare infinitive inside the clause ('helped her launder'): its
       * form is its lemma, a verb and its object before it */
      if (r >= 2 && !word_in (a, (guint) r, rel) && a->ev[v].lemma != NULL
          && (a->trigger_tok[j - 2] == TRIGGER_FINITE || a->trigger_tok[j - 3 >= 0 ? j - 3 : 0] == TRIGGER_FINITE)
          && bare++ == 0
          && EVL_SPAN_LEN (a->ev[v].span) == strlen (a->ev[v].lemma)
          && g_ascii_strncasecmp (a->text + a->ev[v].span.start, a->ev[v].lemma, strlen (a->ev[v].lemma)) == 0)
        continue;
      if (r < 1 || a->toks[r].sentence != sentence || !word_in (a, (guint) r, rel)
          || a->toks[r - 1].sentence != sentence || !(a->toks[r - 1].flags & EVL_TOKEN_WORD)
          || tok_is_punct (a, (guint) r - 1) || tok_lookup (a->stops, a, (guint) r - 1) != NULL
          || a->trigger_tok[r - 1] == TRIGGER_FINITE || word_in (a, (guint) r - 1, pronouns))
        return -1;
      return r;
    }
  return -1;
}

/* Tokens [@a, @b] are a name: capitalised words, after 'the'. */
static gboolean
names_only (const AddCtx *a, guint from, guint to)
{
  if (from <= to && word_in (a, from, (const char *const[]) { "the", NULL }))
    from++;
  if (from > to)
    return FALSE;
  for (guint j = from; j <= to; j++)
    if (!(a->toks[j].flags & EVL_TOKEN_CAP))
      return FALSE;
  return TRUE;
}

/* The noun phrase ending before token @j + 1 opens at most three words
 * back, at a determiner or the sentence's start: a noun of its own, not
 * one inside a phrase the walk would run on into ('the April 26 truce
 * agreement ending the offensive'). */
static gboolean
np_opens_before (const AddCtx *a, gint j, guint sentence)
{
  for (guint n = 0; n < 4; n++, j--)
    {
      if (j < 0 || a->toks[j].sentence != sentence || word_in (a, (guint) j, lead_dets))
        return TRUE;
      if (tok_is_punct (a, (guint) j))
        return !tok_is_comma (a, (guint) j);
      if (n == 3 || !(a->toks[j].flags & EVL_TOKEN_WORD) || tok_lookup (a->stops, a, (guint) j) != NULL
          || in_timex (a, sentence, a->toks[j].span.start) || a->trigger_tok[j] == TRIGGER_FINITE)
        return FALSE;
    }
  return FALSE;
}

/* Token @k is a 'to' before a plural noun the lexicon lists as written
 * ('The envoy to talks between the two Koreas'), which the tagger may
 * take for an infinitive as its form is its lemma: no verb's base form
 * ends in a plural's '-s' ('discuss' and 'focus' are no plurals). */
static gboolean
plural_after_to (const AddCtx *a, gint k)
{
  if (k < 1 || (guint) k + 1 >= a->n_toks || !word_in (a, (guint) k, (const char *const[]) { "to", NULL }))
    return FALSE;
  gint32 v = mention_at (a, k + 1);
  const char *w = a->text + a->toks[k + 1].span.start;
  gsize n = EVL_SPAN_LEN (a->toks[k + 1].span);
  return v >= 0 && a->ev[v].lemma != NULL && n > 3 && strlen (a->ev[v].lemma) == n
         && g_ascii_strncasecmp (w, a->ev[v].lemma, n) == 0 && w[n - 1] == 's' && !strchr ("siu'", w[n - 2])
         && g_ascii_islower (w[0]);
}

/* Token @k is a 'to' before a noun inside a subject ('The envoy to the
 * talks returned', 'Exports to the EU rose'): not an infinitive's ('All
 * parties to stop fighting'), whose verb is written as its lemma, nor
 * one of a compound preposition ('due to'). */
static gboolean
to_noun (const AddCtx *a, gint k)
{
  if (!word_in (a, (guint) k, (const char *const[]) { "to", NULL }) || k < 1 || (guint) k + 1 >= a->n_toks
      || word_in (a, (guint) k - 1, (const char *const[]) { "due", "according", "owing", "next", "close", "up",
                                                           "prior", "thanks", "addition", NULL }))
    return FALSE;
  /* (a word that tells no event must show itself a noun phrase's start:
   * 'to free some 400 prisoners' has a verb the tagger left out) */
  gint32 v = mention_at (a, k + 1);
  if (v < 0)
    return word_in (a, (guint) k + 1, lead_dets) || (a->toks[k + 1].flags & (EVL_TOKEN_CAP | EVL_TOKEN_NUMBER));
  if (a->ev[v].lemma == NULL)
    return TRUE;
  gsize n = strlen (a->ev[v].lemma);
  return !(EVL_SPAN_LEN (a->toks[k + 1].span) == n
           && g_ascii_strncasecmp (a->text + a->toks[k + 1].span.start, a->ev[v].lemma, n) == 0)
         || plural_after_to (a, k);
}

/* Token @k is a finite verb trigger of its own clause: not a noun the
 * tagger read as a verb after a noun's 'to' ('The envoy to talks between
 * the two Koreas returned': 'talks' is no verb whose subject the walk
 * must stop at). */
static gboolean
finite_verb (const AddCtx *a, gint k)
{
  return a->trigger_tok[k] == TRIGGER_FINITE && !(k > 0 && to_noun (a, k - 1));
}

static char *
subject_walk (const AddCtx *a, const EvlEventMention *m, gboolean *passive, gboolean *plural,
              guint32 *start)
{
  /* 'did not sign': 'do' is an auxiliary, no subject, and no passive;
   * so is a modal ('would not divulge', 'will transfer') */
  static const char *const aux[] = { "is", "are", "was", "were", "be", "been", "being", "has", "have",
                                     "had", "not", "never", "do", "does", "did", "will", "would", "can",
                                     "could", "may", "might", "must", "shall", "should", NULL };
  static const char *const rel[] = { "that", "which", "who", NULL };
  static const char *const lead[] = { "the", "a", "an", "no", "its", "their", "his", "her", "this",
                                      "these", "those", "previous", NULL };
  /* (the '-ly' adverbs of five letters is_ly_adverb() leaves out, as it
   * does 'rally' and 'belly') */
  static const char *const adverbs[] = { "last", "also", "then", "again", "later", "already", "first",
                                         "finally", "now", "still", "just", "once", "jointly", "fully",
                                         "newly", "badly", "duly", "twice", "often", "always", NULL };
  static const char *const openers[] = { "and", "but", "when", "after", "before", "as", "while", "whose",
                                         "because", "if", "though", "although", "once", "that", NULL };
  static const char *const dets[] = { "the", "a", "an", "its", "their", "his", "her", "this", "these",
                                      "those", NULL };
  /* (a place's too: 'the toll from the crash near Almora rose') */
  static const char *const linkers[] = { "of", "over", "for", "with", "from", "in", "at", "on", "near",
                                         "outside", "off", "and", "or", "between", NULL };
  gint t = evl_document_token_at (a->doc, m->span.start);
  if (t <= 0 || a->n_toks == 0)
    return NULL;
  gint k = t - 1;
  gboolean had_aux = FALSE;
  /* An adverb or a hedge inside the verb group ('were also killed',
   * 'were reported killed') is no subject. */
  static const char *const hedges[] = { "reported", "feared", "believed", NULL };
  for (;;)
    {
      gint j = k;
      while (j >= 0 && a->toks[j].sentence == m->sentence
             && (word_in (a, (guint) j, adverbs) || is_ly_adverb (a, (guint) j)
                 || (j == t - 1 && word_in (a, (guint) j, hedges))))
        j--;
      /* ('has remained closed': a linking verb right before the
       * participle or adjective stands with the auxiliaries) */
      gboolean linking = k == t - 1 && j >= 0 && a->toks[j].sentence == m->sentence && linking_verb (a, (guint) j);
      if (!linking && !(j >= 0 && a->toks[j].sentence == m->sentence && word_in (a, (guint) j, aux)))
        break;
      had_aux = TRUE;
      *passive |= word_in (a, (guint) j, be_forms);
      k = j - 1;
    }
  /* 'An Indian government spokesman, however, denied': a sentence
   * adverb between commas ('however', 'for its part') stands between
   * the subject and its verb */
  if (k >= 3 && a->toks[k - 2].sentence == m->sentence && tok_is_comma (a, (guint) k)
      && tok_is_comma (a, (guint) k - 2)
      && word_in (a, (guint) k - 1, (const char *const[]) { "however", "meanwhile", "too", "though",
                                                           "also", "nevertheless", "instead", "moreover",
                                                           "therefore", "meantime", NULL }))
    k -= 3;
  else if (k >= 5 && a->toks[k - 4].sentence == m->sentence && tok_is_comma (a, (guint) k)
           && tok_is_comma (a, (guint) k - 4) && word_in (a, (guint) k - 3, (const char *const[]) { "for", NULL })
           && word_in (a, (guint) k - 2, (const char *const[]) { "its", "their", "his", "her", "our", NULL })
           && word_in (a, (guint) k - 1, (const char *const[]) { "part", NULL }))
    k -= 5;
  gboolean relative = k >= 0 && a->toks[k].sentence == m->sentence && word_in (a, (guint) k, rel);
  if (relative)
    k--;
  /* 'killed in an enormous fire Tuesday which swept through': a time
   * between the antecedent and its relative is no part of either. */
  if (relative)
    for (gint x = k; x > 0 && k - x < 4 && a->toks[x].sentence == m->sentence
                     && in_timex (a, m->sentence, a->toks[x].span.start); x--)
      if (!in_timex (a, m->sentence, a->toks[x - 1].span.start) && a->toks[x - 1].sentence == m->sentence
          && (a->toks[x - 1].flags & EVL_TOKEN_WORD) && !tok_is_punct (a, (guint) x - 1)
          && tok_lookup (a->stops, a, (guint) x - 1) == NULL)
        k = x - 1;
  /* 'The storm, which made landfall': the relative's antecedent stands
   * before its comma. */
  gboolean across_comma = FALSE;
  if (relative && k >= 1 && a->toks[k].sentence == m->sentence && tok_is_comma (a, (guint) k))
    k--, across_comma = TRUE;
  /* 'The prime minister, who took office in March, resigned': the
   * subject stands before the relative clause between commas. */
  else if (!relative && k >= 3 && a->toks[k].sentence == m->sentence && tok_is_comma (a, (guint) k))
    for (gint c = k - 2; c >= 1 && c >= k - 16 && a->toks[c].sentence == m->sentence; c--)
      if (tok_is_comma (a, (guint) c))
        {
          if (word_in (a, (guint) c + 1, rel))
            k = c - 1, across_comma = TRUE;
          /* (not for a participle clause: ', prompting charges') */
          else if (!(had_aux == FALSE && EVL_SPAN_LEN (m->span) > 4
                     && memcmp (a->text + m->span.end - 3, "ing", 3) == 0)
                   && appositive_between (a, (guint) c + 1, (guint) k))
            return appositive_subject (a, m->sentence, c, plural, start);
          /* 'The company's chairman, Joost Verhaar, resigned': a name set
           * off after a common noun's description is the one the line
           * names (not after a name: 'San Diego, California,', 'the New
           * China News Agency, Xinhua,') */
          else if (k - c <= 5 && c >= 2 && a->toks[c - 1].sentence == m->sentence
                   && (a->toks[c - 1].flags & EVL_TOKEN_WORD) && !(a->toks[c - 1].flags & EVL_TOKEN_CAP)
                   && !tok_is_punct (a, (guint) c - 1)
                   && a->trigger_tok[c - 1] == TRIGGER_NONE && appositive_name (a, (guint) c + 1, (guint) k))
            return token_phrase (a, c + 1, k - 1, start);
          break;
        }
  /* (only for the finite verb after the clause, not a participle or an
   * infinitive inside it: 'hostages held in the residence') */
  if (!relative && !across_comma && k >= 0 && a->toks[k].sentence == m->sentence
      && (had_aux || (finite_tense (m->tense) && !reduced_relative (a, m))))
    {
      gint r = restrictive_relative (a, k, m->sentence);
      if (r > 0)
        k = r - 1;
    }
  /* An active clause whose subject is no entity ('The transport
   * secretary met union leaders') reads better with that subject than
   * as 'Meet of union leaders', but only where the phrase surely is the
   * subject: it opens the sentence or a clause, so a noun inside a
   * prepositional phrase ('talks with operators collapsed') is never
   * taken for it.  An adverb before the verb stays out ('last met'). */
  gboolean active = !*passive && !relative;
  /* A time between subject and verb takes its preposition along ('A
   * federal jury on Friday found', 'The company in March said'): the
   * preposition is no link inside the subject. */
  static const char *const time_preps[] = { "on", "in", "at", "during", "since", "until", "by", NULL };
  static const char *const time_mods[] = { "late", "early", NULL };  /* 'late on Tuesday' */
  if (active)
    while (k >= 0 && a->toks[k].sentence == m->sentence
           && (word_in (a, (guint) k, adverbs) || is_ly_adverb (a, (guint) k)
               || in_timex (a, m->sentence, a->toks[k].span.start)))
      {
        if (k > 0 && a->toks[k - 1].sentence == m->sentence && in_timex (a, m->sentence, a->toks[k].span.start)
            && !in_timex (a, m->sentence, a->toks[k - 1].span.start) && word_in (a, (guint) k - 1, time_preps))
          {
            k--;
            if (k > 0 && a->toks[k - 1].sentence == m->sentence && word_in (a, (guint) k - 1, time_mods))
              k--;
          }
        k--;
      }
  /* An active subject may hold a preposition or a conjunction ('Talks
   * over pay and staffing broke down', 'Members of the union voted'),
   * whose head, the word before the first of them, says its number; a
   * determiner starts a noun phrase, so before it there must be such a
   * word or the clause's start.  A time expression before the subject
   * ('On Wednesday the union called') is no part of it. */
  gint end = k, head = k;
  gint passive_from = -1, passive_head = -1;   /* a passive subject's place link */
  guint links = 0;
  gboolean and_top = FALSE;   /* the leftmost link seen is 'and' or 'or' */
  for (;;)
    {
      while (k >= 0 && end - k < (active ? 11 : 5) && a->toks[k].sentence == m->sentence
             && ((a->toks[k].flags & EVL_TOKEN_WORD) || (active && counted_number (a, k, m->sentence))
                 || (k == end && bare_count (a, k, m->sentence))
                 || (!active && counted_number (a, k, m->sentence)
                     && (count_opens (a, k, m->sentence) || (across_comma && measure_number (a, k, m->sentence)))))
             && !tok_is_punct (a, (guint) k)
             && tok_lookup (a->stops, a, (guint) k) == NULL && !word_in (a, (guint) k, rel)
             && !word_in (a, (guint) k, aux) && !(active && word_in (a, (guint) k, conjunctions))
             /* 'deplored Friday the blasts which killed': a time before
              * the subject is no part of it */
             && !in_timex (a, m->sentence, a->toks[k].span.start)
             /* 'police said one person was killed'; the noun right before
              * the auxiliary is the subject whatever its tag; an active
              * subject stops at the verb that takes its clause ('The
              * channel said two people died') */
             && !(k < end && finite_verb (a, k)))
        {
          if (word_in (a, (guint) k--, dets) && active)
            break;
          /* 'join some 350 troops who arrived': a count's word opens the
           * phrase */
          if (!active && word_in (a, (guint) k + 1, (const char *const[]) { "some", "about", "around", "nearly",
                                                                          "almost", NULL }))
            break;
        }
      /* 'The death toll from Sunday's earthquake rose': a time's
       * possessive is a determiner inside the subject, not its start */
      if (active && k >= 1 && k < end && a->toks[k].sentence == m->sentence
          && in_timex (a, m->sentence, a->toks[k].span.start) && a->text[a->toks[k + 1].span.start] == '\'')
        {
          while (k >= 0 && a->toks[k].sentence == m->sentence && in_timex (a, m->sentence, a->toks[k].span.start))
            k--;
          if (k >= 0 && a->toks[k].sentence == m->sentence && !tok_is_punct (a, (guint) k))
            continue;
        }
      /* 'invasion of Kuwait and flew': an 'and' right before the verb
       * joins two verbs, not two heads of its subject */
      /* ('More than 600 of the refugees died': a count before 'of') */
      /* ... and a passive one a place ('Schools in the town were
       * closed') or a named destination ('A planned visit to Dunmore
       * County was cancelled') */
      if (links < 3 && k > 0 && k < end && end - k < 10 && a->toks[k].sentence == m->sentence
          && (active ? word_in (a, (guint) k, linkers) || to_noun (a, k)
                     : !relative && (word_in (a, (guint) k, (const char *const[]) { "in", "at", NULL })
                                     || (word_in (a, (guint) k, (const char *const[]) { "to", NULL })
                                         && names_only (a, (guint) k + 1, (guint) end))))
          && a->toks[k - 1].sentence == m->sentence
          && ((a->toks[k - 1].flags & EVL_TOKEN_WORD)
              || (word_in (a, (guint) k, (const char *const[]) { "of", NULL })
                  && counted_number (a, k - 1, m->sentence)))
          && !tok_is_punct (a, (guint) k - 1)
          && tok_lookup (a->stops, a, (guint) k - 1) == NULL && !word_in (a, (guint) k - 1, dets)
          && !finite_verb (a, k - 1))
        {
          if (!active && passive_from < 0)
            passive_from = k, passive_head = head;
          and_top = word_in (a, (guint) k, (const char *const[]) { "and", "or", NULL });
          head = --k;
          links++;
          continue;
        }
      /* 'A passenger plane operated by Northwind Air crashed': a reduced
       * relative's participle and 'by' phrase, a name, stay in the
       * subject, whose head is the noun before the participle. */
      if (active && links < 3 && k > 1 && k < end && end - k < 10 && a->toks[k].sentence == m->sentence
          && (g_strcmp0 (m->tense, "PAST") == 0 || g_strcmp0 (m->tense, "PRESENT") == 0)
          && word_in (a, (guint) k, (const char *const[]) { "by", NULL }) && names_only (a, (guint) k + 1, (guint) end)
          && a->toks[k - 2].sentence == m->sentence
          && EVL_SPAN_LEN (a->toks[k - 1].span) > 4 && a->text[a->toks[k - 1].span.end - 2] == 'e'
          && a->text[a->toks[k - 1].span.end - 1] == 'd' && (a->toks[k - 2].flags & EVL_TOKEN_WORD)
          && !tok_is_punct (a, (guint) k - 2) && tok_lookup (a->stops, a, (guint) k - 2) == NULL
          && !word_in (a, (guint) k - 2, dets) && a->trigger_tok[k - 2] == TRIGGER_NONE)
        {
          k -= 2;
          head = k;
          links++;
          continue;
        }
      /* ... as do an '-ing' participle's and its object ('A rocket
       * carrying a communications satellite exploded', 'a plane carrying
       * 112 people crashed'), the walk having stopped at the object's
       * determiner or count. */
      gint pk = k >= 0 && k < end && (a->toks[k].flags & EVL_TOKEN_NUMBER) ? k - 1 : k;
      if (active && links < 3 && pk > 1 && pk < end && end - pk < 10 && a->toks[pk - 1].sentence == m->sentence
          && (g_strcmp0 (m->tense, "PAST") == 0 || g_strcmp0 (m->tense, "PRESENT") == 0)
          && a->trigger_tok[pk] != TRIGGER_FINITE && EVL_SPAN_LEN (a->toks[pk].span) > 4
          && g_ascii_islower (a->text[a->toks[pk].span.start])
          && g_ascii_strncasecmp (a->text + a->toks[pk].span.end - 3, "ing", 3) == 0
          && (a->toks[pk - 1].flags & EVL_TOKEN_WORD) && !tok_is_punct (a, (guint) pk - 1)
          && tok_lookup (a->stops, a, (guint) pk - 1) == NULL && !word_in (a, (guint) pk - 1, dets)
          && a->trigger_tok[pk - 1] != TRIGGER_FINITE && !is_ly_adverb (a, (guint) pk - 1)
          && np_opens_before (a, pk - 2, m->sentence))
        {
          k = head = pk - 1;
          links++;
          continue;
        }
      break;
    }
  /* A passive subject's place phrase belongs to a noun opening the
   * clause; after another preposition ('calls to reduce the number of
   * troops in the island have been rejected') the words walked are the
   * inside of a longer subject, which the line would misname. */
  gint opener = k >= 0 && word_in (a, (guint) k, dets) ? k - 1 : k;   /* ('The calm in the town was') */
  if (passive_from >= 0 && opener >= 0 && a->toks[opener].sentence == m->sentence
      && !tok_is_punct (a, (guint) opener) && !word_in (a, (guint) opener, openers))
    {
      k = passive_from;
      head = passive_head;
      links = 0;
    }
  /* 'doctors who perform abortions were shot': the words walked are the
   * object of a relative clause on the subject, which is the noun phrase
   * before 'who' ('Abortions shot' was the line). */
  /* ... past its count, determiner or a preposition's phrase ('The
   * crash that killed 62 people was caused', 'A wildfire that destroyed
   * dozens of homes near Athens was caused'): back over words to the
   * relative's verb, never past punctuation, a conjunction or another
   * finite verb */
  gint rv = k;
  while (!active && !relative && rv >= 3 && rv < end && k - rv < 10 && a->toks[rv].sentence == m->sentence
         && a->trigger_tok[rv] == TRIGGER_NONE && !tok_is_punct (a, (guint) rv)
         && !word_in (a, (guint) rv, conjunctions) && !word_in (a, (guint) rv, aux))
    rv--;
  if (!active && !relative && rv >= 2 && k < end && a->toks[rv].sentence == m->sentence
      && a->toks[rv - 1].sentence == m->sentence && a->trigger_tok[rv] != TRIGGER_NONE
      && word_in (a, (guint) rv - 1, rel))
    {
      k = rv - 2;
      end = head = k;
      while (k >= 0 && a->toks[k].sentence == m->sentence && (a->toks[k].flags & EVL_TOKEN_WORD)
             && !tok_is_punct (a, (guint) k) && tok_lookup (a->stops, a, (guint) k) == NULL
             && !in_timex (a, m->sentence, a->toks[k].span.start) && a->trigger_tok[k] != TRIGGER_FINITE
             && k > end - 5)
        k--;
    }
  /* 'Dozens of people were killed': a quantity and its 'of' belong to a
   * passive's subject ... */
  static const char *const quantities[] = { "dozens", "hundreds", "thousands", "scores", "millions", "tens",
                                            "some", "many", "most", "several", "one", "two", "three", "four",
                                            "five", "six", "seven", "eight", "nine", "ten", NULL };
  if (!active && !relative && k >= 1 && k < end && a->toks[k].sentence == m->sentence
      && a->toks[k - 1].sentence == m->sentence && word_in (a, (guint) k, (const char *const[]) { "of", NULL })
      && (word_in (a, (guint) k - 1, quantities) || counted_number (a, k - 1, m->sentence)))
    {
      k -= 2;
      while (k >= 0 && a->toks[k].sentence == m->sentence && (a->toks[k].flags & EVL_TOKEN_WORD)
             && !tok_is_punct (a, (guint) k) && tok_lookup (a->stops, a, (guint) k) == NULL
             && !in_timex (a, m->sentence, a->toks[k].span.start) && a->trigger_tok[k] != TRIGGER_FINITE
             && k >= end - 6)
        k--;
    }
  /* 'At least four people', 'More than 100 people': the count's words
   * belong to the subject. */
  if (k >= 0 && k < end && a->toks[k].sentence == m->sentence && word_in (a, (guint) k, (const char *const[]) { "at", NULL })
      && word_in (a, (guint) k + 1, (const char *const[]) { "least", NULL }))
    k--;
  else if (k >= 1 && k < end && a->toks[k].sentence == m->sentence && than_count (a, (guint) k))
    k -= 2;
  /* ... and so do an approximation's ('About 12,000 workers went on
   * strike'), which the walk took for a preposition */
  else if (k >= 0 && k < end && a->toks[k].sentence == m->sentence && counted_number (a, k + 1, m->sentence)
           && word_in (a, (guint) k, (const char *const[]) { "about", "around", "nearly", "almost", "roughly",
                                                            "approximately", "some", "over", NULL }))
    k--;
  /* ... but a passive's words after another preposition are that
   * preposition's ('calls to reduce the troops in the island have been
   * rejected'): the subject stands before.  ('of' is left alone: 'cases
   * of cholera' names its head after it well enough.) */
  if (!active && !relative && k >= 0 && k < end && a->toks[k].sentence == m->sentence
      && word_in (a, (guint) k, (const char *const[]) { "in", "on", "to", "from", "with", "for", "at", NULL }))
    return NULL;
  /* ... except 'between' and 'among', which tell of the noun before them
   * ('The ceasefire between the army and the rebels was violated'): the
   * walk stopped inside that phrase (at its 'and' or at the preposition
   * itself), whose nouns are no subject ('Rebels violated' was the
   * line); the subject is the noun before the preposition. */
  if (!active && !relative && k >= 2 && k < end && a->toks[k].sentence == m->sentence)
    {
      gint j = k;
      if (word_in (a, (guint) k, (const char *const[]) { "and", NULL }))
        for (j = k - 1; j >= 1 && k - j < 4 && a->toks[j].sentence == m->sentence && !tok_is_punct (a, (guint) j)
                        && a->trigger_tok[j] != TRIGGER_FINITE
                        && !word_in (a, (guint) j, (const char *const[]) { "between", NULL });
             j--)
          ;
      if (j >= 1 && a->toks[j].sentence == m->sentence
          && word_in (a, (guint) j, (const char *const[]) { "between", "among", NULL }))
        {
          end = head = k = j - 1;
          while (k >= 0 && end - k < 4 && a->toks[k].sentence == m->sentence && (a->toks[k].flags & EVL_TOKEN_WORD)
                 && !tok_is_punct (a, (guint) k) && tok_lookup (a->stops, a, (guint) k) == NULL
                 && !in_timex (a, m->sentence, a->toks[k].span.start) && a->trigger_tok[k] != TRIGGER_FINITE)
            k--;
          if (k == end)
            return NULL;
        }
    }
  /* 'officials in and around Miami warned': an 'and' after a function
   * word joins two of them, and opens no clause */
  if (active && k >= 1 && a->toks[k].sentence == m->sentence && word_in (a, (guint) k, (const char *const[]) { "and", "or", NULL })
      && a->toks[k - 1].sentence == m->sentence && tok_lookup (a->stops, a, (guint) k - 1) != NULL)
    return NULL;
  /* 'said at least five refugees had died': a finite verb before the
   * subject of another with an auxiliary takes that clause as its
   * object, which it opens */
  gboolean complement = had_aux && k >= 0 && a->trigger_tok[k] == TRIGGER_FINITE;
  /* ... as does a saying or thinking verb whatever the tense ('police
   * said the sniper shot the doctor') */
  if (!complement && active && k >= 0 && a->toks[k].sentence == m->sentence && a->trigger_tok[k] == TRIGGER_FINITE)
    {
      gint32 v = mention_at (a, k);
      complement = v >= 0 && (a->ev[v].klass == EVL_EVENT_CLASS_REPORTING || a->ev[v].klass == EVL_EVENT_CLASS_I_STATE);
    }
  /* 'a fire in which three people died', 'a town where six died': the
   * relative opens the clause of which the words walked are the subject */
  gboolean where = k >= 0 && a->toks[k].sentence == m->sentence
                   && (word_in (a, (guint) k, (const char *const[]) { "where", NULL })
                       || (k > 0 && word_in (a, (guint) k, (const char *const[]) { "which", "whom", NULL })
                           && word_in (a, (guint) k - 1, (const char *const[]) { "in", "during", "at", "on", "after",
                                                                                "before", "from", "under", "by", NULL })));
  if (active && k >= 0 && a->toks[k].sentence == m->sentence && !tok_is_punct (a, (guint) k)
      && !word_in (a, (guint) k, openers) && !in_timex (a, m->sentence, a->toks[k].span.start) && !complement
      && !where)
    return NULL;
  /* a 'whose' clause's own verb only, not one after the clause closes */
  if (k >= 0 && a->toks[k].sentence == m->sentence && word_in (a, (guint) k, (const char *const[]) { "whose", NULL }))
    for (gint j = k + 1; j < t; j++)
      if (tok_is_punct (a, (guint) j))
        return NULL;
  /* An antecedent across a relative's comma is a noun phrase of its
   * own: from its determiner ('They recalled the genocide, which
   * killed'), or a name opening the sentence; not a preposition's bare
   * object ('a synod on Lebanon, which met') or a place's apposition
   * ('in Khobar, Saudi Arabia, that killed'). */
  if (across_comma)
    {
      gint d = end;
      while (d > k && !word_in (a, (guint) d, dets))
        d--;
      if (d > k)
        k = d - 1;
      /* (a dateline's spaced dash opens the sentence too: 'CHISINAU
       * (Reuters) -- President X, who took office, nominated'; a name's
       * own hyphen does not: 'Nategh- Nuri, who is backed') */
      else if (!(k < 0 || a->toks[k].sentence != m->sentence
                 || (tok_is_punct (a, (guint) k) && !tok_is_comma (a, (guint) k)
                     && (a->toks[k].flags & EVL_TOKEN_QUOTE) == 0 && a->toks[k].span.start > 0
                     && g_ascii_isspace (a->text[a->toks[k].span.start - 1])))
               || !(a->toks[k + 1].flags & EVL_TOKEN_CAP) || word_in (a, (guint) k + 1, pronouns))
        return NULL;
    }
  gint first = k + 1;
  /* ... a time's possessive opening it is no part of it either */
  for (gint x = first; x < end && in_timex (a, m->sentence, a->toks[x].span.start); x++)
    if (a->text[a->toks[x + 1].span.start] == '\'')
      {
        first = x + 2;
        break;
      }
  /* ... nor a sentence adverb ('Meanwhile some 300 people were flown') */
  /* ('No one was killed', 'No one died': 'no' is the subject's own
   * word there, which polarity does not say; 'One killed' would read as
   * a death) */
  while (first <= end && ((word_in (a, (guint) first, lead)
                           && !(first < end && word_in (a, (guint) first, (const char *const[]) { "no", NULL })
                                && word_in (a, (guint) first + 1, (const char *const[]) { "one", NULL })))
                          || is_ly_adverb (a, (guint) first)
                          || word_in (a, (guint) first, (const char *const[]) { "meanwhile", "however", "also",
                                                                               "still", NULL })))
    first++;
  /* 'the other was acquitted': a pronoun-like 'other', 'former' or
   * 'latter' keeps its article, without which it reads as an adjective
   * ('Other acquitted') */
  if (first == end && first > k + 1 && word_in (a, (guint) first - 1, (const char *const[]) { "the", NULL })
      && word_in (a, (guint) first, (const char *const[]) { "other", "former", "latter", NULL }))
    first--;
  /* 'They are also protesting': an active subject with no referent; nor
   * is a pronoun a relative's antecedent ('a script about itself that
   * could become', 'I am the only one who can speak') */
  gsize tn = EVL_SPAN_LEN (m->span);
  gboolean ing = tn > 4 && g_ascii_strncasecmp (a->text + m->span.end - 3, "ing", 3) == 0;
  gint poss = -1;
  for (gint j = first; j <= end; j++)
    if (quantity_possessive (a, (guint) j))
      poss = j;
    else if ((active || ing || relative)
             && (pronoun_tok (a, (guint) j)
                 || word_in (a, (guint) j, (const char *const[]) { "himself", "herself", "itself", "themselves",
                                                                  NULL })))
      return NULL;   /* ('US' is a name) */
  if (first <= end && a->text[a->toks[first].span.start] == '\'')
    return NULL;     /* "'s London marathon": the possessor is cut off */
  if (first == end && word_in (a, (guint) first, (const char *const[]) { "some", "many", "most", "others", "several",
                                                                       "all", "both", "none", "few", NULL }))
    return NULL;     /* 'some arrived': a quantifier alone names no one */
  /* 'while abseiling on the mountain has died': a participle clause,
   * not a subject, unless a determiner made it a noun. */
  const char *fw = a->text + a->toks[MAX (first, 0)].span.start;
  gsize fn = first <= end ? EVL_SPAN_LEN (a->toks[first].span) : 0;
  gboolean gerund = active && fn > 4 && first == k + 1 && g_ascii_islower (fw[0]) && memcmp (fw + fn - 3, "ing", 3) == 0;
  /* 'were killed and more than 1,000 others wounded': a participle
   * after a subject that 'and' opens, no auxiliary, is the first verb's
   * passive with its 'be' left out. */
  gsize vn = EVL_SPAN_LEN (m->span);
  const char *vw = a->text + m->span.start;
  gboolean gapped = active && !had_aux && k >= 0 && a->toks[k].sentence == m->sentence
                    && word_in (a, (guint) k, (const char *const[]) { "and", NULL })
                    && ((vn > 2 && vw[vn - 2] == 'e' && vw[vn - 1] == 'd') || g_strcmp0 (m->tense, "PASTPART") == 0)
                    && reduced_relative (a, m);
  if (first > head || gerund || word_in (a, (guint) end, dets)
      || (active && !plain_subject (a, m, (guint) first, (guint) end, had_aux || gapped)))
    return NULL;
  *passive |= gapped;
  /* A long subject with prepositions ('The bombings at U.S. embassies in
   * Kenya and Tanzania have killed') is cut to its head. */
  gboolean long_np = active && end - first >= 6;
  if (long_np && !(k < 0 || a->toks[k].sentence != m->sentence || tok_is_punct (a, (guint) k)
                   || word_in (a, (guint) k, (const char *const[]) { "and", "but", NULL })))
    return NULL;   /* 'testify before a committee and ...': a preposition's object */
  if (long_np && and_top && end - first >= 8)
    return NULL;
  gint last = long_np && !and_top && head < end ? head : end;
  EvlSpan sp = { a->toks[first].span.start, a->toks[last].span.end };
  if (start)
    *start = sp.start;
  /* Two heads joined ('the quake and tsunami killed') are plural. */
  static const char *const and_[] = { "and", NULL };
  *plural = plural_head (a, (guint) head, (guint) first)
            || (head < end && head != k && word_in (a, (guint) head + 1, and_));
  /* 'Moldovan President Irina Costea, who took office, nominated': the
   * antecedent's title is the relative's setting, not the line's; the
   * person's name ending it is the subject */
  if (across_comma)
    for (guint i = 0; i < a->n_em; i++)
      if (a->em[i].span.end == sp.end && a->em[i].span.start > sp.start && a->em[i].sentence == m->sentence)
        {
          gint p = entity_of (a, (gint32) i);
          const EvlGraphEntity *pe = p >= 0 ? evl_graph_get_entity (a->g, (guint) p) : NULL;
          if (pe && pe->type == EVL_ENTITY_PERSON)
            {
              if (start)
                *start = a->em[i].span.start;
              *plural = FALSE;
              return g_strdup (pe->name);
            }
        }
  char *s = collapse_ws (a->text, a->len, sp);
  if (poss > first && poss < last)
    {
      g_autofree char *before = collapse_ws (a->text, a->len, (EvlSpan) { sp.start, a->toks[poss - 1].span.end });
      g_autofree char *after = collapse_ws (a->text, a->len, (EvlSpan) { a->toks[poss + 1].span.start, sp.end });
      g_free (s);
      s = g_strdup_printf ("%s %s", before, after);
    }
  /* 'Ana Lima, whose brother died': the brother is Ana Lima's */
  if (k >= 2 && a->toks[k].sentence == m->sentence && word_in (a, (guint) k, (const char *const[]) { "whose", NULL })
      && tok_is_comma (a, (guint) k - 1) && (a->toks[k - 2].flags & EVL_TOKEN_CAP))
    {
      gint n0 = k - 2;
      while (n0 > 0 && k - 2 - n0 < 3 && a->toks[n0 - 1].sentence == m->sentence
             && (a->toks[n0 - 1].flags & EVL_TOKEN_CAP) && !(a->toks[n0 - 1].flags & EVL_TOKEN_SENT_START)
             && (a->toks[n0 - 1].flags & EVL_TOKEN_WORD))
        n0--;
      if (!(a->toks[n0].flags & EVL_TOKEN_SENT_START) || n0 == k - 2)
        {
          g_autofree char *owner = collapse_ws (a->text, a->len, (EvlSpan) { a->toks[n0].span.start,
                                                                           a->toks[k - 2].span.end });
          char *o = g_strdup_printf ("%s's %s", owner, s);
          g_free (s);
          s = o;
        }
    }
  s[0] = g_ascii_toupper (s[0]);
  return s;
}

/* Token @t is an irregular verb's past form ('met', 'began'), which no
 * noun phrase runs on into. */
static gboolean
irregular_past (const AddCtx *a, guint t)
{
  const EvlLexEntry *irr = tok_lookup (a->irregular, a, t);
  /* only after a name: 'by the Vatican met', not 'a single shot' */
  return irr && t > 0 && (a->toks[t - 1].flags & EVL_TOKEN_CAP) && g_ascii_islower (a->text[a->toks[t].span.start])
         && g_ascii_strncasecmp (irr->canonical, a->text + a->toks[t].span.start, EVL_SPAN_LEN (a->toks[t].span)) != 0;
}

/* 'into the sea': a preposition and the words after it, up to the next
 * stop word or punctuation, at most five. */
/* @strict (a passive's phrase after its participle): only a true
 * preposition opens it ('killed was set' is another clause), and a name
 * the length limit cuts ('at Hong Kong's Kai') is left out whole. */
static char *
prep_phrase (const AddCtx *a, const EvlEventMention *m, gboolean strict)
{
  guint t0 = token_from (a, m->span.start, m->span.end, m->sentence);
  /* 'what he thinks is right': a verb after the trigger opens no phrase */
  if (t0 >= a->n_toks || tok_lookup (a->stops, a, t0) == NULL || word_in (a, t0, conjunctions)
      || word_in (a, t0, be_forms)
      || word_in (a, t0, (const char *const[]) { "has", "have", "had", "will", "would", "shall", "should", "may",
                                                 "might", "can", "could", "must", "not", NULL }))
    return NULL;
  if (strict)
    {
      /* The class marks the prepositions of place; those of a verb's
       * complement are listed without one, prepositions all the same
       * ('convicted of murder', 'arrested for fraud', 'questioned over
       * the killing'). */
      const EvlLexEntry *e = tok_lookup (a->stops, a, t0);
      if ((e->n_attrs == 0 || strcmp (e->attrs[0], "prep") != 0)
          && !word_in (a, t0, (const char *const[]) { "with", "of", "for", "against", "over", "about", NULL }))
        return NULL;
    }
  guint t = t0 + 1;
  /* A finite verb ends the phrase ('appointed by the Vatican met'); after
   * a word that also opens a clause the words were that clause's
   * subject ('died since a bomb ripped'): no phrase. */
  while (t - t0 < 5 && runs_on (a, t, m->sentence) && a->trigger_tok[t] != TRIGGER_FINITE && !irregular_past (a, t)
         && !two_word_prep (a, t))
    t++;
  /* 'in connection with the bombings', 'in response to the protests': a
   * preposition and a bare noun before another is one preposition; its
   * complement goes along ('arrested in connection' says nothing). */
  if (t == t0 + 2 && t + 1 < a->n_toks && a->toks[t + 1].sentence == m->sentence
      && word_in (a, t0, (const char *const[]) { "in", "on", NULL })
      && g_ascii_islower (a->text[a->toks[t0 + 1].span.start])
      && !word_in (a, t0 + 1, (const char *const[]) { "some", "many", "most", "all", "each", "one", "none",
                                                      "any", "both", "several", "part", NULL })
      && word_in (a, t, (const char *const[]) { "with", "to", "of", "for", "against", NULL })
      && runs_on (a, t + 1, m->sentence))
    for (t++; t - t0 < 7 && runs_on (a, t, m->sentence) && a->trigger_tok[t] != TRIGGER_FINITE
              && !irregular_past (a, t) && !two_word_prep (a, t);)
      t++;
  gboolean verb_next = t < a->n_toks && a->toks[t].sentence == m->sentence
                       && (a->trigger_tok[t] == TRIGGER_FINITE || irregular_past (a, t));
  /* ... as when a common noun stands before the verb, which may be a
   * noun itself ('a single shot') */
  /* ... unless that verb has an object after it, which no noun has
   * ('supported by helicopters combed the area') */
  static const char *const dets[] = { "the", "a", "an", "its", "their", "his", "her", NULL };
  gboolean verb_object = verb_next && t + 1 < a->n_toks && a->toks[t + 1].sentence == m->sentence
                         && word_in (a, t + 1, dets);
  if (verb_next && (word_in (a, t0, (const char *const[]) { "since", "after", "before", "until", "as", "while",
                                                            "because", "once", NULL })
                    || (!(a->toks[t - 1].flags & EVL_TOKEN_CAP) && !verb_object)))
    return NULL;
  /* 'concerned for the UN to have': the subject of an infinitive */
  if (strict && word_in (a, t0, (const char *const[]) { "for", NULL }) && t < a->n_toks
      && a->toks[t].sentence == m->sentence && word_in (a, t, (const char *const[]) { "to", NULL }))
    return NULL;
  gboolean cut = !verb_next && runs_on_np (a, t, m->sentence) && !two_word_prep (a, t);
  if (strict && t < a->n_toks && a->toks[t].sentence == m->sentence && (a->toks[t].flags & EVL_TOKEN_CAP)
      && !tok_is_punct (a, t))
    {
      static const char *const articles[] = { "the", "a", "an", NULL };
      while (t > t0 + 1 && !((a->toks[t - 1].flags & EVL_TOKEN_WORD) && g_ascii_islower (a->text[a->toks[t - 1].span.start])))
        t--;
      while (t > t0 + 1 && word_in (a, t - 1, articles))
        t--;
      cut = FALSE;
    }
  if (cut && (t = phrase_end (a, t0, t, m->sentence)) == 0)
    return NULL;
  /* 'into the sea shortly': no trailing adverb, nor the 'late' or
   * 'early' of a time cut off ('near the city late on Wednesday'); 'with
   * his' cut by a time ('his current wife') is no phrase. */
  static const char *const trailing[] = { "here", "there", "just", "late", "early", "a", "an", "the", "his", "her",
                                          "its", "their", NULL };
  while (t > t0 + 1 && ((t > t0 + 2 && EVL_SPAN_LEN (a->toks[t - 1].span) > 3
                         && strncmp (a->text + a->toks[t - 1].span.end - 2, "ly", 2) == 0)
                        || word_in (a, t - 1, trailing)))
    t--;
  if (t == t0 + 1)
    return NULL;
  EvlSpan s = { a->toks[t0].span.start, a->toks[t - 1].span.end };
  return collapse_ws (a->text, a->len, s);
}

/* Whether a verb trigger goes on with a preposition that opens its
 * complement ('met with', 'called for', 'protested against'): not one
 * before another verb ('vowed to hunt'). */
static gboolean
complement_prep (const AddCtx *a, const EvlEventMention *m)
{
  static const char *const preps[] = { "with", "against", "on", "for", "over", "into", "to", NULL };
  /* after a passive's participle the phrase is an instrument or a goal
   * ('was shot with a rifle') */
  gint v = evl_document_token_at (a->doc, m->span.start);
  for (gint k = v - 1; v > 0 && k >= 0 && k >= v - 2 && a->toks[k].sentence == m->sentence; k--)
    if (word_in (a, (guint) k, be_forms))
      return FALSE;
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  return t + 1 < a->n_toks && a->toks[t].sentence == m->sentence && word_in (a, t, preps)
         && a->toks[t + 1].sentence == m->sentence
         && (a->trigger_tok[t + 1] == TRIGGER_NONE
             /* an event noun ('went on strike', 'called for talks'), not
              * an infinitive after 'to' */
             || (a->trigger_tok[t + 1] == TRIGGER_OTHER && !word_in (a, t, (const char *const[]) { "to", NULL })))
         && !in_timex (a, m->sentence, a->toks[t + 1].span.start);
}

/* Whether the event's place follows its verb trigger right after a
 * preposition ('flew to Washington'): the line writes it as the place. */
/* 'agreed to sell 14 depots': 'to' and a verb event after the verb, the
 * infinitive it takes.  Only with a named agent ('X agrees to sell'): a
 * line with no subject would read 'Agreeing to sell'. */
static gboolean
to_infinitive (const AddCtx *a, const EvlEventMention *m)
{
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  if (!(t + 1 < a->n_toks && a->toks[t + 1].sentence == m->sentence
        && word_in (a, t, (const char *const[]) { "to", NULL }) && a->trigger_tok[t + 1] == TRIGGER_OTHER))
    return FALSE;
  /* a verb's bare form, its lemma as written ('to applause' is a noun) */
  gint32 v = mention_at (a, (gint) t + 1);
  const char *l = v >= 0 ? a->ev[v].lemma : NULL;
  return l && EVL_SPAN_LEN (a->toks[t + 1].span) == strlen (l)
         && g_ascii_strncasecmp (a->text + a->toks[t + 1].span.start, l, strlen (l)) == 0
         && a->ev[v].tense != NULL && strcmp (a->ev[v].tense, "NONE") != 0;
}

static gboolean
place_follows (const AddCtx *a, const EvlEventMention *m)
{
  if (m->location < 0 || (guint) m->location >= a->n_em)
    return FALSE;
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  gint l = evl_document_token_at (a->doc, a->em[m->location].span.start);
  return l >= 0 && (guint) l > t && (guint) l <= t + 2;
}

/* Whether mention @pm starts right after the verb trigger's preposition
 * and at most a determiner ('met with the envoy'). */
static gboolean
patient_next (const AddCtx *a, const EvlEventMention *m, gint32 pm)
{
  if (pm < 0 || (guint) pm >= a->n_em)
    return FALSE;
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  gint p = evl_document_token_at (a->doc, a->em[pm].span.start);
  if (p < 0 || (guint) p <= t || (guint) p > t + 5)
    return FALSE;
  /* ... or a title or an ordinal ('appealed to the 11th Circuit Court'):
   * no function word nor punctuation between */
  for (guint k = t + 2; k < (guint) p; k++)
    if (tok_is_punct (a, k) || tok_lookup (a->stops, a, k) != NULL || a->toks[k].sentence != m->sentence
        || !(a->toks[k].flags & (EVL_TOKEN_CAP | EVL_TOKEN_NUMBER)))
      return FALSE;
  return TRUE;
}

/* The preposition written before an entity mention (the location, a
 * nominal's patient), if any. */
static const char *
mention_prep (const AddCtx *a, gint loc_mention)
{
  if (loc_mention < 0 || (guint) loc_mention >= a->n_em || a->n_toks == 0)
    return NULL;
  gint t = evl_document_token_at (a->doc, a->em[loc_mention].span.start);
  if (t <= 0)
    return NULL;
  /* Skip a determiner ('at the Vostochny Cosmodrome'). */
  for (gint k = t - 1; k >= 0 && k >= t - 2; k--)
    {
      const EvlLexEntry *e = tok_lookup (a->stops, a, (guint) k);
      if (e && e->n_attrs > 0 && strcmp (e->attrs[0], "prep") == 0)
        return e->canonical;
    }
  return NULL;
}

/* The preposition linking a nominal to its patient when it says more than
 * 'of' ('talks with X', 'sanctions against X', 'a visit to X'); others
 * ('by' marks an agent, 'in'/'at' a place) are left to the default. */
static const char *
patient_prep (const AddCtx *a, const EvlEventMention *m)
{
  static const char *const keep[] = { "with", "against", "on", "to", "over", "into", NULL };
  if (m->patient < 0 || (guint) m->patient >= a->n_em || a->n_toks == 0)
    return NULL;
  gint t = evl_document_token_at (a->doc, a->em[m->patient].span.start);
  /* Past a determiner ('talks with the United States') and a title
   * ('talks with Italian Foreign Minister Lamberto Dini', 'with rebel
   * leader X'), up to the first function word. */
  for (gint k = t - 1; t > 0 && k >= 0 && k >= t - 6 && a->toks[k].sentence == a->toks[t].sentence; k--)
    {
      const EvlLexEntry *e = tok_lookup (a->stops, a, (guint) k);
      if (e)
        return g_strv_contains (keep, e->canonical) ? e->canonical : NULL;
      if (tok_is_punct (a, (guint) k) && a->text[a->toks[k].span.start] != '\'')
        return NULL;
    }
  return NULL;
}

/* The noun @written as a line's head when its lemma is another word:
 * 'shooting' (lemma 'shoot'), 'the shot' ('shoot'), 'bombings' ('bomb'),
 * a plural in '-ings' made singular; NULL when the lemma will do
 * ('attacks': 'attack') or @written is no plain lower-case noun. */
static char *
written_noun (const char *written, const char *lemma)
{
  gsize n = strlen (written), ln = strlen (lemma);
  if (n < 3 || !g_ascii_islower (written[0]) || strchr (lemma, ' '))   /* 'give up' */
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (written[i]) && written[i] != '-')
      return NULL;
  if (n > 4 && strcmp (written + n - 4, "ings") == 0)
    n--;
  /* a participle tagged as no verb ('denied') is no noun either */
  if (strcmp (written + n - 2, "ed") == 0)
    return NULL;
  if (ln == n && strncmp (written, lemma, n) == 0)
    return NULL;
  if (written[n - 1] == 's' && ln + 1 == n && strncmp (written, lemma, ln) == 0)
    return NULL;
  return g_strndup (written, n);
}

/* The head of a nominal event for its summary: a proper event name as
 * written ('Korean War'), else the lemma after one common-noun modifier
 * ('weapons test'); NULL to use the lemma alone. */
static gint entity_of (const AddCtx *a, gint32 mention);

static char *
nominal_head (const AddCtx *a, const EvlEventMention *m, const char *lemma, const EvlGraphEvent *ev)
{
  if (a->n_toks == 0)
    return NULL;
  gint ti = evl_document_token_at (a->doc, m->span.start);
  if (ti < 0)
    return NULL;
  guint t = (guint) ti;
  const EvlToken *tok = &a->toks[t];
  gboolean sent_start = t == 0 || a->toks[t - 1].sentence != tok->sentence;
  if ((tok->flags & EVL_TOKEN_CAP) && !sent_start)
    {
      guint first = t;
      while (first > 0 && t - first < 3 && a->toks[first - 1].sentence == tok->sentence
             && (a->toks[first - 1].flags & EVL_TOKEN_CAP)
             && !(a->toks[first - 1].flags & EVL_TOKEN_SENT_START)
             && !(a->toks[first - 1].flags & (EVL_TOKEN_PUNCT | EVL_TOKEN_QUOTE)))
        first--;
      EvlSpan sp = { a->toks[first].span.start, MAX (tok->span.end, m->span.end) };
      return collapse_ws (a->text, a->len, sp);
    }
  if (sent_start || a->toks[t - 1].sentence != tok->sentence)
    return NULL;
  const EvlToken *prev = &a->toks[t - 1];
  EvlSpan ps = prev->span;
  /* 'the Gulf war', 'the Arab-Israeli conflict', 'LegCo elections': a
   * capitalised modifier that names none of the event @ev's entities
   * (the line names those itself: 'War in Iraq') stays with the noun */
  if ((prev->flags & EVL_TOKEN_WORD) && (prev->flags & EVL_TOKEN_CAP) && !(prev->flags & EVL_TOKEN_SENT_START)
      && t >= 2 && a->toks[t - 2].sentence == tok->sentence
      && word_in (a, t - 2, (const char *const[]) { "the", "a", "an", "its", "their", "this", "last", "next",
                                                   NULL }))
    {
      for (guint k = 0; k < a->n_em; k++)
        if (a->em[k].span.start < ps.end && ps.start < a->em[k].span.end)
          {
            gint x = entity_of (a, (gint32) k);
            gboolean named = x >= 0 && (x == ev->agent || x == ev->patient || x == ev->location);
            for (guint i = 0; x >= 0 && !named && i < ev->participants->len; i++)
              named = g_array_index (ev->participants, guint, i) == (guint) x;
            if (named)
              return NULL;
          }
      g_autofree char *noun = g_ascii_strdown (a->text + tok->span.start, (gssize) EVL_SPAN_LEN (tok->span));
      g_autofree char *mod = g_strndup (a->text + ps.start, EVL_SPAN_LEN (ps));
      return g_strdup_printf ("%s %s", mod, noun);
    }
  /* A determiner is no modifier: headlines drop it ('Attack in
   * Ancaster', not 'The attack in Ancaster'). */
  if (!(prev->flags & EVL_TOKEN_WORD) || (prev->flags & EVL_TOKEN_CAP)
      || tok_lookup (a->stops, a, t - 1) != NULL || EVL_SPAN_LEN (ps) < 3
      || word_in (a, t - 1, (const char *const[]) { "the", "this", "that", "these", "those", "its", "their",
                                                   "his", "her", "our", "your", "my", NULL }))
    return NULL;
  /* Participles and adverbs read badly out of context ('held meeting'). */
  const char *w = a->text + ps.start;
  gsize n = EVL_SPAN_LEN (ps);
  if ((w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 2] == 'l' && w[n - 1] == 'y'))
    return NULL;
  const EvlLexEntry *irr = tok_lookup (a->irregular, a, t - 1);
  if (irr && g_ascii_strncasecmp (irr->canonical, w, n) != 0)
    return NULL;   /* an irregular verb form ('held') */
  /* After 'to' the word is an infinitive taking the noun as its object
   * ('appointed a mediator to broker talks between X and Y': no 'broker
   * talks' of X's), unless the forms know it as a noun ('returned to
   * peace talks'). */
  if (t >= 2 && a->toks[t - 2].sentence == tok->sentence && word_in (a, t - 2, (const char *const[]) { "to", NULL }))
    {
      const EvlLexEntry *f = a->forms ? tok_lookup (a->forms, a, t - 1) : NULL;
      if (!(f && f->n_attrs > 5 && strcmp (f->attrs[5], "NOUN") == 0))
        return NULL;
    }
  g_autofree char *mod = g_ascii_strdown (w, (gssize) n);
  /* '$4 billion purchase': a scale word keeps its amount ('Billion
   * purchase' was the line) */
  static const char *const scales[] = { "million", "billion", "trillion", NULL };
  /* ... as does a currency's name after one or after a number ('3.3
   * billion euro takeover', not 'Euro takeover') */
  static const char *const currencies[] = { "euro", "dollar", "pound", "yen", "yuan", "franc", "rupee",
                                            "peso", "rouble", "ruble", "won", "real", "rand", "lira",
                                            "krone", "krona", NULL };
  gboolean currency = g_strv_contains (currencies, mod) && t >= 2 && a->toks[t - 2].sentence == tok->sentence
                      && (g_ascii_isdigit (a->text[a->toks[t - 2].span.start]) || word_in (a, t - 2, scales));
  if (currency || g_strv_contains (scales, mod))
    {
      guint top = currency ? t - 2 : t - 1;   /* the scale word or the number */
      guint f = top;
      if (!g_ascii_isdigit (a->text[a->toks[top].span.start]))
        while (f > 0 && top - f < 2 && a->toks[f - 1].sentence == tok->sentence
               && (g_ascii_isdigit (a->text[a->toks[f - 1].span.start])
                   || strchr ("$\xe2\xc2", a->text[a->toks[f - 1].span.start]) != NULL))
          f--;
      if (f == top && !currency && !g_ascii_isdigit (a->text[a->toks[top].span.start]))
        return NULL;
      g_autofree char *amount = collapse_ws (a->text, a->len, (EvlSpan) { a->toks[f].span.start, ps.end });
      return g_strdup_printf ("%s %s", amount, lemma);
    }
  /* 'three wars', 'two attacks': a count keeps the noun as written */
  static const char *const counts[] = { "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                        "ten", "several", "many", "numerous", "dozens", "hundreds", NULL };
  if (g_ascii_isdigit (mod[0]) || g_strv_contains (counts, mod))
    {
      g_autofree char *noun = g_ascii_strdown (a->text + tok->span.start, (gssize) EVL_SPAN_LEN (tok->span));
      return g_strdup_printf ("%s %s", mod, noun);
    }
  return g_strdup_printf ("%s %s", mod, lemma);
}

/* Irregular pasts that are their own participles. */
static const char *const same_participles[] = { "struck", "held", "fought", "sent", "found", "built", "lost",
                                                "won", "shot", "hit", "set", "cut", "put", "led", "made", "paid",
                                                "sold", "brought", "bought", "caught", "kept", "left", "spent",
                                                "sought", "hurt", "laid", "bound", "seized", NULL };

/* The past participle of a past verb trigger as written: a regular '-ed'
 * form, or an irregular past that is its own participle ('struck',
 * 'held'); NULL when the form does not tell ('took', 'began'). */
static char *
past_participle (const AddCtx *a, const EvlEventMention *m)
{
  gsize n = EVL_SPAN_LEN (m->span);
  const char *w = a->text + m->span.start;
  if (g_strcmp0 (m->tense, "PAST") != 0 || n < 3 || n > 24 || !g_ascii_islower (w[0]))
    return NULL;
  g_autofree char *form = g_ascii_strdown (w, (gssize) n);
  if ((n > 4 && g_str_has_suffix (form, "ed")) || strv_has (same_participles, form))
    return g_steal_pointer (&form);
  return NULL;
}

/* The trigger of passive @m as written when it reads as a participle
 * whatever its tense ('is being held', 'was taken'); else NULL. */
static char *
passive_participle (const AddCtx *a, const EvlEventMention *m)
{
  gsize n = EVL_SPAN_LEN (m->span);
  const char *w = a->text + m->span.start;
  if (n < 3 || n > 24 || !g_ascii_islower (w[0]))
    return NULL;
  g_autofree char *form = g_ascii_strdown (w, (gssize) n);
  if ((n > 4 && (g_str_has_suffix (form, "ed") || g_str_has_suffix (form, "en") || g_str_has_suffix (form, "wn")
                 || g_str_has_suffix (form, "rn")))
      || strv_has (same_participles, form))
    return g_steal_pointer (&form);
  return NULL;
}

/* A phrasal verb's lemma ('lift off', from story typing) names the
 * particle written right after its verb: *@out is @m with its span
 * stretched over the particle, so that the object is read after it
 * ('called off the drill': 'the drill').  FALSE when the lemma is one
 * word or the text does not go on with the particle. */
static gboolean
phrasal_span (const AddCtx *a, const EvlEventMention *m, const char *lemma, EvlEventMention *out)
{
  const char *w = strchr (lemma, ' ');
  if (w == NULL || a->n_toks == 0)
    return FALSE;
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  *out = *m;
  while (w)
    {
      w++;
      const char *end = strchr (w, ' ');
      gsize n = end ? (gsize) (end - w) : strlen (w);
      if (t >= a->n_toks || a->toks[t].sentence != m->sentence || EVL_SPAN_LEN (a->toks[t].span) != n
          || g_ascii_strncasecmp (a->text + a->toks[t].span.start, w, n) != 0)
        return FALSE;
      out->span.end = a->toks[t++].span.end;
      w = end;
    }
  return TRUE;
}

/* A passive's particle no lexicon names ('was sworn in on Dec. 1',
 * 'were shot down by'): an adverb particle right after the participle
 * that no noun phrase follows, only punctuation or another preposition.
 * *@out is @m stretched over it, as phrasal_span() does. */
static gboolean
passive_particle (const AddCtx *a, const EvlEventMention *m, EvlEventMention *out)
{
  static const char *const particles[] = { "in", "off", "down", "up", "out", "away", "back", "over", NULL };
  static const char *const preps[] = { "on", "at", "by", "as", "for", "after", "before", "during", "with",
                                       "to", "amid", "until", "in", "over", "because", NULL };
  if (a->n_toks == 0)
    return FALSE;
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  gsize n = EVL_SPAN_LEN (m->span);
  if (t >= a->n_toks || a->toks[t].sentence != m->sentence || !word_in (a, t, particles)
      || (n > 4 && memcmp (a->text + m->span.end - 3, "ing", 3) == 0))
    return FALSE;   /* 'has been cracking down': a progressive */
  if (t + 1 < a->n_toks && a->toks[t + 1].sentence == m->sentence && !tok_is_punct (a, t + 1)
      && !word_in (a, t + 1, preps))
    return FALSE;
  *out = *m;
  out->span.end = a->toks[t].span.end;
  return TRUE;
}

/* Whether the words after a verb trigger, its object phrase, start as a
 * noun phrase can: not with an adverb ('died instantly', 'detained
 * soon'), a gerund before 'to' ('killed trying to flee'; 'denied
 * wrongdoing' is a noun) nor another verb ('the warning came'). */
static gboolean
object_is_noun_phrase (const AddCtx *a, const EvlEventMention *m)
{
  static const char *const adverbs[] = { "soon", "later", "again", "also", "then", "now", "here", "there",
                                         "back", "away", "out", "up", "down", "off", "home", "together",
                                         "early", "late", "too", "yet", "still", "ago", "next", NULL };
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  if (t >= a->n_toks || a->toks[t].sentence != m->sentence)
    return FALSE;
  const char *w = a->text + a->toks[t].span.start;
  gsize n = EVL_SPAN_LEN (a->toks[t].span);
  gboolean ing = n > 4 && g_ascii_islower (w[0]) && strncmp (w + n - 3, "ing", 3) == 0
                 && memchr (w, '-', n) == NULL && t + 1 < a->n_toks
                 && word_in (a, t + 1, (const char *const[]) { "to", NULL });   /* 'killed trying to' */
  return !ing && !is_ly_adverb (a, t) && !word_in (a, t, adverbs) && a->trigger_tok[t] != TRIGGER_FINITE;
}

/* Whether the words after a verb trigger are the subject of a clause of
 * their own ('insisted bilateral talks would resume'): an auxiliary
 * right after the noun phrase, before any other function word. */
static gboolean
object_opens_clause (const AddCtx *a, const EvlEventMention *m)
{
  static const char *const finite[] = { "is", "are", "was", "were", "will", "would", "could", "should",
                                        "can", "may", "might", "must", "had", "has", "have", NULL };
  static const char *const dets[] = { "a", "an", "the", "its", "their", "his", "her", NULL };
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  for (guint i = 0; t < a->n_toks && i < 8 && a->toks[t].sentence == m->sentence && !tok_is_punct (a, t);
       t++, i++)
    {
      /* an auxiliary only: a verb form after a noun may be its modifier
       * ('an insurgency aimed at') or the noun itself ('press reports') */
      if (i > 0 && word_in (a, t, finite))
        return TRUE;
      if (tok_lookup (a->stops, a, t) != NULL && !(i == 0 && word_in (a, t, dets)))
        return FALSE;
    }
  return FALSE;
}

/* Whether the words after verb trigger @m open a clause with a subject
 * pronoun ('said he was', 'hoped they would'); 'it' and 'you' only
 * before a finite verb, as they are often objects ('made it clear',
 * 'help you make'). */
static gboolean
object_is_clause (const AddCtx *a, const EvlEventMention *m)
{
  static const char *const finite[] = { "is", "are", "was", "were", "will", "would", "could", "should",
                                        "can", "may", "might", "must", "had", "has", "have", "'s", "does",
                                        "did", NULL };
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  if (t >= a->n_toks || a->toks[t].sentence != m->sentence)
    return FALSE;
  if (word_in (a, t, (const char *const[]) { "he", "she", "they", "we", "i", NULL }))
    return TRUE;
  /* 'it' or 'you' before a finite verb ('said it suffered', 'think it's') */
  return word_in (a, t, (const char *const[]) { "it", "you", NULL }) && t + 1 < a->n_toks
         && a->toks[t + 1].sentence == m->sentence
         && (a->trigger_tok[t + 1] == TRIGGER_FINITE || word_in (a, t + 1, finite));
}

/* @line and where it happened: the preposition written before the
 * location's mention, else 'in' ('Killed in Nairobi'). */
static char *
at_place (const AddCtx *a, const char *line, gint location, gint32 loc_mention)
{
  const char *lp = mention_prep (a, loc_mention);
  return g_strdup_printf ("%s %s %s", line, lp ? lp : "in", evl_graph_get_entity (a->g, (guint) location)->name);
}

/* Whether verb @m is a passive: a form of 'be' before it, past 'not',
 * adverbs and a hedge ('were also killed', 'has been arrested', 'were
 * reported killed'). */
static gboolean
be_passive (const AddCtx *a, const EvlEventMention *m)
{
  static const char *const between[] = { "not", "never", "also", "later", "then", "again", "reportedly",
                                         "reported", "feared", "believed", NULL };
  gint k = evl_document_token_at (a->doc, m->span.start) - 1;
  while (k >= 0 && a->toks[k].sentence == m->sentence && (word_in (a, (guint) k, between) || is_ly_adverb (a, (guint) k)))
    k--;
  return k >= 0 && a->toks[k].sentence == m->sentence && word_in (a, (guint) k, be_forms);
}

/* A headline for a past verb with an object and no one acting: the
 * object, its article or possessive dropped, then the participle ('270
 * people killed', 'Treatment centre opened'), where 'Kill of 270 people'
 * is no English. */
static char *
headline_summary (const char *object, const char *participle)
{
  static const char *const dets[] = { "a ", "an ", "the ", "its ", "their ", "his ", "her ", NULL };
  const char *o = object;
  for (guint i = 0; dets[i]; i++)
    if (g_ascii_strncasecmp (o, dets[i], strlen (dets[i])) == 0 && o[strlen (dets[i])] != '\0')
      {
        o += strlen (dets[i]);
        break;
      }
  /* 'an insurgency aimed': a participle after the noun is its modifier,
   * cut short. */
  const char *sp = strrchr (o, ' ');
  gsize n = strlen (o);
  if (sp && n > 2 && strcmp (o + n - 2, "ed") == 0)
    n = (gsize) (sp - o);
  char *s = g_strdup_printf ("%.*s %s", (int) n, o, participle);
  s[0] = g_ascii_toupper (s[0]);
  return s;
}

/* The past participle of a verb that counts casualties ('killing at
 * least 12 people') for its participle clause after a comma whose object
 * opens with a count: the line reads as a headline ('At least 12 people
 * killed'), not 'Killing at least 12 people'; NULL for any other. */
static char *
casualty_participle (const AddCtx *a, const EvlEventMention *m, const char *lemma)
{
  static const char *const verbs[] = { "kill", "injure", "wound", "displace", "strand", NULL };
  static const char *const counts[] = { "dozens", "hundreds", "thousands", "scores", "tens", "two", "three",
                                        "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                                        "twelve", "several", NULL };
  static const char *const about[] = { "some", "about", "around", "nearly", "almost", "over", "roughly",
                                       "up", "all", NULL };
  /* '..., killing 62' or 'the crash that killed 62': the clause tells
   * only the toll of the happening before it. */
  static const char *const relative[] = { "that", "which", NULL };
  gint t = evl_document_token_at (a->doc, m->span.start);
  gsize n = EVL_SPAN_LEN (m->span);
  if (!strv_has (verbs, lemma) || t <= 0 || n < 4 || a->toks[t - 1].sentence != m->sentence)
    return NULL;
  if (!(n >= 6 && memcmp (a->text + m->span.end - 3, "ing", 3) == 0 && tok_is_comma (a, (guint) t - 1))
      && !(memcmp (a->text + m->span.end - 2, "ed", 2) == 0 && word_in (a, (guint) t - 1, relative)))
    return NULL;
  guint o = token_from (a, m->span.start, m->span.end, m->sentence);
  if (o + 1 < a->n_toks && a->toks[o + 1].sentence == m->sentence
      && (than_count (a, o) || than_count (a, o + 1) || word_in (a, o, about)))
    o += than_count (a, o + 1) ? 2 : 1 + than_count (a, o);
  if (o >= a->n_toks || a->toks[o].sentence != m->sentence || in_timex (a, m->sentence, a->toks[o].span.start)
      || !((a->toks[o].flags & EVL_TOKEN_NUMBER) || word_in (a, o, counts)))
    return NULL;
  return g_str_has_suffix (lemma, "e") ? g_strconcat (lemma, "d", NULL) : g_strconcat (lemma, "ed", NULL);
}

/* The words between verb trigger @m and its patient mention @pm when
 * they are a noun phrase of at most five words and the patient follows
 * them after one of patient_prep()'s prepositions ('supplied weapons to
 * Pyongyang'); NULL otherwise. */
static char *
thing_before_patient (const AddCtx *a, const EvlEventMention *m, gint32 pm)
{
  static const char *const dets[] = { "the", "a", "an", NULL };
  static const char *const keep[] = { "with", "against", "on", "to", "over", "into", NULL };
  if (pm < 0 || (guint) pm >= a->n_em || a->em[pm].span.start < m->span.end || a->n_toks == 0)
    return NULL;
  guint t0 = token_from (a, m->span.start, m->span.end, m->sentence);
  gint pt = evl_document_token_at (a->doc, a->em[pm].span.start);
  if (pt <= 0 || t0 >= a->n_toks)
    return NULL;
  guint k = (guint) pt - 1;
  if (k > t0 && word_in (a, k, dets))
    k--;
  if (k <= t0 || !word_in (a, k, keep) || k - t0 > 8 || !object_is_noun_phrase (a, m))
    return NULL;
  /* Past five words, a thing given to the patient is cut before an
   * adjunct of what or whence ('pledged 5 million euros in humanitarian
   * aid to Peru', 'airlifted 300 refugees from eastern Zaire to Goma':
   * '5 million euros to Peru'), so that the patient keeps the 'to' that
   * tells it is no direct object ('pledges Peru').  Other prepositions
   * take the patient's phrase as their own ('views on food aid to'). */
  guint end = k;
  if (k - t0 > 5 && word_in (a, k, (const char *const[]) { "to", NULL }))
    for (guint t = t0; t < k && end == k; t++)
      {
        if (word_in (a, t, be_forms))
          return NULL;
        if (t > t0 && word_in (a, t, (const char *const[]) { "in", "from", NULL }))
          end = t;
      }
  if (end - t0 > 5)
    return NULL;
  for (guint t = t0; t < end; t++)
    if (a->toks[t].sentence != m->sentence || (tok_is_punct (a, t) && !currency_before_number (a, t))
        || in_timex (a, m->sentence, a->toks[t].span.start) || a->trigger_tok[t] == TRIGGER_FINITE
        || word_in (a, t, pronouns) || word_in (a, t, conjunctions))
      return NULL;
  if (end == k)
    return collapse_ws (a->text, a->len, (EvlSpan) { a->toks[t0].span.start, a->toks[k].span.end });
  g_autofree char *thing = collapse_ws (a->text, a->len, (EvlSpan) { a->toks[t0].span.start, a->toks[end - 1].span.end });
  g_autofree char *prep = collapse_ws (a->text, a->len, a->toks[k].span);
  return g_strconcat (thing, " ", prep, NULL);
}

/* ---- summary ---- */

static char *
third_person (const char *verb)
{
  /* A phrasal verb inflects its verb: 'lift off' -> 'lifts off'. */
  const char *sp = strchr (verb, ' ');
  if (sp)
    {
      g_autofree char *head = g_strndup (verb, (gsize) (sp - verb));
      g_autofree char *inflected = third_person (head);
      return g_strconcat (inflected, sp, NULL);
    }
  gsize n = strlen (verb);
  if (strcmp (verb, "be") == 0)
    return g_strdup ("is");
  if (strcmp (verb, "have") == 0)
    return g_strdup ("has");
  if (n >= 2 && verb[n - 1] == 'y' && !strchr ("aeiou", verb[n - 2]))
    return g_strdup_printf ("%.*sies", (int) (n - 1), verb);
  if (g_str_has_suffix (verb, "s") || g_str_has_suffix (verb, "x")
      || g_str_has_suffix (verb, "z") || g_str_has_suffix (verb, "ch")
      || g_str_has_suffix (verb, "sh") || g_str_has_suffix (verb, "o"))
    return g_strdup_printf ("%ses", verb);
  return g_strdup_printf ("%ss", verb);
}

/* The '-ing' form of a verb lemma, the head of a line with an object and
 * no subject ('Detaining Htin Gyaw', where 'Detain of Htin Gyaw' is no
 * English).  @written, the trigger as written, shows a doubled final
 * consonant ('admitted', 'admitting'); else a one-syllable verb ending in
 * one vowel and one consonant doubles it ('hit', 'hitting'). */
static char *
gerund (const char *verb, const char *written)
{
  const char *sp = strchr (verb, ' ');
  if (sp)
    {
      g_autofree char *head = g_strndup (verb, (gsize) (sp - verb));
      g_autofree char *ing = gerund (head, written);
      return g_strconcat (ing, sp, NULL);
    }
  gsize n = strlen (verb);
  if (n < 2)
    return g_strdup (verb);
  char last = verb[n - 1], prev = verb[n - 2];
  if (strcmp (verb, "be") == 0 || g_str_has_suffix (verb, "ee") || g_str_has_suffix (verb, "ye")
      || g_str_has_suffix (verb, "oe"))
    return g_strconcat (verb, "ing", NULL);
  if (g_str_has_suffix (verb, "ie"))
    return g_strdup_printf ("%.*sying", (int) (n - 2), verb);   /* 'dying' */
  if (last == 'e')
    return g_strdup_printf ("%.*sing", (int) (n - 1), verb);    /* 'suing', 'praising' */
  gboolean cvc = !strchr ("aeiouwxy", last) && strchr ("aeiou", prev) && n >= 3 && !strchr ("aeiou", verb[n - 3]);
  guint groups = 0;
  for (gsize i = 0; i < n; i++)
    groups += strchr ("aeiouy", verb[i]) && (i == 0 || !strchr ("aeiouy", verb[i - 1]));
  gsize wn = written ? strlen (written) : 0;
  gsize e = wn > 4 && g_str_has_suffix (written, "ed") ? wn - 2 : wn > 5 && g_str_has_suffix (written, "ing") ? wn - 3 : 0;
  gboolean doubled = e > 0 && g_ascii_tolower (written[e - 1]) == last && g_ascii_tolower (written[e - 2]) == last;
  /* verbs of two syllables stressed on the last double it too
   * ('forgetting', 'regretting', 'controlling') */
  static const char *const stressed[] = { "forget", "regret", "admit", "commit", "omit", "permit", "submit",
                                          "occur", "prefer", "refer", "confer", "defer", "infer", "deter",
                                          "incur", "recur", "transfer", "begin", "control", "patrol", "compel",
                                          "expel", "propel", "rebel", "equip", "upset", "acquit", "allot",
                                          "embed", "abet", NULL };
  if (cvc && (groups == 1 || doubled || strv_has (stressed, verb)))
    return g_strdup_printf ("%s%cing", verb, last);
  return g_strconcat (verb, "ing", NULL);
}

/* Whether lemma @verb is a noun in '-ing' taken for a verb ('ceiling'):
 * a vowel before its '-ing', which the verbs in '-ing' lack ('bring',
 * 'cling', 'spring'). */
static gboolean
ing_noun (const char *verb)
{
  gsize n = strlen (verb);
  if (n < 5 || strcmp (verb + n - 3, "ing") != 0)
    return FALSE;
  for (gsize i = 0; i + 3 < n; i++)
    if (strchr ("aeiouy", verb[i]))
      return TRUE;
  return FALSE;
}

static void
append_names (GString *s, const EvlGraph *g, const GArray *ents)
{
  for (guint i = 0; i < ents->len; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == ents->len ? " and " : ", ");
      g_string_append (s, evl_graph_get_entity (g, g_array_index (ents, guint, i))->name);
    }
}

/* Types whose noun named after a place ('the Ukraine conflict', 'the
 * Ghana election') tells where it happens, not who does it. */
static gboolean
happens_at_place (const char *type)
{
  static const char *const where_types[] = { "CONFLICT", "DISASTER", "ELECTION", "PROTEST", NULL };
  return type && g_strv_contains (where_types, type);
}

/* evl_reason_summary() with the patient written @patient_name (NULL:
 * its entity's name) and the entities of @co_patients (NULL: none), the
 * names coordinated with the patient ('visiting Kenya and Tanzania'),
 * kept out of the subject. */
static char *
summary_line (const EvlGraph *g, const EvlGraphEvent *ev, const char *verb, gboolean verbal,
              const char *object, const char *prep, const char *patient_prep, const char *patient_name,
              const GArray *co_patients);

char *
evl_reason_summary (const EvlGraph *g, const EvlGraphEvent *ev, const char *verb,
                    gboolean verbal, const char *object, const char *prep,
                    const char *patient_prep)
{
  return summary_line (g, ev, verb, verbal, object, prep, patient_prep, NULL, NULL);
}

static gboolean
array_has (const GArray *a, guint v)
{
  for (guint i = 0; a && i < a->len; i++)
    if (g_array_index (a, guint, i) == v)
      return TRUE;
  return FALSE;
}

static char *
summary_line (const EvlGraph *g, const EvlGraphEvent *ev, const char *verb, gboolean verbal,
              const char *object, const char *prep, const char *patient_prep, const char *patient_name,
              const GArray *co_patients)
{
  const char *lemma = verb ? verb : ev->trigger ? ev->trigger : ev->type ? ev->type : "event";
  /* Subject: the agent and the co-participants that are neither patient
   * nor location ('Kim Jong Un and Vladimir Putin meet'), at most three. */
  g_autoptr (GArray) subj = g_array_new (FALSE, FALSE, sizeof (guint));
  if (ev->agent >= 0 && ev->agent != ev->location)
    {
      guint ag = (guint) ev->agent;
      g_array_append_val (subj, ag);
    }
  for (guint i = 0; i < ev->participants->len && subj->len < 3; i++)
    {
      guint p = g_array_index (ev->participants, guint, i);
      if ((gint) p == ev->patient || (gint) p == ev->location || (gint) p == ev->agent
          || array_has (co_patients, p))
        continue;
      g_array_append_val (subj, p);
    }
  const char *obj = object;
  g_autofree char *thing = NULL;
  if (ev->patient >= 0)
    {
      const EvlGraphEntity *pe = evl_graph_get_entity (g, (guint) ev->patient);
      /* A place as patient next to the event's location is scenery
       * ('convened in the Far East at the cosmodrome'); a verb's object
       * with the patient's preposition ('weapons to') goes before it. */
      obj = pe->type == EVL_ENTITY_LOCATION && ev->location >= 0 ? NULL : patient_name ? patient_name : pe->name;
      if (verbal && object && obj)
        obj = thing = g_strdup_printf ("%s %s", object, obj);
    }
  GString *s = g_string_new (NULL);
  if (verbal && subj->len > 0)
    {
      append_names (s, g, subj);
      g_autofree char *v = subj->len == 1 ? third_person (lemma) : g_strdup (lemma);
      g_string_append_printf (s, " %s", v);
      /* 'fled to X': the complement's preposition, as below; not an
       * '-ing' noun's ('gave a warning to X': 'X warns X'), nor a
       * meeting's 'with', whose partner the verb takes ('meets Y') */
      const EvlGraphMention *m0 = ev->mentions && ev->mentions->len > 0
                                  ? &g_array_index (ev->mentions, EvlGraphMention, 0) : NULL;
      if (obj && !object && ev->patient >= 0 && patient_prep && m0 && m0->text && !g_str_has_suffix (m0->text, "ing")
          && !(strcmp (patient_prep, "with") == 0 && g_strcmp0 (ev->type, "MEETING") == 0))
        g_string_append_printf (s, " %s %s", patient_prep, obj);
      else if (obj)
        g_string_append_printf (s, " %s", obj);
    }
  else if (!verbal && !obj && subj->len == 1
           && evl_graph_get_entity (g, g_array_index (subj, guint, 0))->type == EVL_ENTITY_ORGANIZATION)
    {
      /* An organisation's meeting, strike or ruling reads as a headline
       * names it: 'NATO summit', not 'Summit by NATO'. */
      append_names (s, g, subj);
      const char *head = lemma;
      static const char *const arts[] = { "the ", "a ", "an ", "The ", "A ", "An " };
      for (guint k = 0; k < G_N_ELEMENTS (arts); k++)
        if (g_str_has_prefix (head, arts[k]))
          head += strlen (arts[k]);
      g_string_append_printf (s, " %s", head);
    }
  else
    {
      /* A verb with an object and no subject reads as its '-ing' form
       * ('Meeting Li Peng', not 'Meet of Li Peng'). */
      const EvlGraphMention *m0 = ev->mentions && ev->mentions->len > 0
                                  ? &g_array_index (ev->mentions, EvlGraphMention, 0) : NULL;
      g_autofree char *cap = verbal && obj && !ing_noun (lemma) ? gerund (lemma, m0 ? m0->text : NULL)
                                                                : g_strdup (lemma);
      cap[0] = g_ascii_toupper (cap[0]);
      g_string_append (s, cap);
      /* 'Meeting with Daniel arap Moi': a verb's patient keeps its
       * preposition, the headline of its action; 'Meeting Daniel arap
       * Moi' reads as making his acquaintance. */
      if (verbal && obj)
        g_string_append_printf (s, " %s%s%s", !object && ev->patient >= 0 && patient_prep ? patient_prep : "",
                                !object && ev->patient >= 0 && patient_prep ? " " : "", obj);
      /* A war, a flood, an election or a protest named after a place
       * ('the Ukraine conflict') happens there; the place is no agent to
       * write 'by' before. */
      gboolean where = !verbal && subj->len == 1 && ev->location < 0 && happens_at_place (ev->type)
                       && evl_graph_get_entity (g, g_array_index (subj, guint, 0))->type == EVL_ENTITY_LOCATION;
      /* A noun read with its complement ('tour of the space center')
       * names whom it is about; the participants other mentions gave the
       * event do not follow it ('... between Kim Jong Un and Vladimir
       * Putin'). */
      const char *sp = verbal ? NULL : strchr (lemma, ' ');
      gboolean complemented = FALSE;
      static const char *const cpreps[] = { "on ", "of ", "against ", "by ", "over ", "with ", "for ", NULL };
      for (guint i = 0; sp && cpreps[i] && !complemented; i++)
        complemented = g_str_has_prefix (sp + 1, cpreps[i]);
      if (subj->len > 0 && !complemented)
        {
          g_string_append (s, subj->len > 1 ? " between " : where ? " in " : " by ");
          append_names (s, g, subj);
        }
      else if (!verbal && obj)
        g_string_append_printf (s, " %s %s", patient_prep ? patient_prep : "of", obj);
    }
  if (ev->location >= 0)
    g_string_append_printf (s, " %s %s", prep ? prep : "in",
                            evl_graph_get_entity (g, (guint) ev->location)->name);
  /* Negation, hedging and failure are fields (polarity, modality, flags)
   * that renderers style; the line stays the bare event. */
  return g_string_free (s, FALSE);
}

/* ---- events ---- */

static gint
entity_of (const AddCtx *a, gint32 mention)
{
  if (mention < 0 || (guint) mention >= a->n_em)
    return -1;
  gint32 c = a->em[mention].cluster;
  if (c < 0 || (guint) c >= a->n_clusters || a->cluster_map[c] == G_MAXUINT)
    return -1;
  return (gint) a->cluster_map[c];
}

static gboolean
is_past (const char *tense)
{
  return g_strcmp0 (tense, "PAST") == 0 || g_strcmp0 (tense, "PASTPART") == 0;
}

/* The timex covering token @t, -1 when none. */
static gint32
timex_at (const AddCtx *a, guint t)
{
  guint32 off = a->toks[t].span.start;
  for (guint i = 0; i < a->n_tx; i++)
    if (a->tx[i].sentence == a->toks[t].sentence && off >= a->tx[i].span.start && off < a->tx[i].span.end)
      return (gint32) i;
  return -1;
}

/* Whether a date stands between verb mention @m and the preposition
 * of its complement ('agreed on Tuesday to a takeover', 'met on Monday
 * with the envoy'); @out is then @m ending with the date, so that the
 * title's complement is read after it, not cut by it. */
static gboolean
date_before_complement (const AddCtx *a, const EvlEventMention *m, EvlEventMention *out)
{
  guint t = token_from (a, m->span.start, m->span.end, m->sentence);
  /* ('agreed late on Sunday to a ceasefire': the time's modifier is
   * outside its expression) */
  if (t + 1 < a->n_toks && a->toks[t + 1].sentence == m->sentence
      && word_in (a, t, (const char *const[]) { "late", "early", NULL }) && timex_at (a, t) < 0)
    t++;
  if (t < a->n_toks && a->toks[t].sentence == m->sentence
      && word_in (a, t, (const char *const[]) { "on", "in", "at", NULL }))
    t++;
  gint32 x = t < a->n_toks && a->toks[t].sentence == m->sentence ? timex_at (a, t) : -1;
  if (x < 0 || a->tx[x].span.start != a->toks[t].span.start)
    return FALSE;
  while (t < a->n_toks && a->toks[t].span.start < a->tx[x].span.end)
    t++;
  if (t >= a->n_toks || a->toks[t].sentence != m->sentence
      || !word_in (a, t, (const char *const[]) { "to", "with", "for", "against", "over", "into", NULL }))
    return FALSE;
  *out = *m;
  out->span.end = a->tx[x].span.end;
  return TRUE;
}

/* A plain count of one calendar unit ('a day' P1D, 'two weeks' P2W,
 * 'three months' P3M, 'a year' P1Y; 'hours' PTXH or 'minutes' PT30M,
 * under a day): its grain and count, FALSE for anything vaguer ('weeks'
 * PXW, 'about a month'). */
static gboolean
plain_duration (const EvlTimex *d, EvlGrain *grain, guint *n)
{
  const char *v = d->value;
  if (d->type != EVL_TIMEX_DURATION || v == NULL || d->mod != NULL || v[0] != 'P')
    return FALSE;
  if (v[1] == 'T')
    {
      char *end = NULL;
      guint64 h = v[2] == 'X' ? 0 : g_ascii_strtoull (v + 2, &end, 10);
      if (v[2] == 'X')
        end = (char *) v + 3;
      if (end == v + 2 || !((h < 24 && strcmp (end, "H") == 0) || (h < 600 && strcmp (end, "M") == 0)))
        return FALSE;
      *grain = EVL_GRAIN_HOUR;
      *n = 0;
      return TRUE;
    }
  char *end = NULL;
  guint64 c = g_ascii_strtoull (v + 1, &end, 10);
  if (end == v + 1 || c == 0 || c > 999 || end[0] == '\0' || end[1] != '\0')
    return FALSE;
  switch (end[0])
    {
    case 'D': *grain = EVL_GRAIN_DAY; break;
    case 'W': *grain = EVL_GRAIN_WEEK; break;
    case 'M': *grain = EVL_GRAIN_MONTH; break;
    case 'Y': *grain = EVL_GRAIN_YEAR; break;
    default: return FALSE;
    }
  *n = (guint) c;
  return TRUE;
}

static gboolean finite_tense (const char *tense);

/* The event mention whose trigger covers token @t, -1 when none. */
static gint32
mention_at (const AddCtx *a, gint t)
{
  return t >= 0 && (guint) t < a->n_toks ? a->tok_event[t] : -1;
}

/* The calendar date (a resolved DATE) mention @k is anchored to by a
 * timex of its sentence, -1 when none. */
static gint32
dated_by (const AddCtx *a, gint32 k)
{
  if (k < 0)
    return -1;
  const EvlEventMention *o = &a->ev[k];
  gint32 c = o->timex;
  if (c < 0 || (guint) c >= a->n_tx
      || (o->anchor_method != EVL_ANCHOR_CLAUSE && o->anchor_method != EVL_ANCHOR_SENTENCE))
    return -1;
  const EvlTimex *x = &a->tx[c];
  return x->type == EVL_TIMEX_DATE && x->begin != 0 && x->grain != EVL_GRAIN_NONE
         && !(x->flags & EVL_TIMEX_FLAG_DCT) ? c : -1;
}

/* @m has a date of its own other than timex @x: its clause's or
 * sentence's, not the creation time or one by tense. */
static gboolean
own_date (const AddCtx *a, const EvlEventMention *m, gint32 x)
{
  gint32 own = m->timex;
  return own >= 0 && own != x && (guint) own < a->n_tx && !(a->tx[own].flags & EVL_TIMEX_FLAG_DCT)
         && m->anchor_method != EVL_ANCHOR_TENSE && m->anchor_method != EVL_ANCHOR_DCT;
}

/* Timex @x's date moved by @sign times @n @unit (plain_duration()) into
 * @t, anchor "offset", text the span @cue ('a day after').  The result
 * keeps the unit's grain (hours: the day; weeks: the day) and is never
 * finer than the date's: June less three months is March, 2019 less a
 * month nothing. */
static gboolean
shift_date (const AddCtx *a, gint32 x, EvlGrain unit, guint n, gint sign, EvlSpan cue, EvlGraphTime *t)
{
  const EvlTimex *c = &a->tx[x];
  EvlGrain need = unit == EVL_GRAIN_HOUR || unit == EVL_GRAIN_WEEK ? EVL_GRAIN_DAY : unit;
  EvlDay cend = c->end ? c->end : c->begin;
  /* A date finer than its grain only by being a range is no date of that
   * grain: 'from May to August' is no month. */
  if (c->grain > need || (need == EVL_GRAIN_DAY && cend != c->begin))
    return FALSE;
  int y, mo, dom;
  evl_day_to_ymd (c->begin, &y, &mo, &dom);
  char buf[11];
  EvlDay b, e;
  switch (need)
    {
    case EVL_GRAIN_DAY:
      b = e = (EvlDay) ((gint64) c->begin + sign * (gint64) n * (unit == EVL_GRAIN_WEEK ? 7 : 1));
      evl_day_format (b, buf);
      break;
    case EVL_GRAIN_MONTH:
      {
        gint months = y * 12 + (mo - 1) + sign * (gint) n;
        y = months / 12;
        mo = months % 12 + 1;
        b = evl_day_from_ymd (y, mo, 1);
        e = evl_day_from_ymd (mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1, 1) - 1;
        g_snprintf (buf, sizeof buf, "%04d-%02d", y, mo);
        break;
      }
    default:
      y += sign * (gint) n;
      b = evl_day_from_ymd (y, 1, 1);
      e = evl_day_from_ymd (y, 12, 31);
      g_snprintf (buf, sizeof buf, "%04d", y);
      break;
    }
  if (b == 0 || e == 0)
    return FALSE;
  t->known = TRUE;
  t->value = evl_graph_intern (a->g, buf);
  t->begin = b;
  t->end = e;
  t->grain = need;
  t->text = evl_document_span_text ((EvlDocument *) a->doc, cue);
  t->anchor = "offset";
  return TRUE;
}

static const char *const offset_preps[] = { "after", "before", NULL };

/* The verb a duration before token @from + 1 counts from: the nearest
 * verb at or before @from in sentence @sent, passing nouns and past
 * participles ('rebuffed by rebels ..., two days after'); -1 unless it is
 * an asserted past or present finite verb.  The date of a plan or of an
 * infinitive is the saying's or the agreeing's, not its own: 'said on
 * Monday they would hold talks two weeks after the election', 'agreed on
 * Tuesday to hold a summit a month after the vote'. */
static gint32
governing_verb (const AddCtx *a, gint from, guint32 sent)
{
  for (gint v = from; v >= 0 && a->toks[v].sentence == sent; v--)
    {
      gint32 o = a->trigger_tok[v] != TRIGGER_NONE ? mention_at (a, v) : -1;
      if (o < 0)
        continue;
      const EvlEventMention *e = &a->ev[o];
      gboolean noun = g_strcmp0 (e->tense, "NONE") == 0;
      if (e->modality == NULL && (noun || g_strcmp0 (e->tense, "PASTPART") == 0))
        continue;
      gboolean asserted = (g_strcmp0 (e->tense, "PAST") == 0 || g_strcmp0 (e->tense, "PRESENT") == 0)
                          && e->modality == NULL && !(e->flags & EVL_EVENT_FLAG_PLANNED);
      return asserted ? o : -1;
    }
  return -1;
}

/* A duration after one of these is an argument or a bound, not an
 * offset: 'jailed for two years after the trial', 'within a week after'. */
static const char *const duration_heads[] = { "for", "to", "of", "than", "within", "over", "in", "up",
                                              "at", "by", NULL };

/* Timex @d is a duration an offset can be: a plain count, no argument. */
static gboolean
offset_duration (const AddCtx *a, gint32 d, EvlGrain *unit, guint *n)
{
  if (d < 0 || !plain_duration (&a->tx[d], unit, n))
    return FALSE;
  gint f = evl_document_token_at (a->doc, a->tx[d].span.start);
  return f <= 0 || a->toks[f - 1].sentence != a->tx[d].sentence
         || !word_in (a, (guint) f - 1, duration_heads);
}

/* 'South Korea on Wednesday suspended the pact, a day after the North
 * launched a satellite': an event that a duration and 'after' or
 * 'before' introduce is that duration before or after the date of the
 * clause it hangs on; the events stage leaves it that date (which is the
 * other event's), so it is computed here, from the token layout the
 * events stage read too.  @m's trigger is at most five words after the
 * preposition (a name may stand between: 'after Kim Jong Un travelled'),
 * with no finite predicate between; the clause's date is the one the
 * verb before the duration is anchored to (governing_verb(): 'Police said
 * on Monday the suspect was arrested two days after the attack' does not
 * date the attack from the saying).  'until' gives no date.  A
 * participle after a comma is its verb's happening and takes its offset
 * ('a day after troops opened fire, killing 14'). */
static gboolean
offset_time (const AddCtx *a, const EvlEventMention *m, EvlGraphTime *t)
{
  gint tr = evl_document_token_at (a->doc, m->span.start);
  if (tr <= 0 || (guint) tr >= a->n_toks)
    return FALSE;
  guint32 sent = a->toks[tr].sentence;
  gint prep = -1;
  /* a noun may be the object of the clause's verb right before it ('a
   * day after Xi held talks'): the walk passes that one verb */
  gboolean noun = g_strcmp0 (m->tense, "NONE") == 0;
  if (g_strcmp0 (m->tense, "PRESPART") == 0 && tr >= 2 && a->toks[tr - 1].sentence == sent
      && EVL_SPAN_LEN (a->toks[tr - 1].span) == 1 && a->text[a->toks[tr - 1].span.start] == ',')
    for (gint i = tr - 2; i > 0 && i >= tr - 12 && a->toks[i].sentence == sent; i--)
      if (a->trigger_tok[i] == TRIGGER_FINITE)
        {
          tr = i;
          break;
        }
  for (gint i = tr - 1; i > 0 && i >= tr - 6 && a->toks[i].sentence == sent; i--)
    {
      if (word_in (a, (guint) i, offset_preps))
        {
          prep = i;
          break;
        }
      if (!(a->toks[i].flags & EVL_TOKEN_WORD))
        return FALSE;
      if (a->trigger_tok[i] == TRIGGER_FINITE)
        {
          if (!noun || tr - i > 3)
            return FALSE;
          noun = FALSE;
        }
    }
  if (prep <= 0 || a->toks[prep - 1].sentence != sent)
    return FALSE;
  gint32 d = timex_at (a, (guint) prep - 1);
  EvlGrain unit;
  guint n;
  if (!offset_duration (a, d, &unit, &n))
    return FALSE;
  gint32 o = governing_verb (a, prep - 2, sent);
  gint32 x = dated_by (a, o);
  if (x < 0 || a->tx[x].span.end > a->tx[d].span.start || own_date (a, m, x))
    return FALSE;
  gint sign = word_in (a, (guint) prep, (const char *const[]) { "after", NULL }) ? -1 : 1;
  return shift_date (a, x, unit, n, sign, (EvlSpan) { a->tx[d].span.start, a->toks[prep].span.end }, t);
}

/* The other way round: 'The vote came two days before the summit on May
 * 12' puts the vote on May 10.  @m is a finite verb with no date of its
 * own but that one (the events stage gives it the nearest); at most four
 * words and no other finite verb ('seized the town just') stand between
 * it and the duration, which is no argument (offset_duration()), and the
 * event 'after' or 'before' introduces (its first trigger within three
 * words) has a date of its clause after the preposition. */
static gboolean
offset_time_back (const AddCtx *a, const EvlEventMention *m, EvlGraphTime *t)
{
  if (!finite_tense (m->tense))
    return FALSE;
  gint tr = evl_document_token_at (a->doc, m->span.start);
  if (tr < 0 || (guint) tr >= a->n_toks)
    return FALSE;
  guint32 sent = a->toks[tr].sentence;
  gint i = tr + 1;
  while ((guint) i < a->n_toks && a->toks[i].span.start < m->span.end)
    i++;
  gint32 d = -1;
  for (gint lim = i + 4; (guint) i < a->n_toks && i <= lim && a->toks[i].sentence == sent; i++)
    {
      if ((d = timex_at (a, (guint) i)) >= 0)
        break;
      if (!(a->toks[i].flags & EVL_TOKEN_WORD) || a->trigger_tok[i] == TRIGGER_FINITE)
        return FALSE;
    }
  EvlGrain unit;
  guint n;
  if (!offset_duration (a, d, &unit, &n))
    return FALSE;
  while ((guint) i < a->n_toks && a->toks[i].span.start < a->tx[d].span.end)
    i++;
  gint prep = i;
  if ((guint) prep >= a->n_toks || a->toks[prep].sentence != sent
      || !word_in (a, (guint) prep, offset_preps))
    return FALSE;
  gint32 o = -1;
  for (i = prep + 1; (guint) i < a->n_toks && i <= prep + 3 && a->toks[i].sentence == sent && o < 0; i++)
    {
      if (!(a->toks[i].flags & EVL_TOKEN_WORD))
        return FALSE;
      o = mention_at (a, i);
    }
  gint32 x = dated_by (a, o);
  if (x < 0 || a->tx[x].span.start < a->toks[prep].span.end || own_date (a, m, x))
    return FALSE;
  gint sign = word_in (a, (guint) prep, (const char *const[]) { "after", NULL }) ? 1 : -1;
  return shift_date (a, x, unit, n, sign, (EvlSpan) { a->tx[d].span.start, a->toks[prep].span.end }, t);
}

/* 'have fought three wars since 1947', 'prices have risen since
 * January': a date right after 'since' starts the span the event falls
 * in, which runs to the creation time; the event is not of that date.
 * The time becomes that span ('1947/1998-05-06'). */
static void
since_span (const AddCtx *a, const EvlTimex *x, EvlDay dct, EvlGraphTime *t)
{
  gint f = evl_document_token_at (a->doc, x->span.start);
  if (f <= 0 || dct == 0 || dct <= t->end || a->toks[f - 1].sentence != a->toks[f].sentence
      || !word_in (a, (guint) f - 1, (const char *const[]) { "since", NULL }))
    return;
  /* 'the first meeting since 2019', 'the worst floods since 1998': the
   * date is an earlier one's (story-anchor.c dates that), not a span */
  for (gint i = f - 2; i >= 0 && i >= f - 8 && a->toks[i].sentence == a->toks[f].sentence; i--)
    {
      const char *w = a->text + a->toks[i].span.start;
      gsize n = EVL_SPAN_LEN (a->toks[i].span);
      if (word_in (a, (guint) i, (const char *const[]) { "first", "last", "worst", "best", "most", "least", NULL })
          || (n > 4 && g_ascii_islower (w[0]) && memcmp (w + n - 3, "est", 3) == 0))
        return;
    }
  char buf[64], day[11];
  g_snprintf (buf, sizeof buf, "%s/%s", x->value, evl_day_format (dct, day));
  t->value = evl_graph_intern (a->g, buf);
  t->end = dct;
}

/* 'earlier this month', 'later this year': TimeML keeps the whole
 * month or year as the value, but the word says on which side of the
 * creation day the event lies, so its span stops (or starts) there: an
 * event of 'earlier this month' is not dated after the article's day,
 * nor merged with one that is. */
static void
deictic_side (const AddCtx *a, const EvlTimex *x, EvlDay dct, EvlGraphTime *t)
{
  if (dct == 0 || dct < t->begin || dct >= t->end)
    return;
  gint f = evl_document_token_at (a->doc, x->span.start);
  if (f < 0)
    return;
  gint side = word_index (a, (guint) f, (const char *const[]) { "earlier", "later", NULL });
  if (side == 0)
    t->end = dct;
  else if (side == 1)
    t->begin = dct;
}

/* The event's time from its anchoring timex, or the creation time when
 * the events stage anchored it there; tense bounds an undated event by
 * the creation time.  An event a duration away from its clause's date
 * takes that date shifted (offset_time()), unless it has a date of its
 * own that is not the clause's. */
static void
event_time (const AddCtx *a, const EvlEventMention *m, EvlGraphTime *t, EvlGraphMention *gm)
{
  EvlDay dct = evl_document_get_dct_day (a->doc);
  const char *anchor = evl_anchor_method_to_string (m->anchor_method);
  memset (t, 0, sizeof *t);
  if (offset_time (a, m, t) || offset_time_back (a, m, t))
    ;
  else if (m->timex >= 0 && (guint) m->timex < a->n_tx)
    {
      const EvlTimex *x = &a->tx[m->timex];
      if ((x->type == EVL_TIMEX_DATE || x->type == EVL_TIMEX_TIME) && x->begin && x->value)
        {
          t->known = TRUE;
          t->value = x->value;
          t->begin = x->begin;
          t->end = x->end ? x->end : x->begin;
          t->grain = x->grain;
          t->text = evl_document_span_text ((EvlDocument *) a->doc, x->span);
          t->anchor = m->anchor_method == EVL_ANCHOR_NONE ? "sentence" : anchor;
          since_span (a, x, dct, t);
          deictic_side (a, x, dct, t);
        }
    }
  else if (m->anchor_method == EVL_ANCHOR_DCT && dct)
    {
      t->known = TRUE;
      t->value = evl_document_get_dct (a->doc);
      t->begin = t->end = dct;
      t->grain = EVL_GRAIN_DAY;
      t->anchor = anchor;
    }
  if (!t->known && dct)
    {
      if (is_past (m->tense))
        t->latest = dct;
      else if (g_strcmp0 (m->tense, "FUTURE") == 0)
        t->earliest = dct;
    }
  if (t->known)
    {
      gm->time_value = t->value;
      gm->time_begin = t->begin;
      gm->time_end = t->end;
      gm->time_grain = t->grain;
      gm->time_anchor = t->anchor;
    }
}

static gboolean
finite_tense (const char *tense)
{
  return g_strcmp0 (tense, "PAST") == 0 || g_strcmp0 (tense, "PRESENT") == 0 || g_strcmp0 (tense, "FUTURE") == 0;
}

static gboolean
is_verbal (const EvlEventMention *m)
{
  return m->tense != NULL && strcmp (m->tense, "NONE") != 0;
}

/* A trigger with a modality right after a modal or 'to' ('would meet',
 * 'expected to visit'): a verb, though TimeML gives it no tense. */
static gboolean
after_modal (const AddCtx *a, const EvlEventMention *m)
{
  static const char *const modals[] = { "will", "would", "may", "might", "could", "should", "must", "can",
                                        "shall", "to", NULL };
  static const char *const to[] = { "to", NULL };
  if (a->n_toks == 0)
    return FALSE;
  gint t = evl_document_token_at (a->doc, m->span.start);
  if (t <= 0 || a->toks[t - 1].sentence != m->sentence)
    return FALSE;
  if (m->modality != NULL)
    return word_in (a, (guint) t - 1, modals);
  /* ... or with none, a bare form after 'to' that a finite intention or
   * start governs ('promised to fight corruption', 'began to shell'):
   * not a noun after a motion verb ('went to war'). */
  if (t < 2 || !word_in (a, (guint) t - 1, to) || a->trigger_tok[t - 2] != TRIGGER_FINITE || m->lemma == NULL
      || EVL_SPAN_LEN (m->span) != strlen (m->lemma)
      || g_ascii_strncasecmp (a->text + m->span.start, m->lemma, strlen (m->lemma)) != 0)
    return FALSE;
  gint32 v = mention_at (a, t - 2);
  return v >= 0
         && (a->ev[v].klass == EVL_EVENT_CLASS_I_ACTION || a->ev[v].klass == EVL_EVENT_CLASS_I_STATE
             || a->ev[v].klass == EVL_EVENT_CLASS_ASPECTUAL);
}

/* An '-ing' trigger with no tense that opens a participle clause after
 * a comma or a clause word ('..., killing dozens of people', 'and
 * injuring 40'), an object right after it: a verb, whatever its tag;
 * after an article or an adjective it is a noun ('the killing of'). */
static gboolean
ing_clause (const AddCtx *a, const EvlEventMention *m)
{
  static const char *const before[] = { ",", "and", "after", "before", "while", "by", "without", NULL };
  gsize n = EVL_SPAN_LEN (m->span);
  const char *w = a->text + m->span.start;
  if (is_verbal (m) || a->n_toks == 0 || n < 6 || !g_ascii_islower (w[0]) || memcmp (w + n - 3, "ing", 3) != 0)
    return FALSE;
  gint t = evl_document_token_at (a->doc, m->span.start);
  if (t <= 0 || a->toks[t - 1].sentence != m->sentence || !word_in (a, (guint) t - 1, before))
    return FALSE;
  guint o = token_from (a, m->span.start, m->span.end, m->sentence);
  if (o >= a->n_toks || a->toks[o].sentence != m->sentence || tok_is_punct (a, o)
      || (tok_lookup (a->stops, a, o) != NULL && !than_count (a, o)))
    return FALSE;
  return object_is_noun_phrase (a, m);
}

/* The subject of infinitive @m written as the object of the verb of
 * object control before it ('called on all states to cooperate': 'All
 * states'), at most four plain words between that verb (and its 'on')
 * and the 'to'; NULL when the words are no such object.  @plural: the
 * phrase's head reads as a plural. */
static char *
controlled_subject (const AddCtx *a, const EvlEventMention *m, gboolean *plural)
{
  static const char *const lead[] = { "the", "a", "an", "its", "their", "his", "her", NULL };
  gint t = evl_document_token_at (a->doc, m->span.start);
  if (t < 3 || a->control == NULL || a->toks[t - 1].sentence != m->sentence
      || !word_in (a, (guint) t - 1, (const char *const[]) { "to", NULL }))
    return NULL;
  gint end = t - 2, k = end;
  while (k >= 0 && end - k < 4 && a->toks[k].sentence == m->sentence && (a->toks[k].flags & EVL_TOKEN_WORD)
         && !tok_is_punct (a, (guint) k) && tok_lookup (a->stops, a, (guint) k) == NULL
         && a->trigger_tok[k] == TRIGGER_NONE && !in_timex (a, m->sentence, a->toks[k].span.start)
         && !word_in (a, (guint) k, pronouns) && !word_in (a, (guint) k, conjunctions))
    k--;
  gint first = k + 1;
  if (k == end || k < 1 || a->toks[k].sentence != m->sentence)
    return NULL;
  if (word_in (a, (guint) k, (const char *const[]) { "on", "upon", NULL }))
    k--;
  gint32 v = a->trigger_tok[k] != TRIGGER_NONE ? mention_at (a, k) : -1;
  if (v < 0 || a->ev[v].lemma == NULL || evl_lexicon_lookup (a->control, a->ev[v].lemma, strlen (a->ev[v].lemma)) == NULL)
    return NULL;
  while (first <= end && word_in (a, (guint) first, lead))
    first++;
  if (first > end)
    return NULL;
  *plural = plural_head (a, (guint) end, (guint) first);
  return token_phrase (a, first, end, NULL);
}

/* The subject of the saying or thinking verb whose reported clause
 * refers to it as 'they' ('Officials said Wednesday that they had
 * concluded': 'Officials'), at most a time and 'that' between them; NULL
 * when the clause is passive ('said they were attacked' tells of
 * others as often) or that subject is no plural noun phrase (a
 * speaker that is an entity is found through the pronoun's cluster). */
static char *
reported_subject (const AddCtx *a, const EvlEventMention *m, gboolean *plural)
{
  static const char *const aux[] = { "has", "have", "had", "will", "would", "could", "should", "may",
                                     "might", "can", "must", "not", "never", "do", "did", NULL };
  gint k = evl_document_token_at (a->doc, m->span.start) - 1;
  while (k >= 0 && a->toks[k].sentence == m->sentence && (word_in (a, (guint) k, aux) || is_ly_adverb (a, (guint) k)))
    k--;
  if (k < 1 || a->toks[k].sentence != m->sentence
      || !word_in (a, (guint) k, (const char *const[]) { "they", "it", NULL }))
    return NULL;
  /* ('The company said that it had detected': 'it' for a singular one) */
  gboolean they = word_in (a, (guint) k, (const char *const[]) { "they", NULL });
  k--;
  /* a 'that' closes the saying's adjuncts, which may stand before it
   * ('said in a statement on Tuesday that it had') */
  if (word_in (a, (guint) k, (const char *const[]) { "that", NULL }))
    for (gint j = --k; j >= 0 && j > k - 8 && a->toks[j].sentence == m->sentence && !tok_is_punct (a, (guint) j); j--)
      if (a->trigger_tok[j] != TRIGGER_NONE)
        {
          k = j;
          break;
        }
  while (k >= 0 && a->toks[k].sentence == m->sentence && in_timex (a, m->sentence, a->toks[k].span.start))
    k--;
  if (k < 0 || a->toks[k].sentence != m->sentence || a->trigger_tok[k] == TRIGGER_NONE)
    return NULL;
  gint32 v = mention_at (a, k);
  if (v < 0 || (a->ev[v].klass != EVL_EVENT_CLASS_REPORTING && a->ev[v].klass != EVL_EVENT_CLASS_I_STATE)
      || entity_of (a, a->ev[v].agent) >= 0)
    return NULL;
  gboolean passive = FALSE, pl = FALSE;
  char *s = subject_phrase (a, &a->ev[v], &passive, &pl, NULL);
  if (s == NULL || passive || pl != they)
    {
      g_free (s);
      return NULL;
    }
  *plural = they;
  return s;
}

/* Token @t, right after a verb, may open its object: neither the
 * sentence's end, punctuation nor a preposition ('adjourned until June',
 * 'climbing to 310'); a count's words are its object's ('killing at
 * least 12 people', 'more than 40', 'about 600'). */
static gboolean
object_after (const AddCtx *a, guint t, guint sentence)
{
  if (t >= a->n_toks || a->toks[t].sentence != sentence || tok_is_punct (a, t))
    return FALSE;
  return tok_lookup (a->stops, a, t) == NULL || word_in (a, t, lead_dets) || than_count (a, t)
         || (t + 1 < a->n_toks && than_count (a, t + 1)) || approx_count (a, t);
}

/* The subject of the verb before 'and' or 'but' when verb @m shares it
 * ('The army sent in reinforcements and imposed a curfew': 'Army'):
 * that verb's entity agent, else the subject it is
 * written with, when its clause is active; NULL otherwise.  @m may have
 * only adverbs or an auxiliary other than 'be' after the 'and' ('and
 * later said', 'and has vowed'); 'and was released' is a passive.
 * *@shared_passive: @m shares a passive's subject and its 'be'. */
static char *
shared_subject (const AddCtx *a, const EvlEventMention *m, gboolean *plural, gboolean *shared_passive)
{
  *shared_passive = FALSE;
  static const char *const skip[] = { "also", "then", "later", "again", "still", "has", "have", "had", "will",
                                      "would", "could", "can", "may", "might", "should", "must", NULL };
  gint k = evl_document_token_at (a->doc, m->span.start) - 1;
  while (k >= 0 && a->toks[k].sentence == m->sentence && (word_in (a, (guint) k, skip) || is_ly_adverb (a, (guint) k)))
    k--;
  /* ('The toll rose on Tuesday, climbing to 310': a participle clause
   * after its main clause's comma has that clause's subject, 'Toll
   * climbs to 310') */
  gsize mn = EVL_SPAN_LEN (m->span);
  gboolean ing_after_comma = k >= 1 && k == evl_document_token_at (a->doc, m->span.start) - 1
                             && a->toks[k].sentence == m->sentence && tok_is_comma (a, (guint) k) && mn > 5
                             && g_ascii_islower (a->text[m->span.start])
                             && memcmp (a->text + m->span.end - 3, "ing", 3) == 0
                             /* (one with an object, 'killing the mayor',
                              * is left to the casualty line or to itself:
                              * the clause's subject may not be its doer) */
                             && !object_after (a, token_from (a, m->span.start, m->span.end, m->sentence),
                                               m->sentence);
  if (k < 1 || a->toks[k].sentence != m->sentence
      || !(ing_after_comma || word_in (a, (guint) k, (const char *const[]) { "and", "but", NULL })))
    return NULL;
  gint32 v = -1;
  gboolean closed = FALSE;   /* a comma passed: an inserted clause may end there */
  gint vj = -1;
  for (gint j = k - 1; j >= 0 && j >= k - 15 && a->toks[j].sentence == m->sentence && v < 0; j--)
    {
      closed |= tok_is_comma (a, (guint) j);
      gint32 x = a->trigger_tok[j] != TRIGGER_NONE ? mention_at (a, j) : -1;
      if (x >= 0 && (is_verbal (&a->ev[x]) || after_modal (a, &a->ev[x])))
        v = x, vj = j;
    }
  /* ('Lumumba, whose murder sparked outrage, now lives ... and plans to
   * return': the son plans, not the murder) a verb of a relative clause
   * closed by a comma before the 'and' lends no subject */
  for (gint j = vj - 1; closed && v >= 0 && j >= 0 && j >= vj - 5 && a->toks[j].sentence == m->sentence; j--)
    if (word_in (a, (guint) j, (const char *const[]) { "whose", "who", "which", NULL }))
      return NULL;
  /* no agent's 'by' after @m ('is open and covered by the media' is a
   * passive) */
  guint nt = token_from (a, m->span.start, m->span.end, m->sentence);
  if (v < 0 || &a->ev[v] == m
      || (nt < a->n_toks && a->toks[nt].sentence == m->sentence
          && word_in (a, nt, (const char *const[]) { "by", NULL })))
    return NULL;
  /* A saying verb's clause with a past verb of its own before the 'and'
   * ('Witnesses said the aircraft banked sharply and plunged'): @m
   * shares that verb's subject, not the speaker's. */
  /* A copula's clause ('said a worker was hurt but declined') most
   * often leaves the speaker acting, as 'but' does. */
  if ((a->ev[v].klass == EVL_EVENT_CLASS_REPORTING || a->ev[v].klass == EVL_EVENT_CLASS_I_STATE)
      && word_in (a, (guint) k, (const char *const[]) { "and", NULL }))
    {
      gint first = (gint) token_from (a, a->ev[v].span.start, a->ev[v].span.end, m->sentence);
      if (first < k && word_in (a, (guint) first, (const char *const[]) { "that", NULL }))
        first++;
      for (gint c = first + 1; c < k && c <= first + 6; c++)
        {
          if (tok_is_punct (a, (guint) c) || pronoun_tok (a, (guint) c))
            break;
          if (!past_after_noun (a, (guint) c)
              || word_in (a, (guint) c, (const char *const[]) { "was", "were", "is", "are", "had", "has", "did", "does", NULL }))
            continue;
          gint f = first, j = first;
          while (f < c - 1 && word_in (a, (guint) f, lead_dets))
            f++;
          for (j = f; j < c; j++)
            if (tok_lookup (a->stops, a, (guint) j) != NULL || in_timex (a, m->sentence, a->toks[j].span.start))
              break;
          if (j < c)
            break;
          *plural = plural_head (a, (guint) c - 1, (guint) f);
          return token_phrase (a, f, c - 1, NULL);
        }
    }
  gint who = entity_of (a, a->ev[v].agent);
  if (who >= 0)
    {
      *plural = FALSE;
      return g_strdup (evl_graph_get_entity (a->g, (guint) who)->name);
    }
  gboolean passive = FALSE, pl = FALSE;
  char *sub = subject_phrase (a, &a->ev[v], &passive, &pl, NULL);
  /* A passive's subject is shared only by a participle in '-ed' with no
   * object after it, which shares the 'be' too ('The hearing was held on
   * Monday and adjourned': 'Hearing adjourned'; 'The talks were held in
   * Oslo and ended without a deal': 'Talks ended without a deal', a
   * headline's past all the same); another verb after 'and' may have a
   * subject the walk did not find. */
  gsize vn = EVL_SPAN_LEN (m->span);
  const char *vw = a->text + m->span.start;
  if (sub && passive
      && !(vn > 4 && vw[vn - 2] == 'e' && vw[vn - 1] == 'd' && g_ascii_islower (vw[0])
           && word_in (a, (guint) k, (const char *const[]) { "and", NULL }) && !object_after (a, nt, m->sentence)))
    g_clear_pointer (&sub, g_free);
  *shared_passive = sub != NULL && passive;
  /* ('said that it had detected ... and shut down': the reported
   * pronoun's speaker) */
  if (sub == NULL && !passive)
    sub = reported_subject (a, &a->ev[v], &pl);
  *plural = pl;
  return sub;
}

/* The entity a pronoun subject of verb @m stands for ('Slepian was shot
 * as he stood': the person the entities took 'he' for) where the
 * event's arguments left it out; -1 when the word before the verb group
 * is no such pronoun or the pronoun names no entity.  *@be: a form of
 * 'be' in the verb group (a passive when the verb is a participle). */
static gint
pronoun_subject (const AddCtx *a, const EvlEventMention *m, gboolean *be)
{
  static const char *const group[] = { "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
                                       "will", "would", "could", "should", "may", "might", "can", "must", "not",
                                       "never", "do", "does", "did", "also", "then", "again", "later", "still",
                                       "already", "just", NULL };
  gint k = evl_document_token_at (a->doc, m->span.start) - 1;
  gboolean b = FALSE;
  while (k >= 0 && a->toks[k].sentence == m->sentence && (word_in (a, (guint) k, group) || is_ly_adverb (a, (guint) k)))
    b |= word_in (a, (guint) k--, be_forms);
  if (k < 0 || a->toks[k].sentence != m->sentence
      || !word_in (a, (guint) k, (const char *const[]) { "he", "she", NULL }))
    return -1;
  guint32 at = a->toks[k].span.start;
  for (guint i = 0; i < a->n_em; i++)
    if (a->em[i].span.start <= at && at < a->em[i].span.end)
      {
        gint ent = entity_of (a, (gint32) i);
        if (ent >= 0 && evl_graph_get_entity (a->g, (guint) ent)->type == EVL_ENTITY_PERSON)
          {
            *be = b;
            return ent;
          }
      }
  return -1;
}

/* Whether the agent of nominal @m is a possessor that undergoes it
 * ('the envoy's release', 'the suspect's extradition'): a noun of
 * en/possessor-patients right after a person's or an organisation's
 * "'s" (a place's is where: 'Ghana's election').  A noun of something
 * done keeps its possessor as the doer ('the minister's visit'). */
static gboolean
possessor_undergoes (const AddCtx *a, const EvlEventMention *m, const char *lemma, gint agent, gint patient)
{
  if (agent < 0 || patient >= 0 || is_verbal (m) || a->possessor_patients == NULL || m->agent < 0
      || (guint) m->agent >= a->n_em || evl_lexicon_lookup (a->possessor_patients, lemma, strlen (lemma)) == NULL
      || evl_graph_get_entity (a->g, (guint) agent)->type == EVL_ENTITY_LOCATION)
    return FALSE;
  EvlSpan s = a->em[m->agent].span;
  if (s.end > m->span.start)
    return FALSE;
  /* the "'s" in or right after the mention, then at most one word
   * ('the envoy's sudden release') */
  const char *p = a->text + s.end;
  gsize left = a->len - s.end, n = EVL_SPAN_LEN (s);
  if (!(left >= 2 && memcmp (p, "'s", 2) == 0) && !(left >= 4 && memcmp (p, "\xe2\x80\x99s", 4) == 0)
      && !(n >= 2 && memcmp (p - 2, "'s", 2) == 0) && !(n >= 4 && memcmp (p - 4, "\xe2\x80\x99s", 4) == 0))
    return FALSE;
  gint t0 = evl_document_token_at (a->doc, s.end - 1);
  gint t1 = evl_document_token_at (a->doc, m->span.start);
  guint words = 0;
  for (gint t = t0 + 1; t0 >= 0 && t < t1; t++)
    {
      const char *w = a->text + a->toks[t].span.start;
      gsize wn = EVL_SPAN_LEN (a->toks[t].span);
      gboolean mark = (wn == 2 && memcmp (w, "'s", 2) == 0) || (wn == 4 && memcmp (w, "\xe2\x80\x99s", 4) == 0)
                      || (wn == 1 && w[0] == '\'');
      words += mark ? 0 : tok_is_punct (a, (guint) t) ? 2 : 1;
    }
  return t0 >= 0 && t1 > t0 && words <= 1;
}

static guint
add_event (AddCtx *a, const EvlEventMention *m)
{
  g_autofree char *trigger_text = collapse_ws (a->text, a->len, m->span);
  g_autofree char *lemma = m->lemma ? g_utf8_strdown (m->lemma, -1)
                                    : g_utf8_strdown (trigger_text, -1);
  /* A past '-eed' left as its own lemma ('agreed', 'freed': the learnt
   * forms keep 'need' and 'proceed' whole) would read 'Baltic agreeds'. */
  gsize ln = strlen (lemma);
  if (ln > 4 && m->tense && strcmp (m->tense, "PAST") == 0 && g_str_has_suffix (lemma, "eed")
      && g_ascii_strcasecmp (lemma, trigger_text) == 0)
    lemma[ln - 1] = '\0';
  /* A '-ede' verb's learnt lemma lost its 'e' ('conceded' -> 'conced',
   * read 'Rival conceds'): a lemma in '-ed' (not '-eed': 'needed') that
   * is the form less its '-ed' gets it back. */
  if (ln > 3 && g_str_has_suffix (lemma, "ed") && !g_str_has_suffix (lemma, "eed")
      && strlen (trigger_text) == ln + 2 && g_ascii_strncasecmp (trigger_text, lemma, ln) == 0
      && g_str_has_suffix (trigger_text, "ed"))
    {
      char *with_e = g_strconcat (lemma, "e", NULL);
      g_free (lemma);
      lemma = with_e;
    }
  /* ... as did others ('deplored' -> 'deplor', read 'South Africa
   * deplors'): a lemma that is the form less its '-ed', where the forms
   * lexicon knows the '-es' form ('deplores') and not the '-s' one. */
  else if (ln > 2 && !strchr ("esxzoh", lemma[ln - 1]) && strlen (trigger_text) == ln + 2
           && g_ascii_strncasecmp (trigger_text, lemma, ln) == 0 && g_str_has_suffix (trigger_text, "ed")
           && a->forms != NULL)
    {
      char *with_e = g_strconcat (lemma, "es", NULL);
      gboolean es = evl_lexicon_lookup (a->forms, with_e, ln + 2) != NULL;
      with_e[ln] = 's';
      es = es && evl_lexicon_lookup (a->forms, with_e, ln + 1) == NULL;
      with_e[ln] = 'e';
      with_e[ln + 1] = '\0';
      if (es)
        {
          g_free (lemma);
          lemma = with_e;
        }
      else
        g_free (with_e);
    }
  EvlGraphEvent e = { 0 };
  EvlGraphMention gm = { 0 };
  e.type = m->type;
  e.cameo = m->cameo;
  e.klass = m->klass;
  e.trigger = lemma;
  e.polarity = m->polarity;
  e.modality = m->modality;
  e.flags = m->flags;
  e.salience = m->salience;
  e.agent = entity_of (a, m->agent);
  e.patient = entity_of (a, m->patient);
  e.location = entity_of (a, m->location);
  e.source = entity_of (a, m->source);
  gint32 clause_subject = -1;   /* that pronoun's mention, no participant either */
  /* 'Beer said he did not know', 'I think he deserves': a subject
   * pronoun right after the verb opens the clause it takes, and is no
   * patient of the verb ('Rod Beer says Rod Beer'). */
  if (e.patient >= 0 && m->patient >= 0 && (guint) m->patient < a->n_em && a->n_toks > 0
      && a->em[m->patient].span.start >= m->span.end
      && (e.patient == e.agent
          || (object_is_clause (a, m)
              && evl_document_token_at (a->doc, a->em[m->patient].span.start)
                 == (gint) token_from (a, m->span.start, m->span.end, m->sentence))))
    {
      e.patient = -1;
      clause_subject = m->patient;
    }
  if (possessor_undergoes (a, m, lemma, e.agent, e.patient))
    {
      e.patient = e.agent;
      e.agent = -1;
    }
  /* ... and in the graph too: the place is the event's location. */
  if (!is_verbal (m) && e.location < 0 && e.agent >= 0 && happens_at_place (e.type)
      && evl_graph_get_entity (a->g, (guint) e.agent)->type == EVL_ENTITY_LOCATION)
    {
      e.location = e.agent;
      e.agent = -1;
    }
  event_time (a, m, &e.time, &gm);
  guint idx = evl_graph_add_event (a->g, &e);

  gint order[3] = { e.agent, e.patient, -1 };
  for (guint i = 0; i < 2; i++)
    if (order[i] >= 0 && order[i] != e.location)
      evl_graph_event_add_participant (a->g, idx, (guint) order[i]);
  for (guint i = 0; i < m->n_participants; i++)
    {
      gint p = m->participants[i] == clause_subject ? -1 : entity_of (a, m->participants[i]);
      if (p >= 0 && p != e.location && p != e.source)
        evl_graph_event_add_participant (a->g, idx, (guint) p);
    }

  EvlSpan sspan = m->sentence < a->n_sents ? a->sents[m->sentence].span : m->span;
  g_autofree char *quote = collapse_ws (a->text, a->len, sspan);
  gm.doc = a->doc_index;
  gm.sentence = m->sentence;
  gm.start = m->span.start;
  gm.end = m->span.end;
  gm.text = trigger_text;
  gm.quote = quote;
  evl_graph_event_add_mention (a->g, idx, &gm);

  /* A bare verb after a modal ('would meet', 'is expected to visit')
   * has tense NONE in TimeML, yet reads as a verb ('X meets Y'). */
  gboolean verbal = is_verbal (m) || after_modal (a, m) || ing_clause (a, m);
  /* ('a delegate to talks with the rebels': a noun the tagger took for
   * an infinitive reads as a noun, not 'Talksing with the rebels') */
  gint vt = evl_document_token_at (a->doc, m->span.start);
  verbal &= !(vt > 0 && plural_after_to (a, vt - 1));
  /* The words after a phrasal verb follow its particle. */
  EvlEventMention pm;
  gboolean phrasal = verbal && phrasal_span (a, m, lemma, &pm);
  /* ... and a passive's particle makes one of it ('sworn in') */
  if (verbal && !phrasal && be_passive (a, m) && passive_particle (a, m, &pm))
    {
      g_autofree char *p = collapse_ws (a->text, a->len, (EvlSpan) { m->span.end, pm.span.end });
      char *with = g_strconcat (lemma, " ", p, NULL);
      g_free (lemma);
      lemma = with;
      phrasal = TRUE;
    }
  const EvlEventMention *sm = phrasal ? &pm : m;
  if (verbal && !phrasal && !be_passive (a, m) && !reduced_relative (a, m) && date_before_complement (a, m, &pm))
    sm = &pm;
  g_autofree char *inf = NULL;
  g_autofree char *object = verbal && e.patient < 0 ? object_phrase (a, sm, FALSE, &inf) : NULL;
  /* A noun is its own head ('the shooting', 'the shot'), not its verb's
   * lemma ('The shoot', 'Sniper shoot of X'). */
  g_autofree char *noun = verbal ? NULL : written_noun (trigger_text, lemma);
  g_autofree char *head = verbal ? NULL : nominal_head (a, m, noun ? noun : lemma,
                                                          evl_graph_get_event (a->g, idx));
  /* 'after meeting with police leaders': a gerund with no argument reads
   * as written with its complement, not as its bare lemma ('Meet'). */
  gsize wn = strlen (trigger_text);
  if (!verbal && head == NULL && e.patient < 0 && e.agent < 0 && wn > 5 && g_ascii_islower (trigger_text[0])
      && g_str_has_suffix (trigger_text, "ing") && complement_prep (a, m))
    {
      g_autofree char *pp = prep_phrase (a, m, TRUE);
      /* ... one naming every participant the line has: others would
       * follow it ('Tour of the space center between Kim and Putin') */
      for (guint i = 0; pp && i < m->n_participants; i++)
        {
          gint32 k = m->participants[i];
          if (k >= 0 && (guint) k < a->n_em
              && (a->em[k].span.start < m->span.end || a->em[k].span.start > m->span.end + 1 + strlen (pp)))
            g_clear_pointer (&pp, g_free);
        }
      if (pp)
        head = g_strdup_printf ("%s %s", trigger_text, pp);
    }
  /* 'the attack on the convoy', 'sanctions on Iran', 'the trial of the
   * plotters': a noun with no argument reads with its complement, as
   * written, not as its bare lemma ('Attack', 'Sanction'). */
  if (!verbal && head == NULL && e.patient < 0 && e.agent < 0 && g_ascii_islower (trigger_text[0]))
    {
      guint nt = token_from (a, m->span.start, m->span.end, m->sentence);
      gint mt = evl_document_token_at (a->doc, m->span.start);
      /* ('in return for', 'in exchange for', 'in support of': no noun
       * of its own) */
      gboolean idiom = mt > 0 && word_in (a, (guint) mt - 1, (const char *const[]) { "in", NULL })
                       && word_in (a, (guint) mt, (const char *const[]) { "return", "exchange", "support", NULL });
      g_autofree char *pp = nt + 1 < a->n_toks && a->toks[nt + 1].sentence == m->sentence && !idiom
                            && word_in (a, nt, (const char *const[]) { "on", "against", "by", "over", "with",
                                                                       "of", "for", NULL })
                            && !in_timex (a, m->sentence, a->toks[nt + 1].span.start)
                            ? prep_phrase (a, m, FALSE) : NULL;
      /* a 'for' phrase of time is a span, not the noun's complement ('an
       * embargo for the third consecutive year') */
      for (guint i = nt + 1; pp && i < a->n_toks && a->toks[i].span.start < m->span.end + 1 + strlen (pp); i++)
        if (word_in (a, nt, (const char *const[]) { "for", NULL })
            && (in_timex (a, m->sentence, a->toks[i].span.start)
                || word_in (a, i, (const char *const[]) { "year", "years", "time", "week", "weeks", "month",
                                                         "months", "day", "days", NULL })))
          g_clear_pointer (&pp, g_free);
      if (pp)
        head = g_strdup_printf ("%s %s", trigger_text, pp);
    }
  if (head == NULL && noun)
    head = g_steal_pointer (&noun);
  gboolean passive = FALSE, plural = FALSE;
  /* No entity acts when the mention's entities are only what it acts on
   * or where ('Heavy rain swelled the Marren River'). */
  gboolean actor = e.agent >= 0;
  for (guint i = 0; i < m->n_participants && !actor; i++)
    {
      gint p = m->participants[i] == clause_subject ? -1 : entity_of (a, m->participants[i]);
      actor = p >= 0 && p != e.patient && p != e.location;
    }
  g_autofree char *subject = verbal && !actor ? subject_phrase (a, m, &passive, &plural, NULL) : NULL;
  if (subject == NULL && verbal && !actor)
    subject = controlled_subject (a, m, &plural);
  if (subject == NULL && verbal && !actor)
    subject = reported_subject (a, m, &plural);
  if (subject == NULL && verbal && !actor)
    subject = shared_subject (a, m, &plural, &passive);
  if (subject == NULL && verbal && !actor)
    {
      gboolean be = FALSE;
      gint who = pronoun_subject (a, m, &be);
      /* an active verb whose patient is its own subject pronoun reads
       * 'X hurts X': left as it was */
      if (who >= 0 && who != e.location && (be || who != e.patient))
        {
          subject = g_strdup (evl_graph_get_entity (a->g, (guint) who)->name);
          passive = be;
        }
    }
  /* With no subject of its own the verb's speaker is most often the
   * clause's pronoun ('Colonel X -- one of the staff -- said he'): it
   * takes part after all. */
  gint cs = entity_of (a, clause_subject);
  if (subject == NULL && !actor && cs >= 0 && cs != e.location)
    {
      evl_graph_event_add_participant (a->g, idx, (guint) cs);
      actor = TRUE;
    }
  /* 'has been fighting' is a progressive, not a passive: its verb is
   * inflected and its subject acts. */
  gsize tn = EVL_SPAN_LEN (m->span);
  gboolean ing = tn > 4 && g_ascii_strncasecmp (a->text + m->span.end - 3, "ing", 3) == 0;
  passive &= !ing;
  /* A passive with a 'by' agent acts on its written subject ('The budget
   * was unveiled by the coalition': 'Coalition unveils budget'). */
  if (verbal && actor && e.agent >= 0 && e.patient < 0 && object == NULL)
    {
      guint32 at = 0;
      g_autofree char *written = subject_walk (a, m, &passive, &plural, &at);
      if (written && passive && !ing && !strv_has (pronouns, written))
        {
          if (g_ascii_islower (a->text[at]))
            written[0] = a->text[at];
          object = g_steal_pointer (&written);
        }
      passive = plural = FALSE;
    }
  /* A passive whose subject is a pronoun ('She will be sentenced') still
   * names its patient, as does one whose 'be' a coordinated verb holds
   * ('was caught and killed'): a verb's patient before it is its
   * subject. */
  gboolean passive_patient = FALSE;
  if (e.patient >= 0 && verbal && !actor && m->patient >= 0 && (guint) m->patient < a->n_em
      && a->em[m->patient].span.end <= m->span.start && !ing)
    passive = TRUE;
  if (subject == NULL && passive && e.patient >= 0 && verbal && !actor)
    {
      subject = g_strdup (evl_graph_get_entity (a->g, (guint) e.patient)->name);
      passive_patient = TRUE;
    }
  else if (subject && e.patient >= 0)
    {
      if (passive)
        {
          /* The patient is its subject, named as the entity ('Kim
           * arrested in Moscow', not 'Arrest of Kim'). */
          g_free (subject);
          subject = g_strdup (evl_graph_get_entity (a->g, (guint) e.patient)->name);
          passive_patient = TRUE;
        }
      else if (object == NULL && !appositive_patient (a, sm))
        object = object_phrase (a, sm, TRUE, &inf);
    }
  /* A thing given or done and the patient after its preposition
   * ('supplied weapons to Pyongyang', 'discussed trade with Putin'):
   * both, not the patient in the thing's place ('Russia supplies North
   * Korea'); with no subject as well ('Shipping arms to Russia', not
   * 'Shipping Russia'). */
  if (verbal && (!actor || e.agent >= 0) && e.patient >= 0 && subject == NULL && object == NULL)
    {
      object = thing_before_patient (a, sm, m->patient);
      /* ... a thing, not an adjunct, where no subject shows the verb is
       * one ('Submitting by Denmark to the commission', 'the recalling
       * of its ambassador') */
      static const char *const adjunct[] = { "by", "of", "in", "at", "on", "from", "for", "with", "into", NULL };
      const char *sp = object ? strchr (object, ' ') : NULL;
      if (!actor && sp)
        {
          g_autofree char *w0 = g_ascii_strdown (object, sp - object);
          if (strv_has (adjunct, w0))
            g_clear_pointer (&object, g_free);
        }
    }
  /* A passive's pronoun with no referent found names no one ('They
   * attacked by the crowd'). */
  if (subject && passive && e.patient < 0 && strv_has (pronouns, subject))
    g_clear_pointer (&subject, g_free);
  /* The names coordinated with a patient after the verb ('visiting
   * Kenya and Tanzania') are patients too: written with it, never as
   * the subject. */
  g_autoptr (GArray) co_patients = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *pname = NULL;
  if (e.patient >= 0)
    {
      GString *names = g_string_new (evl_graph_get_entity (a->g, (guint) e.patient)->name);
      gboolean after = (guint) m->patient < a->n_em && a->em[m->patient].span.start >= m->span.end;
      /* each joined to the one before by 'and', 'or' or a comma */
      guint32 prev_end = after ? a->em[m->patient].span.end : 0;
      for (gboolean more = after; more;)
        {
          more = FALSE;
          for (guint i = 0; i < m->n_participants; i++)
            {
              gint32 cm = m->participants[i];
              gint p = entity_of (a, cm);
              if (p < 0 || p == e.patient || p == e.agent || p == e.location || (guint) cm >= a->n_em
                  || a->em[cm].span.start <= prev_end || a->em[cm].span.start > prev_end + 40
                  || array_has (co_patients, (guint) p))
                continue;
              gint j0 = evl_document_token_at (a->doc, prev_end - 1);
              gint j1 = evl_document_token_at (a->doc, a->em[cm].span.start);
              if (j0 < 0 || j1 <= j0 || j1 - j0 > 5)
                continue;
              /* the joiner, and else only a title ('and Premier X') */
              gboolean joined = FALSE, title = TRUE;
              for (gint j = j0 + 1; j < j1; j++)
                {
                  gboolean joiner = word_in (a, (guint) j, (const char *const[]) { "and", "or", ",", NULL });
                  joined |= joiner;
                  title &= joiner || (j > j0 + 1 && (a->toks[j].flags & EVL_TOKEN_CAP) && (a->toks[j].flags & EVL_TOKEN_WORD));
                }
              joined &= title || (j1 - j0 <= 3 && a->em[cm].span.start <= prev_end + 8);
              if (!joined)
                continue;
              g_array_append_val (co_patients, p);
              prev_end = a->em[cm].span.end;
              more = TRUE;
            }
        }
      for (guint i = 0; i < co_patients->len; i++)
        g_string_append_printf (names, "%s%s", i + 1 == co_patients->len ? " and " : ", ",
                                evl_graph_get_entity (a->g, g_array_index (co_patients, guint, i))->name);
      /* 'found Varga not guilty', 'declared the captain dead': the
       * predicate after the patient is the finding itself */
      gint pl = after ? evl_document_token_at (a->doc, prev_end - 1) : -1;
      guint pq = (guint) pl + 1;
      if (pl >= 0 && pq < a->n_toks && a->toks[pq].sentence == m->sentence
          && (word_in (a, pq, predicates) || not_predicate (a, pq)))
        {
          guint pz = word_in (a, pq, predicates) ? pq : pq + 1;
          g_autofree char *pred = collapse_ws (a->text, a->len,
                                               (EvlSpan) { a->toks[pq].span.start, a->toks[pz].span.end });
          g_string_append_printf (names, " %s", pred);
        }
      pname = g_string_free (names, FALSE);
      /* 'won Moldova's presidential runoff': a possessor right after
       * the verb is no object by itself ('Irina Costea wins Moldova');
       * the thing it owns, written with it, is; not a saying's, whose
       * words after it open a clause ('said Mobutu's rule was over') */
      gint pe = after && verbal && co_patients->len == 0 && m->klass != EVL_EVENT_CLASS_REPORTING
                ? evl_document_token_at (a->doc, a->em[m->patient].span.end - 1) : -1;
      guint nt = token_from (a, sm->span.start, sm->span.end, m->sentence);
      if (pe >= 0 && (guint) pe + 2 < a->n_toks && nt < a->n_toks
          && a->toks[nt].span.start == a->em[m->patient].span.start
          && a->toks[pe + 2].sentence == m->sentence
          && (a->text[a->toks[pe + 1].span.start] == '\''
              || g_str_has_prefix (a->text + a->toks[pe + 1].span.start, "\u2019")))
        {
          /* (its 's' a token of its own after a bare apostrophe) */
          guint q = (guint) pe + 1;
          if (EVL_SPAN_LEN (a->toks[q].span) == 1 && word_in (a, q + 1, (const char *const[]) { "s", NULL })
              && a->toks[q + 1].span.start == a->toks[q].span.end)
            q++;
          EvlEventMention owner = *sm;
          owner.span = a->toks[q].span;
          g_autofree char *owned = object_phrase (a, &owner, TRUE, NULL);
          g_autofree char *written = collapse_ws (a->text, a->len,
                                                  (EvlSpan) { a->toks[nt].span.start, a->toks[q].span.end });
          if (owned)
            {
              g_free (pname);
              pname = g_strdup_printf ("%s %s", written, owned);
            }
        }
    }
  g_autofree char *summary = NULL;
  if (passive_patient)
    {
      g_autofree char *verb = collapse_ws (a->text, a->len, sm->span);
      /* 'was found guilty', 'was declared dead': the predicate adjective
       * is the news, no part of a phrase after it */
      guint pt = token_from (a, sm->span.start, sm->span.end, m->sentence);
      if (pt < a->n_toks && a->toks[pt].sentence == m->sentence && word_in (a, pt, predicates))
        {
          g_autofree char *adj = collapse_ws (a->text, a->len, a->toks[pt].span);
          char *with = g_strdup_printf ("%s %s", verb, adj);
          g_free (verb);
          verb = with;
          if (sm != &pm)
            pm = *m;
          pm.span.end = a->toks[pt].span.end;
          sm = &pm;
        }
      g_autofree char *line = g_strdup_printf ("%s %s", subject, verb);
      /* its agent's 'by' too ('Chile hit by an earthquake'), which
       * strict phrases leave out */
      guint nt = token_from (a, sm->span.start, sm->span.end, m->sentence);
      g_autofree char *rest = e.location >= 0 ? NULL
                              : prep_phrase (a, sm, !(nt < a->n_toks && word_in (a, nt, (const char *const[]) { "by", NULL })));
      if (rest && strstr (rest, subject))
        g_clear_pointer (&rest, g_free);   /* 'Hungary approved for Hungary' */
      summary = e.location >= 0 ? at_place (a, line, e.location, m->location)
                : g_strdup_printf ("%s%s%s", line, rest ? " " : "", rest ? rest : "");
    }
  else if (subject)
    {
      if (passive && object && !object_is_noun_phrase (a, sm))
        g_clear_pointer (&object, g_free);   /* 'were detained soon' */
      else if (object && !passive)
        {
          /* 'The plane crashed shortly after take-off': an adverb is no
           * object ('identified neatly organized boxes' has one) */
          guint ot = token_from (a, sm->span.start, sm->span.end, m->sentence);
          if (ot < a->n_toks && a->toks[ot].sentence == m->sentence && is_ly_adverb (a, ot)
              && (ot + 1 >= a->n_toks || a->toks[ot + 1].sentence != m->sentence || tok_is_punct (a, ot + 1)
                  || tok_lookup (a->stops, a, ot + 1) != NULL))
            g_clear_pointer (&object, g_free);
        }
      /* 'said he was', 'said she hoped Kabila would': the subject of a
       * clause that five words cut short, and no patient after it */
      gboolean clause = object_is_clause (a, sm);
      if (clause)
        g_clear_pointer (&object, g_free);
      /* No entity acts: the clause's own subject ('Formal documents signed
       * following the talks', 'Rocket carrying a spy satellite plunges
       * into the sea'). */
      g_autofree char *verb = passive ? collapse_ws (a->text, a->len, sm->span)
                              : plural ? g_strdup (lemma) : third_person (lemma);
      /* 'The airport remained closed': the linking verb inflects, the
       * participle or adjective stays as written ('Airport remains
       * closed', not 'Airport closes') */
      gint lt = evl_document_token_at (a->doc, m->span.start) - 1;
      while (lt > 0 && a->toks[lt].sentence == m->sentence && is_ly_adverb (a, (guint) lt))
        lt--;
      const char *link = !passive && lt >= 0 && a->toks[lt].sentence == m->sentence ? linking_verb (a, (guint) lt) : NULL;
      if (link)
        {
          g_autofree char *as_written = collapse_ws (a->text, a->len, (EvlSpan) { m->span.start, sm->span.end });
          g_free (verb);
          verb = g_strdup_printf ("%s%s %s", link, plural ? "" : "s", as_written);
        }
      /* What it acts on: the words after it, else the patient by name
       * with its preposition ('met with top mediator Archbishop Juan Luis
       * Cipriani' is longer than five words), else a place phrase. */
      const char *pp = e.patient >= 0 ? patient_prep (a, m) : NULL;
      g_autofree char *rest = object ? object
                              : clause ? NULL
                              : e.patient >= 0 ? g_strdup_printf ("%s%s%s", pp ? pp : "", pp ? " " : "", pname)
                              : prep_phrase (a, sm, FALSE);
      summary = g_strdup_printf ("%s %s%s%s", subject, verb, rest ? " " : "", rest ? rest : "");
      if (rest == object)
        object = NULL;
      else
        g_clear_pointer (&rest, g_free);
    }
  else
    {
      if (verbal && object && e.patient < 0 && !object_is_noun_phrase (a, sm))
        g_clear_pointer (&object, g_free);   /* 'Die of instantly' */
      /* A pronoun object needs someone acting on it: not 'Her sentenced'
       * nor 'Sentencing her'. */
      if (object && ((!actor && strv_has (object_pronouns, object)) || object_is_clause (a, sm)))
        g_clear_pointer (&object, g_free);
      /* A phrasal verb's complement may open with a preposition of its
       * own ('signs off on the decision', 'cracks down on protests'). */
      gboolean prep_object = FALSE;
      if (phrasal && actor && object == NULL && e.patient < 0)
        object = prep_phrase (a, sm, TRUE);
      /* 'met with his top aides', 'called for calm': a verb's
       * complement with the preposition it takes. */
      else if (verbal && object == NULL && e.patient < 0
               && (complement_prep (a, sm) || (e.agent >= 0 && to_infinitive (a, sm))) && !place_follows (a, sm))
        prep_object = (object = prep_phrase (a, sm, TRUE)) != NULL;
      /* A passive that names no one reads as a headline's participle and
       * what follows it ('Killed in the fire', 'Taken prisoner',
       * 'Involved in the market'), not 'Kill' nor 'Taking prisoner'. */
      /* ... as does a participle right after its noun with a
       * complement of its own ('food intended for village children'),
       * a reduced relative, not 'Intending for village children'. */
      gint pt = evl_document_token_at (a->doc, m->span.start) - 1;
      /* ... and one with its agent's 'by' after it ('an auditor hired by
       * the council'), not 'Hire' */
      guint after = token_from (a, m->span.start, m->span.end, m->sentence);
      gboolean by_next = !prep_object && object == NULL && after < a->n_toks && a->toks[after].sentence == m->sentence
                         && word_in (a, after, (const char *const[]) { "by", NULL })
                         && EVL_SPAN_LEN (m->span) > 4 && a->text[m->span.end - 2] == 'e'
                         && a->text[m->span.end - 1] == 'd';
      gboolean after_noun = (prep_object || by_next) && pt >= 0 && a->toks[pt].sentence == m->sentence
                            && (a->toks[pt].flags & EVL_TOKEN_WORD) && !tok_is_punct (a, (guint) pt)
                            && tok_lookup (a->stops, a, (guint) pt) == NULL && !word_in (a, (guint) pt, pronouns)
                            && a->trigger_tok[pt] == TRIGGER_NONE && !is_ly_adverb (a, (guint) pt)
                            && !in_timex (a, m->sentence, a->toks[pt].span.start)
                            && !word_in (a, (guint) pt, (const char *const[]) { "just", "also", "then", "already",
                                                                                "still", "never", "later", "again",
                                                                                "now", "once", "first", NULL })
                            && reduced_relative (a, m);
      g_autofree char *passive_form = verbal && !actor && e.patient < 0 && (be_passive (a, m) || after_noun)
                                      ? passive_participle (a, m) : NULL;
      /* not 'Not guilty pleaded': a predicate adjective is no thing the
       * verb was done to ('Pleading not guilty') */
      gboolean predicate_object = object && (g_str_has_prefix (object, "not ") || strv_has (predicates, object));
      g_autofree char *participle = !passive_form && verbal && !actor && e.patient < 0 && object && !prep_object
                                    && !predicate_object && !object_opens_clause (a, sm) ? past_participle (a, m)
                                    : NULL;
      if (!participle && !passive_form && verbal && !actor && e.patient < 0 && object && !phrasal)
        {
          participle = casualty_participle (a, m, lemma);
          /* 'killing two workers and injuring three others': the second
           * participle is a clause of its own, no part of the object */
          for (char *and = participle ? strstr (object, " and ") : NULL; and; and = strstr (and + 1, " and "))
            {
              const char *w = and + 5, *we = w + strcspn (w, " ");
              if (we - w > 4 && memcmp (we - 3, "ing", 3) == 0)
                {
                  *and = '\0';
                  break;
                }
            }
        }
      /* a phrasal verb's particle after either ('called off') */
      char **form = passive_form ? &passive_form : &participle;
      if (*form && phrasal)
        {
          char *with = g_strconcat (*form, strchr (lemma, ' '), NULL);
          g_free (*form);
          *form = with;
        }
      if (passive_form)
        {
          /* its agent's 'by' too ('Killed by a sniper's bullet') */
          guint nt = token_from (a, sm->span.start, sm->span.end, m->sentence);
          g_autofree char *rest = object ? g_strdup (object) : e.location >= 0 ? NULL
                                  : prep_phrase (a, sm, !(nt < a->n_toks && word_in (a, nt, (const char *const[]) { "by", NULL })));
          passive_form[0] = g_ascii_toupper (passive_form[0]);
          summary = e.location >= 0 && !object ? at_place (a, passive_form, e.location, m->location)
                    : g_strdup_printf ("%s%s%s", passive_form, rest ? " " : "", rest ? rest : "");
        }
      else if (participle)
        {
          /* the object's infinitive after the participle ('Government
           * urged to take measures') */
          gboolean split = inf && g_str_has_suffix (object, inf) && strlen (object) > strlen (inf) + 1;
          if (split)
            object[strlen (object) - strlen (inf) - 1] = '\0';
          g_autofree char *line = headline_summary (object, participle);
          if (split)
            {
              char *with = g_strconcat (line, " ", inf, NULL);
              g_free (line);
              line = with;
            }
          summary = e.location >= 0 ? at_place (a, line, e.location, m->location) : g_steal_pointer (&line);
        }
      else
        summary = summary_line (a->g, evl_graph_get_event (a->g, idx), head ? head : phrasal ? lemma : NULL, verbal,
                                object,
                                mention_prep (a, m->location),
                                !verbal || (complement_prep (a, sm) && patient_next (a, sm, m->patient))
                                ? patient_prep (a, m) : NULL, pname, co_patients);
    }
  evl_graph_peek_event (a->g, idx)->summary = evl_graph_intern (a->g, summary);
  return idx;
}

/* ---- cue relations ---- */

/* Every byte prefix of every folded form of the cue lexicon ("h", "ho",
 * ..., "hours", "i", "in", "in ", "in t", ...).  A span of tokens folds to
 * its first token lower-cased and then more, so a span can be a form only
 * when its first token (free of blanks) is such a prefix: most tokens are
 * not, and skip the four span lookups of cue_at() (the most expensive
 * part of adding a document: 945 M of 3,338 M instructions over the
 * 20 MB corpus).  The forms are read from the lexicon's data file in the
 * public line format; when that file does not line up with the loaded
 * lexicon entry by entry, NULL: no filter. */
static GHashTable *
cue_prefixes_new (const EvlContext *ctx, const EvlLexicon *lex, const char *name)
{
  g_autofree char *path = g_strdup_printf ("lexicons/%s.txt", name);
  GBytes *bytes = evl_context_get_data (ctx, path);
  if (bytes == NULL)
    return NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint entry = 0;
  gboolean ok = TRUE;
  for (guint i = 0; ok && lines[i]; i++)
    {
      const char *line = lines[i];
      const char *tab = strchr (line, '\t');
      g_autofree char *forms_text = tab ? g_strndup (line, (gsize) (tab - line)) : g_strdup (line);
      g_strstrip (forms_text);
      if (line[0] == '#' || forms_text[0] == '\0')
        continue;
      g_auto (GStrv) forms = g_strsplit (forms_text, "|", -1);
      const EvlLexEntry *e = entry < evl_lexicon_size (lex) ? evl_lexicon_get (lex, entry++) : NULL;
      ok = e != NULL && e->line == i + 1 && strcmp (g_strstrip (forms[0]), e->canonical) == 0;
      for (guint f = 0; ok && forms[f]; f++)
        {
          char key[256];
          gssize kl = evl_fold_key (forms[f], strlen (forms[f]), key, sizeof key);
          if (kl <= 0)
            continue;
          ok = evl_lexicon_lookup (lex, key, kl) != NULL;
          for (gssize n = 1; ok && n <= kl; n++)
            g_hash_table_add (set, g_strndup (key, (gsize) n));
        }
    }
  if (!ok || entry != evl_lexicon_size (lex))
    g_clear_pointer (&set, g_hash_table_unref);
  return set;
}

/* (transfer none) The prefix set of @lex, built once per graph; NULL when
 * there is none. */
static GHashTable *
cue_prefixes_get (const EvlContext *ctx, EvlGraph *g, const EvlLexicon *lex)
{
  EntityCache *c = entity_cache_get (ctx, g);
  if (lex != NULL && c->cue_lex != lex)
    {
      g_clear_pointer (&c->cue_prefixes, g_hash_table_unref);
      c->cue_prefixes = cue_prefixes_new (ctx, lex, "en/event-cues-story");
      c->cue_lex = lex;
    }
  return lex ? c->cue_prefixes : NULL;
}

/* Can a cue form start at token @t?  TRUE when unsure. */
static gboolean
cue_may_start (const AddCtx *a, guint t)
{
  if (a->cue_prefixes == NULL)
    return TRUE;
  EvlSpan s = a->toks[t].span;
  char buf[64];
  gsize n = EVL_SPAN_LEN (s);
  if (n == 0 || n >= sizeof buf)
    return TRUE;
  for (gsize i = 0; i < n; i++)
    {
      char c = a->text[s.start + i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return TRUE;   /* folding would change more than the case */
      buf[i] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    }
  buf[n] = '\0';
  return g_hash_table_contains (a->cue_prefixes, buf);
}


/* Kind of the cue at token @t ("BEFORE", "SAMEDAY", ...) and its length
 * in tokens, or NULL. */
static const char *
cue_at (const AddCtx *a, guint t, guint *n_tok)
{
  if (a->cues == NULL || !cue_may_start (a, t))
    return NULL;
  guint maxw = evl_lexicon_max_words (a->cues);
  /* Spans of two tokens or more start with the first two folded: when
   * that is no prefix either ('a summit'), only the one-token span is
   * looked up.  (A fold that does not fit leaves every span.) */
  gboolean longer = TRUE;
  if (a->cue_prefixes && t + 1 < a->n_toks && a->toks[t + 1].sentence == a->toks[t].sentence)
    {
      EvlSpan s2 = { a->toks[t].span.start, a->toks[t + 1].span.end };
      char key2[128];
      gssize kl2 = evl_fold_key (a->text + s2.start, EVL_SPAN_LEN (s2), key2, sizeof key2);
      longer = kl2 <= 0 || g_hash_table_contains (a->cue_prefixes, key2);
    }
  for (guint w = longer ? MIN (maxw, 4u) : 1; w >= 1; w--)
    {
      guint last = t + w - 1;
      if (last >= a->n_toks || a->toks[last].sentence != a->toks[t].sentence)
        continue;
      EvlSpan s = { a->toks[t].span.start, a->toks[last].span.end };
      char key[128];
      gssize kl = evl_fold_key (a->text + s.start, EVL_SPAN_LEN (s), key, sizeof key);
      const EvlLexEntry *e = kl > 0 ? evl_lexicon_lookup (a->cues, key, kl) : NULL;
      if (e && e->n_attrs > 0)
        {
          *n_tok = w;
          return e->attrs[0];
        }
    }
  return NULL;
}

static gboolean
is_rel_kind (const char *kind, EvlRel *rel)
{
  if (g_strcmp0 (kind, "BEFORE") == 0)
    *rel = EVL_REL_BEFORE;
  else if (g_strcmp0 (kind, "AFTER") == 0)
    *rel = EVL_REL_AFTER;
  else if (g_strcmp0 (kind, "IS_INCLUDED") == 0)
    *rel = EVL_REL_IS_INCLUDED;
  else
    return FALSE;
  return TRUE;
}

/* A cue phrase in a sentence: 'hours before the meeting'. */
typedef struct {
  EvlRel rel;
  guint32 start;        /* first byte (a SAMEDAY word before the cue) */
  gint referent;        /* event mention named after the cue, or -1 */
} Cue;

/* Finds cue phrases of sentence @sent: a relation word, optionally
 * preceded by a short-interval word, followed within four tokens by an
 * event mention trigger. */
static GArray *
sentence_cues (const AddCtx *a, guint sent)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Cue));
  if (sent >= a->n_sents || a->n_toks == 0)
    return out;
  const EvlSentence *s = &a->sents[sent];
  guint end = MIN (s->first_token + s->n_tokens, a->n_toks);
  for (guint t = s->first_token; t < end; t++)
    {
      guint w = 0;
      Cue c = { 0 };
      if (!is_rel_kind (cue_at (a, t, &w), &c.rel))
        continue;
      c.start = a->toks[t].span.start;
      guint w0 = 0;
      if (t > s->first_token && g_strcmp0 (cue_at (a, t - 1, &w0), "SAMEDAY") == 0)
        c.start = a->toks[t - 1].span.start;
      c.referent = -1;
      guint lim = MIN (t + w + 4, end);
      guint32 from = a->toks[t + w - 1].span.end;
      guint32 to = lim > 0 ? a->toks[lim - 1].span.end : from;
      for (guint k = 0; k < a->n_ev && c.referent < 0; k++)
        if (a->ev[k].sentence == sent && a->ev[k].span.start >= from && a->ev[k].span.start < to)
          c.referent = (gint) k;
      if (c.referent >= 0)
        g_array_append_val (out, c);
      t += w - 1;
    }
  return out;
}

static void
add_cue_relation (AddCtx *a, guint from_m, guint to_m, EvlRel rel, const Cue *c)
{
  guint from = a->event_map[from_m], to = a->event_map[to_m];
  if (from == G_MAXUINT || to == G_MAXUINT || from == to)
    return;
  g_autofree char *evidence = NULL;
  if (c)
    {
      EvlSpan sp = { c->start, a->ev[to_m].span.end };
      g_autofree char *phrase = collapse_ws (a->text, a->len, sp);
      g_autofree char *low = g_utf8_strdown (phrase, -1);
      evidence = g_strdup_printf ("cue: %s", low);
    }
  EvlGraphRelation r = { from, to, rel, evidence ? evidence : "cue", EVL_CONF_CUE };
  evl_graph_add_relation (a->g, &r);
}

static void
add_cues (AddCtx *a)
{
  guint last_sent = G_MAXUINT;
  g_autoptr (GArray) cues = NULL;
  for (guint k = 0; k < a->n_ev; k++)
    {
      const EvlEventMention *m = &a->ev[k];
      if (a->event_map[k] == G_MAXUINT)
        continue;
      if (m->sentence != last_sent)
        {
          g_clear_pointer (&cues, g_array_unref);
          cues = sentence_cues (a, m->sentence);
          last_sent = m->sentence;
        }
      if (m->cue_event >= 0 && (guint) m->cue_event < a->n_ev)
        {
          const Cue *found = NULL;
          for (guint i = 0; i < cues->len; i++)
            if (g_array_index (cues, Cue, i).referent == m->cue_event)
              found = &g_array_index (cues, Cue, i);
          add_cue_relation (a, k, (guint) m->cue_event, m->cue_rel, found);
          continue;
        }
      /* The events stage gave no cue: every other non-reporting event of
       * the sentence stands in the cue's relation to its referent. */
      if (m->klass == EVL_EVENT_CLASS_REPORTING)
        continue;
      for (guint i = 0; i < cues->len; i++)
        {
          const Cue *c = &g_array_index (cues, Cue, i);
          if ((guint) c->referent != k)
            add_cue_relation (a, k, (guint) c->referent, c->rel, c);
        }
    }
}

/* ---- narrative order ---- */

/* Within a paragraph, a past-perfect event after a simple-past one
 * happened before it ('Kim arrived ... he had left Pyongyang'); two
 * simple-past events in consecutive sentences are told in order.  Only
 * between undated events, with low confidence: the closure drops these
 * first when anything better disagrees. */
static void
add_narrative (AddCtx *a)
{
  gint prev = -1;
  for (guint k = 0; k < a->n_ev; k++)
    {
      const EvlEventMention *m = &a->ev[k];
      guint gi = a->event_map[k];
      if (gi == G_MAXUINT || m->klass == EVL_EVENT_CLASS_REPORTING
          || evl_graph_get_event (a->g, gi)->time.known || !is_past (m->tense)
          || m->modality != NULL || m->polarity == EVL_POLARITY_NEG)
        continue;
      if (prev >= 0)
        {
          const EvlEventMention *p = &a->ev[prev];
          gboolean same_par = p->sentence < a->n_sents && m->sentence < a->n_sents
                              && a->sents[p->sentence].paragraph == a->sents[m->sentence].paragraph;
          if (same_par && p->sentence + 1 == m->sentence)
            {
              gboolean perfect = g_strcmp0 (m->aspect, "PERFECTIVE") == 0
                                 && g_strcmp0 (p->aspect, "PERFECTIVE") != 0;
              EvlGraphRelation r = {
                a->event_map[prev], gi, perfect ? EVL_REL_AFTER : EVL_REL_BEFORE,
                EVL_EVIDENCE_NARRATIVE, EVL_CONF_NARRATIVE,
              };
              if (r.from != r.to)
                evl_graph_add_relation (a->g, &r);
            }
        }
      prev = (gint) k;
    }
}

/* ---- entry point ---- */

static const char *
dct_source_name (EvlDctSource s)
{
  switch (s)
    {
    case EVL_DCT_METADATA: return "metadata";
    case EVL_DCT_DEFAULT: return "default";
    case EVL_DCT_GUESSED: return "guessed";
    default: return "none";
    }
}

void
evl_reason_add_document (const EvlContext *ctx, EvlGraph *g, const EvlDocument *doc,
                         const EvlReasonOptions *opts)
{
  g_return_if_fail (ctx != NULL && g != NULL && doc != NULL);
  EvlReasonOptions defaults = EVL_REASON_OPTIONS_INIT;
  if (opts == NULL)
    opts = &defaults;

  EvlGraphDocument d = {
    evl_document_get_id (doc), evl_document_get_path (doc), evl_document_get_dct (doc),
    dct_source_name (evl_document_get_dct_source (doc)), evl_document_get_title (doc),
    evl_document_get_url (doc),
  };
  AddCtx a = { 0 };
  a.ctx = ctx;
  a.g = g;
  a.doc = doc;
  a.doc_index = evl_graph_add_document (g, &d);
  a.text = evl_document_get_text (doc, &a.len);
  a.sents = evl_document_get_sentences (doc, &a.n_sents);
  a.toks = evl_document_get_tokens (doc, &a.n_toks);
  a.em = evl_document_get_entity_mentions (doc, &a.n_em);
  a.tx = evl_document_get_timexes (doc, &a.n_tx);
  a.ev = evl_document_get_event_mentions (doc, &a.n_ev);
  evl_document_get_entity_clusters (doc, &a.n_clusters);
  a.stops = evl_context_get_lexicon (ctx, "en/summary-stops");
  a.cues = evl_context_get_lexicon (ctx, "en/event-cues-story");
  a.cue_prefixes = cue_prefixes_get (ctx, g, a.cues);
  a.irregular = evl_context_get_lexicon (ctx, "en/irregular-verbs");
  a.forms = evl_context_get_lexicon (ctx, "en/event-forms");
  a.possessor_patients = evl_context_get_lexicon (ctx, "en/possessor-patients");
  a.control = evl_context_get_lexicon (ctx, "en/control-verbs");
  a.cluster_map = add_entities (ctx, g, doc, a.sents, a.n_sents);
  ((EntityCache *) evl_graph_get_reason_cache (g))->all_events |= opts->all_events;
  a.event_map = g_new (guint, a.n_ev + 1);
  a.trigger_tok = g_new0 (guint8, a.n_toks + 1);
  a.tok_event = g_new (gint32, a.n_toks + 1);
  memset (a.tok_event, 0xff, (a.n_toks + 1) * sizeof *a.tok_event);
  for (guint k = 0; k < a.n_ev; k++)
    for (gint t = evl_document_token_at (doc, a.ev[k].span.start);
         t >= 0 && (guint) t < a.n_toks && a.toks[t].span.start < a.ev[k].span.end; t++)
      {
        a.trigger_tok[t] = MAX (a.trigger_tok[t], finite_tense (a.ev[k].tense) ? TRIGGER_FINITE : TRIGGER_OTHER);
        if (a.tok_event[t] < 0 && a.toks[t].span.start >= a.ev[k].span.start)
          a.tok_event[t] = (gint32) k;
      }

  for (guint k = 0; k < a.n_ev; k++)
    {
      const EvlEventMention *m = &a.ev[k];
      a.event_map[k] = G_MAXUINT;
      if (m->sentence < a.n_sents && a.sents[m->sentence].is_furniture)
        continue;
      if (!opts->all_events && m->salience < opts->min_salience)
        continue;
      if (m->span.end > a.len || m->span.start >= m->span.end)
        continue;
      a.event_map[k] = add_event (&a, m);
    }
  add_cues (&a);
  add_narrative (&a);
  g_free (a.cluster_map);
  g_free (a.event_map);
  g_free (a.trigger_tok);
  g_free (a.tok_event);
}
