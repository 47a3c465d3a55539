/* Entity names -> cross-document merge keys, and the small helpers the
 * detector and the clusterer share (lexicon handles, attribute lookups,
 * name folding).
 *
 * A key is the folded canonical name of the gazetteer line a name belongs
 * to ('DPRK' -> "north korea", 'the Kremlin' -> "russia"), else the folded
 * name itself ('Kim Myong-sik' -> "kim myong sik"). */
#include "entities-private.h"

#include <string.h>

static const char *const lex_names[EVL_ENT_N_LEX] = {
  "en/gazetteer-countries", "en/gazetteer-places", "en/gazetteer-organizations",
  "en/gazetteer-people", "en/person-titles", "en/entity-roles",
  "en/name-stopwords", "en/entity-cues",
};

static EvlEntFirst *
first_slot (EvlEntFirst *table, guint32 mask, guint32 hash, guint16 len)
{
  guint32 i = hash & mask;
  while (table[i].len != 0 && (table[i].hash != hash || table[i].len != len))
    i = (i + 1) & mask;
  return &table[i];
}

/* Records the first word of every form of lexicon @l (the raw data file,
 * read the way the lexicon loader reads it: forms before the first TAB,
 * separated by '|', folded with evl_fold_key()).  Comment lines count
 * too: an extra first word only costs a probe. */
static void
first_words_add (EvlEntLex *lex, guint l, GBytes *bytes, gsize *used)
{
  gsize n;
  const char *d = g_bytes_get_data (bytes, &n);
  for (gsize p = 0; p < n;)
    {
      const char *nl = memchr (d + p, '\n', n - p);
      gsize eol = nl ? (gsize) (nl - d) : n;
      while (p < eol && (d[p] == ' ' || d[p] == '\t'))
        p++;
      /* memchr(): byte loops over the lexicons' text were ~0.3 M
       * instructions of every start-up. */
      const char *tab = memchr (d + p, '\t', eol - p);
      gsize forms_end = tab ? (gsize) (tab - d) : eol;
      /* A superset of the lines evl_ent_cue_bits() gives a
       * EVL_CUE_HAS_TITLE_* bit: the words of the others start no title
       * phrase. */
      guint title_start = l == EVL_ENT_LEX_TITLES ? EVL_ENT_ONE_TITLE_START : 0;
      if (l == EVL_ENT_LEX_CUES
          && (g_strstr_len (d + forms_end, (gssize) (eol - forms_end), "title-start")
              || g_strstr_len (d + forms_end, (gssize) (eol - forms_end), "title-mod")))
        title_start = EVL_ENT_ONE_TITLE_START;
      for (gsize f = p; f < forms_end;)
        {
          const char *bar = memchr (d + f, '|', forms_end - f);
          gsize fe = bar ? (gsize) (bar - d) : forms_end;
          char buf[256];
          gssize kl = evl_fold_key (d + f, fe - f, buf, sizeof buf);
          f = fe + 1;
          if (kl <= 0)
            continue;
          guint words = 1;
          gsize fw = (gsize) kl;
          for (gssize i = kl - 1; i >= 0; i--)
            if (buf[i] == ' ')
              words++, fw = (gsize) i;
          guint32 h = EVL_ENT_WORD_HASH_INIT;
          for (gsize i = 0; i < fw; i++)
            h = evl_ent_word_hash_step (h, (guchar) buf[i]);
          if ((*used + 1) * 2 > lex->first_mask + 1)
            {
              guint32 old_n = lex->first_mask + 1;
              EvlEntFirst *old = lex->first;
              lex->first_mask = old_n * 2 - 1;
              lex->first = g_new0 (EvlEntFirst, lex->first_mask + 1);
              for (guint32 i = 0; i < old_n; i++)
                if (old[i].len)
                  *first_slot (lex->first, lex->first_mask, old[i].hash, old[i].len) = old[i];
              g_free (old);
            }
          EvlEntFirst *slot = first_slot (lex->first, lex->first_mask, h, (guint16) fw);
          if (slot->len == 0)
            {
              slot->hash = h;
              slot->len = (guint16) fw;
              (*used)++;
              if (lex->n_words < G_MAXUINT16)
                {
                  if (lex->n_words == lex->cap_words)
                    {
                      lex->cap_words *= 2;
                      lex->words = g_renew (EvlEntWord, lex->words, lex->cap_words);
                    }
                  lex->words[lex->n_words++] = (EvlEntWord) {
                    g_string_chunk_insert_len (lex->word_text, buf, (gssize) fw),
                    evl_ent_load (buf, MIN (fw, 8), buf + fw),
                    { NULL },
                  };
                  slot->word = (guint16) lex->n_words;
                }
            }
          else if (slot->word)
            {
              /* Another word of the same hash and length: no shortcut. */
              EvlEntWord *w = &lex->words[slot->word - 1];
              if (w->text && memcmp (w->text, buf, fw) != 0)
                w->text = NULL;
            }
          slot->maxw[l] = (guint8) MAX (slot->maxw[l], MIN (words, 255u));
          if (words >= 2)
            {
              gsize sw = fw + 1, se = sw;
              while (se < (gsize) kl && buf[se] != ' ')
                se++;
              guint32 b = evl_ent_pair_slot (h, fw, evl_ent_load (buf + sw, MIN (se - sw, 8), buf + kl),
                                             se - sw);
              lex->pair_bloom[b >> 6] |= G_GUINT64_CONSTANT (1) << (b & 63);
            }
          guint one = l == EVL_ENT_LEX_STOP ? EVL_ENT_ONE_STOP
                      : l == EVL_ENT_LEX_TITLES ? EVL_ENT_ONE_TITLES
                      : l == EVL_ENT_LEX_CUES ? EVL_ENT_ONE_CUES : 0;
          one |= title_start;
          if (one && words == 1)
            lex->one_bloom[evl_ent_one_slot (evl_ent_chunk (buf, MIN (fw, 8), buf + fw), fw)] |= (guint8) one;
        }
      p = eol + 1;
    }
}

