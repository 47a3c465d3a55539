/* SemEval-2015 Task 4 (TimeLine) measure: temporal awareness (UzZaman and
 * Allen 2011, as in TempEval-3) between a gold and a system timeline.
 *
 * A timeline file: the entity on the first line, then one line per event:
 * "ORDER<TAB>DATE<TAB>MENTION[<TAB>MENTION...]".  It becomes a temporal
 * graph over intervals:
 *   - mentions with the same ORDER (> 0) are SIMULTANEOUS (a chain in file
 *     order);
 *   - the groups of consecutive ORDER values are BEFORE one another (one
 *     edge between the groups' first mentions);
 *   - a group IS_INCLUDED in each calendar DATE its lines carry (YYYY,
 *     YYYY-MM, YYYY-MM-DD, with XX parts left open); date nodes are related
 *     by their calendar bounds (background knowledge shared by both
 *     graphs, not scored);
 *   - ORDER 0 (events the annotators could not place) adds no relation.
 * These edges are the graph's reduced form K-; its closure K+ is that of
 * tgraph.c (a date's inclusion is non-strict there: EVL_TREL_WITHIN).
 *
 *   precision = |Sys- verified in Gold+| / |Sys-|
 *   recall    = |Gold- verified in Sys+| / |Gold-|
 * summed over timelines (micro-average). */
#include "evl-private.h"
#include "eval-private.h"

#include <stdlib.h>
#include <string.h>

/* Calendar bounds [lo, hi) of a task date; FALSE for XXXX-XX-XX. */
static gboolean
parse_date (const char *s, EvlDay *lo, EvlDay *hi)
{
  g_auto (GStrv) parts = g_strsplit (s, "-", 3);
  guint n = g_strv_length (parts);
  if (n == 0 || strlen (parts[0]) != 4 || !g_ascii_isdigit (parts[0][0]))
    return FALSE;
  int y = atoi (parts[0]);
  int m = n > 1 && g_ascii_isdigit (parts[1][0]) ? atoi (parts[1]) : 0;
  int d = n > 2 && m && g_ascii_isdigit (parts[2][0]) ? atoi (parts[2]) : 0;
  if (y < 1 || m < 0 || m > 12)
    return FALSE;
  if (d)
    {
      *lo = evl_day_from_ymd (y, m, d);
      *hi = *lo ? *lo + 1 : 0;
    }
  else if (m)
    {
      *lo = evl_day_from_ymd (y, m, 1);
      *hi = m == 12 ? evl_day_from_ymd (y + 1, 1, 1) : evl_day_from_ymd (y, m + 1, 1);
    }
  else
    {
      *lo = evl_day_from_ymd (y, 1, 1);
      *hi = evl_day_from_ymd (y + 1, 1, 1);
    }
  return *lo != 0 && *hi > *lo;
}

typedef struct {
  guint order;
  guint first;          /* first mention's node */
} Group;

/* Builds the reduced graph of one timeline file's @text. */
static gboolean
graph_parse (EvlTGraph *g, const char *text, const char *name, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  for (guint ln = 1; lines[0] && lines[ln]; ln++)
    {
      char *line = g_strchomp (lines[ln]);
      if (*line == '\0')
        continue;
      g_auto (GStrv) f = g_strsplit (line, "\t", -1);
      char *end = NULL;
      guint64 order = g_ascii_strtoull (f[0], &end, 10);
      if (g_strv_length (f) < 3 || end == f[0] || *end != '\0')
        return evl_fail (error, EVL_ERROR_PARSE,
                         "%s:%u: expected ORDER<TAB>DATE<TAB>MENTION...", name, ln + 1);
      if (order == 0)
        {
          for (guint k = 2; f[k]; k++)
            evl_tgraph_node (g, f[k], 0, 0);
          continue;
        }
      Group *grp = groups->len ? &g_array_index (groups, Group, groups->len - 1) : NULL;
      guint prev = 0;
      gboolean chained = FALSE;
      if (grp && grp->order == order)
        {
          prev = grp->first;
          chained = TRUE;
        }
      for (guint k = 2; f[k]; k++)
        {
          if (*f[k] == '\0')
            continue;
          guint m = evl_tgraph_node (g, f[k], 0, 0);
          if (!chained)
            {
              Group ng = { (guint) order, m };
              g_array_append_val (groups, ng);
              grp = &g_array_index (groups, Group, groups->len - 1);
              chained = TRUE;
            }
          else if (m != prev)
            evl_tgraph_add_edge (g, prev, m, EVL_TREL_SIMULTANEOUS);
          prev = m;
        }
      EvlDay lo = 0, hi = 0;
      if (grp && grp->order == order && parse_date (f[1], &lo, &hi))
        evl_tgraph_add_edge (g, grp->first, evl_tgraph_node (g, f[1], lo, hi), EVL_TREL_WITHIN);
    }
  /* Groups in ORDER sequence, each BEFORE the next. */
  for (guint i = 1; i < groups->len; i++)
    for (guint j = i; j > 0; j--)
      {
        Group *a = &g_array_index (groups, Group, j - 1), *b = &g_array_index (groups, Group, j);
        if (a->order <= b->order)
          break;
        Group t = *a;
        *a = *b;
        *b = t;
      }
  for (guint i = 1; i < groups->len; i++)
    {
      const Group *a = &g_array_index (groups, Group, i - 1), *b = &g_array_index (groups, Group, i);
      if (a->order != b->order)
        evl_tgraph_add_edge (g, a->first, b->first, EVL_TREL_BEFORE);
      else if (a->first != b->first)
        evl_tgraph_add_edge (g, a->first, b->first, EVL_TREL_SIMULTANEOUS);
    }
  return TRUE;
}

