/* Shared by the eventline command implementations. */
#pragma once

#include <eventline/eventline.h>

/* Exit codes, documented in --help and the README. */
enum {
  EVL_EXIT_OK = 0,
  EVL_EXIT_INPUT = 1,     /* an input or processing error */
  EVL_EXIT_USAGE = 2,     /* bad command line */
};

typedef int (*EvlCommandFunc) (int argc, char **argv);

typedef struct {
  const char *name;
  const char *summary;
  EvlCommandFunc run;
} EvlCommand;

int evl_cmd_build (int argc, char **argv);
int evl_cmd_tag (int argc, char **argv);
int evl_cmd_eval (int argc, char **argv);
int evl_cmd_timeline (int argc, char **argv);
int evl_cmd_extract (int argc, char **argv);
int evl_cmd_merge (int argc, char **argv);

/* Prints "eventline: [WHAT: ]message" once on stderr. */
void evl_cli_error (const char *what, const GError *error);
void evl_cli_errorf (const char *what, const char *fmt, ...) G_GNUC_PRINTF (2, 3);
/* "/" to print after folder @dir in a summary line, "" when it ends in one. */
const char *evl_cli_dir_slash (const char *dir);

/* Parses the command line with @entries; on failure prints the error and
 * a hint and returns FALSE.  @params describes positional arguments. */
gboolean evl_cli_parse (int *argc, char ***argv, const char *cmd, const char *params,
                        const char *summary, const char *description,
                        const GOptionEntry *entries);

/* Progress line on a terminal (progress.c).  Every function accepts NULL,
 * which is what evl_progress_new() returns when no line is wanted. */
typedef struct _EvlProgress EvlProgress;

/* TRUE when a progress line may be drawn: not @quiet, stderr is a
 * terminal and TERM is not "dumb". */
gboolean evl_progress_wanted (gboolean quiet);
/* (transfer full) A display for command @what, or NULL when not wanted. */
EvlProgress *evl_progress_new (const char *what, gboolean quiet);
/* Starts a phase ("loading", "annotating") of @total documents and
 * @total_bytes (0 = unknown: a counter is shown instead). */
void evl_progress_phase (EvlProgress *p, const char *phase, guint64 total, guint64 total_bytes);
/* Starts a stage shown by its name only ("relating events..."). */
void evl_progress_stage (EvlProgress *p, const char *stage);
/* Counts @docs more documents and @bytes more bytes; redraws at most 10
 * times a second. */
void evl_progress_add (EvlProgress *p, guint docs, guint64 bytes);
/* Counts one document done and its text's bytes. */
void evl_progress_add_document (EvlProgress *p, EvlDocument *doc);
/* Clears the line (if any) so a message can be printed; the next update
 * draws it again.  The error printers call it. */
void evl_progress_suspend (void);
/* Clears the line and frees. */
void evl_progress_free (EvlProgress *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvlProgress, evl_progress_free)

/* The inputs of a command, read in order a batch at a time, so commands
 * that write and drop each document (tag, extract) hold one batch of
 * texts instead of the whole corpus.  Unreadable inputs are reported on
 * stderr (one line each) and counted; with @strict the first one stops
 * reading.  @sizes: stat() every file for the progress line's total.
 * Unless @quiet, a note names the subfolders of input folders, which are
 * not read, but for @outdir (nullable), the command's output folder.  The
 * files 'build' writes (events.json, report.html, the diagrams) are not
 * read from @outdir. */
typedef struct _EvlCliInputs EvlCliInputs;
EvlCliInputs *evl_cli_inputs_new (char **paths, const EvlLoadOptions *opts, gboolean strict,
                                  gboolean sizes, gboolean quiet, const char *outdir);
void evl_cli_inputs_free (EvlCliInputs *in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvlCliInputs, evl_cli_inputs_free)
/* Reads whole files until their texts reach @batch_bytes (0: every file
 * left) and keeps them as the next batch; returns how many documents it
 * holds.  @loading (may be NULL) counts the documents and bytes read. */
guint evl_cli_inputs_load (EvlCliInputs *in, guint64 batch_bytes, EvlProgress *loading);
/* (transfer full) The batch evl_cli_inputs_load() kept, or else the next
 * @batch_bytes of documents; NULL once every input has been read (or,
 * with strict, one failed). */
GPtrArray *evl_cli_inputs_next (EvlCliInputs *in, guint64 batch_bytes);
/* Input bytes done once document @i of the current batch is: its file's
 * size on the file's last document, else 0. */
guint64 evl_cli_inputs_done_bytes (EvlCliInputs *in, guint i);
/* Sum of the files' sizes (0 without @sizes). */
guint64 evl_cli_inputs_total_bytes (EvlCliInputs *in);
guint evl_cli_inputs_errors (EvlCliInputs *in);
/* The input file that is @path itself (by another path to it of the same
 * file name), or NULL: an output written there would replace the article
 * it was made from. */
const char *evl_cli_inputs_find (EvlCliInputs *in, const char *path);
/* The first input file in folder @dir whose name ends in @ext, or NULL:
 * writing DIR/NAME@ext per document would replace it. */
const char *evl_cli_inputs_in_folder (EvlCliInputs *in, const char *dir, const char *ext);
/* TRUE when file name @name is one 'eventline build' writes into its
 * output folder (events.json, report.html, the diagrams, the exports). */
gboolean evl_cli_is_build_output (const char *name);
/* TRUE when @a and @b exist and are the same file. */
gboolean evl_cli_same_file (const char *a, const char *b);

/* Text bytes per batch for streaming commands: memory stays near this
 * whatever the corpus size, and at this size the threads' idle time
 * between batches is lost in the noise. */
#define EVL_CLI_BATCH_BYTES (4u << 20)

