/* TempEval-3 entity scorer: strict and relaxed extent P/R/F1 and attribute
 * F1 for TIMEX3 (type, value) and EVENT (class, tense), micro-averaged over
 * documents paired by file name.  See evl-eval.h for the definitions. */
#include "evl-private.h"
#include "source/source-private.h"
#include "eval-private.h"

#include <string.h>

static const char *const attr_names[][EVL_EVAL_N_ATTRS + 1] = {
  [EVL_EVAL_TIMEX] = { "type", "value", NULL },
  [EVL_EVAL_EVENT] = { "class", "tense", NULL },
};

const char *
evl_eval_attr_name (EvlEvalKind kind, guint i)
{
  g_return_val_if_fail (kind <= EVL_EVAL_EVENT, NULL);
  return i < EVL_EVAL_N_ATTRS ? attr_names[kind][i] : NULL;
}

guint
evl_eval_n_attrs (EvlEvalKind kind)
{
  return 2;
}

static const char *const timex_categories[] = { "DATE", "TIME", "DURATION", "SET", "other", NULL };
static const char *const event_categories[] = {
  "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION", "other", NULL,
};
G_STATIC_ASSERT (G_N_ELEMENTS (event_categories) - 1 <= EVL_EVAL_N_CATEGORIES);

const char *
evl_eval_category_name (EvlEvalKind kind, guint i)
{
  const char *const *names = kind == EVL_EVAL_TIMEX ? timex_categories : event_categories;
  for (guint k = 0; names[k]; k++)
    if (k == i)
      return names[k];
  return NULL;
}

/* The category index of @t's label (the last one for unknown labels). */
static guint
category_of (EvlEvalKind kind, const EvlGoldTag *t)
{
  const char *const *names = kind == EVL_EVAL_TIMEX ? timex_categories : event_categories;
  guint k = 0;
  for (; names[k + 1]; k++)
    if (t->type && strcmp (t->type, names[k]) == 0)
      return k;
  return k;
}

void
evl_eval_counts_init (EvlEvalCounts *out, EvlEvalKind kind)
{
  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  out->kind = kind;
}

static const char *
kind_tag (EvlEvalKind kind)
{
  return kind == EVL_EVAL_TIMEX ? "TIMEX3" : "EVENT";
}

GPtrArray *
evl_eval_select_tags (const char *want, const EvlGoldTag *tags, guint n)
{
  GPtrArray *a = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    if (tags[i].tag && strcmp (tags[i].tag, want) == 0 && tags[i].span.start < tags[i].span.end)
      g_ptr_array_add (a, (gpointer) &tags[i]);
  return a;
}

static const char *
attr_of (const EvlGoldTag *t, guint i)
{
  return i == 0 ? t->type : t->value;
}

static guint32
overlap (EvlSpan a, EvlSpan b)
{
  guint32 s = MAX (a.start, b.start), e = MIN (a.end, b.end);
  return e > s ? e - s : 0;
}

const EvlGoldTag *
evl_eval_best_match (const EvlGoldTag *a, GPtrArray *other, gboolean *exact_out)
{
  const EvlGoldTag *best = NULL;
  guint32 best_ov = 0;
  gboolean exact = FALSE;
  for (guint j = 0; j < other->len && !exact; j++)
    {
      const EvlGoldTag *b = other->pdata[j];
      guint32 ov = overlap (a->span, b->span);
      if (ov == 0)
        continue;
      exact = a->span.start == b->span.start && a->span.end == b->span.end;
      if (exact || ov > best_ov)
        {
          best = b;
          best_ov = ov;
        }
    }
  if (exact_out)
    *exact_out = exact;
  return best;
}

/* Where mismatches go (NULL: nowhere). */
typedef struct {
  EvlEvalMismatchFunc func;
  gpointer data;
  EvlEvalMismatch m;    /* doc and texts filled in by the caller */
} Reporter;

static void
report (Reporter *r, EvlEvalMismatchKind kind, guint attr, const EvlGoldTag *gold,
        const EvlGoldTag *system)
{
  if (r == NULL || r->func == NULL)
    return;
  r->m.kind = kind;
  r->m.attr = attr;
  r->m.gold = gold;
  r->m.system = system;
  r->func (&r->m, r->data);
}

