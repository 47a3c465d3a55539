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

/* Parses the command line with @entries; on failure prints the error and
 * a hint and returns FALSE.  @params describes positional arguments. */
gboolean evl_cli_parse (int *argc, char ***argv, const char *cmd, const char *params,
                        const char *summary, const char *description,
                        const GOptionEntry *entries);

/* Loads every input path (files or folders) into documents.  Errors are
 * printed per file; with @strict the first error stops loading.  Returns
 * the documents and sets *n_errors.  (transfer full) */
GPtrArray *evl_cli_load_inputs (char **paths, const EvlLoadOptions *opts,
                                gboolean strict, guint *n_errors);

/* Fills @out from the loading options every command shares (--dct,
 * --input-format, --max-size); prints the error and returns FALSE on a bad
 * value. */
gboolean evl_cli_load_options (const char *cmd, const char *dct, const char *input_format,
                               gint64 max_size, EvlLoadOptions *out);

/* Validates a --dct argument; prints an error and returns FALSE if bad. */
gboolean evl_cli_check_dct (const char *dct);