static const char *const attr_names[EVL_ENT_N_ATTR] = { "demonym", "capital", "context" };

/* The records of attribute @attr of lexicon @l (0: countries, 1:
 * places): see EvlEntLex.form_off.  Forms that fold to nothing or to 256
 * bytes or more match no text (as in evl_ent_attr_has()) and are left
 * out. */
static void
forms_build (EvlEntLex *lex, EvlEntAttrId attr, guint l)
{
  const EvlLexicon *lx = lex->by_id[l];
  guint n = lx ? evl_lexicon_size (lx) : 0;
  GByteArray *data = g_byte_array_new ();
  guint32 *off = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    {
      off[i] = data->len;
      for (const char *v = evl_ent_attr (evl_lexicon_get (lx, i), attr_names[attr]); v && *v;)
        {
          const char *bar = strchr (v, '|');
          gsize vn = bar ? (gsize) (bar - v) : strlen (v);
          char buf[256];
          gssize kl = evl_fold_key (v, vn, buf, sizeof buf);
          if (kl > 0 && vn < 256)
            {
              guint8 head[2] = { (guint8) kl, (guint8) vn };
              g_byte_array_append (data, head, 2);
              g_byte_array_append (data, (const guint8 *) buf, (guint) kl);
            }
          v = bar ? bar + 1 : NULL;
        }
    }
  off[n] = data->len;
  lex->form_off[attr][l] = off;
  lex->form_data[attr][l] = g_byte_array_free (data, FALSE);
}

/* Same answer as evl_ent_attr_has() (equal folds, lengths as written at
 * most 8 apart), without finding, splitting and testing the attribute's
 * forms per question: that was ~380 instructions a question, 2.7 M on
 * the small corpus. */
