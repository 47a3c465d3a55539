/* libFuzzer target: TIMEX3 value bounds/validation and the metadata date
 * normaliser on arbitrary strings. */
#include <string.h>
#include "fuzz-common.h"
#include "source/source-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > 4096)
    return 0;
  char *s = g_strndup ((const char *) data, size); /* stops at an embedded NUL */
  EvlDay begin, end;
  EvlGrain grain;
  if (evl_timex_value_bounds (s, &begin, &end, &grain))
    {
      /* A calendar extent is never inverted. */
      if (begin > end)
        abort ();
    }
  for (int t = EVL_TIMEX_DATE; t <= EVL_TIMEX_SET; t++)
    {
      GError *error = NULL;
      gboolean ok = evl_timex_value_validate ((EvlTimexType) t, s, &error);
      if (ok == (error != NULL))
        abort ();   /* GError contract: set exactly when FALSE */
      g_clear_error (&error);
    }
  char *date = evl_source_normalize_date (s);
  if (date && (strlen (date) != 10 || date[4] != '-' || date[7] != '-'))
    abort ();   /* documented: "YYYY-MM-DD" or NULL */
  g_free (date);
  g_free (s);
  return 0;
}
