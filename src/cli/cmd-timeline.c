/* STUB: replaced by the owner of 'eventline timeline'. */
#include "cli.h"
int evl_cmd_timeline (int argc, char **argv) { (void) argc; (void) argv; evl_cli_errorf ("timeline", "not implemented yet"); return EVL_EXIT_USAGE; }