gboolean
evl_ent_forms_has (const EvlEntLex *lex, EvlEntAttrId attr, guint l,
                   const EvlLexEntry *entry, const char *text, gsize len)
{
  guint n = lex->form_n[l];
  const EvlLexEntry *base = lex->form_base[l];
  if (base == NULL || entry < base || entry >= base + n)
    return evl_ent_attr_has (entry, attr_names[attr], text, len);
  gsize i = (gsize) (entry - base);
  guint32 p = lex->form_off[attr][l][i], end = lex->form_off[attr][l][i + 1];
  const guint8 *d = lex->form_data[attr][l];
  /* The fold of @text is at most @len bytes: when every form is longer,
   * none can match and the fold is not made (most gazetteer names are
   * shorter than their demonyms: 'Russia', 'Russian'). */
  guint32 q = p;
  while (q < end && d[q] > len)
    q += 2u + d[q];
  if (q == end)
    return FALSE;
  /* Text without a blank or control byte folds to itself lower-cased
   * (ASCII), as long: compared so with the forms of that length, without
   * the fold (~125 instructions a question, ~3.5 k questions on the small
   * corpus, nearly all such). */
  gsize k = 0;
  while (k < len && (guchar) text[k] >= 0x21)
    k++;
  if (k == len && len < 256)
    {
      for (; p < end; p += 2u + d[p])
        {
          guint fl = d[p], vn = d[p + 1];
          if (fl != len || vn > len + 8 || len > vn + 8u)
            continue;
          const guint8 *f = d + p + 2;
          gsize c = 0;
          while (c < len && evl_ent_ascii_lower ((guchar) text[c]) == f[c])
            c++;
          if (c == len)
            return TRUE;
        }
      return FALSE;
    }
  char buf[256];
  gssize kl = evl_fold_key (text, len, buf, sizeof buf);
  if (kl <= 0)
    return FALSE;
  while (p < end)
    {
      guint fl = d[p], vn = d[p + 1];
      if (fl == (guint) kl && vn <= len + 8 && len <= vn + 8u && memcmp (d + p + 2, buf, fl) == 0)
        return TRUE;
      p += 2 + fl;
    }
  return FALSE;
}

#define KIND(s) { s, sizeof s - 1 }
static const struct {
  const char *name;
  gsize len;
} cue_kind_names[] = {
  KIND ("connector"), KIND ("epithet"), KIND ("loc-head"), KIND ("loc-prefix"), KIND ("motion"),
  KIND ("not-entity"), KIND ("org-head"), KIND ("place-prep"), KIND ("title-mod"), KIND ("title-start"),
  KIND ("org-of"), KIND ("org-after"), KIND ("speech"), KIND ("org-before"), KIND ("event-prefix"), KIND ("club"),
  { NULL, 0 }, { NULL, 0 },  /* EVL_CUE_HAS_TITLE_*: set below */
  KIND ("body"), KIND ("place-part"), KIND ("loc-before"), KIND ("loc-of"), KIND ("loc-after"),
};
#undef KIND

/* The EVL_CUE_* bits of a kind list "a|b|c" (nullable). */
static guint
kind_list_bits (const char *v)
{
  guint bits = 0;
  if (v == NULL)
    return 0;
  /* Each member once, against each name of its length. */
  for (const char *p = v; *p;)
    {
      const char *bar = strchr (p, '|');
      gsize n = bar ? (gsize) (bar - p) : strlen (p);
      for (guint b = 0; b < G_N_ELEMENTS (cue_kind_names); b++)
        if (cue_kind_names[b].len == n && memcmp (p, cue_kind_names[b].name, n) == 0)
          bits |= 1u << b;
      if (bar == NULL)
        break;
      p = bar + 1;
    }
  /* No other kind's name contains these: the members say it, without
   * two searches of the text a line. */
  if (bits & EVL_CUE_TITLE_MOD)
    bits |= EVL_CUE_HAS_TITLE_MOD;
  if (bits & EVL_CUE_TITLE_START)
    bits |= EVL_CUE_HAS_TITLE_START;
  return bits;
}

guint
evl_ent_cue_bits_slow (const EvlLexEntry *cue)
{
  return kind_list_bits (evl_ent_attr (cue, "kind"));
}