void
evl_eval_timeline_counts_init (EvlTimelineCounts *out)
{
  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
}

gboolean
evl_eval_timeline_add (EvlTimelineCounts *c, const char *gold, const char *system,
                       const char *name, GError **error)
{
  g_return_val_if_fail (c != NULL && gold != NULL, FALSE);
  if (name == NULL)
    name = "timeline";
  EvlTGraph g, s;
  evl_tgraph_init (&g);
  evl_tgraph_init (&s);
  gboolean ok = graph_parse (&g, gold, name, error)
                && (system == NULL || graph_parse (&s, system, name, error));
  if (ok)
    {
      /* Dates are world knowledge: each graph knows the other's dates, so
       * 'in 2008' entails 'on 2008-06-09' whoever wrote which. */
      evl_tgraph_share_dates (&g, &s);
      evl_tgraph_share_dates (&s, &g);
      evl_tgraph_close (&g);
      evl_tgraph_close (&s);
      c->n_timelines++;
      if (system == NULL)
        c->n_missing++;
      c->gold += g.edges->len;
      c->system += s.edges->len;
      c->gold_verified += evl_tgraph_verified (&g, &s);
      c->system_verified += evl_tgraph_verified (&s, &g);
    }
  evl_tgraph_clear (&g);
  evl_tgraph_clear (&s);
  return ok;
}

gboolean
evl_eval_timeline_dirs (EvlTimelineCounts *c, const char *gold_dir, const char *system_dir,
                        GError **error)
{
  g_return_val_if_fail (c != NULL && gold_dir != NULL && system_dir != NULL, FALSE);
  if (!g_file_test (system_dir, G_FILE_TEST_IS_DIR))
    return evl_fail (error, EVL_ERROR_IO, "%s: not a folder", system_dir);
  g_autoptr (GPtrArray) names = evl_eval_list_files (gold_dir, FALSE, error);
  if (names == NULL)
    return FALSE;
  g_autoptr (GError) local = NULL;
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *gpath = g_build_filename (gold_dir, names->pdata[i], NULL);
      g_autofree char *spath = g_build_filename (system_dir, names->pdata[i], NULL);
      g_autofree char *gtext = NULL, *stext = NULL;
      if (!g_file_get_contents (gpath, &gtext, NULL, &local))
        return evl_fail (error, EVL_ERROR_IO, "%s", local->message);
      if (g_file_test (spath, G_FILE_TEST_IS_REGULAR)
          && !g_file_get_contents (spath, &stext, NULL, &local))
        return evl_fail (error, EVL_ERROR_IO, "%s", local->message);
      if (!evl_eval_timeline_add (c, gtext, stext, names->pdata[i], error))
        return FALSE;
    }
  return TRUE;
}

void
evl_eval_timeline_score (const EvlTimelineCounts *c, EvlPRF *out)
{
  g_return_if_fail (c != NULL && out != NULL);
  out->precision = c->system ? (double) c->system_verified / c->system : 0.0;
  out->recall = c->gold ? (double) c->gold_verified / c->gold : 0.0;
  double sum = out->precision + out->recall;
  out->f1 = sum > 0 ? 2 * out->precision * out->recall / sum : 0.0;
}
