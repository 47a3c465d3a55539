/* Build-time tool: writes the lexicon index (lexicon-private.h) of every
 * lexicon data/evl.gresource.xml compiles in, with the library's own
 * parser, and a depfile naming the text files it read so that editing a
 * lexicon rebuilds the index.
 *
 * Usage: lexicon-index-tool GRESOURCE_XML OUTPUT DEPFILE [PAIRS_OUTPUT RECORDS_OUTPUT
 *        [KNOWN_OUTPUT]]
 * Lexicon files are read relative to the XML file's folder (the
 * source_dir of data/meson.build).  PAIRS_OUTPUT gets the recognizer's
 * pair index of en/event-pairs, RECORDS_OUTPUT its records of
 * en/event-forms and en/event-lemmas, KNOWN_OUTPUT its known words
 * (src/lib/events/recognize-index.h; empty when a lexicon they need is
 * missing). */
#include "lexicon-private.h"
#include "events/recognize-index.h"

#include <stdio.h>
#include <string.h>

#define LEXICON_ROOT "/org/eventline/lexicons/"
/* the lexicons the recognizer's images are made from, in the order of
 * EvlKnownFingerprint */
enum { FORMS, LEMMAS, SUFFIXES, IRREGULAR, PAIRS, MODEL };
static const char *const event_lexicons[EVL_KNOWN_LEXICONS] = {
  "en/event-forms", "en/event-lemmas", "en/event-suffixes", "en/irregular-verbs",
  "en/event-pairs", "en/event-model",
};

typedef struct {
  char *prefix;            /* of the current <gresource> */
  gboolean in_file;
  gboolean skip;           /* preprocessed: the resource is not the file */
  char *alias;
  GString *text;
  GPtrArray *files;        /* source paths of lexicons, XML order */
  GPtrArray *names;        /* their lexicon names, "en/months" */
} Scan;

static void
scan_start (GMarkupParseContext *mc, const char *element, const char **attr_names,
            const char **attr_values, gpointer user_data, GError **error)
{
  Scan *s = user_data;
  if (strcmp (element, "gresource") == 0)
    {
      g_free (s->prefix);
      s->prefix = NULL;
      for (guint i = 0; attr_names[i]; i++)
        if (strcmp (attr_names[i], "prefix") == 0)
          s->prefix = g_strdup (attr_values[i]);
    }
  else if (strcmp (element, "file") == 0)
    {
      s->in_file = TRUE;
      s->skip = FALSE;
      g_clear_pointer (&s->alias, g_free);
      g_string_truncate (s->text, 0);
      for (guint i = 0; attr_names[i]; i++)
        if (strcmp (attr_names[i], "alias") == 0)
          s->alias = g_strdup (attr_values[i]);
        else if (strcmp (attr_names[i], "preprocess") == 0)
          s->skip = TRUE;
    }
}

static void
scan_text (GMarkupParseContext *mc, const char *text, gsize len, gpointer user_data,
           GError **error)
{
  Scan *s = user_data;
  if (s->in_file)
    g_string_append_len (s->text, text, (gssize) len);
}

/* A <file> is a lexicon when its resource path (prefix + alias or file
 * name) is LEXICON_ROOT NAME ".txt", as EvlContext names lexicons. */
static void
scan_end (GMarkupParseContext *mc, const char *element, gpointer user_data, GError **error)
{
  Scan *s = user_data;
  if (strcmp (element, "file") != 0)
    return;
  s->in_file = FALSE;
  g_autofree char *file = g_strstrip (g_strdup (s->text->str));
  g_autofree char *path = g_strconcat (s->prefix ? s->prefix : "", "/",
                                       s->alias ? s->alias : file, NULL);
  g_autofree char *canon = g_canonicalize_filename (path, "/");
  if (s->skip || !g_str_has_prefix (canon, LEXICON_ROOT) || !g_str_has_suffix (canon, ".txt"))
    return;
  const char *name = canon + strlen (LEXICON_ROOT);
  g_ptr_array_add (s->files, g_steal_pointer (&file));
  g_ptr_array_add (s->names, g_strndup (name, strlen (name) - 4));
}

