#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-context.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* Recognises temporal expressions in a segmented document and normalises
 * them to TIMEX3 (type, value, mod, quant, freq) against the document
 * creation time (news) or the last mentioned date (narrative).  Fills
 * begin/end/grain for calendar values.  Replaces earlier timexes. */
EVL_API void evl_timex_annotate (const EvlContext *ctx, EvlDocument *doc);

/* Calendar bounds of a TIMEX3 DATE/TIME value: "2023-08" -> 2023-08-01 ..
 * 2023-08-31 (grain MONTH); "2023-W37", "2023-Q1", "2023-SU", "199",
 * "19", "2023-09-13TAF" all resolve.  Returns FALSE for values with no
 * calendar extent (PRESENT_REF, XXXX-03-05, durations). */
EVL_API gboolean evl_timex_value_bounds (const char *value, EvlDay *begin_out,
                                         EvlDay *end_out, EvlGrain *grain_out);

/* Checks that @value is a well-formed TIMEX3 value for @type. */
EVL_API gboolean evl_timex_value_validate (EvlTimexType type, const char *value,
                                           GError **error);

EVL_API const char *evl_timex_type_to_string (EvlTimexType type);
EVL_API gboolean evl_timex_type_from_string (const char *name, EvlTimexType *out);

G_END_DECLS