/* Counts, for each tag of @mine, whether some tag of @other matches it
 * strictly, relaxedly, and with each attribute agreeing (on its best
 * relaxed match).  @mine is the gold side when @gold_side; misses,
 * partial extents and attribute errors are reported from the gold side,
 * spurious entities from the system side. */
static void
match_side (EvlEvalCounts *c, GPtrArray *mine, GPtrArray *other, gboolean gold_side,
            guint *strict, guint *relaxed, guint *attr, Reporter *r)
{
  EvlEvalKind kind = c->kind;
  guint n_attrs = evl_eval_n_attrs (kind);
  /* The attribute the category breakdown checks: value, or class. */
  guint main_attr = kind == EVL_EVAL_TIMEX ? 1 : 0;
  for (guint i = 0; i < mine->len; i++)
    {
      const EvlGoldTag *a = mine->pdata[i];
      guint cat = category_of (kind, a);
      if (gold_side)
        c->by_category[cat].gold++;
      else
        c->by_category[cat].system++;
      gboolean exact = FALSE;
      const EvlGoldTag *best = evl_eval_best_match (a, other, &exact);
      if (best == NULL)
        {
          if (gold_side)
            report (r, EVL_EVAL_MISSED, 0, a, NULL);
          else
            report (r, EVL_EVAL_SPURIOUS, 0, NULL, a);
          continue;
        }
      (*relaxed)++;
      if (gold_side)
        {
          c->by_category[cat].gold_relaxed++;
          c->by_category[cat].gold_strict += exact;
        }
      else
        c->by_category[cat].system_relaxed++;
      if (exact)
        (*strict)++;
      else if (gold_side)
        report (r, EVL_EVAL_PARTIAL, 0, a, best);
      for (guint k = 0; k < n_attrs; k++)
        {
          if (g_strcmp0 (attr_of (a, k), attr_of (best, k)) == 0)
            {
              attr[k]++;
              if (gold_side && k == main_attr)
                c->by_category[cat].gold_correct++;
            }
          else if (gold_side)
            report (r, EVL_EVAL_ATTRIBUTE, k, a, best);
        }
    }
}

static void
add_tags (EvlEvalCounts *c, const EvlGoldTag *gold, guint n_gold,
          const EvlGoldTag *system, guint n_system, Reporter *r)
{
  g_autoptr (GPtrArray) g = evl_eval_select_tags (kind_tag (c->kind), gold, n_gold);
  g_autoptr (GPtrArray) s = evl_eval_select_tags (kind_tag (c->kind), system, n_system);
  c->gold += g->len;
  c->system += s->len;
  match_side (c, g, s, TRUE, &c->strict_gold, &c->relaxed_gold, c->attr_gold, r);
  match_side (c, s, g, FALSE, &c->strict_system, &c->relaxed_system, c->attr_system, r);
}

void
evl_eval_add_tags (EvlEvalCounts *c, const EvlGoldTag *gold, guint n_gold,
                   const EvlGoldTag *system, guint n_system)
{
  g_return_if_fail (c != NULL);
  add_tags (c, gold, n_gold, system, n_system, NULL);
}

static void
add_documents (EvlEvalCounts *c, const EvlDocument *gold, const EvlDocument *system,
               Reporter *r)
{
  guint ng = 0, ns = 0;
  const EvlGoldTag *g = evl_document_get_gold (gold, &ng);
  const EvlGoldTag *s = system ? evl_document_get_gold (system, &ns) : NULL;
  c->n_docs++;
  if (r)
    {
      r->m.gold_text = evl_document_get_text (gold, &r->m.gold_len);
      r->m.system_text = system ? evl_document_get_text (system, &r->m.system_len) : NULL;
      if (system == NULL)
        r->m.system_len = 0;
    }
  if (system == NULL)
    c->n_docs_missing++;
  else
    {
      gsize gl = 0, sl = 0;
      const char *gt = evl_document_get_text (gold, &gl);
      const char *st = evl_document_get_text (system, &sl);
      if (gl != sl || memcmp (gt, st, gl) != 0)
        c->n_docs_mismatch++;
    }
  add_tags (c, g, ng, s, ns, r);
}

