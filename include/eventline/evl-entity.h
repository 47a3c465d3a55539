#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <eventline/evl-context.h>
#include <eventline/evl-document.h>

G_BEGIN_DECLS

/* Finds PERSON / ORGANIZATION / LOCATION mentions (gazetteer + title,
 * capitalisation and context rules) and clusters aliases within the
 * document ('Kim Jong-un', 'Kim', 'Mr. Kim', 'the North Korean leader').
 * Requires a segmented document.  Replaces earlier entity annotations.
 * Sentences marked is_furniture are skipped; headings (and Title Case
 * sentences) only repeat names the body or the gazetteer knows.
 *
 * Mentions exclude titles and a possessive 's ('Mr. Kim's' -> "Kim").
 * Role descriptions ('the Russian President') and 'he'/'she' are mentions
 * with is_pronoun set, in the cluster of the person they resolve to (none
 * when unresolved).  Demonyms ('Russian officials') are not mentions;
 * proper names inside a title are ('Kremlin spokesperson ...' mentions
 * Russia).  A capital used as an actor ('Moscow said') is a mention of its
 * country; used as a place ('from Pyongyang') it is the city.  Each
 * cluster's key is evl_entity_normalize_key (name, type); its role is the
 * title phrase most of its mentions carry ('Russian President').  Rules
 * and lexicons: data/README.md, "Entities". */
EVL_API void evl_entities_annotate (const EvlContext *ctx, EvlDocument *doc);

/* The cross-document merge key of a name: lower case, hyphens and dots
 * folded, a leading "the" and a possessive 's dropped, known aliases mapped
 * to their canonical entity ("DPRK", "the North" -> "north korea", "the
 * Kremlin" -> "russia", "U.S." -> "united states", "Kim Jong-un" -> "kim
 * jong un").  A capital depends on @type: ORGANIZATION (the government
 * acting: 'Pyongyang said') gives its country, LOCATION the city
 * ("pyongyang").  (transfer full) */
EVL_API char *evl_entity_normalize_key (const EvlContext *ctx, const char *name,
                                        EvlEntityType type);

G_END_DECLS
