/* Enum names, day arithmetic and other small shared vocabulary. */
#include "evl-private.h"
#include "core/day-private.h"

#include <string.h>

static const char *const grain_names[] = {
  "none", "minute", "hour", "part-of-day", "day", "week", "month", "season",
  "quarter", "half", "year", "decade", "century",
};

const char *
evl_grain_to_string (EvlGrain grain)
{
  if ((guint) grain >= G_N_ELEMENTS (grain_names))
    return "none";
  return grain_names[grain];
}

EvlDay
evl_day_from_ymd (int year, int month, int day)
{
  return evl_day_arith_from_ymd (year, month, day);
}

void
evl_day_to_ymd (EvlDay day, int *year, int *month, int *dom)
{
  int y = 0, m = 0, d = 0;
  if (day != 0)
    evl_day_arith_to_ymd (day, &y, &m, &d);
  if (year) *year = y;
  if (month) *month = m;
  if (dom) *dom = d;
}

char *
evl_day_format (EvlDay day, char buf[11])
{
  int y, m, d;
  if (day == 0)
    return NULL;
  evl_day_to_ymd (day, &y, &m, &d);
  if (y > 9999)
    {
      g_snprintf (buf, 11, "%04d-%02d-%02d", y, m, d);
      return buf;
    }
  /* Digits by hand: g_snprintf() was ~1,700 instructions a call. */
  buf[0] = (char) ('0' + y / 1000);
  buf[1] = (char) ('0' + y / 100 % 10);
  buf[2] = (char) ('0' + y / 10 % 10);
  buf[3] = (char) ('0' + y % 10);
  buf[4] = '-';
  buf[5] = (char) ('0' + m / 10);
  buf[6] = (char) ('0' + m % 10);
  buf[7] = '-';
  buf[8] = (char) ('0' + d / 10);
  buf[9] = (char) ('0' + d % 10);
  buf[10] = '\0';
  return buf;
}

EvlDay
evl_day_parse (const char *text)
{
  if (text == NULL || strlen (text) < 10)
    return 0;
  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return 0;
        }
      else if (!g_ascii_isdigit (text[i]))
        return 0;
    }
  if (text[10] != '\0' && text[10] != 'T' && text[10] != ' ')
    return 0;
  int y = atoi (text), m = atoi (text + 5), d = atoi (text + 8);
  return evl_day_from_ymd (y, m, d);
}

static const char *const class_names[] = {
  "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL",
  "PERCEPTION",
};

const char *
evl_event_class_to_string (EvlEventClass klass)
{
  if ((guint) klass >= G_N_ELEMENTS (class_names))
    return "OCCURRENCE";
  return class_names[klass];
}

int
evl_event_class_from_string (const char *name)
{
  for (guint i = 0; name && i < G_N_ELEMENTS (class_names); i++)
    if (g_ascii_strcasecmp (name, class_names[i]) == 0)
      return (int) i;
  return -1;
}

const char *
evl_entity_type_to_string (EvlEntityType type)
{
  switch (type)
    {
    case EVL_ENTITY_PERSON: return "PERSON";
    case EVL_ENTITY_ORGANIZATION: return "ORGANIZATION";
    case EVL_ENTITY_LOCATION: return "LOCATION";
    default: return "UNKNOWN";
    }
}

static const char *const rel_names[] = {
  "BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS",
};

const char *
evl_rel_to_string (EvlRel rel)
{
  if ((guint) rel >= G_N_ELEMENTS (rel_names))
    return "SIMULTANEOUS";
  return rel_names[rel];
}

EvlRel
evl_rel_inverse (EvlRel rel)
{
  switch (rel)
    {
    case EVL_REL_BEFORE: return EVL_REL_AFTER;
    case EVL_REL_AFTER: return EVL_REL_BEFORE;
    case EVL_REL_INCLUDES: return EVL_REL_IS_INCLUDED;
    case EVL_REL_IS_INCLUDED: return EVL_REL_INCLUDES;
    default: return EVL_REL_SIMULTANEOUS;
    }
}