void
evl_eval_add_documents (EvlEvalCounts *c, const EvlDocument *gold, const EvlDocument *system)
{
  g_return_if_fail (c != NULL && gold != NULL);
  add_documents (c, gold, system, NULL);
}

static const char *const timex_type_names[] = { "DATE", "TIME", "DURATION", "SET" };

void
evl_eval_add_annotated (EvlEvalCounts *c, const EvlDocument *doc)
{
  g_return_if_fail (c != NULL && doc != NULL);
  g_autoptr (GArray) sys = g_array_new (FALSE, TRUE, sizeof (EvlGoldTag));
  if (c->kind == EVL_EVAL_TIMEX)
    {
      guint n = 0;
      const EvlTimex *t = evl_document_get_timexes (doc, &n);
      for (guint i = 0; i < n; i++)
        {
          EvlGoldTag g = { t[i].span, "TIMEX3", NULL,
                           (guint) t[i].type < G_N_ELEMENTS (timex_type_names)
                             ? timex_type_names[t[i].type] : NULL,
                           t[i].value };
          g_array_append_val (sys, g);
        }
    }
  else
    {
      guint n = 0;
      const EvlEventMention *e = evl_document_get_event_mentions (doc, &n);
      for (guint i = 0; i < n; i++)
        {
          EvlGoldTag g = { e[i].span, "EVENT", NULL, evl_event_class_to_string (e[i].klass), e[i].tense };
          g_array_append_val (sys, g);
        }
    }
  guint ng = 0;
  const EvlGoldTag *gold = evl_document_get_gold (doc, &ng);
  c->n_docs++;
  evl_eval_add_tags (c, gold, ng, (const EvlGoldTag *) (void *) sys->data, sys->len);
}

EvlDocument *
evl_eval_read_timeml (const char *path, gboolean skip_other, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      evl_fail (error, EVL_ERROR_IO, "%s: %s", path, local->message);
      return NULL;
    }
  if (skip_other && !evl_source_sniff_timeml (data, len))
    return NULL;
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  if (!evl_source_load_timeml (path, data, len, &opts, docs, error))
    return NULL;
  return evl_document_ref (docs->pdata[0]);
}

static int
cmp_strptr (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Appends the relative paths of the regular files under @root/@rel. */
static gboolean
list_files (const char *root, const char *rel, GPtrArray *out, guint depth,
            gboolean recurse, GError **error)
{
  g_autofree char *dir = rel ? g_build_filename (root, rel, NULL) : g_strdup (root);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return evl_fail (error, EVL_ERROR_IO, "%s: no such folder", dir);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return evl_fail (error, EVL_ERROR_IO, "%s: cannot read the folder", dir);
  const char *name;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, cmp_strptr);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sub = rel ? g_build_filename (rel, names->pdata[i], NULL)
                                 : g_strdup (names->pdata[i]);
      g_autofree char *full = g_build_filename (root, sub, NULL);
      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          if (recurse && depth < 8 && !list_files (root, sub, out, depth + 1, recurse, error))
            return FALSE;
        }
      else if (g_file_test (full, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (out, g_steal_pointer (&sub));
    }
  return TRUE;
}

GPtrArray *
evl_eval_list_files (const char *root, gboolean recurse, GError **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  if (!list_files (root, NULL, files, 0, recurse, error))
    return NULL;
  return g_steal_pointer (&files);
}

gboolean
evl_eval_dirs (EvlEvalCounts *c, const char *gold_dir, const char *system_dir, GError **error)
{
  return evl_eval_dirs_full (c, gold_dir, system_dir, NULL, NULL, error);
}

