#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <glib.h>
#include <gio/gio.h>
#include <eventline/evl-types.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* EvlGraph: the story.  Documents, entities, events and typed edges
 * (participation, location, temporal relations, same-event).  It is the
 * only thing renderers and exporters see.
 *
 * Ownership: the graph owns every record and string in it.  Records are
 * read-only structs returned as borrowed pointers, valid until the graph is
 * modified (add/merge) or freed.  Records are addressed by index; ids
 * ("e12", "ent3") are stable strings for export. */
typedef struct _EvlGraph EvlGraph;

typedef struct {
  const char *id;        /* document id */
  const char *path;      /* NULL when not from a file */
  const char *dct;       /* "YYYY-MM-DD" or NULL */
  const char *dct_source;/* "metadata", "default", "guessed", "none" */
  const char *title;     /* NULL when unknown */
  const char *url;       /* NULL when unknown */
} EvlGraphDocument;

typedef struct {
  const char *id;
  const char *name;
  const char *key;             /* merge key (evl_entity_normalize_key) */
  EvlEntityType type;
  GPtrArray *aliases;          /* const char*, distinct, sorted */
  guint n_mentions;
  guint n_documents;
} EvlGraphEntity;

/* Where an event was reported: provenance of one mention. */
typedef struct {
  guint doc;             /* index into documents */
  guint sentence;        /* sentence index in that document */
  guint start, end;      /* byte offsets of the trigger in the doc text */
  const char *text;      /* trigger text */
  const char *quote;     /* the whole sentence, whitespace collapsed */
  /* The time this mention alone was anchored to (NULL value when none):
   * kept so that merged events can vote on their date. */
  const char *time_value;
  EvlDay time_begin, time_end;
  EvlGrain time_grain;
  const char *time_anchor; /* as EvlGraphTime.anchor */
} EvlGraphMention;

typedef struct {
  gboolean known;
  const char *value;     /* TIMEX3 value, e.g. "2023-09-13", "2023-08" */
  EvlDay begin, end;     /* bounding days (inclusive); 0 when unknown */
  EvlGrain grain;
  const char *text;      /* the time expression as written */
  /* How it was chosen: evl_anchor_method_to_string(), "cue", or
   * "offset" for another event's date moved by a plain duration ('...
   * on Wednesday, a day after North Korea launched', 'came two days
   * before the summit on May 12'): value and bounds are the moved date, at
   * the duration's grain (weeks and hours: the day), text the duration
   * and its 'after' or 'before'.  Ranks with "sentence" and "cue" when
   * mentions vote on an event's date. */
  const char *anchor;
  /* Possible range narrowed by temporal reasoning for undated events. */
  EvlDay earliest, latest;
} EvlGraphTime;

typedef struct {
  const char *id;
  const char *type;        /* story type: MEETING, MISSILE_LAUNCH, ... */
  const char *cameo;       /* CAMEO root code or NULL */
  const char *thread;      /* story thread / lane name */
  EvlEventClass klass;
  const char *trigger;     /* lemma of the main trigger */
  const char *summary;     /* short human-readable line */
  EvlGraphTime time;
  GArray *participants;    /* guint entity indices (agents first) */
  gint agent;              /* entity index or -1 */
  gint patient;            /* entity index or -1 */
  gint location;           /* entity index or -1 */
  gint source;             /* reported-speech source entity or -1 */
  EvlPolarity polarity;
  const char *modality;    /* NULL when asserted */
  guint32 flags;           /* EvlEventFlags */
  GArray *mentions;        /* EvlGraphMention */
  guint n_sources;         /* distinct documents among mentions */
  float salience;
} EvlGraphEvent;

typedef struct {
  guint from, to;          /* event indices */
  EvlRel rel;
  const char *evidence;    /* "dates", "cue: hours before", "closure" ... */
  float confidence;
} EvlGraphRelation;

/* A disagreement between sources kept for the report. */
typedef struct {
  guint event;
  const char *field;       /* "time", "polarity" ... */
  const char *chosen;
  const char *rejected;
  const char *detail;
} EvlGraphConflict;

EVL_API EvlGraph *evl_graph_new (void);
EVL_API EvlGraph *evl_graph_ref (EvlGraph *g);
EVL_API void      evl_graph_unref (EvlGraph *g);