const char *
evl_anchor_method_to_string (EvlAnchorMethod m)
{
  switch (m)
    {
    case EVL_ANCHOR_CLAUSE: return "clause";
    case EVL_ANCHOR_SENTENCE: return "sentence";
    case EVL_ANCHOR_CUE: return "cue";
    case EVL_ANCHOR_TENSE: return "tense";
    case EVL_ANCHOR_DCT: return "dct";
    default: return "none";
    }
}

/* evl_fold_key() eight bytes at a time (SWAR helpers in evl-private.h):
 * non-zero when some byte of @x is a control character (below 0x20) or
 * two neighbouring bytes are both spaces. */
static inline guint64
has_control_or_double_space (guint64 x)
{
  guint64 sp = evl_swar_eq (x, ' ');
  return evl_swar_below (x, 0x20) | (sp & (sp << 8));
}

static gssize
fold_key_checked (const char *src, gsize len, char *buf, gsize cap)
{
  gsize o = 0;
  gboolean space = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = src[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          space = o > 0;
          continue;
        }
      if (space)
        {
          if (o + 1 >= cap)
            return -1;
          buf[o++] = ' ';
          space = FALSE;
        }
      if (o + 1 >= cap)
        return -1;
      buf[o++] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    }
  buf[o] = '\0';
  return (gssize) o;
}

/* The hot path of every lexicon lookup.  Most keys are already clean (no
 * control character, no leading, trailing or double space): folding is
 * then lower-casing, eight bytes at a time.  Any other key, or one longer
 * than @cap allows, takes the byte-by-byte path. */
gssize
evl_fold_key (const char *src, gsize len, char *buf, gsize cap)
{
  if (len == 0 || len >= cap || src[0] == ' ' || src[len - 1] == ' ')
    return fold_key_checked (src, len, buf, cap);
  guint64 bad = 0;
  gsize i = 0;
  for (; i + 8 <= len; i += 8)
    {
      guint64 x = evl_load64 (src + i);
      bad |= has_control_or_double_space (x)
             | (guint64) (i > 0 && src[i - 1] == ' ' && src[i] == ' ');
      x = evl_swar_lower (x);
      memcpy (buf + i, &x, 8);
    }
  if (i < len && len >= 8)
    {
      /* The last eight bytes, overlapping those done: same result. */
      guint64 x = evl_load64 (src + len - 8);
      bad |= has_control_or_double_space (x);
      x = evl_swar_lower (x);
      memcpy (buf + len - 8, &x, 8);
      i = len;
    }
  else if (len >= 4 && len < 8)
    {
      /* Four to seven bytes as one word from two overlapping four-byte
       * loads (the same bytes overlap), its zero bytes past @len masked
       * off: byte by byte these short keys were 0.3 M instructions on
       * the 400 small documents. */
      guint32 lo, hi;
      memcpy (&lo, src, 4);
      memcpy (&hi, src + len - 4, 4);
      guint64 x = (guint64) lo | ((guint64) hi << (8 * (len - 4)));
      bad |= has_control_or_double_space (x) & (~G_GUINT64_CONSTANT (0) >> (64 - 8 * len));
      x = evl_swar_lower (x);
      lo = (guint32) x;
      hi = (guint32) (x >> (8 * (len - 4)));
      memcpy (buf, &lo, 4);
      memcpy (buf + len - 4, &hi, 4);
      i = len;
    }
  for (; i < len; i++)
    {
      guchar c = (guchar) src[i];
      bad |= (guint64) (c < 0x20) | (guint64) (c == ' ' && src[i - 1] == ' ');
      buf[i] = (char) ((guint) c - 'A' < 26u ? c + 32 : c);
    }
  if (bad)
    return fold_key_checked (src, len, buf, cap);
  buf[len] = '\0';
  return (gssize) len;
}
