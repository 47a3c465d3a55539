/* EvlContext: parses every compiled-in lexicon once into hash tables.
 *
 * Line format (data/README.md): "canonical|variant|...<TAB>attr<TAB>attr",
 * '#' starts a comment line, blank lines are skipped.  Keys are folded with
 * evl_fold_key() so lookups from the hot path need no allocation. */
#include "evl-private.h"

#include <string.h>

#define RESOURCE_ROOT "/org/eventline/"

struct _EvlLexicon {
  GHashTable *index;      /* folded form -> EvlLexEntry* */
  GPtrArray *entries;     /* EvlLexEntry*, file order */
  GStringChunk *pool;
  guint max_words;
};

struct _EvlContext {
  gatomicrefcount ref;
  GHashTable *lexicons;   /* "en/months" -> EvlLexicon* */
  GHashTable *data;       /* "taxonomy/story.txt" -> GBytes* */
};

static void
lexicon_free (gpointer p)
{
  EvlLexicon *lex = p;
  g_hash_table_unref (lex->index);
  for (guint i = 0; i < lex->entries->len; i++)
    {
      EvlLexEntry *e = lex->entries->pdata[i];
      g_free ((gpointer) e->attrs);
      g_free (e);
    }
  g_ptr_array_unref (lex->entries);
  g_string_chunk_free (lex->pool);
  g_free (lex);
}

static guint
count_words (const char *s)
{
  guint n = 1;
  for (; *s; s++)
    if (*s == ' ')
      n++;
  return n;
}

static EvlLexicon *
lexicon_parse (const char *name, const char *data, gsize len, GError **error)
{
  EvlLexicon *lex = g_new0 (EvlLexicon, 1);
  lex->index = g_hash_table_new (g_str_hash, g_str_equal);
  lex->entries = g_ptr_array_new ();
  lex->pool = g_string_chunk_new (1024);

  g_autofree char *copy = g_strndup (data, len);
  char *save = NULL;
  guint lineno = 0;
  for (char *line = copy; line != NULL; line = save)
    {
      char *nl = strchr (line, '\n');
      save = nl ? nl + 1 : NULL;
      if (nl)
        *nl = '\0';
      lineno++;
      gsize ll = strlen (line);
      if (ll > 0 && line[ll - 1] == '\r')
        line[--ll] = '\0';
      const char *p = line;
      while (*p == ' ')
        p++;
      if (*p == '\0' || *p == '#')
        continue;

      char **fields = g_strsplit (line, "\t", -1);
      char **forms = g_strsplit (fields[0], "|", -1);
      if (forms[0] == NULL || *g_strstrip (forms[0]) == '\0')
        {
          g_strfreev (forms);
          g_strfreev (fields);
          lexicon_free (lex);
          evl_fail (error, EVL_ERROR_PARSE, "%s:%u: empty canonical form", name, lineno);
          return NULL;
        }
      EvlLexEntry *e = g_new0 (EvlLexEntry, 1);
      e->canonical = g_string_chunk_insert_const (lex->pool, forms[0]);
      e->line = lineno;
      guint nattr = g_strv_length (fields) - 1;
      const char **attrs = g_new0 (const char *, nattr + 1);
      for (guint i = 0; i < nattr; i++)
        attrs[i] = g_string_chunk_insert_const (lex->pool, g_strstrip (fields[i + 1]));
      e->attrs = attrs;
      e->n_attrs = nattr;
      g_ptr_array_add (lex->entries, e);

      for (guint i = 0; forms[i]; i++)
        {
          char key[256];
          char *f = g_strstrip (forms[i]);
          gssize kl = evl_fold_key (f, strlen (f), key, sizeof key);
          if (kl <= 0)
            continue;
          const char *k = g_string_chunk_insert_const (lex->pool, key);
          /* First definition wins: files list the preferred reading first. */
          if (!g_hash_table_contains (lex->index, k))
            g_hash_table_insert (lex->index, (gpointer) k, e);
          lex->max_words = MAX (lex->max_words, count_words (k));
        }
      g_strfreev (forms);
      g_strfreev (fields);
    }
  return lex;
}

