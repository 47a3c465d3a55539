/* EvlContext: every compiled-in data file and lexicon, loaded once.
 *
 * The compiled-in lexicons are mapped from the lexicon index that
 * lexicon-index-tool built from their text at build time (lexicon.c):
 * parsing the ~3.4 MB of text was ~59 M instructions of every start-up,
 * most of a short run.  Files from a data dir (--data-dir) are parsed. */
#include "lexicon-private.h"

#include <string.h>

#define RESOURCE_ROOT "/org/eventline/"
#define INDEX_PATH "/org/eventline-lexicon-index/lexicon-index.bin"

struct _EvlContext {
  gatomicrefcount ref;
  GHashTable *lexicons;   /* "en/months" -> EvlLexicon* */
  GHashTable *data;       /* "taxonomy/story.txt" -> GBytes* */
  GBytes *index;          /* the lexicon index, 8-byte aligned; NULL: none */
  gsize derived[EVL_CONTEXT_N_SLOTS];            /* evl_context_get_derived() */
  GDestroyNotify derived_free[EVL_CONTEXT_N_SLOTS];
};

/* The compiled-in lexicon index, or NULL.  Resource data is static (the
 * resource is not compressed) and glib-compile-resources aligns it to 8
 * bytes; an unaligned copy would be copied rather than read unaligned. */
static GBytes *
index_load (void)
{
  GBytes *b = g_resource_lookup_data (evl_lexicon_index_get_resource (), INDEX_PATH, 0, NULL);
  if (b == NULL)
    return NULL;
  gsize n;
  const guint8 *d = g_bytes_get_data (b, &n);
  if (((guintptr) d & 7) == 0)
    return b;
  GBytes *copy = g_bytes_new_take (g_memdup2 (d, n), n);
  g_bytes_unref (b);
  return copy;
}

/* @mappable: @bytes is the compiled-in text, which the index was built
 * from; files from a data dir are always parsed. */
static gboolean
add_data (EvlContext *ctx, const char *rel, GBytes *bytes, gboolean mappable, GError **error)
{
  g_hash_table_insert (ctx->data, g_strdup (rel), g_bytes_ref (bytes));
  if (g_str_has_prefix (rel, "lexicons/") && g_str_has_suffix (rel, ".txt"))
    {
      const char *lname = rel + strlen ("lexicons/");
      gsize n;
      const char *d = g_bytes_get_data (bytes, &n);
      g_autofree char *key = g_strndup (lname, strlen (lname) - 4);
      EvlLexicon *lex = NULL;
      if (mappable && ctx->index)
        {
          gsize index_len;
          const guint8 *index = g_bytes_get_data (ctx->index, &index_len);
          lex = evl_lexicon_index_map (index, index_len, key, n);
        }
      if (lex == NULL)
        lex = evl_lexicon_parse (lname, d, n, error);
      if (lex == NULL)
        return FALSE;
      g_hash_table_insert (ctx->lexicons, g_steal_pointer (&key), lex);
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
      if (!add_data (ctx, child_rel, bytes, FALSE, error))
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
      if (!add_data (ctx, path + strlen (RESOURCE_ROOT), bytes, TRUE, error))
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
  ctx->lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) evl_lexicon_free);
  ctx->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_bytes_unref);
  ctx->index = index_load ();
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
  for (guint i = 0; i < EVL_CONTEXT_N_SLOTS; i++)
    if (ctx->derived[i] && ctx->derived_free[i])
      ctx->derived_free[i] ((gpointer) ctx->derived[i]);
  g_hash_table_unref (ctx->lexicons);
  g_hash_table_unref (ctx->data);
  if (ctx->index)
    g_bytes_unref (ctx->index);   /* after the lexicons mapped from it */
  g_free (ctx);
}

gconstpointer
evl_context_get_derived (const EvlContext *ctx, EvlContextSlot slot,
                         gpointer (*build) (const EvlContext *ctx), GDestroyNotify free_func)
{
  g_return_val_if_fail (ctx != NULL && slot < EVL_CONTEXT_N_SLOTS && build != NULL, NULL);
  /* a cache: the context stays logically const */
  EvlContext *c = (EvlContext *) ctx;
  if (g_once_init_enter (&c->derived[slot]))
    {
      gpointer p = build (ctx);
      c->derived_free[slot] = free_func;
      g_once_init_leave (&c->derived[slot], (gsize) p);
    }
  return (gconstpointer) c->derived[slot];
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