gboolean
evl_eval_pairs (const char *gold_dir, const char *system_dir, EvlEvalPairFunc func,
                gpointer user_data, GError **error)
{
  /* Two files: score that one pair. */
  gboolean single = g_file_test (gold_dir, G_FILE_TEST_IS_REGULAR);
  if (single ? !g_file_test (system_dir, G_FILE_TEST_EXISTS)
             : !g_file_test (system_dir, G_FILE_TEST_IS_DIR))
    return evl_fail (error, EVL_ERROR_IO, "%s: no such %s", system_dir, single ? "file" : "folder");
  g_autofree char *gold_root = single ? g_path_get_dirname (gold_dir) : g_strdup (gold_dir);
  g_autoptr (GPtrArray) files = NULL;
  if (single)
    {
      files = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (files, g_path_get_basename (gold_dir));
    }
  else if ((files = evl_eval_list_files (gold_dir, TRUE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      const char *rel = files->pdata[i];
      g_autofree char *gpath = g_build_filename (gold_root, rel, NULL);
      g_autoptr (GError) local = NULL;
      g_autoptr (EvlDocument) gold = evl_eval_read_timeml (gpath, !single, &local);
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (gold == NULL)
        continue;
      g_autofree char *spath = NULL;
      if (g_file_test (system_dir, G_FILE_TEST_IS_REGULAR))
        spath = g_strdup (system_dir);
      else
        {
          spath = g_build_filename (system_dir, rel, NULL);
          if (!g_file_test (spath, G_FILE_TEST_IS_REGULAR))
            {
              g_autofree char *base = g_path_get_basename (rel);
              g_free (spath);
              spath = g_build_filename (system_dir, base, NULL);
            }
        }
      g_autoptr (EvlDocument) sys = NULL;
      gboolean have_sys = g_file_test (spath, G_FILE_TEST_IS_REGULAR);
      if (have_sys)
        {
          sys = evl_eval_read_timeml (spath, FALSE, error);
          if (sys == NULL)
            return FALSE;
        }
      if (!func (rel, gpath, gold, have_sys ? spath : NULL, sys, user_data, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  EvlEvalCounts *c;
  EvlEvalMismatchFunc func;
  Reporter rep;
} DirsPair;

static gboolean
dirs_pair (const char *rel, const char *gold_path, EvlDocument *gold, const char *system_path,
           EvlDocument *system, gpointer user_data, GError **error)
{
  DirsPair *d = user_data;
  d->rep.m.doc = rel;
  add_documents (d->c, gold, system, d->func ? &d->rep : NULL);
  return TRUE;
}

gboolean
evl_eval_dirs_full (EvlEvalCounts *c, const char *gold_dir, const char *system_dir,
                    EvlEvalMismatchFunc func, gpointer user_data, GError **error)
{
  g_return_val_if_fail (c != NULL && gold_dir != NULL && system_dir != NULL, FALSE);
  DirsPair d = { c, func, { func, user_data, { 0 } } };
  return evl_eval_pairs (gold_dir, system_dir, dirs_pair, &d, error);
}

EvlPRF
evl_eval_prf (guint matched_system, guint system, guint matched_gold, guint gold)
{
  EvlPRF r = { 0, 0, 0 };
  r.precision = system ? (double) matched_system / system : 0.0;
  r.recall = gold ? (double) matched_gold / gold : 0.0;
  double sum = r.precision + r.recall;
  r.f1 = sum > 0 ? 2 * r.precision * r.recall / sum : 0.0;
  return r;
}

void
evl_eval_counts_score (const EvlEvalCounts *c, EvlEvalScores *out)
{
  g_return_if_fail (c != NULL && out != NULL);
  memset (out, 0, sizeof *out);
  out->strict = evl_eval_prf (c->strict_system, c->system, c->strict_gold, c->gold);
  out->relaxed = evl_eval_prf (c->relaxed_system, c->system, c->relaxed_gold, c->gold);
  for (guint k = 0; k < evl_eval_n_attrs (c->kind); k++)
    {
      out->attr[k] = evl_eval_prf (c->attr_system[k], c->system, c->attr_gold[k], c->gold);
      out->attr_accuracy[k] = c->relaxed_gold ? (double) c->attr_gold[k] / c->relaxed_gold : 0.0;
    }
}