/* Interns @s in the graph's string pool (NULL stays NULL). */
EVL_API const char *evl_graph_intern (EvlGraph *g, const char *s);

/* Adders copy scalar fields and intern strings; they return the index.
 * For events, @ev->participants and @ev->mentions may be NULL; pass the
 * arrays' contents through the helpers below instead.  Ids are assigned
 * when NULL. */
EVL_API guint evl_graph_add_document (EvlGraph *g, const EvlGraphDocument *d);
EVL_API guint evl_graph_add_entity (EvlGraph *g, const EvlGraphEntity *e);
EVL_API void  evl_graph_entity_add_alias (EvlGraph *g, guint entity, const char *alias);
EVL_API guint evl_graph_add_event (EvlGraph *g, const EvlGraphEvent *ev);
EVL_API void  evl_graph_event_add_participant (EvlGraph *g, guint event, guint entity);
EVL_API void  evl_graph_event_add_mention (EvlGraph *g, guint event, const EvlGraphMention *m);
/* An event keeps at most this many mentions (with their quotes) from one
 * document; a document that repeats it beyond that (a runaway or
 * machine-made text) only adds to a count of further distinct mentions,
 * written to events.json as "more_mentions".  News articles stay far
 * below it (at most 6 per event and document in the sample, TimeBank and
 * 400 TempEval-3 silver documents), so their graphs are unchanged. */
#define EVL_GRAPH_MENTIONS_PER_DOCUMENT 1000
/* Distinct mentions of @event counted beyond the per-document cap (0 for
 * almost every event); its mentions in all are mentions->len plus this. */
EVL_API guint evl_graph_event_n_more_mentions (const EvlGraph *g, guint event);
/* Adds @n to that count (the graph loader restores it). */
EVL_API void  evl_graph_event_add_more_mentions (EvlGraph *g, guint event, guint n);
/* Adds a relation unless the same (from, to, rel) exists; returns TRUE if
 * added. */
EVL_API gboolean evl_graph_add_relation (EvlGraph *g, const EvlGraphRelation *r);
EVL_API void  evl_graph_add_conflict (EvlGraph *g, const EvlGraphConflict *c);

/* The people and places named in an entity's articles (reason/: whether
 * an acronym's article agrees with the full name's), kept with the story
 * so that a graph loaded back (build -g) has them: @other is added once.
 * get returns the @n neighbours in order of addition, NULL when none. */
EVL_API void evl_graph_entity_add_near (EvlGraph *g, guint entity, guint other);
EVL_API const guint *evl_graph_entity_get_near (const EvlGraph *g, guint entity, guint *n);

/* How many of an entity's mentions the articles typed each way, indexed
 * by EvlEntityType (reason/: the type most of them have wins), kept with
 * the story so that a graph loaded back (build -g) votes as one build
 * does.  peek returns the EVL_ENTITY_N counts, zero until set; get
 * returns NULL when none was set. */
EVL_API guint *evl_graph_entity_peek_type_votes (EvlGraph *g, guint entity);
EVL_API const guint *evl_graph_entity_get_type_votes (const EvlGraph *g, guint entity);

/* The title a person was named by with a bare surname ('Governor' of
 * 'Governor Ambrose'; reason/: a later full name told by that title is
 * that person), kept with the story so that a graph loaded back (build
 * -g) joins it as one build does.  NULL clears it; get returns NULL when
 * none. */
EVL_API void evl_graph_entity_set_title (EvlGraph *g, guint entity, const char *title);
EVL_API const char *evl_graph_entity_get_title (const EvlGraph *g, guint entity);

/* Mutable access for reason/ (merging, re-timing). */
EVL_API EvlGraphEvent  *evl_graph_peek_event (EvlGraph *g, guint i);
EVL_API EvlGraphEntity *evl_graph_peek_entity (EvlGraph *g, guint i);
/* Removes events whose @keep[i] is FALSE, renumbering relations. */
EVL_API void evl_graph_retain_events (EvlGraph *g, const gboolean *keep);
EVL_API void evl_graph_clear_relations (EvlGraph *g);
/* Folds events into others: @target[i] is i to keep event i, another
 * kept event's index to fold it into (its relations and conflicts are
 * redirected; self-relations dropped), or G_MAXUINT to delete it.  The
 * caller moves mentions/participants beforehand.  Kept events are
 * renumbered in order. */