static gpointer
lex_build (const EvlContext *ctx)
{
  static gint n_built;
  EvlEntLex *lex = g_new0 (EvlEntLex, 1);
  lex->id = (guint) g_atomic_int_add (&n_built, 1) + 1;
  /* The stock lexicons' ~2,100 first words fit at most half full
   * without growing (a rehash was ~0.05 M instructions). */
  lex->first_mask = 8191;
  lex->first = g_new0 (EvlEntFirst, lex->first_mask + 1);
  lex->one_bloom = g_new0 (guint8, 1u << EVL_ENT_ONE_BITS);
  lex->pair_bloom = g_new0 (guint64, (1u << EVL_ENT_PAIR_BITS) / 64);
  lex->gaz_keys = g_malloc0 (sizeof *lex->gaz_keys);
  g_mutex_init (&lex->gaz_keys->lock);
  lex->gaz_keys->keys = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  /* Room for the first words of the stock lexicons (~2,100): growing
   * the array from empty was ~0.3 M instructions of every start-up, and
   * g_array_append_val() ~80 instructions a word. */
  lex->cap_words = 4096;
  lex->words = g_new (EvlEntWord, lex->cap_words);
  lex->word_text = g_string_chunk_new (4096);
  gsize used = 0;
  for (guint l = 0; l < EVL_ENT_N_LEX; l++)
    {
      lex->by_id[l] = evl_context_get_lexicon (ctx, lex_names[l]);
      lex->max_tokens[l] = lex->by_id[l] ? MIN (evl_lexicon_max_words (lex->by_id[l]) + 2, 8u) : 0;
      g_autofree char *path = g_strconcat ("lexicons/", lex_names[l], ".txt", NULL);
      GBytes *bytes = evl_context_get_data (ctx, path);
      if (lex->by_id[l] && bytes)
        first_words_add (lex, l, bytes, &used);
    }
  for (guint a = 0; a < EVL_ENT_N_ATTR; a++)
    for (guint l = 0; l < 2; l++)
      forms_build (lex, (EvlEntAttrId) a, l);
  for (guint l = 0; l < 2; l++)
    {
      lex->form_n[l] = lex->by_id[l] ? evl_lexicon_size (lex->by_id[l]) : 0;
      lex->form_base[l] = lex->form_n[l] ? evl_lexicon_get (lex->by_id[l], 0) : NULL;
    }
  for (guint l = 0; l < 4; l++)
    {
      lex->gaz_n[l] = lex->by_id[l] ? evl_lexicon_size (lex->by_id[l]) : 0;
      lex->gaz_base[l] = lex->gaz_n[l] ? evl_lexicon_get (lex->by_id[l], 0) : NULL;
      lex->gaz_names[l] = g_new0 (gpointer, lex->gaz_n[l] + 1);
      lex->gaz_key[l] = g_new0 (gpointer, (lex->gaz_n[l] + 1) * EVL_ENTITY_N);
    }
  guint n_cues = lex->cues ? evl_lexicon_size (lex->cues) : 0;
  lex->cue_base = n_cues ? evl_lexicon_get (lex->cues, 0) : NULL;
  lex->n_cues = n_cues;
  lex->cue_bits = g_new0 (guint32, n_cues + 1);
  for (guint i = 0; i < n_cues; i++)
    lex->cue_bits[i] = (guint32) kind_list_bits (evl_ent_attr (evl_lexicon_get (lex->cues, i), "kind"));
  /* The word alone in each lexicon some form of which starts with it (the
   * scanner reads one[l] only then). */
  for (guint32 i = 0; i <= lex->first_mask; i++)
    {
      const EvlEntFirst *f = &lex->first[i];
      if (f->len == 0 || f->word == 0)
        continue;
      EvlEntWord *w = &lex->words[f->word - 1];
      /* A control character would fold differently in a token: none
       * survives folding, but the shortcut must never be wrong.  The walk
       * measures the word for the lookups (a strlen() each). */
      gssize n = 0;
      for (const char *p = w->text; p && *p; p++, n++)
        if ((guchar) *p < 0x20)
          w->text = NULL;
      for (guint l = 0; w->text && l < EVL_ENT_N_LEX; l++)
        if (f->maxw[l])
          w->one[l] = evl_lexicon_lookup (lex->by_id[l], w->text, n);
    }
  return lex;
}

static void
lex_free (gpointer p)
{
  EvlEntLex *lex = p;
  g_free (lex->first);
  g_free (lex->one_bloom);
  g_free (lex->pair_bloom);
  g_free (lex->cue_bits);
  for (guint a = 0; a < EVL_ENT_N_ATTR; a++)
    for (guint l = 0; l < 2; l++)
      {
        g_free (lex->form_off[a][l]);
        g_free (lex->form_data[a][l]);
      }
  for (guint l = 0; l < 4; l++)
    {
      for (guint i = 0; i < lex->gaz_n[l]; i++)
        g_free (lex->gaz_names[l][i]);
      for (guint i = 0; i < lex->gaz_n[l] * EVL_ENTITY_N; i++)
        g_free (lex->gaz_key[l][i]);
      g_free (lex->gaz_names[l]);
      g_free (lex->gaz_key[l]);
    }
  g_hash_table_unref (lex->gaz_keys->keys);
  g_mutex_clear (&lex->gaz_keys->lock);
  g_free (lex->gaz_keys);
  g_free (lex->words);
  g_string_chunk_free (lex->word_text);
  g_free (lex);
}

