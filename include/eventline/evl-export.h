#pragma once
#if !defined(EVL_INSIDE) && !defined(EVL_COMPILATION)
#error "Only <eventline/eventline.h> can be included directly."
#endif

#include <gio/gio.h>
#include <eventline/evl-graph.h>
#include <eventline/evl-document.h>
#include <eventline/evl-render.h>

G_BEGIN_DECLS

/* events.json: {documents, entities, events, relations, conflicts}. */
EVL_API gboolean evl_export_json (const EvlGraph *g, GOutputStream *out, GError **error);

/* Writes @contents to @path through a temporary file renamed into place,
 * so a failure never leaves a partial file or destroys the old one. */
EVL_API gboolean evl_export_write_atomic (const char *path, const char *contents,
                                          gsize len, GError **error);

/* Runs @writer into a temporary file next to @path and renames it into
 * place once complete, with the guarantees of evl_export_write_atomic.
 * The output is streamed (buffered), never held whole in memory. */
typedef gboolean (*EvlStreamWriter) (const EvlGraph *g, GOutputStream *out, GError **error);
EVL_API gboolean evl_export_to_file (EvlStreamWriter writer, const EvlGraph *g,
                                     const char *path, GError **error);

/* The general form: @func writes to @out (a buffered stream on a
 * temporary file in @path's folder); when it returns TRUE and the data
 * reach the disk, the temporary is renamed over @path.  When @func fails,
 * its error is returned as is; any other failure (creating, flushing,
 * renaming) is EVL_ERROR_IO naming @path.  Either way the temporary is
 * removed and an existing @path is left untouched. */
typedef gboolean (*EvlExportFunc) (GOutputStream *out, gpointer user_data, GError **error);
EVL_API gboolean evl_export_stream_atomic (const char *path, EvlExportFunc func,
                                           gpointer user_data, GError **error);

/* The document as TimeML with the system's TIMEX3 and EVENT tags inserted
 * into TEXT; characters outside the tags are the input's. */
EVL_API gboolean evl_export_timeml (const EvlDocument *doc, GOutputStream *out,
                                    GError **error);

/* report.html: a self-contained HTML5 page (no external resources): a
 * header and summary, the timeline and relations diagrams inline as SVG,
 * every event in timeline order with its sources and quotes, the
 * entities, the temporal relations and the conflicts between sources.
 * Article text only ever enters the page as escaped text; the inline SVG
 * is stripped of scripts, event handlers and non-web links.  A diagram
 * that cannot be drawn is replaced by a note saying why.  @opts (may be
 * NULL) is passed to the diagrams (format forced to SVG); its title, when
 * set, titles the page.  Sets EVL_ERROR_IO when @out fails. */
EVL_API gboolean evl_export_report (const EvlGraph *g, GOutputStream *out, GError **error);
EVL_API gboolean evl_export_report_with_options (const EvlGraph *g, const EvlRenderOptions *opts,
                                                 GOutputStream *out, GError **error);
/* As evl_export_report_with_options, with the diagrams already drawn:
 * @timeline_svg and @relations_svg (transfer none, may be NULL: then drawn
 * here) are the SVG the "timeline" and "relations" renderers made from @g
 * with @opts (the bytes of timeline.svg and relations.svg), so a build that
 * writes those files does not draw them twice.  They are parsed and
 * sanitised as the report's own drawings are. */
EVL_API gboolean evl_export_report_with_diagrams (const EvlGraph *g, const EvlRenderOptions *opts,
                                                  GBytes *timeline_svg, GBytes *relations_svg,
                                                  GOutputStream *out, GError **error);

/* timelinejs.json: Knight Lab TimelineJS3's JSON data format: a title
 * slide (headed as the timeline diagram is when no title is given) and
 * one slide per event ({start_date, end_date?, text {headline,
 * text}, group = thread, unique_id = event id}).  Headline and text are
 * HTML-escaped because TimelineJS renders them as HTML.  Undated events
 * with a reasoned range start at its earliest day, others at the creation
 * date of the first document reporting them (display_date "Date not
 * stated"); only events with neither are left out (TimelineJS requires a
 * start date). */
EVL_API gboolean evl_export_timelinejs (const EvlGraph *g, GOutputStream *out, GError **error);

/* events.csv (RFC 4180: CRLF line ends, fields quoted when they hold a
 * comma, quote, CR or LF, quotes doubled).  A header row, then one row per
 * event in timeline order: id, date_begin, date_end, value, type, thread,
 * summary, participants ("; "-separated names), location, polarity
 * (POS/NEG), modality, sources (number of documents), first_quote,
 * documents ("; "-separated document ids). */
EVL_API gboolean evl_export_csv (const EvlGraph *g, GOutputStream *out, GError **error);

/* events.jsonl: one compact JSON object per line per event, in timeline
 * order, with exactly the fields of the events in events.json. */
EVL_API gboolean evl_export_jsonl (const EvlGraph *g, GOutputStream *out, GError **error);

/* Appends @str (@len bytes, or up to its NUL when @len is negative) to
 * @out as a JSON string literal, quotes included: '"' and '\' escaped,
 * control characters as \b \f \n \r \t or \u00XX (DEL as \u007f), other
 * characters as they are.  Whatever @str holds, what is appended is valid
 * JSON in valid UTF-8: each maximal ill-formed UTF-8 subpart (overlong
 * forms, surrogates and values above U+10FFFF included) becomes U+FFFD. */
EVL_API void evl_export_append_json_string (GString *out, const char *str, gssize len);

/* Appends to @out the line `eventline tag -f jsonl` writes for @doc: one
 * compact JSON object ending in a newline, with the members of `tag -f
 * json` in its order: id, path, title, dct (each only when set), timexes
 * [{tid, start, end, text, type, value, mod, quant, freq, anchorTimeID}]
 * and events [{eid, start, end, text, class, lemma, type, tense, aspect,
 * polarity, modality, timex}], members left out when unset.  Spans are
 * byte offsets into the document's text; strings are written by
 * evl_export_append_json_string(). */
EVL_API void evl_export_tag_json_line (GString *out, const EvlDocument *doc);

G_END_DECLS