EVL_API void evl_graph_collapse_events (EvlGraph *g, const guint *target);
/* Removes relations whose @keep[i] is FALSE. */
EVL_API void evl_graph_retain_relations (EvlGraph *g, const gboolean *keep);
/* Renames events "ev1".."evN" in @order (event indices, e.g. the
 * timeline); the next added event continues the numbering. */
EVL_API void evl_graph_renumber_events (EvlGraph *g, const GArray *order);

/* Story threads (lanes) in display order; events name theirs in
 * EvlGraphEvent.thread.  Adding an existing name returns its index. */
EVL_API guint evl_graph_add_thread (EvlGraph *g, const char *name);
EVL_API guint evl_graph_n_threads (const EvlGraph *g);
EVL_API const char *evl_graph_get_thread (const EvlGraph *g, guint i);
EVL_API void evl_graph_clear_threads (EvlGraph *g);

EVL_API guint evl_graph_n_documents (const EvlGraph *g);
EVL_API guint evl_graph_n_entities (const EvlGraph *g);
EVL_API guint evl_graph_n_events (const EvlGraph *g);
EVL_API guint evl_graph_n_relations (const EvlGraph *g);
EVL_API guint evl_graph_n_conflicts (const EvlGraph *g);
EVL_API const EvlGraphDocument *evl_graph_get_document (const EvlGraph *g, guint i);
EVL_API const EvlGraphEntity   *evl_graph_get_entity (const EvlGraph *g, guint i);
EVL_API const EvlGraphEvent    *evl_graph_get_event (const EvlGraph *g, guint i);
EVL_API const EvlGraphRelation *evl_graph_get_relation (const EvlGraph *g, guint i);
EVL_API const EvlGraphConflict *evl_graph_get_conflict (const EvlGraph *g, guint i);

/* ---- queries (used by render/ and export/) ---- */

/* (transfer full) Event indices in timeline order: by begin day, then
 * relation order, then first mention; undated events last unless placed
 * by relations.  Deterministic. */
EVL_API GArray *evl_graph_timeline (const EvlGraph *g);
/* (transfer full) Event indices in which @entity takes part. */
EVL_API GArray *evl_graph_events_of_entity (const EvlGraph *g, guint entity);
/* (transfer full) Dated events whose time overlaps [from, to] (0 = open);
 * an event with an unknown end lasts its begin day, as in the renderers'
 * selection (EvlRenderOptions from/to). */
EVL_API GArray *evl_graph_events_between (const EvlGraph *g, EvlDay from, EvlDay to);
/* (transfer full) Events of story type @type. */
EVL_API GArray *evl_graph_events_of_type (const EvlGraph *g, const char *type);
/* Entity index whose name, key or alias equals @name (case-insensitive),
 * or -1. */
EVL_API gint evl_graph_find_entity (const EvlGraph *g, const char *name);
/* Document index whose id is @id, or -1. */
EVL_API gint evl_graph_find_document (const EvlGraph *g, const char *id);
/* Event index whose id is @id, or -1. */
EVL_API gint evl_graph_find_event (const EvlGraph *g, const char *id);
/* (transfer full) Indices of the relations touching @event (neighbours). */
EVL_API GArray *evl_graph_relations_of_event (const EvlGraph *g, guint event);

/* ---- persistence ---- */

/* Writes the graph as JSON (the events.json format: documents, entities,
 * threads, events in timeline order, relations, conflicts, plus the
 * fields needed to reload it).  Same graph -> byte-identical output.
 * Sets EVL_ERROR_IO (or the stream's error) on failure. */
EVL_API gboolean evl_graph_save_json (const EvlGraph *g, GOutputStream *out,
                                      GError **error);
/* (transfer full) Reads a graph saved by evl_graph_save_json() (or an
 * events.json) so that more documents can be added with
 * evl_reason_update_graph().  NULL with EVL_ERROR_IO when the file cannot
 * be read, EVL_ERROR_PARSE when it is not a saved graph. */
EVL_API EvlGraph *evl_graph_load_json (const char *path, GError **error);
EVL_API EvlGraph *evl_graph_load_json_data (const char *data, gssize len,
                                            GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvlGraph, evl_graph_unref)

G_END_DECLS