const EvlEntLex *
evl_ent_lex_get (const EvlContext *ctx)
{
  return evl_context_get_derived (ctx, EVL_CONTEXT_SLOT_ENTITIES, lex_build, lex_free);
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

/* TRUE when evl_fold_key() of @s (@n bytes) is @s lower-cased (ASCII):
 * 1-255 bytes, no control character, no leading, trailing or double
 * space. */
static gboolean
is_clean (const char *s, gsize n)
{
  if (n == 0 || n >= 256 || s[0] == ' ' || s[n - 1] == ' ')
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if ((guchar) s[i] < 0x20 || (s[i] == ' ' && s[i + 1] == ' '))
      return FALSE;
  return TRUE;
}

gboolean
evl_ent_attr_has (const EvlLexEntry *entry, const char *kind,
                  const char *text, gsize len)
{
  const char *v = evl_ent_attr (entry, kind);
  /* Clean forms on both sides (nearly all) compare lower-cased in place:
   * two folds into buffers were 2.6 M instructions on the small corpus. */
  gboolean clean = v && is_clean (text, len);
  while (v && *v)
    {
      const char *bar = strchr (v, '|');
      gsize n = bar ? (gsize) (bar - v) : strlen (v);
      if (clean && is_clean (v, n))
        {
          if (n == len && g_ascii_strncasecmp (v, text, n) == 0)
            return TRUE;
        }
      /* Forms differ only in case and white space runs: lengths that far
       * apart cannot match. */
      else if (n <= len + 8 && len <= n + 8 && fold_equal (v, n, text, len))
        return TRUE;
      v = bar ? bar + 1 : NULL;
    }
  return FALSE;
}

/* 0x80 in the bytes of @x that are not printable ASCII other than '.'
 * and '-' (what name folding only lower-cases): the lowest flag is exact
 * (evl_swar_below()), so the first such byte is the lowest flag. */
static inline guint64
special8 (guint64 x)
{
  return (x & EVL_SWAR_HIGHS) | evl_swar_below (x, 0x21) | evl_swar_eq (x, '.') | evl_swar_eq (x, '-');
}

/* The number of plain bytes (not special8()) at the start of @x, 0-8. */
static inline guint
plain_run (guint64 x)
{
  guint64 sp = special8 (x);
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  return sp ? (guint) __builtin_ctzll (sp) >> 3 : 8u;
#else
  return sp ? (guint) __builtin_clzll (sp) >> 3 : 8u;
#endif
}

/* The @r bytes (1-7) before @end as the first of a word, zeros after
 * them; the eight bytes before @end must be readable. */
static inline guint64
tail8 (const char *end, gsize r)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  return evl_load64 (end - 8) >> (8 * (8 - r));
#else
  return evl_load64 (end - 8) << (8 * (8 - r));
#endif
}