/* Make syntax: a space in a path is escaped. */
static void
depfile_add (GString *dep, const char *path)
{
  g_string_append_c (dep, ' ');
  for (const char *p = path; *p; p++)
    {
      if (*p == ' ' || *p == '#')
        g_string_append_c (dep, '\\');
      g_string_append_c (dep, *p);
    }
}

/* The recognizer's images of the lexicons @lex (event_lexicons, NULL:
 * absent; parsed from @len bytes each; @varied: the lexicon may have
 * variants; @irregular_keys: en/irregular-verbs' keys, evl_known_text_keys()) into @pairs, @records and @known (NULL: not wanted;
 * each stays empty when a lexicon it needs is absent). */
static void
write_event_images (EvlLexicon *const *lex, const gsize *len, const gboolean *varied,
                    const GPtrArray *irregular_keys,
                    GByteArray *pairs, GByteArray *records, GByteArray *known)
{
  EvlPairIndex x;
  evl_pair_index_build (&x, lex[PAIRS]);
  if (pairs && lex[PAIRS])
    evl_pair_index_write (pairs, &x, lex[PAIRS], len[PAIRS]);
  EvlEventRecords r;
  evl_event_records_build (&r, lex[FORMS], lex[LEMMAS]);
  if (records && lex[FORMS] && lex[LEMMAS])
    evl_event_records_write (records, &r, len[FORMS], len[LEMMAS]);
  gboolean all = TRUE;
  EvlKnownFingerprint f;
  memset (&f, 0, sizeof f);
  for (guint k = 0; k < EVL_KNOWN_LEXICONS; k++)
    {
      all &= lex[k] != NULL;
      f.n_entries[k] = lex[k] ? evl_lexicon_size (lex[k]) : 0;
      f.text_len[k] = len[k];
    }
  if (known && all)
    {
      /* as the recognizer's derived_build() sets its sources */
      EvlWordSources s = { 0 };
      s.forms = lex[FORMS];
      s.lemmas = lex[LEMMAS];
      s.suffixes = lex[SUFFIXES];
      s.irregular = lex[IRREGULAR];
      s.records = &r;
      s.pairs = &x;
      s.unseen_class = evl_entry_milli (evl_lexicon_lookup (lex[MODEL], "unseen-class", -1), 0);
      s.suffix_cache = g_new0 (EvlSuffixSlot, 1u << EVL_SUFFIX_BITS);
      s.suffix_ids = g_new0 (EvlSuffixIdSlot, 1u << EVL_SUFFIX_BITS);
      EvlKnownWords k;
      evl_known_words_build (&k, &s, !varied[LEMMAS], !varied[SUFFIXES], !varied[FORMS],
                             irregular_keys);
      evl_known_words_write (known, &k, &f);
      evl_known_words_clear (&k);
      g_free (s.suffix_cache);
      g_free (s.suffix_ids);
    }
  evl_event_records_clear (&r);
  evl_pair_index_clear (&x);
}

/* Reads the lexicons the XML at @xml_path lists, writes the index to
 * @out_path and the depfile to @dep_path. */
