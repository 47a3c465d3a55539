/* Lemmatizer for event triggers: "plunged", "plunging" -> "plunge".
 *
 * No dictionary of English: the irregular table (en/irregular-verbs)
 * handles strong verbs and awkward plurals; suffix rules propose candidate
 * stems, of which the first that is a known word form (a key of the
 * derived en/event-forms lexicon, or an irregular lemma) wins; otherwise
 * English spelling rules guess (silent e, doubled consonant).
 * scripts/derive-event-lexicon implements the same rules so the derived
 * per-lemma statistics use the lemmas this file computes. */
#include "events-private.h"
#include "recognize-index.h"

#include <string.h>

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static gboolean
has_vowel (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (is_vowel (s[i]) || s[i] == 'y')
      return TRUE;
  return FALSE;
}

static guint
vowel_groups (const char *s, gsize n)
{
  guint groups = 0;
  gboolean prev = FALSE;
  for (gsize i = 0; i < n; i++)
    {
      gboolean v = is_vowel (s[i]) || s[i] == 'y';
      if (v && !prev)
        groups++;
      prev = v;
    }
  return groups;
}

static gboolean
ends_with (const char *s, gsize n, const char *suffix)
{
  gsize k = strlen (suffix);
  return n >= k && memcmp (s + n - k, suffix, k) == 0;
}

typedef struct {
  const EvlLexicon *forms, *irregular;
  const EvlKnownWords *known;   /* NULL: none, or its keys are not complete */
  gsize room;                /* bytes readable at the stems asked about */
} Known;

gboolean
evl_events_lemma_is_known (const EvlLexicon *forms, const EvlLexicon *irregular, const char *s,
                           gsize n)
{
  if (evl_lexicon_lookup (forms, s, n))
    return TRUE;
  const EvlLexEntry *e = evl_lexicon_lookup (irregular, s, n);
  return e && strlen (e->canonical) == n && g_ascii_strncasecmp (e->canonical, s, n) == 0;
}

/* A stem that folds to itself is known iff it is a known word whose
 * stem_known says so (with keys_complete, every key of both lexicons
 * is one): a probe instead of one or two lookups, most of which miss
 * (measured: 0.3 M instructions on 400 small documents). */
static gboolean
is_known (const Known *k, const char *s, gsize n)
{
  if (k->known && n > 0 && n <= EVL_WORD_KEY && k->room >= EVL_WORD_KEY_ROOM)
    {
      guint64 u[EVL_WORD_KEY_ROOM / 8];
      evl_known_key_load (u, s, n);
      if (evl_known_key_folds_to_itself (u, n))
        {
          const EvlKnownWord *kw = evl_known_words_find (k->known, u, n);
          return kw && kw->stem_known;
        }
    }
  return evl_events_lemma_is_known (k->forms, k->irregular, s, n);
}

static gboolean
doubled (const char *s, gsize n)
{
  return n >= 3 && s[n - 1] == s[n - 2] && strchr ("aeioulsz", s[n - 1]) == NULL;
}

/* Spelling rules for a stem with no known candidate (see the script). */
static gsize
guess_stem (char *s, gsize n, gsize cap)
{
  static const char *const silent_e[] = {
    "at", "ut", "id", "ud", "od", "ed", "ir", "ar", "ur", "in", "ok", "ak", "ap", "ib", "ul",
  };
  if (doubled (s, n))
    return n - 1;
  /* British spelling doubles the l of an unstressed final syllable
   * ('cancelled', 'travelled', 'labelled'); a word of one syllable keeps
   * its own ('yelled', 'top-selling'). */
  if (n >= 4 && ends_with (s, n, "ell"))
    {
      const char *hyphen = memrchr (s, '-', n);
      gsize from = hyphen ? (gsize) (hyphen - s) + 1 : 0;
      if (vowel_groups (s + from, n - from) >= 2)
        return n - 1;
    }
  char last = s[n - 1], prev = n >= 2 ? s[n - 2] : '\0';
  gboolean add_e = FALSE;
  if (is_vowel (last) || last == 'w' || last == 'x' || last == 'y')
    add_e = FALSE;
  else if (last == 'v' || last == 'z' || (last == 'c' && prev != 'c'))
    add_e = TRUE;
  else if (ends_with (s, n, "ng"))
    add_e = n >= 3 && strchr ("aeu", s[n - 3]) != NULL;
  else if (last == 'g' && prev && strchr ("rdla", prev))
    add_e = TRUE;
  else if (last == 's' && prev && (is_vowel (prev) || strchr ("nrpl", prev)))
    add_e = TRUE;
  else if (last == 'l' && prev && strchr ("bptdgkfzc", prev))
    add_e = TRUE;
  /* No English verb ends in a consonant and r: 'massacred', 'manoeuvred',
   * 'centred' drop an e. */
  else if (last == 'r' && prev && !is_vowel (prev) && prev != 'r' && prev != 'y')
    add_e = TRUE;
  else if (ends_with (s, n, "iat") || ends_with (s, n, "uat") || ends_with (s, n, "ven"))
    add_e = TRUE;
  else if (n >= 3 && is_vowel (prev) && !is_vowel (s[n - 3]))
    {
      add_e = vowel_groups (s, n) == 1;
      for (guint i = 0; !add_e && i < G_N_ELEMENTS (silent_e); i++)
        add_e = ends_with (s, n, silent_e[i]);
    }
  if (add_e && n + 1 < cap)
    s[n++] = 'e';
  return n;
}

/* Tries the -ed/-ing stem @s (@n bytes, with room for one more) against
 * the known words: undoubled, +e, bare, undoubled l/s/z; else guesses. */
