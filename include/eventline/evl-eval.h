#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <glib.h>
#include <eventline/evl-version.h>

G_BEGIN_DECLS

/* Scorers (TempEval-3 timex/event measures, SemEval-2015 timeline
 * temporal awareness).  Owned by src/lib/eval/. */

G_END_DECLS
