/* The year of a yearless dateline ('PORTO LENTO, March 4 (AP) -') told
 * by the other articles of the set.  A wire story's dateline is its day of
 * filing, so an article of a story set carries the year the others were
 * written in: the one that puts the month-day nearest to them. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static gboolean
value_is (const char *v, const char *prefix, gsize len)
{
  return v != NULL && strlen (v) == len && strncmp (v, prefix, strlen (prefix)) == 0;
}

/* 1 (Monday) .. 7 from a 'XXXX-WXX-d' value, else 0. */
static int
weekday_of_value (const char *v)
{
  if (!value_is (v, "XXXX-WXX-", 10) || v[9] < '1' || v[9] > '7')
    return 0;
  return v[9] - '0';
}

static const char *const names[] = { "Monday", "Tuesday", "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday" };

/* 1 (Monday) .. 7 when @text opens with a weekday's name: the timex of
 * 'Tuesday, March 4' is one, its value the date's alone. */
static int
weekday_of_text (const char *text, gsize len)
{
  for (int i = 0; i < 7; i++)
    {
      gsize n = strlen (names[i]);
      /* The full name or its three-letter abbreviation ('Tue., March 4'). */
      if ((len >= n && g_ascii_strncasecmp (text, names[i], n) == 0)
          || (len > 4 && g_ascii_strncasecmp (text, names[i], 3) == 0
              && (text[3] == '.' || text[3] == ',')))
        return i + 1;
    }
  return 0;
}

static int
weekday_of_day (EvlDay day)
{
  GDate d;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  return (int) g_date_get_weekday (&d);
}

/* A dash or an opening bracket ends a dateline's date: 'March 4 (AP) -',
 * 'March 4 -', 'March 4 —'. */
static gboolean
dateline_end (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (p >= end)
    return FALSE;
  if (*p == '(' || *p == '-' || *p == ':')
    return TRUE;
  return end - p >= 3 && (memcmp (p, "\xe2\x80\x93", 3) == 0 || memcmp (p, "\xe2\x80\x94", 3) == 0);
}

/* The longest place name with its comma before a dateline's date, plus
 * room for a weekday ('SAN FRANCISCO DE CAMPECHE, Tuesday, '). */
#define DATELINE_PREFIX_MAX 64

gboolean
evl_cli_yearless_dateline (const EvlDocument *doc, EvlCliDateline *out)
{
  if (evl_document_get_dct_source (doc) != EVL_DCT_NONE)
    return FALSE;
  guint n_tx, n_sents;
  const EvlTimex *tx = evl_document_get_timexes (doc, &n_tx);
  const EvlSentence *sents = evl_document_get_sentences (doc, &n_sents);
  gsize len;
  const char *text = evl_document_get_text (doc, &len);
  /* As the pipeline's own dateline guess: the first sentences hold the
   * dateline, after a headline or two. */
  guint i = 0;
  while (i < n_tx && tx[i].sentence < 3 && !value_is (tx[i].value, "XXXX-", 10))
    i++;
  if (i >= n_tx || tx[i].sentence >= 3 || tx[i].type != EVL_TIMEX_DATE
      || tx[i].sentence >= n_sents)
    return FALSE;
  const EvlTimex *date = &tx[i];
  int month = atoi (date->value + 5), dom = atoi (date->value + 8);
  if (month < 1 || month > 12 || dom < 1 || dom > 31)
    return FALSE;
  /* The dateline shape: a capitalised place, a comma, (a weekday,) the
   * date, then the agency in brackets or a dash.  A yearless date in
   * running text ('On March 4 the ministry ...') is not the day of
   * writing. */
  guint32 s_start = sents[date->sentence].span.start;
  if (date->span.start <= s_start || date->span.start - s_start > DATELINE_PREFIX_MAX
      || date->span.end > len)
    return FALSE;
  gunichar first = g_utf8_get_char_validated (text + s_start, (gssize) (date->span.start - s_start));
  if (first == (gunichar) -1 || first == (gunichar) -2 || !g_unichar_isupper (first))
    return FALSE;
  const char *p = text + date->span.start;
  while (p > text + s_start && (p[-1] == ' ' || p[-1] == '\t'))
    p--;
  if (p == text + s_start || p[-1] != ',' || !dateline_end (text + date->span.end, text + len))
    return FALSE;

  memset (out, 0, sizeof *out);
  out->month = month;
  out->dom = dom;
  out->span = date->span;
  out->weekday = weekday_of_text (text + date->span.start, EVL_SPAN_LEN (date->span));
  out->weekday_in_dateline = out->weekday != 0;
  /* A weekday between the place and the date belongs to the dateline; the
   * first one after it in the same sentence is the lede's. */
  for (guint k = 0; !out->weekday && k < n_tx && tx[k].sentence <= date->sentence; k++)
    {
      int wd = weekday_of_value (tx[k].value);
      if (wd == 0 || tx[k].sentence != date->sentence)
        continue;
      if (tx[k].span.end <= date->span.start && tx[k].span.start >= s_start)
        {
          out->weekday = wd;
          out->weekday_in_dateline = TRUE;
          break;
        }
      if (tx[k].span.start >= date->span.end)
        {
          out->weekday = wd;
          break;
        }
    }
  return TRUE;
}

