/* Entity timelines: finding an entity's name in a sentence.
 *
 * News names an entity with small variations: "the iTunes Music Store"
 * for the iTunes Store, "Apple Corps Ltd" for Apple Corps.  A name matches
 * as its words in order, whole words, with at most one extra word between
 * two of them; the first word must match where the occurrence starts. */
#include "evl-private.h"

#include <string.h>

/* Whether @w (@wl bytes) starts a whole word at @p (before @end). */
static gboolean
word_at (const char *p, const char *end, const char *w, gsize wl)
{
  return (gsize) (end - p) >= wl && g_ascii_strncasecmp (p, w, wl) == 0
         && (p + wl == end || !g_ascii_isalnum (p[wl]));
}

static const char *
skip_space (const char *p, const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* Past the word at @p and the space after it. */
static const char *
skip_word (const char *p, const char *end)
{
  while (p < end && !g_ascii_isspace (*p))
    p++;
  return skip_space (p, end);
}

/* Whether @name occurs at @at, which starts a word. */
static gboolean
name_at (const char *at, const char *end, const char *name)
{
  const char *p = at;
  for (const char *w = name; *w;)
    {
      gsize wl = strcspn (w, " ");
      if (w != name)
        p = skip_space (p, end);
      if (!word_at (p, end, w, wl))
        {
          if (w == name)
            return FALSE;
          p = skip_word (p, end);
          if (!word_at (p, end, w, wl))
            return FALSE;
        }
      p += wl;
      w += wl;
      while (*w == ' ')
        w++;
    }
  return TRUE;
}

gboolean
evl_timeline_find_name (const char *text, gssize len, const char *name, GArray *hits)
{
  g_return_val_if_fail (text != NULL && name != NULL, FALSE);
  const char *end = text + (len < 0 ? strlen (text) : (gsize) len);
  while (*name == ' ')
    name++;
  if (*name == '\0')
    return FALSE;
  gboolean any = FALSE;
  for (const char *p = text; p < end; p++)
    {
      if (p > text && g_ascii_isalnum (p[-1]))
        continue;
      if (!name_at (p, end, name))
        continue;
      any = TRUE;
      if (hits == NULL)
        break;
      guint off = (guint) (p - text);
      g_array_append_val (hits, off);
    }
  return any;
}
