#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <glib.h>
#include <eventline/evl-version.h>

G_BEGIN_DECLS

/* The single error domain of the library.  Codes are added only when a
 * caller can act on them differently. */
#define EVL_ERROR (evl_error_quark ())

typedef enum {
  EVL_ERROR_IO,                 /* file missing, unreadable, unwritable */
  EVL_ERROR_PARSE,              /* malformed XML/JSON/manifest */
  EVL_ERROR_UNSUPPORTED_FORMAT, /* binary, unknown input type */
  EVL_ERROR_INVALID_TIMEX,      /* a TIMEX3 value that is not ISO/TimeML */
  EVL_ERROR_RENDER,             /* Graphviz failed */
  EVL_ERROR_INVALID_ARGUMENT,   /* bad option value */
  EVL_ERROR_ENCODING,           /* invalid UTF-8 / unknown charset */
  EVL_ERROR_TOO_LARGE,          /* input beyond the configured size limit */
} EvlError;

EVL_API GQuark evl_error_quark (void);

G_END_DECLS
