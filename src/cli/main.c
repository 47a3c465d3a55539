/* eventline: the command-line front end.  A command table dispatches to
 * cmd-<name>.c; each command parses its own options with GOptionContext. */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const EvlCommand commands[] = {
  { "build", "Build the story: events.json, timeline and relationship diagrams", evl_cmd_build },
  { "tag", "Write each document as TimeML with TIMEX3, EVENT and TLINK tags", evl_cmd_tag },
  { "eval", "Score system TimeML against gold (timex, events, tlinks, timeline)", evl_cmd_eval },
  { "timeline", "Print the ordered timeline of one entity's events", evl_cmd_timeline },
  { "extract", "Annotate documents, one JSON line each (map step)", evl_cmd_extract },
  { "merge", "Build the story from 'extract' output (reduce step)", evl_cmd_merge },
  { NULL, NULL, NULL },
};

static void
usage (FILE *out)
{
  fprintf (out,
           "Usage: eventline COMMAND [OPTION...] ARGS...\n"
           "\n"
           "Turns news articles into a dated, deduplicated, sourced event graph and\n"
           "renders it as timelines and relationship diagrams.\n"
           "\n"
           "Commands:\n");
  for (const EvlCommand *c = commands; c->name; c++)
    fprintf (out, "  %-10s %s\n", c->name, c->summary);
  fprintf (out,
           "\n"
           "Run 'eventline COMMAND --help' (or 'eventline help COMMAND') for a command's options.\n"
           "\n"
           "Example:\n"
           "  eventline build --dct 2023-09-14 input/ -o output/\n"
           "\n"
           "Exit status: 0 success, 1 an input or output failed, 2 usage error.\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      usage (stderr);
      return EVL_EXIT_USAGE;
    }
  const char *name = argv[1];
  /* 'eventline help build' is 'eventline build --help', as in git. */
  if (strcmp (name, "help") == 0 && argc > 2)
    for (const EvlCommand *c = commands; c->name; c++)
      if (strcmp (c->name, argv[2]) == 0)
        {
          char *args[] = { argv[2], (char *) "--help", NULL };
          return c->run (2, args);
        }
  if (strcmp (name, "help") == 0 && argc > 2)
    {
      fprintf (stderr, "eventline: unknown command '%s'\n\n", argv[2]);
      usage (stderr);
      return EVL_EXIT_USAGE;
    }
  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 || strcmp (name, "help") == 0)
    {
      usage (stdout);
      return EVL_EXIT_OK;
    }
  if (strcmp (name, "--version") == 0)
    {
      printf ("eventline %s\n", EVL_VERSION_STRING);
      return EVL_EXIT_OK;
    }
  for (const EvlCommand *c = commands; c->name; c++)
    if (strcmp (c->name, name) == 0)
      return c->run (argc - 1, argv + 1);
  fprintf (stderr, "eventline: unknown command '%s'\n\n", name);
  usage (stderr);
  return EVL_EXIT_USAGE;
}
