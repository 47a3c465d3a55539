#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <glib.h>
#include <eventline/evl-version.h>

G_BEGIN_DECLS

/* A half-open byte range [start, end) into a document's UTF-8 text. */
typedef struct {
  guint32 start;
  guint32 end;
} EvlSpan;

#define EVL_SPAN_LEN(s) ((s).end - (s).start)

/* Calendar days are exchanged as GLib Julian day numbers (GDate's
 * numbering: 0001-01-01 is day 1).  0 means "unknown". */
typedef guint32 EvlDay;

/* Granularity of a point in time, finest to coarsest. */
typedef enum {
  EVL_GRAIN_NONE = 0,   /* no calendar value (PRESENT_REF, XXXX-..) */
  EVL_GRAIN_MINUTE,
  EVL_GRAIN_HOUR,
  EVL_GRAIN_PART_OF_DAY,
  EVL_GRAIN_DAY,
  EVL_GRAIN_WEEK,
  EVL_GRAIN_MONTH,
  EVL_GRAIN_SEASON,
  EVL_GRAIN_QUARTER,
  EVL_GRAIN_HALF,
  EVL_GRAIN_YEAR,
  EVL_GRAIN_DECADE,
  EVL_GRAIN_CENTURY,
} EvlGrain;

EVL_API const char *evl_grain_to_string (EvlGrain grain);

/* Formats @day as "YYYY-MM-DD" into @buf (at least 11 bytes).  Returns @buf,
 * or NULL when @day is 0. */
EVL_API char *evl_day_format (EvlDay day, char buf[11]);
/* Parses "YYYY-MM-DD"; returns 0 when @text is not a valid date. */
EVL_API EvlDay evl_day_parse (const char *text);
EVL_API EvlDay evl_day_from_ymd (int year, int month, int day);
EVL_API void   evl_day_to_ymd (EvlDay day, int *year, int *month, int *dom);

/* TimeML event classes. */
typedef enum {
  EVL_EVENT_CLASS_OCCURRENCE,
  EVL_EVENT_CLASS_REPORTING,
  EVL_EVENT_CLASS_STATE,
  EVL_EVENT_CLASS_I_ACTION,
  EVL_EVENT_CLASS_I_STATE,
  EVL_EVENT_CLASS_ASPECTUAL,
  EVL_EVENT_CLASS_PERCEPTION,
  EVL_EVENT_CLASS_N
} EvlEventClass;

EVL_API const char *evl_event_class_to_string (EvlEventClass klass);
/* Returns -1 when @name is not a TimeML class. */
EVL_API int evl_event_class_from_string (const char *name);

typedef enum {
  EVL_ENTITY_PERSON,
  EVL_ENTITY_ORGANIZATION,
  EVL_ENTITY_LOCATION,   /* also GPEs: countries, cities, regions */
  EVL_ENTITY_N
} EvlEntityType;

EVL_API const char *evl_entity_type_to_string (EvlEntityType type);

/* Temporal relations (Allen-derived subset used by TimeML TLINKs). */
typedef enum {
  EVL_REL_BEFORE,
  EVL_REL_AFTER,
  EVL_REL_INCLUDES,
  EVL_REL_IS_INCLUDED,
  EVL_REL_SIMULTANEOUS,
  EVL_REL_N
} EvlRel;

EVL_API const char *evl_rel_to_string (EvlRel rel);
EVL_API EvlRel evl_rel_inverse (EvlRel rel);

G_END_DECLS