void
evl_ent_fold_name (GString *out, const char *text, gsize len)
{
  gsize start = out->len;
  gboolean space = FALSE;
  const char *end = text + len;
  const char *p = text;
  /* ASCII prefix, written in place: it folds to at most its own length
   * (a separator is emitted only for the blank or hyphen it replaces), so
   * the room is made once and the length set at the end. */
  if (start + len + 8 >= out->allocated_len)
    g_string_set_size (out, start + len + 8);
  char *buf = out->str;
  gsize o = start;
  /* Runs of plain bytes (printable ASCII, no period or hyphen) are
   * lower-cased and copied eight bytes a step, whatever their length: the
   * output never runs ahead of the input, so the eight bytes written at
   * @o lie within the room made above.  The last bytes of a name of eight
   * bytes or more are read as the end of its last eight, zeros shifted in
   * (special bytes).  Only at word starts and byte by byte otherwise, the
   * fold was ~2.7 M instructions on the small corpus. */
  while (p < end)
    {
      if (len >= 8)
        {
          guint64 x = end - p >= 8 ? evl_load64 (p) : tail8 (end, (gsize) (end - p));
          guint n = plain_run (x);
          if (n)
            {
              if (space)
                buf[o++] = ' ';
              space = FALSE;
              x = evl_swar_lower (x);
              memcpy (buf + o, &x, 8);
              o += n;
              p += n;
              continue;
            }
        }
      guchar b = (guchar) *p;
      if (b >= 0x80)
        break;
      p++;
      if (b == '.')
        continue;
      if (b == '-' || g_ascii_isspace (b))
        {
          space = o > start;
          continue;
        }
      if (space)
        buf[o++] = ' ';
      space = FALSE;
      buf[o++] = (char) ((guint) (b - 'A') < 26u ? b + 32 : b);
    }
  out->len = o;
  buf[o] = '\0';
  while (p < end)
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
          g_string_append_c (out, (char) ((guint) (b - 'A') < 26u ? b + 32 : b));
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

guint
evl_ent_fold_words (const char *text, gsize len)
{
  /* evl_ent_fold_name() step by step, counting instead of writing: a
   * separator (blank, hyphen) after some output starts a word at the next
   * character written; periods write nothing; a NUL written ends the
   * count as it ends the C string the clusterer counts spaces in. */
  /* A name without any special byte (plain_run()) is one word: most
   * gazetteer names of one word ('Russia'), counted without the steps
   * below (~170 instructions a name on the small corpus). */
  gsize k = 0;
  if (len >= 8)
    {
      while (k + 8 <= len && plain_run (evl_load64 (text + k)) == 8)
        k += 8;
      if (k < len && k + 8 > len && plain_run (tail8 (text + len, len - k)) >= len - k)
        k = len;
    }
  else
    while (k < len && (guint) ((guchar) text[k] - 0x21) < 0x5f && text[k] != '.' && text[k] != '-')
      k++;
  if (k == len)
    return len ? 1 : 0;
  guint words = 0;
  gboolean out = FALSE, space = FALSE;
  const char *end = text + len;
  for (const char *p = text; p < end;)
    {
      /* A run of plain bytes (plain_run()) writes that many bytes. */
      guint n = end - p >= 8 ? plain_run (evl_load64 (p))
                : len >= 8 ? plain_run (tail8 (end, (gsize) (end - p))) : 0;
      if (n)
        {
          if (!out || space)
            words++;
          out = TRUE;
          space = FALSE;
          p += n;
          continue;
        }
      guchar b = (guchar) *p;
      gunichar c = b;
      if (b < 0x80)
        p++;
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            break;
          p = g_utf8_next_char (p);
        }
      if (c == '.')
        continue;
      if (b < 0x80 ? (c == '-' || g_ascii_isspace (b))
                   : (c == 0x2010 || c == 0x2011 || g_unichar_isspace (c)))
        {
          space = out;
          continue;
        }
      if (c == 0)
        {
          /* A pending blank is written before the NUL. */
          words += space;
          break;
        }
      if (!out || space)
        words++;
      out = TRUE;
      space = FALSE;
    }
  return words;
}

static inline gboolean
key_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The first-word slot (EvlEntFirst, NULL when none) of evl_fold_key() of
 * @name, which collapses and trims the blanks (key_blank()) and
 * lower-cases A-Z: its first word is @name's bytes up to the first blank,
 * lower-cased.  FALSE when the filter cannot tell (a leading blank, a
 * first word of 256 bytes or more). */
static gboolean
key_first (const EvlEntLex *lex, const char *name, gsize len, const EvlEntFirst **first)
{
  if (len == 0 || key_blank (name[0]))
    return FALSE;
  guint32 h = EVL_ENT_WORD_HASH_INIT;
  gsize fw = 0;
  for (; fw < len && !key_blank (name[fw]); fw++)
    h = evl_ent_word_hash_step (h, (guchar) name[fw]);
  if (fw > 255)
    return FALSE;
  *first = evl_ent_first_word (lex, h, fw);
  return TRUE;
}

/* The gazetteer line @name belongs to, trying @name as written, then
 * without a leading article.  Sets *@kind and *@capital (the name is the
 * line's capital city). */
