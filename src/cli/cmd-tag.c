/* STUB: replaced by the owner of 'eventline tag'. */
#include "cli.h"
int evl_cmd_tag (int argc, char **argv) { (void) argc; (void) argv; evl_cli_errorf ("tag", "not implemented yet"); return EVL_EXIT_USAGE; }