static gboolean
write_index (const char *xml_path, const char *out_path, const char *dep_path,
             const char *pairs_path, const char *records_path, const char *known_path,
             GError **error)
{
  g_autofree char *xml = NULL;
  gsize xml_len;
  if (!g_file_get_contents (xml_path, &xml, &xml_len, error))
    return FALSE;
  Scan s = { 0 };
  s.text = g_string_new (NULL);
  s.files = g_ptr_array_new_with_free_func (g_free);
  s.names = g_ptr_array_new_with_free_func (g_free);
  static const GMarkupParser parser = { scan_start, scan_end, scan_text, NULL, NULL };
  GMarkupParseContext *mc = g_markup_parse_context_new (&parser, 0, &s, NULL);
  gboolean ok = g_markup_parse_context_parse (mc, xml, (gssize) xml_len, error)
                && g_markup_parse_context_end_parse (mc, error);
  g_markup_parse_context_free (mc);
  g_free (s.prefix);
  g_free (s.alias);
  g_string_free (s.text, TRUE);

  g_autoptr (GByteArray) index = g_byte_array_new ();
  g_autoptr (GByteArray) pairs = g_byte_array_new ();
  g_autoptr (GByteArray) records = g_byte_array_new ();
  g_autoptr (GByteArray) known = g_byte_array_new ();
  EvlLexicon *kept[EVL_KNOWN_LEXICONS] = { NULL };   /* event_lexicons, for the images */
  gsize kept_len[EVL_KNOWN_LEXICONS] = { 0 };
  gboolean varied[EVL_KNOWN_LEXICONS] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  g_autoptr (GPtrArray) irregular_keys = NULL;
  g_autoptr (GString) rule = g_string_new (NULL);
  g_autofree char *dir = g_path_get_dirname (xml_path);
  depfile_add (rule, out_path);
  g_string_append_c (rule, ':');
  depfile_add (rule, xml_path);
  for (guint i = 0; ok && i < s.files->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (s.files, i), NULL);
      g_autofree char *text = NULL;
      gsize len;
      ok = g_file_get_contents (path, &text, &len, error);
      if (!ok)
        break;
      depfile_add (rule, path);
      EvlLexicon *lex = evl_lexicon_parse (path, text, len, error);
      ok = lex != NULL;
      if (ok)
        evl_lexicon_index_write (index, g_ptr_array_index (s.names, i), lex, len);
      const char *name = g_ptr_array_index (s.names, i);
      for (guint k = 0; ok && k < EVL_KNOWN_LEXICONS; k++)
        if (strcmp (name, event_lexicons[k]) == 0)
          {
            evl_lexicon_free (kept[k]);
            kept[k] = g_steal_pointer (&lex);
            kept_len[k] = len;
            /* a bar anywhere: maybe variants (conservative) */
            varied[k] = memchr (text, '|', len) != NULL;
            if (k == IRREGULAR)
              {
                g_clear_pointer (&irregular_keys, g_ptr_array_unref);
                irregular_keys = evl_known_text_keys (text, len);
              }
          }
      evl_lexicon_free (lex);
    }
  g_ptr_array_unref (s.files);
  g_ptr_array_unref (s.names);
  if (ok)
    write_event_images (kept, kept_len, varied, irregular_keys, pairs_path ? pairs : NULL,
                        records_path ? records : NULL, known_path ? known : NULL);
  for (guint k = 0; k < EVL_KNOWN_LEXICONS; k++)
    evl_lexicon_free (kept[k]);
  if (!ok)
    return FALSE;
  evl_lexicon_index_finish (index);
  g_string_append_c (rule, '\n');
  return g_file_set_contents (out_path, (const char *) index->data, index->len, error)
         && (pairs_path == NULL
             || g_file_set_contents (pairs_path, (const char *) pairs->data, pairs->len, error))
         && (records_path == NULL
             || g_file_set_contents (records_path, (const char *) records->data, records->len,
                                     error))
         && (known_path == NULL
             || g_file_set_contents (known_path, (const char *) known->data, known->len, error))
         && g_file_set_contents (dep_path, rule->str + 1, (gssize) rule->len - 1, error);
}

int
main (int argc, char **argv)
{
  if (argc != 4 && argc != 6 && argc != 7)
    {
      fprintf (stderr, "usage: %s GRESOURCE_XML OUTPUT DEPFILE [PAIRS_OUTPUT RECORDS_OUTPUT "
               "[KNOWN_OUTPUT]]\n", argv[0]);
      return 2;
    }
  g_autoptr (GError) error = NULL;
  if (!write_index (argv[1], argv[2], argv[3], argc >= 6 ? argv[4] : NULL,
                    argc >= 6 ? argv[5] : NULL, argc == 7 ? argv[6] : NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
