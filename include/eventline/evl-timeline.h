#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-types.h>

G_BEGIN_DECLS

/* ---- entity timelines (SemEval-2015 Task 4 style) ---- */

/* Whether @name (words separated by single spaces) occurs in @text (@len
 * bytes, or -1 when NUL-terminated): its words in order, each a whole
 * word, ASCII letters compared without case, any white space between two
 * of them and at most one extra word ("iTunes Music Store" names "iTunes
 * Store"; "Jobs" does not name "jobseekers").  When @hits is not NULL the
 * byte offset (guint, from @text) of every occurrence is appended to it;
 * when it is NULL the search stops at the first. */
EVL_API gboolean evl_timeline_find_name (const char *text, gssize len, const char *name,
                                         GArray *hits);

G_END_DECLS
