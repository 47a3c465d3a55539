/* STUB: replaced by the owner of 'eventline eval'. */
#include "cli.h"
int evl_cmd_eval (int argc, char **argv) { (void) argc; (void) argv; evl_cli_errorf ("eval", "not implemented yet"); return EVL_EXIT_USAGE; }
