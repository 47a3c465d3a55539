/* The library's error domain and the evl_fail() helper. */
#include "evl-private.h"

#include <stdarg.h>

G_DEFINE_QUARK (evl-error-quark, evl_error)

gboolean
evl_fail (GError **error, EvlError code, const char *fmt, ...)
{
  if (error == NULL)
    return FALSE;
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error_literal (error, EVL_ERROR, code, msg);
  return FALSE;
}
