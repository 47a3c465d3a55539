#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>

TestSuite (timeline);

typedef struct {
  char text[96];
  char name[32];
  int first;   /* byte offset of the first occurrence, -1 none */
  guint count; /* occurrences */
} NameCase;

ParameterizedTestParameters (timeline, finds_entity_names)
{
  static NameCase cases[] = {
    { "Steve Jobs unveiled the phone.", "Steve Jobs", 0, 1 },
    { "He said steve jobs was ill.", "Steve Jobs", 8, 1 },
    /* whole words only */
    { "Jobseekers queued outside.", "Jobs", -1, 0 },
    { "The iPods sold well.", "iPod", -1, 0 },
    { "Apple's iPod, the iPod nano.", "iPod", 8, 2 },
    /* one extra word between two of the name's words */
    { "the iTunes Music Store opened", "iTunes Store", 4, 1 },
    { "iTunes sells music in its Store", "iTunes Store", -1, 0 },
    { "Apple Corps Ltd sued", "Apple Corps", 0, 1 },
    /* the first word must be there; line breaks are space */
    { "Music Store of iTunes", "iTunes Store", -1, 0 },
    { "the iTunes\nStore", "iTunes Store", 4, 1 },
    /* a word at the very end of the text */
    { "It was the iPhone 4", "iPhone 4", 11, 1 },
    { "It was the iPhone 4S", "iPhone 4", -1, 0 },
  };
  return cr_make_param_array (NameCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (NameCase *tc, timeline, finds_entity_names)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean found = evl_timeline_find_name (tc->text, -1, tc->name, hits);
  cr_expect_eq (found, tc->first >= 0, "'%s' in \"%s\"", tc->name, tc->text);
  cr_expect_eq (hits->len, tc->count, "'%s' in \"%s\": %u hits", tc->name, tc->text, hits->len);
  if (tc->first >= 0 && hits->len)
    cr_expect_eq (g_array_index (hits, guint, 0), (guint) tc->first, "'%s' in \"%s\"", tc->name,
                  tc->text);
  cr_expect_eq (evl_timeline_find_name (tc->text, -1, tc->name, NULL), found);
}

Test (timeline, length_bounds_the_search)
{
  const char *text = "Apple unveiled the iPod";
  cr_expect_not (evl_timeline_find_name (text, 18, "iPod", NULL));
  cr_expect (evl_timeline_find_name (text, -1, "iPod", NULL));
  /* a prefix of a word is not the word: "iPo" ends inside "iPod" */
  cr_expect (evl_timeline_find_name (text, 22, "iPo", NULL));
  cr_expect_not (evl_timeline_find_name (text, -1, "iPo", NULL));
  cr_expect_not (evl_timeline_find_name (text, -1, "  ", NULL));
}
