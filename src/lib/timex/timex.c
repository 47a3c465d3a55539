/* STUB: replaced by the timex module. */
#include "evl-private.h"
void evl_timex_annotate (const EvlContext *ctx, EvlDocument *doc) { (void) ctx; (void) doc; }
gboolean evl_timex_value_bounds (const char *value, EvlDay *b, EvlDay *e, EvlGrain *g)
{
  EvlDay d = evl_day_parse (value);
  if (!d) return FALSE;
  if (b) *b = d;
  if (e) *e = d;
  if (g) *g = EVL_GRAIN_DAY;
  return TRUE;
}
gboolean evl_timex_value_validate (EvlTimexType t, const char *v, GError **error) { (void) t; (void) v; (void) error; return TRUE; }
const char *evl_timex_type_to_string (EvlTimexType t) { static const char *n[] = {"DATE","TIME","DURATION","SET"}; return n[t & 3]; }
gboolean evl_timex_type_from_string (const char *name, EvlTimexType *out) { (void) name; (void) out; return FALSE; }