static gboolean
add_data (EvlContext *ctx, const char *rel, GBytes *bytes, GError **error)
{
  g_hash_table_insert (ctx->data, g_strdup (rel), g_bytes_ref (bytes));
  if (g_str_has_prefix (rel, "lexicons/") && g_str_has_suffix (rel, ".txt"))
    {
      const char *lname = rel + strlen ("lexicons/");
      gsize n;
      const char *d = g_bytes_get_data (bytes, &n);
      EvlLexicon *lex = lexicon_parse (lname, d, n, error);
      if (lex == NULL)
        return FALSE;
      g_hash_table_insert (ctx->lexicons, g_strndup (lname, strlen (lname) - 4), lex);
    }
  return TRUE;
}

static gboolean
load_overlay (EvlContext *ctx, const char *root, const char *rel, GError **error)
{
  g_autofree char *dirpath = g_build_filename (root, rel, NULL);
  g_autoptr (GDir) dir = g_dir_open (dirpath, 0, error);
  if (dir == NULL)
    return FALSE;
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = *rel ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
      g_autofree char *path = g_build_filename (root, child_rel, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!load_overlay (ctx, root, child_rel, error))
            return FALSE;
          continue;
        }
      char *contents;
      gsize len;
      if (!g_file_get_contents (path, &contents, &len, error))
        return FALSE;
      g_autoptr (GBytes) bytes = g_bytes_new_take (contents, len);
      if (!add_data (ctx, child_rel, bytes, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_dir (EvlContext *ctx, GResource *res, const char *dir, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_auto (GStrv) children = g_resource_enumerate_children (res, dir, 0, &local);
  if (children == NULL)
    return TRUE;
  for (guint i = 0; children[i]; i++)
    {
      g_autofree char *path = g_strconcat (dir, children[i], NULL);
      if (g_str_has_suffix (children[i], "/"))
        {
          if (!load_dir (ctx, res, path, error))
            return FALSE;
          continue;
        }
      g_autoptr (GBytes) bytes = g_resource_lookup_data (res, path, 0, error);
      if (bytes == NULL)
        return FALSE;
      if (!add_data (ctx, path + strlen (RESOURCE_ROOT), bytes, error))
        return FALSE;
    }
  return TRUE;
}

EvlContext *
evl_context_new (GError **error)
{
  return evl_context_new_with_data_dir (NULL, error);
}

EvlContext *
evl_context_new_with_data_dir (const char *data_dir, GError **error)
{
  g_autoptr (EvlContext) ctx = g_new0 (EvlContext, 1);
  g_atomic_ref_count_init (&ctx->ref);
  ctx->lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lexicon_free);
  ctx->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_bytes_unref);
  if (!load_dir (ctx, evl_data_get_resource (), RESOURCE_ROOT, error))
    return NULL;
  if (data_dir && !load_overlay (ctx, data_dir, "", error))
    return NULL;
  return g_steal_pointer (&ctx);
}

EvlContext *
evl_context_ref (EvlContext *ctx)
{
  g_return_val_if_fail (ctx != NULL, NULL);
  g_atomic_ref_count_inc (&ctx->ref);
  return ctx;
}

void
evl_context_unref (EvlContext *ctx)
{
  if (ctx == NULL || !g_atomic_ref_count_dec (&ctx->ref))
    return;
  g_hash_table_unref (ctx->lexicons);
  g_hash_table_unref (ctx->data);
  g_free (ctx);
}

const EvlLexicon *
evl_context_get_lexicon (const EvlContext *ctx, const char *name)
{
  g_return_val_if_fail (ctx != NULL && name != NULL, NULL);
  return g_hash_table_lookup (ctx->lexicons, name);
}

GBytes *
evl_context_get_data (const EvlContext *ctx, const char *path)
{
  g_return_val_if_fail (ctx != NULL && path != NULL, NULL);
  return g_hash_table_lookup (ctx->data, path);
}

const EvlLexEntry *
evl_lexicon_lookup (const EvlLexicon *lex, const char *key, gssize len)
{
  if (lex == NULL || key == NULL)
    return NULL;
  char buf[256];
  gsize n = len < 0 ? strlen (key) : (gsize) len;
  if (evl_fold_key (key, n, buf, sizeof buf) <= 0)
    return NULL;
  return g_hash_table_lookup (lex->index, buf);
}

guint
evl_lexicon_size (const EvlLexicon *lex)
{
  return lex ? lex->entries->len : 0;
}

const EvlLexEntry *
evl_lexicon_get (const EvlLexicon *lex, guint i)
{
  g_return_val_if_fail (lex != NULL && i < lex->entries->len, NULL);
  return lex->entries->pdata[i];
}

guint
evl_lexicon_max_words (const EvlLexicon *lex)
{
  return lex ? lex->max_words : 0;
}