static gint
cmp_day (gconstpointer a, gconstpointer b)
{
  EvlDay x = *(const EvlDay *) a, y = *(const EvlDay *) b;
  return x < y ? -1 : x > y;
}

EvlDay
evl_cli_dateline_median (GArray *days)
{
  if (days->len == 0)
    return 0;
  g_array_sort (days, cmp_day);
  /* The lower median: an even set still gives one of its own days. */
  return g_array_index (days, EvlDay, (days->len - 1) / 2);
}

/* A leap day's nearest Feb 29 may be almost four years off; farther than
 * a year from the set's middle, the dateline is not of this story. */
#define MAX_DAYS_FROM_SET 366

EvlDay
evl_cli_dateline_day (const EvlCliDateline *dl, EvlDay median, EvlDay *refuted)
{
  *refuted = 0;
  if (median == 0)
    return 0;
  int year, month, dom;
  evl_day_to_ymd (median, &year, &month, &dom);
  EvlDay best = 0;
  guint best_dist = G_MAXUINT;
  for (int y = year - 4; y <= year + 4; y++)
    {
      EvlDay d = evl_day_from_ymd (y, dl->month, dl->dom);
      if (d == 0)
        continue;
      guint dist = d > median ? d - median : median - d;
      /* Ties (never for one calendar day a year apart) go to the earlier. */
      if (dist < best_dist)
        {
          best = d;
          best_dist = dist;
        }
    }
  if (best == 0 || best_dist > MAX_DAYS_FROM_SET)
    return 0;
  /* Every other year puts the day a year or more from the set, so the
   * nearest is the only candidate a weekday can confirm or refute.  The
   * dateline's own weekday names the day itself; the lede's ('on
   * Tuesday') the day of writing or the day before. */
  if (dl->weekday)
    {
      int wd = weekday_of_day (best);
      gboolean agrees = wd == dl->weekday
        || (!dl->weekday_in_dateline && wd == dl->weekday % 7 + 1);
      if (!agrees)
        {
          *refuted = best;
          return 0;
        }
    }
  return best;
}

static const char *
doc_name (const EvlDocument *doc)
{
  const char *path = evl_document_get_path (doc);
  return path ? path : evl_document_get_id (doc);
}

gboolean
evl_cli_date_dateline (const EvlContext *ctx, EvlDocument *doc, const EvlCliDateline *dl,
                       EvlDay median, GString *notes)
{
  gsize len;
  const char *text = evl_document_get_text (doc, &len);
  g_autofree char *date_text = g_strndup (text + dl->span.start, EVL_SPAN_LEN (dl->span));
  EvlDay refuted;
  EvlDay day = evl_cli_dateline_day (dl, median, &refuted);
  char buf[11];
  if (day == 0)
    {
      if (refuted && notes && evl_day_format (refuted, buf))
        {
          g_string_append_printf (notes, "eventline: note: %s: dateline '%s' left undated: "
                                  "the other articles point to %s, a %s, which %s%s does "
                                  "not fit\n", doc_name (doc), date_text, buf,
                                  names[weekday_of_day (refuted) - 1],
                                  dl->weekday_in_dateline ? "its " : "the lede's ",
                                  names[dl->weekday - 1]);
        }
      return FALSE;
    }
  if (!evl_day_format (day, buf) || !evl_document_set_dct (doc, buf, EVL_DCT_GUESSED))
    return FALSE;
  /* Annotated again with its creation time: the timexes resolve against
   * it ('on Tuesday'), and the entities and events read them.  The
   * sentences stay; an extracted (already annotated) document is
   * annotated again the same way. */
  gboolean was_annotated = evl_document_get_annotated (doc);
  evl_document_set_annotated (doc, FALSE);
  evl_pipeline_annotate (ctx, doc);
  evl_document_set_annotated (doc, was_annotated);
  if (notes)
    g_string_append_printf (notes, "eventline: note: %s: dateline '%s' dated %s from the other "
                            "articles\n", doc_name (doc), date_text, buf);
  return TRUE;
}

void
evl_cli_date_datelines (const EvlContext *ctx, GPtrArray *docs, GString *notes)
{
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (EvlDay));
  g_autoptr (GArray) held = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < docs->len; i++)
    {
      EvlDocument *doc = docs->pdata[i];
      EvlCliDateline dl;
      if (doc == NULL)
        continue;
      EvlDay d = evl_document_get_dct_day (doc);
      if (evl_document_get_dct_source (doc) != EVL_DCT_NONE && d)
        g_array_append_val (days, d);
      else if (evl_cli_yearless_dateline (doc, &dl))
        g_array_append_val (held, i);
    }
  EvlDay median = evl_cli_dateline_median (days);
  for (guint k = 0; median && k < held->len; k++)
    {
      EvlDocument *doc = docs->pdata[g_array_index (held, guint, k)];
      EvlCliDateline dl;
      evl_cli_yearless_dateline (doc, &dl);
      evl_cli_date_dateline (ctx, doc, &dl, median, notes);
    }
}
