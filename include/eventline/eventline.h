/* eventline.h — the one header users include.
 *
 * eventline turns news articles into a dated, deduplicated, sourced event
 * graph.  Pipeline: source (load) -> segment -> timex -> entities -> events
 * -> graph (+ reason: merge, temporal closure) -> render / export.
 */
#pragma once

#define EVL_INSIDE
#include <eventline/evl-version.h>
#include <eventline/evl-error.h>
#include <eventline/evl-types.h>
#include <eventline/evl-context.h>
#include <eventline/evl-document.h>
#include <eventline/evl-source.h>
#include <eventline/evl-segment.h>
#include <eventline/evl-timex.h>
#include <eventline/evl-entity.h>
#include <eventline/evl-event.h>
#include <eventline/evl-pipeline.h>
#include <eventline/evl-graph.h>
#include <eventline/evl-reason.h>
#include <eventline/evl-render.h>
#include <eventline/evl-export.h>
#include <eventline/evl-eval.h>
#include <eventline/evl-timeline.h>
#undef EVL_INSIDE