static gsize
verb_stem (const Known *k, char *s, gsize n, gsize cap)
{
  if (doubled (s, n) && is_known (k, s, n - 1))
    return n - 1;
  /* A stem ending in a double letter is usually the verb itself: 'called'
   * is 'call' even when a stray 'calle' is a known form. */
  if (n >= 3 && s[n - 1] == s[n - 2] && is_known (k, s, n))
    return n;
  /* Two vowels before a final r, n, l, m, d, k or p ('tour', 'fear',
   * 'join', 'seem', 'soak'): no verb adds a silent e there, so a known
   * '+e' form is some other word ('toured' is no 'Toure'). */
  if (n >= 3 && strchr ("rnlmdkp", s[n - 1]) != NULL && is_vowel (s[n - 2]) && is_vowel (s[n - 3])
      && is_known (k, s, n))
    return n;
  if (n + 1 < cap)
    {
      s[n] = 'e';
      if (is_known (k, s, n + 1))
        return n + 1;
    }
  if (is_known (k, s, n))
    return n;
  if (n >= 3 && s[n - 1] == s[n - 2] && is_known (k, s, n - 1))
    return n - 1;
  return guess_stem (s, n, cap);
}

gsize
evl_events_lemma_with (const EvlLexicon *forms, const EvlLexicon *irregular,
                       const char *word, gsize len, char *buf, gsize cap)
{
  return evl_events_lemma_irr (forms, irregular, NULL, FALSE, word, len, buf, cap);
}

gsize
evl_events_lemma_irr (const EvlLexicon *forms, const EvlLexicon *irregular,
                      const EvlLexEntry *irr_entry, gboolean irr_known, const char *word,
                      gsize len, char *buf, gsize cap)
{
  return evl_events_lemma_known (forms, irregular, NULL, irr_entry, irr_known, word, len, FALSE,
                                 buf, cap);
}

gsize
evl_events_lemma_known (const EvlLexicon *forms, const EvlLexicon *irregular,
                        const EvlKnownWords *known_words, const EvlLexEntry *irr_entry,
                        gboolean irr_known, const char *word, gsize len, gboolean key, char *buf,
                        gsize cap)
{
  g_return_val_if_fail (cap >= 8, 0);
  const Known known = { forms, irregular,
                        known_words && known_words->keys_complete ? known_words : NULL, cap };
  gsize n = MIN (len, cap - 2);
  /* g_ascii_tolower() without a call per byte: every unseen word the
   * recognizer meets comes here (measured: 0.48 M instructions fewer on
   * 400 small documents); a memo key has no upper case, and is copied
   * whole (0.25 M fewer again) */
  if (key && len <= EVL_WORD_KEY && cap > EVL_WORD_KEY_ROOM)
    memcpy (buf, word, EVL_WORD_KEY_ROOM);
  else
    for (gsize i = 0; i < n; i++)
      buf[i] = word[i] >= 'A' && word[i] <= 'Z' ? (char) (word[i] + ('a' - 'A')) : word[i];
  buf[n] = '\0';
  if (n < len)
    return n;

  const EvlLexEntry *irr = irr_known ? irr_entry : evl_lexicon_lookup (irregular, buf, n);
  if (irr)
    {
      gsize k = MIN (strlen (irr->canonical), cap - 1);
      for (gsize i = 0; i < k; i++)
        buf[i] = g_ascii_tolower (irr->canonical[i]);
      buf[k] = '\0';
      return k;
    }

  gsize out = n;
  if (n > 4 && (ends_with (buf, n, "ies") || ends_with (buf, n, "ied")))
    {
      /* studies -> study, else dies -> die */
      buf[n - 3] = 'y';
      if (is_known (&known, buf, n - 2))
        out = n - 2;
      else
        {
          buf[n - 3] = 'i';
          if (is_known (&known, buf, n - 1))
            out = n - 1;
          else
            {
              buf[n - 3] = 'y';
              out = n - 2;
            }
        }
    }
  else if (n > 4 && ends_with (buf, n, "ing"))
    {
      if (has_vowel (buf, n - 3))
        out = verb_stem (&known, buf, n - 3, cap);
    }
  else if (n > 3 && ends_with (buf, n, "ed") && !ends_with (buf, n, "eed"))
    {
      if (has_vowel (buf, n - 2))
        out = verb_stem (&known, buf, n - 2, cap);
    }
  else if (n > 4 && ends_with (buf, n, "eed"))
    {
      /* agreed -> agree, freed -> free; not need, proceed, exceed */
      if (is_known (&known, buf, n - 1))
        out = n - 1;
    }
  else if (n > 4 && ends_with (buf, n, "ees"))
    out = n - 1;   /* retirees -> retiree, not the verb 'retire'; agrees -> agree */
  else if (n > 3 && ends_with (buf, n, "es"))
    {
      gsize stem = n - 2;
      gboolean sibilant = ends_with (buf, stem, "sh") || ends_with (buf, stem, "ch")
                          || ends_with (buf, stem, "x") || ends_with (buf, stem, "ss")
                          || ends_with (buf, stem, "zz") || ends_with (buf, stem, "o");
      if (is_known (&known, buf, n - 1))
        out = n - 1;
      else if (is_known (&known, buf, stem))
        out = stem;
      else
        out = sibilant ? stem : n - 1;
    }
  else if (n > 3 && buf[n - 1] == 's' && !ends_with (buf, n, "ss")
           && !ends_with (buf, n, "us") && !ends_with (buf, n, "is"))
    out = n - 1;
  buf[out] = '\0';
  return out;
}