static const EvlLexEntry *
key_lookup (const EvlEntLex *lex, const char *name, gsize len,
            EvlEntityType type, EvlGazKind *kind, gboolean *capital)
{
  EvlEntLexId order[4];
  EvlGazKind kinds[4];
  guint n = 0;
  if (type == EVL_ENTITY_PERSON)
    {
      order[n] = EVL_ENT_LEX_PEOPLE, kinds[n++] = EVL_GAZ_PERSON;
    }
  else
    {
      order[n] = EVL_ENT_LEX_COUNTRIES, kinds[n++] = EVL_GAZ_COUNTRY;
      if (type == EVL_ENTITY_ORGANIZATION)
        order[n] = EVL_ENT_LEX_ORGS, kinds[n++] = EVL_GAZ_ORG;
      order[n] = EVL_ENT_LEX_PLACES, kinds[n++] = EVL_GAZ_PLACE;
      if (type != EVL_ENTITY_ORGANIZATION)
        order[n] = EVL_ENT_LEX_ORGS, kinds[n++] = EVL_GAZ_ORG;
    }
  for (int pass = 0; pass < 2; pass++)
    {
      /* Only the lexicons with a form that starts with the name's first
       * word: most names the rules found are in
       * none of them, and the fold and probes were ~1 M instructions on
       * the small corpus. */
      guint want = (1u << n) - 1;
      const EvlEntFirst *first;
      if (key_first (lex, name, len, &first))
        for (guint i = 0; i < n; i++)
          if (first == NULL || first->maxw[order[i]] == 0)
            want &= ~(1u << i);
      /* One fold of the name for the lexicons. */
      EvlLexKey key;
      gboolean ok = want && evl_lex_key_init (&key, name, (gssize) len);
      for (guint i = 0; ok && i < n; i++)
        {
          if (!(want & (1u << i)))
            continue;
          const EvlLexEntry *e = evl_lexicon_lookup_key (lex->by_id[order[i]], &key);
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

/* TRUE when evl_ent_fold_name() and evl_fold_key() of @name (@len bytes)
 * are both @name lower-cased (ASCII): printable ASCII without periods or
 * hyphens, single spaces between words only. */
static gboolean
folds_to_lower (const char *name, gsize len)
{
  if (len == 0 || name[0] == ' ' || name[len - 1] == ' ')
    return FALSE;
  gsize i = 0;
  /* Eight bytes a step (the byte loop was ~0.3 M instructions on the
   * small corpus): no byte outside 0x20-0x7e, no period or hyphen, no
   * space after a space (@carry: the last byte of the previous step was
   * one). */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  guint64 carry = 0;
  for (; i + 8 <= len; i += 8)
    {
      guint64 x = evl_load64 (name + i);
      guint64 sp = evl_swar_eq (x, ' ');
      if ((x & EVL_SWAR_HIGHS) | evl_swar_below (x, 0x20) | evl_swar_eq (x, 0x7f) | evl_swar_eq (x, '.')
          | evl_swar_eq (x, '-') | (sp & ((sp << 8) | carry)))
        return FALSE;
      carry = sp >> 56;
    }
#endif
  for (; i < len; i++)
    {
      guchar c = (guchar) name[i];
      if (c < 0x20 || c >= 0x7f || c == '.' || c == '-' || (c == ' ' && name[i - 1] == ' '))
        return FALSE;
    }
  return TRUE;
}

/* Drops a firm's legal form from the end of folded key @out: one
 * article writes 'Tovald Foods Inc.' where the next writes 'Tovald
 * Foods', and the story merge matches entities by key. */
static void
drop_legal_form (GString *out)
{
  static const char *const forms[] = {
    "inc", "incorporated", "corp", "ltd", "limited", "co", "cos", "plc", "llc",
    "lp", "gmbh", "ag", "nv", "sa", "bhd", "berhad", "tbk",
  };
  const char *sp = strrchr (out->str, ' ');
  /* Two words must stay: 'Asia Ltd.' (a firm's name cut short) is not
   * the continent. */
  if (sp == NULL || memchr (out->str, ' ', (gsize) (sp - out->str)) == NULL)
    return;
  gsize at = (gsize) (sp - out->str);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (strcmp (sp + 1, forms[i]) == 0)
      {
        g_string_truncate (out, at);
        /* 'Tovald Foods Co Ltd', and the comma of 'Tovald, Inc.' */
        while (out->len > 0 && (out->str[out->len - 1] == ',' || out->str[out->len - 1] == ' '))
          g_string_truncate (out, out->len - 1);
        drop_legal_form (out);
        return;
      }
}

/* 'Ministry of (the) Health' in one article is the 'Health Ministry' of
 * the next, 'Department of Defense' the 'Defense Department': folded key
 * @out takes the short order.  Not a longer tail ('Ministry of Health
 * and Social Affairs' is no 'Health Ministry'), nor one with its own
 * 'of'. */
static void
head_noun_last (GString *out)
{
  static const char *const heads[] = { "ministry", "department" };
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      gsize h = strlen (heads[i]);
      if (out->len <= h + 4 || strncmp (out->str, heads[i], h) != 0 || strncmp (out->str + h, " of ", 4) != 0)
        continue;
      const char *rest = out->str + h + 4;
      if (strncmp (rest, "the ", 4) == 0)
        rest += 4;
      if (*rest == '\0' || strchr (rest, ' ') != NULL)
        return;
      char *tail = g_strconcat (rest, " ", heads[i], NULL);
      g_string_assign (out, tail);
      g_free (tail);
      return;
    }
}

void
evl_ent_normalize_key (GString *out, const EvlEntLex *lex, const char *name, EvlEntityType type)
{
  g_string_truncate (out, 0);
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

  EvlGazKind kind;
  gboolean capital = FALSE;
  const EvlLexEntry *e = key_lookup (lex, name, len, type, &kind, &capital);
  if (e == NULL)
    {
      /* 'Kim Jong-un' reaches the line of 'Kim Jong Un' once folded.  A
       * name that folding only lower-cases is the same key again: not
       * looked up twice (~0.8 M instructions on the small corpus). */
      evl_ent_fold_name (out, name, len);
      if (!folds_to_lower (name, len))
        e = key_lookup (lex, out->str, out->len, type, &kind, &capital);
      if (e == NULL)
        {
          if (out->len > 4 && strncmp (out->str, "the ", 4) == 0)
            g_string_erase (out, 0, 4);
          if (type == EVL_ENTITY_ORGANIZATION)
            {
              drop_legal_form (out);
              head_noun_last (out);
            }
          return;
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
}

/* Most clusters are gazetteer lines named by their canonical name: their
 * key is looked up and folded once per context, not once per document
 * (evl_ent_normalize_key() was 4 M of the clusterer's 34 M instructions
 * on the small corpus). */
const char *
evl_ent_gaz_key (const EvlEntLex *lex, const EvlLexEntry *entry, EvlEntityType type)
{
  /* Lexicon entries are at least pointer-aligned: the type fits in the
   * low bits. */
  G_STATIC_ASSERT (EVL_ENTITY_N <= 8);
  guint l;
  gint at = evl_ent_gaz_index (lex, entry, &l);
  if (at >= 0 && (guint) type < EVL_ENTITY_N)
    {
      /* A gazetteer line of these tables: its own slot, without the lock
       * and hash table (~400 instructions a cluster on the small
       * corpus). */
      gpointer *slot = &lex->gaz_key[l][(gsize) at * EVL_ENTITY_N + type];
      char *key = g_atomic_pointer_get (slot);
      if (key == NULL)
        {
          GString *out = g_string_new (NULL);
          evl_ent_normalize_key (out, lex, entry->canonical, type);
          key = g_string_free (out, FALSE);
          if (!g_atomic_pointer_compare_and_exchange (slot, NULL, key))
            {
              g_free (key);
              key = g_atomic_pointer_get (slot);
            }
        }
      return key;
    }
  gpointer id = (gpointer) ((guintptr) entry | (guintptr) type);
  g_mutex_lock (&lex->gaz_keys->lock);
  const char *key = g_hash_table_lookup (lex->gaz_keys->keys, id);
  if (key == NULL)
    {
      GString *out = g_string_new (NULL);
      evl_ent_normalize_key (out, lex, entry->canonical, type);
      key = g_string_free (out, FALSE);
      g_hash_table_insert (lex->gaz_keys->keys, id, (gpointer) key);
    }
  g_mutex_unlock (&lex->gaz_keys->lock);
  return key;
}

char *
evl_entity_normalize_key (const EvlContext *ctx, const char *name, EvlEntityType type)
{
  g_return_val_if_fail (ctx != NULL && name != NULL, NULL);
  GString *out = g_string_new (NULL);
  evl_ent_normalize_key (out, evl_ent_lex_get (ctx), name, type);
  return g_string_free (out, FALSE);
}
