#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-types.h>
#include <eventline/evl-document.h>

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

/* The day a past-tense event at byte @before of a text, with no date of
 * its own, happened: the last calendar day among @timexes (@n, in text
 * order) before it that falls in the week up to @dct, else @dct (the
 * narrative's reference time carried forward). */
EVL_API EvlDay evl_timeline_reference_day (const EvlTimex *timexes, guint n, guint before,
                                           EvlDay dct);

/* Whether two task dates (YYYY, YYYY-MM, YYYY-MM-DD) of mentions of one
 * lemma can date one event: the same date, a month and a day in it, or,
 * in different documents (@same_doc FALSE), two days of one month. */
EVL_API gboolean evl_timeline_same_event_date (const char *a, const char *b, gboolean same_doc);

/* (transfer full) The task's name of an event mention: its @word_len
 * bytes at @text (@len bytes readable), joined by '_' to the adverbial
 * particle that follows a @verb, next to it or after a short object
 * ("showed_off", "step_down", "took six months off": "took_off"). */
EVL_API char *evl_timeline_mention_word (const char *text, gsize len, gsize word_len,
                                         gboolean verb);

/* Whether a genitive 's (or the bare ' of a plural) follows byte @at of
 * @text (@len bytes), past any space: the expression that ends at @at
 * then qualifies the noun after it ("this year's conference"). */
EVL_API gboolean evl_timeline_genitive_at (const char *text, gsize len, gsize at);

/* Whether what precedes byte @at of @text, back to byte @from (the
 * sentence's start), opens an adverbial clause there: nothing, a comma
 * or colon, or "by", "while", "when", "after", "before", "without",
 * "upon", "and" ("by walking", ", saying"; not "videos demonstrating",
 * "is going"). */
EVL_API gboolean evl_timeline_opens_clause_before (const char *text, gsize from, gsize at);

/* Whether the word before byte @at of @text, back to byte @from, is
 * "to": the infinitive marker right before a verb ("moved on to talk",
 * not "to be deteriorating"). */
EVL_API gboolean evl_timeline_to_before (const char *text, gsize from, gsize at);

G_END_DECLS