/* Called with each batch before it is annotated; then the sink gets each
 * document, annotated, in input order, and the runner drops it. */
typedef void (*EvlCliBatchFunc) (GPtrArray *docs, gpointer user_data);
typedef void (*EvlCliDocFunc) (EvlDocument *doc, gpointer user_data);
/* Annotates every input with @threads (0 = one per processor), batch by
 * batch, under progress phase @phase, computing what @needs asks for
 * (evl_pipeline_annotate_for()); returns the number of documents. */
guint evl_cli_annotate_inputs (const EvlContext *ctx, EvlCliInputs *in, guint threads,
                               EvlPipelineNeeds needs, EvlProgress *progress, const char *phase,
                               EvlCliBatchFunc batch, EvlCliDocFunc sink, gpointer user_data);

/* Appends document @doc's line (with its newline) to @buf. */
typedef void (*EvlCliLineFunc) (GString *buf, EvlDocument *doc);
/* Annotates every input (what @needs asks for) and writes a line per
 * document, in input order,
 * 64 KiB at a time: to the file @path, replaced atomically once every
 * line is written (nothing is left behind on failure), or to standard
 * output when @path is NULL or "-".  On failure prints the error (as
 * "eventline: WHERE: message") and returns FALSE.  Sets *@written. */
gboolean evl_cli_write_lines (const EvlContext *ctx, EvlCliInputs *in, guint threads,
                              EvlPipelineNeeds needs, EvlProgress *progress, const char *phase, EvlCliLineFunc line,
                              const char *path, guint *written);

/* Loads every input path (files or folders) into documents.  Errors are
 * printed per file; with @strict the first error stops loading.  Returns
 * the documents and sets *n_errors.  @progress (may be NULL) counts the
 * documents and bytes read; @quiet and @outdir as evl_cli_inputs_new().
 * The file @story (nullable), a saved story, is not read as an article.
 * (transfer full) */
GPtrArray *evl_cli_load_inputs (char **paths, const EvlLoadOptions *opts, gboolean strict,
                                gboolean quiet, const char *outdir, const char *story,
                                EvlProgress *progress, guint *n_errors);

/* Total bytes of the texts of @docs[@from..] (NULL slots count 0). */
guint64 evl_cli_documents_bytes (GPtrArray *docs, guint from);

/* Fills @out from the loading options every command shares (--dct,
 * --input-format, --max-size); prints the error and returns FALSE on a bad
 * value. */
gboolean evl_cli_load_options (const char *cmd, const char *dct, const char *input_format,
                               const char *max_size, EvlLoadOptions *out);

/* Parses a size: bytes, or with a K, M, G or T (powers of 1024) suffix. */
gboolean evl_cli_parse_size (const char *text, guint64 *out);

/* FALSE, with an error, when no file can be created in folder @dir:
 * checked before the inputs are annotated, not after (a corpus takes
 * minutes; one line instead of one per document). */
gboolean evl_cli_check_writable_dir (const char *dir);

/* FALSE, with an error, when -o @path (nullable) is a folder where a
 * file is wanted: said before any work rather than after it. */
gboolean evl_cli_check_output_file (const char *cmd, const char *path);

/* (transfer full) The items of a comma-separated option value, as
 * people type them: "svg, PNG" is { "svg", "png" }. */
char **evl_cli_split_list (const char *arg);

/* FALSE, with an error, when an INPUT of @inputs, -o @output or --graph
 * @graph (each nullable) is the empty string: "eventline: : no such
 * file" says nothing of where it came from. */
gboolean evl_cli_check_paths (const char *cmd, char **inputs, const char *output,
                              const char *graph);

/* Validates -j N (0: one thread per processor); prints an error and
 * returns FALSE if bad. */
gboolean evl_cli_check_threads (const char *cmd, gint threads);

/* Validates a --dct argument; prints an error and returns FALSE if bad. */
gboolean evl_cli_check_dct (const char *cmd, const char *dct);

/* ---- yearless datelines (dateline.c) ---- */

/* 'PORTO LENTO, March 4 (AP) -' in an undated document's first sentences,
 * with the weekday that may confirm its year: the dateline's own
 * ('Tuesday, March 4') or the first of its sentence after it ('on
 * Tuesday'). */
typedef struct {
  int month, dom;
  EvlSpan span;                  /* the date's text */
  int weekday;                   /* 1 (Monday) .. 7, 0 = none */
  gboolean weekday_in_dateline;
} EvlCliDateline;

/* TRUE when @doc (annotated) has no creation date and opens with a
 * yearless dateline, described in *@out. */
gboolean evl_cli_yearless_dateline (const EvlDocument *doc, EvlCliDateline *out);
/* The lower median of @days (sorted in place), 0 when empty. */
EvlDay evl_cli_dateline_median (GArray *days);
/* The day of @dl nearest to @median, within a year of it, or 0; also 0,
 * with that day in *@refuted, when @dl's weekday contradicts it. */
EvlDay evl_cli_dateline_day (const EvlCliDateline *dl, EvlDay median, EvlDay *refuted);
/* Dates @doc from @dl and the set's @median (a guessed creation date),
 * annotates it again and appends a note line to @notes (may be NULL);
 * FALSE, with a note when a weekday refutes the year, if not dated. */
gboolean evl_cli_date_dateline (const EvlContext *ctx, EvlDocument *doc,
                                const EvlCliDateline *dl, EvlDay median, GString *notes);
/* evl_cli_date_dateline() on every document of @docs (annotated) that
 * opens with a yearless dateline, from the median creation date of the
 * dated others; none is dated when no other is. */
void evl_cli_date_datelines (const EvlContext *ctx, GPtrArray *docs, GString *notes);
