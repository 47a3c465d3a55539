/* JSON builder helpers shared by the writers of extracted documents
 * (core/document-json.c) and of the story graph (graph/graph-json.c). */
#pragma once

#include <json-glib/json-glib.h>

/* Member @name with string @value, or null when @value is NULL. */
void evl_json_put_str (JsonBuilder *b, const char *name, const char *value);
/* Member @name with integer @value. */
void evl_json_put_int (JsonBuilder *b, const char *name, gint64 value);
