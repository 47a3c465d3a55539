/* Build-time tool: writes the story taxonomy image (story-private.h) of
 * data/taxonomy/story.txt and the cue lexicons with the library's own
 * parser (story-taxonomy.c), so that the compiled-in taxonomy is mapped
 * at start-up instead of parsed (story.c).
 *
 * Usage: story-taxonomy-tool STORY_TXT FACTUALITY_TXT CUES_TXT OUTPUT */
#include "story-private.h"

#include <stdio.h>

static GBytes *
read_file (const char *path, GError **error)
{
  char *data;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return g_bytes_new_take (data, len);
}

int
main (int argc, char **argv)
{
  if (argc != 5)
    {
      fprintf (stderr, "usage: %s STORY_TXT FACTUALITY_TXT CUES_TXT OUTPUT\n", argv[0]);
      return 2;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) story = read_file (argv[1], &error);
  g_autoptr (GBytes) factuality = story ? read_file (argv[2], &error) : NULL;
  g_autoptr (GBytes) cues = factuality ? read_file (argv[3], &error) : NULL;
  g_autoptr (GBytes) image = cues ? evl_story_taxonomy_build_image (story, factuality, cues, &error) : NULL;
  gsize len = 0;
  const char *data = image ? g_bytes_get_data (image, &len) : NULL;
  if (image == NULL || !g_file_set_contents (argv[4], data, (gssize) len, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
